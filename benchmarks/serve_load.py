"""A bounded load test of ``storytrace serve`` on this machine's loopback address.

    python benchmarks/serve_load.py                       # 300 requests, 4 at a time
    python benchmarks/serve_load.py --requests 400 --concurrency 4 --append-results

Starts the server in a subprocess on 127.0.0.1 (a free port), waits until its models are loaded, then sends a
fixed number of requests from ``--concurrency`` client threads: a mix of ``GET /health`` and ``POST /compare``
with the bundled examples (every compare body is new: the rewrite gets one sentence of its own, so the server
analyses a new suspect each time while the original's sentence vectors are memo hits, as when one original is
checked against many rewrites). Prints, per endpoint, the count, errors (any answer other than 200, or no
answer) and p50/p95/max latency; ``--append-results`` adds the table to benchmarks/RESULTS.md. It stops by
itself: after ``--requests`` requests or ``--deadline`` seconds, whichever comes first, and always stops the
server. Exit status 1 if any request failed.

Traffic goes to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import textwrap
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def start_server(port: int, workers: int) -> subprocess.Popen[bytes]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    command = [sys.executable, "-m", "storytrace.cli", "serve", "--host", HOST, "--port", str(port)]
    return subprocess.Popen(
        [*command, "--workers", str(workers)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_ready(port: int, proc: subprocess.Popen[bytes], timeout: float) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited with status {proc.returncode}")
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            conn.request("GET", "/health")
            health = json.loads(conn.getresponse().read())
            conn.close()
            if health.get("models") == "ready":
                return time.perf_counter() - started
        except (OSError, ValueError):
            pass
        time.sleep(0.2)
    raise SystemExit(f"the server was not ready within {timeout:g} s")


class Client:
    """One keep-alive connection per client thread."""

    def __init__(self, port: int, timeout: float) -> None:
        self.port, self.timeout = port, timeout
        self.local = threading.local()

    def request(self, method: str, path: str, body: bytes | None) -> tuple[int, float]:
        conn = getattr(self.local, "conn", None)
        if conn is None:
            conn = self.local.conn = http.client.HTTPConnection(HOST, self.port, timeout=self.timeout)
        headers = {"content-type": "application/json"} if body is not None else {}
        start = time.perf_counter()
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            response.read()
            status = response.status
            if response.getheader("connection", "").lower() == "close":
                conn.close()
                self.local.conn = None
        except (OSError, http.client.HTTPException):
            conn.close()
            self.local.conn = None
            status = 0
        return status, (time.perf_counter() - start) * 1000


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[k]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300, help="requests in all (default 300)")
    parser.add_argument("--concurrency", type=int, default=4, help="client threads (default 4)")
    parser.add_argument("--compare-share", type=float, default=0.5, help="share of POST /compare (default 0.5)")
    parser.add_argument("--workers", type=int, default=2, help="server worker threads (default 2)")
    parser.add_argument("--deadline", type=float, default=600, help="stop sending after this many seconds")
    parser.add_argument("--append-results", action="store_true", help="append the table to benchmarks/RESULTS.md")
    args = parser.parse_args(argv)
    if args.requests < 1 or args.concurrency < 1 or not 0 <= args.compare_share <= 1:
        parser.error("--requests and --concurrency must be positive, --compare-share in [0, 1]")

    original = (ROOT / "examples" / "original.txt").read_text(encoding="utf-8")
    rewrite = (ROOT / "examples" / "rewrite.txt").read_text(encoding="utf-8")
    every = max(1, round(1 / args.compare_share)) if args.compare_share > 0 else 0
    plan = [("POST", "/compare") if every and k % every == 0 else ("GET", "/health") for k in range(args.requests)]

    def body(k: int) -> bytes:
        suspect = rewrite + f"\n\nRequest {k} adds that {k + 3} ferries were delayed by the works on the seawall."
        return json.dumps({"original": original, "suspect": suspect}).encode("utf-8")

    port = free_port()
    load_before = os.getloadavg()
    proc = start_server(port, args.workers)
    results: dict[str, list[float]] = {"GET /health": [], "POST /compare": []}
    errors: dict[str, int] = {"GET /health": 0, "POST /compare": 0}
    statuses: dict[int, int] = {}
    lock = threading.Lock()
    try:
        ready_s = wait_ready(port, proc, timeout=180)
        client = Client(port, timeout=120)
        deadline = time.perf_counter() + args.deadline

        def one(k: int) -> None:
            if time.perf_counter() > deadline:
                return
            method, path = plan[k]
            status, ms = client.request(method, path, body(k) if method == "POST" else None)
            key = f"{method} {path}"
            with lock:
                statuses[status] = statuses.get(status, 0) + 1
                if status == 200:
                    results[key].append(ms)
                else:
                    errors[key] += 1

        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.concurrency) as pool:
            list(pool.map(one, range(args.requests)))
        wall = time.perf_counter() - started
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    load_after = os.getloadavg()

    sent = sum(len(v) for v in results.values()) + sum(errors.values())
    rows = []
    for key, times in results.items():
        rows.append(
            f"| `{key}` | {len(times) + errors[key]} | {errors[key]} | {percentile(times, 50):.0f} | "
            f"{percentile(times, 95):.0f} | {max(times) if times else float('nan'):.0f} |"
        )
    table = "\n".join(
        ["| endpoint | requests | errors | p50 ms | p95 ms | max ms |", "|---|---|---|---|---|---|", *rows]
    )
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    command = "python benchmarks/serve_load.py " + " ".join(argv if argv is not None else sys.argv[1:])
    summary = (
        f"{sent} requests in {wall:.1f} s ({sent / wall:.1f}/s), {args.concurrency} clients, server "
        f"--workers {args.workers}; models ready {ready_s:.1f} s after start; statuses {dict(sorted(statuses.items()))}"
    )
    print(table)
    print(summary)
    if args.append_results:
        compare_times = results["POST /compare"]
        mean_compare = statistics.mean(compare_times) if compare_times else float("nan")
        intro = (
            f"Run of {datetime.now():%Y-%m-%d %H:%M}: `{command.strip()}`. Machine: {os.cpu_count()} cores "
            f"({cpu}), Python {platform.python_version()}; server and clients on the same cores, over 127.0.0.1. "
            f"The machine was shared with other work during the run (load average {load_before[0]:.1f} before, "
            f"{load_after[0]:.1f} after), so the figures are upper bounds."
        )
        after = (
            f"{summary}. Each compare body is new (the example pair, the rewrite with one sentence of its own): "
            f"mean compare {mean_compare:.0f} ms. `/health` is answered by the event loop and never waits for "
            "the worker threads, so its latency under load is the time the loop needs to get to it."
        )
        text = (
            "\n## Web app under load (issue 6) \u2014 `python benchmarks/serve_load.py`\n\n"
            f"{textwrap.fill(intro, 110)}\n\n{table}\n\n{textwrap.fill(after, 110)}\n"
        )
        with (ROOT / "benchmarks" / "RESULTS.md").open("a", encoding="utf-8") as fh:
            fh.write(text)
        print("appended to benchmarks/RESULTS.md")
    return 1 if sum(errors.values()) else 0


if __name__ == "__main__":
    raise SystemExit(main())
