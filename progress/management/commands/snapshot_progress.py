from django.core.management.base import BaseCommand

from progress.services import snapshot_take


class Command(BaseCommand):
    help = "Store today's completeness numbers and tier criteria per development issue (run daily; safe to repeat)."

    def handle(self, *args, **options):
        snapshots = snapshot_take()
        for snapshot in snapshots:
            self.stdout.write(f"issue {snapshot.issue.number}: tier {snapshot.tier} ({snapshot.taken_on.isoformat()})")
        self.stdout.write(self.style.SUCCESS(f"{len(snapshots)} snapshot(s) stored."))
