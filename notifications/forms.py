from django import forms

from notifications.models import Deadline


class DeadlineForm(forms.ModelForm):
    class Meta:
        model = Deadline
        fields = ["fiscal_year", "due_on", "text", "remind_days"]
        widgets = {"due_on": forms.DateInput(attrs={"type": "date", "class": "form-control"}),
                   "fiscal_year": forms.NumberInput(attrs={"class": "form-control"}),
                   "text": forms.TextInput(attrs={"class": "form-control"}),
                   "remind_days": forms.NumberInput(attrs={"class": "form-control"})}

    def validate_unique(self):
        """A fiscal year set again replaces its deadline (`deadline_set`): not an error."""
