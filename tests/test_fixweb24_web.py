"""fixweb24: the web app's trace table, file pickers and API errors (qa24 P8, P10, P11).

- The trace table's "high and medium findings" column lists every type: it kept the 4 commonest and dropped the
  rest (a medium hedge change) without a word.
- The forms' file pickers offer .json and .jsonl, which the forms read (docs/api.md).
- ``top`` and ``before`` are refused in one wording each: ``"top": true`` was traced as 1, 0 and 21 were told in
  two wordings, and a bad ``before`` got pydantic's "input is too short".

A real index, the real app (FastAPI's TestClient), lexical comparisons.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed")
pytest.importorskip("httpx", reason="httpx (FastAPI's TestClient) is not installed")

from fastapi.testclient import TestClient

from storytrace.article import Article
from storytrace.index import Index
from storytrace.settings import DEFAULT_SETTINGS
from storytrace.web import create_app
from storytrace.web.pages import trace_page
from web_helpers import build_index

ROOT = Path(__file__).resolve().parents[1]
REWRITE = (ROOT / "examples" / "rewrite.txt").read_text(encoding="utf-8")
TOP_RULE = "top: a whole number from 1 to 20"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_index(tmp_path_factory.mktemp("fixweb24") / "news.db")


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(
        create_app(db=str(db), warm=False, use_embeddings=False, timeout=600), raise_server_exceptions=False
    ) as c:
        yield c


def _page_error(html: str) -> str:
    m = re.search(r'<div class="error" role="alert"><strong>Error:</strong> (.*?)</div>', html)
    assert m, html[:500]
    return m.group(1)


def test_the_trace_table_lists_every_high_and_medium_finding_type(db: Path) -> None:
    with Index(db) as index:
        result = index.trace(
            Article(text=REWRITE, id="suspect"), top=2, settings=DEFAULT_SETTINGS.with_(use_embeddings=False)
        )
    source = next(c for c in result.candidates if c.id == result.source)
    assert source.report is not None
    types = {f.type for f in source.report.findings if f.severity in ("high", "medium")}
    assert len(types) > 4, types  # more than the 4 the column kept
    page = trace_page(result, text=REWRITE, title="", input_format="text")
    row = next(r for r in page.split("<tr")[1:] if f'<span class="cid">{result.source}</span>' in r)
    cells = re.findall(r"<td>(.*?)</td>", row, re.S)
    shown = {t.split(" ")[0] for t in cells[-2].split(", ")}
    assert shown == {t.split("_")[0] for t in types}, cells[-2]
    for t in types:
        assert t.replace("_", " ") in cells[-2]


def test_the_file_pickers_offer_json_and_jsonl(client: TestClient) -> None:
    home = client.get("/").text
    accepts = re.findall(r'type="file"[^>]*accept="([^"]*)"', home)
    assert len(accepts) == 3  # the compare form's two, the trace form's one
    for accept in accepts:
        offered = accept.split(",")
        assert {".json", ".jsonl", ".txt", ".html", ".gz"} <= set(offered)


def test_a_json_upload_through_the_picker_is_traced(client: TestClient) -> None:
    record = json.dumps({"text": REWRITE, "title": "Seawall rewrite", "published": "2024-03-20"}).encode()
    page = client.post("/ui/trace", files={"file": ("s.jsonl", record + b"\n")}, data={"top": "2"}).text
    assert "Source found" in page and "Trace: Seawall rewrite" in page


@pytest.mark.parametrize("top", [True, False, 0, 21, 500, -1, 2.5, "x", None])
def test_the_api_refuses_a_top_that_is_no_count_in_one_wording(client: TestClient, top: object) -> None:
    r = client.post("/trace", json={"text": REWRITE, "top": top})
    assert r.status_code == 422, r.text
    assert r.json() == {"error": TOP_RULE}


@pytest.mark.parametrize("top", ["0", "21", "abc", "1.5", "true"])
def test_the_form_refuses_a_bad_top_in_the_apis_words(client: TestClient, top: str) -> None:
    r = client.post("/ui/trace", data={"text": REWRITE, "top": top})
    assert r.status_code == 400
    assert _page_error(r.text) == TOP_RULE


def test_a_top_in_range_is_still_taken(client: TestClient) -> None:
    r = client.post("/trace", json={"text": REWRITE, "top": 2})
    assert r.status_code == 200 and r.json()["source"] == "original"


@pytest.mark.parametrize(
    ("before", "error"),
    [
        ("yesterday", "before: 'yesterday' is not a date like 2024-03-14"),
        ("2024-13-01", "before: '2024-13-01' is not a date like 2024-03-14"),
        (["2024-03-14"], 'before: ["2024-03-14"] is not a date like 2024-03-14'),
    ],
)
def test_the_api_says_plainly_what_a_bad_before_is(client: TestClient, before: object, error: str) -> None:
    r = client.post("/trace", json={"text": REWRITE, "before": before})
    assert r.status_code == 422
    assert r.json() == {"error": error}
    assert "too short" not in r.text and "Input should be" not in r.text


def test_a_good_before_still_bounds_the_sources(client: TestClient) -> None:
    r = client.post("/trace", json={"text": REWRITE, "before": "2024-03-01", "top": 2})
    assert r.status_code == 200 and r.json()["source"] is None and r.json()["before"] == "2024-03-01"
