"""fixrev24d: rev24d's findings on trace's date bound (merge b14bd44).

1. An earlier original in a time zone ahead of the copy's was held back: a Tokyo wire story of 07:00+09:00 on the
   10th (22:00 UTC on the 9th) copied at 20:00-04:00 on the 9th (00:00 UTC on the 10th) gave "no source", because
   the bound compared printed days. When both stamps carry a time with its offset, a later day is held back only
   if it is also later by the clock, as compare orders two such stamps (``audit.published_order``).
2. The held-back note printed the first ten characters of the raw stamp ("9 August 2" for "9 August 2025").
3. The snapshot read a record's date differently depending on the other records (numpy on ``p[:10]`` when every
   stamp began with an ISO day, the whole value otherwise).
4. A 10-digit YYYYMMDDHH stamp ("2025080912") was read as epoch seconds, 2034, so the original was held back.

A real lexical index, the real CLI and real comparisons of the example texts; nothing is mocked.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

import numpy as np
import pytest

from storytrace.article import Article, article_from_record, published_date_of, published_time_of
from storytrace.audit import published_order
from storytrace.cli import main
from storytrace.index import Index
from storytrace.index.store import _days, _stamps
from storytrace.report.summary import trace_held_back_note
from storytrace.settings import DEFAULT_SETTINGS

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
LEXICAL = DEFAULT_SETTINGS.with_(use_embeddings=False)
ORIGINAL = (EXAMPLES / "original.txt").read_text(encoding="utf-8")
REWRITE = (EXAMPLES / "rewrite.txt").read_text(encoding="utf-8")
UNRELATED = (EXAMPLES / "unrelated.txt").read_text(encoding="utf-8")

#: the Tokyo wire story and the US outlet's rewrite two hours later, in the two forms stamps come in
TOKYO_THEN_NEW_YORK = {
    "iso": ("2025-08-10T07:00:00+09:00", "2025-08-09T20:00:00-04:00"),
    "rfc": ("Sun, 10 Aug 2025 07:00:00 +0900", "Sat, 09 Aug 2025 20:00:00 -0400"),
}


def _trace(indexed: list[Article], suspect: Article, tmp_path: Path, **kwargs: object):  # type: ignore[no-untyped-def]
    with Index(tmp_path / "news.db", lexical_only=True) as index:
        index.add(indexed)
        return index.trace(suspect, settings=LEXICAL, top=5, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("form", sorted(TOKYO_THEN_NEW_YORK))
def test_an_original_printed_on_a_later_day_but_published_earlier_is_the_source(form: str, tmp_path: Path) -> None:
    wire, copy = TOKYO_THEN_NEW_YORK[form]
    original = Article(text=ORIGINAL, id="wire-original", outlet="Tokyo Wire", published=wire)
    suspect = Article(text=REWRITE, id="us-copy", outlet="US Daily", published=copy)
    # the premise: the printed days say the wire came later, its clock and compare say it came first
    assert published_date_of(wire) == dt.date(2025, 8, 10) and suspect.published_date() == dt.date(2025, 8, 9)
    assert published_order(original, suspect) == "as_given"
    result = _trace([original, Article(text=UNRELATED, id="unrelated", published="2025-08-01")], suspect, tmp_path)
    assert result.source == "wire-original"
    assert result.held_back == 0 and not result.held_back_matches


def test_a_copy_later_by_the_clock_as_well_as_the_day_is_still_held_back(tmp_path: Path) -> None:
    """The other way round: the US story is the original, the Tokyo one an hour later by the clock (01:00 UTC on
    the 10th). The instants do not let it in, and the note names it as a later article."""
    suspect = Article(text=ORIGINAL, id="us-original", outlet="US Daily", published="2025-08-09T20:00:00-04:00")
    later = Article(text=REWRITE, id="tokyo-copy", outlet="Tokyo Wire", published="2025-08-10T10:00:00+09:00")
    result = _trace([later, Article(text=UNRELATED, id="unrelated", published="2025-08-01")], suspect, tmp_path)
    assert result.source is None
    assert [m.id for m in result.held_back_matches] == ["tokyo-copy"]
    assert result.held_back == 1


def test_stamps_without_an_offset_still_compare_by_day(tmp_path: Path) -> None:
    """A naive time could be any zone's: the wire at 07:00 on the 10th with no offset stays past the bound of a
    suspect stamped 20:00-04:00 on the 9th, as before (compare does not order the two by their hours either)."""
    original = Article(text=ORIGINAL, id="wire-original", outlet="Tokyo Wire", published="2025-08-10T07:00:00")
    suspect = Article(text=REWRITE, id="us-copy", outlet="US Daily", published="2025-08-09T20:00:00-04:00")
    result = _trace([original, Article(text=UNRELATED, id="unrelated", published="2025-08-01")], suspect, tmp_path)
    assert result.source is None and [m.id for m in result.held_back_matches] == ["wire-original"]


def test_an_explicit_before_is_a_day_and_the_instants_do_not_widen_it(tmp_path: Path) -> None:
    wire, copy = TOKYO_THEN_NEW_YORK["iso"]
    original = Article(text=ORIGINAL, id="wire-original", outlet="Tokyo Wire", published=wire)
    suspect = Article(text=REWRITE, id="us-copy", outlet="US Daily", published=copy)
    result = _trace([original], suspect, tmp_path, before=dt.date(2025, 8, 9))
    assert result.source is None and result.held_back == 1


@pytest.mark.parametrize("form", sorted(TOKYO_THEN_NEW_YORK))
def test_the_cli_names_the_earlier_original_from_an_index_add_built_index(
    form: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``index add`` normalises each stamp to ISO with its offset: the index every CLI user has."""
    wire, copy = TOKYO_THEN_NEW_YORK[form]
    records = tmp_path / "wire.jsonl"
    records.write_text(
        "\n".join(
            json.dumps(r)
            for r in (
                {"id": "wire-original", "outlet": "Tokyo Wire", "published": wire, "text": ORIGINAL},
                {"id": "unrelated", "published": "2025-08-01", "text": UNRELATED},
            )
        ),
        encoding="utf-8",
    )
    suspects = tmp_path / "suspects.jsonl"
    suspects.write_text(
        json.dumps({"id": "us-copy", "outlet": "US Daily", "published": copy, "text": REWRITE}), encoding="utf-8"
    )
    db = tmp_path / "news.db"
    assert main(["index", "add", "--db", str(db), "--lexical-only", str(records)]) == 0
    with Index(db, create=False) as index:
        assert index.get("wire-original").article.published == "2025-08-10T07:00:00+09:00"  # type: ignore[union-attr]
    capsys.readouterr()
    assert main(["trace", "--db", str(db), "--batch", str(suspects), "--no-embeddings"]) == 0
    (line,) = [json.loads(x) for x in capsys.readouterr().out.splitlines() if x.strip()]
    assert line["source"] == "wire-original"
    assert line["held_back"] == 0


