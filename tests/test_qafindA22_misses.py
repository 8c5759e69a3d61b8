"""Misses found by user QA in session 22: a plan told as done with the company's name still on it, a change
in percent retold as "doubled", an allegation or suspicion told as fact, a split vote told as unanimous, a
quote's reason swapped ("more than 60" blurred to "dozens" was dropped in fixa22: it fired on the
original's own vague word; "suspected that" too). Each has a faithful retelling of the same
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


def test_allegation_told_as_fact_is_reported() -> None:
    found = _found(_ALLEGE, "The contractor bribed two building inspectors in Malatya last year.")
    assert ("hedge_changed", "allegation_as_fact", "high") in found


def test_suspicion_told_as_fact_is_no_longer_reported() -> None:
    # dropped in fixa22: "suspected that" is mostly plain belief ("astronomers suspected that ..."); QA22's
    # R3b miss is back
    found = _found(_SUSPECT, "Some of the collapsed buildings had been built without permits.")
    assert [f for f in found if f[0] == "hedge_changed"] == []


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


_PANEL = "The three-judge panel voted 2-1 to uphold a lower court's finding that Valmora failed to maintain a dam."


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            _PANEL,
            "The three-judge panel unanimously upheld a lower court's finding that Valmora failed to maintain a dam.",
        ),
        ("The Senate approved the bill 52-48 on Tuesday.", "The Senate unanimously approved the bill on Tuesday."),
    ],
)
def test_split_vote_told_as_unanimous_is_reported(source: str, derived: str) -> None:
    assert ("number_changed", "changed", "high") in _found(source, derived)


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            _PANEL,
            "The three-judge panel upheld, by a 2-1 vote, a lower court's finding that Valmora failed to maintain "
            "a dam.",
        ),
        (
            _PANEL,
            "A divided three-judge panel upheld a lower court's finding that Valmora failed to maintain a dam.",
        ),
        (
            "The committee voted 9-0 to approve the plan on Tuesday.",
            "The committee unanimously approved the plan on Tuesday.",
        ),
    ],
)
def test_vote_said_the_same_stays_quiet(source: str, derived: str) -> None:
    assert [f for f in _found(source, derived) if f[0] == "number_changed"] == []


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "The quake was followed by dozens of aftershocks, AFAD said.",
            "The quake was followed by dozens of aftershocks, according to AFAD.",
        ),
        (
            "The quake was followed by more than 60 aftershocks, AFAD said.",
            "AFAD said dozens of aftershocks, more than 60 in all, followed the quake.",
        ),
        (
            "Thousands of people marched through the city on Saturday.",
            "Thousands marched through the city on Saturday.",
        ),
        # found in FRANK summaries: a ceiling is no figure lost, and another thing counted is no blur of it
        (
            "Fewer than 200,000 apprenticeships in England were rated poor, a report has found.",
            "Thousands of apprenticeships in England were rated poor, a report has found.",
        ),
        (
            "Campaigners in Derry want to save 40,000 trees from the new road, the council said.",
            "Thousands of people in Derry want to save the trees from the new road, the council said.",
        ),
    ],
)
def test_order_of_magnitude_kept_or_figure_kept_stays_quiet(source: str, derived: str) -> None:
    assert [f for f in _found(source, derived) if f[0] == "number_changed"] == []


_RAMOS = (
    "\u201cI chose Benfica because they give young players a chance,\u201d Ramos told the club's television channel."
)


def test_quote_with_same_speaker_and_opening_rewritten_is_altered_not_invented() -> None:
    found = _found(_RAMOS, "\u201cI chose Benfica because they are the biggest club in Europe,\u201d Ramos said.")
    assert ("quote_altered", "words_changed", "high") in found
    assert not [f for f in found if f[0] == "quote_fabricated"]


@pytest.mark.parametrize(
    "derived",
    [
        "\u201cI chose Benfica because they give young players a chance,\u201d Ramos said.",
        "Ramos said he chose Benfica because the club gives young players a chance.",
    ],
)
def test_quote_kept_or_reported_in_own_words_stays_quiet(derived: str) -> None:
    assert [f for f in _found(_RAMOS, derived) if f[0].startswith("quote")] == []


def test_same_opening_from_another_speaker_is_still_invented() -> None:
    found = _found(_RAMOS, "\u201cI chose Benfica because they are the biggest club in Europe,\u201d the coach said.")
    assert ("quote_fabricated", "invented", "high") in found
