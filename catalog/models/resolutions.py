"""Committee resolutions: the evidence behind the indicator's 50- and 100-point tiers."""
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from catalog.validators import validate_pdf

from .base import TimeStampedModel, choices_constraint
from .issues import DevelopmentIssue, Meeting
from core.tenancy import ProvinceScopedManager

class ResolutionSubject(models.TextChoices):
    REQUIREMENTS_DOCUMENT = "requirements_document", _("Requirements document for the data set analysis")
    VISUALIZATION_SUMMARY = "visualization_summary", _("Summary of the analysis as visualizations")
    TEMPLATE1_CHANGES = "template1_changes", _("Changes to Template 1")


class ResolutionDecision(models.TextChoices):
    APPROVED = "approved", _("Approved")
    RETURNED = "returned", _("Returned with notes")


def minutes_path(instance, filename: str) -> str:
    # Never under STATIC_ROOT; served only through the signed-in view.
    return f"minutes/{instance.meeting.date:%Y}/{instance.meeting_id}-{instance.subject}.pdf"


class Resolution(TimeStampedModel):
    """What a meeting decided about one development issue."""

    Subject = ResolutionSubject
    Decision = ResolutionDecision

    meeting = models.ForeignKey(Meeting, verbose_name=_("meeting"), on_delete=models.PROTECT,
                                related_name="resolutions")
    issue = models.ForeignKey(DevelopmentIssue, verbose_name=_("development issue"), on_delete=models.PROTECT,
                              related_name="resolutions")
    subject = models.CharField(_("subject"), max_length=32, choices=ResolutionSubject.choices)
    decision = models.CharField(_("decision"), max_length=16, choices=ResolutionDecision.choices)
    notes = models.TextField(_("notes"), blank=True, default="")
    minutes = models.FileField(_("minutes (PDF)"), upload_to=minutes_path, blank=True, default="",
                               validators=[validate_pdf])
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True,
                                    blank=True, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    objects = ProvinceScopedManager.on("issue__province")

    class Meta:
        ordering = ["-meeting__date", "issue__number", "subject"]
        verbose_name = _("resolution")
        verbose_name_plural = _("resolutions")
        constraints = [
            choices_constraint("subject", ResolutionSubject.choices, "resolution_subject_valid"),
            choices_constraint("decision", ResolutionDecision.choices, "resolution_decision_valid"),
            models.UniqueConstraint(fields=["meeting", "issue", "subject"], name="resolution_unique_per_meeting"),
        ]

    def __str__(self) -> str:
        return f"{self.meeting} · {self.issue} · {self.get_subject_display()}"

    def get_minutes_url(self) -> str:
        return reverse("catalog:resolution-minutes", kwargs={"pk": self.pk}) if self.minutes else ""

    @property
    def approves_for_tier(self) -> bool:
        """Only the Provincial Statistics Committee's approval counts for the indicator."""
        return (self.decision == ResolutionDecision.APPROVED
                and self.meeting.body == Meeting.Body.PROVINCIAL_COMMITTEE)
