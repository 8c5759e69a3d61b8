"""A corpus reads a one-article file as ``load_article`` reads it: its format by the same table of extensions
(``corpus._EXTENSIONS`` extends ``article._EXTENSIONS``, no longer a copy of it)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storytrace.article import load_article
from storytrace.corpus import read_corpus

# Markup in a file named as text is text, tags and all (short of a whole page); named as HTML, it is markup: the
# extension decides
PAGE = (
    "<p>The harbour board of Quillmouth approved a <b>14 million pound</b> seawall on Tuesday evening.</p>\n"
    "<p>Engineers from Halvard Marine said the wall would protect 320 homes along Tidewater Road.</p>\n"
)
RECORD = json.dumps({"text": "The harbour board of Quillmouth approved a seawall on Tuesday.", "title": "Seawall"})


@pytest.mark.parametrize("suffix", [".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".json"])
def test_a_one_article_file_reads_the_same_alone_and_in_a_corpus(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"story{suffix}"
    path.write_text(RECORD if suffix == ".json" else PAGE, encoding="utf-8")
    alone = load_article(str(path))
    (record,) = list(read_corpus([str(path)]))
    assert record.article is not None
    assert (record.article.text, record.article.title) == (alone.text, alone.title)
    if suffix in (".html", ".htm", ".xhtml"):
        assert "<p>" not in alone.text and "14 million pound seawall" in alone.text
    elif suffix != ".json":
        assert "<p>" in alone.text
