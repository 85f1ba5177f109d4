"""The audit log: one call per event, from views, commands and the sign-in signals.

    audit_record(kind=AuditEvent.Kind.EXPORT, actor=request.user, summary="GD Catalog workbook",
                 details={"issue": 1})

Every event is also written to the "portal.audit" logger, so it reaches the server's log even if
the database is later restored from a backup.
"""
import logging

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.core.serializers.json import DjangoJSONEncoder
from django.dispatch import receiver

from accounts.models import AuditEvent, User
from core.tenancy import current_province

log = logging.getLogger("portal.audit")
Kind = AuditEvent.Kind


def audit_record(*, kind: str, actor=None, summary: str, details: dict | None = None) -> AuditEvent:
    """Store one event. `actor` may be None or an anonymous user (e.g. a public download, a command)."""
    actor = actor if actor is not None and getattr(actor, "is_authenticated", False) else None
    event = AuditEvent.objects.create(kind=Kind(kind), actor=actor, summary=summary[:500],
                                      details=_jsonable(details or {}), province=current_province())
    log.info("%s by %s: %s%s", event.kind, actor.username if actor else "-", event.summary,
             f" ({details_text(event.details)})" if event.details else "")
    return event


def details_text(details: dict, prefix: str = "") -> str:
    """An event's details as one readable line for the server log: `ip=10.0.0.5, changes.role=viewer → office`."""
    parts = []
    for key, value in details.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            parts.append(details_text(value, prefix=f"{name}.") or f"{name}=-")
        elif isinstance(value, list) and len(value) == 2 and prefix.endswith("changes."):
            parts.append(f"{name}={_plain(value[0])} → {_plain(value[1])}")
        else:
            parts.append(f"{name}={_plain(value)}")
    return ", ".join(parts)


def _plain(value) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_plain(item) for item in value) + "]"
    return "-" if value is None or value == "" else str(value)


def _jsonable(value):
    """Details as JSON: model instances by their str, dates ISO, everything else as it is or its str."""
    if isinstance(value, dict):
        return {str(key): _jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_jsonable(item) for item in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    try:
        return DjangoJSONEncoder().default(value)
    except TypeError:
        return str(value)


def client_ip(request) -> str | None:
    """The address the request came from (behind the proxy, as django-axes sees it)."""
    if request is None:
        return None
    try:
        from axes.helpers import get_client_ip_address

        return get_client_ip_address(request)
    except Exception:  # noqa: BLE001 - an audit must never break a sign-in
        return request.META.get("REMOTE_ADDR")


def role_state(user: User | None) -> dict | None:
    """What a role change compares: role, agency and the admin flags."""
    if user is None:
        return None
    return {"role": user.role, "agency": user.agency.code if user.agency_id else None,
            "is_superuser": user.is_superuser, "is_staff": user.is_staff}


def audit_role_change(*, user: User, before: dict | None, actor=None) -> AuditEvent | None:
    """Record a new user's role, or a change of an existing user's role/agency/admin flags; None if unchanged."""
    after = role_state(user)
    if before == after:
        return None
    changed = {key: [before.get(key) if before else None, value] for key, value in after.items()
               if before is None or before.get(key) != value}
    if before is None:
        summary = f"{user.username}: created as {after['role']}" + (f" ({after['agency']})" if after["agency"] else "")
    else:
        summary = f"{user.username}: " + ", ".join(f"{key} {old} → {new}" for key, (old, new) in changed.items())
    return audit_record(kind=Kind.ROLE_CHANGE, actor=actor, summary=summary,
                        details={"user": user.username, "user_id": user.pk, "created": before is None,
                                 "changes": changed})


@receiver(user_logged_in, dispatch_uid="audit_sign_in")
def _signed_in(sender, request, user, **kwargs):
    audit_record(kind=Kind.SIGN_IN, actor=user, summary=f"{user.username} signed in",
                 details={"username": user.username, "ip": client_ip(request)})


@receiver(user_logged_out, dispatch_uid="audit_sign_out")
def _signed_out(sender, request, user, **kwargs):
    if user is not None:  # a sign-out without a session is no event
        audit_record(kind=Kind.SIGN_OUT, actor=user, summary=f"{user.username} signed out",
                     details={"username": user.username, "ip": client_ip(request)})


@receiver(user_login_failed, dispatch_uid="audit_sign_in_failed")
def _sign_in_failed(sender, credentials, request=None, **kwargs):
    username = str(credentials.get("username", ""))[:150]
    audit_record(kind=Kind.SIGN_IN_FAILED, actor=None, summary=f"sign-in failed for {username!r}",
                 details={"username": username, "ip": client_ip(request)})
