"""The progress chart builders on plain data: no database, no request."""
from progress.charts import agency_stack_figure, history_figure, tier_progress_figure
from visualizations.charts.style import OKABE_ITO


def test_agency_stack_splits_each_agency_into_approved_complete_and_missing():
    fig = agency_stack_figure(title="แบบ 2", agencies=[
        {"label": "PTN-AGRI", "items": 12, "template2": 9, "approved": 4},
        {"label": "<b>X</b>", "items": 2, "template2": 0, "approved": 0}])
    approved, complete, missing = fig.data
    assert list(approved.x) == [4, 0] and list(complete.x) == [5, 0] and list(missing.x) == [3, 2]
    assert fig.layout.barmode == "stack" and approved.marker.color == OKABE_ITO[2]
    assert list(approved.y) == ["PTN-AGRI", "&lt;b&gt;X&lt;/b&gt;"]  # labels are escaped for plotly


def test_tier_progress_has_one_bar_group_per_issue_and_a_100_percent_line():
    fig = tier_progress_figure(title="t", issues=[
        {"label": "ประเด็นที่ 1", "criteria": [{"label": "a", "percent": 100}, {"label": "b", "percent": 40}]},
        {"label": "ประเด็นที่ 3", "criteria": [{"label": "a", "percent": 0}, {"label": "b", "percent": 75}]}])
    assert [trace.name for trace in fig.data] == ["a", "b"]
    assert list(fig.data[1].y) == [40, 75] and list(fig.data[1].text) == ["40%", "75%"]
    assert fig.layout.shapes[0].y0 == 100


def test_history_draws_a_line_per_criterion():
    fig = history_figure(title="h", days=["1 ม.ค. 2567", "2 ม.ค. 2567"],
                         lines=[{"label": "a", "values": [10, 20]}, {"label": "b", "values": [0, 100]}])
    assert [trace.mode for trace in fig.data] == ["lines+markers"] * 2
    assert list(fig.data[1].y) == [0, 100] and fig.layout.xaxis.type == "category"


def test_agency_stack_draws_two_line_labels_and_names_the_agency_under_the_pointer():
    fig = agency_stack_figure(title="แบบ 2", agencies=[
        {"label": "สนง.พัฒนาสังคมฯ\nจังหวัด", "name": "สำนักงาน <พัฒนา>", "items": 1, "template2": 1, "approved": 1}])
    assert list(fig.data[0].y) == ["สนง.พัฒนาสังคมฯ<br>จังหวัด"]
    assert list(fig.data[0].customdata) == ["สำนักงาน &lt;พัฒนา&gt;"] and "%{customdata}" in fig.data[0].hovertemplate
