"""Review of the ux16 ingest changes: news that opens like a newsletter plug, short content items read as live-blog
stamps, and dates with an impossible offset or a zone abbreviation that names two offsets."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from storytrace.article import article_from_html
from storytrace.corpus import read_corpus

PARAS = [
    "The electoral commission opened registration for the May election on Monday, two weeks later than planned.",
    "Officials said more than 40,000 people had registered in the first two days, most of them online.",
]
REPORT = " ".join(
    f"Paragraph {i} of the market report explains that fuel prices rose sharply this quarter." for i in range(8)
)


def _text(inner: str) -> str:
    return article_from_html(
        f"<html><head><title>Voter registration opens</title></head><body><article><h1>Voter registration opens</h1>"
        f"{inner}</article></body></html>"
    ).text


@pytest.mark.parametrize(
    "news",
    [
        "Sign-up was slow in rural districts, the commission said at a briefing on Wednesday, blaming poor access.",
        "Sign up numbers in the capital were higher, according to the commission's weekly newsletter to councils.",
    ],
)
def test_news_that_opens_with_sign_up_is_kept(news: str) -> None:
    assert news in _text("".join(f"<p>{p}</p>" for p in [PARAS[0], news, PARAS[1]]))


def test_a_newsletter_plug_is_still_left_out() -> None:
    plug = "Sign up to get the day's election news delivered to your inbox."
    text = _text("".join(f"<p>{p}</p>" for p in [PARAS[0], plug, PARAS[1]]))
    assert plug not in text and all(p in text for p in PARAS)


def test_a_list_of_times_is_kept_and_stamps_before_entries_are_not() -> None:
    # two stamps, each before an entry: a live blog's (a lone one is kept, tests/test_ing17_html.py)
    html = (
        f"<html><head><title>Fuel prices</title></head><body><main><h1>Fuel prices</h1><p>{REPORT}</p>"
        "<p>The timetable: trains leave at</p><ul><li>6.15</li><li>7.45</li><li>9.30 pm</li></ul>"
        f"<p>{REPORT}</p><p>12.50</p><p>{REPORT}</p><p>9.30 pm</p><p>{PARAS[0]}</p><p>9.45 pm</p><p>{PARAS[1]}</p>"
        "</main></body></html>"
    )
    paragraphs = article_from_html(html).text.split("\n\n")
    assert [p for p in paragraphs if len(p) < 20] == ["6.15", "7.45", "9.30 pm", "12.50"]


def _published(tmp_path: Path, published: str) -> Any:
    path = tmp_path / "corpus.jsonl"
    path.write_text(json.dumps({"id": "a", "text": PARAS[0], "published": published}) + "\n", encoding="utf-8")
    (record,) = list(read_corpus([str(path)]))
    assert record.error is None
    return record.article.published


@pytest.mark.parametrize("published", ["2024-03-14 09:00 +2400", "March 14, 2024 9:00 PM -2500"])
def test_an_offset_no_zone_has_leaves_the_article_undated(tmp_path: Path, published: str) -> None:
    assert _published(tmp_path, published) is None  # was an internal error (ValueError), and the record skipped


def test_compare_says_an_impossible_offset_is_not_understood(tmp_path: Path, run_cli: Any) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"text": PARAS[0] + " " + PARAS[1], "published": "2024-03-14 09:00 +2400"}))
    result = run_cli(["compare", str(path), str(path)])
    assert result.returncode == 0 and "not understood" in result.stderr and "internal error" not in result.stderr


@pytest.mark.parametrize("zone", ["CST", "BST", "MST"])
def test_a_zone_abbreviation_of_two_offsets_keeps_the_day_alone(tmp_path: Path, zone: str) -> None:
    # CST is US Central or China Standard Time, 14 hours apart
    assert _published(tmp_path, f"2024-03-14 09:00 {zone}") == "2024-03-14"


@pytest.mark.parametrize(
    ("published", "iso"),
    [
        ("Sat 9 Mar 2024 15.30 GMT", "2024-03-09T15:30:00+00:00"),  # the Guardian's style: no date at all before
        ("14 March 2024, 10.30am", "2024-03-14T10:30:00"),
        ("14 Mar 2024 13.30 PM", None),
        ("2024-03-14 10.30.15", None),
    ],
)
def test_a_time_written_with_a_dot_is_read(tmp_path: Path, published: str, iso: str | None) -> None:
    assert _published(tmp_path, published) == iso
