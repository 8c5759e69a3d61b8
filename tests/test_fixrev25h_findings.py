"""Findings regressions the review rev25h found in this session's merges fixqa25f and fixrev25c (session 25,
helper fixrev25h), each beside its faithful (or really changed) counterpart:

- a clause appended to a copied sentence is an added clause, though it shares a topic with a clause of the
  linked sentence: that clause sits copied beside it, so it is not what the new clause restates (P1);
- a verb of blame or witness keeps an allegation the accuser's only when the accuser heads its clause and it
  introduces the deed or closes the clause as its attribution; beside the deed told as fact it tells something
  else ("in what prosecutors described as", "blamed officials for", "a move leaders criticised") (P2);
- "not X without Y" retold "X in the absence of Y" / "despite Y being withheld" is a negation flip: the thing is
  named, but as missing (P3);
- "two or three days ago" is a range of days: "a few days ago" fits it, "two weeks ago" does not (P4);
- a demand merged in from the original's next sentence, in other words, is no added clause; one the original
  nowhere near makes still is (P5).
"""

from __future__ import annotations

import pytest

from storytrace import Article, compare

PRE = "Officials gave an update on Wednesday afternoon. "
POST = " A further statement is expected next week. Local media reported long queues at the town hall."
MARCH = "Thousands marched through the capital on Sunday, and police said the protest was peaceful."
FACTORY = "The factory closed in March, and 300 workers lost their jobs."


def _kinds(source: str, derived: str) -> list[tuple[str, str | None, str]]:
    return [(f.type, f.subtype, f.severity) for f in compare(PRE + source + POST, PRE + derived + POST).findings]


# --- P1: a clause appended beside a copy of the linked sentence's clause -------------------------------------


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (MARCH, MARCH[:-1] + ", although several protesters were arrested."),
        (FACTORY, FACTORY[:-1] + ", but the factory will reopen under new owners."),
        (FACTORY, FACTORY[:-1] + ", and hundreds more workers will lose jobs at suppliers."),
    ],
)
def test_clause_appended_to_a_copy_is_an_added_clause(source: str, derived: str) -> None:
    assert ("claim_added", "clause", "medium") in _kinds(source, derived)


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        # the second clause retold, not copied: the linked clause is what it restates
        (MARCH, "Thousands marched through the capital on Sunday, and police described the demonstration as calm."),
        (MARCH, "Thousands of people marched through the capital on Sunday, in a protest police said was peaceful."),
        (FACTORY, "The factory closed in March, with 300 workers losing their jobs."),
    ],
)
def test_clause_retold_beside_a_copy_is_quiet(source: str, derived: str) -> None:
    assert _kinds(source, derived) == []


# --- P2: a blame or witness verb beside the deed told as fact ----------------------------------------------------

COUNCIL = (
    "The council met in the town hall on Monday. Members discussed the budget at length. {claim} "
    "The mayor said the decision would be reviewed next spring. Residents can comment on the plan online."
)
PROSECUTORS = "Prosecutors accuse Daniel Smith of stealing $2 million from the charity he ran."
GROUPS = "Environmental groups allege that the dam harmed fish stocks in the river."
OPPOSITION = "Opposition leaders accuse the government of delaying the inquiry."
RESIDENTS = "Residents accused the mining company of contaminating the water supply."


def _hedges(claim: str, retold: str) -> list[tuple[str | None, str]]:
    report = compare(COUNCIL.format(claim=claim), COUNCIL.format(claim=retold))
    return [(f.subtype, f.severity) for f in report.findings if f.type == "hedge_changed"]


@pytest.mark.parametrize(
    ("claim", "stated"),
    [
        pytest.param(
            PROSECUTORS,
            "Daniel Smith stole $2 million from the charity he ran, in what prosecutors described as a brazen scheme.",
            id="described_as",
        ),
        pytest.param(
            GROUPS,
            "The dam harmed fish stocks in the river, and environmental groups blamed officials for ignoring warnings.",
            id="blamed_others",
        ),
        pytest.param(
            OPPOSITION, "The government delayed the inquiry, a move opposition leaders criticised.", id="a_move"
        ),
        pytest.param(
            RESIDENTS,
            "The mining company contaminated the water supply, residents charged that it had ignored complaints.",
            id="charged_other",
        ),
    ],
)
def test_blame_verb_beside_the_deed_told_as_fact_keeps_nothing(claim: str, stated: str) -> None:
    assert _hedges(claim, stated) == [("allegation_as_fact", "high")]


