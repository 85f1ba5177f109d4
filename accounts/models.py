"""Portal users: each belongs to one role; agency staff also to one agency."""
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.tenancy import ProvinceScopedManager

NATIONAL_ROLES = ("national_viewer", "national_admin")


class ProvinceUserManager(ProvinceScopedManager, UserManager):
    """The users of the current province, and those who belong to none (national roles, superusers): a user
    of another province cannot sign in here, and a session of theirs is no one here."""

    path = "province"
    shared = models.Q(province__isnull=True)
    use_in_migrations = True


class User(AbstractUser):
    class Role(models.TextChoices):
        VIEWER = "viewer", _("Signed-in viewer")
        AGENCY_STAFF = "agency_staff", _("Agency staff")
        STATISTICS_OFFICE = "statistics_office", _("Provincial statistics office")
        ADMIN = "admin", _("Administrator")
        NATIONAL_VIEWER = "national_viewer", _("National statistics office (reads every province)")
        NATIONAL_ADMIN = "national_admin", _("National administrator (manages every province)")

    role = models.CharField(_("role"), max_length=32, choices=Role.choices, default=Role.VIEWER)
    province = models.ForeignKey(
        "catalog.Province", verbose_name=_("province"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="users",
        help_text=_("The province whose portal this user works in; empty only for national roles."))
    agency = models.ForeignKey(
        "catalog.Agency",
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
        help_text=_("Required for agency staff: the agency whose data sets this user fills in."),
    )
    history = HistoricalRecords(excluded_fields=["last_login", "password"])

    objects = ProvinceUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role__in=["viewer", "agency_staff", "statistics_office", "admin", *NATIONAL_ROLES]),
                name="user_role_valid",
            ),
            models.CheckConstraint(
                condition=~models.Q(role="agency_staff") | models.Q(agency__isnull=False),
                name="user_agency_staff_has_agency",
                violation_error_message=_("Agency staff must belong to an agency."),
            ),
        ]

    def save(self, *args, **kwargs):
        """A user of a province role belongs to the agency's province, else to the one being worked in."""
        if self.agency_id is not None:
            self.province_id = self.agency.province_id
        elif self.province_id is None and self.role not in NATIONAL_ROLES and not self.is_superuser:
            from catalog.models.reference import in_province
            in_province(self)
        super().save(*args, **kwargs)

    @property
    def is_national(self) -> bool:
        """Reads every province (the national board); a national admin also manages them."""
        return self.role in NATIONAL_ROLES or (self.is_superuser and self.province_id is None)

    @property
    def is_portal_admin(self) -> bool:
        return self.is_superuser or self.role in (self.Role.ADMIN, self.Role.NATIONAL_ADMIN)

    @property
    def is_statistics_office(self) -> bool:
        return self.role == self.Role.STATISTICS_OFFICE

    @property
    def is_agency_staff(self) -> bool:
        return self.role == self.Role.AGENCY_STAFF

    @property
    def can_manage_catalog(self) -> bool:
        """May edit Template 1 and review Template 2/3: the statistics office and admins."""
        return self.is_statistics_office or self.is_portal_admin


class AuditKind(models.TextChoices):
    SIGN_IN = "sign_in", _("Signed in")
    SIGN_IN_FAILED = "sign_in_failed", _("Sign-in failed")
    SIGN_OUT = "sign_out", _("Signed out")
    ROLE_CHANGE = "role_change", _("Role or agency changed")
    EXPORT = "export", _("Export")
    IMPORT = "import", _("Import")


class AuditEvent(models.Model):
    """Who did what, when: sign-ins, changes of a user's role or agency, exports and imports.

    Written only through `accounts.audit.audit_record`; read-only in the admin.
    """

    Kind = AuditKind

    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    actor = models.ForeignKey(User, verbose_name=_("by"), on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="audit_events")
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    summary = models.CharField(_("summary"), max_length=500)
    details = models.JSONField(_("details"), default=dict, blank=True)
    province = models.ForeignKey("catalog.Province", verbose_name=_("province"), on_delete=models.PROTECT,
                                 null=True, blank=True, related_name="+",
                                 help_text=_("Where it happened; empty for commands run across provinces."))

    objects = ProvinceScopedManager.on("province")

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit log")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["kind", "-at"], name="auditevent_kind_at")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=AuditKind.values),
                name="auditevent_kind_valid",
            ),
        ]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_kind_display()}: {self.summary}"
