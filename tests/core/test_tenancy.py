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


@pytest.mark.django_db
def test_a_user_signs_in_only_on_the_host_of_their_province(client, settings):
    from accounts.models import User
    from tests.factories import UserFactory

    settings.PORTAL_DOMAIN, settings.ALLOWED_HOSTS = "catalog.test", [".catalog.test"]
    yala = Province.all_objects.create(code="95", name_th="ยะลา", name_en="Yala")
    Province.all_objects.create(code="94", name_th="ปัตตานี", name_en="Pattani")
    UserFactory(username="nso-yala", role=User.Role.STATISTICS_OFFICE, province=yala)
    form = {"username": "nso-yala", "password": "pw-for-tests-2566"}
    client.post("/accounts/login/", form, headers={"host": "pattani.catalog.test"})
    assert "_auth_user_id" not in client.session
    client.post("/accounts/login/", form, headers={"host": "yala.catalog.test"})
    assert "_auth_user_id" in client.session
    assert client.get("/accounts/landing/", headers={"host": "pattani.catalog.test"}).status_code == 302
    assert client.get("/review/", headers={"host": "yala.catalog.test"}).status_code == 200


@pytest.mark.django_db
def test_a_province_admin_does_not_see_national_users(client):
    from accounts.models import User
    from tests.factories import UserFactory

    pattani = Province.all_objects.create(code="94", name_th="ปัตตานี", name_en="Pattani")
    UserFactory(username="nso-thailand", role=User.Role.NATIONAL_ADMIN, is_staff=True, is_superuser=True)
    client.force_login(UserFactory(username="ptn-admin", role=User.Role.ADMIN, is_staff=True, is_superuser=True,
                                   province=pattani))
    page = client.get("/admin/accounts/user/").content.decode()
    assert "ptn-admin" in page and "nso-thailand" not in page
