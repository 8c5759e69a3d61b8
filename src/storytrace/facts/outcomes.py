"""Outcomes told before they happened: a stage of a criminal case reported as its verdict.

A rewrite can keep every name and figure and still call someone guilty whom no court has: a man "charged with"
bribery told as "convicted of" it (a libel risk). The check needs the original's earlier stage in the linked
sentence, the suspect's verdict in its restatement of that very claim (``cues._kept_scope``), no word of the
earlier stage kept in the suspect, no verdict (or what only follows one: "jailed", "admitted") anywhere in the
original, and the verdict not itself denied, wanted or still to come ("could be convicted", "if found guilty").
Called from ``cues.hedge_findings`` for each link it reads.

A review told as concluded and a step to come told as done were tried in session 21 and dropped: a later
article, a conclusion given in another sentence or about another object made them fire on faithful rewrites.
"""

from __future__ import annotations

import re

from storytrace.align import Link
from storytrace.facts.cues import _TASK, _kept_scope, first_match
from storytrace.finding import Finding
from storytrace.text import Document, normalize_word, stem

# Stages of a criminal case before any verdict: the person is only suspected or accused. Not "charged with"
# a task ("charged with overseeing the budget": ``cues._TASK``), not a fee ("charged customers $40": a bare
# "charged" needs a passive or a sequence word before it), not an accuser ("Smith accused the minister of
# lying": "accused" needs "of"/"over" right after it, or a passive before it).
_BEFORE_VERDICT = re.compile(
    r"\b(?:suspected\s+of|arrested|detained|indicted|prosecuted|on\s+trial|"
    r"(?:(?:is|are|was|were|been|being|be|stands?|stood)\s+)accused|accused\s+(?:of|over)\b|"
    r"stand(?:s|ing)?\s+trial|(?:face[sd]?|facing)\s+(?:\w+\s+){0,2}(?:charges?|trial|prosecution)|"
    r"charged(?:\s+\w+){0,3}?\s+with(?!\s+(?:" + _TASK + r")\b)|"
    r"(?:is|are|was|were|been|being|be|and|later|subsequently|then)\s+charged\b(?!\s+(?:\w+\s+){0,3}with\b)|"
    r"under\s+investigation)",
    re.IGNORECASE,
)
# A verdict, or what only follows one: the person is told as guilty.
_VERDICT = re.compile(
    r"\b(?:convicted|convicts?|found\s+guilty|(?:pleaded|pled|pleads|plead)\s+guilty|guilty\s+of|sentenced|"
    r"serving\s+(?:a\s+)?(?:\w+\s+)?(?:sentence|prison\s+term))\b",
    re.IGNORECASE,
)
# The original gives a verdict, or what only follows one, anywhere: the suspect's verdict may be its own
# restatement ("a jury found him guilty" -> "was found guilty", "is serving a 10-year sentence" -> "was
# sentenced to 10 years", "admitted the offence" -> "pleaded guilty", "a previous conviction").
_VERDICT_GIVEN = re.compile(
    r"\b(?:convict(?:ed|s|ion|ions)?|found\s+(?:(?!not\b)[\w'\u2019-]+\s+){0,4}guilty|guilty\s+(?:verdicts?|pleas?|of)|"
    r"(?:pleaded|pled|pleads|plead)\s+guilty|sentenced|sentences?\s+(?:him|her|them)|jailed|imprisoned|"
    r"admit(?:ted|s)|serv(?:ed|es|ing)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,2}(?:sentence|prison\s+term|term)|"
    r"(?:served|spent|serving)\s+(?:\w+\s+){0,4}(?:in\s+prison|in\s+jail|behind\s+bars))\b",
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


# Other people as the subject of a verdict sentence: a count or a group ("Two former officials have pleaded
# guilty", "several co-defendants"), or someone named in full ("Victor Castell was convicted"). Their verdict
# is not the accused's: the original still gives him none.
_OTHERS = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|dozens?|\d+|several|other|others|many|some|"
    r"co-?defendants?|accomplices)\b",
    re.IGNORECASE,
)
# The accused among the subjects: a pronoun ("His co-defendant and he were convicted") or the whole group.
_ACCUSED_AMONG = re.compile(r"\b(?:he|she|him|his|her|both|all|the\s+two|the\s+three)\b", re.IGNORECASE)
_FULL_NAME = re.compile(r"\b[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?[A-Z][a-z'\u2019-]+\b")


