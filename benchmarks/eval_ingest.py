"""How well storytrace reads a news page: the story's text, its headline and its date, next to simple baselines.

Run: ``python benchmarks/eval_ingest.py`` (``--limit N`` for the first N stories, ``--all-templates`` to set every
story in every template, ``--json`` for machine-readable output, ``--eval-dir`` to point elsewhere).

The pages are built here, deterministically (seeded), from the sheepdog-train originals in ``../shared/eval``: each
story's prose (its blocks of 80 characters or more that end a sentence, at most 15) is set in one of several page
templates the way news sites mark pages up — navigation, kicker, byline and time stamp, figure captions and credits,
share bars, cookie banners, newsletter boxes, related links and teaser cards, subscription (paywall) boxes,
embedded posts (X/Twitter, Instagram, YouTube), reader call-outs, a footer, and one template that shows only the
story's first paragraphs with the whole story in its JSON-LD ``articleBody`` beside a related story's object. Each
page knows its story text, headline and publication date, so extraction is scored exactly:

- exact: share of pages whose extracted text equals the story (whitespace runs made one space);
- token precision / recall: mean over pages of the share of extracted word tokens that are the story's, and of
  the story's tokens extracted (multisets, case-folded);
- title / date: share of pages whose headline (case and spacing aside) / publication day (YYYY-MM-DD) is right;
- time (session 23): share of pages whose publication instant is right (its time of day, compared in UTC), or the day
  alone where the page gives no time of day;
- pages/s: pages read per second, one process (wall clock, and per user-CPU second: the figure to compare on a
  shared machine).

Negative templates (session 21): story text that looks like page furniture, which a reader must keep — an offer-like
sentence ("All households will pay £3 a month for six months") with the story's second half in a ``paywall``-classed
container as Google asks paywalled pages to mark it (``neg_offer``), a reader appeal and a caption-like sentence in
the body beside a real figure caption (``neg_appeal``, ``neg_caption``), and a story that quotes embedded posts: a
paragraph ending "... wrote on X:" before an X/Twitter post, and a post by a person the story names
(``neg_quoted_post``);
and review rev21i's pages: Google's documented ``non-paywall`` lead beside a ``paywall`` rest (``neg_nonpaywall``),
story text in ``story-promo-lead`` or ``subscriber-content`` containers with a link in the text
(``neg_story_classes``), and a post the story quotes with no colon or "wrote on X" before it, in <p> or <div>
paragraphs (``neg_unintroduced_post``); and review rev21i2's pages: short story paragraphs (under 80 characters) in a
``paywall``-classed box with a share button (``neg_paywall_short``), and a post whose own words hold an em dash and a
handle or open with handles, with or without its embed class (``neg_post_own_words``); and review rev22i's pages:
story lines with offer words (a price rise, a newsletter launch) or a results list of short lines with figures in a
``paywall``-classed box with a share button that no JSON-LD names (``neg_paywall_offer_words``), and a complete,
short page with a site-wide ``subscribe`` box (and on half the pages a subscription promotion between its paragraphs)
whose JSON-LD body runs a caption, a newsletter line and a reader call-out in among the story
(``neg_site_subscribe``); and review rev22i2's pages: a free, complete page with a subscribe box at the story's end,
a sticky subscribe banner after </main> or an empty hidden Piano layer, whose JSON-LD body runs an author's bio or a
"first published by" line on after the story (``neg_free_subscribe_box``); and session 23's: story lines that mention
offers in a ``paywall`` box beside a real Subscribe button (``neg_offer_mentions``), "By" subheads that name no one
("By Royal Appointment", ``neg_by_subheads``), and an old-style Instagram embed and a Reddit embed as their embed code
gives them, classed or not (``neg_post_embed_code``). All templates are the author's own, not
pages from real sites. Any story word dropped there is a loss. (The paywall, embed, call-out and JSON-LD templates
were written beside the reverted ing20 change: they measure what a reader leaves in; these measure what it wrongly
takes out.)

Embedded posts (session 22): every template counts a post as story text as the page shows it, its words and its
signature line ("— City Police (@CityPolice) March 3, 2026", the page's attribution of the quote), not its picture
link, whether or not a paragraph introduces it and whether or not its markup keeps the embed's class. (Session 21's
``embeds`` template counted an unintroduced post as junk while ``neg_unintroduced_post`` counted one as story text in
quotation marks; the truths now agree with each other and with what storytrace does, which is a choice: see
benchmarks/RESULTS.md.)

Byline times (session 23, review rev23old; scored apart, rows ``time_*`` and ``bylines``): each story once more, in one
of 12 layouts in turn whose date meta gives the day alone and whose byline gives the time of day, beside other stories'
or comments' earlier times of the same day: a "Latest" list or a trending list marked ``entry-date published`` above
the <h1>, a "Latest" list between the <h1> and the byline, related cards or comments whose times are marked published,
a standfirst, a lead image's caption or a long byline <p> before the byline's time, a "Published <time>" line after the
story, WordPress's ``entry-meta`` list, a plain byline list; and a byline that gives an update stamp alone (the day
alone is right). Review rev23t's 13 more (25 layouts): a byline holding one long link (two authors' page, a /by/
author page, a newsletter sign-up, a hero caption's gallery link), WordPress Twenty Seventeen's entry-meta and a
kicker's time above the <h1>, an <h2> headline whose page's only <h1> is a sidebar widget's, a standfirst beside a
long byline <p>, Twenty Twenty-One's "Published" in the article's footer, a related card's microdata
``datePublished``; and three whose time after the story is not the story's (the day alone is right): a source's
"originally published" credit, a live blog's "Posted at" posts under an "Updated" byline, a "Read next" card. Review
rev23t2's 8 more (33 layouts): a plain <div> "Breaking" strip with a headline link between the <h1> and the byline or
above the headline's header, an "author-card" byline, a <section class="article-meta"> byline with a four-word author
link, a masthead clock and a cookie banner's two paragraphs over the story, a logo <h1> linking to the site's absolute
home address, a related card's body <meta itemprop="datePublished">; and a footer's "Correction published <time>"
(the day alone is right). Review rev23t3's 6 more (39 layouts): the story's body <meta itemprop="datePublished"> beside
an embedded VideoObject's earlier JSON-LD date, an infinite-scroll next <article> whose byline precedes its headline,
a "card-meta" related box, a subscribe modal's own <h1> over the masthead clock, a WordPress <h1> linking to its own
"/?p=123" under a header clock (in <main><article>, where main's code already read it right: rev23t3's failing form
is a div-only theme, in the tests), and "Listen to this article" beside the time over a lead image caption's time.

Baselines computed in the same run: every <p> of the page joined (lxml), with the <title> as headline and the
first ``article:published_time`` meta as date; and trafilatura's ``extract`` with its default settings (text only,
its own metadata for headline and date).
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _evaldata import eval_dir_from

SEED = 20
MAX_PARAGRAPHS = 15
MIN_BLOCK = 80
SITES = ("Harbour Gazette", "Northern Post", "Valley Courier", "Capital Ledger", "Coastline Daily")
PEOPLE = ("Jane Doe", "Sam Kerr", "Ana Ruiz", "Tom Bell", "Mari Kask", "Kit Brennard")


@dataclass(frozen=True)
class Page:
    html: str
    text: str
    title: str
    date: str
    template: str
    published: str | None = None  # the publication instant the page gives (ISO 8601), or its day when it gives none


@dataclass(frozen=True)
class Read:
    text: str
    title: str | None
    date: str | None
    published: str | None = None  # as read, with the time of day when one was read


def stories(eval_dir: Path) -> list[tuple[str, list[str]]]:
    """(id, prose paragraphs) of each sheepdog-train original that has at least two prose blocks."""
    out = []
    with open(eval_dir / "sheepdog-train" / "originals.jsonl", encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            blocks = [" ".join(b.split()) for b in re.split(r"\s{2,}", record["text"])]
            prose = [b for b in blocks if len(b) >= MIN_BLOCK and b[-1] in ".!?\"'”’"][:MAX_PARAGRAPHS]
            if len(prose) >= 2:
                out.append((record["id"], prose))
    return out


def headline(paragraphs: list[str], rng: random.Random) -> str:
    words = re.findall(r"[A-Za-z][A-Za-z'-]+", paragraphs[0])[: rng.randint(6, 10)]
    return " ".join(words).capitalize() if words else "News"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _head(title: str, site: str, date: str, *, meta_date: bool, extra: str = "") -> str:
    date_meta = f'<meta property="article:published_time" content="{date}T08:30:00Z">' if meta_date else ""
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{_e(title)} | {_e(site)}</title>'
        f'<meta property="og:title" content="{_e(title)}"><meta property="og:site_name" content="{_e(site)}">'
        f'{date_meta}<link rel="stylesheet" href="/s.css"><script>window.ads=[];</script>{extra}</head>'
    )


def _nav(site: str) -> str:
    return (
        f'<header><a class="logo" href="/">{_e(site)}</a><nav><ul><li><a href="/news">News</a></li>'
        '<li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a>'
        '</li></ul></nav><button class="menu">Menu</button></header>'
    )


def _footer(site: str) -> str:
    return (
        f'<footer><p>© 2026 {_e(site)}. All rights reserved.</p><ul><li><a href="/privacy">Privacy</a></li>'
        '<li><a href="/terms">Terms</a></li><li><a href="/contact">Contact us</a></li></ul></footer>'
    )


def _cookie() -> str:
    return (
        '<div class="cookie-banner" id="cookie-consent"><p>We use cookies to improve your experience on our site.</p>'
        "<button>Accept all cookies</button><button>Manage settings</button></div>"
    )


def _related(titles: list[str]) -> str:
    items = "".join(f'<li><a href="/news/story-{k}">{_e(t)}</a></li>' for k, t in enumerate(titles))
    return f'<aside class="related"><h3>Related stories</h3><ul>{items}</ul></aside>'


def _paywall(site: str) -> str:
    return (
        '<div class="paywall tp-container" id="piano-offer"><h2>Subscribe to keep reading</h2>'
        f"<p>Get unlimited access to {_e(site)} for just £1 a week for 3 months.</p><p>Cancel anytime.</p>"
        '<a class="button" href="/subscribe">Subscribe now</a>'
        '<p>Already a subscriber? <a href="/login">Log in</a></p></div>'
    )


def _tweet(rng: random.Random) -> tuple[str, list[str]]:
    """An X/Twitter post's embed code, and its story text: the post's words and its signature line (the page's
    attribution of the quote), not its picture link."""
    handle = rng.choice(("CityPolice", "MetOffice", "TransportDept", "NewsDesk"))
    day = rng.randint(1, 28)
    words = "Update: more details to follow this afternoon. Please share."
    markup = (
        f'<blockquote class="twitter-tweet"><p lang="en" dir="ltr">{words} '
        f'<a href="https://t.co/x1">pic.twitter.com/Ab12Cd34</a></p>&mdash; {handle} (@{handle}) '
        f'<a href="https://twitter.com/{handle}/status/1">March {day}, 2026</a></blockquote>'
        '<script async src="https://platform.twitter.com/widgets.js"></script>'
    )
    return markup, [words, f"— {handle} (@{handle}) March {day}, 2026"]


INSTAGRAM_SHARED = "A post shared by Sam Hill (@samhill)"


def _instagram() -> str:
    return (
        '<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/XYZ/"><div>'
        f"<p>What a day it has been. Thank you all.</p></div><p>{INSTAGRAM_SHARED}</p></blockquote>"
    )


def _youtube() -> str:
    return (
        '<div class="video-embed"><iframe width="560" height="315" src="https://www.youtube.com/embed/abc123" '
        'title="YouTube video player" allowfullscreen></iframe></div>'
    )


def _callout(site: str) -> str:
    domain = site.lower().replace(" ", "")
    return (
        '<div class="callout"><p><strong>Have you been affected by the issues in this story?</strong></p>'
        f"<p>Share your story: email yourstory@{domain}.example or get in touch using the form below.</p></div>"
    )


def _figure(rng: random.Random) -> str:
    person = rng.choice(PEOPLE)
    return (
        '<figure><img src="/img/1.jpg" alt=""><figcaption>Officials at the scene on Tuesday. '
        f"Photo: {person}/Reuters</figcaption></figure>"
    )


def _paragraphs(paragraphs: list[str]) -> str:
    return "".join(f"<p>{_e(p)}</p>" for p in paragraphs)


def classic(paragraphs: list[str], title: str, date: str, site: str, rng: random.Random, **_: Any) -> str:
    person = rng.choice(PEOPLE)
    shown = f"{int(date[8:]):d} {_MONTHS[int(date[5:7]) - 1]} {date[:4]}"
    mid = len(paragraphs) // 2
    return (
        _head(title, site, date, meta_date=True)
        + f"<body>{_cookie()}{_nav(site)}<main><article><p class='kicker'>Politics</p><h1>{_e(title)}</h1>"
        f"<p class='byline'>By {person} | Published {shown}</p>{_figure(rng)}"
        f"{_paragraphs(paragraphs[:mid])}<p><a href='/news/more'>Read more: the story so far</a></p>"
        f"{_paragraphs(paragraphs[mid:])}<div class='share'><a href='#'>Facebook</a> <a href='#'>Twitter</a> "
        f"<a href='#'>Email</a></div></article>{_related(['Council budget row deepens', 'Rail strike talks fail'])}"
        f"</main>{_footer(site)}</body></html>"
    )


def paywalled(paragraphs: list[str], title: str, date: str, site: str, rng: random.Random, **_: Any) -> str:
    at = min(2, len(paragraphs) - 1)
    return (
        _head(title, site, date, meta_date=True)
        + f"<body>{_nav(site)}<main><article><h1>{_e(title)}</h1><p class='byline'>By {rng.choice(PEOPLE)}</p>"
        f"{_paragraphs(paragraphs[:at])}{_paywall(site)}{_paragraphs(paragraphs[at:])}"
        "<div class='newsletter'><h3>Morning Briefing</h3><p>Sign up for our newsletter and get the day's news in "
        "your inbox.</p><form><input type='email'><button>Sign up</button></form></div>"
        f"</article></main>{_footer(site)}</body></html>"
    )


def embeds(
    paragraphs: list[str], title: str, date: str, site: str, rng: random.Random, **_: Any
) -> tuple[str, list[str]]:
    """Two posts no paragraph introduces (session 22: story text, as every post is, with their signature lines; as
    in ``neg_unintroduced_post``), a video, and a reader call-out (not story text)."""
    a, b = max(1, len(paragraphs) // 3), max(2, 2 * len(paragraphs) // 3)
    tweet, tweet_text = _tweet(rng)
    markup = (
        _head(title, site, date, meta_date=False) + f"<body>{_nav(site)}<article><header><h1>{_e(title)}</h1>"
        f"<time datetime='{date}T07:00:00+00:00'>{date}</time></header>"
        f"{_paragraphs(paragraphs[:a])}{tweet}{_paragraphs(paragraphs[a:b])}{_instagram()}{_youtube()}"
        f"{_paragraphs(paragraphs[b:])}{_callout(site)}</article>{_footer(site)}</body></html>"
    )
    instagram = ["What a day it has been. Thank you all.", INSTAGRAM_SHARED]
    return markup, [*paragraphs[:a], *tweet_text, *paragraphs[a:b], *instagram, *paragraphs[b:]]


def json_ld_cut(
    paragraphs: list[str], title: str, date: str, site: str, rng: random.Random, other: tuple[str, str], **_: Any
) -> str:
    slug = re.sub(r"\W+", "-", title.lower()).strip("-")
    own = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": title,
        "url": f"https://news.example/{slug}",
        "datePublished": f"{date}T09:15:00Z",
        "isAccessibleForFree": False,
        "articleBody": "\n\n".join(paragraphs),
    }
    related = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": other[0],
        "url": "https://news.example/related-story",
        "articleBody": other[1],
    }
    # "</" escaped as JSON allows and pages do: a body's "</p>" must not close the <script>
    scripts = "".join(
        '<script type="application/ld+json">' + json.dumps(o).replace("</", "<\\/") + "</script>"
        for o in (own, related)
    )
    extra = f'<link rel="canonical" href="https://news.example/{slug}">{scripts}'
    shown = paragraphs[: min(2, len(paragraphs) - 1)]
    return (
        _head(title, site, date, meta_date=False, extra=extra)
        + f"<body>{_nav(site)}<main><article><h1>{_e(title)}</h1>{_paragraphs(shown)}{_paywall(site)}</article>"
        f"<aside class='related'><h3><a href='/related-story'>{_e(other[0])}</a></h3></aside></main>"
        f"{_footer(site)}</body></html>"
    )


TEASERS = ("Mayor faces questions over contract", "Flood defences to be reviewed", "Ferry fares rise")


def divs(paragraphs: list[str], title: str, date: str, site: str, rng: random.Random, **_: Any) -> str:
    cards = "".join(
        f"<article class='card'><h3><a href='/news/teaser-{k}'>{_e(t)}</a></h3><p>{_e(t)} and what it means.</p>"
        "</article>"
        for k, t in enumerate(TEASERS)
    )
    body = "".join(f"<div class='para'>{_e(p)}</div>" for p in paragraphs)
    return (
        _head(title, site, date, meta_date=False)
        + f"<body>{_cookie()}{_nav(site)}<div class='story'><h1 class='headline'>{_e(title)}</h1>"
        f"<div class='meta'><span class='author'>{rng.choice(PEOPLE)}</span> · "
        f"<time datetime='{date}'>{_MONTHS[int(date[5:7]) - 1]} {int(date[8:])}, {date[:4]}</time></div>"
        f"<div class='story-body'>{body}</div><p>Follow us on Twitter and Facebook for the latest news.</p></div>"
        f"<section class='more'><h2>More stories</h2>{cards}</section>{_footer(site)}</body></html>"
    )


# --- negative templates: story text that looks like furniture ------------------------------------------------
# Each inserts story sentences a careless reader would take for an offer, an appeal, a caption or a post; the page's
# story text holds them, so dropping any is a loss.

OFFER_LINES = (
    "All households will pay £3 a month for six months under the council's plan, officials said.",
    "Subscribers to the new water tariff will pay £1 a week for three months, then £7.99 a month, the regulator said.",
    "Customers can cancel anytime before June, the company said, and new members get unlimited access for free.",
)
APPEAL_LINES = (
    "Have you been affected? Police asked witnesses to call 101, quoting incident 245 of 3 March.",
    "Officers appealed for anyone with dashcam footage to get in touch by email or through the force's website.",
    "Anyone with information is asked to contact Crimestoppers anonymously on 0800 555 111, police said.",
)
CAPTION_LINES = (
    "A photo shared by police shows the damaged car on the A30 near Exeter.",
    "Pictures posted online showed smoke rising above the warehouse on Tuesday evening.",
    "Photo: the council released an image of the flooded underpass, which has been closed since Monday.",
)
POST_TEXTS = (
    "Roads around the station will stay closed until at least 6pm. Please avoid the area.",
    "We are aware of reports of a crash on the ring road and officers are at the scene.",
    "The vote has been postponed until next week so that members can read the report.",
)


def _insert(paragraphs: list[str], line: str, rng: random.Random) -> list[str]:
    at = rng.randint(1, len(paragraphs) - 1)
    return [*paragraphs[:at], line, *paragraphs[at:]]


def neg_offer(paragraphs: list[str], title: str, date: str, site: str, rng: random.Random, **_: Any) -> str:
    """An offer-like story sentence, and the story's second half in the container a paywalled page marks for search
    engines (``isAccessibleForFree`` false, ``hasPart`` naming ``.paywall``): that container is the story."""
    mid = max(1, len(paragraphs) // 2)
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": title,
        "datePublished": f"{date}T06:45:00Z",
        "isAccessibleForFree": False,
        "hasPart": {"@type": "WebPageElement", "isAccessibleForFree": False, "cssSelector": ".paywall"},
    }
    script = '<script type="application/ld+json">' + json.dumps(ld).replace("</", "<\\/") + "</script>"
    return (
        _head(title, site, date, meta_date=False, extra=script)
        + f"<body>{_nav(site)}<main><article><h1>{_e(title)}</h1><p class='byline'>By {rng.choice(PEOPLE)}</p>"
        f"{_paragraphs(paragraphs[:mid])}<div class='paywall'>{_paragraphs(paragraphs[mid:])}</div>"
        f"</article></main>{_footer(site)}</body></html>"
    )


def neg_appeal(paragraphs: list[str], title: str, date: str, site: str, rng: random.Random, **_: Any) -> str:
    return (
        _head(title, site, date, meta_date=True)
        + f"<body>{_nav(site)}<main><article><h1>{_e(title)}</h1>{_figure(rng)}{_paragraphs(paragraphs)}"
        f"</article></main>{_footer(site)}</body></html>"
    )


def _police_post(text: str, rng: random.Random, *, classed: bool = True) -> tuple[str, str]:
    """City Police's X/Twitter post of ``text`` (with or without the embed's class, as a CMS that strips classes
    leaves it), and its signature line as a reader keeps it."""
    day = rng.randint(1, 28)
    attribute = ' class="twitter-tweet"' if classed else ""
    markup = (
        f'<blockquote{attribute}><p lang="en" dir="ltr">{_e(text)} '
        '<a href="https://t.co/x1">pic.twitter.com/Ab12Cd34</a></p>&mdash; City Police (@CityPolice) '
        f'<a href="https://twitter.com/CityPolice/status/1">March {day}, 2026</a></blockquote>'
        '<script async src="https://platform.twitter.com/widgets.js"></script>'
    )
    return markup, f"— City Police (@CityPolice) March {day}, 2026"


def neg_quoted_post(
    paragraphs: list[str], title: str, date: str, site: str, rng: random.Random, **_: Any
) -> tuple[str, list[str]]:
    """Posts the story quotes (the story as :func:`quoted_posts` made it): the paragraph before the X/Twitter post ends
    "... on X:", the Instagram post is by the person the paragraph before it names. Their words are the story's, and
    so is their signature line (the page's attribution of the quote; session 22); their picture links are not."""
    tweet, signature = _police_post(paragraphs[2], rng)
    instagram = (
        '<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/XYZ/"><div>'
        f"<p>{_e(paragraphs[-2])}</p></div><p>{INSTAGRAM_SHARED}</p></blockquote>"
    )
    markup = (
        _head(title, site, date, meta_date=True)
        + f"<body>{_nav(site)}<article><h1>{_e(title)}</h1>{_paragraphs(paragraphs[:2])}{tweet}"
        f"{_paragraphs(paragraphs[3:-2])}{instagram}{_paragraphs(paragraphs[-1:])}</article>{_footer(site)}"
        "</body></html>"
    )
    return markup, [*paragraphs[:3], signature, *paragraphs[3:-1], INSTAGRAM_SHARED, paragraphs[-1]]


def quoted_posts(paragraphs: list[str], rng: random.Random) -> list[str]:
    """The story with a post it quotes after its first paragraph (introduced with a colon) and one by a person it
    names before its last."""
    intro = rng.choice(POST_INTROS)
    post = rng.choice(POST_TEXTS)
    # (as the page shows them, without quotation marks: session 22 reads a post as shown, since the cleaning that set
    # it in quotation marks could not read a post alike with and without its embed class)
    return [paragraphs[0], intro, post, *paragraphs[1:-1], INSTAGRAM_INTRO, INSTAGRAM_TEXT, paragraphs[-1]]


POST_INTROS = (
    "City Police gave an update on the closures in a post on X on Tuesday evening:",
    "Shortly after the meeting, the force wrote on X:",
)
INSTAGRAM_INTRO = "Sam Hill, who organised the vigil, later thanked the volunteers on Instagram."
INSTAGRAM_TEXT = "What a day it has been. Thank you all for coming and for everything you have done."


def _linked(paragraph: str) -> str:
    """A paragraph set with a link in its text, as stories link a topic ("fined by the <a>regulator</a>"): no call to
    action."""
    words = _e(paragraph).split(" ")
    at = min(4, len(words) - 1)
    words[at] = f"<a href='/topic/{k}'>{words[at]}</a>" if (k := re.sub(r"\W", "", words[at]).lower()) else words[at]
    return " ".join(words)


def _linked_paragraphs(paragraphs: list[str]) -> str:
    return "".join(f"<p>{_linked(p) if k == 0 else _e(p)}</p>" for k, p in enumerate(paragraphs))


def neg_nonpaywall(paragraphs: list[str], title: str, date: str, site: str, rng: random.Random, **_: Any) -> str:
    """Google's documented paywall markup (rev21i): the free lead in ``<div class="non-paywall">``, the rest in
    ``<div class="paywall">``, named in JSON-LD ``hasPart`` on half the pages; the lead's first paragraph links a topic.
    Both halves are the story."""
    mid = max(1, min(2, len(paragraphs) - 1))
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title, "isAccessibleForFree": False}
    if rng.random() < 0.5:
        ld["hasPart"] = {"@type": "WebPageElement", "isAccessibleForFree": False, "cssSelector": ".paywall"}
    script = '<script type="application/ld+json">' + json.dumps(ld).replace("</", "<\\/") + "</script>"
    return (
        _head(title, site, date, meta_date=True, extra=script)
        + f"<body>{_nav(site)}<main><article><h1>{_e(title)}</h1><div class='non-paywall'>"
        f"{_linked_paragraphs(paragraphs[:mid])}</div><div class='paywall'>{_paragraphs(paragraphs[mid:])}</div>"
        f"</article></main>{_footer(site)}</body></html>"
    )


