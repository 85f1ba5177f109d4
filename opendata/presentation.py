"""What the public pages show of a published data set: labelled rows in DGA order, CSV rows, schema.org JSON-LD.

Everything comes from the published package dict (approved values); the agency's internal contact
columns are never read here.
"""
import datetime as dt
import json
from dataclasses import dataclass

from django.utils.safestring import mark_safe

from catalog.thaidates import format_be_date
from templates_app.gdschema import Kind, get_schema
from templates_app.gdschema.resources import get_resource_schema


@dataclass(frozen=True)
class Row:
    number: str
    name: str
    label: str
    label_th: str
    label_en: str
    value: str


def _text(entry, value) -> str:
    if isinstance(value, list):
        return ", ".join(str(part) for part in value)
    if entry.kind == Kind.DATE and value:
        try:
            return format_be_date(dt.date.fromisoformat(str(value)))
        except ValueError:
            return str(value)
    return "" if value is None else str(value)


def metadata_rows(package: dict) -> list[Row]:
    """The approved items of Template 2 in the standard's order, with labels in the active language."""
    values = {**package, "tag_string": ", ".join(tag["name"] for tag in package.get("tags", [])),
              "owner_org": package["organization"]["title"]}
    rows = []
    for entry in get_schema(package["data_type"]).entries:
        if not entry.number:  # allow_harvest, reference_url_catalog: for GD Catalog's harvester, not DGA items
            continue
        value = _text(entry, values.get(entry.name, ""))
        other = values.get(entry.field.other_name) if entry.field.has_other else ""
        if other:
            value = f"{value} ({other})"
        rows.append(Row(entry.number, entry.name, entry.label, entry.field.label_th, entry.field.label_en, value))
    return rows


def resource_rows(package: dict, resource: dict) -> list[Row]:
    schema = get_resource_schema(package["data_type"])
    return [Row(entry.number, entry.name, entry.label, entry.field.label_th, entry.field.label_en,
                _text(entry, resource.get(entry.name, ""))) for entry in schema.entries]


def csv_rows(package: dict) -> list[list[str]]:
    """item, field, Thai label, English label, value: the metadata, then each resource's items."""
    rows = [["item", "field", "label_th", "label_en", "value"]]
    rows += [[row.number, row.name, row.label_th, row.label_en, row.value] for row in metadata_rows(package)]
    for position, resource in enumerate(package.get("resources", []), start=1):
        rows += [[f"R{position}.{row.number}", row.name, row.label_th, row.label_en, row.value]
                 for row in resource_rows(package, resource)]
    return rows


def schema_org(package: dict, *, page_url: str, catalog_name: str, catalog_url: str) -> dict:
    return {
        "@context": "https://schema.org", "@type": "Dataset", "@id": page_url, "url": page_url,
        "identifier": package["id"], "name": package["title"], "description": package.get("notes") or package["title"],
        "keywords": [tag["name"] for tag in package.get("tags", [])], "license": package.get("license_id", ""),
        "inLanguage": "th", "isAccessibleForFree": True, "dateModified": package.get("metadata_modified"),
        "datePublished": package.get("metadata_created"),
        "creator": {"@type": "GovernmentOrganization", "name": package["organization"]["title"]},
        "publisher": {"@type": "GovernmentOrganization", "name": package["organization"]["title"]},
        "includedInDataCatalog": {"@type": "DataCatalog", "name": catalog_name, "url": catalog_url},
        "distribution": [{"@type": "DataDownload", "name": r["name"], "contentUrl": r["url"],
                          "encodingFormat": r.get("format", "")} for r in package.get("resources", [])],
    }


def json_ld(data: dict) -> str:
    """JSON for a `<script type="application/ld+json">` block: `<`, `>` and `&` escaped so no text can end it."""
    text = json.dumps(data, ensure_ascii=False)
    return mark_safe(text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e"))
