"""A word put for its opposite inside a kept sentence reverses the claim as a dropped "not" does ("the driver
died" -> "the driver survived"), and is reported; a faithful paraphrase, an idiom, a sentence whose original
has both words, or the same result told from the other side stays quiet (issue 3: "a negation flipped",
"false alarms cost users more than misses").

The sentences are written for these tests."""

from __future__ import annotations

import re

import pytest

from storytrace import compare

LEAD = "The report was published on Tuesday by the regional newspaper. Local officials said more would follow."
TAIL = "Residents gathered outside the town hall on Wednesday. The mayor's office did not respond to a request."


def _flips(source: str, derived: str) -> list[tuple[str, str | None, str | None]]:
    report = compare(f"{LEAD} {source} {TAIL}", f"{LEAD} {derived} {TAIL}")
    return [(f.severity, f.before, f.after) for f in report.findings if f.subtype == "negation_flipped"]


FLIPPED = [
    (
        "The crash killed the driver, who died at the scene on the motorway near Leeds.",
        "The crash injured the driver, who survived at the scene on the motorway near Leeds.",
        "high",
    ),
    (
        "The driver of the lorry died in the crash on the motorway near Leeds.",
        "The driver of the lorry survived the crash on the motorway near Leeds.",
        "high",
    ),
    (
        "The avalanche killed two climbers on the north face of the mountain on Sunday.",
        "Two climbers survived the avalanche on the north face of the mountain on Sunday.",
        "high",
    ),
    (
        "The former president survived the heart attack on Sunday, his family said.",
        "The former president passed away after the heart attack on Sunday, his family said.",
        "high",
    ),
    (
        "Rescuers found the hiker dead on Sunday after a three-day search.",
        "Rescuers found the hiker alive on Sunday after a three-day search.",
        "high",
    ),
    (
        "Arsenal beat Chelsea in the final at Wembley on Saturday afternoon.",
        "Arsenal lost to Chelsea in the final at Wembley on Saturday afternoon.",
        "high",
    ),
    (
        "The opposition candidate won the mayoral election by a wide margin, officials said.",
        "The opposition candidate lost the mayoral election by a wide margin, officials said.",
        "high",
    ),
    (
        "A jury convicted the former mayor of bribery on Monday after a six-week trial.",
        "A jury acquitted the former mayor of bribery on Monday after a six-week trial.",
        "high",
    ),
    (
        "The Senate approved the spending bill late on Tuesday night.",
        "The Senate blocked the spending bill late on Tuesday night.",
        "high",
    ),
    (
        "The bill passed in the lower house on Wednesday with support from both parties.",
        "The bill failed in the lower house on Wednesday with support from both parties.",
        "high",
    ),
    (
        "Unemployment in the region rose sharply last quarter, according to the statistics office.",
        "Unemployment in the region fell sharply last quarter, according to the statistics office.",
        "medium",
    ),
    (
        "The number of reported burglaries increased in the city last year, the police report said.",
        "The number of reported burglaries decreased in the city last year, the police report said.",
        "medium",
    ),
    (
        "Sales of electric cars were up in the first half of the year, the industry group said.",
        "Sales of electric cars were down in the first half of the year, the industry group said.",
        "medium",
    ),
    (
        "Petrol prices were higher this month than in May, the motoring group said.",
        "Petrol prices were lower this month than in May, the motoring group said.",
        "medium",
    ),
    (
        "The central bank raised interest rates on Thursday to curb inflation.",
        "The central bank cut interest rates on Thursday to curb inflation.",
        "medium",
    ),
    (
        "The economy grew in the third quarter, official figures showed on Friday.",
        "The economy shrank in the third quarter, official figures showed on Friday.",
        "medium",
    ),
    (
        "Police arrested the journalist at the airport on Friday, his lawyer said.",
        "Police released the journalist at the airport on Friday, his lawyer said.",
        "medium",
    ),
    (
        "The council allowed street vendors in the old town from next month.",
        "The council banned street vendors in the old town from next month.",
        "medium",
    ),
    (
        "The museum opened its new wing to the public on Saturday.",
        "The museum closed its new wing to the public on Saturday.",
        "medium",
    ),
    (
        "The government lifted the curfew in the capital on Sunday.",
        "The government imposed the curfew in the capital on Sunday.",
        "medium",
    ),
    (
        "Most voters support the new housing plan, a poll found.",
        "Most voters oppose the new housing plan, a poll found.",
        "medium",
    ),
]


@pytest.mark.parametrize(("source", "derived", "severity"), FLIPPED)
def test_a_word_put_for_its_opposite_is_reported(source: str, derived: str, severity: str) -> None:
    flips = _flips(source, derived)
    assert len(flips) == 1
    got, before, after = flips[0]
    assert got == severity
    # the detail names both words
    assert before and before.lower() in source.lower() and after and after.lower() in derived.lower()


def test_the_reverse_direction_is_reported_too() -> None:
    assert _flips(
        "Shares in the bank fell 5 percent in early trading in London.",
        "Shares in the bank rose 5 percent in early trading in London.",
    ) == [("medium", "fell", "rose")]


