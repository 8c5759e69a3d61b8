"""Analyse an article's text: sentences with character spans, word tokens, boilerplate marks.

Sentence splitting uses nupunkt (Punkt with a model trained on legal and news-like text). It was measured
against pysbd on tricky news paragraphs ("Sen. Ortiz", "U.K.", "Jan. 5", "3 p.m.", quotes, ellipses):
pysbd split 10/10 of our checks right at ~60 ms per 1,000 words, nupunkt 9/10 at ~1.5 ms. The one
nupunkt miss, a quotation of several sentences split inside the quotation marks, is repaired here by
merging sentences while a quotation is open, so nupunkt plus that repair gets all of them at 40x the
speed, which the corpus scan needs.

Everything is a span into ``Article.text``: nothing is normalised in place, so any report can
highlight the exact characters of the original.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import NamedTuple, cast

from storytrace.article import Article
from storytrace.bylines import (
    BY_CLAUSE,
    BY_OPENER,
    BY_VERB,
    BYLINE_DASH_OUTLET,
    BYLINE_PEOPLE,
    BYLINE_PERSON,
    REPORTING_CREDIT,
    STAMP,
    TIME_STAMP,
)

# Paragraphs: a blank line, or a single line break in text that uses one line per paragraph. A line ends
# with "\n", "\r\n" or a lone "\r" (classic Mac text, some feeds): read as no break at all, a CR-only text
# was one paragraph, its headline glued to the lead and a share line ("Share this article\rThe mayor ...")
# marking the next sentence as boilerplate, hidden from the comparison.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*|\r\n(?:[ \t]*\r\n)+|\r[ \t\f\v]*\r(?!\n)\s*")
_LINE_BREAK = re.compile(r"(?:\r?\n|\r)\s*")
_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)*")

OPENING_QUOTES = "\u201c\u201e\u00ab"
CLOSING_QUOTES = "\u201d\u00bb"

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not now of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves s t said says say told according also would could may might
    must shall one ago its it's that's there's mr mrs ms dr""".split()
)

# English function words; a text where almost none of its words are among them is not English.
_ENGLISH_MARKERS = frozenset(
    "the of and to in is that for it was on with as are be by this at from have has not were they an".split()
)

