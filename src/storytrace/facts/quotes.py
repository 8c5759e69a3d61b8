"""Quotations and their speakers, and the check that compares them across an alignment.

A quotation is the strongest claim an article makes: these are *this person's exact words*. So a rewrite
that changes a word inside the marks, moves the reporter's own words inside them, invents a quote or
hands it to someone else has done something an editor must see, while the same words in other
typography (curly or straight marks, "..." for "…", "long-term" for "long term", "U.K." for "UK", a comma
moved across the closing mark) is no change at all. False alarms cost users more than misses, so
everything here leans towards silence when unsure: a missing speaker, or a pronoun that might stand for
more than one person, never counts as a different speaker, scare quotes ("the so-called “wall tax”")
are treated lightly, trimming a quotation is reported only at low severity, and only when the words
left out are not quoted elsewhere.

Everything is a span into the article text, like storytrace.text: ``Quote.start:end`` are the quoted
words, ``outer_start:outer_end`` include the marks. Pure Python and regular expressions; no I/O.
"""

from __future__ import annotations

import bisect
import heapq
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import Match, SequenceMatcher
from functools import lru_cache
from itertools import islice
from typing import NamedTuple

from storytrace.align import DIFF_PAIRS_CAP, Alignment, Opcode, word_opcodes
from storytrace.finding import Finding
from storytrace.text import STOPWORDS, Document, _opens_quoted, paragraph_spans, sentence_spans, stem

__all__ = ["Quote", "dropped_quotes", "extract_quotes", "quote_findings", "quotes_of"]

# --- marks ---------------------------------------------------------------------------------------------

_D_OPEN = "\u201c\u201e\u00ab"  # “ „ «
_D_CLOSE = "\u201d\u00bb"  # ” »
_D_ALL = _D_OPEN + _D_CLOSE + '"'
_S_OPEN = "\u2018'"  # ‘ and the straight mark; ’ never opens (it is far more often an apostrophe: ’90s)
_S_CLOSE = "\u2019'"
_S_ALL = "\u2018\u2019'"
# What may stand just before an opening mark, or just after a closing one.
_BEFORE_OPEN = "([{\u2014\u2013-/:" + _D_OPEN + "\u2018"
_AFTER_CLOSE = ".,;:!?)]}\u2014\u2013-\u2026" + _D_CLOSE + '"\u2019'
_ELLIPSIS = ("...", "\u2026")
_NOT_WORDS = frozenset(("[", "]", *_ELLIPSIS))
# The marks found in C: paragraphs are long and marks are few. Two apostrophes ('') are a double mark in
# newspaper archives (the New York Times' until the 2000s, LexisNexis), ``...'' in typeset and tokenised text.
_D_MARK = re.compile(f"''(?!')|``|[{re.escape(_D_ALL)}]")
_S_MARK = re.compile(f"[{re.escape(_S_ALL)}]")

# --- attribution vocabulary ------------------------------------------------------------------------------

# Finite speech verbs ("X said", "said X"). Words that are as often nouns ("notes", "claims", "states",
# "reports") are left out: "the notes “…”" must not make "the" a speaker.
_VERB = re.compile(
    r"(?<![\w-])(?:said|says|say|told|tells|added|adds|wrote|writes|stated|explained|explains|argued|argues|asked|"
    r"warned|warns|insisted|insists|claimed|continued|declared|replied|recalled|acknowledged|conceded|"
    r"remarked|testified|tweeted|announced|complained|urged|cautioned|predicted|suggested|responded|"
    r"emphasized|emphasised|stressed|observed|maintained|admitted|contended|countered|agreed|joked|quipped|"
    r"exclaimed|concluded|reported|vowed|promised|pledged|called|calls|described|describes|noted|spoke)\b"
)
# Participles hang a quote on the sentence's subject: "X said …, telling the committee that “…”".
_PARTICIPLE = re.compile(
    r"\b(?:saying|telling|adding|writing|noting|arguing|warning|insisting|explaining|declaring|stating|"
    r"claiming|describing|calling)\b"
)
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
_SCARE_CUE = re.compile(r"(?:so-called|so called|dubbed|nicknamed|known as|termed)\s*$", re.IGNORECASE)
# "a group called “Shelf Savers”", "a film titled “The Wall”": a name in quotation marks, not a quotation.
_NAMED_CUE = re.compile(
    r"\b(?:a|an|the|its|their|his|her|our)\s+(?:[\w'\u2019-]+\s+){0,2}(?:called|named|titled|entitled)"
    r"(?:\s+(?:the|a|an))?\s*$",
    re.IGNORECASE,
)
# "..., calling the ruling “a travesty”", "described the plan as “reckless”": a speaker's word or two for something
# named in between, not quotation marks a writer puts around a term ("a group called “Friends of X”").
_CALLING_CUE = re.compile(
    r"\b(?:calling|called|calls|describing|described|describes|branding|branded|labell?ing|labell?ed)"
    r"\s+(?:[\w'\u2019-]+\s+){1,4}(?:as\s+)?$",
    re.IGNORECASE,
)

_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
# What opens a noun phrase of its own inside a speaker phrase.
_OPENERS = frozenset("the a an his her their its our my your".split())
_DETERMINERS = frozenset(
    "the a an his her their its our my your one another two three four several some many both each "
    "this that these those".split()
)
# Words no speaker phrase contains: verbs, conjunctions, relative words, clause-opening prepositions.
_NOT_IN_NP = frozenset(
    """is was were are be been being am has have had do does did will would can could should may might must
    shall not but and that which who whom whose if because so than then there when while where why how what
    said says say told tells also it this these those however although though whether unless until since
    before after during into onto upon yet nor nothing everything anything monday tuesday wednesday
    thursday friday saturday sunday january february march april june july august september october
    november december yesterday today tomorrow tonight""".split()
)
# A name may not open with these (capitalised only because they start the sentence).
_NOT_NAME_START = frozenset("on in at for after before when while as but and if by from to of with".split())
_NAME_CONNECTORS = frozenset("of de del della van von der den da di du la le bin al y".split())
# Groups that speak without a determiner: "officials said", "state prosecutors say".
_COLLECTIVE = frozenset(
    """officials police prosecutors residents critics experts analysts authorities opponents supporters
    lawmakers legislators senators witnesses investigators organizers organisers scientists researchers
    economists doctors neighbors neighbours protesters officers sources aides advocates activists parents
    students teachers workers engineers employees staff spokespeople executives insiders observers voters
    regulators leaders members people others democrats republicans""".split()
)
# Words cut from the end of a subject before its verb: "Okafor also said", "Okafor has said".
# An adverb in -ly goes too ("Trump passionately stated"), but not a noun in -ly ("the family said").
_TRAILING_AUX = re.compile(
    r"(?:\s+(?:also|later|earlier|then|previously|once|again|has|have|had|would|will|repeatedly|often|"
    r"recently|reportedly|first|last|further|simply|only|"
    r"(?!(?:family|assembly|ally|rally|supply|daily|weekly|monthly|quarterly|bully|monopoly|anomaly)\b)[a-z]{3,}ly))+"
    r"\s*$"
)
# A conjunction that opens the clause before a speaker ("..., and Sen. Okafor, who sponsored it, said"). Used
# with ``match(text, pos)``, which anchors at ``pos`` (a "^" would match only at the text's very start).
_LEADING_CONJ = re.compile(r"\s*(?:and|but|as|while|so|then|also|yet|when|where)\s+", re.IGNORECASE)
# Where a speaker phrase after its verb ends ("said the mayor at a news conference").
_NP_STOP = frozenset(
    """in on at during after before when while as who which that adding last yesterday today tonight this
    via through to from by earlier later and but according told said noting saying because since than
    outside inside shortly recently like unlike""".split()
)
_TITLES = frozenset(
    """sen senator rep representative gov governor dr doctor mr mrs ms miss mx prof professor mayor president
    vice judge justice state treasurer secretary minister chief executive officer director general lt col
    capt sgt rev father sister sir dame lord lady gen adm commissioner superintendent inspector detective
    sheriff attorney councilman councilwoman councillor councilor chairman chairwoman chair speaker premier
    prime deputy assistant acting former us uk st""".split()
)
_TITLE_ABBREV = re.compile(r"^(?:[A-Z][a-z]{0,3}\.|(?:[A-Z]\.)+)$")  # Sen.  Dr.  J.  U.S.

# --- words for comparing quotations ----------------------------------------------------------------------

