"""Judge an alignment: scores, the verdict (relation and direction) and the findings.

The finding list is the product: each finding names a type, a severity, the exact spans in both texts
where they exist, and a one-sentence detail an editor understands. This module produces the findings an
alignment alone supports (added claims, omitted facts); finer types (quotes, numbers, dates,
attributions, hedges, entities) plug into ``audit`` through the same ``Finding`` shape.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from storytrace.align import Alignment, Link
from storytrace.article import MONTH_NUMBERS, Article
from storytrace.bylines import is_wire_outlet, outlet_key
from storytrace.facts.dates import looks_like_year
from storytrace.facts.entities import referents_in
from storytrace.finding import SEVERITIES, Finding
from storytrace.settings import DEFAULT_SETTINGS, Settings
from storytrace.text import STOPWORDS as _STOP
from storytrace.text import Document, Sentence, Token, stance_spans, stances, tokenize

RELATIONS = ("derived", "partially_derived", "related", "unrelated")
DIRECTIONS = ("as_given", "reversed", "unclear")

_MONTH_SET = frozenset(MONTH_NUMBERS) | frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
#: Editorial comment counted per side (sentences): each side's unmatched sentences grow with its length, not
#: with what the copier did (see ``direction_of``).
_COMMENT_CAP = 2
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_QUOTE_CHARS = '"\u201c\u201d\u201e\u00ab\u00bb'
# A title with its full stop right before a word (``_after_break``).
_TITLE_BEFORE = re.compile(
    r"(?<![\w.])(?:Mr|Mrs|Ms|Mx|Messrs|Dr|Drs|Prof|Sen|Sens|Rep|Reps|Gov|Lt|Gen|Col|Sgt|Capt|Adm|Rev|Hon|Pres)\.\s*$"
)
# Words that turn a report into comment rather than reporting. One list, read by both the direction (added
# comment is a copier's mark) and the claim findings (``_editorial``, which also counts a question or exclamation
# of the writer's own, and reads with the quotations taken out: what someone is quoted saying is reported):
# with two lists one sentence was comment to one and reporting to the other.
# Speculation about what could follow, verdicts, framing; hype ("shocking", "jaw-dropping"), the reader
# addressed ("Brace yourself", "folks"). An LLM's framing ("It is important to note that", "This underscores")
# is no comment: what follows it is the original's content as often as not (session 14's sample), and is
# judged as such.
#
# Two parts of the list say nothing of the story at all, and are named apart for ``_flourish``: hype that
# only says how big or startling something is ("a staggering $68 billion"), and the reader addressed or told
# what to feel next ("So buckle up, America."). Verdicts ("reckless", "disgraceful") and speculation ("could")
# are claims of their own and are not among them.
_TONE = r"truly|absolutely|shocking\w*|astonishing|unbelievabl\w*|jaw-dropping|mind-boggling|staggering|whopping|sheer"
_ADDRESS = r"brace (?:yourself|yourselves)|stay tuned|buckle up|folks|dear readers?|only time will tell"
# More of the same that only ``_flourish`` reads. In the one list they tipped two stirring restyles of speeches
# (SheepDog seed 21, one "incredible" each) over ``_COMMENTING_SHARE``, and eight restatements there went from
# low back to medium; a flourish made of them is still told as editorialising, in its own detail.
_TONE_MORE = r"astounding|incredibl[ey]|mind-blowing|eye-watering|eye-popping|breathtaking|gripping|riveting"
_ADDRESS_MORE = (
    r"strap in|fasten your seat ?belts|hold on to your hats|watch this space|mark my words|you heard it here first|"
    r"let that sink in"
)
_EDITORIAL = re.compile(
    r"\b(?:could|might|may well|is likely to|are likely to|remains to be seen|raises? (?:questions|concerns)|"
    r"critics (?:say|argue|warn)|observers|many (?:believe|fear|say)|some (?:believe|fear|say)|"
    r"it is clear|clearly|undoubtedly|of course|in other words|a move that|a sign that|signals?|"
    r"controversial|sparking|backfire|fuel(?:ling|ing)? (?:fears|speculation|concerns)|"
    r"it is (?:evident|obvious|undeniable)|undeniabl\w*|"
    + _TONE
    + "|"
    + _ADDRESS
    + r"|outrag\w*|infuriat\w*|disgust\w*|disgrac\w*|chilling|alarming|appalling|"
    r"nail-biting|heart-\w+|spine-\w+|"
    r"audacity|the gall|get ready|prepare (?:to|yourself)|imagine|"
    r"hold (?:on|onto)|don't miss|share now|my fellow|let's|let us|little did|"
    r"fear not|horrif\w*|sicken\w*|despicabl\w*|vile|shameless\w*|heartbreak\w*|heart-wrenching|devastat\w*|"
    r"tragic(?:ally)?|brazen\w*|merciless\w*|cunning|disastrous|gruesome|bloodcurdling|frenzied|excruciating|"
    r"unimaginabl\w*|nightmar\w*|monsters?|boldly|feeble|pathetic|sinister|evil|insidious|relentless|"
    r"beloved|precious|heroic|glorious|outright|blatant\w*|reckless\w*|callous\w*|cowardly|sham|"
    r"(?:astonish|disturb|shock|alarm|outrageous|fearless|shameful|stagger|stunn)ingly|"
    r"explosive|bombshell|unprecedented|rejoic\w*|it's (?:high )?time|the time (?:for|to|has come)|"
    r"clock is ticking|call to action|hangs? in the balance|rallying cry|no joke|this shows that|"
    r"in conclusion|coming to light|"
    # the writer's impression offered as news ("It seems that the council has learned nothing")
    r"it (?:would )?(?:seems?|appears?) (?:that|as (?:if|though))|"
    # "may be"/"may well have been": speculation as "could be" is
    r"may\s+(?:well\s+)?(?:be|have\s+been))\b",
    re.IGNORECASE,
)
# A forecast told as certain ("is certain to force a crackdown") and a superlative over all time ("the worst
# disaster in the country's history"): the writer's judgement, not a fact reported, unless someone is said to
# make it ("Officials said it was the worst spill in the country's history": ``_VERDICT_SAID``). "Bound" only
# before what cannot be a duty or a tie: "is bound to restore the riverbank" is a permit's duty, "were bound to
# the gates" literal.
_VERDICT = re.compile(
    r"\b(?:(?:is|are|was|were|seems?|looks?)\s+(?:almost\s+)?(?:(?:certain|sure|destined)\s+to|"
    r"bound\s+to\s+(?:be|happen|fail|follow|come)\b)|"
    r"(?:worst|greatest)\s+(?:[\w-]+\s+){0,3}in\s+(?:(?:the|its|their|our)\s+)?(?:[\w'\u2019]+\s+)?history)\b",
    re.IGNORECASE,
)
# A speech verb in the verdict's sentence: the judgement is someone's, reported.
_VERDICT_SAID = re.compile(
    r"\b(?:said|says|say|told|tells|according\s+to|stated|added|predicted|predicts|warned|warns|believes?|"
    r"believed|expects?|expected|insisted|argued|argues|claimed|claims)\b",
    re.IGNORECASE,
)
# A cause the rewrite asserts ("due to", "led to"): a new causal claim is one the original must support.
_CAUSAL = re.compile(
    r"\b(?:because|due to|as a result|result(?:ed|s|ing)? (?:in|from)|(?:led|leads|leading) to|caus(?:ed|es|ing)|"
    r"prompt(?:ed|s|ing)|owing to|thanks to|therefore|consequently|thus)\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[\"\u201c\u201e\u00ab][^\"\u201c\u201d\u201e\u00ab\u00bb]*[\"\u201d\u00bb]?")
# Words a rewrite uses in place of a precise detail (dates, sources, figures).
_VAGUE = frozenset(
    "recently lately earlier later soon officials sources experts authorities several many some "
    "numerous dozens hundreds thousands millions billions around roughly about nearly approximately".split()
)


@dataclass(frozen=True)
class Scores:
    reuse: float
    verbatim: float
    coverage: float
    novelty: float


@dataclass(frozen=True)
class Trail:
    """Traces of the original beyond reused words: what a heavy rewrite keeps while its sentences drift.

    ``in_order`` is measured (benchmarks/calibrate_trail.py), not used by the verdict (on the calibration
    data it did not separate rewrites from independent texts once coverage and specifics were known;
    RESULTS.md, session 3); ``reach`` stands in for coverage only with many names and figures in common
    (``trail_holds``; RESULTS.md, sessions 5 and 6).
    """

    #: Links to the original (derived sentence groups with a source), in the suspect's order.
    linked: int
    #: Of those, the most that follow the original's sentence order (longest non-decreasing run of
    #: source positions).
    in_order: int
    #: Distinct names and figures (audit._direction_details) in the suspect, and how many of them the
    #: original has too (as words anywhere: it may write a name in capitals or open a sentence with it).
    specifics: int
    shared_specifics: int
    #: Quotations of the suspect (four words or more) whose words are mostly not in the original: a
    #: reporter's own interviews. A restyling keeps, trims or drops the original's quotes. (A headline or
    #: whole answer wrapped in quotation marks, nobody speaking, is not counted: ``_own_quotes``.)
    own_quotes: int = 0
    #: The original's content the suspect keeps, out of as much as a text of its length could keep
    #: (``reach_coverage``): a short rewrite of a long original can keep little of the whole.
    reach: float = 0.0
    #: Distinct sentences of the original that some link restates.
    sources_linked: int = 0

    @property
    def specifics_share(self) -> float:
        return self.shared_specifics / self.specifics if self.specifics else 0.0


@dataclass(frozen=True)
class Verdict:
    relation: str
    confidence: float
    direction: str
    direction_confidence: float
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class Audit:
    scores: Scores
    verdict: Verdict
    findings: tuple[Finding, ...]


def audit(alignment: Alignment, *, settings: Settings = DEFAULT_SETTINGS, findings: bool = True) -> Audit:
    """Scores, verdict and findings of an alignment; ``findings=False`` stops after the verdict (a scan
    deciding whether a pair is worth a full comparison needs no more; :func:`findings_of` adds them)."""
    scores = score(alignment, settings)
    relation, confidence, rel_evidence = relation_of(alignment, scores, settings)
    if relation in ("derived", "partially_derived"):
        direction, d_conf, d_evidence = direction_of(alignment, settings)
    else:
        direction, d_conf, d_evidence = "unclear", 0.5, ["no direction: too little text is shared"]
    verdict = Verdict(relation, confidence, direction, d_conf, tuple(rel_evidence + d_evidence))
    found = findings_of(alignment, relation, settings) if findings else ()
    return Audit(scores=scores, verdict=verdict, findings=found)


def findings_of(alignment: Alignment, relation: str, settings: Settings = DEFAULT_SETTINGS) -> tuple[Finding, ...]:
    """The findings of an alignment whose verdict is ``relation``, in report order."""
    checks = fact_checks(alignment, settings)
    # A sentence that is mostly a quotation the suspect keeps in part is not dropped: the quote finding
    # (trimmed, changed) says what of it is missing, an omission would say it again of the whole sentence.
    # Not so for one sentence of a long quotation: the quote finding does not name it.
    quoted = [f.source for f in checks if f.type == "quote_altered" and f.source]
    omitted = [
        f
        for f in omitted_facts(alignment)
        if not (f.source and any(2 * _shared(f.source, q) >= max(_len(f.source), _len(q)) for q in quoted))
    ]
    claims = added_claims(alignment, settings)
    if relation not in ("derived", "partially_derived"):
        # Independent reporting of the same story has its own quotes and wording: a difference there is
        # not a distortion of this original, so it is shown for information only.
        checks = [replace(f, severity="info") for f in checks if f.type != "fact_omitted"]
        claims, omitted = _independent_claims(claims), _independent_omissions(omitted)
    claims = _not_quoted_again(claims, checks, alignment.derived)
    return _order(claims + omitted + checks)


def _independent_claims(claims: list[Finding]) -> list[Finding]:
    """Added claims of a suspect judged an independent report: at most medium. Its own reporting (a witness,
    a figure from elsewhere) is what such a report is, not a copy's invention: "5 high" under a `related`
    verdict read as a distorted copy (qa24b P14). Medium, not lower: on a summary judged `related` an
    unsupported sentence is still what the findings eval counts as inconsistent."""
    return [replace(f, severity="medium") if f.severity == "high" else f for f in claims]


def _independent_omissions(omitted: list[Finding]) -> list[Finding]:
    """Sentences of the original an independent report does not tell: "not reported", not "dropped" (nothing
    was taken out of a text that was never copied). Their severity stays: it says how much an editor would miss
    the fact, and a restyle that only the lexical aligner judges ``related`` still leaves a headline's story
    open or turned (tests/test_fixqafa23_false_alarms.py)."""
    return [replace(f, detail=f.detail.replace(_DROPPED, _NOT_REPORTED, 1)) for f in omitted]


_DROPPED = "dropped: this sentence of the original has no counterpart in the suspect"
_NOT_REPORTED = (
    "not reported: the suspect, judged no copy of this text, tells nothing like this sentence of the original"
)


_WORDS = re.compile(r"[^\W_]+")


def _not_quoted_again(claims: list[Finding], checks: list[Finding], derived: Document) -> list[Finding]:
    """Added claims less those that are only a quotation the quote check reports, with its speaker: a quote
    given to another ("said Mayor John Smith" for "said council member Sarah Cole"), invented or reworded is
    one distortion, told once by the quote finding (which says more: whose words, what became of them); a
    claim with words of its own beyond the quote stays, and so does one the quote finding tells more lightly
    (a quote only trimmed). A whole sentence added stays too: the added claims list every sentence the
    original lacks, a quotation among them (examples/expected.json), and that list is read on its own."""
    rank = {s: k for k, s in enumerate(SEVERITIES)}
    quoted = [f for f in checks if f.type in ("quote_fabricated", "quote_altered") and f.derived]
    if not quoted:
        return claims
    from storytrace.facts.quotes import quotes_of

    speech = _speech_words()
    text = derived.text
    # who says it, as the quote's own sentence tells it ("said council member Sarah Cole"): part of the
    # quotation, but for an adverb there ("Smith falsely claimed", "privately said", "later admitted"),
    # which says something of its own
    attributions = [
        (q.outer_start, q.outer_end, q.attribution_span, q.speaker_span)
        for q in quotes_of(derived)
        if q.attribution_span
    ]

    def said_again(c: Finding) -> bool:
        if c.type != "claim_added" or c.subtype == "sentence" or not c.derived:
            return False
        a, b = c.derived
        spans = [
            q.derived
            for q in quoted
            if q.derived and _overlap(q.derived, c.derived) and rank[q.severity] <= rank[c.severity]
        ]
        if not spans:
            return False
        told = [
            (span, who)
            for qa, qb, span, who in attributions
            if any(_overlap((qa, qb), s) or _overlap(span, s) for s in spans)
        ]
        rest = []
        for w in _WORDS.finditer(text, a, b):
            at, word = w.start(), w.group().lower()
            if any(q[0] <= at < q[1] for q in spans):
                continue
            if any(who and who[0] <= at < who[1] for _, who in told):
                continue
            if any(span[0] <= at < span[1] for span, _ in told) and not _attribution_adverb(word):
                continue
            rest.append(word)
        return all(w in _STOP or w in speech for w in rest)

    return [c for c in claims if not said_again(c)]


# Adverbs of an attribution that tell more than who spoke ("never said", "later admitted")
_ATTRIBUTION_ADVERBS = frozenset("never not later earlier privately secretly once".split())


def _attribution_adverb(word: str) -> bool:
    return word in _ATTRIBUTION_ADVERBS or (len(word) > 4 and word.endswith("ly"))


def _shared(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _len(a: tuple[int, int]) -> int:
    return a[1] - a[0]


# --- scores -------------------------------------------------------------------------------------------


def score(alignment: Alignment, settings: Settings = DEFAULT_SETTINGS) -> Scores:
    source, derived = alignment.source, alignment.derived
    total = derived.words
    if total == 0:
        return Scores(0.0, 0.0, 0.0, 0.0)
    copied = verbatim_words(source, derived)
    supported = 0.0
    for link in alignment.links:
        in_runs = sum(copied.get(i, 0) for i in link.derived)
        if link.kind == "added":
            supported += in_runs
            continue
        words = sum(derived.sentences[i].words for i in link.derived)
        cut = sum(_words_in(derived, link, a, b) for a, b in link.unsupported)
        # Words copied word for word are traceable whatever the sentence as a whole looks like, as long as
        # the sentence states the source's facts and does not merely reuse its frame with other names.
        supported += specifics_weight(alignment, link, settings) * max(
            in_runs, max(0, words - cut) * support_weight(link, settings)
        )
    reuse = min(1.0, supported / total)
    return Scores(
        reuse=round(reuse, 4),
        verbatim=round(sum(copied.values()) / total, 4),
        coverage=round(_coverage(alignment), 4),
        novelty=round(1.0 - reuse, 4),
    )


def support_weight(link: Link, settings: Settings = DEFAULT_SETTINGS) -> float:
    """How surely a linked sentence was taken from its source, 0 to 1.

    Copies are sure. A restatement is sure only when it is very close: two reporters writing up the same
    facts independently produce sentences with a cosine of 0.6-0.75, rewrites of a text mostly above
    0.8, so the weight ramps between ``support_floor`` and ``support_full`` (calibrated on graded reuse
    data, benchmarks/calibrate.py).
    """
    if link.kind in ("verbatim", "near_verbatim"):
        return 1.0
    lo, hi = settings.support_floor, settings.support_full
    return min(1.0, max(0.0, (link.similarity - lo) / (hi - lo)))


def specifics_weight(alignment: Alignment, link: Link, settings: Settings = DEFAULT_SETTINGS) -> float:
    """How far a linked sentence keeps its source's specifics (numbers, names), 0 to 1.

    Formulaic sentences ("X did not respond to a request for comment on Y", "About N flights were affected
    in P") recur across unrelated articles with other names and figures; their words and even their
    embeddings match, their facts do not. A rewrite keeps most of them (a changed figure is a finding, not
    a new sentence), so support is scaled by the share of specifics in common (of the sentence with fewer),
    full from ``specifics_agreement``. Sentences without specifics on either side are not judged by this.
    """
    if link.kind == "verbatim":
        return 1.0
    src = frozenset().union(*(alignment.source.specifics(i) for i in link.source))
    der = frozenset().union(*(alignment.derived.specifics(i) for i in link.derived))
    if not src or not der:
        return 1.0
    shared = len(src & der) / min(len(src), len(der))
    return min(1.0, shared / settings.specifics_agreement)


def _words_in(doc: Document, link: Link, a: int, b: int) -> int:
    return sum(1 for i in link.derived for t in doc.sentences[i].tokens if a <= t.start < b)


def verbatim_words(source: Document, derived: Document, n: int = 5) -> dict[int, int]:
    """Per derived sentence, its words inside runs of ``n`` or more words copied from the source."""
    return {i: sum(hit) for i, hit in verbatim_hits(source, derived, n).items()}


def verbatim_hits(source: Document, derived: Document, n: int = 5) -> dict[int, list[bool]]:
    """Per derived body sentence, for each of its tokens whether it sits in a run of ``n`` or more words copied
    from the source (``verbatim_words`` counts them; the held-back check also asks where they sit)."""
    grams: set[tuple[str, ...]] = set()
    short: set[tuple[str, ...]] = set()
    for s in source.body:
        norms = tuple(t.norm for t in s.tokens)
        if len(norms) < n:
            short.add(norms)
        grams.update(norms[k : k + n] for k in range(len(norms) - n + 1))
    out: dict[int, list[bool]] = {}
    for s in derived.body:
        norms = tuple(t.norm for t in s.tokens)
        if len(norms) < n:
            out[s.index] = [norms in short] * len(norms)
            continue
        hit = [False] * len(norms)
        for k in range(len(norms) - n + 1):
            if norms[k : k + n] in grams:
                for m in range(k, k + n):
                    hit[m] = True
        out[s.index] = hit
    return out


def _coverage(alignment: Alignment) -> float:
    """Share of the source's content words whose sentence the derived article keeps, weighted by how much."""
    kept, total = _kept_content(alignment)
    return kept / total if total else 0.0


def _kept_content(alignment: Alignment) -> tuple[float, int]:
    """Content words of the source the derived article keeps (weighted by how much of each sentence it
    keeps), and all of the source's content words (each body sentence's distinct content stems)."""
    source, derived = alignment.source, alignment.derived
    kept: dict[int, float] = {}
    for link in alignment.links:
        if not link.source:
            continue
        d_content = frozenset().union(*(derived.sentences[i].content_stems() for i in link.derived))
        for j in link.source:
            s_content = source.sentences[j].content_stems()
            if not s_content:
                continue
            share = len(s_content & d_content) / len(s_content)
            if link.kind in ("verbatim", "near_verbatim", "paraphrase") and len(link.source) == 1:
                share = 1.0 if link.kind != "paraphrase" else max(share, link.similarity)
            kept[j] = max(kept.get(j, 0.0), min(1.0, share))
    weight_total = 0
    weight_kept = 0.0
    for s in source.body:
        if _is_data(source, s):
            continue
        w = len(s.content_stems())
        weight_total += w
        weight_kept += w * kept.get(s.index, 0.0)
    return weight_kept, weight_total


def _is_data(doc: Document, sent: Sentence) -> bool:
    """An encoded blob or a web address that a scraped page embeds (``Document.data_sentences``): its parts
    are no words of the story (a base64 widget split into 72 "content words" outweighed a 40-word
    petition), so it is no content to keep."""
    return sent.index in doc.data_sentences


def reach_coverage(alignment: Alignment) -> float:
    """Coverage that allows for length: the original's content the suspect keeps, out of as much as a text
    of the suspect's length could keep (content words kept / the smaller of the two texts' content words).

    ``scores.coverage`` divides by the whole original, so a 300-word rewrite of a 3,000-word article keeps
    at most a tenth of it however faithful it is; here it can keep all. For texts of equal length, and
    for a suspect longer than its original, the two are the same.
    """
    kept, total = _kept_content(alignment)
    derived = alignment.derived
    own = sum(len(s.content_stems()) for s in derived.body if not _is_data(derived, s))
    reach = min(total, own)
    return min(1.0, kept / reach) if reach else 0.0


# --- verdict ------------------------------------------------------------------------------------------


def trail_of(alignment: Alignment) -> Trail:
    """Order of the links and names and figures in common (see ``Trail``)."""
    positions = [min(link.source) for link in alignment.links if link.source]
    tails: list[int] = []
    for x in positions:
        k = bisect.bisect_right(tails, x)
        if k == len(tails):
            tails.append(x)
        else:
            tails[k] = x
    source, derived = alignment.source, alignment.derived
    plain = _plain_words(source) | _plain_words(derived)
    # The parts of a web address ("2Fwww", "appId=2024...") are no names or figures of the story.
    d_spec = _body_details(derived, plain).keys() - derived.url_words
    # The original "has" a name when it has the word at all: it may write it in capitals or open a sentence
    # with it, where the strict name test does not see it. (A word either text writes in lower case is no
    # name on either side: ``plain`` leaves it out of ``d_spec``.)
    s_words = _words_anywhere(source)
    return Trail(
        len(positions),
        len(tails),
        len(d_spec),
        sum(_bare(k) in s_words for k in d_spec),
        _own_quotes(source, derived),
        round(reach_coverage(alignment), 4),
        sources_linked(alignment),
    )


def sources_linked(alignment: Alignment) -> int:
    """Distinct sentences of the original that some link (restating or ``partial``) draws on."""
    return len({j for link in alignment.links for j in link.source})


_WORD = re.compile(r"\w+")


def _own_quotes(source: Document, derived: Document, *, strangers_only: bool = False) -> int:
    """Quotations of ``derived`` (4+ words, not scare quotes) with fewer than half their words in ``source``.

    A quotation nobody is said to speak that opens the text and makes up whole sentences (nothing but the
    quotation from the start of the text to the end of its last sentence) is not counted: that is a headline
    or a whole answer in quotation marks, as LLMs write them ('"Shocking Results Revealed: ..."'), not
    someone's words. (In benchmarks/eval_trace.py's dump, 3 of the 9 SheepDog rewrites whose original compare
    judged below partially derived were stopped by such a "quotation" alone; RESULTS.md.) Further in, a
    quotation with no speaker found may still be an invented quote (the speaker named in the next sentence,
    or missed by ``facts.quotes``), and counts. With ``strangers_only``, a quotation whose speaker the original
    names or quotes (``speaker_of_original``) does not count either.
    """
    from storytrace.facts.quotes import quotes_of, speaker_of_original

    vocabulary = {w.lower() for w in _WORD.findall(source.text)}
    own = 0
    for q in quotes_of(derived):
        words = [w.lower() for w in _WORD.findall(q.text)]
        if q.kind != "quote" or len(words) < 4 or sum(w in vocabulary for w in words) >= len(words) / 2:
            continue
        if q.speaker is None and _opens_the_text(derived, q.outer_start, q.outer_end):
            continue
        if strangers_only and speaker_of_original(source, derived.text, q):
            continue
        own += 1
    return own


def _opens_the_text(doc: Document, start: int, end: int) -> bool:
    """True when no word of ``doc`` stands before ``start``, nor between ``end`` and the end of the sentence
    holding ``end``: a quotation that opens the text and ends with a sentence."""
    text = doc.text
    if _WORD.search(text, 0, start):
        return False
    return any(s.start < end <= s.end and not _WORD.search(text, end, s.end) for s in doc.sentences)


def trail_holds(trail: Trail, scores: Scores, settings: Settings) -> bool:
    """True when content kept and names and figures in common both point to the original."""
    return trail.own_quotes <= settings.trail_own_quotes and (
        _trail_by_coverage(trail, scores, settings)
        or _trail_by_reach(trail, settings)
        or _trail_by_content(trail, scores, settings)
    )


def _trail_by_coverage(trail: Trail, scores: Scores, settings: Settings) -> bool:
    return (
        scores.coverage >= settings.trail_coverage
        and trail.shared_specifics >= settings.trail_specifics
        and trail.specifics_share >= settings.trail_specifics_share
    )


def _trail_by_reach(trail: Trail, settings: Settings) -> bool:
    # A short rewrite of a long original (a speech, a transcript, a scraped page) keeps little of the
    # whole, however faithful: content kept out of what a text of its length could keep, when the
    # rewrite also carries many names and figures, nearly all of them the original's. Reach alone lets
    # independent answers through (Clough sources are 1.2-3x their answers' length; RESULTS.md, session
    # 5); they name a handful of people and things, a restyled transcript dozens.
    return (
        trail.reach >= settings.trail_coverage
        and trail.shared_specifics >= settings.trail_reach_specifics
        and trail.specifics_share >= settings.trail_reach_share
    )


def _trail_by_content(trail: Trail, scores: Scores, settings: Settings) -> bool:
    # Most of the original restated, and next to nothing checkable of the suspect's own: padding, not
    # independent writing, which brings its own people and figures (``Settings.trail_content_coverage``).
    # One sentence restated is too little to tell a retelling from another report of the same brief event.
    own = trail.specifics - trail.shared_specifics
    return (
        scores.coverage >= settings.trail_content_coverage
        and trail.sources_linked >= 2
        and (own <= 1 or trail.specifics_share >= settings.trail_specifics_share)
    )


def _trail_evidence(trail: Trail) -> str:
    said = (
        f"{trail.shared_specifics} of its {trail.specifics} names and figures are in the original"
        if trail.specifics
        else "it names no people and gives no figures"
    )
    if trail.own_quotes:
        said += (
            f"; it quotes what the original does not ({trail.own_quotes} "
            f"{'quotation' if trail.own_quotes == 1 else 'quotations'} of its own)"
        )
    if trail.linked:
        said += (
            f"; it follows the original's order: {trail.in_order} of {trail.linked} linked "
            f"{'sentence' if trail.linked == 1 else 'sentences'} in sequence"
        )
    return said


def _verbatim_note(scores: Scores) -> str:
    # Reuse discounts a copied sentence whose names or figures differ (see ``specifics_weight``), so it can fall
    # below the verbatim share; "76% trace ... (91% in verbatim runs)" read as a contradiction to users.
    if round(scores.verbatim, 2) > round(scores.reuse, 2):
        return (
            f"{scores.verbatim:.0%} sit in runs copied word for word, but sentences whose names or figures "
            "differ count for less"
        )
    return f"{scores.verbatim:.0%} in verbatim runs"


def relation_of(alignment: Alignment, scores: Scores, settings: Settings) -> tuple[str, float, list[str]]:
    evidence = [
        f"{scores.reuse:.0%} of the suspect's words trace to the original "
        f"({_verbatim_note(scores)}); it keeps {scores.coverage:.0%} of the original's content"
    ]
    related_cut = settings.related_similarity if alignment.used_embeddings else settings.related_overlap
    if not any(link.kind != "added" for link in alignment.links):
        # Reuse counts words copied in runs even in a sentence linked to nothing, so a stock phrase ("believed to be
        # worth more than") made a one-sentence report on something else "partially derived", pointing at no
        # sentence of the original. A relation that claims reuse names the sentences reused (as trace requires).
        evidence.append("no sentence of it is linked to one of the original's")
        similarity = alignment.document_similarity
        evidence.append(f"whole-article similarity {similarity:.2f}")
        if similarity >= related_cut:
            return "related", _margin_confidence(similarity, related_cut), evidence
        return "unrelated", _margin_confidence(related_cut, similarity), evidence
    # The trail needs links on semantic evidence (a heavy rewrite shares few words with its original).
    if scores.reuse < settings.partial_reuse and alignment.semantic_links:
        trail = trail_of(alignment)
        evidence.append(_trail_evidence(trail))
        if trail_holds(trail, scores, settings):
            quotes = ", and it quotes nobody the original does not" if not trail.own_quotes else ""
            if _trail_by_coverage(trail, scores, settings) or _trail_by_reach(trail, settings):
                if _trail_by_coverage(trail, scores, settings):
                    kept, kept_what = scores.coverage, "of the original's content"
                    at_least, share = settings.trail_specifics, settings.trail_specifics_share
                else:
                    kept = trail.reach
                    kept_what = "of as much of the original's content as a text of its length could"
                    at_least, share = settings.trail_reach_specifics, settings.trail_reach_share
                evidence.append(
                    "partially derived although its sentences are restyled beyond recognition: it keeps "
                    f"{kept:.0%} {kept_what} (at least {settings.trail_coverage:.0%}) "
                    f"and {trail.specifics_share:.0%} of its names and figures are the original's "
                    f"(at least {at_least} and {share:.0%})" + quotes
                )
                margin = min(
                    (kept - settings.trail_coverage) / max(settings.trail_coverage, 1e-9),
                    trail.specifics_share - share,
                )
            else:
                own = trail.specifics - trail.shared_specifics
                evidence.append(
                    "partially derived although most of its words are its own: it restates "
                    f"{scores.coverage:.0%} of the original's content (at least "
                    f"{settings.trail_content_coverage:.0%}) and names "
                    + ("nothing" if not own else "one person or figure" if own == 1 else f"{own} people or figures")
                    + " the original does not"
                    + quotes
                )
                cut = settings.trail_content_coverage
                margin = (scores.coverage - cut) / max(cut, 1e-9)
            # Weaker than reused text: never more confident than 0.75.
            return "partially_derived", min(0.75, _margin_confidence(margin, 0.0, scale=0.5)), evidence
    own_figures = _own_figures(alignment) if scores.verbatim < settings.independent_verbatim else []
    if scores.reuse >= settings.partial_reuse and own_figures:
        shown = ", ".join(own_figures[:4]) + (" ..." if len(own_figures) > 4 else "")
        evidence.append(
            f"it copies next to nothing word for word ({scores.verbatim:.0%} in verbatim runs), and "
            f"{len(own_figures)} of its sentences that restate the original give figures the original has nowhere "
            f"({shown}), more than the original gives that it lacks: a rewrite cannot know them; another outlet's "
            "report of the same event tells its facts, with its own figures"
        )
        return _independent_report(alignment, related_cut, evidence)
    if scores.reuse >= settings.derived_reuse:
        return "derived", _margin_confidence(scores.reuse, settings.derived_reuse), evidence
    if scores.reuse >= settings.partial_reuse:
        own_quotes = _own_report(alignment, scores, settings)
        if own_quotes:
            evidence.append(
                f"it copies next to nothing word for word ({scores.verbatim:.0%} in verbatim runs) and quotes what "
                f"the original does not ({own_quotes} "
                f"{'quotation' if own_quotes == 1 else 'quotations'} of its own): its restatements are of the same "
                "event's facts, as an independent report of it gives them"
            )
            return _independent_report(alignment, related_cut, evidence)
        gap = min(scores.reuse - settings.partial_reuse, settings.derived_reuse - scores.reuse)
        return (
            "partially_derived",
            _margin_confidence(settings.partial_reuse + gap, settings.partial_reuse),
            evidence,
        )
    similarity = alignment.document_similarity
    evidence.append(f"whole-article similarity {similarity:.2f}")
    if similarity >= related_cut:
        gap = min(similarity - related_cut, settings.partial_reuse - scores.reuse)
        return "related", _margin_confidence(related_cut + gap, related_cut), evidence
    return "unrelated", _margin_confidence(related_cut, similarity), evidence


def _own_report(alignment: Alignment, scores: Scores, settings: Settings) -> int:
    """The quotations of its own (``_own_quotes``) of a suspect whose reuse is only partial, when it also copies
    (next to) no run of words: another outlet's report of the same event, not a rewrite (0 otherwise).

    Its sentences restate the event's figures and names, as any report of it does (an earnings story: the profit,
    the forecast it beat, the plant to close), and two such sentences near ``support_full`` made another outlet's
    earnings story, with its own union official quoted, "partially derived" with six high findings (qa26 P11).
    A rewrite keeps a run of the original's words: every SheepDog rewrite judged partially derived that quotes
    what its original does not copies 5% of its words or more in runs (6 of 1,440 rewrites;
    ``Settings.independent_verbatim``).

    Only a quotation of someone the original neither names nor quotes counts: another outlet brings its own
    voices (qa26's s2_d quotes a union official the original never names), while new words for the original's
    own chief executive are a made-up quote, whose ``quote_fabricated`` finding a "related" verdict would hide
    (review rev27b: a partial rewrite at 0.48 reuse, 0% in runs)."""
    if scores.verbatim >= settings.independent_verbatim:
        return 0
    return _own_quotes(alignment.source, alignment.derived, strangers_only=True)


#: A figure of a suspect's own (``_own_figures``) is at least this: smaller numbers ("0 and 1", "a 0.5
#: probability", "50%" of a worked example) are a text's way of explaining, not the facts of an event.
_OWN_FIGURE_MIN = 10


def _independent_report(alignment: Alignment, related_cut: float, evidence: list[str]) -> tuple[str, float, list[str]]:
    """Another outlet's report of the same event (its own figures or quotations, no copied run): ``related`` or
    ``unrelated`` by whole-article similarity, never more confident than 0.75 since the reuse read says otherwise."""
    similarity = alignment.document_similarity
    evidence.append(f"whole-article similarity {similarity:.2f}")
    if similarity >= related_cut:
        return "related", min(0.75, _margin_confidence(similarity, related_cut)), evidence
    return "unrelated", min(0.75, _margin_confidence(related_cut, similarity)), evidence


def _own_figures(alignment: Alignment) -> list[str]:
    """The figures of a suspect that another outlet's report of the same event gives and a rewrite cannot: one
    each from ``_OWN_FIGURE_SENTENCES`` or more of its sentences linked to the original, a number of at least
    ``_OWN_FIGURE_MIN`` that the original has nowhere, and more such sentences than the linked sentences of the
    original hold figures the suspect has nowhere, in ``_OWN_FIGURE_SHARE`` of its linked sentences or more, no year
    counted, and only when the suspect lacks some figure or date of the original's; [] otherwise. Read only of a
    suspect that copies no run of words (``Settings.independent_verbatim``).

    A summary of one court case restating another outlet's report of it sentence by sentence ("released on
    EUR 250,000 bail" for "granted bail", "37 transfers", "opens on 22 September" for "set for September")
    was judged ``derived`` at 62% reuse, its names and the event's facts doing the reuse (qa26, s1_c against
    s1_d). Measured (review trace27): no SheepDog rewrite of 273 that copies under 3% in runs gives two such
    figures, nor any FRANK summary of 150; of the Clough & Stevenson answers, two written without the source
    (``non``) and none taken from it."""
    source, derived = alignment.source, alignment.derived
    plain = _plain_words(source) | _plain_words(derived)
    s_details = _body_details(source, plain)
    s_all = {_bare(k) for k in s_details}
    d_all = {_bare(k) for k in _body_details(derived, plain)}
    if not any(v == 1.0 and _bare(k) not in d_all for k, v in s_details.items()):
        # it keeps every figure and date of the original: a rewrite's sign, whatever it adds (another outlet's
        # report leaves some out; a content farm padding a rewrite with background figures keeps them all)
        return []
    own: list[str] = []
    theirs = 0
    linked = 0
    for link in alignment.links:
        if not link.source or link.kind == "verbatim":
            continue
        linked += 1
        years = _years_in(derived, link.derived)
        mine = [
            k
            for k, v in _direction_details(derived, link.derived, plain).items()
            if v == 1.0 and _bare(k) not in s_all and _figure_value(k) >= _OWN_FIGURE_MIN and k not in years
        ]
        lacks = any(
            v == 1.0 and _bare(k) not in d_all for k, v in _direction_details(source, link.source, plain).items()
        )
        if mine and not lacks:
            # a figure where the original's sentence gives one the suspect lacks is that figure changed
            # ("14 of its helicopters" -> "35"), not a report's own
            own.append(mine[0])
        theirs += lacks
    if len(own) < _OWN_FIGURE_SENTENCES or len(own) <= theirs or len(own) < _OWN_FIGURE_SHARE * linked:
        return []
    return own


def _years_in(doc: Document, indices: tuple[int, ...]) -> frozenset[str]:
    """The years some sentences give ("founded in 1931"): background anyone can look up, which a content farm
    pads a rewrite with (review rev27c), so no figure of a report's own (``_own_figures``)."""
    text = doc.text
    return frozenset(t.norm for i in indices for t in doc.sentences[i].tokens if looks_like_year(text, t.start, t.end))


#: How many linked sentences of a suspect must give figures of their own (``_own_figures``).
_OWN_FIGURE_SENTENCES = 2
#: The share of a suspect's linked sentences that must give figures of their own (``_own_figures``): an
#: independent report's are throughout (3 of 4 in qa26's s1_c), a padded rewrite's few (2 of 11, review rev27c).
_OWN_FIGURE_SHARE = 0.25


def _figure_value(norm: str) -> float:
    """A figure's value as ``_direction_details`` keeps it ("250000", "4.2"), 0 when it is no number."""
    try:
        return float(norm.replace(",", ""))
    except ValueError:
        return 0.0


def _margin_confidence(value: float, threshold: float, scale: float = 0.2) -> float:
    """0.5 on a threshold, rising to 1.0 a ``scale`` away from it."""
    return round(min(1.0, 0.5 + 0.5 * abs(value - threshold) / scale), 3)


def direction_of(alignment: Alignment, settings: Settings) -> tuple[str, float, list[str]]:
    """Which text came first: publication times or dates when both are known, otherwise the text itself."""
    s_art, d_art = alignment.source.article, alignment.derived.article
    s_date, d_date = s_art.published_date(), d_art.published_date()
    timed = _time_order(s_art, d_art)
    if timed is not None and abs(timed[2]) >= 24:
        return timed[0], 0.9, [timed[1]]  # a day or more apart, offsets read: whatever the printed days say
    if timed is None and s_date and d_date and s_date != d_date:
        if s_date < d_date:
            return "as_given", 0.9, [f"the original was published first ({s_date} before {d_date})"]
        return "reversed", 0.9, [f"the suspect was published first ({d_date} before {s_date})"]
    if timed is None:
        evidence = (
            [
                f"both published on {s_date}, one or both without a time of day (and its UTC offset): direction "
                "from the text"
            ]
            if s_date and d_date
            else []
        )
        return _text_direction(alignment, settings, evidence)
    if timed[0] == "unclear":
        return _text_direction(alignment, settings, [timed[1]])
    # Within a day, hours apart: a stamp may be an update's or a feed's, so the text's own sure sign the other
    # way leaves the direction open (a wire updated after its partner republished it, review rev20a), and a
    # time-decided direction stays below trace's "surely reversed" (a candidate the suspect's day keeps).
    text, text_conf, text_evidence = _text_direction(alignment, settings, [])
    if text not in ("unclear", timed[0]) and text_conf >= _TEXT_SURE:
        return "unclear", 0.5, [f"{timed[1]}, yet the text points the other way", *text_evidence]
    update = _agency_update(alignment) if timed[0] == "reversed" else None
    if update is not None:
        return "unclear", 0.5, [f"{timed[1]}, yet {update}"]
    return timed[0], _SAME_DAY_TIMED, [timed[1]]


#: The share of the suspect's body words an agency's later version must hold in sentences it copies word for word
#: (verbatim or near-verbatim links) for its later stamp to be read as an update's (``_agency_update``).
_UPDATE_COPIED = 0.9


def _agency_update(alignment: Alignment) -> str | None:
    """Why an original stamped hours after the suspect on one day is a news agency's update of the story the
    suspect copied, not a copy of the suspect, in words for the evidence; None when it is not that.

    An agency updates its story through the day under the same id and stamps the update: an outlet's verbatim copy
    of the first version then carries the earlier stamp, and the times alone named the copy the original and left
    the agency's story no source (fixqa26t's rule, review trace27). The evidence: the outlets differ, the original's
    is a listed agency (``is_wire_outlet``) or the suspect names it (a credit, "(Harbour Wire) -"), the suspect is
    not itself an agency's, and the original does not name the suspect's outlet (a credit the other way: an
    agency re-publishing a member paper's scoop, review rev27c); the suspect's body is the original's sentences
    copied word for word (``_UPDATE_COPIED`` of its words), and what the original has beyond it is whole
    paragraphs, none of them its first (a headline rewritten for the update is no added paragraph), as an update
    adds them. A later copy that adds paragraphs of its own is no agency's, or is not credited by the original it
    took them from."""
    source, derived = alignment.source, alignment.derived
    s_outlet, d_outlet = source.article.outlet, derived.article.outlet
    if not s_outlet or not d_outlet or is_wire_outlet(d_outlet):
        return None
    s_key = outlet_key(s_outlet)
    if not s_key or s_key == outlet_key(d_outlet):
        return None
    credited = f" {s_key} " in f" {outlet_key(derived.text)} "
    if not (credited or is_wire_outlet(s_outlet)):
        return None
    if f" {outlet_key(d_outlet)} " in f" {outlet_key(source.text)} ":
        # the later text names the suspect's outlet ("first reported by the Harbor Daily"): it took the story
        # from the suspect, as an agency re-publishing a member paper's scoop does (review rev27c)
        return None
    body = derived.body
    copied = {i for link in alignment.links if link.kind in _COPIED_KINDS for i in link.derived}
    words = sum(s.words for s in body)
    if len(body) < 3 or not words or sum(s.words for s in body if s.index in copied) < _UPDATE_COPIED * words:
        return None
    first = min((s.paragraph for s in source.body), default=0)
    kept = {source.sentences[j].paragraph for link in alignment.links for j in link.source}
    added = {source.sentences[j].paragraph for j in alignment.omitted} - {first}
    if not added or added & kept:
        return None  # nothing beyond the copy, or an edited paragraph: no sign of an update
    n = len(added)
    who = f"{s_outlet}, which the suspect credits," if credited else f"{s_outlet}, a news agency,"
    return (
        f"the original holds the suspect's text word for word and adds {n} whole paragraph{'s' if n > 1 else ''} "
        f"of its own: {who} updated its story after the suspect copied it, and a later stamp on an update is no "
        "sign of a copy"
    )


_COPIED_KINDS = frozenset(("verbatim", "near_verbatim"))


def published_order(source: Article, derived: Article) -> str | None:
    """``as_given`` when the publication stamps say ``source`` came first, ``reversed`` when ``derived`` did, None
    when they do not order the two: the stamps as :func:`direction_of` reads them (times only when both carry a time
    of day with its UTC offset, at least ``_MIN_TIMED_HOURS`` apart; else the printed days when they differ). An
    undated side, or the same day without two such times, orders nothing: a naive time could be any zone's."""
    timed = _time_order(source, derived)
    if timed is not None:
        return None if timed[0] == "unclear" else timed[0]
    s_date, d_date = source.published_date(), derived.published_date()
    if s_date is None or d_date is None or s_date == d_date:
        return None
    return "as_given" if s_date < d_date else "reversed"


def publication_stamp(article: Article) -> tuple[dt.date | None, dt.datetime | None]:
    """What :func:`published_order` reads of an article's stamp: its day as printed, and its time of day when it
    carries a UTC offset (a naive time could be any zone's)."""
    t = article.published_time()
    return article.published_date(), t if t is not None and t.tzinfo is not None else None


def unpreceded(stamps: Sequence[tuple[dt.date | None, dt.datetime | None]]) -> list[int]:
    """The positions in ``stamps`` (``publication_stamp``) of those no other was published before, as
    :func:`published_order` reads the stamps: the candidates for "the earliest published". Linear, not a
    ``published_order`` per pair: a time with its UTC offset is preceded by another such time at least
    ``_MIN_TIMED_HOURS`` before its instant, or by a stamp without one on an earlier printed day; a stamp
    without such a time by any stamp on an earlier printed day; an undated one by none. ``judge.published_key``
    cannot stand in for this across printed days: it keeps a day alone after its day's times, so it puts
    "2025-03-10T23:10-05:00" before "2025-03-10", that before "2025-03-11T00:30+05:00" (the printed days), and
    so the first of the two instants last (rev24c: a London wire at 01:00 UTC taken for later than a New York
    rewrite printed 23:30-05:00 the day before). Empty only where the stamps contradict each other (offsets
    13 hours and more apart around a day alone)."""
    instants = [t for _d, t in stamps if t is not None]
    first_instant = min(instants, default=None)
    first_day = min((d for d, _t in stamps if d is not None), default=None)
    first_untimed_day = min((d for d, t in stamps if d is not None and t is None), default=None)
    out = []
    for k, (day, t) in enumerate(stamps):
        if day is None:
            preceded = False
        elif t is None:
            preceded = first_day is not None and first_day < day
        else:
            assert first_instant is not None
            preceded = (t - first_instant).total_seconds() / 3600 >= _MIN_TIMED_HOURS or (
                first_untimed_day is not None and first_untimed_day < day
            )
        if not preceded:
            out.append(k)
    return out


#: A same-day direction from publication times (below trace's ``_REVERSED_SURE``, 0.76), and the confidence of
#: the text's own evidence that outweighs it.
_SAME_DAY_TIMED = 0.75
_TEXT_SURE = 0.76
#: Publication times closer than this (both with UTC offsets) do not order two articles: an edit stamp, a feed's
#: delay.
_MIN_TIMED_HOURS = 1.0


def _text_direction(alignment: Alignment, settings: Settings, evidence: list[str]) -> tuple[str, float, list[str]]:
    """Which text came first by the texts alone: which side has the precise details the other blurs or lacks,
    and the editorial comment it adds. ``evidence`` holds what was already said (of the dates)."""
    precise_src = precise_der = vague_der = vague_src = 0.0
    source, derived = alignment.source, alignment.derived
    plain = _plain_words(source) | _plain_words(derived)
    # A detail speaks for a direction only when the other text has it nowhere: a rewrite that merges two
    # sentences carries a detail from the original's next sentence, and one that splits a sentence leaves
    # part of it to its next one; neither lost nor invented anything.
    # A possessive is the same name ("ABC's coverage" restates "ABC devoted"), as in ``trail_of``.
    s_all = {_bare(k) for k in _body_details(source, plain)}
    d_all = {_bare(k) for k in _body_details(derived, plain)}
    for link in alignment.links:
        if not link.source or link.kind == "verbatim":
            continue
        s_tokens = [t for j in link.source for t in source.sentences[j].tokens]
        d_tokens = [t for i in link.derived for t in derived.sentences[i].tokens]
        s_det = {k: v for k, v in _direction_details(source, link.source, plain).items() if _bare(k) not in d_all}
        d_det = {k: v for k, v in _direction_details(derived, link.derived, plain).items() if _bare(k) not in s_all}
        precise_src += sum(s_det.values())
        precise_der += sum(d_det.values())
        s_words = {t.norm for t in s_tokens}
        d_words = {t.norm for t in d_tokens}
        # Vague wording counts only where it stands in for a detail the other side has.
        if s_det.keys() - d_det.keys():
            vague_der += len((d_words - s_words) & _VAGUE)
        if d_det.keys() - s_det.keys():
            vague_src += len((s_words - d_words) & _VAGUE)
    added_comment = sum(
        1 for link in alignment.links if link.kind == "added" and _editorial(_text_of(alignment.derived, link.derived))
    )
    dropped_comment = sum(
        1
        for j in alignment.omitted
        if _editorial(alignment.source.sentence_text(j)) and not _question_subhead(alignment.source, j)
    )
    # A rewrite adds comment; an original's own comment dropped by a condensing copy is weaker evidence.
    # Both counts grow with the length of the text whose unmatched sentences they read, not with what
    # the copier did, so both are capped: uncapped, compare(copy, long original) counted every "could"
    # of the original's unmatched sentences as comment the suspect added (up to 28 on SheepDog) and
    # called the copy the original.
    net = (
        (precise_src - precise_der) * 0.5
        + (vague_der - vague_src) * 0.5
        + min(added_comment, _COMMENT_CAP)
        - 0.5 * min(dropped_comment, _COMMENT_CAP)
    )
    if precise_src or precise_der:
        evidence.append(
            "precise details in matching sentences that the other text lacks anywhere, weighted (a figure or "
            f"date counts 1, a name 0.5): original {precise_src:g}, suspect {precise_der:g}"
        )
    if vague_der or vague_src:
        evidence.append(f"vague words standing in for a detail: suspect {vague_der:g}, original {vague_src:g}")
    if added_comment or dropped_comment:
        evidence.append(
            f"sentences of editorial comment only in the suspect: {added_comment}; only in the original: "
            f"{dropped_comment}"
        )
    if abs(net) < settings.direction_margin:
        evidence.append("the text gives no clear sign of which came first")
        return "unclear", 0.5, evidence
    conf = round(min(0.85, 0.5 + abs(net) / (abs(net) + 4 * settings.direction_margin)), 3)
    return ("as_given" if net > 0 else "reversed"), conf, evidence


def _time_order(source: Article, derived: Article) -> tuple[str, str, float] | None:
    """The direction two publication times give, with its evidence sentence and the hours from the original's
    to the suspect's, or None unless both articles carry a time of day with its UTC offset (a date alone could
    be any hour of its day; a time without an offset any zone's, and real zones lie up to a day apart).

    At least ``_MIN_TIMED_HOURS`` apart, the earlier is the original; nearer, the direction is ``unclear`` and the
    text decides.
    """
    s_time, d_time = source.published_time(), derived.published_time()
    if s_time is None or d_time is None or s_time.tzinfo is None or d_time.tzinfo is None:
        return None
    hours = (d_time - s_time).total_seconds() / 3600
    stamps = f"original {_stamp(s_time)}, suspect {_stamp(d_time)}"
    if abs(hours) < _MIN_TIMED_HOURS:
        apart = "at the same time" if hours == 0 else f"{_hours(hours)} h apart"
        return "unclear", f"published {apart} ({stamps}): direction from the text", hours
    first, direction = ("original", "as_given") if hours > 0 else ("suspect", "reversed")
    return direction, f"the {first} was published first, {_hours(hours)} h earlier ({stamps})", hours


def _hours(hours: float) -> str:
    return f"{abs(hours):.1f}".removesuffix(".0")


def _stamp(t: dt.datetime) -> str:
    """A publication time as given: its own offset, or none said."""
    clock = t.strftime("%Y-%m-%d %H:%M")
    offset = t.strftime("%z")
    if not offset:
        return f"{clock} (no time zone)"
    return f"{clock} UTC" if offset == "+0000" else f"{clock} {offset[:3]}:{offset[3:]}"


def _body_details(doc: Document, plain: frozenset[str]) -> dict[str, float]:
    """``_direction_details`` of the whole body, kept on the document for the pair's ``plain`` words: one
    pair is audited several times (lexically, with embeddings, the other way round), and a long text's
    details cost milliseconds each time. Read-only for callers."""
    memo: dict[frozenset[str], dict[str, float]] = doc.__dict__.setdefault("_body_details", {})
    found = memo.get(plain)
    if found is None:
        if len(memo) >= 8:
            memo.clear()  # a document meets few pairs at a time; keep the memo small
        found = memo[plain] = _direction_details(doc, tuple(s.index for s in doc.body), plain)
    return found


def _direction_details(doc: Document, indices: tuple[int, ...], plain: frozenset[str]) -> dict[str, float]:
    """Concrete details of some sentences for the direction, with weights: figures and dates 1, names 0.5.

    Stricter about names than ``_details``: LLM restyling capitalises for effect ("Shocking Revelations:
    Unveiling the Dark Truths", "WARNING"), so a capitalised word is a name only when it is no function
    or vague word, does not open a sentence, clause or quotation, is not shouted (all capitals beyond
    five letters), does not stand in a title-cased run (a line, or a headline glued to its lead: ``_title_run``),
    and never appears in lower case in either text (``plain``).
    """
    out: dict[str, float] = {}
    for i in indices:
        marks, runs = _detail_marks(doc, i)
        # a run is a headline by its own words, or (cut off by a line break or gap) with a capital ``plain`` has
        headline = [base and (alone or not capitals.isdisjoint(plain)) for base, alone, capitals in runs]
        for norm, kind, run in marks:
            if kind == _FIGURE or (kind == _MONTH and norm not in plain):
                out[norm] = 1.0
            elif kind == _NAME and not headline[run] and norm not in plain:
                out.setdefault(norm, 0.5)
    return out


# A token's kind for ``_direction_details``, read once per sentence (``_detail_marks``)
_FIGURE, _MONTH, _NAME = 1, 2, 3
_Marks = tuple[tuple[tuple[str, int, int], ...], tuple[tuple[bool, bool, frozenset[str]], ...]]


def _detail_marks(doc: Document, i: int) -> _Marks:
    """What ``_direction_details`` reads of sentence ``i`` whatever the pair's ``plain`` words: the tokens that
    may be details (normal form, ``_FIGURE``/``_MONTH``/``_NAME``, the run they stand in), in order, and per
    title-cased run what ``_title_run`` decides without ``plain`` (headline-like on its own words, the sentence's
    only run, its capitalised content words). Kept on the document: a scan audits a document against each of
    its family's, and each audit read every sentence again (about 5% of a scan's judging CPU)."""
    memo: dict[int, _Marks] = doc.__dict__.setdefault("_detail_marks", {})
    found = memo.get(i)
    if found is not None:
        return found
    text = doc.text
    tokens = doc.sentences[i].tokens
    raws = [text[t.start : t.end] for t in tokens]
    spans = _title_runs(text, tokens, wrapped=doc.hard_wrapped)
    runs = tuple(_title_run(tokens, raws, a, b, len(spans) == 1) for a, b in spans)
    marks: list[tuple[str, int, int]] = []
    for run, (a, b) in enumerate(spans):
        for k in range(a, b):
            t, raw = tokens[k], raws[k]
            if raw[0].isdigit():
                marks.append((t.norm, _FIGURE, run))
            elif t.norm in _MONTH_SET:
                # a month ``plain`` has is no name either: a name must not be in ``plain``
                marks.append((t.norm, _MONTH, run))
            elif (
                k > 0
                and raw[0].isupper()
                and len(raw) > 1
                and not (raw.isupper() and len(raw) > 5)
                and t.norm not in _STOP
                and t.norm not in _VAGUE
                and not _opens(text, t.start)
                and not _after_break(text, t.start)
            ):
                marks.append((t.norm, _NAME, run))
    found = memo[i] = (tuple(marks), runs)
    return found


def _title_runs(text: str, tokens: tuple[Token, ...], *, wrapped: bool = False) -> list[tuple[int, int]]:
    """The runs of ``tokens`` (positions ``[a, b)``) weighed for headlines (``_title_run``): a run ends at a line
    break or a wider gap than one space. In ``wrapped`` text (``Document.hard_wrapped``) a line break is the
    wrapping, not the end of a line of its own: only a blank line or a wide gap ends a run there, or a wrapped
    line that happens to hold only names ("Senate Majority Leader John Thune of South") would pass for a
    headline."""
    runs: list[tuple[int, int]] = []
    first = 0
    for k in range(1, len(tokens)):
        gap = text[tokens[k - 1].end : tokens[k].start]
        if (gap.count("\n") >= (2 if wrapped else 1)) or "  " in gap.replace("\n", ""):
            runs.append((first, k))
            first = k
    runs.append((first, len(tokens)))
    return runs


def _title_run(
    tokens: tuple[Token, ...], raws: list[str], a: int, b: int, alone: bool
) -> tuple[bool, bool, frozenset[str]]:
    """A run ``[a, b)`` of a sentence's tokens weighed for a title-cased run, a headline, before the pair's
    ``plain`` words: does it look like a headline on its own words, is it its sentence's only run, and its
    capitalised content words. A headline capitalises every word but the function words; a sentence full of
    names ("Congressman Lamar Smith heads the Media Fairness Caucus") still writes its other words in lower case,
    and its names are names. A run ends at a line break or a wider gap than one space (``_title_runs``): a
    headline glued to the lead with two spaces (SheepDog's rewrites, scraped pages) is one "sentence" with the
    lead, whose lower-case words would otherwise make its styling capitals ("Hope and Despair Collide in Latest
    Employment Report") pass for names. A run cut off that way must also capitalise a content word either text
    writes in lower case (``plain``: "Report"): a byline glued to its lead ("by Elizabeth Nash, Rachel Benson
    Gold and Yana Vierboom  Reproductive health ...") is title-like too, but holds names only."""
    words = raws[a:b]
    capitals = sum(1 for r in words if r[0].isupper())
    base = (
        len(words) >= 4
        and capitals / len(words) > 0.5
        and not any(r[0].islower() and t.norm not in _STOP for t, r in zip(tokens[a:b], words, strict=True))
    )
    named = frozenset(t.norm for t, r in zip(tokens[a:b], words, strict=True) if r[0].isupper() and t.norm not in _STOP)
    return base, alone, named


def _words_anywhere(doc: Document) -> frozenset[str]:
    """Every word of the document's body (normal forms), also without a possessive ending."""
    words = {t.norm for s in doc.body for t in s.tokens}
    return frozenset(words | {_bare(w) for w in words})


def _bare(word: str) -> str:
    return word[:-2] if word.endswith("'s") else word  # norms fold the typographic apostrophe


def _plain_words(doc: Document) -> frozenset[str]:
    """Words the document writes in lower case somewhere (so they are no names). Kept on the document: every
    audit of a pair reads both texts' (a scan audits a document against each of its family's)."""
    found: frozenset[str] | None = doc.__dict__.get("_plain_words")
    if found is None:
        text = doc.text
        found = doc.__dict__["_plain_words"] = frozenset(
            t.norm for s in doc.body for t in s.tokens if text[t.start].islower()
        )
    return found


def _after_break(text: str, start: int) -> bool:
    """True when a word follows sentence-ending punctuation, a dash or a bracket inside one sentence; a
    title's full stop ("Drs. Drake", "Sen. Ted Cruz") is no break: the name after it is one."""
    before = text[max(0, start - 3) : start].rstrip()
    if not before or before[-1] not in ".!?;\u2014\u2013-([":
        return False
    # The look-back reaches past the title itself: three characters never held a whole "Mr." before a
    # space, so the title exception used to be dead and every first name after a title was dropped.
    return not _TITLE_BEFORE.search(text, max(0, start - 12), start)


def _opens(text: str, start: int) -> bool:
    """True when a word opens a quotation or a clause after a colon, where capitals mean nothing."""
    before = text[max(0, start - 2) : start].strip()
    return bool(before) and before[-1] in _QUOTE_CHARS + ":"


def _text_of(doc: Document, indices: tuple[int, ...]) -> str:
    return " ".join(doc.sentence_text(i) for i in indices)


# --- findings -----------------------------------------------------------------------------------------


def added_claims(alignment: Alignment, settings: Settings = DEFAULT_SETTINGS) -> list[Finding]:
    from storytrace.facts.merged import merge_is_faithful, partners

    derived, source = alignment.derived, alignment.source
    source_words: tuple[frozenset[str], frozenset[str]] | None = None  # read when needed: most pairs need none
    source_pairs: set[tuple[str, str]] | None = None
    source_stems: frozenset[str] = frozenset()
    findings: list[Finding] = []
    restyled = _restyled(alignment, settings)
    for link in alignment.links:
        reported = len(findings)
        if (
            link.source
            and link.kind in ("partial", "paraphrase", "near_verbatim")
            and not link.unsupported
            and alignment.used_embeddings
            and (link.kind == "partial" or link.similarity < settings.novel_pairs_similarity)
            and not (link.kind == "partial" and link.similarity < settings.weak_support_similarity)
        ):
            # A sentence that joins the original's words in ways the original never does: a summary that
            # splices ("Townsend scored the Tottenham midfielder"). A restatement in its own words
            # (paraphrase: words the original lacks) is judged by the similarity alone; a loose link
            # (partial) is reported whatever its words.
            if source_pairs is None:
                source_pairs = _word_pairs(source)
                source_stems = frozenset(t.stem for sent in source.body for t in sent.tokens)
            for i in link.derived:
                novel, total = _novel_pairs(derived.sentences[i], source_pairs, derived.text)
                if total < 3 or novel / total < settings.novel_pairs_share:
                    continue
                sent = derived.sentences[i]
                content = [t.stem for t in sent.tokens if t.norm not in _STOP]
                own = sum(x not in source_stems for x in content) / max(1, len(content))
                if merge_is_faithful(alignment, i, link.source + partners(alignment, i, link.source)):
                    continue  # a summary telling two or three sentences of the original as one, each fact kept
                if link.kind != "partial" and (
                    own > settings.novel_pairs_own_words
                    or _own_near(derived, sent, source, link.source) > settings.novel_pairs_near_own_words
                    or _merge_restated(derived, sent, source, link.source)
                    or _shortened(derived, sent, source, link.source)
                ):
                    continue
                findings.append(
                    Finding(
                        type="claim_added",
                        severity="low" if restyled else "medium",
                        subtype="weak_support",
                        detail=f"only partly supported: {novel} of its {total} pairs of neighbouring words appear "
                        "nowhere in the original, whose closest sentence says it only loosely"
                        + (_RESTYLED_NOTE if restyled else ""),
                        derived=(sent.start, sent.end),
                        source=_linked_span(source, link.source, derived, sent.start, sent.end),
                        after=derived.text[sent.start : sent.end],
                    )
                )
        loose = None
        loose_severity = "medium"
        if link.kind == "partial" and link.similarity < settings.weak_support_similarity:
            # Linked, but only loosely: the closest sentences of the original say less than this one.
            loose = "only partly supported: the closest sentence of the original says less than this"
        elif link.kind == "paraphrase" and link.similarity < settings.loose_paraphrase_similarity:
            # Read as a restatement only because it shares content words with a sentence it is barely like:
            # the original's words, put to another claim ("A horse died after being hit by a horse").
            loose = (
                "only partly supported: it shares words with its closest sentence of the original, "
                "but says something else with them"
            )
            if restyled:
                loose, loose_severity = loose + _RESTYLED_NOTE, "low"
        # A sentence the word pairs above reported already is not reported again for its loose link: a
        # paraphrase below both ``novel_pairs_similarity`` and ``loose_paraphrase_similarity`` came out as
        # two ``weak_support`` findings on the same words. The link's other sentences still are.
        flagged = {f.derived for f in findings[reported:]}
        rest = [i for i in link.derived if (derived.sentences[i].start, derived.sentences[i].end) not in flagged]
        if loose is not None and link.source:
            # a merge of the original's sentences whose link left one out is loose only against the link
            rest = [i for i in rest if not _merge_restated(derived, derived.sentences[i], source, link.source)]
            rest = [
                i
                for i in rest
                if not merge_is_faithful(alignment, i, link.source + partners(alignment, i, link.source))
            ]
        if loose is not None and not link.unsupported and alignment.semantic_links and rest:
            first, last = derived.sentences[rest[0]], derived.sentences[rest[-1]]
            if _editorial_beyond(derived.text[first.start : last.end], _text_of(source, link.source)):
                loose += " (editorialising: comment or speculation, not reporting)"
            findings.append(
                Finding(
                    type="claim_added",
                    severity=loose_severity,
                    subtype="weak_support",
                    detail=loose,
                    derived=(first.start, last.end),
                    source=_linked_span(source, link.source, derived, first.start, last.end),
                    after=derived.text[first.start : last.end],
                )
            )
        if link.kind == "added":
            for i in link.derived:
                sent = derived.sentences[i]
                if not any(derived.text[t.start].isalpha() for t in sent.tokens):
                    continue  # a list's number standing alone ("2."), split off as a sentence: no claim
                text = derived.text[sent.start : sent.end]
                if source_words is None:
                    source_words = _detail_words(alignment)
                new_details = _new_details(derived, sent.start, sent.end, *source_words)
                editorial = _editorial_near(alignment, sent.start, sent.end)
                severity = "high" if new_details else ("low" if sent.words < 6 else "medium")
                if severity == "high" and _POST_SIGNATURE.match(text):
                    severity = "medium"  # an embedded post's signature line: the embed re-coded or added
                what = "added sentence: the original says nothing like this"
                told = _quote_told_indirectly(alignment, sent) if severity == "medium" else None
                if told is not None:
                    severity = "low"
                    what = (
                        "added sentence: no sentence of the original is close enough to link, but it may restate "
                        f"in reported speech a quotation the suspect leaves out (\u201c{_clip(told[0])}\u201d)"
                    )
                if editorial:
                    what += " (editorialising: comment or speculation, not reporting)"
                if new_details:
                    shown = _as_written(derived, sent.start, sent.end, new_details)[:4]
                    what += f"; {_NEW_DETAILS_NOTE} ({', '.join(shown)})"
                findings.append(
                    Finding(
                        type="claim_added",
                        severity=severity,
                        subtype="sentence",
                        detail=what,
                        derived=(sent.start, sent.end),
                        after=text,
                    )
                )
        for a, b in link.unsupported:
            text = derived.text[a:b]
            editorial = _editorial(text)
            what = f"added clause: \u201c{_clip(text)}\u201d is not in the original"
            if editorial:
                what += " (editorialising: comment or speculation appended to reported fact)"
            src_span = None
            if link.source:
                src_span = _linked_span(source, link.source, derived, a, b)
            findings.append(
                Finding(
                    type="claim_added",
                    severity="medium",
                    subtype="clause",
                    detail=what,
                    derived=(a, b),
                    source=src_span,
                    after=text,
                )
            )
    findings = [_told_as_flourish(alignment, f) for f in findings]
    if restyled and findings and not _comments_throughout(alignment):
        if source_words is None:
            source_words = _detail_words(alignment)
        findings = [_restated_in_restyle(alignment, f, source_words) for f in findings]
    return findings


def _linked_span(source: Document, linked: tuple[int, ...], derived: Document, a: int, b: int) -> tuple[int, int]:
    """The original's span a claim on the suspect's ``[a, b)`` points at: its linked sentences when they stand
    together, else the one of them that shares most content words with it. A link of the original's lead and
    its last sentence spanned the whole original, and the report underlined every sentence (qa24b P12b)."""
    if linked[-1] - linked[0] == len(linked) - 1:
        return source.sentences[linked[0]].start, source.sentences[linked[-1]].end
    mine = {t.stem for sent in derived.sentences for t in sent.tokens if a <= t.start < b and t.norm not in _STOP}
    best = max(linked, key=lambda j: (len(mine & source.sentences[j].content_stems()), -j))
    return source.sentences[best].start, source.sentences[best].end


#: Words a quotation must have to be a statement a sentence can restate (``_quote_told_indirectly``).
_STATEMENT_WORDS = 6
_SPEECH_NORMS = frozenset("said says say told tells added adds adding according stated insisted noted".split())
#: Share of a quotation's content words a sentence restating it must write (``_quote_told_indirectly``), or,
#: with embeddings, the sentence's cosine with the quotation's sentence: the qa23a R13 restatement has 0.54 and
#: 2 of its 5 words, a new claim by the same speaker on two of its words (rev24a P5) 0.35.
_RESTATED_QUOTE_WORDS = 0.5
_RESTATED_QUOTE_COSINE = 0.45


@dataclass(frozen=True)
class _LeftOutQuote:
    """A quotation of the original that the suspect leaves out, as ``_quote_told_indirectly`` reads it."""

    order: int  # its place among the original's quotations: the first that fits is the one reported
    text: str
    holder: Sentence  # the left-out sentence it stands in
    said: frozenset[str]  # the holder's content stems, the speaker's name and verbs of saying aside
    words: frozenset[str]  # the quotation's own content stems, the same aside
    numbers: frozenset[str]
    stance: frozenset[str]
    events: frozenset[str]


def _left_out_quotes(alignment: Alignment) -> dict[str, list[_LeftOutQuote]]:
    """The original's quotations of six words or more that stand in a sentence the suspect leaves out, by their
    speaker's last name: built once per alignment (a sentence start's bisect finds each one's sentence), so each
    sentence asking costs the quotations of its own speaker only, not every quotation times every left-out
    sentence (rev24a: 1,000 sentences took 46.9 user-s)."""
    # kept in the alignment's instance dict, outside its fields, as a cached_property would be (the dataclass is
    # frozen): added_claims and omitted_facts both ask, for many sentences
    index: dict[str, list[_LeftOutQuote]] | None = vars(alignment).get("_left_out_quotes")
    if index is not None:
        return index
    from storytrace.facts.quotes import quotes_of

    source = alignment.source
    index = {}
    left_out = set(alignment.omitted)
    starts = [s.start for s in source.sentences]
    for order, q in enumerate(quotes_of(source) if left_out else ()):
        if q.kind != "quote" or not q.speaker or len(q.text.split()) < _STATEMENT_WORDS:
            continue  # a phrase quoted ("a particularly appalling crime"), not a statement to restate
        k = bisect.bisect_right(starts, q.start) - 1
        if k < 0 or source.sentences[k].index not in left_out or not q.start < source.sentences[k].end:
            continue
        holder = source.sentences[k]
        name = {t.stem for t in tokenize(q.speaker, 0, len(q.speaker))}
        speech = _SPEECH_NORMS | {w.lower() for w in re.findall(r"\w+", q.speaker)}
        said = {t.stem for t in holder.tokens if t.norm not in _STOP and t.norm not in speech} - name
        inside = [t for t in holder.tokens if q.start <= t.start < q.end]
        words = {t.stem for t in inside if t.norm not in _STOP and t.norm not in speech and t.norm.isalpha()} - name
        surname = q.speaker.split()[-1].lower()
        index.setdefault(surname, []).append(
            _LeftOutQuote(
                order,
                q.text,
                holder,
                frozenset(said),
                frozenset(words),
                frozenset(t.norm for t in holder.tokens),
                frozenset(stances(q.text)),
                frozenset(_events(q.text)),
            )
        )
    vars(alignment)["_left_out_quotes"] = index
    return index


def _quote_told_indirectly(alignment: Alignment, sent: Sentence) -> tuple[str, int] | None:
    """The quotation of the original (its words, its sentence's index) that the unlinked suspect sentence
    ``sent`` may restate in reported speech, if any. The sentence names its speaker as speaking ("According to
    Obuya, the other option was a speed limit ... for years") and holds no quotation marks; the quotation is one
    the suspect leaves out, its speaker the same person (their last name); the two share two content words
    besides the name and the verbs of saying, and the sentence writes most of the quotation's words (or, with
    embeddings, is close to its sentence: ``_RESTATED_QUOTE_COSINE``); the sentence brings no figure, comment or
    event verb of its own, and neither writes a stance word (``stances``: not, deny, refuse ...) the other lacks.
    Such a sentence is the quotation said anew in words the sentence embeddings put below a link (qa23a R13:
    0.52), not a claim the original lacks; one that turns the quotation round keeps its stance word and stays
    medium, and a new claim of the speaker's on two of the quotation's words ("trains had crossed the bridge at
    reduced speed for years before engineers found the corrosion") is no restatement."""
    from storytrace.facts.cues import attributions

    derived = alignment.derived
    text = derived.text[sent.start : sent.end]
    if not alignment.omitted or any(c in text for c in '"\u201c\u201d') or _editorial(text):
        return None
    # a person named by name ("Obuya", "Sandra Obuya"), not by a post ("The home secretary")
    named = [
        a
        for a in attributions(derived.text, sent.start, sent.end)
        if a.kind == "named" and a.who.split() and a.who.split()[-1][:1].isupper()
    ]
    if not named:
        return None
    index = _left_out_quotes(alignment)
    surnames = {a.who.split()[-1].lower().removesuffix("'s").removesuffix("\u2019s") for a in named}
    candidates = sorted((q for name in surnames for q in index.get(name, ())), key=lambda q: q.order)
    if not candidates:
        return None
    speech = _SPEECH_NORMS | {w.lower() for a in named for w in re.findall(r"\w+", a.who)}
    own = {t.stem for t in sent.tokens if t.norm not in _STOP and t.norm not in speech}
    figures = {t.norm for t in sent.tokens if t.norm[:1].isdigit()}
    events, stance = _events(text), frozenset(stances(text))
    for q in candidates:
        if figures - q.numbers:
            continue  # a figure of its own: more than the quotation said
        if len(own & q.said) < 2 or stance != q.stance or events - q.events:
            continue
        if len(own & q.words) < _RESTATED_QUOTE_WORDS * len(q.words) and not _close_by_embeddings(
            alignment, text, alignment.source.text[q.holder.start : q.holder.end]
        ):
            continue
        return q.text, q.holder.index
    return None


def _close_by_embeddings(alignment: Alignment, text: str, other: str) -> bool:
    """True when the comparison used sentence embeddings and they put ``text`` and ``other`` at
    ``_RESTATED_QUOTE_COSINE`` or above (the embedder's memo holds both sentences from the alignment)."""
    if not alignment.used_embeddings:
        return False
    from storytrace.embed import get_embedder

    v = get_embedder().embed([text, other])
    return float(v[0] @ v[1]) >= _RESTATED_QUOTE_COSINE


#: A suspect comments throughout (``_comments_throughout``) when at least this share of its sentences do
#: (``_editorial``), and this much more than the original's.
_COMMENTING_SHARE = 0.2
_COMMENTING_MARGIN = 0.1


def _comments_throughout(alignment: Alignment) -> bool:
    """A restyle written to stir (SheepDog's "sensational" and "emotionally triggering" rewrites) comments in
    a fifth or more of its sentences, the original seldom; its sentences that add without a word of comment
    ("Unbeknownst to them, a monster lurked on the roads that night") are its embellishment all the same, and
    keep their severity. On the seed-14 sample 66 of 71 such rewrites and 3 of 79 neutral or objective ones
    pass the share; the margin over the original leaves out restyles of a speech that asks its own questions."""
    derived, source = alignment.derived, alignment.source

    def share(doc: Document) -> float:
        return sum(_editorial(doc.sentence_text(s.index)) for s in doc.body) / max(1, len(doc.body))

    d = share(derived)
    return d >= _COMMENTING_SHARE and d >= share(source) + _COMMENTING_MARGIN


def _question_subhead(doc: Document, index: int) -> bool:
    """A paragraph of one short question ("What happens next?"): an explainer's subhead, which a condensing
    copy drops with the layout. It is no comment of the original's that the copy left out."""
    sentences = doc.sentences
    paragraph = sentences[index].paragraph
    # sentences run in order, so a paragraph's other sentences stand next to this one
    if any(0 <= j < len(sentences) and sentences[j].paragraph == paragraph for j in (index - 1, index + 1)):
        return False
    text = doc.sentence_text(index).strip()
    return text.endswith("?") and len(text.split()) <= 6


# (memoised: a scan audits one article against each of its family's in turn, and each audit reads the
# comment of every unmatched sentence again; the long ``_EDITORIAL`` alternation was 7% of a scan's judging)
@lru_cache(maxsize=16384)
def _editorial(text: str) -> bool:
    """Comment or speculation rather than reporting (``_EDITORIAL``, or a question or exclamation of the
    writer's own), read with the quotations taken out: what someone is quoted saying is reported."""
    own = _QUOTED.sub(" ", text)
    if _comment_words(own):
        return True
    return own.rstrip().rstrip(")\u2019'").endswith(("?", "!"))


@lru_cache(maxsize=4096)
def _comment_words(own: str) -> tuple[str, ...]:
    """The words of comment (``_EDITORIAL``, and ``_VERDICT`` where its sentence has no speaker) ``own`` writes,
    lower-cased (memoised as ``_editorial``; a tuple, so no caller can change what the next one reads)."""
    words = [m.group().lower() for m in _EDITORIAL.finditer(own)]
    for m in _VERDICT.finditer(own):
        start = max(own.rfind(end, 0, m.start()) for end in ".!?\n") + 1
        stop = min((i for i in (own.find(end, m.end()) for end in ".!?\n") if i >= 0), default=len(own))
        if not _VERDICT_SAID.search(own, start, stop):
            words.append(m.group().lower())
    return tuple(words)


def _editorial_near(alignment: Alignment, a: int, b: int) -> bool:
    """``_editorial`` for the suspect's added text ``[a, b)``, less the words of comment the original's sentences
    where it stands (``_near_sources``, ``_NEAR`` either side) write themselves: "Classrooms could be shut from
    September 19" beside the original's "A strike could begin as early as September 9" speculates no more than
    the original does (qa24 P3)."""
    text = alignment.derived.text[a:b]
    near = _near_sources(alignment, a, b)
    if not near:
        return _editorial(text)
    source = alignment.source
    first, last = max(0, min(near) - _NEAR), min(len(source.sentences) - 1, max(near) + _NEAR)
    # Only a sentence the added text stands in for writes its comment for it: one the suspect tells nowhere
    # else (replaced by it) or one it mostly restates. "A strike could begin ..." kept as it is beside an
    # invented "Union leader Mark Dole could face arrest" excuses no "could" of the invention (rev25d R4).
    mine = {
        t.stem for sent in alignment.derived.sentences for t in sent.tokens if a <= t.start < b and t.norm not in _STOP
    }
    omitted = set(alignment.omitted)
    told = " ".join(
        source.sentence_text(j)
        for j in range(first, last + 1)
        if j in omitted or 2 * len(mine & source.sentences[j].content_stems()) >= max(1, len(mine))
    )
    return _editorial_beyond(text, told)


def _editorial_beyond(text: str, told: str) -> bool:
    """``_editorial`` for a sentence linked to the original's ``told``: only a word of comment (or a question or
    exclamation) that ``told`` does not have itself. "Classrooms could be shut from September 19 if talks fail"
    for "A strike could begin as early as September 9 if no deal is reached" speculates no more than the
    original does."""
    own, theirs = _QUOTED.sub(" ", text), _QUOTED.sub(" ", told)
    said = set(_comment_words(theirs))
    if any(w not in said for w in _comment_words(own)):
        return True
    end = own.rstrip().rstrip(")\u2019'")[-1:]
    return end in ("?", "!") and not theirs.rstrip().rstrip(")\u2019'").endswith(end)


#: The words of tone and appeal (``_TONE``, ``_ADDRESS`` and their ``_MORE``): what a rhetorical flourish
#: (``_flourish``) is made of.
_FLOURISH = re.compile(r"\b(?:" + "|".join((_TONE, _TONE_MORE, _ADDRESS, _ADDRESS_MORE)) + r")\b", re.IGNORECASE)
#: Nouns that only point back at what the story said ("a staggering sum", "stay tuned for more
#: developments"): a flourish may hold them without saying anything new.
_SHELL_NOUNS = frozenset(
    "sum sums amount figure figures total number numbers price tag news story stories development developments "
    "update updates detail details revelation revelations twist twists events saga ride moment".split()
)
#: The addressee of an appeal, set off at the end ("So buckle up, America."): a vocative, no name the story is
#: about. One word, then at most two more each after a space, so a long run of capitals is read once (a pattern
#: whose words could split it many ways was cubic on hostile text).
_VOCATIVE_END = re.compile(r",\s*([A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,2})[.!?\u2026]*\s*$")
#: An addressee at the start is one of these words only: "On Friday, stay tuned" or "In Ohio, buckle up" open
#: with a date or a place, which are claims.
_VOCATIVE_START = re.compile(
    r"^\W*((?:(?:dear|my)\s+)?(?:folks|friends|readers|everyone|everybody|people|guys|america|americans|"
    r"ladies and gentlemen))\s*,",
    re.IGNORECASE,
)
_NEGATION = re.compile(r"\b(?:not|no|never|nobody|nothing|none|neither|nor|without)\b|n['\u2019]t\b", re.IGNORECASE)
#: Stop words that change what is said (a side, a comparison, an order in time, a modal, a rate, a limit): in a
#: flourish they are content, to be found in the original as they stand ("13 Republicans were against it",
#: "the Senate will pass the bill" where the original expects it not to).
_MEANING_WORDS = frozenset(
    "against more less fewer than before after only just could may might would will shall should must can "
    "per every each all most least over under above below again also too ago once".split()
)
#: What makes the original's sentence say less than its words alone: a flourish that repeats the words without
#: it states as fact what was denied, hedged or someone's claim ("Opponents argued the measure would add to the
#: deficit" -> "Truly, the measure would add to the deficit").
_QUALIFIED = re.compile(
    r"\b(?:said|says|say|told|tells|argued|argues|argue|claimed|claims|claim|according|reported|reportedly|"
    r"allegedly|alleged|expects?|expected|believes?|believed|thinks?|thought|hopes?|hoped|fears?|feared|plans?|"
    r"planned|proposed|may|might|could|would|should|likely|unlikely|possibly|probably|perhaps|if|whether|"
    r"estimated|suggests?|suggested)\b",
    re.IGNORECASE,
)
#: Words besides tone, appeal, function and pointing words a flourish may hold, each the original's own: "That
#: is a mind-blowing $68 billion" (two), not "Shockingly, the mayor will quit the council before the vote" (a
#: claim spliced from the original's words).
_FLOURISH_WORDS = 3
#: Said of an added claim that is only a flourish (``_flourish``).
_FLOURISH_NOTE = (
    "a rhetorical flourish (editorialising: tone or an appeal to the reader around the original's own words, "
    "with no figure, name or claim the original lacks)"
)
#: The part of an added sentence's detail that lists figures, dates or names the original lacks.
_NEW_DETAILS_NOTE = "it brings details the original lacks"


def _flourish(alignment: Alignment, a: int, b: int) -> list[tuple[int, int]] | None:
    """The addressee spans (vocatives) when the suspect's words ``[a, b)`` are a rhetorical flourish, None when
    they are not. A flourish is hype that only says how big or startling something is, or the reader addressed
    (``_TONE``, ``_ADDRESS``), around at most ``_FLOURISH_WORDS`` other words, which must be one unbroken run of
    one sentence of the original, in its order, that no negation, hedge or attribution qualifies ("So buckle
    up, America."; "That is a mind-blowing $68 billion."; "Incredibly, the bill passed."). Such a line tells the
    reader how to feel, not what happened: it is reported as editorialising at severity low, not as a claim.
    Words of side, comparison, time, modality or rate (``_MEANING_WORDS``) count as the other words; a figure,
    date or name the original lacks, a negation, a cause or a quotation (someone's words, which the quote check
    reads) is a claim and keeps its severity; so does speculation or a verdict ("could", "reckless"), which are
    no part of the two lists."""
    derived, source = alignment.derived, alignment.source
    text = derived.text[a:b]
    hits = [(a + m.start(), a + m.end()) for m in _FLOURISH.finditer(text)]
    if not hits or _NEGATION.search(text) or _CAUSAL.search(text):
        return None
    if any(re.search(r"\w", m.group()) for m in _QUOTED.finditer(text)):
        return None  # someone's words: the quote check reads them (a stray closing mark quotes nothing)
    vocatives: list[tuple[int, int]] = []
    if any(_ADDRESS_RE.fullmatch(derived.text[x:y]) for x, y in hits):
        for pattern in (_VOCATIVE_END, _VOCATIVE_START):
            if (m := pattern.search(text)) is not None:
                vocatives.append((a + m.start(1), a + m.end(1)))
    skip = hits + vocatives
    words = [
        t
        for sent in derived.sentences
        if sent.start < b and a < sent.end
        for t in sent.tokens
        if a <= t.start < b and not any(x <= t.start < y for x, y in skip)
    ]
    others = [
        t
        for k, t in enumerate(words)
        if t.norm not in _SHELL_NOUNS
        and (t.norm not in _STOP or t.norm in _MEANING_WORDS)
        # "stay tuned for more developments": more of the story, no comparison
        and not (t.norm == "more" and k + 1 < len(words) and words[k + 1].norm in _SHELL_NOUNS)
    ]
    if len(others) > _FLOURISH_WORDS:
        return None
    if not others:
        return vocatives
    # The other words must be an unbroken run of one sentence of the original: "Incredibly, the bill passed"
    # repeats "The bill passed by a vote of 228 to 201"; "a staggering $68 billion a year" splices "$68
    # billion" and "five years" of one sentence into a rate it never gave, and "Incredibly, Democrats joined
    # Republicans" turns "13 Republicans joining Democrats" round.
    n = len(others)
    for sent in source.sentences:
        kept = [t for t in sent.tokens if t.norm not in _STOP or t.norm in _MEANING_WORDS]
        for i in range(len(kept) - n + 1):
            if all(_same_word(kept[i + k], o) for k, o in enumerate(others)):
                run = source.text[kept[i].start : kept[i + n - 1].end]
                whole = source.text[sent.start : sent.end]
                if not (_NEGATION.search(whole) or _QUALIFIED.search(whole)) and not _STOP_BREAK.search(run):
                    return vocatives
    return None


def _same_word(t: Token, o: Token) -> bool:
    return t.norm == o.norm or t.stem == o.stem or _bare(t.norm) == _bare(o.norm)


#: Inside the original's run, a clause break: its words are no longer one phrase.
_STOP_BREAK = re.compile(r"[.;:!?]")


_ADDRESS_RE = re.compile(_ADDRESS + "|" + _ADDRESS_MORE, re.IGNORECASE)


def _told_as_flourish(alignment: Alignment, f: Finding) -> Finding:
    """An added claim (a sentence, a clause, a loosely supported sentence) that is only a flourish
    (``_flourish``), told at severity low as editorialising. A sentence said to bring details the original
    lacks keeps its severity unless those details are only the addressee ("So buckle up, America.")."""
    if f.type != "claim_added" or f.severity not in ("high", "medium") or f.derived is None:
        return f
    a, b = f.derived
    vocatives = _flourish(alignment, a, b)
    if vocatives is None:
        return f
    derived = alignment.derived
    if _NEW_DETAILS_NOTE in f.detail:
        new = _new_details(derived, a, b, *_detail_words(alignment))
        addressee = {
            t.norm
            for sent in derived.sentences
            if sent.start < b and a < sent.end
            for t in sent.tokens
            if any(x <= t.start < y for x, y in vocatives)
        }
        if not new <= addressee:
            return f
    if f.subtype == "clause":
        detail = f"added clause: \u201c{_clip(derived.text[a:b].strip())}\u201d is {_FLOURISH_NOTE}"
    else:
        # the reports print an added sentence's words after its detail: they are not quoted twice
        what = "added sentence" if f.subtype == "sentence" else "loosely supported sentence"
        detail = f"{what}: {_FLOURISH_NOTE}"
    return replace(f, severity="low", detail=detail)


def _detail_words(alignment: Alignment) -> tuple[frozenset[str], frozenset[str]]:
    """What ``_new_details`` reads of the pair: the words either text writes in lower case somewhere (no
    names), and every word of the original (so a name it opens a sentence with, or writes with a possessive,
    is no new name)."""
    return _detail_words_of(alignment.source, alignment.derived)


def _detail_words_of(source: Document, derived: Document) -> tuple[frozenset[str], frozenset[str]]:
    """``_detail_words`` of two documents, ``source`` the one whose details count as given."""
    plain = _plain_words(source) | _plain_words(derived)
    # "may" and "march" are the original's months only where it writes them with a capital: its "workers may
    # lose their jobs" does not give the suspect's "close in May".
    text = source.text
    months = {t.norm for s in source.body for t in s.tokens if t.norm in _MONTH_WORDS and text[t.start].isupper()}
    return plain, _words_anywhere(source) - (_MONTH_WORDS - months)


def _new_details(derived: Document, a: int, b: int, plain: frozenset[str], source_words: frozenset[str]) -> set[str]:
    """Figures, dates and names in ``derived.text[a:b]`` that the original nowhere writes. Names as the
    direction reads them (``_direction_details``): a restyle's title-cased headline ("Stay Tuned for More
    Shocking Developments") or shouting brings no name, nor does "Franken's" when the original says "Franken"."""
    out: set[str] = set()
    for sent in derived.sentences:
        if sent.end <= a or sent.start >= b:
            continue
        inside = {t.norm for t in sent.tokens if a <= t.start < b}
        # A weekday or month is a date however it is written ("on friday" in lower-cased text). "may" and
        # "march" are words too, so they are dates token by token: written with a capital where no
        # sentence, clause or quotation opens ("close in May"), whatever lower-case uses either text has.
        dates = {w for w in inside if w in _MONTH_SET and w not in _MONTH_WORDS}
        text = derived.text
        dates.update(
            t.norm
            for k, t in enumerate(sent.tokens)
            if a <= t.start < b
            and k > 0
            and t.norm in _MONTH_WORDS
            and text[t.start].isupper()
            and not _opens(text, t.start)
            and not _after_break(text, t.start)
        )
        for word in dates | _direction_details(derived, (sent.index,), plain).keys():
            if word in inside and word not in source_words and _bare(word) not in source_words:
                out.add(word)
    return out


_MONTH_WORDS = frozenset({"may", "march"})


def _as_written(doc: Document, a: int, b: int, words: set[str]) -> list[str]:
    """The tokens of ``doc.text[a:b]`` whose normal form is in ``words``, as the text writes them and in its
    order, each once, neighbours a space apart as one ("Oskar Lind"): a reader looks for "Oskar Lind" and
    "2,000", not "lind, oskar" and "2000"."""
    tokens = [
        t
        for sent in doc.sentences
        if not (sent.end <= a or sent.start >= b)
        for t in sent.tokens
        if a <= t.start < b and t.norm in words
    ]
    # "May" the month is the detail, not the modal "may" beside it ("close in May, and workers may lose ...")
    capitalised = {t.norm for t in tokens if doc.text[t.start : t.start + 1].isupper()}
    runs: list[tuple[int, int]] = []
    for t in tokens:
        if t.norm in capitalised and not doc.text[t.start : t.start + 1].isupper():
            continue
        if runs and not doc.text[runs[-1][1] : t.start].strip(" "):
            runs[-1] = (runs[-1][0], t.end)
        else:
            runs.append((t.start, t.end))
    shown: list[str] = []
    for x, y in runs:
        if (written := doc.text[x:y]) not in shown:
            shown.append(written)
    return shown


def _checkable_of_its_own(
    doc: Document,
    a: int,
    b: int,
    other_words: tuple[frozenset[str], frozenset[str]],
    around: str,
    *,
    cause_told: bool = False,
) -> bool:
    """True when ``doc``'s text ``[a, b)`` brings something a reader can check that the other text does not
    give: a comment, a figure, date or name the other lacks (``other_words``, from ``_detail_words``), or a cause
    or an event verb (``_events``: "The mayor was arrested") that ``around``, the other's text where the claim
    would be, does not write. Shared by ``_restated_in_restyle`` and ``headline_restated`` so the two keep one
    notion of a restatement. ``cause_told``: the caller has found the cause's words told in ``around`` (with no
    causal word of its own), so a causal word alone brings nothing to check."""
    text = doc.text[a:b]
    if _editorial(text) or _new_details(doc, a, b, *other_words):
        return True
    own = _QUOTED.sub(" ", text)
    if _CAUSAL.search(own) and not _CAUSAL.search(around) and not cause_told:
        return True
    return bool(_events(own) - _events(around))


def _restated_in_restyle(
    alignment: Alignment, f: Finding, source_words: tuple[frozenset[str], frozenset[str]]
) -> Finding:
    """In a whole-article restyle, an added sentence or clause, or one its closest sentence only loosely
    supports, that brings nothing checkable of its own -- no figure, date or name the original lacks, no
    cause the original's sentences there do not give, no comment -- is told at severity low.

    On a hand-checked sample of SheepDog's neutral and objective restyles (RESULTS.md, findings, session 14)
    nearly all such findings restated the original: its content in synonyms ("We'll keep you updated" ->
    "Further updates will be provided"), spread over two of its sentences, or the gist of a speech it quotes
    at length, which the sentence embeddings put below the link thresholds. What a restyle adds for real is
    comment and speculation ("could backfire", "This news will leave you speechless!"), a new figure or a new
    name; those stay as they were, the comment named as such."""
    if f.type != "claim_added" or f.severity not in ("high", "medium") or f.derived is None:
        return f
    derived = alignment.derived
    a, b = f.derived
    near = _near_sources(alignment, a, b)
    if not near:
        return f
    source = alignment.source
    first, last = max(0, min(near) - _NEAR), min(len(source.sentences) - 1, max(near) + _NEAR)
    around = source.text[source.sentences[first].start : source.sentences[last].end]
    if _checkable_of_its_own(derived, a, b, source_words, around):
        return f
    # A splice keeps the original's words and joins them into another claim ("Townsend injured the Tottenham
    # midfielder"); a restatement brings words of its own. Only the second is the restyle's style.
    own = max(_own_near(derived, s, source, near) for s in derived.sentences if s.start < b and a < s.end)
    if own < _RESTATED_OWN_WORDS and not _merge_told(alignment, a, b):
        return f
    return replace(f, severity="low", detail=f.detail + _RESTATED_NOTE)


#: Share of a merged sentence's content words that the original's sentences it merges must write
#: (``_merge_told``); the rest are the words that join them ("The change, which covers all 31 of the county's
#: schools, starts on ...": 8 of 11).
_MERGE_TOLD_WORDS = 0.7


def _merge_told(alignment: Alignment, a: int, b: int) -> bool:
    """True when the suspect's ``[a, b)`` is one sentence whose link merges two or more sentences of the
    original, each giving it content words the others lack, which together write its figures and at least
    ``_MERGE_TOLD_WORDS`` of its content words: the two said as one ("The change, which covers all 31 of the
    county's schools, starts on August 24 at the beginning of the next school year" for the lead's "move its 31
    schools to a four-day week from the start of the next school year" and the last sentence's "The new
    timetable takes effect on August 24"). Few words of its own are then no sign of a splice: it restates, in
    a restyle, what its link gives, where the link's similarity is held down by the sentence it is least like
    (qa24b P12). ``_restated_in_restyle`` has already ruled out a figure, name, cause or comment of its own."""
    derived, source = alignment.derived, alignment.source
    sents = [s for s in derived.sentences if s.start < b and a < s.end]
    link = next((x for x in alignment.links if len(sents) == 1 and sents[0].index in x.derived), None)
    if link is None or len(link.source) < 2:
        return False
    sent = sents[0]
    mine = {t.stem for t in sent.tokens if t.norm not in _STOP}
    told = [source.sentences[j].content_stems() for j in link.source]
    if len(mine & frozenset().union(*told)) < _MERGE_TOLD_WORDS * len(mine):
        return False
    for k, stems in enumerate(told):
        others = frozenset().union(*(x for n, x in enumerate(told) if n != k))
        if not mine & (stems - others):
            return False  # a sentence of the link it tells nothing of: no merge of it
    figures = {t.norm for t in sent.tokens if t.norm[:1].isdigit()}
    return figures <= {t.norm for j in link.source for t in source.sentences[j].tokens}


#: Verbs of an event or action a reader can check (``_events``), by the event, each with its endings and the
#: words the original may tell it in ("wounded" for "injuries", "killed" for "dead"); what a restyle restates
#: is said anew, what it adds of these happened or not.
_EVENT_VERBS = {
    "arrest": r"(?:arrest(?:s|ed|ing)?|detain(?:s|ed|ing)?)",
    "resign": r"(?:resign(?:s|ed|ing|ation)?|quit(?:s|ting)?|step(?:s|ped|ping) down)",
    "fire": r"(?:fir(?:e|es|ed|ing)|sack(?:s|ed|ing)?|dismiss(?:es|ed|ing|al)?)",
    "suspend": r"suspend(?:s|ed|ing)?",
    "admit": r"admit(?:s|ted|ting)?",
    "charge": r"(?:charg(?:es|ed|ing)|indict(?:s|ed|ing|ment)?)",  # not "in charge"
    "convict": r"(?:convict(?:s|ed|ing|ion)?|sentenc(?:e|es|ed|ing)|jail(?:s|ed|ing)?)",
    "die": r"(?:die|dies|died|dying|dead|death|deaths|kill(?:s|ed|ing)?)",
    "injure": r"(?:injur(?:e|es|ed|ing|y|ies)|wound(?:s|ed|ing)?|hurt)",
    "sue": r"(?:sue|sues|sued|suing|lawsuit)",
    "ban": r"ban(?:s|ned|ning)?",
    "approve": r"approv(?:e|es|ed|ing|al)",
    "reject": r"reject(?:s|ed|ing|ion)?",
    "vote": r"vot(?:e|es|ed|ing)",
    "sign": r"sign(?:ed|ing)",  # not "a sign of"
    "close": r"(?:clos(?:e|es|ed|ing|ure)|shut(?:s|ting)?)",
    "cut": r"cut(?:s|ting)?",
    "raid": r"raid(?:s|ed|ing)?",
}
_EVENT = re.compile(r"\b(?:" + "|".join(f"(?P<{k}>{v})" for k, v in _EVENT_VERBS.items()) + r")\b", re.IGNORECASE)


# Words of blame or of a cause a headline may put on a story ("Government to blame for floods", "Illegal
# building worsened floods"): a headline that writes one the other text lacks claims more than it.
_BLAME = re.compile(r"\b(?:blam(?:e|es|ed|ing)|fault|responsible|worsen(?:s|ed|ing)?)\b", re.IGNORECASE)


#: Share of a headline's content words (figures aside) the other text must write where it tells the story for
#: the headline to restate it (``headline_restated``): a headline sums up in its own verbs ("flee" for "forced
#: from their homes"), but about what the story is about.
HEADLINE_KNOWN_WORDS = 0.5
#: The same share for the original's headline against the suspect (``headline_restated(..., omitted=True)``):
#: a dropped headline whose story the suspect never tells is a real omission ("Army sends troops ..." when the
#: suspect drops the army), so the suspect must write more of it. Set on the rev21q probes (4 of 7 words of a
#: dropped story, 4 of 5 of one its lead tells); a rough line, not a measured one.
HEADLINE_OMITTED_KNOWN_WORDS = 0.6

# Words that leave a claim open ("investigating whether", "alleged"): a headline stating as done what the
# sentence telling its story only asks or reports as alleged claims more than it.
_HEDGED = re.compile(
    r"\b(?:whether|alleg\w*|suspect(?:s|ed)?|investigat\w*|prob(?:e|es|ed|ing)|reportedly|unconfirmed|"
    r"possibl[ey]|may|might|could)\b",
    re.IGNORECASE,
)


def _hedged(text: str) -> bool:
    """Whether ``text`` writes a word of ``_HEDGED``, the month May aside ("starting May 5" leaves nothing open)."""
    from storytrace.facts.cues import _is_month

    opened = len(text) - len(text.lstrip(" \"'\u201c\u2018("))
    words = re.findall(r"[A-Za-z]+", text)
    if words and sum(w[0].isupper() for w in words) / len(words) >= 0.6:
        # a Title-Case headline capitalises the hedge too ("Kessler Bridge May Close for 11 Weeks"): there
        # only a day after it ("May 5") makes it the month
        opened = len(text)
    return any(not _is_month(text, m.span(), opened) for m in _HEDGED.finditer(text))


def _headline_window(headline: Sentence, text: str, other: Document) -> tuple[list[Sentence], Sentence]:
    """The other text where it tells a headline's story: its first three sentences (its own headline line and
    lead) and the sentence sharing most of the headline's words (returned apart too), with one either side;
    and for a headline of several clauses, the sentence telling each clause (``_clause_sentences``). ``text``:
    the headline's document's text, which its spans index.
    ``other`` has sentences (``headline_restated`` sees to it)."""
    words = {t.stem for t in headline.tokens if t.norm not in _STOP}
    best = max(other.sentences, key=lambda s: (len(words & {t.stem for t in s.tokens}), -s.index))
    last = len(other.sentences) - 1
    picked = sorted(
        {
            *range(min(3, last + 1)),
            *range(max(0, best.index - 1), min(last, best.index + 1) + 1),
            *_clause_sentences(headline, text, other),
        }
    )
    return [other.sentences[k] for k in picked], best


# Where a headline's clauses part: "Norvik profit jumps 34% as snack sales surge, shares hit record".
_HEADLINE_CLAUSE_BREAK = re.compile(r"[,;:]|\s[-\u2013\u2014]\s|\b(?:as|after|while|amid|and|but|despite)\b", re.I)


def _clause_sentences(headline: Sentence, text: str, other: Document) -> set[int]:
    """For a headline of several clauses, the index of the sentence of ``other`` sharing most (two or more) of
    each clause's content words: a headline sums up several parts of the story ("..., shares hit record"),
    and the other text may tell one far from its lead ("The shares jumped 9.1% to a record 214 crowns")."""
    breaks = [m.start() for m in _HEADLINE_CLAUSE_BREAK.finditer(text, headline.start, headline.end)]
    if not breaks:
        return set()
    clauses: list[set[str]] = [set() for _ in range(len(breaks) + 1)]
    for t in headline.tokens:
        if t.norm not in _STOP:
            clauses[bisect.bisect_right(breaks, t.start)].add(t.stem)
    subject = headline.tokens[0].stem if headline.tokens else ""
    mine = {t.stem for t in headline.tokens}
    picked: set[int] = set()
    for words in clauses:
        if len(words) < 2:
            continue
        # A clause is told by a sentence about the headline's subject: one naming it, or one whose own subject
        # is no one the headline does not name ("The shares jumped 9.1% to a record 214 crowns in Oslo"); not
        # a rival's ("Shares of rival Orkla hit a record high").
        told = [
            s
            for s in other.sentences
            if subject in {t.stem for t in s.tokens} or not _names_another_subject(s, other.text, words, mine, text)
        ]
        if not told:
            continue
        shared, index = max((len(words & {t.stem for t in s.tokens}), -s.index) for s in told)
        if shared >= 2:
            picked.add(-index)
    return picked


# Before a capitalised word: a place or a time the sentence is set in ("in Oslo", "by 1100 GMT"), not its subject.
_SETTING_BEFORE = frozenset("in at on by from to during since until before after across near outside inside".split())
# After a preposition and one of these, a capitalised word modifies the noun the phrase is about ("Shares in the
# Oslo-listed company", "on the Oslo Bors"): it is not the phrase's head, so not another subject.
_DETERMINERS = frozenset("the a an its their this that these those".split())
# Where shares trade, not whose they are: "Shares in the company on Euronext jumped".
_MARKET_NAMES = frozenset(
    "euronext nasdaq nyse amex xetra bors børs borsa bourse boerse börse exchange lse tsx asx jse hkex sgx ftse "
    "dax cac nikkei stoxx topix kospi sensex nifty".split()
)


def _names_another_subject(
    sentence: Sentence, text: str, clause: set[str], headline: set[str], headline_text: str = ""
) -> bool:
    """Whether ``sentence`` tells a headline clause's news of someone the headline does not name: a capitalised
    word the headline lacks before the first of the clause's words past its own subject ("Shares of rival Orkla
    hit a record" under "..., shares hit record"). Words after it ("... a record 214 crowns in Oslo on Tuesday")
    and a day, a month, a place or time after a preposition ("In Oslo, the shares ...") or a unit after a
    figure ("by 1100 GMT") are where and when, not who. ``headline_text``: the headline's document, whose
    dateline may name the place."""
    tokens = sentence.tokens
    told = [k for k, t in enumerate(tokens) if t.stem in clause]
    if len(told) < 2:
        return False
    # the clause's news ("hit record") starts at its second word told: the first is who it is about ("shares")
    for k in range(told[1]):
        t = tokens[k]
        if (
            k == 0
            or not text[t.start].isupper()
            or t.norm in _STOP
            or t.stem in headline
            or t.norm in _MONTH_SET
            or t.norm in _MARKET_NAMES
            or (tokens[k - 1].norm in _SETTING_BEFORE and _setting_named(tokens, k, text, headline_text))
            or (
                k >= 2
                and tokens[k - 1].norm in _DETERMINERS
                and tokens[k - 2].norm in _SETTING_BEFORE
                # a compound or a place of the name tables ("the Oslo-listed company", "the Oslo exchange"), not
                # a company's own name ("Shares in the Orkla group": another subject)
                and ("-" in text[t.start : t.end + 1] or _setting_named(tokens, k, text, headline_text))
            )
            or tokens[k - 1].norm[:1].isdigit()
        ):
            continue
        return True
    return False


def _setting_named(tokens: tuple[Token, ...], k: int, text: str, headline_text: str) -> bool:
    """Whether the capitalised word ``tokens[k]``, after a preposition, is where the sentence is set, not who it
    is about: the preposition opens the sentence ("In Oslo, the shares ..."), the word is a possessive, which
    modifies the phrase's head ("Shares in Europe's biggest crispbread maker"), or it is a country, city or body
    of the name tables ("in Germany") or either text's dateline place ("OSLO, July 22"). "Shares in Orkla also
    hit a record high" is a company's shares, another subject."""
    if k == 1 or tokens[k].norm.endswith("'s"):
        return True
    word = text[tokens[k].start : tokens[k].end]
    dateline = re.compile(rf"(?m)^\s*{re.escape(word.upper())}\b")
    return bool(referents_in(word)) or any(dateline.search(t) for t in (text, headline_text))


def _drops_a_stance(headline: Sentence, own: str, where: list[Sentence], other: Document) -> bool:
    """True when a sentence of ``where`` that tells the headline's story (two or more of its content words)
    writes a stance (``text.stances``) the headline ``own`` lacks, about what the headline says: "Police arrest
    council members" drops the "not" of "Police said they had not arrested any other council members" and says
    the opposite. A sentence sharing one word is another part of the story, whose "not" the headline need not
    carry; so is a stance about words the headline does not write ("Valmora failed to maintain a dam" under
    "Valmora must pay $412 million, court rules", ``_stance_scope``)."""
    words = {t.stem for t in headline.tokens if t.norm not in _STOP and t.norm not in _VAGUE}
    mine = stances(own)
    return any(
        family not in mine
        and not _same_stance_told(family, mine, other.text[s.start : s.end])
        and _bears_on(words, _stance_scope(other, s, a, b))
        for s in where
        if len(words & {t.stem for t in s.tokens}) >= 2
        for family, a, b in stance_spans(other.text, s.start, s.end)
    )


# Stance families that tell one event in other words: "Kessler Bridge to close" is "Trains will stop running
# over the Kessler Bridge" (a closing is a halt of what used it).
_SAME_STANCE = {"close": "cancel", "cancel": "close"}


def _same_stance_told(family: str, mine: set[str], sentence: str) -> bool:
    """True when the headline writes ``family``'s kin (``_SAME_STANCE``) and ``sentence`` does not: the
    sentence tells the headline's stance in its own word. A sentence writing both ("cancelled the bridge's
    closure") adds a stance to the headline's."""
    kin = _SAME_STANCE.get(family)
    return kin is not None and kin in mine and kin not in stances(sentence)


# Where what a stance word bears on ends: its clause ("had not arrested any council members, police said").
_STANCE_SCOPE_END = re.compile(r"[,;:.!?()\u2014]|\s[-\u2013]\s|\b(?:but|while|whereas|although|though)\b", re.I)
# Where the clause a stance word is in starts, read back from it ("a lower court's finding that Valmora failed").
_STANCE_CLAUSE_START = re.compile(
    r".*(?:[,;:.!?()\u2014]|\s[-\u2013]\s|\b(?:but|while|whereas|although|though|and|that|which|who)\b)", re.I | re.S
)
# A comma aside right after a stance word, which its clause goes on past ("has not, despite weeks of pressure
# from his own party, resigned").
_STANCE_ASIDE = re.compile(r"\s*,[^,;:.!?()]{1,120},\s*(?=\w)")
#: Content words after a stance word read as what it bears on ("not" -> "declared a state of emergency").
_STANCE_SCOPE_WORDS = 6


def _stance_scope(doc: Document, sent: Sentence, start: int, after: int) -> set[str] | None:
    """Stems of the content words a stance word at ``start:after`` bears on: the next few of its clause (past a
    comma aside), and the lower-case ones before it in its clause ("Reports that Reed would resign over the row
    were denied"; the subject's name is who the stance is about, not what). None when its clause has no content
    word: what it bears on is not told here."""
    aside = _STANCE_ASIDE.match(doc.text, after, sent.end)
    begin = aside.end() if aside else after
    stop = _STANCE_SCOPE_END.search(doc.text, begin, sent.end)
    end = stop.start() if stop else sent.end
    words = [t.stem for t in sent.tokens if begin <= t.start < end and t.norm not in _STOP]
    back = _STANCE_CLAUSE_START.match(doc.text, sent.start, start)
    clause = back.end() if back else sent.start
    before = {
        t.stem
        for t in sent.tokens
        if clause <= t.start and t.end <= start and t.norm not in _STOP and doc.text[t.start].islower()
    }
    scope = set(words[:_STANCE_SCOPE_WORDS]) | before
    return scope or None


def _bears_on(headline_words: set[str], scope: set[str] | None) -> bool:
    """Does a stance word with this ``_stance_scope`` bear on a headline's words? One whose clause tells nothing
    else is read as bearing on them, as every stance of a sentence telling the story once was."""
    return scope is None or not headline_words.isdisjoint(scope)


def headline_restated(doc: Document, index: int, other: Document, *, omitted: bool = False) -> bool:
    """True when the headline ``doc.sentences[index]`` says nothing ``other`` does not where ``other`` tells the
    story (``_headline_window``): nothing checkable of its own (``_checkable_of_its_own``), no blame or cause and
    no word of stance (``text.stances``: denies, refuses, rules out, not, stays open ...) that text lacks, none
    dropped that its sentences telling the headline's story write (``_drops_a_stance``), and at least
    ``HEADLINE_KNOWN_WORDS`` of its content words written in it.

    A headline sums its story up in a few words of its own, so its sentence cosine with the lead it restates is
    low ("Thousands flee rising Douro waters in northern Portugal" for "Heavy flooding along the Douro river
    forced 4,200 people from their homes ..." is 0.63), and the original's headline, dropped with the layout, is
    told by the suspect's lead. Such a headline is neither an added claim nor an omission; one that turns the
    story's claim round ("Army refuses to send soldiers") or names a cause, an event or a detail the other text
    lacks still is. Words are counted where the story is told, not anywhere: a contradicting headline shares most
    of its words with the story it contradicts."""
    sent = doc.sentences[index]
    if not other.sentences:
        return False
    where, best = _headline_window(sent, doc.text, other)
    window = "\n".join(other.text[s.start : s.end] for s in where)
    if _checkable_of_its_own(
        doc,
        sent.start,
        sent.end,
        _detail_words_of(other, doc),
        window,
        cause_told=_cause_told(doc, sent, where, best, other),
    ):
        return False
    own = _QUOTED.sub(" ", doc.text[sent.start : sent.end])
    if _BLAME.search(own) and not _BLAME.search(window):
        return False
    if stances(own) - stances(window):
        return False
    if _drops_a_stance(sent, own, where, other):
        return False
    if _hedged(other.text[best.start : best.end]) and not _hedged(own):
        return False  # "Council members took bribes" for "Police are investigating whether council members ..."
    # figures, and the vague words a headline puts for them ("thousands"), are the number checks' to judge
    stems = [t.stem for t in sent.tokens if t.norm not in _STOP and t.norm not in _VAGUE and not t.norm[0].isdigit()]
    if not stems:
        return True
    known = {t.stem for s in where for t in s.tokens}
    share = HEADLINE_OMITTED_KNOWN_WORDS if omitted else HEADLINE_KNOWN_WORDS
    return sum(x in known for x in stems) / len(stems) >= share


# Causal words after which the cause is told ("closes because its beams are corroded"); after the others it is
# told before them ("Corroded beams prompted the closure", "Corrosion led to the closure").
_CAUSE_AFTER = re.compile(
    r"because|due to|as a result|results? from|resulted from|resulting from|owing to|thanks to", re.I
)


# A cause the story rules out rather than gives: "the closure was unrelated to last month's derailment", "denied
# the fire was caused by ...": a few words at most before the cause's words in the sentence telling the news.
_CAUSE_DENIED = re.compile(
    r"\b(?:unrelated|not|no|never|nothing|denied|denies|deny|denying|ruled\s+out|rules\s+out|rule\s+out|"
    r"rejected|dismissed)\b(?:\W+\w+){0,4}?\W*\Z",
    re.IGNORECASE,
)
# "caused by", "prompted by": a passive, whose cause comes after the word, as after "because"
_CAUSE_BY = re.compile(r"\s+by\b", re.IGNORECASE)


def _cause_told(doc: Document, sent: Sentence, where: list[Sentence], best: Sentence, other: Document) -> bool:
    """True when the headline ``sent`` gives a cause (``_CAUSAL``) in words the story gives it in: every plain
    content word of the headline is written in ``where`` (its stem, or a word sharing its first five letters:
    "corrosion" for "corroded"), and every one of its cause's in ``best``, the sentence telling the headline's
    news. "Kessler Bridge to close for 11 weeks because its beams are corroded" over "will close ... while
    engineers replace corroded steel beams" states the story's cause with a causal word of its own; "because
    of 1957 flood", whose flood is another sentence's (the bridge was rebuilt after it), does not, nor "because
    of flood damage", whose damage the story never writes."""
    m = _CAUSAL.search(doc.text, sent.start, sent.end)
    if m is None:
        return False

    def told(tokens: list[Token], sentences: list[Sentence]) -> bool:
        stems = {t.stem for s in sentences for t in s.tokens}
        prefixes = {t.norm[:5] for s in sentences for t in s.tokens if len(t.norm) >= 5}
        return all(t.stem in stems or (len(t.norm) >= 5 and t.norm[:5] in prefixes) for t in tokens)

    words = [t for t in sent.tokens if t.norm not in _STOP and t.norm.isalpha()]
    by = _CAUSE_BY.match(doc.text, m.end(), sent.end)
    after = _CAUSE_AFTER.fullmatch(m.group()) is not None or by is not None
    end = by.end() if by is not None else m.end()
    cause = [t for t in words if (t.start >= end if after else t.end <= m.start())]
    if not (bool(cause) and told(words, where) and told(cause, [best])):
        return False
    # the cause's words, where the news is told, must not be a cause ruled out there
    stems = {t.stem for t in cause}
    prefixes = {t.norm[:5] for t in cause if len(t.norm) >= 5}
    first = next((t for t in best.tokens if t.stem in stems or (len(t.norm) >= 5 and t.norm[:5] in prefixes)), None)
    return first is None or _CAUSE_DENIED.search(other.text, best.start, first.start) is None


#: Said of a headline's added claim kept at severity low (``headline_restated``).
HEADLINE_NOTE = (
    " (low: a headline that sums up what the other text says, in words of its own: no figure, name, event, "
    "cause or comment it lacks)"
)


def _events(text: str) -> set[str]:
    """The event verbs (``_EVENT_VERBS``, by stem) a text writes."""
    return {m.lastgroup for m in _EVENT.finditer(text) if m.lastgroup}


#: Share of its plain content words a restyle's sentence must bring of its own (not in the original's sentences
#: near the ones around it: ``_own_near``) to be read as a restatement rather than a splice of the original's
#: words: ``Settings.novel_pairs_near_own_words``' default, which draws the same line for the word-pair test.
_RESTATED_OWN_WORDS = 0.3


def _near_sources(alignment: Alignment, a: int, b: int) -> tuple[int, ...]:
    """The original's sentences that the suspect's sentences around ``[a, b)`` (two either side) restate:
    where a restated claim would have its words and its cause."""
    derived = alignment.derived
    at = [s.index for s in derived.sentences if s.start < b and a < s.end]
    if not at:
        return ()
    lo, hi = min(at) - 2, max(at) + 2
    return tuple(sorted({j for link in alignment.links for i in link.derived if lo <= i <= hi for j in link.source}))


# Where a headline gives a cause of its own: "Bridge shut for 11 weeks after inspectors declare it unsafe".
_HEADLINE_CAUSE = re.compile(
    # the clause ends at a site name's dash or bar too ("after rust found - Chronicle Live")
    r"\b(?:after|because(?:\s+of)?|due\s+to|following|as\s+a\s+result\s+of|blamed\s+on)\s+"
    r"(?P<clause>(?:(?!\s[-\u2013]\s)[^,;:|\u2014])+)",
    re.IGNORECASE,
)
#: Content words of a headline's cause clause the original must lack (no word of it sharing the first five
#: letters: "corrosion" for "corroded" is the original's) for the clause to be a cause of the headline's own.
HEADLINE_CAUSE_NEW_WORDS = 2


def headline_added_cause(headline: Document, original: tuple[Document, ...]) -> Finding | None:
    """A headline whose cause clause ("after inspectors declare it unsafe") is mostly words the original never
    writes (at least ``HEADLINE_CAUSE_NEW_WORDS`` content words, and more than half of the clause's): it tells
    why something happened where the original does not. Low: a headline sums up in words of its own ("after
    corrosion discovered in girders" for a body's corroded beams), so the clause is only pointed at, for a
    reader to check (rev23m).
    ``original``: its documents (the title and the body).
    "after rust found in beams", "after inspectors discover corrosion" restate the original and stay quiet."""
    if not headline.sentences:
        return None
    m = _HEADLINE_CAUSE.search(headline.text)
    if m is None:
        return None
    a, b = m.span("clause")
    words = [
        t
        for s in headline.sentences
        for t in s.tokens
        if a <= t.start and t.end <= b and t.norm not in _STOP and t.norm not in _VAGUE and t.norm.isalpha()
    ]
    if not words:
        return None
    tokens = [t for doc in original for s in doc.sentences for t in s.tokens]
    stems = {t.stem for t in tokens}
    prefixes = {t.norm[:5] for t in tokens if len(t.norm) >= 5}
    new = [t for t in words if t.stem not in stems and not (len(t.norm) >= 5 and t.norm[:5] in prefixes)]
    if len(new) < HEADLINE_CAUSE_NEW_WORDS or 2 * len(new) <= len(words):
        return None
    clause = " ".join(headline.text[m.start() : b].split())
    return Finding(
        type="claim_added",
        severity="low",
        subtype="cause",
        detail=f"cause added: \u201c{clause}\u201d \u2014 the original gives no such cause "
        f"({', '.join(headline.text[t.start : t.end] for t in new)} appear nowhere in it)",
        derived=(m.start(), b),
        after=headline.text[m.start() : b],
    )


#: Said of an added claim kept at severity low in a whole-article restyle (``_restated_in_restyle``).
_RESTATED_NOTE = (
    " (low: the suspect restates the whole original in words of its own, and this brings no figure, name, "
    "cause or comment the original lacks: most likely the original's content said anew)"
)


#: Said of a finding kept at severity low in a whole-article restyle (``_restyled``).
_RESTYLED_NOTE = (
    " (low: the suspect restates the whole original in words of its own, where new wording is mostly its style)"
)


def _restyled(alignment: Alignment, settings: Settings) -> bool:
    """True when the suspect restates the original throughout in words of its own (``Settings.restyled_share``
    of at least ``restyled_min_links`` linked sentences restated, not copied): an LLM restyling a whole
    article. Its sentences join the original's words anew as a matter of style."""
    linked = restated = 0
    for link in alignment.links:
        # a sentence linked only by where it stands says nothing of the article's style (rev24e: one loose
        # link tipped every added clause of a rewrite to low)
        if not link.source or link.kind == "added" or set(link.derived) <= set(alignment.placed):
            continue
        linked += len(link.derived)
        if link.kind in ("paraphrase", "partial"):
            restated += len(link.derived)
    return linked >= settings.restyled_min_links and restated >= settings.restyled_share * linked


def _word_pairs(doc: Document) -> set[tuple[str, str]]:
    """Every pair of neighbouring words of the document's body (normal forms), two function words aside."""
    pairs: set[tuple[str, str]] = set()
    for sent in doc.body:
        norms = [t.norm for t in sent.tokens]
        pairs.update(itertools.pairwise(norms))
    return pairs


@lru_cache(maxsize=1)
def _speech_words() -> frozenset[str]:
    """The speech-verb words of ``facts.cues`` that are seldom anything else: "states", "reports", "notes",
    "claims", "estimates" and "confirmed" are as often nouns or adjectives."""
    from storytrace.facts.cues import _CUE_WORDS

    # The participles a merge joins a quote with ("Harris denied the charges, telling reporters: ...") are
    # speech verbs as much as "told" is.
    participles = frozenset("saying telling adding explaining insisting arguing".split())
    return (_CUE_WORDS | participles) - frozenset("states reports notes claims estimates confirmed".split())


#: Sentences of the original on either side of a link's own that count as near it (``_own_near``).
_NEAR = 2


def _own_near(derived: Document, sent: Sentence, source: Document, linked: tuple[int, ...]) -> float:
    """Share of a derived sentence's plain content words (not names, figures or function words) that the
    original's sentences near its link (``_NEAR`` either side) do not have.

    A restatement in its own words and a splice of the original's words both find nearly every word
    somewhere in a long original; near the sentences they restate, a restatement still brings words of its
    own ("Surrounded by reporters, Thompson was asked ..." for "A crush of reporters has swarmed him"),
    while a splice joins the words around it and swaps in names from elsewhere ("The former is the founder
    of New Japan's New Japan")."""
    text = derived.text
    plain = [t.stem for t in sent.tokens if text[t.start].islower() and t.norm not in _STOP]
    if not plain:
        return 0.0
    lo, hi = max(0, min(linked) - _NEAR), min(len(source.sentences), max(linked) + _NEAR + 1)
    near = {t.stem for j in range(lo, hi) for t in source.sentences[j].tokens}
    return sum(x not in near for x in plain) / len(plain)


# Where a sentence joining two of the original's ("..., was released on bail; his lawyer says he is innocent",
# "... Castell Marine Services, which won four contracts ...") passes from one to the next.
_MERGE_BREAK = re.compile(r"\s*;\s*|,\s+(?=(?:which|who|whose|where|while|and|but)\s)", re.I)
#: Share of a merged clause's content words (names and figures too) that one sentence of the original must
#: write for the clause to restate it (``_merge_restated``).
_MERGE_CLAUSE_KNOWN = 0.8


def _merge_restated(derived: Document, sent: Sentence, source: Document, linked: tuple[int, ...]) -> bool:
    """True when ``sent`` joins clauses (``_MERGE_BREAK``) that each restate one sentence of the original near
    its link (``_NEAR`` either side; most of the clause's content words, ``_MERGE_CLAUSE_KNOWN``), a sentence the
    link left out or one of the link's own: "Ferreira, 61, was released on $50,000 bail; his lawyer says he is innocent"
    for "... was released on bail of $50,000." and "His lawyer, Helen Markham, said her client was innocent".
    Its word pairs are new where the two sentences meet and where each is told shorter, which is no splice;
    a clause no one sentence tells ("Castell's lawyer says he is innocent") still is."""
    text = derived.text
    bounds = [sent.start]
    for m in _MERGE_BREAK.finditer(text, sent.start, sent.end):
        bounds += [m.start(), m.end()]
    bounds.append(sent.end)
    if len(bounds) < 4:
        return False
    lo, hi = max(0, min(linked) - _NEAR), min(len(source.sentences), max(linked) + _NEAR + 1)
    near = [(j, source.sentences[j].content_stems()) for j in range(lo, hi) if not source.sentences[j].boilerplate]
    told: set[int] = set()
    for a, b in zip(bounds[::2], bounds[1::2], strict=True):
        stems = {t.stem for t in sent.tokens if a <= t.start < b and t.norm not in _STOP}
        if not stems:
            continue
        best = max(near, key=lambda js: len(stems & js[1]), default=None)
        if best is None or len(stems & best[1]) / len(stems) < _MERGE_CLAUSE_KNOWN:
            return False
        if _turned(text[a:b], source.sentence_text(best[0])):
            return False  # "which lost four contracts" for "the company won four contracts": one word, reversed
        if _negations(text[a:b]) != _negations(source.sentence_text(best[0])):
            return False  # "he will not fight the charges" for "would fight", "after competitive bidding" for "without"
        told.add(best[0])
    # Each clause told by a sentence of the link's own merge ("An inspection in 2023 found corrosion ..., which
    # opened in 1962" for "... during an inspection in 2023. The bridge opened in 1962.") is the same merge.
    return len(told) >= 2


#: Content words of the original's sentence a shortening may leave out between two it keeps (``_shortened``).
_SHORTENED_GAP = 1


def _shortened(derived: Document, sent: Sentence, source: Document, linked: tuple[int, ...]) -> bool:
    """True when ``sent`` keeps the content words of one of its linked sentences in their order, leaving out at
    most ``_SHORTENED_GAP`` between any two it keeps, with the same negations and no word turned to its opposite:
    "Police are investigating whether it was started deliberately" for "Police said they were investigating
    whether the fire had been started deliberately, after witnesses ...". Its new word pairs are the tense and
    pronouns of a shorter sentence, not the original's words joined into another claim (a splice takes them
    from further apart: "Townsend scored the Tottenham midfielder")."""
    mine = [t.stem for t in sent.tokens if t.norm not in _STOP]
    if len(mine) < 3:
        return False
    text = derived.text[sent.start : sent.end]
    orders = [mine]
    if (active := _as_active(derived, sent)) is not None:
        orders.append(active)
    for j in linked:
        tokens = source.sentences[j].tokens
        content = [k for k, t in enumerate(tokens) if t.norm not in _STOP]
        theirs = [tokens[k].stem for k in content]
        if any(_kept_in_order(order, tokens, content, theirs) for order in orders):
            told = source.sentence_text(j)
            if _negations(text) == _negations(told) and not _turned(text, told):
                return True
    return False


def _kept_in_order(mine: list[str], tokens: Sequence[Token], content: list[int], theirs: list[str]) -> bool:
    """``_shortened``'s test of one sentence of the original: ``mine`` found in ``theirs`` in order, at most
    ``_SHORTENED_GAP`` left out between two kept, none of them a frame of what is kept."""
    at = -1
    for stem in mine:
        nxt = next((k for k in range(at + 1, len(theirs)) if theirs[k] == stem), None)
        if nxt is None or (at >= 0 and nxt - at > _SHORTENED_GAP + 1):
            return False
        if any(_frames(tokens, content[k]) for k in range(max(at + 1, nxt - 1), nxt)):
            return False  # "had been asked to help" -> "has helped": the left-out word framed what is kept
        at = nxt
    return True


#: Content words a passive's subject may have for ``_as_active`` to move it ("Free places", "Winds").
_PASSIVE_SUBJECT_WORDS = 3


def _as_active(derived: Document, sent: Sentence) -> list[str] | None:
    """The content stems of a sentence that opens with a passive ("Winds are expected to ease by Thursday"), in
    the order of the active sentence it turns round ("Forecasters expect the wind to ease by Thursday"): the
    verb, then its subject as the active's object, then the rest. None when the sentence opens otherwise.

    A shortening into the passive drops the agent and puts the object first; in the original's order its words
    are kept all the same. Only the subject is moved: an agent kept after "by" ("The man was bitten by the dog")
    stays after the verb, where the original's order does not have it, so the passive must leave the agent out
    to pass for a shortening."""
    from storytrace.facts.cues import _PASSIVE_BEFORE

    text = derived.text
    content = [t for t in sent.tokens if t.norm not in _STOP]
    for k, t in enumerate(content[: _PASSIVE_SUBJECT_WORDS + 1]):
        if k and _PASSIVE_BEFORE.search(text, max(sent.start, t.start - 8), t.start):
            stems = [x.stem for x in content]
            return [stems[k], *stems[:k], *stems[k + 1 :]]
    return None


#: Verbs that make what follows them a request, a plan, an attempt or a charge, not a deed done ("asked to
#: help", "denied that its troops had crossed"): a shortening may not leave them out (``_shortened``).
_FRAME_VERBS = frozenset(
    "ask asked asks asking urge urged urges urging try tried tries trying hope hoped hopes hoping offer offered "
    "offers offering promise promised promises promising deny denied denies denying fail failed fails failing "
    "accuse accused accuses accusing plan planned plans planning seek seeks seeking sought want wanted wants "
    "threaten threatened threatens vow vowed vows pledge pledged pledges refuse refused refuses propose proposed "
    "proposes attempt attempted attempts intend intended intends order ordered orders demand demanded demands "
    "request requested requests allege alleged alleges expect expected expects consider considered considering".split()
)


def _frames(tokens: Sequence[Token], k: int) -> bool:
    """Is the word at ``k`` a frame of what follows it (``_FRAME_VERBS``, or a word other than a speech verb
    before "to", "whether" or "that": "agreed to pay", "decide whether")?"""
    following = tokens[k + 1].norm if k + 1 < len(tokens) else ""
    if tokens[k].norm in _SPEECH_NORMS:
        return False  # "said that": whose words they are, which a shortening tells by its own means
    return tokens[k].norm in _FRAME_VERBS or following in ("to", "whether", "that")


def _negations(text: str) -> set[str]:
    """The negation words ``text`` writes (``_NEGATION``), "n't" read as "not"."""
    words = (m.group().lower() for m in _NEGATION.finditer(text))
    return {"not" if w in ("n't", "n\u2019t") else w for w in words}


def _turned(clause: str, sentence: str) -> bool:
    """True when ``clause`` writes a word whose opposite (``facts.cues._OPPOSITES``: won/lost, rose/fell,
    died/survived ...) ``sentence`` writes in its place."""
    from storytrace.facts.cues import _OPPOSITES

    for _, one, other in _OPPOSITES:
        for mine, theirs in ((one, other), (other, one)):
            if mine.search(clause) and theirs.search(sentence) and not mine.search(sentence):
                return True
    return False


# A quotation mark opening a quotation right before the next word (searched between two words).
_QUOTE_OPENS = re.compile(r"[\"\u201c\u201e\u00ab]$")


def _novel_pairs(sent: Sentence, known: set[tuple[str, str]], text: str) -> tuple[int, int]:
    """How many of a sentence's pairs of neighbouring words (those with a content word) are not in
    ``known``, and how many there are: a summary that copies states what the original states in its
    words; one that joins them anew ("Townsend scored the Tottenham midfielder") says something else.

    Pairs with a speech verb ("says", "told", "according") are not counted: a rewrite that moves who
    said it from the end to the front ("Amnesty International says governments ..." for "Governments
    ..., Amnesty International alleges") joins new pairs without a new claim, and a changed speaker is
    the attribution and quote checks' to judge: so are pairs inside the speaker's name ("Mayor Ruiz said"
    for "Opposition leader Karl Benz said" is a speaker changed, not a splice). Words of the speech-verb
    list that are as often nouns or adjectives ("the United States", "confirmed cases", "false claims")
    still count."""
    from storytrace.facts.cues import attributions, credible_speaker

    speech = _speech_words()
    speakers = [(a.start, a.end) for a in attributions(text, sent.start, sent.end) if credible_speaker(text, a)]
    novel = total = 0
    for x, y in itertools.pairwise(sent.tokens):
        if x.norm in _STOP and y.norm in _STOP:
            continue
        if x.norm in speech or y.norm in speech:
            continue
        if any(a <= x.start and y.end <= b for a, b in speakers):
            continue
        if _QUOTE_OPENS.search(text, x.end, y.start):
            # the reporter's last word and the speaker's first ("telling reporters: "I have ...""): no phrase of
            # either. Where a quotation closes, its last word and the speaker after it still count: that pair
            # ties the words to whoever said them.
            continue
        total += 1
        novel += (x.norm, y.norm) not in known
    return novel, total


def fact_checks(alignment: Alignment, settings: Settings = DEFAULT_SETTINGS) -> list[Finding]:
    """The finer findings: what aligned sentences changed (storytrace.facts)."""
    from storytrace.facts.cues import attribution_findings, hedge_findings
    from storytrace.facts.dates import date_findings
    from storytrace.facts.entities import entity_findings, name_words
    from storytrace.facts.numbers import number_findings
    from storytrace.facts.quotes import quote_findings
    from storytrace.facts.recombined import recombination_findings
    from storytrace.facts.swapped import swap_findings

    quotes = quote_findings(alignment)
    # A quotation given to someone else is the quote check's finding; the speaker's attribution says it again.
    requoted = [f.derived for f in quotes if f.subtype == "speaker_changed" and f.derived]
    findings = (
        quotes
        + number_findings(alignment)
        + date_findings(alignment)
        + [
            f
            for f in attribution_findings(alignment)
            if not (f.subtype == "speaker_changed" and f.derived and any(_overlap(f.derived, q) for q in requoted))
        ]
        + hedge_findings(alignment)
    )
    reported: set[str] = set()
    for f in findings:
        if f.type in ("attribution_changed", "quote_fabricated") and f.after:
            reported |= name_words(f.after)
    findings += entity_findings(alignment, skip=frozenset(reported))
    taken = frozenset(f.derived for f in findings if f.derived and f.type != "fact_omitted")
    recombined = recombination_findings(alignment, min_pairs=settings.recombined_min_pairs, skip=taken)
    if recombined and _restyled(alignment, settings):
        # A restyle moves names between sentences as it retells ("the chancellor's fate" -> "Merkel's fate",
        # "the NVA moved us" -> "... moved McCain"): a name in a sentence the original never puts it in is
        # mostly its style there (about four in five such findings on SheepDog restyles), so it is told low.
        recombined = [replace(f, severity="low", detail=f.detail + _RESTYLED_NOTE) for f in recombined]
    findings += recombined
    taken = frozenset(f.derived for f in findings if f.derived and f.type != "fact_omitted")
    findings += swap_findings(alignment, skip=taken)
    findings += dropped_list_items(alignment)
    return findings


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# "A, B and C": three or more items, each a short phrase, the last joined by "and"/"or".
_CONJUNCTION = re.compile(r"\s(?:and|or)\s")
# A piece after a comma that opens this way is a clause of its own, not a listed thing: the "and" of
# "A, and that B" joins clauses, and the "and" that follows inside B lists within B.
_CLAUSE_OPENER = re.compile(
    r"\s*(?:and|or|but|that|which|who|while|whereas|as|because|although|though|when)\b", re.IGNORECASE
)
_ITEM_BREAK = re.compile(r"[;:()\u201c\u201d\"]|\.(?!\S)(?!\s\d)")
# A verb that makes a piece a clause: an auxiliary, a modal or a speech verb (lower case only: "in April, May
# and June" lists months).
_ITEM_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|being|has|have|had|will|would|can|could|should|may|might|must|shall|"
    r"does|did|said|says|told)\b"
)
_RELATIVE = re.compile(r"\b(?:that|which|who|whom|whose)\b", re.I)


