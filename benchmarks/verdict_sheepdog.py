"""compare's verdict on every SheepDog rewrite, against its own original and the originals nearest to it.

    python benchmarks/verdict_sheepdog.py [--jobs 2] [--nearest 3] [--dump FILE] [--from FILE]

No sample: each of the 1,440 LLM rewrites of ../shared/eval/sheepdog-train is compared (``storytrace.compare``,
embeddings on) with its own original (should be ``derived`` or ``partially_derived``) and with the ``--nearest``
other originals most TF-IDF-similar to it (same US-politics pool; should not be; an original whose text is
identical to the rewrite's own original is skipped), and each Clough & Stevenson answer with its source
(cut/light/heavy: derived; ``non``: written independently on the same question) and with another question's
source. calibrate.py and calibrate_trail.py fit on a sample of the originals; this is the whole-set check of
what they fit (a seeded sample flattered the trace figure before: RESULTS.md, trace, session 10).

Prints the relations per group, the trail features (``audit.trail_of``) of the rewrites judged below
``partially_derived`` against their own original, and how many of those a candidate rule on the share of
the original's sentences that some link (restating or ``partial``) draws on would promote, against how many
independent texts (nearest others, Clough ``non`` and other-question answers) it would promote too.
``--dump`` writes one JSON line per pair; ``--from`` reads such a dump instead of comparing (seconds).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from multiprocessing import Pool
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _evaldata import eval_dir_from, load_clough, load_sheepdog, print_header, table, tfidf_matrix
from storytrace.settings import DEFAULT_SETTINGS

_REUSE = ("derived", "partially_derived")
Job = tuple[str, str, str, str, str]


def judge(job: Job) -> dict[str, Any]:
    """One pair's verdict and the alignment features the analysis reads."""
    from storytrace import compare
    from storytrace.article import Article
    from storytrace.audit import trail_of

    group, s_id, d_id, s_text, d_text = job
    report = compare(Article(text=s_text, id=s_id), Article(text=d_text, id=d_id))
    a = report.alignment
    t = trail_of(a)
    return {
        "group": group,
        "source": s_id,
        "derived": d_id,
        "relation": report.verdict.relation,
        "direction": report.verdict.direction,
        "reuse": report.scores.reuse,
        "coverage": report.scores.coverage,
        "similarity": a.document_similarity,
        "semantic_links": a.semantic_links,
        "specifics": t.specifics,
        "shared_specifics": t.shared_specifics,
        "own_quotes": t.own_quotes,
        "reach": t.reach,
        "sources_linked": t.sources_linked,
        "source_sentences": len(a.source.sentences),
        "derived_linked": len({i for link in a.links if link.source for i in link.derived}),
        "derived_sentences": len(a.derived.sentences),
        "kinds": [link.kind for link in a.links],
    }


def jobs_for(eval_dir: Path, nearest: int) -> list[Job]:
    originals, rewrites = load_sheepdog(eval_dir)
    ids = sorted(originals)
    m = tfidf_matrix([originals[k] for k in ids] + [r.text for r in rewrites])
    sims = m[len(ids) :] @ m[: len(ids)].T
    jobs: list[Job] = []
    for n, r in enumerate(rewrites):
        jobs.append(("sheepdog own", r.orig_id, r.id, originals[r.orig_id], r.text))
        taken = 0
        for j in np.argsort(-sims[n], kind="stable"):
            other = ids[int(j)]
            if other == r.orig_id or originals[other] == originals[r.orig_id]:
                continue
            jobs.append(("sheepdog nearest other", other, r.id, originals[other], r.text))
            taken += 1
            if taken == nearest:
                break
    items, sources = load_clough(eval_dir)
    tasks = sorted(sources)
    for it in items:
        group = "clough non" if it.category == "non" else "clough cut/light/heavy"
        jobs.append((group, "orig_" + it.task, it.name, sources[it.task], it.text))
        other = tasks[(tasks.index(it.task) + 1) % len(tasks)]
        jobs.append(("clough other question", "orig_" + other, it.name, sources[other], it.text))
    return jobs


