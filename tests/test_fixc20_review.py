"""What the review of cues20 found (rev20c): un- verbs that undo an action, idioms against the plain word,
plans told as done, estimates, resigned/ousted, compass words and question subheads in direction evidence.

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare

_BEFORE = "The town council met on Tuesday evening to discuss the budget. Residents packed the hall for the meeting."
_AFTER = "The mayor said the decision would be reviewed next year. The council will meet again in March."


def _found(source: str, derived: str, subtype: str) -> list[tuple[str, str | None, str | None]]:
    report = compare(f"{_BEFORE} {source} {_AFTER}", f"{_BEFORE} {derived} {_AFTER}")
    return [(f.severity, f.before, f.after) for f in report.findings if f.subtype == subtype]


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "Investigators have not uncovered any evidence of fraud at the charity, police said.",
            "Investigators found evidence of fraud at the charity, police said.",
        ),
        (
            "Investigators found evidence of fraud at the charity, police said.",
            "Investigators have not uncovered any evidence of fraud at the charity, police said.",
        ),
        (
            "The government has not unveiled details of the plan, officials said.",
            "The government has published details of the plan, officials said.",
        ),
        (
            "Police have not unlocked the suspect's phone, officials said.",
            "Police have accessed the suspect's phone, officials said.",
        ),
        (
            "The mayor was a stranger to the town when she arrived.",
            "The mayor was no stranger to the town when she arrived.",
        ),
    ],
)
def test_negation_before_an_undoing_verb_or_an_idiom_against_its_plain_words_is_a_flip(
    source: str, derived: str
) -> None:
    assert _found(source, derived, "negation_flipped")


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "The council gave the families next to nothing in compensation.",
            "The council gave the families nothing in compensation.",
        ),
        (
            "The new bridge is similar to the old one, the engineer said.",
            "The new bridge is not unlike the old one, the engineer said.",
        ),
    ],
)
def test_idiom_against_the_plain_negative_word_is_no_flip(source: str, derived: str) -> None:
    assert _found(source, derived, "negation_flipped") == []


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "He had planned to retire in May, but will now stay on until the autumn.",
            "He will now stay on until the autumn rather than retire in May.",
        ),
        (
            "The company no longer plans to close the Leeds factory, a spokesman confirmed.",
            "The Leeds factory will not close after all.",
        ),
        ("The company does not plan to close the Leeds factory.", "The company will not close the Leeds factory."),
        ("The company never intended to close the Leeds factory.", "The company did not close the Leeds factory."),
        (
            "The scheme is intended to cut hospital waiting lists.",
            "The scheme is designed to cut hospital waiting lists.",
        ),
        (
            "The committee considered housing applications on Tuesday.",
            "The committee reviewed housing applications on Tuesday.",
        ),
        ("Considering falling sales, the firm cut 200 jobs.", "With sales falling, the firm cut 200 jobs."),
        (
            "The union will ballot members on strike action next month.",
            "Members will decide on strike action next month.",
        ),
        (
            "Workers voted on whether to strike, and 80 percent backed action.",
            "Workers backed strike action by 80 percent.",
        ),
        (
            "Rebels threatened to attack the capital, and on Sunday they attacked the airport.",
            "Rebels attacked the airport on Sunday.",
        ),
        (
            "The minister plans to visit Kyiv next week, his office said.",
            "The minister is to visit Kyiv next week, according to his office.",
        ),
        (
            "The firm had threatened to sue the council but settled out of court.",
            "The firm settled out of court rather than sue the council.",
        ),
    ],
)
def test_plan_not_told_as_done(source: str, derived: str) -> None:
    assert _found(source, derived, "certainty_increased") == []


def test_plan_told_as_done_is_reported_and_a_time_to_come_is_low() -> None:
    assert _found(
        "The company is planning to close its Leeds factory next year.",
        "The company is closing its Leeds factory next year.",
        "certainty_increased",
    ) == [("low", "planning to", "closing")]
    assert _found("The firm intends to hire 50 staff.", "The firm hired 50 staff.", "certainty_increased") == [
        ("medium", "intends to", "hired")
    ]
    found = _found(
        "The company plans to close its Leeds factory next year.",
        "The company's Leeds factory closes next year.",
        "certainty_increased",
    )
    assert found == [("low", "plans to", "closes")]
    assert _found(
        "The government is considering raising the tax on fuel.",
        "The government raised the tax on fuel.",
        "certainty_increased",
    ) == [("medium", "is considering", "raised")]


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "The council talked about 3 options for the site on Tuesday.",
            "The council discussed 3 options for the site on Tuesday.",
        ),
        ("The village is about 40 miles from the city centre.", "The village is 40 miles from the city centre."),
        ("The fish weighed about 12 kilograms.", "The fish weighed 12 kilograms."),
        ("The suspect, aged about 30, fled on foot.", "The suspect, aged 30, fled on foot."),
        (
            "An estimated 300 people attended the rally in the town square on Saturday.",
            "Circa 300 people attended the rally in the town square on Saturday.",
        ),
        (
            "An estimated 300 people attended the rally in the town square on Saturday.",
            "Upwards of 300 people attended the rally in the town square on Saturday.",
        ),
    ],
)
def test_estimate_kept_or_no_estimate(source: str, derived: str) -> None:
    assert _found(source, derived, "certainty_increased") == []


def test_estimate_stated_as_count_still_reported() -> None:
    assert _found(
        "The storm left an estimated 300,000 homes without power on Monday.",
        "The storm left 300,000 homes without power on Monday.",
        "certainty_increased",
    )


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "The chief executive resigned under pressure from shareholders on Monday.",
            "The chief executive was ousted by shareholders on Monday.",
        ),
        (
            "The chief executive resigned under pressure from shareholders on Monday.",
            "The chief executive was forced out by shareholders on Monday.",
        ),
        (
            "The chief executive resigned on Monday after being told to go by the board.",
            "The chief executive was forced out by the board on Monday.",
        ),
    ],
)
def test_resigned_under_pressure_is_no_reversal(source: str, derived: str) -> None:
    assert _found(source, derived, "negation_flipped") == []


def test_stood_down_is_resigning() -> None:
    assert _found(
        "The chief executive was removed from his post on Monday.",
        "The chief executive stood down on Monday.",
        "negation_flipped",
    )


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "North Korea fired a missile into the sea on Monday.",
            "Pyongyang fired a missile toward South Korea on Monday.",
        ),
        ("Troops moved east on Monday as rebels withdrew.", "Rebels withdrew west on Monday as troops advanced."),
    ],
)
def test_compass_word_of_another_place_is_quiet(source: str, derived: str) -> None:
    assert _found(source, derived, "place") == []


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        ("Flooding hit North Carolina on Monday.", "Flooding hit South Carolina on Monday."),
        ("North Carolina was hit by flooding on Monday.", "South Carolina was hit by flooding on Monday."),
        ("Flooding hit the northern suburbs on Monday.", "Flooding hit the southern suburbs on Monday."),
    ],
)
def test_compass_word_changed_is_reported(source: str, derived: str) -> None:
    assert _found(source, derived, "place")


_EXPLAINER = """Council approves new bridge

