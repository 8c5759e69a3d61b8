"""rev27b 2: an id that is no row number made the article under it "a version of the suspect" before its outlet or URL
was read. A copy keeps its headline, so a crawl keyed by slug (or a syndication GUID carried over) files the wire's
original and another outlet's rewrite under one id, and trace left the original out and named no source. Outlets
that differ, or URLs on different hosts, say it is another outlet's article whatever the id; a file's "FILE:LINE"
(index add's and trace --batch's default id) is counted up like a row number."""

from __future__ import annotations

from pathlib import Path

import pytest

from storytrace.article import Article
from storytrace.index import Index
from storytrace.settings import DEFAULT_SETTINGS
from storytrace.trace import TraceResult
from test_fixrev26b_own_id import ORIGINAL, PAGE, REWRITE, UPDATED

LEXICAL = DEFAULT_SETTINGS.with_(use_embeddings=False)
SLUG = "seawall-contract-under-bribery-cloud"
WIRE = f"https://coastlinewire.com/news/{SLUG}"


def _trace(tmp_path: Path, indexed: Article, suspect: Article) -> TraceResult:
    with Index(tmp_path / "i.db", lexical_only=True) as index:
        index.add([indexed])
        return index.trace(suspect, top=3, settings=LEXICAL)


def assert_recrawl_is_a_version(tmp_path: Path, first: dict[str, str | None], again: dict[str, str | None]) -> None:
    """The slug's earlier text indexed with ``first``'s outlet/URL, its update traced with ``again``'s: no source,
    the indexed article read as a version of the suspect by its id."""
    result = _trace(
        tmp_path,
        Article(text=REWRITE, id=SLUG, published="2024-03-15", **first),  # type: ignore[arg-type]
        Article(text=UPDATED, id=SLUG, published="2024-03-16", **again),  # type: ignore[arg-type]
    )
    assert result.source is None
    assert result.own_id_indexed == "other_text" and result.own_id_rule == "id"


@pytest.mark.parametrize(
    ("wire", "outlet"),
    [
        (
            {"outlet": "Coastline Wire", "url": WIRE},
            {"outlet": "Harbor Daily", "url": f"https://harbordaily.com/{SLUG}"},
        ),
        ({"outlet": "Coastline Wire", "url": None}, {"outlet": "Harbor Daily", "url": None}),
        ({"outlet": None, "url": WIRE}, {"outlet": None, "url": f"https://www.harbordaily.com/{SLUG}"}),
    ],
)
def test_another_outlets_original_under_the_suspects_slug_stays_its_source(
    tmp_path: Path, wire: dict[str, str | None], outlet: dict[str, str | None]
) -> None:
    result = _trace(
        tmp_path,
        Article(text=ORIGINAL, id=SLUG, published="2024-03-14", **wire),  # type: ignore[arg-type]
        Article(text=REWRITE, id=SLUG, published="2024-03-15", **outlet),  # type: ignore[arg-type]
    )
    assert result.source == SLUG
    assert result.own_id_indexed is None and result.own_id_rule is None


@pytest.mark.parametrize(
    ("first", "again"),
    [
        # a mobile or AMP copy of the page is one site's, and one outlet's spelling of its name another's
        ({"outlet": "Harbor Daily", "url": PAGE}, {"outlet": None, "url": PAGE.replace("https://", "https://m.")}),
        ({"outlet": "The Harbor Daily", "url": None}, {"outlet": "harbor daily", "url": PAGE}),
        # one page at one address, whatever each feed calls its outlet
        ({"outlet": "Harbor Daily", "url": PAGE}, {"outlet": "Harbor Daily Online", "url": PAGE + "?utm_source=x"}),
    ],
)
def test_a_recrawl_under_the_slug_is_still_a_version(
    tmp_path: Path, first: dict[str, str | None], again: dict[str, str | None]
) -> None:
    assert_recrawl_is_a_version(tmp_path, first, again)


def test_a_file_and_line_id_is_counted_up_like_a_row_number(tmp_path: Path) -> None:
    # two feeds' line 3 under one file name: an earlier story from nowhere named may be the source ...
    result = _trace(
        tmp_path,
        Article(text=ORIGINAL, id="feed.jsonl:3", published="2024-03-14"),
        Article(text=REWRITE, id="feed.jsonl:3", published="2024-03-15"),
    )
    assert result.source == "feed.jsonl:3" and result.own_id_rule is None
    # ... and a re-crawl of the same page under it is still left out, by its URL
    (tmp_path / "again").mkdir()
    result = _trace(
        tmp_path / "again",
        Article(text=REWRITE, id="feed.jsonl:3", url=PAGE, published="2024-03-15"),
        Article(text=UPDATED, id="feed.jsonl:3", url=PAGE + "?utm_source=rss", published="2024-03-16"),
    )
    assert result.source is None and result.own_id_rule == "url"