def neg_story_classes(paragraphs: list[str], title: str, date: str, site: str, rng: random.Random, **_: Any) -> str:
    """Story text in containers whose class holds an offer word (rev21i): the lead in ``story-promo-lead``, or the
    body in ``subscriber-content`` (short paragraphs, one linking a topic)."""
    if rng.random() < 0.5:
        mid = max(1, min(2, len(paragraphs) - 1))
        body = (
            f"<div class='story-promo-lead'>{_linked_paragraphs(paragraphs[:mid])}</div>{_paragraphs(paragraphs[mid:])}"
        )
    else:
        body = (
            f"{_paragraphs(paragraphs[:1])}<div class='subscriber-content'>{_linked_paragraphs(paragraphs[1:])}</div>"
        )
    return (
        _head(title, site, date, meta_date=True)
        + f"<body>{_nav(site)}<main><article><h1>{_e(title)}</h1>{body}</article></main>{_footer(site)}</body></html>"
    )


UNINTRODUCED_POST_INTROS = (
    "Police updated residents within minutes of the announcement, as the roads were closed.",
    "Officers updated residents shortly after the meeting ended on Tuesday evening.",
)


def unintroduced_post(paragraphs: list[str], rng: random.Random) -> list[str]:
    """The story with a post it quotes after a paragraph that does not say so ("... within minutes of the
    announcement."): the post's text is the story's (as the page shows it)."""
    at = min(2, len(paragraphs) - 1)
    post = rng.choice(POST_TEXTS)
    return [*paragraphs[:at], rng.choice(UNINTRODUCED_POST_INTROS), post, *paragraphs[at:]]


