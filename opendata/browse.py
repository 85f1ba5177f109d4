"""The search page's state: the query, the chosen facet values, the sort and the page, read from the URL."""
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _

from catalog.pagination import page_number
from opendata.selectors import dataset_search
from opendata.selectors.pages import facet_labels

PER_PAGE = 20
#: The facets the search page offers, in this order, with their headings.
FACETS = (
    ("groups", _("Development issue")), ("organization", _("Agency")), ("data_category", _("Data category")),
    ("data_type", _("Data type")), ("res_format", _("Format")), ("dimension", _("Dimension or value-chain stage")),
    ("tags", _("Tag")), ("update_frequency_unit", _("Update frequency")),
)
SORT_VALUES = ("", "metadata_modified desc", "title_string asc")


class _Fetched:
    """What Paginator needs of one fetched page: the total count, and the page's rows whatever the slice."""

    def __init__(self, count: int, rows: list):
        self._count, self._rows = count, rows

    def count(self) -> int:
        return self._count

    def __getitem__(self, _slice):
        return self._rows


class Browse:
    def __init__(self, params):
        self.q = params.get("q", "").replace("\x00", "").strip()[:200]
        self.sort = params.get("sort", "") if params.get("sort", "") in SORT_VALUES else ""
        self.chosen = {name: [value.replace("\x00", "")[:500] for value in params.getlist(name)[:10]]
                       for name, _label in FACETS if params.getlist(name)}
        fq = " ".join(f'{name}:"{_escape(value)}"' for name, values in self.chosen.items() for value in values)
        number = page_number(params.get("page"))
        search = dict(q=self.q, fq=fq, sort=self.sort, facet_fields=[name for name, _label in FACETS], facet_limit=20)
        found = dataset_search(**search, rows=PER_PAGE, start=(number - 1) * PER_PAGE)
        last = max(1, -(-found.count // PER_PAGE))
        if number > last:
            number = last
            found = dataset_search(**search, rows=PER_PAGE, start=(number - 1) * PER_PAGE)
        self.count, self.results = found.count, found.results
        self.page = Paginator(_Fetched(found.count, found.results), PER_PAGE).get_page(number)
        self.page.numbers = list(self.page.paginator.get_elided_page_range(number, on_each_side=2, on_ends=1))
        labels = facet_labels()
        self.facets = [
            {"name": name, "label": label,
             "values": [{"value": value, "label": labels.get(name, {}).get(value, value), "count": count,
                         "chosen": value in self.chosen.get(name, []), "query": _toggle(params, name, value)}
                        for value, count in found.facets.get(name, [])]}
            for name, label in FACETS]
        self.facets = [facet for facet in self.facets if facet["values"]]


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"')


def _toggle(params, name: str, value: str) -> str:
    """The query string with `name=value` added, or removed if it is there (and back to page 1)."""
    query = params.copy()
    values = query.getlist(name)
    query.setlist(name, [v for v in values if v != value] if value in values else [*values, value])
    query.pop("page", None)
    return query.urlencode()
