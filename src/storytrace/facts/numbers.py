"""Figures in a sentence, and the ``number_changed`` check: a figure the rewrite changed.

A quantity is a figure with what it counts: a count ("14,000 residents", "two", "a dozen"), money
("$1.2bn", "1.2 billion dollars", "€5m"), a percentage ("30%", "thirty per cent"), an ordinal ("41st",
"forty-first"), a vote tally ("52-48", "passed 52 to 48"), an age ("aged 54", "54-year-old",
"Smith, 54,"), a measure ("2.4-mile", "16 inches"), a duration ("five-year", "12 years"), an
identifier ("No. 2", "Flight 370", compared exactly) or a multiple ("doubled", "cut by a third", "tenfold").
Each carries a normalised value, so the many ways of writing one figure compare equal: "5,000" = "5000",
"$1.2bn" = "1.2 billion dollars", "41st" = "forty-first", "30%" = "30 per cent", "half of" = "50% of",
"doubled" = "rose 100%".

Not figures: years, the days and times of dates (dates.py finds those, and their spans are skipped
here, so "14" in "March 14" is never a count), vague amounts ("hundreds", "dozens"), and numbers inside
words or codes ("COVID-19", "G7", "5G", "F-16", "24/7").

The check reports a derived figure only when the linked source sentences have a figure of the same
kind that the derived side lacks, and the derived figure appears nowhere in the source. A figure the
rewrite dropped is an omission, a figure with no counterpart is added content; neither is a change.
False alarms cost an editor more than misses, so anything uncertain stays silent.

Own parsing, not quantulum3: measured on hand-labelled news sentences (figures in the docstring of
tests/test_facts_numbers.py), quantulum3 read years, days of dates, clock times and codes as quantities,
has no vote tallies, ages or qualifiers, depends on a trained classifier (whose shipped model does not
load with current scikit-learn) and is slower by one to three orders of magnitude; a few precompiled
expressions, tried only near digits and number words, take a fraction of a millisecond a sentence.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from storytrace.facts.dates import _MONTH_FULL, _WEEKDAY, Candidate, Scanner, date_spans, looks_like_year
from storytrace.finding import Finding
from storytrace.text import STOPWORDS, lower_is_ignorecase, normalize_word, stem

if TYPE_CHECKING:
    from storytrace.align import Alignment, Link
    from storytrace.text import Document

__all__ = ["Quantity", "approx", "equal", "extract_quantities", "number_findings", "parse_number_words"]

KINDS = ("count", "money", "percent", "ordinal", "tally", "age", "measure", "duration", "identifier", "factor")


@dataclass(frozen=True)
class Quantity:
    """One figure, as a span into the article text (qualifier and unit included: "more than $5m").

    ``value`` is normalised (units of one: "$1.2bn" -> 1.2e9); ``high`` is the second figure of a tally
    or a range ("52-48" -> 52, 48). ``precision`` is the unit of the last digit written ("1.2 billion"
    -> 1e8, "14,000" -> 1000), so a rounded figure can be told from a changed one.
    """

    start: int
    end: int
    text: str
    value: float
    kind: str
    unit: str | None = None  # currency (USD, EUR, ...), measure or duration unit, "%" or "pp", identifier label
    qualifier: str | None = None  # normalised: "about", "more than", "at least", "up to", ...
    high: float | None = None
    precision: float = 1.0
    noun: tuple[str, ...] = ()  # stems of the words the figure counts ("residents" -> "resident")
    outcome: int = 0  # tallies: +1 passed/won, -1 rejected/lost, 0 not said
    people: bool = False  # a count of people (or a casualty figure): the most sensitive kind
    worded: bool = False  # a multiple or a share in words ("doubled", "half of"): see _in_words
    also: float | None = None  # another value the same words may mean: a bare "61m" read as millions, 61 metres
    # A part given against its whole ("35 of the 37", "half of the 600"): the whole, and the count the words
    # leave of it where that is not the figure written ("all but two of the 37" leaves 35, "half of 600" 300).
    # Only a figure of the same whole is compared with ``leaves`` (``_part_fits``): elsewhere "300 homes" is
    # no restatement of "half of the 600 residents".
    whole: float | None = None
    leaves: float | None = None
    # What the whole counts ("600 workers" -> ("worker",)): a bare count of the same things may give the count
    # the part leaves ("some 300 workers" for "half of the 600 workers"); of other things it is another figure.
    whole_noun: tuple[str, ...] = ()


# --- vocabulary ---------------------------------------------------------------------------------------

_UNITS_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen"
).split()
_TENS_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_WORD_VALUE = {w: i for i, w in enumerate(_UNITS_WORDS)} | {w: 20 + 10 * i for i, w in enumerate(_TENS_WORDS)}
_SCALE_VALUE = {
    "hundred": 100,
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "trn": 1e12,
}
_ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
    "thousandth": 1000,
    "millionth": 1e6,
}
_CURRENCY_SYMBOL = {
    "$": "USD",
    "us$": "USD",
    "c$": "CAD",
    "ca$": "CAD",
    "a$": "AUD",
    "au$": "AUD",
    "nz$": "NZD",
    "hk$": "HKD",
    "s$": "SGD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "usd": "USD",
    "eur": "EUR",
    "gbp": "GBP",
    "jpy": "JPY",
    "cny": "CNY",
    "inr": "INR",
    "chf": "CHF",
    "cad": "CAD",
    "aud": "AUD",
}
_CURRENCY_WORD = {
    "dollar": "USD",
    "euro": "EUR",
    "pound": "GBP",
    "pounds sterling": "GBP",
    "sterling": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rupee": "INR",
    "franc": "CHF",
    "rand": "ZAR",
    "peso": "MXN",
    "rouble": "RUB",
    "ruble": "RUB",
    "lira": "TRY",
}
_DOLLAR_COUNTRY = {
    "us": "USD",
    "u.s.": "USD",
    "american": "USD",
    "canadian": "CAD",
    "australian": "AUD",
    "new zealand": "NZD",
    "hong kong": "HKD",
    "singapore": "SGD",
    "singaporean": "SGD",
}
_MEASURE_UNIT = {
    "mile": "mile",
    "miles": "mile",
    "mi": "mile",
    "kilometre": "km",
    "kilometres": "km",
    "kilometer": "km",
    "kilometers": "km",
    "km": "km",
    "kms": "km",
    "metre": "m",
    "metres": "m",
    "meter": "m",
    "meters": "m",
    "centimetre": "cm",
    "centimetres": "cm",
    "centimeter": "cm",
    "centimeters": "cm",
    "cm": "cm",
    "millimetre": "mm",
    "millimetres": "mm",
    "millimeter": "mm",
    "millimeters": "mm",
    "mm": "mm",
    "foot": "ft",
    "feet": "ft",
    "ft": "ft",
    "inch": "in",
    "inches": "in",
    "yard": "yd",
    "yards": "yd",
    "acre": "acre",
    "acres": "acre",
    "hectare": "ha",
    "hectares": "ha",
    "kilogram": "kg",
    "kilograms": "kg",
    "kilo": "kg",
    "kilos": "kg",
    "kg": "kg",
    "gram": "g",
    "grams": "g",
    "tonne": "t",
    "tonnes": "t",
    "ton": "ton",
    "tons": "ton",
    "lb": "lb",
    "lbs": "lb",
    "ounce": "oz",
    "ounces": "oz",
    "oz": "oz",
    "gallon": "gal",
    "gallons": "gal",
    "litre": "l",
    "litres": "l",
    "liter": "l",
    "liters": "l",
    "barrel": "bbl",
    "barrels": "bbl",
    "mph": "mph",
    "kph": "kmh",
    "km/h": "kmh",
    "knot": "kn",
    "knots": "kn",
    "degree": "deg",
    "degrees": "deg",
    "°": "deg",
    "°c": "degC",
    "°f": "degF",
    "megawatt": "MW",
    "megawatts": "MW",
    "mw": "MW",
    "gigawatt": "GW",
    "gigawatts": "GW",
    "gw": "GW",
    "kwh": "kWh",
    "calorie": "cal",
    "calories": "cal",
    "point": "pt",
    "points": "pt",
    "storey": "storey",
    "storeys": "storey",
    "story": "storey",
    "stories": "storey",
}
_DURATION_UNIT = {
    "second": "second",
    "seconds": "second",
    "minute": "minute",
    "minutes": "minute",
    "hour": "hour",
    "hours": "hour",
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
    "decade": "decade",
    "decades": "decade",
    "century": "century",
    "centuries": "century",
}
_PEOPLE = frozenset(
    stem(w)
    for w in (
        "people persons person residents resident citizens workers employees staff students pupils children "
        "child kids adults patients victims soldiers troops officers police voters members protesters "
        "demonstrators migrants refugees asylum passengers fans men women man woman individuals civilians "
        "casualties fatalities deaths dead injured wounded teachers nurses doctors players customers users "
        "visitors tourists inmates prisoners detainees hostages survivors families households americans "
        "britons israelis palestinians ukrainians russians lawmakers senators delegates jurors firefighters "
        "miners journalists employees staffers volunteers participants respondents applicants "
        "homeowners tenants shoppers drivers pilots crew sailors marines personnel fighters militants "
        "suspects defendants bodies lives infants babies teenagers teens seniors pensioners"
    ).split()
)
_PEOPLE_CONTEXT = re.compile(
    r"\b(?:killed|killing|kills|died|dead|deaths?|injured|injuring|wounded|hurt|arrested|detained|evacuated|"
    r"displaced|hospitali[sz]ed|missing|rescued|infected|laid\s+off|fired|hired|employs|employed|"
    r"jobs|attended|signed|voted|elected|sickened|charged|convicted)\b",
    re.IGNORECASE,
)
_HIGH_KINDS = frozenset({"money", "percent", "tally", "age", "factor"})

# A whole word only: "will cover 60%" has no "over" ("discover", "recover", "moreover" neither).
_QUALIFIER = re.compile(
    r"(?<![\w'\u2019-])(?P<q>about|around|roughly|approximately|approx\.|some|an\s+estimated|estimated|nearly|almost|"
    r"close\s+to|more\s+than|older\s+than|younger\s+than|over|at\s+least|upwards\s+of|in\s+excess\s+of|above|no\s+(?:fewer|less)\s+than|fewer\s+than|less\s+than|"
    r"under|below|up\s+to|as\s+many\s+as|as\s+much\s+as|as\s+few\s+as|no\s+more\s+than|at\s+most|"
    r"just\s+over|just\s+under|just\s+below|just\s+above|well\s+over|exactly|precisely|only|just)\s+$",
    re.IGNORECASE,
)
# The last words of the _QUALIFIER phrases (lower case): every match is one of them, then spaces.
_QUALIFIER_ENDS = tuple(
    "about around roughly approximately approx. some estimated nearly almost to than over least of above under "
    "below as most exactly precisely only just".split()
)


def _qualifier(before: str) -> re.Match[str] | None:
    """``_QUALIFIER.search(before)``, which tries its thirty phrases at every character: a text that does
    not end in a space after one of their last words is not searched. (A text where ignoring case is more
    than lower case is: ``text.lower_is_ignorecase``.)"""
    if lower_is_ignorecase(before) and not (
        before[-1:].isspace() and before.rstrip().lower().endswith(_QUALIFIER_ENDS)
    ):
        return None
    return _QUALIFIER.search(before)


#: Qualifiers by what they say about the true figure; two in one class are the same claim.
_QUALIFIER_CLASS = {
    "about": "approx",
    "around": "approx",
    "roughly": "approx",
    "approximately": "approx",
    "approx.": "approx",
    "some": "approx",
    "an estimated": "approx",
    "estimated": "approx",
    "nearly": "below",
    "almost": "below",
    "close to": "below",
    "just under": "below",
    "just below": "below",
    "more than": "above",
    "older than": "above",  # "participants older than 75" are those "over 75" (qa26 P14)
    "younger than": "under",
    "over": "above",
    "at least": "above",
    "upwards of": "above",
    "in excess of": "above",
    "above": "above",
    "just over": "above",
    "just above": "above",
    "well over": "above",
    "plus": "above",
    "no fewer than": "above",  # "no fewer than 12" is at least 12, not fewer than 12
    "no less than": "above",
    "as many as": "upto",
    "as much as": "upto",
    "up to": "upto",
    "no more than": "upto",
    "at most": "upto",
    "fewer than": "under",
    "less than": "under",
    "under": "under",
    "below": "under",
    "as few as": "under",
    "exactly": "exact",
    "precisely": "exact",
    "only": "exact",
    "just": "exact",
}

_TALLY_CONTEXT = re.compile(
    r"\b(?:votes?|voted|voting|ballots?|passed|passes|approved|approves|adopted|rejected|rejects|defeated|"
    r"confirmed|ratified|upheld|overturned|struck\s+down|blocked|failed|margin|tally|won|wins|beat|beats|"
    r"lost|loses|ruled|rules|ruling|verdict|decision|majority|split|score|scored|jury|senate|house|council|committee|"
    # games won and lost: "dropped the first set 6-7" is a score, not a range of six to seven
    r"sets?|tie-?breaks?|tie-?breakers?|victory|defeat|drew|draw|edged|routed|thrashed|trounced|clinched)\b",
    re.IGNORECASE,
)
_OUTCOME_POS = re.compile(
    r"\b(?:passed|passes|pass|approved|approves|approve|adopted|adopts|confirmed|confirms|ratified|"
    r"upheld|upholds|won|wins|backed|backs|endorsed|voted\s+(?:for|in\s+favou?r)|in\s+favou?r|beat|beats|"
    r"carried)\b",
    re.IGNORECASE,
)
_OUTCOME_NEG = re.compile(
    r"\b(?:rejected|rejects|reject|defeated|defeats|failed|fails|fail|blocked|blocks|lost|loses|"
    r"voted\s+(?:down|against)|struck\s+down|overturned|overturns|sank|killed|vetoed|turned\s+down)\b",
    re.IGNORECASE,
)

# Thousands grouped by a comma, an apostrophe ("38'161", Swiss) or a space ("12 500", "12\u202f500": SI style
# and French-style copy). A plain space also separates the cells of a table pasted as text ("302 300 266 390"),
# so it groups only a whole run of at most three groups (up to "123 456 789") with no other figure a space
# away on either side.
_GROUP_SEPARATORS = ",'’ \u00a0\u202f\u2009"
# Translated copy keeps its own convention: dots group thousands and a comma marks the decimals. Read only
# the forms that English cannot write ("1.234.567", "1.234,5", "4,10", "42,5"); a single dot or comma before
# three digits ("950.000", "4,125") keeps its English reading (``_readings`` adds the other).
_CONTINENTAL = r"\d{1,3}(?:\.\d{3})+,\d+|\d{1,3}(?:\.\d{3}){2,}(?![.,]?\d)"
# A comma inside a run of two-digit whole numbers ("aged 15,16 and 17", "15,16, 17") is a list's, no decimal
# comma: two digits each side and another two-digit one after, spaced ("grew 2,5 and 3 percent" and "12,5 and
# 13" are decimals; "1,50,000" is grouped the Indian way)
_LIST_NEXT = r"(?:,\s+|\s+(?:and|or)\s+)\d\d(?![.,]?\d)"
_LIST_COMMA = rf"(?<=(?<![\d.,])\d\d),\d\d{_LIST_NEXT}"
_DECIMAL_COMMA = rf"\d+,\d{{1,2}}(?![.,]?\d)(?!(?<=(?<![\d.,])\d\d,\d\d){_LIST_NEXT})"
_DIGITS = (
    rf"{_CONTINENTAL}"
    r"|\d{1,3}(?:[,'’\u00a0\u202f\u2009]\d{3})+(?:\.\d+)?"
    r"|(?<!\d )\d{1,3}(?: \d{3}){1,2}(?!\d)(?:\.\d+)?(?! \d)"
    rf"|{_DECIMAL_COMMA}"
    r"|\d+(?:\.\d+)?|\.\d+"
)
_SCALE = r"(?i:thousand|million|billion|trillion|bn|mn|mln|tn|trn)"
_CORE = re.compile(
    # (after a list's comma without a space, "15,16 and 17", the figure is the list's next one)
    rf"(?:(?<![\w.,/:#-])|(?<=(?<![\d.,])\d\d,)(?=\d\d{_LIST_NEXT}))(?<![A-Za-z]-)"
    rf"(?P<cur>(?:US|C|CA|A|AU|NZ|HK|S)\$|[$€£¥₹]|(?:USD|EUR|GBP|JPY|CNY|INR|CHF|CAD|AUD)\s?)?\s?"
    # (not a part of a longer figure: "42,5%" is no "4"; but a list's "15" in "15,16 and 17" is)
    rf"(?P<num>{_DIGITS})(?!\.?\d|(?!{_LIST_COMMA}),\d)"
    rf"(?:[\s-]?(?P<scale>{_SCALE})(?!\w)|(?P<letter>[kmbKMB])(?!\w))?"
)
_WORDNUM_ATOM = (
    rf"(?:{'|'.join(_TENS_WORDS)})(?:[\s-](?:{'|'.join(_UNITS_WORDS[1:10])}))?|{'|'.join(_UNITS_WORDS)}"
    r"|hundred|thousand|million|billion|trillion|dozen"
)
_WORDNUM = re.compile(
    rf"\b(?:(?P<art>a|an|half\s+a)\s+(?=(?:hundred|thousand|million|billion|dozen)\b))?"
    rf"(?:{_WORDNUM_ATOM})(?:(?:(?<=hundred)\s+and|(?<=thousand)\s+and)?[\s-]+(?:{_WORDNUM_ATOM}))*"
    r"(?:[\s-]+and[\s-]+(?:a|one)[\s-]+half)?\b",
    re.IGNORECASE,
)
_ORDINAL_WORD = re.compile(
    rf"\b(?:(?P<tens>{'|'.join(_TENS_WORDS)})[\s-])?(?P<ord>{'|'.join(_ORDINAL_WORDS)})\b",
    re.IGNORECASE,
)
_TALLY = re.compile(
    r"(?<![\w.,/:-])(?P<a>\d{1,3})\s?(?P<sep>[-–—]|to|votes?\s+to)\s?(?P<b>\d{1,3})(?![\w%:/]|[.,]\d|-\w|\s?(?:%|per\s?cent|percent))"
)
_BETWEEN = re.compile(r"\bbetween\s+(?P<a>\d[\d,.]*\d|\d)\s+and\s+(?P<b>\d[\d,.]*\d|\d)(?![\d,.]\d)", re.IGNORECASE)

#: "2½", "2 ½", "2 1/2" (and "2 Ã‚Â½", the same bytes decoded the wrong way): a whole and a fraction.
_FRACTION = re.compile(r"\s?[^\x00-\x7f\s]{0,5}?(?P<f>[½¼¾⅓⅔⅛])|\s(?P<n>[1-7])/(?P<d>[2-8])(?![\d/])")
_FRACTION_VALUE = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}
_SCALE_AFTER_FRACTION = re.compile(rf"[\s-]?(?P<scale>{_SCALE})(?!\w)")
_AFTER_PERCENT = re.compile(
    r"\s?(?:(?P<pp>percentage[\s-]points?|per\s?cent(?:age)?[\s-]points?)|%|per\s?cent\b|percent\b|pct\b|pc\b)",
    re.IGNORECASE,
)
# "108-year olds" (people of that age, the hyphen dropped) is an age as "108-year-olds" is.
_AFTER_AGE = re.compile(r"(?:[\s-]+(?P<u>year|month|week)s?[\s-]+olds?\b|\s+years?\s+of\s+age\b)", re.IGNORECASE)
_AFTER_CURRENCY = re.compile(
    r"(?:\s+(?P<country>US|U\.S\.|American|Canadian|Australian|New\s+Zealand|Hong\s+Kong|Singapore(?:an)?))?"
    r"[\s-]+(?P<cur>dollars?|euros?|pounds?\s+sterling|pounds?|sterling|yen|yuan|renminbi|rupees?|francs?|rand|"
    r"pesos?|roubles?|rubles?|lira)\b",
    re.IGNORECASE,
)
_AFTER_UNIT = re.compile(
    r"(?:\s?-\s?|\s+|(?=[a-z°]))(?P<sq>square\s+|sq\.?\s+|cubic\s+)?(?P<u>"
    + "|".join(sorted((re.escape(u) for u in _MEASURE_UNIT), key=len, reverse=True))
    + r")(?![\w/])",
    re.IGNORECASE,
)
_AFTER_DURATION = re.compile(
    r"(?:\s?-\s?|\s+)(?P<u>" + "|".join(sorted(_DURATION_UNIT, key=len, reverse=True)) + r")\b(?!-old)",
    re.IGNORECASE,
)
# An hour's part or hours and minutes in words ("half an hour", "a quarter of an hour", "an hour and a half",
# "an hour and ten minutes"): one duration, read in minutes, so "extended by 70 minutes" -> "by half an hour" is a
# changed figure and "an hour and ten minutes" restates it, where the figure read alone would be "ten minutes"
# (qa24b P10). Not "an hour" alone: "$15 an hour", "60 miles an hour" are rates.
_HOUR_COUNT = rf"an?|one|\d{{1,2}}|{'|'.join(_UNITS_WORDS[2:13])}"
_HOURS_IN_WORDS = re.compile(
    r"\b(?:(?P<frac>half|(?:a|one)[\s-]+quarter|quarter|three[\s-]+quarters)[\s-]+(?:of[\s-]+)?an[\s-]+hour"
    r"|(?:a|one)[\s-]+half[\s-]+hour"
    rf"|(?P<h>{_HOUR_COUNT})[\s-]+hours?[\s-]+and[\s-]+(?:(?P<half>a[\s-]+half)|(?P<quarter>a[\s-]+quarter)"
    rf"|(?P<m>\d{{1,2}}|(?:{'|'.join(_TENS_WORDS[:4])})(?:[\s-](?:{'|'.join(_UNITS_WORDS[1:10])}))?"
    rf"|{'|'.join(_UNITS_WORDS[1:20])})[\s-]+minutes?))\b",
    re.IGNORECASE,
)
_NEXT_WORDS = re.compile(r"(?:-|\s+)(?P<of>of\s+(?:the\s+|its\s+|their\s+)?)?(?P<w>[a-z][a-z'’-]*)")
_BEFORE_AGE = re.compile(r"\b(?:aged|age|ages)\s+$", re.IGNORECASE)
_BEFORE_ID = re.compile(r"(?:\b(?:No|Nos|no|Number|number)\.?|#)\s*$")
# "No 10" / "Number 10" as British news writes Downing Street: before its own name, a speech verb, the words
# for its staff or a possessive ("No 10 said", "No 10 aides", "No 10's plan"). "No. 10 seed" stays a figure.
_DOWNING_AFTER = re.compile(
    r"(?:\s+Downing\b|['\u2019]s\b|\s+(?:said|says|insisted|denied|confirmed|declined|refused|added|sources?|"
    r"officials?|aides?|insiders?|spokes(?:man|woman|person)|staff|press\s+office)\b)"
)
# "the world No 10 said", "the seeded No 10": a rank, the figure it is
_RANKED_BEFORE = re.compile(r"\b(?:world|ranked|seeded|seed|men's|women's|global)\s*$", re.IGNORECASE)
_BEFORE_CAP_WORD = re.compile(r"(?<![.!?]\s)(?<!^)\b(?P<w>[A-Z][a-zA-Z]+)\s+$")
_NOT_LABELS = frozenset(
    """The A An Some About Nearly Only All Around More Over Just Roughly Almost At Up In On By For Of With
    Since And But Another Those These This That Its His Her Their Our Each Every Than Under Below Above
    Fewer Less Least Most Top Last First Past Next Between From To Until Around Approximately Exactly
    Only Some Estimated I We They He She It You Who Which When While If As After Before During Today
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
    August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mr Mrs Ms
    Dr Sen Rep Gov""".split()
)
_DETERMINERS = frozenset("the its his her their our your my this that each every whose".split())
_ORDINAL_NOUNS = re.compile(
    r"[\s-]+(?:place|quarter|half|round|term|time|times|day|year|week|month|straight|consecutive|largest|"
    r"biggest|highest|lowest|most|best|worst|anniversary|floor|grade|century|generation|edition|attempt|"
    r"game|leg|reading|wave|stage|phase|period|set|inning|innings|lap|semester|season|child|son|daughter|"
    r"victim|case|death|suspect|vote|ballot|trial|time|row|tier|class|division|largest|oldest|youngest|"
    r"longest|fastest|richest|poorest|deadliest|costliest|smallest|tallest)\b",
    re.IGNORECASE,
)
_ONE_BAD_AFTER = re.compile(
    r"\s*(?:of|another|day|time|way|thing|point|side|hand|or|and|another|[’']s|-|in\b|at\b|by\b|who|that|which|[,.;:!?)])",
    re.IGNORECASE,
)
_ONE_BAD_BEFORE = re.compile(
    r"\b(?:no|any|every|each|some|the|this|that|which|only|last|anyone|everyone|someone|one|such|a|an)\s+$",
    re.IGNORECASE,
)
_STOP_NEXT = frozenset(
    """a an the of and or but to in on at by for from with as than that which who whom whose is are was were
    be been being has have had will would could should may might can do does did not no yes it its this
    these those there here when where while after before since during per each every more less most
    least about around over under up down out off into onto upon said says say told according
    percent""".split()
)


def extract_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Every figure in text[start:end] (see _extract_quantities); memoised per span."""
    return list(_extract_quantities_cached(text, start, len(text) if end is None else end))


