"""A WARC record whose Content-Length is wrong either way is reported as what it is, and the record after it is read:
a length running past its content swallowed the next record's start, which reading resumes at (qa22's
corrupt3.warc); a length ending early leaves the rest of the record, which is passed over."""

from __future__ import annotations

import gzip
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from storytrace.corpus import Record, read_corpus

_SRC = str(Path(__file__).resolve().parents[1] / "src")


def _records(n: int = 3, *, inside: str = "") -> tuple[list[bytes], list[str]]:
    """``n`` uncompressed WARC records of HTML responses, one bytes each, and their URIs. ``inside`` goes in the
    middle of the first page, on lines of its own."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    records, uris = [], []
    for i in range(n):
        buf = io.BytesIO()
        writer = WARCWriter(buf, gzip=False)
        uri = f"https://harbour.example/{i}"
        text = f"Story {i}: the harbour committee met on a weekday evening to discuss the moorings fee. " * 6
        middle = inside if i == 0 else ""
        html = (
            f"<html><head><title>Story {i}</title></head><body><article><p>{text}</p>\r\n{middle}"
            f"<p>Closing words of story {i}: the vote is next month.</p></article></body></html>"
        )
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(uri, "response", payload=io.BytesIO(html.encode()), http_headers=headers)
        )
        records.append(buf.getvalue())
        uris.append(uri)
    return records, uris


def _with_length(record: bytes, change: int) -> bytes:
    """The record with its WARC Content-Length (the first one, before the HTTP headers) off by ``change``."""
    m = re.search(rb"\r\nContent-Length: (\d+)\r\n", record)
    assert m is not None
    return record[: m.start(1)] + str(int(m.group(1)) + change).encode() + record[m.end(1) :]


def _read(path: Path) -> tuple[list[str], list[str], list[Record]]:
    recs = list(read_corpus([str(path)]))
    ids = [r.article.id for r in recs if r.article is not None and r.article.id is not None]
    assert len(ids) == len(set(ids)), "a record read twice"
    errors = [r.error or "" for r in recs if not r.ok]
    assert all(len(e.splitlines()) == 1 for e in errors)
    return ids, errors, recs


@pytest.mark.parametrize("into", [40, 300])  # into the next record's WARC headers; past them into its page
def test_a_length_running_past_its_content_loses_only_its_record(tmp_path: Path, into: int) -> None:
    records, uris = _records()
    gap = len(b"\r\n\r\n")
    path = tmp_path / "crawl.warc"
    damaged = _with_length(records[0], gap + into)
    path.write_bytes(damaged + records[1] + records[2])
    ids, errors, _ = _read(path)
    assert ids == uris[1:]
    (error,) = errors
    assert error.startswith(f"{path}:{uris[0]}: ")
    assert "Content-Length runs past its content into the next record" in error
    assert f"reading resumed at the next record (byte {len(damaged):,})" in error
    assert "ends before" not in error


@pytest.mark.parametrize("short", [30, 400])  # the rest of the page: one line, or lines after a blank one
def test_a_length_ending_before_its_content_loses_only_its_record(tmp_path: Path, short: int) -> None:
    records, uris = _records(inside="\r\n\r\n<p>After a blank line.</p>\r\n")
    path = tmp_path / "crawl.warc"
    path.write_bytes(_with_length(records[0], -short) + records[1] + records[2])
    ids, errors, _ = _read(path)
    assert ids == uris[1:]
    (error,) = errors
    assert uris[0] in error and "Content-Length ends before its content does" in error
    assert "runs past" not in error


def test_a_page_holding_a_warc_header_line_is_not_split_when_its_length_is_right(tmp_path: Path) -> None:
    # an article about crawling quotes a record's first line; the length says where the record ends
    records, uris = _records(inside="WARC/1.0\r\nWARC-Type: response\r\n\r\n")
    path = tmp_path / "crawl.warc"
    path.write_bytes(b"".join(records))
    ids, errors, recs = _read(path)
    assert ids == uris and errors == []
    assert recs[0].article is not None and "Closing words of story 0" in recs[0].article.text


def test_a_whole_record_missing_only_the_blank_lines_after_it_is_kept(tmp_path: Path) -> None:
    records, uris = _records()
    assert records[0].endswith(b"\r\n\r\n")
    path = tmp_path / "crawl.warc"
    path.write_bytes(records[0][:-4] + records[1] + records[2])
    ids, errors, _ = _read(path)
    assert ids == uris and errors == []


@pytest.mark.parametrize(("change", "said"), [(-30, "ends before its content does"), (60, "runs past its content")])
def test_a_gzip_member_with_a_wrong_length_loses_only_its_record(tmp_path: Path, change: int, said: str) -> None:
    records, uris = _records()
    members = [gzip.compress(_with_length(records[0], change)), gzip.compress(records[1]), gzip.compress(records[2])]
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(b"".join(members))
    ids, errors, _ = _read(path)
    assert ids == uris[1:]
    (error,) = errors
    assert uris[0] in error and said in error


def test_the_qa_file_reads_its_intact_record_through_index_add(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # qa22's corrupt3.warc in shape: record 1's length runs into record 2's page
    from storytrace.cli import main
    from storytrace.index import Index

    records, uris = _records(2)
    path = tmp_path / "corrupt3.warc"
    header_end = records[1].index(b"\r\n\r\n") + 4
    path.write_bytes(_with_length(records[0], 4 + header_end + 100) + records[1])
    db = tmp_path / "t.db"
    assert main(["index", "add", "--lexical-only", "--db", str(db), str(path)]) == 3  # some records skipped
    err = capsys.readouterr().err
    assert "runs past its content into the next record" in err and "no article could be read" not in err
    with Index(db) as index:
        assert list(index.ids()) == [uris[1]]


def test_a_wrong_length_on_stdin_is_reported_and_reading_goes_on(tmp_path: Path) -> None:
    # a pipe cannot be read again: the record is reported, and warcio's own next record is read
    records, _uris = _records()
    data = _with_length(records[0], -30) + records[1] + records[2]
    code = "from storytrace.corpus import read_corpus\nfor r in read_corpus(['-'], fmt='warc'): print(r.ok, r.error)\n"
    env = {**os.environ, "PYTHONPATH": _SRC}
    out = subprocess.run([sys.executable, "-c", code], input=data, capture_output=True, check=True, env=env)
    lines = out.stdout.decode().splitlines()
    assert lines[0].startswith("False") and "Content-Length does not end where its content does" in lines[0]
    assert lines[1:] == ["True None", "True None"]
    assert out.stderr == b""
