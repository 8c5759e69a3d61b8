"""ux15: the HTML report of a long original against a short rewrite folds its long list of low findings.

A 1,069-sentence transcript against an 11-sentence rewrite listed 835 low "dropped sentence" findings in full: a
page of 95,000 px. The group now opens from its heading, from a footnote that points into it, and for printing.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from storytrace import Settings, compare
from storytrace.report.html import report_to_html

LEXICAL = Settings(use_embeddings=False)
PLACES = "harbour ferry council budget library station bridge market school garden tunnel museum clinic stadium canal"
TOPICS = "repairs funding hours staff lighting parking tickets cleaning signage benches heating roofing fencing paving"
LONG = " ".join(f"Residents asked about the {a} {b} at the meeting." for a in PLACES.split() for b in TOPICS.split())
SHORT = ". ".join(LONG.split(". ")[:3]) + "."


def _low_items(html: str) -> int:
    return len(re.findall(r'<span class="sev sev-low">', html))


def test_a_long_list_of_low_findings_is_folded() -> None:
    html = report_to_html(compare(LONG, SHORT, settings=LEXICAL))
    assert _low_items(html) > 30
    fold = re.search(r'<details class="fold"><summary><h3 id="sev-low">Low \((\d+)\)</h3></summary><ol>', html)
    assert fold and int(fold.group(1)) == _low_items(html)
    assert html.count('<details class="fold">') == 1


def test_a_short_list_stays_open() -> None:
    short_original = ". ".join(LONG.split(". ")[:40]) + "."
    html = report_to_html(compare(short_original, SHORT, settings=LEXICAL))
    assert 0 < _low_items(html) <= 30
    assert "<details" not in html and '<h3 id="sev-low">' in html


CHROMIUM = os.environ.get("STORYTRACE_CHROMIUM", "/usr/bin/chromium")


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)")
def test_a_link_into_the_fold_opens_it_and_printing_opens_it(tmp_path: Path) -> None:
    playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (the dev extra)")
    page_file = tmp_path / "report.html"
    page_file.write_text(report_to_html(compare(LONG, SHORT, settings=LEXICAL)), encoding="utf-8")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"], headless=True)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(page_file.as_uri())
            assert page.evaluate("document.querySelector('details.fold').open") is False
            low = page.evaluate("document.querySelector('details.fold li').id")
            page.goto(f"{page_file.as_uri()}#{low}")  # a link to one of its findings, from elsewhere
            assert page.evaluate("document.querySelector('details.fold').open") is True
            box = page.locator(f"#{low}").bounding_box()
            assert box is not None and 0 <= box["y"] < 800  # scrolled to, visible
            page.goto(page_file.as_uri())
            page.evaluate(f"location.hash = '#{low}'")  # and from within the page
            page.wait_for_function("document.querySelector('details.fold').open")
            page.goto(page_file.as_uri())
            page.emulate_media(media="print")
            page.pdf(path=str(tmp_path / "report.pdf"))  # fires beforeprint
            assert page.evaluate("document.querySelector('details.fold').open") is True
            assert errors == []
        finally:
            browser.close()
