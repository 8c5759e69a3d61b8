"""Misses from the fact-checker QA pass qa24b (session 25, helper fq25a), each with the faithful retelling that
must stay quiet: an allegation by residents told as fact ("Residents allege that X" -> "X"), a step under review
told as done ("is reviewing whether to suspend" -> "has suspended"), a "may" lost where a rewrite merges the
hedged sentence into its neighbour, a unanimous vote told as narrow ("voted 5-0" -> "narrowly voted"), and a
duration in words ("70 minutes" -> "half an hour")."""

from __future__ import annotations

import pytest

from storytrace import compare

SPILL = (
    "The Ministry of Environment on Wednesday fined Tarrow Lithium 4.2 million euros after a tailings pond at its "
    "Corvin mine overflowed into the Sella river. "
    "Ministry inspectors found elevated levels of arsenic along 38 kilometres of the river downstream of the mine. "
    "{claim} "
    "Fishing has been banned on the affected stretch of the river. "
    "The company has been given 30 days to submit a detailed clean-up plan."
)
ALLEGE = "Residents of three villages downstream allege that the company waited two days before reporting the spill."
ACCUSE = "Residents of three villages downstream accuse the company of waiting two days before reporting the spill."
STATED = "The company waited two days before reporting the spill."

TRIAL = (
    "Norrland Pharma said on Monday it had paused a late-stage trial of its experimental heart drug Cardivex after "
    "three patients died of liver failure. "
    "{hedged}"
    "The trial, which began in 2024, has enrolled about 2,800 patients at 190 hospitals in 14 countries. "
    "The European Medicines Agency {review} two smaller trials of the same drug. "
    "Norrland shares fell 18% in Stockholm trading on Monday. "
    "Patient advocacy group Heart Forward called on the company to publish the full safety data."
)
HEDGED = (
    "The company said the drug may have contributed to the deaths, but that an independent safety board had not "
    "yet reached a conclusion. "
)

BOARD = (
    "The Brannock County school board {vote} on Monday to move its 31 schools to a four-day week from the start of "
    "the next school year. "
    "Classes will run from Monday to Thursday, with each school day extended by {duration} to keep total teaching "
    "time the same. "
    "The district said it had 112 unfilled teaching posts and hoped the shorter week would help it recruit. "
    "A survey of 3,400 parents carried out in March found that 58% supported the change."
)


def _found(source: str, derived: str, kind: str) -> list[tuple[str | None, str, str]]:
    return [(f.subtype, f.severity, f.detail) for f in compare(source, derived).findings if f.type == kind]


def _flagged(source: str, derived: str, kind: str) -> list[tuple[str | None, str, str]]:
    return [x for x in _found(source, derived, kind) if x[1] in ("high", "medium")]


# --- an allegation by anyone, told as fact ----------------------------------------------------------------


@pytest.mark.parametrize("claim", [ALLEGE, ACCUSE], ids=["allege_that", "accuse_of"])
def test_residents_allegation_told_as_fact_is_reported(claim: str) -> None:
    found = _found(SPILL.format(claim=claim), SPILL.format(claim=STATED), "hedge_changed")
    assert [(s, v) for s, v, _d in found] == [("allegation_as_fact", "high")]
    # the detail names who makes the claim, not a bare "allege that"
    assert "\u201cResidents of three villages downstream a" in found[0][2]


def test_residents_allegation_turned_into_their_anger_is_reported() -> None:
    derived = SPILL.format(
        claim="The company waited two days before reporting the spill, angering residents of three villages downstream."
    )
    found = _found(SPILL.format(claim=ALLEGE), derived, "hedge_changed")
    assert [(s, v) for s, v, _d in found] == [("allegation_as_fact", "high")]


