"""`python -m bench [--quick] [--output PATH]`: build the bench database, measure, print, write JSON.

Sizes: 1,000 and 10,000 Template 1 items (quick: 100 and 1,000) over 30 agencies and 5 issues;
an import of ~2,000 workbook rows (quick: ~300); 16 HTTP clients for 20 s (quick: 3 s); 500 URLs
(quick: 100). `--tiny` shrinks everything further (the smoke test's mode).
"""
import argparse
import datetime as dt
import json
import os
import platform
import sys
import time
from pathlib import Path

from bench import db
from bench import opendata as opendata_bench

TARGETS = {"export_ratio": 1.5, "export_peak_mb": 400, "import_ratio": 4.0, "page_time_growth": 1.5,
           "http_throughput_ratio": 0.3, "urlcheck_ratio": 1.5}


def parse(argv):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes and a shorter HTTP run (smoke run)")
    parser.add_argument("--tiny", action="store_true", help="tiny sizes (the smoke test)")
    parser.add_argument("--output", type=Path, default=db.BENCH_DIR / "results.json")
    parser.add_argument("--sqlite", type=Path, default=None, help="SQLite file to use (ignores DATABASE_URL)")
    parser.add_argument("--keep-db", action="store_true", help="do not drop the PostgreSQL bench database")
    parser.add_argument("--markdown", action="store_true",
                        help="print the table of an existing results file (--output) as Markdown; measure nothing")
    args = parser.parse_args(argv)
    if args.tiny:
        args.sizes, args.import_items, args.http_seconds, args.urls, args.runs = (30, 300), 10, 1.0, 20, 1
    elif args.quick:
        args.sizes, args.import_items, args.http_seconds, args.urls, args.runs = (100, 1000), 100, 3.0, 100, 3
    else:
        args.sizes, args.import_items, args.http_seconds, args.urls, args.runs = (1000, 10000), 667, 20.0, 500, 5
    return args


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S', time.gmtime())}] {message}", file=sys.stderr, flush=True)


def run(args) -> dict:
    engine, url = db.choose(None if args.sqlite else os.environ.get("DATABASE_URL"), sqlite_path=args.sqlite)
    log(f"database: {engine} ({'bench' if engine == 'postgresql' else url})")
    db.create(engine, url)
    try:
        return _measure(args, engine, url)
    finally:
        if "django.db" in sys.modules:
            from django.db import connections

            connections.close_all()
        if not args.keep_db:
            db.drop(engine, url)


def _measure(args, engine: str, url: str) -> dict:
    db.setup_django(url)
    from django.core.management import call_command

    from accounts.models import User
    from bench import data, measure

    started = time.monotonic()
    call_command("migrate", verbosity=0, interactive=False)
    log(f"migrated in {time.monotonic() - started:.1f}s")
    ref = data.reference()
    small, large = args.sizes
    workdir = args.sqlite.parent if args.sqlite else db.BENCH_DIR
    export_path = workdir / "bench-export.xlsx"
    results = {"sizes": {}}
    done = 0
    for size in (small, large):
        started = time.monotonic()
        data.add_items(ref, done, size)
        done = size
        if engine == "postgresql":
            from django.db import connection

            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        log(f"{size} items generated in {time.monotonic() - started:.1f}s")
        per_size = {"pages": measure.pages(issue_number=1, agency_code="AG00", runs=args.runs)}
        log(f"{size}: pages measured")
        per_size["opendata"] = opendata_bench.measure(runs=args.runs)
        per_size["export"] = measure.export(path=export_path, runs=min(args.runs, 3), memory=size == large)
        log(f"{size}: export measured")
        results["sizes"][size] = per_size
    export_path.unlink(missing_ok=True)

    agency = data.add_agency(ref, "IMPORT")
    data.add_items(ref, 100_000, 100_000 + args.import_items, agency=agency)
    import_path = workdir / "bench-import.xlsx"
    file_info = measure.import_file(agency=agency, path=import_path)
    results["import"] = {**file_info, **measure.workbook_import(
        agency=agency, user=User.objects.get(username="import"), path=import_path, runs=min(args.runs, 3))}
    import_path.unlink(missing_ok=True)
    log("import measured")

    from django.db import connections

    connections.close_all()
    item_list = results["sizes"][large]["pages"]["item_list"]
    results["http"] = measure.http_throughput(url_path=item_list["url"], page_bytes=item_list["bytes"],
                                              seconds=args.http_seconds, log_path=workdir / "gunicorn.log")
    log("HTTP measured")
    results["urlcheck"] = measure.urlcheck(n=args.urls)
    log("URL checks measured")
    return _summarise(args, engine, results)


