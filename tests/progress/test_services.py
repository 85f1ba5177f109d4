"""GD Catalog registration (one by one and from a CSV), resolutions with their meeting, snapshots."""
import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from catalog.models import Meeting, Resolution
from progress.models import GdcRegistration, GdcState, ProgressSnapshot
from progress.services import (
    CsvImportError, gdc_import_csv, gdc_register, meeting_resolution_record, parse_any_date, snapshot_take,
)
from tests.factories import DimensionFactory, ItemFactory
from tests.progress.factories import office, record_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def records():
    dimension = DimensionFactory()
    return [record_for(ItemFactory(dimension=dimension)) for _ in range(3)]


@pytest.mark.parametrize(("text", "day"), [
    ("31/03/2566", dt.date(2023, 3, 31)), ("2566-03-31", dt.date(2023, 3, 31)),
    ("2023-03-31", dt.date(2023, 3, 31)), ("๓๑/๐๓/๒๕๖๖", dt.date(2023, 3, 31)),
])
def test_dates_in_be_or_iso(text, day):
    assert parse_any_date(text) == day


@pytest.mark.parametrize("text", ["31/03/2023", "2566-13-01", "yesterday", ""])
def test_bad_dates_are_refused(text):
    with pytest.raises(ValueError):
        parse_any_date(text)


def test_register_one_then_update_it(records):
    record = records[0]
    gdc_register(record=record, url="", registered_on=None, state=GdcState.WAIT, by=office())
    registration = gdc_register(record=record, url="https://gdcatalog.go.th/dataset/x", state=GdcState.COMPLETED,
                                registered_on=dt.date(2023, 6, 1), by=office())
    assert GdcRegistration.objects.get().pk == registration.pk and registration.is_registered
    assert registration.history.count() == 2 and registration.updated_by == office()


def test_completed_needs_url_and_date(records):
    with pytest.raises(ValidationError) as caught:
        gdc_register(record=records[0], url="", registered_on=None, state=GdcState.COMPLETED)
    assert caught.value.error_dict == {"__all__": caught.value.error_dict["__all__"]}
    assert not GdcRegistration.objects.exists()


def test_csv_import_registers_every_row(records):
    csv_text = "slug,url,date\n" + "\n".join(
        f"{r.dataset_name},https://gdcatalog.go.th/dataset/{r.dataset_name},{d}"
        for r, d in zip(records, ["31/03/2566", "2023-04-01", "2566-04-02"], strict=True))
    assert gdc_import_csv(data=("\ufeff" + csv_text).encode(), by=office()) == 3
    assert sorted(GdcRegistration.objects.values_list("registered_on", flat=True)) == [
        dt.date(2023, 3, 31), dt.date(2023, 4, 1), dt.date(2023, 4, 2)]
    assert set(GdcRegistration.objects.values_list("state", flat=True)) == {GdcState.COMPLETED}


def test_csv_import_lists_every_bad_row_and_writes_nothing(records):
    good = records[0].dataset_name
    csv_text = "\n".join([
        "slug,url,date,state",
        f"{good},https://gdcatalog.go.th/dataset/{good},31/03/2566,COMPLETED",
        "no-such-set,https://gdcatalog.go.th/dataset/x,31/03/2566,",
        f"{records[1].dataset_name},not a url,31/13/2566,",
        f"{records[2].dataset_name},,,DONE",
        f"{good},https://gdcatalog.go.th/dataset/{good},01/04/2566,",
    ])
    with pytest.raises(CsvImportError) as caught:
        gdc_import_csv(data=csv_text)
    found = {(e.row, e.column) for e in caught.value.row_errors}
    assert found == {(3, "slug"), (4, "date"), (5, "state"), (6, "slug")}
    assert not GdcRegistration.objects.exists()


def test_csv_import_checks_the_url_and_completed_rule(records):
    csv_text = f"slug,url,date\n{records[0].dataset_name},not a url,31/03/2566\n{records[1].dataset_name},,\n"
    with pytest.raises(CsvImportError) as caught:
        gdc_import_csv(data=csv_text)
    assert {(e.row, e.column) for e in caught.value.row_errors} >= {(2, "url")}
    assert any(e.row == 3 for e in caught.value.row_errors)
    assert not GdcRegistration.objects.exists()


def test_csv_import_needs_its_columns():
    with pytest.raises(CsvImportError) as caught:
        gdc_import_csv(data="name,link\nx,y\n")
    assert {(e.row, e.column) for e in caught.value.row_errors} == {(1, "slug"), (1, "url"), (1, "date")}


def test_meeting_resolution_record_creates_the_meeting_once():
    issue = DimensionFactory().issue
    kwargs = {"body": Meeting.Body.PROVINCIAL_COMMITTEE, "number": "2/2566", "date": dt.date(2023, 8, 1),
              "place": "ศาลากลาง", "title": "", "issue": issue, "decision": Resolution.Decision.APPROVED}
    first = meeting_resolution_record(subject=Resolution.Subject.REQUIREMENTS_DOCUMENT, **kwargs)
    second = meeting_resolution_record(subject=Resolution.Subject.VISUALIZATION_SUMMARY, **kwargs)
    assert first.meeting_id == second.meeting_id and Meeting.objects.count() == 1
    assert first.approves_for_tier and "2/2566" in first.meeting.title
    with pytest.raises(ValidationError) as caught:
        meeting_resolution_record(subject=Resolution.Subject.VISUALIZATION_SUMMARY,
                                  **(kwargs | {"decision": Resolution.Decision.RETURNED}))
    assert "notes" in caught.value.error_dict


def test_snapshot_is_one_per_issue_and_day(records):
    day = dt.date(2024, 1, 10)
    snapshot_take(day=day)
    record_for(ItemFactory(dimension=records[0].item.dimension))
    snapshot_take(day=day)
    snapshot = ProgressSnapshot.objects.get()
    assert snapshot.taken_on == day and snapshot.numbers["counts"]["items"] == 4
    assert snapshot.numbers["criteria"]["template2_complete"] is True
    snapshot_take(day=day + dt.timedelta(days=1))
    assert ProgressSnapshot.objects.count() == 2
