"""How a running `storytrace scan` and `storytrace index add` stop on SIGTERM, SIGHUP and SIGKILL (Linux).

Run: ``python benchmarks/stop_signals.py [--baseline ../main/src] [--commands scan,index add]
[--signals TERM,HUP,KILL] [--to pid,group] [--articles 400]``

`kill`, a job scheduler's time limit and `systemctl stop` send SIGTERM, a closed terminal SIGHUP; SIGKILL cannot be
caught. Each run starts the command in a child process (2 workers, on a deterministic corpus from
make_scan_corpus.py), waits until it is busy — a scan once some families are judged and others are not, an index
add once batches have landed — and sends the signal to the storytrace process alone, as `kill PID` does (``--to
pid``), or to its whole process group, workers too, as a closed terminal (SIGHUP) and `systemctl stop` with systemd's
default KillMode=control-group (SIGTERM) do (``--to group``; each run is started in a process group of its own).
It prints:
the exit status (negative: killed by that signal, no handler ran), seconds from the signal to its exit, its
processes (pool workers, resource tracker) still running when it exited, seconds until the last of them was gone,
and whether its stderr held a traceback or a leaked-resource warning. A process still running after
``--linger-cap`` seconds is killed (each one was started by this run) and shown as ``>cap``.

``--baseline SRC`` runs the same with another checkout's ``src`` first, in the same run, so the rows compare in the
same conditions; the code under test is this checkout's ``src``. Session 26's figures (orphan26) are these rows
against 43a9ce8^1.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_scan_corpus

ROOT = Path(__file__).resolve().parent.parent
SIGNALS = {"TERM": signal.SIGTERM, "HUP": signal.SIGHUP, "KILL": signal.SIGKILL}
COMMANDS = ("scan", "index add")


def _stat(pid: int) -> list[str] | None:
    """The fields of /proc/PID/stat after the command name; None when there is no such process."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text.rsplit(")", 1)[1].split()


