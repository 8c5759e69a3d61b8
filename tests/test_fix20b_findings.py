"""A user's QA pass (qa20): a figure changed in the body while the headline keeps it, and a named speaker turned
into "a Treasury official" (an organisation's unnamed person)."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)

HEADLINE = "Treasury Announces $68 Billion in Expected Bank Repayments\n\n"
BODY = (
    "The Treasury said on Tuesday that it will receive $68 billion in repayments from ten banks. "
    "The banks passed a stress test earlier this year and raised private capital. "
    '"This is an encouraging sign of repair in the financial system," said Secretary Tim Geithner. '
    "The money returns to taxpayers with interest, the department added."
)


def _numbers(original: str, suspect: str) -> list[tuple[str | None, str]]:
    report = compare(original, suspect, settings=LEXICAL)
    return [(f.subtype, f.severity) for f in report.findings if f.type == "number_changed"]


@pytest.mark.parametrize("headline", [HEADLINE, ""])
def test_a_figure_changed_in_the_body_is_a_change_even_where_the_headline_keeps_it(headline: str) -> None:
    suspect = (headline + BODY).replace("receive $68 billion", "receive $86 billion")
    assert _numbers(headline + BODY, suspect) == [("changed", "high")]


def test_a_figure_moved_not_changed_stays_quiet() -> None:
    # the original gives $68 billion once; the suspect gives it once, in another sentence, and adds nothing new
    original = HEADLINE + BODY
    suspect = original.replace("it will receive $68 billion in repayments", "it will receive repayments").replace(
        "The money returns", "The $68 billion returns"
    )
    assert _numbers(original, suspect) == []


def _attribution(speaker: str) -> list[tuple[str | None, str]]:
    suspect = BODY.replace("said Secretary Tim Geithner", speaker)
    report = compare(BODY, suspect, settings=LEXICAL)
    return [(f.subtype, f.severity) for f in report.findings if f.type == "attribution_changed"]


@pytest.mark.parametrize(
    "speaker", ["said a Treasury official", "said Treasury officials", "said a White House aide", "said an official"]
)
def test_a_named_speaker_made_an_organisations_unnamed_person_is_anonymised(speaker: str) -> None:
    assert ("anonymised", "high") in _attribution(speaker)


def test_the_named_speaker_kept_stays_quiet() -> None:
    assert _attribution("said Treasury Secretary Tim Geithner") == []


def test_a_new_figure_beside_a_figure_kept_elsewhere_is_not_a_change_of_it() -> None:
    # review rev20c: "the $4 million" retold as "the money", and a new "$1 million grant" in the sentence
    original = (
        "The council will spend $4 million on roads next year, the mayor said. The $4 million will come from "
        "reserves and a government grant. The work will start in May and last two years."
    )
    suspect = (
        "The council will spend $4 million on roads next year, the mayor said. The money will come from reserves "
        "and a $1 million government grant. The work will start in May and last two years."
    )
    assert _numbers(original, suspect) == [("not_in_original", "medium")]


@pytest.mark.parametrize(
    "speaker", ["the company said in a statement", "Acme's press office said", "the Treasury's press office said"]
)
def test_a_body_speaking_through_its_spokesperson_is_not_anonymised(speaker: str) -> None:
    # review rev20c: the organisation is the source either way; no person was named
    original = f"Acme will close its Leeds factory next year, {speaker} on Tuesday."
    suspect = "Acme will close its Leeds factory next year, an Acme spokesperson said on Tuesday."
    report = compare(original, suspect, settings=LEXICAL)
    assert [f for f in report.findings if f.type == "attribution_changed"] == []
