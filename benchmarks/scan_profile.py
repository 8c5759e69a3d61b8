"""Where a scan's judging time goes: the families of a finished (or ``--to candidates``) scan judged again in
this one process, with the time of each part of ``scan/judge.py`` added up.

    storytrace scan CORPUS --out DIR --to candidates      # or any finished scan
    STORYTRACE_EMBED_THREADS=1 OPENBLAS_NUM_THREADS=1 python benchmarks/scan_profile.py DIR [--families N]

One process, one embedding thread and one BLAS thread: the CPU seconds a worker of ``storytrace scan`` spends
(the wall time of a 2-worker scan is about half the total). Parts (nested parts are also in their parent):

- ``sketch``: the gate's features of every article the candidates name (``text.sketch``: sentences and their
  content words, without tokens), about a tenth of the whole on the synthetic 6k;
- ``analyse``: sentence analysis of articles (``text.analyse``);
- ``gate``: the sentence-share test every candidate pair gets (``judge._sentence_shares``, both ways at once);
- ``compare``: lexical ``compare_documents`` of the pairs that pass the gate;
- ``embeddings``: ``comparison.with_paraphrases`` (sentence embeddings where they can change a link),
  of which ``model`` is the MiniLM runs themselves (``texts`` sentences embedded);
- ``findings``: the findings of the pairs that are reported (``comparison.with_findings``), of which ``ner`` is
  the spaCy NER (``entities.entities_many``, cache hits included) and ``parse`` the old-news check's dependency
  parses (``tense._parse_many``, alone or a pair's batch; ``texts`` sentences parsed, each once);
- ``collector``: CPU in Python's cycle collector (``--gc-threshold``: a scan worker's setting by default,
  ``workers.collect_less_often``; 700 is Python's own).

The wrappers only time the library's own functions; the judgements are the scan's. ``--no-probe`` embeds every
open sentence of long suspects instead of a sample first; with ``--judgements`` of both runs, the relations
can be compared (the probe must not change any).
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import sys
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

import storytrace.comparison as comparison
import storytrace.facts.entities as entities
import storytrace.facts.tense as tense
import storytrace.scan.judge as judge
from storytrace.embed import get_embedder
from storytrace.scan.stages import StageDir
from storytrace.workers import GC_THRESHOLD

seconds: Counter[str] = Counter()
calls: Counter[str] = Counter()


def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    # CPU seconds, not wall: on a shared machine the wall time of a part counts the other jobs too.
    # (One embedding thread and one BLAS thread: the process's CPU is this thread's.)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            seconds[name] += time.process_time() - t
            calls[name] += 1

    return wrapper


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", help="the --out directory of a scan (its candidates stage must be complete)")
    ap.add_argument("--families", type=int, default=None, help="only the first N families")
    ap.add_argument(
        "--no-probe",
        action="store_true",
        help="embed every open sentence of long suspects (no sample first: ScanSettings.paraphrase_sample)",
    )
    ap.add_argument(
        "--judgements",
        help="write every judgement (ids, relation, method, scores, findings counts, a digest of the findings' "
        "types, spans and details) as JSON lines here: two runs' files are equal when the outputs are",
    )
    ap.add_argument(
        "--gc-threshold",
        type=int,
        default=GC_THRESHOLD,
        help=f"the cycle collector's gen-0 threshold (default {GC_THRESHOLD}, a scan worker's; Python's: 700)",
    )
    args = ap.parse_args()
    gc.set_threshold(args.gc_threshold, *gc.get_threshold()[1:])
    collector = [0.0]
    started: list[float] = []

    def on_gc(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started.append(time.process_time())
        elif started:
            collector[0] += time.process_time() - started.pop()

    gc.callbacks.append(on_gc)
    if args.no_probe:
        kwdefaults = judge.judge_component.__kwdefaults__ or {}
        kwdefaults["scan"] = judge.ScanSettings(paraphrase_sample=10**9)
        judge.judge_component.__kwdefaults__ = kwdefaults
    stages = StageDir(args.out)
    families: dict[int, list[tuple[int, int, float, int]]] = {}
    for r in stages.read_candidates():
        families.setdefault(int(r["family"]), []).append((int(r["a"]), int(r["b"]), float(r["score"]), int(r["rank"])))
    chosen = sorted(families)[: args.families]

    embedder = get_embedder()
    texts = Counter[str]()

    def model(batch: Any) -> Any:
        texts["n"] += len(batch)
        return embedder.embed(batch)

    judge.sketch = timed("sketch", judge.sketch)  # type: ignore[attr-defined]
    judge.analyse = timed("analyse", judge.analyse)  # type: ignore[attr-defined]
    judge._sentence_shares = timed("gate", judge._sentence_shares)  # type: ignore[attr-defined]
    comparison.compare_documents = timed("compare", comparison.compare_documents)  # type: ignore[assignment]
    comparison.with_paraphrases = timed("embeddings", comparison.with_paraphrases)  # type: ignore[assignment]
    digests: dict[tuple[str, str], str] = {}
    with_findings = timed("findings", comparison.with_findings)

    def findings_digested(*a: Any, **k: Any) -> Any:
        # Counts alone would miss a finding whose span or wording moved: the digest covers every field.
        report = with_findings(*a, **k)
        key = (report.source.article.id, report.derived.article.id)
        digests[key] = hashlib.sha1(repr(report.findings).encode()).hexdigest()[:16]
        return report

    comparison.with_findings = findings_digested  # type: ignore[assignment]
    entities.entities_many = timed("ner", entities.entities_many)  # type: ignore[assignment]
    parse_many = tense._parse_many

    def parsed(sentences: list[str]) -> Any:
        texts["parsed"] += len({s for s in sentences if s not in tense._cache})  # the parser reads these
        return parse_many(sentences)

    tense._parse_many = timed("parse", parsed)  # type: ignore[assignment]
    embed = timed("model", model)

    relations: Counter[str] = Counter()
    dump = open(args.judgements, "w", encoding="utf-8") if args.judgements else None  # noqa: SIM115
    start, start_cpu = time.perf_counter(), time.process_time()
    for f in chosen:
        pairs = families[f]
        articles = stages.get_articles({p for a, b, *_ in pairs for p in (a, b)})
        for j in judge.judge_component(articles, pairs, embed=embed):
            relations[f"{j.method}/{j.relation}"] += 1
            digest = digests.pop((articles[j.source].id, articles[j.derived].id), None)
            if dump is not None:
                row = [articles[j.source].id, articles[j.derived].id, j.relation, j.direction, j.method, j.scores]
                row += [j.findings, digest]
                dump.write(json.dumps(row) + "\n")
    wall, total = time.perf_counter() - start, time.process_time() - start_cpu
    n_pairs = sum(len(families[f]) for f in chosen)
    print(f"{len(chosen)} families, {n_pairs} candidate pairs: {total:.1f} CPU-s ({wall:.1f} s wall) in one process")
    for name in ("sketch", "analyse", "gate", "compare", "embeddings", "model", "findings", "ner", "parse"):
        extra = f", {texts['n']} sentences" if name == "model" else ""
        extra = f", {texts['parsed']} sentences parsed" if name == "parse" else extra
        share = 100 * seconds[name] / total
        print(f"  {name:<11} {seconds[name]:7.1f} CPU-s {share:5.1f}%  ({calls[name]} calls{extra})")
    print(f"  collector   {collector[0]:7.1f} s CPU  (gen-0 threshold {args.gc_threshold})")
    print("  judgements:", ", ".join(f"{k} {v}" for k, v in sorted(relations.items())))
    if dump is not None:
        dump.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
