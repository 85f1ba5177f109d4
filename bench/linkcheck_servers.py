"""Local test servers for the distributed link-check bench: `hosts` loopback addresses (127.1.x.y), one
asyncio process, each answering every request after `latency` seconds. They count, per host, the most
requests served at the same time, and per path how many times it was asked."""
from __future__ import annotations

import asyncio
import collections
import os


def host_address(index: int) -> str:
    return f"127.1.{index // 250}.{index % 250 + 1}"


class Counters:
    def __init__(self):
        self.active = collections.Counter()
        self.peak = collections.Counter()
        self.asked = collections.Counter()


async def _serve(hosts: int, port: int, latency: float, counters: Counters, ready, stop) -> None:
    body = b"a,b\n" + b"1,2\n" * 50

    def handler_for(host: str):
        async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            try:
                request = await reader.readuntil(b"\r\n\r\n")
                path = request.split(b" ", 2)[1].decode()
                counters.active[host] += 1
                counters.peak[host] = max(counters.peak[host], counters.active[host])
                counters.asked[host + path] += 1
                try:
                    await asyncio.sleep(latency)
                finally:
                    counters.active[host] -= 1
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: %d\r\n"
                             b"Connection: close\r\n\r\n%s" % (len(body), body))
                await writer.drain()
            except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
                pass
            finally:
                writer.close()
        return handle

    servers = [await asyncio.start_server(handler_for(host_address(i)), host_address(i), port, backlog=256)
               for i in range(hosts)]
    ready.set()
    while not stop.is_set():
        await asyncio.sleep(0.1)
    return servers


def run_servers(hosts: int, port: int, latency: float, conn, ready, stop) -> None:
    """Process entry point: serve until `stop`, send (peak per host, times each URL was asked) on `conn`, and
    end at once (connections a killed client left behind are not waited for)."""
    counters = Counters()
    loop = asyncio.new_event_loop()
    loop.run_until_complete(_serve(hosts, port, latency, counters, ready, stop))
    conn.send((dict(counters.peak), dict(counters.asked)))
    conn.close()
    os._exit(0)
