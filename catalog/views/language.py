"""The language switch: a plain link (GET), so that public pages carry no form token and can be
kept in the page cache (`catalog.page_cache`). Choosing a language changes nothing but a cookie."""
from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_safe


def safe_next(request, default: str = "/") -> str:
    """`?next=` if it is a path on this site (`/issues/1/?page=2`), else `default`: never another site,
    never a bare word (which `redirect()` would try to reverse as a view name)."""
    next_url = request.GET.get("next", "")
    if (next_url.startswith("/") and not next_url.startswith(("//", "/\\"))
            and next_url.isprintable()
            and url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()},
                                                require_https=request.is_secure())):
        return next_url
    return default


@require_safe
def set_language(request):
    """`?language=en&next=/issues/1/`: remember the language and go back (only ever to this site)."""
    language = request.GET.get("language", "")
    response = HttpResponseRedirect(safe_next(request))
    if language in dict(settings.LANGUAGES):
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, language, max_age=settings.LANGUAGE_COOKIE_AGE,
                            path=settings.LANGUAGE_COOKIE_PATH, domain=settings.LANGUAGE_COOKIE_DOMAIN,
                            secure=settings.LANGUAGE_COOKIE_SECURE, httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                            samesite=settings.LANGUAGE_COOKIE_SAMESITE)
    return response
