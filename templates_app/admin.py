"""Template 2 records in the Django admin: read-only, since every write goes through the services."""
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from templates_app.models import MetadataRecord


@admin.register(MetadataRecord)
class MetadataRecordAdmin(SimpleHistoryAdmin):
    list_display = ("dataset_name", "item", "status", "version", "updated_at", "updated_by")
    list_filter = ("status", "item__agency", "item__data_type")
    search_fields = ("dataset_name", "item__code", "item__name_th")
    list_select_related = ("item", "updated_by")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
