"""Where a local scan's wall time goes: each judging worker's busy and idle time, the parent's own work.

    python benchmarks/scan_wall.py CORPUS OUT [--workers N] [--json TIMELINE.json]

Runs ``storytrace scan CORPUS --out OUT`` (the library call, local engine) with timers around the worker's
task (``scan.local._judge_family``), its start-up (``_load_models``) and its analyses (``judge.analyse``),
and around the parent's steps. The timers are installed when this module is imported, and a spawned worker
imports the main script again (as ``__mp_main__``), so the workers run them too.

The machine may be shared: a task's wall time then counts other jobs' time slices, so its CPU seconds are
what the scan costs. Idle time is measured where it does not depend on the load: the wall time a worker
had no task (waiting for its first one after its models loaded, between tasks, at the end while the other
worker finishes). Within a task, Linux's ``/proc/self/schedstat`` splits the wall time into CPU, waiting
for a core (``runqueue``: other processes, this scan's included, had it) and the rest (``blocked``: reading
files, waiting on a lock or the queue), which does not depend on the load either.

Printed: per worker, start-up CPU (interpreter, imports and models), when it was ready and got its first
task, its tasks' CPU and wall, its idle seconds, how many analyses it made and of how many distinct
articles; for the parent, the CPU and wall of each step (articles, candidates, handling results, outputs).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from itertools import pairwise
from typing import Any

import storytrace.scan.judge as judge
import storytrace.scan.local as local
import storytrace.scan.overview as overview
import storytrace.scan.pipeline as pipeline
from storytrace.scan.stages import StageDir

# -- in every process (the parent and each spawned worker) ----------------------------------------------------

_IMPORTED = (time.time(), time.process_time())  # a worker: after the interpreter and this script's imports
_WORKER: dict[str, Any] = {"first": True, "prepare": None, "analyses": 0, "analyse_cpu": 0.0, "read_cpu": 0.0}
_ANALYSED: set[Any] = set()
_judge_family = local._judge_family
_load_models = local._load_models
_analyse = judge.analyse
_get_articles = StageDir.get_articles


def _schedstat() -> tuple[float, float]:
    """This process's CPU seconds and seconds spent runnable but waiting for a core (Linux; else zeros)."""
    try:
        with open("/proc/self/schedstat", encoding="ascii") as fh:
            cpu, wait = fh.read().split()[:2]
    except OSError:
        return 0.0, 0.0
    return int(cpu) / 1e9, int(wait) / 1e9


def _timed_load_models(config: Any) -> None:
    wall, cpu = time.time(), time.process_time()
    _load_models(config)
    _WORKER["prepare"] = (wall, time.time(), time.process_time() - cpu)


def _timed_judge_family(task: Any) -> tuple[int, Any]:
    wall, cpu = time.time(), time.process_time()
    sched = _schedstat()
    family, judgements = _judge_family(task)
    ran, waited = (b - a for a, b in zip(sched, _schedstat(), strict=True))
    info: dict[str, Any] = {
        "pid": os.getpid(),
        "family": family,
        "pairs": len(task[2]),
        "start": wall,
        "end": time.time(),
        "cpu": time.process_time() - cpu,
        "runqueue": waited,
        "blocked": max(0.0, time.time() - wall - ran - waited),
        "analyses": _WORKER["analyses"],
        "distinct": len(_ANALYSED),
        "analyse_cpu": _WORKER["analyse_cpu"],
        "read_cpu": _WORKER["read_cpu"],
    }
    if _WORKER["first"]:
        _WORKER["first"] = False
        info["imported"] = _IMPORTED
        info["prepare"] = _WORKER["prepare"]
    return family, (judgements, info)


def _counted_analyse(article: Any, *args: Any, **kwargs: Any) -> Any:
    cpu = time.process_time()
    doc = _analyse(article, *args, **kwargs)
    _WORKER["analyses"] += 1
    _WORKER["analyse_cpu"] += time.process_time() - cpu
    _ANALYSED.add(article.id)
    return doc


def _timed_get_articles(self: StageDir, positions: Any) -> Any:
    cpu = time.process_time()
    out = _get_articles(self, positions)
    _WORKER["read_cpu"] += time.process_time() - cpu
    return out


local._judge_family = _timed_judge_family  # type: ignore[assignment]
local._load_models = _timed_load_models
judge.analyse = _counted_analyse
StageDir.get_articles = _timed_get_articles  # type: ignore[method-assign]

# -- in the parent ------------------------------------------------------------------------------------------


