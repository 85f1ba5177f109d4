"""Every catalog page for every role: public pages are public; the admin is for admins only."""
import pytest

from catalog.models import Item

ROLES = [None, "agency_user", "office_user", "admin_user"]


@pytest.fixture
def as_role(client, request):
    def _as(role):
        if role:
            client.force_login(request.getfixturevalue(role))
        return client
    return _as


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("url", ["/", "/issues/1/", "/items/{pk}/", "/api/v1/issues/", "/api/v1/issues/1/items/",
                                 "/issues/1/template1.xlsx", "/healthz"])
def test_public_pages_for_every_role(as_role, pattani, role, url):
    pk = Item.objects.get(code="I1-001").pk
    assert as_role(role).get(url.format(pk=pk)).status_code == 200


@pytest.mark.parametrize("role, status", [(None, 302), ("agency_user", 302), ("office_user", 302),
                                          ("admin_user", 200)])
@pytest.mark.parametrize("url", ["/admin/", "/admin/catalog/agency/", "/admin/accounts/user/",
                                 "/admin/catalog/item/"])
def test_django_admin_is_for_admins(as_role, pattani, role, status, url):
    assert as_role(role).get(url).status_code == status


def test_public_pages_refuse_writes(client, pattani):
    assert client.post("/issues/1/").status_code == 405
    assert client.post("/api/v1/issues/").status_code == 405
