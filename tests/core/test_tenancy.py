"""Commands: every province by default, one province when PORTAL_PROVINCE names it (core.apps)."""
import contextvars
import io
import json

import pytest
from django.core.management import call_command

from catalog.models import Province
from core.tenancy import province_scope, work_in_province_named
from tests.factories import ItemFactory


def kpi_issues() -> list[int]:
    out = io.StringIO()
    call_command("kpi_status", "--json", stdout=out)
    return [issue["issue"] for issue in json.loads(out.getvalue())["issues"]]


@pytest.mark.django_db
def test_a_command_run_for_one_province_sees_only_its_issues():
    for code, name in (("94", "Pattani"), ("95", "Yala")):
        with province_scope(Province.all_objects.create(code=code, name_th=name, name_en=name)):
            ItemFactory(dimension__issue__number=1)
    assert kpi_issues() == [1, 1]

    def in_yala():
        work_in_province_named("yala")
        return kpi_issues()

    assert contextvars.copy_context().run(in_yala) == [1]