@lru_cache(maxsize=4096)
def _extract_quantities_cached(text: str, start: int, end: int) -> tuple[Quantity, ...]:
    return tuple(_extract_quantities(text, start, end))


def _extract_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Every figure in text[start:end], in text order, without overlaps and outside date spans.

    Spans are offsets into ``text``. Dates are found first (dates.extract_dates) and skipped, so years,
    days of the month and clock times never come out as figures. Patterns are tried only near the words
    they need (a digit, a number word): see dates.Scanner.
    """
    end = len(text) if end is None else end
    cands: list[Candidate] = []
    for k, m in _SCANNER.matches(text, start, end):
        cands.append(Candidate(m.start(), m.end(), k, m))
    if not cands:
        return []  # no need to find the dates of a sentence without figures
    blocked = date_spans(text, start, end)
    cands.sort(key=lambda c: (c.start, -(c.end - c.start), c.rank))
    out: list[Quantity] = []
    taken_until = start
    for c in cands:
        if c.start < taken_until or _overlaps(c.start, c.end, blocked):
            continue
        q = _PATTERNS[c.rank][1](c.match, text, start, end)
        if q is None or _overlaps(q.start, q.end, blocked):
            continue
        out.append(q)
        taken_until = q.end
    return _partitives(text, [_over_as_about(text, q) for q in out])


# "charged over \u20ac4.2m pension transfers", "arrested over $5m fraud": after a word of legal or public action,
# an "over" before an amount that is set before a noun says what the action is about, not "more than" (qa26
# P7). Money only: "arrested over 100 people" counts more than 100.
_ABOUT_OVER_BEFORE = re.compile(
    r"\b(?:charged|arrested|indicted|prosecuted|sued|probed|investigated|questioned|quizzed|jailed|convicted|"
    r"accused|sacked|fired|suspended|resign(?:s|ed)|quits?|row|dispute|protests?|probe|inquiry|investigation|"
    r"lawsuit|scandal|clash(?:es)?|outrage|anger|fury)\s+$",
    re.IGNORECASE,
)
_NOUN_AFTER_AMOUNT = re.compile(
    r"\s+(?!(?:in|of|for|to|from|and|or|a|an|the|per|by|at|on|over|with|than|as|plus|each|apiece|a\s+year)\b)"
    r"[a-z][\w'\u2019-]*"
)


def _over_as_about(text: str, q: Quantity) -> Quantity:
    """``q`` without the qualifier "over" where "over" means "about" (``_ABOUT_OVER_BEFORE``)."""
    if q.qualifier != "over" or q.kind != "money" or not _NOUN_AFTER_AMOUNT.match(text, q.end):
        return q
    if not _ABOUT_OVER_BEFORE.search(text, max(0, q.start - 24), q.start):
        return q
    lead = re.match(r"over\s+", text[q.start : q.end], re.IGNORECASE)
    if lead is None:
        return q
    start = q.start + lead.end()
    return replace(q, start=start, text=text[start : q.end], qualifier=None)


# "all but two of the 37 villages", "half of the 600 residents": a part given against its whole. The count it
# leaves is read only against a figure of the same whole ("35 of the 37", "300 of the 600": ``_part_fits``).
_ALL_BUT = re.compile(r"\ball\s+(?:but|except|save)\s+$", re.IGNORECASE)
_OF_THE_WHOLE = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|these\s+|those\s+)?(?:[A-Za-z][\w-]*['’]s\s+)?")


def _partitives(text: str, qs: list[Quantity]) -> list[Quantity]:
    """``qs`` with each part's whole (``Quantity.whole``) and the count it leaves of it (``Quantity.leaves``)."""
    out = list(qs)
    for k, (part, whole) in enumerate(itertools.pairwise(qs)):
        gap = _OF_THE_WHOLE.fullmatch(text, part.end, whole.start)
        if gap is None or whole.kind != "count" or whole.high is not None or whole.qualifier is not None:
            continue
        if part.kind == "percent" and part.unit == "%" and part.high is None and 0 < part.value < 100:
            # "half of the 600", and "40% of the 600" as much: a share of a count of things is a count of them
            out[k] = replace(part, whole=whole.value, leaves=whole.value * part.value / 100, whole_noun=whole.noun)
        elif part.kind == "count" and part.high is None and part.also is None and part.value < whole.value:
            lead = _ALL_BUT.search(text, max(0, part.start - 16), part.start)
            if lead is not None:
                # the span takes "all but": an editor reads "all but two", never "two", for the figure
                out[k] = replace(
                    part,
                    start=lead.start(),
                    text=text[lead.start() : part.end],
                    whole=whole.value,
                    leaves=whole.value - part.value,
                    whole_noun=whole.noun,
                )
            else:
                out[k] = replace(part, whole=whole.value)
    return out


def _overlaps(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    k = bisect.bisect_left(spans, (b,))
    return k > 0 and spans[k - 1][1] > a


# --- parsing ------------------------------------------------------------------------------------------


def parse_number_words(words: str) -> float | None:
    """The value of a number written in words: "twenty-five" -> 25, "two hundred and fifty" -> 250,
    "a dozen" -> 12, "half a million" -> 500000, "1.2 million" is handled by the digit path. None when
    the words do not form a number."""
    tokens = [t for t in re.split(r"[\s-]+", words.lower().strip()) if t and t != "and"]
    half = tokens[-2:] in (["a", "half"], ["one", "half"]) and len(tokens) > 2
    if half:  # "five and a half"
        tokens = tokens[:-2]
    if not tokens:
        return None
    total = 0.0
    current = 0.0
    seen = False
    if tokens[0] in ("hundred", "thousand", "million", "billion", "trillion", "dozen"):
        return None  # "MILLION" alone is a shout, not a figure; "hundreds" never gets here
    if tokens[:2] == ["half", "a"]:
        tokens = ["0.5", *tokens[2:]]
    for t in tokens:
        if t in ("a", "an"):
            current = 1
            continue
        if t == "0.5":
            current = 0.5
            continue
        if t in _WORD_VALUE:
            current += _WORD_VALUE[t]
            seen = True
        elif t == "dozen":
            current = (current or 1) * 12
            seen = True
        elif t == "hundred":
            current = (current or 1) * 100
            seen = True
        elif t in ("thousand", "million", "billion", "trillion"):
            total += (current or 1) * _SCALE_VALUE[t]
            current = 0
            seen = True
        else:
            return None
    return total + current + (0.5 if half else 0.0) if seen else None


_UNGROUP = str.maketrans("", "", _GROUP_SEPARATORS)


_CONTINENTAL_NUM = re.compile(rf"{_CONTINENTAL}|{_DECIMAL_COMMA}")


def _plain_digits(num: str) -> str:
    """ "14,000" -> "14000"; the continental "1.234,5" and "4,10" -> "1234.5" and "4.10"."""
    if _CONTINENTAL_NUM.fullmatch(num):
        return num.replace(".", "").replace(",", ".")
    return num.translate(_UNGROUP)


_SWAP_MARKS = str.maketrans(".,", ",.")


def same_in_other_convention(a: str, b: str) -> bool:
    """True for two figures written alike but for the marks: "4.10" and "4,10", "950,000" and "950.000" (a
    translation's decimal comma and grouping dot). Decided by the two forms together: "1,500" and "1.5" are
    not alike."""
    return a != b and a.translate(_SWAP_MARKS) == b


def _value_of_digits(num: str) -> tuple[float, float]:
    """Value and precision (the unit of the last digit written) of "14,000", "1.25", ".5"."""
    plain = _plain_digits(num)
    value = float(plain)
    if "." in plain:
        return value, 10.0 ** -len(plain.split(".")[1])
    digits = plain.lstrip("0") or "0"
    zeros = len(digits) - len(digits.rstrip("0"))
    # A round figure of four digits or more is a rounded one ("14,000"); small ones are exact ("600").
    return value, (10.0**zeros if value >= 1000 and zeros else 1.0)


# Larger than any figure news tells (a scale word of up to 10^12 after it keeps it finite).
_TOO_LARGE = 1e30


def _digits(m: re.Match[str], text: str, lo: int, hi: int) -> Quantity | None:
    num = m["num"]
    a, b = m.start("num"), m.end("num")
    if b < len(text) and text[b : b + 1].isalpha() and not m["scale"] and not m["letter"]:
        # "41st", "5km", "10am" are handled below; anything else glued to letters is a code ("5G", "3D")
        suffix = re.match(r"[A-Za-z°]+", text[b:])
        sfx = suffix.group().lower() if suffix else ""
        if sfx in ("st", "nd", "rd", "th"):
            return _digit_ordinal(m, text, lo, hi)
        if sfx not in _MEASURE_UNIT and sfx not in ("pc", "bn", "mn", "k", "m") and sfx != "s":
            return None
        if sfx == "s":
            return None  # "1990s", "the 20s": decades are dates
    if a > 0 and text[a - 1] == "-" and a > 1 and text[a - 2].isalpha():
        return None  # "COVID-19", "F-16"
    if b < len(text) and text[b : b + 1] in ("/", ":") and text[b + 1 : b + 2].isdigit():
        return None  # "24/7", "9/11", "3:1"
    value, precision = _value_of_digits(num)
    if value >= _TOO_LARGE:
        # A run of hundreds of digits (pasted garbage, a hash) reads as float inf: no figure a story tells,
        # and int(inf) would end the whole comparison
        return None
    scale_word = (m["scale"] or m["letter"] or "").lower()
    cur_sym = (m["cur"] or "").strip().lower()
    currency = _CURRENCY_SYMBOL.get(cur_sym) if cur_sym else None
    also = None
    if scale_word:
        if scale_word in ("m", "b", "k") and not currency:
            # "5k" is a race and "5b" a code unless a plural noun follows ("5k fans")
            after = text[m.end() : m.end() + 30]
            nm = re.match(r"\s+([a-z]+)\b", after)
            if not nm or scale_word == "b" or not (nm[1].endswith("s") or stem(nm[1]) in _PEOPLE):
                if scale_word != "m":
                    return _bare(m, text, lo, hi, value, precision)
                if _METRES_AFTER.match(text, m.end(), hi) or _METRES_BEFORE.search(text[max(lo, a - 30) : a]):
                    q = _bare(m, text, lo, hi, value, precision)
                    if q is None or q.kind != "count":
                        return q
                    end = m.end()
                    text_m = text[q.start : end]
                    return replace(q, end=end, text=text_m, kind="measure", unit="m", noun=(), people=False)
                # News writes millions as "61m" ("down from 61m in 2019", "a loss of 61m"); a height or a distance
                # says so ("61m tall", "a depth of 61m"). Without either, millions, and 61 as a second reading,
                # so "61 metres" in the other text is still the same figure.
                also = value
        factor = _SCALE_VALUE[scale_word]
        value, precision = value * factor, (precision if precision < 1 else 1.0) * factor
    start = m.start() if m["cur"] else a
    end = m.end()
    if not scale_word and precision >= 1 and (fm := _FRACTION.match(text, end, hi)):
        part = _FRACTION_VALUE[fm["f"]] if fm["f"] else int(fm["n"]) / int(fm["d"])
        if part < 1:
            value, precision, end = value + part, min(precision, 0.125), fm.end()
            # The scale word comes after the fraction: "2½ million" is 2,500,000, not 2.5 (which made it a
            # changed figure against "2.5 million").
            if sm := _SCALE_AFTER_FRACTION.match(text, end, hi):
                scale_word = sm["scale"].lower()
                factor = _SCALE_VALUE[scale_word]
                value, precision, end = value * factor, precision * factor, sm.end()
    q = _classify(text, start, end, value, precision, currency, lo, hi, has_scale=bool(scale_word))
    return replace(q, also=also) if q is not None and also is not None and q.kind == "count" else q


# A bare "Nm" is metres after a height, depth or distance, or before a word of size or a race: "61m tall",
# "a depth of 30m", "the 100m final".
_METRES_AFTER = re.compile(
    r"(?:\s+|-)(?:tall|high|deep|long|wide|away|across|underground|in\s+(?:height|length|depth|diameter|width)|"
    r"(?:above|below)\s+(?:sea|ground|the\s+(?:ground|surface|sea))|freestyle|backstroke|breaststroke|butterfly|"
    r"medley|hurdles|sprint|dash|relay|race|final|heats?|steeplechase|world\s+record)\b",
    re.IGNORECASE,
)
_METRES_BEFORE = re.compile(
    r"\b(?:height|depth|altitude|length|distance|elevation|span|diameter|width|radius|wingspan|drop|fall)\s+of\s+"
    r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+|up\s+to\s+)?$",
    re.IGNORECASE,
)


