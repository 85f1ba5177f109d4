"""Template 1 editing through the web: roles, errors on the form, and one revision per save."""
import pytest

from catalog.models import Item, ItemRevision

PASSWORD = "pw-for-tests-2566"


@pytest.fixture
def item(pattani):
    return Item.objects.get(issue__number=1, code="I1-005")


def login(client, user):
    client.force_login(user)
    return client


ROLE_CASES = [  # (user fixture or None, expected status for GET of an edit page)
    (None, 302),
    ("agency_user", 403),
    ("office_user", 200),
    ("admin_user", 200),
]


@pytest.mark.parametrize("who, status", ROLE_CASES)
@pytest.mark.parametrize("url", ["/issues/1/items/new/", "/items/{pk}/edit/", "/items/{pk}/remove/"])
def test_only_the_office_and_admins_edit_template1(client, request, item, who, status, url):
    if who:
        login(client, request.getfixturevalue(who))
    response = client.get(url.format(pk=item.pk))
    assert response.status_code == status
    if status == 302:
        assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("who", ["agency_user", None])
def test_a_refused_post_writes_nothing(client, request, item, who):
    if who:
        login(client, request.getfixturevalue(who))
    client.post(f"/items/{item.pk}/remove/", {"reason": "ลองลบ", "meeting": ""})
    assert Item.objects.get(pk=item.pk).status == "current"
    assert ItemRevision.objects.filter(item=item).count() == 1


def test_rename_through_the_form(client, office_user, item):
    login(client, office_user)
    data = {"name_th": "พื้นที่ปลูกทุเรียนรายอำเภอ", "name_en": item.name_en, "agency": item.agency_id,
            "dimension": item.dimension_id, "data_type": item.data_type, "unit": item.unit,
            "reason": "ปรับชื่อให้สั้นลง", "meeting": ""}
    response = client.post(f"/items/{item.pk}/edit/", data)
    assert response.status_code == 302
    revision = ItemRevision.objects.filter(item=item).latest("id")
    assert (revision.kind, revision.created_by) == ("renamed", office_user)
    page = client.get(response["Location"]).content.decode()
    assert "ปรับชื่อให้สั้นลง" in page


def test_form_shows_the_service_errors_on_their_fields(client, office_user, item):
    login(client, office_user)
    data = {"name_th": "   ", "name_en": item.name_en, "agency": item.agency_id, "dimension": item.dimension_id,
            "data_type": item.data_type, "unit": item.unit, "reason": "", "meeting": ""}
    response = client.post(f"/items/{item.pk}/edit/", data)
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"name_th", "reason"}
    assert ItemRevision.objects.filter(item=item).count() == 1


def test_a_field_the_form_did_not_send_is_refused_never_emptied(client, office_user, item):
    """An edit without the English name and the unit must not clear them (a careless or crafted POST)."""
    login(client, office_user)
    data = {"name_th": "ชื่อใหม่", "agency": item.agency_id, "dimension": item.dimension_id,
            "data_type": item.data_type, "reason": "ปรับชื่อ", "meeting": ""}
    response = client.post(f"/items/{item.pk}/edit/", data)
    assert response.status_code == 200
    assert {name: [e.code for e in errors.as_data()] for name, errors in response.context["form"].errors.items()} \
        == {"name_en": ["not_sent"], "unit": ["not_sent"]}
    item.refresh_from_db()
    assert item.name_en and item.unit and ItemRevision.objects.filter(item=item).count() == 1


def test_add_an_item_with_a_duplicate_code(client, office_user, item):
    login(client, office_user)
    data = {"code": "I1-005", "name_th": "ซ้ำ", "name_en": "", "agency": item.agency_id,
            "dimension": item.dimension_id, "data_type": item.data_type, "unit": "", "reason": "เพิ่ม", "meeting": ""}
    response = client.post("/issues/1/items/new/", data)
    assert response.status_code == 200
    assert "code" in response.context["form"].errors
    assert Item.objects.filter(issue__number=1).count() == 43


def test_template1_workbook(client, pattani):
    from io import BytesIO

    from openpyxl import load_workbook

    response = client.get("/issues/1/template1.xlsx")
    assert response.status_code == 200
    workbook = load_workbook(BytesIO(response.content))
    items_sheet, summary_sheet = workbook.worksheets[0], workbook.worksheets[1]
    assert items_sheet.freeze_panes == "A5"
    codes = [row[1] for row in items_sheet.iter_rows(min_row=5, values_only=True)]
    assert len(codes) == 43 and "I1-043" in codes
    totals = [row for row in summary_sheet.iter_rows(min_row=5, values_only=True) if row and row[0] == "รวม"]
    assert totals[0][1:] == (43, 42, 42)
    assert items_sheet.column_dimensions["D"].width >= 40
