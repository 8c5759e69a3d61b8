"""WARC records that hold a page without saying so in a response's Content-Type: resource records of type
text/html, responses whose HTTP headers give no Content-Type; and what a WARC with no page in it says."""

from __future__ import annotations

import io
from pathlib import Path

from storytrace.corpus import read_corpus

PARAS = [
    "The city council approved the new harbour plan on Tuesday after a long debate among its members.",
    "The plan will add two new piers and a ferry terminal, the mayor said in a statement after the vote.",
]


def _page(title: str) -> bytes:
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    head = f"<!DOCTYPE html><html><head><title>{title}</title></head>"
    return f"{head}<body><article>{paras}</article></body></html>".encode()


def _warc(records: list[tuple[str, str, bytes, list[tuple[str, str]] | None, str | None]]) -> bytes:
    """(uri, status or record type, payload, HTTP headers or None for a resource record, WARC Content-Type)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    for uri, status, payload, headers, ctype in records:
        if headers is None:
            record = writer.create_warc_record(uri, "resource", payload=io.BytesIO(payload), warc_content_type=ctype)
        else:
            http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
            record = writer.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=http)
        writer.write_record(record)
    return buf.getvalue()


def test_a_resource_record_of_an_html_page_is_read(tmp_path: Path) -> None:
    path = tmp_path / "wget.warc"
    path.write_bytes(_warc([("https://news.example/a", "", _page("Harbour plan"), None, "text/html; charset=utf-8")]))
    (record,) = list(read_corpus([str(path)]))
    assert record.article is not None, record.error  # was "no articles in this file"
    assert record.article.id == "https://news.example/a" and record.article.text == "\n\n".join(PARAS)


def test_a_response_with_no_content_type_is_read_when_its_payload_is_a_page(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    path.write_bytes(_warc([("https://news.example/b", "200 OK", _page("Harbour plan"), [("Server", "x")], None)]))
    (record,) = list(read_corpus([str(path)]))
    assert record.article is not None and record.article.text == "\n\n".join(PARAS)


def test_a_warc_with_no_page_says_what_it_skipped_and_why(tmp_path: Path) -> None:
    png = [("Content-Type", "image/png")]
    path = tmp_path / "assets.warc"
    path.write_bytes(
        _warc(
            [
                ("https://news.example/i.png", "200 OK", b"\x89PNG\r\n\x1a\n....", png, None),
                ("https://news.example/s.css", "", b"body { color: red }", None, "text/css"),
                ("https://news.example/old", "301 Moved Permanently", b"", [("Location", "/a")], None),
                ("https://news.example/data", "200 OK", b"just some bytes, no page", [], None),
                ("https://news.example/j.png", "200 OK", b"\x89PNG\r\n\x1a\n....", png, None),
            ]
        )
    )
    (record,) = list(read_corpus([str(path)]))
    assert record.error == (
        f"{path}: no articles in this file (5 records skipped: not HTML (image/png): 2, not HTML (text/css): 1, "
        "redirect or error status: 1, untyped, not HTML: 1)"
    )
