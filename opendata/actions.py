"""The CKAN Action API actions the portal answers, as CKAN 2.9–2.11 answers them (read-only, anonymous).

Each action takes the request's data dict and returns the `result`, or raises one of the errors
below, which `opendata.views.api` turns into CKAN's error envelope and status.
"""
import json

from django.db.models import Count, Q

from catalog.models import Agency, DevelopmentIssue
from opendata.models import PublishedDataset, PublishedFacet
from opendata.site import site_titles
from opendata.packages import ckan_time, group_dict, group_name, org_name, organization_dict
from opendata.selectors import FACET_FIELDS, SearchError, dataset_search
from templates_app.gdschema import get_schema

CKAN_VERSION = "2.10.4"
MAX_INT = 10**9  # larger offsets and limits mean nothing here, and would overflow a database integer


class ActionError(Exception):
    status, kind = 400, "Bad Request"

    def __init__(self, message: str = "", **fields):
        super().__init__(message)
        self.message, self.fields = message, fields

    def as_dict(self) -> dict:
        error = {"__type": self.kind, **self.fields}
        if self.message:
            error["message"] = self.message
        return error


class NotFound(ActionError):
    status, kind = 404, "Not Found Error"


class NotAuthorized(ActionError):
    status, kind = 403, "Authorization Error"


class ValidationFailed(ActionError):
    status, kind = 409, "Validation Error"


class SearchFailed(ActionError):
    status, kind = 409, "Search Query Error"


def _int(data: dict, name: str, default: int) -> int:
    try:
        value = int(data.get(name, default))
    except (TypeError, ValueError):
        raise ValidationFailed(**{name: ["Invalid integer"]}) from None
    if value < 0:
        raise ValidationFailed(**{name: ["Must be a natural number"]})
    return min(value, MAX_INT)


def _list(value) -> list:
    if isinstance(value, list):
        return value
    if not value:
        return []
    try:
        parsed = json.loads(value)
    except ValueError:
        raise ValidationFailed(**{"facet.field": ["Invalid JSON list"]}) from None
    return parsed if isinstance(parsed, list) else [parsed]


def _bool(value) -> bool:
    return str(value).lower() in ("true", "1", "yes", "on")


def package_search(data: dict) -> dict:
    facet_fields = _list(data.get("facet.field"))
    fq = " ".join([str(data.get("fq") or ""), *[str(part) for part in _list(data.get("fq_list"))]])
    try:
        found = dataset_search(
            q=str(data.get("q") or ""), fq=fq, sort=str(data.get("sort") or ""),
            rows=_int(data, "rows", 10), start=_int(data, "start", 0), facet_fields=facet_fields,
            facet_limit=_int(data, "facet.limit", 50), include_deleted=_bool(data.get("include_deleted")))
    except SearchError as exc:
        raise SearchFailed(str(exc)) from None
    facets = {name: dict(values) for name, values in found.facets.items()}
    search_facets = {name: {"title": name, "items": [{"name": value, "display_name": value, "count": count}
                                                      for value, count in values]}
                     for name, values in found.facets.items()}
    return {"count": found.count, "sort": found.sort, "facets": facets, "search_facets": search_facets,
            "results": [package_result(row) for row in found.results]}


def package_result(row: PublishedDataset) -> dict:
    return {**row.package, "metadata_created": ckan_time(row.metadata_created),
            "metadata_modified": ckan_time(row.metadata_modified)}


def package_show(data: dict) -> dict:
    key = str(data.get("id") or data.get("name_or_id") or "").replace("\x00", "").strip()
    if not key:
        raise ValidationFailed(id=["Missing value"])
    row = _dataset(key)
    if row is None:
        raise NotFound("Not found")
    if not row.is_active:
        raise NotAuthorized(f"Access denied: User  not authorized to read package {row.id}")
    return package_result(row)


