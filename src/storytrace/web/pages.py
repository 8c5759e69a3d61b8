"""The web app's own pages: the forms, the trace results, the API reference and errors.

Plain functions that return HTML text; every value from a request, an article or the index is escaped with
``html.escape``. The pages share the report's stylesheet and Content-Security-Policy (with ``form-action
'self'`` so the forms can post back to the app).
"""

from __future__ import annotations

import json
from collections import Counter
from html import escape
from typing import Any

from storytrace.report.html import SCRIPT_HASH, page, unexplained_html
from storytrace.report.summary import (
    RETRIEVAL_NOTE,
    candidate_relation,
    trace_candidate_marks,
    trace_headline,
    trace_held_back_note,
    trace_indexed_as_note,
    trace_later_copies,
    trace_read_as_copies_note,
    trace_source_caveats,
    trace_stamped_later_note,
    trace_undated_note,
)

#: The app's pages may post forms to the app itself, and nothing else.
PAGE_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    f"script-src '{SCRIPT_HASH}'; base-uri 'none'; form-action 'self'"
)

_DOT = " \u00b7 "
#: What the forms read (``app._JSON_SUFFIXES``: one article record, as docs/api.md says).
_ACCEPT = ".txt,.text,.md,.html,.htm,.gz,.json,.jsonl,.ndjson,text/plain,text/html,application/gzip,application/json"
_FORM_CSS = """
.top{display:flex;justify-content:space-between;align-items:baseline;gap:1rem;margin:.2rem 0 1rem}
.top .brand{font-size:1.35rem;font-weight:800;letter-spacing:-.01em;color:var(--ink);text-decoration:none}
.top nav a{margin-left:1rem}
.card{background:var(--paper);border:1px solid var(--line);border-radius:8px;padding:1rem 1.25rem;margin:0 0 1.25rem}
.card h2{font-size:1.15rem;margin:0 0 .2rem}
.card p.lead{margin:.1rem 0 .8rem;color:var(--muted)}
.pair{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1.25rem}
@media (max-width:899px){.pair{grid-template-columns:1fr}}
fieldset{border:1px solid var(--line);border-radius:6px;padding:.6rem .8rem .8rem;margin:0;min-width:0}
legend{font-weight:700;padding:0 .3rem}
label{display:block;font-size:.85rem;font-weight:600;margin:.5rem 0 .2rem}
input[type=text],input[type=number],textarea{width:100%;font:inherit;padding:.45rem .55rem;border:1px solid #999;
border-radius:5px;background:#fff;color:var(--ink)}
textarea{min-height:15rem;font-family:Charter,Georgia,serif;line-height:1.5;resize:vertical}
input[type=number]{width:6rem}
input[type=file]{font:inherit;font-size:.85rem}
.row{display:flex;flex-wrap:wrap;gap:1rem 1.5rem;align-items:center;margin-top:.9rem}
.row label{display:inline;font-weight:400;margin:0}
button.go{font:inherit;font-weight:700;padding:.55rem 1.4rem;border-radius:6px;border:2px solid #0b4f86;
background:#0b64a0;color:#fff;cursor:pointer}
button.go:hover{background:#0b4f86}
button.small{font:inherit;font-size:.85rem;padding:.25rem .7rem;border-radius:5px;border:1px solid #0b4f86;
background:#fff;color:#0b4f86;cursor:pointer;white-space:nowrap}
.error{background:#fde8e4;border:1px solid #c8501a;border-radius:6px;padding:.6rem .9rem;margin:0 0 1rem}
.hint{color:var(--muted);font-size:.85rem}
table.cands{width:100%;border-collapse:collapse;font-size:.92rem}
table.cands th,table.cands td{text-align:left;padding:.45rem .5rem;border-top:1px solid #e3e3e3;vertical-align:top}
table.cands th{font-size:.75rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);border-top:0}
tr.qualifies td{background:#fff4ea}
.src-found{font-size:1.2rem;font-weight:700}
.cid{font-weight:700;overflow-wrap:anywhere}
.api h3{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:1rem}
.api pre{background:#f3f3f1;border:1px solid #e0e0e0;border-radius:6px;padding:.6rem .8rem;overflow:auto;
font-size:.82rem;max-height:28rem}
.method{display:inline-block;font-size:.75rem;font-weight:800;padding:.05rem .45rem;border-radius:4px;color:#fff;
background:#555;margin-right:.4rem}
.method.post{background:#0b64a0}.method.get{background:#1f7a57}
"""


