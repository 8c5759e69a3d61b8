"""A step the original says will come told as done ("lawmakers will vote on the bill on Thursday" -> "lawmakers
voted on the bill"), a matter under review told as decided ("regulators are reviewing the merger" -> "regulators
approved the merger"), and a plan told as done in a later article while the plan's own time is still to come
(session 23, helper fm23; repros /tmp/fm23/repros.py). Each has faithful retellings of the same sentence that
must stay quiet, and later reports that may honestly tell the step carried out."""

from __future__ import annotations

import pytest

from storytrace import Article, compare

VOTE = (
    "WASHINGTON - Lawmakers will vote on the farm subsidy bill on Thursday, after weeks of talks between the two "
    "parties. The bill would cut payments to large growers by 12%. Senator Mary Holt said she expected it to pass."
)
REVIEW = (
    "BRUSSELS - European regulators are reviewing the merger of Nordlys Energy and Baltika Power, the European "
    "Commission said on Monday. The deal would create the region's largest grid operator. A decision is due by "
    "June 30."
)
# 2025-03-04 is a Tuesday: the original's "Thursday" is 2025-03-06.
TUE, WED, THU, FRI, LATER = "2025-03-04", "2025-03-05", "2025-03-06", "2025-03-07", "2025-03-20"


def _hedges(source: str | Article, derived: str | Article) -> list[tuple[str | None, str]]:
    return [(f.subtype, f.severity) for f in compare(source, derived).findings if f.type == "hedge_changed"]


def _vote(old: str, new: str, published: str | None = TUE) -> tuple[Article, Article]:
    assert old in VOTE
    return Article(text=VOTE, published=TUE if published else None), Article(
        text=VOTE.replace(old, new), published=published
    )


DONE = ("will vote on the farm subsidy bill on Thursday", "voted on the farm subsidy bill")


@pytest.mark.parametrize("published", [TUE, WED, None], ids=["same-day", "next-day", "undated"])
def test_a_vote_to_come_told_as_held_is_reported(published: str | None) -> None:
    assert ("certainty_increased", "medium") in _hedges(*_vote(*DONE, published=published))


def test_a_passive_step_to_come_told_as_done_is_reported() -> None:
    found = _hedges(
        "The farm subsidy bill will be debated in the Senate on Thursday, officials said.",
        "The farm subsidy bill was debated in the Senate, officials said.",
    )
    assert ("certainty_increased", "medium") in found


@pytest.mark.parametrize(
    ("old", "new"),
    [
        pytest.param(*DONE[:1], "are due to vote on the farm subsidy bill on Thursday", id="due-to"),
        pytest.param(
            "Lawmakers will vote on the farm subsidy bill on Thursday",
            "A vote on the farm subsidy bill is set for Thursday",
            id="vote-set-for",
        ),
        pytest.param(
            "Lawmakers will vote on the farm subsidy bill on Thursday",
            "On Thursday, lawmakers will cast their votes on the farm subsidy bill",
            id="cast-votes",
        ),
        pytest.param(DONE[0], "vote on the farm subsidy bill on Thursday", id="present-for-future"),
        pytest.param(
            "Lawmakers will vote", "Lawmakers, who voted down a similar bill in May, will vote", id="other-vote"
        ),
        pytest.param(DONE[0], "are scheduled to vote on the farm subsidy bill on Thursday", id="scheduled"),
    ],
)
def test_a_vote_to_come_retold_faithfully_is_quiet(old: str, new: str) -> None:
    assert _hedges(*_vote(old, new)) == []


@pytest.mark.parametrize("published", [THU, FRI, LATER], ids=["on-the-day", "day-after", "two-weeks"])
def test_a_later_report_of_the_vote_is_quiet(published: str) -> None:
    # the original's Thursday had come by the suspect's day: it may report the vote held
    assert _hedges(*_vote(*DONE, published=published)) == []


def test_the_noun_will_is_no_step_to_come() -> None:
    assert (
        _hedges(
            "Residents showed the will to fight the closure of the library, the council said.",
            "Residents fought the closure of the library, the council said.",
        )
        == []
    )


def _plan(derived: str, published: str) -> list[tuple[str | None, str]]:
    source = Article(text="Acme plans to close its Leeds factory in March, the company said.", published="2025-01-10")
    return _hedges(source, Article(text=derived, published=published))


@pytest.mark.parametrize(
    "derived",
    ["Acme has closed its Leeds factory.", "Acme has closed its Leeds factory, the company said."],
    ids=["no-speech-verb", "speech-verb"],
)
def test_a_plan_told_as_done_before_its_own_time_is_reported_however_late(derived: str) -> None:
    # dated ten days later, but the original set the closure for March: it cannot have been done yet
    assert ("certainty_increased", "medium") in _plan(derived, "2025-01-20")


