"""Session 23 follow-up (rev23i 5): an old-style Instagram embed's "A post shared by ... on <date> at <time>" line,
read since session 23, gave a high finding when a copy dropped the embed or re-coded it (the newer code has no such
line), where a tweet's signature gives medium. Its severity is capped at medium, dropped or added."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.article import article_from_html
from test_ing23_posts import INSTAGRAM, INSTAGRAM_NO_CAPTION, _page

WITH_LINE = article_from_html(_page([INSTAGRAM]))
WITHOUT = {
    "re-coded": article_from_html(_page([INSTAGRAM_NO_CAPTION])),
    "dropped": article_from_html(_page(["<p></p>"])),
}


@pytest.mark.parametrize("other", sorted(WITHOUT))
def test_a_post_signature_is_at_most_medium(other: str) -> None:
    assert "A post shared by" in WITH_LINE.text
    for source, derived in ((WITH_LINE, WITHOUT[other]), (WITHOUT[other], WITH_LINE)):
        signature = [
            f for f in compare(source, derived).findings if "A post shared by" in ((f.before or "") + (f.after or ""))
        ]
        assert signature, "the signature line is still reported"
        assert all(f.severity == "medium" for f in signature)
