"""ux15: a read-only index (the file, or its directory): reading it works, changing it fails in one line.

`index add` and `index remove` found out at their first write, as "internal error: OperationalError", or for a new
file in a read-only directory as "not a storytrace index"; `--out` into a read-only directory likewise.

Read-only is made with permission bits; as root, which they do not stop, with ``chattr +i`` where it is allowed
(it stops root too), else the tests are skipped.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from storytrace.cli import main
from web_helpers import build_index

ROOT = Path(__file__).resolve().parents[1]
REWRITE = ROOT / "examples" / "rewrite.txt"


def _chattr(flag: str, path: Path) -> bool:
    if shutil.which("chattr") is None:
        return False
    return subprocess.run(["chattr", flag, str(path)], capture_output=True).returncode == 0


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """``path`` (a file or a directory) read-only for this process, put back afterwards."""
    if os.geteuid() != 0:
        mode = stat.S_IMODE(path.stat().st_mode)
        path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            path.chmod(mode)
        return
    if not _chattr("+i", path):
        pytest.skip("running as root, where permissions are not enforced, and chattr +i is not allowed here")
    try:
        yield
    finally:
        _chattr("-i", path)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_index(tmp_path_factory.mktemp("ux15-ro") / "news.db")  # a full index: trace stores vectors


@pytest.fixture
def db(built: Path, tmp_path: Path) -> Path:
    (tmp_path / "store").mkdir()
    path = tmp_path / "store" / "news.db"
    shutil.copyfile(built, path)
    return path


def _digest(directory: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(directory.iterdir())}


def _one_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("storytrace: error: "), err
    assert "internal error" not in err[0] and "Traceback" not in err[0]
    return err[0]


@pytest.mark.parametrize("what", ["file", "directory"])
def test_stats_and_trace_read_a_read_only_index(
    db: Path, what: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    before = _digest(db.parent)
    with read_only(db if what == "file" else db.parent):
        assert main(["index", "stats", "--db", str(db), "--format", "json"]) == 0
        assert json.loads(capsys.readouterr().out)["articles"] == 4
        # with embeddings: the trace would keep the source's sentence vectors in the index, and cannot
        assert main(["trace", str(REWRITE), "--db", str(db), "--format", "json", "--top", "2"]) == 0
        assert json.loads(capsys.readouterr().out)["source"] == "original"
    assert _digest(db.parent) == before


@pytest.mark.parametrize("what", ["file", "directory"])
@pytest.mark.parametrize("command", ["add", "remove"])
def test_add_and_remove_fail_in_one_line_and_leave_the_index_as_it_was(
    db: Path, what: str, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _digest(db.parent)
    args = [str(REWRITE), "--workers", "1"] if command == "add" else ["original"]
    with read_only(db if what == "file" else db.parent):
        assert main(["index", command, "--db", str(db), *args]) == 2
    error = _one_error(capsys)
    if what == "file":
        assert error.startswith(f"storytrace: error: {db}: the index is read-only (")
    else:
        assert error.startswith(f"storytrace: error: {db}: cannot write in directory {db.parent} (")
    assert f"index {command}" in error
    assert _digest(db.parent) == before  # no journal, no half-written index


def test_a_new_index_in_a_read_only_directory_is_not_called_a_bad_index(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shelf = tmp_path / "shelf"
    shelf.mkdir()
    with read_only(shelf):
        assert main(["index", "add", "--db", str(shelf / "new.db"), str(REWRITE), "--workers", "1"]) == 2
    error = _one_error(capsys)
    assert "create the index" in error and "not a storytrace index" not in error
    assert list(shelf.iterdir()) == []


def test_out_into_a_read_only_directory_is_refused_before_the_work(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shelf = tmp_path / "reports"
    shelf.mkdir()
    with read_only(shelf):
        assert main(["trace", str(REWRITE), "--db", str(db), "--out", str(shelf / "t.json"), "--format", "json"]) == 2
    assert _one_error(capsys) == (
        f"storytrace: error: {shelf / 't.json'}: cannot write in directory {shelf} "
        f"({'Permission denied' if os.geteuid() else 'Operation not permitted'})"
    )
    assert list(shelf.iterdir()) == []


def test_serve_traces_against_a_read_only_index(db: Path) -> None:
    pytest.importorskip("fastapi", reason="the web extra is not installed")
    pytest.importorskip("httpx", reason="httpx (FastAPI's TestClient) is not installed")
    from fastapi.testclient import TestClient

    from storytrace.web import create_app

    before = _digest(db.parent)
    app = create_app(db=str(db), warm=False)
    with read_only(db.parent), read_only(db), TestClient(app, raise_server_exceptions=False) as client:
        assert client.get("/health").json()["index"]["articles"] == 4
        for _ in range(2):  # the second trace finds no stored vectors either, and still answers
            r = client.post("/trace", json={"text": REWRITE.read_text(encoding="utf-8"), "top": 2})
            assert r.status_code == 200 and r.json()["source"] == "original"
    assert _digest(db.parent) == before


@pytest.mark.parametrize("out", ["scan-out", "scan-out/deeper"])
def test_scan_into_a_read_only_directory_fails_in_one_line(
    tmp_path: Path, out: str, capsys: pytest.CaptureFixture[str]
) -> None:
    shelf = tmp_path / "shelf"
    shelf.mkdir()
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": REWRITE.read_text(encoding="utf-8")}) + "\n", encoding="utf-8")
    with read_only(shelf):
        assert main(["scan", str(corpus), "--out", str(shelf / out), "--workers", "1"]) == 2
    assert _one_error(capsys).startswith(f"storytrace: error: {shelf / out}: cannot write in directory {shelf} (")
    assert list(shelf.iterdir()) == []
