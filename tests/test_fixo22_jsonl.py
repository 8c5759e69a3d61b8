"""rev22o's findings on the JSON Lines reader shared by scan / index add and compare --pairs / trace --batch
(fixo22)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from storytrace.cli import main
from storytrace.corpus import read_corpus, read_json_lines

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