def _page(title: str, body: str) -> str:
    return page(title, body, csp=PAGE_CSP, extra_css=_FORM_CSS)


def _top() -> str:
    return (
        '<div class="top"><a class="brand" href="/">storytrace</a>'
        '<nav aria-label="Site"><a href="/">Compare</a><a href="/docs">API</a>'
        '<a href="/health">Health</a></nav></div>'
    )


def _error(message: str | None) -> str:
    if not message:
        return ""
    return f'<div class="error" role="alert"><strong>Error:</strong> {escape(message)}</div>'


def home_page(
    *,
    index_name: str | None,
    index_articles: int | None,
    error: str | None = None,
    values: dict[str, str] | None = None,
    max_bytes: int = 2_000_000,
) -> str:
    """The start page: compare two articles; trace one when the app has an index."""
    v = values or {}

    def val(name: str) -> str:
        return escape(v.get(name, ""))

    def side(name: str, label: str, hint: str) -> str:
        return (
            f"<fieldset><legend>{label}</legend>"
            f'<label for="{name}_title">Headline (optional)</label>'
            f'<input type="text" id="{name}_title" name="{name}_title" value="{val(name + "_title")}" maxlength="500">'
            + _published_input(f"{name}_published", f"{name}_published", val(f"{name}_published"))
            + f'<label for="{name}_text">Article text</label>'
            f'<textarea id="{name}_text" name="{name}_text" placeholder="{hint}">{val(name + "_text")}</textarea>'
            f'<label for="{name}_file">or upload a file (.txt or .html)</label>'
            f'<input type="file" id="{name}_file" name="{name}_file" accept="{_ACCEPT}">'
            "</fieldset>"
        )

    fmt = v.get("input_format", "text")
    checked_text = " checked" if fmt != "html" else ""
    checked_html = " checked" if fmt == "html" else ""
    compare_form = (
        '<section class="card" aria-labelledby="cmp-h"><h2 id="cmp-h">Compare two articles</h2>'
        '<p class="lead">Paste or upload the original and the suspect: the report shows them side by side, '
        "every copied, reworded or added sentence, and each change the rewrite made.</p>"
        '<form method="post" action="/ui/compare" enctype="multipart/form-data" id="compare-form">'
        '<div class="pair">'
        + side("original", "Original", "The article the suspect may come from")
        + side("suspect", "Suspect", "The article that may be a rewrite")
        + "</div>"
        '<div class="row"><span>Pasted text is:</span>'
        f'<label><input type="radio" name="input_format" value="text"{checked_text}> plain text</label>'
        f'<label><input type="radio" name="input_format" value="html"{checked_html}> an HTML page</label>'
        '<button class="go" type="submit" id="compare-submit">Compare</button>'
        f'<span class="hint">Up to {max_bytes / 1e6:.1f} MB per request. Nothing is stored.</span></div>'
        "</form></section>"
    )
    trace_form = ""
    if index_name is not None:
        trace_form = (
            '<section class="card" aria-labelledby="trace-h"><h2 id="trace-h">Trace an article</h2>'
            f'<p class="lead">Find where an article comes from among the {index_articles or 0} articles of the '
            f"index <strong>{escape(index_name)}</strong>.</p>"
            '<form method="post" action="/ui/trace" enctype="multipart/form-data" id="trace-form">'
            '<label for="trace_title">Headline (optional)</label>'
            f'<input type="text" id="trace_title" name="title" value="{val("title")}" maxlength="500">'
            # the CLI and the API take the suspect's own date as the bound: no source younger than it
            + _published_input("trace_published", "published", val("published"), bound=True)
            + '<label for="trace_text">Article text</label>'
            f'<textarea id="trace_text" name="text" placeholder="The suspect article">{val("text")}</textarea>'
            '<label for="trace_file">or upload a file (.txt or .html)</label>'
            f'<input type="file" id="trace_file" name="file" accept="{_ACCEPT}">'
            '<div class="row"><label for="trace_top">Candidates to compare</label>'
            f'<input type="number" id="trace_top" name="top" min="1" max="20" value="{val("top") or "5"}">'
            # the CLI's --before and the API's "before": pasted text carries no date of its own
            '<label for="trace_before">Only sources published on or before (optional)</label>'
            f'<input type="date" id="trace_before" name="before" value="{val("before")}">'
            '<button class="go" type="submit" id="trace-submit">Trace</button></div>'
            "</form></section>"
        )
    return _page("storytrace", _top() + _error(error) + compare_form + trace_form)


