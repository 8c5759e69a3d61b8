"""ux14 review: one file has one id, however its path is spelt on the command line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from storytrace.corpus import expand_inputs, read_corpus

TEXT = "The harbour board approved a plan for the ferry terminal on Monday, after a vote of seven to two."


@pytest.fixture
def pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.txt").write_text(TEXT)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("spelling", ["pages", "./pages", "pages/", "./pages/a.txt", "pages//a.txt", "./pages/*.txt"])
def test_a_file_has_one_id_however_it_is_named(pages: Path, spelling: str) -> None:
    assert expand_inputs([spelling]) == ["pages/a.txt"]
    assert [r.article.id for r in read_corpus([spelling]) if r.article] == ["pages/a.txt"]


def test_a_parent_step_is_kept(pages: Path) -> None:
    assert expand_inputs(["pages/../pages/a.txt"]) == ["pages/../pages/a.txt"]


def test_index_add_by_another_spelling_updates_the_article(pages: Path, run_cli: Any) -> None:
    db = str(pages / "i.db")
    first = run_cli(["index", "add", "--db", db, "--lexical-only", "pages", "--workers", "1"], cwd=pages)
    again = run_cli(["index", "add", "--db", db, "./pages/a.txt", "--workers", "1"], cwd=pages)
    assert first.returncode == 0 and again.returncode == 0, again.stderr
    assert "(0 new, 1 updated)" in again.stderr and f"; 1 in {db}" in again.stderr


def test_tracing_an_indexed_file_by_another_spelling_does_not_find_itself(pages: Path, run_cli: Any) -> None:
    db = str(pages / "i.db")
    assert run_cli(["index", "add", "--db", db, "--lexical-only", "pages", "--workers", "1"], cwd=pages).returncode == 0
    proc = run_cli(["trace", "./pages/a.txt", "--db", db, "--no-embeddings", "--format", "json"], cwd=pages)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["suspect"]["id"] == "pages/a.txt" and out["source"] is None and out["candidates"] == []
