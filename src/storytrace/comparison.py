"""``compare(source, derived) -> Report``: the one entry point for a pair of articles.

Article -> Document (text.analyse) -> Alignment (align.align) -> Audit (audit.audit) -> Report.
Everything else (trace, scan, serve, the CLI) calls this.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from storytrace.align import Alignment, EmbedFn, align
from storytrace.article import Article, article_from_text
from storytrace.audit import Audit, Scores, Verdict, audit
from storytrace.errors import InputError
from storytrace.finding import Finding
from storytrace.settings import DEFAULT_SETTINGS, Settings
from storytrace.text import Document, analyse, looks_english


@dataclass(frozen=True)
class Report:
    alignment: Alignment
    audit: Audit
    settings: Settings
    warnings: tuple[str, ...] = ()
    embedding_model: str | None = None

    @property
    def source(self) -> Document:
        return self.alignment.source

    @property
    def derived(self) -> Document:
        return self.alignment.derived

    @property
    def verdict(self) -> Verdict:
        return self.audit.verdict

    @property
    def scores(self) -> Scores:
        return self.audit.scores

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self.audit.findings

    def to_dict(self) -> dict[str, Any]:
        """The JSON report (schema ``storytrace.report/1``, docs/schema.md)."""
        from storytrace.report.json import report_to_dict

        return report_to_dict(self)


def compare(
    source: str | Article,
    derived: str | Article,
    *,
    settings: Settings = DEFAULT_SETTINGS,
    embed: EmbedFn | None = None,
) -> Report:
    """Compare a suspect (``derived``) with the article it may come from (``source``).

    ``source`` and ``derived`` are texts or Articles. Embeddings come from the bundled model unless
    ``settings.use_embeddings`` is off; ``embed`` substitutes another vectoriser (same contract as
    ``storytrace.embed.Embedder.embed``).
    """
    src_article = _as_article(source, "source")
    der_article = _as_article(derived, "derived")
    model = None
    if settings.use_embeddings and embed is None:
        from storytrace.embed import get_embedder

        embedder = get_embedder()
        embed = embedder.embed
        model = str(embedder.info().get("model", "all-MiniLM-L6-v2"))
    elif not settings.use_embeddings:
        embed = None
    src_doc, der_doc = analyse(src_article), analyse(der_article)
    warnings = tuple(
        f"the {name} text does not look like English; storytrace's models are English-only, so its "
        "results may be meaningless"
        for name, art in (("source", src_article), ("derived", der_article))
        if not looks_english(art.text)
    )
    alignment = align(src_doc, der_doc, settings=settings, embed=embed)
    return Report(
        alignment=alignment,
        audit=audit(alignment, settings=settings),
        settings=settings,
        warnings=warnings,
        embedding_model=model,
    )


def _as_article(value: str | Article, name: str) -> Article:
    article = article_from_text(value) if isinstance(value, str) else value
    if not article.text.strip():
        raise InputError(f"{name}: no article text (empty)")
    return article


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
