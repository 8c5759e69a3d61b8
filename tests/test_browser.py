"""End to end in a real browser: headless Chromium (Debian's package, /usr/bin/chromium) driven by playwright.

The HTML report from disk (file://) and the served app (``storytrace serve`` in a subprocess on 127.0.0.1):
clicking a suspect sentence highlights its source, a finding in the list highlights and reveals its mark, the
forms submit and the report renders, and articles carrying script, event-handler and javascript: payloads run
nothing. Screenshots go to test-output/browser/ (ignored by git).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from web_helpers import EXAMPLES, ROOT, build_index, hostile_pair, live_server

CHROMIUM = os.environ.get("STORYTRACE_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (the dev extra)")
pytestmark = [
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)"),
    pytest.mark.slow,
]
pytest.importorskip("fastapi", reason="the web extra is not installed")

SHOTS = ROOT / "test-output" / "browser"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


class Watch:
    """A page with a record of every dialog (alert, confirm, prompt) and page error."""

    def __init__(self, browser: Any, **context: Any) -> None:
        self.context = browser.new_context(viewport={"width": 1366, "height": 850}, reduced_motion="reduce", **context)
        self.page = self.context.new_page()
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def assert_nothing_ran(self) -> None:
        assert self.dialogs == [], self.dialogs
        assert self.page.evaluate("typeof window.__xss") == "undefined"

    def shot(self, name: str, **kwargs: Any) -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{name}.png"), **kwargs)

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def watch(browser: Any) -> Iterator[Watch]:
    w = Watch(browser)
    yield w
    w.close()


def has_class(page: Any, selector: str, name: str) -> bool:
    return bool(page.eval_on_selector(selector, "(e, n) => e.classList.contains(n)", name))


def visible_in_pane(page: Any, selector: str) -> bool:
    """The element is inside its column's scrolled viewport and inside the window."""
    return bool(
        page.eval_on_selector(
            selector,
            """e => { const r = e.getBoundingClientRect(), p = e.closest('.pane').getBoundingClientRect();
                      return r.bottom > p.top && r.top < p.bottom && r.bottom > 0 && r.top < window.innerHeight; }""",
        )
    )


@pytest.fixture(scope="module")
def report_file(example_report: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from storytrace.report.html import report_to_html

    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(report_to_html(example_report), encoding="utf-8")
    return path


def test_report_from_disk_links_sentences(watch: Watch, report_file: Path, example_dict: dict[str, Any]) -> None:
    page = watch.page
    page.goto(report_file.as_uri())
    watch.shot("report-top")
    links = [a for a in example_dict["alignments"] if a["kind"] != "added"]
    last = links[-1]  # far down the suspect: its source must be scrolled into view
    d, s = f"#d{last['derived'][0]}", f"#s{last['source'][0]}"
    page.click(d)
    assert has_class(page, s, "sel") and has_class(page, d, "sel")
    page.wait_for_function(
        "sel => { const e = document.querySelector(sel), p = e.closest('.pane');"
        " const r = e.getBoundingClientRect(), b = p.getBoundingClientRect();"
        " return r.bottom > b.top && r.top < b.bottom; }",
        arg=s,
        timeout=3000,
    )
    assert visible_in_pane(page, s)
    watch.shot("report-sentence-selected")
    # hover highlights partners too; Escape clears the selection
    first = links[0]
    page.hover(f"#d{first['derived'][0]}")
    assert all(has_class(page, f"#s{j}", "hover") for j in first["source"])
    page.keyboard.press("Escape")
    assert page.locator(".sel").count() == 0
    # keyboard: a sentence is focusable and Enter selects it
    second = links[1]
    page.focus(f"#d{second['derived'][0]}")
    page.keyboard.press("Enter")
    assert has_class(page, f"#s{second['source'][0]}", "sel")
    assert watch.errors == [] and all(u.startswith("file:") for u in watch.requests), watch.requests


def test_report_from_disk_findings_list_reveals_marks(
    watch: Watch, report_file: Path, example_dict: dict[str, Any]
) -> None:
    page = watch.page
    page.goto(report_file.as_uri())
    # the last change in the suspect: its mark starts out of view
    n, f = max(
        ((n, f) for n, f in enumerate(example_dict["findings"], start=1) if f["derived"] is not None),
        key=lambda x: x[1]["derived"]["start"],
    )
    assert not visible_in_pane(page, f"#f{n}-d")
    page.click(f"#fl{n} a.fi")
    assert has_class(page, f"#f{n}-d", "fsel") and has_class(page, f"#fl{n}", "fsel")
    page.wait_for_function(
        "sel => { const e = document.querySelector(sel), p = e.closest('.pane');"
        " const r = e.getBoundingClientRect(), b = p.getBoundingClientRect();"
        " return r.bottom > b.top && r.top < b.bottom && r.top >= 0 && r.bottom <= innerHeight; }",
        arg=f"#f{n}-d",
        timeout=3000,
    )
    inspector = page.locator("#inspector")
    assert inspector.is_visible() and f["detail"][:30] in inspector.inner_text()
    watch.shot("report-finding-selected")
    # a dropped sentence of the original is marked, and its list item points at it
    dropped = next(
        n
        for n, f in enumerate(example_dict["findings"], start=1)
        if f["subtype"] == "sentence" and f["type"] == "fact_omitted"
    )
    page.click(f"#fl{dropped} a.fi")
    target = page.locator(f".s.dropped[data-f='{dropped}']")
    assert target.count() == 1 and "fsel" in (target.get_attribute("class") or "")
    # focusing a mark shows its finding
    page.keyboard.press("Escape")
    assert not inspector.is_visible()
    page.focus(f"#f{n}-d")
    assert inspector.is_visible()


def test_report_prints(watch: Watch, report_file: Path, tmp_path: Path) -> None:
    watch.page.goto(report_file.as_uri())
    watch.page.emulate_media(media="print")
    assert watch.page.eval_on_selector(".pane", "e => getComputedStyle(e).overflowY") == "visible"
    assert watch.page.eval_on_selector("#inspector", "e => getComputedStyle(e).display") == "none"
    pdf = watch.page.pdf(format="A4", landscape=True, print_background=True)
    assert pdf[:4] == b"%PDF" and len(pdf) > 10_000


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "escaping-alone"])
def test_hostile_articles_run_nothing_from_disk(browser: Any, tmp_path: Path, bypass_csp: bool) -> None:
    """With the CSP, and with the browser told to ignore it: escaping alone must keep the payloads inert."""
    from storytrace import compare
    from storytrace.article import Article
    from storytrace.report.html import report_to_html
    from storytrace.settings import DEFAULT_SETTINGS

    original, rewrite = hostile_pair()
    report = compare(
        Article(text=original, title="<img src=x onerror=alert(1)>", url="javascript:alert(1)"),
        Article(text=rewrite, title="<svg onload=alert(1)>"),
        settings=DEFAULT_SETTINGS.with_(use_embeddings=False),
    )
    path = tmp_path / "hostile.html"
    path.write_text(report_to_html(report), encoding="utf-8")
    w = Watch(browser, bypass_csp=bypass_csp)
    try:
        w.page.goto(path.as_uri())
        # interact with everything that could carry a payload
        for selector in (".s[data-link]", "mark.f", "a.fi"):
            for k in range(min(4, w.page.locator(selector).count())):
                w.page.locator(selector).nth(k).click()
        w.page.wait_for_timeout(200)
        w.assert_nothing_ran()
        text = w.page.inner_text("#col-derived")
        assert "<script>window.__xss=1;alert(1)</script>" in text
        assert w.page.locator("#col-derived img, #col-derived svg, #col-derived iframe").count() == 0
        hrefs = w.page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
        assert hrefs and all(h.startswith("#") for h in hrefs), hrefs
        w.shot(f"hostile-static-{'nocsp' if bypass_csp else 'csp'}")
    finally:
        w.close()


