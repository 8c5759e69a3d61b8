"""trace when the index holds a story's other rewrites too: the original, not a sibling rewrite, is the source.

    python benchmarks/eval_trace_siblings.py [--variants sensational,objective] [--n 150] [--chains 60] [--seed 16]

An index of a news crawl holds a story's original beside other outlets' rewrites of it, and a second LLM
rewrite of one original reads much like a first. For each held-out SheepDog variant V: an index of the 360
originals and every rewrite of the three other variants (1,440 articles), then

- ``--n`` rewrites of variant V traced (``index.trace(top=5)``): right when ``source`` is their original,
  "sibling" when it is another rewrite of that original (the error this measures);
- ``--chains`` controls, real copy chains: a light edit (benchmarks/make_corpus.py ``rewrite``, strength 0.3:
  dropped sentences, substituted words, a changed number, added sentences) of an indexed rewrite R, traced:
  right when ``source`` is R itself, not R's original nor R's siblings.

Printed for storytrace's ``source`` and, from the same traces, two baselines: the qualifying candidate with
the highest reuse (derived before partially derived: storytrace's order before the sibling rule) and the
retrieval score's first candidate (nearest by the fused lexical channels; it cannot say "no source").
Deterministic (``--seed``). SheepDog has no dates; ``--dated`` gives the originals, the indexed rewrites and the
suspects three successive days, as a crawl would (the rule's date part).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _evaldata
import make_corpus
from storytrace.article import Article
from storytrace.index import Index
from storytrace.settings import DEFAULT_SETTINGS
from storytrace.trace import TraceResult

_RANK = {"derived": 0, "partially_derived": 1}


def by_reuse(result: TraceResult) -> str | None:
    """The baseline: the qualifying candidate with the highest reuse, derived before partially derived."""
    q = [c for c in result.candidates if c.qualifies and c.report is not None]
    if not q:
        return None
    best = min(q, key=lambda c: (_RANK[c.report.verdict.relation], -c.report.scores.reuse) if c.report else (9, 0))
    return best.id


def nearest(result: TraceResult) -> str | None:
    return max(result.candidates, key=lambda c: c.score).id if result.candidates else None


def fate(chosen: str | None, right: str, story: str) -> str:
    if chosen == right:
        return "right"
    if chosen is None:
        return "none"
    if chosen == story or chosen.startswith(story + "-"):
        return "same story"  # a sibling rewrite, or (for a chain) the original or another rewrite
    return "other story"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval-dir", default=None, help="labelled data (default: ../shared/eval next to the checkout)")
    ap.add_argument("--variants", default="sensational,objective", help="held-out variants, comma-separated")
    ap.add_argument("--n", type=int, default=150, help="rewrites of each held-out variant traced")
    ap.add_argument("--chains", type=int, default=60, help="light edits of indexed rewrites traced, per variant")
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument(
        "--dated",
        action="store_true",
        help="date the articles: originals 2024-01-01, indexed rewrites 2024-01-02, suspects 2024-01-03",
    )
    a = ap.parse_args(argv)
    eval_dir = _evaldata.eval_dir_from(a.eval_dir)
    originals, rewrites = _evaldata.load_sheepdog(eval_dir)
    _evaldata.print_header(
        "trace with sibling rewrites in the index (SheepDog)",
        DEFAULT_SETTINGS,
        {"command": " ".join(sys.argv), "seed": a.seed, "n": a.n, "chains": a.chains, "dated": a.dated},
    )
    original_day, rewrite_day, suspect_day = ("2024-01-01", "2024-01-02", "2024-01-03") if a.dated else (None,) * 3
    methods = ("storytrace source", "baseline: highest reuse", "baseline: retrieval first")
    totals: dict[tuple[str, str], Counter[str]] = {}
    for variant in a.variants.split(","):
        rng = random.Random(f"{a.seed}:{variant}")
        held = [r for r in rewrites if r.variant == variant]
        kept = [r for r in rewrites if r.variant != variant]
        rng.shuffle(held)
        chain_sources = list(kept)
        rng.shuffle(chain_sources)
        queries: list[tuple[str, Article, str, str]] = [
            ("sibling", Article(text=r.text, id=r.id, published=suspect_day), r.orig_id, r.orig_id) for r in held[: a.n]
        ]
        for r in chain_sources[: a.chains]:
            # make_corpus.rewrite reads paragraphs: give the one-block SheepDog text a few.
            edited = make_corpus.rewrite(
                {"id": r.id, "text": r.text.replace(". ", ".\n\n", 3), "title": "", "published": "2024-01-01"},
                rng,
                strength=0.3,
            )
            edit = Article(text=edited["text"], id=f"{r.id}-edit", published=suspect_day)
            queries.append(("chain", edit, r.id, r.orig_id))
        with tempfile.TemporaryDirectory() as tmp:
            index = Index(Path(tmp) / "siblings.db")
            t0 = time.perf_counter()
            indexed = [Article(text=t, id=i, published=original_day) for i, t in originals.items()]
            index.add(indexed + [Article(text=r.text, id=r.id, published=rewrite_day) for r in kept])
            print(f"{variant}: indexed {len(index)} articles in {time.perf_counter() - t0:.1f} s", flush=True)
            t0 = time.perf_counter()
            for kind, article, right, story in queries:
                result = index.trace(article, top=5)
                for method, chosen in zip(methods, (result.source, by_reuse(result), nearest(result)), strict=True):
                    totals.setdefault((variant, kind), Counter())[f"{method}|{fate(chosen, right, story)}"] += 1
                    totals.setdefault(("all", kind), Counter())[f"{method}|{fate(chosen, right, story)}"] += 1
            print(f"{variant}: traced {len(queries)} in {time.perf_counter() - t0:.1f} s", flush=True)
    print()
    head = ("held-out variant", "suspects (right answer)", "method", "right", "same story", "other", "none")
    print(f"{head[0]:24s} {head[1]:28s} {head[2]:26s} {head[3]:>6s} {head[4]:>10s} {head[5]:>6s} {head[6]:>5s}")
    for (variant, kind), c in sorted(totals.items(), key=lambda kv: (kv[0][1], kv[0][0] == "all", kv[0][0])):
        label = "rewrites (its original)" if kind == "sibling" else "edits of a rewrite (it)"
        for method in methods:
            n = sum(v for k, v in c.items() if k.startswith(method + "|"))
            right, same, other, none = (c[f"{method}|{f}"] for f in ("right", "same story", "other story", "none"))
            print(f"{variant:24s} {label:28s} {method:26s} {right / n:6.3f} {same:10d} {other:6d} {none:5d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
