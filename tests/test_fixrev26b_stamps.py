"""rev26b 4: the roundup rule of fixstamps25 counted every bare weekday of the source, upcoming ones and those
outside its lede: the misdated wire of tests/test_fixstamps25_stamps.py went quiet once it closed on "Ueda will
testify ... on Monday" (Monday is two days before the wrong stamp). A roundup is read from the weekdays of the
source's lede and of the sentences the copy takes, a plan's weekday aside."""

from __future__ import annotations

import pytest

from storytrace.article import Article
from storytrace.scan.stamps import stamp_text_conflict
from test_fixstamps25_stamps import BOJ

COPY_STAMP = "2026-03-12T07:15:00+00:00"  # the London copy, stamped right
WRONG_STAMP = "2026-03-11T10:00:00+00:00"  # the wire, stamped a day before Tokyo's Thursday


def _conflict(text: str, copied: str | None = None) -> str | None:
    copy = (copied if copied is not None else text).removeprefix("TOKYO - ").replace("lifting", "taking")
    return stamp_text_conflict(
        Article(id="nywire", text=text, published=WRONG_STAMP), Article(id="uksite", text=copy, published=COPY_STAMP)
    )


@pytest.mark.parametrize(
    "closing",
    [
        "Ueda will testify before a parliamentary committee on Monday.",
        "The bank's board is due to meet again on Monday to review its bond buying.",
        "Finance minister Shunichi Kato is scheduled to meet Ueda on Monday, his ministry said.",
    ],
)
def test_a_misdated_wire_naming_an_upcoming_weekday_still_warns(closing: str) -> None:
    warning = _conflict(BOJ + "\n\n" + closing)
    assert warning is not None and "nywire's stamp may be wrong" in warning


def test_a_recent_weekday_only_in_a_sentence_the_copy_leaves_out_does_not_silence_it() -> None:
    background = BOJ + "\n\nOn Monday, the finance ministry said it had not stepped into the currency market."
    warning = _conflict(background, copied=BOJ)
    assert warning is not None and "on Thursday" in warning


def test_a_recent_weekday_in_a_sentence_the_copy_takes_still_reads_as_a_roundup() -> None:
    # Monday, two days before the wire's (wrong) stamp, dated in a sentence both texts carry: events across the
    # last days, which any stamp near the week's end reads alike
    background = BOJ + "\n\nOn Monday, the finance ministry said it had not stepped into the currency market."
    assert _conflict(background) is None
