"""A fraction, superscript or footnote mark in windows-1252 text is not a stand-in for a windows-1250 letter: French,
German and English text with one keeps windows-1252 ("crème", "£4.99"), Polish still gets windows-1250."""

from __future__ import annotations

from pathlib import Path

import pytest

from storytrace.article import decode_bytes
from storytrace.corpus import read_corpus

WESTERN = {
    "fr_kg": "Pour la tarte, il faut 1¼kg de pommes et de la crème fraîche : c’est très simple, a dit le chef.\n",
    "de_in": "Der Bildschirm misst 6¾in, sagte der Händler in München; das Gerät kostet 499 € ab Dienstag.\n",
    "en_footnote": "The study found that 40% of households had cut spending.¹The authors wrote so on Monday.\n",
    "en_lb": (
        "The new Quarter Pounder weighs ¼lb before cooking and sells for £4.99 in most branches, the company said on"
        " Tuesday. It comes with a 3¾in bun and “fresh” toppings — cheese, onion and pickles — at €5 in Ireland.\n"
    ),
}


@pytest.mark.parametrize("name", list(WESTERN))
def test_a_fraction_or_footnote_mark_keeps_windows_1252(name: str) -> None:
    text = WESTERN[name]
    data = text.encode("cp1252")
    data.decode("cp1250")  # readable in windows-1250 too ("crčme", "Ł4.99"): the choice is the reading's
    assert decode_bytes(data, name=f"{name}.txt") == text


def test_a_csv_row_with_a_fraction_keeps_windows_1252(tmp_path: Path) -> None:
    rows = [
        "The burger weighs ¼lb before cooking, the company said on Tuesday, and sells for £4.99 in most branches.",
        "Café owners in Zürich said prices rose this year, citing rent.",
    ]
    path = tmp_path / "c.csv"
    path.write_bytes(("id,text\n" + "".join(f'{k},"{t}"\n' for k, t in enumerate(rows))).encode("cp1252"))
    records = list(read_corpus([str(path)]))
    assert [r.error for r in records if r.error] == []
    assert [r.article.text for r in records if r.article] == rows  # was "Ľlb", "Ł4.99"


@pytest.mark.parametrize(
    "text",
    [
        "Łódź to miasto w Polsce. Mieszkańcy mówią, że źródło problemu leży w złej komunikacji.\n",
        "The new tram line in Łódź will open next year, the city said on Thursday after a long debate.\n",
        "Władze miasta ogłosiły, że most będzie gotowy za rok.\n",
    ],
)
def test_polish_still_reads_in_windows_1250(text: str) -> None:
    assert decode_bytes(text.encode("cp1250"), name="pl.txt") == text
