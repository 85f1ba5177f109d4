"""An agency's contact and registered domains (one per line). Parsing only: the service validates."""
from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import EveryFieldSent


class AgencyContactForm(EveryFieldSent, forms.Form):
    contact_name = forms.CharField(label=_("Contact person"), required=False, max_length=255,
                                   widget=forms.TextInput(attrs={"class": "form-control"}))
    contact_email = forms.CharField(label=_("Contact e-mail"), required=False, max_length=254,
                                    widget=forms.TextInput(attrs={"class": "form-control", "type": "email"}))
    contact_phone = forms.CharField(label=_("Contact telephone"), required=False, max_length=64,
                                    widget=forms.TextInput(attrs={"class": "form-control", "inputmode": "tel"}))
    domains = forms.CharField(
        label=_("Registered website domains"), required=False,
        help_text=_("One per line, e.g. pattani.doae.go.th. Template 3 links must be on one of these or a "
                    "subdomain of one."),
        widget=forms.Textarea(attrs={"class": "form-control", "rows": 4, "spellcheck": "false"}))
    remove_all_domains = forms.BooleanField(
        label=_("Remove every registered domain"), required=False,
        help_text=_("Only to leave the agency without any website domain: its Template 3 links cannot then be "
                    "saved. Without this box, an empty list of domains is refused."),
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}))

    @staticmethod
    def initial_from(agency) -> dict:
        return {"contact_name": agency.contact_name, "contact_email": agency.contact_email,
                "contact_phone": agency.contact_phone,
                "domains": "\n".join(d.domain for d in agency.domains.all())}

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data["domains"] = [line for line in data["domains"].replace(",", "\n").split() if line.strip()]
        return data
