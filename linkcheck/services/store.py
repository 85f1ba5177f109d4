"""Storing a batch of check results: each resource with that URL gets its next state, and the run's URL rows
are marked checked, only if this worker still holds them (a worker that lost its lease stores nothing)."""
from django.db import transaction
from django.db.models import F

from linkcheck.check import CheckResult, next_state
from linkcheck.models import LinkCheckURL
from templates_app.models import Resource


def linkcheck_store(*, run_id: int, token: str, results: list[CheckResult]) -> int:
    """Store `results` of URLs claimed with `token`; return how many were still this worker's to store."""
    by_url = {result.url: result for result in results}
    with transaction.atomic():
        rows = dict(LinkCheckURL.objects.select_for_update().filter(
            run_id=run_id, url__in=by_url, state=LinkCheckURL.State.CLAIMED, token=token).values_list(
            "url", "resource_ids"))
        mine = set(rows)
        if not mine:
            return 0
        # A resource someone is saving right now is skipped (checked again next run), never waited for; one
        # whose URL changed since the run started is left alone.
        locked = Resource.objects.select_for_update(skip_locked=True, of=("self",))  # not the joined province path
        resources = [resource for resource in locked.filter(
            pk__in=[pk for pks in rows.values() for pk in pks]).only("url", *Resource.CHECK_FIELDS)
            if resource.url in mine]
        for resource in resources:
            resource.apply_state(next_state(resource.check_state, by_url[resource.url]))
            # One plain UPDATE a resource: bulk_update's CASE per field and row costs far more CPU to build.
            Resource.objects.filter(pk=resource.pk).update(**{name: getattr(resource, name)
                                                              for name in Resource.CHECK_FIELDS})
        for status in {by_url[url].status for url in mine}:
            LinkCheckURL.objects.filter(run_id=run_id, token=token, url__in=[
                url for url in mine if by_url[url].status == status]).update(
                state=LinkCheckURL.State.DONE, status=status, checks=F("checks") + 1)
    return len(mine)
