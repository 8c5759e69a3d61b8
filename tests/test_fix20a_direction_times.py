"""Publication times of day decide the direction (QA session 20): a scan no longer puts a later copy before an
earlier one because both were stamped on the same day."""

from __future__ import annotations

import json
from pathlib import Path

from storytrace import compare
from storytrace.article import Article
from storytrace.scan import ScanConfig, scan
from storytrace.settings import DEFAULT_SETTINGS

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
ORIGINAL = (EXAMPLES / "original.txt").read_text(encoding="utf-8")
LEXICAL = DEFAULT_SETTINGS.with_(use_embeddings=False)


def _direction(original_time: str, suspect_time: str) -> tuple[str, float, list[str]]:
    # the same text twice: the words give no direction, so only the times can
    v = compare(
        Article(text=ORIGINAL, id="o", published=original_time),
        Article(text=ORIGINAL, id="s", published=suspect_time),
        settings=LEXICAL,
    ).verdict
    return v.direction, v.direction_confidence, list(v.evidence)


def test_times_with_offsets_decide_the_same_day() -> None:
    direction, confidence, evidence = _direction("2024-03-14T14:00:00Z", "2024-03-14T16:00:00Z")
    assert (direction, confidence) == ("as_given", 0.75)  # below trace's "surely reversed": a stamp may be off
    assert any("2 h earlier" in e and "14:00 UTC" in e for e in evidence)
    assert _direction("2024-03-14T16:00:00Z", "2024-03-14T14:00:00Z")[0] == "reversed"


def test_offsets_are_read_not_the_printed_day_or_hour() -> None:
    # 10:00 in New York is 15:00 UTC, after 16:00 at +02:00 (14:00 UTC): the suspect came first
    assert _direction("2024-03-14T10:00:00-05:00", "2024-03-14T16:00:00+02:00")[0] == "reversed"
    # 23:00 in New York on the 14th is 04:00 UTC on the 15th: after 02:00 UTC on the 15th, whatever the days say
    assert _direction("2024-03-14T23:00:00-05:00", "2024-03-15T02:00:00+00:00")[0] == "reversed"


def test_times_without_a_zone_leave_it_to_the_text() -> None:
    # a time without its zone could be any zone's (US local time is 4-5 h behind UTC): the days decide, or the text
    direction, confidence, evidence = _direction("2024-03-14 09:00", "2024-03-14 15:00")
    assert (direction, confidence) == ("unclear", 0.5)
    assert any("without a time of day" in e for e in evidence)
    assert _direction("2024-03-14T09:00:00Z", "2024-03-14 13:30")[0] == "unclear"
    assert _direction("2024-03-13 23:00", "2024-03-14 01:00")[0] == "as_given"  # two days: the days decide


def test_minutes_apart_or_against_the_texts_sure_sign_the_times_do_not_decide() -> None:
    # an update stamped ten minutes after its partner's copy (review rev20a)
    assert _direction("2024-03-14T14:10:00Z", "2024-03-14T14:00:00Z")[0] == "unclear"
    # the text's own sure sign the other way: the suspect has the precise figures the "original" blurs
    blurred = ORIGINAL
    for figure in ("16 inches", "600 businesses", "14,000", "900", "310", "400"):
        blurred = blurred.replace(figure, "many" if figure[0].isdigit() and " " not in figure else "several")
    v = compare(
        Article(text=blurred, id="o", published="2024-03-14T14:00:00Z"),
        Article(text=ORIGINAL, id="s", published="2024-03-14T16:00:00Z"),
        settings=LEXICAL,
    ).verdict
    text_only = compare(Article(text=blurred, id="o"), Article(text=ORIGINAL, id="s"), settings=LEXICAL).verdict
    assert text_only.direction == "reversed" and text_only.direction_confidence >= 0.76
    assert v.direction == "unclear" and any("the text points the other way" in e for e in v.evidence)


def test_a_date_alone_or_a_padded_midnight_leaves_the_day_to_decide() -> None:
    # a bare date could be any hour of its day: same day, so the text decides (here: no sign)
    direction, _, evidence = _direction("2024-03-14", "2024-03-14T09:00:00Z")
    assert direction == "unclear" and any("without a time of day" in e for e in evidence)
    assert _direction("2024-03-14T00:00:00", "2024-03-14T09:00:00")[0] == "unclear"
    assert _direction("2024-03-13", "2024-03-14T09:00:00Z")[0] == "as_given"
    assert Article(text="x", published="2024-03-14T00:00:00Z").published_time() is None


def test_a_scan_of_same_day_copies_follows_their_times(tmp_path: Path) -> None:
    """The syndicated copy carries a republication line, the later local edit does not: the line used to
    make the edit the syndicated copy's source, with a lag of -3 hours and its changes read backwards."""
    paras = ORIGINAL.split("\n\n")
    synd = ORIGINAL.rstrip() + "\n\nThis story was originally published by Coastline Wire."
    edit = (
        "\n\n".join(p for k, p in enumerate(paras) if k != 5)
        .replace("16 inches", "18 inches")
        .replace("600 businesses", "650 businesses")
    )
    records = [
        {"id": "wire", "outlet": "Wire", "published": "2024-03-14T14:00:00Z", "text": ORIGINAL},
        {"id": "synd", "outlet": "Syndi", "published": "2024-03-14T16:00:00Z", "text": synd},
        {"id": "edit", "outlet": "LocalE", "published": "2024-03-14T19:00:00Z", "text": edit},
    ]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    scan([str(corpus)], tmp_path / "out", engine="local", config=ScanConfig(settings=LEXICAL), workers=1)
    pairs = [json.loads(line) for line in (tmp_path / "out" / "pairs.jsonl").read_text().splitlines()]
    oriented = {(p["source_id"], p["derived_id"]): p for p in pairs}
    assert ("synd", "edit") in oriented and ("edit", "synd") not in oriented
    assert all(p["lag_hours"] >= 0 for p in pairs)
    # read the right way round, the edit changed two figures and added nothing
    assert oriented[("synd", "edit")]["findings"].get("number_changed") == 2
    assert "claim_added" not in oriented[("synd", "edit")]["findings"]
