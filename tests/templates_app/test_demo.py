"""load_demo fills Template 2 with a mix of states for every agency, and running it twice changes nothing."""
import io

from django.core.management import call_command

from templates_app.models import MetadataRecord


def _state():
    return sorted(MetadataRecord.objects.values_list("item__code", "status", "version", "dataset_name"))


def test_load_demo_mix_and_idempotence(db, django_user_model):
    call_command("load_demo", stdout=io.StringIO())
    first = _state()
    statuses = {status for _code, status, _v, _n in first}
    assert statuses == {"approved", "submitted", "returned", "draft"}
    agri = dict(MetadataRecord.objects.filter(item__agency__code="PTN-AGRI").values_list("item__code", "status"))
    assert {"approved", "submitted", "returned", "draft"} <= set(agri.values())
    assert MetadataRecord.objects.filter(item__agency__code="PTN-AGRI").count() < 12  # some not started
    types = set(MetadataRecord.objects.filter(status="approved").values_list("item__data_type", flat=True))
    assert {"ข้อมูลสถิติ", "ข้อมูลระเบียน"} <= types
    returned = MetadataRecord.objects.filter(status="returned").first()
    assert returned.review_comments
    call_command("load_demo", stdout=io.StringIO())
    assert _state() == first
