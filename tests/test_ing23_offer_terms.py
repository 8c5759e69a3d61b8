"""Session 23 follow-up (rev23i 1): verbless price, trial and offer-term lines ending in "." are offers, not story: a
line tells of others only with a finite verb after its subject. Realistic paywall boxes of them go again."""

from __future__ import annotations

import pytest

from storytrace.article import article_from_html
from storytrace.boxes import _offer_line
from test_ing23_offer_box import LEAD, REST, _page

OFFER_TERMS = [
    "Only $1.99 per week for the first year.",
    "Free trial for 30 days, then $9.99/month.",
    "Offer ends 31 March.",
    "Digital subscription from £2.50 a week.",
    "Unlimited access to award-winning local journalism.",
    "Just £1 a week for the first 3 months.",
]
BOXES = [
    '<div class="paywall"><h3>Subscriber exclusive</h3><p>Unlimited access to award-winning local journalism.</p>'
    '<p>Only $1.99 per week for the first year.</p><a class="button" href="/subscribe">Subscribe</a>'
    '<p>Already a subscriber? <a href="/login">Log in</a></p></div>',
    '<div class="piano-offer"><p>Free trial for 30 days, then $9.99/month.</p><p>Offer ends 31 March.</p>'
    "<button>Start free trial</button></div>",
    '<div class="subscribe-box"><h2>Premium</h2><p>Digital subscription from £2.50 a week.</p>'
    '<a class="btn" href="/subscribe">Subscribe</a></div>',
]


@pytest.mark.parametrize("line", OFFER_TERMS)
def test_verbless_offer_terms_are_offers(line: str) -> None:
    assert _offer_line(line)


@pytest.mark.parametrize("box", BOXES)
def test_paywall_box_of_offer_terms_goes(box: str) -> None:
    assert article_from_html(_page(box)).text.split("\n\n") == [*LEAD, *REST]
