from notifications.models import EmailPreference


def email_preference_set(*, user, enabled: bool) -> EmailPreference:
    preference, _created = EmailPreference.objects.update_or_create(user=user, defaults={"email_enabled": enabled})
    return preference
