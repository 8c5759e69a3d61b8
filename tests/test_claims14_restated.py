"""Added claims in a whole-article restyle (``audit._restated_in_restyle``): a sentence or clause the alignment
left unsupported but that brings nothing checkable of its own -- no figure or name the original lacks, no cause,
no comment -- and is written in words of its own is the original restated, told at severity low. What a
restyle adds for real (comment, speculation, a new figure or name, a new cause, a splice of the original's own
words) stays as loud as before, the comment named as such."""

from __future__ import annotations

from storytrace.align import Alignment, Link
from storytrace.article import Article
from storytrace.audit import added_claims
from storytrace.finding import Finding
from storytrace.settings import Settings
from storytrace.text import analyse

_SOURCE = (
    "The council closed the Millbrook library on Tuesday. "
    "About 40 residents attended the meeting in the town hall. "
    "The mayor, Denise Okafor, said the budget left no choice. "
    "Library staff will be offered other posts. "
    "The building will be sold next year. "
    "Campaigners had gathered 3,000 signatures against the plan. "
    "A final vote on the sale is due in June. "
    "We'll keep you updated."
)
# Sentences 0-6 restate source sentences 0-6; sentence 7 is the one the test varies (an ``added`` link).
_RESTATED = (
    "The Millbrook library was shut by the council on Tuesday. "
    "Some 40 locals came to the town hall meeting. "
    "Mayor Denise Okafor said the budget left no choice. "
    "Other posts will be offered to the library's staff. "
    "Next year the building is to be sold. "
    "A petition against the plan had 3,000 signatures. "
    "The sale goes to a final vote in June. "
)


def _added(last: str, kinds: list[str] | None = None, settings: Settings | None = None) -> list[Finding]:
    src, der = analyse(Article(text=_SOURCE)), analyse(Article(text=_RESTATED + last))
    kinds = kinds or ["paraphrase"] * 7
    links = [Link((i,), (i,), kind, 1.0 if kind == "verbatim" else 0.75) for i, kind in enumerate(kinds)]
    links.append(Link((7,), (), "added", 0.45))
    alignment = Alignment(src, der, tuple(links), (), 0.7, used_embeddings=True, semantic_links=True)
    return [f for f in added_claims(alignment, settings or Settings()) if f.subtype == "sentence"]


def test_a_restatement_in_words_of_its_own_is_told_low_in_a_restyle() -> None:
    (found,) = _added("Further updates will be provided as the story progresses.")
    assert found.severity == "low"
    assert "said anew" in found.detail


def test_the_same_sentence_outside_a_restyle_stays_medium() -> None:
    # Three of the seven other sentences copied: no restyle, each sentence judged on its own as before.
    kinds = ["verbatim"] * 3 + ["paraphrase"] * 4
    (found,) = _added("Further updates will be provided as the story progresses.", kinds)
    assert found.severity == "medium"
    (found,) = _added(
        "Further updates will be provided as the story progresses.", settings=Settings(restyled_min_links=9)
    )
    assert found.severity == "medium"


def test_comment_and_speculation_stay_reported_and_are_named() -> None:
    for comment in (
        "Will the town ever get its library back?",
        "This shocking decision leaves readers stunned!",
        "Absolutely nobody saw this coming, folks.",
        "The closure could backfire on the council at the polls.",
    ):
        (found,) = _added(comment)
        assert found.severity == "medium", comment
        assert "editorialising" in found.detail, comment


def test_an_llms_framing_is_no_comment() -> None:
    (found,) = _added("It is important to note that the staff's posts are yet to be named.")
    assert found.severity == "low"
    assert "editorialising" not in found.detail


def test_a_question_someone_is_quoted_asking_is_no_comment() -> None:
    (found,) = _added("Residents asked the council one thing: \u201cwhere will our children read?\u201d")
    assert "editorialising" not in found.detail


def test_a_new_figure_or_name_stays_high() -> None:
    for new in ("The library had lent 12,500 books in its last year.", "Councillor Priya Raman voted against it."):
        (found,) = _added(new)
        assert found.severity == "high", new
        assert "details the original lacks" in found.detail


def test_a_cause_the_original_does_not_give_stays_medium() -> None:
    (found,) = _added("Officials explained the staff were moved due to falling visitor numbers.")
    assert found.severity == "medium"


def test_a_splice_of_the_originals_own_words_stays_medium() -> None:
    # No word of its own: the words of the original's sentences around it joined into a claim it never makes.
    (found,) = _added("The campaigners sold the building after the final vote.")
    assert found.severity == "medium"


def test_a_name_the_original_has_is_no_new_detail_with_a_possessive() -> None:
    (found,) = _added("It is Okafor's budget that left library staff without posts, campaigners said.")
    assert "details the original lacks" not in found.detail


def test_a_number_standing_alone_is_no_added_sentence() -> None:
    assert _added("2.") == []


def test_emotive_words_mark_comment() -> None:
    (found,) = _added("Unbeknownst to them, a horrifying fate awaited the library.")
    assert found.severity == "medium"
    assert "editorialising" in found.detail


def test_a_restyle_that_comments_throughout_keeps_its_unmarked_additions() -> None:
    # A restyle written to stir: most of its sentences comment. Its addition without a word of comment is
    # its embellishment all the same, and stays medium; the same sentence in a plain restyle is told low.
    stirring = (
        "The Millbrook library was shut by the council on Tuesday, a shocking betrayal! "
        "Some 40 locals came to the town hall meeting, furious and heartbroken. "
        "Mayor Denise Okafor said the budget left no choice, a pathetic excuse. "
        "Other posts will be offered to the library's staff, if you believe it. "
        "Next year the building is to be sold. "
        "A petition against the plan had 3,000 signatures. "
        "The sale goes to a final vote in June. "
    )
    last = "Unbeknownst to them, the doors were already locked."
    src, der = analyse(Article(text=_SOURCE)), analyse(Article(text=stirring + last))
    links = [Link((i,), (i,), "paraphrase", 0.75) for i in range(7)] + [Link((7,), (), "added", 0.45)]
    alignment = Alignment(src, der, tuple(links), (), 0.7, used_embeddings=True, semantic_links=True)
    (found,) = [f for f in added_claims(alignment) if f.subtype == "sentence"]
    assert found.severity == "medium"
    (plain,) = _added(last)
    assert plain.severity == "low"


def test_an_llms_stirring_stock_phrases_mark_comment() -> None:
    for comment in (
        "The clock is ticking for the town's readers.",
        "Astonishingly, the staff were told nothing beforehand.",
        "This shows that the council never listened.",
    ):
        (found,) = _added(comment)
        assert found.severity == "medium", comment
        assert "editorialising" in found.detail, comment


def test_a_weekday_written_in_lower_case_is_still_a_new_date() -> None:
    (found,) = _added("the staff were told of the closure on friday.")
    assert found.severity == "high"
    assert "friday" in found.detail
