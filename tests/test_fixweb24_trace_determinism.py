"""fixweb24 (qa24 P7): the same trace on the same index names the same source with the same scores.

qa24 indexed a second copy of a stored article: the first trace made its sentence vectors (float32) and scored
it 0.976, the copy whose vectors were stored (int8) 0.9726; the second trace read both back and named the copy.
A trace now compares with the vectors as stored, and equal candidates are ranked by retrieval score, then id.

A real index on the example texts, the real embedder; compare decides.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from storytrace.article import Article
from storytrace.embed import get_embedder
from storytrace.index import Index
from storytrace.index.store import as_stored, pack_sentence_vectors, unpack_sentence_vectors
from storytrace.index.vectors import body_sentence_texts
from storytrace.text import analyse
from storytrace.trace import TraceResult

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
ORIGINAL = (EXAMPLES / "original.txt").read_text(encoding="utf-8")
REWRITE = (EXAMPLES / "rewrite.txt").read_text(encoding="utf-8")
UNRELATED = (EXAMPLES / "unrelated.txt").read_text(encoding="utf-8")


def _scores(result: TraceResult) -> list[tuple[str, float, float, str | None]]:
    return [
        (c.id, c.report.scores.reuse, c.report.scores.coverage, c.report.verdict.relation)
        for c in result.candidates
        if c.report is not None
    ]


def _index(path: Path, *, stored_first: bool) -> Index:
    """Two copies of the original under two ids (indexed "z-copy" first: the id order is not the index order),
    and an unrelated article. Only ``stored_first`` decides whether the first copy's vectors are stored."""
    index = Index(path, lexical_only=True)
    index.add(
        [
            Article(text=ORIGINAL, id="z-copy", outlet="Wire", published="2025-08-01"),
            Article(text=ORIGINAL, id="a-copy", outlet="Ledger", published="2025-08-01"),
            Article(text=UNRELATED, id="unrelated", published="2025-07-01"),
        ]
    )
    if stored_first:
        item = index.get("z-copy")
        assert item is not None
        embedder = get_embedder()
        vectors = embedder.embed(body_sentence_texts(analyse(item.article)))
        index.store_sentence_vectors(item.doc, item.sha256, vectors, embedder.vectors_key())
    return index


def test_the_same_trace_twice_gives_the_same_source_and_scores(tmp_path: Path) -> None:
    """One copy's vectors stored, the other's made by the first trace and stored by it: both runs agree, and the
    two copies score alike in each."""
    index = _index(tmp_path / "det.db", stored_first=True)
    suspect = Article(text=REWRITE, id="suspect", published="2025-08-02")
    first = index.trace(suspect, top=3)
    second = index.trace(suspect, top=3)
    assert first.source == second.source == "a-copy"
    assert _scores(first) == _scores(second)
    by_id = {cid: (reuse, coverage) for cid, reuse, coverage, _ in _scores(first)}
    assert by_id["a-copy"] == by_id["z-copy"]
    assert first.to_dict() == second.to_dict()


def test_two_copies_tie_break_by_id_whichever_was_indexed_first(tmp_path: Path) -> None:
    """Without stored vectors, the copy named is the same too, and it is not the first indexed."""
    index = _index(tmp_path / "plain.db", stored_first=False)
    result = index.trace(Article(text=REWRITE, id="suspect", published="2025-08-02"), top=3)
    assert result.source == "a-copy"
    assert [c.id for c in result.candidates][:2] == ["a-copy", "z-copy"]


def test_vectors_as_stored_are_what_the_index_gives_back() -> None:
    rng = np.random.default_rng(24)
    made = rng.normal(size=(5, get_embedder().dim)).astype(np.float32)
    made /= np.linalg.norm(made, axis=1, keepdims=True)
    again = unpack_sentence_vectors(pack_sentence_vectors(made))
    assert np.array_equal(as_stored(made), again)
    assert not np.array_equal(as_stored(made), made)  # int8 storage: close, not equal
    assert float(np.min(np.sum(again * made, axis=1))) > 0.998