def _lists(text: str, start: int, end: int) -> list[list[tuple[int, int]]]:
    """Lists "A, B and C" in a sentence: three or more short items, the last joined by "and"/"or"."""
    found = []
    for m in _CONJUNCTION.finditer(text, start, end):
        head = text[start : m.start()]
        parts = head.split(", ")
        if len(parts) < 3 and not (len(parts) == 2 and parts[-1]):
            continue
        tail_end = m.end()
        # a comma between digits groups thousands ("\u20ac250,000"): the item goes on
        stop = re.search(r",(?!\d)|;|:|\.(?!\S)(?!\s\d)", text[m.end() : end])
        tail_end = m.end() + stop.start() if stop else end
        items_text = parts[-6:]
        # Listed things are noun phrases: a piece past the first with a verb of its own is a clause, and the
        # list starts at its last words ("In a statement, the ministry said it had sent soldiers, helicopters
        # and boats"); one such piece right before the "and" leaves no list ("His lawyer, Helen Markham, said
        # her client was innocent and would fight the charges", "During the closure, buses will run between
        # Halden and Norcross"). A verb after the "and" is the sentence's own, after a list of its subjects
        # ("Britain, France and Germany have signed").
        # "Pieter Vandermolen, 58, appeared ... and was released ...": an age after a name is an apposition, no
        # listed thing; the list, if any, starts after it (qa26 P7)
        ages = [k for k in range(1, len(items_text)) if _age_apposition(items_text[k - 1], items_text[k])]
        if ages:
            people = _with_ages(parts)
            if all(_ENDS_IN_NAME.search(_AGE_AFTER.sub("", piece)) for piece in people[-6:]) and _ENDS_IN_NAME.search(
                text[m.end() : tail_end]
            ):
                # a list of people with their ages ("Daniel Price, 45, Helen Price, 43, and Mark Ellis"): each age
                # goes with the name before it, and each name is an item (review rev27c)
                parts = people
                items_text = parts[-6:]
            else:
                items_text = items_text[ages[-1] + 1 :]
                if len(items_text) < 2:
                    continue
        verbs = [k for k in range(1, len(items_text)) if _clause_piece(items_text[k])]
        if verbs:
            items_text = items_text[verbs[-1] :]
            if len(items_text) < 2:
                continue
        # Every item is short and holds no clause punctuation; the first may carry the sentence's lead-in.
        if any(len(p) > 70 or _ITEM_BREAK.search(p) for p in items_text[1:]) or tail_end - m.end() > 70:
            continue
        clauses = [k for k in range(1, len(items_text)) if _CLAUSE_OPENER.match(items_text[k])]
        if clauses:
            # The list starts after the last clause piece ("The storm, which hit the coast on Monday, damaged
            # roads, bridges and power lines"), or at it when the pieces after it are too few to list: then that
            # piece ends with the first item ("..., and that the army had sent soldiers, helicopters and boats").
            k = clauses[-1]
            items_text = items_text[k + 1 :] if len(items_text) - k >= 3 else items_text[k:]
        # a clause piece's first item is its last words after the clause's verb: "while others seized cash"
        # lists "cash", so a suspect's "while colleagues took cash" keeps it
        lead_words = 2 if (verbs and not clauses) or (clauses and _CLAUSE_OPENER.match(items_text[0])) else 5
        pos = m.start() - len(head)
        spans = []
        offset = pos
        for k, piece in enumerate(parts):
            if k >= len(parts) - len(items_text):
                first = k == len(parts) - len(items_text)
                spans.append(_trim_item(text, offset, offset + len(piece), first=first, lead_words=lead_words))
            offset += len(piece) + 2
        spans.append(_trim_item(text, m.end(), tail_end, first=False))
        spans = [sp for sp in spans if sp[0] < sp[1]]
        if len(spans) >= 3:
            found.append(spans)
    return found


