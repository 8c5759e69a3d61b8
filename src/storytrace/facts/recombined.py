"""Words joined that the original keeps apart: a suspect sentence that restates a sentence of the original
but sets into it a name or a figure the original gives only elsewhere, about something else.

The other checks pair a changed name or figure with one the original never mentions. A summary or rewrite
that swaps in another name or figure from the same article ("Pique scored twice", where the original
says Holland scored and quotes Pique on the match) reuses words the original has, so those checks stay
quiet. Here each pair of neighbouring content words in one clause of a suspect sentence is looked up:
both words are in the original, but never in one of its sentences, and one of them -- a name or a
figure -- is not in the sentence(s) the suspect sentence is linked to. Word lookups only, no model.
"""

from __future__ import annotations

import re

from storytrace.align import Alignment
from storytrace.finding import Finding
from storytrace.text import STOPWORDS, Document, Sentence, Token

# Words capitalised for reasons other than naming: never a name by themselves.
_NOT_NAMES = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december i mr mrs ms dr sir lord lady st mount mt prof rev gen sgt
    president minister secretary chancellor governor mayor senator sen rep judge chief officer police
    king queen prince princess pope council court government ministry department university church
    north south east west northern southern eastern western new old great"""
    "".split()
)


# Pronouns for people (not "it": a thing or a body, seldom what a rewrite names): a linked sentence with one
# may name its subject only in the sentences before it.
_PRONOUNS = frozenset("he she they him her his hers their them".split())
#: How many sentences before the linked ones are read for the name a pronoun stands for.
_ANTECEDENT_REACH = 2
# Nouns that, after "the" or "its", stand for a name given before as a pronoun does ("the country's" for
# "Estonia's").
_STAND_INS = frozenset("country nation company firm city town state government team club party group".split())
_THE = frozenset({"the", "its", "their", "this"})
#: Content words a linked sentence needs for a suspect sentence to be read against it: fewer ("Vice President
#: Biden?", a transcript's cue) and everything the suspect says looks brought in.
_MIN_LINKED = 4
#: A name in this share of the original's sentences (and at least ``_TOPIC_MIN``) is what it is about.
_TOPIC_SHARE = 0.25
_TOPIC_MIN = 3


def _key(norm: str) -> str:
    return norm.removesuffix("'s")


# What separates two clauses: punctuation, a quotation mark, a conjunction or a relative word. Two content
# words with none of these between them stand in one clause ("Pique scored", "fined in 2009").
_CLAUSE_BREAK = re.compile(
    r"[,;:()\[\]\"\u201c\u201d\u2018\u2019\u2014\u2013.!?]|\s-\s|(?:^|\s)'|'(?:\s|$)"
    r"|\b(?:and|but|or|nor|while|whereas|which|who|whom|whose|when|where|after|before|because|although|"
    r"though|if|as|since|until|than)\b",
    re.IGNORECASE,
)


def recombination_findings(
    alignment: Alignment,
    *,
    min_pairs: int = 1,
    skip: frozenset[tuple[int, int]] = frozenset(),
) -> list[Finding]:
    """Two words side by side in one clause of the suspect that the original has, but never in one sentence,
    one of them a name or a figure that the linked sentence(s) lack.

    A faithful rewrite, however freely worded, says what the original says: the names and figures it
    keeps stay with the words they stood with ("Holland scored" comes from a sentence where Holland
    scored). A clause that pairs a name or a figure with words from another part of the article ("Pique
    scored", where the original only quotes Pique and Holland scored) states what the original never
    does. A suspect sentence with at least ``min_pairs`` such pairs is reported, once; pairs overlapping
    a span in ``skip`` (reported by another check) or a clause reported as added do not count. Words the
    original lacks are not judged here (a paraphrase uses its own words).
    """
    from storytrace.facts.merged import merge_is_faithful, partners

    src, der = alignment.source, alignment.derived
    if len(src.body) < 2:
        return []  # one sentence: every pair of its words is in it
    # Where the original has each word the suspect's restated sentences use (only those are looked up:
    # a headline's few, not a long original's every word).
    wanted = {
        t.stem
        for link in alignment.links
        if link.source and link.kind not in ("added", "verbatim")
        for i in link.derived
        for t in der.sentences[i].tokens
    }
    where: dict[str, set[int]] = {}
    for sent in src.body:
        for t in sent.tokens:
            if t.stem in wanted and t.norm not in STOPWORDS:
                where.setdefault(t.stem, set()).add(sent.index)
    text = der.text
    topics: frozenset[str] | None = None
    findings: list[Finding] = []
    for link in alignment.links:
        if not link.source or link.kind in ("added", "verbatim"):
            continue
        linked = frozenset().union(*(src.sentences[j].content_stems() for j in link.source))
        if len(linked) < _MIN_LINKED:
            continue  # "Vice President Biden?": too short to be what the suspect's sentence restates
        named = _antecedents(alignment, link.source)
        subject: frozenset[str] = frozenset()
        if _refers_back(src, link.source):
            # A linked sentence that says "he" or "the country" may mean whom the whole original is about,
            # named many sentences before: its subject ("Douglas" where his obituary says "he had focused").
            topics = _topics(src) if topics is None else topics
            subject = topics
        linked_text = " ".join(src.text[src.sentences[j].start : src.sentences[j].end] for j in link.source)
        for i in link.derived:
            sent = der.sentences[i]
            pairs: list[tuple[Token, Token]] = []
            prev: Token | None = None
            for t in sent.tokens:
                if t.norm in STOPWORDS:
                    continue
                if _in_compound(text, t):
                    prev = None  # "mother-of-six", "nine-year-old": a piece of a compound pairs with nothing
                    continue
                if prev is not None and prev.stem != t.stem:
                    # The sentence lookups first: most pairs of a rewrite stand in one sentence of the original.
                    a, b = where.get(prev.stem), where.get(t.stem)
                    if a and b and not a & b and not _CLAUSE_BREAK.search(text, prev.end, t.start):
                        one_name = text[prev.start].isupper() and text[t.start].isupper() and t.start - prev.end <= 1
                        if not one_name and _brought_in(
                            text, sent, (prev, t), linked, named, src.text, linked_text, subject
                        ):
                            pairs.append((prev, t))
                prev = t
            pairs = [p for p in pairs if not any(a < p[1].end and p[0].start < b for a, b in skip)]
            pairs = [p for p in pairs if not any(a <= p[0].start and p[1].end <= b for a, b in link.unsupported)]
            pairs = [p for p in pairs if not _change_and_level(text, sent, p, src, where)]
            if not pairs or len(pairs) < min_pairs:
                continue
            if merge_is_faithful(alignment, i, link.source + partners(alignment, i, link.source)):
                continue  # a summary telling two sentences of the original as one, each fact with its own words
            first, last = src.sentences[link.source[0]], src.sentences[link.source[-1]]
            shown = "; ".join(
                f"\u201c{text[x.start : x.end]}\u201d with \u201c{text[y.start : y.end]}\u201d" for x, y in pairs[:2]
            )
            # What the joined words pin down says which kind of change it is: a figure, a name, or the claim.
            words = [w for pair in pairs for w in pair]
            if any(text[w.start].isdigit() for w in words):
                kind, what = "number_changed", "a figure set into another fact"
            elif any(text[w.start].isupper() and w.start != sent.tokens[0].start for w in words):
                kind, what = "entity_changed", "a name set into another fact"
            else:
                kind, what = "claim_added", "facts joined"
            lo, hi = pairs[0][0].start, pairs[-1][1].end
            findings.append(
                Finding(
                    type=kind,
                    severity="medium",
                    subtype="recombined",
                    detail=f"{what}: the original never puts {shown} in one sentence, so this says something "
                    "the original does not",
                    derived=(lo, hi),
                    source=(first.start, last.end),
                    after=text[lo:hi],
                )
            )
    return findings


# "rose 14% to 1.92 billion", "up 6% at 14.3 billion": a change and the level it reached, one figure's two halves.
_CHANGE_TO_LEVEL = re.compile(r"\s*(?:%|per\s*cent|percent)\s+(?:to|at)\s+\D{0,4}", re.IGNORECASE)
# Words of a change, which sentences about two measures share ("revenue rose", "profit rose"): no measure.
_CHANGE_WORDS = re.compile(
    r"(?:rose|rise|risen|rising|grew|grow|grown|fell|fall|fallen|up|down|increas\w*|decreas\w*|declin\w*|"
    r"jump\w*|climb\w*|gain\w*|drop\w*|slid|slump\w*|surg\w*|soar\w*|"
    # nor a verb of telling ("Halvorsen said revenue rose ..."), which both sentences may have
    r"said|says|say|report\w*|announc\w*|post\w*|show\w*)",
    re.IGNORECASE,
)


def _change_and_level(
    text: str, sent: Sentence, pair: tuple[Token, Token], src: Document, where: dict[str, set[int]]
) -> bool:
    """True for "operating profit rose 14% to 1.92 billion" told from "a 14% rise in operating profit" and
    "Operating profit rose to 1.92 billion": a change and the level it reached, of a measure both of the
    original's sentences name (a word before the change, no name and no word of change): one figure told
    whole, not a figure set into another's fact (qa27 P10). "Revenue rose 14% to 1.92 billion" where the
    original gives both of operating profit still joins another measure's figures."""
    x, y = pair
    if not (text[x.start].isdigit() and text[y.start].isdigit()) or not _CHANGE_TO_LEVEL.fullmatch(
        text, x.end, y.start
    ):
        return False
    first = sent.tokens[0].start
    clause_start = max([first, *(m.end() for m in _CLAUSE_BREAK.finditer(text, first, x.start))])
    measure = {
        t.stem
        for t in sent.tokens
        if clause_start <= t.start
        and t.end <= x.start
        and t.norm not in STOPWORDS
        and not (text[t.start].isupper() and t.start != first)
        and not _CHANGE_WORDS.fullmatch(t.norm)
        and not t.norm[:1].isdigit()
    }
    in_x = set().union(*(src.sentences[j].content_stems() for j in where.get(x.stem, ())))
    in_y = set().union(*(src.sentences[j].content_stems() for j in where.get(y.stem, ())))
    return bool(measure & in_x & in_y)


def _antecedents(alignment: Alignment, linked: tuple[int, ...]) -> frozenset[str]:
    """Words of the sentences just before the linked ones (``_ANTECEDENT_REACH``) when a linked sentence
    speaks of someone by a pronoun: the names it may stand for.

    A rewrite that stands alone names whom the original's "she" or "he" means ("Melania is a great first
    lady" for "she's a great first lady", the sentence before naming Melania): the name comes from
    elsewhere in the original, but the claim is the linked sentence's own. A linked sentence without a
    pronoun has nobody to name ("Pique scored" where the original's sentence says Holland scored)."""
    src = alignment.source
    named = _named_next(src, linked)
    if not _refers_back(src, linked):
        return named
    first = min(linked)
    return named | frozenset(
        t.stem for j in range(max(0, first - _ANTECEDENT_REACH), first) for t in src.sentences[j].tokens
    )


# A sentence opening on someone not yet named ("A former chief financial officer of Halvorsen Logistics has been
# charged ..."): news names them in the sentence after ("Pieter Vandermolen, 58, appeared ...").
_UNNAMED_OPENING = re.compile(r"(?:A|An)\s+[a-z]")
# The name opening a sentence: capitalised words up to the first that is not.
_OPENING_NAME = re.compile(r"(?:[A-Z][\w'\u2019.-]*\s+)*[A-Z][\w'\u2019.-]*")


def _named_next(src: Document, linked: tuple[int, ...]) -> frozenset[str]:
    """The name opening the sentence after the linked ones when a linked sentence opens on someone unnamed
    (``_UNNAMED_OPENING``): whom it speaks of, unless the name carries a title or speaks (``_titled_or_speaking``).
    A summary that names him in the linked sentence's claim ("Rotterdam prosecutors have charged Pieter
    Vandermolen ...") sets no name into another fact (qa26 P7)."""
    if not any(_UNNAMED_OPENING.match(src.text, src.sentences[j].start) for j in linked):
        return frozenset()
    after = max(linked) + 1
    if after >= len(src.sentences):
        return frozenset()
    sent = src.sentences[after]
    m = _OPENING_NAME.match(src.text, sent.start, sent.end)
    if m is None:
        return frozenset()
    name = [t for t in sent.tokens if t.end <= m.end()]
    if _titled_or_speaking(src.text, sent, name):
        return frozenset()
    return frozenset(t.stem for t in name if t.norm not in STOPWORDS) - {"the"}


def _titled_or_speaking(text: str, sent: Sentence, name: list[Token]) -> bool:
    """True when the name opening ``sent`` carries a title ("Detective Chief Inspector Sarah Kaye") or speaks
    there ("Sarah Kaye said"): an officer or spokesman telling of the unnamed one, not the one named (review
    rev27c: "charged Sarah Kaye", the detective, passed as naming the charged man)."""
    from storytrace.facts.cues import attributions, credible_speaker
    from storytrace.facts.quotes import _TITLES

    if any(t.norm.rstrip(".") in _TITLES for t in name):
        return True
    start = name[0].start if name else sent.start
    return any(a.start <= start < a.end and credible_speaker(text, a) for a in attributions(text, sent.start, sent.end))


def _refers_back(src: Document, linked: tuple[int, ...]) -> bool:
    """True when a linked sentence speaks of someone or something named before: by a pronoun ("he"), or by a
    noun standing in for a name ("the country's", "the company")."""
    return any(
        t.norm in _PRONOUNS
        or (
            _key(t.norm) in _STAND_INS
            and k > 0
            and toks[k - 1].norm in _THE
            and (k + 1 == len(toks) or toks[k + 1].norm != "of")  # "the firm of Tomas Ruiz" names its own
        )
        for j in linked
        for toks in (src.sentences[j].tokens,)
        for k, t in enumerate(toks)
    )


def _topics(src: Document) -> frozenset[str]:
    """The names the original keeps coming back to (in ``_TOPIC_SHARE`` of its sentences, at least
    ``_TOPIC_MIN``), by their first five letters: whom or where it is about ("Douglas" in his obituary,
    "Estonia" in a story on its tax system). A rewrite names its subject where the original says "he" or
    "the country"; that sets no name into another fact."""
    body, text = src.body, src.text
    # Read by their first five letters, so "Estonians" counts for "Estonia"; a sentence's first word counts
    # when the original writes it capitalised inside a sentence too ("Douglas soon developed ...").
    inside = {_topic_key(t.stem) for sent in body for t in sent.tokens[1:] if text[t.start].isupper()}
    seen: dict[str, int] = {}
    for sent in body:
        keys = {
            _topic_key(t.stem)
            for t in sent.tokens
            if text[t.start].isupper() and t.norm not in STOPWORDS and _key(t.norm) not in _NOT_NAMES
        }
        for key in keys & inside:
            seen[key] = seen.get(key, 0) + 1
    least = max(_TOPIC_MIN, _TOPIC_SHARE * len(body))
    return frozenset(w for w, n in seen.items() if n >= least)


def _topic_key(stem_: str) -> str:
    return stem_[:5]


def _brought_in(
    text: str,
    sent: Sentence,
    pair: tuple[Token, Token],
    linked: frozenset[str],
    named: frozenset[str] = frozenset(),
    src_text: str = "",
    linked_text: str = "",
    topics: frozenset[str] = frozenset(),
) -> bool:
    """True when a word of the pair that the linked sentence(s) lack is a name or a figure: brought in from
    elsewhere in the original. A plain word they lack is most often the suspect's own choice of word
    ("start" for "begin") that another sentence of the original happens to use; counting those too
    found more errors in summaries but fired on faithful paraphrase (benchmarks/RESULTS.md). A name in
    ``named`` (``_antecedents``: whom a pronoun of the linked sentences may stand for) is not brought in."""
    from storytrace.facts.entities import _acronym_letters, _initials, referents_in, styled

    for t in pair:
        if t.stem in linked:
            continue
        if t.stem in named and not text[t.start].isdigit():
            continue
        c = text[t.start]
        if c.isdigit():
            return True
        if not (c.isupper() and t.start != sent.tokens[0].start and _key(t.norm) not in _NOT_NAMES):
            continue
        if _topic_key(t.stem) in topics:
            continue  # whom or what the original is about (``_topics``), named where it says "he" or "the country"
        if styled(text, t.start, t.end, also=src_text):
            continue  # a headline's capitals ("Ready to Take on the World"): words, not names
        if _completes_name(text, sent, t, linked):
            continue  # "Jake" of "Jake Tapper", "Hollywood" of "the Golden Age of Hollywood": a name the linked
            # sentence gives, written in full
        word = text[t.start : t.end]
        if linked_text and referents_in(word) & referents_in(linked_text):
            continue  # "American citizens" for "US citizens", "Republican" for "GOP": one name written two ways
        letters = _acronym_letters(word)
        if letters is not None and len(letters) >= 3 and linked_text and letters in _initials(linked_text):
            continue  # "EPA officials" for "officials at the U.S. Environmental Protection Agency": its acronym
        return True
    return False


_LINKING = frozenset({"of", "the", "and", "for", "de", "&"})


def _completes_name(text: str, sent: Sentence, t: Token, linked: frozenset[str]) -> bool:
    """True when ``t`` stands in a run of capitalised words (joined by "of", "the", ... and spaces alone) with
    another word that the linked sentence(s) have: the suspect writes in full a name they give in part."""
    toks = sent.tokens
    k = toks.index(t)

    def joined(a: int, b: int) -> bool:
        return not text[toks[a].end : toks[b].start].strip()

    run = [k]
    for step in (-1, 1):
        j = k
        while 0 <= j + step < len(toks) and joined(min(j, j + step), max(j, j + step)):
            nxt = toks[j + step]
            if text[nxt.start].isupper() or nxt.norm in _LINKING:
                run.append(j + step)
                j += step
            else:
                break
    return any(
        toks[j].stem in linked and text[toks[j].start].isupper() and toks[j].norm not in STOPWORDS
        for j in run
        if j != k
    )


def _in_compound(text: str, t: Token) -> bool:
    return (t.start > 0 and text[t.start - 1] == "-") or (t.end < len(text) and text[t.end] == "-")
