"""The JSON report: schema ``storytrace.report/1``, written here and only here (docs/schema.md).

Versioning: a field added keeps the version; a field removed, renamed or given a new meaning bumps it.
The same input and settings give the same bytes: no timestamps, floats rounded, fixed key order.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from storytrace.align import KINDS
from storytrace.audit import DIRECTIONS, RELATIONS
from storytrace.finding import FINDING_TYPES, SEVERITIES, Finding

if TYPE_CHECKING:
    from storytrace.comparison import Report
    from storytrace.text import Document

SCHEMA = "storytrace.report/1"


def report_to_dict(report: Report) -> dict[str, Any]:
    from storytrace import __version__
    from storytrace.comparison import text_sha256

    src, der = report.source, report.derived
    v, s = report.verdict, report.scores
    meta: dict[str, Any] = {
        "storytrace": __version__,
        "settings": report.settings.to_dict(),
        "embedding_model": report.embedding_model,
        "source_sha256": text_sha256(src.text),
        "derived_sha256": text_sha256(der.text),
    }
    return {
        "schema": SCHEMA,
        "source": _side(src),
        "derived": _side(der),
        "verdict": {
            "relation": v.relation,
            "confidence": v.confidence,
            "direction": v.direction,
            "direction_confidence": v.direction_confidence,
            "evidence": list(v.evidence),
            "too_short": report.too_short,
        },
        "scores": {"reuse": s.reuse, "verbatim": s.verbatim, "coverage": s.coverage, "novelty": s.novelty},
        "alignments": [
            {
                "derived": list(link.derived),
                "source": list(link.source),
                "kind": link.kind,
                "similarity": round(float(link.similarity), 4),
            }
            for link in report.alignment.links
        ],
        "findings": [_finding(f, src, der) for f in report.findings],
        "warnings": list(report.warnings),
        "meta": meta,
    }


def dumps(obj: dict[str, Any], *, indent: int | None = 2) -> str:
    """Serialise a report (or any storytrace JSON object) the one way storytrace does."""
    return json.dumps(obj, ensure_ascii=False, indent=indent, allow_nan=False)


def _side(doc: Document) -> dict[str, Any]:
    a = doc.article
    return {
        "id": a.id,
        "title": a.title,
        "url": a.url,
        "outlet": a.outlet,
        "published": a.published,
        "text": a.text,
        "sentences": [
            {"start": s.start, "end": s.end, "paragraph": s.paragraph, "boilerplate": s.boilerplate}
            for s in doc.sentences
        ],
        "meta": dict(a.meta),
    }


def _finding(f: Finding, src: Document, der: Document) -> dict[str, Any]:
    return {
        "type": f.type,
        "severity": f.severity,
        "subtype": f.subtype,
        "derived": _span(der, f.derived),
        "source": _span(src, f.source),
        "before": f.before,
        "after": f.after,
        "detail": f.detail,
        "salience": f.salience if f.type == "fact_omitted" else None,
    }


def _span(doc: Document, span: tuple[int, int] | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"start": span[0], "end": span[1], "text": doc.text[span[0] : span[1]]}


_SPAN = {
    "type": ["object", "null"],
    "required": ["start", "end", "text"],
    "properties": {
        "start": {"type": "integer", "minimum": 0},
        "end": {"type": "integer"},
        "text": {"type": "string"},
    },
    "additionalProperties": False,
}
_SIDE = {
    "type": "object",
    "required": ["title", "text", "sentences"],
    "properties": {
        "id": {"type": ["string", "null"]},
        "title": {"type": ["string", "null"]},
        "url": {"type": ["string", "null"]},
        "outlet": {"type": ["string", "null"]},
        "published": {"type": ["string", "null"]},
        "text": {"type": "string"},
        "sentences": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["start", "end", "boilerplate"],
                "properties": {
                    "start": {"type": "integer", "minimum": 0},
                    "end": {"type": "integer", "minimum": 0},
                    "paragraph": {"type": "integer", "minimum": 0},
                    "boilerplate": {"type": "boolean"},
                },
            },
        },
        "meta": {"type": "object"},
    },
}
_UNIT = {"type": "number", "minimum": 0, "maximum": 1}

#: JSON Schema (draft 2020-12) of ``storytrace.report/1``; tests validate every report against it.
REPORT_JSON_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": SCHEMA,
    "type": "object",
    "required": ["schema", "source", "derived", "verdict", "scores", "alignments", "findings", "meta"],
    "properties": {
        "schema": {"const": SCHEMA},
        "source": _SIDE,
        "derived": _SIDE,
        "verdict": {
            "type": "object",
            "required": ["relation", "confidence", "direction", "direction_confidence", "evidence"],
            "properties": {
                "relation": {"enum": list(RELATIONS)},
                "confidence": _UNIT,
                "direction": {"enum": list(DIRECTIONS)},
                "direction_confidence": _UNIT,
                "evidence": {"type": "array", "items": {"type": "string"}},
                "too_short": {"type": "boolean"},
            },
        },
        "scores": {
            "type": "object",
            "required": ["reuse", "verbatim", "coverage", "novelty"],
            "properties": {k: _UNIT for k in ("reuse", "verbatim", "coverage", "novelty")},
        },
        "alignments": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["derived", "source", "kind", "similarity"],
                "properties": {
                    "derived": {"type": "array", "items": {"type": "integer"}, "minItems": 1},
                    "source": {"type": "array", "items": {"type": "integer"}},
                    "kind": {"enum": list(KINDS)},
                    "similarity": {"type": "number"},
                },
            },
        },
        "findings": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["type", "severity", "subtype", "derived", "source", "before", "after", "detail"],
                "properties": {
                    "type": {"enum": list(FINDING_TYPES)},
                    "severity": {"enum": list(SEVERITIES)},
                    "subtype": {"type": ["string", "null"]},
                    "derived": _SPAN,
                    "source": _SPAN,
                    "before": {"type": ["string", "null"]},
                    "after": {"type": ["string", "null"]},
                    "detail": {"type": "string"},
                    "salience": {"type": ["number", "null"]},
                },
            },
        },
        "warnings": {"type": "array", "items": {"type": "string"}},
        "meta": {
            "type": "object",
            "required": ["storytrace", "settings", "source_sha256", "derived_sha256"],
        },
    },
}
