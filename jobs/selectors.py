"""Reads about jobs: whoever manages the catalog (the statistics office, a province's admin, a national admin
on that province's host) sees every job of the province; everyone sees their own jobs, a national user's
from any province's pages (such a job belongs to no province)."""
from django.db.models import Q
from django.shortcuts import get_object_or_404

from jobs.models import Job


def _visible(user):
    seen = Q(owner=user)
    if getattr(user, "can_manage_catalog", False):
        seen |= Q(pk__in=Job.objects.values("pk"))  # the scoped manager: this province's jobs
    return Job._base_manager.select_related("owner").filter(seen)


def recent_jobs(*, user, limit: int = 50) -> list[Job]:
    return list(_visible(user)[:limit])


def job_for(*, user, pk: int) -> Job:
    return get_object_or_404(_visible(user), pk=pk)
