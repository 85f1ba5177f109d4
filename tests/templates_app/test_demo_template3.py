"""load_demo adds Template 3 records to part of the public-category data sets, on the agencies' domains."""
import io

from django.core.management import call_command

from linkcheck.check import host_is_allowed
from linkcheck.check.rules import parse_http_url
from templates_app.models import MetadataRecord, Resource


def _state():
    return sorted(Resource.objects.values_list("record__dataset_name", "url", "position", "url_status"))


def test_demo_template3_records(db):
    call_command("load_demo", stdout=io.StringIO())
    first = _state()
    public = MetadataRecord.objects.filter(is_public_category=True)
    with_resources = public.filter(resources__isnull=False).distinct().count()
    assert 0 < with_resources < public.count()  # part of them: the rest show "add a source URL"
    assert {status for *_rest, status in first} == {"unchecked"}
    for resource in Resource.objects.select_related("record__item__agency"):
        domains = list(resource.record.item.agency.domains.values_list("domain", flat=True))
        assert host_is_allowed(parse_http_url(resource.url).host, domains)
        assert resource.is_complete and resource.record.is_public_category
    assert Resource.objects.filter(record__item__agency__code="PTN-AGRI").exists()
    call_command("load_demo", stdout=io.StringIO())
    assert _state() == first
