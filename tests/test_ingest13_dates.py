"""Publication dates written the ways outlets and exports write them; a date that reads two ways is not guessed."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from storytrace.article import article_from_html, article_from_record, unread_published
from storytrace.corpus import read_corpus

TEXT = "The harbour committee met on Tuesday evening to discuss the new moorings plan for the marina. " * 3


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("14/05/2024", "2024-05-14"),  # day over 12: day first
        ("05/14/2024", "2024-05-14"),  # the second over 12: month first
        ("14-05-2024", "2024-05-14"),
        ("05/05/2024", "2024-05-05"),  # the same either way
        ("2024-5-4", "2024-05-04"),
        ("Published 14/05/2024", "2024-05-14"),
        ("Published on: May 4, 2024", "2024-05-04"),
        ("By Jane Doe | May 4, 2024", "2024-05-04"),
        ("By Jane Doe · 14/05/2024", "2024-05-14"),
        (1715644800, "2024-05-14T00:00:00+00:00"),  # epoch seconds
        (1715644800000, "2024-05-14T00:00:00+00:00"),  # epoch milliseconds
        ("1715644800", "2024-05-14T00:00:00+00:00"),  # the same from a CSV cell
        ("1715644800123", "2024-05-14T00:00:00.123000+00:00"),
    ],
)
def test_a_published_field_is_read(given: object, expected: str) -> None:
    article = article_from_record({"text": TEXT, "published": given})
    assert article.published == expected
    assert unread_published(article) is None


@pytest.mark.parametrize(
    "given",
    [
        "04/05/2024",  # 4 May or April 5
        "By Jane Doe | 04/05/2024",
        "By Jane Doe",  # a byline with no date
        "1899-12-31",  # before any dated news corpus
        "2100-01-01",  # a placeholder, not a date
        "9999-12-31",
        "0001-01-01",
        12345,  # a row number, not a time
        20240514,  # not read as 1970-08-23
        True,
    ],
)
def test_a_published_field_that_cannot_be_read_safely_is_left_unread_and_kept(given: object) -> None:
    article = article_from_record({"text": TEXT, "published": given})
    assert article.published is None
    assert unread_published(article) == given


def _page(stamp: str) -> str:
    return (
        f"<html><head><title>Moorings</title></head><body><article><h1>Moorings</h1>{stamp}"
        f"<p>{TEXT}</p></article></body></html>"
    )


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        ('<div class="byline">By Jane Doe | May 4, 2024</div>', "2024-05-04"),
        ("<p>Published 14/05/2024</p>", "2024-05-14"),
        ('<span class="date">14/05/2024</span>', "2024-05-14"),
        ("<p>By Jane Doe | Published 14/05/2024</p>", "2024-05-14"),
    ],
)
def test_a_page_date_in_a_byline_is_read_and_left_out_of_the_text(stamp: str, expected: str) -> None:
    article = article_from_html(_page(stamp))
    assert article.published == expected
    assert article.text == TEXT.strip()


def test_a_page_date_that_reads_two_ways_is_not_guessed() -> None:
    article = article_from_html(_page("<p>By Jane Doe | Published 04/05/2024</p>"))
    assert article.published is None
    assert unread_published(article) == "04/05/2024"
    assert article.text == TEXT.strip()


def test_a_page_that_also_writes_the_date_out_keeps_it() -> None:
    page = _page('<meta itemprop="datePublished" content="2024-05-04"><p>04/05/2024</p>')
    assert article_from_html(page).published == "2024-05-04"


def test_epoch_dates_in_a_csv_corpus(tmp_path: Path) -> None:
    path = tmp_path / "corpus.csv"
    path.write_text(f"id,published,text\na,1715644800,{TEXT}\nb,14/05/2024,{TEXT}\n", encoding="utf-8")
    dates = [r.article.published_date() for r in read_corpus([str(path)]) if r.article is not None]
    assert dates == [dt.date(2024, 5, 14), dt.date(2024, 5, 14)]


def test_compare_warns_about_an_ambiguous_date(tmp_path: Path, run_cli: Callable[..., Any]) -> None:
    source = tmp_path / "a.json"
    source.write_text(json.dumps({"text": TEXT, "published": "04/05/2024"}), encoding="utf-8")
    out = run_cli(["compare", str(source), str(source), "--no-embeddings", "--format", "json"])
    assert out.returncode == 0, out.stderr
    assert "'04/05/2024' reads two ways (day or month first)" in out.stderr and "undated" in out.stderr
