"""Recording what a meeting decided about a development issue, with its minutes (PDF)."""
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from catalog.models import DevelopmentIssue, Meeting, Resolution


def resolution_record(*, meeting: Meeting, issue: DevelopmentIssue, subject: str, decision: str,
                      notes: str = "", minutes=None, by=None) -> Resolution:
    """Create the resolution, or update the one this meeting already made on this subject."""
    resolution = Resolution.objects.filter(meeting=meeting, issue=issue, subject=subject).first() or Resolution(
        meeting=meeting, issue=issue, subject=subject)
    resolution.decision, resolution.notes = decision, notes.strip()
    resolution.recorded_by = by if by and by.is_authenticated else None
    if minutes is not None:
        resolution.minutes = minutes  # validated by the field's validator, saved under minutes_path
    errors = {}
    try:
        resolution.full_clean(validate_constraints=False)
    except ValidationError as exc:
        errors = exc.error_dict
    if decision == Resolution.Decision.RETURNED and not resolution.notes:
        errors.setdefault("notes", []).append(ValidationError(
            _("Say what the committee asked to change."), code="notes_required"))
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        resolution.save()
    return resolution