def neg_unintroduced_post(
    paragraphs: list[str], title: str, date: str, site: str, rng: random.Random, **_: Any
) -> tuple[str, list[str]]:
    """A post the story quotes with no colon or "wrote on X" before it (rev21i), in <p> or <div> paragraphs; with or
    without its embed class (rev21i2's copyD: a CMS that strips classes), which must read alike."""
    at = min(2, len(paragraphs) - 3) + 1  # where unintroduced_post set the post, after its intro
    tweet, signature = _police_post(paragraphs[at], rng, classed=rng.random() < 0.5)
    tag = rng.choice(("p", "div"))

    def blocks(ps: list[str]) -> str:
        return "".join(f"<{tag} class='para'>{_e(p)}</{tag}>" for p in ps)

    markup = (
        _head(title, site, date, meta_date=True)
        + f"<body>{_nav(site)}<main><article><h1>{_e(title)}</h1>{blocks(paragraphs[:at])}{tweet}"
        f"{blocks(paragraphs[at + 1 :])}</article></main>{_footer(site)}</body></html>"
    )
    return markup, [*paragraphs[: at + 1], signature, *paragraphs[at + 1 :]]


# rev21i2's b1: short story paragraphs (under 80 characters, so no "prose" by length) in a paywall box with a share
# button. Any of them dropped is story text lost.
SHORT_LINES = (
    "Police were called to the junction at 6.40am on Tuesday.",
    "A 34-year-old woman was taken to hospital with serious injuries.",
    "A man, 41, will appear before magistrates on Friday.",
    "The road reopened shortly before 1pm.",
    "Two other drivers were treated at the scene.",
    "Anyone with dashcam footage is asked to contact police quoting log 112.",
)
SHORT_BOX_CLASSES = ("paywall", "article-paywall", "premium-paywall", "paywall-container")
SHARE_BUTTONS = ("Gift this article", "Share", "Save for later")


