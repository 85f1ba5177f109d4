"""Nothing of one province is visible or writable from another: every URL of the URLconf × role × GET/POST,
as users of province A (on A's host) against the objects of province B. Both provinces are loaded from the
same CSVs, so they share issue numbers, agency codes and item codes."""
import hashlib
import io
import zipfile
from html.parser import HTMLParser

import openpyxl
import pytest
from django.contrib import admin
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from catalog.models import Agency, DevelopmentIssue, Item, Province
from core.tenancy import ProvinceScopedManager, province_scope
from jobs.models import Job
from notifications.models import EmailPreference, Notification
from opendata.models import PublishedDataset
from opendata.services import published_refresh
from tests.core.provinces import DOMAIN, MARKER, host_of, load_side, mark, with_records

# Routes whose parameters are not objects of a province, or that end the session under test.
SKIPPED = {"accounts/reset/<uidb64>/<token>/", "accounts/logout/"}


@pytest.fixture
def national(db, settings):
    settings.PORTAL_DOMAIN = DOMAIN
    settings.ALLOWED_HOSTS = [f".{DOMAIN}", "testserver"]
    settings.DEFAULT_FROM_EMAIL = "portal@catalog.test"
    a = load_side(Province.all_objects.create(code="94", name_th="ปัตตานี", name_en="Pattani"), prefix="a")
    b = load_side(Province.all_objects.create(code="95", name_th="ยะลา", name_en="Yala"), prefix="b")
    objects = with_records(b.province)
    mark(b.province)
    return a, b, {**objects, **with_public_and_personal(b)}


def with_public_and_personal(side) -> dict:
    """B's published data set (its resource carries the marker), a job, a notification and an e-mail choice."""
    office = side.users["statistics_office"]
    published_refresh()
    with province_scope(side.province):
        published = PublishedDataset.objects.get(state=PublishedDataset.State.ACTIVE)
        job = Job.objects.create(kind=Job.Kind.GDCATALOG_EXPORT, state=Job.State.DONE, owner=office, message=MARKER,
                                 result_url=f"/datasets/{published.name}/")
        Notification.objects.create(recipient=office, kind=Notification.Kind.DEADLINE, title=MARKER, body=MARKER)
        EmailPreference.objects.create(user=office, email_enabled=False)
    return {"published": published, "job": job}


def test_two_provinces_from_csvs_live_side_by_side(national):
    a, b, _objects = national
    for side in (a, b):
        with province_scope(side.province):
            assert list(DevelopmentIssue.objects.values_list("number", flat=True)) == [1, 3]
            assert Agency.objects.filter(code="PTN-AGRI").count() == 1
            assert Item.objects.count() == Item.objects.filter(issue__province=side.province).count() > 50
    with province_scope(None):
        assert DevelopmentIssue.objects.filter(number=1).count() == 2
        assert Item.objects.count() == 2 * Item.objects.filter(issue__province=a.province).count()
    page_a = Client().get("/issues/1/", headers={"host": a.host}).content.decode()
    page_b = Client().get("/issues/1/", headers={"host": b.host}).content.decode()
    assert MARKER in page_b and MARKER not in page_a


def test_b_own_host_shows_its_published_data_set_and_job(national):
    """The matrix below can fail: on B's own host, B's data set and job pages show the marker."""
    _a, b, objects = national
    client = Client()
    client.force_login(b.users["statistics_office"])
    for path in (f"/datasets/{objects['published'].name}/", f"/jobs/{objects['job'].pk}/", "/notifications/"):
        assert MARKER in client.get(path, headers={"host": b.host}).content.decode(), path


def test_an_unknown_province_host_is_404_and_any_other_host_the_default_province(national, settings):
    a, _b, _objects = national
    assert Client().get("/", headers={"host": f"nowhere.{DOMAIN}"}).status_code == 404
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "127.0.0.1"]
    assert MARKER not in Client().get("/issues/1/", headers={"host": "127.0.0.1"}).content.decode()


def routes(resolver=None, prefix=""):
    """Every route of the URLconf as a string with its converters (`items/<int:pk>/edit/`)."""
    for pattern in (resolver or get_resolver()).url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            if route == "admin/":
                continue  # the admin's own routes are generated per registered model below
            yield from routes(pattern, route)
        elif isinstance(pattern, URLPattern):
            yield route.lstrip("^").rstrip("$")


