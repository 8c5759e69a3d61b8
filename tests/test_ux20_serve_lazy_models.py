"""ux20: without a warm-up at start, the first request that times out while its job loads the models is told the
models are loading and when to retry, not "try a shorter article" (its article was not the reason).

The case with a warm-up is tests/test_ux19_serve_timeout.py.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed")
pytest.importorskip("httpx", reason="httpx (FastAPI's TestClient) is not installed")

from storytrace.web.app import MIN_RETRY_SECONDS, MODELS_LOAD_SECONDS, ApiError, _Runner

ROOT = Path(__file__).resolve().parents[1]

# A fresh process, so that no model is loaded yet whatever other tests ran. It leaves with os._exit: the worker
# thread still loading the models would otherwise hold the interpreter's exit for as long as they take.
SCRIPT = r"""
import json, os, sys
from pathlib import Path
from fastapi.testclient import TestClient
from storytrace.facts import entities
from storytrace.web import create_app

root = Path(sys.argv[1])
original = (root / "examples" / "original.txt").read_text(encoding="utf-8")
rewrite = (root / "examples" / "rewrite.txt").read_text(encoding="utf-8")
out = {"loaded_before": entities._nlp is not None}
app = create_app(warm=False, workers=1, timeout=0.5, use_embeddings=False)
with TestClient(app, raise_server_exceptions=False) as client:
    out["health_before"] = client.get("/health").json()["models"]
    r = client.post("/compare", json={"original": original, "suspect": rewrite})
    out["status"], out["body"], out["retry_after"] = r.status_code, r.json(), r.headers.get("retry-after")
    out["health_after"] = client.get("/health").json()["models"]
    out["loaded_after"] = entities._nlp is not None
print(json.dumps(out), flush=True)
os._exit(0)
"""


def test_the_first_request_without_warm_up_says_the_models_are_loading() -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(ROOT)], capture_output=True, text=True, timeout=300, env=env, check=False
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["loaded_before"] is False and out["health_before"] == "not loaded"
    if out["loaded_after"]:  # pragma: no cover - the models loaded within half a second
        pytest.skip("the models loaded before the request timed out")
    assert out["status"] == 503
    message = out["body"]["error"]
    assert "try a shorter article" not in message
    assert message.startswith("timed out after 0.5 s: the models are still loading; retry in ")
    wait = int(message.split("retry in ", 1)[1].split(" s", 1)[0])
    assert MIN_RETRY_SECONDS <= wait <= MODELS_LOAD_SECONDS and out["retry_after"] == str(wait)
    assert out["health_after"] == "loading"  # /health agrees with the message


def _timeout_message(loading: bool, retry_in: int) -> ApiError:
    runner = _Runner(1, 4, 0.05, loading=lambda: loading, retry_in=lambda: retry_in)
    release = threading.Event()
    try:
        with pytest.raises(ApiError) as err:
            asyncio.run(runner.run(release.wait, 5))
        return err.value
    finally:
        release.set()
        runner.shutdown()


def test_the_loading_message_gives_the_wait_and_a_slow_article_does_not() -> None:
    err = _timeout_message(True, 42)
    assert err.message == (
        "timed out after 0.05 s: the models are still loading; retry in 42 s (GET /health says when they are ready)"
    )
    assert err.retry_after == 42
    err = _timeout_message(False, 42)
    assert err.message == "timed out after 0.05 s; try a shorter article" and err.retry_after is None
