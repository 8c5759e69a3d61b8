"""A whole HTML page given as plain text (a page saved as .txt, a crawl's JSONL 'text' holding the page) is read as
the page; a text the user said is text, and a story that mentions markup, are not."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from storytrace.article import article_from_record, html_document, load_article
from storytrace.corpus import read_corpus
from storytrace.errors import InputError

PAGE = """<!DOCTYPE html>
<html><head><title>Council approves harbour flood barrier</title></head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Council approves harbour flood barrier</h1>
<p>The city council voted 7-2 on Tuesday to build a flood barrier across the mouth of the harbour, ending a decade of
debate over how to protect the old town from storm surges.</p>
<p>The barrier will cost an estimated £48 million and is due to be finished by 2029, the council's chief said.</p>
</article>
</body></html>
"""
FIRST = "The city council voted 7-2 on Tuesday to build a flood barrier"


def test_a_page_saved_as_txt_is_read_as_the_page(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    article = load_article(str(path))
    assert article.title == "Council approves harbour flood barrier"
    assert article.text.startswith(FIRST) and "<" not in article.text
    assert load_article(str(path), fmt="text").text == PAGE  # the user's word wins


def test_a_jsonl_text_holding_a_page_is_read_as_the_page(tmp_path: Path) -> None:
    article = article_from_record({"id": "a1", "text": PAGE, "outlet": "Gazette"})
    assert (article.id, article.outlet) == ("a1", "Gazette")
    assert article.text.startswith(FIRST) and "<p>" not in article.text
    path = tmp_path / "corpus.jsonl"
    path.write_text(json.dumps({"id": "a1", "text": PAGE}) + "\n" + json.dumps({"id": "a2", "text": "Plain."}) + "\n")
    texts = [r.article.text for r in read_corpus([str(path)]) if r.article is not None]
    assert texts[0].startswith(FIRST) and texts[1] == "Plain."


def test_corpus_txt_file_holding_a_page(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    (record,) = read_corpus([str(path)])
    assert record.article is not None and record.article.text.startswith(FIRST)
    (record,) = read_corpus([str(path)], fmt="text")
    assert record.article is not None and record.article.text == PAGE


@pytest.mark.parametrize(
    "text",
    [
        "The <html> tag opens every page, the course teaches. Students then learn <body> and <p>.",
        "<b>Breaking:</b> the council voted 7-2 on Tuesday.",
        "# Heading\n\n<p>kept as text</p>\n",
        "<html> is a tag; this note is about it and has no body.",
    ],
)
def test_text_that_mentions_markup_is_text(text: str) -> None:
    assert not html_document(text)
    assert article_from_record({"text": text}).text == text


def test_markup_paragraphs_are_html() -> None:
    assert html_document("<p>One.</p>\n<p>Two.</p>\n<p>Three.</p>")


def test_a_page_with_no_story_is_a_one_line_error(tmp_path: Path, run_cli: Any) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("<!DOCTYPE html><html><head><title>x</title></head><body><nav>Home</nav></body></html>")
    with pytest.raises(InputError, match=r"no article text found in the HTML page$"):
        load_article(str(path))
    run = run_cli(["compare", str(path), str(path)])
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert run.stderr.strip().splitlines() == [f"storytrace: error: {path}: no article text found in the HTML page"]
