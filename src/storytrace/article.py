"""Ingestion: turn a file, stdin, or an in-memory object into an :class:`Article`.

Article content is untrusted input. Nothing here ever fetches or opens anything an article names:
HTML is handed to trafilatura and htmldate as a string, never as a URL, and a page's own URLs are
only recorded as metadata.
"""

from __future__ import annotations

import copy
import datetime as dt
import email.utils
import html as html_module
import io
import itertools
import json
import os
import re
import stat
import sys
import unicodedata
import urllib.parse
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from storytrace.bylines import (
    AGENCY,
    BY_CLAUSE,
    BYLINE_DASH_OUTLET,
    BYLINE_PEOPLE,
    NAME,
    REPORTING_CREDIT,
    ROLE,
    STAMP,
    TIME_STAMP,
)
from storytrace.errors import InputError

if TYPE_CHECKING:
    from lxml.etree import _Element
    from lxml.html import HtmlElement

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Article",
    "article_from_html",
    "article_from_record",
    "article_from_text",
    "decode_bytes",
    "html_in_text",
    "load_article",
    "unread_date_reason",
    "unread_dates_note",
    "unread_published",
]

DEFAULT_MAX_BYTES = 5_000_000

Format = Literal["auto", "text", "html", "json"]
STDIN_NAME = "<stdin>"


@dataclass(frozen=True)
class Article:
    """One article as storytrace compares it.

    ``text`` is the string every character offset in a report indexes, so it is never rewritten after
    ingestion. ``meta`` takes part in equality (two inputs with different metadata are different
    inputs) but not in the hash, because its values need not be hashable.

    ``text``, ``title`` and ``outlet`` are kept in Unicode NFC: "é" typed as one code point and as "e"
    plus a combining accent (macOS file names, some CMS exports) are the same letter to a reader, and
    every comparison below works on code points. Text already in NFC, nearly all text on the web, is the
    very string given; other text is normalised whole, so NFC's canonical forms also replace a few
    singletons (the ångström sign, CJK compatibility ideographs) and a report's spans index this
    normalised ``text``, not the caller's string. (An index built before this stored such text as given:
    re-adding it updates the entry.)
    """

    text: str
    id: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    meta: dict[str, Any] = field(default_factory=dict, hash=False, compare=True)

    def __post_init__(self) -> None:
        for name in ("text", "id", "title", "url", "outlet", "published"):
            value = getattr(self, name)
            if isinstance(value, str) and not value.isascii():
                value = escaped_surrogates(value) if name in _NAMING_FIELDS else _valid_unicode(value)
                if name in ("text", "title", "outlet") and not unicodedata.is_normalized("NFC", value):
                    value = unicodedata.normalize("NFC", value)
                object.__setattr__(self, name, value)
        meta = _valid_unicode_values(self.meta)
        if meta is not self.meta:
            object.__setattr__(self, "meta", meta)

    def published_date(self) -> dt.date | None:
        """The calendar date as the outlet printed it.

        A datetime keeps its own UTC offset and is not converted, so a story stamped late in the
        evening in New York is not moved to the next day. ``published`` values that were not
        normalised at ingestion (an Article built by hand) are parsed leniently; unparseable -> None.
        """
        return published_date_of(self.published)

    def published_time(self) -> dt.datetime | None:
        """The publication time when ``published`` gives a time of day, else None (a date alone says nothing
        of the hour). Aware when the value carries a UTC offset or zone, naive when it does not.

        Midnight to the second is taken for a date alone: feeds and CMS exports pad a bare date with
        ``T00:00:00``, and read as a time it would put that story hours before any other of its day."""
        return published_time_of(self.published)

    def to_meta(self) -> dict[str, Any]:
        """Everything but the text, flat, for reports and JSON output.

        None values are left out (an unset field and a null one say the same thing in a report), and
        a named field wins over a ``meta`` key of the same name.
        """
        out = {key: getattr(self, key) for key in ("id", "title", "url", "outlet", "published")}
        for key, value in self.meta.items():
            if out.get(key) is None:
                out[key] = value
        return {key: value for key, value in out.items() if value is not None}


# A UTF-16 surrogate alone: JSON's "\ud800" escape gives one, and so does a file name that is no UTF-8 (Python reads
# its bytes as such). No UTF-8 can hold it, so an article carrying one failed at the first write (the index, a report,
# scan's outputs) with an internal error.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _valid_unicode(value: str) -> str:
    """``value`` with each lone surrogate put as U+FFFD, the replacement character a decoder puts for what it
    cannot read: one code point for one, so nothing else moves."""
    try:
        value.encode("utf-8")  # twice as fast as searching for one, and nearly every text holds none
    except UnicodeEncodeError:
        return _LONE_SURROGATE.sub("\ufffd", value)
    return value


# The fields that tell one article from another: a surrogate there is kept apart as an escape, not merged into U+FFFD,
# or two file names that differ in one byte no UTF-8 (caf\xe9-road.txt, caf\xe8-road.txt) became one id and one
# article silently replaced the other in the index.
_NAMING_FIELDS = ("id", "url")


def escaped_surrogates(value: str) -> str:
    """``value`` with each lone surrogate written as an escape: a byte of a file name that is no UTF-8 (Python reads
    byte NN as U+DCNN) as ``\\xNN``, as ``os.fsencode(name).decode("utf-8", "backslashreplace")`` spells it, and any
    other (JSON's ``"\\ud800"``) as ``\\uXXXX``. Distinct inputs keep distinct names, and the result is UTF-8."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return _LONE_SURROGATE.sub(_surrogate_escape, value)
    return value


def _surrogate_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def _valid_unicode_values(value: Any) -> Any:
    """A record's other fields (kept with the article and written back out) with lone surrogates put as U+FFFD in
    every key and string, but as escapes in an object's ``id`` and ``url`` (they name it: see ``_NAMING_FIELDS``);
    the very object when it holds none."""
    if isinstance(value, str):
        return value if value.isascii() else _valid_unicode(value)
    if isinstance(value, dict):
        items = [
            (
                _valid_unicode_values(k),
                escaped_surrogates(v) if k in _NAMING_FIELDS and isinstance(v, str) else _valid_unicode_values(v),
            )
            for k, v in value.items()
        ]
        if all(k is k0 and v is v0 for (k, v), (k0, v0) in zip(items, value.items(), strict=True)):
            return value
        return dict(items)
    if isinstance(value, list):
        values = [_valid_unicode_values(v) for v in value]
        return value if all(v is v0 for v, v0 in zip(values, value, strict=True)) else values
    return value


# --------------------------------------------------------------------------------------------------
# In-memory constructors


def article_from_text(
    text: str,
    *,
    id: str | int | None = None,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published: Any = None,
    meta: Mapping[str, Any] | None = None,
    where: str = "text",
) -> Article:
    """Build an Article from text that is already the article body.

    The text is kept as given (no stripping, no newline normalisation), so offsets map back onto the
    caller's string when it is in Unicode NFC, as nearly all text is; other text is normalised (see
    :class:`Article`). Empty text is not refused here: the caller knows the input's name for that
    message (the loaders and ``compare`` check it). ``where`` names the input in errors.
    """
    if not isinstance(text, str):
        raise InputError(f"{_one_line(where)}: article text must be a string, got {_json_type(text)}")
    if published is None:
        published = published_in_text(text)
    return _make_article(text, where, id=id, title=title, url=url, outlet=outlet, published=published, meta=meta)


# A plain-text line that is only a publication stamp: "Published 10 March 2026", "Posted on: 2026-03-10 09:30".
# ("Updated ..." dates a later version, not the publication.)
_PUBLISHED_LINE = re.compile(r"(?i:published|posted)(?:\s+(?:on|at))?\s*:?\s+(?P<date>.+)")
#: How many leading non-blank lines of a plain text may hold its stamp: the headline, a byline, the stamp.
_STAMP_LINES = 6


def published_in_text(text: str) -> str | None:
    """The date (ISO 8601) of a publication stamp line at the top of a plain text ("Published 10 March 2026"),
    which the analysis strips as a stamp (``text.byline_or_stamp``) and which is the only date a saved .txt
    keeps; else None. A date read two ways ("Published 03/04/2026") is not guessed, and a line that credits
    another outlet ("First published by ...") is not this text's date."""
    lines = (line.strip() for line in text[:2000].splitlines())
    for line in itertools.islice((line for line in lines if line), _STAMP_LINES):
        m = _PUBLISHED_LINE.fullmatch(line)
        if m is not None and _SOURCE_CREDIT.search(line) is None and (iso := _normalise_published(m["date"])):
            return iso
    return None


def article_from_html(
    html: str,
    *,
    url: str | None = None,
    id: str | int | None = None,
    title: str | None = None,
    outlet: str | None = None,
    published: Any = None,
    meta: Mapping[str, Any] | None = None,
    where: str = "html",
    warn: Callable[[str], None] | None = None,
) -> Article:
    """Extract the article body and metadata from one HTML page, without any I/O.

    Fields given by the caller win over what the page says about itself: the caller usually knows
    where a page came from better than its (possibly copied) meta tags do. ``url`` is only recorded
    and used for URL-based date hints; it is never fetched. ``warn`` is told when only part of a huge page
    was read (:data:`MAX_PAGE_ELEMENTS`); without one, that notice goes to stderr.
    """
    name = _one_line(where)
    if not isinstance(html, str):
        raise InputError(f"{name}: HTML must be a string, got {_json_type(html)}")
    if not html.strip():
        raise InputError(f"{name}: no article text (empty)")
    page = _extract_html(html, name, url=url, warn=warn or _stderr_warning)
    return _make_article(
        page.text,
        where,
        id=id,
        title=title if title is not None else page.title,
        url=url if url is not None else page.url,
        outlet=outlet if outlet is not None else page.outlet,
        published=published if published is not None else (page.published or page.published_raw),
        meta=meta,
    )


_RECORD_FIELDS = frozenset({"text", "html", "id", "title", "url", "outlet", "published"})
#: Names crawls and CMS exports give the publication date, read when ``published`` is absent (the first found):
#: a corpus whose dates sat unread in ``meta`` was compared as undated, without the dates that decide direction.
PUBLISHED_ALIASES = ("datePublished", "date_published", "published_at", "publication_date", "pubdate", "date")


def published_field(record: Mapping[str, Any]) -> str:
    """The field a record's publication date is read from: ``published``, else the first of ``PUBLISHED_ALIASES``
    that is set; ``published`` when none is. One rule for the reader and for those that name the field in an error
    (the web forms), so an error names the field the date was read from."""
    if record.get("published") is not None:
        return "published"
    return next((k for k in PUBLISHED_ALIASES if record.get(k) is not None), "published")


def article_from_record(record: Mapping[str, Any], *, where: str = "record") -> Article:
    """Build an Article from one JSON object, JSONL line or CSV row.

    ``text`` wins over ``html`` when both are present (the caller already did the extraction).
    Every field storytrace does not know goes to ``meta`` untouched, so callers can carry their own
    identifiers through to the report.
    """
    name = _one_line(where)
    if not isinstance(record, Mapping):
        raise InputError(f"{name}: expected a JSON object with a 'text' field, got {_json_type(record)}")
    for key in ("title", "url", "outlet"):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(f"{name}: field '{key}' must be a string, got {_json_type(value)}")
    published_key = published_field(record)
    meta = {k: v for k, v in record.items() if k not in _RECORD_FIELDS and k != published_key}
    fields: dict[str, Any] = {
        "id": record.get("id"),
        "title": record.get("title"),
        "url": record.get("url"),
        "outlet": record.get("outlet"),
        "published": record.get(published_key),
        "meta": meta,
    }
    text = record.get("text")
    html = record.get("html")
    if isinstance(text, str) and not text.strip() and isinstance(html, str) and html.strip():
        text = None  # an empty text next to the page it would be extracted from, as a CSV row can have
    if text is not None:
        if not isinstance(text, str):
            raise InputError(f"{name}: field 'text' must be a string, got {_json_type(text)}")
        why = empty_text(text)
        if why is not None:
            detail = "empty" if why == "empty" else f"blank: {why}"
            raise InputError(f"{name}: no article text (field 'text' is {detail})")
        return _make_article(text, where, **fields)
    if html is not None:
        if not isinstance(html, str):
            raise InputError(f"{name}: field 'html' must be a string, got {_json_type(html)}")
        if not html.strip():
            raise InputError(f"{name}: no article text (field 'html' is empty)")
        return article_from_html(html, where=where, **fields)
    wrapped = next(
        (
            (key, len(value))
            for key, value in record.items()
            if isinstance(value, list)
            and value
            and all(isinstance(v, Mapping) for v in value[:10])
            # articles, not the authors or images of the one object: told to give a list of names, a user was lost
            and any(isinstance(v.get("text"), str) or isinstance(v.get("html"), str) for v in value[:10])
        ),
        None,
    )
    if wrapped is not None:
        # {"articles": [...]}, as many APIs and exports wrap a corpus
        key, count = _one_line(str(wrapped[0]))[:40], wrapped[1]
        raise InputError(
            f"{name}: no article text (the JSON object has no 'text' or 'html' field; its field {key!r} holds a "
            f"list of {count} object{'s' if count != 1 else ''}: give that list itself, a JSON array, or one object "
            "a line, JSON Lines)"
        )
    raise InputError(f"{name}: no article text (the JSON object has no 'text' or 'html' field)")


_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


def empty_text(text: str) -> str | None:
    """Why ``text`` is no article, or None when it is one: ``"empty"``, or ``"no letter or digit"`` for text
    made of spaces, control or zero-width characters and punctuation alone (``str.strip`` keeps control and
    zero-width characters, so such a text passed for an article and was compared as one sentence of
    nothing). Every input path asks this one question, each naming its input in its own message."""
    if not text.strip():
        return "empty"
    if _LETTER_OR_DIGIT.search(text) is None:
        return "no letter or digit"
    return None


def unread_published(article: Article) -> Any:
    """The ``published`` value an article was given but that could not be read as a date (kept in
    ``meta["published_raw"]``), else None. Such an article is treated as undated, which changes what
    ``compare`` says about direction and what ``trace`` holds back, so every command reports it."""
    raw = article.meta.get("published_raw")
    return raw if raw is not None and article.published is None else None


#: How many ids a corpus-wide note on unreadable dates names before "and N more".
UNREAD_DATES_SHOWN = 5


_TWO_WAYS = "two ways (day or month first)"


def unread_date_reason(raw: Any) -> str:
    """Why a ``published`` value was not read, in the words every command's warning uses: a numeric date such as
    04/05/2024 "reads two ways (day or month first)", anything else is "not understood"."""
    return f"reads {_TWO_WAYS}" if date_reads_two_ways(raw) else "not understood"


def unread_dates_note(undated: Sequence[tuple[str, Any]]) -> str:
    """One line for a whole corpus, from ``(id, published value)`` pairs: how many articles had a date that could
    not be read, naming the first few, so a corpus of thousands does not print thousands of warnings, and how many
    of them read two ways, in the words of :func:`unread_date_reason`. An id read twice (an article added again)
    counts once, with its last value."""
    raws = dict(undated)
    ids = list(raws)
    total = len(ids)
    shown = ", ".join(_one_line(str(i)) for i in ids[:UNREAD_DATES_SHOWN])
    more = f" and {total - UNREAD_DATES_SHOWN} more" if total > UNREAD_DATES_SHOWN else ""
    noun = "article has a publication date" if total == 1 else "articles have a publication date"
    note = f"{total} {noun} that could not be read (expected a date like 2024-03-14), treated as undated: {shown}{more}"
    two_ways = sum(date_reads_two_ways(raw) for raw in raws.values())
    if two_ways:
        note += f"; it reads {_TWO_WAYS}" if total == 1 else f"; {two_ways} of them read {_TWO_WAYS}"
    return note


def _make_article(
    text: str,
    where: str,
    *,
    id: Any = None,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published: Any = None,
    meta: Mapping[str, Any] | None = None,
) -> Article:
    """Validate and normalise the metadata fields shared by every constructor."""
    name = _one_line(where)
    meta_out = dict(meta) if meta else {}
    if id is not None:
        if isinstance(id, bool) or not isinstance(id, str | int):
            raise InputError(f"{name}: field 'id' must be a string or an integer, got {_json_type(id)}")
        id = str(id)
    for key, value in (("title", title), ("url", url), ("outlet", outlet)):
        if value is not None and not isinstance(value, str):
            raise InputError(f"{name}: field '{key}' must be a string, got {_json_type(value)}")
    iso: str | None = None
    if published is not None:
        iso = _normalise_published(published)
        if iso is None and not (isinstance(published, str) and not published.strip()):
            meta_out.setdefault("published_raw", published)
    return Article(
        text=text,
        id=id,
        title=_blank_to_none(title),
        url=_blank_to_none(url),
        outlet=_blank_to_none(outlet),
        published=iso,
        meta=meta_out,
    )