def _accused_name(text: str, stage: re.Match[str]) -> str | None:
    """The accused's surname: the last capitalised word of the three words before the stage ("Former mayor
    Daniel Ferreira was charged" -> "Ferreira"); None for a pronoun or a common noun ("He was charged")."""
    before = re.findall(r"[\w'\u2019-]+", text[max(0, stage.start() - 60) : stage.start()])[-3:]
    names = [w for w in before if w[:1].isupper() and w.lower() not in {"he", "she", "they", "the"}]
    return names[-1] if names else None


# A court, a judge or a jury named in a verdict sentence decides; it is not someone else being convicted
# ("Judge Mary Okafor", "Harbour County Court", "Justice Ann Lee").
_BENCH = re.compile(
    r"\b(?:Judges?|Justices?|Magistrates?|Chief|Lord|Lady|Dame|Sir)\s+(?:[A-Z][\w'\u2019-]*\s+){1,3}|"
    r"\b(?:[A-Z][\w'\u2019-]*\s+){1,4}(?:Court|Tribunal|Jury)\b"
)
# A verdict verb used actively, its object right after ("convicted the former mayor", "sentenced the
# 61-year-old"): not after an auxiliary that makes it passive ("was convicted", "have been sentenced").
_ACTIVE_VERDICT = re.compile(r"(?:convict(?:ed|s)?|sentenced|jailed|imprisoned)$", re.IGNORECASE)
_PASSIVE_BEFORE = re.compile(
    r"\b(?:was|were|is|are|be|been|being|get|got|gets|getting)\s+(?:\w+ly\s+)?$", re.IGNORECASE
)
# What right after an active verdict verb is no object: a preposition or the end of the clause.
_NO_OBJECT = re.compile(r"\s*(?:$|[,;.:]|(?:of|on|in|at|for|to|by|after|last|this|over)\b)", re.IGNORECASE)


def _others_named(words: str, name: str | None) -> bool:
    """A person other than the accused named in full in ``words``, once judges and courts are set aside."""
    words = _BENCH.sub(" ", words)
    return any(name is None or name not in n.group() for n in _FULL_NAME.finditer(words))


# Where an active verdict's object phrase ends: a clause break, a preposition or a time word ("jailed the
# firm's owner for six years", "convicted two officials of taking bribes").
_OBJECT_END = re.compile(
    r"[,;.:]|\b(?:of|on|in|at|for|to|by|after|last|this|over|from|with|and|who|which|that|since|before|"
    r"during|under|as)\b",
    re.IGNORECASE,
)
# The accused himself as a verdict's object: a pronoun or the whole group ("convicted him", "jailed both").
_OBJECT_PRONOUN = re.compile(r"(?:him|her|them|himself|herself|both|all|the\s+(?:two|three|pair))\b", re.I)
_AGE = re.compile(r"\b(\d{1,3})-year-old\b|,\s*(\d{1,3})\s*,", re.IGNORECASE)


def _object_phrase(tail: str) -> str:
    """The noun phrase right after an active verdict verb: up to its first preposition or clause break."""
    end = _OBJECT_END.search(tail)
    return tail[: end.start() if end else len(tail)]


def _description(src: Document, stage: re.Match[str], name: str | None) -> str:
    """How the original describes the accused: its stage sentence up to the stage ("Former mayor Daniel
    Ferreira was charged") and any apposition to his surname ("Ferreira, 61, a former harbour commissioner,")."""
    text = src.text
    start = next((s.start for s in src.sentences if s.start <= stage.start() < s.end), 0)
    parts = [text[start : stage.start()]]
    if name is not None:
        for m in re.finditer(rf"\b{re.escape(name)},([^.;:!?]{{1,80}}?),", text):
            parts.append(m.group(0))
    return " ".join(parts)


def _object_is_accused(tail: str, name: str | None, description: str) -> bool:
    """Whether an active verdict's object (the phrase at the start of ``tail``) is the accused: a pronoun or
    the whole group, his surname, a bare age ("sentenced the 61-year-old": news names its own protagonist so)
    unless the original gives him another age, or a noun the original describes him by ("convicted the former
    mayor"). A count ("two harbour officials") or a noun he is not described by ("the firm's owner", "the
    firm's former director", "his business partner") is someone else."""
    obj = _object_phrase(tail).strip()
    if _OBJECT_PRONOUN.match(obj) or (name is not None and name in obj):
        return True
    words = re.findall(r"[\w'\u2019-]+", obj)
    if not words:
        return True
    head = words[-1]
    ages = {a or b for a, b in _AGE.findall(description)}
    age = re.fullmatch(r"(\d{1,3})-year-old", head, re.IGNORECASE)
    if age:
        return not ages or age.group(1) in ages
    if _OTHERS.search(re.sub(r"\b\d{1,3}-year-old\b", " ", obj)):
        return False
    described = {stem(normalize_word(w)) for w in re.findall(r"[\w'\u2019-]+", description)}
    # "the ex-mayor" for "Former mayor"
    return stem(normalize_word(head)) in described or stem(normalize_word(head.split("-")[-1])) in described


