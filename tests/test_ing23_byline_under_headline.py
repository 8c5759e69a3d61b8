"""Session 23 (qa23a R4): in a plain text, a byline right under the headline whose outlet is no kind the byline
patterns know ("By Priya Nandakumar, Norcross Ledger", "By TrendWire AI Desk, TrendWire AI") was glued to the
headline: the suspect's headline became a two-line "sentence", an added claim, and the headline check was lost.
Right under the headline, "By", names, a comma and a few capitalised words are a byline; anywhere else such a line
may be a title-case subhead, compared as the story's."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.article import article_from_text
from storytrace.text import analyse, outline_of

HEADLINE = "Bridge to close for 11 weeks"
LEAD = (
    "The Kessler Bridge will close to trains for 11 weeks from May 5, Northline Rail said on Tuesday. Freight trains "
    "will be diverted through Ashby Junction, a detour of about 40 miles."
)
MORE = "Replacement buses will run every 10 minutes between Halden and Norcross stations during the closure."
UNKNOWN_OUTLETS = [
    "By Priya Nandakumar, Norcross Ledger",
    "By Editorial Team, Daily Business Digest",
    "By TrendWire AI Desk, TrendWire AI",
    "By Jane Doe and Sam Kerr, Voice of the Valley",
]


def _sentences(text: str) -> list[tuple[str, bool]]:
    doc = analyse(article_from_text(text))
    return [(doc.sentence_text(s.index), s.boilerplate) for s in doc.sentences]


@pytest.mark.parametrize("byline", UNKNOWN_OUTLETS)
@pytest.mark.parametrize("gap", ["\n", "\n\n", "\r\n"])
def test_a_byline_under_the_headline_is_boilerplate(byline: str, gap: str) -> None:
    text = f"{HEADLINE}{gap}{byline}\n\n{LEAD}\n\n{MORE}"
    sentences = _sentences(text)
    assert sentences[:2] == [(HEADLINE, False), (byline, True)]
    assert all(not boilerplate for _, boilerplate in sentences[2:])
    # the scan's outline marks the same sentences
    assert [bp for *_, bp in outline_of(article_from_text(text).text)] == [bp for _, bp in sentences]


def test_a_byline_under_the_headline_above_a_stamp() -> None:
    text = f"{HEADLINE}\nBy Priya Nandakumar, Norcross Ledger\nPublished 9 April 2025 07:00 GMT\n\n{LEAD}"
    assert _sentences(text)[:3] == [
        (HEADLINE, False),
        ("By Priya Nandakumar, Norcross Ledger", True),
        ("Published 9 April 2025 07:00 GMT", True),
    ]


def test_the_copy_with_an_unknown_outlet_adds_no_claim() -> None:
    original = f"{HEADLINE}\nBy Tomas Reyna, Meridian Press\n\n{LEAD}\n\n{MORE}"
    for byline in UNKNOWN_OUTLETS:
        copy = original.replace("By Tomas Reyna, Meridian Press", byline)
        report = compare(original, copy)
        assert [f for f in report.findings if f.severity != "info"] == [], byline
        derived = report.to_dict()["derived"]
        assert not [
            s for s in derived["sentences"] if byline in derived["text"][s["start"] : s["end"]] and not s["boilerplate"]
        ]


@pytest.mark.parametrize(
    "line",
    [
        "By Midnight Sunday, Polls Closed",  # a title-case subhead mid-story
        "By Priya Nandakumar, Norcross Ledger",  # a line of the same shape, not under the headline
    ],
)
def test_the_same_shape_elsewhere_is_compared(line: str) -> None:
    text = f"{HEADLINE}\n\n{LEAD}\n\n{line}\n\n{MORE}"
    assert (line, False) in _sentences(text)


@pytest.mark.parametrize(
    ("above", "line"),
    [
        (HEADLINE, "By the numbers"),  # a subhead
        (HEADLINE, "By The Numbers, Few Trains Run"),
        (HEADLINE, "By Friday, Officials Had Left"),  # a clause
        (
            "The bridge will close to trains in May.",
            "By Priya Nandakumar, Norcross Ledger",
        ),  # prose above, not a headline
        (HEADLINE, "By Priya Nandakumar, Norcross Ledger, who covers transport for the paper"),
    ],
)
def test_not_a_byline_under_the_headline(above: str, line: str) -> None:
    text = f"{above}\n\n{line}\n\n{LEAD}"
    assert (line, False) in _sentences(text)


def test_reuse_keeps_the_second_paragraph_apart() -> None:
    """``analyse(reuse=...)`` moves a paragraph's sentences from another document: the second paragraph's mark
    depends on the first, so it is never moved."""
    byline = "By Priya Nandakumar, Norcross Ledger"
    under = analyse(article_from_text(f"{HEADLINE}\n\n{byline}\n\n{LEAD}"))
    elsewhere = article_from_text(f"{LEAD}\n\n{byline}\n\n{MORE}")
    assert [s.boilerplate for s in analyse(elsewhere, reuse=under).sentences] == [
        s.boilerplate for s in analyse(elsewhere).sentences
    ]
    assert (byline, False) in [(t, bp) for t, bp in _sentences(elsewhere.text)]
