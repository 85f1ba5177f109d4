"""The CKAN Action API, through CKAN's own client library (ckanapi's RemoteCKAN) against a live server."""
import json

import pytest
from ckanapi import NotAuthorized, NotFound, RemoteCKAN, ValidationError

from opendata.services import published_refresh

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def ckan(live_server):
    with RemoteCKAN(live_server.url, user_agent="ckanapi-test/4.11") as remote:
        yield remote  # leaving closes its HTTP keep-alive connections while the live server still runs


def test_package_search_show_and_organization_list_give_what_the_portal_publishes(catalog, ckan, settings):
    settings.GDC_DELIVERY = "harvest"  # harvested through this API: multi-choice items carry lists
    record = catalog.approved(title="จำนวนประชากรจังหวัดปัตตานี", objective=["พันธกิจหน่วยงาน", "มติคณะรัฐมนตรี"],
                              data_format=["CSV", "XLS"])
    catalog.approved(title="พื้นที่ปลูกยางพารา")
    catalog.submitted(title="ชุดที่ยังไม่อนุมัติ")
    found = ckan.action.package_search(q="ประชากรปัตตานี", rows=10)
    assert found["count"] == 1
    package = found["results"][0]
    assert package["name"] == record.approved_dataset_name and package["title"] == "จำนวนประชากรจังหวัดปัตตานี"
    assert sorted(package["objective"]) == ["พันธกิจหน่วยงาน", "มติคณะรัฐมนตรี"] and sorted(package["data_format"]) == ["CSV", "XLS"]
    assert package["organization"]["name"] == "ag-a" and package["tags"][0] == {
        "name": "ทุเรียน", "display_name": "ทุเรียน", "state": "active", "vocabulary_id": None}
    assert package["resources"][0]["package_id"] == package["id"] and package["num_resources"] == 1
    assert ckan.action.package_show(id=package["id"]) == package
    assert ckan.action.package_show(id=package["name"]) == package
    assert ckan.action.package_search(q="ยังไม่อนุมัติ")["count"] == 0
    orgs = ckan.action.organization_list(all_fields=True)
    assert [(org["name"], org["package_count"]) for org in orgs] == [("ag-a", 2)]
    assert ckan.action.organization_show(id="ag-a")["title"] == catalog.staff.agency.name_th
    assert sorted(ckan.action.package_list()) == sorted(p["name"] for p in ckan.action.current_package_list_with_resources())


def test_facets_filters_sorting_and_paging(catalog, ckan):
    names = []
    for n in range(5):
        names.append(catalog.approved(title=f"ชุดข้อมูล {n}", tag_string=f"เกษตร, ชุด{n % 2}").approved_dataset_name)
        published_refresh()  # one published version after another
    found = ckan.action.package_search(fq='tags:"ชุด0"', sort="name asc", rows=2, start=0,
                                       **{"facet.field": json.dumps(["tags", "organization", "res_format"])})
    assert found["count"] == 3 and [p["name"] for p in found["results"]] == sorted(names[0::2])[:2]
    assert found["facets"]["tags"] == {"เกษตร": 3, "ชุด0": 3} and found["facets"]["res_format"] == {"CSV": 3}
    assert found["search_facets"]["organization"]["items"] == [{"name": "ag-a", "display_name": "ag-a", "count": 3}]
    by_id = ckan.action.package_search(sort="id asc", rows=1000)["results"]
    assert [p["id"] for p in by_id] == sorted(p["id"] for p in by_id)
    newest = ckan.action.package_search(sort="metadata_modified desc")["results"]
    assert [p["metadata_modified"] for p in newest] == sorted((p["metadata_modified"] for p in newest), reverse=True)
    since = newest[1]["metadata_modified"]
    assert ckan.action.package_search(fq=f"metadata_modified:[{since}Z TO *]")["count"] == 2


def test_errors_have_ckan_shapes(catalog, ckan, live_server, client):
    record = catalog.approved()
    with pytest.raises(NotFound):
        ckan.action.package_show(id="no-such-dataset")
    with pytest.raises(ValidationError):
        ckan.action.package_show()
    catalog.reapprove(record, data_category="ข้อมูลความมั่นคง")
    with pytest.raises(NotAuthorized):  # a withdrawn data set answers as a deleted CKAN package does
        ckan.action.package_show(id=record.approved_dataset_name)
    assert ckan.action.package_search()["count"] == 0
    response = client.get("/api/3/action/package_search", {"sort": "nonsense desc"})
    assert response.status_code == 409 and response.json()["error"]["__type"] == "Search Query Error"
    response = client.get("/api/action/no_such_action")
    assert response.status_code == 400 and response.json()["success"] is False


def test_groups_tags_licenses_and_status(catalog, ckan, live_server):
    record = catalog.approved()
    group = ckan.action.group_list(all_fields=True)
    issue = record.item.issue
    assert [g["name"] for g in group] == [f"issue-{issue.fiscal_year}-{issue.number}"] and group[0]["package_count"] == 1
    assert ckan.action.group_show(id=group[0]["name"])["title"] == issue.title_th
    assert ckan.action.tag_list() == ["ทุเรียน", "เกษตร", "ปัตตานี"] or sorted(ckan.action.tag_list()) == sorted(
        ["ทุเรียน", "เกษตร", "ปัตตานี"])
    assert "Open Data Common" in [lic["id"] for lic in ckan.action.license_list()]
    status = ckan.action.status_show()
    assert status["catalog_type"] == "area_based" and status["site_url"] == live_server.url
    assert {"ckan_version", "site_title", "site_description", "locale_default", "extensions"} <= set(status)