def _bare(m: re.Match[str], text: str, lo: int, hi: int, value: float, precision: float) -> Quantity | None:
    """The digits alone, when a glued letter after them was not a scale."""
    end = m.end("num")
    return _classify(text, m.start("num"), end, value, precision, None, lo, hi, has_scale=False)


_PLUS = re.compile(r"-plus\b|\+(?![\w+])")
# A number word joined to what it counts ("a three-judge panel", "a five-member board"): a count, as "12-member"
# in digits is, which a rewrite tells as "a panel of three judges". Only these nouns: a number word before a
# hyphen is mostly no figure ("one-off", "two-thirds", "two-way", "three-pronged"). Not rooms: a "three-room
# flat" counts its living room, and a rewrite's "two-bedroom flat" is the same flat, not another figure.
_COUNTED_AFTER_HYPHEN = re.compile(
    r"-(?:judge|member|person|man|woman|strong|seat|nation|country|storey|story|car|vehicle|"
    r"game|match|count|part|page|team|player)s?\b(?!-)",
    re.IGNORECASE,
)


def _words(m: re.Match[str], text: str, lo: int, hi: int) -> Quantity | None:
    phrase = m.group()
    value = parse_number_words(phrase)
    if value is None and phrase.lower() in ("hundred", "thousand", "million", "billion") and _PLUS.match(text, m.end()):
        value = float(_SCALE_VALUE[phrase.lower()])  # "its million-plus workers"
    if value is None:
        return None
    a, b = m.start(), m.end()
    low = phrase.lower().strip()
    if low == "one":
        if _ONE_BAD_AFTER.match(text, b) or _ONE_BAD_BEFORE.search(text[max(lo, a - 20) : a]):
            return None
        if not re.match(r"\s+[a-z]", text[b : b + 3]):
            return None
    if low in ("zero",):
        return None
    if (
        text[b : b + 1] == "-"
        and not _PLUS.match(text, b)
        and not any(p.match(text, b) for p in (_AFTER_UNIT, _AFTER_DURATION, _AFTER_AGE, _COUNTED_AFTER_HYPHEN))
    ):
        return None  # "one-off", "two-thirds"
    scale = max((v for w, v in _SCALE_VALUE.items() if len(w) > 2 and re.search(rf"\b{w}\b", low)), default=1.0)
    precision = scale if scale >= 1000 else 1.0
    return _classify(text, a, b, value, precision, None, lo, hi, has_scale=scale >= 1000, written=True)


def _hours_in_words(m: re.Match[str], text: str, lo: int, hi: int) -> Quantity | None:
    """ "half an hour" (30), "an hour and a half" (90), "two hours and 15 minutes" (135): minutes."""
    frac = (m["frac"] or "").lower()
    if m["h"] is None:
        # "half an hour", "a half-hour", "three quarters of an hour"
        minutes, precision = (45.0 if frac.startswith("three") else 15.0 if "quarter" in frac else 30.0), 5.0
    else:
        word = m["h"].lower()
        hours = 1.0 if word in ("a", "an", "one") else float(word) if word.isdigit() else parse_number_words(word)
        if hours is None:
            return None
        if m["m"] is not None:
            extra = float(m["m"]) if m["m"].isdigit() else parse_number_words(m["m"])
            if extra is None:
                return None
            precision = 1.0
        else:
            extra, precision = (30.0 if m["half"] else 15.0), 5.0
        minutes = hours * 60 + extra
    q = _classify(text, m.start(), m.start(), minutes, precision, None, lo, hi, has_scale=False, written=True)
    if q is None:
        return None
    return replace(q, end=m.end(), text=text[q.start : m.end()], kind="duration", unit="minute", noun=(), people=False)


def _ordinal_word(m: re.Match[str], text: str, lo: int, hi: int) -> Quantity | None:
    value = _ORDINAL_WORDS[m["ord"].lower()] + (_WORD_VALUE[m["tens"].lower()] if m["tens"] else 0)
    a, b = m.start(), m.end()
    before = text[max(lo, a - 16) : a]
    prev = re.search(r"([A-Za-z’']+)\s+$", before)
    prev_word = prev.group(1).lower() if prev else ""
    determiner = prev_word in _DETERMINERS or prev_word.endswith(("'s", "’s"))
    if not determiner and not _ORDINAL_NOUNS.match(text, b):
        return None
    if value <= 2 and not determiner:
        return None  # "first" and "second" are adverbs and time units too often
    return Quantity(a, b, text[a:b], float(value), "ordinal", noun=_noun_after(text, b, hi))


def _digit_ordinal(m: re.Match[str], text: str, lo: int, hi: int) -> Quantity | None:
    a = m.start("num")
    b = m.end("num") + 2
    if re.search(r"\bon\s+the\s+$", text[max(lo, a - 10) : a], re.IGNORECASE) and float(m["num"]) <= 31:
        return None  # "on the 14th": a day of the month
    return Quantity(a, b, text[a:b], float(m["num"].translate(_UNGROUP)), "ordinal", noun=_noun_after(text, b, hi))


def _classify(
    text: str,
    a: int,
    b: int,
    value: float,
    precision: float,
    currency: str | None,
    lo: int,
    hi: int,
    *,
    has_scale: bool,
    written: bool = False,
) -> Quantity | None:
    """Decide what a figure counts from the words around it, and build the Quantity."""
    before = text[max(lo, a - 40) : a]
    kind, unit = "count", None
    end = b
    if currency:
        kind, unit = "money", currency
    elif pm := _AFTER_PERCENT.match(text, b):
        kind, unit, end = "percent", ("pp" if pm["pp"] else "%"), pm.end()
    elif am := _AFTER_AGE.match(text, b):
        kind, unit, end = "age", am["u"].lower() if am["u"] else "year", am.end()
    elif cm := _AFTER_CURRENCY.match(text, b):
        word = " ".join(cm["cur"].lower().split())
        base = word if word in _CURRENCY_WORD else word.rstrip("s")
        cur = _CURRENCY_WORD.get(base, _CURRENCY_WORD.get(word))
        if cm["country"]:
            cur = _DOLLAR_COUNTRY.get(" ".join(cm["country"].lower().split()), cur)
        if base == "pound" and not has_scale and value < 1000 and not written:
            kind, unit, end = "measure", "lb", cm.end()  # "a 300-pound man"; "£300" has its symbol
        else:
            kind, unit, end = "money", cur, cm.end()
    elif um := _AFTER_UNIT.match(text, b):
        u = um["u"].lower()
        unit = _MEASURE_UNIT[u]
        if um["sq"]:
            unit = ("sq " if um["sq"].lower().startswith("s") else "cu ") + unit
        kind, end = "measure", um.end()
    elif dm := _AFTER_DURATION.match(text, b):
        kind, unit, end = "duration", _DURATION_UNIT[dm["u"].lower()], dm.end()
    if kind == "count":
        if _BEFORE_AGE.search(before) and value < 130:
            kind, unit = "age", "year"
        elif (idm := _BEFORE_ID.search(before)) and value == int(value):
            if (
                value == 10
                and idm.group()[:1] == "N"
                and _DOWNING_AFTER.match(text, b)
                and not _RANKED_BEFORE.search(text, max(0, a - len(idm.group()) - 20), a - len(idm.group()))
            ):
                return None  # "No 10 said", "No 10 sources": Downing Street, a speaker, no figure
            s0 = a - len(idm.group())
            return Quantity(s0, b, text[s0:b], value, "identifier", unit="no")
        elif _is_age_after_name(text, a, b, value):
            kind, unit = "age", "year"
        elif (
            (cap := _BEFORE_CAP_WORD.search(before))
            and _label_ok(cap["w"], text, a, b, value)
            # a title-case headline's count of people ("Fire Leaves Five Dead") is no label's number
            and not (written and _people_after(text, b, hi))
        ):
            return Quantity(a, b, text[a:b], value, "identifier", unit=cap["w"].lower())
    if kind == "count" and not has_scale and not written and looks_like_year(text, a, b):
        return None  # a year the date pass let through: never a figure
    qm = _qualifier(text[max(lo, a - 24) : a])
    qualifier = " ".join(qm["q"].lower().split()) if qm else None
    start = a - len(qm.group()) if qm else a
    if qualifier is None and kind in ("count", "money", "measure", "duration") and (pm := _PLUS.match(text, end)):
        qualifier, end = "plus", pm.end()  # "30-plus", "$5m+": more than the figure, as "more than 30" is
    noun = _noun_after(text, end, hi) if kind in ("count", "ordinal") else ()
    people = kind == "count" and (
        bool(set(noun) & _PEOPLE)
        or (not noun and bool(_PEOPLE_CONTEXT.search(before[-20:] + " " + text[end : min(hi, end + 20)])))
    )
    return Quantity(
        start=start,
        end=end,
        text=text[start:end],
        value=value,
        kind=kind,
        unit=unit,
        qualifier=qualifier,
        precision=precision,
        noun=noun,
        people=people,
    )


def _is_age_after_name(text: str, a: int, b: int, value: float) -> bool:
    """ "Maria Lopez, 54, said": a figure between commas right after a name is an age."""
    if not (value == int(value) and 1 <= value <= 120 and text[a:b].isdigit()):
        return False
    before = text[max(0, a - 30) : a]
    after = text[b : b + 2]
    return bool(re.search(r"[A-Z][a-z]+,\s$", before)) and (after[:1] in (",", ")") or after == "")


def _label_ok(word: str, text: str, a: int, b: int, value: float) -> bool:
    """ "Flight 370", "Route 66", "Boeing 737": a capitalised word and a bare whole number is a name."""
    if word in _NOT_LABELS or value != int(value) or "," in text[a:b] or value >= 10000:
        return False
    # a plural after the number is what it counts ("Boeing 12 jets" is rare, "Fox 5 anchors" rarer); "was",
    # "is", "has" only end in an s ("Windows 11 was released")
    nm = re.match(r"\s+([a-z]+s|people)\b", text[b : b + 20])
    return not nm or nm[1] in _STOP_NEXT


_WORD_AFTER = re.compile(r"\s+(?P<w>[A-Za-z]+)\b")


def _people_after(text: str, end: int, hi: int) -> bool:
    """True when the word right after a figure, in any case, is one for people ("Five Dead", "Three Workers")."""
    m = _WORD_AFTER.match(text, end, hi)
    return m is not None and stem(m["w"].lower()) in _PEOPLE


def _noun_after(text: str, end: int, hi: int) -> tuple[str, ...]:
    """Stems of up to two words after a figure, skipping function words: what the figure counts."""
    out: list[str] = []
    pos = end
    for _ in range(2):
        m = _NEXT_WORDS.match(text, pos, hi)
        if not m:
            break
        if m["w"].endswith(("'s", "’s")) and (out or m["of"]):
            # "300 of the village's 600 residents": the village owns what is counted, it is not it; right after
            # the figure the owner is what is counted ("40 people's homes": people)
            break
        w = normalize_word(m["w"]).strip("-'’")
        if not w or w in _STOP_NEXT:
            break
        out.append(stem(w))
        pos = m.end()
    return tuple(out)


def _tally(m: re.Match[str], text: str, lo: int, hi: int) -> Quantity | None:
    a_val, b_val = float(m["a"]), float(m["b"])
    window = text[max(lo, m.start() - 80) : min(hi, m.end() + 40)]
    is_tally = bool(_TALLY_CONTEXT.search(window))
    if m["sep"] not in ("-", "–", "—") and not is_tally:
        return None
    if not is_tally:
        # "10-15 people": a range, of whatever the figures count
        cap = _BEFORE_CAP_WORD.search(text[max(lo, m.start() - 40) : m.start()])
        if cap and m["sep"] == "-" and _label_ok(cap["w"], text, m.start("a"), m.end("a"), a_val):
            return None  # "a Boeing 737-800", "Room 12-3": a name, whose first number _digits reads as one
        if a_val >= b_val:
            if len(m["a"]) > 2 or len(m["b"]) > 2 or m["sep"] != "-":
                return None
            # "5-4", "2-1": a score or a tally even where no word says so; read as a count, its first figure
            # was a figure the other text "lacked" when that text said whose vote it was
            return Quantity(m.start(), m.end(), m.group(), a_val, "tally", high=b_val)
        q = _classify(text, m.start("b"), m.end("b"), b_val, 1.0, None, lo, hi, has_scale=False)
        if q is None or (q.kind in ("identifier", "age") and not q.text):
            return None
        start = m.start()
        qual = _qualifier(text[max(lo, start - 24) : start])
        if qual:
            start -= len(qual.group())
        return Quantity(
            start,
            q.end,
            text[start : q.end],
            a_val,
            q.kind,
            unit=q.unit,
            qualifier=" ".join(qual["q"].lower().split()) if qual else None,
            high=b_val,
            noun=q.noun,
            people=q.people,
        )
    before = text[max(lo, m.start() - 80) : m.start()]
    after = text[m.end() : min(hi, m.end() + 30)]
    outcome = _outcome(before, after)
    start = m.start()
    # the span takes the outcome verb when it is near ("passed the bill 52-48"): the words an editor reads
    vm = re.search(
        r"\b(?:passed|approved|rejected|defeated|voted|won|lost|beat|ruled|adopted|confirmed|blocked)"
        r"(?:\s+[\w’'-]+){0,3}?\s+$",
        before,
        re.IGNORECASE,
    )
    if vm and not re.search(r"[,;:.]", vm.group()):
        start -= len(vm.group())
    return Quantity(start, m.end(), text[start : m.end()], a_val, "tally", high=b_val, outcome=outcome)


def _outcome(before: str, after: str) -> int:
    """+1 when the nearest outcome word before the tally says it passed or won, -1 rejected or lost."""
    best: tuple[int, int] | None = None
    for pattern, sign in ((_OUTCOME_POS, 1), (_OUTCOME_NEG, -1)):
        for om in pattern.finditer(before):
            if best is None or om.start() > best[0]:
                best = (om.start(), sign)
    if best is not None:
        return best[1]
    if _OUTCOME_POS.search(after):
        return 1
    if _OUTCOME_NEG.search(after):
        return -1
    return 0


