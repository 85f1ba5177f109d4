"""The audit log: sign-ins (success and failure), role and agency changes, exports and imports."""
import io

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction

from accounts.audit import audit_record
from accounts.models import AuditEvent, User
from accounts.services import user_upsert
from tests.factories import AgencyFactory, UserFactory

Kind = AuditEvent.Kind


def events(kind):
    return list(AuditEvent.objects.filter(kind=kind).order_by("pk"))


def test_a_sign_in_is_recorded_with_who_and_where(client, db):
    user = UserFactory(username="alice", role=User.Role.STATISTICS_OFFICE)
    client.post("/accounts/login/", {"username": "alice", "password": "pw-for-tests-2566"}, REMOTE_ADDR="10.1.2.3")
    [event] = events(Kind.SIGN_IN)
    assert event.actor == user and event.at is not None
    assert event.details == {"username": "alice", "ip": "10.1.2.3"}


def test_a_failed_sign_in_is_recorded_without_the_password(client, db):
    UserFactory(username="alice")
    client.post("/accounts/login/", {"username": "alice", "password": "secret-guess-1"}, REMOTE_ADDR="10.1.2.3")
    client.post("/accounts/login/", {"username": "nobody", "password": "secret-guess-2"}, REMOTE_ADDR="10.1.2.3")
    failed = events(Kind.SIGN_IN_FAILED)
    assert [e.details["username"] for e in failed] == ["alice", "nobody"]
    assert all(e.actor is None and e.details["ip"] == "10.1.2.3" for e in failed)
    assert "secret-guess" not in str([(e.summary, e.details) for e in AuditEvent.objects.all()])


