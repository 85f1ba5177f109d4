"""sitemap.xml and robots.txt: the public catalog pages are for search engines; the working pages are not."""
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from opendata.models import PublishedDataset
from opendata.services import published_refresh

SITEMAP_LIMIT = 50000  # the sitemap protocol's maximum per file


@require_safe
def sitemap(request):
    published_refresh()
    rows = (PublishedDataset.objects.filter(state=PublishedDataset.State.ACTIVE).order_by("name")
            .values_list("name", "metadata_modified")[:SITEMAP_LIMIT])
    return render(request, "opendata/sitemap.xml", {"rows": rows}, content_type="application/xml")


@require_safe
def robots(request):
    lines = ["User-agent: *", "Allow: /datasets/", "Allow: /issues/", "Allow: /catalog.",
             "Disallow: /admin/", "Disallow: /accounts/", "Disallow: /api/", "Disallow: /my-work/",
             "Disallow: /review/", "Disallow: /exchange/", "Disallow: /links/",
             f"Sitemap: {request.build_absolute_uri(reverse('opendata:sitemap'))}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
