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
    # every part of the suspect compared is listed, past top too (rev23r), but not the reprints of a listed part
    # (rev23r2): here 25 versions of one story, listed as the one ``top`` asks for
    assert [c.qualifies and c.version_of is None for c in result.candidates] == [True]


def test_a_candidate_too_long_to_compare_is_listed_uncompared_and_the_others_decide(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storytrace import align

    story = (
        "The harbour ferry strike ended on Tuesday after dockers accepted a 4% pay rise. "
        "Union leader Mara Venn said the deal protected overtime. The council will vote on the fares next week."
    )
    long_story = story + " " + " ".join(f"Crate {i} reached the depot on time." for i in range(40))
    monkeypatch.setattr(align, "MAX_SENTENCE_PAIRS", 3 * 20)  # the suspect's 3 sentences against 20 at most
    with Index(tmp_path / "i.db", lexical_only=True) as index:
        index.add([Article(id="long", text=long_story), Article(id="short", text=story)])
        suspect = Article(id="s", text=story.replace("accepted", "agreed to"))
        result = trace_module.trace(index, suspect, top=2, settings=Settings(use_embeddings=False))
    by_id = {c.id: c for c in result.candidates}
    assert set(by_id) == {"long", "short"}
    assert by_id["long"].report is None and not by_id["long"].qualifies and by_id["long"].too_long
    assert result.source == "short"
    as_json = {c["id"]: c for c in result.to_dict()["candidates"]}
    assert (as_json["long"]["compared"], as_json["long"]["too_long"]) == (False, True)
    assert as_json["short"]["too_long"] is False
    from storytrace.cli import _render_trace

    assert "too long" in _render_trace(result, to_file=True)
