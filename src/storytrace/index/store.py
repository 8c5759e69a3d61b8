"""The index file: SQLite, one file, transactional, versioned.

Tables: ``meta`` (schema version, who made it, the index's mode), ``articles`` (text, metadata, a static
document vector unless the index is lexical-only, its length in content words, and each article's sentence
embeddings once a trace has computed them, tagged with what made them),
``shingles`` (sampled 5-gram hashes -> article, the lexical channel), ``terms`` (content-word hash ->
article with its frequency: BM25 postings) and ``df`` (documents per term). Postings tables are clustered
by key (``WITHOUT ROWID``), so one channel's query is one range scan per query term. They have no index by
article: an article's postings are found again from its stored text (``fingerprint.fingerprint``), which
saves a third of the writer's work per article (benchmarks/RESULTS.md, session 5). Every ``add`` batch
is one transaction: a crash or Ctrl-C leaves the index as it was before the batch or after it. One writer
at a time: a second one waits a little, then gets a clear error.
"""

from __future__ import annotations

import collections
import contextlib
import hashlib
import itertools
import json
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, cast

import numpy as np

from storytrace.article import (
    EARLIEST_YEAR,
    LATEST_YEAR,
    Article,
    _normalise_published,
    escaped_surrogates,
    published_time_of,
)
from storytrace.errors import InputError, StorytraceError
from storytrace.index.fingerprint import Fingerprint, fingerprint, fingerprints
from storytrace.text import Document, analyse
from storytrace.workers import can_spawn, spawn_pool