def _between(m: re.Match[str], text: str, hi: int) -> Quantity | None:
    try:
        a_val, _ = _value_of_digits(m["a"])
        b_val, _ = _value_of_digits(m["b"])
    except ValueError:
        return None
    if not a_val < b_val:
        return None
    q = _classify(text, m.start("b"), m.end("b"), b_val, 1.0, None, m.start(), hi, has_scale=False)
    if q is None or q.kind in ("identifier", "tally"):
        return None
    return Quantity(
        m.start(),
        q.end,
        text[m.start() : q.end],
        a_val,
        q.kind,
        unit=q.unit,
        high=b_val,
        noun=q.noun,
        people=q.people,
    )


def _between_build(m: re.Match[str], text: str, lo: int, hi: int) -> Quantity | None:
    return _between(m, text, hi)


# "thousands of people": a count given as an order of magnitude, read as the range it allows, so "about 300"
# retold as "thousands" is a changed figure and "3,000" retold as "thousands" is the same one. It must count
# something ("thousands of", "dozens were hurt", "hundreds marched"), not stand alone ("in their thousands");
# "scores of" only before a bare plural and after no determiner: "the scores of the candidates", "test scores of".
_VAGUE_COUNT = re.compile(
    r"(?P<w>(?:tens|hundreds)\s+of\s+(?:thousands|millions)|dozens|hundreds|thousands|millions|"
    r"billions)(?=\s+(?:of\s|more\b|were\b|are\b|have\b|had\b|will\b|would\b|could\b|may\b|[a-z]+ed\b))"
    r"|(?<![\w-])(?P<scores>scores)(?=\s+of\s+(?!(?:the|a|an|his|her|its|their|our|these|those|this|that|them|"
    r"us|all|each)\b)[a-z]+\b)",
    re.IGNORECASE | re.ASCII,  # ASCII: Unicode case folding matches "thouſands" too, a key _VAGUE_RANGE lacks
)
# "dozens" stops short of well over a hundred: "killed 140 people" -> "killed dozens" shrinks the toll by an
# order of magnitude (a reader hears two digits); up to 120 it is still literally true (eight, nine, ten dozen),
# and from 20 a loose "dozens" is common usage: "more than 60", "nearly 100", "105", "22" -> "dozens" stay quiet.
_VAGUE_RANGE = {
    "dozens": (20.0, 120.0),
    "scores": (40.0, 400.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2_000.0, 99_999.0),
    "tens of thousands": (20_000.0, 99_999.0),
    "hundreds of thousands": (200_000.0, 999_999.0),
    "millions": (2e6, 999e6),
    "tens of millions": (2e7, 99e6),
    "hundreds of millions": (2e8, 999e6),
    "billions": (2e9, 999e9),
}


#: The ``qualifier`` of an order of magnitude ("thousands of"): a range as loose as the word.
VAGUE = "order of magnitude"


_NOT_BEFORE_SCORES = re.compile(r"\b(?:the|their|its|his|her|our|high|low|top|test|credit|exam)\s+$", re.IGNORECASE)


def _vague(m: re.Match[str], text: str, lo: int, hi: int) -> Quantity | None:
    if m["scores"] and _NOT_BEFORE_SCORES.search(text[lo : m.start()]):
        return None  # "the scores of", "test scores of": marks, not a count
    bounds = _VAGUE_RANGE.get(" ".join((m["w"] or m["scores"]).lower().split()))
    if bounds is None:
        return None
    low, high = bounds
    q = _classify(text, m.start(), m.end(), low, low, None, lo, hi, has_scale=False, written=True)
    return None if q is None or q.kind != "count" else replace(q, high=high, qualifier=VAGUE)


# "doubled", "halved", "cut by a third", "rose tenfold": a figure given as a multiple of the old amount. Its value
# is that multiple (2, 0.5, 2/3, 10), so "doubled" retold as "tripled" is a changed figure and as "rose 100%"
# the same one. Verb forms only: "a double murder", "double-digit", "doubled down", "doubled as a shelter"
# are none.
_FACTOR_VERB = {"doubl": 2.0, "tripl": 3.0, "trebl": 3.0, "quadrupl": 4.0, "quintupl": 5.0, "halv": 0.5}
_FRACTION_WORD = {
    "half": 0.5,
    "a half": 0.5,
    "a third": 1 / 3,
    "one third": 1 / 3,
    "a quarter": 0.25,
    "one quarter": 0.25,
    "a fifth": 0.2,
    "one fifth": 0.2,
    "two thirds": 2 / 3,
    "three quarters": 0.75,
}
_FRACTION_WORDS = r"half|(?:a|one)[\s-]+(?:third|quarter|fifth)|two[\s-]+thirds|three[\s-]+quarters"
_FOLD_WORDS = {w: float(v) for w, v in _WORD_VALUE.items() if v >= 2} | {"hundred": 100.0, "thousand": 1000.0}
_FALL_VERBS = (
    r"cut|cuts|slashed|slashes|reduced|reduces|fell|falls|dropped|drops|declined|declines|shrank|shrinks|"
    r"shrunk|decreased|decreases|plunged|plummeted|lowered|trimmed"
)
_RISE_VERBS = (
    r"rose|rises|risen|increased|increases|grew|grows|grown|jumped|jumps|climbed|climbs|soared|soars|surged|"
    r"surges|expanded|expands|raised|raises|boosted|boosts"
)
_FACTOR = re.compile(
    r"\b(?:(?P<verb>doubl|tripl|trebl|quadrupl|quintupl|halv)(?:ed|es|ing)\b"
    r"(?!\s+(?:down|as|up|over|back|its\s+bet|their\s+bet)\b)"
    r"|(?<=\bto\s)(?P<base>double|triple|treble|quadruple|halve)\b(?!\s+(?:down|as|up|over|back)\b)"
    rf"|(?P<fall>{_FALL_VERBS})\s+(?:by\s+|in\s+)(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+)?"
    rf"(?P<ffrac>{_FRACTION_WORDS})\b(?![\s-]+(?:of|an?)\b)"
    rf"|(?P<rise>{_RISE_VERBS})\s+by\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+)?"
    rf"(?P<rfrac>{_FRACTION_WORDS})\b(?![\s-]+(?:of|an?)\b)"
    r"|(?P<fold>\d+|" + "|".join(_FOLD_WORDS) + r")[\s-]?fold\b)",
    re.IGNORECASE,
)


def _factor(m: re.Match[str], text: str, lo: int, hi: int) -> Quantity | None:
    if m["verb"] or m["base"]:
        value = _FACTOR_VERB[m["verb"].lower() if m["verb"] else m["base"][:-1].lower()]
    elif m["ffrac"] or m["rfrac"]:
        part = _FRACTION_WORD[" ".join((m["ffrac"] or m["rfrac"]).lower().replace("-", " ").split())]
        value = 1 - part if m["fall"] else 1 + part
    else:
        word = m["fold"].lower()
        value = float(word) if word.isdigit() else _FOLD_WORDS[word]
        if value < 2:
            return None
    a = m.start("fold") if m["fold"] else m.start()
    qm = _qualifier(text[max(lo, a - 24) : a])
    start = a - len(qm.group()) if qm else a
    return Quantity(
        start,
        m.end(),
        text[start : m.end()],
        value,
        "factor",
        qualifier=" ".join(qm["q"].lower().split()) if qm else None,
        precision=0.0,
        worded=True,
    )


# "half of the depots", "a third of voters", "two-thirds of them": a share given in words, the percentage it
# is, so "half of" retold as "50% of" is the same figure. Not "the first half of the year", "a quarter of an
# hour" or "half of a pair": a determiner before it, or "a"/"an" after "of".
_SHARE = re.compile(
    rf"(?<![\w-])(?P<frac>{_FRACTION_WORDS})[\s-]+of\s+(?!an?\b|it\b)(?=[a-z])",
    re.IGNORECASE,
)
_NOT_BEFORE_SHARE = re.compile(
    r"\b(?:the|first|second|latter|former|other|this|that|each|every|its|their|his|her|our|my|your)\s+$",
    re.IGNORECASE,
)


def _share(m: re.Match[str], text: str, lo: int, hi: int) -> Quantity | None:
    a = m.start("frac")
    if _NOT_BEFORE_SHARE.search(text[max(lo, a - 12) : a]):
        return None
    value = 100 * _FRACTION_WORD[" ".join(m["frac"].lower().replace("-", " ").split())]
    qm = _qualifier(text[max(lo, a - 24) : a])
    start = a - len(qm.group()) if qm else a
    end = m.end("frac")
    return Quantity(
        start,
        end,
        text[start:end],
        value,
        "percent",
        unit="%",
        qualifier=" ".join(qm["q"].lower().split()) if qm else None,
        precision=0.0,
        worded=True,
    )


# "two in five", "one in every three", "nine out of 10": a share given as a ratio, the percentage it is, so
# "two in five routes" retold as "40% of routes" is the same figure (it read as a 2 and a "five routes").
_RATIO_NUMBER = rf"\d{{1,3}}|{'|'.join(_UNITS_WORDS[1:])}|{'|'.join(_TENS_WORDS)}"
_RATIO = re.compile(
    rf"(?<![\w.,$€£-])(?P<a>{_RATIO_NUMBER})\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<b>{_RATIO_NUMBER})"
    r"(?![\w%]|[.,]\d|-|\s*(?:%|per\s?cent|percent)|\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|"
    r"decades?|games?|matches|races|attempts|tries|innings|rounds|overs|laps|starts|seasons|sets)\b)",
    re.IGNORECASE,
)


def _ratio(m: re.Match[str], text: str, lo: int, hi: int) -> Quantity | None:
    a = _ratio_value(m["a"])
    b = _ratio_value(m["b"])
    # Up to "one in ten": a share of 10% or more, where the 4-point slack of a share in words is fair ("one in
    # 50" -> "one in 100" halves it). And only where a share stands: "killed 2 in 5 attacks" is a count.
    if a is None or b is None or not 0 < a < b <= 10:
        return None
    qm = _qualifier(text[max(lo, m.start() - 24) : m.start()])
    start = m.start() - len(qm.group()) if qm else m.start()
    if not qm and not _RATIO_LEAD.search(text[max(lo, start - 40) : start]):
        return None
    return Quantity(
        start,
        m.end(),
        text[start : m.end()],
        100 * a / b,
        "percent",
        unit="%",
        qualifier=" ".join(qm["q"].lower().split()) if qm else None,
        precision=0.0,
        worded=True,
    )


# Where a share given as a ratio stands: opening a sentence or a clause, after "that", "of", "than" or a word
# of degree ("nearly two in five").
_RATIO_LEAD = re.compile(
    r"(?:^|[.!?;:,(\u2014\u2013\"\u201c]\s*|\b(?:that|of|than|about|around|roughly|nearly|almost|only|just|some|"
    r"over|under|while|and|but|whereas|with|among)\s+)$",
    re.IGNORECASE,
)


def _ratio_value(word: str) -> float | None:
    return float(word) if word.isdigit() else parse_number_words(word)


def _in_words(q: Quantity) -> bool:
    """A multiple or a share written in words ("doubled", "half of"): it restates a change or a share the
    original may give in figures or in other words, so it is compared, never reported as a new figure."""
    return q.worded


_DIGIT = frozenset({"#"})
_NUMBER_WORDS = frozenset(
    [*_UNITS_WORDS, *_TENS_WORDS, "hundred", "thousand", "million", "billion", "trillion", "dozen"]
)
_CURRENCY_LEADS = frozenset("$ € £ ¥ ₹ us c ca a au nz hk s usd eur gbp jpy cny inr chf cad aud".split())
#: Each pattern, its builder, the words it needs, the words a match may open with before them, and how
#: far (characters) before them a match may start (see dates.Scanner).
_PATTERNS: tuple[
    tuple[
        re.Pattern[str],
        Callable[[re.Match[str], str, int, int], Quantity | None],
        frozenset[str],
        frozenset[str],
        int,
    ],
    ...,
] = (
    (_TALLY, _tally, _DIGIT, frozenset(), 8),
    (_BETWEEN, _between_build, _DIGIT, frozenset({"between"}), 24),
    (_CORE, _digits, _DIGIT, _CURRENCY_LEADS, 8),
    (_WORDNUM, _words, _NUMBER_WORDS, frozenset({"a", "an", "half"}), 12),
    (
        _HOURS_IN_WORDS,
        _hours_in_words,
        frozenset({"hour", "hours"}),
        frozenset({"#", "a", "an", "one", "half", "quarter", "three", *_UNITS_WORDS[2:13]}),
        28,
    ),
    (_RATIO, _ratio, frozenset({"#", *_UNITS_WORDS[1:], *_TENS_WORDS}), frozenset(), 0),
    (_ORDINAL_WORD, _ordinal_word, frozenset(_ORDINAL_WORDS), frozenset(_TENS_WORDS), 12),
    (
        _FACTOR,
        _factor,
        frozenset(
            "doubled doubles doubling tripled triples tripling trebled trebles trebling quadrupled quadruples "
            "quadrupling quintupled quintupling halved halves halving double triple treble quadruple halve half "
            "third quarter fifth thirds quarters fold twofold threefold fourfold fivefold sixfold sevenfold "
            "eightfold ninefold tenfold hundredfold thousandfold".split()
        ),
        frozenset(_FALL_VERBS.split("|")) | frozenset(_RISE_VERBS.split("|")) | {"#", *_FOLD_WORDS},
        28,
    ),
    (
        _SHARE,
        _share,
        frozenset({"half", "third", "quarter", "fifth", "thirds", "quarters"}),
        frozenset({"a", "one", "two", "three"}),
        8,
    ),
    (
        _VAGUE_COUNT,
        _vague,
        frozenset({"tens", "dozens", "scores", "hundreds", "thousands", "millions", "billions"}),
        frozenset(),
        0,
    ),
)

#: What every match of these contains (see dates.Scanner): a tally two numbers, "between" a number.
_CORES = {
    _TALLY: re.compile(r"\d\s?(?:[-–—]|to|votes?\s+to)\s?\d"),
    _BETWEEN: re.compile(r"between\s+\d", re.IGNORECASE),
    _RATIO: re.compile(r"\s(?:in|out\s+of)\s", re.IGNORECASE),
}
_SCANNER = Scanner(
    [(pattern, anchors, leads, back) for pattern, _, anchors, leads, back in _PATTERNS],
    [_CORES.get(pattern) for pattern, *_ in _PATTERNS],
)


def figure_words() -> frozenset[str]:
    """The words (lower case) without which no figure is found; a digit is the other way in."""
    return _SCANNER.words


# --- comparison ---------------------------------------------------------------------------------------


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _unit_compatible(d: Quantity, s: Quantity) -> bool:
    """Same kind and unit (or durations of one scale: "70 minutes", "two hours"): the two figures could be the
    same fact."""
    return d.kind == s.kind and (d.unit == s.unit or _one_scale(d, s))


# Duration units a fixed number of the finer apart, by scale: seconds to weeks are one scale, months to centuries
# another (a month is no fixed count of days, so "four weeks" and "a month" are not compared).
_DURATION_SCALE = {
    "second": (0, 1),
    "minute": (0, 60),
    "hour": (0, 3600),
    "day": (0, 86400),
    "week": (0, 604800),
    "month": (1, 1),
    "year": (1, 12),
    "decade": (1, 120),
    "century": (1, 1200),
}


def _one_scale(d: Quantity, s: Quantity) -> bool:
    """Two durations in different units of one scale ("70 minutes" and "two hours", "48 hours" and "two days")."""
    if d.kind != "duration" or s.kind != "duration" or d.unit == s.unit:
        return False
    a, b = _DURATION_SCALE.get(d.unit or ""), _DURATION_SCALE.get(s.unit or "")
    return a is not None and b is not None and a[0] == b[0]


def _in_finer_unit(d: Quantity, s: Quantity) -> tuple[Quantity, Quantity]:
    """Two durations of one scale, the coarser put in the finer's unit ("two hours" as 120 minutes), so value,
    range and precision compare as the same unit's; any other pair as it is."""
    if not _one_scale(d, s):
        return d, s
    a, b = _DURATION_SCALE[d.unit or ""][1], _DURATION_SCALE[s.unit or ""][1]
    coarse, fine = (d, s) if a > b else (s, d)
    factor = max(a, b) / min(a, b)
    scaled = replace(
        coarse,
        value=coarse.value * factor,
        high=None if coarse.high is None else coarse.high * factor,
        also=None if coarse.also is None else coarse.also * factor,
        precision=coarse.precision * factor,
        unit=fine.unit,
    )
    return (scaled, s) if coarse is d else (d, scaled)