def test_role_and_agency_changes_through_the_admin(client, admin_user):
    agency_a, agency_b = AgencyFactory(code="AG-A"), AgencyFactory(code="AG-B")
    user = UserFactory(username="somchai", role=User.Role.AGENCY_STAFF, agency=agency_a)
    client.force_login(admin_user)
    form = {"username": "somchai", "role": "agency_staff", "agency": agency_b.pk, "is_active": "on",
            "date_joined_0": "2023-01-01", "date_joined_1": "00:00:00",
            "historicaluser_set-TOTAL_FORMS": "0", "historicaluser_set-INITIAL_FORMS": "0"}
    response = client.post(f"/admin/accounts/user/{user.pk}/change/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    [event] = events(Kind.ROLE_CHANGE)
    assert event.actor == admin_user
    assert event.details["changes"] == {"agency": ["AG-A", "AG-B"]}
    assert "somchai" in event.summary
    # saving again without a change writes nothing
    client.post(f"/admin/accounts/user/{user.pk}/change/", form)
    assert len(events(Kind.ROLE_CHANGE)) == 1
    form.update(role="statistics_office", agency="")
    client.post(f"/admin/accounts/user/{user.pk}/change/", form)
    assert events(Kind.ROLE_CHANGE)[-1].details["changes"] == {"role": ["agency_staff", "statistics_office"],
                                                               "agency": ["AG-B", None]}


def test_role_changes_through_the_user_service(db):
    office = UserFactory(username="office", role=User.Role.STATISTICS_OFFICE)
    user_upsert(username="new", password="x-pw-2566-long", role=User.Role.VIEWER, by=office)
    user_upsert(username="new", password="x-pw-2566-long", role=User.Role.VIEWER)  # unchanged: nothing
    user_upsert(username="new", password="x-pw-2566-long", role=User.Role.ADMIN, by=office)
    created, promoted = events(Kind.ROLE_CHANGE)
    assert created.details["created"] and created.actor == office
    assert promoted.details["changes"]["role"] == ["viewer", "admin"]
    assert promoted.details["changes"]["is_superuser"] == [False, True]


def test_exports_are_recorded(client, pattani_users):
    client.get("/issues/1/template1.xlsx")
    [public] = events(Kind.EXPORT)
    assert public.actor is None and public.details["issue"] == 1
    office = pattani_users["nso-pattani"]
    client.force_login(office)
    assert client.get(f"/exchange/gdcatalog.xlsx?issue={issue_pk()}").status_code == 200
    assert client.get("/progress/follow-up/PTN-AGRI/follow-up.xlsx").status_code == 200
    gdc, followup = events(Kind.EXPORT)[1:]
    assert gdc.actor == office and "gdcatalog" in gdc.summary
    assert followup.actor == office and followup.details == {"agency": "PTN-AGRI"}
    client.force_login(pattani_users["ptn-agri"])
    assert client.get("/exchange/workbook.xlsx").status_code == 200
    assert events(Kind.EXPORT)[-1].details == {"agency": "PTN-AGRI"}


def test_commands_record_exports_and_imports(pattani_users, tmp_path):
    out = tmp_path / "gdc.xlsx"
    call_command("export_gdcatalog", "--output", str(out), stdout=io.StringIO())
    [export] = events(Kind.EXPORT)
    assert export.actor is None and "export_gdcatalog" in export.summary
    agency_book = tmp_path / "agri.xlsx"
    from catalog.models import Agency
    from templates_app.spreadsheets.gdc_export import agency_workbook

    with agency_book.open("wb") as stream:
        agency_workbook(stream=stream, agency=Agency.objects.get(code="PTN-AGRI"))
    call_command("import_workbook", str(agency_book), "--agency", "PTN-AGRI", stdout=io.StringIO())
    [imported] = events(Kind.IMPORT)
    assert imported.actor == pattani_users["ptn-agri"] and imported.details["agency"] == "PTN-AGRI"
    call_command("import_workbook", str(agency_book), "--agency", "PTN-AGRI", "--dry-run", stdout=io.StringIO())
    assert len(events(Kind.IMPORT)) == 1  # a dry run writes nothing, so records nothing


def test_the_kind_is_constrained(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        AuditEvent.objects.create(kind="anything", summary="x")


def test_audit_record_takes_anonymous_and_odd_details(db):
    from django.contrib.auth.models import AnonymousUser

    event = audit_record(kind="export", actor=AnonymousUser(), summary="x", details={"agency": AgencyFactory()})
    assert event.actor is None and isinstance(event.details["agency"], str)


def test_the_admin_listing_is_read_only(client, admin_user):
    event = audit_record(kind="export", actor=admin_user, summary="GD Catalog workbook <b>x</b>")
    client.force_login(admin_user)
    page = client.get("/admin/accounts/auditevent/")
    assert page.status_code == 200
    assert "GD Catalog workbook &lt;b&gt;x&lt;/b&gt;" in page.content.decode()
    assert client.get("/admin/accounts/auditevent/add/").status_code == 403
    assert client.get(f"/admin/accounts/auditevent/{event.pk}/change/").status_code == 200  # view only
    assert client.post(f"/admin/accounts/auditevent/{event.pk}/change/", {"summary": "edited"}).status_code == 403
    assert client.post(f"/admin/accounts/auditevent/{event.pk}/delete/", {"post": "yes"}).status_code == 403
    assert AuditEvent.objects.get(pk=event.pk).summary == "GD Catalog workbook <b>x</b>"


def test_the_audit_log_is_for_admins_only(client, office_user):
    client.force_login(office_user)
    assert client.get("/admin/accounts/auditevent/").status_code == 302


def issue_pk(number=1):
    from catalog.models import DevelopmentIssue

    return DevelopmentIssue.objects.get(number=number).pk


def test_a_sign_out_is_recorded(client, db):
    user = UserFactory(username="alice", role=User.Role.STATISTICS_OFFICE)
    client.force_login(user)
    client.post("/accounts/logout/", REMOTE_ADDR="10.1.2.3")
    [event] = events(Kind.SIGN_OUT)
    assert event.actor == user and event.details == {"username": "alice", "ip": "10.1.2.3"}
    client.post("/accounts/logout/")  # already signed out: nothing more to record
    assert len(events(Kind.SIGN_OUT)) == 1


def test_a_data_table_upload_is_recorded_and_a_refused_one_is_not(client, pattani_users):
    from catalog.models import Item
    from tests.visualizations.test_views import OWNER, _upload, csv_bytes

    item = Item.objects.get(issue__number=1, code="I1-005")
    client.force_login(pattani_users[OWNER])
    url = f"/viz/data/items/{item.pk}/upload/"
    assert client.post(url, {"file": _upload(csv_bytes([["2566", "9499", "x"]]))}).status_code == 400
    assert not events(Kind.IMPORT)
    assert client.post(url, {"file": _upload(csv_bytes([["2566", "9401", "12"]]), name="durian.csv")}).status_code == 302
    [event] = events(Kind.IMPORT)
    assert event.actor == pattani_users[OWNER]
    assert event.details == {"item": "I1-005", "issue": 1, "version": 1, "rows": 1, "file": "durian.csv"}