def short_lines(paragraphs: list[str], rng: random.Random) -> list[str]:
    at = min(2, len(paragraphs) - 1)
    return [*paragraphs[:at], *rng.sample(SHORT_LINES, rng.randint(3, 4)), *paragraphs[at:]]


def neg_paywall_short(paragraphs: list[str], title: str, date: str, site: str, rng: random.Random, **_: Any) -> str:
    """Short story paragraphs in a ``paywall``-classed box with a share button (rev21i2's b1): the story's, though
    the box is short, has a button and holds no sentence of 80 characters."""
    at = next(k for k, p in enumerate(paragraphs) if p in SHORT_LINES)  # where short_lines set its 3 or 4 lines
    count = sum(p in SHORT_LINES for p in paragraphs)
    box = (
        f"<div class='{rng.choice(SHORT_BOX_CLASSES)}'>{_paragraphs(paragraphs[at : at + count])}"
        f"<div class='share-tools'><button>{rng.choice(SHARE_BUTTONS)}</button></div></div>"
    )
    return (
        _head(title, site, date, meta_date=True)
        + f"<body>{_nav(site)}<main><article><h1>{_e(title)}</h1>{_paragraphs(paragraphs[:at])}{box}"
        f"{_paragraphs(paragraphs[at + count :])}</article></main>{_footer(site)}</body></html>"
    )


# rev21i2's e5 and e6: a post's own words that look like a signature ("— Name (@handle) ...") or open with a handle.
POST_OWN_WORDS = (
    "Some personal news — Sam Hill (@samhill) is joining the county council on a three-year deal. Thank you all.",
    "@HarbourCouncil gave us eight years of support and a new sea wall. We will always be grateful.",
    "@CityPolice @TransportDept Roads around the station will stay closed until at least 6pm, we are told.",
)


def post_own_words(paragraphs: list[str], rng: random.Random) -> list[str]:
    at = min(2, len(paragraphs) - 1)
    return [*paragraphs[:at], rng.choice(POST_OWN_WORDS), *paragraphs[at:]]


def neg_post_own_words(
    paragraphs: list[str], title: str, date: str, site: str, rng: random.Random, **_: Any
) -> tuple[str, list[str]]:
    """A post whose own words hold an em dash and a handle, or open with handles (rev21i2's e5, e6): all of them are
    the post's (its signature line is its own line after them)."""
    at = next(k for k, p in enumerate(paragraphs) if p in POST_OWN_WORDS)  # where post_own_words set the post
    tweet, signature = _police_post(paragraphs[at], rng, classed=rng.random() < 0.5)
    markup = (
        _head(title, site, date, meta_date=True)
        + f"<body>{_nav(site)}<main><article><h1>{_e(title)}</h1>{_paragraphs(paragraphs[:at])}{tweet}"
        f"{_paragraphs(paragraphs[at + 1 :])}</article></main>{_footer(site)}</body></html>"
    )
    return markup, [*paragraphs[: at + 1], signature, *paragraphs[at + 1 :]]


# rev22i's a_price and r1: story lines that read like offers (a price rise, a newsletter launch) or are short lines
# with figures (a results list), in a ``paywall``-classed box that no JSON-LD ``hasPart`` names, so it is judged.
OFFER_WORD_LINES = (
    (
        "Subscribers on the standard plan will pay £12.99 a month from 1 April.",
        "The premium tier rises to £18.99 a month, up from £15.99.",
        "The ad-supported plan stays at £5.99 a month.",
        "Annual subscriptions rise to £129.",
        "Members can cancel anytime before the change takes effect.",
    ),
    (
        "The paper launched a free morning newsletter on Monday.",
        "Readers can sign up for it on the paper's website.",
        "Subscribers get the first week of the new digest free.",
        "More than 12,000 readers signed up on the first day.",
    ),
    (
        "Labour: 6 seats (+1)",
        "Conservative: 4 seats (-2)",
        "Liberal Democrat: 3 seats",
        "Green: 2 seats (+1)",
        "Independent: 1 seat",
    ),
)
_ALL_OFFER_WORD_LINES = frozenset(line for group in OFFER_WORD_LINES for line in group)


def offer_word_lines(paragraphs: list[str], rng: random.Random) -> list[str]:
    at = min(2, len(paragraphs) - 1)
    return [*paragraphs[:at], *rng.choice(OFFER_WORD_LINES), *paragraphs[at:]]


def neg_paywall_offer_words(
    paragraphs: list[str], title: str, date: str, site: str, rng: random.Random, **_: Any
) -> str:
    """Story lines with offer words (a price rise, a newsletter launch) or a results list of short lines with figures,
    in a ``paywall``-classed box with a Share button, no JSON-LD naming it (rev22i's a_price, r1): the story's. A
    results list is set as a list."""
    at = next(k for k, p in enumerate(paragraphs) if p in _ALL_OFFER_WORD_LINES)
    count = sum(p in _ALL_OFFER_WORD_LINES for p in paragraphs)
    lines = paragraphs[at : at + count]
    inner = (
        "<ul>" + "".join(f"<li>{_e(p)}</li>" for p in lines) + "</ul>"
        if lines[0] == OFFER_WORD_LINES[2][0]
        else _paragraphs(lines)
    )
    box = (
        f"<div class='{rng.choice(SHORT_BOX_CLASSES)}'>{inner}"
        f"<div class='share-tools'><button>{rng.choice(SHARE_BUTTONS)}</button></div></div>"
    )
    return (
        _head(title, site, date, meta_date=True)
        + f"<body>{_nav(site)}<main><article><h1>{_e(title)}</h1>{_paragraphs(paragraphs[:at])}{box}"
        f"{_paragraphs(paragraphs[at + count :])}</article></main>{_footer(site)}</body></html>"
    )


SITE_SUBSCRIBE = "<div class='subscribe'><a class='btn' href='/subscribe'>Subscribe</a></div>"
INLINE_SUBSCRIBE = (
    "<div class='subscribe-box'><p>Support local journalism. Subscribe from £1 a week.</p>"
    "<a class='btn' href='/subscribe'>Subscribe</a></div>"
)
BODY_CALL_OUT = "Have you been affected? Tell us your story: email newsdesk@news.example or message us on WhatsApp."
BODY_NEWSLETTER = (
    "Sign up to our free daily newsletter for the latest news, sport and weather, delivered to your inbox every "
    "morning."
)
BODY_CAPTION = "Crews at the scene on Tuesday morning, seen from the main road (Image: Fire and Rescue Service)"


def neg_site_subscribe(paragraphs: list[str], title: str, date: str, site: str, rng: random.Random, **_: Any) -> str:
    """A complete, free page with a site-wide ``subscribe`` box after its header, and on half the pages a subscription
    promotion between its paragraphs, with a JSON-LD ``articleBody`` that runs a caption, a newsletter line and a
    reader call-out in among the story (rev22i's j1, j2); a short story (its first three paragraphs), so that the body
    is clearly fuller than the page. The page is not cut: its own paragraphs are the story, not the body."""
    mid = max(1, len(paragraphs) // 2)
    body = [*paragraphs[:mid], BODY_CAPTION, *paragraphs[mid:], BODY_NEWSLETTER, BODY_CALL_OUT]
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": title,
        "datePublished": f"{date}T07:30:00Z",
        "articleBody": "\n\n".join(body),
    }
    script = '<script type="application/ld+json">' + json.dumps(ld).replace("</", "<\\/") + "</script>"
    inline = INLINE_SUBSCRIBE if rng.random() < 0.5 else ""
    return (
        _head(title, site, date, meta_date=False, extra=script)
        + f"<body>{_nav(site)}{SITE_SUBSCRIBE}<main><article><h1>{_e(title)}</h1>"
        f"{_paragraphs(paragraphs[:mid])}{inline}{_paragraphs(paragraphs[mid:])}</article></main>{_footer(site)}"
        "</body></html>"
    )


