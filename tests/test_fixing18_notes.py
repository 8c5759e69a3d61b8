"""A paragraph opening with "Corrections:" or "Clarification:" is left out as a note only when it speaks of the story
or of its error; a line of the story so labelled (a department in a budget list) is kept."""

from __future__ import annotations

import pytest

from storytrace.article import article_from_html

HEADLINE = "County budget approved"
BUDGET = [
    "The county board approved a $52 million budget on Tuesday, with most departments getting a small increase.",
    "Here is how the main departments fared in the budget approved by the board:",
    "Sheriff: $14.2 million, up 4% on last year, to pay for six new deputies.",
    "Parks: $3.1 million, flat, after the board rejected a proposed new pool.",
]


def _text(paras: list[str]) -> list[str]:
    body = "".join(f"<p>{p}</p>" for p in paras)
    page = (
        f"<html><head><title>{HEADLINE}</title></head><body><article><h1>{HEADLINE}</h1>{body}</article></body></html>"
    )
    return article_from_html(page).text.split("\n\n")


@pytest.mark.parametrize(
    "line",
    [
        "Corrections: $9.8 million, up 6%, largely for overtime at the county jail.",
        "Corrections: 14 facilities, $9.8 million, with overtime at the county jail the largest item.",
        "Corrections: the state's prison agency, which runs 14 facilities, said its budget was cut by a fifth.",
    ],
)
@pytest.mark.parametrize("at", ["first", "last"])
def test_a_labelled_line_of_the_story_at_either_end_is_kept(line: str, at: str) -> None:
    paras = [line, *BUDGET] if at == "first" else [*BUDGET, line]
    assert _text(paras) == paras  # was left out as a correction note


@pytest.mark.parametrize(
    "note",
    [
        "Correction: An earlier version of this story gave the wrong figure for the parks budget.",
        "Correction: This article misstated the sheriff's budget. It is $14.2 million.",
    ],
)
@pytest.mark.parametrize("at", ["first", "middle", "last"])
def test_a_correction_that_speaks_of_the_story_is_left_out(note: str, at: str) -> None:
    paras = {"first": [note, *BUDGET], "middle": [*BUDGET[:2], note, *BUDGET[2:]], "last": [*BUDGET, note]}[at]
    assert _text(paras) == BUDGET


ERROR_WORDS_ONLY = [
    "Clarification: The parks budget is flat, not cut, as the board's own figures show.",
    "Corrections: The sheriff's department should have said six deputies, the board said.",
]


@pytest.mark.parametrize("note", ERROR_WORDS_ONLY)
@pytest.mark.parametrize("at", ["first", "last"])
def test_a_correction_with_error_words_at_an_end_is_left_out(note: str, at: str) -> None:
    paras = [note, *BUDGET] if at == "first" else [*BUDGET, note]
    assert _text(paras) == BUDGET


@pytest.mark.parametrize(
    "line",
    [
        *ERROR_WORDS_ONLY,
        # a state audit's list of agencies (session 18's second review): error words of the agency, not the story
        "Corrections: The prison system wrongly released 200 inmates early, the audit found.",
        "Corrections — The department erroneously billed counties for 3,000 inmates.",
    ],
)
def test_error_words_alone_do_not_make_a_note_of_a_line_mid_story(line: str) -> None:
    paras = [*BUDGET[:2], line, *BUDGET[2:]]
    assert _text(paras) == paras
