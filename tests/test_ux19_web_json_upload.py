"""ux19: the web forms read an uploaded .json/.jsonl article as the command line does, as one record.

Read as plain text, the record's JSON syntax became article sentences, and its title and publication date were
ignored, so the date did not bound the sources a trace may name.
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

from storytrace.web import create_app
from web_helpers import build_index

ROOT = Path(__file__).resolve().parents[1]
ORIGINAL = (ROOT / "examples" / "original.txt").read_text(encoding="utf-8")
REWRITE = (ROOT / "examples" / "rewrite.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = build_index(tmp_path_factory.mktemp("ux19-json") / "news.db")  # the original: 2024-03-14
    with TestClient(
        create_app(db=str(db), warm=False, use_embeddings=False, timeout=600), raise_server_exceptions=False
    ) as c:
        yield c


def _error(html: str) -> str:
    m = re.search(r'<div class="error" role="alert"><strong>Error:</strong> (.*?)</div>', html)
    assert m, html[:500]
    return m.group(1)


def _record(text: str, **fields: str) -> bytes:
    return json.dumps({"text": text, **fields}).encode("utf-8")


def test_a_json_upload_is_traced_as_its_record_its_date_bounding_the_sources(client: TestClient) -> None:
    younger = _record(REWRITE, title="Seawall rewrite", published="2024-03-20")
    page = client.post("/ui/trace", files={"file": ("suspect.json", younger)}, data={"top": "2"}).text
    assert "Source found" in page and "Only sources published on or before 2024-03-20." in page
    assert "Trace: Seawall rewrite" in page
    # the full comparison's button carries the article's text, not the record's JSON
    assert "&quot;text&quot;:" not in page and '"text":' not in page
    older = _record(REWRITE, title="Seawall rewrite", published="2024-03-01")
    page = client.post("/ui/trace", files={"file": ("suspect.json", older)}, data={"top": "2"}).text
    assert "No earlier source found" in page and "Only sources published on or before 2024-03-01." in page


def test_the_forms_date_wins_over_the_records_and_a_jsonl_line_reads_alike(client: TestClient) -> None:
    line = _record(REWRITE, published="2024-03-20") + b"\n"
    page = client.post(
        "/ui/trace", files={"file": ("suspect.jsonl", line)}, data={"top": "2", "published": "2024-03-01"}
    ).text
    assert "Only sources published on or before 2024-03-01." in page and "No earlier source found" in page
    assert "&quot;published&quot;" not in page  # the record's text went on, not its JSON


def test_several_records_are_refused_in_one_line(client: TestClient) -> None:
    two = _record(REWRITE) + b"\n" + _record(ORIGINAL) + b"\n"
    r = client.post("/ui/trace", files={"file": ("suspects.jsonl", two)})
    assert r.status_code == 400
    assert _error(r.text) == (
        "suspects.jsonl: 2 records (JSON Lines); the form reads one article: upload one record "
        "(`storytrace trace --batch` traces many)"
    )
    array = json.dumps([{"text": REWRITE}, {"text": ORIGINAL}]).encode()
    r = client.post("/ui/trace", files={"file": ("suspects.json", array)})
    assert r.status_code == 400 and "a JSON array of 2 records" in _error(r.text)
    r = client.post("/ui/trace", files={"file": ("bad.json", b'{"text": "a')})
    assert r.status_code == 400 and _error(r.text).startswith("bad.json: malformed JSON at line 1")
    r = client.post("/ui/trace", files={"file": ("notext.json", b'{"body": "x"}')})
    assert r.status_code == 400 and "no article text" in _error(r.text)
    r = client.post("/ui/trace", files={"file": ("corpus.csv", b"id,text\na,Some words here\n")})
    assert r.status_code == 400 and "a corpus file (many articles)" in _error(r.text)


def test_the_compare_form_reads_json_uploads_as_records(client: TestClient) -> None:
    r = client.post(
        "/ui/compare",
        files={
            "original_file": ("o.json", _record(ORIGINAL, title="The original", published="2024-03-14")),
            "suspect_file": ("s.json", _record(REWRITE, title="The rewrite", published="2024-03-20")),
        },
    )
    assert r.status_code == 200, r.text[:300]
    m = re.search(r'<script type="application/json" id="storytrace-report">(.*?)</script>', r.text, re.S)
    assert m
    report = json.loads(m.group(1))
    assert report["source"]["title"] == "The original" and report["derived"]["title"] == "The rewrite"
    assert report["source"]["published"] == "2024-03-14" and report["derived"]["published"] == "2024-03-20"
    for side, text in (("source", ORIGINAL), ("derived", REWRITE)):
        assert report[side]["text"].strip() == text.strip()


def test_the_trace_form_says_a_one_word_suspect_is_too_short(client: TestClient) -> None:
    page = client.post("/ui/trace", data={"text": "Okafor", "top": "3"}).text
    assert "No source found" in page
    assert "The suspect is too short to trace: 1 content word (at least 2 needed)" in page
    assert '<table class="cands">' not in page
