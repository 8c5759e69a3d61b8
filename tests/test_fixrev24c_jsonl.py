"""fixrev24c (review rev24c, item 3): a JSON Lines file whose first line merely starts with "[" (an export's
"[export ...]" header, a damaged first record) is read line by line, that line its own error; only a first line
that is an array's opening alone ("[", "[{", "[ {") makes pretty-printed JSON, and an array that then does not
parse is read line by line too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storytrace.cli import main
from storytrace.corpus import read_corpus, read_json_lines
from storytrace.index import Index

ROOT = Path(__file__).resolve().parents[1]
ORIGINAL = (ROOT / "examples" / "original.txt").read_text(encoding="utf-8")
REWRITE = (ROOT / "examples" / "rewrite.txt").read_text(encoding="utf-8")
ROWS = [{"id": "wire", "text": ORIGINAL}, {"id": "farm", "text": REWRITE}]
LINES = "".join(json.dumps(r) + "\n" for r in ROWS)

FIRST_LINES = [
    "[export 2025-03-05 09:12 UTC] 2 articles",  # an export tool's header
    '["id": "broken", "text": "a record whose brace was lost"}',  # a damaged first record
    '[{"id": "cut", "text": "a record cut short',  # a record that opens an array and is cut short
]


def _read(path: Path) -> tuple[list[str], list[str]]:
    records = list(read_corpus([str(path)]))
    return [str(r.article.id) for r in records if r.article is not None], [r.error for r in records if not r.ok]


@pytest.mark.parametrize("first", FIRST_LINES)
def test_a_first_line_starting_with_a_bracket_is_that_lines_error(tmp_path: Path, first: str) -> None:
    corpus = tmp_path / "export.jsonl"
    corpus.write_text(first + "\n" + LINES, encoding="utf-8")
    ids, errors = _read(corpus)
    assert ids == ["wire", "farm"]
    assert len(errors) == 1 and errors[0].startswith(f"{corpus}:1: malformed JSON")


def test_scan_and_index_add_keep_the_articles_after_an_export_header(tmp_path: Path) -> None:
    corpus = tmp_path / "export.jsonl"
    corpus.write_text(FIRST_LINES[0] + "\n" + LINES, encoding="utf-8")
    db = tmp_path / "news.db"
    assert main(["index", "add", "--lexical-only", "--db", str(db), str(corpus)]) == 3  # 3: a record skipped
    with Index(db, create=False) as index:
        assert sorted(index.ids()) == ["farm", "wire"]
    assert main(["scan", str(corpus), "--out", str(tmp_path / "out"), "--workers", "1"]) == 3
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert (summary["articles"], summary["bad_records"]) == (2, 1)


@pytest.mark.parametrize("first", FIRST_LINES)
def test_trace_batch_reads_the_lines_after_a_bracketed_first_line(tmp_path: Path, first: str) -> None:
    batch = tmp_path / "suspects.jsonl"
    batch.write_text(first + "\n" + LINES, encoding="utf-8")
    lines = list(read_json_lines(str(batch)))
    assert [line.number for line in lines if line.error is not None] == [1]
    assert [line.value["id"] for line in lines if line.error is None] == ["wire", "farm"]


@pytest.mark.parametrize(
    "text",
    [
        json.dumps(ROWS, indent=2),  # "[" alone
        "[{" + json.dumps(ROWS, indent=1)[4:],  # "[{" then the first object's fields
        "[ {" + json.dumps(ROWS, indent=1)[4:],
    ],
)
def test_a_pretty_printed_array_is_still_read_as_an_array(tmp_path: Path, text: str) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(text + "\n", encoding="utf-8")
    assert json.loads(text) == ROWS
    assert _read(corpus) == (["wire", "farm"], [])


def test_an_opening_bracket_that_opens_no_array_falls_back_to_its_lines(tmp_path: Path) -> None:
    # a stray "[" before JSON Lines: the array does not parse, so the lines are read as JSON Lines
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("[\n" + LINES, encoding="utf-8")
    ids, errors = _read(corpus)
    assert ids == ["wire", "farm"]
    assert len(errors) == 1 and errors[0].startswith(f"{corpus}:1: malformed JSON")
