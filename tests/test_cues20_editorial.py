"""One reading of editorial comment: the direction's evidence ("sentences of editorial comment only in the
suspect") and the claim findings' "editorialising" mark agree on the same added sentence (cues20, QA issue 6).

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare

_ORIGINAL = (
    "The council approved the new bridge on Tuesday. The bridge will cost $4 million. Work starts in May. "
    "The mayor said the old bridge had been closed since 2019. Residents will be able to cross by next spring."
)


def _with(added: str) -> str:
    head, tail = _ORIGINAL.split(" The mayor said")
    return f"{head} {added} The mayor said{tail}"


def _both_readings(added: str) -> tuple[bool, bool]:
    report = compare(_ORIGINAL, _with(added))
    counted = any("editorial comment only in the suspect: 1" in e for e in report.audit.verdict.evidence)
    marked = [f.detail for f in report.findings if f.type == "claim_added" and f.after and added in f.after]
    assert len(marked) == 1
    return counted, "editorialising" in marked[0]


@pytest.mark.parametrize(
    ("added", "comment"),
    [
        # hype: comment to the claim findings, and now to the direction too
        ("This is a shocking waste of public money.", True),
        # a quoted speaker's "could" is reported speech, for the direction too
        ("\u201cThe river could flood the site,\u201d the engineer warned.", False),
        # speculation of the writer's own, to both
        ("The decision could backfire on the council next year.", True),
    ],
)
def test_direction_and_claims_read_comment_alike(added: str, comment: bool) -> None:
    assert _both_readings(added) == (comment, comment)
