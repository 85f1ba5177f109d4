"""Forms of the progress pages: they parse input (B.E. dates); the services hold the rules."""
from django import forms
from django.utils.translation import gettext_lazy as _

from catalog.models import Meeting, Resolution
from catalog.selectors import issue_list
from core.forms import EveryFieldSent
from progress.models import GdcState
from progress.selectors import GDC_NOT_RECORDED
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


STATE_CHOICES = [("", _("— choose a state —")), *GdcState.choices]


class GdcForm(EveryFieldSent, forms.Form):
    # No state is preselected: "Ready to register" is a decision, not a default (a returned record is not ready).
    state = forms.ChoiceField(label=_("GD Catalog state"), choices=STATE_CHOICES,
                              widget=forms.Select(attrs={"class": "form-select"}))
    url = forms.URLField(label=_("GD Catalog URL"), max_length=500, required=False, assume_scheme="https",
                         widget=forms.URLInput(attrs={"class": "form-control"}))
    registered_on = BeDateField(label=_("Registration date (B.E.)"), required=False, widget=forms.TextInput(
        attrs={"class": "form-control", "placeholder": _("DD/MM/YYYY (B.E.)")}))


class GdcImportForm(forms.Form):
    file = forms.FileField(label=_("CSV file"), help_text=_(
        "UTF-8 with a header row: slug, url, date (B.E. such as 31/03/2566 or ISO 2023-03-31), optional state."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 2 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 2 MB."), code="too_large")
        return upload



class GdcFilterForm(forms.Form):
    """Which data sets the GD Catalog registration page lists (and a bulk change may cover)."""

    issue = forms.TypedChoiceField(label=_("Development issue"), coerce=int, required=False, empty_value=None)
    agency = forms.CharField(label=_("Agency code"), max_length=40, required=False)
    state = forms.ChoiceField(label=_("GD Catalog state"), required=False, choices=[
        ("", _("All")), (GDC_NOT_RECORDED, _("Not recorded yet")), *GdcState.choices])
    public = forms.BooleanField(label=_("Public category only"), required=False)

    def __init__(self, *args, issues, **kwargs):
        super().__init__(*args, **kwargs)
        self.issues = issues
        self.fields["issue"].choices = [("", _("All")),
                                        *((i.number, _("Issue %(n)s") % {"n": i.number}) for i in issues)]

    def selection(self) -> dict:
        """Keyword arguments for `selectors.gdc_records` (everything, if the filter is junk)."""
        data = self.cleaned_data if self.is_valid() else {}
        chosen = [i for i in self.issues if i.number == data.get("issue")]
        return {"issues": chosen or self.issues, "agency": (data.get("agency") or "").strip(),
                "state": data.get("state") or "", "public_only": bool(data.get("public"))}


class GdcBulkForm(forms.Form):
    """One control for many rows: a state (and optionally a date) for the ticked data sets, or for every
    data set the filter shows."""

    state = forms.ChoiceField(label=_("Set the GD Catalog state to"), choices=STATE_CHOICES)
    registered_on = BeDateField(label=_("Registration date (B.E.)"), required=False,
                                help_text=_("Left empty, each data set keeps its own."))
    scope = forms.ChoiceField(label=_("Apply to"), widget=forms.RadioSelect, initial="selected", choices=[
        ("selected", _("the data sets ticked below")), ("filtered", _("every data set the filter shows"))])
    record = forms.TypedMultipleChoiceField(label=_("Data sets"), coerce=int, required=False)

    def __init__(self, *args, records, **kwargs):
        super().__init__(*args, **kwargs)
        self.records = list(records)
        self.fields["record"].choices = [(record.pk, record.dataset_name) for record in self.records]

    def clean(self):
        data = super().clean()
        if data.get("scope") == "selected" and not data.get("record"):
            raise forms.ValidationError(_("Tick at least one data set, or apply to every data set the filter shows."),
                                        code="nothing_selected")
        return data

    def chosen(self) -> list:
        if self.cleaned_data["scope"] == "filtered":
            return self.records
        ticked = set(self.cleaned_data["record"])
        return [record for record in self.records if record.pk in ticked]
