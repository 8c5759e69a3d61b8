"""Misses from user QA qa26 (helper fixqa26m), each beside the faithful retelling that must stay quiet:

- P1: a plan with an end date told as done ("plans to close its bakery by the end of 2026" -> "has closed"), with
  both publication dates known: the date reader takes "of 2026" as the mention, so "by the end" before it is
  still a deadline that does not date the step.
- P2: a measure to come told as done ("will introduce legislation next month to cap rents" -> "has capped rents" or
  "has introduced legislation"): the words that only date the step ("next month") no longer count as dropped,
  the measure's aim ("to cap") told as done is the step told as done, and a closing "..., the minister
  announced" puts the minister's name to the step told as done rather than keeping it to come.
- P3: an acronym in brackets after a body's name ("the National Civil Defence Institute (INDECI) said") no longer
  hides the named source, so "officials said" in its place is found as anonymised.
- P4: a named person made anonymous by rank ("Eikeland said" -> "a company executive said").
- P5a: an open question under inquiry told as fact ("would open an inquiry into whether the warning had been
  ignored" -> "The warning had been ignored.").
- P5b: an interested group's claim from a sentence the link does not restate, appended to a restated sentence
  as fact ("Residents said authorities had never acted on the warning" -> "..., and authorities ignored the
  warning"): attribution_changed / source_dropped, medium.
- P10: "late/early last year" is a half of the calendar year before (not the past twelve months), "last autumn"
  the last autumn ended before the story (not the one before that too), and a day dropped for a time of day
  with no day ("on 18 April" -> "in the early hours", "before dawn") is blurred, a clock time beside the date
  being one phrase of when with it.

Each rule is tried on a few wordings a rewriter might use (tense, word order, voice), not one string.
"""

from __future__ import annotations

import pytest

from storytrace import Article, compare
from storytrace.facts.cues import attributions

PRE = "Norland Foods reported higher full-year profit on Thursday. "
POST = " Unions said they would seek talks with management. Analysts had forecast a smaller rise."


def _findings(
    source: str, derived: str, published: str | None = None, suspect_published: str | None = None
) -> list[tuple[str, str | None, str, str]]:
    """(type, subtype, severity, detail) of the medium and high findings for a sentence told in a small story."""
    report = compare(
        Article(text=PRE + source + POST, id="o", published=published),
        Article(text=PRE + derived + POST, id="s", published=suspect_published or published),
    )
    return [(f.type, f.subtype, f.severity, f.detail) for f in report.findings if f.severity in ("medium", "high")]


def _typed(found: list[tuple[str, str | None, str, str]], kind: str) -> list[tuple[str, str | None, str, str]]:
    return [f for f in found if f[0] == kind]


# --- P1: a plan with an end date told as done ---------------------------------------------------------------

PLAN = "The company plans to close its bakery in Drammen by the end of 2026, a move that will affect 140 jobs."


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (PLAN, PLAN.replace("plans to close", "has closed")),
        (PLAN, "The company closed its bakery in Drammen, a move that will affect 140 jobs."),
        (
            "The company intends to shut its Drammen bakery before the end of 2026, affecting 140 jobs.",
            "The company has shut its Drammen bakery, affecting 140 jobs.",
        ),
        (
            "The company plans to close its bakery in Drammen by end of 2026, a move that will affect 140 jobs.",
            "Its bakery in Drammen has been closed by the company, a move that will affect 140 jobs.",
        ),
    ],
)
def test_plan_with_end_date_told_as_done(source: str, derived: str) -> None:
    (found,) = _typed(_findings(source, derived, "2026-02-05", "2026-02-06"), "hedge_changed")
    assert found[1:3] == ("certainty_increased", "medium")


@pytest.mark.parametrize(
    "derived",
    [
        "The company intends to shut its bakery in Drammen before the end of 2026, a move that will affect 140 jobs.",
        "By the end of 2026 the company plans to have closed its bakery in Drammen, a move that will affect 140 jobs.",
        "The company will close its bakery in Drammen by the end of 2026 under its plan, affecting 140 jobs.",
    ],
)
def test_plan_with_end_date_kept_stays_quiet(derived: str) -> None:
    assert not _typed(_findings(PLAN, derived, "2026-02-05", "2026-02-06"), "hedge_changed")


