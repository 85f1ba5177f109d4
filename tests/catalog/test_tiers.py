"""Each criterion flipping on its own changes the tier exactly as the indicator defines it."""
import pytest

from catalog.tiers import CRITERIA, missing_for_next, province_tier, tier_met

ALL = dict.fromkeys(CRITERIA, True)


def only(*keys):
    return {key: key in keys for key in CRITERIA}


@pytest.mark.parametrize("met, tier", [
    (only(), 0),
    (only("requirements_approved"), 50),
    (only("requirements_approved", "template2_complete"), 50),
    (only("requirements_approved", "template3_public_ok"), 50),
    (only("requirements_approved", "template2_complete", "template3_public_ok"), 75),
    (only("requirements_approved", "template2_complete", "template3_public_ok", "gdc_registered"), 75),
    (only("requirements_approved", "template2_complete", "template3_public_ok", "visualization_approved"), 75),
    (ALL, 100),
    # Higher criteria without the lower ones reach nothing above the lower tier.
    (only("template2_complete", "template3_public_ok", "gdc_registered", "visualization_approved"), 0),
    (only("requirements_approved", "gdc_registered", "visualization_approved"), 50),
])
def test_tier_table(met, tier):
    assert tier_met(met) == tier


@pytest.mark.parametrize("key", CRITERIA)
def test_each_criterion_flipping_alone_drops_the_tier(key):
    expected = {"requirements_approved": 0, "template2_complete": 50, "template3_public_ok": 50,
                "gdc_registered": 75, "visualization_approved": 75}[key]
    assert tier_met({**ALL, key: False}) == expected


def test_missing_for_next():
    assert missing_for_next(only()) == ["requirements_approved"]
    assert missing_for_next(only("requirements_approved", "template3_public_ok")) == ["template2_complete"]
    assert missing_for_next(ALL) == []


def test_province_takes_the_lowest_issue():
    assert province_tier([100, 75]) == 75
    assert province_tier([50, 100]) == 50
    assert province_tier([]) == 0
