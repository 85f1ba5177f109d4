from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from accounts.audit import audit_role_change, role_state
from accounts.models import AuditEvent, User
from catalog.admin import ReadOnlyAdminMixin
from core.admin import SimpleHistoryAdmin


@admin.register(User)
class UserAdmin(BaseUserAdmin, SimpleHistoryAdmin):
    list_display = ("username", "first_name", "last_name", "role", "agency", "is_active")
    list_filter = ("role", "agency__level", "is_active")
    list_select_related = ("agency",)
    fieldsets = (
        *BaseUserAdmin.fieldsets[:1],
        (_("Role in the portal"), {"fields": ("role", "agency")}),
        *BaseUserAdmin.fieldsets[1:],
    )
    add_fieldsets = (
        *BaseUserAdmin.add_fieldsets,
        (_("Role in the portal"), {"fields": ("role", "agency")}),
    )
    # Accessibility (axe): Django's two-pane group/permission picker puts aria-label on a plain span, and the
    # split date/time inputs of the sign-in dates have no labels. Plain multi-selects; the dates are read-only.
    filter_horizontal = ()
    readonly_fields = ("last_login", "date_joined")

    def get_queryset(self, request):
        """A province's admins manage its users; national users (no province) only national admins do."""
        users = super().get_queryset(request)
        return users if request.user.is_national else users.filter(province__isnull=False)

    def save_model(self, request, obj, form, change):
        """Role, agency and admin-flag changes (and new users) go to the audit log."""
        before = role_state(User.objects.select_related("agency").filter(pk=obj.pk).first()) if change else None
        super().save_model(request, obj, form, change)
        audit_role_change(user=obj, before=before, actor=request.user)


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """The audit log, read-only: nobody adds, edits or deletes an event through the admin."""

    list_display = ("at", "kind", "actor", "summary")
    list_filter = ("kind", ("at", admin.DateFieldListFilter))
    search_fields = ("summary", "actor__username")
    date_hierarchy = "at"
    list_select_related = ("actor",)
    readonly_fields = ("at", "kind", "actor", "summary", "details")
    fields = readonly_fields
