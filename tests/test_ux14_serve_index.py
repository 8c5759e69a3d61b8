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
