"""The HTML report: one self-contained file, the two articles side by side.

``report_to_html(report)`` renders a comparison (a :class:`~storytrace.comparison.Report`, or the JSON report
``report.to_dict()`` — the same data, so a stored JSON report renders the same page) as one HTML file: inline
CSS, a small inline script, no network, no CDN; it opens from disk or an e-mail attachment and prints.

- verdict and scores on top;
- the original (left) and the suspect (right), each suspect sentence coloured by its alignment kind and
  labelled (V, NV, P, PT, +), linked to its source sentence(s): hover, focus or click one and its partners
  on both sides are highlighted, a click scrolls the partner into view;
- every finding marked where it happens, in both texts, numbered like a footnote, with its detail on hover
  and on focus; the findings list (by severity) scrolls to each mark; dropped sentences of the original are
  marked "omitted".

Safety: article text is untrusted markup. Every piece of text from the report goes through ``html.escape``
(text and attribute values alike); none of it is ever put into script source or a URL. The report's JSON rides
along for tools in a ``<script type="application/json">`` block (never executed) with ``<``, ``>``, ``&`` and
U+2028/9 escaped. A Content-Security-Policy allows no network at all and only the one inline script, by its
SHA-256 hash, so even markup that slipped through could not run a script.
"""

from __future__ import annotations

import base64
import hashlib
import json
from bisect import bisect_right
from collections.abc import Mapping
from html import escape
from typing import TYPE_CHECKING, Any

from storytrace.report.summary import KIND_WORDS, SEVERITY_ORDER, count_parts, plural

if TYPE_CHECKING:
    from storytrace.comparison import Report

#: Alignment kinds: (short label shown on each sentence, name, what it means).
KIND_LABELS: dict[str, tuple[str, str, str]] = {
    "verbatim": ("V", KIND_WORDS["verbatim"], "the same words"),
    "near_verbatim": ("NV", KIND_WORDS["near_verbatim"], "a word or two changed"),
    "paraphrase": ("P", KIND_WORDS["paraphrase"], "the same content in other words"),
    "partial": ("PT", KIND_WORDS["partial"], "part supported, part not"),
    "added": ("+", KIND_WORDS["added"], "nothing in the original"),
}
TYPE_LABELS = {
    "quote_altered": "quote altered",
    "quote_fabricated": "quote fabricated",
    "number_changed": "number changed",
    "date_changed": "date changed",
    "attribution_changed": "attribution changed",
    "hedge_changed": "hedge changed",
    "entity_changed": "entity changed",
    "claim_added": "claim added",
    "fact_omitted": "fact omitted",
}
_DOT = " \u00b7 "
RELATION_WORDS = {
    "derived": "Derived from the original",
    "partially_derived": "Partly derived from the original",
    "related": "Related: the same story, written independently",
    "unrelated": "Unrelated",
}
DIRECTION_WORDS = {
    "as_given": "the suspect copied the original",
    "reversed": "the original copied the suspect",
    "unclear": "unclear which came first",
}

