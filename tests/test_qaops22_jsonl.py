"""One JSON Lines reader for scan / index add and the batch commands (trace --batch, compare --pairs): a bad line
is the same error in the same words whichever command reads it (qa22's mixed.jsonl), and a line that is no UTF-8
is refused by every one of them rather than guessed at by some."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from storytrace.article import Article
from storytrace.cli import main
from storytrace.corpus import read_corpus
from storytrace.index import Index

ROOT = Path(__file__).resolve().parents[1]
ORIGINAL = (ROOT / "examples" / "original.txt").read_text(encoding="utf-8")
REWRITE = (ROOT / "examples" / "rewrite.txt").read_text(encoding="utf-8")

# the QA file's bad lines: a record cut short after its last key, a Latin-1 one, a binary one
CUT = b'{"id": "x", "text": \n'
LATIN1 = '{"id":"lat","text":"café au lait at the harbour"}\n'.encode("latin-1")
BINARY = b"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12\n"


def _mixed(tmp_path: Path) -> tuple[Path, dict[int, str]]:
    """A JSONL file of good and bad lines, and the error detail each bad line must get."""
    good = (json.dumps({"id": "s1", "text": REWRITE}) + "\n").encode()
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(good + CUT + LATIN1 + b"\n" + BINARY + good.replace(b'"s1"', b'"s2"'))
    return path, {
        2: "malformed JSON at column 21: Expecting value",
        3: "not valid UTF-8 (invalid byte 0xe9 at byte 24 of the line)",
        5: "binary data, not a JSON record (a corrupt line?)",
    }


def test_scan_names_the_column_where_a_cut_line_stops(tmp_path: Path) -> None:
    # the line end was parsed as a second line of the record: "column 1" pointed at nothing
    path, expected = _mixed(tmp_path)
    errors = {r.where: r.error for r in read_corpus([str(path)]) if not r.ok}
    assert errors == {f"{path}:{n}": f"{path}:{n}: {detail}" for n, detail in expected.items()}


def test_trace_batch_reports_each_bad_line_as_scan_does_and_traces_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, expected = _mixed(tmp_path)
    db = tmp_path / "news.db"
    with Index(db, lexical_only=True) as index:
        index.add([Article(text=ORIGINAL, id="original", published="2024-03-01")])
    out = tmp_path / "traces.jsonl"
    status = main(["trace", "--batch", str(path), "--db", str(db), "--no-embeddings", "--out", str(out)])
    err = capsys.readouterr().err
    assert status == 3
    results = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    failed = {r["line"]: r["error"] for r in results if "error" in r}
    assert failed == {n: f"line {n}: {detail}" for n, detail in expected.items()}
    assert [r["id"] for r in results if "error" not in r] == ["s1", "s2"]  # the Latin-1 line is not guessed at
    assert "3 of 5 lines failed" in err and "Traceback" not in err


def test_compare_pairs_reads_its_lines_the_same_way_gzipped_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pair = json.dumps({"id": "p1", "source": ORIGINAL, "derived": REWRITE}) + "\n"
    path = tmp_path / "pairs.jsonl.gz"
    path.write_bytes(gzip.compress(pair.encode() + CUT + LATIN1))
    out = tmp_path / "reports.jsonl"
    status = main(["compare", "--pairs", str(path), "--no-embeddings", "--out", str(out)])
    err = capsys.readouterr().err
    assert status == 3, err
    results = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert results[0]["id"] == "p1" and "error" not in results[0]
    assert [r.get("error") for r in results[1:]] == [
        "line 2: malformed JSON at column 21: Expecting value",
        "line 3: not valid UTF-8 (invalid byte 0xe9 at byte 24 of the line)",
    ]


def test_a_batch_file_in_a_legacy_encoding_throughout_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # as scan and index add refuse it: every accented line would otherwise be read in a guessed encoding
    path = tmp_path / "suspects.jsonl"
    lines = [{"id": f"s{i}", "text": f"Le café numéro {i} a fermé près du port."} for i in range(4)]
    path.write_bytes("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines).encode("latin-1"))
    db = tmp_path / "news.db"
    with Index(db, lexical_only=True) as index:
        index.add([Article(text=ORIGINAL, id="original", published="2024-03-01")])
    status = main(["trace", "--batch", str(path), "--db", str(db), "--no-embeddings"])
    err = capsys.readouterr().err
    assert status == 2
    assert len(err.strip().splitlines()) == 1 and "re-save the file as UTF-8" in err
    (scanned,) = [r.error for r in read_corpus([str(path)]) if not r.ok]
    assert scanned is not None and re.sub(r"^storytrace: (error: )?", "", err.strip()) == scanned
