"""Middleware every app shares."""
from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponseBadRequest, JsonResponse
from django.http.request import split_domain_port
from django.shortcuts import render
from django.utils.translation import gettext as _

from core.locks import BUSY_MESSAGE, is_lock_timeout
from core.tenancy import province_scope

PROVINCE_CACHE_SECONDS = 60


def wants_json(request) -> bool:
    """An API call (its answers are JSON) rather than a page."""
    return request.path.startswith("/api/") or "application/json" in request.headers.get("Accept", "")


class RequestBodyLimitMiddleware:
    """Refuse a request whose declared body is larger than `REQUEST_MAX_BYTES` (413), from its
    Content-Length header alone: the body is never read, so a worker is not kept busy receiving it
    nor a temporary file written. Runs before anything that reads the body (the CSRF check, views)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = settings.REQUEST_MAX_BYTES
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0  # Django reads no body without a valid length
        if limit and length > limit:
            return self.refuse(request, length, limit)
        return self.get_response(request)

    @staticmethod
    def refuse(request, length: int, limit: int):
        message = _("The request is too large (%(size)s MB); the portal accepts at most %(limit)s MB. Nothing was "
                    "received or saved. Split the file or remove what is not needed.") % {
            "size": f"{length / 1024 / 1024:.1f}", "limit": f"{limit / 1024 / 1024:g}"}
        if wants_json(request):
            return JsonResponse({"error": "request_too_large", "message": message}, status=413,
                                json_dumps_params={"ensure_ascii": False})
        return render(request, "413.html", {"message": message}, status=413)


class NulInQueryMiddleware:
    """A NUL character in a query parameter is never data here, and PostgreSQL cannot compare text holding
    one (it would answer 500): such a request is answered 400 before any view reads it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any("\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()):
            message = _("The address contains a character that is not allowed (NUL).")
            if wants_json(request):
                return JsonResponse({"error": "bad_request", "message": message}, status=400,
                                    json_dumps_params={"ensure_ascii": False})
            return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


class RecordBusyMiddleware:
    """A request that gave up waiting for a row another request holds gets 409 and "someone else is
    saving this record, try again" (a page, or JSON for the API) instead of a server error."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_lock_timeout(exception):
            return None
        if wants_json(request):
            return JsonResponse({"error": "record_busy", "message": str(BUSY_MESSAGE)}, status=409,
                                json_dumps_params={"ensure_ascii": False})
        return render(request, "409.html", {"message": BUSY_MESSAGE}, status=409)


class ProvinceMiddleware:
    """`request.province` from the host name, and every query of the request kept to it.

    `<slug>.<PORTAL_DOMAIN>` is that province (an unknown slug: 404); any other host the default province
    (`catalog.models.Province.default`), so a single-province deployment answers as it always did.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.province = self.province_for(request.get_host())
        with province_scope(request.province):
            return self.get_response(request)

    @staticmethod
    def province_for(host: str):
        """The host's province, kept a minute in the cache (a cached page then costs one query, not two)."""
        from catalog.models import Province

        name = split_domain_port(host)[0].lower()
        domain = settings.PORTAL_DOMAIN
        slug = name[: -len(domain) - 1] if domain and name.endswith("." + domain) else None
        province = cache.get(_host_key(slug))
        if province is None:
            province = Province.all_objects.filter(slug=slug).first() if slug else Province.default()
            if province is None and slug:
                raise Http404(_("No province is served at this address."))
            if province is not None:
                cache.set(_host_key(slug), province, PROVINCE_CACHE_SECONDS)
        return province


def _host_key(slug: str | None) -> str:
    return f"province-of-host:{slug or ''}"


def remember_province(sender, instance, **kwargs):
    """A province saved or deleted: its host and the default host are looked up afresh (and kept)."""
    cache.delete_many([_host_key(instance.slug), _host_key(None)])
    default = sender.default()
    if default is not None:
        cache.set(_host_key(None), default, PROVINCE_CACHE_SECONDS)
