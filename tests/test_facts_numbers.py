"""Figures: extraction and normalisation, and the ``number_changed`` check.

Most check tests align without embeddings (lexical links are exact enough for one-sentence pairs and
fast); one aligns with the real embedding model, as ``storytrace.compare`` does.

Measured when choosing own parsing over quantulum3 (0.10.0; its shipped classifier does not load with
the installed scikit-learn, so it ran on its rules), on 34 hand-labelled news sentences holding 28
figures (written for this comparison, so own parsing was built for phrasing like theirs; quantulum3's
misses are of kinds it does not model): own parsing found 28/28 and read nothing else as a figure;
quantulum3 found 24/28 (no vote tallies, "41st" or "a dozen") and read 8 non-figures as figures (years,
the "14" of "March 14", "3 p.m.", "5G", "24/7"). Speed: ~0.1 ms a sentence against ~3-5 ms, and on whole
articles ~5-10 ms against several seconds per 1,000 words. On APTY (575 human-judged ChatGPT paraphrases
of news sentences) the check flags none of the 482 meaning-preserving ones and 2 of the 57 others, both
real figure changes.
"""

from __future__ import annotations

import pytest

from storytrace.align import Alignment, align
from storytrace.article import Article
from storytrace.facts.numbers import (
    Quantity,
    approx,
    equal,
    extract_quantities,
    number_findings,
    parse_number_words,
)
from storytrace.finding import Finding
from storytrace.text import analyse


def quantities(text: str) -> list[Quantity]:
    return extract_quantities(text)


def one(text: str) -> Quantity:
    found = quantities(text)
    assert len(found) == 1, found
    return found[0]


def check(source: str, derived: str) -> list[Finding]:
    """number_changed findings for a pair, aligned lexically (no model: fast and deterministic)."""
    alignment = align(analyse(Article(source)), analyse(Article(derived)), embed=None)
    return number_findings(alignment)


def span(text: str, s: tuple[int, int] | None) -> str:
    assert s is not None
    return text[s[0] : s[1]]


