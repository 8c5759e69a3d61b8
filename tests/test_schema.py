"""The JSON report schema storytrace.report/1: REPORT_JSON_SCHEMA, the reports it accepts and refuses,
and docs/schema.md kept in step with both."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest

from storytrace import Article, Settings, compare
from storytrace.align import KINDS
from storytrace.article import article_from_text
from storytrace.audit import DIRECTIONS, RELATIONS
from storytrace.finding import FINDING_TYPES, SEVERITIES
from storytrace.report.json import REPORT_JSON_SCHEMA, SCHEMA, dumps

DOC = Path(__file__).resolve().parent.parent / "docs" / "schema.md"


@pytest.fixture(scope="module")
def doc() -> str:
    return DOC.read_text(encoding="utf-8")


def json_blocks(doc: str) -> list[str]:
    return re.findall(r"```json\n(.*?)```", doc, flags=re.DOTALL)


@pytest.fixture(scope="module")
def doc_example(doc: str) -> dict[str, Any]:
    blocks = [b for b in json_blocks(doc) if b.startswith('{\n  "schema"')]
    assert len(blocks) == 1, "docs/schema.md should hold one full example report"
    return json.loads(blocks[0])


# --- the schema itself ------------------------------------------------------------------------------------


def test_schema_is_a_valid_draft_2020_12_schema(schema_validator: Any) -> None:
    assert REPORT_JSON_SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert REPORT_JSON_SCHEMA["properties"]["schema"] == {"const": SCHEMA}
    assert SCHEMA == "storytrace.report/1"


def test_schema_enums_follow_the_code() -> None:
    props = REPORT_JSON_SCHEMA["properties"]
    assert props["verdict"]["properties"]["relation"]["enum"] == list(RELATIONS)
    assert props["verdict"]["properties"]["direction"]["enum"] == list(DIRECTIONS)
    assert props["alignments"]["items"]["properties"]["kind"]["enum"] == list(KINDS)
    finding = props["findings"]["items"]["properties"]
    assert finding["type"]["enum"] == list(FINDING_TYPES)
    assert finding["severity"]["enum"] == list(SEVERITIES)


def test_report_keys_in_the_schema_order(example_dict: dict[str, Any]) -> None:
    assert list(example_dict) == list(REPORT_JSON_SCHEMA["properties"])
    side = REPORT_JSON_SCHEMA["properties"]["source"]["properties"]
    assert list(example_dict["source"]) == list(side)
    finding = REPORT_JSON_SCHEMA["properties"]["findings"]["items"]["properties"]
    assert all(list(f) == list(finding) for f in example_dict["findings"])


# --- reports the schema accepts ---------------------------------------------------------------------------


GERMAN = (
    "Der Stadtrat hat am Dienstag mit sieben zu zwei Stimmen einen neuen Haushalt von 48 Millionen Euro "
    "beschlossen. Die Parkgebühren in der Innenstadt steigen um 25 Cent pro Stunde, sagte die Stadt."
)
SHORT = "The council met on Monday. It approved the plan for the new bridge over the Marrow River."


@pytest.mark.parametrize(
    ("source", "derived", "settings"),
    [
        pytest.param(SHORT, SHORT, Settings(), id="self"),
        pytest.param(SHORT, "Share this article\n\nPhoto: The bridge.", Settings(), id="boilerplate-only"),
        pytest.param("Share this article", SHORT, Settings(), id="boilerplate-only-source"),
        pytest.param(GERMAN, SHORT, Settings(), id="non-english"),
        pytest.param(SHORT, "A one-line note.", Settings(use_embeddings=False), id="lexical"),
        pytest.param(
            Article(text=SHORT, title="T", url="https://x.test/1", outlet="O", published="2024-03-14"),
            Article(text=SHORT, id="x", published="not a date", meta={"k": [1, 2]}),
            Settings(),
            id="articles",
        ),
    ],
)
def test_reports_of_every_shape_are_valid(source: Any, derived: Any, settings: Settings, check_report: Any) -> None:
    d = compare(source, derived, settings=settings).to_dict()
    check_report(d)
    assert json.loads(dumps(d)) == d


def test_unreadable_published_date_is_kept_in_meta() -> None:
    d = compare(SHORT, article_from_text(SHORT, published="not a date")).to_dict()
    assert d["derived"]["published"] is None
    assert d["derived"]["meta"] == {"published_raw": "not a date"}


def test_the_examples_report_is_valid(example_dict: dict[str, Any], check_report: Any) -> None:
    check_report(example_dict)
    assert example_dict["meta"]["source_sha256"] != example_dict["meta"]["derived_sha256"]


def test_dumps_refuses_nan() -> None:
    with pytest.raises(ValueError):
        dumps({"x": float("nan")})


# --- reports the schema refuses ---------------------------------------------------------------------------


def _drop(path: tuple[Any, ...]) -> Any:
    def edit(d: dict[str, Any]) -> None:
        target = d
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return edit


def _set(path: tuple[Any, ...], value: Any) -> Any:
    def edit(d: dict[str, Any]) -> None:
        target = d
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return edit


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(_set(("schema",), "storytrace.report/2"), id="other-version"),
        pytest.param(_drop(("verdict",)), id="no-verdict"),
        pytest.param(_drop(("source", "text")), id="no-source-text"),
        pytest.param(_set(("verdict", "relation"), "copied"), id="unknown-relation"),
        pytest.param(_set(("verdict", "direction"), "forward"), id="unknown-direction"),
        pytest.param(_set(("scores", "reuse"), 1.5), id="score-over-one"),
        pytest.param(_set(("scores", "novelty"), -0.1), id="score-negative"),
        pytest.param(_set(("alignments", 0, "kind"), "copied"), id="unknown-kind"),
        pytest.param(_set(("alignments", 0, "derived"), []), id="alignment-without-derived"),
        pytest.param(_set(("findings", 0, "type"), "made_up"), id="unknown-finding-type"),
        pytest.param(_set(("findings", 0, "severity"), "critical"), id="unknown-severity"),
        pytest.param(_set(("findings", 0, "derived"), {"start": 1, "end": 2}), id="span-without-text"),
        pytest.param(_set(("findings", 0, "derived"), {"start": -1, "end": 2, "text": "x"}), id="negative-span"),
        pytest.param(_set(("source", "sentences", 0, "boilerplate"), "no"), id="boilerplate-not-bool"),
        pytest.param(_drop(("meta", "settings")), id="no-settings"),
    ],
)
def test_schema_refuses_broken_reports(example_dict: dict[str, Any], schema_validator: Any, edit: Any) -> None:
    broken = copy.deepcopy(example_dict)
    edit(broken)
    assert not schema_validator.is_valid(broken)


# --- docs/schema.md ---------------------------------------------------------------------------------------


def _documented(doc: str) -> set[str]:
    """Every name written in backticks, split on '.', ',' and spaces ("`sentences[].start`, `.end`")."""
    names: set[str] = set()
    prose = re.sub(r"```.*?```", "", doc, flags=re.DOTALL)
    for code in re.findall(r"`([^`]+)`", prose):
        names.update(part for part in re.split(r"[\s.,\[\]]+", code) if part)
    return names


def test_docs_describe_every_field(doc: str, example_dict: dict[str, Any]) -> None:
    names = _documented(doc)
    fields = set(example_dict) | set(example_dict["source"]) | set(example_dict["verdict"])
    fields |= set(example_dict["scores"]) | set(example_dict["meta"])
    fields |= set(example_dict["source"]["sentences"][0]) | set(example_dict["alignments"][0])
    fields |= set(example_dict["findings"][0]) | {"start", "end", "text"}
    assert fields - names == set()


def test_docs_name_every_value(doc: str) -> None:
    names = _documented(doc)
    for values in (RELATIONS, DIRECTIONS, KINDS, FINDING_TYPES, SEVERITIES):
        assert set(values) - names == set()


def test_docs_state_the_version_rule_and_exit_statuses(doc: str) -> None:
    from storytrace import cli

    assert "`storytrace.report/1`" in doc and "storytrace.report/2" in doc
    versioning = doc[doc.index("## Versioning") :]
    versioning = versioning[: versioning.index("\n## ", 1)]
    assert "added" in versioning and "keeps the version" in versioning
    assert "removed" in versioning and "renamed" in versioning and "bumps" in versioning
    statuses = {int(n) for n in re.findall(r"^\| (\d+) \|", doc, flags=re.MULTILINE)}
    assert statuses == {
        cli.EXIT_OK,
        cli.EXIT_INTERNAL,
        cli.EXIT_INPUT,
        cli.EXIT_PARTIAL,
        cli.EXIT_INTERRUPTED,
        cli.EXIT_TERMINATED,
        cli.EXIT_HANGUP,
    }


def test_docs_batch_error_line(doc: str) -> None:
    lines = [json.loads(b) for b in json_blocks(doc) if b.startswith('{"id"') and "…" not in b]
    assert len(lines) == 1
    assert list(lines[0]) == ["id", "line", "error"]
    assert lines[0]["error"].startswith(f"line {lines[0]['line']}: ")


def test_docs_example_is_a_valid_report(doc_example: dict[str, Any], check_report: Any) -> None:
    check_report(doc_example)


def test_docs_example_is_what_storytrace_gives(doc_example: dict[str, Any], fresh_embedder: Any) -> None:
    """The example is real output: the same texts still give the same sentences, alignments, findings."""
    src, der = doc_example["source"], doc_example["derived"]
    live = compare(Article(text=src["text"], id=src["id"]), Article(text=der["text"], id=der["id"])).to_dict()
    assert list(live) == list(doc_example)
    for side in ("source", "derived"):
        assert live[side] == doc_example[side]
    # Cosines come from int8 kernels that differ by CPU (AVX2 alone vs AVX-512 VNNI: test_embed.py): the links
    # must be the same, their similarities close.
    unscored = [{k: v for k, v in a.items() if k != "similarity"} for a in live["alignments"]]
    assert unscored == [{k: v for k, v in a.items() if k != "similarity"} for a in doc_example["alignments"]]
    for a, b in zip(live["alignments"], doc_example["alignments"], strict=True):
        assert abs(a["similarity"] - b["similarity"]) <= 0.03, (a, b)
    assert [(f["type"], f["subtype"], f["derived"], f["source"]) for f in live["findings"]] == [
        (f["type"], f["subtype"], f["derived"], f["source"]) for f in doc_example["findings"]
    ]
    assert live["verdict"]["relation"] == doc_example["verdict"]["relation"]
    assert list(live["meta"]) == list(doc_example["meta"])
    assert {k: live["meta"]["settings"][k] for k in doc_example["meta"]["settings"]} == doc_example["meta"]["settings"]
    for key in ("source_sha256", "derived_sha256", "embedding_model"):
        assert live["meta"][key] == doc_example["meta"][key]
