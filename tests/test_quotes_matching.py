"""Finding a derived quote's counterpart among the source's quotes: the bounded search gives what lining
up every window gives, and lines up few windows on a text of many alike quotes; the gate in front of the
speaker-name expression never turns a match away."""

from __future__ import annotations

import random
import re
import sys
from difflib import SequenceMatcher
from pathlib import Path

import pytest

import storytrace.facts.quotes as Q
from storytrace.align import Alignment, align
from storytrace.article import article_from_text
from storytrace.text import STOPWORDS, analyse

# The search as it was before the bound (every window that passes the words-in-common count lined up, in
# window order, the first best kept): the benchmark's reference, which it times against the shipped search.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from quote_speed import reference_counterpart


def summary(m: Q._Match | None) -> tuple[object, ...] | None:
    if m is None:
        return None
    return (m.window, m.matched, m.partial, m.reworded, list(m.ops), m.owner)


def alignment(source: str, derived: str) -> Alignment:
    return align(analyse(article_from_text(source)), analyse(article_from_text(derived)), embed=None)


# A small vocabulary, so that quotes share most of their words and tie often: the hard case for a bound.
CONTENT = "harbor wall cost taxpayers council budget storm flood families homes plan vote".split()
FUNCTION = "the a we will not and to of it is our".split()
SPEAKERS = ["Okafor", "Whitcombe", "Sen. Harriet Okafor", "the mayor", "Castellanos"]


def quote_words(rng: random.Random) -> list[str]:
    return [rng.choice(CONTENT if rng.random() < 0.5 else FUNCTION) for _ in range(rng.randint(1, 9))]


def mutate(words: list[str], rng: random.Random) -> list[str]:
    out = list(words)
    for _ in range(rng.randint(0, 3)):
        k = rng.randrange(len(out) + 1)
        what = rng.random()
        if what < 0.3 and out:
            out.pop(min(k, len(out) - 1))
        elif what < 0.6:
            out.insert(k, rng.choice(CONTENT + FUNCTION))
        elif out:
            out[min(k, len(out) - 1)] = rng.choice(CONTENT)
    return out or ["wall"]


def paragraph(words: list[str], rng: random.Random) -> str:
    said = rng.choice(SPEAKERS)
    text = " ".join(words)
    return f"“{text[0].upper() + text[1:]},” {said} said. The {rng.choice(CONTENT)} was discussed."


@pytest.mark.parametrize("seed", range(12))
def test_bounded_search_equals_lining_up_every_window(seed: int) -> None:
    rng = random.Random(seed)
    src_quotes = [quote_words(rng) for _ in range(rng.randint(3, 25))]
    der_quotes = [mutate(rng.choice(src_quotes), rng) for _ in range(rng.randint(2, 15))]
    der_quotes += [quote_words(rng) for _ in range(2)]  # some with no counterpart
    if rng.random() < 0.5:  # two source quotes joined into one, and a short one inside a longer one
        der_quotes.append(src_quotes[0] + src_quotes[1])
        der_quotes.append(src_quotes[-1] + ["and", "the", "harbor", "wall"])
    source = "\n\n".join(paragraph(q, rng) for q in src_quotes)
    derived = "\n\n".join(paragraph(q, rng) for q in der_quotes)
    al = alignment(source, derived)
    ctx = Q._context(al)
    assert len(ctx.der_quotes) >= 4
    for dq in ctx.der_quotes:
        assert summary(Q._counterpart(ctx, dq)) == summary(reference_counterpart(ctx, dq))


def test_few_windows_lined_up_among_many_alike_quotes(monkeypatch: pytest.MonkeyPatch) -> None:
    """300 quotes sharing most of their words: a quote copied word for word is found by lining up one
    or two of them, where the count of words in common alone lets nearly all of them through."""
    rng = random.Random(5)
    src_quotes = [[*rng.sample(CONTENT, 6), "we", "will", "not"] for _ in range(300)]
    source = "\n\n".join(paragraph(q, rng) for q in src_quotes)
    derived = paragraph(src_quotes[150], rng)
    al = alignment(source, derived)
    calls = 0
    real = SequenceMatcher.get_matching_blocks

    def counted(self: SequenceMatcher[str]) -> list:  # type: ignore[type-arg]
        nonlocal calls
        calls += 1
        return real(self)

    monkeypatch.setattr(SequenceMatcher, "get_matching_blocks", counted)
    ctx = Q._context(al)
    (dq,) = ctx.der_quotes
    m = Q._counterpart(ctx, dq)
    assert m is not None and m.window == (150,) and m.matched == 9
    assert calls <= 3
    calls = 0
    assert summary(reference_counterpart(ctx, dq)) == summary(m)
    assert calls > 200  # the old search: what the bound saves


def test_ascii_fold_table_is_complete() -> None:
    """Every character re.IGNORECASE matches to an ASCII letter, besides its two cases, is in the table."""
    everything = "".join(map(chr, range(sys.maxunicode + 1)))  # one pass of the expression over all
    found = set(re.findall("[a-z]", everything, re.IGNORECASE)) - set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    )
    assert found == set(Q._ASCII_FOLD_FROM)
    for c in found:
        assert re.fullmatch(c.translate(Q._ASCII_FOLD), c, re.IGNORECASE)
    other = re.findall("['\u2019-]", everything, re.IGNORECASE)  # the other characters of a gated name
    assert sorted(other) == sorted("'\u2019-")


