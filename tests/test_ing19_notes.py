"""A correction or editor's note with no label ("A previous version of this article misstated ...", "Due to an editing
error, ...", "This story has been corrected to ...") is left out at the top or the foot of a story; mid-story, and
where it speaks of something else than the story ("An earlier version of the bill ..."), it is kept."""

from __future__ import annotations

import pytest

from storytrace.article import article_from_html

HEADLINE = "Harbour plan approved"
PARAS = [
    "The city council approved the new harbour plan on Tuesday after a long debate among its members.",
    "The plan will add two new piers and a ferry terminal, the mayor said in a statement after the vote.",
    "Work is due to start in the autumn and last about two years, according to the council's own timetable.",
]
NOTES = [
    "A previous version of this article misstated the number of piers the plan would add.",
    "An earlier version of this story gave the wrong date for the council's vote.",
    "Due to an editing error, an earlier version of this article misspelled the mayor's name.",
    "Due to an editing error, the mayor's name was misspelled.",
    "This article has been updated to include comment from the mayor.",
    "This story has been corrected to show that the plan adds two piers, not three.",
    "An earlier version of the story misstated the date of the vote.",
    "Due to a production error, a previous version of this article gave the wrong timetable.",
    "This is a developing story and will be updated.",
    "This article was updated on March 5 for clarity.",
    "This story has been corrected.",
]


def _text(paras: list[str]) -> list[str]:
    body = "".join(f"<p>{p}</p>" for p in paras)
    page = f"<html><head><title>{HEADLINE}</title></head><body><article><h1>{HEADLINE}</h1>{body}</article></body>"
    return article_from_html(page + "</html>").text.split("\n\n")


@pytest.mark.parametrize("note", NOTES)
@pytest.mark.parametrize("at", ["first", "last"])
def test_a_note_without_a_label_at_an_end_is_left_out(note: str, at: str) -> None:
    paras = [note, *PARAS] if at == "first" else [*PARAS, note]
    assert _text(paras) == PARAS  # was kept as the story's first or last line


def test_notes_one_above_the_other_at_the_foot_are_left_out() -> None:
    paras = [*PARAS, NOTES[4], "Correction: An earlier version of this story gave the wrong figure for the piers."]
    assert _text(paras) == PARAS  # the first of the two was kept: it was not the last paragraph


@pytest.mark.parametrize("note", NOTES[:3])
def test_a_note_without_a_label_mid_story_is_kept(note: str) -> None:
    paras = [PARAS[0], note, *PARAS[1:]]
    assert _text(paras) == paras


@pytest.mark.parametrize(
    "line",
    [
        "An earlier version of the bill would have added three piers, council records show.",
        "An earlier version of the plan, rejected in 2019, had no ferry terminal.",
        "Due to a production error, 2,000 ferry tickets were printed with the wrong date last year.",
        "Due to a reporting error by the county, the vote was first recorded as a tie.",
        "This article of the harbour charter has been amended twice since 1990.",
        "This story was changed by the studio after test screenings, the director said.",
        "This story was revised many times before the novel about the harbour was published.",
    ],
)
@pytest.mark.parametrize("at", ["first", "last"])
def test_a_line_of_the_story_that_opens_like_a_note_is_kept(line: str, at: str) -> None:
    paras = [line, *PARAS] if at == "first" else [*PARAS, line]
    assert _text(paras) == paras


def test_a_long_paragraph_opening_with_a_note_is_kept() -> None:
    # a scrape that lost the break after the note: the lead runs on in the same paragraph
    lead = (
        "The harbour board met for six hours on Monday and heard from 40 residents, most of them fishermen worried "
        "about the new piers. Its chairman, Tom Reyes, said the board would publish its advice within a month. "
        "Residents of the old quarter have collected 3,000 signatures against the ferry terminal since March, and "
        "their lawyer, Ana Ruiz, told the board that a challenge in the courts would follow any approval of the plan "
        "by the full council in May."
    )
    run_on = NOTES[4] + " " + lead
    assert len(run_on) > 500
    paras = [run_on, *PARAS]
    assert _text(paras) == paras
