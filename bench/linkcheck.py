"""Throughput benchmark: `check_many` against a local server that answers every request after a delay.

    .venv/bin/python -c "from bench.linkcheck import run_benchmark; print(run_benchmark())"

Traffic goes only to 127.0.0.1. The ideal time is n × latency / concurrency.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from linkcheck.check.batch import check_many
from linkcheck.check.checker import CheckConfig


class _SlowHandler(BaseHTTPRequestHandler):
    latency = 0.2

    def _answer(self, body: bool) -> None:
        time.sleep(self.latency)
        payload = b"x" * 100
        self.send_response(200)
        self.send_header("Content-Type", "text/csv")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if body:
            self.wfile.write(payload)

    def do_HEAD(self):  # noqa: N802
        self._answer(body=False)

    def do_GET(self):  # noqa: N802
        self._answer(body=True)

    def log_message(self, *args):
        pass


def _serve(port_pipe, stop, latency: float, backlog: int) -> None:
    handler = type("Handler", (_SlowHandler,), {"latency": latency})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler, bind_and_activate=False)
    server.daemon_threads = True
    server.request_queue_size = backlog
    server.server_bind()
    server.server_activate()
    port_pipe.send(server.server_address[1])
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    stop.wait()
    server.shutdown()


def run_benchmark(*, n: int = 500, latency: float = 0.2, concurrency: int = 50, per_host: int | None = None) -> dict:
    """Check `n` distinct URLs on one local host; return elapsed and ideal seconds and their ratio.

    The server runs in its own process so that its threads do not share the checker's interpreter.
    """
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    stop = ctx.Event()
    process = ctx.Process(target=_serve, args=(send, stop, latency, max(128, concurrency * 2)), daemon=True)
    process.start()
    previous = os.environ.get("URLCHECK_ALLOW_PRIVATE")
    os.environ["URLCHECK_ALLOW_PRIVATE"] = "1"
    try:
        port = receive.recv()
        urls = [f"http://127.0.0.1:{port}/file-{i}.csv" for i in range(n)]
        started = time.monotonic()
        results = check_many(urls, concurrency=concurrency, per_host=per_host or concurrency, config=CheckConfig())
        elapsed = time.monotonic() - started
    finally:
        if previous is None:
            os.environ.pop("URLCHECK_ALLOW_PRIVATE", None)
        else:
            os.environ["URLCHECK_ALLOW_PRIVATE"] = previous
        stop.set()
        process.join(5)
    ideal = n * latency / concurrency
    return {
        "n": n, "latency": latency, "concurrency": concurrency, "ok": sum(r.status == "ok" for r in results),
        "elapsed": round(elapsed, 3), "ideal": round(ideal, 3), "ratio": round(elapsed / ideal, 3),
    }
