"""Regressions from review rev27a of session 26's last findings rounds (helper fixrev27a), each beside the true
distortion that must stay flagged:

1. A person's own post told definitely ("Chief executive Anna Berg said" -> "The chief executive said",
   "Norland's chief executive said") is no source made anonymous; "a company executive" still is (qa26 P4).
2. "late/early <year>", "the end/start of <year>", "the second/first half of <year>" are the same halves of the
   year as "late/early last year", so "late last year" -> "in late 2025" is no blur; the wrong half still flags.
3. Rescue, aid, medical workers report what they find, not their own side: their report merged into another
   sentence is no interested group's claim; nor is a clause the original also states plainly. Residents' and
   villagers' claims appended as fact still flag, and the detail says "residents'", not "residents's".
4. "early on Saturday" -> "in the early hours"/"before dawn" in a story published that Saturday drops no day
   (it goes without saying); published the day after, or two days later, it is still a blur.
5. A home leader's visit to a kind of place ("on a visit to flood-hit areas", "during a tour of building sites",
   "visiting flood-hit towns") is placed: the dateline still ties him to his seat, so "Downing Street said" for
   him stays low. A bare visit or a visit "to meet" someone (the guest's) still leaves the seat's office medium.
6. A denied claim is retold as a denial only when a report noun leads the claim ("stories that troops had") or the
   denier reacts to it ("rubbished reports", "hit back at word"); any "that" ("Satellite images showed that") or
   the denier's other words ("The ministry ordered 2,000 troops to cross") leave the claim told as fact (high).
7. A charge kept in the active voice needs "charge ... with" an offence or a deed after a short object: "free of
   charge along with", "took charge of ... with", "charged customers hidden fees with no warning" keep no
   allegation, so dropping "allegedly"/"is accused of" is still high.
8. The US style "near Malmo, Norway on Sunday" (no comma after the country) puts the city in a country again
   when the day ends its clause; "In Doha, Argentina on Sunday beat" and "in Berlin, Russia on Monday(,)
   accused" keep the country the clause's subject. (The opening "In Mumbai, Pakistan, a building collapsed" is
   helper fq27b's change to the same check.)
9. Litotes: "not the first time" / "not new" / "not rare" told with the bare phrase ("It is the first time ...,
   though floods are frequent") is still a flip, whatever word of repetition the suspect adds; "has a long history
   of" / "again" without the bare phrase stays quiet (qa26 P6).

Each rule is tried on a few wordings a rewriter might use, not one string.
"""

from __future__ import annotations

import pytest

from storytrace import Article, compare


def _found(
    source: str, derived: str, published: str | None = None, suspect_published: str | None = None
) -> list[tuple[str, str | None, str, str]]:
    """(type, subtype, severity, detail) of the medium and high findings."""
    report = compare(
        Article(text=source, id="o", published=published),
        Article(text=derived, id="s", published=suspect_published or published),
    )
    return [(f.type, f.subtype, f.severity, f.detail) for f in report.findings if f.severity in ("medium", "high")]


def _of(found: list[tuple[str, str | None, str, str]], kind: str, subtype: str | None = None) -> list[object]:
    return [f for f in found if f[0] == kind and (subtype is None or f[1] == subtype)]


# --- 1: the person's own post told definitely --------------------------------------------------------------

