"""Where SheepDog's original-rewrite pairs go in a scan: found, or why not.

    python benchmarks/scan_sheepdog_misses.py --write-corpus SHEEPDOG.jsonl   # what scan_sheepdog.py scans
    storytrace scan SHEEPDOG.jsonl --out OUT --to pairs
    python benchmarks/scan_sheepdog_misses.py OUT

Reads ``OUT/stages`` (articles and judged families) against ../shared/eval/sheepdog-train and prints, for
the 1,440 original-rewrite pairs: found (derived or partially derived; original first or reversed), never
a candidate, a ``sibling`` (by the no-original rule, or through a common original in the corpus), or
``related``/``unrelated`` by the way they were judged (``gate``, ``lexical``, ``embeddings``); then how
the pairs of two rewrites of one original came out (``sibling`` is right; ``sibling/no original``: by
the no-original rule), and the pairs judged between different stories. The recall is counted as in
scan_sheepdog.py. When ``OUT/pairs.jsonl`` is there, the last two also as listed after the cross-family
sibling pass (``judge.common_source_siblings``): the figures scan_sheepdog.py prints.

A scan of the rewrites alone (``--write-corpus RW.jsonl --rewrites-only``: the corpora that lack the common
original) gets the rewrite-rewrite part only: how many pairs of two rewrites of one original stay
siblings when no original is there to explain them.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections import Counter
from itertools import combinations
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _evaldata import DEFAULT_EVAL_DIR, load_sheepdog

_REUSE = ("derived", "partially_derived")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", nargs="?", help="the --out directory of a SheepDog scan (its pairs stage complete)")
    ap.add_argument("--write-corpus", metavar="JSONL", help="write the scan input (as scan_sheepdog.py does) and stop")
    ap.add_argument("--rewrites-only", action="store_true", help="with --write-corpus: leave the originals out")
    args = ap.parse_args()
    originals, rewrites = load_sheepdog(DEFAULT_EVAL_DIR)
    if args.write_corpus:
        docs = [] if args.rewrites_only else [{"id": i, "text": t} for i, t in originals.items()]
        docs += [{"id": r.id, "text": r.text} for r in rewrites]
        Path(args.write_corpus).write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
        print(f"{len(docs)} articles -> {args.write_corpus}")
        return 0
    if not args.out:
        ap.error("OUT is required (or --write-corpus)")
    stages = Path(args.out) / "stages"
    with sqlite3.connect(stages / "articles.sqlite") as db:
        pos = {doc_id: int(p) for p, doc_id in db.execute("SELECT pos, id FROM articles")}
    story = {pos[r.id]: r.orig_id for r in rewrites} | {pos[i]: i for i in originals if i in pos}
    judged: dict[tuple[int, int], dict[str, Any]] = {}
    with (stages / "judged.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            for p in json.loads(line)["pairs"]:
                judged[(min(p["source"], p["derived"]), max(p["source"], p["derived"]))] = p

    has_originals = all(i in pos for i in originals)
    fate: Counter[str] = Counter()
    for r in rewrites if has_originals else []:
        o, d = pos[r.orig_id], pos[r.id]
        p = judged.get((min(o, d), max(o, d)))
        if p is None:
            fate["no candidate"] += 1
        elif p["relation"] in _REUSE:
            fate["found, original first" if p["source"] == o else "found, reversed"] += 1
        elif p["relation"] == "sibling":
            fate["sibling, no original" if p["common_source"] is None else "sibling, common original"] += 1
        else:
            fate[f"{p['relation']} ({p['method']})"] += 1
    if has_originals:
        found = fate["found, original first"] + fate["found, reversed"]
        print(f"original-rewrite pairs: {len(rewrites)}; recall {found / len(rewrites):.4f}")
        for k, v in sorted(fate.items(), key=lambda kv: -kv[1]):
            print(f"  {k:<32} {v:>5}")
    else:
        print("not every original is in this scan: rewrite-rewrite pairs only")

    pairs: Counter[str] = Counter()
    for o in originals:
        for a, b in combinations(sorted(pos[r.id] for r in rewrites if r.orig_id == o), 2):
            p = judged.get((a, b))
            if p is None:
                pairs["not listed"] += 1
            elif p["relation"] == "sibling" and p["common_source"] is None:
                pairs["sibling/no original"] += 1
            else:
                pairs[p["relation"]] += 1
    print("rewrite-rewrite pairs:", ", ".join(f"{k} {v}" for k, v in sorted(pairs.items())))
    across = Counter(
        p["relation"] for (a, b), p in judged.items() if story[a] != story[b] and p["relation"] in (*_REUSE, "sibling")
    )
    print("pairs across stories:", ", ".join(f"{k} {v}" for k, v in sorted(across.items())))
    listed = Path(args.out) / "pairs.jsonl"
    if listed.exists():
        # judged.jsonl is each family's own word; pairs.jsonl has the cross-family sibling pass on top
        # (judge.common_source_siblings), which is what scan_sheepdog.py counts
        by_pair: dict[tuple[int, int], dict[str, Any]] = {}
        for line in listed.open(encoding="utf-8"):
            p = json.loads(line)
            by_pair[
                (min(pos[p["source_id"]], pos[p["derived_id"]]), max(pos[p["source_id"]], pos[p["derived_id"]]))
            ] = p
        final: Counter[str] = Counter()
        for o in originals:
            for a, b in combinations(sorted(pos[r.id] for r in rewrites if r.orig_id == o), 2):
                final[by_pair[(a, b)]["relation"] if (a, b) in by_pair else "not listed"] += 1
        print(
            "after the cross-family pass (pairs.jsonl): rewrite-rewrite pairs:",
            ", ".join(f"{k} {v}" for k, v in sorted(final.items())),
        )
        across = Counter(p["relation"] for (a, b), p in by_pair.items() if story[a] != story[b])
        print("  pairs across stories:", ", ".join(f"{k} {v}" for k, v in sorted(across.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
