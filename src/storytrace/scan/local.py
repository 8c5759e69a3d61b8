"""The local engine: all cores of one machine, memory bounded by the largest family, not the corpus.

Candidates are computed in the main process (term counts are small; the sparse product is fast).
Families are judged in worker processes, each reading its family's articles from the stage store and
keeping its models loaded between families.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from typing import Any

import numpy as np

from storytrace.scan.candidates import (
    Candidate,
    PackedTerms,
    PairFilter,
    candidate_rows,
    candidates_by_block,
    doc_terms,
)
from storytrace.scan.families import ArticleMeta, parse_time
from storytrace.scan.judge import PairJudgement, judge_component
from storytrace.scan.stages import StageDir
from storytrace.workers import can_spawn, spawn_pool


def plan(terms: list[PackedTerms], metas: dict[int, ArticleMeta], config: Any) -> list[dict[str, Any]]:
    """Filters, the keep/top-k rule and family numbers: candidate rows for the stage file."""
    chosen = candidates_by_block(terms, config.candidates, allow=pair_filter(metas, config.filters))
    return candidate_rows(chosen, len(metas))


def pair_filter(metas: dict[int, ArticleMeta], filters: Any) -> PairFilter | None:
    """``filters.keeps_pair`` for arrays of pairs (None when no pair filter is set)."""
    if not filters.cross_outlet and filters.max_lag_hours is None:
        return None
    n = len(metas)
    outlets: dict[str, int] = {}
    outlet = np.array(
        [outlets.setdefault(o, len(outlets)) if (o := metas[i].outlet) else -1 for i in range(n)], dtype=np.int64
    )
    hours = np.full(n, np.nan)
    for i in range(n):
        t = parse_time(metas[i].published)
        if t is not None:
            hours[i] = t.timestamp() / 3600.0

    def allow(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        ok = np.ones(len(a), dtype=bool)
        if filters.cross_outlet:
            ok &= (outlet[a] < 0) | (outlet[b] < 0) | (outlet[a] != outlet[b])
        if filters.max_lag_hours is not None:
            lag = np.abs(np.round(hours[b] - hours[a], 3))
            ok &= ~(lag > filters.max_lag_hours)  # unknown dates (NaN) pass, as in keeps_pair
        return ok

    return allow


class LocalEngine:
    name = "local"

    def __init__(self, workers: int | None = None) -> None:
        self.workers = max(1, workers or os.cpu_count() or 1)
        self._pool: Any = None

    def warm_up(self, config: Any) -> None:
        """Start the judging workers now, to load their models while this process finds the candidates.

        Starting a worker and loading its models (MiniLM, spaCy's NER, Punkt) takes ~1.2 CPU-s, which at the
        start of judging delays every worker's first family; during the candidates stage one core is
        otherwise idle. The pool is used by :meth:`judge`, or ended by :meth:`close`."""
        if self._pool is None and self.workers > 1 and can_spawn():
            self._pool = self._spawn(config)

    def close(self) -> None:
        """End the workers :meth:`warm_up` started, if :meth:`judge` did not use them."""
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.terminate()
            pool.join()

    def _spawn(self, config: Any) -> Any:
        # Each worker loads the models once and keeps them, and embeds with its share of the cores.
        threads = max(1, (os.cpu_count() or 1) // self.workers)
        return spawn_pool(self.workers, embed_threads=threads, prepare=_load_models, args=(config,))

    def candidates(self, stages: StageDir, config: Any, progress: Any) -> list[dict[str, Any]]:
        terms: list[PackedTerms] = []
        metas: dict[int, ArticleMeta] = {}
        for pos, article in stages.iter_articles():
            terms.append(PackedTerms(doc_terms(article.text)))
            metas[pos] = ArticleMeta.of(pos, article)
        return plan(terms, metas, config)

    def judge(
        self, stages: StageDir, todo: dict[int, list[tuple[int, int, float, int]]], config: Any, progress: Any
    ) -> Iterator[tuple[int, list[PairJudgement]]]:
        tasks = [(str(stages.out), f, pairs, config) for f, pairs in sorted(todo.items())]
        if not tasks:
            self.close()
            return
        # One family is judged here unless workers already wait with their models loaded (warm_up).
        if self._pool is None and (self.workers == 1 or len(tasks) == 1 or not can_spawn()):
            for task in tasks:
                yield _judge_family(task)
            return
        warm, self._pool = self._pool, None
        with warm if warm is not None else self._spawn(config) as pool:
            yield from pool.imap_unordered(_judge_family, tasks, chunksize=1)


def _load_models(config: Any) -> None:
    """What a judging worker would load during its first families, loaded as it starts (``warm_up``). A model
    that fails to load is left for judging to report, as it would be without this."""
    import importlib

    from storytrace.article import Article
    from storytrace.text import analyse

    for module in _JUDGING_MODULES:
        importlib.import_module(module)
    analyse(Article(text="Punkt loads its model. On first use."))
    if config.settings.use_embeddings:
        with contextlib.suppress(Exception):
            from storytrace.embed import get_embedder

            get_embedder().load()
    with contextlib.suppress(Exception):
        from storytrace.facts.entities import get_nlp

        get_nlp()


#: Imported by judging on first use (comparison, and the fact checkers of ``audit.fact_checks``).
_JUDGING_MODULES = (
    "storytrace.comparison",
    "storytrace.facts.cues",
    "storytrace.facts.dates",
    "storytrace.facts.entities",
    "storytrace.facts.numbers",
    "storytrace.facts.quotes",
    "storytrace.facts.recombined",
    "storytrace.facts.swapped",
)


def _judge_family(task: tuple[str, int, list[tuple[int, int, float, int]], Any]) -> tuple[int, list[PairJudgement]]:
    out, family, pairs, config = task
    articles = StageDir(out).get_articles({p for a, b, *_ in pairs for p in (a, b)})
    return family, judge_component(articles, pairs, settings=config.settings, scan=config.judge)


__all__ = ["Candidate", "LocalEngine", "plan"]
