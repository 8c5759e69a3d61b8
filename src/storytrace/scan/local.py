"""The local engine: all cores of one machine, memory bounded by the largest family, not the corpus.

Candidates are computed in the main process (term counts are small; the sparse product is fast).
Families are judged in worker processes, each reading its family's articles from the stage store and
keeping its models loaded between families. Families that share a long article go to one worker, one
after the other (``family_groups``), so that its memo of sentence vectors serves them all.
"""

from __future__ import annotations

import contextlib
import math
import os
from collections.abc import Collection, Iterator, Mapping, Sequence
from typing import Any

from storytrace.scan.candidates import (
    Candidate,
    PackedTerms,
    candidate_rows,
    candidates_by_block,
    doc_terms,
)
from storytrace.scan.judge import PairJudgement, judge_component
from storytrace.scan.stages import StageDir
from storytrace.workers import can_spawn, spawn_pool


def plan(terms: list[PackedTerms], config: Any) -> list[dict[str, Any]]:
    """The keep/top-k rule and family numbers: candidate rows for the stage file. No pair filter applies here:
    ``--max-lag`` and ``--cross-outlet`` decide what is reported, after judging (``pipeline.run_scan``)."""
    return candidate_rows(candidates_by_block(terms, config.candidates), len(terms))


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
        """End the workers: those :meth:`warm_up` started if :meth:`judge` did not use them, and those of a
        judging that was stopped part way."""
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.terminate()
            pool.join()

    def _spawn(self, config: Any) -> Any:
        # Each worker loads the models once and keeps them, and embeds with its share of the cores.
        threads = max(1, (os.cpu_count() or 1) // self.workers)
        return spawn_pool(self.workers, embed_threads=threads, prepare=_load_models, args=(config,))

    def candidates(self, stages: StageDir, config: Any, progress: Any) -> list[dict[str, Any]]:
        terms = [PackedTerms(doc_terms(article.text)) for _, article in stages.iter_articles()]
        return plan(terms, config)

    def judge(
        self, stages: StageDir, todo: dict[int, list[tuple[int, int, float, int]]], config: Any, progress: Any
    ) -> Iterator[tuple[int, list[PairJudgement]]]:
        groups = family_groups(todo, stages.long_articles(SHARED_LONG_ARTICLE), self.workers)
        tasks = [(str(stages.out), [(f, todo[f]) for f in group], config) for group in groups]
        if not tasks:
            self.close()
            return
        # One task is judged here unless workers already wait with their models loaded (warm_up).
        if self._pool is None and (self.workers == 1 or len(tasks) == 1 or not can_spawn()):
            for task in tasks:
                yield from _judge_families(task)
            return
        if self._pool is None:
            self._pool = self._spawn(config)
        # The pool stays ours until judging ends: an interrupted run stops while this generator waits for
        # the next family, and :meth:`close` (run_scan's last word) then ends the workers at once, not
        # whenever the suspended generator is collected.
        try:
            for judged in self._pool.imap_unordered(_judge_families, tasks, chunksize=1):
                yield from judged
        finally:
            self.close()


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


#: Families (chunks of one large component, ``candidates.families``) that share an article at least this
#: long are judged one after the other in one worker. Such an article, a speech or a transcript of hundreds of
#: sentences, is a candidate of many others, so its pairs fall into several chunks, and each chunk embeds
#: many of its sentences again: in a SheepDog scan the three chunks that share its 50,000-100,000-character
#: speeches ask for ~3,200 sentences (a fifth of theirs) that another of them asked for before
#: (benchmarks/RESULTS.md, scan, session 14). In one worker the process's memo of sentence vectors
#: (``embed.MEMO_SIZE``) answers them; a vector depends on its text alone, so the judgements are the same.
#: News-length articles are not worth it: the 6k synthetic corpus (articles under 6,300 characters) is one
#: component of 56 chunks, which would turn into a few long tasks and an idle worker at the end.
SHARED_LONG_ARTICLE = 20_000


def family_groups(
    todo: Mapping[int, Sequence[tuple[int, int, float, int]]], long_articles: Collection[int], workers: int
) -> list[list[int]]:
    """The families to judge, as tasks: each a list of families judged one after the other in one worker.

    A family joins the first task that holds one of its long articles (``SHARED_LONG_ARTICLE``) and has room:
    with several workers, a task holds at most a ``2 * workers``-th of all candidate pairs, so that no worker
    is still busy with one long task while the others have finished. Tasks come in the order of their first
    family, and each lists its families in order.
    """
    cap = sum(len(pairs) for pairs in todo.values()) / (2 * workers) if workers > 1 else math.inf
    tasks: dict[int, list[int]] = {}
    size: dict[int, int] = {}
    homes: dict[int, list[int]] = {}  # long article -> the tasks that judge it, oldest first
    for f in sorted(todo):
        longs = sorted({p for a, b, *_ in todo[f] for p in (a, b) if p in long_articles})
        task = next((t for p in longs for t in homes.get(p, ()) if size[t] + len(todo[f]) <= cap), f)
        tasks.setdefault(task, []).append(f)
        size[task] = size.get(task, 0) + len(todo[f])
        for p in longs:
            if task not in homes.setdefault(p, []):
                homes[p].append(task)
    return [tasks[t] for t in sorted(tasks)]


def _judge_families(
    task: tuple[str, list[tuple[int, list[tuple[int, int, float, int]]]], Any],
) -> list[tuple[int, list[PairJudgement]]]:
    out, families, config = task
    return [_judge_family((out, family, pairs, config)) for family, pairs in families]


def _judge_family(task: tuple[str, int, list[tuple[int, int, float, int]], Any]) -> tuple[int, list[PairJudgement]]:
    out, family, pairs, config = task
    articles = StageDir(out).get_articles({p for a, b, *_ in pairs for p in (a, b)})
    return family, judge_component(articles, pairs, settings=config.settings, scan=config.judge)


__all__ = ["SHARED_LONG_ARTICLE", "Candidate", "LocalEngine", "family_groups", "plan"]