def _timer(steps: dict[str, list[float]], owner: Any, name: str) -> None:
    inner: Callable[..., Any] = getattr(owner, name)

    def timed(*args: Any, **kwargs: Any) -> Any:
        wall, cpu = time.time(), time.process_time()
        try:
            return inner(*args, **kwargs)
        finally:
            step = steps.setdefault(name, [0.0, 0.0])
            step[0] += time.process_time() - cpu
            step[1] += time.time() - wall

    setattr(owner, name, timed)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("out")
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--json", help="write every task's record here")
    args = ap.parse_args()

    from storytrace.workers import collect_less_often

    collect_less_often()  # as the CLI does
    tasks: list[dict[str, Any]] = []
    handling = [0.0, 0.0]  # the parent's CPU and wall between receiving a result and asking for the next
    judge_families = local.LocalEngine.judge

    def judged(self: local.LocalEngine, *a: Any, **k: Any) -> Any:
        for family, (judgements, info) in judge_families(self, *a, **k):
            info["received"] = time.time()
            tasks.append(info)
            wall, cpu = time.time(), time.process_time()
            yield family, judgements
            handling[0] += time.process_time() - cpu
            handling[1] += time.time() - wall

    local.LocalEngine.judge = judged  # type: ignore[method-assign]
    steps: dict[str, list[float]] = {}
    for name in ("pair_records", "clusters", "outlet_rows", "outlet_edges", "write_atomic"):
        _timer(steps, pipeline, name)
    _timer(steps, overview, "overview_html")
    _timer(steps, local.LocalEngine, "candidates")
    for name in ("write_articles", "write_candidates", "read_candidates"):
        _timer(steps, StageDir, name)

    start, start_cpu = time.time(), time.process_time()
    result = pipeline.run_scan(
        [args.corpus],
        args.out,
        engine=local.LocalEngine(args.workers),
        progress=lambda msg: print(f"{time.time() - start:7.2f} s  {msg}", file=sys.stderr),
    )
    wall = time.time() - start
    children = os.times()
    judging_from = start + result.stage_seconds["articles"] + result.stage_seconds["candidates"]
    judging_to = max((t["end"] for t in tasks), default=judging_from)
    workers: dict[int, list[dict[str, Any]]] = {}
    for t in tasks:
        workers.setdefault(t["pid"], []).append(t)
    rows = []
    for pid, own in sorted(workers.items()):
        own.sort(key=lambda t: t["start"])
        first, last = own[0], own[-1]
        prepare = first.get("prepare")
        ready = prepare[1] if prepare else first["imported"][0]
        busy = sum(t["end"] - t["start"] for t in own)
        rows.append(
            {
                "pid": pid,
                "tasks": len(own),
                "startup_cpu": round(first["imported"][1] + (prepare[2] if prepare else 0.0), 2),
                "ready_at": round(ready - start, 2),
                "first_task_at": round(first["start"] - start, 2),
                "task_cpu": round(sum(t["cpu"] for t in own), 2),
                "task_wall": round(busy, 2),
                "task_runqueue": round(sum(t["runqueue"] for t in own), 2),
                "task_blocked": round(sum(t["blocked"] for t in own), 2),
                # Judging could start, but this worker was still loading its models (warm_up started it
                # with the candidates stage): its start-up was on the critical path by this much.
                "loading_into_judging": round(max(0.0, ready - judging_from), 2),
                "idle_before_first": round(max(0.0, first["start"] - max(ready, judging_from)), 2),
                "idle_between": round(sum(b["start"] - a["end"] for a, b in pairwise(own)), 2),
                "idle_at_end": round(judging_to - last["end"], 2),
                "analyses": last["analyses"],
                "distinct_analysed": last["distinct"],
                "analyse_cpu": round(last["analyse_cpu"], 2),
                "read_cpu": round(last["read_cpu"], 2),
            }
        )
    summary = {
        "wall": round(wall, 2),
        "stage_seconds": result.stage_seconds,
        "parent_cpu": round(time.process_time() - start_cpu, 2),
        "workers_cpu": round(children.children_user + children.children_system, 2),
        "judging_wall": round(judging_to - judging_from, 2),
        "after_judging_wall": round(start + wall - judging_to, 2),
        "parent_handling_results": {"cpu": round(handling[0], 2), "wall": round(handling[1], 2)},
        "result_lag": round(sum(t["received"] - t["end"] for t in tasks), 2),
        "parent_steps": {k: {"cpu": round(v[0], 3), "wall": round(v[1], 3)} for k, v in sorted(steps.items())},
        "workers": rows,
    }
    print(json.dumps(summary, indent=1))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump({"start": start, "tasks": tasks, "summary": summary}, fh)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
