"""fixrev24o (review rev24o, item 3): resuming after a damaged ARC record takes only a line shaped as an ARC header
(URL, IP address or '-', archive date, content type, length) for the next record, not a page's text line that ends
in five words ("Tel: call ... on +44 020794600000 for details"); and an ARC file's errors speak of ARC records and
their length, not of WARC records and a Content-Length."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from storytrace.corpus import _ARC_HEADER, _ARC_LINE, read_corpus
from test_fixo22_warc import _arc

_SRC = str(Path(__file__).resolve().parents[1] / "src")
PHONE = b"Tel: call the harbour office on +44 020794600000 for details\n"


def _record(i: int, change: int = 0, extra: bytes = b"") -> bytes:
    body = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><article><p>Story %d: the harbour committee "
        b"met on a weekday evening to discuss the moorings fee, members said.</p>\n"
        % i
        + extra
        + b"<p>More on the moorings fee later this week, the committee chair told reporters.</p>"
        + b"</article></body></html>"
    )
    head = f"https://harbour.example/{i} 10.0.0.1 2024030110000{i % 10} text/html {len(body) + change}\n"
    return head.encode() + body + b"\n"


def _read(path: Path) -> tuple[list[str], list[str]]:
    recs = list(read_corpus([str(path)]))
    ids = [str(r.article.id).rsplit("/", 1)[1] for r in recs if r.article is not None]
    return ids, [r.error or "" for r in recs if not r.ok]


@pytest.mark.parametrize("change", [-60, -20])
def test_a_text_line_of_a_damaged_records_page_is_not_taken_for_the_next_record(tmp_path: Path, change: int) -> None:
    # rev24o r3: the phone line was resumed at as a header: a phantom "record 4 has Content-Length 'details'" and the
    # damaged record said to run past its content (its length was short)
    path = tmp_path / "crawl.arc"
    path.write_bytes(_arc(_record(1), _record(2, change, PHONE), _record(3), _record(4)))
    ids, errors = _read(path)
    assert ids == ["1", "3", "4"]
    (error,) = errors
    assert error.startswith(f"{path}:https://harbour.example/2: the record's length ends before its content does")
    assert "'details'" not in error and "WARC" not in error and "Content-Length" not in error


def test_an_arc_files_damaged_length_field_is_named_as_an_arc_records_length(tmp_path: Path) -> None:
    path = tmp_path / "crawl.arc"
    head, body = _record(3).split(b"\n", 1)
    damaged = head.rsplit(b" ", 1)[0] + b" 4O1\n" + body  # a letter O for a zero
    path.write_bytes(_arc(_record(1), _record(2, 200), damaged, _record(4)))
    ids, errors = _read(path)
    assert ids == ["1", "4"]
    assert errors[0].startswith(f"{path}:https://harbour.example/2: the record's length runs past its content")
    assert errors[1].startswith(f"{path}: ARC record 4 has length '4O1', which is no length (a damaged header)")


@pytest.mark.parametrize(
    "line",
    [
        b"http://news.example/a 192.0.2.1 20240301100000 text/html 1234\n",
        b"filedesc://crawl.arc 0.0.0.0 20240301100000 text/plain 76\n",
        b"dns:news.example 192.0.2.1 20240301100000 text/dns 56\n",
        b"http://news.example/a page 2001:db8::1 20240301100000 text/html; 12\n",  # spaces in the URL, IPv6
        b"http://news.example/b - 20240301100000 no-type 0\n",
        b"http://news.example/c 192.0.2.1 202403011000 unk 12\n",  # an old crawler's 12-digit date
    ],
)
def test_an_arc_header_line_is_read_as_one(line: bytes) -> None:
    assert _ARC_HEADER.fullmatch(line) is not None
    assert _ARC_LINE.search(b"\n" + line) is not None


@pytest.mark.parametrize(
    "line",
    [
        PHONE,
        b"Note: the office on 192.0.2.1 20240301100000 is closed today\n",  # no content type, no length
        b"Fax: +44 020794600000 text/plain 12\n",  # a space after the colon, no IP address
        b"Call:us on 0207 20240301100000 text/plain 12\n",  # no IP address
        b"http://x.example 192.0.2.1 2024 text/html 12\n",  # no archive date
        # (a type without a slash, "html", is now resumed at: warcio reads it, and the URL and date tell a header,
        # test_fixrev24c_arc)
    ],
)
def test_a_text_line_is_no_arc_header(line: bytes) -> None:
    assert _ARC_LINE.search(b"\n" + line) is None


def test_on_stdin_a_text_line_is_not_counted_as_a_record_the_damaged_length_ran_over() -> None:
    # a pipe cannot be read again: the records a damaged length runs over are counted by their header lines
    data = _arc(_record(1), _record(2, 400), _record(3, 0, PHONE), _record(4), _record(5))
    code = "from storytrace.corpus import read_corpus\nfor r in read_corpus(['-'], fmt='warc'): print(r.error)\n"
    env = {**os.environ, "PYTHONPATH": _SRC}
    out = subprocess.run([sys.executable, "-c", code], input=data, capture_output=True, check=True, env=env)
    errors = [line for line in out.stdout.decode().splitlines() if line != "None"]
    assert out.stderr == b""
    assert len(errors) == 1 and "the record's length does not end where its content does" in errors[0]
    assert errors[0].endswith("its length runs over 1 more record, skipped with it")  # record 3; was 2: the phone line
