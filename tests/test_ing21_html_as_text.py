"""A saved HTML page given as a .txt file is read as the page, and said so once; markup alone is warned about
(session 21). Compared as text, its tags and scripts were words: every report on it was noise, silently."""

from __future__ import annotations

from pathlib import Path

import pytest

from storytrace.article import html_in_text, load_article
from storytrace.cli import main
from storytrace.corpus import read_corpus

STORY = (
    "The Harbour Council approved a new flood levy on Tuesday after a three-hour debate that ran late into the night. "
    "Opponents said the levy fell hardest on pensioners, and the mayor promised a review of the scheme in June."
)
PAGE = (
    "<!-- saved from url=(0040)https://gazette.example/news/levy -->\n<!DOCTYPE html><html><head>"
    "<title>Harbour council approves flood levy</title><script>var ads = [];</script></head><body><article>"
    f"<h1>Harbour council approves flood levy</h1><p>{STORY}</p><p>{STORY}</p></article></body></html>"
)


def test_a_whole_page_is_told_from_markup_and_from_a_story_about_markup() -> None:
    assert html_in_text(PAGE) == "page"
    assert html_in_text("\ufeff  " + PAGE) == "page"
    assert html_in_text(f"<div><p>{STORY}</p><p>{STORY}</p><p>{STORY}</p></div>") == "markup"
    assert html_in_text(f"{STORY} Web pages open with <html> and set paragraphs in <p> tags.") is None
    assert html_in_text("<!-- an unclosed comment " + STORY) is None


def test_a_page_saved_as_txt_is_read_as_the_page_with_one_warning(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    said: list[str] = []
    article = load_article(str(path), warn=said.append)
    assert article.title == "Harbour council approves flood levy" and article.text.startswith("The Harbour Council")
    assert "<" not in article.text
    assert len(said) == 1 and "holds an HTML page; read as one" in said[0]
    # the user's word wins, unwarned
    said.clear()
    assert load_article(str(path), fmt="text", warn=said.append).text == PAGE and said == []


def test_markup_in_a_txt_is_read_as_text_and_warned_about(tmp_path: Path) -> None:
    path = tmp_path / "fragment.txt"
    text = f"<p>{STORY}</p>\n<p>{STORY}</p>\n<p>{STORY}</p>\n"
    path.write_text(text, encoding="utf-8")
    said: list[str] = []
    assert load_article(str(path), warn=said.append).text == text
    assert len(said) == 1 and "--input-format html" in said[0]


def test_compare_warns_once_per_input_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "original.txt"
    page.write_text(PAGE, encoding="utf-8")
    copy = tmp_path / "copy.txt"
    copy.write_text(f"{STORY}\n\n{STORY}\n", encoding="utf-8")
    assert main(["compare", "--no-embeddings", "--format", "json", str(page), str(copy)]) == 0
    err = capsys.readouterr().err
    assert err.count("holds an HTML page") == 1 and err.count("warning") == 1
    assert "Traceback" not in err


def test_a_page_saved_as_txt_reads_alike_alone_and_in_a_corpus(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    alone = load_article(str(path))
    (record,) = list(read_corpus([str(path)]))
    assert record.article is not None
    assert (record.article.text, record.article.title) == (alone.text, alone.title)
    assert alone.title == "Harbour council approves flood levy"
    # told it is text, both read the markup as text
    (record,) = list(read_corpus([str(path)], fmt="text"))
    assert record.article is not None and record.article.text == PAGE == load_article(str(path), fmt="text").text
