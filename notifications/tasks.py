"""Notification tasks: thin, each calls one service."""
from celery import shared_task

from notifications.services import notify_daily_digests, notify_deliver


@shared_task(name="notifications.send_daily_digests")
def send_daily_digests() -> dict:
    return notify_daily_digests()


@shared_task(name="notifications.deliver")
def deliver(pks: list[int], line_text: str = "") -> int:
    return notify_deliver(pks=pks, line_text=line_text)
