"""Review of ux20 (rev20u): tiny texts that share two words are still judged (a changed figure, a reversal); the
one-candidate "undated" note says "no"; a lazily loaded server is ready once its first job ends."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from storytrace.article import Article
from storytrace.comparison import compare
from storytrace.index import Index
from storytrace.report.summary import trace_undated_note
from storytrace.settings import DEFAULT_SETTINGS

LEXICAL = DEFAULT_SETTINGS.with_(use_embeddings=False)


@pytest.mark.parametrize(
    ("original", "suspect", "finding"),
    [
        ("Three dead in blast", "Thirty dead in blast", "number_changed"),
        ("12 killed in Gaza", "120 killed in Gaza", "number_changed"),
        ("Minister denies bribe", "Minister admits bribe", "hedge_changed"),
    ],
)
def test_tiny_texts_sharing_two_words_are_judged(original: str, suspect: str, finding: str) -> None:
    report = compare(original, suspect, settings=LEXICAL)
    assert not report.too_short
    assert finding in {f.type for f in report.findings}


def test_tiny_texts_sharing_one_word_are_still_too_short() -> None:
    assert compare("The mayor spoke", "The mayor resigned", settings=LEXICAL).too_short


def test_one_undated_candidate_is_said_to_have_no_date(tmp_path: Path) -> None:
    index = Index(tmp_path / "one.db", lexical_only=True)
    text = (
        "The town council of Port Calloway voted on Monday to close two libraries to save $2 million a year. "
        "Librarians said the decision would hurt children most. The closures take effect in June."
    )
    index.add([Article(text=text, id="council")])
    other = (
        "Port Calloway's council will debate a new sports hall next spring. Residents asked for a pool. "
        "The mayor said no money had been set aside for it."
    )
    result = index.trace(Article(text=other, id="s"), settings=LEXICAL, top=1, before=date(2024, 3, 20))
    index.close()
    assert result.source is None and len(result.candidates) == 1
    note = trace_undated_note(result)
    assert note is not None and note.startswith("undated: the candidate listed has no publication date")


def test_a_lazy_server_is_ready_once_its_first_job_ends() -> None:
    pytest.importorskip("fastapi", reason="the web extra is not installed")
    from fastapi.testclient import TestClient

    from storytrace.web import create_app

    app = create_app(warm=False, workers=1, use_embeddings=False)
    with TestClient(app) as client:
        assert client.get("/health").json()["models"] == "not loaded"
        # names nobody: the NER model is never loaded, and /health said "loading" for good
        r = client.post(
            "/compare",
            json={
                "original": "The cat sat on the mat all day long in the warm afternoon sun.",
                "suspect": "Quarterly earnings beat forecasts across the whole sector this spring.",
            },
        )
        assert r.status_code == 200
        assert client.get("/health").json()["models"] == "ready"