@pytest.mark.parametrize(
    ("claim", "retold"),
    [
        pytest.param(ALLEGE, ALLEGE.replace("allege that", "alleged that"), id="alleged"),
        pytest.param(ALLEGE, ALLEGE.replace("allege that", "claim"), id="claim"),
        pytest.param(ALLEGE, ALLEGE.replace("allege that", "say"), id="say"),
        pytest.param(ALLEGE, STATED[:-1] + ", residents of three villages downstream said.", id="said_after"),
        pytest.param(ALLEGE, "According to residents downstream, " + STATED[0].lower() + STATED[1:], id="according"),
        pytest.param(ALLEGE, ACCUSE, id="accuse_of"),
        pytest.param(ACCUSE, ALLEGE, id="accuse_to_allege"),
        pytest.param(ACCUSE, ACCUSE.replace("accuse", "have accused"), id="have_accused"),
        pytest.param(ALLEGE, ALLEGE.replace("allege that", "complain that"), id="complain"),
        pytest.param(ALLEGE, ALLEGE.replace("allege that", "suggest that"), id="suggest"),
        pytest.param(ALLEGE, ALLEGE.replace("allege that", "argue"), id="argue"),
    ],
)
def test_allegation_kept_in_other_words_is_quiet(claim: str, retold: str) -> None:
    assert _found(SPILL.format(claim=claim), SPILL.format(claim=retold), "hedge_changed") == []


# --- a step under review told as done ---------------------------------------------------------------------


@pytest.mark.parametrize("review", ["is reviewing whether to suspend", "is considering whether to suspend"])
@pytest.mark.parametrize("done", ["has suspended", "suspended"])
def test_step_under_review_told_as_done_is_reported(review: str, done: str) -> None:
    found = _found(TRIAL.format(hedged="", review=review), TRIAL.format(hedged="", review=done), "hedge_changed")
    assert [(s, v) for s, v, _d in found] == [("certainty_increased", "medium")]
    assert "stated as done" in found[0][2]


@pytest.mark.parametrize(
    ("review", "retold"),
    [
        ("is reviewing whether to suspend", "is considering whether to suspend"),
        ("is reviewing whether to suspend", "is weighing whether to suspend"),
        ("is reviewing whether to suspend", "may suspend"),
        ("is reviewing whether to suspend", "could suspend"),
        ("is reviewing whether to suspend", "will decide whether to suspend"),
        ("is reviewing whether to suspend", "has not suspended"),
        # the "may" restates what the original leaves undecided: not even a low "less certain" finding
        ("is considering suspending", "may suspend"),
        ("is reviewing whether to suspend", "might suspend"),
    ],
)
def test_step_still_open_in_the_suspect_is_quiet(review: str, retold: str) -> None:
    found = _found(TRIAL.format(hedged="", review=review), TRIAL.format(hedged="", review=retold), "hedge_changed")
    assert [x for x in found if x[0] != "negation_flipped"] == []


# --- a "may" lost in a merged sentence ----------------------------------------------------------------------

MERGED = (
    "Norrland Pharma has stopped a late-stage study of Cardivex, its experimental heart medicine, {lead}, the "
    "company said earlier this week. "
    "Around 2,800 patients at 190 hospitals across 14 countries have taken part in the trial, which started in 2024. "
    "The European Medicines Agency is reviewing whether to suspend two smaller trials of the same drug. "
    "Norrland's shares dropped 18% in Stockholm on Monday. "
    "Heart Forward, a patient advocacy group, urged Norrland to release the full safety data."
)
ORIGINAL = TRIAL.format(hedged=HEDGED, review="is reviewing whether to suspend")


def test_hedge_dropped_in_a_merged_sentence_is_reported() -> None:
    derived = MERGED.format(lead="after the drug caused the deaths of three patients from liver failure")
    found = _flagged(ORIGINAL, derived, "hedge_changed")
    assert [(s, v) for s, v, _d in found] == [("certainty_increased", "medium")]
    assert "\u201cmay\u201d dropped" in found[0][2]


