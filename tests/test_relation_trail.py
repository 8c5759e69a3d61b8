"""The "trail" rule of the verdict: a heavy restyling whose sentences drift below the support ramp is still
``partially_derived`` when it keeps the original's content, names and figures and quotes nobody new;
independent reporting of the same story is not. With the real model.

The articles are invented for these tests (fictional town, people and figures).
"""

from __future__ import annotations

from storytrace import Settings, compare
from storytrace.audit import trail_holds, trail_of

SOURCE = """Harbor council approves $48 million flood wall

The Brennick city council voted 7 to 2 on Tuesday to build a $48 million flood wall along the Tamsin River.
Mayor Lucia Ferrante said the wall would protect about 3,200 homes in the Lower Quay district.
Construction is set to begin in April and should take roughly three years.
Councillor Owen Marsh, who voted against the plan, argued that the cost would push up property taxes by 4 percent.
The state will cover $20 million of the bill under a 2023 resilience grant.
Engineers from Delmar Associates designed the wall to withstand a 100-year flood.
Residents can comment on the design at a public hearing on March 9."""

# The same article as a long page: the story above, then background the rewrite leaves out (a short
# rewrite of a long original keeps little of the whole, however faithful it is).
BACKGROUND = """The Tamsin River has flooded the Lower Quay district four times since 1990, most recently in \
the spring of 2019.
That flood closed the Dock Street bridge for eleven days and damaged more than 600 homes.
Insurance claims from the 2019 flood reached $31 million, according to the regional insurers' association.
Several families in the district have said they can no longer buy flood cover at any price.
The idea of a permanent wall was first raised in a 2004 study commissioned by the county.
That study was shelved after a dispute over who would pay for the work.
A second study, completed in 2021 by the Northbank Institute, found that a wall would pay for itself within 25 years.
The institute estimated that each major flood costs the city and its residents about $40 million.
Opponents have long argued that the wall will cut the district off from the river.
The Lower Quay Heritage Society has asked for public walkways to be built into the design.
Delmar Associates has said that walkways along the top of the wall are possible but would add to the cost.
The wall will run for 2.4 kilometres, from the old ferry landing to the Brennick rail yard.
Its height will vary between two and three metres depending on the lie of the land.
Floodgates will be installed at six points where streets meet the riverbank.
During construction, parts of the riverside park will be closed to the public.
The council has promised to replant the trees that are removed during the works.
Business owners on Dock Street have asked for compensation for lost trade during the closures.
The council said it would consider a support fund when it sets next year's budget.
A separate plan to dredge the river channel was rejected last year as too expensive.
The Brennick Chamber of Commerce has welcomed the vote and called the wall overdue.
Environmental groups have raised concerns about the effect of the wall on wetland birds downstream.
The state environment agency must still approve the final design before work can start.
A decision from the agency is expected by the end of February.
The city has also applied for a federal grant that could cover a further $10 million.
If the grant is approved, the city's share of the cost would fall to about $18 million."""
LONG_SOURCE = SOURCE + "\n\n" + BACKGROUND

# Sensational restyling, sentence by sentence, in the same order, with every name and figure kept.
HEAVY_REWRITE = """SHOCKING $48 MILLION GAMBLE: Brennick Bets Big on a Wall

In a stunning Tuesday showdown, Brennick's council pushed through, 7 to 2, a staggering $48 million barrier \
against the raging Tamsin River!
Mayor Lucia Ferrante is promising salvation for some 3,200 households in Lower Quay, whose families live in \
fear of the next deluge.
Bulldozers roll in April, and the whole ordeal drags on for three long years.
Furious dissenter Owen Marsh blasted the scheme, warning that homeowners will be gouged with a 4 percent jump \
in what they pay the taxman.
Taxpayers statewide will foot $20 million of it through a 2023 resilience grant.
Delmar Associates insists its design can survive the kind of catastrophe that strikes once in 100 years.
Angry locals will get their chance to sound off at a hearing on March 9."""

# The same vote reported by someone who was there: own sources, own quotes, own details.
INDEPENDENT = """Brennick to build flood wall after split council vote

After years of argument over the riverfront, a divided council on Tuesday gave Brennick its flood wall, \
7 votes to 2.
"We have waited twenty years for somebody to take the river seriously," said Grace Holloway, who runs a \
bakery on Dock Street and lost her stock in the 2019 flood.
The project carries a $48 million price tag, and Mayor Lucia Ferrante has said the state will cover part of it.
Owen Marsh, one of two councillors to vote no, told reporters the city had not looked hard enough at cheaper \
options such as raising the riverbank.
"A wall is the most expensive answer to the question," Marsh said.
Work is expected to begin next spring, according to the city's public works director, Samuel Okoye.
Okoye said temporary barriers would stay in place on Dock Street until the new wall is finished."""


