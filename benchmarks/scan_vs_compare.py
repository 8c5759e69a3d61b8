"""Does a scan's verdict on a pair agree with ``storytrace compare`` on the same two articles?

    storytrace scan CORPUS... --out OUT
    python benchmarks/scan_vs_compare.py OUT/pairs.jsonl CORPUS...

The scan compares on lexical evidence and embeds only the sentences that can change its verdict; ``compare``
embeds every sentence. For each pair the scan reported as ``derived`` or ``partially_derived``, this runs
``compare`` (source as the original) and prints how often the relation agrees, where it moves, and how far
the reuse and coverage scores are apart.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _evaldata  # noqa: F401  (puts src/ on the path in a checkout)
from storytrace import compare
from storytrace.corpus import read_corpus


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("pairs", help="pairs.jsonl of a scan")
    ap.add_argument("inputs", nargs="+", help="the scan's inputs")
    a = ap.parse_args(argv)
    articles = {r.article.id: r.article for r in read_corpus(a.inputs) if r.article is not None}
    with open(a.pairs, encoding="utf-8") as fh:
        pairs = [json.loads(line) for line in fh if line.strip()]
    pairs = [p for p in pairs if p["relation"] in ("derived", "partially_derived")]
    moves: Counter[tuple[str, str]] = Counter()
    reuse: list[float] = []
    coverage: list[float] = []
    t0 = time.perf_counter()
    for p in pairs:
        report = compare(articles[p["source_id"]], articles[p["derived_id"]])
        moves[(p["relation"], report.verdict.relation)] += 1
        if p["scores"]["reuse"] is not None:
            reuse.append(abs(report.scores.reuse - p["scores"]["reuse"]))
            coverage.append(abs(report.scores.coverage - p["scores"]["coverage"]))
    took = time.perf_counter() - t0
    print(f"{len(pairs)} pairs the scan judged derived or partially derived, compared in {took:.1f} s")
    agree = sum(n for (s, c), n in moves.items() if s == c)
    print(f"relation agrees: {agree} of {len(pairs)}")
    for (s, c), n in sorted(moves.items(), key=lambda kv: -kv[1]):
        print(f"  scan {s:18s} -> compare {c:18s} {n}")
    for name, diffs in (("reuse", reuse), ("coverage", coverage)):
        if diffs:
            print(
                f"|{name} difference|: median {statistics.median(diffs):.3f}, max {max(diffs):.3f}, "
                f"> 0.1 for {sum(d > 0.1 for d in diffs)} of {len(diffs)}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
