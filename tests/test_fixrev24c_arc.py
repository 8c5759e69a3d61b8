"""fixrev24c (review rev24c, item 4): after a damaged ARC record, reading resumes at the next header that warcio
reads, odd or not (a content type "text" with no slash, a host name in the IP field), told from a page's text line
by a URL of a real shape and a 12-14-digit date; a page's phone-number line is still no header (rev24o)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storytrace.corpus import _ARC_LINE, read_corpus
from test_fixo22_warc import _arc

PHONE = b"Tel: call the harbour office on +44 020794600000 for details\n"


def _record(
    i: int, change: int = 0, *, ip: bytes = b"10.0.0.1", ctype: bytes = b"text/html", extra: bytes = b""
) -> bytes:
    body = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><article><p>Story %d: the harbour committee "
        b"met on a weekday evening to discuss the moorings fee, members said.</p>\n"
        % i
        + extra
        + b"<p>More on the moorings fee later this week, the committee chair told reporters.</p>"
        + b"</article></body></html>"
    )
    head = b"https://harbour.example/%d %s 2024030110000%d %s %d\n" % (i, ip, i % 10, ctype, len(body) + change)
    return head + body + b"\n"


def _read(path: Path) -> tuple[list[str], list[str]]:
    recs = list(read_corpus([str(path)]))
    ids = [str(r.article.id).rsplit("/", 1)[1] for r in recs if r.article is not None]
    return ids, [r.error or "" for r in recs if not r.ok]


@pytest.mark.parametrize(
    "odd",
    [
        {"ctype": b"text"},  # a type with no slash
        {"ctype": b"html"},
        {"ip": b"localhost"},  # a host name where the IP address goes
        {"ip": b"crawler-7.archive.example"},
    ],
)
def test_an_odd_but_readable_header_after_a_damaged_record_is_resumed_at(tmp_path: Path, odd: dict[str, bytes]) -> None:
    path = tmp_path / "crawl.arc"
    path.write_bytes(_arc(_record(1, -30), _record(2, **odd), _record(3)))
    ids, errors = _read(path)
    assert ids == ["2", "3"]
    (error,) = errors
    assert error.startswith(f"{path}:https://harbour.example/1: the record's length ends before its content does")


def test_the_phone_number_line_after_a_damaged_length_is_still_no_header(tmp_path: Path) -> None:
    path = tmp_path / "crawl.arc"
    path.write_bytes(_arc(_record(1), _record(2, -20, extra=PHONE), _record(3, ip=b"localhost"), _record(4)))
    ids, errors = _read(path)
    assert ids == ["1", "3", "4"]
    assert len(errors) == 1 and "'details'" not in errors[0]


@pytest.mark.parametrize(
    ("line", "header"),
    [
        (b"http://news.example/a localhost 20240301100000 text 1234\n", True),
        (b"dns:news.example - 202403011000 text/dns 56\n", True),
        (b"filedesc://crawl.arc 0.0.0.0 20240301100000 text/plain 76\n", True),
        (b"https://news.example/a page 192.0.2.1 20240301100000 text/html -697\n", True),  # a damaged length: reported
        (PHONE, False),
        (b"Tel: +44 020794600000 20240301100000 text/plain 12\n", False),  # a date, but no URL's shape
        (b"mailto:desk@news.example 192.0.2.1 20240301100000 text/plain 12\n", False),  # no scheme://
        (b"http://news.example 192.0.2.1 2024 text/html 12\n", False),  # no archive date
    ],
)
def test_a_resume_line_is_a_urls_shape_and_a_date(line: bytes, header: bool) -> None:
    assert (_ARC_LINE.search(b"\n" + line) is not None) is header
