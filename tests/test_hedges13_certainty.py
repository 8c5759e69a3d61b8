"""Certainty shifts without a modal: evidence verbs, forecasts, open questions, accusations, contrary verbs.

Each pair sits in a short article (the same sentences before and after) so the alignment is a real one.
"""

from __future__ import annotations

import pytest

from hedges_context import AFTER, BEFORE
from storytrace import compare
from storytrace.finding import Finding


def cues(source: str, derived: str) -> list[Finding]:
    """The hedge and attribution findings of ``derived`` against ``source``, each set in the same article."""
    report = compare(BEFORE + source + AFTER, BEFORE + derived + AFTER)
    return [f for f in report.findings if f.type in ("hedge_changed", "attribution_changed")]


# --- evidence verbs -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "derived", "before", "after"),
    [
        (
            "The data suggest the new drug reduces deaths among elderly patients by a third.",
            "The data show the new drug reduces deaths among elderly patients by a third.",
            "suggest",
            "show",
        ),
        (
            "Early results indicate that the new drug reduces deaths among elderly patients by a third.",
            "Early results prove that the new drug reduces deaths among elderly patients by a third.",
            "indicate",
            "prove",
        ),
        (
            "The trial figures point to a sharp fall in deaths among elderly patients who took the new drug.",
            "The trial figures confirm a sharp fall in deaths among elderly patients who took the new drug.",
            "point to",
            "confirm",
        ),
    ],
)
def test_evidence_verb_strengthened_is_certainty_increased(source: str, derived: str, before: str, after: str) -> None:
    (f,) = cues(source, derived)
    assert (f.subtype, f.severity, f.before, f.after) == ("certainty_increased", "medium", before, after)


def test_evidence_verb_weakened_is_certainty_decreased() -> None:
    (f,) = cues(
        "The data show the new drug reduces deaths among elderly patients by a third.",
        "The data suggest the new drug reduces deaths among elderly patients by a third.",
    )
    assert (f.subtype, f.severity, f.before, f.after) == ("certainty_decreased", "low", "show", "suggest")


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "The data suggests the new drug reduces deaths among elderly patients by a third.",
            "The data indicates the new drug reduces deaths among elderly patients by a third.",
        ),
        (
            "The data shows the new drug reduces deaths among elderly patients by a third.",
            "The data demonstrates that the new drug reduces deaths among elderly patients by a third.",
        ),
        # half a step: how writers vary the verb
        (
            "Polls show the authority's chief executive with a narrowing lead among the hospital staff.",
            "Polls indicate a narrowing lead for the authority's chief executive among the hospital staff.",
        ),
        # "showed up" arrived: no evidence verb
        (
            "The visitor log, which says the chief executive showed up to meet the mayor, is the only record.",
            "The visitor log, which suggests the chief executive arrived to meet the mayor, is the only record.",
        ),
        # a proposal, not evidence
        (
            "Olsen suggested that the council delay the vote on the maternity ward until the spring.",
            "Olsen proposed that the council delay the vote on the maternity ward until the spring.",
        ),
    ],
)
def test_evidence_verb_varied_is_quiet(source: str, derived: str) -> None:
    assert cues(source, derived) == []


# --- forecasts ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "derived", "before"),
    [
        (
            "The central bank expects inflation to rise above four percent before the end of the year.",
            "Inflation will rise above four percent before the end of the year.",
            "expects",
        ),
        (
            "The authority expects the new hospital wing to open to patients before the end of the year.",
            "The new hospital wing is set to open to patients before the end of the year.",
            "expects",
        ),
        (
            "The authority expects to hire 200 new nurses for the northern hospitals next year.",
            "The authority will hire 200 new nurses for the northern hospitals next year.",
            "expects",
        ),
        (
            "Olsen is projected to win the vote on the maternity ward at the meeting next month.",
            "Olsen will win the vote on the maternity ward at the meeting next month.",
            "projected",
        ),
    ],
)
def test_expectation_stated_as_prediction_is_certainty_increased(source: str, derived: str, before: str) -> None:
    (f,) = cues(source, derived)
    assert (f.subtype, f.severity, f.before) == ("certainty_increased", "medium", before)


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "The central bank expects inflation to rise above four percent before the end of the year.",
            "The central bank forecasts that inflation will rise above four percent before the end of the year.",
        ),
        (
            "The central bank expects inflation to rise above four percent before the end of the year.",
            "The central bank predicts inflation will rise above four percent before the end of the year.",
        ),
        # "as expected" carries no forecast: what was expected happened
        (
            "As expected, the central bank raised interest rates by a quarter point on Thursday.",
            "The central bank raised interest rates by a quarter point on Thursday.",
        ),
        (
            "As expected the central bank will raise interest rates by a quarter point on Thursday.",
            "The central bank will raise interest rates by a quarter point on Thursday.",
        ),
        # what was expected is the measure, not a forecast
        (
            "Inflation rose more than expected to 4.2 percent in March, the statistics office said.",
            "Inflation rose to 4.2 percent in March, the statistics office said.",
        ),
        # plans, not a forecast
        (
            "The council approved three projects to build new housing near the hospital this year.",
            "The council approved three plans to build new housing near the hospital this year.",
        ),
        # the forecast still someone's, in another verb
        (
            "The provisions of the bill are projected to cost the regional health authority money.",
            "Critics project that the provisions of the bill will cost the regional health authority money.",
        ),
        # someone's expectation keeps a "may" a forecast
        (
            "Inflation may rise above four percent before the end of the year.",
            "Analysts expect inflation to rise above four percent before the end of the year.",
        ),
    ],
)
def test_forecast_kept_someones_is_quiet(source: str, derived: str) -> None:
    assert cues(source, derived) == []


