"""ux19: what the README says of two writers at once: the second waits for the batch being written (up to
``_BUSY_TIMEOUT_MS``) and goes on, so both land; one kept waiting longer stops with a one-line error that says
how long it waited. (The README said "a second writer gets a clear error"; two `index add` runs at once both
exited 0.)"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

import storytrace.index.store as store
from storytrace.article import Article
from storytrace.cli import main
from storytrace.index import Index

ROOT = Path(__file__).resolve().parents[1]


def _hold_write_lock(db: Path, seconds: float, locked: threading.Event) -> None:
    con = sqlite3.connect(str(db), isolation_level=None)
    con.execute("BEGIN IMMEDIATE")  # what another `index add` holds while it writes a batch
    locked.set()
    time.sleep(seconds)
    con.execute("COMMIT")
    con.close()


def _index_with_one(tmp_path: Path) -> Path:
    db = tmp_path / "w.db"
    with Index(db, lexical_only=True) as index:
        index.add([Article(text="The council of Brackwater voted to close two libraries on Monday.", id="first")])
    return db


def test_a_second_writer_waits_for_the_batch_being_written_then_lands(tmp_path: Path) -> None:
    db = _index_with_one(tmp_path)
    locked = threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(db, 1.5, locked))
    holder.start()
    assert locked.wait(10)
    started = time.monotonic()
    try:
        assert main(["index", "add", str(ROOT / "examples" / "original.txt"), "--db", str(db), "--workers", "1"]) == 0
    finally:
        holder.join()
    assert time.monotonic() - started >= 1.0  # it waited for the other writer rather than failing or writing over it
    with Index(db, create=False) as index:
        assert len(index) == 2


def test_a_writer_kept_waiting_too_long_stops_with_one_line_saying_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _index_with_one(tmp_path)
    monkeypatch.setattr(store, "_BUSY_TIMEOUT_MS", 1000)
    locked = threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(db, 6.0, locked))
    holder.start()
    assert locked.wait(10)
    try:
        code = main(["index", "add", str(ROOT / "examples" / "original.txt"), "--db", str(db), "--workers", "1"])
    finally:
        holder.join()
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert err[-1] == (
        f"storytrace: error: {db}: another process is writing this index (waited 1 s for it); try again when it "
        "has finished"
    )