def _blank_to_none(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


# --------------------------------------------------------------------------------------------------
# Dates

#: Month names and abbreviations -> month number; the one table storytrace parses months with.
MONTH_NUMBERS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
# An optional leading word ("Thursday,", "Updated") is allowed and ignored.
_MDY = re.compile(r"(?:[A-Za-z]+,?\s+)?(?P<mon>[A-Za-z]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})")
_DMY = re.compile(
    r"(?:[A-Za-z]+,?\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?P<mon>[A-Za-z]+)\.?,?\s+(?P<year>\d{4})"
)
_YMD_SLASH = re.compile(r"(?P<year>\d{4})/(?P<mon>\d{1,2})/(?P<day>\d{1,2})")
# ISO with its zeros left out ("2024-5-4"), as some CMS exports write it
_YMD_UNPADDED = re.compile(r"(?P<year>\d{4})-(?P<mon>\d{1,2})-(?P<day>\d{1,2})")
_DMY_DOTS = re.compile(r"(?P<day>\d{1,2})\.(?P<mon>\d{1,2})\.(?P<year>\d{4})")
# 14/05/2024 or 05/14/2024 or 14-05-2024: read only when one of the first two numbers is over 12 (or both are the
# same), since 04/05/2024 is 4 May in most of the world and April 5 in the United States.
_NUMERIC_DMY_OR_MDY = re.compile(r"(?P<a>\d{1,2})(?P<sep>[/-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})")
# A label or byline before the date in a `published` field: "Published 14/05/2024", "By Jane Doe | May 4, 2024"
_PUBLISHED_LABEL = re.compile(r"(?i:(?:first\s+)?(?:published|posted)(?:\s+on)?\s*:?\s+)")
_BYLINE_SEPARATOR = re.compile(r"\s+[|·•]\s+|\s+[-–—]\s+")
# Epoch times in a `published` field are read from 2001-09-09 on (1e9 seconds): smaller numbers are more often
# something else (a row number, "20240514" as a number), and a crawl's dates are later than that.
_EPOCH_SECONDS_FROM = 1_000_000_000
_EPOCH_MILLISECONDS_FROM = 1_000_000_000_000
#: The publication years read. The upper bound is fixed, like htmldate's ``max_date`` below, rather than "next
#: year": a date must be a function of the input alone, not of the day it is read.
EARLIEST_YEAR, LATEST_YEAR = 1900, 2099


def published_date_of(published: str | None) -> dt.date | None:
    """The calendar date of a ``published`` value as ``Article.published_date`` reads it (leniently, the outlet's
    own UTC offset kept), for values held apart from their Article (a trace's held-back matches)."""
    if published is None:
        return None
    iso = _normalise_published(published)
    if iso is None:
        return None
    if len(iso) == 10:
        return dt.date.fromisoformat(iso)
    return dt.datetime.fromisoformat(iso).date()


def published_time_of(published: str | None) -> dt.datetime | None:
    """The publication time of a ``published`` value as ``Article.published_time`` reads it, for values held
    apart from their Article (the index snapshot's instants, which the date bound compares as compare does)."""
    iso = _normalise_published(published) if published is not None else None
    if iso is None or len(iso) == 10:
        return None
    t = dt.datetime.fromisoformat(iso)
    return None if t.time() == dt.time() else t


def _normalise_published(value: Any) -> str | None:
    """ISO 8601 for a publication date, or None when it cannot be read without guessing.

    Date-only input stays date-only (no invented midnight); datetimes keep their offset. Ambiguous
    forms such as 03/04/2024 are refused rather than guessed, because the date can decide which of
    two articles counts as the original.
    """
    iso = _read_published(value)
    if iso is None or not EARLIEST_YEAR <= int(iso[:4]) <= LATEST_YEAR:
        return None
    return iso


def _read_published(value: Any) -> str | None:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _from_epoch(value)
    if not isinstance(value, str):
        return None
    s = " ".join(value.split())
    if not s:
        return None
    if s.isdigit() and len(s) in (10, 13):
        return _from_epoch(int(s))
    s = _PUBLISHED_LABEL.sub("", s, count=1) if _PUBLISHED_LABEL.match(s) else s
    if s.lower().startswith("by ") and _BYLINE_SEPARATOR.search(s):
        # the date is the last part of a byline; a name alone is no date
        return _read_published(_BYLINE_SEPARATOR.split(s)[-1])
    if bad_offset(s):
        return None
    try:
        return dt.date.fromisoformat(s).isoformat()
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(s).isoformat()
    except ValueError:
        pass
    if re.fullmatch(r"\d{10}\.\d{1,6}|\d{13}\.\d{1,3}", s):  # epoch seconds with their fraction, as a string
        return _from_epoch(float(s))
    for pattern in (_MDY, _DMY, _DMY_DASHES):
        m = pattern.fullmatch(s)
        if m and m["mon"].lower() in MONTH_NUMBERS:
            return _ymd(m["year"], MONTH_NUMBERS[m["mon"].lower()], m["day"])
    for pattern in (_YMD_SLASH, _YMD_UNPADDED, _DMY_DOTS):
        m = pattern.fullmatch(s)
        if m:
            return _ymd(m["year"], m["mon"], m["day"])
    m = _NUMERIC_DMY_OR_MDY.fullmatch(s)
    if m:
        a, b = int(m["a"]), int(m["b"])
        if a > 12 >= b or a == b:
            return _ymd(m["year"], b, a)
        if b > 12 >= a:
            return _ymd(m["year"], a, b)
        return None  # ambiguous: left unread, and the caller is told the date was not understood
    timed = _with_time_of_day(s)
    if timed is not None:
        return timed
    if _AM_PM.search(s):
        return None  # RFC 2822 parsing below would read 9:00 PM as 09:00
    if "," in s or re.search(r"\d\d:\d\d", s):  # RFC 2822, as in RSS: "Thu, 14 Mar 2024 09:30:00 GMT"
        try:
            return email.utils.parsedate_to_datetime(s).isoformat()
        except (TypeError, ValueError, IndexError):
            pass
    return None


# A time of day and its UTC offset at the end of a date: "…T10:00:00+0560", "… 09:30:00 +2400".
_TRAILING_OFFSET = re.compile(r"\d:\d{2}(?::\d{2}(?:\.\d{1,9})?)?\s*[+-](\d{2}):?(\d{2})")


def bad_offset(value: str) -> bool:
    """True for a date whose time of day ends in a UTC offset no place has (hours over 23, minutes over 59):
    Python's ISO and RFC 2822 parsers read "+0560" as +06:00, and a time no surer than its zone is not read."""
    m = _TRAILING_OFFSET.search(value.strip())
    return m is not None and m.end() == len(value.strip()) and (int(m[1]) > 23 or int(m[2]) > 59)


_DMY_DASHES = re.compile(r"(?P<day>\d{1,2})-(?P<mon>[A-Za-z]{3,9})-(?P<year>\d{4})")  # "14-Mar-2024"
_AM_PM = re.compile(r"\d\s*[ap]\.?m\b\.?", re.IGNORECASE)
# A date, then a time of day: "March 14, 2024 at 9:00 pm", "2024-03-14 09:00:00 UTC", "14 Mar 2024 21:30 CET".
_DATE_THEN_TIME = re.compile(
    r"(?P<date>.*?(?:\d{4}[-/]\d{1,2}[-/]\d{1,2}|\d{4}))(?:,?\s+(?:at\s+)?|T)"
    r"(?P<hour>\d{1,2})(?::(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d{1,9})?)?|\.(?P<dot_minute>\d{2})(?![.\d]))?"
    r"\s*(?P<ampm>[ap]\.?m\.?)?(?:\s*(?P<zone>[A-Za-z]{1,5}|[+-]\d{2}:?\d{2}))?",
    re.IGNORECASE,
)
#: Zone abbreviations a date line gives that name one UTC offset (hours). Others leave the time unread: "IST"
#: (India, Ireland or Israel), "CST" (US Central or China, 14 hours apart), "BST" (British Summer or Bangladesh),
#: "MST" (US Mountain or Malaysia).
_ZONE_OFFSETS = {
    "z": 0, "utc": 0, "gmt": 0, "ut": 0, "wet": 0, "west": 1, "cet": 1, "cest": 2, "eet": 2, "eest": 3,
    "msk": 3, "est": -5, "edt": -4, "cdt": -5, "mdt": -6, "pst": -8, "pdt": -7,
    "jst": 9, "kst": 9, "aest": 10, "aedt": 11,
}  # fmt: skip
#: Zones whose offset changes with daylight saving time ("ET": EST or EDT), read with the system's time zone data.
_ZONE_NAMES = {"et": "America/New_York", "ct": "America/Chicago", "mt": "America/Denver", "pt": "America/Los_Angeles"}


def _with_time_of_day(s: str) -> str | None:
    """ISO 8601 for a date followed by a time of day, or None when ``s`` is not one or its time cannot be read
    for sure (an unknown zone). 12-hour clocks are read with their am/pm: a generic date parser that drops it
    put a story published at 9 PM before one published at 10 AM the same day."""
    m = _DATE_THEN_TIME.fullmatch(s) if len(s) <= 80 else None  # a date line is short; a long cell is no date
    minute_text = m["minute"] or m["dot_minute"] if m is not None else None  # "15.30", as the Guardian writes it
    if m is None or (minute_text is None and m["ampm"] is None):
        return None
    day = _read_published(m["date"])
    if day is None or len(day) != 10:
        return None
    hour, minute, second = int(m["hour"]), int(minute_text or 0), int(m["second"] or 0)
    if m["ampm"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if m["ampm"][0].lower() == "p" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    naive = dt.datetime.fromisoformat(day).replace(hour=hour, minute=minute, second=second)
    zone = (m["zone"] or "").lower()
    if not zone:
        return naive.isoformat()
    if zone[0] in "+-":
        digits = zone[1:].replace(":", "")
        if int(digits[:2]) > 23 or int(digits[2:]) > 59:
            return None  # "+2400" is no offset: an internal error once, and the time is no surer than the zone
        offset = dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        return naive.replace(tzinfo=dt.timezone(-offset if zone[0] == "-" else offset)).isoformat()
    if zone in _ZONE_OFFSETS:
        return naive.replace(tzinfo=dt.timezone(dt.timedelta(hours=_ZONE_OFFSETS[zone]))).isoformat()
    if zone in _ZONE_NAMES:
        try:
            from zoneinfo import ZoneInfo

            local = naive.replace(tzinfo=ZoneInfo(_ZONE_NAMES[zone]))
        except Exception:  # no time zone data on this system: the day alone is sure
            return day
        return local.replace(tzinfo=dt.timezone(local.utcoffset() or dt.timedelta())).isoformat()
    return day  # a zone not known to be one offset: the day is sure, the time is not


def date_reads_two_ways(value: Any) -> bool:
    """True for a numeric date such as 04/05/2024 that is 4 May in most of the world and April 5 in the United
    States, and so is not read: a message can then say why."""
    if not isinstance(value, str):
        return False
    m = _NUMERIC_DMY_OR_MDY.search(value)
    return m is not None and m["a"] != m["b"] and int(m["a"]) <= 12 and int(m["b"]) <= 12


def two_readings(value: Any) -> tuple[str, str] | None:
    """The two ISO dates a numeric date that reads two ways stands for, day first then month first
    (``"04/05/2024"`` → ``("2024-05-04", "2024-04-05")``), so a message can offer both; None for any other value."""
    if not date_reads_two_ways(value):
        return None
    m = _NUMERIC_DMY_OR_MDY.search(value)
    assert m is not None  # date_reads_two_ways found it
    day_first = _ymd(m["year"], m["b"], m["a"])
    month_first = _ymd(m["year"], m["a"], m["b"])
    return (day_first, month_first) if day_first and month_first else None


def _from_epoch(value: float) -> str | None:
    """Seconds or milliseconds since 1970 (UTC), told apart by size."""
    if value != value or value < _EPOCH_SECONDS_FROM:  # NaN, or too small to be read safely as a time
        return None
    if _hourly_stamp(value):
        return None
    seconds = value / 1000 if value >= _EPOCH_MILLISECONDS_FROM else value
    try:
        return dt.datetime.fromtimestamp(seconds, tz=dt.UTC).isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def _hourly_stamp(value: float) -> bool:
    """True for a whole number whose ten digits also read as a date and hour, YYYYMMDDHH ("2025080912"), as some
    feeds and file names stamp an article. Read as epoch seconds it falls in 2030-2036, so which it is cannot be
    told: it is left unread rather than put years after its copies (it held the original back from every trace).
    Epoch seconds of today's stories (1.7e9: year "17xx" as digits) are not such numbers."""
    if value != int(value) or not 1_000_000_000 <= value < 10_000_000_000:
        return False
    digits = str(int(value))
    if not EARLIEST_YEAR <= int(digits[:4]) <= LATEST_YEAR or int(digits[8:]) > 23:
        return False
    return _ymd(digits[:4], digits[4:6], digits[6:8]) is not None


def _ymd(year: str | int, month: str | int, day: str | int) -> str | None:
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


# --------------------------------------------------------------------------------------------------
# HTML extraction

# trafilatura options, chosen by measurement on crafted news pages (see tests/data/ingest/):
# - balanced mode (neither favor_precision nor favor_recall): precision dropped the standfirst and
#   removed no junk that balanced mode kept; recall let in captions, credits, cookie and newsletter
#   boxes and the footer.
# - fast=False: the fallback extractors rescue odd layouts at ~2x the (millisecond) cost.
# - include_tables=False: news tables are data boxes that render as "| a | b |" rows, which read as
#   noise to sentence splitting and matching.
# - deduplicate=False: trafilatura's deduplication keeps a process-wide cache, so the same page
#   extracted a fourth time in one process came back shorter. Copies are exactly what storytrace
#   compares, and the result must not depend on what was extracted before.
_TRAFILATURA_OPTIONS: dict[str, Any] = {
    "fast": False,
    "favor_precision": False,
    "favor_recall": False,
    "include_comments": False,
    "include_tables": False,
    "include_images": False,
    "include_links": False,
    "include_formatting": False,
    "deduplicate": False,
    "with_metadata": True,
}

# htmldate's default max_date is "end of today" on the local clock, so the result for one page could
# change with the day it is processed (a page dated after "today", e.g. across timezones, silently
# fell back to a wrong date such as the copyright year). A fixed bound makes the date a function of
# the page alone. extensive_search=False keeps only dates the page marks up (meta tags, JSON-LD,
# <time>, the URL): the free-text search turned "© 2024" into 2024-01-01 and an event date in the body
# into the publication date, and a wrong date is worse than none when it decides which copy came first.
_DATE_PARAMS: dict[str, Any] = {
    "original_date": True,
    "extensive_search": False,
    "outputformat": "%Y-%m-%d",
    "max_date": "2099-12-31",
    # the page's own date markup before a date pattern in its URL, which may be the caller's URL
    "deferred_url_extractor": True,
}

# Below this, what trafilatura found is navigation or a stub rather than an article.
_MIN_PROSE_CHARS = 40


@dataclass(frozen=True)
class _Page:
    text: str
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    published_raw: str | None = None  # a date the page gives that could not be read without guessing


#: The most HTML elements of a page that are read: past it the page is read as if it ended there, and said so.
#: trafilatura's main extractor is superlinear in a page's elements (reading a live blog of 120,000 short updates,
#: 4.3 MB, took 41 user-s; 3.3 with the cap: benchmarks/huge_pages.py): a page under the input size limit must not
#: take minutes. A news page, however heavy its navigation, holds a few thousand; the story and the head (title, meta
#: tags, JSON-LD) come first on any page this large (a live blog's updates, comments, tag clouds follow them).
MAX_PAGE_ELEMENTS = 30_000


def _stderr_warning(message: str) -> None:
    print(f"storytrace: warning: {message}", file=sys.stderr)


def _capped_page(html: str, tree: HtmlElement, name: str, warn: Callable[[str], None]) -> tuple[str, HtmlElement]:
    """``html`` and its ``tree`` cut after the page's first :data:`MAX_PAGE_ELEMENTS` elements (in document order),
    ``warn`` told so; a page within the cap as it was, untouched (one pass that stops at the cap)."""
    from lxml.html import tostring
    from trafilatura.utils import load_html

    first_cut = next(itertools.islice(tree.iter(), MAX_PAGE_ELEMENTS, None), None)
    if first_cut is None:
        return html, tree
    held = sum(1 for _ in tree.iter())
    node, with_self = first_cut, True
    while (parent := node.getparent()) is not None:
        for later in list(node.itersiblings()):
            parent.remove(later)
        if with_self:
            parent.remove(node)
        node, with_self = parent, False
    warn(
        f"{name}: page truncated: it holds {held:,} HTML elements, over the {MAX_PAGE_ELEMENTS:,} read; the rest "
        "(what follows in the page) was left out"
    )
    # The rest of the reading (trafilatura, htmldate, the date rules) goes by the markup: give it the cut page's.
    html = tostring(tree, encoding="unicode")
    cut = load_html(html)
    return html, tree if cut is None else cut


#: libxml2's HTML parser (without its "huge" option, which only raises the bound to 2,048) stops reading a page at an
#: element this deep, counting <html>: the rest of the page is lost, and the story with it when it sits deeper.
_PARSER_DEPTH = 256


def _cut_by_depth(tree: HtmlElement) -> bool:
    """Whether the parser stopped reading the page (``tree``, just parsed by trafilatura's ``load_html``) at an element
    :data:`_PARSER_DEPTH` deep: the page read is only what came before it. The parser's log of its last run says so;
    the tree is walked (one pass, no recursion) to confirm, as another thread may have parsed since: a page read whole
    can reach the same depth."""
    from lxml import etree
    from trafilatura.utils import HTML_PARSER

    if not any("Excessive depth" in entry.message for entry in HTML_PARSER.error_log):
        return False
    depth = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        if depth >= _PARSER_DEPTH:
            return True
    return False


def _extract_html(html: str, name: str, *, url: str | None, warn: Callable[[str], None] = _stderr_warning) -> _Page:
    import htmldate
    import trafilatura
    from trafilatura.utils import load_html

    no_text = InputError(f"{name}: no article text found in the HTML page")
    # htmldate downloads a string that starts with "http" and has no space; no page looks like that.
    if html.startswith("http") and " " not in html:
        raise no_text
    if not re.search(r"<[A-Za-z!/]", html):
        # No tag at all: plain text given as HTML (--input-format html, "input_format": "html").
        raise InputError(f"{name}: not an HTML page (no tags); read it as text instead")
    # trafilatura rejects a bare fragment ("<p>..</p>" alone) as not-quite-HTML; give it a document.
    if "<html" not in html[:1000].lower():
        html = f"<html><body>{html}</body></html>"

    tree = load_html(html)
    if tree is None:
        raise no_text
    too_deep = _cut_by_depth(tree)
    html, tree = _capped_page(html, tree, name, warn)
    if too_deep:
        warn(
            f"{name}: page truncated: its elements nest over {_PARSER_DEPTH - 1} deep, past what the HTML parser "
            "reads; the rest (what follows in the page) was left out"
        )
    main = _main_article_only(tree)
    json_ld = _page_json_ld(tree)
    main = _without_marked_boxes(tree, main, json_ld)
    main = _posts_as_shown(tree, main)
    source = html if main is None else main
    doc = _bare_extraction(source, tree if main is None else main, url, len(html))
    # trafilatura passes JSON-LD values on as it finds them: a list or a number there is none of these
    doc_title, doc_url, doc_sitename = (
        (None, None, None)
        if doc is None or isinstance(doc, dict)
        else tuple(v if isinstance(v, str) else None for v in (doc.title, doc.url, doc.sitename))
    )
    if doc is None and _metadata_fails(tree if main is None else main, url):
        # trafilatura throws the whole page away when its metadata step fails: htmldate raises on a date markup value
        # such as "2024-03-05T10:00:00+2400" (an offset of 24 hours). The text does not depend on the date: read it
        # without the metadata step, and the page's title and site name without its dates. Only then: a page with
        # no text (most of what gives None) would cost a second extraction, seconds on a large one.
        options = {**_TRAFILATURA_OPTIONS, "with_metadata": False, "fast": _crowded(tree if main is None else main)}
        doc = trafilatura.bare_extraction(source, url=url, **options)
        doc_title, doc_sitename = _undated_metadata(tree)
    if doc is None or isinstance(doc, dict):
        raise no_text

    title = _past_the_logo(tree, doc_title or _meta_content(tree, "og:title") or _title_element(tree))
    blocks = _in_page_order(_paragraphs(doc.body), tree if main is None else main)
    stamps = _page_stamps(tree if main is None else main, {" ".join(b.split()) for b in blocks})
    controls = _control_texts(tree)
    paragraphs = _clean_paragraphs(blocks, controls, title, stamps)
    # A paywalled page shows the start of the story and gives all of it in its JSON-LD: the whole story is what a
    # copy is compared with. Only a clearly fuller body of this page's own story object that holds what the page
    # shows, in order; never on a complete page, whose paragraphs the body (often one run of text) would lose.
    body, given = _json_ld_body(tree, url, json_ld)
    if body is not None and blocks and all(_body_key(b) in given for b in blocks):
        # The extractor's last resort on a page that shows little text: the articleBody of every JSON-LD object, a
        # related story's too, each as one block. None of it is text the page shows: the story's own body is read.
        # (Without one known to be the page's own, the blocks are left as they were: they may be all the story.)
        paragraphs = _clean_paragraphs(_body_without_furniture(body.paragraphs), controls, title)
    elif body is not None and body.locked and _fuller(body, paragraphs):
        # Only on a page whose own object says it is paywalled (``isAccessibleForFree: false``). A page with a
        # subscribe box (at its end, in a banner, an empty hidden paywall layer) is no cut page: read as one, a free,
        # complete page had its text replaced by its body, and the author's bio or a "first published by" line the
        # body runs on with became claims a faithful copy lacked (rev22i2's p7, p3, p4; rev22i's j1, j2).
        paragraphs = _clean_paragraphs(_body_without_furniture(body.paragraphs), controls, title)
    if not any(len(p) >= _MIN_PROSE_CHARS for p in paragraphs):
        raise no_text

    page_url = url or doc_url
    try:
        published = htmldate.find_date(html, url=page_url, **_DATE_PARAMS)
    except Exception:  # the date is optional: a bug in date heuristics must not lose the article
        published = None
    published_raw = _ambiguous_date_behind(html, published) if published else None
    if published_raw is not None:
        published = None
    elif published:
        published = _time_of_day(tree, html, published, json_ld) or published
    if published_raw is None:
        markup = _publication_dates(tree, page_url, json_ld)
        # htmldate's date is no publication markup's: another object's (the site's WebSite node), one read from a
        # value with no valid offset, or a modified date where the publication markup gives the date otherwise (or in
        # a form that reads two ways, which a modified date must not stand in for)
        if (
            published is not None
            and published[:10] not in markup.days
            and (published[:10] in markup.disowned or markup.marked is not None or markup.two_ways is not None)
        ):
            published = None
        if markup.marked is None and markup.two_ways is not None and published is None:
            published_raw = markup.two_ways
        # htmldate looks for the earliest date (original_date): a date it missed in the publication markup, earlier
        # than what it found (a modified date, a copyright year) or found where it found none, is the one.
        elif markup.marked is not None and (published is None or markup.marked[:10] < published[:10]):
            published = markup.marked
        elif published is None:
            published = _marked_time(tree if main is None else main)
            if published is None and markup.bad_offset is None:
                # With no publication date of the story's own, its modified date stands in, as htmldate makes it stand
                # in on a page whose only date is a modified one (the day alone). A WebSite node's datePublished beside
                # it, disowned above, left such a page undated. Not for a publication date given but unreadable, as
                # for one that reads two ways: that page is undated, and said so.
                published = markup.modified
        elif published[:10] not in markup.days:
            # htmldate's earliest date, backed by no publication markup, may be another story's: a "Related" card's
            # in an aside or a list, a strip of cards above the story (rev26b 3). The story's byline time is its own.
            byline = _byline_time(tree, html)
            if byline is not None and byline[:10] != published[:10]:
                published = byline
        if published is None and published_raw is None and markup.bad_offset is not None:
            # a date given but not readable: undated, and said so, as for any other date that cannot be read
            published_raw = markup.bad_offset
    return _Page(
        text="\n\n".join(paragraphs),
        title=title,
        url=page_url,
        outlet=_meta_content(tree, "og:site_name") or _site_name(doc_sitename, tree, title),
        published=published,
        published_raw=published_raw,
    )


# A page this large (characters of HTML, or <div> elements) is read by trafilatura's main extractor alone first: its
# fallbacks (readability, then jusText, both again in its recall retry) took 1.5 to 2.6 s of a 130-300 KB page of
# thousands of divs (navigation, teaser rails) where the main extractor had the story. They run when it did not.
_LARGE_PAGE_CHARS = 100_000
_LARGE_PAGE_DIVS = 1_000
# What the main extractor must find on such a page to be kept without the fallbacks: this many paragraphs of prose
# (_MIN_PROSE_CHARS each), this many characters in all. A news story; a stub or a teaser list runs them.
_FAST_ENOUGH_PARAGRAPHS = 3
_FAST_ENOUGH_CHARS = 500
# ...and this share of the characters of the page's own prose, its <p> elements of _MIN_PROSE_CHARS or more: its
# main extractor drops a story container classed as a sidebar or a footer ("content-sidebar-wrap",
# "post-footer-content") or set in a <figure>, and kept three paragraphs of the site's blurb in its place; with half,
# a story lost the 4 of its 11 paragraphs set in such a div beside the 7 it found (64%). Not more: a story with a
# site blurb or teasers beside it is ~70-80% of the page's prose, and would lose the shortcut.
_FAST_ENOUGH_SHARE = 0.7


# A page with this many of the elements jusText makes its blocks of (:func:`_crowded`) is read by trafilatura's main
# extractor alone, never by its fallbacks: jusText's revision of short blocks (revise_paragraph_classification) looks
# past every short block for each one, quadratic in a run of them. A story said in one sentence over an 8,000-row
# table (24,000 such elements, under MAX_PAGE_ELEMENTS) took 24 user-s, about 38 at the cap, and gave no text anyway
# (rev25b 5). Just under this many (a table row of 4,990 cells, the worst form: a block each) a page took 2.7 user-s;
# a news page holds a few hundred to a few thousand (its <div>, <li>, <p>), and its main extractor finds its story
# (benchmarks/huge_pages.py). Past it a story only the fallbacks would find is lost: "no article text found".
# jusText also starts a block at the second <br> of a pair: one sentence over 8,000 "<br><br>" lines in a sidebar
# (16,000 elements, none of them a block tag) took 5.9 user-s and read the sidebar as the story (rev25g 6).
_FALLBACK_MAX_BLOCKS = 5_000


def _crowded(page: HtmlElement) -> bool:
    """Whether ``page`` holds :data:`_FALLBACK_MAX_BLOCKS` or more of jusText's blocks at most: its elements of the
    tags jusText starts a block at, and half its <br> elements (a block after a <br> needs a second one, with text
    between them and the last; one pass each in lxml, stopped at the bound)."""
    from justext.core import PARAGRAPH_TAGS

    tags = sum(1 for _ in itertools.islice(page.iter(*PARAGRAPH_TAGS), _FALLBACK_MAX_BLOCKS))
    if tags >= _FALLBACK_MAX_BLOCKS:
        return True
    breaks = sum(1 for _ in itertools.islice(page.iter("br"), 2 * (_FALLBACK_MAX_BLOCKS - tags)))
    return tags + breaks // 2 >= _FALLBACK_MAX_BLOCKS


def _bare_extraction(source: str | HtmlElement, page: HtmlElement, url: str | None, chars: int = 0) -> Any:
    """trafilatura's extraction of ``source`` (the page, or a copy of it: its main <article>, or the page without its
    marked boxes: ``page``), its fallback extractors left out on a large page where its main extractor finds a story
    without them, and on a crowded page (:func:`_crowded`) whatever it finds. ``chars``: the length of the page's
    HTML."""
    import trafilatura

    crowded = _crowded(page)
    large = (
        crowded
        or int(page.xpath("count(.//div)")) >= _LARGE_PAGE_DIVS
        or ((len(source) if isinstance(source, str) else chars) >= _LARGE_PAGE_CHARS)
    )
    if large:
        options = {**_TRAFILATURA_OPTIONS, "fast": True}
        doc = trafilatura.bare_extraction(source, url=url, date_extraction_params=_DATE_PARAMS, **options)
        if crowded:
            return doc
        if doc is not None and not isinstance(doc, dict):
            prose = [p for p in _paragraphs(doc.body) if len(p) >= _MIN_PROSE_CHARS]
            found = sum(map(len, prose))
            if (
                len(prose) >= _FAST_ENOUGH_PARAGRAPHS
                and found >= _FAST_ENOUGH_CHARS
                and found >= _FAST_ENOUGH_SHARE * _page_prose_chars(page)
            ):
                return doc
    return trafilatura.bare_extraction(source, url=url, date_extraction_params=_DATE_PARAMS, **_TRAFILATURA_OPTIONS)


def _page_prose_chars(page: HtmlElement) -> int:
    """How many characters (spaces run together) the <p> elements of ``page`` hold that are prose by their length;
    one pass over them, cheap beside an extraction."""
    total = 0
    for el in page.iter("p"):
        n = len(" ".join(el.text_content().split()))
        total += n if n >= _MIN_PROSE_CHARS else 0  # the bar the extraction's paragraphs are counted by
    return total


def _metadata_fails(source: HtmlElement, url: str | None) -> bool:
    """Whether trafilatura's metadata step raises on ``source``, as it does inside the extraction (which then
    gives None, as for a page with no text)."""
    from trafilatura.metadata import extract_metadata

    try:
        extract_metadata(copy.deepcopy(source), url, _DATE_PARAMS, False)
    except (TypeError, ValueError):
        return True
    return False


def _undated_metadata(tree: HtmlElement) -> tuple[str | None, str | None]:
    """The title and site name trafilatura's metadata step gives, without the step's date search (which may be
    what failed); (None, None) when this fails too."""
    from trafilatura.metadata import extract_sitename, extract_title

    try:
        return extract_title(tree), extract_sitename(tree)
    except Exception:  # metadata is optional: the text is what matters
        return None, None


#: Date markup that carries the time of publication when a page gives one (Open Graph, schema.org, Dublin Core).
_PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "datePublished",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date",
    "dc.date.issued",
    "DC.date.issued",
    "parsely-pub-date",
    "sailthru.date",
)
_JSON_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{10,40})"')
_HAS_TIME = re.compile(r"\d[T ]\d{1,2}:\d{2}")


def _time_of_day(tree: HtmlElement, html: str, day: str, json_ld: list[dict[str, Any]] | None = None) -> str | None:
    """The page's publication timestamp (ISO 8601, with its offset) when its date markup gives one on ``day``
    (the date htmldate found, ``YYYY-MM-DD``), else None. htmldate gives the day only: a page published at 14:00
    read as midnight made scan's lags up to a day short, and put it before an article of the same day published
    at 09:00 where a story family's original is the earliest published. The most explicit markup first: date
    meta tags, JSON-LD, a <time> marked as the publication's, then the story's own <time>s (:func:`_story_times`),
    then one labelled as the publication's after the story (:func:`_published_after_story`). ``json_ld``: the
    page's JSON-LD objects (:func:`_page_json_ld`), parsed here when not given."""
    area = _byline_area(tree)
    values = _publication_markup(tree, html, area, json_ld)
    values += [el.get("datetime") for el in _story_times(tree, html, area)][:3]
    values += [el.get("datetime") for el in _published_after_story(tree, area)][:1]
    for value in values:
        if not value or not _HAS_TIME.search(value):
            continue
        iso = _normalise_published(value.strip())
        if iso is not None and len(iso) > 10 and iso[:10] == day:
            return iso
    return None


def _byline_time(tree: HtmlElement, html: str) -> str | None:
    """The first publication time (ISO 8601, with a time of day) the story's byline gives (:func:`_story_times`),
    none in a paragraph of the story's text (:func:`_in_story_prose`): on a page dated by its byline's words alone,
    a kick-off's or a meeting's <time> in the story became its publication date, days ahead (review rev27b)."""
    for el in _story_times(tree, html):
        if _in_story_prose(el):
            continue
        value = el.get("datetime")
        if value and _HAS_TIME.search(value):
            iso = _normalise_published(value.strip())
            if iso is not None and len(iso) > 10:
                return iso
    return None


def _in_story_prose(el: HtmlElement) -> bool:
    """Whether <time> ``el`` stands in a paragraph of the story's text ("Kick-off: <time>Saturday 3pm</time>, Harbour
    Park.", "The board meets again on <time>12 January</time> to pick a contractor."): a <p> that no class marks as a
    byline's or a dateline's, with no publication label before the time (:func:`_published_label`), that is no
    byline by its words (:data:`_BYLINE_LINE`, :data:`_BYLINE_MARK`) and, its times taken out, reads like a sentence
    (:func:`_reads_like_a_sentence`). Any word besides the times made "Reuters · <time>", "<time> · 4 min read" or
    "Posted by Sam Patel on <time>" prose, and the page took a related card's date, 22 months off (review rev27f).
    The story's first paragraph, which ends the byline area (:func:`_byline_area`), is the first two of prose with no
    <time> in them: a paragraph with one before it is taken for the byline's."""
    p = next(el.iterancestors("p"), None)
    if p is None or not _class_parts(p).isdisjoint(_DATELINE_PARTS) or _published_label(el):
        return False
    text = " ".join(itertools.islice(p.itertext(), _LINE_CHARS))
    line = " ".join(text.split())
    if _BYLINE_LINE.match(line[: 2 * _BYLINE_CHARS]):
        return False
    mark = _BYLINE_MARK.search(line)
    # "By Saturday at <time>3pm</time> the board must decide." names a day, not an author
    if mark is not None and (mark["name"] is None or mark["name"].lower() not in _DATE_WORDS):
        return False
    for t in itertools.islice(p.iter("time"), _MAX_STORY_TIMES):
        text = text.replace(" ".join(t.itertext()), " ", 1)
    return _reads_like_a_sentence(" ".join(text.split()))


def _reads_like_a_sentence(text: str) -> bool:
    """Whether ``text`` (a <p>'s, its times taken out) reads like a sentence of the story, not a byline's names and
    outlet: it ends as a sentence does with a few words besides the date's ("Kick-off: , Harbour Park."), or runs
    too long for a byline. A byline ending in its outlet's "Herald staff, <time>Dec 7</time>." stays a byline."""
    words = [w for w in re.findall(r"[^\W\d_]{2,}", text) if w.lower() not in _DATE_WORDS]
    if text.endswith((".", "!", "?")):
        return len(words) >= _SENTENCE_WORDS_ENDED
    return len(words) >= _SENTENCE_WORDS