_WORD = re.compile(
    r"\.\.\.|\u2026|\[|\]|&|%|[A-Za-z](?:\.[A-Za-z])+\.?|\d+(?:[.,:]\d+)*|[^\W\d_]+(?:['\u2019][^\W\d_]+)*"
)
_NUMBER_WORDS = {
    w: str(k)
    for k, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
_CONTRACTIONS = (("'re", "are"), ("'ve", "have"), ("'ll", "will"), ("'m", "am"))
_SCALE = {"bn": "billion", "mn": "million", "tn": "trillion"}
# British/American spellings: a replaced word that folds to the same form is no change.
_SPELLING = (
    ("isation", "ization"),
    ("ising", "izing"),
    ("ised", "ized"),
    ("ise", "ize"),
    ("yse", "yze"),
    ("tre", "ter"),
    ("ence", "ense"),
    ("ogue", "og"),
)
_OUR = re.compile(r"(?<=[a-z]{2})our(?=(?:s|ed|ing|ite|ites|able|er|ers|ful)?$)")
# Changed words that turn a quotation's meaning even when they are small.
_CRUCIAL = frozenset(
    "not no never nor none nothing neither cannot may might could would should will can must always all "
    "every only any some more most less least".split()
)
_FUNCTION = STOPWORDS - _CRUCIAL
# Function words that turn what a quotation says when one stands for another: "serious but under control" ->
# "serious and out of control", "before" -> "after", "with" -> "without". Other prepositions and
# conjunctions ("in" -> "over the smoke", "at" -> "on the scene", "but" -> "and") are a rewrite's wording.
_TURNING = frozenset("under out without before after because although though against unless despite".split())


@dataclass(frozen=True)
class Quote:
    """One quotation: the quoted words (``start:end``), the span with its marks, and who says it.

    ``kind`` is ``'scare'`` for a word or two in quotation marks that nobody is quoted as saying
    ("the so-called “wall tax”"); checks treat those lightly. ``speaker`` is the speaker as written,
    ``speaker_span`` where it is written, so ``text[speaker_span] == speaker``; for a pronoun resolved
    to an earlier name ("…,” he added") both point at that name and ``pronoun`` keeps the pronoun.
    ``attribution`` says how the speaker was found: ``'direct'`` (in the quote's own sentence, or the
    sentence introducing it with a colon), ``'context'`` (from the quote before it or the sentence
    before it), ``'pronoun'`` (a resolved pronoun); only ``'direct'`` speakers are sure enough to call a
    speaker changed. ``attribution_span`` covers the whole attribution ("Okafor added", "said Sen.
    Douglas Whitcombe") when it is direct. ``continued`` marks a paragraph that re-opens the quotation
    the paragraph before left open (newspaper style); ``nested`` holds quotes inside the quote.
    ``unbalanced`` says the marks of the quote's paragraph do not pair up cleanly (scraped text, a
    stray mark), so its boundaries are a guess: the check then says nothing it cannot be sure of.
    ``sure`` marks a pronoun resolved beyond doubt, which counts as a direct speaker: the quote's own
    "she said" right after a sentence in which that person, and no one else named, says something
    ("Sarah Cole said officers were not looking for anyone else. “…,” she said.").
    """

    start: int
    end: int
    outer_start: int
    outer_end: int
    text: str
    kind: str = "quote"
    speaker: str | None = None
    speaker_span: tuple[int, int] | None = None
    attribution: str | None = None
    pronoun: str | None = None
    attribution_span: tuple[int, int] | None = None
    nested: tuple[tuple[int, int], ...] = ()
    continued: bool = False
    unbalanced: bool = False
    sure: bool = False


# --- extraction ------------------------------------------------------------------------------------------


class _Sent(NamedTuple):
    start: int
    end: int
    paragraph: int


class _NP(NamedTuple):
    """A speaker phrase: its span and whether it is a name, a description or a pronoun."""

    start: int
    end: int
    kind: str  # 'name' | 'desc' | 'pronoun'


class _Attr(NamedTuple):
    np: _NP
    span: tuple[int, int]  # the whole attribution phrase
    adjacent: bool  # the attribution introduces the quote directly ("X said: “…”", "“…,” X said")


@dataclass
class _Draft:
    outer_start: int
    start: int
    end: int
    outer_end: int
    closed: bool
    paragraph: int
    nested: tuple[tuple[int, int], ...] = ()
    continued: bool = False
    kind: str = "quote"
    np: _NP | None = None
    attribution: str | None = None
    attr_span: tuple[int, int] | None = None
    speaker_text: str | None = None
    speaker_span: tuple[int, int] | None = None
    pronoun: str | None = None
    adjacent: bool = False
    sure: bool = False


def extract_quotes(text: str, start: int = 0, end: int | None = None) -> list[Quote]:
    """Quotations whose opening mark lies in ``text[start:end]``, with their speakers.

    The paragraphs around the range are read too: a speaker can sit in the sentence before a quote, a
    pronoun refers back to an earlier name, and a paragraph may re-open the previous one's quote.
    """
    end = len(text) if end is None else end
    paras = paragraph_spans(text)
    hit = [k for k, (a, b) in enumerate(paras) if a < end and b > start]
    if not hit:
        return []
    sents = tuple(
        _Sent(a, b, k)
        for k in range(max(0, hit[0] - 1), min(len(paras), hit[-1] + 2))
        for a, b in sentence_spans(text, *paras[k], continued=_opens_quoted(text, paras, k + 1), first=k == 0)
    )
    return [q for q in _extract(text, sents) if start <= q.outer_start < end]


def quotes_of(doc: Document) -> list[Quote]:
    """The quotations of an analysed document, on its own sentence split (no second split)."""
    sents = tuple(_Sent(s.start, s.end, s.paragraph) for s in doc.sentences)
    return list(_extract(doc.text, sents))


@lru_cache(maxsize=64)
def _extract(text: str, sents: tuple[_Sent, ...]) -> tuple[Quote, ...]:
    if not sents:
        return ()
    paras: dict[int, tuple[int, int]] = {}
    for s in sents:
        a, b = paras.get(s.paragraph, (s.start, s.end))
        paras[s.paragraph] = (min(a, s.start), max(b, s.end))
    # Double marks first; then single-mark quotations outside them, which British style uses for every
    # quote and others for a scare quote. Apostrophes never pair (see _pair_single); a single quote left
    # open counts against a paragraph only in a text that mostly quotes with single marks.
    drafts: list[_Draft] = []
    suspect: set[int] = set()
    left_open: set[int] = set()
    order = sorted(paras.items(), key=lambda kv: kv[1][0])
    frame = _text_frame(text, order)
    if frame is not None:
        # Marks around the whole text (an LLM's output pasted as it came) quote no one: the quotes inside
        # them are the text's quotes, paired as if the marks were not there.
        (p0, (_, b0)), pn = order[0], order[-1][0]
        paras[p0] = (frame[0], b0)
        paras[pn] = (paras[pn][0], frame[1])
        order = sorted(paras.items(), key=lambda kv: kv[1][0])
    n_double = n_single = 0
    for p, (a, b) in order:
        pairs, odd = _pair_double(text, a, b)
        if odd:
            suspect.add(p)
        doubles: list[_Draft] = []
        for pair in pairs:
            d = _draft(text, pair.open, pair.inner_start, pair.inner_end, pair.outer_end, pair.closed, p)
            if d:
                d.nested = tuple((x + 1, y) for x, y in _pair_single(text, d.start, d.end)[0])
                doubles.append(d)
        n_double += len(doubles)
        pos = a
        # the k-th gap ends where the k-th double quote opens and resumes after it closes (by index: a
        # search of the doubles for each gap is quadratic in a paragraph of thousands of marks)
        for k, gap_end in enumerate([d.outer_start for d in doubles] + [b]):
            singles, unclosed = _pair_single(text, pos, gap_end)
            if unclosed:
                left_open.add(p)
            for o, c in singles:
                d = _draft(text, o, o + 1, c, c + 1, True, p)
                if d:
                    drafts.append(d)
                    n_single += 1
            pos = doubles[k].outer_end if k < len(doubles) else gap_end
        drafts.extend(doubles)
    if n_single > n_double:
        suspect |= left_open
    drafts.sort(key=lambda d: d.outer_start)
    _mark_continued(text, drafts, order)
    for k, d in enumerate(drafts):  # an unclosed quote that no next paragraph continues
        if not d.closed and not (k + 1 < len(drafts) and drafts[k + 1].continued):
            suspect.add(d.paragraph)
    starts = [s.start for s in sents]
    for k in range(len(drafts)):
        _attribute(text, sents, starts, drafts, k)
    _inherit(text, sents, starts, drafts)
    _resolve_pronouns(text, sents, drafts)
    out = []
    for d in drafts:
        # _kind asks only whether there are more than two, and at most four: five are enough to count
        found = (m for m in _WORD.finditer(text, d.start, d.end) if m.group() not in _NOT_WORDS)
        words = sum(1 for _ in islice(found, 5))
        d.kind = _kind(text, sents, starts, d, words)
        out.append(
            Quote(
                start=d.start,
                end=d.end,
                outer_start=d.outer_start,
                outer_end=d.outer_end,
                text=text[d.start : d.end],
                kind=d.kind,
                speaker=d.speaker_text,
                speaker_span=d.speaker_span,
                attribution=d.attribution,
                pronoun=d.pronoun,
                attribution_span=d.attr_span,
                nested=d.nested,
                continued=d.continued,
                unbalanced=d.paragraph in suspect,
                sure=d.sure,
            )
        )
    return tuple(out)


def _text_frame(text: str, order: list[tuple[int, tuple[int, int]]]) -> tuple[int, int] | None:
    """(end of the opening mark, start of the closing mark) when double quotation marks wrap a whole text of
    several sentences: the mark opening it closes only at its very end (or, over several paragraphs, is left
    open at the end of the first as newspapers continue a quote). A text of one quoted sentence is a
    quotation whose speaker stood in the sentence after it (a one-sentence excerpt), not a frame."""
    a, b = order[0][1][0], order[-1][1][1]
    first = _D_MARK.match(text, a)
    if first is None or first.group() in _D_CLOSE:
        return None
    last = None
    for m in _D_MARK.finditer(text, max(a, b - 2), b):
        if m.end() == b:
            last = m
    if last is None or last.start() <= first.end() or last.group() in _D_OPEN + "``":
        return None
    pairs, _ = _pair_double(text, *order[0][1])
    if not pairs or pairs[0].open != a:
        return None
    if len(order) == 1 and not (pairs[0].closed and pairs[0].outer_end == b):
        return None
    if len(order) > 1 and pairs[0].closed:
        return None
    # Sentences counted inside the marks: the document's split keeps a quotation whole.
    if len(order) == 1 and len(sentence_spans(text, first.end(), last.start())) < 2:
        return None
    return first.end(), last.start()


def _opening_looking(text: str, i: int, j: int, a: int, b: int) -> bool:
    """Does the mark at ``text[i:j]`` look like it opens a quotation (a space or bracket before, a word after)?"""
    prev = text[i - 1] if i > a else " "
    nxt = text[j] if j < b else " "
    return (prev.isspace() or prev in _BEFORE_OPEN) and not nxt.isspace()


def _closing_looking(text: str, i: int, j: int, a: int, b: int) -> bool:
    prev = text[i - 1] if i > a else " "
    nxt = text[j] if j < b else " "
    return not prev.isspace() and (nxt.isspace() or nxt in _AFTER_CLOSE)


class _DoublePair(NamedTuple):
    """One double-mark quotation of a paragraph: its opening mark ``text[open:inner_start]``, and its closing
    mark ``text[inner_end:outer_end]`` (``closed``) or, unclosed, where the quote stops (``inner_end``)."""

    open: int
    inner_start: int
    inner_end: int
    outer_end: int
    closed: bool


def _pair_double(text: str, a: int, b: int) -> tuple[list[_DoublePair], bool]:
    """Double marks of one paragraph as quotations, and whether the marks are *unbalanced*: a mark facing
    neither way (scraped text: 'said."It'), a stray closing mark, a quote re-opened or left open. Such a
    paragraph's quote boundaries are guesses.

    Curly marks and `` say which way they face; a straight mark (" or '') opens when none is open and closes
    otherwise, unless it can only be a closing mark or an inch mark (16"). '' and `` must face one way to be
    a mark at all: between two words or two spaces they are something else (tokenised text, a ditto).
    """
    pairs: list[_DoublePair] = []
    open_at: tuple[int, int] | None = None
    suspect = False
    for mark in _D_MARK.finditer(text, a, b):
        i, j = mark.span()
        c = mark.group()
        opens = _opening_looking(text, i, j, a, b)
        closes = _closing_looking(text, i, j, a, b)
        if len(c) == 2 and opens == closes:
            continue  # spaced out (tokenised text: `` a quote '') or between words: no mark to pair
        straight = c in ('"', "''")
        if straight and not opens and not closes:
            suspect = True
        if open_at is None:
            if (c in _D_CLOSE) and not (opens and not closes):
                suspect = True
                continue  # a stray closing mark
            if straight and closes and not opens:
                suspect = suspect or not text[i - 1].isdigit()
                continue  # stray, or an inch mark
            open_at = (i, j)
        elif (c in _D_OPEN or c == "``") and opens and not closes:
            pairs.append(_DoublePair(open_at[0], open_at[1], i, i, False))  # re-opened without a close
            open_at = (i, j)
            suspect = True
        else:
            if straight and opens and not closes:
                suspect = True
            pairs.append(_DoublePair(open_at[0], open_at[1], i, j, True))
            open_at = None
    if open_at is not None:
        pairs.append(_DoublePair(open_at[0], open_at[1], b, b, False))
    return pairs, suspect


def _pair_single(text: str, a: int, b: int) -> tuple[list[tuple[int, int]], bool]:
    """Single-mark quotations in ``text[a:b]`` as (open, close), and whether a quote was left open or
    re-opened while open (the marks of the stretch do not pair up cleanly).

    Apostrophes never pair: a mark between two letters (don't, Calloway's) is an apostrophe; an opening
    mark must be followed by a letter (so ’90s and '90s are not quotes); an opening left unclosed is
    dropped.
    """
    out: list[tuple[int, int]] = []
    open_at: int | None = None
    odd = False
    for mark in _S_MARK.finditer(text, a, b):
        i = mark.start()
        c = text[i]
        prev = text[i - 1] if i > a else " "
        nxt = text[i + 1] if i + 1 < b else " "
        if prev.isalnum() and nxt.isalnum():
            continue
        opening = c in _S_OPEN and (prev.isspace() or prev in _BEFORE_OPEN) and nxt.isalpha()
        if open_at is None:
            if opening:
                open_at = i
        elif (
            c in _S_CLOSE
            and not prev.isspace()
            and (nxt.isspace() or nxt in _AFTER_CLOSE or i + 1 >= b)
            and any(ch.isalnum() for ch in text[open_at + 1 : i])
            and not _plural_possessive(text, i, b)
        ):
            out.append((open_at, i))
            open_at = None
        elif opening:
            odd = True  # re-opened while open: a paragraph break lost in scraping, or a stray mark
    return out, odd or open_at is not None


def _plural_possessive(text: str, i: int, b: int) -> bool:
    """'The workers' union is strong,' he said: the mark after "workers" is an apostrophe when a
    lower-case word follows it and the quote closes further on in the same sentence, before any new
    quote opens."""
    if text[i - 1] != "s" or not re.match(r"\s[a-z]", text[i + 1 : i + 3]):
        return False
    for k in range(i + 1, min(b, i + 150)):
        if text[k] in ".!?" and re.match(r"\s+[A-Z]", text[k + 1 : k + 3]):
            return False  # only within the sentence
        if text[k] not in _S_ALL:
            continue
        prev, nxt = text[k - 1], text[k + 1] if k + 1 < b else " "
        if prev.isalnum() and nxt.isalnum():
            continue  # an apostrophe
        if prev.isspace() or prev in _BEFORE_OPEN:
            return False  # a new quote opens first
        if nxt.isspace() or nxt in _AFTER_CLOSE:
            return True  # a later mark closes the quote
    return False


def _draft(
    text: str, o: int, inner_start: int, inner_end: int, outer_end: int, closed: bool, paragraph: int
) -> _Draft | None:
    s, e = inner_start, inner_end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if not any(ch.isalnum() for ch in text[s:e]):
        return None
    return _Draft(o, s, e, outer_end if closed else e, closed, paragraph)


def _mark_continued(text: str, drafts: list[_Draft], order: list[tuple[int, tuple[int, int]]]) -> None:
    """A paragraph that leaves a quote open, followed by one opening with a quote: one quotation in parts."""
    next_para = {p: order[k + 1][0] for k, (p, _) in enumerate(order[:-1])}
    first_of: dict[int, _Draft] = {}
    for d in drafts:
        first_of.setdefault(d.paragraph, d)
    para_start = {p: span[0] for p, span in order}
    for d in drafts:
        if d.closed:
            continue
        nxt_p = next_para.get(d.paragraph)
        if nxt_p is None or nxt_p not in first_of:
            continue
        nxt = first_of[nxt_p]
        if nxt.outer_start == para_start[nxt_p] and (
            text[nxt.outer_start] in _D_OPEN + '"' or text.startswith(("''", "``"), nxt.outer_start)
        ):
            nxt.continued = True


def _sentence_of(starts: list[int], pos: int) -> int:
    return max(0, bisect.bisect_right(starts, pos) - 1)


def _attribute(text: str, sents: tuple[_Sent, ...], starts: list[int], drafts: list[_Draft], k: int) -> None:
    """The speaker in the quote's own sentence: after the quote first ("…,” X said), then before it."""
    d = drafts[k]
    s1 = sents[_sentence_of(starts, d.outer_start)]
    s2 = sents[_sentence_of(starts, max(d.outer_start, d.outer_end - 1))]
    lo = s1.start
    if k > 0 and drafts[k - 1].outer_end > lo and drafts[k - 1].outer_end <= d.outer_start:
        lo = drafts[k - 1].outer_end
    hi = s2.end
    if k + 1 < len(drafts) and d.outer_end <= drafts[k + 1].outer_start < hi:
        hi = drafts[k + 1].outer_start
    attr = _after_attribution(text, d.outer_end, hi) or _before_attribution(text, lo, d.outer_start)
    if attr is None and hi == s2.end:
        attr = _attribution_next(text, sents, starts, d)
    if attr:
        _set(text, d, attr, "direct")


def _attribution_next(text: str, sents: tuple[_Sent, ...], starts: list[int], d: _Draft) -> _Attr | None:
    """'“Why not?” Smith asked.': a quote closed by its own question or exclamation mark ends the sentence
    for the splitter, and its speaker stands in the next one, which holds nothing else."""
    k = _sentence_of(starts, max(d.outer_start, d.outer_end - 1))
    if k + 1 >= len(sents) or sents[k + 1].paragraph != sents[k].paragraph:
        return None
    if not _blank(text, d.outer_end, sents[k].end) or text[d.start : d.end].rstrip()[-1:] not in ("?", "!"):
        return None
    nxt = sents[k + 1]
    if nxt.end - nxt.start > 80:
        return None
    attr = _after_attribution(text, nxt.start, nxt.end)
    if attr is None or not _blank(text, attr.span[1], nxt.end, _END_STOP):
        return None
    return attr


def _set(text: str, d: _Draft, attr: _Attr, how: str) -> None:
    d.np = attr.np
    d.attribution = how
    d.adjacent = attr.adjacent
    d.speaker_span = (attr.np.start, attr.np.end)
    d.speaker_text = text[attr.np.start : attr.np.end]
    if how == "direct":
        d.attr_span = attr.span


def _after_attribution(text: str, a: int, b: int) -> _Attr | None:
    """'“…,” X said', '“…,” said X', '“…,” according to X', right after the closing mark."""
    m = re.compile(r"[\s,;:.!?\u2014\u2013-]*").match(text, a, b)
    p = m.end() if m else a
    if p >= b:
        return None
    acc = _ACCORDING.match(text, p, b)
    if acc:
        np = _np_after(text, acc.end(), b)
        return _Attr(np, (p, np.end), True) if np else None
    verb = _VERB.match(text, p, b)
    if verb:
        np = _np_after(text, verb.end(), b)
        return _Attr(np, (p, np.end), True) if np else None
    for verb in _VERB.finditer(text, p, min(b, p + 160)):
        np = _subject_before(text, p, verb.start())
        if np and (not text[p : np.start].strip(" ,") or _job_before(text, p, np)):
            return _Attr(np, (p, verb.end()), True)
    return None


def _job_before(text: str, a: int, np: _NP) -> bool:
    """True when ``text[a:np.start]`` is the job of the name ``np``: "fire chief Gemma Ashworth", or in
    apposition, "the county's chief fire officer, Gemma Ashworth, said" (the name closed by a comma too)."""
    if np.kind != "name":
        return False
    seg = text[a : np.start].rstrip()
    if seg.endswith(","):
        if not re.match(r"\s*,", text[np.end : np.end + 3]):
            return False
        seg = seg[:-1]
    return _job_words(seg.split())


def _before_attribution(text: str, lo: int, hi: int) -> _Attr | None:
    """'X said: “…”', 'According to X, “…”', 'X said her client “…”', 'X: “…”' before the opening mark."""
    seg = text[lo:hi]
    if not seg.strip():
        return None
    colon = re.fullmatch(r"\s*([^:]{1,80}?)\s*:\s*", seg)
    if colon and not _VERB.search(seg):
        np = _whole_np(text, lo + colon.start(1), lo + colon.end(1))
        if np and np.kind == "name":
            return _Attr(np, (np.start, np.end), True)
    for acc in reversed(list(_ACCORDING.finditer(text, lo, hi))):
        np = _np_after(text, acc.end(), hi)
        if np and _blank(text, np.end, hi, _SPACE_COMMA):
            return _Attr(np, (acc.start(), np.end), True)
    verbs = sorted(
        [(m, False) for m in _VERB.finditer(text, lo, hi)] + [(m, True) for m in _PARTICIPLE.finditer(text, lo, hi)],
        key=lambda t: t[0].start(),
    )
    for verb, participle in reversed(verbs):
        tail = text[verb.end() : hi]
        if len(tail) > 140 or re.search(r"[.!?;]\s", tail):
            break
        np = None if participle else _subject_before(text, lo, verb.start())
        if np is None:
            np = _sentence_subject(text, lo, verb.start())
        if np:
            adjacent = not tail.strip(" ,:") or tail.rstrip().endswith(":")
            return _Attr(np, (min(np.start, verb.start()), verb.end()), adjacent)
    return None


_SPACE = re.compile(r"\s*")
_END_STOP = re.compile(r"[\s.]*")
_SPACE_COMMA = re.compile(r"[ ,]*")


def _blank(text: str, a: int, b: int, space: re.Pattern[str] = _SPACE) -> bool:
    """``not text[a:b].strip()`` without copying ``text[a:b]`` (a long sentence, read once per quote in it)."""
    m = space.match(text, a, b)
    return m is None or m.end() >= b


def _ends_with(text: str, a: int, b: int, mark: str) -> bool:
    """``text[a:b].rstrip().endswith(mark)`` without copying ``text[a:b]``."""
    while b > a and text[b - 1].isspace():
        b -= 1
    return b > a and text[b - 1] == mark


def _sentence_subject(text: str, lo: int, hi: int) -> _NP | None:
    """The subject of the first speech verb of a stretch: who "said …, telling X that “…”"."""
    for verb in _VERB.finditer(text, lo, hi):
        np = _subject_before(text, lo, verb.start())
        if np:
            return np
    return None


def _words_in(text: str, a: int, b: int) -> list[tuple[int, int]]:
    return [(a + m.start(), a + m.end()) for m in re.finditer(r"\S+", text[a:b])]


def _strip_word(text: str, s: int, e: int) -> tuple[int, int]:
    """A word's span without trailing punctuation (but keeping the dot of "Sen." or "U.S.")."""
    while e > s and text[e - 1] in ",;:!?)\u201d\"'\u2019":
        e -= 1
    if e > s and text[e - 1] == "." and not _TITLE_ABBREV.match(text[s:e]):
        e -= 1
    while s < e and text[s] in "(\u201c\"'\u2018":
        s += 1
    return s, e


_OUTLETS = frozenset({"agency", "newspaper", "broadcaster", "channel", "magazine", "daily", "website"})


_NP_MAX_WORDS = 9
_SUBJECT_REACH = 400


def _classify(words: Sequence[str]) -> str | None:
    """'pronoun', 'name', 'desc' for a speaker phrase, or None when the words cannot be one."""
    if not 1 <= len(words) <= _NP_MAX_WORDS:
        return None
    low = [w.lower().rstrip(".") for w in words]
    if len(words) == 1 and low[0] in _PRONOUNS:
        return "pronoun"
    if any(w in _NOT_IN_NP or w in _PRONOUNS for w in low):
        return None
    if not all(any(ch.isalpha() for ch in w) for w in words):
        return None
    possessive = re.search(r"['\u2019]s$", words[0]) is not None
    if low[0] in _DETERMINERS or (possessive and len(words) > 1):
        if len(words) == 1 or len(words) > 8:
            return None
        if any(lw in _OPENERS and low[k] not in _PREFIX_BREAK for k, lw in enumerate(low[1:])):
            # "a move the mayor called “reckless”": a thing, then who spoke of it (a relative clause without
            # "that"); a second noun phrase opens only after a preposition ("the head of the agency")
            return None
        # "the Gullhaven News Service" names a body; "the lawyer for Okafor" describes someone
        rest = list(zip(words[1:], low[1:], strict=True))
        # "Russia's RIA Novosti news agency", "the Tass agency": a named outlet, whatever comes before it
        outlet = len(rest) > 1 and rest[-1][1] in _OUTLETS
        if outlet:
            rest = rest[:-2] if len(rest) > 2 and rest[-2][1] == "news" else rest[:-1]
        proper = [w for w, lw in rest if w[0].isupper() and lw not in _TITLES]
        named = all(w[0].isupper() or lw in _NAME_CONNECTORS for w, lw in rest) and (outlet or not possessive)
        return "name" if proper and named else "desc"
    if low[-1] in _COLLECTIVE and len(words) <= 3:
        return "desc"
    if low[0] in _NOT_NAME_START:
        return None
    if (
        all(w[0].isupper() or lw in _NAME_CONNECTORS for w, lw in zip(words, low, strict=True))
        and words[-1][0].isupper()
    ):
        return "name" if len(words) <= 6 else None
    return None


def _np_from(text: str, spans: list[tuple[int, int]]) -> _NP | None:
    if not spans:
        return None
    spans = [_strip_word(text, s, e) for s, e in spans]
    spans = [(s, e) for s, e in spans if s < e]
    if not spans:
        return None
    spans[-1] = _end_of_name(text, *spans[-1])
    words = [text[s:e] for s, e in spans]
    kind = _classify(words)
    if kind in (None, "desc"):
        # "fire chief Gemma Ashworth", "the county's chief fire officer Gemma Ashworth": the person is the
        # name, the words before it her job; a description never differs from another speaker, a name does
        cut = _titled_name(words)
        if cut is not None:
            return _NP(spans[cut][0], spans[-1][1], "name")
    return _NP(spans[0][0], spans[-1][1], kind) if kind else None


# Abbreviations that close a name with their dot ("Martin Luther King Jr.", "Acme Inc.").
_NAME_SUFFIXES = frozenset("jr sr inc co corp ltd bros plc llc esq".split())


def _end_of_name(text: str, s: int, e: int) -> tuple[int, int]:
    """The last word of a speaker phrase without the sentence's full stop: "said Sarah Cole." -> "Cole".
    ``_strip_word`` keeps the dot of a short capitalised word ("Sen.", "Dr."), but a title opens a name and
    never ends one; initials ("U.S.") and suffixes ("Jr.") keep theirs."""
    w = text[s:e]
    if e - s > 2 and w.endswith(".") and w[-2].islower() and w[:-1].lower() not in _NAME_SUFFIXES:
        return s, e - 1
    return s, e


# Words that make the lower-case words before a name something other than that person's job: "lawyers for
# Gemma Ashworth", "a statement from fire chief Gemma Ashworth", "fans and Gemma Ashworth".
_PREFIX_BREAK = frozenset(
    """for of with to from by in on at about against like than or versus vs via over under between among
    without within near toward towards behind beside besides alongside including""".split()
)
# Words in -ing that are part of a job ("acting chief constable"), not a verb taking the name as its object
# ("a lawyer representing Gemma Ashworth").
_TITLE_ING = frozenset(
    """acting managing presiding visiting founding outgoing incoming sitting leading governing ruling reigning
    serving commanding investigating ranking consulting supervising coordinating reporting""".split()
)
# What may open a job before a name: "the fire chief", "her lawyer", not "two officers" or "some residents".
_ARTICLES = frozenset("the a an his her their its our my your this that these those".split())
_POSSESSIVE = re.compile(r"['\u2019]s?$")


def _job_words(words: Sequence[str]) -> bool:
    """True when ``words`` can be a job or description standing before a name, with no comma inside: "fire
    chief", "the county's chief fire officer", "Chinese foreign minister", "newly appointed head coach".
    At least one word is in lower case (words all capitalised are part of the name: "Fire Chief Gemma
    Ashworth"), and none is a verb, a conjunction, a preposition or a pronoun."""
    if not 1 <= len(words) <= 6:
        return False
    lower = False
    for k, w in enumerate(words):
        bare = _POSSESSIVE.sub("", w) if _POSSESSIVE.search(w) and len(w) > 2 else w
        low = bare.lower().rstrip(".")
        if not re.fullmatch(r"[^\W_][\w'\u2019.-]*", w) or not any(ch.isalpha() for ch in w):
            return False
        if k == 0 and w.lower() in _ARTICLES:
            continue
        if low in _NOT_IN_NP or low in _NP_STOP or low in _PRONOUNS or low in _PREFIX_BREAK or low in _DETERMINERS:
            return False
        if low.endswith("ing") and low not in _TITLE_ING:
            return False
        if _VERB.fullmatch(low) or _PARTICIPLE.fullmatch(low):
            return False
        lower = lower or (w[0].islower() and w == bare)
    return lower


def _titled_name(words: Sequence[str]) -> int | None:
    """Where the name starts in a speaker phrase that is a job, then a name ("fire chief Gemma Ashworth" ->
    2), or None. The name must hold a word written as a name (capital, then lower case; not a title): "the
    company's CEO" or "the agency's Director" is a job, not a person."""
    k = len(words)
    while k > 0 and words[k - 1][:1].isupper():
        k -= 1
    if k == 0 or k == len(words) or not _job_words(words[:k]):
        return None
    name = words[k:]
    if _classify(name) != "name":
        return None
    if not any(w[1:2].islower() and w.lower().rstrip(".") not in _TITLES for w in name):
        return None
    return k


def _whole_np(text: str, a: int, b: int) -> _NP | None:
    m = _LEADING_CONJ.match(text, a, b)
    return _np_from(text, _words_in(text, m.end() if m else a, b))


def _subject_before(text: str, lo: int, hi: int) -> _NP | None:
    """The speaker phrase just before a verb at ``hi``, within its clause; appositions skipped.

    "Okafor said" -> Okafor; "Sen. Harriet Okafor, who sponsored the bill, said" -> Sen. Harriet Okafor;
    "His lawyer, Priya Castellanos, said" -> Priya Castellanos (a name in apposition beats a description).
    """
    # A speaker stands within a few hundred characters of the verb: reading back to the start of a long
    # sentence for each of its verbs is quadratic (a 100 KB run-on of "said"). A clause cut by the reach
    # has lost its opening words, so its first part names no one.
    cut_short = hi - lo > _SUBJECT_REACH
    if cut_short:
        space = text.find(" ", hi - _SUBJECT_REACH, hi)
        lo = space + 1 if space >= 0 else hi
    seg = text[lo:hi]
    two = max(seg.rfind("''"), seg.rfind("``"))
    cut = max(
        max(seg.rfind(ch) for ch in _D_ALL + "\u2018:;()\u2014\u2013"),
        two + 1 if two >= 0 else -1,  # a two-character mark: cut after its second character
    )
    base = lo + cut + 1
    m = _TRAILING_AUX.search(text, base, hi)
    end = m.start() if m else hi
    if m:
        end = _ly_noun_kept(text, base, end, hi)
    parts: list[tuple[int, int]] = []
    pos = base
    for c in re.finditer(",", text[base:end]):
        parts.append((pos, base + c.start()))
        pos = base + c.end()
    parts.append((pos, end))
    last_a, last_b = parts[-1]
    if text[last_a:last_b].strip():
        m2 = _LEADING_CONJ.match(text, last_a, last_b)
        words = _words_in(text, m2.end() if m2 else last_a, last_b)
        # longest first, from the first with no more words than a speaker phrase can have (_classify):
        # each try reads all its words, so trying every suffix of a long clause is quadratic
        first, count = len(words), 0
        for k in range(len(words) - 1, -1, -1):
            s, e = _strip_word(text, *words[k])
            count += s < e
            if count > _NP_MAX_WORDS:
                break
            first = k
        for k in range(first, len(words)):
            np = _np_from(text, words[k:])
            if np:
                return np
        return None
    for k, (a, b) in enumerate(parts[:-1]):
        if k == 0 and cut_short and cut < 0:
            continue
        np = _whole_np(text, a, b)
        if np is None:
            continue
        if np.kind == "desc" and k + 1 < len(parts) - 1:
            app = _whole_np(text, *parts[k + 1])
            if app and app.kind == "name":
                return app
        return np
    return None


_AUX_WORD = re.compile(r"\s+([^\W\d_]+)")
_TRAILING_LY_FREE = frozenset(
    """also later earlier then previously once again has have had would will repeatedly often recently
    reportedly first last further simply only""".split()
)


def _ly_noun_kept(text: str, base: int, end: int, hi: int) -> int:
    """Where the subject ends when the words cut before its verb open with one in -ly: an adverb after a
    name, pronoun or noun ("Trump passionately stated", "she quietly said", "the mayor quietly said"), but
    the noun the speaker phrase ends in right after a determiner ("the elderly said", "the friendly said")."""
    first = _AUX_WORD.match(text, end, hi)
    if first is None or first.group(1) in _TRAILING_LY_FREE:
        return end
    prev = re.findall(r"[\w'\u2019.-]+", text[base:end])
    if prev and prev[-1].lower() in _DETERMINERS:
        return first.end()
    return end


def _np_after(text: str, a: int, b: int, *, apposed: bool = True) -> _NP | None:
    """The speaker phrase right after a verb: 'said Sen. Douglas Whitcombe, who …' -> Sen. Douglas Whitcombe."""
    stop = re.compile(r"[,;:()\u2014\u2013!?\u201c\u201d\"\u00ab\u00bb]").search(text, a, b)
    words = _words_in(text, a, stop.start() if stop else b)
    kept: list[tuple[int, int]] = []
    name_mode: bool | None = None
    for k, (s, e) in enumerate(words):
        w = text[s:e]
        bare = w.rstrip(".").lower()
        if kept and bare in _NP_STOP:
            break
        if name_mode is None:
            name_mode = w[0].isupper() and bare not in _DETERMINERS and not re.search(r"['\u2019]s$", w)
        elif name_mode and not w[0].isupper() and bare not in _NAME_CONNECTORS:
            titled = _org_titled_name(text, kept, words[k:])
            if titled is not None:
                return titled
            break
        kept.append((s, e))
        if w.endswith(".") and not _TITLE_ABBREV.match(w):
            break  # the sentence ends here
        if len(kept) >= 8:
            break
    while kept:
        np = _np_from(text, kept)
        if np:
            return (_apposed_name(text, np, b) if apposed else None) or np
        kept = kept[:-1]
    return None


def _org_titled_name(text: str, org: list[tuple[int, int]], rest: list[tuple[int, int]]) -> _NP | None:
    """The person in 'said Northline chief executive Sandra Obuya': capitalised words (``org``), then a job in
    lower case and a name (from ``rest``), the person named last; or None ('said Obuya sternly', 'said Smith
    about Parliament', which hold no job before a name). Read as the same phrase before its verb is
    ('Northline chief executive Sandra Obuya said'), where the longest speaker phrase yields the person."""
    phrase = list(org)
    capitals = False
    for s, e in rest:
        w = text[s:e]
        bare = w.rstrip(".").lower()
        if bare in _NP_STOP or (capitals and not w[0].isupper() and bare not in _NAME_CONNECTORS):
            break
        capitals = capitals or w[0].isupper()
        phrase.append((s, e))
        if w.endswith(".") and not _TITLE_ABBREV.match(w):
            break  # the sentence ends here
        if len(phrase) >= _NP_MAX_WORDS:
            break
    if not capitals:
        return None
    np = _np_from(text, phrase)
    return np if np is not None and np.kind == "name" and np.start > org[0][0] else None


def _apposed_name(text: str, np: _NP, b: int) -> _NP | None:
    """The name set beside a job after the verb: 'said the fire chief, Gemma Ashworth.' -> Gemma Ashworth,
    when the name ends there (a comma, a full stop, the sentence's end), or None: 'said the spokesman,
    Reuters reported' sets no name beside the job."""
    if np.kind != "desc" or not _job_words(text[np.start : np.end].split()):
        return None
    m = _APPOSITION.match(text, np.end, b)
    if m is None:
        return None
    name = _np_after(text, m.end(), b, apposed=False)
    if name is None or name.kind != "name" or name.start != m.end():
        return None
    rest = text[name.end : b]
    return name if not rest.strip() or rest[0] in ",.;" else None


_APPOSITION = re.compile(r",\s+")


def _inherit(text: str, sents: tuple[_Sent, ...], starts: list[int], drafts: list[_Draft]) -> None:
    """Speakers from around a quote whose own sentence names none.

    In order: a sentence introducing it with a colon ("Okafor said:"), the other parts of a quotation
    continued across paragraphs, the quote just before it in the same paragraph ("“…,” she said. “…”"),
    and the subject of a speech verb in the sentence before it in the same paragraph.
    """
    for d in drafts:
        if d.np is not None:
            continue
        si = _sentence_of(starts, d.outer_start)
        if si > 0 and _ends_with(text, sents[si - 1].start, sents[si - 1].end, ":"):
            prev = sents[si - 1]
            attr = _before_attribution(text, prev.start, prev.end)
            if attr:
                _set(text, d, attr, "direct")
                continue
    # quotations continued across paragraphs share one speaker
    chains: list[list[_Draft]] = []
    for d in drafts:
        if d.continued and chains:
            chains[-1].append(d)
        else:
            chains.append([d])
    for chain in chains:
        known = next((d for d in chain if d.np is not None), None)
        if known is None or len(chain) == 1:
            continue
        for d in chain:
            if d.np is None:
                _copy_speaker(d, known)
    subjects: dict[int, _NP | None] = {}
    for k, d in enumerate(drafts):
        if d.np is not None:
            continue
        si = _sentence_of(starts, d.outer_start)
        if not _blank(text, sents[si].start, d.outer_start):
            continue  # only a quote that is a sentence of its own takes its speaker from around it
        prev_q = drafts[k - 1] if k > 0 else None
        if (
            prev_q is not None
            and prev_q.np is not None
            and prev_q.paragraph == d.paragraph
            and _sentence_of(starts, max(prev_q.outer_start, prev_q.outer_end - 1)) >= si - 1
        ):
            _copy_speaker(d, prev_q)
            continue
        if si > 0 and sents[si - 1].paragraph == sents[si].paragraph:
            prev = sents[si - 1]
            if si - 1 not in subjects:  # once a sentence: thousands of quotes can follow one
                subjects[si - 1] = _sentence_subject(text, prev.start, prev.end)
            np = subjects[si - 1]
            if np and np.kind != "pronoun":
                d.np = np
                d.attribution = "context"
                d.speaker_span = (np.start, np.end)
                d.speaker_text = text[np.start : np.end]


def _inside(drafts: list[_Draft], opens: list[int], pos: int) -> bool:
    k = bisect.bisect_right(opens, pos)
    return k > 0 and pos < drafts[k - 1].outer_end


def _copy_speaker(d: _Draft, known: _Draft) -> None:
    d.np = known.np
    d.attribution = "context" if known.attribution == "direct" else known.attribution
    d.speaker_span = known.speaker_span
    d.speaker_text = known.speaker_text
    d.pronoun = known.pronoun


def _resolve_pronouns(text: str, sents: tuple[_Sent, ...], drafts: list[_Draft]) -> None:
    """'he'/'she' -> the last person named in the same paragraph, else in the paragraph before.

    A person is named as the subject of a speech verb, as a quote's speaker, or as a name opening a
    sentence ("Tull had little patience …"). Cheap and mostly right in news copy, where a pronoun
    attribution follows the name it stands for. A resolved pronoun counts as a different speaker only
    when it is ``sure`` (its own "she said" right after a sentence where that name, and no other, is
    named speaking); any other guess, if wrong, costs a name in a detail only.
    """
    pending = [
        d
        for d in drafts
        if d.np is not None
        and d.np.kind == "pronoun"
        and d.pronoun is None
        and text[d.np.start : d.np.end].lower() in ("he", "she")
    ]
    if not pending:
        return  # the mention scan below reads every sentence: most texts have no pronoun to resolve
    proper = _proper_words(text)
    mentions: list[tuple[int, int, _NP, bool]] = []  # (position, paragraph, name, as a speaker)
    wanted = {p for d in pending for p in (d.paragraph, d.paragraph - 1)}  # the only paragraphs looked in
    for s in sents:
        if s.paragraph not in wanted:
            continue
        for verb in _VERB.finditer(text, s.start, s.end):
            np = _subject_before(text, s.start, verb.start())
            if np and np.kind == "name":
                mentions.append((np.start, s.paragraph, np, True))
        opening = _np_after(text, s.start, s.end)
        if opening and opening.kind == "name" and _has_proper(text[opening.start : opening.end], proper):
            mentions.append((opening.start, s.paragraph, opening, False))
    # not names quoted (the drafts are sorted and do not overlap: the one opening last before a name is the
    # only one that can hold it; a scan of them all for each name is quadratic)
    opens = [d.outer_start for d in drafts]
    mentions = [m for m in mentions if not _inside(drafts, opens, m[0])]
    for d in drafts:
        if d.np is not None and d.np.kind == "name" and d.attribution == "direct":
            mentions.append((d.np.start, d.paragraph, d.np, True))
    by_para: dict[int, list[tuple[int, _NP, bool]]] = {}
    # a name both opening a sentence and speaking in it: the speaker's entry last, so it is the one found
    for pos, para, np, spoke in sorted(mentions, key=lambda t: (t[0], t[3])):
        by_para.setdefault(para, []).append((pos, np, spoke))
    keys = {p: [pos for pos, _, _ in ms] for p, ms in by_para.items()}
    starts = [s.start for s in sents]
    for d in pending:
        assert d.np is not None
        found = None
        for p in (d.paragraph, d.paragraph - 1):  # the last name before it, in its paragraph, else the one before
            k = bisect.bisect_left(keys.get(p, []), d.np.start)
            if k:
                found = by_para[p][k - 1]
                break
        if found is None:
            continue
        _, name, spoke = found
        d.sure = (
            spoke
            and text[name.start : name.end].split()[0].lower() not in _DETERMINERS  # "The Metropolitan Police"
            and d.attribution == "direct"
            and d.adjacent
            and _sentence_of(starts, name.start) == _sentence_of(starts, d.outer_start) - 1
            # "Sarah Cole and Gemma Ashworth said ...": either may be "she", so neither is sure
            and not _names_between(text, name, starts[_sentence_of(starts, name.start)], d.outer_start, proper)
        )
        d.pronoun = text[d.np.start : d.np.end]
        d.np = name
        d.attribution = "pronoun"
        d.speaker_span = (name.start, name.end)
        d.speaker_text = text[name.start : name.end]


def _names_between(text: str, name: _NP, start: int, end: int, proper: frozenset[str]) -> bool:
    """True when a word the text writes as a name, other than ``name``'s own, stands mid-sentence between
    ``start`` (the name's sentence's start) and ``end``: another person (or anything named) the pronoun might
    stand for."""
    own = {re.sub(r"['\u2019]s$", "", w).lower() for w in text[name.start : name.end].split()}
    for m in re.finditer(r"(?<=[\w,] )[A-Z][\w'\u2019-]+", text[start:end]):
        w = re.sub(r"['\u2019]s$", "", m.group()).lower()
        if w in proper and w not in own:
            return True
    return False


@lru_cache(maxsize=64)
def _proper_words(text: str) -> frozenset[str]:
    """Words the text capitalises mid-sentence and never writes in lower case: names, not "Public"."""
    lower = {m.group() for m in re.finditer(r"(?<![\w'\u2019-])[a-z][\w'\u2019-]*", text)}
    out = set()
    for m in re.finditer(r"(?<=[a-z,] )[A-Z][\w'\u2019-]+", text):
        w = re.sub(r"['\u2019]s$", "", m.group())
        if w.lower() not in lower and w.lower() not in _TITLES:
            out.add(w.lower())
    return frozenset(out)


def _has_proper(phrase: str, proper: frozenset[str]) -> bool:
    return any(re.sub(r"['\u2019]s$", "", w).lower() in proper for w in re.findall(r"[A-Z][\w'\u2019-]+", phrase))


def _kind(text: str, sents: tuple[_Sent, ...], starts: list[int], d: _Draft, words: int) -> str:
    """'scare' for a word or two in quotation marks that no one is quoted as saying, else 'quote'."""
    before = text[max(0, d.outer_start - 20) : d.outer_start]
    if words <= 4 and (
        _SCARE_CUE.search(before) or _NAMED_CUE.search(text[max(0, d.outer_start - 60) : d.outer_start])
    ):
        return "scare"
    if words > 2 or (d.attribution == "direct" and d.adjacent):
        return "quote"
    if d.speaker_text and _CALLING_CUE.search(text[max(0, d.outer_start - 60) : d.outer_start]):
        return "quote"
    s = sents[_sentence_of(starts, d.outer_start)]
    opens_sentence = _blank(text, s.start, d.outer_start)
    after_colon = _ends_with(text, s.start, d.outer_start, ":")
    if opens_sentence or after_colon or d.continued:
        return "quote"
    return "scare"


# --- comparing quotations --------------------------------------------------------------------------------


class _W(NamedTuple):
    norm: str
    start: int
    end: int
    bracket: bool  # an editor's insertion in square brackets: "[the mayor]"


@dataclass
class _Seq:
    words: list[_W]
    gaps: set[int]  # an ellipsis stands just before words[k]

    @property
    def norms(self) -> list[str]:
        return [w.norm for w in self.words]


@lru_cache(maxsize=65536)
def _normalise(token: str) -> tuple[str, ...]:
    """Fold the typography a rewrite may change: case, curly apostrophes, U.K./UK, 14,000/14000,
    contractions, number words, %/per cent, bn/billion."""
    w = unicodedata.normalize("NFKC", token).lower().replace("\u2019", "'")
    if "." in w and w[0].isalpha():
        w = w.replace(".", "")
    if w[0].isdigit():
        return (w.replace(",", ""),)
    if w == "&":
        return ("and",)
    if w == "%":
        return ("percent",)
    if w in _NUMBER_WORDS:
        return (_NUMBER_WORDS[w],)
    if w in _SCALE:
        return (_SCALE[w],)
    if w == "cannot":
        return ("can", "not")
    if w.endswith("n't") and len(w) > 3:
        base = w[:-3]
        return ({"wo": "will", "ca": "can", "sha": "shall"}.get(base, base), "not")
    for suffix, full in _CONTRACTIONS:
        if w.endswith(suffix) and len(w) > len(suffix):
            return (w[: -len(suffix)], full)
    return (_fold(w),)


@lru_cache(maxsize=16)
def _quote_seqs_of(text: str) -> dict[tuple[int, int], _Seq]:
    """The quotations of ``text`` read so far, by span. The cache is bounded in texts (each entry holds its
    whole text alive), not in quotations: a web app or a scan worker meets many texts."""
    return {}


def _quote_seq(text: str, a: int, b: int) -> _Seq:
    """``_seq`` of a quotation, shared (never to be modified): a scan compares one article with several,
    and each comparison reads its quotes again."""
    seqs = _quote_seqs_of(text)
    found = seqs.get((a, b))
    if found is None:
        found = seqs[(a, b)] = _seq(text, a, b)
    return found


@lru_cache(maxsize=8)
def _body_norms(text: str, a: int, b: int) -> tuple[str, ...]:
    """The normalised words of ``text[a:b]``, shared: the body of an original compared with several."""
    return tuple(_norms(text, a, b))


def _norms(text: str, a: int, b: int) -> list[str]:
    """``_seq(text, a, b).norms`` without the spans and flags of each word: the words of a whole text."""
    out: list[str] = []
    for g in _WORD.findall(text, a, b):
        if g in _NOT_WORDS:
            continue
        for norm in _normalise(g):
            if norm == "cent" and out and out[-1] == "per":
                out[-1] = "percent"
            else:
                out.append(norm)
    return out


def _seq(text: str, a: int, b: int, skip: Sequence[tuple[int, int]] = ()) -> _Seq:
    """The words of ``text[a:b]`` (leaving out the spans in ``skip``), normalised for comparison."""
    words: list[_W] = []
    gaps: set[int] = set()
    bracket = False
    make = tuple.__new__  # a _W without the keyword handling of its constructor: the quote check's hot loop
    for m in _WORD.finditer(text, a, b):
        start = m.start()
        if skip and any(x <= start < y for x, y in skip):
            continue
        g = m.group()
        if g in _ELLIPSIS:
            gaps.add(len(words))  # the position of the word after it, "per cent" counted as one word
        elif g == "[":
            bracket = True
        elif g == "]":
            bracket = False
        else:
            end = m.end()
            for norm in _normalise(g):
                if norm == "cent" and words and words[-1].norm == "per":  # "per cent" -> "percent"
                    words[-1] = make(_W, ("percent", words[-1].start, end, bracket))
                else:
                    words.append(make(_W, (norm, start, end, bracket)))
    return _Seq(words, gaps)


def _fold(word: str) -> str:
    if len(word) < 5:
        return word
    word = _OUR.sub("or", word)
    for a, b in _SPELLING:
        if word.endswith(a):
            return word[: -len(a)] + b
    return word


def _typo(a: str, b: str) -> bool:
    """One letter wrong, missing, extra or swapped in a long word: a typo fixed or made, not a new word."""
    if min(len(a), len(b)) < 6 or a[0] != b[0] or abs(len(a) - len(b)) > 1 or any(c.isdigit() for c in a + b):
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        return len(diff) == 1 or (
            len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
        )
    long, short = (a, b) if len(a) > len(b) else (b, a)
    return any(long[:k] + long[k + 1 :] == short for k in range(len(long)))


def _equivalent(d: Sequence[str], s: Sequence[str]) -> bool:
    """Words that differ in typography only: e-mail/email, per cent/percent, colour/color, a typo."""
    if "".join(d) == "".join(s):
        return True
    return len(d) == len(s) and all(_fold(x) == _fold(y) or _typo(x, y) for x, y in zip(d, s, strict=True))


def _content(norms: Iterable[str]) -> list[str]:
    return [n for n in norms if n not in STOPWORDS]


@dataclass
class _Match:
    """A derived quote and the source quote(s) it reproduces, word for word as far as it goes."""

    dq: Quote
    d: _Seq
    window: tuple[int, ...]  # indices into the source quotes
    s: _Seq
    owner: list[tuple[int, int]]  # per source word: (source quote, word index inside it)
    ops: Sequence[tuple[str, int, int, int, int]]
    matched: int
    partial: bool = False  # a short source quote found whole inside a longer derived one
    reworded: bool = False  # no words in order to speak of, but the same content words


class _Window(NamedTuple):
    """Source quotes a derived quote is compared with (one, or two of a speaker joined)."""

    quotes: tuple[int, ...]
    seq: _Seq
    owner: list[tuple[int, int]]  # per word: (source quote, word index inside it)
    counts: Counter[str]  # of the words: how many a derived quote can share at most
    sentences: tuple[int, ...]  # the source sentences its quotes open in
    function_words: int  # how many of its words are function words (STOPWORDS)


@dataclass
class _Context:
    alignment: Alignment
    src_quotes: list[Quote]
    der_quotes: list[Quote]
    src_seqs: list[_Seq]
    src_starts: list[int]
    der_starts: list[int]
    links: dict[int, tuple[int, ...]]
    narrative: dict[int, _Seq] = field(default_factory=dict)
    narrative_counter: dict[int, Counter[str]] = field(default_factory=dict)
    narrative_postings: dict[str, list[int]] | None = None  # content word -> body sentences (narrative_with)
    src_quote_sentences: list[int] | None = None  # the sentence each source quote opens in (_reworded)
    # each source quote's words counted, and content word -> the source quotes that have it (_in_other_quote)
    quote_counts: list[Counter[str]] | None = None
    quote_postings: dict[str, list[int]] | None = None
    windows: list[_Window] | None = None
    # content word -> (window, how often the window has it), for the windows that have it
    postings: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    body_matcher: _Matcher | None = None  # the source body's words (_in_source_text)
    # A window's words indexed for lining up (made when first lined up; most windows never are)
    matchers: dict[int, _Matcher] = field(default_factory=dict)
    quote_reach: int | None = None  # the longest source quote, marks included (narrative_of)
    quote_starts: list[int] = field(default_factory=list)  # where each source quote opens
    # Windows of the same words and as many quotes rank alike but for their index and link: only the first of
    # each such group is indexed and lined up (thousands of one repeated quote are one window to read).
    group_of: list[int] = field(default_factory=list)  # window -> first window of its group
    groups: list[int] = field(default_factory=list)  # the first windows of the groups
    # source sentence -> group -> the first of its windows opening in that sentence
    by_sentence: dict[int, dict[int, int]] = field(default_factory=dict)

    def narrative_of(self, j: int) -> _Seq:
        """Source sentence ``j``'s words outside any quotation: the reporter's own words.

        Empty when the sentence's marks are in doubt (an unbalanced quote, or a mark no quote accounts
        for): what lies outside the quotation marks is then unknown, and no finding may rest on it.
        """
        if j not in self.narrative:
            src = self.alignment.source
            s = src.sentences[j]
            near = self._quotes_over(s.start, s.end)
            marks = {q.outer_start for q in near} | {q.outer_end - 1 for q in near}
            stray = any(
                m.start() not in marks and m.end() - 1 not in marks for m in _D_MARK.finditer(src.text, s.start, s.end)
            )
            if stray or any(q.unbalanced for q in near):
                self.narrative[j] = _Seq([], set())
            else:
                self.narrative[j] = _seq(src.text, s.start, s.end, [(q.outer_start, q.outer_end) for q in near])
        return self.narrative[j]

    def narrative_counts(self, j: int) -> Counter[str]:
        """How often each word stands in source sentence ``j``'s narrative (``narrative_of``)."""
        if j not in self.narrative_counter:
            self.narrative_counter[j] = Counter(self.narrative_of(j).norms)
        return self.narrative_counter[j]

    def narrative_with(self, words: set[str]) -> list[int]:
        """The body sentences whose narrative (``narrative_of``) has one of ``words`` (content words),
        in order."""
        if self.narrative_postings is None:
            self.narrative_postings = {}
            for s in self.alignment.source.body:
                for w in self.narrative_counts(s.index):
                    if w not in STOPWORDS:
                        self.narrative_postings.setdefault(w, []).append(s.index)
        return sorted({j for w in words for j in self.narrative_postings.get(w, ())})

    def _quotes_over(self, a: int, b: int) -> list[Quote]:
        """The source quotes that overlap ``a:b``, in order. The quotes are in order of their opening
        mark, so only those opening less than the longest quote's length before ``a`` are looked at:
        looking at all of them for each sentence is quadratic in a long text."""
        if self.quote_reach is None:
            self.quote_reach = max((q.outer_end - q.outer_start for q in self.src_quotes), default=0)
            self.quote_starts = [q.outer_start for q in self.src_quotes]
        lo = bisect.bisect_right(self.quote_starts, a - self.quote_reach)
        hi = bisect.bisect_left(self.quote_starts, b)
        return [q for q in self.src_quotes[lo:hi] if q.outer_end > a]


def quote_findings(alignment: Alignment) -> list[Finding]:
    """Quotations the rewrite altered, extended with the reporter's words, invented or re-attributed.

    Every derived quote is looked up among all the source's quotes (quotes move between sentences), by
    the quoted words after typographic normalisation. Same words: nothing. Otherwise one finding a
    quote (``quote_altered``: extended / words_changed / trimmed, or ``quote_fabricated``: invented or
    from_narrative / scare), plus ``quote_fabricated`` speaker_changed when a matched quote is given to
    another named speaker.
    """
    der_quotes = quotes_of(alignment.derived)
    if not der_quotes:
        return []  # every finding is about a quotation of the suspect: the original's need not be read
    ctx = _context(alignment, der_quotes)
    matches, unmatched = _match_all(ctx)
    covered = _covered(matches)
    findings: list[Finding] = []
    paired: set[int] = set()
    for m in matches:
        if m.dq.unbalanced:
            continue  # its boundaries are a guess: nothing to say for sure
        f = _altered(ctx, m, covered)
        if f:
            findings.append(f)
        f = _speaker_changed(ctx, m)
        if f:
            findings.append(f)
    for dq in unmatched:
        if dq.unbalanced:
            continue
        f = _fabricated(ctx, dq)
        if f and f.subtype == "invented":
            lined = _lined_up(ctx, dq)
            if lined is None:
                lined = _in_place(ctx, dq, covered, paired) or _same_opening(ctx, dq, covered, paired)
                if lined is not None:
                    paired.update(lined.window)
            if lined is not None:
                f = _altered(ctx, lined, covered)
        if f:
            findings.append(f)
    findings.sort(key=lambda f: f.derived[0] if f.derived else 0)
    return findings


def dropped_quotes(alignment: Alignment) -> list[Quote]:
    """Source quotations no derived quotation reproduces (for omission checks; not a finding here)."""
    ctx = _context(alignment)
    matches, _ = _match_all(ctx)
    kept = {k for m in matches for k in m.window}
    body = {s.index for s in alignment.source.body}
    text = alignment.source.text
    return [
        q
        for k, q in enumerate(ctx.src_quotes)
        if k not in kept and _sentence_of(ctx.src_starts, q.outer_start) in body and not _frames_text(text, q)
    ]


_LEADING_SPACE = re.compile(r"\s*")
_HEADLINE_LABEL = re.compile(
    r"(?:(?:sensational|emotional|neutral|objective|new|suggested|revised|rewritten)\s+)?"
    r"(?:title|headline|sensational|breaking(?:\s+news)?|exclusive)\s*:\s*",
    re.IGNORECASE,
)


def _frames_text(text: str, q: Quote) -> bool:
    """A headline in quotation marks: a quotation with no speaker that opens the text and stands on its own
    line (a line break or two spaces after it) without a full stop, or runs on into the next sentence
    written as a headline (most words capitalised). An LLM's output pasted with the marks it came in; 7% of
    SheepDog's rewrites open so. Not anyone's words: checked as a sentence like any other, not as a quote.
    (Marks around the whole text are dropped when the quotes are read: ``_text_frame``.)"""
    # Only leading space may stand before it; asked of every quote, so a long text is not copied each time.
    # Or a label an LLM writes before the headline it was asked for ("SENSATIONAL TITLE: \"...\""), which the
    # quote reader takes for its speaker.
    lead = _LEADING_SPACE.match(text)
    start = lead.end() if lead else 0
    label = _HEADLINE_LABEL.match(text, start)
    if label is not None and label.end() == q.outer_start:
        start = label.end()
    elif q.speaker is not None:
        return False
    if start != q.outer_start:
        return False
    inner = text[q.start : q.end].rstrip("\"'\u201d\u2019 ")
    if inner.endswith("."):
        return False  # a sentence someone said; a headline has no full stop
    rest = text[q.outer_end :]
    if rest.startswith(("\n", "\r", "  ", " \n", "\t")):
        return True
    # Run on into the text with one space: still a headline when it is written as one and a new sentence
    # follows ("… Revealed!" In a bombshell report), not a phrase inside one ("… Now" is written on placards).
    # Title case leaves function words in lower case ("Paying $100,000 for You to Stay in Bed"): content words
    # only are counted.
    words = [w for w in _WORD.findall(text, q.start, q.end) if w.isalpha() and w.lower() not in STOPWORDS]
    nxt = re.match(r"\s+([A-Za-z])", rest)
    return (
        len(words) >= 3
        and sum(w[0].isupper() for w in words) >= 0.6 * len(words)
        and nxt is not None
        and nxt.group(1).isupper()
    )


def _context(alignment: Alignment, der_quotes: list[Quote] | None = None) -> _Context:
    src, der = alignment.source, alignment.derived
    src_quotes = quotes_of(src)
    links: dict[int, tuple[int, ...]] = {}
    for link in alignment.links:
        for i in link.derived:
            links[i] = link.source
    return _Context(
        alignment=alignment,
        src_quotes=src_quotes,
        der_quotes=quotes_of(der) if der_quotes is None else der_quotes,
        src_seqs=[_quote_seq(src.text, q.start, q.end) for q in src_quotes],
        src_starts=[s.start for s in src.sentences],
        der_starts=[s.start for s in der.sentences],
        links=links,
    )


def _match_all(ctx: _Context) -> tuple[list[_Match], list[Quote]]:
    der = ctx.alignment.derived
    boiler = {s.index for s in der.sentences if s.boilerplate}
    matches: list[_Match] = []
    unmatched: list[Quote] = []
    for dq in ctx.der_quotes:
        if _sentence_of(ctx.der_starts, dq.outer_start) in boiler or _frames_text(der.text, dq):
            continue
        m = _counterpart(ctx, dq)
        if m and m.partial:
            found = _altered(ctx, m, set())
            if found is None or (found.subtype != "extended" and not _grown(m)):
                m = None
        if m:
            matches.append(m)
        else:
            unmatched.append(dq)
    return matches, unmatched


def _grown(m: _Match) -> bool:
    """A source quote of three words or more found whole in a derived one at most three times as long: the
    speaker's words with words of no one's added inside the marks ("betrayed the public trust" ->
    "betrayed the public trust and the people of this county"), an altered quote rather than an invented one.
    A shorter phrase inside a long quote is too little to say whose words the rest are."""
    return len(m.s.words) >= 3 and len(m.d.words) <= 3 * len(m.s.words)


def _windows(ctx: _Context) -> list[tuple[int, ...]]:
    """Each source quote alone, and each two consecutive quotes of one speaker close together, which a
    rewrite may join into one ("“A,” she said. “B.”" -> "“A. B.”")."""
    out: list[tuple[int, ...]] = [(k,) for k in range(len(ctx.src_quotes))]
    for k in range(len(ctx.src_quotes) - 1):
        a, b = ctx.src_quotes[k], ctx.src_quotes[k + 1]
        if b.outer_start - a.outer_end > 300:
            continue
        if a.speaker and b.speaker and _names_differ(ctx, a, b, same_doc=True):
            continue
        out.append((k, k + 1))
    return out


def _window_seq(ctx: _Context, window: tuple[int, ...]) -> tuple[_Seq, list[tuple[int, int]]]:
    words: list[_W] = []
    gaps: set[int] = set()
    owner: list[tuple[int, int]] = []
    for k in window:
        seq = ctx.src_seqs[k]
        gaps |= {g + len(words) for g in seq.gaps}
        owner += [(k, i) for i in range(len(seq.words))]
        words += seq.words
    return _Seq(words, gaps), owner


def _index_windows(ctx: _Context) -> list[_Window]:
    """The windows of the source quotes, and the content words' postings."""
    if ctx.windows is None:
        ctx.windows = []
        first: dict[tuple[tuple[str, ...], int], int] = {}
        for i, w in enumerate(_windows(ctx)):
            seq, owner = _window_seq(ctx, w)
            s_norms = seq.norms
            counts = Counter(s_norms)
            sentences = tuple(_sentence_of(ctx.src_starts, ctx.src_quotes[k].outer_start) for k in w)
            function_words = sum(c for x, c in counts.items() if x in STOPWORDS)
            ctx.windows.append(_Window(w, seq, owner, counts, sentences, function_words))
            g = first.setdefault((tuple(s_norms), len(w)), i)
            ctx.group_of.append(g)
            for j in sentences:
                ctx.by_sentence.setdefault(j, {}).setdefault(g, i)
            if g != i:
                continue
            ctx.groups.append(i)
            for x, c in counts.items():
                if x not in STOPWORDS:
                    ctx.postings.setdefault(x, []).append((i, c))
    return ctx.windows


class _Matcher(NamedTuple):
    """difflib's matcher for one sequence ``b`` (it indexes ``b`` once for every ``a`` lined up with it), and
    how often each word is in ``b``."""

    b: Sequence[str]
    counts: Counter[str]
    sm: SequenceMatcher[str]


def _matcher(b: Sequence[str]) -> _Matcher:
    return _Matcher(b, Counter(b), SequenceMatcher(None, b=b, autojunk=False))


def _line_up(a: Sequence[str], matcher: _Matcher) -> tuple[list[Match], list[Opcode]]:
    """The matching blocks (sizes above 0) and opcodes of ``a`` against the matcher's ``b``, as difflib gives
    them while the work is small: a pass of difflib reads, for each word of ``a``, each place of that word in
    ``b``, and a hostile quotation of thousands of repeated words in both texts made that minutes. Above
    ``DIFF_PAIRS_CAP`` such places, ``align.word_opcodes`` lines them up in bounded time."""
    counts = matcher.counts
    work = 0
    for w in a:
        work += counts.get(w, 0)
        if work > DIFF_PAIRS_CAP:
            ops = word_opcodes(a, matcher.b)
            return [Match(i1, j1, i2 - i1) for tag, i1, i2, j1, _j2 in ops if tag == "equal"], ops
    sm = matcher.sm
    sm.set_seq1(a)
    return [b for b in sm.get_matching_blocks() if b.size], list(sm.get_opcodes())


def _counterpart(ctx: _Context, dq: Quote) -> _Match | None:
    """The source quote(s) sharing most of the derived quote's words, if they share enough of them.

    Enough: half the derived quote's words (at least three, or all of a short source quote), content
    words among them. Failing that, a source quote found whole inside a longer derived one is returned
    as ``partial``: it is a counterpart only if the rest turns out to be the reporter's words (extended).
    Of several, the one with most words matched, then of fewest quotes joined, then in a sentence the
    alignment links to the quote's, then the first.

    Lining the words up (difflib) is the cost, and a long text has thousands of windows, so the search
    is bounded, with the same result as lining up every window: no more words match in order than the
    two have in common, nor more content words than they have content words in common. A window that
    shares no content word with the quote is never read (when the quote has content words, a
    counterpart must share one: the postings of its content words give the others); one whose bound is
    below either bar is never lined up; the rest are lined up best bound first, until no window left
    can outrank the best found. The bound is made exact (function words counted) only when a window
    comes up.
    """
    d = _quote_seq(ctx.alignment.derived.text, dq.start, dq.end)
    d_norms = [w.norm for w in d.words if not w.bracket]
    if not d_norms:
        return None
    n = len(d_norms)
    need_content = min(2, len(_content(d_norms)))
    linked_sents = set(ctx.links.get(_sentence_of(ctx.der_starts, dq.outer_start), ()))
    windows = _index_windows(ctx)
    norms = d.norms
    counts = Counter(norms)
    function_counts = [(x, c) for x, c in counts.items() if x in STOPWORDS]
    function_words = sum(c for _x, c in function_counts)
    shared: dict[int, int] = {}  # window -> content words in common (as a multiset)
    if need_content:
        for x, c in counts.items():
            if x not in STOPWORDS:
                for i, s_c in ctx.postings.get(x, ()):
                    shared[i] = shared.get(i, 0) + min(c, s_c)
    else:  # a quote of function words only: any window may qualify
        for i in ctx.groups:
            win = windows[i]
            shared[i] = sum(min(c, win.counts.get(x, 0)) for x, c in counts.items() if x not in STOPWORDS)

    def pick(g: int) -> int:
        """Of a group (``_Context.group_of``), the member that ranks first: the first in a linked sentence,
        else the first."""
        linked_members = [ctx.by_sentence.get(j, {}).get(g) for j in linked_sents]
        return min((i for i in linked_members if i is not None), default=g)

    def in_common(i: int) -> int:
        win = windows[i]
        return shared[ctx.group_of[i]] + sum(min(c, win.counts.get(x, 0)) for x, c in function_counts)

    def linked(i: int) -> int:
        return int(any(j in linked_sents for j in windows[i].sentences))

    # Ranks are negated, so that the best is the least: (-matched, quotes joined, -linked, window).
    full_heap: list[tuple[tuple[int, int, int, int], bool]] = []  # (rank bound, bound exact?)
    partial_cands: list[int] = []
    for i, content_common in shared.items():
        win = windows[i]
        size = len(win.seq.words)
        most = content_common + min(function_words, win.function_words)  # words in common, at most
        if most >= 0.5 * n and content_common >= need_content and size:
            full_heap.append(((-most, len(win.quotes), -1, i), False))
        if most >= size >= 2 and content_common >= 1:  # a partial counterpart matches all its words
            partial_cands.append(i)
    heapq.heapify(full_heap)
    lined_up: dict[int, tuple[list[Match], int, int, list[Opcode]]] = {}

    def line_up(i: int) -> tuple[list[Match], int, int, list[Opcode]]:
        """The matching blocks of window ``i`` with the quote, the words and content words in them, the
        opcodes."""
        if i not in lined_up:
            g = ctx.group_of[i]
            sm = ctx.matchers.get(g) or ctx.matchers.setdefault(g, _matcher(windows[g].seq.norms))
            blocks, ops = _line_up(norms, sm)
            matched = sum(b.size for b in blocks)
            content = sum(1 for b in blocks for w in norms[b.a : b.a + b.size] if w not in STOPWORDS)
            lined_up[i] = (blocks, matched, content, ops)
        return lined_up[i]

    full: tuple[tuple[int, int, int, int], _Match] | None = None
    while full_heap:
        bound, exact = heapq.heappop(full_heap)
        if full is not None and bound > full[0]:
            break  # no window left can outrank the best
        i = bound[3]
        if not exact:
            i = pick(i)
            common = in_common(i)
            if common >= 0.5 * n:
                heapq.heappush(full_heap, ((-common, bound[1], -linked(i), i), True))
            continue
        blocks, matched, content, ops = line_up(i)
        win = windows[i]
        whole = matched == len(win.seq.words) >= 2
        short = n <= 4 and matched >= max(2, n - 1) and content >= 1
        if matched >= 0.5 * n and (matched >= min(3, n) or whole or short) and content >= need_content:
            rank = (-matched, bound[1], bound[2], i)
            if full is None or rank < full[0]:
                full = (rank, _Match(dq, d, win.quotes, win.seq, win.owner, ops, matched))
    if full is not None:
        return full[1]
    # No window qualifies in full, so none of these does: the best whole one, whose rank is known, wins.
    partial_cands = [pick(i) for i in partial_cands]
    partial_cands = [i for i in partial_cands if in_common(i) >= len(windows[i].seq.words)]
    partial_cands.sort(key=lambda i: (-len(windows[i].seq.words), len(windows[i].quotes), -linked(i), i))
    for i in partial_cands:
        blocks, matched, content, ops = line_up(i)
        win = windows[i]
        if matched == len(win.seq.words) and len(blocks) == 1 and content >= 1:
            return _Match(dq, d, win.quotes, win.seq, win.owner, ops, matched, partial=True)
    return _reworded(ctx, dq, d, linked_sents)


def _reworded(ctx: _Context, dq: Quote, d: _Seq, linked_sents: set[int]) -> _Match | None:
    """A source quote saying the same thing in other words (most content words shared, stemmed): the
    quote was reworded, which is an alteration, not an invention. Only for the quote's own source
    sentence(s), where the alignment already vouches that the two passages correspond."""
    if dq.kind == "scare":
        return None
    d_stems = {stem(w.norm) for w in d.words if w.norm not in STOPWORDS and not w.bracket}
    if len(d_stems) < 2:
        return None
    best: tuple[float, int] | None = None
    if ctx.src_quote_sentences is None:
        ctx.src_quote_sentences = [_sentence_of(ctx.src_starts, q.outer_start) for q in ctx.src_quotes]
    for k, j in enumerate(ctx.src_quote_sentences):
        if j not in linked_sents:
            continue
        s_stems = {stem(w.norm) for w in ctx.src_seqs[k].words if w.norm not in STOPWORDS}
        shared = len(d_stems & s_stems)
        share = shared / len(d_stems)
        if shared >= 2 and share >= 0.5 and (best is None or share > best[0]):
            best = (share, k)
    if best is None:
        return None
    k = best[1]
    return _Match(
        dq, d, (k,), ctx.src_seqs[k], [(k, i) for i in range(len(ctx.src_seqs[k].words))], [], 0, reworded=True
    )


def _covered(matches: list[_Match]) -> set[tuple[int, int]]:
    """Source words (quote, index) that some derived quote reproduces."""
    out: set[tuple[int, int]] = set()
    for m in matches:
        for tag, _i1, _i2, j1, j2 in m.ops:
            if tag == "equal":
                out.update(m.owner[j] for j in range(j1, j2))
    return out


def _altered(ctx: _Context, m: _Match, covered: set[tuple[int, int]]) -> Finding | None:
    """Classify the differences between a derived quote and its source: extended, changed, trimmed."""
    d_text, s_text = ctx.alignment.derived.text, ctx.alignment.source.text
    if m.reworded:
        return _reworded_finding(ctx, m)
    equal = [k for k, op in enumerate(m.ops) if op[0] == "equal"]
    first_eq, last_eq = equal[0], equal[-1]
    extended: list[tuple[list[_W], tuple[int, int]]] = []
    changed: list[tuple[str, int, int, int, int]] = []
    trimmed: list[int] = []
    own: set[tuple[int, int]] = set()
    for tag, _i1, _i2, j1, j2 in m.ops:
        if tag == "equal":
            own.update(m.owner[j] for j in range(j1, j2))
    joins = _joins(ctx, m)
    unsure = any(ctx.src_quotes[k].unbalanced for k in m.window)
    for k, (tag, i1, i2, j1, j2) in enumerate(m.ops):
        if tag == "equal":
            continue
        edge = k < first_eq or k > last_eq
        if unsure and (edge or tag != "replace"):
            continue  # where the source quote starts and ends is a guess: only words swapped inside count
        d_run = [w for w in m.d.words[i1:i2] if not w.bracket]
        s_run = m.s.words[j1:j2]
        # "the bridge is is safe" -> "is safe": a doubled word fixed (or made) is a typo, not words changed
        if (not d_run and _doubled(s_text, m.s.words, j1, j2)) or (not s_run and _doubled(d_text, m.d.words, i1, i2)):
            continue
        if not d_run:  # words left out, or replaced by an editor's [bracketed] words
            if edge or i1 in m.d.gaps or i2 in m.d.gaps or i2 > i1 or _whole_sentences(s_text, s_run):
                trimmed.extend(range(j1, j2))
            else:
                changed.append((tag, i1, i2, j1, j2))
            continue
        if s_run and _equivalent([w.norm for w in d_run], [w.norm for w in s_run]):
            continue
        if not s_run and j1 in joins and all(w.norm in _FUNCTION for w in d_run):
            continue  # "and" where two source quotes were joined into one
        if _in_other_quote(ctx, m, d_run):
            continue  # words the speaker is quoted saying elsewhere: two quotes joined, not words changed
        outside = None if unsure else _outside_words(ctx, m, d_run)
        if outside is not None:
            extended.append((d_run, outside))
            if s_run and edge:
                trimmed.extend(range(j1, j2))
            continue
        changed.append((tag, i1, i2, j1, j2))

    window_span = (ctx.src_quotes[m.window[0]].outer_start, ctx.src_quotes[m.window[-1]].outer_end)
    d_span = (m.dq.outer_start, m.dq.outer_end)
    who = _named(m.dq.speaker) or _named(ctx.src_quotes[m.window[0]].speaker)
    owner = _owner(ctx, m)  # whose words were changed or cut: the original's speaker's
    if extended:
        spans = [span for _run, span in extended]
        lo = min(window_span[0], *(s for s, _ in spans))
        hi = _with_stop(s_text, max(window_span[1], *(e for _, e in spans)))
        words = s_text[spans[0][0] : spans[0][1]]
        detail = f"quote extended: \u201c{_clip(words)}\u201d was outside the quotation marks in the original"
        if who:
            detail += f", so {who} appears to have said it"
        return Finding(
            type="quote_altered",
            severity="high",
            subtype="extended",
            detail=detail,
            derived=d_span,
            source=(lo, hi),
            before=s_text[lo:hi],
            after=d_text[d_span[0] : d_span[1]],
        )
    if changed:
        # The change to name: the one that touches the most content words (the first of equals), shown with
        # the changes at most two words from it: "rise this fast" -> "rise like this, it is a disaster" is
        # told by its added "it is a disaster", with the "like" beside it, not by the "like" alone.
        named = _shown_changes(m, changed)
        i1, j1, i2, j2 = named[0][1], named[0][3], named[-1][2], named[-1][4]
        touched = [w.norm for op in changed for w in _op_words(m, op)]
        crucial = any(w in _CRUCIAL or w in _TURNING for w in touched)
        severity = "high" if crucial or any(w not in _FUNCTION for w in touched) else "medium"
        k, last = m.ops.index(named[0]), m.ops.index(named[-1])
        cb = min(2, m.ops[k - 1][2] - m.ops[k - 1][1]) if k > 0 and m.ops[k - 1][0] == "equal" else 0
        ca = (
            min(1, m.ops[last + 1][2] - m.ops[last + 1][1])
            if last + 1 < len(m.ops) and m.ops[last + 1][0] == "equal"
            else 0
        )
        before = _excerpt(s_text, m.s.words, j1 - cb, j2 + ca)
        after = _excerpt(d_text, m.d.words, i1 - cb, i2 + ca)
        whose = f"{_possessive_name(owner)} " if owner else ""
        detail = f"quote altered: {whose}\u201c{before}\u201d became \u201c{after}\u201d"
        others = len(changed) - len(named)
        if others:
            detail += f" (and {others} other change{'s' if others > 1 else ''} inside the marks)"
        return Finding(
            type="quote_altered",
            severity=severity,
            subtype="words_changed",
            detail=detail,
            derived=d_span,
            source=window_span,
            before=s_text[window_span[0] : window_span[1]],
            after=d_text[d_span[0] : d_span[1]],
        )
    if trimmed and m.dq.kind != "scare":
        # words another derived quote reproduces are not left out ("“A,” she said. “B.”" from "“A. B.”")
        left_out = [j for j in trimmed if m.owner[j] not in covered]
        if _content(m.s.words[j].norm for j in left_out) and not _said_around(ctx, m, left_out):
            runs = _left_out_runs(s_text, m, left_out)
            shown = " and ".join(f"\u201c{_clip(run, 80 if len(runs) == 1 else 50)}\u201d" for run in runs[:2])
            if len(runs) > 2:
                shown += f" (and {len(runs) - 2} more passage{'s' if len(runs) > 3 else ''})"
            whose = f"{_possessive_name(owner)} words" if owner else "the original quotation"
            detail = f"quote trimmed: the suspect quotes only part of {whose}, leaving out {shown}"
            return Finding(
                type="quote_altered",
                severity="low",
                subtype="trimmed",
                detail=detail,
                derived=d_span,
                source=window_span,
                before=s_text[window_span[0] : window_span[1]],
                after=d_text[d_span[0] : d_span[1]],
            )
    return None


def _left_out_runs(text: str, m: _Match, left_out: list[int]) -> list[str]:
    """The passages of the source quote a trimmed quote leaves out, as written: each run of words left out
    that holds a content word (the words kept between two runs are not left out, nor a bare "This was")."""
    runs: list[list[int]] = []
    for j in sorted(set(left_out)):
        if runs and j == runs[-1][-1] + 1 and m.owner[j][0] == m.owner[j - 1][0]:
            runs[-1].append(j)
        else:
            runs.append([j])
    return [
        text[m.s.words[run[0]].start : m.s.words[run[-1]].end]
        for run in runs
        if _content(m.s.words[j].norm for j in run)
    ]


_NEGATIONS = frozenset(("no", "not", "never", "none", "nothing", "nor", "neither"))


def _doubled(text: str, words: list[_W], a: int, b: int) -> bool:
    """True when each of ``words[a:b]`` repeats the word next to it with only spaces between ("is is"): a
    stutter of the keyboard. "no, no" and "very, very" have a mark between and are the speaker's."""
    if a >= b:
        return False

    def twin(k: int, n: int) -> bool:
        if not 0 <= n < len(words) or words[n].norm != words[k].norm or words[k].norm in _NEGATIONS:
            return False  # "did not not vote": a doubled denial is meant, and dropping one turns it round
        lo, hi = (words[k], words[n]) if k < n else (words[n], words[k])
        return not text[lo.end : hi.start].strip()

    return all(twin(k, k - 1) or twin(k, k + 1) for k in range(a, b))


#: Changes inside a quotation at most this many words apart are shown as one (``_shown_changes``).
_CHANGE_GAP = 2


def _shown_changes(m: _Match, changed: list[tuple[str, int, int, int, int]]) -> list[tuple[str, int, int, int, int]]:
    """The changes a detail shows: the one that turns the meaning most and its close neighbours. A change of
    figure or of a crucial or turning word ("12" -> "40", "will not close" -> "will close") ranks before any
    rewording, however long; among equals, the one touching the most content words."""

    def rank(op: tuple[str, int, int, int, int]) -> tuple[bool, int]:
        words = _op_words(m, op)
        turns = any(w.norm[:1].isdigit() or w.norm in _CRUCIAL or w.norm in _TURNING for w in words)
        return turns, sum(w.norm not in _FUNCTION for w in words)

    weight = [rank(op) for op in changed]
    k = weight.index(max(weight))
    lo = hi = k
    while lo > 0 and changed[lo][1] - changed[lo - 1][2] <= _CHANGE_GAP:
        lo -= 1
    while hi + 1 < len(changed) and changed[hi + 1][1] - changed[hi][2] <= _CHANGE_GAP:
        hi += 1
    return changed[lo : hi + 1]


def _op_words(m: _Match, op: tuple[str, int, int, int, int]) -> list[_W]:
    return m.d.words[op[1] : op[2]] + m.s.words[op[3] : op[4]]


def _joins(ctx: _Context, m: _Match) -> set[int]:
    """Positions in a window's words where one source quote ends and the next begins."""
    out: set[int] = set()
    pos = 0
    for k in m.window[:-1]:
        pos += len(ctx.src_seqs[k].words)
        out.add(pos)
    return out


def _said_around(ctx: _Context, m: _Match, left_out: list[int]) -> bool:
    """True when most of the words a trimmed quote leaves out are reported around it, outside the marks:
    'Ashdown said he would fight the claims “with everything I have”' keeps what it does not quote."""
    stems = {stem(m.s.words[j].norm) for j in left_out if m.s.words[j].norm not in STOPWORDS}
    if not stems:
        return True
    der = ctx.alignment.derived
    first = _sentence_of(ctx.der_starts, m.dq.outer_start)
    last = _sentence_of(ctx.der_starts, max(m.dq.outer_start, m.dq.outer_end - 1))
    inside = [(q.outer_start, q.outer_end) for q in ctx.der_quotes]
    around = {
        t.stem
        for i in range(first, last + 1)
        for t in der.sentences[i].tokens
        if not any(a <= t.start < b for a, b in inside)
    }
    return len(stems & around) / len(stems) >= 0.5


def _lined_up(ctx: _Context, dq: Quote) -> _Match | None:
    """A quote of the original's linked sentence(s) whose words line up in order with most of the derived
    quote's, though not its content words ("We will build it" -> "We will make it": one content word, and
    it changed). Where the alignment vouches for the passage, that is the speaker's quote with words
    changed, not an invented one. Most: three in five of the longer quote's words, two at least, in runs."""
    if dq.kind == "scare":
        return None
    d = _quote_seq(ctx.alignment.derived.text, dq.start, dq.end)
    norms = [w.norm for w in d.words if not w.bracket]
    if len(norms) < 3:
        return None
    linked = set(ctx.links.get(_sentence_of(ctx.der_starts, dq.outer_start), ()))
    if ctx.src_quote_sentences is None:
        ctx.src_quote_sentences = [_sentence_of(ctx.src_starts, q.outer_start) for q in ctx.src_quotes]
    best: tuple[int, int, list[Opcode]] | None = None
    loose: tuple[int, int] | None = None  # (content stems shared, quote)
    d_stems = {stem(w) for w in norms if w not in STOPWORDS}
    for k, j in enumerate(ctx.src_quote_sentences):
        if j not in linked:
            continue
        sq = ctx.src_quotes[k]
        if dq.speaker and sq.speaker and _names_differ(ctx, dq, sq, same_doc=False):
            continue
        s_norms = ctx.src_seqs[k].norms
        shared = len(d_stems & {stem(w) for w in s_norms if w not in STOPWORDS})
        if shared >= 3 and (loose is None or shared > loose[0]):
            loose = (shared, k)
        blocks, ops = _line_up(d.norms, _matcher(s_norms))  # the ops index all of d's words
        matched = sum(b.size for b in blocks if not any(w.bracket for w in d.words[b.a : b.a + b.size]))
        if matched >= max(2, 0.6 * max(len(norms), len(s_norms))) and (best is None or matched > best[0]):
            best = (matched, k, ops)
    if best is None:
        if loose is None:
            return None
        # Said again in other words, three content words kept (""Whether or not he was specifically targeted,
        # or whether this was because of the uniform ..."" -> ""Whether Deputy Greenwood was specifically
        # targeted, or if this was an attack on his uniform ..."")
        k = loose[1]
        seq = ctx.src_seqs[k]
        return _Match(dq, d, (k,), seq, [(k, i) for i in range(len(seq.words))], [], 0, reworded=True)
    matched, k, ops = best
    seq = ctx.src_seqs[k]
    return _Match(dq, d, (k,), seq, [(k, i) for i in range(len(seq.words))], ops, matched)


# A quote this short whose words are half changed ("painful but unavoidable" -> "painful and unnecessary") shares
# too few words with its counterpart to be found by them (_counterpart, _lined_up); its place tells instead.
_IN_PLACE_WORDS = 8
# Words either side of the quotation marks that must be the same in both sentences (_in_place).
_FRAME_WORDS = 2


def _in_place(ctx: _Context, dq: Quote, covered: set[tuple[int, int]], paired: set[int]) -> _Match | None:
    """The one short quote of the original's linked sentence(s) that stands where a short derived quote stands:
    the same words right before the opening mark or right after the closing one ("the cuts were “…” given
    the deficit"), the same speaker, and half its content words kept at least. The words changed inside
    the marks of a quote the rewrite kept in place, not a quote invented: "painful but unavoidable" ->
    "painful and unnecessary" turns the speaker's meaning round. A source quote already ``paired`` with
    another derived quote is not paired again (one quote reworded twice would be told twice)."""
    if dq.kind == "scare":
        return None
    d = _quote_seq(ctx.alignment.derived.text, dq.start, dq.end)
    norms = [w.norm for w in d.words if not w.bracket]
    d_stems = {stem(w) for w in norms if w not in STOPWORDS}
    if not 2 <= len(norms) <= _IN_PLACE_WORDS or not d_stems:
        return None
    linked = set(ctx.links.get(_sentence_of(ctx.der_starts, dq.outer_start), ()))
    if ctx.src_quote_sentences is None:
        ctx.src_quote_sentences = [_sentence_of(ctx.src_starts, q.outer_start) for q in ctx.src_quotes]
    d_frame = _frame(ctx.alignment.derived, ctx.der_starts, dq)
    found: list[int] = []
    for k, j in enumerate(ctx.src_quote_sentences):
        if j not in linked:
            continue
        sq = ctx.src_quotes[k]
        seq = ctx.src_seqs[k]
        if sq.kind == "scare" or not 2 <= len(seq.words) <= _IN_PLACE_WORDS:
            continue
        if any((k, i) in covered for i in range(len(seq.words))):
            continue  # another derived quote reproduces it
        if k in paired or not _same_speaker(ctx, dq, sq):
            continue
        s_frame = _frame(ctx.alignment.source, ctx.src_starts, sq)
        if not any(a and a == b for a, b in zip(d_frame, s_frame, strict=True)):
            continue
        s_stems = {stem(w) for w in seq.norms if w not in STOPWORDS}
        if 2 * len(d_stems & s_stems) < max(len(d_stems), len(s_stems)):
            continue
        found.append(k)
    return _only_match(ctx, dq, d, found)


def _only_match(ctx: _Context, dq: Quote, d: _Seq, found: list[int]) -> _Match | None:
    """``dq`` (its words ``d``) matched with the one source quote ``found``; None when none or several were found
    (no telling which), or when no word stands in the same order (nothing to say which words became which)."""
    if len(found) != 1:
        return None
    k = found[0]
    seq = ctx.src_seqs[k]
    blocks, ops = _line_up(d.norms, _matcher(seq.norms))
    matched = sum(b.size for b in blocks if not any(w.bracket for w in d.words[b.a : b.a + b.size]))
    if not matched:
        return None
    return _Match(dq, d, (k,), seq, [(k, i) for i in range(len(seq.words))], ops, matched)


# Words a derived quote must open with, as its counterpart does, to be that quote with its end rewritten
# (_same_opening); content words among them, so that "I think that we" is no opening of its own.
_OPENING_WORDS = 4
_OPENING_CONTENT = 2


def _same_opening(ctx: _Context, dq: Quote, covered: set[tuple[int, int]], paired: set[int]) -> _Match | None:
    """The one quote of the original's linked sentence(s) that the same speaker opens with the same words
    (``_OPENING_WORDS``, two content words among them): ""I chose Benfica because they give young players a
    chance"" -> ""I chose Benfica because they are the biggest club in Europe"" keeps the speaker and the start
    and rewrites the reason. That is the speaker's quote with words changed, not one the original never has.
    A source quote another derived quote reproduces or is already ``paired`` with is left out."""
    if dq.kind == "scare":
        return None
    d = _quote_seq(ctx.alignment.derived.text, dq.start, dq.end)
    norms = [w.norm for w in d.words if not w.bracket]
    if len(norms) < _OPENING_WORDS + 1:
        return None
    opening = norms[:_OPENING_WORDS]
    if len(_content(opening)) < _OPENING_CONTENT:
        return None
    linked = set(ctx.links.get(_sentence_of(ctx.der_starts, dq.outer_start), ()))
    if ctx.src_quote_sentences is None:
        ctx.src_quote_sentences = [_sentence_of(ctx.src_starts, q.outer_start) for q in ctx.src_quotes]
    found: list[int] = []
    for k, j in enumerate(ctx.src_quote_sentences):
        if j not in linked or k in paired:
            continue
        sq = ctx.src_quotes[k]
        seq = ctx.src_seqs[k]
        if sq.kind == "scare" or len(seq.norms) <= _OPENING_WORDS or list(seq.norms[:_OPENING_WORDS]) != opening:
            continue
        if any((k, i) in covered for i in range(len(seq.words))) or not _same_speaker(ctx, dq, sq):
            continue
        found.append(k)
    return _only_match(ctx, dq, d, found)


def _same_speaker(ctx: _Context, dq: Quote, sq: Quote) -> bool:
    """True when the derived quote's speaker is the original's: the same name words (a pronoun resolved to
    that name counts), or the same description word for word ("the mayor"). Words put in the mouth of
    someone else, of a group ("Critics said"), of someone unnamed ("An official said") or of no one are
    an invented quote, not the original's reworded."""
    if not dq.speaker or not sq.speaker or dq.kind == "scare" or sq.kind == "scare":
        return False
    d_name = _classify(dq.speaker.split()) == "name"
    s_name = _classify(sq.speaker.split()) == "name"
    if d_name and s_name:
        texts = (ctx.alignment.source.text, ctx.alignment.derived.text)
        nd, ns = _name_words(dq.speaker, texts), _name_words(sq.speaker, texts)
        if not nd or not ns:
            return False
        if set(nd) & set(ns):
            return True
        # a first name alone for the full name written elsewhere ("Harriet" for "Harriet Okafor")
        return any(_written_together(a, b, t) for a, b in ((nd[0], ns[-1]), (ns[0], nd[-1])) for t in texts)
    if d_name or s_name or dq.speaker.lower() in _PRONOUNS or sq.speaker.lower() in _PRONOUNS:
        return False
    return " ".join(dq.speaker.lower().split()) == " ".join(sq.speaker.lower().split())


def speaker_of_original(source: Document, derived_text: str, q: Quote) -> bool:
    """True when the original names the speaker of ``q``, a quote of the suspect (``derived_text``): one of the
    speaker's name words stands in it (a pronoun resolved to a name counts), or, for a description ("a company
    spokeswoman"), the original quotes someone so described word for word.

    Words a rewrite puts in the mouth of the original's own people are invented or altered quotes, not the
    quotations another outlet's own report of the event brings (a partial rewrite inventing a quote for the
    original's chief executive read as an independent report, review rev27b)."""
    if not q.speaker or q.kind == "scare" or q.speaker.lower() in _PRONOUNS:
        return False
    if _classify(q.speaker.split()) == "name":
        folded = _folded(source.text)
        return any(_written_alone(w, folded) for w in _name_words(q.speaker, (source.text, derived_text)))
    said_by = " ".join(q.speaker.lower().split())
    return any(
        sq.speaker and sq.kind != "scare" and " ".join(sq.speaker.lower().split()) == said_by
        for sq in quotes_of(source)
    )


def _frame(doc: Document, starts: list[int], q: Quote) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The last ``_FRAME_WORDS`` words of a quote's sentence before its opening mark and the first after its
    closing mark (empty where the quote opens or closes the sentence, or fewer words stand there)."""
    sent = doc.sentences[_sentence_of(starts, q.outer_start)]
    before = [t.norm for t in sent.tokens if t.end <= q.outer_start and t.norm.isalnum()][-_FRAME_WORDS:]
    after = [t.norm for t in sent.tokens if t.start >= q.outer_end and t.norm.isalnum()][:_FRAME_WORDS]
    return (
        tuple(before) if len(before) == _FRAME_WORDS else (),
        tuple(after) if len(after) == _FRAME_WORDS else (),
    )


def _reworded_finding(ctx: _Context, m: _Match) -> Finding:
    d_text, s_text = ctx.alignment.derived.text, ctx.alignment.source.text
    sq = ctx.src_quotes[m.window[0]]
    who = _owner(ctx, m)
    whose = f"{_possessive_name(who)} words" if who else "the quoted words"
    return Finding(
        type="quote_altered",
        severity="high",
        subtype="words_changed",
        detail=(
            f"quote altered: {whose} are reworded inside the quotation marks, "
            f"\u201c{_clip(sq.text, 60)}\u201d became \u201c{_clip(m.dq.text, 60)}\u201d"
        ),
        derived=(m.dq.outer_start, m.dq.outer_end),
        source=(sq.outer_start, sq.outer_end),
        before=s_text[sq.outer_start : sq.outer_end],
        after=d_text[m.dq.outer_start : m.dq.outer_end],
    )


def _owner(ctx: _Context, m: _Match) -> str | None:
    """The speaker a detail names as the one whose words the original quotes: the suspect's (often the
    surer, read in the quote's own sentence), unless it is someone else than the original's sure speaker,
    when the quote was given to another (a finding of its own) and the words are still the original's
    speaker's."""
    sq = max((ctx.src_quotes[k] for k in m.window), key=_direct)
    if _names_differ(ctx, sq, m.dq, same_doc=False):
        return _named(sq.speaker)
    return _named(m.dq.speaker) or _named(ctx.src_quotes[m.window[0]].speaker)


def _in_other_quote(ctx: _Context, m: _Match, run: list[_W]) -> bool:
    """True when added words stand in another source quote of a compatible speaker."""
    if len(run) < 2:
        return False
    norms = [w.norm for w in run]
    need = max(2, math.ceil(0.8 * len(norms)))
    if ctx.quote_counts is None or ctx.quote_postings is None:
        ctx.quote_counts = [Counter(seq.norms) for seq in ctx.src_seqs]
        ctx.quote_postings = {}
        for k, c in enumerate(ctx.quote_counts):
            for w in c:
                if w not in STOPWORDS:
                    ctx.quote_postings.setdefault(w, []).append(k)
    counts = Counter(norms)
    function_words = sum(c for w, c in counts.items() if w in STOPWORDS)
    # Asked of each reworded quote, a scan of every source quote is quadratic (hundreds of quotes reworded):
    # a quote lining up ``need`` of the words holds one of their content words at least when the function
    # words alone fall short, and as many of the words (as a multiset) in any case.
    candidates: Iterable[int] = (
        sorted({k for w in counts if w not in STOPWORDS for k in ctx.quote_postings.get(w, ())})
        if function_words < need
        else range(len(ctx.src_seqs))
    )
    for k in candidates:
        if k in m.window:
            continue
        have = ctx.quote_counts[k]
        if sum(min(c, have[w]) for w, c in counts.items()) < need:
            continue
        if _names_differ(ctx, ctx.src_quotes[k], m.dq, same_doc=False):
            continue
        if sum(b.size for b in _line_up(norms, _matcher(ctx.src_seqs[k].norms))[0]) >= need:
            return True
    return False


def _whole_sentences(text: str, run: list[_W]) -> bool:
    """True when left-out words are whole sentences of the quotation (a cut between sentences)."""
    if not run:
        return False
    before = text[max(0, run[0].start - 3) : run[0].start].strip()
    after = text[run[-1].end : run[-1].end + 2]
    return (not before or before[-1] in ".!?") and bool(after) and after[0] in ".!?"


def _outside_words(ctx: _Context, m: _Match, run: list[_W]) -> tuple[int, int] | None:
    """Where words the derived quote adds stand in the source outside quotation marks, if they do:
    near the source quote (its sentence and the ones either side) or in the sentence the derived one
    was aligned to."""
    if len(run) < 2:
        return None
    near: set[int] = set()
    n = len(ctx.alignment.source.sentences)
    for k in m.window:
        q = ctx.src_quotes[k]
        for pos in (q.outer_start, max(q.outer_start, q.outer_end - 1)):
            j = _sentence_of(ctx.src_starts, pos)
            near.update(x for x in (j - 1, j, j + 1) if 0 <= x < n)
    near.update(ctx.links.get(_sentence_of(ctx.der_starts, m.dq.outer_start), ()))
    return _find_in_narrative(ctx, [w.norm for w in run], sorted(near), min_share=0.6)


def _find_in_narrative(
    ctx: _Context, norms: list[str], sentences: Iterable[int], *, min_share: float
) -> tuple[int, int] | None:
    need = max(2, math.ceil(min_share * len(norms)))
    best: tuple[int, tuple[int, int]] | None = None
    counts = Counter(norms)
    content_words = {w for w in counts if w not in STOPWORDS}
    for j in sentences:
        seq = ctx.narrative_of(j)
        if not seq.words:
            continue
        # Lining up every sentence of a long text is the cost of an invented quote: skip a sentence that
        # shares no content word, or fewer words (as a multiset) than it would take to be kept.
        s_counts = ctx.narrative_counts(j)
        if content_words.isdisjoint(s_counts):
            continue
        most = sum(min(c, s_counts[w]) for w, c in counts.items() if w in s_counts)
        if most < need or (best is not None and most <= best[0]):
            continue
        blocks = _line_up(norms, _matcher(seq.norms))[0]
        got = sum(b.size for b in blocks)
        content = sum(1 for b in blocks for w in norms[b.a : b.a + b.size] if w not in STOPWORDS)
        if got >= need and content >= 1 and (best is None or got > best[0]):
            first, last = blocks[0], blocks[-1]
            best = (got, (seq.words[first.b].start, seq.words[last.b + last.size - 1].end))
    return best[1] if best else None


def _fabricated(ctx: _Context, dq: Quote) -> Finding | None:
    """A derived quote with no counterpart: invented, or the reporter's words turned into a quote."""
    der, src = ctx.alignment.derived, ctx.alignment.source
    d = _quote_seq(der.text, dq.start, dq.end)
    norms = [w.norm for w in d.words if not w.bracket]
    if not norms:
        return None
    span = _quote_and_attribution(der.text, dq)
    if dq.kind == "scare":
        if _contains_run(_norms(src.text, 0, len(src.text)), norms):
            return None
        return Finding(
            type="quote_fabricated",
            severity="low",
            subtype="scare",
            detail=f"quotation marks around words the original does not use: \u201c{_clip(dq.text)}\u201d",
            derived=(dq.outer_start, dq.outer_end),
            after=der.text[dq.outer_start : dq.outer_end],
        )
    # Only the body sentences holding one of the quote's content words can hold its words (see
    # _find_in_narrative): the index finds them without a walk over the whole body for each quote.
    content = {w for w in norms if w not in STOPWORDS}
    where = _find_in_narrative(ctx, norms, ctx.narrative_with(content), min_share=0.6) if len(norms) >= 3 else None
    if where is not None and _has_mark(src.text, *where):
        return None  # the source has quotation marks in or right by those words after all
    if where is not None and dq.speaker is None and _a_name(dq.text):
        return None  # quotation marks around a name the original writes without them ("New World Order")
    if where is not None and sum(1 for w in norms if w not in STOPWORDS) >= 2:
        who = _named(dq.speaker)
        whose = f"words put in {_possessive_name(who)} mouth" if who else "the reporter's words quoted"
        return Finding(
            type="quote_fabricated",
            severity="high",
            subtype="from_narrative",
            detail=(
                f"{whose}: \u201c{_clip(dq.text)}\u201d is the reporter's wording in the original, not a quotation"
            ),
            derived=span,
            source=where,
            before=src.text[where[0] : where[1]],
            after=der.text[span[0] : span[1]],
        )
    if _in_source_text(ctx, norms):
        return None  # the words are in the original, only the quotation marks fail to line up
    if dq.attribution != "direct" and _title_case(dq.text):
        # a headline in quotation marks (a list of titles a rewrite offers), not anyone's words: no speaker,
        # or only one guessed from the sentence before
        return None
    who = _named(dq.speaker) or "anyone"
    return Finding(
        type="quote_fabricated",
        severity="high",
        subtype="invented",
        detail=f"quote not in the original: it never quotes {who} saying \u201c{_clip(dq.text)}\u201d",
        derived=span,
        after=der.text[span[0] : span[1]],
    )


def _title_case(quoted: str) -> bool:
    """Written as a title: four content words or more, nearly all capitalised ("Unveiling the Ultimate List!
    Brace Yourself for the Unbelievable Top 100 Names"). Sentences someone says capitalise their first word
    and names only."""
    words = [w for w in _WORD.findall(quoted) if w.isalpha() and w.lower() not in STOPWORDS]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _a_name(quoted: str) -> bool:
    """A name or title, not speech: at most four words, each content word capitalised, no sentence end."""
    words = _WORD.findall(quoted)
    content = [w for w in words if w.lower() not in STOPWORDS]
    return (
        0 < len(words) <= 4
        and bool(content)
        and all(w[0].isupper() for w in content)
        and not quoted.rstrip().endswith((".", "!", "?"))
    )


def _has_mark(text: str, a: int, b: int) -> bool:
    """A double quotation mark inside ``text[a:b]`` or right beside it."""
    near = text[max(0, a - 2) : min(len(text), b + 2)]
    return any(c in _D_ALL for c in near) or "''" in near or "``" in near


def _in_source_text(ctx: _Context, norms: list[str]) -> bool:
    """Most of these words (60%), in runs of three or more in the same order, anywhere in the source,
    quoted or not: then the quote is no invention, however the marks line up."""
    src = ctx.alignment.source
    body = src.body
    if not body:
        return False
    if ctx.body_matcher is None:  # read once for all the suspect's unmatched quotes
        ctx.body_matcher = _matcher(_body_norms(src.text, body[0].start, body[-1].end))
    blocks = _line_up(norms, ctx.body_matcher)[0]
    return sum(b.size for b in blocks if b.size >= 3) >= max(3, 0.6 * len(norms))


def _speaker_changed(ctx: _Context, m: _Match) -> Finding | None:
    """A matched quote given to another named speaker ("Sen. Harriet Okafor" == "Okafor" is the same)."""
    sq = max((ctx.src_quotes[k] for k in m.window), key=_direct)
    dq = m.dq
    if not _names_differ(ctx, sq, dq, same_doc=False):
        return None
    assert sq.speaker and dq.speaker and sq.speaker_span and dq.speaker_span
    return Finding(
        type="quote_fabricated",
        severity="high",
        subtype="speaker_changed",
        detail=(
            f"quote given to a different speaker: \u201c{_clip(dq.text, 50)}\u201d is said by "
            f"{sq.speaker} in the original, by {dq.speaker} here"
        ),
        derived=dq.speaker_span,
        source=sq.speaker_span,
        before=sq.speaker,
        after=dq.speaker,
    )


def _direct(q: Quote) -> bool:
    """Is the quote's speaker sure: named in its own sentence, or a pronoun there that can stand for no one
    else (``Quote.sure``)?"""
    return q.attribution == "direct" or (q.attribution == "pronoun" and q.sure)


def _names_differ(ctx: _Context, a: Quote, b: Quote, *, same_doc: bool) -> bool:
    """True only when both quotes have a directly attributed *name* (or a sure pronoun) and the names cannot
    be one person.

    Titles drop out and a surname is enough ("Sen. Harriet Okafor" == "Okafor" == "Harriet Okafor"); a
    first name alone matches when the text has it before the other's surname. Descriptions ("the
    mayor", "officials") and pronouns never differ from anything.
    """
    if not _direct(a) or not _direct(b) or not a.speaker or not b.speaker:
        return False
    if a.kind == "scare" or b.kind == "scare":
        return False
    if _classify(a.speaker.split()) != "name" or _classify(b.speaker.split()) != "name":
        return False  # "the mayor", "a lawyer for Okafor": who that is, the text may not say
    src, der = ctx.alignment.source.text, ctx.alignment.derived.text
    texts = (src,) if same_doc else (src, der)
    na, nb = _name_words(a.speaker, texts), _name_words(b.speaker, texts)
    if not na or not nb:
        return False
    if set(na) & set(nb):
        return False
    for first, last in ((na[0], nb[-1]), (nb[0], na[-1])):
        if any(_written_together(first, last, t) for t in texts):
            return False
    return True


# The characters re.IGNORECASE takes for an ASCII letter besides its two cases (the tests check all of
# Unicode for more).
_ASCII_FOLD_FROM = "\u0130\u0131\u017f\u212a"  # İ ı ſ K (Kelvin)
_ASCII_FOLD = str.maketrans(_ASCII_FOLD_FROM, "iisk")
_FOLDABLE = re.compile(r"[a-z'\u2019-]+")


def _written_together(first: str, last: str, text: str) -> bool:
    """True when ``text`` has the words ``first last`` together, in any case ("Harriet Okafor").

    The search is a regular expression over the whole text, for two quotes' names at a time: in a long
    text that is the cost of the quote check. So a plain substring test on the text as the expression
    sees it (ASCII letters folded, whitespace runs as one space) goes first: without "first last" in
    that, the expression cannot match either.
    """
    if _FOLDABLE.fullmatch(first) and _FOLDABLE.fullmatch(last) and f"{first} {last}" not in _folded(text):
        return False
    return re.search(rf"\b{re.escape(first)}\s+{re.escape(last)}\b", text, re.IGNORECASE) is not None


@lru_cache(maxsize=8)
def _folded(text: str) -> str:
    """``text`` lower-cased, the other forms re.IGNORECASE matches ASCII letters to mapped to them, and
    its runs of whitespace (what ``\\s+`` matches) made one space each."""
    return re.sub(r"\s+", " ", text.translate(_ASCII_FOLD).lower())


@lru_cache(maxsize=8)
def _name_words_in(texts: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The speakers' name words found so far against ``texts``: bounded in texts (each entry holds them
    alive), not in speakers."""
    return {}


def _name_words(speaker: str, texts: tuple[str, ...]) -> tuple[str, ...]:
    """The proper-name words of a speaker: capitalised, not a title, never written in lower case.

    Cached: each pair of quotes compared asks it again of the same speakers and texts."""
    memo = _name_words_in(texts)
    found = memo.get(speaker)
    if found is None:
        found = memo[speaker] = _speaker_name_words(speaker, texts)
    return found


def _speaker_name_words(speaker: str, texts: tuple[str, ...]) -> tuple[str, ...]:
    out = []
    for w in re.findall(r"[^\W\d_][\w'\u2019-]*", speaker):
        w = re.sub(r"['\u2019]s$", "", w)
        low = w.lower()
        if not w[0].isupper() or low in _TITLES or low in _DETERMINERS or low in _COLLECTIVE:
            continue
        if any(_written_alone(low, t) for t in texts):
            continue  # "Mayor" when the text also says "the mayor": a common word
        out.append(low)
    return tuple(out)


_RUN = re.compile(r"[\w-]+")


def _written_alone(word: str, text: str) -> bool:
    """True when ``word`` stands in ``text`` exactly so, with no word character or hyphen either side."""
    if _RUN.fullmatch(word):
        # Such a word stands alone exactly when it is a whole run of those characters: a set lookup
        # instead of a search of the whole text for each name word of each quote.
        return word in _runs(text)
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


@lru_cache(maxsize=64)
def _runs(text: str) -> frozenset[str]:
    """The runs of word characters and hyphens in a text."""
    return frozenset(_RUN.findall(text))


def _contains_run(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return any(haystack[k : k + n] == needle for k in range(len(haystack) - n + 1))


def _quote_and_attribution(text: str, q: Quote) -> tuple[int, int]:
    """The quote with its attribution when that sits right beside it ("“…,” Okafor added.")."""
    a, b = q.outer_start, q.outer_end
    if q.attribution_span:
        x, y = q.attribution_span
        if 0 <= x - b <= 3 or 0 <= a - y <= 3:
            a, b = min(a, x), max(b, y)
            b = _with_stop(text, b)
    return a, b


def _with_stop(text: str, end: int) -> int:
    """Extend a span over the full stop (or ! ?) that directly follows it."""
    return end + 1 if end < len(text) and text[end] in ".!?" else end


def _excerpt(text: str, words: list[_W], lo: int, hi: int) -> str:
    """Words ``lo:hi`` as written (the changed words with a little context)."""
    lo, hi = max(0, lo), min(len(words), hi)
    if hi <= lo:
        return ""
    return _clip(text[words[lo].start : words[hi - 1].end])


def _short(speaker: str) -> str:
    """'Sen. Douglas Whitcombe' -> 'Whitcombe'; descriptions stay as written but for a sentence-initial
    capital ('The mayor' -> 'the mayor'), since they go mid-sentence in a detail."""
    words = speaker.split()
    if not words:
        return speaker
    if words[0].lower() in _DETERMINERS or words[0].lower() in _PRONOUNS:
        return words[0].lower() + speaker[len(words[0]) :] if words[0] != "I" else speaker
    if len(words) > 1 and words[-1][:1].isupper():
        return re.sub(r"['\u2019]s$", "", words[-1])
    return speaker


def _named(speaker: str | None) -> str | None:
    """A speaker as a detail names them ('Whitcombe', 'the mayor'); None for none or a bare pronoun."""
    if not speaker or speaker.lower() in _PRONOUNS:
        return None
    return _short(speaker)


def _possessive_name(name: str) -> str:
    return name + "'" if name.endswith("s") else name + "'s"


def _clip(text: str, limit: int = 80) -> str:
    text = " ".join(text.split()).rstrip(" ,;:")
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"
