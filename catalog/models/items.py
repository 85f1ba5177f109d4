"""Template 1 (บัญชีรายการข้อมูล): the data items of a development issue, and their revisions.

The current state lives on `Item` so that lists are cheap to read. Every change also writes
one `ItemRevision` holding the full state after the change, so the list can be rebuilt as
of any date (before and after any meeting) from the revisions alone.
"""
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from catalog.validators import validate_code, validate_not_blank

from .base import TimeStampedModel, choices_constraint
from .issues import DevelopmentIssue, Dimension, Meeting
from .reference import Agency, localized
from core.tenancy import ProvinceScopedManager


class DataType(models.TextChoices):
    """The five GD Catalog data types; stored values are the standard's Thai strings verbatim."""

    RECORD = "ข้อมูลระเบียน", _("Record data")
    STATISTICAL = "ข้อมูลสถิติ", _("Statistical data")
    GIS = "ข้อมูลภูมิสารสนเทศเชิงพื้นที่", _("Geospatial data")
    MULTIPLE = "ข้อมูลหลากหลายประเภท", _("Multiple types of data")
    OTHER = "ข้อมูลประเภทอื่นๆ", _("Other data")

    @property
    def key(self) -> str:
        """Short ASCII key used in sheet names, URLs and CSV files."""
        return _DATA_TYPE_KEYS[self]

    @classmethod
    def from_key(cls, key: str) -> "DataType":
        for member, member_key in _DATA_TYPE_KEYS.items():
            if key in (member_key, member.value) or (key == "statistical" and member is cls.STATISTICAL):
                return member
        raise ValueError(key)


_DATA_TYPE_KEYS = {
    DataType.RECORD: "record",
    DataType.STATISTICAL: "stat",
    DataType.GIS: "gis",
    DataType.MULTIPLE: "multi",
    DataType.OTHER: "other",
}


class ItemStatus(models.TextChoices):
    CURRENT = "current", _("Current")
    REMOVED = "removed", _("Removed")


class ItemState(models.Model):
    """The fields of an item that Template 1 tracks over time (shared by Item and its revisions)."""

    name_th = models.CharField(_("name (Thai)"), max_length=500, validators=[validate_not_blank])
    name_en = models.CharField(_("name (English)"), max_length=500, blank=True, default="")
    agency = models.ForeignKey(Agency, verbose_name=_("owning agency"), on_delete=models.PROTECT, related_name="+")
    dimension = models.ForeignKey(Dimension, verbose_name=_("dimension"), on_delete=models.PROTECT, related_name="+")
    data_type = models.CharField(_("data type"), max_length=64, choices=DataType.choices)
    unit = models.CharField(_("unit"), max_length=100, blank=True, default="")
    status = models.CharField(_("status"), max_length=16, choices=ItemStatus.choices, default=ItemStatus.CURRENT)

    TRACKED_FIELDS = ("name_th", "name_en", "agency", "dimension", "data_type", "unit", "status")

    class Meta:
        abstract = True

    @property
    def name(self) -> str:
        return localized(self.name_th, self.name_en)

    def state(self) -> dict:
        """The tracked fields as a dict of plain values (foreign keys as ids)."""
        return {field: getattr(self, f"{field}_id" if field in ("agency", "dimension") else field)
                for field in self.TRACKED_FIELDS}


class Item(ItemState, TimeStampedModel):
    issue = models.ForeignKey(DevelopmentIssue, on_delete=models.PROTECT, related_name="items")
    code = models.CharField(_("item code"), max_length=40, validators=[validate_code])
    agency = models.ForeignKey(Agency, verbose_name=_("owning agency"), on_delete=models.PROTECT, related_name="items")
    dimension = models.ForeignKey(
        Dimension, verbose_name=_("dimension"), on_delete=models.PROTECT, related_name="items"
    )
    history = HistoricalRecords()

    objects = ProvinceScopedManager.on("issue__province")

    class Meta:
        ordering = ["issue", "code"]
        verbose_name = _("Template 1 item")
        verbose_name_plural = _("Template 1 items")
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "code"],
                name="item_code_unique_per_issue",
                violation_error_message=_("An item with this code already exists in this issue."),
            ),
            choices_constraint("data_type", DataType.choices, "item_data_type_valid"),
            choices_constraint("status", ItemStatus.choices, "item_status_valid"),
        ]
        indexes = [models.Index(fields=["agency", "status"]), models.Index(fields=["issue", "status"]),
                   models.Index(fields=["issue", "updated_at"])]  # `issue_page_version` reads only this index

    def __str__(self) -> str:
        return f"{self.code} {self.name_th}"

    def get_absolute_url(self) -> str:
        return reverse("catalog:item-detail", kwargs={"pk": self.pk})

    @property
    def is_current(self) -> bool:
        return self.status == ItemStatus.CURRENT

    @property
    def data_type_key(self) -> str:
        return DataType(self.data_type).key


class RevisionKind(models.TextChoices):
    CREATED = "created", _("Added")
    RENAMED = "renamed", _("Renamed")
    MOVED = "moved", _("Moved to another dimension")
    REASSIGNED = "reassigned", _("Handed to another agency")
    EDITED = "edited", _("Edited")
    REMOVED = "removed", _("Removed")
    RESTORED = "restored", _("Restored")


class ItemRevision(ItemState):
    """One decided change to a Template 1 item, with the item's full state after it."""

    Kind = RevisionKind

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="revisions")
    kind = models.CharField(_("kind of change"), max_length=16, choices=Kind.choices)
    changes = models.JSONField(_("changed fields"), default=dict, blank=True,
                               help_text=_("{field: [old, new]} for every field the change touched."))
    reason = models.TextField(_("reason"), validators=[validate_not_blank])
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("decided at meeting"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="item_revisions",
    )
    decided_on = models.DateField(_("decided on"), help_text=_("The meeting's date, or the day of the change."))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("changed by"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    objects = ProvinceScopedManager.on("item__issue__province")

    class Meta:
        ordering = ["item", "decided_on", "id"]
        verbose_name = _("Template 1 revision")
        verbose_name_plural = _("Template 1 revisions")
        constraints = [
            choices_constraint("kind", RevisionKind.choices, "revision_kind_valid"),
            models.CheckConstraint(condition=~models.Q(reason=""), name="revision_reason_required"),
        ]
        indexes = [models.Index(fields=["item", "decided_on", "id"])]

    def __str__(self) -> str:
        return f"{self.item_id} {self.kind} {self.decided_on}"
