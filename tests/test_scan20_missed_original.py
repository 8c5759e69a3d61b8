"""Two rewrites of one original where only one was found derived from it: no copy edge between them unless the
second carries the first's own material (issue 5; 3 of 60 rewrites in a 15-story SheepDog scan got a sister
rewrite as their source this way)."""

from __future__ import annotations

from storytrace.article import Article
from storytrace.scan.judge import PairJudgement, ScanSettings, _late_siblings, _member_of, _uncompared

_STORY = [
    "The harbour board of Quillmouth approved a 14 million pound seawall on Tuesday evening.",
    "Engineers from Halvard Marine said the wall would protect 320 homes along Tidewater Road.",
    "Construction is expected to begin in March and to last about eighteen months.",
    "Councillor Brenna Achterberg called the vote a turning point for the flooded town.",
    "Residents had petitioned for stronger defences after the storms of the previous winter.",
    "The board will publish the full tender documents on its website next week.",
]
_OWN = "A 2019 survey by Marlow Coastal found erosion of 3.5 metres a year along the eastern dunes."


def _copy(src: int, der: int, relation: str, unexplained: tuple[int, ...]) -> PairJudgement:
    return PairJudgement(src, der, relation, "as_given", 0.9, 0.4, "embeddings", unexplained=unexplained)


def _late(texts: list[str], out: list[PairJudgement]) -> list[PairJudgement]:
    members = {k: _member_of(Article(id=f"m{k}", text=t)) for k, t in enumerate(texts)}
    return _late_siblings(out, {}, members.__getitem__, {k: k for k in members}, ScanSettings())


def test_a_rewrite_whose_pair_with_the_original_was_missed_is_no_copy_of_its_sister() -> None:
    original = " ".join(_STORY)
    first = " ".join([*_STORY[:5], _OWN])  # derived from the original, with a sentence of its own
    second = " ".join(
        [*_STORY[:4], "Opposition leader Gwen Pasternak demanded an independent audit of the seawall budget."]
    )
    out = [
        _copy(0, 1, "derived", (5,)),
        _uncompared(0, 2, "unrelated", 0.3, "gate"),  # the comparison missed the second rewrite's original
        _copy(1, 2, "partially_derived", (4,)),  # so the two rewrites met as any pair
    ]
    late = _late([original, first, second], out)
    assert late[0].relation == "derived"
    # no common original named: the second rewrite was not found derived from it
    assert (late[2].relation, late[2].common_source) == ("sibling", None)


def test_a_copy_that_carries_its_sources_own_material_stays_its_copy() -> None:
    original = " ".join(_STORY)
    first = " ".join([*_STORY[:5], _OWN])
    # keeps the first rewrite's own sentence: it took it from the first rewrite, not from the original
    chain = " ".join([*_STORY[:4], _OWN, "Readers have written to us in large numbers about this story."])
    out = [
        _copy(0, 1, "derived", (5,)),
        _uncompared(0, 2, "unrelated", 0.3, "gate"),
        _copy(1, 2, "partially_derived", (5,)),
    ]
    assert _late([original, first, chain], out)[2].relation == "partially_derived"
    # nor does a pair whose derived side was never judged against the original change
    assert _late([original, first, first + " More."], out[:1] + out[2:])[1].relation == "partially_derived"


def test_two_sources_of_one_rewrite_judged_apart_do_not_make_the_original_a_sibling() -> None:
    # The derived side with two sources (the original and a rewrite the comparison wrongly took for a source),
    # the two judged apart: the pattern does not say which link is false, so both stay.
    original = " ".join(_STORY)
    rewrite = " ".join([*_STORY[:5], _OWN])
    other = " ".join([*_STORY[1:4], "Local historian Bernard Quayle recalled the flood of 1953 in the town."])
    out = [
        _copy(0, 1, "derived", (5,)),
        _uncompared(0, 2, "unrelated", 0.3, "gate"),
        _copy(2, 1, "partially_derived", (0, 5)),
    ]
    late = _late([original, rewrite, other], out)
    assert [j.relation for j in late] == ["derived", "unrelated", "partially_derived"]


def test_a_near_verbatim_copy_of_the_original_is_that_original_again() -> None:
    # Two near-identical originals (one judged the other's source), a rewrite of the second judged apart from
    # the first: the rewrite's pair with the second is its pair with the original, not two rewrites meeting.
    original = " ".join(_STORY)
    again = " ".join([*_STORY, "The board meets again in May."])
    rewrite = " ".join(
        [*_STORY[:4], "Opposition leader Gwen Pasternak demanded an independent audit of the seawall budget."]
    )
    out = [
        _copy(0, 1, "derived", (6,)),
        _uncompared(0, 2, "unrelated", 0.3, "lexical"),
        _copy(1, 2, "partially_derived", (4,)),
    ]
    assert _late([original, again, rewrite], out)[2].relation == "partially_derived"
