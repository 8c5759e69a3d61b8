"""What `index add`, `trace --batch` and `/health` say matches what happened (QA session 20)."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from storytrace.article import Article
from storytrace.cli import main
from storytrace.index import Index

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FLOOD = "The Zorblat river flooded the village of Quennick on Tuesday, and 40 families left their homes by boat."
BRIDGE = "The Mendavor bridge in the town of Ostrelline collapsed on Friday; nobody was hurt, the police said."


def _jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_index_add_counts_a_repeated_id_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = _jsonl(tmp_path / "dup.jsonl", [{"id": "dup", "text": FLOOD}, {"id": "dup", "text": BRIDGE}])
    db = tmp_path / "d.db"
    assert main(["index", "add", "--lexical-only", "--db", str(db), str(corpus)]) == 0
    err = capsys.readouterr().err
    assert "indexed 1 article (1 new, 0 updated; 1 record repeating an id, the last kept)" in err
    assert f"; 1 in {db}" in err
    assert main(["index", "add", "--lexical-only", "--db", str(db), str(corpus)]) == 0
    assert "indexed 1 article (0 new, 1 updated; 1 record repeating an id, the last kept)" in capsys.readouterr().err
    # the library says it too
    r = Index(tmp_path / "api.db", lexical_only=True).add([Article(text=FLOOD, id="x"), Article(text=BRIDGE, id="x")])
    assert (r.added, r.updated, r.repeated) == (1, 1, 1)


def test_trace_batch_warns_once_of_a_repeated_suspect_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "i.db"
    originals = _jsonl(tmp_path / "o.jsonl", [{"id": "orig", "text": (EXAMPLES / "original.txt").read_text()}])
    assert main(["index", "add", "--lexical-only", "--db", str(db), str(originals)]) == 0
    # suspects that match nothing stored: the warning is the point, not the tracing
    batch = _jsonl(
        tmp_path / "b.jsonl",
        [
            {"id": "s1", "text": FLOOD},
            {"id": "s2", "text": BRIDGE},
            {"id": "s1", "text": BRIDGE},
            {"id": "s1", "text": FLOOD},
        ],
    )
    capsys.readouterr()
    out = tmp_path / "t.jsonl"
    assert main(["trace", "--db", str(db), "--batch", str(batch), "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert err.count("repeats the id") == 1 and "line 3 repeats the id s1 of line 1" in err
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["s1", "s2", "s1", "s1"]


def test_health_jobs_count_requests_not_the_model_warm_up() -> None:
    pytest.importorskip("fastapi", reason="the web extra is not installed")
    pytest.importorskip("httpx", reason="httpx (FastAPI's TestClient) is not installed")
    from fastapi.testclient import TestClient

    from storytrace.web import create_app

    app = create_app(warm=True)
    state = app.state.storytrace
    release = threading.Event()
    state.warm = lambda: release.wait(10)  # the models "load" until released
    try:
        with TestClient(app, raise_server_exceptions=False) as c:
            h = c.get("/health").json()
            release.set()
            assert h["models"] == "loading" and h["jobs"] == 0
    finally:
        release.set()
