"""Review of session 14: a site name after the headline stays the outlet; "./-" is a file, not stdin."""

from __future__ import annotations

from pathlib import Path

import pytest

from storytrace.article import article_from_html
from storytrace.corpus import expand_inputs, read_corpus, tidy_path

BODY = (
    "<p>The Senate passed the spending bill on Tuesday after a long debate over taxes, and the governor said "
    "she would sign it before the end of the week.</p>"
    "<p>Opponents said the bill had been rushed through without an independent review of its costs.</p>"
)


def page(title: str, h1: str) -> str:
    return f"<html><head><title>{title}</title></head><body><article><h1>{h1}</h1>{BODY}</article></body></html>"


def test_a_site_name_with_a_full_stop_after_the_headline_is_the_outlet() -> None:
    art = article_from_html(page("Senate passes bill | St. Louis Post", "Senate passes bill"))
    assert art.outlet == "St. Louis Post"


def test_a_domain_name_stands_in_for_a_headline_taken_for_the_site() -> None:
    art = article_from_html(page("U.S. Senate passes bill - nytimes.com", "U.S. Senate passes bill"))
    assert art.outlet == "nytimes.com"


def test_the_headline_part_is_still_no_outlet() -> None:
    art = article_from_html(page("U.S. Senate passes the spending bill | Ledger", "Senate passes bill"))
    assert art.outlet is None


def test_a_file_named_dash_is_not_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "-").write_text("The harbour board approved a plan for the ferry terminal on Monday.", encoding="utf-8")
    assert tidy_path("./-") == "./-" and tidy_path("-") == "-"
    assert expand_inputs(["./-"]) == ["./-"]
    records = [r for r in read_corpus(["./-"]) if r.article]
    assert [r.article.text for r in records] == ["The harbour board approved a plan for the ferry terminal on Monday."]
