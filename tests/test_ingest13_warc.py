"""WARC files cut short or damaged: every record lost is reported, and reading goes on after the damage."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from storytrace.corpus import Record, read_corpus


def _warc(gz: bool, n: int = 4) -> tuple[bytes, list[str], list[int]]:
    """A WARC of ``n`` HTML responses: its bytes, the URIs, and where each record starts."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    uris, starts = [], []
    for i in range(n):
        uri = f"https://news.example/{i}"
        text = f"Story {i}: the harbour committee met on a weekday evening to discuss moorings. " * 8
        html = f"<html><head><title>Story {i}</title></head><body><article><p>{text}</p></article></body></html>"
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        starts.append(buf.tell())
        writer.write_record(
            writer.create_warc_record(uri, "response", payload=io.BytesIO(html.encode()), http_headers=headers)
        )
        uris.append(uri)
    return buf.getvalue(), uris, starts


def _read(path: Path) -> tuple[list[str], list[str]]:
    recs: list[Record] = list(read_corpus([str(path)]))
    ids = [r.article.id for r in recs if r.article is not None and r.article.id is not None]
    assert len(ids) == len(set(ids)), "a record read twice"
    return ids, [r.error or "" for r in recs if not r.ok]


@pytest.mark.parametrize("gz", [False, True])
def test_a_warc_cut_anywhere_reports_the_record_it_loses(tmp_path: Path, gz: bool) -> None:
    data, _uris, starts = _warc(gz, 3)
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    # every byte of the second record's headers (WARC and HTTP) where warcio ends quietly; the compressed one whole
    cuts = range(starts[1], starts[2], 3) if gz else range(starts[1], data.index(b"<html", starts[1]) + 8)
    for cut in cuts:
        path.write_bytes(data[:cut])
        ids, errors = _read(path)
        started = sum(s < cut for s in starts)
        assert len(ids) == started or errors, f"cut at byte {cut}: a record lost without a word"
        assert all(len(e.splitlines()) == 1 for e in errors)


def test_a_damaged_record_in_an_uncompressed_warc_loses_only_itself(tmp_path: Path) -> None:
    data, uris, starts = _warc(False)
    path = tmp_path / "crawl.warc"
    path.write_bytes(data[: starts[1]] + b"GARBAGE" + data[starts[1] + 7 :])
    ids, errors = _read(path)
    assert ids == [uris[0], uris[2], uris[3]]
    (error,) = errors
    assert "after record 1" in error and "reading resumed at the next record" in error


def test_a_length_that_swallows_the_next_records_header_still_reads_the_records_after_it(tmp_path: Path) -> None:
    data, uris, starts = _warc(False)
    blank = data.index(b"\r\n\r\n", starts[1])  # the end of the second record's WARC headers
    path = tmp_path / "crawl.warc"
    path.write_bytes(data[:blank] + b"XXXX" + data[blank + 4 :])
    ids, errors = _read(path)
    assert ids[0] == uris[0] and ids[-2:] == uris[2:]
    assert errors and all("resumed" in e or "skipped" in e for e in errors)


def test_a_damaged_gzip_member_loses_only_its_record(tmp_path: Path) -> None:
    data, uris, starts = _warc(True)
    path = tmp_path / "crawl.warc.gz"
    for at in (starts[1], starts[1] + 40, starts[2] - 20):
        path.write_bytes(data[:at] + b"XXXXX" + data[at + 5 :])
        ids, errors = _read(path)
        assert ids == [uris[0], uris[2], uris[3]], at
        assert errors and any("resumed" in e for e in errors), at


def test_a_record_whose_content_length_is_short_is_reported_by_its_uri(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, uris, _starts = _warc(False, 3)
    at = data.find(b"Content-Length: ") + len(b"Content-Length: ")
    end = data.find(b"\r\n", at)
    path = tmp_path / "crawl.warc"
    path.write_bytes(data[:at] + str(int(data[at:end]) - 30).encode() + data[end:])  # the first record's length
    ids, errors = _read(path)
    assert ids == uris[1:]
    (error,) = errors
    assert uris[0] in error and "Content-Length ends before its content" in error
    assert capsys.readouterr().err == ""


def test_a_record_without_its_type_line_is_reported(tmp_path: Path) -> None:
    data, uris, starts = _warc(False, 3)
    at = data.index(b"WARC-Type: response", starts[1])
    path = tmp_path / "crawl.warc"
    path.write_bytes(data[:at] + b"XXXXX" + data[at + 5 :])
    ids, errors = _read(path)
    assert ids == [uris[0], uris[2]]
    (error,) = errors
    assert "WARC record 2 has no WARC-Type" in error


def test_a_damaged_warc_on_stdin_still_says_the_rest_is_skipped(tmp_path: Path) -> None:
    # a pipe cannot be read again from a later point: the records after the damage are lost, and the message says so
    data, _uris, starts = _warc(False, 3)
    damaged = data[: starts[1]] + b"GARBAGE" + data[starts[1] + 7 :]
    code = "from storytrace.corpus import read_corpus\nfor r in read_corpus(['-'], fmt='warc'): print(r.ok, r.error)\n"
    out = subprocess.run([sys.executable, "-c", code], input=damaged, capture_output=True, check=True)
    lines = out.stdout.decode().splitlines()
    assert lines[0] == "True None"
    assert len(lines) == 2 and "the rest of the file is skipped" in lines[1]
