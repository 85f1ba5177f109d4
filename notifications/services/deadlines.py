from notifications.models import Deadline


def deadline_set(*, fiscal_year: int, due_on, text: str, remind_days: int) -> Deadline:
    """The fiscal year's deadline (replacing the one set before); a changed date is reminded again."""
    deadline, _created = Deadline.objects.update_or_create(fiscal_year=fiscal_year, defaults={
        "due_on": due_on, "text": text, "remind_days": remind_days, "reminded_on": None})
    return deadline
