"""Role checks for views: anonymous users go to the sign-in page, wrong roles get 403."""
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied


def _require(predicate):
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not predicate(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


catalog_manager_required = _require(lambda user: user.can_manage_catalog)
agency_staff_required = _require(lambda user: user.is_agency_staff)
signed_in_required = _require(lambda user: True)
national_required = _require(lambda user: user.is_national)
export_starter_required = _require(lambda user: user.can_manage_catalog or user.is_national)
