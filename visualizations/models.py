"""Data tables that agencies attach to Template 1 items, and the statistics office's findings.

A data table is the sequence of versions uploaded for one item; each upload is a new
`TableVersion` holding all its rows, and earlier versions are kept. Charts read the latest.
"""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from catalog.models import DevelopmentIssue, Item, TimeStampedModel
from catalog.models.base import choices_constraint
from core.tenancy import ProvinceScopedManager


class PeriodKind(models.TextChoices):
    YEAR = "year", _("Year (B.E.)")
    FISCAL_YEAR = "fiscal_year", _("Fiscal year")
    QUARTER = "quarter", _("Quarter")
    MONTH = "month", _("Month")


class AreaLevel(models.TextChoices):
    PROVINCE = "province", _("Province")
    DISTRICT = "district", _("District")
    SUBDISTRICT = "subdistrict", _("Subdistrict")


class TableVersion(models.Model):
    """One accepted upload of an item's data table: all of its rows, validated together."""

    item = models.ForeignKey(Item, verbose_name=_("Template 1 item"), on_delete=models.PROTECT,
                             related_name="table_versions")
    number = models.PositiveIntegerField(_("version"))
    period_kind = models.CharField(_("kind of period"), max_length=16, choices=PeriodKind.choices)
    row_count = models.PositiveIntegerField(_("rows"))
    source_name = models.CharField(_("file name"), max_length=255, blank=True, default="")
    note = models.CharField(_("note"), max_length=500, blank=True, default="")
    checksum = models.CharField(_("checksum of the rows"), max_length=64)
    is_synthetic = models.BooleanField(
        _("synthetic demo data"), default=False,
        help_text=_("Generated for the demo; every chart built on it says so."))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"),
                                    on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    objects = ProvinceScopedManager.on("item__issue__province")

    class Meta:
        ordering = ["item", "-number"]
        verbose_name = _("data table version")
        verbose_name_plural = _("data table versions")
        constraints = [
            models.UniqueConstraint(fields=["item", "number"], name="table_version_number_unique"),
            choices_constraint("period_kind", PeriodKind.choices, "table_version_period_kind_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.item_id} v{self.number}"


class TableRow(models.Model):
    """One validated row: a value for a period and an area, optionally disaggregated."""

    version = models.ForeignKey(TableVersion, on_delete=models.CASCADE, related_name="rows")
    line = models.PositiveIntegerField(_("row in the file"))
    period = models.CharField(_("period"), max_length=16, help_text=_("2566, FY2566, 2566-Q1 or 2566-03 (B.E.)."))
    period_sort = models.PositiveIntegerField(_("period order"))
    area_level = models.CharField(_("area level"), max_length=16, choices=AreaLevel.choices)
    area_code = models.CharField(_("area code"), max_length=120)
    area_name = models.CharField(_("area name"), max_length=255, blank=True, default="")
    value = models.DecimalField(_("value"), max_digits=20, decimal_places=4)
    breakdown = models.JSONField(_("disaggregation"), default=dict, blank=True)

    class Meta:
        ordering = ["version", "line"]
        verbose_name = _("data table row")
        verbose_name_plural = _("data table rows")
        constraints = [choices_constraint("area_level", AreaLevel.choices, "table_row_area_level_valid")]

    def __str__(self) -> str:
        return f"{self.period} {self.area_code} {self.value}"


class IssueFindings(TimeStampedModel):
    """The key findings the statistics office writes for an issue: the committee summary's text.

    Recording the committee's approval is left for later (e.g. a status, the meeting and the
    approved text as a revision).
    """

    issue = models.OneToOneField(DevelopmentIssue, on_delete=models.CASCADE, related_name="findings")
    text = models.TextField(_("key findings"), blank=True, default="",
                            help_text=_("Plain text. A blank line starts a paragraph, “- ” a bullet, **text** is bold."))
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("last edited by"),
                                   on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    objects = ProvinceScopedManager.on("issue__province")

    class Meta:
        verbose_name = _("key findings")
        verbose_name_plural = _("key findings")

    def __str__(self) -> str:
        return f"{self.issue_id}"
