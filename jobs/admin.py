from django.contrib import admin

from jobs.models import Job


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ("pk", "kind", "state", "progress", "owner", "created_at", "finished_at")
    list_filter = ("kind", "state")
    list_select_related = ("owner",)
