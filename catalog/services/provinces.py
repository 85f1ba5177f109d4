"""The 76 provinces' names and codes, from kept lists rather than typed by hand.

Thai and English names come from pythainlp's province list; the two-digit code (TIS 1099, the DOPA code
that prefixes every district code, e.g. 94 Pattani) from ISO 3166-2:TH as pycountry ships it (TH-94),
joined on the English name. Bangkok is not a province with a provincial statistics office, so it is left out.
"""
import re

import pycountry
from django.db import transaction
from django.utils.text import slugify
from pythainlp.corpus.common import provinces as thai_provinces

from catalog.models import Province

NOT_A_PROVINCE = {"BKK"}  # Bangkok: a special administrative area


def _key(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())


def province_list() -> list[dict]:
    """[{code, name_th, name_en, slug}] for the 76 provinces, by code."""
    codes = {_key(sub.name): sub.code.removeprefix("TH-")
             for sub in pycountry.subdivisions.get(country_code="TH") if sub.code.removeprefix("TH-").isdigit()}
    rows = [{"code": codes[_key(p["name_en"])], "name_th": p["name_th"], "name_en": p["name_en"],
             "slug": slugify(p["name_en"])}
            for p in thai_provinces(details=True) if p["abbr_en"] not in NOT_A_PROVINCE]
    return sorted(rows, key=lambda row: row["code"])


@transaction.atomic
def provinces_load() -> tuple[int, int]:
    """Add the provinces not loaded yet (by code); a loaded one keeps its names and host name. (added, kept)"""
    existing = set(Province.all_objects.values_list("code", flat=True))
    new = [Province(**row) for row in province_list() if row["code"] not in existing]
    Province.all_objects.bulk_create(new)
    return len(new), len(existing)
