"""Visitors who are not signed in get public pages from a cache until the data they show changes.

    @public_page_cache(version=selectors.issue_page_version)
    def issue_detail(request, number): ...

For a GET without a session or a pending message, `version(**view_kwargs)` (one small query)
fingerprints the data the page shows (in the request's province); a copy made under the same
province, fingerprint, path, query string and language is sent as it is, and otherwise the view
runs and its 200 response is kept. The
fingerprint comes from the database, so each app server may keep its own in-memory cache
(`CACHES`) and none serves a page older than the data. Pages kept here must not carry a form
token or anything personal: the language switch is a plain link for that reason.
"""
import functools
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import get_language

TIMEOUT = 24 * 60 * 60  # a fingerprint that stops matching is simply never asked for again


def public_page_cache(*, version):
    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            stamp = version(**kwargs) if _anonymous_get(request) else None
            if stamp is None:
                return view(request, *args, **kwargs)
            province = getattr(request, "province", None)
            key = "page:" + hashlib.sha256("\n".join([
                str(province.pk if province else ""), request.get_full_path(), get_language(), stamp]).encode()
            ).hexdigest()
            cached = cache.get(key)
            if cached is not None:
                return HttpResponse(cached, content_type="text/html; charset=utf-8")
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not response.cookies and not response.streaming:
                cache.set(key, response.content, TIMEOUT)
            return response

        return wrapper

    return decorator


def _anonymous_get(request) -> bool:
    """A GET that carries no session (so no signed-in user) and no message waiting to be shown."""
    return (request.method == "GET" and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "messages" not in request.COOKIES)
