"""Review rev23r2 of the tr23 trace work: a hand-built Article's date in any format the README says is read
leniently, weights of any real-number type, the sources listed past ``top``, and two briefs quoting one
statement."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from storytrace.article import Article
from storytrace.cli import _render_trace
from storytrace.comparison import compare
from storytrace.settings import DEFAULT_SETTINGS
from storytrace.trace import (
    HELD_BACK_COVERAGE,
    HELD_BACK_UNQUOTED,
    _held_back_close,
    _unquoted_verbatim,
    check_weights,
)
from test_tr23_review_r import STATEMENT, STATEMENT_BRIEF

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
LEXICAL = DEFAULT_SETTINGS.with_(use_embeddings=False)
ORIGINAL = (EXAMPLES / "original.txt").read_text(encoding="utf-8")
REWRITE = (EXAMPLES / "rewrite.txt").read_text(encoding="utf-8")


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("published", ["2025-08-01", "Fri, 01 Aug 2025 09:00:00 GMT", "August 1, 2025"])
def test_a_hand_built_date_in_any_format_still_finds_no_earlier_source(make_index: Any, published: str) -> None:
    """The later copy is "later" by the parsed dates, not by the first ten characters of the string."""
    index = make_index(Article(text=REWRITE, id="rewrite", published="2025-08-09"))
    result = index.trace(Article(text=ORIGINAL, id="wire", published=published), settings=LEXICAL, top=3)
    assert [(m.id, m.direction) for m in result.held_back_matches] == [("rewrite", "reversed")]
    text = _flat(_render_trace(result, to_file=True))
    assert "no earlier source found in the index" in text
    assert "1 later article in the index matches this one: rewrite (2025-08-09)" in text


@pytest.mark.parametrize("weight", [Fraction(1, 2), Decimal("1"), np.float32(1.0), 3])
def test_weights_of_any_real_number_type_rank_as_the_float(make_index: Any, weight: Any) -> None:
    """A Fraction crashed fuse's float arithmetic and a Decimal was refused: both are read as the float."""
    index = make_index(Article(text=ORIGINAL, id="wire", published="2025-08-01"))
    suspect = Article(text=REWRITE, id="s", published="2025-08-09")
    typed = index.trace(suspect, settings=LEXICAL, top=3, weights={"bm25": weight})
    floats = index.trace(suspect, settings=LEXICAL, top=3, weights={"bm25": 1.0})
    assert typed.source == "wire"
    assert [(c.id, c.score) for c in typed.candidates] == [(c.id, c.score) for c in floats.candidates]


def test_check_weights_returns_floats_and_refuses_a_fraction_too_large_for_one() -> None:
    assert check_weights({"bm25": Fraction(1, 2), "lexical": Decimal("0.25")}) == {"bm25": 0.5, "lexical": 0.25}
    assert all(type(w) is float for w in check_weights({"bm25": np.float32(2.0), "terms": 1}).values())
    with pytest.raises(ValueError, match="weights must be finite and 0 or more: bm25"):
        check_weights({"bm25": Fraction(10**400)})
    with pytest.raises(ValueError, match="weights must be numbers: bm25"):
        check_weights({"bm25": complex(1, 0)})


def test_dense_is_dropped_on_a_lexical_only_index(make_index: Any) -> None:
    """The dense channel of a lexical-only index is all zeros: weighted, it only shrank every score."""
    assert check_weights({"bm25": 1.0, "dense": 5.0}, lexical_only=True) == {"bm25": 1.0}
    assert check_weights({"bm25": 1.0, "dense": 5.0}) == {"bm25": 1.0, "dense": 5.0}
    index = make_index(Article(text=ORIGINAL, id="wire", published="2025-08-01"))
    suspect = Article(text=REWRITE, id="s", published="2025-08-09")
    with_dense = index.trace(suspect, settings=LEXICAL, top=3, weights={"bm25": 1.0, "dense": 5.0})
    without = index.trace(suspect, settings=LEXICAL, top=3, weights={"bm25": 1.0})
    assert [(c.id, c.score) for c in with_dense.candidates] == [(c.id, c.score) for c in without.candidates]
    assert with_dense.candidates[0].score == 1.0


def test_past_top_the_reprints_of_a_listed_source_are_not_listed(make_index: Any) -> None:
    """A wire story reprinted by 12 outlets, traced with ``top`` 2 and ``shortlist`` 15: two rows, not twelve."""
    reprints = [
        Article(
            text=f"Outlet {i} edition\n\n{ORIGINAL}\n\nThis story was republished by outlet number {i} under licence.",
            id=f"outlet{i}",
            published=f"2025-07-{10 + i:02d}",
        )
        for i in range(12)
    ]
    index = make_index(*reprints)
    suspect = Article(text=REWRITE, id="s", published="2025-08-01")
    result = index.trace(suspect, settings=LEXICAL, top=2, shortlist=15)
    assert result.source == "outlet0"
    assert [(c.id, c.version_of) for c in result.candidates] == [("outlet0", None), ("outlet2", "outlet0")]
    assert not result.stitched


#: another outlet's short brief quoting the same statement in full, in its own lead
OTHER_STATEMENT_BRIEF = (
    "Pedestrian in hospital after Mill Lane crash; van driver bailed\n\n"
    "A 34-year-old pedestrian is in hospital after being struck by a van on Mill Lane late on Saturday, and the "
    "driver has been bailed.\n\nOfficers appealed for dashcam footage. A spokesperson for Harwick Police "
    "said: \u201c" + STATEMENT + "\u201d"
)


def test_two_briefs_quoting_one_statement_name_neither_a_later_copy(make_index: Any) -> None:
    """Each keeps 72% of the other by the quotation alone (the coverage path), 2% of its words copied outside it."""
    report = compare(OTHER_STATEMENT_BRIEF, STATEMENT_BRIEF, settings=LEXICAL)
    assert report.scores.coverage >= HELD_BACK_COVERAGE and _unquoted_verbatim(report) < HELD_BACK_UNQUOTED
    assert not _held_back_close(report)
    index = make_index(Article(text=OTHER_STATEMENT_BRIEF, id="gazette-brief", published="2025-08-11"))
    result = index.trace(Article(text=STATEMENT_BRIEF, id="courier-brief", published="2025-08-10"), settings=LEXICAL)
    assert result.source is None and result.held_back_matches == ()
    assert "no earlier source" not in _flat(_render_trace(result, to_file=True))


def test_a_brief_rewording_the_statement_unquoted_is_still_a_later_copy(make_index: Any) -> None:
    """The same statement copied as the brief's own words, not quoted: the coverage path still names it."""
    unquoted = OTHER_STATEMENT_BRIEF.replace("said: \u201c", "said. ").rstrip("\u201d")
    report = compare(unquoted, STATEMENT_BRIEF.replace("said: \u201c", "said. ").rstrip("\u201d"), settings=LEXICAL)
    assert _held_back_close(report)
