"""The national board: every province's tiers, equal to what each province's own dashboard counts."""
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from catalog.models import Province
from core.tenancy import province_scope
from national.selectors import board_totals, national_board
from progress.selectors import METRICS, issue_progress_list
from tests.factories import DimensionFactory, ItemFactory, UserFactory
from tests.progress.factories import committee_approves, record_for


def province_with_work(code: str, name_en: str, *, approved: int) -> Province:
    province = Province.all_objects.create(code=code, name_th=f"จังหวัด {name_en}", name_en=name_en)
    with province_scope(province):
        dimension = DimensionFactory(issue__number=1)
        items = [ItemFactory(dimension=dimension, code=f"I1-{n:03d}") for n in range(4)]
        for item in items[:approved]:
            record_for(item)
        if approved == len(items):
            committee_approves(dimension.issue)
    return province


@pytest.fixture
def provinces(db):
    return [province_with_work("94", "Pattani", approved=1), province_with_work("95", "Yala", approved=4),
            province_with_work("96", "Narathiwat", approved=0)]


def own_dashboard(province: Province) -> list:
    """What the province's own progress page shows (the same selector, in the province)."""
    with province_scope(province):
        return issue_progress_list()


def test_each_row_and_the_totals_equal_the_provinces_own_dashboards(provinces):
    board = national_board()
    assert [row.province.code for row in board] == ["94", "96", "95"]  # lowest tier first, then by code
    for row in board:
        own = own_dashboard(row.province)
        assert [(p.issue.number, p.tier, [c.key for c in p.missing]) for p in row.progress] == \
               [(p.issue.number, p.tier, [c.key for c in p.missing]) for p in own]
        assert row.counts == {m: sum(p.total.counts.get(m, 0) for p in own) for m in METRICS}
    totals = board_totals(board)
    assert totals == {m: sum(sum(p.total.counts.get(m, 0) for p in own_dashboard(p)) for p in provinces)
                      for m in METRICS}
    assert totals["items"] == 12 and totals["approved"] == 5


def test_only_national_roles_see_the_board_and_its_export(client, provinces):
    client.force_login(UserFactory(username="office", role=User.Role.STATISTICS_OFFICE, province=provinces[0]))
    assert client.get("/national/").status_code == 403
    client.force_login(UserFactory(username="nation", role=User.Role.NATIONAL_VIEWER))
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/national/")
    assert page.status_code == 200
    html = page.content.decode()
    assert all(f'data-province="{p.slug}"' in html for p in provinces)
    assert "/progress/issues/1/" in html
    province_with_work("90", "Songkhla", approved=4)
    province_with_work("91", "Satun", approved=2)
    with CaptureQueriesContext(connection) as more:
        assert client.get("/national/").status_code == 200
    assert len(more) == len(queries)  # the same number of queries for 3 provinces and for 5
    book = openpyxl.load_workbook(io.BytesIO(client.get("/national/board.xlsx").content), read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert [row[0] for row in rows[1:]] == ["91", "94", "96", "90", "95"]


def test_drill_down_links_go_to_each_province_host(client, provinces, settings):
    settings.PORTAL_DOMAIN = "catalog.test"
    client.force_login(UserFactory(username="nation", role=User.Role.NATIONAL_ADMIN))
    html = client.get("/national/").content.decode()
    assert "//yala.catalog.test/progress/issues/1/" in html


def test_the_national_viewer_reads_each_province_dashboard_on_its_host(client, provinces, settings):
    settings.PORTAL_DOMAIN = "catalog.test"
    settings.ALLOWED_HOSTS = [".catalog.test"]
    client.force_login(UserFactory(username="nation", role=User.Role.NATIONAL_VIEWER))
    page = client.get("/progress/issues/1/", headers={"host": "yala.catalog.test"})
    assert page.status_code == 200 and "จังหวัด Yala" in page.content.decode()
    assert client.get("/progress/resolutions/new/", headers={"host": "yala.catalog.test"}).status_code == 403


def test_the_trend_is_each_province_tier_month_by_month(client, provinces):
    import datetime as dt

    from progress.models import ProgressSnapshot

    with province_scope(provinces[1]):
        issue = issue_progress_list()[0].issue
    for day, tier in ((dt.date(2022, 11, 3), 0), (dt.date(2022, 11, 20), 50), (dt.date(2022, 12, 5), 75)):
        ProgressSnapshot.objects.create(issue=issue, taken_on=day, tier=tier, numbers={})
    yala = next(row for row in national_board() if row.province == provinces[1])
    assert yala.trend == [(dt.date(2022, 11, 1), 50), (dt.date(2022, 12, 1), 75)]
    client.force_login(UserFactory(username="nation", role=User.Role.NATIONAL_VIEWER))
    assert 'data-month="2022-12"' in client.get("/national/").content.decode()