def test_the_held_back_note_shows_each_date_as_the_bound_read_it(tmp_path: Path) -> None:
    """trace24's own case: later copies stamped "Fri, 15 Aug 2025 10:00:00 GMT" and "9 August 2025"."""
    later = {"rfc": "Fri, 15 Aug 2025 10:00:00 GMT", "ninth": "9 August 2025", "offset": "2025-08-12T07:00:00+09:00"}
    result = _trace(
        [
            Article(text=f"{ORIGINAL}\n\nShared by partner {k}.", id=cid, outlet=f"Outlet {k}", published=published)
            for k, (cid, published) in enumerate(later.items())
        ],
        Article(text=ORIGINAL, id="wire", outlet="Wire", published="2025-08-01"),
        tmp_path,
    )
    note = trace_held_back_note(result)
    assert note is not None
    assert "ninth (2025-08-09), offset (2025-08-12), rfc (2025-08-15)" in note
    assert "9 August 2)" not in note and "Fri, 15 Au)" not in note


#: stamps rev24d found read two ways, the forms ingestion writes, and the raw forms an API-built index can hold
STAMPS = [
    "2025-08-10T07:00:00+09:00",
    "2025-08-09T20:00:00-04:00",
    "2025-08-10T07:00:00.250000-02:30",
    "2025-08-10T00:00:00+09:00",  # midnight to the second: a day alone to compare
    "2025-08-10T00:00:00.000001+09:00",
    "2025-08-10T07:00:00",
    "2025-08-10",
    "2025-08-09T25:00:00",
    "2025-08-09T10:00:00+0560",
    "2025-08-09T10:00:00+24:00",
    "1800-01-01",
    "2100-01-01T10:00:00+00:00",
    "2025-08-09 garbage",
    "2025-02-30",
    "2025-02-30T10:00:00+09:00",
    "Sun, 10 Aug 2025 07:00:00 +0900",
    "Fri, 15 Aug 2025 10:00:00 GMT",
    "9 August 2025",
    "August 9, 2025 at 9:00 pm EDT",
    "2024-03-14T10:00:00Z",
    "2025-08-10T07:00:00+05:53:28",
    "1754740800",
    "2025080912",
    "08/09/2025",
    "today",
    "",
    None,
]


