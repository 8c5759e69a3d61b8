"""scanfix21: corpus inputs a QA pass found misreported. A WARC cut inside a record's header lines says so (not
warcio's AttributeError), a file that is no WARC at all is not called a WARC whose first record is cut, one binary
line in a text JSONL is that line's error (the rest is read), and `compare x.arc` is refused like `x.warc`."""

from __future__ import annotations

import gzip
import os
import random
import threading
import zlib
from pathlib import Path

import pytest

from storytrace.article import load_article
from storytrace.errors import InputError
from test_corpus import _PAGES, _warc, records

# --- a: a WARC cut inside a record's header lines, and a file that is no WARC ---------------------------------


@pytest.mark.parametrize("gz", [False, True])
def test_a_crawl_cut_inside_its_third_records_headers_says_so_without_a_class_name(tmp_path: Path, gz: bool) -> None:
    whole, third = _warc(gz, _PAGES[:2]), _warc(gz, _PAGES[2:])
    # as in the QA crawl: the file ends after "WARC/1.0", "WARC-Type: response" and part of the record id
    if gz:
        cut = third[:110]
        head = zlib.decompressobj(wbits=31).decompress(cut)
    else:
        cut = head = third[: third.index(b"WARC-Record-ID") + 12]
    assert head.startswith(b"WARC/1.") and b"WARC-Type: response" in head and b"\r\n\r\n" not in head
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(whole + cut)
    recs = records(str(path))
    assert [r.article.id for r in recs if r.article] == [uri for uri, _ in _PAGES[:2]]
    (bad,) = [r for r in recs if not r.ok]
    assert (
        bad.error
        == f"{path}: WARC record 3 is cut short (the file ends inside its header lines); that record is skipped"
    )


@pytest.mark.parametrize("gz", [False, True])
def test_a_file_that_is_no_warc_is_called_so_not_a_record_cut_short(tmp_path: Path, gz: bool) -> None:
    # five words on a line: warcio reads them as an ARC record header whose length ("all") is no number
    data = b"garbage not a warc at all\n"
    path = tmp_path / ("junk.warc.gz" if gz else "junk.warc")
    path.write_bytes(gzip.compress(data) if gz else data)
    (bad,) = records(str(path))
    assert bad.error == (
        f"{path}: not a readable WARC file (its first line, 'garbage not a warc at all', is no WARC or ARC record "
        "header)"
    )


@pytest.mark.parametrize("rec_type", [b"metadata", b"response"])
def test_a_warc_whose_only_record_is_cut_in_its_headers_is_still_a_record_cut_short(
    tmp_path: Path, rec_type: bytes
) -> None:
    """The "no WARC" message is for a file whose first line is no WARC header, not for any first record cut
    (warcio hands over a metadata record without its length, and trips on a response record without its URI)."""
    path = tmp_path / "crawl.warc"
    path.write_bytes(b"WARC/1.0\r\nWARC-Type: " + rec_type + b"\r\nWARC-Record-")
    (bad,) = records(str(path))
    assert (
        bad.error
        == f"{path}: WARC record 1 is cut short (the file ends inside its header lines); that record is skipped"
    )


def _damaged_in_the_middle(gz: bool) -> bytes:
    """Three records, the second's header lines stopping inside its record id (warcio trips on it) and the file
    going on: in a .warc.gz each record is a gzip member, so warcio's reader meets the end of one there."""
    first, second, third = (_warc(gz, [page]) for page in _PAGES)
    if gz:
        raw = zlib.decompressobj(wbits=31).decompress(second)
        second = gzip.compress(raw[: raw.index(b"WARC-Record-ID") + 12])
    else:
        second = second[: second.index(b"WARC-Record-ID") + 12] + b"\r\n\r\n"
    return first + second + third


