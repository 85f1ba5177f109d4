"""The Template 3 form, built from the resource schema. It only parses input: the service validates."""
from django import forms

from core.forms import EveryFieldSent
from templates_app.gdschema import Kind, Schema
from templates_app.forms.template2 import PLEASE_SPECIFY, _field_for, be_text


class ResourceForm(EveryFieldSent, forms.Form):
    def __init__(self, *args, schema: Schema, **kwargs):
        super().__init__(*args, **kwargs)
        self.schema = schema
        for entry in schema.entries:
            field = _field_for(entry)
            if entry.kind == Kind.SOURCE_URL:
                field.widget.attrs.update(inputmode="url", autocomplete="url", spellcheck="false")
            self.fields[entry.name] = field
            if entry.field.has_other:
                self.fields[entry.field.other_name] = forms.CharField(
                    label=PLEASE_SPECIFY, required=False, strip=False,
                    widget=forms.TextInput(attrs={"class": "form-control", "placeholder": PLEASE_SPECIFY}))

    @classmethod
    def initial_from(cls, *, schema: Schema, values: dict) -> dict:
        return {name: be_text(value) if (entry := schema.get(name)) and entry.kind == Kind.DATE else value
                for name, value in values.items()}

    def resource_values(self) -> dict:
        return dict(self.cleaned_data)
