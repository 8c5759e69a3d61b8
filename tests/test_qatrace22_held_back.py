"""qa22 issue 4: a trace whose true original was published after the date bound said "no source found" above
unrelated stories, hiding the close match the bound left out; and its retrieval column read as a similarity
(an unrelated business story at "0.92").

Now a trace without a source names the held-back articles compare relates to the suspect
(``held_back_matches``: terminal, JSON, HTML, web), and every candidate table says the retrieval score is
relative to the trace's best candidate. A real lexical index on the example texts; compare decides.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from storytrace.article import Article
from storytrace.cli import _render_trace
from storytrace.index import Index
from storytrace.report.html import trace_to_html
from storytrace.report.summary import RETRIEVAL_NOTE
from storytrace.settings import DEFAULT_SETTINGS
from storytrace.trace import TraceResult, trace

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
LEXICAL = DEFAULT_SETTINGS.with_(use_embeddings=False)
#: an article id is untrusted text: the held-back note must escape it in HTML
WIRE = "wire<b>x</b>"
OTHER = (
    "The town council of Port Calloway voted on Monday to close two libraries to save $2 million a year. "
    "Librarians said the decision would hurt children most. The closures take effect in June."
)


def _text(name: str) -> str:
    return (EXAMPLES / name).read_text(encoding="utf-8")


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def index(tmp_path: Path) -> Iterator[Index]:
    """The original published after the suspect; an independent report of the same event, also later; two
    unrelated stories, earlier."""
    index = Index(tmp_path / "news.db", lexical_only=True)
    index.add(
        [
            Article(text=_text("original.txt"), id=WIRE, title="Seawall", published="2025-08-09"),
            Article(text=_text("independent.txt"), id="independent", published="2025-08-12"),
            Article(text=_text("unrelated.txt"), id="unrelated", published="2025-07-01"),
            Article(text=OTHER, id="council", published="2025-07-02"),
        ]
    )
    yield index
    index.close()


def _trace(index: Index, name: str, before: date | None = None, published: str = "2025-08-01") -> TraceResult:
    suspect = Article(text=_text(name), id="suspect", published=published)
    return index.trace(suspect, settings=LEXICAL, top=3, before=before)


def test_the_original_left_out_by_the_date_bound_is_named(index: Index) -> None:
    result = _trace(index, "rewrite.txt")
    assert result.source is None and result.held_back == 2
    assert [m.id for m in result.held_back_matches] == [WIRE]
    match = result.held_back_matches[0]
    assert match.relation in ("derived", "partially_derived") and match.published == "2025-08-09"
    # the independent report of the same event, held back too, is no close match: not named. By the dates the
    # match copies the suspect (tr23: said as news, not a warning), or a date is wrong: both said alike.
    note = f"1 later article in the index matches this one: {WIRE} (2025-08-09) (published after 2025-08-01)"
    text = _flat(_render_trace(result, to_file=True))
    assert "no earlier source found in the index" in text
    assert note in text and "or a date is wrong and it is its source" in text
    assert "either it copies this one, both take it from a common source (a statement, a wire)" in text
    assert "independent (" not in text
    # JSON: a field added to storytrace.trace/1, round-tripping through json
    d = json.loads(json.dumps(result.to_dict()))
    assert d["schema"] == "storytrace.trace/1"
    assert [m["id"] for m in d["held_back_matches"]] == [WIRE]
    assert set(d["held_back_matches"][0]) == {"id", "published", "title", "relation", "direction", "reuse"}
    page = trace_to_html(result)
    assert "1 later article in the index matches this one" in page
    assert "wire&lt;b&gt;x&lt;/b&gt; (2025-08-09)" in page and WIRE not in page


def test_with_a_source_found_nothing_is_said_of_held_back_articles(index: Index) -> None:
    """Dated after the original, the suspect has its source; the independent report is held back, unnamed."""
    result = _trace(index, "rewrite.txt", published="2025-08-10")
    assert result.source == WIRE and result.held_back == 1
    assert result.held_back_matches == () and result.to_dict()["held_back_matches"] == []
    assert "closely matching" not in _flat(_render_trace(result, to_file=True))


def test_a_later_bound_lists_the_match_as_a_candidate_reversed_by_the_dates(index: Index) -> None:
    """What the note says: past the bound, the dates make the held-back original the suspect's copy."""
    result = _trace(index, "rewrite.txt", before=date(2025, 8, 31))
    assert result.held_back == 0 and result.held_back_matches == ()
    wire = next(c for c in result.candidates if c.id == WIRE)
    assert wire.report is not None and wire.report.verdict.direction == "reversed" and not wire.qualifies