# --- extraction ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "figure", "kind", "value", "unit"),
    [
        ("About 14,000 residents fled.", "About 14,000", "count", 14_000, None),
        ("The plant employs 600 people.", "600", "count", 600, None),
        ("Two people died.", "Two", "count", 2, None),
        ("A dozen homes burned.", "A dozen", "count", 12, None),
        ("Twenty-five cars were damaged.", "Twenty-five", "count", 25, None),
        ("It drew two hundred and fifty protesters.", "two hundred and fifty", "count", 250, None),
        ("Half a million people live there.", "Half a million", "count", 500_000, None),
        ("Some 1.2m people voted.", "Some 1.2m", "count", 1_200_000, None),
        ("The firm earned $1.2 billion.", "$1.2 billion", "money", 1.2e9, "USD"),
        ("The firm earned $1.2bn.", "$1.2bn", "money", 1.2e9, "USD"),
        ("It paid 1.2 billion dollars.", "1.2 billion dollars", "money", 1.2e9, "USD"),
        ("The fine was €5m.", "€5m", "money", 5e6, "EUR"),
        ("He earns £300,000 a year.", "£300,000", "money", 300_000, "GBP"),
        ("It cost 250,000 dollars.", "250,000 dollars", "money", 250_000, "USD"),
        ("It struck a $6.8-billion deal.", "$6.8-billion", "money", 6.8e9, "USD"),
        ("It cost C$40 million.", "C$40 million", "money", 40e6, "CAD"),
        ("Support rose to 30%.", "30%", "percent", 30, "%"),
        ("Support rose to 30 per cent.", "30 per cent", "percent", 30, "%"),
        ("Thirty percent agreed.", "Thirty percent", "percent", 30, "%"),
        ("Rates rose 3 percentage points.", "3 percentage points", "percent", 3, "pp"),
        ("She finished 41st.", "41st", "ordinal", 41, None),
        ("It was the forty-first attack.", "forty-first", "ordinal", 41, None),
        ("It was their second attempt.", "second", "ordinal", 2, None),
        ("The driver, aged 54, was unhurt.", "54", "age", 54, "year"),
        ("A 54-year-old man was held.", "54-year-old", "age", 54, "year"),
        ("Maria Lopez, 54, said she was shocked.", "54", "age", 54, "year"),
        ("He is 54 years old.", "54 years old", "age", 54, "year"),
        ("A 2.4-mile stretch was closed.", "2.4-mile", "measure", 2.4, "mile"),
        ("It dropped 16 inches of snow.", "16 inches", "measure", 16, "in"),
        ("The water rose two feet.", "two feet", "measure", 2, "ft"),
        ("They ran 5km.", "5km", "measure", 5, "km"),
        ("He got a five-year sentence.", "five-year", "duration", 5, "year"),
        ("He was held for five and a half years.", "five and a half years", "duration", 5.5, "year"),
        ("He was No. 2 on the list.", "No. 2", "identifier", 2, "no"),
        ("It was Flight 370.", "370", "identifier", 370, "flight"),
        ("More than 600 people signed.", "More than 600", "count", 600, None),
        ("It held 38'161 detainees.", "38'161", "count", 38_161, None),
        ("It cut 12 500 jobs.", "12 500", "count", 12_500, None),
        ("It cut 1\u202f000 jobs.", "1\u202f000", "count", 1_000, None),
        ("The fine was €2\u00a0500\u00a0000.", "€2\u00a0500\u00a0000", "money", 2_500_000, "EUR"),
        ("They paid $40K each.", "$40K", "money", 40_000, "USD"),
        ("THERE ARE 37 MILLION PEOPLE IN ITS PATH.", "37 MILLION", "count", 37e6, None),
    ],
)
def test_extract_quantity(text: str, figure: str, kind: str, value: float, unit: str | None) -> None:
    q = one(text)
    assert (q.text, q.kind, q.unit) == (figure, kind, unit)
    assert q.value == pytest.approx(value)
    assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("More than 600 people signed.", "more than"),
        ("About 14,000 residents fled.", "about"),
        ("At least 5 people died.", "at least"),
        ("Up to 10 years in prison.", "up to"),
        ("Nearly 1,000 homes flooded.", "nearly"),
        ("Fewer than 20 staff remain.", "fewer than"),
        ("It cost over $5m.", "over"),
    ],
)
def test_qualifier_is_kept_apart(text: str, qualifier: str) -> None:
    assert one(text).qualifier == qualifier


@pytest.mark.parametrize(
    "text",
    [
        "The council met in 2011.",
        "The council met on March 14.",
        "The council met on Jan. 5.",
        "The talks begin at 3 p.m.",
        "The talks begin at 10:30.",
        "COVID-19 spread fast.",
        "The G7 met on 5G networks.",
        "The store is open 24/7.",
        "He is one of the best players.",
        "It happened in the 1990s.",
        "The storm hit two days ago.",
        "He was first to arrive, second to none.",
        "It was a one-off.",
    ],
)
def test_not_figures(text: str) -> None:
    assert quantities(text) == []


def test_date_day_is_not_a_count() -> None:
    text = "Some 40 people were hurt on March 14 in the blast."
    assert [q.text for q in quantities(text)] == ["Some 40"]


@pytest.mark.parametrize(
    ("text", "value", "high", "outcome"),
    [
        ("The Senate passed the bill 52-48.", 52, 48, 1),
        ("The bill passed 52 to 48.", 52, 48, 1),
        ("The measure was rejected 48-52.", 48, 52, -1),
        ("The court ruled 6-3 on the case.", 6, 3, 0),
        ("Senators approved it by 52 votes to 48.", 52, 48, 1),
    ],
)
def test_tally(text: str, value: int, high: int, outcome: int) -> None:
    q = one(text)
    assert (q.kind, q.value, q.high, q.outcome) == ("tally", value, high, outcome)


