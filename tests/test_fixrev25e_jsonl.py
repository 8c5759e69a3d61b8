"""rev25e 4/5: a JSON array in a .jsonl file was taken for one only by its first line's look in an 8 KB head, so an
array written one record a line whose first record is over 8 KB (no line break in the head), or whose first object
is split after its first key, lost its articles to "malformed JSON" errors. Any first line that starts with "[" and
is no whole JSON value is now a possible array: parsed whole, read line by line when it is none."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from storytrace.corpus import read_corpus, read_json_lines
from storytrace.errors import InputError

TX = [
    "The city council voted on Tuesday to close the Elm Street library branch at the end of March, citing a budget "
    "shortfall of $2m.",
    "Firefighters rescued 12 people from a burning apartment block in the harbour district early on Sunday.",
    "The state's largest hospital said it would hire 300 nurses next year to cut waiting times in its emergency unit.",
]
RECS = [{"id": f"a{i}", "text": t, "outlet": "Ledger"} for i, t in enumerate(TX)]
LONG_FIRST = [dict(RECS[0], text=(TX[0] + " ") * 80), *RECS[1:]]  # a first record of ~10 KB
IDS = ["a0", "a1", "a2"]


def _read(path: Path, **kw: int) -> tuple[list[str], list[str]]:
    records = list(read_corpus([str(path)], **kw))
    return [str(r.article.id) for r in records if r.article is not None], [str(r.error) for r in records if not r.ok]


def _write(path: Path, text: str) -> Path:
    data = text.encode("utf-8")
    path.write_bytes(gzip.compress(data) if path.suffix == ".gz" else data)
    return path


@pytest.mark.parametrize("name", ["corpus.jsonl", "corpus.jsonl.gz"])
def test_an_array_one_record_a_line_with_a_first_record_over_8_kb_is_read(tmp_path: Path, name: str) -> None:
    text = "[" + ",\n".join(json.dumps(r) for r in LONG_FIRST) + "]\n"
    assert len(text.split("\n", 1)[0]) > 8192
    corpus = _write(tmp_path / name, text)
    assert _read(corpus) == (IDS, [])


def test_such_an_array_over_max_bytes_is_streamed_as_the_array_it_is(tmp_path: Path) -> None:
    more = [dict(RECS[k % 3], id=f"b{k}") for k in range(60)]
    text = "[" + ",\n".join(json.dumps(r) for r in LONG_FIRST + more) + "]\n"
    corpus = _write(tmp_path / "corpus.jsonl", text)
    assert len(text) > 15_000
    assert _read(corpus, max_bytes=15_000) == (IDS + [r["id"] for r in more], [])


def test_an_array_whose_first_object_is_split_after_its_first_key_is_read(tmp_path: Path) -> None:
    text = '[{"id": "a0",\n  "text": ' + json.dumps(TX[0]) + "},\n" + ",\n".join(json.dumps(r) for r in RECS[1:])
    corpus = _write(tmp_path / "corpus.jsonl", text + "\n]\n")
    assert _read(corpus) == (IDS, [])


@pytest.mark.parametrize(
    "first",
    [
        "[export 2025-03-05 09:12 UTC] 3 articles",
        '[{"id": "cut", "text": "a record cut short',
        '[{"id": "cut", "text": ' + json.dumps((TX[0] + " ") * 80)[:-40],  # a long damaged record
    ],
)
def test_a_first_line_that_is_no_array_is_still_that_lines_error_over_max_bytes_too(tmp_path: Path, first: str) -> None:
    corpus = _write(tmp_path / "export.jsonl", first + "\n" + "".join(json.dumps(r) + "\n" for r in RECS * 20))
    for limit in ({}, {"max_bytes": 3000}):
        ids, errors = _read(corpus, **limit)
        assert ids == IDS * 20, limit
        assert len(errors) == 1 and errors[0].startswith(f"{corpus}:1: "), limit
        assert "malformed JSON" in errors[0] or "over the 3.0 KB limit" in errors[0]


def test_trace_batch_refuses_only_a_file_that_is_an_array(tmp_path: Path) -> None:
    array = _write(tmp_path / "array.jsonl", "[" + ",\n".join(json.dumps(r) for r in LONG_FIRST) + "]\n")
    with pytest.raises(InputError, match="a JSON array over several lines"):
        list(read_json_lines(str(array)))
    split = _write(tmp_path / "split.jsonl", '[{"id": "a0",\n "text": "x"},\n' + json.dumps(RECS[1]) + "\n]\n")
    with pytest.raises(InputError, match="a JSON array over several lines"):
        list(read_json_lines(str(split)))
    # a long first line that opens no array: that line's error, the lines after it read
    lines = '[{"id": "cut", "text": ' + json.dumps((TX[0] + " ") * 80)[:-40] + "\n"
    batch = _write(tmp_path / "batch.jsonl", lines + "".join(json.dumps(r) + "\n" for r in RECS))
    read = list(read_json_lines(str(batch)))
    assert [line.number for line in read if line.error is not None] == [1]
    assert [line.value["id"] for line in read if line.error is None] == IDS
