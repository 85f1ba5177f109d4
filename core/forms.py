"""Form behaviour every app shares."""
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

NOT_SENT = _("This field was not sent, so nothing was changed. Reload the page and try again.")


class EveryFieldSent:
    """For a form that changes what is already stored: a field the page shows but the request did not
    send is an error, never an empty value, so a request carrying only its form token changes nothing.

    Clearing a value stays possible, as something the user sees: an emptied box is sent (as ""). Check
    boxes are exempt (a browser sends nothing for an unticked box) and so are file inputs (no file sent
    means no new file).
    """

    def full_clean(self):
        super().full_clean()
        if not self.is_bound:
            return
        for name, field in self.fields.items():
            if field.disabled or isinstance(field.widget, forms.FileInput):
                continue
            if field.widget.value_omitted_from_data(self.data, self.files, self.add_prefix(name)):
                self.add_error(name, ValidationError(NOT_SENT, code="not_sent"))