def equal(d: Quantity, s: Quantity) -> bool:
    """The same figure, however written. A bare count equals a figure with a unit ("1.2 billion" and
    "$1.2 billion"): a rewrite may leave the unit to the context. A figure inside the other's range
    ("80" and "80-85") counts as equal too: it restates, it does not contradict."""
    d, s = _in_finer_unit(d, s)
    if d.kind == s.kind == "tally":
        # the same two figures in either order: "passed 52-48" and "rejected 48-52" tell the same count,
        # whether the outcome agrees is judged apart (a reversed vote)
        assert d.high is not None and s.high is not None
        return sorted((d.value, d.high)) == sorted((s.value, s.high))
    if "tally" in (d.kind, s.kind) and d.high is not None and s.high is not None:
        # one side read "6-7" as a score, the other, without a word of games or votes near it, as a range
        other = s if d.kind == "tally" else d
        if other.kind == "count" and other.unit is None:
            return sorted((d.value, d.high)) == sorted((s.value, s.high))
    structural = ("ordinal", "tally", "identifier")
    part = _part_fits(d, s)
    if part is not None:
        return part
    if _leaves_restated(d, s):
        return True
    if _in_words(d) or _in_words(s):
        return _words_fit(d, s)
    if VAGUE in (d.qualifier, s.qualifier) and d.kind not in structural and s.kind not in structural:
        return _fits_vague(d, s)
    if (d.high is None) != (s.high is None) and d.kind not in structural and s.kind not in structural:
        # one figure inside the other's range: "80-85 miles" restates "80 miles", never contradicts it
        ranged, single = (d, s) if d.high is not None else (s, d)
        assert ranged.high is not None
        kinds_fit = _unit_compatible(d, s) or d.kind == "count" or s.kind == "count"
        return kinds_fit and ranged.value <= single.value <= ranged.high
    if not any(_close(a, b) for a in _readings(d) for b in _readings(s)):
        return False
    if (d.high is None) != (s.high is None) or (
        d.high is not None and s.high is not None and not _close(d.high, s.high)
    ):
        return False
    if _unit_compatible(d, s):
        return True
    if d.kind in structural or s.kind in structural:
        return False
    return (d.kind == "count" and d.unit is None) or (s.kind == "count" and s.unit is None)


def _words_fit(d: Quantity, s: Quantity) -> bool:
    """A multiple or a share in words against a figure: "doubled" is "tripled" only if qualified ("more than
    doubled"); "half of" is "48%" or "52%" (a share in words is rounded); anything else of its kind differs."""
    if d.kind == "factor" and s.kind == "factor":
        lo_hi = {}
        for q in (d, s):
            cls = _qualifier_class(q)
            lo_hi[id(q)] = (
                q.value * 0.9 if cls in ("approx", "below") else (0.0 if cls in ("upto", "under") else q.value),
                q.value * 1.1 if cls == "approx" else (math.inf if cls == "above" else q.value),
            )
        (a0, a1), (b0, b1) = lo_hi[id(d)], lo_hi[id(s)]
        return a0 <= b1 + 1e-9 and b0 <= a1 + 1e-9
    if d.kind == s.kind == "percent" and d.unit == s.unit == "%" and d.high is None and s.high is None:
        slack = 8.0 if d.qualifier or s.qualifier else 4.0  # "a third" for 30%, not "a quarter"
        return abs(d.value - s.value) <= slack
    if (d.kind == "count" and d.unit is None) or (s.kind == "count" and s.unit is None):
        # "two times" against "doubled"; "half of the 100" against "50": the bare count restates it
        return any(_close(a, b) for a in _readings(d) for b in _readings(s))
    return False


# A percentage given as a change ("rose by 18%", "was cut 40%", "up 12%"), which a "doubled" or "halved"
# restates or contradicts. Not a level reached ("rose to 50%", "fell from 60%"): a share is no change.
_CHANGE_BEFORE = re.compile(
    rf"\b(?:(?P<rise>{_RISE_VERBS}|up)|(?P<fall>{_FALL_VERBS}|down))\s+(?:by\s+)?"
    r"(?:(?!to\b|from\b|at\b|of\b|in\b|on\b)[a-z]+\s+)?$",
    re.IGNORECASE,
)


def _change_points(q: Quantity, text: str) -> float | None:
    """A percentage of change as signed percentage points (+18 for "rose by 18%", -40 for "was cut 40%");
    None for any other figure (a share, "18% of voters", is no change)."""
    if q.kind != "percent" or q.unit != "%" or q.high is not None:
        return None
    m = _CHANGE_BEFORE.search(text, max(0, q.start - 30), q.start)
    if m is None:
        return None
    return q.value if m["rise"] else -q.value


def _change_fits(factor: Quantity, percent: Quantity, points: float) -> bool:
    """A multiple in words against a change in percent, both in percentage points with the slack a percentage
    in words gets against a figure (4 points, 8 with a qualifier): "fell 66%" is "fell by two-thirds", "rose 98%"
    is "doubled", "fell 49%" is "halved"; "rose by 18%" is not "doubled". A qualifier that bounds one side
    ("more than doubled") fits any figure past its bound."""
    mine = (factor.value - 1) * 100
    slack = 8.0 if factor.qualifier or percent.qualifier else 4.0
    # a multiple is as coarse as its size: "rose 190%" is "tripled" as "rose 98%" is "doubled"
    slack = max(slack, abs(mine) * (0.1 if factor.qualifier or percent.qualifier else 0.05))
    if abs(mine - points) <= slack:
        return True
    if mine * points <= 0:
        return False  # one rose, the other fell
    up = points > 0
    fcls, pcls = _qualifier_class(factor), _qualifier_class(percent)
    # "almost tripled" for "rose by 180%", "nearly quadrupled" for "rose 290%": short of the multiple, within
    # a quarter of it ("nearly doubled" is no "rose 34%")
    if fcls == "below" and (mine * 0.75 <= points <= mine if up else mine <= points <= mine * 0.75):
        return True
    # past the bound in the direction the qualifier opens: "more than doubled" for "rose 130%"
    if fcls == "above" and (points >= mine if up else points <= mine):
        return True
    return pcls == "above" and (mine >= points if up else mine <= points)


def _multiple_against_change(d: Quantity, d_text: str, open_s: list[Quantity], s_text: str) -> Quantity | None:
    """The source figure a multiple in words contradicts when one side gives the change as a percentage:
    "rose by 18%" -> "doubled", "rose by 100%" -> "tripled", "doubled" -> "rose 50%" ("rose by 98%" ->
    "doubled" is the same figure: None). Only a leftover figure of the source in the same frame (the same word
    before or after it) is paired: "profits doubled" is not "sales up 12%"."""
    for s in open_s:
        if d.kind == "factor" and s.kind == "percent":
            points = _change_points(s, s_text)
            if points is not None and not _change_fits(d, s, points) and _same_changer(d, d_text, s, s_text):
                return s
        elif d.kind == "percent" and s.kind == "factor":
            points = _change_points(d, d_text)
            if points is not None and not _change_fits(s, d, points) and _same_changer(d, d_text, s, s_text):
                return s
    return None


def _same_changer(d: Quantity, d_text: str, s: Quantity, s_text: str) -> bool:
    """``_same_frame``, or the same thing changing: "profit rose by 34%" and "profit doubled" both tell of
    profit, though "rose by" stands between the word and the percentage; "sales up 12%" is not "profits
    doubled"."""
    if _same_frame(d, d_text, s, s_text):
        return True

    def changer(text: str, q: Quantity) -> str | None:
        at = q.start
        if q.kind == "percent":
            m = _CHANGE_BEFORE.search(text, max(0, q.start - 30), q.start)
            if m is None:
                return None
            at = m.start()
        words = re.findall(r"[A-Za-z]+", text[max(0, at - 40) : at])
        return words[-1].lower() if words else None

    dw, sw = changer(d_text, d), changer(s_text, s)
    return dw is not None and dw == sw and dw not in STOPWORDS


def _part_fits(d: Quantity, s: Quantity) -> bool | None:
    """Two parts of the same whole, one of them with a count it leaves ("all but two of the 37", "half of the
    600"): whether they give the same count of it; None when this is no such pair. The literal figure of "all
    but two" or the 50 of "half" is no count of the whole: "50 of the 600" changes "half of the 600", "35 of the 37"
    or "three of the 37" change "all but two of the 37"; "two of the 37" may tell its other end and stays quiet."""
    if d.whole is None or s.whole is None or not _close(d.whole, s.whole):
        return None
    if d.leaves is None and s.leaves is None:
        return None

    def count(q: Quantity) -> float:
        return q.leaves if q.leaves is not None else q.value

    shares = [q for q in (d, s) if q.kind == "percent"]
    if len(shares) == 2:
        return None  # two shares of one whole: the percent rules judge them
    if shares:
        share = shares[0]
        other = s if share is d else d
        if other.kind != "count" or other.high is not None:
            return None
        # "about half of the 600" is a rounded share: "280 of the 600" restates it as "48%" would
        slack = 8.0 if share.qualifier or other.qualifier else 4.0
        return abs(count(other) - count(share)) <= slack / 100 * d.whole + 1e-9
    if not (d.kind == s.kind == "count" and d.high is None and s.high is None):
        return False
    if _close(count(d), count(s)):
        return True
    # Only one side leaves a count: "reached all but two of the 37" and "two of the 37 were still out of
    # reach" tell the same thing from opposite ends, which the grammar cannot tell from "reached two of the
    # 37". The written figures agreeing is taken as a restatement: a false alarm costs more than a miss.
    return (d.leaves is None) != (s.leaves is None) and _close(d.value, s.value)


def _leaves_restated(d: Quantity, s: Quantity) -> bool:
    """True when one side gives a part of a whole with the count it leaves ("half of the 600 workers", "40% of
    the 600 workers", "all but two of the 37 districts") and the other a bare count of the same things equal to
    it ("some 300 workers", "about 240 workers", "35 districts"): the rewrite did the sum. The counted things
    must be the whole's: "300 homes" is no count of "half of the 600 residents"."""
    parts = [q for q in (d, s) if q.whole is not None and q.leaves is not None]
    if len(parts) != 1:
        return False
    part = parts[0]
    other = s if part is d else d
    if other.whole is not None or other.kind != "count" or other.high is not None or other.unit is not None:
        return False
    if not set(part.whole_noun) & set(other.noun):
        return False
    assert part.whole is not None and part.leaves is not None
    if part.kind != "percent":
        return _close(other.value, part.leaves)
    # the slack is of the count the part leaves, never of the whole ("5% of the 60,000" is no "5,000"): a share
    # in words is a rounded one ("a third", "a quarter", "nearly half": a tenth either way; a plain "half" is
    # exact enough to say a twentieth: "half of the 600" is no "some 330"), a digit percent an exact one,
    # rounded only with a qualifier ("about 40% of the 60,000" -> "about 24,500")
    if part.worded:
        rel = 0.05 if abs(part.value - 50) < 1e-9 and not part.qualifier else 0.10
    else:
        rel = 0.05 if part.qualifier or other.qualifier else 0.01
    return abs(other.value - part.leaves) <= rel * part.leaves + 1e-9


def _fits_vague(d: Quantity, s: Quantity) -> bool:
    """An order of magnitude against a figure or another one: the same fact when they can be the same number
    ("thousands" and "tens of thousands"; "dozens" and "at least 20"; "3,000" and "thousands")."""
    if not (_unit_compatible(d, s) or d.kind == "count" or s.kind == "count"):
        return False
    d, s = _in_finer_unit(d, s)
    low = {}
    high = {}
    for q in (d, s):
        top = q.high if q.high is not None else q.value
        cls = _qualifier_class(q) if q.qualifier != VAGUE else None
        low[id(q)] = q.value * 0.8 if cls in ("approx", "below") else (0.0 if cls in ("upto", "under") else q.value)
        high[id(q)] = top * 1.25 if cls == "approx" else (math.inf if cls == "above" else top)
    return low[id(d)] <= high[id(s)] and low[id(s)] <= high[id(d)]


def _readings(q: Quantity) -> tuple[float, ...]:
    """A figure's possible values: "24.000" is 24 in English and 24,000 in much of Europe; "2 150", grouped
    by a plain space, is 2,150 or, as in "by lap 2 150 runners had quit", a 2 and a 150."""
    if (
        q.precision == 0.001
        and q.value < 1000
        and "." in q.text
        and (
            q.kind in ("count", "money")
            # A measure to three decimals is English in imperial units ("2.125 inches", "1.375 miles") unless its
            # last decimal is a zero no measurement writes ("1.500 miles"); in metric ones, which English seldom
            # writes to three decimals, as likely a translation's grouping dot ("3.962 metres", "950.000 tonnes")
            or (
                q.kind == "measure" and (q.unit not in _IMPERIAL_UNITS or _GROUPING_DOT_ZERO.search(q.text) is not None)
            )
        )
    ):
        return (q.value, q.value * 1000)
    if q.also is not None:
        return (q.value, q.also)
    spaced = _SPACE_GROUPED.search(q.text)
    if spaced:
        return (q.value, float(spaced["head"]), _value_of_digits(spaced["tail"])[0])
    return (q.value,)


_GROUPING_DOT_ZERO = re.compile(r"\d\.\d\d0(?!\d)")
# The units of ``_MEASURE_UNIT`` that English measures are written in to three decimals (an inch's eighths)
_IMPERIAL_UNITS = frozenset({"mile", "ft", "in", "yd", "acre", "ton", "lb", "oz", "gal", "bbl", "mph", "degF"})
_SPACE_GROUPED = re.compile(r"(?<![\d,.])(?P<head>\d{1,3}) (?P<tail>\d{3}(?: \d{3})?(?:\.\d+)?)(?![\d,])")


def approx(d: Quantity, s: Quantity) -> bool:
    """The same figure, rounded: within half a unit of the coarser figure's last digit, and 5%."""
    if d.high is not None or s.high is not None or d.kind in ("ordinal", "tally", "identifier"):
        return False
    if not _unit_compatible(d, s):
        return False
    d, s = _in_finer_unit(d, s)
    unit = max(d.precision, s.precision)
    if unit <= 1.0 and d.precision == s.precision:
        return False  # "30%" and "31%": both exact, so different
    diff = abs(d.value - s.value)
    return diff <= unit / 2 + 1e-9 and diff <= 0.05 * max(abs(d.value), abs(s.value))


# A lower bound a rewrite may put for an exact figure when it is still true and not far below it ("killed 140
# people" -> "more than 100 people"): half the figure, or nine tenths for a bound that says it is close.
_LOWER_BOUND_SHARE = {"just over": 0.9, "just above": 0.9}


def _true_lower_bound(d: Quantity, s: Quantity) -> bool:
    """True when ``d`` is a lower bound ("more than 100", "well over 100") that the source figure ``s`` (140)
    keeps true and not far above: no changed figure. "more than 200" for 140 is false, "more than 20" for 140
    too far below to say the same."""
    if d.kind in ("ordinal", "tally", "identifier", "age") or d.high is not None or s.high is not None:
        return False
    if _qualifier_class(d) != "above" or _qualifier_class(s) in _BOUNDS - {"above"}:
        return False
    if not _unit_compatible(d, s) or not _nouns_compatible(d, s) or d.value <= 0:
        return False
    # "more than an hour" for "70 minutes": a bound in a coarser unit is rounder than the figure by that unit
    coarser = _one_scale(d, s) and _DURATION_SCALE[d.unit or ""][1] > _DURATION_SCALE[s.unit or ""][1]
    d, s = _in_finer_unit(d, s)
    share = _LOWER_BOUND_SHARE.get(d.qualifier or "", 0.5)
    if not share * s.value <= d.value < s.value:
        return False
    if coarser:
        return True
    # a bound rounds down to a rounder figure ("more than 100" for 140, "more than 2 million" for 2.4
    # million); "at least 14" for 16 is another count, not the same one rounded
    if d.value != int(d.value) or s.value != int(s.value):
        return False
    step = 10
    while int(d.value) % (step * 10) == 0:
        step *= 10
    return int(d.value) % step == 0 and int(s.value) % step != 0


# How far below a round figure "nearly" (or "almost", "close to", "just under") may leave the true one: "nearly
# 200" for 190, "nearly $5 million" for $4.7 million; not "nearly 200" for 180.
_NEARLY_SHARE = 0.06


def _nearly_round(d: Quantity, s: Quantity) -> bool:
    """True when ``d`` is a round figure the source figure ``s`` falls just short of, told as such ("nearly 200
    workers" for 190): a rounding up, no changed figure. Small round figures are exact ("600"), so ``approx``
    alone does not pair them."""
    if d.kind in ("ordinal", "tally", "identifier", "age") or d.high is not None or s.high is not None:
        return False
    if _qualifier_class(d) != "below" or _qualifier_class(s) in _BOUNDS:
        return False
    if not _unit_compatible(d, s) or not _nouns_compatible(d, s):
        return False
    d, s = _in_finer_unit(d, s)
    round_ = d.precision >= 10 or (d.value == int(d.value) and int(d.value) % 10 == 0)
    return round_ and 0 < d.value - s.value <= _NEARLY_SHARE * d.value + 1e-9


def _sum_of(d: Quantity, figures: list[Quantity]) -> bool:
    """True when the figure is the sum of two or more figures of the same kind in the source sentences."""
    values = [s.value for s in figures if _unit_compatible(d, s) and s.high is None]
    if len(values) < 2 or len(values) > 8:
        return False
    sums = {0.0}
    for v in values:
        sums |= {x + v for x in sums}
    return any(_close(d.value, x) for x in sums - set(values) - {0.0})


def _nouns_compatible(d: Quantity, s: Quantity) -> bool:
    if d.kind not in ("count", "ordinal"):
        return True
    if not d.noun or not s.noun:
        return True
    if set(d.noun) & set(s.noun):
        return True
    return d.people and s.people


