"""A byline whose first word is also a time or adverb ("Evening", "Sunday", "Tuesday", "Law", "Most") is still left
out when a name's few capitalised words follow it; a clause opening with such a word is still kept."""

from __future__ import annotations

import pytest

from storytrace.article import article_from_html

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
        "By Evening Standard Reporter",
        "By Sunday Times Reporters",
        "By Tuesday Smith, The Times",
        "By Law Kwan-yee, South China Morning Post",
        "By Most Popular",
        "By Tuesday Smith and Jane Doe, Reuters",
    ],
)
def test_a_byline_opening_with_a_time_word_is_left_out(line: str) -> None:
    assert _text(line) == PARAS  # was kept as the story's first line


@pytest.mark.parametrize(
    "line",
    [
        "By Monday, officials said the harbour would reopen.",
        "By Dawn, It Was Over",
        "By Friday, Reporters Had Left",
        "By nightfall rescuers had found survivors near the harbour.",
        "BY NIGHTFALL RESCUERS FOUND SURVIVORS NEAR THE HARBOUR",
        "By Then It Was Over",
        "By Tuesday, Mayor Jane Smith Was Ready To Sign.",
    ],
)
def test_a_clause_opening_with_a_time_word_is_kept(line: str) -> None:
    assert _text(line) == [line, *PARAS]