# rev22i2's p7, p3, p4: a free, complete page with a subscribe box at the story's end, a sticky subscribe banner after
# </main>, or an empty hidden Piano layer at the end of <body>, whose JSON-LD body runs an author's bio or a "first
# published by" line on after the story.
BODY_BIO = (
    "Sam Patel is the paper's coastal affairs reporter and has covered the harbour since 2019. He was shortlisted for "
    "the 2024 regional press awards for his reporting on the storm damage."
)
BODY_FIRST_PUBLISHED = (
    "This story was first published by the Coastal Times and is republished under a content-sharing agreement."
)
END_SUBSCRIBE = (
    "<div class='subscribe-cta'><h3>Support local journalism</h3><p>Subscribe from £1 a week.</p>"
    "<a class='btn' href='/subscribe'>Subscribe</a></div>"
)
BANNER_SUBSCRIBE = (
    "<div class='subscribe-banner'><p>Subscribe from £1 a week</p><a class='btn' href='/subscribe'>Subscribe</a></div>"
)
PIANO_LAYER = "<div class='tp-modal' style='display:none'></div><div class='tp-backdrop tp-active'></div>"


def neg_free_subscribe_box(
    paragraphs: list[str], title: str, date: str, site: str, rng: random.Random, **_: Any
) -> str:
    """A free, complete page (its object says nothing of a paywall) with a subscribe box at the story's end, a sticky
    banner after </main> or an empty hidden Piano layer, and a JSON-LD ``articleBody`` that runs an author's bio or a
    "first published by" line on after the story (rev22i2's p7, p3, p4). The page is not cut: its own paragraphs are
    the story."""
    extra = rng.choice([[BODY_BIO], ["Additional reporting by Lena Ortiz.", BODY_FIRST_PUBLISHED]])
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": title,
        "datePublished": f"{date}T07:30:00Z",
        "articleBody": "\n\n".join([*paragraphs, *extra]),
    }
    script = '<script type="application/ld+json">' + json.dumps(ld).replace("</", "<\\/") + "</script>"
    where = rng.randrange(3)
    inside, after = (END_SUBSCRIBE, "") if where == 0 else ("", BANNER_SUBSCRIBE if where == 1 else PIANO_LAYER)
    return (
        _head(title, site, date, meta_date=False, extra=script)
        + f"<body>{_nav(site)}<main><article><h1>{_e(title)}</h1>{_paragraphs(paragraphs)}{inside}</article></main>"
        f"{after}{_footer(site)}</body></html>"
    )


# Session 23: story lines that merely mention offers in a ``paywall``-classed box beside a real Subscribe button (the
# known gap session 22 left), "By ..." subheads that are no bylines, and real embed code of posts (an old-style
# Instagram embed, whose caption is one link and whose "A post shared by" line is styled overflow:hidden, and a Reddit
# embed, whose signature is glued to its links), with or without the embeds' classes.
OFFER_MENTIONS = (
    "Subscribers on the standard plan will pay £12.99 a month from 1 April.",
    "The premium tier rises to £18.99 a month, up from £15.99.",
    "The company's offer to subscribers who pay annually is unchanged.",
    "Members can cancel anytime before the change takes effect.",
)
SUBSCRIBE_ACTIONS = ("<a class='btn' href='/subscribe'>Subscribe</a>", "<button>Subscribe</button>")


def offer_mentions(paragraphs: list[str], rng: random.Random) -> list[str]:
    at = min(2, len(paragraphs) - 1)
    return [*paragraphs[:at], *OFFER_MENTIONS, *paragraphs[at:]]


def neg_offer_mentions(paragraphs: list[str], title: str, date: str, site: str, rng: random.Random, **_: Any) -> str:
    """Story lines that mention offers, in a ``paywall``-classed box with a real Subscribe button (session 22's known
    gap): the story's, as they tell of others and ask nothing of the reader."""
    at = paragraphs.index(OFFER_MENTIONS[0])
    box = (
        f"<div class='{rng.choice(SHORT_BOX_CLASSES)}'>{_paragraphs(list(OFFER_MENTIONS))}"
        f"<div class='article-tools'>{rng.choice(SUBSCRIBE_ACTIONS)}</div></div>"
    )
    return (
        _head(title, site, date, meta_date=True)
        + f"<body>{_nav(site)}{SITE_SUBSCRIBE}<main><article><h1>{_e(title)}</h1>"
        f"<p class='byline'>By {rng.choice(PEOPLE)}</p>{_paragraphs(paragraphs[:at])}{box}"
        f"{_paragraphs(paragraphs[at + len(OFFER_MENTIONS) :])}</article>"
        f"{_related(['Council budget row deepens', 'Rail strike talks fail'])}</main>{_footer(site)}</body></html>"
    )


BY_SUBHEADS = ("By Royal Appointment", "By Air Mail", "By The Numbers", "By Popular Demand", "By Invitation Only")


def by_subheads(paragraphs: list[str], rng: random.Random) -> list[str]:
    out = list(paragraphs)
    for subhead in rng.sample(BY_SUBHEADS, 2):
        out.insert(rng.randint(1, max(1, len(out) - 1)), subhead)  # a subhead heads text: never the last line
    return out


def neg_by_subheads(paragraphs: list[str], title: str, date: str, site: str, rng: random.Random, **_: Any) -> str:
    """Subheads that open with "By" and name no one ("By Royal Appointment", "By The Numbers"), set as <h2> or <p>,
    under a real byline: the story's headings, not bylines."""
    blocks = "".join(
        (f"<h2>{_e(p)}</h2>" if rng.random() < 0.5 else f"<p>{_e(p)}</p>") if p in BY_SUBHEADS else f"<p>{_e(p)}</p>"
        for p in paragraphs
    )
    return (
        _head(title, site, date, meta_date=True)
        + f"<body>{_nav(site)}<main><article><h1>{_e(title)}</h1><p class='byline'>By {rng.choice(PEOPLE)}</p>"
        f"{blocks}</article>{_related(['Council budget row deepens', 'Rail strike talks fail'])}</main>"
        f"{_footer(site)}</body></html>"
    )


INSTAGRAM_CAPTION = "What a day it has been. Thank you all for coming out in the rain to fill sandbags. #harbourtown"
INSTAGRAM_SIGNATURE = "A post shared by Sam Hill (@samhill) on Mar 4, 2026 at 10:04am PST"
REDDIT_TITLE = "Flooding on the harbour road this morning"


def _instagram_v12(classed: bool) -> str:
    """Instagram's old embed code (version 12, captioned), as sites still carry it."""
    cls = ' class="instagram-media"' if classed else ""
    return (
        f'<blockquote{cls} data-instgrm-captioned data-instgrm-permalink="https://www.instagram.com/p/BxYz12AbC/" '
        'data-instgrm-version="12" style=" background:#FFF; border:0; margin: 1px; max-width:540px;"><div '
        'style="padding:8px;"> <div style=" background:#F8F8F8; line-height:0; margin-top:40px; padding:50.0% 0;">'
        '</div> <p style=" margin:8px 0 0 0; padding:0 4px;"> <a href="https://www.instagram.com/p/BxYz12AbC/" '
        f'style=" color:#000; text-decoration:none; word-wrap:break-word;" target="_blank">{INSTAGRAM_CAPTION}</a></p> '
        '<p style=" color:#c9c8cd; margin-top:8px; overflow:hidden; padding:8px 0 7px; text-align:center; '
        'text-overflow:ellipsis; white-space:nowrap;">A post shared by <a href="https://www.instagram.com/samhill/" '
        'style=" color:#c9c8cd;" target="_blank"> Sam Hill</a> (@samhill) on <time style=" font-size:14px;" '
        'datetime="2026-03-04T18:04:11+00:00">Mar 4, 2026 at 10:04am PST</time></p></div></blockquote> '
        '<script async defer src="//www.instagram.com/embed.js"></script>'
    )


def _reddit(classed: bool) -> str:
    """Reddit's embed code."""
    cls = ' class="reddit-embed-bq"' if classed else ""
    return (
        f'<blockquote{cls} style="height:500px" data-embed-height="740"><a href="https://www.reddit.com/r/'
        f'unitedkingdom/comments/1b2c3d/flooding/">{REDDIT_TITLE}</a><br> by<a href="https://www.reddit.com/user/'
        'rfan88/">u/rfan88</a> in<a href="https://www.reddit.com/r/unitedkingdom/">unitedkingdom</a></blockquote>'
        '<script async="" src="https://embed.reddit.com/widgets.js" charset="UTF-8"></script>'
    )