def _dataset(key: str) -> PublishedDataset | None:
    from opendata.selectors.search import _uuid

    pk = _uuid(key)
    rows = PublishedDataset.objects.filter(Q(pk=pk) if pk else Q(name=key))
    return rows.order_by("state", "-metadata_modified").first()  # "active" sorts before "deleted"


def package_list(data: dict) -> list:
    rows = PublishedDataset.objects.filter(state=PublishedDataset.State.ACTIVE).order_by("name")
    limit = data.get("limit")
    offset = _int(data, "offset", 0)
    names = rows.values_list("name", flat=True)
    return list(names[offset:offset + _int(data, "limit", 0)] if limit not in (None, "") else names[offset:])


def current_package_list_with_resources(data: dict) -> list:
    rows = PublishedDataset.objects.filter(state=PublishedDataset.State.ACTIVE).order_by("-metadata_modified", "id")
    limit, offset = _int(data, "limit", 0) or None, _int(data, "offset", 0)
    rows = rows[offset:offset + limit] if limit else rows[offset:]
    return [package_result(row) for row in rows]


def _counts(field: str) -> dict:
    return dict(PublishedFacet.objects.filter(field=field).values_list("value").annotate(n=Count("id")))


def organization_list(data: dict) -> list:
    counts = _counts("organization")
    agencies = sorted(Agency.objects.all(), key=org_name)
    if not _bool(data.get("all_fields")):
        return [org_name(agency) for agency in agencies]
    return [{**organization_dict(agency), "package_count": counts.get(org_name(agency), 0),
             "display_name": agency.name_th} for agency in agencies]


def organization_show(data: dict) -> dict:
    return _show(data, Agency.objects.all(), organization_dict, "organization")


def _show(data: dict, objects, to_dict, facet: str) -> dict:
    key = str(data.get("id") or "").strip()
    if not key:
        raise ValidationFailed(id=["Missing value"])
    for obj in objects:
        found = to_dict(obj)
        if key in (found["id"], found["name"]):
            return {**found, "display_name": found["title"], "package_count": _counts(facet).get(found["name"], 0),
                    "users": [], "extras": [], "tags": [], "groups": []}
    raise NotFound("Not found")


def group_list(data: dict) -> list:
    counts = _counts("groups")
    issues = sorted(DevelopmentIssue.objects.all(), key=group_name)
    if not _bool(data.get("all_fields")):
        return [group_name(issue) for issue in issues]
    return [{**group_dict(issue), "package_count": counts.get(group_name(issue), 0)} for issue in issues]


def group_show(data: dict) -> dict:
    return _show(data, DevelopmentIssue.objects.all(), group_dict, "groups")


def tag_list(data: dict) -> list:
    tags = PublishedFacet.objects.filter(field="tags").values_list("value", flat=True).distinct().order_by("value")
    query = str(data.get("query") or data.get("q") or "")
    if query:
        tags = tags.filter(value__icontains=query)
    if _bool(data.get("all_fields")):
        return [{"name": tag, "display_name": tag, "vocabulary_id": None} for tag in tags]
    return list(tags)


def license_list(data: dict) -> list:
    licenses = get_schema("ข้อมูลสถิติ").entry("license_id").choices
    return [{"id": value, "title": label, "url": "", "status": "active", "maintainer": "", "family": "",
             "od_conformance": "not reviewed", "osd_conformance": "not reviewed", "domain_content": False,
             "domain_data": False, "domain_software": False, "is_generic": value == "อื่นๆ"} for value, label in licenses]


def status_show(data: dict, *, site_url: str) -> dict:
    return {"ckan_version": CKAN_VERSION, "site_title": site_titles()[0],
            "site_url": site_url, "site_description": "", "locale_default": "th", "catalog_type": "area_based",
            "extensions": ["thai_gdc", "dcat"], "facets": list(FACET_FIELDS)}


ACTIONS = {action.__name__: action for action in (
    package_search, package_show, package_list, current_package_list_with_resources, organization_list,
    organization_show, group_list, group_show, tag_list, license_list)}
