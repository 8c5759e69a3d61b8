"""sheep24 (qa23b): summary.json's pair count counted the same article under two ids, which outlets.csv leaves
out; now it says which of its pairs those are, and how many articles outlets.csv counts as derived."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from storytrace.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
ORIGINAL = (EXAMPLES / "original.txt").read_text(encoding="utf-8")
REWRITE = (EXAMPLES / "rewrite.txt").read_text(encoding="utf-8")


def test_summary_names_the_repeats_of_one_article_and_counts_derived_articles_as_outlets_csv(tmp_path: Path) -> None:
    rows = [
        {"id": "wire-1", "text": ORIGINAL, "outlet": "Wire", "published": "2024-03-14T08:00:00+00:00"},
        # the wire's own article again (its saved page under another id, other spacing): no copy
        {"id": "wire-1-page", "text": ORIGINAL.replace("\n", "\n\n"), "outlet": "Wire"},
        {"id": "farm-1", "text": REWRITE, "outlet": "Farm", "published": "2024-03-15T09:00:00+00:00"},
    ]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["scan", str(corpus), "--out", str(out), "--workers", "1"]) == 0
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    pairs = [json.loads(line) for line in (out / "pairs.jsonl").read_text(encoding="utf-8").splitlines()]
    with (out / "outlets.csv").open(encoding="utf-8") as fh:
        outlets = {r["outlet"]: r for r in csv.DictReader(fh)}
    repeats = [p for p in pairs if p.get("identical_text")]
    assert [(p["source_id"], p["derived_id"]) for p in repeats] == [("wire-1", "wire-1-page")]
    assert summary["pairs"] == len(pairs)  # every line of pairs.jsonl, the repeat among them
    assert summary["same_article_pairs"] == 1
    assert summary["derived_articles"] == sum(int(r["derived"]) for r in outlets.values()) == 1
    assert outlets["Wire"]["derived"] == "0" and outlets["Farm"]["derived"] == "1"
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "of them one article under two ids" in html