@pytest.mark.parametrize(
    ("first", "last", "text", "expected"),
    [
        ("harriet", "okafor", "Sen. Harriet Okafor said", True),
        ("harriet", "okafor", "HARR\u0130ET\n\t OKAFOR", True),
        ("harriet", "okafor", "harrıet\u00a0okafor", True),
        ("james", "kerr", "Jame\u017f \u212aerr", True),
        ("harriet", "okafor", "Harriet Okafors", False),
        ("harriet", "okafor", "Harriet said Okafor", False),
        ("jean-luc", "o'neill", "Jean-Luc O'Neill", True),
        ("josé", "garcía", "José   García", True),  # not ASCII: the expression alone decides
        ("josé", "garcía", "José Garcia", False),
    ],
)
def test_written_together_agrees_with_the_expression(first: str, last: str, text: str, expected: bool) -> None:
    pattern = rf"\b{re.escape(first)}\s+{re.escape(last)}\b"
    assert (re.search(pattern, text, re.IGNORECASE) is not None) is expected
    assert Q._written_together(first, last, text) is expected


def test_partial_counterpart_is_the_longest_whole_quote_inside() -> None:
    """No source quote shares half the words, two are found whole inside: the longer one is taken."""
    source = (
        "“Harbor wall,” Okafor said. The council met.\n\n"
        "“The harbor wall cost,” Okafor said. The council voted.\n\n"
        "“Budget talks go on,” Whitcombe said. The storm passed."
    )
    derived = "“We knew the harbor wall cost far too much for the families of this storm town,” Okafor said."
    ctx = Q._context(alignment(source, derived))
    (dq,) = ctx.der_quotes
    m = Q._counterpart(ctx, dq)
    assert m is not None and m.partial and m.window == (1,)
    assert summary(m) == summary(reference_counterpart(ctx, dq))


@pytest.mark.parametrize(
    "text",
    [
        "“We won’t [the mayor] cut 14,000 jobs … or 5 per cent, per cent per cent,” said U.K. officials... & 7%.",
        "Don't, can't, cannot; we're, I'll, I'm, they've: four bn in the centre of the organisation [sic].",
        "per\ncent per  cent cent per",
        "",
    ],
)
def test_norms_of_a_whole_text_are_those_of_its_sequence(text: str) -> None:
    assert Q._norms(text, 0, len(text)) == Q._seq(text, 0, len(text)).norms
    assert Q._norms(text, 3, len(text) - 2) == Q._seq(text, 3, len(text) - 2).norms


def reference_seq(text: str, a: int, b: int, skip: tuple[tuple[int, int], ...] = ()) -> Q._Seq:
    """_seq as it was: words first, "per cent" joined after; an ellipsis stands before the word that follows
    it, counted after the joining (it used to be counted before, one word early after a "per cent")."""
    words: list[Q._W] = []
    gaps_before: list[int] = []  # an ellipsis: the index (in ``words``) of the word after it
    bracket = False
    for m in Q._WORD.finditer(text, a, b):
        if skip and any(x <= m.start() < y for x, y in skip):
            continue
        g = m.group()
        if g in Q._ELLIPSIS:
            gaps_before.append(len(words))
        elif g == "[":
            bracket = True
        elif g == "]":
            bracket = False
        else:
            for norm in Q._normalise(g):
                words.append(Q._W(norm, m.start(), m.end(), bracket))
    merged: list[Q._W] = []
    position: list[int] = []  # for each word of ``words``, its index in ``merged``
    for w in words:
        if merged and w.norm == "cent" and merged[-1].norm == "per":
            merged[-1] = Q._W("percent", merged[-1].start, w.end, w.bracket)
        else:
            merged.append(w)
        position.append(len(merged) - 1)
    gaps = {position[k] if k < len(words) else len(merged) for k in gaps_before}
    return Q._Seq(merged, gaps)


def test_an_ellipsis_after_per_cent_stands_before_the_next_word() -> None:
    text = "5 per cent \u2026 of the rest"
    seq = Q._seq(text, 0, len(text))
    assert [w.norm for w in seq.words] == ["5", "percent", "of", "the", "rest"]
    assert seq.gaps == {2}


@pytest.mark.parametrize(
    "text",
    [
        "“We won’t [the mayor] cut 14,000 jobs … or 5 per cent, per cent per cent,” said U.K. officials... & 7%.",
        "Five per cent … of [per cent] the rest ... per cent cent, don't can't cannot we're.",
        "",
    ],
)
def test_seq_reads_as_before(text: str) -> None:
    for a, b, skip in ((0, len(text), ()), (4, len(text) - 3, ()), (0, len(text), ((10, 30),))):
        got, want = Q._seq(text, a, b, skip), reference_seq(text, a, b, skip)
        assert got.words == want.words and got.gaps == want.gaps
        assert all(type(w) is Q._W for w in got.words)


def test_narrative_index_finds_what_the_walk_over_the_body_finds() -> None:
    rng = random.Random(11)
    source = "\n\n".join(
        f"The {' '.join(rng.choice(CONTENT + FUNCTION) for _ in range(12))}. "
        f"“{' '.join(quote_words(rng))},” Okafor said."
        for _ in range(40)
    )
    ctx = Q._context(alignment(source, "“The harbor wall,” Okafor said."))
    body = [s.index for s in ctx.alignment.source.body]
    found = 0
    for _ in range(200):
        norms = [rng.choice(CONTENT + FUNCTION) for _ in range(rng.randint(3, 8))]
        content = {w for w in norms if w not in STOPWORDS}
        walk = Q._find_in_narrative(ctx, norms, body, min_share=0.6)
        assert Q._find_in_narrative(ctx, norms, ctx.narrative_with(content), min_share=0.6) == walk
        found += walk is not None
    assert found >= 20  # the words are found often enough for the comparison to mean something
