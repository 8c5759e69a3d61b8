"""fixstamps25 (rev25g 1-4): the "stamps in doubt" warning stays quiet on right stamps. The source's day is read at
UTC+13 (an American wire's Wednesday evening is Tokyo's Thursday); retellings a week on, a week's roundup and a
follow-up's own event on the same weekday raise no doubt; on the scan benchmark's ordinary corpus (every stamp
right) no pair warns and the parser is never reached. The qa25 misdated copy still warns
(tests/test_fixqa25s_scan.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import storytrace.scan.stamps as stamps
from storytrace.article import Article
from storytrace.scan.stamps import stamp_conflicts, stamp_text_conflict

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import make_scan_corpus

BOJ = (
    "TOKYO - Japan's central bank raised interest rates on Thursday for the first time in a year, lifting its "
    "short-term policy rate to 0.75% as wages rose faster than it had expected.\n\n"
    "Governor Kazuo Ueda told a news conference that the bank would keep raising rates if the economy held up.\n\n"
    "The yen rose against the dollar after the decision."
)
JUDGE = (
    "A federal judge on Monday blocked the state's new voter ID law, ruling that it placed an undue burden on "
    "elderly voters. The state attorney general said he would appeal. The law, passed in January, required voters "
    "to show one of four forms of photo identification at the polls."
)
APPEAL = (
    "An appeals court on Monday refused to lift the block on the state's new voter ID law. A federal judge had "
    "ruled that it placed an undue burden on elderly voters, and the state attorney general appealed. The law, "
    "passed in January, required voters to show one of four forms of photo identification at the polls."
)
WEEK = (
    "The council voted on Monday to close the Elm Street library branch, citing a $2m budget gap.\n\n"
    "On Thursday the mayor announced a hiring freeze for every city department.\n\n"
    "Residents said they would protest at the next meeting."
)


def _art(id_: str, text: str, published: str) -> Article:
    return Article(id=id_, text=text, published=published)


def test_an_american_stamp_on_an_asian_events_day_is_no_doubt() -> None:
    # 21:30 in New York on Wednesday is Thursday 14:30 in Tokyo: the wire's "on Thursday" is that day
    wire = _art("nywire", BOJ, "2026-03-11T21:30:00-04:00")
    copy = _art("uksite", BOJ.removeprefix("TOKYO - ").replace("lifting", "taking"), "2026-03-12T07:15:00+00:00")
    assert stamp_text_conflict(wire, copy) is None
    # the same wire stamped Wednesday 10:00 UTC (23:00 at UTC+13: still Wednesday everywhere) is in doubt
    early = _art("nywire", BOJ, "2026-03-11T10:00:00+00:00")
    warning = stamp_text_conflict(early, copy)
    assert warning is not None and "nywire's stamp may be wrong" in warning


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        # a Friday story of Monday's ruling recycled three weeks on: a retelling, a week or more later
        (
            _art("fri", JUDGE, "2026-03-13T10:00:00+00:00"),
            _art("farm", JUDGE.replace("blocked", "struck down"), "2026-04-03T10:00:00+00:00"),
        ),
        # a Sunday week's roundup (Monday's vote, Thursday's freeze) rewritten on Monday
        (
            _art("weekly", WEEK, "2026-03-15T08:00:00-05:00"),
            _art("farm", WEEK.replace("voted", "decided"), "2026-03-16T10:00:00-05:00"),
        ),
        # a Wednesday follow-up retells the Friday story's ruling and opens with its own Monday appeal
        (_art("fri", JUDGE, "2026-03-13T10:00:00+00:00"), _art("followup", APPEAL, "2026-03-18T10:00:00+00:00")),
    ],
)
def test_right_stamps_of_ordinary_retellings_raise_no_doubt(source: Article, derived: Article) -> None:
    assert stamp_text_conflict(source, derived) is None


def test_the_scan_benchmark_corpus_with_right_stamps_warns_on_no_pair_and_never_parses(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rows = list(make_scan_corpus.corpus(300, 7))
    truth = [(r["derived"]["from"], r["id"]) for r in rows if "derived" in r]
    assert len(truth) == 75
    positions = {r["id"]: k for k, r in enumerate(rows)}
    parsed: list[str] = []
    real = stamps._past_weekdays

    def counted(text: str, mentions: object) -> set[int]:
        parsed.append(text)
        return real(text, mentions)  # type: ignore[arg-type]

    monkeypatch.setattr(stamps, "_past_weekdays", counted)
    conflicts = stamp_conflicts(
        (
            (positions[s], positions[d], rows[positions[s]].get("published"), rows[positions[d]].get("published"))
            for s, d in truth
        ),
        lambda wanted: {
            k: Article(id=rows[k]["id"], text=rows[k]["text"], published=rows[k].get("published")) for k in wanted
        },
    )
    assert conflicts == {}
    assert parsed == []  # the parser (spaCy) is not loaded for a corpus whose pairs fail the cheap checks
