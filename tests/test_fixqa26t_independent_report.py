# ruff: noqa: E501 - the stories are as qa26 wrote them, one paragraph a line
"""Another outlet's own report of the same event is ``related``, not a partial copy (qa26 P11).

Its sentences restate the event's figures (the profit, the forecast it beat, the bakery to close), two of them close
enough to count fully toward reuse, so an earnings story that copies no run of words and quotes a union official the
original never heard from was judged ``partially_derived`` with six high findings, its own quote "fabricated". The
counterpart: the same report with one sentence copied word for word from the original is a partial copy again,
and its quote one the original lacks.
"""

from __future__ import annotations

from storytrace import compare
from storytrace.article import article_from_text

ORIGINAL = """Norland Foods profit jumps 18% as price rises offset weaker volumes

Published 5 February 2026 07:00 UTC

Norland Foods reported an 18% rise in full-year operating profit on Thursday, as higher prices for its frozen meals and snacks more than made up for a fall in the volume of goods it sold.

The Oslo-listed group said operating profit reached 2.31 billion Norwegian crowns in 2025, up from 1.96 billion a year earlier. Revenue rose 6.4% to 28.7 billion crowns.

Sales volumes fell 3.1% across the group, with the sharpest decline in Sweden, where the company lost a supply contract with a large supermarket chain in the spring.

Chief executive Ingrid Solheim said the results showed the company's brands were holding up. "Consumers are still choosing our products even when they pay a little more, and that gives us confidence going into 2026," Solheim told analysts on a conference call.

The board proposed a dividend of 4.50 crowns per share, compared with 3.80 crowns last year.

Norland expects operating profit to grow by between 5% and 8% in 2026, though finance director Lars Eikeland cautioned that the outlook depended on cocoa and dairy costs, which remain volatile.

"We are not assuming any relief on input costs in our guidance," Eikeland said.

The company plans to close its bakery in Drammen by the end of 2026, a move that will affect around 140 jobs. Unions said they would seek talks with management.

Analysts at Fjordbank had forecast operating profit of 2.25 billion crowns.

Shares in Norland rose 4.2% in early trading in Oslo.

The group also said it was considering the sale of its Danish beverages unit, but added that no decision had been made."""

REPORT = """Norland beats forecasts but Swedish setback and bakery closure cloud results

Published 5 February 2026 14:10 UTC

OSLO - Norland Foods delivered annual earnings ahead of expectations on Thursday, but the frozen-food maker's results also exposed a sharp drop in sales in Sweden and a plan to cut bakery jobs in Norway.

Operating profit for 2025 came in at 2.31 billion crowns, beating the 2.25 billion crowns analysts at Fjordbank had pencilled in. The company said that price increases introduced in the first half had carried the year.

Swedish sales were hit by the loss of a contract with one of the country's largest grocery chains. Norland did not name the retailer.

Investors cheered the numbers, pushing the stock up more than 4% in the morning.

The Drammen bakery, which has operated since 1964, is set to close by the end of the year. Kari Holm, a regional secretary at the food workers' union NNN, said the union would "fight for every one of these jobs".

Chief executive Ingrid Solheim told analysts she saw room for further growth in 2026, while warning that cocoa prices remained a risk."""

COPIED = "Unions said they would seek talks with management."


def test_an_independent_report_of_the_same_event_is_related() -> None:
    report = compare(article_from_text(ORIGINAL, id="original"), article_from_text(REPORT, id="report"))
    verdict = report.verdict
    assert report.scores.verbatim == 0.0 and report.scores.reuse >= report.settings.partial_reuse
    assert verdict.relation == "related", verdict.evidence
    assert verdict.confidence <= 0.75
    assert any("quotes what the original does not" in e for e in verdict.evidence)
    assert not any(f.severity == "high" for f in report.findings if f.type != "fact_omitted")
    assert not any(f.type == "quote_fabricated" and f.severity in ("medium", "high") for f in report.findings)
    omitted = [f for f in report.findings if f.type == "fact_omitted"]
    assert omitted and all(f.detail.startswith("not reported") for f in omitted)


def test_the_same_report_copying_a_sentence_of_the_original_is_a_partial_copy() -> None:
    copied = REPORT.replace(
        'the union would "fight for every one of these jobs".',
        'the union would "fight for every one of these jobs". ' + COPIED,
    )
    report = compare(article_from_text(ORIGINAL, id="original"), article_from_text(copied, id="report"))
    assert report.scores.verbatim >= report.settings.independent_verbatim
    assert report.verdict.relation == "partially_derived", report.verdict.evidence
    assert any(f.type == "quote_fabricated" and f.severity == "high" for f in report.findings)
