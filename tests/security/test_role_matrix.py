"""The role matrix, generated from the URLconf.

Every URL pattern (except the Django admin's own, listed in SKIPPED_NAMESPACES) × {anonymous,
agency A staff, agency B staff, statistics office, admin} × {GET, HEAD, POST} is requested and
compared with the outcome DECLARED for its view in RULES (HEAD must answer as GET does). A new view
without a declared rule fails `test_every_view_has_a_declared_rule`.

Outcomes: an HTTP status, or LOGIN (a 302 to the sign-in page). POSTs carry nothing but a form
token, as a careless click on an empty form would; the world they hit holds data (an agency's
domains and contact, a Template 2 record, a Template 3 resource, key findings, a GD Catalog
registration). They must never 500 and never change a row or a stored value, except the views in
ACTIONS, whose POST *is* the action for the authorised role (other roles are still checked).
"""
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import URLPattern, URLResolver, get_resolver, reverse

LOGIN = "login"
ROLES = ("anonymous", "staff_b", "office", "admin", "staff_a")  # staff_a last: its POSTs may act (ACTIONS)
APPS_COUNTED = ("accounts", "catalog", "templates_app", "visualizations", "progress")

# The only routes not in the matrix: Django admin internals (its own permission system, tested in
# tests/catalog/test_roles.py).
SKIPPED_NAMESPACES = {"admin"}


def rule(anonymous, staff_a, staff_b=None, office=None, admin=None):
    """Per role a (GET, POST) pair; staff_b defaults to staff_a, admin to office."""
    office = office or staff_a
    return {"anonymous": anonymous, "staff_a": staff_a, "staff_b": staff_b or staff_a, "office": office,
            "admin": admin or office}


# Anyone reads; writes are refused.
PUBLIC_READ = rule((200, 405), (200, 405))
# Anyone sees a form; an empty POST shows it again with errors.
PUBLIC_FORM = rule((200, 200), (200, 200))
# Signed-in users of every role read.
SIGNED_IN_READ = rule((LOGIN, LOGIN), (200, 405))
# The statistics office and admins; agency staff are refused.
OFFICE_READ = rule((LOGIN, LOGIN), (403, 403), office=(200, 405))
OFFICE_FORM = rule((LOGIN, LOGIN), (403, 403), office=(200, 200))
# Agency staff only (their own agency implied by their account).
STAFF_READ = rule((LOGIN, LOGIN), (200, 405), office=(403, 403))
# An object of agency A: its staff and the office read; agency B's staff get a 404.
OWN_AGENCY_READ = rule((LOGIN, LOGIN), (200, 405), staff_b=(404, 405), office=(200, 405))
# An object of agency A that only its own staff write (the office reads elsewhere: 403).
OWN_AGENCY_WRITE = rule((LOGIN, LOGIN), (200, 200), staff_b=(404, 404), office=(403, 403))

