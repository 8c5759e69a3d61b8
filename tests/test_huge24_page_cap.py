"""A huge page is read up to ``MAX_PAGE_ELEMENTS`` elements and said so; a page within the cap is read as before.

The cap is lowered here (a module constant the reader looks up on every page) so the pages stay small and the tests
fast; one test builds a page just past the real cap to check the real figure is the one applied."""

from __future__ import annotations

from pathlib import Path

import pytest

from storytrace import article as article_module
from storytrace.article import MAX_PAGE_ELEMENTS, article_from_html, article_from_record, load_article
from storytrace.cli import main
from storytrace.errors import InputError

STORY = [
    "The city council voted on Tuesday to close the Elm Street library branch at the end of March, citing a "
    "shortfall of $2.4 million in next year's budget.",
    "Council member Dana Ortiz, who cast one of the three votes against the plan, said the decision would leave "
    "the east side without a library within walking distance for thousands of families.",
    "Library director Samuel Reyes said the branch's 41,000 books would be moved to the main library downtown and "
    "that its six staff members would be offered positions elsewhere in the system.",
]
HEAD = (
    "<!DOCTYPE html><html><head><title>Council votes to close Elm Street library branch</title>"
    '<meta property="og:site_name" content="Riverside Ledger">'
    '<meta property="article:published_time" content="2024-01-23T18:30:00Z"></head><body>'
    "<main><h1>Council votes to close Elm Street library branch</h1>"
)
STORY_HTML = "".join(f"<p>{p}</p>" for p in STORY)


def _live_blog(updates: int) -> str:
    """The story, then ``updates`` short live-blog lines, each one <p>, each naming its number."""
    lines = "".join(
        f"<p>Update {i}: crews remain at the scene of the fire on Dock Road tonight.</p>" for i in range(updates)
    )
    return HEAD + STORY_HTML + lines + "</main></body></html>"


