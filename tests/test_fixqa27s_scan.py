"""fixqa27s (qa27, scan): a misdated excerpt of a wire story does not take over the story's family (its rewrites
tell the wire's material the excerpt lacks: they are the wire's copies, not its siblings), every pair resting on
the excerpt's doubtful stamp says so, and the family's original is the wire."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from storytrace.article import Article
from storytrace.scan import scan
from storytrace.scan.judge import ScanSettings, _apart_from, _excerpt_of, _member_of, _told_past
from storytrace.scan.stamps import stamp_event_conflict, stamps_in_doubt

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

# qa27's politics story (written for the QA pass): a wire story D0, two rewrites of it D1 and D2 the same evening,
# and D3, its first five sentences, stamped four days before it.
D0 = (
    "THE HAGUE, March 10 (Meridian Wire) - Dutch housing minister Marleen de Vries resigned on Monday "
    "after a parliamentary inquiry found that her ministry had misled lawmakers about the cost of a "
    "flagship social housing programme.\n\n"
    "The inquiry committee concluded that officials knew as early as May 2024 that the programme would "
    "cost 4.7 billion euros, nearly double the 2.5 billion euros presented to parliament.\n\n"
    '"I take political responsibility for information that was incomplete and, in places, incorrect," de '
    "Vries told reporters at the ministry in The Hague.\n\n"
    "Prime Minister Joost Verbeek said he accepted her resignation with regret and praised her work on "
    "planning reform.\n\n"
    "The committee, led by Green Left lawmaker Femke Aydin, said there was no evidence that de Vries had "
    "personally ordered figures to be withheld.\n\n"
    "But its 212-page report said senior civil servants had twice removed cost warnings from briefings "
    "sent to the minister's office.\n\n"
    "Opposition parties had threatened a motion of no confidence, which was due to be debated on "
    "Thursday.\n\n"
    "De Vries, 52, is the third minister to leave Verbeek's four-party coalition since it took office in "
    "January 2025.\n\n"
    "Infrastructure minister Ruud Jansen will take over the housing portfolio on an interim basis.\n\n"
    "The programme aims to build 100,000 affordable homes by 2030, and the government said the target "
    "would not change.\n\n"
    "Verbeek's coalition holds 78 of the 150 seats in the lower house, and polls suggest it would lose "
    "its majority in an early election."
)
D1 = (
    "The Netherlands' housing minister has stepped down after an inquiry concluded that lawmakers had "
    "been given a misleading picture of how much a major social housing scheme would cost.\n\n"
    "Marleen de Vries announced her resignation on Monday, saying she took political responsibility for "
    "information that had been incomplete and partly wrong.\n\n"
    "According to the parliamentary committee, ministry officials were aware by May 2024 that the "
    "scheme's price tag had risen to 4.7 billion euros, almost twice the 2.5 billion euros parliament "
    "had been told.\n\n"
    "The report found no proof that de Vries herself had told anyone to hold back the figures, but said "
    "senior civil servants had on two occasions taken cost warnings out of briefings for her office.\n\n"
    "Her departure comes days before opposition parties were due to debate a no-confidence motion "
    "against her.\n\n"
    "She becomes the third minister to quit Prime Minister Joost Verbeek's coalition, which has been in "
    "power since January 2025."
)
D2 = (
    "Dutch Prime Minister Joost Verbeek has lost another member of his cabinet after housing minister "
    "Marleen de Vries quit over a damning report into the cost of social housing.\n\n"
    "A committee chaired by Green Left MP Femke Aydin found that the ministry misinformed parliament, "
    "presenting a bill of 2.5 billion euros for a programme that officials already knew in May 2024 "
    "would cost 4.7 billion.\n\n"
    "Verbeek said he had accepted the resignation with regret, and credited de Vries with pushing "
    "through planning reforms.\n\n"
    "Ruud Jansen, the infrastructure minister, will temporarily add housing to his responsibilities.\n\n"
    "The government insisted that its goal of 100,000 affordable homes by 2030 remains in place.\n\n"
    "With 78 of the 150 seats in the lower house, the four-party coalition's majority is slim, and "
    "opinion polls indicate it would not survive an early election."
)
_BODY = D0.split(" - ", 1)[1]
D3 = "\n\n".join(_BODY.split("\n\n")[:5]).replace("found that her", "found her")

_META = {
    "D0": ("Meridian Wire", "2026-03-10T12:00:00+00:00"),
    "D1": ("The Evening Post", "2026-03-10T17:00:00+00:00"),
    "D2": ("Daily Ledger", "2026-03-10T20:00:00+00:00"),
    "D3": ("QuickBrief", "2026-03-06T09:00:00+00:00"),
}
_TEXTS = {"D0": D0, "D1": D1, "D2": D2, "D3": D3}


def _article(i: str) -> Article:
    outlet, published = _META[i]
    return Article(id=i, text=_TEXTS[i], outlet=outlet, published=published)


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def misdated_scan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("misdated")
    rows = [{"id": i, "text": _TEXTS[i], "outlet": _META[i][0], "published": _META[i][1]} for i in _TEXTS]
    # the bundled examples as the corpus' other stories: four texts alone give every shared word a common word's
    # weight, and the wire's paraphrasing rewrite no candidate score of a real corpus
    rows += [{"id": f.stem, "text": f.read_text(encoding="utf-8")} for f in sorted(EXAMPLES.glob("*.txt"))]
    corpus = d / "c.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    scan([str(corpus)], d / "out")
    return d / "out"


def test_the_wire_is_the_source_of_its_rewrites_not_their_sibling(misdated_scan: Path) -> None:
    pairs = {(p["source_id"], p["derived_id"]): p for p in _jsonl(misdated_scan / "pairs.jsonl")}
    for rewrite in ("D1", "D2"):
        assert pairs[("D0", rewrite)]["relation"] in ("derived", "partially_derived")
    # the two rewrites are siblings through the wire story, not through its excerpt
    assert pairs[("D1", "D2")]["relation"] == "sibling"
    assert pairs[("D1", "D2")]["common_source_id"] == "D0"


def test_every_pair_resting_on_the_misdated_stamp_is_warned(misdated_scan: Path) -> None:
    pairs = {(p["source_id"], p["derived_id"]): p for p in _jsonl(misdated_scan / "pairs.jsonl")}
    assert "D0 (printed 2026-03-10)" in pairs[("D3", "D0")]["warnings"][0]
    resting = [k for k in pairs if k[0] == "D3" and pairs[k]["relation"] != "sibling"]
    assert {("D3", "D1"), ("D3", "D2")} <= set(resting)
    for key in resting:
        assert pairs[key]["warnings"][0].startswith("stamps in doubt"), key
    # the wire's own copies rest on no doubtful stamp
    assert "warnings" not in pairs[("D0", "D1")] and "warnings" not in pairs[("D0", "D2")]
    summary = json.loads((misdated_scan / "summary.json").read_text(encoding="utf-8"))
    assert summary["stamps_in_doubt"] == len(resting)


def test_the_familys_original_is_the_text_holding_the_excerpt(misdated_scan: Path) -> None:
    (cluster,) = [c for c in _jsonl(misdated_scan / "clusters.jsonl") if "D3" in c["members"]]
    assert cluster["members"] == ["D0", "D1", "D2", "D3"]
    assert cluster["original_id"] == "D0"
    assert cluster["first_published"] == "2026-03-06T09:00:00+00:00"  # the stamps as they are


def test_an_excerpt_is_told_past_only_with_the_fuller_texts_own_names_and_figures() -> None:
    wire, d1, excerpt = (_member_of(_article(i)) for i in ("D0", "D1", "D3"))
    assert _excerpt_of(excerpt, wire) and not _excerpt_of(wire, excerpt)
    # a verbatim copy holds the excerpt too, but a text that holds nothing more is no fuller text
    assert not _excerpt_of(_member_of(Article(id="c", text=_BODY)), _member_of(Article(id="c2", text=_BODY)))
    scan_settings = ScanSettings()
    assert _told_past(wire, d1, excerpt, scan_settings)  # "January 2025": the wire's, not the excerpt's
    # a rewrite of the excerpt's own sentences tells nothing past it: a sibling of the wire through the excerpt
    head = _member_of(Article(id="head", text="\n\n".join(D1.split("\n\n")[:4])))
    assert not _told_past(wire, head, excerpt, scan_settings)
    assert _apart_from(wire, head, excerpt, [], [], scan_settings)
    assert not _apart_from(wire, d1, excerpt, [], [], scan_settings)


def test_a_pair_rests_on_a_doubtful_stamp_only_from_the_event_day_for_a_week() -> None:
    articles = {k: _article(i) for k, i in enumerate(("D3", "D0", "D1", "D2"))}
    pairs = [(0, 1, _META["D3"][1], _META["D0"][1]), (0, 2, _META["D3"][1], _META["D1"][1])]
    before_event = (0, 3, _META["D3"][1], "2026-03-07T10:00:00+00:00")  # printed before the event's Monday
    week_on = (0, 3, _META["D3"][1], "2026-03-16T10:00:00+00:00")  # a week after it: a retelling
    ids = {k: a.id or "" for k, a in articles.items()}
    for extra, warned in ((before_event, False), (week_on, False), ((0, 3, _META["D3"][1], _META["D2"][1]), True)):
        contradicted, resting = stamps_in_doubt([*pairs, extra], lambda ps: {p: articles[p] for p in ps}, ids)
        assert set(contradicted) == {(0, 1)}
        assert (0, 2) in resting and "2026-03-09" in resting[(0, 2)]
        assert ((0, 3) in resting) is warned


def test_a_verbatim_copy_stamped_days_before_the_wire_is_warned_despite_the_wires_plan_for_thursday() -> None:
    # qa27 P1b: the wire's body word for word, stamped four days early. "a motion of no confidence, which was due to
    # be debated on Thursday" is a plan for the days ahead, not a weekday one to three days back that makes the text
    # a roundup of the week (which silenced the warning).
    copy = Article(id="D3v", text=_BODY, outlet="QuickBrief", published=_META["D3"][1])
    conflict = stamp_event_conflict(copy, _article("D0"))
    assert conflict is not None and conflict[1].isoformat() == "2026-03-09"
    # a Thursday the story dates behind it, two days before the copy's Friday stamp, still makes a roundup
    behind = copy.text.replace("which was due to be debated on Thursday", "which was debated on Thursday")
    wire = Article(id="D0", text=D0.replace("which was due to be debated on Thursday", "which was debated on Thursday"))
    assert stamp_event_conflict(replace(copy, text=behind), replace(wire, published=_META["D0"][1])) is None
