"""Windows-1250 (Polish) and windows-1252 (French, German) bytes that decode in both code pages are read in the one
whose reading has no stand-ins for the other's letters: "Łódź", not "£ódŸ"."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from storytrace.article import decode_bytes
from storytrace.corpus import read_corpus

POLISH = [
    ("pl1", "The new tram line in Łódź will open next year, the city said on Thursday.", "Gazeta"),
    (
        "pl2",
        "Mayor Hanna Zdanowska said the project would cost 300 million zloty, officials in Łódź said.",
        "Dziennik Łódzki",
    ),
    ("pl3", "Władze miasta ogłosiły, że może być gotowy w przyszłym roku.", "Gazeta"),
]
WESTERN = [
    (
        "fr1",
        "Le conseil municipal a approuvé mardi le nouveau plan du port à Besançon après un long débat.",
        "Le Progrès",
    ),
    (
        "de1",
        "Der Stadtrat hat am Dienstag den Hafenplan für Großenbrode genehmigt, sagte die Bürgermeisterin.",
        "Kieler",
    ),
    ("es1", "¿Qué pasó en Logroño? El señor Muñoz pagó £5 por 20 m² a 20 °C, según el niño.", "El Correo"),
    ("pt1", "São Paulo aprovou a ação no 1º turno, disse a Conceição.", "Folha"),
]


def _csv(rows: list[tuple[str, str, str]], encoding: str) -> bytes:
    return ("id,text,outlet\n" + "".join(f'{i},"{t}",{o}\n' for i, t, o in rows)).encode(encoding)


def _read(path: Path, data: bytes) -> dict[str, tuple[str, str | None]]:
    path.write_bytes(data)
    records = list(read_corpus([str(path)]))
    assert [r.error for r in records if r.error] == []
    return {r.article.id: (r.article.text, r.article.outlet) for r in records if r.article and r.article.id}


@pytest.mark.parametrize("rows", [POLISH[:1], POLISH[:2], POLISH], ids=["one", "two", "three"])
def test_a_polish_windows_1250_csv_reads_in_windows_1250(tmp_path: Path, rows: list[tuple[str, str, str]]) -> None:
    data = _csv(rows, "cp1250")
    data.decode("cp1252")  # the bytes read in windows-1252 too: that is what was chosen
    texts = _read(tmp_path / "pl.csv", data)
    assert texts == {i: (t, o) for i, t, o in rows}  # was "£ódŸ", "£ódzki" (a few Polish letters only)


@pytest.mark.parametrize("row", WESTERN, ids=[r[0] for r in WESTERN])
def test_a_western_windows_1252_csv_still_reads_in_windows_1252(tmp_path: Path, row: tuple[str, str, str]) -> None:
    data = _csv([row], "cp1252")
    data.decode("cp1250")  # the bytes read in windows-1250 too ("ŕ", "ń"): the choice is the reading's
    assert _read(tmp_path / "w.csv", data) == {row[0]: (row[1], row[2])}


def test_a_windows_1252_csv_of_both_kinds_of_row_stays_windows_1252(tmp_path: Path) -> None:
    data = _csv(WESTERN, "cp1252")
    assert _read(tmp_path / "w.csv", data) == {i: (t, o) for i, t, o in WESTERN}


def test_a_polish_text_file_reads_in_windows_1250() -> None:
    text = "The new tram line in Łódź will open next year, the city said on Thursday after a long debate.\n"
    assert decode_bytes(text.encode("cp1250"), name="pl.txt") == text  # was "£ódŸ"


def test_a_german_text_file_still_reads_in_windows_1252() -> None:
    text = "Der Stadtrat hat den Plan für Großenbrode genehmigt, sagte die Bürgermeisterin bei 20 °C.\n"
    assert decode_bytes(text.encode("cp1252"), name="de.txt") == text


def test_compare_reads_a_polish_text_file(tmp_path: Path, run_cli: Callable[..., Any]) -> None:
    text = "The new tram line in Łódź will open next year, the city said on Thursday after a long debate.\n"
    path = tmp_path / "pl.txt"
    path.write_bytes(text.encode("cp1250"))
    proc = run_cli(["compare", str(path), str(path), "--no-embeddings", "--format", "json"])
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["source"]["text"] == text
