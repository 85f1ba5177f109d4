"""Template 1 forms: they only parse input; `catalog.services.items` validates and writes."""
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Field, Layout, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from catalog.models import Agency, DataType, Dimension, Meeting
from core.forms import EveryFieldSent


class DecisionForm(EveryFieldSent, forms.Form):
    """Why the change is made and, optionally, which meeting decided it."""

    reason = forms.CharField(label=_("Reason for the change"), widget=forms.Textarea(attrs={"rows": 2}),
                             required=False, help_text=_("Required. Kept in the item's history."))
    meeting = forms.ModelChoiceField(label=_("Decided at meeting"), queryset=Meeting.objects.all(), required=False,
                                     empty_label=_("— not decided at a meeting —"))

    submit_label = _("Save")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.layout = Layout(*self.layout_fields(), Submit("submit", self.submit_label))

    def layout_fields(self):
        return [Field("reason"), Field("meeting")]


class ItemFieldsForm(DecisionForm):
    name_th = forms.CharField(label=_("Item name (Thai)"), max_length=500, required=False)
    name_en = forms.CharField(label=_("Item name (English)"), max_length=500, required=False)
    agency = forms.ModelChoiceField(label=_("Owning agency"), queryset=Agency.objects.order_by("level", "code"))
    dimension = forms.ModelChoiceField(label=_("Dimension"), queryset=Dimension.objects.none())
    data_type = forms.ChoiceField(label=_("Data type (GD Catalog)"), choices=DataType.choices)
    unit = forms.CharField(label=_("Unit"), max_length=100, required=False)

    def __init__(self, *args, issue, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dimension"].queryset = Dimension.objects.filter(issue=issue)
        self.fields["dimension"].label = issue.dimension_label

    def layout_fields(self):
        return [Div(Div("name_th", css_class="col-md-6"), Div("name_en", css_class="col-md-6"), css_class="row"),
                Div(Div("agency", css_class="col-md-6"), Div("dimension", css_class="col-md-6"), css_class="row"),
                Div(Div("data_type", css_class="col-md-6"), Div("unit", css_class="col-md-6"), css_class="row"),
                *super().layout_fields()]


class ItemCreateForm(ItemFieldsForm):
    code = forms.CharField(label=_("Item code"), max_length=40, required=False,
                           help_text=_("Unique within the issue, e.g. I3-068."))
    submit_label = _("Add item")

    def layout_fields(self):
        return [Field("code"), *super().layout_fields()]


class ItemEditForm(ItemFieldsForm):
    submit_label = _("Save change")


class ItemRemoveForm(DecisionForm):
    submit_label = _("Remove from the list")


class ItemRestoreForm(DecisionForm):
    submit_label = _("Put back on the list")
