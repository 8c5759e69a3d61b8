"""The on-disk index and trace: add/update/remove, finding sources, no-source, crash safety, versions."""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from storytrace.article import Article
from storytrace.errors import InputError
from storytrace.index import Index
from storytrace.index.store import IndexBusyError

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

ORIGINAL = (EXAMPLES / "original.txt").read_text(encoding="utf-8")
REWRITE = (EXAMPLES / "rewrite.txt").read_text(encoding="utf-8")
INDEPENDENT = (EXAMPLES / "independent.txt").read_text(encoding="utf-8")
UNRELATED = (EXAMPLES / "unrelated.txt").read_text(encoding="utf-8")

# Distractors: short news items on other subjects, so retrieval has something to choose from.
DISTRACTORS = [
    "The city council of Brackwater voted on Monday to close two libraries to save $2 million a year. "
    "Librarians said the decision would hurt children most. The closures take effect in June.",
    "A freight train derailed near the Orrin river crossing on Sunday, spilling grain but hurting nobody, "
    "the rail operator said. Repairs to the line are expected to take a week.",
    "The national football team named a new coach, Ana Petrov, after a run of six defeats. Petrov, 44, "
    "previously led the under-21 side to a regional title.",
    "Heavy snow closed the mountain pass between Tessel and Varna for a third day. Drivers were told to use "
    "the coastal road, which adds about two hours to the journey.",
    "Shares in the shipping group Norland fell 12% after it cut its profit forecast, blaming weak demand in "
    "Asia and higher fuel prices.",
]


def articles() -> list[Article]:
    out = [Article(text=ORIGINAL, id="original", title="Seawall", outlet="Coastline Wire", published="2024-03-14")]
    out.append(Article(text=UNRELATED, id="unrelated", outlet="Valley Times", published="2024-03-10"))
    out += [Article(text=t, id=f"d{k}", outlet="Other") for k, t in enumerate(DISTRACTORS)]
    return out


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Index:
    path = tmp_path_factory.mktemp("index") / "news.db"
    idx = Index(path)
    result = idx.add(articles())
    assert (result.added, result.updated) == (7, 0)
    return idx


def test_trace_finds_an_llm_style_rewrite(index: Index) -> None:
    result = index.trace(Article(text=REWRITE, id="suspect"), top=3)
    assert result.source == "original"
    best = result.candidates[0]
    assert best.id == "original" and best.qualifies
    assert best.report is not None and best.report.verdict.relation == "derived"
    d = result.to_dict()
    assert d["schema"] == "storytrace.trace/1"
    assert d["source"] == "original"
    assert d["candidates"][0]["relation"] == "derived"
    assert d["candidates"][0]["meta"]["outlet"] == "Coastline Wire"
    assert 0.0 <= d["candidates"][0]["score"] <= 1.0
    assert d["candidates"][0]["findings"].get("claim_added", 0) >= 1


def test_trace_finds_an_exact_copy_and_a_light_edit(index: Index) -> None:
    assert index.trace(Article(text=ORIGINAL, id="copy"), top=3).source == "original"
    light = ORIGINAL.replace("crumbling", "ageing").replace("violent", "severe").replace("months", "many months")
    assert index.trace(Article(text=light, id="light"), top=3).source == "original"


def test_no_source_when_only_an_independent_report_is_indexed(tmp_path: Path) -> None:
    idx = Index(tmp_path / "x.db")
    idx.add([Article(text=INDEPENDENT, id="independent"), Article(text=UNRELATED, id="unrelated")])
    result = idx.trace(Article(text=REWRITE, id="suspect"), top=2)
    assert result.source is None
    assert result.to_dict()["source"] is None
    assert all(not c.qualifies for c in result.candidates)


def test_an_original_younger_than_the_suspect_is_not_a_candidate(index: Index) -> None:
    suspect = Article(text=REWRITE, id="suspect", published="2024-03-01")  # before the original (14 March)
    result = index.trace(suspect, top=3)
    assert "original" not in [c.id for c in result.candidates]
    assert result.source is None


def test_add_update_remove(tmp_path: Path) -> None:
    idx = Index(tmp_path / "a.db")
    assert idx.add([Article(text=DISTRACTORS[0], id="x")]).added == 1
    r = idx.add([Article(text=DISTRACTORS[1], id="x", title="new")])
    assert (r.added, r.updated) == (0, 1)
    assert len(idx) == 1
    stored = idx.get("x")
    assert stored is not None and stored.article.text == DISTRACTORS[1] and stored.article.title == "new"
    assert idx.remove("x") is True
    assert idx.remove("x") is False
    assert len(idx) == 0
    assert idx.stats().shingles == 0


def test_trace_stores_sentence_vectors_for_the_next_trace(tmp_path: Path) -> None:
    idx = Index(tmp_path / "v.db")
    idx.add([Article(text=ORIGINAL, id="original")])
    assert idx.stats().with_sentence_vectors == 0
    idx.trace(Article(text=REWRITE, id="s"), top=1)
    assert idx.stats().with_sentence_vectors == 1
    again = Index(tmp_path / "v.db").trace(Article(text=REWRITE, id="s"), top=1)
    assert again.source == "original"


def test_a_trace_stores_its_candidates_sentence_vectors_in_one_write(tmp_path: Path) -> None:
    # Each commit waits for the disk; a trace that compares several new candidates writes their vectors at once.
    idx = Index(tmp_path / "one.db")
    idx.add([Article(text=ORIGINAL, id="original"), Article(text=ORIGINAL + " Updated at noon.", id="second")])
    statements: list[str] = []
    idx._db.set_trace_callback(statements.append)
    idx.trace(Article(text=REWRITE, id="s"), top=2)
    idx._db.set_trace_callback(None)
    assert sum(1 for s in statements if s.strip().upper() == "COMMIT") == 1
    assert idx.stats().with_sentence_vectors == 2