_AGE = re.compile(r"\s*(?:aged\s+)?\d{1,3}\s*,?\s*")
_ENDS_IN_NAME = re.compile(r"[A-Z][\w'\u2019-]*\s*$")


# An age closing a comma piece it was joined to ("Helen Price, 43,"): read off to see the name before it.
_AGE_AFTER = re.compile(r",\s*(?:aged\s+)?\d{1,3}\s*,?\s*$")


def _with_ages(parts: list[str]) -> list[str]:
    """Comma pieces with each age (``_age_apposition``) joined to the name before it, as the text writes them
    (so the pieces' offsets stay the same)."""
    out: list[str] = []
    for piece in parts:
        if out and _age_apposition(out[-1], piece):
            out[-1] += ", " + piece
        else:
            out.append(piece)
    return out


def _age_apposition(before: str, piece: str) -> bool:
    """True when a comma piece is an age ("58", "aged 58") right after a name ("Pieter Vandermolen, 58,")."""
    return _AGE.fullmatch(piece) is not None and _ENDS_IN_NAME.search(before) is not None


def _clause_piece(piece: str) -> bool:
    """True when a comma piece has a verb of its own (``_ITEM_VERB``) before any relative word: "said her
    client was innocent" is a clause, "an ice cream that he has an aide stir up" a thing."""
    relative = _RELATIVE.search(piece)
    return _ITEM_VERB.search(piece, 0, relative.start() if relative else len(piece)) is not None


