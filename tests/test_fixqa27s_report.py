"""fixqa27s (qa27 note): scan's report.html shows each article's title beside its id (escaped: titles come from the
articles), so a reader knows which story a row is without opening pairs.jsonl."""

from __future__ import annotations

from collections import Counter
from typing import Any

from storytrace.scan.overview import TITLE_CHARS, overview_html, pair_table_rows


def _pair(source: str, derived: str, source_title: str | None, derived_title: str | None) -> dict[str, Any]:
    def meta(i: str, title: str | None) -> dict[str, Any]:
        return {"id": i, "outlet": "Wire"} | ({"title": title} if title is not None else {})

    return {
        "source_id": source,
        "derived_id": derived,
        "relation": "derived",
        "direction_confidence": 0.9,
        "lag_hours": 3.0,
        "scores": {"reuse": 0.9},
        "findings": {},
        "source_meta": meta(source, source_title),
        "derived_meta": meta(derived, derived_title),
    }


def test_the_pair_table_shows_each_title_escaped_beside_its_id() -> None:
    hostile = 'Floods <script>alert("x")</script> & more'
    rows, _ = pair_table_rows([_pair("/crawl/a.html", "https://farm.example/b", "Nine dead in Asturias", hostile)])
    assert '/crawl/a.html<br><span class="title">Nine dead in Asturias</span>' in rows
    assert "<script>" not in rows and "Floods &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more" in rows


def test_a_long_title_is_cut_and_a_missing_one_leaves_the_id_alone() -> None:
    rows, _ = pair_table_rows([_pair("a", "b", "word " * 100, None)])
    shown = rows.split('<span class="title">')[1].split("</span>")[0]
    assert len(shown) == TITLE_CHARS and shown.endswith("…")
    assert rows.count('class="title"') == 1  # the derived side has no title: no empty line for it


def test_the_family_table_shows_the_originals_title() -> None:
    pairs = [_pair("a", "b", "Dutch <housing> minister resigns", "Minister quits")]
    cluster = {"cluster": 1, "original_id": "a", "size": 2, "derived": 1, "siblings": 0, "outlets": ["Wire"]}
    page = overview_html(summary={"articles": 2}, pairs=pairs, clusters=[cluster], outlets=[], edges=Counter())
    assert '<td>a<br><span class="title">Dutch &lt;housing&gt; minister resigns</span></td>' in page
