"""The statistics office keeps each agency's contact and registered website domains."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from accounts.permissions import catalog_manager_required
from catalog.services.agencies import agency_update_contact
from templates_app import selectors
from templates_app.forms import form_add_service_errors
from templates_app.forms.agencies import AgencyContactForm


@catalog_manager_required
@require_safe
def agency_list(request):
    return render(request, "templates_app/agency_list.html", {"agencies": selectors.agencies_with_domains()})


@catalog_manager_required
@require_http_methods(["GET", "HEAD", "POST"])
def agency_edit(request, code: str):
    agency = selectors.agency_by_code(code=code)
    form = AgencyContactForm(request.POST or None, initial=AgencyContactForm.initial_from(agency))
    if request.method == "POST" and form.is_valid():
        try:
            agency_update_contact(agency=agency, by=request.user, **form.service_kwargs())
        except ValidationError as exc:
            form_add_service_errors(form, exc)
        else:
            messages.success(request, _("Contact and domains of %(agency)s saved.") % {"agency": agency.name})
            return redirect("templates_app:agency-list")
    return render(request, "templates_app/agency_form.html", {"agency": agency, "form": form})
