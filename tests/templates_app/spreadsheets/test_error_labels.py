"""A workbook import's problems name the item by its label in the UI's language, not its field name."""
from catalog.models import DataType
from templates_app.spreadsheets.gdc_layout import spec_for

from .conftest import edit, find_row, workbook_bytes
from .test_views import upload


def test_an_invalid_cell_is_named_by_its_thai_label(client, filled, agency_user, django_assert_max_num_queries):
    record = filled[DataType.RECORD]
    data = workbook_bytes(agency_user.agency)
    row = find_row(data, "Temp2_Meta_Record", record.dataset_name)
    letter = spec_for("Temp2_Meta_Record").column("maintainer_email").letter
    data = edit(data, {("Temp2_Meta_Record", f"{letter}{row}"): "not-an-e-mail"})
    client.force_login(agency_user)
    with django_assert_max_num_queries(40):
        html = upload(client, data).content.decode()
    error = html.split(f'data-column="{letter}"', 1)[1].split("</tr>", 1)[0]
    assert "อีเมลผู้ติดต่อ" in error
    assert "<code>maintainer_email</code>" not in html
    client.get("/language/?language=en&next=/")
    english = upload(client, data).content.decode().split(f'data-column="{letter}"', 1)[1].split("</tr>", 1)[0]
    assert "Contact e-mail" in english and "อีเมลผู้ติดต่อ" not in english
