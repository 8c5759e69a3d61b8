"""ux15: the web forms take each article's publication date, read and checked as the API reads it.

The trace form took "published on or before" but not the suspect's own date, which the CLI and the API use as
the bound by default: a pasted rewrite was traced against sources younger than itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed")
pytest.importorskip("httpx", reason="httpx (FastAPI's TestClient) is not installed")

from fastapi.testclient import TestClient

from storytrace.article import two_readings
from storytrace.web import create_app
from web_helpers import build_index

ROOT = Path(__file__).resolve().parents[1]
ORIGINAL = (ROOT / "examples" / "original.txt").read_text(encoding="utf-8")
REWRITE = (ROOT / "examples" / "rewrite.txt").read_text(encoding="utf-8")
HOSTILE = '"><script>window.__xss=1</script><b x="'


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = build_index(tmp_path_factory.mktemp("ux15-dates") / "news.db")  # the original: 2024-03-14
    with TestClient(create_app(db=str(db), warm=False, use_embeddings=False), raise_server_exceptions=False) as c:
        yield c


def _error(html: str) -> str:
    m = re.search(r'<div class="error" role="alert"><strong>Error:</strong> (.*?)</div>', html)
    assert m, html[:500]
    return m.group(1)


def test_the_forms_have_a_publication_date_for_each_article(client: TestClient) -> None:
    page = client.get("/").text
    for name in ("published", "original_published", "suspect_published"):
        assert f'name="{name}"' in page


def test_the_suspects_date_bounds_the_trace_as_on_the_command_line(client: TestClient) -> None:
    younger = client.post("/ui/trace", data={"text": REWRITE, "published": "March 20, 2024", "top": "2"})
    assert younger.status_code == 200 and "Source found" in younger.text
    assert "Only sources published on or before 2024-03-20." in younger.text
    older = client.post("/ui/trace", data={"text": REWRITE, "published": "2024-03-01", "top": "2"})
    assert older.status_code == 200 and "No earlier source found" in older.text
    assert "either it copies this one, both take it from a common source" in older.text
    assert "Only sources published on or before 2024-03-01." in older.text
    # the full comparison from the results keeps the date (its direction reads it)
    assert '<input type="hidden" name="published" value="2024-03-01">' in older.text


def test_a_before_date_still_wins_over_the_suspects_own(client: TestClient) -> None:
    r = client.post("/ui/trace", data={"text": REWRITE, "published": "2024-03-20", "before": "2024-03-01"})
    assert "No source found" in r.text and "Only sources published on or before 2024-03-01." in r.text


def test_a_date_that_reads_two_ways_is_explained_and_the_form_kept(client: TestClient) -> None:
    r = client.post("/ui/trace", data={"text": REWRITE, "published": "04/05/2024", "top": "2"})
    assert r.status_code == 422
    assert _error(r.text) == (
        "publication date: &#x27;04/05/2024&#x27; reads two ways (day or month first): 2024-05-04 or 2024-04-05; "
        "write the one meant as ISO 8601 (YYYY-MM-DD)"
    )
    assert 'name="published" value="04/05/2024"' in r.text and "Seawall" not in _error(r.text)
    assert REWRITE[:40] in r.text  # what was pasted is still there


def test_an_unreadable_date_is_refused_and_escaped(client: TestClient) -> None:
    r = client.post("/ui/trace", data={"text": REWRITE, "published": HOSTILE})
    assert r.status_code == 422 and "is not a date" in _error(r.text)
    assert "<script>window.__xss" not in r.text
    assert 'value="&quot;&gt;&lt;script&gt;window.__xss=1&lt;/script&gt;&lt;b x=&quot;"' in r.text


def test_the_compare_form_reads_both_dates_and_names_the_side(client: TestClient) -> None:
    form = {"original_text": ORIGINAL, "suspect_text": REWRITE}
    dated = client.post(
        "/ui/compare", data={**form, "original_published": "2024-03-14", "suspect_published": "2024-03-15"}
    )
    assert dated.status_code == 200 and "published first (2024-03-14 before 2024-03-15)" in dated.text
    bad = client.post("/ui/compare", data={**form, "suspect_published": "4/3/2024"})
    assert bad.status_code == 422
    assert _error(bad.text).startswith("suspect&#x27;s publication date: &#x27;4/3/2024&#x27; reads two ways")


def test_the_full_comparison_reads_the_carried_date(client: TestClient) -> None:
    r = client.post("/ui/trace/compare", data={"text": REWRITE, "candidate": "original", "published": "2024-03-15"})
    assert r.status_code == 200 and "published first (2024-03-14 before 2024-03-15)" in r.text


@pytest.mark.parametrize(
    ("value", "readings"),
    [("04/05/2024", ("2024-05-04", "2024-04-05")), ("1-2-2023", ("2023-02-01", "2023-01-02")), ("14/05/2024", None)],
)
def test_two_readings(value: str, readings: tuple[str, str] | None) -> None:
    assert two_readings(value) == readings