# --- open questions -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "derived", "before"),
    [
        (
            "Police are investigating whether the fire at the hospital laundry was set deliberately.",
            "The fire at the hospital laundry was set deliberately.",
            "investigating whether",
        ),
        (
            "Questions remain over whether the fire at the hospital laundry was set deliberately.",
            "The fire at the hospital laundry was set deliberately, investigators found.",
            "Questions remain over whether",
        ),
    ],
)
def test_open_question_stated_as_fact_is_certainty_increased(source: str, derived: str, before: str) -> None:
    (f,) = cues(source, derived)
    assert (f.subtype, f.severity, f.before) == ("certainty_increased", "medium", before)


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "Police are investigating whether the fire at the hospital laundry was set deliberately.",
            "Police are looking into whether the fire at the hospital laundry was started deliberately.",
        ),
        (
            "Councillors asked whether the maternity ward would close at the end of the year.",
            "Councillors wanted to know if the maternity ward would close at the end of the year.",
        ),
        # the inquiry kept, its object a "potential" one
        (
            "Two committees are investigating whether associates of the chief executive colluded with the builders.",
            "Two committees are investigating potential collusion between associates of the chief executive and the "
            "builders.",
        ),
        # a question in other words
        (
            "It is still unknown if the authority and Olsen will issue an apology to the nurses.",
            "The question remains: will the authority and Olsen issue an apology to the nurses?",
        ),
        # the interviewer's question is nobody's claim
        (
            "Asked whether the nurses were well served by the plan, Olsen smiled and said it was a good plan.",
            "Olsen smiled and said the nurses were well served by a good plan.",
        ),
        # a condition, not a question
        (
            "Olsen said the council would be eager to look into the details if the figures hold up next month.",
            "Olsen said the figures looked like they would hold up next month.",
        ),
        # no negation flipped: both leave the question open
        (
            "It is not clear whether poll book records were checked to find impersonated signatures.",
            "There is no indication that poll book records were checked to find impersonated signatures.",
        ),
        # "not clear whether" and "uncertain whether" ask the same question: no doubt added
        (
            "It is not clear whether poll book records were checked to find impersonated signatures.",
            "It is uncertain whether poll book records were checked to find impersonated signatures.",
        ),
    ],
)
def test_question_kept_is_quiet(source: str, derived: str) -> None:
    assert cues(source, derived) == []


# --- "unlikely" ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        # the adjective says surprising, not improbable
        (
            "An unlikely alliance of nurses and hospital managers formed to fight the closure of the maternity ward.",
            "An alliance of nurses and hospital managers formed to fight the closure of the maternity ward.",
        ),
        (
            "A retired porter became an unlikely hero when he pulled two patients from the burning laundry.",
            "A retired porter became a hero when he pulled two patients from the burning laundry.",
        ),
        # as sure one way as the other
        (
            "The maternity ward is unlikely to reopen before the summer, the authority said.",
            "It is doubtful that the maternity ward will reopen before the summer, the authority said.",
        ),
        (
            "So while these voters are still voting, it is very doubtful they are 112 years old.",
            "So while these voters still cast their ballots, it is highly unlikely that they are 112 years old.",
        ),
    ],
)
def test_unlikely_as_adjective_or_retold_is_quiet(source: str, derived: str) -> None:
    assert cues(source, derived) == []


def test_unlikely_that_dropped_is_still_reported() -> None:
    # "unlikely that" reads as a negation: dropped, the claim is reversed, reported once as that (cues14)
    found = cues(
        "Olsen said it was highly unlikely that the maternity ward would reopen before the summer.",
        "Olsen said the maternity ward would reopen before the summer.",
    )
    assert [(f.subtype, f.before) for f in found] == [("negation_flipped", "unlikely")]


