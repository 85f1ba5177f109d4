from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every app of the portal shares (no models): province scoping, the safe workbook reader, request limits."""

    name = "core"
    verbose_name = _("Shared parts")

    def ready(self):
        import os

        from django.db.models.signals import post_delete, post_save

        from core.tenancy import work_in_province_named

        if os.environ.get("PORTAL_PROVINCE"):  # a command for one province: PORTAL_PROVINCE=yala manage.py …
            work_in_province_named(os.environ["PORTAL_PROVINCE"])

        from core.middleware import remember_province

        post_save.connect(remember_province, sender="catalog.Province", dispatch_uid="remember_province_saved")
        post_delete.connect(remember_province, sender="catalog.Province", dispatch_uid="remember_province_deleted")
