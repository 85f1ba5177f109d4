"""`python -m bench.linkcheck_distributed`: the link check split by host across real Celery workers.

Needs PostgreSQL (DATABASE_URL; the bench uses its own database `<name>_linkcheck`, created and dropped)
and Redis (`--broker`, default redis://127.0.0.1:6379/11). 20,000 URLs on 1,000 loopback hosts
(127.1.x.y) answering after 200 ms; 2 workers. Prints the time against the ideal
(URLs × latency ÷ allowed concurrency, allowed = workers × concurrency × 4 per host), the most requests
one host saw at once (counted at the servers), the projected time for 100,000 URLs; then a second run
in which one worker is killed (SIGKILL) at a third of the way: the run still completes, and the URLs
asked twice are counted at the servers (at most the batches the killed worker held).
"""
import argparse
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from bench import db
from bench.linkcheck_servers import host_address, run_servers

ROOT = Path(__file__).resolve().parent.parent


def parse(argv):
    parser = argparse.ArgumentParser(prog="python -m bench.linkcheck_distributed", description=__doc__.splitlines()[0])
    parser.add_argument("--urls", type=int, default=20000)
    parser.add_argument("--hosts", type=int, default=1000)
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=16, help="tasks per worker (each: one host, 4 at a time)")
    parser.add_argument("--port", type=int, default=18080)
    parser.add_argument("--broker", default="redis://127.0.0.1:6379/11")
    parser.add_argument("--no-kill", action="store_true", help="skip the run with a killed worker")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "linkcheck_results.json")
    return parser.parse_args(argv)


def log(message: str) -> None:
    print(f"[linkcheck bench {time.strftime('%H:%M:%S', time.gmtime())}] {message}", file=sys.stderr, flush=True)


def _database_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if url.split(":", 1)[0] not in ("postgres", "postgresql"):
        raise SystemExit("Set DATABASE_URL to a PostgreSQL server: two worker processes write at once.")
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{parts.path.strip('/') or 'catalog'}_linkcheck"))


def _pg(url: str, statement: str) -> None:
    connection = db._pg_connect(url)
    name = urlsplit(url).path.strip("/")
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s "
                           "AND pid <> pg_backend_pid()", [name])
            cursor.execute(statement.format(name=name))
    finally:
        connection.close()


def _environment(args, url: str) -> dict:
    return {**os.environ, "BENCH_DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "bench.settings",
            "CELERY_BROKER_URL": args.broker, "URLCHECK_ALLOW_PRIVATE": "1", "URLCHECK_PROBE_TARGETS": "",
            "LINKCHECK_HOST_PAUSE": "0", "LINKCHECK_LEASE_SECONDS": "10", "LINKCHECK_BATCH_SIZE": "20",
            "LINKCHECK_TASKS": str(args.workers * args.concurrency)}


