"""The 76 provinces from kept lists (pythainlp names, ISO 3166-2:TH codes), and a province by host name."""
import pytest
from django.core.management import call_command

from catalog.models import Province
from catalog.services.provinces import province_list


def test_the_list_has_the_76_provinces_with_their_codes_and_names():
    provinces = province_list()
    assert len(provinces) == 76 == len({p["code"] for p in provinces}) == len({p["slug"] for p in provinces})
    by_code = {p["code"]: p for p in provinces}
    assert by_code["94"] == {"code": "94", "name_th": "ปัตตานี", "name_en": "Pattani", "slug": "pattani"}
    assert by_code["95"]["name_th"] == "ยะลา" and "10" not in by_code  # Bangkok is not among them


@pytest.mark.django_db
def test_load_provinces_adds_the_missing_ones_and_keeps_those_loaded(capsys):
    Province.all_objects.create(code="94", name_th="ปัตตานี", name_en="Pattani", slug="ptn")
    call_command("load_provinces")
    call_command("load_provinces")
    assert Province.all_objects.count() == 76
    assert Province.all_objects.get(code="94").slug == "ptn"
    assert "0 added, 76 already there" in capsys.readouterr().out
