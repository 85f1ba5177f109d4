"""`EveryFieldSent`: a field the request did not send is an error, never an empty value."""
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import QueryDict

from core.forms import EveryFieldSent


class ContactForm(EveryFieldSent, forms.Form):
    name = forms.CharField(required=False)
    notes = forms.CharField(required=False, widget=forms.Textarea)
    kind = forms.ChoiceField(choices=[("", "-"), ("a", "A")], required=False)
    tags = forms.MultipleChoiceField(choices=[("x", "X")], required=False, widget=forms.CheckboxSelectMultiple)
    remove = forms.BooleanField(required=False)
    minutes = forms.FileField(required=False)


def test_only_a_form_token_is_refused_field_by_field():
    form = ContactForm(QueryDict("csrfmiddlewaretoken=x"))
    assert not form.is_valid()
    assert {name: [e.code for e in errors.as_data()] for name, errors in form.errors.items()} == {
        "name": ["not_sent"], "notes": ["not_sent"], "kind": ["not_sent"]}


def test_emptied_boxes_unticked_checkboxes_and_no_file_are_what_the_user_did():
    form = ContactForm(QueryDict("name=&notes=&kind="), {"minutes": SimpleUploadedFile("m.pdf", b"%PDF")})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"name": "", "notes": "", "kind": "", "tags": [], "remove": False,
                                 "minutes": form.cleaned_data["minutes"]}
    assert ContactForm(QueryDict("name=a&notes=&kind=a")).is_valid()
