"""tr23: ``trace --shortlist N`` exposes the Python API's ``shortlist`` (how many of the best candidates by
retrieval are compared, default ``--top``) on the command line: more finds what ranks low at one comparison
each; 0 is retrieval only, and then the report says no candidate was compared rather than "none was judged the
original". A real lexical index on the example texts, written to disk; the CLI is run in process.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storytrace.article import Article
from storytrace.cli import main
from storytrace.index import Index
from storytrace.report.summary import RETRIEVAL_ONLY

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ORIGINAL = (EXAMPLES / "original.txt").read_text(encoding="utf-8")
COPIES = [f"copy{k}" for k in range(4)]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Four later outlets' copies of the wire story and an earlier unrelated one."""
    path = tmp_path / "news.db"
    index = Index(path, lexical_only=True)
    index.add(
        [
            Article(
                text=f"{ORIGINAL}\n\nThis story was shared by partner outlet {k}.",
                id=cid,
                outlet=f"Outlet {k}",
                published=f"2025-08-1{k}",
            )
            for k, cid in enumerate(COPIES)
        ]
        + [
            Article(
                text=(EXAMPLES / "unrelated.txt").read_text(encoding="utf-8"), id="unrelated", published="2025-07-01"
            )
        ]
    )
    index.close()
    return path


@pytest.fixture
def wire(tmp_path: Path) -> Path:
    """The wire story itself, dated before its copies."""
    path = tmp_path / "wire.json"
    path.write_text(json.dumps({"id": "wire", "text": ORIGINAL, "published": "2025-08-01"}), encoding="utf-8")
    return path


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    assert main(["trace", *args, "--no-embeddings", "--format", "json"]) == 0
    result: dict = json.loads(capsys.readouterr().out)
    return result


def test_a_shortlist_longer_than_top_compares_more_than_it_lists(
    db: Path, wire: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--top 1 compares one held-back copy; --shortlist 5 compares all four."""
    alone = _json(capsys, str(wire), "--db", str(db), "--top", "1")
    longer = _json(capsys, str(wire), "--db", str(db), "--top", "1", "--shortlist", "5")
    assert len(alone["held_back_matches"]) == 1 and alone["held_back_matches"][0]["id"] in COPIES
    assert [m["id"] for m in longer["held_back_matches"]] == COPIES
    assert longer["source"] is None and len(longer["candidates"]) <= 1


def test_shortlist_0_compares_nothing_and_says_so(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An undated rewrite of the wire story: its source is one of the copies, unless nothing is compared."""
    rewrite = str(EXAMPLES / "rewrite.txt")
    assert _json(capsys, rewrite, "--db", str(db))["source"] in COPIES
    result = _json(capsys, rewrite, "--db", str(db), "--shortlist", "0")
    assert result["candidates"] and not any(c["compared"] for c in result["candidates"])
    assert result["source"] is None and result["held_back_matches"] == []
    assert main(["trace", rewrite, "--db", str(db), "--no-embeddings", "--shortlist", "0"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert RETRIEVAL_ONLY in text and "judged" not in text
    assert main(["trace", rewrite, "--db", str(db), "--no-embeddings", "--shortlist", "0", "--format", "html"]) == 0
    assert "No source named: retrieval only (shortlist 0), no candidate was compared." in capsys.readouterr().out


def test_batch_traces_take_the_shortlist(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch = tmp_path / "suspects.jsonl"
    record = {"id": "rewrite", "text": (EXAMPLES / "rewrite.txt").read_text(encoding="utf-8")}
    batch.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (line,) = [json.loads(x) for x in _lines(capsys, "--batch", str(batch), "--db", str(db), "--shortlist", "0")]
    assert line["id"] == "rewrite" and line["source"] is None
    assert line["candidates"] and not any(c["compared"] for c in line["candidates"])


def _lines(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    assert main(["trace", *args, "--no-embeddings"]) == 0
    return capsys.readouterr().out.splitlines()


def test_a_negative_shortlist_is_one_line_and_exit_2(db: Path, wire: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["trace", str(wire), "--db", str(db), "--shortlist", "-1"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "--shortlist must be 0 or more" in err and "Traceback" not in err
