"""Review rev21i's pages (session 21): story text in boxes whose class only holds an offer word, embedded posts a
story quotes without introducing them, signatures read as quotes, a WordPress publication time, stories about HTML in
.txt files, and a JSON-LD body with captions beside a complete page. Dropping real story text is worse than keeping
junk: each page here is a story that must come through whole."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html

from storytrace.article import article_from_html, html_in_text, load_article
from storytrace.boxes import without_boxes
from storytrace.corpus import read_corpus

TITLE = "Water firm fined £3m over sewage spills"
LEAD = [
    "Southern Rivers Water has been fined £3m by the regulator after it admitted releasing raw sewage into the Avon "
    "41 times.",
    "The company said it accepted the penalty and would spend £20m upgrading two treatment works by 2028.",
]
REST = [
    "Campaigners said the fine was too small to change the firm's behaviour, pointing to profits of £210m last year.",
    'Ofwat\'s chief executive, Mark Ellis, said the spills had caused "serious and lasting harm" to a protected river.',
    "Residents in Salisbury reported dead fish and a strong smell along a two-mile stretch of the river in August.",
    "The firm has 28 days to pay. It faces a separate criminal inquiry by the Environment Agency into 2024 spills.",
    "A spokesperson for the company said it had already begun work at the Downton site and apologised to customers.",
]
STORY = LEAD + REST


def _ps(paragraphs: list[str]) -> str:
    # the lead's "regulator" is a link in the text, as on the review's pages: no call to action
    return "".join(f"<p>{p.replace('the regulator', 'the <a href=/topic/ofwat>regulator</a>')}</p>" for p in paragraphs)


def _page(body: str, head: str = "", title: str = TITLE) -> str:
    return (
        f"<!doctype html><html><head><title>{title} | The Courier</title>"
        f'<meta property="article:published_time" content="2026-03-03">{head}</head><body><nav><a href="/">Home</a> '
        f'<a href="/news">News</a></nav><main><article><h1>{title}</h1>{body}</article></main><footer><p>© 2026 The '
        "Courier</p></footer></body></html>"
    )


def _paragraphs(html: str) -> list[str]:
    return article_from_html(html).text.split("\n\n")


def test_googles_non_paywall_lead_and_paywall_rest_are_both_the_story() -> None:
    body = f"<div class='non-paywall'>{_ps(LEAD)}</div><div class='paywall'>{_ps(REST)}</div>"
    assert _paragraphs(_page(body)) == STORY
    ld = json.dumps(
        {
            "@type": "NewsArticle",
            "headline": TITLE,
            "isAccessibleForFree": False,
            "hasPart": {"@type": "WebPageElement", "isAccessibleForFree": False, "cssSelector": ".paywall"},
        }
    )
    assert _paragraphs(_page(body, f'<script type="application/ld+json">{ld}</script>')) == STORY


def test_a_class_that_only_holds_an_offer_word_marks_no_box() -> None:
    for cls in ("non-paywall", "no-paywall", "free-content", "story-promo-lead", "subscriber-content"):
        tree = lxml.html.fromstring(_page(f"<div class='{cls}'><a href='/x'>Subscribe</a></div>"))
        assert without_boxes(tree) == [], cls
    assert _paragraphs(_page(f"<div class='story-promo-lead'>{_ps(LEAD)}</div>{_ps(REST)}")) == STORY


def test_a_paywall_box_of_short_story_paragraphs_with_a_link_in_the_text_is_the_story() -> None:
    # five paragraphs each under 160 characters, one with a link in its text: prose, not an offer
    page = _page(f"{_ps(LEAD[1:])}<div class='subscriber-content paywall'>{_ps([LEAD[0], *REST[:4]])}</div>")
    assert _paragraphs(page) == [LEAD[1], LEAD[0], *REST[:4]]


def test_an_offer_box_still_goes() -> None:
    offers = [
        "<div class='paywall'><h2>Subscribe to keep reading</h2><p>Just £1 a week. Cancel anytime.</p>"
        "<button>Subscribe</button></div>",
        "<div class='newsletter-signup'><p>Sign up for the Morning Briefing.</p><form><input type='email'></form>"
        "</div>",
        "<aside class='promo'><a href='/app'>Get the app</a></aside>",
    ]
    for offer in offers:
        assert _paragraphs(_page(_ps(LEAD) + offer + _ps(REST))) == STORY, offer
    # a link in a line of text is no call to action: a short paywall line with one stays (a miss, not a loss)
    line = "<div class='paywall'><p>Read the <a href='/r'>full report</a> on the spills and the fine here.</p></div>"
    assert without_boxes(lxml.html.fromstring(_page(line))) == []


MORLEY = [
    "Rovers striker Dean Morley has left the club after eight seasons, the Championship side confirmed on Monday.",
    "The 31-year-old scored 94 goals in 287 appearances and was the club's top scorer in four of those seasons.",
]
MORLEY_END = [
    "Manager Sue Harte thanked the striker and said the club would not stand in the way of a move abroad.",
    "Rovers are 14th in the Championship table, nine points clear of the relegation places with 11 games to play.",
]
TWEET_TEXT = "Eight years, 94 goals and memories I will never forget. Thank you Rovers, you will always be my club."
TWEET = (
    f'<blockquote class="twitter-tweet"><p lang="en" dir="ltr">{TWEET_TEXT} <a href="https://t.co/x1">'
    'pic.twitter.com/x1</a></p>&mdash; Dean Morley (@deanmorley9) <a href="https://twitter.com/deanmorley9/status/1">'
    'March 2, 2026</a></blockquote><script async src="https://platform.twitter.com/widgets.js"></script>'
)
MORLEY_TITLE = "Striker Dean Morley leaves Rovers after eight seasons"


def test_a_post_the_story_quotes_without_a_colon_stays() -> None:
    intro = "Morley said goodbye to supporters within minutes of the announcement."
    signature = "— Dean Morley (@deanmorley9) March 2, 2026"
    page = _page(_ps([*MORLEY, intro]) + TWEET + _ps(MORLEY_END), title=MORLEY_TITLE)
    assert _paragraphs(page) == [*MORLEY, intro, TWEET_TEXT, signature, *MORLEY_END]
    # a page set in divs, not <p>: the post stays all the same
    divs = "".join(f"<div class='para'>{p}</div>" for p in [*MORLEY, intro])
    page = _page(divs + TWEET + "".join(f"<div class='para'>{p}</div>" for p in MORLEY_END), title=MORLEY_TITLE)
    assert TWEET_TEXT in article_from_html(page).text


def test_a_wordpress_entry_date_published_updated_keeps_its_time() -> None:
    page = (
        "<!doctype html><html><head><title>Council approves new cycle lanes – Mill Road News</title></head><body>"
        "<article><header><h1>Council approves new cycle lanes</h1><span class='posted-on'>Posted on <a href='/c/'>"
        "<time class='entry-date published updated' datetime='2026-03-03T09:15:00+00:00'>March 3, 2026</time></a>"
        f"</span></header><div class='entry-content'>{_ps(STORY[:3])}</div></article></body></html>"
    )
    assert article_from_html(page).published == "2026-03-03T09:15:00+00:00"
    # a lone class="updated" where no time is marked published is the post's time, as hAtom themes mark it (rev22i2's
    # p6c); one the text calls an update is not
    updated = page.replace("entry-date published updated", "entry-date updated")
    assert article_from_html(updated).published == "2026-03-03T09:15:00+00:00"
    labelled = updated.replace("Posted on <a href='/c/'>", "Updated ").replace("</a>", "")
    assert article_from_html(labelled).published == "2026-03-03"


STORY_ABOUT_HTML = (
    "<html> tags are back in fashion, says browser maker\n\n"
    "Browser maker Firefly said on Tuesday that it would stop rendering pages that omit the <html> and <body> "
    "elements, a change that could break thousands of older sites.\n\n"
    "The company said about 2% of pages it loads still rely on the parser to add missing </body> and </html> tags, "
    "and that the change would take effect in version 140.\n"
)


def test_a_text_story_about_html_is_read_as_text(tmp_path: Path) -> None:
    folder = tmp_path
    for name, text in (("t1.txt", STORY_ABOUT_HTML), ("t2.md", "<!-- draft -->\n" + STORY_ABOUT_HTML)):
        assert html_in_text(text) is None
        warned: list[str] = []
        (folder / name).write_text(text, encoding="utf-8")
        article = load_article(str(folder / name), warn=warned.append)
        assert "Firefly said on Tuesday" in article.text and "<html> tags are back" in article.text
        assert warned == []
        records = list(read_corpus([str(folder / name)]))
        assert len(records) == 1 and "<html> tags are back" in records[0].article.text
    page = "\ufeff<!DOCTYPE html><html><head><title>T</title></head><body><p>x</p></body></html>\n<!-- cached -->\n"
    assert html_in_text(page) == "page"
    assert html_in_text(page.replace("</html>", "")) is None  # cut short: no whole page
    assert html_in_text("<html><body><title>T</title><p>x</p></body></html>") is None  # no head before the body


def test_a_json_ld_body_replaces_a_complete_page_only_when_the_page_is_cut() -> None:
    shown = STORY[:4]
    body = "\n\n".join(
        [shown[0], "Photo: Cyclists on Mill Road in February. Credit: John Smith / Mill Road News", shown[1],
         "READ MORE: Mill Road bridge to close for three weeks of repairs as contractors replace the deck",
         *shown[2:], *REST[3:]]
    )  # fmt: skip
    ld = json.dumps({"@type": "NewsArticle", "headline": TITLE, "articleBody": body})
    head = f'<script type="application/ld+json">{ld}</script>'
    assert _paragraphs(_page(_ps(shown), head)) == shown  # complete as it shows: its own text
    # a paywall box alone does not make it cut (session 22); its object saying it is paywalled does: the body is the
    # story, less its caption, credit and link to another story
    offer = "<div class='paywall'><h2>Subscribe to keep reading</h2><button>Subscribe</button></div>"
    assert _paragraphs(_page(_ps(shown) + offer, head)) == shown
    ld = json.dumps({"@type": "NewsArticle", "headline": TITLE, "isAccessibleForFree": False, "articleBody": body})
    head = f'<script type="application/ld+json">{ld}</script>'
    assert _paragraphs(_page(_ps(shown) + offer, head)) == [*shown, *REST[3:]]
