"""``compare(source, derived) -> Report``: the one entry point for a pair of articles.

Article -> Document (text.analyse) -> Alignment (align.align) -> Audit (audit.audit) -> Report.
Everything else (trace, scan, serve, the CLI) calls this.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from dataclasses import dataclass, replace
from functools import lru_cache
from operator import itemgetter
from typing import Any

from storytrace.align import Alignment, EmbedFn, align, link_paraphrases, standalone_line
from storytrace.article import Article, article_from_text
from storytrace.audit import Audit, Scores, Verdict, audit, findings_of
from storytrace.errors import InputError
from storytrace.finding import Finding
from storytrace.settings import DEFAULT_SETTINGS, MAX_EMBEDDED_SENTENCES, Settings
from storytrace.text import STOPWORDS, Document, Sentence, analyse, tokenize


@dataclass(frozen=True)
class Report:
    alignment: Alignment
    audit: Audit
    settings: Settings
    warnings: tuple[str, ...] = ()
    embedding_model: str | None = None
    too_short: bool = False  # too few words to judge (``short_note``): no relation, no findings

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
    longest = max(len(src_doc.body), len(der_doc.body))
    if embed is None or longest <= MAX_EMBEDDED_SENTENCES:
        return compare_documents(src_doc, der_doc, settings=settings, embed=embed, embedding_model=model)
    return _compare_long(src_doc, der_doc, settings=settings, embed=embed, embedding_model=model)


def _compare_long(
    source: Document,
    derived: Document,
    *,
    settings: Settings,
    embed: EmbedFn,
    embedding_model: str | None,
    budget: int = MAX_EMBEDDED_SENTENCES,
) -> Report:
    """``compare`` of a text of more than ``MAX_EMBEDDED_SENTENCES`` sentences (a live blog's thousands of updates,
    a hearing transcript): every sentence is aligned on its words, as a scan does, and only the sentences the
    lexical alignment leaves open that share the most words with the other text are embedded, at most
    ``MAX_EMBEDDED_SENTENCES`` a side. Embedding every sentence was the cost (72.8 user-s for a 30,000-update
    blog); comparing the first 2,000 sentences only (misc25) made a story quoting a transcript's last speakers
    "unrelated" and a blog holding the wire story at its bottom 29 omissions (rev25e). ``budget``: the sentences
    embedded a side, and the length over which a side is named in the note."""
    lexical = compare_documents(source, derived, settings=settings, findings=False, embedding_model=embedding_model)
    if lexical.too_short:
        return lexical
    # the findings read a restatement linked on few of its words as a claim its original "says something else"
    # with: those links are embedded too, or every reworded line of a long text was a false added claim
    loose = settings.loose_paraphrase_similarity
    report = with_paraphrases(lexical, embed, budget=budget, loose_below=loose)
    # the headline checks embed the original's paragraphs sharing the headline's words: on a text this long,
    # thousands of them, so they read lexical evidence, as a scan's do
    report = with_findings(report, embed=None)
    over = [
        f"{name} text has {len(doc.body):,} sentences"
        for name, doc in (("source", source), ("derived", derived))
        if len(doc.body) > budget
    ]
    if len(over) == 2 and len(source.body) == len(derived.body):
        over = [f"source and derived texts have {len(source.body):,} sentences each"]
    left = report.alignment.not_embedded
    note = (
        f"the {' and the '.join(over)}: every sentence was aligned word by word, and sentence embeddings were used "
        "only for the sentences left open, or restating the other text in few of its words, that share words with "
        f"the other text (at most {budget:,} a side)"
    )
    if left:
        loosely = _loosely_linked(report.alignment, left, loose)
        note += (
            f"; {len(left):,} of the suspect's sentences sharing words with the original"
            + (f" ({loosely:,} of them linked to it on few of its words)" if loosely else "")
            + " were over that and compared by their words alone: an added claim in them, or an omission of what "
            "they share words with, may be a paraphrase not seen, and is told low"
        )
        report = _not_compared_by_meaning(report, left)
    return replace(report, warnings=(note, *report.warnings))


def _loosely_linked(alignment: Alignment, left: tuple[int, ...], below: float) -> int:
    """How many of the sentences ``left`` on their words (``Alignment.not_embedded``) a ``paraphrase`` link below
    ``below`` holds: restatements whose "says something else" finding is told low for it."""
    wanted = set(left)
    return sum(
        1
        for link in alignment.links
        if link.kind == "paraphrase" and link.similarity < below
        for i in link.derived
        if i in wanted
    )


def _not_compared_by_meaning(report: Report, left: tuple[int, ...]) -> Report:
    """Findings that a sentence compared only by its words (``Alignment.not_embedded``) is new, or that a source
    sentence sharing words with one of them is left out, say it: either may be a paraphrase the embeddings did not
    see. Such a finding is kept, told low."""
    derived, source = report.derived, report.source
    spans = [(derived.sentences[i].start, derived.sentences[i].end) for i in left]
    stems = frozenset().union(*(derived.sentences[i].content_stems() for i in left))

    def in_left(span: tuple[int, int] | None) -> bool:
        return span is not None and any(a < span[1] and span[0] < b for a, b in spans)

    def shares(span: tuple[int, int] | None) -> bool:
        return span is not None and any(
            s.start < span[1] and span[0] < s.end and bool(s.content_stems() & stems) for s in source.body
        )

    found = tuple(
        replace(f, severity="low", detail=f.detail + " (not in the part compared by meaning)")
        if (f.type == "claim_added" and in_left(f.derived)) or (f.type == "fact_omitted" and shares(f.source))
        else f
        for f in report.findings
    )
    return replace(report, audit=replace(report.audit, findings=found))


def compare_documents(
    source: Document,
    derived: Document,
    *,
    settings: Settings = DEFAULT_SETTINGS,
    embed: EmbedFn | None = None,
    findings: bool = True,
    embedding_model: str | None = None,
) -> Report:
    """``compare`` on analysed articles, for callers that compare one article with many (a scan).

    ``embed`` is used as given (None: lexical evidence only). ``findings=False`` gives the scores and the
    verdict without the fact checks; :func:`with_findings` adds them to such a report later.
    """
    alignment = align(source, derived, settings=settings, embed=embed)
    result = audit(alignment, settings=settings, findings=False)
    short = short_note(source, derived)
    report = Report(
        alignment=alignment,
        audit=result,
        settings=settings,
        warnings=tuple(
            f"the {name} text does not look like English; storytrace's models are English-only, so its "
            "results may be meaningless"
            for name, doc in (("source", source), ("derived", derived))
            if not doc.english
        )
        + ((short,) if short else ()),
        embedding_model=embedding_model,
        too_short=short is not None,
    )
    if report.too_short:
        return _unjudged(report)
    return with_findings(report, embed=embed) if findings else report


#: Fewer distinct content words than this on both sides, sharing fewer than two of them, and the texts do not
#: share all of the shorter's: the pair is too short to judge. "The mayor spoke" / "The mayor resigned" shared one
#: word of two and came out ``related`` (``derived`` with embeddings); "Okafor wins vote" / "Okafor loses seat"
#: ``derived``, with no finding. Two words in common keep a pair judged: "Three dead in blast" / "Thirty dead in
#: blast" is a changed figure, "Minister denies bribe" / "Minister admits bribe" a reversal, and a rule on length
#: alone silenced both (review rev20u). A short text whose every word the other holds is still judged (a copy of
#: a headline is a copy), and so is a short text against a longer one: APTY's "The police arrested Herman", a
#: meaning-changing rewrite of a sentence of seven content words, keeps its findings (eval_findings: 18 of 3,866
#: pairs have one side this short, none both).
MIN_JUDGED_WORDS = 4


def _content_stems(doc: Document) -> frozenset[str]:
    """The distinct content words (stems) of the body and of a headline standing apart from the text."""
    stems = frozenset().union(*(s.content_stems() for s in doc.body))
    title = doc.article.title or ""
    if title and title not in doc.text:
        stems |= {t.stem for t in tokenize(title, 0, len(title)) if t.norm not in STOPWORDS}
    return stems


def short_note(source: Document, derived: Document) -> str | None:
    """Why a pair is too short to judge, for a reader (None: it can be judged); see MIN_JUDGED_WORDS."""
    src, der = _content_stems(source), _content_stems(derived)
    shorter, longer = (src, der) if len(src) < len(der) else (der, src)
    if len(longer) >= MIN_JUDGED_WORDS or (shorter and shorter <= longer) or len(src & der) >= 2:
        return None
    return (
        f"too short to judge: the original and the suspect have {len(src)} and {len(der)} content words (at least "
        f"{MIN_JUDGED_WORDS} needed in one of them, unless they share two or one holds all of the other's), too "
        "few to tell a rewrite from two texts that share a word"
    )


def _unjudged(report: Report) -> Report:
    """A pair too short to judge: no relation claimed (``unrelated`` with confidence 0, which no caller reads as a
    source or a copy), no direction, no evidence, no findings; ``too_short`` and the warning say why."""
    verdict = Verdict("unrelated", 0.0, "unclear", 0.5, ())  # the warning gives the one reason
    return replace(report, audit=replace(report.audit, verdict=verdict, findings=()))


def with_paraphrases(
    report: Report,
    embed: EmbedFn,
    *,
    rows: Collection[int] | None = None,
    budget: int | None = None,
    loose_below: float | None = None,
) -> Report:
    """A lexical report (``compare_documents`` without ``embed``) with the paraphrases its alignment missed
    linked by sentence embeddings of only the sentences it left unexplained (``align.link_paraphrases``),
    and scores and verdict judged again; no findings (``with_findings`` adds them). ``rows``: only these
    derived body positions; ``budget``: at most this many sentences embedded a side; ``loose_below``: paraphrase
    links below this similarity embedded too (see ``link_paraphrases``)."""
    alignment = link_paraphrases(
        report.alignment, embed, settings=report.settings, rows=rows, budget=budget, loose_below=loose_below
    )
    judged = replace(report, alignment=alignment, audit=audit(alignment, settings=report.settings, findings=False))
    return _unjudged(judged) if judged.too_short else judged


def with_findings(report: Report, *, embed: EmbedFn | None = None) -> Report:
    """The report with its findings (the alignment's fact checks and the headlines'), computed now."""
    if report.too_short:
        return report  # nothing to check facts against: a word or two
    settings = report.settings
    found = findings_of(report.alignment, report.verdict.relation, settings)
    source, derived = report.source.article, report.derived.article
    line = _inline_headline(report.derived) if _title_outside(source) and not _title_outside(derived) else None
    if line is not None:
        # A plain-text suspect that opens with its headline, against a page whose headline stands apart: the
        # line is a headline, checked as one against the original's headline and text, not as a body
        # sentence that the original's lead only half supports.
        # Its low findings stay: the headline check keeps only high and medium ones.
        found = tuple(
            f
            for f in found
            if f.severity not in ("high", "medium")
            or not (f.derived and line.start <= f.derived[0] and f.derived[1] <= line.end)
        )
        derived = replace(derived, title=derived.text[line.start : line.end])
    else:
        s_line = _inline_headline(report.source) if _title_outside(derived) and not _title_outside(source) else None
        if s_line is not None:
            # The mirror case: a plain-text original that opens with its headline, against a suspect whose own
            # headline stands apart. The suspect wrote a headline of its own instead of that line, which is no
            # dropped fact: its headline is checked against this one (and the text) below.
            found = tuple(
                f
                for f in found
                if not (
                    f.type == "fact_omitted"
                    and f.severity in ("high", "medium")
                    and f.source
                    and s_line.start <= f.source[0]
                    and f.source[1] <= s_line.end
                )
            )
            source = replace(source, title=source.text[s_line.start : s_line.end])
        found = _headlines_restated(report, found)
    headline = _headline_findings(
        source,
        derived,
        settings=settings,
        embed=embed,
        source_doc=report.source,
        offset=line.start if line is not None else None,
    )
    return replace(report, audit=replace(report.audit, findings=tuple(headline) + found))


def _headlines_restated(report: Report, found: tuple[Finding, ...]) -> tuple[Finding, ...]:
    """Plain texts that open with a headline line, aligned as body sentences: the suspect's headline is no
    added claim, nor the original's an omission, when the other text says all it does (``headline_restated``)."""
    from storytrace.audit import HEADLINE_NOTE, headline_restated

    source, derived = report.source, report.derived
    s_line = _inline_headline(source) if not _title_outside(source.article) else None
    d_line = _inline_headline(derived) if not _title_outside(derived.article) else None
    if (
        s_line is not None
        and any(f.type == "fact_omitted" and f.source == (s_line.start, s_line.end) for f in found)
        and headline_restated(source, s_line.index, derived, omitted=True)
    ):
        found = tuple(f for f in found if not (f.type == "fact_omitted" and f.source == (s_line.start, s_line.end)))
    if d_line is not None:
        softened = [
            f
            for f in found
            if f.type == "claim_added"
            and f.severity in ("high", "medium")
            and f.derived is not None
            and d_line.start <= f.derived[0]
            and f.derived[1] <= d_line.end
        ]
        if softened and headline_restated(derived, d_line.index, source):
            found = tuple(
                replace(f, severity="low", detail=f.detail + HEADLINE_NOTE) if f in softened else f for f in found
            )
    return found


