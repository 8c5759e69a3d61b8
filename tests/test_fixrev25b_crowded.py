"""rev25b 5: the element cap (MAX_PAGE_ELEMENTS) bounds trafilatura's main extractor only. A story of one sentence
over an 8,000-row table (24,000 elements, under the cap) left it too little text, and its jusText fallback, quadratic
in short blocks, took 24 user-s (about 38 at the cap). A page of 5,000 or more elements jusText makes blocks of is now
read by the main extractor alone."""

from __future__ import annotations

import resource

import lxml.html

from storytrace.article import _FALLBACK_MAX_BLOCKS, _crowded, article_from_html

_SENTENCE = (
    "The city council voted on Tuesday to close the Elm Street library branch at the end of March, citing a budget "
    "shortfall."
)


def _table_page(rows: str) -> str:
    return (
        f"<html><head><title>t</title></head><body><article>{f'<p>{_SENTENCE}</p>' * 3}<table>{rows}</table>"
        "</article></body></html>"
    )


def test_a_short_story_over_an_8000_row_table_is_read_in_bounded_time() -> None:
    """main: 24 user-s and "no article text found" (the fallback's answer); now its main extractor's, under a
    second unloaded."""
    page = _table_page("<tr><td>1</td><td>2</td></tr>" * 8_000)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_utime
    text = article_from_html(page).text
    spent = resource.getrusage(resource.RUSAGE_SELF).ru_utime - before
    assert text == _SENTENCE
    assert spent < 8, spent


def test_crowded_counts_the_elements_jusText_makes_blocks_of() -> None:
    def page(cells: int) -> lxml.html.HtmlElement:
        # <html> is none of them; <body>, <table> and <tr> are, with each <td>
        return lxml.html.document_fromstring(
            f"<html><body><table><tr>{'<td>1</td>' * cells}</tr></table></body></html>"
        )

    assert not _crowded(page(_FALLBACK_MAX_BLOCKS - 4))
    assert _crowded(page(_FALLBACK_MAX_BLOCKS - 3))
    # inline elements are no blocks: a page of many links or spans keeps its fallbacks
    spans = "<span>a</span>" * (2 * _FALLBACK_MAX_BLOCKS)
    assert not _crowded(lxml.html.document_fromstring(f"<html><body><p>{spans}</p></body></html>"))


def test_a_story_in_a_layout_table_is_still_read() -> None:
    """A page under the bound reads as before: an old site's story set in a layout table's cell, split by <br>s."""
    story = [
        "The city council voted on Tuesday to close the Elm Street library branch at the end of March, citing a "
        "budget shortfall of $2.4 million.",
        "Library director Samuel Reyes said the branch's 41,000 books would be moved to the main library downtown "
        "and its staff offered other posts.",
        "The branch, which opened in 1962, drew about 85,000 visits last year, according to figures the library "
        "released in January.",
    ]
    page = (
        "<html><head><title>Council votes to close library | Ledger</title></head><body><table><tr><td>Home</td>"
        f"<td><h1>Council votes to close library</h1>{'<br><br>'.join(story)}</td></tr></table></body></html>"
    )
    assert article_from_html(page).text.split("\n\n") == story
