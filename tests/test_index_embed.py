"""``storytrace index embed``: every indexed article's sentence vectors made ahead of time, so traces read them."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from storytrace.article import Article
from storytrace.cli import main
from storytrace.embed import Embedder, get_embedder
from storytrace.index import Index
from storytrace.index.store import IndexBusyError, vectors_tag
from storytrace.index.vectors import body_sentence_texts, embed_index
from storytrace.text import analyse

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
ORIGINAL = (EXAMPLES / "original.txt").read_text(encoding="utf-8")
REWRITE = (EXAMPLES / "rewrite.txt").read_text(encoding="utf-8")
INDEPENDENT = (EXAMPLES / "independent.txt").read_text(encoding="utf-8")
UNRELATED = (EXAMPLES / "unrelated.txt").read_text(encoding="utf-8")

ARTICLES = [
    Article(text=ORIGINAL, id="original", outlet="Wire"),
    Article(text=INDEPENDENT, id="independent", outlet="Daily"),
    Article(text=UNRELATED, id="unrelated", outlet="Other"),
    Article(text=ORIGINAL + " The council meets again on Friday.", id="second", outlet="Echo"),
]


def _index(path: Path) -> Index:
    idx = Index(path)
    idx.add(ARTICLES)
    return idx


def test_embed_stores_what_a_trace_would_make_for_every_article(tmp_path: Path) -> None:
    idx = _index(tmp_path / "e.db")
    key = get_embedder().vectors_key()
    assert idx.count_needing_sentence_vectors(key) == 4
    done: list[int] = []
    result = embed_index(idx, batch=3, progress=done.append)
    assert (result.embedded, result.pending, result.articles) == (4, 4, 4)
    assert done == [3, 1]  # one progress call per stored batch
    assert idx.stats().with_sentence_vectors == 4
    assert idx.count_needing_sentence_vectors(key) == 0
    for a in ARTICLES:
        stored = idx.get(str(a.id))
        assert stored is not None and stored.vectors_tag == vectors_tag(key)
        fresh = get_embedder().embed(body_sentence_texts(analyse(a)))
        assert stored.sentence_vectors is not None and stored.sentence_vectors.shape == fresh.shape
        # int8 storage: each stored vector stays close to the one a trace would make
        assert float(np.min(np.sum(stored.sentence_vectors * fresh, axis=1))) > 0.998
    assert result.sentences == sum(len(analyse(a).body) for a in ARTICLES)
    # A second run has nothing left to do.
    again = embed_index(idx)
    assert (again.embedded, again.sentences, again.pending) == (0, 0, 0)


def test_a_trace_after_embed_embeds_only_the_suspect_and_reports_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = _index(tmp_path / "plain.db")
    shutil.copy(tmp_path / "plain.db", tmp_path / "ready.db")
    ready = Index(tmp_path / "ready.db")
    embed_index(ready)
    suspect = Article(text=REWRITE, id="suspect")
    suspect_texts = set(body_sentence_texts(analyse(suspect)))
    # Sentences of the candidates that the suspect does not repeat word for word.
    source_only = {t for a in ARTICLES for t in body_sentence_texts(analyse(a))} - suspect_texts
    requested: set[str] = set()
    original_embed = Embedder.embed

    def recording(self: Embedder, texts: list[str]) -> object:
        requested.update(texts)
        return original_embed(self, texts)

    monkeypatch.setattr(Embedder, "embed", recording)
    statements: list[str] = []
    ready._db.set_trace_callback(statements.append)
    after = ready.trace(suspect, top=3)
    ready._db.set_trace_callback(None)
    # Every candidate's vectors were read from the index: only the suspect's texts were asked for.
    assert requested and not requested & source_only
    assert not any(s.lstrip().upper().startswith("UPDATE") for s in statements)  # nothing new to store
    requested.clear()
    before = plain.trace(suspect, top=3)
    assert requested & source_only  # without embed, the candidates' sentences are made in the trace
    assert after.source == before.source == "original" or after.source == before.source == "second"
    assert [(c.id, c.report.verdict.relation if c.report else None) for c in after.candidates] == [
        (c.id, c.report.verdict.relation if c.report else None) for c in before.candidates
    ]


def test_an_interrupted_embed_keeps_its_finished_batches_and_goes_on(tmp_path: Path) -> None:
    idx = _index(tmp_path / "i.db")

    def stop_after_first(n: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        embed_index(idx, batch=2, progress=stop_after_first)
    assert Index(tmp_path / "i.db").stats().with_sentence_vectors == 2
    rest = embed_index(Index(tmp_path / "i.db"), batch=2)
    assert (rest.embedded, rest.pending) == (2, 2)
    assert Index(tmp_path / "i.db").stats().with_sentence_vectors == 4


def test_embed_replaces_vectors_another_runtime_made(tmp_path: Path) -> None:
    path = tmp_path / "k.db"
    idx = _index(path)
    embed_index(idx)
    n = len(analyse(ARTICLES[0]).body)
    with sqlite3.connect(path) as db:
        db.execute(
            "UPDATE articles SET sentence_vectors = ? WHERE id = 'original'", (vectors_tag("x") + bytes(384 * n),)
        )
    again = Index(path)
    assert again.stats().stale_sentence_vectors == 1
    assert embed_index(again).embedded == 1
    stats = Index(path).stats()
    assert (stats.with_sentence_vectors, stats.stale_sentence_vectors) == (4, 0)


def test_embed_on_a_busy_index_fails_clearly(tmp_path: Path) -> None:
    path = tmp_path / "b.db"
    _index(path).close()
    idx = Index(path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        idx._db.execute("PRAGMA busy_timeout = 100")
        with pytest.raises(IndexBusyError, match="another process is writing"):
            embed_index(idx)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert Index(path).stats().with_sentence_vectors == 0


def test_cli_index_embed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "c.db"
    _index(path).close()
    assert main(["index", "embed", "--db", str(path)]) == 0
    err = capsys.readouterr().err
    assert "embedded 4 articles" in err and "4 of 4" in err
    assert main(["index", "embed", "--db", str(path)]) == 0
    assert "nothing to embed: all 4 articles" in capsys.readouterr().err
    assert main(["index", "embed", "--db", str(tmp_path / "missing.db")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no index here" in err
    assert not (tmp_path / "missing.db").exists()


def test_cli_index_embed_interrupted_says_what_was_kept(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    _index(path).close()
    # A real Ctrl-C (SIGINT) after the first stored batch, in a separate process.
    script = (
        "import os, signal, sys\n"
        "from storytrace.cli import main\n"
        "from storytrace.index.store import Index\n"
        "store = Index.store_many_sentence_vectors\n"
        "def once(self, *a, **k):\n"
        "    stored = store(self, *a, **k)\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        # the signal may land after the return on a loaded machine: the caller then counts what was stored
        "    return stored\n"
        "Index.store_many_sentence_vectors = once\n"
        f"sys.exit(main(['index', 'embed', '--db', {str(path)!r}, '--batch', '3']))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert run.returncode == 130, run.stderr
    assert "interrupted: 3 articles embedded and kept; run it again to go on" in run.stderr
    assert "Traceback" not in run.stderr
    assert Index(path).stats().with_sentence_vectors == 3
