"""Check every Template 3 link for real and store its state (nightly, from cron)."""
import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from linkcheck.check import Status
from linkcheck.services import linkcheck_run_inline, linkcheck_run_start, run_resources
from templates_app.services.resources import Checked


class Command(BaseCommand):
    help = ("Check the source URLs of Template 3 records (a small GET) and store each one's state: ok, broken, "
            "unsure, tls_error, or offline when the checker could not reach the internet. Progress goes to stderr.")

    def add_arguments(self, parser):
        parser.add_argument("--agency", help="Only this agency's links (agency code, e.g. PTN-AGRI).")
        parser.add_argument("--stale-hours", type=float, metavar="N",
                            help="Only links not checked in the last N hours (never-checked ones included).")
        parser.add_argument("--concurrency", type=int, default=16, metavar="N",
                            help="Check at most N links at once (default 16, what the nightly job uses); at most "
                                 "LINKCHECK_PER_HOST of them against one host.")
        parser.add_argument("--json", action="store_true", dest="as_json",
                            help="Print the results to stdout as a JSON list.")

    def handle(self, *args, agency=None, stale_hours=None, as_json=False, concurrency=16, **options):
        if stale_hours is not None and stale_hours < 0:
            raise CommandError("--stale-hours must be 0 or more.")
        if concurrency < 1:
            raise CommandError("--concurrency must be at least 1.")
        run = linkcheck_run_start(agency=agency, stale_hours=stale_hours)  # the job engine's service, run inline
        done = iter(range(1, run.total + 1))
        results = linkcheck_run_inline(run=run, concurrency=concurrency,
                                       on_result=lambda result: self._progress(result, next(done), run.total))
        checked = [Checked(resource, results[resource.url]) for resource in run_resources(run=run)]
        if as_json:
            self.stdout.write(_dumps([_row(c.resource) for c in checked]))
        else:
            counts = {}
            for c in checked:
                counts[c.resource.url_status] = counts.get(c.resource.url_status, 0) + 1
            summary = ", ".join(f"{status} {n}" for status, n in sorted(counts.items())) or "nothing to check"
            self.stdout.write(f"Checked {len(checked)} link(s): {summary}")
        if any(c.result.status == Status.OFFLINE for c in checked):
            self.stderr.write("The checker could not reach the internet (no probe target answered: "
                              f"{', '.join(settings.URLCHECK_PROBE_TARGETS)}): those links were not checked.")

    def _progress(self, result, done, total):
        width = 30
        filled = width * done // total if total else width
        self.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending="")
        if done == total:
            self.stderr.write("")


def _row(resource) -> dict:
    return {"dataset": resource.record.dataset_name, "url": resource.url, "status": resource.url_status,
            "http_status": resource.http_status, "final_url": resource.final_url,
            "checked_at": resource.checked_at.isoformat() if resource.checked_at else None,
            "failure_count": resource.failure_count}


def _dumps(rows) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=2)
