"""A paywalled or cut page shows the start of its story and gives all of it in its JSON-LD articleBody: the body is
read, in paragraphs, when it is this page's own and clearly fuller; never another story's, never on a complete
page, and markup in it is read for its text alone."""

from __future__ import annotations

import json

from storytrace.article import article_from_html

TITLE = "Council approves harbour flood barrier"
STORY = [
    "The city council voted 7-2 on Tuesday to build a flood barrier across the mouth of the harbour, ending a decade "
    "of debate over how to protect the old town from storm surges.",
    "The barrier will cost an estimated £48 million and is due to be finished by 2029, the council's infrastructure "
    "chief, Mark Ellis, told the meeting.",
    '"We cannot keep sandbagging the high street every winter," Ellis said.',
    "Opponents said the money would be better spent on moving homes away from the shore.",
    "Construction is expected to begin next spring, subject to a final environmental review.",
]
RELATED = (
    "Ferry fares will rise by 6% in April, the operator said on Monday, blaming fuel costs. The increase is the third "
    "in two years and will add about £3 to a return ticket. Passenger groups said the rise was unfair to islanders."
)


def ld(obj: dict[str, object]) -> str:
    return '<script type="application/ld+json">' + json.dumps(obj).replace("</", "<\\/") + "</script>"


def own(body: str, **extra: object) -> dict[str, object]:
    return {"@context": "https://schema.org", "@type": "NewsArticle", "headline": TITLE, "articleBody": body, **extra}


RELATED_OBJECT = {"@type": "NewsArticle", "headline": "Ferry fares to rise in April", "articleBody": RELATED}


def page(scripts: str, shown: list[str]) -> str:
    return (
        f"<!doctype html><html><head><title>{TITLE} | Harbour Gazette</title>"
        f'<meta property="og:title" content="{TITLE}">'
        '<link rel="canonical" href="https://gazette.example/news/harbour-barrier">'
        f"{scripts}</head><body><main><article><h1>{TITLE}</h1>"
        + "".join(f"<p>{p}</p>" for p in shown)
        + '<div class="paywall"><p>Subscribe to keep reading. Only £1 a week for 3 months.</p></div></article>'
        "<aside><h3><a href='/news/ferry-fares'>Ferry fares to rise in April</a></h3></aside></main></body></html>"
    )


def test_a_cut_page_is_read_from_its_own_json_ld_body_not_the_related_one() -> None:
    html = page(ld(own("\n\n".join(STORY))) + ld(RELATED_OBJECT), STORY[:1])
    assert article_from_html(html).text.split("\n\n") == STORY


def test_a_related_storys_body_alone_is_not_read() -> None:
    html = page(ld(RELATED_OBJECT), STORY[:1])
    assert article_from_html(html).text == STORY[0]


def test_an_object_of_another_address_and_no_headline_is_not_read() -> None:
    other = {"@type": "NewsArticle", "url": "https://gazette.example/news/ferry-fares", "articleBody": RELATED * 3}
    html = page(ld(other), STORY[:1])
    assert article_from_html(html).text == STORY[0]


def test_a_complete_page_keeps_its_own_paragraphs() -> None:
    # the body as one run of text, as many CMSs give it: the page's paragraph structure is the better reading
    html = page(ld(own(" ".join(STORY) + " Photo: Jane Doe")), STORY)
    assert article_from_html(html).text.split("\n\n") == STORY


def test_a_body_of_markup_is_read_for_its_text_escaped_or_not() -> None:
    markup = "".join(f"<p>{p}</p>" for p in STORY[:2]) + "<script>alert(1)</script><p>" + STORY[3] + "</p>"
    expected = [STORY[0], STORY[1], STORY[3]]
    for body in (markup, markup.replace("<", "&lt;").replace(">", "&gt;")):
        text = article_from_html(page(ld(own(body)), STORY[:1])).text
        assert text.split("\n\n") == expected
        assert "alert" not in text


def test_a_body_split_on_single_newlines_when_it_has_no_blank_line() -> None:
    html = page(ld(own("\n".join(STORY))), STORY[:1])
    assert article_from_html(html).text.split("\n\n") == STORY


def test_a_page_that_shows_no_story_is_read_from_its_own_body() -> None:
    html = page(ld(own("\n\n".join(STORY))) + ld(RELATED_OBJECT), [])
    assert article_from_html(html).text.split("\n\n") == STORY


def test_a_paywalled_storys_short_rest_is_read_from_its_body() -> None:
    # two paragraphs, one shown: the rest is fewer words than an unmarked page needs, but the object says it is locked
    story = [STORY[0], STORY[2]]
    plain = page(ld(own("\n\n".join(story))), story[:1])
    assert article_from_html(plain).text == story[0]
    locked = page(ld(own("\n\n".join(story), isAccessibleForFree=False)), story[:1])
    assert article_from_html(locked).text.split("\n\n") == story


def test_a_complete_paywalled_page_keeps_its_paragraphs() -> None:
    html = page(ld(own(" ".join(STORY) + " Photo: Jane Doe", isAccessibleForFree="False")), STORY)
    assert article_from_html(html).text.split("\n\n") == STORY