NORLAND = (
    "Norland Foods reported an 18% rise in full-year operating profit on Thursday, as higher prices for its frozen "
    "meals more than made up for a fall in volumes.\n\nThe board proposed a dividend of 4.50 crowns per share.\n\n"
    "{S} the company would keep investing in its plant in Drammen.\n\nAnalysts at Fjordbank had forecast operating "
    "profit of 2.25 billion crowns."
)
TRUCE = (
    "WASHINGTON - The United States and Japan agreed on Tuesday to extend a tariff truce for six months.\n\n"
    "{S} the deal would protect jobs in both countries.\n\nThe talks will resume in Tokyo in March."
)
QUOTED = (
    "Norland Foods reported an 18% rise in full-year operating profit on Thursday.\n\n"
    "{T} said demand for frozen meals had held up well.\n\n"
    '"We are not assuming any relief on input costs," {S}.\n\nAnalysts at Fjordbank had forecast a smaller rise.'
)


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (NORLAND.format(S="Chief executive Anna Berg said"), NORLAND.format(S="The chief executive said")),
        (NORLAND.format(S="Chief executive Anna Berg said"), NORLAND.format(S="Norland's chief executive said")),
        (NORLAND.format(S="Chief executive Anna Berg said"), NORLAND.format(S="Its chief executive said")),
        (
            NORLAND.format(S="Anna Berg, the company's chief executive, said"),
            NORLAND.format(S="The chief executive said"),
        ),
        (
            TRUCE.format(S="US Trade Representative Katherine Tai said"),
            TRUCE.format(S="The US trade representative said"),
        ),
        (
            QUOTED.format(T="Chief executive Anna Berg", S="Berg said"),
            QUOTED.format(T="Chief executive Anna Berg", S="the chief executive said"),
        ),
        (
            QUOTED.format(T="Anna Berg, Norland's chief executive,", S="Berg added"),
            QUOTED.format(T="Anna Berg, Norland's chief executive,", S="the chief executive added"),
        ),
    ],
)
def test_own_post_told_definitely_is_not_anonymised(source: str, derived: str) -> None:
    assert not _of(_found(source, derived), "attribution_changed", "anonymised")


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (NORLAND.format(S="Chief executive Anna Berg said"), NORLAND.format(S="A company executive said")),
        (NORLAND.format(S="Chief executive Anna Berg said"), NORLAND.format(S="A senior Norland executive said")),
        (NORLAND.format(S="Chief executive Anna Berg said"), NORLAND.format(S="Company executives said")),
        # another person's post told definitely is not hers
        (NORLAND.format(S="Finance director Ola Nordmann said"), NORLAND.format(S="The chief executive said")),
        (TRUCE.format(S="US Trade Representative Katherine Tai said"), TRUCE.format(S="A US trade official said")),
    ],
)
def test_person_hidden_by_rank_still_anonymised(source: str, derived: str) -> None:
    assert _of(_found(source, derived), "attribution_changed", "anonymised")


# --- 2: a half of the year told absolutely --------------------------------------------------------------------

STOPPED = (
    "The company said it had stopped production {X}. Its shares fell 4% in early trading.\n\nAnalysts said the "
    "decision had been expected. The firm employs about 3,000 people in the region."
)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("late last year", "in late 2025"),
        ("late last year", "at the end of 2025"),
        ("late last year", "in the second half of 2025"),
        ("late last year", "towards the end of 2025"),
        ("early last year", "in early 2025"),
        ("early last year", "at the start of 2025"),
        ("early last year", "in the first half of 2025"),
        ("in late 2025", "late last year"),
    ],
)
def test_half_year_told_absolutely_is_no_date_change(before: str, after: str) -> None:
    found = _found(STOPPED.format(X=before), STOPPED.format(X=after), "2026-03-14", "2026-03-15")
    assert not _of(found, "date_changed")


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("late last year", "in early 2025"),
        ("late last year", "at the start of 2025"),
        ("in March 2025", "at the end of 2025"),
        ("in March 2025", "in late 2025"),
        ("in March 2025", "late last year"),
        ("late last year", "in 2025"),
    ],
)
def test_other_half_or_whole_year_still_flagged(before: str, after: str) -> None:
    found = _found(STOPPED.format(X=before), STOPPED.format(X=after), "2026-03-14", "2026-03-15")
    assert _of(found, "date_changed")


# --- 3: a report from the scene is no interested group's claim ------------------------------------------------

SLIDE = (
    "At least 12 people were killed when a landslide buried part of a mountain village on Saturday, officials said."
    "\n\n{A}\n\nThe defence ministry sent two military helicopters to ferry supplies.\n\nThe regional governor "
    "declared a state of emergency."
)


def _merged(claim: str, tail: str) -> tuple[str, str]:
    return SLIDE.format(A=claim), SLIDE.replace("officials said.", tail).format(A=claim)


