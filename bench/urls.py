"""The portal's URLs plus one bench-only view: a static page of a given size, for the HTTP baseline."""
import os

from django.http import HttpResponse
from django.urls import include, path

_PAGE = None


def static_page(request):
    """A bare Django view returning `BENCH_STATIC_PAGE_BYTES` bytes of HTML (no database, no template)."""
    global _PAGE
    if _PAGE is None:
        size = int(os.environ.get("BENCH_STATIC_PAGE_BYTES", "100000"))
        _PAGE = (b"<!doctype html><html><body><pre>" + b"x" * size)[:size]
    return HttpResponse(_PAGE, content_type="text/html; charset=utf-8")


urlpatterns = [
    path("bench/static-page/", static_page, name="bench-static-page"),
    path("", include("config.urls")),
]
