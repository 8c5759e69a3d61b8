"""Shared fixtures for the compare, CLI and schema tests.

The embedding model is real, so the expensive things are done once a session: the examples are
compared once (``example_report``) and every test that only reads that report shares it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def examples() -> dict[str, str]:
    """The bundled example articles, by name (original, rewrite, independent, unrelated)."""
    return {
        name: (EXAMPLES / f"{name}.txt").read_text(encoding="utf-8")
        for name in ("original", "rewrite", "independent", "unrelated")
    }


@pytest.fixture(scope="session")
def expected() -> dict[str, Any]:
    return json.loads((EXAMPLES / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def example_report(examples: dict[str, str]) -> Any:
    """examples/original.txt vs examples/rewrite.txt, compared once for the whole session."""
    from storytrace import compare

    return compare(examples["original"], examples["rewrite"])


@pytest.fixture(scope="session")
def example_dict(example_report: Any) -> dict[str, Any]:
    return example_report.to_dict()


@pytest.fixture(scope="session")
def schema_validator() -> Any:
    from jsonschema import Draft202012Validator

    from storytrace.report.json import REPORT_JSON_SCHEMA

    Draft202012Validator.check_schema(REPORT_JSON_SCHEMA)
    return Draft202012Validator(REPORT_JSON_SCHEMA)


@pytest.fixture
def fresh_embedder(monkeypatch: pytest.MonkeyPatch) -> Any:
    """A new process-wide embedder for one test, as a new process would have: an empty memo.

    Needed where a test compares its own report with one from another process, because a sentence's
    vector currently depends on what it was encoded with before (see the xfail in test_compare.py).
    """
    import os

    from storytrace import embed

    fresh = embed.Embedder()
    monkeypatch.setattr(embed, "_singleton", fresh)
    monkeypatch.setattr(embed, "_singleton_pid", os.getpid())
    return fresh


def _sentence_text(d: dict[str, Any], side: str, i: int) -> str:
    s = d[side]["sentences"][i]
    return d[side]["text"][s["start"] : s["end"]]


@pytest.fixture(scope="session")
def sentence_text() -> Callable[[dict[str, Any], str, int], str]:
    """``sentence_text(report_dict, "source"|"derived", i)``: the text of sentence i of that side."""
    return _sentence_text


def _find_sentence(d: dict[str, Any], side: str, prefix: str) -> int:
    hits = [i for i in range(len(d[side]["sentences"])) if _sentence_text(d, side, i).startswith(prefix)]
    assert len(hits) == 1, f"{side} sentences starting with {prefix!r}: {hits}"
    return hits[0]


@pytest.fixture(scope="session")
def find_sentence() -> Callable[[dict[str, Any], str, str], int]:
    """``find_sentence(report_dict, side, prefix)``: index of the one sentence starting with prefix."""
    return _find_sentence


def _link_of(d: dict[str, Any], derived_index: int) -> dict[str, Any]:
    links = [a for a in d["alignments"] if derived_index in a["derived"]]
    assert len(links) == 1, f"derived sentence {derived_index} is in {len(links)} alignments"
    return links[0]


@pytest.fixture(scope="session")
def link_of() -> Callable[[dict[str, Any], int], dict[str, Any]]:
    """``link_of(report_dict, i)``: the one alignment that holds derived sentence i."""
    return _link_of


def _check_report(d: dict[str, Any], validator: Any) -> None:
    """Every invariant the JSON report promises, whatever the input."""
    errors = sorted(validator.iter_errors(d), key=lambda e: list(e.path))
    assert not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])

    for side in ("source", "derived"):
        text, sentences = d[side]["text"], d[side]["sentences"]
        previous_end = 0
        for s in sentences:
            assert previous_end <= s["start"] < s["end"] <= len(text), (side, s)
            previous_end = s["end"]

    src_sents, der_sents = d["source"]["sentences"], d["derived"]["sentences"]
    # every non-boilerplate derived sentence in exactly one alignment; boilerplate in none
    seen: list[int] = [i for a in d["alignments"] for i in a["derived"]]
    body = [i for i, s in enumerate(der_sents) if not s["boilerplate"]]
    assert sorted(seen) == body, f"derived sentences in alignments {sorted(seen)} != body {body}"
    for a in d["alignments"]:
        assert all(0 <= j < len(src_sents) and not src_sents[j]["boilerplate"] for j in a["source"]), a
        assert a["derived"] == sorted(a["derived"]), a
        assert a["source"] == sorted(set(a["source"])), a
        assert (a["kind"] == "added") == (a["source"] == []), a
        if a["kind"] != "added":
            assert 0.0 <= a["similarity"] <= 1.0, a

    # findings: spans are exact, never inside boilerplate; omissions are exactly the unlinked sentences
    boiler = {
        side: [(s["start"], s["end"]) for s in d[side]["sentences"] if s["boilerplate"]]
        for side in ("source", "derived")
    }
    for f in d["findings"]:
        for side in ("source", "derived"):
            span = f[side]
            if span is None:
                continue
            assert 0 <= span["start"] <= span["end"] <= len(d[side]["text"]), f
            assert span["text"] == d[side]["text"][span["start"] : span["end"]], f
            assert not any(a < span["end"] and span["start"] < b for a, b in boiler[side]), f
        if f["type"] == "claim_added" and not (f["subtype"] or "").startswith("headline"):
            assert f["derived"] is not None, f
        if (f["subtype"] or "").startswith("headline"):
            # headlines outside the texts: no spans, the words are in before/after
            assert f["derived"] is None and f["source"] is None and (f["before"] or f["after"]), f
        if f["type"] == "fact_omitted":
            assert f["source"] is not None, f
            assert isinstance(f["salience"], int | float), f
            if f["subtype"] == "sentence":
                assert f["derived"] is None, f
    linked = {j for a in d["alignments"] for j in a["source"]}
    unlinked = [(s["start"], s["end"]) for j, s in enumerate(src_sents) if not s["boilerplate"] and j not in linked]
    omitted = [f for f in d["findings"] if f["type"] == "fact_omitted"]
    whole = [f for f in omitted if f["subtype"] == "sentence"]
    assert sorted((f["source"]["start"], f["source"]["end"]) for f in whole) == unlinked
    saliences = [f["salience"] for f in omitted]
    assert saliences == sorted(saliences, reverse=True), "omissions are not most salient first"
    # omissions come after the changes
    types = [f["type"] for f in d["findings"]]
    assert types == sorted(types, key=lambda t: t == "fact_omitted")

    for key, value in d["scores"].items():
        assert 0.0 <= value <= 1.0, (key, value)
    assert 0.0 <= d["verdict"]["confidence"] <= 1.0
    assert 0.0 <= d["verdict"]["direction_confidence"] <= 1.0


@pytest.fixture(scope="session")
def check_report(schema_validator: Any) -> Callable[[dict[str, Any]], None]:
    """``check_report(report_dict)``: the schema and every structural promise of the report."""
    return lambda d: _check_report(d, schema_validator)


def _run(
    args: list[str],
    *,
    stdin: str | bytes | None = None,
    cwd: Path | None = None,
    entry_point: bool = False,
) -> subprocess.CompletedProcess[str]:
    if entry_point:
        script = Path(sys.executable).parent / "storytrace"
        assert script.exists(), f"the storytrace entry point is not installed beside {sys.executable}"
        cmd = [str(script), *args]
    else:
        cmd = [sys.executable, "-m", "storytrace.cli", *args]
    env = {k: v for k, v in os.environ.items() if k != "STORYTRACE_DEBUG"}
    env["PYTHONIOENCODING"] = "utf-8"
    if isinstance(stdin, str):
        stdin = stdin.encode("utf-8")
    proc = subprocess.run(cmd, input=stdin, capture_output=True, cwd=cwd or ROOT, env=env, timeout=120, check=False)
    return subprocess.CompletedProcess(
        proc.args,
        proc.returncode,
        proc.stdout.decode("utf-8"),
        proc.stderr.decode("utf-8"),
    )


@pytest.fixture(scope="session")
def run_cli() -> Callable[..., subprocess.CompletedProcess[str]]:
    """``run_cli(["compare", ...], stdin=None, cwd=None, entry_point=False)``: the CLI for real, in a
    subprocess (``python -m storytrace.cli``, or the installed ``storytrace`` script)."""
    return _run


@pytest.fixture
def make_index(tmp_path: Path) -> Iterator[Callable[..., Any]]:
    """Opens lexical-only indexes under ``tmp_path`` holding the given articles plus the bundled unrelated
    story (an earlier, unrelated candidate), and closes them after the test (the trace review tests)."""
    from storytrace.article import Article
    from storytrace.index import Index

    unrelated = (EXAMPLES / "unrelated.txt").read_text(encoding="utf-8")
    opened: list[Index] = []

    def make(*articles: Article) -> Index:
        index = Index(tmp_path / f"n{len(opened)}.db", lexical_only=True)
        opened.append(index)
        index.add([*articles, Article(text=unrelated, id="unrelated", published="2025-07-01")])
        return index

    yield make
    for index in opened:
        index.close()