def _same_things(d: Quantity, s: Quantity) -> bool:
    """Could two equal figures count the same things? Not a count of people and a figure of another kind
    ("five workers" and "more than five hours"). (Two counts of things named differently may still be one:
    a summary names what it counts in its own words.)"""
    return not (
        (d.kind == "count" and d.people and s.kind != "count") or (s.kind == "count" and s.people and d.kind != "count")
    )


def _nouns_agree(d: Quantity, s: Quantity) -> bool:
    return bool(set(d.noun) & set(s.noun)) or (d.people and s.people)


# What makes a count of people a death toll: the counted word ("three deaths", "two dead", "five victims'
# lives") or the verb of dying right before or after it ("killing two people", "two people died", "left
# three people dead").
_DEATH_NOUNS = frozenset(stem(w) for w in "deaths death dead fatalities fatality lives bodies".split())
_DEATH_BEFORE = re.compile(r"\b(?:kill(?:ed|ing|s)|claim(?:ed|ing|s)|death\s+toll\s+(?:of|at|to|rose\s+to))\s+$", re.I)
_DEATH_AFTER = re.compile(
    r"^\s+(?:[a-z]+\s+){0,2}?(?:died|dead|were\s+killed|have\s+been\s+killed|lost\s+their\s+lives)\b", re.I
)


def _death_toll(q: Quantity, text: str) -> bool:
    """True for a count of the dead: a changed toll told in other words is a changed figure, not new text."""
    if q.kind != "count" or not q.people:
        return False
    if set(q.noun) & _DEATH_NOUNS:
        return True
    return bool(
        _DEATH_BEFORE.search(text[max(0, q.start - 30) : q.start]) or _DEATH_AFTER.match(text[q.end : q.end + 40])
    )


def death_toll_changes(s_text: str, d_text: str) -> list[Finding]:
    """A death toll in ``d_text`` (a headline) that none of the death tolls of ``s_text`` (the original's
    headline and the paragraphs it draws on) gives, where they give one: "Millbrook factory fire kills five",
    "... Leaves Five Dead" for "Three workers were killed". A headline says the toll in its own words, so it
    seldom lines up with the sentence that gives it; the toll is compared as a toll. No toll in the original
    leaves nothing to compare with (the headline's added claims are judged elsewhere)."""
    tolls = [q for q in extract_quantities(s_text) if _death_toll(q, s_text)]
    if not tolls:
        return []
    found = []
    for d in extract_quantities(d_text):
        if not _death_toll(d, d_text):
            continue
        if any(equal(d, s) or approx(d, s) or _true_lower_bound(d, s) for s in tolls):
            continue
        found.append(_changed(d, tolls[0], (s_text, d_text)))
    return found


def _cut_off(text: str, q: Quantity) -> bool:
    """True when a text ends right after the figure, with no closing punctuation: a truncated text."""
    return not text[q.end :].strip()


def _qualifier_class(q: Quantity) -> str | None:
    return _QUALIFIER_CLASS.get(q.qualifier) if q.qualifier else None


def _plain(q: Quantity) -> bool:
    """A single figure in digits, no range, tally, words or order of magnitude: ``equal`` holds for two such
    only when a reading of one is the other's, and ``approx`` only within 5% of each other."""
    return q.kind != "tally" and q.high is None and not _in_words(q) and q.qualifier != VAGUE


#: Figures compared one with another, at most, before ``_FigureIndex`` narrows the pairs: two lists of
#: thousands (a run-on list of results) took seconds pair by pair.
_PAIRWISE_CAP = 4096


class _FigureIndex:
    """The figures of a list by value, to find the ones that may be ``equal`` or ``approx`` to a figure
    without reading every pair: the plain figures (``_plain``) within 6/94 of one of its readings (6% of the
    larger of two values), and every other one. ``near`` gives a superset of the matches, in list order."""

    def __init__(self, qs: list[Quantity]) -> None:
        self.qs = qs
        # a part of a whole may match by the count it leaves (``_part_fits``), which no reading holds
        self.other = [k for k, q in enumerate(qs) if not _plain(q) or q.whole is not None or q.kind == "duration"]
        points = sorted((r, k) for k, q in enumerate(qs) if _plain(q) for r in _readings(q))
        self.values = [v for v, _k in points]
        self.ids = [k for _v, k in points]

    def near(self, d: Quantity) -> list[int]:
        # (a duration may match one in another unit, "two hours" for "120 minutes", which no reading holds)
        if not _plain(d) or d.kind == "duration":
            return list(range(len(self.qs)))
        found = set(self.other)
        for r in _readings(d):
            # (6% of the larger value: a round figure "nearly" tells, ``_nearly_round``)
            slack = abs(r) * _NEARLY_SHARE / (1 - _NEARLY_SHARE) + 1e-6 * max(1.0, abs(r))
            lo = bisect.bisect_left(self.values, r - slack)
            hi = bisect.bisect_right(self.values, r + slack)
            found.update(self.ids[lo:hi])
        return sorted(found)


def _matching(d: Quantity, qs: list[Quantity], index: _FigureIndex | None) -> list[tuple[int, Quantity]]:
    """The figures of ``qs`` (with their positions) that may match ``d``: all, or those ``index`` gives."""
    if index is None:
        return list(enumerate(qs))
    return [(k, qs[k]) for k in index.near(d)]


def number_findings(alignment: Alignment) -> list[Finding]:
    """``number_changed`` findings for every link whose derived side restates a source side.

    Per link: each derived figure is matched to an equal figure of the linked source sentences (a
    changed qualifier or a rounding is at most 'low'); a figure left over that appears nowhere in the
    source is paired, in text order, with a leftover source figure of the same kind that the derived
    article gives fewer times than the source (usually never). Only such pairs are changes.
    """
    src, der = alignment.source, alignment.derived
    s_cache: dict[int, list[Quantity]] = {}
    d_cache: dict[int, list[Quantity]] = {}

    def s_q(i: int) -> list[Quantity]:
        if i not in s_cache:
            sent = src.sentences[i]
            s_cache[i] = extract_quantities(src.text, sent.start, sent.end)
        return s_cache[i]

    def d_q(i: int) -> list[Quantity]:
        if i not in d_cache:
            sent = der.sentences[i]
            d_cache[i] = extract_quantities(der.text, sent.start, sent.end)
        return d_cache[i]

    all_src: list[Quantity] | None = None
    all_der: list[Quantity] | None = None
    src_index: _FigureIndex | None = None
    der_index: _FigureIndex | None = None
    texts = (src.text, der.text)
    findings: list[Finding] = []
    blur_checks: list[tuple[Link, list[Quantity]]] = []
    for link in alignment.links:
        if not link.source or link.kind == "added":
            continue
        if link.kind == "verbatim" and _same_tokens(alignment, link.source, link.derived):
            continue
        S = [q for j in link.source for q in s_q(j)]
        D = [q for i in link.derived for q in d_q(i)]
        if S and link.kind in ("near_verbatim", "paraphrase"):
            blur_checks.append((link, S))
        split = _split_vote_as_unanimous(alignment, link, S, D) or _vote_margin_retold(alignment, link, S, D)
        if split is not None:
            findings.append(split)
        if not D:
            continue
        if not S:
            if all_src is None:
                all_src = extract_quantities(src.text)
                src_index = _FigureIndex(all_src)
            findings.extend(_unknown(d, texts) for d in D if _is_unknown(d, link, all_src, der.text, src.text))
            continue
        matched: set[int] = set()
        open_d: list[Quantity] = []
        s_index = _FigureIndex(S) if len(D) * len(S) > _PAIRWISE_CAP else None
        for d in D:
            candidates = _matching(d, S, s_index)
            eq = [k for k, s in candidates if equal(d, s)]
            if eq:
                matched.update(eq)
                findings.extend(_same_figure_findings(d, [S[k] for k in eq], texts))
                continue
            near = [k for k, s in candidates if approx(d, s) and k not in matched]
            if near:
                matched.update(near)
                if all_src is None:
                    all_src = extract_quantities(src.text)
                    src_index = _FigureIndex(all_src)
                # equal to another source figure: not a rounding
                if not any(equal(d, o) for _k, o in _matching(d, all_src, src_index)):
                    f = _rounded(d, S[near[0]], texts)
                    if f:
                        findings.append(f)
                continue
            bound = [k for k, s in candidates if k not in matched and _true_lower_bound(d, s)]
            if bound:
                matched.update(bound)
                continue  # "more than 100" for "140": true, only less precise
            clock = [k for k, s in candidates if _same_match_time(d, der.text, s, src.text)]
            if clock:
                matched.update(clock)
                continue  # "with 19 minutes left" for "in the 71st minute"
            below = [k for k, s in candidates if k not in matched and _nearly_round(d, s)]
            if below:
                matched.update(below)
                continue  # "nearly 200" for 190: rounded up, and says so
            open_d.append(d)
        if not open_d:
            continue
        if all_src is None:
            all_src = extract_quantities(src.text)
            src_index = _FigureIndex(all_src)
        if all_der is None:
            all_der = extract_quantities(der.text)
            der_index = _FigureIndex(all_der)
        # (equal and approx are symmetric in what the index narrows: the same values either way round)
        # A figure the derived article still gives elsewhere was moved, not changed, unless the derived article
        # gives it fewer times than the original: "$68bn" kept in the headline but changed in the body.
        given = {k: _times_given(s, all_der, der_index) for k, s in enumerate(S) if k not in matched}
        open_s = [s for k, s in enumerate(S) if k in given and given[k] < _times_given(s, all_src, src_index)]
        # such a figure still given elsewhere pairs only with a figure in its own frame: "receive $86 billion" for
        # "receive $68 billion"; "a $1 million grant" beside "the money" for "the $4 million" is a new figure
        kept_elsewhere = {id(s) for k, s in enumerate(S) if given.get(k)}
        used: set[int] = set()
        for d in open_d:
            if _cut_off(der.text, d):
                continue  # the text stops right after the figure: truncated ("over 6" of "over 6,000")
            if any((equal(d, o) or approx(d, o)) and _same_things(d, o) for _k, o in _matching(d, all_src, src_index)):
                # the figure is the source's, from elsewhere: moved, not changed. Only a figure of the same
                # things: "Five workers lost their lives" for "Three workers were killed" is a changed toll,
                # whatever "more than five hours" the original gives elsewhere.
                continue
            if _sum_of(d, S):
                continue  # "more than 60 ... and another 40" told as "over 100": added up, not changed
            if _period_restated(d, der.text, src.text) or any(
                _same_match_time(d, der.text, o, src.text) for o in all_src if o.kind == "ordinal"
            ):
                continue  # "the final three months" for the fourth quarter, a match minute told from the end
            added = any(a <= d.start and d.end <= b for a, b in link.unsupported)
            options = [
                (k, s)
                for k, s in enumerate(open_s)
                if k not in used
                and _unit_compatible(d, s)
                and _nouns_compatible(d, s)
                # in a clause the source does not support, only a figure that plainly restates a source
                # figure is a change ("a 45-year-old teacher" for "54, a teacher"); the rest is added
                and (
                    not added
                    or d.kind in ("age", "tally")
                    or set(d.noun) & set(s.noun)
                    # a death toll in other words: "killing two people" -> "causing three deaths"
                    or (_death_toll(d, der.text) and _death_toll(s, src.text))
                )
                # a loose link needs the counted things to agree, not just to be unknown
                and (link.kind != "partial" or d.kind != "count" or _nouns_agree(d, s))
                and (id(s) not in kept_elsewhere or _same_frame(d, der.text, s, src.text))
            ]
            if not options:
                moved = _multiple_against_change(
                    d, der.text, [s for k, s in enumerate(open_s) if k not in used], src.text
                )
                if moved is not None:
                    used.add(next(k for k, s in enumerate(open_s) if s is moved))
                    findings.append(_changed(d, moved, texts))
                    continue
                if _is_unknown(d, link, all_src, der.text, src.text):
                    findings.append(_unknown(d, texts))
                continue
            k, s = max(options, key=lambda ks: (len(set(d.noun) & set(ks[1].noun)), -ks[0]))
            used.add(k)
            findings.append(_changed(d, s, texts))
    # A figure reported as changed was not blurred: only the figures no other finding speaks for.
    told = {f.source for f in findings}
    for link, S in blur_checks:
        open_s = [q for q in S if (q.start, q.end) not in told]
        findings.extend(_blurred(alignment, link, open_s))
        whole = _share_as_whole(alignment, link, open_s)
        if whole is not None:
            findings.append(whole)
    return findings


_UNANIMOUS = re.compile(r"\bunanimous(?:ly)?\b|\bwithout\s+(?:a\s+)?dissent\b", re.IGNORECASE)
# What makes a tally a vote, not a score ("Arsenal beat Liverpool 2-1"): a vote word in the same sentence.
_VOTE_WORD = re.compile(r"\b(?:vot(?:e|es|ed|ing)|ruled?|approv(?:e|es|ed|ing)|panel|jury)\b", re.IGNORECASE)
# "not unanimous", "far short of the unanimous support", "less than unanimous": no claim all agreed.
_UNANIMOUS_DENIED = re.compile(
    r"\b(?:not|n't|never|no|short\s+of|less\s+than|far\s+from|rather\s+than|instead\s+of|without|anything\s+but)\s+"
    r"(?:[A-Za-z']+\s+){0,2}$"
    # "less-than-unanimous", "non-unanimous"
    r"|\b(?:non|less-than|not)-$",
    re.IGNORECASE,
)
# "the appeals court's unanimous ruling": a vote of the body named before it (``_other_body``).
_UNANIMOUS_OWNER = re.compile(r"(?P<owner>(?:[A-Za-z][\w.\-]*\s+){0,2}[A-Za-z][\w.\-]*?)(?:['\u2019]s?|s['\u2019])\s+$")
_OWNER_SKIP = frozenset(
    {"the", "a", "an", "its", "their", "his", "her", "this", "that", "on", "in", "of", "and", "but"}
)
# The verb a voting body is the subject of: "The Supreme Court voted 6-3", "the board approved the deal 5-4".
_BODY_VERB = re.compile(r"\b(?:vot(?:e|es|ed)|approv(?:e|es|ed)|ruled?|backed|passed|rejected)\b", re.IGNORECASE)


def _other_body(text: str, sentence: tuple[int, int], tally: int, before: str) -> bool:
    """Whether the possessor right before "unanimous" ("the appeals court's unanimous ruling") is not the body
    whose split vote the original tells (``tally``, in ``sentence`` of ``text``: "The Supreme Court voted 6-3"):
    then the unanimous vote is another one. "The council voted 7-2" -> "The council's unanimous vote" is that
    very vote."""
    m = _UNANIMOUS_OWNER.search(before)
    if m is None:
        return False
    words = m["owner"].split()
    cut = max((i + 1 for i, w in enumerate(words) if w.lower() in _OWNER_SKIP), default=0)
    if cut == 0:
        # no article to start the name: the head and the capitalised words before it ("Friday overturned
        # Senate's" is the Senate's)
        cut = len(words) - 1
        while cut > 0 and words[cut - 1][:1].isupper():
            cut -= 1
    owner = [w.lower() for w in words[cut:]]
    # the tally's own verb: the last before it ("voted 6-3", "approved the deal 5-4"), else the first after
    # ("in a 6-3 vote, the court ruled"); "which the planning board had backed" is another body's verb
    verbs = list(_BODY_VERB.finditer(text, sentence[0], sentence[1]))
    verb = next((v for v in reversed(verbs) if v.start() < tally), verbs[0] if verbs else None)
    if verb is None or not owner:
        return False
    # the voting body: the words of the verb's clause right before it
    clause = re.split(r"[,;:()\u2014\u2013]", text[max(sentence[0], verb.start() - 60) : verb.start()])[-1]
    body = {w.lower() for w in re.findall(r"[A-Za-z][\w.\-]*", clause)[-4:]}
    return not all(w in body for w in owner)


# "unanimous vote/decision/verdict/ruling/approval": the vote itself, as "voted 2-1" is.
_VOTE_NOUN = re.compile(r"\s*(?:vote|decision|verdict|ruling|approval|backing|judgment|judgement)\b", re.IGNORECASE)


def _same_vote(src_sentence: str, der_text: str, m: re.Match[str]) -> bool:
    """Whether "unanimous(ly)" at ``m`` tells of the original sentence's vote: it stands by a verb that sentence
    has ("voted 2-1 to uphold" -> "unanimously upheld"; "approved the bill 52-48" -> "approved ... unanimously"),
    or it qualifies a vote noun ("a unanimous verdict"). "A deal shareholders had unanimously backed" is
    another vote."""
    if _VOTE_NOUN.match(der_text, m.end()):
        return True
    after = re.match(r"\s+([A-Za-z]+)", der_text[m.end() :])
    before = re.search(r"([A-Za-z]+)\s+$", der_text[max(0, m.start() - 30) : m.start()])
    stems = {w.lower()[:4] for w in re.findall(r"[A-Za-z]+", src_sentence) if len(w) > 3}
    return any(g is not None and len(g.group(1)) > 3 and g.group(1).lower()[:4] in stems for g in (after, before))


