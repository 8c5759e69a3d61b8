"""Review rev21q of the qa21 false-alarm fixes: each rule kept is narrow enough that the real change next to it
is still found (a wrong figure, a contradicting headline, a reversed claim, a dropped list item)."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.article import Article
from storytrace.audit import _lists, headline_restated
from storytrace.settings import Settings
from storytrace.text import analyse

LEXICAL = Settings(use_embeddings=False)


def _flags(source: str | Article, derived: str | Article, settings: Settings | None = None) -> list[tuple[str, str]]:
    report = compare(source, derived) if settings is None else compare(source, derived, settings=settings)
    return [(f.type, f.detail) for f in report.findings if f.severity in ("high", "medium")]


# --- partitive figures: the count a part leaves matches only a part of the same whole ---------------------

HOMES = (
    "The storm killed 12 people on Thursday. Half of the 600 residents of Alvarenga were evacuated to a school in "
    "the next town. Officials said 40 homes in the village were destroyed and many more were damaged."
)


def test_a_changed_figure_equal_to_the_count_half_leaves_is_still_changed() -> None:
    derived = (
        "Twelve people died in the storm on Thursday. Half of Alvarenga's 600 residents were moved to a school in a "
        "nearby town. According to officials, 300 homes in the village were destroyed and many others damaged."
    )
    changed = [d for t, d in _flags(HOMES, derived) if t == "number_changed"]
    assert changed and "40 homes" in changed[0] and "300 homes" in changed[0]


def test_a_changed_figure_equal_to_the_count_all_but_leaves_is_still_changed() -> None:
    source = (
        "Rescue teams reached all but two of the 37 villages on Thursday. The army said 14 of its helicopters were "
        "flying."
    )
    derived = (
        "By Thursday rescuers had got to 35 of the 37 villages. According to the army, 35 of its helicopters were "
        "in the air."
    )
    changed = [d for t, d in _flags(source, derived) if t == "number_changed"]
    assert len(changed) == 1 and "14" in changed[0] and "35" in changed[0]


def test_a_part_of_the_whole_other_than_all_but_leaves_or_writes_is_changed() -> None:
    # "two of the 37" is left quiet (it may tell the other end: rev21q2 item 1); "three" fits neither reading
    source = "Rescue teams reached all but two of the 37 villages on Thursday. Schools will stay closed."
    derived = "Rescue teams reached three of the 37 villages on Thursday. Schools will stay closed."
    changed = [d for t, d in _flags(source, derived, LEXICAL) if t == "number_changed"]
    assert changed and "all but two" in changed[0] and "three" in changed[0]


def test_the_percent_of_half_is_no_count_of_the_whole() -> None:
    source = "The storm killed 12 people. Half of the 600 residents were evacuated."
    derived = "The storm killed 12 people. 50 of the 600 residents were evacuated."
    assert [d for t, d in _flags(source, derived, LEXICAL) if t == "number_changed"]


# --- headlines: a headline that turns the story round is never "restated" --------------------------------

MAYOR_HEADLINE = "Springfield mayor charged with taking bribes"
MAYOR = (
    "The mayor of Springfield, Tom Harris, was charged on Monday with accepting bribes worth $40,000, prosecutors "
    'said. Harris denied the charges. "I have done nothing wrong," he told reporters outside the courthouse. '
    "Police are investigating whether other council members were involved. The city council will meet on "
    "Thursday to discuss the case."
)
FLOOD_HEADLINE = "Flooding forces 4,200 from homes in northern Portugal"
FLOOD = (
    "PORTO, March 14 (Wire) - Heavy flooding along the Douro river forced 4,200 people from their homes on "
    "Thursday, the interior ministry said, as three days of storms left at least 12 people dead across northern "
    "Portugal.\n\n"
    "The ministry said rescue teams had reached all but two of the 37 villages cut off by the water, and that "
    "the army had sent 350 soldiers and 14 helicopters to help.\n\n"
    '"We have never seen the river rise this fast," said Carlos Mendes, the mayor of Peso da Régua.\n\n'
    "Environmental groups have alleged that illegal building on the river banks made the flooding worse. The "
    "ministry said it was reviewing the claims.\n\n"
    "Schools in 22 municipalities will stay closed until Monday, the education ministry said."
)
# bodies that deny what a headline asserts: a headline dropping the "not" turns the story round (rev21q2 item 2)
MAYOR_DENIED = MAYOR.replace(
    "Police are investigating whether other council members were involved.",
    "Police said they had not arrested any other council members.",
)
FLOOD_DENIED = FLOOD.replace(
    "The ministry said rescue teams",
    "The government has not declared a state of emergency, the ministry said, and the army has not been "
    "deployed. The ministry said rescue teams",
)
CONTRADICTING = [
    (MAYOR_HEADLINE, MAYOR_DENIED, "Police arrest council members in Springfield bribery case"),
    (FLOOD_HEADLINE, FLOOD_DENIED, "Portugal declares state of emergency as floods hit north"),
    (FLOOD_HEADLINE, FLOOD_DENIED, "Army deployed as flooding forces thousands from homes"),
    (MAYOR_HEADLINE, MAYOR, "Springfield mayor confesses to taking bribes"),
    (MAYOR_HEADLINE, MAYOR, "Springfield mayor admits taking bribes"),
    (MAYOR_HEADLINE, MAYOR, "Springfield mayor not charged over bribes"),
    (MAYOR_HEADLINE, MAYOR, "Springfield mayor cleared of bribery charges"),
    (MAYOR_HEADLINE, MAYOR, "Police rule out council members in bribery case"),
    (MAYOR_HEADLINE, MAYOR, "Police confirm council members involved in bribes"),
    (MAYOR_HEADLINE, MAYOR, "Springfield council members took bribes, police say"),
    (FLOOD_HEADLINE, FLOOD, "Ministry confirms illegal building made Douro flooding worse"),
    (FLOOD_HEADLINE, FLOOD, "Ministry denies illegal building made flooding worse"),
    (FLOOD_HEADLINE, FLOOD, "Army refuses to send soldiers to flooded villages"),
    (FLOOD_HEADLINE, FLOOD, "Rescue teams fail to reach flooded villages"),
    (FLOOD_HEADLINE, FLOOD, "No deaths as floods hit northern Portugal"),
    (FLOOD_HEADLINE, FLOOD, "Schools stay open despite flooding in northern Portugal"),
]


@pytest.mark.parametrize(("_old", "body", "headline"), CONTRADICTING)
def test_a_headline_contradicting_its_body_is_never_restated(_old: str, body: str, headline: str) -> None:
    doc = analyse(Article(text=headline + "\n\n" + body))
    assert not headline_restated(doc, 0, analyse(Article(text=body)))


@pytest.mark.parametrize(("old", "body", "headline"), CONTRADICTING[:3])
def test_a_headline_that_drops_its_bodys_not_is_a_medium_finding_as_text_and_as_page(
    old: str, body: str, headline: str
) -> None:
    plain = _flags(old + "\n\n" + body, headline + "\n\n" + body)
    page = _flags(Article(text=body, title=old), Article(text=body, title=headline))
    assert any(t == "claim_added" for t, _ in plain), plain
    assert any(t == "claim_added" for t, _ in page), page


@pytest.mark.parametrize(
    ("body", "headline"),
    [
        (MAYOR, "Springfield mayor denies taking bribes"),
        (FLOOD, "Thousands flee rising Douro waters in northern Portugal"),
        (FLOOD_DENIED, "Thousands flee rising Douro waters in northern Portugal"),
        (MAYOR_DENIED, "Springfield mayor denies taking bribes"),
    ],
)
def test_a_headline_that_sums_up_its_body_is_restated(body: str, headline: str) -> None:
    doc = analyse(Article(text=headline + "\n\n" + body))
    assert headline_restated(doc, 0, analyse(Article(text=body)))


@pytest.mark.parametrize(
    "headline",
    [
        "Army refuses to send soldiers to flooded villages",
        "Rescue teams fail to reach flooded villages",
        "Schools stay open despite flooding in northern Portugal",
        "Ministry denies illegal building made flooding worse",
    ],
)
def test_a_contradicting_headline_is_a_medium_finding_as_text_and_as_page(headline: str) -> None:
    plain = _flags(FLOOD_HEADLINE + "\n\n" + FLOOD, headline + "\n\n" + FLOOD)
    page = _flags(Article(text=FLOOD, title=FLOOD_HEADLINE), Article(text=FLOOD, title=headline))
    assert any(t == "claim_added" for t, _ in plain), plain
    assert any(t == "claim_added" for t, _ in page), page


def test_the_originals_headline_about_a_story_the_suspect_drops_is_still_an_omission() -> None:
    source = "Army sends troops to flooded villages in northern Portugal\n\n" + FLOOD
    derived = "Thousands flee rising Douro waters in northern Portugal\n\n" + FLOOD.replace(
        ", and that the army had sent 350 soldiers and 14 helicopters to help", ""
    )
    report = compare(source, derived)
    assert [
        f
        for f in report.findings
        if f.type == "fact_omitted" and f.severity in ("high", "medium") and f.before.startswith("Army sends")
    ]


# --- lists after a clause: the list starts at the clause, it is not thrown away ---------------------------


@pytest.mark.parametrize(
    ("source", "derived", "dropped"),
    [
        (
            "The storm, which hit the coast on Monday, damaged roads, bridges and power lines across the region. "
            "Repairs will take weeks.",
            "The storm, which struck the coast on Monday, wrecked roads and bridges throughout the region. "
            "Repairs will take weeks.",
            "power lines",
        ),
        (
            "The ministry said rescue teams had reached the villages, and that the army had sent soldiers, "
            "helicopters and boats to help. Schools will stay closed until Monday.",
            "According to the ministry, rescuers had got through to the villages, and the army had deployed "
            "soldiers and helicopters to assist. Schools will stay closed until Monday.",
            "boats",
        ),
    ],
)
def test_an_item_dropped_from_a_list_after_a_clause_is_found(source: str, derived: str, dropped: str) -> None:
    items = [d for t, d in _flags(source, derived, LEXICAL) if t == "fact_omitted" and "listed items" in d]
    assert len(items) == 1 and dropped in items[0], items


def test_a_clause_before_a_list_is_no_item_of_it() -> None:
    text = "Officers searched the house, while others seized cash, phones and a laptop from the car."
    assert [[text[a:b] for a, b in items] for items in _lists(text, 0, len(text))] == [
        ["seized cash", "phones", "a laptop from the car"]
    ]


# --- a sentence merged as a clause: only when the clause says all it says, the same way -------------------

RESTYLED_FLOOD = (
    "PORTO - Some 4,200 residents were driven out of their homes by severe flooding along the Douro on Thursday, "
    "according to Portugal's interior ministry, after three days of storms that have killed at least 12 people in "
    "the north of the country.\n\n"
    "According to the ministry, rescuers have now got through to 35 of the 37 villages isolated by the floodwater, "
    "while the army has deployed 350 troops and 14 helicopters to assist.\n\n"
    '"We have never seen the river rise this fast," Carlos Mendes, mayor of Peso da Régua, said.\n\n'
    "Environmental groups allege that unlawful construction on the riverbanks worsened the floods, and the ministry "
    "said it was looking into the claims.\n\n"
    "The education ministry said schools in 22 municipalities would remain shut until Monday."
)
LOOKING = "the ministry said it was looking into the claims"


def _reviewing_linked(source: str, derived: str, reviewing: str) -> bool:
    report = compare(source, derived)
    src = report.alignment.source
    return any(reviewing in [src.sentence_text(j) for j in link.source] for link in report.alignment.links)


@pytest.mark.parametrize(
    "reversed_clause",
    ["the ministry said it had rejected the claims", "the ministry said it would not look into the claims"],
)
def test_a_clause_that_reverses_a_sentence_does_not_merge_it(reversed_clause: str) -> None:
    derived = RESTYLED_FLOOD.replace(LOOKING, reversed_clause)
    assert not _reviewing_linked(FLOOD, derived, "The ministry said it was reviewing the claims.")


def test_a_clause_that_drops_the_sentences_date_does_not_merge_it() -> None:
    reviewing = "The ministry said on Friday it was reviewing the claims."
    source = FLOOD.replace("The ministry said it was reviewing the claims.", reviewing)
    assert not _reviewing_linked(source, RESTYLED_FLOOD, reviewing)
    report = compare(source, RESTYLED_FLOOD)
    assert [f for f in report.findings if f.type == "fact_omitted" and f.before == reviewing]


def test_a_faithful_clause_still_merges_the_sentence() -> None:
    assert _reviewing_linked(FLOOD, RESTYLED_FLOOD, "The ministry said it was reviewing the claims.")


# --- quote detail: a changed figure or negation is named before a longer rewording -----------------------


@pytest.mark.parametrize(
    ("source", "derived", "named"),
    [
        (
            '"We lost 12 homes in one night and the whole street is now under the brown water," said Ana Costa, a '
            "resident. Rescue teams reached 35 villages on Thursday.",
            '"We lost 40 homes in one night and the whole street is now under deep, filthy, freezing water," said '
            "Ana Costa, a resident. Rescue teams reached 35 villages on Thursday.",
            "\u201cWe lost 40 homes\u201d",
        ),
        (
            '"We will not close the hospital this year, whatever the cost to the city budget," said Mayor Ana Costa. '
            "The council meets on Friday.",
            '"We will close the hospital this year, whatever the cost to our badly strained city budget," said Mayor '
            "Ana Costa. The council meets on Friday.",
            "\u201cWe will close\u201d",
        ),
    ],
)
def test_a_quote_detail_names_the_figure_or_negation_first(source: str, derived: str, named: str) -> None:
    details = [d for t, d in _flags(source, derived, LEXICAL) if t == "quote_altered"]
    assert details and named in details[0], details
