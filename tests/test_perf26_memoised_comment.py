"""perf26: the reading of editorial comment is memoised per text (a scan audits an article against each of its
family's in turn and read the same sentences' comment again each time). The memo must not change a reading:
a report computed with the memo warm is the report computed cold, and the words of comment handed out cannot be
changed by a caller for the next one.

The texts are written for these tests."""

from __future__ import annotations

from storytrace import compare
from storytrace.audit import _comment_words, _editorial, _editorial_beyond

_ORIGINAL = (
    "The council approved the new bridge on Tuesday. The bridge will cost $4 million. Work starts in May. "
    "The mayor said the old bridge could be closed for good. Residents will be able to cross by next spring."
)
_REWRITE = (
    "The council approved the new bridge on Tuesday. The bridge will cost $4 million. "
    "This is a shocking waste of public money, and the decision could backfire on the council. "
    "Work starts in May. Residents will be able to cross by next spring."
)


def _clear() -> None:
    _editorial.cache_clear()
    _comment_words.cache_clear()


def test_words_of_comment_cannot_be_changed_by_a_caller() -> None:
    _clear()
    words = _comment_words("The plan could backfire, a shocking waste.")
    assert words == ("could", "backfire", "shocking")
    # a tuple: a caller that extended a list would have added to every later caller's reading
    assert isinstance(words, tuple)
    assert _comment_words("The plan could backfire, a shocking waste.") == ("could", "backfire", "shocking")


def test_memoised_readings_are_the_readings_of_the_text() -> None:
    _clear()
    texts = [
        "The decision could backfire on the council next year.",
        "\u201cThe river could flood the site,\u201d the engineer warned.",
        "The council approved the new bridge on Tuesday.",
        "Is this the end?",
        "It was the worst flood in the town's history.",
        "Officials said it was the worst flood in the town's history.",
    ]
    cold = [_editorial.__wrapped__(t) for t in texts]
    assert cold == [True, False, False, True, True, False]
    assert [_editorial(t) for t in texts] == cold
    assert [_editorial(t) for t in reversed(texts)] == cold[::-1]
    # the original's own "could" excuses the rewrite's, read from the memo or not
    told = "A strike could begin as early as September 9 if no deal is reached."
    assert not _editorial_beyond("Classrooms could be shut from September 19 if talks fail.", told)
    assert _editorial_beyond("Classrooms could be shut, a shocking failure.", told)


def test_a_report_with_the_memo_warm_is_the_report_computed_cold() -> None:
    _clear()
    cold = compare(_ORIGINAL, _REWRITE)
    assert _editorial.cache_info().currsize > 0
    warm = compare(_ORIGINAL, _REWRITE)
    assert repr(warm.findings) == repr(cold.findings)
    assert warm.audit.verdict.evidence == cold.audit.verdict.evidence
    assert any("editorial comment only in the suspect: 1" in e for e in cold.audit.verdict.evidence)


def test_details_kept_on_the_document_are_weighed_by_each_pairs_plain_words() -> None:
    from storytrace import Article
    from storytrace.audit import _direction_details, _plain_words
    from storytrace.text import Document, analyse

    text = (
        "Storm Hits Coast As Residents Flee  The storm reached Dover on Tuesday. "
        "Mayor Ana Ruiz said 3,000 homes lost power in March."
    )

    def details(plain: frozenset[str], doc: Document | None = None) -> dict[str, float]:
        d = doc if doc is not None else analyse(Article(text=text, id="d"))
        return _direction_details(d, tuple(s.index for s in d.body), plain)

    doc = analyse(Article(text=text, id="d"))
    own = _plain_words(doc)
    # "Storm" written in lower case by the other text makes the cut-off first line a headline: its capitals
    # are styling; without it they pass for names
    other = own | {"storm", "march"}
    for plain in (own, other, frozenset(), own):
        assert details(plain, doc) == details(plain)
    assert "coast" in details(frozenset(), doc) and "coast" not in details(other, doc)
    assert details(own, doc)["march"] == 1.0 and "march" not in details(other, doc)
