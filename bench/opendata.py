"""The public catalog's measures: building the read model, a faceted Thai search (p95), a data set page,
and harvesting through `package_search` pages of 100 with resources (queries per page, data sets per second).

Called once per size by `python -m bench`, after the items of that size exist (all approved, public).
"""
import statistics
import time

SEARCH = "/datasets/?q=ทุเรียนปัตตานี&res_format=CSV"
HARVEST = "/api/3/action/package_search?sort=id%20asc&rows=100&start={start}"


def _request(client, url: str) -> tuple[float, int, object]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(url)
        seconds = time.perf_counter() - started
    assert response.status_code == 200, (url, response.status_code)
    return seconds, len(queries), response


def _p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def measure(*, runs: int = 5) -> dict:
    from django.test import Client

    from opendata.models import PublishedDataset
    from opendata.services import published_refresh

    started = time.perf_counter()
    published_refresh(full=True)  # the generator bulk-inserts records without history: a full rebuild, as after any bulk load
    refresh_seconds = time.perf_counter() - started
    client = Client()
    total = PublishedDataset.objects.filter(state="active").count()
    _request(client, SEARCH)  # warm-up (the segmenter's dictionary)
    search = [_request(client, SEARCH) for _ in range(max(runs, 5) * 4)]
    name = PublishedDataset.objects.order_by("name").values_list("name", flat=True).first()
    detail = [_request(client, f"/datasets/{name}/") for _ in range(runs)]
    starts = sorted({0, (total // 200) * 100, max(0, (total - 1) // 100 * 100)})
    harvest = [_request(client, HARVEST.format(start=start)) for start in starts for _ in range(max(1, runs // 2))]
    page_seconds = statistics.median(seconds for seconds, _q, _r in harvest)
    per_page = statistics.median(len(response.json()["result"]["results"]) for _s, _q, response in harvest)
    return {
        "datasets": total, "refresh_seconds": round(refresh_seconds, 3),
        "search_p95_ms": round(1000 * _p95([s for s, _q, _r in search]), 1),
        "search_queries": max(q for _s, q, _r in search),
        "detail_ms": round(1000 * statistics.median(s for s, _q, _r in detail), 1),
        "detail_queries": max(q for _s, q, _r in detail),
        "harvest_page_ms": round(1000 * page_seconds, 1),
        "harvest_queries": sorted({q for _s, q, _r in harvest}),
        "harvest_page_rows": per_page,
        "harvest_ms_per_dataset": round(1000 * page_seconds / max(per_page, 1), 3),
        "harvest_datasets_per_second": round(per_page / page_seconds, 1),
    }


def add_rows(r: dict, add) -> None:
    """The table's lines for the catalog (`add(name, ours, baseline, ratio, target, ok)`)."""
    sizes = [str(size) for size in r["sizes"]]
    small, large = (r["opendata"][size] for size in sizes)
    add(f"catalog faceted Thai search p95 ms ({sizes[1]})", f"{large['search_p95_ms']:.0f}",
        f"{small['search_p95_ms']:.0f}", "-", "≤ 250", large["search_p95_ms"] <= 250)
    add("catalog search queries", str(large["search_queries"]), str(small["search_queries"]), "-", "equal",
        large["search_queries"] == small["search_queries"])
    add("catalog data set page queries", str(large["detail_queries"]), str(small["detail_queries"]), "-", "equal",
        large["detail_queries"] == small["detail_queries"])
    growth = large["harvest_ms_per_dataset"] / small["harvest_ms_per_dataset"]
    add("harvest page of 100: ms per data set", f"{large['harvest_ms_per_dataset']:.2f}",
        f"{small['harvest_ms_per_dataset']:.2f}", f"{growth:.2f}", "≤ 1.5", growth <= 1.5)
    add("harvest queries per page", str(large["harvest_queries"]), str(small["harvest_queries"]), "-", "equal",
        large["harvest_queries"] == small["harvest_queries"])
    add("harvest data sets per second", f"{large['harvest_datasets_per_second']:.0f}", "1 (CKAN)", "-", "report", True)