# What makes a <p> line a byline wherever it stands: a byline's separator ("Reuters · <time>", "Herald staff |
# <time>"), a reading time ("4 min read"), or a name credited with "by" among the line's first words ("Posted by Sam
# Patel on <time>", "Words and photos by Jo Reid"). Dashes are left out: a sentence holds them ("The board — ...").
_BYLINE_MARK = re.compile(
    r"[|·•]|(?i:\bmin(?:ute)?s?\.?\s+read\b)|\A\W*(?:[^\W\d_]+\s+){0,3}(?i:by)\s+(?P<name>[A-Z][^\W\d_]*)"
)
# A <p> without its times reads like a sentence with this many words besides the date's when it ends as one does,
# this many when it does not (a sentence cut off); a byline gives fewer ("Sam Patel and Jo Reid").
_SENTENCE_WORDS_ENDED = 3
_SENTENCE_WORDS = 6


# The class parts of a <p> that holds a byline's or a dateline's time, not a sentence of the story.
_DATELINE_PARTS = frozenset(
    {"byline", "author", "meta", "date", "dateline", "time", "timestamp", "published", "posted", "info", "credit"}
)
# The words a date or time is written with ("Saturday 7 December 2026, 9am GMT"): a <p> of them alone is a dateline.
_DATE_WORDS = (
    frozenset(MONTH_NUMBERS)
    | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    | {"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "the", "and", "gmt", "utc", "bst"}
    | {"cet", "cest", "est", "edt", "pst", "pdt", "noon", "midnight"}
)


# Where a <time> stands in the page's furniture, or in a list or rail of other stories ("Latest", "Most read").
_PAGE_FURNITURE = frozenset({"aside", "nav", "footer"})
_OTHER_STORIES = _PAGE_FURNITURE | {"li", "ul", "ol"}
# Elements that hold a whole story: an update stamp's grandparent that is one is no byline.
_STORY_HOLDERS = frozenset({"article", "main", "body", "html"})
# The elements that hold the whole page's content: another <article> below them is another story's card.
_PAGE_ROOTS = frozenset({"main", "body", "html"})
#: Markup that gives the page's modified time: a <time class="updated"> that gives it too is the update's.
_MODIFIED_META = frozenset(
    {"article:modified_time", "og:updated_time", "dateModified", "datemodified", "last-modified"}
)
_JSON_LD_MODIFIED = re.compile(r'"dateModified"\s*:\s*"([^"]{10,40})"')
#: At most this many of a page's <time>s are looked at for the story's (a byline gives one to three), and its first
#: this many <h1>s for the sections that hold one (a hostile page may give thousands of either).
_MAX_STORY_TIMES = 10
#: At most this many <time>s of other stories are passed over on the way to the byline's: a "Latest" list between the
#: headline and the byline gives a handful; a hostile page's thousands leave the day alone.
_MAX_PASSED_TIMES = 100
# The class or id parts of a page's comments: a comment's time, even one marked "published", is the comment's.
_COMMENT_PARTS = frozenset({"comment", "comments", "commentlist", "respond", "disqus", "replies"})
# Tags a <p> of a story's prose never stands in: a lead image's caption over the byline is no first paragraph.
_NOT_PROSE = _PAGE_FURNITURE | {"figure", "figcaption"}
# A lead image's caption over the story: its time is the photograph's ("photographed 06:10"), never the story's
# (rev23t3).
_FIGURE_TAGS = frozenset({"figure", "figcaption"})
# A heading in an item marks its link as a headline's: a related card's "<h4><a>Ferry fares</a></h4>".
_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
# The parts of a link's rel, class or address that go to no other story: a person's page (an author's), a share
# button's or the page's comments ("Share this article on Facebook" runs to a headline's words).
_PERSON_LINK_PARTS = frozenset(
    {"author", "authors", "profile", "profiles", "people", "staff", "writer", "writers", "contributor", "journalist"}
    | {"contributors", "journalists", "by", "reporter", "reporters", "columnist", "columnists", "correspondent"}
    | {"correspondents"}
)
_NO_STORY_LINK_PARTS = frozenset(
    _PERSON_LINK_PARTS
    | {"share", "sharer", "intent", "mailto", "facebook", "twitter", "linkedin", "whatsapp", "reddit", "email"}
    | {"newsletter", "newsletters", "signup", "subscribe", "gallery", "galleries"}
    # the story read aloud: "Listen to this article" beside the byline's time (rev23t3)
    | {"audio", "listen", "podcast", "tts"}
    | _COMMENT_PARTS
)
# The class or id parts of a box of other stories: a time in one is never the story's, links or none.
_OTHER_STORY_PARTS = frozenset(
    {"card", "cards", "related", "latest", "trending", "ticker", "promo", "promos", "teaser", "teasers", "popular"}
    | {"recommended", "recirculation", "recirc", "mostread", "readnext", "outbrain", "taboola"}
)
# ...or run together ("read-next", "more-stories"): "next" or "more" alone is no such box (Next.js wraps a whole page
# in <div id="__next">).
_OTHER_STORY_RUNS = re.compile(r"readnext|upnext|readmore|morestories|morefrom|moreon|alsoread|seealso|mostread")
_LINK_PARTS = re.compile(r"[-_\s/?=&.#:]+")
#: A link whose text runs this many words is a headline's (another story's), not an author's or a section's.
_HEADLINE_LINK_WORDS = 4
#: At most this many links of an item are read for a headline's.
_MAX_ITEM_LINKS = 20


def _class_parts(el: HtmlElement) -> set[str]:
    """The parts of ``el``'s class and id ("entry-date published" → entry, date, published)."""
    return set(re.split(r"[-_\s]+", f"{el.get('class') or ''} {el.get('id') or ''}".lower()))


@dataclass(frozen=True)
class _BylineArea:
    """The story's byline area (:func:`_byline_area`): its <time>s in page order, and its first paragraph."""

    times: list[HtmlElement]
    first: HtmlElement | None
    holders: frozenset[HtmlElement] = frozenset()  # the elements that hold the story's <h1> or first paragraph


def _byline_area(tree: HtmlElement) -> _BylineArea:
    """The <time>s of the story's byline area, in page order: from the start of the <header>, <hgroup> or <article>
    that holds the story's <h1> (:func:`_title_heading`; the <h1> itself when none does; when the story starts before
    the page's <h1>, the article or main holding its first paragraph; the page's start only on a page with no <h1>) to
    the story's first paragraph (:func:`_first_prose`); none in an aside, navigation or footer, in comments,
    or in an item about another story (:func:`_another_storys`). Above the headline's header stand the site's ticker
    and "Latest" list, after the first paragraph related cards and sidebars: session 22's rule read 07:30 and 06:10
    from them (rev23old). WordPress's Twenty Seventeen and a kicker line give the time above the <h1>, in its header:
    a rule that started at the <h1> read the day alone (rev23t). On a page with no first paragraph, the scan stops at
    the first time in an aside, navigation, footer or list: never past one to a later time."""
    title, headed = _title_heading(tree)
    first = _first_prose(tree, title)
    if title is not None:
        start = next(title.iterancestors("header", "hgroup", "article"), title)
    else:
        # the story started before the page's <h1>: its byline stands in the article or main that holds its first
        # paragraph. Never from the top of a page that gives an <h1>: a masthead's clock is no byline's (rev23t2).
        start = None if first is None else next(first.iterancestors("article", "main"), None)
        if headed and start is None:
            return _BylineArea([], first)
    # the elements that hold the story's title or first paragraph: one of them is the story, never an item beside it
    holders = {a for el in (title, first) if el is not None for a in itertools.chain([el], el.iterancestors())}
    # whether an element stands in such a part of the page, each judged once (for each kind of part)
    furniture: dict[HtmlElement, bool] = {}
    listed: dict[HtmlElement, bool] = {}
    comments: dict[HtmlElement, bool] = {}
    others: dict[HtmlElement, bool] = {}
    # a hero <figure> whose caption holds the <h1> and its byline is the story's header, no lead image's caption: its
    # byline's time was lost (rev24i 6)
    figures: dict[HtmlElement, bool] = {a: False for a in ([] if title is None else title.iterancestors(*_FIGURE_TAGS))}
    started = start is None
    times: list[HtmlElement] = []
    passed = 0
    for el in tree.iter("time", "p", *([] if start is None else [start.tag])):
        if el is start:
            started = True
        if first is not None and el is first:
            break
        if el.tag != "time" or not started:
            continue
        parent = el.getparent()
        if first is None and _apart(parent, _OTHER_STORIES, listed):
            break
        if (
            _apart(parent, _PAGE_FURNITURE, furniture)
            or _apart(parent, _FIGURE_TAGS, figures)
            or _apart(parent, frozenset(), comments, _COMMENT_PARTS)
            or _another_storys(el, holders, others)
        ):
            passed += 1
            if passed >= _MAX_PASSED_TIMES:
                break
            continue
        times.append(el)
        if len(times) >= _MAX_STORY_TIMES:
            break
    return _BylineArea(times, first, frozenset(holders))


def _past_the_logo(tree: HtmlElement, title: str | None) -> str | None:
    """``title``, unless it is the text of a site logo's <h1> (:func:`_site_logo`) among the page's first: then the
    story's <h1> (:func:`_title_heading`) when it names the page (:func:`_names_the_page`), else the headline part of
    the <title> or og:title (:func:`_title_headline`), else ``title``. trafilatura takes a page's first <h1> for its
    title on a page with no og:title, and a masthead's "<h1 class='site-title'><a href='/'>Harbour Herald</a></h1>"
    became the story's title (rev24i 9). Whatever <h1> is taken for the headline is not enough: on a page whose own
    <h1> it misses, that is an infinite-scroll next article's or a "Breaking" strip's, and its headline became the
    story's title (rev24b 1, 2)."""
    if not title:
        return title
    wanted = " ".join(title.split()).casefold()
    names: _PageNames | None = None
    for h1 in itertools.islice(tree.iter("h1"), _MAX_STORY_TIMES):
        if " ".join(" ".join(itertools.islice(h1.itertext(), 20)).split()).casefold() != wanted:
            continue
        names = _page_names(tree) if names is None else names
        if not _site_logo(h1, names):
            return title
        story = _title_heading(tree)[0]
        if story is not None and _names_the_page(story, names):
            return " ".join(" ".join(itertools.islice(story.itertext(), 100)).split()) or title
        for given in (_title_element(tree), _meta_content(tree, "og:title")):
            headline = None if given is None else _title_headline(given)
            if headline is not None and headline.casefold() not in (wanted, names.site):
                return headline
        # Neither names more than the site (no <title>, the site's name alone, "Harbour Herald - Local news"): the
        # story's <h1> is the headline, as before rev24b, unless it is a banner's or stands past a run of prose (then
        # it is a later story's, an infinite-scroll next article's: rev24b 2). Left at the logo's, the site's name
        # became every report's title (rev25b 3).
        if story is not None and not _banners_own(story) and _prose_run_between(tree, None, story, {}) is None:
            return " ".join(" ".join(itertools.islice(story.itertext(), 100)).split()) or title
        return title
    return title


def _title_headline(title: str) -> str | None:
    """The headline part of a page's <title> ("Pier rebuild: board says yes | Harbour Herald" → "Pier rebuild: board
    says yes"): the title less the parts at its end, else at its start, each shorter than the longest part left (a
    site's name and a section are shorter than the headline: "Headline - News - Herald"); the whole title when it has
    no separator; None when no part stands out ("Harbour Herald - Local news"). A colon is no separator here: it
    stands in headlines ("Ferry crash: 40 people rescued")."""
    pieces = _SITE_SEPARATOR.split(" ".join(title.split()))  # part, separator, part, ...
    words = [len(part.split()) for part in pieces[::2]]
    if len(words) == 1:
        return pieces[0] or None
    # the most parts that can go from the end (else from the start), each shorter than the longest one left
    for kept in range(1, len(words)):
        if max(words[kept:]) < max(words[:kept]):
            return "".join(pieces[: 2 * kept - 1])
    for gone in range(len(words) - 1, 0, -1):
        if max(words[:gone]) < max(words[gone:]):
            return "".join(pieces[2 * gone :])
    return None


# What stands between a <title>'s headline and the site's name (:func:`_title_headline`): "Headline | Herald".
_SITE_SEPARATOR = re.compile(r"(\s+[|\-\u2013\u2014\u00b7\u2022]\s+)")


def _title_heading(tree: HtmlElement) -> tuple[HtmlElement | None, bool]:
    """The story's <h1>, and whether the page gives a headline <h1> at all: its first in no aside, navigation or
    footer that is no site logo (:func:`_site_logo`), unless the story's first run of two prose paragraphs
    (:func:`_prose_run`) comes before it within the <h1>'s own article or main (the page's whole body when it has
    none). Among those, the first whose text names the page (:func:`_names_the_page`) comes first, banner or not: a
    WordPress "page-banner" holds the story's <h1> before <main> (rev24b 2), and a "Breaking" strip's <h1> can stand
    above the story's (rev24b 1). A theme that sets the headline in an <h2> gives its sidebar widgets' titles the
    page's only <h1>s, after the story (rev23t: the byline area started there, and read the day alone). A cookie or
    subscribe banner's two paragraphs over the headline are no story's: counted, they left the page with no title and
    the masthead's clock read as the story's time (rev23t2)."""
    furniture: dict[HtmlElement, bool] = {}
    banners: dict[HtmlElement, bool] = {}
    names = _page_names(tree)
    headlines = (
        h1 for h1 in tree.iter("h1") if not _apart(h1, _PAGE_FURNITURE, furniture) and not _site_logo(h1, names)
    )
    # a banner's own <h1> ("Subscribe to the Herald" in a subscribe modal) is no headline: the first <h1> in no banner
    # (rev23t3 took the modal's and read the masthead clock below it); failing one, the first in a banner, as a page
    # wrapped whole in "has-cookie-banner" gives
    in_banner: HtmlElement | None = None
    title = None
    for h1 in itertools.islice(headlines, _MAX_STORY_TIMES):
        if _names_the_page(h1, names):
            title = h1
            break
        if _banners_own(h1):
            in_banner = h1 if in_banner is None else in_banner
        elif title is None and not _past_a_heros_story(tree, in_banner, h1, banners):
            title = h1  # the headline unless a later <h1> names the page
    title = title if title is not None else in_banner
    if title is None:
        return None, False
    holder = next(title.iterancestors("article", "main"), None)
    before = itertools.takewhile(lambda el: el is not title, (tree if holder is None else holder).iter("h1", "p"))
    run, _ = _prose_run(p for p in before if p.tag == "p" and not _apart(p, frozenset(), banners, _BANNER_PARTS))
    return (None if run is not None else title), True


# The class or id parts of a box over the page that is none of the story: a cookie, consent or subscribe banner.
_BANNER_PARTS = frozenset(
    {"cookie", "cookies", "consent", "gdpr", "privacy", "banner", "subscribe", "subscription", "paywall", "signup"}
    | {"newsletter", "modal", "popup", "overlay", "notice", "alert"}
)
# ...of which these name a box by its place on the page alone: a story's hero box is a "hero-banner", a "page-banner"
# or an "article-hero__overlay" in many WordPress and magazine themes. Never "alert" or "notice": a "site-alert" or
# "top-notice" strip is the site's, wherever it stands (rev24b 1).
_LAYOUT_BANNER_PARTS = frozenset({"banner", "overlay"})


def _banners_own(h1: HtmlElement) -> bool:
    """Whether <h1> ``h1`` is a banner's own ("Subscribe to the Herald" in a subscribe modal), not a headline: it stands
    in a dialog (role="dialog", aria-modal="true") or a box named a cookie, consent, subscribe or modal box
    (:data:`_BANNER_PARTS`), or in one named a banner or overlay by its place alone (:data:`_LAYOUT_BANNER_PARTS`)
    that stands outside the <article> that holds the <h1>. The story's <h1> in its hero box (a "hero-banner" in its
    <article>) was passed over for an infinite-scroll next article's, whose 06:10 became the story's time (rev24i 3);
    a "breaking-banner" strip in <main>, above the story's <article>, is the site's: exempt there, its <h1> became the
    headline and its 07:30 the story's time (rev24b 1)."""
    boxes = list(itertools.islice(h1.iterancestors(), 1000))
    # the <article> that holds the <h1>: a layout banner below it is the story's own hero box
    story = next((k for k, box in enumerate(boxes) if box.tag == "article"), -1)
    for k, box in enumerate(boxes):
        if box.get("role") == "dialog" or (box.get("aria-modal") or "").lower() == "true":
            return True
        parts = _class_parts(box)
        if parts.isdisjoint(_BANNER_PARTS):
            continue
        if not parts.isdisjoint(_BANNER_PARTS - _LAYOUT_BANNER_PARTS) or k > story:
            return True
    return False


def _past_a_heros_story(
    tree: HtmlElement, hero: HtmlElement | None, h1: HtmlElement, banners: dict[HtmlElement, bool]
) -> bool:
    """Whether <h1> ``h1`` heads a later story than that of ``hero``, an earlier <h1> set in a box named a banner or
    overlay by its place alone (:data:`_LAYOUT_BANNER_PARTS`; no dialog, cookie or subscribe box): ``h1`` stands in an
    <article> and a run of two prose paragraphs (:func:`_prose_run`) in another <article>, in no banner box, stands
    between the two. That run is the hero's story: a WordPress "page-banner" in <main> holds the story's <h1> above
    its <article>, and an infinite-scroll next <article> follows; with the next <h1> for the headline, its 06:10
    became the story's time (rev25b 1). Prose in a plain box is no story's: a section's "page-banner" <h1> ("Local
    News") over a support appeal or a section intro in a <div>, then the story's <article>, had the story's <h1>
    passed over and its 09:00 byline lost (rev25g 5). A "Breaking" strip's <h1> above the story's stays passed over:
    the story's <h1> comes before its prose (rev24b 1)."""
    if hero is None or not _layout_banner_only(hero):
        return False
    article = next(h1.iterancestors("article"), None)
    if article is None:
        return False
    # only the prose of another <article> counts: an appeal box before the hero's story must not hide it either
    return _prose_run_between(tree, hero, h1, banners, outside=article) is not None


def _prose_run_between(
    tree: HtmlElement,
    start: HtmlElement | None,
    end: HtmlElement,
    banners: dict[HtmlElement, bool],
    outside: HtmlElement | None = None,
) -> HtmlElement | None:
    """The first paragraph of the first run of two prose paragraphs (:func:`_prose_run`) in no banner box
    (:data:`_BANNER_PARTS`; ``banners`` keeps each element's answer) between <h1> ``start`` (the page's start when
    None) and <h1> ``end``, in page order; None when none stands there. With ``outside`` (an <article>), only the
    paragraphs of an <article> other than that one count."""
    between: list[HtmlElement] = []
    started = start is None
    for el in tree.iter("h1", "p"):
        if el is start:
            started = True
        elif el is end:
            break
        elif started and el.tag == "p":
            if outside is not None and next(el.iterancestors("article"), outside) is outside:
                continue
            between.append(el)
    return _prose_run(p for p in between if not _apart(p, frozenset(), banners, _BANNER_PARTS))[0]


def _layout_banner_only(h1: HtmlElement) -> bool:
    """Whether <h1> ``h1`` is judged a banner's (:func:`_banners_own`) by a box named a banner or overlay by its place
    alone: it stands in no dialog and in no box named a cookie, consent, subscribe, modal, alert or notice box."""
    for box in itertools.islice(h1.iterancestors(), 1000):
        if box.get("role") == "dialog" or (box.get("aria-modal") or "").lower() == "true":
            return False
        if not _class_parts(box).isdisjoint(_BANNER_PARTS - _LAYOUT_BANNER_PARTS):
            return False
    return True


def _another_storys(time: HtmlElement, holders: set[HtmlElement], others: dict[HtmlElement, bool]) -> bool:
    """Whether <time> ``time`` is another story's: it stands in a box of other stories by its class or id (a card,
    "related", "latest", "trending", a ticker, a "Read next" promo: :func:`_other_stories_box`), or in any element
    that links to another story (:func:`_links_elsewhere`), below the elements that hold the story's title or first
    paragraph (``holders``: the story's own <article> links to other stories in its text) and the main or body. A
    block that reads as a byline (:func:`_byline_block`) is judged by the elements around it alone. ``others`` keeps
    each element's answer, so a page's times are judged once for each element they stand in. A headline's link in a
    plain <div> (a React page's "Breaking" strip or "Just in" list, no list or class to tell it) marks another
    story's time: round two asked for a heading around it there, and read the strip's 07:30 (rev23t2)."""
    path: list[HtmlElement] = []
    found = False
    el = time.getparent()
    while el is not None and el not in holders and el.tag not in _PAGE_ROOTS:
        known = others.get(el)
        if known is not None:
            found = known
            break
        path.append(el)
        box = _other_stories_box(el)
        byline = _byline_block(el)
        # a byline block whose class also names a box of other stories ("card-meta", "author-latest") is exempt from
        # its class alone: its link to another story still marks the time as that story's (rev23t3)
        if (box and not byline) or ((box or not byline) and _links_elsewhere(el)):
            found = True
            break
        el = el.getparent()
    for seen in path:
        others[seen] = found
    return found


# The class or id parts of a story's own byline block: "<div class='author-card'>", "<section class='article-meta'>".
_BYLINE_PARTS = frozenset({"byline", "bylines", "author", "authors", "meta", "dateline"})
_BYLINE_OPENING = re.compile(r"\s*By\s+[A-Z]")


def _byline_block(el: HtmlElement) -> bool:
    """Whether ``el`` reads as the story's byline: its class or id says byline, author or meta (and no run of words
    names a box of other stories: "more-from-author"), or its text opens with "By Sam". Its links go to its authors'
    pages or to the story's own extras, not to other stories: rev23t's "By <a>Sam Patel and Jane Doe</a> 09:00" and
    rev23t2's "author-card" lost the byline's time. A byline block is small: no article (a <section> only by its
    class, a list item only by its words), no heading but one that names its author (:func:`_name_heading`), at most
    twice _BYLINE_CHARS of text (a byline line, its times, an author's title). An infinite-scroll page's next
    <article> that opens "By Jo Smith" over its headline read as one, and its 06:10 became the story's (rev23t3)."""
    # a few dozen elements at most, looked at once: a page-wide wrapper is judged in constant time
    inside = list(itertools.islice(el.iter(), _BYLINE_BLOCK_ELEMENTS + 1))
    if el.tag in _NO_BYLINE_BLOCKS or len(inside) > _BYLINE_BLOCK_ELEMENTS:
        return False
    parts = _class_parts(el)
    named = not parts.isdisjoint(_BYLINE_NAME_PARTS)
    if any((inner.tag in _HEADINGS or inner.tag == "h1") and not _name_heading(inner, named) for inner in inside):
        return False
    text = "".join(itertools.islice(el.itertext(), 40))
    if len(text.strip()) > 2 * _BYLINE_CHARS:
        return False
    if not parts.isdisjoint(_BYLINE_PARTS) and el.tag != "li":
        return not _other_story_run(el)
    # a <section> is a byline block by its class alone ("article-meta"): one that opens "By" may be a whole story; a
    # list item by its words alone ("<li>By Sam Patel, <a>Harbour Herald Business Desk</a> <time>", rev24i 6), a
    # "Latest" list's items open with their headlines
    return el.tag != "section" and _BYLINE_OPENING.match(text[:_BYLINE_CHARS]) is not None


# The class parts of a block named for its author alone (not "meta", which a related card's "post-meta" gives too).
_BYLINE_NAME_PARTS = frozenset({"byline", "bylines", "author", "authors"})
# The leading path segments of a person's page as some sites name it ("/team/sam-patel"): not for other links, a
# sports desk's "/team/harbour-fc-win-the-cup" is a story's.
_PERSON_PATH_PARTS = _PERSON_LINK_PARTS | {"team"}


def _name_heading(heading: HtmlElement, named: bool) -> bool:
    """Whether ``heading`` in a byline block only names its author: "<div class='byline'><h4><a
    href='/contributors/sam-patel'>Sam Patel</a></h4><time>" (rev24i 6: the heading made the block no byline, and its
    time was lost). No <h1>, fewer than a headline's words, at most one link, to a person's page
    (:data:`_PERSON_PATH_PARTS`) or, in a block named for its author (``named``), to any page."""
    if heading.tag == "h1":
        return False
    if len(" ".join(itertools.islice(heading.itertext(), 20)).split()) >= _HEADLINE_LINK_WORDS:
        return False
    links = list(itertools.islice(heading.iter("a"), 2))
    if len(links) > 1:
        return False
    if named:
        return True
    if not links:
        return False
    href = (links[0].get("href") or "").strip()
    return not _link_parts(links[0], href).isdisjoint(_PERSON_PATH_PARTS)


# Elements that are never a byline block: a whole story.
_NO_BYLINE_BLOCKS = frozenset({"article", "main", "body", "html"})
#: A byline block holds at most this many elements: names, links, an avatar, times and their separators.
_BYLINE_BLOCK_ELEMENTS = 40


def _other_stories_box(el: HtmlElement) -> bool:
    """Whether ``el``'s class or id marks a box of other stories (:data:`_OTHER_STORY_PARTS`)."""
    return not _OTHER_STORY_PARTS.isdisjoint(_class_parts(el)) or _other_story_run(el)


def _other_story_run(el: HtmlElement) -> bool:
    """Whether ``el``'s class or id, its parts run together in order, names a box of other stories ("read-next",
    "more-from-author": :data:`_OTHER_STORY_RUNS`)."""
    names = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    return _OTHER_STORY_RUNS.search(re.sub(r"[-_\s]+", "", names)) is not None


def _links_elsewhere(item: HtmlElement) -> bool:
    """Whether ``item`` links to another story: a link (not around a <time>, which is a permalink to the story
    itself, nor to a person's page, a share button, a newsletter or the comments) whose text runs to a headline's
    words or that holds or stands in a heading ("<h4><a>Ferry fares</a></h4>" in a related card, "Ferry fares to
    rise in January" in a "Latest" list)."""
    for link in itertools.islice(item.iter("a"), _MAX_ITEM_LINKS):
        href = (link.get("href") or "").strip()
        if not href or href.startswith("#") or next(link.iter("time"), None) is not None:
            continue
        if _link_parts(link, href) & _NO_STORY_LINK_PARTS:
            continue
        if len(" ".join(link.itertext()).split()) >= _HEADLINE_LINK_WORDS:
            return True
        if next(link.iter(*_HEADINGS), None) is not None:
            return True
        # the heading around it: "<h4><a>" or "<h4><span><a>", within the item
        for above in itertools.islice(link.iterancestors(), 2):
            if above.tag in _HEADINGS:
                return True
            if above is item:
                break
    return False


def _link_parts(link: HtmlElement, href: str) -> set[str]:
    """The words of link ``link``'s rel and class, and of its address ``href`` but for its query's values and its last
    path segment when that runs to a headline's words: another story's slug ("/news/listen-mayor-full-statement",
    "/ferry-crash-people-rescued") names that story, not an author's page or the story read aloud, and exempted a
    "Breaking" strip's link, whose 07:30 became the story's time (rev24i 4). Its scheme ("mailto"), host
    ("audio.herald.example", "twitter.com"), leading segments ("/author/", "/audio/"), query keys ("?share=") and
    fragment ("#comments") still count."""
    words = f"{link.get('rel') or ''} {link.get('class') or ''}"
    try:
        address = urllib.parse.urlsplit(href)
    except ValueError:  # a malformed address ("http://["): its words as they stand
        return set(_LINK_PARTS.split(f"{words} {href}".lower()))
    segments = [s for s in address.path.split("/") if s]
    if segments and len(_LINK_PARTS.split(segments[-1].strip("-_"))) >= _HEADLINE_LINK_WORDS:
        segments.pop()
    keys = [key for key, _ in urllib.parse.parse_qsl(address.query, keep_blank_values=True)]
    kept = [words, address.scheme, address.netloc, *segments, *keys, address.fragment]
    return set(_LINK_PARTS.split(" ".join(kept).lower()))


def _story_times(tree: HtmlElement, html: str, area: _BylineArea | None = None) -> list[HtmlElement]:
    """The <time>s (no ``itemprop``) of the story's byline area (:func:`_byline_area`) that may give its publication
    time, in page order. No update stamp (:func:`_update_stamp`), and after one only a time beside it
    (:func:`_beside`: "Updated 14:02 · Published 09:00"), so that a page whose byline gives an update stamp alone
    keeps the day alone. A lone ``<time class="updated">`` on a page that marks no <time> as the publication's and
    gives no such modified time is the post's time, as hAtom themes mark it (rev22i2's p6c)."""
    area = _byline_area(tree) if area is None else area
    times = [el for el in area.times if el.get("itemprop") is None]
    stamps = [el for el in times if _update_stamp(el)]
    if len(stamps) == 1 and len(times) == 1 and _lone_updated_class(stamps[0], tree, html, area):
        return stamps
    kept: list[HtmlElement] = []
    beside: HtmlElement | None = None  # the area around the first update stamp, once one is seen
    for el in times:
        if el in stamps:
            if beside is None:
                beside = _beside(el, area.first)
            continue
        if beside is not None and not any(a is beside for a in el.iterancestors()):
            break  # past the byline whose time is an update's: another part of the page
        kept.append(el)
    return kept


# A publication label that ends the text before a time: "Published", "Posted on", "Published at:". Not "First
# published" nor "Originally published": a republished story's line gives its source's time, not its own.
_PUBLISHED_BEFORE = re.compile(r"(?i:(?<!first\s)(?<!originally\s)\b(?:published|posted)(?:\s+(?:on|at))?\s*:?\s*\Z)")


def _published_after_story(tree: HtmlElement, area: _BylineArea) -> list[HtmlElement]:
    """The <time> after the story's first paragraph labelled as the publication's ("Published <time>", as a page
    that sets its byline at the story's end gives it), in the same article, main or body as that paragraph, in none
    of the page's asides, navigation, footer (an <article>'s own <footer> is the story's: WordPress's Twenty
    Twenty-One sets "Published <time>" there), comments or items about other stories (:func:`_another_storys`), in
    no line that credits a source ("This story was originally published ... by the Harbour Wire"); none on a page
    without a first paragraph. None either when the byline area gives an update stamp (a live blog's byline says
    "Updated 14:30", its posts "Posted at 14:00") or when two such times follow the story (a live blog's posts): only
    one time so labelled is the story's. Without a label a time there is another story's more often than not
    (rev22i3's d1 to d7); a wrong time made a copy older than its source (rev23t)."""
    first = area.first
    if first is None or any(_update_stamp(el) for el in area.times):
        return []
    story = next(first.iterancestors(*_STORY_HOLDERS), None)
    holders = set(itertools.chain([first], first.iterancestors()))
    comments: dict[HtmlElement, bool] = {}
    others: dict[HtmlElement, bool] = {}
    past = False
    looked = 0
    found: list[HtmlElement] = []
    for el in tree.iter("time", "p"):
        if el is first:
            past = True
        if not past or el.tag != "time" or el.get("itemprop") is not None:
            continue
        looked += 1
        if looked > _MAX_PASSED_TIMES:
            return []
        parent = el.getparent()
        if (
            not _published_label(el)
            or next(el.iterancestors(*_STORY_HOLDERS), None) is not story
            or _in_page_furniture(el, story)
            or _apart(parent, frozenset(), comments, _COMMENT_PARTS)
            or _another_storys(el, holders, others)
            or _SOURCE_CREDIT.search(_line_text(el)) is not None
        ):
            continue
        found.append(el)
        if len(found) > 1:
            return []
    return found


# A line that opens with a publication label ("Published 7 December", "— Posted on"), and a label after a byline's
# separator ("By Sam Patel · Published"): a label after a word is another's ("Correction published 15:00").
_LABEL_OPENS = re.compile(r"(?i:[^\w]*(?:published|posted)\b)")
_LABEL_AFTER_SEPARATOR = re.compile(r"(?i:[|·•–—]\s*(?:published|posted)(?:\s+(?:on|at))?\s*:?\s*\Z)")


def _published_label(el: HtmlElement) -> bool:
    """Whether <time> ``el`` follows a label that names it the publication's (:data:`_PUBLISHED_BEFORE`), one that
    opens its line or follows a separator. rev23t2 read a footer's "Correction published 15:00" as the story's."""
    lead = _lead_text(el)
    if _PUBLISHED_BEFORE.search(lead) is None:
        return False
    return _LABEL_AFTER_SEPARATOR.search(lead) is not None or _LABEL_OPENS.match(_line_text(el)) is not None


# A line that credits a source: its time is the source's ("first published on harbourwire.example. Published 06:10").
_SOURCE_CREDIT = re.compile(
    r"(?i:\b(?:first|originally)\s+(?:published|posted|appeared|ran)|\bre-?published\b|\bappeared\s+(?:first|"
    r"originally)|\bsyndicated\b|\breproduced\b|\bwith\s+permission\b|\bcourtesy\s+of\b)"
)
_INLINE_TAGS = frozenset({"span", "a", "em", "strong", "small", "b", "i", "abbr", "font"})
_LINE_CHARS = 1000


def _line_text(el: HtmlElement) -> str:
    """The text of the line <time> ``el`` stands in (its nearest ancestor that is no inline element), at most
    _LINE_CHARS characters, its white space collapsed."""
    line = next((a for a in el.iterancestors() if a.tag not in _INLINE_TAGS), None)
    if line is None:
        return ""
    text = ""
    for part in itertools.islice(line.itertext(), _LINE_CHARS):  # a line of thousands of empty elements is none
        text += part
        if len(text) >= _LINE_CHARS:
            break
    return " ".join(text[:_LINE_CHARS].split())


def _in_page_furniture(el: HtmlElement, story: HtmlElement | None) -> bool:
    """Whether ``el`` stands in an aside or navigation below ``story`` (the element that holds the story), or in a
    footer there unless ``story`` is an <article> (whose <footer> is its own: WordPress's "Published <time>")."""
    for above in el.iterancestors():
        if above is story:
            return False
        if above.tag in ("aside", "nav") or (above.tag == "footer" and (story is None or story.tag != "article")):
            return True
    return False


# The class parts of a site's logo or name set in an <h1> (a masthead's "<h1 class='logo'><a href='/'>").
_LOGO_PARTS = frozenset({"logo", "brand", "masthead", "sitename", "site"})


@dataclass(frozen=True)
class _PageNames:
    """What the page's <head> calls it: its <title> and og:title, and its og:site_name (each case-folded, its white
    space collapsed). Read once for all of a page's <h1>s: read for each home-linked one, a page of 120,000 logo
    <h1>s and 200 metas took 161 s (rev24i 7)."""

    titles: tuple[str, ...]
    site: str | None


def _page_names(tree: HtmlElement) -> _PageNames:
    """The page's names (:class:`_PageNames`), from its <head>'s own children alone (the first <title>, the first 200
    metas)."""
    head = tree.getroottree().getroot().find("head")
    if head is None:
        return _PageNames((), None)
    titles = [" ".join(t.text_content().split()).casefold() for t in itertools.islice(head.iterchildren("title"), 1)]
    site: str | None = None
    for meta in itertools.islice(head.iterchildren("meta"), 200):
        prop = meta.get("property")
        content = " ".join((meta.get("content") or "").split()).casefold()
        if prop == "og:title":
            titles.append(content)
        elif prop == "og:site_name" and site is None:
            site = content or None
    return _PageNames(tuple(t for t in titles if t), site)


def _site_logo(h1: HtmlElement, names: _PageNames) -> bool:
    """Whether <h1> ``h1`` is the site's logo or name, not a story's headline: its class says so, or it links to the
    site's home page. With it for the headline, the byline area took in the masthead's times. An <h1> whose text is
    the headline part of the page's <title> or og:title (:func:`_names_the_page`) is the story's whatever it links
    to."""
    if not _class_parts(h1).isdisjoint(_LOGO_PARTS):
        return True
    if not any(_home_link(a) for a in itertools.islice(h1.iter("a"), 3)):
        return False
    return not _names_the_page(h1, names)


def _names_the_page(h1: HtmlElement, names: _PageNames) -> bool:
    """Whether <h1> ``h1``'s text is the headline part of the page's <title> or og:title (:func:`_headline_part`):
    the whole title, or its part before or after the site's name ("Pier rebuild approved | Harbour Herald"). Never
    the site's own name: a logo <h1> linking home is named so by a <title> or og:title that is the site's name alone,
    or that opens with it ("The Harbour Town Herald | Pier rebuild approved"), and read so it made the masthead's
    clock the story's time (rev24i 1). So the text runs to a headline's words and is not the og:site_name."""
    text = " ".join(" ".join(itertools.islice(h1.itertext(), 20)).split()).casefold()
    if len(text.split()) < _HEADLINE_LINK_WORDS or text == names.site:
        return False
    return any(_headline_part(title, text) for title in names.titles)


def _headline_part(title: str, text: str) -> bool:
    """Whether ``text`` is ``title`` whole, or its part before or after a separator ("Ferry - what next | Herald")
    when that part runs to more words than each part of the rest (a site's name and a section are shorter than the
    headline: "The Harbour Town Herald | Pier rebuild approved" names no "The Harbour Town Herald" <h1>)."""
    if title == text:
        return True
    for sep in _TITLE_SEPARATOR.finditer(title):
        before, after = title[: sep.start()], title[sep.end() :]
        rest = after if before == text else before if after == text else None
        if rest is not None:
            return len(text.split()) > max(len(part.split()) for part in _TITLE_SEPARATOR.split(rest))
    return False


# What stands between a <title>'s headline and the site's name: "Headline | Herald", "Headline - Herald".
_TITLE_SEPARATOR = re.compile(r"\s+[|\-\u2013\u2014:\u00b7\u2022]\s+")


def _home_link(a: HtmlElement) -> bool:
    """Whether link ``a`` goes to the site's home page: rel="home", or a path of "/" ("/", "https://herald.example/")
    whose query keys, if any, only track a click or set a site-wide preference (:data:`_HOME_KEY`)."""
    if "home" in (a.get("rel") or "").lower().split():
        return True
    href = (a.get("href") or "").strip()
    try:
        parts = urllib.parse.urlsplit(href)
    except ValueError:  # a malformed address ("http://[") is no home page's
        return False
    # any other query key names a page of the site: WordPress's "/?p=123" and "/?news=<slug>", Drupal's
    # "/?q=node/123" and "/?nid=123", a story's own <h1> link (rev23t3, rev24b 4 read the masthead's clock under it);
    # "?lang=en", "?edition=uk" or "?ref=logo" leave the home page, whose logo <h1> read as the headline made the
    # masthead's clock the story's time (rev24i 1). A list of the keys that name a page missed some (rev24b 4).
    if any(not _HOME_KEY.fullmatch(key) for key, _ in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)):
        return False
    return parts.path == "/" or (bool(parts.netloc) and not parts.path)