_CSS = """
:root{--ink:#1b1b1b;--muted:#555;--line:#d0d0d0;--paper:#fff;--bg:#f6f6f4;
--k-verbatim:#f7cdb8;--k-near_verbatim:#fbe0a6;--k-paraphrase:#cbe4f5;--k-partial:#ead0e3;--k-added:#c6eadc;--k-part:#e0e0f2;
--sev-high:#b8460f;--sev-medium:#0b64a0;--sev-low:#6b6b6b;--sev-info:#767676;--sel:#111;--hover:#0072b2;}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);
font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.wrap{max-width:1500px;margin:0 auto;padding:1rem 1.25rem 4rem}
a{color:#0a58a0}
h1{font-size:1.05rem;margin:0;color:var(--muted);font-weight:600;letter-spacing:.02em}
h2{font-size:1.05rem;margin:0 0 .25rem}
h3{font-size:.95rem;margin:1rem 0 .4rem}
.nav{margin:0 0 .6rem}
.summary{background:var(--paper);border:1px solid var(--line);border-radius:8px;padding:1rem 1.25rem;
display:grid;grid-template-columns:minmax(0,1.1fr) minmax(0,1fr);gap:.5rem 2rem}
.verdict{font-size:1.45rem;font-weight:700;margin:.2rem 0 .1rem;display:flex;align-items:center;gap:.6rem;
flex-wrap:wrap}
.badge{display:inline-block;font-size:.78rem;font-weight:700;padding:.15rem .55rem;border-radius:999px;color:#fff;
letter-spacing:.03em;text-transform:uppercase}
.rel-derived{background:#b5400e}.rel-partially_derived{background:#8a5a00}.rel-related{background:#0b64a0}
.rel-unrelated{background:#1f7a57}
.sub{color:var(--muted);margin:0}
.scores{display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:.75rem;margin:.6rem 0 .3rem}
.score .name{display:block;font-size:.8rem;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.score .val{font-size:1.35rem;font-weight:700}
.bar{display:block;height:6px;background:#e4e4e4;border-radius:3px;overflow:hidden;margin-top:.15rem}
.bar>span{display:block;height:100%;background:#444}
.evidence{margin:.3rem 0 0;padding-left:1.1rem;color:#333}
.evidence li{margin:.1rem 0}
.counts{margin:.2rem 0;color:#333}
.warn{background:#fff4d6;border:1px solid #e0b84a;border-radius:6px;padding:.4rem .7rem;margin:.6rem 0 0}
.legend{display:flex;flex-wrap:wrap;gap:.35rem 1rem;align-items:center;margin:.9rem 0 .6rem;font-size:.85rem}
.legend .lg{display:inline-flex;align-items:center;gap:.3rem}
.legend .sw{display:inline-block;padding:0 .35rem;border-radius:3px;font-weight:700;font-size:.75rem}
.legend .hint{color:var(--muted)}
.cols{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1.25rem}
.col{background:var(--paper);border:1px solid var(--line);border-radius:8px;display:flex;flex-direction:column;
min-width:0}
.colhead{padding:.7rem 1.1rem .55rem;border-bottom:1px solid var(--line)}
.colhead .who{font-size:.75rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);font-weight:700}
.colhead .title{font-size:1.05rem;font-weight:700;margin:.1rem 0 0;overflow-wrap:anywhere}
.colhead .meta{font-size:.82rem;color:var(--muted);overflow-wrap:anywhere}
.pane{padding:.4rem 1.1rem 1rem;overflow-wrap:break-word}
@media (min-width:900px){.pane{max-height:calc(100vh - 9rem);overflow-y:auto}}
.text{font-family:Charter,"Bitstream Charter","Sitka Text",Cambria,Georgia,serif;font-size:1.02rem;
line-height:1.7}
.text p{margin:.65rem 0}
.s{border-radius:3px;padding:.08em .1em;-webkit-box-decoration-break:clone;box-decoration-break:clone;
cursor:pointer;transition:outline-color .1s}
.s.k-verbatim{background:var(--k-verbatim)}.s.k-near_verbatim{background:var(--k-near_verbatim)}
.s.k-paraphrase{background:var(--k-paraphrase)}.s.k-partial{background:var(--k-partial)}
.s.k-added{background:var(--k-added)}.s.k-part{background:var(--k-part)}
.s.dropped{background:repeating-linear-gradient(135deg,#eee,#eee 5px,#e2e2e2 5px,#e2e2e2 10px);color:#333;
text-decoration:line-through;text-decoration-color:#888;text-decoration-thickness:1px;cursor:default}
.s.boiler{color:#888;font-style:italic;cursor:default}
.tag{display:inline-block;font:700 .62rem/1.25 system-ui,sans-serif;padding:0 .28rem;margin:0 .25rem 0 0;
border-radius:3px;background:rgba(0,0,0,.72);color:#fff;vertical-align:.18em;text-decoration:none;
-webkit-user-select:none;user-select:none;letter-spacing:.02em}
.s.dropped .tag{background:#555;text-decoration:none}
.s.hover{outline:2px solid var(--hover);outline-offset:1px}
.s.sel{outline:3px solid var(--sel);outline-offset:1px;box-shadow:0 0 0 5px rgba(255,214,0,.55)}
mark.f{background:transparent;color:inherit;border-bottom:3px solid var(--sev-info);cursor:pointer;padding:0}
mark.f.sev-high{border-bottom-color:var(--sev-high)}
mark.f.sev-medium{border-bottom:3px dashed var(--sev-medium)}
mark.f.sev-low{border-bottom:2px dotted var(--sev-low)}
mark.f.sev-info{border-bottom:1px dotted var(--sev-info)}
mark.f.fsel,.s.fsel{background:#ffe14d;outline:2px solid var(--sel);outline-offset:1px}
.fn{display:inline-block;min-width:1.2em;font:700 .62rem/1.35 system-ui,sans-serif;text-align:center;
padding:0 .2rem;border-radius:999px;color:#fff;background:var(--sev-info);vertical-align:.45em;
text-decoration:none;margin-left:.1rem;-webkit-user-select:none;user-select:none}
.fn.sev-high{background:var(--sev-high)}.fn.sev-medium{background:var(--sev-medium)}
.fn.sev-low{background:var(--sev-low)}
:focus-visible{outline:3px solid #000!important;outline-offset:2px}
.findings{background:var(--paper);border:1px solid var(--line);border-radius:8px;padding:.9rem 1.25rem;
margin-top:1.25rem}
.findings ol{list-style:none;margin:0;padding:0}
.fold>summary{cursor:pointer;list-style-position:outside;margin-left:1rem}
.fold>summary h3{display:inline-block;margin:.6rem 0 .4rem}
.fold:not([open])>summary h3::after{content:" \u2014 show";font-weight:400;color:var(--muted)}
.findings li{border-top:1px solid #eee;padding:.45rem .2rem}
.findings li.fsel{background:#fff6c2;outline:none}
.fi{display:grid;grid-template-columns:2.2rem 5.2rem minmax(0,1fr);gap:.6rem;color:inherit;
text-decoration:none;align-items:baseline}
.fi:hover .detail{text-decoration:underline}
.fi .num{font-weight:700;color:var(--muted)}
.sev{display:inline-block;font-size:.7rem;font-weight:700;text-transform:uppercase;letter-spacing:.04em;
padding:.05rem .4rem;border-radius:3px;color:#fff;background:var(--sev-info);text-align:center}
.sev.sev-high{background:var(--sev-high)}.sev.sev-medium{background:var(--sev-medium)}
.sev.sev-low{background:var(--sev-low)}
.ftype{font-weight:700}
.where{color:var(--muted);font-size:.85rem}
.words{display:block;font-family:Charter,Georgia,serif;color:#333;font-size:.95rem;margin-top:.1rem}
.words .lbl{font:700 .7rem system-ui,sans-serif;text-transform:uppercase;color:var(--muted);margin-right:.3rem}
.none{color:var(--muted)}
#inspector{position:fixed;left:50%;bottom:1rem;transform:translateX(-50%);width:min(760px,calc(100% - 2rem));
background:#fff;border:2px solid #222;border-radius:8px;box-shadow:0 6px 24px rgba(0,0,0,.25);
padding:.6rem 2.4rem .6rem .9rem;z-index:10}
#inspector .close{position:absolute;right:.4rem;top:.3rem;border:0;background:none;font-size:1.3rem;
cursor:pointer;line-height:1}
#inspector .fi{grid-template-columns:2.2rem 5.2rem minmax(0,1fr)}
footer{margin-top:1.25rem;color:var(--muted);font-size:.78rem;overflow-wrap:anywhere}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:899px){.summary{grid-template-columns:1fr}.cols{grid-template-columns:1fr}}
@media print{
body{background:#fff;font-size:10pt}
.wrap{max-width:none;padding:0}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.pane{max-height:none!important;overflow:visible!important}
.cols{grid-template-columns:1fr 1fr;gap:.5cm}
.text{font-size:9.5pt;line-height:1.45}
#inspector,.nav,.legend .hint{display:none!important}
.s.hover,.s.sel,mark.f.fsel{outline:none;box-shadow:none}
.findings li{break-inside:avoid}
.summary,.col,.findings{border-color:#999}
}
"""

