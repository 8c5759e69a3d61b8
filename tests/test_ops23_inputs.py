"""ops23: hostile inputs to every command: a named pipe with a writer is read (a pipe read before its writer starts:
test_ops23_pipes)."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import pytest

from storytrace.article import Article, load_article
from storytrace.cli import main
from storytrace.corpus import read_corpus
from storytrace.index import Index

ROOT = Path(__file__).resolve().parents[1]
ORIGINAL = (ROOT / "examples" / "original.txt").read_text(encoding="utf-8")
REWRITE = ROOT / "examples" / "rewrite.txt"


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "story.fifo"
    os.mkfifo(path)
    return path


def _writer(fifo: Path, data: bytes) -> int:
    """A program writing to the pipe: its end is open (O_RDWR holds it without waiting for a reader), the data in."""
    fd = os.open(fifo, os.O_RDWR)
    os.write(fd, data)
    return fd


def test_a_named_pipe_with_a_writer_is_read_whole(fifo: Path) -> None:
    fd = _writer(fifo, ORIGINAL.encode())
    # the writer leaves once the reader is in: the rest of what it wrote, then the end of the file
    threading.Timer(0.5, os.close, (fd,)).start()
    assert load_article(str(fifo)).text == load_article(str(ROOT / "examples" / "original.txt")).text


def test_a_named_pipe_whose_writer_has_written_nothing_yet_is_waited_for(fifo: Path) -> None:
    fd = _writer(fifo, b"")

    def write_later() -> None:
        time.sleep(0.5)
        os.write(fd, b'{"id": "late", "text": "The harbour committee met on Tuesday to set the mooring fees."}\n')
        os.close(fd)

    threading.Thread(target=write_later).start()
    recs = list(read_corpus([str(fifo)], fmt="jsonl"))
    assert [r.article.id for r in recs if r.article is not None] == ["late"]


def _page(n: int) -> str:
    story = f"Story {n}: the harbour committee met on a weekday evening to discuss the moorings fee. " * 4
    return (
        f"<html><head><title>Story {n}</title></head><body><article><p>{story}</p>"
        f"<p>Closing words of story {n}: the vote is next month.</p></article></body></html>"
    )


def test_two_pages_saved_end_to_end_in_one_file_are_read_not_an_internal_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the second page's <article> lies after the first's root element: counted but not copied, it was
    # 'internal error: ValueError: max() arg is an empty sequence' (exit 1), in a WARC record's page too
    path = tmp_path / "two.html"
    path.write_text(_page(1) + _page(2), encoding="utf-8")
    assert "Story 1: the harbour committee met" in load_article(str(path)).text
    (record,) = read_corpus([str(path)])
    assert record.ok
    assert main(["compare", str(path), str(REWRITE), "--no-embeddings", "--format", "json"]) == 0
    assert "internal error" not in capsys.readouterr().err


def test_a_csv_quote_never_closed_says_how_many_lines_it_swallowed(tmp_path: Path) -> None:
    # the rows after it were lost with it, but the error named one row only
    path = tmp_path / "sheet.csv"
    rows = [
        f"{i},Story {i}: the harbour committee met on a weekday evening to discuss the moorings fee." for i in range(5)
    ]
    rows[1] = rows[1].replace(",", ',"', 1)
    path.write_text("id,text\n" + "\n".join(rows) + "\n", encoding="utf-8")
    recs = list(read_corpus([str(path)]))
    assert [r.article.id for r in recs if r.article is not None] == ["0"]
    (error,) = [r.error for r in recs if not r.ok]
    assert error == (
        f"{path}:3: malformed CSV: unexpected end of data (a quote opened in this row is never closed: the 3 lines "
        "after it went into its cell, skipped with it)"
    )


def test_a_lone_surrogate_is_read_as_the_replacement_character() -> None:
    # JSON's "\ud800" escape gives one; no UTF-8 holds it, and the first write (index, report, scan) failed with an
    # internal error
    article = Article(text="Quay \udc00 fees", id="a\ud800", title="T\udfff", meta={"k\ud801": ["v\ud802", 1]})
    assert (article.text, article.title) == ("Quay \ufffd fees", "T\ufffd")
    assert article.meta == {"k\ufffd": ["v\ufffd", 1]}
    kept = {"tags": ["harbour"]}
    assert Article(text="Quay \u2019s fees", meta=kept).meta is kept  # nothing to put right: nothing copied


def test_lone_surrogates_in_json_lines_are_no_internal_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "Story 1: the harbour committee met \\udc00 on a weekday evening to discuss the moorings fee."
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(f'{{"id": "s\\ud800", "title": "T\\udfff", "text": "{text}", "tag\\ud801": "x"}}\n')
    db = tmp_path / "news.db"
    assert main(["index", "add", "--lexical-only", "--db", str(db), str(corpus)]) == 0
    assert main(["scan", str(corpus), "--out", str(tmp_path / "scan")]) == 0
    out = tmp_path / "traces.jsonl"
    assert main(["trace", "--batch", str(corpus), "--db", str(db), "--no-embeddings", "--out", str(out)]) == 0
    (traced,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert (traced["id"], traced["suspect_meta"]["id"]) == ("s\\ud800", "s\\ud800")  # the line's id is its article's
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(f'{{"id": "p\\ud800", "source": "{text}", "derived": "{text}", "note\\udfff": 1}}\n')
    assert main(["compare", "--pairs", str(pairs), "--no-embeddings", "--out", str(out)]) == 0
    assert "internal error" not in capsys.readouterr().err


def test_a_file_name_that_is_no_utf8_is_indexed_and_scanned(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9.txt")).write_text(ORIGINAL, encoding="utf-8")  # Python reads it so
    assert main(["index", "add", "--lexical-only", "--db", str(tmp_path / "news.db"), str(folder)]) == 0
    assert main(["scan", str(folder), "--out", str(tmp_path / "scan")]) == 0
    assert "internal error" not in capsys.readouterr().err


def test_a_lone_surrogate_in_an_id_or_url_is_kept_apart_as_an_escape() -> None:
    # U+FFFD for every one made "s\ud800" and "s\udc00" one id: one article silently replaced the other in an index
    name = os.fsdecode(b"caf\xe9-road.txt")  # a file-name byte no UTF-8: Python reads it as U+DCE9
    article = Article(text="Quay fees", id=name, url="https://example.org/s\ud800", title=name)
    assert article.id == os.fsencode(name).decode("utf-8", "backslashreplace") == "caf\\xe9-road.txt"
    assert article.url == "https://example.org/s\\ud800"
    assert article.title == "caf\ufffd-road.txt"  # what a reader is shown, not a name: as any other text
    assert Article(text="Quay fees", id="s\ud800").id != Article(text="Quay fees", id="s\udc00").id
    assert Article(text="Quay fees", id="caf\u00e9").id == "caf\u00e9"  # valid text is the very name given


def test_file_names_differing_in_a_byte_that_is_no_utf8_are_two_articles(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for byte, text in ((b"\xe9", ORIGINAL), (b"\xe8", REWRITE.read_text(encoding="utf-8"))):
        (folder / os.fsdecode(b"caf" + byte + b"-road.txt")).write_text(text, encoding="utf-8")
    ids = sorted(r.article.id for r in read_corpus([str(folder)]) if r.article is not None)
    assert ids == [f"{folder}/caf\\xe8-road.txt", f"{folder}/caf\\xe9-road.txt"]
    db = tmp_path / "news.db"
    assert main(["index", "add", "--lexical-only", "--db", str(db), str(folder)]) == 0
    index = Index(db, create=False)
    try:
        assert sorted(index.ids()) == ids
    finally:
        index.close()


def test_json_ids_differing_in_a_lone_surrogate_are_two_articles(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    texts = (ORIGINAL, REWRITE.read_text(encoding="utf-8"))
    # json.dumps writes a lone surrogate as JSON's escape, "s\\ud800", as another program's export can
    corpus.write_text(
        "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in zip(("s\ud800", "s\udc00"), texts, strict=True))
    )
    db = tmp_path / "news.db"
    assert main(["index", "add", "--lexical-only", "--db", str(db), str(corpus)]) == 0
    index = Index(db, create=False)
    try:
        assert sorted(index.ids()) == ["s\\ud800", "s\\udc00"]
    finally:
        index.close()