# The query keys a link home may carry: those that only track where a click came from, and those that set a
# site-wide preference (language, edition, region, AMP).
_HOME_KEY = re.compile(
    r"ref|source|src|from|via|cmpid|fbclid|gclid|dclid|msclkid|mc_\w+|utm_\w+|_ga"
    r"|lang|language|locale|hl|edition|region|country|amp|outputtype",
    re.IGNORECASE,
)


def _first_prose(tree: HtmlElement, title: HtmlElement | None) -> HtmlElement | None:
    """The first <p> of the story's prose, after its <h1> (``title``, :func:`_title_heading`) when it has one (a
    site's tagline above the story is none): the first of its first run of two paragraphs of prose
    (:func:`_prose_run`), where the story starts after its byline; failing that, the first paragraph of prose. A lone
    paragraph over the byline is a standfirst, the byline's own "By Sam Patel, Political Correspondent" or a lead
    image's caption (rev23old read the day alone past each); None when the page gives no prose."""
    titled = title is None  # whether the <p>s from here on are past the title

    def after_title() -> Iterable[HtmlElement]:
        nonlocal titled
        for p in tree.iter("h1", "p"):
            if p is title:
                titled = True
            elif titled and p.tag == "p":
                yield p

    run, lone = _prose_run(after_title())
    return run if run is not None else lone


def _prose_run(paragraphs: Iterable[HtmlElement]) -> tuple[HtmlElement | None, HtmlElement | None]:
    """The first of the first two paragraphs of prose (:func:`_prose`) side by side among ``paragraphs`` (None when
    none stand so), and the first paragraph of prose (None when none is)."""
    apart: dict[HtmlElement, bool] = {}
    lone: HtmlElement | None = None
    previous: HtmlElement | None = None
    for p in paragraphs:
        if not _prose(p, apart):
            continue
        if previous is not None and _paragraph_before(p) is previous:
            return previous, lone
        lone = p if lone is None else lone
        previous = p
    return None, lone


def _prose(p: HtmlElement, apart: dict[HtmlElement, bool]) -> bool:
    """Whether <p> ``p`` is of the story's prose: _MIN_PROSE_CHARS or more, no <time> in it, in no aside, navigation,
    footer or figure (``apart`` keeps each element's answer), neither a byline nor a standfirst by its class, nor a
    byline by its words (:data:`_BYLINE_LINE`). A standfirst beside a long byline <p> ("By Sam Patel and Jane Doe,
    Harbour Herald reporters") read as the story's first two paragraphs, and the time after them was lost (rev23t)."""
    chars = 0
    for text in p.itertext():
        chars += len(text.strip())
        if chars >= _MIN_PROSE_CHARS:
            break
    if chars < _MIN_PROSE_CHARS or next(p.iter("time"), None) is not None or _apart(p, _NOT_PROSE, apart):
        return False
    if not _class_parts(p).isdisjoint(_NOT_PROSE_PARTS):
        return False
    opening = "".join(itertools.islice(p.itertext(), 20))[: 2 * _BYLINE_CHARS]
    return len(opening) > _BYLINE_CHARS or _BYLINE_LINE.match(opening) is None


# The class parts of a <p> over the story that is none of its prose: a byline, a standfirst.
_NOT_PROSE_PARTS = frozenset({"byline", "author", "standfirst", "dek", "strapline", "subtitle", "subheadline"})
# A byline line: "By Sam Patel and Jane Doe, Harbour Herald reporters", at most _BYLINE_CHARS long and no sentence
# ("By Tuesday the board had agreed." is one).
_BYLINE_CHARS = 120
_BYLINE_LINE = re.compile(r"\s*By\s+[A-Z][^!?]*?(?<![.!?])\s*\Z")


def _paragraph_before(p: HtmlElement) -> HtmlElement | None:
    """The element before <p> ``p`` among its siblings, past empty ones (an advertisement's slot, a script, a
    comment): two paragraphs of a story stand side by side with no byline or other text between them."""
    before = p.getprevious()
    while before is not None and (
        not isinstance(before.tag, str)
        or before.tag in ("script", "style", "noscript", "template", "br")
        or (
            before.tag != "p"
            and next(before.iter("time"), None) is None
            and not any(text.strip() for text in before.itertext())
        )
    ):
        before = before.getprevious()
    return before


def _beside(stamp: HtmlElement, first: HtmlElement | None) -> HtmlElement | None:
    """The part of the page beside update stamp ``stamp`` whose times are its byline's: its parent's parent ("<span>
    Updated 14:02</span> <span>Published 09:00</span>"), but its parent alone when that is the article, main or body
    and the page gives no first paragraph (``first``) to end the byline at: the grandparent alone made a whole
    <article> the byline (rev22i3's d4 read another story's 07:30). With one, only times before it are looked at."""
    parent = stamp.getparent()
    if parent is None:
        return None
    grand = parent.getparent()
    if grand is None or (first is None and grand.tag in _STORY_HOLDERS):
        return parent
    return grand


def _apart(
    el: HtmlElement | None,
    tags: frozenset[str],
    apart: dict[HtmlElement, bool],
    parts: frozenset[str] = frozenset(),
) -> bool:
    """Whether ``el`` is, or stands in, an element with one of ``tags``, or with one of ``parts`` in its class or id.
    ``apart`` keeps each element's answer (for one set of tags and parts), so a page's <time>s are judged in time
    linear in its size however deep they stand."""
    path: list[HtmlElement] = []
    found = False
    while el is not None:
        known = apart.get(el)
        if known is not None:
            found = known
            break
        path.append(el)
        if el.tag in tags or (parts and not _class_parts(el).isdisjoint(parts)):
            found = True
            break
        el = el.getparent()
    for seen in path:
        apart[seen] = found
    return found


def _lone_updated_class(el: HtmlElement, tree: HtmlElement, html: str, area: _BylineArea) -> bool:
    """Whether <time> ``el`` is an update stamp by its class alone (hAtom's ``updated``, no label in its text or
    before it) on a page that marks no <time> as the publication's (by class, one of its byline area ``area``) and
    whose modified-date markup does not give its time: then it is the one time the page gives its post."""
    # hAtom's class itself, not a part of another ("last-updated", "date-updated" are update stamps as any other)
    classes = f"{el.get('class') or ''} {el.get('id') or ''}".lower().split()
    if "updated" not in classes or _update_label(el):
        return False
    if any(_marked_published(other) for other in area.times) or any(
        other.get("itemprop") == "datePublished" for other in tree.iter("time")
    ):
        return False
    modified = [
        m.get("content")
        for m in tree.iter("meta")
        if {m.get("property"), m.get("name"), m.get("itemprop")} & _MODIFIED_META
    ]
    modified += _JSON_LD_MODIFIED.findall(html)[:3]
    own = _normalise_published((el.get("datetime") or "").strip())
    return own is not None and all(_normalise_published((v or "").strip()) != own for v in modified)


# An update stamp's words, in a class or id token of its <time> ("updated", "date-modified", "lastmod") or in the text
# it opens or that leads up to it: "Updated 14:02". A token that says "published" beside it marks the publication
# time: WordPress gives the one time of a story never edited class="entry-date published updated".
_UPDATE_PARTS = frozenset(
    {"update", "updated", "lastupdated", "modified", "datemodified", "lastmodified", "edited", "revised", "lastmod"}
)
_PUBLISHED_PARTS = frozenset({"published", "datepublished", "posted", "pubdate"})
_UPDATE_WORD = re.compile(r"(?i:\b(?:(?:last\s+)?updated|modified|edited|revised)\b)")
# An update label that ends the text before a time: "Updated", "Last updated:", "Updated on", "· Modified at".
_UPDATE_LABEL = re.compile(r"(?i:\b(?:(?:last\s+)?updated|modified|edited|revised)(?:\s*:|\s+(?:on|at))?\s*\Z)")
_STAMP_LEAD_CHARS = 40


def _update_stamp(el: HtmlElement) -> bool:
    """Whether <time> ``el`` gives the time the story was updated, not published: its class or id says so, or the
    words "Updated", "Modified", "Edited" open its text or stand just before it. An "Updated 14:02" time on a page
    whose publication markup gives the day alone was read as the publication time."""
    parts = _class_parts(el)
    if parts & _PUBLISHED_PARTS:
        return False
    if parts & _UPDATE_PARTS:
        return True
    return _update_label(el)


def _update_label(el: HtmlElement) -> bool:
    """Whether the words "Updated", "Modified", "Edited" open <time> ``el``'s text or stand just before it."""
    own = " ".join((el.text or "").split())[:40]
    if _UPDATE_WORD.match(own):
        return True
    # the label is the time's own only right before it ("Published 9:00 · Updated 14:02", "Updated: "): "By Jane Doe,
    # edited by Sam Patel <time>" names an editor, and its time is the publication's
    return _UPDATE_LABEL.search(_lead_text(el)) is not None


def _lead_text(el: HtmlElement) -> str:
    """The last _STAMP_LEAD_CHARS characters of the text just before <time> ``el``: the text before it in its parent,
    or the text of the element just before it ("<span>Updated</span> <time>")."""
    before = el.getprevious()
    parent = el.getparent()
    lead = (before.tail if before is not None else (parent.text if parent is not None else None)) or ""
    if not lead.strip() and before is not None:
        lead = " ".join(before.itertext())[-4 * _STAMP_LEAD_CHARS :]
    # white space collapsed: "originally\n    published" is the label "originally published", not "published"
    return " ".join(lead[-4 * _STAMP_LEAD_CHARS :].split())[-_STAMP_LEAD_CHARS:]


def _publication_markup(
    tree: HtmlElement, html: str, area: _BylineArea | None = None, json_ld: list[dict[str, Any]] | None = None
) -> list[str | None]:
    """The values of the page's markup that names its publication date: date meta tags, the ``datePublished`` of the
    article objects of its JSON-LD (``json_ld``, :func:`_page_json_ld`; parsed here when not given), the story's own
    body microdata (:func:`_own_microdata`), any other JSON ``datePublished`` in the page's text when no article
    object gives one, then a <time> of the byline area (``area``, :func:`_byline_area`) whose class or id marks it as
    the publication's. A time so marked elsewhere is another story's or a comment's (a trending list's, a related
    card's "entry-date published": rev23old read 06:10 and 07:05 from them)."""
    values = [
        el.get("content")
        for el in tree.iter("meta")
        if {el.get("property"), el.get("name")} & set(_PUBLISHED_META)
        or (el.get("itemprop") in _PUBLISHED_META and _in_head(el))
    ]
    area = _byline_area(tree) if area is None else area
    own = _own_microdata(tree, area)
    # the page's article object first: an embedded video's own microdata ranked ahead of it made the story's 09:00
    # the video's 06:10 (rev24i 2)
    articles = [
        o["datePublished"]
        for o in (_page_json_ld(tree) if json_ld is None else json_ld)
        if _article_object(o) and isinstance(o.get("datePublished"), str)
    ]
    values += articles[:3]
    # the story's own body <meta itemprop> ahead of the whole page's JSON text: a VideoObject's or a Next.js data
    # blob's earlier "datePublished" ranked first made the story's 09:00 their 06:10 (rev23t3)
    values += [el.get("content") for el in own if el.tag == "meta"]
    values += [] if articles else _JSON_LD_PUBLISHED.findall(html)[:3]
    values += [el.get("datetime") for el in own if el.tag == "time"]
    values += [el.get("datetime") for el in area.times if el.get("itemprop") is None and _marked_published(el)]
    return values


def _own_microdata(tree: HtmlElement, area: _BylineArea) -> list[HtmlElement]:
    """The page's body microdata that names the publication date (a <time itemprop="datePublished">, a
    <meta itemprop="datePublished">) that is the story's: in no aside, navigation, footer,
    comments or item about another story (:func:`_another_storys`), and not of an embedded thing's own item
    (:func:`_in_other_item`). A related card marked up as a schema.org NewsArticle gives its own datePublished, and
    ranked ahead of the byline it made the story's time a card's 06:10 (rev23t with a <time>, rev23t2 with a
    <meta>)."""
    furniture: dict[HtmlElement, bool] = {}
    comments: dict[HtmlElement, bool] = {}
    others: dict[HtmlElement, bool] = {}
    holders = set(area.holders)
    values: list[HtmlElement] = []
    looked = 0
    for el in tree.iter("time", "meta"):
        if el.get("itemprop") not in (_PUBLISHED_META if el.tag == "meta" else ("datePublished",)) or _in_head(el):
            continue
        looked += 1
        if looked > _MAX_PASSED_TIMES or len(values) >= _MAX_STORY_TIMES:
            break
        parent = el.getparent()
        if not (
            _in_other_item(el)
            or _apart(parent, _PAGE_FURNITURE, furniture)
            or _apart(parent, frozenset(), comments, _COMMENT_PARTS)
            or _another_storys(el, holders, others)
        ):
            values.append(el)
    return values


