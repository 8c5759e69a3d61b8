"""Siblings against real copy chains: SheepDog stories, each with an edited copy of one of its rewrites.

    python benchmarks/scan_sheepdog_chains.py [--stories 100] [--seed 16] [--undated] [--workers 2]

Two LLM rewrites of one original are siblings, not copies of each other; a text made from one rewrite
(sentences dropped, words swapped, a figure changed, sentences added, or the rewrite's sentences mixed
with a few of the original's) is a copy of that rewrite. For ``--stories`` SheepDog stories (picked with
``--seed``) the corpus holds the original, its four rewrites and one such copy ("chain") of a rewrite
picked at random, the original dated first, the rewrites a day later, the chain two days later (all
undated with ``--undated``, as SheepDog is). Prints, from one ``storytrace scan``: how the rewrite-rewrite
pairs came out (copies should be few), the chain pairs found as copies with the rewrite as their source
(should stay), the chain against the other rewrites, the original-rewrite recall, and the time.
Nothing is written to the repository: the corpus lives in a temporary directory.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
from collections import Counter
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _evaldata import DEFAULT_EVAL_DIR, load_sheepdog
from scan_speed import run_scan

_REUSE = ("derived", "partially_derived")
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")
_NUM = re.compile(r"\b\d[\d,]*(?:\.\d+)?\b")
_SWAP = {
    "said": "stated",
    "says": "states",
    "also": "additionally",
    "however": "but",
    "important": "significant",
    "people": "individuals",
    "because": "since",
    "many": "numerous",
    "help": "assist",
    "show": "indicate",
    "big": "large",
    "new": "fresh",
}
_WORD = re.compile(r"\b(" + "|".join(_SWAP) + r")\b")
_ADDED = (
    "The report has been shared widely on social media since it appeared.",
    "Our newsroom has asked the people involved for further comment.",
    "Readers have written to us in large numbers about this story.",
    "We will update this article as more details become available.",
    "The claims could not be independently confirmed by this outlet.",
)
#: (kind, share of the rewrite's sentences dropped, sentences added, original's sentences mixed in)
_KINDS = (("light", 0.1, 1, 0), ("medium", 0.3, 2, 0), ("mixed", 0.3, 0, 3))


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENT.split(text) if s.strip()]


def chain_of(rewrite: str, original: str, kind: tuple[str, float, int, int], rng: random.Random) -> str:
    """An edit of ``rewrite`` (see the module docstring) as one paragraph."""
    _name, drop_share, added, mixed = kind
    sents = sentences(rewrite)
    drop = set(rng.sample(range(1, len(sents)), int((len(sents) - 1) * drop_share))) if len(sents) > 1 else set()
    out = [_WORD.sub(lambda m: _SWAP[m.group(1)], s) for k, s in enumerate(sents) if k not in drop]
    numbered = [k for k, s in enumerate(out) if _NUM.search(s)]
    if numbered:
        k = rng.choice(numbered)
        out[k] = _NUM.sub(lambda m: str(int(m.group(0).replace(",", "").split(".")[0]) + rng.randint(2, 9)), out[k], 1)
    for s in rng.sample(_ADDED, added):
        out.insert(rng.randrange(1, len(out) + 1), s)
    source = sentences(original)
    for s in rng.sample(source, min(mixed, len(source))):
        out.insert(rng.randrange(1, len(out) + 1), s)
    return " ".join(out)


def build(stories: int, seed: int, undated: bool) -> tuple[list[dict[str, str]], dict[str, object]]:
    originals, rewrites = load_sheepdog(DEFAULT_EVAL_DIR)
    by_story: dict[str, list[tuple[str, str, str]]] = {}
    for r in rewrites:
        by_story.setdefault(r.orig_id, []).append((r.id, r.variant, r.text))
    rng = random.Random(f"chains:{seed}")
    # Stories whose rewrites all have a few sentences to edit, and no text over 20,000 characters (the
    # transcripts: the minutes go to them, not to the question asked here).
    fit = sorted(
        o
        for o, rs in by_story.items()
        if len(originals[o]) < 20_000 and all(len(sentences(t)) >= 6 and len(t) < 20_000 for _, _, t in rs)
    )
    picked = sorted(rng.sample(fit, min(stories, len(fit))))
    docs: list[dict[str, str]] = []
    chains: dict[str, tuple[str, str, str]] = {}  # chain id -> (rewrite it copies, original, kind)

    def dated(day: int, hour: int) -> dict[str, str]:
        return {} if undated else {"published": f"2024-03-{day:02d}T{hour:02d}:00:00"}

    for o in picked:
        docs.append({"id": o, "text": originals[o], "outlet": "origin.example", **dated(1, 8)})
        for k, (rid, variant, text) in enumerate(sorted(by_story[o])):
            docs.append({"id": rid, "text": text, "outlet": f"{variant}.example", **dated(2, 8 + k)})
        x_id, _variant, x_text = rng.choice(sorted(by_story[o]))
        kind = _KINDS[rng.randrange(len(_KINDS))]
        cid = f"{x_id}-chain-{kind[0]}"
        text = chain_of(x_text, originals[o], kind, rng)
        docs.append({"id": cid, "text": text, "outlet": "copier.example", **dated(4, 8)})
        chains[cid] = (x_id, o, kind[0])
    return docs, {"picked": picked, "by_story": by_story, "chains": chains}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stories", type=int, default=100)
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--undated", action="store_true", help="no publication dates (as SheepDog itself)")
    ap.add_argument("--engine", default="local", choices=("local", "spark"))
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--keep", metavar="DIR", help="write the corpus and the scan output here instead")
    args = ap.parse_args()
    docs, meta = build(args.stories, args.seed, args.undated)
    picked: list[str] = meta["picked"]  # type: ignore[assignment]
    by_story: dict[str, list[tuple[str, str, str]]] = meta["by_story"]  # type: ignore[assignment]
    chains: dict[str, tuple[str, str, str]] = meta["chains"]  # type: ignore[assignment]

    with tempfile.TemporaryDirectory(prefix="scan-chains-") as tmp:
        work = Path(args.keep) if args.keep else Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        path = work / "chains.jsonl"
        path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
        wall, _peak, _summary = run_scan(path, work / "out", args)
        pairs = [json.loads(line) for line in (work / "out/pairs.jsonl").open(encoding="utf-8")]
    found = {tuple(sorted((p["source_id"], p["derived_id"]))): p for p in pairs}

    def relation(a: str, b: str) -> str:
        return str(found.get(tuple(sorted((a, b))), {}).get("relation", "not listed"))

    rr: Counter[str] = Counter()
    orig_rw = orig_rw_first = 0
    for o in picked:
        ids = sorted(r for r, _, _ in by_story[o])
        rr.update(relation(a, b) for a, b in combinations(ids, 2))
        for r in ids:
            if relation(o, r) in _REUSE:
                orig_rw += 1
                orig_rw_first += found[tuple(sorted((o, r)))]["source_id"] == o
    chain_kind: Counter[str] = Counter()
    chain_right: Counter[str] = Counter()
    chain_any: Counter[str] = Counter()
    chain_others: Counter[str] = Counter()
    chain_orig: Counter[str] = Counter()
    for cid, (x, o, kind) in chains.items():
        chain_kind[kind] += 1
        rel = relation(x, cid)
        if rel in _REUSE:
            chain_any[kind] += 1
            chain_right[kind] += found[tuple(sorted((x, cid)))]["source_id"] == x
        chain_orig[relation(o, cid)] += 1
        chain_others.update(relation(r, cid) for r, _, _ in by_story[o] if r != x)
    n_rr = sum(rr.values())
    print(
        json.dumps(
            {
                "stories": len(picked),
                "docs": len(docs),
                "dated": not args.undated,
                "rewrite_rewrite_pairs": n_rr,
                "rewrite_rewrite_copies": rr["derived"] + rr["partially_derived"],
                "rewrite_rewrite": dict(rr),
                "chains": len(chains),
                "chain_copy_right_source": sum(chain_right.values()),
                "chain_copy_any_direction": sum(chain_any.values()),
                "chain_right_source_by_kind": {k: f"{chain_right[k]}/{chain_kind[k]}" for k in sorted(chain_kind)},
                "chain_vs_other_rewrites": dict(chain_others),
                "chain_vs_original": dict(chain_orig),
                "original_rewrite_recall": round(orig_rw / (4 * len(picked)), 4),
                "original_rewrite_oriented": round(orig_rw_first / max(1, orig_rw), 4),
                "scan_s": round(wall, 1),
            }
        ),
        flush=True,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
