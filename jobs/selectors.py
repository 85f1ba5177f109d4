"""Reads about jobs: the statistics office sees every job, others their own."""
from django.shortcuts import get_object_or_404

from jobs.models import Job


def _visible(user):
    jobs = Job.objects.select_related("owner")
    return jobs if getattr(user, "can_manage_catalog", False) else jobs.filter(owner=user)


def recent_jobs(*, user, limit: int = 50) -> list[Job]:
    return list(_visible(user)[:limit])


def job_for(*, user, pk: int) -> Job:
    return get_object_or_404(_visible(user), pk=pk)