def headline_findings(
    source: Article,
    derived: Article,
    *,
    settings: Settings = DEFAULT_SETTINGS,
    embed: EmbedFn | None = None,
    source_doc: Document | None = None,
) -> list[Finding]:
    """Compare the suspect's headline with the original when both headlines stand outside the texts
    (HTML pages, JSON records): a headline that claims what the original does not is a finding.

    The suspect's headline is checked against the original's headline and text together, so a headline
    that sums up the body faithfully stays quiet. Its findings carry no spans (the headlines are not part of
    the texts the spans index); ``before``/``after`` hold the words and the subtype says "headline".
    Of the original's text only the paragraphs the headline could draw on are read (``_headline_context``);
    ``source_doc``, the original analysed, saves analysing it again to find them and to read them.
    """
    if not _title_outside(source) or not _title_outside(derived):
        return []  # a headline inside the text is aligned and checked as its first sentence
    return _headline_findings(source, derived, settings=settings, embed=embed, source_doc=source_doc)


def _headline_findings(
    source: Article,
    derived: Article,
    *,
    settings: Settings,
    embed: EmbedFn | None,
    source_doc: Document | None,
    offset: int | None = None,
) -> list[Finding]:
    """``offset``: where the suspect's headline starts in its text when it is the text's first line (its
    findings then point into the text); None when it stands apart (no spans)."""
    if not source.title or not derived.title:
        return []
    from storytrace.audit import added_claims, fact_checks, headline_added_cause, headline_restated
    from storytrace.facts.numbers import death_toll_changes

    doc = source_doc if source_doc is not None else analyse(source)
    context = _headline_context(doc, derived.title)
    # The context's paragraphs are the original's, analysed already: their sentences are moved, not made again.
    src = analyse(Article(text=source.title + "\n\n" + context, published=source.published), reuse=doc)
    der = analyse(Article(text=derived.title, published=derived.published))
    alignment = align(src, der, settings=settings, embed=embed)
    claims = added_claims(alignment, settings)
    if any(f.severity in ("high", "medium") for f in claims) and der.sentences and headline_restated(der, 0, src):
        claims = []  # a headline that sums up the original's text: see ``headline_restated``
    found = [
        f
        for f in fact_checks(alignment, settings) + claims
        if f.type != "fact_omitted" and f.severity in ("high", "medium")
    ]
    # a death toll told in other words than the original's ("kills five" for "Three workers were killed"): no
    # sentence of the original lines up with it figure by figure, so the tolls are compared as tolls
    told = [f.derived for f in found if f.type == "number_changed" and f.derived]
    found += [
        f
        for f in death_toll_changes(src.text, der.text)
        if f.derived and not any(a < f.derived[1] and f.derived[0] < b for a, b in told)
    ]
    if not any(f.type == "hedge_changed" for f in found):
        # "DO cause" for "may raise the risk": a headline's certainty in words too far from the original's for
        # the aligned hedge check
        from storytrace.facts.cues import headline_certainty_increased

        certain = headline_certainty_increased(der, src)
        if certain is not None:
            found.append(certain)
    if not any(f.type == "claim_added" for f in found):
        # a cause the headline gives of its own: checked against the whole original (its title and body), as
        # the context read above holds only the paragraphs sharing the headline's words
        cause = headline_added_cause(der, (src, doc))
        if cause is not None:
            found.append(cause)
    return [
        replace(
            f,
            subtype=f"headline:{f.subtype}" if f.subtype else "headline",
            detail=f"headline \u2014 {f.detail}",
            before=f.before if f.before is not None else (src.text[f.source[0] : f.source[1]] if f.source else None),
            after=f.after if f.after is not None else (der.text[f.derived[0] : f.derived[1]] if f.derived else None),
            derived=(f.derived[0] + offset, f.derived[1] + offset) if offset is not None and f.derived else None,
            source=None,
        )
        for f in found
    ]


