"""A legacy-encoded CSV is read in the encoding all its legacy lines read in, not the first one's; UTF-8 with damage
and bytes that read as no language stay errors."""

from __future__ import annotations

from pathlib import Path

from storytrace.corpus import read_corpus

ASCII_ROWS = b"".join(
    b'%d,Title %d,"The harbour council voted on the new ferry timetable after a long debate about costs."\n' % (i, i)
    for i in range(1, 51)
)


def _read(path: Path, data: bytes) -> tuple[dict[str, str], list[str]]:
    path.write_bytes(data)
    records = list(read_corpus([str(path)]))
    return {r.article.id: r.article.text for r in records if r.article}, [r.error for r in records if r.error]


def test_a_windows_1252_csv_whose_first_legacy_line_is_ambiguous_reads_in_windows_1252(tmp_path: Path) -> None:
    data = (
        b"id,title,text\n"
        b'1,A,"The harbour council voted on the ferry timetable after a long debate."\n'
        b'7,C,"The mayor\x92s plan was dead, he said."\n'
        b'8,D,"La d\xe9cision a \xe9t\xe9 prise tr\xe8s tard, apr\xe8s minuit, \xe0 la mairie, na\xefve."\n'
    )
    texts, errors = _read(tmp_path / "fr3.csv", data)
    assert errors == []
    assert texts["7"] == "The mayor\u2019s plan was dead, he said."
    # was "trčs tard, aprčs minuit, ŕ la mairie, naďve" (windows-1250, chosen from the first legacy line alone)
    assert texts["8"] == "La décision a été prise très tard, après minuit, à la mairie, naïve."


def test_a_single_french_legacy_line_reads_in_windows_1252(tmp_path: Path) -> None:
    data = b'id,title,text\n1,A,"Plain row about the harbour."\n7,C,"Le conseil a vot\xe9 apr\xe8s un long d\xe9bat."\n'
    texts, errors = _read(tmp_path / "fr2.csv", data)
    assert errors == [] and texts["7"] == "Le conseil a voté après un long débat."  # was "aprčs"


def test_a_windows_1250_csv_still_reads_in_windows_1250(tmp_path: Path) -> None:
    rows = ["Příliš žluťoučký kůň úpěl ďábelské ódy, řekl starosta města.", "Zastupitelstvo schválilo nový jízdní řád."]
    data = ("id,text\n" + "".join(f'{i},"{r}"\n' for i, r in enumerate(rows))).encode("cp1250")
    texts, errors = _read(tmp_path / "cz.csv", data)
    assert errors == [] and list(texts.values()) == rows


def test_a_utf8_character_cut_in_an_ascii_file_is_that_lines_error(tmp_path: Path) -> None:
    path = tmp_path / "trunc.csv"
    bad = b'99,Late,"The mayor said the caf\xc3 would close."\n'
    texts, errors = _read(path, b"id,title,text\n" + ASCII_ROWS + bad)
    assert len(texts) == 50 and "99" not in texts  # was read as "cafĂ would close"
    assert errors == [f"{path}:52: not valid UTF-8 (invalid byte 0xc3 at byte 32 of the line)"]


def test_a_line_of_byte_junk_in_an_ascii_file_is_that_lines_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.csv"
    bad = b'99,B,"Garbage \xff\xfe\xfd\xfc line in the middle of things."\n'
    texts, errors = _read(path, b"id,title,text\n" + ASCII_ROWS + bad)
    assert len(texts) == 50 and "99" not in texts  # was read as "Garbage ˙ţýü line"
    assert errors == [f"{path}:52: not valid UTF-8 (invalid byte 0xff at byte 15 of the line)"]


def test_german_windows_1252_words_are_read(tmp_path: Path) -> None:
    rows = ["Der Bürgermeister sagte, die Fähre werde am Montag geschlossen, Fuß und Straße.", "Über die Größe."]
    data = ("id,text\n" + "".join(f'{i},"{r}"\n' for i, r in enumerate(rows))).encode("cp1252")
    texts, errors = _read(tmp_path / "de.csv", data)
    assert errors == [] and list(texts.values()) == rows
