"""A stitched suspect whose second part is indexed with its syndicated copy (qa20): the copy is a version of that
part, not a third part, and each part's findings leave out the "added" sentences the other part explains."""

from __future__ import annotations

from pathlib import Path

from storytrace.article import Article
from storytrace.index import Index

HARBOUR = (
    "The harbour authority of Port Calloway said on Monday that it would dredge the main channel this summer at a "
    "cost of $14 million. The work will close the north quay for six weeks. \u201cWe have no other choice,\u201d "
    "said harbour master Ellen Voss. Fishermen said the closure would cost them a season's income."
)
CINEMA = (
    "Brackwater's only cinema will close at the end of the month after 82 years, its owners announced. Ticket "
    "sales have fallen by half since 2019, they said. \u201cIt breaks our hearts,\u201d said owner Tomas Reyes. "
    "The building has been sold to a developer who plans to build flats on the site."
)
OTHERS = [
    "The city council approved a new budget for parks and libraries after a long debate on Thursday night.",
    "A storm brought heavy rain and strong winds to the coast, closing schools and several major roads.",
    "The national team won its qualifier 2-0 with goals in each half in front of a record home crowd.",
]


def test_a_parts_syndicated_copy_is_a_version_and_the_parts_do_not_count_each_other_as_added(
    tmp_path: Path,
) -> None:
    idx = Index(tmp_path / "i.db")
    idx.add(
        [
            Article(text=HARBOUR, id="harbour"),
            Article(text=CINEMA, id="cinema"),
            Article(text=CINEMA + "\n\nThis story was originally published by the Brackwater Echo.", id="cinema-copy"),
            *[Article(text=t, id=f"d{k}") for k, t in enumerate(OTHERS)],
        ]
    )
    result = idx.trace(Article(text=HARBOUR + " " + CINEMA, id="roundup"), top=4)
    assert result.stitched
    by_id = {c.id: c for c in result.candidates if c.qualifies}
    assert set(by_id) == {"harbour", "cinema", "cinema-copy"}
    versions = {c.id: c.version_of for c in by_id.values()}
    assert list(versions.values()).count(None) == 2  # two parts, one version of a part
    copy = next(i for i, v in versions.items() if v is not None)
    assert {copy, versions[copy]} == {"cinema", "cinema-copy"}
    assert result.to_dict()["candidates"][[c.id for c in result.candidates].index(copy)]["version_of"] == versions[copy]
    for c in by_id.values():
        assert c.report is not None
        added = [f for f in c.report.findings if f.type in ("claim_added", "quote_fabricated")]
        assert added == [], (c.id, [(f.type, f.detail) for f in added])
