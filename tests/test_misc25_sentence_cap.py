"""misc25: compare reads at most ``MAX_COMPARED_SENTENCES`` sentences a side. A 30,000-update live blog took 72.8
user-s, nearly all embedding every sentence (benchmarks/huge_pages.py); a longer text is now compared by its first
2,000 sentences, and the report says so (``warnings``, the side's ``truncated``; terminal and HTML show warnings).
No story of the eval sets is that long (the longest, 1,312), so a normal long story is never cut."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

from storytrace.article import Article
from storytrace.comparison import compare
from storytrace.report.html import report_to_html
from storytrace.report.terminal import render
from storytrace.settings import DEFAULT_SETTINGS, MAX_COMPARED_SENTENCES

LEXICAL = DEFAULT_SETTINGS.with_(use_embeddings=False)
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ORIGINAL = (EXAMPLES / "original.txt").read_text(encoding="utf-8")
REWRITE = (EXAMPLES / "rewrite.txt").read_text(encoding="utf-8")


def _live_blog(updates: int) -> str:
    lines = [f"Update {k}: crews cleared debris from block {k % 97} of the harbour road." for k in range(updates)]
    return REWRITE + "\n\n" + "\n\n".join(lines)


def test_a_text_over_the_cap_is_compared_by_its_first_sentences_and_says_so() -> None:
    blog = _live_blog(MAX_COMPARED_SENTENCES + 500)
    report = compare(ORIGINAL, Article(text=blog, id="blog"), settings=LEXICAL)
    assert len(report.derived.sentences) == MAX_COMPARED_SENTENCES
    assert blog.startswith(report.derived.text) and len(report.derived.text) < len(blog)
    d = report.to_dict()
    total = d["derived"]["truncated"]["sentences"]
    assert total > MAX_COMPARED_SENTENCES and d["derived"]["truncated"]["characters"] == len(blog)
    assert d["source"]["truncated"] is None
    (notice,) = [w for w in d["warnings"] if "were compared" in w]
    assert notice == (
        f"the derived text has {total:,} sentences: only its first {MAX_COMPARED_SENTENCES:,} were compared (what "
        "follows is in no alignment, score or finding)"
    )
    # the story at the top is still read: its sentences keep their links to the original's
    assert sum(a["kind"] != "added" for a in d["alignments"] if max(a["derived"]) < 10) >= 5
    buf = io.StringIO()
    render(report, Console(file=buf, width=120, color_system=None, force_terminal=False))
    assert "only its first 2,000 were compared" in " ".join(buf.getvalue().split())
    assert "only its first 2,000 were compared" in report_to_html(report)


def test_a_long_story_within_the_cap_is_compared_whole() -> None:
    story = _live_blog(MAX_COMPARED_SENTENCES - 200)
    report = compare(ORIGINAL, story, settings=LEXICAL)
    d = report.to_dict()
    assert report.derived.text == story and d["derived"]["truncated"] is None and d["source"]["truncated"] is None
    assert not [w for w in d["warnings"] if "were compared" in w]
