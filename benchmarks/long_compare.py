"""`storytrace compare` of two editions of a long hearing transcript: user-CPU, peak memory, false alarms, reuse.

Run: ``python benchmarks/long_compare.py [--baseline ../main/src] [--lines 2101,3202] [--seed 26] [--questions-only]``

A transcript over ``MAX_EMBEDDED_SENTENCES`` (2,000) sentences is aligned on its words and only part of it is
embedded (rev25e, rev26b). This builds one (deterministic for a seed): a title line and LINES one-sentence turns,
senators asking about numbered items and witnesses answering, then a second edition of it under another title that
rewords every fifth turn in words of its own, every name, figure and date kept. Nothing is added or changed in
meaning, so every medium or high finding is a false alarm, and the reuse should be near 1. ``--questions-only``
makes every turn the question session 26 measured (its rewording shares the fewest words with the original).

Each edition pair runs ``storytrace compare FIRST SECOND --format json`` in a child process; user-CPU seconds and
peak RSS come from ``os.wait4`` (user-CPU is the figure to compare on a shared machine: wall time under load is
noise). ``--baseline SRC`` runs the same command with another checkout's ``src`` first, in the same run, so both
rows are measured in the same conditions; the code under test is this checkout's ``src``. The default sizes give
2,102 and 3,203 sentences a side, session 26's two cases (fixrev26b).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SENATORS = ["Whitcombe", "Okafor", "Brandt", "Castellanos", "Tull", "Brannigan"]
WITNESSES = [("MR.", "Halvorsen"), ("DR.", "Lindqvist"), ("MS.", "Ashdown"), ("MR.", "Reyes")]
TOPICS = [
    "the tender budget",
    "the pumping station",
    "the storm gates",
    "the ferry terminal",
    "the Marrow County hiring rule",
    "the 1962 wall survey",
    "the bribery inquiry",
    "the concrete supplier",
    "the harbor dredging",
    "the insurance bond",
]
SIGNERS = ["Dana Ortiz", "Samuel Reyes", "Colette Brannigan", "Priya Castellanos", "Martin Ashdown"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]


@dataclass(frozen=True)
class Turn:
    """One line of the transcript as the first edition says it and as the second rewords it."""

    said: str
    reworded: str


def _payment_question(rng: random.Random, item: int) -> Turn:
    # session 26's wording (tests/test_fixrev26b_compare_long.py), the case its 420 false alarms came from
    senator = rng.choice(SENATORS)
    topic, quarter, year = rng.choice(TOPICS), rng.randint(1, 4), rng.randint(2015, 2023)
    return Turn(
        f"SEN. {senator.upper()}: On item {item}, what did the department pay for {topic} in quarter {quarter} "
        f"of {year}, and who signed it?",
        f"Sen. {senator}: Regarding item {item}, how much was spent by the department on {topic} during "
        f"Q{quarter} {year}, and whose signature is on it?",
    )


def _question(rng: random.Random, item: int) -> Turn:
    if rng.random() < 0.5:
        return _payment_question(rng, item)
    senator = rng.choice(SENATORS)
    topic, year, month = rng.choice(TOPICS), rng.randint(2015, 2023), rng.choice(MONTHS)
    return Turn(
        f"SEN. {senator.upper()}: On item {item}, when did the department first put {topic} out to tender, "
        f"and was it before {month} {year}?",
        f"Sen. {senator}: Regarding item {item}, on what date did {topic} first go out for bids from the "
        f"department, and was that ahead of {month} {year}?",
    )


def _answer(rng: random.Random, item: int) -> Turn:
    title, witness = rng.choice(WITNESSES)
    topic, year, signer = rng.choice(TOPICS), rng.randint(2015, 2023), rng.choice(SIGNERS)
    millions = f"{rng.randint(11, 98) / 10:.1f}"
    return Turn(
        f"{title} {witness.upper()}: On item {item}, the department paid ${millions} million for {topic} in "
        f"{year}, and {signer} signed the order.",
        f"{title.title()} {witness}: As for item {item}, {topic} cost the department ${millions} million in "
        f"{year}, under an order that carries {signer}'s signature.",
    )


def editions(lines: int, seed: int, *, questions_only: bool = False) -> tuple[str, str]:
    """A hearing transcript of ``lines`` turns under a title, and its second edition rewording every fifth turn.

    Turns alternate questions and answers; ``questions_only``: every turn is session 26's payment question, as in
    its figures. The same arguments give the same texts on every machine and Python version (``random.Random``
    with an int seed is stable). Each turn is one sentence, so each edition has ``lines + 1`` sentences."""
    rng = random.Random(seed)
    if questions_only:
        turns = [_payment_question(rng, k + 1) for k in range(lines)]
    else:
        turns = [(_question if k % 2 == 0 else _answer)(rng, k // 2 + 1) for k in range(lines)]
    first = "Senate finance committee hearing, February 20\n\n" + "\n\n".join(t.said for t in turns)
    second = "Finance committee hearing transcript (Feb. 20)\n\n" + "\n\n".join(
        t.reworded if k % 5 == 0 else t.said for k, t in enumerate(turns)
    )
    return first, second


@dataclass(frozen=True)
class Run:
    """What one compare cost and what it reported."""

    user_s: float
    peak_mb: float
    exit: int
    sentences: tuple[int, int]
    flagged: Counter[str]  # medium/high findings by "type severity"
    reuse: float | None
    relation: str
    last_err: str


def compare_run(first: Path, second: Path, src: Path, work: Path) -> Run:
    """``storytrace compare first second`` in a child process with ``src`` first on its path."""
    out = work / "report.json"
    out.unlink(missing_ok=True)
    cmd = [sys.executable, "-m", "storytrace.cli", "compare", str(first), str(second), "--format", "json"]
    env = {**os.environ, "PYTHONPATH": str(src)}
    env.pop("STORYTRACE_DEBUG", None)
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([*cmd, "--out", str(out)], env=env, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        code = os.waitstatus_to_exitcode(status)
        err.seek(0)
        lines = err.read().decode(errors="replace").strip().splitlines()
    # warnings go to stderr too (the "word by word" note); an error is the last line of a failed run
    last = lines[-1][:160] if lines and code != 0 else ""
    if code != 0 or not out.exists():
        return Run(usage.ru_utime, usage.ru_maxrss / 1024, code, (0, 0), Counter(), None, "-", last)
    report = json.loads(out.read_text(encoding="utf-8"))
    flagged = Counter(f"{f['type']} {f['severity']}" for f in report["findings"] if f["severity"] in ("medium", "high"))
    return Run(
        user_s=usage.ru_utime,
        peak_mb=usage.ru_maxrss / 1024,  # Linux: KiB
        exit=code,
        sentences=(len(report["source"]["sentences"]), len(report["derived"]["sentences"])),
        flagged=flagged,
        reuse=report["scores"]["reuse"],
        relation=report["verdict"]["relation"],
        last_err=last,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline", help="another checkout's src directory (main's), measured first")
    parser.add_argument("--lines", default="2101,3202", help="turns per edition, comma-separated (default 2101,3202)")
    parser.add_argument("--seed", type=int, default=26, help="the transcript generator's seed (default 26)")
    parser.add_argument(
        "--questions-only", action="store_true", help="every turn session 26's payment question (no answers)"
    )
    args = parser.parse_args(argv)
    try:
        sizes = [int(n) for n in args.lines.split(",")]
    except ValueError:
        parser.error(f"--lines takes whole numbers separated by commas, not {args.lines!r}")
    if any(n < 1 for n in sizes):
        parser.error("--lines must be positive")
    srcs = ([("baseline", Path(args.baseline).resolve())] if args.baseline else []) + [("branch", ROOT / "src")]
    for label, src in srcs:
        if not (src / "storytrace" / "cli.py").is_file():
            parser.error(f"{label}: {src} holds no storytrace/cli.py (give a checkout's src directory)")
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, load {os.getloadavg()[0]:.1f}")
    turns = "payment questions" if args.questions_only else "questions and answers"
    print(
        f"seed {args.seed}, {turns}, every fifth turn reworded; " + ", ".join(f"{label} = {src}" for label, src in srcs)
    )
    print("| sentences | code | user-s | peak MB | medium/high findings | reuse | relation | exit |")
    print("|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for lines in sizes:
            first, second = editions(lines, args.seed, questions_only=args.questions_only)
            first_path, second_path = work / "hearing.txt", work / "hearing-v2.txt"
            first_path.write_text(first + "\n", encoding="utf-8")
            second_path.write_text(second + "\n", encoding="utf-8")
            for label, src in srcs:
                run = compare_run(first_path, second_path, src, work)
                flagged = ", ".join(f"{n} {kind}" for kind, n in sorted(run.flagged.items())) or "0"
                reuse = "-" if run.reuse is None else f"{run.reuse:.2f}"
                sentences = " x ".join(f"{n:,}" for n in run.sentences)
                print(
                    f"| {sentences} | {label} | {run.user_s:.1f} | {run.peak_mb:.0f} | {flagged} | {reuse} | "
                    f"{run.relation} | {run.exit} |",
                    flush=True,
                )
                if run.last_err:
                    print(f"|   | {label}: {run.last_err.replace(str(work) + '/', '')} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
