"""No URL answers 500 to a visitor, whatever the query string.

Every URL pattern of the URLconf that an anonymous visitor can GET (path parameters resolved to
the demo's own objects; patterns that send a visitor to sign in, or refuse, are left out) is first
requested plainly while `request.GET` records every parameter the view and its template read. Then
each of those parameters, and two the view never reads, is sent with junk: huge, negative and
non-numeric numbers, a superscript digit (`"²".isdigit()` is true, `int("²")` fails), Thai text,
NUL, a very long string, a list of values, and an array-style name. Every answer must be < 500.
"""
import io
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.handlers.wsgi import WSGIRequest
from django.core.management import call_command
from django.http import QueryDict
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import reverse

from catalog.models import Agency, Item, Resolution
from opendata.models import PublishedDataset
from templates_app.models import MetadataRecord, Resource
from tests.security.test_role_matrix import PATTERNS

JUNK = ["9" * 30, "-1", "abc", "²", "ทดสอบ", "\x00", "x" * 5000, ["1", "abc"]]
UNREAD = ["page", "zz[]"]
READ: set[str] = set()


class RecordingQueryDict(QueryDict):
    """A QueryDict that notes every key looked up (by a view, a filter form or a template)."""

    def __getitem__(self, key):
        READ.add(key)
        return super().__getitem__(key)

    def getlist(self, key, default=None):
        READ.add(key)
        return super().getlist(key, default)

    def __contains__(self, key):
        READ.add(key)
        return super().__contains__(key)


def _recording_get(request):
    return RecordingQueryDict(request.environ.get("QUERY_STRING", "").encode("latin-1"), encoding=request._encoding)


def demo_kwargs(key: str, pattern) -> dict:
    item = Item.objects.filter(issue__number=1, metadata__resources__isnull=False).order_by("code").first()
    objects = {
        "number": 1, "code": item.agency.code, "resource_pk": Resource.objects.filter(record__item=item).first().pk,
        "uidb64": "MQ", "token": "set-password",
        "name": {"opendata:action": "package_search", "opendata:action-unversioned": "package_show"}.get(
            key, PublishedDataset.objects.order_by("name").values_list("name", flat=True).first()),
        "fmt": "ttl",
        "pk": {"catalog:resolution-minutes": Resolution.objects.first().pk,
               "progress:gdc-save": MetadataRecord.objects.first().pk}.get(key, item.pk),
    }
    return {name: objects[name] for name in pattern.pattern.regex.groupindex}


def public(response) -> bool:
    if response.status_code in (403, 404, 405):
        return False
    login = resolve_url(settings.LOGIN_URL)
    return not (response.status_code == 302 and urlsplit(response["Location"]).path == login)


def test_no_public_url_answers_500_to_junk_parameters(db, monkeypatch):
    client = Client(raise_request_exception=False)  # a 500 is an answer to collect, not an exception
    call_command("load_demo", stdout=io.StringIO())
    assert Agency.objects.exists()
    monkeypatch.setattr(WSGIRequest, "GET", property(_recording_get))
    failures, fuzzed = [], {}
    for key, pattern in sorted(PATTERNS.items()):
        url = reverse(key, kwargs=demo_kwargs(key, pattern))
        READ.clear()
        if not public(client.get(url)):
            continue
        fuzzed[key] = sorted(READ)
        for name in sorted(READ) + UNREAD:
            for value in JUNK:
                response = client.get(url, {name: value})
                if response.status_code >= 500:
                    failures.append(f"{url}?{name}={str(value)[:20]!r}: {response.status_code}")
    assert {"catalog:home", "catalog:issue-detail", "templates_app:api-datasets", "set_language"} <= set(fuzzed)
    assert {"q", "agency", "page"} <= set(fuzzed["catalog:issue-detail"])
    assert {"issue", "agency", "status"} <= set(fuzzed["templates_app:api-datasets"])
    assert not failures, "\n".join(failures)
