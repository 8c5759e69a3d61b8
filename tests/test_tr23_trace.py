"""tr23 (issue 4): the held-back check of a trace without a source.

- It compares no more held-back articles than the trace's shortlist, and ranks them with the trace's fusion
  weights (``index.trace(article, top=50, shortlist=5)`` compared up to 50, ranked by the default weights).
- ``weights`` a fusion cannot honour are refused in one line, and ``Index.trace`` takes ``shortlist`` and ``weights``.
- A suspect that is the original, copied later by articles in the index, is told "no earlier source found" and
  the copies are named as news, not as a warning; the JSON keeps its shape.

A real lexical index on the example texts; compare decides.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from storytrace.article import Article
from storytrace.cli import _render_trace
from storytrace.index import Index
from storytrace.report.html import trace_to_html
from storytrace.settings import DEFAULT_SETTINGS
from storytrace.trace import TraceResult, trace

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
LEXICAL = DEFAULT_SETTINGS.with_(use_embeddings=False)
ORIGINAL = (EXAMPLES / "original.txt").read_text(encoding="utf-8")
#: ids are untrusted text: the reports must escape them in HTML
COPIES = [f"copy<{k}>" for k in range(4)]


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def index(tmp_path: Path) -> Iterator[Index]:
    """Four later outlets' copies of the wire story (each with a line of its own), and two earlier unrelated ones."""
    index = Index(tmp_path / "news.db", lexical_only=True)
    index.add(
        [
            Article(
                text=f"{ORIGINAL}\n\nThis story was shared by partner outlet {k}.",
                id=cid,
                outlet=f"Outlet {k}",
                published=f"2025-08-1{k}",
            )
            for k, cid in enumerate(COPIES)
        ]
        + [
            Article(
                text=(EXAMPLES / "unrelated.txt").read_text(encoding="utf-8"), id="unrelated", published="2025-07-01"
            ),
            Article(
                text="The town council of Port Calloway voted on Monday to close two libraries to save $2 million a "
                "year. Librarians said the decision would hurt children most. The closures take effect in June.",
                id="council",
                published="2025-07-02",
            ),
        ]
    )
    yield index
    index.close()


def _wire(published: str = "2025-08-01") -> Article:
    return Article(text=ORIGINAL, id="wire", outlet="Coastline Wire", published=published)


def test_held_back_articles_checked_are_bounded_by_the_shortlist(index: Index) -> None:
    """Python API: top=50 listed the candidates, yet a shortlist of 2 compared 4 held-back articles (up to 50)."""
    every = index.trace(_wire(), settings=LEXICAL, top=50)
    assert every.source is None and len(every.held_back_matches) == 4
    bounded = index.trace(_wire(), settings=LEXICAL, top=50, shortlist=2)
    assert bounded.source is None and len(bounded.held_back_matches) == 2
    none = index.trace(_wire(), settings=LEXICAL, top=50, shortlist=0)
    assert none.held_back_matches == () and all(c.report is None for c in none.candidates)


