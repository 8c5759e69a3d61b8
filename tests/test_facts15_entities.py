"""A country's people for the country, a party for its members, an acronym spelled out, a headline's capitals:
no name swapped; another country, party or person still is (facts15). The articles are invented for these
tests."""

from __future__ import annotations

from dataclasses import replace

import pytest

from numbers13_context import findings_of
from storytrace import Settings, compare
from storytrace.align import Link
from storytrace.facts.entities import _GLUED, _office, same_referent, spelled_out, styled, title_cased
from storytrace.facts.swapped import swap_findings
from storytrace.finding import Finding

LEXICAL = Settings(use_embeddings=False)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("American", "the U.S."),
        ("Americans", "USA"),
        ("British", "the UK"),
        ("GOP", "Republican"),
        ("Democrats", "Democratic"),
    ],
)
def test_a_people_or_party_written_two_ways_is_one_referent(a: str, b: str) -> None:
    assert same_referent(a, b) and same_referent(b, a)


@pytest.mark.parametrize(("a", "b"), [("American", "Chinese"), ("Republican", "Democratic"), ("Soviet", "Russian")])
def test_two_peoples_or_parties_stay_two(a: str, b: str) -> None:
    assert not same_referent(a, b)


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        (
            "The US government imposed new tariffs on steel imports last week, officials said.",
            "The American government imposed new tariffs on steel imports last week, officials said.",
        ),
        (
            "American officials imposed new tariffs on steel imports last week, the ministry said.",
            "US officials imposed new tariffs on steel imports last week, the ministry said.",
        ),
        (
            "The measure was opposed by Republican senators who said it would raise taxes on working families.",
            "The measure was opposed by GOP senators who said it would raise taxes on working families.",
        ),
        (
            "The measure was opposed by Democrats in the state senate who said it would raise taxes.",
            "The measure was opposed by Democratic lawmakers in the state senate who said it would raise taxes.",
        ),
        (
            "Since 1992, the I.R.S. has compiled data from the returns of the 400 taxpayers with the most income.",
            "Since 1992, the IRS has collected data from the returns of the 400 taxpayers with the most income.",
        ),
    ],
)
def test_one_people_party_or_body_written_two_ways_is_no_change(original: str, suspect: str) -> None:
    assert [f for f in findings_of(original, suspect, "entity_changed") if f.severity != "low"] == []


@pytest.mark.parametrize(
    ("original", "suspect", "after"),
    [
        (
            # a country's people put for another country: NER reads "Chinese" as a group, "US" as a place
            "The US government imposed new tariffs on steel imports last week, officials said.",
            "The Chinese government imposed new tariffs on steel imports last week, officials said.",
            "Chinese",
        ),
        (
            "The measure was opposed by Republican senators who said it would raise taxes on working families.",
            "The measure was opposed by Democratic senators who said it would raise taxes on working families.",
            "Democratic",
        ),
        (
            "Finance Minister Rachel Reeves said the budget would be out on 14 March after talks.",
            "Finance Minister Jeremy Hunt said the budget would be out on 14 March after talks.",
            "Jeremy Hunt",
        ),
    ],
)
def test_another_country_party_or_minister_is_still_reported(original: str, suspect: str, after: str) -> None:
    found = findings_of(original, suspect, "entity_changed")
    assert [f.after for f in found if f.severity == "high"] == [after]


def test_an_ethnic_group_retold_as_a_nation_is_no_swap() -> None:
    # "American workers" for "black, white, and Hispanic" steelworkers: a wider group, not another one
    original = (
        "He saw steelworkers who had been laid off -- black, white, and Hispanic -- and the trade deals hurt them."
    )
    suspect = "He saw American steelworkers who had been laid off, and the trade deals hurt them."
    assert [f for f in findings_of(original, suspect, "entity_changed") if f.subtype == "group"] == []


HEADLINE = "Obama Urges Bernanke, Paulson to Fight Foreclosures, Hold Homeownership Summit"