@pytest.mark.parametrize("others", [["2025-01-01"], ["9 August 2025"], ["2025-01-01T10:00:00+01:00"]])
def test_each_record_is_read_on_its_own_as_an_article_reads_it(others: list[str]) -> None:
    """The snapshot's day and instant of every stamp are those of ``published_date_of`` and ``published_time_of``,
    whatever the other records hold (an all-ISO column takes numpy's way, a mixed one reads values one by one)."""
    for stamp in STAMPS:
        days, instants = _stamps([stamp, *others])
        day = published_date_of(stamp)
        time = published_time_of(stamp)
        assert str(days[0]) == (day.isoformat() if day else "NaT"), stamp
        expected = time.timestamp() if time is not None and time.tzinfo is not None else math.nan
        assert instants[0] == pytest.approx(expected, nan_ok=True, abs=1e-6), stamp
    # the whole column in one go agrees with the values one at a time
    days, instants = _stamps(STAMPS)
    alone = [_stamps([s]) for s in STAMPS]
    assert [str(d) for d in days] == [str(a[0][0]) for a in alone]
    assert np.allclose(instants, [a[1][0] for a in alone], equal_nan=True)
    assert [str(d) for d in _days(STAMPS)] == [str(d) for d in days]


def test_a_stamp_with_a_newline_is_not_split_into_two() -> None:
    days, instants = _stamps(["2025-08-09\n2025-08-10", "2025-08-11"])
    assert [str(d) for d in days] == ["NaT", "2025-08-11"] and math.isnan(instants[0])


def test_a_ten_digit_date_and_hour_is_not_read_as_epoch_seconds(tmp_path: Path) -> None:
    """ "2025080912" is 9 August 2025, 12:00 as YYYYMMDDHH and 4 March 2034 as epoch seconds: left unread (kept as a
    candidate), never a date eight years after its copies. Every reader goes through the same parser: ingestion
    (``index add``, scan's loaders), ``Article.published_date`` (compare, trace) and ``published_time`` (scan)."""
    for stamp in ("2025080912", 2025080912):
        assert published_date_of(stamp) is None  # type: ignore[arg-type]
        record = article_from_record({"text": ORIGINAL, "id": "w", "published": stamp}, where="t")
        assert record.published is None and record.meta["published_raw"] == stamp
        assert Article(text=ORIGINAL, published=str(stamp)).published_time() is None
    # today's epoch seconds (year "17xx" as digits), and ten digits that are no date and hour, still read
    assert published_date_of("1754740800") == dt.date(2025, 8, 9)
    assert published_date_of("2025080924") == dt.date(2034, 3, 4)  # hour 24: not YYYYMMDDHH
    result = _trace(
        [
            Article(text=ORIGINAL, id="wire-original", outlet="Wire", published="2025080912"),
            Article(text=UNRELATED, id="unrelated", published="2025-08-01"),
        ],
        Article(text=REWRITE, id="copy", outlet="Daily", published="2025-08-12"),
        tmp_path,
    )
    assert result.source == "wire-original"