def _headline_context(source: Document, headline: str) -> str:
    """The paragraphs of ``source`` a headline could be checked against, joined by blank lines.

    Every check asks of the original either a sentence aligned with the headline or a word, name, figure
    or date it contains; neither exists in a paragraph that shares no content word with the headline (and
    no figure or date, when the headline has one). A kept paragraph brings the one before it, where a
    quotation's speaker or a pronoun's name may stand. Reading the whole original instead costs a scan
    an analysis and fact checks of every long original once more per pair.
    """
    figures = _figure_words()
    heads = tokenize(headline, 0, len(headline))
    keys = {f for t in heads if t.norm not in STOPWORDS for f in (t.norm, t.stem)}
    numeric = any(t.norm[0].isdigit() or t.norm in figures for t in heads)
    paragraphs: dict[int, list[Sentence]] = {}
    for s in source.sentences:
        paragraphs.setdefault(s.paragraph, []).append(s)
    order = sorted(paragraphs)
    wanted: set[int] = set()
    norm_of, stem_of = itemgetter(2), itemgetter(3)  # Token fields, read in C (a long original has thousands)
    for k, p in enumerate(order):
        for s in paragraphs[p]:
            if (
                not keys.isdisjoint(map(norm_of, s.tokens))
                or not keys.isdisjoint(map(stem_of, s.tokens))
                or (numeric and any(n[0].isdigit() or n in figures for n in map(norm_of, s.tokens)))
            ):
                wanted.update(order[max(0, k - 1) : k + 1])
                break
    text = source.text
    return "\n\n".join(text[paragraphs[p][0].start : paragraphs[p][-1].end] for p in order if p in wanted)


@lru_cache(maxsize=1)
def _figure_words() -> frozenset[str]:
    """The words without which no date or figure is found (besides digits)."""
    from storytrace.facts.dates import figure_words as date_words
    from storytrace.facts.numbers import figure_words as number_words

    return date_words() | number_words()


def _title_outside(article: Article) -> bool:
    """Does the article have a headline that its text does not repeat (an HTML page's, a record's title)?"""
    return bool(article.title) and not _title_in_text(article)


def _inline_headline(doc: Document) -> Sentence | None:
    """The text's first sentence when it is a headline: a short line of its own with no closing stop, with
    more of the story after it."""
    body = doc.body
    if len(body) < 3 or body[0].words > 15 or not standalone_line(doc, 0):
        return None
    return body[0]


def _title_in_text(article: Article) -> bool:
    title = " ".join((article.title or "").split()).casefold()
    head = " ".join(article.text[: len(article.title or "") + 200].split()).casefold()
    return bool(title) and title in head


def _as_article(value: str | Article, name: str) -> Article:
    article = article_from_text(value) if isinstance(value, str) else value
    if not article.text.strip():
        raise InputError(f"{name}: no article text (empty)")
    return article


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
