"""Publication stamps that the texts of a copy pair contradict (qa25: a misdated copy taken for the original).

A copy stamped before the story it copied (a CMS that stamps the creation of a draft, a crawler's guess) becomes
the pair's source on the stamps alone. Its text can still give it away: a copy keeps its source's "the court on
Thursday blocked ...", and read from the misdated stamp (a Wednesday) that Thursday is six days back, while the
later article, stamped on the Thursday, dates the same event that day, after the first one's stamp.

This is a warning, not a new direction: the same words also fit a later article that retold week-old news as
fresh (compare's old-news check), and which of the two happened the texts alone cannot tell. A stamp-decided
direction is kept; the pair says the stamps are in doubt.
"""

from __future__ import annotations

import datetime as dt
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
_PAST = ("past", "perfect")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _last_on_or_before(day: dt.date, weekday: int) -> dt.date:
    return day - dt.timedelta(days=(day.weekday() - weekday) % 7)


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


def stamp_text_conflict(source: Article, derived: Article) -> str | None:
    """A warning when the stamps put ``source`` first yet the two texts date their shared event after the
    source's stamp; None otherwise. Both texts must name one weekday for an event already past; read from the
    derived article's stamp it falls after the source's printed day, and read from the source's own stamp it would
    lie ``MIN_DAYS_BACK`` days or more back."""
    if published_order(source, derived) != "as_given":
        return None
    s_day, d_day = source.published_date(), derived.published_date()
    if s_day is None or d_day is None or s_day >= d_day:
        return None  # one printed day: both texts read a weekday alike
    s_ms, d_ms = _bare_weekdays(source.text), _bare_weekdays(derived.text)
    shared = {m.weekday for m in s_ms} & {m.weekday for m in d_ms}
    # the date arithmetic first: the parse runs only for a weekday that could give the stamps away
    doubtful = {
        w
        for w in shared
        if w is not None
        and _last_on_or_before(d_day, w) > s_day
        and (s_day - _last_on_or_before(s_day, w)).days >= MIN_DAYS_BACK
    }
    if not doubtful:
        return None
    try:
        past = _past_weekdays(source.text, [m for m in s_ms if m.weekday in doubtful]) & _past_weekdays(
            derived.text, [m for m in d_ms if m.weekday in doubtful]
        )
    except ModelUnavailableError:
        return None  # without the parser a plan cannot be told from an event: no doubt is raised
    if not past:
        return None
    w = min(past)
    event = _last_on_or_before(d_day, w)
    return (
        f"stamps in doubt: both texts date the event on {_WEEKDAYS[w]}, which {derived.id} (printed "
        f"{d_day.isoformat()}) reads as {event.isoformat()}, after {source.id}'s printed day {s_day.isoformat()} "
        f"(from its own stamp that {_WEEKDAYS[w]} is {(s_day - _last_on_or_before(s_day, w)).days} days back): "
        f"{source.id}'s stamp may be wrong, and it the copy, or {derived.id} retold older news as fresh"
    )


#: Copy pairs whose two texts are read at a time (as ``families.IDENTICAL_BATCH``).
BATCH = 2000


def stamp_conflicts(
    pairs: Iterable[tuple[int, int, str | None, str | None]],
    texts: Callable[[set[int]], Mapping[int, Article]],
) -> dict[tuple[int, int], str]:
    """``stamp_text_conflict`` of each (source position, derived position, source stamp, derived stamp) copy pair
    whose printed days differ (no other can conflict); ``texts`` gives articles by position, a batch at a time."""
    todo = [
        (s, d)
        for s, d, s_pub, d_pub in pairs
        if (a := published_date_of(s_pub)) is not None and (b := published_date_of(d_pub)) is not None and a < b
    ]
    out: dict[tuple[int, int], str] = {}
    for k in range(0, len(todo), BATCH):
        batch = todo[k : k + BATCH]
        articles = texts({p for pair in batch for p in pair})
        for s, d in batch:
            warning = stamp_text_conflict(articles[s], articles[d])
            if warning is not None:
                out[(s, d)] = warning
    return out
