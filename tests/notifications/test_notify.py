"""People are told: in the portal, and by e-mail through a real local SMTP server."""
import datetime as dt
import json
import re
from http.server import BaseHTTPRequestHandler

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from catalog.models import DataType
from notifications.models import Deadline, Notification
from notifications.services import notify_daily_digests
from notifications.services.preferences import email_preference_set
from templates_app.models import MetadataRecord, Resource
from templates_app.services import metadata_approve, metadata_return
from tests.factories import ItemFactory, UserFactory
from tests.http_servers import serving
from tests.templates_app.factories import public_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(agency_user):
    agency_user.email = "staff-a@agency.example"
    agency_user.save()
    return agency_user


@pytest.fixture
def record(staff):
    return public_record(ItemFactory(agency=staff.agency, data_type=DataType.STATISTICAL), staff)


def test_a_returned_record_is_told_with_its_comments(record, staff, office_user, smtp,
                                                     django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        metadata_return(record=record, comments={"title": "ชื่อไม่ตรง", "general": "แก้ด้วย"},
                        version=record.version, by=office_user)
    [note] = Notification.objects.filter(recipient=staff)
    assert note.kind == Notification.Kind.RECORD_RETURNED and "ชื่อไม่ตรง" in note.body and note.emailed
    [mail] = smtp.messages
    assert mail["to"] == ["staff-a@agency.example"] and record.dataset_name in mail["subject"]
    assert re.search(r"^- \d+ .+ \(title\): ชื่อไม่ตรง\r?$", mail["body"], re.M) and "- general: แก้ด้วย" in mail["body"]
    assert record.get_absolute_url() in mail["body"]


def test_approval_is_told_and_email_can_be_turned_off(record, staff, office_user, smtp,
                                                      django_capture_on_commit_callbacks):
    email_preference_set(user=staff, enabled=False)
    with django_capture_on_commit_callbacks(execute=True):
        metadata_approve(record=record, version=record.version, by=office_user)
    [note] = Notification.objects.filter(recipient=staff)
    assert note.kind == Notification.Kind.RECORD_APPROVED and not note.emailed
    assert smtp.messages == []


def test_daily_digests(record, staff, office_user, smtp, django_capture_on_commit_callbacks):
    office_user.email = "office@nso.example"
    office_user.save()
    now = timezone.now()
    for i in range(2):
        Resource.objects.create(record=record, url=f"https://x.example/{i}", url_status="broken",
                                first_failure_at=now - dt.timedelta(hours=3))
    Resource.objects.create(record=record, url="https://x.example/old", url_status="broken",
                            first_failure_at=now - dt.timedelta(days=3))  # told about before
    MetadataRecord.objects.filter(pk=record.pk).update(submitted_at=now - dt.timedelta(hours=1))
    Deadline.objects.create(fiscal_year=2570, due_on=timezone.localdate(now) + dt.timedelta(days=3),
                            text="ส่งแบบ 2 ให้ครบ", remind_days=7)
    with django_capture_on_commit_callbacks(execute=True):
        assert notify_daily_digests(now=now) == {"links": 1, "submissions": 1, "deadline": 1}
    kinds = sorted((m["to"][0], m["subject"]) for m in smtp.messages)
    assert len(kinds) == 3  # one mail per agency for its links, one to the office, one reminder
    links = next(m for m in smtp.messages if "x.example/0" in m["body"])
    assert "x.example/1" in links["body"] and "x.example/old" not in links["body"]
    assert any(m["to"] == ["office@nso.example"] for m in smtp.messages)
    with django_capture_on_commit_callbacks(execute=True):
        assert notify_daily_digests(now=now)["deadline"] == 0  # reminded once


class _LineAPI(BaseHTTPRequestHandler):
    received: list

    def do_POST(self):  # noqa: N802
        self.received.append((self.headers["Authorization"], json.loads(self.rfile.read(
            int(self.headers["Content-Length"])))))
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


def test_line_group_message_only_when_configured(record, staff, settings, django_capture_on_commit_callbacks):
    handler = type("Line", (_LineAPI,), {"received": []})
    with serving(handler) as url:
        settings.LINE_API_URL = f"{url}/v2/bot/message/push"
        MetadataRecord.objects.filter(pk=record.pk).update(submitted_at=timezone.now())
        UserFactory(username="office2", role=User.Role.STATISTICS_OFFICE)
        with django_capture_on_commit_callbacks(execute=True):
            notify_daily_digests()
        assert handler.received == []  # off by default
        settings.LINE_CHANNEL_TOKEN, settings.LINE_GROUP_ID = "tok", "C123"
        with django_capture_on_commit_callbacks(execute=True):
            notify_daily_digests()
        [(auth, payload)] = handler.received
        assert auth == "Bearer tok" and payload["to"] == "C123" and "1" in payload["messages"][0]["text"]


def test_list_unread_badge_and_mark_read(client, staff, django_assert_max_num_queries):
    Notification.objects.create(recipient=staff, kind="deadline", title="T1")
    Notification.objects.create(recipient=staff, kind="deadline", title="T2")
    client.force_login(staff)
    with django_assert_max_num_queries(10):
        page = client.get(reverse("notifications:list")).content.decode()
    assert 'id="unread-count">2<' in page and "T1" in page
    client.post(reverse("notifications:mark-read"))
    assert 'id="unread-count"' not in client.get(reverse("notifications:list")).content.decode()
    assert client.post(reverse("notifications:email-choice"), {}).status_code == 400  # not the form: no change
    client.post(reverse("notifications:email-choice"), {"choice": "email"})
    assert staff.email_preference.email_enabled is False


def test_the_office_sets_the_deadline(client, office_user, staff, django_assert_max_num_queries):
    client.force_login(staff)
    assert client.get(reverse("notifications:deadlines")).status_code == 403
    client.force_login(office_user)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("notifications:deadlines")).status_code == 200
    fields = {"fiscal_year": 2570, "due_on": "2027-03-31", "text": "ส่งแบบ 2", "remind_days": 7}
    assert client.post(reverse("notifications:deadlines"), fields).status_code == 302
    Deadline.objects.update(reminded_on=dt.date(2027, 3, 25))
    assert client.post(reverse("notifications:deadlines"), {**fields, "due_on": "2027-04-30"}).status_code == 302
    deadline = Deadline.objects.get()
    assert (deadline.due_on, deadline.reminded_on) == (dt.date(2027, 4, 30), None)
    assert client.post(reverse("notifications:deadlines"), {**fields, "due_on": ""}).status_code == 400
