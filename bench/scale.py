"""`python -m bench.scale [--sizes 1000,10000] [--runs 3] [--http-seconds 15] [--output PATH]`: what signed-in
people meet as the catalog grows.

* Every page and API list of every role (anonymous, agency staff, statistics office) at each size. One
  database per size (`<BENCH_DB_NAME>_<size>` on PostgreSQL, built once); sizes are interleaved, the order
  alternating from run to run, and each page's min and median of `--runs` are kept, with its queries and
  bytes. A page's first request (empty cache) is kept as `cold_ms`.
* Signed-in throughput: the agency-staff mix and the office mix under `--clients` (20) users on gunicorn
  (2 sync workers) at the largest size, against `/healthz` in the same run.
* Peak RSS (the whole process, as the kernel counts it) of the GD Catalog export, the agency workbook
  import's dry run and the largest page, each in a fresh process.
* The URL-check bench with the nightly job's settings (`check_urls --concurrency` default 16, at most
  LINKCHECK_PER_HOST (4) per host).

PostgreSQL when DATABASE_URL names it (databases `$BENCH_DB_NAME_<size>`, dropped at the end unless
`--keep-db`), else SQLite files in `$BENCH_SQLITE_DIR` (default bench/).
"""
import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench import db

ROLES = {
    "anonymous": ["/", "/issues/1/", "/items/{item}/", "/progress/", "/viz/issues/1/", "/api/v1/issues/",
                  "/api/v1/issues/1/items/", "/api/v1/datasets/"],
    "staff": ["/my-work/", "/items/{item}/metadata/", "/progress/issues/1/", "/progress/items/?issue=1",
              "/progress/follow-up/AG00/", "/viz/data/", "/exchange/", "/api/v1/datasets/"],
    "office": ["/review/", "/links/", "/progress/", "/progress/issues/1/", "/progress/items/?issue=1",
               "/progress/follow-up/AG00/", "/progress/gdc/?issue=1", "/progress/resolutions/", "/viz/data/",
               "/exchange/gdcatalog/", "/agencies/contacts/", "/api/v1/datasets/", "/api/v1/issues/1/items/"],
}
USERS = {"staff": "ag00", "office": "office"}


def parse(argv):
    parser = argparse.ArgumentParser(prog="python -m bench.scale", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated item counts (e.g. 1000,10000,100000)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--http-seconds", type=float, default=15.0)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--urls", type=int, default=200, help="URLs of the URL-check bench")
    parser.add_argument("--keep-db", action="store_true", help="keep (and reuse) the PostgreSQL databases")
    parser.add_argument("--skip", default="", help="comma-separated parts to skip: pages,http,rss,urlcheck")
    parser.add_argument("--output", type=Path, default=db.BENCH_DIR / "scale-results.json")
    args = parser.parse_args(argv)
    args.sizes = [int(size) for size in args.sizes.split(",")]
    args.skip = set(filter(None, args.skip.split(",")))
    return args


def log(message: str) -> None:
    print(f"[bench.scale {time.strftime('%H:%M:%S', time.gmtime())}] {message}", file=sys.stderr, flush=True)


def _url_for(size: int) -> str:
    folder = Path(os.environ.get("BENCH_SQLITE_DIR") or db.BENCH_DIR)
    engine, url = db.choose(os.environ.get("DATABASE_URL"), sqlite_path=folder / f"bench-{size}.sqlite3")
    return url.rsplit("/", 1)[0] + f"/{db.BENCH_DB_NAME}_{size}" if engine == "postgresql" else url


def _use(size: int) -> None:
    """Point Django's connection at the database of `size` (closed now, reopened on the next query)."""
    from django.db import connection

    from config.settings import database

    os.environ["BENCH_DATABASE_URL"] = _url_for(size)
    connection.close()
    connection.settings_dict.update({key: value for key, value in database("BENCH_DATABASE_URL").items()
                                     if key in ("NAME", "HOST", "PORT", "USER", "PASSWORD")})


def build(sizes: list[int], *, keep: bool) -> dict:
    """Each size's database with its items (reused when kept from an earlier run); {size: first AG00 item pk}."""
    from django.core.management import call_command

    from bench import data
    from catalog.models import Item

    items = {}
    for size in sizes:
        url = _url_for(size)
        engine = "postgresql" if url.startswith("postgres") else "sqlite"
        _use(size)
        try:
            ready = keep and Item.objects.count() == size
        except Exception:  # noqa: BLE001 - no such database yet
            ready = False
        if not ready:
            from django.db import connection

            connection.close()
            db.create(engine, url)
            _use(size)
            started = time.monotonic()
            call_command("migrate", verbosity=0, interactive=False)
            data.add_items(data.reference(), 0, size)
            if engine == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
            log(f"{size} items built in {time.monotonic() - started:.1f}s")
        items[size] = Item.objects.filter(agency__code="AG00").order_by("pk").values_list("pk", flat=True).first()
    return items


