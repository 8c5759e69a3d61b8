"""A closed terminal sends SIGHUP to the whole process group: the multiprocessing resource tracker, which ignores
SIGINT and SIGTERM but not SIGHUP, died with it, and the stopping run's pool locks started a new tracker that
printed a traceback for each (bench27, ``benchmarks/stop_signals.py --to group --signals HUP``). The tracker
``spawn_pool`` starts is now deaf to SIGHUP, and a run stopped so ends in its one line."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import storytrace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import make_scan_corpus
import stop_signals

#: the storytrace under test, for the child processes too
SRC = Path(storytrace.__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGHUP") or not Path("/proc/self/stat").exists(), reason="POSIX")

_HANG_UP_THE_TRACKER = """
import os, signal, time
from multiprocessing import resource_tracker
from storytrace.workers import spawn_pool
with spawn_pool(1) as pool:
    assert pool.map(abs, [-1]) == [1]
    tracker = resource_tracker._resource_tracker._pid
    os.kill(tracker, signal.SIGHUP)
    time.sleep(1)
    ended, status = os.waitpid(tracker, os.WNOHANG)
    print("alive" if ended == 0 else f"ended {os.waitstatus_to_exitcode(status)}", flush=True)
"""


def _env() -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    env.pop("STORYTRACE_DEBUG", None)
    return env


def test_the_pools_resource_tracker_outlives_a_sighup() -> None:
    # SIGHUP at its default in the child: a suite run under nohup would hand the tracker an ignored SIGHUP
    run = subprocess.run(
        [sys.executable, "-c", _HANG_UP_THE_TRACKER],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=120,
        preexec_fn=stop_signals._default_stop_signals,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout == "alive\n", run.stdout
    assert "Traceback" not in run.stderr and "died unexpectedly" not in run.stderr, run.stderr


def test_index_add_whose_terminal_closes_stops_in_one_line(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in make_scan_corpus.corpus(400, 7)), encoding="utf-8")
    work = tmp_path / "run"
    work.mkdir()
    stop = stop_signals.stop_run("index add", signal.SIGHUP, corpus, SRC, work, 60, group=True)
    assert isinstance(stop, stop_signals.Stop), stop
    err = (work / "stderr.txt").read_text()
    assert stop.exit == "129", err
    assert err == "storytrace: error: interrupted\n"
    assert not stop.all_gone.startswith(">")  # every worker and the tracker ended