# Where a vote's subject is looked for: back to the clause's start ("..., a month after the House unanimously").
_SUBJECT_CLAUSE_BREAK = re.compile(r"[,;:()\u2014\u2013]|\b(?:after|before|when|while|as|since|than|and|but)\b")
_NAME_WORD = re.compile(r"\b[A-Z][\w'\u2019-]*")
_DATE_WORD = re.compile(rf"(?:{_MONTH_FULL}|{_WEEKDAY})\b")


_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being|get|got)\s+$", re.IGNORECASE)
# The voting body right before "unanimously", as the clause's subject: "the House (also|had|in March) unanimously".
_SUBJECT_BEFORE = re.compile(r"\b[A-Z][\w'\u2019-]*(?:\s+[\w'\u2019-]+){0,2}\s+$")


def _voter(text: str, start: int, end: int) -> str | None:
    """The last capitalised word of the clause before ``end`` (from ``start`` on): the body that votes ("The
    Senate voted 52-48" -> "Senate", "a month after the House unanimously" -> "House"). None when the clause
    names none ("The bill passed unanimously")."""
    clause = _subject_phrase(text, start, end)
    names = [
        w.group().removesuffix("'s").removesuffix("\u2019s")
        for w in _NAME_WORD.finditer(clause)
        if w.group().lower() not in STOPWORDS and not _DATE_WORD.match(w.group())
    ]
    return names[-1] if names else None


def _unanimous_split(
    src: Document, link: Link, split: list[Quantity], der_text: str, start: int, m: re.Match[str]
) -> Quantity | None:
    """The split vote a "unanimous(ly)" at ``m`` tells of, or None when it is another body's vote that the linked
    original sentence names beside the split one: "The Senate voted 52-48 ..., a month after the House passed
    its own version" -> "..., a month after the House unanimously passed its own version". A body of its own
    only when the suspect names it and the original names it and no split vote of it: "The bill passed
    unanimously", "The Senate unanimously passed" and "the House unanimously" for a House vote of 220-211 are
    still a split vote told as unanimous."""
    before = der_text[max(start, m.start() - 40) : m.start()]
    unanimous_by = _voter(der_text, start, m.start())
    if unanimous_by is None or _PASSIVE_BEFORE.search(before) or not _SUBJECT_BEFORE.search(before):
        # "Judge Smith was unanimously confirmed": the name is what was voted on, not who voted
        return split[0]
    voters = []
    subjects = []
    for q in split:
        sentence = next((src.sentences[j] for j in link.source if src.sentences[j].start <= q.start), None)
        voters.append(_voter(src.text, sentence.start, q.start) if sentence is not None else None)
        subjects.append(_subject_phrase(src.text, sentence.start, q.start) if sentence is not None else "")
    # the same body when its word is anywhere in the tally's subject: "The House of Representatives voted
    # 220-211" -> "The House unanimously", "The Senate Commerce Committee voted 14-12" -> "A Senate panel"
    word = re.compile(rf"\b{re.escape(unanimous_by)}\b", re.IGNORECASE)
    same = next((q for q, phrase in zip(split, subjects, strict=True) if word.search(phrase)), None)
    if same is not None or any(by is None for by in voters):
        return same or split[0]
    # another body only when the original tells that body's own vote ("a month after the House passed its own
    # version"), not when it only names it ("which now goes to the House")
    linked = " ".join(src.text[src.sentences[j].start : src.sentences[j].end] for j in link.source)
    own_vote = re.compile(rf"\b{re.escape(unanimous_by)}\b(?:\s+[\w'\u2019-]+){{0,3}}?\s+{_BODY_VERB.pattern}")
    return None if own_vote.search(linked) else split[0]


def _subject_phrase(text: str, start: int, end: int) -> str:
    """The clause before a tally, from its last break on: the voting body's words ("The House of
    Representatives voted")."""
    clause = text[start:end]
    breaks = list(_SUBJECT_CLAUSE_BREAK.finditer(clause))
    return clause[breaks[-1].end() :] if breaks else clause


def _split_vote_as_unanimous(alignment: Alignment, link: Link, S: list[Quantity], D: list[Quantity]) -> Finding | None:
    """ "voted 2-1 to uphold" -> "unanimously upheld": a split vote told as one all agreed on. The tally has
    no figure in the suspect to be paired with, so the figure checks never see it."""
    split = [q for q in S if q.kind == "tally" and q.high and q.value]
    if not split or any(q.kind == "tally" for q in D):
        return None
    src, der = alignment.source, alignment.derived
    if any(_UNANIMOUS.search(src.text, src.sentences[j].start, src.sentences[j].end) for j in link.source):
        return None
    src_text = " ".join(src.text[src.sentences[j].start : src.sentences[j].end] for j in link.source)
    if not _VOTE_WORD.search(src_text):
        return None  # a score, not a vote
    tally_sentence = next(
        ((s.start, s.end) for s in (src.sentences[j] for j in link.source) if s.start <= split[0].start < s.end),
        (split[0].start, split[0].end),
    )
    for i in link.derived:
        start = der.sentences[i].start
        m = _UNANIMOUS.search(der.text, start, der.sentences[i].end)
        if (
            m is not None
            and not _UNANIMOUS_DENIED.search(der.text[max(start, m.start() - 40) : m.start()])
            and not _other_body(
                src.text, tally_sentence, split[0].start, der.text[max(start, m.start() - 40) : m.start()]
            )
            and _same_vote(src_text, der.text, m)
            and (q := _unanimous_split(src, link, split, der.text, start, m)) is not None
        ):
            return Finding(
                type="number_changed",
                severity="high",
                subtype="changed",
                detail=f"tally or score changed: a split vote ({q.text}) became \u201c{m.group()}\u201d",
                derived=m.span(),
                source=(q.start, q.end),
                before=q.text,
                after=m.group(),
            )
    return None


# A vote's margin in words: close ("narrowly voted", "by a slim margin", "a split decision") or wide
# ("overwhelmingly approved", "by a landslide"). The adjectives of everyday use ("a close ally", "a split in the
# party", "wide support") only on a vote's noun.
_VOTE_NOUNS = r"(?=[\s-]+(?:majority|margin|vote|decision|verdict|ruling)\b)"
_NARROW_VOTE = re.compile(
    r"\b(?:narrow(?:ly)?|(?:razor|wafer)[\s-]thin|single[\s-]vote|one[\s-]vote|(?:slim|tight|close|split|divided)"
    + _VOTE_NOUNS
    + r")\b",
    re.IGNORECASE,
)
_WIDE_VOTE = re.compile(
    r"\b(?:overwhelming(?:ly)?|landslide|resounding(?:ly)?|(?:wide|comfortable|large|huge)" + _VOTE_NOUNS + r")\b",
    re.IGNORECASE,
)
# The margin word must speak of the vote: by its verb ("narrowly voted", "approved ... narrowly") or its noun ("a
# narrow majority", "by a slim margin", "a split decision"); "a close ally", "a split in the party" are not.
_VOTE_NEAR = re.compile(
    r"\b(?:vot(?:e|es|ed|ing)|approv(?:e|es|ed|al)|passed|backed|rejected|ruled?|ruling|majority|margin|decision|"
    r"verdict)\b",
    re.IGNORECASE,
)


def _vote_margin_retold(alignment: Alignment, link: Link, S: list[Quantity], D: list[Quantity]) -> Finding | None:
    """ "voted 5-0" -> "narrowly voted": a unanimous or lopsided vote told as close, or a close one ("voted 5-4")
    told as overwhelming (qa24b P9). The tally has no figure in the suspect to be paired with, so the figure
    checks never see it; the reverse, a split vote told as unanimous, is ``_split_vote_as_unanimous``. High
    when the words say the opposite of the tally (no one against, or one vote in it), medium for a lopsided
    vote (three to one or more) told as close."""
    tallies = [q for q in S if q.kind == "tally" and q.high is not None and q.value + q.high > 0]
    if len(tallies) != 1 or any(q.kind == "tally" for q in D):
        return None  # two votes in the sentence: which one the words speak of is not read here
    src, der = alignment.source, alignment.derived
    q = tallies[0]
    src_text = " ".join(src.text[src.sentences[j].start : src.sentences[j].end] for j in link.source)
    if not _VOTE_WORD.search(src_text) or _NARROW_VOTE.search(src_text) or _WIDE_VOTE.search(src_text):
        return None  # a score, not a vote; or the original gives the margin in words of its own
    assert q.high is not None
    high, low = max(q.value, q.high), min(q.value, q.high)
    share = high / (high + low)
    for i in link.derived:
        a, b = der.sentences[i].start, der.sentences[i].end
        for pattern, wrong, opposite in (
            (_NARROW_VOTE, share >= 0.75, low == 0),
            (_WIDE_VOTE, high - low <= 1 or share < 0.6, high - low <= 1),
        ):
            if not wrong:
                continue
            for m in pattern.finditer(der.text, a, b):
                near = der.text[max(a, m.start() - 25) : min(b, m.end() + 25)]
                if not _VOTE_NEAR.search(near) or _UNANIMOUS_DENIED.search(
                    der.text[max(a, m.start() - 40) : m.start()]
                ):
                    continue
                kind = "unanimous" if low == 0 else "close" if pattern is _WIDE_VOTE else "lopsided"
                # "a slim margin": the noun too, so the detail reads as the suspect does
                noun = re.match(r"[\s-]+(?:majority|margin|vote|decision|verdict|ruling)\b", der.text[m.end() : b])
                span = (m.start(), m.end() + (noun.end() if noun else 0))
                return Finding(
                    type="number_changed",
                    severity="high" if opposite else "medium",
                    subtype="changed",
                    detail=f"tally or score changed: a {kind} vote ({q.text}) became "
                    f"\u201c{der.text[span[0] : span[1]]}\u201d",
                    derived=span,
                    source=(q.start, q.end),
                    before=q.text,
                    after=der.text[span[0] : span[1]],
                )
    return None


# Words a rewrite puts where a figure stood: "killed 12 people" -> "killed several people" (a determiner, paired
# with the figure counting the same thing), "rose 12%" -> "rose sharply" (an adverb, paired with a share or a sum).
_VAGUE_DETERMINER = re.compile(
    r"\b(?P<det>several|many|numerous|countless|a\s+(?:large\s+)?number\s+of|a\s+few|a\s+handful\s+of|"
    r"a\s+lot\s+of|lots\s+of)\s+(?P<w1>[a-z]+)(?:\s+(?P<w2>[a-z]+))?",  # the thing counted, or an adjective and it
    re.IGNORECASE,
)
#: The counts each vague word can stand for, generously: outside them the word is another figure ("several"
#: for 300, "a handful of" for 200, "many" for two), inside them a blurred one.
_VAGUE_FIT = {
    "a few": (2.0, 15.0),
    "several": (2.0, 20.0),
    "a handful of": (2.0, 15.0),
    "many": (3.0, math.inf),
    "numerous": (3.0, math.inf),
    "countless": (3.0, math.inf),
    "a large number of": (3.0, math.inf),
    "a lot of": (3.0, math.inf),
    "lots of": (3.0, math.inf),
}
_VAGUE_ADVERB = re.compile(
    r"\b(?:sharply|significantly|dramatically|substantially|considerably|markedly|steeply)\b", re.IGNORECASE
)


def _blurred(alignment: Alignment, link: Link, S: list[Quantity]) -> list[Finding]:
    """Figures of the original's sentence that the suspect's restatement gives as a vague word instead: a
    count as "several <the same things>", a share or a sum as "sharply". A vague word of the same sort in the
    original's sentence is its own wording ("many" retold as "a number of"), and a figure the suspect keeps
    anywhere is not blurred."""
    src, der = alignment.source, alignment.derived
    s_spans = [(src.sentences[j].start, src.sentences[j].end) for j in link.source]
    d_spans = [(der.sentences[i].start, der.sentences[i].end) for i in link.derived]
    out: list[Finding] = []
    for pattern in (_VAGUE_DETERMINER, _VAGUE_ADVERB):
        if any(pattern.search(src.text, a, b) for a, b in s_spans):
            continue
        vague = [m for a, b in d_spans for m in pattern.finditer(der.text, a, b)]
        if not vague:
            continue
        all_der = extract_quantities(der.text)  # memoised: the same list the other checks read
        lost = [q for q in S if q.high is None and not any(equal(o, q) or approx(o, q) for o in all_der)]
        for m in vague:
            if pattern is _VAGUE_DETERMINER:
                nouns = {stem(w.lower()) for w in (m["w1"], m["w2"]) if w}
                fits = [q for q in lost if q.kind == "count" and nouns & set(q.noun)]
            else:
                fits = [q for q in lost if q.kind in ("percent", "money", "factor")]
            if not fits:
                continue
            q = fits[0]
            lost.remove(q)
            start, end = m.span("det") if pattern is _VAGUE_DETERMINER else m.span()
            word = " ".join(der.text[start:end].split())
            fit = _VAGUE_FIT.get(word.lower()) if pattern is _VAGUE_DETERMINER else None
            if fit is not None and q.qualifier is None and not fit[0] <= q.value <= fit[1]:
                # "a handful of" for 200 people, "many" for two: not a vaguer figure but another one
                out.append(
                    Finding(
                        type="number_changed",
                        severity="high" if q.people else "medium",
                        subtype="changed",
                        detail=f"figure changed: {_phrase(src.text, q)} became \u201c{word}\u201d",
                        derived=(start, end),
                        source=(q.start, q.end),
                        before=q.text,
                        after=der.text[start:end],
                    )
                )
                continue
            out.append(
                Finding(
                    type="number_changed",
                    severity="medium" if q.people or q.kind in ("money", "percent") else "low",
                    subtype="blurred",
                    detail=f"figure blurred: {_phrase(src.text, q)} became \u201c{word}\u201d",
                    derived=(start, end),
                    source=(q.start, q.end),
                    before=q.text,
                    after=der.text[start:end],
                )
            )
    return out


# A share of a cost or a piece of work: "70% of the cost", "60 percent of the project".
_SHARE_OF = re.compile(
    r"\s+of\s+(?:the\s+|its\s+|their\s+)?(?:total\s+|overall\s+)?(?P<noun>cost|costs|bill|project|work|works|"
    r"funding|amount|price|budget|expense|expenses|repairs?)\b",
    re.IGNORECASE,
)
# The whole of it in the suspect: "paying for the whole project", "will pay the full cost", "the entire bill".
_WHOLE_OF = re.compile(
    r"\b(?:(?:the|its|their)\s+(?:whole|entire|full|total)|all\s+(?:of\s+)?the)\s+(?:cost|costs|bill|project|"
    r"work|works|funding|amount|price|budget|expense|expenses|repairs?|tab)\b|\b(?:in\s+full|fully\s+(?:fund|pay|cover)\w*)\b",
    re.IGNORECASE,
)
# Any word that keeps a part of the whole (or a figure for it) in the suspect's sentence: then no whole is told.
_PART_KEPT = re.compile(
    r"%|\b(?:percent|per\s+cent|most|majority|bulk|part|share|portion|rest|remainder|half|third|quarter|"
    r"fifths?|tenths?|split|shar(?:e|es|ed|ing)|co-?fund\w*|jointly|together\s+with)\b",
    re.IGNORECASE,
)


# More than one payer before the whole: the share's payer and the rest's together pay it all.
_JOINT_PAYERS = re.compile(r"\b(?:and|together|jointly|between|along\s+with|with\s+help|with\s+the\s+help)\b", re.I)


def _share_as_whole(alignment: Alignment, link: Link, S: list[Quantity]) -> Finding | None:
    """A share of a cost the original gives ("will pay 70% of the cost") that the suspect's restatement tells as
    the whole of it ("is paying for the whole project"): the figure became 100%. Only with no word of a part
    left in the suspect's sentence and the share kept nowhere in the suspect."""
    src, der = alignment.source, alignment.derived
    shares = [
        (q, of)
        for q in S
        if q.kind == "percent" and q.high is None and 0 < q.value < 100
        for of in [_SHARE_OF.match(src.text, q.end)]
        if of is not None
    ]
    if not shares:
        return None
    d_spans = [(der.sentences[i].start, der.sentences[i].end) for i in link.derived]
    if any(_PART_KEPT.search(der.text, a, b) for a, b in d_spans):
        return None
    whole = next((m for a, b in d_spans for m in _WHOLE_OF.finditer(der.text, a, b)), None)
    if whole is None:
        return None
    if _WHOLE_OF.search(src.text):
        return None  # the original tells the whole too ("which is now fully funded"): the rewrite keeps it
    sentence = next((a for a, b in d_spans if a <= whole.start() < b), whole.start())
    if _JOINT_PAYERS.search(der.text, sentence, whole.start()):
        return None  # "The EU and the regional government will cover the full cost": the payers together
    all_der = extract_quantities(der.text)
    lost = next(((q, of) for q, of in shares if not any(equal(o, q) or approx(o, q) for o in all_der)), None)
    if lost is None:
        return None
    q, of = lost
    share = src.text[q.start : of.end()]
    word = " ".join(whole.group().split())
    return Finding(
        type="number_changed",
        severity="medium",
        subtype="changed",
        detail=f"share told as the whole: \u201c{' '.join(share.split())}\u201d became \u201c{word}\u201d",
        derived=whole.span(),
        source=(q.start, q.end),
        before=q.text,
        after=whole.group(),
    )