def _descendants(pid: int) -> set[int]:
    """Every process under ``pid`` now: spawned pool workers and the resource tracker are its children."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit() and (fields := _stat(int(entry))) is not None:
            parents.setdefault(int(fields[1]), []).append(int(entry))
    found: set[int] = set()
    todo = [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def _alive(pids: set[int]) -> set[int]:
    return {p for p in pids if (fields := _stat(p)) is not None and fields[0] != "Z"}


def _default_stop_signals() -> None:
    # This script may run under nohup or in the background, which passes SIGHUP or SIGINT on ignored; a user's
    # terminal or a service manager would not.
    for sig in (signal.SIGHUP, signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, signal.SIG_DFL)


@dataclass(frozen=True)
class Stop:
    """How one run ended after its signal."""

    exit: str  # the exit status, ">cap" when it had not exited by then
    to_exit: float  # seconds from the signal to the storytrace process's exit
    left: int  # its processes still running when it exited
    all_gone: str  # seconds from the signal until the last of them was gone, ">cap" if they outlived it
    traceback: bool
    leaked: bool
    last_err: str


def _busy(command: str, proc: subprocess.Popen[bytes], work: Path, seen: set[int]) -> bool:
    """Whether the run is mid-work, so the signal lands on busy workers and half-written output."""
    if command == "scan":
        judged = work / "out" / "stages" / "judged.jsonl"
        candidates = work / "out" / "stages" / "candidates.jsonl"
        if not judged.exists() or not candidates.exists():
            return False
        done = judged.read_bytes().count(b"\n")
        try:
            families = {json.loads(line)["family"] for line in candidates.read_text(encoding="utf-8").splitlines()}
        except ValueError:  # a line still being written
            return False
        return 0 < done < len(families) and len(_alive(seen)) >= 3  # two workers and the resource tracker
    db = work / "index.db"
    return len(_alive(seen)) >= 2 and db.exists() and db.stat().st_size >= 100_000


def _command(command: str, corpus: Path, work: Path) -> list[str]:
    exe = [sys.executable, "-m", "storytrace.cli"]
    if command == "scan":
        return [*exe, "scan", str(corpus), "--out", str(work / "out"), "--workers", "2"]
    return [*exe, "index", "add", "--db", str(work / "index.db"), str(corpus), "--workers", "2", "--batch", "10"]


def stop_run(
    command: str, sig: signal.Signals, corpus: Path, src: Path, work: Path, cap: float, *, group: bool = False
) -> Stop | str:
    """Start ``command`` with ``src`` first on its path, signal it (``group``: its process group) once busy; a
    string says why it never got busy."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    env.pop("STORYTRACE_DEBUG", None)
    err_path = work / "stderr.txt"
    seen: set[int] = set()
    with err_path.open("wb") as err:
        proc = subprocess.Popen(
            _command(command, corpus, work),
            stdout=subprocess.DEVNULL,
            stderr=err,
            env=env,
            preexec_fn=_default_stop_signals,
            process_group=0,
        )
    try:
        deadline = time.monotonic() + 600
        while proc.poll() is None and time.monotonic() < deadline:
            seen |= _descendants(proc.pid)
            if _busy(command, proc, work, seen):
                break
            time.sleep(0.05)
        else:
            tail = err_path.read_text(errors="replace").strip().splitlines()[-1:]
            return f"never busy (exit {proc.returncode}): {' '.join(tail)[:120]}"
        seen |= _descendants(proc.pid)
        signalled = time.monotonic()
        if group:
            os.killpg(proc.pid, sig)
        else:
            proc.send_signal(sig)
        exited_in: float | None = None
        left = 0
        while time.monotonic() - signalled < cap:
            if exited_in is None:
                # the run may start processes up to its very end (a worker replaced): keep looking
                seen |= _descendants(proc.pid)
                if proc.poll() is not None:
                    exited_in = time.monotonic() - signalled
                    left = len(_alive(seen))
            if exited_in is not None and not _alive(seen):
                break
            time.sleep(0.02)
        gone = time.monotonic() - signalled
        still = _alive(seen)
        if exited_in is None:
            proc.kill()
            proc.wait()
            left = len(_alive(seen))
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for pid in _alive(seen):  # each one was started by this run
            os.kill(pid, signal.SIGKILL)
    text = err_path.read_text(errors="replace")
    lines = text.strip().splitlines()
    return Stop(
        exit=f">{cap:.0f}" if exited_in is None else str(proc.returncode),
        to_exit=cap if exited_in is None else exited_in,
        left=left,
        all_gone=f">{cap:.0f}" if still else f"{gone:.1f}",
        traceback="Traceback" in text,
        leaked="leaked" in text,
        last_err=lines[-1][:120] if lines else "",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline", help="another checkout's src directory (main's), measured first")
    parser.add_argument("--commands", default=",".join(COMMANDS), help="scan, index add (comma-separated)")
    parser.add_argument("--signals", default="TERM,HUP,KILL", help="TERM, HUP, KILL (comma-separated)")
    parser.add_argument("--to", default="pid", help="pid (the storytrace process), group (its process group), or both")
    parser.add_argument("--articles", type=int, default=400, help="articles in the corpus (default 400)")
    parser.add_argument("--linger-cap", type=float, default=120, help="seconds to wait for processes to end")
    args = parser.parse_args(argv)
    if not Path("/proc/self/stat").exists():
        parser.error("reads processes from /proc: Linux only")
    commands = [c.strip() for c in args.commands.split(",")]
    names = [s.strip().upper().removeprefix("SIG") for s in args.signals.split(",")]
    targets = [t.strip() for t in args.to.split(",")]
    unknown = [c for c in commands if c not in COMMANDS] + [s for s in names if s not in SIGNALS]
    if unknown := unknown + [t for t in targets if t not in ("pid", "group")]:
        parser.error(f"unknown command, signal or target: {', '.join(unknown)}")
    srcs = ([("baseline", Path(args.baseline).resolve())] if args.baseline else []) + [("branch", ROOT / "src")]
    for label, src in srcs:
        if not (src / "storytrace" / "cli.py").is_file():
            parser.error(f"{label}: {src} holds no storytrace/cli.py (give a checkout's src directory)")
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, load {os.getloadavg()[0]:.1f}")
    print(f"corpus: make_scan_corpus {args.articles} articles, seed 7; " + ", ".join(f"{k} = {v}" for k, v in srcs))
    print("| command | signal | to | code | exit | s to exit | left at exit | s until all gone | traceback | leaked |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        records = make_scan_corpus.corpus(args.articles, 7)
        corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        for command in commands:
            for name, target in ((n, t) for n in names for t in targets):
                for label, src in srcs:
                    with tempfile.TemporaryDirectory(dir=tmp) as run_dir:
                        stop = stop_run(
                            command, SIGNALS[name], corpus, src, Path(run_dir), args.linger_cap, group=target == "group"
                        )
                    row = f"| {command} | SIG{name} | {target} | {label} |"
                    if isinstance(stop, str):
                        print(f"{row} {stop} |", flush=True)
                        continue
                    print(
                        f"{row} {stop.exit} | {stop.to_exit:.1f} | {stop.left} | {stop.all_gone} | "
                        f"{'yes' if stop.traceback else 'no'} | {'yes' if stop.leaked else 'no'} |",
                        flush=True,
                    )
                    if stop.last_err:
                        print(f"|   |   |   | {label} stderr: {stop.last_err} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
