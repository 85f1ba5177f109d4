"""The GD Catalog registration page: a filter, one bulk control for many rows (not a form per row),
no state preselected (a returned record is never "ready to register" by default), one data set's own form."""
import re

import pytest

from progress.models import GdcRegistration
from progress.services import gdc_register_many
from templates_app.models import MetadataRecord

pytestmark = pytest.mark.django_db


@pytest.fixture
def office(client, demo):
    client.force_login(demo["nso-pattani"])
    return demo["nso-pattani"]


def test_the_list_has_two_forms_whatever_its_length_and_a_constant_query_count(client, office,
                                                                               django_assert_max_num_queries):
    with django_assert_max_num_queries(14):
        response = client.get("/progress/gdc/")
    page = response.content.decode()
    rows = len(response.context["records"])
    assert rows > 60
    assert page.count('name="record"') == rows
    assert len(re.findall(r"<form\b", page)) <= 3  # filter, bulk change, sign-out: not one per row
    assert "<select" not in page.split('id="gdc"', 1)[1]  # no state picker inside the table
    assert 'value="WAIT" selected' not in page  # nothing preselected: the bulk control starts empty
    assert '<option value="">— เลือกสถานะ —</option>' in page


def test_a_returned_record_is_never_preselected_as_ready(client, office):
    record = MetadataRecord.objects.filter(status="returned", gdc_registration__isnull=True).first()
    page = client.get(f"/progress/gdc/{record.pk}/").content.decode()
    assert 'value="WAIT" selected' not in page and 'value="" selected' in page
    assert "ยังไม่พร้อมลงทะเบียน" in page  # says why


def test_filter_by_agency_state_and_category(client, office):
    records = client.get("/progress/gdc/?agency=ptn-agri&state=none&public=on").context["records"]
    assert records and all(r.item.agency.code == "PTN-AGRI" and r.is_public_category for r in records)
    assert all(not hasattr(r, "gdc_registration") or r.gdc_registration is None for r in records)
    registered = client.get("/progress/gdc/?state=COMPLETED").context["records"]
    assert registered and {r.gdc_registration.state for r in registered} == {"COMPLETED"}


def test_bulk_change_of_the_ticked_rows(client, office, django_assert_max_num_queries):
    picked = list(MetadataRecord.objects.filter(item__issue__number=1).order_by("pk")[:3])
    with django_assert_max_num_queries(20):
        response = client.post("/progress/gdc/bulk/?issue=1", {
            "state": "WAIT_VALIDATE", "registered_on": "", "scope": "selected", "record": [r.pk for r in picked]})
    assert response.status_code == 302 and response["Location"] == "/progress/gdc/?issue=1"
    states = dict(GdcRegistration.objects.filter(record__in=picked).values_list("record_id", "state"))
    assert len(picked) == 3 and set(states.values()) == {"WAIT_VALIDATE"} and len(states) == 3
    assert GdcRegistration.objects.exclude(record__in=picked).filter(state="WAIT_VALIDATE").count() == 0


def test_bulk_change_of_everything_the_filter_shows(client, office):
    response = client.post("/progress/gdc/bulk/?agency=PTN-AGRI&issue=1", {
        "state": "REJECT", "registered_on": "", "scope": "filtered"}, follow=True)
    filtered = MetadataRecord.objects.filter(item__agency__code="PTN-AGRI", item__issue__number=1)
    assert filtered.exists()
    assert set(GdcRegistration.objects.filter(record__in=filtered).values_list("state", flat=True)) == {"REJECT"}
    assert not GdcRegistration.objects.exclude(record__in=filtered).filter(state="REJECT").exists()
    assert [m.level_tag for m in response.context["messages"]] == ["success"]


@pytest.mark.parametrize("state, message", [
    ("COMPLETED", "ต้องมี URL ใน GD Catalog"),  # no URL for these yet: nothing is written
    ("WAIT", "ยังไม่ได้รับอนุมัติ"),            # a returned record is not ready to register
])
def test_bulk_change_refuses_all_or_nothing(client, office, state, message):
    returned = MetadataRecord.objects.filter(status="returned", gdc_registration__isnull=True).first()
    before = list(GdcRegistration.objects.values_list("pk", "state"))
    response = client.post("/progress/gdc/bulk/", {"state": state, "registered_on": "01/07/2566",
                                                   "scope": "selected", "record": [returned.pk]}, follow=True)
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert message in str(list(response.context["messages"])[0]) and returned.dataset_name in response.content.decode()
    assert list(GdcRegistration.objects.values_list("pk", "state")) == before


def test_bulk_change_needs_a_choice_and_a_selection(client, office):
    before = list(GdcRegistration.objects.values_list("pk", "state", "updated_at"))
    response = client.post("/progress/gdc/bulk/", {"state": "", "scope": "selected"}, follow=True)
    assert len(response.context["messages"]) == 2  # no state, nothing ticked
    assert list(GdcRegistration.objects.values_list("pk", "state", "updated_at")) == before


def test_the_service_keeps_each_url_and_writes_history(office):
    registered = list(MetadataRecord.objects.filter(gdc_registration__state="COMPLETED"))
    assert registered
    urls = {r.pk: r.gdc_registration.url for r in registered}
    assert gdc_register_many(records=registered, state="COMPLETED", by=office) == len(registered)
    for registration in GdcRegistration.objects.filter(record__in=registered):
        assert registration.url == urls[registration.record_id] and registration.updated_by == office
        assert registration.history.count() >= 2


def test_a_csv_row_marking_an_unapproved_data_set_ready_is_reported_by_row(office):
    from progress.services import CsvImportError, gdc_import_csv

    returned = MetadataRecord.objects.filter(status="returned", approved_values__isnull=True).first()
    with pytest.raises(CsvImportError) as caught:
        gdc_import_csv(data=f"slug,url,date,state\n{returned.dataset_name},,,WAIT\n", by=office)
    [error] = caught.value.row_errors
    assert (error.row, error.column) == (2, "state") and returned.dataset_name in error.message
    assert not GdcRegistration.objects.filter(record=returned).exists()
