"""Development issues (ประเด็นการพัฒนา), their dimensions, and the meetings that decide changes."""
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from catalog.validators import validate_not_blank
from core.tenancy import ProvinceScopedManager

from .base import TimeStampedModel, choices_constraint
from .reference import InProvinceMixin, LocalizedNameMixin, Province, localized


class DevelopmentIssue(TimeStampedModel):
    """One of the province's development issues for a fiscal year (B.E.)."""

    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="issues")
    fiscal_year = models.PositiveSmallIntegerField(
        _("fiscal year (B.E.)"), help_text=_("Named by the B.E. year in which it ends: FY 2566 = Oct 2565 – Sep 2566.")
    )
    number = models.PositiveSmallIntegerField(_("issue number"))
    title_th = models.CharField(_("title (Thai)"), max_length=500, validators=[validate_not_blank])
    title_en = models.CharField(_("title (English)"), max_length=500, blank=True, default="")
    strategy_th = models.TextField(_("provincial strategy"), blank=True, default="")
    dimension_label_th = models.CharField(
        _("what the dimensions are called (Thai)"), max_length=100, default="มิติ"
    )
    dimension_label_en = models.CharField(
        _("what the dimensions are called (English)"), max_length=100, default="Dimension"
    )
    listed_on = models.DateField(
        _("date the first Template 1 list was agreed"), help_text=_("Original items count from this date.")
    )
    history = HistoricalRecords()

    objects = ProvinceScopedManager.on("province")

    class Meta:
        ordering = ["-fiscal_year", "number"]
        verbose_name = _("development issue")
        verbose_name_plural = _("development issues")
        constraints = [
            models.UniqueConstraint(fields=["province", "fiscal_year", "number"],
                                    name="issue_number_unique_per_province_year")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title_th}"

    @property
    def title(self) -> str:
        return localized(self.title_th, self.title_en)

    @property
    def dimension_label(self) -> str:
        return localized(self.dimension_label_th, self.dimension_label_en)

    def get_absolute_url(self) -> str:
        return reverse("catalog:issue-detail", kwargs={"number": self.number})


class Dimension(LocalizedNameMixin, TimeStampedModel):
    """A grouping of an issue's items: a TPMAP dimension, or a value-chain stage."""

    issue = models.ForeignKey(DevelopmentIssue, on_delete=models.CASCADE, related_name="dimensions")
    code = models.CharField(_("code"), max_length=40)
    name_th = models.CharField(_("name (Thai)"), max_length=255, validators=[validate_not_blank])
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True, default="")
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = ProvinceScopedManager.on("issue__province")

    class Meta:
        ordering = ["issue", "order", "code"]
        verbose_name = _("dimension")
        verbose_name_plural = _("dimensions")
        constraints = [models.UniqueConstraint(fields=["issue", "code"], name="dimension_code_unique_per_issue")]

    def __str__(self) -> str:
        return self.name_th


class MeetingBody(models.TextChoices):
    WORKING_GROUP = "working_group", _("Working group")
    PROVINCIAL_COMMITTEE = "provincial_committee", _("Provincial Statistics Committee")


class Meeting(InProvinceMixin, TimeStampedModel):
    """A meeting of the working group or the Provincial Statistics Committee."""

    Body = MeetingBody
    province = models.ForeignKey(Province, verbose_name=_("province"), on_delete=models.PROTECT,
                                 related_name="meetings")
    body = models.CharField(_("body"), max_length=32, choices=Body.choices)
    number = models.CharField(_("meeting number"), max_length=40, blank=True, default="")
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=255, blank=True, default="")
    title = models.CharField(_("title"), max_length=500, validators=[validate_not_blank])
    history = HistoricalRecords()

    objects = ProvinceScopedManager.on("province")

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [choices_constraint("body", MeetingBody.choices, "meeting_body_valid")]

    def __str__(self) -> str:
        return self.title
