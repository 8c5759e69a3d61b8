"""What compare reports on LLM rewrites: findings per type on a seeded sample of SheepDog rewrites.

    python benchmarks/sheepdog_findings.py [--n 120] [--seed 13] [--dump FILE]

SheepDog (../shared/eval/sheepdog-train) pairs 1,440 LLM rewrites with their originals but labels no change,
so this is no accuracy figure: it counts the findings (severity high or medium) that ``storytrace.compare``
reports on a seeded sample, per type and subtype, to see how loud the report is on whole-article restyles
and to compare two versions of the code (run it on each, e.g. a ``git archive`` export on ``PYTHONPATH``).
Which of them are real is judged by hand from ``--dump`` (one JSON line per finding, with the pair's id);
RESULTS.md gives those judgements. Also printed: the share of pairs that ``audit`` treats as a restyle
(``Settings.restyled_min_links`` / ``restyled_share``), when the code has that rule.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _evaldata import eval_dir_from, load_sheepdog, print_header, table
from storytrace import compare
from storytrace.settings import DEFAULT_SETTINGS


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval-dir", default=None, help="labelled data (default: ../shared/eval next to the checkout)")
    ap.add_argument("--n", type=int, default=120, help="rewrites in the sample (default 120)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--dump", default=None, help="write every finding as a JSON line to this path")
    args = ap.parse_args()
    originals, rewrites = load_sheepdog(eval_dir_from(args.eval_dir))
    sample = list(rewrites)
    random.Random(args.seed).shuffle(sample)
    sample = sample[: args.n]
    print_header("Findings on SheepDog LLM rewrites", DEFAULT_SETTINGS, {"sample": f"{len(sample)} (seed {args.seed})"})

    try:
        from storytrace.audit import _restyled  # the rule this script was written to measure
    except ImportError:
        _restyled = None  # type: ignore[assignment]

    counts: Counter[tuple[str, str]] = Counter()
    pairs_with: Counter[tuple[str, str]] = Counter()
    by_variant: Counter[str] = Counter()
    restyled = 0
    t0 = time.perf_counter()
    out = open(args.dump, "w", encoding="utf-8") if args.dump else None  # noqa: SIM115
    try:
        for r in sample:
            report = compare(originals[r.orig_id], r.text)
            if _restyled is not None and _restyled(report.alignment, report.settings):
                restyled += 1
            seen: set[tuple[str, str]] = set()
            for f in report.findings:
                if out is not None:
                    row = {"pair": r.id, "type": f.type, "subtype": f.subtype, "severity": f.severity}
                    out.write(json.dumps({**row, "detail": f.detail, "before": f.before, "after": f.after}) + "\n")
                if f.severity not in ("high", "medium"):
                    continue
                key = (f.type, f.subtype or "")
                counts[key] += 1
                seen.add(key)
                by_variant[r.variant] += 1
            pairs_with.update(seen)
    finally:
        if out is not None:
            out.close()
    rows = [(t, s, n, pairs_with[(t, s)]) for (t, s), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    print(table(rows, ["type", "subtype", "findings (high/medium)", "pairs with one"]))
    print(
        f"total {sum(counts.values())} findings on {len(sample)} pairs; without fact_omitted "
        f"{sum(n for (t, _), n in counts.items() if t != 'fact_omitted')}"
    )
    print("per style: " + ", ".join(f"{v} {by_variant[v]}" for v in sorted(by_variant)))
    if _restyled is not None:
        print(f"pairs read as a restyle (Settings.restyled_*): {restyled} of {len(sample)}")
    print(f"elapsed {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
