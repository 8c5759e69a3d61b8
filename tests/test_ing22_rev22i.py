"""Session 22: review rev22i's pages. A paywall-classed box of story lines that read like offers (a price rise, a
results list) with a share button is the story's; a site-wide subscribe box or one between a complete page's
paragraphs does not make the page a cut one, whose JSON-LD body would replace its text; an editor's name before the
publication time is no update label."""

from __future__ import annotations

import json

import lxml.html

from storytrace.article import article_from_html
from storytrace.boxes import without_boxes
from storytrace.comparison import compare
from storytrace.settings import Settings

PRICE_TITLE = "Streamline raises prices again"
PRICE_LEAD = [
    "Streamline, the UK's second-largest streaming service, is raising its prices for the second time in eighteen "
    "months, blaming the rising cost of sports rights and new drama production at its Salford studios.",
    "The company told investors on Monday that it had lost 200,000 customers in the last quarter of 2025, its first "
    "fall in customer numbers since it launched in 2019.",
]
PRICE_LINES = [
    "Subscribers on the standard plan will pay £12.99 a month from 1 April.",
    "The premium tier rises to £18.99 a month, up from £15.99.",
    "The ad-supported plan stays at £5.99 a month.",
    "Annual subscriptions rise to £129.",
    "Members can cancel anytime before the change takes effect.",
]
RESULTS_TITLE = "Labour holds Harbour City Council"
RESULTS_LEAD = [
    "Labour kept control of Harbour City Council on Friday after a count that ran past 4am, winning six of the 16 "
    "seats that were up for election.",
    "Turnout was 31 per cent, down from 34 per cent in 2022, the council's returning officer said.",
]
RESULTS = [
    "Labour: 6 seats (+1)",
    "Conservative: 4 seats (-2)",
    "Liberal Democrat: 3 seats",
    "Green: 2 seats (+1)",
    "Independent: 1 seat",
]


def _page(title: str, body: str, head: str = "", header: str = "") -> str:
    return (
        f"<!doctype html><html><head><title>{title} | Harbour Gazette</title>"
        f'<meta property="article:published_time" content="2026-03-03T08:00:00+00:00">{head}</head><body>'
        f"<header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>{header}</header>"
        f"<article><h1>{title}</h1><p class='byline'>By Jane Doe</p>{body}</article>"
        "<footer><p>© Harbour Gazette 2026</p></footer></body></html>"
    )


def _ps(paragraphs: list[str]) -> str:
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def _paragraphs(html: str) -> list[str]:
    return article_from_html(html).text.split("\n\n")


def _serious(original: str, copy: list[str]) -> list[tuple[str, str]]:
    report = compare(article_from_html(original), "\n\n".join(copy), settings=Settings(use_embeddings=False))
    return [(f.type, f.severity) for f in report.findings if f.severity in ("high", "medium")]


def test_a_paywall_box_of_price_lines_with_a_share_button_is_the_story() -> None:
    """rev22i's a_price: every line of the box reads like an offer (a price a month, "Subscribers", "cancel
    anytime"), and it has a button; 5 of 7 paragraphs were lost and a faithful copy got 4 high claim_added. A Share
    button is no offer's call to action."""
    box = f"<div class='paywall'>{_ps(PRICE_LINES)}<button class='share'>Share this article</button></div>"
    page = _page(PRICE_TITLE, _ps(PRICE_LEAD) + box)
    assert _paragraphs(page) == [*PRICE_LEAD, *PRICE_LINES]
    assert _serious(page, [PRICE_TITLE, *PRICE_LEAD, *PRICE_LINES]) == []


