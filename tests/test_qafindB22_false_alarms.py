"""User QA qa22's false alarms on faithful rewrites, each next to the real change of its family, which is still
found: a number word joined to what it counts, a country given by its people's adjective, an association for a
dropped "may", a headline over a story whose stance is about something else, a headline of several clauses."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.article import Article
from storytrace.audit import HEADLINE_NOTE, headline_restated
from storytrace.facts.numbers import extract_quantities
from storytrace.text import analyse


def _flags(source: str | Article, derived: str | Article) -> list[tuple[str, str, str]]:
    report = compare(source, derived)
    return [(f.type, f.subtype or "", f.detail) for f in report.findings if f.severity in ("high", "medium")]


COURT = (
    "SANTIAGO, Oct 14 (Wire) - A Chilean appeals court on Tuesday ordered Valmora Mining to pay $412 million in "
    "damages to farming communities along the Loa River. The three-judge panel voted 2-1 to uphold a lower "
    "court's finding that Valmora failed to maintain a containment dam at its Quillagua site. The damages are the "
    "largest ever awarded in an environmental case in Chile, according to the Chilean Environmental Law "
    "Association."
)


# --- a number word joined to what it counts is a count -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [("The three-judge panel voted 2-1.", 3.0), ("a five-member board", 5.0), ("The twelve-member council", 12.0)],
)
def test_a_number_word_joined_to_what_it_counts_is_a_count(text: str, value: float) -> None:
    counts = [q for q in extract_quantities(text) if q.kind == "count"]
    assert [q.value for q in counts] == [value]


@pytest.mark.parametrize(
    "text", ["a two-thirds majority", "a one-off payment", "a two-way race", "a three-pronged plan"]
)
def test_a_number_word_in_another_compound_is_still_no_figure(text: str) -> None:
    assert extract_quantities(text) == []


def test_a_three_judge_panel_told_as_a_panel_of_three_judges_is_quiet() -> None:
    derived = COURT.replace("The three-judge panel voted", "The panel of three judges voted")
    assert not [f for f in _flags(COURT, derived) if f[0] == "number_changed"]


@pytest.mark.parametrize("panel", ["The panel of five judges voted", "The five-judge panel voted"])
def test_a_panel_of_another_size_is_still_a_changed_figure(panel: str) -> None:
    derived = COURT.replace("The three-judge panel voted", panel)
    changed = [d for t, _, d in _flags(COURT, derived) if t == "number_changed"]
    assert changed and "five" in changed[0], changed


# --- a country's people's adjective is the country ----------------------------------------------------------


def test_a_chilean_court_told_as_a_court_in_chile_sets_no_name_into_another_fact() -> None:
    derived = COURT.replace("A Chilean appeals court", "A court of appeals in Chile")
    assert not [f for f in _flags(COURT, derived) if f[0] == "entity_changed"]


def test_a_court_moved_to_another_country_is_still_found() -> None:
    derived = COURT.replace("A Chilean appeals court", "A court of appeals in Peru")
    assert [d for t, _, d in _flags(COURT, derived) if t == "entity_changed" and "Peru" in d]


STUDY = (
    "COPENHAGEN, Feb 3 (Wire) - People over 60 who walked daily were 20% less likely to develop dementia, a study "
    "of 48,200 Danish adults found. The study was funded by the Lundbeck Foundation."
)


def test_danish_adults_told_as_adults_in_denmark_is_no_new_place() -> None:
    derived = STUDY.replace("48,200 Danish adults", "48,200 adults in Denmark")
    assert not [f for f in _flags(STUDY, derived) if f[0] == "entity_changed"]


@pytest.mark.parametrize("moved", ["48,200 adults in Sweden", "48,200 Swedish adults"])
def test_the_study_moved_to_another_country_is_still_found(moved: str) -> None:
    derived = STUDY.replace("48,200 Danish adults", moved)
    assert [f for f in _flags(STUDY, derived) if f[0] == "entity_changed"]


# --- "linked to" tells a "may" as an association -------------------------------------------------------------

WALKS = "Daily walks may cut the risk of dementia, researchers said. The study followed 48,200 adults for 11 years."


def test_may_cut_told_as_linked_to_keeps_the_doubt() -> None:
    derived = WALKS.replace("Daily walks may cut the risk", "Daily walks are linked to a lower risk")
    assert not [f for f in _flags(WALKS, derived) if f[0] == "hedge_changed"]


def test_the_health_headline_told_as_linked_to_keeps_the_doubt() -> None:
    source = "Daily walk may cut dementia risk by a fifth, Danish study suggests\n\n" + STUDY
    derived = "Daily walking linked to lower dementia risk in Danish study\n\n" + STUDY
    assert not [f for f in _flags(source, derived) if f[0] == "hedge_changed"]


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (WALKS, WALKS.replace("may cut", "cut")),
        (
            "The illness may be linked to the water supply, officials said. Tests are under way at 12 wells.",
            "The illness is linked to the water supply, officials said. Tests are under way at 12 wells.",
        ),
    ],
)
def test_a_may_dropped_without_an_association_or_from_the_link_itself_is_still_found(source: str, derived: str) -> None:
    assert [f for f in _flags(source, derived) if f[:2] == ("hedge_changed", "certainty_increased")]


# --- a headline's dropped stance counts only when it bears on the headline's words --------------------------

COURT_HEADLINE = "Appeals court orders Valmora Mining to pay $412 million over river spill"


def test_a_headline_over_a_stance_about_something_else_is_restated() -> None:
    headline = "Valmora Mining must pay $412 million for Loa River spill, court rules"
    doc = analyse(Article(text=headline + "\n\n" + COURT))
    assert headline_restated(doc, 0, analyse(Article(text=COURT)))


# qa22's court story and its faithful rewrite, in full: the rewrite's headline line was a medium added claim
# because the original's "Valmora failed to maintain a containment dam" was read as a stance it dropped.
COURT_STORY = (
    "Appeals court orders Valmora Mining to pay $412 million over river spill\n\n"
    "SANTIAGO, Oct 14 (Wire) - A Chilean appeals court on Tuesday ordered Valmora Mining to pay $412 "
    "million in damages to farming communities along the Loa River, ruling that the company was "
    "responsible for a 2021 tailings spill that contaminated irrigation water for some 3,800 "
    "families.\n\n"
    "The three-judge panel voted 2-1 to uphold a lower court's finding that Valmora failed to maintain a "
    "containment dam at its Quillagua site. The dissenting judge argued that heavy rainfall, not "
    "negligence, caused the breach.\n\n"
    '"This ruling recognises that the river is not a sewer for mining waste," said Carmen Ibanez, a '
    'lawyer for the communities. "Families have waited four years for this."\n\n'
    "Valmora said in a statement it would appeal to the Supreme Court and denied that its dam had been "
    "poorly maintained. The company's shares fell 6.2% in Santiago trading after the decision.\n\n"
    "The environment ministry said it was reviewing Valmora's other permits in the Antofagasta region. "
    "Prosecutors are separately investigating whether company executives concealed inspection reports "
    "from regulators.\n\n"
    "The damages are the largest ever awarded in an environmental case in Chile, according to the Chilean "
    "Environmental Law Association. The award includes $95 million for a clean-up fund to be managed by "
    "the regional government.\n\n"
    "The spill released an estimated 1.3 million cubic metres of tailings in March 2021. Water samples "
    "taken at the time showed arsenic levels up to nine times the legal limit, according to a report by "
    "the national water authority."
)
COURT_FAITHFUL = (
    "Valmora Mining must pay $412 million for Loa River spill, court rules\n\n"
    "A court of appeals in Chile on Tuesday ordered Valmora Mining to pay $412 million to farming "
    "communities along the Loa River, finding the miner responsible for a 2021 spill of tailings that "
    "contaminated irrigation water used by about 3,800 families.\n\n"
    "The panel of three judges ruled 2-1 to uphold the finding of a lower court that Valmora had failed "
    "to maintain a containment dam at its Quillagua site. The dissenting judge said heavy rainfall rather "
    "than negligence caused the breach.\n\n"
    '"This ruling recognises that the river is not a sewer for mining waste," Carmen Ibanez, a lawyer '
    "for the communities, said.\n\n"
    "Valmora said it would appeal to the Supreme Court and denied that the dam had been poorly "
    "maintained. Its shares fell 6.2% in Santiago.\n\n"
    "The environment ministry said it was reviewing Valmora's other permits in the Antofagasta region, "
    "and prosecutors are investigating separately whether executives concealed inspection reports from "
    "regulators."
)


def test_the_faithful_court_rewrite_flags_only_what_it_drops_and_its_headline_is_low_with_a_note() -> None:
    report = compare(COURT_STORY, COURT_FAITHFUL)
    on_headline = [f for f in report.findings if f.derived and f.derived[0] == 0]
    assert on_headline and all(f.severity == "low" and HEADLINE_NOTE in f.detail for f in on_headline), on_headline
    serious = [f for f in report.findings if f.severity in ("high", "medium")]
    # the rewrite drops the "largest ever" and the spill's figures: those omissions are real
    assert serious and all(f.type == "fact_omitted" and not f.before.startswith("Appeals court") for f in serious)


def test_a_headline_dropping_the_stance_on_its_own_words_is_still_not_restated() -> None:
    headline = "Valmora maintained its dam at Quillagua, court rules"
    doc = analyse(Article(text=headline + "\n\n" + COURT))
    assert not headline_restated(doc, 0, analyse(Article(text=COURT)))


# --- a headline of several clauses is read where each clause is told ----------------------------------------

BIZ_HEADLINE = "Norvik Foods profit jumps 34% as snack sales surge, shares hit record"
BIZ = (
    "OSLO, July 22 (Wire) - Norvik Foods reported on Tuesday a 34% rise in second-quarter operating profit to 1.86 "
    "billion crowns, beating analysts' forecasts, as demand for its crispbread and snack bars grew strongly in "
    "Germany and Poland.\n\n"
    "Revenue rose 12% to 9.4 billion crowns. Analysts polled by the company had expected operating profit of 1.62 "
    "billion crowns.\n\n"
    "Norvik raised its full-year revenue growth target to between 8% and 10%, from 6% to 8% previously. Its shares "
    "rose 9.1% to a record high of 214 crowns by 1100 GMT."
)
BIZ_REWRITE = (
    "Norvik Foods beats forecasts as quarterly profit climbs 34%\n\n"
    "Norvik Foods said on Tuesday its operating profit for the second quarter rose 34% to 1.86 billion crowns, "
    "ahead of analysts' expectations, helped by strong demand for its crispbread and snack bars in Germany and "
    "Poland.\n\n"
    "Analysts had on average expected 1.62 billion crowns, according to a company poll. Revenue grew by 12% to 9.4 "
    "billion crowns.\n\n"
    "The Norwegian company now expects full-year revenue growth of 8% to 10%, up from its earlier target of 6% to "
    "8%.\n\n"
    "The shares jumped 9.1% to a record 214 crowns."
)


def _headline_omitted(source: str, derived: str) -> list[str]:
    report = compare(source, derived)
    return [
        f.severity
        for f in report.findings
        if f.type == "fact_omitted" and f.before and f.before.startswith("Norvik Foods profit")
    ]


def test_the_originals_headline_of_several_clauses_told_across_the_suspect_is_no_omission() -> None:
    assert _headline_omitted(BIZ_HEADLINE + "\n\n" + BIZ, BIZ_REWRITE) == []


def test_the_originals_headline_is_still_omitted_when_the_suspect_drops_a_clause_of_it() -> None:
    dropped = BIZ_REWRITE.replace("\n\nThe shares jumped 9.1% to a record 214 crowns.", "")
    assert [s for s in _headline_omitted(BIZ_HEADLINE + "\n\n" + BIZ, dropped) if s in ("high", "medium")]
