# ruff: noqa: E501 - the stories are as qa26 wrote them, one paragraph a line
"""A short report restating another outlet's report of the same court case, with precise figures that report lacks
and no run of its words, is ``related``, not ``derived`` (fixqa26t left, qa26 s1_c against s1_d; review trace27).

The two name the same people and body and retell the same facts ("granted bail" / "released on EUR 250,000 bail",
"a trial date has been set for September" / "his trial opens on 22 September"), so reuse was 62% with 0% in
verbatim runs. A rewrite cannot know figures its original has nowhere; an independent report gives its own. The
counterparts: the same summary against the original it does come from stays ``derived``; a rewrite of the other
outlet's report that copies nothing but adds one figure of its own stays derived (one figure can be a rewrite's
invention, a distortion to report); and a copy of a run of that report's words is derived whatever its figures.
"""

from __future__ import annotations

from storytrace import compare
from storytrace.article import article_from_text

SUMMARY = """Ex-finance chief charged over €4.2m pension transfers

Published 12 March 2026 18:00 UTC

Rotterdam prosecutors have charged Pieter Vandermolen, the former finance chief of Halvorsen Logistics, with diverting €4.2 million from the company pension fund through 37 transfers to a Cyprus consultancy. Vandermolen, who denies wrongdoing, was released on €250,000 bail. Pensioners have not lost benefits, the fund said. His trial opens on 22 September."""

OTHER_OUTLET = """Dutch prosecutors bring fraud case over missing millions at Halvorsen pension scheme

Published 12 March 2026 19:30 UTC

ROTTERDAM - A court hearing on Wednesday laid out the first details of a fraud case that has rattled one of the Benelux region's biggest freight companies.

Pieter Vandermolen, who ran the finances of Halvorsen Logistics until he left the firm in 2024, is accused of routing money from the staff pension scheme to a shell consultancy in Cyprus. Prosecutors put the sum at €4.2 million.

Vandermolen, who was granted bail, says he is innocent. His lawyer, Johan Sterk, told reporters the case rested on "a misreading of perfectly ordinary consultancy invoices".

Former employees who depend on the fund reacted with anger. "We trusted these people with our retirement," said Anneke Visser, 71, a retired warehouse supervisor who attended the hearing. "Even if the money is safe, the trust is gone."

The fund's managers say no pensioner has missed a payment.

Halvorsen said the problem was found by its own auditors and that it alerted the FIOD, the Dutch tax crime agency, immediately.

Vandermolen faces a maximum sentence of six years. A trial date has been set for September."""

ORIGINAL = """Former Halvorsen Logistics finance chief charged with diverting €4.2 million from pension fund

Published 12 March 2026 10:15 UTC

A former chief financial officer of Halvorsen Logistics has been charged with diverting €4.2 million from the company's pension fund into accounts he controlled, prosecutors in Rotterdam said on Thursday.

Pieter Vandermolen, 58, appeared before the district court on 11 March and was released on bail of €250,000 pending trial. He has denied all wrongdoing.

According to the indictment, Vandermolen allegedly approved 37 transfers between January 2022 and August 2024, disguising them as payments to a consultancy registered in Cyprus.

The public prosecution service alleges that the consultancy had no employees and provided no services.

"The defendant used his position of trust to enrich himself at the expense of retired workers," prosecutor Marieke de Bruin told the court.

Vandermolen's lawyer, Johan Sterk, said his client would fight the charges. "My client has always acted in the interest of the company and its pensioners, and he will be vindicated at trial," Sterk said outside the courthouse.

Halvorsen Logistics, which employs about 6,300 people across the Netherlands and Belgium, said in a statement that it had cooperated fully with investigators and had strengthened its internal controls.

The company discovered the irregularities during an internal audit in October 2024 and reported them to the Fiscal Information and Investigation Service (FIOD).

The pension fund covers roughly 4,100 retired employees. A spokeswoman for the fund said pensions had been paid in full throughout and that members would not lose any benefits.

If convicted, Vandermolen faces up to six years in prison.

The trial is scheduled to begin on 22 September.

Investigators are also examining whether a second former executive knew about the transfers, the prosecution service said, though no one else has been charged."""


def _relation(source: str, derived: str) -> tuple[str, tuple[str, ...]]:
    report = compare(article_from_text(source, id="source"), article_from_text(derived, id="derived"))
    return report.verdict.relation, report.verdict.evidence


def test_a_summary_with_figures_the_other_report_lacks_is_related_to_it() -> None:
    report = compare(article_from_text(OTHER_OUTLET, id="other"), article_from_text(SUMMARY, id="summary"))
    assert report.scores.verbatim < report.settings.independent_verbatim
    assert report.scores.reuse >= report.settings.derived_reuse  # the words alone said "derived"
    assert report.verdict.relation == "related", report.verdict.evidence
    assert report.verdict.confidence <= 0.75
    assert any("give figures the original has nowhere" in e for e in report.verdict.evidence)
    assert not any(f.severity == "high" for f in report.findings if f.type != "fact_omitted")
    omitted = [f for f in report.findings if f.type == "fact_omitted"]
    assert all(f.detail.startswith("not reported") for f in omitted)


def test_the_same_summary_against_its_own_original_is_derived() -> None:
    relation, evidence = _relation(ORIGINAL, SUMMARY)
    assert relation == "derived", evidence


def test_one_figure_of_its_own_is_no_independent_report() -> None:
    # the summary's bail and trial day told as vaguely as the other report tells them: only "37 transfers" is left
    vaguer = SUMMARY.replace("was released on \u20ac250,000 bail", "was granted bail").replace(
        "opens on 22 September", "opens in September"
    )
    assert vaguer.count("September") == 1 and "250,000" not in vaguer
    relation, evidence = _relation(OTHER_OUTLET, vaguer)
    assert relation in ("derived", "partially_derived"), evidence


def test_a_copied_run_keeps_the_summary_derived() -> None:
    copied = (
        SUMMARY
        + "\n\nVandermolen faces a maximum sentence of six years. The fund's managers say no pensioner has missed a payment."
    )
    relation, evidence = _relation(OTHER_OUTLET, copied)
    assert relation in ("derived", "partially_derived"), evidence
