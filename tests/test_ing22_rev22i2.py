"""Session 22: review rev22i2's pages. A free, complete page with a subscribe box (at the story's end, a sticky banner
after </main>, an empty hidden Piano layer) is no cut page: its JSON-LD body, which runs an author bio or a "first
published by" line on after the story, does not replace its text (only an object that says it is paywalled,
``isAccessibleForFree: false``, is read from its body). A time in a list of other stories is never the story's; a
byline that gives an update stamp alone keeps the publication day alone; a lone ``<time class="updated">`` (hAtom) is
the post's time."""

from __future__ import annotations

import json

from storytrace.article import article_from_html
from storytrace.comparison import compare
from storytrace.settings import Settings

TITLE = "Harbour board approves £4.2m north pier rebuild"
STORY = [
    "The harbour board approved a £4.2m plan on Tuesday to rebuild the north pier, which has been closed since storms "
    "damaged it in February 2025.",
    "Board chair Maria Lopez said the work would start in May and take 18 months, with the pier reopening to boats in "
    "late 2027.",
    "Fishing crews have had to use the smaller south quay for more than a year, and several said they had lost up to "
    "a third of their catch income.",
    "The council will contribute £1.5m, with the rest coming from a government coastal fund announced in the spring "
    "budget.",
]
BIO = (
    "Sam Patel is the Gazette's coastal affairs reporter and has covered the harbour since 2019. He was shortlisted "
    "for the 2024 regional press awards for his reporting on the storm damage."
)
FIRST_PUBLISHED = (
    "This story was first published by the Coastal Times on 6 December 2026 and is republished under a content-sharing "
    "agreement with the Harbour Gazette."
)
END_CTA = (
    "<div class='subscribe-cta'><h3>Support local journalism</h3><p>Subscribe from £1 a week.</p>"
    "<a class='btn' href='/subscribe'>Subscribe</a></div>"
)
BANNER = (
    "<div class='subscribe-banner'><p>Subscribe from £1 a week</p><a class='btn' href='/subscribe'>Subscribe</a></div>"
)
PIANO = "<div class='tp-modal' style='display:none'></div><div class='tp-backdrop tp-active'></div>"


def _ld(body: list[str], **fields: object) -> str:
    obj = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": TITLE, **fields}
    obj["articleBody"] = "\n\n".join(body)
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def _page(ld: str, *, inside: str = "", after: str = "") -> str:
    return (
        f"<!DOCTYPE html><html><head><title>{TITLE} | Harbour Gazette</title>"
        f'<meta property="article:published_time" content="2026-12-07T09:00:00+00:00">{ld}</head><body>'
        "<header class='site-header'><nav><a href='/'>Home</a></nav></header>"
        f"<main id='main'><article class='post'><h1 class='entry-title'>{TITLE}</h1>"
        "<div class='entry-meta'>By <span class='author'>Sam Patel</span></div><div class='entry-content'>"
        + "".join(f"<p>{p}</p>" for p in STORY)
        + f"{inside}</div></article></main>{after}<footer><p>© 2026 Harbour Gazette</p></footer></body></html>"
    )


def _serious(original: str, copy: list[str]) -> list[tuple[str, str]]:
    report = compare(article_from_html(original), "\n\n".join(copy), settings=Settings(use_embeddings=False))
    return [(f.type, f.severity) for f in report.findings if f.severity in ("high", "medium")]


def test_a_free_page_with_a_subscribe_box_is_read_as_it_shows() -> None:
    """rev22i2's p7 (a "Support local journalism" box at the story's end), p3 (a sticky banner after </main>), p4 (an
    empty hidden Piano layer): each was read as cut, its body's bio or "first published by" line added, and a
    faithful copy got findings."""
    pages = {
        "p7": _page(_ld([*STORY, BIO]), inside=END_CTA),
        "p3": _page(_ld([*STORY, BIO]), after=BANNER),
        "p4": _page(_ld([*STORY, "Additional reporting by Lena Ortiz and Tom Wright.", FIRST_PUBLISHED]), after=PIANO),
    }
    for name, page in pages.items():
        assert article_from_html(page).text.split("\n\n") == STORY, name
    assert _serious(pages["p7"], [TITLE, *STORY]) == []


