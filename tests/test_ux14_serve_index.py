"""ux14 review: the web app traces against the index as `index add` and `index remove` change it meanwhile."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed")
pytest.importorskip("httpx", reason="httpx (FastAPI's TestClient) is not installed")

from fastapi.testclient import TestClient

from storytrace.article import Article
from storytrace.index import Index
from storytrace.web import create_app
from web_helpers import DISTRACTORS, EXAMPLES

ORIGINAL = (EXAMPLES / "original.txt").read_text(encoding="utf-8")


def test_serve_finds_an_article_added_to_its_index_while_it_runs(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    with Index(path) as index:
        index.add([Article(text=t, id=f"other-{k}") for k, t in enumerate(DISTRACTORS)])
    with TestClient(create_app(db=str(path), warm=False, use_embeddings=False), raise_server_exceptions=False) as c:
        first = c.post("/trace", json={"text": ORIGINAL, "top": 2}).json()
        assert first["source"] is None
        with Index(path) as writer:  # `storytrace index add` from another shell
            writer.add([Article(text=ORIGINAL, id="original", published="2024-03-14")])
        second = c.post("/trace", json={"text": ORIGINAL, "top": 2}).json()
        assert second["source"] == "original"
        assert c.get("/health").json()["index"]["articles"] == len(DISTRACTORS) + 1


def test_the_trace_form_takes_a_date_sources_must_not_postdate(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    with Index(path) as index:
        index.add([Article(text=ORIGINAL, id="original", published="2024-03-14")])
        index.add([Article(text=t, id=f"other-{k}") for k, t in enumerate(DISTRACTORS)])
    with TestClient(create_app(db=str(path), warm=False, use_embeddings=False), raise_server_exceptions=False) as c:
        assert 'name="before"' in c.get("/").text
        found = c.post("/ui/trace", data={"text": ORIGINAL, "top": "2"})
        assert found.status_code == 200 and "Source found" in found.text
        early = c.post("/ui/trace", data={"text": ORIGINAL, "top": "2", "before": "2024-01-01"})
        assert early.status_code == 200
        assert "No source found" in early.text and "published on or before 2024-01-01" in early.text
        bad = c.post("/ui/trace", data={"text": ORIGINAL, "top": "2", "before": "last week"})
        assert bad.status_code == 400 and "&#x27;last week&#x27; is not a date" in bad.text
        assert "last week" in bad.text.split('name="before"')[1][:40]  # the form keeps what was typed
