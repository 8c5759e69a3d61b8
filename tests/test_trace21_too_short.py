"""trace21: a trace candidate too short to judge against the suspect carries compare's mark, in the JSON and in
the text, HTML and web reports, instead of reading as a plain "unrelated"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storytrace.article import Article
from storytrace.cli import _render_trace, main
from storytrace.index import Index
from storytrace.report.html import trace_to_html
from storytrace.settings import DEFAULT_SETTINGS
from storytrace.trace import TraceResult

# "Okafor wins vote" / "Okafor loses seat": three content words each, one shared (compare.MIN_JUDGED_WORDS).
SHORT = "Okafor wins vote."
LONGER = "Okafor won the vote in the council of Lagos after a long night of counting ballots by hand."


def _trace(tmp_path: Path, suspect: str) -> TraceResult:
    with Index(tmp_path / "i.db", lexical_only=True) as index:
        index.add([Article(text=SHORT, id="short"), Article(text=LONGER, id="longer")])
        return index.trace(Article(text=suspect, id="s"), top=5, settings=DEFAULT_SETTINGS.with_(use_embeddings=False))


def test_a_candidate_too_short_to_judge_is_marked_in_the_json(tmp_path: Path) -> None:
    result = _trace(tmp_path, "Okafor loses seat.")
    assert result.source is None and not result.too_short  # the suspect itself is long enough to trace
    by_id = {c["id"]: c for c in result.to_dict()["candidates"]}
    assert set(by_id) == {"short", "longer"}
    assert by_id["short"]["compared"] and by_id["short"]["too_short"] is True
    assert (by_id["short"]["relation"], by_id["short"]["confidence"]) == ("unrelated", 0.0)
    # against a longer candidate the pair is judged as usual
    assert by_id["longer"]["compared"] and by_id["longer"]["too_short"] is False


def test_a_pair_that_can_be_judged_is_not_marked(tmp_path: Path) -> None:
    # every word of the suspect is the candidate's: a copy of a short text is a copy, judged
    result = _trace(tmp_path, SHORT)
    by_id = {c["id"]: c for c in result.to_dict()["candidates"]}
    assert result.source == "short"
    assert by_id["short"]["too_short"] is False and by_id["short"]["relation"] == "derived"


def test_the_reports_say_too_short_to_judge_not_unrelated(tmp_path: Path) -> None:
    result = _trace(tmp_path, "Okafor loses seat.")
    text = " ".join(_render_trace(result, to_file=True).split())
    assert "too short to judge" in text
    html = trace_to_html(result)
    assert "too short to judge (unclear)" in html
    pages = pytest.importorskip("storytrace.web.pages")
    assert "too short to judge" in pages.trace_page(result, text="", title="", input_format="text")


def test_the_command_line_json_carries_the_mark(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "cli.db"
    with Index(db, lexical_only=True) as index:
        index.add([Article(text=SHORT, id="short")])
    suspect = tmp_path / "s.txt"
    suspect.write_text("Okafor loses seat.\n", encoding="utf-8")
    assert main(["trace", str(suspect), "--db", str(db), "--no-embeddings", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["source"] is None
    assert [(c["id"], c["too_short"]) for c in out["candidates"]] == [("short", True)]
