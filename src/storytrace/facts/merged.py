"""Sentences of the original a suspect sentence merges: a summary that tells two or three of them as one.

A faithful summary joins facts the original gives in separate sentences ("Norland Foods said 2025 operating
profit rose 18% to 2.31 billion crowns" for "Norland Foods reported an 18% rise in full-year operating profit"
and "The group said operating profit reached 2.31 billion Norwegian crowns in 2025"). Its link is often to one
of them only, and the checks read the others' figures and names as brought in from elsewhere: a splice. A
splice, though, pairs an item with words from another sentence about something else ("Jason Puncheon signed for
£1.9m from Porto in August last year", where the original's "from Porto in August last year" is Mangala's move).

The test here is on each checkable item (a figure, a name): it keeps its relation when a plain word beside it
in the suspect's clause stands in the same clause as the item in its own sentence of the original ("2.31
billion crowns" -- "reached 2.31 billion Norwegian crowns"), and two items from different sentences are joined
faithfully when a plain word of the suspect's clause stands with each in its own sentence: what both sentences
speak of ("operating profit"); so must two clauses one ties to the other ("which", ", causing"), and facts of
different sentences joined by a cause, time or condition ("because", "after", "if") are no faithful merge.
A sentence of the original that opens on another subject ("Analysts at Fjordbank had forecast ...") gives no
item, a name that speaks in its own sentence may not become the one acted on ("charged Marieke de Bruin" from
"prosecutor Marieke de Bruin told the court"), and most of the suspect sentence's plain words must be the merged
sentences' own. Session 26 measured that "the union of the two sentences has its words" alone clears most true
splices (FRANK: 30 of 43); with these tests 41 of those 42 still flagged stay flagged (benchmarks/RESULTS.md,
fq27a). Word lookups only, no model.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from functools import cached_property, lru_cache
from typing import Any

from storytrace.align import Alignment
from storytrace.facts.recombined import _CLAUSE_BREAK, _NOT_NAMES, _key
from storytrace.text import STOPWORDS, Document, Sentence, Token

#: Sentences of the original outside its link that a suspect sentence may merge (the ones giving most of its
#: items the link lacks): a summary joins two or three.
MAX_PARTNERS = 2
# The words of a range of figures ("between 5% and 8%"), which join no clauses.
_RANGE_WORDS = frozenset({"and", "or"})
# Words that join a merge's parts ("even though"), neither told nor new.
_JOINING = frozenset("even also still yet both".split())
#: Share of a merging sentence's plain content words that the merged sentences must write.
_TOLD_SHARE = 0.8
#: Plain words beside an item (either side, in its clause) read for its relation.
_BESIDE = 2

# Words that join anything to anything: no sign that two sentences speak of one thing.
_GENERIC = frozenset(
    """said says say told added according year years day days week weeks month months time people percent per cent
    also first last new one two three company group firm council government police""".split()
)
# "company", "group", "police": the subject nouns every sentence of a story about one body repeats, so no sign that
# two of its sentences speak of one thing ("The company will close its bakery because sales volumes fell", where
# the original's "company" lost a contract in the other sentence; review rev27c).


@lru_cache(maxsize=256)
def _number_word(norm: str) -> str | None:
    from storytrace.facts.numbers import parse_number_words

    if not norm.isalpha() or norm in STOPWORDS:
        return None
    value = parse_number_words(norm)
    if value is None or value != int(value) or value < 2:
        return None
    return str(int(value))


def item_key(text: str, sent: Sentence, tok: Token) -> str | None:
    """The checkable item a word is, keyed so the two texts compare (a number word as its digits), or None."""
    c = text[tok.start]
    if c.isdigit():
        return tok.stem
    if (word := _number_word(tok.norm)) is not None:
        return word
    if (
        c.isupper()
        and tok.start != sent.tokens[0].start
        and tok.norm not in STOPWORDS
        and _key(tok.norm) not in _NOT_NAMES
    ):
        return tok.stem
    return None


def _clauses(text: str, sent: Sentence) -> list[int]:
    """The clause (0, 1, ...) each token of ``sent`` stands in: a new one at punctuation or a joining word
    (``recombined._CLAUSE_BREAK``), but for the "and" of a range of figures ("between 5% and 8%")."""
    out, clause = [], 0
    toks = sent.tokens
    for k, t in enumerate(toks):
        # a break between the words, or the word itself a joining word ("and", "which"); not the point of "2.31"
        if k and (
            _CLAUSE_BREAK.search(text, toks[k - 1].end, t.start) or _CLAUSE_BREAK.fullmatch(text, t.start, t.end)
        ):
            ranged = (
                t.norm in _RANGE_WORDS
                and k + 1 < len(toks)
                and text[toks[k - 1].start].isdigit()
                and text[toks[k + 1].start].isdigit()
            )
            if not ranged:
                clause += 1
        out.append(clause)
    return out


class _Read:
    """One sentence read for the merge test: its items and plain words, each with its clause."""

    def __init__(self, doc: Document, sent: Sentence) -> None:
        text = doc.text
        self.sent = sent
        self.clause = _clauses(text, sent)
        self.items: list[str | None] = [item_key(text, sent, t) for t in sent.tokens]
        self.item_clauses: dict[str, set[int]] = {}
        self.word_clauses: dict[str, set[int]] = {}
        for t, c, item in zip(sent.tokens, self.clause, self.items, strict=True):
            if item is not None:
                self.item_clauses.setdefault(item, set()).add(c)
            if t.norm not in STOPWORDS:
                self.word_clauses.setdefault(t.stem, set()).add(c)
        self._text = text

    @cached_property
    def speakers(self) -> set[str]:
        """The names that speak ("prosecutor Marieke de Bruin told the court"): a slot of their own. Read only for
        a sentence a merge is tested against (the attribution patterns cost more than the rest)."""
        from storytrace.facts.cues import attributions, credible_speaker

        text, sent = self._text, self.sent
        spans = [(a.start, a.end) for a in attributions(text, sent.start, sent.end) if credible_speaker(text, a)]
        return {
            item
            for t, item in zip(sent.tokens, self.items, strict=True)
            if item is not None and not text[t.start].isdigit() and any(a <= t.start < b for a, b in spans)
        }


def _items(doc: Document, sent: Sentence) -> set[str]:
    """The item keys of a sentence (``item_key``), without the rest of ``_Read``: ``partners`` reads every sentence."""
    text = doc.text
    return {k for t in sent.tokens if (k := item_key(text, sent, t)) is not None}


def partners(
    alignment: Alignment, index: int, linked: Iterable[int], source_items: dict[int, set[str]] | None = None
) -> tuple[int, ...]:
    """Sentences of the original outside ``linked`` that give the suspect's sentence ``index`` items (figures,
    names) the linked sentences lack: at most ``MAX_PARTNERS``, those giving most first. ``source_items``: the
    original's sentences' items, when the caller asks for many suspect sentences."""
    src, der = alignment.source, alignment.derived
    linked = tuple(linked)
    mine = _items(der, der.sentences[index])
    if not mine:
        return ()
    for j in linked:
        mine -= source_items[j] if source_items is not None and j in source_items else _items(src, src.sentences[j])
    if not mine:
        return ()
    scored = []
    for sent in src.body:
        if sent.index in linked or sent.boilerplate:
            continue
        given = mine & (source_items[sent.index] if source_items is not None else _items(src, sent))
        if given:
            scored.append((-len(given), sent.index))
    return tuple(j for _, j in sorted(scored)[:MAX_PARTNERS])


def _subject_names(text: str, read: _Read) -> set[str]:
    """The names a sentence opens on, before its first plain word ("Analysts at Fjordbank had forecast": Fjordbank;
    "The Oslo-listed group said": none). Its first word is left out: a sentence starts with a capital whatever
    it is."""
    names: set[str] = set()
    for k, (t, item) in enumerate(zip(read.sent.tokens, read.items, strict=True)):
        if k == 0 or t.norm in STOPWORDS or "-" in text[t.start - 1 : t.end + 1]:
            continue  # "Oslo-listed": a compound, not the subject's name
        if item is None:
            break
        if not text[t.start].isdigit():
            names.add(item)
    return names


def _beside(read: _Read, k: int) -> list[str]:
    """The plain content words nearest to token ``k`` in its clause (``_BESIDE`` each side, items skipped)."""
    toks, clause = read.sent.tokens, read.clause[k]
    found: list[str] = []
    for step in (-1, 1):
        j, n = k + step, 0
        while 0 <= j < len(toks) and read.clause[j] == clause and n < _BESIDE:
            if read.items[j] is None and toks[j].norm not in STOPWORDS:
                found.append(toks[j].stem)
                n += 1
            j += step
    return found


def _keeps_relation(mine: _Read, k: int, home: _Read) -> bool:
    """True when a plain word beside the item at ``k`` stands in its home sentence's clause with the item."""
    item = mine.items[k]
    if item is None or item not in home.item_clauses:
        return False
    if item in home.speakers and item not in mine.speakers:
        return False  # the speaker of its own sentence made the one acted on ("charged Marieke de Bruin")
    clauses = home.item_clauses[item]
    beside = _beside(mine, k)
    # an item with no plain word in its clause ("Vandermolen, 58,") has no relation to change
    return not beside or any(home.word_clauses.get(w, set()) & clauses for w in beside)