#: 4: fingerprints from the text alone (``fingerprint.py``), no postings index by article, the mode in meta.
#: 5: a boilerplate piece of more than ``text.BOILERPLATE_WORDS`` words is indexed (a share bar glued
#: to the lead paragraph).
#: 6: a plain-text byline or time stamp on a line of its own is boilerplate (``text.byline_or_stamp``), left out.
SCHEMA_VERSION = 6
#: What an index holds: ``full`` (lexical postings and a static document vector per article) or
#: ``lexical-only`` (postings only: 4x faster to build; trace's dense channel is off).
MODES = ("full", "lexical-only")
#: Articles above which a sampled 5-gram no longer counts as evidence of copying (``lexical_counts``).
MAX_SHINGLE_DF = 100
#: How long a write waits for another process's write to the index to end before it gives up (README: two
#: `index add` runs at once take turns, a batch at a time).
_BUSY_TIMEOUT_MS = 10_000
#: Articles per ``add`` transaction. Each commit writes out every page the batch touched, and the postings
#: of a batch land all over the clustered tables: at 20,000 articles, batches of 256 cost the writer 0.40 ms
#: of CPU per article (0.17 of it in the kernel), batches of 2,048 0.21 ms (benchmarks/RESULTS.md, session 6).
#: Session 15, lexical-only, 20,000 articles: 2,048 0.36 ms, 4,096 0.28 ms, 8,192 0.26 ms; beyond 4,096
#: the saving is less than the writer's tail (its last batch, written with the workers idle) costs.
BATCH_SIZE = 4096
#: Articles per task of an indexing worker: small enough to keep both workers busy from the start.
CHUNK = 256
#: SQLite page cache per connection (KiB): postings inserts land all over the clustered tables, and with
#: the default 2 MiB many of them read a page back from the OS (with WAL, tried and not kept, the cache cut
#: the writer's CPU by 15%; benchmarks/RESULTS.md, session 5).
_CACHE_KIB = 65_536
_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    doc INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT, url TEXT, outlet TEXT, published TEXT,
    meta TEXT NOT NULL,
    text TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    vector BLOB,
    length INTEGER NOT NULL,
    sentence_vectors BLOB
);
CREATE TABLE shingles (hash INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (hash, doc)) WITHOUT ROWID;
CREATE TABLE terms (
    term INTEGER NOT NULL, doc INTEGER NOT NULL, tf INTEGER NOT NULL, PRIMARY KEY (term, doc)
) WITHOUT ROWID;
CREATE TABLE df (term INTEGER PRIMARY KEY, n INTEGER NOT NULL);
"""


class IndexBusyError(StorytraceError):
    """Another process is writing the index."""


@dataclass(frozen=True)
class IndexStats:
    path: str
    articles: int
    shingles: int
    #: articles whose stored sentence vectors a trace can use (made by this installation's model and
    #: runtime, ``vectors_key``); the others' are made again when a trace compares them
    with_sentence_vectors: int
    outlets: int
    schema_version: int
    mode: str  # "full" or "lexical-only" (MODES)
    size_bytes: int
    oldest: str | None
    newest: str | None
    #: articles whose stored sentence vectors another model or runtime made (or an older storytrace), or
    #: damaged ones; all of them when the model is not installed
    stale_sentence_vectors: int = 0


@dataclass(frozen=True)
class AddResult:
    added: int
    #: articles written over a stored one of the same id, including ``repeated``
    updated: int
    #: records whose id an earlier record of the same ``add`` had: each replaced that one, and the articles
    #: stored number ``added + updated - repeated``
    repeated: int = 0
    #: the ids of those records, each once, in the order they were first repeated: an export that repeats ids
    #: loses articles, which a caller should be able to name
    repeated_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Snapshot:
    """Per-article arrays for scoring, loaded once and kept until the next write; row i is article docs[i]."""

    docs: np.ndarray  # (N,) int64 doc keys
    days: np.ndarray  # (N,) datetime64[D] publication days, NaT when unknown
    #: (N,) float64 UTC instants (seconds since 1970) of the stamps with a time of day and UTC offset, else NaN:
    #: two such stamps order as compare orders them (``audit.published_order``), across the date line too
    instants: np.ndarray
    lengths: np.ndarray  # (N,) float64 content words (BM25 document length)
    row_of: np.ndarray  # (max doc + 1,) int64: doc key -> row, -1 for none
    position: dict[int, int]  # doc key -> row

    @property
    def avg_length(self) -> float:
        return float(self.lengths.mean()) if len(self.lengths) else 1.0

    def rows(self, docs: np.ndarray) -> np.ndarray:
        """Rows of doc keys (-1 for keys not in the snapshot)."""
        docs = np.asarray(docs, dtype=np.int64)
        out = np.full(len(docs), -1, dtype=np.int64)
        ok = (docs >= 0) & (docs < len(self.row_of))
        out[ok] = self.row_of[docs[ok]]
        return out


@dataclass(frozen=True)
class StoredArticle:
    doc: int
    article: Article
    sha256: str
    sentence_vectors: np.ndarray | None  # (n_body, DIM) float32, or None until a trace computes them
    #: what made them (``vectors_tag`` of ``embed.Embedder.vectors_key``); None for vectors stored before
    #: tags were kept (which no trace reads)
    vectors_tag: bytes | None = None


class Index:
    """An on-disk index of articles. Open with ``Index(path)``; ``create=False`` refuses a missing file.

    ``lexical_only``: ``True`` makes a new index lexical-only (postings, no static vectors); ``None``
    (default) takes an existing index as it is and makes a new one full. An index keeps its mode: asking an
    existing index for the other one is an error (a full index with holes in its dense channel, or a
    lexical one that seems to have vectors, would rank silently worse).
    """

    def __init__(self, path: str | Path, *, create: bool = True, lexical_only: bool | None = None) -> None:
        self.path = Path(path)
        if self.path.is_dir():
            raise InputError(f"{self.path}: is a directory, not an index file")
        exists = self.path.exists()
        if not exists and not create:
            raise InputError(f"{self.path}: no index here (make one with `storytrace index add --db {self.path} ...`)")
        if exists and not create and self.path.stat().st_size == 0:
            # SQLite takes an empty file for an empty database: reading it (stats, trace, remove) would write
            # an index's tables into a file the user may have named by mistake.
            raise InputError(
                f"{self.path}: an empty file, not an index (make one with `storytrace index add --db {self.path} ...`)"
            )
        if not exists and not self.path.parent.exists():
            raise InputError(f"{self.path}: directory {self.path.parent} does not exist")
        self._lock = threading.RLock()
        self._snapshot: Snapshot | None = None
        self._matrix: np.ndarray | None = None
        self._seen_version: int | None = None  # PRAGMA data_version when the snapshot was loaded
        try:
            self._db = sqlite3.connect(str(self.path), isolation_level=None, check_same_thread=False)
            self._db.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
            self._db.execute(f"PRAGMA cache_size = -{_CACHE_KIB}")
            self.mode = self._init_schema(exists, "lexical-only" if lexical_only else "full")
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                # not "not a storytrace index": a user told that may delete a good index
                raise IndexBusyError(
                    f"{self.path}: another process holds this index locked (waited {_BUSY_TIMEOUT_MS // 1000} s); "
                    "try again when it has finished"
                ) from None
            raise InputError(f"{self.path}: not a storytrace index ({exc})") from None
        except sqlite3.DatabaseError as exc:
            raise InputError(f"{self.path}: not a storytrace index ({exc})") from None
        if lexical_only is not None and lexical_only != self.lexical_only:
            self._db.close()
            if self.lexical_only:
                raise InputError(
                    f"{self.path}: a lexical-only index (no static document vectors); add to it as it is "
                    "(without --lexical-only asking otherwise) or build a full index in a new file"
                )
            raise InputError(
                f"{self.path}: a full index (every article has a static document vector); add to it without "
                "--lexical-only, or build a lexical-only index in a new file"
            )

    @property
    def lexical_only(self) -> bool:
        """True when the index holds lexical postings only: no static document vectors."""
        return self.mode == "lexical-only"

    # --- schema -------------------------------------------------------------------------------------

    def _init_schema(self, exists: bool, new_mode: str) -> str:
        """Create the schema in an empty file (in ``new_mode``), or check an existing one; its mode."""
        tables = {r[0] for r in self._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            from storytrace import __version__

            def create(db: sqlite3.Connection) -> None:
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.executemany(
                    "INSERT INTO meta VALUES (?, ?)",
                    [
                        ("schema_version", str(SCHEMA_VERSION)),
                        ("created_by", f"storytrace {__version__}"),
                        ("mode", new_mode),
                    ],
                )

            self._write(create)
            return new_mode
        if "meta" not in tables or "articles" not in tables:
            raise InputError(f"{self.path}: not a storytrace index (an SQLite file with other tables)")
        row = self._db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        version = int(row[0]) if row else 0
        if version > SCHEMA_VERSION:
            # Rebuilding (the advice for an old index) would throw away an index a newer storytrace reads.
            made_by = self._db.execute("SELECT value FROM meta WHERE key = 'created_by'").fetchone()
            raise InputError(
                f"{self.path}: index schema version {version}, made by a newer storytrace"
                f"{f' ({made_by[0]})' if made_by else ''}; this one reads version {SCHEMA_VERSION}: upgrade "
                "storytrace to use it"
            )
        if version != SCHEMA_VERSION:
            raise InputError(
                f"{self.path}: index schema version {version}, but this storytrace reads version {SCHEMA_VERSION}: "
                "rebuild the index with `storytrace index add` from the original files, into a new file (this one "
                "cannot be added to)"
            )
        row = self._db.execute("SELECT value FROM meta WHERE key = 'mode'").fetchone()
        if not row or row[0] not in MODES:
            raise InputError(f"{self.path}: index has no valid mode in its meta table ({row[0] if row else None!r})")
        return str(row[0])

    def _write(self, work: Callable[[sqlite3.Connection], Any], *, changes_articles: bool = True) -> Any:
        """Run ``work`` in one write transaction: all of it lands, or none. ``changes_articles=False``: the
        work leaves the articles and their postings as they are, so the snapshot stays valid."""
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                if "locked" in str(exc) or "busy" in str(exc):
                    raise IndexBusyError(
                        f"{self.path}: another process is writing this index (waited {_BUSY_TIMEOUT_MS // 1000} s for "
                        "it); try again when it has finished"
                    ) from None
                raise
            try:
                result = work(self._db)
                self._db.execute("COMMIT")
            except BaseException:
                # A Ctrl-C can land just after COMMIT returned (the batch is in) or after SQLite rolled back
                # on its own: then there is nothing to roll back, and the interrupt must not turn into an
                # OperationalError.
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise
            if changes_articles:
                self._snapshot = None
                self._matrix = None
            return result

    # --- writing ------------------------------------------------------------------------------------

    def add(
        self,
        articles: Iterable[Article],
        *,
        batch_size: int = BATCH_SIZE,
        progress: Callable[[int], None] | None = None,
        workers: int = 1,
    ) -> AddResult:
        """Add (or update, by id) articles, one transaction per batch of ``batch_size``.

        With ``workers`` > 1, articles are analysed in that many worker processes (spawned: call from under
        ``if __name__ == "__main__":``), in chunks of at most ``CHUNK``, while this process writes; the index
        is the same. A lexical-only index computes fingerprints only (``fingerprint.fingerprints``, no
        ``analyse``).
        """
        if workers < 1:
            raise ValueError("workers must be at least 1")
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        added = updated = 0
        given: set[str] = set()
        repeated = 0
        repeated_ids: dict[str, None] = {}  # ordered, each once

        def counted(articles: Iterable[Article]) -> Iterator[Article]:
            nonlocal repeated
            for a in articles:
                article_id = cast(str, a.id)
                if article_id in given:
                    repeated += 1
                    repeated_ids[article_id] = None
                given.add(article_id)
                yield a

        batches = _batches(counted(articles), batch_size)
        ready: Iterator[tuple[list[Article], list[_Features]]]
        if not can_spawn():
            workers = 1
        compute = _lexical_features if self.lexical_only else _features
        with contextlib.ExitStack() as stack:
            if workers == 1:
                ready = ((b, compute(b)) for b in batches)
            else:
                ready = _in_workers(stack, batches, workers, compute, batch_size)
            for batch, features in ready:
                a_n, u_n = self._write(lambda db, b=batch, f=features: _upsert(db, b, f))  # type: ignore[misc]
                added += a_n
                updated += u_n
                if progress:
                    progress(len(batch))
        return AddResult(added, updated, repeated, tuple(repeated_ids))

    def remove(self, article_id: str) -> bool:
        # an id holding a lone surrogate (a file name's non-UTF-8 byte, JSON's "\ud800") is stored escaped, as every
        # Article's id is: looked up so, it is found, where SQLite could not encode it and raised
        article_id = escaped_surrogates(article_id)

        def work(db: sqlite3.Connection) -> bool:
            row = db.execute("SELECT doc, text FROM articles WHERE id = ?", (article_id,)).fetchone()
            if not row:
                return False
            _drop_postings(db, row[0], row[1])
            db.execute("DELETE FROM articles WHERE doc = ?", (row[0],))
            return True

        return bool(self._write(work))

    def store_sentence_vectors(self, doc: int, sha256: str, vectors: np.ndarray, key: str) -> None:
        """Keep an article's sentence embeddings so no later trace computes them again (best effort).

        ``key`` says what made them (``embed.Embedder.vectors_key``): another model or runtime gives other
        vectors, which must not be compared with these. Its tag (``vectors_tag``) is stored with the vectors,
        in the same row, so a reader checks the vectors it holds, not a key some other row was written with.
        """
        self.store_many_sentence_vectors([(doc, sha256, vectors)], key)

    def store_many_sentence_vectors(
        self, items: Sequence[tuple[int, str, np.ndarray]], key: str, *, best_effort: bool = True
    ) -> int:
        """``store_sentence_vectors`` for several articles in one write transaction: a trace compares up to
        ``top`` candidates, and each commit waits for the disk (~30 ms here), so one commit, not one each.

        ``best_effort`` (a trace): a busy or unwritable index keeps its old vectors, made again next time.
        Otherwise (``index embed``, whose whole job is to store them) the error goes to the caller. Vectors
        of an article changed since it was read (another ``sha256``) are not stored. Returns how many
        articles' vectors were stored.
        """
        if not items:
            return 0
        tag = vectors_tag(key)
        rows = [(tag + pack_sentence_vectors(vectors), doc, sha256) for doc, sha256, vectors in items]

        def work(db: sqlite3.Connection) -> int:
            cursor = db.executemany("UPDATE articles SET sentence_vectors = ? WHERE doc = ? AND sha256 = ?", rows)
            return int(cursor.rowcount)

        if not best_effort:
            return int(self._write(work, changes_articles=False))
        with contextlib.suppress(IndexBusyError, sqlite3.OperationalError):
            return int(self._write(work, changes_articles=False))
        return 0

    def _needing_vectors_where(self, key: str) -> tuple[str, tuple[Any, ...]]:
        from storytrace.embed import DIM

        # The complement of what ``stats`` counts as usable: no vectors, another runtime's, or a damaged blob.
        return (
            "(sentence_vectors IS NULL OR substr(sentence_vectors, 1, ?) != ? "
            "OR (length(sentence_vectors) - ?) % ? != 0)",
            (_TAG_BYTES, vectors_tag(key), _TAG_BYTES, DIM),
        )

    def count_needing_sentence_vectors(self, key: str) -> int:
        """How many articles hold no sentence vectors that ``key``'s runtime can use."""
        where, params = self._needing_vectors_where(key)
        return int(self._db.execute(f"SELECT count(*) FROM articles WHERE {where}", params).fetchone()[0])

    def needing_sentence_vectors(self, key: str, *, after: int = 0, limit: int = 64) -> list[StoredArticle]:
        """The next ``limit`` articles (doc key above ``after``, in doc-key order) holding no sentence vectors
        that ``key``'s runtime can use: the work list of ``index embed``, read a batch at a time so a large
        index is never held in memory."""
        where, params = self._needing_vectors_where(key)
        rows = self._db.execute(
            "SELECT doc, id, title, url, outlet, published, meta, text, sha256, NULL FROM articles "
            f"WHERE doc > ? AND {where} ORDER BY doc LIMIT ?",
            (after, *params, limit),
        ).fetchall()
        return [_stored(row) for row in rows]

    # --- reading ------------------------------------------------------------------------------------

    def __len__(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def stats(self, vectors_key: str | None = None) -> IndexStats:
        """Counts of the index. Stored sentence vectors count as usable when made under ``vectors_key``
        (``embed.Embedder.vectors_key``; default: the bundled model's), else as stale."""
        db = self._db
        n = len(self)
        sh = int(db.execute("SELECT count(*) FROM shingles").fetchone()[0])
        stored = int(db.execute("SELECT count(*) FROM articles WHERE sentence_vectors IS NOT NULL").fetchone()[0])
        sv = 0
        if stored and vectors_key is None:
            from storytrace.embed import get_embedder

            # Without the model no trace can use stored vectors (it embeds the suspect with it): none usable.
            with contextlib.suppress(StorytraceError, ImportError):
                vectors_key = get_embedder().vectors_key()
        if stored and vectors_key is not None:
            from storytrace.embed import DIM

            # Usable: this runtime's tag, then whole rows (a damaged blob is made again, as ``_stored`` reads it).
            sv = int(
                db.execute(
                    "SELECT count(*) FROM articles WHERE substr(sentence_vectors, 1, ?) = ? "
                    "AND (length(sentence_vectors) - ?) % ? = 0",
                    (_TAG_BYTES, vectors_tag(vectors_key), _TAG_BYTES, DIM),
                ).fetchone()[0]
            )
        outlets = int(db.execute("SELECT count(DISTINCT outlet) FROM articles WHERE outlet IS NOT NULL").fetchone()[0])
        oldest, newest = db.execute(
            "SELECT min(published), max(published) FROM articles WHERE published IS NOT NULL"
        ).fetchone()
        return IndexStats(
            path=str(self.path),
            articles=n,
            shingles=sh,
            with_sentence_vectors=sv,
            outlets=outlets,
            schema_version=SCHEMA_VERSION,
            mode=self.mode,
            size_bytes=self.path.stat().st_size if self.path.exists() else 0,
            oldest=oldest,
            newest=newest,
            stale_sentence_vectors=stored - sv,
        )

    def get(self, article_id: str) -> StoredArticle | None:
        article_id = escaped_surrogates(article_id)  # as ``remove``
        row = self._db.execute(
            "SELECT doc, id, title, url, outlet, published, meta, text, sha256, sentence_vectors FROM articles "
            "WHERE id = ?",
            (article_id,),
        ).fetchone()
        return _stored(row) if row else None

    def get_docs(self, docs: Sequence[int]) -> dict[int, StoredArticle]:
        if not docs:
            return {}
        marks = ",".join("?" * len(docs))
        rows = self._db.execute(
            "SELECT doc, id, title, url, outlet, published, meta, text, sha256, sentence_vectors FROM articles "
            f"WHERE doc IN ({marks})",
            list(docs),
        ).fetchall()
        return {r[0]: _stored(r) for r in rows}

    def ids(self) -> Iterator[str]:
        for (i,) in self._db.execute("SELECT id FROM articles ORDER BY doc"):
            yield i

    def refresh(self) -> None:
        """Drop the cached snapshot if another connection (``index add`` or ``remove`` in another process)
        committed since it was loaded. A long-lived reader (``serve``) otherwise never saw the articles added
        after its first trace. Call it between traces, never inside one: the candidate rows of a trace are
        positions in one snapshot."""
        with self._lock:
            if self._snapshot is not None and self._data_version() != self._seen_version:
                self._snapshot = None
                self._matrix = None

    def _data_version(self) -> int:
        # Changes when another connection commits, never for this connection's own writes (SQLite's
        # documented contract), so storing sentence vectors here keeps the snapshot.
        return int(self._db.execute("PRAGMA data_version").fetchone()[0])

    def snapshot(self) -> Snapshot:
        """Every article's scoring arrays (static vectors, dates, lengths), loaded once, kept until the next
        write (``refresh`` also drops it after another process's write)."""
        with self._lock:
            if self._snapshot is None:
                self._seen_version = self._data_version()
                rows = self._db.execute("SELECT doc, published, length FROM articles ORDER BY doc").fetchall()
                docs = [r[0] for r in rows]
                lengths = [r[2] for r in rows]
                days, instants = _stamps([r[1] for r in rows])
                doc_ids = np.asarray(docs, dtype=np.int64)
                row_of = np.full(int(doc_ids.max()) + 1 if len(doc_ids) else 0, -1, dtype=np.int64)
                row_of[doc_ids] = np.arange(len(doc_ids))
                self._snapshot = Snapshot(
                    docs=doc_ids,
                    days=days,
                    instants=instants,
                    lengths=np.asarray(lengths, dtype=np.float64),
                    row_of=row_of,
                    position={int(d): i for i, d in enumerate(docs)},
                )
                self._matrix = None
            return self._snapshot

    def dense_matrix(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, dict[int, int]]:
        """(docs, static vectors, publication days, doc -> row) of every article of the snapshot, the
        vectors loaded on first use (trace ranks without them: ``channel_scores(dense=False)``); zeros for
        a lexical-only index."""
        snap = self.snapshot()
        with self._lock:
            if self._matrix is None:
                from storytrace.embed import DIM

                matrix = np.zeros((len(snap.docs), DIM), dtype=np.float32)
                for doc, blob in self._db.execute("SELECT doc, vector FROM articles WHERE vector IS NOT NULL"):
                    row = snap.position.get(doc)
                    if row is not None:  # an article another process added since: not in this snapshot
                        matrix[row] = np.frombuffer(blob, dtype=np.float16)
                self._matrix = matrix
            return snap.docs, self._matrix, snap.days, snap.position

    def vectors_of(self, docs: Sequence[int]) -> dict[int, np.ndarray]:
        """Static document vectors (float32) of a few articles (none in a lexical-only index)."""
        if not docs:
            return {}
        marks = ",".join("?" * len(docs))
        rows = self._db.execute(
            f"SELECT doc, vector FROM articles WHERE doc IN ({marks}) AND vector IS NOT NULL", list(docs)
        )
        return {doc: np.frombuffer(blob, dtype=np.float16).astype(np.float32) for doc, blob in rows}

    def lexical_counts(self, hashes: np.ndarray, *, max_df: int = MAX_SHINGLE_DF) -> np.ndarray:
        """Per snapshot row, how many of the sampled 5-gram ``hashes`` the article shares.

        A 5-gram held by more than ``max_df`` articles is a stock phrase, not a sign of copying, and is not
        counted (passim's ``--max-df``, default 100, drops such n-grams the same way); reading its long
        posting list was most of a query's time (100,000 synthetic articles: 46 of 75 ms).
        """
        snap = self.snapshot()
        out = np.zeros(len(snap.docs), dtype=np.float64)
        if not len(hashes) or not len(snap.docs):
            return out
        docs: list[int] = []
        query = "SELECT doc FROM shingles WHERE hash = ? LIMIT ?"
        for h in hashes.tolist():
            holders = self._db.execute(query, (h, max_df + 1)).fetchall()
            if len(holders) <= max_df:
                docs += [d for (d,) in holders]
        rows = snap.rows(np.asarray(docs, dtype=np.int64))
        rows = rows[rows >= 0]
        return np.bincount(rows, minlength=len(snap.docs)).astype(np.float64)

    def term_scores(
        self,
        words: np.ndarray,
        counts: np.ndarray | None = None,
        *,
        max_terms: int = 128,
        max_postings: int = 20_000,
        rarest: int = 40,
        k1: float = 1.2,
        b: float = 1.0,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Per snapshot row: (BM25 score of the query terms ``words`` with query frequencies ``counts``,
        share of the IDF mass of the query's ``rarest`` terms the article holds, 0-1).

        BM25 (Robertson-Sparck Jones IDF, ``k1``, ``b``) is computed over the ``max_terms`` rarest query
        terms, and no more of them than fit ``max_postings`` postings in all (the rarest 8 always): the
        common ones weigh little and cost most (their postings are long; reading postings is the cost of a
        query). Two queries: the document frequencies, then the postings.
        """
        snap = self.snapshot()
        n_rows = len(snap.docs)
        bm25 = np.zeros(n_rows, dtype=np.float64)
        rare = np.zeros(n_rows, dtype=np.float64)
        if not len(words) or not n_rows:
            return bm25, rare
        words = np.asarray(words, dtype=np.int64)
        qtf = np.ones(len(words)) if counts is None else np.asarray(counts, dtype=np.float64)
        values = [int(t) for t in words]
        df_of: dict[int, int] = {}
        for start in range(0, len(values), 900):
            chunk = values[start : start + 900]
            marks = ",".join("?" * len(chunk))
            df_of.update(self._db.execute(f"SELECT term, n FROM df WHERE term IN ({marks}) AND n > 0", chunk))
        if not df_of:
            return bm25, rare
        chosen: list[int] = []
        budget = 0
        for t in sorted(df_of, key=lambda t: (df_of[t], t))[:max_terms]:
            budget += df_of[t]
            if budget > max_postings and len(chosen) >= 8:
                break
            chosen.append(t)
        marks = ",".join("?" * len(chosen))
        rows_raw = self._db.execute(f"SELECT term, doc, tf FROM terms WHERE term IN ({marks})", chosen).fetchall()
        if not rows_raw:
            return bm25, rare
        post = np.asarray(rows_raw, dtype=np.int64)
        rows = snap.rows(post[:, 1])
        keep = rows >= 0
        post, rows = post[keep], rows[keep]
        terms_sorted = np.asarray(sorted(chosen), dtype=np.int64)
        df = np.asarray([df_of[int(t)] for t in terms_sorted], dtype=np.float64)
        idf = np.log(1.0 + (n_rows - df + 0.5) / (df + 0.5))
        q_index = np.searchsorted(words, terms_sorted)
        weight = idf * qtf[q_index]
        k = np.searchsorted(terms_sorted, post[:, 0])
        tf = post[:, 2].astype(np.float64)
        norm = k1 * (1.0 - b + b * snap.lengths[rows] / max(snap.avg_length, 1e-9))
        bm25 = np.bincount(rows, weights=weight[k] * tf * (k1 + 1.0) / (tf + norm), minlength=n_rows)  # type: ignore[assignment]
        rarest_terms = np.asarray(sorted(chosen[:rarest]), dtype=np.int64)
        r_idf = np.log((n_rows + 1) / (np.asarray([df_of[int(t)] for t in rarest_terms]) + 0.5))
        in_rare = np.isin(post[:, 0], rarest_terms)
        kr = np.searchsorted(rarest_terms, post[in_rare, 0])
        total = float(r_idf.sum()) or 1.0
        rare = np.bincount(rows[in_rare], weights=r_idf[kr], minlength=n_rows) / total
        return bm25, np.minimum(1.0, rare)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def trace(
        self,
        article: Article,
        *,
        top: int = 5,
        before: date | None = None,
        settings: Any = None,
        shortlist: int | None = None,
        weights: Mapping[str, float] | None = None,
    ) -> Any:
        """Likely sources of ``article`` among the indexed articles (storytrace.trace.trace: ``shortlist`` and
        ``weights`` as there)."""
        from storytrace.settings import DEFAULT_SETTINGS
        from storytrace.trace import trace

        return trace(
            self,
            article,
            top=top,
            before=before,
            settings=settings or DEFAULT_SETTINGS,
            shortlist=shortlist,
            weights=weights,
        )


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# What indexing stores for one article, computed apart from the writer: (static vector as float16 bytes,
# None in a lexical-only index; its fingerprint).
_Features = tuple[bytes | None, Fingerprint]


def _checked(batch: list[Article]) -> list[Article]:
    for a in batch:
        if not a.id:
            raise InputError("an article to index needs an id")
        if not a.text.strip():
            raise InputError(f"{a.id}: no article text")
    return batch


def _features(batch: list[Article]) -> list[_Features]:
    """Static vector (of the analysed body) and fingerprint of each article of a batch (no I/O)."""
    from storytrace.static_embed import get_static_embedder

    docs = [analyse(a) for a in _checked(batch)]
    vectors = get_static_embedder().doc_vectors([_body_text(d) for d in docs])
    prints = fingerprints([a.text for a in batch])
    return [(v.astype(np.float16).tobytes(), f) for v, f in zip(vectors, prints, strict=True)]


def _lexical_features(batch: list[Article]) -> list[_Features]:
    """Fingerprint of each article of a batch, no analysis (a lexical-only index)."""
    return [(None, f) for f in fingerprints([a.text for a in _checked(batch)])]


def _in_workers(
    stack: contextlib.ExitStack,
    batches: Iterator[list[Article]],
    workers: int,
    features: Callable[[list[Article]], list[_Features]],
    batch_size: int,
) -> Iterator[tuple[list[Article], list[_Features]]]:
    """``(batch, features)`` in input order, features computed by a pool in chunks of at most ``CHUNK``
    articles; a small input (one batch of at most ``2 * CHUNK``) is computed here, with no pool to start.
    Chunks in flight: the next batch's while this process writes one, and never fewer than two per
    worker, so a long input is never read far ahead of the writer."""
    first = next(batches, None)
    if first is None:
        return
    second = next(batches, None)
    if second is None and len(first) <= 2 * CHUNK:
        yield first, features(first)
        return
    _checked(first)
    pool = stack.enter_context(spawn_pool(workers))
    limit = max(2 * workers, 2 * -(-batch_size // CHUNK))
    pending: collections.deque[tuple[list[Article], list[Any]]] = collections.deque()
    queued = 0
    bad: InputError | None = None
    rest = itertools.chain([second], batches) if second is not None else batches
    for batch in itertools.chain([first], rest):
        if batch is not first:  # checked above, before the pool started
            try:
                _checked(batch)
            except InputError as exc:
                bad = exc  # the batches before it land first, as when indexing in one process
                break
        chunks = [batch[k : k + CHUNK] for k in range(0, len(batch), CHUNK)]
        if batch is first:
            # This process computes the first chunk while the pool's processes start (a spawned worker
            # imports the main script before it takes any work).
            results = [pool.apply_async(features, (c,)) for c in chunks[1:]]
            results.insert(0, _Done(features(chunks[0])))
        else:
            results = [pool.apply_async(features, (c,)) for c in chunks]
        pending.append((batch, results))
        queued += len(results)
        while pending and queued >= limit:
            b, done = pending.popleft()
            queued -= len(done)
            yield b, [f for r in done for f in r.get()]
    while pending:
        b, done = pending.popleft()
        yield b, [f for r in done for f in r.get()]
    if bad is not None:
        raise bad


class _Done:
    """A chunk's features computed in this process, read like the pool's results."""

    def __init__(self, value: list[_Features]) -> None:
        self.value = value

    def get(self) -> list[_Features]:
        return self.value


def _body_text(doc: Document) -> str:
    return " ".join(doc.text[s.start : s.end] for s in doc.body)


def _drop_postings(db: sqlite3.Connection, doc: int, text: str) -> None:
    """Delete an article's postings, found from its stored text (there is no index by article)."""
    old = fingerprint(text)
    db.executemany("DELETE FROM shingles WHERE hash = ? AND doc = ?", [(h, doc) for h in old.shingles.tolist()])
    terms = old.terms.tolist()
    db.executemany("DELETE FROM terms WHERE term = ? AND doc = ?", [(t, doc) for t in terms])
    db.executemany("UPDATE df SET n = n - 1 WHERE term = ?", [(t,) for t in terms])


def _upsert(db: sqlite3.Connection, batch: list[Article], features: list[_Features]) -> tuple[int, int]:
    from storytrace.comparison import text_sha256

    added = updated = 0
    # Ids were checked before the batch was written (``add`` refuses an article without one).
    ids = [cast(str, a.id) for a in batch]
    known = _stored_texts(db, ids)
    postings = _Postings()
    for key, a, (vector, fp) in zip(ids, batch, features, strict=True):
        meta = json.dumps(a.meta, ensure_ascii=False, sort_keys=True, default=str)
        values = (a.title, a.url, a.outlet, a.published, meta, a.text, text_sha256(a.text), vector, fp.length)
        existing = known.get(key)
        if existing:
            doc, old_text = existing
            if doc in postings.docs:  # the same id twice in one batch: write the first before replacing it
                postings.flush(db)
            _drop_postings(db, doc, old_text)
            db.execute(
                "UPDATE articles SET title=?, url=?, outlet=?, published=?, meta=?, text=?, sha256=?, vector=?, "
                "length=?, sentence_vectors=NULL WHERE doc=?",
                (*values, doc),
            )
            updated += 1
        else:
            cur = db.execute(
                "INSERT INTO articles (id, title, url, outlet, published, meta, text, sha256, vector, length) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (a.id, *values),
            )
            doc = int(cur.lastrowid or 0)
            added += 1
        known[key] = (doc, a.text)
        postings.add(doc, fp)
    postings.flush(db)
    return added, updated


def _stored_texts(db: sqlite3.Connection, ids: list[str]) -> dict[str, tuple[int, str]]:
    """id -> (doc, stored text) of the articles among ``ids`` already in the index (one query per 900)."""
    out: dict[str, tuple[int, str]] = {}
    unique = list(dict.fromkeys(ids))
    for start in range(0, len(unique), 900):
        chunk = unique[start : start + 900]
        marks = ",".join("?" * len(chunk))
        for aid, doc, text in db.execute(f"SELECT id, doc, text FROM articles WHERE id IN ({marks})", chunk):
            out[aid] = (doc, text)
    return out


class _Postings:
    """A batch's postings, written together in key order with multi-row INSERTs: each row lands next to
    the last in the clustered tables, and one statement binds hundreds of rows (a third of the cost per
    row of ``executemany``, measured: 0.34 against 1.08 us)."""

    def __init__(self) -> None:
        self.docs: list[int] = []
        self.prints: list[Fingerprint] = []

    def add(self, doc: int, fp: Fingerprint) -> None:
        self.docs.append(doc)
        self.prints.append(fp)

    def flush(self, db: sqlite3.Connection) -> None:
        if not self.docs:
            return
        docs = np.asarray(self.docs, dtype=np.int64)
        hashes = np.concatenate([f.shingles for f in self.prints])
        holders = np.repeat(docs, [len(f.shingles) for f in self.prints])
        order = np.lexsort((holders, hashes))
        _insert_rows(db, "INSERT OR IGNORE INTO shingles (hash, doc) VALUES ", "", hashes[order], holders[order])
        terms = np.concatenate([f.terms for f in self.prints])
        holders = np.repeat(docs, [len(f.terms) for f in self.prints])
        tfs = np.concatenate([f.counts for f in self.prints]).astype(np.int64)
        order = np.lexsort((holders, terms))
        _insert_rows(db, "INSERT INTO terms (term, doc, tf) VALUES ", "", terms[order], holders[order], tfs[order])
        gained, n = np.unique(terms, return_counts=True)
        upsert = " ON CONFLICT (term) DO UPDATE SET n = n + excluded.n"
        _insert_rows(db, "INSERT INTO df (term, n) VALUES ", upsert, gained, n.astype(np.int64))
        self.docs.clear()
        self.prints.clear()


def _insert_rows(db: sqlite3.Connection, head: str, tail: str, *columns: np.ndarray) -> None:
    """Insert rows given as columns, up to 999 values a statement (SQLite's oldest variable limit)."""
    width = len(columns)
    flat = np.stack(columns, axis=1).ravel().tolist()
    per = 999 // width
    row = "(" + ",".join("?" * width) + ")"
    full = head + ",".join([row] * per) + tail
    step = per * width
    for start in range(0, len(flat), step):
        chunk = flat[start : start + step]
        sql = full if len(chunk) == step else head + ",".join([row] * (len(chunk) // width)) + tail
        db.execute(sql, chunk)


def _stored(row: Sequence[Any]) -> StoredArticle:
    doc, aid, title, url, outlet, published, meta, text, sha, svec = row
    article = Article(
        text=text, id=aid, title=title, url=url, outlet=outlet, published=published, meta=json.loads(meta)
    )
    vectors = tag = None
    if svec is not None:
        from storytrace.embed import DIM

        # A tagged blob is the tag and then whole rows of DIM bytes; an untagged one (stored before tags
        # were kept) is whole rows alone.
        if len(svec) % DIM == _TAG_BYTES:
            tag, svec = bytes(svec[:_TAG_BYTES]), svec[_TAG_BYTES:]
        # Any other length is a damaged blob: no vectors, so a trace makes them again and replaces it.
        if len(svec) % DIM == 0:
            vectors = unpack_sentence_vectors(svec)
    return StoredArticle(doc=doc, article=article, sha256=sha, sentence_vectors=vectors, vectors_tag=tag)


_TAG_BYTES = 8


def pack_sentence_vectors(vectors: np.ndarray) -> bytes:
    """An article's sentence vectors as stored: int8, one byte a dimension (a quarter of float32's size)."""
    return np.clip(np.rint(vectors * 127.0), -127, 127).astype(np.int8).tobytes()


def unpack_sentence_vectors(blob: bytes) -> np.ndarray:
    """Stored sentence vectors (``pack_sentence_vectors``, no tag) back as float32 rows of norm 1."""
    from storytrace.embed import DIM

    q = np.frombuffer(blob, dtype=np.int8).reshape(-1, DIM).astype(np.float32) / 127.0
    norms = np.linalg.norm(q, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return q / norms


def as_stored(vectors: np.ndarray) -> np.ndarray:
    """Sentence vectors as a later trace reads them back once stored. A trace that makes an article's vectors
    compares with these, not the exact ones: otherwise the same trace scored the article otherwise the next
    time, and two copies of one text, one stored and one not, ranked apart (qa24: rl-G 0.976 against its stored
    twin's 0.9726, then both 0.9726 and the twin named)."""
    return unpack_sentence_vectors(pack_sentence_vectors(vectors))


def vectors_tag(key: str) -> bytes:
    """The 8 bytes stored before an article's sentence vectors: a digest of what made them
    (``embed.Embedder.vectors_key``)."""
    return hashlib.sha256(key.encode("utf-8")).digest()[:_TAG_BYTES]


#: The stamps ``article._normalise_published`` writes, which is all ``index add`` stores: a day, or a day and a
#: time of day with an optional fraction and UTC offset, each field in range. numpy reads these in one go.
_ISO_STAMP = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{6})?(?:[+-](?:[01]\d|2[0-3]):[0-5]\d)?)?"
)
#: A column of such stamps (or empty values), one a line.
_ISO_COLUMN = re.compile(f"(?:{_ISO_STAMP.pattern})?(?:\n(?:{_ISO_STAMP.pattern})?)*")


def _days(published: Sequence[str | None]) -> np.ndarray:
    """Publication days (datetime64[D], NaT when unknown or unreadable), as ``Article.published_date`` reads them."""
    return _stamps(published)[0]


def _stamps(published: Sequence[str | None]) -> tuple[np.ndarray, np.ndarray]:
    """Per record: its publication day (datetime64[D], NaT when unknown or unreadable) as
    ``Article.published_date`` reads it, and its UTC instant (float64 seconds since 1970; NaN unless the stamp gives
    a time of day with a UTC offset) as ``Article.published_time`` reads it.

    Each stamp is read on its own merits, never by what the other records hold: the ISO stamps ``index add``
    stores go to numpy together, any other value (an Article added through the API keeps its raw ``published``)
    is first normalised as the loaders do, once per distinct value."""
    stamps: list[str | None] = list(published)
    odd: dict[int, float] = {}
    # One regex over the whole column tells whether every stamp is one numpy reads (a CLI-built index): 100,000
    # stamps in 0.02 s, where one match per stamp took 0.05. A newline in a stamp would split it, so counted.
    joined = "\n".join([p or "" for p in stamps])
    if joined.count("\n") != max(len(stamps) - 1, 0) or not _ISO_COLUMN.fullmatch(joined):
        stamps, odd = _iso_stamps(stamps)
    heads = [p[:10] if p else "NaT" for p in stamps]
    try:
        days = np.asarray(heads, dtype="datetime64[D]")
    except ValueError:  # a day the calendar has not ("2025-02-30"): undated, like every unreadable stamp
        days = np.asarray([_calendar_day(h) for h in heads], dtype="datetime64[D]")
    # the years a publication date may have (``article.EARLIEST_YEAR``..``LATEST_YEAR``): others are no date
    years = days.astype("datetime64[Y]").astype(np.int64) + 1970
    days[~np.isnat(days) & ((years < EARLIEST_YEAR) | (years > LATEST_YEAR))] = np.datetime64("NaT")
    instants = _instants(np.asarray([p or "" for p in stamps], dtype="U32"), days)  # every _ISO_STAMP fits
    for row, instant in odd.items():
        instants[row] = instant
    return days, instants


def _instants(column: np.ndarray, days: np.ndarray) -> np.ndarray:
    """UTC seconds of the ``_ISO_STAMP`` stamps (a U32 column, their fields checked by the pattern, their days
    read in ``days``) that give a time with its offset: 25 characters ("2025-08-10T07:00:00+09:00"), 32 with a
    fraction of a second; NaN for the others. Reckoned from the characters' digits, no Python per stamp."""
    instants = np.full(len(column), np.nan)
    lengths = np.strings.str_len(column)
    codes = column.view(np.uint32).reshape(len(column), -1)
    for length in (25, 32):
        rows = np.flatnonzero((lengths == length) & ~np.isnat(days))
        if not len(rows):
            continue
        digit = codes[rows].astype(np.int64) - ord("0")

        def number(start: int, end: int, digit: np.ndarray = digit) -> np.ndarray:
            out = np.zeros(len(digit), dtype=np.int64)
            for k in range(start, end):
                out = out * 10 + digit[:, k]
            return out

        clock = number(11, 13) * 3600 + number(14, 16) * 60 + number(17, 19)
        fraction = number(20, 26) if length == 32 else np.zeros(len(rows), dtype=np.int64)
        at = length - 6  # the offset: sign, hours, colon, minutes
        offset = (number(at + 1, at + 3) * 3600 + number(at + 4, at + 6) * 60) * np.where(
            codes[rows, at] == ord("-"), -1, 1
        )
        # midnight to the second is a day alone to compare (``published_time``): a CMS pads a bare date with it
        timed = (clock > 0) | (fraction > 0)
        utc = days[rows].astype(np.int64) * 86_400 + clock - offset + fraction / 1e6
        instants[rows[timed]] = utc[timed]
    return instants


def _iso_stamps(published: Sequence[str | None]) -> tuple[list[str | None], dict[int, float]]:
    """Each value as an ISO stamp numpy reads (``_ISO_STAMP``), None when unreadable: read once per distinct value
    as ``article.published_date_of`` reads it, so a record's date never depends on the other records. With the
    UTC instants, by row, of the few stamps that pattern cannot hold: an offset with seconds ("+05:53:28", a
    zone's old local mean time) is kept as its printed day, and its instant given here."""
    out: list[str | None] = []
    odd: dict[int, float] = {}
    read: dict[str, tuple[str | None, float | None]] = {}
    for row, value in enumerate(published):
        if not value or _ISO_STAMP.fullmatch(value):
            out.append(value or None)
            continue
        if value not in read:
            iso, instant = _normalise_published(value), None
            if iso is not None and not _ISO_STAMP.fullmatch(iso):
                time = published_time_of(iso)
                iso, instant = iso[:10], (time.timestamp() if time is not None and time.tzinfo else None)
            read[value] = iso, instant
        stamp, instant = read[value]
        out.append(stamp)
        if instant is not None:
            odd[row] = instant
    return out, odd


def _calendar_day(head: str) -> str:
    try:
        return date.fromisoformat(head).isoformat() if head != "NaT" else "NaT"
    except ValueError:
        return "NaT"
