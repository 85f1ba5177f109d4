"""A link-check run: every URL to check once, grouped by host so that each host is asked politely.

The link states themselves live on `templates_app.Resource`; a run only records which URLs it has
checked (`LinkCheckURL.state`), so it can be resumed after a crash without checking a URL twice.
A worker holds a host by a lease (`LinkCheckHost.lease_token`, `lease_until`): one worker at a time
per host, and a host whose worker died is taken over when the lease runs out.
"""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LinkCheckRun(models.Model):
    class State(models.TextChoices):
        RUNNING = "running", _("Running")
        DONE = "done", _("Finished")

    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.RUNNING)
    agency_code = models.CharField(_("agency"), max_length=40, blank=True, default="")
    stale_hours = models.FloatField(_("only links not checked for (hours)"), null=True, blank=True)
    total = models.PositiveIntegerField(_("URLs"), default=0)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("started by"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("started at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("link-check run")
        verbose_name_plural = _("link-check runs")

    def __str__(self) -> str:
        return f"link check #{self.pk} ({self.state})"


class LinkCheckHost(models.Model):
    run = models.ForeignKey(LinkCheckRun, on_delete=models.CASCADE, related_name="hosts")
    host = models.CharField(_("host"), max_length=255)
    finished = models.BooleanField(_("finished"), default=False)
    lease_token = models.CharField(max_length=32, blank=True, default="")
    lease_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["run", "host"], name="linkcheck_host_once_per_run")]
        indexes = [models.Index(fields=["run", "finished", "lease_until"])]

    def __str__(self) -> str:
        return self.host


class LinkCheckURL(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("Waiting")
        CLAIMED = "claimed", _("Being checked")
        DONE = "done", _("Checked")

    run = models.ForeignKey(LinkCheckRun, on_delete=models.CASCADE, related_name="urls")
    host = models.ForeignKey(LinkCheckHost, on_delete=models.CASCADE, related_name="urls")
    url = models.CharField(_("URL"), max_length=2000)
    state = models.CharField(_("state"), max_length=8, choices=State.choices, default=State.PENDING)
    token = models.CharField(max_length=32, blank=True, default="")
    status = models.CharField(_("result"), max_length=16, blank=True, default="")
    checks = models.PositiveSmallIntegerField(_("times checked in this run"), default=0)
    resource_ids = models.JSONField(_("resources with this URL"), default=list, blank=True)

    class Meta:
        indexes = [models.Index(fields=["host", "state"]), models.Index(fields=["run", "state"])]

    def __str__(self) -> str:
        return self.url
