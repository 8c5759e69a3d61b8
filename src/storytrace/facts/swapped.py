"""One name, figure or pronoun put in the place of another inside words copied from the original.

The entity and number checks report a name or a figure the original never gives. A summary that takes a
sentence of the original and puts in it a name from elsewhere in the same article ("Copeland, who plays
for the Atlanta Hawks, was arrested", where the original says "Pero Antic, who plays for the Atlanta
Hawks, was arrested" and names Copeland in another sentence) passes those checks. Here the suspect
sentence is lined up word by word with the sentence it restates: where one slot differs and the words
around it are the original's, what the original has in that slot and what the suspect has are compared.
A name for another name, a figure or weekday for another, "he" for "she" or "they": the detail shows
both, so an editor can check it in one reading. Word lookups and one diff per linked sentence; NER (spaCy)
only on the few slots that get that far.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import replace
from difflib import SequenceMatcher

from storytrace.align import Alignment, word_opcodes
from storytrace.facts.dates import _WEEKDAY_NUMBER
from storytrace.facts.numbers import same_in_other_convention
from storytrace.facts.recombined import _NOT_NAMES
from storytrace.finding import Finding
from storytrace.text import STOPWORDS, Document, Sentence, Token

_PRONOUN_GROUP = {
    **dict.fromkeys(("he", "him", "his", "himself"), "male"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "female"),
    **dict.fromkeys(("they", "them", "their", "theirs", "themselves"), "plural"),
}
# Words that, just before a capitalised word, make it a description rather than a name ("the Foxes",
# "the Premier League champions"): what a summary rightly replaces with the name it stands for.
_DESCRIBERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her"})
_DIGITS = re.compile(r"\d")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")

MAX_SLOT = 5  # words on either side of a slot: longer differences are rewording, not a swap
MIN_SHARED = 4  # content words the two sentences share in runs, for a slot to be read as a swap
WINDOW = 10  # words either side of the original's slot where the suspect's name would count as moved


def swap_findings(alignment: Alignment, *, skip: frozenset[tuple[int, int]] = frozenset()) -> list[Finding]:
    """Names, figures and he/she pronouns put in another's place in a restated sentence.

    Per link (not verbatim, not added) and per linked source sentence, the suspect sentence's words are
    lined up with the source sentence's (difflib on normal forms). The pair must share ``MIN_SHARED``
    content words; a replaced slot of at most ``MAX_SLOT`` words on each side, next to shared words with a
    content word among them, is a swap when the suspect puts there: a name where the original has another
    name (the original's nowhere in the suspect sentence, the suspect's not within ``WINDOW`` words of the
    slot in the original, neither a description such as "the Foxes", not one name written two ways, and
    NER reading them as names); a figure alone where the original has another figure alone that the
    suspect sentence lacks; a weekday or month alone where the original has another; or "he" where the
    original has "she" or "they" (or the reverse). Spans in ``skip`` (already reported) and inside a
    clause reported as added are not reported again.
    """
    src, der = alignment.source, alignment.derived
    findings: list[Finding] = []
    for link in alignment.links:
        if not link.source or link.kind in ("added", "verbatim"):
            continue
        for i in link.derived:
            sent = der.sentences[i]
            d_words = {t.norm for t in sent.tokens}
            seen: set[tuple[int, int]] = set()
            for j in link.source:
                for f in _slot_swaps(src, der, src.sentences[j], sent, d_words):
                    span = f.derived or (0, 0)
                    if span in seen or any(a < span[1] and span[0] < b for a, b in skip):
                        continue
                    if any(a <= span[0] and span[1] <= b for a, b in link.unsupported):
                        continue
                    seen.add(span)
                    findings.append(f)
    return findings


def _slot_swaps(src: Document, der: Document, s_sent: Sentence, d_sent: Sentence, d_words: set[str]) -> list[Finding]:
    s_toks, d_toks = s_sent.tokens, d_sent.tokens
    if not s_toks or not d_toks:
        return []
    s_norms = [t.norm for t in s_toks]
    d_norms = [t.norm for t in d_toks]
    ops = word_opcodes(d_norms, s_norms)
    out = _swaps_in(src, der, s_sent, d_sent, d_words, ops)
    local = _local_ops(d_norms, s_toks, src.text, ops)
    if local is not None:
        seen = {f.derived for f in out}
        out += [f for f in _swaps_in(src, der, s_sent, d_sent, d_words, local) if f.derived not in seen]
    return out


Opcodes = Sequence[tuple[str, int, int, int, int]]


def _local_ops(
    d_norms: list[str], s_toks: tuple[Token, ...], text: str, ops: Opcodes
) -> list[tuple[str, int, int, int, int]] | None:
    """The suspect sentence lined up again with only the stretch of the original sentence around their
    longest common run, when the first lining-up matched some of its words far from that run, in another
    part of the sentence: past a colon, a semicolon or a dash, or across words that are not an aside set
    off by commas.

    A long sentence of the original (several captions run together, a quote and its setting) often has the
    suspect's name twice: where the suspect took it from and elsewhere. difflib then matches the name to its
    first place and leaves the words the suspect really restates, with the name they held ("Pero Antic, who
    plays for the Atlanta Hawks"), as a gap of the original's own: the swap is never a slot. Lined up with
    the words around the common run only, the name and the name it replaced face each other again. None
    when no shared run is separated from the longest by such a gap of more than ``MAX_SLOT`` words: a long
    aside within one clause ("Sterling, the England international who will lead ... in the absence of the
    injured Daniel Sturridge, was exposed") is a summary's usual cut, and the name before it is the
    subject the suspect keeps.
    """
    s_norms = [t.norm for t in s_toks]
    equal = [op for op in ops if op[0] == "equal"]
    if len(equal) < 2:
        return None
    longest = max(equal, key=lambda op: op[2] - op[1])
    _tag, i1, i2, j1, j2 = longest
    k = equal.index(longest)
    gaps = [(a[4], b[3]) for a, b in itertools.pairwise(equal[max(0, k - 1) : k + 2]) if b[3] - a[4] > MAX_SLOT]
    if not any(_parts_apart(s_toks, text, a, b) or not _aside(s_toks, text, a, b) for a, b in gaps):
        return None
    lo = max(0, j1 - i1 - 2)
    hi = min(len(s_norms), j2 + (len(d_norms) - i2) + 2)
    window = word_opcodes(d_norms, s_norms[lo:hi])
    return [(tag, a, b, c + lo, d + lo) for tag, a, b, c, d in window]


_PART_BREAK = re.compile(r"[:;]|\s[-\u2013\u2014]\s")


def _parts_apart(toks: tuple[Token, ...], text: str, a: int, b: int) -> bool:
    """True when the original's words ``toks[a:b]`` (a gap between two shared runs) cross a colon, a
    semicolon or a dash: the runs stand in two parts of a run-on sentence."""
    return bool(_PART_BREAK.search(text, toks[max(0, a - 1)].end, toks[min(b, len(toks) - 1)].start))


def _aside(toks: tuple[Token, ...], text: str, a: int, b: int) -> bool:
    """True when the original's words ``toks[a:b]`` are set off by commas on both sides: an aside a summary
    drops ("Sterling, the England international ..., was exposed")."""
    if a == 0 or b >= len(toks):
        return False
    return "," in text[toks[a - 1].end : toks[a].start] and "," in text[toks[b - 1].end : toks[b].start]


def _swaps_in(
    src: Document, der: Document, s_sent: Sentence, d_sent: Sentence, d_words: set[str], ops: Opcodes
) -> list[Finding]:
    s_toks, d_toks = s_sent.tokens, d_sent.tokens
    d_norms = [t.norm for t in d_toks]
    shared = sum(1 for tag, i1, i2, _j1, _j2 in ops if tag == "equal" for w in d_norms[i1:i2] if _content(w))
    if shared < MIN_SHARED and not (shared >= MIN_SHARED - 1 and _pronouns_only(ops, d_norms, s_toks)):
        # a short sentence copied whole but for "he" put for "she" ("He told reporters he would appeal" ->
        # "She told reporters she would appeal") has too few content words for a name's swap, yet nothing
        # else changed to make it a rewording
        return []
    out: list[Finding] = []
    # read once: built for each slot, a run-on of thousands of words and slots was quadratic
    pairs: dict[tuple[str, str], frozenset[str]] | None = None
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag != "replace" or i2 - i1 > MAX_SLOT or j2 - j1 > MAX_SLOT:
            continue
        before = ops[k - 1] if k > 0 else None
        after = ops[k + 1] if k + 1 < len(ops) else None
        if not (_context(before, d_norms) or _context(after, d_norms)):
            continue
        d_slot, s_slot = d_toks[i1:i2], s_toks[j1:j2]
        if pairs is None:
            pairs = _word_pairs(s_toks)
        found = (
            _pronoun_swap(der, src, d_slot, s_slot, s_sent)
            or _figure_swap(der, src, d_slot, s_slot, d_words, _next_word(d_toks, i2), pairs, _lead_in(d_toks, i1))
            or _day_swap(der, src, d_slot, s_slot, d_words)
            or _name_swap(
                der,
                src,
                d_slot,
                s_slot,
                s_toks,
                d_toks,
                j1,
                d_sent,
                s_sent,
                ends=(_context(before, d_norms), _context(after, d_norms)),
            )
        )
        if found:
            out.append(found)
    return out


def _pronouns_only(ops: Opcodes, d_norms: list[str], s_toks: tuple[Token, ...]) -> bool:
    """True when every difference between the two sentences is one personal pronoun put for another."""
    changed = [op for op in ops if op[0] != "equal"]
    return bool(changed) and all(
        tag == "replace"
        and i2 - i1 == 1
        and j2 - j1 == 1
        and d_norms[i1].removesuffix("'s") in _PRONOUN_GROUP
        and s_toks[j1].norm.removesuffix("'s") in _PRONOUN_GROUP
        for tag, i1, i2, j1, j2 in changed
    )


def _next_word(toks: tuple[Token, ...], k: int) -> str | None:
    return toks[k].norm if k < len(toks) else None


#: Words too common to tie a figure to its place in a sentence ("and 40 people").
_GLUE = frozenset("the a an and or of to in on at by for with".split())


def _lead_in(toks: tuple[Token, ...], k: int) -> frozenset[str]:
    """The words (common glue left out) of the three before ``toks[k]``."""
    return frozenset(t.norm for t in toks[max(0, k - 3) : k] if t.norm not in _GLUE)


def _word_pairs(toks: tuple[Token, ...]) -> dict[tuple[str, str], frozenset[str]]:
    """Each pair of neighbouring words, with the words that lead in to it (``_lead_in``) wherever it stands."""
    out: dict[tuple[str, str], frozenset[str]] = {}
    for k, (a, b) in enumerate(itertools.pairwise(toks)):
        key = (a.norm, b.norm)
        out[key] = out.get(key, frozenset()) | _lead_in(toks, k)
    return out


def _context(op: tuple[str, int, int, int, int] | None, d_norms: list[str]) -> bool:
    """True when ``op`` is a run of shared words with a content word in it."""
    return op is not None and op[0] == "equal" and any(_content(w) for w in d_norms[op[1] : op[2]])


def _content(word: str) -> bool:
    return word not in STOPWORDS and any(c.isalnum() for c in word)


def _key(norm: str) -> str:
    """A name's word without possessive or plural ending, cut to five letters: "O'Neill's"/"ONeills",
    "Tonys"/"Tony", "Iraqi"/"Iraq" count as one name."""
    plain = unicodedata.normalize("NFKD", norm).encode("ascii", "ignore").decode()
    return plain.removesuffix("'s").replace("'", "").rstrip("s")[:5]


def _pronoun_swap(
    der: Document, src: Document, d_slot: tuple[Token, ...], s_slot: tuple[Token, ...], s_sent: Sentence
) -> Finding | None:
    # One personal pronoun on each side, the rest of the slot function words ("said she" for "said that
    # he"): "he" for "she", or "he" for "they" (one person for several), points to someone else. "it" and
    # "its" are left out: "the company ... they" and "it" are one thing written two ways.
    d_pron = [t for t in d_slot if _PRONOUN_GROUP.get(t.norm.removesuffix("'s"))]
    s_pron = [t for t in s_slot if _PRONOUN_GROUP.get(t.norm.removesuffix("'s"))]
    if len(d_pron) != 1 or len(s_pron) != 1 or len(d_slot) > 2 or len(s_slot) > 2:
        return None
    if any(_content(t.norm) for t in (*d_slot, *s_slot) if t not in d_pron and t not in s_pron):
        return None  # other words changed too: a rewording, not one pronoun for another
    a = _PRONOUN_GROUP[d_pron[0].norm.removesuffix("'s")]
    b = _PRONOUN_GROUP[s_pron[0].norm.removesuffix("'s")]
    if a == b:
        return None
    d_text, s_text = _words(der, (d_pron[0],)), _words(src, (s_pron[0],))
    what = "person changed" if {a, b} == {"male", "female"} else "pronoun changed"
    return _finding(
        "entity_changed",
        f"{what}: the original says \u201c{s_text}\u201d here (\u201c{_clip(src, s_sent)}\u201d), "
        f"the suspect says \u201c{d_text}\u201d",
        der,
        src,
        (d_pron[0],),
        (s_pron[0],),
    )


# Counts written in words, "one" left out (it is as often "a" or a pronoun: "one of them").
_NUMBER_WORDS = {
    w: float(k)
    for k, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
    if w != "one"
}


def _plain_figure(norm: str) -> bool:
    value = _figure(norm)
    return value is not None and value == value  # not NaN: digits with letters attached ("3km") are left out


def _figure(norm: str) -> float | None:
    """The value of a token that is a figure: digits ("5,000", "17") or a count in words ("three")."""
    if norm in _NUMBER_WORDS:
        return _NUMBER_WORDS[norm]
    digits = norm.replace(",", "")
    if not digits[:1].isdigit():
        # float() also reads "inf", "nan" and "infinity": words, not figures.
        return float("nan") if _DIGITS.search(norm) else None
    try:
        return float(digits)
    except ValueError:
        return float("nan") if _DIGITS.search(norm) else None


def _figure_swap(
    der: Document,
    src: Document,
    d_slot: tuple[Token, ...],
    s_slot: tuple[Token, ...],
    d_words: set[str],
    d_next: str | None = None,
    s_pairs: Mapping[tuple[str, str], frozenset[str]] | None = None,
    d_lead: frozenset[str] = frozenset(),
) -> Finding | None:
    # One figure for one figure, nothing else changed: where the unit changes too ("two years" for "24
    # months", "3km" for "two miles") it may be a conversion, which numbers.py weighs.
    if len(d_slot) != 1 or len(s_slot) != 1:
        return None
    d_fig, s_fig = d_slot, s_slot
    if not _plain_figure(d_fig[0].norm) or not _plain_figure(s_fig[0].norm):
        return None
    a, b = d_fig[0].norm.replace(",", ""), s_fig[0].norm.replace(",", "")
    if a == b or _figure(a) == _figure(b) or s_fig[0].norm in d_words:
        return None  # the original's figure kept elsewhere in the sentence: not one figure for another
    if same_in_other_convention(_words(der, d_fig), _words(src, s_fig)):
        return None  # "4,10" for "4.10": a translation's decimal comma, the same figure
    lead = s_pairs.get((d_fig[0].norm, d_next)) if s_pairs is not None and d_next is not None else None
    if lead is not None and lead & d_lead:
        # The suspect's figure, the word after it and a word leading in to it stand elsewhere in the original's
        # sentence ("over ... six decades" beside "more than three decades" in a long list): the words were
        # lined up with the wrong part of it. ("12 minutes" where it says "40 minutes ... 12 officers" is still
        # a swap, and so is "killed 40 people" where it says "killed 12 people and injured 40 people".)
        return None
    kind = "date_changed" if _YEAR.fullmatch(a) and _YEAR.fullmatch(b) else "number_changed"
    return _finding(
        kind,
        f"{'year' if kind == 'date_changed' else 'figure'} changed: the original says "
        f"\u201c{_words(src, s_slot)}\u201d where the suspect says \u201c{_words(der, d_slot)}\u201d, the words "
        "around it the same",
        der,
        src,
        d_slot,
        s_slot,
    )


_WEEKDAYS = frozenset(_WEEKDAY_NUMBER)
_MONTHS = frozenset(
    "january february march april june july august september october november december".split()
)  # "may" left out: as often the verb


def _day_swap(
    der: Document,
    src: Document,
    d_slot: tuple[Token, ...],
    s_slot: tuple[Token, ...],
    d_words: set[str],
) -> Finding | None:
    # A weekday for another weekday, a month for another month, each alone in its slot: "Monday" for
    # "Friday" says the event happened on another day. A weekday for a date ("Friday" for "September
    # 17") may be the same day written out, which this does not judge.
    if len(d_slot) != 1 or len(s_slot) != 1:
        return None
    a, b = d_slot[0].norm.removesuffix("'s"), s_slot[0].norm.removesuffix("'s")
    if a == b or b in d_words or not ((a in _WEEKDAYS and b in _WEEKDAYS) or (a in _MONTHS and b in _MONTHS)):
        return None
    what = "day" if a in _WEEKDAYS else "month"
    return _finding(
        "date_changed",
        f"{what} changed: the original says \u201c{_words(src, s_slot)}\u201d where the suspect says "
        f"\u201c{_words(der, d_slot)}\u201d, the words around it the same",
        der,
        src,
        d_slot,
        s_slot,
    )


def _name_swap(
    der: Document,
    src: Document,
    d_slot: tuple[Token, ...],
    s_slot: tuple[Token, ...],
    s_toks: tuple[Token, ...],
    d_toks: tuple[Token, ...],
    j1: int,
    d_sent: Sentence,
    s_sent: Sentence,
    ends: tuple[bool, bool],
) -> Finding | None:
    from storytrace.facts.entities import namesake_country, restated_place, spelled_out, styled

    d_names = [t for t in d_slot if _is_name(der, d_sent, t, also=src)]
    if not d_names or any(_content(t.norm) and t not in d_names for t in d_slot):
        return None  # plain words of the suspect's own in the slot: a rewording, not one name for another
    if any(styled(der.text, t.start, t.end, also=src.text) for t in d_names):
        return None  # a headline's capitals ("Encourages" for "Urges"): words, not names
    whole = len(s_slot)  # the window below is around the slot as it stands in s_toks, from j1
    s_slot = _name_end(src, s_sent, s_slot, ends)
    s_names = [t for t in s_slot if _is_name(src, s_sent, t) and not styled(src.text, t.start, t.end, also=der.text)]
    if not s_names:
        return None
    if spelled_out(der.text, d_names[0].start, d_names[-1].end, src.text) or spelled_out(
        src.text, s_names[0].start, s_names[-1].end, der.text
    ):
        return None  # "Assessment System" of "MCAS" spelled out: the original's name in full, not another
    near = {_key(t.norm) for t in s_toks[max(0, j1 - WINDOW) : j1 + whole + WINDOW]}
    d_keys = {_key(t.norm) for t in d_toks}
    if any(_key(t.norm) in near for t in d_names) or any(_key(t.norm) in d_keys for t in s_names):
        return None  # a name moved within the sentence, or kept: not put in another's place
    for slot, toks, names in ((s_slot, s_toks, s_names), (d_slot, d_toks, d_names)):
        first = toks.index(names[0])
        if first > 0 and toks[first - 1].norm in _DESCRIBERS:
            return None  # "the Foxes", "the Premier League champions": a description, not a name
        if any(t.norm in _DESCRIBERS for t in slot[: slot.index(names[0])]):
            return None
    if _described(src, s_toks, s_toks.index(s_names[0])):
        return None
    # Shown and spanned from the first name to the last: "On Tuesday, Malala Yousafzai, the" is the slot,
    # "Malala Yousafzai" the name it held.
    first = s_slot.index(s_names[0])
    while (
        first > 0
        and _is_name(src, s_sent, s_slot[first - 1], loose=True)
        and _content(s_slot[first - 1].norm)
        and s_slot[first - 1].norm not in _NOT_NAMES
        and not src.text[s_slot[first - 1].end : s_slot[first].start].strip()
    ):
        first -= 1  # "Pero Antic": a first name that opens the sentence is no less part of the name
    s_shown = s_slot[first : s_slot.index(s_names[-1]) + 1]
    d_shown = d_slot[d_slot.index(d_names[0]) : d_slot.index(d_names[-1]) + 1]
    if _same_name(_words(der, d_shown), _words(src, s_shown), src.text):
        return None
    s_span, d_span = (s_shown[0].start, s_shown[-1].end), (d_shown[0].start, d_shown[-1].end)
    if namesake_country(src.text, s_span, der.text, d_span):
        return None  # "London, Ontario" -> "London, Canada": the namesake's region told as its country
    if restated_place(src.text, s_span, der.text, d_span):
        return None  # "Boston, Lincolnshire" -> "Boston, England": the city's county told as its country
    if not _same_kind_of_name(der, d_sent, d_shown, src, s_sent, s_shown):
        return None
    found = _finding(
        "entity_changed",
        f"name changed: where the original says \u201c{_words(src, s_shown)}\u201d, the suspect says "
        f"\u201c{_words(der, d_shown)}\u201d, with the original's words around it",
        der,
        src,
        d_shown,
        s_shown,
    )
    if _named_elsewhere(der, d_sent, s_shown) and _restated_elsewhere(src, s_sent, d_sent, d_shown, s_shown):
        # The original's name stays in the suspect, and another sentence of the original names the suspect's
        # person and says as much of what the suspect's sentence says ("Eric Trump said ... release your tax
        # returns"): the sentence was linked to the wrong one, more likely than one name swapped for the other.
        # A summary that puts one player's feat on another ("Bouchard won nine of the final 11 games") has no
        # such sentence and stays medium.
        return replace(
            found,
            severity="low",
            detail=found.detail + "; another sentence of the original names them and says as much, so the "
            "sentences may simply be mislinked",
        )
    return found


def _restated_elsewhere(
    src: Document, s_sent: Sentence, d_sent: Sentence, d_name: tuple[Token, ...], s_name: tuple[Token, ...]
) -> bool:
    """True when a sentence of the original other than ``s_sent`` names the suspect's ``d_name`` and shares at
    least as many content words (names left out) with ``d_sent`` as ``s_sent`` does."""
    names = {_key(t.norm) for t in (*d_name, *s_name)}
    said = {t.stem for t in d_sent.tokens if _content(t.norm) and _key(t.norm) not in names}
    keys = {_key(t.norm) for t in d_name if _content(t.norm)}

    def shared(sent: Sentence) -> int:
        return len(said & {t.stem for t in sent.tokens})

    linked = shared(s_sent)
    return any(
        shared(s) >= max(1, linked)
        for s in src.sentences
        if s.index != s_sent.index and any(_key(u.norm) in keys and src.text[u.start].isupper() for u in s.tokens)
    )


def _named_elsewhere(doc: Document, sent: Sentence, name: tuple[Token, ...]) -> bool:
    """True when ``doc`` writes a word of ``name`` (the other text's), capitalised, outside ``sent``."""
    keys = {_key(t.norm) for t in name if _content(t.norm)}
    return bool(keys) and any(
        _key(u.norm) in keys and doc.text[u.start].isupper()
        for s in doc.sentences
        if s.index != sent.index
        for u in s.tokens
    )


def _described(doc: Document, toks: tuple[Token, ...], k: int) -> bool:
    """True when the name at ``toks[k]`` follows "of" within three words of its clause ("The brother of
    ex-footballer Ryan Giggs has lost his job"): it names whom a description is about, and the subject is
    the one described (who may be the suspect's name)."""
    for back in range(k - 1, max(-1, k - 4), -1):
        if re.search(r"[,;:.()\"\u201c\u201d]", doc.text[toks[back].end : toks[back + 1].start]):
            return False
        if toks[back].norm == "of":
            return True
    return False


def _name_end(src: Document, sent: Sentence, slot: tuple[Token, ...], ends: tuple[bool, bool]) -> tuple[Token, ...]:
    """The part of the original's slot that stands where the suspect's name does: all of it, or, when the
    original says more there ("In the lawsuit, Rochelle Sterling" for "Donald Sterling"), the run of
    capitalised words at the end that meets the shared words (at the start, when those come before)."""

    def cap(t: Token) -> bool:
        return _is_name(src, sent, t, loose=True) or not _content(t.norm)

    if ends[1] and slot and ")" in src.text[slot[-1].end : slot[-1].end + 3]:
        # A bracketed aside just before the shared words: "Wright (centre) is now" -- the name is what
        # stands before the brackets; with the brackets opened before the slot ("Watford (away to
        # Brighton) will be") the name in them is the aside, not what the suspect replaced.
        opened = [k for k in range(1, len(slot)) if "(" in src.text[slot[k - 1].end : slot[k].start]]
        if not opened:
            return ()
        slot = slot[: opened[-1]]
    # A name does not run across a colon, a semicolon or a dash ("Cuffed: Pero Antic"): only the part
    # next to the shared words stands in the slot.
    cuts = [k for k in range(1, len(slot)) if _PART_BREAK.search(src.text, slot[k - 1].end, slot[k].start)]
    if cuts and ends[1]:
        slot = slot[cuts[-1] :]
    elif cuts and ends[0]:
        slot = slot[: cuts[0]]
    if all(cap(t) for t in slot):
        return slot
    after, before = ends[1], ends[0]
    if after:
        k = len(slot)
        while k > 0 and cap(slot[k - 1]):
            k -= 1
        return slot[k:]
    if before:
        k = 0
        while k < len(slot) and cap(slot[k]):
            k += 1
        return slot[:k]
    return ()


def _transposed(a: str, b: str) -> bool:
    """``a`` is ``b`` with two neighbouring letters swapped: a typing slip, not another name."""
    if len(a) != len(b) or a == b:
        return False
    diff = [k for k in range(len(a)) if a[k] != b[k]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def _same_name(d_name: str, s_name: str, src_text: str) -> bool:
    """True when the two are one name written two ways: spacing or spelling ("O ' Sullivan", "Kyhesha"
    for "Kyesha": the same person, a typo at most), an acronym of the original's ("RBS" for "Royal
    Bank of Scotland") or another name of one place or body ("D.C." for "Washington")."""
    from storytrace.facts.entities import _acronym_letters, _initials, same_referent

    if same_referent(d_name, s_name):
        return True  # "D.C." for "Washington", "the Soviet Union" for "USSR": one referent
    a = "".join(c for c in d_name.lower() if c.isalnum())
    b = "".join(c for c in s_name.lower() if c.isalnum())
    if a == b:
        return True
    if _transposed(a, b):
        return True  # two neighbouring letters swapped ("Gerogia", "Georgia"): a slip on either side
    if SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.8:
        # A spelling slip, unless the original itself writes the suspect's form: then it is another name
        # it mentions ("Iraq" for "Iran" in an article that names both).
        bare = re.sub(r"['\u2019]s$", "", d_name.strip())
        return re.search(rf"(?<!\w){re.escape(bare)}(?!\w)", src_text) is None
    for short, full in ((d_name, s_name), (s_name, d_name)):
        letters = _acronym_letters(short)
        if letters is not None and (letters in _initials(full) or letters in _initials(src_text)):
            return True
    return False


def _same_kind_of_name(
    der: Document,
    d_sent: Sentence,
    d_name: tuple[Token, ...],
    src: Document,
    s_sent: Sentence,
    s_name: tuple[Token, ...],
) -> bool:
    """True when NER reads at least one as a name and does not read them as two kinds of thing other than
    people (a place for an organisation): a song title for a person, or two words that only look like
    names, are not a swap. A person on either side counts, as the small model often reads a first name
    as a place ("Rochelle"). NER runs only here, on the few slots that got this far."""
    from storytrace.facts.entities import _same_kind, entities_many

    d_ents, s_ents = entities_many([(der.text, d_sent.start, d_sent.end), (src.text, s_sent.start, s_sent.end)])

    def label(ents: list, name: tuple[Token, ...]) -> str | None:
        a, b = name[0].start, name[-1].end
        return next((e.label for e in ents if e.start < b and a < e.end), None)

    d_label, s_label = label(d_ents, d_name), label(s_ents, s_name)
    if d_label is None or s_label is None:
        # The small model misses many names in one of the two wordings; one reading is enough.
        return d_label is not None or s_label is not None
    return _same_kind(d_label, s_label) or "PERSON" in (d_label, s_label)


def _is_name(doc: Document, sent: Sentence, t: Token, *, loose: bool = False, also: Document | None = None) -> bool:
    """A capitalised word that is not a function word, a title or a day (``loose``: any capitalised word);
    at the start of a sentence, only when the document also writes it capitalised elsewhere (so a name,
    not a sentence's first word), or ``also`` does."""
    text = doc.text
    if not text[t.start].isupper():
        return False
    if loose:
        return True
    if t.norm in STOPWORDS or t.norm.removesuffix("'s") in _NOT_NAMES:
        return False
    if t.start != sent.tokens[0].start:
        return True
    docs = (doc,) if also is None else (doc, also)
    if any(d.text[u.start].islower() for d in docs for s in d.sentences for u in s.tokens if u.norm == t.norm):
        return False  # "Comedian ...": a common word the texts also write in lower case
    return any(
        u.norm == t.norm and u.start != s.tokens[0].start and d.text[u.start].isupper()
        for d in docs
        for s in d.sentences
        for u in s.tokens
    )


_QUOTES = '"\u201c\u201d'


def _span(doc: Document, toks: tuple[Token, ...]) -> tuple[int, int]:
    """The words' span, with the closing quotation mark of a nickname it opens (Rochelle "Shelly")."""
    a, b = toks[0].start, toks[-1].end
    if sum(doc.text[a:b].count(q) for q in _QUOTES) % 2 and doc.text[b : b + 1] in _QUOTES:
        b += 1
    return a, b


def _words(doc: Document, toks: tuple[Token, ...]) -> str:
    a, b = _span(doc, toks)
    return doc.text[a:b]


def _clip(doc: Document, sent: Sentence, limit: int = 80) -> str:
    text = " ".join(doc.text[sent.start : sent.end].split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _finding(
    kind: str, detail: str, der: Document, src: Document, d_slot: tuple[Token, ...], s_slot: tuple[Token, ...]
) -> Finding:
    return Finding(
        type=kind,
        severity="medium",
        subtype="swapped",
        detail=detail,
        derived=_span(der, d_slot),
        source=_span(src, s_slot),
        before=_words(src, s_slot),
        after=_words(der, d_slot),
    )
