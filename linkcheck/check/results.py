"""What a check produces: the status, the reason code, the result record and the stored state."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from django.db import models
from django.utils.translation import gettext, gettext_lazy as _


class Status(models.TextChoices):
    """A link's state as shown to users; usable as a model field's `choices` later."""

    UNCHECKED = "unchecked", _("Not yet checked")
    OK = "ok", _("Working")
    BROKEN = "broken", _("Broken link")
    UNSURE = "unsure", _("Uncertain (try again later)")
    TLS_ERROR = "tls_error", _("Invalid security certificate")
    OFFLINE = "offline", _("Not checked: the checker could not reach the internet")


# Reason codes (stable, for code and logs) and the sentence shown to users for each.
REASONS = {
    "ok": _("The link works."),
    "http_error": _("The server answered with an error (HTTP %(http_status)s)."),
    "http_busy": _("The server is busy or limiting requests (HTTP %(http_status)s); it will be checked again."),
    "http_unexpected": _("The server gave an unexpected answer (HTTP %(http_status)s)."),
    "dns_failure": _("The website’s name does not exist (DNS)."),
    "dns_temporary": _("The website’s name could not be looked up just now (DNS)."),
    "connection_refused": _("The server refused the connection."),
    "connection_failed": _("The server could not be reached."),
    "connection_reset": _("The connection was cut before the server answered."),
    "timeout": _("The server did not answer in time."),
    "tls_certificate": _("The website’s security certificate could not be verified."),
    "tls_handshake": _("A secure (HTTPS) connection to the website could not be made."),
    "redirect_loop": _("The link redirects in a loop and never reaches a page."),
    "too_many_redirects": _("The link redirects more than %(max_redirects)s times."),
    "redirect_invalid": _("The link redirects to an invalid address."),
    "blocked_address": _("The link points to a private or internal network address, which the checker may not visit."),
    "bad_response": _("The server’s answer was not valid HTTP."),
    "invalid_url": _("This is not a valid http or https web address."),
    "empty_response": _("The server answered but sent no data."),
    "offline": _("The link checker could not reach the internet (no route out, no DNS or a closed network), so this "
                 "link was not checked. It is not counted as broken."),
}


@dataclass(frozen=True)
class CheckResult:
    """One check of one URL."""

    url: str
    status: Status
    reason: str  # a key of REASONS
    checked_at: datetime
    http_status: int | None = None
    final_url: str = ""
    content_type: str = ""
    redirects: tuple[str, ...] = ()  # every hop after `url`, in order
    elapsed: float = 0.0  # seconds
    detail: str = ""  # technical detail (English, untranslated) for logs and admins
    retry_after: float | None = None  # a busy server's Retry-After, in seconds (the scheduler waits that long)

    @property
    def message(self) -> str:
        """The reason as a sentence in the active language."""
        return gettext(str(REASONS[self.reason])) % {
            "http_status": self.http_status,
            "max_redirects": len(self.redirects),
        }

    @property
    def is_failure(self) -> bool:
        """The link failed its check (`offline` is no verdict on the link: not a failure)."""
        return self.status not in (Status.OK, Status.OFFLINE)


@dataclass(frozen=True)
class CheckState:
    """What a model stores between checks (see `next_state`)."""

    status: Status = Status.UNCHECKED
    reason: str = ""
    failure_count: int = 0  # consecutive checks that were not OK
    first_failure_at: datetime | None = None  # start of the current run of failures
    last_checked_at: datetime | None = None
    last_ok_at: datetime | None = None
    http_status: int | None = None
    final_url: str = ""
    content_type: str = ""


def next_state(previous: CheckState | None, result: CheckResult) -> CheckState:
    """The state after `result`: an OK check clears the failure run; any other outcome extends it.

    `unsure` counts as a failed attempt (so a site that times out for weeks shows a long run) but
    keeps its own status, so a passing fault is never shown as broken. `offline` (the checker could not
    reach the internet) says nothing about the link: only the status and the time of the attempt change.
    """
    previous = previous or CheckState()
    if result.status == Status.OFFLINE:
        return replace(previous, status=result.status, reason=result.reason, last_checked_at=result.checked_at)
    common = dict(
        status=result.status,
        reason=result.reason,
        last_checked_at=result.checked_at,
        http_status=result.http_status,
        final_url=result.final_url,
        content_type=result.content_type,
    )
    if result.status == Status.OK:
        return replace(previous, failure_count=0, first_failure_at=None, last_ok_at=result.checked_at, **common)
    return replace(
        previous,
        failure_count=previous.failure_count + 1,
        first_failure_at=previous.first_failure_at or result.checked_at,
        **common,
    )
