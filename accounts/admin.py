from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from accounts.models import User


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
