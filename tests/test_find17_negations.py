"""Negations said another way stay quiet, and an act the original says was held back from, reported done, is
reported (issue 3: "false alarms cost users more than misses", yet a reversed claim is the worst miss).

The texts are written for these tests after sentences seen in SheepDog's LLM rewrites."""

from __future__ import annotations

from storytrace import compare


def _flips(source: str, derived: str) -> list[str]:
    return [f.detail for f in compare(source, derived).findings if f.subtype == "negation_flipped"]


def _hedges(source: str, derived: str) -> list[str]:
    return [f.subtype or "" for f in compare(source, derived).findings if f.type == "hedge_changed"]


LAWYER = (
    "His lawyer said that if called to testify, the director would be willing to appear without a subpoena, "
    "and would not invoke his right to remain silent."
)


def test_without_doing_it_is_not_doing_it() -> None:
    # the original has its own "without" elsewhere, so that word alone cannot carry the negation
    derived = (
        "His lawyer stated that if called to testify, the director would be willing to appear "
        "without invoking his right to remain silent."
    )
    assert _flips(LAWYER, derived) == []


def test_a_negation_added_before_another_verb_is_still_reported() -> None:
    derived = (
        "His lawyer said that if called to testify, the director would be willing to appear without a subpoena, "
        "and would invoke his right to remain silent."
    )
    assert _flips(LAWYER, derived)


def test_not_just_about_keeps_the_denial() -> None:
    source = (
        "The union leader said the strike isn't about money, it is about the safety of the drivers on night shifts."
    )
    derived = (
        "The union leader said the strike is not just about money, but rather about the safety of the drivers "
        "on night shifts."
    )
    assert _flips(source, derived) == []


def test_stopped_short_of_doing_it_retold_as_done_is_reported() -> None:
    source = "The minister stopped short of calling the payments a scandal in her speech to parliament on Tuesday."
    derived = "The minister called the payments a scandal in her speech to parliament on Tuesday."
    flips = _flips(source, derived)
    assert len(flips) == 1
    assert "stopped short of calling" in flips[0]


def test_stopped_short_of_doing_it_retold_as_not_done_is_quiet() -> None:
    source = "The minister stopped short of calling the payments a scandal in her speech to parliament on Tuesday."
    for derived in (
        "The minister did not call the payments a scandal in her speech to parliament on Tuesday.",
        "The minister refrained from calling the payments a scandal in her speech to parliament on Tuesday.",
    ):
        assert _flips(source, derived) == [], derived


def test_declined_to_name_retold_as_named_is_reported_but_something_else_named_is_not() -> None:
    source = "Police declined to name the suspect, who was arrested at his home in Leeds on Friday."
    assert _flips(source, "Police named the suspect, who was arrested at his home in Leeds on Friday.")
    assert _flips(source, "Police did not name the suspect, who was arrested at his home in Leeds on Friday.") == []


VACCINE = "Officials said the new vaccine may cause serious side effects in some elderly patients."


def test_a_question_about_something_else_does_not_keep_the_hedge() -> None:
    # the question shares "side effects" with the hedged claim, but asks what to do, not whether it is so
    derived = (
        "Officials said the new vaccine causes serious side effects in some elderly patients, so what should "
        "families do about side effects?"
    )
    assert "certainty_increased" in _hedges(VACCINE, derived)


def test_a_question_that_asks_the_claim_keeps_the_hedge() -> None:
    derived = "Officials asked: could the new vaccine cause serious side effects in some elderly patients?"
    assert "certainty_increased" not in _hedges(VACCINE, derived)