def test_range_without_vote_words_is_a_range_not_a_tally() -> None:
    q = one("Between 10 and 15 people were rescued.")
    assert (q.kind, q.value, q.high) == ("count", 10, 15)
    q = one("The 10-15 people inside were rescued.")
    assert (q.kind, q.value, q.high) == ("count", 10, 15)


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("two", 2),
        ("twenty-five", 25),
        ("twenty five", 25),
        ("one hundred", 100),
        ("two hundred and fifty", 250),
        ("three thousand", 3000),
        ("a dozen", 12),
        ("half a million", 500_000),
        ("five and a half", 5.5),
        ("two million", 2_000_000),
        ("nineteen", 19),
        ("banana", None),
    ],
)
def test_parse_number_words(words: str, value: float | None) -> None:
    assert parse_number_words(words) == value


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("5,000 people", "5000 people"),
        ("$1.2bn", "1.2 billion dollars"),
        ("$1.2 billion", "$1,200 million"),
        ("€5m", "5 million euros"),
        ("41st", "forty-first place"),
        ("30%", "30 per cent"),
        ("thirty percent", "30 percent"),
        ("aged 54", "a 54-year-old"),
        ("16 inches", "a 16-inch"),
        ("a dozen", "12 people"),
        ("passed it 52-48", "rejected it 48-52"),
        ("80 miles", "80-85 miles"),
        ("2½ servings", "two and a half servings"),
        ("2 1/2 servings", "2½ servings"),
        ("24.000 jobs", "24,000 jobs"),  # a European thousands point
        ("12 500 jobs", "12,500 jobs"),  # SI-style grouping
    ],
)
def test_same_figure_in_other_forms_is_equal(a: str, b: str) -> None:
    assert equal(one(b), one(a))


def test_rounding_is_approximate_not_equal() -> None:
    assert approx(one("$1.2 billion"), one("$1.23 billion"))
    assert approx(one("14,000 residents"), one("14,213 residents"))
    assert not approx(one("30%"), one("31%"))
    assert not approx(one("600 jobs"), one("650 jobs"))


def test_extraction_spans_index_the_text_with_offsets() -> None:
    text = "Intro sentence here. The fund lost $5m last year."
    start = text.index("The")
    (q,) = extract_quantities(text, start, len(text))
    assert (q.start, q.end, text[q.start : q.end]) == (text.index("$5m"), text.index("$5m") + 3, "$5m")


# --- number_changed -------------------------------------------------------------------------------------


def test_an_order_of_magnitude_is_a_range() -> None:
    # "Hundreds of people gathered and dozens were hurt" was no figure at all, so "about 300" retold as
    # "thousands" went unreported.
    text = "Hundreds of people gathered and dozens were hurt; tens of thousands watched."
    assert [(q.text, q.value, q.high) for q in quantities(text)] == [
        ("Hundreds", 200, 999),
        ("dozens", 20, 120),  # since fm23 (rev23m): up to ten dozen is literally "dozens"
        ("tens of thousands", 20_000, 99_999),
    ]
    assert quantities("The scores of the candidates rose.") == []
    src = "About 300 people attended the rally in the harbour town on Saturday, the organisers said."
    (f,) = check(src, src.replace("About 300", "Thousands of"))
    assert (f.type, f.before, f.after) == ("number_changed", "About 300", "Thousands")
    assert check(src.replace("About 300", "About 3,000"), src.replace("About 300", "Thousands of")) == []


def test_a_figure_given_as_a_vague_word_is_blurred() -> None:
    src = "The storm killed 12 people in the coastal town on Monday, officials said."
    (f,) = check(src, src.replace("12 people", "several people"))
    assert (f.type, f.subtype, f.severity) == ("number_changed", "blurred", "medium")
    assert (f.before, f.after) == ("12", "several")
    assert f.detail == "figure blurred: 12 people became \u201cseveral\u201d"
    src = "Sales at the harbour shops rose 12% last year, the chamber of commerce said on Monday."
    (f,) = check(src, src.replace("12%", "sharply"))
    assert (f.subtype, f.before, f.after) == ("blurred", "12%", "sharply")
    # the figure kept elsewhere in the suspect, or the vague word the original's own: nothing blurred
    kept = "Sales at the harbour shops rose sharply last year, the chamber of commerce said. The rise was 12%."
    assert check(src, kept) == []
    many = "Police arrested 40 protesters and many more were detained in the harbour town on Monday."
    assert check(many, many.replace("40", "many")) == []