def _summarise(args, engine: str, raw: dict) -> dict:
    small, large = args.sizes
    s, l = raw["sizes"][small], raw["sizes"][large]
    export_small, export_large = s["export"], l["export"]
    pages = list(l["pages"])
    return {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": {"cores": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "database": engine, "mode": "tiny" if args.tiny else "quick" if args.quick else "full",
        "sizes": [small, large],
        "export_ratio": round(export_large["ratio"], 3),
        "export_seconds": [round(export_small["seconds"], 3), round(export_large["seconds"], 3)],
        "export_baseline_seconds": [round(export_small["baseline_seconds"], 3),
                                    round(export_large["baseline_seconds"], 3)],
        "export_ratio_per_size": [round(export_small["ratio"], 3), round(export_large["ratio"], 3)],
        "export_ms_per_item": [round(export_small["ms_per_item"], 3), round(export_large["ms_per_item"], 3)],
        "export_rows": [export_small["rows"], export_large["rows"]],
        "export_peak_mb": round(export_large["peak_mb"], 1),
        "export_peak_method": "tracemalloc peak (Python allocations) of one export into memory, largest size",
        "import_rows": raw["import"]["rows"],
        "import_ratio": round(max(raw["import"]["dry_run_ratio"], raw["import"]["apply_ratio"]), 3),
        "import_dry_run_ratio": round(raw["import"]["dry_run_ratio"], 3),
        "import_apply_ratio": round(raw["import"]["apply_ratio"], 3),
        "import_seconds": {"dry_run": round(raw["import"]["dry_run_seconds"], 3),
                           "apply": round(raw["import"]["apply_seconds"], 3),
                           "bare_read": round(raw["import"]["baseline_seconds"], 3)},
        "import_outcomes": raw["import"]["outcomes"],
        "page_query_counts": {name: [s["pages"][name]["queries"], l["pages"][name]["queries"]] for name in pages},
        "page_ms": {name: [round(1000 * s["pages"][name]["seconds"], 1), round(1000 * l["pages"][name]["seconds"], 1)]
                    for name in pages},
        "page_bytes": {name: [s["pages"][name]["bytes"], l["pages"][name]["bytes"]] for name in pages},
        "page_time_growth": {name: round(l["pages"][name]["seconds"] / s["pages"][name]["seconds"], 3)
                             for name in pages},
        "http_throughput_ratio": round(raw["http"]["ratio"], 3),
        "http_p95_ms": round(raw["http"]["ours"]["p95_ms"] or 0.0, 1),
        "http_baseline_p95_ms": round(raw["http"]["baseline"]["p95_ms"] or 0.0, 1),
        "http_rps": [round(raw["http"]["ours"]["rps"], 2), round(raw["http"]["baseline"]["rps"], 2)],
        "http_errors": [raw["http"]["ours"]["errors"], raw["http"]["baseline"]["errors"]],
        "http_rendered_rps": round(raw["http"]["rendered"]["rps"], 2),
        "http_rendered_ratio": round(raw["http"]["rendered"]["rps"] / raw["http"]["baseline"]["rps"], 3),
        "http_rendered_p95_ms": round(raw["http"]["rendered"]["p95_ms"] or 0.0, 1),
        "http_setup": {"server": f"gunicorn, {raw['http']['workers']} sync workers", "clients": raw["http"]["clients"],
                       "seconds": args.http_seconds, "page_bytes": raw["http"]["page_bytes"], "database": engine},
        "urlcheck_ratio": raw["urlcheck"]["ratio"],
        "urlcheck": raw["urlcheck"],
        "opendata": {str(size): raw["sizes"][size]["opendata"] for size in (small, large)},
        "targets": TARGETS,
    }