_SCRIPT = """
(function () {
  "use strict";
  var d = document;
  var smooth = !(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);
  function all(sel, root) { return Array.prototype.slice.call((root || d).querySelectorAll(sel)); }
  function words(el, name) { return (el.getAttribute(name) || "").split(" ").filter(Boolean); }
  function clear(cls) { all("." + cls).forEach(function (e) { e.classList.remove(cls); }); }
  function add(els, cls) { els.forEach(function (e) { e.classList.add(cls); }); }
  function partners(s) {
    var out = [s];
    words(s, "data-link").forEach(function (l) {
      all('.s[data-link~="' + l + '"]').forEach(function (p) { if (out.indexOf(p) < 0) { out.push(p); } });
    });
    return out;
  }
  function paneOf(el) {
    var box = el.closest(".pane");
    return box && box.scrollHeight > box.clientHeight + 1 ? box : null;
  }
  function reveal(el) {
    var box = paneOf(el), how = smooth ? "smooth" : "auto";
    if (box) {
      var r = el.getBoundingClientRect(), b = box.getBoundingClientRect();
      if (r.top < b.top + 8 || r.bottom > b.bottom - 8) {
        box.scrollTo({top: box.scrollTop + (r.top - b.top) - Math.max(0, (b.height - r.height) / 2), behavior: how});
      }
      return;
    }
    var rr = el.getBoundingClientRect();
    if (rr.top < 0 || rr.bottom > window.innerHeight) { el.scrollIntoView({block: "center", behavior: how}); }
  }
  function showColumns(els) {
    var cols = d.querySelector(".cols");
    if (!cols || !els.some(paneOf)) { return; }
    var c = cols.getBoundingClientRect();
    if (c.top < -40 || c.top > window.innerHeight * 0.4) { cols.scrollIntoView({block: "start", behavior: "auto"}); }
  }
  function selectSentence(s, scroll) {
    clear("sel");
    var ps = partners(s);
    add(ps, "sel");
    if (scroll) {
      var col = s.closest(".col");
      ps.filter(function (p) { return p.closest(".col") !== col; }).slice(0, 1).forEach(reveal);
    }
  }
  var inspector = d.getElementById("inspector");
  var inspectorBody = d.getElementById("inspector-body");
  function showFinding(n, scroll) {
    clear("fsel");
    var marks = all('mark.f[data-f~="' + n + '"], .s[data-f~="' + n + '"]');
    add(marks, "fsel");
    var item = d.getElementById("fl" + n);
    if (item) {
      item.classList.add("fsel");
      var body = item.querySelector(".fi");
      if (body && inspector && inspectorBody) {
        while (inspectorBody.firstChild) { inspectorBody.removeChild(inspectorBody.firstChild); }
        var copy = body.cloneNode(true);
        copy.removeAttribute("href");
        copy.removeAttribute("id");
        inspectorBody.appendChild(copy);
        inspector.hidden = false;
      }
    }
    if (scroll) {
      showColumns(marks);
      var seen = {};
      marks.forEach(function (m) {
        var col = m.closest(".col");
        if (col && !seen[col.id]) { seen[col.id] = true; reveal(m); }
      });
    }
  }
  function hideInspector() { if (inspector) { inspector.hidden = true; } }
  function clearAll() { clear("sel"); clear("fsel"); clear("hover"); hideInspector(); }
  function findingOf(el) {
    var m = el.closest("mark.f, .s.dropped[data-f]");
    return m ? words(m, "data-f")[0] : null;
  }
  d.addEventListener("mouseover", function (ev) {
    var s = ev.target.closest && ev.target.closest(".s[data-link]");
    clear("hover");
    if (s) { add(partners(s), "hover"); }
  });
  d.addEventListener("focusin", function (ev) {
    var t = ev.target;
    clear("hover");
    if (!t.closest) { return; }
    var s = t.closest(".s[data-link]");
    if (s) { add(partners(s), "hover"); }
    if (t.matches("mark.f, .s.dropped[data-f]")) { showFinding(words(t, "data-f")[0], false); }
  });
  function activate(t) {
    var link = t.closest("a.fi, a.fn");
    if (link) {
      var n = link.getAttribute("data-f");
      if (link.classList.contains("fi") && n) { showFinding(n, true); return true; }
      var to = d.getElementById((link.getAttribute("href") || "").slice(1));
      var fold = to && to.closest("details");
      if (fold) { fold.open = true; }
      return false;
    }
    var n2 = findingOf(t);
    if (n2) { showFinding(n2, false); }
    var s = t.closest(".s[data-link]");
    if (s) { selectSentence(s, true); }
    return Boolean(n2 || s);
  }
  d.addEventListener("click", function (ev) {
    if (!ev.target.closest) { return; }
    if (ev.target.closest("#inspector .close")) { clearAll(); return; }
    if (ev.target.closest("#inspector")) { return; }
    if (activate(ev.target)) {
      if (ev.target.closest("a.fi")) { ev.preventDefault(); }
    } else if (!ev.target.closest("a, button")) {
      clear("sel");
    }
  });
  d.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { clearAll(); return; }
    if ((ev.key === "Enter" || ev.key === " ") && ev.target.matches &&
        ev.target.matches(".s[data-link], mark.f, .s.dropped[data-f]")) {
      ev.preventDefault();
      activate(ev.target);
    }
  });
  function openFoldOf(hash) {
    var to = hash.length > 1 ? d.getElementById(hash.slice(1)) : null;
    var fold = to && to.closest("details.fold");
    if (fold && !fold.open) { fold.open = true; to.scrollIntoView({block: "start"}); }
  }
  window.addEventListener("hashchange", function () { openFoldOf(location.hash); });
  openFoldOf(location.hash);
  window.addEventListener("beforeprint", function () {
    all("details.fold").forEach(function (f) { f.open = true; });
  });
  d.documentElement.classList.add("js");
})();
"""