def _same_frame(d: Quantity, d_text: str, s: Quantity, s_text: str) -> bool:
    """Does ``d`` stand where ``s`` stood: the same content word right before it or right after it?"""

    def around(text: str, q: Quantity) -> tuple[str | None, str | None]:
        before = re.findall(r"[A-Za-z]+", text[max(0, q.start - 40) : q.start])
        after = re.findall(r"[A-Za-z]+", text[q.end : q.end + 40])
        return (before[-1].lower() if before else None), (after[0].lower() if after else None)

    db, da = around(d_text, d)
    sb, sa = around(s_text, s)
    return any(x is not None and x == y and x not in STOPWORDS for x, y in ((db, sb), (da, sa)))


def _times_given(q: Quantity, quantities: list[Quantity], index: _FigureIndex | None) -> int:
    """How many figures of ``quantities`` equal ``q`` or round it."""
    return sum(1 for _k, o in _matching(q, quantities, index) if equal(o, q) or approx(o, q))


def _is_unknown(d: Quantity, link: Link, all_src: list[Quantity], d_text: str, s_text: str = "") -> bool:
    """True when a figure of a restated sentence is nowhere in the original, in any form: not equal to,
    nor a rounding of, any figure the original gives. "One" and "first" are left out (paraphrase writes
    "a man" as "one man"), as are truncated texts and figures inside a clause already reported as added."""
    if (d.value in (0.0, 1.0) and d.kind in ("count", "ordinal")) or _cut_off(d_text, d) or _in_words(d):
        return False
    if d.kind == "percent" and any(o.kind == "factor" and abs(abs(o.value - 1) * 100 - d.value) < 1 for o in all_src):
        return False  # "rose 100%" for "doubled", "fell 50%" for "halved"
    if any(a <= d.start and d.end <= b for a, b in link.unsupported):
        return False
    if (
        d.high is None
        and d.kind == "count"
        and any(o.kind == "tally" and d.value in (o.value, o.high) for o in all_src)
    ):
        return False  # "6 to 7" or "won by 52 votes" told from the original's "6-7", "52-48"
    if d.kind == "ordinal" and d.value == int(d.value):
        if any(
            o.high is None and _close(o.value, d.value) and (o.kind in ("identifier", "age") or o.value >= 10)
            for o in all_src
        ):
            # "his 101st birthday" for "to turn 101", "the 17th spot" for "No. 17", "the 70th anniversary" for
            # "seventy years to the day": a figure of ten or more is rare enough to be the one restated
            return False
        if d.text.isalpha() and re.search(rf"(?<!\w){re.escape(d.text)}(?!\w)", s_text, re.IGNORECASE):
            return False  # "the second place" where the original says "come in second", not read as a figure
    if d.value == int(d.value) and any(
        _close(o.value, d.value) and "identifier" in (o.kind, d.kind) and {o.kind, d.kind} <= {"identifier", "count"}
        for o in all_src
    ):
        return False  # "flight 448" for "Flight 448": the name's number, whichever way its label was read
    if d.kind in ("measure", "money", "duration") and any(o.kind == d.kind and o.unit != d.unit for o in all_src):
        return False  # converted ("2.4 miles" as "3.9 km", "18 months" as "a year and a half")
    if d.kind == "duration" and s_text and _period_in(s_text, d):
        return False  # "in just seven months" for "over the last seven months", which the original's dates hold
    if (
        d.kind == "duration"
        and s_text
        and (_period_restated(d, d_text, s_text) or any(_same_match_time(d, d_text, o, s_text) for o in all_src))
    ):
        return False  # "twelve months earlier" for "a year earlier", "seven minutes from time" for the 83rd
    if (
        d.kind == "count"
        and d.high is None
        and d.qualifier is None
        and d.value == 2
        and _THE_FEW.search(d_text, max(0, d.start - 12), d.start)
    ):
        # "the two", "between the two parties": the pair just named, a pronoun more than a figure (a figure the
        # original gives for them is paired above); "the three suspects" may count what the original never did
        return False
    return not any(equal(d, o) or approx(d, o) for o in all_src)


_THE_FEW = re.compile(r"\b(?:the|these|those)\s+$", re.IGNORECASE)

# A match clock told three ways (qa27 P5): "in the 17th minute" (an ordinal minute), "after 17 minutes" (time
# played) and "with 19 minutes left" / "seven minutes from time" (time left of a 90-minute match: the 71st,
# the 83rd). "eight minutes before the break" is time left of the first half.
_PLAYED_BEFORE = re.compile(r"\b(?:after|on|in)\s+(?:just\s+|only\s+|barely\s+)?$", re.IGNORECASE)
_PLAYED_AFTER = re.compile(r"\s+in\b(?=\s*[,;.]|\s+(?:when|as|and)\b)", re.IGNORECASE)
_LEFT_AFTER = re.compile(
    r"\s+(?:(?:left|remaining|to\s+go|to\s+play)\b|(?:from|before)\s+(?:time|the\s+end|full[\s-]?time|"
    r"the\s+(?:final\s+)?whistle)\b|(?P<half>(?:from|before)\s+(?:the\s+break|half[\s-]?time|the\s+interval)\b))",
    re.IGNORECASE,
)


def _match_minute(q: Quantity, text: str) -> float | None:
    """The minute of a match ``q`` names: an ordinal minute, minutes played, or minutes left (of 90, or of
    45 before the break). None for a figure that is no match time."""
    if q.kind == "ordinal" and "minute" in q.noun and q.high is None:
        return q.value
    if q.kind != "duration" or q.unit != "minute" or q.high is not None or q.qualifier is not None:
        return None
    left = _LEFT_AFTER.match(text, q.end)
    if left:
        return (45.0 if left["half"] else 90.0) - q.value
    if _PLAYED_BEFORE.search(text, max(0, q.start - 20), q.start) or _PLAYED_AFTER.match(text, q.end):
        return q.value
    return None


def _same_match_time(d: Quantity, d_text: str, s: Quantity, s_text: str) -> bool:
    """True when ``d`` and ``s`` name the same minute of a match, one of them an ordinal minute ("in the 71st
    minute" and "with 19 minutes left"): a minute either way, as "after 17 minutes" may be the 18th."""
    if "ordinal" not in (d.kind, s.kind):
        return False
    dm, sm = _match_minute(d, d_text), _match_minute(s, s_text)
    return dm is not None and sm is not None and abs(dm - sm) <= 1


# Periods a span of months restates (qa27 P6): "the final three months of last year" is the fourth quarter,
# "twelve months earlier" is "a year earlier", "the first six months" the first half. The original must name
# that period in words; the suspect must use the months as a period ("the last three months", "twelve months
# earlier"), not as a length of something else ("a three-month ban").
_PERIOD_WORDS: dict[float, re.Pattern[str]] = {
    3.0: re.compile(r"\b(?:quarter(?:ly)?|Q[1-4])\b|\bthree-month\s+period\b", re.IGNORECASE),
    6.0: re.compile(
        r"\bhalf[\s-]+year\b|\b(?:first|second)[\s-]+half\b|\bH[12]\b|\bsix-month\s+period\b|\bsemi-?annual",
        re.IGNORECASE,
    ),
    12.0: re.compile(
        r"\b(?:a|one|the\s+(?:previous|prior|same))\s+year\b|\byear[\s-]+(?:earlier|ago|before|on[\s-]+year|over[\s-]+year)\b|"
        r"\b12-month\b|\bannual(?:ly)?\b|\bfull[\s-]+year\b",
        re.IGNORECASE,
    ),
}
_PERIOD_BEFORE = re.compile(
    r"\b(?:the|its|their)\s+(?:(?:final|last|first|past|previous|preceding|latest|opening|closing|same|"
    r"following|next)\s+)+$",
    re.IGNORECASE,
)
_PERIOD_AFTER = re.compile(
    rf"\s+(?:earlier|ago|before|previously|prior|of\s+(?:the|last|this|that|next)\s+year|to\s+(?:the\s+end\s+of\s+)?"
    rf"(?-i:{_MONTH_FULL}))\b",
    re.IGNORECASE,
)
_MONTH_RANGE = re.compile(
    rf"\b(?P<a>{_MONTH_FULL})\s*(?:-|\u2013|\bto\b|\bthrough\b|\band\b)\s*(?:the\s+end\s+of\s+)?(?P<b>{_MONTH_FULL})\b"
)
_MONTHS = "january february march april may june july august september october november december".split()


def _period_restated(d: Quantity, d_text: str, s_text: str) -> bool:
    """True when ``d`` ("the final three months", "twelve months earlier") is a period the original names as
    a quarter, a half or a year, or as a range of that many months ("October-December")."""
    if d.kind != "duration" or d.unit != "month" or d.high is not None or d.qualifier is not None:
        return False
    if not (_PERIOD_BEFORE.search(d_text, max(0, d.start - 40), d.start) or _PERIOD_AFTER.match(d_text, d.end)):
        return False
    words = _PERIOD_WORDS.get(d.value)
    if words is not None and words.search(s_text):
        return True
    for m in _MONTH_RANGE.finditer(s_text):
        a, b = _MONTHS.index(m["a"].lower()), _MONTHS.index(m["b"].lower())
        if (b - a) % 12 + 1 == d.value:
            return True
    return False


def _period_in(s_text: str, d: Quantity) -> bool:
    """True when the original gives the duration ``d`` as a span of time back or ahead ("over the last seven
    months", "the past two years"): a date there, not a figure."""
    from storytrace.facts.dates import extract_dates

    return any(m.unit == d.unit and m.offset is not None and abs(m.offset) == d.value for m in extract_dates(s_text))


def _unknown(d: Quantity, texts: tuple[str, str]) -> Finding:
    return Finding(
        type="number_changed",
        severity="medium",
        subtype="not_in_original",
        detail=f"figure not in the original: {_phrase(texts[1], d)} appears nowhere in it",
        derived=(d.start, d.end),
        after=d.text,
    )


def _same_figure_findings(d: Quantity, same: list[Quantity], texts: tuple[str, str]) -> list[Finding]:
    """An equal figure: a reversed vote outcome, or a qualifier turned around ("more than 600" ->
    "nearly 600")."""
    s = same[0]
    if d.kind == "tally":
        rev = [t for t in same if t.outcome and d.outcome and t.outcome != d.outcome]
        if rev and not any(t.outcome == d.outcome for t in same):
            return [_finding("reversed", "high", "vote outcome reversed", rev[0], d, texts)]
        return []
    if d.worded and not any(_close(d.value, t.value) for t in same):
        return []  # "nearly tripled" for "more than doubled": two bounds that agree, not one figure's two
    classes = {_qualifier_class(t) for t in same}
    dc = _qualifier_class(d)
    bound = _bound_changed(d, same, texts)
    if bound is not None:
        return [bound]
    # Only two qualifiers that disagree count: a qualifier dropped or added is how paraphrase carries it
    # in other words ("up to 10 years" -> "a maximum of 10 years").
    if dc is None or None in classes or dc in classes or "exact" in classes or dc == "exact":
        return []
    # "about" fits any bound; "nearly", "up to", "fewer than" all say at most: only at most against at
    # least ("more than 600" -> "nearly 600") is a different claim
    if not ({dc, *classes} & {"above"} and {dc, *classes} & {"below", "upto", "under"}):
        return []
    return [_finding("qualifier", "low", "figure qualified differently", s, d, texts)]


#: Qualifiers that bound a figure: "at least 12" and "12" are two claims ("about 12" and "12" are not).
_BOUNDS = frozenset({"above", "below", "upto", "under"})
# Other words for a bound, which carry it where the qualifier is not one _QUALIFIER reads: "a maximum of 10
# years", "12 or more", "30-plus", "no fewer than 40", "north of $5bn".
_BOUND_BEFORE = re.compile(
    r"\b(?:a\s+(?:maximum|minimum)\s+of|no\s+(?:fewer|less|more)\s+than|(?:a\s+little|slightly|somewhat|"
    r"well|far|much|just|substantially)\s+(?:more|less|fewer|over|under|above|below)(?:\s+than)?|"
    r"north\s+of|south\s+of|shy\s+of|short\s+of|the\s+better\s+part\s+of|upward\s+of|a\s+total\s+of\s+up\s+to|"
    r"in\s+the\s+region\s+of|as\s+high\s+as|as\s+low\s+as|a\s+high\s+of|a\s+low\s+of|a\s+record)"
    r"(?:\s+\w+)?\s+$"
    # a word of limit or possibility a little before: "a maximum sentence of 10 years", "could face 10 years"
    r"|\b(?:maximum|minimum|max|min|cap|capped|limit|limited|ceiling|potentially|possibly|possible|could|may|might)"
    r"\b[^.;:!?]*$",
    re.IGNORECASE,
)
_BOUND_AFTER = re.compile(
    r"(?:\s*(?:\+|-?plus\b)|[\s\w'’-]{0,24}?\b(?:or\s+(?:more|fewer|less|so|above|over|higher|lower|under|below)|"
    r"at\s+(?:least|most|the\s+(?:most|least|very\s+least))|and\s+(?:more|counting|rising|up)|maximum|minimum|"
    r"(?:or\s+)?thereabouts|in\s+all)\b)",
    re.IGNORECASE,
)


# "over" a span of time where the other side has the bare figure after "over the next" ("over the next five
# years" -> "over five years"): both say during, neither says more than. Only "over" on both sides: "within
# the next five years" -> "over five years" or "in the first five years" -> "more than five years" moves the
# bound (done sooner is not done later).
_SPAN_OVER = re.compile(r"\bover\s+the\s+(?:next|past|last|coming|following)\s+$", re.IGNORECASE)


def _bound_changed(d: Quantity, same: list[Quantity], texts: tuple[str, str]) -> Finding | None:
    """A bound dropped or added on one figure: "at least 12 people" retold as "12 people", "nearly 40" as "40",
    "30" as "more than 30". It changes how sure the figure is, so it is 'low'; never when the other side says
    the bound in other words ("12 or more", "a maximum of 5,000") or a figure is not quite the same one."""
    if d.high is not None or d.kind in ("tally", "identifier", "ordinal") or d.qualifier == VAGUE:
        return None
    exact = [t for t in same if t.high is None and t.qualifier != VAGUE and _close(t.value, d.value)]
    if not exact or len(exact) < len(same):
        return None
    dc = _qualifier_class(d)
    classes = {_qualifier_class(t) for t in exact}
    if dc is None and None not in classes and classes <= _BOUNDS:
        s, dropped = exact[0], True
    elif dc in _BOUNDS and classes == {None}:
        s, dropped = exact[0], False
    else:
        return None
    bare, text = (d, texts[1]) if dropped else (s, texts[0])
    if _BOUND_BEFORE.search(text[max(0, bare.start - 40) : bare.start]) or _BOUND_AFTER.match(
        text, bare.end, min(len(text), bare.end + 40)
    ):
        return None
    bounded = s if dropped else d
    if (
        bare.kind == "duration"
        and re.match(r"over\b", bounded.text, re.IGNORECASE)
        and _SPAN_OVER.search(text[max(0, bare.start - 40) : bare.start])
    ):
        return None  # "over the next five years" retold as "over five years": a span of time, not a bound
    what = "qualifier dropped" if dropped else "qualifier added"
    return _finding("qualifier", "low", what, s, d, texts)


def _rounded(d: Quantity, s: Quantity, texts: tuple[str, str]) -> Finding | None:
    """A rounded figure: nothing when its qualifier says which way ("more than 14,000" for 14,213)."""
    dc = _qualifier_class(d)
    if (
        dc == "approx"
        or (dc == "above" and d.value <= s.value)
        or (dc in ("below", "under") and d.value >= s.value)
        or (dc == "upto" and d.value >= s.value)
    ):
        return None
    return _finding("rounded", "low", "figure rounded", s, d, texts)


def _changed(d: Quantity, s: Quantity, texts: tuple[str, str]) -> Finding:
    high = d.kind in _HIGH_KINDS or (d.kind == "count" and (d.people or s.people))
    what = {
        "tally": "tally or score changed",
        "age": "age changed",
        "percent": "percentage changed",
        "money": "amount changed",
    }.get(d.kind, "figure changed")
    return _finding("changed", "high" if high else "medium", what, s, d, texts)


def _finding(subtype: str, severity: str, what: str, s: Quantity, d: Quantity, texts: tuple[str, str]) -> Finding:
    """One number_changed finding; the detail names what was counted ("14,000 residents became 40,000
    people"), before and after are the figures' own spans."""
    return Finding(
        type="number_changed",
        severity=severity,
        subtype=subtype,
        detail=f"{what}: {_phrase(texts[0], s)} became {_phrase(texts[1], d)}",
        derived=(d.start, d.end),
        source=(s.start, s.end),
        before=s.text,
        after=d.text,
    )


def _phrase(text: str, q: Quantity) -> str:
    """The figure with the word it counts, for a detail an editor reads: "14,000 residents"."""
    if q.kind == "count" and q.noun:
        m = re.match(r"\s+(?:of\s+(?:the\s+)?)?[a-z][\w’'-]*", text[q.end : q.end + 40])
        if m:
            return " ".join((q.text + m.group()).split())
    return " ".join(q.text.split())


def _same_tokens(alignment: Alignment, source: tuple[int, ...], derived: tuple[int, ...]) -> bool:
    s = [t.norm for j in source for t in alignment.source.sentences[j].tokens]
    d = [t.norm for i in derived for t in alignment.derived.sentences[i].tokens]
    return s == d
