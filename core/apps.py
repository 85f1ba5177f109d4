from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every app of the portal shares (no models): the safe workbook reader, request limits."""

    name = "core"
    verbose_name = _("Shared parts")
