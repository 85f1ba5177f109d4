"""What GD Catalog's Excel importer (ckanext-thai_gdc 2.1.0 / 2.2.4) makes of a workbook, re-implemented from
`shared/reference/gd-catalog-intake.md` §3 and `gd-catalog-schema.md` §6 (their words, not our export code).

    datasets, resources = gd_import(workbook_bytes, version="2.2.4")
    datasets["fy2566-t-00001"]["objective"]   # what GD Catalog would store, as text
"""
import datetime as dt
import io
import math

import openpyxl

from templates_app.gdschema.choices import CHOICES, OTHER

from .test_layout import EXPECTED

#: Items the importer compares, as a whole cell, with its list: anything else becomes อื่นๆ + the text.
LISTED = ("objective", "update_frequency_unit", "geo_coverage", "data_format", "license_id", "data_support",
          "data_collect", "data_language", "disaggregate", "unit_of_multiplier", "equivalent_scale")
TEMP2_YES_NO = ("high_value_dataset", "reference_data", "official_statistics")
DATES = ("created_date", "last_updated_date", "data_release_calendar", "data_release_date",
         "resource_last_updated_date", "resource_created_date", "resource_data_release_calendar",
         "resource_data_release_date")
TYPES = {"Record": "ข้อมูลระเบียน", "Stat": "ข้อมูลสถิติ", "GIS": "ข้อมูลภูมิสารสนเทศเชิงพื้นที่",
         "Multi": "ข้อมูลหลากหลายประเภท", "Other": "ข้อมูลประเภทอื่นๆ"}


def columns(title: str, version: str) -> list[str]:
    names = list(EXPECTED[title])
    if version.startswith("2.2") and title.startswith("Temp2_"):
        names.insert(names.index("data_category") + 1, "data_classification")
    return names


def importer_list(name: str, version: str) -> set:
    short = ".".join(version.split(".")[:2])
    return {value for value, _label in CHOICES[short][name]} - {OTHER}


def read_sheet(sheet, expected: int) -> list[list[str]]:
    """pandas `read_excel(header=[3])`, `.drop(0)`, columns by position; cells to text as pandas would."""
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    while rows and all(value is None for value in rows[-1]):
        rows.pop()
    width = max((_width(row) for row in rows[3:]), default=0)
    if width != expected:
        return []  # the importer's rename fails: the whole sheet is skipped, silently
    data = [(row + [None] * width)[:width] for row in rows[5:]]
    data = [row for row in data if any(value not in (None, "") for value in row)]
    columns_ = list(zip(*data)) if data else []
    converted = [_column_text(list(values)) for values in columns_]
    return [list(row) for row in zip(*converted)] if converted else []


def _width(row) -> int:
    for index in range(len(row), 0, -1):
        if row[index - 1] not in (None, ""):
            return index
    return 0


def _column_text(values: list) -> list[str]:
    """A column of numbers with any blank is float64 (1 → "1.0"); blanks become ""; then str() of each cell."""
    blank = [value is None or value == "" for value in values]
    filled = [value for value, empty in zip(values, blank) if not empty]
    numeric = filled and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in filled)
    out = []
    for value, empty in zip(values, blank):
        if empty:
            out.append("")
        elif numeric and any(blank):
            out.append(str(float(value)))
        elif isinstance(value, float) and not math.isnan(value) and numeric and all(
                isinstance(v, int) or float(v).is_integer() for v in filled):
            out.append(str(int(value)))
        else:
            out.append(str(value))
    return out


def _date(text: str) -> str:
    try:
        year = int(text[:4]) - 543
        return dt.datetime.strptime(f"{year:04d}{text[4:10]}", "%Y-%m-%d").date().isoformat()
    except ValueError:
        return ""


def gd_import(data: bytes, *, version: str) -> tuple[dict, dict]:
    """({name: data set fields}, {name: [resource fields, …]}): what the importer would create."""
    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    datasets, keys = {}, {}
    for suffix, data_type in TYPES.items():
        for cells in _records(workbook, f"Temp2_Meta_{suffix}", version):
            package = _package(cells, data_type, version)
            if package is not None and package["name"] not in datasets and all(
                    other["title"] != package["title"] for other in datasets.values()):
                datasets[package["name"]] = package
                keys[(data_type, cells["name"])] = package["name"]
    resources = {}
    for suffix, data_type in TYPES.items():
        for cells in _records(workbook, f"Temp3_Resource_{suffix}", version):
            name = keys.get((data_type, cells["dataset_name"]))
            if name is None or not cells["resource_url"]:
                continue
            resource = {key: value for key, value in cells.items() if key != "dataset_name"}
            for key in DATES:
                if key in resource:
                    resource[key] = _date(resource[key])
            if suffix == "Stat":
                _listed(resource, "resource_disaggregate", importer_list("disaggregate", version))
            resources.setdefault(name, []).append({k: v.replace("NaT", "") for k, v in resource.items()})
    workbook.close()
    return datasets, resources


def _records(workbook, title: str, version: str) -> list[dict]:
    names = columns(title, version)
    rows = read_sheet(workbook[title], len(names)) if title in workbook.sheetnames else []
    return [dict(zip(names, row)) for row in rows]


def _package(cells: dict, data_type: str, version: str) -> dict | None:
    package = {key: value.replace("NaT", "") for key, value in cells.items()}
    package["name"] = "-".join(cells["name"].lower().split())
    package["data_type"] = data_type
    if "data_type_other" in cells:
        package["data_type_other"] = cells["data_type_other"]
    package["allow_harvest"] = "False"
    for key in LISTED:
        if key in package:
            _listed(package, key, importer_list(key, version))
    for key in TEMP2_YES_NO:
        if key in package:
            package[key] = "False" if "ไม่" in package[key] else "True"
    for key in DATES:
        if key in package:
            package[key] = _date(package[key])
    for key in [k for k in package if k.endswith("_other") and k != "data_type_other"]:
        package[key] = package[key].replace("True", "")
    if data_type == "ข้อมูลสถิติ" and package.get("disaggregate") == OTHER and not package.get("disaggregate_other"):
        del package["disaggregate"], package["disaggregate_other"]
    if package.get("data_language") == OTHER and not package.get("data_language_other"):
        del package["data_language"], package["data_language_other"]
    tags = [tag.strip() for tag in package.pop("tag_string", "").split(",") if tag.strip()]
    if any(not 2 <= len(tag) <= 100 for tag in tags):
        return None  # CKAN refuses the whole data set
    package["tags"] = tags
    return package


def _listed(values: dict, key: str, allowed: set) -> None:
    text = values[key]
    if text in allowed:
        values[f"{key}_other"] = ""
    else:
        values[key], values[f"{key}_other"] = OTHER, text
