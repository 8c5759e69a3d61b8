"""ops23 (rev23o): pipes read as main read them. A gzipped corpus through `<(...)` or a named pipe whose name does not
end in .gz is decompressed (the byte read to learn that a program writes was the only one a first peek saw: 'looks
like a binary file'); a named pipe read before its writer starts is waited for, said in one line (it was refused);
a pipe whose writer left without writing is an empty file."""

from __future__ import annotations

import contextlib
import errno
import gzip
import json
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from storytrace.cli import main
from storytrace.corpus import read_corpus
from test_fixo22_warc import _warc_record

ROOT = Path(__file__).resolve().parents[1]
REWRITE = ROOT / "examples" / "rewrite.txt"
STORIES = [
    {"id": "harbour", "text": "The harbour committee met on Tuesday to set the mooring fees for the coming year."},
    {"id": "school", "text": "The school board voted on Monday to open a second campus in the north of the city."},
]
JSONL = "".join(json.dumps(story) + "\n" for story in STORIES).encode()


@contextlib.contextmanager
def _pipe(data: bytes) -> Iterator[str]:
    """A shell's `<(...)`: a pipe's read end named by /dev/fd, its writer gone once the data is in."""
    read_end, write_end = os.pipe()
    os.write(write_end, data)  # small enough for the pipe's buffer
    os.close(write_end)
    try:
        yield f"/dev/fd/{read_end}"
    finally:
        os.close(read_end)


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "feed"  # no .gz: only the magic number says it is compressed
    os.mkfifo(path)
    return path


def _write_when_read(fifo: Path, data: bytes, delay: float = 1.0) -> threading.Thread:
    """A producer started after the reader (`storytrace scan p & producer > p`): it opens the pipe once a reader has
    it open, waits a moment (the reader is then waiting), and writes."""

    def produce() -> None:
        deadline = time.monotonic() + 60
        while True:
            try:
                fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
                break
            except OSError as err:  # ENXIO: no reader yet
                if err.errno != errno.ENXIO or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        time.sleep(delay)
        os.set_blocking(fd, True)
        os.write(fd, data)
        os.close(fd)

    thread = threading.Thread(target=produce, daemon=True)
    thread.start()
    return thread


def test_a_gzipped_corpus_through_process_substitution_is_read() -> None:
    with _pipe(gzip.compress(JSONL)) as path:
        recs = list(read_corpus([path]))
        assert [r.article.id for r in recs if r.article is not None] == ["harbour", "school"]


def test_a_gzipped_corpus_through_a_named_pipe_is_indexed(
    fifo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    producer = _write_when_read(fifo, gzip.compress(JSONL), delay=0)
    assert main(["index", "add", "--lexical-only", "--db", str(tmp_path / "news.db"), str(fifo)]) == 0
    producer.join(60)
    assert "indexed 2 articles" in capsys.readouterr().err


def test_a_gzipped_warc_through_a_pipe_is_read() -> None:
    records = [_warc_record(i) for i in range(3)]
    data = b"".join(gzip.compress(r) for r in records)  # gzip per record, as crawlers write it
    assert len(data) < 60_000  # fits a pipe's buffer
    with _pipe(data) as path:
        recs = list(read_corpus([path], fmt="warc"))
        assert [r.error for r in recs if not r.ok] == []
        assert [r.article.id for r in recs if r.article is not None] == [
            f"https://harbour.example/{i}" for i in range(3)
        ]


@pytest.mark.parametrize("command", ["compare", "index", "scan"])
def test_a_named_pipe_read_before_its_writer_starts_is_waited_for_and_said(
    fifo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    # ops23 refused it ('a named pipe with nothing to read'): an open that does not wait cannot tell a writer
    # still to come from none
    text = (ROOT / "examples" / "original.txt").read_bytes()
    args = {
        "compare": ["compare", str(fifo), str(REWRITE), "--no-embeddings", "--format", "json"],
        "index": ["index", "add", "--lexical-only", "--db", str(tmp_path / "news.db"), str(fifo)],
        "scan": ["scan", str(fifo), "--out", str(tmp_path / "scan"), "--workers", "1"],
    }[command]
    producer = _write_when_read(fifo, JSONL if command == "scan" else text)
    code = main(args)
    producer.join(60)
    err = capsys.readouterr().err
    assert code == 0, err
    assert err.splitlines()[0] == f"storytrace: waiting for a program to write to {fifo}"
    assert "named pipe with nothing to read" not in err and "Traceback" not in err


def test_a_pipe_whose_writer_left_without_writing_is_an_empty_file(capsys: pytest.CaptureFixture[str]) -> None:
    # `<(true)`: as main said it, at once, no wait
    with _pipe(b"") as path:
        assert main(["compare", path, str(REWRITE), "--no-embeddings"]) == 2
        err = capsys.readouterr().err
        assert err.splitlines() == [f"storytrace: error: {path}: no article text (empty file)"]


def test_a_named_pipe_whose_late_writer_writes_nothing_is_an_empty_file(
    fifo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    producer = _write_when_read(fifo, b"")
    assert main(["compare", str(fifo), str(REWRITE), "--no-embeddings"]) == 2
    producer.join(60)
    assert capsys.readouterr().err.splitlines() == [
        f"storytrace: waiting for a program to write to {fifo}",
        f"storytrace: error: {fifo}: no article text (empty file)",
    ]
