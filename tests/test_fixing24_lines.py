"""rev24i 5, 8, 10: line rules of session 23. An outlet whose first or only word reads as a verb ("Wired", "Wicked
Local", "Lost Coast Outpost") made a real byline under the headline a deck; an offer's condition ("until cancelled")
read as a finite verb and kept a real paywall box as story; a story line with an irregular past ("fell", "cut") read
as an offer's terms."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.article import article_from_html, article_from_text
from storytrace.boxes import _offer_line
from storytrace.text import analyse
from test_ing23_offer_box import LEAD, REST, _page, _ps

_HEADLINE = "Storm Floods Coastal Towns"
_BODY = (
    "Heavy rain flooded three towns on the coast on Sunday, the county said. About 400 homes were evacuated, and 12 "
    "people were taken to hospital.\n\nThe river is expected to crest on Tuesday, forecasters said, and more rain is "
    "due later in the week.\n\nEmergency shelters have opened in two school halls, and volunteers are handing out "
    "blankets and hot food."
)


def _first_two(text: str) -> list[tuple[str, bool]]:
    doc = analyse(article_from_text(text))
    return [(doc.sentence_text(s.index), s.boilerplate) for s in doc.sentences][:2]


@pytest.mark.parametrize(
    "byline",
    [
        "By Tom Simonite, Wired",
        "By Jane Doe, Wicked Local",
        "By Hank Sims, Lost Coast Outpost",
        "By Yves Smith, Naked Capitalism",
    ],
)
def test_an_outlet_whose_first_word_reads_as_a_verb_is_still_a_byline(byline: str) -> None:
    """main glued it to the headline ("\\n") or kept it as story ("\\n\\n": a faithful copy without it was MEDIUM)."""
    assert _first_two(f"{_HEADLINE}\n{byline}\n\n{_BODY}") == [(_HEADLINE, False), (byline, True)]
    report = compare(f"{_HEADLINE}\n\n{byline}\n\n{_BODY}", f"{_HEADLINE}\n\n{_BODY}")
    assert not [f for f in report.findings if f.severity in ("medium", "high")]


@pytest.mark.parametrize(
    "deck",
    [
        "By Sunday Night, Officials Ordered Evacuations",
        "By Next Year, Prices Will Double",
        "By Friday, Ferry Crews Lost Their Jobs",
        "By Dawn Ellis, Flood Crews Reached Town",
    ],
)
def test_a_deck_with_a_verb_after_its_subject_is_still_story(deck: str) -> None:
    assert _first_two(f"{_HEADLINE}\n\n{deck}\n\n{_BODY}")[1] == (deck, False)


@pytest.mark.parametrize(
    ("line", "offer"),
    [
        ("Auto-renews at $29.99/month until cancelled.", True),
        ("Auto-renews at $99/year unless cancelled.", True),
        ("$4.99/month, renewed until cancelled.", True),
        ("Only $1 a week for 6 months, billed monthly.", True),
        ("Premium membership fell to 40,000 last year.", False),
        ("The paper cut its subscription price to £1 a week.", False),
        ("Subscriptions rose to 12,000 after the price cut.", False),
        ("The Herald charged readers £1 a week for its digital edition.", False),
        ("Subscribers were billed twice in March, the company said.", False),
        ("Price cut to £1 a week.", True),
    ],
)
def test_offer_conditions_and_irregular_pasts(line: str, offer: bool) -> None:
    assert _offer_line(line) is offer


def test_a_paywall_box_with_an_until_cancelled_term_goes() -> None:
    """main kept it as story: a faithful copy got two HIGH claim_added."""
    box = (
        '<div class="piano-offer"><p>Only $1 a week for 6 months.</p><p>Auto-renews at $29.99/month until '
        "cancelled.</p><button>Subscribe</button></div>"
    )
    assert article_from_html(_page(box)).text.split("\n\n") == [*LEAD, *REST]
    report = compare(article_from_html(_page("")), article_from_html(_page(box)))
    assert not [f for f in report.findings if f.severity in ("medium", "high")]


def test_story_lines_with_irregular_pasts_stay_in_a_paywall_box() -> None:
    lines = ["Premium membership fell to 40,000 last year.", "The paper cut its subscription price to £1 a week."]
    box = f"<div class='paywall'>{_ps(lines)}<a class='btn' href='/subscribe'>Subscribe</a></div>"
    assert article_from_html(_page(box)).text.split("\n\n") == [*LEAD, *lines, *REST]
