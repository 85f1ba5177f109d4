"""Public catalog test data: data sets in every state, made through the Template 2/3 services."""
import pytest

from catalog.models import DataType
from templates_app.services import metadata_approve, metadata_return, metadata_save_draft, resource_create
from tests.factories import DimensionFactory, ItemFactory
from tests.templates_app.factories import public_record, resource_values, valid_values


class Catalog:
    """Makes data sets of `agency_user`'s agency, approved by `office_user`."""

    def __init__(self, staff, office):
        self.staff, self.office, self.dimension = staff, office, DimensionFactory(name_th="ต้นน้ำ", name_en="Upstream")

    def item(self, data_type=DataType.STATISTICAL):
        return ItemFactory(agency=self.staff.agency, dimension=self.dimension, data_type=data_type)

    def approved(self, item=None, resources=1, **values):
        record = public_record(item or self.item(), self.staff, **values)
        record = metadata_approve(record=record, version=record.version, by=self.office)
        for index in range(resources if record.is_public_category else 0):
            resource_create(record=record, by=self.staff, values=resource_values(
                record.item.data_type, resource_name=f"ตาราง {index + 1} ของ {record.dataset_name}",
                resource_url=f"https://pattani.doae.go.th/opendata/{record.dataset_name}-{index}.csv"))
        return record

    def draft_over(self, record, **values):
        """A new draft of an approved record (the approved version stays published)."""
        record.refresh_from_db()
        return metadata_save_draft(item=record.item, values=valid_values(record.item.data_type, **values),
                                   version=record.version, by=self.staff)

    def reapprove(self, record, **values):
        from templates_app.services import metadata_submit

        record.refresh_from_db()
        record = metadata_submit(item=record.item, values=valid_values(record.item.data_type, **values),
                                 version=record.version, by=self.staff)
        return metadata_approve(record=record, version=record.version, by=self.office)

    def submitted(self, **values):
        return public_record(self.item(), self.staff, **values)

    def returned(self, **values):
        record = public_record(self.item(), self.staff, **values)
        return metadata_return(record=record, comments={"title": "แก้ชื่อ"}, version=record.version, by=self.office)

    def draft(self, **values):
        return metadata_save_draft(item=self.item(), values=valid_values(**values), version=None, by=self.staff)


@pytest.fixture
def catalog(agency_user, office_user, settings):
    from catalog.models import AgencyDomain

    settings.GDC_DELIVERY = "harvest"  # the public catalog is what GD Catalog harvests: lists are carried whole

    AgencyDomain.objects.create(agency=agency_user.agency, domain="pattani.doae.go.th")
    return Catalog(agency_user, office_user)
