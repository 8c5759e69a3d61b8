"""ux14 review: the HTML trace report and the web app's trace page quote what no source explains."""

from __future__ import annotations

from pathlib import Path

import pytest

from storytrace.article import Article
from storytrace.index import Index
from storytrace.report.html import trace_to_html
from storytrace.settings import DEFAULT_SETTINGS

ROOT = Path(__file__).resolve().parents[1]
ORIGINAL = (ROOT / "examples" / "original.txt").read_text(encoding="utf-8")
ADDED = "Separately, the zoo in Lindenfeld said its giraffes <b>Mabel</b> and Otto had a calf named Pip."


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> object:
    idx = Index(tmp_path_factory.mktemp("ux14") / "i.db", lexical_only=True)
    idx.add([Article(text=ORIGINAL, id="original")])
    suspect = Article(text=ORIGINAL.rstrip() + "\n\n" + ADDED, id="suspect")
    out = idx.trace(suspect, top=1, settings=DEFAULT_SETTINGS.with_(use_embeddings=False))
    assert out.source == "original" and out.unexplained
    return out


def test_the_html_trace_report_quotes_the_unexplained_sentences(result: object) -> None:
    html = trace_to_html(result)
    assert "<b>Mabel" not in html
    # in the trace summary on top, not only in the side-by-side report of the source below it
    summary = html[html.index('<section class="trace">') :]
    summary = summary[: summary.index("</section>")]
    assert "Lindenfeld said its giraffes &lt;b&gt;Mabel&lt;/b&gt; and Otto" in summary


def test_the_web_trace_page_quotes_the_unexplained_sentences(result: object) -> None:
    pages = pytest.importorskip("storytrace.web.pages")
    html = pages.trace_page(result, text="", title="", input_format="text")
    assert "Lindenfeld said its giraffes &lt;b&gt;Mabel&lt;/b&gt; and Otto" in html