def test_a_page_whose_object_says_it_is_paywalled_is_read_from_its_body() -> None:
    shown = _page(_ld([*STORY, BIO], isAccessibleForFree=False)).replace(f"<p>{STORY[3]}</p>", "")
    assert article_from_html(shown).text.split("\n\n") == [*STORY, BIO]
    # the same page with its object free to read: its own paragraphs
    free = _page(_ld([*STORY, BIO], isAccessibleForFree=True)).replace(f"<p>{STORY[3]}</p>", "")
    assert article_from_html(free).text.split("\n\n") == STORY[:3]


def _dated(byline: str) -> str:
    return (
        f"<!DOCTYPE html><html><head><title>{TITLE}</title><meta name='date' content='2026-12-07'></head><body><main>"
        f"<article><h1>{TITLE}</h1><div class='byline'>By Sam Patel {byline}</div>"
        + "".join(f"<p>{p}</p>" for p in STORY)
        + "</article><section class='latest'><h2>Latest</h2><ul>"
        "<li><a href='/a'>Ferry fares to rise in January</a> <time datetime='2026-12-07T07:30:00+00:00'>07:30</time>"
        "</li>"
        "<li><a href='/b'>School closes after boiler fault</a> <time datetime='2026-12-07T06:10:00+00:00'>06:10</time>"
        "</li></ul></section></main></body></html>"
    )


def test_a_time_in_a_list_of_other_stories_is_not_the_storys() -> None:
    """rev22i2's p6: the byline gives an update stamp alone; the branch read 07:30 from the "Latest" list."""
    updated = _dated("<span class='sep'>|</span> Updated <time datetime='2026-12-07T14:02:00+00:00'>14:02</time>")
    assert article_from_html(updated).published == "2026-12-07"
    both = _dated(
        "<time datetime='2026-12-07T09:00:00+00:00'>09:00</time> <span class='sep'>|</span> "
        "Updated <time datetime='2026-12-07T14:02:00+00:00'>14:02</time>"
    )
    assert article_from_html(both).published == "2026-12-07T09:00:00+00:00"
    # a time in a <section> that is no story's (no <h1>), not in a list either
    aside = _dated("").replace("<ul>", "<div>").replace("</ul>", "</div>").replace("<li>", "<p>")
    assert article_from_html(aside.replace("</li>", "</p>")).published == "2026-12-07"


def test_a_lone_updated_class_is_the_posts_time() -> None:
    """rev22i2's p6c: hAtom themes mark a post's one time class="updated"; main read 09:00, the branch 07:30."""
    page = _dated("<time class='updated' datetime='2026-12-07T09:00:00+00:00'>7 December 2026, 9:00am</time>")
    assert article_from_html(page).published == "2026-12-07T09:00:00+00:00"
    # the page's modified-date markup gives the same time: it is the update's
    modified = page.replace(
        "</head>", "<meta property='article:modified_time' content='2026-12-07T09:00:00+00:00'></head>"
    )
    assert article_from_html(modified).published == "2026-12-07"
    # a time marked published beside it: the stamp is an update's
    marked = page.replace(
        "By Sam Patel ", "By Sam Patel <time class='published' datetime='2026-12-07T08:00:00+00:00'>8am</time> "
    )
    assert article_from_html(marked).published == "2026-12-07T08:00:00+00:00"


def test_a_pages_times_are_judged_in_linear_time() -> None:
    """20,000 <time>s in a list, or 250 sections deep, or each in its own <div> 250 deep: each element is judged once
    for standing in a list or a section without the <h1> (an ancestor search for each time took 3.6 CPU-s on the
    second page)."""
    import time

    import lxml.html

    from storytrace.article import _story_times

    stamp = "<time datetime='2026-12-07T07:30:00+00:00'>07:30</time>"
    bodies = (
        "<ul>" + f"<li><a href='/x'>Other story</a> {stamp}</li>" * 20_000 + "</ul>",
        "<section>" * 250 + stamp * 20_000 + "</section>" * 250,
        "<section><h1>T</h1>" + "<div>" * 250 + f"<div>{stamp}</div>" * 20_000 + "</div>" * 250 + "</section>",
    )
    for body in bodies:
        tree = lxml.html.fromstring(f"<html><body>{body}</body></html>")
        start = time.process_time()
        _story_times(tree, "")
        assert time.process_time() - start < 1.0
