"""ux15: a text of spaces, control, zero-width characters or punctuation alone is no article, on every way in.

``str.strip`` keeps control and zero-width characters: the API compared and traced such a text as an article
(200, a report of one empty sentence) where the command line refuses an empty one in one line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storytrace.article import empty_text
from storytrace.cli import main

ROOT = Path(__file__).resolve().parents[1]
ORIGINAL = (ROOT / "examples" / "original.txt").read_text(encoding="utf-8")

BLANKS = [
    "\x01\x02\x07\x1b \x0b\x0c\x00",  # C0 controls
    "\x7f\x80\x9f",  # DEL and C1 controls
    "\u200b\u200b \u00a0\u2060",  # zero-width and no-break spaces
    "\ufeff\u2028\u2029",  # a byte-order mark and line/paragraph separators
    "\u2014 \u2026 !!",  # punctuation alone
]


@pytest.mark.parametrize("text", BLANKS)
def test_blank_texts_are_no_article(text: str) -> None:
    assert empty_text(text) == "no letter or digit"


@pytest.mark.parametrize("text", ["42", "\u00e9t\u00e9", "\u6771\u4eac", "\u200bA\x01"])
def test_any_letter_or_digit_makes_a_text(text: str) -> None:
    assert empty_text(text) is None


def test_empty_text_says_empty() -> None:
    assert empty_text(" \n\t") == "empty"


# --- the HTTP API ---------------------------------------------------------------------------------------------

fastapi = pytest.importorskip("fastapi", reason="the web extra is not installed")
pytest.importorskip("httpx", reason="httpx (FastAPI's TestClient) is not installed")

from fastapi.testclient import TestClient  # noqa: E402

from storytrace.web import create_app  # noqa: E402
from web_helpers import build_index  # noqa: E402


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = build_index(tmp_path_factory.mktemp("ux15-blank") / "news.db")
    app = create_app(db=str(db), warm=False, use_embeddings=False)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def _json_error(response: Any) -> str:
    assert response.status_code == 400, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert list(body) == ["error"] and "\n" not in body["error"]
    return str(body["error"])


@pytest.mark.parametrize("text", BLANKS)
def test_api_compare_refuses_a_blank_suspect_or_original(client: TestClient, text: str) -> None:
    error = _json_error(client.post("/compare", json={"original": ORIGINAL, "suspect": text}))
    assert error == "suspect: no article text (no letter or digit)"
    error = _json_error(client.post("/compare", json={"original": text, "suspect": ORIGINAL, "format": "html"}))
    assert error == "original: no article text (no letter or digit)"


@pytest.mark.parametrize("text", BLANKS)
def test_api_trace_refuses_a_blank_text(client: TestClient, text: str) -> None:
    assert _json_error(client.post("/trace", json={"text": text})) == "text: no article text (no letter or digit)"


@pytest.mark.parametrize(
    ("route", "form"),
    [
        ("/ui/compare", {"original_text": ORIGINAL, "suspect_text": BLANKS[0]}),
        ("/ui/trace", {"text": BLANKS[2]}),
        ("/ui/trace/compare", {"text": BLANKS[1], "candidate": "original"}),
    ],
)
def test_the_forms_refuse_a_blank_text(client: TestClient, route: str, form: dict[str, str]) -> None:
    response = client.post(route, data=form)
    assert response.status_code == 400
    assert "no article text (no letter or digit)" in response.text
    assert "Traceback" not in response.text


def test_an_uploaded_file_of_zero_width_characters_is_refused(client: TestClient) -> None:
    files = {"file": ("blank.txt", "\u200b\u200b\n".encode(), "text/plain")}
    response = client.post("/ui/trace", files=files)
    assert response.status_code == 400 and "blank.txt: no article text (no letter or digit)" in response.text


# --- the command line ---------------------------------------------------------------------------------------------


def test_the_cli_refuses_a_file_of_zero_width_characters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blank = tmp_path / "blank.txt"
    blank.write_text("\u200b\u200b \u00a0\n", encoding="utf-8")
    assert main(["compare", str(ROOT / "examples" / "original.txt"), str(blank), "--no-embeddings"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"storytrace: error: {blank}: no article text (no letter or digit)"]


def test_a_batch_line_with_a_blank_side_fails_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pairs = tmp_path / "pairs.jsonl"
    lines = [
        {"id": "a", "source": ORIGINAL, "derived": "\u200b\x01"},
        {"id": "b", "source": ORIGINAL, "derived": {"text": "\u2060\x7f"}},
    ]
    pairs.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    assert main(["compare", "--pairs", str(pairs), "--no-embeddings"]) == 3
    out = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert out[0]["error"] == "line 1: 'derived' is blank: no letter or digit"
    assert out[1]["error"] == "line 2: 'derived': no article text (field 'text' is blank: no letter or digit)"