def _in_other_item(el: HtmlElement) -> bool:
    """Whether microdata ``el`` belongs to an item that is neither an article nor a web page: its nearest
    ``itemscope`` names another type (a VideoObject, an ImageObject, an Event), whose datePublished is its own. An
    embedded video's ``<meta itemprop="datePublished">`` made the story's 09:00 the video's 06:10 (rev24i 2)."""
    scope = next((a for a in el.iterancestors() if a.get("itemscope") is not None), None)
    if scope is None:
        return False
    kind = (scope.get("itemtype") or "").strip().split()
    name = kind[0].rstrip("/").rsplit("/", 1)[-1] if kind else ""
    return bool(name) and not (_JSON_LD_ARTICLE.fullmatch(name) or name.endswith("Page"))


def _in_head(el: HtmlElement) -> bool:
    """Whether ``el`` stands in the page's <head> (whose date markup is the page's own)."""
    return next(el.iterancestors("head"), None) is not None


def _marked_published(el: HtmlElement) -> bool:
    """Whether <time> ``el`` is marked as the publication's: ``itemprop="datePublished"``, or a class or id that says
    published, posted or pubdate (WordPress's ``entry-date published``)."""
    return el.get("itemprop") == "datePublished" or not _class_parts(el).isdisjoint(_PUBLISHED_PARTS)


@dataclass(frozen=True)
class _MarkupDates:
    """What a page's publication-date markup says (see :func:`_publication_dates`)."""

    marked: str | None  # the first publication date read (ISO 8601), else None
    days: frozenset[str]  # the days (YYYY-MM-DD) of every publication date read, <time itemprop> ones too
    disowned: frozenset[str]  # days given by values that are not the story's date: other objects', bad offsets
    two_ways: str | None  # the first publication value that reads two ways ("04/03/2024"), as written
    bad_offset: str | None = None  # the first publication value with an impossible UTC offset, as written
    modified: str | None = None  # the day (YYYY-MM-DD) of the first JSON-LD article object's dateModified read


def _publication_dates(
    tree: HtmlElement, url: str | None = None, json_ld: list[dict[str, Any]] | None = None
) -> _MarkupDates:
    """The page's own publication-date markup: the first date storytrace reads of its date meta tags, then of the
    ``datePublished`` of an article object in its JSON-LD (ISO 8601, with the time when given). htmldate reads
    fewer forms: on a page whose JSON-LD says "datePublished": "March 12, 2024 9:05 PM" it fell back to
    ``dateModified``, a day late. Markup that may be another story's is not read here: an item of a JSON-LD list,
    the page's WebSite object, a <time> in a "Trending" rail all gave a date days or years early, and the earliest
    date is taken for the original in a trace."""
    values = [
        el.get("content")
        for el in tree.iter("meta")
        if {el.get("property"), el.get("name")} & set(_PUBLISHED_META)
        or (el.get("itemprop") in _PUBLISHED_META and not el.xpath("ancestor::*[@itemscope]"))
    ]
    own, others, modified = _json_ld_published(tree, url, json_ld)
    values += own
    times = [el.get("datetime") for el in tree.iter("time") if el.get("itemprop") == "datePublished"]
    marked = two_ways = offset_value = None
    days: set[str] = set()
    disowned: set[str] = set()
    for k, value in enumerate([*values, *times]):
        value = (value or "").strip()
        iso = _normalise_published(value) if value else None
        if iso is not None:
            days.add(iso[:10])
            if marked is None and k < len(values):
                marked = iso
        elif two_ways is None and date_reads_two_ways(value):
            two_ways = value
        elif bad_offset(value):
            offset_value = offset_value or value
            # the day htmldate reads in it, the offset left out
            day = _normalise_published(value[: _TRAILING_OFFSET.search(value).start(1) - 1])  # type: ignore[union-attr]
            disowned.update([day[:10]] if day is not None else [])
    not_the_story: set[str] = set()
    for value in others:
        iso = _normalise_published(value.strip())
        not_the_story.update([iso[:10]] if iso is not None else [])
    disowned |= not_the_story
    modified_day = next((iso[:10] for v in modified if (iso := _normalise_published(v.strip())) is not None), None)
    if modified_day is not None and any(modified_day < day for day in not_the_story):
        # A story modified before the site (its WebSite node) was published: one of the two dates is not this page's,
        # and no date is better than a wrong one (the earliest date is taken for the original in a trace).
        modified_day = None
    return _MarkupDates(marked, frozenset(days), frozenset(disowned), two_ways, offset_value, modified_day)


#: The schema.org types of a story's own JSON-LD object: its ``datePublished`` is the story's.
_JSON_LD_ARTICLE = re.compile(r"(?:\w*Article|BlogPosting|LiveBlogPosting|Report)")


#: The schema.org types whose ``datePublished`` is never the story's: the site's, its publisher's, a person's.
#: A page whose only date is on its WebPage (Yoast's @graph) or VideoObject node is dated by it, and lost the
#: date when every type but an article's was disowned.
_JSON_LD_NOT_STORY = re.compile(
    r"(?:WebSite|\w*Organization|Corporation|Person|Brand|Product|Offer|\w*Event|Place|\w*Business|ItemList|"
    r"BreadcrumbList|SiteNavigationElement|ImageObject|Book|Movie|Course|SoftwareApplication|WebApplication)"
)


def _article_object(obj: Mapping[str, Any]) -> bool:
    """Whether JSON-LD object ``obj`` is of an article type (:data:`_JSON_LD_ARTICLE`)."""
    kinds = obj.get("@type")
    return any(
        isinstance(k, str) and _JSON_LD_ARTICLE.fullmatch(k) for k in (kinds if isinstance(kinds, list) else [kinds])
    )


def _json_ld_published(
    tree: HtmlElement, url: str | None = None, json_ld: list[dict[str, Any]] | None = None
) -> tuple[list[str], list[str], list[str]]:
    """The ``datePublished`` values of the article objects of the page's JSON-LD, at its top level or in its
    ``@graph``, those of its objects that are not the story (the site's WebSite, its Organization; any other
    object's too, a WebPage's, when an article object gives a date), and the ``dateModified`` value of its article
    object when the page has one only; not of the items of a list (related stories). On a page of several article
    objects (a related story's beside the story's, or before it), whose ``dateModified`` is the story's cannot be
    told: the first one dated the page by another story. Nor when that one object's headline is not the page's (a
    related story's object alone). ``url``: the page's own address, when known."""
    values: list[str] = []
    others: list[str] = []
    unsure: list[str] = []
    modified: list[dict[str, Any]] = []
    stories = 0
    for obj in _page_json_ld(tree) if json_ld is None else json_ld:
        kinds = obj.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        story = _article_object(obj)
        stories += story
        if story and isinstance(obj.get("dateModified"), str):
            modified.append(obj)
        if not isinstance(obj.get("datePublished"), str):
            continue
        if story:
            values.append(obj["datePublished"])
        elif any(isinstance(k, str) and _JSON_LD_NOT_STORY.fullmatch(k) for k in kinds):
            others.append(obj["datePublished"])
        else:
            unsure.append(obj["datePublished"])
    # (judged once, of the one article object: whether a page that shows no title is the object's reads its text)
    own = [o["dateModified"] for o in modified if stories == 1 and _object_of_page(o, tree, url)]
    return values, others + (unsure if values else []), own


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _object_of_page(obj: Mapping[str, Any], tree: HtmlElement, url: str | None = None) -> bool:
    """Whether a JSON-LD article object is the page's own story, as far as its headline (:func:`_headline_of_page`)
    or, on a page that shows no title, its address tells. ``url``: the page's own address, when known."""
    pages = _urls_of_page(tree, url)
    # (a link to the object's own url is no sign: a related story's object and its teaser's link give the same one)
    if _headline_of_page(obj.get("headline"), tree, pages):
        return True
    return _shown_titles(tree) == [] and _any_same_url(_object_urls(obj, pages), pages)


def _shown_titles(tree: HtmlElement) -> list[str]:
    """The words of the titles the page shows: <title>, <h1>, og:title."""
    shown = [
        *(el.text_content() for el in tree.iter("title", "h1")),
        *(el.get("content") or "" for el in tree.iter("meta") if el.get("property") == "og:title"),
    ]
    return [w for w in map(_words, shown) if w]


def _urls_of_page(tree: HtmlElement, url: str | None) -> set[str]:
    """The page's addresses (:func:`_same_url`): ``url``, its canonical address and its og:url."""
    given = [
        url,
        *(el.get("href") for el in tree.iter("link") if (el.get("rel") or "").lower() == "canonical"),
        *(el.get("content") for el in tree.iter("meta") if el.get("property") == "og:url"),
    ]
    given = [u.strip() for u in given if isinstance(u, str) and u.strip()]
    base = next((u for u in given if "//" in u), None)
    return {_same_url(u, base) for u in given} - {""}


def _object_urls(obj: Mapping[str, Any], pages: set[str]) -> set[str]:
    """A JSON-LD object's addresses, its ``url`` and ``mainEntityOfPage``, as :func:`_same_url` gives them; a relative
    one against a page address's site."""
    entity = obj.get("mainEntityOfPage")
    ids = [obj.get("url"), entity, entity.get("@id") if isinstance(entity, dict) else None]
    base = next((f"https://{p.split('/', 1)[0]}/" for p in sorted(pages) if not p.startswith("/")), None)
    return {_same_url(u, base) for u in ids if isinstance(u, str) and u.strip()} - {""}


def _any_same_url(ours: set[str], theirs: set[str]) -> bool:
    """Whether an address of ``ours`` is one of ``theirs`` (:func:`_same_url`); a path with no site given (a relative
    address with nothing to join it to) is compared with the others' paths."""

    def path(url: str) -> str:
        return url if url.startswith("/") else "/" + url.partition("/")[2]

    return bool(ours & theirs) or any(
        (a.startswith("/") or b.startswith("/")) and path(a) == path(b) != "/" for a in ours for b in theirs
    )


def _same_url(url: str, base: str | None) -> str:
    """``url`` as the same page's address is written every way: joined to ``base`` when relative, with no scheme,
    "www.", query, fragment or trailing "/", in lower case ("http://www.site/News/a/?utm=x#top" is "site/news/a")."""
    from urllib.parse import urljoin, urlsplit

    url = url.strip()
    try:
        parts = urlsplit(urljoin(base, url) if base else url)
    except ValueError:  # an address the page made up ("http://[")
        return ""
    host = parts.netloc.lower().rsplit("@", 1)[-1]
    host = host.removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}".casefold()


def _headline_of_page(headline: object, tree: HtmlElement, own_links: set[str] | None = None) -> bool:
    """Whether a JSON-LD object's ``headline`` is the page's own (in its <title>, og:title or <h1>, or they in it); true
    of an object that gives none. On a page that shows none of those, the headline must stand in the page's text
    outside its links (a heading of another kind): a related story's object alone, its headline nowhere or only in a
    teaser's link, had dated such a page by the related story's dateModified. A link to one of ``own_links`` (the
    page's own addresses, :func:`_same_url`) is the page's: a WordPress theme sets its headline in one. The headline
    is read with its HTML entities ("Mayor&#039;s") and, there, also without a " | Site" or " - Site" after it."""
    return _headline_matcher(tree, own_links or set())(headline)


def _headline_matcher(tree: HtmlElement, own_links: set[str]) -> Callable[[object], bool]:
    """:func:`_headline_of_page` for many headlines of one page: its titles, and its text outside links when it shows
    none, read once (read again for each of a page's thousand JSON-LD objects, they cost time quadratic in its size)."""
    shown = _shown_titles(tree)
    outside: list[str] = []

    def of_page(headline: object) -> bool:
        if not isinstance(headline, str) or not _words(headline):
            return True
        headline = html_module.unescape(headline)
        wanted = _words(headline)
        if not shown:
            if not outside:
                outside.append(f" {_words(_text_outside_links(tree, own_links))} ")
            text = outside[0]
            bare = _words(_SITE_AFTER_HEADLINE.sub("", headline))
            # What is left must still be a headline: "Ferry terminal — five things to know" is no "Ferry terminal" of
            # a site, and those two words stand in many a story's body.
            return any(f" {w} " in text for w in {wanted, bare if len(bare.split()) >= 4 else ""} if w)
        # Whole words, and a short title (a site name, "Gazette") only when it is the whole headline: a related
        # story's "Gazette readers pick ..." holds the site name and is not the page's own.
        return any(
            w == wanted or (len(w.split()) >= 3 and (f" {w} " in f" {wanted} " or f" {wanted} " in f" {w} "))
            for w in shown
        )

    return of_page


# A site's name after a headline: "Harbour plan approved | Harbour Gazette", "... - Harbour Gazette"
_SITE_AFTER_HEADLINE = re.compile(r"\s+[|–—-]\s+[^|–—]{1,60}$")


def _text_outside_links(tree: HtmlElement, own_links: set[str]) -> str:
    """The words of the page's body but for its scripts, styles, comments and links, other than those to one of
    ``own_links`` (:func:`_same_url`)."""
    from lxml import etree

    body = tree.find("body")
    if body is None:
        return ""
    body = copy.deepcopy(body)  # the page's own tree is read again after this
    base = next((f"https://{p.split('/', 1)[0]}/" for p in sorted(own_links) if not p.startswith("/")), None)
    for link in list(body.iter("a")):
        href = link.get("href")
        if not (isinstance(href, str) and href.strip() and _any_same_url({_same_url(href, base)}, own_links)):
            link.drop_tree()
    etree.strip_elements(body, etree.Comment, "script", "style", "noscript", "template", with_tail=False)
    return " ".join(body.itertext())


_TRAILING_COMMA = re.compile(r",(\s*[}\]])")
# A JavaScript comment outside a string, or a string (group 1, kept as it is). Every branch matches to the end of
# the text when unclosed, so that a block of "/*" or '"' is read once, not once for each of them.
_JS_COMMENT = re.compile(r'("(?:[^"\\]|\\.)*+(?:"|\\?\Z))|/\*(?:[^*]|\*(?!/))*+(?:\*/|\Z)|//[^\n]*+', re.DOTALL)


def _lenient_json(text: str) -> Any:
    """A JSON-LD block's value, read as browsers' consumers (search engines) read it: raw line breaks inside strings,
    a trailing comma, an HTML comment or CDATA wrapper, JavaScript comments and a closing semicolon, as CMS templates
    leave them, are let through. Such a block was skipped, and the modified date it sits beside taken for the
    publication date. None when it still does not parse."""
    text = text.strip()
    for attempt in range(2):
        try:
            return json.loads(text, strict=False)
        except (ValueError, RecursionError):
            if attempt:
                return None
        text = re.sub(r"^(?:<!--|//\s*<!\[CDATA\[|<!\[CDATA\[)|(?:-->|//\s*\]\]>|\]\]>)$", "", text).strip()
        text = _JS_COMMENT.sub(lambda m: m.group(1) or " ", text)
        text = _TRAILING_COMMA.sub(r"\1", text.rstrip(";").strip())
    return None


def _marked_time(page: HtmlElement) -> str | None:
    """The date of the <time itemprop="datePublished"> elements of ``page`` (the page less its teaser cards) that
    stand in no rail, box or list of other stories, when they agree on one; else None. A date it would have to pick
    from several is left out."""
    dates = set()
    for el in page.iter("time"):
        if el.get("itemprop") != "datePublished" or el.xpath(
            "ancestor::*[self::aside or self::nav or self::header or self::footer or self::li]"
        ):
            continue
        iso = _normalise_published((el.get("datetime") or "").strip())
        if iso is not None:
            dates.add(iso)
    return dates.pop() if len(dates) == 1 else None


_NUMERIC_DATE_IN_PAGE = re.compile(r"(?<![\d/.-])(\d{1,2})([/-])(\d{1,2})\2(\d{4})(?![\d/-])")


def _ambiguous_date_behind(html: str, iso: str) -> str | None:
    """The date as the page writes it when that is all htmldate had to go on and it reads two ways ("04/05/2024":
    4 May or April 5), else None. htmldate picks one reading without a word; a wrong date can decide which of two
    copies counts as the original, so such a date is left unread, and the caller says so."""
    year, month, day = int(iso[:4]), int(iso[5:7]), int(iso[8:10])
    if month == day:
        return None
    ambiguous = next(
        (
            m.group(0)
            for m in _NUMERIC_DATE_IN_PAGE.finditer(html)
            if int(m[4]) == year and {int(m[1]), int(m[3])} == {month, day}
        ),
        None,
    )
    if ambiguous is None:
        return None
    names = "|".join(name for name, number in MONTH_NUMBERS.items() if number == month)
    written_out = (
        rf"{year}-0?{month}-0?{day}(?!\d)|{year}/0?{month}/0?{day}(?!\d)|"
        rf"(?<!\d)0?{day}(?:st|nd|rd|th)?\.?\s+(?i:{names})\.?,?\s+{year}|(?i:{names})\.?\s+0?{day}(?:st|nd|rd|th)?,?\s+{year}"
    )
    return None if re.search(written_out, html) else ambiguous


# The story's own <article> must hold at least this share of the text in all of a page's <article> elements,
# and this many times the text of any other, before the others are dropped as teasers: a page that wraps each
# paragraph or each live-blog entry in one is left whole.
_MAIN_ARTICLE_SHARE = 0.4
_MAIN_ARTICLE_LEAD = 3.0


def _main_article_only(tree: HtmlElement) -> HtmlElement | None:
    """A copy of the page without the <article> elements that are not the story: teaser cards and
    "more on this" boxes, before or after it or nested in it, whose summaries trafilatura otherwise
    takes for the story's own paragraphs. None when the page has one <article> or no clear main one.
    The page's head is kept, so title and metadata still come from it."""
    import copy

    # the page's own <article>s, as its copy holds them: "//article" also finds those a second page in the same file
    # leaves after the root element (two pages saved end to end), which a copy of the root does not hold
    articles = list(tree.iter("article"))
    if len(articles) < 2:
        return None
    page = copy.deepcopy(tree)
    articles = list(page.iter("article"))

    def own_prose(article: HtmlElement) -> int:
        # All of its text, not only its <p>s (some sites set a story in <div>s), less what nested articles hold.
        nested = [a for a in article.iterdescendants("article") if next(a.iterancestors("article")) is article]
        return len(" ".join(article.text_content().split())) - sum(
            len(" ".join(a.text_content().split())) for a in nested
        )

    prose = [own_prose(a) for a in articles]
    best = max(range(len(articles)), key=prose.__getitem__)
    runner_up = max(x for k, x in enumerate(prose) if k != best)
    if prose[best] < _MAIN_ARTICLE_SHARE * sum(prose) or prose[best] < _MAIN_ARTICLE_LEAD * runner_up:
        return _without_teaser_cards(page, articles)
    keep = {id(articles[best]), *(id(a) for a in articles[best].iterancestors("article"))}
    for article in articles:
        if id(article) not in keep and article.getparent() is not None:
            article.drop_tree()
    return page


# A teaser card: an <article> of at most this much text, at most one <p>, under a headline that is a link elsewhere.
_TEASER_MAX_CHARS = 400
# The page must keep this much paragraph text outside the cards, or it is a section front made of them, left as it is.
_TEASER_PAGE_REST = 500
# Page furniture whose text is no story: a footer or an inline script beside a section front's cards is not a story
# the cards could be dropped for.
_NOT_STORY = (
    "ancestor-or-self::*[self::script or self::style or self::nav or self::header or self::footer or self::aside]"
)


def _without_teaser_cards(page: HtmlElement, articles: list[HtmlElement]) -> HtmlElement | None:
    """``page`` without its teaser cards ("More stories" set as <article>s next to a story that is in no <article>
    of its own), when it holds at least two and keeps the story; else None. Their summaries were read as the
    story's paragraphs. Cards are dropped only where they stand apart from the story's text, in a rail or box of
    their own: a live blog's entries and a page of news in brief share their container with the page's text,
    and the entries of a live blog link to the page itself."""

    def link_path(href: str) -> str:
        path = re.sub(r"^[a-z][a-z0-9+.-]*://[^/?#]*", "", href.strip(), flags=re.IGNORECASE)
        return path.split("#")[0].split("?")[0]

    def card_link(article: HtmlElement) -> str | None:
        if len(" ".join(article.text_content().split())) > _TEASER_MAX_CHARS or len(article.xpath(".//p")) > 1:
            return None
        for heading in article.xpath(".//h1|.//h2|.//h3|.//h4|.//h5|.//h6"):
            links = [a for a in heading.iter("a") if not (a.get("href") or "#").startswith("#")]
            text = " ".join(heading.text_content().split())
            if text and links and " ".join(" ".join(a.text_content() for a in links).split()) == text:
                return link_path(links[0].get("href") or "")
        return None

    links = {a: card_link(a) for a in articles if not any(True for _ in a.iterdescendants("article"))}
    own = {link_path(v) for v in page.xpath("//link[@rel='canonical']/@href|//meta[@property='og:url']/@content")}
    paths = [path for path in links.values() if path is not None]
    # Links that differ only in their query or fragment ("?post=3", "#entry-3") point into one page: the entries
    # of a live blog, not teasers for other stories.
    shared = {path for path in paths if paths.count(path) > 1} | own
    cards = [a for a in articles if links.get(a) is not None and links[a] not in shared]
    body = page.find(".//body")
    if len(cards) < 2 or body is None:
        return None
    # Sets of the elements themselves, which keep them alive: lxml makes a new proxy, with a new id(), for an
    # element no Python object holds.
    in_cards = {p for card in cards for p in card.iter("p")}
    rest = [p for p in body.iter("p") if p not in in_cards and not p.xpath(_NOT_STORY)]
    if sum(len(" ".join(p.text_content().split())) for p in rest) < _TEASER_PAGE_REST:
        return None
    own_text = {p for p in rest if p.text_content().strip()}

    def apart(card: HtmlElement) -> bool:
        # The card's box: its nearest ancestor that holds another card. A box that holds text of the page's own
        # (a live blog's summary, a page of briefs under its intro) is the page's content, not a rail of teasers.
        others = {c for c in cards if c is not card}
        for box in card.iterancestors():
            if any(a in others for a in box.iter("article")):
                return not any(p in own_text for p in box.iter("p"))
        return False

    dropped = [card for card in cards if apart(card)]
    if len(dropped) < 2:
        return None
    for card in dropped:
        if card.getparent() is not None:
            card.drop_tree()
    return page


def _without_marked_boxes(
    tree: HtmlElement, main: HtmlElement | None, json_ld: list[dict[str, Any]]
) -> HtmlElement | None:
    """``main`` (the page when None) less the boxes it marks as no part of the story (:mod:`storytrace.boxes`):
    subscription offers, reader call-outs and related-story lists that are furniture through and through, and the
    picture links of quoted posts. ``main`` itself when it has none, so such a page is read as it always was; else a
    copy (``tree`` is read again for the page's metadata). ``json_ld``: the page's JSON-LD objects
    (:func:`_page_json_ld`)."""

    from storytrace.boxes import without_boxes

    page = tree if main is None else main
    found = without_boxes(page, _paywalled_parts(json_ld))
    if not found:
        return main
    if main is None:
        page, found = _copy_with(tree, found)
    for box in found:
        if box.getparent() is not None:
            box.drop_tree()
    return page


def _copy_with(tree: HtmlElement, found: list[HtmlElement]) -> tuple[HtmlElement, list[HtmlElement]]:
    """A copy of ``tree`` and the elements of it that stand where ``found`` stand in ``tree``, found by walking both
    trees side by side (one pass; a second search would be two)."""
    page = copy.deepcopy(tree)
    at = {el: k for k, el in enumerate(found)}
    found = list(found)
    for original, copied in zip(tree.iter(), page.iter(), strict=True):
        k = at.get(original)
        if k is not None:
            found[k] = copied
    return page, found


def _posts_as_shown(tree: HtmlElement, main: HtmlElement | None) -> HtmlElement | None:
    """``main`` (the page when None) with its embedded posts' markup set as a reader sees it
    (:func:`storytrace.boxes.post_markup_to_show`): Instagram's caption and "A post shared by ... on <time>" line
    were dropped, Reddit's "by<a>u/name</a>" read glued. ``main`` itself when there is none of it; else a copy, as
    ``tree`` is read again for the page's dates (a post's <time> must stay one there, in its quote)."""
    from storytrace.boxes import post_markup_to_show, show_post_markup

    page = tree if main is None else main
    found = post_markup_to_show(page)
    if not found:
        return main
    if main is None:
        page, found = _copy_with(tree, found)
    for el in found:
        show_post_markup(el)
    return page


_SELECTOR_NAME = re.compile(r"[.#]([\w-]{1,100})")


def _paywalled_parts(json_ld: list[dict[str, Any]]) -> frozenset[str]:
    """The classes and ids (lower case) the page's JSON-LD objects name as the part of the story behind its paywall
    (``hasPart: {"isAccessibleForFree": false, "cssSelector": ".paywall"}``, as search engines ask such pages to mark
    it): that part is the story's text, whatever its class says."""
    names: set[str] = set()
    for obj in json_ld:
        parts = obj.get("hasPart")
        for part in parts if isinstance(parts, list) else [parts]:
            selector = part.get("cssSelector") if isinstance(part, dict) else None
            if isinstance(selector, str):
                names.update(n.lower() for n in _SELECTOR_NAME.findall(selector[:1000]))
    return frozenset(names)