#: The Content-Security-Policy of the report: no network, no plugins, only the inline script above.
SCRIPT_HASH = "sha256-" + base64.b64encode(hashlib.sha256(_SCRIPT.encode("utf-8")).digest()).decode("ascii")
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    f"script-src '{SCRIPT_HASH}'; base-uri 'none'; form-action 'none'"
)


def report_to_html(
    report: Report | dict[str, Any],
    *,
    back_link: tuple[str, str] | None = None,
    preamble: str = "",
    parts: Mapping[int, tuple[int, str]] | None = None,
) -> str:
    """The report as one self-contained HTML page (UTF-8 text).

    ``report``: a Report, or the JSON report (``report.to_dict()``, schema ``storytrace.report/1``).
    ``back_link``: ``(href, label)`` of a navigation link above the report (the web app's "new comparison");
    the href must be a relative path the caller controls, never one taken from a request. ``preamble``:
    trusted, already escaped HTML shown above the report (``trace_to_html``'s candidate list). ``parts``: of a
    stitched suspect, each suspect sentence another part explains -> that part's (number in the candidate list,
    id), labelled so instead of "added".
    """
    d = report if isinstance(report, dict) else report.to_dict()
    view = _View(d, parts)
    verdict = d["verdict"]
    der_name = d["derived"].get("title") or d["derived"].get("id") or "suspect"
    shown = "too short to judge" if verdict.get("too_short") else verdict["relation"].replace("_", " ")
    title = f"storytrace: {shown} \u2014 {der_name}"
    nav = ""
    if back_link is not None:
        nav = f'<p class="nav"><a href="{escape(back_link[0])}">{escape(back_link[1])}</a></p>'
    body = "".join(
        [
            nav,
            preamble,
            _summary(d),
            _legend(bool(view.parts)),
            '<main class="cols">',
            _column(d, view, "source"),
            _column(d, view, "derived"),
            "</main>",
            _findings_list(d, view),
            '<div id="inspector" role="status" aria-live="polite" hidden>'
            '<button type="button" class="close" aria-label="Close">\u00d7</button>'
            '<div id="inspector-body"></div></div>',
            _footer(d),
        ]
    )
    return page(title, body, data=d, extra_css=_TRACE_CSS if preamble else "")


_TRACE_CSS = (
    ".trace{margin:0 0 1.5em}.trace table{border-collapse:collapse;width:100%;font-size:.9em}"
    ".trace th,.trace td{border-bottom:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}"
    ".trace tr.source td{background:#fff4e5}.trace .id{font-family:monospace}"
)


def unexplained_html(result: Any, css_class: str = "") -> str:
    """The suspect sentences no source explains, numbered as in the JSON and quoted: the numbers alone sent the
    reader counting sentences, and these are what the suspect added to its sources."""
    numbers = ", ".join(map(str, result.unexplained))
    cls = f' class="{css_class}"' if css_class else ""
    items = "".join(
        f"<li>[{i}] {escape(' '.join(result.suspect.sentence_text(i).split()))}</li>" for i in result.unexplained
    )
    return f"<p{cls}>Suspect sentences no source explains: {escape(numbers)}.</p><ul{cls}>{items}</ul>"


