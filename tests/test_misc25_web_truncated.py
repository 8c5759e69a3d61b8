"""misc25: the web app tells its caller when a page was read only in part (over ``article.MAX_PAGE_ELEMENTS``
elements): the CLI said it on stderr, but the HTTP API and the browser were told nothing (the notice went to the
server's stderr). The JSON report's ``warnings``, the trace result's ``warnings`` and both HTML pages carry it.

A real index, the real app (FastAPI's TestClient), lexical comparisons.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed")
pytest.importorskip("httpx", reason="httpx (FastAPI's TestClient) is not installed")

from fastapi.testclient import TestClient

from storytrace.article import MAX_PAGE_ELEMENTS
from storytrace.web import create_app
from web_helpers import build_index

ROOT = Path(__file__).resolve().parents[1]
ORIGINAL = (ROOT / "examples" / "original.txt").read_text(encoding="utf-8")
REWRITE = (ROOT / "examples" / "rewrite.txt").read_text(encoding="utf-8")


def _page(story: str, tags: int) -> str:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in story.split("\n") if p.strip())
    cloud = "".join(f'<li><a href="/tag/{i}">tag {i}</a></li>' for i in range(tags // 2))
    return (
        "<html><head><title>Seawall rewrite</title></head><body><article>"
        f"{body}</article><aside><ul>{cloud}</ul></aside></body></html>"
    )


HUGE = _page(REWRITE, MAX_PAGE_ELEMENTS + 2_000)
NORMAL = _page(REWRITE, 200)
ORIGINAL_PAGE = _page(ORIGINAL, 100)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = build_index(tmp_path_factory.mktemp("misc25web") / "news.db")
    with TestClient(
        create_app(db=str(db), warm=False, use_embeddings=False, timeout=600), raise_server_exceptions=False
    ) as c:
        yield c


def _truncated(warnings: list[str]) -> list[str]:
    return [w for w in warnings if "page truncated" in w]


def test_the_compare_api_reports_a_truncated_page(client: TestClient) -> None:
    body = {"original": ORIGINAL_PAGE, "suspect": HUGE, "input_format": "html"}
    r = client.post("/compare", json=body)
    assert r.status_code == 200, r.text
    (notice,) = _truncated(r.json()["warnings"])
    assert notice.startswith("suspect: page truncated") and f"over the {MAX_PAGE_ELEMENTS:,} read" in notice
    page = client.post("/compare", json=body | {"format": "html"}).text
    assert '<p class="warn" role="note"><strong>Warning:</strong> suspect: page truncated' in page


def test_the_trace_api_and_page_report_a_truncated_page(client: TestClient) -> None:
    r = client.post("/trace", json={"text": HUGE, "input_format": "html", "top": 2})
    assert r.status_code == 200, r.text
    assert len(_truncated(r.json()["warnings"])) == 1
    page = client.post("/ui/trace", data={"text": HUGE, "input_format": "html", "top": "2"}).text
    assert "<strong>Warning:</strong> article: page truncated" in page
    page = client.post(
        "/ui/compare", data={"original_text": ORIGINAL_PAGE, "suspect_text": HUGE, "input_format": "html"}
    )
    assert "<strong>Warning:</strong> suspect: page truncated" in page.text


def test_a_page_read_whole_gets_no_notice(client: TestClient) -> None:
    r = client.post("/compare", json={"original": ORIGINAL_PAGE, "suspect": NORMAL, "input_format": "html"})
    assert r.status_code == 200 and _truncated(r.json()["warnings"]) == []
    r = client.post("/trace", json={"text": NORMAL, "input_format": "html", "top": 2})
    assert r.status_code == 200 and r.json()["warnings"] == []