def table(r: dict, *, markdown: bool = False) -> str:
    small, large = r["sizes"]
    rows = [("measure", "ours", "baseline", "ratio", "target", "result")]

    def add(name, ours, base, ratio, target, ok):
        rows.append((name, ours, base, ratio, target, "pass" if ok else "FAIL"))

    add(f"export {large} items (s)", f"{r['export_seconds'][1]:.2f}", f"{r['export_baseline_seconds'][1]:.2f}",
        f"{r['export_ratio']:.2f}", "≤ 1.5", r["export_ratio"] <= 1.5)
    add(f"export {small} items (s)", f"{r['export_seconds'][0]:.2f}", f"{r['export_baseline_seconds'][0]:.2f}",
        f"{r['export_ratio_per_size'][0]:.2f}", "≤ 1.5", r["export_ratio_per_size"][0] <= 1.5)
    growth = r["export_ms_per_item"][1] / r["export_ms_per_item"][0]
    add("export ms/item 10× vs 1×", f"{r['export_ms_per_item'][1]:.2f}", f"{r['export_ms_per_item'][0]:.2f}",
        f"{growth:.2f}", "≤ 1.5 (linear)", growth <= 1.5)
    add("export peak memory (MB)", f"{r['export_peak_mb']:.0f}", "-", "-", "≤ 400", r["export_peak_mb"] <= 400)
    for kind in ("dry_run", "apply"):
        ratio = r[f"import_{kind}_ratio"]
        add(f"import {r['import_rows']} rows, {kind.replace('_', ' ')} (s)", f"{r['import_seconds'][kind]:.2f}",
            f"{r['import_seconds']['bare_read']:.2f}", f"{ratio:.2f}", "≤ 4", ratio <= 4)
    for name, growth in r["page_time_growth"].items():
        q_small, q_large = r["page_query_counts"][name]
        add(f"page {name} ms {large}/{small}", f"{r['page_ms'][name][1]:.0f}", f"{r['page_ms'][name][0]:.0f}",
            f"{growth:.2f}", "≤ 1.5", growth <= 1.5)
        add(f"page {name} queries {large}/{small}", str(q_large), str(q_small), "-", "equal", q_small == q_large)
    add("HTTP item list req/s", f"{r['http_rps'][0]:.1f}", f"{r['http_rps'][1]:.1f}",
        f"{r['http_throughput_ratio']:.2f}", "≥ 0.3", r["http_throughput_ratio"] >= 0.3)
    add("HTTP item list p95 (ms)", f"{r['http_p95_ms']:.0f}", f"{r['http_baseline_p95_ms']:.0f}", "-", "report", True)
    if "http_rendered_rps" in r:
        add("HTTP item list req/s, no page cache", f"{r['http_rendered_rps']:.1f}", f"{r['http_rps'][1]:.1f}",
            f"{r['http_rendered_ratio']:.2f}", "report", True)
        add("HTTP item list p95 (ms), no page cache", f"{r['http_rendered_p95_ms']:.0f}",
            f"{r['http_baseline_p95_ms']:.0f}", "-", "report", True)
    opendata_bench.add_rows(r, add)
    u = r["urlcheck"]
    add(f"URL checks {u['n']} (s)", f"{u['elapsed']:.2f}", f"{u['ideal']:.2f}", f"{u['ratio']:.2f}", "≤ 1.5",
        u["ratio"] <= 1.5)
    if markdown:
        return "\n".join(["| " + " | ".join(rows[0]) + " |", "|" + "---|" * 6]
                         + ["| " + " | ".join(row) + " |" for row in rows[1:]])
    widths = [max(len(str(row[i])) for row in rows) for i in range(6)]
    lines = ["  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)) for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def main(argv=None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    if args.markdown:
        print(table(json.loads(args.output.read_text(encoding="utf-8")), markdown=True))
        return 0
    started = time.monotonic()
    results = run(args)
    results["total_seconds"] = round(time.monotonic() - started, 1)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"Benchmark ({results['mode']}, {results['database']}, {results['machine']['cores']} cores, "
          f"{results['date']}, {results['total_seconds']} s)")
    print(table(results))
    print(f"written: {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