The council approved the new river bridge on Tuesday after a two-hour debate. The bridge will cost the town
a large sum and take two years to build. Work starts in the spring, the mayor said.

What happens next?

Contractors will be invited to bid for the work over the summer. The old bridge will stay open until the new
one is finished.

Why does it matter?

The old bridge has been closed to lorries since the floods. Shops on the east bank say trade has fallen sharply.

Is the money there?

The council says the cost is covered by reserves and a government grant."""
_CONDENSED = (
    "The council approved the new river bridge on Tuesday after a two-hour debate. The bridge will cost the town "
    "a large sum and take two years to build, with work starting in the spring, the mayor said. Contractors will "
    "be invited to bid over the summer, and the old bridge will stay open until the new one is finished. The old "
    "bridge has been closed to lorries since the floods, and shops on the east bank say trade has fallen sharply. "
    "The council says the cost is covered by reserves and a government grant."
)


def test_question_subheads_dropped_are_no_comment_dropped() -> None:
    derived = _CONDENSED.replace("a large sum", "$4 million over 2 years").replace(
        "since the floods", "since the floods of 2021"
    )
    verdict = compare(_EXPLAINER, derived).audit.verdict
    assert not any("editorial comment" in e and "original: 3" in e for e in verdict.evidence)
    assert verdict.direction != "reversed"
