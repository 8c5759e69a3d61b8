"""Chunks of one story component that share a long article are judged one after the other by one worker."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest

from storytrace.article import Article
from storytrace.scan import local
from storytrace.scan.local import LocalEngine, family_groups
from storytrace.scan.stages import StageDir

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _pairs(*links: tuple[int, int]) -> list[tuple[int, int, float, int]]:
    return [(a, b, 0.5, 0) for a, b in links]


def test_families_that_share_a_long_article_make_one_task() -> None:
    todo = {
        0: _pairs((1, 2)),
        1: _pairs((3, 10), (4, 10)),  # 10: a long article, in three chunks
        2: _pairs((5, 6), (6, 10)),
        3: _pairs((7, 8)),
        4: _pairs((9, 10), (9, 11)),
        5: _pairs(*((20 + k, 30 + k) for k in range(10))),
    }
    assert family_groups(todo, {10}, workers=1) == [[0], [1, 2, 4], [3], [5]]
    assert family_groups(todo, {10}, workers=2) == [[0], [1, 2], [3], [4], [5]]  # at most 18 / 4 pairs
    # Short articles shared between chunks do not group them (the 6k synthetic corpus: no change).
    assert family_groups(todo, set(), workers=1) == [[0], [1], [2], [3], [4], [5]]
    assert family_groups(todo, {6}, workers=1) == [[0], [1], [2], [3], [4], [5]]


def test_a_task_holds_at_most_a_share_of_the_pairs_so_no_worker_is_left_alone_at_the_end() -> None:
    todo = {f: _pairs((f, 100), (f, 200 + f)) for f in range(8)}  # 16 pairs, article 100 in every chunk
    # 2 workers: at most 16 / 4 = 4 pairs, two families, a task
    assert family_groups(todo, {100}, workers=2) == [[0, 1], [2, 3], [4, 5], [6, 7]]
    # A family too big to join a task starts one; the next that fits takes the first room left.
    todo[1] = _pairs((1, 100), (1, 201), (1, 202), (1, 203))
    assert family_groups(todo, {100}, workers=2) == [[0, 2], [1], [3, 4], [5, 6], [7]]


def test_long_articles_are_read_by_the_length_of_their_text(tmp_path: Path) -> None:
    stages = StageDir(tmp_path)
    stages.dir.mkdir(parents=True)
    texts = ["a" * 99, "b" * 100, '"' * 60, "c" * 10]
    metas = ["", "", "", "x" * 500]  # quotation marks and metadata make a stored row longer than its text
    rows = enumerate(zip(texts, metas, strict=True))
    stages.write_articles(Article(text=t, id=f"a{k}", title=m) for k, (t, m) in rows)
    assert stages.long_articles(100) == {1}
    assert stages.long_articles(60) == {0, 1, 2}


@pytest.fixture()
def shared_corpus(tmp_path: Path) -> Path:
    """The wire story, two rewrites and an independent report: with families of at most 2 pairs, the
    original falls into several families."""
    original = (EXAMPLES / "original.txt").read_text(encoding="utf-8")
    rewrite = (EXAMPLES / "rewrite.txt").read_text(encoding="utf-8")
    paras = original.split("\n\n")
    sibling = "\n\n".join(p for k, p in enumerate(paras) if k not in (2, 5)).replace("said", "told reporters")
    records = [
        {"id": "wire", "text": original, "published": "2024-03-14T08:00:00+00:00"},
        {"id": "a", "text": rewrite, "published": "2024-03-15T10:00:00+00:00"},
        {"id": "b", "text": sibling, "published": "2024-03-15T12:00:00+00:00"},
        {"id": "c", "text": (EXAMPLES / "independent.txt").read_text(encoding="utf-8")},
    ]
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_grouped_families_give_the_judgements_of_families_judged_alone(
    shared_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storytrace.scan import candidates as candidates_module
    from storytrace.scan.pipeline import run_scan

    monkeypatch.setattr(candidates_module, "families", functools.partial(candidates_module.families, max_pairs=2))
    tasks: list[list[int]] = []
    judge_families = local._judge_families

    def recorded(task: Any) -> Any:
        tasks.append([f for f, _ in task[1]])
        return judge_families(task)

    monkeypatch.setattr(local, "_judge_families", recorded)
    outputs = {}
    for name, long_article in (("alone", 10**9), ("grouped", 1000)):
        monkeypatch.setattr(local, "SHARED_LONG_ARTICLE", long_article)
        tasks.clear()
        run_scan([str(shared_corpus)], tmp_path / name, engine=LocalEngine(1))
        outputs[name] = [(tmp_path / name / f).read_bytes() for f in ("pairs.jsonl", "clusters.jsonl", "outlets.csv")]
        if name == "alone":
            assert len(tasks) > 1 and all(len(t) == 1 for t in tasks)
        else:
            assert any(len(t) > 1 for t in tasks)  # the original is long here: its families go together
        assert sorted(f for t in tasks for f in t) == list(range(sum(len(t) for t in tasks)))
    assert outputs["grouped"] == outputs["alone"]


def test_the_gate_features_kept_between_chunks_do_not_keep_the_articles_alive() -> None:
    import gc
    import weakref

    from storytrace.scan import judge

    text = (EXAMPLES / "original.txt").read_text(encoding="utf-8") + "\n\nA closing line of its own, test 14."
    article = Article(id="kept-14", text=text)
    ref = weakref.ref(article)
    light = judge._member_of(article).light
    del article
    gc.collect()
    assert ref() is None  # the cache holds the features (a few kB), not the article and its text
    # The features depend on the text alone: the same text under another id meets them again.
    again = judge._member_of(Article(id="kept-14-copy", text=text))
    assert again._light is light and again._doc is None
