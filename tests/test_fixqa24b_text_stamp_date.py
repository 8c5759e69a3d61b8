"""A plain-text article's "Published 10 March 2026" line is read as its publication date (qa24b P16): the
analysis strips the line as a stamp, and without reading it a .txt pair lost the direction a .json or .html
copy of the same pair has. Only a line that is nothing but the stamp, near the top; "Updated" and a date that
reads two ways are not taken.

The texts are written for these tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from storytrace.article import article_from_text, load_article, published_in_text

BODY = (
    "The Harlow water board voted 7-2 on Tuesday to raise household tariffs by 9% from July 1. "
    "The board said the extra revenue would pay for replacing old cast-iron mains.\n"
)


@pytest.mark.parametrize(
    ("stamp", "iso"),
    [
        ("Published 10 March 2026", "2026-03-10"),
        ("Published: March 10, 2026", "2026-03-10"),
        ("Posted on 2026-03-10 09:30", "2026-03-10T09:30:00"),
    ],
)
def test_a_stamp_line_under_the_headline_is_the_date(stamp: str, iso: str) -> None:
    text = f"Harlow water board approves tariff rise\n{stamp}\n\n{BODY}"
    assert published_in_text(text) == iso
    assert article_from_text(text).published == iso


@pytest.mark.parametrize(
    "line",
    [
        "Updated 10 March 2026",  # a later version's date
        "Published 03/04/2026",  # March 4 or April 3: not guessed
        "The report was published 10 March 2026 by the board.",  # a sentence of the story
    ],
)
def test_no_date_is_taken_from_other_lines(line: str) -> None:
    assert article_from_text(f"Harlow water board approves tariff rise\n{line}\n\n{BODY}").published is None


def test_a_given_date_wins_over_the_stamp() -> None:
    text = f"Headline\nPublished 10 March 2026\n\n{BODY}"
    assert article_from_text(text, published="2026-03-12").published == "2026-03-12"


def test_a_stamp_far_down_the_text_is_not_the_date() -> None:
    text = "Headline\n\n" + BODY * 8 + "Published 10 March 2026\n"
    assert published_in_text(text) is None


def test_text_files_keep_their_dates_and_the_direction(tmp_path: Path, run_cli: Any) -> None:
    # the suspect first on the command line: only the dates can say which came first
    source, suspect = tmp_path / "a.txt", tmp_path / "b.txt"
    source.write_text(f"Harlow water board approves tariff rise\nPublished 10 March 2026\n\n{BODY}", encoding="utf-8")
    suspect.write_text(f"Harlow water tariffs to rise 9%\nPublished 11 March 2026\n\n{BODY}", encoding="utf-8")
    assert load_article(str(source)).published == "2026-03-10"
    proc = run_cli(["compare", str(suspect), str(source), "--format", "json"])
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert (report["source"]["published"], report["derived"]["published"]) == ("2026-03-11", "2026-03-10")
    assert report["verdict"]["direction"] == "reversed"
