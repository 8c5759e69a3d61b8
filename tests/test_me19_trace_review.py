"""Review of ux19 (rev19u): two words still single an article out, a headline's words count, text read as
boilerplate says so, a too-short HTML report claims no empty index, copies differing in spacing are identical,
and the web form reads a gzipped pretty-printed JSON record and refuses its unreadable date."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from storytrace.article import Article
from storytrace.index import Index
from storytrace.report.html import trace_to_html
from storytrace.settings import DEFAULT_SETTINGS

ROOT = Path(__file__).resolve().parents[1]
ORIGINAL = (ROOT / "examples" / "original.txt").read_text(encoding="utf-8")
LEXICAL = DEFAULT_SETTINGS.with_(use_embeddings=False)
OTHER = (
    "The city council of Brackwater voted on Monday to close two libraries to save $2 million a year. "
    "Librarians said the decision would hurt children most. The closures take effect in June."
)


@pytest.fixture
def index(tmp_path: Path) -> Iterator[Index]:
    ix = Index(tmp_path / "ix.db", lexical_only=True)
    ix.add(
        [
            Article(text=ORIGINAL, id="wire-a"),
            Article(text=ORIGINAL.replace("\n\n", "\n\n\n"), id="wire-b"),
            Article(text=OTHER, id="council"),
        ]
    )
    yield ix
    ix.close()


def test_two_words_are_traced_and_a_headline_counts(index: Index) -> None:
    assert not index.trace(Article(text="Harriet Okafor", id="s"), settings=LEXICAL, top=3).too_short
    one = index.trace(Article(text="Okafor", id="s"), settings=LEXICAL, top=3)
    assert one.too_short
    titled = index.trace(Article(text="Okafor", title="Seawall vote", id="s"), settings=LEXICAL, top=3)
    assert not titled.too_short


def test_a_too_short_html_report_says_nothing_of_an_empty_index(index: Index) -> None:
    page = trace_to_html(index.trace(Article(text="Okafor", id="s"), settings=LEXICAL, top=3))
    assert "too short to trace" in page and "holds no candidate" not in page


def test_copies_that_differ_in_spacing_only_are_identical(index: Index) -> None:
    result = index.trace(Article(text=ORIGINAL, id="s"), settings=LEXICAL, top=3)
    marks = {c.id: c.identical_to for c in result.candidates}
    assert marks["wire-a"] == ("wire-b",) and marks["wire-b"] == ("wire-a",)


def test_boilerplate_only_text_is_said_to_be_boilerplate(index: Index) -> None:
    result = index.trace(Article(text="Copyright 2024 Coastline Wire. All rights reserved.", id="s"), settings=LEXICAL)
    if result.too_short and result.suspect.sentences and not result.suspect.body:
        assert "boilerplate" in result.too_short_note()
    else:  # read as prose: traced or too short by its words, never "0 content words" of a text with words
        assert "0 content words" not in (result.too_short_note() if result.too_short else "")


fastapi = pytest.importorskip("fastapi", reason="the web extra is not installed")
pytest.importorskip("httpx", reason="httpx (FastAPI's TestClient) is not installed")


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from fastapi.testclient import TestClient

    from storytrace.web import create_app
    from web_helpers import build_index

    db = build_index(tmp_path_factory.mktemp("me19-json") / "news.db")
    with TestClient(
        create_app(db=str(db), warm=False, use_embeddings=False, timeout=600), raise_server_exceptions=False
    ) as c:
        yield c


def test_a_gzipped_pretty_printed_record_is_one_record(client: object) -> None:
    body = gzip.compress(json.dumps({"text": ORIGINAL, "title": "Seawall"}, indent=2).encode("utf-8"))
    page = client.post("/ui/trace", files={"file": ("x.json.gz", body)}, data={"top": "2"}).text  # type: ignore[attr-defined]
    assert "records (JSON Lines)" not in page and "Trace: Seawall" in page


def test_an_unreadable_date_in_an_uploaded_record_is_refused(client: object) -> None:
    body = json.dumps({"text": ORIGINAL, "published": "sometime last week"}).encode("utf-8")
    response = client.post("/ui/trace", files={"file": ("x.json", body)}, data={"top": "2"})  # type: ignore[attr-defined]
    assert response.status_code == 422 and "is not a date" in response.text
