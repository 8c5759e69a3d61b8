"""ops23: a JSONL line that holds no object (a JSON array on one line) is one error, in one wording, for scan,
index add, compare --pairs and trace --batch (and compare of a one-line .jsonl file)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storytrace.article import Article
from storytrace.cli import main
from storytrace.index import Index

ROOT = Path(__file__).resolve().parents[1]
ORIGINAL = (ROOT / "examples" / "original.txt").read_text(encoding="utf-8")
REWRITE = (ROOT / "examples" / "rewrite.txt").read_text(encoding="utf-8")
ARRAY = (
    "a JSON array on one line, where JSON Lines hold one object a line (put each of its objects on a line of its own)"
)


def _jsonl(path: Path, *lines: object) -> Path:
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def _batch_errors(out: Path) -> list[str]:
    return [r["error"] for r in map(json.loads, out.read_text().splitlines()) if "error" in r]


@pytest.mark.parametrize(("line", "said"), [("array", ARRAY), (42, "expected a JSON object, got a number")])
def test_one_wording_in_the_four_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str, said: str
) -> None:
    bad: object = [{"id": "a", "text": ORIGINAL}, {"id": "b", "text": REWRITE}] if line == "array" else line
    corpus = _jsonl(tmp_path / "corpus.jsonl", bad, {"id": "c", "text": REWRITE})
    db = tmp_path / "news.db"
    assert main(["index", "add", "--lexical-only", "--db", str(db), str(corpus)]) == 3
    assert f"skipped: {corpus}:1: {said}\n" in capsys.readouterr().err

    assert main(["scan", str(corpus), "--out", str(tmp_path / "scan")]) == 3
    capsys.readouterr()
    assert (tmp_path / "scan" / "errors.txt").read_text().splitlines() == [f"{corpus}:1: {said}"]

    pairs = _jsonl(tmp_path / "pairs.jsonl", bad, {"id": "p", "source": ORIGINAL, "derived": REWRITE})
    out = tmp_path / "reports.jsonl"
    assert main(["compare", "--pairs", str(pairs), "--no-embeddings", "--out", str(out)]) == 3
    assert _batch_errors(out) == [f"line 1: {said}"]

    out = tmp_path / "traces.jsonl"
    assert main(["trace", "--batch", str(corpus), "--db", str(db), "--no-embeddings", "--out", str(out)]) == 3
    assert _batch_errors(out) == [f"line 1: {said}"]
    assert "Traceback" not in capsys.readouterr().err


def test_compare_of_a_one_line_jsonl_holding_an_array_says_it_alike(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one = _jsonl(tmp_path / "one.jsonl", [{"id": "a", "text": ORIGINAL}])
    other = tmp_path / "rewrite.txt"
    other.write_text(REWRITE, encoding="utf-8")
    assert main(["compare", str(one), str(other), "--no-embeddings"]) == 2
    assert capsys.readouterr().err == f"storytrace: error: {one}: {ARRAY}\n"


def test_an_array_of_no_objects_is_no_misplaced_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "news.db"
    with Index(db, lexical_only=True) as index:
        index.add([Article(text=ORIGINAL, id="original")])
    batch = _jsonl(tmp_path / "suspects.jsonl", ["not", "objects"], {"id": "s", "text": REWRITE})
    out = tmp_path / "traces.jsonl"
    assert main(["trace", "--batch", str(batch), "--db", str(db), "--no-embeddings", "--out", str(out)]) == 3
    assert _batch_errors(out) == ["line 1: expected a JSON object, got an array"]
