"""Embedded posts (X/Twitter, Instagram, YouTube) and reader call-outs ("Have you been affected by ...? Email ...",
"Share your story") are no story text; the story's own words about a post stay."""

from __future__ import annotations

import pytest

from storytrace.article import _is_junk, article_from_html

STORY = [
    "More than 40,000 homes were without electricity on Saturday after Storm Arwen brought winds of up to 98mph to "
    "the north-east coast.",
    "The network operator tweeted that its engineers were out in very difficult conditions and asked people to stay "
    "away from fallen lines.",
    "Police closed several roads because of fallen trees, and the A1 was shut in both directions for three hours.",
    "Schools in the region will reopen on Monday, the council said.",
]
TWEET = (
    '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Our engineers are out in very difficult conditions. '
    'Please stay away from fallen lines. <a href="https://t.co/abc">pic.twitter.com/abc123XYZ</a></p>&mdash; '
    'Northern Powergrid (@Northpowergrid) <a href="https://twitter.com/x/status/1">November 27, 2026</a></blockquote>'
    '<script async src="https://platform.twitter.com/widgets.js"></script>'
)
INSTAGRAM = (
    '<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/XYZ/"><div><p>The view '
    "from our window this morning. Unreal. #StormArwen</p></div>"
    "<p>A post shared by Sam Hill (@samhill)</p></blockquote>"
)
YOUTUBE = '<iframe width="560" height="315" src="https://www.youtube.com/embed/abcdef" title="YouTube"></iframe>'
CALLOUT = (
    "<p><strong>Have you been affected by the power cuts? Share your story: email news@northernpost.example or "
    "WhatsApp 07700 900123.</strong></p><p>Share your story with us. Get in touch by emailing "
    "yourstory@northernpost.example.</p>"
)


def page(*inserts: str) -> str:
    body = "".join(f"<p>{p}</p>{inserts[k] if k < len(inserts) else ''}" for k, p in enumerate(STORY))
    return (
        "<!doctype html><html><head><title>Storm Arwen leaves thousands without power | Northern Post</title></head>"
        f"<body><article><h1>Storm Arwen leaves thousands without power</h1>{body}</article></body></html>"
    )


def test_embedded_posts_and_call_outs_are_dropped() -> None:
    article = article_from_html(page(TWEET, INSTAGRAM + YOUTUBE, "", CALLOUT))
    assert article.text.split("\n\n") == STORY


def test_a_post_whose_blockquote_lost_its_class_is_dropped_by_its_signature() -> None:
    article = article_from_html(page(TWEET.replace(' class="twitter-tweet"', "")))
    assert article.text.split("\n\n") == STORY


def test_a_quote_in_a_blockquote_without_a_post_signature_stays() -> None:
    quote = "<blockquote><p>We will rebuild every line by Monday, whatever it takes, the operator said.</p>"
    quote += "</blockquote>"
    article = article_from_html(page(quote))
    assert "We will rebuild every line by Monday" in article.text


@pytest.mark.parametrize(
    "line",
    [
        "— Northern Powergrid (@Northpowergrid) November 27, 2026",
        "A post shared by Sam Hill (@samhill)",
        "Our engineers are out. Please stay away from fallen lines. pic.twitter.com/abc123XYZ",
        "Have you been affected by Storm Arwen?",
        "Have you been affected by the issues in this story? Get in touch.",
        "We'd like to hear from you. Email us at news@northernpost.example",
    ],
)
def test_embed_residue_and_call_outs_are_junk(line: str) -> None:
    assert _is_junk(line)


@pytest.mark.parametrize(
    "line",
    [
        "Police urged anyone affected to get in touch.",
        "Many people have been affected by the storm.",
        "Were you affected by this? The minister asked voters at a rally in Leeds.",
        "Share your story, the charity urged survivors in its letter, promising to publish them anonymously.",
        "Smith (@smith) said on March 3, 2026 that he would run.",
    ],
)
def test_prose_about_posts_and_appeals_is_not_junk(line: str) -> None:
    assert not _is_junk(line)
