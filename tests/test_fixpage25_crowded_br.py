"""rev25g 6: jusText also starts a block at the second <br> of a pair, which :func:`_crowded` did not count: one
sentence over 8,000 "<br><br>" lines in a sidebar (16,000 elements, none a block tag) ran the jusText fallback,
quadratic in short blocks, for 5.9 user-s (14,000 lines: 18.6). Half the page's <br>s now count as blocks."""

from __future__ import annotations

import resource

import lxml.html

from storytrace.article import _FALLBACK_MAX_BLOCKS, _crowded, article_from_html

_SENTENCE = "The harbour board approved a plan on Tuesday to rebuild the north pier."


def _lines_page(lines: int, line_end: str) -> str:
    body = "".join(f"Precinct {i}: {i * 7 % 900}{line_end}" for i in range(lines))
    sidebar = f"<div class='sidebar'>{body}</div>"
    return f"<html><head><title>Results</title></head><body><p>{_SENTENCE}</p>{sidebar}</body></html>"


def test_crowded_counts_pairs_of_br_as_blocks() -> None:
    # <body>, <p> and <div> are block tags: 3, and a block a pair of <br>s
    lines = _FALLBACK_MAX_BLOCKS - 3
    assert _crowded(lxml.html.document_fromstring(_lines_page(lines, "<br><br>")))
    assert not _crowded(lxml.html.document_fromstring(_lines_page(lines - 1, "<br><br>")))


def test_single_br_lines_count_half() -> None:
    """Counterpart: a <br> alone starts no block, so a page of single-<br> lines under twice the bound keeps its
    fallbacks."""
    lines = 2 * (_FALLBACK_MAX_BLOCKS - 3) - 2
    assert not _crowded(lxml.html.document_fromstring(_lines_page(lines, "<br>")))


def test_a_sentence_over_8000_br_pair_lines_is_read_in_bounded_time() -> None:
    """main: 5.9 user-s in the fallback (unloaded); now the main extractor's answer alone, well under it."""
    page = _lines_page(8_000, "<br><br>")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_utime
    text = article_from_html(page, warn=lambda message: None).text
    spent = resource.getrusage(resource.RUSAGE_SELF).ru_utime - before
    assert text.startswith(_SENTENCE)
    assert spent < 3, spent
