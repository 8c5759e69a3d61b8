"""A whole-article restyle (an LLM restating every sentence in words of its own) is judged on what it says:
the word pairs its style makes new, and the sentences its names move to, are told at severity low only
(``Settings.restyled_min_links`` / ``restyled_share``)."""

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


def _weak(alignment: Alignment, settings: Settings | None = None, severity: str = "medium") -> list[str]:
    return [
        alignment.derived.text[f.derived[0] : f.derived[1]]
        for f in added_claims(alignment, settings or Settings())
        if f.subtype == "weak_support" and f.severity == severity
    ]


def test_a_splice_among_copied_sentences_is_reported() -> None:
    alignment = _alignment(["paraphrase"] + ["verbatim"] * 6)
    assert _weak(alignment) == ["Townsend injured the Tottenham midfielder."]


def test_new_word_pairs_in_a_restyled_article_are_its_style() -> None:
    # Every sentence restated: new word pairs mostly say "in other words", not "something new". Kept, but low.
    alignment = _alignment(["paraphrase"] * 7)
    assert _weak(alignment) == []
    assert "Townsend injured the Tottenham midfielder." in _weak(alignment, severity="low")


def test_a_short_restatement_is_still_checked_pair_by_pair() -> None:
    # Fewer linked sentences than restyled_min_links: a summary, judged sentence by sentence as before.
    alignment = _alignment(["paraphrase"] * 7)
    assert "Townsend injured the Tottenham midfielder." in _weak(alignment, Settings(restyled_min_links=8))
    assert _weak(alignment, Settings(restyled_min_links=7)) == []


def test_a_loose_paraphrase_in_a_restyled_article_is_told_low_but_a_loose_partial_is_not() -> None:
    # Below loose_paraphrase_similarity a paraphrase is "shares words but says something else": in a restyle
    # that is its style too. A partial link below weak_support_similarity (the original says less) still is.
    settings = Settings()
    low = settings.loose_paraphrase_similarity - 0.02
    assert _weak(_alignment(["paraphrase"] * 7, similarity=low)) == []
    assert _weak(_alignment(["paraphrase"] * 7, similarity=low), severity="low") != []
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

    def recombined(kinds: list[str]) -> list[tuple[str, str]]:
        links = tuple(Link((i,), (i,), k, 1.0 if k == "verbatim" else 0.8) for i, k in enumerate(kinds))
        alignment = Alignment(src, der, links, (), 0.8, used_embeddings=True, semantic_links=True)
        return [(f.after or "", f.severity) for f in fact_checks(alignment) if f.subtype == "recombined"]

    assert recombined(["paraphrase", "paraphrase"] + ["verbatim"] * 5) == [("determine Merkel's fate", "medium")]
    assert recombined(["paraphrase"] * 7) == [("determine Merkel's fate", "low")]


def test_a_spliced_claim_in_a_human_paraphrase_is_still_told() -> None:
    # Review rev13: an eight-sentence paraphrase in which one sentence makes the victim the man held. The
    # word-pair test is what catches it; in a restyle it is told at severity low, not dropped.
    from storytrace import compare

    source = (
        "Police arrested a 34-year-old man in Leeds on Sunday after a woman was stabbed outside a pub. "
        "The woman, a nurse at St James's hospital, is in a stable condition. "
        "Officers said the suspect and the victim knew each other. "
        "The man was held at the scene by two bystanders until police arrived. "
        "Detective Inspector Sarah Cole appealed for witnesses to come forward. "
        "The pub's landlord said the area was usually quiet. "
        "The street was closed for six hours while forensic teams worked. "
        "The suspect is due to appear before magistrates on Tuesday."
    )
    derived = (
        "A 34-year-old man was detained by police in Leeds on Sunday following the stabbing of a woman outside a "
        "pub. The victim, who works as a nurse at St James's hospital, is said to be stable. "
        "According to officers, the two knew one another. "
        "Two bystanders held the nurse at the scene until police arrived. "
        "Witnesses have been urged to come forward by Detective Inspector Sarah Cole. "
        "The landlord of the pub described the area as normally quiet. "
        "Forensic teams worked while the street stayed closed for six hours. "
        "Magistrates will hear the case on Tuesday."
    )
    found = [
        (f.severity, f.after)
        for f in compare(source, derived).findings
        if f.type == "claim_added" and f.subtype == "weak_support"
    ]
    assert ("low", "Two bystanders held the nurse at the scene until police arrived.") in found
