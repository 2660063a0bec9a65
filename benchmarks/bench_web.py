"""A bounded load test of translit.web's API on loopback: requests/s and latency of check and key.

    python benchmarks/bench_web.py                       # write RESULTS.md "web"
    python benchmarks/bench_web.py --requests 200 --concurrency 4 --seconds 30 --no-write

Starts ``python -m translit.web`` on 127.0.0.1 on a free port in a subprocess (the server warms
its data before it listens), then for each endpoint sends a fixed number of requests from
--concurrency client threads, each on its own keep-alive connection, and stops at that count or
after --seconds, whichever comes first; then stops the server.  Nothing but 127.0.0.1 is ever
addressed.  Inputs are real: for key, names of the gazetteer (Cyrillic, and their national
romanization); for check, the news texts of tests/data/check/.  Beside each endpoint, the same
inputs through the library call in this process, one thread: the share of a request's cost
that is the library's own work.  Wall-clock figures vary with the machine and its load (the load
average is printed with them); the ratios within one run are what to compare.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"  # loopback only


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def start_server(port: int, timeout: float = 120.0) -> subprocess.Popen[bytes]:
    server = subprocess.Popen([sys.executable, "-m", "translit.web", "--host", HOST, "--port", str(port)],
                              cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("the server exited")
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=5)
            connection.request("GET", "/api/systems")
            if connection.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("the server did not start in time")


def load(port: int, path: str, bodies: list[bytes], requests: int, concurrency: int,
         seconds: float) -> dict[str, Any]:
    """Send *requests* POSTs (cycling through *bodies*) from *concurrency* threads, within *seconds*."""
    latencies: list[float] = []
    errors = [0]
    counter = iter(range(requests))
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def worker() -> None:
        connection = http.client.HTTPConnection(HOST, port, timeout=seconds)
        headers = {"Content-Type": "application/json"}
        while time.monotonic() < stop_at:
            with lock:
                i = next(counter, None)
            if i is None:
                break
            started = time.perf_counter()
            try:
                connection.request("POST", path, bodies[i % len(bodies)], headers)
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
            except OSError:
                ok = False
                connection.close()
                connection = http.client.HTTPConnection(HOST, port, timeout=seconds)
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                errors[0] += not ok
        connection.close()

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - began
    latencies.sort()

    def quantile(q: float) -> float:
        return latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000 if latencies else float("nan")

    return {"requests": len(latencies), "errors": errors[0], "seconds": wall,
            "rate": len(latencies) / wall if wall else 0.0, "p50": quantile(0.50), "p99": quantile(0.99)}


def library_rate(function: Callable[[Any], Any], inputs: list[Any], count: int) -> float:
    began = time.perf_counter()
    for i in range(count):
        function(inputs[i % len(inputs)])
    return count / (time.perf_counter() - began)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000, help="key requests (check: a tenth)")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60.0, help="time limit per endpoint")
    parser.add_argument("--no-write", action="store_true", help="print only; leave RESULTS.md alone")
    args = parser.parse_args()

    import translit
    from translit import places

    gazetteer = [p.name for p in places.load() if p.name][::10][:1000]
    names = [n for name in gazetteer for n in (name, translit.romanize(name))]
    texts = [(ROOT / "tests" / "data" / "check" / f).read_text("utf-8")
             for f in ("motivating-en.txt", "errors-en.txt", "correct-en-news.txt", "correct-en-roundup.txt")]
    plan = [
        ("key", "/api/key", [json.dumps({"name": n}).encode() for n in names], args.requests,
         translit.key, names),
        ("check", "/api/check", [json.dumps({"text": t, "target": "uk-national"}).encode() for t in texts],
         max(1, args.requests // 10), lambda t: translit.check(t, "uk-national"), texts),
    ]
    port = free_port()
    server = start_server(port)
    rows = []
    try:
        for verb, path, bodies, count, function, inputs in plan:
            load(port, path, bodies[:20], min(50, count), args.concurrency, args.seconds)  # warm
            result = load(port, path, bodies, count, args.concurrency, args.seconds)
            function(inputs[0])
            direct = library_rate(function, inputs, min(count, 400))
            rows.append((verb, result, direct))
            print(f"{verb}: {result['requests']} requests in {result['seconds']:.1f} s, "
                  f"{result['rate']:.0f}/s, p50 {result['p50']:.1f} ms, p99 {result['p99']:.1f} ms, "
                  f"{result['errors']} errors; the library alone {direct:.0f} calls/s", flush=True)
    finally:
        server.terminate()
        server.wait(10)
    load_average = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    from _results import machine, write_section

    md = [
        "## Web API under load (`benchmarks/bench_web.py`)",
        "",
        f"`python benchmarks/bench_web.py --requests {args.requests} --concurrency {args.concurrency} "
        f"--seconds {args.seconds:g}`: `python -m translit.web` on 127.0.0.1 (one uvicorn worker), "
        f"{args.concurrency} client threads with keep-alive connections, a fixed number of requests "
        f"per endpoint; key on {len(names)} gazetteer names (Cyrillic and romanized), check on four "
        "news texts of tests/data/check/ (≈ 400-1500 characters each). \"library\": the same inputs "
        "through the library call in the client's process, one thread.",
        "",
        "| endpoint | requests | errors | requests/s | p50 ms | p99 ms | library calls/s | requests/s ÷ library |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for verb, r, direct in rows:
        md.append(f"| {verb} | {r['requests']} | {r['errors']} | {r['rate']:.0f} | {r['p50']:.1f} | "
                  f"{r['p99']:.1f} | {direct:.0f} | {r['rate'] / direct:.2f} |")
    md += ["", f"{machine()}, {os.cpu_count()} cores, load average {load_average} at the end."]
    text = "\n".join(md)
    print(text)
    if not args.no_write:
        write_section("web", text)
    return 0 if all(r["errors"] == 0 for _, r, _ in rows) else 1


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
