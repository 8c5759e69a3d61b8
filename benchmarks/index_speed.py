"""Speed of the index and of trace on synthetic news (benchmarks/make_corpus.py): throughput, size, memory, latency.

    python benchmarks/index_speed.py            # 20,000 articles
    python benchmarks/index_speed.py --full     # then grow the same index to 100,000
    python benchmarks/index_speed.py --html 1500   # only: `index add` of HTML pages, 1 worker vs --workers
    python benchmarks/index_speed.py --lexical     # only: lexical-only vs full indexing, same articles

Indexes into a temporary file with ``Index(path).add(..., workers=2)`` (analysis in two worker processes, the
static dense channel always on), then
traces ~200 suspects, each a rewrite of an indexed article (sentences dropped, words replaced, numbers
changed, sentences added, a pair swapped), measured two ways: retrieval only
(``trace(..., top=5, shortlist=0)``: candidate channels, no compare) and the full ``index.trace(a, top=5)``
(compare of the top 5).

Lexical-only indexing (``Index(path, lexical_only=True)``, ``index add --lexical-only``) is timed against
full indexing on the same ``--n-lexical`` articles, generated into memory first (so neither figure pays for
the generator), both with ``--workers``; then suspects are traced against the lexical-only index
(retrieval only). The first run's full-mode figure above includes the generator (as in earlier sessions).

Goals (issue): index >= 200 articles/s with the dense channel (>= 2,000/s lexical only); trace p50 < 50 ms
before compare, < 300 ms including compare of the top 5.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _evaldata
from make_corpus import article, articles, rewrite
from storytrace.article import Article
from storytrace.index import Index
from storytrace.index.fingerprint import fingerprints
from storytrace.index.store import _body_text
from storytrace.static_embed import get_static_embedder
from storytrace.text import analyse
from storytrace.trace import trace


def _article(d: dict) -> Article:
    return Article(text=d["text"], id=d["id"], title=d["title"], outlet=d["outlet"], published=d["published"])


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # Linux: KiB


_WORKER_PEAK_MB = [0.0]


def _sample_workers() -> None:
    """Note the peak RSS (VmHWM) of this process's live children, the indexing workers. (RUSAGE_CHILDREN
    would count the parent's memory at fork time, before the worker's exec.)"""
    for children in Path("/proc/self/task").glob("*/children"):
        for pid in children.read_text().split():
            with contextlib.suppress(OSError):
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        _WORKER_PEAK_MB[0] = max(_WORKER_PEAK_MB[0], int(line.split()[1]) / 1024.0)


def _worker_rss_mb() -> float:
    """Peak RSS of the largest indexing worker process seen (0 when indexing ran in this process)."""
    return _WORKER_PEAK_MB[0]


def _pct(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values), q)) * 1000.0


def _index(index: Index, start: int, stop: int, seed: int, workers: int) -> float:
    gen = (_article(article(i, seed)) for i in range(start, stop))
    done = [0]
    t_last = [time.perf_counter()]

    def progress(n: int) -> None:
        done[0] += n
        _sample_workers()
        if done[0] % 5120 < n:
            now = time.perf_counter()
            print(f"  ... {start + done[0]:,} indexed ({now - t_last[0]:.0f} s since last report)", flush=True)
            t_last[0] = now

    t0 = time.perf_counter()
    index.add(gen, progress=progress, workers=workers)
    return time.perf_counter() - t0


def _generation_time(n: int, seed: int) -> float:
    t0 = time.perf_counter()
    for d in articles(n, seed):
        _article(d)
    return time.perf_counter() - t0


def _in_memory(n: int, seed: int) -> tuple[float, float, float]:
    """articles/s of analyse, of fingerprints (batches of 256), and of static doc vectors, on the first n
    articles, in memory, one process."""
    arts = [_article(d) for d in articles(n, seed)]
    t0 = time.perf_counter()
    docs = [analyse(a) for a in arts]
    t1 = time.perf_counter()
    texts = [a.text for a in arts]
    for k in range(0, n, 256):
        fingerprints(texts[k : k + 256])
    t2 = time.perf_counter()
    get_static_embedder().doc_vectors([_body_text(d) for d in docs])
    t3 = time.perf_counter()
    return n / (t1 - t0), n / (t2 - t1), n / (t3 - t2)


def _lexical_vs_full(n: int, seed: int, workers: int, suspects: int) -> None:
    """Lexical-only and full indexing of the same n in-memory articles (``--workers``), then retrieval
    against the lexical-only index."""
    arts = [_article(d) for d in articles(n, seed)]
    rates = {}
    with tempfile.TemporaryDirectory(prefix="storytrace-lexical-") as tmp:
        for mode in ("lexical-only", "full"):
            path = Path(tmp) / f"{mode}.db"
            index = Index(path, lexical_only=mode == "lexical-only")
            t0 = time.perf_counter()
            main0, workers0 = _cpu_seconds()
            index.add(arts, workers=workers)
            seconds = time.perf_counter() - t0
            main1, workers1 = _cpu_seconds()
            main, pool = (main1 - main0) / n, (workers1 - workers0) / n
            # On 2 idle cores: the writer (this process) runs beside the workers, so a run can go no faster
            # than both cores' worth of all the CPU, nor than one core's worth of the writer's.
            bound = min(len(os.sched_getaffinity(0)) / (main + pool), 1.0 / main) if main > 0 else 0.0
            rates[mode] = (n / seconds, path.stat().st_size, main * 1000, pool * 1000, bound)
            if mode == "lexical-only":
                lat = _retrieval(index, n, seed, suspects)
            index.close()
    lex, full = rates["lexical-only"], rates["full"]
    print(
        _evaldata.table(
            [
                [
                    "lexical-only (postings, no vectors, no analyse)",
                    f"{lex[0]:,.0f}/s",
                    f"{lex[2]:.2f} + {lex[3]:.2f} ms",
                    f"{lex[4]:,.0f}/s",
                    f"{lex[1] / n / 1024:.1f} KiB",
                    f">= 2,000/s: {_met(lex[0] >= 2000)}",
                ],
                [
                    "full (same articles, same run)",
                    f"{full[0]:,.0f}/s",
                    f"{full[2]:.2f} + {full[3]:.2f} ms",
                    f"{full[4]:,.0f}/s",
                    f"{full[1] / n / 1024:.1f} KiB",
                    ">= 200/s: " + _met(full[0] >= 200),
                ],
            ],
            [
                f"index add, {n:,} articles in memory, {workers} workers",
                "articles/s",
                "CPU/article: writer + workers",
                "CPU bound on idle cores",
                "file/article",
                "goal",
            ],
        )
    )
    print(
        "  CPU bound: min(cores / all CPU per article, 1 / the writer's CPU per article), the rate these CPU "
        "costs allow on idle cores (a projection; the measured articles/s is what this run got)"
    )
    print(
        f"  lexical-only index, retrieval only (shortlist=0): p50 / p95 {_pct(lat[0], 50):.1f} / "
        f"{_pct(lat[0], 95):.1f} ms; original ranked first for {lat[1]}/{suspects} suspects"
    )


def _cpu_seconds() -> tuple[float, float]:
    """CPU seconds of this process (the writer) and of its finished children (the worker pool, gone when
    ``add`` returns)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, kids.ru_utime + kids.ru_stime


