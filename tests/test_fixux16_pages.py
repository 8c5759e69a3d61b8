"""Review of the ux16 ingest changes: teaser cards were dropped from live blogs and section fronts, and a related
story's date in the page's markup was taken for the story's own. Pages built here by hand."""

from __future__ import annotations

import json

from storytrace.article import article_from_html

STORY = " ".join(
    f"Sentence {i} of the council story says the budget vote was delayed again by members." for i in range(12)
)
ENTRIES = [
    f"Entry {i}: the finance committee resumed its debate on the budget, and member {i} asked about road funding."
    for i in range(10)
]
CARDS = "".join(
    f'<article class="card"><h3><a href="/t{k}">Teaser headline number {k} about something else entirely</a></h3>'
    f"<p>A short summary of another story that the reader might want to click on, number {k}, with more words.</p>"
    "</article>"
    for k in range(6)
)


def _paragraphs(html: str) -> list[str]:
    return article_from_html(html).text.split("\n\n")


def test_a_section_front_of_cards_keeps_them_beside_a_script_or_a_footer() -> None:
    script = "<script>" + "window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)};" * 10
    footer = "<footer><p>" + "About us. Contact. Careers. Advertise with us. Terms of use. Privacy policy. " * 8
    for furniture in (script + "</script>", footer + "</p></footer>"):
        html = f"<html><head><title>Port news</title></head><body><main>{CARDS}</main>{furniture}</body></html>"
        assert len([p for p in _paragraphs(html) if "short summary" in p]) == 6


def test_the_entries_of_a_live_blog_are_kept() -> None:
    summary = "<p>" + " ".join(ENTRIES[0].replace("Entry 0", "In short") for _ in range(5)) + "</p>"
    entries = "".join(
        f'<article class="post"><h2><a href="https://news.example/live/budget?post={i}">Update {i} on the vote</a>'
        f"</h2><p>{e}</p></article>"
        for i, e in enumerate(ENTRIES)
    )
    html = (
        '<html><head><title>Budget live</title></head><body><nav><a href="/">Home</a></nav>'
        f'<div class="liveblog"><h1>Budget live</h1><div class="summary">{summary}</div>{entries}</div></body></html>'
    )
    text = article_from_html(html).text
    assert all(e in text for e in ENTRIES)
    # each entry's own web address, in a box of entries apart from the summary: the shared path still tells
    apart = html.replace(f"{summary}</div>", f"{summary}</div><div>").replace("</div></body>", "</div></div></body>")
    assert all(e in article_from_html(apart).text for e in ENTRIES)


def test_news_in_brief_under_an_intro_is_kept() -> None:
    intro = "<p>" + STORY[:600] + "</p>"
    briefs = "".join(
        f'<article><h3><a href="/story/{i}">Brief {i}</a></h3><p>{e}</p></article>' for i, e in enumerate(ENTRIES)
    )
    html = f"<html><head><title>In brief</title></head><body><h1>News in brief</h1>{intro}{briefs}</body></html>"
    text = article_from_html(html).text
    assert all(e in text for e in ENTRIES)


def test_a_trending_rails_date_is_not_the_storys() -> None:
    html = f"""<html><head><title>Council delays budget vote</title></head><body>
<header><nav><a href="/">Home</a></nav>
<ul class="trending"><li itemscope itemtype="https://schema.org/NewsArticle"><a itemprop="url" href="/x">
<span itemprop="headline">Storm hits coast</span></a>
<time itemprop="datePublished" datetime="2024-03-12T08:00:00Z">2 days ago</time></li></ul></header>
<main itemscope itemtype="https://schema.org/NewsArticle"><h1 itemprop="headline">Council delays budget vote</h1>
<time itemprop="datePublished" datetime="2024-03-14T09:00:00Z">14 March 2024</time>
<div itemprop="articleBody"><p>{STORY}</p></div></main></body></html>"""
    assert article_from_html(html).published == "2024-03-14T09:00:00+00:00"  # was 2024-03-12T08:00


def test_a_related_cards_date_after_a_story_dated_in_its_text_is_not_the_storys() -> None:
    html = f"""<html><head><title>Council</title></head><body>
<main><h1>Council</h1><p class="date">Published 14 March 2024</p><p>{STORY}</p></main>
<aside><div class="card"><a href="/old">Older story</a>
<time itemprop="datePublished" datetime="2023-11-02">Nov 2</time></div></aside></body></html>"""
    assert article_from_html(html).published == "2024-03-14"  # was 2023-11-02


def test_a_related_list_in_json_ld_does_not_date_the_story() -> None:
    related = {
        "@type": "ItemList",
        "itemListElement": [{"@type": "NewsArticle", "datePublished": "January 5, 2022 10:00 AM"}],
    }
    own = {"@type": "NewsArticle", "headline": "Council", "datePublished": "2024-03-14T09:00:00Z"}
    html = (
        f'<html><head><title>Council</title><script type="application/ld+json">{json.dumps(related)}</script>'
        f'<script type="application/ld+json">{json.dumps(own)}</script></head>'
        f"<body><main><h1>Council</h1><p>{STORY}</p></main></body></html>"
    )
    assert article_from_html(html).published == "2024-03-14T09:00:00+00:00"  # was 2022-01-05T10:00
