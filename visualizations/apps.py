from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisualizationsConfig(AppConfig):
    name = "visualizations"
    verbose_name = _("Visualizations")
