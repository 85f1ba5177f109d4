"""What people are told: a notification in the portal (and by e-mail unless the person turned e-mail off)."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from core.tenancy import ProvinceScopedManager


class Notification(models.Model):
    class Kind(models.TextChoices):
        RECORD_RETURNED = "record_returned", _("Record returned for changes")
        RECORD_APPROVED = "record_approved", _("Record approved")
        LINKS_BROKEN = "links_broken", _("Links turned broken")
        DEADLINE = "deadline", _("Deadline reminder")
        SUBMISSIONS = "submissions", _("Records submitted")

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recipient"), on_delete=models.CASCADE,
                                  related_name="notifications")
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=255)
    body = models.TextField(_("text"), blank=True, default="")
    url = models.CharField(_("link"), max_length=500, blank=True, default="")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    emailed = models.BooleanField(_("sent by e-mail"), default=False)

    objects = ProvinceScopedManager.on("recipient__province")

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self) -> str:
        return self.title


class EmailPreference(models.Model):
    """A person's choice about e-mail (no row: e-mail on)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_preference")
    email_enabled = models.BooleanField(_("send me e-mail"), default=True)

    objects = ProvinceScopedManager.on("user__province")

    class Meta:
        verbose_name = _("e-mail preference")
        verbose_name_plural = _("e-mail preferences")

    def __str__(self) -> str:
        return f"{self.user}: {'on' if self.email_enabled else 'off'}"


class Deadline(models.Model):
    """A deadline the statistics office sets for a fiscal year; agency staff are reminded before it."""

    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year (B.E.)"), unique=True)
    due_on = models.DateField(_("due on"))
    text = models.CharField(_("what is due"), max_length=255)
    remind_days = models.PositiveSmallIntegerField(_("remind this many days before"), default=7)
    reminded_on = models.DateField(_("reminder sent on"), null=True, blank=True)

    class Meta:
        ordering = ["-fiscal_year"]
        verbose_name = _("deadline")
        verbose_name_plural = _("deadlines")

    def __str__(self) -> str:
        return f"{self.fiscal_year}: {self.due_on}"