@pytest.mark.parametrize(
    ("claim", "retold"),
    [
        pytest.param(
            PROSECUTORS,
            "Prosecutors described how Daniel Smith stole $2 million from the charity he ran.",
            id="described",
        ),
        pytest.param(GROUPS, "Environmental groups blamed the dam for harming fish stocks in the river.", id="blamed"),
        pytest.param(OPPOSITION, "The government delayed the inquiry, opposition leaders testified.", id="closing"),
        pytest.param(
            RESIDENTS, "Residents charged that the mining company had contaminated the water supply.", id="charged_that"
        ),
        pytest.param(
            RESIDENTS, "Residents complain that the mining company contaminated the water supply.", id="complain"
        ),
    ],
)
def test_blame_verb_introducing_the_deed_keeps_the_allegation(claim: str, retold: str) -> None:
    assert _hedges(claim, retold) == []


# --- P3: "not X without Y" told as "X, Y missing" ---------------------------------------------------------------

DEAL = "The deal will not be signed without board approval."
BILL = "The bill will not pass without opposition support."


@pytest.mark.parametrize(
    ("claim", "retold"),
    [
        (DEAL, "The deal will be signed in the absence of board approval."),
        (BILL, "The bill will pass despite opposition support being withheld."),
        (DEAL, "The deal will be signed even if board approval is withheld."),
    ],
)
def test_without_retold_as_missing_is_a_negation_flip(claim: str, retold: str) -> None:
    assert ("negation_flipped", "high") in _hedges(claim, retold)


@pytest.mark.parametrize(
    ("claim", "retold"),
    [
        (DEAL, "The deal will be signed only after board approval."),
        (BILL, "The bill will pass only with opposition support."),
    ],
)
def test_without_retold_as_a_condition_is_quiet(claim: str, retold: str) -> None:
    assert _hedges(claim, retold) == []


# --- P4: "N or M <unit> ago" -----------------------------------------------------------------------------------

STORM = "The storm hit the coast two or three days ago, officials said."


def _dates(claim: str, retold: str) -> list[tuple[str | None, str]]:
    report = compare(
        Article(text=COUNCIL.format(claim=claim), id="o", published="2026-05-06"),
        Article(text=COUNCIL.format(claim=retold), id="s", published="2026-05-06"),
    )
    return [(f.subtype, f.severity) for f in report.findings if f.type == "date_changed"]


@pytest.mark.parametrize(
    ("claim", "retold"),
    [
        (STORM, "The storm hit the coast two weeks ago, officials said."),
        ("The mine was sold two or three years ago.", "The mine was sold a decade ago."),
    ],
)
def test_span_of_counts_ago_told_as_another_span_is_changed(claim: str, retold: str) -> None:
    assert _dates(claim, retold) == [("changed", "high")]


@pytest.mark.parametrize(
    "retold", ["a few days ago", "three days ago", "two days ago", "several days ago", "three or four days ago"]
)
def test_span_of_counts_ago_told_within_it_is_quiet(retold: str) -> None:
    assert _dates(STORM, STORM.replace("two or three days ago", retold)) == []


# --- P5: a demand the original makes in the sentence beside the linked one ---------------------------------------

STRIKE = "The strike closed the port for a third day on Tuesday. {next} Shipping firms said losses were mounting."
MERGED = (
    "The strike closed the port for a third day on Tuesday, and the cabinet should step in, the union says. "
    "Shipping firms said losses were mounting."
)


@pytest.mark.parametrize(
    "demand",
    [
        '"Ministers must intervene before the shelves run empty," said union leader Ana Ruiz.',
        "Union leader Ana Ruiz urged ministers to intervene before the shelves run empty.",
        "Union leader Ana Ruiz called for ministers to intervene before the shelves run empty.",
    ],
)
def test_demand_of_the_next_sentence_merged_in_is_no_added_clause(demand: str) -> None:
    kinds = [(f.type, f.subtype) for f in compare(STRIKE.format(next=demand), MERGED).findings]
    assert ("claim_added", "clause") not in kinds


def test_demand_the_original_does_not_make_is_still_an_added_clause() -> None:
    report = compare(STRIKE.format(next="Union leader Ana Ruiz said the walkout would go on."), MERGED)
    assert ("claim_added", "clause") in [(f.type, f.subtype) for f in report.findings]


def test_demand_beside_a_neighbour_copied_on_its_own_is_still_an_added_clause() -> None:
    # the neighbour's demand is retold in its own sentence: the appended one is another demand
    source = STRIKE.format(next="Union leader Ana Ruiz urged both sides to return to the table.")
    derived = source.replace("on Tuesday.", "on Tuesday, and the government must act now.", 1)
    report = compare(source, derived)
    assert ("claim_added", "clause") in [(f.type, f.subtype) for f in report.findings]
