"""A named person with a title of the body they work for, retold as that body's unnamed official, is
`anonymised` ("Treasury Secretary Janet Yellen said" -> "a Treasury official said": the body's word kept the
person named before, README's own example of the case); the person named by title or surname, the words said
after "said" ("said the government was watching"), and a body named by its acronym ("the WHO") stay quiet.

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare

_BEFORE = "The town council met on Tuesday evening to discuss the budget. Residents packed the hall for the meeting."
_AFTER = "The mayor said the decision would be reviewed next year. The council will meet again in March."


def _attribution(source: str, derived: str) -> list[tuple[str | None, str]]:
    report = compare(f"{_BEFORE} {source} {_AFTER}", f"{_BEFORE} {derived} {_AFTER}")
    return [(f.subtype, f.severity) for f in report.findings if f.type == "attribution_changed"]


_QUOTE = "\u201cWe are watching the banks closely,\u201d said "
_SAID = " said the government was watching the banks closely."


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (_QUOTE + "Treasury Secretary Janet Yellen.", _QUOTE + "a Treasury official."),
        ("Treasury Secretary Janet Yellen" + _SAID, "A Treasury official" + _SAID),
        (
            "Health Minister Wes Streeting said the plan would cut waiting lists.",
            "A health ministry official said the plan would cut waiting lists.",
        ),
    ],
)
def test_a_titled_person_made_the_bodys_unnamed_official_is_anonymised(source: str, derived: str) -> None:
    assert ("anonymised", "high") in _attribution(source, derived)


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (_QUOTE + "Treasury Secretary Janet Yellen.", _QUOTE + "Yellen."),
        (_QUOTE + "Treasury Secretary Janet Yellen.", _QUOTE + "Janet Yellen, the Treasury Secretary."),
        (_QUOTE + "Treasury Secretary Janet Yellen.", _QUOTE + "the Treasury Secretary."),
        # the words said after "said" hold "government", an anonymous-sounding word: no speaker
        ("Treasury Secretary Janet Yellen" + _SAID, "The Treasury Secretary" + _SAID),
        (
            "Health Minister Wes Streeting said the plan would cut waiting lists.",
            "The health minister said the plan would cut waiting lists.",
        ),
        # one body named two ways
        (
            "The World Health Organization said the virus was spreading in 12 countries.",
            "The WHO said the virus was spreading in 12 countries.",
        ),
        # the same source told less precisely, its head noun kept (FRANK summaries labelled consistent)
        (
            "Montgomery County police said the man was arrested on Friday.",
            "Police said the man was arrested on Friday.",
        ),
        # a body's unnamed mention still names the body
        ("The Israeli military said the strike hit a depot.", "The military said the strike hit a depot."),
        # a spokesperson speaks for the body, kept with the same role (a SummEval summary labelled consistent)
        (
            "Pentagon spokesman Mark Wright said the jet flew too close.",
            "A Pentagon spokesman said the jet flew too close.",
        ),
    ],
)
def test_the_same_source_named_another_way_stays_quiet(source: str, derived: str) -> None:
    assert _attribution(source, derived) == []


def test_a_body_made_someone_else_unnamed_is_still_anonymised() -> None:
    assert ("anonymised", "high") in _attribution(
        "Montgomery County police said the man was arrested on Friday.",
        "Officials said the man was arrested on Friday.",
    )


def test_an_acronym_after_a_country_is_no_other_speaker() -> None:
    found = _attribution(
        "The U.S. Environmental Protection Agency said the water was safe to drink.",
        "The EPA said the water was safe to drink.",
    )
    assert ("speaker_changed", "high") not in found


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        # README's own case: a generic word for who speaks kept, the word saying whose they are dropped
        (
            "White House officials said the president would veto the bill.",
            "Officials said the president would veto the bill.",
        ),
        (
            "Health ministry officials said the outbreak was under control.",
            "Officials said the outbreak was under control.",
        ),
        ("Ukrainian officials said the dam had been destroyed.", "Officials said the dam had been destroyed."),
        ("Oxford scientists said the vaccine was safe.", "Scientists said the vaccine was safe."),
        (
            "Pfizer scientists said the vaccine was 90% effective in trials.",
            "Scientists said the vaccine was 90% effective in trials.",
        ),
        (
            "Israeli military sources said the strike targeted a weapons depot.",
            "Sources said the strike targeted a weapons depot.",
        ),
        ("Goldman Sachs analysts said the rally would fade.", "Analysts said the rally would fade."),
    ],
)
def test_a_generic_source_word_kept_without_its_owner_is_anonymised(source: str, derived: str) -> None:
    # the same-head rule is for bodies (police, the ministry), not for officials, scientists or sources
    assert ("anonymised", "high") in _attribution(source, derived)