def _data(args) -> None:
    from templates_app.models import Resource

    from bench.data import add_items, reference

    ref = reference(agencies=3, issues=1)
    add_items(ref, 0, (args.urls + 1) // 2)  # two resources per item
    resources = list(Resource.objects.order_by("pk").only("pk")[:args.urls])
    for i, resource in enumerate(resources):
        resource.url = f"http://{host_address(i % args.hosts)}:{args.port}/data/{i}.csv"
    Resource.objects.bulk_update(resources, ["url"], batch_size=2000)
    Resource.objects.exclude(pk__in=[r.pk for r in resources]).update(url="")


def _start_workers(args, env) -> list[subprocess.Popen]:
    celery = str(Path(sys.executable).with_name("celery"))
    return [subprocess.Popen(
        [celery, "-A", "config", "worker", "--pool", "threads", "--concurrency", str(args.concurrency),
         "--loglevel", "WARNING", "-n", f"bench{k}@%h", "--without-gossip", "--without-mingle"],
        cwd=ROOT, env=env, start_new_session=True) for k in range(args.workers)]


def _wait_for_workers(app, count: int) -> None:
    end = time.monotonic() + 60
    while time.monotonic() < end:
        if len(app.control.inspect(timeout=1).ping() or {}) >= count:
            return
    raise RuntimeError("the workers did not answer")


def _cpu_seconds(pids) -> float:
    """User + system CPU time of the processes so far (Linux /proc), to tell a busy machine from a slow checker."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def _one_run(args, *, kill: list | None = None, workers: list | None = None) -> dict:
    from linkcheck import tasks
    from linkcheck.models import LinkCheckRun, LinkCheckURL
    from linkcheck.services import linkcheck_run_progress, linkcheck_run_start

    ctx = multiprocessing.get_context("spawn")  # not a fork of this process and its broker threads
    receive, send = ctx.Pipe(duplex=False)
    ready, stop = ctx.Event(), ctx.Event()
    servers = ctx.Process(target=run_servers, args=(args.hosts, args.port, args.latency, send, ready, stop))
    servers.start()
    ready.wait(60)
    run = linkcheck_run_start()
    pids = [worker.pid for worker in workers or kill or []]
    cpu_before, load_before = _cpu_seconds(pids), os.getloadavg()[0]
    started = time.monotonic()
    tasks.watch.delay(run.pk)
    killed_at, last_watch = None, started
    while True:
        progress = linkcheck_run_progress(run=run)
        if progress.finished:
            break
        if kill and killed_at is None and progress.done >= progress.total // 3:
            os.killpg(kill[0].pid, signal.SIGKILL)
            killed_at = progress.done
            log(f"killed worker 1 (pid {kill[0].pid}) at {progress.done}/{progress.total}")
        if time.monotonic() - last_watch > 5:  # what the schedule's watch does every minute
            tasks.watch_open_runs.delay()
            last_watch = time.monotonic()
        time.sleep(0.25)
    elapsed = time.monotonic() - started
    cpu = _cpu_seconds(pids) - cpu_before
    stop.set()
    peaks, asked = receive.recv()
    servers.join(10)
    stored_twice = LinkCheckURL.objects.filter(run=run, checks__gt=1).count()
    return {"run": run.pk, "urls": run.total, "elapsed": round(elapsed, 2), "max_per_host": max(peaks.values()),
            "asked_twice": sum(1 for n in asked.values() if n > 1), "asked_total": sum(asked.values()),
            "stored_twice": stored_twice, "killed_at": killed_at, "workers_cpu_seconds": round(cpu, 1),
            "load_average": [round(load_before, 1), round(os.getloadavg()[0], 1)],
            "state": LinkCheckRun.objects.get(pk=run.pk).state}


def main(argv=None) -> dict:
    args = parse(argv)
    url = _database_url()
    env = _environment(args, url)
    os.environ.update(env)
    _pg(url, 'DROP DATABASE IF EXISTS "{name}"')
    _pg(url, 'CREATE DATABASE "{name}"')
    workers = []
    try:
        log("migrating the bench database")
        subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
        db.setup_django(url)
        from config.celery import app

        log(f"{args.urls} URLs on {args.hosts} hosts")
        _data(args)
        import redis

        redis.Redis.from_url(args.broker).flushdb()
        workers = _start_workers(args, env)
        _wait_for_workers(app, args.workers)
        allowed = args.workers * args.concurrency * 4
        ideal = args.urls * args.latency / allowed
        log(f"run 1: {args.workers} workers × {args.concurrency} tasks × 4 per host = {allowed} at once")
        first = _one_run(args, workers=workers)
        result = {"urls": args.urls, "hosts": args.hosts, "latency": args.latency, "workers": args.workers,
                  "concurrency": args.concurrency, "allowed": allowed, "ideal": round(ideal, 2), **first,
                  "ratio": round(first["elapsed"] / ideal, 3),
                  "projected_100k_seconds": round(first["elapsed"] * 100000 / args.urls, 1)}
        args.output.write_text(json.dumps(result, indent=2) + "\n")
        log(f"run 1: {first['elapsed']} s (ideal {ideal:.1f} s), at most {first['max_per_host']} at once per host")
        if not args.no_kill:
            log("run 2: one worker killed a third of the way")
            result["kill"] = _one_run(args, kill=workers)
        args.output.write_text(json.dumps(result, indent=2) + "\n")
        print(json.dumps(result, indent=2))
        return result
    finally:
        for worker in workers:
            if worker.poll() is None:
                os.killpg(worker.pid, signal.SIGTERM)
        for worker in workers:
            try:
                worker.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(worker.pid, signal.SIGKILL)
        from django.db import connections

        connections.close_all()
        _pg(url, 'DROP DATABASE IF EXISTS "{name}"')


if __name__ == "__main__":
    main()