@pytest.mark.parametrize(
    ("claim", "tail"),
    [
        (
            "Rescue workers said three more bodies had been pulled from the mud on Sunday.",
            "officials said, and three more bodies were pulled from the mud on Sunday.",
        ),
        (
            "Aid workers said food and water were running low in the village.",
            "officials said, and food and water are running low in the village.",
        ),
        (
            "Medical workers said the village clinic had run out of bandages.",
            "officials said, and the village clinic ran out of bandages.",
        ),
        (
            "Emergency workers said three more bodies had been pulled from the mud on Sunday.",
            "officials said, while three more bodies had been pulled from the mud on Sunday.",
        ),
    ],
)
def test_scene_report_merged_is_no_group_claim(claim: str, tail: str) -> None:
    assert not _of(_found(*_merged(claim, tail)), "attribution_changed", "source_dropped")


BAKERY = (
    "Output at Norland's Drammen site fell 12% in the second quarter, the company said on Thursday.\n\n"
    "{PLAIN}\n\nWorkers said the bakery had closed in March with no warning.\n\n"
    "The company employs 3,000 people in Norway."
)


def test_clause_the_original_states_plainly_is_no_group_claim() -> None:
    source = BAKERY.format(PLAIN="The bakery closed in March after 40 years.")
    derived = BAKERY.format(PLAIN="It had been open for 40 years.").replace(
        "the company said on Thursday.", "the company said on Thursday, and the bakery closed in March."
    )
    assert not _of(_found(source, derived), "attribution_changed", "source_dropped")


@pytest.mark.parametrize(
    ("claim", "tail", "group"),
    [
        (
            "Residents said the authorities had ignored warnings about the slope.",
            "officials said, and the authorities had ignored warnings about the slope.",
            "residents' (",
        ),
        (
            "Villagers said the army had arrived two days late.",
            "officials said, but the army arrived two days late.",
            "villagers' (",
        ),
    ],
)
def test_interested_group_claim_appended_still_flagged(claim: str, tail: str, group: str) -> None:
    dropped = _of(_found(*_merged(claim, tail)), "attribution_changed", "source_dropped")
    assert dropped and group in str(dropped[0][3])


def test_clause_the_original_only_asks_about_is_still_a_group_claim() -> None:
    """ "an inquiry into whether the warning had been ignored" states nothing: the residents' claim appended as
    fact is still a source dropped (qa26 P5b)."""
    source = (
        "Geologists had warned in a 2023 report that the slope above Huaylpa was unstable, local media reported."
        "\n\nResidents said authorities had never acted on the warning.\n\nThe regional government said it would "
        "open an inquiry into whether the warning had been ignored.\n\nThe defence ministry sent two helicopters."
    )
    derived = (
        "Geologists had warned in a 2023 report that the slope above Huaylpa was unstable, and authorities ignored "
        "the warning.\n\nThe defence ministry sent two helicopters."
    )
    assert _of(_found(source, derived), "attribution_changed", "source_dropped")


def test_workers_claim_stated_nowhere_else_still_flagged() -> None:
    source = BAKERY.format(PLAIN="The site has 400 staff.")
    derived = source.replace(
        "the company said on Thursday.", "the company said on Thursday, and the bakery closed in March with no warning."
    )
    assert _of(_found(source, derived), "attribution_changed", "source_dropped")


# --- 4: a time of day for the day of publication ---------------------------------------------------------------

SHOOTING = (
    "{X}, police said.\n\nThe suspect, a 34-year-old man, was arrested at the scene. Two officers were treated "
    "for minor injuries.\n\nThe investigation is continuing."
)
BAR = "A gunman opened fire in a bar "


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("early on Saturday", "in the early hours"),
        ("at about 2 a.m. on Saturday", "in the early hours"),
        ("early on Saturday", "before dawn"),
        ("shortly after 4 a.m. on 18 April", "in the small hours"),
    ],
)
def test_time_of_day_on_the_day_of_publication_is_no_blur(before: str, after: str) -> None:
    found = _found(SHOOTING.format(X=BAR + before), SHOOTING.format(X=BAR + after), "2026-04-18", "2026-04-18")
    assert not _of(found, "date_changed")


@pytest.mark.parametrize(
    ("before", "after", "suspect_published"),
    [
        ("early on Saturday", "in the early hours", "2026-04-19"),
        ("early on Saturday", "before dawn", "2026-04-20"),
        ("shortly after 4 a.m. on 18 April", "in the early hours", "2026-04-20"),
    ],
)
def test_time_of_day_for_an_earlier_day_still_blurred(before: str, after: str, suspect_published: str) -> None:
    found = _found(SHOOTING.format(X=BAR + before), SHOOTING.format(X=BAR + after), "2026-04-18", suspect_published)
    assert _of(found, "date_changed", "blurred")