# --- accusations --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "Police said the man had taken $40,000 from the hospital charity's accounts over three years.",
            "The man had taken $40,000 from the hospital charity's accounts over three years.",
        ),
        (
            "Police said the driver of the ambulance was drunk when it hit the hospital gate on Friday.",
            "The driver of the ambulance was drunk when it hit the hospital gate on Friday.",
        ),
    ],
)
def test_police_account_of_a_wrong_stated_as_fact(source: str, derived: str) -> None:
    (f,) = cues(source, derived)
    assert (f.subtype, f.severity, f.before) == ("allegation_as_fact", "low", "Police said")


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        # the authorities are what was said, not who said it
        (
            "Olsen said authorities were still actively investigating the shooting at the hospital car park.",
            "Authorities continue to actively investigate the shooting at the hospital car park.",
        ),
        # a fact police report is no accusation, what was done to someone no deed of theirs
        (
            "Police said the man was taken to hospital with burns to his hands and face after the fire.",
            "The man was taken to hospital with burns to his hands and face after the fire.",
        ),
        (
            "Police said the man was arrested on Tuesday evening outside the hospital's main entrance.",
            "The man was arrested on Tuesday evening outside the hospital's main entrance.",
        ),
        (
            "Police said the man had taken $40,000 from the hospital charity's accounts over three years.",
            "According to police, the man had taken $40,000 from the hospital charity's accounts over three years.",
        ),
        # not an accuser
        (
            "Officials said the new hospital wing would open to patients before the end of the year.",
            "The new hospital wing will open to patients before the end of the year.",
        ),
    ],
)
def test_police_account_kept_or_no_accusation_is_quiet(source: str, derived: str) -> None:
    assert cues(source, derived) == []


def test_allegation_added_to_a_statement_is_certainty_decreased() -> None:
    (f,) = cues(
        "A former manager took $40,000 from the hospital charity's accounts last year.",
        "A former manager allegedly took $40,000 from the hospital charity's accounts last year.",
    )
    assert (f.subtype, f.severity, f.after) == ("certainty_decreased", "low", "allegedly")


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        # the original hedged already
        (
            "A vote was apparently cast at the polls in the name of Evan Dixon in the general election.",
            "A vote was allegedly cast at the polls in the name of Evan Dixon in the general election.",
        ),
        (
            "Loyalists of the old regime have been blamed for sabotaging the hospital's power supply.",
            "Loyalists of the old regime are accused of sabotaging the hospital's power supply.",
        ),
        # the original gives it as someone's claim
        (
            "Conspiracy theorists have sparked fears over a collision of two planets that will darken the Earth.",
            "Conspiracy theorists made claims about an alleged collision of two planets that will darken the Earth.",
        ),
        (
            "The prosecutor charged 12 officials who he alleges are involved in the theft from the charity.",
            "The prosecutor charged 12 officials who are allegedly involved in the theft from the charity.",
        ),
        # the original has the claim denied: calling it alleged is what it is
        (
            "The former manager is denying that he took money from the hospital charity's accounts.",
            "The former manager is at the centre of claims he allegedly took money from the hospital charity's "
            "accounts.",
        ),
    ],
)
def test_allegation_added_to_a_contested_claim_is_quiet(source: str, derived: str) -> None:
    assert [f for f in cues(source, derived) if f.subtype == "certainty_decreased"] == []


# --- contrary verbs -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "derived", "before", "after"),
    [
        (
            "The former manager has denied taking money from the hospital charity's accounts.",
            "The former manager has admitted taking money from the hospital charity's accounts.",
            "denied",
            "admitted",
        ),
        (
            "The former manager has admitted taking money from the hospital charity's accounts.",
            "The former manager has denied taking money from the hospital charity's accounts.",
            "admitted",
            "denied",
        ),
        (
            "The council accepted the offer of a new maternity ward from the regional authority.",
            "The council turned down the offer of a new maternity ward from the regional authority.",
            "accepted",
            "turned down",
        ),
    ],
)
def test_contrary_verb_is_a_negation_flip(source: str, derived: str, before: str, after: str) -> None:
    (f,) = cues(source, derived)
    assert (f.subtype, f.severity, f.before, f.after) == ("negation_flipped", "high", before, after)


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "The former manager has denied the allegations made against him by the hospital charity.",
            "The former manager has rejected the allegations made against him by the hospital charity.",
        ),
        (
            "The former manager did not admit taking money from the hospital charity's accounts.",
            "The former manager denied taking money from the hospital charity's accounts.",
        ),
    ],
)
def test_contrary_verb_said_another_way_is_quiet(source: str, derived: str) -> None:
    assert cues(source, derived) == []


# --- faithful paraphrase ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "The maternity ward may close at the end of the year, the authority said.",
            "The maternity ward might close at the end of the year, the authority said.",
        ),
        (
            "The maternity ward could possibly close at the end of the year, the authority said.",
            "The maternity ward may close at the end of the year, the authority said.",
        ),
        (
            "Olsen said the maternity ward would close at the end of the year.",
            "Olsen stated that the maternity ward would close at the end of the year.",
        ),
        (
            "A former manager is alleged to have taken $40,000 from the hospital charity's accounts.",
            "A former manager is accused of taking $40,000 from the hospital charity's accounts.",
        ),
        (
            "The new hospital wing is expected to open to patients before the end of the year.",
            "The new hospital wing is likely to open to patients before the end of the year.",
        ),
    ],
)
def test_faithful_paraphrase_stays_quiet(source: str, derived: str) -> None:
    assert cues(source, derived) == []
