"""Publication stamps that the texts of a copy pair contradict (qa25: a misdated copy taken for the original).

A copy stamped before the story it copied (a CMS that stamps the creation of a draft, a crawler's guess) becomes
the pair's source on the stamps alone. Its text can still give it away: a copy keeps its source's "the court on
Thursday blocked ...", and read from the misdated stamp (a Wednesday) that Thursday is six days back, while the
later article, stamped on the Thursday, dates the same event that day, after the first one's stamp.

This is a warning, not a new direction: the same words also fit a later article that retold week-old news as
fresh (compare's old-news check), and which of the two happened the texts alone cannot tell. A stamp-decided
direction is kept; the pair says the stamps are in doubt.

Right stamps must stay quiet (rev25g): the source's day is read where the event's day starts first (an American
wire's Wednesday evening is Tokyo's Thursday), a retelling a week or more later and a week's roundup say nothing
of the stamps, and a weekday counts only where both texts name it in a copied sentence (a follow-up's own Monday
is another event). The parse runs only for a pair past those checks.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping

from storytrace.article import Article, published_date_of
from storytrace.audit import published_order
from storytrace.errors import ModelUnavailableError
from storytrace.facts.dates import DateMention, extract_dates
from storytrace.text import outline_of

#: Read from the source's own stamp, its past weekday lies at least this many days back: news style names a
#: weekday alone for the last few days ("on Thursday") and says "last Thursday" or a date for more. Fewer days
#: back, a later article that dates the event after the source's stamp retold old news as fresh (a finding of
#: compare's, not a doubt about the stamps).
MIN_DAYS_BACK = 4
#: Stamps this many days apart or more: the later article retold the story (a farm recycling it weeks on), and
#: a weekday named back then says nothing of which stamp is wrong.
MAX_LAG_DAYS = 7
#: The easternmost zone news is dated in (New Zealand in summer): an event's "Thursday" there starts before it
#: does anywhere else, so the source's day read there is the latest day its text could call today.
_EAST = dt.timezone(dt.timedelta(hours=13))
#: A source naming this many different weekdays dates events across a week (a roundup, a timeline): its
#: weekdays are read alike from any stamp near the week's end, and a misdated copy's lede dates one event.
ROUNDUP_WEEKDAYS = 3
#: A news story dates its own event in its first sentences ("A Norhaven court on Thursday blocked ...").
LEDE_SENTENCES = 2
_PAST = ("past", "perfect")
#: A weekday after one of these in its clause is ahead of the story ("Ueda will testify ... on Monday", "is due to
#: rule on Friday"): a plan, which dates nothing of the week behind it. An attribution set off between the
#: auxiliary and its verb stays in the clause ("Ueda will, officials said, testify on Monday": its commas ended the
#: clause, and Monday counted as a day behind the story; review trace27). Told in the past too: "a motion, which was
#: due to be debated on Thursday" is the story's plan for the days ahead, not a roundup day (qa27 P1b: it silenced
#: the warning on a verbatim copy stamped four days before the wire story).
_AHEAD = re.compile(
    r"(?:\b(?:will|shall|next)\b|'ll\b|\b(?:is|are|was|were)\s+(?:due|scheduled|set)\s+to\b)"
    r"(?:\s*([,\u2014\u2013])[^,;:\u2014\u2013.!?]{1,60}?\b(?:said|says|say|added|told\s+\w+|confirmed|according\s+to"
    r"(?:\s+[^,;:\u2014\u2013.!?\s]+){1,4})\s*\1)?"
    r"[^,;:\u2014.!?]*$",
    re.IGNORECASE,
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _last_on_or_before(day: dt.date, weekday: int) -> dt.date:
    return day - dt.timedelta(days=(day.weekday() - weekday) % 7)


def _latest_local_day(article: Article) -> dt.date | None:
    """The source's day at UTC+13: the latest calendar day any place's "today" could be when it was stamped.
    A stamp without a UTC offset (a date alone, a naive time) could be any zone's, so its printed day may be a
    day behind that place's."""
    printed = article.published_date()
    if printed is None:
        return None
    t = article.published_time()
    if t is not None and t.tzinfo is not None:
        return t.astimezone(_EAST).date()
    return printed + dt.timedelta(days=1)


