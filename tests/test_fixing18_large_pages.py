"""On a large page, trafilatura's main extractor alone is trusted only when it finds most of the page's prose: when it
drops a story container classed as a sidebar or footer (or set in a <figure>) and keeps the site's blurb, the full
extraction runs and finds the story."""

from __future__ import annotations

import pytest
import trafilatura.external

from storytrace.article import article_from_html

BLURB = [
    "Harbour Gazette is the region's oldest independent newspaper, founded in 1887 and owned by its readers "
    "since 2004.",
    "We rely on subscriptions to fund our reporting. Support local journalism by subscribing today from just a few "
    "pounds a month.",
    "Our newsroom follows the editors' code of practice. If you believe we have made an error, please contact the "
    "readers' editor.",
    "Sign up to our morning newsletter for the day's top stories from across the harbour towns, delivered to your "
    "inbox every day, with weekend editions and special reports.",
]
STORY = [
    f"Paragraph {k} of the story: the council approved the harbour plan after a debate that lasted {k + 2} hours, "
    "members said."
    for k in range(12)
]


def _page(open_tag: str, close_tag: str) -> str:
    nav = "".join(f"<div class='m'><div><a href='/s/{i}'>S{i}</a></div></div>" for i in range(1100))
    blurb = "".join(f"<p>{p}</p>" for p in BLURB)
    story = "".join(f"<p>{p}</p>" for p in STORY)
    return (
        "<html><head><title>Harbour plan approved</title></head><body>"
        f"<nav>{nav}</nav><div class='intro'>{blurb}</div><h1>Harbour plan approved</h1>"
        f"{open_tag}{story}{close_tag}</body></html>"
    )


@pytest.mark.parametrize(
    ("open_tag", "close_tag"),
    [
        ("<div class='content-sidebar-wrap'>", "</div>"),
        ("<div class='post-footer-content'>", "</div>"),
        ("<figure><figcaption>", "</figcaption></figure>"),
    ],
    ids=["sidebar", "footer", "figure"],
)
def test_a_large_page_whose_story_the_main_extractor_drops_still_gives_the_story(open_tag: str, close_tag: str) -> None:
    page = _page(open_tag, close_tag)
    assert page.count("<div") > 1_000
    paragraphs = article_from_html(page).text.split("\n\n")
    assert [p for p in paragraphs if p in STORY] == STORY  # was the site's blurb alone: three paragraphs


def test_a_large_page_whose_story_the_main_extractor_finds_still_skips_the_fallbacks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[int] = []
    real = trafilatura.external.try_readability

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(trafilatura.external, "try_readability", counted)
    page = _page("<article>", "</article>")
    paragraphs = article_from_html(page).text.split("\n\n")
    assert [p for p in paragraphs if p in STORY] == STORY
    assert calls == []  # the story is most of the page's prose: the shortcut holds