def test_heavy_rewrite_that_keeps_order_and_specifics_is_partially_derived() -> None:
    settings = Settings()
    report = compare(SOURCE, HEAVY_REWRITE)
    # Too few of its words trace to the original for the reuse thresholds alone ...
    assert report.scores.reuse < settings.partial_reuse
    # ... but the trail does.
    assert report.verdict.relation in ("partially_derived", "derived")
    trail = trail_of(report.alignment)
    assert trail.own_quotes == 0
    assert trail.shared_specifics >= settings.trail_specifics
    assert trail.in_order == trail.linked >= 4
    evidence = " ".join(report.verdict.evidence)
    assert f"it follows the original's order: {trail.in_order} of {trail.linked} linked sentences" in evidence
    assert "names and figures are the original's" in evidence
    # A direction is judged as for any partially derived text.
    assert report.verdict.direction in ("as_given", "reversed", "unclear")


def test_rule_off_gives_the_reuse_verdict() -> None:
    report = compare(SOURCE, HEAVY_REWRITE, settings=Settings(trail_coverage=2.0, trail_content_coverage=2.0))
    assert report.verdict.relation in ("related", "unrelated")


def test_independent_report_of_the_same_vote_is_not_derived() -> None:
    report = compare(SOURCE, INDEPENDENT)
    assert report.verdict.relation == "related"
    trail = trail_of(report.alignment)
    assert trail.own_quotes >= 1
    assert not trail_holds(trail, report.scores, Settings())
    assert "quotation of its own" in " ".join(report.verdict.evidence)


def test_an_own_quotation_stops_the_trail() -> None:
    quoted = HEAVY_REWRITE + '\n"Nobody asked the fishermen what they think," said harbour pilot Ines Varga.'
    report = compare(SOURCE, quoted)
    assert trail_of(report.alignment).own_quotes == 1
    assert report.verdict.relation in ("related", "unrelated")


def test_lexical_mode_does_not_use_the_trail() -> None:
    report = compare(SOURCE, HEAVY_REWRITE, settings=Settings(use_embeddings=False))
    assert report.verdict.relation != "derived"
    assert not any("restyled beyond recognition" in e for e in report.verdict.evidence)


def test_reach_is_coverage_when_the_suspect_is_as_long_as_the_original() -> None:
    report = compare(SOURCE, HEAVY_REWRITE)
    assert trail_of(report.alignment).reach == report.scores.coverage


def test_reach_allows_for_a_long_original() -> None:
    report = compare(LONG_SOURCE, HEAVY_REWRITE)
    trail = trail_of(report.alignment)
    assert report.scores.coverage < 0.2
    assert trail.reach > 2 * report.scores.coverage


def test_heavy_rewrite_of_a_long_original_is_partially_derived_by_its_many_names() -> None:
    settings = Settings()
    report = compare(LONG_SOURCE, HEAVY_REWRITE)
    trail = trail_of(report.alignment)
    # Too little of the long original for the coverage test ...
    assert report.scores.coverage < settings.trail_coverage
    # ... but as much as a text of its length could keep, with many names and figures, all the original's.
    assert trail.reach >= settings.trail_coverage
    assert trail.shared_specifics >= settings.trail_reach_specifics
    assert report.verdict.relation == "partially_derived", report.verdict.evidence
    assert any("as a text of its length could" in e for e in report.verdict.evidence)
    # Without the reach test it stays below.
    off = compare(LONG_SOURCE, HEAVY_REWRITE, settings=Settings(trail_reach_specifics=1000))
    assert off.verdict.relation in ("related", "unrelated")


# The original names its speakers only in capitals or at the head of a sentence, where the strict name test
# (audit._direction_details) sees no names; a rewrite names them in running text.
TRANSCRIPT = """BRENNICK COUNCIL MEETING, TUESDAY

FERRANTE: The wall will protect about 3,200 homes in the Lower Quay district.
MARSH: Taxes will go up by 4 percent, and nobody has asked the fishermen.
Delmar Associates designed the wall to withstand a 100-year flood."""
TRANSCRIPT_REWRITE = """Mayor Ferrante said the wall would shield some 3,200 homes in the Lower Quay district.
Councillor Marsh warned of a 4 percent rise in taxes.
The design, by Delmar Associates, is meant to survive a 100-year flood."""


