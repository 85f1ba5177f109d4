"""Smoke test of `python -m bench.scale` on tiny SQLite databases: every part runs and writes its keys.
Never asserts timings."""
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_scale_bench_tiny_run_writes_every_key(tmp_path):
    output = tmp_path / "scale.json"
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    done = subprocess.run(
        [sys.executable, "-m", "bench.scale", "--sizes", "10,20", "--runs", "1", "--http-seconds", "1",
         "--clients", "2", "--urls", "8", "--output", str(output)],
        cwd=ROOT, env={**env, "BENCH_SQLITE_DIR": str(tmp_path)}, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(output.read_text(encoding="utf-8"))
    assert results["database"] == "sqlite" and results["sizes"] == [10, 20]
    roles = {key.split(" ")[0] for key in results["pages"]}
    assert roles == {"anonymous", "staff", "office"} and "office /api/v1/datasets/" in results["pages"]
    for per_size in results["pages"].values():
        for size in ("10", "20"):
            assert per_size[size]["queries"] > 0 and per_size[size]["bytes"] > 0 and per_size[size]["min_ms"] > 0
    assert results["http"]["staff"]["requests"] > 0 and results["http"]["healthz"]["rps"] > 0
    assert all(results["rss"][name]["peak_mb"] > 0 for name in ("export", "import_dry_run", "largest_page"))
    assert results["urlcheck"]["concurrency"] == 16 and results["urlcheck"]["per_host"] == 4