def _anchored(mine: _Read, clause: int | None, a: tuple[str, _Read], b: tuple[str, _Read]) -> bool:
    """True when a plain word of the suspect's ``clause`` (of the whole sentence for ``None``; not a word that
    joins anything) stands with item ``a`` in its home and with item ``b`` in its -- in the item's clause there,
    for a clause: what the two sentences both speak of."""
    for t, c, item in zip(mine.sent.tokens, mine.clause, mine.items, strict=True):
        if (clause is not None and c != clause) or item is not None or t.norm in STOPWORDS or t.norm in _GENERIC:
            continue
        if all(
            home.word_clauses.get(t.stem, set()) & (home.item_clauses[key] if clause is not None else _ANY)
            for key, home in (a, b)
        ):
            return True
    return False


class _Any:
    """Every clause (``_anchored`` over the whole sentence)."""

    def __rand__(self, other: set[int]) -> set[int]:
        return other


_ANY: Any = _Any()


def merge_is_faithful(alignment: Alignment, index: int, sources: Iterable[int]) -> bool:
    """True when the suspect's sentence ``index`` tells items from two or more of the original's sentences
    ``sources`` (its link and their partners) and tells each faithfully: every item is in one of them and keeps
    its relation there (``_keeps_relation``), and items from different sentences that stand in one clause of the
    suspect are joined by a word both sentences have with them (``_anchored``). A sentence whose items all come
    from one sentence merges nothing checkable: False (the other checks judge it)."""
    src, der = alignment.source, alignment.derived
    mine = _Read(der, der.sentences[index])
    written = {k for k in mine.items if k is not None}
    homes = [_Read(src, src.sentences[j]) for j in dict.fromkeys(sources)]
    # a sentence about someone the suspect's sentence does not name ("Analysts at Fjordbank had forecast operating
    # profit of 2.25 billion crowns") gives no item to a claim about another (the company's own profit)
    homes = [h for h in homes if _subject_names(src.text, h) <= written]
    if len(homes) < 2:
        return False
    # each item: the sentences where it keeps its relation
    kept: list[tuple[int, str, list[_Read]]] = []
    for k, item in enumerate(mine.items):
        if item is None:
            continue
        where = [h for h in homes if _keeps_relation(mine, k, h)]
        if not where:
            return False  # a figure or name none of the merged sentences gives with these words
        kept.append((k, item, where))
    if not kept or any(all(h in where for _, _, where in kept) for h in homes):
        return False  # every item from one sentence: no merge of checkable facts
    # the sentence's plain words: most in the merged sentences (a merge adds few words of its own)
    plain = [
        t.stem
        for t, item in zip(mine.sent.tokens, mine.items, strict=True)
        if item is None and t.norm not in STOPWORDS and t.norm not in _JOINING and not _CLAUSE_BREAK.fullmatch(t.norm)
    ]
    told = sum(any(w in h.word_clauses for h in homes) for w in plain)
    if plain and told < _TOLD_SHARE * len(plain):
        return False
    text = der.text[mine.sent.start : mine.sent.end]
    from storytrace.audit import _negations, _turned

    merged_text = " ".join(src.sentence_text(h.sent.index) for h in homes)
    if not _negations(text) <= _negations(merged_text):
        return False  # "not" or "never" none of the merged sentences writes
    if any(_qualified(src.sentence_text(h.sent.index), text) for h in homes):
        return False
    # a word turned to its opposite ("rose" for "fell"), read clause by clause against the items' own sentences:
    # a merge may tell a rise and a fall of different things
    for clause in sorted({mine.clause[k] for k, _, _ in kept}):
        own = " ".join(
            der.text[t.start : t.end] for t, c in zip(mine.sent.tokens, mine.clause, strict=True) if c == clause
        )
        theirs = {h.sent.index for k, _, where in kept if mine.clause[k] == clause for h in where}
        if _turned(own, " ".join(src.sentence_text(j) for j in sorted(theirs))):
            return False
    # items side by side in one clause with no home in common: the join must be anchored there; clauses joined by
    # a word that says something of the other's subject ("which", ", causing") must share a word of their sentences
    for (k1, i1, w1), (k2, i2, w2) in itertools.pairwise(kept):
        if {id(h) for h in w1} & {id(h) for h in w2}:
            continue
        if any(t.norm in _CAUSES for t in mine.sent.tokens[k1 + 1 : k2]):
            # a cause, time or condition joining facts the original gives apart is the summary's own claim
            # ("close its bakery because sales volumes fell 3.1%"): told in no sentence (review rev27c)
            return False
        if mine.clause[k1] == mine.clause[k2]:
            if not any(_anchored(mine, mine.clause[k1], (i1, h1), (i2, h2)) for h1 in w1 for h2 in w2):
                return False
            continue
        if not _ties(der.text, mine, k1, k2):
            continue  # "..., even though volumes fell 3.1%", "... and 41 missing": two facts side by side
        before = {id(h): h for k, _, where in kept if mine.clause[k] == mine.clause[k1] for h in where}
        after = {id(h): h for k, _, where in kept if mine.clause[k] == mine.clause[k2] for h in where}
        if not any(_anchored(mine, None, (i1, h1), (i2, h2)) for h1 in before.values() for h2 in after.values()):
            return False
    return True


