"""rev22o's findings on the JSON Lines reader shared by scan / index add and compare --pairs / trace --batch
(fixo22)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from storytrace.article import Article
from storytrace.cli import main
from storytrace.corpus import read_corpus, read_json_lines
from storytrace.index import Index

ROOT = Path(__file__).resolve().parents[1]
ORIGINAL = (ROOT / "examples" / "original.txt").read_text(encoding="utf-8")
REWRITE = (ROOT / "examples" / "rewrite.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("gzipped", [False, True])
def test_lines_ended_by_cr_alone_are_read_as_lines(tmp_path: Path, gzipped: bool) -> None:
    # Each line is longer than the bytes a file's buffer shows ahead (4 KB): the line ends are told from the first
    # line, not from the head.
    pairs = [json.dumps({"id": i, "source": ORIGINAL, "derived": REWRITE}) for i in ("a", "b")]
    assert len(pairs[0]) > 4096
    data = ("\r".join(pairs) + "\r").encode()
    path = tmp_path / ("pairs.jsonl.gz" if gzipped else "pairs.jsonl")
    path.write_bytes(gzip.compress(data) if gzipped else data)
    lines = list(read_json_lines(str(path)))
    assert [(line.number, line.error, line.value["id"] if line.value else None) for line in lines] == [
        (1, None, "a"),
        (2, None, "b"),
    ]
    out = tmp_path / "out.jsonl"
    assert main(["compare", "--pairs", str(path), "--out", str(out)]) == 0
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["a", "b"]


def test_scan_reads_lines_ended_by_cr_alone(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_bytes("\r".join(json.dumps({"id": i, "text": REWRITE}) for i in ("s1", "s2")).encode())
    recs = list(read_corpus([str(path)]))
    assert [r.article.id for r in recs if r.article is not None] == ["s1", "s2"]
    assert all(r.ok for r in recs)


def test_lf_and_crlf_lines_still_read_alike(tmp_path: Path) -> None:
    for end in ("\n", "\r\n"):
        path = tmp_path / "corpus.jsonl"
        path.write_bytes(end.join(json.dumps({"id": i, "text": REWRITE}) for i in ("s1", "s2")).encode() + b"\n")
        recs = list(read_corpus([str(path)]))
        assert [r.article.id for r in recs if r.article is not None] == ["s1", "s2"]


CYRILLIC = "Правительство объявило о новом бюджете на следующий год. " * 40  # 4,200 bytes of UTF-8


def test_a_cyrillic_pair_under_the_limit_is_compared(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # JSON escapes each letter in six bytes: the 24 KB line of two 4.2 KB articles was refused at --max-bytes 10000
    path = tmp_path / "pairs.jsonl"
    path.write_text(json.dumps({"id": "c", "source": CYRILLIC, "derived": CYRILLIC.replace("новом", "свежем")}) + "\n")
    assert len(path.read_bytes()) > 2 * 10_000
    out = tmp_path / "out.jsonl"
    assert main(["compare", "--pairs", str(path), "--max-bytes", "10000", "--out", str(out)]) == 0
    assert "error" not in json.loads(out.read_text())
    # each article is still held to the limit, in the words a file over it gets
    assert main(["compare", "--pairs", str(path), "--max-bytes", "4100", "--out", str(out)]) == 3
    (result,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert result["error"].startswith("line 1: 'source' is 4.2 KB, over the 4.1 KB limit (raise it with --max-bytes)")
    # a line far over what its articles may hold is refused before it is read, naming the flag's value
    assert main(["compare", "--pairs", str(path), "--max-bytes", "3000", "--out", str(out)]) == 3
    (result,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert "limit for a line (6 x --max-bytes 3,000; raise it with --max-bytes)" in result["error"]
    assert "Traceback" not in capsys.readouterr().err


def test_a_cyrillic_suspect_under_the_limit_is_traced(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    with Index(db, lexical_only=True) as index:
        index.add([Article(text=ORIGINAL, id="original", published="2024-03-01")])
    path = tmp_path / "suspects.jsonl"
    path.write_text(json.dumps({"id": "c", "text": CYRILLIC}) + "\n")
    out = tmp_path / "traces.jsonl"
    args = ["trace", "--batch", str(path), "--db", str(db), "--no-embeddings", "--out", str(out)]
    assert main([*args, "--max-bytes", "5000"]) == 0
    assert "error" not in json.loads(out.read_text())
    assert main([*args, "--max-bytes", "4100"]) == 3
    assert "'text' is 4.2 KB, over the 4.1 KB limit" in json.loads(out.read_text())["error"]


def test_a_truncated_gzipped_batch_file_runs_the_lines_before_the_damage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # it gave no output at all, only a file error; scan keeps the lines read before such damage
    pairs = [json.dumps({"id": i, "source": ORIGINAL, "derived": REWRITE + f" ({i})"}) + "\n" for i in "abc"]
    # two gzip members (as files joined with cat are): the second cut short
    first, second = gzip.compress("".join(pairs[:2]).encode()), gzip.compress(pairs[2].encode())
    path = tmp_path / "pairs.jsonl.gz"
    path.write_bytes(first + second[: len(second) - 200])
    out = tmp_path / "out.jsonl"
    assert main(["compare", "--pairs", str(path), "--out", str(out)]) == 3
    results = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in results] == ["a", "b", None]
    assert "error" not in results[0] and "error" not in results[1]
    assert results[2]["error"] == (
        "line 3: compressed data ends early (the file is truncated); the rest of the file is skipped"
    )
    err = capsys.readouterr().err
    assert "1 of 3 lines failed" in err and "Traceback" not in err
