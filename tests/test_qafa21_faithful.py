"""Faithful rewrites that must stay quiet (QA pass qa21), each next to the true case that must still be found.

Partitive figures ("all but two of the 37" is 35 of them), clauses read as list items, headlines that sum up
the other text, two sentences merged into one, and the change a quote_altered detail names.
"""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.article import Article
from storytrace.audit import _lists
from storytrace.facts.numbers import extract_quantities
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)

VILLAGES = (
    "The ministry said rescue teams had reached all but two of the 37 villages cut off by the water, and that "
    "the army had sent 350 soldiers and 14 helicopters to help. Schools in 22 towns will stay closed until Monday."
)


def _flags(source: str | Article, derived: str | Article, settings: Settings | None = None) -> list[tuple[str, str]]:
    report = compare(source, derived) if settings is None else compare(source, derived, settings=settings)
    return [(f.type, f.detail) for f in report.findings if f.severity in ("high", "medium")]


# --- figures ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("settings", [LEXICAL, None])
def test_all_but_two_of_37_retold_as_35_of_37_is_the_same_figure(settings: Settings | None) -> None:
    derived = VILLAGES.replace("all but two of the 37", "35 of the 37")
    assert not [f for f in _flags(VILLAGES, derived, settings) if f[0] == "number_changed"]


def test_all_but_two_of_37_retold_as_33_is_still_a_change() -> None:
    derived = VILLAGES.replace("all but two of the 37", "33 of the 37")
    changed = [d for t, d in _flags(VILLAGES, derived, LEXICAL) if t == "number_changed"]
    assert changed and "all but two" in changed[0] and "33" in changed[0]


def test_35_of_37_retold_as_all_but_two_is_the_same_figure_the_other_way() -> None:
    source = VILLAGES.replace("all but two of the 37", "35 of the 37")
    assert not [f for f in _flags(source, VILLAGES, LEXICAL) if f[0] == "number_changed"]


HALF = "The storm killed 12 people. About half of the 600 residents of the village were evacuated."


@pytest.mark.parametrize("retold", ["Roughly 300 of the village's 600 residents", "About 280 of the 600 residents"])
def test_half_of_600_retold_as_a_count_is_the_same_figure(retold: str) -> None:
    derived = f"The storm killed 12 people. {retold} were evacuated."
    assert not [f for f in _flags(HALF, derived, LEXICAL) if f[0] == "number_changed"]


def test_half_of_600_retold_as_200_is_still_a_figure_the_original_lacks() -> None:
    derived = "The storm killed 12 people. Roughly 200 of the village's 600 residents were evacuated."
    found = [d for t, d in _flags(HALF, derived, LEXICAL) if t == "number_changed"]
    assert found and "Roughly 200" in found[0] and "village" not in found[0]


def test_a_possessive_after_a_figure_is_not_what_it_counts() -> None:
    text = "Roughly 300 of the village's 600 residents were evacuated."
    first = extract_quantities(text)[0]
    assert first.text == "Roughly 300" and first.noun == ()


# --- lists ------------------------------------------------------------------------------------------------


def test_a_clause_after_a_comma_is_no_list_item() -> None:
    sentence = VILLAGES.split(". ")[0] + "."
    assert _lists(sentence, 0, len(sentence)) == []


def test_a_real_list_is_still_a_list() -> None:
    sentence = "The plan covers a 2.4-mile barrier, three pumping stations and a new park."
    items = [[sentence[a:b] for a, b in found] for found in _lists(sentence, 0, len(sentence))]
    assert items == [["plan covers a 2.4-mile barrier", "three pumping stations", "a new park"]]


def test_the_villages_rewrite_drops_no_list_item() -> None:
    derived = (
        "According to the ministry, rescuers have now got through to 35 of the 37 villages isolated by the "
        "floodwater, while the army has deployed 350 troops and 14 helicopters to assist. Schools in 22 towns "
        "will stay closed until Monday."
    )
    assert _flags(VILLAGES, derived) == []


# --- headlines --------------------------------------------------------------------------------------------

