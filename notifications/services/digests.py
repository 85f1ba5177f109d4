"""The daily digests (the schedule, 07:00): per agency, links that turned broken since yesterday; for the
office, records submitted since yesterday; for agency staff, the fiscal year's deadline when it is near."""
from datetime import timedelta

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _, override

from notifications.models import Deadline, Notification
from notifications.services.send import _agency_staff, notify


def notify_daily_digests(*, now=None) -> dict:
    now = now or timezone.now()
    since = now - timedelta(days=1)
    with override("th"):
        return {"links": _broken_links(since), "submissions": _submissions(since), "deadline": _deadline(now)}


def _broken_links(since) -> int:
    from templates_app.models import Resource

    broken = Resource.objects.filter(url_status=Resource.UrlStatus.BROKEN, first_failure_at__gte=since)
    by_agency = {}
    for agency_id, dataset, url in broken.values_list("record__item__agency_id", "record__dataset_name", "url"):
        by_agency.setdefault(agency_id, []).append(f"- {dataset}: {url}")
    for agency_id, lines in by_agency.items():
        notify(recipients=_agency_staff(agency_id), kind=Notification.Kind.LINKS_BROKEN,
               title=_("%(n)s link(s) of your agency turned broken") % {"n": len(lines)},
               body="\n".join(lines), url=reverse("templates_app:link-problems"), line=True)
    return len(by_agency)


def _submissions(since) -> int:
    from accounts.models import User
    from templates_app.models import MetadataRecord

    submitted = MetadataRecord.objects.filter(status=MetadataRecord.Status.SUBMITTED, submitted_at__gte=since)
    counts = list(submitted.values_list("item__agency__code").annotate(n=Count("pk")).order_by("item__agency__code"))
    if counts:
        office = User.objects.filter(role=User.Role.STATISTICS_OFFICE, is_active=True).select_related(
            "email_preference")
        notify(recipients=list(office), kind=Notification.Kind.SUBMISSIONS,
               title=_("%(n)s record(s) submitted for review") % {"n": sum(n for _code, n in counts)},
               body="\n".join(f"- {code}: {n}" for code, n in counts), line=True)
    return sum(n for _code, n in counts)


def _deadline(now) -> int:
    from accounts.models import User

    today = timezone.localdate(now)
    due = Deadline.objects.filter(due_on__gte=today, reminded_on__isnull=True)
    reminded = 0
    for deadline in due:
        if (deadline.due_on - today).days > deadline.remind_days:
            continue
        staff = User.objects.filter(role=User.Role.AGENCY_STAFF, is_active=True).select_related("email_preference")
        notify(recipients=list(staff), kind=Notification.Kind.DEADLINE,
               title=_("Deadline %(date)s: %(text)s") % {"date": deadline.due_on.isoformat(), "text": deadline.text},
               body=deadline.text, line=True)
        Deadline.objects.filter(pk=deadline.pk).update(reminded_on=today)
        reminded += 1
    return reminded
