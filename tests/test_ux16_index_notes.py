"""``index embed`` counts the articles needing vectors once a run; ``index add`` and ``scan`` say why dates went
unread in the words ``compare`` uses, from one helper; ``index add`` says when records of one run share an id."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from storytrace.article import Article, unread_date_reason, unread_dates_note
from storytrace.cli import main
from storytrace.index import Index

ROOT = Path(__file__).resolve().parents[1]
ORIGINAL = (ROOT / "examples" / "original.txt").read_text(encoding="utf-8")
REWRITE = (ROOT / "examples" / "rewrite.txt").read_text(encoding="utf-8")


def test_cli_index_embed_counts_the_work_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "e.db"
    with Index(path) as idx:
        idx.add([Article(text=ORIGINAL, id="a"), Article(text=REWRITE, id="b")])
    counted: list[int] = []
    count = Index.count_needing_sentence_vectors

    def counting(self: Index, key: str) -> int:  # calls through: the count is the real one
        counted.append(1)
        return count(self, key)

    monkeypatch.setattr(Index, "count_needing_sentence_vectors", counting)
    assert main(["index", "embed", "--db", str(path)]) == 0
    err = capsys.readouterr().err
    # a pass over every stored vector each: once to know the work, not again inside the run and at its end
    assert len(counted) == 1
    assert "embedded 2 articles" in err and "2 of 2" in err
    with Index(path, create=False) as idx:
        assert count(idx, _key()) == 0


def _key() -> str:
    from storytrace.embed import get_embedder

    return get_embedder().vectors_key()


def test_the_corpus_note_says_which_dates_read_two_ways() -> None:
    note = unread_dates_note([("a", "04/05/2024"), ("b", "next week"), ("c", "1/2/2024")])
    assert note.startswith("3 articles have a publication date that could not be read")
    assert note.endswith("a, b, c; 2 of them read two ways (day or month first)")
    one = unread_dates_note([("a", "04/05/2024")])
    assert one.endswith(": a; it reads two ways (day or month first)")
    assert "two ways" not in unread_dates_note([("a", "next week")])
    # the same words as the one-article warning
    assert unread_date_reason("04/05/2024") == "reads two ways (day or month first)"
    assert unread_date_reason("next week") == "not understood"


def test_index_add_and_scan_say_a_date_reads_two_ways(run_cli: Any, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    records = [
        {"id": "a", "text": ORIGINAL, "published": "04/05/2024"},
        {"id": "b", "text": REWRITE, "published": "sometime"},
    ]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    expected = (
        "storytrace: warning: 2 articles have a publication date that could not be read (expected a date like "
        "2024-03-14), treated as undated: a, b; 1 of them read two ways (day or month first)"
    )
    add = run_cli(["index", "add", "--db", str(tmp_path / "i.db"), str(corpus), "--workers", "1", "--lexical-only"])
    assert add.returncode == 0, add.stderr
    scan = run_cli(["scan", str(corpus), "--out", str(tmp_path / "s"), "--to", "candidates", "--workers", "1"])
    assert scan.returncode == 0, scan.stderr
    for proc in (add, scan):
        assert [line for line in proc.stderr.splitlines() if "warning" in line] == [expected]


def test_index_add_says_when_records_of_one_run_share_an_id(tmp_path: Path, run_cli: Any) -> None:
    path = tmp_path / "dup.jsonl"
    lines = [
        {"id": "a1", "text": ORIGINAL},
        {"id": "b", "text": REWRITE},
        {"id": "a1", "text": ORIGINAL + " The council meets again on Friday."},
    ]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    proc = run_cli(["index", "add", "--db", str(tmp_path / "i.db"), str(path), "--lexical-only", "--workers", "1"])
    assert proc.returncode == 0, proc.stderr
    assert (
        "storytrace: warning: 1 id is given to more than one record in these inputs; the last record with each is "
        "the one indexed: a1"
    ) in proc.stderr.splitlines()
    update = tmp_path / "update.jsonl"
    update.write_text(json.dumps({"id": "a1", "text": REWRITE + " More to come."}) + "\n", encoding="utf-8")
    again = run_cli(["index", "add", "--db", str(tmp_path / "i.db"), str(update), "--lexical-only", "--workers", "1"])
    assert again.returncode == 0 and "(0 new, 1 updated)" in again.stderr
    assert "warning" not in again.stderr  # updating what an earlier run added is what re-adding is for