def neg_post_embed_code(
    paragraphs: list[str], title: str, date: str, site: str, rng: random.Random, **_: Any
) -> tuple[str, list[str]]:
    """An old-style Instagram embed and a Reddit embed as their embed code gives them, with or without their classes:
    story text as a reader sees it, the caption and its "A post shared by ... on <date>" line, the Reddit post's title
    and its "by u/rfan88 in unitedkingdom" line."""
    a, b = max(1, len(paragraphs) // 3), max(2, 2 * len(paragraphs) // 3)
    classed = rng.random() < 0.5
    markup = (
        _head(title, site, date, meta_date=True)
        + f"<body>{_nav(site)}<main><article><h1>{_e(title)}</h1><p class='byline'>By {rng.choice(PEOPLE)}</p>"
        f"{_paragraphs(paragraphs[:a])}{_instagram_v12(classed)}{_paragraphs(paragraphs[a:b])}{_reddit(classed)}"
        f"{_paragraphs(paragraphs[b:])}</article></main>{_footer(site)}</body></html>"
    )
    reddit = [REDDIT_TITLE, "by u/rfan88 in unitedkingdom"]
    return markup, [*paragraphs[:a], INSTAGRAM_CAPTION, INSTAGRAM_SIGNATURE, *paragraphs[a:b], *reddit, *paragraphs[b:]]


#: How each negative template's story is made from the original's paragraphs (its text, which the page must give).
PREPARE: dict[str, Callable[[list[str], random.Random], list[str]]] = {
    "neg_offer": lambda ps, rng: _insert(ps, rng.choice(OFFER_LINES), rng),
    "neg_appeal": lambda ps, rng: _insert(ps, rng.choice(APPEAL_LINES), rng),
    "neg_caption": lambda ps, rng: _insert(ps, rng.choice(CAPTION_LINES), rng),
    "neg_quoted_post": quoted_posts,
    "neg_nonpaywall": lambda ps, rng: ps,
    "neg_story_classes": lambda ps, rng: ps,
    "neg_unintroduced_post": unintroduced_post,
    "neg_paywall_short": short_lines,
    "neg_post_own_words": post_own_words,
    "neg_paywall_offer_words": offer_word_lines,
    "neg_site_subscribe": lambda ps, rng: ps[:3],  # a short story: the body's extra lines make it clearly fuller
    "neg_free_subscribe_box": lambda ps, rng: ps[:2],  # a short story, as the review's: the bio makes it fuller
    "neg_offer_mentions": offer_mentions,
    "neg_by_subheads": by_subheads,
    "neg_post_embed_code": lambda ps, rng: ps,
}

_MONTHS = "January February March April May June July August September October November December".split()
TEMPLATES: dict[str, Callable[..., str | tuple[str, list[str]]]] = {
    "classic": classic,
    "paywall": paywalled,
    "embeds": embeds,
    "json_ld_cut": json_ld_cut,
    "divs": divs,
    "neg_offer": neg_offer,
    "neg_appeal": neg_appeal,
    "neg_caption": neg_appeal,
    "neg_quoted_post": neg_quoted_post,
    "neg_nonpaywall": neg_nonpaywall,
    "neg_story_classes": neg_story_classes,
    "neg_unintroduced_post": neg_unintroduced_post,
    "neg_paywall_short": neg_paywall_short,
    "neg_post_own_words": neg_post_own_words,
    "neg_paywall_offer_words": neg_paywall_offer_words,
    "neg_site_subscribe": neg_site_subscribe,
    "neg_free_subscribe_box": neg_free_subscribe_box,
    "neg_offer_mentions": neg_offer_mentions,
    "neg_by_subheads": neg_by_subheads,
    "neg_post_embed_code": neg_post_embed_code,
}
#: The templates whose pages hold story text that looks like furniture (see the docstring).
NEGATIVE = (
    "neg_offer",
    "neg_appeal",
    "neg_caption",
    "neg_quoted_post",
    "neg_nonpaywall",
    "neg_story_classes",
    "neg_unintroduced_post",
    "neg_paywall_short",
    "neg_post_own_words",
    "neg_paywall_offer_words",
    "neg_site_subscribe",
    "neg_free_subscribe_box",
    "neg_offer_mentions",
    "neg_by_subheads",
    "neg_post_embed_code",
)


#: The time of day each template's date markup gives the publication (UTC), None where it gives the day alone: the
#: ``article:published_time`` meta of ``_head`` (08:30), a JSON-LD ``datePublished``, or the header's <time>.
TIME_OF_DAY: dict[str, str | None] = {
    **dict.fromkeys(TEMPLATES, "08:30:00+00:00"),
    "embeds": "07:00:00+00:00",
    "json_ld_cut": "09:15:00+00:00",
    "divs": None,
    "neg_offer": "06:45:00+00:00",
    "neg_site_subscribe": "07:30:00+00:00",
    "neg_free_subscribe_box": "07:30:00+00:00",
}


def _published(date: str, template: str) -> str:
    when = TIME_OF_DAY[template]
    return f"{date}T{when}" if when else date


def build_pages(eval_dir: Path, limit: int | None, all_templates: bool) -> list[Page]:
    """Each story in one positive template in turn (the pages session 20 measured, unchanged), and in one negative
    template in turn, made with a generator of its own so that the positive pages stay the same."""
    rng = random.Random(SEED)
    found = stories(eval_dir)
    chosen = found[:limit] if limit else found
    positive = [name for name in TEMPLATES if name not in NEGATIVE]
    pages = []
    for k, (_, paragraphs) in enumerate(chosen):
        names = positive if all_templates else [positive[k % len(positive)]]
        other_paragraphs = found[(k + 7) % len(found)][1]
        other = (headline(other_paragraphs, rng), " ".join(other_paragraphs))
        for name in names:
            title = headline(paragraphs, rng)
            date = f"{rng.randint(2008, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            site = rng.choice(SITES)
            made = TEMPLATES[name](paragraphs, title, date, site, rng, other=other)
            markup, text = made if isinstance(made, tuple) else (made, paragraphs)
            pages.append(Page(markup, "\n\n".join(text), title, date, name, _published(date, name)))
        own = random.Random(f"{SEED}-negative-{k}")
        for name in NEGATIVE if all_templates else [NEGATIVE[k % len(NEGATIVE)]]:
            story = PREPARE[name](paragraphs, own)
            title = headline(story, own)
            date = f"{own.randint(2008, 2025)}-{own.randint(1, 12):02d}-{own.randint(1, 28):02d}"
            made = TEMPLATES[name](story, title, date, own.choice(SITES), own, other=other)
            markup, text = made if isinstance(made, tuple) else (made, story)
            pages.append(Page(markup, "\n\n".join(text), title, date, name, _published(date, name)))
    return pages


# --- byline times (session 23): the time of day a page gives in its byline alone, beside other stories' times ---
# rev22i3 and rev23old's layouts: the page's date meta gives the day alone, the byline <time> the time of day, and
# other stories' or comments' times of the same day, earlier (the earliest date is taken for the original in a trace),
# stand above the headline, between it and the byline, or after the story. ``update_only``: the byline gives an
# update stamp alone, so the day alone is right.

_LATEST_TIMES = ("Ferry fares to rise in January", "School closes after boiler fault")


def _other_time(date: str, hour: int) -> str:
    return f"{date}T{hour:02d}:{10 * hour % 60:02d}:00+00:00"


def _latest(date: str, *, marked: bool = False) -> str:
    """A "Latest" list of other stories' links and times (WordPress-marked on ``marked``)."""
    mark = " class='entry-date published'" if marked else ""
    items = "".join(
        f"<li><a href='/news/latest-{k}'>{t}</a> <time{mark} datetime='{_other_time(date, 5 + k)}'>0{5 + k}:00</time>"
        "</li>"
        for k, t in enumerate(_LATEST_TIMES)
    )
    return f"<section class='latest'><h2>Latest</h2><ul>{items}</ul></section>"


def _cards(date: str) -> str:
    """Related cards after the story, their times marked published as WordPress themes mark them."""
    return (
        "<div class='related-posts'><h3>Related</h3>"
        + "".join(
            f"<article class='card'><h4><a href='/news/card-{k}'>{t.split()[0]} {t.split()[1]}</a></h4><time "
            f"class='entry-date published' datetime='{_other_time(date, 4 + k)}'>0{4 + k}:00</time></article>"
            for k, t in enumerate(_LATEST_TIMES)
        )
        + "</div>"
    )


def _comments(date: str) -> str:
    return (
        "<section id='comments'><h3>2 comments</h3><ol class='comment-list'><li class='comment'><p class='author'>"
        f"harbourfan</p><time class='comment-date published' datetime='{_other_time(date, 6)}'>06:00</time><p>About "
        "time too.</p></li></ol></section>"
    )


def byline_time_page(variant: str, paragraphs: list[str], title: str, date: str, site: str, at: str) -> tuple[str, str]:
    """A page of layout ``variant`` (see :data:`BYLINE_TIMES`) whose byline gives the time ``at`` (ISO 8601), and the
    story text it shows."""
    person = "Sam Patel"
    stamp = f"<time datetime='{at}'>{at[11:16]}</time>"
    byline = f"<div class='byline'>By {person} {stamp}</div>"
    standfirst = ""
    above = between = after = inside_after = ""
    heading = f"<h1>{_e(title)}</h1>"
    if variant == "latest_above":
        above = _latest(date)
    elif variant == "trending_above":
        above = f"<div class='trending'>{_latest(date, marked=True)}</div>"
    elif variant == "latest_between":
        between = _latest(date)
    elif variant == "related_marked":
        after = _cards(date)
    elif variant == "comments_marked":
        inside_after = _comments(date)
    elif variant == "standfirst":
        standfirst = f"What the decision means for {site} readers, and what happens next, in {len(paragraphs)} points."
        between = f"<p class='standfirst'>{_e(standfirst)}</p>"
    elif variant == "lead_caption":
        between = (
            "<figure><img src='/img/1.jpg' alt=''><figcaption><p>Officials at the scene on Tuesday, as seen from the "
            "main road. Photograph: Jo Smith</p></figcaption></figure>"
        )
    elif variant == "byline_p":
        byline = f"<p class='byline'>By {person}, Political Correspondent, {_e(site)}</p><p class='date'>{stamp}</p>"
    elif variant == "byline_after":
        inside_after, byline = f"<div class='meta'>Published {stamp}</div>", ""
    elif variant == "entry_meta":
        byline = (
            "<ul class='entry-meta'><li class='byline'>By <a href='/author/sam-patel'>Sam Patel</a></li><li "
            f"class='posted-on'><time class='entry-date published' datetime='{at}'>{at[11:16]}</time></li></ul>"
        )
        after = _cards(date)
    elif variant == "meta_list":
        byline = f"<ul class='meta'><li><span class='author'>By {person}</span></li><li>{stamp}</li></ul>"
        after = _latest(date)
    elif variant == "update_only":
        byline = f"<div class='byline'>By {person} | Updated {stamp}</div>"
        after = _latest(date)
    # rev23t's layouts (session 23, second round)
    elif variant == "byline_link":
        byline = (
            f"<div class='byline'>By <a href='/reporters/sam-patel-and-jane-doe'>Sam Patel and Jane Doe</a> · {stamp}"
            "</div>"
        )
        after = _cards(date)
    elif variant == "author_page_link":
        byline = f"<div class='byline'><a href='/by/sam-patel'>{person}, Political Correspondent</a> {stamp}</div>"
    elif variant == "newsletter_link":
        byline = (
            f"<div class='meta'><span>By {person}</span> {stamp} <a href='/newsletters/morning'>Sign up to our morning "
            "briefing</a></div>"
        )
    elif variant == "hero_gallery":
        byline = (
            "<div class='lead'><figure><img src='/img/1.jpg' alt=''><figcaption>The scene on Tuesday. <a "
            f"href='/gallery/scene'>See more pictures of the scene</a></figcaption></figure><div class='byline'>By "
            f"{person} {stamp}</div></div>"
        )
    elif variant == "meta_above_h1":  # WordPress Twenty Seventeen: entry-meta above h1.entry-title
        heading = (
            "<header class='entry-header'><div class='entry-meta'><span class='posted-on'>Posted on <a href='/story/' "
            f"rel='bookmark'><time class='entry-date published' datetime='{at}'>{at[11:16]}</time></a></span></div>"
            f"<h1 class='entry-title'>{_e(title)}</h1></header>"
        )
        byline = ""
        above = _latest(date)
    elif variant == "kicker_above_h1":
        heading = f"<header><div class='kicker'><a href='/news'>News</a> | {stamp}</div><h1>{_e(title)}</h1></header>"
        byline = f"<p class='byline'>By {person}</p>"
    elif variant == "h1_in_sidebar":  # the headline an <h2>, the page's only <h1> a sidebar widget's title
        heading = f"<h2 class='entry-title'>{_e(title)}</h2>"
        byline = f"<div class='entry-meta'>Posted on {stamp}</div>"
        after = (
            "<aside class='widget'><h1 class='widget-title'>Recent posts</h1><ul><li><a href='/a'>Ferry fares</a></li>"
            "</ul></aside>"
        )
    elif variant == "stand_byline_p":
        standfirst = f"What the decision means for {site} readers, and what happens next, in {len(paragraphs)} points."
        between = f"<p class='standfirst'>{_e(standfirst)}</p><p>By {person} and Jane Doe, {_e(site)} reporters</p>"
        byline = f"<div class='date'>{stamp}</div>"
    elif variant == "entry_footer":  # WordPress Twenty Twenty-One: "Published <time>" in the article's own footer
        byline = ""
        inside_after = (
            "<footer class='entry-footer'><span class='posted-on'>Published <time class='entry-date published updated' "
            f"datetime='{at}'>{at[11:16]}</time></span></footer>"
        )
    elif variant == "microdata_card":
        after = (
            "<div class='related'><h3>Related</h3><article class='card' itemscope "
            f"itemtype='https://schema.org/NewsArticle'><h4 itemprop='headline'><a href='/news/card'>{_LATEST_TIMES[0]}"
            "</a></h4><time itemprop='datePublished' "
            f"datetime='{_other_time(date, 6)}'>06:00</time></article></div>"
        )
    elif variant == "source_credit":  # a republished story's credit line gives the source's time: the day alone
        byline = f"<div class='byline'>By {person}</div>"
        inside_after = (
            f"<p class='credit'>This story was originally\n  published <time datetime='{_other_time(date, 6)}'>06:00"
            "</time> by the Harbour Wire.</p>"
        )
    elif variant == "live_posts":  # a live blog: an update stamp in the byline, "Posted at" posts: the day alone
        byline = f"<div class='byline'>By {person} | Updated {stamp}</div>"
        inside_after = "".join(
            f"<div class='post'><p class='meta'>Posted at <time datetime='{_other_time(date, h)}'>{h:02d}:00</time></p>"
            f"<p>{_e(paragraphs[0][:120])}</p></div>"
            for h in (8, 7)
        )
    elif variant == "read_next":  # a "Read next" card inside the article, its time labelled: the day alone
        byline = f"<div class='byline'>By {person}</div>"
        inside_after = (
            f"<div class='read-next'><a href='/news/ferry-fares'>Ferry fares rise</a><span>Published <time "
            f"datetime='{_other_time(date, 6)}'>06:00</time></span></div>"
        )
    # rev23t2's layouts (session 23, third round)
    elif (
        variant == "div_strip"
    ):  # a React page's "Breaking" strip, a plain <div> with a headline link, before the byline
        between = (
            f"<div class='breaking-strip'><span>Breaking</span> <a href='/news/latest-0'>{_LATEST_TIMES[0]}</a> <time "
            f"datetime='{_other_time(date, 7)}'>07:10</time></div>"
        )
    elif variant == "div_strip_above_h1":  # the same strip in the article, above the headline's header
        heading = (
            f"<div class='news-strip'><a href='/news/latest-0'>{_LATEST_TIMES[0]}</a> <time "
            f"datetime='{_other_time(date, 7)}'>07:10</time></div><header><h1>{_e(title)}</h1></header>"
        )
    elif variant == "author_card":
        byline = f"<div class='author-card'><img src='/img/sam.jpg' alt=''><span>By {person}</span> {stamp}</div>"
    elif variant == "meta_section":  # a <section> byline whose author link runs to four words
        byline = (
            f"<section class='article-meta'><a href='/sam-patel'>{person}, Political Correspondent</a> {stamp}"
            "</section>"
        )
    elif variant == "cookie_banner":  # a masthead clock and a cookie banner's two paragraphs over the story
        above = (
            "<header class='site-header'><div class='clock'><time "
            f"datetime='{_other_time(date, 6)}'>06:00</time></div></header><div id='cookie-banner'><p>We use cookies "
            "and similar technologies to improve your experience and to measure how our site is used.</p><p>You can "
            "change your choices at any time in the privacy settings linked at the bottom of every page.</p></div>"
        )
    elif variant == "logo_h1_home_url":  # a logo <h1> linking to the site's absolute home address, and its clock
        above = (
            "<header class='site-header'><h1><a href='https://herald.example/'>Harbour Herald</a></h1><div "
            f"class='edition'><time datetime='{_other_time(date, 7)}'>07:10</time></div></header>"
        )
    elif variant == "meta_card":  # a related card's body <meta itemprop="datePublished">
        after = (
            "<aside class='related'><div itemscope itemtype='https://schema.org/NewsArticle'><h3 itemprop='headline'>"
            f"<a href='/news/card'>{_LATEST_TIMES[0]}</a></h3><meta itemprop='datePublished' "
            f"content='{_other_time(date, 6)}'></div></aside>"
        )
    elif variant == "correction_footer":  # "Correction published <time>" in the article's footer: the day alone
        byline = f"<div class='byline'>By {person}</div>"
        inside_after = (
            f"<footer><p class='correction'>Correction published <time datetime='{at}'>{at[11:16]}</time>: an earlier "
            "version misnamed a speaker.</p></footer>"
        )
    # rev23t3's layouts (session 23, fourth round)
    elif variant == "body_meta_video":  # the story's body <meta itemprop>, an embedded video's earlier JSON-LD date
        heading = f"<meta itemprop='datePublished' content='{at}'>{heading}"
        byline = f"<div class='byline'>By {person}</div>"
        between = (
            '<script type="application/ld+json">{"@context":"https://schema.org","@type":"VideoObject","name":"Scene",'
            f'"uploadDate":"{_other_time(date, 6)}","datePublished":"{_other_time(date, 6)}"}}</script>'
        )
    elif variant == "next_article_byline_first":  # infinite scroll: the next story, byline over its headline
        after = (
            "<article><div class='byline'>By Jo Smith <time itemprop='datePublished' "
            f"datetime='{_other_time(date, 6)}'>06:00</time></div><h2><a href='/news/latest-0'>{_LATEST_TIMES[0]}</a>"
            "</h2><p>Operators said fares would rise.</p></article>"
        )
    elif variant == "card_meta":  # a related box whose class says "meta" too
        after = (
            f"<div class='card-meta'><a href='/news/latest-0'>{_LATEST_TIMES[0]}</a> <time itemprop='datePublished' "
            f"datetime='{_other_time(date, 6)}'>06:00</time></div>"
        )
    elif variant == "banner_h1":  # a subscribe modal's own <h1> over the masthead's clock
        above = (
            f"<div class='modal subscribe'><h1>Subscribe to {_e(site)}</h1><p>Just £1 a week.</p></div><header "
            f"class='site-header'><div class='clock'><time datetime='{_other_time(date, 6)}'>06:00</time></div>"
            "</header>"
        )
    elif variant == "plain_permalink_h1":  # a WordPress story <h1> linking to its own /?p=123, a header clock
        above = f"<div id='header'><div class='date'><time datetime='{_other_time(date, 6)}'>06:00</time></div></div>"
        heading = f"<h1 class='entry-title'><a href='/?p=123' rel='bookmark'>{_e(title)}</a></h1>"
    elif variant == "listen_caption":  # "Listen to this article" beside the time, a lead image caption's time below
        byline = (
            f"<div class='timestamp-row'>{stamp} <a href='/audio/story'>Listen to this article</a></div><figure><img "
            f"src='/img/1.jpg' alt=''><figcaption>The scene, photographed <time datetime='{_other_time(date, 6)}'>06:00"
            "</time></figcaption></figure>"
        )
    head = _head(title, site, date, meta_date=False, extra=f"<meta property='article:published_time' content='{date}'>")
    markup = (
        f"{head}<body>{_nav(site)}{above}<main><article>{heading}{between}{byline}"
        f"{_paragraphs(paragraphs)}{inside_after}</article>{after}</main>{_footer(site)}</body></html>"
    )
    return markup, "\n\n".join([standfirst, *paragraphs] if standfirst else paragraphs)


#: The byline-time layouts, and whether the page's time of day is the byline's (else it gives the day alone).
BYLINE_TIMES = {
    "latest_above": True,
    "trending_above": True,
    "latest_between": True,
    "related_marked": True,
    "comments_marked": True,
    "standfirst": True,
    "lead_caption": True,
    "byline_p": True,
    "byline_after": True,
    "entry_meta": True,
    "meta_list": True,
    "update_only": False,
    "byline_link": True,
    "author_page_link": True,
    "newsletter_link": True,
    "hero_gallery": True,
    "meta_above_h1": True,
    "kicker_above_h1": True,
    "h1_in_sidebar": True,
    "stand_byline_p": True,
    "entry_footer": True,
    "microdata_card": True,
    "source_credit": False,
    "live_posts": False,
    "read_next": False,
    "div_strip": True,
    "div_strip_above_h1": True,
    "author_card": True,
    "meta_section": True,
    "cookie_banner": True,
    "logo_h1_home_url": True,
    "meta_card": True,
    "correction_footer": False,
    "body_meta_video": True,
    "next_article_byline_first": True,
    "card_meta": True,
    "banner_h1": True,
    "plain_permalink_h1": True,
    "listen_caption": True,
}


def build_byline_time_pages(eval_dir: Path, limit: int | None) -> list[Page]:
    """Each story in one byline-time layout in turn (own generator: the other pages stay as they were)."""
    found = stories(eval_dir)
    chosen = found[:limit] if limit else found
    names = list(BYLINE_TIMES)
    pages = []
    for k, (_, paragraphs) in enumerate(chosen):
        rng = random.Random(f"{SEED}-byline-time-{k}")
        name = names[k % len(names)]
        title = headline(paragraphs, rng)
        date = f"{rng.randint(2008, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        at = f"{date}T{rng.randint(9, 22):02d}:{rng.randint(0, 59):02d}:00+00:00"
        markup, text = byline_time_page(name, paragraphs, title, date, rng.choice(SITES), at)
        pages.append(Page(markup, text, title, date, f"time_{name}", at if BYLINE_TIMES[name] else date))
    return pages


# --- the extractors ------------------------------------------------------------------------------------------


def storytrace_read(page: str) -> Read:
    from storytrace.article import article_from_html
    from storytrace.errors import InputError

    try:
        article = article_from_html(page)
    except InputError:
        return Read("", None, None)
    return Read(article.text, article.title, (article.published or "")[:10] or None, article.published)


def all_paragraphs(page: str) -> Read:
    import lxml.html

    tree = lxml.html.fromstring(page)
    text = "\n\n".join(" ".join(p.text_content().split()) for p in tree.iter("p"))
    title = tree.findtext(".//title")
    dates = tree.xpath("//meta[@property='article:published_time']/@content")
    return Read(text, title, dates[0][:10] if dates else None, dates[0] if dates else None)


def trafilatura_default(page: str) -> Read:
    import trafilatura

    doc = trafilatura.bare_extraction(page, with_metadata=True)
    if doc is None or isinstance(doc, dict):
        return Read("", None, None)
    return Read(doc.text or "", doc.title, (doc.date or "")[:10] or None, doc.date)


EXTRACTORS: dict[str, Callable[[str], Read]] = {
    "storytrace": storytrace_read,
    "baseline: all <p>": all_paragraphs,
    "baseline: trafilatura defaults": trafilatura_default,
}


# --- scoring -------------------------------------------------------------------------------------------------


def _flat(text: str) -> str:
    return " ".join(text.split())


def _tokens(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.casefold()))


