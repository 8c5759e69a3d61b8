"""misc25 (session 24's open input problems): a "[" line before JSON Lines in a file over --max-bytes is read line by
line, as it is within the limit; an array of compact objects whose first line is "[{...}," is read as the array it is
(as before 63edceb); ``Index.remove`` / ``Index.get`` find an id holding a lone surrogate as the CLI does."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from storytrace.article import Article
from storytrace.corpus import read_corpus
from storytrace.index import Index

TEXT = "The mayor of Springfield resigned on Tuesday after a long inquiry into the city's budget. "
ROWS = [{"id": f"a{i}", "text": TEXT * 3} for i in range(60)]
LINES = "".join(json.dumps(r) + "\n" for r in ROWS)


def _read(path: Path, **kw: int) -> tuple[list[str], list[str]]:
    records = list(read_corpus([str(path)], **kw))
    return [str(r.article.id) for r in records if r.article is not None], [str(r.error) for r in records if not r.ok]


@pytest.mark.parametrize("gz", [False, True])
def test_a_bracket_line_before_json_lines_over_max_bytes_is_read_line_by_line(tmp_path: Path, gz: bool) -> None:
    content = ("[\n" + LINES).encode("utf-8")
    corpus = tmp_path / ("corpus.jsonl.gz" if gz else "corpus.jsonl")
    corpus.write_bytes(gzip.compress(content) if gz else content)
    assert len(content) > 4000
    ids, errors = _read(corpus, max_bytes=4000)  # each record within it, the file over it
    assert ids == [r["id"] for r in ROWS]
    assert len(errors) == 1 and errors[0].startswith(f"{corpus}:1: malformed JSON")
    assert _read(corpus) == (ids, errors)  # the same within the limit


@pytest.mark.parametrize("max_bytes", [4000, 5_000_000])
def test_an_array_over_max_bytes_is_still_streamed_as_an_array(tmp_path: Path, max_bytes: int) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps(ROWS, indent=2) + "\n", encoding="utf-8")
    assert _read(corpus, max_bytes=max_bytes) == ([r["id"] for r in ROWS], [])


@pytest.mark.parametrize("max_bytes", [4000, 5_000_000])
def test_an_array_of_compact_objects_one_a_line_is_read_as_an_array(tmp_path: Path, max_bytes: int) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("[" + ",\n".join(json.dumps(r) for r in ROWS) + "]\n", encoding="utf-8")
    assert _read(corpus, max_bytes=max_bytes) == ([r["id"] for r in ROWS], [])
    # two objects a line too
    pairs = [json.dumps(ROWS[i]) + ", " + json.dumps(ROWS[i + 1]) for i in range(0, len(ROWS), 2)]
    corpus.write_text("[" + ",\n".join(pairs) + "]\n", encoding="utf-8")
    assert _read(corpus, max_bytes=max_bytes) == ([r["id"] for r in ROWS], [])


def test_a_damaged_first_record_ending_in_a_comma_is_still_that_lines_error(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text('[{"id": "cut", "text": "a record cut short,\n' + LINES, encoding="utf-8")
    ids, errors = _read(corpus)
    assert ids == [r["id"] for r in ROWS]
    assert len(errors) == 1 and errors[0].startswith(f"{corpus}:1: malformed JSON")


def test_index_remove_and_get_take_an_id_with_a_lone_surrogate(tmp_path: Path) -> None:
    lone = "caf\udce9-road.txt"  # a file name's byte E9 that is no UTF-8, as Python reads it
    with Index(tmp_path / "news.db", lexical_only=True) as index:
        index.add([Article(text=TEXT * 3, id=lone), Article(text=TEXT * 2 + "Other words here.", id="plain")])
        stored = index.get(lone)
        assert stored is not None and stored.article.id == "caf\\xe9-road.txt"
        assert index.remove("ab\ud800c") is False  # not there: no UnicodeEncodeError from SQLite
        assert index.remove(lone) is True
        assert index.get(lone) is None and sorted(index.ids()) == ["plain"]
