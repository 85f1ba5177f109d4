"""Reads for the public pages: one published data set with its live link states, and facet labels."""
from django.http import Http404

from catalog.models import Agency, DevelopmentIssue
from opendata.models import PublishedDataset
from opendata.packages import group_name, org_name, stable_id
from templates_app.models import Resource


def published_get(*, name: str) -> PublishedDataset:
    row = (PublishedDataset.objects.filter(name=name, state=PublishedDataset.State.ACTIVE)
           .select_related("record__item__issue").first())
    if row is None:
        raise Http404("No published data set with this code.")
    return row


def link_states(dataset: PublishedDataset) -> dict:
    """{resource id in the package: its Resource row} (the link checker's last state lives there)."""
    return {stable_id("resource", resource.pk): resource for resource in Resource.objects.filter(record=dataset.record_id)}


def facet_labels() -> dict:
    """{facet field: {value: label}} for the facets whose values are codes (agencies, issues)."""
    return {"organization": {org_name(agency): agency.name for agency in Agency.objects.all()},
            "groups": {group_name(issue): issue.title for issue in DevelopmentIssue.objects.all()}}
