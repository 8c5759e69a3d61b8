"""A stopped run leaves no process behind (orphan26).

`kill`, a job scheduler's time limit and `systemctl stop` send SIGTERM, a closed terminal SIGHUP. Killed by
either, a local scan left its judging workers running (re-parented to init) until their task was done, and the
resource tracker with them. Now both stop a run as Ctrl-C does (exit 128 + the signal, one line, stages kept
for --resume), and a worker whose parent is gone by any means (SIGKILL too) exits at once.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from storytrace.cli import EXIT_HANGUP, EXIT_TERMINATED, main

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import make_scan_corpus

SRC = Path(__file__).resolve().parent.parent / "src"

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")


def _env() -> dict[str, str]:
    # this checkout's code in the child processes, whatever the environment installed
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(SRC), env.get("PYTHONPATH", "")) if p)
    env.pop("STORYTRACE_DEBUG", None)
    return env


def _stat(pid: int) -> list[str] | None:
    """The fields of /proc/PID/stat after the command name; None when there is no such process."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text.rsplit(")", 1)[1].split()


def _children(pid: int) -> set[int]:
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            fields = _stat(int(entry))
            if fields is not None and int(fields[1]) == pid:
                found.add(int(entry))
    return found


def _alive(pids: set[int]) -> set[int]:
    return {p for p in pids if (fields := _stat(p)) is not None and fields[0] != "Z"}


def _gone_within(pids: set[int], seconds: float) -> set[int]:
    """The processes of ``pids`` still running after ``seconds`` (each is one this test started)."""
    deadline = time.monotonic() + seconds
    while (left := _alive(pids)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


def _reap(proc: subprocess.Popen[bytes], started: set[int]) -> None:
    """Whatever a failed test left running, all of it started by this test."""
    if proc.poll() is None:
        proc.kill()
        proc.wait()
    for pid in _alive(started):
        os.kill(pid, signal.SIGKILL)


def _default_stop_signals() -> None:
    # A suite started under nohup or in the background passes SIGHUP or SIGINT on ignored; a user's terminal
    # would not.
    for sig in (signal.SIGHUP, signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, signal.SIG_DFL)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "c.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in make_scan_corpus.corpus(120, 7)), encoding="utf-8")
    return path


def _judged_lines(out: Path) -> list[bytes]:
    path = out / "stages" / "judged.jsonl"
    return path.read_bytes().splitlines(keepends=True) if path.exists() else []


def _watch_children(proc: subprocess.Popen[bytes], seconds: float) -> Iterator[set[int]]:
    """The children of ``proc`` seen so far, again every 50 ms while it runs, for at most ``seconds``."""
    seen: set[int] = set()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and proc.poll() is None:
        seen |= _children(proc.pid)
        yield seen
        time.sleep(0.05)


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_scan_stopped_mid_judging_leaves_no_process_and_resumes_to_the_same_pairs(
    sig: signal.Signals, corpus: Path, tmp_path: Path
) -> None:
    out = tmp_path / "stopped"
    err_path = tmp_path / "err.txt"
    cmd = [sys.executable, "-m", "storytrace.cli", "scan", str(corpus), "--out", str(out), "--workers", "2"]
    with err_path.open("wb") as err_file:
        proc = subprocess.Popen(cmd, stderr=err_file, env=_env(), preexec_fn=_default_stop_signals)
    started: set[int] = set()
    try:
        # Stopped once a family is judged and others are not: the workers are busy, judged.jsonl half written.
        for seen in _watch_children(proc, 240):
            started = seen
            if _judged_lines(out):
                break
        families = len({json.loads(line)["family"] for line in (out / "stages" / "candidates.jsonl").open()})
        judged_before = len(_judged_lines(out))
        assert 0 < judged_before < families, err_path.read_text()
        started |= _children(proc.pid)
        assert len(_alive(started)) >= 3  # two judging workers and the resource tracker
        stopped_at = time.monotonic()
        proc.send_signal(sig)
        proc.wait(timeout=20)
        took = time.monotonic() - stopped_at
        left = _gone_within(started, 10)
        err = err_path.read_text()
        assert not left, f"still running after the scan ended: {left}"
        assert proc.returncode == {signal.SIGTERM: EXIT_TERMINATED, signal.SIGHUP: EXIT_HANGUP}[sig], err
        assert took < 10, took
        assert err.splitlines()[-1] == "storytrace: error: interrupted; run the same command with --resume", err
        assert "Traceback" not in err and "leaked" not in err, err
    finally:
        _reap(proc, started)
    # every judged family kept is a whole line: --resume goes on from them
    kept = _judged_lines(out)
    assert len(kept) >= judged_before and all(json.loads(line)["pairs"] is not None for line in kept)
    assert main(["scan", str(corpus), "--out", str(out), "--resume", "--workers", "1"]) == 0
    whole = tmp_path / "whole"
    assert main(["scan", str(corpus), "--out", str(whole), "--workers", "1"]) == 0
    assert (out / "pairs.jsonl").read_bytes() == (whole / "pairs.jsonl").read_bytes()
    assert (out / "clusters.jsonl").read_bytes() == (whole / "clusters.jsonl").read_bytes()
    assert (out / "pairs.jsonl").read_bytes().count(b"\n") > 10


#: Starts a pool as every scan and `index add` does, keeps its two workers busy for ten minutes, and says so.
_BUSY_POOL = """
import os, sys, time
from storytrace.workers import spawn_pool
pool = spawn_pool(2)
assert pool.map(abs, range(-4, 0)) == [4, 3, 2, 1]  # both workers set up (worker_init ran)
busy = [pool.apply_async(time.sleep, (600,)) for _ in range(2)]
print("busy", flush=True)
time.sleep(600)
"""


def test_workers_exit_when_their_parent_is_killed_outright() -> None:
    """SIGKILL cannot be caught: the workers find out themselves that their parent is gone."""
    proc = subprocess.Popen(
        [sys.executable, "-c", _BUSY_POOL], stdout=subprocess.PIPE, env=_env(), preexec_fn=_default_stop_signals
    )
    started: set[int] = set()
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline() == b"busy\n"
        started = _children(proc.pid)
        assert len(_alive(started)) == 3  # two workers and the resource tracker
        proc.kill()
        proc.wait(timeout=10)
        assert not _gone_within(started, 10)
    finally:
        _reap(proc, started)


def _blocked_scan(tmp_path: Path) -> subprocess.Popen[bytes]:
    """A scan waiting for its corpus on stdin: stopped, it has read nothing and judged nothing."""
    cmd = [sys.executable, "-m", "storytrace.cli", "scan", "-", "--out", str(tmp_path / "out"), "--workers", "1"]
    return subprocess.Popen(
        cmd,
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
        preexec_fn=_default_stop_signals,
    )


def _wait_reading(proc: subprocess.Popen[bytes], out: Path) -> None:
    # The stages directory is made once the inputs are expanded, just before stdin is read.
    deadline = time.monotonic() + 60
    while not (out / "stages").exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None and (out / "stages").exists()


def test_sigterm_while_reading_exits_in_one_line(tmp_path: Path) -> None:
    proc = _blocked_scan(tmp_path)
    try:
        _wait_reading(proc, tmp_path / "out")
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=20)
        assert proc.returncode == EXIT_TERMINATED == 143
        assert err.decode() == "storytrace: error: interrupted; run the same command with --resume\n"
    finally:
        _reap(proc, set())


