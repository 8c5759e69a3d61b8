"""A whole-article restyle (an LLM restating every sentence in words of its own) is judged on what it says,
not on the word pairs its style makes new (``Settings.restyled_min_links`` / ``restyled_share``)."""

from __future__ import annotations

from storytrace.align import Alignment, Link
from storytrace.article import Article
from storytrace.audit import added_claims
from storytrace.settings import Settings
from storytrace.text import analyse

_SOURCE = (
    "Townsend scored for Tottenham on Sunday. The midfielder was injured in March. "
    "The club said he would miss two games. The manager praised his return. "
    "Fans cheered the winning goal. The team is now third in the league. Their next match is in Leeds."
)
# Sentence 0 joins the source's words anew ("Townsend injured the Tottenham midfielder"): the word-pair test's
# case. The other five restate their source sentence.
_DERIVED = (
    "Townsend injured the Tottenham midfielder. Back in March the midfielder got hurt. "
    "According to the club, two matches would be missed. His comeback won praise from the manager. "
    "Supporters celebrated the decisive goal. In the league the side now sits third. Leeds is where they play next."
)


def _alignment(kinds: list[str], similarity: float = 0.7) -> Alignment:
    src, der = analyse(Article(text=_SOURCE)), analyse(Article(text=_DERIVED))
    links = tuple(Link((i,), (i,), kind, 1.0 if kind == "verbatim" else similarity) for i, kind in enumerate(kinds))
    return Alignment(src, der, links, (), 0.7, used_embeddings=True, semantic_links=True)


def _weak(alignment: Alignment, settings: Settings | None = None) -> list[str]:
    return [
        alignment.derived.text[f.derived[0] : f.derived[1]]
        for f in added_claims(alignment, settings or Settings())
        if f.subtype == "weak_support"
    ]


def test_a_splice_among_copied_sentences_is_reported() -> None:
    alignment = _alignment(["paraphrase"] + ["verbatim"] * 6)
    assert _weak(alignment) == ["Townsend injured the Tottenham midfielder."]


def test_new_word_pairs_in_a_restyled_article_are_its_style() -> None:
    # Every sentence restated: new word pairs say "in other words", not "something new".
    assert _weak(_alignment(["paraphrase"] * 7)) == []


def test_a_short_restatement_is_still_checked_pair_by_pair() -> None:
    # Fewer linked sentences than restyled_min_links: a summary, judged sentence by sentence as before.
    alignment = _alignment(["paraphrase"] * 7)
    assert "Townsend injured the Tottenham midfielder." in _weak(alignment, Settings(restyled_min_links=8))
    assert _weak(alignment, Settings(restyled_min_links=7)) == []


def test_a_loose_paraphrase_in_a_restyled_article_is_not_reported_but_a_loose_partial_is() -> None:
    # Below loose_paraphrase_similarity a paraphrase is "shares words but says something else": in a restyle
    # that is its style too. A partial link below weak_support_similarity (the original says less) still is.
    settings = Settings()
    low = settings.loose_paraphrase_similarity - 0.02
    assert _weak(_alignment(["paraphrase"] * 7, similarity=low)) == []
    alignment = _alignment(["partial"] + ["paraphrase"] * 6, similarity=low)
    assert _weak(alignment) == ["Townsend injured the Tottenham midfielder."]


def test_a_name_moved_into_another_sentence_of_a_restyle_is_its_retelling() -> None:
    from storytrace.audit import fact_checks

    source = (
        "The chancellor met party leaders on Monday. How the conflict is resolved will determine the chancellor's "
        "fate. Angela Merkel has led the country since 2005. Her party holds 246 seats. The talks resume on "
        "Friday. A deal is expected next week. The coalition was formed in March."
    )
    derived = (
        "Party leaders met the chancellor on Monday. The outcome will determine Merkel's fate. Angela Merkel has "
        "been in charge since 2005. Her party has 246 seats. Talks will resume on Friday. A deal is expected "
        "next week. The coalition was formed in March."
    )
    src, der = analyse(Article(text=source)), analyse(Article(text=derived))

    def recombined(kinds: list[str]) -> list[str]:
        links = tuple(Link((i,), (i,), k, 1.0 if k == "verbatim" else 0.8) for i, k in enumerate(kinds))
        alignment = Alignment(src, der, links, (), 0.8, used_embeddings=True, semantic_links=True)
        return [f.after or "" for f in fact_checks(alignment) if f.subtype == "recombined"]

    assert recombined(["paraphrase", "paraphrase"] + ["verbatim"] * 5) != []
    assert recombined(["paraphrase"] * 7) == []
