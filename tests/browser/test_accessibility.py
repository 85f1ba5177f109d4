"""axe-core on every page, as every role: no serious or critical violation.

axe is injected by the test browser (Playwright evaluates it through the DevTools protocol, which
the page's Content-Security-Policy does not govern): the policy itself stays as strict as it is.
One browser, one context per role, the demo loaded once; dashboards are scrolled so every chart
(and its toolbar) is drawn before axe runs. The counts per page are written to
test-artifacts/axe-report.json.
"""
import io
import json
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from accounts.models import User
from catalog.models import Item
from opendata.models import PublishedDataset
from opendata.services import published_refresh
from templates_app.models import MetadataRecord

pytestmark = pytest.mark.browser

BLOCKING = ("serious", "critical")
REPORT = Path(settings.BASE_DIR) / "test-artifacts" / "axe-report.json"
ALL_DRAWN = ("() => [...document.querySelectorAll('[data-chart-json]')]"
             ".every(el => el.hasAttribute('data-drawn'))")


def _pages() -> dict:
    """Every page (GET, HTML) by the role that sees it, with real records from the demo."""
    own = Item.objects.get(issue__number=1, code="I1-005")
    record = MetadataRecord.objects.filter(item__agency__code="PTN-AGRI").order_by("item__code").first()
    submitted = MetadataRecord.objects.filter(status="submitted").order_by("pk").first()
    published_refresh()
    published = PublishedDataset.objects.order_by("name").first()
    public = [
        reverse("catalog:home"), reverse("catalog:issue-detail", args=[1]), reverse("catalog:issue-detail", args=[3]),
        reverse("catalog:item-detail", args=[own.pk]),
        *[reverse(f"visualizations:{name}", args=[n]) for name in ("issue-dashboard", "issue-summary") for n in (1, 3)],
        reverse("progress:overview"), reverse("login"), reverse("password_reset"), "/no-such-page/",
        reverse("help"), reverse("opendata:dataset-list"), reverse("opendata:dataset-list") + "?q=ทุเรียน",
        reverse("opendata:dataset-detail", args=[published.name]),
    ]
    agency = [
        reverse("templates_app:my-work"), reverse("templates_app:metadata-edit", args=[record.item_id]),
        reverse("templates_app:metadata-history", args=[record.item_id]),
        reverse("templates_app:resource-list", args=[record.item_id]),
        reverse("templates_app:resource-create", args=[record.item_id]), reverse("templates_app:exchange"),
        reverse("visualizations:upload-index"), reverse("visualizations:item-upload", args=[own.pk]),
        reverse("progress:dashboard", args=[1]), reverse("progress:items") + "?issue=1&agency=PTN-AGRI",
        reverse("progress:follow-up", args=["PTN-AGRI"]), reverse("password_change"),
        reverse("notifications:list"), reverse("jobs:list"),
    ]
    office = [
        reverse("templates_app:review-queue"), reverse("templates_app:metadata-review", args=[submitted.item_id]),
        reverse("templates_app:item-create", args=[1]), reverse("templates_app:item-edit", args=[own.pk]),
        reverse("templates_app:item-remove", args=[own.pk]), reverse("templates_app:link-problems"),
        reverse("templates_app:agency-list"), reverse("templates_app:agency-edit", args=["PTN-AGRI"]),
        reverse("templates_app:gdcatalog-export"), reverse("progress:dashboard", args=[3]),
        reverse("progress:items") + "?issue=1", reverse("progress:resolutions"), reverse("progress:resolution-new"), reverse("progress:gdc"),
        reverse("progress:gdc-import"), reverse("visualizations:findings-edit", args=[1]),
        reverse("visualizations:issue-dashboard", args=[3]),
        reverse("jobs:gdcatalog-start"), reverse("notifications:deadlines"),
    ]
    admin_user = User.objects.get(username="admin")
    admin = [reverse("admin:index"), reverse("admin:accounts_user_changelist"),
             reverse("admin:accounts_user_change", args=[admin_user.pk])]
    return {"anonymous": (None, public), "ptn-agri": ("ptn-agri", agency), "nso-pattani": ("nso-pattani", office),
            "admin": ("admin", admin)}


def _signed_in_context(browser, live_server, username):
    context = browser.new_context(base_url=live_server.url, locale="th-TH", viewport={"width": 1366, "height": 768})
    if username:
        client = Client()
        client.force_login(User.objects.get(username=username))
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "url": live_server.url,
                              "value": client.cookies[settings.SESSION_COOKIE_NAME].value}])
    return context


def _draw_every_chart(page) -> None:
    for plot in page.locator("[data-chart-json]").all():
        plot.scroll_into_view_if_needed()
    page.wait_for_function(ALL_DRAWN)


def test_no_serious_or_critical_axe_violation_on_any_page_as_any_role(browser, live_server, transactional_db):
    call_command("load_demo", stdout=io.StringIO())
    axe, report, failures = Axe(), {}, []
    for role, (username, paths) in _pages().items():
        context = _signed_in_context(browser, live_server, username)
        page = context.new_page()
        page.set_default_timeout(20_000)
        for path in paths:
            response = page.goto(path)
            assert response.status == (404 if path == "/no-such-page/" else 200), (role, path, response.status)
            _draw_every_chart(page)
            violations = [v for v in axe.run(page).response["violations"] if v["impact"] in BLOCKING]
            report[f"{role} {path}"] = {v["id"]: len(v["nodes"]) for v in violations}
            failures += [f"{role} {path}: {v['id']} ({v['impact']}) at {[n['target'] for n in v['nodes'][:3]]}"
                         for v in violations]
        context.close()
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    assert len(report) >= 40
    assert failures == []
