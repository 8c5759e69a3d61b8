"""A bare "61m" is 61 million unless a height or a distance says metres; a share in words ("two in five",
"one in three", "nine out of 10") is the percentage it is (user QA, session 19)."""

from __future__ import annotations

import pytest

from storytrace.align import align
from storytrace.article import Article
from storytrace.facts.numbers import extract_quantities, number_findings
from storytrace.finding import Finding
from storytrace.text import analyse


def check(source: str, derived: str) -> list[Finding]:
    alignment = align(analyse(Article(source)), analyse(Article(derived)), embed=None)
    return number_findings(alignment)


def only(text: str) -> tuple[str, float, str, str | None]:
    (q,) = extract_quantities(text)
    return q.text, q.value, q.kind, q.unit


AIRLINE = "The airline carried {} last year, down from {} in 2019, the company said on Tuesday."


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("The airline carried 61m last year.", ("61m", 61e6, "count", None)),
        ("It reported a loss of 61m.", ("61m", 61e6, "count", None)),
        ("The tower is 61m tall.", ("61m", 61.0, "measure", "m")),
        ("The divers reached a depth of 30m.", ("30m", 30.0, "measure", "m")),
        ("She won the 100m final.", ("100m", 100.0, "measure", "m")),
        ("They built a 5m-high wall.", ("5m", 5.0, "measure", "m")),
    ],
)
def test_bare_m_is_millions_unless_a_size_says_metres(text: str, read: tuple[str, float, str, str | None]) -> None:
    assert only(text) == read


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (AIRLINE.format("52 million passengers", "61 million"), AIRLINE.format("52m passengers", "61m")),
        ("The club reported a loss of 61 million last year.", "The club reported a loss of 61m last year."),
        # the other reading stays: "a 5m wall" may be five metres, as the original says
        ("The council built a five-metre wall along the river.", "The council built a 5m wall along the river."),
    ],
)
def test_millions_written_m_are_the_same_figure(source: str, derived: str) -> None:
    assert check(source, derived) == []


def test_a_changed_figure_written_m_is_still_a_change() -> None:
    (f,) = check("The club reported a loss of 61 million last year.", "The club reported a loss of 16m last year.")
    assert (f.subtype, f.before, f.after) == ("changed", "61 million", "16m")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Two in five routes there will be affected.", 40.0),
        ("One in three voters backed the plan.", 100 / 3),
        ("Three out of four people said so.", 75.0),
        ("Nine in 10 doctors agree.", 90.0),
        ("Nearly one in every five homes was damaged.", 20.0),
    ],
)
def test_a_share_in_words_is_a_percentage(text: str, value: float) -> None:
    (q,) = extract_quantities(text)
    assert (q.kind, q.unit) == ("percent", "%") and q.value == pytest.approx(value)


@pytest.mark.parametrize(
    "text", ["He scored two in five minutes.", "They won 3 in 4 games.", "It killed 12 in three attacks."]
)
def test_a_count_in_a_span_of_time_or_games_is_no_share(text: str) -> None:
    assert all(q.kind != "percent" for q in extract_quantities(text))


ROUTES = "Riders in the northern suburbs will be hit hardest, with {} routes there affected, the authority said."


@pytest.mark.parametrize(
    ("source", "derived"),
    [("40% of", "two in five"), ("33% of", "one in three"), ("75% of", "three out of four"), ("10% of", "one in 10")],
)
def test_a_share_in_words_restates_its_percentage(source: str, derived: str) -> None:
    assert check(ROUTES.format(source), ROUTES.format(derived)) == []


def test_a_share_in_words_that_is_another_percentage_is_a_change() -> None:
    (f,) = check(ROUTES.format("25% of"), ROUTES.format("one in three"))
    assert (f.subtype, f.before, f.after) == ("changed", "25%", "one in three")
    (f,) = check(ROUTES.format("two in five"), ROUTES.format("60% of"))
    assert (f.subtype, f.before, f.after) == ("changed", "two in five", "60%")
