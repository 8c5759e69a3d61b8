"""outlets.csv figures checked by hand against the judged pairs; summary.json's counts named as the outputs."""

from __future__ import annotations

import json
from pathlib import Path

from storytrace.scan.families import ArticleMeta, outlet_rows
from storytrace.scan.judge import PairJudgement


def _meta() -> dict[int, ArticleMeta]:
    rows = [(0, "wire-1", "Wire"), (1, "wire-2", "Wire"), (2, "blog-1", "Blog"), (3, "blog-2", "Blog")]
    rows += [(4, "blog-3", "Blog"), (5, "farm-1", "Farm")]
    return {pos: ArticleMeta(pos, aid, outlet, "2024-03-01", {}) for pos, aid, outlet in rows}


def test_originals_copied_counts_each_copied_article_once() -> None:
    # wire-1 is copied three times, wire-2 once: two of Wire's articles were copied, not four.
    judged = [
        PairJudgement(0, 2, "derived", "as_given", 0.9, 0.8, "lexical", findings={"quote_altered": 1}),
        PairJudgement(0, 3, "derived", "as_given", 0.9, 0.8, "lexical"),
        PairJudgement(0, 5, "partially_derived", "as_given", 0.9, 0.5, "lexical"),
        PairJudgement(1, 4, "derived", "as_given", 0.9, 0.8, "lexical"),
    ]
    rows = {r["outlet"]: r for r in outlet_rows(judged, _meta())}
    assert rows["Wire"]["originals_copied"] == 2
    assert rows["Blog"]["derived"] == 3 and rows["Blog"]["originals_copied"] == 0
    assert rows["Blog"]["from_outlets"] == "Wire:3"


def test_omissions_are_counted_apart_from_the_other_findings() -> None:
    # A short rewrite of a long transcript drops hundreds of sentences: that must not read as hundreds of
    # distortions per article.
    judged = [
        PairJudgement(
            0, 2, "derived", "as_given", 0.9, 0.8, "lexical", findings={"fact_omitted": 400, "number_changed": 1}
        ),
        PairJudgement(1, 3, "derived", "as_given", 0.9, 0.8, "lexical", findings={"claim_added": 3, "fact_omitted": 2}),
    ]
    blog = {r["outlet"]: r for r in outlet_rows(judged, _meta())}["Blog"]
    assert blog["findings_per_derived"] == 2.0
    assert blog["omissions_per_derived"] == 201.0


def test_summary_json_counts_story_families_as_clusters_jsonl_does(tmp_path: Path) -> None:
    from storytrace.cli import main

    examples = Path(__file__).resolve().parents[1] / "examples"
    corpus = tmp_path / "c.jsonl"
    lines = []
    for i, name in enumerate(("original", "rewrite", "independent", "unrelated")):
        text = (examples / f"{name}.txt").read_text(encoding="utf-8")
        lines.append(json.dumps({"id": name, "text": text, "outlet": f"o{i}", "published": f"2024-03-0{i + 1}"}))
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["scan", str(corpus), "--out", str(tmp_path / "out")]) == 0
    summary = json.loads((tmp_path / "out" / "summary.json").read_text())
    clusters = (tmp_path / "out" / "clusters.jsonl").read_text().splitlines()
    assert summary["clusters"] == len(clusters) >= 1
    header = (tmp_path / "out" / "outlets.csv").read_text().splitlines()[0].split(",")
    assert header[-1] == "omissions_per_derived"