def test_names_the_original_writes_in_capitals_are_the_originals() -> None:
    trail = trail_of(compare(TRANSCRIPT, TRANSCRIPT_REWRITE).alignment)
    assert trail.specifics >= 5
    assert trail.shared_specifics == trail.specifics


def test_independent_report_against_the_long_original_is_not_derived() -> None:
    report = compare(LONG_SOURCE, INDEPENDENT)
    assert report.verdict.relation == "related", report.verdict.evidence


def test_a_headline_or_answer_in_quotation_marks_is_no_quotation_of_its_own() -> None:
    """LLMs wrap a headline, or their whole answer, in quotation marks: nobody is quoted, so the trail is not
    stopped. A quotation somebody is said to speak still is (``test_an_own_quotation_stops_the_trail``)."""
    body = HEAVY_REWRITE.split("\n", 1)[1]
    headline = '"Outrage on the Riverfront: Brennick Bets Everything on One Colossal Barrier!"  ' + body
    report = compare(SOURCE, headline)
    assert trail_of(report.alignment).own_quotes == 0
    assert report.verdict.relation in ("partially_derived", "derived")
    wrapped = '"' + HEAVY_REWRITE.replace("\n\n", "\n") + '"'
    assert trail_of(compare(SOURCE, wrapped).alignment).own_quotes == 0
    inline = (
        HEAVY_REWRITE
        + '\nLocals call the plan "a colossal barrier between our children and the sea" \
these days.'
    )
    assert trail_of(compare(SOURCE, inline).alignment).own_quotes == 1
    # Further in, a quotation with no speaker found in its sentence may be an invented quote: it counts.
    alone = HEAVY_REWRITE + '\n\n"Nobody ever asked the fishermen what they think about this wall."'
    assert trail_of(compare(SOURCE, alone).alignment).own_quotes == 1
    named_next = alone + " Those were the words of harbour pilot Ines Varga."
    assert trail_of(compare(SOURCE, named_next).alignment).own_quotes == 1


# A short original whose people are named after titles ("Drs. Hale and Moreno"): the trail counts the
# first name after a title as the name it is (``audit._after_break``), so a rewrite that keeps every one of
# them has as many names in common as the original can offer.
CLINIC = """Tooth extraction at the Wrenfield clinic

Full dental implants and tooth extraction are routine for Drs. Hale and Moreno at the Wrenfield clinic.
In a few cases an emergency extraction is needed, and the clinic then reviews the sedation options first.
After the tooth is removed, Dr. Moreno asks the patient to bite on gauze to stop the bleeding."""
CLINIC_REWRITE = """Drs. Hale and Moreno of the Wrenfield clinic perform implants and extractions every week.
Emergencies happen, and then sedation is weighed before anything else.
Once the tooth is out, Dr. Moreno hands over gauze to stem the bleeding."""
# Another clinic's page on the same subject: its doctors are its own.
CLINIC_OTHER = """Dr. Ines Varga and Dr. Paul Ostrow of the Kettering practice explain what happens at an extraction.
Patients get a local anaesthetic, and nervous patients may ask for sedation.
Afterwards Dr. Ostrow recommends cold compresses and soft food for two days."""


def test_names_after_titles_count_for_the_trail() -> None:
    trail = trail_of(compare(CLINIC, CLINIC_REWRITE).alignment)
    # Hale (after "Drs."), Moreno and Wrenfield: all three are the original's.
    assert trail.shared_specifics == trail.specifics >= 3


def test_names_after_titles_of_another_clinic_are_its_own() -> None:
    report = compare(CLINIC, CLINIC_OTHER)
    trail = trail_of(report.alignment)
    # Ines Varga, Paul Ostrow and Kettering: none of them the original's.
    assert trail.shared_specifics == 0 and trail.specifics >= 3
    assert report.verdict.relation not in ("derived", "partially_derived")


# A scraped page embeds a widget as one base64 blob; an LLM rewrite decodes it into a link.
BLOB = "PGlmcmFtZSBzcmM9Imh0dHBzOi8vd3d3LmZhY2Vib29rLmNvbS9wbHVnaW5zL3BhZ2UucGhwP2hyZWY9aHR0cHMlM0ElMkYl" * 3
LINK = (
    "Sign up here: https://www.example.com/plugins/page.php?href=https%3A%2F%2Fwww.example.com%2FBrennickWall"
    "%2F&width=300&height=70&appId=202459676800891"
)


