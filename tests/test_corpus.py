"""Corpus reading: every format, how inputs expand, default ids, and that one bad record (or file) is
reported and skipped while the rest is read, lazily. Fixtures are fictional (tests/data/corpus/)."""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storytrace import article, corpus
from storytrace.corpus import Record, expand_inputs, read_corpus
from storytrace.errors import InputError

DATA = Path(__file__).parent / "data" / "corpus"


@pytest.fixture
def data_cwd(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from tests/data/corpus so paths (and so default ids) are short and relative, as typed."""
    monkeypatch.chdir(DATA)
    return DATA


def records(*inputs: str, **kwargs: Any) -> list[Record]:
    out = list(read_corpus(inputs, **kwargs))
    for r in out:  # what every record promises, whatever the input
        if r.article is not None:
            assert r.error is None and r.article.id
        else:
            assert r.error is not None and "\n" not in r.error and r.error.startswith(r.where)
    return out


def by_where(recs: list[Record]) -> dict[str, Record]:
    return {r.where: r for r in recs}


def article_line(i: int, **fields: Any) -> str:
    text = f"Story {i}: the harbour committee met again on a weekday evening to discuss the moorings."
    return json.dumps({"text": text, **fields})


def set_stdin(monkeypatch: pytest.MonkeyPatch, stream: Any) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(stream, encoding="utf-8"))


# --------------------------------------------------------------------------------------------------
# Formats and ids


def test_jsonl_ids_explicit_int_and_path_line_default(data_cwd: Path) -> None:
    recs = records("articles.jsonl")
    assert [r.where for r in recs] == ["articles.jsonl:1", "articles.jsonl:2", "articles.jsonl:3"]
    first, second, third = (r.article for r in recs)
    assert first is not None and second is not None and third is not None
    assert first.id == "hg-101" and first.outlet == "The Harbour Gazette" and first.published == "2024-03-11"
    assert first.meta == {"section": "Transport"}
    assert second.id == "202"  # an integer id becomes a string
    assert third.id == "articles.jsonl:3"


def test_jsonl_gz_is_read_like_plain_jsonl(tmp_path: Path) -> None:
    plain = (DATA / "articles.jsonl").read_bytes()
    path = tmp_path / "articles.jsonl.gz"
    path.write_bytes(gzip.compress(plain))
    gz = records(str(path))
    assert [r.article for r in gz][:2] == [r.article for r in records(str(DATA / "articles.jsonl"))][:2]
    assert gz[2].article is not None and gz[2].article.id == f"{path}:3"


def test_gzip_is_recognised_by_its_magic_bytes(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"  # no .gz, but gzip inside
    path.write_bytes(gzip.compress((DATA / "articles.jsonl").read_bytes()))
    assert [r.article.id for r in records(str(path)) if r.article] == ["hg-101", "202", f"{path}:3"]


def test_csv_rows_with_bom_quoted_newlines_meta_and_an_empty_text(data_cwd: Path) -> None:
    recs = by_where(records("articles.csv"))
    assert list(recs) == ["articles.csv:2", "articles.csv:3", "articles.csv:6", "articles.csv:7"]
    c1 = recs["articles.csv:2"].article
    assert c1 is not None and c1.id == "c-1" and c1.title == "Bus route 7 to be extended"  # BOM not in "id"
    assert c1.outlet == "Averley Courier" and c1.published == "2024-02-02" and c1.meta == {"section": "Transport"}
    dredging = recs["articles.csv:3"].article
    assert dredging is not None and dredging.id == "articles.csv:3"  # blank id cell: path:line
    assert dredging.text.startswith("Dredging of the inner harbour began on Monday.\n\nThe work")
    # the row after the three-line cell starts on line 6, and its empty text is reported there
    assert recs["articles.csv:6"].error == "articles.csv:6: no article text (field 'text' is empty)"
    c4 = recs["articles.csv:7"].article
    assert c4 is not None and c4.published == "2024-03-04" and c4.outlet is None and c4.meta == {}


def test_tsv(data_cwd: Path) -> None:
    recs = records("articles.tsv")
    assert [r.article.title for r in recs if r.article] == ["Coastal path reopens", "Bakery sells out"]
    assert recs[1].article is not None and recs[1].article.meta == {"desk": "Business"}
    assert recs[1].article.id == "articles.tsv:3"


def test_a_tsv_article_that_opens_with_a_quote_is_read_as_text(tmp_path: Path) -> None:
    # TSV files rarely quote cells: a straight quote at the start of a cell is the article's own.
    path = tmp_path / "quotes.tsv"
    rows = [
        '"We cannot take chances," said council member Teodora Vance on Tuesday.',
        '"The wall will hold for now, engineers said after the inspection',  # never closed
        'The bridge was built in 1958 and is "unsafe", engineers said.',
    ]
    path.write_text("id\ttext\n" + "".join(f"{i}\t{t}\n" for i, t in enumerate(rows, 1)), encoding="utf-8")
    recs = records(str(path))
    assert [(r.where, r.article.text if r.article else r.error) for r in recs] == [
        (f"{path}:{i}", text) for i, text in enumerate(rows, 2)
    ]


def test_csv_without_a_text_column_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text("headline,body\nA,B\nC,D\n", encoding="utf-8")
    (rec,) = records(str(path))
    assert (
        rec.error == f"{path}:1: the header row has no 'text' column (columns: 'headline', 'body'); the file is skipped"
    )


def test_a_semicolon_separated_csv_is_read_by_its_header(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    text = "The harbour board approved 12,5 million for the new pontoons; work starts in May."
    path.write_text(f'\ufeffid;Text;desk\n7;"{text}";Local\n', encoding="utf-8")
    (rec,) = records(str(path))
    assert rec.article is not None and rec.article.id == "7" and rec.article.text == text
    assert rec.article.meta == {"desk": "Local"}


def test_csv_header_names_are_matched_loosely_and_long_rows_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    text = "A long enough article body about the harbour moorings and the new pontoons."
    path.write_text(f" ID , Text ,Desk\n7,{text},Local\n8,{text},Local,extra\n", encoding="utf-8")
    first, second = records(str(path))
    assert first.article is not None and first.article.id == "7" and first.article.meta == {"Desk": "Local"}
    assert second.error == f"{path}:3: row has 4 fields, the header has 3"


def test_a_row_without_its_text_says_so(tmp_path: Path) -> None:
    path = tmp_path / "sheet.tsv"
    path.write_text("id\ttext\n1\tThe harbour board approved new moorings on Monday.\n2\n", encoding="utf-8")
    first, second = records(str(path))
    assert first.article is not None
    assert second.error == f"{path}:3: row has no text (1 field, the header has 2)"


def test_json_object_and_list(data_cwd: Path) -> None:
    (one,) = records("one.json")
    assert one.where == "one.json" and one.article is not None
    assert one.article.id == "j-1" and one.article.meta == {"tags": ["lighthouse", "events"]}
    many = records("many.json")
    assert [r.where for r in many] == ["many.json[0]", "many.json[1]"]
    assert [r.article.id for r in many if r.article] == ["m-1", "many.json[1]"]


def test_jsonl_content_in_a_json_file_is_read_as_lines(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text(article_line(1) + "\n" + article_line(2, id="x") + "\n", encoding="utf-8")
    assert [r.article.id for r in records(str(path)) if r.article] == [f"{path}:1", "x"]


def test_single_article_files_take_the_path_as_id(data_cwd: Path) -> None:
    txt, html, md = records("site/a-harbour.txt", "site/b-ferry.html", "site/nested/c-notes.md")
    assert txt.article is not None and txt.article.id == "site/a-harbour.txt"
    assert txt.article.text == (DATA / "site" / "a-harbour.txt").read_text(encoding="utf-8")  # byte-exact
    assert html.article is not None and html.article.id == "site/b-ferry.html"
    assert html.article.title == "New ferry named after lifeboat volunteer"
    assert html.article.text.startswith("The new Gannet Point ferry") and "Home" not in html.article.text
    assert md.article is not None and md.article.text.startswith("# Market notes")


def test_unknown_extensions_are_sniffed(tmp_path: Path) -> None:
    (tmp_path / "lines.dat").write_text(article_line(1) + "\n" + article_line(2) + "\n", encoding="utf-8")
    (tmp_path / "page.out").write_text((DATA / "site" / "b-ferry.html").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "story").write_text("Plain words about the harbour, with no markup at all.", encoding="utf-8")
    recs = records(str(tmp_path / "lines.dat"), str(tmp_path / "page.out"), str(tmp_path / "story"))
    assert [r.where for r in recs] == [
        f"{tmp_path}/lines.dat:1",
        f"{tmp_path}/lines.dat:2",
        f"{tmp_path}/page.out",
        f"{tmp_path}/story",
    ]
    assert recs[2].article is not None and recs[2].article.title == "New ferry named after lifeboat volunteer"
    assert recs[3].article is not None and recs[3].article.text.startswith("Plain words")


def test_fmt_forces_a_format(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text(article_line(1, id="forced") + "\n", encoding="utf-8")
    assert records(str(path))[0].article.text.startswith('{"text"')  # type: ignore[union-attr]
    assert records(str(path), fmt="jsonl")[0].article.id == "forced"  # type: ignore[union-attr]
    with pytest.raises(ValueError, match="unknown format"):
        read_corpus([str(path)], fmt="xml")  # type: ignore[arg-type]


def test_stdin_is_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    set_stdin(monkeypatch, io.BytesIO((article_line(1, id="s1") + "\n" + article_line(2) + "\n").encode()))
    recs = records("-")
    assert [r.article.id for r in recs if r.article] == ["s1", "<stdin>:2"]
    assert [r.where for r in recs] == ["<stdin>:1", "<stdin>:2"]


# --------------------------------------------------------------------------------------------------
# Expanding inputs


def test_directory_is_recursive_sorted_and_skips_hidden_files(data_cwd: Path) -> None:
    assert expand_inputs(["site"]) == [
        "site/a-harbour.txt",
        "site/b-ferry.html",
        "site/nested/c-notes.md",
        "site/photo.png",
    ]
    assert expand_inputs(["site/"])[0] == "site/a-harbour.txt"


def test_a_binary_file_among_text_files_is_reported_and_skipped(data_cwd: Path) -> None:
    recs = records("site")
    assert [r.where for r in recs if r.article] == ["site/a-harbour.txt", "site/b-ferry.html", "site/nested/c-notes.md"]
    assert [r.error for r in recs if not r.article] == ["site/photo.png: looks like a binary file, not article text"]


def test_globs(data_cwd: Path) -> None:
    assert expand_inputs(["*.jsonl"]) == ["articles.jsonl", "broken.jsonl"]
    assert expand_inputs(["**/*.md", "site/*.txt"]) == ["site/nested/c-notes.md", "site/a-harbour.txt"]
    assert ".draft.txt" not in " ".join(expand_inputs(["site/*", "site/**"]))


def test_inputs_keep_their_order_and_a_file_is_read_once(data_cwd: Path) -> None:
    assert expand_inputs(["one.json", "site/nested", "./one.json", "*.json"]) == [
        "one.json",
        "site/nested/c-notes.md",
        "many.json",
    ]


def test_a_missing_input_fails_before_anything_is_read(data_cwd: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(corpus, "_open", lambda path, *a: opened.append(path))
    with pytest.raises(InputError, match=r"^artcles\.jsonl: no such file$"):
        read_corpus(["articles.jsonl", "artcles.jsonl"])  # raises on the call, not on iteration
    assert opened == []


def test_a_glob_that_matches_nothing_fails(data_cwd: Path) -> None:
    with pytest.raises(InputError, match=r"^\*\.xml: no match for this pattern$"):
        expand_inputs(["*.jsonl", "*.xml"])


def test_an_empty_directory_fails(tmp_path: Path) -> None:
    (tmp_path / ".hidden").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="no files in this directory"):
        read_corpus([str(tmp_path)])


# --------------------------------------------------------------------------------------------------
# Bad records are reported and skipped


def test_a_malformed_jsonl_line_in_the_middle_does_not_stop_the_file(data_cwd: Path) -> None:
    recs = records("broken.jsonl")
    assert [(r.where, r.article.id if r.article else None) for r in recs] == [
        ("broken.jsonl:1", "ok-1"),
        ("broken.jsonl:2", None),
        ("broken.jsonl:3", "ok-3"),  # line 4 is blank and skipped silently
        ("broken.jsonl:5", None),
        ("broken.jsonl:6", None),
        ("broken.jsonl:7", "broken.jsonl:7"),
    ]
    errors = [r.error for r in recs if r.error]
    assert errors == [
        # the line ends inside a string: named where the string starts, not at the line end JSON once took for
        # a control character in it
        "broken.jsonl:2: malformed JSON at column 25: Unterminated string starting",
        "broken.jsonl:5: no article text (the JSON object has no 'text' or 'html' field)",
        "broken.jsonl:6: expected a JSON object, got an array",
    ]


def test_a_bad_file_does_not_stop_the_run(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("", encoding="utf-8")
    (tmp_path / "b.jsonl").write_bytes(b"\x00\x01\x02 binary \x00" * 20)
    (tmp_path / "c.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    (tmp_path / "d.csv").write_text("id,text\n", encoding="utf-8")
    (tmp_path / "e.jsonl.gz").write_bytes(gzip.compress(((article_line(1) + "\n") * 50).encode())[:-30])  # truncated
    (tmp_path / "f.txt").write_text("The last file is fine and is still read after all the bad ones.", encoding="utf-8")
    recs = records(str(tmp_path))
    errors = [r.error.removeprefix(f"{tmp_path}/") for r in recs if r.error]
    assert errors == [
        "a.txt: no article text (empty file)",
        "b.jsonl: looks like a binary file, not article text",
        "c.html: no article text found in the HTML page",
        "d.csv: no articles in this file",
        "e.jsonl.gz: compressed data ends early (the file is truncated)",
    ]
    assert sum(1 for r in recs if r.where.startswith(f"{tmp_path}/e.jsonl.gz:")) >= 1  # lines before the cut
    assert recs[-1].article is not None and recs[-1].where == f"{tmp_path}/f.txt"


def test_size_limits_apply_per_article_not_per_multi_article_file(tmp_path: Path) -> None:
    limit = 400
    big = "x" * 500
    (tmp_path / "big.txt").write_text(big, encoding="utf-8")
    (tmp_path / "big.txt.gz").write_bytes(gzip.compress(big.encode()))
    lines = [article_line(i) for i in range(20)]
    lines[3] = json.dumps({"text": big})
    (tmp_path / "many.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = [f"{i},Row {i} of a spreadsheet export about the harbour." for i in range(20)]
    rows[5] = f"5,{big}"
    (tmp_path / "many.csv").write_text("id,text\n" + "\n".join(rows) + "\n", encoding="utf-8")
    recs = records(str(tmp_path), max_bytes=limit)
    errors = [r.error.removeprefix(f"{tmp_path}/") for r in recs if r.error]
    assert errors == [
        "big.txt: file is 500 bytes, over the 400 bytes limit (raise it with --max-bytes)",
        "big.txt.gz: decompressed file is over the 400 bytes limit (raise it with --max-bytes)",
        "many.csv:7: row is 502 bytes, over the 400 bytes limit (raise it with --max-bytes)",
        "many.jsonl:4: line is 512 bytes, over the 400 bytes limit (raise it with --max-bytes)",
    ]
    assert sum(1 for r in recs if r.article) == 19 + 19  # every other row and line of the large files


def test_a_large_json_array_is_streamed_element_by_element(tmp_path: Path) -> None:
    items: list[Any] = [json.loads(article_line(i, id=f"a{i}", place="Quai d'Été")) for i in range(30)]
    items[4] = {"text": "y" * 1000}  # parses, but over the limit: reported, and the array goes on
    items[6] = {"title": "no text"}
    path = tmp_path / "dump.json"
    path.write_text(json.dumps(items, indent=1, ensure_ascii=False), encoding="utf-8")
    assert path.stat().st_size > 2_000
    recs = records(str(path), max_bytes=600)
    assert len(recs) == 30
    assert recs[4].error == f"{path}[4]: array element is 1.0 KB, over the 600 bytes limit (raise it with --max-bytes)"
    assert recs[6].error is not None and "no article text" in recs[6].error
    assert [r.article.id for r in recs if r.article] == [f"a{i}" for i in range(30) if i not in (4, 6)]
    assert recs[0].article is not None and recs[0].article.meta == {"place": "Quai d'Été"}


def test_a_syntax_error_in_a_streamed_json_array_stops_the_file_with_its_position(tmp_path: Path) -> None:
    items = [json.loads(article_line(i, id=f"a{i}", place="Quai d'Été")) for i in range(3_000)]
    good = json.dumps(items[:2_500], indent=1, ensure_ascii=False)[:-2]  # cut before "\n]"
    path = tmp_path / "broken.json"
    path.write_text(good + ",\n oops" + json.dumps(items[2_500:], ensure_ascii=False)[1:], encoding="utf-8")
    assert path.stat().st_size > 200_000  # many windows: the position survives the window sliding
    recs = records(str(path), max_bytes=1_000)
    assert [r.article.id for r in recs if r.article] == [f"a{i}" for i in range(2_500)]
    line = good.count("\n") + 2
    assert recs[-1].error == (
        f"{path}:{line}: malformed JSON at column 2: Expecting value; the rest of the file is skipped"
    )


def test_a_crash_in_extraction_is_one_error(monkeypatch: pytest.MonkeyPatch, data_cwd: Path) -> None:
    def boom(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("parser blew up\non two lines")

    monkeypatch.setattr(corpus, "article_from_html", boom)
    recs = records("site/b-ferry.html", "site/a-harbour.txt")
    assert (
        recs[0].error == "site/b-ferry.html: could not read the article (RuntimeError: parser blew up\\non two lines)"
    )
    assert recs[1].article is not None


def test_a_csv_quote_that_is_never_closed_is_an_error_not_a_merged_article(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    text = "A long enough article body about the harbour moorings and the new pontoons."
    path.write_text(f'id,text\n1,{text}\n2,"{text}\n3,{text}\n', encoding="utf-8")
    first, second = records(str(path))
    assert first.article is not None and first.article.id == "1"
    assert second.error == (
        f"{path}:3: malformed CSV: unexpected end of data (a quote opened in this row is never closed: the 1 line "
        "after it went into its cell, skipped with it)"
    )


def test_one_damaged_line_is_that_lines_error_only(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    damaged = article_line(2).encode().replace(b"harbour", b"harbour caf\xe9", 1)  # a cp1252 byte
    path.write_bytes((article_line(1) + "\n").encode() + damaged + b"\n" + (article_line(3) + "\n").encode())
    recs = records(str(path))
    assert [bool(r.article) for r in recs] == [True, False, True]
    assert recs[1].error == f"{path}:2: not valid UTF-8 (invalid byte 0xe9 at byte 35 of the line)"


def test_a_legacy_encoded_jsonl_is_one_error_not_one_per_line(tmp_path: Path) -> None:
    # (a legacy-encoded CSV is read in its encoding: tests/test_ing17_csv.py)
    path = tmp_path / "export.jsonl"
    body = "\n".join(
        json.dumps({"id": i, "text": f"Le conseil a voté la réfection du quai numéro {i} à l'été."}, ensure_ascii=False)
        for i in range(50)
    )
    path.write_bytes((body + "\n").encode("cp1252"))
    (rec,) = records(str(path))
    assert rec.error is not None and "re-save the file as UTF-8" in rec.error


def test_record_holds_an_article_or_an_error() -> None:
    with pytest.raises(ValueError):
        Record(None, "x")
    assert not Record(None, "x", "x: bad").ok


# --------------------------------------------------------------------------------------------------
# Streaming


class _Chunks(io.RawIOBase):
    """A pipe that hands out one chunk per read and counts how many were taken."""

    def __init__(self, chunks: list[bytes]) -> None:
        super().__init__()
        self.chunks = chunks
        self.taken = 0

    def readable(self) -> bool:
        return True

    def read1(self, n: int = -1) -> bytes:
        if self.taken == len(self.chunks):
            return b""
        self.taken += 1
        return self.chunks[self.taken - 1]

    def readinto(self, buffer: Any) -> int:
        data = self.read1()
        buffer[: len(data)] = data
        return len(data)


def test_stdin_records_come_before_the_rest_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    pipe = _Chunks([(article_line(1) + "\n").encode(), (article_line(2) + "\n").encode(), b'{"text": oops\n'])
    monkeypatch.setattr(sys, "stdin", type("Stdin", (), {"buffer": pipe})())
    stream = read_corpus(["-"])
    first = next(stream)
    assert first.article is not None and first.where == "<stdin>:1"
    assert pipe.taken == 1  # line 2 and the malformed line 3 have not even been read
    rest = list(stream)
    assert [r.where for r in rest] == ["<stdin>:2", "<stdin>:3"] and rest[1].error


def test_gzipped_stdin_is_streamed_too(monkeypatch: pytest.MonkeyPatch) -> None:
    compressor = __import__("zlib").compressobj(wbits=31)  # gzip framing
    chunks = [compressor.compress((article_line(1) + "\n").encode()) + compressor.flush(2)]  # Z_SYNC_FLUSH
    chunks.append(compressor.compress(b"not json\n") + compressor.flush())
    pipe = _Chunks(chunks)
    monkeypatch.setattr(sys, "stdin", type("Stdin", (), {"buffer": pipe})())
    stream = read_corpus(["-"])
    assert next(stream).article is not None and pipe.taken == 1
    assert [r.error for r in stream] == ["<stdin>:2: malformed JSON at column 1: Expecting value"]


@pytest.mark.parametrize("compress", [False, True])
def test_a_large_file_is_read_as_it_is_consumed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, compress: bool
) -> None:
    rng = random.Random(7)
    lines = [article_line(i, noise="".join(rng.choices("0123456789abcdef", k=400))) for i in range(3_000)]
    payload = ("\n".join(lines) + "\n{broken\n").encode()
    path = tmp_path / ("big.jsonl.gz" if compress else "big.jsonl")
    path.write_bytes(gzip.compress(payload) if compress else payload)
    size = path.stat().st_size
    assert size > 500_000
    handles: list[io.BufferedReader] = []

    def tracking_open(file: str, mode: str) -> io.BufferedReader:
        handle = open(file, mode)  # noqa: SIM115 - closed by the code under test
        handles.append(handle)  # type: ignore[arg-type]
        return handle  # type: ignore[return-value]

    monkeypatch.setattr(article, "open", tracking_open, raising=False)  # corpus opens files by open_input
    stream = read_corpus([str(path)])
    first = next(stream)
    assert first.article is not None and first.where == f"{path}:1"
    assert handles[0].raw.tell() < 100_000 < size  # type: ignore[attr-defined]
    rest = list(stream)
    assert (
        len(rest) == 3_000
        and rest[-1].error
        == f"{path}:3001: malformed JSON at column 2: Expecting property name enclosed in double quotes"
    )
    assert handles[0].closed


def test_stopping_early_closes_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(article_line(1) + "\n" + article_line(2) + "\n", encoding="utf-8")
    handles: list[Any] = []

    def tracking_open(file: str, mode: str) -> Any:
        handles.append(open(file, mode))  # noqa: SIM115
        return handles[-1]

    monkeypatch.setattr(article, "open", tracking_open, raising=False)  # corpus opens files by open_input
    stream: Iterator[Record] = read_corpus([str(path)])
    next(stream)
    stream.close()  # type: ignore[attr-defined]
    assert handles[0].closed


def test_symlinked_directories_are_not_followed(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The only real article in this folder, about the quay.", encoding="utf-8")
    try:
        os.symlink(tmp_path, tmp_path / "loop")
    except OSError:
        pytest.skip("no symlinks here")
    assert expand_inputs([str(tmp_path)]) == [str(tmp_path / "a.txt")]


@pytest.mark.parametrize("layout", ["jsonl", "array"])
def test_a_corpus_without_extension_bigger_than_the_limit_is_read_article_by_article(
    tmp_path: Path, layout: str
) -> None:
    records = [{"id": f"a{i}", "text": f"Article number {i} says the council met on Tuesday. " * 20} for i in range(40)]
    body = "".join(json.dumps(r) + "\n" for r in records) if layout == "jsonl" else json.dumps(records, indent=1)
    path = tmp_path / "corpus"
    path.write_text(body, encoding="utf-8")
    assert path.stat().st_size > 20_000
    got = list(read_corpus([str(path)], max_bytes=20_000))
    assert [r.error for r in got if r.error] == []
    assert [r.article.id for r in got if r.article] == [r["id"] for r in records]


def test_worker_processes_read_single_article_files_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    html = (Path(__file__).resolve().parents[1] / "examples" / "original.html").read_text(encoding="utf-8")
    for k in range(12):
        (tmp_path / f"a{k:02d}.html").write_text(html.replace("Port Calloway", f"Port {k}"), encoding="utf-8")
        (tmp_path / f"b{k:02d}.txt").write_text(f"Story {k} about the harbour vote.", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"id": "j1", "text": "One."}\nnot json\n', encoding="utf-8")
    (tmp_path / "d.html").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "e.txt").write_text("", encoding="utf-8")
    serial = list(read_corpus([str(tmp_path)]))
    monkeypatch.setattr(corpus, "PARALLEL_FROM", 5)
    parallel = list(read_corpus([str(tmp_path)], workers=2))
    assert parallel == serial
    assert sum(r.article is not None for r in parallel) == 25 and sum(r.error is not None for r in parallel) == 3


# --------------------------------------------------------------------------------------------------
# WARC: a crawl cut short or damaged keeps the records before the damage, and says what was lost


def _warc(gz: bool, pages: list[tuple[str, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for uri, text in pages:
        html = f"<html><head><title>{uri}</title></head><body><article><p>{text}</p></article></body></html>"
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(uri, "response", payload=io.BytesIO(html.encode()), http_headers=headers)
        )
    return buf.getvalue()


_PAGES = [
    (
        f"https://news.example/{i}",
        f"Story {i}: the harbour committee met on a weekday evening to discuss moorings. " * 8,
    )
    for i in range(3)
]


@pytest.mark.parametrize("gz", [False, True])
def test_a_warc_cut_inside_its_last_record_keeps_the_whole_ones_and_reports_the_cut_one(
    tmp_path: Path, gz: bool
) -> None:
    data = _warc(gz, _PAGES)
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(data[: len(data) - 200])  # the end of the last page is lost
    recs = records(str(path))
    assert [r.article.id for r in recs if r.article] == [uri for uri, _ in _PAGES[:2]]
    (bad,) = [r for r in recs if not r.ok]
    assert "truncated" in (bad.error or "")


@pytest.mark.parametrize(
    ("cut", "said"),
    [
        (30, "WARC record 3 is cut short (the file ends inside its header lines)"),  # warcio raised AttributeError
        (200, "ends inside record 3 (truncated)"),  # warcio ended quietly
    ],
)
def test_a_warc_cut_inside_a_records_headers_is_reported_not_passed_over(tmp_path: Path, cut: int, said: str) -> None:
    data = _warc(False, _PAGES)
    third = data.find(b"WARC/1.", data.find(b"WARC/1.", 10) + 10)
    path = tmp_path / "crawl.warc"
    path.write_bytes(data[: third + cut])  # the third record's headers end early
    recs = records(str(path))
    assert len([r for r in recs if r.ok]) == 2
    (bad,) = [r for r in recs if not r.ok]
    assert said in (bad.error or "")


def test_a_warc_page_is_decoded_by_the_charset_its_http_header_names(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    text = "Rada miasta Łodzi przyjęła w poniedziałek budżet na przyszły rok, powiedział rzecznik Paweł Żak."
    html = f"<html><head><title>Łódź</title></head><body><article><p>{text}</p></article></body></html>"
    path = tmp_path / "crawl.warc"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=ISO-8859-2")], protocol="HTTP/1.1")
        payload = io.BytesIO(html.encode("iso-8859-2"))
        writer.write_record(
            writer.create_warc_record("https://lodz.example/", "response", payload, http_headers=headers)
        )
    (rec,) = records(str(path))
    assert rec.article is not None and rec.article.text == text and rec.article.title == "Łódź"


def test_a_damaged_warc_record_is_reported_and_the_records_after_it_read(tmp_path: Path) -> None:
    data = _warc(False, _PAGES)
    second = data.find(b"WARC/1.", 10)
    path = tmp_path / "crawl.warc"
    path.write_bytes(data[:second] + b"GARBAGE" + data[second + 7 :])
    recs = records(str(path))
    assert [r.article.id for r in recs if r.article] == [_PAGES[0][0], _PAGES[2][0]]
    (bad,) = [r for r in recs if not r.ok]
    assert "after record 1" in (bad.error or "") and "reading resumed at the next record" in (bad.error or "")


def test_a_warc_record_with_a_wrong_length_prints_nothing_of_warcio_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # warcio finds the next record after the cut-short one here; a run's stderr holds only storytrace's lines
    data = _warc(False, _PAGES)
    at = data.find(b"Content-Length: ") + len(b"Content-Length: ")
    end = data.find(b"\r\n", at)
    path = tmp_path / "crawl.warc"
    path.write_bytes(data[:at] + str(int(data[at:end]) - 30).encode() + data[end:])  # the first record's length
    assert [r.ok for r in records(str(path))] == [False, True, True]  # its page would be cut short: reported
    assert capsys.readouterr().err == ""
