"""scan: a story group judged in several families keeps two rewrites of one original apart (siblings).

A story group larger than a family's limit (``candidates.families``, 300 pairs) is cut, and a pair of two
rewrites may be judged in a family that holds neither rewrite's pair with the original. The limit is
lowered here (as tests/test_scan.py does) so that two real SheepDog stories, an original and its four
LLM rewrites each, are cut that way.
"""

from __future__ import annotations

import functools
import json
import random
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from storytrace.scan import candidates as candidates_module
from storytrace.scan import scan
from storytrace.scan.judge import PairJudgement

SHEEPDOG = Path(__file__).resolve().parents[2] / "shared" / "eval" / "sheepdog-train"
#: Stories whose rewrites, judged without their original, come out copies of each other (3 of 6 pairs each).
STORIES = ("politifact_train_10", "politifact_train_109")
_REUSE = ("derived", "partially_derived")

needs_sheepdog = pytest.mark.skipif(not SHEEPDOG.exists(), reason="needs ../shared/eval/sheepdog-train")


def _story(orig_id: str) -> list[dict[str, str]]:
    """The original (dated first) and its rewrites (a day later), as scan input records."""
    with (SHEEPDOG / "originals.jsonl").open(encoding="utf-8") as fh:
        original = next(d for d in map(json.loads, fh) if d["id"] == orig_id)
    with (SHEEPDOG / "rewrites.jsonl").open(encoding="utf-8") as fh:
        rewrites = sorted((d for d in map(json.loads, fh) if d["orig_id"] == orig_id), key=lambda d: d["id"])
    records = [{"id": orig_id, "text": original["text"], "published": "2024-03-01"}]
    return records + [{"id": d["id"], "text": d["text"], "published": "2024-03-02"} for d in rewrites]


def _scan(records: list[dict[str, str]], out: Path, monkeypatch: pytest.MonkeyPatch, max_pairs: int) -> Path:
    path = out.with_suffix(".jsonl")
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    with monkeypatch.context() as m:
        m.setattr(candidates_module, "families", functools.partial(candidates_module.families, max_pairs=max_pairs))
        scan([str(path)], out, workers=1)
    return out


def _relations(out: Path) -> dict[frozenset[str], tuple[str, str | None]]:
    """Each listed pair (either order) -> (relation, the source for a copy; None for a sibling)."""
    with (out / "pairs.jsonl").open(encoding="utf-8") as fh:
        pairs = [json.loads(line) for line in fh]
    out: dict[frozenset[str], tuple[str, str | None]] = {}
    for p in pairs:
        copy = p["relation"] in _REUSE
        out[frozenset((p["source_id"], p["derived_id"]))] = (p["relation"], p["source_id"] if copy else None)
    return out


def _cut_apart(out: Path, original: str, x: str, y: str) -> bool:
    """Was the pair (x, y) judged in a family that lacks (original, x) or (original, y), so that the family
    could not tell a common original?"""
    db = sqlite3.connect(out / "stages" / "articles.sqlite")
    try:
        pos = {i: int(p) for p, i in db.execute("SELECT pos, id FROM articles")}
    finally:
        db.close()
    with (out / "stages" / "candidates.jsonl").open(encoding="utf-8") as fh:
        family = {(c["a"], c["b"]): c["family"] for c in map(json.loads, fh)}

    def key(p: str, q: str) -> tuple[int, int]:
        return min(pos[p], pos[q]), max(pos[p], pos[q])

    f = family.get(key(x, y))
    return f is not None and (family.get(key(original, x)) != f or family.get(key(original, y)) != f)


@pytest.fixture(scope="module")
def records() -> list[dict[str, str]]:
    if not SHEEPDOG.exists():
        pytest.skip("needs ../shared/eval/sheepdog-train")
    return [r for orig_id in STORIES for r in _story(orig_id)]


