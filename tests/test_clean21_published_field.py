"""One rule picks the field a record's date is read from (``article.published_field``): the record reader and the
web forms, which name that field when the date cannot be read, both use it."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storytrace.article import PUBLISHED_ALIASES, article_from_record, published_field

ROOT = Path(__file__).resolve().parents[1]
ORIGINAL = (ROOT / "examples" / "original.txt").read_text(encoding="utf-8")
REWRITE = (ROOT / "examples" / "rewrite.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"published": "2024-03-14", "date": "2024-03-01"}, "published"),
        ({"published": None, "pubdate": "2024-03-14"}, "pubdate"),
        # the aliases' order decides, not the record's
        ({"date": "2024-03-01", "datePublished": "2024-03-14"}, "datePublished"),
        ({"date": "2024-03-01", "published_at": None}, "date"),
        ({}, "published"),
        ({"title": "Seawall"}, "published"),
    ],
)
def test_the_field_read_is_the_one_named(fields: dict[str, Any], field: str) -> None:
    assert published_field(fields) == field
    article = article_from_record({"text": REWRITE, **fields})
    assert article.published == fields.get(field)
    # the other aliases stay in meta, untouched
    assert field not in article.meta
    assert all(article.meta[k] == v for k, v in fields.items() if k != field and k in PUBLISHED_ALIASES)


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    pytest.importorskip("fastapi", reason="the web extra is not installed")
    pytest.importorskip("httpx", reason="httpx (FastAPI's TestClient) is not installed")
    from fastapi.testclient import TestClient

    from storytrace.web import create_app

    with TestClient(create_app(warm=False, use_embeddings=False, timeout=600), raise_server_exceptions=False) as c:
        yield c


def _compare(client: Any, suspect: dict[str, Any]) -> Any:
    files = {
        "original_file": ("o.json", json.dumps({"text": ORIGINAL, "date": "2024-03-14"}).encode()),
        "suspect_file": ("s.json", json.dumps({"text": REWRITE, **suspect}).encode()),
    }
    return client.post("/ui/compare", files=files)


def test_the_form_checks_the_date_the_reader_took_and_names_its_field(client: Any) -> None:
    r = _compare(client, {"date": "2024-03-20", "datePublished": "the day after"})
    assert r.status_code == 422
    m = re.search(r'<div class="error" role="alert"><strong>Error:</strong> (.*?)</div>', r.text)
    assert m and m.group(1).replace("&#x27;", "'").startswith("s.json: datePublished: 'the day after' is not a date")
    # an unreadable ``date`` beside a readable ``datePublished`` is metadata, not the date: no error
    assert _compare(client, {"datePublished": "2024-03-20", "date": "soon"}).status_code == 200
