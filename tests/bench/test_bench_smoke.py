"""Smoke test of `make bench`: the quick mode's pieces on tiny sizes, in a subprocess with its own SQLite file.

Asserts the JSON's keys and shapes only — never timings.
"""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_bench_tiny_run_writes_every_key(tmp_path):
    output = tmp_path / "results.json"
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--tiny", "--sqlite", str(tmp_path / "bench.sqlite3"), "--output", str(output)],
        cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(output.read_text(encoding="utf-8"))

    assert results["database"] == "sqlite" and results["mode"] == "tiny"
    for key in ("export_ratio", "export_peak_mb", "import_ratio", "http_throughput_ratio", "http_p95_ms",
                "urlcheck_ratio"):
        assert isinstance(results[key], (int, float)) and results[key] >= 0, key
    pages = {"dashboard", "item_list", "my_work"}
    assert set(results["page_query_counts"]) == pages == set(results["page_time_growth"])
    for counts in results["page_query_counts"].values():
        assert len(counts) == 2 and all(isinstance(n, int) and n > 0 for n in counts)
    for growth in results["page_time_growth"].values():
        assert isinstance(growth, float) and growth > 0
    assert len(results["export_ms_per_item"]) == 2 and len(results["sizes"]) == 2
    assert results["import_rows"] > 0 and results["http_rps"][0] > 0 and results["http_rendered_rps"] > 0
    assert "measure" in done.stdout and "URL checks" in done.stdout
