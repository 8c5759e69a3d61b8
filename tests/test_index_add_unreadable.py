"""``index add`` whose inputs hold no readable article leaves no new index behind: an empty file would fix the
index's mode (full or lexical-only) for the next ``index add``."""

from __future__ import annotations

from pathlib import Path

import pytest

from storytrace.cli import main
from storytrace.index import Index

ROOT = Path(__file__).resolve().parents[1]


def test_nothing_readable_creates_no_index(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02 binary \xff\xfe")
    db = tmp_path / "new.db"
    assert main(["index", "add", "--db", str(db), str(bad)]) == 3
    err = capsys.readouterr().err
    assert "no article could be read" in err and "not created" in err
    assert not db.exists()
    assert not list(tmp_path.glob("new.db*"))
    # The next add, in the other mode, is not held to a mode the failed run chose.
    good = ROOT / "examples" / "original.txt"
    assert main(["index", "add", "--db", str(db), "--lexical-only", str(good)]) == 0
    with Index(db, create=False) as index:
        assert index.lexical_only and len(index) == 1


def test_an_existing_index_is_kept_when_nothing_more_is_readable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "old.db"
    assert main(["index", "add", "--db", str(db), str(ROOT / "examples" / "original.txt")]) == 0
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02 binary \xff\xfe")
    assert main(["index", "add", "--db", str(db), str(bad)]) == 3
    assert db.exists()
    with Index(db, create=False) as index:
        assert len(index) == 1
