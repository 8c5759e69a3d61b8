"""fixrev24o (review rev24o, items 4-5): `index remove` takes a file's id as the shell passes a name that is no UTF-8;
a pretty-printed JSON array is one line's refusal for trace --batch and compare --pairs, and an array for scan and
index add whatever its name; `index add` warns when an older index holds an input under its U+FFFD id."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from storytrace.article import Article
from storytrace.cli import main
from storytrace.corpus import read_corpus
from storytrace.index import Index

ROOT = Path(__file__).resolve().parents[1]
ORIGINAL = (ROOT / "examples" / "original.txt").read_text(encoding="utf-8")
REWRITE = (ROOT / "examples" / "rewrite.txt").read_text(encoding="utf-8")


def _ids(db: Path) -> list[str]:
    with Index(db, create=False) as index:
        return sorted(index.ids())


def _folder(tmp_path: Path) -> tuple[Path, str]:
    folder = tmp_path / "pages"
    folder.mkdir()
    name = os.fsdecode(os.fsencode(folder) + b"/caf\xe9-wire.txt")  # as Python (and so the shell's argv) reads it
    Path(name).write_text(ORIGINAL, encoding="utf-8")
    (folder / "road.txt").write_text(REWRITE, encoding="utf-8")
    return folder, name


def test_index_remove_takes_a_file_name_that_is_no_utf8_as_its_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # rev24o r4: "internal error: UnicodeEncodeError", exit 1
    folder, name = _folder(tmp_path)
    db = tmp_path / "news.db"
    assert main(["index", "add", "--lexical-only", "--db", str(db), str(folder)]) == 0
    capsys.readouterr()
    assert main(["index", "remove", "--db", str(db), name]) == 0
    assert _ids(db) == [f"{folder}/road.txt"]
    assert "removed 1 article; 1 in" in capsys.readouterr().err
    # an id not in the index is said as the index would name it, and the exit status says some were missing
    other = os.fsdecode(os.fsencode(folder) + b"/caf\xe8-wire.txt")
    assert main(["index", "remove", "--db", str(db), other]) == 3
    assert f"{folder}/caf\\xe8-wire.txt: not in the index" in capsys.readouterr().err


def test_index_remove_takes_the_escaped_id_as_the_index_shows_it(tmp_path: Path) -> None:
    folder, _ = _folder(tmp_path)
    db = tmp_path / "news.db"
    assert main(["index", "add", "--lexical-only", "--db", str(db), str(folder)]) == 0
    assert main(["index", "remove", "--db", str(db), f"{folder}/caf\\xe9-wire.txt"]) == 0
    assert _ids(db) == [f"{folder}/road.txt"]


def test_index_add_warns_when_an_older_index_holds_the_input_under_its_u_fffd_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _ = _folder(tmp_path)
    db = tmp_path / "news.db"
    older = f"{folder}/caf\ufffd-wire.txt"  # what a storytrace of 898d0ba..9fbfa53 stored for the file
    with Index(db, lexical_only=True) as index:
        index.add([Article(text=ORIGINAL, id=older), Article(text=REWRITE, id=f"{folder}/road.txt")])
    capsys.readouterr()
    assert main(["index", "add", "--lexical-only", "--db", str(db), str(folder)]) == 0
    err = capsys.readouterr().err
    assert f"holds '{older}', as an older storytrace named the input now indexed as '{folder}/caf\\xe9-wire.txt'" in err
    assert "in the index twice" in err and f"index remove --db {db} ID" in err
    # the older id removed, re-adding says nothing more
    assert main(["index", "remove", "--db", str(db), older]) == 0
    capsys.readouterr()
    assert main(["index", "add", "--lexical-only", "--db", str(db), str(folder)]) == 0
    assert "older storytrace" not in capsys.readouterr().err
    assert _ids(db) == [f"{folder}/caf\\xe9-wire.txt", f"{folder}/road.txt"]


def test_an_index_built_now_gets_no_warning_for_a_name_that_is_no_utf8(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _ = _folder(tmp_path)
    db = tmp_path / "news.db"
    for _ in range(2):
        assert main(["index", "add", "--lexical-only", "--db", str(db), str(folder)]) == 0
    assert "warning" not in capsys.readouterr().err


def _pretty(path: Path) -> Path:
    rows = [{"id": "a1", "text": ORIGINAL}, {"id": "a2", "text": REWRITE}]
    path.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["suspects.json", "suspects.jsonl"])
def test_trace_batch_refuses_a_pretty_printed_json_array_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    # rev24o r5: one "malformed JSON" error per line of the file (10 here), exit 3
    folder, _ = _folder(tmp_path)
    db = tmp_path / "news.db"
    assert main(["index", "add", "--lexical-only", "--db", str(db), str(folder)]) == 0
    batch = _pretty(tmp_path / name)
    capsys.readouterr()
    assert main(["trace", "--batch", str(batch), "--db", str(db), "--out", str(tmp_path / "out.jsonl")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        f"storytrace: error: {batch}: a JSON array over several lines, where JSON Lines hold one object a line (put "
        "each of its objects on a line of its own)"
    ]


def test_compare_pairs_refuses_a_pretty_printed_json_array_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pairs = tmp_path / "pairs.json"
    pairs.write_text(json.dumps([{"id": "p1", "source": ORIGINAL, "derived": REWRITE}], indent=2), encoding="utf-8")
    assert main(["compare", "--pairs", str(pairs), "--no-embeddings", "--out", str(tmp_path / "o.jsonl")]) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert "a JSON array over several lines" in line


def test_a_json_array_on_one_line_is_still_that_lines_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch = tmp_path / "suspects.jsonl"
    batch.write_text(json.dumps([{"id": "a1", "text": ORIGINAL}]) + "\n", encoding="utf-8")
    db = tmp_path / "news.db"
    folder, _ = _folder(tmp_path)
    assert main(["index", "add", "--lexical-only", "--db", str(db), str(folder)]) == 0
    capsys.readouterr()
    assert main(["trace", "--batch", str(batch), "--db", str(db), "--out", str(tmp_path / "out.jsonl")]) == 3
    assert "line 1: a JSON array on one line" in capsys.readouterr().err


def test_scan_and_index_add_read_a_pretty_printed_array_named_jsonl(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = _pretty(tmp_path / "corpus.jsonl")
    assert sorted(str(r.article.id) for r in read_corpus([str(corpus)]) if r.article is not None) == ["a1", "a2"]
    db = tmp_path / "news.db"
    assert main(["index", "add", "--lexical-only", "--db", str(db), str(corpus)]) == 0
    assert _ids(db) == ["a1", "a2"]
    assert "malformed JSON" not in capsys.readouterr().err
