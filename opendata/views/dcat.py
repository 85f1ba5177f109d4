"""DCAT-AP 3: the catalog (`/catalog.ttl|.jsonld|.rdf?page=N`) and one data set (`/datasets/<code>.ttl` …)."""
from django.http import Http404, HttpResponse
from django.views.decorators.http import require_safe

from catalog.pagination import page_number
from opendata import dcat
from opendata.actions import package_result as package_of
from opendata.models import PublishedDataset
from opendata.packages import ckan_time
from opendata.selectors.pages import published_get
from opendata.services import published_refresh
from opendata.site import site_titles


def _base(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


@require_safe
def catalog(request, fmt: str):
    published_refresh()
    page = page_number(request.GET.get("page"))
    rows = PublishedDataset.objects.filter(state=PublishedDataset.State.ACTIVE).order_by("name")
    total = rows.count()
    chosen = list(rows[(page - 1) * dcat.PER_PAGE:page * dcat.PER_PAGE])
    if page > 1 and not chosen:
        raise Http404("No such page.")
    newest = rows.order_by("-metadata_modified").values_list("metadata_modified", flat=True).first()
    graph = dcat.new_graph()
    dcat.add_catalog(graph, base=_base(request), titles=site_titles(), packages=[package_of(row) for row in chosen],
                     modified=ckan_time(newest))
    dcat.add_paging(graph, url=request.build_absolute_uri(request.path), page=page, total=total)
    return _response(graph, fmt)


@require_safe
def dataset(request, name: str, fmt: str):
    published_refresh()
    graph = dcat.new_graph()
    dcat.add_dataset(graph, base=_base(request), package=package_of(published_get(name=name)))
    return _response(graph, fmt)


def _response(graph, fmt: str) -> HttpResponse:
    if fmt not in dcat.FORMATS:
        raise Http404("Unknown RDF format.")
    body, content_type = dcat.serialize(graph, fmt)
    return HttpResponse(body, content_type=f"{content_type}; charset=utf-8")
