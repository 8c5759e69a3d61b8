# ruff: noqa: E501 - the stories are as qa26 and rev27c wrote them, one paragraph a line
"""A rewrite padded with a few figures of its own stays ``derived`` (review rev27c, R7).

trace27 called a suspect that copies no run of words ``related`` when two of its linked sentences gave figures of
at least 10 its original has nowhere. A content farm's spin of an earnings story, every sentence reworded and every
figure kept, padded with "employs some 11,500 people" and "founded in 1931", was cleared that way. Now the suspect
must lack some figure or date of the original (another outlet's report leaves some out), give figures of its own in
a quarter of its linked sentences or more, and a year is background, never a figure of its own. Each case sits
beside its counterpart: the court summary restating another outlet's report with its own bail, transfers and trial
day stays ``related``.
"""

from __future__ import annotations

from storytrace import compare
from storytrace.article import article_from_text
from test_fixqa26t_independent_report import ORIGINAL
from test_trace27_own_figures import OTHER_OUTLET, SUMMARY

# a content farm's spin: every sentence reworded, every figure kept, two padded with background figures
FARM = """Norland Foods posts bigger profit despite lower volumes

Published 5 February 2026 15:00 UTC

Norland Foods, which employs some 11,500 people, said on Thursday its full-year operating profit climbed 18%, with steeper prices on its frozen dinners and snacks more than offsetting lower sales volumes.

Operating profit came in at 2.31 billion crowns (Norwegian) for 2025, compared with 1.96 billion twelve months before, the group founded in 1931 said. Turnover grew 6.4% to 28.7 billion crowns.

Volumes dropped 3.1% overall, with Sweden hit hardest after the firm lost a contract to supply a big grocery chain.

Boss Ingrid Solheim said the figures proved its brands were resilient. Shoppers keep buying its goods even at higher prices, she added.

Directors recommended a payout of 4.50 crowns a share, up from 3.80 crowns.

For 2026 Norland sees earnings growth of 5% to 8%, though finance chief Lars Eikeland warned cocoa and dairy prices stay volatile.

The firm intends to shut its Drammen bakery before 2026 is out, hitting about 140 jobs.

Fjordbank analysts had expected a profit figure of 2.25 billion crowns.

Norland stock gained 4.2% in early Oslo dealing.
"""


def _relation(source: str, derived: str) -> str:
    return str(
        compare(article_from_text(source, id="source"), article_from_text(derived, id="derived")).verdict.relation
    )


def test_a_rewrite_keeping_every_figure_is_derived_whatever_it_adds() -> None:
    assert _relation(ORIGINAL, FARM) == "derived"


def test_the_same_spin_without_padding_is_derived() -> None:
    plain = FARM.replace("Norland Foods, which employs some 11,500 people, said", "Norland Foods said").replace(
        ", the group founded in 1931 said", ", the group said"
    )
    assert plain != FARM
    assert _relation(ORIGINAL, plain) == "derived"


def test_own_figures_in_few_of_its_sentences_are_no_independent_report() -> None:
    # one of the original's figures dropped, two padded figures, no year: 2 of 10 linked sentences
    padded = FARM.replace("\nNorland stock gained 4.2% in early Oslo dealing.\n", "\n").replace(
        "the group founded in 1931 said", "the group, which runs 48 factories, said"
    )
    assert "4.2%" not in padded and "48 factories" in padded
    assert _relation(ORIGINAL, padded) == "derived"


def test_years_are_no_figures_of_its_own() -> None:
    # the court summary's transfers and bail told by years: only the trial day is a figure of its own
    dated = SUMMARY.replace("through 37 transfers", "through transfers begun in 2019").replace(
        "was released on \u20ac250,000 bail", "was released on bail, as he was in 2024"
    )
    assert dated != SUMMARY
    assert _relation(OTHER_OUTLET, dated) == "derived"


def test_the_summary_with_its_own_figures_stays_related() -> None:
    # counterpart: its own transfers, bail and trial day, 3 of 4 linked sentences, and the other report's 2024 lacking
    assert _relation(OTHER_OUTLET, SUMMARY) == "related"