# Lines a site adds around an article: share bars, newsletter boxes, captions and photo credits.
# Conservative on purpose: a false match would hide a real sentence from the comparison.
_BOILERPLATE = re.compile(
    r"""^\W*(?:
        (?:share|tweet|email|print)\b.{0,40}$
      | share\s+(?:this|on)\b
      | sign\s+up\b.{0,80}\bnewsletter
      | subscribe\b.{0,60}\b(?:newsletter|today|now|here)
      | (?:get|receive)\s+(?:our|the)\s+\w+\s+newsletter
      | follow\s+(?:us|@)\b
      | (?:read|see)\s+(?:more|also)\s*:
      | related\s*(?:articles|stories|coverage)?\s*:
      | advertisement\s*$
      | click\s+here\b
      | (?:photo|image|picture|video|graphic)\s*(?:credit)?\s*:
      | (?:photo|image|picture)\s+(?:by|courtesy\s+of)\b
      | (?:©|\(c\)|copyright\s+(?:©\s*)?\d{4})
      | all\s+rights\s+reserved
      | this\s+(?:article|story)\s+(?:was\s+)?(?:originally\s+)?(?:first\s+)?(?:published|appeared)\b
      | (?:reporting|writing|editing|additional\s+reporting)\s+by\b.{0,120}$
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_CREDIT_TAIL = re.compile(
    r"\((?:photo|image)?[^()]{0,40}(?:getty\s+images|reuters|ap\s+photo|afp|shutterstock)[^()]{0,40}\)\s*$",
    re.IGNORECASE,
)


# Words that set which way a claim goes ("Police rule out ...", "Army refuses to ...", "Schools stay
# open ..."), by family: a headline that writes one the other text lacks where it tells the story says the
# opposite of it or more than it, however many of its other words that text shares; so does a clause that
# merges a sentence (``align``).
STANCE_FAMILIES = {
    "not": r"not|\w+n['’]t|cannot",
    "no": r"no|none|nobody|nothing",
    "never": r"never",
    "without": r"without",
    "deny": r"den(?:y|ies|ied|ying|ial)",
    "confirm": r"confirm(?:s|ed|ing|ation)?",
    "refuse": r"refus(?:e|es|ed|ing|al)",
    "fail": r"fail(?:s|ed|ing|ure)?",
    "reject": r"reject(?:s|ed|ing|ion)?|dismiss(?:es|ed|ing)?",
    "rule out": r"rul(?:e|es|ed|ing) out",
    "clear": r"clear(?:s|ed|ing)?|acquit(?:s|ted|ting|tal)?|exonerat\w*",
    "admit": r"admit(?:s|ted|ting)?|confess(?:es|ed|ing|ion)?",
    "open": r"(?:re)?open(?:s|ed|ing)?",
    "close": r"clos(?:e|es|ed|ing|ure)|shut(?:s|ting)?",
    "cancel": r"cancel(?:s|led|ling|ed|ing)?|call(?:s|ed)? off|halt(?:s|ed|ing)?|stop(?:s|ped|ping)?",
    "back": r"back(?:s|ed|ing)|support(?:s|ed|ing)?|oppos(?:e|es|ed|ing)",
}
_STANCE = re.compile(
    r"\b(?:" + "|".join(f"(?P<{k.replace(' ', '_')}>{v})" for k, v in STANCE_FAMILIES.items()) + r")\b",
    re.IGNORECASE,
)


def same_text(text: str) -> str:
    """A text with its spacing made one: two stored copies of one article (other line breaks, a doubled space)
    give the same string, what scan's ``identical_text`` and trace's "identical text" both compare."""
    return " ".join(text.split())


def stances(text: str) -> set[str]:
    """The stance families (``STANCE_FAMILIES``) a text writes."""
    return {m.lastgroup for m in _STANCE.finditer(text) if m.lastgroup}


def stance_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    """The stance words (``STANCE_FAMILIES``) in ``text[start:end]``: each family with its span in ``text``."""
    found = _STANCE.finditer(text, start, len(text) if end is None else end)
    return [(m.lastgroup, m.start(), m.end()) for m in found if m.lastgroup]


class Token(NamedTuple):
    """One word: its span in the article text and two normal forms. (A named tuple: an article has
    thousands, and a tuple is the cheapest immutable record to make.)"""

    start: int
    end: int
    norm: str  # lower-cased, typographic variants folded: for verbatim runs
    stem: str  # crudely stemmed: for content overlap between paraphrases


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int
    boilerplate: bool
    tokens: tuple[Token, ...]

    @property
    def words(self) -> int:
        return len(self.tokens)

    def content_stems(self) -> frozenset[str]:
        return self._content_stems

    # Asked for again by every comparison the sentence is in (alignment, audit, findings, the scan's gate):
    # made once. (A cached_property is kept in the instance dict, outside the dataclass fields.)
    @cached_property
    def _content_stems(self) -> frozenset[str]:
        return frozenset([stem for _, _, norm, stem in self.tokens if norm not in STOPWORDS])

    @cached_property
    def norms(self) -> tuple[str, ...]:
        """Its words, typography aside: two sentences with the same ``norms`` are copies."""
        return tuple([norm for _, _, norm, _ in self.tokens])


_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


def _specifics_of(words: list[tuple[str, str, str]]) -> frozenset[str]:
    """``Document.specifics`` of a sentence whose words are given as (first character, norm, stem)."""
    numbers: set[str] = set()
    names: set[str] = set()  # of the capitalised words after the first
    words_after = capitals = 0  # words after the first that are not numbers; capitalised ones
    for k, (first, norm, stem) in enumerate(words):
        if first.isdigit():
            numbers.add(norm.replace(",", ""))
        elif k:
            words_after += 1
            if first.isupper():
                capitals += 1
                if norm not in STOPWORDS:
                    names.add(stem)
    # In a headline set in title case or capitals, capitals do not mark names.
    return frozenset(numbers) if capitals * 2 > words_after else frozenset(numbers | names)


@dataclass(frozen=True)
class Document:
    """An article with its sentences; every span indexes ``article.text``."""

    article: Article
    sentences: tuple[Sentence, ...]

    @property
    def text(self) -> str:
        return self.article.text

    def sentence_text(self, i: int) -> str:
        s = self.sentences[i]
        return self.article.text[s.start : s.end]

    def specifics(self, i: int) -> frozenset[str]:
        """What sentence ``i`` pins down: its numbers (digits, "7,065" as "7065") and the capitalised words
        after its first (names, places, months), lower-cased.

        Two sentences built on one frame ("X did not respond to a request for comment on the Y") share
        their words but not these; a rewrite of a sentence keeps most of them.
        """
        known = self._specifics.get(i)
        if known is not None:
            return known
        text = self.article.text
        found = _specifics_of([(text[start], norm, stem) for start, _, norm, stem in self.sentences[i].tokens])
        self._specifics[i] = found
        return found

    # Sentence index -> its specifics, as they are asked for: the scan's gate takes every sentence's, the
    # audit the same ones again for each comparison the document is in.
    @cached_property
    def _specifics(self) -> dict[int, frozenset[str]]:
        return {}

    @cached_property
    def url_words(self) -> frozenset[str]:
        """Normal forms of the words that stand only inside web addresses of the body ("2Fwww", "appId"): no
        names or figures of the story."""
        spans = [m.span() for m in _URL.finditer(self.article.text)]
        if not spans:
            return frozenset()
        inside: set[str] = set()
        outside: set[str] = set()
        for s in self.body:
            for t in s.tokens:
                (inside if any(a <= t.start < b for a, b in spans) else outside).add(t.norm)
        return frozenset(inside - outside)

    @cached_property
    def data_sentences(self) -> frozenset[int]:
        """Body sentences most of whose characters stand in pieces of 40+ without a space: an encoded blob
        or a web address that a scraped page embeds, no words of the story. (Read once: the audit asks for
        every sentence of an original in each comparison it is in.)"""
        found = set()
        for s in self.body:
            pieces = self.article.text[s.start : s.end].split()
            unbroken = sum(len(p) for p in pieces if len(p) >= 40)
            if unbroken * 2 > sum(len(p) for p in pieces):
                found.add(s.index)
        return frozenset(found)

    @cached_property
    def word_forms(self) -> frozenset[str]:
        """Every word of the text in the forms specifics take (stems, and numbers without commas),
        boilerplate and headlines included: what a specific must be missing from to be missing."""
        return frozenset(f for s in self.sentences for t in s.tokens for f in (t.stem, t.norm.replace(",", "")))

    def all_specifics(self) -> frozenset[str]:
        """The specifics (``specifics``) of every non-boilerplate sentence."""
        return frozenset().union(*(self.specifics(s.index) for s in self.body))

    @cached_property
    def body(self) -> tuple[Sentence, ...]:
        """The sentences that count: everything but site boilerplate."""
        return tuple(s for s in self.sentences if not s.boilerplate)

    @cached_property
    def english(self) -> bool:
        """``looks_english`` of the text. Read once per document: a scan compares a document with each of its
        candidates, and reading every word of both texts again per comparison cost ~4% of a scan's judging CPU."""
        return looks_english(self.article.text)

    @cached_property
    def hard_wrapped(self) -> bool:
        """Is the text wrapped prose (a line break mid-sentence), not one paragraph or heading a line?"""
        return _hard_wrapped(self.article.text)

    @cached_property
    def body_by_words(self) -> dict[tuple[str, ...], list[int]]:
        """Positions in ``body`` of the sentences with each word sequence (``Sentence.norms``), in order: where
        the copies of a sentence are. Made once per document, however many comparisons it is in."""
        found: dict[tuple[str, ...], list[int]] = {}
        for k, s in enumerate(self.body):
            if s.norms:
                found.setdefault(s.norms, []).append(k)
        return found

    @property
    def words(self) -> int:
        return sum(s.words for s in self.body)

    @cached_property
    def _paragraph_sentences(self) -> dict[tuple[str, bool], tuple[int, tuple[Sentence, ...]]]:
        """(a paragraph's characters, whether a quotation may go on into the next) -> where the paragraph
        starts and its sentences: what ``analyse(..., reuse=self)`` copies."""
        text = self.article.text
        paragraphs = paragraph_spans(text)
        grouped: dict[int, list[Sentence]] = {}
        for s in self.sentences:
            grouped.setdefault(s.paragraph, []).append(s)
        table: dict[tuple[str, bool], tuple[int, tuple[Sentence, ...]]] = {}
        for k, (a, b) in enumerate(paragraphs):
            if k <= 1:  # (the first two's sentences depend on the headline: ``_under_headline``)
                continue
            table.setdefault((text[a:b], _opens_quoted(text, paragraphs, k + 1)), (a, tuple(grouped.get(k, ()))))
        return table


def _moved(s: Sentence, index: int, paragraph: int, delta: int) -> Sentence:
    """``s`` as sentence ``index`` of paragraph ``paragraph`` of a text where its characters stand ``delta``
    further on."""
    new = tuple.__new__
    moved = Sentence(
        index=index,
        start=s.start + delta,
        end=s.end + delta,
        paragraph=paragraph,
        boilerplate=s.boilerplate,
        tokens=tuple([new(Token, (a + delta, b + delta, norm, st)) for a, b, norm, st in s.tokens]),
    )
    stems = s.__dict__.get("_content_stems")
    if stems is not None:  # made from the words alone, which did not move: no need to make it again
        moved.__dict__["_content_stems"] = stems
    return moved


class SentenceSpan(NamedTuple):
    """A sentence of ``analyse`` without its tokens: where it stands, its paragraph, whether it is boilerplate."""

    start: int
    end: int
    paragraph: int
    boilerplate: bool


def analyse(
    article: Article, *, reuse: Document | None = None, outline: Sequence[SentenceSpan] | None = None
) -> Document:
    """Split an article into sentences and tokens, and mark boilerplate.

    ``reuse``: a document made by ``analyse`` whose paragraphs this text repeats (the headline check reads
    the original's title with some of its paragraphs): a paragraph of the same characters, continued or
    not by a quotation in the same way, gets that document's sentences moved to its place instead of being
    split and tokenised again. The result is the same Document: a paragraph's sentences depend on its own
    characters and that flag only (``sentence_spans``, ``tokenize``, ``is_boilerplate``).

    ``outline``: this text's ``outline`` made already (the scan's gate makes it for every article, and
    analyses only the few it compares): the sentences are not split again.
    """
    text = article.text
    if reuse is None:
        spans = outline_of(text) if outline is None else outline
        return Document(
            article=article,
            sentences=tuple(
                [
                    Sentence(index=k, start=a, end=b, paragraph=p, boilerplate=bp, tokens=tokenize(text, a, b))
                    for k, (a, b, p, bp) in enumerate(spans)
                ]
            ),
        )
    sentences: list[Sentence] = []
    paragraphs = paragraph_spans(text)
    known = reuse._paragraph_sentences
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        continued = _opens_quoted(text, paragraphs, p_index + 1)
        if known and p_index > 1:
            hit = known.get((text[p_start:p_end], continued))
            if hit is not None:
                first = len(sentences)
                sentences.extend([_moved(s, first + k, p_index, p_start - hit[0]) for k, s in enumerate(hit[1])])
                continue
        for start, end in sentence_spans(text, p_start, p_end, continued=continued, first=p_index == 0):
            sentences.append(
                Sentence(
                    index=len(sentences),
                    start=start,
                    end=end,
                    paragraph=p_index,
                    boilerplate=is_boilerplate(text[start:end])
                    or _under_headline(text, paragraphs, p_index, start, end),
                    tokens=tokenize(text, start, end),
                )
            )
    return Document(article=article, sentences=tuple(sentences))


def outline_of(text: str) -> list[SentenceSpan]:
    """The sentences ``analyse`` finds in ``text``, without tokens."""
    spans: list[SentenceSpan] = []
    paragraphs = paragraph_spans(text)
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        continued = _opens_quoted(text, paragraphs, p_index + 1)
        for start, end in sentence_spans(text, p_start, p_end, continued=continued, first=p_index == 0):
            boilerplate = is_boilerplate(text[start:end]) or _under_headline(text, paragraphs, p_index, start, end)
            spans.append(SentenceSpan(start, end, p_index, boilerplate))
    return spans


@dataclass(frozen=True)
class Sketch:
    """What of an analysis the scan's gate reads, made without tokens (about half the cost of ``analyse``):
    the outline, each body sentence's ``Sentence.content_stems`` and the document's ``all_specifics``."""

    outline: tuple[SentenceSpan, ...]
    body_stems: tuple[frozenset[str], ...]
    specifics: frozenset[str]


def sketch(text: str) -> Sketch:
    """The ``Sketch`` of a text: equal to what ``analyse`` gives (tests/test_speed13_sketch.py checks it)."""
    outline = outline_of(text)
    forms = _WORD_FORMS
    findall = _TOKEN.findall
    stems: list[frozenset[str]] = []
    specifics: set[str] = set()
    for a, b, _p, boilerplate in outline:
        if boilerplate:
            continue
        words = findall(text, a, b)
        known = list(map(forms.get, words))  # a C loop; the words met first in this text are few
        found: list[tuple[str, str]] = (
            cast(list[tuple[str, str]], known)
            if None not in known
            else [f or _word_forms(w) for f, w in zip(known, words, strict=True)]
        )
        stems.append(frozenset([st for norm, st in found if norm not in STOPWORDS]))
        specifics.update(_specifics_of([(w[0], norm, st) for w, (norm, st) in zip(words, found, strict=True)]))
    return Sketch(tuple(outline), tuple(stems), frozenset(specifics))


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs as spans with surrounding white space trimmed; empty ones dropped."""
    spans: list[tuple[int, int]] = []
    pos = 0
    if _PARAGRAPH_BREAK.search(text):
        breaks = _PARAGRAPH_BREAK
    elif _hard_wrapped(text):
        return [t for t in [_trim(text, 0, len(text))] if t[0] < t[1]]
    else:  # no blank lines: one paragraph per line
        breaks = _LINE_BREAK
    for m in breaks.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [t for t in (_trim(text, a, b) for a, b in spans) if t[0] < t[1]]


#: A quotation that spans sentences keeps them together as one sentence (its speaker and its words stay in
#: one unit), but only up to this many: a quotation mark still open after that, or at the paragraph's end,
#: opens no quotation (an LLM that wraps its whole answer in quotation marks, a mark missing), and merging
#: would make a whole paragraph one "sentence" (67 of the 1,440 SheepDog rewrites were a single
#: sentence of up to 430 words, which no sentence of their original can restate; RESULTS.md, session 6).
_QUOTED_SENTENCES = 4


def sentence_spans(
    text: str, start: int, end: int, *, continued: bool = False, first: bool = False
) -> list[tuple[int, int]]:
    """Sentences of one paragraph, as trimmed spans into ``text``. ``continued``: the next paragraph opens
    with a quotation mark, so a quotation left open at this one's end goes on there (news style). ``first``: the
    text's first paragraph, whose first line is the headline (a byline under it is a sentence of its own)."""
    chunk = text[start:end]
    punkt = _split_after_country_initials(chunk, _rejoin_country_abbreviations(chunk, _punkt_spans(chunk)))
    raw = [_trim(chunk, a, b) for a, b in _repair_abbreviations(chunk, punkt)]
    raw = [piece for a, b in raw if a < b for piece in _stamp_lines_apart(chunk, a, b, first)]
    units: list[tuple[int, int]] = []  # sentences with any stray fragment that follows them
    for a, b in raw:
        if units and _is_fragment(chunk[a:b]):
            units[-1] = (units[-1][0], b)
        else:
            units.append((a, b))
    merged: list[tuple[int, int]] = []
    run = 0  # units in the last merged sentence
    settled = False  # the last unit ended a run found to be no quotation: its mark opens nothing
    for k, (a, b) in enumerate(units):
        if merged and not settled and _quote_open(chunk[merged[-1][0] : merged[-1][1]]):
            if run < _QUOTED_SENTENCES:
                merged[-1] = (merged[-1][0], b)
                run += 1
                continue
            # Still open after that many sentences: no quotation, each unit stands alone; this one may
            # hold the closing mark, which must not open another quotation.
            del merged[-1]
            merged.extend(units[k - run : k])
            merged.append((a, b))
            run, settled = 1, True
            continue
        merged.append((a, b))
        run, settled = 1, False
    if merged and run > 1 and not continued and _quote_open(chunk[merged[-1][0] : merged[-1][1]]):
        # The paragraph ends inside the "quotation": its opening mark is stray.
        del merged[-1]
        merged.extend(units[len(units) - run :])
    return [(start + a, start + b) for a, b in merged]


_LINE = re.compile(r"[^\r\n]+")


def _stamp_lines_apart(chunk: str, a: int, b: int, first_paragraph: bool = False) -> list[tuple[int, int]]:
    """The sentence ``chunk[a:b]`` with the byline and stamp lines at its start and its end (``byline_or_stamp``)
    made sentences of their own: a headline with a byline under it, or a byline over the lead with no blank line
    between, is one sentence to Punkt, which kept the byline in the comparison. Only in the ``first_paragraph`` is
    a line "By <names>, <Capitalised Words>" read as a byline under the headline: under a subhead it is story."""
    if chunk.find("\n", a, b) < 0 and chunk.find("\r", a, b) < 0:
        return [(a, b)]
    lines = [t for t in (_trim(chunk, m.start(), m.end()) for m in _LINE.finditer(chunk, a, b)) if t[0] < t[1]]
    texts = [chunk[x:y] for x, y in lines]
    first = 0
    while first < len(lines) - 1 and _stamp_line(texts[first]) and _opens_sentence(texts[first + 1]):
        first += 1
    last = len(lines)
    # (a line that ends the sentence with its stop ends wrapped prose: "... would vote on\nMay 5, 2026.")
    while last - 1 > first and _stamp_line(texts[last - 1]) and not texts[last - 1].endswith((".", "!", "?")):
        last -= 1
    if first_paragraph and last == 2 and first == 0 and lines[0][0] == 0 and _byline_under_headline(texts[0], texts[1]):
        last = 1
    if first == 0 and last == len(lines):
        return [(a, b)]
    return [*lines[:first], (lines[first][0], lines[last - 1][1]), *lines[last:]]


def _stamp_line(line: str) -> bool:
    """A byline or stamp line set as one (``byline_or_stamp``), capitalised: in wrapped prose a line may open
    with a lower-case "by Jane Smith" that goes on the sentence before it."""
    first = _ALPHANUMERIC.search(line)
    return first is not None and not first.group().islower() and byline_or_stamp(line)


def _opens_sentence(line: str) -> bool:
    """Does ``line`` open a sentence (a capital, a digit or a quotation mark first), not go on the one before?"""
    first = _ALPHANUMERIC.search(line)
    return first is not None and not first.group().islower()


def tokenize(text: str, start: int, end: int) -> tuple[Token, ...]:
    """The words of ``text[start:end]`` as Tokens with spans into ``text``.

    The hot loop of ``analyse``: each distinct word's two normal forms are computed once per process
    (``_word_forms``), and Tokens are made straight from the match's span and those forms; the result is
    the same as ``Token(start, end, norm, stem(norm))``.
    """
    tokens: list[Token] = []
    append = tokens.append
    forms = _WORD_FORMS
    new = tuple.__new__
    for m in _TOKEN.finditer(text, start, end):
        word = m.group()
        form = forms.get(word)
        if form is None:
            form = _word_forms(word)
        append(new(Token, m.span() + form))
    return tuple(tokens)


_WORD_FORMS: dict[str, tuple[str, str]] = {}
_WORD_FORMS_MAX = 500_000


def _word_forms(word: str) -> tuple[str, str]:
    norm = normalize_word(word)
    form = (norm, stem(norm))
    if len(_WORD_FORMS) >= _WORD_FORMS_MAX:
        _WORD_FORMS.clear()
    _WORD_FORMS[word] = form
    return form


@lru_cache(maxsize=65536)
def normalize_word(word: str) -> str:
    w = unicodedata.normalize("NFKC", word).lower().replace("’", "'")
    if w[0].isdigit() and "," in w:
        # Only a thousands grouping's commas ("1,500" is "1500"): a decimal comma is the figure's own ("2,5%"
        # is no "25%", so a copied sentence with the one for the other still has its figures compared)
        return _GROUPING_COMMA.sub("", w)
    return w


# A grouping comma has groups of three digits to the end ("1,500", "1,250,000") or, in the Indian lakh grouping,
# pairs before the last three ("1,50,000", "12,50,000"); "2,5", "15,16" and "4,10" keep theirs
_GROUPING_COMMA = re.compile(r"(?<=\d),(?=(?:\d\d,){0,4}\d{3}(?!\d))")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A deliberately crude stemmer: enough to match "approved"/"approves", "cuts"/"cut"."""
    w = word.removesuffix("'s") or word  # "'s" alone (a possessive split from its name) stays itself
    if w[0].isdigit():
        return w
    if len(w) == 4 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    if len(w) <= 4:
        return w
    for suffix, repl in (
        ("ies", "y"),
        ("ied", "y"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
        ("ly", ""),
    ):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: len(w) - len(suffix)] + repl
    return w


#: A sentence that opens like a share bar ("Share this with", "Follow @") is left out only up to this many
#: words. Share bars run to 25 words at most in the eval texts; longer ones are a bar a scrape glued to the
#: article's first sentence ("Share this withEmail...Copy this linkThe 76-year-old, who..."), and leaving
#: those out hid the lead, the part a rewrite keeps best. (Newsletter boxes, credits and the like are left
#: out at any length.) What ``is_boilerplate`` marks is also what an index holds: a change here changes
#: the index's postings and vectors, so bump ``index.store.SCHEMA_VERSION`` with it.
BOILERPLATE_WORDS = 25
_SHARE_BAR = re.compile(r"^\W*(?:share\s+(?:this|on)\b|follow\s+(?:us|@))", re.IGNORECASE)


#: The characters ``re.IGNORECASE`` matches to an ASCII letter that ``str.lower`` does not turn into it
#: ("İ" and "ı" match "i", "ſ" matches "s"; tests/test_facts_fast_paths.py checks every code point).
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f]")


def lower_is_ignorecase(text: str) -> bool:
    """Whether a case-insensitive pattern spelled in ASCII letters can match ``text`` only where
    ``text.lower()`` holds its letters in lower case: the fast paths that look for a pattern's words in the
    lower-cased text before searching rely on it."""
    return text.isascii() or not _FOLDS_TO_ASCII.search(text)


def is_boilerplate(sentence: str) -> bool:
    s = sentence.strip()
    if not s:
        return True
    if byline_or_stamp(s):
        return True
    if _BOILERPLATE.search(s):
        return not _SHARE_BAR.search(s) or len(s.split()) <= BOILERPLATE_WORDS
    return bool(_CREDIT_TAIL.search(s)) and len(s.split()) < 20


# Bylines and time stamps on lines of their own, as a plain-text article keeps them at its top or foot ("By Jane Smith,
# Reuters", "Published 7 March 2026", "Updated 10:42 AM GMT"): compared as sentences, a copy that dropped one had a
# fact "omitted" and a copy that added one a claim "added". Only a line that is nothing else counts, and only one that
# opens as they do (checked first: a cheap test for every sentence of a scan's corpus). Narrower than the page reader's
# patterns (``article._is_junk``), which judge a page's paragraphs by the markup around them: in plain text a date
# alone is no stamp (a timeline's "March 9, 2026" over each entry is the story's), nor a time alone ("5 PM") or a
# caption's credit ("By 2030, emissions must halve (IPCC/UNEP)"); a stamp has its label ("Updated ...") and a
# byline names people (two or three capitalised words, not "The Numbers") and then at most an outlet, a role or a
# date: a title-case headline ("By Popular Demand, Trump Returns") goes on as a sentence.
_STAMP_OPENING = re.compile(
    r"\W*(?:by|updated|published|posted|modified|last|first|reporting|additional)\b", re.IGNORECASE
)
_STAMP_LABEL = re.compile(
    r"(?:first\s+|last\s+)?(?:updated|published|posted|modified)(?:\s+(?:on|at))?\s*:?\s*", re.IGNORECASE
)
_LABELLED_DATE = re.compile(STAMP)
# Names joined by commas only in a list that "and" ends: "By Popular Demand, Trump Returns" is a headline.
_PLAIN_BYLINE = re.compile(
    rf"(?!{BY_CLAUSE})(?i:by)\s+{BYLINE_PERSON}(?:(?:\s*,\s*{BYLINE_PERSON})*\s*,?\s+(?i:and)\s+{BYLINE_PERSON})?"
    rf"(?:\s*(?:,|[|·•–—]|\s-)\s*{BYLINE_DASH_OUTLET}){{0,3}}\.?"
)
# The parts of a byline and stamps set on one line: "By Jane Smith, Reuters | Updated 10:42 AM GMT"
_STAMP_SEPARATOR = re.compile(r"\s+[|·•]\s+")
_MAX_STAMP_LINE = 160
_MAX_STAMP_WORDS = 14
_MAX_STAMP_WORDS_WITH_STOP = 6


def byline_or_stamp(line: str) -> bool:
    """Whether ``line`` (one line, trimmed) is only a byline, a reporting credit or a labelled publication or update
    stamp."""
    if len(line) > _MAX_STAMP_LINE or "\n" in line or "\r" in line or not _STAMP_OPENING.match(line):
        return False
    # A byline is a few names and an outlet, with no full stop after more than a name or two: a sentence set in
    # capitals ("BY THE USE OF THIS DUE PROCESS FORMULA THE COURT DOES NOT, ..." in SheepDog) is none.
    words = len(line.split())
    if words > _MAX_STAMP_WORDS or (line.endswith(".") and words > _MAX_STAMP_WORDS_WITH_STOP):
        return False
    return _stamp_part(line) or all(_stamp_part(part) for part in _STAMP_SEPARATOR.split(line))


# A byline right under the headline whose outlet is of no kind the byline patterns know ("By Priya Nandakumar,
# Norcross Ledger", "By TrendWire AI Desk, TrendWire AI"): "By", names, a comma and a few capitalised words. Only
# there: elsewhere such a line may be a title-case subhead ("By Midnight Sunday, Polls Closed"), a line of the story.
_OUTLET_WORDS = r"[A-Z0-9][\w'’.&-]*+(?:\s+(?:(?:of|and|the|for|on|&)\s+){0,2}[A-Z0-9][\w'’.&-]*+){0,3}"
_BYLINE_UNDER_HEADLINE = re.compile(rf"(?!{BY_CLAUSE})(?i:by)\s+{BYLINE_PEOPLE}\s*,\s*{_OUTLET_WORDS}\.?")
# A first "name" word that is a time or an opener ("By Sunday Night", "By Late Tuesday", "By Mid-Morning").
_TIME_NAME = re.compile(rf"(?i:(?:{BY_OPENER}|late|early|mid)\b)")
# A verb among the "outlet" words: an auxiliary or modal, a past tense BY_VERB knows, one in -ed ("Ordered";
# not an outlet's "United", "Associated", "Limited"), or "Lay".
_OUTLET_VERB = re.compile(
    rf"(?i:\b(?:{BY_VERB}|will|can|may|shall|won['’]t|lay|(?!(?:united|associated|allied|limited|incorporated)\b)"
    r"[a-z]{2,}ed)\b)"
)
# A headline line: a few words, with no closing stop (a line that has one ends a sentence of the story).
_MAX_HEADLINE_WORDS = 15
_CLOSING_STOP = re.compile(r"[.!?\u2026:;][\"'\u2019\u201d)\]]*\s*$")


def _byline_under_headline(headline: str, line: str) -> bool:
    """Whether ``line`` (trimmed), the line right under ``headline`` (trimmed), is a byline of "By", names and
    an outlet of capitalised words (one ``byline_or_stamp`` knows is a byline anywhere)."""
    if line[:2].casefold() != "by" or len(line) > _MAX_STAMP_LINE or len(line.split()) > _MAX_STAMP_WORDS:
        return False
    words = headline.split()
    if not words or len(words) > _MAX_HEADLINE_WORDS or not _opens_sentence(headline) or _CLOSING_STOP.search(headline):
        return False
    if _BYLINE_UNDER_HEADLINE.fullmatch(line) is None:
        return False
    # A title-case deck is no byline: "By Sunday Night, Officials Ordered Evacuations", "By Next Year, Prices Will
    # Double", "BY LATE TUESDAY, TWO TOWNS LAY UNDERWATER" (a time opens it, or its "outlet" holds a verb after a
    # subject). An outlet's first or only word is no verb: "Wired", "Wicked Local", "Lost Coast Outpost", "Naked
    # Capitalism" made real bylines decks, glued to the headline or kept as story (rev24i 5).
    names, _, outlet = line[2:].partition(",")
    _, _, after_first = outlet.strip().partition(" ")
    return _TIME_NAME.match(names.lstrip()) is None and _OUTLET_VERB.search(after_first) is None


def _under_headline(text: str, paragraphs: Sequence[tuple[int, int]], p_index: int, start: int, end: int) -> bool:
    """Is the sentence ``text[start:end]`` of paragraph ``p_index`` a byline line right under the headline
    (``_byline_under_headline``): the second line of its paragraph, or the whole second paragraph of a text
    whose first is one line? The second is why ``analyse`` never reuses a second paragraph's sentences."""
    if text[start : start + 2].casefold() != "by":  # (cheap: read for every sentence of a scan's corpus)
        return False
    line = text[start:end]
    if "\n" in line or "\r" in line:
        return False
    p_start, p_end = paragraphs[p_index]
    if start > p_start:
        if p_index != 0:
            return False  # a line under a mid-story subhead: story
        above = text[p_start:start]
        headline = above.rstrip()
        gap = above[len(headline) :]
        if "\n" in headline or "\r" in headline or ("\n" not in gap and "\r" not in gap):
            return False
    elif p_index == 1 and end == p_end:
        headline = text[paragraphs[0][0] : paragraphs[0][1]]
        if "\n" in headline or "\r" in headline:
            return False
    else:
        return False
    return _byline_under_headline(headline, line)


def _stamp_part(part: str) -> bool:
    if _PLAIN_BYLINE.fullmatch(part) or REPORTING_CREDIT.fullmatch(part):
        return True
    label = _STAMP_LABEL.match(part)
    if label is None or label.end() == len(part):
        return False
    return (
        TIME_STAMP.fullmatch(part, label.end()) is not None or _LABELLED_DATE.fullmatch(part, label.end()) is not None
    )


def looks_english(text: str) -> bool:
    """False only when a text of some length has almost none of the commonest English words."""
    words = [normalize_word(m.group()) for m in _TOKEN.finditer(text[:20000])]
    words = [w for w in words if not w[0].isdigit()]
    if len(words) < 12:
        return True
    share = sum(w in _ENGLISH_MARKERS for w in words) / len(words)
    return share >= 0.06


# A place Punkt could end a sentence inside a paragraph: end punctuation, then space and more text.
_BREAK_CANDIDATE = re.compile(r"[.?!\u2026][^\s]*\s+\S")


def _punkt_spans(chunk: str) -> list[tuple[int, int]]:
    if not _BREAK_CANDIDATE.search(chunk):
        # One sentence (a headline, a one-sentence paragraph): Punkt would return the chunk whole.
        return [(0, len(chunk))]
    import nupunkt  # imported lazily: it loads its model on first use

    return list(nupunkt.sent_spans(chunk))


# nupunkt's model was trained on legal text: it takes legal abbreviations ("Art." for article) and hundreds of
# plain English words ("century", "month", "cancer", "bank", "cold", "me", "so") and names ("Black", "York")
# for abbreviations, so "dying every month. And this war ..." stayed one sentence. In news a word, a full stop
# and then a capital or an opening quotation mark end a sentence, but for the abbreviations news writes before
# a name or a capitalised word: titles, ranks, US states, months and days, company and street forms
# (capitalised), a few lowercase ones ("approx."), and two-letter ones ("vs.", "pp."): of those, only words
# end a sentence.
_MISSED_BREAK = re.compile(r"\.\s+(?=[A-Z\u201c\"])")  # the full stop first: a fast literal scan
_WORD_BEFORE = re.compile(r"(?<!\w)([^\W\d_]{2,})\Z")  # any word of letters: "McDonald", "José", "NATO" too
_NEWS_ABBREVIATIONS = frozenset(
    """approx dept depts govt incl misc univ assn corp bros ave blvd hwy natl intl mfg mgr mgmt excl
    Approx Depts Govt Incl Misc Natl Intl Mfg Mgr Mgmt Excl Dir Dem Dems Asst Twp Snr Jnr Pte Cllr Supv Det
    Mr Mrs Ms Mx Messrs Mmes Mme Mlle Dr Drs Prof Profs Rev Revs Hon Msgr Fr Sr Jr Esq Sen Sens Rep Reps Gov Govs
    Pres Amb Sec Secs Atty Treas Supt Insp Det Const Gen Gens Col Cols Maj Capt Cpt Lt Sgt Cpl Pvt Pfc Spc Adm
    Cmdr Cdr Brig Ret St Ste Mt Mts Ft Pt Rd Ln Pl Sq Ct Pkwy Rte Hwy Ave Blvd Apt Bldg No Nos Nr Vol Vols Fig
    Figs Art Arts Ch Op Ed Eds Pub Inst Dist Dept Div Univ Assn Assoc Acad Admin Corp Inc Co Cos Ltd Bros
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun
    Ala Ariz Ark Calif Cal Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev
    Okla Ore Pa Penn Tenn Tex Va Vt Wash Wis Wisc Wyo Ont Que Alta Sask Man""".split()
)
_TWO_LETTER_WORDS = frozenset(
    "me so am in ok no at an or ad ex ah oh on up us it go do be by of to we he is as if my ch".split()
)


def _news_abbreviation(word: str) -> bool:
    return word in _NEWS_ABBREVIATIONS or (word.isupper() and word.capitalize() in _NEWS_ABBREVIATIONS)


def _repair_abbreviations(chunk: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in spans:
        pos = a
        for m in _MISSED_BREAK.finditer(chunk, a, b):
            w = _WORD_BEFORE.search(chunk, max(a, m.start() - 30), m.start())
            if w is None:
                continue
            word = w.group(1)
            if word in _TWO_LETTER_WORDS if len(word) == 2 else not _news_abbreviation(word):
                out.append((pos, m.end()))
                pos = m.end()
        out.append((pos, b))
    return out


# nupunkt ends a sentence at "U.S." when an acronym follows that its model has seen open sentences ("The U.S. |
# EPA said", "U.S. | FDA officials"; not "U.S. SEC" or "U.S. Treasury"): a country's dotted initials before a
# body's acronym are one name, and a lone "U.S." or "The U.S." is no sentence. Only when the piece before is
# just the initials' noun phrase ("U.S.", "The U.S.", "Officials at the U.S.": at most _INITIALS_PHRASE_WORDS
# words before them): a sentence that ends in "the U.S." ("Boeing will close two plants in the U.S. NASA said
# it would review the contract") keeps its break, as it does before any other word ("in the U.S. The company
# said"). A short sentence ending so ("Sales rose in the U.S. GM said") still splits; a longer phrase before the
# initials ("Senior officials at the U.S. EPA said") does too, the loss taken.
_COUNTRY_INITIALS_END = re.compile(r"(?<![\w.])(?:U\.S|U\.K|U\.N|E\.U)\.\s*\Z")
_ACRONYM_OPENING = re.compile(r"\s*[A-Z]{2,}(?:s|['\u2019]s|-[\w-]+|\d\w*)?(?![\w'\u2019-])")
_INITIALS_PHRASE_WORDS = 3
# ... or whatever the piece before, when a preposition follows the acronym: "The drug was approved by the U.S. |
# FDA in 2019" is one sentence (a sentence seldom opens on an acronym and "in").
_ACRONYM_THEN_PREPOSITION = re.compile(r"\s*[A-Z]{2,}\s+(?:in|on|for|to|of|with|at|by|from|since|under|over)\s")
# (the initials, their trailing space and the few words before them: only this much of a piece is read, so a
# paragraph of many joins costs linear time)
_INITIALS_PHRASE_CHARS = 60


def _rejoin_country_abbreviations(chunk: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and out[-1][1] - out[-1][0] <= _INITIALS_PHRASE_CHARS:
            initials = _COUNTRY_INITIALS_END.search(chunk, out[-1][0], out[-1][1])
            if (
                initials
                and (
                    len(chunk[out[-1][0] : initials.start()].split()) <= _INITIALS_PHRASE_WORDS
                    or _ACRONYM_THEN_PREPOSITION.match(chunk, a, b)
                )
                and _ACRONYM_OPENING.match(chunk, a, b)
            ):
                out[-1] = (out[-1][0], b)
                continue
        out.append((a, b))
    return out


# nupunkt keeps "U.S." with an acronym after it whatever follows ("Most of the guns were bought in the U.S. FBI
# agents said they were traced to Texas" is one sentence), where news ends a sentence on "the U.S." and opens the
# next with a body that speaks or acts. Split there when the piece before is a clause of its own (a finite verb,
# four words at least before the initials: "A spokesman for the U.S. FDA said" has none) and the acronym, with at
# most one word for its people ("agents", "officials"), is followed by a verb of saying or a tense's auxiliary:
# "filed with the U.S. SEC on Monday" or "approved by the U.S. FDA in 2019" stay whole. Only a place's preposition
# right before "the U.S." (or before a list of places ending "and the U.S.") ends a clause there: after "that", a
# verb of saying or a conjunction the acronym is the clause's subject ("warned that the U.S. SEC will tighten",
# "fined after the U.S. DOJ said"), and after "by" it is a passive's agent ("studies that were funded by the U.S.
# NIH have shown").
_INITIALS_THEN_ACTOR = re.compile(
    r"\b(?:in|into|to|from|across|outside|of|with)\s+"
    # the preposition's places listed before it: "into Texas and the U.S.", "in Canada, Britain and the U.K."
    r"(?:(?:both\s+)?[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)?(?:\s*,\s*[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)?)*"
    r",?\s+(?:and|or)\s+)?"
    r"the\s+(?:U\.S|U\.K)\.\s+(?=[A-Z]{2,}\s+(?:(?:agents?|officials?|investigators?|officers?|inspectors?|"
    r"spokes(?:man|woman|person)|director|chief|staff|scientists?|lawyers?|data|figures|records)\s+)?"
    r"(?:said|says|say|told|announced|reported|confirmed|declined|estimated|has|have|had|is|are|was|were|will|"
    r"would|did|does|arrested|seized|charged)\b)"
)
_FINITE_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do|said|says)\b", re.I)


def _split_after_country_initials(chunk: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in spans:
        for m in _INITIALS_THEN_ACTOR.finditer(chunk, a, b):
            before = chunk[a : m.start()]
            if len(before.split()) >= _INITIALS_PHRASE_WORDS + 1 and _FINITE_VERB.search(before):
                out.append((a, m.end()))
                a = m.end()
        out.append((a, b))
    return out


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _opens_quoted(text: str, paragraphs: list[tuple[int, int]], k: int) -> bool:
    """Does paragraph ``k`` open with a quotation mark (a quotation continued from the one before)?"""
    return k < len(paragraphs) and text[paragraphs[k][0]] in OPENING_QUOTES + '"'


_OPENING_QUOTE = re.compile(f"[{OPENING_QUOTES}]")
_TYPOGRAPHIC_QUOTE = re.compile(f"[{OPENING_QUOTES}{CLOSING_QUOTES}]")
# str.isalnum, as a pattern: \w is "alphanumeric or _" (the same Unicode test) without the underscore.
_ALPHANUMERIC = re.compile(r"[^\W_]")


def _quote_open(sentence: str) -> bool:
    """True when a sentence opens a quotation it does not close (a quote spanning sentences)."""
    if _OPENING_QUOTE.search(sentence):
        depth = 0
        for ch in _TYPOGRAPHIC_QUOTE.findall(sentence):  # the other characters leave the depth as it is
            if ch in OPENING_QUOTES:
                depth += 1
            elif ch in CLOSING_QUOTES:
                depth = max(0, depth - 1)
        return depth > 0
    # Straight quotes: an odd count means one is still open.
    return sentence.count('"') % 2 == 1 and not sentence.rstrip().endswith('"')


def _is_fragment(sentence: str) -> bool:
    """A piece too short to be a sentence of its own (a stray closing quote or bracket)."""
    return _ALPHANUMERIC.search(sentence) is None


def _hard_wrapped(text: str) -> bool:
    """Lines of similar, medium length that mostly stop mid-sentence: wrapped prose, not paragraphs."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if len(lines) < 3:
        return False
    lengths = sorted(len(ln) for ln in lines)
    median = lengths[len(lengths) // 2]
    open_ended = sum(not ln.endswith((".", "!", "?", '"', "”", ":")) for ln in lines) / len(lines)
    return 40 <= median <= 100 and open_ended >= 0.5


def specifics_share(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the specifics of the side with fewer that the other has too (1.0 when either has none)."""
    if not a or not b:
        return 1.0
    return len(a & b) / min(len(a), len(b))
