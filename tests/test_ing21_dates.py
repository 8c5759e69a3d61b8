"""An update stamp is not the publication time (session 21): "Updated 14:02" read from a <time> beside a publication
date that gives the day alone put the story hours after its real publication, and after its copies."""

from __future__ import annotations

import json

import pytest

from storytrace.article import article_from_html

TITLE = "Harbour council approves flood levy"
BODY = "".join(
    f"<p>{s}</p>"
    for s in (
        "The Harbour Council approved a new flood levy on Tuesday after a three-hour debate that ran late.",
        "Opponents said the levy fell hardest on pensioners, and the mayor promised a review of the scheme in June.",
    )
)


def _page(head: str, stamps: str) -> str:
    return (
        f"<!doctype html><html><head><title>{TITLE}</title>{head}</head><body><article><h1>{TITLE}</h1>{stamps}"
        f"{BODY}</article></body></html>"
    )


DAY_META = '<meta property="article:published_time" content="2024-03-14">'
DAY_LD = '<script type="application/ld+json">{}</script>'.format(
    json.dumps(
        {
            "@type": "NewsArticle",
            "headline": TITLE,
            "datePublished": "2024-03-14",
            "dateModified": "2024-03-14T14:02:00Z",
        }
    )
)


@pytest.mark.parametrize(
    ("head", "stamp"),
    [
        (DAY_META, '<p>Updated <time datetime="2024-03-14T14:02:00+00:00">14:02</time></p>'),
        (DAY_META, '<time datetime="2024-03-14T14:02:00+00:00">Updated 14:02</time>'),
        (DAY_LD, '<time class="updated" datetime="2024-03-14T14:02:00Z">14:02</time>'),
        (DAY_LD, '<span>Last updated: <time datetime="2024-03-14T14:02:00Z">2:02 pm</time></span>'),
    ],
)
def test_an_update_stamp_leaves_the_publication_day_alone(head: str, stamp: str) -> None:
    assert article_from_html(_page(head, stamp)).published == "2024-03-14"


def test_the_publication_time_beside_an_update_stamp_is_read() -> None:
    updated_first = (
        '<span>Updated <time datetime="2024-03-14T14:02:00Z">14:02</time></span> '
        '<span>Published <time datetime="2024-03-14T09:00:00Z">09:00</time></span>'
    )
    one_line = (
        '<p>Published <time datetime="2024-03-14T09:00:00Z">09:00</time> · '
        'Updated <time datetime="2024-03-14T14:02:00Z">14:02</time></p>'
    )
    for stamps in (updated_first, one_line):
        assert article_from_html(_page(DAY_META, stamps)).published == "2024-03-14T09:00:00+00:00"
    # a <time> that says nothing of updates still gives the time of day
    plain = '<time datetime="2024-03-14T09:00:00Z">March 14, 2024</time>'
    assert article_from_html(_page(DAY_META, plain)).published == "2024-03-14T09:00:00+00:00"
