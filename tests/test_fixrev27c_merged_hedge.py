# ruff: noqa: E501 - the story is as qa26 wrote it, one paragraph a line
"""A merge that drops its sentence's negation or hedge is no faithful merge (review rev27c, R4).

fq27a read "the Government will cap annual rent increases at 2% and will give tax incentives to landlords who offer
leases of five years" as a faithful merge of the cap's sentence and "Brennan said the Government would also
consider tax incentives ..., but that no decision had yet been taken": the plan told as a decision went quiet. Now
a merged sentence of the original with a negation, a hedge or a step only weighed that the suspect's sentence drops
is no faithful merge. The counterpart: the same merge keeping "would consider" and "no decision" stays quiet.
"""

from __future__ import annotations

from storytrace import compare
from storytrace.article import article_from_text

ORIGINAL = """Government to cap rent increases at 2% in pressure zones, housing minister says

Published 14 May 2026 12:30 UTC

DUBLIN - The Government will introduce legislation next month to cap annual rent increases at 2% in areas where housing pressure is highest, Housing Minister Clodagh Brennan announced on Wednesday.

The cap would apply in 31 rent pressure zones, which cover about 74% of private rented homes in the country, according to the Department of Housing.

"Renters have carried the weight of this crisis for too long, and this cap is about giving them a bit of certainty," Brennan told reporters at Government Buildings.

The measure would replace the current limit of 4% and would run for three years if passed by the Oireachtas. Brennan said she expected the bill to be debated before the summer recess.

Landlord groups criticised the plan. Nuala Kerrigan, chief executive of the Irish Property Owners Forum, said the cap "will drive more small landlords out of the market at exactly the wrong time".

The Department of Finance has estimated that the cap could reduce new investment in rental housing by up to €400 million a year, according to a briefing note seen by this newspaper.

Opposition housing spokesman Eoin Daly said the proposal did not go far enough. "A 2% cap is welcome, but it does nothing for the thousands of families already priced out," he said.

The Residential Tenancies Board recorded 4,812 notices of termination in the first three months of the year, up 11% on the same period in 2025.

Brennan said the Government would also consider tax incentives for landlords who offer leases of five years or longer, but that no decision had yet been taken.

Taoiseach Micheál Martin said on Tuesday that the Cabinet had backed the proposal unanimously."""
HEAD = "Rent cap planned\n\nPublished 14 May 2026 18:00 UTC\n\n"


def _flags(sentence: str) -> list[str]:
    suspect = HEAD + sentence + " Landlord groups criticised the plan."
    report = compare(article_from_text(ORIGINAL, id="original"), article_from_text(suspect, id="suspect"))
    return [
        f"{f.type}/{f.subtype}"
        for f in report.findings
        if f.type != "fact_omitted" and f.severity in ("medium", "high")
    ]


def test_a_plan_merged_as_a_decision_keeps_a_flag() -> None:
    assert _flags(
        "Housing Minister Clodagh Brennan said the Government will cap annual rent increases at 2% and will give tax incentives to landlords who offer leases of five years."
    )


def test_the_merge_keeping_its_hedge_and_negation_stays_quiet() -> None:
    assert (
        _flags(
            "Housing Minister Clodagh Brennan said the Government will cap annual rent increases at 2% and would also consider tax incentives for landlords who offer leases of five years, but no decision had yet been taken."
        )
        == []
    )