def test_sentence_vectors_of_another_runtime_are_made_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from storytrace.embed import Embedder, get_embedder
    from storytrace.index.store import vectors_tag

    path = tmp_path / "k.db"
    idx = Index(path)
    idx.add([Article(text=ORIGINAL, id="original"), Article(text=ORIGINAL + " Updated at noon.", id="second")])
    idx.trace(Article(text=REWRITE, id="s"), top=2)
    key = get_embedder().vectors_key()
    assert "unfused=SkipLayerNormFusion" in key
    sizes = {}
    for name in ("original", "second"):
        stored = idx.get(name)
        assert stored is not None and stored.vectors_tag == vectors_tag(key) and stored.sentence_vectors is not None
        sizes[name] = len(stored.sentence_vectors)
    assert sizes["second"] == sizes["original"] + 1
    # Vectors another runtime made (zeros here), and untagged ones from before tags were kept, are not read:
    # each candidate's sentences are embedded again in the same trace and stored with this runtime's tag.
    rows = 384 * sizes["original"], 384 * sizes["second"]
    with sqlite3.connect(path) as db:
        db.execute(
            "UPDATE articles SET sentence_vectors = ? WHERE id = 'original'", (vectors_tag("x") + bytes(rows[0]),)
        )
        db.execute("UPDATE articles SET sentence_vectors = ? WHERE id = 'second'", (bytes(rows[1]),))
    stats = Index(path).stats()
    assert (stats.with_sentence_vectors, stats.stale_sentence_vectors) == (0, 2)
    embedded: list[int] = []
    embed = Embedder.embed

    def counting(self: Embedder, texts: list[str]) -> object:
        embedded.append(len(texts))
        return embed(self, texts)

    monkeypatch.setattr(Embedder, "embed", counting)
    again = Index(path)
    assert again.trace(Article(text=REWRITE, id="s"), top=2).source in ("original", "second")
    for name in ("original", "second"):
        stored = again.get(name)
        assert stored is not None and stored.vectors_tag == vectors_tag(key)
        assert stored.sentence_vectors is not None and stored.sentence_vectors.any()
    # both candidates' sentences were embedded whole (to be stored)
    assert sizes["original"] in embedded and sizes["second"] in embedded
    stats = again.stats()
    assert (stats.with_sentence_vectors, stats.stale_sentence_vectors) == (2, 0)
    # With this runtime's tag, the next trace reads them instead.
    embedded.clear()
    Index(path).trace(Article(text=REWRITE, id="s"), top=2)
    assert sizes["original"] not in embedded and sizes["second"] not in embedded


def test_a_damaged_sentence_vector_blob_is_made_again(tmp_path: Path) -> None:
    from storytrace.embed import get_embedder
    from storytrace.index.store import vectors_tag

    path = tmp_path / "d.db"
    idx = Index(path)
    idx.add([Article(text=ORIGINAL, id="original")])
    idx.trace(Article(text=REWRITE, id="s"), top=1)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE articles SET sentence_vectors = ? WHERE id = 'original'", (bytes(1000),))
    again = Index(path)
    damaged = again.get("original")
    assert damaged is not None and damaged.sentence_vectors is None
    assert again.trace(Article(text=REWRITE, id="s"), top=1).source == "original"
    stored = again.get("original")
    assert stored is not None and stored.sentence_vectors is not None and stored.sentence_vectors.any()
    # A damaged blob with this runtime's tag is no usable vectors either.
    key = get_embedder().vectors_key()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE articles SET sentence_vectors = ? WHERE id = 'original'", (vectors_tag(key) + bytes(1000),))
    stats = Index(path).stats()
    assert (stats.with_sentence_vectors, stats.stale_sentence_vectors) == (0, 1)


def test_stats_without_the_embedding_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import storytrace.embed as embed
    from storytrace.cli import main

    path = tmp_path / "m.db"
    Index(path).add([Article(text=ORIGINAL, id="original")])
    Index(path).trace(Article(text=REWRITE, id="s"), top=1)
    monkeypatch.setattr(embed, "locate_model_dir", lambda: None)
    monkeypatch.setattr(embed, "_singleton", None)
    # No model, no trace that could use the stored vectors; the counts are still printed.
    stats = Index(path).stats()
    assert (stats.articles, stats.with_sentence_vectors, stats.stale_sentence_vectors) == (1, 0, 1)
    assert main(["index", "stats", "--db", str(path)]) == 0


@pytest.mark.parametrize(
    ("version", "message"),
    [
        ("99", "schema version 99"),
        # Version 3 fingerprinted sentences from analyse; its postings cannot be read as version 5's.
        ("3", "schema version 3, but this storytrace reads version 6: rebuild"),
        # Version 4 left out a share bar scraped together with the lead paragraph, lead and all.
        ("4", "schema version 4, but this storytrace reads version 6: rebuild"),
        # Version 5 kept plain-text bylines and stamps on lines of their own.
        ("5", "schema version 5, but this storytrace reads version 6: rebuild"),
    ],
)
def test_incompatible_version_is_refused(tmp_path: Path, version: str, message: str) -> None:
    path = tmp_path / "old.db"
    Index(path).close()
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (version,))
    db.commit()
    db.close()
    with pytest.raises(InputError, match=message):
        Index(path)


@pytest.mark.parametrize("content", [b"", b"not a database at all\x00\x01", b"SQLite format 3\x00garbage"])
def test_a_file_that_is_not_an_index_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.db"
    path.write_bytes(content)
    if content:
        with pytest.raises(InputError, match="not a storytrace index"):
            Index(path)


