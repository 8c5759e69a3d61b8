"""A CSV with a UTF-8 byte-order mark and lines ended by CR alone (Excel for Mac's "CSV UTF-8"), whose quoted cells
hold a LF, is read row by row whatever its first column."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from storytrace.corpus import read_corpus

BOM = b"\xef\xbb\xbf"
TEXTS = [
    "The harbour council voted on the new ferry timetable\nafter a long debate about costs.",
    "The mayor said the plan for the harbour would cost four million pounds over two years.",
]


def _rows(header: str, sep: str, text_first: bool) -> bytes:
    rows = [f'"{t}"{sep}{i}' if text_first else f'{i}{sep}"{t}"' for i, t in enumerate(TEXTS, 1)]
    return BOM + "\r".join([header, *rows, ""]).encode()


@pytest.mark.parametrize(
    ("header", "sep", "text_first"),
    [
        ("text,id", ",", True),
        ('" text ",id', ",", True),
        ("text;id", ";", True),
        ('"text","id"', ",", True),
        ("id,text", ",", False),
        ("id;text", ";", False),
    ],
)
def test_a_bom_before_a_cr_only_header_is_read(tmp_path: Path, header: str, sep: str, text_first: bool) -> None:
    path = tmp_path / "mac.csv"
    path.write_bytes(_rows(header, sep, text_first))
    records = list(read_corpus([str(path)]))
    assert [r.error for r in records if r.error] == []  # was "malformed CSV: new-line character seen in unquoted field"
    assert [(r.article.id, r.article.text) for r in records if r.article] == [("1", TEXTS[0]), ("2", TEXTS[1])]
    assert all(r.article.meta == {} for r in records if r.article)  # no "\ufeffid" column


def test_index_add_reads_a_bom_and_cr_only_csv(tmp_path: Path, run_cli: Callable[..., Any]) -> None:
    path = tmp_path / "mac.csv"
    path.write_bytes(_rows("text,id", ",", True))
    proc = run_cli(["index", "add", "--db", str(tmp_path / "x.db"), "--lexical-only", str(path)])
    assert proc.returncode == 0, proc.stderr
    assert "indexed 2 articles" in proc.stderr and "skipped" not in proc.stderr
