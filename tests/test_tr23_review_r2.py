"""Review rev23r2 of the tr23 trace work: a hand-built Article's date in any format the README says is read
leniently, weights of any real-number type, the sources listed past ``top``, and two briefs quoting one
statement."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storytrace.article import Article
from storytrace.cli import _render_trace
from storytrace.index import Index
from storytrace.settings import DEFAULT_SETTINGS

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
LEXICAL = DEFAULT_SETTINGS.with_(use_embeddings=False)
UNRELATED = (EXAMPLES / "unrelated.txt").read_text(encoding="utf-8")
ORIGINAL = (EXAMPLES / "original.txt").read_text(encoding="utf-8")
REWRITE = (EXAMPLES / "rewrite.txt").read_text(encoding="utf-8")


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def make_index(tmp_path: Path) -> Iterator[Any]:
    opened: list[Index] = []

    def make(*articles: Article) -> Index:
        index = Index(tmp_path / f"n{len(opened)}.db", lexical_only=True)
        opened.append(index)
        index.add([*articles, Article(text=UNRELATED, id="unrelated", published="2025-07-01")])
        return index

    yield make
    for index in opened:
        index.close()


@pytest.mark.parametrize("published", ["2025-08-01", "Fri, 01 Aug 2025 09:00:00 GMT", "August 1, 2025"])
def test_a_hand_built_date_in_any_format_still_finds_no_earlier_source(make_index: Any, published: str) -> None:
    """The later copy is "later" by the parsed dates, not by the first ten characters of the string."""
    index = make_index(Article(text=REWRITE, id="rewrite", published="2025-08-09"))
    result = index.trace(Article(text=ORIGINAL, id="wire", published=published), settings=LEXICAL, top=3)
    assert [(m.id, m.direction) for m in result.held_back_matches] == [("rewrite", "reversed")]
    text = _flat(_render_trace(result, to_file=True))
    assert "no earlier source found in the index" in text
    assert "1 later article in the index matches this one: rewrite (2025-08-09)" in text