def _published_input(id_: str, name: str, value: str, *, bound: bool = False) -> str:
    """A publication date field: free text, as dates are copied from pages ("March 14, 2024", "14/03/2024");
    the app reads it as the API does and says so when it cannot (or when it reads two ways)."""
    hint = (
        "sources published after it are left out, as on the command line"
        if bound
        else "with both dates, the earlier article is the original"
    )
    return (
        f'<label for="{id_}">Publication date (optional)</label>'
        f'<input type="text" id="{id_}" name="{name}" value="{value}" maxlength="100" '
        f'placeholder="2024-03-14" aria-describedby="{id_}_hint">'
        f'<span class="hint" id="{id_}_hint">YYYY-MM-DD, or as the page gives it; {hint}</span>'
    )


def _mark(source: bool, qualifies: bool) -> str:
    """The named source is marked; another candidate that qualifies too is an other version or part."""
    return " <strong>(source)</strong>" if source else " (also qualifies)" if qualifies else ""


def trace_page(result: Any, *, text: str, title: str, input_format: str, published: str = "") -> str:
    """Ranked candidate sources, each with its comparison summary and a button for the full report."""
    d = result.to_dict()
    a = result.suspect.article
    name = a.title or "the suspect"
    if d["source"]:
        head = f'<p class="src-found">Source found: <span class="cid">{escape(d["source"])}</span></p>'
        caveats = trace_source_caveats(result)
        head += "".join(f'<p class="hint"><strong>Note:</strong> {escape(x)}.</p>' for x in caveats)
    elif result.too_short:
        head = (
            '<p class="src-found">No source found</p>'
            f'<p class="hint">{escape(result.too_short_note()[0].upper() + result.too_short_note()[1:])}.</p>'
        )
    else:
        # the terminal's and the HTML report's words (trace_headline): what was found, then why, as a hint
        found, _, why = trace_headline(result).partition(": ")
        head = f'<p class="src-found">{escape(found[:1].upper() + found[1:])}</p>'
        head += f'<p class="hint">{escape(why[:1].upper() + why[1:])}.</p>' if why else ""
    head += "".join(f'<p class="warn" role="note"><strong>Warning:</strong> {escape(w)}</p>' for w in result.warnings)
    undated = trace_undated_note(result)
    if undated:
        head += f'<p class="hint"><strong>Note:</strong> {escape(undated)}.</p>'
    itself = trace_indexed_as_note(result)
    if itself:
        head += f'<p class="hint"><strong>Note:</strong> {escape(itself)}.</p>'
    copies = trace_read_as_copies_note(result)
    if copies:
        head += f'<p class="hint"><strong>Note:</strong> {escape(copies)}.</p>'
    later_stamp = trace_stamped_later_note(result)
    if later_stamp:
        head += f'<p class="hint"><strong>Note:</strong> {escape(later_stamp)}.</p>'
    later = trace_held_back_note(result)
    if later:
        # later copies of an original are news to the reader, not a warning
        label = "" if trace_later_copies(result) else "<strong>Note:</strong> "
        head += f'<p class="hint">{label}{escape(later[:1].upper() + later[1:])}.</p>'
    before = f'<p class="hint">Only sources published on or before {escape(d["before"])}.</p>' if d["before"] else ""
    note = result.sources_note()
    if note:
        before += f'<p class="hint">{escape(note)}.</p>'
    rows = []
    for rank, (c, cd) in enumerate(zip(result.candidates, d["candidates"], strict=True), start=1):
        meta = c.meta or {}
        bits = [str(x) for x in (meta.get("title"), meta.get("outlet"), meta.get("published")) if x]
        bits += trace_candidate_marks(result, c)
        r = c.report
        if r is not None:
            counts = Counter(f.type for f in r.findings if f.severity in ("high", "medium"))
            # every type: a cut list dropped a medium hedge change without a word (qa24)
            findings = ", ".join(f"{t.replace('_', ' ')} {n}" for t, n in counts.most_common()) or "none"
            relation = candidate_relation(r)
            summary = (
                f"<strong>{escape(relation)}</strong> ({r.verdict.confidence:.2f})<br>"
                f'<span class="hint">{escape(r.verdict.direction.replace("_", " "))}</span>'
            )
            scores = f"reuse {r.scores.reuse:.0%}<br>coverage {r.scores.coverage:.0%}"
            button = (
                f'<button class="small" type="submit" form="full" name="candidate" value="{escape(c.id)}">'
                "Full comparison</button>"
            )
        else:
            why = "too long to compare" if c.too_long else "not compared"
            findings, summary, scores, button = "\u2014", f'<span class="hint">{why}</span>', "\u2014", ""
        contributed = ""
        if c.qualifies and note and c.version_of is None:
            sentences = ", ".join(map(str, c.contributed))
            contributed = f'<br><span class="hint">suspect sentences {escape(sentences)}</span>'
        rows.append(
            f'<tr class="{"qualifies" if c.qualifies else ""}"><td>{rank}</td>'
            f'<td><span class="cid">{escape(c.id)}</span>{_mark(c.id == result.source, c.qualifies)}'
            f'<br><span class="hint">{escape(_DOT.join(bits))}</span>{contributed}</td>'
            f"<td>{cd['score']:.2f}</td><td>{summary}</td><td>{scores}</td><td>{escape(findings)}</td>"
            f"<td>{button}</td></tr>"
        )
    table = (
        '<table class="cands"><thead><tr><th>#</th><th>candidate</th><th>retrieval</th><th>verdict</th>'
        "<th>scores</th><th>high and medium findings</th><th></th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
        + f'<p class="hint">{escape(RETRIEVAL_NOTE)}.</p>'
        if rows
        else ""
        if result.too_short  # nothing was searched: the head says why
        else f'<p class="hint">{escape(result.empty_note() or "The index holds no candidate for this article")}.</p>'
    )
    if d["source"] and d["unexplained"]:  # as the CLI and the JSON say: what no source accounts for
        table += unexplained_html(result, "hint")
    form = (
        '<form method="post" action="/ui/trace/compare" id="full" hidden>'
        f'<textarea name="text" hidden>{escape(text)}</textarea>'
        f'<input type="hidden" name="title" value="{escape(title)}">'
        f'<input type="hidden" name="published" value="{escape(published)}">'
        f'<input type="hidden" name="input_format" value="{escape(input_format)}">'
        "</form>"
    )
    body = (
        _top()
        + f'<section class="card" aria-labelledby="tr-h"><h2 id="tr-h">Trace: {escape(name)}</h2>'
        + f'<p class="hint">{d["suspect"]["sentences"]} sentences</p>'
        + head
        + before
        + table
        + form
        + '<p><a href="/">\u2190 New search</a></p></section>'
    )
    return _page(f"storytrace trace: {name}", body)


