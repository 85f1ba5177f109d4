"""Reference data a province loads once: itself, its districts and the agencies that own data."""
from django.conf import settings
from django.db import models
from django.utils.text import slugify
from django.utils.translation import get_language, gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.tenancy import ProvinceScopedManager, current_province

from catalog.validators import validate_code, validate_hostname, validate_not_blank

from .base import TimeStampedModel, choices_constraint


class Level(models.TextChoices):
    """Which branch of government owns a data item, as the memo counts them."""

    CENTRAL = "central", _("Central government")
    REGIONAL = "regional", _("Regional government")


def localized(thai: str, english: str) -> str:
    """The English text when the UI is English and one exists; Thai otherwise."""
    if english and (get_language() or "").startswith("en"):
        return english
    return thai


class LocalizedNameMixin:
    """`name` in the active language, falling back to Thai."""

    @property
    def name(self) -> str:
        return localized(self.name_th, self.name_en)


class Province(LocalizedNameMixin, TimeStampedModel):
    """A province: its own catalog, served at `<slug>.<PORTAL_DOMAIN>` (core/middleware.py)."""

    code = models.CharField(_("province code"), max_length=2, unique=True)
    slug = models.SlugField(_("host name"), max_length=63, unique=True, blank=True,
                            help_text=_("The first part of the province's address: pattani → pattani.<domain>."))
    name_th = models.CharField(_("name (Thai)"), max_length=100, validators=[validate_not_blank])
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True, default="")
    is_demo = models.BooleanField(_("demo data"), default=False,
                                  help_text=_("A synthetic province added by the demo, not a real one."))

    objects = ProvinceScopedManager.on("pk")
    all_objects = models.Manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def __str__(self) -> str:
        return self.name_th

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name_en) or f"p{self.code}"
        super().save(*args, **kwargs)

    @classmethod
    def default(cls):
        """The province of a host that names none (127.0.0.1, localhost): PORTAL_DEFAULT_PROVINCE, else the
        first one loaded; None before any is loaded."""
        first = models.Case(models.When(slug=settings.PORTAL_DEFAULT_PROVINCE, then=0), default=1)
        return cls.all_objects.order_by(first, "pk").first()


def in_province(instance) -> None:
    """A new row that names no province belongs to the one being worked in (else the default one)."""
    if instance.province_id is None:
        instance.province = current_province() or Province.default()


class InProvinceMixin:
    """For a model with a `province` field: a new row that names none gets it from `in_province`."""

    def clean_fields(self, exclude=None):
        in_province(self)
        super().clean_fields(exclude=exclude)

    def save(self, *args, **kwargs):
        in_province(self)
        super().save(*args, **kwargs)


class District(LocalizedNameMixin, TimeStampedModel):
    province = models.ForeignKey(Province, on_delete=models.CASCADE, related_name="districts")
    code = models.CharField(_("DOPA district code"), max_length=4, unique=True)
    name_th = models.CharField(_("name (Thai)"), max_length=100, validators=[validate_not_blank])
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True, default="")

    objects = ProvinceScopedManager.on("province")

    class Meta:
        ordering = ["code"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")

    def __str__(self) -> str:
        return self.name_th


class Agency(InProvinceMixin, LocalizedNameMixin, TimeStampedModel):
    province = models.ForeignKey(Province, verbose_name=_("province"), on_delete=models.PROTECT,
                                 related_name="agencies")
    code = models.CharField(_("code"), max_length=40, validators=[validate_code])
    name_th = models.CharField(_("name (Thai)"), max_length=255, validators=[validate_not_blank])
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True, default="")
    level = models.CharField(_("level"), max_length=16, choices=Level.choices)
    parent_department_th = models.CharField(_("parent department"), max_length=255, blank=True, default="")
    parent_ministry_th = models.CharField(_("parent ministry"), max_length=255, blank=True, default="")
    website = models.CharField(
        _("website"), max_length=255, blank=True, default="", help_text=_("As given in the agency list.")
    )
    contact_name = models.CharField(_("contact person"), max_length=255, blank=True, default="")
    contact_email = models.EmailField(_("contact e-mail"), blank=True, default="")
    contact_phone = models.CharField(_("contact telephone"), max_length=64, blank=True, default="")
    notes = models.TextField(_("notes"), blank=True, default="")
    history = HistoricalRecords()

    objects = ProvinceScopedManager.on("province")

    class Meta:
        ordering = ["level", "code"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        constraints = [
            choices_constraint("level", Level.choices, "agency_level_valid"),
            models.UniqueConstraint(fields=["province", "code"], name="agency_code_unique_per_province",
                                    violation_error_message=_("An agency with this code already exists.")),
        ]

    def __str__(self) -> str:
        return f"{self.name_th} ({self.code})"


class AgencyDomain(TimeStampedModel):
    """A website host the agency publishes on; Template 3 URLs must live on one of these."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="domains")
    domain = models.CharField(_("domain"), max_length=253, validators=[validate_hostname])
    history = HistoricalRecords()

    objects = ProvinceScopedManager.on("agency__province")

    class Meta:
        ordering = ["domain"]
        verbose_name = _("registered website domain")
        verbose_name_plural = _("registered website domains")
        constraints = [models.UniqueConstraint(fields=["agency", "domain"], name="agency_domain_unique")]

    def __str__(self) -> str:
        return self.domain
