"""Reference data a province loads once: itself, its districts and the agencies that own data."""
from django.db import models
from django.utils.translation import get_language, gettext_lazy as _
from simple_history.models import HistoricalRecords

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
    code = models.CharField(_("province code"), max_length=2, unique=True)
    name_th = models.CharField(_("name (Thai)"), max_length=100, validators=[validate_not_blank])
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True, default="")

    class Meta:
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def __str__(self) -> str:
        return self.name_th


class District(LocalizedNameMixin, TimeStampedModel):
    province = models.ForeignKey(Province, on_delete=models.CASCADE, related_name="districts")
    code = models.CharField(_("DOPA district code"), max_length=4, unique=True)
    name_th = models.CharField(_("name (Thai)"), max_length=100, validators=[validate_not_blank])
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True, default="")

    class Meta:
        ordering = ["code"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")

    def __str__(self) -> str:
        return self.name_th


class Agency(LocalizedNameMixin, TimeStampedModel):
    code = models.CharField(_("code"), max_length=40, unique=True, validators=[validate_code])
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

    class Meta:
        ordering = ["level", "code"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        constraints = [choices_constraint("level", Level.choices, "agency_level_valid")]

    def __str__(self) -> str:
        return f"{self.name_th} ({self.code})"


class AgencyDomain(TimeStampedModel):
    """A website host the agency publishes on; Template 3 URLs must live on one of these."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="domains")
    domain = models.CharField(_("domain"), max_length=253, validators=[validate_hostname])
    history = HistoricalRecords()

    class Meta:
        ordering = ["domain"]
        verbose_name = _("registered website domain")
        verbose_name_plural = _("registered website domains")
        constraints = [models.UniqueConstraint(fields=["agency", "domain"], name="agency_domain_unique")]

    def __str__(self) -> str:
        return self.domain
