"""The scan embeds a family's sentences several per model call (``embed.SCAN_BATCH_SIZE``), bypassing the memo.

Batched int8 vectors depend on the texts embedded with them, so what must hold: a batched call's vectors are a
function of that call's texts alone (not of what the process embedded before, which differs between workers and
engines), close to the one-text vectors, and the memo never serves or stores them.
"""

from __future__ import annotations

import numpy as np
import pytest

from storytrace import embed
from storytrace.errors import ModelUnavailableError

SENTENCES = [
    "The council approved the budget on Tuesday after a four-hour debate.",
    "Residents had asked for more money for the library.",
    "Yes.",
    "The mayor said the vote was a victory for common sense and for every taxpayer in the city.",
    "Two members voted against it.",
    "Officials expect the new bridge to open in May, two months later than planned.",
    "Police said the driver was not injured.",
    "Spending on roads rises by 4.5 percent, to $12 million, under the plan adopted by the council.",
    "The library will stay open on Sundays.",
    "Critics called the plan reckless.",
]


@pytest.fixture(scope="module")
def embedder() -> embed.Embedder:
    try:
        e = embed.Embedder(workers=1)
        e.load()
    except ModelUnavailableError as err:
        pytest.skip(str(err))
    return e


def test_batched_vectors_do_not_depend_on_what_the_process_embedded_before(embedder: embed.Embedder) -> None:
    fresh = embed.Embedder(workers=1).embed(SENTENCES, batch_size=embed.SCAN_BATCH_SIZE)
    # a process that embedded other texts, and these one at a time, first (its memo holds one-text vectors)
    embedder.embed(["Something else entirely was said here.", "Another sentence."])
    for s in SENTENCES:
        embedder.embed([s])
    again = embedder.embed(SENTENCES, batch_size=embed.SCAN_BATCH_SIZE)
    assert np.array_equal(fresh, again)
    # two threads running the batches give the same vectors as one
    parallel = embed.Embedder(workers=2).embed(SENTENCES, batch_size=embed.SCAN_BATCH_SIZE)
    assert np.array_equal(fresh, parallel)


def test_batched_vectors_stay_out_of_the_memo_and_close_to_the_one_text_vectors() -> None:
    e = embed.Embedder(workers=1)
    batched = e.embed(SENTENCES, batch_size=embed.SCAN_BATCH_SIZE)
    assert len(e._memo) == 0  # batched vectors are not one-text vectors: never memoised
    alone = np.stack([embed.Embedder(workers=1, memo_size=0).embed([s])[0] for s in SENTENCES])
    assert np.allclose(np.linalg.norm(batched, axis=1), 1.0, atol=1e-5)
    cosines = (batched * alone).sum(axis=1)
    # very short texts move most ("Yes.": 0.966 at 8 a call); news sentences stay above 0.99
    assert cosines.min() >= 0.95
    assert cosines.mean() >= 0.985
    # the memo's one-text vectors are untouched by batched calls: a later plain call gives the one-text vector
    assert np.array_equal(e.embed([SENTENCES[0]])[0], alone[0])
    # and batching really changes at least one vector (else this test would not test the bypass)
    assert not np.array_equal(batched, alone)


def test_a_batched_call_repeats_a_text_as_its_first_occurrence(embedder: embed.Embedder) -> None:
    texts = [SENTENCES[0], SENTENCES[1], SENTENCES[0]]
    out = embedder.embed(texts, batch_size=embed.SCAN_BATCH_SIZE)
    assert out.shape == (3, embed.DIM)
    assert np.array_equal(out[0], out[2])
    assert embedder.embed([], batch_size=embed.SCAN_BATCH_SIZE).shape == (0, embed.DIM)


def test_the_scan_family_cache_embeds_in_batches_and_ignores_the_memo(monkeypatch: pytest.MonkeyPatch) -> None:
    from storytrace.scan.judge import _SentenceCache

    try:
        fresh = embed.Embedder(workers=1)
        fresh.load()
    except ModelUnavailableError as err:
        pytest.skip(str(err))
    import os

    monkeypatch.setattr(embed, "_singleton", fresh)
    monkeypatch.setattr(embed, "_singleton_pid", os.getpid())
    fresh.embed(SENTENCES[:3])  # memo holds one-text vectors of three of them
    got = _SentenceCache(None)(SENTENCES)
    want = embed.Embedder(workers=1, memo_size=0).embed(SENTENCES, batch_size=embed.SCAN_BATCH_SIZE)
    assert np.array_equal(got, want)
