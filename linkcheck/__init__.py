"""Template 3's link checker: the checking engine (`linkcheck.check`, pure code) and the runs that check every
link, inline or split by host across job workers (`linkcheck.services`, `linkcheck.tasks`)."""