def test_held_back_articles_are_ranked_with_the_trace_s_weights(index: Index) -> None:
    """A lexical-only index has no dense channel: ranked by it alone nothing would be a candidate, so such weights
    are refused (rev23r: a silent empty trace read as "nothing like it indexed"); a channel the index has, with
    the dense one's weight beside it, ranks the held-back articles too."""
    with pytest.raises(ValueError, match="only 'dense' a positive weight, but this index is lexical-only"):
        index.trace(_wire(), settings=LEXICAL, weights={"dense": 1.0})
    result = trace(index, _wire(), settings=LEXICAL, weights={"bm25": 1.0, "dense": 1.0})
    assert result.held_back_matches != ()


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        ({"bm52": 1.0}, "unknown channel in weights: 'bm52'"),
        ({"bm25": -1.0}, "weights must be finite and 0 or more: bm25"),
        ({"bm25": float("nan")}, "weights must be finite and 0 or more: bm25"),
        ({"bm25": 0.0, "lexical": 0.0}, "weights must give at least one channel a positive weight"),
    ],
)
def test_weights_a_fusion_cannot_honour_are_refused(index: Index, weights: dict[str, float], message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        index.trace(_wire(), settings=LEXICAL, weights=weights)


def test_a_negative_shortlist_is_refused(index: Index) -> None:
    with pytest.raises(ValueError, match="shortlist must be 0 or more"):
        trace(index, _wire(), settings=LEXICAL, shortlist=-1)


def _copied(index: Index) -> TraceResult:
    result = index.trace(_wire(), settings=LEXICAL, top=5)
    assert result.source is None and [m.id for m in result.held_back_matches] == COPIES  # earliest first
    assert all(m.direction == "reversed" for m in result.held_back_matches)
    return result


def test_the_original_copied_later_is_told_so_in_the_terminal(index: Index) -> None:
    text = _flat(_render_trace(_copied(index), to_file=True))
    assert "no earlier source found in the index" in text
    assert (
        "4 later articles in the index match this one: copy<0> (2025-08-10), copy<1> (2025-08-11), "
        "copy<2> (2025-08-12) and 1 more (published after 2025-08-01); either they copy this one, all take it from "
        "a common source (a statement, a wire), or a date is wrong and the earliest is its source"
    ) in text
    # not the warning a hidden original gets, nor "no source found", which read as "nothing like it indexed"
    assert "closely matching" not in text and "no source found" not in text


def test_the_original_copied_later_is_told_so_in_html_and_json(index: Index) -> None:
    result = _copied(index)
    page = trace_to_html(result)
    assert "No earlier source found in the index" in page
    assert "4 later articles in the index match this one: copy&lt;0&gt; (2025-08-10)" in page
    assert "copy<0>" not in page and "closely matching" not in page
    # JSON: the shape of storytrace.trace/1 is unchanged
    d = json.loads(json.dumps(result.to_dict()))
    assert d["schema"] == "storytrace.trace/1" and d["source"] is None
    assert [set(m) for m in d["held_back_matches"]] == [
        {"id", "published", "title", "relation", "direction", "reuse"}
    ] * 4


def test_the_original_copied_later_is_told_so_on_the_web_page(index: Index) -> None:
    pytest.importorskip("fastapi", reason="the web extra is not installed")
    from storytrace.web.pages import trace_page

    page = trace_page(_copied(index), text=ORIGINAL, title="", input_format="text", published="2025-08-01")
    assert "No earlier source found in the index" in page
    assert "4 later articles in the index match this one: copy&lt;0&gt; (2025-08-10)" in page
    assert "copy<0>" not in page and "closely matching" not in page


def test_one_later_copy_is_told_in_the_singular(index: Index) -> None:
    result = index.trace(_wire(), settings=LEXICAL, top=3, shortlist=1)
    text = _flat(_render_trace(result, to_file=True))
    (match,) = result.held_back_matches
    assert (
        f"1 later article in the index matches this one: {match.id} ({match.published}) (published after "
        "2025-08-01); either it copies this one, both take it from a common source (a statement, a wire), or a date "
        "is wrong and it is its source"
    ) in text


#: Traces in a fresh process (the sentence model is process-wide, and other tests load it): does the held-back check
#: of a trace without a source load the model?
_HELD_BACK_PROBE = """
import sys
from pathlib import Path
import storytrace.embed as embed
from storytrace.article import Article
from storytrace.index import Index

examples = Path(sys.argv[1])
original = (examples / "original.txt").read_text(encoding="utf-8")
later = (examples / sys.argv[3]).read_text(encoding="utf-8")
index = Index(Path(sys.argv[2]), lexical_only=True)
index.add([Article(text=later, id="later", outlet="Outlet", published="2025-08-10"),
           Article(text=(examples / "unrelated.txt").read_text(encoding="utf-8"), id="unrelated",
                   published="2025-07-01")])
result = index.trace(Article(text=original, id="wire", outlet="Coastline Wire", published="2025-08-01"))
loaded = embed._singleton is not None and embed._singleton._session is not None
print(result.source, [m.id for m in result.held_back_matches], loaded)
"""


def _held_back_probe(tmp_path: Path, later: str) -> str:
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-c", _HELD_BACK_PROBE, str(EXAMPLES), str(tmp_path / "news.db"), later],
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.strip()


def test_a_later_copy_is_found_without_loading_the_sentence_model(tmp_path: Path) -> None:
    """The lexical comparison already finds the copy: no sentence embeddings are made (+0.5 s, +140 MB)."""
    assert _held_back_probe(tmp_path, "original.txt") == "None ['later'] False"


def test_a_later_report_of_the_event_is_still_checked_with_sentence_embeddings(tmp_path: Path) -> None:
    """An independent report keeps too much of the suspect's wording to be ruled out lexically (a heavy rewrite
    can keep as little): embeddings decide, and find it no copy."""
    assert _held_back_probe(tmp_path, "independent.txt") == "None [] True"
