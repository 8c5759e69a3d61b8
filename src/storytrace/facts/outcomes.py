"""Outcomes told before they happened: a step of a process reported as its end.

A rewrite can keep every name and figure and still report what has not happened: a man "charged with"
bribery told as "convicted of" it (a libel risk), a ministry "reviewing the claims" told as having
"confirmed" or "rejected" them, a council that "will vote" told as having "voted", nurses who "would be
hired" told as "have been hired". Each check here needs the original's earlier stage in the linked sentence,
the suspect's later stage in its restatement of that very claim (``cues._kept_scope``), no word of the earlier
stage kept, and the later stage not itself denied, wanted or still to come ("could be convicted", "has yet to
confirm"). Called from ``cues.hedge_findings`` for each link it reads.
"""

from __future__ import annotations

import re

from storytrace.align import Link
from storytrace.facts.cues import (
    _PLAN_DENIED,
    _SAY_VERB,
    _TASK,
    _TIME_TO_COME,
    _WORD,
    _governed,
    _kept_scope,
    _same_stem,
)
from storytrace.finding import Finding
from storytrace.text import STOPWORDS, Document, normalize_word, stem

# Stages of a criminal case before any verdict: the person is only suspected or accused. Not "charged with"
# a task ("charged with overseeing the budget"): ``cues._TASK``.
_BEFORE_VERDICT = re.compile(
    r"\b(?:suspected\s+of|arrested|detained|accused|indicted|prosecuted|on\s+trial|"
    r"stand(?:s|ing)?\s+trial|(?:face[sd]?|facing)\s+(?:\w+\s+){0,2}(?:charges?|trial|prosecution)|"
    r"charged(?:\s+\w+){0,3}?\s+with(?!\s+(?:" + _TASK + r")\b)|charged\b(?!\s+(?:\w+\s+){0,3}with\b)|"
    r"under\s+investigation)",
    re.IGNORECASE,
)
# A verdict, or what only follows one: the person is told as guilty.
_VERDICT = re.compile(
    r"\b(?:convicted|convicts?|found\s+guilty|(?:pleaded|pled|pleads|plead)\s+guilty|guilty\s+of|sentenced|"
    r"serving\s+(?:a\s+)?(?:\w+\s+)?(?:sentence|prison\s+term))\b",
    re.IGNORECASE,
)
# Before a later stage in the suspect: it is denied, conditional, wanted or still to come, not reported as
# reached ("if convicted", "could be convicted", "faces up to 10 years if found guilty", "has yet to confirm",
# "due to be sentenced", "not guilty of").
_NOT_REACHED = re.compile(
    r"(?:\b(?:if|unless|whether|until|before|could|may|might|would|will|shall|can|should|must|to|not|never|"
    r"yet|risk\w*|possibl\w*|potential\w*|seek\w*|sought|want\w*|expect\w*|likely|fac(?:e|es|ed|ing)|call\w*|"
    r"demand\w*|urg\w*|aim\w*|hop\w*|plan\w*|or)\b|n['\u2019]t)(?:\s+\S+){0,3}\s+$",
    re.IGNORECASE,
)
# A review, inquiry or weighing still under way: no conclusion yet ("said it was reviewing the claims").
_UNDER_WAY = re.compile(
    r"\b(?:(?:is|are|was|were|been|be|am)\s+(?:still\s+|now\s+|currently\s+)?(?:reviewing|investigating|"
    r"examining|studying|assessing|considering|looking\s+into|probing|weighing|evaluating|checking|"
    r"verifying|analy[sz]ing|scrutini[sz]ing)|(?:launched|opened|began|begun|started|ordered)\s+(?:an?\s+)?"
    r"(?:review|investigation|inquiry|probe|examination|assessment)\s+(?:of|into))\b",
    re.IGNORECASE,
)
# Words of a review or an inquiry in any form: the suspect keeps the process under way.
_PROCESS_KEPT = re.compile(
    r"\b(?:review\w*|investigat\w*|examin\w*|stud(?:y|ying|ies|ied)|assess\w*|consider\w*|look\w*\s+(?:into|at)|"
    r"prob(?:e|es|ed|ing)|weigh\w*|evaluat\w*|check\w*|analy[sz]\w*|scrutin\w*|inquir\w*|enquir\w*)\b",
    re.IGNORECASE,
)
# A conclusion the review was to reach, either way.
_CONCLUDED = re.compile(
    r"\b(?:confirm(?:ed|s)|reject(?:ed|s)|dismiss(?:ed|es)|upheld|uph[oe]lds?|accept(?:ed|s)|approv(?:ed|es)|"
    r"verified|validated|substantiated|refuted|debunked|den(?:ied|ies)|ruled\s+out|endorsed|cleared|"
    r"found\s+(?:no|that)|concluded)\b",
    re.IGNORECASE,
)
# A step still to come: "will vote", "would be hired", "is to close", "'ll sign". Not "will not" (denied).
_FUTURE = re.compile(
    r"(?:\b(?:will|shall|would|(?:is|are|was|were)\s+to)|['\u2019]ll)\s+"
    r"(?:(?:also|soon|then|now|still|eventually|finally|formally|officially)\s+)?(?P<be>be\s+)?"
    r"(?P<verb>(?!not\b|be\b|have\b|never\b|likely\b|probably\b)[a-z]+)\b",
    re.IGNORECASE,
)
# "would" with a time to come in the original ("by the end of the year", "in 2026") reads as a plan; so it does
# after a saying verb ("said 1,250 nurses would be hired"). Otherwise it may be a habit or a condition.
_COME_BY = re.compile(r"\b(?:by|before|within|from|in)\s+(?:the\s+end\s+of|next|(?:19|20)\d\d|the\s+coming)\b", re.I)
# The suspect tells the step as done: a perfect or a passive past before the verb ("have been hired",
# "has suspended").
_DONE_BEFORE = re.compile(r"\b(?:has|have|had|was|were)\s+(?:\w+\s+)?(?:been\s+)?$", re.IGNORECASE)
_CONDITION = re.compile(r"\b(?:if|unless|whether)\b", re.IGNORECASE)