#: At most this many JSON-LD objects of a page are read (a page gives a few; a hostile one thousands).
_MAX_JSON_LD_OBJECTS = 500


def _page_json_ld(tree: HtmlElement) -> list[dict[str, Any]]:
    """The objects of the page's JSON-LD blocks, at their top level and in their ``@graph``, each block parsed once
    (:func:`_lenient_json`), at most _MAX_JSON_LD_OBJECTS of them."""
    objects: list[dict[str, Any]] = []
    for script in tree.xpath("//script[@type='application/ld+json']"):
        data = _lenient_json(script.text or "")
        if data is None:
            continue
        top = data if isinstance(data, list) else [data]
        for o in list(top):  # (the top level first, then each @graph: the order dates are read in)
            graph = o.get("@graph") if isinstance(o, dict) else None
            top += graph if isinstance(graph, list) else []
        objects += [o for o in top if isinstance(o, dict)]
        if len(objects) >= _MAX_JSON_LD_OBJECTS:
            break
    return objects[:_MAX_JSON_LD_OBJECTS]


@dataclass(frozen=True)
class _Body:
    paragraphs: list[str]
    #: the object says the story is behind a paywall (``isAccessibleForFree: false``): the page shows less than the
    #: story, however little less
    locked: bool


#: A JSON-LD ``articleBody`` longer than this is not read (a story is far shorter; the cap bounds the work on a page).
_MAX_BODY_CHARS = 1_000_000


#: At most this many story objects with a body are judged for being the page's own (a page gives one or a few).
_MAX_STORY_OBJECTS = 50


def _json_ld_body(tree: HtmlElement, url: str | None, json_ld: list[dict[str, Any]]) -> tuple[_Body | None, set[str]]:
    """The paragraphs of the ``articleBody`` of the page's own story object, or None, and the words
    (:func:`_body_key`) of every story object's body. Its own: its headline is the page's
    (:func:`_headline_of_page`), or its address is; one that names neither only when it is the page's one story
    object. None when the page's own objects give different bodies: a related story's body is never read.
    ``json_ld``: the page's JSON-LD objects (:func:`_page_json_ld`)."""
    stories: list[dict[str, Any]] = []
    for obj in json_ld:
        kinds = obj.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if isinstance(obj.get("articleBody"), str) and any(
            isinstance(k, str) and _JSON_LD_ARTICLE.fullmatch(k) for k in kinds
        ):
            stories.append(obj)
            if len(stories) >= _MAX_STORY_OBJECTS:
                break
    if not stories:
        return None, set()
    given = {_body_key(o["articleBody"]) for o in stories if len(o["articleBody"]) <= _MAX_BODY_CHARS}
    bodies: set[str] = set()
    locked = False
    pages = _urls_of_page(tree, url)
    headline_of_page = _headline_matcher(tree, pages)  # (the page's titles read once, not once an object)
    for obj in stories:
        if isinstance(obj.get("headline"), str) and _words(obj["headline"]):
            own = headline_of_page(obj["headline"])
        else:
            ids = _object_urls(obj, pages)
            own = _any_same_url(ids, pages) if ids else len(stories) == 1
        if own:
            bodies.add(obj["articleBody"])
            locked = locked or str(obj.get("isAccessibleForFree")).strip().casefold() == "false"
    if len(bodies) != 1:
        return None, given
    body = bodies.pop()
    paragraphs = _body_paragraphs(body) if len(body) <= _MAX_BODY_CHARS else []
    return (_Body(paragraphs, locked) if paragraphs else None), given


# A line of an articleBody that a page sets apart from its story: a caption or credit ("Photo: ...", "... Credit: Jane
# Doe / Site"), a link to another story ("READ MORE: ...", "Related: ..."). Short lines only.
_BODY_FURNITURE = re.compile(
    r"(?i:(?:photo(?:graph)?|picture|image|pic|video|watch|read\s+more|related|see\s+also|more\s+on\s+this)\s*:|"
    r".{0,200}\b(?:photo\s+|image\s+|picture\s+)?credits?\s*:\s*[^.!?]{1,80}$)"
)
_BODY_FURNITURE_CHARS = 250


def _body_without_furniture(paragraphs: list[str]) -> list[str]:
    """An articleBody's paragraphs less captions, credits and links to other stories, which a page shows apart from
    the story (in a figure, a box) and its body runs in with the text."""
    return [p for p in paragraphs if not (len(p) <= _BODY_FURNITURE_CHARS and _BODY_FURNITURE.match(p))]


# Characters the extractor drops from the text it gives (soft hyphens, zero-width and control characters, C1 ones too):
# a body that holds one must still be known for the block made of it.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _body_key(text: str) -> str:
    """The words of an ``articleBody``, or of a block the extractor made of one."""
    return _words(_INVISIBLE.sub("", text))


# Markup in an articleBody, escaped or not: a tag a story's text is set in. No repeat that could backtrack.
_ESCAPED_TAG = re.compile(r"&lt;/?(?:p|br|div|h[1-6]|li|ul|ol|em|strong|a|span|b|i|blockquote)\b", re.IGNORECASE)
_BODY_TAG = re.compile(r"</?(?:p|br|div|h[1-6]|li|ul|ol|em|strong|a|span|b|i|blockquote|figure|img)\b", re.IGNORECASE)
#: Elements that end a paragraph in an articleBody given as markup.
_BODY_BLOCKS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figure", "section", "tr")


def _body_paragraphs(body: str) -> list[str]:
    """An ``articleBody``'s paragraphs: split on blank lines, or on single newlines when it has no blank line. A body
    given as markup, escaped ("&lt;p&gt;") or not, is read for its text alone, parsed by lxml (which runs and fetches
    nothing), its scripts, styles and captions left out."""
    import lxml.html
    from lxml import etree

    if _ESCAPED_TAG.search(body):
        body = html_module.unescape(body)
    if _BODY_TAG.search(body):
        try:
            root = lxml.html.fragment_fromstring(body, create_parent="div")
        except (ValueError, TypeError, etree.ParserError):
            return []
        for el in list(root.iter("script", "style", "noscript", "template", "iframe", "figcaption")):
            if el.getparent() is not None:
                el.drop_tree()
        for el in root.iter(*_BODY_BLOCKS):
            el.tail = "\n\n" + (el.tail or "")
            el.text = "\n\n" + (el.text or "")
        for el in root.iter("br"):
            el.tail = "\n" + (el.tail or "")
        body = root.text_content()
    else:
        body = html_module.unescape(body)
    parts = re.split(r"\n[^\S\n]*\n", body) if re.search(r"\n[^\S\n]*\n", body) else body.split("\n")
    return [line for line in (" ".join(part.split()) for part in parts) if line]


#: How much more of the story a JSON-LD body its object says is paywalled must hold than the page shows to be read
#: in its place: this many times the words, and this many more words (a sentence more is the story's rest).
_LOCKED_FULLER = 1.1
_LOCKED_MORE_WORDS = 8


def _fuller(body: _Body, shown: list[str]) -> bool:
    """Whether ``body`` (its object says it is paywalled: only such a body is read) is the story ``shown`` (the
    page's paragraphs) is cut from: more of it, and the paragraphs of prose the page shows are the body's first
    paragraphs of prose, one for one, in order (what a cut page shows is the body's start), captions, credits and
    links to other stories aside. A body that runs a caption, a newsletter line or a call-out in among the paragraphs
    the page shows is no cut copy of it (rev22i's j1): when unsure, the page's own text is read."""
    body_words = _words(" ".join(body.paragraphs))
    n_body, n_shown = len(body_words.split()), len(_words(" ".join(shown)).split())
    fuller, more = _LOCKED_FULLER, _LOCKED_MORE_WORDS
    if n_body < fuller * n_shown or n_body - n_shown < more:
        return False
    prose = [w for w in (_words(p) for p in shown if len(p) >= _MIN_PROSE_CHARS) if w]
    # (less the captions, credits and links to other stories it is read without: :func:`_body_without_furniture`)
    given = [
        w for w in (_words(p) for p in _body_without_furniture(body.paragraphs) if len(p) >= _MIN_PROSE_CHARS) if w
    ]
    if not prose or prose[0] not in given:
        return False
    at = given.index(prose[0])
    # a body paragraph before it the page shows within its first paragraph ("A? A? B." shown once, as the extractor
    # drops the repeat) is shown; any other is a paragraph the page does not show: no cut copy
    seen = f" {' '.join(prose)} "
    if any(f" {w} " not in seen for w in given[:at]):
        return False
    return prose == given[at : at + len(prose)]


_BLOCK_TAGS = frozenset({"p", "head", "item", "quote", "list", "table", "row", "cell", "code", "div"})
_LINE_BREAK = "\x00"  # stands for <lb/> while a block is flattened; lxml text never contains NUL


def _paragraphs(body: _Element) -> list[str]:
    """One string per block of trafilatura's output tree.

    Walking the tree (rather than splitting trafilatura's text on newlines) tells a paragraph break
    from a <br> inside a paragraph: the first becomes a blank line, the second stays a single "\\n",
    so a sentence broken by <br> is not cut in two; two <br> in a row (a blank line, the paragraphs of a
    page that has no <p>) part paragraphs. Raw newlines left in text by stripped inline tags are
    source-code whitespace and are collapsed like any other.
    """
    if len(body) == 1 and body[0].tag == "p" and len(body[0]) == 0 and "\n" in (body[0].text or ""):
        # trafilatura's last resort is a dump of every text node on the page, one per line
        return [line for line in (" ".join(raw.split()) for raw in (body[0].text or "").split("\n")) if line]

    out: list[str] = []

    def leaf_text(el: _Element) -> list[str]:
        parts: list[str] = []

        def walk(node: _Element) -> None:
            if node.tag == "lb":
                parts.append(_LINE_BREAK)
            elif node.text:
                parts.append(node.text)
            for child in node:
                walk(child)
                if child.tail:
                    parts.append(child.tail)

        walk(el)
        paragraphs: list[list[str]] = [[]]
        for line in (" ".join(line.split()) for line in "".join(parts).split(_LINE_BREAK)):
            if line:
                paragraphs[-1].append(line)
            elif paragraphs[-1]:
                paragraphs.append([])
        return ["\n".join(lines) for lines in paragraphs if lines]

    def add(text: str) -> None:
        if text:
            out.append(text)

    def visit(el: _Element) -> None:
        if not any(d.tag in _BLOCK_TAGS for d in el.iterdescendants()):
            for paragraph in leaf_text(el):
                add(paragraph)
            return
        add(" ".join((el.text or "").split()))
        for child in el:
            if child.tag in _BLOCK_TAGS:
                visit(child)
            else:
                for paragraph in leaf_text(child):
                    add(paragraph)
            add(" ".join((child.tail or "").split()))

    # Text between the top blocks (a lede set after the headline with <br>s, not in a <p>) is the body's
    # own text and the blocks' tails: left out, the story lost its first paragraph.
    add(" ".join((body.text or "").split()))
    for child in body:
        visit(child)
        add(" ".join((child.tail or "").split()))
    return out


def _control_texts(tree: HtmlElement) -> set[str]:
    """Texts of links and buttons on the page: a paragraph that is nothing but these is navigation,
    a share bar or a related-articles list, not article prose."""
    from storytrace.boxes import post_caption_links

    captions = post_caption_links(tree)  # an embedded post's caption: words of the post's
    texts: set[str] = set()
    for el in tree.iter("a", "button"):
        if el in captions:
            continue
        text = " ".join(el.text_content().split())
        if text:
            texts.add(text.casefold())
    return texts


_SEPARATORS = re.compile(r"[\s|/·•,;:–—-]+")
_MAX_CONTROL_LINE = 200


def _is_control_only(paragraph: str, controls: set[str]) -> bool:
    if len(paragraph) > _MAX_CONTROL_LINE:
        return False
    rest = paragraph.casefold()
    if rest in controls:
        return True
    for text in sorted((t for t in controls if t in rest), key=len, reverse=True):
        rest = re.sub(rf"(?<!\w){re.escape(text)}(?!\w)", " ", rest)
    return not _SEPARATORS.sub("", rest)


# Conservative: each rule matches a whole short paragraph that is a caption, credit, share bar,
# newsletter or social-media plug, or a "Read more" link. Real prose longer than _MAX_JUNK_LINE is
# never dropped.
_MAX_JUNK_LINE = 300
_NETWORKS = (
    r"(?:facebook|twitter|x|whatsapp|linkedin|instagram|tiktok|youtube|threads|bluesky|telegram|reddit|"
    r"pinterest|mastodon|messenger|flipboard|email|e-mail)"
)
_JUNK_PATTERNS = [
    # "... Photo: Kit Brennard/Harbour Gazette", "Image credit: Northgate Transit Authority"
    re.compile(
        rf"(?:^|.*[\s.;,(\[])(?i:photo(?:graph)?s?|pictures?|pic|images?|illustrations?|video|footage)"
        rf"(?i:\s+credits?)?\s*:\s*{NAME}[.)\]]?\s*"
    ),
    # "... (Reuters/Jane Doe)", "... (AP Photo/Jane Doe)", "... [Getty Images]"
    re.compile(rf".*[(\[]\s*{NAME}\s*/\s*{NAME}\s*[)\]]\s*"),
    re.compile(rf"(?i:.*[(\[]\s*{AGENCY}(?:\s+via\s+[^)\]]+)?\s*[)\]]\s*)"),
    # a credit on its own: "Getty Images", "AFP via Getty Images", "Credit: Jane Doe"
    re.compile(
        rf"(?i:(?:(?:photo|image|picture)s?(?:\s+credits?)?\s*:?\s*)?{AGENCY})"
        rf"(?:\s*(?i:via|/|\|)\s*{NAME})?\.?"
    ),
    re.compile(rf"(?i:(?:photo\s+|image\s+|picture\s+)?credits?)\s*:\s*{NAME}\.?"),
    # share bars
    re.compile(
        rf"(?i:(?:share(?:\s+this(?:\s+(?:article|story|page|post))?)?(?:\s+(?:on|via))?(?:[\s,|/]+{_NETWORKS})*"
        rf"|{_NETWORKS}(?:[\s,|/·•]+{_NETWORKS})*|copy(?:\s+the)?\s+link|link copied|tweet|print(?:\s+this)?"
        r"(?:\s+(?:article|page|story))?|save(?:\s+(?:article|story))?|\d+\s+comments?|comments?)\s*[:.!]?)"
    ),
    # newsletter boxes
    re.compile(
        r"(?i:.*\b(?:sign(?:ing)?[ -]?up|subscribe|register)\b.{0,80}\bour\b.{0,60}"
        r"\b(?:newsletters?|inbox)\b.*)"
    ),
    re.compile(r"(?i:(?:get|receive)\b.{0,80}\b(?:newsletters?|(?:in|to) your inbox)\b.*)"),
    # "Sign up for the Morning Briefing: ...": the imperative and whose newsletter it is, in a short line; "Sign-up
    # was slow, officials said at a briefing" is news
    re.compile(
        r"(?=.{0,200}$)(?i:sign[ -]?up(?:\s+(?:now|today|here|free))?\s+(?:for|to)\s+(?:(?:our|the|this)\b.{0,60}?"
        r"\b(?:newsletters?|briefing|bulletin)\b|.{0,80}\b(?:in|to) your inbox\b).*)"
    ),
    re.compile(
        r"(?i:by (?:signing up|subscribing|registering|clicking|entering your e-?mail)\b.{0,200}"
        r"\b(?:privacy|terms|agree|consent)\b.*)"
    ),
    re.compile(r"(?i:.*\bunsubscribe at any time\b.*|enter your e-?mail(?: address)?\b.*)"),
    # social-media plugs
    re.compile(rf"(?i:(?:follow|like|join|find)\s+(?:us|@\w+)\b.{{0,120}}\b{_NETWORKS}\b.*)"),
    re.compile(rf"(?i:follow)\s+{NAME}\s+(?i:on)\s+(?i:{_NETWORKS})\.?"),
    # related-article lead-ins
    re.compile(
        r"(?i:(?:read more|read also|also read|related(?:\s+(?:articles?|stories|content|coverage))?|"
        r"see also|more on this story|more from\s[\w ]{1,40}|recommended(?: for you)?|most read|"
        r"you may also like|you might also like)\s*(?:[:：|>»–-].*)?)"
    ),
    # advertising, cookie notices, copyright lines
    re.compile(
        r"(?i:advertisement|advertising|sponsored(?: content)?|promoted|"
        r"(?:story|article) continues below(?: (?:this )?advertisement)?|"
        r"scroll to continue(?: with content)?)"
    ),
    re.compile(r"(?i:.*\bwe use cookies\b.*|accept (?:all )?cookies)"),
    # a time stamp on its own ("Updated May 14, 2024, 11:02 a.m. ET", "Published 14 May 2024, 09:30 BST ·
    # Updated 15 May 2024"): the date is metadata, and a stamp left in the text is an "added" sentence
    re.compile(rf"{STAMP}(?:\s*[·•|]\s*{STAMP})*"),
    # ...after a byline: "By Jane Doe | Published 14/05/2024"
    re.compile(rf"(?i:by)\s+{NAME}\s*[|·•,–—-]\s*{STAMP}(?:\s*[·•|]\s*{STAMP})*"),
    # a live blog's entry stamps, a time ago on its own: "2 hours ago" (a time of day: TIME_STAMP)
    re.compile(
        r"(?i:(?:(?:updated|posted|published|last\s+updated)\s*:?\s*)?"
        r"(?:(?:\d+|an?|one)\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|weeks?)\s+ago|just\s+now))"
    ),
    # a byline on its own: "By Jaan Tamm and Mari Kask", "By Jaan Tamm, Baltic Gazette", "By Jane Doe, staff writer";
    # not a clause set in capitals ("By Friday, Crews Had Cleared The Road", "BY DAWN, IT WAS OVER")
    re.compile(rf"(?!{BY_CLAUSE})(?i:by)\s+{NAME}(?:\s*,\s*(?:{NAME}|{ROLE}))?(?:\s*,\s*{NAME})?\.?"),
    # ...and one whose outlet, role or date follows a dash or a bar (BYLINE_PERSON): "By Jane Doe — AP"
    re.compile(
        rf"(?i:by)\s+{BYLINE_PEOPLE}(?:\s*,\s*{BYLINE_DASH_OUTLET})?(?:\s*[|·•–—]\s*{BYLINE_DASH_OUTLET}){{1,3}}\.?"
    ),
    # ...and its label left alone when the date itself was a <time> element the extractor dropped
    re.compile(r"(?i:(?:first\s+)?(?:published|updated|last\s+updated|posted|modified)(?:\s+(?:on|at))?\s*:?)"),
    # audio players and reading-time labels
    re.compile(
        r"(?i:listen to (?:this )?(?:article|story)(?:\s*[·•|:-]?\s*\d+\s*min(?:ute)?s?)?|"
        r"\d+\s*min(?:ute)?s?\s+(?:read|listen)|reading time:?\s*\d+\s*min(?:ute)?s?)"
    ),
    # credits for the reporting: "Additional reporting by Sam Kerr.", "(Reporting by Jane Doe; Editing by Al Roe)"
    REPORTING_CREDIT,
    # ...as wire stories end: "Associated Press writer Kevin Freking contributed to this report.", "Reuters reporters
    # Ana Ruiz and Tom Bell contributed reporting from Paris."
    re.compile(
        rf"(?:{NAME}\s+(?i:(?:staff\s+)?(?:writers?|reporters?|correspondents?|journalists?))\s+)?{NAME}"
        rf"(?:\s*,\s*(?:and\s+)?{NAME})*\s+(?i:contributed\s+(?:reporting|to\s+this\s+(?:report|story|article)))"
        rf"(?:\s+(?i:from)\s+{NAME})?\.?"
    ),
    # a rule between the story and its notes ("___", "* * *"): no word of the story
    re.compile(r"[\s_*~=#•·.–—-]+"),
    # tip-line plugs: "Have a story? Email us at news@herald.example"
    re.compile(r"(?i:(?:have|got)\s+an?\s+(?:story|news\s+tip|tip)\b.{0,120}(?:@|\bget in touch\b|\bcontact us\b).*)"),
    re.compile(r"(?i:(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4})).*|all rights reserved\.?)"),
]


def _is_junk(paragraph: str) -> bool:
    if len(paragraph) > _MAX_JUNK_LINE:
        return False
    return any(p.fullmatch(paragraph) for p in _JUNK_PATTERNS)


# Anything that may be a time of day on its own line, a stamp or not: "6.15", "7.45".
_TIME_LIKE = re.compile(r"(?i:(?:at\s+)?\d{1,2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\b\.?)?(?:\s+[a-z]{2,5})?)")


# Paragraphs are put back in page order only on pages up to this size (each is looked up in the page's text).
_REORDER_MAX_PARAGRAPHS = 300
_REORDER_MAX_CHARS = 1_000_000
_REORDER_KEY = 80


def _in_page_order(paragraphs: list[str], page: HtmlElement) -> list[str]:
    """``paragraphs`` in the order the page gives them, when each of them stands in the page's text once and the
    extractor moved some: on a live blog whose entries are <article>s it set the first entry before the headline
    and the standfirst. Left as they are when any of them is not found once (a text the extractor joined
    differently), or the page is large."""
    if len(paragraphs) < 2 or len(paragraphs) > _REORDER_MAX_PARAGRAPHS:
        return paragraphs
    body = page.find(".//body")
    text = " ".join((body if body is not None else page).text_content().split())
    if len(text) > _REORDER_MAX_CHARS:
        return paragraphs
    positions = []
    for paragraph in paragraphs:
        key = " ".join(paragraph.split())[:_REORDER_KEY]
        at = text.find(key)
        if at < 0 or text.find(key, at + 1) >= 0:
            return paragraphs
        positions.append(at)
    if positions == sorted(positions):
        return paragraphs
    return [p for _, p in sorted(zip(positions, paragraphs, strict=True), key=lambda pair: pair[0])]


def _page_stamps(tree: HtmlElement, extracted: set[str]) -> int:
    """How many elements of the page hold a time of day alone, with no time of day in an element beside them, and
    one of the ``extracted`` paragraphs' text: a live blog's entry stamps as the page sets them (the extractor may
    leave out some of them, a repeated "9pm"). Not the times of a "Latest" rail beside the story, which made a lone
    "5 PM" in it a live blog's stamp."""

    def stamp_like(el: Any, pattern: re.Pattern[str]) -> bool:
        text = el.text if isinstance(el.tag, str) and len(el) == 0 else None
        return text is not None and len(text) < 40 and pattern.fullmatch(text.strip()) is not None

    count = 0
    for el in tree.iter():
        if stamp_like(el, TIME_STAMP) and " ".join(el.text.split()) in extracted:
            before, after = el.getprevious(), el.getnext()
            if not any(other is not None and stamp_like(other, _TIME_LIKE) for other in (before, after)):
                count += 1
    return count


def _entry_stamps(paragraphs: list[str], page_stamps: int = 0) -> set[int]:
    """The positions of the live-blog entry stamps in ``paragraphs``: a time of day on its own, before an entry,
    where at least two such stamps head entries. A time with another beside it is kept: a list of times ("6.15",
    "7.45", "9.30 pm") is a timetable's content. So is a lone one: "5 AM" set apart in a story is a line of it,
    not a live blog's stamp, and was lost. ``page_stamps``: how many the page holds (:func:`_page_stamps`)."""

    def time_like(k: int) -> bool:
        return 0 <= k < len(paragraphs) and _TIME_LIKE.fullmatch(paragraphs[k].strip()) is not None

    stamps = {
        k
        for k, p in enumerate(paragraphs[:-1])
        if TIME_STAMP.fullmatch(p.strip()) and not time_like(k - 1) and not time_like(k + 1)
    }
    return stamps if max(len(stamps), page_stamps) >= _MIN_ENTRY_STAMPS else set()


_MIN_ENTRY_STAMPS = 2


def _clean_paragraphs(
    paragraphs: Iterable[str], controls: set[str], title: str | None, page_stamps: int = 0
) -> list[str]:
    paragraphs = list(paragraphs)
    stamps = _entry_stamps(paragraphs, page_stamps)
    kept = [
        p for k, p in enumerate(paragraphs) if k not in stamps and not _is_junk(p) and not _is_control_only(p, controls)
    ]
    # The headline is kept in Article.title; leaving it in the text too would make an HTML page and a
    # plain-text copy of the same story differ by a first "sentence".
    if kept and title:
        # A kicker or section label ("Coastal defense") may stand above the headline: drop it with it.
        for k, paragraph in enumerate(kept[:3]):
            if _is_title(paragraph, title):
                if all(_is_label(p) for p in kept[:k]):
                    del kept[: k + 1]
                break
        # The extractor sometimes sets the <h1> after the lede (a live blog whose entries open with a time stamp):
        # the headline word for word is still the headline there.
        headline = " ".join(title.split()).casefold()
        kept = [p for p in kept if " ".join(p.split()).casefold() != headline]
    notes = {k for k, p in enumerate(kept) if _boilerplate_note(p, at_an_end=False)}
    # Notes at an end of the body, a run of them too: a correction above an editor's note at the foot, each at an end
    # once the other is gone. Past the body's very first or last paragraph, a note with no label only when it says
    # plainly it is of the story: a run of notes had taken the lead after a top editor's note ("Due to an editing
    # error at the county clerk's office, 300 ballots were mailed ...") for one more.
    for order in (range(len(kept)), range(len(kept) - 1, -1, -1)):
        for at, k in enumerate(order):
            if k not in notes and not _boilerplate_note(kept[k], at_an_end=True, outermost=at == 0):
                break
            notes.add(k)
    if any(len(p) >= _MIN_PROSE_CHARS for k, p in enumerate(kept) if k not in notes):
        # (a page whose one paragraph opens with a note keeps it: the story may run on after the note in it)
        kept = [p for k, p in enumerate(kept) if k not in notes]
    return _without_pull_quotes(kept)


