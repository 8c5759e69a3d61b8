"""Defects found by an independent review (session rev11): unusual but valid input, settings threading."""

from __future__ import annotations

from storytrace.article import Article
from storytrace.text import analyse

_PARAGRAPHS = [
    "BREAKING NEWS HEADLINE HERE",
    "The mayor said on Tuesday that 5,000 people attended the fair in the park.",
    '"We are proud," she said.',
    "Share this article",
    "Officials may confirm the figure by March 14, the council said.",
]


def _sentences(sep: str) -> list[tuple[str, int, bool]]:
    doc = analyse(Article(text=sep.join(_PARAGRAPHS)))
    return [(doc.text[s.start : s.end], s.paragraph, s.boilerplate) for s in doc.sentences]


def test_lone_carriage_returns_end_lines_like_newlines() -> None:
    # Classic Mac text (and some feeds) ends lines with a lone "\r": it was read as no line break, so the
    # headline ran into the lead and "Share this article\rOfficials may confirm ..." became one boilerplate
    # sentence, hidden from the comparison.
    assert _sentences("\r") == _sentences("\n")
    assert _sentences("\r\r") == _sentences("\n\n")
    assert _sentences("\r\r\n") == _sentences("\n")  # a doubled CR before LF is still one line break


def test_one_sentence_is_not_reported_twice_as_weakly_supported() -> None:
    # A paraphrase below both novel_pairs_similarity and loose_paraphrase_similarity met both weak_support
    # rules, and the same words came out as two claim_added findings.
    from storytrace.align import Alignment, Link
    from storytrace.audit import added_claims

    src = analyse(Article(text="Townsend scored for Tottenham on Sunday. The midfielder was injured in March."))
    der = analyse(Article(text="Townsend injured the Tottenham midfielder."))
    link = Link(derived=(0,), source=(0,), kind="paraphrase", similarity=0.5)
    alignment = Alignment(src, der, (link,), (1,), 0.5, used_embeddings=True, semantic_links=True)
    weak = [f for f in added_claims(alignment) if f.subtype == "weak_support"]
    assert len(weak) == 1
    assert weak[0].derived == (der.sentences[0].start, der.sentences[0].end)


def test_a_loose_link_of_two_sentences_still_reports_the_one_the_word_pairs_did_not() -> None:
    # The word pairs flag the first sentence of a split link; the second, copied word for word but linked only
    # loosely, keeps its own weak_support finding (the duplicate check once dropped it with the first's).
    from storytrace.align import Alignment, Link
    from storytrace.audit import added_claims

    src = analyse(
        Article(text="The board met on Monday. The council voted to close the Millbrook library after a long debate.")
    )
    der = analyse(
        Article(text="The board met on Monday. The library voted to close the Millbrook council. After a long debate.")
    )
    links = (Link((0,), (0,), "verbatim", 1.0), Link((1, 2), (1,), "paraphrase", 0.6))
    alignment = Alignment(src, der, links, (), 0.9, used_embeddings=True, semantic_links=True)
    weak = [f for f in added_claims(alignment) if f.subtype == "weak_support"]
    spans = [(s.start, s.end) for s in der.sentences[1:]]
    assert sorted(f.derived for f in weak) == spans


def test_a_dropped_list_item_is_reported_once() -> None:
    # Two conjunctions make two overlapping lists of one sentence; the item dropped from both was reported
    # twice ("one of 4 listed items dropped", "one of 5 listed items dropped").
    from storytrace import Settings, compare

    source = (
        "He orders two burgers, a large fry, a diet soda of course, and an ice cream that he has an aide "
        "stir up and top with nuts, and then he eats it all at his desk."
    )
    derived = "He orders two burgers, a diet soda and an ice cream that he has an aide stir up and top with nuts."
    report = compare(source, derived, settings=Settings(use_embeddings=False))
    items = [f.source for f in report.findings if f.subtype == "list_item"]
    assert items, "the dropped item is reported"
    assert len(items) == len(set(items))
    # The lists cut the item differently ("and an ice cream ... stir up", "an ice cream ... nuts"): one item.
    dropped = "He orders two burgers, a large fry and a diet soda of course, and then he eats it all at his desk."
    report = compare(source, dropped, settings=Settings(use_embeddings=False))
    items = [f.before for f in report.findings if f.subtype == "list_item"]
    assert len(items) == 1 and "ice cream" in items[0], items


def test_headline_fact_checks_use_the_given_settings(monkeypatch: object) -> None:
    import pytest

    from storytrace import Settings, audit
    from storytrace.comparison import headline_findings

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    seen: list[Settings] = []
    real = audit.fact_checks

    def spy(alignment: object, settings: Settings = audit.DEFAULT_SETTINGS) -> list[object]:
        seen.append(settings)
        return real(alignment, settings)  # type: ignore[arg-type]

    monkeypatch.setattr(audit, "fact_checks", spy)
    custom = Settings(use_embeddings=False, recombined_min_pairs=3)
    headline_findings(
        Article(text="The mayor said 5,000 people came to the fair.", title="Mayor: 5,000 came to fair"),
        Article(text="Officials said 6,000 people came to the fair.", title="Mayor: 6,000 came to fair"),
        settings=custom,
    )
    assert seen == [custom]


def test_entities_survive_a_batch_larger_than_the_cache(monkeypatch: object) -> None:
    # The answers of one call were read back from the shared cache, which the same call (more new pieces
    # than it holds) had already evicted them from: those pieces silently had no entities.
    from collections import OrderedDict
    from types import SimpleNamespace

    import pytest

    from storytrace.facts import entities

    assert isinstance(monkeypatch, pytest.MonkeyPatch)

    class FakeNlp:
        def pipe(self, texts: list[str], batch_size: int = 64, disable: tuple[str, ...] = ()) -> list[SimpleNamespace]:
            # Every text's first word is a person.
            return [
                SimpleNamespace(ents=[SimpleNamespace(start_char=0, end_char=t.index(" "), label_="PERSON")])
                for t in texts
            ]

    monkeypatch.setattr(entities, "_cache", OrderedDict())
    monkeypatch.setattr(entities, "_CACHE_SIZE", 1)
    monkeypatch.setattr(entities, "get_nlp", lambda: FakeNlp())
    text = "Okafor spoke. Lindqvist replied."
    found = entities.entities_many([(text, 0, 13), (text, 14, len(text))])
    assert [[e.text for e in ents] for ents in found] == [["Okafor"], ["Lindqvist"]]