def test_an_embedded_blob_is_no_content_and_a_links_parts_no_names() -> None:
    plain = compare(SOURCE, HEAVY_REWRITE)
    scraped = compare(SOURCE + "\n\n" + BLOB, HEAVY_REWRITE + "\n\n" + LINK)
    # The blob's 70-odd "words" would leave the rewrite keeping a fraction of the page's content.
    assert scraped.scores.coverage == plain.scores.coverage
    trail, before = trail_of(scraped.alignment), trail_of(plain.alignment)
    assert (trail.specifics, trail.shared_specifics) == (before.specifics, before.shared_specifics)
    assert scraped.verdict.relation in ("partially_derived", "derived")


def test_an_independent_report_with_a_link_against_a_scraped_page_is_not_derived() -> None:
    report = compare(SOURCE + "\n\n" + BLOB, INDEPENDENT + "\n\n" + LINK)
    assert report.verdict.relation == "related", report.verdict.evidence


# A short notice that names nobody, and an LLM-style retelling padded to three times its length: every
# point of the notice is restated, most of the words are filler, so little of the suspect traces to it.
NOTICE = """The town library will close early on weekdays during the winter months.
Staff shortages and rising heating costs were given as the reasons for the change.
Readers can still return books through the drop box outside the main entrance.
The reading room will open again at normal hours in the spring."""
PADDED_NOTICE = """Brace yourselves, book lovers, because a chilling blow has just landed on our beloved community!
In a move that will leave countless readers heartbroken, the town library is slamming its doors early on \
weekdays all through the bitter winter months.
Can you believe it? Where are we supposed to go on those long, dark evenings?
The reasons behind this jaw-dropping decision are as grim as the weather itself: there are simply not enough \
staff, and the soaring cost of heating the building has become too much to bear.
It is a sad sign of the times, and many fear it is only the beginning.
But do not lose all hope just yet!
Readers will still be able to return their books by dropping them in the box that stands outside the main \
entrance, a small mercy in these trying times.
And here is a glimmer of light at the end of this frosty tunnel: the reading room is set to welcome everyone \
back at its normal hours once spring arrives.
Until then, we can only wait, wrap up warm, and dream of brighter days ahead."""
# The same news written independently: its own people, figures and quotation.
INDEPENDENT_NOTICE = """Mayor Carla Voss said on Monday that the Fenwick library would cut its weekday hours \
from December 1.
Head librarian Tomas Reyes blamed a shortage of 4 staff and a 30 percent rise in heating bills.
"We had no choice," Reyes said, adding that the drop box would stay open.
The Friends of Fenwick Library have started a petition that has gathered 1,200 signatures.
Councillor Ana Pires called the cut short-sighted and promised to raise it at the next council meeting on January 12.
Spring hours will return in March, the library said."""


def test_a_padded_retelling_of_a_short_notice_is_partially_derived() -> None:
    report = compare(NOTICE, PADDED_NOTICE)
    assert report.scores.reuse < Settings().partial_reuse
    assert report.scores.coverage >= Settings().trail_content_coverage
    assert report.verdict.relation == "partially_derived"
    assert any("restates" in e and "names nothing the original does not" in e for e in report.verdict.evidence)
    assert compare(NOTICE, PADDED_NOTICE, settings=Settings(trail_content_coverage=2.0)).verdict.relation not in (
        "derived",
        "partially_derived",
    )


def test_an_independent_report_of_the_notice_is_not_derived() -> None:
    report = compare(NOTICE, INDEPENDENT_NOTICE)
    assert report.verdict.relation not in ("derived", "partially_derived")


def test_a_longer_report_of_a_one_sentence_brief_is_no_padded_retelling() -> None:
    # It restates all of the brief (coverage 0.8) and names nothing of its own, but one sentence restated is
    # too little to tell a retelling from another report of the same event.
    brief = "Heavy snow closed all public schools in Boston on Monday, city officials said."
    report_text = (
        "A winter storm shut down Boston's public schools on Monday as heavy snow blanketed the city.\n"
        "Parents scrambled to find child care while plows worked through the night on the main roads.\n"
        "Forecasters expect more snow later in the week, and travel remained slow across the region.\n"
        "Several flights were delayed at the airport as crews cleared the runways.\n"
        "Shops in the centre opened late, and many commuters chose to work from home.\n"
        "Residents were asked to keep cars off the streets so that crews could clear them faster."
    )
    report = compare(brief, report_text)
    assert report.scores.coverage >= Settings().trail_content_coverage
    assert report.verdict.relation not in ("derived", "partially_derived")
