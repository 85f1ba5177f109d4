"""The office's day from the menu, at a 1366×768 laptop and a 390×844 phone, in Thai and English: the
grouped menu reaches its pages, the bar never wraps, the completeness page and the GD registration page fit."""
import pytest

from catalog.demo import demo_files, demo_users
from catalog.services import reference_load

from .screens import shoot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NAV_ONE_LINE = 80  # px: the bar's height when nothing in it wraps (the brand is two lines of text)


@pytest.fixture
def pattani_demo():
    reference_load(files=demo_files())
    demo_users(password="pw-for-tests-2566")


def nav_height(page) -> float:
    return page.evaluate("document.querySelector('nav.navbar').getBoundingClientRect().height")


@pytest.mark.parametrize("language", ["th", "en"])
def test_the_office_menu_fits_and_reaches_every_page(page, sign_in, pattani_demo, language):
    page.set_viewport_size({"width": 1366, "height": 768})
    sign_in("nso-pattani")
    page.goto(f"/language/?language={language}&next=/")
    assert nav_height(page) <= NAV_ONE_LINE
    switch = page.locator("nav .btn[lang]")
    assert switch.bounding_box()["height"] < 40  # "ภาษาไทย" / "English" on one line
    user_menu = page.locator("#user-menu").bounding_box()
    assert user_menu["x"] + user_menu["width"] <= 1366  # not cut off

    page.click("#office-menu > a")
    menu = page.locator("#office-menu .dropdown-menu")
    assert menu.is_visible() and menu.locator(".dropdown-header").count() == 3
    box = menu.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 1366 and box["y"] + box["height"] <= 768
    shoot(page, f"office-menu-{language}", sizes=((1366, 768),))
    menu.locator("a[href='/progress/gdc/']").click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/progress/gdc/")

    for path in ("/review/", "/links/", "/agencies/contacts/", "/progress/resolutions/", "/progress/issues/1/"):
        page.click("#office-menu > a")
        page.locator(f"#office-menu .dropdown-menu a[href='{path}']").click()
        page.wait_for_load_state("networkidle")
        assert page.url.endswith(path) and nav_height(page) <= NAV_ONE_LINE
    assert page.console_errors == []


@pytest.mark.parametrize("username", ["ptn-agri", "admin"])
def test_other_roles_english_menu_stays_on_one_line(page, sign_in, pattani_demo, username):
    page.set_viewport_size({"width": 1366, "height": 768})
    sign_in(username)
    page.goto("/language/?language=en&next=/")
    assert nav_height(page) <= NAV_ONE_LINE
    links = page.locator("#mainnav .nav-link")
    tops = {round(links.nth(i).bounding_box()["y"]) for i in range(links.count()) if links.nth(i).is_visible()}
    assert len(tops) == 1, tops  # every entry on the same row
    shoot(page, f"menu-en-{username}", sizes=((1366, 768),))


def test_the_menu_on_a_phone(page, sign_in, pattani_demo):
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in("nso-pattani")
    page.click("button.navbar-toggler")
    page.click("#office-menu > a")
    link = page.locator("#office-menu .dropdown-menu a[href='/progress/resolutions/']")
    link.scroll_into_view_if_needed()
    assert link.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shoot(page, "office-menu-phone", sizes=((390, 844),))


@pytest.mark.parametrize("language", ["th", "en"])
def test_completeness_and_registration_pages_fit_a_laptop(page, sign_in, pattani_demo, language):
    from progress.demo import load_demo as load_progress
    from templates_app.demo import load_demo as load_template2
    import io

    load_template2(stdout=io.StringIO())
    load_progress(stdout=io.StringIO())
    page.set_viewport_size({"width": 1366, "height": 768})
    sign_in("nso-pattani")
    page.goto(f"/language/?language={language}&next=/progress/issues/1/")
    page.wait_for_load_state("networkidle")
    fits = "(sel) => { const t = document.querySelector(sel); return t.scrollWidth <= t.parentElement.clientWidth; }"
    assert page.evaluate(fits, "#matrix-agency")
    gdc_column = page.locator("#matrix-agency th:last-child").bounding_box()
    assert gdc_column["x"] + gdc_column["width"] <= 1366  # the GD Catalog column is on screen
    shoot(page, f"completeness-{language}", scroll_to="#matrix-agency")
    page.goto("/progress/gdc/")
    assert page.evaluate(fits, "#gdc") and page.locator("#gdc tbody form").count() == 0
    page.click("#gdc-select-all")
    assert page.locator("#gdc input[name=record]:checked").count() == page.locator("#gdc input[name=record]").count()
    shoot(page, f"gdc-registration-{language}")
    assert page.console_errors == []