def _retrieval(index: Index, n_indexed: int, seed: int, n: int) -> tuple[list[float], int]:
    rng = random.Random(f"suspects:{seed}:{n_indexed}")
    picks = sorted(rng.sample(range(n_indexed), min(n, n_indexed)))
    times, first = [], 0
    for i in picks:
        d = article(i, seed)
        s = _article(rewrite(d, rng, strength=rng.choice([0.2, 0.35, 0.5])))
        t0 = time.perf_counter()
        r = trace(index, s, top=5, shortlist=0)
        times.append(time.perf_counter() - t0)
        first += [c.id for c in r.candidates[:1]] == [d["id"]]
    return times, first


def _latency(index: Index, n_indexed: int, seed: int, n: int) -> dict[str, list[float]]:
    rng = random.Random(f"suspects:{seed}:{n_indexed}")
    picks = sorted(rng.sample(range(n_indexed), n))
    originals = [article(i, seed) for i in picks]
    suspects = []
    for d in originals:
        r = rewrite(d, rng, strength=rng.choice([0.2, 0.35, 0.5]))
        # published a few days after its original: the default date cutoff applies, as in real use
        suspects.append((d["id"], _article(r)))
    out: dict[str, list[float]] = {"retrieval": [], "full": [], "full_warm": []}
    hits = {"retrieval@1": 0, "retrieval@5": 0, "source": 0}
    trace(index, suspects[0][1], top=5, shortlist=0)  # load the dense matrix once (reported separately)
    for orig_id, s in suspects:
        t0 = time.perf_counter()
        r = trace(index, s, top=5, shortlist=0)
        out["retrieval"].append(time.perf_counter() - t0)
        ids = [c.id for c in r.candidates]
        hits["retrieval@1"] += ids[:1] == [orig_id]
        hits["retrieval@5"] += orig_id in ids
    for orig_id, s in suspects:
        t0 = time.perf_counter()
        r = index.trace(s, top=5)
        out["full"].append(time.perf_counter() - t0)
        hits["source"] += r.source == orig_id
    # warm: the same suspects' candidates now have stored sentence vectors (a second trace against them)
    for _orig_id, s in suspects[: min(50, len(suspects))]:
        t0 = time.perf_counter()
        index.trace(s, top=5)
        out["full_warm"].append(time.perf_counter() - t0)
    print(
        f"  suspects found: retrieval top-1 {hits['retrieval@1']}/{n}, top-5 {hits['retrieval@5']}/{n}; "
        f"trace source == original {hits['source']}/{n}"
    )
    return out


