"""ux20: under a date bound, an index without dates is said to be undated once, not on every row.

`storytrace trace --before` (or a dated suspect) on an index with no dates marked every candidate "(undated)":
one line above the table says it, the JSON keeps each candidate's ``undated`` field, and a row is still marked
when only some candidates are undated (then the mark tells them apart).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from storytrace.article import Article
from storytrace.cli import _render_trace
from storytrace.index import Index
from storytrace.report.html import trace_to_html
from storytrace.settings import DEFAULT_SETTINGS
from storytrace.trace import TraceResult

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
LEXICAL = DEFAULT_SETTINGS.with_(use_embeddings=False)
OTHER = (
    "The town council of Port Calloway voted on Monday to close two libraries to save $2 million a year. "
    "Librarians said the decision would hurt children most. The closures take effect in June."
)


def _text(name: str) -> str:
    return (EXAMPLES / name).read_text(encoding="utf-8")


def _index(path: Path, dated: str | None) -> Index:
    index = Index(path, lexical_only=True)
    index.add(
        [
            Article(text=_text("original.txt"), id="original", title="Seawall"),
            Article(text=_text("unrelated.txt"), id="unrelated", published=dated),
            Article(text=OTHER, id="council"),
        ]
    )
    return index


@pytest.fixture
def undated(tmp_path: Path) -> Iterator[Index]:
    index = _index(tmp_path / "undated.db", None)
    yield index
    index.close()


@pytest.fixture
def mixed(tmp_path: Path) -> Iterator[Index]:
    index = _index(tmp_path / "mixed.db", "2024-01-02")
    yield index
    index.close()


def _trace(index: Index, name: str, before: date | None = date(2024, 3, 20)) -> TraceResult:
    return index.trace(Article(text=_text(name), id="suspect"), settings=LEXICAL, top=3, before=before)


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_a_source_among_undated_candidates_is_said_once(undated: Index) -> None:
    result = _trace(undated, "rewrite.txt")
    assert result.source == "original" and len(result.candidates) >= 2
    text = _flat(_render_trace(result, to_file=True))
    assert "(undated)" not in text
    assert text.count("no other candidate listed has a date either") == 1
    assert "undated: it has no publication date, so the bound of 2024-03-20 could not leave it out" in text
    page = trace_to_html(result)
    assert "(undated)" not in page and page.count("no other candidate listed has a date either") == 1
    assert all(c["undated"] for c in result.to_dict()["candidates"])  # the JSON keeps the field


def test_no_source_among_undated_candidates_is_said_once(undated: Index) -> None:
    result = _trace(undated, "independent.txt")
    assert result.source is None and len(result.candidates) >= 2
    n = len(result.candidates)
    note = f"undated: none of the {n} candidates listed has a publication date, so the bound of 2024-03-20"
    text = _flat(_render_trace(result, to_file=True))
    assert "(undated)" not in text and text.count(note) == 1
    page = trace_to_html(result)
    assert "(undated)" not in page and page.count(note) == 1
    assert all(c["undated"] for c in result.to_dict()["candidates"])


def test_the_web_trace_page_says_it_once(undated: Index) -> None:
    pytest.importorskip("fastapi", reason="the web extra is not installed")
    from storytrace.web.pages import trace_page

    result = _trace(undated, "independent.txt")
    page = trace_page(result, text=_text("independent.txt"), title="", input_format="text")
    assert "undated" not in page.split('<table class="cands">', 1)[1]
    assert page.count("candidates listed has a publication date") == 1


def test_rows_are_still_marked_when_only_some_candidates_are_undated(mixed: Index) -> None:
    result = _trace(mixed, "independent.txt")
    assert {c.id for c in result.candidates} >= {"unrelated", "original"}
    text = _flat(_render_trace(result, to_file=True))
    assert "(undated)" in text and "candidates listed has a publication date" not in text
    assert "(undated)" in trace_to_html(result)


def test_without_a_bound_nothing_is_said(undated: Index) -> None:
    text = _flat(_render_trace(_trace(undated, "independent.txt", before=None), to_file=True))
    assert "undated" not in text