# --- 5: a visit to a kind of place is placed ---------------------------------------------------------------------

HOUSING = (
    "LONDON (Reuters) - Prime Minister Keir Starmer said on Monday the government would build more homes, {V}. "
    "Starmer has made housing a priority. The plan will be set out in full next month, officials said."
)
TRADE = (
    "LONDON (Reuters) - Prime Minister Narendra Modi said on Monday that trade talks had made good progress, {V}. "
    "Modi met executives from several firms. The talks will continue next month, officials said."
)


@pytest.mark.parametrize(
    "visit",
    [
        "speaking on a visit to flood-hit areas",
        "during a tour of building sites",
        "speaking while visiting flood-hit towns",
        "speaking during a visit to a school",
    ],
)
def test_home_leader_visit_to_a_kind_of_place_keeps_the_dateline(visit: str) -> None:
    source = HOUSING.format(V=visit)
    derived = source.replace("Prime Minister Keir Starmer said", "Downing Street said")
    assert not _of(_found(source, derived), "attribution_changed")


@pytest.mark.parametrize(
    "visit", ["on a visit to meet business leaders", "on a three-day trip", "on a visit to discuss trade", "on a visit"]
)
def test_guest_leader_unplaced_visit_still_medium(visit: str) -> None:
    source = TRADE.format(V=visit)
    derived = source.replace("Prime Minister Narendra Modi said", "Downing Street said")
    assert _of(_found(source, derived), "attribution_changed", "speaker_changed")


# --- 6: a denial retold needs a report noun or the denier's reaction -----------------------------------------

BORDER = "Tensions rose along the border this week, the news agency said. "


def _border(sentence: str) -> str:
    return BORDER + sentence + " Talks between the two sides are due to resume next month. Neither side gave details."


TROOPS = _border("The ministry denied reports that troops had crossed the border.")
WASTE = _border("The company denied that its workers had dumped waste in the river.")


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (TROOPS, "Satellite images showed that troops had crossed the border."),
        (TROOPS, "It is now clear that troops crossed the border on Monday."),
        (TROOPS, "The ministry ordered more than 2,000 troops to cross the border."),
        (WASTE, "The company faces fines over the fact that its workers dumped waste in the river."),
    ],
)
def test_denied_claim_told_as_fact_still_high(source: str, derived: str) -> None:
    found = _of(_found(source, _border(derived)), "hedge_changed", "allegation_as_fact")
    assert any(f[2] == "high" for f in found)


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (TROOPS, "The ministry rubbished reports that troops had crossed the border."),
        (TROOPS, "The ministry hit back at word troops had crossed the border."),
        (TROOPS, "The ministry pushed back against stories that troops had crossed the border."),
        (TROOPS, "The ministry dismissed as false accounts saying troops had crossed the border."),
        (WASTE, "The company rejected claims its workers had dumped waste in the river."),
        (WASTE, "The company rebuffed allegations that its workers had dumped waste in the river."),
    ],
)
def test_denial_retold_in_own_words_quiet(source: str, derived: str) -> None:
    assert not _of(_found(source, _border(derived)), "hedge_changed", "allegation_as_fact")


# --- 7: "charge ... with" keeps an allegation only for an offence or a deed ---------------------------------

COURT = (
    "AMSTERDAM - {X}\n\nHe appeared before the court on Monday and was released on bail.\n\nHis lawyer said he "
    "would contest the case."
)


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "The clinic allegedly gave patients unapproved drugs free of charge along with their usual treatment.",
            "The clinic gave patients unapproved drugs free of charge along with their usual treatment.",
        ),
        (
            "The landlord is accused of charging tenants for repairs with money from their deposits.",
            "The landlord charged tenants for repairs with money from their deposits.",
        ),
        (
            "The company allegedly charged customers hidden fees with no warning.",
            "The company charged customers hidden fees with no warning.",
        ),
        (
            "The officer allegedly took charge of the seized cash together with two colleagues.",
            "The officer took charge of the seized cash with two colleagues.",
        ),
        (
            "The man is accused of stabbing a neighbour during a row over parking.",
            "The man, who was in charge of the car park, stabbed a neighbour during a row over parking with a knife.",
        ),
    ],
)
def test_charge_words_that_are_no_charge_keep_no_allegation(source: str, derived: str) -> None:
    found = _of(_found(COURT.format(X=source), COURT.format(X=derived)), "hedge_changed", "allegation_as_fact")
    assert any(f[2] == "high" for f in found)


