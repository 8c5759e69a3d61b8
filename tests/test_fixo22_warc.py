"""rev22o's findings on reading damaged WARC and ARC files (fixo22)."""

from __future__ import annotations

import resource
from pathlib import Path

import pytest

from storytrace.corpus import read_corpus


def _page(i: int, sentences: int = 6) -> bytes:
    text = f"Story {i}: the harbour committee met on a weekday evening to discuss the moorings fee. " * sentences
    return (
        f"<html><head><title>Story {i}</title></head><body><article><p>{text}</p>"
        f"<p>Closing words of story {i}: the vote is next month.</p></article></body></html>"
    ).encode()


def _arc_record(i: int, change: int = 0) -> bytes:
    body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + _page(i)
    head = f"https://harbour.example/{i} 10.0.0.1 2024030110000{i % 10} text/html {len(body) + change}\n"
    return head.encode() + body + b"\n"


def _arc(*records: bytes) -> bytes:
    desc_body = b"1 0 Example\nURL IP-address Archive-date Content-type Archive-length\n"
    desc = f"filedesc://crawl.arc 0.0.0.0 20240301100000 text/plain {len(desc_body)}\n".encode() + desc_body + b"\n"
    return desc + b"".join(records)


def test_an_arc_record_whose_length_ends_early_loses_only_its_record(tmp_path: Path) -> None:
    # An ARC file has no WARC/1.x line to resume at: looking for one lost every record after the damaged one,
    # silently. warcio's own way on past the damage is kept there.
    path = tmp_path / "crawl.arc"
    path.write_bytes(_arc(_arc_record(1, -40), _arc_record(2), _arc_record(3)))
    recs = list(read_corpus([str(path)]))
    ids = [r.article.id for r in recs if r.article is not None]
    errors = [r.error or "" for r in recs if not r.ok]
    assert ids == ["https://harbour.example/2", "https://harbour.example/3"]
    (error,) = errors
    assert error.startswith(f"{path}:https://harbour.example/1: ")
    assert "the record's length" in error and "skipped" in error  # an ARC header line's length field


def _warc_record(i: int, length: int | None = None, body: bytes | None = None, rtype: str = "response") -> bytes:
    """An uncompressed WARC record; ``length`` in place of its true Content-Length."""
    if body is None:
        body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + _page(i, 45)
    msgtype = "response" if rtype == "response" else "request"
    head = (
        f"WARC/1.0\r\nWARC-Type: {rtype}\r\nWARC-Record-ID: <urn:uuid:{i:08d}-0000-0000-0000-000000000000>\r\n"
        f"WARC-Target-URI: https://harbour.example/{i}\r\nWARC-Date: 2024-03-01T10:00:00Z\r\n"
        f"Content-Type: application/http; msgtype={msgtype}\r\n"
        f"Content-Length: {len(body) if length is None else length}\r\n\r\n"
    )
    return head.encode() + body + b"\r\n\r\n"


@pytest.mark.parametrize("past_end", [False, True])
def test_a_file_whose_every_length_points_near_its_end_is_read_in_bounded_time(tmp_path: Path, past_end: bool) -> None:
    # Each resumption had warcio read all the rest of the file again: 450 records of 4 KB took 4.5 s of CPU (main
    # before qaops22: 0.2 s). Reading resumes within a budget of reading the file a few times over.
    records = [_warc_record(i) for i in range(450)]
    total = sum(len(r) for r in records)
    target = total + 1000 if past_end else total - 100
    parts, offset = [], 0
    for i, r in enumerate(records):
        parts.append(_warc_record(i, length=target - (offset + r.index(b"\r\n\r\n") + 4)))
        offset += len(r)
    path = tmp_path / "hostile.warc"
    path.write_bytes(b"".join(parts))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_utime
    recs = list(read_corpus([str(path)]))
    spent = resource.getrusage(resource.RUSAGE_SELF).ru_utime - before
    assert spent < 1.5, f"{spent:.2f} s of CPU"
    errors = [r.error or "" for r in recs if not r.ok]
    assert errors and all(len(e.splitlines()) == 1 for e in errors)
    assert errors[0].startswith(f"{path}:https://harbour.example/0: ")


def test_a_page_cut_short_at_a_warc_line_of_its_own_is_not_kept_as_whole(tmp_path: Path) -> None:
    # A page about crawling shows a WARC/1.0 line; a Content-Length ending just before it made the record look
    # whole (only its blank lines missing) and a page missing its end was compared as the whole story.
    page = _page(7).replace(
        b"</article>", b"<pre>\nWARC/1.0\r\nWARC-Type: response\r\n</pre><p>Last words.</p></article>"
    )
    body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
    cut = body.index(b"WARC/1.0\r\nWARC-Type: response\r\n</pre>")
    path = tmp_path / "crawl.warc"
    path.write_bytes(_warc_record(7, length=cut, body=body) + _warc_record(8))
    recs = list(read_corpus([str(path)]))
    ids = [r.article.id for r in recs if r.article is not None]
    assert ids == ["https://harbour.example/8"]
    errors = [r.error or "" for r in recs if not r.ok]
    assert errors[0].startswith(f"{path}:https://harbour.example/7: ")
    assert "skipped" in errors[0]


def test_a_whole_record_missing_its_blank_lines_is_still_kept(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    path.write_bytes(_warc_record(1)[:-4] + _warc_record(2) + _warc_record(3))
    recs = list(read_corpus([str(path)]))
    assert [r.article.id for r in recs if r.article is not None] == [f"https://harbour.example/{i}" for i in (1, 2, 3)]
    assert all(r.ok for r in recs)


@pytest.mark.parametrize(("change", "said"), [(-10, "ends before its content does"), (25, "runs past its content")])
def test_a_damaged_request_record_is_named_as_one_not_as_a_page(tmp_path: Path, change: int, said: str) -> None:
    # a request record holds no page: "story/0 ... its page would be cut short" told of a page lost that was not
    request = b"GET /0 HTTP/1.1\r\nHost: harbour.example\r\nUser-Agent: crawler\r\n\r\n"
    path = tmp_path / "crawl.warc"
    damaged = _warc_record(0, length=len(request) + change, body=request, rtype="request")
    path.write_bytes(damaged + _warc_record(1) + _warc_record(2))
    recs = list(read_corpus([str(path)]))
    assert [r.article.id for r in recs if r.article is not None] == [
        "https://harbour.example/1",
        "https://harbour.example/2",
    ]
    (error,) = [r.error or "" for r in recs if not r.ok]
    assert error.startswith(f"{path}: WARC record 1 (request): its Content-Length {said}")
    assert "page" not in error and "skipped" in error
