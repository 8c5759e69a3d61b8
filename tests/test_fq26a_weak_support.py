"""False alarms of the qa24b user QA on added claims (helper fq26a), each next to the added claim of its family
that must stay flagged:

- a summary sentence that shortens one sentence of the original into the passive ("Winds are expected to ease by
  Thursday" for "Forecasters expect the wind to ease by Thursday, ...") is no weak_support splice (qa24b P13);
  the same words joined into another claim in the passive still are;
- a sentence that merges the original's lead with its last sentence ("The change, which covers all 31 of the
  county's schools, starts on August 24 at the beginning of the next school year") says what the two say
  together: in a whole-article restyle it is told at severity low, as a restatement, though it brings few words
  of its own (qa24b P12); the same merge with a cause of its own, or a figure of another sentence, still is
  medium;
- "Free places will be offered to families ..." retold "with free places for families ..." is no step the
  original gives as planned told as done: a passive "offered to" names whom the places go to (qa24b P12); an
  offer to pay told as paid still is.

The texts are fq25c's, written for these tests after the QA pairs."""

from __future__ import annotations

from storytrace import compare
from test_fq25c_speakers_claims import BOARD, FIRE, MERGED, SUMMARY

FORECAST = "Forecasters expect the wind to ease by Thursday, which could give crews a chance to contain the fire."
# the original's forecast before its last sentence, as the QA pair has it
FIRE_FORECAST = FIRE.replace(" Residents have been told", f" {FORECAST} Residents have been told")


def _claims(original: str, derived: str, sentence: str) -> list[str]:
    """The details of the medium or high added claims on ``sentence`` of ``derived``."""
    assert sentence in derived
    report = compare(original, derived)
    return [
        f.detail
        for f in report.findings
        if f.type == "claim_added" and f.severity in ("high", "medium") and f.after and sentence in f.after
    ]


# --- a shortening into the passive ---------------------------------------------------------------------------


def test_sentence_shortened_into_the_passive_is_no_splice() -> None:
    passive = "Winds are expected to ease by Thursday."
    assert not _claims(FIRE_FORECAST, f"{SUMMARY} {passive}", passive)


def test_splice_of_the_same_sentence_into_the_passive_is_still_weak_support() -> None:
    # the forecast's words, joined into a claim it does not make: the crews, not the wind, by Thursday
    spliced = "Crews are expected to contain the fire by Thursday."
    assert _claims(FIRE_FORECAST, f"{SUMMARY} {spliced}", spliced)


# --- a merge of two sentences of the original ----------------------------------------------------------------

MERGE = (
    "The change, which covers all 31 of the county's schools, starts on August 24 at the beginning of the next "
    "school year."
)


def test_merge_of_lead_and_last_sentence_is_supported() -> None:
    assert not _claims(BOARD, MERGED, MERGE)


def test_merge_with_a_cause_of_its_own_is_still_weak_support() -> None:
    caused = "The change, which covers all 31 of the county's schools, starts on August 24 because of budget cuts."
    assert _claims(BOARD, MERGED.replace(MERGE, caused), caused)


def test_merge_with_a_figure_from_elsewhere_is_still_weak_support() -> None:
    # 112 is the original's unfilled posts, not its schools: no sentence the merge links gives it
    moved = (
        "The change, which covers all 112 of the county's schools, starts on August 24 at the beginning of the "
        "next school year."
    )
    assert _claims(BOARD, MERGED.replace(MERGE, moved), moved)


# --- a passive "offered to" names whom it goes to ------------------------------------------------------------

CHILDCARE = (
    "Parents who need childcare on Fridays will be able to use a district-run programme at eight schools for a fee "
    "of 25 dollars a day. Free places will be offered to families who qualify for free school meals."
)


def _hedges(original: str, derived: str) -> list[tuple[str | None, str | None]]:
    return [(f.before, f.after) for f in compare(original, derived).findings if f.type == "hedge_changed"]


def test_places_offered_to_families_is_no_step_told_as_done() -> None:
    # the restyle's merge of the two (qa24b P12): "offered to families" gives the places to them, it plans nothing
    merged = (
        "For families needing Friday childcare, a district-run programme will operate at eight schools at 25 dollars "
        "a day, with free places for families eligible for free school meals."
    )
    assert not _hedges(CHILDCARE, merged)


def test_offer_to_pay_told_as_paid_is_still_certainty_increased() -> None:
    offered = "The district offered to pay for childcare on Fridays at eight schools."
    assert _hedges(offered, "The district paid for childcare on Fridays at eight schools.") == [("offered to", "paid")]