def pages(sizes: list[int], items: dict, runs: int) -> dict:
    """{role url: {size: {min_ms, median_ms, cold_ms, queries, bytes}}}, sizes interleaved."""
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from accounts.models import User

    times, facts = {}, {}
    for run in range(runs + 1):  # run 0: the first (cold) request of every page
        for size in (sizes if run % 2 == 0 else list(reversed(sizes))):
            _use(size)
            if run == 0:
                cache.clear()
            clients = {"anonymous": Client()}
            for role, username in USERS.items():
                clients[role] = Client()
                clients[role].force_login(User.objects.get(username=username))
            for role, urls in ROLES.items():
                for template in urls:
                    url = template.format(item=items[size])
                    with CaptureQueriesContext(connection) as queries:
                        started = time.perf_counter()
                        response = clients[role].get(url)
                        seconds = time.perf_counter() - started
                    assert response.status_code == 200, (role, url, response.status_code)
                    key = f"{role} {template}"
                    if run == 0:
                        facts.setdefault(key, {})[size] = {"cold_ms": round(1000 * seconds, 1),
                                                           "queries": len(queries), "bytes": len(response.content)}
                    else:
                        times.setdefault(key, {}).setdefault(size, []).append(seconds)
        log(f"pages: run {run} of {runs} done")
    result = {}
    for key, per_size in times.items():
        result[key] = {size: {"min_ms": round(1000 * min(values), 1),
                              "median_ms": round(1000 * statistics.median(values), 1), **facts[key][size]}
                       for size, values in per_size.items()}
        small, large = min(per_size), max(per_size)
        result[key]["growth"] = round(result[key][large]["min_ms"] / result[key][small]["min_ms"], 2)
    return result


# ---- signed-in throughput ------------------------------------------------------------------------------------

def _session_cookie(username: str) -> str:
    from django.conf import settings
    from django.test import Client

    from accounts.models import User

    client = Client()
    client.force_login(User.objects.get(username=username))
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def http_throughput(size: int, item: int, *, clients: int, seconds: float) -> dict:
    from bench.measure import _free_port, _wait_ready, load

    _use(size)
    cookies = {role: _session_cookie(username) for role, username in USERS.items()}
    port = _free_port()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "BENCH_DATABASE_URL": _url_for(size)}
    log_file = open(db.BENCH_DIR / "gunicorn-scale.log", "wb")
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2",
         "--timeout", "300", "--keep-alive", "30"],
        cwd=db.BENCH_DIR.parent, env=env, stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        _wait_ready(port, "/healthz")
        result = {"size": size, "clients": clients, "workers": 2, "seconds": seconds}
        for role in ("staff", "office"):
            paths = [template.format(item=item) for template in ROLES[role]]
            load(port, paths, cookie=cookies[role], clients=2, seconds=2)  # warm
            result[role] = load(port, paths, cookie=cookies[role], clients=clients, seconds=seconds)
            log(f"http {role}: {result[role]}")
        result["healthz"] = load(port, "/healthz", clients=clients, seconds=seconds)
        for role in ("staff", "office"):
            result[f"{role}_ratio"] = round(result[role]["rps"] / result["healthz"]["rps"], 4)
    finally:
        import signal

        os.killpg(server.pid, signal.SIGTERM)
        server.wait(30)
        log_file.close()
    return result


# ---- peak RSS, each in a fresh process -----------------------------------------------------------------------

def _rss_child(what: str, size: int, argument: str) -> None:
    """Run one thing against the size's database and print the process's peak RSS in MB."""
    os.environ["BENCH_DATABASE_URL"] = _url_for(size)
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    import io
    import tempfile

    import django

    django.setup()
    from accounts.models import User
    from catalog.models import Agency

    before = _peak_rss_mb()
    if what == "export":
        from templates_app.spreadsheets.gdc_export import gdcatalog_export

        with tempfile.TemporaryFile() as stream:  # as the download view does
            gdcatalog_export(stream=stream)
    elif what == "import":
        from templates_app.spreadsheets.gdc_export import agency_workbook
        from templates_app.spreadsheets.gdc_import import workbook_import

        agency = Agency.objects.get(code="AG00")
        buffer = io.BytesIO()
        agency_workbook(stream=buffer, agency=agency)
        buffer.seek(0)
        report = workbook_import(file=buffer, agency=agency, user=User.objects.get(username="ag00"), dry_run=True)
        assert not report.errors, report.errors[:3]
    else:
        from django.test import Client

        client = Client()
        if what != "anonymous":
            client.force_login(User.objects.get(username=USERS[what]))
        response = client.get(argument)
        assert response.status_code == 200
    print(json.dumps({"peak_mb": round(_peak_rss_mb(), 1), "after_setup_mb": round(before, 1)}))