def test_orders_of_magnitude_and_blurs_after_review() -> None:
    # "ſ" folds to "s" when case is ignored in Unicode: the phrase matched, its key was missing, compare crashed
    assert quantities("Police said tens of thou\u017fands of people marched.") == []
    # nested or consistent orders of magnitude are one fact
    src = "Tens of thousands of people marched in the capital on Sunday, the organisers said."
    assert check(src, src.replace("Tens of thousands", "Thousands")) == []
    src = "Dozens of people were hurt in the blast at the harbour on Monday, officials said."
    assert check(src, src.replace("Dozens of", "At least 20")) == []
    # a space may part two numbers as well as group one
    src = "By lap 2 150 runners had quit the race in the heat, the organisers said."
    assert check(src, "The organisers said 150 runners had quit the race in the heat by lap 2.") == []
    # a figure reported as changed is not also blurred, and a blur pairs the figure counting the same thing
    src = "The plan will cost $5 million and create 300 jobs at the harbour, the mayor said on Friday."
    (f,) = check(src, "The mayor said on Friday the plan would create many jobs at the harbour.")
    assert (f.subtype, f.before, f.after) == ("blurred", "300", "many")
    src = "The fire killed 12 people and injured 30 residents in the town, officials said on Monday."
    found = check(src, src.replace("12 people", "13 people").replace("30 residents", "many residents"))
    assert [(f.subtype, f.before, f.after) for f in found] == [("changed", "12", "13"), ("blurred", "30", "many")]


def test_count_of_people_changed() -> None:
    src = "About 14,000 residents were evacuated from the coastal town on Monday, officials said."
    der = "About 40,000 residents were evacuated from the coastal town on Monday, officials said."
    (f,) = check(src, der)
    assert (f.type, f.subtype, f.severity) == ("number_changed", "changed", "high")
    assert (f.before, f.after) == ("About 14,000", "About 40,000")
    assert span(src, f.source) == "About 14,000"
    assert span(der, f.derived) == "About 40,000"
    assert "14,000" in f.detail and "40,000" in f.detail


def test_thousands_grouped_by_spaces_are_one_figure() -> None:
    # Read as "000" (and "500") before, so every space-grouped figure was a change.
    src = "The carmaker said it would cut 12 500 jobs and close 3 plants, and 1\u202f000 more jobs were at risk."
    assert check(src, src.replace("12 500", "12,500").replace("1\u202f000", "1000")) == []
    (f,) = check(src, src.replace("12 500", "15,000"))
    assert (f.before, f.after) == ("12 500", "15,000")
    row = "Manufacturing 302 300 266 390 346"  # the cells of a table pasted as text stay apart
    assert [q.text for q in extract_quantities(row, 0, len(row))] == ["302", "300", "266", "390", "346"]


def test_count_changed_with_other_noun_for_people() -> None:
    src = "Officials said 14,000 residents were evacuated from the coastal town on Monday."
    der = "Officials said 40,000 people were evacuated from the coastal town on Monday."
    (f,) = check(src, der)
    assert (f.before, f.after, f.severity) == ("14,000", "40,000", "high")
    assert f.detail == "figure changed: 14,000 residents became 40,000 people"


def test_money_and_percentage_changed() -> None:
    src = "The company reported a profit of $1.2 billion in the third quarter, up 30% from a year earlier."
    der = "The company reported a profit of $1.5 billion in the third quarter, up 35% from a year earlier."
    found = check(src, der)
    assert [(f.before, f.after, f.severity) for f in found] == [
        ("$1.2 billion", "$1.5 billion", "high"),
        ("30%", "35%", "high"),
    ]


def test_age_changed() -> None:
    src = "Maria Lopez, 54, a teacher from the town, said the flood came without warning."
    der = "Maria Lopez, a 45-year-old teacher from the town, said the flood came without warning."
    (f,) = check(src, der)
    assert (f.before, f.after, f.severity) == ("54", "45-year-old", "high")


