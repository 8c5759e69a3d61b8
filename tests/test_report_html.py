"""The HTML report: both texts, escaped and whole; links consistent with the alignment; every finding marked
and listed; a strict CSP whose hash matches the one script; no external URL; hostile articles stay text."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from storytrace.report.html import CSP, json_for_html, report_to_html
from web_helpers import hostile_pair


class Page(HTMLParser):
    """The parts of a report page the tests look at: tags and attributes, scripts, each column's text."""

    SKIP = frozenset({"tag", "fn"})

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.by_id: dict[str, dict[str, str | None]] = {}
        self.text_of: dict[str, list[str]] = {}  # element id -> its text (for marks, sentences, columns)
        self._stack: list[tuple[str, dict[str, str | None]]] = []
        self._script: tuple[dict[str, str | None], list[str]] | None = None
        self.columns: dict[str, list[str]] = {"col-source": [], "col-derived": []}
        self.mark_text: dict[int, list[str]] = {}
        self.feed(html)
        self.close()

    VOID = frozenset({"meta", "br", "img", "input", "link", "hr"})

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if a.get("id"):
            assert a["id"] not in self.by_id, f"duplicate id {a['id']}"
            self.by_id[a["id"]] = a
        if tag == "script":
            self._script = (a, [])
        if tag not in self.VOID:
            self._stack.append((tag, a))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script[0], "".join(self._script[1])))
            self._script = None
        if tag in self.VOID:
            return
        assert self._stack and self._stack[-1][0] == tag, f"</{tag}> closes {self._stack[-1:]}"
        self._stack.pop()

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script[1].append(data)
            return
        classes = [set((a.get("class") or "").split()) for _, a in self._stack]
        if any(c & self.SKIP for c in classes):
            return
        ids = [a.get("id") for _, a in self._stack]
        for col in self.columns:
            if col in ids and any("text" in c for c in classes):
                self.columns[col].append(data)
                for tag, a in self._stack:
                    if tag == "mark":
                        for n in (a.get("data-f") or "").split():
                            self.mark_text.setdefault(int(n), []).append(data)


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def html(example_report: Any) -> str:
    return report_to_html(example_report)


@pytest.fixture(scope="module")
def page(html: str) -> Page:
    return Page(html)


def test_both_texts_whole_and_in_order(page: Page, example_dict: dict[str, Any]) -> None:
    for col, side in (("col-source", "source"), ("col-derived", "derived")):
        assert squash("".join(page.columns[col])) == squash(example_dict[side]["text"])


def test_sentence_ids_and_links_follow_the_alignment(page: Page, example_dict: dict[str, Any]) -> None:
    d = example_dict
    for k, link in enumerate(d["alignments"]):
        for i in link["derived"]:
            el = page.by_id[f"d{i}"]
            assert f"L{k}" in (el.get("data-link") or "").split()
            assert f"k-{link['kind']}" in (el.get("class") or "").split()
            assert el.get("tabindex") == "0"
        for j in link["source"]:
            assert f"L{k}" in (page.by_id[f"s{j}"].get("data-link") or "").split()
    linked = {j for a in d["alignments"] for j in a["source"]}
    for j, s in enumerate(d["source"]["sentences"]):
        classes = (page.by_id[f"s{j}"].get("class") or "").split()
        if not s["boilerplate"] and j not in linked:
            assert "dropped" in classes, j
            assert "data-link" not in page.by_id[f"s{j}"]
    # every data-link names an alignment, and each alignment's elements are exactly its sentences
    for el_id, attrs in page.by_id.items():
        for name in (attrs.get("data-link") or "").split():
            k = int(name[1:])
            side, i = ("derived", int(el_id[1:])) if el_id.startswith("d") else ("source", int(el_id[1:]))
            assert i in d["alignments"][k][side], (el_id, name)


def test_kind_is_a_text_label_not_only_a_colour(page: Page, html: str) -> None:
    for label in ("verbatim", "near-verbatim", "paraphrase", "partial", "added", "omitted"):
        assert label in html
    assert re.search(r'<span class="tag">NV</span>', html)
    assert re.search(r'<span class="tag">\+</span>', html)


def test_every_finding_is_listed_and_marked(page: Page, example_dict: dict[str, Any]) -> None:
    from html import escape

    findings = example_dict["findings"]
    assert findings
    for n, f in enumerate(findings, start=1):
        item = page.by_id[f"fl{n}"]
        assert item.get("data-f") == str(n)
        if f["derived"] is not None:
            assert f"f{n}-d" in page.by_id, f
            assert squash("".join(page.mark_text[n])).startswith(squash(f["derived"]["text"])[:20]) or (
                squash(f["derived"]["text"]) in squash(" ".join(page.mark_text[n]))
            )
        elif f["type"] == "fact_omitted" and f["subtype"] == "sentence":
            j = next(
                j
                for j, s in enumerate(example_dict["source"]["sentences"])
                if (s["start"], s["end"]) == (f["source"]["start"], f["source"]["end"])
            )
            assert page.by_id[f"s{j}"].get("data-f") == str(n)
        elif f["source"] is not None:
            assert f"f{n}-s" in page.by_id, f
    html_text = report_to_html(example_dict)
    for f in findings:
        assert escape(f["detail"]) in html_text


def test_list_links_point_at_marks(page: Page) -> None:
    hrefs = [a.get("href") for tag, a in page.tags if tag == "a" and "fi" in (a.get("class") or "").split()]
    assert hrefs
    for href in hrefs:
        assert href and href.startswith("#") and href[1:] in page.by_id, href


