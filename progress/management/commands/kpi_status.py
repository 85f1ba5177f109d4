import json

from django.core.management.base import BaseCommand, CommandError

from catalog.selectors import issue_list
from progress.selectors import issue_progress_list, province_tier


class Command(BaseCommand):
    help = "Print the indicator's tier per development issue and the province, with every criterion and its numbers."

    def add_arguments(self, parser):
        parser.add_argument("--issue", type=int, help="Only this development issue (its number).")
        parser.add_argument("--json", action="store_true", help="Print JSON instead of text.")

    def handle(self, *args, issue=None, json=False, **options):
        issues = list(issue_list())
        if issue is not None:
            issues = [i for i in issues if i.number == issue]
            if not issues:
                raise CommandError(f"No development issue number {issue} in the current fiscal year.")
        progress = issue_progress_list(issues=issues)
        data = {"province_tier": province_tier(progress), "issues": [p.as_dict() for p in progress]}
        if json:
            self.stdout.write(_dumps(data))
            return
        self.stdout.write(f"Province tier: {data['province_tier']}")
        for entry in data["issues"]:
            self.stdout.write(f"\nIssue {entry['issue']}: tier {entry['tier']} — {entry['title']}")
            for criterion in entry["criteria"]:
                numbers = f" ({criterion['done']}/{criterion['of']})" if criterion["of"] is not None else ""
                state = "met" if criterion["met"] else "NOT met"
                self.stdout.write(f"  [{criterion['tier']:>3}] {criterion['key']:<24} {state}{numbers}")
            if entry["missing_for_next"]:
                self.stdout.write(f"  missing for {entry['next_tier']}: {', '.join(entry['missing_for_next'])}")


def _dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