def _lede_end(text: str) -> int:
    """Where the source's lede ends: after its first ``LEDE_SENTENCES`` body sentences (a dateline or byline line
    is boilerplate and not counted)."""
    body = [span for span in outline_of(text) if not span.boilerplate]
    return body[min(LEDE_SENTENCES, len(body)) - 1].end if body else 0


def _bare_weekdays(text: str) -> list[DateMention]:
    """ "on Thursday" as it stands: not "last Thursday", "next Thursday" or a habit ("on Thursdays")."""
    return [
        m
        for m in extract_dates(text)
        if m.unit == "weekday"
        and m.weekday is not None
        and m.offset == 0
        and m.how is None
        and not text[m.end : m.end + 1].isalpha()
    ]


def _dated_back(text: str, mentions: Iterable[DateMention]) -> set[int]:
    """The weekdays of ``mentions`` not ahead of the story (``_AHEAD``): those the roundup rule counts."""
    mentions = list(mentions)
    spans = outline_of(text) if mentions else []
    out: set[int] = set()
    for m in mentions:
        sent = next((s for s in spans if s.start <= m.start < s.end), None)
        if m.weekday is not None and not _AHEAD.search(text, sent.start if sent else 0, m.start):
            out.add(m.weekday)
    return out


def _past_weekdays(text: str, mentions: Iterable[DateMention]) -> set[int]:
    """The weekdays of ``mentions`` whose verb is in the past ("blocked on Thursday"), by the parse compare's
    old-news check uses (``facts.tense``); a weekday of a plan ("will rule on Thursday") or one the parse cannot
    place is not an event already dated."""
    from storytrace.facts.tense import governor

    spans = outline_of(text)
    out: set[int] = set()
    for m in mentions:
        assert m.weekday is not None
        if m.weekday in out:
            continue
        sent = next((s for s in spans if s.start <= m.start < s.end), None)
        if sent is None or m.end > sent.end:
            continue
        g = governor(text, sent.start, sent.end, (m.start, m.end))
        if g is not None and g.tense in _PAST:
            out.add(m.weekday)
    return out


def _copied_mentions(
    source: Article, derived: Article, s_ms: list[DateMention], d_ms: list[DateMention], weekdays: set[int]
) -> tuple[list[DateMention], list[DateMention]]:
    """The mentions of ``weekdays`` that stand in sentences the lexical alignment links (the source's mention in a
    sentence the derived one's sentence restates): the one shared event the two texts date. A weekday a follow-up
    names in its own new sentence dates another event."""
    from storytrace.align import align
    from storytrace.errors import TooLongError
    from storytrace.text import analyse

    s_doc, d_doc = analyse(source), analyse(derived)
    try:
        alignment = align(s_doc, d_doc)  # lexical evidence only: no embedding model for a warning
    except TooLongError:
        return [], []

    def sentence_of(doc_sentences: Iterable[tuple[int, int, int]], m: DateMention) -> int | None:
        return next((k for k, a, b in doc_sentences if a <= m.start < b), None)

    s_sents = [(x.index, x.start, x.end) for x in s_doc.sentences]
    d_sents = [(x.index, x.start, x.end) for x in d_doc.sentences]
    linked = {(i, j) for link in alignment.links for i in link.source for j in link.derived}
    homes: dict[int, set[int]] = {}
    for i, j in linked:
        homes.setdefault(i, set()).add(j)
    # the derived sentence must be the source sentence's one restatement: a follow-up that retells the source's
    # sentence elsewhere ("a federal judge had ruled ...") and opens with its own event in like words ("an appeals
    # court on Monday refused to lift the block on ...") gets both linked, and its Monday is not the source's
    linked = {(i, j) for i, j in linked if homes[i] == {j}}
    s_at = {(m.weekday, sentence_of(s_sents, m)) for m in s_ms if m.weekday in weekdays}
    d_at = {(m.weekday, sentence_of(d_sents, m)) for m in d_ms if m.weekday in weekdays}
    pairs = {(w, i, j) for w, i in s_at for v, j in d_at if w == v and (i, j) in linked}
    s_keep = {(w, i) for w, i, _ in pairs}
    d_keep = {(w, j) for w, _, j in pairs}
    return (
        [m for m in s_ms if (m.weekday, sentence_of(s_sents, m)) in s_keep],
        [m for m in d_ms if (m.weekday, sentence_of(d_sents, m)) in d_keep],
    )


