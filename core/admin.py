"""Admin parts every app shares."""
from django.contrib.admin.utils import unquote
from django.http import Http404
from simple_history.admin import SimpleHistoryAdmin as BaseHistoryAdmin


class SimpleHistoryAdmin(BaseHistoryAdmin):
    """simple_history's admin, whose history page shows only an object this admin's queryset holds (the
    historical rows themselves are not province-scoped: another province's object is a 404, not its log)."""

    def history_view(self, request, object_id, extra_context=None):
        if not self.get_queryset(request).filter(pk=unquote(object_id)).exists():
            raise Http404
        return super().history_view(request, object_id, extra_context)
