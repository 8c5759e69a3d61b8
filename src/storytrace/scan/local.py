"""The local engine: all cores of one machine, memory bounded by the largest family, not the corpus.

Candidates are computed in the main process (term counts are small; the sparse product is fast).
Families are judged in worker processes, each reading its family's articles from the stage store and
keeping its models loaded between families.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import sys
from collections.abc import Iterator
from typing import Any

from storytrace.scan.candidates import Candidate, candidate_rows, doc_terms, scored_pairs, select
from storytrace.scan.families import ArticleMeta
from storytrace.scan.judge import PairJudgement, judge_component
from storytrace.scan.stages import StageDir


def plan(scored: dict[tuple[int, int], float], metas: dict[int, ArticleMeta], config: Any) -> list[dict[str, Any]]:
    """Filters, the keep/top-k rule and family numbers: candidate rows for the stage file."""
    allowed = {k: s for k, s in scored.items() if config.filters.keeps_pair(metas[k[0]], metas[k[1]])}
    chosen = select(allowed, len(metas), config.candidates)
    return candidate_rows(chosen, len(metas))


class LocalEngine:
    name = "local"

    def __init__(self, workers: int | None = None) -> None:
        self.workers = max(1, workers or os.cpu_count() or 1)

    def candidates(self, stages: StageDir, config: Any, progress: Any) -> list[dict[str, Any]]:
        terms: list[dict[int, int]] = []
        metas: dict[int, ArticleMeta] = {}
        for pos, article in stages.iter_articles():
            terms.append(doc_terms(article.text))
            metas[pos] = ArticleMeta.of(pos, article)
        return plan(scored_pairs(terms, config.candidates), metas, config)

    def judge(
        self, stages: StageDir, todo: dict[int, list[tuple[int, int, float, int]]], config: Any, progress: Any
    ) -> Iterator[tuple[int, list[PairJudgement]]]:
        tasks = [(str(stages.out), f, pairs, config) for f, pairs in sorted(todo.items())]
        if not tasks:
            return
        if self.workers == 1 or len(tasks) == 1:
            for task in tasks:
                yield _judge_family(task)
            return
        # spawn, not fork: a parent that already ran onnxruntime (tests, the web app) may hold thread pools a
        # forked child would deadlock on. Each worker loads the models once and keeps them.
        ctx = mp.get_context("spawn")
        threads = max(1, (os.cpu_count() or 1) // self.workers)
        with ctx.Pool(self.workers, initializer=_worker_init, initargs=(threads,), maxtasksperchild=None) as pool:
            yield from pool.imap_unordered(_judge_family, tasks, chunksize=1)


def _worker_init(embed_threads: int = 1) -> None:
    # The workers share the cores: each embeds with its share of them (more threads only add memory).
    os.environ["STORYTRACE_EMBED_THREADS"] = str(embed_threads)
    # thinc (under spaCy) imports PyTorch whenever it is installed, ~300 MB per worker that the CPU NER
    # model never uses (it runs on thinc's numpy ops): a judging worker does not need it.
    if "torch" not in sys.modules:
        sys.modules["torch"] = None  # type: ignore[assignment]


def _judge_family(task: tuple[str, int, list[tuple[int, int, float, int]], Any]) -> tuple[int, list[PairJudgement]]:
    out, family, pairs, config = task
    articles = StageDir(out).get_articles({p for a, b, *_ in pairs for p in (a, b)})
    return family, judge_component(articles, pairs, settings=config.settings, scan=config.judge)


__all__ = ["Candidate", "LocalEngine", "plan"]
