"""Public pages of the catalog: the search (`/datasets/`) and one data set with its downloads."""
import csv

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from opendata import presentation
from opendata.actions import package_result as package_of
from opendata.browse import Browse
from opendata.selectors.pages import link_states, published_get
from opendata.services import published_refresh
from opendata.site import site_titles

SORTS = (("", _("Relevance")), ("metadata_modified desc", _("Recently updated")), ("title_string asc", _("Name")))


@require_safe
def dataset_list(request):
    published_refresh()
    browse = Browse(request.GET)
    return render(request, "opendata/dataset_list.html", {
        "browse": browse, "page": browse.page, "sorts": SORTS})


@require_safe
def dataset_detail(request, name: str):
    published_refresh()
    dataset = published_get(name=name)
    package = package_of(dataset)
    page_url = request.build_absolute_uri()
    jsonld = presentation.schema_org(package, page_url=page_url, catalog_name=site_titles()[0],
                                     catalog_url=request.build_absolute_uri(reverse("opendata:dataset-list")))
    states = link_states(dataset)
    resources = [(resource, states.get(resource["id"]), presentation.resource_rows(package, resource))
                 for resource in package["resources"]]
    return render(request, "opendata/dataset_detail.html", {
        "dataset": dataset, "package": package, "rows": presentation.metadata_rows(package), "resources": resources,
        "item": dataset.record.item, "jsonld": presentation.json_ld(jsonld)})


@require_safe
def dataset_json(request, name: str):
    published_refresh()
    package = package_of(published_get(name=name))
    response = JsonResponse(package, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Content-Disposition"] = f'attachment; filename="{name}.json"'
    return response


@require_safe
def dataset_csv(request, name: str):
    published_refresh()
    package = package_of(published_get(name=name))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    response.write("\ufeff")  # Excel opens UTF-8 Thai text correctly with a BOM
    writer = csv.writer(response)
    for row in presentation.csv_rows(package):
        writer.writerow([_safe_cell(cell) for cell in row])
    return response


def _safe_cell(value: str) -> str:
    """A cell a spreadsheet will not run as a formula."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