def test_plan_with_end_date_reported_done_much_later_stays_quiet() -> None:
    # a report a month on may tell the plan carried out: news, not a firmer retelling
    derived = PLAN.replace("plans to close", "has closed")
    assert not _typed(_findings(PLAN, derived, "2026-02-05", "2026-03-20"), "hedge_changed")


# --- P2: a measure to come told as done ------------------------------------------------------------------------

BILL = (
    "The Government will introduce legislation next month to cap annual rent increases at 2%, Housing Minister "
    "Clodagh Brennan announced on Wednesday."
)
VAPES = "The government will table a bill next week to ban disposable vapes in shops."


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (BILL, "The Government has capped annual rent increases at 2%, Housing Minister Clodagh Brennan announced."),
        (
            BILL,
            "The Government has introduced legislation to cap annual rent increases at 2%, Housing Minister "
            "Clodagh Brennan said.",
        ),
        (
            BILL,
            "Annual rent increases have been capped at 2% by the Government, Housing Minister Clodagh Brennan "
            "announced on Wednesday.",
        ),
        (
            "Ministers will bring in new rules to limit short-term lets in the city centre, the council said.",
            "Ministers have limited short-term lets in the city centre, the council said.",
        ),
        (VAPES, "The government banned disposable vapes in shops."),
    ],
)
@pytest.mark.parametrize("dated", [False, True])
def test_measure_to_come_told_as_done(source: str, derived: str, dated: bool) -> None:
    # (the suspect the same day: "next week" is read leniently as starting the next day)
    dates = ("2026-05-14", "2026-05-14") if dated else (None, None)
    (found,) = _typed(_findings(source, derived, *dates), "hedge_changed")
    assert found[1:3] == ("certainty_increased", "medium")
    assert "will come" in found[3] and "stated as done" in found[3]


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            BILL,
            "The Government will bring in a law next month capping annual rent increases at 2%, Housing Minister "
            "Clodagh Brennan announced on Wednesday.",
        ),
        (
            BILL,
            "Legislation to cap annual rent increases at 2% will be introduced next month, Housing Minister "
            "Clodagh Brennan announced on Wednesday.",
        ),
        (
            BILL,
            "Housing Minister Clodagh Brennan announced on Wednesday that the Government will introduce "
            "legislation to cap annual rent increases at 2%.",
        ),
        (
            BILL,
            "The Government has announced plans to cap annual rent increases at 2%, Housing Minister Clodagh "
            "Brennan said.",
        ),
        (VAPES, "A bill banning disposable vapes in shops will be tabled next week."),
        (VAPES, "The government is set to ban disposable vapes in shops under a bill to be tabled next week."),
    ],
)
def test_measure_to_come_kept_stays_quiet(source: str, derived: str) -> None:
    assert not _typed(_findings(source, derived, "2026-05-14", "2026-05-15"), "hedge_changed")


# --- P3: a body's name with its acronym in brackets made anonymous -----------------------------------------------

SLIDE = (
    "At least 23 people were killed after a landslide buried part of a mountain village in Peru's Ancash region "
    "on Saturday, {who}.\n\nRescue teams are working with dogs and heavy machinery.\n\nThe defence ministry "
    "sent two military helicopters to ferry supplies."
)
INDECI = "the National Civil Defence Institute (INDECI) said"


def _attributed(source: str, derived: str) -> list[tuple[str | None, str]]:
    report = compare(Article(text=source, id="o"), Article(text=derived, id="s"))
    return [(f.subtype, f.severity) for f in report.findings if f.type == "attribution_changed"]


def test_bracketed_acronym_keeps_the_name_read() -> None:
    text = "At least 23 people were killed, the National Civil Defence Institute (INDECI) said."
    assert [(a.who, a.kind) for a in attributions(text, 0, len(text))] == [
        ("the National Civil Defence Institute", "named")
    ]


@pytest.mark.parametrize("who", ["officials said", "authorities said", "local officials said", "sources said"])
def test_body_with_acronym_made_anonymous(who: str) -> None:
    assert _attributed(SLIDE.format(who=INDECI), SLIDE.format(who=who)) == [("anonymised", "high")]


