"""ux19: what a trace's reader must know to trust it, said in the text, HTML and JSON reports.

- A suspect too short to say anything about (one word, a speaker label) was "derived" with reuse 1.0 from
  whichever article holding the word came into the short list (another --top, another answer).
- Under a date bound, an undated source was named without saying it is undated (the bound cannot check it).
- When the bound left every indexed article out, the text report printed an empty table.
- Two indexed originals with one text were listed as other versions, one named the source, unsaid.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from storytrace.article import Article
from storytrace.cli import _render_trace, main
from storytrace.index import Index
from storytrace.report.html import trace_to_html
from storytrace.settings import DEFAULT_SETTINGS
from storytrace.trace import TraceResult

ROOT = Path(__file__).resolve().parents[1]
ORIGINAL = (ROOT / "examples" / "original.txt").read_text(encoding="utf-8")
REWRITE = (ROOT / "examples" / "rewrite.txt").read_text(encoding="utf-8")
LEXICAL = DEFAULT_SETTINGS.with_(use_embeddings=False)
OTHER = (
    "The city council of Brackwater voted on Monday to close two libraries to save $2 million a year. "
    "Librarians said the decision would hurt children most. The closures take effect in June."
)


def _index(path: Path, articles: list[Article]) -> Index:
    index = Index(path, lexical_only=True)
    index.add(articles)
    return index


@pytest.fixture
def undated_twins(tmp_path: Path) -> Iterator[Index]:
    """The original indexed twice under two ids, undated, beside a dated article on another subject."""
    index = _index(
        tmp_path / "twins.db",
        [
            Article(text=ORIGINAL, id="wire-a", title="Seawall"),
            Article(text=ORIGINAL, id="wire-b", title="Seawall"),
            Article(text=OTHER, id="council", published="2024-01-02"),
        ],
    )
    yield index
    index.close()


def _trace(index: Index, text: str, **kw: object) -> TraceResult:
    return index.trace(Article(text=text, id="suspect"), settings=LEXICAL, **kw)  # type: ignore[arg-type]


def test_a_one_word_suspect_is_too_short_to_trace_whatever_top(undated_twins: Index) -> None:
    for top in (1, 3, 5):
        result = _trace(undated_twins, "Okafor", top=top)
        assert result.too_short and result.source is None and result.candidates == ()
        d = result.to_dict()
        assert d["too_short"] is True and d["source"] is None and d["candidates"] == []
    text = _render_trace(result, to_file=True)
    assert "no source found: the suspect is too short to trace: 1 content word (at least 2 needed)" in " ".join(
        text.split()
    )
    assert "┏" not in text  # no table of candidates that were never compared
    assert "too short to trace" in trace_to_html(result)
    # a short sentence with something to say is still traced
    sentence = "Sen. Harriet Okafor said the seawall vote for Port Calloway was long overdue."
    assert not _trace(undated_twins, sentence, top=3).too_short
    assert not _trace(
        undated_twins, "Harriet Okafor, Port Calloway", top=3
    ).too_short  # 4 content words, as the shortest summaries


def test_an_undated_source_under_a_date_bound_is_said_to_be_undated(undated_twins: Index) -> None:
    result = _trace(undated_twins, REWRITE, top=3, before=date(2020, 1, 1))
    assert result.source in ("wire-a", "wire-b")
    text = " ".join(_render_trace(result, to_file=True).split())
    assert "only sources published on or before 2020-01-01" in text
    assert "undated: it has no publication date, so the bound of 2020-01-01 could not leave it out" in text
    cands = {c["id"]: c for c in result.to_dict()["candidates"]}
    assert cands[result.source]["undated"] is True
    assert "it has no publication date, so the bound of 2020-01-01 could not leave it out" in trace_to_html(result)
    # without a bound there is nothing to warn about
    assert "undated:" not in _render_trace(_trace(undated_twins, REWRITE, top=3), to_file=True)


def test_identical_originals_are_said_to_be_identical(undated_twins: Index) -> None:
    result = _trace(undated_twins, REWRITE, top=3)
    other = "wire-b" if result.source == "wire-a" else "wire-a"
    by_id = {c.id: c for c in result.candidates}
    assert by_id[result.source].identical_to == (other,) and by_id[other].identical_to == (result.source,)
    assert all(c.identical_to == () for c in result.candidates if c.id == "council")
    d = {c["id"]: c for c in result.to_dict()["candidates"]}
    assert d[result.source]["identical_to"] == [other]
    text = " ".join(_render_trace(result, to_file=True).split())
    assert f"identical text: {other} has exactly this text" in text
    assert f"identical text: {other} has exactly this text" in trace_to_html(result)


def test_every_article_left_out_by_date_is_said_in_a_line_not_an_empty_table(tmp_path: Path) -> None:
    index = _index(tmp_path / "dated.db", [Article(text=ORIGINAL, id="wire", published="2024-03-14")])
    try:
        result = _trace(index, REWRITE, top=3, before=date(2024, 3, 1))
    finally:
        index.close()
    assert result.candidates == () and result.held_back == 1
    text = _render_trace(result, to_file=True)
    assert "No candidates: every indexed article was published after 2024-03-01" in text
    assert "┏" not in text
    assert "No candidates: every indexed article was published after 2024-03-01" in trace_to_html(result)
    assert result.to_dict()["held_back"] == 1


def test_the_command_line_says_it_for_a_json_suspect(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "mixed.db"
    _index(
        db,
        [Article(text=ORIGINAL, id="wire", published="2024-03-14"), Article(text=OTHER, id="council")],
    ).close()
    suspect = tmp_path / "s.json"
    suspect.write_text(json.dumps({"text": REWRITE, "published": "2024-03-01"}), encoding="utf-8")
    assert main(["trace", str(suspect), "--db", str(db), "--no-embeddings", "--top", "3"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "only sources published on or before 2024-03-01" in out
    assert "No candidates: 1 indexed article published after 2024-03-01 was left out" in out
