"""The credit and byline patterns run on untrusted paragraphs: hostile ones must not take exponential time."""

import time

import pytest

from storytrace.article import _is_junk


@pytest.mark.parametrize(
    "paragraph",
    [
        "A-" * 140 + "x",
        "A&" * 140 + "x",
        "Tom and " * 36 + "friends met.",
        "By " + "A-" * 140 + ", x",
        "Reporting by " + "Tom and " * 34 + "x",
        "Ana, " * 55 + "x",
    ],
)
def test_hostile_paragraph_is_judged_quickly(paragraph: str) -> None:
    assert len(paragraph) <= 300
    start = time.process_time()
    assert not _is_junk(paragraph)
    assert time.process_time() - start < 2.0


@pytest.mark.parametrize(
    "credit",
    [
        "Associated Press writer Kevin Freking contributed to this report.",
        "Reuters reporters Ana Ruiz and Tom Bell contributed reporting from Paris.",
        "Ana Ruiz, Tom Bell and Jean-Pierre Lee contributed to this report.",
        "Ana Ruiz, Tom Bell, and Jean Lee contributed to this report.",
        "(Reporting by Jane Doe; Editing by Al Roe)",
        "Reporting by Jane Doe and editing by Al Roe.",
        "By Jaan Tamm and Mari Kask",
        "... (Reuters/Jane Doe)",
    ],
)
def test_credits_still_dropped(credit: str) -> None:
    assert _is_junk(credit)


def test_prose_kept() -> None:
    assert not _is_junk("Tom and Tom and Ana met friends.")