@pytest.mark.parametrize(
    "who",
    [
        "INDECI said",
        "the National Civil Defence Institute said",
        "Peru's civil defence institute said",
        "the National Civil Defence Institute, INDECI, said",
    ],
)
def test_body_with_acronym_kept_stays_quiet(who: str) -> None:
    assert not _attributed(SLIDE.format(who=INDECI), SLIDE.format(who=who))


# --- P4: a named person made anonymous by rank ------------------------------------------------------------------

GUIDANCE = (
    "Norland expects operating profit to grow by between 5% and 8% in 2026, though finance director Lars Eikeland "
    'cautioned that the outlook depended on cocoa and dairy costs.\n\n"We are not assuming any relief on input '
    'costs in our guidance," {who}.\n\nThe board proposed a dividend of 4.50 crowns per share.'
)


@pytest.mark.parametrize(
    "who",
    [
        "a company executive said",
        "one senior executive said",
        "a senior Norland executive said",
        "a company representative said",
    ],
)
def test_named_person_made_anonymous_by_rank(who: str) -> None:
    assert _attributed(GUIDANCE.format(who="Eikeland said"), GUIDANCE.format(who=who)) == [("anonymised", "high")]


@pytest.mark.parametrize(
    "who", ["he said", "the finance director said", "Lars Eikeland said", "the finance chief said"]
)
def test_named_person_kept_or_referred_to_stays_quiet(who: str) -> None:
    assert not _attributed(GUIDANCE.format(who="Eikeland said"), GUIDANCE.format(who=who))


# --- P10: dates --------------------------------------------------------------------------------------------------

AUDIT = (
    "The company discovered the irregularities during an internal audit {when} and reported them to the tax "
    "police.\n\nThe trial is scheduled to begin on 22 September.\n\nThe pension fund covers roughly 4,100 retired "
    "employees."
)
SLID = (
    "The slide struck the village of Huaylpa {when}, when most residents were asleep.\n\nINDECI said 17 people had "
    "been rescued alive from the debris.\n\nThe defence ministry sent two military helicopters to ferry supplies."
)


def _dated(template: str, before: str, after: str, published: str, suspect_published: str | None = None) -> list:
    report = compare(
        Article(text=template.format(when=before), id="o", published=published),
        Article(text=template.format(when=after), id="s", published=suspect_published or published),
    )
    return [(f.subtype, f.severity, f.detail) for f in report.findings if f.type == "date_changed"]


@pytest.mark.parametrize(
    ("before", "after", "means"),
    [
        ("in October 2024", "late last year", "July 1 to December 31, 2025"),
        ("in October 2025", "early last year", "January 1 to June 30, 2025"),
        ("in October 2024", "last autumn", "September 1 to November 30, 2025"),
    ],
)
def test_part_of_last_year_or_last_season_read_in_the_story_year(before: str, after: str, means: str) -> None:
    (found,) = _dated(AUDIT, before, after, "2026-03-13")
    assert found[:2] == ("changed", "high")
    assert found[2].endswith(f"means {means}")


@pytest.mark.parametrize(
    ("before", "after", "published"),
    [
        ("in October 2025", "late last year", "2026-03-13"),
        ("in March 2025", "early last year", "2026-03-13"),
        ("in December 2025", "late last year", "2026-01-10"),
        ("in 2025", "last year", "2026-03-13"),
        ("in November 2025", "last autumn", "2026-03-13"),
        ("in October 2024", "last autumn", "2025-10-20"),  # told during autumn 2025: the autumn before
        ("in January 2026", "last winter", "2026-03-13"),
    ],
)
def test_right_part_of_last_year_or_last_season_stays_quiet(before: str, after: str, published: str) -> None:
    assert not _dated(AUDIT, before, after, published)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("shortly after 4 a.m. on 18 April", "in the early hours"),
        ("shortly after 4 a.m. on 18 April", "before dawn"),
        ("on 18 April, shortly after 4 a.m.", "in the early hours"),
        ("at around 4 a.m. on Saturday", "in the small hours"),
    ],
)
def test_day_dropped_for_a_time_of_day_is_blurred(before: str, after: str) -> None:
    (found,) = _dated(SLID, before, after, "2026-04-20", "2026-04-21")
    assert found[:2] == ("blurred", "medium")


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("shortly after 4 a.m. on 18 April", "in the early hours of 18 April"),
        ("shortly after 4 a.m. on 18 April", "on April 18 shortly after 4 a.m."),
        ("shortly after 4 a.m.", "in the early hours"),
        ("shortly after 4 a.m.", "before dawn"),
    ],
)
def test_time_of_day_kept_with_its_day_stays_quiet(before: str, after: str) -> None:
    assert not _dated(SLID, before, after, "2026-04-20", "2026-04-21")