def stamp_text_conflict(source: Article, derived: Article) -> str | None:
    """``stamp_event_conflict``'s warning alone."""
    conflict = stamp_event_conflict(source, derived)
    return None if conflict is None else conflict[0]


def stamp_event_conflict(source: Article, derived: Article) -> tuple[str, dt.date] | None:
    """A warning, and the day the two texts date their event, when the stamps put ``source`` first yet the two texts
    date their shared event after the source's stamp; None otherwise. Both texts must name one weekday, in a copied
    sentence, for an event already past; read from the derived article's stamp it falls after the source's day (at
    UTC+13, ``_latest_local_day``), and read from that day it would lie ``MIN_DAYS_BACK`` days or more back. Stamps
    ``MAX_LAG_DAYS`` or more apart, and a source that also names a weekday fewer days back or ``ROUNDUP_WEEKDAYS``
    weekdays (a roundup of the week) in its lede or in sentences the derived text copies, a plan's weekday aside
    (``_AHEAD``), raise no doubt; the weekday must stand in the source's lede (``LEDE_SENTENCES``)."""
    if published_order(source, derived) != "as_given":
        return None
    printed, d_day = source.published_date(), derived.published_date()
    if printed is None or d_day is None or printed >= d_day or (d_day - printed).days >= MAX_LAG_DAYS:
        return None  # one printed day: both texts read a weekday alike; a week on: a retelling
    s_day = _latest_local_day(source)
    assert s_day is not None
    s_ms, d_ms = _bare_weekdays(source.text), _bare_weekdays(derived.text)

    def days_back(w: int) -> int:
        return (s_day - _last_on_or_before(s_day, w)).days

    def roundup(named: set[int]) -> bool:
        # the source dates events across the week, or of the last few days too
        return len(named) >= ROUNDUP_WEEKDAYS or any(0 < days_back(w) < MIN_DAYS_BACK for w in named)

    # The story's own event is dated in its lede; a weekday further down dates background that a copy and a
    # retelling share alike, and the parse is not loaded for it. A roundup is read from the weekdays the copy
    # dates too (the lede's and the copied sentences'), not those of a plan: any weekday anywhere, an upcoming
    # "will testify on Monday" too, silenced a misdated copy (rev26b 4).
    lede_end = _lede_end(source.text)
    named = _dated_back(source.text, (m for m in s_ms if m.start < lede_end))
    if roundup(named):
        return None
    shared = {m.weekday for m in s_ms} & {m.weekday for m in d_ms}
    # the date arithmetic first: the alignment and the parse run only for a weekday that could give the stamps away
    doubtful = {
        w for w in shared if w is not None and _last_on_or_before(d_day, w) > s_day and days_back(w) >= MIN_DAYS_BACK
    }
    doubtful &= {m.weekday for m in s_ms if m.start < lede_end}
    if not doubtful:
        return None
    s_shared, d_shared = _copied_mentions(source, derived, s_ms, d_ms, {w for w in shared if w is not None})
    if roundup(named | _dated_back(source.text, s_shared)):
        return None
    s_copied = [m for m in s_shared if m.weekday in doubtful]
    d_copied = [m for m in d_shared if m.weekday in doubtful]
    if not s_copied:
        return None
    try:
        past = _past_weekdays(source.text, s_copied) & _past_weekdays(derived.text, d_copied)
    except ModelUnavailableError:
        return None  # without the parser a plan cannot be told from an event: no doubt is raised
    if not past:
        return None
    w = min(past)
    event = _last_on_or_before(d_day, w)
    return (
        f"stamps in doubt: both texts date the event on {_WEEKDAYS[w]}, which {derived.id} (printed "
        f"{d_day.isoformat()}) reads as {event.isoformat()}, after {source.id}'s stamp "
        f"({s_day.isoformat()} even at UTC+13, "
        f"where that {_WEEKDAYS[w]} is {days_back(w)} days back): "
        f"{source.id}'s stamp may be wrong, and it the copy, or {derived.id} retold older news as fresh"
    ), event


