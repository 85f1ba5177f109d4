"""The public read model: what the province publishes, as GD Catalog (CKAN) and DCAT clients see it.

One `PublishedDataset` per Template 2 record that has ever been published, built only from the
record's **approved** values (`MetadataRecord.approved_values`), never from a draft. It is kept by
`opendata.services.published_refresh`, which every public read calls first (a constant two queries
when nothing changed). `id` is a UUID derived from the record, so it never changes;
`metadata_modified` moves exactly when the published package dict changes (`digest`). A data set
that stops being published keeps its row with `state = deleted` and no content, as CKAN keeps
deleted packages.
"""
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.tenancy import ProvinceScopedManager
from templates_app.models import MetadataRecord


class PublishedState(models.TextChoices):
    ACTIVE = "active", _("published")
    DELETED = "deleted", _("withdrawn")


class PublishedDataset(models.Model):
    State = PublishedState

    id = models.UUIDField(primary_key=True, editable=False)
    record = models.OneToOneField(MetadataRecord, verbose_name=_("Template 2 record"), on_delete=models.CASCADE,
                                  related_name="published")
    name = models.CharField(_("dataset code"), max_length=70, db_index=True)
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.ACTIVE)
    package = models.JSONField(_("package dict"), default=dict, blank=True)
    digest = models.CharField(_("digest of the published version"), max_length=64)
    title = models.CharField(_("title"), max_length=500, blank=True, default="")
    # Segmented, lower-cased words separated by single spaces (with a space at each end), for search.
    search_title = models.TextField(blank=True, default="")
    search_keywords = models.TextField(blank=True, default="")
    search_notes = models.TextField(blank=True, default="")
    # PostgreSQL: the three texts weighted A/B/C (`simple` configuration), kept by the refresh; GIN-indexed.
    search_vector = SearchVectorField(null=True, blank=True)
    approved_at = models.DateTimeField(_("last approved"), null=True, blank=True)
    metadata_created = models.DateTimeField(_("first published"))
    metadata_modified = models.DateTimeField(_("published version changed"), db_index=True)

    objects = ProvinceScopedManager.on("record__item__issue__province")

    class Meta:
        verbose_name = _("published data set")
        verbose_name_plural = _("published data sets")
        indexes = [models.Index(fields=["state", "metadata_modified"]), models.Index(fields=["state", "title"]),
                   # harvesters page `sort=id asc` and `package_list` / the sitemap go by name
                   models.Index(fields=["state", "id"]), models.Index(fields=["state", "name"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.state})"

    @property
    def is_active(self) -> bool:
        return self.state == PublishedState.ACTIVE


class PublishedFacet(models.Model):
    """One facet value of an active published data set (tags, organization, res_format, …), for filters and counts."""

    dataset = models.ForeignKey(PublishedDataset, on_delete=models.CASCADE, related_name="facet_values")
    field = models.CharField(max_length=40)
    value = models.CharField(max_length=500)

    objects = ProvinceScopedManager.on("dataset__record__item__issue__province")

    class Meta:
        indexes = [models.Index(fields=["field", "value"]), models.Index(fields=["dataset", "field"])]

    def __str__(self) -> str:
        return f"{self.field}:{self.value}"


class RefreshMark(models.Model):
    """A single row: when `published_refresh` last brought the read model up to date."""

    refreshed_at = models.DateTimeField(null=True, blank=True)
    # What the last refresh found changed within the margin (a digest): the same again means nothing new.
    seen = models.CharField(max_length=64, blank=True, default="")

    def __str__(self) -> str:
        return f"refreshed at {self.refreshed_at}"
