"""The old-news check parses a pair's dated sentences in one batch (``tense.parse_ahead``) before it reads their
verbs one by one: a batch costs about half as much, and no reading may change.
"""

from __future__ import annotations

from collections import OrderedDict

import pytest

import storytrace.facts.tense as tense
from storytrace.align import align
from storytrace.article import Article
from storytrace.facts.dates import date_findings
from storytrace.facts.entities import PARSE_ONLY, get_nlp
from storytrace.settings import Settings
from storytrace.text import analyse

# 2026-03-03 is a Tuesday: the original's day; the rewrite comes a week later and retells two events as its own.
SOURCE = (
    "The minister resigned on Tuesday after a row over the budget, officials said. "
    "Police arrested two protesters outside parliament on Monday. "
    "The mayor said the road closes on Friday for repairs. "
    "Talks with the unions collapsed on Sunday, according to the ministry."
)
DERIVED = (
    "The minister resigned today after a row over the budget, officials said. "
    "Police arrested two protesters outside the parliament on Monday. "
    "The mayor said the road closes on Friday for urgent repairs. "
    "Talks with the unions collapsed this morning, according to the ministry."
)

_SENTENCES = [
    "The minister resigned on Tuesday after a row over the budget, officials said.",
    "Police arrested two protesters outside parliament on Monday.",
    "The mayor said the road closes on Friday for repairs.",
    "Talks with the unions collapsed on Sunday, according to the ministry.",
    "“We will meet again on Thursday,” she said, adding that nothing was settled.",
]


def _fresh_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tense, "_cache", OrderedDict())


def _findings() -> list[tuple[object, ...]]:
    source = analyse(Article(SOURCE, published="2026-03-03"))
    derived = analyse(Article(DERIVED, published="2026-03-10"))
    alignment = align(source, derived, settings=Settings(use_embeddings=False))
    return [(f.subtype, f.severity, f.before, f.after, f.source, f.derived) for f in date_findings(alignment)]


def test_a_batch_parses_each_sentence_as_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    _fresh_cache(monkeypatch)
    batch = tense._parse_many(_SENTENCES)
    alone = [tuple((t.idx, t.tag_, t.dep_, t.head.i) for t in get_nlp()(s, disable=PARSE_ONLY)) for s in _SENTENCES]
    assert [tuple((t.start, t.tag, t.dep, t.head) for t in toks) for toks in batch] == alone


def test_a_pairs_weekdays_are_parsed_in_one_batch_with_the_same_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    _fresh_cache(monkeypatch)
    real = tense._parse_many
    read: list[list[str]] = []  # the sentences each call had to parse (not yet parsed)

    def counted(sentences: list[str]) -> list[tuple[tense._Tok, ...]]:
        read.append([s for s in dict.fromkeys(sentences) if s not in tense._cache])
        return real(sentences)

    monkeypatch.setattr(tense, "_parse_many", counted)
    batched = _findings()
    assert ("shifted", "high", "on Tuesday", "today") in [f[:4] for f in batched]
    assert ("shifted", "medium", "on Sunday", "this morning") in [f[:4] for f in batched]
    # The weekday sentences of both sides in one batch (the road's Friday too: its verb decides it is no past
    # event); "today" and "this morning" are read later, only for a date in conflict. No sentence twice.
    assert len(read[0]) == 6
    parsed = [s for r in read for s in r]
    assert len(parsed) == len(set(parsed))

    # The same findings, and the same sentences parsed, when each is parsed on its own as before the batch.
    _fresh_cache(monkeypatch)
    read.clear()
    monkeypatch.setattr(tense, "parse_ahead", lambda sentences: None)
    assert _findings() == batched
    assert all(len(r) <= 1 for r in read)
    assert sorted(s for r in read for s in r) == sorted(parsed)


def test_nothing_to_read_parses_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    # A rewrite published the same week asks for no verb: the old-news check does not apply.
    _fresh_cache(monkeypatch)
    source = analyse(Article(SOURCE, published="2026-03-03"))
    derived = analyse(Article(DERIVED, published="2026-03-04"))
    date_findings(align(source, derived, settings=Settings(use_embeddings=False)))
    assert not tense._cache


def test_a_too_long_sentence_is_not_parsed_ahead(monkeypatch: pytest.MonkeyPatch) -> None:
    _fresh_cache(monkeypatch)
    long = "The council met on Tuesday " + "and talked " * tense.MAX_WORDS + "."
    tense.parse_ahead([long, _SENTENCES[0], _SENTENCES[1]])
    assert list(tense._cache) == _SENTENCES[:2]
