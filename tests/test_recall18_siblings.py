"""An original and its rewrite are no siblings when the family's other articles draw on the original only.

Without dates, an original and one of its LLM rewrites each name things the other lacks (the original what
the rewrite dropped, the rewrite its emphasis and additions), so the no-original rule took them for two
rewrites of a third text. The original's other rewrites, in the family, settle it: they took the names the
rewrite lacks from the original, and none of the rewrite's own (``judge._one_sided``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storytrace.article import Article
from storytrace.scan.judge import ScanSettings, _member_of, _one_sided, _sourced_apart, judge_component

SHEEPDOG = Path(__file__).resolve().parents[2] / "shared" / "eval" / "sheepdog-train"
needs_sheepdog = pytest.mark.skipif(not SHEEPDOG.exists(), reason="needs ../shared/eval/sheepdog-train")
_REUSE = ("derived", "partially_derived")
#: A story whose sensational rewrite the rule above called a sibling of its own original (no dates).
STORY = "politifact_train_289"


def _story(orig_id: str) -> list[Article]:
    """The original, then its four rewrites, undated (as SheepDog is)."""
    with (SHEEPDOG / "originals.jsonl").open(encoding="utf-8") as fh:
        original = next(d for d in map(json.loads, fh) if d["id"] == orig_id)
    with (SHEEPDOG / "rewrites.jsonl").open(encoding="utf-8") as fh:
        rewrites = sorted((d for d in map(json.loads, fh) if d["orig_id"] == orig_id), key=lambda d: d["id"])
    return [Article(id=orig_id, text=original["text"])] + [Article(id=d["id"], text=d["text"]) for d in rewrites]


@needs_sheepdog
def test_the_other_rewrites_side_with_the_original() -> None:
    story = _story(STORY)
    members = [_member_of(a) for a in story]
    original, sensational = members[0], next(m for m in members if m.article.id.endswith("-sensational"))
    others = [m for m in members if m is not original and m is not sensational]
    assert _one_sided(original, sensational, others, ScanSettings())
    # each side names something the other lacks: alone, or with the rule off, the two pass for siblings
    assert _sourced_apart(original, sensational, [], ScanSettings())
    assert _sourced_apart(original, sensational, others, ScanSettings(sibling_witness_min=10**9))
    assert not _sourced_apart(original, sensational, others, ScanSettings())


@needs_sheepdog
def test_an_undated_original_and_its_rewrite_judged_with_the_others_are_a_copy() -> None:
    # Listed first, as SheepDog lists its originals: undated pairs are judged in input order, and with the
    # original last its rewrites meet first (two of them judged copies of each other), a known limit.
    story = _story(STORY)
    articles = dict(enumerate(story))
    pairs = [(a, b, 0.5, 0) for a in articles for b in articles if a < b]
    by_ids = {frozenset((articles[j.source].id, articles[j.derived].id)): j for j in judge_component(articles, pairs)}
    assert by_ids[frozenset((STORY, f"{STORY}-sensational"))].relation in _REUSE
    # every rewrite a copy of the original, none of another rewrite
    for a in story[1:]:
        assert by_ids[frozenset((STORY, a.id))].relation in _REUSE, a.id
    copies = [k for k, j in by_ids.items() if STORY not in k and j.relation in _REUSE]
    assert len(copies) <= 1  # neutral -> objective as base; the sensational rewrite adds none


_FORMS = [
    "{p} spoke at the hearing on the new housing rules.",
    "According to {p}, the session ran late into the evening.",
    "Reporters later asked {p} whether the vote would be delayed again.",
    "In a written statement, {p} criticised how the committee handled the audit.",
    "{p} declined to comment when contacted by phone.",
    "Residents who spoke with {p} described the new rules as confusing.",
    "The proposal drafted by {p} would raise fees for small landlords.",
    "Some members said {p} had not seen the final figures before the session.",
]


def _names(*people: str, seed: int = 0) -> str:
    # each text words its sentences its own way (``seed``): texts built from one repeated sentence would be
    # near-verbatim copies of each other, which ``_one_sided`` does not take for witnesses
    return " ".join(_FORMS[(k + seed) % len(_FORMS)].format(p=p) for k, p in enumerate(people))


def test_witnesses_split_between_both_sides_leave_two_rewrites_siblings() -> None:
    # Two rewrites of an absent report, each keeping names the other dropped; its other rewrites keep some
    # of each side's: they draw on both, as the absent report's other rewrites would.
    left = ["Priya Lindqvist", "Omar Feliciano", "Delia Stroud", "Anton Vesely", "Mira Castellane", "Ivo Brandt"]
    right = ["Cormac Doyle", "Bernard Quayle", "Elspeth Marlow", "Tobias Renwick", "Halla Sigurd", "Ines Moreau"]
    x = _member_of(Article(id="x", text=_names(*left, "Nadia Okafor", seed=0)))
    y = _member_of(Article(id="y", text=_names(*right, "Nadia Okafor", seed=1)))
    split = [
        _member_of(Article(id=f"z{k}", text=_names(*left[k : k + 3], *right[k : k + 3], seed=2 + k))) for k in range(3)
    ]
    assert not _one_sided(x, y, split, ScanSettings())
    # ... while other texts that hold only one side's names (and one of their own) draw on that side
    extra = ["Rafael Quintero", "Sunniva Holt", "Teodor Varga"]
    one_side = [_member_of(Article(id=f"w{k}", text=_names(*left[k:], extra[k], seed=5 + k))) for k in range(3)]
    assert _one_sided(x, y, one_side, ScanSettings())
    assert _one_sided(y, x, one_side, ScanSettings())
    # two such texts are not enough: a rich and a lean rewrite of one text look like that too
    assert not _one_sided(x, y, one_side[:2], ScanSettings())
    assert _one_sided(x, y, one_side[:2], ScanSettings(sibling_witnesses=2))
