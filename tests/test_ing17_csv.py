"""CSV files as spreadsheet programs save them: Excel on Windows in windows-1252, Excel for Mac with lines ended by
CR alone and a line break inside a quoted cell."""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

from storytrace.corpus import read_corpus

ROWS = [
    ("a1", "The caf\u00e9 on the quay reopened on Tuesday, its owner said. \u201cWe\u2019re back,\u201d she said."),
    ("a2", "Prices at the caf\u00e9 will rise by 5% in May, the owner\u2019s brother said in a statement on Monday."),
]


def _csv(rows: list[tuple[str, str]], terminator: str = "\r\n") -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator=terminator)
    writer.writerow(["id", "text"])
    writer.writerows(rows)
    return buf.getvalue()


def test_a_windows_1252_csv_is_read_in_its_encoding(tmp_path: Path, run_cli: Callable[..., Any]) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes(_csv(ROWS).encode("cp1252"))  # "é" is 0xe9, the curly quotes 0x93/0x94/0x92
    proc = run_cli(["index", "add", "--db", str(tmp_path / "i.db"), str(path), "--lexical-only", "--workers", "1"])
    assert proc.returncode == 0, proc.stderr  # was refused: "re-save the file as UTF-8"
    records = list(read_corpus([str(path)]))
    assert [(r.article.id, r.article.text) for r in records if r.article] == ROWS


def test_a_legacy_byte_first_met_after_the_files_head_is_read_too(tmp_path: Path) -> None:
    filler = [(f"f{i}", f"Plain ASCII row number {i} about the harbour and its new piers.") for i in range(200)]
    path = tmp_path / "late.csv"
    path.write_bytes(_csv(filler + ROWS).encode("cp1252"))
    records = list(read_corpus([str(path)]))
    assert all(r.ok for r in records) and [r.article.text for r in records[-2:] if r.article] == [t for _, t in ROWS]


def test_a_csv_of_bytes_that_read_as_no_text_is_one_clear_error(tmp_path: Path) -> None:
    rng = random.Random(3)
    path = tmp_path / "garbage.csv"
    rows = b"".join(b"%d," % i + bytes(rng.randrange(128, 256) for _ in range(80)) + b"\n" for i in range(20))
    path.write_bytes(b"id,text\n" + rows)
    (record,) = list(read_corpus([str(path)]))
    assert record.error is not None and record.error.startswith(f"{path}: not UTF-8 (invalid byte 0x")
    assert record.error.endswith("; it reads as text in no encoding known here); re-save the file as UTF-8")


def test_a_utf8_csv_with_one_damaged_line_keeps_that_lines_error(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes(
        b"id,text\nm1,Le caf\xc3\xa9 est ouvert depuis mardi dit la patronne du port.\n"
        b"m2,Le caf\xe9 ferme lundi selon la mairie du village.\n"
    )
    first, second = list(read_corpus([str(path)]))
    assert first.article is not None and first.article.text.startswith("Le café")
    assert second.error == f"{path}:3: not valid UTF-8 (invalid byte 0xe9 at byte 10 of the line)"


def test_a_cr_only_csv_with_a_line_break_in_a_quoted_cell_is_read(tmp_path: Path) -> None:
    rows = [
        ("m1", "First line of the story about the harbour.\nSecond line of the story, after a break."),
        ("m2", "Another story entirely, about the ferry terminal and its new piers."),
    ]
    path = tmp_path / "mac.csv"
    path.write_bytes(_csv(rows, terminator="\r").encode())
    records = list(read_corpus([str(path)]))
    assert [(r.article.id, r.article.text) for r in records if r.article] == rows, [r.error for r in records]
