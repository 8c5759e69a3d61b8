"""Session 23 follow-up (rev23i 3): only a whole "By ..." phrase names no one ("By Royal Appointment", "By Air Mail");
a byline whose first name or outlet word is such a word ("By River Jones", "By Royal Brantley", "By Mail Foreign
Service", "By Road & Track Staff") is a byline on a page; in a plain text and right under a headline those the tests
below name (not "By Road & Track Staff": byline_or_stamp reads no "&" between name words, rev24i 11)."""

from __future__ import annotations

import pytest

from storytrace.article import article_from_html
from storytrace.text import byline_or_stamp
from test_ing23_by_phrases import LEAD, NOT_BYLINES
from test_ing23_byline_under_headline import HEADLINE, MORE, _sentences
from test_ing23_byline_under_headline import LEAD as STORY_LEAD

BYLINES = [
    "By River Jones, Portland Tribune",
    "By Royal Brantley",
    "By Mail Foreign Service",
    "By Heart Evangelista, Manila Bulletin",
    "By Road & Track Staff",
    "By Land Line Staff",
]


@pytest.mark.parametrize("line", BYLINES)
def test_a_byline_whose_first_word_opens_a_phrase_is_dropped_from_a_page(line: str) -> None:
    assert article_from_html(f"<article><p>{line}</p><p>{LEAD}</p></article>").text == LEAD


@pytest.mark.parametrize("line", ["By River Jones, Portland Tribune", "By Royal Brantley", "By Mail Foreign Service"])
def test_a_byline_whose_first_word_opens_a_phrase_is_a_byline_line(line: str) -> None:
    assert byline_or_stamp(line)


@pytest.mark.parametrize("line", ["By River Jones, Portland Tribune", "By Royal Brantley, Associated Press"])
@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_such_a_byline_under_the_headline_is_its_own_boilerplate_line(line: str, gap: str) -> None:
    sentences = _sentences(f"{HEADLINE}{gap}{line}\n\n{STORY_LEAD}\n\n{MORE}")
    assert sentences[:2] == [(HEADLINE, False), (line, True)]


@pytest.mark.parametrize("line", NOT_BYLINES)
def test_whole_phrases_still_name_no_one(line: str) -> None:
    assert not byline_or_stamp(line)
