"""A subhead that opens with "By" and goes on past a dash or a bar is kept (review of ing19); a byline whose
outlet, role or date follows a dash or a bar is still left out."""

from __future__ import annotations

import pytest

from storytrace.article import article_from_html

HEADLINE = "Harbour plan approved"
PARAS = [
    "The city council approved the new harbour plan on Tuesday after a long debate among its members.",
    "The plan will add two new piers and a ferry terminal, the mayor said in a statement after the vote.",
    "Work is due to start in the autumn and last about two years, according to the council's own timetable.",
]


def _text(blocks: list[tuple[str, str]]) -> list[str]:
    body = "".join(f"<{tag}>{p}</{tag}>" for tag, p in blocks)
    page = f"<html><head><title>{HEADLINE}</title></head><body><article><h1>{HEADLINE}</h1>{body}</article></body>"
    return article_from_html(page + "</html>").text.split("\n\n")


def _paras(lines: list[str]) -> list[str]:
    return _text([("p", p) for p in lines])


@pytest.mark.parametrize(
    "line",
    [
        "By Train — The Scenic Route",
        "By Rail — The Cheapest Way To Travel",
        "By The Numbers — Housing",
        "By Land And Sea — A Journey Across Europe",
        "By Any Means Necessary — A Review",
        "By God — He Did It",
        "By Hand | The Craft Revival",
        "By Car — Take The Coast Road",
    ],
)
@pytest.mark.parametrize("tag", ["h2", "p"])
def test_a_subhead_opening_with_by_and_a_dash_is_kept(line: str, tag: str) -> None:
    blocks = [("p", PARAS[0]), (tag, line), ("p", PARAS[1]), ("p", PARAS[2])]
    assert line in _text(blocks)


@pytest.mark.parametrize(
    "byline",
    [
        "By Jane Doe — AP",
        "By Jane Doe | Reuters",
        "BY JANE DOE – THE GUARDIAN",
        "By Jane Doe · Staff Writer",
        "By Jane Doe and John Roe — Associated Press",
        "By Jane Doe — AP — March 5, 2024",
        "By Jane Doe | Updated March 5, 2024",
        "By Jane Doe—AP",
    ],
)
def test_a_byline_with_its_outlet_after_a_dash_is_still_left_out(byline: str) -> None:
    assert _paras([byline, *PARAS]) == PARAS
