"""The web form takes a gzipped upload as the command line does (page.html.gz), within the same request limit."""

from __future__ import annotations

import gzip
from collections.abc import Iterator

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed")
pytest.importorskip("httpx", reason="httpx (FastAPI's TestClient) is not installed")

from fastapi.testclient import TestClient

from storytrace.web import create_app

LIMIT = 200_000


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(warm=False, use_embeddings=False, max_request_bytes=LIMIT)) as c:
        yield c


def _page(title: str, text: str) -> bytes:
    return f"<html><head><title>{title}</title></head><body><article><p>{text}</p></article></body></html>".encode()


def test_a_gzipped_html_upload_is_read_as_the_page_it_holds(client: TestClient, examples: dict[str, str]) -> None:
    files = {
        "original_file": (
            "original.html.gz",
            gzip.compress(_page("Quay works", examples["original"])),
            "application/gzip",
        ),
        "suspect_file": ("rewrite.txt.gz", gzip.compress(examples["rewrite"].encode()), "application/gzip"),
    }
    r = client.post("/ui/compare", files=files)
    assert r.status_code == 200, r.text
    assert "original.html.gz" in r.text and "rewrite.txt.gz" in r.text
    assert "&lt;article&gt;" not in r.text and "&lt;p&gt;" not in r.text  # the page's main text, not its markup
    assert 'accept=".txt,.text,.md,.html,.htm,.gz' in client.get("/").text


def test_a_gzip_bomb_is_refused_with_413_and_one_line(client: TestClient, examples: dict[str, str]) -> None:
    bomb = gzip.compress(b"<p>" + b"a" * 50_000_000 + b"</p>")  # 50 MB in about 50 KB
    assert len(bomb) < LIMIT
    files = {"original_file": ("bomb.html.gz", bomb, "application/gzip")}
    r = client.post("/ui/compare", files=files, data={"suspect_text": examples["rewrite"]})
    assert r.status_code == 413
    assert "bomb.html.gz: decompressed, the file is over the 200.0 KB limit" in r.text


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (gzip.compress(b"<p>a page cut short in transit, with its end lost</p>" * 40)[:-30], "truncated"),
        (b"\x1f\x8b" + b"not gzip at all" * 10, "not a valid gzip file"),
    ],
    ids=["truncated", "not-gzip"],
)
def test_a_damaged_gzip_upload_is_a_clear_400(
    client: TestClient, examples: dict[str, str], data: bytes, said: str
) -> None:
    files = {"original_file": ("page.html.gz", data, "application/gzip")}
    r = client.post("/ui/compare", files=files, data={"suspect_text": examples["rewrite"]})
    assert r.status_code == 400 and 'role="alert"' in r.text
    assert "page.html.gz: " in r.text and said in r.text


def test_a_date_that_reads_two_ways_is_refused_with_the_reason(client: TestClient, examples: dict[str, str]) -> None:
    body = {"original": examples["original"], "suspect": examples["rewrite"], "suspect_published": "04/03/2024"}
    r = client.post("/compare", json=body)
    assert r.status_code == 422
    assert r.json()["error"] == (
        "suspect_published: '04/03/2024' reads two ways (day or month first): 2024-03-04 or 2024-04-03; "
        "write the one meant as ISO 8601 (YYYY-MM-DD)"
    )
    body["suspect_published"] = "14/03/2024"  # the day is over 12: one reading
    assert client.post("/compare", json=body).status_code == 200
