"""Where the thresholds on specifics (numbers and names, ``Document.specifics``) come from.

    python benchmarks/scan_specifics.py [--sample 50]

Prints, on the scan corpus of make_scan_corpus.py (1,000 articles, seed 7) and on
../shared/eval/sheepdog-train (360 originals, 1,440 LLM rewrites):

1. ``Settings.specifics_agreement`` (audit.specifics_weight): ``reuse`` of sampled pairs with the weight off
   and at 0.5 / 0.8 — true original→rewrite pairs, false candidate pairs of the scan corpus (articles from
   the same sentence frames: candidate score >= 0.2, not in the generator's truth), SheepDog original→own
   rewrite and rewrite vs a random other original. Each pair is aligned once; reuse is recomputed.
2. ``ScanSettings.specifics_gate``: share of the specifics of the article with fewer that the other also
   has, for every SheepDog original–rewrite pair and for the scan corpus's false candidate pairs.
3. ``ScanSettings.sibling_own_specifics``: the smaller share of own specifics (held by one side only), for
   SheepDog original–rewrite pairs and rewrite–rewrite pairs (two rewrites of one original).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_scan_corpus
import storytrace.audit as audit_module
from _evaldata import DEFAULT_EVAL_DIR, load_sheepdog
from storytrace.article import Article
from storytrace.comparison import compare
from storytrace.scan.candidates import CandidateSettings, candidate_pairs
from storytrace.settings import DEFAULT_SETTINGS
from storytrace.text import analyse, specifics_share


def specifics(text: str) -> frozenset[str]:
    return analyse(Article(text=text)).all_specifics()


def own_share(a: frozenset[str], b: frozenset[str]) -> float:
    return min(len(a - b) / len(a), len(b - a) / len(b)) if a and b else 0.0


def quantiles(values: list[float]) -> str:
    q = statistics.quantiles(values, n=10)
    return f"p10 {q[0]:.2f}  median {statistics.median(values):.2f}  p90 {q[-1]:.2f}  max {max(values):.2f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=50, help="pairs aligned per group in part 1")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "scan1000.jsonl"
        make_scan_corpus.main([str(path), "--n", "1000", "--seed", "7"])
        docs = [json.loads(line) for line in path.open(encoding="utf-8")]
        truth = make_scan_corpus.truth(path)
    pos = {d["id"]: k for k, d in enumerate(docs)}
    true_pairs = sorted(tuple(sorted((pos[a], pos[b]))) for a, b in truth)
    true_set = set(true_pairs)
    false_pairs = [
        (c.a, c.b)
        for c in candidate_pairs([d["text"] for d in docs], CandidateSettings())
        if c.score >= 0.2 and (c.a, c.b) not in true_set
    ]
    originals, rewrites = load_sheepdog(DEFAULT_EVAL_DIR)
    ids = sorted(originals)

    def article(d: dict) -> Article:
        return Article(text=d["text"], title=d.get("title"), published=d.get("published"))

    groups = {
        "scan corpus: original -> its rewrite": [
            (article(docs[a]), article(docs[b])) for a, b in rng.sample(true_pairs, args.sample)
        ],
        "scan corpus: false candidate pairs": [
            (article(docs[a]), article(docs[b])) for a, b in rng.sample(false_pairs, min(args.sample, len(false_pairs)))
        ],
        "SheepDog: original -> own rewrite": [
            (Article(text=originals[r.orig_id]), Article(text=r.text)) for r in rng.sample(rewrites, args.sample)
        ],
        "SheepDog: rewrite vs other original": [
            (Article(text=originals[rng.choice([i for i in ids if i != r.orig_id])]), Article(text=r.text))
            for r in rng.sample(rewrites, args.sample)
        ],
    }
    print(f"1. reuse with the specifics weight (share of pairs at partially_derived / derived reuse; n={args.sample})")
    aligned = {name: [compare(a, b).alignment for a, b in pairs] for name, pairs in groups.items()}
    weight = audit_module.specifics_weight
    variants = [("off", None), ("0.5 (shipped)", 0.5), ("0.8", 0.8)]
    print(f"{'pairs':40s}" + "".join(f"{v:>22s}" for v, _ in variants))
    for name, alignments in aligned.items():
        cells = []
        for _, value in variants:
            audit_module.specifics_weight = weight if value is not None else (lambda *a, **k: 1.0)
            settings = DEFAULT_SETTINGS.with_(specifics_agreement=value or 0.5)
            reuse = [audit_module.score(al, settings).reuse for al in alignments]
            partial = sum(r >= settings.partial_reuse for r in reuse) / len(reuse)
            derived = sum(r >= settings.derived_reuse for r in reuse) / len(reuse)
            cells.append(f"{partial:.2f} / {derived:.2f}")
        audit_module.specifics_weight = weight
        print(f"{name:40s}" + "".join(f"{c:>22s}" for c in cells))

    spec = {i: specifics(t) for i, t in originals.items()} | {r.id: specifics(r.text) for r in rewrites}
    own_pairs = [(r.orig_id, r.id) for r in rewrites]
    gate = [specifics_share(spec[a], spec[b]) for a, b in own_pairs]
    syn = {k: specifics(docs[k]["text"]) for pair in false_pairs for k in pair}
    syn_gate = [specifics_share(syn[a], syn[b]) for a, b in false_pairs]
    print("\n2. specifics shared (of the article with fewer)")
    print(f"SheepDog original-rewrite ({len(gate)}): {quantiles(gate)}")
    for g in (0.3, 0.35, 0.4):
        print(f"   below {g}: {sum(x < g for x in gate) / len(gate):.4f}")
    print(f"scan corpus false candidates ({len(syn_gate)}): {quantiles(syn_gate)}")

    by_original: dict[str, list[str]] = {}
    for r in rewrites:
        by_original.setdefault(r.orig_id, []).append(r.id)
    sib_pairs = [p for group in by_original.values() for p in combinations(sorted(group), 2)]
    print("\n3. own specifics on both sides (the smaller share)")
    for name, pairs in (("SheepDog original-rewrite", own_pairs), ("SheepDog rewrite-rewrite", sib_pairs)):
        values = [own_share(spec[a], spec[b]) for a, b in pairs]
        reach = "  ".join(f">={t}: {sum(v >= t for v in values) / len(values):.3f}" for t in (0.15, 0.2, 0.25))
        print(f"{name} ({len(values)}): {reach}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
