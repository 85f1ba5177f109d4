"""Template 2 (คำอธิบายข้อมูล): the DGA metadata of one Template 1 item, with its review workflow.

The metadata fields themselves are not columns: they are declared once, as data, in
`templates_app.gdschema`, and stored in `values` keyed by the schema's field names (lists for
multi-selects, ISO dates). `approved_values` keeps the last approved version, which stays
the published one while a new draft is being edited and reviewed.
"""
from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _, pgettext_lazy
from simple_history.models import HistoricalRecords

from catalog.models import Item
from catalog.models.base import TimeStampedModel, choices_constraint
from linkcheck.check import REASONS, CheckState, Status as UrlStatus
from core.tenancy import ProvinceOfField, ProvinceScopedManager

validate_dataset_name = RegexValidator(
    r"^[a-z0-9_-]{2,70}$",
    _("Use 2–70 lowercase letters a–z, digits, - or _."),
    code="invalid_dataset_name",
)


class MetadataStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("metadata status", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("metadata status", "Submitted")
    RETURNED = "returned", pgettext_lazy("metadata status", "Returned for changes")
    APPROVED = "approved", pgettext_lazy("metadata status", "Approved")


class MetadataRecord(TimeStampedModel):
    Status = MetadataStatus

    item = models.OneToOneField(Item, verbose_name=_("Template 1 item"), on_delete=models.PROTECT,
                                related_name="metadata")
    province = ProvinceOfField("catalog.Province", source="item", on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("province"))
    dataset_name = models.CharField(
        _("dataset code (GD Catalog name)"), max_length=70, validators=[validate_dataset_name],
        help_text=_("The GD Catalog URL name: 2–70 lowercase letters, digits, - or _."))
    values = models.JSONField(_("metadata values"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    version = models.PositiveIntegerField(
        _("version"), default=1, help_text=_("Goes up by one on every save; a form posts the version it was read at."))
    review_comments = models.JSONField(
        _("review comments"), default=dict, blank=True,
        help_text=_("{field name: comment} from the statistics office when it returns the record."))
    approved_values = models.JSONField(_("approved values"), null=True, blank=True,
                                       help_text=_("The last approved version, shown until a newer one is approved."))
    approved_dataset_name = models.CharField(
        _("approved dataset code"), max_length=70, blank=True, default="",
        help_text=_("The dataset code when the record was last approved: the one published while a draft changes it."))
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("last changed by"),
                                   on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    # Denormalised from `values` by the Template 2 services on every write, so dashboards can
    # count in the database (the schema's rules live in Python, not SQL).
    required_done = models.PositiveSmallIntegerField(
        _("required items done"), default=0, help_text=_("How many of the 14 required items are filled and valid."))
    is_complete = models.BooleanField(
        _("complete"), default=False, help_text=_("Every required item of the data type is filled and valid."))
    is_public_category = models.BooleanField(
        _("public category"), default=False,
        help_text=_("The data category (item 13) is ข้อมูลสาธารณะ: the data set needs Template 3 records."))
    history = HistoricalRecords()

    objects = ProvinceScopedManager.on("item__issue__province")

    class Meta:
        verbose_name = _("Template 2 metadata record")
        verbose_name_plural = _("Template 2 metadata records")
        constraints = [choices_constraint("status", MetadataStatus.choices, "metadata_status_valid"),
                       models.UniqueConstraint(fields=["province", "dataset_name"],
                                               name="metadata_dataset_name_unique_per_province")]
        indexes = [models.Index(fields=["status"]), models.Index(fields=["is_public_category"])]

    def __str__(self) -> str:
        return f"{self.dataset_name} ({self.status})"

    def get_absolute_url(self) -> str:
        return reverse("templates_app:metadata-edit", kwargs={"pk": self.item_id})

    @property
    def is_editable(self) -> bool:
        return self.status != self.Status.SUBMITTED


class Resource(TimeStampedModel):
    """Template 3 (ชุดข้อมูลในหมวดหมู่สาธารณะ): one GD Catalog resource of a public-category data set.

    The items are `values`, keyed by the standard's resource field names and declared once in
    `templates_app.gdschema.resources` (per-type column order of the `Temp3_Resource_*` sheets);
    column A, `dataset_name`, is the record's slug. `url` repeats `values["resource_url"]` as a
    real column for the link checker, whose last result is kept in the `url_*` columns
    (`linkcheck.check.next_state`). Writes go through `templates_app.services.resources`.
    """

    UrlStatus = UrlStatus

    record = models.ForeignKey(MetadataRecord, verbose_name=_("data set"), on_delete=models.CASCADE,
                               related_name="resources")
    position = models.PositiveIntegerField(_("position"), default=0)
    values = models.JSONField(_("resource values"), default=dict, blank=True)
    url = models.CharField(_("source URL"), max_length=2000, blank=True, default="")
    is_complete = models.BooleanField(_("complete"), default=False)
    # The link checker's state (not kept in history: it changes every night).
    url_status = models.CharField(_("link state"), max_length=16, choices=UrlStatus.choices,
                                  default=UrlStatus.UNCHECKED)
    url_reason = models.CharField(_("link state reason"), max_length=40, blank=True, default="")
    http_status = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    final_url = models.CharField(_("final URL"), max_length=2000, blank=True, default="")
    content_type = models.CharField(_("content type"), max_length=255, blank=True, default="")
    checked_at = models.DateTimeField(_("checked at"), null=True, blank=True)
    last_ok_at = models.DateTimeField(_("last worked at"), null=True, blank=True)
    failure_count = models.PositiveIntegerField(_("failed checks in a row"), default=0)
    first_failure_at = models.DateTimeField(_("failing since"), null=True, blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("last changed by"),
                                   on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    history = HistoricalRecords(excluded_fields=[
        "url_status", "url_reason", "http_status", "final_url", "content_type", "checked_at", "last_ok_at",
        "failure_count", "first_failure_at"])

    CHECK_FIELDS = ("url_status", "url_reason", "http_status", "final_url", "content_type", "checked_at",
                    "last_ok_at", "failure_count", "first_failure_at")

    objects = ProvinceScopedManager.on("record__item__issue__province")

    class Meta:
        ordering = ["record", "position", "pk"]
        verbose_name = _("Template 3 resource")
        verbose_name_plural = _("Template 3 resources")
        constraints = [choices_constraint("url_status", UrlStatus.choices, "resource_url_status_valid")]
        indexes = [
            models.Index(fields=["url_status"]), models.Index(fields=["checked_at"]),
            # The completeness dashboard asks "has this record an incomplete / a failing resource?":
            # small partial indexes answer it without reading every resource.
            models.Index(fields=["record"], condition=Q(is_complete=False), name="resource_incomplete_idx"),
            models.Index(fields=["record"], condition=~Q(url_status="ok"), name="resource_url_not_ok_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.values.get('resource_name', '')} ({self.url})"

    def get_absolute_url(self) -> str:
        return reverse("templates_app:resource-edit", kwargs={"pk": self.record.item_id, "resource_pk": self.pk})

    @property
    def name(self) -> str:
        return self.values.get("resource_name", "")

    @property
    def reason_text(self) -> str:
        """The last check's reason as a sentence in the active language ("" before the first check)."""
        if self.url_reason not in REASONS:
            return ""
        from django.utils.translation import gettext

        return gettext(str(REASONS[self.url_reason])) % {"http_status": self.http_status or "", "max_redirects": 5}

    @property
    def check_state(self) -> CheckState:
        return CheckState(
            status=UrlStatus(self.url_status), reason=self.url_reason, failure_count=self.failure_count,
            first_failure_at=self.first_failure_at, last_checked_at=self.checked_at, last_ok_at=self.last_ok_at,
            http_status=self.http_status, final_url=self.final_url, content_type=self.content_type)

    def apply_state(self, state: CheckState) -> None:
        """Copy a `CheckState` onto the columns (the caller saves, e.g. with bulk_update)."""
        self.url_status, self.url_reason = state.status, state.reason
        self.http_status, self.final_url = state.http_status, state.final_url[:2000]
        self.content_type, self.checked_at = state.content_type[:255], state.last_checked_at
        self.last_ok_at, self.failure_count = state.last_ok_at, state.failure_count
        self.first_failure_at = state.first_failure_at
