"""Re-judge the traces of an ``eval_trace.py --dump`` file with the verdict code of this checkout.

    python benchmarks/eval_trace.py --limit 200 --n-frank 50 --n-summac 50 --n-removed 100 --dump /tmp/t.pkl
    python benchmarks/replay_trace.py /tmp/t.pkl [--misses]

Each dumped candidate keeps its alignment; only ``audit`` (scores, relation, direction) runs again, and the
source is chosen as ``trace`` chooses it (qualifying candidates: derived or partially derived and not
``reversed``; derived before partially derived, then by reuse). So a change to the verdict alone (audit.py,
the verdict settings) is measured in seconds instead of a full trace run; a change to the analysis,
the alignment or retrieval needs eval_trace.py itself. On the dump of the run it was made from it
reproduces eval_trace.py's "source=orig", Clough ``non`` and original-removed figures exactly (the eval data
have no publication dates, so ``trace._qualifies``'s date rule plays no part).
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _evaldata  # noqa: F401  (puts src/ on the path in a checkout)
from storytrace.audit import Audit, audit
from storytrace.settings import DEFAULT_SETTINGS

_RANK = {"derived": 0, "partially_derived": 1}


def judged(rows: list[tuple[str, float, Any]]) -> list[tuple[str, Audit]]:
    """(candidate id, audit) of every compared candidate of one trace."""
    out = []
    for cid, _, rep in rows:
        if rep:
            forget_details(rep.alignment)
            out.append((cid, audit(rep.alignment, settings=DEFAULT_SETTINGS, findings=False)))
    return out


def forget_details(alignment: Any) -> None:
    """Drop the names and figures ``audit._body_details`` memoised on both documents when the dump was made:
    pickled with them, a replay would judge a change to the name test with the old names."""
    for doc in (alignment.source, alignment.derived):
        doc.__dict__.pop("_body_details", None)


def source_of(candidates: list[tuple[str, Audit]]) -> str | None:
    ok = [(cid, a) for cid, a in candidates if a.verdict.relation in _RANK and a.verdict.direction != "reversed"]
    ok.sort(key=lambda t: (_RANK[t[1].verdict.relation], -t[1].scores.reuse))
    return ok[0][0] if ok else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("dump", help="a file written by eval_trace.py --dump")
    ap.add_argument("--misses", action="store_true", help="list the SheepDog rewrites whose source is wrong")
    args = ap.parse_args(argv)
    with open(args.dump, "rb") as f:
        dump = pickle.load(f)
    n: Counter[str] = Counter()
    ok: Counter[str] = Counter()
    on_truth: Counter[tuple[str, str]] = Counter()
    misses = []
    for qid, qset, truth, extra, _, rows in dump["full"]:
        candidates = judged(rows)
        source = source_of(candidates)
        n[qset] += 1
        ok[qset] += source == truth  # truth None: correct when no source is found
        if qset == "sheepdog":
            on_truth.update((a.verdict.relation, a.verdict.direction) for cid, a in candidates if cid == truth)
            if source != truth:
                misses.append((qid, extra.get("variant", ""), truth, source))
    print("source == the true original (Clough non: no source found)")
    for qset in sorted(n):
        print(f"  {qset:16s} {ok[qset]:4d} / {n[qset]:4d} = {ok[qset] / n[qset]:.3f}")
    # The false-alarm side: every compared candidate that is not the query's original (the other stories
    # of the short list, and all of them once the original is removed), judged derived or partially derived.
    others = [
        (a.verdict.relation, rep.verdict.relation)
        for part in ("full", "removed")
        for _, _, truth, _, _, rows in dump[part]
        for (cid, a), (_, _, rep) in zip(judged(rows), [r for r in rows if r[2]], strict=True)
        if cid != truth
    ]
    now = sum(r in _RANK for r, _ in others)
    then = sum(r in _RANK for _, r in others)
    print(f"candidates other than the original judged (partially) derived: {now} of {len(others)} (dumped: {then})")
    removed = [source_of(judged(rows)) for *_, rows in dump["removed"]]
    right = sum(s is None for s in removed)
    print(f"original removed: no source {right} / {len(removed)} = {right / max(1, len(removed)):.3f}")
    print("SheepDog: verdict on the true original: " + ", ".join(f"{k} {v}" for k, v in sorted(on_truth.items())))
    if args.misses:
        for qid, variant, truth, source in misses:
            print(f"  miss: {qid} ({variant}) truth {truth}, source {source}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
