import pytest

from catalog.models import DataType
from tests.factories import DimensionFactory, ItemFactory


@pytest.fixture
def own_item(agency_user):
    """A statistical item owned by `agency_user`'s agency."""
    return ItemFactory(agency=agency_user.agency, data_type=DataType.STATISTICAL)


@pytest.fixture
def make_item(agency_user):
    dimension = DimensionFactory()

    def make(data_type=DataType.STATISTICAL, agency=None):
        return ItemFactory(agency=agency or agency_user.agency, dimension=dimension, data_type=data_type)
    return make


@pytest.fixture
def doae_domain(agency_user):
    """agency_user's agency publishes on pattani.doae.go.th."""
    from catalog.models import AgencyDomain

    return AgencyDomain.objects.create(agency=agency_user.agency, domain="pattani.doae.go.th")


@pytest.fixture
def harvest(settings):
    """A deployment whose data reaches GD Catalog by harvesting (lists allowed in multi-choice items)."""
    settings.GDC_DELIVERY = "harvest"