def test_missing_index_for_reading(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no index here"):
        Index(tmp_path / "none.db", create=False)


def test_reading_an_empty_file_refuses_it_and_leaves_it_empty(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(b"")
    with pytest.raises(InputError, match="an empty file, not an index"):
        Index(path, create=False)
    assert path.stat().st_size == 0  # stats or trace on a mistyped --db must not turn the file into an index


def test_a_second_writer_gets_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    Index(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        idx = Index(path)
        idx._db.execute("PRAGMA busy_timeout = 100")
        with pytest.raises(IndexBusyError, match="another process is writing"):
            idx.remove("anything")
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_killed_writer_leaves_exactly_the_committed_batches(tmp_path: Path) -> None:
    """A writer killed mid-batch: the index opens and holds whole batches only."""
    path = tmp_path / "crash.db"
    script = textwrap.dedent(
        f"""
        import sys, time
        from storytrace.article import Article
        from storytrace.index import Index
        idx = Index({str(path)!r})
        def gen():
            for k in range(100000):
                if k and k % 10 == 0:
                    print(k, flush=True)
                yield Article(text="Story number %d about the harbour and the council vote on the budget." % k,
                              id="a%d" % k)
                time.sleep(0.002)
        idx.add(gen(), batch_size=10)
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        if int(line) >= 60:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    idx = Index(path)
    n = len(idx)
    assert n >= 50 and n % 10 == 0, n
    ids = set(idx.ids())
    assert ids == {f"a{k}" for k in range(n)}
    assert idx.stats().shingles > 0


def test_cli_index_and_trace(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    corpus = tmp_path / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as fh:
        for a in articles():
            fh.write(json.dumps({"id": a.id, "text": a.text, "outlet": a.outlet, "published": a.published}) + "\n")
        fh.write("{not json\n")
    run = [sys.executable, "-m", "storytrace.cli"]
    add = subprocess.run([*run, "index", "add", "--db", str(db), str(corpus)], capture_output=True, text=True)
    assert add.returncode == 3, add.stderr  # one bad line skipped, the rest indexed
    assert "indexed 7 articles" in add.stderr
    assert "Traceback" not in add.stderr
    stats = subprocess.run(
        [*run, "index", "stats", "--db", str(db), "--format", "json"], capture_output=True, text=True
    )
    assert json.loads(stats.stdout)["articles"] == 7
    tr = subprocess.run(
        [*run, "trace", str(EXAMPLES / "rewrite.txt"), "--db", str(db), "--format", "json", "--top", "2"],
        capture_output=True,
        text=True,
    )
    assert tr.returncode == 0, tr.stderr
    out = json.loads(tr.stdout)
    assert out["source"] == "original"
    text = subprocess.run(
        [*run, "trace", str(EXAMPLES / "independent.txt"), "--db", str(db)], capture_output=True, text=True
    )
    assert text.returncode == 0, text.stderr
    assert "no source found" in text.stdout
    batch = tmp_path / "suspects.jsonl"
    batch.write_text(
        json.dumps({"id": "s1", "text": REWRITE})
        + "\n"
        + "oops\n"
        + json.dumps({"id": "s3", "text": UNRELATED})
        + "\n",
        encoding="utf-8",
    )
    b = subprocess.run(
        [*run, "trace", "--batch", str(batch), "--db", str(db), "--top", "1"], capture_output=True, text=True
    )
    assert b.returncode == 3
    lines = [json.loads(x) for x in b.stdout.splitlines()]
    assert [x["id"] for x in lines] == ["s1", None, "s3"]
    assert lines[0]["source"] == "original" and "error" in lines[1]
    missing = subprocess.run(
        [*run, "trace", str(EXAMPLES / "rewrite.txt"), "--db", str(tmp_path / "no.db")], capture_output=True, text=True
    )
    assert missing.returncode == 2 and "no index here" in missing.stderr
    rm = subprocess.run([*run, "index", "remove", "--db", str(db), "d0", "nope"], capture_output=True, text=True)
    assert rm.returncode == 3 and "nope: not in the index" in rm.stderr


def test_bad_input_leaves_the_index_untouched(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    run = [sys.executable, "-m", "storytrace.cli"]
    r = subprocess.run(
        [*run, "index", "add", "--db", str(db), str(tmp_path / "missing.jsonl")], capture_output=True, text=True
    )
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert not db.exists()
    time.sleep(0)


def test_a_suspect_stitched_from_two_originals_lists_both(tmp_path: Path) -> None:
    first = (
        "The harbour authority of Port Calloway said on Monday that it would dredge the main channel this "
        "summer at a cost of $14 million. The work will close the north quay for six weeks. Fishermen said "
        "the closure would cost them a season's income. The authority said no other date was possible."
    )
    second = (
        "Brackwater's only cinema will close at the end of the month after 82 years, its owners announced. "
        "Ticket sales have fallen by half since 2019, they said. The building has been sold to a developer "
        "who plans to build flats on the site."
    )
    idx = Index(tmp_path / "two.db")
    idx.add(
        [
            Article(text=first, id="harbour"),
            Article(text=second, id="cinema"),
            *[Article(text=t, id=f"d{k}") for k, t in enumerate(DISTRACTORS)],
        ]
    )
    suspect = (
        "The harbour authority of Port Calloway said on Monday that it would dredge the main channel this summer "
        "at a cost of $14 million. The work will close the north quay for six weeks. "
        "Brackwater's only cinema will close at the end of the month after 82 years, its owners announced. "
        "Ticket sales have fallen by half since 2019, they said. "
        "Readers can share their memories of the cinema on our website."
    )
    result = idx.trace(Article(text=suspect, id="roundup"), top=3)
    qualifying = {c.id: c.contributed for c in result.candidates if c.qualifies}
    assert set(qualifying) == {"harbour", "cinema"}
    assert qualifying["harbour"] == (0, 1) and qualifying["cinema"] == (2, 3)
    assert result.unexplained == (4,)
    assert result.stitched and result.to_dict()["stitched"] is True
    assert result.sources_note() == "The suspect is stitched from several originals"

    # the HTML trace report says what the terminal and JSON ones say
    from storytrace.report.html import trace_to_html

    html = trace_to_html(result)
    assert "suspect sentences 0, 1" in html and "suspect sentences 2, 3" in html
    assert "Suspect sentences no source explains: 4." in html
    if importlib.util.find_spec("fastapi") is not None:  # and so does the web app's trace page
        from storytrace.web.pages import trace_page

        assert "Suspect sentences no source explains: 4." in trace_page(
            result, text=suspect, title="", input_format="text"
        )


def test_bm25_ranks_a_paraphrase_first_among_same_topic_articles(tmp_path: Path) -> None:
    from storytrace.text import analyse
    from storytrace.trace import channel_scores, fuse, trace

    original = (
        "Lorimer County commissioners approved a $3.4 million grant for the Kessling dam repairs on Tuesday. "
        "Engineers warned in March that the spillway could fail during a major flood. Work starts in May."
    )
    same_topic = [
        "County commissioners met on Tuesday to discuss road repairs and a new grant for the library. "
        "Engineers said the work could start in May if the weather allows.",
        "A major flood in March damaged the spillway of a dam upstream, engineers said on Tuesday. "
        "Commissioners will discuss repairs next month.",
    ]
    paraphrase = (
        "On Tuesday the commissioners of Lorimer County signed off on a grant of $3.4 million to fix the "
        "Kessling dam, after engineers cautioned in March that its spillway might give way in a big flood."
    )
    idx = Index(tmp_path / "bm25.db")
    idx.add(
        [Article(text=original, id="original")]
        + [Article(text=t, id=f"topic{k}") for k, t in enumerate(same_topic)]
        + [Article(text=t, id=f"d{k}") for k, t in enumerate(DISTRACTORS)]
    )
    channels = channel_scores(idx, analyse(Article(text=paraphrase, id="p")))
    snap = idx.snapshot()
    ids = {doc: aid for aid, doc in ((a, idx.get(a).doc) for a in idx.ids())}  # type: ignore[union-attr]
    best_bm25 = int(channels.bm25.argmax())
    assert ids[int(snap.docs[best_bm25])] == "original"
    assert channels.lexical[best_bm25] == 0  # no 5-gram in common: only the word channels can find it
    ranked = fuse(channels)
    assert ids[int(snap.docs[ranked[0][0]])] == "original" and ranked[0][1] > ranked[1][1]
    assert 0.0 < ranked[-1][1] <= ranked[0][1] <= 1.0
    result = trace(idx, Article(text=paraphrase, id="p"), top=3, shortlist=0)
    assert result.candidates[0].id == "original" and result.candidates[0].bm25 > result.candidates[1].bm25


def test_a_repeated_id_in_one_batch_keeps_the_last_text(tmp_path: Path) -> None:
    idx = Index(tmp_path / "rep.db")
    r = idx.add([Article(text=DISTRACTORS[0], id="x"), Article(text=DISTRACTORS[1], id="x")])
    assert (r.added, r.updated) == (1, 1)
    stored = idx.get("x")
    assert stored is not None and stored.article.text == DISTRACTORS[1]
    from storytrace.trace import trace

    df = dict(idx._db.execute("SELECT term, n FROM df"))
    assert max(df.values()) == 1 and idx._db.execute("SELECT count(*) FROM terms").fetchone()[0] == sum(df.values())
    assert trace(idx, Article(text=DISTRACTORS[1], id="q"), top=1, shortlist=0).candidates[0].id == "x"


def _many(n: int) -> list[Article]:
    texts = [ORIGINAL, UNRELATED, INDEPENDENT, *DISTRACTORS]
    return [Article(text=f"Item {k}. " + texts[k % len(texts)], id=f"m{k}", outlet=f"o{k % 3}") for k in range(n)]


def _dump(idx: Index) -> list[list[tuple[object, ...]]]:
    db = idx._db
    return [
        db.execute("SELECT doc, id, outlet, text, sha256, vector, length FROM articles ORDER BY doc").fetchall(),
        db.execute("SELECT hash, doc FROM shingles ORDER BY hash, doc").fetchall(),
        db.execute("SELECT term, doc, tf FROM terms ORDER BY term, doc").fetchall(),
        db.execute("SELECT term, n FROM df ORDER BY term").fetchall(),
    ]


def test_worker_processes_build_the_same_index(tmp_path: Path) -> None:
    items = [*_many(90), Article(text=DISTRACTORS[0], id="m5")]  # an update in a later batch, too
    serial, parallel = Index(tmp_path / "serial.db"), Index(tmp_path / "parallel.db")
    assert serial.add(items, batch_size=20) == parallel.add(items, batch_size=20, workers=2)
    assert parallel.add([]) == serial.add([])
    assert _dump(serial) == _dump(parallel)
    assert len(parallel) == 90


def test_batches_split_into_worker_chunks_build_the_same_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A transaction batch larger than a worker's chunk is computed in several chunks (the first one in
    this process while the pool starts), in order; a lone small batch needs no pool."""
    from storytrace.index import store

    monkeypatch.setattr(store, "CHUNK", 7)
    items = [*_many(60), Article(text=DISTRACTORS[0], id="m5")]  # an update in a later batch, too
    serial = Index(tmp_path / "serial.db", lexical_only=True)
    parallel = Index(tmp_path / "parallel.db", lexical_only=True)
    seen: list[int] = []
    assert serial.add(items, batch_size=25) == parallel.add(items, batch_size=25, workers=2, progress=seen.append)
    assert seen == [25, 25, 11]
    assert _dump(serial) == _dump(parallel)
    monkeypatch.setattr(store, "spawn_pool", None)  # would fail if called
    small, one = Index(tmp_path / "small.db", lexical_only=True), Index(tmp_path / "one.db", lexical_only=True)
    assert small.add(items[:14], batch_size=25, workers=2) == one.add(items[:14], batch_size=25)
    assert _dump(small) == _dump(one)


def test_a_bad_article_in_a_worker_batch_keeps_the_earlier_batches(tmp_path: Path) -> None:
    idx = Index(tmp_path / "bad.db")
    items = [*_many(50), Article(text="   ", id="empty"), *_many(70)[50:]]
    with pytest.raises(InputError, match="empty: no article text"):
        idx.add(items, batch_size=10, workers=2)
    assert set(idx.ids()) == {f"m{k}" for k in range(50)}
    with pytest.raises(ValueError, match="workers"):
        idx.add(items, workers=0)
    with pytest.raises(ValueError, match="batch_size"):
        idx.add(items, batch_size=0)


def test_killed_writer_with_workers_leaves_whole_batches(tmp_path: Path) -> None:
    path = tmp_path / "crash2.db"
    script = textwrap.dedent(
        f"""
        from storytrace.article import Article
        from storytrace.index import Index
        if __name__ == "__main__":
            idx = Index({str(path)!r})
            def gen():
                for k in range(100000):
                    yield Article(text="Story %d about the harbour and the council vote on the budget." % k,
                                  id="a%d" % k)
            idx.add(gen(), batch_size=10, workers=2, progress=lambda n: print(n, flush=True))
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    seen = 0
    for line in proc.stdout:
        seen += int(line)
        if seen >= 60:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    idx = Index(path)
    n = len(idx)
    assert n >= 60 and n % 10 == 0, n
    assert set(idx.ids()) == {f"a{k}" for k in range(n)}


def test_cli_index_add_with_workers(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": a.id, "text": a.text}) + "\n" for a in _many(12)), encoding="utf-8")
    db = tmp_path / "w.db"
    run = [sys.executable, "-m", "storytrace.cli", "index", "add", "--db", str(db), str(corpus), "--batch", "3"]
    r = subprocess.run([*run, "--workers", "2"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "indexed 12 articles (12 new, 0 updated)" in r.stderr
    bad = subprocess.run([*run, "--workers", "0"], capture_output=True, text=True)
    assert bad.returncode == 2 and "--workers must be at least 1" in bad.stderr


def test_a_stock_phrase_held_by_many_articles_is_no_lexical_evidence(tmp_path: Path) -> None:
    from storytrace.index.fingerprint import fingerprint

    stock = "The company did not respond to a request for comment on the report. "
    idx = Index(tmp_path / "df.db")
    idx.add([Article(text=stock + t, id=f"d{k}") for k, t in enumerate(DISTRACTORS)])
    hashes = fingerprint(stock + DISTRACTORS[0]).shingles
    everywhere = idx.lexical_counts(hashes).min()
    assert everywhere > 0  # the stock phrase's 5-grams count while few articles hold them ...
    counts = idx.lexical_counts(hashes, max_df=3)
    assert counts.min() == 0 and counts.max() == idx.lexical_counts(hashes).max() - everywhere


def test_trace_scores_the_dense_channel_only_for_its_candidates(tmp_path: Path) -> None:
    from storytrace.text import analyse
    from storytrace.trace import channel_scores, trace

    idx = Index(tmp_path / "dense.db")
    idx.add(articles())
    suspect = Article(text=REWRITE, id="s")
    result = trace(idx, suspect, top=3, shortlist=0)
    assert idx._matrix is None  # the static vectors were not all loaded
    full = channel_scores(idx, analyse(suspect), dense=True)
    snap = idx.snapshot()
    by_id = {idx.get_docs([int(d)])[int(d)].article.id: float(full.dense[r]) for r, d in enumerate(snap.docs)}
    for c in result.candidates:
        assert c.dense == pytest.approx(max(0.0, by_id[c.id]), abs=1e-5)
    assert any(c.dense > 0 for c in result.candidates)


def test_storing_sentence_vectors_keeps_the_snapshot(tmp_path: Path) -> None:
    idx = Index(tmp_path / "snap.db")
    idx.add(articles())
    snap = idx.snapshot()
    idx.trace(Article(text=REWRITE, id="s"), top=2)
    assert idx.stats().with_sentence_vectors > 0
    assert idx.snapshot() is snap  # a trace's cached vectors are not a change to re-read the index for
    idx.add([Article(text=DISTRACTORS[0], id="new")])
    assert idx.snapshot() is not snap


def test_snapshot_days_read_iso_dates_and_nothing_else() -> None:
    from storytrace.index.store import _days

    assert [str(d) for d in _days(["2024-03-14T10:00:00Z", None, "", "2024-02-03"])] == [
        "2024-03-14",
        "NaT",
        "NaT",
        "2024-02-03",
    ]
    assert [str(d) for d in _days(["2024-03-14", "today", "2024", "2024-02-30"])] == ["2024-03-14", "NaT", "NaT", "NaT"]


def test_only_candidates_sharing_names_and_figures_are_compared_with_embeddings(index: Index) -> None:
    result = index.trace(Article(text=REWRITE, id="suspect"), top=4)
    by_id = {c.id: c for c in result.candidates}
    original = by_id["original"].report
    assert original is not None and original.alignment.used_embeddings
    others = [c.report for c in result.candidates if c.id != "original" and c.report is not None]
    assert others and all(not r.alignment.used_embeddings for r in others)
    assert all(r.verdict.relation not in ("derived", "partially_derived") for r in others)


def test_specifics_share() -> None:
    from storytrace.text import analyse, specifics_share

    a = analyse(Article(text=ORIGINAL, id="a")).all_specifics()
    b = analyse(Article(text=REWRITE, id="b")).all_specifics()
    c = analyse(Article(text=DISTRACTORS[0], id="c")).all_specifics()
    assert specifics_share(a, b) >= 0.5 > specifics_share(a, c)
    assert specifics_share(a, frozenset()) == 1.0


def test_trace_as_html_lists_the_candidates_and_shows_the_source_side_by_side(tmp_path: Path) -> None:
    from storytrace.report.html import trace_to_html

    idx = Index(tmp_path / "html.db")
    hostile = "<script>alert(1)</script> & <b>bold</b>"
    original = Article(text=ORIGINAL, id="original", title=hostile, outlet="x<img src=x>")
    idx.add([original, *articles()[1:]])
    found = trace_to_html(idx.trace(Article(text=REWRITE, id="suspect", title="Seawall rewrite"), top=8))
    assert found.startswith("<!DOCTYPE html>") and "Source found:" in found
    assert '<tr class="source"><td>1</td><td><span class="id">original</span>' in found
    assert 'class="cols"' in found  # the side-by-side report of suspect and source follows
    assert "<script>alert(1)" not in found and "<img src=x>" not in found
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in found
    none = trace_to_html(idx.trace(Article(text=INDEPENDENT, id="ind"), top=3))
    assert "No source found in the index" in none and 'class="cols"' not in none


def test_cli_trace_html(tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    Index(db).add(articles())
    run = [sys.executable, "-m", "storytrace.cli", "trace", "--db", str(db)]
    out = tmp_path / "trace.html"
    r = subprocess.run(
        [*run, str(EXAMPLES / "rewrite.txt"), "--format", "html", "--out", str(out)], capture_output=True, text=True
    )
    assert r.returncode == 0, r.stderr
    assert "Source found:" in out.read_text(encoding="utf-8")
    batch = tmp_path / "b.jsonl"
    batch.write_text(json.dumps({"id": "s", "text": REWRITE}) + "\n", encoding="utf-8")
    bad = subprocess.run([*run, "--batch", str(batch), "--format", "html"], capture_output=True, text=True)
    assert bad.returncode == 2 and "--batch writes JSON Lines" in bad.stderr


def test_ctrl_c_during_a_parallel_add_stops_cleanly(tmp_path: Path) -> None:
    corpus = tmp_path / "many.jsonl"
    corpus.write_text(
        # Many more than the add can get through before the Ctrl-C: a faster machine (or a slower poller
        # under load) must not let it finish first.
        "".join(json.dumps({"id": f"a{k}", "text": f"Item {k}. " + ORIGINAL}) + "\n" for k in range(40_000)),
        encoding="utf-8",
    )
    db = tmp_path / "int.db"
    cmd = [sys.executable, "-m", "storytrace.cli", "index", "add", "--db", str(db), str(corpus), "--workers", "2"]
    cmd += ["--batch", "50"]
    proc = subprocess.Popen(
        cmd, stderr=subprocess.PIPE, text=True, start_new_session=True, preexec_fn=_ctrl_c_reaches_it
    )

    def committed() -> bool:
        # Batches have landed once the file has grown (~9 KiB an article): seen without opening the
        # database, so the poll never waits on the writer's lock, and the Ctrl-C comes early in the add.
        try:
            return db.stat().st_size >= 1_000_000
        except OSError:
            return False

    deadline = time.time() + 60
    while time.time() < deadline and not committed():
        time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C reaches the writer and its workers
    # Generous: the workers finish the chunk in hand, which takes long on a loaded machine (it timed out
    # at 60 s under other jobs' load; alone it stops within seconds).
    _, err = proc.communicate(timeout=240)
    assert proc.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err
    n = len(Index(db))
    assert 50 <= n < 40_000 and n % 50 == 0


def test_workers_fall_back_to_one_process_when_they_could_not_start(tmp_path: Path) -> None:
    """A script fed on stdin has no file a spawned worker could import: work goes on in-process."""
    path = tmp_path / "stdin.db"
    script = textwrap.dedent(
        f"""
        import multiprocessing as mp
        from storytrace.article import Article
        from storytrace.index import Index
        from storytrace.workers import can_spawn
        assert not can_spawn()
        idx = Index({str(path)!r})
        items = [Article(text="Story %d about the harbour and the council vote." % k, id="a%d" % k) for k in range(30)]
        idx.add(items, batch_size=10, workers=2)
        assert not mp.active_children()
        print(len(idx))
        """
    )
    r = subprocess.run([sys.executable, "-"], input=script, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "30"


def test_one_batch_starts_no_worker_processes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from storytrace.index import store

    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a pool was started for a single batch")

    monkeypatch.setattr(store, "spawn_pool", no_pool)
    assert Index(tmp_path / "one.db").add(articles(), workers=2).added == 7


# --- lexical-only indexes -----------------------------------------------------------------------------


def test_a_lexical_only_index_traces_an_exact_copy_and_a_light_edit(tmp_path: Path) -> None:
    idx = Index(tmp_path / "lex.db", lexical_only=True)
    assert idx.add(articles()).added == 7
    assert idx.stats().mode == "lexical-only" and idx.lexical_only
    assert idx._db.execute("SELECT count(*) FROM articles WHERE vector IS NOT NULL").fetchone()[0] == 0
    copy = idx.trace(Article(text=ORIGINAL, id="copy"), top=3)
    assert copy.source == "original"
    assert copy.candidates[0].dense == 0.0  # no vectors: the dense channel is off, not guessed
    light = ORIGINAL.replace("crumbling", "ageing").replace("violent", "severe").replace("months", "many months")
    assert idx.trace(Article(text=light, id="light"), top=3).source == "original"
    # reopened without saying: the index says what it holds
    assert Index(tmp_path / "lex.db").lexical_only


def test_lexical_only_and_full_indexes_hold_the_same_postings(tmp_path: Path) -> None:
    items = [*_many(40), Article(text=DISTRACTORS[2], id="m3"), Article(text=DISTRACTORS[0], id="m1")]
    full, lexical = Index(tmp_path / "full.db"), Index(tmp_path / "lex.db", lexical_only=True)
    assert full.add(items, batch_size=16) == lexical.add(items, batch_size=16)
    assert full.remove("m7") and lexical.remove("m7")
    f, x = _dump(full), _dump(lexical)
    assert f[1:] == x[1:]  # shingles, terms, df
    assert [(r[0], r[1], r[-1]) for r in f[0]] == [(r[0], r[1], r[-1]) for r in x[0]]  # doc, id, length
    assert all(r[5] is None for r in x[0]) and all(r[5] is not None for r in f[0])
    suspect = Article(text=REWRITE, id="s")
    from storytrace.trace import trace

    a, b = (trace(i, suspect, top=5, shortlist=0).candidates for i in (full, lexical))
    assert [(c.id, c.bm25, c.lexical, c.terms) for c in a] == [(c.id, c.bm25, c.lexical, c.terms) for c in b]


@pytest.mark.parametrize("name", ["original", "rewrite", "independent", "unrelated", "abbreviations"])
def test_fingerprints_equal_those_of_the_analysed_sentences(name: str) -> None:
    """fingerprint.py's regex pieces and tokens give the hashes that ``analyse``'s sentences and tokens give
    (the same words, 5-grams broken at the same sentence boundaries) on real prose, so the cheap path
    indexes what the sentence analysis would."""
    import zlib
    from collections import Counter

    import numpy as np

    from storytrace.index.fingerprint import SAMPLE, _sampled_shingles, fingerprint
    from storytrace.text import STOPWORDS, analyse

    text = (
        "Mr. Ortiz met J. Doe in the U.S. on Jan. 5, at 3 p.m. on Friday. \u201cWe will build it. It is time.\u201d "
        "He left at 4 p.m. Then Dr. Lee spoke!\n\nShare this article\n\nThe vote is on Monday."
        if name == "abbreviations"
        else (EXAMPLES / f"{name}.txt").read_text(encoding="utf-8")
    )
    doc = analyse(Article(text=text, id=name))
    tokens = [(s.index, t) for s in doc.body for t in s.tokens]
    keys = np.asarray([zlib.crc32(t.norm.encode()) for _, t in tokens], dtype=np.uint64)
    sentence = np.asarray([i for i, _ in tokens], dtype=np.int64)
    expected_shingles = _sampled_shingles(keys, sentence, np.zeros(len(tokens), dtype=np.int64), SAMPLE)
    expected_terms = Counter(
        zlib.crc32(t.stem.encode())
        for _, t in tokens
        if t.norm not in STOPWORDS and (len(t.norm) > 2 or t.norm[0].isdigit())
    )
    got = fingerprint(text)
    assert got.shingles.tolist() == expected_shingles.tolist() and len(got.shingles) > 0
    assert dict(zip(got.terms.tolist(), got.counts.tolist(), strict=True)) == expected_terms
    assert got.length == sum(expected_terms.values())


def test_an_index_keeps_its_mode(tmp_path: Path) -> None:
    full_path, lex_path = tmp_path / "full.db", tmp_path / "lex.db"
    Index(full_path).add(articles()[:2])
    Index(lex_path, lexical_only=True).add(articles()[:2])
    with pytest.raises(InputError, match="a full index"):
        Index(full_path, lexical_only=True)
    with pytest.raises(InputError, match="a lexical-only index"):
        Index(lex_path, lexical_only=False)
    # adding to a lexical-only index without asking for a mode adds lexically
    idx = Index(lex_path)
    idx.add(articles()[2:])
    assert len(idx) == 7 and idx._db.execute("SELECT count(*) FROM articles WHERE vector IS NULL").fetchone()[0] == 7
    assert Index(full_path).stats().mode == "full"


def test_cli_lexical_only_index(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": a.id, "text": a.text}) + "\n" for a in articles()), encoding="utf-8")
    run = [sys.executable, "-m", "storytrace.cli"]
    db = tmp_path / "lex.db"
    add = subprocess.run(
        [*run, "index", "add", "--db", str(db), str(corpus), "--lexical-only"], capture_output=True, text=True
    )
    assert add.returncode == 0, add.stderr
    stats = subprocess.run(
        [*run, "index", "stats", "--db", str(db), "--format", "json"], capture_output=True, text=True
    )
    assert json.loads(stats.stdout)["mode"] == "lexical-only"
    text = subprocess.run([*run, "index", "stats", "--db", str(db)], capture_output=True, text=True)
    assert "lexical-only" in text.stdout.splitlines()[0]
    tr = subprocess.run(
        [*run, "trace", str(EXAMPLES / "rewrite.txt"), "--db", str(db), "--format", "json"],
        capture_output=True,
        text=True,
    )
    assert tr.returncode == 0 and json.loads(tr.stdout)["source"] == "original", tr.stderr
    full = tmp_path / "full.db"
    assert subprocess.run([*run, "index", "add", "--db", str(full), str(corpus)], capture_output=True).returncode == 0
    mixed = subprocess.run(
        [*run, "index", "add", "--db", str(full), str(corpus), "--lexical-only"], capture_output=True, text=True
    )
    assert mixed.returncode == 2 and "a full index" in mixed.stderr and "Traceback" not in mixed.stderr
    assert len(mixed.stderr.strip().splitlines()) == 1


def _regex_fingerprints(texts: list[str]) -> list[tuple[list[int], list[int], list[int]]]:
    """Fingerprints the slow, obvious way: ``text._TOKEN`` over each kept piece, one word at a time."""
    import zlib
    from collections import Counter

    import numpy as np

    from storytrace.index.fingerprint import SAMPLE, _is_boilerplate, _pieces, _sampled_shingles
    from storytrace.text import _TOKEN, STOPWORDS, normalize_word, stem

    out = []
    for text in texts:
        words: list[str] = []
        piece: list[int] = []
        for k, (start, end) in enumerate(_pieces(text)):
            if not _is_boilerplate(text[start:end]):
                found = _TOKEN.findall(text, start, end)
                words += found
                piece += [k] * len(found)
        norms = [normalize_word(w) for w in words]
        keys = np.asarray([zlib.crc32(n.encode()) for n in norms], dtype=np.uint64)
        pieces, owner = np.asarray(piece, dtype=np.int64), np.zeros(len(words), dtype=np.int64)
        shingles = _sampled_shingles(keys, pieces, owner, SAMPLE)
        terms = Counter(
            zlib.crc32(stem(n).encode()) for n in norms if n not in STOPWORDS and (len(n) > 2 or n[0].isdigit())
        )
        out.append((shingles.tolist(), sorted(terms), [terms[t] for t in sorted(terms)]))
    return out


def test_a_share_bar_scraped_onto_the_lead_paragraph_keeps_the_paragraph(tmp_path: Path) -> None:
    """A boilerplate piece of more than ``BOILERPLATE_WORDS`` words is a share bar glued to the text after it
    (a scrape that lost the line break): the index keeps its words, so a summary of that paragraph finds
    the article. A share line on its own is still left out."""
    import zlib

    from storytrace.index.fingerprint import fingerprint
    from storytrace.text import BOILERPLATE_WORDS, normalize_word, stem
    from storytrace.trace import trace

    def has(text: str, word: str) -> bool:
        return zlib.crc32(stem(normalize_word(word)).encode()) in set(fingerprint(text).terms.tolist())

    lead = (
        "The Wexford county council voted on Tuesday to close the Ballymore footbridge over the Slaney river "
        "after engineers found corroded cables, leaving some 400 commuters a detour of three kilometres "
        "until a ferry service starts in the spring."
    )
    rest = "Councillors said repairs would cost more than the bridge is worth. A consultation opens next month."
    assert len(lead.split()) > BOILERPLATE_WORDS
    glued = f"Share this withEmailFacebookTwitterWhatsAppLinkedinCopy this link{lead}\n\n{rest}"
    assert has(glued, "footbridge") and has(glued, "corroded") and has(glued, "councillors")
    alone = f"Share this with your friends\n\n{lead}\n\n{rest}"
    assert not has(alone, "friends") and has(alone, "footbridge")

    idx = Index(tmp_path / "bar.db", lexical_only=True)
    idx.add(
        [
            Article(text=glued, id="bridge"),
            Article(
                text="The county council voted on Tuesday to raise parking fees in the town centre. Councillors "
                "said the money would pay for road repairs, and a consultation on the fees opens next month.",
                id="parking",
            ),
        ]
    )
    summary = "Corroded cables close the Ballymore footbridge over the Slaney; 400 commuters face a detour."
    assert trace(idx, Article(text=summary, id="q"), top=2, shortlist=0).candidates[0].id == "bridge"


def test_batch_tokens_are_the_token_regex_matches(monkeypatch: pytest.MonkeyPatch) -> None:
    """The numpy token scan over a whole batch finds ``text._TOKEN``'s words (letters joined by an
    apostrophe, digits by . , :, a digit next to a letter apart; any script, astral characters too) in
    each kept piece, in batches of any make-up."""
    import random

    from storytrace.index.fingerprint import fingerprints

    texts = [
        "10am rock'n'roll 1,2,,3 1..2 \u00bd x\u00b2 snake_case 1990\u2019s dogs' \u2019tis a''b \u00e9 e\u0301 "
        "\U0001d400bc \U0001f600wow 3.14.15 l'\u00e9t\u00e9 12:30:45 O\u2019Neil 5,000. Ha! \u201cHi. There.\u201d x",
        "",
        "   \n\n  ",
        "Share this article\n\nThe council voted 5-4 on the 2024 budget at 3 p.m. Mr. Ortiz left.",
        "\u01c5emal \u216b \u0663\u0664 \u4e94\u6708 caf\u00e9-au-lait, a lone \ud800 surrogate and more words here",
        ORIGINAL,
        REWRITE,
    ]
    rng = random.Random(3)
    alphabet = "ab1 .,:'\u2019_\n\n!?\u201c\u201d\"\u00e9\u00bd\u00b2\u0663\U0001f600Z"
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 300))) for _ in range(300)]
    expected = _regex_fingerprints(texts)
    for size in (1, 7, len(texts)):
        got = [fp for k in range(0, len(texts), size) for fp in fingerprints(texts[k : k + size])]
        assert [(f.shingles.tolist(), f.terms.tolist(), f.counts.tolist()) for f in got] == expected
    monkeypatch.setattr("storytrace.index.fingerprint._GROUP_CHARS", 1000)  # a long batch, scanned in parts
    got = fingerprints(texts)
    assert [(f.shingles.tolist(), f.terms.tolist(), f.counts.tolist()) for f in got] == expected


def test_the_index_keeps_any_long_piece_that_opens_like_site_furniture() -> None:
    """Scrapes glue credits and newsletter lines to the text after them too: the index keeps any such piece
    of more than ``BOILERPLATE_WORDS`` words (retrieval would lose the lead), while ``analyse`` keeps only
    long share bars (a long newsletter box must not count as reused text in a comparison)."""
    import zlib

    from storytrace.index.fingerprint import fingerprint
    from storytrace.text import BOILERPLATE_WORDS, analyse, normalize_word, stem

    lead = "Photo: Reuters " + " ".join(["floodwall"] * BOILERPLATE_WORDS)
    assert zlib.crc32(stem(normalize_word("floodwall")).encode()) in set(fingerprint(lead).terms.tolist())
    assert analyse(Article(text=lead)).sentences[0].boilerplate
    short = "Photo: Reuters floodwall"
    assert zlib.crc32(stem(normalize_word("floodwall")).encode()) not in set(fingerprint(short).terms.tolist())


def _ctrl_c_reaches_it() -> None:
    # A suite started in the background (`cmd &` in a script) inherits SIGINT ignored, and so would the
    # command under test: give it the default, as a terminal's foreground job has.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