def _peak_rss_mb() -> float:
    """This process's peak resident set (VmHWM; ru_maxrss would count the parent's peak from before exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss(size: int, largest: tuple[str, str]) -> dict:
    result = {"size": size, "largest_page_url": " ".join(largest)}
    for name, what, argument in (("export", "export", ""), ("import_dry_run", "import", ""),
                                 ("largest_page", *largest)):
        out = subprocess.run([sys.executable, "-m", "bench.scale", "--rss-child", what, str(size), argument],
                             cwd=db.BENCH_DIR.parent, capture_output=True, text=True, check=True)
        result[name] = json.loads(out.stdout.strip().splitlines()[-1])
        log(f"rss {name}: {result[name]}")
    return result


# ---- URL checks with the nightly job's settings ------------------------------------------------------------

def urlcheck(n: int) -> dict:
    from django.conf import settings

    from bench.linkcheck import run_benchmark

    concurrency, per_host = 16, settings.LINKCHECK_PER_HOST  # `check_urls`' default and the per-host setting
    result = run_benchmark(n=n, latency=0.2, concurrency=concurrency, per_host=per_host)
    ideal = n * result["latency"] / min(concurrency, per_host)  # one host: at most `per_host` at once
    return {**result, "per_host": per_host, "ideal": round(ideal, 3), "ratio": round(result["elapsed"] / ideal, 3)}


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--rss-child"]:
        _rss_child(argv[1], int(argv[2]), argv[3] if len(argv) > 3 else "")
        return 0
    args = parse(argv)
    started = time.monotonic()
    db.setup_django(_url_for(args.sizes[0]))
    items = build(args.sizes, keep=args.keep_db)
    results = {"sizes": args.sizes, "runs": args.runs, "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
               "database": "postgresql" if _url_for(args.sizes[0]).startswith("postgres") else "sqlite"}
    largest = max(args.sizes)
    if "pages" not in args.skip:
        results["pages"] = pages(args.sizes, items, args.runs)
    if "http" not in args.skip:
        results["http"] = http_throughput(largest, items[largest], clients=args.clients, seconds=args.http_seconds)
    if "rss" not in args.skip:
        biggest = max((key for key in results.get("pages", {})), default="office /api/v1/datasets/",
                      key=lambda key: results["pages"][key][largest]["bytes"])
        role, template = biggest.split(" ", 1)
        results["rss"] = rss(largest, (role, template.format(item=items[largest])))
    if "urlcheck" not in args.skip:
        results["urlcheck"] = urlcheck(args.urls)
    results["total_seconds"] = round(time.monotonic() - started, 1)
    if not args.keep_db:
        from django.db import connections

        connections.close_all()
        for size in args.sizes:
            url = _url_for(size)
            db.drop("postgresql" if url.startswith("postgres") else "sqlite", url)
    args.output.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(table(results))
    print(f"written: {args.output}")
    return 0


def table(r: dict) -> str:
    sizes = r["sizes"]
    lines = [f"Scale bench ({r['database']}, sizes {sizes}, min/median of {r['runs']})"]
    for key, per_size in r.get("pages", {}).items():
        cells = "  ".join(f"{size}: {per_size[size]['min_ms']:.0f}/{per_size[size]['median_ms']:.0f} ms "
                          f"{per_size[size]['queries']}q {per_size[size]['bytes'] // 1024}kB" for size in sizes)
        lines.append(f"{key:45} {cells}  growth {per_size['growth']}")
    if "http" in r:
        h = r["http"]
        lines.append(f"http at {h['size']}: staff {h['staff']['rps']:.1f} req/s (p50 {h['staff']['p50_ms']:.0f} ms, "
                     f"p95 {h['staff']['p95_ms']:.0f} ms), office {h['office']['rps']:.1f} req/s (p50 "
                     f"{h['office']['p50_ms']:.0f} ms, p95 {h['office']['p95_ms']:.0f} ms), healthz "
                     f"{h['healthz']['rps']:.1f} req/s; ratios {h['staff_ratio']} / {h['office_ratio']}")
    if "rss" in r:
        lines.append("peak RSS MB: " + ", ".join(f"{name} {r['rss'][name]['peak_mb']}"
                                                 for name in ("export", "import_dry_run", "largest_page"))
                     + f" (largest page: {r['rss']['largest_page_url']})")
    if "urlcheck" in r:
        u = r["urlcheck"]
        lines.append(f"URL checks {u['n']} at {u['concurrency']}/{u['per_host']} per host: {u['elapsed']}s, "
                     f"ideal {u['ideal']}s, ratio {u['ratio']}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
