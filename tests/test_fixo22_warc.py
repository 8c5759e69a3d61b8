"""rev22o's findings on reading damaged WARC and ARC files (fixo22)."""

from __future__ import annotations

from pathlib import Path

from storytrace.corpus import read_corpus


def _page(i: int) -> bytes:
    text = f"Story {i}: the harbour committee met on a weekday evening to discuss the moorings fee. " * 6
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
    assert "Content-Length" in error and "skipped" in error
