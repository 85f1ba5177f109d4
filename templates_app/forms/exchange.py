"""Forms of the spreadsheet exchange. They only parse: the workbook import checks the content."""
from django import forms
from django.utils.translation import gettext_lazy as _

from catalog.models import Agency, DevelopmentIssue
from templates_app.gdschema import importer_version
from templates_app.gdschema.versions import importer_versions
from templates_app.spreadsheets.gdc_reader import MAX_BYTES

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ExportForm(forms.Form):
    issue = forms.ModelChoiceField(
        DevelopmentIssue.objects.order_by("-fiscal_year", "number"), required=False, label=_("Development issue"),
        empty_label=_("All issues of the province"), widget=forms.Select(attrs={"class": "form-select"}))
    agency = forms.ModelChoiceField(
        Agency.objects.order_by("level", "code"), required=False, label=_("Agency"), empty_label=_("All agencies"),
        widget=forms.Select(attrs={"class": "form-select"}))
    approved_only = forms.BooleanField(
        required=False, label=_("Approved records only"),
        help_text=_("Without it, drafts are exported too and listed in the pre-flight sheet."),
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}))
    version = forms.ChoiceField(
        choices=(), required=False, label=_("GD Catalog importer version"),
        help_text=_("The version your province's GD Catalog site runs: a workbook of another version imports "
                    "nothing there."), widget=forms.Select(attrs={"class": "form-select"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].choices = [(version, version) for version in importer_versions()]
        self.fields["version"].initial = importer_version()

    def clean_version(self):
        return self.cleaned_data["version"] or importer_version()


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Filled workbook (.xlsx)"), help_text=_("At most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"class": "form-control", "accept": f".xlsx,{XLSX}"}))
    submit = forms.BooleanField(
        required=False, label=_("Submit complete data sets for review"),
        help_text=_("Each complete Template 2 row is sent to the statistics office; an incomplete one is saved as "
                    "a draft. The preview says which."),
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:  # refused before the workbook is read
            raise forms.ValidationError(_("The file is larger than 10 MB. Split it or remove what is not needed."),
                                        code="too_large")
        return upload


class ConfirmForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput, max_length=2000)
    digest = forms.CharField(widget=forms.HiddenInput, max_length=64)
    submit = forms.BooleanField(widget=forms.HiddenInput, required=False)
