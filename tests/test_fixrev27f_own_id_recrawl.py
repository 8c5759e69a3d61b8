"""rev27f R2: rev27b's "outlets differ" and "hosts differ" checks ran before the id rule and compared full hosts and
outlet names word for word, so a re-crawl of the suspect under its slug on Google's AMP cache, on an edition's
subdomain, or with its outlet spelt as its domain or with a qualifier was named its own source again (rev26b's bug).
Sites compare by registrable domain, an AMP cache's URL as its origin's, and a differing host or outlet makes it
another outlet's article only when the URL paths differ too."""

from __future__ import annotations

from pathlib import Path

import pytest

from storytrace.article import Article
from storytrace.trace import _host_key, _path_key, _same_outlet
from test_fixrev26b_own_id import ORIGINAL, PAGE, REWRITE
from test_fixrev27b_own_id_contradiction import SLUG, _trace, assert_recrawl_is_a_version

HOST = PAGE.split("/")[2]


@pytest.mark.parametrize(
    ("first", "again"),
    [
        # Google's AMP cache copy of the page
        (
            {"outlet": "Harbor Daily", "url": PAGE},
            {"outlet": None, "url": f"https://{HOST.replace('.', '-')}.cdn.ampproject.org/c/s/{PAGE.split('://')[1]}"},
        ),
        # another subdomain of the same site
        ({"outlet": "Harbor Daily", "url": PAGE}, {"outlet": None, "url": PAGE.replace("://", "://edition.")}),
        # the outlet spelt as its domain, or with a qualifier after its name
        ({"outlet": "Harbor Daily", "url": None}, {"outlet": HOST, "url": None}),
        ({"outlet": "Harbor Daily", "url": PAGE}, {"outlet": "Harbor Daily (UK)", "url": None}),
        # one path on the site's other spelling of its host and outlet
        (
            {"outlet": "Harbor Daily", "url": PAGE},
            {"outlet": "HD Online", "url": PAGE.replace(HOST, "harbordaily.co.uk")},
        ),
    ],
)
def test_a_recrawl_under_the_slug_is_still_a_version(
    tmp_path: Path, first: dict[str, str | None], again: dict[str, str | None]
) -> None:
    assert_recrawl_is_a_version(tmp_path, first, again)


@pytest.mark.parametrize(
    ("wire", "outlet"),
    [
        # a subdomain of another site, at another path
        (
            {"outlet": None, "url": f"https://news.coastlinewire.co.uk/wire/{SLUG}"},
            {"outlet": None, "url": f"https://edition.{HOST}/{SLUG}"},
        ),
        # an outlet named by its domain is still another outlet than one it does not spell
        ({"outlet": "coastlinewire.com", "url": None}, {"outlet": "Harbor Daily", "url": None}),
    ],
)
def test_another_outlets_original_under_the_slug_stays_its_source(
    tmp_path: Path, wire: dict[str, str | None], outlet: dict[str, str | None]
) -> None:
    result = _trace(
        tmp_path,
        Article(text=ORIGINAL, id=SLUG, published="2024-03-14", **wire),  # type: ignore[arg-type]
        Article(text=REWRITE, id=SLUG, published="2024-03-15", **outlet),  # type: ignore[arg-type]
    )
    assert result.source == SLUG and result.own_id_rule is None


def test_site_and_path_keys() -> None:
    amp = "https://harbordaily-com.cdn.ampproject.org/c/s/harbordaily.com/news/a"
    assert _host_key(amp) == _host_key("https://edition.harbordaily.com/x") == "harbordaily.com"
    assert _host_key("https://news.herald.co.uk/x") == "herald.co.uk" != _host_key("https://other.co.uk/x")
    assert _host_key("http://10.0.0.1/a") != _host_key("http://10.0.0.2/a")
    assert _path_key(amp) == _path_key("https://harbordaily.com/news/a/amp") == "/news/a"
    assert _host_key("http://[x") == "" and _path_key("") == ""


def test_outlet_spellings() -> None:
    assert _same_outlet("Harbor Daily", "harbordaily.com") and _same_outlet("harbor-daily.co.uk", "The Harbor Daily")
    assert _same_outlet("Harbor Daily (UK)", "Harbor Daily") and _same_outlet("harbor daily", "The Harbor Daily")
    assert not _same_outlet("Coastline Wire", "Harbor Daily") and not _same_outlet("coastlinewire.com", "Harbor Daily")
