"""rev27b 4: SIGTERM or SIGHUP sent to the whole process group (`systemctl stop` with KillMode=control-group, a job
scheduler's time limit, a closed terminal) reached the pool's workers too. They died at once, and a worker waiting
for work dies holding the lock of the pool's task queue: the parent's ``Pool.terminate`` then waited on that lock for
good, and the run hung until SIGKILL (3 of 7 scans). Workers now ignore the stop signals as they ignore Ctrl-C, and
the parent ends them with SIGKILL once it holds that lock."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storytrace.cli import EXIT_HANGUP, EXIT_TERMINATED
from test_orphan26_stop_signals import (
    _alive,
    _children,
    _default_stop_signals,
    _env,
    _gone_within,
    _judged_lines,
    _reap,
    _watch_children,
    corpus,  # noqa: F401 - the module's corpus fixture
)

pytestmark = pytest.mark.skipif(not hasattr(os, "killpg"), reason="process groups are POSIX")

#: A pool as every scan and `index add` starts one, stopped as the CLI stops a run (a stop signal raises
#: KeyboardInterrupt and the pool is terminated). One worker is busy; the other waits for work, which it does
#: holding the task queue's lock.
_POOL_WAITING = """
import sys, time
from storytrace.cli import STOP_SIGNALS, _stopped_by_signals
from storytrace.workers import spawn_pool
stop = []
pool = spawn_pool(2)
try:
    with _stopped_by_signals(stop):
        assert pool.map(abs, range(-4, 0)) == [4, 3, 2, 1]  # both workers set up (worker_init ran)
        pool.apply_async(time.sleep, (600,))
        time.sleep(1)
        print("waiting", flush=True)
        time.sleep(600)
except KeyboardInterrupt:
    pool.terminate()
    pool.join()
    print("stopped", flush=True)
    sys.exit(STOP_SIGNALS[stop[0]])
"""


def _in_own_group() -> None:
    _default_stop_signals()
    os.setpgrp()


@pytest.mark.parametrize(
    ("sig", "status"), [(signal.SIGTERM, EXIT_TERMINATED), (signal.SIGHUP, EXIT_HANGUP)], ids=["SIGTERM", "SIGHUP"]
)
def test_a_pool_stopped_by_a_signal_to_its_whole_group_ends(sig: signal.Signals, status: int) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", _POOL_WAITING], stdout=subprocess.PIPE, env=_env(), preexec_fn=_in_own_group
    )
    started: set[int] = set()
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline() == b"waiting\n"
        started = _children(proc.pid)
        assert len(_alive(started)) == 3  # two workers and the resource tracker
        os.killpg(proc.pid, sig)
        out, _ = proc.communicate(timeout=10)
        assert proc.returncode == status and out == b"stopped\n"
        assert not _gone_within(started, 5)
    finally:
        _reap(proc, started)


@pytest.mark.slow
def test_a_scan_stopped_by_sigterm_to_its_whole_group_exits_143(corpus: Path, tmp_path: Path) -> None:  # noqa: F811
    out = tmp_path / "stopped"
    cmd = [sys.executable, "-m", "storytrace.cli", "scan", str(corpus), "--out", str(out), "--workers", "2"]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, env=_env(), preexec_fn=_in_own_group)
    started: set[int] = set()
    try:
        for seen in _watch_children(proc, 240):
            started = seen
            if _judged_lines(out):
                break
        families = len({json.loads(line)["family"] for line in (out / "stages" / "candidates.jsonl").open()})
        assert 0 < len(_judged_lines(out)) < families
        started |= _children(proc.pid)
        time.sleep(1)  # a family's pairs in judging, and a worker waiting for the next
        os.killpg(proc.pid, signal.SIGTERM)  # as `systemctl stop` sends it
        _, err = proc.communicate(timeout=20)
        assert proc.returncode == EXIT_TERMINATED, err
        assert err.decode().splitlines()[-1] == "storytrace: error: interrupted; run the same command with --resume"
        assert not _gone_within(started, 10)
    finally:
        _reap(proc, started)
