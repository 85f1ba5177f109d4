"""factory_boy factories. Items are made through the service, so each has its first revision."""
import datetime as dt

import factory

from accounts.models import User
from catalog.models import Agency, DataType, DevelopmentIssue, Dimension, Level, Meeting, Province
from catalog.services import item_create
from core.tenancy import current_province


class ProvinceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Province
        django_get_or_create = ("code",)

    code = "94"
    name_th = "ปัตตานี"
    name_en = "Pattani"

    @classmethod
    def _get_manager(cls, model_class):
        return model_class.all_objects  # Pattani, whichever province the test works in


def the_province():
    """The province the test works in (core.tenancy.province_scope), else Pattani."""
    return current_province() or ProvinceFactory()


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    province = factory.LazyFunction(the_province)
    code = factory.Sequence(lambda n: f"AG-{n:03d}")
    name_th = factory.Sequence(lambda n: f"หน่วยงานทดสอบ {n}")
    name_en = factory.Sequence(lambda n: f"Test agency {n}")
    level = Level.REGIONAL


class IssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DevelopmentIssue

    province = factory.LazyFunction(the_province)
    fiscal_year = 2566
    number = factory.Sequence(lambda n: n + 10)
    title_th = factory.Sequence(lambda n: f"ประเด็นทดสอบ {n}")
    listed_on = dt.date(2023, 1, 20)


class DimensionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dimension

    issue = factory.SubFactory(IssueFactory)
    code = factory.Sequence(lambda n: f"dim{n}")
    name_th = factory.Sequence(lambda n: f"มิติ {n}")


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    province = factory.LazyFunction(the_province)
    body = Meeting.Body.WORKING_GROUP
    date = dt.date(2023, 2, 7)
    title = factory.Sequence(lambda n: f"การประชุมครั้งที่ {n}")


class ItemFactory(factory.Factory):
    """Builds kwargs for `item_create` and calls it: the item arrives with its `created` revision."""

    class Meta:
        model = dict

    dimension = factory.SubFactory(DimensionFactory)
    issue = factory.SelfAttribute("dimension.issue")
    agency = factory.SubFactory(AgencyFactory)
    code = factory.Sequence(lambda n: f"T-{n:05d}")
    name_th = factory.Sequence(lambda n: f"รายการข้อมูลทดสอบ {n}")
    name_en = factory.Sequence(lambda n: f"Test item {n}")
    data_type = DataType.STATISTICAL
    unit = "ราย"
    reason = "รายการตั้งต้น"
    decided_on = dt.date(2023, 1, 20)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return item_create(**kwargs)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("pw-for-tests-2566")
    role = User.Role.VIEWER

    @classmethod
    def _get_manager(cls, model_class):
        return model_class._base_manager  # user names are unique across provinces
