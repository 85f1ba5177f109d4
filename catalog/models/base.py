from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


def choices_constraint(field: str, choices, name: str) -> models.CheckConstraint:
    """The database-side twin of `choices=`: the column only holds listed values."""
    return models.CheckConstraint(condition=models.Q(**{f"{field}__in": [c[0] for c in choices]}), name=name)
