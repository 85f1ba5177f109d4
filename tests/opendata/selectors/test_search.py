"""The search's counts, facet counts and page ids are cached per catalog version: a repeated search costs two
queries at any size, and any publish, edit or withdrawal is seen by the very next search."""
import pytest

from opendata.selectors import dataset_search
from opendata.services import published_refresh

pytestmark = pytest.mark.django_db

ASKED = dict(q="ทุเรียนปัตตานี", fq='res_format:"CSV"', facet_fields=["tags", "res_format"])


def _search():
    published_refresh()
    found = dataset_search(**ASKED)
    return found.count, [row.title for row in found.results], dict(found.facets["tags"])


def test_a_repeated_search_is_two_queries(catalog, django_assert_num_queries):
    for n in range(3):
        catalog.approved(title=f"พื้นที่ปลูกทุเรียน ปัตตานี {n}", tag_string="ทุเรียน, เกษตร")
    first = _search()
    published_refresh()
    with django_assert_num_queries(2):  # the catalog version and the page's rows
        again = dataset_search(**ASKED)
    assert (again.count, [row.title for row in again.results], dict(again.facets["tags"])) == first
    assert first[0] == 3 and first[2] == {"ทุเรียน": 3, "เกษตร": 3}


def test_publish_edit_and_withdrawal_are_seen_by_the_next_search(catalog):
    record = catalog.approved(title="พื้นที่ปลูกทุเรียน ปัตตานี", tag_string="ทุเรียน")
    assert _search() == (1, ["พื้นที่ปลูกทุเรียน ปัตตานี"], {"ทุเรียน": 1})
    other = catalog.approved(title="ผลผลิตทุเรียน ปัตตานี", tag_string="ผลไม้")
    assert _search()[0] == 2 and _search()[2] == {"ทุเรียน": 1, "ผลไม้": 1}
    catalog.reapprove(record, title="พื้นที่ปลูกทุเรียน ปัตตานี", tag_string="ผลไม้")
    assert _search()[2] == {"ผลไม้": 2}
    catalog.reapprove(other, title="ผลผลิตยางพารา", tag_string="ผลไม้")
    assert _search() == (1, ["พื้นที่ปลูกทุเรียน ปัตตานี"], {"ผลไม้": 1})
    catalog.reapprove(record, data_category="ข้อมูลความมั่นคง")  # withdrawn
    assert _search() == (0, [], {})
