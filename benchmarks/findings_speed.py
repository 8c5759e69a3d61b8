"""CPU time of the findings of a reported pair: ``comparison.with_findings`` on the (original, derived)
pairs of make_scan_corpus.py's corpus, as a scan computes them (lexical reports, findings added after).

    python benchmarks/findings_speed.py [--n 1000] [--seed 7]

Prints CPU ms per pair (best of two passes over all pairs; CPU time, so a shared machine inflates it
little) and, as a baseline in the same run, the lexical comparison of the same pairs without findings.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_scan_corpus
from storytrace.article import Article
from storytrace.comparison import compare_documents, with_findings
from storytrace.settings import Settings
from storytrace.text import Document, analyse


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000, help="corpus size (a quarter are derived: their pairs are timed)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    records = list(make_scan_corpus.corpus(args.n, args.seed))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        truth = sorted(make_scan_corpus.truth(path))
    by_id = {r["id"]: r for r in records}

    def doc(r: dict) -> Document:
        return analyse(Article(text=r["text"], title=r.get("title"), published=r.get("published")))

    docs = [(doc(by_id[s]), doc(by_id[d])) for s, d in truth]
    lexical = Settings(use_embeddings=False)
    t = time.process_time()
    reports = [compare_documents(a, b, settings=lexical, findings=False) for a, b in docs]
    compare_ms = 1000 * (time.process_time() - t) / len(docs)
    with_findings(reports[0])  # models and tables load outside the timing
    best = float("inf")
    for _ in range(2):
        t = time.process_time()
        for report in reports:
            with_findings(report)
        best = min(best, time.process_time() - t)
    print(f"{len(reports)} (original, derived) pairs of a {args.n}-article synthetic corpus (seed {args.seed})")
    print(f"findings (with_findings), CPU per pair:          {1000 * best / len(reports):6.1f} ms")
    print(f"baseline: lexical compare without findings, CPU: {compare_ms:6.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
