"""Plain text given as HTML is called what it is, not an HTML page without an article."""

from __future__ import annotations

import pytest

from storytrace.article import article_from_html
from storytrace.errors import InputError

TEXT = (
    "The council approved the seawall on Tuesday by seven votes to two. The mayor said work would start in "
    "June and last three years. Opponents said the cost, $1.2 billion, was too high for a town of its size."
)


def test_plain_text_given_as_html_says_it_has_no_tags() -> None:
    with pytest.raises(InputError) as caught:
        article_from_html(TEXT, where="suspect")
    assert str(caught.value) == "suspect: not an HTML page (no tags); read it as text instead"


def test_a_comparison_sign_in_text_is_no_tag_but_a_fragment_is_a_page() -> None:
    with pytest.raises(InputError, match="not an HTML page"):
        article_from_html(TEXT + " Turnout was < 40% and costs > forecast.", where="s")
    art = article_from_html(f"<p>{TEXT}</p>", where="s")
    assert art.text.startswith("The council approved the seawall")
