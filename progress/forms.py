"""Forms of the progress pages: they parse input (B.E. dates); the services hold the rules."""
from django import forms
from django.utils.translation import gettext_lazy as _

from catalog.models import Meeting, Resolution
from catalog.selectors import issue_list
from core.forms import EveryFieldSent
from progress.models import GdcState
from progress.services import parse_any_date


class BeDateField(forms.CharField):
    """A date typed in พ.ศ. (`7/2/2566` or `2566-02-07`); an ISO C.E. date is accepted too."""

    default_error_messages = {"invalid": _("Enter a B.E. date such as 07/02/2566.")}

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            return parse_any_date(value)
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None

    def prepare_value(self, value):
        if hasattr(value, "year"):
            return f"{value.day:02d}/{value.month:02d}/{value.year + 543}"
        return value


class ResolutionForm(forms.Form):
    body = forms.ChoiceField(label=_("Body"), choices=Meeting.Body.choices,
                             initial=Meeting.Body.PROVINCIAL_COMMITTEE)
    number = forms.CharField(label=_("Meeting number"), max_length=40, required=False,
                             help_text=_("For example 1/2566."))
    date = BeDateField(label=_("Meeting date (B.E.)"), help_text=_("For example 15/03/2566."))
    place = forms.CharField(label=_("Place"), max_length=255, required=False)
    title = forms.CharField(label=_("Meeting title"), max_length=500, required=False,
                            help_text=_("Left empty: the body and the meeting number."))
    issue = forms.ModelChoiceField(label=_("Development issue"), queryset=None, empty_label=None)
    subject = forms.ChoiceField(label=_("Subject"), choices=Resolution.Subject.choices)
    decision = forms.ChoiceField(label=_("Decision"), choices=Resolution.Decision.choices)
    notes = forms.CharField(label=_("Notes"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    minutes = forms.FileField(label=_("Minutes (PDF)"), required=False,
                              widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issue"].queryset = issue_list()


class GdcForm(EveryFieldSent, forms.Form):
    state = forms.ChoiceField(label=_("GD Catalog state"), choices=GdcState.choices, initial=GdcState.COMPLETED)
    url = forms.URLField(label=_("GD Catalog URL"), max_length=500, required=False, assume_scheme="https")
    registered_on = BeDateField(label=_("Registration date (B.E.)"), required=False)


class GdcImportForm(forms.Form):
    file = forms.FileField(label=_("CSV file"), help_text=_(
        "UTF-8 with a header row: slug, url, date (B.E. such as 31/03/2566 or ISO 2023-03-31), optional state."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 2 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 2 MB."), code="too_large")
        return upload