def _report(label: str, n: int, seconds: float, path: Path, lat: dict[str, list[float]], dense_load: float) -> None:
    size = path.stat().st_size
    rate = n / seconds
    print(f"\n{label}: {n:,} articles indexed")
    print(
        _evaldata.table(
            [
                ["indexing throughput (dense + lexical)", f"{rate:,.0f} articles/s", ">= 200/s", _met(rate >= 200)],
                ["index file size", f"{size / 1e6:,.1f} MB ({size / n / 1024:.1f} KiB/article)", "", ""],
                [
                    "peak RSS so far: main process / largest indexing worker",
                    f"{_rss_mb():,.0f} / {_worker_rss_mb():,.0f} MB",
                    "",
                    "",
                ],
                ["snapshot load (first trace)", f"{dense_load * 1000:,.0f} ms", "", ""],
                [
                    "trace, retrieval only (shortlist=0) p50 / p95",
                    f"{_pct(lat['retrieval'], 50):.1f} / {_pct(lat['retrieval'], 95):.1f} ms",
                    "p50 < 50 ms",
                    _met(_pct(lat["retrieval"], 50) < 50),
                ],
                [
                    "trace incl. compare of top 5 (cold) p50 / p95",
                    f"{_pct(lat['full'], 50):.0f} / {_pct(lat['full'], 95):.0f} ms",
                    "p50 < 300 ms",
                    _met(_pct(lat["full"], 50) < 300),
                ],
                [
                    f"  same, warm (candidates' sentence vectors stored), n={len(lat['full_warm'])}",
                    f"{_pct(lat['full_warm'], 50):.0f} / {_pct(lat['full_warm'], 95):.0f} ms",
                    "p50 < 300 ms",
                    _met(_pct(lat["full_warm"], 50) < 300),
                ],
            ],
            ["measure", "value", "goal", ""],
        )
    )


def _met(ok: bool) -> str:
    return "met" if ok else "NOT MET"


