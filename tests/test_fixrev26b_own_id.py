"""rev26b 1, 5: a re-crawl of the suspect, stored under its id with other metadata than the suspect's (a feed with no
outlet and utm parameters in the URL, http vs https, "www." or a trailing "/", "The Harbor Daily" vs "Harbor Daily",
no outlet or URL and the first version a day earlier), was named the suspect's source, and the real original only
listed. The id-collision exception of rev25e is for row numbers (two exports both counting 1..n) only; for them,
URLs and outlets are compared as a crawl writes them. The note says which rule left the text out."""

from __future__ import annotations

from pathlib import Path

import pytest

from storytrace.article import Article
from storytrace.index import Index
from storytrace.report.summary import trace_indexed_as_note
from storytrace.settings import DEFAULT_SETTINGS
from storytrace.trace import TraceResult, _page_key

LEXICAL = DEFAULT_SETTINGS.with_(use_embeddings=False)
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ORIGINAL = (EXAMPLES / "original.txt").read_text(encoding="utf-8")
REWRITE = (EXAMPLES / "rewrite.txt").read_text(encoding="utf-8")
# the rewrite re-crawled a day later, with an update paragraph
UPDATED = REWRITE.rstrip() + (
    "\n\nUpdate, March 16: Halvorsen Marine Works said on Saturday it would not bid for the seawall contract until "
    "the inquiry is closed, a company spokesman told Harbor Daily.\n"
)
PAGE = "https://harbordaily.com/news/2024/03/15/seawall-bribery-cloud"


def _trace(
    tmp_path: Path, own_id: str, first: dict[str, str | None], again: dict[str, str | None], original_id: str = "cw-1"
) -> TraceResult:
    with Index(tmp_path / "i.db", lexical_only=True) as index:
        index.add(
            [
                Article(text=ORIGINAL, id=original_id, outlet="Coastline Wire", published="2024-03-14"),
                Article(text=REWRITE, id=own_id, published="2024-03-15", **first),  # type: ignore[arg-type]
            ]
        )
        return index.trace(Article(text=UPDATED, id=own_id, published="2024-03-16", **again), top=3, settings=LEXICAL)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("first", "again"),
    [
        ({"outlet": "Harbor Daily", "url": PAGE}, {"outlet": None, "url": PAGE + "?utm_source=rss&utm_medium=feed"}),
        ({"outlet": None, "url": PAGE}, {"outlet": None, "url": PAGE.replace("https:", "http:")}),
        ({"outlet": "Harbor Daily", "url": PAGE}, {"outlet": "The Harbor Daily", "url": PAGE + "?ref=home"}),
        ({"outlet": None, "url": None}, {"outlet": None, "url": None}),
    ],
)
def test_a_recrawl_under_an_id_that_is_no_row_number_is_never_the_suspects_source(
    tmp_path: Path, first: dict[str, str | None], again: dict[str, str | None]
) -> None:
    result = _trace(tmp_path, "hd-881", first, again)
    assert result.source == "cw-1"
    assert "hd-881" not in [c.id for c in result.candidates]
    assert result.own_id_indexed == "other_text" and result.own_id_rule == "id"
    note = trace_indexed_as_note(result)
    assert note is not None and "(the same id, which is no row number" in note


@pytest.mark.parametrize(
    ("first", "again", "rule"),
    [
        ({"outlet": "Harbor Daily", "url": PAGE}, {"outlet": None, "url": PAGE + "?utm_source=rss#update"}, "url"),
        ({"outlet": None, "url": PAGE}, {"outlet": None, "url": PAGE.replace("https://", "http://www.") + "/"}, "url"),
        ({"outlet": "Harbor Daily", "url": None}, {"outlet": "The Harbor Daily", "url": None}, "outlet"),
    ],
)
def test_a_recrawl_under_a_row_number_is_matched_by_its_url_or_outlet_as_crawls_write_them(
    tmp_path: Path, first: dict[str, str | None], again: dict[str, str | None], rule: str
) -> None:
    result = _trace(tmp_path, "881", first, again, original_id="314")
    assert result.source == "314"
    assert "881" not in [c.id for c in result.candidates]
    assert result.own_id_indexed == "other_text" and result.own_id_rule == rule
    note = trace_indexed_as_note(result)
    words = {"url": "(the same URL)", "outlet": "(the same outlet)"}[rule]
    assert note is not None and words in note


def test_another_page_of_the_same_site_under_a_row_number_stays_a_candidate(tmp_path: Path) -> None:
    # a query key that names a page is kept: "?p=1" and "?p=2" are two stories of one WordPress site
    with Index(tmp_path / "i.db", lexical_only=True) as index:
        index.add([Article(text=ORIGINAL, id="1", url="https://blog.example/?p=1", published="2024-03-14")])
        suspect = Article(text=REWRITE, id="1", url="https://blog.example/?p=2", published="2024-03-15")
        result = index.trace(suspect, top=3, settings=LEXICAL)
    assert result.source == "1" and result.own_id_indexed is None and result.own_id_rule is None


def test_the_note_names_the_rule_that_matched_not_an_outlet_or_url_neither_side_gives(tmp_path: Path) -> None:
    # rev26b 5: a later-dated text with no outlet or URL under row number 7 is left out, not as "an earlier
    # version ... (the same outlet or URL)"
    with Index(tmp_path / "i.db", lexical_only=True) as index:
        index.add([Article(text=REWRITE, id="7", published="2024-03-16")])
        result = index.trace(Article(text=UPDATED, id="7", published="2024-03-15"), top=3, settings=LEXICAL)
    assert result.own_id_indexed == "other_text" and result.own_id_rule == "not_earlier"
    note = trace_indexed_as_note(result)
    assert note is not None and "same outlet or URL" not in note and "earlier version" not in note
    assert "no outlet named on either side, and it is not dated before the suspect" in note


def test_page_key_drops_only_what_a_crawl_varies() -> None:
    assert _page_key("http://www.Site.com/News/a/?utm_source=x&fbclid=y&ref=home#top") == "site.com/news/a"
    assert _page_key("https://site.com/news/a") == "site.com/news/a"
    assert _page_key("https://site.com/?p=1") != _page_key("https://site.com/?p=2")
    assert _page_key("http://[x") == "" and _page_key("not a url") == ""
