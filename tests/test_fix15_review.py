"""Real distortions the session-15 merges had silenced (review rev15), each with its false-alarm control."""

from __future__ import annotations

from pathlib import Path

import pytest

from storytrace import compare
from storytrace.article import Article
from storytrace.index import Index
from storytrace.index.vectors import embed_index
from storytrace.settings import DEFAULT_SETTINGS

LEXICAL = DEFAULT_SETTINGS.with_(use_embeddings=False)

SENATE_BODY = (
    "WASHINGTON - A bill to fund a new oil pipeline across three states failed in the Senate on Tuesday night.\n"
    "The measure fell two votes short after a procedural objection was raised shortly before midnight.\n"
    "Supporters said the pipeline would create 4,000 construction jobs over five years.\n"
    "Opponents argued that the route crossed protected wetlands and tribal land.\n"
    "The bill's sponsors said they would bring it back next month with changes to the route.\n"
    "Environmental groups welcomed the result and called for a full review of the project.\n"
)


def _findings(original: str, suspect: str, kind: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (f.subtype, f.before, f.after) for f in compare(original, suspect, settings=LEXICAL).findings if f.type == kind
    ]


@pytest.mark.parametrize(
    ("original", "suspect", "before", "after"),
    [
        (
            "Senator Warren Blocks Pipeline Bill in Late Vote",
            "Senator Sanders Blocks Pipeline Bill in Late Vote",
            "Warren",
            "Sanders",
        ),
        (
            "China Bans Imports of American Beef Over Safety Fears",
            "Japan Bans Imports of American Beef Over Safety Fears",
            "China",
            "Japan",
        ),
    ],
)
def test_a_name_put_in_an_otherwise_kept_headline_is_reported(
    original: str, suspect: str, before: str, after: str
) -> None:
    found = _findings(original + "\n\n" + SENATE_BODY, suspect + "\n\n" + SENATE_BODY, "entity_changed")
    assert any(b and before in b and a and after in a for _s, b, a in found), found


def test_a_headline_reworded_throughout_stays_quiet() -> None:
    # the control: capitals of a restyled headline name nobody (facts15)
    original = "Senator Warren Blocks Pipeline Bill in Late Vote\n\n" + SENATE_BODY
    suspect = "Pipeline Dream Crushed As Senate Stalls Energy Plans\n\n" + SENATE_BODY
    assert _findings(original, suspect, "entity_changed") == []


FIRE = (
    "A fire at a textile factory in Dhaka killed {} on Sunday, officials said.\n"
    "The blaze started on the third floor shortly after the morning shift began.\n"
    "Firefighters needed four hours to bring it under control.\n"
    "The factory owner was detained for questioning, police said.\n"
    "Labour groups have called for new safety inspections across the industry.\n"
)


def test_a_death_toll_changed_to_the_figure_of_the_injured_is_reported() -> None:
    found = _findings(
        FIRE.format("12 people and injured 40 people"), FIRE.format("40 people and injured dozens"), "number_changed"
    )
    assert any(b == "12" and a == "40" for _s, b, a in found), found


PLANT = (
    "A chemical plant in northern Ohio {} local water sources with industrial solvents.\n"
    "State inspectors visited the site on Thursday and took samples from three wells.\n"
    "The company said it was cooperating fully with the investigation.\n"
    "Residents have been told to use bottled water until the results are known.\n"
    "A public meeting is planned for next week at the town hall.\n"
)


def test_water_sources_are_no_sources_keeping_a_report() -> None:
    found = _findings(PLANT.format("reportedly contaminated"), PLANT.format("contaminated"), "hedge_changed")
    assert [s for s, _b, _a in found] == ["allegation_as_fact"]
    # the control: sources telling it keep the report a report
    told = PLANT.format("contaminated").replace("A chemical plant", "Sources said a chemical plant")
    assert _findings(PLANT.format("reportedly contaminated"), told, "hedge_changed") == []


DRUG = (
    "A popular weight-loss drug {} liver damage in older patients, researchers said on Tuesday{}\n"
    "The study followed 3,000 patients in five countries over two years.\n"
    "The manufacturer said it stood by the safety of its product.\n"
    "Doctors were advised to monitor liver function in patients over 65.\n"
)


def test_doubt_raised_about_something_else_keeps_no_hedge() -> None:
    original = DRUG.format("may cause", ".")
    other = DRUG.format("causes", ", as regulators raised questions about its approval.")
    assert [s for s, _b, _a in _findings(original, other, "hedge_changed")] == ["certainty_increased"]
    # the control: doubt raised about the very claim keeps it a doubt
    same = DRUG.format("causes", ", as regulators raised questions about whether it causes liver damage.")
    assert (
        _findings(original, same.replace("drug causes liver damage", "drug is linked to liver damage"), "hedge_changed")
        == []
    )


def test_embed_counts_only_the_vectors_it_stored(tmp_path: Path) -> None:
    examples = Path(__file__).resolve().parents[1] / "examples"
    text = (examples / "original.txt").read_text(encoding="utf-8")
    idx = Index(tmp_path / "r.db")
    idx.add([Article(text=text, id="a"), Article(text=text + " More at noon.", id="b")])
    store = idx.store_many_sentence_vectors

    def changed_meanwhile(items, key, **kw):  # type: ignore[no-untyped-def]
        idx.add([Article(text=text + " Updated.", id="a")])  # another writer's update, between read and store
        return store(items, key, **kw)

    idx.store_many_sentence_vectors = changed_meanwhile  # type: ignore[method-assign]
    result = embed_index(idx)
    assert result.embedded == 1  # "a" changed after it was read: its vectors were not stored
    assert Index(tmp_path / "r.db").stats().with_sentence_vectors == 1


def test_a_long_batch_does_not_keep_its_hash_powers(monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np

    from storytrace.index import fingerprint as fp

    monkeypatch.setattr(fp, "_POWERS_KEPT", 64)
    monkeypatch.setattr(fp, "_HASH_POWERS", [np.ones(1, dtype=np.uint64), np.ones(1, dtype=np.uint64)])
    text = "The council approved the seawall plan on Tuesday by seven votes to two. " * 20
    cp = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    long_starts, _long_ends, long_hashes = fp._tokens(cp)
    assert len(fp._HASH_POWERS[0]) <= 64  # the long string's tables were not kept
    short = np.frombuffer(text[:60].encode("utf-32-le"), dtype=np.uint32)
    s_starts, _s_ends, s_hashes = fp._tokens(short)
    # the same words hash the same whichever table computed them (the cut's last word is cut short)
    s_starts, s_hashes = s_starts[:-1], s_hashes[:-1]
    assert list(s_hashes) == list(long_hashes[: len(s_hashes)]) and list(s_starts) == list(long_starts[: len(s_starts)])
    powers = [pow(fp._HASH_BASE, i, 1 << 64) for i in range(len(cp))]
    assert fp._powers(len(cp)).tolist()[: len(cp)] == powers


def test_a_people_swapped_is_called_a_group_not_a_place() -> None:
    text = (
        "{} hackers broke into the ministry's email system last spring, investigators said on Monday.\n"
        "The intrusion went unnoticed for four months, according to the report.\n"
        "Officials said no classified material was taken.\n"
        "The ministry has since replaced its mail servers.\n"
    )
    found = compare(text.format("Chinese"), text.format("Russian"), settings=LEXICAL).findings
    details = [f.detail for f in found if f.type == "entity_changed"]
    assert details and all(d.startswith("group changed") for d in details), details