def _verdict_in_source(src: Document, stage: re.Match[str]) -> bool:
    """True when the original gives the accused a verdict somewhere (another case, a later paragraph): then
    the suspect's verdict may be its own restatement. Not a verdict to come ("faces up to 20 years if
    convicted") nor one given to other people: passive or intransitive with another person as its subject
    ("Two former officials have pleaded guilty", "Victor Castell was convicted"), or active with another
    full name as its object ("a jury convicted Victor Castell"), a count ("convicted two harbour officials")
    or a noun the original does not describe him by ("jailed the firm's owner"). An active verdict whose
    object is a pronoun, a bare age or a noun of his description ("Judge Mary Okafor convicted the former
    mayor", "sentenced the 61-year-old") is the accused's (``_object_is_accused``): a judge or a court is
    who decides, not who is convicted."""
    text = src.text
    name = _accused_name(text, stage)
    described: list[str] = []

    def description() -> str:
        # read once, and only for an active verdict with an object: it scans the whole original
        if not described:
            described.append(_description(src, stage, name))
        return described[0]

    for sent in src.sentences:
        for m in _VERDICT_GIVEN.finditer(text, sent.start, sent.end):
            if _NOT_REACHED.search(text, max(sent.start, m.start() - 40), m.start()):
                continue  # conditional, denied or still to come
            subject = text[sent.start : m.start()]
            verb = m.group()
            active = _ACTIVE_VERDICT.search(verb) is not None and not _PASSIVE_BEFORE.search(subject)
            # the accused may stand after the verdict too: "Judge Mary Okafor convicted him of fraud"; after an
            # active verdict only its object phrase counts ("jailed the firm's owner for his role" is not his)
            after = _object_phrase(text[m.end() : sent.end]) if active else text[m.end() : min(sent.end, m.end() + 30)]
            named = subject + " " + verb + " " + after
            if (name is not None and name in named) or _ACCUSED_AMONG.search(subject if active else named):
                return True
            if verb.lower().startswith("found") and len(verb.split()) > 2:
                # "found the former mayor guilty": the object sits inside the match
                inner = " ".join(verb.split()[1:-1])
                if _others_named(inner, name) or not _object_is_accused(inner, name, description()):
                    continue
                return True
            if active:
                tail = text[m.end() : sent.end]
                if _NO_OBJECT.match(tail):
                    if _OTHERS.search(_BENCH.sub(" ", subject)) or _others_named(subject, name):
                        continue
                    return True
                obj = re.match(r"\s*((?:[\w'\u2019-]+\s+){0,4}[\w'\u2019-]+)", tail)
                if obj and _others_named(obj.group(1), name):
                    continue
                if not _object_is_accused(tail, name, description()):
                    continue
                return True
            if _OTHERS.search(_BENCH.sub(" ", subject)) or _others_named(subject, name):
                continue
            return True
    return False


def _reached(pattern: re.Pattern[str], text: str, spans: list[tuple[int, int]]) -> re.Match[str] | None:
    """The first match of ``pattern`` in ``spans`` that is not denied, conditional, wanted or to come."""
    for a, b in spans:
        for m in pattern.finditer(text, a, b):
            if not _NOT_REACHED.search(text, max(a, m.start() - 40), m.start()):
                return m
    return None


def outcome_shift(
    src: Document,
    link: Link,
    s_spans: list[tuple[int, int]],
    der: Document,
    d_spans: list[tuple[int, int]],
    d_text: str,
    d_stems: frozenset[str],
) -> Finding | None:
    """A stage of a criminal case that the suspect reports as its verdict (see the module docstring):
    "was charged with accepting bribes" -> "was convicted of accepting bribes", an accusation told as a
    verdict. High: it calls someone guilty whom no court has. "faced charges", "stands accused" stay quiet."""
    stage = first_match(_BEFORE_VERDICT, src.text, s_spans)
    if stage is None:
        return None
    # the suspect keeps the stage ("Harris, who was charged in 2022, was found guilty"): it tells both stages
    if _BEFORE_VERDICT.search(d_text):
        return None
    verdict = _reached(_VERDICT, der.text, d_spans)
    # a verdict the original gives anywhere (another case, a later paragraph) is its own, not the rewrite's
    if verdict is None or _verdict_in_source(src, stage):
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
