"""Misses found by user QA in session 22: a plan told as done with the company's name still on it, a change
in percent retold as "doubled", an allegation or suspicion told as fact, a split vote told as unanimous, a
quote's reason swapped, and "more than 60" blurred to "dozens". Each has a faithful retelling of the same
sentence that must stay quiet (false alarms cost users more than misses).

The texts are written for these tests, after QA's repros (/tmp/qa22/repros.py)."""

from __future__ import annotations

import pytest

from storytrace import compare


def _found(source: str, derived: str) -> list[tuple[str, str | None, str]]:
    return [(f.type, f.subtype, f.severity) for f in compare(source, derived).findings]


_PLAN = "Acme plans to close its Leeds factory, the company said."


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (_PLAN, "Acme has closed its Leeds factory, the company said."),
        (
            "Chief executive Ingrid Solberg said the company planned to open a new bakery in Gdansk next year.",
            "Chief executive Ingrid Solberg said the company has opened a new bakery in Gdansk.",
        ),
        ("Acme plans to close its Leeds factory.", "Acme closed its Leeds factory, the company said."),
    ],
)
def test_plan_told_as_done_with_a_speech_verb_is_reported(source: str, derived: str) -> None:
    assert ("hedge_changed", "certainty_increased", "medium") in _found(source, derived)


@pytest.mark.parametrize(
    "derived",
    [
        "Acme said it will close its Leeds factory.",
        "Acme is closing its Leeds factory, the company said.",
        "Acme will close its Leeds factory next year, the company said.",
        "The company said Acme intends to close its Leeds factory.",
    ],
)
def test_plan_still_to_come_in_someones_word_stays_quiet(derived: str) -> None:
    assert [f for f in _found(_PLAN, derived) if f[0] == "hedge_changed"] == []


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "Norvik's operating profit rose by 34% in the second quarter.",
            "Norvik's operating profit doubled in the second quarter.",
        ),
        ("Norvik said operating profit rose by 18%.", "Norvik said operating profit doubled."),
        (
            # a headline ("doubles as" would read as "serves as", so the clause after differs)
            "Norvik Foods profit jumps 34% as snack sales surge, shares hit record\n\nNorvik Foods sells crispbread.",
            "Norvik Foods profit doubles, shares soar to record\n\nNorvik Foods sells crispbread.",
        ),
    ],
)
def test_change_in_percent_retold_as_doubled_is_reported(source: str, derived: str) -> None:
    assert ("number_changed", "changed", "high") in _found(source, derived)


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "Norvik's operating profit rose by 98% in the second quarter.",
            "Norvik's operating profit doubled in the second quarter.",
        ),
        (
            "Norvik's operating profit rose by 34% in the second quarter.",
            "In the second quarter, Norvik's operating profit rose 34 percent.",
        ),
        (
            "Norvik's sales rose by 12% while operating profit doubled in the second quarter.",
            "Norvik's operating profit doubled in the second quarter, while sales rose 12%.",
        ),
    ],
)
def test_change_in_percent_said_the_same_stays_quiet(source: str, derived: str) -> None:
    assert [f for f in _found(source, derived) if f[0] == "number_changed"] == []


_ALLEGE = "Police allege that the contractor bribed two building inspectors in Malatya last year."
_SUSPECT = (
    "The Malatya Chamber of Engineers said it suspected that some of the collapsed buildings had been built "
    "without permits."
)


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (_ALLEGE, "The contractor bribed two building inspectors in Malatya last year."),
        (_SUSPECT, "Some of the collapsed buildings had been built without permits."),
    ],
)
def test_allegation_or_suspicion_told_as_fact_is_reported(source: str, derived: str) -> None:
    assert ("hedge_changed", "allegation_as_fact", "high") in _found(source, derived)


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (_ALLEGE, "Police allege the contractor bribed two building inspectors in Malatya last year."),
        (_ALLEGE, "According to police, the contractor bribed two building inspectors in Malatya last year."),
        (
            _SUSPECT,
            "The Malatya Chamber of Engineers said it suspected some of the collapsed buildings had been built "
            "without permits.",
        ),
        (
            _SUSPECT,
            "The Malatya Chamber of Engineers suspects some of the collapsed buildings were built without permits.",
        ),
        (
            "The suspect that police arrested on Monday in Malatya was released on bail.",
            "The man police arrested on Monday in Malatya was released on bail.",
        ),
    ],
)
def test_allegation_kept_in_other_words_stays_quiet(source: str, derived: str) -> None:
    assert [f for f in _found(source, derived) if f[0] == "hedge_changed"] == []
