"""Template 2 records in the Django admin: read-only, since every write goes through the services."""
from django.contrib import admin

from catalog.admin import ReadOnlyAdminMixin
from core.admin import SimpleHistoryAdmin
from templates_app.models import MetadataRecord, Resource


@admin.register(MetadataRecord)
class MetadataRecordAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    list_display = ("dataset_name", "item", "status", "version", "updated_at", "updated_by")
    list_filter = ("status", "item__agency", "item__data_type")
    search_fields = ("dataset_name", "item__code", "item__name_th")
    list_select_related = ("item", "updated_by")


@admin.register(Resource)
class ResourceAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    """Template 3 resources, read-only: writes go through templates_app.services.resources."""

    list_display = ("record", "position", "url", "url_status", "http_status", "checked_at", "failure_count")
    list_filter = ("url_status", "record__item__agency", "record__item__data_type")
    search_fields = ("record__dataset_name", "url")
    list_select_related = ("record",)