def _trim_item(text: str, a: int, b: int, *, first: bool, lead_words: int = 5) -> tuple[int, int]:
    while a < b and not text[a].isalnum():
        a += 1
    while b > a and not text[b - 1].isalnum():
        b -= 1
    if first:
        # The first item usually carries the lead-in ("The plan covers a 2.4-mile barrier"): its last words.
        words = list(re.finditer(r"\S+", text[a:b]))
        if len(words) > lead_words:
            a += words[-lead_words].start()
    return a, b


def dropped_list_items(alignment: Alignment) -> list[Finding]:
    """One of several listed things left out of a sentence the suspect otherwise keeps."""
    source, derived = alignment.source, alignment.derived
    findings = []
    for link in alignment.links:
        if not link.source or link.kind == "verbatim":
            continue
        d_stems = frozenset().union(*(derived.sentences[i].content_stems() for i in link.derived))
        # An item the suspect tells in the sentence before or after ("... went before the court on 11 March.
        # He was freed on \u20ac250,000 bail") is split off, not dropped (qa26 P8).
        near = {k for i in link.derived for k in (i - 1, i + 1) if 0 <= k < len(derived.sentences)}
        near_stems = d_stems.union(*(derived.sentences[k].content_stems() for k in near - set(link.derived)))
        # Two conjunctions in one sentence give two overlapping lists ("A, B, C and D that ..., and then
        # ..."): an item dropped from both is one omission, reported once.
        reported: set[tuple[int, int]] = set()
        for j in link.source:
            sent = source.sentences[j]
            for items in _lists(source.text, sent.start, sent.end):
                kept = [_item_kept(source, sent, a, b, d_stems) for a, b in items]
                if len(items) < 3 or sum(kept) < 2:
                    continue  # not a list the suspect kept, or nothing dropped
                for (a, b), k in zip(items, kept, strict=True):
                    # The lists may cut one item differently ("an ice cream ... with nuts", "and an ice
                    # cream ... nuts"): overlapping spans are one item.
                    if k or any(a < y and x < b for x, y in reported):
                        continue
                    if _item_kept(source, sent, a, b, near_stems):
                        continue
                    reported.add((a, b))
                    findings.append(
                        Finding(
                            type="fact_omitted",
                            severity="medium",
                            subtype="list_item",
                            detail=f"one of {len(items)} listed items dropped: \u201c{source.text[a:b]}\u201d "
                            "is missing from the suspect's version of this sentence",
                            derived=(derived.sentences[link.derived[0]].start, derived.sentences[link.derived[-1]].end),
                            source=(a, b),
                            before=source.text[a:b],
                            salience=2.0,
                        )
                    )
    return findings


