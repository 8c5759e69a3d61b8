"""ops23: a damaged ARC record resumes at the next ARC header line, and damaged WARC records past the re-read budget
are still reported one by one, with the records after them read."""

from __future__ import annotations

import gzip
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from storytrace.corpus import read_corpus
from test_fixo22_warc import _arc, _arc_record, _warc_record

_SRC = str(Path(__file__).resolve().parents[1] / "src")


def _read(path: Path) -> tuple[list[str], list[str]]:
    recs = list(read_corpus([str(path)]))
    ids = [r.article.id.rsplit("/", 1)[1] for r in recs if r.article is not None and r.article.id]
    return ids, [r.error or "" for r in recs if not r.ok]


@pytest.mark.parametrize("change", [40, 400, 100_000])
def test_an_arc_record_whose_length_runs_past_its_content_loses_only_its_record(tmp_path: Path, change: int) -> None:
    # main: +40 lost record 4 ('the rest of the file is skipped'), +400 swallowed record 3 without a word, and a
    # length past the end of the file lost every record after the damaged one
    path = tmp_path / "crawl.arc"
    path.write_bytes(_arc(_arc_record(1), _arc_record(2, change), _arc_record(3), _arc_record(4)))
    ids, errors = _read(path)
    assert ids == ["1", "3", "4"]
    (error,) = errors
    assert error.startswith(f"{path}:https://harbour.example/2: the record's length runs past its content")
    assert "reading resumed at the next record" in error


def test_an_arc_record_whose_length_ends_early_says_so(tmp_path: Path) -> None:
    path = tmp_path / "crawl.arc"
    path.write_bytes(_arc(_arc_record(1), _arc_record(2, -40), _arc_record(3)))
    ids, errors = _read(path)
    assert ids == ["1", "3"]
    (error,) = errors
    assert "the record's length ends before its content does" in error and "reading resumed" in error


def test_a_whole_arc_record_missing_its_line_break_is_kept(tmp_path: Path) -> None:
    # main reported record 2 as damaged and lost record 3 ('unreadable WARC record after record 3')
    path = tmp_path / "crawl.arc"
    path.write_bytes(_arc(_arc_record(1), _arc_record(2)[:-1], _arc_record(3)))
    assert _read(path) == (["1", "2", "3"], [])


def test_a_gzipped_arc_with_a_damaged_record_reads_the_others(tmp_path: Path) -> None:
    path = tmp_path / "crawl.arc.gz"
    members = [_arc(), _arc_record(1), _arc_record(2, 300), _arc_record(3)]
    path.write_bytes(b"".join(gzip.compress(m) for m in members))
    ids, errors = _read(path)
    assert ids == ["1", "3"] and len(errors) == 1


def test_an_arc_header_line_inside_a_page_is_not_taken_for_a_record(tmp_path: Path) -> None:
    # resuming finds a header line at the start of a line only: a page quoting one mid-line stays that page's text
    quoted = b"see https://harbour.example/9 10.0.0.1 20240301100009 text/html 120\n for the format"
    head, body = _arc_record(2).split(b"\n", 1)
    body = body.replace(b"<p>Closing", b"<p>" + quoted + b"</p><p>Closing")
    whole = head.rsplit(b" ", 1)[0] + b" %d\n" % (len(body) - 1) + body
    short = head.rsplit(b" ", 1)[0] + b" %d\n" % (len(body) - 41) + body
    path = tmp_path / "crawl.arc"
    path.write_bytes(_arc(_arc_record(1), whole, _arc_record(3)))
    assert _read(path) == (["1", "2", "3"], [])
    path.write_bytes(_arc(_arc_record(1), short, _arc_record(3)))
    ids, errors = _read(path)
    assert ids == ["1", "3"] and len(errors) == 1


def test_damaged_records_past_the_reread_budget_are_each_reported_and_the_rest_read(tmp_path: Path) -> None:
    # Forty records whose lengths all point near the end spend the budget of reading the file three times over.
    # main then read the rest once, as from a pipe: the 41st damaged record's length swallowed the twenty good
    # records after it and the one damaged among them, without a word.
    records = [_warc_record(i) for i in range(60)]
    total = sum(len(r) for r in records)
    parts, offset = [], 0
    for i, r in enumerate(records):
        content = offset + r.index(b"\r\n\r\n") + 4
        if i < 40:
            parts.append(_warc_record(i, length=total - 100 - content))
        elif i == 50:
            parts.append(_warc_record(i, length=sum(map(len, records[50:55])) - (content - offset) + 30))
        else:
            parts.append(r)
        offset += len(r)
    path = tmp_path / "crawl.warc"
    path.write_bytes(b"".join(parts))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_utime
    ids, errors = _read(path)
    spent = resource.getrusage(resource.RUSAGE_SELF).ru_utime - before
    assert ids == [str(i) for i in range(40, 60) if i != 50]
    assert len(errors) == 41 and all(len(e.splitlines()) == 1 for e in errors)
    assert [e.split(": ", 1)[0].rsplit("/", 1)[1] for e in errors] == [str(i) for i in [*range(40), 50]]
    assert all("reading resumed at the next record" in e for e in errors)
    assert spent < 1.5, f"{spent:.2f} s of CPU"