def test_tally_changed() -> None:
    src = "The Senate passed the bill 52-48 on Wednesday after a long debate."
    der = "The Senate passed the bill 51-49 on Wednesday after a long debate."
    (f,) = check(src, der)
    assert (f.subtype, f.severity) == ("changed", "high")
    assert (f.before, f.after) == ("passed the bill 52-48", "passed the bill 51-49")


def test_tally_reversed() -> None:
    src = "The Senate passed the bill 52-48 on Wednesday after a long debate."
    der = "The Senate rejected the bill 48-52 on Wednesday after a long debate."
    (f,) = check(src, der)
    assert (f.type, f.subtype, f.severity) == ("number_changed", "reversed", "high")
    assert (f.before, f.after) == ("passed the bill 52-48", "rejected the bill 48-52")
    assert "reversed" in f.detail


def test_measure_changed_is_medium() -> None:
    src = "The storm dropped 16 inches of snow on the mountain town overnight, forecasters said."
    der = "The storm dropped 26 inches of snow on the mountain town overnight, forecasters said."
    (f,) = check(src, der)
    assert (f.before, f.after, f.severity) == ("16 inches", "26 inches", "medium")


def test_ordinal_changed() -> None:
    src = "The city is the country's third-largest port and handles most of its grain exports."
    der = "The city is the country's second-largest port and handles most of its grain exports."
    (f,) = check(src, der)
    assert (f.before, f.after) == ("third", "second")


@pytest.mark.parametrize(
    ("src", "der"),
    [
        (
            "About 14,000 residents were evacuated from the coastal town on Monday, officials said.",
            "Officials said some 14,000 people had been evacuated from the coastal town on Monday.",
        ),
        (
            "The company reported a profit of $1.2 billion in the third quarter, up 30% from a year earlier.",
            "The company's third-quarter profit was 1.2 billion dollars, up 30 per cent from a year earlier.",
        ),
        (
            "The firm reported a profit of $1.2bn in the quarter, its 41st straight profitable quarter.",
            "The firm reported a profit of 1.2 billion dollars, its forty-first straight profitable quarter.",
        ),
        (
            "The Senate passed the bill 52-48 on Wednesday after a long debate.",
            "On Wednesday, after a long debate, senators approved the bill by 52 votes to 48.",
        ),
        (
            "The driver, aged 54, was taken to hospital after the crash on the motorway.",
            "The 54-year-old driver was taken to hospital after the crash on the motorway.",
        ),
        (
            "Rescuers pulled two children and a dozen adults from the rubble of the school.",
            "Rescuers pulled 2 children and 12 adults from the rubble of the school.",
        ),
        (
            "The fire destroyed 5,000 acres of forest near the town, the fire service said.",
            "The fire service said the fire destroyed 5000 acres of forest near the town.",
        ),
    ],
)
def test_faithful_paraphrase_is_silent(src: str, der: str) -> None:
    assert check(src, der) == []


def test_rounded_figure_is_low_and_a_qualifier_that_says_so_is_silent() -> None:
    src = "The agency said 14,213 residents were evacuated from the coastal town on Monday."
    (f,) = check(src, "The agency said 14,000 residents were evacuated from the coastal town on Monday.")
    assert (f.subtype, f.severity) == ("rounded", "low")
    assert (
        check(src, "The agency said more than 14,000 residents were evacuated from the coastal town on Monday.") == []
    )
    assert check(src, "The agency said about 14,000 residents were evacuated from the coastal town on Monday.") == []


def test_qualifier_turned_around_is_low() -> None:
    src = "More than 600 workers lost their jobs when the plant closed, the union said."
    (f,) = check(src, "Nearly 600 workers lost their jobs when the plant closed, the union said.")
    assert (f.subtype, f.severity, f.before, f.after) == ("qualifier", "low", "More than 600", "Nearly 600")
    # a qualifier reworded in the same direction is paraphrase, not a change; a bound dropped is a low one
    # (tests/test_numbers13_qualifiers.py)
    (f,) = check(src, "600 workers lost their jobs when the plant closed, the union said.")
    assert (f.subtype, f.severity, f.before, f.after) == ("qualifier", "low", "More than 600", "600")
    assert check(src, "Over 600 workers lost their jobs when the plant closed, the union said.") == []


