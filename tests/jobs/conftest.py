import pytest

from tests.factories import ProvinceFactory


@pytest.fixture
def office_user(office_user):
    """The statistics office of Pattani: jobs belong to their starter's province (national mode)."""
    office_user.province = ProvinceFactory()
    office_user.save(update_fields=["province"])
    return office_user
