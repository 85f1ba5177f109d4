"""The Pattani demo: reference lists from `fixtures/` and one user per role and agency."""
import os
from dataclasses import replace
from pathlib import Path

from django.conf import settings

from accounts.models import User
from accounts.services import user_upsert
from catalog.models import Agency, DevelopmentIssue, Meeting, Province, Resolution
from catalog.services import ReferenceFiles, reference_load, resolution_record
from core.tenancy import province_scope

DEFAULT_DEMO_PASSWORD = "pattani-demo-2566"
PATTANI_CODE = "94"


def demo_files() -> ReferenceFiles:
    fixtures = Path(settings.BASE_DIR) / "fixtures"
    return ReferenceFiles(
        province=fixtures / "province.csv", agencies=fixtures / "agencies.csv", issues=fixtures / "issues.csv",
        dimensions=fixtures / "dimensions.csv", items=fixtures / "template1_items.csv",
        districts=fixtures / "districts.csv", meetings=fixtures / "meetings.csv",
    )


def demo_users(*, password: str | None = None, prefix: str = "", office: str = "nso-pattani") -> list[User]:
    """`admin`, `nso-pattani`, and one agency-staff user per agency named by its code in lower case
    (another province's: each name after `prefix`, e.g. `yala-admin`), all of the current province."""
    password = password or os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD
    province = Province.objects.order_by("pk").first()
    users = [
        user_upsert(username=f"{prefix}admin", password=password, role=User.Role.ADMIN, first_name="ผู้ดูแลระบบ",
                    province=province),
        user_upsert(username=office, password=password, role=User.Role.STATISTICS_OFFICE, province=province,
                    first_name=f"สำนักงานสถิติจังหวัด{province.name_th if province else ''}"),
    ]
    for agency in Agency.objects.order_by("code"):
        users.append(user_upsert(username=f"{prefix}{agency.code.lower()}", password=password,
                                 role=User.Role.AGENCY_STAFF, agency=agency, first_name=agency.name_th[:150]))
    return users


def demo_province_load(*, province: Province, stdout, password: str | None = None) -> None:
    """Give `province` the Pattani lists as synthetic demo data (marked `is_demo`), its own users
    (`<slug>-admin`, `nso-<slug>`, `<slug>-<agency code>`) and every app's demo records."""
    from catalog.management.commands.load_demo import demo_modules

    Province.all_objects.filter(pk=province.pk).update(is_demo=True)
    with province_scope(province):
        # Districts are the province's own (DOPA codes): a synthetic province has none.
        reference_load(files=replace(demo_files(), districts=None), province=province)
        demo_resolutions()
        demo_users(password=password, prefix=f"{province.slug}-", office=f"nso-{province.slug}")
        # No dashboards tables: those are drawn on Pattani's districts, which a synthetic province has not.
        for module in demo_modules(exclude=("catalog", "visualizations")):
            module.load_demo(stdout=stdout)


def demo_resolutions() -> None:
    """The working group of 7 Feb 2566 approved the Template 1 changes of both issues."""
    meeting = Meeting.objects.filter(date="2023-02-07", body=Meeting.Body.WORKING_GROUP).first()
    if meeting is None:
        return
    for issue in DevelopmentIssue.objects.filter(items__revisions__meeting=meeting).distinct():
        resolution_record(meeting=meeting, issue=issue, subject=Resolution.Subject.TEMPLATE1_CHANGES,
                          decision=Resolution.Decision.APPROVED,
                          notes="ที่ประชุมเห็นชอบการปรับปรุงบัญชีรายการข้อมูล (แบบ 1) ตามที่เสนอ")


def load_demo(*, stdout) -> None:
    report = reference_load(files=demo_files())
    stdout.write(f"Reference data: {report.counts}")
    with province_scope(Province.all_objects.get(code=PATTANI_CODE)):
        demo_resolutions()
        users = demo_users()
    password_note = "DEMO_PASSWORD" if os.environ.get("DEMO_PASSWORD") else DEFAULT_DEMO_PASSWORD
    stdout.write(f"Demo users (password: {password_note}):")
    for user in users:
        stdout.write(f"  {user.username:<14} {user.get_role_display()}" + (f" · {user.agency.code}" if user.agency else ""))
