"""ux19: docs/schema.md says what outlets.csv's ``originals_copied`` counts, as scan/families.py counts it: an
outlet's articles that are some derived article's *best* source. (It said: any of its articles others derived
from; an article copied only as a second, weaker source is not counted.)"""

from __future__ import annotations

from pathlib import Path

from storytrace.scan.families import ArticleMeta, outlet_rows
from storytrace.scan.judge import PairJudgement

ROOT = Path(__file__).resolve().parents[1]


def _pair(source: int, derived: int, reuse: float) -> PairJudgement:
    return PairJudgement(
        source=source,
        derived=derived,
        relation="derived",
        direction="as_given",
        direction_confidence=0.9,
        candidate_score=0.9,
        method="lexical",
        scores={"reuse": reuse},
    )


def test_originals_copied_counts_best_sources_only_as_the_schema_says() -> None:
    meta = {
        0: ArticleMeta(0, "wire-1", "Wire", "2024-03-01", {}),
        1: ArticleMeta(1, "wire-2", "Wire", "2024-03-01", {}),
        2: ArticleMeta(2, "copy", "Copier", "2024-03-02", {}),
    }
    # the copy draws on both wire stories, most on wire-1: only wire-1 is an original it copied
    rows = {r["outlet"]: r for r in outlet_rows([_pair(0, 2, 0.8), _pair(1, 2, 0.4)], meta)}
    assert rows["Wire"]["originals_copied"] == 1
    schema = " ".join((ROOT / "docs" / "schema.md").read_text(encoding="utf-8").split())
    assert "originals_copied` (how many of this outlet's articles are some derived article's best source" in schema
    assert "never as their best source, is not counted" in schema
