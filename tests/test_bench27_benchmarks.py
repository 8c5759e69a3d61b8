"""bench27: the long-compare and stop-signal benchmarks measure what they say.

long_compare.py's editions must be the same for a seed, one sentence a turn, and differ only in every fifth turn,
each a faithful rewording: a compare of them short enough to embed whole is quiet, so a medium or high finding
on the long ones is a false alarm. stop_signals.py must see every process a run starts, grandchildren too.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storytrace.article import Article
from storytrace.comparison import compare

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import long_compare
import stop_signals

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _turns(text: str) -> list[str]:
    return text.split("\n\n")[1:]  # the title first


@pytest.mark.parametrize("questions_only", [False, True])
def test_editions_are_fixed_by_the_seed_and_reword_every_fifth_turn_only(questions_only: bool) -> None:
    first, second = long_compare.editions(40, 3, questions_only=questions_only)
    assert (first, second) == long_compare.editions(40, 3, questions_only=questions_only)
    assert first != long_compare.editions(40, 4, questions_only=questions_only)[0]
    said, again = _turns(first), _turns(second)
    assert len(said) == len(again) == 40
    assert [k for k in range(40) if said[k] != again[k]] == list(range(0, 40, 5))
    if questions_only:
        assert all("what did the department pay for" in turn for turn in said)


def test_a_short_pair_of_editions_is_one_sentence_a_turn_and_quiet() -> None:
    first, second = long_compare.editions(60, 26)
    report = compare(Article(text=first, id="hearing"), Article(text=second, id="hearing-v2"))
    assert len(report.source.body) == len(report.derived.body) == 61
    assert report.verdict.relation == "derived" and report.scores.reuse >= 0.95
    assert [f for f in report.findings if f.severity in ("medium", "high")] == []


def test_long_compare_prints_a_row_for_each_checkout(tmp_path: Path) -> None:
    src = str(BENCHMARKS.parent / "src")
    env = {**os.environ, "PYTHONPATH": src}
    cmd = [sys.executable, str(BENCHMARKS / "long_compare.py"), "--lines", "12", "--baseline", src]
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600, check=True).stdout
    rows = [line for line in out.splitlines() if line.startswith("| 13 x 13 |")]
    assert [row.split(" | ")[1] for row in rows] == ["baseline", "branch"]
    assert all(row.split(" | ")[4] == "0" and row.endswith("| derived | 0 |") for row in rows), out


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--lines", "20,x"], "--lines takes whole numbers"), (["--baseline", "/nonexistent"], "holds no storytrace")],
)
def test_long_compare_refuses_bad_arguments_in_one_line(args: list[str], message: str) -> None:
    run = subprocess.run(
        [sys.executable, str(BENCHMARKS / "long_compare.py"), *args], capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 2 and message in run.stderr and "Traceback" not in run.stderr


def _parent(pid: int) -> int:
    fields = stop_signals._stat(pid)
    assert fields is not None
    return int(fields[1])


def test_stop_signals_sees_grandchildren_and_when_they_are_gone() -> None:
    # a subshell (a child) running sleep (a grandchild): spawned workers of a worker would stand so
    proc = subprocess.Popen(["sh", "-c", "(sleep 60; true) & wait"])
    found: set[int] = set()
    try:
        deadline = time.monotonic() + 10
        while len(found := stop_signals._descendants(proc.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(found) == 2 and stop_signals._alive(found) == found
        (subshell,) = {pid for pid in found if _parent(pid) == proc.pid}
        (sleeper,) = found - {subshell}
        assert _parent(sleeper) == subshell
        os.kill(sleeper, signal.SIGKILL)
        proc.wait(timeout=10)  # the subshell ends with its sleep, then the shell
        deadline = time.monotonic() + 10
        while stop_signals._alive(found) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert stop_signals._alive(found | {proc.pid}) == set()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for pid in stop_signals._alive(found):
            os.kill(pid, signal.SIGKILL)


def test_stop_signals_refuses_an_unknown_signal_in_one_line() -> None:
    run = subprocess.run(
        [sys.executable, str(BENCHMARKS / "stop_signals.py"), "--signals", "TERM,USR9"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 2 and "unknown command, signal or target: USR9" in run.stderr