@pytest.mark.parametrize(
    "lead",
    [
        "after the drug may have caused the deaths of three patients from liver failure",
        "after three patients died of liver failure",
        "after the drug was blamed for the deaths of three patients from liver failure",
        "after the drug possibly contributed to the deaths of three patients from liver failure",
    ],
    ids=["may_kept", "no_cause", "blamed", "possibly"],
)
def test_merged_sentence_that_keeps_the_doubt_or_drops_the_claim_is_quiet(lead: str) -> None:
    assert _found(ORIGINAL, MERGED.format(lead=lead), "hedge_changed") == []


# --- a vote's margin in words -------------------------------------------------------------------------------


def _board(vote: str, duration: str = "70 minutes") -> str:
    return BOARD.format(vote=vote, duration=duration)


@pytest.mark.parametrize(
    ("vote", "retold", "severity"),
    [
        ("voted 5-0", "narrowly voted", "high"),
        ("voted 5-0", "narrowly approved a plan", "high"),
        ("voted 5-0", "voted by a slim margin", "high"),
        ("voted 7-2", "narrowly voted", "medium"),
        ("voted 5-4", "voted overwhelmingly", "high"),
    ],
)
def test_vote_margin_told_otherwise_is_a_changed_tally(vote: str, retold: str, severity: str) -> None:
    found = _found(_board(vote), _board(retold), "number_changed")
    assert [(s, v) for s, v, _d in found] == [("changed", severity)]
    assert vote.split()[-1] in found[0][2]


@pytest.mark.parametrize(
    ("vote", "retold"),
    [
        ("voted 5-0", "unanimously voted"),
        ("voted 5-0", "voted unanimously"),
        ("voted 5-0", "voted overwhelmingly"),
        ("voted 5-0", "voted"),
        ("voted 5-4", "narrowly voted"),
        ("voted 5-4", "voted by a slim margin"),
        ("voted 6-1", "voted overwhelmingly"),
        ("voted 5-0", "voted 5-0, a close ally of the mayor said,"),
    ],
)
def test_vote_margin_in_agreeing_words_is_quiet(vote: str, retold: str) -> None:
    assert _found(_board(vote), _board(retold), "number_changed") == []


# --- hours in words ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("duration", "retold"),
    [("70 minutes", "half an hour"), ("70 minutes", "an hour and a half"), ("half an hour", "45 minutes")],
)
def test_duration_in_words_changed_is_reported(duration: str, retold: str) -> None:
    found = _found(_board("voted 5-0", duration), _board("voted 5-0", retold), "number_changed")
    assert [s for s, _v, _d in found] == ["changed"]
    assert f"{duration} became {retold}" in found[0][2]


@pytest.mark.parametrize(
    ("duration", "retold"),
    [
        ("70 minutes", "an hour and ten minutes"),
        ("70 minutes", "one hour and 10 minutes"),
        ("30 minutes", "half an hour"),
        ("half an hour", "30 minutes"),
        ("90 minutes", "an hour and a half"),
        ("15 minutes", "a quarter of an hour"),
        ("two hours and 15 minutes", "135 minutes"),
    ],
)
def test_duration_restated_in_words_is_quiet(duration: str, retold: str) -> None:
    assert _found(_board("voted 5-0", duration), _board("voted 5-0", retold), "number_changed") == []


def test_garbled_accuses_of_is_no_allegation() -> None:
    # a summariser's garble (FRANK, PtGen): "accuses" right before "of" names no one accused of anything
    source = "Greenpeace confirmed the names of 14 palm oil suppliers linked to the fires in Indonesia."
    derived = "Singapore and Indonesia have accuses of the names of 14 palm oil suppliers linked to the fires."
    assert [x for x in _found(source, derived, "hedge_changed") if x[0] == "confirmation_weakened"] == []


def test_allegation_noun_detail_names_no_accuser() -> None:
    # "looked into allegations that": the reporter is no accuser, so the detail quotes the allegation words only
    source = SPILL.format(claim="A reporter looked into allegations that the company waited two days before reporting.")
    derived = SPILL.format(claim="The company waited two days before reporting.")
    found = _found(source, derived, "hedge_changed")
    assert [(s, v) for s, v, _d in found] == [("allegation_as_fact", "high")]
    assert "says \u201callegations that\u201d" in found[0][2]
