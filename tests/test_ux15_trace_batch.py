"""ux15: `trace --batch` carries each suspect line's own fields through, so results join back to the user's data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storytrace.article import Article
from storytrace.cli import main
from storytrace.index import Index

ROOT = Path(__file__).resolve().parents[1]
ORIGINAL = (ROOT / "examples" / "original.txt").read_text(encoding="utf-8")
REWRITE = (ROOT / "examples" / "rewrite.txt").read_text(encoding="utf-8")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "news.db"
    with Index(path, lexical_only=True) as index:
        index.add([Article(text=ORIGINAL, id="original", published="2024-03-01")])
    return path


def test_each_result_carries_the_suspect_lines_fields_but_its_text(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    batch = tmp_path / "suspects.jsonl"
    lines = [
        {
            "id": "s1",
            "text": REWRITE,
            "title": "Seawall vote",
            "url": "https://example.org/s1",
            "outlet": "Farm B",
            "published": "14 March 2024",
            "desk": "politics",
            "tags": ["seawall", 2024],
        },
        {"text": REWRITE, "row": 7},  # no id: the made-up id is not the user's
    ]
    batch.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    out = tmp_path / "traces.jsonl"
    status = main(["trace", "--batch", str(batch), "--db", str(db), "--no-embeddings", "--out", str(out)])
    assert status == 0, capsys.readouterr().err
    first, second = (json.loads(x) for x in out.read_text(encoding="utf-8").splitlines())
    assert first["suspect_meta"] == {
        "id": "s1",
        "title": "Seawall vote",
        "url": "https://example.org/s1",
        "outlet": "Farm B",
        "published": "2024-03-14",
        "desk": "politics",
        "tags": ["seawall", 2024],
    }
    assert second["suspect_meta"] == {"row": 7}
    # the documented keys stay as they were, in their order, with the new one last
    assert list(first) == [
        "id",
        "schema",
        "suspect",
        "source",
        "before",
        "candidates",
        "unexplained",
        "stitched",
        "too_short",
        "held_back",
        "indexed_as",
        "held_back_matches",
        "warnings",  # misc25: fields added since, before the batch's own
        "own_id_indexed",
        "read_as_copies",
        "stamped_later",  # trace27
        "suspect_meta",
    ]
    assert first["source"] == "original" and first["suspect"]["id"] == "s1"
    assert "text" not in json.dumps(first["suspect_meta"])


def test_an_unreadable_date_is_passed_through_as_given(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    batch = tmp_path / "suspects.jsonl"
    batch.write_text(json.dumps({"id": "s", "text": REWRITE, "published": "04/05/2024"}) + "\n", encoding="utf-8")
    assert main(["trace", "--batch", str(batch), "--db", str(db), "--no-embeddings"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["suspect_meta"] == {"id": "s", "published_raw": "04/05/2024"}
