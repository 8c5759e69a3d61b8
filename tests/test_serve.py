"""The web app and HTTP API (FastAPI's TestClient, in process): health, compare, trace, the form routes, the
offline API page, and the bounds — size limit, timeout, busy, bad JSON, unknown fields, host check."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed")
pytest.importorskip("httpx", reason="httpx (FastAPI's TestClient) is not installed")

from fastapi.testclient import TestClient

from storytrace.web import create_app
from web_helpers import build_index


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(warm=False), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="module")
def index_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_index(tmp_path_factory.mktemp("web-index") / "news.db")


@pytest.fixture(scope="module")
def traced(index_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db=str(index_path), warm=False), raise_server_exceptions=False) as c:
        yield c


def _one_line_error(response: Any, status: int) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert list(body) == ["error"] and "\n" not in body["error"] and "Traceback" not in body["error"]
    return str(body["error"])


def test_health(client: TestClient) -> None:
    r = client.get("/health")
    assert r.status_code == 200
    h = r.json()
    assert h["status"] == "ok" and h["index"] is None
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["cache-control"] == "no-store"


def test_compare_returns_the_json_report(
    client: TestClient, examples: dict[str, str], check_report: Callable[[dict[str, Any]], None]
) -> None:
    r = client.post("/compare", json={"original": examples["original"], "suspect": examples["rewrite"]})
    assert r.status_code == 200, r.text
    d = r.json()
    check_report(d)
    assert d["schema"] == "storytrace.report/1"
    assert d["verdict"]["relation"] == "derived"
    assert {f["type"] for f in d["findings"]} >= {"number_changed", "quote_altered", "fact_omitted"}


def test_compare_as_html_and_text(client: TestClient, examples: dict[str, str]) -> None:
    body = {"original": examples["original"], "suspect": examples["rewrite"], "suspect_title": "<b>T</b>"}
    r = client.post("/compare", json={**body, "format": "html"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in r.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
    assert "&lt;b&gt;T&lt;/b&gt;" in r.text and "<b>T</b>" not in r.text.split('id="storytrace-report"')[0]
    t = client.post("/compare", json={**body, "format": "text"})
    assert t.status_code == 200 and t.headers["content-type"].startswith("text/plain")
    assert "derived" in t.text


def test_compare_reads_html_pages(client: TestClient, root: Path) -> None:
    page = (root / "examples" / "original.html").read_text(encoding="utf-8")
    r = client.post("/compare", json={"original": page, "suspect": page, "input_format": "html"})
    assert r.status_code == 200, r.text
    d = r.json()
    assert "<" not in d["source"]["text"] and d["source"]["title"]
    assert d["verdict"]["relation"] == "derived"


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        (b'{"original": ', 400, "malformed JSON"),
        (b"[1, 2]", 422, "JSON object"),
        (b'{"original": "x"}', 422, "suspect"),
        (b'{"original": 3, "suspect": "y"}', 422, "original"),
        (b'{"original": "x", "suspect": "y", "original_path": "/etc/passwd"}', 422, "unknown field"),
        (b'{"original": "x", "suspect": "y", "format": "pdf"}', 422, "format"),
        (b'{"original": "  ", "suspect": "y"}', 400, "empty"),
        (b'{"original": "caf\xe9", "suspect": "y"}', 400, "malformed JSON"),  # Latin-1, not UTF-8
    ],
)
def test_bad_requests_get_one_line_errors(client: TestClient, body: bytes, status: int, words: str) -> None:
    r = client.post("/compare", content=body, headers={"content-type": "application/json"})
    assert words in _one_line_error(r, status)


def test_size_limit(client: TestClient) -> None:
    big = json.dumps({"original": "word " * 420_000, "suspect": "x"}).encode()
    assert len(big) > 2_000_000
    r = client.post("/compare", content=big, headers={"content-type": "application/json"})
    assert "limit is 2000000 bytes" in _one_line_error(r, 413)

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        for _ in range(30):
            yield b"x" * 100_000

    r = client.post("/compare", content=chunks(), headers={"content-type": "application/json"})
    _one_line_error(r, 413)


def test_unknown_route_and_method(client: TestClient) -> None:
    assert "not found" in _one_line_error(client.get("/nope"), 404)
    assert "not allowed" in _one_line_error(client.get("/compare"), 405)


def test_trace_without_an_index_is_a_clear_error(client: TestClient) -> None:
    assert "--db" in _one_line_error(client.post("/trace", json={"text": "Some article text."}), 404)
    r = client.post("/ui/trace", data={"text": "Some article text."})
    assert r.status_code == 404 and "--db" in r.text and r.headers["content-type"].startswith("text/html")


def test_trace_finds_the_original(traced: TestClient, examples: dict[str, str]) -> None:
    h = traced.get("/health").json()
    assert h["index"] == {"name": "news.db", "articles": 4}
    r = traced.post("/trace", json={"text": examples["rewrite"], "top": 2})
    assert r.status_code == 200, r.text
    d = r.json()
    assert d["schema"] == "storytrace.trace/1" and d["source"] == "original"
    assert d["candidates"][0]["id"] == "original" and d["candidates"][0]["relation"] == "derived"
    assert "top" in _one_line_error(traced.post("/trace", json={"text": "x", "top": 0}), 422)
    assert "top" in _one_line_error(traced.post("/trace", json={"text": "x", "top": 500}), 422)


def test_trace_pages(traced: TestClient, examples: dict[str, str]) -> None:
    home = traced.get("/")
    assert 'id="trace-form"' in home.text and "news.db" in home.text
    r = traced.post("/ui/trace", data={"text": examples["rewrite"], "top": "2"})
    assert r.status_code == 200, r.text
    assert "Source found" in r.text and 'value="original"' in r.text
    full = traced.post("/ui/trace/compare", data={"text": examples["rewrite"], "candidate": "original"})
    assert full.status_code == 200 and 'id="col-source"' in full.text and "Seawall" in full.text
    missing = traced.post("/ui/trace/compare", data={"text": examples["rewrite"], "candidate": "nope"})
    assert missing.status_code == 404 and "not in the index" in missing.text


def test_compare_form_with_text_and_uploads(client: TestClient, examples: dict[str, str]) -> None:
    home = client.get("/")
    assert home.status_code == 200 and 'id="compare-form"' in home.text and 'id="trace-form"' not in home.text
    r = client.post("/ui/compare", data={"original_text": examples["original"], "suspect_text": examples["rewrite"]})
    assert r.status_code == 200 and 'id="col-derived"' in r.text and 'href="/"' in r.text
    files = {
        "original_file": ("original.txt", examples["original"].encode("utf-8"), "text/plain"),
        "suspect_file": ("../../etc/rewrite.txt", examples["rewrite"].encode("utf-16"), "text/plain"),
    }
    up = client.post("/ui/compare", files=files)
    assert up.status_code == 200, up.text
    assert "rewrite.txt" in up.text and "../../etc" not in up.text
    empty = client.post("/ui/compare", data={"original_text": "", "suspect_text": examples["rewrite"]})
    assert empty.status_code == 400 and 'role="alert"' in empty.text
    assert "Article text" in empty.text  # the form again, with what was typed
    assert client.post("/ui/compare", json={"x": 1}).status_code == 415


def test_api_docs_work_offline(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert set(spec["paths"]) == {"/health", "/compare", "/trace"}
    assert "CompareRequest" in spec["components"]["schemas"]
    page = client.get("/docs")
    assert page.status_code == 200 and "/compare" in page.text and "CompareRequest" not in page.text[:100]
    assert "<script src" not in page.text and "cdn" not in page.text.lower()
    assert "http://" not in page.text and "https://" not in page.text.replace("https://json-schema.org", "")
    assert client.get("/redoc").status_code == 404


def test_host_header_is_checked_when_bound_to_loopback() -> None:
    app = create_app(warm=False, allowed_hosts=("127.0.0.1", "localhost"))
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        assert c.get("/health").status_code == 200
        assert "host" in _one_line_error(c.get("/health", headers={"host": "evil.example:8000"}), 400)


def test_timeout_and_busy_answer_fast_and_health_stays_responsive() -> None:
    app = create_app(warm=False, timeout=0.3, workers=1, max_pending=2)
    state = app.state.storytrace
    release = threading.Event()

    def slow(*args: Any) -> Any:
        release.wait(10)
        return "json", {}

    state.compare_job = slow
    with TestClient(app, raise_server_exceptions=False) as c:
        t0 = time.perf_counter()
        r = c.post("/compare", json={"original": "A text.", "suspect": "A text."})
        assert "timed out" in _one_line_error(r, 503)
        assert time.perf_counter() - t0 < 3
        # one job still running, one queued behind it would reach max_pending: the next is refused at once
        state.runner.submit(slow)
        t0 = time.perf_counter()
        assert "busy" in _one_line_error(c.post("/compare", json={"original": "A.", "suspect": "B."}), 503)
        h = c.get("/health")
        assert h.status_code == 200 and h.json()["jobs"] == 2
        assert time.perf_counter() - t0 < 2
        release.set()


def test_internal_errors_are_one_line() -> None:
    app = create_app(warm=False)

    def broken(*args: Any) -> Any:
        raise RuntimeError("secret detail\nTraceback (most recent call last)")

    app.state.storytrace.compare_job = broken
    with TestClient(app, raise_server_exceptions=False) as c:
        message = _one_line_error(c.post("/compare", json={"original": "A.", "suspect": "B."}), 500)
        assert message == "internal error: RuntimeError"


def test_models_load_at_startup() -> None:
    with TestClient(create_app(warm=True)) as c:
        deadline = time.monotonic() + 60
        while c.get("/health").json()["models"] != "ready":
            assert time.monotonic() < deadline
            time.sleep(0.05)


def _python(code: str, root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=root, timeout=60, check=False
    )


def test_import_storytrace_does_not_import_the_web_stack(root: Path) -> None:
    proc = _python(
        "import sys, storytrace, storytrace.cli, storytrace.report.html, storytrace.web\n"
        "bad = [m for m in ('fastapi', 'uvicorn', 'starlette', 'pydantic') if m in sys.modules]\n"
        "assert not bad, bad",
        root,
    )
    assert proc.returncode == 0, proc.stderr


def test_serve_without_the_extra_says_so_in_one_line(root: Path) -> None:
    proc = _python(
        "import sys; sys.modules['fastapi'] = None\nfrom storytrace.cli import main\nsys.exit(main(['serve']))", root
    )
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "web extra" in proc.stderr and "pip install" in proc.stderr


def test_serve_with_a_missing_index_fails_before_starting(run_cli: Any, tmp_path: Path) -> None:
    proc = run_cli(["serve", "--db", str(tmp_path / "missing.db"), "--port", "8765"])
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "no index here" in proc.stderr


def test_concurrent_traces_get_the_same_answers(index_path: Path, examples: dict[str, str]) -> None:
    """Traces requested by several clients at once (the server takes them one at a time on its index)."""
    from concurrent.futures import ThreadPoolExecutor

    with TestClient(create_app(db=str(index_path), warm=False, workers=3), raise_server_exceptions=False) as c:
        texts = [examples["rewrite"], examples["independent"], examples["rewrite"], examples["unrelated"]] * 2
        with ThreadPoolExecutor(4) as pool:
            answers = list(pool.map(lambda t: c.post("/trace", json={"text": t, "top": 2}), texts))
    assert all(r.status_code == 200 for r in answers), [r.text for r in answers]
    sources = [r.json()["source"] for r in answers]
    assert sources[0] == sources[2] == "original"
    assert sources[:4] == sources[4:]


def test_serve_on_a_port_in_use_fails_in_one_line(run_cli: Any) -> None:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        proc = run_cli(["serve", "--port", str(port)])
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.count("\n") == 1 and f"cannot serve on 127.0.0.1:{port}" in proc.stderr


@pytest.mark.parametrize(
    ("content_type", "got"),
    [("text/plain", "it came as text/plain"), (None, "it came with no Content-Type")],
)
def test_a_json_body_sent_as_another_type_is_415_naming_the_header(
    client: TestClient, content_type: str | None, got: str
) -> None:
    body = json.dumps({"original": "The quay reopened on Monday.", "suspect": "The quay reopened."}).encode()
    headers = {"content-type": content_type} if content_type else {}
    error = _one_line_error(client.post("/compare", content=body, headers=headers), 415)
    assert error == f"send the body as JSON (Content-Type: application/json); {got}"
    # the right type with a body that is not an object is still the body's fault
    r = client.post("/compare", content=b"[1, 2]", headers={"content-type": "application/json; charset=utf-8"})
    assert _one_line_error(r, 422) == "the body must be a JSON object (Content-Type: application/json)"


def test_a_publication_date_the_api_cannot_read_is_refused_not_dropped(
    client: TestClient, traced: TestClient, examples: dict[str, str]
) -> None:
    body = {"original": examples["original"], "suspect": examples["rewrite"], "suspect_published": "the 14th"}
    error = _one_line_error(client.post("/compare", json=body), 422)
    assert error == "suspect_published: 'the 14th' is not a date (expected ISO 8601, e.g. 2024-03-14)"
    r = traced.post("/trace", json={"text": examples["rewrite"], "published": "next week"})
    assert _one_line_error(r, 422).startswith("published: 'next week' is not a date")
