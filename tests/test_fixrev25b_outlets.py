"""rev25b 6: two outlets named apart on an aggregator's host were one when a one-word name's one-letter initials
opened the host's label (judge._may_be, generous by design): Mirror and Metro on msn.com, Newsweek and NPR on
news.yahoo.com. An identical text between them was then one article, and no copy was counted."""

from __future__ import annotations

import pytest

from storytrace.scan.families import ArticleMeta, same_articles


def _meta(pos: int, outlet: str, url: str) -> ArticleMeta:
    return ArticleMeta(pos, f"a{pos}", outlet, "2025-03-03T09:00:00+00:00", {"url": url, "outlet": outlet})


@pytest.mark.parametrize(
    ("first", "second", "url", "one_outlet"),
    [
        ("Mirror", "Metro", "https://www.msn.com/en-gb/news/uknews/fire/ar-AA1", False),
        ("Newsweek", "NPR", "https://news.yahoo.com/fire-in-dunmarsh-120000.html", False),
        # the host's own names, spelled two ways, stay one outlet
        ("BBC News", "BBC", "https://www.bbc.co.uk/news/articles/c4g0dunmarsh", True),
        ("Yahoo News", "Yahoo", "https://news.yahoo.com/fire-in-dunmarsh-120000.html", True),
        ("Associated Press", "AP", "https://apnews.com/article/fire-dunmarsh-0a1b2c", True),
        ("The New York Times", "New York Times", "https://www.nytimes.com/2025/03/03/world/fire.html", True),
        ("The Guardian", "Guardian", "https://www.theguardian.com/uk-news/2025/mar/03/fire", True),
    ],
)
def test_two_names_on_one_host_are_one_outlet_only_when_both_name_the_host(
    first: str, second: str, url: str, one_outlet: bool
) -> None:
    meta = {0: _meta(0, first, url), 1: _meta(1, second, url)}
    assert same_articles({(0, 1)}, meta) == ({1: 0} if one_outlet else {})
