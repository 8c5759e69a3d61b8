"""A scan's working files under an --out path with characters that mean something in a URI."""

from __future__ import annotations

from pathlib import Path

import pytest

from storytrace.article import Article
from storytrace.scan.stages import StageDir


@pytest.mark.parametrize("name", ["scan#2", "what?", "100%", "50%41"])
def test_stage_articles_read_back_under_any_out_path(tmp_path: Path, name: str) -> None:
    # The articles database was opened as f"file:{path}?mode=ro": a "#" or "?" cut the path short and a
    # "%" was read as an escape, so the scan failed with sqlite3.OperationalError after writing it.
    stages = StageDir(tmp_path / name)
    stages.start({"inputs": []}, resume=False)
    stages.write_articles([Article(id="a1", text="One sentence."), Article(id="a2", text="Another one.")])
    assert stages.count() == 2
    assert [a.id for _, a in stages.iter_articles()] == ["a1", "a2"]
    assert sorted(stages.get_articles([1, 0])) == [0, 1]
