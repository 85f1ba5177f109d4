"""GD Catalog registration of each data set, and daily snapshots of the completeness numbers."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from catalog.models import DevelopmentIssue
from catalog.models.base import TimeStampedModel, choices_constraint
from templates_app.models import MetadataRecord
from core.tenancy import ProvinceScopedManager


class GdcState(models.TextChoices):
    """The GD Catalog states as the harvester reports them (GD Catalog standard §10.1)."""

    WAIT = "WAIT", _("Ready to register")
    WAIT_VALIDATE = "WAIT_VALIDATE", _("Waiting for validation")
    VALIDATE = "VALIDATE", _("Being validated")
    WAIT_VALIDATE_MODIFIED = "WAIT_VALIDATE_MODIFIED", _("Changes waiting for validation")
    VALIDATE_MODIFIED = "VALIDATE_MODIFIED", _("Changes being validated")
    APPROVAL = "APPROVAL", _("Waiting for approval")
    COMPLETED = "COMPLETED", _("Registered")
    REJECT = "REJECT", _("Did not pass the criteria")
    WAIT_REVOKE = "WAIT_REVOKE", _("Waiting for revocation")
    VALIDATE_REVOKE = "VALIDATE_REVOKE", _("Revocation being validated")
    REVOKE = "REVOKE", _("Being revoked")
    DELETED = "DELETED", _("Revoked")


class GdcRegistration(TimeStampedModel):
    """Where a data set (its Template 2 record, by its GD Catalog slug) stands in the GD Catalog.

    Only COMPLETED counts as registered for the indicator's 100-point tier.
    """

    State = GdcState

    record = models.OneToOneField(MetadataRecord, verbose_name=_("data set"), on_delete=models.CASCADE,
                                  related_name="gdc_registration")
    url = models.URLField(_("GD Catalog URL"), max_length=500, blank=True, default="")
    registered_on = models.DateField(_("registration date"), null=True, blank=True)
    state = models.CharField(_("GD Catalog state"), max_length=32, choices=GdcState.choices, default=GdcState.WAIT)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("last changed by"), null=True,
                                   blank=True, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    objects = ProvinceScopedManager.on("record__item__issue__province")

    class Meta:
        verbose_name = _("GD Catalog registration")
        verbose_name_plural = _("GD Catalog registrations")
        constraints = [
            choices_constraint("state", GdcState.choices, "gdc_state_valid"),
            models.CheckConstraint(
                condition=~models.Q(state="COMPLETED") | (models.Q(registered_on__isnull=False) & ~models.Q(url="")),
                name="gdc_completed_has_url_and_date",
                violation_error_message=_("A registered data set needs its GD Catalog URL and registration date."),
            ),
        ]
        indexes = [models.Index(fields=["state"])]

    def __str__(self) -> str:
        return f"{self.record.dataset_name}: {self.state}"

    @property
    def is_registered(self) -> bool:
        return self.state == GdcState.COMPLETED


class ProgressSnapshot(models.Model):
    """One day's completeness numbers and criteria of one development issue (one row per issue and day)."""

    issue = models.ForeignKey(DevelopmentIssue, verbose_name=_("development issue"), on_delete=models.CASCADE,
                              related_name="progress_snapshots")
    taken_on = models.DateField(_("day"))
    tier = models.PositiveSmallIntegerField(_("tier met"))
    numbers = models.JSONField(_("numbers"), default=dict,
                               help_text=_("{metric: count} and {criterion: met} as the dashboard showed them."))
    created_at = models.DateTimeField(_("taken at"), auto_now=True)

    objects = ProvinceScopedManager.on("issue__province")

    class Meta:
        ordering = ["issue", "taken_on"]
        verbose_name = _("progress snapshot")
        verbose_name_plural = _("progress snapshots")
        constraints = [models.UniqueConstraint(fields=["issue", "taken_on"], name="snapshot_one_per_issue_and_day")]

    def __str__(self) -> str:
        return f"{self.issue_id} {self.taken_on}"