def _item_kept(doc: Document, sent: Sentence, a: int, b: int, d_stems: frozenset[str]) -> bool:
    stems = [t.stem for t in sent.tokens if a <= t.start < b and t.norm not in _STOP]
    if not stems:
        return True
    return sum(st in d_stems for st in stems) / len(stems) >= 0.5


def omitted_facts(alignment: Alignment) -> list[Finding]:
    source = alignment.source
    body = source.body
    position = {s.index: k for k, s in enumerate(body)}
    findings = []
    # quotations the suspect's unlinked sentences restate in reported speech (``_quote_told_indirectly``)
    told = {
        t[1]
        for link in alignment.links
        if link.kind == "added"
        for i in link.derived
        if (t := _quote_told_indirectly(alignment, alignment.derived.sentences[i])) is not None
    }
    from storytrace.facts.merged import merged_partners, untold_items

    merged = merged_partners(alignment) if alignment.omitted else {}
    for j in alignment.omitted:
        sent = source.sentences[j]
        missing: list[str] = []
        if j in merged:
            # a summary sentence tells it merged with its linked one (qa26 P9): told, or told in part
            missing = untold_items(alignment, j, merged[j])
            if not missing:
                continue
        salience, what = salience_of(source, sent, position[j], len(body))
        severity = "high" if salience >= 3.0 else "medium" if salience >= 1.5 else "low"
        if severity == "high" and _POST_SIGNATURE.match(source.text, sent.start, sent.end):
            severity = "medium"  # an embedded post's signature line: the copy dropped or re-coded the embed
        detail = _DROPPED
        if what:
            detail += f" ({', '.join(what)})"
        if j in merged:
            severity = "medium" if severity == "high" else severity
            d = alignment.derived.sentences[merged[j]]
            detail = (
                "partly told: a sentence of the suspect merges this one into another "
                f"(\u201c{_clip(alignment.derived.text[d.start : d.end])}\u201d) but leaves out "
                + ", ".join(f"\u201c{w}\u201d" for w in missing[:4])
            )
        if j in told:
            severity = "low"
            detail += "; the suspect may restate its quotation in reported speech, in a sentence not linked to it"
        findings.append(
            Finding(
                type="fact_omitted",
                severity=severity,
                subtype="sentence",
                detail=detail,
                source=(sent.start, sent.end),
                before=source.text[sent.start : sent.end],
                salience=round(salience, 3),
            )
        )
    return findings


