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