def _share(r: dict[str, Any]) -> float:
    return r["shared_specifics"] / r["specifics"] if r["specifics"] else 0.0


def sentence_share_rule(r: dict[str, Any], share: float, names: int, names_share: float) -> bool:
    """The candidate rule: below ``partial_reuse`` with semantic links and no quotation of its own, at least two
    of the original's sentences drawn on and at least ``share`` of them, and ``names`` names and figures in
    common, ``names_share`` of the suspect's."""
    return (
        r["relation"] not in _REUSE
        and r["reuse"] < DEFAULT_SETTINGS.partial_reuse
        and r["semantic_links"]
        and r["own_quotes"] <= DEFAULT_SETTINGS.trail_own_quotes
        and r["sources_linked"] >= 2
        and r["sources_linked"] / max(1, r["source_sentences"]) >= share
        and r["shared_specifics"] >= names
        and _share(r) >= names_share
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--eval-dir")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--nearest", type=int, default=3, help="other originals per rewrite, most TF-IDF-similar first")
    ap.add_argument("--dump", help="write every pair as a JSON line here")
    ap.add_argument("--from", dest="source", help="read a --dump file instead of comparing")
    args = ap.parse_args(argv)
    eval_dir = eval_dir_from(args.eval_dir)
    print_header("storytrace verdicts on every SheepDog rewrite (benchmarks/verdict_sheepdog.py)", DEFAULT_SETTINGS)
    t0 = time.perf_counter()
    if args.source:
        rows = [json.loads(line) for line in Path(args.source).read_text(encoding="utf-8").splitlines() if line]
    else:
        jobs = jobs_for(eval_dir, args.nearest)
        with Pool(args.jobs) as pool:
            rows = list(pool.imap(judge, jobs, chunksize=8))
        if args.dump:
            Path(args.dump).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} pairs in {time.perf_counter() - t0:.0f} s")

    by: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by[r["group"]].append(r)
    relations = ("derived", "partially_derived", "related", "unrelated")
    out = []
    for group, rs in by.items():
        c = Counter(r["relation"] for r in rs)
        out.append((group, len(rs), *(c[x] for x in relations), sum(c[x] for x in _REUSE) / len(rs)))
    print("\n1. relations per group (own original and cut/light/heavy should be derived or partially derived)")
    print(table(out, ["group", "n", *relations, "share >= partially_derived"]))

    missed = [r for r in by["sheepdog own"] if r["relation"] not in _REUSE]
    print(f"\n2. the {len(missed)} rewrites below partially_derived against their own original")
    print(
        table(
            [
                (
                    r["derived"].removeprefix("politifact_train_"),
                    r["relation"],
                    f"{r['reuse']:.2f}",
                    f"{r['coverage']:.2f}",
                    f"{r['reach']:.2f}",
                    f"{r['sources_linked']}/{r['source_sentences']}",
                    f"{r['derived_linked']}/{r['derived_sentences']}",
                    f"{r['shared_specifics']}/{r['specifics']}",
                    r["own_quotes"],
                    f"{r['similarity']:.2f}",
                )
                for r in missed
            ],
            [
                "rewrite",
                "relation",
                "reuse",
                "coverage",
                "reach",
                "orig. sents linked",
                "own sents linked",
                "names in common",
                "own quotes",
                "doc sim",
            ],
        )
    )

    independent = by["sheepdog nearest other"] + by["clough non"] + by["clough other question"]
    grid = []
    for share in (0.34, 0.4, 0.5, 0.6):
        for names in (2, 3):
            for names_share in (0.6, 0.75, 0.85):
                promoted = sum(sentence_share_rule(r, share, names, names_share) for r in missed)
                wrong = sum(sentence_share_rule(r, share, names, names_share) for r in independent)
                grid.append((share, names, names_share, promoted, wrong))
    print(
        f"\n3. candidate rule on the share of the original's sentences drawn on: rewrites promoted (of {len(missed)})"
        f" against independent texts promoted (of {len(independent)})"
    )
    print(table(grid, ["orig. sents share >=", "names >=", "names share >=", "rewrites", "independent"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
