"""ux20: an uploaded record's date is checked under every name the record reader takes it from.

The forms refused a record whose ``published`` could not be read (422) but took one whose ``datePublished`` or
``date`` could not be read, silently undated: the date the user gave no longer bounded the trace.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed")
pytest.importorskip("httpx", reason="httpx (FastAPI's TestClient) is not installed")

from fastapi.testclient import TestClient

from storytrace.web import create_app
from web_helpers import build_index

ROOT = Path(__file__).resolve().parents[1]
ORIGINAL = (ROOT / "examples" / "original.txt").read_text(encoding="utf-8")
REWRITE = (ROOT / "examples" / "rewrite.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = build_index(tmp_path_factory.mktemp("ux20-dates") / "news.db")  # the original: 2024-03-14
    with TestClient(
        create_app(db=str(db), warm=False, use_embeddings=False, timeout=600), raise_server_exceptions=False
    ) as c:
        yield c


def _error(html: str) -> str:
    m = re.search(r'<div class="error" role="alert"><strong>Error:</strong> (.*?)</div>', html)
    assert m, html[:500]
    return m.group(1).replace("&#x27;", "'")


def _record(**fields: Any) -> bytes:
    return json.dumps({"text": REWRITE, **fields}).encode("utf-8")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"datePublished": "last Tuesday"}, "s.json: datePublished: 'last Tuesday' is not a date"),
        ({"date": "soon"}, "s.json: date: 'soon' is not a date"),
        ({"published": None, "pubdate": "soon"}, "s.json: pubdate: 'soon' is not a date"),
        ({"date": 2024}, "s.json: date: '2024' is not a date"),
        ({"date": "04/05/2024"}, "s.json: date: '04/05/2024' reads two ways (day or month first)"),
    ],
)
def test_an_unreadable_alternative_date_is_refused_like_published(
    client: TestClient, fields: dict[str, Any], message: str
) -> None:
    r = client.post("/ui/trace", files={"file": ("s.json", _record(**fields))}, data={"top": "2"})
    assert r.status_code == 422, r.text[:300]
    assert _error(r.text).startswith(message)


def test_a_readable_alternative_date_bounds_the_trace_and_the_forms_date_still_wins(client: TestClient) -> None:
    page = client.post("/ui/trace", files={"file": ("s.json", _record(datePublished="2024-03-01"))}).text
    assert "Only sources published on or before 2024-03-01." in page and "No earlier source found" in page
    # the form's date replaces the record's, so the record's unreadable one is not the user's to fix
    r = client.post(
        "/ui/trace", files={"file": ("s.json", _record(date="soon"))}, data={"published": "2024-03-20", "top": "2"}
    )
    assert r.status_code == 200 and "Only sources published on or before 2024-03-20." in r.text


def test_the_compare_form_checks_both_records_alternative_dates(client: TestClient) -> None:
    r = client.post(
        "/ui/compare",
        files={
            "original_file": ("o.json", json.dumps({"text": ORIGINAL, "date": "2024-03-14"}).encode()),
            "suspect_file": ("s.json", _record(datePublished="the day after")),
        },
    )
    assert r.status_code == 422
    assert _error(r.text).startswith("s.json: datePublished: 'the day after' is not a date")