def paths_against(objects) -> list[str]:
    """The URLconf's routes with B's objects (or, for issue numbers and agency codes, the values both share)."""
    item, record, resource, resolution = (objects[k] for k in ("item", "record", "resource", "resolution"))
    published, job = objects["published"].name, objects["job"]
    pk_for = {"items/": item.pk, "data/items/": item.pk, "resolutions/": resolution.pk, "progress/gdc/": record.pk,
              "jobs/": job.pk}
    # The public catalog: B's data set by its code (also through the CKAN API), and DCAT as Turtle
    paths = [f"/api/3/action/package_show?id={published}", "/api/3/action/package_list",
             f"/api/3/action/package_search?q={published}"]
    for route in routes():
        if route in SKIPPED:
            continue
        pk = next((value for start, value in pk_for.items() if route.startswith(start)), item.pk)
        path = (route.replace("<int:number>", str(item.issue.number)).replace("<str:code>", item.agency.code)
                .replace("<int:resource_pk>", str(resource.pk)).replace("<int:pk>", str(pk))
                .replace("<str:name>", "package_search").replace("<slug:name>", published)
                .replace("(?P<name>[a-z0-9_-]+)", published).replace("(?P<fmt>ttl|jsonld|rdf)", "ttl")
                .replace("\\.", "."))
        assert "<" not in path, f"no value for a parameter of {route}"
        paths.append("/" + path)
    for model in admin.site._registry:
        with province_scope(objects["item"].issue.province):
            row = model._default_manager.order_by("pk").first()
        base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        paths.append(base)
        if row is not None and isinstance(model._default_manager, ProvinceScopedManager):
            paths += [f"{base}{row.pk}/change/", f"{base}{row.pk}/delete/", f"{base}{row.pk}/history/"]
    return paths


class FormFields(HTMLParser):
    """The fields of the page's first POST form, as the browser would send them."""

    def __init__(self):
        super().__init__()
        self.data, self.state, self.select = {}, "before", None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and self.state == "before" and (attrs.get("method") or "").lower() == "post":
            self.state = "in"
        if self.state != "in" or not attrs.get("name"):
            return
        if tag == "input" and attrs.get("type") not in ("checkbox", "radio", "file", "submit") or \
                tag == "input" and "checked" in attrs:
            self.data[attrs["name"]] = attrs.get("value") or ""
        elif tag == "textarea":
            self.data[attrs["name"]] = "ข้อความ"
        elif tag == "select":
            self.select = attrs["name"]
        elif tag == "option" and self.select and (self.select not in self.data or "selected" in attrs):
            self.data[self.select] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "form" and self.state == "in":
            self.state = "after"


def visible_text(response) -> str:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if body[:2] == b"PK":  # a workbook: its cells
        try:
            book = openpyxl.load_workbook(io.BytesIO(body), read_only=True)
        except (zipfile.BadZipFile, KeyError, OSError):
            return body.decode("utf-8", "replace")
        return " ".join(str(cell) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
                        for cell in row if cell is not None)
    return body.decode("utf-8", "replace")


def fingerprint(province) -> str:
    """Every row of every province-scoped model of `province`."""
    from django.apps import apps

    digest = hashlib.sha256()
    with province_scope(province):
        for model in apps.get_models():
            if isinstance(model._default_manager, ProvinceScopedManager):
                digest.update(repr(list(model._default_manager.order_by("pk").values_list())).encode())
    return digest.hexdigest()


ROLES = ["anonymous", "viewer", "agency_staff", "statistics_office", "admin", "b_office_session"]


def test_no_page_of_province_a_shows_or_changes_province_b(national):
    """One test for every role: the two provinces are loaded once (the matrix is ~1,100 requests)."""
    a, b, objects = national
    paths = paths_against(objects)
    forms = Client()
    forms.force_login(b.users["admin"])
    payloads = {path: form_payload(forms, path, b.host) for path in paths}
    leaks = []
    for role in ROLES:
        client = Client()
        if role == "b_office_session":
            client.force_login(b.users["statistics_office"])  # B's session sent to A's host is no one there
        elif role != "anonymous":
            client.force_login(a.users[role])
        before = fingerprint(b.province)  # after the sign-in, which stamps the user's last_login
        for path in paths:
            for method in ("get", "post"):
                kwargs = {"data": payloads[path]} if method == "post" else {}
                response = getattr(client, method)(path, headers={"host": a.host}, **kwargs)
                if MARKER in visible_text(response):
                    leaks.append(f"{role}: {method.upper()} {path} shows province B")
        if fingerprint(b.province) != before:
            leaks.append(f"{role}: a request on A's host changed province B")
    assert len(paths) > 80
    assert leaks == []


def form_payload(client, path: str, host: str) -> dict:
    """What B's own admin would post on this page of B (its first POST form, as filled in)."""
    response = client.get(path, headers={"host": host})
    if response.status_code != 200 or response.streaming or "html" not in response.get("Content-Type", ""):
        return {}
    parser = FormFields()
    parser.feed(response.content.decode("utf-8", "replace"))
    return parser.data