HEADLINE = "Flooding forces 4,200 from homes in northern Portugal"
BODY = (
    "PORTO, March 14 (Wire) - Heavy flooding along the Douro river forced 4,200 people from their homes on "
    "Thursday, the interior ministry said, as three days of storms left at least 12 people dead across northern "
    "Portugal.\n\n"
    + VILLAGES.split(" Schools")[0]
    + '\n\n"We have never seen the river rise this fast," said Carlos Mendes, the mayor of Peso da Régua.\n\n'
    "Environmental groups have alleged that illegal building on the river banks made the flooding worse. The "
    "ministry said it was reviewing the claims.\n\n"
    "Schools in 22 municipalities will stay closed until Monday, the education ministry said."
)
RESTYLED_BODY = (
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
FAITHFUL_HEADLINES = [
    "Thousands flee rising Douro waters in northern Portugal",
    "Rising river forces thousands to flee in Portugal's north",
]


@pytest.mark.parametrize("headline", FAITHFUL_HEADLINES)
def test_a_faithful_headline_line_over_a_copied_body_is_quiet(headline: str) -> None:
    assert _flags(HEADLINE + "\n\n" + BODY, headline + "\n\n" + BODY) == []


@pytest.mark.parametrize("headline", FAITHFUL_HEADLINES)
def test_a_faithful_page_headline_is_quiet(headline: str) -> None:
    assert _flags(Article(text=BODY, title=HEADLINE), Article(text=BODY, title=headline)) == []


@pytest.mark.parametrize(
    "headline",
    [
        "Government to blame for deadly Portugal floods",  # blame the text never lays
        "Mayor arrested over illegal building as floods hit Portugal",  # an event it never tells
        "Thousands flee Douro floods as Spain sends help",  # a name it lacks
    ],
)
def test_a_headline_claiming_what_the_body_does_not_is_still_found(headline: str) -> None:
    plain = _flags(HEADLINE + "\n\n" + BODY, headline + "\n\n" + BODY)
    page = _flags(Article(text=BODY, title=HEADLINE), Article(text=BODY, title=headline))
    assert any(t in ("claim_added", "entity_changed") for t, _ in plain), plain
    assert any(t in ("claim_added", "entity_changed") for t, _ in page), page


def test_the_originals_headline_told_by_the_restyles_lead_is_no_omission() -> None:
    report = compare(HEADLINE + "\n\n" + BODY, FAITHFUL_HEADLINES[0] + "\n\n" + RESTYLED_BODY)
    assert not [f for f in report.findings if f.type == "fact_omitted" and f.before == HEADLINE]
    assert not [f for f in report.findings if f.severity in ("high", "medium")]


def test_a_headline_whose_figure_the_suspect_never_gives_is_still_an_omission() -> None:
    body = RESTYLED_BODY.replace("Some 4,200 residents were", "Residents were")
    report = compare(HEADLINE + "\n\n" + BODY, FAITHFUL_HEADLINES[0] + "\n\n" + body)
    assert [f for f in report.findings if f.type == "fact_omitted" and f.before == HEADLINE]


# --- merged sentences -------------------------------------------------------------------------------------

MAYOR = (
    "The mayor of Springfield, Tom Harris, was charged on Monday with accepting bribes worth $40,000, prosecutors "
    'said. Harris denied the charges. "I have done nothing wrong," he told reporters outside the courthouse. '
    "Police are investigating whether other council members were involved."
)


def test_two_sentences_faithfully_merged_into_one_are_quiet() -> None:
    derived = (
        "Springfield mayor Tom Harris was charged on Monday with taking $40,000 in bribes, according to "
        'prosecutors. Harris denied the charges, telling reporters outside the courthouse: "I have done nothing '
        'wrong." Police are looking into whether other members of the council were involved.'
    )
    assert _flags(MAYOR, derived) == []


def test_a_sentence_merged_as_a_clause_joins_the_link_and_is_not_dropped() -> None:
    report = compare(HEADLINE + "\n\n" + BODY, FAITHFUL_HEADLINES[0] + "\n\n" + RESTYLED_BODY)
    reviewing = "The ministry said it was reviewing the claims."
    assert not [f for f in report.findings if f.type == "fact_omitted" and f.before == reviewing]
    source = report.alignment.source
    merged = [link for link in report.alignment.links if len(link.source) == 2]
    assert any(reviewing in [source.sentence_text(j) for j in link.source] for link in merged)


def test_a_merged_sentence_that_changes_the_claim_is_still_found() -> None:
    derived = (
        "Springfield mayor Tom Harris was charged on Monday with taking $40,000 in bribes, according to "
        'prosecutors. Harris admitted the charges, telling reporters outside the courthouse: "I have done nothing '
        'wrong." Police are looking into whether other members of the council were involved.'
    )
    assert any(t == "hedge_changed" for t, _ in _flags(MAYOR, derived))


# --- quote details ----------------------------------------------------------------------------------------

QUOTE = (
    '"We have never seen the river rise this fast," said Carlos Mendes, the mayor of Peso da Régua. Rescue teams '
    "reached 35 villages on Thursday."
)


@pytest.mark.parametrize("words", ["rise like this, it is a disaster", "rise this fast, it is a disaster"])
def test_a_quote_detail_names_the_words_added(words: str) -> None:
    derived = QUOTE.replace("rise this fast", words)
    details = [d for t, d in _flags(QUOTE, derived, LEXICAL) if t == "quote_altered"]
    assert details and "it is a disaster" in details[0], details
    assert "other change" not in details[0]


def test_two_changes_far_apart_still_count_the_other() -> None:
    source = '"We have never seen the river rise this fast in all the years I have lived here," said Carlos Mendes.'
    derived = source.replace("the river", "the sea").replace("here,", "here, a disaster,")
    details = [d for t, d in _flags(source, derived, LEXICAL) if t == "quote_altered"]
    assert details and "1 other change" in details[0], details


def test_a_copied_sentence_absorbs_no_neighbour_it_merely_resembles() -> None:
    source = (
        "The broadcaster regained control of one of its 11 channels on Thursday after a cyberattack. "
        "The broadcaster was gradually regaining control of its channels and social media accounts after the attack. "
        "In addition to its 11 channels, the broadcaster lost control of its social media accounts and its websites, "
        "its director said in a video message. Police are investigating."
    )
    derived = source.split("attack. ")[2].split(" Police")[0]
    links = compare(source, derived).alignment.links
    assert [(link.kind, len(link.source)) for link in links] == [("verbatim", 1)]


def test_only_a_quotation_opening_breaks_a_word_pair() -> None:
    from storytrace.audit import _novel_pairs
    from storytrace.text import analyse

    doc = analyse(Article(text='Harris spoke outside the courthouse: "I have done nothing wrong," an aide said.'))
    novel, total = _novel_pairs(doc.sentences[0], set(), doc.text)
    # counted: harris-spoke, spoke-outside, outside-the, the-courthouse, have-done, done-nothing, nothing-wrong,
    # wrong-an, an-aide; not courthouse-"I (a quotation opens) nor the pairs with "said"
    assert (novel, total) == (9, 9)
