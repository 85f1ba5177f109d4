from django.contrib import admin

from catalog.models import (
    Agency,
    AgencyDomain,
    DevelopmentIssue,
    Dimension,
    District,
    Item,
    ItemRevision,
    Meeting,
    Province,
    Resolution,
)
from core.admin import SimpleHistoryAdmin


class AgencyDomainInline(admin.TabularInline):
    model = AgencyDomain
    extra = 1


@admin.register(Agency)
class AgencyAdmin(SimpleHistoryAdmin):
    list_display = ("code", "name_th", "level", "contact_name", "contact_email")
    list_filter = ("level",)
    search_fields = ("code", "name_th", "name_en")
    inlines = [AgencyDomainInline]


class DimensionInline(admin.TabularInline):
    model = Dimension
    extra = 0


@admin.register(DevelopmentIssue)
class DevelopmentIssueAdmin(SimpleHistoryAdmin):
    list_display = ("number", "title_th", "fiscal_year")
    list_filter = ("fiscal_year",)
    inlines = [DimensionInline]


class ResolutionInline(admin.TabularInline):
    model = Resolution
    extra = 0
    fields = ("issue", "subject", "decision", "notes", "minutes")


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ("title", "body", "number", "date")
    list_filter = ("body",)
    inlines = [ResolutionInline]


class ReadOnlyAdminMixin:
    """Read-only in the admin: the model is written only through the portal's services (Template 1
    changes, each a revision with a reason; Template 2/3 records) or is a log (the audit log)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Item)
class ItemAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    list_display = ("code", "name_th", "agency", "dimension", "data_type", "status")
    list_filter = ("issue", "status", "data_type", "agency__level")
    search_fields = ("code", "name_th", "name_en")
    list_select_related = ("agency", "dimension")


@admin.register(ItemRevision)
class ItemRevisionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("item", "kind", "decided_on", "meeting", "created_by")
    list_filter = ("kind", "meeting")
    list_select_related = ("item", "meeting", "created_by")
    search_fields = ("item__code", "reason")


admin.site.register(Province)
admin.site.register(District)