@pytest.mark.parametrize("gz", [False, True])
def test_a_record_damaged_in_the_middle_is_not_called_the_end_of_the_file(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("mid.warc.gz" if gz else "mid.warc")
    path.write_bytes(_damaged_in_the_middle(gz))
    recs = records(str(path))
    assert [r.article.id for r in recs if r.article] == [_PAGES[0][0], _PAGES[2][0]]
    (bad,) = [r for r in recs if not r.ok]
    assert "file ends" not in (bad.error or "") and "cut short" not in (bad.error or "")
    assert (bad.error or "").startswith(f"{path}: unreadable WARC record after record 1 (damaged record headers); ")
    assert "reading resumed at the next record" in (bad.error or "")


def test_a_piped_warc_gz_damaged_in_the_middle_says_the_rest_is_skipped(tmp_path: Path) -> None:
    """A pipe cannot be read again from the next record: the records after the damage are lost, and the message
    says so (it said the file ended inside record 2 and only that record was skipped)."""
    path = tmp_path / "fifo.warc.gz"
    os.mkfifo(path)
    data = _damaged_in_the_middle(True)

    def feed() -> None:
        with open(path, "wb") as pipe:
            pipe.write(data)

    writer = threading.Thread(target=feed)
    writer.start()
    try:
        recs = records(str(path))
    finally:
        writer.join(timeout=10)
    assert [r.article.id for r in recs if r.article] == [_PAGES[0][0]]
    (bad,) = [r for r in recs if not r.ok]
    assert bad.error == (
        f"{path}: unreadable WARC record after record 1 (damaged record headers); the rest of the file is skipped"
    )


_NO_URI = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: %d\r\n\r\nHTTP/1.1 200 OK\r\n"


def test_a_warc_cut_in_its_first_records_http_headers_names_record_1_as_cut_short(tmp_path: Path) -> None:
    """The QA file byte for byte: its Content-Length (99999) runs past the file's end. It said "unreadable WARC
    record after record 0 (damaged record headers)"."""
    path = tmp_path / "corrupt.warc"
    path.write_bytes(_NO_URI % 99999)
    (bad,) = records(str(path))
    assert bad.error == (
        f"{path}: WARC record 1 is cut short (its Content-Length runs past the end of the file); that record is skipped"
    )


def test_a_whole_record_without_a_uri_is_not_called_cut_short(tmp_path: Path) -> None:
    path = tmp_path / "nouri.warc"
    path.write_bytes(_NO_URI % 17 + b"\r\n\r\n")  # its 17 bytes are all there
    (bad,) = records(str(path))
    assert bad.error == (
        f"{path}: unreadable WARC record after record 0 (damaged record headers); the rest of the file is skipped"
    )


def test_an_arc_file_is_still_read(tmp_path: Path) -> None:
    html = b"<html><head><title>Harbour</title></head><body><article><p>" + _PAGES[0][1].encode() + b"</p></article>"
    response = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + html
    version = b"1 0 Test\nURL IP-address Archive-date Content-type Archive-length\n"
    arc = b"filedesc://crawl.arc 0.0.0.0 20240314080000 text/plain %d\n%s\n" % (
        len(version),
        version,
    ) + b"https://news.example/0 192.0.2.1 20240314080000 text/html %d\n%s\n" % (len(response), response)
    path = tmp_path / "crawl.arc"
    path.write_bytes(arc)
    (rec,) = records(str(path))
    assert rec.article is not None and rec.article.id == "https://news.example/0"
    assert "harbour committee" in rec.article.text


# --- b: one binary line in a text JSONL ------------------------------------------------------------------------

_B1 = b'{"id":"b1","text":"The council met on Monday to approve the budget of 4 million euros for roads."}\n'
_B2 = b'{"id":"b2","text":"The council met on Monday to approve the budget of 4 million euros for schools."}\n'


def test_a_binary_line_in_a_text_jsonl_is_that_lines_error_and_the_rest_is_read(tmp_path: Path) -> None:
    path = tmp_path / "withbin.jsonl"
    path.write_bytes(_B1 + b"\x00\x01\x02\x03binary junk\n" + _B2)  # the QA file, byte for byte
    recs = records(str(path))
    assert [r.article.id for r in recs if r.article] == ["b1", "b2"]
    (bad,) = [r for r in recs if not r.ok]
    assert bad.error == f"{path}:2: binary data, not a JSON record (a corrupt line?)"


def test_binary_lines_with_invalid_utf8_do_not_make_a_text_jsonl_a_legacy_encoded_one(tmp_path: Path) -> None:
    """Two bad lines in the sample call a file "not UTF-8" as a whole; binary lines are not text to judge that by."""
    junk = random.Random(21).randbytes(120).replace(b"\n", b" ")
    path = tmp_path / "c.jsonl"
    path.write_bytes(_B1 + b"\xff\x00" + junk + b"\n" + _B2 + b"\xfe\x01" + junk + b"\n")
    recs = records(str(path))
    assert [r.article.id for r in recs if r.article] == ["b1", "b2"]
    assert [r.where for r in recs if not r.ok] == [f"{path}:2", f"{path}:4"]


def test_a_wholly_binary_jsonl_is_still_refused_as_one(tmp_path: Path) -> None:
    path = tmp_path / "b.jsonl"
    path.write_bytes(random.Random(7).randbytes(20_000))
    (bad,) = records(str(path))
    assert bad.error == f"{path}: looks like a binary file, not article text"


def test_a_jsonl_mostly_of_binary_lines_is_refused_as_one(tmp_path: Path) -> None:
    path = tmp_path / "b.jsonl"
    path.write_bytes(_B1 + b"\x00\x01\x02\x03binary\n" * 3)
    (bad,) = records(str(path))
    assert bad.error == f"{path}: looks like a binary file, not article text"


def _parquet(tmp_path: Path) -> bytes:
    """An uncompressed Parquet corpus, as a user exports one: its text columns make most of it printable."""
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    rows = [
        {
            "id": str(i),
            "text": f"Story {i}: The harbour committee met on a weekday evening to discuss the moorings.\n"
            f"Mayor Ana Silva said the fees would rise by {i} percent next year.\nFishermen protested outside.",
            "outlet": "Wire",
        }
        for i in range(300)
    ]
    path = tmp_path / "corpus.parquet"
    pq.write_table(pa.Table.from_pylist(rows), path, compression="none")
    return path.read_bytes()


@pytest.mark.parametrize("magic", [True, False])
def test_a_parquet_file_read_as_jsonl_is_binary_not_a_legacy_encoding_to_re_save(tmp_path: Path, magic: bool) -> None:
    """It was told "not UTF-8 ... it looks like a legacy encoding; re-save the file as UTF-8". Without its PAR1
    signature, its lines holding NULs make more than half of the sample's lines."""
    data = _parquet(tmp_path)
    assert data.startswith(b"PAR1")
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(data if magic else data[4:])
    (bad,) = records(str(path))
    assert bad.error == f"{path}: looks like a binary file, not article text"


def test_a_compiled_file_of_few_long_binary_lines_among_short_text_ones_is_binary(tmp_path: Path) -> None:
    """As in a .pyc: long lines with a NUL here and there (too few control bytes to call one line binary) hold most
    of the bytes, among many short lines of printable strings. It gave one error per "line"."""
    code = b"\xe3\x00\x00\x00" + b"d\x00Z\x01e\x02j\x03" * 100
    strings = [f"Answer request {i} within its limit.".encode() for i in range(10)]
    path = tmp_path / "handlers.jsonl"
    path.write_bytes(b"\n".join([code, *strings[:4], code, *strings[4:], code]) + b"\n")
    (bad,) = records(str(path))
    assert bad.error == f"{path}: looks like a binary file, not article text"


def test_two_long_corrupt_lines_among_text_records_are_still_their_own_errors(tmp_path: Path) -> None:
    corrupt = b"\x00" + b"x" * 1500 + b"\n"
    path = tmp_path / "c.jsonl"
    path.write_bytes(_B1 + corrupt + _B2 + corrupt + _B1.replace(b"b1", b"b3"))
    recs = records(str(path))
    assert [r.article.id for r in recs if r.article] == ["b1", "b2", "b3"]
    assert [r.where for r in recs if not r.ok] == [f"{path}:2", f"{path}:4"]


_LEGACY = "Le conseil municipal a approuvé le budget à Orléans."


def test_a_legacy_encoded_jsonl_after_a_binary_line_is_told_the_right_byte(tmp_path: Path) -> None:
    binary = bytes(range(8)) + b"binary junk\n"
    good = b'{"id": "g", "text": "The council met on Monday."}\n'
    legacy = [f'{{"id":"l{i}","text":"{_LEGACY}"}}\n'.encode("cp1252") for i in range(3)]
    path = tmp_path / "legacy.jsonl"
    path.write_bytes(binary + good + b"".join(legacy))
    (bad,) = records(str(path))
    # the file's offset of the first bad byte (from 0, as this message counts); the binary line's bytes count too
    at = len(binary) + len(good) + legacy[0].index(b"\xe9")
    assert at == 119
    assert bad.error == (
        f"{path}: not UTF-8 (invalid byte 0xe9 at byte {at}; it looks like a legacy encoding); re-save the file as "
        "UTF-8"
    )


def test_lines_in_no_encoding_beside_a_binary_line_are_binary_not_a_legacy_encoding(tmp_path: Path) -> None:
    rng = random.Random(5)
    noise = [bytes(rng.randrange(0x80, 0x100) for _ in range(150)) for _ in range(3)]
    path = tmp_path / "noise.jsonl"
    path.write_bytes(_B1 * 3 + b"\x00\x01\x02junk\n" + b"\n".join(noise) + b"\n")
    (bad,) = records(str(path))
    assert bad.error == f"{path}: looks like a binary file, not article text"


def test_a_stray_nul_in_a_long_text_line_is_a_json_error_not_binary_data(tmp_path: Path) -> None:
    path = tmp_path / "nul.jsonl"
    path.write_bytes(_B1 + _B2.replace(b"schools", b"schools\x00"))
    recs = records(str(path))
    (bad,) = [r for r in recs if not r.ok]
    assert "malformed JSON" in (bad.error or "") and "binary" not in (bad.error or "")


# --- e: an ARC file is a corpus file -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["crawl.arc", "crawl.arc.gz", "crawl.warc"])
def test_compare_refuses_an_arc_file_as_a_corpus_file_like_a_warc(tmp_path: Path, name: str) -> None:
    data = _warc(False, _PAGES)
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    with pytest.raises(InputError, match="a corpus file \\(many articles\\)"):
        load_article(str(path))
