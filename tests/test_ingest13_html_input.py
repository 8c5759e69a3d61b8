"""HTML as pages are really saved: paragraphs made of <br><br>, UTF-16 without a byte-order mark."""

from __future__ import annotations

from pathlib import Path

import pytest

from storytrace.article import article_from_html, load_article

LEAD = "The harbour committee met on Tuesday evening to discuss the new moorings plan for the marina."
SECOND = "The second paragraph says the quay wall will be rebuilt next spring."
THIRD = "A third says the work will cost 4 million pounds, more than planned."


def test_a_blank_line_made_of_two_br_parts_paragraphs() -> None:
    html = (
        "<html><head><title>Moorings</title></head><body><article><div class='body'>"
        f"{LEAD}<br><br>{SECOND}<br/>\n<br/>{THIRD}</div></article></body></html>"
    )
    assert article_from_html(html).text == f"{LEAD}\n\n{SECOND}\n\n{THIRD}"


def test_a_single_br_still_keeps_its_lines_in_one_paragraph() -> None:
    html = (
        "<html><head><title>Moorings</title></head><body><article>"
        f"<p>{LEAD}<br>{SECOND}</p><p>{THIRD}</p></article></body></html>"
    )
    assert article_from_html(html).text == f"{LEAD}\n{SECOND}\n\n{THIRD}"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_html_without_a_byte_order_mark_is_read(tmp_path: Path, encoding: str) -> None:
    html = (
        '<html><head><meta charset="utf-16"><title>Quai</title></head><body><article>'
        f"<p>{LEAD} Le café du port reste ouvert.</p><p>{SECOND}</p></article></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_bytes(html.encode(encoding))
    article = load_article(str(path))
    assert article.title == "Quai"
    assert article.text == f"{LEAD} Le café du port reste ouvert.\n\n{SECOND}"


def test_binary_with_zero_bytes_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(b"".join(bytes([i % 32, 0]) for i in range(2048)))  # UTF-16's pattern of zeros, no text
    with pytest.raises(Exception, match="looks like a binary file"):
        load_article(str(path))
