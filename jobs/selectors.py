"""Reads about jobs: the statistics office sees every job of its province, others their own (a national
user's own jobs from any province's pages: they belong to none)."""
from django.shortcuts import get_object_or_404

from jobs.models import Job


def _visible(user):
    if getattr(user, "is_national", False):
        return Job._base_manager.select_related("owner").filter(owner=user)
    jobs = Job.objects.select_related("owner")
    return jobs if getattr(user, "can_manage_catalog", False) else jobs.filter(owner=user)


def recent_jobs(*, user, limit: int = 50) -> list[Job]:
    return list(_visible(user)[:limit])


def job_for(*, user, pk: int) -> Job:
    return get_object_or_404(_visible(user), pk=pk)
