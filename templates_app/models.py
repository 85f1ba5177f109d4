"""Template 2 (คำอธิบายข้อมูล): the DGA metadata of one Template 1 item, with its review workflow.

The metadata fields themselves are not columns: they are declared once, as data, in
`templates_app.gdschema`, and stored in `values` keyed by the schema's field names (lists for
multi-selects, ISO dates). `approved_values` keeps the last approved version, which stays
the published one while a new draft is being edited and reviewed.
"""
from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _, pgettext_lazy
from simple_history.models import HistoricalRecords

from catalog.models import Item
from catalog.models.base import TimeStampedModel, choices_constraint

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
    dataset_name = models.CharField(
        _("dataset code (GD Catalog name)"), max_length=70, unique=True, validators=[validate_dataset_name],
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
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("last changed by"),
                                   on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Template 2 metadata record")
        verbose_name_plural = _("Template 2 metadata records")
        constraints = [choices_constraint("status", MetadataStatus.choices, "metadata_status_valid")]
        indexes = [models.Index(fields=["status"])]

    def __str__(self) -> str:
        return f"{self.dataset_name} ({self.status})"

    def get_absolute_url(self) -> str:
        return reverse("templates_app:metadata-edit", kwargs={"pk": self.item_id})

    @property
    def is_editable(self) -> bool:
        return self.status != self.Status.SUBMITTED
