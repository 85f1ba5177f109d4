from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_safe


@login_required
@require_safe
def landing(request):
    """Where a user arrives after signing in: agency staff at their agency's work, others at home."""
    if request.user.is_agency_staff:
        try:
            return redirect(reverse("templates_app:my-work"))
        except NoReverseMatch:  # the agency work page arrives with Template 2
            pass
    return redirect("catalog:home")
