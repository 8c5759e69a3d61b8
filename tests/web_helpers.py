"""Shared by the web app tests (test_serve.py, test_browser.py): a small index, a free port, a live server."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

# Short news items on other subjects, so retrieval has something to choose from.
DISTRACTORS = [
    "The city council of Brackwater voted on Monday to close two libraries to save $2 million a year. "
    "Librarians said the decision would hurt children most. The closures take effect in June.",
    "A freight train derailed near the Orrin river crossing on Sunday, spilling grain but hurting nobody, "
    "the rail operator said. Repairs to the line are expected to take a week.",
    "Heavy snow closed the mountain pass between Tessel and Varna for a third day. Drivers were told to use "
    "the coastal road, which adds about two hours to the journey.",
]


XSS_PAYLOADS = [
    "<script>window.__xss=1;alert(1)</script>",
    '<img src=x onerror="window.__xss=1;alert(1)">',
    '<svg onload="window.__xss=1;alert(1)"></svg>',
    '<a href="javascript:window.__xss=1;alert(1)">click me</a>',
    "</script><script>window.__xss=1</script>",
    '"><iframe src="javascript:alert(1)"></iframe>',
    "<!-- ]]> \u2028 \u2029 &amp; &lt;b&gt;",
]


def hostile_pair() -> tuple[str, str]:
    """An original and a rewrite whose sentences carry script, event-handler and javascript: payloads."""
    payload = " ".join(XSS_PAYLOADS)
    original = (
        "The harbour board approved a $40 million plan for the ferry terminal on Monday. "
        f"Board chair Ines Molloy said {payload} the vote was long overdue. "
        "Work is due to start in May and take two years.\n\n"
        "The terminal handles 2,000 passengers a day, the board said."
    )
    rewrite = (
        "The harbour board approved a $45 million plan for the ferry terminal last week. "
        f"Board chair Ines Molloy said {payload} the vote was long overdue. "
        f'"{XSS_PAYLOADS[0]} This is a disgrace," a critic said.\n\n'
        "The terminal handles 2,000 passengers a day, the board said."
    )
    return original, rewrite


def build_index(path: Path) -> Path:
    """An index of the example original (id "original") and a few unrelated articles."""
    from storytrace.article import Article
    from storytrace.index import Index

    original = (EXAMPLES / "original.txt").read_text(encoding="utf-8")
    articles = [Article(text=original, id="original", title="Seawall", outlet="Coastline Wire", published="2024-03-14")]
    articles += [Article(text=t, id=f"other-{k}", outlet="Elsewhere") for k, t in enumerate(DISTRACTORS)]
    with Index(path) as index:
        index.add(articles)
    return path


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def live_server(*args: str, timeout: float = 90.0) -> Iterator[str]:
    """``storytrace serve`` for real, in a subprocess on a free loopback port; yields its base URL once the
    models are loaded, and stops it afterwards."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "STORYTRACE_DEBUG"}
    src = str(ROOT / "src")
    env["PYTHONPATH"] = src + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    proc = subprocess.Popen(
        [sys.executable, "-m", "storytrace.cli", "serve", "--port", str(port), *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
                raise RuntimeError(f"storytrace serve exited with {proc.returncode}: {err[-2000:]}")
            try:
                with urllib.request.urlopen(base + "/health", timeout=2) as r:
                    if json.loads(r.read()).get("models") == "ready":
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"storytrace serve did not become ready within {timeout:g} s")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stderr:
            proc.stderr.close()
