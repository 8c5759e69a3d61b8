"""Ids repeated within one ``Index.add`` are counted and named by the library alone; `index add` prints them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storytrace.article import Article
from storytrace.cli import main
from storytrace.index import Index

FLOOD = "The Zorblat river flooded the village of Quennick on Tuesday, and 40 families left their homes by boat."
BRIDGE = "The Mendavor bridge in the town of Ostrelline collapsed on Friday; nobody was hurt, the police said."


def test_add_names_each_repeated_id_once_in_the_order_first_repeated(tmp_path: Path) -> None:
    ids = ["a", "b", "a", "c", "b", "a", "d"]
    with Index(tmp_path / "i.db", lexical_only=True) as index:
        result = index.add([Article(text=FLOOD if i % 2 else BRIDGE, id=x) for i, x in enumerate(ids)], batch_size=2)
        assert len(index) == 4
    # three records repeat an id ("a" twice, "b" once); the stored articles are added + updated - repeated
    assert (result.added, result.updated, result.repeated) == (4, 3, 3)
    assert result.repeated_ids == ("a", "b")


def test_add_without_repeats_names_none(tmp_path: Path) -> None:
    with Index(tmp_path / "i.db", lexical_only=True) as index:
        result = index.add([Article(text=FLOOD, id="a"), Article(text=BRIDGE, id="b")])
    assert (result.repeated, result.repeated_ids) == (0, ())


def test_index_add_prints_the_ids_the_library_names(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # seven ids repeated (one of them twice): five named, the rest counted
    ids = [f"r{i}" for i in range(7)]
    records = [{"id": x, "text": FLOOD} for x in ids] + [{"id": x, "text": BRIDGE} for x in [*ids, "r0"]]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert main(["index", "add", "--lexical-only", "--workers", "1", "--db", str(tmp_path / "i.db"), str(corpus)]) == 0
    err = capsys.readouterr().err
    assert "indexed 7 articles (7 new, 0 updated; 8 records repeating an id, the last kept)" in err
    assert (
        "storytrace: warning: 7 ids are given to more than one record in these inputs; the last record with each "
        "is the one indexed: r0, r1, r2, r3, r4 and 2 more"
    ) in err
