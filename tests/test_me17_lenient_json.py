"""The lenient JSON-LD reader stays linear on hostile blocks (a comment scanner once went quadratic on '"\\')."""

from __future__ import annotations

import time

import pytest

from storytrace.article import _lenient_json


@pytest.mark.parametrize(
    "block",
    [
        '"\\' * 200_000,  # strings that end in a lone backslash, over and over
        '{"a": "' + "\\" * 400_000,
        "/*" * 200_000,
        "//" + '"' * 400_000,
        '{"datePublished": "2024-03-12", ' + '"x": [' * 50_000,
    ],
)
def test_a_hostile_block_is_read_or_refused_quickly(block: str) -> None:
    t0 = time.process_time()
    _lenient_json(block)
    # the quadratic scanner took ~5 s on 40,000 characters; these are 400,000
    assert time.process_time() - t0 < 5


def test_comments_and_a_trailing_comma_are_read() -> None:
    block = '{"@type": "NewsArticle", /* CMS note */ "datePublished": "2024-03-12T21:05:00Z", // end\n}'
    assert _lenient_json(block) == {"@type": "NewsArticle", "datePublished": "2024-03-12T21:05:00Z"}
