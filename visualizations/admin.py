from django.contrib import admin

from visualizations.models import IssueFindings, TableVersion


@admin.register(TableVersion)
class TableVersionAdmin(admin.ModelAdmin):
    list_display = ("item", "number", "period_kind", "row_count", "is_synthetic", "uploaded_by", "uploaded_at")
    list_filter = ("is_synthetic", "period_kind")
    search_fields = ("item__code", "item__name_th")
    readonly_fields = [f.name for f in TableVersion._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(IssueFindings)
class IssueFindingsAdmin(admin.ModelAdmin):
    list_display = ("issue", "updated_by", "updated_at")