# An editor's note or correction label opening a paragraph: "Editor's note:", "Editor’s Note —",
# "Correction (March 6):", "CLARIFICATION:". "Correction" and "clarification" take a colon or a dash, not a full
# stop or a hyphen ("Corrections-department officials said ...").
_EDITORS_NOTE = re.compile(r"(?i:editors?['’]?s?\s+note(?:\s*\([^()]{0,40}\))?\s*[:.—–-])")
_CORRECTION_LABEL = re.compile(r"(?i:(?:corrections?|clarifications?)(?:\s*\([^()]{0,40}\))?\s*[:—–])\s*")
# What follows a correction label in a line of the story, not a note: an amount ("Corrections: $9.8 million, up 6%",
# a department's line in a budget list). A bare number is no amount: "Correction: 14 March 2024. This article ...".
_AMOUNT = re.compile(
    r"[$€£¥]|\d[\d.,]*\s*(?:%|(?i:percent|per\s+cent|million|billion|bn|m|k)\b)|(?i:(?:usd|eur|gbp|rs\.?|r\$)\s*\d)"
)
# What a note on the story says of the story, not of its subject: "this story has been updated to ...", "this article
# contains descriptions of ...", "it originally appeared in ..."
_NOTE_ON_THE_STORY = re.compile(
    r"(?i:\b(?:this|the)\s+(?:story|article|report|piece|post|version|column|interview)\b[^.]{0,60}?"
    r"\b(?:(?:has|have)\s+been|was|were|is)\s+(?:updated|corrected|amended|edited|changed|revised|condensed)"
    r"|\bcontains?\s+(?:graphic\s+|disturbing\s+)?(?:descriptions?|details|references|images|content|language)\b"
    r"|\boriginally\s+(?:appeared|published|ran)\b|\ban\s+earlier\s+version\b|\bupdated\s+to\s+(?:include|reflect|"
    r"correct|clarify)\b|\bpart\s+of\s+(?:a|an|our)\s+(?:series|collaboration|partnership)\b)"
)
# ...and what a correction says of the story's error: "misstated", "incorrectly reported", "should have said",
# "two piers, not three".
_ERROR_IN_THE_STORY = re.compile(
    r"(?i:,\s+not\s+\w|\b(?:misstated|misstates|misidentified|misidentifies|misspelled|misspelt|misquoted|misattributed|"
    r"incorrectly|erroneously|wrongly|mistakenly)\b|\bshould\s+have\s+(?:said|read|been|stated|identified)\b)"
)

# A word for the story itself, beside which error words make a correction note mid-story.
_THE_STORY_ITSELF = re.compile(
    r"(?i:\b(?:this|our|an?\s+(?:earlier|previous|prior))\s+(?:story|article|report|piece|post|version|headline|"
    r"caption|column)\b|\bwe\s+(?:misstated|misidentified|misspelled|misquoted|incorrectly|erroneously|wrongly|"
    r"mistakenly|reported)\b)"
)

# A note with no label, as sites set it at the top or the foot of a story: "A previous version of this article
# misstated ...", "An earlier version of this story ...", "Due to an editing error, ...", "This article has been
# updated to ...", "This is a developing story". Of the story itself, not of its subject: "An earlier version of the
# bill ..." is news. An error of a kind a story about anything may report ("Due to a production error, 2,000 cars
# were recalled") makes a note only beside a word for the story itself (_THE_STORY_ITSELF); "the story" only beside
# error words ("An earlier version of the story misstated ..."). "This story was changed" is a note when it goes on
# as notes do ("... to include", "... on March 5", "... for clarity"), not as a tale's does ("This story was changed
# by the studio after test screenings": a film review's last line).
_UNLABELLED_NOTE = re.compile(
    r"(?i:(?:an?|the)\s+(?:previous|earlier|prior|original)\s+version\s+of\s+(?P<whose>this|our|the)\s+"
    # (not "this story's plot": the story a film or a novel tells)
    r"(?:story|article|piece|post|column|headline|(?:photo\s+)?caption|graphic)(?![\w'’-])"
    r"|due\s+to\s+an?\s+(?:(?P<editing>editing|editor['’]?s|editorial)|production|reporting|typographical|"
    r"transcription|translation|technical)\s+(?:error|mistake)\b"
    r"|this\s+(?:story|article|piece|post|column)\s+(?:has\s+been|was|is\s+being|will\s+be)\s+"
    r"(?:updated|corrected|amended|revised|edited|changed)(?=\s*(?:[.;,(—–-]|$)|\s+(?:to|on|at|with|"
    r"throughout|because|from|and\s+(?:(?:was|has\s+been|will\s+be)\s+)?(?:updated|corrected|amended|revised|expanded)|"
    r"for\s+(?:clarity|accuracy|length|style|brevity|legal\s+reasons))\b)"
    r"|this\s+is\s+a\s+(?:developing|breaking)\s+(?:news\s+)?story(?=\s*(?:[.!]|$)|\s*[,;—–-]?\s*(?:and\s+)?"
    r"(?:it\s+|this\s+(?:story|article|page|post)\s+|we\s+)?(?:will|may)\s+be\s+updated\b|\s*[;—–-]\s*"
    r"(?:please\s+)?(?:check|refresh)\b))"
)
# A paragraph longer than this that opens like a note is taken for the story's text run on after it (a scrape that
# lost the line break after the note).
_MAX_UNLABELLED_NOTE = 500


def _unlabelled_note(paragraph: str, outermost: bool = True) -> bool:
    """Whether ``paragraph``, at an end of the body, is a note with no label. Not ``outermost`` (after another note at
    that end), only one that says plainly it is of this story's text ("A previous version of this article ...",
    "... updated to include ...", error words beside a word for the story): a run of notes had taken a story's lead
    for one more."""
    m = _UNLABELLED_NOTE.match(paragraph)
    if m is None or len(paragraph) > _MAX_UNLABELLED_NOTE:
        return False
    whose = (m.group("whose") or "").lower()
    story_error = _ERROR_IN_THE_STORY.search(paragraph) is not None and _THE_STORY_ITSELF.search(paragraph) is not None
    if not outermost:
        if whose in ("this", "our") or _UPDATED_TO.search(paragraph) is not None or story_error:
            return True
        # Beyond another note only the two wordings news may open with stay text: "An earlier version of the
        # bill ...", "Due to an editing error at the clerk's office, 300 ballots ..." (after a note, a story's lead).
        if whose == "the" or m.group(0).lower().startswith("due"):
            return whose != "the" and _THE_STORY_ITSELF.search(paragraph) is not None
        # a note's own few words ("This story has been updated.", "... corrected on March 5."), not a sentence
        # that goes on ("This story has been corrected, the novelist told the festival, because ...")
        return len(paragraph) - m.end() <= _NOTE_TAIL
    if whose == "the":
        return _ERROR_IN_THE_STORY.search(paragraph) is not None
    if m.group(0).lower().startswith("due"):
        # An editing error, too, may be news ("Due to an editing error at the county clerk's office, 300 ballots were
        # mailed to the wrong addresses", "... the novel's first printing left out ..."): only beside a word for the
        # story itself, or, of an editor's error, its error words ("... the mayor's name was misspelled").
        return _THE_STORY_ITSELF.search(paragraph) is not None or (
            m.group("editing") is not None and _ERROR_IN_THE_STORY.search(paragraph) is not None
        )
    return True


_NOTE_TAIL = 45
_UPDATED_TO = re.compile(
    r"(?i:\b(?:updated|corrected|amended|revised)\s+to\s+(?:include|reflect|correct|clarify|show)\b)"
)


def _boilerplate_note(paragraph: str, at_an_end: bool, outermost: bool = True) -> bool:
    """Whether ``paragraph`` is an editor's note on the story rather than a line of it: one that opens or closes the
    body, or that speaks of the story ("this story was updated ..."). A note mid-story with news ("Editor's note: the
    council's own figures, released after this story was first published, show ...") is the story's text. A
    correction or clarification label makes a note only of a paragraph that speaks of the story (wherever it
    stands) or of its error (at an end of the body), and never of one whose label an amount follows: "Corrections:
    $9.8 million, up 6%" closes a county budget's list of departments. A note with no label makes one only at an end
    of the body (:func:`_unlabelled_note`; ``outermost``: with no other note beyond it)."""
    # No length bound, unlike the junk lines': a note that says at length how the story was updated is no less a note.
    correction = _CORRECTION_LABEL.match(paragraph)
    if correction is not None:
        if _AMOUNT.match(paragraph, correction.end()):
            return False
        # Error words make a note at an end of the body, or mid-story beside a word for the story itself ("This
        # article misstated ..."): mid-story alone, "Corrections: the prison system wrongly released 200 inmates" is
        # a line of an audit's list about the corrections department.
        return _NOTE_ON_THE_STORY.search(paragraph) is not None or (
            _ERROR_IN_THE_STORY.search(paragraph) is not None
            and (at_an_end or _THE_STORY_ITSELF.search(paragraph) is not None)
        )
    if not _EDITORS_NOTE.match(paragraph):
        # (unlabelled, only at an end: mid-story, "This story has been updated ..." may open a paragraph of news)
        return at_an_end and _unlabelled_note(paragraph, outermost)
    return at_an_end or _NOTE_ON_THE_STORY.search(paragraph) is not None


_PULL_QUOTE_MIN_WORDS = 5
_QUOTE_MARKS = "\"'“”‘’«»„"


# Characters of holding paragraphs one page may search for pull quotes (a search costs its holder's length, so a
# 1 MB paragraph is no cheaper than many short ones): far more than a real page needs. A hostile page of thousands of
# distinct captions sharing words runs out of it, and keeps its later short paragraphs: a pull quote left in is a
# repeated sentence, a hang is no result at all.
_PULL_QUOTE_BUDGET = 50_000_000


def _without_pull_quotes(paragraphs: list[str]) -> list[str]:
    """Drop a short paragraph whose words all stand, in order, inside another paragraph: a pull quote set
    again in large type. Left in, it is a second copy of a sentence the story already has."""
    keys = [" ".join(p.casefold().translate({ord(c): " " for c in _QUOTE_MARKS}).split()) for p in paragraphs]
    # Comparing every short paragraph with every other was quadratic: 20,000 captions took minutes. A pull quote of
    # words w1 .. wn stands in another paragraph only if that one has w2 .. wn-1 as whole words (w1 and wn may be
    # cut), so only the paragraphs that share its rarest inner word trigram are looked at, each distinct text once
    # (a page of captions repeats one text thousands of times).
    quotes: dict[int, list[tuple[str, ...]]] = {}
    for k, (paragraph, key) in enumerate(zip(paragraphs, keys, strict=True)):
        words = key.strip(" .,;:!?…—–-").split()
        if len(paragraph) <= _MAX_JUNK_LINE and len(words) >= _PULL_QUOTE_MIN_WORDS:
            quotes[k] = [tuple(words[i : i + 3]) for i in range(1, len(words) - 3)]
    wanted = {trigram for trigrams in quotes.values() for trigram in trigrams}
    copies = Counter(keys)
    holders: dict[tuple[str, ...], list[str]] = {}
    for other in copies:
        words = other.split()
        for trigram in {tuple(words[i : i + 3]) for i in range(len(words) - 2)} & wanted:
            holders.setdefault(trigram, []).append(other)
    budget = _PULL_QUOTE_BUDGET
    kept = []
    # (the answer for each distinct quote text: 20,000 copies of a caption held by one long paragraph searched it
    # 20,000 times)
    answers: dict[str, bool] = {}
    for k, paragraph in enumerate(paragraphs):
        repeated = False
        own = keys[k]
        if k in quotes and own in answers:
            repeated = answers[own]
        elif k in quotes and budget > 0:
            key = own.strip(" .,;:!?…—–-")
            for other in min((holders[trigram] for trigram in quotes[k]), key=len):
                # (a paragraph holds its own words; a second copy of it counts as another paragraph)
                if other == own and copies[own] == 1:
                    continue
                budget -= len(other)  # a search costs the holder's length
                if len(other) > len(key) and key in other:
                    repeated = True
                    break
                if budget <= 0:
                    break
            answers[own] = repeated
        if not repeated:
            kept.append(paragraph)
    return kept


def _is_label(paragraph: str) -> bool:
    words = paragraph.split()
    return 0 < len(words) <= 6 and not paragraph.rstrip().endswith((".", "!", "?", '"', "\u201d"))


def _is_title(line: str, title: str) -> bool:
    a, b = " ".join(line.split()).casefold(), " ".join(title.split()).casefold()
    return a == b or (b.startswith(a) and bool(re.match(r"\s*[|:·•–—-]\s", b[len(a) :])))


def _meta_content(tree: HtmlElement, prop: str) -> str | None:
    for el in tree.iter("meta"):
        if prop in (el.get("property"), el.get("name")):
            value = " ".join((el.get("content") or "").split())
            if value:
                return value
    return None


def _site_name(sitename: str | None, tree: HtmlElement, title: str | None) -> str | None:
    """trafilatura's site name, unless it is the headline part of the <title>. With no site-name markup,
    trafilatura takes the part of "Headline | Site" that holds a full stop, meant for "example.com"; a
    headline with "U.S." or "Aug." in it became the outlet ("Mitt Romney came to coal country on Aug."), and
    every such page an outlet of its own in scan's outlets.csv. The headline part is the one the extracted
    title matches (else the one of most words); in its place only a part that is a domain name ("nytimes.com") is taken:
    another part may name a section, and a wrong outlet is worse than none. "Senate passes bill | St. Louis
    Post" keeps "St. Louis Post"."""
    if not sitename:
        return None
    if len(sitename.split()) == 1:
        return sitename
    from trafilatura.metadata import examine_title_element

    _, *found = examine_title_element(tree)
    parts = [p for p in found if p]
    words = sitename.split()
    if not any(p.split() == words for p in parts):
        return sitename  # from the page's markup, not from its <title>
    wanted = title.split() if title else None
    headline = next((p for p in parts if p.split() == wanted), max(parts, key=lambda p: len(p.split())))
    if headline.split() != words:
        return sitename
    return next((p for p in parts if len(p.split()) == 1 and "." in p and p.split() != words), None)


def _title_element(tree: HtmlElement) -> str | None:
    el = tree.find(".//title")
    if el is None:
        return None
    return " ".join(el.text_content().split()) or None


# --------------------------------------------------------------------------------------------------
# Bytes -> text