STABBING = "The man is accused of stabbing a neighbour during a row over parking."


@pytest.mark.parametrize(
    "derived",
    [
        "Police have charged the 41-year-old man with stabbing a neighbour during a row over parking.",
        "Prosecutors charged the man with attempted murder for stabbing a neighbour during a row over parking.",
        "Police charged the man, a 41-year-old builder, with two counts of assault after he stabbed a neighbour "
        "during a row over parking.",
    ],
)
def test_active_charge_with_an_offence_or_deed_keeps_the_allegation(derived: str) -> None:
    found = _found(COURT.format(X=STABBING), COURT.format(X=derived))
    assert not _of(found, "hedge_changed", "allegation_as_fact")


# --- 8: a city's country before a day that ends its clause -------------------------------------------------------

STORM = (
    "Emergency crews worked through the night after the storm, officials said. {X} Schools in the region will stay "
    "closed on Tuesday. Forecasters expect calmer weather later in the week."
)
DROWNED = "Two tourists drowned near Malmo on Sunday, police said."


@pytest.mark.parametrize(
    "derived",
    [
        "Two tourists drowned near Malmo, Norway on Sunday, police said.",
        "Police said two tourists drowned near Malmo, Norway last week.",
        "Police said two tourists drowned near Malmo, Norway on Sunday morning.",
    ],
)
def test_city_put_in_another_country_before_a_day_is_place_moved(derived: str) -> None:
    found = _found(STORM.format(X=DROWNED), STORM.format(X=derived))
    assert _of(found, "entity_changed", "place")


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (DROWNED, "Police said two tourists drowned near Malmo, Sweden on Sunday morning."),
        (
            "Argentina beat France on penalties in the World Cup final in Doha on Sunday.",
            "In Doha, Argentina on Sunday beat France on penalties in the World Cup final.",
        ),
        (
            "Russia accused Ukraine of stalling after the summit in Berlin on Monday.",
            "After the summit in Berlin, Russia on Monday accused Ukraine of stalling.",
        ),
        (
            "Russia accused Ukraine of stalling after the summit in Berlin on Monday.",
            "After the summit in Berlin, Russia on Monday, accused Ukraine of stalling.",
        ),
    ],
)
def test_country_as_subject_or_right_country_is_no_place_moved(source: str, derived: str) -> None:
    assert not _of(_found(STORM.format(X=source), STORM.format(X=derived)), "entity_changed", "place")


# --- 9: litotes with the bare phrase on the other side ------------------------------------------------------------

PERU = (
    "LIMA - Heavy rain has caused flooding across northern Peru this week, officials said.\n\n{X}\n\nThe defence "
    "ministry sent two military helicopters to ferry supplies.\n\nMore rain is forecast for the weekend."
)
FIRST = "It is not the first time the river has burst its banks."
NEW = "Deadly floods are not new to the region."
RARE = "Deadly floods are not rare in the region."


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (FIRST, "It is the first time the river has burst its banks, although floods are common in the region."),
        (FIRST, "It is the first time the river has burst its banks, though floods are frequent in the region."),
        (NEW, "Deadly floods are new to the region, although droughts are common."),
        (RARE, "Deadly floods are rare in the region, although droughts are common."),
    ],
)
def test_litotes_told_bare_is_still_a_flip(source: str, derived: str) -> None:
    found = _of(_found(PERU.format(X=source), PERU.format(X=derived)), "hedge_changed", "negation_flipped")
    assert any(f[2] == "high" for f in found)


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (FIRST, "The river has burst its banks again, as floods are common in the region."),
        (NEW, "The region has a long history of deadly floods."),
        (RARE, "Deadly floods are common in the region."),
    ],
)
def test_litotes_said_otherwise_stays_quiet(source: str, derived: str) -> None:
    assert not _of(_found(PERU.format(X=source), PERU.format(X=derived)), "hedge_changed", "negation_flipped")
