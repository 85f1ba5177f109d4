"""The measurements. Each returns plain dicts (seconds, counts) that `bench.__main__` tabulates."""
import gc
import http.client
import io
import itertools
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import tracemalloc
from pathlib import Path

from openpyxl import Workbook, load_workbook

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent


def _timed(function, *args, **kwargs):
    gc.collect()
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - started, result


# ---- 1. GD Catalog export vs a bare write-only workbook of the same cells ----------------------------------

def read_cells(path) -> list[tuple[str, list[tuple]]]:
    """Every sheet of a workbook with its rows of values, as written (pre-flight sheet included)."""
    workbook = load_workbook(path, read_only=True)
    try:
        return [(sheet.title, [tuple(row) for row in sheet.iter_rows(values_only=True)]) for sheet in workbook]
    finally:
        workbook.close()


def bare_write(sheets, path) -> None:
    workbook = Workbook(write_only=True)
    for title, rows in sheets:
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(path)


def export(*, path: Path, runs: int = 3, memory: bool = True) -> dict:
    """Time `gdcatalog_export` of everything (median of `runs`) against `bare_write` of its own cells."""
    from templates_app.spreadsheets.gdc_export import gdcatalog_export

    ours, summary = [], None
    for _ in range(runs):
        seconds, summary = _timed(gdcatalog_export, stream=str(path))
        ours.append(seconds)
    sheets = read_cells(path)
    bare_path = path.with_name(path.stem + "-bare.xlsx")
    baseline = [_timed(bare_write, sheets, str(bare_path))[0] for _ in range(runs)]
    result = {"records": summary.records, "resources": summary.resources,
              "rows": sum(len(rows) for _title, rows in sheets),
              "cells": sum(len(row) for _title, rows in sheets for row in rows),
              "seconds": statistics.median(ours), "baseline_seconds": statistics.median(baseline)}
    result["ratio"] = result["seconds"] / result["baseline_seconds"]
    result["ms_per_item"] = 1000 * result["seconds"] / max(1, summary.records)
    if memory:
        gc.collect()
        tracemalloc.start()
        gdcatalog_export(stream=io.BytesIO())  # the workbook kept in memory counts too
        result["peak_mb"] = tracemalloc.get_traced_memory()[1] / 1024 / 1024
        tracemalloc.stop()
    bare_path.unlink(missing_ok=True)
    return result


# ---- 2. Workbook import vs a bare read-only pass -----------------------------------------------------------

def import_file(*, agency, path: Path) -> dict:
    """The agency's own workbook with every data row edited (a Temp2 `notes`, a Temp3 `description`)."""
    from templates_app.spreadsheets.gdc_export import agency_workbook
    from templates_app.spreadsheets.gdc_layout import FIRST_DATA_ROW, sheet_specs

    buffer = io.BytesIO()
    agency_workbook(stream=buffer, agency=agency)
    buffer.seek(0)
    workbook = load_workbook(buffer)
    rows = 0
    for spec in sheet_specs():
        names = [column.name for column in spec.columns]
        target = "notes" if "notes" in names else "description"
        column = names.index(target) + 1
        sheet = workbook[spec.title]
        for row in range(FIRST_DATA_ROW, sheet.max_row + 1):
            if sheet.cell(row, 1).value:
                cell = sheet.cell(row, column)
                cell.value = f"{cell.value} (แก้ไขในการทดสอบสมรรถนะ)"
                rows += 1
    workbook.save(path)
    return {"rows": rows, "bytes": path.stat().st_size}


def bare_read(path) -> int:
    workbook = load_workbook(path, read_only=True, data_only=True)
    cells = 0
    try:
        for sheet in workbook:
            for row in sheet.iter_rows(values_only=True):
                cells += len(row)
    finally:
        workbook.close()
    return cells


def workbook_import(*, agency, user, path: Path, runs: int = 3) -> dict:
    """Dry run (median of `runs`) and one apply, each against the median bare read of the same file."""
    from templates_app.spreadsheets.gdc_import import workbook_import as run_import

    def once(dry_run):
        with open(path, "rb") as file:
            return run_import(file=file, agency=agency, user=user, dry_run=dry_run)

    baseline = statistics.median(_timed(bare_read, path)[0] for _ in range(runs))
    dry = []
    for _ in range(runs):
        seconds, report = _timed(once, True)
        assert not report.errors, report.errors[:3]
        dry.append(seconds)
    apply_seconds, report = _timed(once, False)
    assert report.applied and not report.errors, report.errors[:3]
    counts = {}
    for outcome in report.rows:
        counts[str(outcome.status)] = counts.get(str(outcome.status), 0) + 1
    return {"baseline_seconds": baseline, "dry_run_seconds": statistics.median(dry), "apply_seconds": apply_seconds,
            "dry_run_ratio": statistics.median(dry) / baseline, "apply_ratio": apply_seconds / baseline,
            "outcomes": counts}