def test_under_a_bound_older_than_the_suspect_a_later_bound_is_suggested(index: Index) -> None:
    """A --before older than the suspect left out its real source (dated before the suspect, "as given"): the note
    says a later bound would consider it, not that it was taken from the suspect."""
    result = _trace(index, "rewrite.txt", before=date(2025, 8, 1), published="2025-08-10")
    assert result.source is None and [m.id for m in result.held_back_matches] == [WIRE]
    assert result.held_back_matches[0].direction == "as_given"
    text = _flat(_render_trace(result, to_file=True))
    assert f"{WIRE} (2025-08-09); a later --before would consider it" in text
    assert "taken from the suspect" not in text


def test_held_back_articles_unlike_the_suspect_are_not_named(index: Index) -> None:
    """A suspect about something else: the later articles are held back, but compare relates none to it."""
    suspect = Article(text=OTHER + " The mayor said a referendum was possible.", id="s2", published="2025-07-05")
    result = index.trace(suspect, settings=LEXICAL, top=3)
    assert result.held_back == 2 and result.held_back_matches == ()
    assert "closely matching" not in _flat(_render_trace(result, to_file=True))


def test_retrieval_only_compares_nothing_held_back(index: Index) -> None:
    suspect = Article(text=_text("rewrite.txt"), id="suspect", published="2025-08-01")
    result = trace(index, suspect, settings=LEXICAL, top=3, shortlist=0)  # eval_trace's retrieval pass
    assert result.held_back_matches == ()


def test_the_retrieval_score_is_labelled_relative(index: Index) -> None:
    """Nothing indexed before the bound is like the suspect, yet its best candidate scores near 1: the score is
    relative to the trace's best, and every candidate table says so."""
    result = _trace(index, "rewrite.txt")
    best = result.candidates[0]
    assert best.report is not None and best.report.verdict.relation == "unrelated"
    assert best.score > 0.8  # what the label is for: the first row of any trace scores near 1
    assert _flat(RETRIEVAL_NOTE) in _flat(_render_trace(result, to_file=True))
    assert RETRIEVAL_NOTE.replace("'", "&#x27;") in trace_to_html(result)


def test_the_web_trace_page_names_held_back_matches_and_labels_the_score(index: Index) -> None:
    pytest.importorskip("fastapi", reason="the web extra is not installed")
    from storytrace.web.pages import trace_page

    result = _trace(index, "rewrite.txt")
    page = trace_page(result, text=_text("rewrite.txt"), title="", input_format="text", published="2025-08-01")
    assert "No earlier source found in the index" in page
    assert "1 later article in the index matches this one" in page
    assert "wire&lt;b&gt;x&lt;/b&gt; (2025-08-09)" in page and WIRE not in page
    assert RETRIEVAL_NOTE.replace("'", "&#x27;") in page


def test_a_short_blurb_names_no_later_story_as_its_copy(index: Index) -> None:
    """rev22t: a two-line blurb "explains" a sentence or two of every later report of its event while keeping 2-3%
    of them; it is no version of an independent report (a quarter of its words at most), so that is not named.
    Its words are the wire's headline and lead (reuse 1.00): the wire is named, a version of it (tr23, rev23old)."""
    blurb = Article(
        text="Port Calloway seawall vote. State lawmakers have approved a $1.2 billion plan to rebuild the seawall.",
        id="blurb",
        published="2025-08-01",
    )
    result = index.trace(blurb, settings=LEXICAL, top=3)
    assert result.source is None and result.held_back == 2
    assert [(m.id, m.relation) for m in result.held_back_matches] == [(WIRE, "derived")]
    text = _flat(_render_trace(result, to_file=True))
    assert f"1 later article in the index matches this one: {WIRE} (2025-08-09)" in text
    assert "independent (" not in text
