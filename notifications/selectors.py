from notifications.models import EmailPreference, Notification


def notifications_for(*, user, limit: int = 100) -> list[Notification]:
    return list(Notification.objects.filter(recipient=user)[:limit])


def unread_count(*, user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def wants_email(*, user) -> bool:
    return EmailPreference.objects.filter(user=user, email_enabled=False).first() is None
