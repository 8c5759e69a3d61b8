"""Review of the republication-line names (rev20s): an outlet known only by its URL, a name followed by other
words, and a line that names no outlet in so many words still orient the carrier as the copy; a malformed URL
is no reason to stop a scan."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storytrace.article import Article
from storytrace.cli import main
from storytrace.scan.judge import judge_component

_STORY = (
    "The council voted on Tuesday to close the old Harlow bridge for repairs after a long debate. "
    "Engineers found cracks in three of the bridge's supports during an inspection last spring. "
    "Repairs are expected to take eight months and to cost about 4 million dollars in all. "
    "Mayor Ellen Carter said the city had no choice but to close the crossing for safety. "
    "Drivers will be sent over the river road until the work on the bridge is finished. "
    "Local shop owners fear that the long detour will keep customers away from the town centre."
)


@pytest.mark.parametrize(
    ("foot", "url"),
    [
        ("Republished with permission of AP.", "https://apnews.com/article/harlow-bridge-1"),
        ("Republished with permission of The Associated Press.", "https://apnews.com/article/harlow-bridge-1"),
        ("This article originally appeared in The New York Times.", "https://www.nytimes.com/2024/05/01/x.html"),
        ("This story originally appeared in the Riverside Courier on March 3.", "https://riversidecourier.com/a"),
        ("Republished from The Conversation under a Creative Commons license.", "https://theconversation.com/x"),
        ("This story was first published in 2019 by The Guardian.", "https://www.theguardian.com/x"),
        ("This story was shared by our partner newsroom.", "https://example.org/x"),
        ("Republished with permission from the author.", "https://example.org/x"),
    ],
)
def test_the_carrier_of_a_line_naming_the_other_is_its_copy_in_either_order(foot: str, url: str) -> None:
    carrier = Article(id="carrier", text=_STORY + "\n\n" + foot, outlet="Daily Planet", url="https://dp.example/a")
    other = Article(id="orig", text=_STORY, url=url)
    for order in ((carrier, other), (other, carrier)):
        articles = dict(enumerate(order))
        (j,) = judge_component(articles, [(0, 1, 0.9, 0)])
        assert (articles[j.source].id, articles[j.derived].id) == ("orig", "carrier"), foot


def test_a_malformed_url_does_not_stop_a_scan(tmp_path: Path) -> None:
    rows = [
        {"id": "a", "text": _STORY, "url": "http://[apnews.com/a"},
        {"id": "b", "text": _STORY + "\n\nRepublished with permission of AP.", "url": "https://dp.example/b"},
    ]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert main(["scan", str(corpus), "--out", str(tmp_path / "out"), "--workers", "1"]) == 0
    pairs = (tmp_path / "out" / "pairs.jsonl").read_text(encoding="utf-8").splitlines()
    assert [(p["source_id"], p["derived_id"]) for p in map(json.loads, pairs)] == [("a", "b")]
