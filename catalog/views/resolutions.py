"""Minutes of committee meetings: served only to signed-in users, never from a static path."""
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from accounts.permissions import signed_in_required
from catalog.models import Resolution


@signed_in_required
@require_safe
def resolution_minutes(request, pk: int):
    resolution = get_object_or_404(Resolution.objects.select_related("meeting"), pk=pk)
    if not resolution.minutes:
        raise Http404
    return FileResponse(resolution.minutes.open("rb"), content_type="application/pdf",
                        filename=f"minutes-{resolution.meeting.date:%Y%m%d}-{resolution.subject}.pdf")
