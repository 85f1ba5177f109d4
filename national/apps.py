from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NationalConfig(AppConfig):
    """The national statistics office's board over every province (no models)."""

    name = "national"
    verbose_name = _("National board")
