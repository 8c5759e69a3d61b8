"""A speaker named beside an apposition ("Okafor's lawyer, Simon Reyes, said", "Dr. Samuel Otieno, a
nephrologist at King's College London ..., said") made anonymous ("A person close to the defence said",
"Experts said") is attribution_changed/anonymised; the person's own post told definitely ("Okafor's lawyer
said", "The chief executive said"), a spokesperson kept as one, or the name kept stays quiet (qa27 P4)."""

from __future__ import annotations

import pytest

from storytrace import compare

COURT = (
    "Daniel Okafor, 47, is accused of fraud. Okafor's lawyer, Simon Reyes, said his client had acted in good faith "
    "and had been let down by a finance team that failed to flag the problems. If convicted, Okafor faces up to 10 "
    "years in prison."
)
LAWYER = "Okafor's lawyer, Simon Reyes, said"
STUDY = (
    "A heartburn drug may raise the risk of kidney disease, a study found. Dr. Samuel Otieno, a nephrologist at "
    "King's College London who was not involved in the study, said the size of the cohort made the results hard to "
    "dismiss. The European Medicines Agency said it would review the study."
)
EXPERT = "Dr. Samuel Otieno, a nephrologist at King's College London who was not involved in the study, said"
RESULTS = (
    "Norland Energy cut its forecast on Monday. Anna Berg, Norland's chief executive, said demand had weakened in "
    "the third quarter and the company would cut costs. Shares fell 4%."
)
CHIEF = "Anna Berg, Norland's chief executive, said"
RECALL = (
    "The ministry confirmed the recall on Friday. John Smith, a spokesman for the ministry, said the affected "
    "batches had been withdrawn from pharmacies. Sales resumed on Monday."
)
SPOKESMAN = "John Smith, a spokesman for the ministry, said"


def _attribution(source: str, old: str, new: str) -> list[tuple[str, str]]:
    report = compare(source, source.replace(old, new))
    return [(f.subtype or "", f.severity) for f in report.findings if f.type == "attribution_changed"]


@pytest.mark.parametrize(
    ("source", "old", "new"),
    [
        (COURT, LAWYER, "A person close to the defence said"),
        (COURT, LAWYER, "Someone close to the defence said"),
        (COURT, LAWYER, "A source familiar with the case said"),
        (STUDY, EXPERT, "Experts said"),
        (STUDY, EXPERT, "Independent experts said"),
        (STUDY, EXPERT, "One expert said"),
        (RESULTS, CHIEF, "A company executive said"),
        (
            RESULTS.replace(CHIEF, "Norland's chief executive, Anna Berg, said"),
            "Norland's chief executive, Anna Berg, said",
            "A company executive said",
        ),
        (RECALL, SPOKESMAN, "Officials said"),
    ],
)
def test_named_speaker_beside_an_apposition_made_anonymous(source: str, old: str, new: str) -> None:
    assert _attribution(source, old, new) == [("anonymised", "high")]


@pytest.mark.parametrize(
    ("source", "old", "new"),
    [
        (COURT, LAWYER, "Okafor's lawyer said"),
        (COURT, LAWYER, "His lawyer said"),
        (COURT, LAWYER, "Reyes said"),
        (COURT, LAWYER, "Simon Reyes, his lawyer, said"),
        (STUDY, EXPERT, "Otieno said"),
        (STUDY, EXPERT, "Dr. Otieno, who was not involved in the study, said"),
        (RESULTS, CHIEF, "Norland's chief executive said"),
        (RESULTS, CHIEF, "The chief executive said"),
        (
            RESULTS.replace(CHIEF, "Norland's chief executive, Anna Berg, said"),
            "Norland's chief executive, Anna Berg, said",
            "The chief executive said",
        ),
        (RECALL, SPOKESMAN, "A ministry spokesman said"),
    ],
)
def test_own_post_or_name_kept_is_quiet(source: str, old: str, new: str) -> None:
    assert _attribution(source, old, new) == []


def test_another_named_speaker_is_a_changed_speaker() -> None:
    assert _attribution(COURT, LAWYER, "Prosecutor Jane Holt said") == [("speaker_changed", "high")]
