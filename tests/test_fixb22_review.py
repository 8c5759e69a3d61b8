"""Review rev22b of qafindB22's false-alarm fixes: each repro of a real change those fixes silenced (or a false
alarm they made) is found again, and each faithful form stays quiet."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.article import Article
from storytrace.audit import headline_restated
from storytrace.text import analyse


def _flags(source: str | Article, derived: str | Article) -> list[tuple[str, str, str]]:
    report = compare(source, derived)
    return [(f.type, f.subtype or "", f.detail) for f in report.findings if f.severity in ("high", "medium")]


# --- a country's adjective told as its name is that country, never the sentence's other country ------------

FRAUD = (
    "STOCKHOLM, March 4 (Wire) - A Swedish court on Tuesday jailed a Danish businessman for four years for a 30 "
    "million crown tax fraud. The man had run shell companies in Malmo, prosecutors said. He denied the charges."
)
STUDY = (
    "COPENHAGEN, Feb 3 (Wire) - Danish researchers who followed 48,200 Swedish adults for 11 years found that those "
    "who walked daily were 20% less likely to develop dementia. The findings were published in the journal "
    "Neurology on Monday."
)
DEAL = (
    "DUBLIN, Nov 5 (Wire) - An Irish drugmaker agreed on Tuesday to buy a Belgian biotech firm for 1.2 billion "
    "euros. The deal is expected to close in the first quarter. Shares of the buyer rose 4% in Dublin."
)
COURT = (
    "BELFAST, Oct 3 (Wire) - A Northern Irish court on Tuesday jailed a former police officer for five years for "
    "misconduct in public office. The officer had leaked files to a criminal gang, the judge said. He plans to "
    "appeal, his lawyer said."
)
LEADERS = (
    "NICOSIA, Sept 9 (Wire) - Greek Cypriot leader Nikos Christodoulides said on Monday he was ready to resume "
    "reunification talks with Turkish Cypriot leader Ersin Tatar. The island has been divided since 1974. UN envoy "
    "Maria Holguin is due to visit next week."
)


@pytest.mark.parametrize(
    ("source", "old", "new"),
    [
        (
            FRAUD,
            "A Swedish court on Tuesday jailed a Danish businessman",
            "A court in Sweden on Tuesday jailed a businessman from Denmark",
        ),
        (
            STUDY,
            "Danish researchers who followed 48,200 Swedish adults",
            "Researchers in Denmark who followed 48,200 adults in Sweden",
        ),
        (
            DEAL,
            "An Irish drugmaker agreed on Tuesday to buy a Belgian biotech firm",
            "A drugmaker based in Ireland agreed on Tuesday to buy a biotech firm in Belgium",
        ),
        (COURT, "A Northern Irish court", "A court in Northern Ireland"),
    ],
)
def test_two_countries_told_by_name_for_their_adjectives_are_quiet(source: str, old: str, new: str) -> None:
    assert not [f for f in _flags(source, source.replace(old, new)) if f[0] == "entity_changed"]


@pytest.mark.parametrize(
    ("source", "old", "new", "place"),
    [
        (COURT, "A Northern Irish court", "A court in Ireland", "Ireland"),
        (LEADERS, "Greek Cypriot leader", "Greece's leader", "Greece"),
    ],
)
def test_a_longer_adjective_told_as_its_last_words_country_is_a_changed_place(
    source: str, old: str, new: str, place: str
) -> None:
    changed = [d for t, _, d in _flags(source, source.replace(old, new)) if t == "entity_changed"]
    assert [d for d in changed if place in d], changed


def test_a_court_moved_to_a_country_no_sentence_of_the_original_names_is_still_found() -> None:
    derived = FRAUD.replace("A Swedish court", "A Norwegian court").replace(
        "businessman for", "businessman in Norway for"
    )
    assert [d for t, _, d in _flags(FRAUD, derived) if t == "entity_changed" and "Norw" in d]


# --- "linked to" keeps a dropped "may" only as the claim's association ----------------------------------------

VARIANT = (
    "LYON, Jan 8 (Wire) - The new variant, first detected in a cluster of cases at a Lyon nursing home, may spread "
    "faster than earlier strains, scientists said on Monday. Health officials have recorded 212 cases so far. "
    "Vaccines are still expected to protect against severe illness."
)
SMITH = (
    "OTTAWA, April 4 (Wire) - Health minister Paul Smith, who received donations from the firm at the centre of the "
    "procurement scandal, may resign as early as next week, two aides said on Thursday. The opposition has demanded "
    "a public inquiry. Smith has denied wrongdoing."
)
SPILL = (
    "HOUSTON, July 14 (Wire) - Gulfmark Energy could face fines of up to $2 billion over the pipeline spill, which "
    "regulators have traced to a corroded valve, the agency said. About 9,000 barrels of crude leaked into the bay. "
    "The company said it was cooperating with investigators."
)
DRUG = (
    "BOSTON, Oct 2 (Wire) - The experimental drug may slow memory loss in early Alzheimer's disease, according to a "
    "trial of 1,700 patients. Brain swelling was seen in 12% of patients on the drug. The results were presented at "
    "a conference in Boston."
)


@pytest.mark.parametrize(
    ("source", "old", "new"),
    [
        (
            VARIANT,
            "The new variant, first detected in a cluster of cases at a Lyon nursing home, may spread",
            "The new variant, linked to a cluster of cases at a Lyon nursing home, spreads",
        ),
        (
            SMITH,
            "Health minister Paul Smith, who received donations from the firm at the centre of the procurement "
            "scandal, may resign",
            "Health minister Paul Smith, who is tied to the procurement scandal through donations, will resign",
        ),
        (
            SPILL,
            "could face fines of up to $2 billion over the pipeline spill, which regulators have traced to a corroded "
            "valve",
            "faces fines of up to $2 billion over the pipeline spill, which regulators have linked to a corroded valve",
        ),
        (
            DRUG,
            "The experimental drug may slow memory loss in early Alzheimer's disease",
            "The experimental drug, which has been associated with brain swelling, slows memory loss in early "
            "Alzheimer's disease",
        ),
    ],
)
def test_a_link_said_of_something_else_keeps_no_dropped_may(source: str, old: str, new: str) -> None:
    derived = source.replace(old, new)
    assert derived != source
    assert [f for f in _flags(source, derived) if f[:2] == ("hedge_changed", "certainty_increased")]


def test_the_may_told_as_a_link_is_still_quiet() -> None:
    derived = DRUG.replace(
        "The experimental drug may slow memory loss", "The experimental drug was linked to slower memory loss"
    )
    assert not [f for f in _flags(DRUG, derived) if f[0] == "hedge_changed"]


# --- a headline dropping a stance told across a comma aside ---------------------------------------------------

REED = (
    "LONDON, March 3 (Wire) - Finance Minister Alan Reed has not, despite weeks of pressure from his own party, "
    "resigned over the expenses row, his office said on Tuesday. Reed repaid 14,000 pounds in claimed expenses last "
    "month. Opposition leader Maria Costa called for an independent inquiry into the claims."
)
REED_DENIED = (
    "LONDON, March 3 (Wire) - Reports that Finance Minister Alan Reed would resign over the expenses row were denied "
    "by his office on Tuesday. Reed repaid 14,000 pounds in claimed expenses last month. Opposition leader Maria "
    "Costa called for an independent inquiry into the claims."
)


@pytest.mark.parametrize(
    "headline",
    [
        "Reed resigns as finance minister over expenses row",
        "Finance Minister Alan Reed resigns amid expenses claims, office says",
    ],
)
def test_a_headline_saying_what_the_body_says_he_has_not_done_is_flagged(headline: str) -> None:
    assert _flags(REED, headline + "\n\n" + REED)
    title = Article(title="Reed faces pressure over expenses row", text=REED)
    assert [f for f in _flags(title, Article(title=headline, text=REED)) if f[0] == "claim_added"]


@pytest.mark.parametrize(
    ("headline", "body"),
    [
        ("Finance minister Reed resigns over expenses row", REED),
        ("Finance minister Reed to resign over expenses row", REED_DENIED),
    ],
)
def test_a_headline_dropping_a_not_past_an_aside_or_a_passive_denial_is_not_restated(headline: str, body: str) -> None:
    doc = analyse(Article(text=headline + "\n\n" + body))
    assert not headline_restated(doc, 0, analyse(Article(text=body)))


# --- a several-clause headline's clause is told by a sentence about its subject -------------------------------

NORVIK = (
    "OSLO, July 22 (Wire) - Norvik Foods reported on Tuesday a 34% rise in second-quarter operating profit to 1.86 "
    "billion crowns, beating analysts' forecasts, as demand for its crispbread grew strongly in Germany.\n\n"
    "Revenue rose 12% to 9.4 billion crowns. Norvik kept its full-year revenue growth target of 6% to 8%.\n\n"
    "Norvik shares fell 2.3% by 1100 GMT as investors had hoped for a higher target. Shares of rival Orkla hit a "
    "record high of 131 crowns after it raised its own outlook."
)


@pytest.mark.parametrize(
    "headline",
    [
        "Norvik Foods profit jumps 34%, shares hit record",
        "Norvik profit jumps 34% as crispbread demand surges, shares hit record high",
    ],
)
def test_a_headline_clause_told_only_of_a_rival_is_not_restated(headline: str) -> None:
    doc = analyse(Article(text=headline + "\n\n" + NORVIK))
    assert not headline_restated(doc, 0, analyse(Article(text=NORVIK)))


# --- rooms are not counted by a hyphen -------------------------------------------------------------------------

FLAT = (
    "MADRID, Feb 2 (Wire) - A three-room flat in central Madrid now costs an average of 410,000 euros, the property "
    "portal Idealista said on Monday. Prices rose 9% in a year. Rents climbed 11%."
)


def test_a_three_room_flat_told_as_a_two_bedroom_flat_is_no_changed_figure() -> None:
    derived = FLAT.replace("A three-room flat", "A two-bedroom flat")
    assert not [f for f in _flags(FLAT, derived) if f[0] == "number_changed"]
