"""The Template 2 form, built from the GD schema. It only parses input: the service validates."""
import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from catalog.models import DataType
from catalog.thaidates import to_be_year
from core.forms import EveryFieldSent
from templates_app.gdschema import AUTO_FIELDS, Kind, Schema

PLEASE_SPECIFY = "โปรดระบุ"


class LooseChoiceField(forms.ChoiceField):
    """A select whose value the service checks against the standard's list (one home for the rule)."""

    def validate(self, value):
        pass


class LooseMultipleChoiceField(forms.MultipleChoiceField):
    def validate(self, value):
        pass


class OneChoiceRadio(forms.RadioSelect):
    """Radio buttons: like check boxes, a browser sends nothing when none is chosen (not a missing field)."""

    def value_omitted_from_data(self, data, files, name):
        return False


def be_text(iso: str) -> str:
    """`2024-03-31` → `31/03/2567` for the input box."""
    try:
        day = dt.date.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso or ""
    return f"{day.day:02d}/{day.month:02d}/{to_be_year(day.year)}"


def _widget_attrs(entry) -> dict:
    attrs = {"class": "form-control", "aria-describedby": f"help_{entry.name}"}
    if entry.kind == Kind.DATE:
        attrs.update(placeholder="วว/ดด/ปปปป", inputmode="numeric")
    elif entry.kind in (Kind.YEAR, Kind.INTERVAL):
        attrs.update(inputmode="numeric")
    elif entry.kind == Kind.EMAIL:
        attrs.update(type="email")
    elif entry.kind in (Kind.LONGITUDE, Kind.LATITUDE):
        attrs.update(inputmode="decimal")
    return attrs


def _field_for(entry):
    common = {"label": entry.label, "required": False, "help_text": entry.help_text}
    if entry.kind == Kind.CHOICE:
        return LooseChoiceField(choices=[("", "— เลือก —"), *entry.choices],
                                widget=forms.Select(attrs={"class": "form-select"}), **common)
    if entry.kind == Kind.MULTI and entry.single:  # workbook delivery: one value (stored as a one-item list)
        return LooseChoiceField(choices=entry.choices, widget=OneChoiceRadio, **common)
    if entry.kind == Kind.MULTI:
        return LooseMultipleChoiceField(choices=entry.choices, widget=forms.CheckboxSelectMultiple, **common)
    widget = (forms.Textarea(attrs={**_widget_attrs(entry), "rows": 3}) if entry.kind == Kind.TEXTAREA
              else forms.TextInput(attrs=_widget_attrs(entry)))
    return forms.CharField(widget=widget, strip=False, **common)


class MetadataForm(EveryFieldSent, forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    dataset_name = forms.CharField(
        label=_("Dataset code (GD Catalog name)"), required=False, max_length=200,
        help_text=_("2–70 lowercase letters a–z, digits, - or _. Generated from the item code; you may change it."),
        widget=forms.TextInput(attrs={"class": "form-control", "aria-describedby": "help_dataset_name"}))

    def __init__(self, *args, schema: Schema, **kwargs):
        super().__init__(*args, **kwargs)
        self.schema = schema
        for entry in schema.entries:
            if entry.name in AUTO_FIELDS:
                continue
            self.fields[entry.name] = _field_for(entry)
            if entry.field.has_other:
                self.fields[entry.field.other_name] = forms.CharField(
                    label=PLEASE_SPECIFY, required=False, strip=False,
                    widget=forms.TextInput(attrs={"class": "form-control", "placeholder": PLEASE_SPECIFY}))
        if schema.data_type == DataType.OTHER:
            self.fields["data_type_other"] = forms.CharField(
                label=PLEASE_SPECIFY, required=False, strip=False,
                widget=forms.TextInput(attrs={"class": "form-control", "placeholder": PLEASE_SPECIFY}))

    @classmethod
    def initial_from(cls, *, schema: Schema, values: dict, version: int, dataset_name: str) -> dict:
        initial = {"version": version, "dataset_name": dataset_name}
        for name, value in values.items():
            entry = schema.get(name)
            initial[name] = be_text(value) if entry and entry.kind == Kind.DATE else value
        return initial

    def metadata_values(self) -> dict:
        """The parsed input for the service (everything except version and dataset code)."""
        return {name: value for name, value in self.cleaned_data.items() if name not in ("version", "dataset_name")}
