"""A deterministic corpus for scan benchmarks, with the truth of which article derives from which.

    python benchmarks/make_scan_corpus.py OUT.jsonl --n 6000 --seed 7

A quarter of the articles are originals, a quarter derived from one original each (sentences dropped,
words substituted, numbers changed, sentences added, some sentences paraphrased: clauses reordered and
words swapped for synonyms, published 0-5 days later by another outlet), the rest unrelated articles from
the same invented world (same topics, templates and name pools, so they share vocabulary). Each derived
line carries ``derived.from``; ``truth(path)`` reads the set of (original id, derived id) pairs back.
Built on make_corpus.py (articles and rewrites); nothing here is real text.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_corpus

_SYN = {
    "said": "told reporters",
    "about": "roughly",
    "expected": "projected",
    "before": "earlier",
    "across": "throughout",
    "estimate": "forecast",
    "discuss": "talk about",
    "affected": "hit",
    "first": "initially",
    "cost": "price",
    "residents": "locals",
    "signed": "put their names to",
    "request": "query",
    "figures": "data",
    "worked": "served",
}
_WORD = re.compile(r"\b(" + "|".join(map(re.escape, _SYN)) + r")\b")


def paraphrase(sentence: str, rng: random.Random) -> str:
    """Reorder a sentence's clauses and swap words for synonyms (a light, rule-based paraphrase)."""
    s = _WORD.sub(lambda m: _SYN[m.group(1)], sentence)
    body = s.rstrip(".")
    parts = body.split(", ")
    # "A, b." -> "B, a." when the second clause can open a sentence on its own.
    if len(parts) == 2 and parts[1][:1].islower() and not body.startswith('"') and rng.random() < 0.7:
        head, tail = parts
        first_word = head.split(" ", 1)[0]
        if first_word in ("The", "A", "About", "Since", "Meanwhile"):
            head = head[0].lower() + head[1:]
        s = f"{tail[0].upper()}{tail[1:]}, {head}."
    return s


def derived_of(article: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    d = make_corpus.rewrite(article, rng, strength=0.3)
    paragraphs = d["text"].split("\n\n")
    changed = 0
    out = []
    for p in paragraphs:
        sents = make_corpus._SENT.split(p)
        for k, s in enumerate(sents):
            if rng.random() < 0.2:
                sents[k] = paraphrase(s, rng)
                changed += 1
        out.append(" ".join(sents))
    d["text"] = "\n\n".join(out)
    d["derived"]["paraphrased"] = changed
    return d


def corpus(n: int, seed: int) -> Iterator[dict[str, Any]]:
    """``n`` articles: n/4 originals, n/4 derived, n/2 unrelated, in a shuffled (but fixed) order."""
    n_orig = n // 4
    n_der = n // 4
    base = list(make_corpus.articles(n - n_der, seed=seed))
    rng = random.Random(f"scan:{seed}")
    items = list(base)
    for a in base[:n_orig]:
        items.append(derived_of(a, rng))
    rng.shuffle(items)
    keep = ("id", "text", "title", "outlet", "published", "derived")
    for a in items:
        yield {k: a[k] for k in keep if k in a}


def truth(path: str | Path) -> set[tuple[str, str]]:
    pairs = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if "derived" in d:
                pairs.add((d["derived"]["from"], d["id"]))
    return pairs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--n", type=int, default=6000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    with open(args.out, "w", encoding="utf-8") as fh:
        for a in corpus(args.n, args.seed):
            fh.write(json.dumps(a, ensure_ascii=False) + "\n")
    print(f"{args.n} articles -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
