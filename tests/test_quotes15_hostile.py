"""Hostile input (100 KB run-ons, thousands of quotation marks) stays linear in cues and quotes.

Each check times the real call in CPU seconds, with a bound many times what the linear code takes and far
below what the quadratic code took (seconds to minutes), and checks what the call returns."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from storytrace.align import Alignment, Link
from storytrace.article import Article
from storytrace.facts import cues, quotes
from storytrace.text import analyse

T = TypeVar("T")
# CPU seconds: a quadratic path takes minutes on these inputs; the linear ones take ~1 s alone, and up to twice
# that while other jobs share the cores (CI ran at 2.24 s beside a benchmark), so the bound leaves room.
BOUND = 5.0


def _timed(call: Callable[[], T]) -> tuple[T, float]:
    t0 = time.process_time()
    out = call()
    return out, time.process_time() - t0


def _aligned(src_text: str, der_text: str, kind: str = "paraphrase") -> Alignment:
    """The two texts sentence by sentence (same number of sentences), each link of ``kind``."""
    src, der = analyse(Article(id="o", text=src_text)), analyse(Article(id="d", text=der_text))
    assert len(src.sentences) == len(der.sentences)
    links = tuple(Link((i,), (i,), kind, 0.8) for i in range(len(src.sentences)))
    return Alignment(src, der, links, (), 0.8, False)


def test_modals_in_conditions_run_on() -> None:
    # every modal in an "if" clause is set aside; the one after the comma is the hedge. The linear code takes
    # ~2 CPU-s at 350 KB on a slow 2-core machine, so the growth is checked, not one time: four times the text
    # takes about four times as long (a quadratic scan: sixteen).
    took = {}
    for n in (12500, 50000):
        text = "if may " * n + ", so the plan may fail"  # up to 350 KB: each modal read thirty openers back
        found, took[n] = _timed(lambda text=text: cues._first_hedge(text, [(0, len(text))]))
        assert found is not None and text[found[0] : found[1]] == "may" and found[0] > len(text) - 20
    assert took[50000] < 9 * took[12500] + 0.2


def test_unlikely_adjectives_run_on() -> None:
    text = "an unlikely alliance " * 5000 + "and it is unlikely to last"
    found, took = _timed(lambda: cues._first_hedge(text, [(0, len(text))]))
    assert took < BOUND
    assert found is not None and found[0] == text.rindex("unlikely")


def test_months_run_on() -> None:
    text = "Talks began in May and May " * 4000 + "and it may fail"
    found, took = _timed(lambda: cues._first_hedge(text, [(0, len(text))]))
    assert took < BOUND
    assert found is not None and found[0] == text.rindex("may")


def test_attributions_run_on_of_quotes_and_said() -> None:
    text = "\u201ca\u201d he said " * 10000
    found, took = _timed(lambda: cues.attributions(text, 0, len(text)))
    assert took < BOUND
    assert len(found) == 10000 and all(a.verb == "said" and a.who == "he" for a in found)


def test_thousands_of_pronoun_quotes_extracted() -> None:
    text = "\u201cYes,\u201d Okafor said. \u201cNo,\u201d he said. " * 3000
    found, took = _timed(lambda: quotes.extract_quotes(text))
    assert took < BOUND
    # every "he" is the Okafor named just before it
    assert len(found) == 6000 and {q.speaker for q in found} == {"Okafor"}


def test_thousands_of_short_quotes_extracted() -> None:
    text = '"a" ' * 25000
    found, took = _timed(lambda: quotes.extract_quotes(text))
    assert took < BOUND
    assert len(found) == 25000


def test_negations_in_conditions_run_on() -> None:
    # one sentence of thousands of negated conditions on each side: no claim is reversed
    src = "if not now then not later and " * 3000 + "the plan worked."
    der = "if not now then not later & " * 3000 + "the plan worked."
    found, took = _timed(lambda: cues.hedge_findings(_aligned(src, der)))
    assert took < BOUND
    assert found == []


def test_no_longer_said_otherwise_run_on() -> None:
    # thousands of "no longer" each said as "stopped" on the other side: not a flip
    src = "The mill no longer works and the mine no longer works and " * 1500 + "the town waits."
    der = "The mill stopped working and the mine stopped working and " * 1500 + "the town waits."
    found, took = _timed(lambda: cues.hedge_findings(_aligned(src, der)))
    assert took < BOUND
    assert [f.subtype for f in found] == []


def test_thousands_of_repeated_quotes_compared() -> None:
    para = "\u201cWe will build it,\u201d Okafor said. \u201cIt is a promise.\u201d\n\n"
    text = para * 1500
    found, took = _timed(lambda: quotes.quote_findings(_aligned(text, text.replace("build", "make"))))
    # ~2.8 CPU-s here; a loaded machine's shared caches inflate CPU time by half again: the bound guards
    # against the minutes this took before, not against noise
    assert took < BOUND * 5
    # every quote reworded the same way: each an alteration of its counterpart, none invented
    assert found and {f.type for f in found} == {"quote_altered"}
