"""A first line that opens with "By" is a byline when it names people ("By Jane Doe", "By JANE DOE and JOHN ROE,
Reuters"), not when it is a clause that goes on after a comma with a verb or opens with a time ("By Friday, ...")."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from storytrace.article import article_from_html

PARAS = [
    "The city council approved the new harbour plan on Tuesday after a long debate among its members.",
    "The plan will add two new piers and a ferry terminal, the mayor said in a statement after the vote.",
]


def _page(first: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in [first, *PARAS])
    head = "<html><head><title>Harbour plan</title></head>"
    return f"{head}<body><article><h1>Harbour plan</h1>{body}</article></body></html>"


@pytest.mark.parametrize(
    "line",
    [
        "By Friday, reporters had left the harbour for the southern channel.",
        "By Friday, Reporters Had Left The Harbour.",
        "BY FRIDAY, REPORTERS HAD LEFT THE HARBOUR.",
        "By Friday, Crews Had Cleared The Road",
        "By Nightfall, Rescuers Found Survivors.",
        "By Then, It Was Over.",
        "By Dawn, It Was Over.",
        "By The End Of The Day, The Council Had Voted.",
        "By Contrast, The Old Plan Cost Less.",
        "By 2030, Emissions Will Fall By Half.",
        "By Tuesday, Mayor Jane Smith Was Ready To Sign.",
    ],
)
def test_a_first_line_that_is_a_clause_is_kept(line: str) -> None:
    assert article_from_html(_page(line)).text.split("\n\n") == [line, *PARAS]  # was dropped as a byline


@pytest.mark.parametrize(
    "line",
    [
        "By Jane Doe",
        "By JANE DOE and JOHN ROE, Reuters",
        "By Jane Doe, staff writer",
        "By Jaan Tamm, Baltic Gazette",
        "By The Associated Press",
        "By Will Smith and Rose Tan",
        "By Jane Doe, Said Ahmed, Reuters",
        "By May Jones",
        "By Thenmozhi Rajan, Chennai Herald",
        "By Dawn Foster, Harbour Gazette",
        "By Chance Moore",
    ],
)
def test_a_byline_is_still_left_out(line: str) -> None:
    assert article_from_html(_page(line)).text.split("\n\n") == PARAS


def test_compare_keeps_a_clause_that_opens_the_story(tmp_path: Path, run_cli: Callable[..., Any]) -> None:
    line = "By Friday, Crews Had Cleared The Road To The Harbour."
    page = tmp_path / "page.html"
    page.write_text(_page(line))
    proc = run_cli(["compare", str(page), str(page), "--no-embeddings", "--format", "json"])
    assert proc.returncode == 0, proc.stderr
    assert line in proc.stdout
