"""Review of the ux16 ingest changes, corpora: a .warc.gz whose first record is large, and the note `index add`
gives on dates it could not read."""

from __future__ import annotations

import io
import json
import os
import tracemalloc
from pathlib import Path
from typing import Any

from storytrace.corpus import _one_gzip_stream, read_corpus

STORY = " ".join(
    "The council met on Tuesday and voted to delay the budget for another month, officials said." for _ in range(5)
)


def test_a_large_first_record_of_a_warc_gz_is_not_held_in_memory_to_tell_its_gzip_kind(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=True)  # one gzip member per record, as crawlers write them
        for uri, ctype, payload in (
            ("https://news.example/video", "video/mp4", os.urandom(8_000_000)),
            (
                "https://news.example/story",
                "text/html",
                f"<html><body><main><p>{STORY}</p></main></body></html>".encode(),
            ),
        ):
            http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=http)
            )
    with path.open("rb") as f:
        tracemalloc.start()
        try:
            assert not _one_gzip_stream(f)  # a member per record: for warcio to read as it is
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    # The video was decompressed whole, a chunk at a time, into one growing bytes object: for a record of 30 MB,
    # reading the crawl took 19 s instead of 1 s.
    assert peak < 2_000_000
    records = list(read_corpus([str(path)]))
    assert [r.article.id for r in records if r.article is not None] == ["https://news.example/story"]


def test_index_add_does_not_name_as_undated_an_article_whose_indexed_record_is_dated(
    tmp_path: Path, run_cli: Any
) -> None:
    rows = (
        "id,text,published\n"
        f'a,"{STORY}",04/05/2024\n'
        f'a,"{STORY} Again.",2024-03-14\n'
        f'b,"{STORY} The mayor agreed.",yesterday\n'
        f'c,"{STORY} The mayor refused.",2024-03-15\n'
        f'c,"{STORY} The mayor refused again.",03/04/2024\n'
    )
    (tmp_path / "rep.csv").write_text(rows, encoding="utf-8")
    result = run_cli(["index", "add", "--db", str(tmp_path / "r.db"), "--lexical-only", str(tmp_path / "rep.csv")])
    assert result.returncode == 0, result.stderr
    (note,) = [line for line in result.stderr.splitlines() if "could not be read" in line]
    # a was named with b, "2 articles ... : a, b; 1 of them read two ways", though a is indexed dated 2024-03-14
    assert "2 articles" in note and note.split(": ")[-1].split(";")[0] == "b, c"


def test_an_object_with_a_list_of_authors_is_not_told_to_give_that_list(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    record = {"headline": "Council", "body": STORY, "authors": [{"name": "Jane Doe"}], "images": [{"url": "x.jpg"}]}
    path.write_text(json.dumps(record), encoding="utf-8")
    (result,) = list(read_corpus([str(path)]))
    assert result.error == f"{path}: no article text (the JSON object has no 'text' or 'html' field)"


def test_the_rows_of_a_utf16_table_before_a_bad_surrogate_are_read(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    rows = f'id,text\na1,"{STORY}"\na2,"{STORY} Again."\n'
    path.write_bytes(rows.encode("utf-16") + b"\x00\xd8" + "3,broken\n".encode("utf-16-le"))
    records = list(read_corpus([str(path)]))
    assert [r.article.id for r in records if r.article is not None] == ["a1", "a2"]  # none, before
    assert [r.error for r in records if not r.ok] == [
        f"{path}: invalid UTF-16 text (illegal UTF-16 surrogate); the rest of the file is skipped"
    ]
