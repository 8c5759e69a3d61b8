"""A republication line ("Republished with permission of the Associated Press") says its carrier is a copy of the
outlet it names, nothing about another outlet's text that has the carrier's words without the line (issue 5)."""

from __future__ import annotations

import pytest

from storytrace.article import Article
from storytrace.scan.judge import judge_component

_REUSE = ("derived", "partially_derived")
_STORY = (
    "The council voted on Tuesday to close the old Harlow bridge for repairs after a long debate. "
    "Engineers found cracks in three of the bridge's supports during an inspection last spring. "
    "Repairs are expected to take eight months and to cost about 4 million dollars in all. "
    "Mayor Ellen Carter said the city had no choice but to close the crossing for safety. "
    "Drivers will be sent over the river road until the work on the bridge is finished. "
    "Local shop owners fear that the long detour will keep customers away from the town centre."
)


def _judge(*arts: Article) -> tuple[str, str, str, str]:
    articles = dict(enumerate(arts))
    (j,) = judge_component(articles, [(0, 1, 0.9, 0)])
    assert j.relation in _REUSE
    return articles[j.source].id, articles[j.derived].id, j.direction, j.relation


@pytest.mark.parametrize(
    "foot",
    [
        "Republished with permission of the Associated Press.",
        "This story originally appeared in the Riverside Courier.",
    ],
)
def test_an_original_with_its_own_foot_is_not_the_copy_of_a_copy_that_strips_it(foot: str) -> None:
    original = Article(id="daily", text=_STORY + "\n\n" + foot, outlet="Daily Planet")
    stripped = Article(id="farm", text=_STORY, outlet="Content Farm")
    # listed first, the original stays the source: its line names another outlet than the farm's
    assert _judge(original, stripped)[:2] == ("daily", "farm")
    # listed second, nothing in the texts says who came first: a guess, marked as one
    assert _judge(stripped, original)[2] == "unclear"


@pytest.mark.parametrize(
    ("foot", "outlet", "url"),
    [
        ("Republished with permission of the Associated Press.", "Associated Press", None),
        ("Republished with permission of AP.", "Associated Press", None),
        ("This story originally appeared in the Riverside Courier.", None, "https://www.riversidecourier.com/a/1"),
        ("This story originally appeared in the Riverside Courier.", None, None),  # nothing known of the other
        ("Republished with permission.", "Content Farm", None),  # names no outlet
    ],
)
def test_a_foot_still_makes_its_carrier_the_copy_of_the_outlet_it_names(
    foot: str, outlet: str | None, url: str | None
) -> None:
    carrier = Article(id="carrier", text=_STORY + "\n\n" + foot, outlet="Daily Planet")
    other = Article(id="other", text=_STORY, outlet=outlet, url=url)
    for order in ((carrier, other), (other, carrier)):
        assert _judge(*order)[:2] == ("other", "carrier"), (foot, order[0].id)
