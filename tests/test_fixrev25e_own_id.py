"""rev25e 3: suspect ids and corpus ids often both run 1..n (trace --batch lines, JSONL exports). An indexed article
under the suspect's id was always left out as "the suspect itself", so another outlet's earlier original stored as
"1" was never found as the source of batch suspect "1". Only the suspect's very text or a version of it (the same
outlet or URL; no outlet on either side and not dated earlier) is left out now."""

from __future__ import annotations

from pathlib import Path

from storytrace.article import Article
from storytrace.index import Index
from storytrace.report.summary import trace_indexed_as_note
from storytrace.settings import DEFAULT_SETTINGS

LEXICAL = DEFAULT_SETTINGS.with_(use_embeddings=False)
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ORIGINAL = (EXAMPLES / "original.txt").read_text(encoding="utf-8")
REWRITE = (EXAMPLES / "rewrite.txt").read_text(encoding="utf-8")


def _trace(tmp_path: Path, indexed: Article, suspect: Article):  # type: ignore[no-untyped-def]
    with Index(tmp_path / "i.db", lexical_only=True) as index:
        index.add([indexed])
        return index.trace(suspect, top=3, settings=LEXICAL)


def test_another_outlets_earlier_article_under_the_suspects_id_is_its_source(tmp_path: Path) -> None:
    result = _trace(
        tmp_path,
        Article(text=ORIGINAL, id="1", outlet="Coastline Wire", published="2024-03-14"),
        Article(text=REWRITE, id="1", outlet="Harbor Daily", published="2024-03-15"),
    )
    assert result.source == "1"
    assert result.own_id_indexed is None and trace_indexed_as_note(result) is None


def test_an_earlier_article_from_nowhere_named_under_the_suspects_id_is_its_source(tmp_path: Path) -> None:
    # no outlet on either side, but the indexed text is dated before the suspect: no version of it
    result = _trace(
        tmp_path,
        Article(text=ORIGINAL, id="1", published="2024-03-14"),
        Article(text=REWRITE, id="1", published="2024-03-15"),
    )
    assert result.source == "1" and result.own_id_indexed is None


def test_the_same_outlets_other_text_under_the_id_is_left_out_as_a_version(tmp_path: Path) -> None:
    result = _trace(
        tmp_path,
        Article(text=ORIGINAL, id="1", outlet="Harbor Daily", published="2024-03-14"),
        Article(text=REWRITE, id="1", outlet="Harbor Daily", published="2024-03-15"),
    )
    assert result.source is None and "1" not in [c.id for c in result.candidates]
    assert result.own_id_indexed == "other_text"
    note = trace_indexed_as_note(result)
    assert (
        note is not None
        and "left out as a version of it (the same outlet)" in note
        and "trace under another id" in note
    )


def test_the_same_url_under_the_id_is_left_out_as_a_version(tmp_path: Path) -> None:
    url = "https://harbor.example/seawall"
    result = _trace(
        tmp_path,
        Article(text=ORIGINAL, id="1", outlet="Coastline Wire", url=url, published="2024-03-14"),
        Article(text=REWRITE, id="1", outlet="Harbor Daily", url=url, published="2024-03-15"),
    )
    assert result.source is None and result.own_id_indexed == "other_text"


def test_the_very_text_under_its_own_id_is_still_left_out(tmp_path: Path) -> None:
    result = _trace(
        tmp_path,
        Article(text=ORIGINAL, id="1", outlet="Coastline Wire", published="2024-03-14"),
        Article(text=ORIGINAL, id="1", outlet="Harbor Daily", published="2024-03-15"),
    )
    assert result.source is None and result.own_id_indexed == "same_text"