def test_csp_is_strict_and_hash_matches_the_script(page: Page, html: str) -> None:
    metas = [a for tag, a in page.tags if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert len(metas) == 1
    csp = metas[0]["content"] or ""
    assert csp == CSP
    assert "default-src 'none'" in csp
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    code = [body for attrs, body in page.scripts if attrs.get("type") is None]
    assert len(code) == 1
    digest = base64.b64encode(hashlib.sha256(code[0].encode("utf-8")).digest()).decode()
    assert f"'sha256-{digest}'" in csp


def test_no_external_urls(page: Page, html: str) -> None:
    for tag, attrs in page.tags:
        for name in ("src", "href", "action", "srcset", "poster", "data"):
            value = attrs.get(name)
            if value is not None:
                assert value.startswith("#"), (tag, name, value)
    assert not re.search(r"""(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//""", html)
    assert "@import" not in html and "url(" not in html


def test_embedded_json_is_the_report(page: Page, example_dict: dict[str, Any]) -> None:
    data = [body for attrs, body in page.scripts if attrs.get("type") == "application/json"]
    assert len(data) == 1
    assert json.loads(data[0]) == json.loads(json.dumps(example_dict))


def test_json_for_html_escapes_markup_and_line_separators() -> None:
    out = json_for_html({"t": "</script><!-- & \u2028\u2029"})
    assert "<" not in out and ">" not in out and "&" not in out
    assert "\u2028" not in out and "\u2029" not in out
    assert json.loads(out) == {"t": "</script><!-- & \u2028\u2029"}


def test_dict_and_report_render_the_same(example_report: Any, example_dict: dict[str, Any], html: str) -> None:
    assert report_to_html(example_dict) == html


def test_hostile_articles_appear_only_as_text() -> None:
    from storytrace import compare
    from storytrace.article import Article
    from storytrace.settings import DEFAULT_SETTINGS

    original, rewrite = hostile_pair()
    report = compare(
        Article(text=original, title='<script>alert("t")</script>', url="javascript:alert(1)", id="<b>o</b>"),
        Article(text=rewrite, outlet="<img src=x onerror=alert(1)>"),
        settings=DEFAULT_SETTINGS.with_(use_embeddings=False),
    )
    out = report_to_html(report)
    page = Page(out)
    tags = {tag for tag, _ in page.tags}
    assert not tags & {"img", "svg", "iframe", "object", "embed", "form", "input", "base", "link"}
    assert len(page.scripts) == 2  # the JSON data block and the one hashed script
    for tag, attrs in page.tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert not (value or "").strip().lower().startswith("javascript:"), (tag, name, value)
    # the payloads are there, as text, in both columns
    for col in ("col-source", "col-derived"):
        shown = "".join(page.columns[col])
        assert "<script>window.__xss=1;alert(1)</script>" in shown
        assert 'onerror="window.__xss=1;alert(1)"' in shown
    assert "&lt;script&gt;window.__xss=1" in out
    data = next(body for attrs, body in page.scripts if attrs.get("type") == "application/json")
    assert "</script" not in data.lower() and "<!--" not in data
    assert json.loads(data)["derived"]["text"] == rewrite


def test_no_findings_page() -> None:
    from storytrace import compare
    from storytrace.settings import DEFAULT_SETTINGS

    text = "The council approved the budget on Monday. The mayor welcomed the vote."
    report = compare(text, text, settings=DEFAULT_SETTINGS.with_(use_embeddings=False))
    out = report_to_html(report)
    assert "No findings" in out
    assert Page(out).by_id["d0"]


def test_cli_writes_html(run_cli: Any, root: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    proc = run_cli(["compare", "examples/original.txt", "examples/rewrite.txt", "--format", "html", "--out", str(out)])
    assert proc.returncode == 0, proc.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in text
    refused = run_cli(["compare", "--pairs", "examples/pairs.jsonl", "--format", "html"])
    assert refused.returncode == 2
    assert refused.stderr.count("\n") == 1 and "--pairs" in refused.stderr


def test_one_sentence_and_one_finding_are_counted_in_the_singular() -> None:
    from storytrace import compare
    from storytrace.settings import DEFAULT_SETTINGS

    report = compare(
        "The council hired 40 new teachers on Monday.",
        "The council hired 45 new teachers on Monday.",
        settings=DEFAULT_SETTINGS.with_(use_embeddings=False),
    )
    assert [f.type for f in report.findings] == ["number_changed"]
    counts = re.search(r'<p class="counts">(.*?)</p>', report_to_html(report))
    assert counts is not None
    text = re.sub(r"<[^>]+>", "", counts.group(1))
    assert text.startswith("1 suspect sentence (1 near-verbatim); 0 of 1 original sentence omitted; 1 finding (1 high)")


def test_terminal_and_html_reports_give_the_same_counts(example_report: Any, html: str) -> None:
    import io

    from rich.console import Console

    from storytrace.report.terminal import render

    buf = io.StringIO()
    render(example_report, Console(file=buf, width=400, color_system=None))
    terminal = buf.getvalue()
    counts = re.search(r'<p class="counts">(.*?)\.</p>', html)
    assert counts is not None
    assert re.sub(r"<[^>]+>", "", counts.group(1)) in terminal
    # the omissions heading agrees with "5 of 30 original sentences omitted": the dropped list item is apart
    assert "Left out of the original: 5 sentences and 1 part of a kept sentence" in terminal
