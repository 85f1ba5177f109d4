"""The indicator's tiers (50 / 75 / 100), as pure rules over criteria that are met or not.

basic (50):     the requirements document for the issue approved by the Provincial Statistics Committee;
standard (75):  Template 1 and Template 2 in the catalog (every current item's Template 2 complete), and
                100 % of public-category items with a complete Template 3 whose URL is ok;
advanced (100): 100 % of public-category items registered in the GD Catalog, and the issue's
                visualization summary approved by the Provincial Statistics Committee.
A tier counts only when every tier below it is met too. The province's tier is its lowest issue's.
"""
from collections.abc import Iterable, Mapping

TIERS: dict[int, tuple[str, ...]] = {
    50: ("requirements_approved",),
    75: ("template2_complete", "template3_public_ok"),
    100: ("gdc_registered", "visualization_approved"),
}
CRITERIA = tuple(key for keys in TIERS.values() for key in keys)


def tier_met(met: Mapping[str, bool]) -> int:
    """The highest tier whose criteria, and those of every lower tier, are all met (0 when none)."""
    reached = 0
    for tier, keys in TIERS.items():
        if not all(met.get(key, False) for key in keys):
            break
        reached = tier
    return reached


def missing_for_next(met: Mapping[str, bool]) -> list[str]:
    """The criteria still unmet for the next tier (empty at 100)."""
    current = tier_met(met)
    for tier, keys in TIERS.items():
        if tier > current:
            return [key for key in keys if not met.get(key, False)]
    return []


def province_tier(issue_tiers: Iterable[int]) -> int:
    """Both (all) issues must meet a tier for the province to meet it."""
    return min(issue_tiers, default=0)
