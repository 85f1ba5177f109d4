from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Users and roles")

    def ready(self):
        from accounts import audit  # noqa: F401 - connects the sign-in signal receivers


class AxesConfig(AxesAppConfig):
    """django-axes with a name in the admin (its own app has none, so the Thai admin showed "Axes")."""

    verbose_name = _("Sign-in throttling")