# An embedded post's signature line, as an extractor reads it: an old-style Instagram embed's "A post shared by Sam
# Hill (@samhill) on Mar 4, 2026 at 10:04am PST", a tweet's "— Sam Hill (@samhill) March 4, 2026". Its figures, date
# and names made a dropped one high, where aggregators strip or re-code embeds routinely (Instagram's newer code has
# no such line): at most medium, as a tweet's signature is.
_POST_SIGNATURE = re.compile(r"(?:A\s+post\s+shared\s+by\s|[\u2014\u2013-]\s*)[^\n(]{1,80}\(@[\w.]{1,40}\)")


def salience_of(doc: Document, sent: Sentence, position: int, total: int) -> tuple[float, list[str]]:
    """Simple cues of what an editor would miss first: lead position, figures, dates, names, quotes."""
    text = doc.text[sent.start : sent.end]
    tokens = sent.tokens
    figures = sum(1 for t in tokens if t.norm[0].isdigit() and not _YEAR.match(t.norm))
    dates = sum(1 for t in tokens if t.norm in _MONTH_SET or _YEAR.match(t.norm))
    names = sum(
        1
        for k, t in enumerate(tokens)
        if k > 0 and doc.text[t.start].isupper() and t.end - t.start > 1 and not _opens(doc.text, t.start)
    )
    quoted = any(q in text for q in _QUOTE_CHARS)
    denial = _DENIAL.search(text)
    if denial and _NEGATED.search(text[: denial.start()]):
        denial = None  # "did not deny the report": no denial
    salience = 0.0
    what = []
    if position < 3:
        salience += 1.5 - 0.4 * position
        what.append("from the lead")
    if figures:
        salience += 1.0 + 0.25 * min(figures - 1, 2)
        what.append("a figure" if figures == 1 else "figures")
    if dates:
        salience += 0.75
        what.append("a date")
    if names:
        salience += 0.5 + 0.25 * min(names - 1, 3)
        what.append("a named person or body" if names == 1 else "names")
    if quoted:
        salience += 1.0
        what.append("a quotation")
    if denial:
        # the other side's answer: a story that keeps the accusation and drops it is no longer fair
        salience += 1.5
        what.append("a denial")
    salience += min(sent.words, 40) / 40
    return salience, what