RULES = {
    # Django's sign-in views (django.contrib.auth.urls)
    "login": PUBLIC_FORM,
    "logout": rule((405, 302), (405, 302)),
    "password_change": rule((LOGIN, LOGIN), (200, 200)),
    "password_change_done": SIGNED_IN_READ,
    "password_reset": PUBLIC_FORM,
    "password_reset_done": PUBLIC_READ,
    "password_reset_confirm": PUBLIC_FORM,
    "password_reset_complete": PUBLIC_READ,
    "accounts:landing": rule((LOGIN, LOGIN), (302, 405)),
    "healthz": PUBLIC_READ,
    "help": PUBLIC_READ,
    "set_language": rule((302, 405), (302, 405)),  # a link: it only sets the language cookie
    # catalog
    "catalog:home": PUBLIC_READ,
    "catalog:issue-detail": PUBLIC_READ,
    "catalog:item-detail": PUBLIC_READ,
    "catalog:resolution-minutes": SIGNED_IN_READ,
    "catalog:api-issues": PUBLIC_READ,
    "catalog:api-issue-items": PUBLIC_READ,
    # Template 1
    "templates_app:item-create": OFFICE_FORM,
    "templates_app:item-edit": OFFICE_FORM,
    "templates_app:item-remove": OFFICE_FORM,
    "templates_app:item-restore": OFFICE_FORM,
    "templates_app:issue-workbook": PUBLIC_READ,
    # Template 2
    "templates_app:my-work": STAFF_READ,
    "templates_app:review-queue": OFFICE_READ,
    "templates_app:metadata-edit": rule((LOGIN, LOGIN), (200, 200), staff_b=(404, 404), office=(302, 302)),
    "templates_app:metadata-review": OFFICE_FORM,
    "templates_app:metadata-history": OWN_AGENCY_READ,
    "templates_app:api-datasets": PUBLIC_READ,
    # Spreadsheet exchange
    "templates_app:gdcatalog-export": OFFICE_READ,
    "templates_app:gdcatalog-download": OFFICE_READ,
    "templates_app:exchange": STAFF_READ,
    "templates_app:exchange-download": STAFF_READ,
    "templates_app:exchange-upload": rule((LOGIN, LOGIN), (405, 400), office=(403, 403)),
    "templates_app:exchange-apply": rule((LOGIN, LOGIN), (405, 302), office=(403, 403)),  # no token: back to /exchange/
    # Template 3, links and agency contacts
    "templates_app:resource-list": OWN_AGENCY_READ,
    "templates_app:resource-create": OWN_AGENCY_WRITE,
    "templates_app:resource-edit": OWN_AGENCY_WRITE,
    "templates_app:resource-delete": rule((LOGIN, LOGIN), (405, 302), staff_b=(405, 404), office=(405, 403)),
    "templates_app:resource-check": rule((LOGIN, LOGIN), (405, 302), staff_b=(405, 404), office=(405, 302)),
    "templates_app:link-problems": OFFICE_READ,
    "templates_app:agency-list": OFFICE_READ,
    "templates_app:agency-edit": OFFICE_FORM,
    # Dashboards
    "visualizations:issue-dashboard": PUBLIC_READ,
    "visualizations:issue-summary": PUBLIC_READ,
    "visualizations:findings-edit": OFFICE_FORM,
    "visualizations:upload-index": SIGNED_IN_READ,
    "visualizations:item-upload": rule((LOGIN, LOGIN), (200, 200), staff_b=(404, 404), office=(200, 200)),
    "visualizations:item-sample-csv": OWN_AGENCY_READ,
    # Progress
    "progress:overview": PUBLIC_READ,
    "progress:dashboard": SIGNED_IN_READ,
    "progress:items": OWN_AGENCY_READ,
    "progress:follow-up": OWN_AGENCY_READ,
    "progress:follow-up-xlsx": OWN_AGENCY_READ,
    "progress:resolutions": OFFICE_READ,
    "progress:resolution-new": OFFICE_FORM,
    "progress:gdc": OFFICE_READ,
    "progress:gdc-import": OFFICE_FORM,
    "progress:gdc-save": rule((LOGIN, LOGIN), (403, 403), office=(200, 302)),  # GET: one data set's form
    "progress:gdc-bulk": rule((LOGIN, LOGIN), (403, 403), office=(405, 302)),  # back to the list with an error
    # Public catalog: the world's record is a draft, so it has no public page for anyone
    "opendata:action": rule((200, 400), (200, 400)),  # CKAN API: a form-encoded POST is not JSON
    "opendata:action-unversioned": rule((200, 400), (200, 400)),
    "opendata:dataset-list": PUBLIC_READ,
    "opendata:dataset-detail": rule((404, 405), (404, 405)),
    "opendata:dataset-json": rule((404, 405), (404, 405)),
    "opendata:dataset-csv": rule((404, 405), (404, 405)),
    "opendata:dataset-rdf": rule((404, 405), (404, 405)),
    "opendata:catalog": PUBLIC_READ,
    "jobs:list": SIGNED_IN_READ,
    "jobs:gdcatalog-start": rule((LOGIN, LOGIN), (403, 403), office=(200, 302)),  # defaults: export everything
    "jobs:linkcheck-start": rule((LOGIN, LOGIN), (403, 403), office=(405, 302)),
    "jobs:import-apply": rule((LOGIN, LOGIN), (405, 302), office=(403, 403)),  # no previewed file: back
    "jobs:detail": rule((LOGIN, LOGIN), (200, 405), staff_b=(404, 405), office=(200, 405)),
    "jobs:status": rule((LOGIN, LOGIN), (200, 405), staff_b=(404, 405), office=(200, 405)),
    "jobs:download": rule((LOGIN, LOGIN), (200, 405), staff_b=(404, 405), office=(200, 405)),
    "notifications:list": SIGNED_IN_READ,
    "notifications:mark-read": rule((LOGIN, LOGIN), (405, 302)),
    "notifications:email-choice": rule((LOGIN, LOGIN), (405, 400)),
    "notifications:deadlines": rule((LOGIN, LOGIN), (403, 403), office=(200, 400)),
    "opendata:sitemap": PUBLIC_READ,
    "opendata:robots": PUBLIC_READ,
    # The national board: national roles (here the superuser without a province); a province's office is refused
    "national:board": rule((LOGIN, LOGIN), (403, 403), admin=(200, 405)),
    "national:board-xlsx": rule((LOGIN, LOGIN), (403, 403), admin=(200, 405)),
}

# Views whose data-less POST is itself the action for the authorised role (CSRF-protected in real use).
ACTIONS = {"templates_app:resource-delete": {"staff_a"},
           "templates_app:resource-check": {"staff_a", "office", "admin"},  # stores the link's check state
           "jobs:gdcatalog-start": {"office", "admin"}, "jobs:linkcheck-start": {"office", "admin"},
           "notifications:mark-read": {"staff_a", "staff_b", "office", "admin"}}  # stores the link's check state