def test_a_results_list_in_a_paywall_box_is_the_story() -> None:
    """rev22i's r1: a results list of short lines (four words or fewer, each with a figure) and a Share button in a
    ``paywall`` box was dropped; a faithful copy got 5 high claim_added. A short line with a figure is no label,
    whatever button the box has."""
    items = "".join(f"<li>{r}</li>" for r in RESULTS)
    for button in ("<div class='share-tools'><button>Share</button></div>", "<a class='btn' href='/s'>Subscribe</a>"):
        box = f"<div class='paywall'><h3>Full results</h3><ul>{items}</ul>{button}</div>"
        page = _page(RESULTS_TITLE, _ps(RESULTS_LEAD) + box)
        assert _paragraphs(page) == [*RESULTS_LEAD, "Full results", *RESULTS]
    assert _serious(page, [RESULTS_TITLE, *RESULTS_LEAD, "Full results", *RESULTS]) == []


def test_an_offer_box_needs_an_offers_call_to_action() -> None:
    """The same offer lines go with a Subscribe, trial or sign-up button, and stay with a share, gift or save button
    (when unsure, the text stays: a left-in offer line costs a low finding at most)."""
    lines = "<h2>Subscribe to keep reading</h2><p>Get unlimited access for just £1 a week for 3 months.</p>"
    for action, taken in (
        ("<a class='button' href='/subscribe'>Subscribe now</a>", True),
        ("<button>Start your free trial</button>", True),
        ("<input type='submit' value='Sign up'>", True),
        ("<p>Already a subscriber? <a href='/login'>Log in</a></p>", False),  # an in-text link: no call to action
        ("<button>Share</button>", False),
        ("<button>Gift this article</button>", False),
        ("<button>Save for later</button>", False),
    ):
        tree = lxml.html.fromstring(f"<html><body><div class='paywall'>{lines}{action}</div></body></html>")
        found = without_boxes(tree)
        assert (len(found) == 1) is taken, action


FIRE_TITLE = "Fire at recycling plant closes Cattedown Road"
FIRE = [
    "Firefighters spent six hours tackling a blaze at a recycling plant on the edge of Marsh Mills on Tuesday, the "
    "fire service said.",
    "Crews from Plymouth, Tavistock and Ivybridge were called to the Cattedown Road site at 6.40am, when smoke could "
    "be seen across the city.",
    "Residents in nearby streets were told to keep their windows and doors shut while the fire was brought under "
    "control.",
    "Nobody was injured, and the cause of the fire is being investigated, Devon and Somerset Fire and Rescue Service "
    "said.",
    "The plant, which handles 40,000 tonnes of household waste a year, was closed for two weeks after a smaller fire "
    "in 2024.",
]
CAPTION = (
    "Smoke rising over Cattedown on Tuesday morning, seen from the Hoe, as crews worked to contain the blaze (Image: "
    "Devon and Somerset Fire and Rescue Service)"
)
NEWSLETTER = (
    "Sign up to the Harbour Gazette's free daily newsletter for the latest news, sport and weather from Plymouth and "
    "the South Hams, delivered to your inbox every morning."
)
CALL_OUT = (
    "Have you been affected by the fire? Tell us your story: email newsdesk@harbourgazette.example or message us on "
    "WhatsApp."
)
SUBSCRIBE = "<div class='subscribe'><a class='btn' href='/subscribe'>Subscribe</a></div>"


def _ld(body: list[str], **fields: object) -> str:
    obj = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": FIRE_TITLE, **fields}
    obj["articleBody"] = "\n\n".join(body)
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def test_a_site_subscribe_box_does_not_make_a_complete_page_a_cut_one() -> None:
    """rev22i's j1 (a site header's <div class="subscribe">) and j2 (a subscribe promotion between the story's
    paragraphs): read as cut, the complete page's text was replaced by its JSON-LD body, and the body's reader call-out
    gave a faithful copy a high claim_added."""
    body = [*FIRE[:2], CAPTION, *FIRE[2:4], NEWSLETTER, FIRE[4], CALL_OUT]
    header = _page(FIRE_TITLE, _ps(FIRE), head=_ld(body), header=SUBSCRIBE)
    promo = "<div class='subscribe-box'><p>Support local journalism. Subscribe from £1 a week.</p>" + SUBSCRIBE[23:]
    inline = _page(FIRE_TITLE, _ps(FIRE[:2]) + promo + _ps(FIRE[2:]), head=_ld(body))
    for page in (header, inline):
        assert _paragraphs(page) == FIRE
        assert _serious(page, [FIRE_TITLE, *FIRE]) == []