def test_title_cased_stretches() -> None:
    text = HEADLINE + "  WASHINGTON, DC - Senator Barack Obama today called on Ben Bernanke to act on foreclosures."
    assert title_cased(text, text.index("Urges")) and title_cased(text, text.index("Summit"))
    assert not title_cased(text, text.index("Barack"))
    quoted = '"Marco Rubio: Brave and Confident, Ready to Take on the World" In an interview, Marco Rubio spoke.'
    assert title_cased(quoted, quoted.index("Take")) and not title_cased(quoted, quoted.rindex("Rubio"))
    glued = "UPDATE: Hillary Clinton Leaves The Country As Mueller Indictment Is AnnouncedAnyone else think so?"
    assert title_cased(glued, glued.index("Leaves"))
    names = "President Barack Obama, Dr. Katharine Hayhoe, and Leonardo DiCaprio talk climate change."
    assert not title_cased(names, names.index("Leonardo"))


def test_headline_capitals_are_styled_unless_the_article_writes_them_as_names() -> None:
    text = HEADLINE + "  WASHINGTON, DC - Senator Barack Obama today called on Ben Bernanke to act on foreclosures."
    k = text.index("Urges")
    assert styled(text, k, k + 5)
    k = text.index("Bernanke")
    assert not styled(text, k, k + 8)  # written in the sentence after: a name


@pytest.mark.parametrize(
    ("suspect_headline", "reported"),
    [
        ("Obama Encourages Bernanke and Paulson to Address Foreclosures, Propose Homeownership Solutions", []),
        # another person in the headline, whom the rewrite names in its sentences too, is still a swap
        ("Obama Urges Geithner, Paulson to Fight Foreclosures, Hold Homeownership Summit", ["Geithner"]),
    ],
)
def test_a_headline_reworded_is_no_name_swapped(suspect_headline: str, reported: list[str]) -> None:
    body = (
        "Senator Barack Obama today sent a letter to {who} and Treasury Secretary Henry Paulson on the crisis. "
        "In the letter, Obama urged the two officials to act on the growing wave of foreclosures. "
        "He asked them to bring lenders and borrowers together to find solutions for families. "
        "Obama said that families across Illinois had already lost their homes this year. "
        "He said regulators had been too slow to respond to the warning signs in the market. "
        "The letter was also sent to the heads of several banking agencies."
    )
    original = HEADLINE + "\n\n" + body.format(who="Federal Reserve Chairman Ben Bernanke")
    suspect = (
        suspect_headline
        + "\n\n"
        + body.format(who="Federal Reserve Chairman Ben Bernanke" if not reported else "Treasury adviser Tim Geithner")
    )
    report = compare(original, suspect, settings=LEXICAL)
    found = [f for f in report.findings if f.type == "entity_changed" and f.severity in ("high", "medium")]
    assert [f.after for f in found if f.derived and f.derived[1] <= len(suspect_headline)] == reported


def test_an_acronym_spelled_out_is_no_name_swapped() -> None:
    text = "The Massachusetts Comprehensive Assessment System (MCAS) and the NAEP tests show the results."
    k = text.index("System")
    assert spelled_out(text, k, k + 6, "Assessment/Accountability MCAS results")
    plain = "The Massachusetts Comprehensive Assessment System and the NAEP tests show the results."
    k = plain.index("System")
    assert spelled_out(plain, k, k + 6, "the MCAS results") and not spelled_out(plain, k, k + 6, "the NAEP results")
    original = (
        "State results for Massachusetts come from the Assessment/Accountability MCAS tests and the national "
        "NAEP tests of reading and mathematics."
    )
    suspect = (
        "State results for Massachusetts come from the Massachusetts Comprehensive Assessment System tests and "
        "the national NAEP tests of reading and mathematics."
    )
    assert [f for f in findings_of(original, suspect, "entity_changed") if f.severity != "low"] == []


