"""A story's real first or last line that opens like a note with no label, or the lead after a top note, is
kept (review of ing19); a real note is still left out."""

from __future__ import annotations

import pytest

from storytrace.article import article_from_html

HEADLINE = "Harbour plan approved"
PARAS = [
    "The city council approved the new harbour plan on Tuesday after a long debate among its members.",
    "The plan will add two new piers and a ferry terminal, the mayor said in a statement after the vote.",
    "Work is due to start in the autumn and last about two years, according to the council's own timetable.",
]


def _text(blocks: list[tuple[str, str]]) -> list[str]:
    body = "".join(f"<{tag}>{p}</{tag}>" for tag, p in blocks)
    page = f"<html><head><title>{HEADLINE}</title></head><body><article><h1>{HEADLINE}</h1>{body}</article></body>"
    return article_from_html(page + "</html>").text.split("\n\n")


def _paras(lines: list[str]) -> list[str]:
    return _text([("p", p) for p in lines])


@pytest.mark.parametrize(
    "line",
    [
        "Due to an editing error at the county clerk's office, 300 ballots were mailed to the wrong addresses.",
        "Due to an editing error, the novel's first printing left out its final chapter, the publisher said on Monday.",
        "This is a developing story of love and loss that the director has been shaping for a decade.",
        "This is a breaking story for the paper's new investigative team, which spent a year on it.",
        "This story was changed for the film: the real heroine survived the war and lived to be 90.",
        "This story was revised after the studio's test screenings, the director said, and the ending changed.",
        "This story has been corrected since it was first told to the court in 2019, the judge noted.",
        "A previous version of this story's plot had the hero die in the first act, the author told the festival.",
        "This story is being updated and will change, the publisher warned readers of the serial novel each week.",
    ],
)
@pytest.mark.parametrize("at", ["first", "last"])
def test_a_story_line_that_opens_like_an_unlabelled_note_is_kept(line: str, at: str) -> None:
    lines = [line, *PARAS] if at == "first" else [*PARAS, line]
    assert _paras(lines) == lines  # was left out as a note


@pytest.mark.parametrize(
    "note",
    [
        "This is a developing story.",
        "This is a breaking news story and will be updated.",
        "This is a developing story; check back for updates.",
        "This story was updated to include the mayor's comment.",
        "This article was changed for clarity.",
        "Due to an editing error, the mayor's name was misspelled.",
    ],
)
def test_an_unlabelled_note_at_the_foot_is_still_left_out(note: str) -> None:
    assert _paras([*PARAS, note]) == PARAS


@pytest.mark.parametrize(
    "second",
    [
        "Due to an editing error at the county clerk's office, 300 ballots were mailed to the wrong addresses.",
        "This story has been corrected, the novelist told the festival, because readers hated its first ending.",
    ],
)
def test_the_lead_after_a_top_note_is_not_taken_into_the_run_of_notes(second: str) -> None:
    note = "Editor's note: This article is part of a series on the harbour."
    assert _paras([note, second, *PARAS]) == [second, *PARAS]


def test_a_run_of_notes_still_takes_a_note_that_says_it_is_of_the_story() -> None:
    notes = [
        "Editor's note: This article is part of a series on the harbour.",
        "A previous version of this article misstated the number of piers.",
    ]
    assert _paras([*notes, *PARAS]) == PARAS
