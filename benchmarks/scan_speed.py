"""scan at corpus scale: candidate throughput and recall against datasketch MinHashLSH, then the full scan
(wall time per stage, peak memory of the whole process tree, pair recall and precision), on the
deterministic corpus of make_scan_corpus.py.

    python benchmarks/scan_speed.py --sizes 1000,6000 [--engine local|spark] [--workers 2] [--skip-minhash]

Candidates: ours (rare-term TF-IDF cosine, scan/candidates.py) and datasketch MinHashLSH (128
permutations, 5-word shingles, threshold 0.5), both timed from raw text to candidate pairs in this run.
Recall: share of the generator's (original, derived) pairs among the candidates. Full scan: the same
library call as ``storytrace scan``; recall and precision of the pairs it judges derived or partially
derived (in either orientation; the share oriented original-first is printed as direction accuracy).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_scan_corpus


def tree_rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and all its descendants (Linux /proc), in MB."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            ppid = int(fields[1])
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo.extend(children.get(p, []))
    return total / 1e6


class PeakMemory:
    """Peak resident memory of a process tree (default: this one), sampled every 50 ms."""

    def __init__(self, pid: int | None = None) -> None:
        self.pid = pid or os.getpid()
        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_rss_mb(self.pid))
            self._stop.wait(0.2)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def minhash_candidates(texts: list[str]) -> set[tuple[int, int]]:
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    sigs = []
    for i, text in enumerate(texts):
        words = text.lower().split()
        shingles = {" ".join(words[k : k + 5]).encode("utf-8") for k in range(max(1, len(words) - 4))}
        m = MinHash(num_perm=128)
        m.update_batch(list(shingles))
        lsh.insert(str(i), m)
        sigs.append(m)
    pairs = set()
    for i, m in enumerate(sigs):
        for key in lsh.query(m):
            j = int(key)
            if j != i:
                pairs.add((min(i, j), max(i, j)))
    return pairs


def our_candidates(texts: list[str]) -> set[tuple[int, int]]:
    from storytrace.scan.candidates import CandidateSettings, candidates_by_block, doc_terms

    settings = CandidateSettings()
    return {(c.a, c.b) for c in candidates_by_block([doc_terms(t) for t in texts], settings)}


def run_scan(path: Path, out: Path, args: argparse.Namespace) -> tuple[float, float, dict[str, Any]]:
    """`storytrace scan` in a process of its own, so the peak memory is the scan's alone (not this
    script's corpus, MinHash index and the like): wall seconds, peak MB of its process tree, summary.json."""
    cmd = [sys.executable, "-m", "storytrace.cli", "scan", str(path), "--out", str(out), "--engine", args.engine]
    if args.workers:
        cmd += ["--workers", str(args.workers)]
    if args.engine == "spark":
        cmd += ["--master", args.master]
    t = time.perf_counter()
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    with PeakMemory(child.pid) as mem:
        _, err = child.communicate()
    wall = time.perf_counter() - t
    if child.returncode not in (0, 3):  # 3: some records were bad (reported, skipped)
        raise SystemExit(f"scan failed ({child.returncode}): {err.strip()[-500:]}")
    return wall, mem.peak, json.loads((out / "summary.json").read_text(encoding="utf-8"))


def run_size(n: int, args: argparse.Namespace, work: Path) -> dict[str, object]:
    path = work / f"scan{n}.jsonl"
    make_scan_corpus.main([str(path), "--n", str(n), "--seed", str(args.seed)])
    docs = [json.loads(line) for line in path.open(encoding="utf-8")]
    texts = [d["text"] for d in docs]
    pos = {d["id"]: k for k, d in enumerate(docs)}
    truth_ids = make_scan_corpus.truth(path)
    truth = {tuple(sorted((pos[a], pos[b]))) for a, b in truth_ids}
    row: dict[str, object] = {"docs": n, "true_pairs": len(truth)}

    t = time.perf_counter()
    ours = our_candidates(texts)
    took = time.perf_counter() - t
    row.update(ours_docs_s=round(n / took), ours_recall=round(len(ours & truth) / len(truth), 4), ours_pairs=len(ours))
    if not args.skip_minhash:
        t = time.perf_counter()
        mh = minhash_candidates(texts)
        took = time.perf_counter() - t
        row.update(
            minhash_docs_s=round(n / took), minhash_recall=round(len(mh & truth) / len(truth), 4), minhash_pairs=len(mh)
        )

    if not args.candidates_only:
        out = work / f"out{n}-{args.engine}"
        wall, peak, summary = run_scan(path, out, args)
        found_oriented = set()
        found = set()
        with (out / "pairs.jsonl").open(encoding="utf-8") as fh:
            for line in fh:
                p = json.loads(line)
                if p["relation"] in ("derived", "partially_derived"):
                    found.add(tuple(sorted((pos[p["source_id"]], pos[p["derived_id"]]))))
                    found_oriented.add((p["source_id"], p["derived_id"]))
        hit = found & truth
        row.update(
            scan_s=round(wall, 1),
            stages={k: round(v, 1) for k, v in summary["stage_seconds"].items()},
            peak_mb=round(peak),
            pair_recall=round(len(hit) / len(truth), 4),
            pair_precision=round(len(hit) / max(1, len(found)), 4),
            direction_ok=round(len(found_oriented & truth_ids) / max(1, len(hit)), 4),
            candidates=summary["candidates"],
        )
    return row


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,6000")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--engine", default="local", choices=("local", "spark"))
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--skip-minhash", action="store_true")
    ap.add_argument("--candidates-only", action="store_true")
    args = ap.parse_args()
    print(f"machine: {os.cpu_count()} cores; engine {args.engine}", flush=True)
    with tempfile.TemporaryDirectory(prefix="scanbench-") as tmp:
        for n in (int(x) for x in args.sizes.split(",")):
            row = run_size(n, args, Path(tmp))
            print(json.dumps(row), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