def error_page(message: str, *, status: int) -> str:
    body = _top() + _error(message) + f'<p class="hint">HTTP {status}</p><p><a href="/">\u2190 Back</a></p>'
    return _page(f"storytrace: error {status}", body)


def docs_page(openapi: dict[str, Any]) -> str:
    """The API reference, from the app's OpenAPI document, with nothing loaded from elsewhere."""
    parts = [
        _top(),
        '<section class="card api" aria-labelledby="api-h">',
        f'<h2 id="api-h">{escape(openapi.get("info", {}).get("title", "API"))} '
        f"{escape(str(openapi.get('info', {}).get('version', '')))}</h2>",
        f'<p class="lead">{escape(openapi.get("info", {}).get("description", ""))}</p>',
        '<p>The machine-readable description: <a href="/openapi.json">/openapi.json</a> (OpenAPI '
        f"{escape(str(openapi.get('openapi', '')))}).</p>",
    ]
    for path, methods in openapi.get("paths", {}).items():
        for method, op in methods.items():
            parts.append(
                f'<h3><span class="method {escape(method)}">{escape(method.upper())}</span>{escape(path)}</h3>'
                f"<p><strong>{escape(op.get('summary', ''))}</strong></p>"
                f"<p>{escape(op.get('description', ''))}</p>"
            )
            body = op.get("requestBody", {}).get("content", {})
            for ctype, spec in body.items():
                schema = _schema_text(spec.get("schema"), openapi)
                parts.append(f"<p>Request body ({escape(ctype)}):</p><pre>{escape(schema)}</pre>")
            responses = op.get("responses", {})
            items = "".join(
                f"<li><strong>{escape(code)}</strong> {escape(r.get('description', ''))}</li>"
                for code, r in responses.items()
            )
            parts.append(f"<p>Responses:</p><ul>{items}</ul>")
    parts.append("</section>")
    return _page("storytrace API", "".join(parts))


def _schema_text(schema: Any, openapi: dict[str, Any]) -> str:
    if isinstance(schema, dict) and "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = openapi.get("components", {}).get("schemas", {}).get(name, schema)
    return json.dumps(schema, indent=2, ensure_ascii=False)
