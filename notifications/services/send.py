"""Telling people: a notification row each, an e-mail each (unless turned off), and optionally a LINE message.

Mail goes through Django's e-mail (SMTP settings from the environment: `EMAIL_*`). LINE (Messaging API push
to one group) is used only when `LINE_CHANNEL_TOKEN` and `LINE_GROUP_ID` are set.
"""
import json
import logging
import smtplib
import urllib.request

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _, override

from notifications.models import Notification

logger = logging.getLogger(__name__)
LINE_PUSH_URL = "https://api.line.me/v2/bot/message/push"


def notify(*, recipients, kind: str, title: str, body: str = "", url: str = "", line: bool = False) -> list:
    """A notification for each recipient; once committed, the job engine mails those with an address who did
    not turn e-mail off (and posts to LINE when `line` and LINE is configured)."""
    from notifications import tasks  # the tasks module imports the services

    recipients = [user for user in recipients if user is not None and user.is_active]
    made = Notification.objects.bulk_create([Notification(recipient=user, kind=kind, title=title[:255], body=body,
                                                          url=url) for user in recipients])
    pks = [note.pk for note in made]
    line_text = f"{title}\n{body}".strip() if line else ""
    transaction.on_commit(lambda: tasks.deliver.delay(pks, line_text))
    return made


def notify_deliver(*, pks: list[int], line_text: str = "") -> int:
    """Mail the notifications `pks` not mailed yet (e-mail on, an address); a mail server that fails is logged
    and the notifications stay in the portal. Returns how many were mailed."""
    notes = list(Notification.objects.filter(pk__in=pks, emailed=False).select_related(
        "recipient__email_preference"))
    notes = [note for note in notes if note.recipient.email and _wants_email(note.recipient)]
    sent = 0
    if notes:
        messages = [EmailMessage(subject=note.title, body=f"{note.body}\n\n{_link(note.url)}".strip(),
                                 to=[note.recipient.email]) for note in notes]
        try:
            sent = get_connection(fail_silently=False).send_messages(messages) or 0
        except (OSError, smtplib.SMTPException):
            logger.warning("notification e-mail not sent", exc_info=True)
        else:
            Notification.objects.filter(pk__in=[note.pk for note in notes]).update(emailed=True)
    if line_text and settings.LINE_CHANNEL_TOKEN and settings.LINE_GROUP_ID:
        _line_push(line_text)
    return sent


def _link(url: str) -> str:
    return settings.PORTAL_BASE_URL.rstrip("/") + url if url else ""


def _wants_email(user) -> bool:
    preference = getattr(user, "email_preference", None)
    return preference is None or preference.email_enabled


def _line_push(text: str) -> None:
    request = urllib.request.Request(settings.LINE_API_URL or LINE_PUSH_URL, method="POST", data=json.dumps({
        "to": settings.LINE_GROUP_ID, "messages": [{"type": "text", "text": text[:5000]}]}).encode(),
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {settings.LINE_CHANNEL_TOKEN}"})
    try:
        with urllib.request.urlopen(request, timeout=10):
            pass
    except OSError:
        logger.warning("LINE message not sent", exc_info=True)


def _agency_staff(agency_id):
    from accounts.models import User

    return list(User.objects.filter(agency_id=agency_id, role=User.Role.AGENCY_STAFF, is_active=True)
                .select_related("email_preference"))


def notify_record_returned(*, record) -> None:
    """The agency's staff: their record came back, with each commented item."""
    from templates_app.gdschema import get_schema

    schema = get_schema(record.item.data_type)
    with override("th"):
        items = "\n".join(f"- {_item_label(schema, name)}: {text}" for name, text in record.review_comments.items())
        notify(recipients=_agency_staff(record.item.agency_id), kind=Notification.Kind.RECORD_RETURNED,
               title=_("Record %(name)s was returned for changes") % {"name": record.dataset_name},
               body=items, url=record.get_absolute_url())


def _item_label(schema, name: str) -> str:
    """"8 ชื่อชุดข้อมูล (title)" for a schema field; a general comment as "general"."""
    entry = schema.get(name)
    return f"{entry.number} {entry.label} ({name})" if entry is not None else name


def notify_record_approved(*, record) -> None:
    with override("th"):
        notify(recipients=_agency_staff(record.item.agency_id), kind=Notification.Kind.RECORD_APPROVED,
               title=_("Record %(name)s was approved") % {"name": record.dataset_name}, url=record.get_absolute_url())


def notify_mark_read(*, user, pks=None) -> int:
    notes = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if pks is not None:
        notes = notes.filter(pk__in=pks)
    return notes.update(read_at=timezone.now())
