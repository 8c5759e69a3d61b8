"""ux19: a request that times out while the models are still loading says so, not "try a shorter article"
(serve --timeout 1 answered that while /health said models: loading)."""

from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed")
pytest.importorskip("httpx", reason="httpx (FastAPI's TestClient) is not installed")

from fastapi.testclient import TestClient

from storytrace.web import create_app
from storytrace.web.app import ApiError, _Runner

ROOT = Path(__file__).resolve().parents[1]


def _timeout_message(loading: bool) -> str:
    runner = _Runner(1, 4, 0.05, loading=lambda: loading)
    release = threading.Event()
    try:
        with pytest.raises(ApiError) as err:
            asyncio.run(runner.run(release.wait, 5))
        return err.value.message
    finally:
        release.set()
        runner.shutdown()


def test_a_timeout_while_the_models_load_says_so() -> None:
    assert _timeout_message(True) == (
        "timed out after 0.05 s: the models are still loading; retry in 60 s (GET /health says when they are ready)"
    )
    assert _timeout_message(False) == "timed out after 0.05 s; try a shorter article"


def test_a_request_queued_behind_the_warm_up_is_told_the_models_are_loading() -> None:
    original = (ROOT / "examples" / "original.txt").read_text(encoding="utf-8")
    rewrite = (ROOT / "examples" / "rewrite.txt").read_text(encoding="utf-8")
    # one worker: the warm-up holds it, so the comparison waits on the models whatever the machine's speed
    app = create_app(warm=True, workers=1, timeout=0.5, use_embeddings=False)
    with TestClient(app, raise_server_exceptions=False) as client:
        started = time.monotonic()
        r = client.post("/compare", json={"original": original, "suspect": rewrite})
        health = client.get("/health").json()
    if health["models"] != "loading":  # pragma: no cover - the models loaded within half a second
        pytest.skip("the models loaded before the request timed out")
    assert r.status_code == 503 and time.monotonic() - started < 30
    assert "the models are still loading" in r.json()["error"]