@pytest.fixture
def small_cap(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(article_module, "MAX_PAGE_ELEMENTS", 300)
    return 300


def test_page_within_the_cap_is_read_whole_and_quietly(small_cap: int) -> None:
    notices: list[str] = []
    page = _live_blog(100)  # ~110 elements
    article = article_from_html(page, warn=notices.append)
    assert notices == []
    assert "Update 99:" in article.text
    assert article.text.startswith(STORY[0])


def test_page_past_the_cap_is_read_up_to_it_and_said_so(small_cap: int) -> None:
    notices: list[str] = []
    article = article_from_html(_live_blog(1000), where="blog.html", warn=notices.append)
    assert len(notices) == 1
    notice = notices[0]
    assert notice.startswith("blog.html: page truncated: it holds 1,")
    assert "over the 300 read" in notice and "\n" not in notice
    # the story and the head's title, date and outlet are all before the cut
    assert article.text.startswith("\n\n".join(STORY))
    assert article.title == "Council votes to close Elm Street library branch"
    assert article.published is not None and article.published.startswith("2024-01-23")
    assert article.outlet == "Riverside Ledger"
    assert "Update 200:" in article.text
    assert "Update 999:" not in article.text  # past the cut: left out
    updates = [p for p in article.text.split("\n\n") if p.startswith("Update ")]
    assert len(STORY) + len(updates) < small_cap


def test_the_same_page_under_a_higher_cap_reads_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    page = _live_blog(1000)
    notices: list[str] = []
    whole = article_from_html(page, warn=notices.append)
    assert notices == [] and "Update 999:" in whole.text
    monkeypatch.setattr(article_module, "MAX_PAGE_ELEMENTS", 300)
    cut = article_from_html(page, warn=notices.append)
    assert len(notices) == 1
    # the cut page's reading is the whole page's reading up to where it was cut: nothing reworded or reordered
    assert whole.text.startswith(cut.text)


def test_story_past_the_cap_is_a_clear_error_after_the_notice(
    small_cap: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a mega-menu of 1,000 links before the story: the story is past the cap, and nothing the reader keeps is before
    menu = "<nav>" + "".join(f'<a href="/t/{i}">topic {i}</a>' for i in range(1000)) + "</nav>"
    page = tmp_path / "menu.html"
    page.write_text(HEAD + menu + STORY_HTML + "</main></body></html>", encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text("\n\n".join(STORY), encoding="utf-8")
    assert main(["compare", str(page), str(story)]) != 0
    err = capsys.readouterr().err
    assert "page truncated" in err
    assert "no article text found" in err
    assert "Traceback" not in err


def test_compare_says_so_on_stderr_and_compares(
    small_cap: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "blog.html"
    page.write_text(_live_blog(1000), encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text("\n\n".join(STORY), encoding="utf-8")
    assert main(["compare", str(page), str(story)]) == 0
    err = capsys.readouterr().err
    assert err.count("page truncated") == 1
    assert f"storytrace: warning: {page}: page truncated" in err


def test_load_article_hands_the_notice_to_its_warn(small_cap: int, tmp_path: Path) -> None:
    page = tmp_path / "blog.html"
    page.write_text(_live_blog(1000), encoding="utf-8")
    notices: list[str] = []
    load_article(str(page), warn=notices.append)
    assert len(notices) == 1 and "page truncated" in notices[0]


def test_index_add_and_records_say_so_on_stderr(
    small_cap: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "blog.html"
    page.write_text(_live_blog(1000), encoding="utf-8")
    db = tmp_path / "i.db"
    assert main(["index", "add", "--lexical-only", "--workers", "1", "--db", str(db), str(page)]) == 0
    assert "page truncated" in capsys.readouterr().err
    # a record's html field goes through the same reader
    article = article_from_record({"id": "b", "html": _live_blog(1000)})
    assert "Update 999:" not in article.text
    assert "page truncated" in capsys.readouterr().err


def test_corpus_record_too_big_for_the_cap_keeps_its_given_fields(small_cap: int) -> None:
    record = {"id": "b", "html": _live_blog(1000), "title": "Given title", "published": "2024-02-01"}
    article = article_from_record(record)
    assert article.title == "Given title" and article.published == "2024-02-01"


def test_the_real_cap_applies_just_past_it() -> None:
    # empty inline elements after the story: the cheapest page just past the real cap
    filler = "<i></i>" * (MAX_PAGE_ELEMENTS + 10)
    notices: list[str] = []
    article = article_from_html(
        HEAD + STORY_HTML + filler + "<p>After the cut.</p></main></body></html>", warn=notices.append
    )
    assert len(notices) == 1 and f"over the {MAX_PAGE_ELEMENTS:,} read" in notices[0]
    assert article.text.startswith(STORY[0]) and "After the cut." not in article.text


def _nested(depth: int) -> str:
    """The story's first paragraph ``depth`` <div>s deep, the rest of it after them."""
    deep = "<div>" * depth + STORY_HTML.split("</p>")[0] + "</p>" + "</div>" * depth
    return HEAD + deep + "".join(f"<p>{p}</p>" for p in STORY[1:]) + "</main></body></html>"


def test_nesting_the_parser_reads_is_read_whole_and_quietly() -> None:
    notices: list[str] = []
    # <html>, <body>, <main> and 252 <div>s: the paragraph is the deepest element the parser reads
    article = article_from_html(_nested(252), warn=notices.append)
    assert notices == []
    assert article.text == "\n\n".join(STORY)


def test_nesting_past_the_parser_is_said_and_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notices: list[str] = []
    with pytest.raises(InputError, match="no article text found"):
        article_from_html(_nested(5000), where="deep.html", warn=notices.append)
    assert notices == [
        "deep.html: page truncated: its elements nest over 255 deep, past what the HTML parser reads; the rest "
        "(what follows in the page) was left out"
    ]
    page = tmp_path / "deep.html"
    page.write_text(_nested(253), encoding="utf-8")  # one deeper than above: the parser stops there
    story = tmp_path / "story.txt"
    story.write_text("\n\n".join(STORY), encoding="utf-8")
    assert main(["compare", str(page), str(story)]) != 0
    err = capsys.readouterr().err
    assert "nest over 255 deep" in err and "no article text found" in err and "Traceback" not in err


def test_not_html_is_still_refused_first() -> None:
    with pytest.raises(InputError, match="not an HTML page"):
        article_from_html("plain words " * 10)
