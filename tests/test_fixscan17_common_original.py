"""The cross-family sibling pass takes the original of two rewrites, not a rewrite listed before it (review rev17c)."""

from __future__ import annotations

import functools
import json
import random
from pathlib import Path

import pytest

from storytrace.scan import candidates as candidates_module
from storytrace.scan import scan

_STORY = [
    "The harbour board of Quillmouth approved a 14 million pound seawall on Tuesday evening.",
    "Engineers from Halvard Marine said the wall would protect 320 homes along Tidewater Road.",
    "Construction is expected to begin in March and to last about eighteen months.",
    "Councillor Brenna Achterberg called the vote a turning point for the flooded town.",
    "Residents had petitioned for stronger defences after the storms of the previous winter.",
    "The board will publish the full tender documents on its website next week.",
]
_WORDS = (
    "apple river mountain violin senate tractor galaxy museum harvest bicycle lantern volcano orchestra pepper "
    "glacier satellite"
).split()


def _records(dated: bool) -> list[dict[str, str]]:
    o = " ".join(_STORY)
    # x drops the original's last two sentences; y and z keep them: against x, y's own material holds them
    x = " ".join(
        [
            *_STORY[:4],
            "Fisherman Tomas Erlingsen said 42 trawlers would lose access to the northern channel during works.",
        ]
    )
    y = " ".join(
        [*_STORY, "A 2019 survey by Marlow Coastal found erosion of 3.5 metres a year along the eastern dunes."]
    )
    z = " ".join(
        [*_STORY, "Opposition leader Gwen Pasternak demanded an independent audit of the 14 million pound budget."]
    )
    day = {"o": "2024-03-01", "x": "2024-03-02", "y": "2024-03-02", "z": "2024-03-02"}
    recs = [
        {"id": k, "text": t, "outlet": k.upper() + "News", **({"published": day[k]} if dated else {})}
        for k, t in (("x", x), ("y", y), ("z", z), ("o", o))  # the original listed last
    ]
    for k in range(8):
        rr = random.Random(k)
        filler = " ".join(
            " ".join(rr.choice(_WORDS).capitalize() if i == 0 else rr.choice(_WORDS) for i in range(12)) + "."
            for _ in range(6)
        )
        recs.append({"id": f"f{k}", "text": filler, "outlet": f"F{k}"})
    return recs


def _pairs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dated: bool, max_pairs: int) -> dict[frozenset[str], str]:
    corpus = tmp_path / f"c{max_pairs}.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in _records(dated)), encoding="utf-8")
    out = tmp_path / f"out{max_pairs}"
    with monkeypatch.context() as m:
        m.setattr(candidates_module, "families", functools.partial(candidates_module.families, max_pairs=max_pairs))
        scan([str(corpus)], out, workers=1)
    rows = [json.loads(line) for line in (out / "pairs.jsonl").read_text(encoding="utf-8").splitlines()]
    return {
        frozenset((p["source_id"], p["derived_id"])): p["relation"] for p in rows if not p["source_id"].startswith("f")
    }


def test_two_rewrites_cut_apart_from_their_original_listed_last_are_siblings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cut = _pairs(tmp_path, monkeypatch, True, max_pairs=2)
    # every rewrite a copy of the (older) original, and no copy edge between two of them
    for r in "xyz":
        assert cut.get(frozenset(("o", r))) in ("derived", "partially_derived"), cut
    for pair in (("x", "y"), ("x", "z"), ("y", "z")):
        assert cut.get(frozenset(pair)) in (None, "sibling"), (pair, cut)


@pytest.mark.parametrize("dated", [True, False])
def test_a_story_cut_into_families_is_judged_as_a_whole_story_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dated: bool
) -> None:
    # Undated, nothing tells the original from its rewrites but the corpus order (the whole-story scan takes the
    # first listed for the older too); the pass must then agree with it, not invent another reading.
    assert _pairs(tmp_path, monkeypatch, dated, max_pairs=2) == _pairs(tmp_path, monkeypatch, dated, max_pairs=300)


def test_resuming_judgements_of_an_older_storytrace_says_to_scan_again(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in _records(True)), encoding="utf-8")
    out = tmp_path / "out"
    scan([str(corpus)], out, workers=1, to="pairs")
    judged = out / "stages" / "judged.jsonl"
    old = []
    for line in judged.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        for d in row["pairs"]:
            d.pop("unexplained", None)
        old.append(json.dumps(row))
    judged.write_text("".join(line + "\n" for line in old), encoding="utf-8")
    said: list[str] = []
    scan([str(corpus)], out, workers=1, resume=True, progress=said.append)
    assert any("older storytrace" in m for m in said), said


def _chain_records(order: str) -> list[dict[str, str]]:
    """o -> x (x adds a sentence) -> y, z (each adds one more): y and z are siblings through x, and copies of x."""
    o = " ".join(_STORY)
    x = o + " Fisherman Tomas Erlingsen said 42 trawlers would lose access to the northern channel during works."
    y = x + " A 2019 survey by Marlow Coastal found erosion of 3.5 metres a year along the eastern dunes."
    z = x + " Opposition leader Gwen Pasternak demanded an independent audit of the 14 million pound budget."
    day = {"o": "2024-03-01", "x": "2024-03-02", "y": "2024-03-03", "z": "2024-03-03"}
    text = {"o": o, "x": x, "y": y, "z": z}
    return [{"id": k, "text": text[k], "published": day[k], "outlet": k.upper() + "News"} for k in order] + [
        r for r in _records(False) if r["id"].startswith("f")
    ]


@pytest.mark.parametrize("order", ["oxyz", "xoyz", "yzxo"])
@pytest.mark.parametrize("max_pairs", [2, 300])
def test_two_rewrites_of_a_rewrite_are_siblings_through_it_whatever_the_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, order: str, max_pairs: int
) -> None:
    corpus = tmp_path / "chain.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in _chain_records(order)), encoding="utf-8")
    out = tmp_path / "out"
    with monkeypatch.context() as m:
        m.setattr(candidates_module, "families", functools.partial(candidates_module.families, max_pairs=max_pairs))
        scan([str(corpus)], out, workers=1)
    rows = [json.loads(line) for line in (out / "pairs.jsonl").read_text(encoding="utf-8").splitlines()]
    got = {frozenset((p["source_id"], p["derived_id"])): (p["relation"], p["source_id"]) for p in rows}
    assert got.get(frozenset("yz"), ("sibling",))[0] == "sibling", got
    # the true copies stay copies, with the right source
    for copy in ("y", "z"):
        assert got[frozenset(("x", copy))] in (("derived", "x"), ("partially_derived", "x")), got
