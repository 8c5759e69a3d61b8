"""A headline that insists on a cause the original only says may be so ("Heartburn pills DO cause kidney
disease" for "may raise kidney risk") is a hedge_changed finding even with identical bodies; "DO" in capitals is
emphasis and "their GP" a doctor, neither an organisation missing from the original. A headline that keeps the
doubt, or an original that states the cause flat, stays quiet; a real acronym still counts (qa27 P7, P8)."""

from __future__ import annotations

import pytest

from storytrace import Article, compare

BODY = (
    "A heartburn drug may raise the risk of kidney disease in older adults, a study found. The agency said it would "
    "review the study."
)
TITLE = "Heartburn drug may raise kidney risk, study finds"


def _headline(derived_title: str, body: str = BODY) -> list[tuple[str, str, str]]:
    report = compare(Article(text=body, title=TITLE), Article(text=body, title=derived_title))
    return [(f.type, f.subtype or "", f.severity) for f in report.findings if (f.subtype or "").startswith("headline")]


@pytest.mark.parametrize(
    "title",
    [
        "Heartburn pills DO cause kidney disease, scientists warn",
        "Heartburn pills cause kidney disease, scientists warn",
        "Common heartburn drug leads to kidney disease",
    ],
)
def test_headline_stating_the_cause_is_more_certain(title: str) -> None:
    assert _headline(title) == [("hedge_changed", "headline:certainty_increased", "medium")]


@pytest.mark.parametrize(
    "title",
    [
        "Heartburn drug could raise kidney risk, researchers say",
        "Heartburn pills may cause kidney disease, scientists warn",
        "Heartburn drug may raise kidney risk",
    ],
)
def test_headline_keeping_the_doubt_is_quiet(title: str) -> None:
    assert _headline(title) == []


def test_original_stating_the_cause_flat_is_quiet() -> None:
    body = BODY + " In the trial, the drug caused kidney disease in 3% of the patients who took it daily."
    assert _headline("Heartburn pills DO cause kidney disease, scientists warn", body) == []


def test_capitals_for_emphasis_and_a_gp_are_no_organisation() -> None:
    source = (
        'A heartburn drug may raise the risk of kidney disease, a study found. "Patients should not stop their '
        'medication suddenly, but they should ask their doctor whether they still need it," Otieno said.'
    )
    derived = (
        "A heartburn drug may raise the risk of kidney disease, a study found. Doctors advise patients not to stop "
        "the medication suddenly but to check with their GP whether they still need it."
    )
    report = compare(
        Article(text=source, title=TITLE), Article(text=derived, title="Heartburn pills DO cause kidney disease")
    )
    assert [f.after for f in report.findings if f.type == "entity_changed"] == []


def test_an_acronym_not_in_the_original_is_still_reported() -> None:
    source = "The agency said it would review the study of the heartburn drug, which was published on Monday."
    derived = "The WHO said it would review the study of the heartburn drug, which was published on Monday."
    report = compare(source, derived)
    assert "WHO" in [f.after for f in report.findings if f.type == "entity_changed"]
