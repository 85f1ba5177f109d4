from django.urls import path, re_path

from opendata.views import api, dcat, pages, seo

app_name = "opendata"

urlpatterns = [
    path("api/3/action/<str:name>", api.action, name="action"),
    path("api/action/<str:name>", api.action, name="action-unversioned"),
    path("datasets/", pages.dataset_list, name="dataset-list"),
    path("datasets/<slug:name>/", pages.dataset_detail, name="dataset-detail"),
    path("datasets/<slug:name>.json", pages.dataset_json, name="dataset-json"),
    path("datasets/<slug:name>.csv", pages.dataset_csv, name="dataset-csv"),
    re_path(r"^datasets/(?P<name>[a-z0-9_-]+)\.(?P<fmt>ttl|jsonld|rdf)$", dcat.dataset, name="dataset-rdf"),
    re_path(r"^catalog\.(?P<fmt>ttl|jsonld|rdf)$", dcat.catalog, name="catalog"),
    path("sitemap.xml", seo.sitemap, name="sitemap"),
    path("robots.txt", seo.robots, name="robots"),
]