@pytest.fixture(scope="module")
def whole(records: list[dict[str, str]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    with pytest.MonkeyPatch.context() as m:
        return _scan(records, tmp_path_factory.mktemp("whole") / "out", m, max_pairs=300)


@pytest.fixture(scope="module")
def cut(records: list[dict[str, str]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    with pytest.MonkeyPatch.context() as m:
        return _scan(records, tmp_path_factory.mktemp("cut") / "out", m, max_pairs=4)


def _rewrite_pairs(records: list[dict[str, str]]) -> list[tuple[str, str, str]]:
    """(original, rewrite, rewrite) for every pair of rewrites of one original."""
    out = []
    for orig_id in STORIES:
        rewrites = [r["id"] for r in records if r["id"] != orig_id and r["id"].startswith(orig_id + "-")]
        out += [(orig_id, x, y) for k, x in enumerate(rewrites) for y in rewrites[k + 1 :]]
    return out


@needs_sheepdog
def test_rewrites_judged_without_their_original_are_siblings_through_it(
    records: list[dict[str, str]], whole: Path, cut: Path
) -> None:
    triples = _rewrite_pairs(records)
    apart = [(o, x, y) for o, x, y in triples if _cut_apart(cut, o, x, y)]
    assert len(apart) >= 4  # the limit did cut the stories so (else the test would show nothing)
    with (cut / "pairs.jsonl").open(encoding="utf-8") as fh:
        common = {frozenset((p["source_id"], p["derived_id"])): p.get("common_source_id") for p in map(json.loads, fh)}
    # Siblings through their original, judged in another family: the pair of two rewrites judged copies
    # of each other when the stories are cut (politifact_train_109's neutral and objective rewrites) too.
    assert sum(common.get(frozenset((x, y))) == o for o, x, y in apart) >= 3
    # The same pairs and relations as when each story is judged in one family.
    assert _relations(cut) == _relations(whole)


@needs_sheepdog
def test_two_rewrites_of_a_common_original_do_not_depend_on_the_input_order(
    records: list[dict[str, str]], cut: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another input order cuts the stories elsewhere: the pairs of two copies of their original come out
    the same, whichever family judged which pair."""
    shuffled = list(records)
    random.Random(17).shuffle(shuffled)
    out = _scan(shuffled, tmp_path / "shuffled", monkeypatch, max_pairs=4)
    triples = _rewrite_pairs(records)
    assert any(_cut_apart(out, o, x, y) != _cut_apart(cut, o, x, y) for o, x, y in triples)  # cut elsewhere
    before, after = _relations(cut), _relations(out)

    def copied_from(relations: dict[frozenset[str], tuple[str, str | None]], o: str, x: str) -> bool:
        return relations.get(frozenset((o, x)), ("", None)) in (("derived", o), ("partially_derived", o))

    through = [
        frozenset((x, y)) for o, x, y in triples if all(copied_from(r, o, z) for r in (before, after) for z in (x, y))
    ]
    assert len(through) >= 3
    assert {k: before.get(k, ("not listed",))[0] for k in through} == {
        k: after.get(k, ("not listed",))[0] for k in through
    }


def _edited_copy(text: str) -> str:
    """A copy of ``text`` as an outlet makes one: a few words swapped, a sentence added."""
    swapped = re.sub(r"\bsaid\b", "stated", re.sub(r"\balso\b", "additionally", text.strip()))
    return swapped + " We will update this article as more details become available."


@needs_sheepdog
def test_a_copy_of_a_rewrite_judged_without_the_original_stays_its_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = _story(STORIES[1])
    original, rewrite = story[0]["id"], story[0]["id"] + "-neutral"
    text = next(r["text"] for r in story if r["id"] == rewrite)
    chain = {"id": "chain", "text": _edited_copy(text), "published": "2024-03-03"}
    # The rewrite and its copy first, the original last (the other rewrites left out: the copy's best
    # partners, they would crowd the original out of its candidates): cut in position order, the family
    # of the pair (rewrite, copy) lacks the copy's pair with the original, which the dates make the source.
    records = [next(r for r in story if r["id"] == rewrite), chain, story[0]]
    out = _scan(records, tmp_path / "chain", monkeypatch, max_pairs=2)
    assert _cut_apart(out, original, rewrite, "chain")
    relations = _relations(out)
    assert relations[frozenset((rewrite, "chain"))] == ("derived", rewrite)
    # The original is a source of both, so the common-original test did ask, and found the copy.
    assert relations[frozenset((original, rewrite))][0] in _REUSE
    assert relations[frozenset((original, "chain"))][0] in _REUSE


@needs_sheepdog
def test_spark_gives_the_same_pairs_for_a_cut_story_group(
    records: list[dict[str, str]], cut: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("pyspark", reason="the spark extra is not installed (pip install -e '.[spark]')")
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    monkeypatch.setattr(candidates_module, "families", functools.partial(candidates_module.families, max_pairs=4))
    scan([str(path)], tmp_path / "spark", engine="spark", master="local[2]")
    assert _relations(tmp_path / "spark") == _relations(cut)


def test_a_judgement_keeps_its_unexplained_sentences_through_the_stage_file() -> None:
    judged = PairJudgement(0, 1, "derived", "as_given", 0.9, 0.5, "lexical", unexplained=(2, 5))
    again = PairJudgement.from_dict(json.loads(json.dumps(judged.to_dict())))
    assert again == judged and again.unexplained == (2, 5)
    # A stage file written before the field existed still reads (no common original from it).
    old: dict[str, Any] = judged.to_dict()
    del old["unexplained"]
    assert PairJudgement.from_dict(old).unexplained is None


_STORY = [
    "The harbour board of Quillmouth approved a 14 million pound seawall on Tuesday evening.",
    "Engineers from Halvard Marine said the wall would protect 320 homes along Tidewater Road.",
    "Construction is expected to begin in March and to last about eighteen months.",
    "Councillor Brenna Achterberg called the vote a turning point for the flooded town.",
    "Residents had petitioned for stronger defences after the storms of the previous winter.",
    "The board will publish the full tender documents on its website next week.",
]


def _texts() -> dict[int, str]:
    """An original (0), two rewrites that keep its sentences and add one of their own (1, 2), and a copy of
    the first rewrite (3), which carries that rewrite's own sentence."""
    own_x = "Local fishermen worried that the wall would narrow the channel used by their trawlers every morning."
    own_y = "A similar seawall in the neighbouring village of Brackenholt cost twice as much as first planned."
    x = " ".join([*_STORY, own_x])
    return {
        0: " ".join(_STORY),
        1: x,
        2: " ".join([*_STORY, own_y]),
        3: x + " Our newsroom has asked the harbour board for further comment on the channel.",
    }


def _copy(source: int, derived: int, unexplained: tuple[int, ...]) -> PairJudgement:
    return PairJudgement(source, derived, "derived", "as_given", 0.9, 0.5, "lexical", unexplained=unexplained)


def test_rewrites_whose_original_was_judged_in_other_families_are_siblings_unless_one_carries_the_other() -> None:
    from storytrace.article import Article
    from storytrace.scan.judge import common_source_siblings

    texts = _texts()
    articles = {p: Article(text=t, id=str(p)) for p, t in texts.items()}
    last = len(_STORY)  # the rewrites' own sentence (body position), which the original does not explain
    families = {
        0: [_copy(0, 1, (last,)), _copy(0, 2, (last,)), _copy(0, 3, (last, last + 1))],
        1: [_copy(1, 2, ()), _copy(1, 3, (last + 1,))],  # judged without the original
    }
    asked: list[set[int]] = []

    def load(positions: set[int]) -> dict[int, Article]:
        asked.append(positions)
        return {p: articles[p] for p in positions}

    out = common_source_siblings(families, load)
    relations = {(j.source, j.derived): (j.relation, j.method, j.common_source) for j in out}
    assert relations[(1, 2)] == ("sibling", "sibling_check", 0)
    assert relations[(1, 3)] == ("derived", "lexical", None)  # the copy keeps the rewrite's own sentence
    assert [relations[(0, k)][0] for k in (1, 2, 3)] == ["derived"] * 3
    assert asked == [{0, 1, 2, 3}]
    # A family that held the pairs with the original asked already (judge_component): left as it judged.
    together = {0: families[0] + families[1]}
    assert common_source_siblings(together, load) == together[0]
    # A duplicate of the original (no unexplained sentences kept) is no common original.
    duplicate = {0: [PairJudgement(0, 1, "derived", "as_given", 0.9, 0.9, "lexical"), *families[0][1:]], 1: families[1]}
    assert common_source_siblings(duplicate, load)[3].relation == "derived"