def walk(resolver=None, namespace=""):
    """(key, pattern) for every URL pattern, namespaces joined like reverse() wants them."""
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            if entry.namespace in SKIPPED_NAMESPACES:
                continue
            yield from walk(entry, inner)
        elif isinstance(entry, URLPattern):
            yield (f"{namespace}{entry.name}" if entry.name else str(entry.pattern)), entry


PATTERNS = dict(walk())


def test_every_view_has_a_declared_rule():
    undeclared = sorted(set(PATTERNS) - set(RULES))
    stale = sorted(set(RULES) - set(PATTERNS))
    assert not undeclared, f"Declare the expected outcome of these views in RULES: {undeclared}"
    assert not stale, f"RULES names views that no longer exist: {stale}"


def test_the_walk_sees_every_app():
    namespaces = {key.split(":")[0] for key in PATTERNS if ":" in key}
    assert {"accounts", "catalog", "templates_app", "visualizations", "progress"} <= namespaces
    assert len(PATTERNS) >= 50


def url_for(key: str, world) -> str:
    pattern = PATTERNS[key].pattern
    params = set(pattern.regex.groupindex)
    kwargs = {}
    for name in params:
        if name == "number":
            kwargs[name] = world["issue"].number
        elif name == "code":
            kwargs[name] = world["agency_a"].code
        elif name == "resource_pk":
            kwargs[name] = world["resource"].pk
        elif name == "pk":
            kwargs[name] = {"catalog:resolution-minutes": world["resolution"].pk,
                            "progress:gdc-save": world["record"].pk}.get(
                key, world["job"].pk if key.startswith("jobs:") else world["item"].pk)
        elif name == "uidb64":
            kwargs[name] = "MQ"
        elif name == "token":
            kwargs[name] = "set-password"
        elif name in ("name", "fmt"):  # the public catalog: an action, or a data set's code; an RDF format
            kwargs[name] = {"fmt": "ttl"}.get(name, "status_show" if "action" in key else world["record"].dataset_name)
        else:  # a new kind of parameter: say how to build it here
            raise AssertionError(f"{key}: no object for the URL parameter {name!r}")
    url = reverse(key, kwargs=kwargs)
    if key == "progress:items":
        url += f"?issue={world['issue'].number}&agency={world['agency_a'].code}"
    return url


def held_values() -> dict:
    """Every row of the portal's apps with every value, by model (so a count and a value change both show)."""
    return {model._meta.label: list(model._default_manager.order_by("pk").values())
            for app in APPS_COUNTED for model in apps.get_app_config(app).get_models()
            if model._meta.label != "accounts.AuditEvent"}  # sign-in attempts are audited by design


def outcome(response):
    if response.status_code == 302 and urlsplit(response["Location"]).path == resolve_url(settings.LOGIN_URL):
        return LOGIN
    return response.status_code


@pytest.mark.parametrize("key", sorted(RULES))
def test_role_matrix(client, world, key):
    if key not in PATTERNS:
        pytest.fail(f"{key} is declared but not routed")
    # The check-now view connects to the resource's URL: a loopback address is refused by the SSRF
    # guard before any connection, so this stays offline.
    type(world["resource"]).objects.filter(pk=world["resource"].pk).update(url="http://127.0.0.1:9/x.csv")
    url = url_for(key, world)
    mismatches = []
    for role in ROLES:
        client.logout()
        if world["users"][role]:
            client.force_login(world["users"][role])
        get, post = RULES[key][role]
        for method, expected in (("GET", get), ("HEAD", get), ("POST", post)):
            checked = method == "POST" and role not in ACTIONS.get(key, ())
            before = held_values() if checked else None
            response = {"GET": client.get, "HEAD": client.head}[method](url) if method != "POST" else client.post(
                url, {"csrfmiddlewaretoken": "only-the-form-token"})
            got = outcome(response)
            assert response.status_code < 500, f"{method} {url} as {role}: {response.status_code}"
            if got != expected:
                mismatches.append(f"{method} {url} as {role}: expected {expected}, got {got}")
            if method == "HEAD":
                body = b"".join(response.streaming_content) if response.streaming else response.content
                assert not body, f"HEAD {url} as {role} sent a body"
            if checked:
                assert held_values() == before, f"an empty POST to {url} as {role} changed stored data"
    assert not mismatches, "\n".join(mismatches)


def test_the_world_holds_data_an_empty_post_could_wipe(world):
    """The matrix above is only worth something if the objects it posts to hold values."""
    held = held_values()
    assert held["catalog.AgencyDomain"] and world["agency_a"].contact_email
    assert held["visualizations.IssueFindings"][0]["text"]
    assert held["templates_app.MetadataRecord"][0]["values"]["title"] and held["templates_app.Resource"]
    assert held["progress.GdcRegistration"][0]["url"]
