"""A byline whose outlet follows a dash or a bar ("By Jane Doe — AP", "By Jane Doe | Reuters") is left out like one
whose outlet follows a comma; a sentence opening with "By" and holding dashes is kept."""

from __future__ import annotations

import time

import pytest

from storytrace.article import _is_junk, article_from_html

PARAS = [
    "The city council approved the new harbour plan on Tuesday after a long debate among its members.",
    "The plan will add two new piers and a ferry terminal, the mayor said in a statement after the vote.",
]


def _text(first: str) -> list[str]:
    body = "".join(f"<p>{p}</p>" for p in [first, *PARAS])
    page = f"<html><head><title>Harbour plan</title></head><body><article><h1>Harbour plan</h1>{body}</article></body>"
    return article_from_html(page + "</html>").text.split("\n\n")


@pytest.mark.parametrize(
    "line",
    [
        "By Jane Doe — AP",
        "By Jane Doe | Reuters",
        "BY JANE DOE – THE GUARDIAN",
        "By Jane Doe—AP",
        "By Jane Doe · Reuters",
        "By Jane Doe and Al Roe — The Associated Press",
        "By Jane Doe, staff writer — Harbour Gazette",
        "By Tuesday Smith — The Times",
    ],
)
def test_a_byline_with_a_dash_or_bar_before_the_outlet_is_left_out(line: str) -> None:
    assert _text(line) == PARAS  # was kept as the story's first line


@pytest.mark.parametrize(
    "line",
    [
        "By Friday, the team — which had trailed all season — had won the league.",
        "By Tuesday — election day — most of the polls had closed early.",
        "By then — officials said — the harbour had been closed for a week.",
        "By Monday | the markets had recovered.",
    ],
)
def test_a_sentence_opening_with_by_and_holding_a_dash_is_kept(line: str) -> None:
    assert _text(line) == [line, *PARAS]


def test_a_hostile_byline_line_is_judged_fast() -> None:
    line = "By " + " — ".join(["Jane-Doe"] * 25) + " —"
    start = time.perf_counter()
    _is_junk(line)
    _is_junk(line[:300])
    assert time.perf_counter() - start < 0.5