def _html_ingest(n: int, workers: int) -> tuple[float, float]:
    """``storytrace index add DIR`` of ``n`` HTML pages (examples/original.html, one word changed in each):
    articles/s with ``--workers 1`` (reading and analysis in one process) and with ``--workers``."""
    import subprocess

    root = Path(__file__).resolve().parents[1]
    page = (root / "examples" / "original.html").read_text(encoding="utf-8")
    rates = []
    with tempfile.TemporaryDirectory(prefix="storytrace-html-") as tmp:
        pages = Path(tmp) / "pages"
        pages.mkdir()
        for k in range(n):
            (pages / f"p{k:06d}.html").write_text(page.replace("Port Calloway", f"Port Calloway {k}"), encoding="utf-8")
        for w in (1, workers):
            db = Path(tmp) / f"html{w}.db"
            command = [sys.executable, "-m", "storytrace.cli", "index", "add", "--db", str(db), str(pages)]
            t0 = time.perf_counter()
            subprocess.run([*command, "--workers", str(w)], check=True, capture_output=True)
            rates.append(n / (time.perf_counter() - t0))
    return rates[0], rates[1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=20_000, help="first index size (default 20,000)")
    ap.add_argument("--full", action="store_true", help="then grow the index to --n-full articles")
    ap.add_argument("--n-full", type=int, default=100_000)
    ap.add_argument("--suspects", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--cores", type=int, default=2, help="pin to this many cores (sched_setaffinity)")
    ap.add_argument("--workers", type=int, default=2, help="indexing worker processes (Index.add(workers=))")
    ap.add_argument("--html", type=int, default=0, help="also time `index add` of this many HTML pages, then exit")
    ap.add_argument("--keep", help="write the index here instead of a temporary file")
    ap.add_argument("--n-lexical", type=int, default=20_000, help="articles for lexical-only vs full (20,000)")
    ap.add_argument("--lexical", action="store_true", help="only time lexical-only vs full indexing, then exit")
    args = ap.parse_args(argv)
    if args.html:
        one, many = _html_ingest(args.html, args.workers)
        print(
            f"index add of {args.html:,} HTML pages (whole CLI run, process start included): "
            f"{one:,.0f} articles/s with --workers 1, {many:,.0f}/s with --workers {args.workers}"
        )
        return 0

    if hasattr(os, "sched_setaffinity"):
        cpus = sorted(os.sched_getaffinity(0))[: args.cores]
        os.sched_setaffinity(0, cpus)
    from storytrace.settings import DEFAULT_SETTINGS

    _evaldata.print_header(
        "storytrace index and trace speed (synthetic news, benchmarks/make_corpus.py)",
        DEFAULT_SETTINGS,
        {
            "cores used": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else "?",
            "seed": args.seed,
            "indexing workers": args.workers,
        },
    )
    t_start = time.perf_counter()
    get_static_embedder()  # table load/build is a one-off, not indexing throughput
    from storytrace.embed import get_embedder

    get_embedder()

    gen = _generation_time(2000, args.seed)
    print(f"corpus generation alone: {2000 / gen:,.0f} articles/s (included in the indexing time below)")
    a_rate, fp_rate, dense_rate = _in_memory(2000, args.seed)
    print(
        _evaldata.table(
            [
                ["analyse (sentences, tokens): full mode only", f"{a_rate:,.0f}/s"],
                ["fingerprints (5-grams, term counts): both modes", f"{fp_rate:,.0f}/s"],
                ["static doc vectors alone (dense channel): full mode only", f"{dense_rate:,.0f}/s"],
            ],
            ["in memory, 2,000 articles, one process, no SQLite", "articles/s"],
        )
    )
    _lexical_vs_full(args.n_lexical, args.seed, args.workers, min(args.suspects, 100))
    if args.lexical:
        return 0

    tmp = tempfile.TemporaryDirectory(prefix="storytrace-speed-")
    path = Path(args.keep) if args.keep else Path(tmp.name) / "speed.db"
    index = Index(path)
    seconds = _index(index, 0, args.n, args.seed, args.workers)
    t0 = time.perf_counter()
    index.snapshot()
    dense_load = time.perf_counter() - t0
    lat = _latency(index, args.n, args.seed, args.suspects)
    _report("Stage 1", args.n, seconds, path, lat, dense_load)
    if args.full and args.n_full > args.n:
        seconds2 = _index(index, args.n, args.n_full, args.seed, args.workers)
        t0 = time.perf_counter()
        index.snapshot()
        dense_load = time.perf_counter() - t0
        lat = _latency(index, args.n_full, args.seed, args.suspects)
        print(f"\n(growing from {args.n:,} to {args.n_full:,}: {(args.n_full - args.n) / seconds2:,.0f} articles/s)")
        _report("Stage 2", args.n_full, seconds + seconds2, path, lat, dense_load)
    index.close()
    tmp.cleanup()
    print(f"\nelapsed {time.perf_counter() - t_start:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
