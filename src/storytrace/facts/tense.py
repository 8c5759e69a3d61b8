"""Which verb a date phrase belongs to, and that verb's tense: enough to tell "resigned on Tuesday" (the last
Tuesday) from "the mayor said the road closes on Tuesday" (a Tuesday to come, although "said" is past).

A first attempt (session 19) read any past verb before a weekday as its verb, so a weekday of a future event in
reported speech read as past. The clause is what decides, and a dependency parse gives it without rules of our
own about commas and "that": the date's head, through its preposition, is its verb ("closes", not "said"). The
parser is en_core_web_sm's, in the one pipeline the NER loads (``entities.get_nlp``; its tok2vec, tagger and
parser, without NER), and run only on the few sentences the old-news check asks about (a pair's together,
``parse_ahead``), each once and only up to ``MAX_WORDS`` words: a longer "sentence" is no news prose and gets
no answer (linear time on hostile text). Any doubt is ``None``, which leaves a date with all its readings, as before.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import NamedTuple

from storytrace.errors import ModelUnavailableError
from storytrace.facts.entities import PARSE_ONLY, get_nlp

__all__ = ["MAX_WORDS", "Governor", "governor", "parse_ahead"]

#: A sentence longer than this (in words) is not parsed.
MAX_WORDS = 80
#: Nor one longer than this in characters: "a,a,a,..." is one word by spaces and hundreds of tokens.
MAX_CHARS = 1000

_lock = threading.Lock()

#: Verbs whose date is the time of a plan, not of an event ("was scheduled for Tuesday", "set on Tuesday").
_PLANNING = (
    "schedul",
    "reschedul",
    "plan",
    "slate",
    "expect",
    "postpon",
    "delay",
    "adjourn",
    "set",
    "due",
    "book",
    "timetabl",
    "push",
    "fix",
    "intend",
    "propos",
)
_HAVE = frozenset({"has", "have", "'s", "’s", "'ve", "’ve"})
_BE_PRESENT = frozenset({"is", "are", "am", "'s", "’s", "'re", "’re", "'m", "’m"})
_BE_PAST = frozenset({"was", "were"})


class Governor(NamedTuple):
    """The verb a date belongs to: its span in the text, its word, and its tense.

    ``tense``: "past" ("resigned", "was arrested", "had left", "did meet"), "perfect" ("has resigned"),
    "present" ("closes", "is meeting": for a date, mostly a time to come), "future" ("will", "would", any
    modal), "infinitive" ("is due to vote", "plans to resign") or "planned" (the date is a plan's:
    "scheduled for", "postponed to").
    """

    start: int
    end: int
    word: str
    tense: str


class _Tok(NamedTuple):
    start: int
    end: int
    text: str
    tag: str
    dep: str
    head: int


#: Parses kept (least recently used out): a sentence asked about again, from another pair, is not parsed again.
_CACHE_SIZE = 2048
_cache: OrderedDict[str, tuple[_Tok, ...]] = OrderedDict()


def _parse(sentence: str) -> tuple[_Tok, ...]:
    return _parse_many([sentence])[0]


def _parse_many(sentences: list[str]) -> list[tuple[_Tok, ...]]:
    """The parse of each sentence; those not parsed before in one call to the pipeline.

    For a news sentence most of a call is spaCy's own overhead: three sentences in one call cost about what
    one and a half cost one by one (600 scan sentences: 5.6 -> 2.5 ms each in threes). A sentence's parse is the
    same alone or in a batch (its tags, dependencies and heads: 800 scan sentences, batches of 2 to 64): the
    layers work token by token and transition by transition, nothing is pooled across the batch.
    """
    found: dict[str, tuple[_Tok, ...]] = {}
    with _lock:  # a spaCy pipeline is not documented as thread-safe (and the cache is shared)
        for sentence in dict.fromkeys(sentences):
            hit = _cache.get(sentence)
            if hit is not None:
                _cache.move_to_end(sentence)
                found[sentence] = hit
        todo = [sentence for sentence in dict.fromkeys(sentences) if sentence not in found]
        if todo:
            docs = get_nlp().pipe(todo, batch_size=64, disable=PARSE_ONLY)
            for sentence, doc in zip(todo, docs, strict=True):
                toks = tuple(_Tok(t.idx, t.idx + len(t.text), t.text, t.tag_, t.dep_, t.head.i) for t in doc)
                found[sentence] = _cache[sentence] = toks
            while len(_cache) > _CACHE_SIZE:
                _cache.popitem(last=False)
    return [found[sentence] for sentence in sentences]


def parse_ahead(sentences: list[str]) -> None:
    """Parse together the sentences ``governor`` will be asked about (see ``_parse_many``): the caller knows them
    before it asks, one by one. No answer changes; a sentence too long to parse, or a missing model, is left to
    ``governor`` to answer None."""
    sentences = [s for s in sentences if _parsable(s)]
    if len(set(sentences)) < 2:
        return  # nothing to batch
    try:
        _parse_many(sentences)
    except ModelUnavailableError:
        return


def _parsable(sentence: str) -> bool:
    return len(sentence) <= MAX_CHARS and len(sentence.split()) <= MAX_WORDS


def _tokens(text: str, start: int, end: int) -> tuple[_Tok, ...] | None:
    sentence = text[start:end]
    if not _parsable(sentence):
        return None
    try:
        return _parse(sentence)
    except ModelUnavailableError:
        return None


def _tense(toks: tuple[_Tok, ...], v: int) -> str | None:
    verb = toks[v]
    word = verb.text.lower()
    children = [t for k, t in enumerate(toks) if t.head == v and k != v]
    if any(c.dep == "neg" for c in children):
        return None  # "did not resign on Tuesday": no event to date
    if word.startswith(_PLANNING):
        return "planned"
    auxes = [c for c in children if c.dep in ("aux", "auxpass")]
    for a in auxes:  # the first auxiliary decides ("has been arrested": perfect; "will have left": future)
        w = a.text.lower()
        if a.tag == "MD":
            return "future"
        if a.tag == "TO":
            return "infinitive"
        if w in _HAVE and a.tag in ("VBZ", "VBP") and verb.tag in ("VBN", "VBD"):
            return "perfect"
        if w == "had" or w == "did" or w in _BE_PAST:
            return "past"
        if w in _BE_PRESENT or w in ("do", "does"):
            return "present"
        return None  # "be", "being", "been" first: a form this reading does not know
    if verb.tag == "VBD":
        return "past"
    if verb.tag in ("VBZ", "VBP"):
        return "present"
    return None  # a bare verb, a participle without auxiliary, a gerund: no tense of its own


#: Dependencies through which a date reaches its verb: a preposition ("on Tuesday"), its object, or the date
#: as the verb's own adverb ("Tuesday", "today", "this morning").
_PATH = frozenset({"prep", "pobj", "npadvmod", "tmod", "advmod", "compound", "nmod", "det", "amod", "nummod"})


def governor(text: str, start: int, end: int, span: tuple[int, int]) -> Governor | None:
    """The verb the date at ``span`` (inside the sentence text[start:end]) is the time of, or None.

    None when the date hangs on a noun ("the vote on Tuesday was postponed": it names the vote), when its
    preposition is not "on" (a bound, "until Tuesday", or a plan, "for Tuesday"), or when the parse is unsure.
    """
    toks = _tokens(text, start, end)
    if toks is None:
        return None
    a, b = span[0] - start, span[1] - start
    inside = [k for k, t in enumerate(toks) if a <= t.start < b]
    if not inside:
        return None
    roots = [k for k in inside if not (a <= toks[toks[k].head].start < b) or toks[k].head == k]
    if len(roots) != 1:
        return None
    k = roots[0]
    for _ in range(3):
        t = toks[k]
        if t.head == k:
            return None
        if t.dep not in _PATH:
            return None
        h = toks[t.head]
        if h.tag.startswith("VB"):
            if t.dep == "prep" and t.text.lower() != "on":
                return None
            tense = _tense(toks, t.head)
            if tense is None:
                return None
            return Governor(h.start + start, h.end + start, h.text, tense)
        if h.tag != "IN" or h.text.lower() != "on":
            return None  # a date that names a noun's time, or under another preposition
        k = t.head
    return None
