"""ux14 review: what index add, index remove and trace tell the user (one line each, no guessing)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from storytrace.article import load_article
from storytrace.errors import InputError

ROOT = Path(__file__).resolve().parents[1]
ORIGINAL = ROOT / "examples" / "original.txt"


def test_index_remove_says_what_it_removed(run_cli: Any, tmp_path: Path) -> None:
    db = tmp_path / "i.db"
    assert run_cli(["index", "add", "--db", str(db), "--lexical-only", str(ORIGINAL), "--workers", "1"]).returncode == 0
    proc = run_cli(["index", "remove", "--db", str(db), str(ORIGINAL), "gone"])
    assert proc.returncode == 3, proc.stderr
    assert "gone: not in the index" in proc.stderr
    assert f"removed 1 article; 0 in {db}" in proc.stderr


def test_a_slow_index_add_gives_a_rate_not_zero(run_cli: Any, tmp_path: Path) -> None:
    # one article into a full index loads the static model: well under one article a second
    proc = run_cli(["index", "add", "--db", str(tmp_path / "i.db"), str(ORIGINAL), "--workers", "1"])
    assert proc.returncode == 0, proc.stderr
    rate = re.search(r"\(([\d.]+) articles/s\)", proc.stderr)
    assert rate is not None and float(rate[1]) > 0, proc.stderr


def test_a_corpus_file_given_to_trace_points_to_trace_batch(tmp_path: Path) -> None:
    suspects = tmp_path / "suspects.jsonl"
    suspects.write_text("".join(json.dumps({"id": f"s{k}", "text": "Some text."}) + "\n" for k in range(2)))
    with pytest.raises(InputError, match=r"`trace --batch` a batch of suspects"):
        load_article(str(suspects))


def test_trace_text_shows_whole_ids_and_the_sentences_no_source_explains(run_cli: Any, tmp_path: Path) -> None:
    long_id = "archive/2024/03/coastline-wire/seawall-vote-on-the-harbour-front-original-story-0001.txt"
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": long_id, "text": ORIGINAL.read_text(encoding="utf-8")}) + "\n")
    db = tmp_path / "i.db"
    assert run_cli(["index", "add", "--db", str(db), "--lexical-only", str(corpus), "--workers", "1"]).returncode == 0
    added = "Separately, the zoo in Lindenfeld announced that its two giraffes, Mabel and Otto, had a calf named Pip."
    suspect = tmp_path / "suspect.txt"
    suspect.write_text(ORIGINAL.read_text(encoding="utf-8").rstrip() + "\n\n" + added + "\n")
    out = tmp_path / "trace.txt"
    proc = run_cli(["trace", str(suspect), "--db", str(db), "--no-embeddings", "--out", str(out)])
    assert proc.returncode == 0, proc.stderr
    text = out.read_text(encoding="utf-8")
    assert f"source found: {long_id}" in text
    table = text[text.index("┏") :]
    cells = "".join(line.split("│")[2].strip() for line in table.splitlines() if line.count("│") > 3)
    assert long_id in cells  # folded over lines in its cell, not cut with an ellipsis
    assert "suspect sentences no source explains" in text
    assert added[:60] in " ".join(text.split())
