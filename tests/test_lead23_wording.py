"""Session 23 QA (qa23a R7, batch message): wording a user read as a contradiction or a repetition."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

from storytrace.audit import Scores, _verbatim_note


def test_reuse_below_verbatim_is_explained() -> None:
    # A copy with changed figures: its copied runs count for less in reuse, so reuse < verbatim.
    note = _verbatim_note(Scores(reuse=0.76, verbatim=0.91, coverage=0.88, novelty=0.24))
    assert "91% sit in runs copied word for word" in note
    assert "names or figures" in note


def test_reuse_at_or_above_verbatim_keeps_the_short_form() -> None:
    assert _verbatim_note(Scores(reuse=0.81, verbatim=0.78, coverage=0.67, novelty=0.19)) == "78% in verbatim runs"


def test_missing_pair_file_names_the_current_directory_once(
    tmp_path: Path, run_cli: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(json.dumps({"source_path": "nope.txt", "derived_text": "The mayor resigned on Monday."}) + "\n")
    here = run_cli(["compare", "--pairs", "pairs.jsonl", "--format", "json"], cwd=tmp_path)
    elsewhere = run_cli(["compare", "--pairs", str(pairs), "--format", "json"], cwd=tmp_path.parent)
    assert "looked in the current directory)" in here.stdout + here.stderr
    assert f"and in {tmp_path}" in elsewhere.stdout + elsewhere.stderr
