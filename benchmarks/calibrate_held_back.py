"""Where ``trace.HELD_BACK_LEXICAL`` comes from: can a trace's held-back check decide without sentence embeddings?

    python benchmarks/calibrate_held_back.py [--sheepdog 150] [--seed 23]

A trace that finds no source compares the articles its date bound left out with the suspect, and names those
compare finds close (``trace._held_back_close``: derived or partially derived, explaining some suspect sentence,
the suspect keeping 30% of the held-back article). For every pair below, both ways round (the held-back article
the original, then the copy), this compares the two texts word for word and as a trace would (sentence
embeddings when they share names and figures, ``trace.EMBED_SPECIFICS``), and prints:

- lexical close matches that embeddings unmade (the lexical report may decide "close" only if there are none);
- for each bar on the lexical coverage: the close matches lost by ruling out the pairs below it, and the
  others ruled out (embeddings not made for them).

Pairs: a seeded sample of SheepDog rewrites with their originals, the 95 Clough-Stevenson answers with their
task's source (``non`` answers are written without it), and the bundled independent report with its event's
original.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _evaldata
from storytrace.article import Article
from storytrace.comparison import Report, compare_documents
from storytrace.settings import DEFAULT_SETTINGS
from storytrace.text import analyse, specifics_share
from storytrace.trace import EMBED_SPECIFICS, _held_back_close

LEXICAL = DEFAULT_SETTINGS.with_(use_embeddings=False)
BARS = (0.05, 0.1, 0.12, 0.15, 0.2, 0.25)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--eval-dir")
    ap.add_argument("--sheepdog", type=int, default=150, help="SheepDog rewrites sampled")
    ap.add_argument("--seed", type=int, default=23)
    args = ap.parse_args()
    eval_dir = _evaldata.eval_dir_from(args.eval_dir)
    pairs: list[tuple[str, str, str, str]] = []
    items, sources = _evaldata.load_clough(eval_dir)
    pairs += [(f"clough-{it.category}", it.name, sources[it.task], it.text) for it in items]
    examples = Path(__file__).resolve().parents[1] / "examples"
    pairs.append(
        ("independent", "examples", (examples / "original.txt").read_text(), (examples / "independent.txt").read_text())
    )
    originals, rewrites = _evaldata.load_sheepdog(eval_dir)
    for r in random.Random(args.seed).sample(rewrites, args.sheepdog):
        pairs.append(("sheepdog", r.id, originals[r.orig_id], r.text))

    from storytrace.embed import get_embedder

    embedder = get_embedder()
    rows = []
    for kind, name, a, b in pairs:
        first, second = analyse(Article(text=a, id="a")), analyse(Article(text=b, id="b"))
        for way, (held, suspect) in (
            ("held back: the original", (first, second)),
            ("held back: the copy", (second, first)),
        ):
            lexical = compare_documents(held, suspect, settings=LEXICAL, findings=False)
            shares = specifics_share(held.all_specifics(), suspect.all_specifics()) >= EMBED_SPECIFICS
            full: Report = (
                compare_documents(held, suspect, settings=DEFAULT_SETTINGS, embed=embedder.embed, findings=False)
                if shares
                else lexical
            )
            rows.append(
                {
                    "set": kind,
                    "id": name,
                    "way": way,
                    "embedded": shares,
                    "lexical_coverage": lexical.scores.coverage,
                    "lexical_close": _held_back_close(lexical),
                    "close": _held_back_close(full),
                }
            )
    unmade = [r for r in rows if r["lexical_close"] and not r["close"]]
    print(f"{len(rows)} pairs; lexical close matches that embeddings unmade: {len(unmade)}")
    for r in unmade:
        print("  ", json.dumps(r))
    embedded = [r for r in rows if r["embedded"]]
    close = [r for r in embedded if r["close"]]
    others = [r for r in embedded if not r["close"]]
    print(
        f"{len(embedded)} pairs share names and figures (compared with embeddings): {len(close)} close, "
        f"{sum(r['lexical_close'] for r in close)} of them close lexically; {len(others)} not close"
    )
    print(f"{'lexical coverage bar':>22} {'close lost':>10} {'others ruled out':>17} {'embedded':>9}")
    for bar in BARS:
        lost = [r for r in close if not r["lexical_close"] and r["lexical_coverage"] < bar]
        ruled_out = sum(r["lexical_coverage"] < bar for r in others)
        still = sum(not r["lexical_close"] and r["lexical_coverage"] >= bar for r in embedded)
        print(f"{bar:>22.2f} {len(lost):>10} {ruled_out:>17} {still:>9}")
        for r in lost:
            print(f"{'':>24}lost: {r['set']} {r['id']} ({r['way']}, {r['lexical_coverage']:.2f})")


if __name__ == "__main__":
    main()