def test_dropped_figure_is_not_a_change() -> None:
    src = "The storm killed 14 people and destroyed 600 homes along the coast, officials said."
    der = "The storm killed 14 people along the coast, officials said."
    assert check(src, der) == []


def test_new_figure_of_another_kind_is_not_a_change() -> None:
    src = "The storm killed 14 people along the coast, officials said on Monday."
    der = "The storm killed 14 people along the coast and caused $5m of damage, officials said on Monday."
    assert check(src, der) == []


def test_figure_from_elsewhere_in_the_source_is_not_a_change() -> None:
    src = (
        "The storm killed 14 people along the coast, officials said. "
        "Rescue teams searched the flooded villages for survivors. "
        "In the next town, 9 people died when a bridge collapsed."
    )
    der = (
        "The storm killed 9 people along the coast, officials said. "
        "Rescue teams searched the flooded villages for survivors."
    )
    assert check(src, der) == []


def test_figures_added_up_are_not_a_change() -> None:
    src = "The man confessed to more than 60 murders for the former governor and another 40 for his wife."
    der = "The man confessed to over 100 murders for the former governor and his wife, the paper said."
    assert check(src, der) == []


def test_figure_at_the_end_of_a_truncated_text_is_not_a_change() -> None:
    src = "Japan has killed over 6,000 whales since the whaling moratorium was passed in 1986."
    der = "Since the whaling moratorium was passed in 1986, Japan has killed over 6"
    assert check(src, der) == []


def test_different_units_are_not_compared() -> None:
    src = "The new rail line runs for 2.4 miles through the centre of the old city."
    der = "The new rail line runs for 3.9 km through the centre of the old city."
    assert check(src, der) == []


def test_changed_date_is_not_a_changed_count() -> None:
    src = "The council approved the budget on March 14 after a long debate, the mayor said."
    der = "The council approved the budget on March 16 after a long debate, the mayor said."
    assert check(src, der) == []


def test_figure_the_original_never_gives_is_reported() -> None:
    src = "Flood waters forced residents of the valley to leave their homes on Tuesday night."
    der = "Flood waters forced 3,000 residents of the valley to leave their homes on Tuesday night."
    (f,) = check(src, der)
    assert (f.subtype, f.severity, span(der, f.derived), f.source) == ("not_in_original", "medium", "3,000", None)


def test_figure_from_elsewhere_in_the_original_is_not_new() -> None:
    src = (
        "Flood waters forced residents of the valley to leave their homes on Tuesday night. "
        "About 3,000 people live in the valley."
    )
    der = "Flood waters forced some 3,000 residents of the valley to leave their homes on Tuesday night."
    assert check(src, der) == []


def test_one_written_for_a_is_not_a_new_figure() -> None:
    src = "A man was arrested after the fire at the warehouse on Tuesday night, police said."
    der = "One man was arrested after the fire at the warehouse on Tuesday night, police said."
    assert check(src, der) == []


def test_identical_verbatim_link_is_skipped() -> None:
    src = "The council approved a budget of $5 million on Tuesday."
    assert check(src, src) == []


# --- with the real embedding model aligning ---------------------------------------------------------------
# (the alignment storytrace.compare builds, without the rest of its audit, which other checks own)


def aligned_with_model(source: Article, derived: Article) -> Alignment:
    from storytrace.embed import get_embedder

    alignment = align(analyse(source), analyse(derived), embed=get_embedder().embed)
    assert alignment.used_embeddings
    return alignment


def test_with_the_model() -> None:
    src = Article(
        "Flooding forced about 14,000 residents from their homes in the river valley on Monday. "
        "The regional government said repairs would cost $1.2 billion. "
        "Officials said 30% of the valley's farmland was under water."
    )
    der = Article(
        "Some 40,000 people were forced from their homes by floods in the river valley on Monday. "
        "Repairs will cost 1.2 billion dollars, the regional government said. "
        "Thirty per cent of the valley's farmland was under water, officials said."
    )
    alignment = aligned_with_model(src, der)
    found = number_findings(alignment)
    assert [(f.before, f.after, f.severity) for f in found] == [("about 14,000", "Some 40,000", "high")]