#: Copy pairs whose two texts are read at a time (as ``families.IDENTICAL_BATCH``).
BATCH = 2000


def stamp_conflicts(
    pairs: Iterable[tuple[int, int, str | None, str | None]],
    texts: Callable[[set[int]], Mapping[int, Article]],
) -> dict[tuple[int, int], str]:
    """``stamp_text_conflict`` of each (source position, derived position, source stamp, derived stamp) copy pair
    whose printed days differ by less than ``MAX_LAG_DAYS`` (no other can conflict); ``texts`` gives articles by
    position, a batch at a time."""
    return {k: warning for k, (warning, _event) in _event_conflicts(pairs, texts).items()}


def stamps_in_doubt(
    pairs: Iterable[tuple[int, int, str | None, str | None]],
    texts: Callable[[set[int]], Mapping[int, Article]],
    ids: Mapping[int, str],
) -> tuple[dict[tuple[int, int], str], dict[tuple[int, int], str]]:
    """The copy pairs whose stamps are in doubt, as (``stamp_conflicts``'s pairs, and every pair resting on a stamp
    they put in doubt), each with its warning; ``ids`` gives the articles' ids by position.

    A pair rests on a doubtful stamp when its source is the source of a conflicting pair, and its derived side is
    printed on or after the day the conflict's texts date their event, less than ``MAX_LAG_DAYS`` later: a source
    whose copy dates the event after the source's own stamp was written that day or later, and then it may well
    come after this derived side too. Its text need not name the weekday (a rewrite that says "quit" dates
    nothing): the doubt is about the source's stamp, which orders all its pairs (qa27 P1: the misdated excerpt's
    pair with its wire story was marked, and its pairs with the wire's own rewrites, copies on its stamp alone,
    were not)."""
    pairs = list(pairs)
    direct = _event_conflicts(pairs, texts)
    events: dict[int, tuple[dt.date, int]] = {}  # doubtful source -> (earliest event day its copies date, that copy)
    for (s, d), (_warning, event) in sorted(direct.items()):
        if s not in events or event < events[s][0]:
            events[s] = (event, d)
    resting: dict[tuple[int, int], str] = {}
    for s, d, s_pub, d_pub in pairs:
        if s not in events or (s, d) in direct:
            continue
        event, witness = events[s]
        day = published_date_of(d_pub)
        if day is None or not 0 <= (day - event).days < MAX_LAG_DAYS:
            continue
        resting[(s, d)] = (
            f"stamps in doubt: this pair rests on {ids[s]}'s stamp ({s_pub}), which its pair with {ids[witness]} "
            f"puts in doubt: both those texts date their event on {event.isoformat()}, after it; {ids[d]}, printed "
            f"{day.isoformat()}, may be {ids[s]}'s source, not its copy"
        )
    return {k: w for k, (w, _e) in direct.items()}, resting


def _event_conflicts(
    pairs: Iterable[tuple[int, int, str | None, str | None]],
    texts: Callable[[set[int]], Mapping[int, Article]],
) -> dict[tuple[int, int], tuple[str, dt.date]]:
    todo = [
        (s, d)
        for s, d, s_pub, d_pub in pairs
        if (a := published_date_of(s_pub)) is not None
        and (b := published_date_of(d_pub)) is not None
        and a < b
        and (b - a).days < MAX_LAG_DAYS
    ]
    out: dict[tuple[int, int], tuple[str, dt.date]] = {}
    for k in range(0, len(todo), BATCH):
        batch = todo[k : k + BATCH]
        articles = texts({p for pair in batch for p in pair})
        for s, d in batch:
            conflict = stamp_event_conflict(articles[s], articles[d])
            if conflict is not None:
                out[(s, d)] = conflict
    return out