_BOMS: list[tuple[bytes, str]] = [
    (b"\xff\xfe\x00\x00", "utf-32-le"),  # before UTF-16 LE, whose BOM is its prefix
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
]
# Only signatures no article could start with. Formats whose headers carry NUL bytes anyway (BMP,
# RIFF, MP3, Ogg, fonts) are caught by the NUL test; "BM" alone would flag a story about BMW.
_BINARY_MAGIC = (
    b"%PDF-",
    b"PAR1",  # Parquet (no corpus format read here: export it as JSONL or CSV)
    b"PK\x03\x04",  # zip, docx, epub, odt
    b"PK\x05\x06",
    b"\x89PNG\r\n\x1a\n",
    b"\x1f\x8b",  # gzip
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",  # JPEG
    b"\x7fELF",
    b"\xfd7zXZ\x00",
    b"7z\xbc\xaf\x27\x1c",
    b"Rar!\x1a\x07",
    b"\x28\xb5\x2f\xfd",  # zstd
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",  # old MS Office
    b"SQLite format 3\x00",
)
# C0 controls other than \t \n \v \f \r, plus DEL; ESC counts too (it is not article text either).
_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 32), 127])
_CONTROL_SAMPLE = 65_536
_MAX_CONTROL_SHARE = 0.05
# Legacy encodings a news text plausibly uses: when charset-normalizer ties (it cannot tell cp1250
# from cp1252 on French, and calls a short German line "mac_iceland"), the first of these wins.
_PREFERRED_LEGACY = (
    "cp1252",
    "iso8859_15",
    "latin_1",
    "cp1250",
    "cp1251",
    "koi8_r",
    "cp1253",
    "iso8859_7",
    "cp1254",
    "cp1255",
    "cp1256",
    "cp1257",
    "cp1258",
    "iso8859_2",
    "cp932",
    "shift_jis",
    "euc_jp",
    "gb18030",
    "gbk",
    "gb2312",
    "big5",
    "big5hkscs",
    "euc_kr",
    "cp949",
    "iso2022_jp",
    "tis_620",
    "cp874",
)
# Browsers read these labels as the wider encoding, and pages written on Windows rely on it.
_WHATWG_ALIASES = {
    label: wider
    for wider, labels in {
        "cp1252": ("iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii"),
        "cp1254": ("iso-8859-9", "iso8859-9", "latin5"),
        "cp874": ("tis-620", "iso-8859-11"),
        "gb18030": ("gb2312", "gbk", "x-gbk"),
    }.items()
    for label in labels
}
_VALID_NON_ASCII = re.compile("[^\x00-\x7f\ufffd]")
_MAX_CHAOS = 0.1
_MIN_COHERENCE = 0.1
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def decode_bytes(data: bytes, *, name: str, charset: str | None = None) -> str:
    """Decode an input file's bytes without guessing wrong.

    UTF-8 (with or without BOM) and BOM-marked UTF-16/32 are taken as they are. Anything else is
    decoded only when charset-normalizer is confident and the result reads as language, because
    silent mojibake would become "differences" in a report. A leading BOM is dropped; nothing else
    is changed, so offsets into the result map back onto the file. ``charset`` is one the transport
    declared (an HTTP Content-Type header in a WARC record): it comes before a page's own <meta charset>,
    as in a browser.
    """
    label = _one_line(name)
    binary = InputError(f"{label}: looks like a binary file, not article text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as err:
                raise InputError(
                    f"{label}: invalid {encoding.upper()} text at byte {err.start + len(bom)} "
                    "(the file starts with a byte-order mark for that encoding)"
                ) from None
            if _control_share(text) > _MAX_CONTROL_SHARE or "\x00" in text:
                raise binary
            return text

    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        if _control_share(utf16) > _MAX_CONTROL_SHARE or "\x00" in utf16:
            raise binary
        return utf16

    if data.startswith(_BINARY_MAGIC) or b"\x00" in data:
        raise binary
    sample = data[:_CONTROL_SAMPLE]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > _MAX_CONTROL_SHARE * len(sample):
        raise binary

    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        utf8_error = err

    # Valid UTF-8 sequences around the bad bytes mean a UTF-8 file with damage, not a legacy
    # encoding; any single-byte decoding of it would turn every accented letter into mojibake.
    if damaged_utf8(data):
        raise InputError(
            f"{label}: not valid UTF-8 (invalid byte 0x{data[utf8_error.start]:02x} at byte "
            f"{utf8_error.start}); re-save the file as UTF-8"
        )

    declared = _DECLARED_CHARSET.search(data[:4096])
    for named in (charset, declared.group(1).decode("ascii") if declared else None):
        if not named:
            continue
        encoding = named.strip().strip("\"'").lower()
        encoding = _WHATWG_ALIASES.get(encoding, encoding)
        codec = _codec_name(encoding)
        if codec in _ISO_WESTERN_CODECS and _C1_BYTES.search(data) and not _iso_letters_in_words(data, codec):
            # bytes 0x80-0x9F are C1 controls in the label's code page, no text's: the page was written in the
            # windows-1252 that extends it ("charset=iso-8859-15" on curly quotes). Not when ISO 8859-15's own
            # letters stand in its words ("Šarapova"): one stray byte had turned them all to windows-1252's symbols.
            encoding = "cp1252"
        if not encoding.startswith(("utf", "ucs")):
            try:
                text = data.decode(encoding)
            except (LookupError, UnicodeDecodeError):
                continue
            if _codec_name(encoding) in _ISO_WESTERN_CODECS:
                text = text.translate(_C1_AS_WINDOWS_1252)  # the stray punctuation a page in ISO 8859-15 kept
            # A wrong label: a server's default "charset=ISO-8859-1" on a page written in windows-1251 decodes
            # without an error, into Latin letters that read as nothing. What the bytes say beats the label then,
            # only when the label's reading is plainly garbage and theirs is not.
            mess = _mess(text)
            if mess > _MOJIBAKE:
                detected = _detect_legacy(data)
                if detected is not None and _mess(detected) <= min(_MAX_CHAOS, mess / 4):
                    return detected
            return text

    detected = _detect_legacy(data)
    if detected is None:
        raise InputError(f"{label}: cannot tell the text encoding (not UTF-8); re-save the file as UTF-8")
    return detected


# Mojibake is judged on at most this many characters around the non-ASCII ones: enough for a verdict, and a
# large page costs no more than a small one.
_MOJIBAKE_SAMPLE = 20_000
# charset-normalizer's mess ratio over which a declared charset's reading is garbage: right labels measured at most
# 0.14 on pages dense in symbols ("14 € — « c’est »"), wrong ones 1 to 3 (windows-1251, Greek, Hebrew, Arabic, CJK
# read as windows-1252).
_MOJIBAKE = 0.5


def _mess(text: str) -> float:
    """charset-normalizer's mess ratio of ``text``, judged on the stretches around its non-ASCII characters, where a
    wrong charset shows (0 for ASCII text)."""
    from charset_normalizer.md import mess_ratio

    parts: list[str] = []
    size = 0
    for m in re.finditer(r"[^\x00-\x7f]+", text):
        part = text[max(0, m.start() - 20) : m.end() + 20]
        parts.append(part)
        size += len(part)
        if size >= _MOJIBAKE_SAMPLE:
            break
    return mess_ratio(" ".join(parts), 1.0) if parts else 0.0


def damaged_utf8(data: bytes) -> bool:
    """True for bytes that are UTF-8 with some damage rather than a legacy encoding: valid UTF-8 sequences around the
    bad bytes (at least as many as the bad ones)."""
    lenient = data.decode("utf-8", errors="replace")
    return len(_VALID_NON_ASCII.findall(lenient)) >= lenient.count("\ufffd")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a byte-order mark (some Windows tools, a page whose <meta charset> says utf-16),
    told by its zero bytes: text in a Latin script has a zero in every other byte, on the same side. None when
    the bytes do not look like that or do not decode."""
    sample = data[:_CONTROL_SAMPLE]
    if len(data) % 2 or len(sample) < 8:
        return None
    half = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > 0.6 * half and even < 0.02 * half:
        encoding = "utf-16-le"
    elif even > 0.6 * half and odd < 0.02 * half:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _detect_legacy(data: bytes) -> str | None:
    encoding = legacy_encoding(data)
    if encoding is None:
        return None
    try:
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None


def legacy_encoding(data: bytes) -> str | None:
    """The legacy encoding (a Python codec name) ``data`` reads as language in, as :func:`decode_bytes` judges it for
    a file that is not UTF-8; None when no encoding reads it so (binary data, a mix of encodings)."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        return None
    best = matches[0]
    tied = [m for m in matches if m.chaos <= best.chaos + 0.01 and m.coherence >= best.coherence - 0.01]
    rank = {enc: i for i, enc in enumerate(_PREFERRED_LEGACY)}

    def preference(match: Any) -> tuple[int, str]:
        # A match stands for every code page that reads the bytes as it does (``could_be_from_charset``): one
        # listed as "cp1250" may be windows-1252's reading too, and is known by the most preferred of them.
        return min(((rank[e], e) for e in match.could_be_from_charset if e in rank), default=(len(rank), ""))

    preferred = sorted((m for m in tied if preference(m)[1]), key=preference)
    choice = preferred[0] if preferred else best
    encoding = preference(choice)[1] or str(choice.encoding)
    if choice.chaos > _MAX_CHAOS:
        return None
    # No language evidence and an exotic code page: more likely noise than text.
    if choice.coherence < _MIN_COHERENCE and encoding not in rank:
        return None
    if encoding in _WESTERN_CONFUSIONS and _reads_as_western(data, choice, matches):
        encoding = "cp1252"
    return plausible_code_page(data, encoding)


# The code pages charset-normalizer takes a short Western text in windows-1252 for: DOS and Mac pages ("Côte d'Ivoire"
# read as Baltic cp775, French as Mac Central European) and Japanese ("Très bien" as cp932's "Tr鑚 bien"). Only these
# give way to windows-1252: a Windows or ISO page of another language (Turkish cp1254, Baltic cp1257) reads the same
# accented letters as its own, and a short Turkish or Lithuanian text is read in it.
_WESTERN_CONFUSIONS = frozenset(
    {"cp437", "cp775", "cp850", "cp852", "cp858", "mac_latin2", "mac_roman", "mac_iceland", "cp932", "shift_jis"}
)
# The characters beyond ASCII a Western European text writes: the letters of windows-1252 and its punctuation.
_WESTERN_CHARS = frozenset(
    [chr(c) for c in range(0xC0, 0x100) if c not in (0xD7, 0xF7)] + list("ŒœŠšŽžŸ“”‘’„–—…€£«»°·§©®™•¿¡ºª\u00a0")
)
# At most this share of a Western text's letters lie beyond ASCII (French runs to about 1 in 20): Cyrillic or Greek
# read as windows-1252 ("Ïðåçèäåíò") is all such letters.
_MAX_WESTERN_ACCENTS = 0.25
# How much surer of its language charset-normalizer may be in another code page's reading than in windows-1252's
# before that reading beats a plausible Western one: a few words give no language ("Côte d'Ivoire: élection
# présidentielle" was read as Baltic cp775's "C¶te d'Ivoire: ķlection", 0.53 against 0.50).
_WESTERN_COHERENCE_MARGIN = 0.1


def _reads_as_western(data: bytes, choice: Any, matches: list[Any]) -> bool:
    """Whether windows-1252 reads ``data`` as plausible Western text (only its letters and punctuation beyond
    ASCII, few of them, no stand-in of another code page's letters) and charset-normalizer's ``choice`` of another
    code page rests on no clearly surer language guess: a short French text in windows-1252 was read as Baltic,
    Central European Mac or Japanese ("Tr鑚 bien")."""
    try:
        western = data[:_PLAUSIBLE_SAMPLE].decode("cp1252")
    except UnicodeDecodeError:
        return False
    beyond = [c for c in western if ord(c) > 0x7F]
    if not beyond or any(c not in _WESTERN_CHARS for c in beyond):
        return False
    letters = sum(1 for c in western if c.isalpha())
    if sum(1 for c in beyond if c.isalpha()) > _MAX_WESTERN_ACCENTS * letters or _implausible(western):
        return False
    own = max((m.coherence for m in matches if "cp1252" in m.could_be_from_charset), default=0.0)
    return bool(choice.coherence <= own + _WESTERN_COHERENCE_MARGIN)


# A Western code page and Central European windows-1250 read the same bytes as letters in both (é, ö, ó are the same
# bytes), and charset-normalizer's pick between them leans on a language guess a few words cannot carry: Polish
# "Łódź" saved by Excel read as windows-1252's "£ódŸ".
_CODE_PAGE_RIVAL = {"cp1252": "cp1250", "latin_1": "cp1250", "iso8859_15": "cp1250", "cp1250": "cp1252"}
_PLAUSIBLE_SAMPLE = 262_144


# Fractions and superscripts a Western text writes after a number ("1¼kg", "6¾in"), after a full stop (a footnote
# mark: "spending.¹The") or before a unit ("¼lb"). Windows-1250 reads their bytes as letters (Ľ, ľ, ą, ł), so in a
# Polish or Slovak text read as windows-1252 they stand between letters: "w³adze", "s¹d", "ve¾ký".
_FRACTIONS = "¼½¾¹²³"
_UNIT_AFTER = re.compile(
    r"(?i:lbs?|kg|g|mg|oz|in|ins|inch|inches|ft|yds?|mi|miles?|m|cm|mm|km|l|ml|cl|dl|pts?|qts?|cups?|tsp|tbsp|"
    r"hrs?|hours?|mins?|secs?|sq)(?![^\W\d_])"
)
# Letters that stand beside a digit in a Western text: ordinals ("1º", "2ª") and micro ("5µg").
_BESIDE_A_DIGIT = "ºªµ"


def _implausible(text: str) -> int:
    """How many characters of ``text`` no word in a Latin script has where they stand: a currency sign, superscript or
    other symbol before a letter ("£ódŸ", "³o", "9˝in"; not a degree sign: "°C", nor a fraction or footnote mark
    after a number or a full stop or before a unit: "1¼kg", "spending.¹The", "¼lb"), an inverted mark after a
    letter ("mo¿e"), a capital non-ASCII letter after a small letter ("dŸ"), a non-ASCII letter against a digit
    ("Ł4.99", "3ľin"; not "1º"). The stand-ins of one code page for another's letters look so."""
    count = 0
    for m in re.finditer(r"[^\x00-\x7f]", text):
        c, k = m.group(), m.start()
        before = text[k - 1] if k else " "
        after = text[k + 1] if k + 1 < len(text) else " "
        kind = unicodedata.category(c)
        if c in "¿¡":
            count += before.isalpha()
        elif c in _FRACTIONS:
            count += after.isalpha() and (before.isalpha() or (before.isspace() and not _UNIT_AFTER.match(text, k + 1)))
        elif kind[0] in "SN" and c != "°":
            count += after.isalpha()
        elif kind[0] == "L" and c not in _BESIDE_A_DIGIT and (before.isdigit() or after.isdigit()):
            count += 1
        elif kind == "Lu":
            count += before.islower()
    return count


def _non_ascii_letters(text: str) -> int:
    return sum(1 for c in text if ord(c) > 0x7F and c.isalpha())


# How many stand-ins (:func:`_implausible`) a reading needs to give way to its rival's: this many, or one for every
# this many of its non-ASCII letters. One alone in a text full of accents is more likely a symbol written oddly than
# a wrong code page: "1¼kg" once made French "crème" read as "crčme".
_STAND_INS = 2
_LETTERS_PER_STAND_IN = 4


def plausible_code_page(data: bytes, encoding: str) -> str:
    """``encoding``, or the rival code page (windows-1250 for a Western one, and the other way round) when ``data``
    decodes in both and ``encoding``'s reading shows the stand-ins of the rival's letters (:func:`_implausible`): at
    least two, or one for every four of its non-ASCII letters, and more than the rival's reading shows. French or
    German text keeps windows-1252, whose reading of it has no such character (a fraction after a number is none),
    Polish gets windows-1250. Latin-1 and ISO 8859-15 are first weighed against windows-1252
    (:func:`_western_code_page`)."""
    if encoding in _WINDOWS_1252_RIVALS:
        western = _western_code_page(data[:_PLAUSIBLE_SAMPLE], encoding)
        if western != encoding:
            # (the sample only was weighed: past it, a byte windows-1252 leaves undefined had made the file refused)
            try:
                data.decode(western)
            except UnicodeDecodeError:
                western = encoding
        encoding = western
    rival = _CODE_PAGE_RIVAL.get(encoding)
    if rival is None:
        return encoding
    sample = data[:_PLAUSIBLE_SAMPLE]
    try:
        own, other = sample.decode(encoding), sample.decode(rival)
    except (LookupError, UnicodeDecodeError):
        return encoding
    if own == other:
        return encoding
    stand_ins = _implausible(own)
    if stand_ins < _STAND_INS and stand_ins * _LETTERS_PER_STAND_IN < _non_ascii_letters(own):
        return encoding
    return rival if _implausible(other) < stand_ins else encoding


# The ISO code pages windows-1252 extends: it reads bytes 0x80-0x9F as letters and punctuation (“ ” ’ – … œ Š), where
# they read as C1 control characters, which no text holds. ISO 8859-15 also reads eight bytes of 0xA0-0xFF otherwise
# (œ for ½, Ž for ´, € for ¤).
_WINDOWS_1252_RIVALS = frozenset({"latin_1", "iso8859_15"})
_C1_BYTES = re.compile(b"[\x80-\x9f]")
# Letters of ISO 8859-15 that windows-1252 reads as symbols (Œ œ Ÿ Š š Ž ž for ¼ ½ ¾ ¦ ¨ ´ ¸): no word is one of them
# alone, as "The œ-mile race" for "The ½-mile race" has it.
_ISO_8859_15_LETTERS = "ŒœŸŠšŽž"


def _western_code_page(sample: bytes, encoding: str) -> str:
    """windows-1252 for ``sample`` charset-normalizer read as Latin-1 or ISO 8859-15 (``encoding``) when windows-1252
    decodes it and either it holds a byte 0x80-0x9F (a C1 control in the ISO reading: "“1½”" read with two controls
    around it) or its ISO 8859-15 reading shows stand-ins (:func:`_implausible`, and a letter of
    ``_ISO_8859_15_LETTERS`` standing alone) that windows-1252's does not: "1œ cups" for "1½ cups". ``encoding``
    otherwise: a text in ISO 8859-15 with "€" or "œuvre" keeps it."""
    try:
        western = sample.decode("cp1252")
    except UnicodeDecodeError:  # a byte windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D)
        return encoding
    if _C1_BYTES.search(sample):
        return encoding if _iso_letters_in_words(sample, encoding) else "cp1252"
    own = sample.decode(encoding)
    if own == western:
        return "cp1252"  # the same text either way; windows-1252 is then weighed against windows-1250 as for itself
    # A lone letter by a number or a hyphen reads as the fraction it stands for ("1œ cups", "The œ-mile race"); one
    # set apart otherwise may be an initial ("Š. Jansson"), which counts only as plausible_code_page's stand-ins do
    # (this many, or one for every four letters), and against windows-1252's "¤" (for ISO 8859-15's "€": "12 ¤").
    fractions = _implausible(own) + _lone_letters(own, fractions=True)
    stand_ins = _implausible(own) + _lone_letters(own)
    if fractions and _implausible(western) < fractions:
        return "cp1252"
    if stand_ins < _STAND_INS and stand_ins * _LETTERS_PER_STAND_IN < _non_ascii_letters(own):
        return encoding
    return "cp1252" if _implausible(western) + western.count("¤") < stand_ins else encoding


# The bytes ISO 8859-15 reads as letters (Š š Ž ž Œ œ Ÿ) where windows-1252 reads symbols (¦ ¨ ´ ¸ ¼ ½ ¾).
_ISO_8859_15_LETTER_BYTES = re.compile(b"[\xa6\xa8\xb4\xb8\xbc\xbd\xbe]")


# C1 controls, which no text holds, as the windows-1252 characters their bytes are there (those it defines).
_C1_AS_WINDOWS_1252 = {
    b: bytes([b]).decode("cp1252") for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}


def _iso_letters_in_words(data: bytes, encoding: str | None) -> bool:
    """Whether ``data``, in ISO 8859-15 (``encoding``), has a letter of its own beside another letter: "Šarapova",
    "žurnalistit", which windows-1252 reads as "¦arapova", "¸urnalistit". Latin-1 has none of its own: it reads those
    bytes as windows-1252 does."""
    if encoding is None or encoding.replace("-", "_") != "iso8859_15":
        return False
    for m in _ISO_8859_15_LETTER_BYTES.finditer(data):
        around = data[max(m.start() - 1, 0) : m.start()] + data[m.end() : m.end() + 1]
        if any(chr(b).isalpha() if b < 0x80 else 0xC0 <= b != 0xD7 and b != 0xF7 for b in around):
            return True
    return False


def _lone_letters(text: str, fractions: bool = False) -> int:
    """How many of ``_ISO_8859_15_LETTERS`` stand alone in ``text``; with ``fractions``, only those beside a digit or
    before a hyphen or a slash."""
    return sum(
        1
        for m in re.finditer(f"[{_ISO_8859_15_LETTERS}]", text)
        if not (m.start() and text[m.start() - 1].isalpha())
        and not text[m.end() : m.end() + 1].isalpha()
        and (
            not fractions
            or (m.start() and text[m.start() - 1].isdigit())
            or text[m.end() : m.end() + 1] in ("-", "/")
            or text[m.end() : m.end() + 1].isdigit()
        )
    )


# codecs' names of the code pages in _WINDOWS_1252_RIVALS, which a label names many ways ("ISO-8859-15", "latin9", "l9")
_ISO_WESTERN_CODECS = frozenset({"iso8859-1", "iso8859-15"})


def _codec_name(label: str) -> str | None:
    import codecs

    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _control_share(text: str) -> float:
    sample = text[:_CONTROL_SAMPLE]
    if not sample:
        return 0.0
    controls = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\v\f\r") or ch == "\x7f")
    return controls / len(sample)


# --------------------------------------------------------------------------------------------------
# Files and stdin

_CORPUS_EXTENSIONS = frozenset({".jsonl", ".ndjson", ".csv", ".tsv", ".warc", ".arc"})
_EXTENSIONS: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
}
# What makes a text that opens with a tag an HTML document or fragment: an <html>, <head>, <body> or <article>
# element that closes later in it ("<html> tags wrap every page, the developer said" is a story about tags).
_HTML_START = re.compile(r"<(html|head|body|article)[\s>]", re.IGNORECASE)
_DOCUMENT_ELEMENT = re.compile(r"<(?:!doctype\s+html|html|head|body|article)\b", re.IGNORECASE)
_DOCTYPE = re.compile(r"<!doctype\s+html\b", re.IGNORECASE)
_TAG_FIRST = re.compile(r"<[a-z]", re.IGNORECASE)
# What may stand before a document's first tag: XML declarations, comments ("<!-- saved from url=... -->") and space.
_DOCUMENT_PROLOGUE = re.compile(r"(?:\s*(?:<\?[^>]*\?>|<!--.*?-->))*\s*", re.DOTALL)
# ...and a page cut before its </html> still has its head or body.
_HTML_PARTS = re.compile(r"<(?:head|body)[\s>]", re.IGNORECASE)
_P_TAG = re.compile(r"<p[\s>]", re.IGNORECASE)
_P_CLOSE = re.compile(r"</p\s*>", re.IGNORECASE)
#: A text with this many <p> and </p> tags is markup, not a story about markup (which names a tag or two).
_MARKUP_PARAGRAPHS = 3


def load_article(
    path: str, *, fmt: Format = "auto", max_bytes: int = DEFAULT_MAX_BYTES, warn: Callable[[str], None] | None = None
) -> Article:
    """Read one article from a file, or from stdin when ``path`` is '-'.

    At most ``max_bytes + 1`` bytes are read, so a huge file or an endless pipe fails fast instead of
    filling memory. The id is left unset: the caller knows how it wants inputs named.

    A text file (``.txt``, ``.text``, ``.md``) that holds a whole HTML page (:func:`html_in_text`) is read as the page,
    and ``warn`` is told so once: compared as text, its tags and scripts were words, and every pair with it noise. One
    that holds some markup only is read as text, and ``warn`` is told how to read it as HTML. ``fmt="text"`` reads
    either as text, unwarned.
    """
    if fmt not in ("auto", "text", "html", "json"):
        raise ValueError(f"unknown format {fmt!r}")
    told = fmt
    if path == "-":
        name = STDIN_NAME
        data = _read_stdin(max_bytes)
        kind = "input"
    else:
        name = _one_line(path)
        data = _read_file(path, name, max_bytes)
        kind = "file"
    if len(data) > max_bytes:
        raise _too_large(name, None, max_bytes)
    suffix = Path(path).suffix.lower() if path != "-" else ""
    if data.startswith(b"\x1f\x8b"):  # a saved page.html.gz: read as what it holds, as index add and scan do
        data = _gunzip(data, name, max_bytes)
        if suffix == ".gz":
            suffix = Path(path[:-3]).suffix.lower()
    if not data.strip():
        raise InputError(f"{name}: no article text (empty {kind})")
    text = decode_bytes(data, name=name)
    why = empty_text(text)
    if why is not None:
        raise InputError(f"{name}: no article text ({'empty ' + kind if why == 'empty' else why})")

    if fmt == "auto" and suffix in _CORPUS_EXTENSIONS:
        if suffix in (".jsonl", ".ndjson") and len([ln for ln in text.splitlines() if ln.strip()]) == 1:
            value = _parse_json(text, name)
            if not isinstance(value, Mapping):  # said as the corpus commands say it of the line
                raise InputError(f"{name}: {not_an_object(value)}")
            return article_from_record(value, where=name)  # one record: the article
        else:
            # read as plain text, a file of many records would be compared as one article, quietly and wrongly
            raise InputError(
                f"{name}: a corpus file (many articles), but this reads one article: `compare --pairs` takes a "
                "batch of pairs, `trace --batch` a batch of suspects, `index add` and `scan` a corpus"
            )
    if fmt == "auto":
        fmt = _EXTENSIONS.get(suffix, "auto") if path != "-" else "auto"
    if fmt == "auto":
        fmt = _sniff(text)
    if fmt == "json":
        return article_from_record(_parse_json(text, name), where=name)
    if fmt == "html":
        return article_from_html(text, where=name, warn=warn)
    markup = html_in_text(text) if told == "auto" else None
    if markup == "page":
        if warn is not None:
            warn(
                f"{name}: holds an HTML page; read as one (its main text, title and date); --input-format text reads "
                "the markup as text"
            )
        return article_from_html(text, where=name, warn=warn)
    if markup == "markup" and warn is not None:
        warn(
            f"{name}: holds HTML markup; read as plain text, its tags as words (--input-format html extracts its text)"
        )
    return article_from_text(text, where=name)


#: How much of a text is looked at for markup: a page's head and first paragraphs are in it.
_MARKUP_SAMPLE = 200_000
_DOCUMENT_OPEN = re.compile(r"<!doctype\s+html\b|<html[\s>]", re.IGNORECASE)
# A document's head, before its body: a story about markup names <html> and <body>, seldom a <head> or a <meta> first
_DOCUMENT_HEAD = re.compile(r"<(?:head|title|meta)[\s>/]", re.IGNORECASE)
_DOCUMENT_BODY = re.compile(r"<body[\s>]", re.IGNORECASE)
_DOCUMENT_END = re.compile(r"</html\s*>\Z", re.IGNORECASE)
_SPACES = re.compile(r"[\ufeff\s]*")


def html_in_text(text: str) -> Literal["page", "markup"] | None:
    """What HTML a text given as plain text holds: ``"page"`` for a whole document (a doctype or <html> first, after
    whitespace, a BOM, an XML declaration or comments; a <head>, <title> or <meta> before its <body>; and </html> last,
    but for comments), ``"markup"`` for text holding several <p> elements, None for text. A story about HTML that
    opens with "<html> tags are back" and names </body> and </html> is no page. Read by ``str.find`` and regular
    expressions without nested repeats: linear in the text."""
    head = text[:_MARKUP_SAMPLE]
    at = _SPACES.match(head).end()  # type: ignore[union-attr]
    while True:  # an XML declaration and comments before the doctype, as saved pages have ("<!-- saved from url=")
        if head.startswith("<?xml", at):
            end, skip = head.find("?>", at), 2
        elif head.startswith("<!--", at):
            end, skip = head.find("-->", at + 4), 3
        else:
            break
        if end < 0:
            return None
        at = _SPACES.match(head, end + skip).end()  # type: ignore[union-attr]
    if _DOCUMENT_OPEN.match(head, at) and _whole_document(head, text):
        return "page"
    if min(len(_P_TAG.findall(head)), len(_P_CLOSE.findall(head))) >= _MARKUP_PARAGRAPHS:
        return "markup"
    return None


def _whole_document(head: str, text: str) -> bool:
    """Whether a text that opens as an HTML document (``head``: its start) has a head before its body and ends with
    </html>, comments after it aside."""
    found = _DOCUMENT_HEAD.search(head)
    body = _DOCUMENT_BODY.search(head)
    if found is None or (body is not None and body.start() < found.start()):
        return False
    tail = text[-2000:].rstrip()
    while tail.endswith("-->"):  # "<!-- page cached 09:14 -->" after the document
        opening = tail.rfind("<!--")
        if opening < 0:
            return False
        tail = tail[:opening].rstrip()
    return _DOCUMENT_END.search(tail) is not None


def _gunzip(data: bytes, name: str, max_bytes: int) -> bytes:
    """The decompressed content of a gzip file, at most ``max_bytes`` of it (a small file may hold a huge one)."""
    import gzip
    import zlib

    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as f:
            out = f.read(max_bytes + 1)
    except EOFError:
        raise InputError(f"{name}: compressed data ends early (the file is truncated)") from None
    except (OSError, zlib.error) as err:
        raise InputError(f"{name}: not a valid gzip file ({_one_line(str(err))})") from None
    if len(out) > max_bytes:
        raise InputError(
            f"{name}: decompressed file is over the {_human_size(max_bytes)} limit (raise it with --max-bytes)"
        )
    return out


class _Prefixed(io.RawIOBase):
    """A named pipe's stream with the byte read to learn that a program writes to it put back first."""

    def __init__(self, first: bytes, raw: io.FileIO) -> None:
        super().__init__()
        self._first = first
        self._raw = raw

    def readable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._raw.fileno()

    def readinto(self, buffer: Any) -> int:
        if not self._first:
            return self._raw.readinto(buffer) or 0
        view = memoryview(buffer).cast("B")
        n = len(self._first)
        view[:n], self._first = self._first, b""
        # The rest of the buffer from the pipe too: a first read of the one byte alone left a peek at the gzip magic
        # number with one byte, and a gzipped corpus through `<(...)` was called a binary file.
        return n + ((self._raw.readinto(view[n:]) or 0) if len(view) > n else 0)

    def close(self) -> None:
        self._raw.close()
        super().close()


def open_input(path: str, name: str) -> io.BufferedReader:
    """An input file opened for reading bytes (OSError as ``open`` raises it). A named pipe (FIFO) no program writes
    to yet is waited for, as ``open`` waits, but said so in one line on stderr (the wait was silent); one with a
    writer (a shell's ``<(...)``, a program already writing) is read as it comes, and a pipe whose writer has left
    without writing reads as an empty file."""
    if not stat.S_ISFIFO(os.stat(path).st_mode):
        return open(path, "rb")
    import select

    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # returns at once, writer or not
    try:
        try:
            first = os.read(fd, 1)
        except BlockingIOError:
            first = b""  # a writer that has written nothing yet: its data is waited for as a blocking read waits
        else:
            if not first:
                # End of file: no writer yet, or one that wrote nothing and left (a shell's `<(true)`), which poll
                # tells apart on Linux (a hang-up only once a writer has come). A writer that comes late is waited
                # for, never refused: `storytrace scan p & producer > p` starts the reader first.
                poller = select.poll()
                poller.register(fd, select.POLLIN)
                if not poller.poll(0):
                    print(f"storytrace: waiting for a program to write to {name}", file=sys.stderr, flush=True)
                    poller.poll()
        os.set_blocking(fd, True)
        raw = io.FileIO(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    return io.BufferedReader(_Prefixed(first, raw) if first else raw)


def _read_file(path: str, name: str, max_bytes: int) -> bytes:
    try:
        with open_input(path, name) as f:
            info = os.fstat(f.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise InputError(f"{name}: is a directory")
            if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
                raise _too_large(name, info.st_size, max_bytes)
            return f.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory") from None
    except PermissionError:
        raise InputError(f"{name}: cannot read (permission denied)") from None
    except OSError as err:
        raise InputError(f"{name}: cannot read ({_one_line(err.strerror or str(err)).lower()})") from None


def _read_stdin(max_bytes: int) -> bytes:
    if sys.stdin is None:
        raise InputError(f"{STDIN_NAME}: no standard input (it is closed)")
    stream = getattr(sys.stdin, "buffer", None)
    if stream is not None:
        return bytes(stream.read(max_bytes + 1))
    # A text-only stdin (some embedding hosts): bound by characters, then re-encode.
    return sys.stdin.read(max_bytes + 1).encode("utf-8")


def _too_large(name: str, size: int | None, limit: int) -> InputError:
    hint = "(raise it with --max-bytes)"
    if size is None:  # a pipe: only "more than the limit" is known
        return InputError(f"{name}: input is over the {_human_size(limit)} limit {hint}")
    shown, shown_limit = _human_size(size), _human_size(limit)
    if shown == shown_limit:  # 5,000,001 bytes must not read as "5.0 MB, over the 5.0 MB limit"
        shown, shown_limit = f"{size:,} bytes", f"{limit:,}-byte"
    return InputError(f"{name}: file is {shown}, over the {shown_limit} limit {hint}")


def _human_size(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1_000:
        return f"{n / 1_000:.1f} KB"
    return f"{n} bytes"


def _sniff(text: str, *, head_only: bool = False) -> Format:
    """The format of a text with no telling name or type. ``head_only``: ``text`` is a page's first bytes only (a
    WARC payload's), so no closing tag can be looked for: it is HTML when it starts with markup and a document element
    (doctype, <html>, <head>, <body>, <article>) stands in it, or holds a few <p> tags."""
    head = text[:4096].lstrip()
    if head.startswith("{"):
        try:
            value = json.loads(text)
        except (ValueError, RecursionError):
            value = None
        if isinstance(value, dict):
            return "json"
    if head_only:
        page = head.startswith("<") and _DOCUMENT_ELEMENT.search(head) is not None
        return "html" if page or len(_P_TAG.findall(head)) >= _MARKUP_PARAGRAPHS else "text"
    at = _DOCUMENT_PROLOGUE.match(head).end()  # type: ignore[union-attr]
    if _DOCTYPE.match(head, at):
        return "html"
    if _TAG_FIRST.match(head, at):
        # Markup first (a page may open with <meta> or <div>, not <html>): a page when it holds a document
        # element that closes, or opens with an <html> that a head or body follows (a page cut before its </html>).
        closed: dict[str, bool] = {}  # each element's closing tag looked for once, however often it opens
        for element in _HTML_START.finditer(head, at):
            name = element.group(1).lower()
            if name not in closed:
                closed[name] = re.search(rf"</{name}\s*>", text, re.IGNORECASE) is not None
            if closed[name] or (
                name == "html" and element.start() == at and _HTML_PARTS.search(head, element.end()) is not None
            ):
                return "html"
    # Paragraph markup: <p> and </p> tags, or (legacy HTML, which leaves </p> out) a text that opens with <p> and opens
    # more paragraphs so.
    opened = len(_P_TAG.findall(head))
    if opened >= _MARKUP_PARAGRAPHS and (len(_P_CLOSE.findall(head)) >= _MARKUP_PARAGRAPHS or _P_TAG.match(head, at)):
        return "html"
    return "text"


def _parse_json(text: str, name: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(
            f"{name}: malformed JSON at line {err.lineno} column {err.colno}: {_one_line(re.sub(r' at$', '', err.msg))}"
        ) from None
    except RecursionError:
        raise InputError(f"{name}: malformed JSON (nested too deeply)") from None


# --------------------------------------------------------------------------------------------------
# Helpers


def _one_line(s: str) -> str:
    """Error messages are one line: a newline in a file name must not split them."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in str(s))


def not_an_object(value: Any) -> str:
    """What is wrong with a JSON Lines line holding no object, in the words of every command that reads one (scan and
    index add named a JSON array on a line one way, compare --pairs and trace --batch each another)."""
    if isinstance(value, list) and value and all(isinstance(item, Mapping) for item in value):
        return (
            "a JSON array on one line, where JSON Lines hold one object a line (put each of its objects on a line of "
            "its own)"
        )
    return f"expected a JSON object, got {_json_type(value)}"


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list | tuple):
        return "an array"
    return type(value).__name__
