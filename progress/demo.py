"""Progress demo: the Provincial Statistics Committee approves both issues' requirements documents
(so the 50-point tier is met), a few approved public data sets are registered in the GD Catalog,
and today's snapshot is taken. Idempotent: each step finds what an earlier run made."""
import datetime as dt

from accounts.models import User
from catalog.models import Meeting, Resolution
from catalog.selectors import issue_list
from progress.models import GdcRegistration, GdcState
from progress.services import gdc_register, meeting_resolution_record, snapshot_take
from templates_app.models import MetadataRecord

COMMITTEE = {"body": Meeting.Body.PROVINCIAL_COMMITTEE, "number": "1/2566", "date": dt.date(2023, 3, 15),
             "place": "ห้องประชุมศาลากลางจังหวัดปัตตานี",
             "title": "การประชุมคณะกรรมการสถิติจังหวัดปัตตานี ครั้งที่ 1/2566"}
REGISTERED_PER_ISSUE = 3


def load_demo(*, stdout) -> None:
    office = User.objects.filter(role=User.Role.STATISTICS_OFFICE).order_by("username").first()
    issues = list(issue_list())
    for issue in issues:
        meeting_resolution_record(**COMMITTEE, issue=issue, subject=Resolution.Subject.REQUIREMENTS_DOCUMENT,
                                  decision=Resolution.Decision.APPROVED, by=office,
                                  notes="ที่ประชุมเห็นชอบเอกสารความต้องการในการวิเคราะห์ชุดข้อมูลตามที่เสนอ")
    registered = 0
    for issue in issues:
        records = MetadataRecord.objects.filter(
            item__issue=issue, status=MetadataRecord.Status.APPROVED, is_public_category=True,
        ).order_by("item__code")[:REGISTERED_PER_ISSUE + 1]
        for index, record in enumerate(records):
            if GdcRegistration.objects.filter(record=record).exists():
                continue
            completed = index < REGISTERED_PER_ISSUE
            gdc_register(record=record, url=f"https://gdcatalog.go.th/dataset/{record.dataset_name}" if completed
                         else "", registered_on=dt.date(2023, 6, 1 + index) if completed else None,
                         state=GdcState.COMPLETED if completed else GdcState.WAIT, by=office)
            registered += 1
    snapshots = snapshot_take()
    stdout.write(f"Progress: committee approvals for {len(issues)} issue(s), {registered} GD Catalog "
                 f"registration(s) added, {len(snapshots)} snapshot(s) for today.")
