"""A bounded load test of ``storytrace serve`` on this machine's loopback address.

    python benchmarks/serve_load.py                       # 300 requests, 4 at a time
    python benchmarks/serve_load.py --requests 400 --concurrency 4 --append-results
    python benchmarks/serve_load.py --trace-share 0.5 --compare-share 0   # traces against a small index

Starts the server in a subprocess on 127.0.0.1 (a free port), waits until its models are loaded, then sends a
fixed number of requests from ``--concurrency`` client threads: a mix of ``GET /health`` and ``POST /compare``
with the bundled examples (every compare body is new: the rewrite gets one sentence of its own, so the server
analyses a new suspect each time while the original's sentence vectors are memo hits, as when one original is
checked against many rewrites). With ``--trace-share``, that share of the requests are ``POST /trace`` of such
a rewrite against an index of the examples built in a temporary directory. Prints, per endpoint, the count,
errors (any answer other than 200, or no answer) and p50/p95/max latency; ``--append-results`` adds the table
to benchmarks/RESULTS.md. It stops by itself: after ``--requests`` requests or ``--deadline`` seconds,
whichever comes first, and always stops the server. Exit status 1 if any request failed.

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
import tempfile
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


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def build_index(path: Path) -> None:
    """The bundled examples (the original, an independent report, an unrelated story) in an index."""
    files = [str(ROOT / "examples" / f"{name}.txt") for name in ("original", "independent", "unrelated")]
    command = [sys.executable, "-m", "storytrace.cli", "index", "add", "--db", str(path), *files]
    subprocess.run(command, cwd=ROOT, env=_env(), check=True, capture_output=True)


def start_server(port: int, workers: int, db: Path | None = None) -> subprocess.Popen[bytes]:
    env = _env()
    command = [sys.executable, "-m", "storytrace.cli", "serve", "--host", HOST, "--port", str(port)]
    if db is not None:
        command += ["--db", str(db)]
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
    parser.add_argument("--trace-share", type=float, default=0.0, help="share of POST /trace (default 0)")
    parser.add_argument("--workers", type=int, default=2, help="server worker threads (default 2)")
    parser.add_argument("--deadline", type=float, default=600, help="stop sending after this many seconds")
    parser.add_argument("--append-results", action="store_true", help="append the table to benchmarks/RESULTS.md")
    args = parser.parse_args(argv)
    shares_ok = min(args.compare_share, args.trace_share) >= 0 and args.compare_share + args.trace_share <= 1
    if args.requests < 1 or args.concurrency < 1 or not shares_ok:
        parser.error("--requests and --concurrency must be positive, --compare-share + --trace-share in [0, 1]")

    original = (ROOT / "examples" / "original.txt").read_text(encoding="utf-8")
    rewrite = (ROOT / "examples" / "rewrite.txt").read_text(encoding="utf-8")
    # Spread each kind evenly: request k is a compare when the running share of compares falls short, etc.
    plan: list[tuple[str, str]] = []
    for k in range(args.requests):
        if int((k + 1) * args.compare_share) > int(k * args.compare_share):
            plan.append(("POST", "/compare"))
        elif int((k + 1) * args.trace_share) > int(k * args.trace_share):
            plan.append(("POST", "/trace"))
        else:
            plan.append(("GET", "/health"))

    def body(k: int) -> bytes:
        suspect = rewrite + f"\n\nRequest {k} adds that {k + 3} ferries were delayed by the works on the seawall."
        if plan[k][1] == "/trace":
            return json.dumps({"text": suspect, "top": 3}).encode("utf-8")
        return json.dumps({"original": original, "suspect": suspect}).encode("utf-8")

    port = free_port()
    tmp = tempfile.TemporaryDirectory(prefix="storytrace-serve-")
    db = None
    if args.trace_share > 0:
        db = Path(tmp.name) / "examples.db"
        build_index(db)
    load_before = os.getloadavg()
    proc = start_server(port, args.workers, db)
    kinds = ["GET /health", "POST /compare", "POST /trace"]
    results: dict[str, list[float]] = {key: [] for key in kinds}
    errors: dict[str, int] = {key: 0 for key in kinds}
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
        tmp.cleanup()
    load_after = os.getloadavg()

    sent = sum(len(v) for v in results.values()) + sum(errors.values())
    rows = []
    for key, times in results.items():
        if not times and not errors[key]:
            continue
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