def test_a_sighup_the_user_ignores_stays_ignored(tmp_path: Path) -> None:
    """`nohup storytrace scan ...` is meant to outlive its terminal: SIGHUP does nothing, SIGTERM still stops."""

    def nohup() -> None:
        _default_stop_signals()
        signal.signal(signal.SIGHUP, signal.SIG_IGN)

    cmd = [sys.executable, "-m", "storytrace.cli", "scan", "-", "--out", str(tmp_path / "out"), "--workers", "1"]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(), preexec_fn=nohup)
    try:
        _wait_reading(proc, tmp_path / "out")
        proc.send_signal(signal.SIGHUP)
        time.sleep(1)
        assert proc.poll() is None  # still reading
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=20)
        assert proc.returncode == EXIT_TERMINATED == 143, err
    finally:
        _reap(proc, set())


def test_main_in_process_gets_its_signal_handlers_back(tmp_path: Path) -> None:
    """A caller that runs main() in its own process (tests, scripts) keeps its own SIGTERM handling."""
    before = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGHUP)}
    assert main(["scan", str(tmp_path / "missing.jsonl"), "--out", str(tmp_path / "out")]) == 2
    assert {sig: signal.getsignal(sig) for sig in before} == before


def test_index_add_stopped_by_sigterm_keeps_whole_batches_and_no_process(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in make_scan_corpus.corpus(400, 7)), encoding="utf-8")
    db = tmp_path / "i.db"
    cmd = [sys.executable, "-m", "storytrace.cli", "index", "add", "--db", str(db), str(corpus), "--workers", "2"]
    proc = subprocess.Popen(
        [*cmd, "--batch", "10"], stderr=subprocess.PIPE, env=_env(), preexec_fn=_default_stop_signals
    )
    started: set[int] = set()
    try:
        for seen in _watch_children(proc, 240):
            started = seen
            # batches have landed (~8 KiB an article) and the feature workers run
            if len(started) >= 2 and db.exists() and db.stat().st_size >= 100_000:
                break
        started |= _children(proc.pid)
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=20)
        assert proc.returncode == EXIT_TERMINATED, err
        assert err.decode() == "storytrace: error: interrupted\n"
        assert not _gone_within(started, 10)
    finally:
        _reap(proc, started)
    from storytrace.index import Index

    with Index(db, create=False) as index:
        n = len(index)
    assert 0 < n < 400 and n % 10 == 0, n
