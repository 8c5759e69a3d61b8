"""misc25: tracing an article the index holds under its own id. That article is left out of the candidates (no
article is its own source), but nothing said so: the trace showed a weaker candidate (score ~0.45-0.57) and no
source, read as a missed original. ``TraceResult.own_id_indexed`` and the one-line note now tell it."""

from __future__ import annotations

from pathlib import Path

from storytrace.article import Article
from storytrace.cli import _render_trace
from storytrace.index import Index
from storytrace.report.html import trace_to_html
from storytrace.report.summary import trace_indexed_as_note
from storytrace.settings import DEFAULT_SETTINGS

LEXICAL = DEFAULT_SETTINGS.with_(use_embeddings=False)
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ORIGINAL = (EXAMPLES / "original.txt").read_text(encoding="utf-8")
REWRITE = (EXAMPLES / "rewrite.txt").read_text(encoding="utf-8")


def _index(path: Path) -> Index:
    index = Index(path, lexical_only=True)
    index.add([Article(text=ORIGINAL, id="wire"), Article(text=REWRITE, id="blog")])
    return index


def test_an_indexed_article_traced_under_its_own_id_is_told_so(tmp_path: Path) -> None:
    with _index(tmp_path / "i.db") as index:
        result = index.trace(Article(text=ORIGINAL, id="wire"), top=3, settings=LEXICAL)
    assert result.source is None and "wire" not in [c.id for c in result.candidates]  # never its own source
    assert result.own_id_indexed == "same_text" and result.to_dict()["own_id_indexed"] == "same_text"
    note = trace_indexed_as_note(result)
    assert note is not None and "under its own id wire (its very text)" in note
    assert "under its own id wire" in " ".join(_render_trace(result, to_file=True).split())
    assert "under its own id wire" in trace_to_html(result)


def test_another_text_under_the_suspects_id_is_told_apart(tmp_path: Path) -> None:
    with _index(tmp_path / "i.db") as index:
        result = index.trace(Article(text=REWRITE, id="wire"), top=3, settings=LEXICAL)
    assert result.own_id_indexed == "other_text"
    note = trace_indexed_as_note(result)
    assert (
        note is not None
        and "another text under the suspect's id wire: left out as a version of it (the same id" in note
    )


def test_a_suspect_whose_id_is_not_indexed_gets_no_note(tmp_path: Path) -> None:
    with _index(tmp_path / "i.db") as index:
        result = index.trace(Article(text=REWRITE, id="pasted"), top=3, settings=LEXICAL)
        unnamed = index.trace(Article(text=REWRITE), top=3, settings=LEXICAL)
    assert result.source == "blog" and result.own_id_indexed is None and trace_indexed_as_note(result) is None
    assert unnamed.own_id_indexed is None and result.to_dict()["own_id_indexed"] is None


# --- a candidate dropped by a direction guessed from the text alone ---------------------------------------------


def test_a_candidate_read_as_the_suspects_copy_without_dates_is_named_not_dropped_silently(tmp_path: Path) -> None:
    # the bundled original traced against an index holding only its rewrite: the text rightly reads the rewrite as
    # the copy (reversed, 0.745), so it is no source, but the reader is told why the close match was not named
    with Index(tmp_path / "i.db", lexical_only=True) as index:
        index.add([Article(text=REWRITE, id="farm")])
        result = index.trace(Article(text=ORIGINAL, id="suspect"), top=3, settings=LEXICAL)
    assert result.source is None and result.read_as_copies == ("farm",)
    assert result.to_dict()["read_as_copies"] == ["farm"]
    text = " ".join(_render_trace(result, to_file=True).split())
    assert "farm reads as taken from the suspect, judged from the text alone" in text
    assert "farm reads as taken from the suspect" in trace_to_html(result)


def test_dates_that_decide_the_direction_give_no_such_note(tmp_path: Path) -> None:
    with Index(tmp_path / "i.db", lexical_only=True) as index:
        index.add([Article(text=REWRITE, id="farm", published="2024-05-03")])
        result = index.trace(Article(text=ORIGINAL, id="suspect", published="2024-05-01"), top=3, settings=LEXICAL)
    # the rewrite is dated after the suspect: the date bound leaves it out, no text-only guess is made
    assert result.source is None and result.read_as_copies == ()


def test_a_source_found_gets_no_copy_note(tmp_path: Path) -> None:
    with _index(tmp_path / "i.db") as index:
        result = index.trace(Article(text=REWRITE, id="pasted-rewrite"), top=3, settings=LEXICAL)
    assert result.source is not None and result.read_as_copies == ()