# --- P5a: an open question under inquiry told as fact -------------------------------------------------------------

INQUIRY = "The regional government said it would open an inquiry into whether the warning had been ignored."
ENQUIRY = "Officials have launched an enquiry into whether the dam had been poorly maintained."


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (INQUIRY, "The warning had been ignored."),
        (INQUIRY, "The regional government admitted the warning had been ignored."),
        (ENQUIRY, "The dam had been poorly maintained."),
        (ENQUIRY, "Officials said the dam had been poorly maintained."),
    ],
)
def test_question_under_inquiry_told_as_fact(source: str, derived: str) -> None:
    (found,) = _typed(_findings(source, derived), "hedge_changed")
    assert found[1:3] == ("certainty_increased", "medium")
    assert "open question" in found[3]


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (INQUIRY, "The regional government will investigate whether the warning was ignored."),
        (INQUIRY, "An inquiry will look at whether the warning had been ignored, the regional government said."),
        (INQUIRY, "The regional government said it would look into claims that the warning had been ignored."),
        (INQUIRY, "The regional government promised an inquiry into whether the warning had been ignored."),
        (ENQUIRY, "An enquiry has been launched into whether the dam was poorly maintained."),
    ],
)
def test_question_under_inquiry_kept_stays_quiet(source: str, derived: str) -> None:
    assert not _typed(_findings(source, derived), "hedge_changed")


# --- P5b: a group's claim appended to another sentence as fact ----------------------------------------------------

SLOPE = (
    "Geologists had warned in a 2023 report that the slope above Huaylpa was unstable, local media reported.\n\n"
    'Residents said authorities had never acted on the warning. "They told us the hill could come down," said '
    "Teodoro Quispe, 52.\n\nThe defence ministry sent two military helicopters to ferry supplies."
)
SLOPE_KEPT = (
    'Geologists had warned in a 2023 report that the slope above Huaylpa was unstable{appended}\n\n"They told us '
    'the hill could come down," said Teodoro Quispe, 52.\n\nThe defence ministry sent two military helicopters to '
    "ferry supplies."
)


@pytest.mark.parametrize(
    "appended", [", and authorities ignored the warning.", ", and the authorities failed to act on the warning."]
)
def test_group_claim_appended_as_fact(appended: str) -> None:
    found = _attributed(SLOPE, SLOPE_KEPT.format(appended=appended))
    assert ("source_dropped", "medium") in found


@pytest.mark.parametrize(
    "appended",
    [
        ", and residents said authorities had never acted on the warning.",
        ", and residents say the authorities ignored it.",
        ", and residents said the warning was ignored by the authorities.",
        ", local media reported.",
    ],
)
def test_group_claim_kept_as_theirs_stays_quiet(appended: str) -> None:
    assert not [f for f in _attributed(SLOPE, SLOPE_KEPT.format(appended=appended)) if f[1] != "low"]


REPORT = (
    "Immigrants made up 14% of the workforce in 2024, the report from the Center for Immigration Studies (CIS) "
    "says.\n\nEmployers in farming and construction rely most on migrant labour.\n\nThe figures come from census "
    "data."
)


def test_document_kept_without_its_author_is_not_anonymised() -> None:
    # the same report, its author left out: a source dropped at most, not a voice made anonymous (a consistent
    # FRANK summary, once the bracketed acronym let the author's name be read)
    derived = REPORT.replace("the report from the Center for Immigration Studies (CIS) says", "the report says")
    assert not [f for f in _attributed(REPORT, derived) if f[0] == "anonymised"]
    derived = REPORT.replace("the report from the Center for Immigration Studies (CIS) says", "officials say")
    assert ("anonymised", "high") in _attributed(REPORT, derived)
