"""Speed of `compare` on two ~800-word news articles, and embedding throughput against the baseline.

    python benchmarks/compare_speed.py            # all measurements (the torch baseline if installed)
    python benchmarks/compare_speed.py --quick    # fewer repeats, no torch baseline

Prints, in one run:
- cold latency: the first compare in a fresh process (models load);
- warm latency, new texts: models loaded, the texts never seen (the embedding memo cleared before each
  run) — what a user comparing a new pair waits for;
- warm latency, same texts: what batch and trace pay when an article recurs (memo hits);
- the same without embeddings (--no-embeddings);
- embedding throughput of the chosen runtime vs sentence-transformers + torch (benchmarks/embed_speed.py).
Goal (issue 2): < 300 ms warm with embeddings on 2 cores, findings included.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def articles() -> tuple[str, str]:
    """The bundled example pair, lengthened to ~800 words each with a shared tail (a common aggregator move)."""
    original = (ROOT / "examples" / "original.txt").read_text(encoding="utf-8")
    rewrite = (ROOT / "examples" / "rewrite.txt").read_text(encoding="utf-8")
    tail = (ROOT / "examples" / "unrelated.txt").read_text(encoding="utf-8").split("\n\n")
    extra = "\n\n".join(tail[1:4])
    return original + "\n\n" + extra, rewrite + "\n\n" + extra


def _median_ms(fn, repeats: int) -> tuple[float, float]:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    repeats = 5 if args.quick else args.repeats

    from storytrace import compare
    from storytrace.embed import get_embedder
    from storytrace.settings import Settings

    source, derived = articles()
    print(f"machine: {os.cpu_count()} cores, {_cpu()}")
    print(f"articles: {len(source.split())} and {len(derived.split())} words")

    start = time.perf_counter()
    report = compare(source, derived)
    cold = (time.perf_counter() - start) * 1000
    n_sentences = len(report.source.body) + len(report.derived.body)
    print(f"sentences embedded per compare: {n_sentences}; findings: {len(report.findings)}")

    embedder = get_embedder()

    def fresh() -> None:
        embedder._memo.clear()
        compare(source, derived)

    lexical = Settings(use_embeddings=False)
    rows = [
        ("cold (first compare, models load)", cold, cold),
        ("warm, new texts (memo cleared)", *_median_ms(fresh, repeats)),
        ("warm, same texts (memo hits)", *_median_ms(lambda: compare(source, derived), repeats)),
        ("warm, --no-embeddings", *_median_ms(lambda: compare(source, derived, settings=lexical), repeats)),
    ]
    print(f"\n{'compare latency':40} {'median ms':>10} {'max ms':>8}")
    for name, median, worst in rows:
        print(f"{name:40} {median:10.1f} {worst:8.1f}")
    goal = rows[1][1]
    print(f"goal < 300 ms warm with embeddings (new texts): {'met' if goal < 300 else 'NOT met'} ({goal:.0f} ms)")

    import embed_speed

    sentences = embed_speed.news_sentences(600 if args.quick else 1000)
    result = embed_speed.measure(sentences, baseline=not args.quick, batch_sizes=(32,), cold_start=False)
    print()
    embed_speed._print_table(result)
    return 0


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown"


if __name__ == "__main__":
    raise SystemExit(main())
