"""The Content-Security-Policy in a real browser: every main page, for every role, loads and draws its
charts without a single CSP violation or console error; stored script payloads never run."""
import io

import pytest

from catalog.demo import demo_users
from catalog.models import Agency, Item
from progress.demo import load_demo as load_progress_demo
from templates_app.demo import load_demo as load_template2_demo
from visualizations.demo import load_demo as load_viz_demo

pytestmark = pytest.mark.browser

# Registered before any page script: records every violation the browser reports.
WATCH_CSP = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sourceFile || '') + ':' + e.lineNumber);
});
"""


@pytest.fixture
def demo(pattani):
    users = {user.username: user for user in demo_users(password="pw-for-tests-2566")}
    load_template2_demo(stdout=io.StringIO())
    load_progress_demo(stdout=io.StringIO())
    load_viz_demo(stdout=io.StringIO())
    return users


@pytest.fixture
def watched(page):
    page.add_init_script(WATCH_CSP)
    console = []
    page.on("console", lambda message: console.append(message.text) if message.type == "error" else None)
    dialogs = []

    def on_dialog(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.console = console
    page.dialogs = dialogs
    return page


def visit(page, url, *, ignore_missing_favicon=False):
    response = page.goto(url)
    assert response.status == 200, url
    policy = response.headers.get("content-security-policy", "")
    assert "script-src 'self'" in policy and "unsafe-eval" not in policy, policy
    page.wait_for_load_state("networkidle")
    plots = page.locator(".viz-plot").count()
    for plot in page.locator(".viz-plot").all():  # dashboards draw a chart when it scrolls into view
        plot.scroll_into_view_if_needed()
    if plots:
        page.wait_for_function("n => document.querySelectorAll('.viz-plot .main-svg').length >= n", arg=plots)
    violations = page.evaluate("window.__csp")
    assert violations == [], f"{url}: {violations}"
    console = page.console
    if ignore_missing_favicon:  # the Django admin names no icon, so Chromium asks for /favicon.ico (a 404)
        console = [text for text in console if "status of 404" not in text]
    assert console == [], f"{url}: {console}"
    assert page.console_errors == [], f"{url}: {page.console_errors}"


def item_pk(code="I1-005"):
    return Item.objects.get(issue__number=1, code=code).pk


PUBLIC = ["/", "/issues/1/", "/issues/3/", "/items/{pk}/", "/viz/issues/1/", "/viz/issues/3/",
          "/viz/issues/1/summary/", "/viz/issues/3/summary/", "/progress/", "/accounts/login/"]
OFFICE = ["/progress/issues/1/", "/progress/issues/3/", "/progress/follow-up/PTN-AGRI/", "/progress/resolutions/",
          "/progress/resolutions/new/", "/progress/gdc/", "/progress/gdc/import/", "/review/",
          "/items/{pk}/metadata/review/", "/items/{pk}/metadata/history/", "/links/", "/agencies/contacts/",
          "/exchange/gdcatalog/", "/viz/data/", "/viz/data/items/{pk}/upload/", "/viz/issues/1/findings/",
          "/issues/1/items/new/", "/items/{pk}/edit/"]
STAFF = ["/my-work/", "/items/{pk}/metadata/", "/items/{pk}/resources/", "/items/{pk}/resources/new/",
         "/exchange/", "/progress/issues/1/"]
ADMIN = ["/admin/", "/admin/accounts/user/", "/admin/accounts/auditevent/", "/admin/catalog/item/",
         "/admin/catalog/item/{pk}/change/"]


def test_public_pages_load_under_the_policy(watched, demo):
    for url in PUBLIC:
        visit(watched, url.format(pk=item_pk()))


def test_office_pages_load_under_the_policy(watched, sign_in, demo):
    sign_in("nso-pattani")
    for url in OFFICE:
        visit(watched, url.format(pk=item_pk()))


def test_agency_pages_load_under_the_policy(watched, sign_in, demo):
    sign_in("ptn-agri")
    for url in STAFF:
        visit(watched, url.format(pk=item_pk()))


def test_admin_pages_load_under_the_policy(watched, sign_in, demo):
    sign_in("admin")
    for url in ADMIN:
        visit(watched, url.format(pk=item_pk()), ignore_missing_favicon=True)


def test_the_other_specify_box_and_the_delete_question_still_work(watched, sign_in, demo):
    """The scripts that were inline now come from static files."""
    sign_in("ptn-agri")
    visit(watched, f"/items/{item_pk()}/metadata/")
    boxes = watched.locator("[data-other-for]")
    assert boxes.count() > 0
    assert any(boxes.nth(i).is_hidden() for i in range(boxes.count()))
    visit(watched, f"/items/{item_pk()}/resources/")
    delete = watched.locator("form[data-confirm] button[type=submit]")
    if delete.count():
        before = watched.locator("form[data-confirm]").count()
        delete.first.click()  # the question is dismissed: nothing is removed
        watched.wait_for_load_state("networkidle")
        assert watched.dialogs and watched.locator("form[data-confirm]").count() == before


SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'


def test_stored_payloads_never_run(watched, sign_in, demo):
    Agency.objects.filter(code="PTN-AGRI").update(name_th=f"เกษตร {IMG}")
    Item.objects.filter(issue__number=1, code="I1-005").update(name_th=f"{SCRIPT} {IMG}")
    from visualizations.services import findings_update

    findings_update(issue=Item.objects.get(issue__number=1, code="I1-005").issue, text=f"- {SCRIPT}\n- **{IMG}**")
    for url in ["/issues/1/", "/items/{pk}/", "/viz/issues/1/", "/viz/issues/1/summary/", "/progress/"]:
        visit(watched, url.format(pk=item_pk()))
    sign_in("nso-pattani")
    for url in ["/progress/issues/1/", "/progress/follow-up/PTN-AGRI/", "/agencies/contacts/", "/review/"]:
        visit(watched, url)
    assert watched.dialogs == []
    # the text is shown as text
    watched.goto("/issues/1/")
    assert watched.get_by_text(SCRIPT, exact=False).count() >= 1
