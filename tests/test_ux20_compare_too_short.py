"""ux20: a pair of tiny texts sharing a word is too short to judge, and the report says so.

"The mayor spoke" / "The mayor resigned" came out ``related`` (``derived``, 0.58, with embeddings); "Okafor wins
vote" / "Okafor loses seat" ``derived`` with no finding. A word in common says nothing of a rewrite.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.console import Console

from storytrace.cli import main
from storytrace.comparison import MIN_JUDGED_WORDS, compare
from storytrace.report.html import report_to_html
from storytrace.report.terminal import render
from storytrace.settings import DEFAULT_SETTINGS

LEXICAL = DEFAULT_SETTINGS.with_(use_embeddings=False)
ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        ("The mayor spoke", "The mayor resigned"),
        ("Okafor wins vote", "Okafor loses seat"),
        ("Prices rose sharply", "Prices fell"),
    ],
)
@pytest.mark.parametrize("settings", [LEXICAL, DEFAULT_SETTINGS], ids=["lexical", "embeddings"])
def test_tiny_texts_sharing_a_word_are_too_short_to_judge(original: str, suspect: str, settings: object) -> None:
    report = compare(original, suspect, settings=settings)  # type: ignore[arg-type]
    assert report.too_short
    assert report.verdict.relation == "unrelated" and report.verdict.confidence == 0.0
    assert report.verdict.direction == "unclear" and report.findings == ()
    d = report.to_dict()
    assert d["verdict"]["too_short"] is True
    assert any(
        w.startswith("too short to judge: ") and f"at least {MIN_JUDGED_WORDS} needed" in w for w in d["warnings"]
    )


def test_the_reports_say_too_short_instead_of_a_relation() -> None:
    report = compare("The mayor spoke", "The mayor resigned", settings=LEXICAL)
    buf = io.StringIO()
    render(report, Console(file=buf, width=120, color_system=None, force_terminal=False))
    text = buf.getvalue()
    head = text.split("\n", 3)[1]
    assert "too short to judge" in head and "related" not in head
    assert "the original and the suspect have 2 and 2 content words" in " ".join(text.split())
    page = report_to_html(report)
    assert '<span class="badge">too short to judge</span>' in page and "<title>storytrace: too short" in page


def test_the_cli_json_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("Okafor wins vote\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Okafor loses seat\n", encoding="utf-8")
    rc = main(["compare", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--format", "json", "--no-embeddings"])
    out = json.loads(capsys.readouterr().out)
    assert rc == 0 and out["verdict"]["too_short"] is True and out["verdict"]["relation"] == "unrelated"


def test_short_texts_that_can_be_judged_still_are() -> None:
    # a copy of a short text: every word of one is the other's
    assert compare("The mayor spoke.", "The mayor spoke.", settings=LEXICAL).verdict.relation == "derived"
    # a headline-length suspect whose words the original all holds is judged as before
    original = (ROOT / "examples" / "original.txt").read_text(encoding="utf-8")
    report = compare(original, "Okafor seawall vote", settings=LEXICAL)
    assert not report.too_short and report.verdict.relation in ("derived", "partially_derived")
    # a short rewrite of a longer sentence keeps its verdict and findings (APTY: a meaning-changing paraphrase)
    report = compare(
        "Herman played with the dog owned by the local policeman.", "The police arrested Herman", settings=LEXICAL
    )
    assert not report.too_short and report.verdict.evidence
    # four content words each are enough to judge
    report = compare("Harriet Okafor backs the seawall", "Harriet Okafor opposes the seawall", settings=LEXICAL)
    assert not report.too_short and report.to_dict()["verdict"]["too_short"] is False
    # full articles
    rewrite = (ROOT / "examples" / "rewrite.txt").read_text(encoding="utf-8")
    assert not compare(original, rewrite, settings=LEXICAL).too_short
