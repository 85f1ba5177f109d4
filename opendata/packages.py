"""The CKAN package dict of a published data set, from the record's approved values only.

Keys are CKAN core keys plus the thai_gdc field names of the GD schema as top-level keys
(multi-choice items as lists). Nothing here reads `MetadataRecord.values` (the working copy) or the
agency's internal contact columns. Times are ISO 8601 UTC without offset, as CKAN writes them.
"""
import hashlib
import json
import uuid
from datetime import datetime, timezone as dt_timezone


from catalog.models.items import ItemStatus
from templates_app.gdschema import PUBLIC_CATEGORY, get_schema, schema_version
from templates_app.gdschema.resources import get_resource_schema

#: Fixed namespace: ids are uuid5(NAMESPACE, "<kind>/<key>") so they survive a rebuild of the read model.
NAMESPACE = uuid.UUID("6f1d3c2e-9a4b-5d7e-8f01-23456789abcd")
OPEN_CLASSIFICATION = "เปิดเผย"
#: Core keys written from the schema's own fields: not repeated as thai_gdc extras.
CORE_FROM_VALUES = ("title", "notes", "maintainer", "maintainer_email", "license_id", "url", "tag_string")
#: Fields added by the fidelity work (allow_harvest, reference_url_catalog): read if the record has them.
HARVEST_FIELDS = (("allow_harvest", "True"), ("reference_url_catalog", ""))


def stable_id(kind: str, key) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{kind}/{key}"))


def ckan_time(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(dt_timezone.utc).replace(tzinfo=None).isoformat(timespec="microseconds")


def is_publishable(record) -> bool:
    """Approved, category ข้อมูลสาธารณะ (and, on schema 2.2, classification เปิดเผย), its item current."""
    values = record.approved_values
    if values is None or not record.approved_dataset_name or record.item.status != ItemStatus.CURRENT:
        return False
    if values.get("data_category") != PUBLIC_CATEGORY:
        return False
    return schema_version() != "2.2" or values.get("data_classification") == OPEN_CLASSIFICATION


def org_name(agency) -> str:
    return agency.code.lower()


def group_name(issue) -> str:
    return f"issue-{issue.fiscal_year}-{issue.number}"


def organization_dict(agency) -> dict:
    return {
        "id": stable_id("organization", agency.code), "name": org_name(agency),
        "title": agency.name_th, "title_en": agency.name_en, "type": "organization",
        "description": " / ".join(part for part in (agency.parent_department_th, agency.parent_ministry_th) if part),
        "image_url": "", "created": ckan_time(agency.created_at), "is_organization": True,
        "approval_status": "approved", "state": "active",
    }


def group_dict(issue) -> dict:
    return {
        "id": stable_id("group", f"{issue.fiscal_year}-{issue.number}"), "name": group_name(issue),
        "title": issue.title_th, "title_en": issue.title_en, "display_name": issue.title_th,
        "description": issue.strategy_th, "image_display_url": "", "type": "group", "state": "active",
        "is_organization": False, "approval_status": "approved", "created": ckan_time(issue.created_at),
    }


def tags_of(values: dict) -> list[str]:
    return [tag.strip() for tag in str(values.get("tag_string") or "").split(",") if tag.strip()]


def package_dict(record, resources) -> dict:
    """The package as published now (without `metadata_created` / `metadata_modified`, added by the read model)."""
    item, values = record.item, record.approved_values
    agency, issue = item.agency, item.issue
    package_id = stable_id("dataset", record.pk)
    schema = get_schema(item.data_type)
    package = {
        "id": package_id, "name": record.approved_dataset_name, "type": "dataset", "state": "active",
        "private": False, "title": values.get("title", ""), "title_en": item.name_en,
        "notes": values.get("notes", ""), "maintainer": values.get("maintainer", ""),
        "maintainer_email": values.get("maintainer_email", ""), "author": "", "author_email": "",
        "license_id": values.get("license_id", ""), "license_title": values.get("license_id", ""),
        "url": values.get("url", ""), "version": None, "isopen": True,
        "owner_org": stable_id("organization", agency.code), "organization": organization_dict(agency),
        "groups": [group_dict(issue)], "extras": [],
        "tags": [{"name": tag, "display_name": tag, "state": "active", "vocabulary_id": None} for tag in tags_of(values)],
        "data_type": item.data_type,
    }
    for entry in schema.entries:
        if entry.name in package or entry.name in CORE_FROM_VALUES:
            continue
        value = values.get(entry.name, [] if entry.kind == "multi" else "")
        package[entry.name] = value
        if entry.field.has_other:
            package[entry.field.other_name] = values.get(entry.field.other_name, "")
    for name, default in HARVEST_FIELDS:
        package[name] = str(values.get(name, getattr(record, name, default)) or default)
    package["template1_item"] = {"code": item.code, "name": item.name_th, "name_en": item.name_en,
                                 "dimension": item.dimension.name_th, "dimension_en": item.dimension.name_en}
    package["approved_at"] = ckan_time(record.approved_at)
    package["resources"] = [resource_dict(resource, package_id, item.data_type, position)
                            for position, resource in enumerate(resources)]
    package["num_resources"] = len(package["resources"])
    package["num_tags"] = len(package["tags"])
    return package


def resource_dict(resource, package_id: str, data_type: str, position: int) -> dict:
    values = resource.values
    result = {
        "id": stable_id("resource", resource.pk), "package_id": package_id, "position": position,
        "name": values.get("resource_name", ""), "url": resource.url or values.get("resource_url", ""),
        "description": values.get("description", ""), "format": values.get("format", ""),
        "created": ckan_time(resource.created_at), "last_modified": ckan_time(resource.updated_at),
        "state": "active", "url_type": None, "mimetype": None, "size": None, "hash": "",
    }
    for entry in get_resource_schema(data_type).entries:
        if entry.name not in result:
            result[entry.name] = values.get(entry.name, [] if entry.kind == "multi" else "")
    return result


def digest(package: dict) -> str:
    return hashlib.sha256(json.dumps(package, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def deleted_stub(dataset) -> dict:
    """What a withdrawn data set still shows (to `include_deleted` searches): its id, code and state only."""
    return {"id": str(dataset.id), "name": dataset.name, "state": "deleted", "private": False, "type": "dataset"}


def facet_values(package: dict) -> list[tuple[str, str]]:
    """(facet field, value) pairs of a package: the CKAN facets and the portal's own."""
    pairs = [("organization", package["organization"]["name"]), ("data_type", package["data_type"]),
             ("license_id", package["license_id"]), ("data_category", package.get("data_category", "")),
             ("update_frequency_unit", package.get("update_frequency_unit", "")),
             ("dimension", package["template1_item"]["dimension"]), ("allow_harvest", package["allow_harvest"])]
    pairs += [("groups", group["name"]) for group in package["groups"]]
    pairs += [("tags", tag["name"]) for tag in package["tags"]]
    pairs += [("res_format", fmt) for fmt in dict.fromkeys(r["format"] for r in package["resources"])]
    pairs += [("data_format", fmt) for fmt in package.get("data_format") or []]
    pairs += [("objective", value) for value in package.get("objective") or []]
    return [(field, str(value)[:500]) for field, value in dict.fromkeys(pairs) if value]
