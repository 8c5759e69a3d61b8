"""The fingerprint scan's shortcuts give what the plain definitions give: pieces found by trying
``_PIECE_END`` only at end marks equal ``finditer`` over each paragraph, and a batch's fingerprints equal
those made with the plain pieces and the plain token hashes."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest

from storytrace.index import fingerprint as fp
from storytrace.text import _quote_open, paragraph_spans

TEXTS = [
    "Mr. Smith said. He left at 5 p.m. Then \u201cwe go.\u201d And J. Doe came... Really?! Yes\u2026 no. U.S. troops.",
    '\u201cIt was bad. It was worse.\nHe said.\u201d\n\nNew para. Mrs. Jones?  "Quote open. still. " ok.',
    "No. 5 was late. Dr. Who. St. Louis. 3.5 percent. Oct. 4 at 10 a.m. The end! At 9 a.m. \u201cNo,\u201d she said.",
    "...leading dots. ?!? ..\u2026.. x.\n\n\n.\n",
    "Share this with Email. Share on Facebook\n\nThe real text begins here. It goes on.\n\nPhoto: Reuters",
    "a.\u00a0b. c.\u2028d. e.\u3000F. \U0001d400 math. \U0001f600 smile. \u0130stanbul. \u017fhare this. "
    "The \U0001f600. End.",
    "One line. Another line.\nA third line! And a fourth?\nLast one\u2026 really.",
    "",
    "no end mark at all",
    "Wrapped prose that runs on for a while and then\nstops mid sentence because the lines were wrapped\n"
    "at a fixed width by some old mail program. It\nkeeps going like this for a few more lines. Ok.",
]


def _reference_pieces(text: str, marks: object = None) -> Iterator[tuple[int, int]]:
    """``_pieces`` as first written: the regex run over each paragraph."""
    for p_start, p_end in paragraph_spans(text):
        start = p_start
        for m in fp._PIECE_END.finditer(text, p_start, p_end):
            if not _quote_open(text[start : m.end()]):
                yield start, m.start()
                start = m.end()
        yield start, p_end


_SCAN = fp._tokens


def _reference_tokens(cp: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``_tokens``'s spans with the character hash summed token by token."""
    starts, ends, _ = _SCAN(cp)
    h = np.zeros(len(starts), dtype=np.uint64)
    # the powers written out, not read from the table under test
    longest = int((ends - starts).max(initial=1))
    powers = np.array([pow(fp._HASH_BASE, i, 1 << 64) for i in range(longest)], dtype=np.uint64)
    with np.errstate(over="ignore"):
        for i, (a, b) in enumerate(zip(starts.tolist(), ends.tolist(), strict=True)):
            h[i] = (cp[a:b].astype(np.uint64) * powers[: b - a]).sum() ^ (np.uint64(b - a) << np.uint64(56))
    return starts, ends, h


@pytest.mark.parametrize("text", TEXTS)
def test_pieces_tried_at_end_marks_are_the_regex_pieces(text: str) -> None:
    assert list(fp._pieces(text)) == list(_reference_pieces(text))


def test_a_batch_fingerprints_as_with_the_plain_definitions(monkeypatch: pytest.MonkeyPatch) -> None:
    """The batch scan (end marks and token hashes found once for the whole batch, texts of all widths of
    character side by side) against the plain pieces and hashes; a fresh vocabulary on each side."""
    texts = TEXTS * 3 + [t.upper() for t in TEXTS]
    fp._VOCABULARY.reset()
    got = fp.fingerprints(texts)
    monkeypatch.setattr(fp, "_pieces", _reference_pieces)
    monkeypatch.setattr(fp, "_tokens", _reference_tokens)
    fp._VOCABULARY.reset()
    want = fp.fingerprints(texts)
    fp._VOCABULARY.reset()
    assert any(len(w.shingles) for w in want)
    for g, w in zip(got, want, strict=True):
        assert g.shingles.tolist() == w.shingles.tolist()
        assert g.terms.tolist() == w.terms.tolist()
        assert g.counts.tolist() == w.counts.tolist()


def test_the_end_marks_a_batch_finds_give_each_text_its_regex_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[list[tuple[int, int]], list[tuple[int, int]]]] = []
    pieces = fp._pieces

    def checked(text: str, marks: list[int] | None = None) -> Iterator[tuple[int, int]]:
        assert marks is not None  # the batch's marks, not a scan of its own
        got = list(pieces(text, marks))
        seen.append((got, list(_reference_pieces(text))))
        return iter(got)

    monkeypatch.setattr(fp, "_pieces", checked)
    fp.fingerprints(TEXTS + TEXTS[::-1])
    assert len(seen) == 2 * len(TEXTS)
    for got, want in seen:
        assert got == want


def test_token_hashes_from_prefix_sums_are_the_per_token_sums() -> None:
    """A word's vocabulary key must not depend on where it stands (else the vocabulary misses, or worse)."""
    text = "\n".join(TEXTS * 2) + " sums sums 3.5 3.5 \U0001f600sums"
    cp = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    starts, ends, h = fp._tokens(cp)
    ref = _reference_tokens(cp)
    assert starts.tolist() == ref[0].tolist() and ends.tolist() == ref[1].tolist()
    assert h.tolist() == ref[2].tolist()
    words = [text[a:b] for a, b in zip(starts.tolist(), ends.tolist(), strict=True)]
    assert len(set(h.tolist())) == len(set(words))
