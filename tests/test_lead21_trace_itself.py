"""A crawl or archive often holds the suspect itself under another id. trace named that copy the source (same
text: "derived", reuse 100%) and listed the real original only as "a version of" it (qa21); an independent
report traced against an index holding it was "derived 96%" from itself. The suspect's own copy is left out of
the candidates, as its own id is, and the trace says so; another outlet's copy, or an earlier one, is a verbatim
republication the suspect may come from and stays a candidate."""

from __future__ import annotations

from pathlib import Path

from storytrace.article import Article
from storytrace.cli import _render_trace
from storytrace.index import Index
from storytrace.report.summary import trace_indexed_as_note
from storytrace.settings import DEFAULT_SETTINGS

LEXICAL = DEFAULT_SETTINGS.with_(use_embeddings=False)
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ORIGINAL = (EXAMPLES / "original.txt").read_text(encoding="utf-8")
REWRITE = (EXAMPLES / "rewrite.txt").read_text(encoding="utf-8")


def _index(path: Path) -> Index:
    index = Index(path, lexical_only=True)
    index.add(
        [
            Article(text=ORIGINAL, id="wire", outlet="Wire", published="2024-05-01"),
            Article(text=REWRITE, id="blog", outlet="HypeBlog", published="2024-05-02"),
        ]
    )
    return index


def test_the_suspects_own_copy_is_no_source_and_the_original_is(tmp_path: Path) -> None:
    suspect = Article(text=REWRITE, id="blog-copy", outlet="HypeBlog", published="2024-05-02")
    with _index(tmp_path / "i.db") as index:
        result = index.trace(suspect, top=3, settings=LEXICAL)
    assert result.source == "wire"
    assert result.indexed_as == ("blog",)
    by_id = {c.id: c for c in result.candidates}
    # listed and marked (a page's outlet can be copied with its text), never a source nor a version of one
    assert by_id["blog"].suspect_itself and not by_id["blog"].qualifies and by_id["blog"].contributed == ()
    assert by_id["wire"].version_of is None and not by_id["wire"].suspect_itself
    d = result.to_dict()
    assert d["indexed_as"] == ["blog"]
    assert {c["id"]: c["suspect_itself"] for c in d["candidates"]} == {"wire": False, "blog": True}
    note = trace_indexed_as_note(result)
    assert note is not None and "blog" in note
    text = " ".join(_render_trace(result, to_file=True).split())
    assert "source found: wire" in text and "the suspect itself" in text


def test_another_outlets_identical_copy_stays_a_candidate(tmp_path: Path) -> None:
    # a verbatim republication by another outlet is what a rights team is looking for
    suspect = Article(text=REWRITE, id="reposted", outlet="Aggregator", published="2024-05-03")
    with _index(tmp_path / "i.db") as index:
        result = index.trace(suspect, top=3, settings=LEXICAL)
    assert result.indexed_as == ()
    assert "blog" in [c.id for c in result.candidates]
    assert trace_indexed_as_note(result) is None


def test_an_earlier_copy_of_the_same_outlet_stays_a_candidate(tmp_path: Path) -> None:
    suspect = Article(text=REWRITE, id="blog-again", outlet="HypeBlog", published="2024-05-09")
    with _index(tmp_path / "i.db") as index:
        result = index.trace(suspect, top=3, settings=LEXICAL)
    assert result.indexed_as == ()
    assert "blog" in [c.id for c in result.candidates]


def test_a_text_with_no_outlet_held_word_for_word_is_a_copy_of_it(tmp_path: Path) -> None:
    # a pasted text names no publication: the indexed article with its words is its source, as before
    with _index(tmp_path / "i.db") as index:
        result = index.trace(Article(text=REWRITE, id="pasted"), top=3, settings=LEXICAL)
    assert result.indexed_as == ()
    assert "blog" in [c.id for c in result.candidates if c.qualifies]


def test_a_text_with_its_headline_line_is_the_indexed_record(tmp_path: Path) -> None:
    # the record keeps its headline apart; a text (a page read as text, a feed's body) gives it as its first line
    title, _, body = REWRITE.strip().partition("\n")
    with Index(tmp_path / "i.db", lexical_only=True) as index:
        index.add(
            [
                Article(text=ORIGINAL, id="wire", outlet="Wire", published="2024-05-01"),
                Article(text=body, title=title, id="blog", outlet="HypeBlog", published="2024-05-02"),
            ]
        )
        suspect = Article(text=f"{title}\n\n{body}", id="feed-item", outlet="HypeBlog", published="2024-05-02")
        result = index.trace(suspect, top=3, settings=LEXICAL)
    assert result.indexed_as == ("blog",)
    assert result.source == "wire"


def test_a_partner_page_keeping_the_originals_canonical_url_still_traces_to_it(tmp_path: Path) -> None:
    # syndication partners point their canonical link at the original: the URL says nothing of which is which
    url = "https://wire.example/seawall"
    with Index(tmp_path / "i.db", lexical_only=True) as index:
        index.add([Article(text=ORIGINAL, id="wire", url=url, outlet="Wire", published="2024-05-01")])
        partner = Article(text=ORIGINAL, id="partner", url=url, outlet="Partner News", published="2024-05-01")
        result = index.trace(partner, top=3, settings=LEXICAL)
    assert result.indexed_as == ()
    assert result.source == "wire"


def test_an_undated_copy_of_the_same_outlet_is_the_suspect_itself(tmp_path: Path) -> None:
    with Index(tmp_path / "i.db", lexical_only=True) as index:
        index.add(
            [Article(text=ORIGINAL, id="wire", outlet="Wire"), Article(text=REWRITE, id="blog", outlet="HypeBlog")]
        )
        result = index.trace(Article(text=REWRITE, id="crawl-7", outlet="hypeblog"), top=3, settings=LEXICAL)
    assert result.indexed_as == ("blog",)
    assert result.source == "wire"
