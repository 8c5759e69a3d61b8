# ruff: noqa: E501 - the story is written one paragraph a line, as qa26's
"""rev27b 1: the "another outlet's own report" rule (qa26 P11) read a partial rewrite as an independent report when
the quotation "of its own" was one it made up for the original's own chief executive: related, its high
quote_fabricated finding dropped to info, and trace named no source. A quotation counts as the report's own only
when the original neither names nor quotes its speaker; a union official the original never names still does."""

from __future__ import annotations

from storytrace import compare
from storytrace.article import article_from_text
from storytrace.facts.quotes import quotes_of, speaker_of_original
from storytrace.text import analyse
from test_fixqa26t_independent_report import ORIGINAL

# four paragraphs of the original restated, three of background, 0% copied in runs (review rev27b's case)
PARTIAL = """Norland Foods lifts annual profit 18% on price increases

Published 5 February 2026 12:30 UTC

Higher prices on frozen meals and snacks helped Norland Foods grow full-year operating profit by 18%, the company said on Thursday, even as it shipped fewer goods.

Operating profit for 2025 climbed to 2.31 billion Norwegian crowns from 1.96 billion in 2024, the group reported. Revenue was up 6.4% at 28.7 billion crowns.

"Frankly, shoppers should brace for dearer pizzas until well after Easter," chief executive Ingrid Solheim admitted.

Food makers across the Nordic region have pushed through several rounds of price increases since 2022, when energy and grain costs surged after Russia's invasion of Ukraine.

Consumer groups in Norway have accused the sector of raising prices faster than its costs, a charge the industry denies.

The Norwegian competition authority opened a review of grocery pricing last year and is expected to report in the summer.

About 140 workers face losing their jobs as Norland shuts its Drammen bakery before the end of 2026."""


def _compare(suspect: str):  # type: ignore[no-untyped-def]
    return compare(article_from_text(ORIGINAL, id="original"), article_from_text(suspect, id="suspect"))


def test_a_quote_made_up_for_the_originals_ceo_is_no_sign_of_an_independent_report() -> None:
    report = _compare(PARTIAL)
    assert report.scores.verbatim < report.settings.independent_verbatim
    assert report.settings.partial_reuse <= report.scores.reuse < report.settings.derived_reuse
    assert report.verdict.relation == "partially_derived", report.verdict.evidence
    assert report.verdict.direction == "as_given"
    assert any(f.type == "quote_fabricated" and f.severity == "high" for f in report.findings)


def test_the_same_quote_from_someone_the_original_never_names_is_the_reports_own() -> None:
    # the counterpart: the rule stays for a voice the original never heard from (qa26's union official)
    other = PARTIAL.replace("chief executive Ingrid Solheim admitted", "said Kari Holm, a regional union secretary")
    report = _compare(other)
    assert report.scores.verbatim < report.settings.independent_verbatim
    assert report.verdict.relation == "related", report.verdict.evidence
    assert any("1 quotation of its own" in e for e in report.verdict.evidence)


def test_the_originals_speaker_by_surname_pronoun_or_quoted_description() -> None:
    source = analyse(
        article_from_text(
            ORIGINAL + '\n\n"No decision has been made on Denmark," a company spokeswoman said.', id="original"
        )
    )
    suspect = (
        "Norland Foods had a good year, its finance chief said. Lars Eikeland spoke on Thursday. "
        '"Cocoa will cost us dearly next year," he said. '
        '"We will sell the Danish unit by summer," a company spokeswoman said. '
        '"We will strike if the bakery closes," a union spokesman said. '
        '"Price rises are hurting families across Norway," said Mark Price.'
    )
    quotes = {q.text.split()[2]: q for q in quotes_of(analyse(article_from_text(suspect, id="suspect")))}
    assert speaker_of_original(source, suspect, quotes["cost"])  # "he": Lars Eikeland, whom the original names
    assert speaker_of_original(source, suspect, quotes["sell"])  # the spokeswoman the original quotes
    assert not speaker_of_original(source, suspect, quotes["strike"])  # a spokesman nobody in the original is
    assert not speaker_of_original(source, suspect, quotes["are"])  # "price" is a common word of the original
