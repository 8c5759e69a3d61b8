"""Two rewrites of one original stay siblings when they phrase alike; a copy of one rewrite stays its copy."""

from __future__ import annotations

from pathlib import Path
from typing import Any

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
_DATES = ("2024-03-14T08:00:00", "2024-03-15T10:00:00", "2024-03-15T12:00:00", "2024-03-16T09:00:00")


def _judged(texts: list[str]) -> dict[tuple[int, int], Any]:
    """Every pair of ``texts`` (dated in order) judged as one family, by unordered positions."""
    from storytrace.article import Article
    from storytrace.scan.judge import judge_component

    articles = {k: Article(id=f"a{k}", text=t, published=_DATES[k]) for k, t in enumerate(texts)}
    pairs = [(a, b, 0.5, 0) for a in range(len(texts)) for b in range(a + 1, len(texts))]
    return {tuple(sorted((j.source, j.derived))): j for j in judge_component(articles, pairs)}


def _texts() -> tuple[str, str, str]:
    original = (EXAMPLES / "original.txt").read_text(encoding="utf-8")
    rewrite = (EXAMPLES / "rewrite.txt").read_text(encoding="utf-8")
    paras = original.split("\n\n")
    other = "\n\n".join(p for k, p in enumerate(paras) if k not in (2, 5))
    other = other.replace("approved", "signed off on").replace("said", "told reporters")
    return original, rewrite, other


def _with_opener(text: str, opener: str) -> str:
    head, body = text.split("\n\n", 1)
    return f"{head}\n\n{opener}\n\n{body}"


def _copy_of(text: str) -> str:
    """A light edit: a paragraph dropped, a date reworded."""
    paras = text.split("\n\n")
    return "\n\n".join(paras[:3] + paras[4:]).replace("last month", "in February")


def test_rewrites_that_open_with_the_same_stock_phrase_are_siblings_and_a_copy_of_one_is_no_copy_of_the_other() -> None:
    # Two LLM-style rewrites of the wire story open with the model's stock line, in two phrasings: the
    # second holds most of the first one's words (0.86 of them), and the original has neither line, so
    # it passed for material of one rewrite carried into the other. A copy of the first rewrite (a
    # paragraph dropped) then became a copy of the second as well.
    original, rewrite, other = _texts()
    first = _with_opener(rewrite, "Brace yourselves for the shocking truth about the seawall vote in Port Calloway.")
    second = _with_opener(
        other,
        "Brace yourselves for a rollercoaster of emotions as we delve into the shocking seawall vote in Port Calloway.",
    )
    judged = _judged([original, first, second, _copy_of(first)])
    assert judged[(0, 1)].relation == "derived" and judged[(0, 2)].relation == "derived"
    assert (judged[(1, 2)].relation, judged[(1, 2)].common_source) == ("sibling", 0)
    assert (judged[(2, 3)].relation, judged[(2, 3)].common_source) == ("sibling", 0)
    # the copy keeps the first rewrite's own sentences as they stand: a copy of it
    chain = judged[(1, 3)]
    assert chain.relation in ("derived", "partially_derived") and (chain.source, chain.derived) == (1, 3)


def test_a_copy_of_a_rewrite_with_nothing_of_its_own_is_found_by_its_wording() -> None:
    # The rewrite adds nothing to the original (its four added sentences removed), so a copy of it carries
    # no material the original lacks; but it keeps the rewrite's wording, which the original does not
    # have: a copy of the rewrite, while the other rewrite of the original stays a sibling of both.
    original, rewrite, other = _texts()
    for added in (
        '"This is the most important vote I will cast in my career," Okafor added. The project is the largest '
        "public works scheme in the town's history.",
        " Pressing ahead while the investigation is still open is a move critics say could backfire if the "
        "contract ends up in the wrong hands.",
        "\n\nAnalysts expect property prices in the lower town to climb sharply once construction gets under way.",
    ):
        assert added in rewrite
        rewrite = rewrite.replace(added, "")
    rewrite = rewrite.replace("\n\n\n\n", "\n\n")
    judged = _judged([original, rewrite, other, _copy_of(rewrite)])
    chain = judged[(1, 3)]
    assert chain.relation in ("derived", "partially_derived") and (chain.source, chain.derived) == (1, 3)
    assert (judged[(1, 2)].relation, judged[(1, 2)].common_source) == ("sibling", 0)
    assert (judged[(2, 3)].relation, judged[(2, 3)].common_source) == ("sibling", 0)
