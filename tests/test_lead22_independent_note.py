"""A pair judged independent (related/unrelated) still lists findings, but its count line must say they are
differences between two texts, not changes a rewrite made (QA, session 22: "related (0.86)" above "7 high")."""

from __future__ import annotations

from pathlib import Path

from storytrace.comparison import compare
from storytrace.report.html import report_to_html
from storytrace.report.summary import INDEPENDENT_NOTE, counts
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

WIRE = (
    "SANTIAGO, Oct 14 (Wire) - A Chilean appeals court on Tuesday ordered Valmora Mining to pay $412 million in "
    "damages to farming communities along the Loa River, ruling that the company failed to maintain a tailings dam "
    "that leaked in 2021. The three-judge panel voted 2-1 to uphold a lower court's finding. Valmora said it would "
    "appeal to the Supreme Court. Farmers' lawyer Ines Mamani called the ruling historic."
)
INDEPENDENT = (
    "QUILLAGUA, Chile (Daily Andes) - Dozens of farmers gathered outside the courthouse in Calama on Tuesday, "
    'cheering as news spread that judges had sided with them against Valmora Mining. "My alfalfa died in 2021 and '
    'it has never come back," said Ramon Caqueo, 61, who grows fodder two kilometres downstream from the mine. '
    "Local officials said the town's school would hold a celebration on Friday."
)


def test_an_independent_report_says_its_findings_are_differences() -> None:
    report = compare(WIRE, INDEPENDENT, settings=LEXICAL)
    d = report.to_dict()
    assert d["verdict"]["relation"] in ("related", "unrelated")
    assert d["findings"]
    line = counts(d)
    assert line.endswith(INDEPENDENT_NOTE)
    assert "not judged a copy" in report_to_html(report)


def test_a_copy_keeps_the_plain_count() -> None:
    original = (EXAMPLES / "original.txt").read_text(encoding="utf-8")
    rewrite = (EXAMPLES / "rewrite.txt").read_text(encoding="utf-8")
    d = compare(original, rewrite, settings=LEXICAL).to_dict()
    assert d["verdict"]["relation"] in ("derived", "partially_derived")
    assert INDEPENDENT_NOTE not in counts(d)