# A denial of what is alleged ("denied wrongdoing", "denies this", "disputed the account"), not a refusal ("denied
# coverage", "denied them entry"); "rejected" only with what was alleged ("rejected the allegations").
_DENIAL = re.compile(
    r"\b(?:denied|denies|deny|denying|disputed|disputes|refuted|refutes)"
    r"(?:\s+(?:any|all|the|these|those|its|his|her|their))?(?:\s+[a-z]+)?\s+"
    r"(?:wrongdoing|involvement|responsibility|knowledge|allegations?|accusations?|charges?|claims?|reports?|account|"
    r"accuracy|this|that|it|having|being)\b"
    r"|\b(?:rejected|rejects)\s+(?:the|these|those|all|any)\s+(?:claims?|allegations?|accusations?|charges?|reports?)\b"
    r"|\b(?:denied|denies|disputed|disputes)\s*[.)]",
    re.IGNORECASE,
)
_NEGATED = re.compile(r"\b(?:not|never|n['\u2019]t)\s+(?:\w+\s+)?$", re.IGNORECASE)


def _order(findings: list[Finding]) -> tuple[Finding, ...]:
    """Changes in the order they occur in the suspect; then omissions, most salient first."""
    rank = {s: k for k, s in enumerate(SEVERITIES)}
    changes = sorted(
        (f for f in findings if f.type != "fact_omitted"),
        key=lambda f: (f.derived[0] if f.derived else 1 << 62, rank[f.severity], f.type),
    )
    omissions = sorted(
        (f for f in findings if f.type == "fact_omitted"),
        key=lambda f: (-f.salience, f.source[0] if f.source else 0),
    )
    return tuple(changes + omissions)


def _clip(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"
