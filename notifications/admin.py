from django.contrib import admin

from notifications.models import Deadline, Notification


@admin.register(Deadline)
class DeadlineAdmin(admin.ModelAdmin):
    list_display = ("fiscal_year", "due_on", "text", "remind_days", "reminded_on")


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("recipient", "kind", "title", "created_at", "read_at", "emailed")
    list_filter = ("kind",)
    list_select_related = ("recipient",)