def _swallowing(n: int = 6) -> tuple[bytes, int]:
    """WARC records whose second one's length runs over the next three records, into the fifth's header."""
    records = [_warc_record(i) for i in range(n)]
    content = len(records[0]) + records[1].index(b"\r\n\r\n") + 4
    length = sum(map(len, records[:4])) + 40 - content
    return records[0] + _warc_record(1, length=length) + b"".join(records[2:]), 3


def _from_stdin(data: bytes) -> list[str]:
    code = "from storytrace.corpus import read_corpus\nfor r in read_corpus(['-'], fmt='warc'): print(r.error)\n"
    env = {**os.environ, "PYTHONPATH": _SRC}
    out = subprocess.run([sys.executable, "-c", code], input=data, capture_output=True, check=True, env=env)
    assert out.stderr == b""
    return out.stdout.decode().splitlines()


def test_records_a_damaged_length_runs_over_on_stdin_are_counted() -> None:
    # a pipe cannot be read again: the records the length runs over are lost, but no longer without a word
    data, swallowed = _swallowing()
    lines = _from_stdin(data)
    assert lines[0] == "None"
    assert "Content-Length does not end where its content does" in lines[1]
    assert lines[1].endswith(f"its length runs over {swallowed} more records, skipped with it")


def test_a_short_length_on_stdin_counts_no_record_run_over() -> None:
    records = [_warc_record(i) for i in range(3)]
    content = records[1].index(b"\r\n\r\n") + 4
    lines = _from_stdin(records[0] + _warc_record(1, length=len(records[1]) - content - 40) + records[2])
    assert lines[0] == "None" and "runs over" not in lines[1]


def test_a_file_gzipped_whole_past_the_budget_counts_the_records_a_length_runs_over(tmp_path: Path) -> None:
    # Seeking back in a file gzipped whole decompresses it from its start, so past the budget it is read once, as
    # from a pipe: there too the records a damaged length runs over are said.
    records = [_warc_record(i) for i in range(20)]
    total = sum(map(len, records))
    parts, offset = [], 0
    for i, r in enumerate(records):
        content = offset + r.index(b"\r\n\r\n") + 4
        parts.append(_warc_record(i, length=total - 100 - content) if i < 8 else r)
        offset += len(r)
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(gzip.compress(b"".join(parts)))
    ids, errors = _read(path)
    assert errors[0].startswith(f"{path}:https://harbour.example/0: ")
    assert "more records, skipped with it" in errors[-1]
    counted = int(errors[-1].rsplit("runs over ", 1)[1].split()[0])
    assert len(errors) - 1 + counted + len(ids) >= 19  # every record read, reported or counted


@pytest.mark.parametrize("prefix", ["-", "12x"])
def test_a_content_length_that_is_no_number_is_named_not_called_a_cut(tmp_path: Path, prefix: str) -> None:
    # 'WARC record 2 is cut short (the file ends inside its header lines)' was said of a whole header block
    record = _warc_record(1)
    length = prefix + record.split(b"Content-Length: ", 1)[1].split(b"\r\n", 1)[0].decode()
    damaged = record.replace(b"Content-Length: ", f"Content-Length: {prefix}".encode(), 1)
    path = tmp_path / "crawl.warc"
    path.write_bytes(_warc_record(0) + damaged + _warc_record(2))
    ids, errors = _read(path)
    assert ids == ["0", "2"]
    (error,) = errors
    assert error.startswith(f"{path}: WARC record 2 has Content-Length '{length}', which is no length")
    assert "cut short" not in error and "reading resumed at the next record" in error


@pytest.mark.parametrize("damage", ["-697", "x697", "12x"])
def test_an_arc_header_with_a_damaged_length_after_a_damaged_record_is_reported(tmp_path: Path, damage: str) -> None:
    # resuming looked only for a header line ending in digits: record 3 was passed over without a word
    path = tmp_path / "crawl.arc"
    head, body = _arc_record(3).split(b"\n", 1)
    bad = head.rsplit(b" ", 1)[0] + b" " + damage.encode() + b"\n" + body
    path.write_bytes(_arc(_arc_record(1), _arc_record(2, 300), bad, _arc_record(4)))
    ids, errors = _read(path)
    assert ids == ["1", "4"]
    assert len(errors) == 2
    assert errors[0].startswith(f"{path}:https://harbour.example/2: the record's length runs past its content")
    assert f"ARC record 4 has length '{damage}', which is no length (a damaged header)" in errors[1]
