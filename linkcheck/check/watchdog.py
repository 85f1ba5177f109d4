"""One shared thread that shuts sockets down when their check's total time is up.

Per-read socket timeouts cannot stop a server that sends a byte just often enough; shutting the
socket down under the waiting reader can. One thread serves every check (no thread per request).
"""
from __future__ import annotations

import heapq
import itertools
import socket
import threading
import time

_lock = threading.Condition()
_heap: list[tuple[float, int, list]] = []
_cancelled: set[int] = set()
_ids = itertools.count()
_thread: threading.Thread | None = None


def _cut(holder: list) -> None:
    try:
        socket.socket.shutdown(holder[0], socket.SHUT_RDWR)  # the OS call, also under an SSLSocket
    except (OSError, AttributeError):
        pass


def _run() -> None:
    while True:
        with _lock:
            while not _heap:
                _lock.wait()
            when, ident, holder = _heap[0]
            left = when - time.monotonic()
            if left > 0:
                _lock.wait(left)
                continue
            heapq.heappop(_heap)
            if ident in _cancelled:
                _cancelled.discard(ident)
                continue
            _cut(holder)  # under the lock: once `cancel` returns, the socket is never touched again


def watch(holder: list, deadline: float) -> int:
    """Shut `holder[0]` (a socket) down at `deadline` (time.monotonic()) unless `cancel`led first."""
    global _thread
    ident = next(_ids)
    with _lock:
        if _thread is None or not _thread.is_alive():
            _thread = threading.Thread(target=_run, name="urlcheck-watchdog", daemon=True)
            _thread.start()
        heapq.heappush(_heap, (deadline, ident, holder))
        _cancelled.discard(ident)
        _lock.notify()
    return ident


def cancel(ident: int) -> None:
    """Forget a watch; call it before closing the socket."""
    with _lock:
        if any(entry[1] == ident for entry in _heap):
            _cancelled.add(ident)