def outcome_shift(
    src: Document,
    link: Link,
    s_spans: list[tuple[int, int]],
    der: Document,
    d_spans: list[tuple[int, int]],
    d_text: str,
    d_stems: frozenset[str],
) -> Finding | None:
    """A stage of a case, a review or a plan that the suspect reports as reached (see the module docstring)."""
    return (
        _verdict_told(src, link, s_spans, der, d_spans, d_stems)
        or _review_concluded(src, link, s_spans, der, d_spans, d_text, d_stems)
        or _future_as_done(src, link, s_spans, der, d_spans, d_text, d_stems)
    )


def _reached(pattern: re.Pattern[str], text: str, spans: list[tuple[int, int]]) -> re.Match[str] | None:
    """The first match of ``pattern`` in ``spans`` that is not denied, conditional, wanted or to come."""
    for a, b in spans:
        for m in pattern.finditer(text, a, b):
            if not _NOT_REACHED.search(text, max(a, m.start() - 40), m.start()):
                return m
    return None


def _first_in(pattern: re.Pattern[str], text: str, spans: list[tuple[int, int]]) -> re.Match[str] | None:
    for a, b in spans:
        m = pattern.search(text, a, b)
        if m:
            return m
    return None


def _verdict_told(
    src: Document,
    link: Link,
    s_spans: list[tuple[int, int]],
    der: Document,
    d_spans: list[tuple[int, int]],
    d_stems: frozenset[str],
) -> Finding | None:
    """ "was charged with accepting bribes" -> "was convicted of accepting bribes": an accusation told as a
    verdict. High: it calls someone guilty whom no court has. "faced charges", "stands accused" stay quiet."""
    stage = _first_in(_BEFORE_VERDICT, src.text, s_spans)
    if stage is None:
        return None
    verdict = _reached(_VERDICT, der.text, d_spans)
    # a verdict the original gives anywhere (another case, a later paragraph) is its own, not the rewrite's
    if verdict is None or _VERDICT.search(src.text):
        return None
    cue = (stage.start(), stage.end())
    if not _kept_scope(src, link.source, cue, d_stems):
        return None
    before, after = stage.group(), verdict.group()
    return Finding(
        type="hedge_changed",
        severity="high",
        subtype="allegation_as_fact",
        detail=f"allegation presented as a verdict: the original says \u201c{before}\u201d, the suspect "
        f"\u201c{after}\u201d, a stage of the case that has not been reached",
        derived=(verdict.start(), verdict.end()),
        source=cue,
        before=before,
        after=after,
    )


def _review_concluded(
    src: Document,
    link: Link,
    s_spans: list[tuple[int, int]],
    der: Document,
    d_spans: list[tuple[int, int]],
    d_text: str,
    d_stems: frozenset[str],
) -> Finding | None:
    """ "said it was reviewing the claims" -> "has confirmed the claims" (or "rejected"): a review under way
    told as concluded. "looking into the claims" keeps it under way and stays quiet."""
    review = _first_in(_UNDER_WAY, src.text, s_spans)
    if review is None or _PROCESS_KEPT.search(d_text):
        return None
    done = _reached(_CONCLUDED, der.text, d_spans)
    if done is None:
        return None
    s_text = " ".join(src.text[a:b] for a, b in s_spans)
    if any(_same_stem(_stem_of(w), _stem_of(done.group())) for w in re.findall(r"[A-Za-z]+", s_text)):
        return None  # the original gives the conclusion too ("reviewed and rejected")
    cue = (review.start(), review.end())
    if not _kept_scope(src, link.source, cue, d_stems):
        return None
    before, after = review.group(), done.group()
    return Finding(
        type="hedge_changed",
        severity="medium",
        subtype="certainty_increased",
        detail=f"more certain than the original: a review still under way (\u201c{before}\u201d) is reported as "
        f"concluded (\u201c{after}\u201d)",
        derived=(done.start(), done.end()),
        source=cue,
        before=before,
        after=after,
    )


