"""fixrev26c (rev26c items 2-4): cue rules that read a faithful rewrite as a change.

- A denial kept in other words ("pushed back on media accounts saying", "brushed off media stories that",
  "called ... fabricated", the denier named with the claim as its complement) is no denied claim told as fact;
  the claim stated flat still is.
- "without its captain" retold "with its captain on the bench" (an absolute "with" clause that says where the
  thing is) is no claim reversed; "with board approval" ending its clause, or followed by the verb's time or
  the noun's own complement, still is.
- A bare-titled leader whose own sentence tells of a visit to no place or site ("on a visit to meet business
  leaders") is the dateline's guest: the capital's dateline ties him to no seat, so "Downing Street said" for
  him is medium; a leader visiting a school or a named town keeps the dateline's tie (low).

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)


def _found(original: str, suspect: str, subtype: str, severities: tuple[str, ...] = ("high",)) -> list[str]:
    report = compare(original, suspect, settings=LEXICAL)
    return [f.detail for f in report.findings if f.subtype == subtype and f.severity in severities]


# --- a denial kept in other words --------------------------------------------------------------------------------
BORDER = "Tensions rose along the border this week, the news agency said. "
TALKS = " Talks between the two sides are due to resume next month. Neither side gave further details."
DENIED = "The ministry denied reports that troops had crossed the border."


@pytest.mark.parametrize(
    "suspect",
    [
        "The ministry pushed back on media accounts saying troops had crossed the border.",
        "The ministry brushed off media stories that troops had crossed the border.",
        "The ministry called media stories that troops had crossed the border fabricated.",
        # no word of the list: the denier named, the claim its complement
        "The ministry hit back at word that troops had crossed the border.",
        "The ministry hit back at word troops had crossed the border.",
        # someone else's account of the claim, given as a complement
        "Officials hit back at word that troops had crossed the border.",
    ],
)
def test_a_denial_kept_in_other_words_is_no_denied_claim_as_fact(suspect: str) -> None:
    assert _found(BORDER + DENIED + TALKS, BORDER + suspect + TALKS, "allegation_as_fact") == []


@pytest.mark.parametrize(
    "suspect",
    [
        "Troops crossed the border.",
        # the denier's name only as a possessive: not the denier speaking
        "The ministry's troops crossed the border.",
        # the denier named as the actor of the claim itself
        "The ministry sent troops across the border.",
    ],
)
def test_a_denied_claim_stated_flat_is_still_high(suspect: str) -> None:
    original = BORDER + "The ministry denied reports that its troops had crossed the border." + TALKS
    assert _found(original, BORDER + suspect + TALKS, "allegation_as_fact")


# --- an absolute "with" clause ------------------------------------------------------------------------------------
COUNCIL = "The city council met on Tuesday to discuss the new budget for the coming year. "
REVIEW = " The mayor said the plan would be reviewed next spring. Residents can comment on the plan online."


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        (
            "The home side played without its captain on Saturday.",
            "The home side played on Saturday with its captain on the bench.",
        ),
        (
            "The party went into the election without its leader.",
            "The party went into the election with its leader in jail.",
        ),
        (
            "The party went into the election without its leader.",
            "The party went into the election with its leader still in hospital.",
        ),
        # the other way round: the original's absolute clause, the suspect's "without"
        (
            "The party went into the election with its leader in jail.",
            "The party went into the election without its leader.",
        ),
    ],
)
def test_an_absolute_with_clause_is_no_claim_reversed(original: str, suspect: str) -> None:
    assert _found(COUNCIL + original + REVIEW, COUNCIL + suspect + REVIEW, "negation_flipped") == []


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        ("The council signed the deal without board approval.", "The council signed the deal with board approval."),
        (
            "The council signed the deal without board approval on Tuesday.",
            "The council signed the deal with board approval on Tuesday.",
        ),
        (
            "The council signed the deal without the approval of the board.",
            "The council signed the deal with the approval of the board.",
        ),
        ("The home side played without its captain.", "The home side played with its captain and its coach."),
    ],
)
def test_with_for_without_is_still_a_claim_reversed(original: str, suspect: str) -> None:
    assert _found(COUNCIL + original + REVIEW, COUNCIL + suspect + REVIEW, "negation_flipped")


# --- a visiting leader under a capital's dateline ----------------------------------------------------------------


def _trade_story(leader: str, visit: str) -> list[tuple[str, str | None]]:
    story = (
        f"LONDON (Reuters) - {leader} said on Monday that trade talks had made good progress, {visit}. "
        f"{leader.split()[-1]} met executives from several firms. The talks will continue next month, officials said."
    )
    report = compare(story, story.replace(f"{leader} said", "Downing Street said"), settings=LEXICAL)
    return [(f.severity, f.subtype) for f in report.findings]


@pytest.mark.parametrize("visit", ["on a visit to meet business leaders", "on a three-day trip to meet investors"])
def test_a_visiting_leader_is_not_tied_to_the_datelines_seat(visit: str) -> None:
    assert ("medium", "speaker_changed") in _trade_story("Prime Minister Narendra Modi", visit)


@pytest.mark.parametrize(
    "visit", ["during a visit to a school", "on a visit to a car factory in Sunderland", "after talks with investors"]
)
def test_a_leader_visiting_a_site_keeps_the_datelines_tie(visit: str) -> None:
    assert _trade_story("Prime Minister Rishi Sunak", visit) == [("low", "speaker_changed")]
