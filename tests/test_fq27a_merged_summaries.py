"""qa26 P7/P9: a faithful summary that tells two or three sentences of the original as one is no splice.

The stories are qa26's (written for the project, fictional). Each faithful merge has beside it a splice built
from the same original that must stay flagged: a figure from a sentence about someone else, a figure from a
sentence about another thing, a fact tied to another by a cause it never had.
"""

# ruff: noqa: E501  (the stories are kept as written, one paragraph a line)
from __future__ import annotations

from storytrace import compare
from storytrace.article import article_from_text
from storytrace.comparison import Report

EARNINGS = """Norland Foods profit jumps 18% as price rises offset weaker volumes

Published 5 February 2026 07:00 UTC

Norland Foods reported an 18% rise in full-year operating profit on Thursday, as higher prices for its frozen meals and snacks more than made up for a fall in the volume of goods it sold.

The Oslo-listed group said operating profit reached 2.31 billion Norwegian crowns in 2025, up from 1.96 billion a year earlier. Revenue rose 6.4% to 28.7 billion crowns.

Sales volumes fell 3.1% across the group, with the sharpest decline in Sweden, where the company lost a supply contract with a large supermarket chain in the spring.

Chief executive Ingrid Solheim said the results showed the company's brands were holding up.

The board proposed a dividend of 4.50 crowns per share, compared with 3.80 crowns last year.

The company plans to close its bakery in Drammen by the end of 2026, a move that will affect around 140 jobs.

Analysts at Fjordbank had forecast operating profit of 2.25 billion crowns.

Shares in Norland rose 4.2% in early trading in Oslo."""

SUMMARY_HEAD = "Norland Foods lifts profit and dividend\n\nPublished 5 February 2026 13:00 UTC\n\n"
MERGED = (
    "Norland Foods said 2025 operating profit rose 18% to 2.31 billion crowns on higher prices, "
    "even though volumes fell 3.1%."
)

RENT = """Government to cap rent increases at 2% in pressure zones, housing minister says

Published 14 May 2026 12:30 UTC

DUBLIN - The Government will introduce legislation next month to cap annual rent increases at 2% in areas where housing pressure is highest, Housing Minister Clodagh Brennan announced on Wednesday.

The cap would apply in 31 rent pressure zones, which cover about 74% of private rented homes in the country, according to the Department of Housing.

"Renters have carried the weight of this crisis for too long," Brennan told reporters at Government Buildings.

The measure would replace the current limit of 4% and would run for three years.

Landlord groups criticised the plan.

The Residential Tenancies Board recorded 4,812 notices of termination in the first three months of the year."""

RENT_SUMMARY = (
    "2% rent cap planned for pressure zones\n\nPublished 14 May 2026 18:00 UTC\n\n"
    "Housing Minister Clodagh Brennan said legislation next month will cap annual rent rises at 2% in 31 rent "
    "pressure zones, down from 4%, for three years. Landlord groups criticised the plan."
)

CHARGE = """A former chief financial officer of Halvorsen Logistics has been charged with diverting €4.2 million from the company's pension fund, prosecutors in Rotterdam said on Thursday.

Pieter Vandermolen, 58, appeared before the district court on 11 March. He has denied all wrongdoing.

"The defendant used his position of trust to enrich himself," prosecutor Marieke de Bruin told the court.

The trial is scheduled to begin on 22 September."""


def _report(original: str, suspect: str) -> Report:
    return compare(article_from_text(original, id="original"), article_from_text(suspect, id="suspect"))


def _loud(report: Report, subtypes: tuple[str, ...] = ("recombined", "weak_support")) -> list[str]:
    return [f.subtype for f in report.findings if f.subtype in subtypes and f.severity in ("medium", "high")]


def _dropped(report: Report, words: str) -> list[str]:
    return [f.severity for f in report.findings if f.type == "fact_omitted" and f.before and words in f.before]


def test_a_summary_sentence_merging_three_sentences_is_no_splice() -> None:
    report = _report(EARNINGS, SUMMARY_HEAD + MERGED)
    assert _loud(report) == []
    # the sentences it tells are no high "dropped"; what one of them leaves out is named
    assert "high" not in _dropped(report, "2.31 billion")
    assert _dropped(report, "Sales volumes fell 3.1%") == ["medium"]
    told_in_part = next(f for f in report.findings if f.before and "Sales volumes fell" in f.before)
    assert "partly told" in told_in_part.detail and "Sweden" in told_in_part.detail


def test_a_forecast_told_as_the_result_stays_a_splice() -> None:
    # 2.25 billion is the analysts' forecast, a sentence about someone else
    report = _report(EARNINGS, SUMMARY_HEAD + MERGED.replace("2.31", "2.25"))
    assert "recombined" in _loud(report)


def test_a_figure_of_another_thing_set_in_the_merge_stays_a_splice() -> None:
    # 4.2% is the shares' rise, not the volumes' fall; 4.50 is the dividend per share
    assert _loud(_report(EARNINGS, SUMMARY_HEAD + MERGED.replace("3.1%", "4.2%")))
    assert _loud(_report(EARNINGS, SUMMARY_HEAD + MERGED.replace("2.31 billion", "4.50 billion")))


def test_a_merged_fact_tied_by_a_cause_the_original_never_gives_stays_a_splice() -> None:
    spliced = MERGED.replace(", even though volumes fell 3.1%.", " after volumes fell 3.1% in Drammen.")
    assert _loud(_report(EARNINGS, SUMMARY_HEAD + spliced))


def test_a_sentence_told_in_full_by_a_merge_is_no_omission() -> None:
    report = _report(RENT, RENT_SUMMARY)
    assert _loud(report) == []
    # "The measure would replace the current limit of 4% and would run for three years": all its figures told
    assert _dropped(report, "current limit of 4%") == []
    assert _dropped(report, "31 rent pressure zones") == ["medium"]  # told, but for its 74% and its source


def test_a_splice_of_a_figure_from_the_other_sentence_stays_flagged_in_the_rent_story() -> None:
    # 4,812 is the tenancy board's count of notices, not the number of zones
    spliced = RENT_SUMMARY.replace("in 31 rent pressure zones", "in 4,812 rent pressure zones")
    assert _loud(_report(RENT, spliced), ("recombined", "weak_support", "not_in_original", "changed"))


def test_a_name_the_next_sentence_gives_to_an_unnamed_subject_is_not_set_into_another_fact() -> None:
    summary = (
        "Rotterdam prosecutors have charged Pieter Vandermolen, the former finance chief of Halvorsen Logistics, "
        "with diverting €4.2 million from the company pension fund.\n\nThe trial is scheduled to begin on "
        "22 September."
    )
    assert "recombined" not in _loud(_report(CHARGE, summary))


def test_a_name_from_further_on_set_as_the_charged_man_stays_recombined() -> None:
    # the prosecutor, named two sentences on, set in as the one charged
    summary = (
        "Rotterdam prosecutors have charged Marieke de Bruin, the former finance chief of Halvorsen Logistics, "
        "with diverting €4.2 million from the company pension fund.\n\nThe trial is scheduled to begin on "
        "22 September."
    )
    report = _report(CHARGE, summary)
    assert "recombined" in _loud(report) or any(
        f.type in ("entity_changed", "attribution_changed") and f.severity in ("medium", "high")
        for f in report.findings
    )