def _stem_of(word: str) -> str:
    return stem(normalize_word(word.split()[0]))


def _future_as_done(
    src: Document,
    link: Link,
    s_spans: list[tuple[int, int]],
    der: Document,
    d_spans: list[tuple[int, int]],
    d_text: str,
    d_stems: frozenset[str],
) -> Finding | None:
    """ "will vote on a motion to suspend him" -> "voted to suspend him", "would be hired by the end of the year"
    -> "have been hired": a step to come told as done. "will vote to suspend him next Tuesday" and "are to be
    hired" stay quiet, as does "would" that may be a habit or a condition ("he would walk to work")."""
    if _TIME_TO_COME.search(d_text):
        return None
    for a, b in s_spans:
        for m in _FUTURE.finditer(src.text, a, b):
            if _PLAN_DENIED.search(src.text, max(a, m.start() - 24), m.start()) or _CONDITION.search(
                src.text, a, m.start()
            ):
                continue
            if m.group().lower().startswith("would") and not (
                _SAY_VERB.search(src.text, a, m.start()) or _COME_BY.search(src.text, m.end(), b)
            ):
                continue
            verbs = _verbs_governed(src.text, m, b)
            found = _told_done(der, d_spans, verbs, passive=bool(m["be"]))
            if found is None:
                continue
            if _done_in_original(src.text, s_spans, m, verbs):
                continue
            cue = (m.start(), m.end())
            # who is to act must be the suspect's too ("the council", "nurses"): the verb alone is found above
            _scope, subject = _governed(src, link.source, cue)
            if not subject or subject[-1] not in d_stems:
                continue
            before, after = m.group(), found
            return Finding(
                type="hedge_changed",
                severity="medium",
                subtype="certainty_increased",
                detail=f"more certain than the original: a step it gives as still to come (\u201c{before}\u201d) "
                f"is stated as done (\u201c{after}\u201d)",
                derived=(d_spans[0][0], d_spans[-1][1]),
                source=cue,
                before=before,
                after=after,
            )
    return None


def _verbs_governed(text: str, m: re.Match[str], end: int) -> list[tuple[str, str]]:
    """The future's verb, and a verb it leads to within a few words ("will vote on a motion to suspend":
    vote, suspend), as (stem, surface)."""
    verbs = [(_stem_of(m["verb"]), m["verb"].lower())]
    to = re.search(r"\bto\s+([a-z]+)\b", text[m.end() : min(end, m.end() + 40)], re.IGNORECASE)
    if to:
        verbs.append((_stem_of(to.group(1)), to.group(1).lower()))
    return verbs


def _told_done(
    der: Document, d_spans: list[tuple[int, int]], verbs: list[tuple[str, str]], passive: bool
) -> str | None:
    """The suspect's word for one of ``verbs`` when it is told as done: a perfect or past auxiliary before it,
    or (active) a past in -ed the original's word is not; nothing of a modal or a plan before it."""
    for a, b in d_spans:
        for w in _WORD.finditer(der.text, a, b):
            norm = normalize_word(w.group())
            if norm in STOPWORDS:
                continue
            hit = next((surface for st, surface in verbs if _same_stem(stem(norm), st)), None)
            if hit is None:
                continue
            if _NOT_REACHED.search(der.text, max(a, w.start() - 40), w.start()):
                continue
            aux = _DONE_BEFORE.search(der.text, max(a, w.start() - 24), w.start())
            if aux:
                return der.text[aux.start() : w.end()]
            if not passive and norm.endswith("ed") and not hit.endswith("ed"):
                return w.group()
    return None


def _done_in_original(
    text: str, s_spans: list[tuple[int, int]], m: re.Match[str], verbs: list[tuple[str, str]]
) -> bool:
    """The original tells the step as done itself, after the future ("said it would cut rates, and on Friday it
    cut them"): a verb of the same stem after the one the future governs."""
    first_end = m.end()
    for a, b in s_spans:
        for w in _WORD.finditer(text, max(a, first_end), b):
            if any(_same_stem(stem(normalize_word(w.group())), st) for st, _ in verbs) and w.start() > first_end + 40:
                return True
    return False
