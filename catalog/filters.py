"""Filters for the Template 1 item list (search works on Thai and English names and codes)."""
import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from catalog.models import Agency, DataType, Dimension, Item, Level
from catalog.models.items import ItemStatus

#: A filter's "no filter" option (django-filter's default is "---------").
ALL = _("All")


class ItemFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    agency = django_filters.ModelChoiceFilter(label=_("Agency"), queryset=Agency.objects.none(), empty_label=ALL)
    level = django_filters.ChoiceFilter(label=_("Level"), field_name="agency__level", choices=Level.choices,
                                        empty_label=ALL)
    dimension = django_filters.ModelChoiceFilter(label=_("Dimension"), queryset=Dimension.objects.none(),
                                                 empty_label=ALL)
    data_type = django_filters.ChoiceFilter(label=_("Data type"), choices=DataType.choices, empty_label=ALL)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ItemStatus.choices,
                                         empty_label=_("All, including removed"), method="by_status")

    class Meta:
        model = Item
        fields = ["q", "agency", "level", "dimension", "data_type", "status"]

    def __init__(self, data=None, *args, issue=None, **kwargs):
        data = data.copy() if data is not None else {}
        data.setdefault("status", ItemStatus.CURRENT)
        super().__init__(data, *args, **kwargs)
        self.filters["agency"].queryset = Agency.objects.filter(items__issue=issue).distinct().order_by("code")
        self.filters["dimension"].queryset = Dimension.objects.filter(issue=issue)

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(name_th__icontains=value) | Q(name_en__icontains=value) | Q(code__icontains=value)
                               | Q(agency__name_th__icontains=value) | Q(agency__code__icontains=value))

    def by_status(self, queryset, name, value):
        return queryset.filter(status=value) if value else queryset
