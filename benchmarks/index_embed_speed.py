"""Trace latency with the candidates' sentence vectors made ahead of time (`storytrace index embed`), against
the first trace that makes them (the baseline), on the same index and suspects; and what `index embed` costs.

    python benchmarks/index_embed_speed.py [--n 2000] [--suspects 100] [--seed 0]

Builds a full index of ``--n`` synthetic articles (benchmarks/make_corpus.py, as index_speed.py), copies it,
and runs, each in a fresh process (so no process memo of sentence vectors carries over):
  1. ``embed_index`` on one copy: articles/s and sentences/s (the one-time cost);
  2. ``index.trace(suspect, top=5)`` for ``--suspects`` rewrites of indexed articles on the copy without
     stored vectors ("cold": the first trace to compare each candidate embeds its sentences), then the
     same suspects on the embedded copy, then both again on fresh copies (turns alternated, as this
     machine's speed drifts).
Prints p50 / p95 per turn and whether each trace named the same source. Goal (issue 4): trace p50 < 300 ms
including compare of the top 5.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import article, articles, rewrite
from storytrace.article import Article


def _article(d: dict) -> Article:
    return Article(text=d["text"], id=d["id"], title=d["title"], outlet=d["outlet"], published=d["published"])


def _phase_embed(db: str) -> None:
    from storytrace.index import Index
    from storytrace.index.vectors import embed_index

    with Index(db, create=False) as index:
        t0 = time.perf_counter()
        result = embed_index(index)
        seconds = time.perf_counter() - t0
    print(json.dumps({"articles": result.embedded, "sentences": result.sentences, "seconds": seconds}))


def _phase_trace(db: str, suspects_file: str) -> None:
    from storytrace.index import Index

    suspects = [json.loads(line) for line in Path(suspects_file).read_text(encoding="utf-8").splitlines()]
    with Index(db, create=False) as index:
        # Models and the dense matrix loaded first: their one-time cost (spaCy's import alone is seconds)
        # is not a trace's.
        from storytrace.embed import get_embedder
        from storytrace.facts.entities import get_nlp

        get_embedder().load()
        get_nlp()
        index.trace(_article(article(10**7, 99)), top=5)
        times, sources = [], []
        for s in suspects:
            t0 = time.perf_counter()
            r = index.trace(_article(s), top=5)
            times.append(time.perf_counter() - t0)
            sources.append(r.source)
    print(json.dumps({"times": times, "sources": sources}))


def _run(*args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, *args], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(q / 100 * (len(values) - 1)))] * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--suspects", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--phase", choices=("embed", "trace"), help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--suspects-file", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.phase == "embed":
        _phase_embed(args.db)
        return 0
    if args.phase == "trace":
        _phase_trace(args.db, args.suspects_file)
        return 0

    from storytrace.index import Index

    with tempfile.TemporaryDirectory(prefix="storytrace-embed-bench-") as tmp:
        base = Path(tmp) / "base.db"
        t0 = time.perf_counter()
        with Index(base) as index:
            index.add((_article(d) for d in articles(args.n, args.seed)), workers=2)
        built = time.perf_counter() - t0
        print(f"index of {args.n:,} synthetic articles built in {built:.1f} s (full mode, 2 workers)")
        rng = random.Random(f"embed-suspects:{args.seed}:{args.n}")
        picks = sorted(rng.sample(range(args.n), min(args.suspects, args.n)))
        truth = []
        suspects_file = Path(tmp) / "suspects.jsonl"
        with suspects_file.open("w", encoding="utf-8") as fh:
            for i in picks:
                d = article(i, args.seed)
                truth.append(d["id"])
                fh.write(json.dumps(rewrite(d, rng, strength=rng.choice([0.2, 0.35, 0.5]))) + "\n")

        ready = Path(tmp) / "ready.db"
        shutil.copy(base, ready)
        e = _run("--phase", "embed", "--db", str(ready))
        print(
            f"index embed: {e['articles']:,} articles, {e['sentences']:,} sentences in {e['seconds']:.1f} s = "
            f"{e['articles'] / e['seconds']:.1f} articles/s, {e['sentences'] / e['seconds']:.0f} sentences/s"
        )
        rows = []
        for turn in (1, 2):
            for label in ("cold (baseline)", "after index embed"):
                db = Path(tmp) / f"t{turn}.db"
                shutil.copy(base if label.startswith("cold") else ready, db)
                r = _run("--phase", "trace", "--db", str(db), "--suspects-file", str(suspects_file))
                found = sum(s == t for s, t in zip(r["sources"], truth, strict=True))
                rows.append((turn, label, _pct(r["times"], 50), _pct(r["times"], 95), found, r["sources"]))
                db.unlink()
        print(f"\ntrace incl. compare of the top 5, {len(truth)} suspects, a fresh process a turn (goal p50 < 300 ms)")
        print(f"{'turn':<5} {'index':<20} {'p50 ms':>8} {'p95 ms':>8} {'source == original':>20}")
        for turn, label, p50, p95, found, _ in rows:
            print(f"{turn:<5} {label:<20} {p50:>8.0f} {p95:>8.0f} {found:>16}/{len(truth)}")
        same = all(r[5] == rows[0][5] for r in rows)
        print(f"same source named in every turn: {same}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
