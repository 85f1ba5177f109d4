from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import EveryFieldSent
from visualizations.spreadsheets import MAX_UPLOAD_BYTES


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Data table (.csv or .xlsx)"),
                           widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}))
    note = forms.CharField(label=_("Note for this version (optional)"), max_length=500, required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than %(mb)d MB."), code="too_big",
                                        params={"mb": MAX_UPLOAD_BYTES // 2**20})
        return upload


class FindingsForm(EveryFieldSent, forms.Form):
    text = forms.CharField(label=_("Key findings"), required=False,
                           widget=forms.Textarea(attrs={"rows": 14}),
                           help_text=_("Plain text. A blank line starts a paragraph, “- ” a bullet, **text** is bold."))
    clear = forms.BooleanField(label=_("Remove the key findings"), required=False,
                               help_text=_("Without this box, an empty text is refused."),
                               widget=forms.CheckboxInput(attrs={"class": "form-check-input"}))
