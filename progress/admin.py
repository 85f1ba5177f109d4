from django.contrib import admin

from core.admin import SimpleHistoryAdmin
from progress.models import GdcRegistration, ProgressSnapshot


@admin.register(GdcRegistration)
class GdcRegistrationAdmin(SimpleHistoryAdmin):
    list_display = ("record", "state", "registered_on", "url")
    list_filter = ("state",)
    search_fields = ("record__dataset_name", "record__item__code")
    raw_id_fields = ("record",)
    readonly_fields = ("updated_by",)

    # Written through progress.services only (the GD Catalog page and the CSV import).
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ProgressSnapshot)
class ProgressSnapshotAdmin(admin.ModelAdmin):
    list_display = ("issue", "taken_on", "tier")
    list_filter = ("issue",)
    readonly_fields = ("issue", "taken_on", "tier", "numbers")

    def has_add_permission(self, request):
        return False
