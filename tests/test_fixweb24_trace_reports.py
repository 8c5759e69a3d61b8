"""fixweb24: what the trace reports say (qa24 P12, P13).

- ``trace --batch``: a line without an id has its top-level "id" as ``suspect.id`` (FILE:LINE), not null beside it.
- A stitched suspect's HTML report labels the sentences another part explains with that part, not "+ added";
  the text report quotes each part's sentences, not bare numbers.
- ``index stats --format json``'s keys are the ones docs/schema.md names.

A real index, the real CLI; lexical comparisons.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from storytrace.article import Article
from storytrace.cli import _render_trace, main
from storytrace.index import Index
from storytrace.report.html import trace_to_html
from storytrace.settings import DEFAULT_SETTINGS
from storytrace.trace import TraceResult

ROOT = Path(__file__).resolve().parents[1]
LEXICAL = DEFAULT_SETTINGS.with_(use_embeddings=False)
HARBOUR = (
    "The harbour authority of Port Calloway said on Monday that it would dredge the main channel this "
    "summer at a cost of $14 million. The work will close the north quay for six weeks. Fishermen said "
    "the closure would cost them a season's income. The authority said no other date was possible."
)
CINEMA = (
    "Brackwater's only cinema will close at the end of the month after 82 years, its owners announced. "
    "Ticket sales have fallen by half since 2019, they said. The building has been sold to a developer "
    "who plans to build flats on the site."
)
OTHERS = [
    "The city council approved a new budget for parks and libraries after a long debate on Thursday night.",
    "A storm brought heavy rain and strong winds to the coast, closing schools and several major roads.",
]
ROUNDUP = (
    "The harbour authority of Port Calloway said on Monday that it would dredge the main channel this summer "
    "at a cost of $14 million. The work will close the north quay for six weeks. "
    "Brackwater's only cinema will close at the end of the month after 82 years, its owners announced. "
    "Ticket sales have fallen by half since 2019, they said. "
    "Readers can share their memories of the cinema on our website."
)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "news.db"
    with Index(path, lexical_only=True) as index:
        index.add(
            [
                Article(text=HARBOUR, id="harbour"),
                Article(text=CINEMA, id="cinema"),
                *[Article(text=t, id=f"d{k}") for k, t in enumerate(OTHERS)],
            ]
        )
    return path


def _stitched(db: Path) -> TraceResult:
    with Index(db) as index:
        result = index.trace(Article(text=ROUNDUP, id="roundup"), top=3, settings=LEXICAL)
    assert result.stitched
    parts = {c.id: c.contributed for c in result.candidates if c.qualifies}
    assert parts == {"harbour": (0, 1), "cinema": (2, 3)}
    return result


def _suspect_sentence(html: str, i: int) -> str:
    m = re.search(rf'<span class="s[^"]*" id="d{i}"[^>]*>(?:<span class="tag">[^<]*</span>)?', html)
    assert m, i
    return m.group(0)


def test_the_stitched_html_labels_the_other_parts_sentences_with_that_part(db: Path) -> None:
    result = _stitched(db)
    html = trace_to_html(result)
    other = "cinema" if result.source == "harbour" else "harbour"
    number = [c.id for c in result.candidates].index(other) + 1
    theirs = (2, 3) if other == "cinema" else (0, 1)
    for i in theirs:
        opening = _suspect_sentence(html, i)
        assert 'class="s k-part"' in opening and "k-added" not in opening, opening
        assert f'<span class="tag">#{number}</span>' in opening
        assert f"from candidate {number}, {other}: another part of the suspect" in opening
    # the sentence no part explains is still added, and the source's own are its kinds
    assert "k-added" in _suspect_sentence(html, 4) and '<span class="tag">+</span>' in _suspect_sentence(html, 4)
    for i in {0, 1, 2, 3} - set(theirs):
        assert 'k-part"' not in _suspect_sentence(html, i)
    assert "from another part: candidate n above" in html  # the legend says what #n is


def test_a_single_source_report_has_no_part_labels(db: Path) -> None:
    with Index(db) as index:
        result = index.trace(Article(text=HARBOUR + " Readers can write in.", id="one"), top=3, settings=LEXICAL)
    assert result.source == "harbour" and not result.stitched
    html = trace_to_html(result)
    assert 'k-part"' not in html.split("</style>", 1)[1] and "from another part" not in html


def test_the_text_report_quotes_each_parts_sentences(db: Path) -> None:
    text = _render_trace(_stitched(db), to_file=True)
    lines = text.splitlines()
    at = {line.strip().split(":")[0]: k for k, line in enumerate(lines) if "suspect sentences" in line}
    harbour, cinema = at["harbour"], at["cinema"]
    below = {
        "harbour": [x.strip() for x in lines[harbour + 1 : harbour + 3]],
        "cinema": [x.strip() for x in lines[cinema + 1 : cinema + 3]],
    }
    assert below["harbour"][0].startswith("[0] The harbour authority of Port Calloway said on Monday")
    assert below["harbour"][1] == "[1] The work will close the north quay for six weeks."
    assert below["cinema"][0].startswith("[2] Brackwater's only cinema will close")
    assert below["cinema"][0].endswith("…") and len(below["cinema"][0]) <= len("[2] ") + 80 + 1  # cut short
    assert below["cinema"][1] == "[3] Ticket sales have fallen by half since 2019, they said."


def test_a_batch_line_without_an_id_is_known_by_file_and_line_in_both_places(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    batch = tmp_path / "suspects.jsonl"
    batch.write_text(
        json.dumps({"text": ROUNDUP}) + "\n" + json.dumps({"id": "mine", "text": HARBOUR}) + "\n", encoding="utf-8"
    )
    out = tmp_path / "traces.jsonl"
    assert main(["trace", "--batch", str(batch), "--db", str(db), "--no-embeddings", "--out", str(out)]) == 0
    first, second = (json.loads(x) for x in out.read_text(encoding="utf-8").splitlines())
    assert first["id"] == first["suspect"]["id"] == f"{batch}:1"
    assert "id" not in first["suspect_meta"]  # only what the line gave is passed through
    assert second["id"] == second["suspect"]["id"] == "mine"


def test_index_stats_json_keys_are_the_documented_ones(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index", "stats", "--db", str(db), "--format", "json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    schema = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    doc = schema[schema.index("`index stats --format json`") :][:1200]
    for key in stats:
        assert f"`{key}`" in doc, key
