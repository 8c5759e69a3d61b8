"""rev23m's false alarms on fm23's rules: each faithful rewrite stays quiet, and the distortion the rule is
for is still found."""

from __future__ import annotations

from storytrace import Article, compare

T = "2025-03-04"


def _steps(src: str, der: str, sp: str = T, dp: str = T) -> list[tuple[str | None, str]]:
    report = compare(Article(text=src, published=sp), Article(text=der, published=dp))
    return [(f.subtype, f.severity) for f in report.findings if f.type == "hedge_changed"]


def test_confirmed_fact_about_a_review_is_no_decision() -> None:
    src = "Police are examining footage of the attack, a spokesman said on Tuesday."
    der = "Police confirmed footage of the attack had been handed to detectives, a spokesman said on Tuesday."
    assert _steps(src, der) == []


def test_a_review_told_as_approved_is_still_found() -> None:
    src = "Regulators are reviewing the merger of the two banks, officials said on Tuesday."
    der = "Regulators approved the merger of the two banks, officials said on Tuesday."
    assert ("certainty_increased", "medium") in _steps(src, der)


def test_a_deadline_does_not_date_the_step_so_a_later_report_stays_quiet() -> None:
    src = (
        "OSLO - Nordvik Energy will close all of its coal plants by 2030, the company said on Friday. "
        "It employs 4,000 people."
    )
    der = "Nordvik Energy closed all of its coal plants, the company said. It employs 4,000 people."
    assert _steps(src, der, "2025-01-10", "2027-06-01") == []
    plan = (
        "Acme Steel plans to close its Leeds plant by 2027, the company said on Friday. The plant employs 300 people."
    )
    done = "Acme Steel has closed its Leeds plant, the company said. The plant employed 300 people."
    assert _steps(plan, done, "2025-01-10", "2026-03-02") == []


def test_an_end_date_does_not_date_the_step() -> None:
    src = "The museum will stay closed until April 30 while repairs are made to its roof, the council said on Tuesday."
    der = "The museum stayed closed while repairs were made to its roof, the council said."
    assert _steps(src, der, "2025-03-04", "2025-03-12") == []


def test_a_step_date_still_to_come_is_still_reported_late() -> None:
    src = "WASHINGTON - The Senate will vote on the farm bill on March 20, party leaders said on Tuesday."
    der = "The Senate voted on the farm bill, party leaders said."
    assert ("certainty_increased", "medium") in _steps(src, der, "2025-03-04", "2025-03-12")


def test_bare_form_with_a_plural_subject_reads_as_present() -> None:
    for src, der in [
        (
            "The new tariffs will cut imports of Chinese steel by half, economists at the bank said on Tuesday.",
            "The new tariffs cut imports of Chinese steel by half, economists at the bank said on Tuesday.",
        ),
        (
            "The new rules will cut the speed limit to 20mph on residential streets across Wales, officials said.",
            "The new rules cut the speed limit to 20mph on residential streets across Wales, officials said.",
        ),
        (
            "Acme Steel will cut 500 jobs at its Port Talbot works, the company said on Tuesday.",
            "A deal with unions lets Acme Steel cut 500 jobs at its Port Talbot works, the company said on Tuesday.",
        ),
    ]:
        assert _steps(src, der) == [], der


def test_bare_form_with_a_singular_subject_reads_as_past() -> None:
    src = "Acme Steel will cut 500 jobs at its Port Talbot works, the company said on Tuesday."
    der = "Acme Steel cut 500 jobs at its Port Talbot works, the company said on Tuesday."
    assert ("certainty_increased", "medium") in _steps(src, der)


def _countries(src: str, der: str) -> list[str]:
    report = compare(Article(text=src, published=T), Article(text=der, published=T))
    return [f.detail or "" for f in report.findings if f.type == "entity_changed" and f.severity == "high"]


def test_a_country_word_added_as_where_is_no_swap() -> None:
    src = "Two Britons died when their boat capsized off Corfu on Monday, the coastguard said."
    der = "Two tourists died when their boat capsized off the Greek island of Corfu on Monday, the coastguard said."
    assert not [d for d in _countries(src, der) if "country changed" in d]
    assert not [d for d in _countries("A Native American cyclist was hurt.", "An Indian cyclist was hurt.")]


def test_a_country_word_in_the_same_slot_is_still_a_swap() -> None:
    src = "Two Danes were among the passengers injured in the crash near Hamburg on Friday."
    der = "Two Swedes were among the passengers injured in the crash near Hamburg on Friday."
    assert [d for d in _countries(src, der) if "country changed" in d]


def _shares(src: str, der: str) -> list[str]:
    report = compare(Article(text=src, published=T), Article(text=der, published=T))
    return [f.detail or "" for f in report.findings if "share told as the whole" in (f.detail or "")]


def test_joint_payers_of_the_full_cost_are_quiet() -> None:
    src = "The EU will pay 70% of the cost of the new rail link and the regional government the rest, officials said."
    der = "The EU and the regional government will cover the full cost of the new rail link, officials said."
    assert _shares(src, der) == []


def test_an_original_that_says_fully_funded_itself_is_quiet() -> None:
    src = "The city will pay 40% of the cost of the new library, which is now fully funded after a federal grant."
    der = "The new library is now fully funded after a federal grant, the city said."
    assert _shares(src, der) == []