# --- the served app --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = build_index(tmp_path_factory.mktemp("served") / "news.db")
    with live_server("--db", str(db)) as base:
        yield base


def test_served_compare_form_with_uploads(watch: Watch, server: str) -> None:
    page = watch.page
    page.goto(server + "/")
    watch.shot("app-home")
    page.set_input_files("#original_file", str(EXAMPLES / "original.txt"))
    page.set_input_files("#suspect_file", str(EXAMPLES / "rewrite.txt"))
    page.click("#compare-submit")
    page.wait_for_selector("#col-derived .s", timeout=60_000)
    assert "Derived from the original" in page.inner_text(".verdict")
    assert "rewrite.txt" in page.inner_text("#col-derived .colhead")
    assert page.locator("#findings li").count() >= 10
    page.click("#d8")
    assert page.locator("#col-source .s.sel").count() >= 1
    watch.shot("app-report")
    assert watch.errors == [] and all(u.startswith(server) for u in watch.requests), watch.requests


def test_served_trace_and_full_comparison(watch: Watch, server: str) -> None:
    page = watch.page
    page.goto(server + "/")
    page.fill("#trace_text", (EXAMPLES / "rewrite.txt").read_text(encoding="utf-8"))
    page.fill("#trace_top", "2")
    page.click("#trace-submit")
    page.wait_for_selector("table.cands", timeout=60_000)
    assert "Source found" in page.inner_text(".src-found")
    watch.shot("app-trace")
    page.click("button[name=candidate][value=original]")
    page.wait_for_selector("#col-source .s", timeout=60_000)
    assert "Seawall" in page.inner_text("#col-source .colhead")


def test_hostile_articles_run_nothing_when_served(watch: Watch, server: str) -> None:
    page = watch.page
    original, rewrite = hostile_pair()
    page.goto(server + "/")
    page.fill("#original_title", "<script>window.__xss=1</script>")
    page.fill("#original_text", original)
    page.fill("#suspect_text", rewrite)
    page.click("#compare-submit")
    page.wait_for_selector("#col-derived .s", timeout=60_000)
    for selector in (".s[data-link]", "mark.f", "a.fi"):
        for k in range(min(4, page.locator(selector).count())):
            page.locator(selector).nth(k).click()
    page.wait_for_timeout(200)
    watch.assert_nothing_ran()
    assert "<script>window.__xss=1;alert(1)</script>" in page.inner_text("#col-source")
    assert "<script>window.__xss=1</script>" in page.inner_text("#col-source .colhead")
    watch.shot("app-hostile")
    # the error page echoes nothing as markup either
    page.goto(server + "/nope%3Cscript%3Ewindow.__xss=1%3C/script%3E", wait_until="load")
    watch.assert_nothing_ran()
