"""Synthetic demo tables for the dashboards of issues 1 and 3, generated deterministically.

Every version made here is flagged `is_synthetic`, so every chart built on it says
"ข้อมูลตัวอย่างเพื่อการสาธิต". The rows go through the same validation as an upload. Running it
again changes nothing (same rows → same checksum → no new version), and an item that already
has an uploaded (non-synthetic) version is left alone.
"""
import random
import zlib

from catalog.models import District, Item
from catalog.selectors import current_fiscal_year
from visualizations.models import TableVersion
from visualizations.services import table_checksum, table_validate, table_version_create
from visualizations.spreadsheets import RawTable
from visualizations.specs import DASHBOARDS, chart_items

YEARS = range(2562, 2567)
KHOK_PHO = "9402"
KHOK_PHO_SUBDISTRICTS = ["โคกโพธิ์", "มะกรูด", "บางโกระ", "ป่าบอน", "ทรายขาว", "นาประดู่", "ปากล่อ", "ทุ่งพลา",
                         "ท่าเรือ", "นาเกตุ", "ควนโนรี", "ช้างให้ตก"]
SCALE = {"ไร่": (400, 4000), "ตัน": (150, 2500), "กิโลกรัม/ไร่": (700, 1400), "ครัวเรือน": (80, 1500),
         "แปลง": (5, 120), "ราย": (10, 400), "คน": (150, 4000), "ร้อยละ": (2, 30), "บาท/กิโลกรัม": (60, 140),
         "แห่ง": (1, 12)}
# The population tables the heatmap divides by (registered people; households): district-sized numbers.
POPULATION = {"I3-015": (30000, 130000), "I3-012": (8000, 35000)}
DERIVED = {"I1-006": ("I1-005", 0.72), "I1-018": ("I1-017", 0.7)}
MONTHLY = {"I1-033", "I1-034"}
SUBDISTRICT = {"I1-017", "I1-018"}
BY_SEX = {"I3-066"}
HEADERS = ["period", "area", "value"]


def _areas(code: str, district_names: list[str]) -> list[str]:
    if code in SUBDISTRICT:
        district = next(name for c, name in district_names if c == KHOK_PHO)
        return [f"ต.{name} อ.{district}" for name in KHOK_PHO_SUBDISTRICTS]
    return [c for c, _name in district_names]


def _values(code: str, unit: str, areas: list[str]) -> dict:
    rng = random.Random(zlib.crc32(code.encode()))
    low, high = POPULATION.get(code) or SCALE.get(unit, (50, 1000))
    growth = rng.uniform(0, 0.02) if code in POPULATION else rng.uniform(-0.06, 0.12)
    monthly = code in MONTHLY
    periods = [f"{y}-{m:02d}" for y in (2565, 2566) for m in range(1, 13)] if monthly else [str(y) for y in YEARS]
    values = {}
    for area in areas:
        base = rng.uniform(low, high)
        for step, period in enumerate(periods):
            years = step / 12 if monthly else step
            values[(period, area)] = base * (1 + growth * years) * rng.uniform(0.92, 1.08)
    return values


def _raw_table(code: str, unit: str, district_names: list, cache: dict) -> RawTable:
    if code in DERIVED:
        source, ratio = DERIVED[code]
        values = {key: v * ratio for key, v in cache[source].items()}
    else:
        areas = ["ปัตตานี"] if code in MONTHLY else _areas(code, district_names)
        values = _values(code, unit, areas)
    cache[code] = values
    decimals = 1 if unit in ("ร้อยละ",) or code in MONTHLY else 0
    if code in BY_SEX:
        rows = [[period, area, f"{v * share:,.0f}", sex] for (period, area), v in values.items()
                for sex, share in (("ชาย", 0.45), ("หญิง", 0.55))]
        return RawTable(headers=HEADERS + ["เพศ"], rows=list(enumerate(rows, start=2)))
    rows = [[period, area, f"{v:,.{decimals}f}"] for (period, area), v in values.items()]
    return RawTable(headers=HEADERS, rows=list(enumerate(rows, start=2)))


def load_demo(*, stdout) -> None:
    year = current_fiscal_year()
    district_names = list(District.objects.order_by("code").values_list("code", "name_th"))
    created = 0
    for number, sections in DASHBOARDS.items():
        codes = list(dict.fromkeys(c for s in sections for chart in s["charts"] for c in chart_items(chart)))
        items = {i.code: i for i in Item.objects.filter(issue__number=number, issue__fiscal_year=year,
                                                          code__in=codes).select_related("issue__province")}
        cache: dict = {}
        for code in sorted(codes, key=lambda c: c in DERIVED):
            item = items.get(code)
            if item is None:
                continue
            parsed = table_validate(item=item, raw=_raw_table(code, item.unit, district_names, cache))
            versions = TableVersion.objects.filter(item=item)
            latest = versions.order_by("-number").first()
            if versions.filter(is_synthetic=False).exists() or (latest and latest.checksum == table_checksum(parsed)):
                continue
            table_version_create(item=item, parsed=parsed, source_name="demo (synthetic)", is_synthetic=True,
                                 note="ข้อมูลตัวอย่างเพื่อการสาธิต")
            created += 1
    stdout.write(f"Demo data tables (synthetic): {created} new version(s)")
