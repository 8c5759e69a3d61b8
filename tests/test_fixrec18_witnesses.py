"""Who may witness for ``judge._one_sided``: articles that draw on a side, and that are not a copy of one.

Two rewrites of an absent original, one of them syndicated verbatim three times: the copies hold that
rewrite's names and none of the other's, yet they say nothing of how the two rewrites came about. Counted as
witnesses, they made the rewrites an original and its copy (an invented copy edge).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storytrace.article import Article
from storytrace.scan.judge import ScanSettings, _member_of, _one_sided, judge_component

SHEEPDOG = Path(__file__).resolve().parents[2] / "shared" / "eval" / "sheepdog-train"
needs_sheepdog = pytest.mark.skipif(not SHEEPDOG.exists(), reason="needs ../shared/eval/sheepdog-train")
_REUSE = ("derived", "partially_derived")
#: The reviewer's case: two rewrites of this story whose original is not in the corpus.
STORY = "politifact_train_103"


def _rewrite(variant: str) -> str:
    with (SHEEPDOG / "rewrites.jsonl").open(encoding="utf-8") as fh:
        return next(d["text"] for d in map(json.loads, fh) if d["orig_id"] == STORY and d["variant"] == variant)


def _syndicated(text: str, k: int) -> str:
    """A partner's copy: one paragraph dropped, a word changed, a tagline added."""
    paras = [p for p in text.split("\n") if p.strip()]
    if len(paras) > 3:
        del paras[-1 - (k % 2)]
    out = "\n".join(paras)
    out = out.replace(" said ", " stated ", 1) if k == 1 else out.replace(" the ", " this ", 1)
    return out + f"\n\nThis story was shared by partner outlet number {k}."


def _family() -> list[Article]:
    x, y = _rewrite("emotionally_triggering"), _rewrite("sensational")
    copies = [Article(id=f"c{k}", text=_syndicated(x, k)) for k in (1, 2, 3)]
    return [Article(id="x", text=x), Article(id="y", text=y), *copies]


@needs_sheepdog
def test_copies_of_one_rewrite_are_no_witnesses() -> None:
    x, y, *copies = (_member_of(a) for a in _family())
    assert not _one_sided(x, y, copies, ScanSettings())
    assert not _one_sided(y, x, copies, ScanSettings())


@needs_sheepdog
def test_two_rewrites_of_an_absent_original_stay_siblings_beside_one_sides_copies() -> None:
    for order in (("x", "y", "c1", "c2", "c3"), ("y", "x", "c1", "c2", "c3")):
        family = {a.id: a for a in _family()}
        articles = dict(enumerate(family[i] for i in order))
        pairs = [(a, b, 0.5, 0) for a in articles for b in articles if a < b]
        by_ids = {
            frozenset((articles[j.source].id, articles[j.derived].id)): j for j in judge_component(articles, pairs)
        }
        assert by_ids[frozenset(("x", "y"))].relation not in _REUSE, order
        # the copies are still told copies of x
        for c in ("c1", "c2", "c3"):
            assert by_ids[frozenset(("x", c))].relation in _REUSE, (order, c)


_FORMS = [
    "{p} testified before the council about the budget of {n} dollars.",
    "According to {p}, the hearing ran late into the evening.",
    "Reporters later asked {p} whether the vote would be delayed again.",
    "In a written statement, {p} criticised how the committee handled the audit.",
    "{p} declined to comment when contacted by phone on Wednesday.",
    "Residents who spoke with {p} described the new rules as confusing.",
    "The proposal drafted by {p} would raise fees for small landlords.",
    "Some members said {p} had not seen the final figures before the session.",
]


def _report(people: list[str], seed: int) -> str:
    # one sentence per person, each worded its own way, so that no two such texts are near-copies
    return " ".join(_FORMS[(k + seed) % len(_FORMS)].format(p=p, n=1000 + 101 * seed) for k, p in enumerate(people))


def test_silent_candidates_do_not_make_up_the_witness_count() -> None:
    left = ["Priya Lindqvist", "Omar Feliciano", "Delia Stroud", "Anton Vesely", "Mira Castellane", "Ivo Brandt"]
    right = ["Cormac Doyle", "Bernard Quayle", "Elspeth Marlow", "Tobias Renwick", "Halla Sigurd", "Ines Moreau"]
    x = _member_of(Article(id="x", text=_report([*left, "Nadia Okafor"], 0)))
    y = _member_of(Article(id="y", text=_report([*right, "Nadia Okafor"], 3)))
    witness = _member_of(Article(id="w", text=_report([*left, "Rafael Quintero"], 5)))
    silent = [_member_of(Article(id=f"s{k}", text=_report(["Nadia Okafor", f"Gunnar Holm{k}"], k))) for k in (1, 2)]
    # one witness and two candidates that name nothing of either side's own: not three witnesses
    assert not _one_sided(x, y, [witness, *silent], ScanSettings())
    # ... while one witness is enough when one is all that is asked
    assert _one_sided(x, y, [witness, *silent], ScanSettings(sibling_witnesses=1))