# ---- 3. Pages: server time and queries through the test client ----------------------------------------------

def page(client, url: str, *, runs: int = 5) -> dict:
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response = client.get(url)  # warm-up
    assert response.status_code == 200, (url, response.status_code)
    times = []
    for _ in range(runs):
        cache.clear()  # every timed request renders the page (the HTTP measure shows the page cache at work)
        with CaptureQueriesContext(connection) as queries:
            seconds, response = _timed(client.get, url)
        assert response.status_code == 200, (url, response.status_code)
        times.append(seconds)
    return {"url": url, "seconds": statistics.median(times), "queries": len(queries), "bytes": len(response.content)}


def pages(*, issue_number: int, agency_code: str, runs: int = 5) -> dict:
    from django.test import Client

    from accounts.models import User

    anonymous = Client()
    office, staff = Client(), Client()
    office.force_login(User.objects.get(username="office"))
    staff.force_login(User.objects.get(username=agency_code.lower()))
    return {
        "dashboard": page(office, f"/progress/issues/{issue_number}/", runs=runs),
        "item_list": page(anonymous, f"/issues/{issue_number}/", runs=runs),
        "my_work": page(staff, "/my-work/", runs=runs),
    }


# ---- 4. HTTP throughput under gunicorn ---------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def load(port: int, path: str | list[str], *, clients: int, seconds: float, unique: bool = False,
         cookie: str = "") -> dict:
    """`clients` threads, each one keep-alive connection to 127.0.0.1, GET `path` until `seconds` pass.

    `unique`: every request gets its own query string (`?bench=N`), so no page cache can answer it.
    A list of paths is a mix, taken in turn; `cookie` is sent with each request (a signed-in session).
    """
    paths = [path] if isinstance(path, str) else path
    headers = {"Cookie": cookie} if cookie else {}
    latencies, errors, lock = [], [0], threading.Lock()
    deadline = time.monotonic() + seconds
    counter = itertools.count()

    def worker():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        mine = []
        while time.monotonic() < deadline:
            number = next(counter)
            path = paths[number % len(paths)]
            started = time.perf_counter()
            try:
                connection.request("GET", f"{path}?bench={number}" if unique else path, headers=headers)
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
            except (OSError, http.client.HTTPException):
                ok = False
                connection.close()
            if ok:
                mine.append(time.perf_counter() - started)
            else:
                with lock:
                    errors[0] += 1
        connection.close()
        with lock:
            latencies.extend(mine)

    started = time.monotonic()
    threads = [threading.Thread(target=worker, daemon=True) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 60)
    elapsed = time.monotonic() - started
    latencies.sort()
    p50, p95 = (latencies[int(p * (len(latencies) - 1))] if latencies else None for p in (0.5, 0.95))
    return {"requests": len(latencies), "errors": errors[0], "seconds": elapsed, "rps": len(latencies) / elapsed,
            "p50_ms": 1000 * p50 if p50 is not None else None, "p95_ms": 1000 * p95 if p95 is not None else None}


def http_throughput(*, url_path: str, page_bytes: int, clients: int = 16, seconds: float = 20.0,
                    workers: int = 2, log_path: Path = BENCH_DIR / "gunicorn.log") -> dict:
    """The item list page vs `/bench/static-page/` of the same size, from one gunicorn (`workers` sync workers).

    `ours` is the page as visitors who are not signed in get it (the page cache, checked against
    the data's fingerprint on every request); `rendered` is the same page rendered for every request.
    """
    port = _free_port()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "BENCH_STATIC_PAGE_BYTES": str(page_bytes)}
    log = open(log_path, "wb")
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
         "--timeout", "120", "--keep-alive", "30"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        _wait_ready(port, url_path)
        warm = min(3.0, seconds / 4)
        load(port, url_path, clients=clients, seconds=warm)
        ours = load(port, url_path, clients=clients, seconds=seconds)
        rendered = load(port, url_path, clients=clients, seconds=seconds, unique=True)
        load(port, "/bench/static-page/", clients=clients, seconds=warm)
        baseline = load(port, "/bench/static-page/", clients=clients, seconds=seconds)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        log.close()
    return {"clients": clients, "workers": workers, "page_bytes": page_bytes, "ours": ours, "baseline": baseline,
            "rendered": rendered,
            "ratio": ours["rps"] / baseline["rps"] if baseline["rps"] else 0.0}


def _wait_ready(port: int, path: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", path)
            if connection.getresponse().status == 200:
                connection.close()
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer on 127.0.0.1:{port} (see bench/gunicorn.log)")


# ---- 5. URL checks ---------------------------------------------------------------------------------------

def urlcheck(*, n: int = 500, latency: float = 0.2) -> dict:
    from bench.linkcheck import run_benchmark

    return run_benchmark(n=n, latency=latency)
