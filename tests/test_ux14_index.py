"""ux14 review: what a long-lived reader of the index (``serve``) and a user of a busy or newer index see."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from storytrace.article import Article
from storytrace.errors import InputError
from storytrace.index import Index, store
from storytrace.index.store import IndexBusyError
from storytrace.settings import DEFAULT_SETTINGS

ROOT = Path(__file__).resolve().parents[1]
ORIGINAL = (ROOT / "examples" / "original.txt").read_text(encoding="utf-8")
UNRELATED = (ROOT / "examples" / "unrelated.txt").read_text(encoding="utf-8")
OTHER = (
    "The city council of Brackwater voted on Monday to close two libraries to save $2 million a year. "
    "Librarians said the decision would hurt children most. The closures take effect in June."
)
LEXICAL = DEFAULT_SETTINGS.with_(use_embeddings=False)


def test_a_reader_sees_articles_another_process_added_after_its_first_trace(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    reader = Index(path, lexical_only=True)
    reader.add([Article(text=UNRELATED, id="unrelated"), Article(text=OTHER, id="other")])
    suspect = Article(text=ORIGINAL, id="suspect")
    assert reader.trace(suspect, top=2, settings=LEXICAL).source is None

    writer = Index(path)  # a second connection: `index add` run while `serve` holds the index open
    writer.add([Article(text=ORIGINAL, id="original")])
    writer.remove("other")
    writer.close()

    again = reader.trace(suspect, top=2, settings=LEXICAL)
    assert again.source == "original"
    assert "other" not in {c.id for c in again.candidates}


def test_a_reader_keeps_its_snapshot_when_nothing_changed(tmp_path: Path) -> None:
    idx = Index(tmp_path / "news.db", lexical_only=True)
    idx.add([Article(text=ORIGINAL, id="original"), Article(text=OTHER, id="other")])
    first = idx.snapshot()
    idx.trace(Article(text=ORIGINAL, id="suspect"), top=1, settings=LEXICAL)  # stores nothing: lexical
    idx.refresh()
    assert idx.snapshot() is first


def test_an_index_locked_by_another_process_is_called_busy_not_broken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "news.db"
    Index(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # what a writer holds while it spills a large batch to disk
    monkeypatch.setattr(store, "_BUSY_TIMEOUT_MS", 100)
    try:
        with pytest.raises(IndexBusyError, match="another process holds this index locked") as caught:
            Index(path, create=False)
        assert "not a storytrace index" not in str(caught.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert len(Index(path, create=False)) == 0


def test_an_index_from_a_newer_storytrace_asks_for_an_upgrade_not_a_rebuild(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    Index(path).close()
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(store.SCHEMA_VERSION + 1),))
    db.execute("UPDATE meta SET value = 'storytrace 9.0' WHERE key = 'created_by'")
    db.commit()
    db.close()
    with pytest.raises(InputError, match=r"made by a newer storytrace \(storytrace 9.0\).*upgrade") as caught:
        Index(path, create=False)
    assert "rebuild" not in str(caught.value)


def test_an_older_index_is_rebuilt_into_a_new_file(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    Index(path).close()
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    db.commit()
    db.close()
    with pytest.raises(InputError, match=r"rebuild the index .* into a new file"):
        Index(path)