QUIET = [
    # faithful synonyms
    (
        "Prices rose sharply in March, the statistics office said.",
        "Prices increased sharply in March, the statistics office said.",
    ),
    ("The central bank lowered interest rates on Thursday.", "The central bank cut interest rates on Thursday."),
    (
        "The hostages were freed on Tuesday after weeks of talks.",
        "The hostages were released on Tuesday after weeks of talks.",
    ),
    (
        "The crash killed the driver on the motorway near Leeds.",
        "The driver died in the crash on the motorway near Leeds.",
    ),
    # the same result told from the other side
    (
        "Arsenal beat Chelsea in the final at Wembley on Saturday.",
        "Chelsea lost to Arsenal in the final at Wembley on Saturday.",
    ),
    # a denial said with the opposite word
    (
        "The former mayor was not convicted of bribery on Monday.",
        "The former mayor was acquitted of bribery on Monday.",
    ),
    (
        "The jury found the former mayor not guilty of bribery on Monday.",
        "The jury acquitted the former mayor of bribery on Monday.",
    ),
    (
        "All passengers survived the crash landing at the airport.",
        "None of the passengers died in the crash landing at the airport.",
    ),
    (
        "The driver died in the crash on the motorway near Leeds.",
        "The driver did not survive the crash on the motorway near Leeds.",
    ),
    (
        "The campaign did not reach its target of one million pounds.",
        "The campaign fell short of its target of one million pounds.",
    ),
    # idioms
    (
        "The new coach wasted no time in changing the team's tactics.",
        "The new coach lost no time in changing the team's tactics.",
    ),
    (
        "The singer became famous in the 1990s with a string of hits.",
        "The singer rose to fame in the 1990s with a string of hits.",
    ),
    ("The singer became ill before the concert in Paris.", "The singer fell ill before the concert in Paris."),
    ("The minister will not attend the summit in Brussels.", "The minister won't attend the summit in Brussels."),
    (
        "A firefighter died while tackling the blaze in the warehouse.",
        "A firefighter lost his life while tackling the blaze in the warehouse.",
    ),
    (
        "He died on Sunday at the age of 91 and is survived by his wife.",
        "He passed away on Sunday aged 91, survived by his wife.",
    ),
    (
        "Gunmen attacked a police station in the north on Friday.",
        "Gunmen opened fire on a police station in the north on Friday.",
    ),
    # both words in the original
    (
        "Shares rose in early trading but fell later in the day after the announcement.",
        "Shares fell later in the day after the announcement, having risen in early trading.",
    ),
    (
        "The bill passed the Senate on Monday but failed in the House on Thursday.",
        "After passing the Senate on Monday, the bill failed in the House on Thursday.",
    ),
    (
        "The measure was opposed by Republicans and supported by Democrats in the state senate.",
        "Democrats in the state senate backed the measure, which Republicans opposed.",
    ),
]


@pytest.mark.parametrize(("source", "derived"), QUIET)
def test_faithful_idiomatic_or_two_sided_stays_quiet(source: str, derived: str) -> None:
    assert _flips(source, derived) == []


def test_a_denial_of_the_same_word_is_still_reported() -> None:
    # "not guilty" for "guilty" and "did not survive" for "survived" keep the "negation added" finding
    assert _flips(
        "The former mayor was found guilty of bribery on Monday after a six-week trial.",
        "The former mayor was found not guilty of bribery on Monday after a six-week trial.",
    )
    assert _flips(
        "The driver survived the crash on the motorway near Leeds on Sunday.",
        "The driver did not survive the crash on the motorway near Leeds on Sunday.",
    )


IDIOMS_BESIDE_THE_OPPOSITE = [
    (
        "The coach won the cup in May and wasted no time in signing new players for the club.",
        "The coach lost no time in signing new players for the club after the cup in May.",
    ),
    (
        "The singer rose to the top of the charts in March before she became ill on tour.",
        "The singer fell ill on tour after rising to the top of the charts in March.",
    ),
    (
        "The construction of the pipeline raised the ire of the Sioux settlements near the sacred land.",
        "The pipeline, which cuts through the sacred land, angered the Sioux settlements near it.",
    ),
    (
        "The minister lost the vote on Monday and will not attend the summit in Brussels.",
        "The minister won't attend the summit in Brussels after losing the vote on Monday.",
    ),
    (
        "The actor died on Sunday at the age of 91 in his home in Paris, his agent said.",
        "The actor, survived by his wife, passed away on Sunday at 91 in his home in Paris, his agent said.",
    ),
]


@pytest.mark.parametrize(("source", "derived"), IDIOMS_BESIDE_THE_OPPOSITE)
def test_an_idiom_is_no_opposite_of_the_originals_word(source: str, derived: str) -> None:
    # the original has the word the idiom's verb would reverse ("won" / "lost no time"): still no flip
    assert _flips(source, derived) == []


def test_every_opposite_word_passes_the_word_check() -> None:
    # the word check before the patterns must let through every word a pattern matches
    from storytrace.facts.cues import _OPPOSITE_WORDS, _OPPOSITES

    texts = [s for case in FLIPPED for s in case[:2]] + [s for case in QUIET for s in case]
    texts += [s for case in IDIOMS_BESIDE_THE_OPPOSITE for s in case]
    seen = 0
    for _, *pair in _OPPOSITES:
        for pattern in pair:
            for text in texts:
                for m in pattern.finditer(text):
                    words = set(re.findall(r"\w+", m.group().lower()))
                    assert words & _OPPOSITE_WORDS, m.group()
                    seen += 1
    assert seen > 40
