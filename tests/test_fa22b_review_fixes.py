"""Second review of fa22 (rev22f2): real changes the narrowed rules still made quiet, narrowed again, each with
the review's repro (/tmp/rev22f2) and the false alarm the rule was written for:

- a seat speaks for its holder only when the holder heads the speaker phrase ("U.S. President Joe Biden", or
  his spokesperson), not "Critics of Russian President Vladimir Putin" nor "U.S. President-elect Donald Trump";
- a verdict's "not" is no flip only against a charge step ("was indicted") or the same answer ("acquitted",
  "cleared"), never against an admission or a blame ("admitted fraud", "blamed the pilot");
- "no larger ... ever" retells a superlative only when that is a record ("the largest ever") and the other side
  does not say the comparative itself ("expected to grow stronger" -> "grow no stronger");
- "half of the 600" told as a count within a twentieth of 300 ("some 330" is a change);
- "all but two" told from the other end also after a speech verb ("Officials said two districts had not"), and
  only of the same things ("two rescuers" are no "two of the 37 villages")."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.facts.cues import _seat_speaks_for
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)
FLIP = ("hedge_changed", "negation_flipped", "high")


def _found(source: str, derived: str) -> list[tuple[str, str | None, str]]:
    report = compare(source, derived, settings=LEXICAL)
    return [(f.type, f.subtype or "", f.severity) for f in report.findings]


GRAIN = (
    "Talks on grain exports\n\n{} said on Monday that the country would not accept any deal that left its ports "
    "under blockade. The talks will resume next week in Istanbul. Grain prices fell 3% after the announcement."
)


@pytest.mark.parametrize(
    ("speaker", "seat"),
    [
        ("Critics of Russian President Vladimir Putin", "The Kremlin"),
        ("Opponents of French President Emmanuel Macron", "The Elysee"),
        ("U.S. President-elect Donald Trump", "The White House"),
    ],
)
def test_a_speaker_the_holder_does_not_head_is_a_high_speaker_change(speaker: str, seat: str) -> None:
    found = _found(GRAIN.format(speaker), GRAIN.format(seat))
    assert ("attribution_changed", "speaker_changed", "high") in found


@pytest.mark.parametrize(
    "speaker",
    ["A lawyer for U.S. President Donald Trump", "U.S. President Joe Biden's son Hunter Biden"],
)
def test_someone_tied_to_the_holder_is_never_the_seat_speaking(speaker: str) -> None:
    found = _found(GRAIN.format(speaker), GRAIN.format("The White House"))
    assert ("attribution_changed", "speaker_changed", "low") not in found
    assert [f for f in found if f[2] in ("high", "medium")]


@pytest.mark.parametrize(
    ("speaker", "seat"),
    [
        ("U.S. President Joe Biden", "The White House"),
        ("Britain's Prime Minister Keir Starmer", "Downing Street"),
    ],
)
def test_the_holder_retold_as_the_seat_is_low(speaker: str, seat: str) -> None:
    found = [f for f in _found(GRAIN.format(speaker), GRAIN.format(seat)) if f[0] == "attribution_changed"]
    assert found == [("attribution_changed", "speaker_changed", "low")]


@pytest.mark.parametrize(
    ("seat", "speaker", "speaks_for"),
    [
        ("The Kremlin", "Russian President Vladimir Putin's spokesman Dmitry Peskov", True),
        ("The White House", "U.S. President Joe Biden's press secretary", True),
        ("The White House", "U.S. President Joe Biden's son Hunter Biden", False),
        ("The Kremlin", "Russian President Vladimir Putin and his aides", False),
        ("The White House", "U.S. President-elect Donald Trump", False),
        ("The Kremlin", "Critics of Russian President Vladimir Putin", False),
    ],
)
def test_the_seat_speaks_for_the_holder_heading_the_phrase_or_their_spokesperson(
    seat: str, speaker: str, speaks_for: bool
) -> None:
    # the rule itself: compare() meets a spokesperson's words retold as the seat's by its spokesperson rules first
    assert _seat_speaks_for(seat, speaker) is speaks_for


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "The case was heard in Manhattan on Tuesday. Smith admitted fraud at a hearing on Tuesday, his lawyer "
            "said.",
            "The case was heard in Manhattan on Tuesday. Smith pleaded not guilty to fraud at a hearing on Tuesday, "
            "his lawyer said.",
        ),
        (
            "Investigators blamed the pilot for the crash, the report said.",
            "The pilot was found not responsible for the crash, the report said.",
        ),
        (
            "The court held the hospital at fault for the death of the patient.",
            "The hospital was ruled not culpable for the death of the patient.",
        ),
        (
            "Smith confessed to the killing, police said on Tuesday.",
            "Smith pleaded not guilty to the killing, police said on Tuesday.",
        ),
        (
            "Smith pleaded guilty to fraud at a hearing in Manhattan on Tuesday.",
            "Smith pleaded not guilty to fraud at a hearing in Manhattan on Tuesday.",
        ),
    ],
)
def test_a_verdict_not_against_an_admission_or_a_blame_is_a_flip(source: str, derived: str) -> None:
    assert FLIP in _found(source, derived)


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "Smith was acquitted of murder by a jury in Leeds on Friday.",
            "Smith was found not guilty of murder by a jury in Leeds on Friday.",
        ),
        (
            "The company was cleared of negligence by the High Court on Monday.",
            "The company was found not liable for negligence by the High Court on Monday.",
        ),
        (
            "Smith was charged with fraud at a hearing in Manhattan on Tuesday.",
            "Smith pleaded not guilty to fraud at a hearing in Manhattan on Tuesday.",
        ),
    ],
)
def test_a_verdict_not_against_the_same_answer_or_a_charge_is_no_flip(source: str, derived: str) -> None:
    assert FLIP not in _found(source, derived)


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "The storm, the strongest of the season, is expected to grow stronger before landfall, forecasters said.",
            "The storm, the strongest of the season, is expected to grow no stronger before landfall, forecasters "
            "said.",
        ),
        (
            "With rates at their highest since 2001, the Fed signalled they could go higher this year.",
            "With rates at their highest since 2001, the Fed signalled they could go no higher this year.",
        ),
    ],
)
def test_a_comparative_the_other_side_states_denied_is_a_flip(source: str, derived: str) -> None:
    assert FLIP in _found(source, derived)


JOBS = "{} workers at the plant were laid off on Friday. The company blamed falling orders from carmakers."


@pytest.mark.parametrize(("part", "count"), [("Half of the 600", "Some 330"), ("Half of the 600", "About 270")])
def test_half_told_as_a_count_off_by_a_tenth_is_changed(part: str, count: str) -> None:
    found = _found(JOBS.format(part), JOBS.format(count))
    assert [f for f in found if f[0] == "number_changed" and f[2] in ("high", "medium")]


@pytest.mark.parametrize(
    ("part", "count"),
    [("Half of the 600", "Some 300"), ("Half of the 600", "About 310"), ("A third of the 900", "Some 330")],
)
def test_a_share_told_as_its_count_within_its_slack_is_no_change(part: str, count: str) -> None:
    found = _found(JOBS.format(part), JOBS.format(count))
    assert not [f for f in found if f[0] == "number_changed" and f[2] in ("high", "medium")]


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "Officials said all but two of the 37 districts had reported results by midnight.",
            "Officials said two districts had not reported results by midnight.",
        ),
        (
            "The commission said that all but two of the 37 districts had reported results.",
            "The commission said that two districts had not reported results.",
        ),
    ],
)
def test_all_but_told_from_the_other_end_after_a_speech_verb_is_no_flip(source: str, derived: str) -> None:
    assert FLIP not in _found(source, derived)


def test_all_but_told_of_other_things_is_a_flip() -> None:
    found = _found(
        "Rescuers had reached all but two of the 37 villages cut off by the floods.",
        "Two rescuers had not reached the villages cut off by the floods.",
    )
    assert FLIP in found


FINE = "Regulators fined the bank 284 million pounds on Tuesday. {} The bank said it would not appeal."


def test_a_record_told_as_no_bigger_ever_further_on_in_the_clause_is_no_flip() -> None:
    found = _found(
        FINE.format("It was the biggest fine ever imposed on a British bank."),
        FINE.format("No British bank has ever been hit with a bigger fine."),
    )
    assert FLIP not in found


def test_no_with_another_comparative_is_still_a_flip() -> None:
    found = _found(
        FINE.format("It was the biggest fine ever imposed on a British bank."),
        FINE.format("No British bank has ever been hit with a smaller fine."),
    )
    assert FLIP in found