def test_a_technical_name_spelled_out_is_not_new() -> None:
    original = "Investigators said the jet's MCAS software pushed the nose of the plane down and was changed late."
    suspect = (
        "Investigators said the jet's Maneuvering Characteristics Augmentation System software pushed the nose "
        "of the plane down and was changed late."
    )
    assert [f for f in findings_of(original, suspect, "entity_changed") if f.severity != "low"] == []


FAMILY = (
    "Donald Trump, the Republican presidential nominee, has faced criticism for refusing to release his tax "
    "returns. His son Eric Trump told reporters on Monday that the family would not bow to pressure. "
    "Eric Trump said the family was refusing to release the tax returns while they were under audit. "
    "Democrats said Donald Trump's refusal broke with decades of practice by candidates of both parties. "
    "The campaign did not respond to a request for comment on the audit."
)
MISLINKED = "Eric Trump said he is refusing to release the tax returns, which are under audit, lawyers said."


def _swaps_on(source: str, derived: str, linked: int) -> list[Finding]:
    """The swap check on the suspect's first sentence read against the original's sentence ``linked``: the link
    the aligner would choose is not under test here."""
    alignment = compare(source, derived, settings=LEXICAL).alignment
    return swap_findings(replace(alignment, links=(Link((0,), (linked,), "paraphrase", 0.8),)))


def test_a_name_swap_another_sentence_of_the_original_explains_is_low() -> None:
    # Donald stays in the suspect, and the original's third sentence names Eric and says what the suspect does
    suspect = MISLINKED + " Democrats said Donald Trump's refusal broke with decades of practice."
    found = _swaps_on(FAMILY, suspect, 0)
    assert [(f.before, f.after, f.severity) for f in found] == [("Donald", "Eric", "low")]


def test_a_name_swap_no_other_sentence_explains_stays_medium() -> None:
    suspect = MISLINKED + " Democrats said Donald Trump's refusal broke with decades of practice."
    source = FAMILY.replace("was refusing to release the tax returns while they were under audit", "felt fine")
    found = _swaps_on(source, suspect, 0)
    assert [(f.before, f.after, f.severity) for f in found] == [("Donald", "Eric", "medium")]
    # nor when the suspect no longer names the original's person at all
    found = _swaps_on(FAMILY, MISLINKED, 0)
    assert [(f.before, f.after, f.severity) for f in found] == [("Donald", "Eric", "medium")]


NOBEL = (
    "The prize has been awarded 101 times since 1901. "
    "The Nobel Peace Prize 2012 European Union (EU) for over six decades contributed to the advancement of peace "
    "and reconciliation in Europe. The Nobel Peace Prize 2008 Martti Ahtisaari for his important efforts, on several "
    "continents and over more than three decades, to resolve international conflicts. "
    "The Nobel Peace Prize 2005 went to the International Atomic Energy Agency."
)


def test_a_figure_lined_up_with_the_wrong_part_of_a_long_sentence_is_no_swap() -> None:
    source = NOBEL.replace(" The Nobel Peace Prize 2008", ", The Nobel Peace Prize 2008")  # one run-on sentence
    derived = (
        "The European Union won in 2012 for its efforts, on several continents and over more than six decades, "
        "to advance peace and reconciliation in Europe."
    )
    found = [f for f in compare(source, derived, settings=LEXICAL).findings if f.subtype == "swapped"]
    assert [f for f in found if f.type == "number_changed"] == []


def test_an_office_or_a_glued_word_is_no_name() -> None:
    # "the former First Lady" (NER: an organisation) names nobody; "AnnouncedAnyone" is a scraped headline run
    # into its lead, not a name either
    assert _office("the former First Lady") and _office("Secretary of State") and not _office("Jeremy Hunt")
    assert _GLUED.search("AnnouncedAnyone") and not _GLUED.search("McDonald") and not _GLUED.search("DiCaprio")