# A step only weighed or proposed ("would also consider tax incentives"): with a modal or "whether" (``_hedged``)
# it leaves the step undecided.
_WEIGHED = re.compile(r"\b(?:consider\w*|weigh\w*|mull\w*|explor\w*|propos\w*|contemplat\w*)\b", re.IGNORECASE)


def _qualified(home: str, mine: str) -> bool:
    """True when a merged sentence of the original writes a negation, a hedge or a step only weighed that the
    suspect's sentence drops: "would also consider tax incentives ..., but that no decision had yet been taken"
    merged as "will give tax incentives" tells a decision the original says was not taken (review rev27c)."""
    from storytrace.audit import _hedged, _negations

    if not _negations(home) <= _negations(mine):
        return True
    if _hedged(home) and not _hedged(mine):
        return True
    return bool(_WEIGHED.search(home)) and not _WEIGHED.search(mine)


# Words that put one fact in a cause, time or condition of another: between two facts of different sentences of
# the original, a relation the original never states (``merge_is_faithful``).
_CAUSES = frozenset("if unless because after before since until when as so".split())
# Words that put one clause's fact in a relation to the other's: the above, or a relative clause saying something
# of the other's subject.
_TIES = _CAUSES | frozenset("who which whose".split())


def _ties(text: str, mine: _Read, k1: int, k2: int) -> bool:
    """True when a word between tokens ``k1`` and ``k2`` of ``mine`` ties their clauses (``_TIES``), or the
    second clause opens on a participle after a comma (", causing a 39-vehicle pileup"): its fact follows from
    the first's."""
    toks = mine.sent.tokens
    for k in range(k1 + 1, k2 + 1):
        t = toks[k]
        if t.norm in _TIES and k < k2:
            return True
        if t.norm.endswith("ing") and len(t.norm) > 5 and text[toks[k - 1].end : t.start].strip() == ",":
            return True
    return False


def merged_partners(alignment: Alignment) -> dict[int, int]:
    """Sentences of the original outside every link that a suspect sentence merges faithfully
    (``merge_is_faithful``), each with that suspect sentence: told there, not dropped."""
    told: dict[int, int] = {}
    src = alignment.source
    source_items = {sent.index: _items(src, sent) for sent in src.body}
    for link in alignment.links:
        if not link.source or link.kind in ("added", "verbatim"):
            continue
        for i in link.derived:
            found = partners(alignment, i, link.source, source_items)
            if found and merge_is_faithful(alignment, i, link.source + found):
                for j in found:
                    told.setdefault(j, i)
    return told


def untold_items(alignment: Alignment, source_index: int, derived_index: int) -> list[str]:
    """The items (figures, names) of the original's sentence ``source_index`` that the suspect's sentence
    ``derived_index`` does not write, as the original writes them, in order, once each."""
    src, der = alignment.source, alignment.derived
    told = {k for k in _Read(der, der.sentences[derived_index]).items if k is not None}
    home = _Read(src, src.sentences[source_index])
    missing = [
        src.text[t.start : t.end] for t, k in zip(home.sent.tokens, home.items, strict=True) if k and k not in told
    ]
    return list(dict.fromkeys(missing))
