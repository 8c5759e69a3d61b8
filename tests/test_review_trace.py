"""``trace(..., shortlist=N)`` compares N candidates, however small ``top`` is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from storytrace import Settings
from storytrace import trace as trace_module
from storytrace.article import Article
from storytrace.index.store import Index


def test_the_shortlist_is_not_cut_to_the_retrieval_pool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The retrieval pool was max(20, 4 * top) whatever the shortlist: trace(top=1, shortlist=25) compared 20.
    words = "harbour ferry strike union wages council mayor ballot dockers overtime".split()
    articles = [
        Article(id=f"a{k:02d}", text=f"The {words[k % 10]} story number {k}: " + " ".join(words) + ".")
        for k in range(30)
    ]
    compared: list[str] = []
    real = trace_module._compare_stored

    def counting(index: Index, item: Any, *args: Any) -> Any:
        compared.append(item.article.id)
        return real(index, item, *args)

    monkeypatch.setattr(trace_module, "_compare_stored", counting)
    with Index(tmp_path / "i.db", lexical_only=True) as index:
        index.add(articles)
        suspect = Article(id="s", text="A new story: " + " ".join(words) + ".")
        result = trace_module.trace(index, suspect, top=1, shortlist=25, settings=Settings(use_embeddings=False))
    assert len(compared) == 25
    assert len(result.candidates) == 1