@pytest.mark.parametrize(
    "derived",
    ["Acme closed its Leeds factory in March.", "Acme closed its Leeds factory in March, the company said."],
    ids=["no-speech-verb", "speech-verb"],
)
def test_a_plan_told_as_done_after_its_own_time_is_quiet(derived: str) -> None:
    assert _plan(derived, "2025-04-20") == []


def test_a_plan_with_no_time_told_as_done_months_later_stays_quiet() -> None:
    # the no-speech-verb case session 22's cut silenced: a follow-up three months on may report the closure
    # (restored only when the original's own time for the step is still to come, above)
    source = Article(text="Acme plans to close its Leeds factory, which employs 300 people.", published="2025-01-10")
    derived = Article(text="Acme has closed its Leeds factory, which employs 300 people.", published="2025-04-20")
    assert _hedges(source, derived) == []
    same_day = Article(text=derived.text, published="2025-01-10")
    assert ("certainty_increased", "medium") in _hedges(source, same_day)


def _review(old: str, new: str, published: str = TUE) -> list[tuple[str | None, str]]:
    assert old in REVIEW
    return _hedges(Article(text=REVIEW, published=TUE), Article(text=REVIEW.replace(old, new), published=published))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        pytest.param("are reviewing the merger", "approved the merger", id="approved"),
        pytest.param("are reviewing the merger", "have cleared the merger", id="cleared"),
        pytest.param("are reviewing the merger", "blocked the merger", id="blocked"),
    ],
)
def test_a_merger_under_review_told_as_decided_is_reported(old: str, new: str) -> None:
    assert ("certainty_increased", "medium") in _review(old, new)


def test_a_merger_under_review_told_as_cleared_in_the_passive_is_reported() -> None:
    found = _hedges(
        "European regulators are reviewing the merger of Nordlys Energy and Baltika Power, officials said.",
        "The merger of Nordlys Energy and Baltika Power was cleared by European regulators, officials said.",
    )
    assert ("certainty_increased", "medium") in found


@pytest.mark.parametrize(
    ("old", "new"),
    [
        pytest.param("are reviewing the merger", "are examining the merger", id="examining"),
        pytest.param("are reviewing the merger", "are looking into the merger", id="looking-into"),
        pytest.param("are reviewing the merger", "have yet to approve the merger", id="yet-to-approve"),
        pytest.param("are reviewing the merger", "are deciding whether to approve the merger", id="deciding"),
        pytest.param(
            "European regulators are reviewing the merger of Nordlys Energy and Baltika Power",
            "The merger of Nordlys Energy and Baltika Power is under review by European regulators",
            id="under-review",
        ),
    ],
)
def test_a_merger_under_review_retold_faithfully_is_quiet(old: str, new: str) -> None:
    assert _review(old, new) == []


def test_a_later_report_of_the_merger_cleared_is_quiet() -> None:
    assert _review("are reviewing the merger", "approved the merger", published=LATER) == []


def test_a_review_beside_a_decision_the_original_tells_is_quiet() -> None:
    # the original tells an approval of its own (the shareholders'): not judged, rather than risk a false alarm
    assert (
        _hedges(
            "Regulators are reviewing the merger, which shareholders approved in May.",
            "Regulators approved the merger, which shareholders backed in May.",
        )
        == []
    )


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "The audit office will publish its report on the hospital contracts on Friday, officials said.",
            "The audit office's report on the hospital contracts, published on Friday, was critical, officials said.",
        ),
        (
            "European regulators are reviewing the merger of Nordlys Energy and Baltika Power, officials said.",
            "The merger of Nordlys Energy and Baltika Power awaits clearance by European regulators, officials said.",
        ),
    ],
    ids=["participle", "awaits"],
)
def test_a_participle_or_a_wait_tells_no_step_done(source: str, derived: str) -> None:
    assert _hedges(source, derived) == []


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "Acme plans to announce job cuts at its Leeds factory on Friday, union officials said.",
            "Acme announced job cuts at its Leeds factory, union officials said.",
        ),
        (
            "Rail workers plan to vote on the new pay offer next week, the union said.",
            "Rail workers voted on the new pay offer, the union said.",
        ),
    ],
    ids=["announce", "vote"],
)
def test_a_planned_step_whose_verb_is_a_plan_word_told_as_done_is_reported(source: str, derived: str) -> None:
    # "announced" and "voted" keep a plan open only when they are not the planned step itself
    assert ("certainty_increased", "medium") in _hedges(source, derived)


@pytest.mark.parametrize(
    "derived",
    [
        "Acme announced it plans to cut jobs at its Leeds factory, union officials said.",
        "Acme is due to announce job cuts at its Leeds factory on Friday, union officials said.",
        "Union officials said Acme would announce job cuts at its Leeds factory on Friday.",
    ],
)
def test_a_planned_announcement_retold_faithfully_is_quiet(derived: str) -> None:
    source = "Acme plans to announce job cuts at its Leeds factory on Friday, union officials said."
    assert _hedges(source, derived) == []