def trace_to_html(result: Any) -> str:
    """A trace (``storytrace.trace.TraceResult``) as one self-contained page: the ranked candidates, then
    the side-by-side report of the suspect against its source when one was found."""
    from storytrace.report.summary import (
        RETRIEVAL_NOTE,
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

    d = result.to_dict()
    name = d["suspect"].get("title") or d["suspect"].get("id") or "suspect"
    if d["source"]:
        head = f'<p><strong>Source found:</strong> <span class="id">{escape(d["source"])}</span></p>'
        head += "".join(f"<p><strong>Note:</strong> {escape(x)}.</p>" for x in trace_source_caveats(result))
    elif result.too_short:
        head = f"<p><strong>No source found:</strong> {escape(result.too_short_note())}.</p>"
    else:
        # the terminal's and the web page's words (trace_headline), not a copy of them
        headline = trace_headline(result)
        head = f"<p><strong>{escape(headline[:1].upper() + headline[1:])}.</strong></p>"
    undated = trace_undated_note(result)
    if undated:
        head += f"<p><strong>Note:</strong> {escape(undated)}.</p>"
    itself = trace_indexed_as_note(result)
    if itself:
        head += f"<p><strong>Note:</strong> {escape(itself)}.</p>"
    copies = trace_read_as_copies_note(result)
    if copies:
        head += f"<p><strong>Note:</strong> {escape(copies)}.</p>"
    later_stamp = trace_stamped_later_note(result)
    if later_stamp:
        head += f"<p><strong>Note:</strong> {escape(later_stamp)}.</p>"
    later = trace_held_back_note(result)
    if later:
        # later copies of an original are news to the reader, not a warning
        label = "" if trace_later_copies(result) else "<strong>Note:</strong> "
        head += f"<p>{label}{escape(later[:1].upper() + later[1:])}.</p>"
    if d["before"]:
        head += f"<p>Only sources published on or before {escape(d['before'])}.</p>"
    note = result.sources_note()
    if note:
        head += f"<p>{escape(note)}.</p>"
    rows = []
    stitched = note is not None  # several sources: what each one explains
    for k, c in enumerate(d["candidates"], start=1):
        meta = c["meta"] or {}
        about = " \u00b7 ".join(str(meta[x]) for x in ("title", "outlet", "published") if meta.get(x))
        if stitched and c["qualifies"] and c["version_of"] is None:
            about += f" \u2014 suspect sentences {', '.join(map(str, c['contributed']))}"
        about += "".join(f" ({m})" for m in trace_candidate_marks(result, result.candidates[k - 1]))
        if c["compared"]:
            relation = "too short to judge" if c["too_short"] else c["relation"].replace("_", " ")
            verdict = f"{relation} ({c['direction'].replace('_', ' ')})"
            scores = f"reuse {c['reuse']:.0%}, coverage {c['coverage']:.0%}"
            findings = ", ".join(f"{t.replace('_', ' ')} {n}" for t, n in c["findings"].items()) or "none"
        else:
            verdict = "too long to compare" if c.get("too_long") else "not compared"
            scores, findings = "\u2014", "\u2014"
        rows.append(
            f'<tr class="{"source" if c["qualifies"] else ""}"><td>{k}</td>'
            f'<td><span class="id">{escape(str(c["id"]))}</span><br>{escape(about)}</td>'
            f"<td>{c['score']:.2f}</td><td>{escape(verdict)}</td><td>{escape(scores)}</td>"
            f"<td>{escape(findings)}</td></tr>"
        )
    table = (
        "<table><thead><tr><th>#</th><th>candidate</th><th>retrieval</th><th>verdict</th><th>scores</th>"
        "<th>findings</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
        f"<p><small>{escape(RETRIEVAL_NOTE)}.</small></p>"
        if rows
        else ""
        if result.too_short  # nothing was searched: the head says why
        else f"<p>{escape(result.empty_note() or 'The index holds no candidate for this article')}.</p>"
    )
    if d["source"] and d["unexplained"]:
        table += unexplained_html(result)
    preamble = f'<section class="trace"><h1>Trace: {escape(str(name))}</h1>{head}{table}</section>'
    source = next((c for c in result.candidates if c.id == result.source and c.report is not None), None)
    if source is not None:
        return report_to_html(source.report, preamble=preamble, parts=_other_parts(result, source))
    return page(f"storytrace trace: {name}", preamble, extra_css=_TRACE_CSS)


def _other_parts(result: Any, source: Any) -> dict[int, tuple[int, str]]:
    """Of a stitched suspect, the sentences only another part explains -> that part's (number in the candidate
    list, id): shown beside the source, they read as "added" though the suspect took them from that part (qa24).
    A version of the source is no other part."""
    if not result.stitched:
        return {}
    own = set(source.contributed)
    out: dict[int, tuple[int, str]] = {}
    for number, c in enumerate(result.candidates, start=1):
        if c.qualifies and c.version_of is None and c.id != source.id:
            for i in c.contributed:
                if i not in own:
                    out.setdefault(i, (number, c.id))
    return out


def page(title: str, body: str, *, data: dict[str, Any] | None = None, csp: str = CSP, extra_css: str = "") -> str:
    """A complete page with the report's stylesheet and script (``body`` is trusted, already escaped HTML)."""
    from storytrace import __version__

    data_block = ""
    if data is not None:
        data_block = f'<script type="application/json" id="storytrace-report">{json_for_html(data)}</script>'
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{escape(csp)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f'<meta name="generator" content="storytrace {escape(__version__)}">\n'
        f"<title>{escape(title)}</title>\n"
        f"<style>{_CSS}{extra_css}</style>\n</head>\n"
        f'<body>\n<div class="wrap">\n{body}\n</div>\n{data_block}\n<script>{_SCRIPT}</script>\n</body>\n</html>\n'
    )


def json_for_html(obj: Any) -> str:
    """JSON that is safe inside a ``<script type="application/json">`` element: no ``</script>``, no
    ``<!--``, no character a parser could take for markup, nothing that breaks a line in old JavaScript."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


# --- the model of the page ------------------------------------------------------------------------------


class _View:
    """Everything the page needs, indexed: links per sentence, findings per span, numbers per finding."""

    def __init__(self, d: dict[str, Any], parts: Mapping[int, tuple[int, str]] | None = None) -> None:
        self.d = d
        #: suspect sentences another part of a stitched suspect explains -> (its number in the trace, its id)
        self.parts = dict(parts or {})
        self.links: dict[str, dict[int, list[int]]] = {"source": {}, "derived": {}}
        self.kind: dict[str, dict[int, str]] = {"source": {}, "derived": {}}
        self.similarity: dict[int, float] = {}
        for k, link in enumerate(d["alignments"]):
            for side in ("source", "derived"):
                for i in link[side]:
                    self.links[side].setdefault(i, []).append(k)
                    self.kind[side].setdefault(i, link["kind"])
        # Findings are numbered 1.. in the report's order.
        self.findings = list(enumerate(d["findings"], start=1))
        self.details = {n: f["detail"] for n, f in self.findings}
        #: source sentences dropped whole -> the fact_omitted finding's number
        self.dropped: dict[int, int] = {}
        starts = {side: [s["start"] for s in d[side]["sentences"]] for side in ("source", "derived")}
        self._starts = starts
        for n, f in self.findings:
            if f["type"] == "fact_omitted" and f["subtype"] == "sentence" and f["source"]:
                j = self.sentence_at("source", f["source"]["start"])
                if j is not None and self._sentence_span("source", j) == (f["source"]["start"], f["source"]["end"]):
                    self.dropped[j] = n

    def _sentence_span(self, side: str, i: int) -> tuple[int, int]:
        s = self.d[side]["sentences"][i]
        return s["start"], s["end"]

    def sentence_at(self, side: str, offset: int) -> int | None:
        """The sentence of ``side`` that holds character ``offset``, if any."""
        k = bisect_right(self._starts[side], offset) - 1
        if k >= 0 and offset < self.d[side]["sentences"][k]["end"]:
            return k
        return None

    def spans(self, side: str) -> list[tuple[int, int, int, str]]:
        """(start, end, finding number, severity) of every finding marked on ``side`` (not whole dropped
        sentences, which are marked as sentences)."""
        out = []
        dropped = set(self.dropped.values())
        for n, f in self.findings:
            span = f[side]
            if span is None or (side == "source" and n in dropped):
                continue
            out.append((span["start"], span["end"], n, f["severity"]))
        return out


# --- the parts of the page ------------------------------------------------------------------------------


def _summary(d: dict[str, Any]) -> str:
    v, s = d["verdict"], d["scores"]
    rel = v["relation"]
    scores = "".join(
        f'<div class="score"><span class="name">{name}</span><span class="val">{_pct(s[name])}</span>'
        f'<span class="bar" aria-hidden="true"><span style="width:{_pct(s[name])}"></span></span>'
        f'<span class="sr"> {escape(hint)}</span></div>'
        for name, hint in (
            ("reuse", "of the suspect's words trace to the original"),
            ("verbatim", "of the suspect's words are in runs copied as they are"),
            ("coverage", "of the original's content the suspect keeps"),
            ("novelty", "of the suspect's words the original does not support"),
        )
    )
    evidence = "".join(f"<li>{escape(e)}</li>" for e in v["evidence"])
    # the same words and numbers as the terminal report (report/summary.py)
    sentences, omitted, findings = (escape(x) for x in count_parts(d))
    n_findings = escape(plural(len(d["findings"]), "finding"))
    findings = findings.replace(n_findings, f'<a href="#findings">{n_findings}</a>', 1)
    counts = f'<p class="counts">{sentences}; {omitted}; {findings}.</p>'
    warnings = "".join(f'<p class="warn" role="note"><strong>Warning:</strong> {escape(w)}</p>' for w in d["warnings"])
    verdict = (
        '<p class="verdict"><span class="badge">too short to judge</span>No relation is claimed: the warning '
        "says why.</p>"
        if v.get("too_short")
        else f'<p class="verdict"><span class="badge rel-{escape(rel)}">{escape(rel.replace("_", " "))}</span>'
        f"{escape(RELATION_WORDS.get(rel, rel))}</p>"
        f'<p class="sub">confidence {v["confidence"]:.2f} \u00b7 direction: '
        f"<strong>{escape(DIRECTION_WORDS.get(v['direction'], v['direction']))}</strong> "
        f"({v['direction_confidence']:.2f})</p>"
    )
    return (
        '<header class="summary" aria-label="Verdict and scores"><div>'
        f"<h1>storytrace comparison report</h1>{verdict}"
        f'<div class="scores">{scores}</div>{counts}</div>'
        f'<div><h2>Evidence</h2><ul class="evidence">{evidence}</ul>{warnings}</div>'
        "</header>"
    )


def _legend(parts: bool = False) -> str:
    items = "".join(
        f'<span class="lg"><span class="sw s k-{kind}" aria-hidden="true">{escape(code)}</span>'
        f'{escape(name)} <span class="sr">({escape(meaning)})</span></span>'
        for kind, (code, name, meaning) in KIND_LABELS.items()
    )
    if parts:
        items += (
            '<span class="lg"><span class="sw s k-part" aria-hidden="true">#n</span>'
            "from another part: candidate n above</span>"
        )
    return (
        '<section class="legend" aria-label="Legend">'
        f"<strong>Suspect sentences:</strong>{items}"
        '<span class="lg"><span class="sw s dropped" aria-hidden="true">\u2212</span>omitted from the original</span>'
        '<span class="lg"><mark class="f sev-high">high</mark> <mark class="f sev-medium">medium</mark> '
        '<mark class="f sev-low">low</mark> findings</span>'
        '<span class="hint">Click or tab to a sentence to see its partner; Esc clears.</span>'
        "</section>"
    )


def _column(d: dict[str, Any], view: _View, side: str) -> str:
    doc = d[side]
    who = "Original" if side == "source" else "Suspect"
    meta_bits = [x for x in (doc.get("outlet"), doc.get("published"), doc.get("id")) if x]
    if doc.get("url"):
        meta_bits.append(doc["url"])  # shown as text only: never a link, never fetched
    n = sum(1 for s in doc["sentences"] if not s["boilerplate"])
    meta_bits.append(f"{n} sentences")
    title = doc.get("title")
    title_html = f'<p class="title">{escape(title)}</p>' if title else ""
    col_id = "col-source" if side == "source" else "col-derived"
    return (
        f'<section class="col" id="{col_id}" aria-labelledby="{col_id}-h">'
        f'<div class="colhead"><h2 class="who" id="{col_id}-h">{who}'
        f"{' (left)' if side == 'source' else ' (right)'}</h2>{title_html}"
        f'<div class="meta">{escape(_DOT.join(meta_bits))}</div></div>'
        f'<div class="pane"><div class="text">{_text(d, view, side)}</div></div></section>'
    )


def _text(d: dict[str, Any], view: _View, side: str) -> str:
    """The article text as paragraphs of sentence spans, with the findings marked inside them."""
    text: str = d[side]["text"]
    sentences = d[side]["sentences"]
    marks = view.spans(side)
    prefix = "s" if side == "source" else "d"
    # containers: (start, end, sentence index or None), covering the whole text in order
    pieces: list[tuple[int, int, int | None]] = []
    pos = 0
    for i, s in enumerate(sentences):
        if s["start"] > pos:
            pieces.append((pos, s["start"], None))
        pieces.append((s["start"], s["end"], i))
        pos = s["end"]
    if pos < len(text):
        pieces.append((pos, len(text), None))
    # where each finding's last piece ends on this side: its footnote number goes there
    last_end: dict[int, int] = {}
    for _start, end, n, _ in marks:
        last_end[n] = max(last_end.get(n, -1), end)
    first_seen: set[int] = set()

    paragraphs: list[list[str]] = [[]]
    current_par: int | None = None
    for start, end, num in pieces:
        if num is not None:
            par = sentences[num].get("paragraph", 0)
            if current_par is not None and par != current_par and paragraphs[-1]:
                paragraphs.append([])
            current_par = par
        inner = _runs(text, start, end, marks, view.details, first_seen, last_end, prefix)
        if num is None:
            paragraphs[-1].append(inner)
        else:
            paragraphs[-1].append(_sentence_open(d, view, side, num) + inner + "</span>")
    return "".join(f"<p>{''.join(p)}</p>" for p in paragraphs if p)


def _sentence_open(d: dict[str, Any], view: _View, side: str, i: int) -> str:
    s = d[side]["sentences"][i]
    prefix = "s" if side == "source" else "d"
    attrs = [f'id="{prefix}{i}"']
    classes = ["s"]
    if s["boilerplate"]:
        classes.append("boiler")
        attrs.append('title="boilerplate: left out of the comparison"')
        return f'<span class="{" ".join(classes)}" {" ".join(attrs)}>'
    links = view.links[side].get(i, [])
    if side == "source" and i in view.dropped:
        n = view.dropped[i]
        classes.append("dropped")
        attrs += [
            f'data-f="{n}"',
            'tabindex="0"',
            f'title="original sentence {i}: omitted \u2014 the suspect has no counterpart (finding {n})"',
        ]
        return f'<span class="{" ".join(classes)}" {" ".join(attrs)}><span class="tag">\u2212</span>'
    if not links:
        return f'<span class="{" ".join(classes)}" {" ".join(attrs)}>'
    kind = view.kind[side][i]
    code, name, _ = KIND_LABELS.get(kind, ("?", kind, ""))
    classes.append(f"k-{escape(kind)}")
    attrs.append(f'data-link="{" ".join(f"L{k}" for k in links)}"')
    attrs.append('tabindex="0"')
    align = d["alignments"][links[0]]
    if side == "derived" and kind == "added" and i in view.parts:
        # a stitched suspect's sentence from another part: against this original it is added, yet not made up
        number, part = view.parts[i]
        classes[-1] = "k-part"
        attrs.append(
            f'title="{escape(f"suspect sentence {i}: from candidate {number}, {part}: another part of the suspect")}"'
        )
        return f'<span class="{" ".join(classes)}" {" ".join(attrs)}><span class="tag">#{number}</span>'
    if side == "derived":
        if kind == "added":
            desc = f"suspect sentence {i}: added \u2014 nothing in the original"
        else:
            desc = (
                f"suspect sentence {i}: {name} (similarity {align['similarity']:.2f}) of original "
                f"sentence{'s' if len(align['source']) > 1 else ''} {', '.join(map(str, align['source']))}"
            )
    else:
        desc = (
            f"original sentence {i}: kept as {name} in suspect "
            f"sentence{'s' if len(align['derived']) > 1 else ''} {', '.join(map(str, align['derived']))}"
        )
    attrs.append(f'title="{escape(desc)}"')
    return f'<span class="{" ".join(classes)}" {" ".join(attrs)}><span class="tag">{escape(code)}</span>'


def _runs(
    text: str,
    start: int,
    end: int,
    marks: list[tuple[int, int, int, str]],
    details: dict[int, str],
    first_seen: set[int],
    last_end: dict[int, int],
    prefix: str,
) -> str:
    """text[start:end], escaped, with each stretch covered by findings wrapped in one <mark>."""
    inside = [m for m in marks if m[0] < end and start < m[1]]
    points = [m[0] for m in marks if start <= m[0] <= end and m[0] == m[1]]  # empty spans: a caret
    if not inside and not points:
        return escape(text[start:end])
    cuts = sorted({start, end, *(max(start, m[0]) for m in inside), *(min(end, m[1]) for m in inside), *points})
    out: list[str] = []
    for a, b in zip(cuts, [*cuts[1:], end], strict=True):
        for m in marks:
            if m[0] == m[1] == a and m[2] not in first_seen:
                first_seen.add(m[2])
                out.append(_mark_open([m], details, anchor=f"f{m[2]}-{prefix}") + "\u2038</mark>")
                out.append(_footnote(m[2], m[3]))
        if a >= b:
            continue
        covering = [m for m in inside if m[0] <= a and b <= m[1]]
        chunk = escape(text[a:b])
        if not covering:
            out.append(chunk)
            continue
        anchors = []
        for m in sorted(covering, key=lambda m: m[2]):
            if m[2] not in first_seen:
                first_seen.add(m[2])
                anchors.append(f"f{m[2]}-{prefix}")
        # one id on the mark; a second finding starting at the same place gets an empty anchor before it
        out.extend(f'<span id="{a}"></span>' for a in anchors[1:])
        out.append(_mark_open(covering, details, anchor=anchors[0] if anchors else None) + chunk + "</mark>")
        for m in covering:
            if last_end.get(m[2]) == b:
                out.append(_footnote(m[2], m[3]))
    return "".join(out)


def _mark_open(covering: list[tuple[int, int, int, str]], details: dict[int, str], *, anchor: str | None) -> str:
    numbers = sorted({m[2] for m in covering})
    severity = min((m[3] for m in covering), key=lambda x: SEVERITY_ORDER.index(x) if x in SEVERITY_ORDER else 9)
    label = "\n".join(f"finding {n} ({_severity_of(covering, n)}): {details.get(n, '')}" for n in numbers)
    id_attr = f' id="{anchor}"' if anchor else ""
    return (
        f'<mark class="f sev-{escape(severity)}"{id_attr} data-f="{" ".join(map(str, numbers))}" tabindex="0" '
        f'title="{escape(label)}">'
    )


def _severity_of(covering: list[tuple[int, int, int, str]], n: int) -> str:
    return next(m[3] for m in covering if m[2] == n)


def _footnote(n: int, severity: str) -> str:
    return f'<a class="fn sev-{escape(severity)}" href="#fl{n}" aria-label="finding {n}, {escape(severity)}">{n}</a>'


#: Severity groups of the findings list shown folded when they hold more than ``_FOLD_OVER`` items.
_FOLDED_SEVERITIES = ("low", "info")
_FOLD_OVER = 30


def _findings_list(d: dict[str, Any], view: _View) -> str:
    if not view.findings:
        none = (
            "No findings: the texts are too short to check."
            if d["verdict"].get("too_short")
            else "No findings: nothing added, changed or left out."
        )
        return (
            '<section class="findings" id="findings" aria-labelledby="findings-h">'
            f'<h2 id="findings-h">Findings</h2><p class="none">{none}</p>'
            "</section>"
        )
    groups = []
    for severity in SEVERITY_ORDER:
        items = [(n, f) for n, f in view.findings if f["severity"] == severity]
        if not items:
            continue
        lis = "".join(_finding_item(d, view, n, f) for n, f in items)
        head = f'<h3 id="sev-{severity}">{severity.capitalize()} ({len(items)})</h3>'
        if severity in _FOLDED_SEVERITIES and len(items) > _FOLD_OVER:
            # A long original against a short rewrite gave a thousand low "dropped sentence" items, a page of
            # 90,000 px to scroll past; folded, the group opens from its heading, from a footnote that points
            # into it (the script), and for printing.
            groups.append(f'<details class="fold"><summary>{head}</summary><ol>{lis}</ol></details>')
        else:
            groups.append(f"{head}<ol>{lis}</ol>")
    return (
        '<section class="findings" id="findings" aria-labelledby="findings-h">'
        f'<h2 id="findings-h">Findings ({len(view.findings)})</h2>{"".join(groups)}</section>'
    )


def _finding_item(d: dict[str, Any], view: _View, n: int, f: dict[str, Any]) -> str:
    where_bits = []
    target = None
    if f["derived"] is not None:
        i = view.sentence_at("derived", f["derived"]["start"])
        if i is not None:
            where_bits.append(f"suspect #{i}")
        target = f"f{n}-d"
    if f["source"] is not None:
        j = view.sentence_at("source", f["source"]["start"])
        if j is not None:
            where_bits.append(f"original #{j}")
        if target is None:
            target = f"s{j}" if j in view.dropped and view.dropped[j] == n else f"f{n}-s"
    if f["subtype"] and f["subtype"].startswith("headline"):
        where_bits.append("headline")
    kind = TYPE_LABELS.get(f["type"], f["type"].replace("_", " "))
    if f["subtype"]:
        kind += f" \u00b7 {f['subtype'].replace('_', ' ')}"
    words = ""
    if f["derived"] is None and f["source"] is None:
        if f["before"]:
            words += f'<span class="words"><span class="lbl">original</span>{escape(f["before"])}</span>'
        if f["after"]:
            words += f'<span class="words"><span class="lbl">suspect</span>{escape(f["after"])}</span>'
    elif f["type"] == "fact_omitted" and f["subtype"] == "sentence" and f["before"]:
        words = f'<span class="words"><span class="lbl">omitted</span>{escape(_clip(f["before"], 240))}</span>'
    elif f["type"] == "claim_added" and f["subtype"] == "sentence" and f["after"]:
        words = f'<span class="words"><span class="lbl">added</span>{escape(_clip(f["after"], 240))}</span>'
    sev = escape(f["severity"])
    inner = (
        f'<span class="num">{n}</span><span><span class="sev sev-{sev}">{sev}</span></span>'
        f'<span><span class="ftype">{escape(kind)}</span> <span class="where">{escape(_DOT.join(where_bits))}'
        f'</span><br><span class="detail">{escape(f["detail"])}</span>{words}</span>'
    )
    if target is None:
        return f'<li id="fl{n}" data-f="{n}"><div class="fi" data-f="{n}">{inner}</div></li>'
    return f'<li id="fl{n}" data-f="{n}"><a class="fi" href="#{target}" data-f="{n}">{inner}</a></li>'


def _footer(d: dict[str, Any]) -> str:
    m = d["meta"]
    bits = [
        f"storytrace {m.get('storytrace', '')}",
        f"schema {d['schema']}",
        f"embedding model: {m.get('embedding_model') or 'none (lexical evidence only)'}",
        f"original sha256 {m.get('source_sha256', '')}",
        f"suspect sha256 {m.get('derived_sha256', '')}",
    ]
    return (
        f"<footer><p>{escape(_DOT.join(bits))}</p>"
        "<p>The JSON report is embedded in this file (script element #storytrace-report). "
        "Sentence numbers count from 0, as in the JSON report.</p></footer>"
    )


def _pct(x: float) -> str:
    return f"{round(100 * float(x))}%"


def _clip(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "\u2026"
