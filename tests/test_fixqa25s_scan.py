"""fixqa25s (qa25, scan): an article held under two ids of one outlet counts once whatever --cross-outlet or
--max-lag report (the filters choose pairs, not which ids are one article); clusters.jsonl's ``derived`` counts
articles once; a copy stamped before the story it copied is warned about when both texts date the event after
its stamp; report.html lists the pairs (escaped, capped) and says what its outlet columns mean."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from storytrace.article import Article
from storytrace.cli import main
from storytrace.scan.overview import overview_html, pair_table_rows
from storytrace.scan.stamps import stamp_text_conflict

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
ORIGINAL = (EXAMPLES / "original.txt").read_text(encoding="utf-8")
REWRITE = (EXAMPLES / "rewrite.txt").read_text(encoding="utf-8")


def _write(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _outlets(out: Path) -> dict[str, dict[str, str]]:
    with (out / "outlets.csv").open(encoding="utf-8") as fh:
        return {r["outlet"]: r for r in csv.DictReader(fh)}


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def repeat_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wire story, a farm's rewrite of it, and the farm's AMP page of the rewrite under a second id."""
    rows = [
        {"id": "wire", "text": ORIGINAL, "outlet": "Wire", "published": "2024-03-14T08:00:00+00:00"},
        {
            "id": "farm",
            "text": REWRITE,
            "outlet": "Farm",
            "url": "https://farm.example/seawall",
            "published": "2024-03-14T14:00:00+00:00",
        },
        {
            "id": "farm-amp",
            "text": REWRITE,
            "outlet": "Farm",
            "url": "https://farm.example/amp/seawall",
            "published": "2024-03-14T14:00:00+00:00",
        },
    ]
    return _write(tmp_path_factory.mktemp("repeat") / "c.jsonl", rows)


@pytest.mark.parametrize("filters", [[], ["--cross-outlet"], ["--max-lag", "12h"]])
def test_an_article_under_two_ids_counts_once_whatever_pairs_the_filters_report(
    repeat_corpus: Path, tmp_path: Path, filters: list[str]
) -> None:
    out = tmp_path / "out"
    assert main(["scan", str(repeat_corpus), "--out", str(out), "--workers", "1", *filters]) == 0
    farm = _outlets(out)["Farm"]
    # was, with --cross-outlet: 2 articles, 2 derived, "Wire:2", derived_articles 2 (the same-outlet pair that
    # says the two ids are one article was filtered before the outlet figures learnt it)
    assert (farm["articles"], farm["derived"], farm["from_outlets"]) == ("1", "1", "Wire:1")
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["derived_articles"] == 1
    pairs = {(p["source_id"], p["derived_id"]) for p in _jsonl(out / "pairs.jsonl")}
    assert (("farm", "farm-amp") in pairs) == ("--cross-outlet" not in filters)
    # same_article_pairs counts the lines of pairs.jsonl that are such repeats: none when the filter left it out
    assert summary["same_article_pairs"] == (0 if "--cross-outlet" in filters else 1)
    (cluster,) = _jsonl(out / "clusters.jsonl")
    # one rewrite: derived 1 (was 2, the rewrite's second id counted as a second derived article)
    assert (cluster["derived"], cluster["repeats"], cluster["size"]) == (1, 1, 3)
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "<b>1</b>derived articles (each once)" in page


def test_spark_counts_the_repeat_once_under_cross_outlet_as_the_local_engine(
    repeat_corpus: Path, tmp_path: Path
) -> None:
    pytest.importorskip("pyspark", reason="the spark extra is not installed (pip install -e '.[spark]')")
    outs = {}
    for engine, extra in (("local", ["--workers", "1"]), ("spark", ["--master", "local[2]"])):
        outs[engine] = tmp_path / engine
        args = ["scan", str(repeat_corpus), "--out", str(outs[engine]), "--cross-outlet", "--engine", engine, *extra]
        assert main(args) == 0
    for name in ("outlets.csv", "clusters.jsonl"):
        assert (outs["local"] / name).read_text(encoding="utf-8") == (outs["spark"] / name).read_text(encoding="utf-8")


COURT = (
    "A Norwell court on Thursday stopped the town's plan to sell its harbour ferry company to a private "
    "operator for 64 million euros, ruling that the council had not held the hearing the law requires.\n\n"
    "Judge Tomas Berg said the council had ignored a 2017 statute on the sale of public transport services.\n\n"
    "The ferry company carries about 2.3 million passengers a year between Norwell and the islands.\n\n"
    "The council said it would read the judgment before deciding whether to appeal."
)
COURT_COPY = COURT.replace("stopped the town's plan", "blocked the town's plan").replace(
    "about 2.3 million", "some 2.3 million"
)


