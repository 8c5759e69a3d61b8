"""rev27f R4: report.html's card counted the pairs resting on a doubtful stamp (whose texts contradict nothing) as
"pairs whose stamps the texts contradict"; its label now says what it counts."""

from __future__ import annotations

from collections import Counter

from storytrace.scan.overview import overview_html


def test_the_stamp_card_claims_no_contradiction_for_pairs_that_only_rest_on_a_stamp() -> None:
    page = overview_html(summary={"stamps_in_doubt": 3}, pairs=[], clusters=[], outlets=[], edges=Counter())
    assert "pairs ordered by a stamp in doubt" in page
    assert "contradict" not in page
