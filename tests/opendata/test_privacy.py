"""Nothing but approved values of published data sets reaches a public page, the Action API or the RDF:
no draft value, no unapproved, withdrawn or non-public data set, no agency's internal contact."""
import json

import pytest

from catalog.services.items import item_remove

pytestmark = pytest.mark.django_db


def marked(tag: str) -> dict:
    """Values whose every free text carries `tag`, so any leak of them can be found."""
    return {"title": f"ชุด {tag}", "notes": f"รายละเอียด {tag}", "maintainer": f"ผู้ติดต่อ {tag}",
            "maintainer_email": f"{tag}@pattani.go.th", "tag_string": f"{tag}, เกษตร", "data_source": f"แหล่ง {tag}"}


@pytest.fixture
def every_state(catalog, office_user):
    agency = catalog.staff.agency
    agency.contact_name, agency.contact_email, agency.contact_phone = "zzinternalname", "zzinternal@x.go.th", "0739999"
    agency.save()
    shown = catalog.approved(**marked("zzpublished"))
    drafted = catalog.approved(**marked("zzolderapproved"))
    catalog.draft_over(drafted, **marked("zzdraftover"))
    withdrawn = catalog.approved(**marked("zzwithdrawn"))
    removed = catalog.approved(**marked("zzremoveditem"))
    from opendata.services import published_refresh

    published_refresh()  # published once, then withdrawn two ways
    catalog.reapprove(withdrawn, **marked("zzwithdrawn"), data_category="ข้อมูลความมั่นคง")
    item_remove(item=removed.item, by=office_user, reason="ยกเลิก")
    records = [shown, drafted, withdrawn, removed, catalog.submitted(**marked("zzsubmitted")),
               catalog.returned(**marked("zzreturned")), catalog.draft(**marked("zzdraftonly")),
               catalog.approved(**marked("zzpersonal"), data_category="ข้อมูลส่วนบุคคล")]
    return {"names": [r.dataset_name for r in records] + [r.approved_dataset_name for r in records if r.approved_dataset_name],
            "agency": agency}


FORBIDDEN = ("zzdraftover", "zzwithdrawn", "zzremoveditem", "zzsubmitted", "zzreturned", "zzdraftonly", "zzpersonal",
             "zzinternalname", "zzinternal@x.go.th", "0739999")


def public_bodies(client, names, agency) -> dict:
    urls = ["/datasets/", "/datasets/?sort=title_string+asc", "/sitemap.xml", "/robots.txt",
            "/catalog.ttl", "/catalog.jsonld", "/catalog.rdf"]
    for word in ("zz", *FORBIDDEN[:7], "ชุด", "เกษตร"):
        urls.append(f"/datasets/?q={word}")
        urls.append(f"/api/3/action/package_search?q={word}&rows=1000")
    for name in set(names):
        urls += [f"/datasets/{name}/", f"/datasets/{name}.json", f"/datasets/{name}.csv", f"/datasets/{name}.ttl",
                 f"/api/3/action/package_show?id={name}"]
    actions = ["package_search?rows=1000&include_deleted=true&facet.field=" + json.dumps(["tags", "organization"]),
               "package_list", "current_package_list_with_resources", "organization_list?all_fields=true",
               f"organization_show?id={agency.code.lower()}", "group_list?all_fields=true", "tag_list",
               "license_list", "status_show"]
    urls += [f"/api/3/action/{action}" for action in actions] + [f"/api/action/{action}" for action in actions]
    bodies = {}
    for url in urls:
        body = client.get(url).content.decode("utf-8", "replace")
        if "q=" in url:  # the search box and its links repeat what was asked: not a leak
            word = url.split("q=")[1].split("&")[0]
            body = body.replace(f'value="{word}"', "").replace(f"q={word}", "").replace(f"%3Fq%3D{word}", "")
        bodies[url] = body
    return bodies


def test_no_private_value_in_any_public_answer(every_state, client):
    bodies = public_bodies(client, every_state["names"], every_state["agency"])
    leaks = [(url, word) for url, body in bodies.items() for word in FORBIDDEN if word in body]
    assert leaks == []
    everything = "".join(bodies.values())
    assert "zzpublished" in everything and "zzolderapproved" in everything  # the approved versions are shown