def _instant(value: str | None) -> str | None:
    """``value`` as a UTC instant when it gives a time of day, else as written (a day, or None)."""
    import datetime as dt

    if value is None or len(value) <= 10:
        return value
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    return (moment.astimezone(dt.UTC) if moment.tzinfo else moment).isoformat()


Row = tuple[bool, float, float, bool, bool, bool]


def score(pages: list[Page], extractor: Callable[[str], Read]) -> dict[str, Any]:
    rows: dict[str, list[Row]] = defaultdict(list)
    start, cpu_start = time.perf_counter(), time.process_time()
    reads = [extractor(p.html) for p in pages]
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    for page, read in zip(pages, reads, strict=True):
        got, want = _tokens(read.text), _tokens(page.text)
        common = sum((got & want).values())
        precision = common / sum(got.values()) if got else 0.0
        recall = common / sum(want.values()) if want else 0.0
        title_ok = read.title is not None and _flat(read.title).casefold() == _flat(page.title).casefold()
        rows[page.template].append(
            (
                _flat(read.text) == _flat(page.text),
                precision,
                recall,
                title_ok,
                read.date == page.date,
                _instant(read.published) == _instant(page.published),
            )
        )
    # "all": the positive templates, as session 20 measured them; "negative": the story text that looks like furniture
    rows["all"] = [r for name in TEMPLATES if name not in NEGATIVE for r in rows.get(name, [])]
    rows["negative"] = [r for name in NEGATIVE for r in rows.get(name, [])]
    rows["bylines"] = [r for name in BYLINE_TIMES for r in rows.get(f"time_{name}", [])]
    for name in [*rows]:
        if not rows[name]:
            del rows[name]

    def summary(rs: list[Row]) -> dict[str, float]:
        n = len(rs) or 1
        return {
            "pages": len(rs),
            "exact": sum(r[0] for r in rs) / n,
            "precision": sum(r[1] for r in rs) / n,
            "recall": sum(r[2] for r in rs) / n,
            "title": sum(r[3] for r in rs) / n,
            "date": sum(r[4] for r in rs) / n,
            "time": sum(r[5] for r in rs) / n,
        }

    return {
        "by_template": {name: summary(rs) for name, rs in rows.items()},
        "pages_per_s": len(pages) / seconds if seconds else 0.0,
        "pages_per_cpu_s": len(pages) / cpu_seconds if cpu_seconds else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--eval-dir")
    parser.add_argument("--limit", type=int, help="the first N stories only")
    parser.add_argument("--all-templates", action="store_true", help="every story in every template")
    parser.add_argument("--only", help="extractors to run, comma-separated prefixes (storytrace,baseline)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--dump", help="write the pages storytrace did not read exactly to this JSONL file")
    args = parser.parse_args()
    eval_dir = eval_dir_from(args.eval_dir)
    pages = build_pages(eval_dir, args.limit, args.all_templates)
    timed = build_byline_time_pages(eval_dir, args.limit)
    wanted = [n for n in EXTRACTORS if not args.only or any(n.startswith(o) for o in args.only.split(","))]
    results = {name: score(pages, EXTRACTORS[name]) for name in wanted}
    # scored apart, so that the figures and pages/s of the other pages stay as sessions 20 to 22 measured them
    byline_results = {name: score(timed, EXTRACTORS[name]) for name in wanted}
    if args.dump and "storytrace" in results:
        with open(args.dump, "w", encoding="utf-8") as f:
            for page in pages:
                read = storytrace_read(page.html)
                if _flat(read.text) != _flat(page.text):
                    f.write(json.dumps({"template": page.template, "want": page.text, "got": read.text}) + "\n")
    if args.json:
        out = {"pages": len(pages), "seed": SEED, "results": results, "byline_times": byline_results}
        print(json.dumps(out, indent=2))
        return
    print(
        f"ingest: {len(pages)} pages from sheepdog-train originals, {len(TEMPLATES) - len(NEGATIVE)} templates and "
        f"{len(NEGATIVE)} negative ones, seed {SEED}; and {len(timed)} pages in {len(BYLINE_TIMES)} byline-time layouts"
    )
    columns = ("exact", "prec", "recall", "title", "date", "time")
    header = f"{'extractor':32} {'template':22} {'pages':>5} " + " ".join(f"{c:>6}" for c in columns)
    print(header)
    print("-" * len(header))
    for name in wanted:
        for result in (results[name], byline_results[name]):
            for template, s in result["by_template"].items():
                print(
                    f"{name:32} {template:22} {s['pages']:5d} {s['exact']:6.3f} {s['precision']:6.3f} "
                    f"{s['recall']:6.3f} {s['title']:6.3f} {s['date']:6.3f} {s['time']:6.3f}"
                )
        result = results[name]
        print(f"{name:32} {'pages/s':22} {result['pages_per_s']:.1f} wall, {result['pages_per_cpu_s']:.1f} per CPU-s")


if __name__ == "__main__":
    main()