def _art(id_: str, text: str, published: str) -> Article:
    return Article(id=id_, text=text, published=published)


def test_a_copy_stamped_the_day_before_the_event_its_text_dates_is_warned_about() -> None:
    # stamped Wednesday 11 March; both texts say the court ruled "on Thursday", the wire stamped that Thursday
    misdated = _art("farm", COURT_COPY, "2026-03-11T10:00:00+00:00")
    wire = _art("wire", COURT, "2026-03-12T06:00:00+00:00")
    warning = stamp_text_conflict(misdated, wire)
    assert warning is not None and warning.startswith("stamps in doubt")
    assert "2026-03-12" in warning and "farm's stamp may be wrong" in warning


@pytest.mark.parametrize(
    ("source_stamp", "derived_stamp", "source_text"),
    [
        # a Friday story of Thursday's ruling, copied the next Thursday: old news retold as fresh, the stamps right
        ("2026-03-06T10:00:00+00:00", "2026-03-12T06:00:00+00:00", COURT),
        # the same printed day: both read "Thursday" alike
        ("2026-03-12T01:00:00+00:00", "2026-03-12T06:00:00+00:00", COURT),
        # a plan, not an event: the Wednesday story says the court will rule on Thursday
        (
            "2026-03-11T10:00:00+00:00",
            "2026-03-12T06:00:00+00:00",
            COURT.replace("A Norwell court on Thursday stopped", "A Norwell court will rule on Thursday on"),
        ),
    ],
)
def test_no_stamp_doubt_where_the_texts_fit_the_stamps(source_stamp: str, derived_stamp: str, source_text: str) -> None:
    assert stamp_text_conflict(_art("a", source_text, source_stamp), _art("b", COURT_COPY, derived_stamp)) is None


def test_a_scan_says_which_pair_has_stamps_in_doubt(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [
        {"id": "wire", "text": COURT, "outlet": "Wire", "published": "2026-03-12T06:00:00+00:00"},
        {"id": "farm", "text": COURT_COPY, "outlet": "Farm", "published": "2026-03-11T10:00:00+00:00"},
    ]
    out = tmp_path / "out"
    assert main(["scan", str(_write(tmp_path / "c.jsonl", rows)), "--out", str(out), "--workers", "1"]) == 0
    assert "warning: farm -> wire: stamps in doubt" in capsys.readouterr().err
    (pair,) = _jsonl(out / "pairs.jsonl")
    assert (pair["source_id"], pair["derived_id"]) == ("farm", "wire")  # the stamps' direction is kept
    assert pair["warnings"][0].startswith("stamps in doubt")
    assert json.loads((out / "summary.json").read_text(encoding="utf-8"))["stamps_in_doubt"] == 1
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "pairs ordered by a stamp in doubt" in page and "stamps in doubt" in page


def _pair(source: str, derived: str, relation: str = "derived") -> dict[str, Any]:
    return {
        "source_id": source,
        "derived_id": derived,
        "relation": relation,
        "direction_confidence": 0.9,
        "lag_hours": 3.0,
        "scores": {"reuse": 0.91234},
        "findings": {"claim_added": 2},
        "source_meta": {"id": source, "outlet": "Wire <b>"},
        "derived_meta": {"id": derived},
    }


def test_the_report_lists_the_pairs_escaped_and_says_when_it_shows_only_some() -> None:
    pairs = [_pair("w<script>alert(1)</script>", "a"), _pair("w", "b", "sibling"), _pair("w", "c")]
    rows, note = pair_table_rows(pairs, limit=2)
    assert "<script>" not in rows and "&lt;script&gt;" in rows and "Wire &lt;b&gt;" in rows
    assert rows.count("<tr>") == 2 and note == "The first 2 of 3 pairs; all are in pairs.jsonl."
    assert "sibling" not in rows  # copies first: the sibling pair is the one left out
    rows, note = pair_table_rows(pairs)
    assert rows.count("<tr>") == 3 and note == "3 pairs." and "claim_added 2" in rows and "0.912" in rows


def test_the_report_says_what_its_outlet_columns_mean() -> None:
    from collections import Counter

    page = overview_html(
        summary={"articles": 3, "derived_articles": 1}, pairs=[], clusters=[], outlets=[], edges=Counter()
    )
    for term in ("<b>originals copied</b>:", "<b>share derived</b>:", "<b>median lag</b>:"):
        assert term in page
    assert "<b>1</b>derived articles (each once)" in page
    assert "derived pairs (one per source, repeats included)" in page