def test_a_cut_page_is_read_whole_only_when_it_shows_the_bodys_start() -> None:
    """A page whose object says it is paywalled is read from its body; but only when what it shows is the body's
    first paragraphs, one for one: a body that runs a caption in among them is no cut copy of the page (when unsure,
    the page's own text is read). A paywall box alone no longer makes a page a cut one (rev22i2)."""
    box = "<div class='paywall'><h2>Subscribe to keep reading</h2><a href='/subscribe'>Subscribe</a></div>"
    cut = _page(FIRE_TITLE, _ps(FIRE[:2]) + box, head=_ld(FIRE, isAccessibleForFree=False), header=SUBSCRIBE)
    assert _paragraphs(cut) == FIRE
    assert _paragraphs(_page(FIRE_TITLE, _ps(FIRE[:2]) + box, head=_ld(FIRE))) == FIRE[:2]
    shown = [FIRE[0], CAPTION, FIRE[1]]
    interleaved = _page(FIRE_TITLE, _ps(FIRE[:2]) + box, head=_ld([*shown, *FIRE[2:]], isAccessibleForFree=False))
    assert _paragraphs(interleaved) == FIRE[:2]


STAMP_BODY = _ps(FIRE)


def test_an_editors_name_before_the_publication_time_is_no_update_label() -> None:
    """rev22i's u1: "edited by Sam Patel" before the <time> was read as an update label and the time of day lost."""
    byline = (
        "<p class='byline'>By Jane Doe, edited by Sam Patel "
        "<time datetime='2026-03-03T09:15:00+00:00'>9.15am 3 March 2026</time></p>"
    )
    page = (
        f"<!doctype html><html><head><title>{FIRE_TITLE}</title>"
        '<meta property="article:published_time" content="2026-03-03"></head><body>'
        f"<article><h1>{FIRE_TITLE}</h1>{byline}{STAMP_BODY}</article></body></html>"
    )
    assert article_from_html(page).published == "2026-03-03T09:15:00+00:00"


def test_an_update_label_in_the_element_before_the_time_is_read() -> None:
    """rev22i's u2: <span>Updated</span> <time ...T17:40> was read as the publication time."""
    for label in ("<span class='label'>Updated</span> ", "<span>Last updated:</span>", "<b>Modified</b> "):
        stamp = f"<p class='meta'>{label}<time datetime='2026-03-03T17:40:00+00:00'>5.40pm</time></p>"
        page = (
            f"<!doctype html><html><head><title>{FIRE_TITLE}</title>"
            '<meta property="article:published_time" content="2026-03-03"></head><body>'
            f"<article><h1>{FIRE_TITLE}</h1>{stamp}{STAMP_BODY}</article></body></html>"
        )
        assert article_from_html(page).published == "2026-03-03", label
    # a published label before the time, an update label further back: the time is the publication's
    stamp = (
        "<p class='meta'><span>Updated</span> <time datetime='2026-03-03T17:40:00+00:00'>5.40pm</time> · "
        "<span>Published</span> <time datetime='2026-03-03T09:15:00+00:00'>9.15am</time></p>"
    )
    page = (
        f"<!doctype html><html><head><title>{FIRE_TITLE}</title>"
        '<meta property="article:published_time" content="2026-03-03"></head><body>'
        f"<article><h1>{FIRE_TITLE}</h1>{stamp}{STAMP_BODY}</article></body></html>"
    )
    assert article_from_html(page).published == "2026-03-03T09:15:00+00:00"
