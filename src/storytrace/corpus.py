"""Read a corpus: many inputs, each holding one article or many, streamed record by record.

``storytrace index add`` and ``scan`` read thousands of articles in one run, so two rules shape this
module. Memory stays bounded: JSONL, CSV/TSV and large JSON arrays are read one record at a time
(gzip too), and no record is ever held beyond ``max_bytes``. One bad record never ends the run: it
comes back as a :class:`Record` with an error, the caller reports it and goes on. Only a mistake in
the command line itself (a missing input, a glob that matches nothing) raises, and it raises before
anything is read, so a typo fails fast instead of after an hour of indexing.

Like :mod:`storytrace.article`, nothing here fetches or opens anything an article names.
"""

from __future__ import annotations

import bisect
import codecs
import collections
import contextlib
import csv
import dataclasses
import glob
import gzip
import io
import json
import logging
import os
import re
import stat
import sys
import unicodedata
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import IO, Any, Literal

from storytrace.article import (
    _BINARY_MAGIC,
    _CONTROL_BYTES,
    _MAX_CONTROL_SHARE,
    DEFAULT_MAX_BYTES,
    STDIN_NAME,
    Article,
    _human_size,
    _one_line,
    _sniff,
    _too_large,
    _valid_unicode_values,
    article_from_html,
    article_from_record,
    article_from_text,
    damaged_utf8,
    decode_bytes,
    empty_text,
    html_in_text,
    legacy_encoding,
    not_an_object,
    open_input,
    plausible_code_page,
)
from storytrace.article import (
    _EXTENSIONS as _ARTICLE_EXTENSIONS,
)
from storytrace.errors import InputError
from storytrace.report.summary import plural
from storytrace.workers import can_spawn, spawn_pool

__all__ = [
    "DEFAULT_MAX_BYTES",
    "CorpusFormat",
    "JsonLine",
    "Record",
    "expand_inputs",
    "read_corpus",
    "read_json_lines",
]

CorpusFormat = Literal["auto", "text", "html", "json", "jsonl", "csv", "tsv", "warc"]
_FORMATS: frozenset[str] = frozenset({"auto", "text", "html", "json", "jsonl", "csv", "tsv", "warc"})

#: A file of one article is read as ``load_article`` reads it (the same table); the others hold many.
_EXTENSIONS: dict[str, CorpusFormat] = {
    **_ARTICLE_EXTENSIONS,
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
    ".warc": "warc",
    ".arc": "warc",
}

_GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 65_536
# Only these bytes are looked at to call a JSONL/CSV file binary or not UTF-8 as a whole: enough for
# a verdict, and a file that turns bad later still gets one error per bad line.
_HEAD = 8_192
_GLOB_MAGIC = re.compile(r"[*?[]")
_WS = re.compile(r"[ \t\n\r]*")
_JSON_ERROR_TAIL = re.compile(r":? at$")
# How far from the end of a window a JSON error can still be caused by the cut (an escape such as
# "\\u00e9" split in two).
_MAX_TOKEN_TAIL = 6


@dataclass(frozen=True)
class Record:
    """One article read from a corpus, or one failure to read one.

    A failure is a value rather than an exception so that a run over a large corpus reports every bad
    record and keeps the good ones. ``where`` names the record for messages: the path (one-lined), or
    ``path:LINE`` for a JSONL line or CSV row, or ``path[i]`` for an element of a JSON array. ``error``
    is one line that already starts with ``where``, ready to print.
    """

    article: Article | None
    where: str
    error: str | None = None

    def __post_init__(self) -> None:
        if (self.article is None) == (self.error is None):
            raise ValueError("a Record holds either an article or an error")

    @property
    def ok(self) -> bool:
        """True when the record holds an article."""
        return self.article is not None


# --------------------------------------------------------------------------------------------------
# Inputs


def tidy_path(path: str) -> str:
    """``path`` without "./" steps and doubled separators, which name the same file: a file's path is its id
    when the record has none, and `index add ./pages` after `index add pages` added every article again
    under a second id instead of updating it. ".." is kept (through a symlinked directory it names another
    place), and so is "-" (stdin)."""
    if path == "-" or os.pardir in path.split(os.sep):
        return path
    tidy = os.path.normpath(path)
    return path if tidy == "-" else tidy  # "./-" is a file named "-", not stdin


def expand_inputs(inputs: Sequence[str]) -> list[str]:
    """The files a list of command-line inputs stands for, in a fixed order.

    Each input is '-' (stdin), a file, a directory (every file below it, recursively, sorted by path
    components; hidden files and directories are skipped, as a shell glob would), or a glob pattern
    (``**`` recurses; hidden names are not matched; matches sorted). Inputs keep the order given, and
    a file named twice is read once. An input that matches nothing raises :class:`InputError` at
    once, because it is almost always a typo and a long run should not start without it.
    """
    out: list[str] = []
    seen: set[str] = set()

    def add(path: str) -> None:
        key = path if path == "-" else os.path.normpath(os.path.abspath(path))
        if key not in seen:
            seen.add(key)
            out.append(tidy_path(path))

    for item in inputs:
        name = _one_line(item) if item != "-" else STDIN_NAME
        if item == "-":
            add(item)
        elif os.path.isdir(item):
            files = _walk(item, name)
            if not files:
                raise InputError(f"{name}: no files in this directory (hidden files are skipped)")
            for path in files:
                add(path)
        elif os.path.lexists(item):
            add(item)  # a file, a FIFO, a broken link: reading it reports what is wrong
        elif _GLOB_MAGIC.search(item):
            matches: list[str] = []
            for match in sorted(glob.glob(item, recursive=True)):
                matches.extend(_walk(match, _one_line(match)) if os.path.isdir(match) else [match])
            if not matches:
                raise InputError(f"{name}: no match for this pattern")
            for path in matches:
                add(path)
        else:
            raise InputError(f"{name}: no such file")
    return out


def _walk(top: str, name: str) -> list[str]:
    """Every non-hidden file below ``top``, sorted by path components so the order does not depend
    on the file system. Symlinked directories are not followed (no cycles)."""
    found: list[tuple[str, ...]] = []

    def fail(err: OSError) -> None:
        where = _one_line(err.filename) if err.filename else name
        raise InputError(f"{where}: cannot list the directory ({(err.strerror or str(err)).lower()})")

    for dirpath, dirnames, filenames in os.walk(top, onerror=fail):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        rel = os.path.relpath(dirpath, top)
        parts: tuple[str, ...] = () if rel == os.curdir else tuple(rel.split(os.sep))
        found.extend((*parts, f) for f in filenames if not f.startswith("."))
    return [os.path.join(top, *parts) for parts in sorted(found)]


# --------------------------------------------------------------------------------------------------
# Reading


def read_corpus(
    inputs: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES, fmt: CorpusFormat = "auto", workers: int = 1
) -> Iterator[Record]:
    """Every article in ``inputs``, one :class:`Record` at a time.

    The inputs are expanded here, eagerly, so a missing input raises :class:`InputError` when this is
    called, before any file is read; everything after that is lazy and never raises for bad input.
    ``fmt`` forces one format on every input; "auto" goes by extension (``.gz`` stripped first; gzip
    is also recognised by its magic bytes), reads stdin as JSONL, and sniffs anything else.
    ``max_bytes`` bounds a single-article file and each record of a multi-article file, not the size
    of a JSONL or CSV file. Every Article comes back with an id: its own ``id`` field, else the path
    as given or expanded (single-article files), ``path:LINE`` (JSONL lines, CSV rows) or ``path[i]``
    (JSON array elements).

    ``workers`` > 1: single-article text and HTML files (main-text extraction is most of their cost) are
    read by that many spawned worker processes when there are at least ``PARALLEL_FROM`` of them; the
    records come back in the same order, with a bounded read-ahead.
    """
    if fmt not in _FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 1:
        raise ValueError(f"max_bytes must be a positive integer, got {max_bytes!r}")
    paths = expand_inputs(inputs)
    if workers > 1 and sum(_one_article(p, fmt) for p in paths) >= PARALLEL_FROM and can_spawn():
        return _read_in_workers(paths, max_bytes, fmt, workers)
    return _read_all(paths, max_bytes, fmt)


#: Single-article files from which ``read_corpus(workers=...)`` starts worker processes (starting them
#: costs about a second).
PARALLEL_FROM = 200


def _read_all(paths: list[str], max_bytes: int, fmt: CorpusFormat) -> Iterator[Record]:
    for path in paths:
        yield from _read_input(path, max_bytes, fmt)


def _one_article(path: str, fmt: CorpusFormat) -> bool:
    kind = fmt if fmt != "auto" else _EXTENSIONS.get(_extension(path), "auto")
    return path != "-" and kind in ("text", "html")


def _read_in_workers(paths: list[str], max_bytes: int, fmt: CorpusFormat, workers: int) -> Iterator[Record]:
    with spawn_pool(workers) as pool:
        pending: collections.deque[Any] = collections.deque()
        for path in paths:
            if not _one_article(path, fmt):
                while pending:  # in input order: what came before this file first
                    yield from pending.popleft().get()
                yield from _read_input(path, max_bytes, fmt)
                continue
            pending.append(pool.apply_async(_read_file, (path, max_bytes, fmt)))
            if len(pending) >= 32 * workers:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def _read_file(path: str, max_bytes: int, fmt: CorpusFormat) -> list[Record]:
    return list(_read_input(path, max_bytes, fmt))


def _read_input(path: str, max_bytes: int, fmt: CorpusFormat) -> Iterator[Record]:
    """All records of one input. A file that cannot be read at all, or breaks off part way (a
    truncated gzip), yields one error for the file after whatever records came before."""
    stdin = path == "-"
    name = STDIN_NAME if stdin else _one_line(path)
    id_base = STDIN_NAME if stdin else path
    count = 0
    reader = _Reader(name, id_base, max_bytes)
    reader.text_told = fmt == "text"
    try:
        with contextlib.ExitStack() as stack:
            kind: CorpusFormat = fmt
            if kind == "auto":
                kind = "jsonl" if stdin else _EXTENSIONS.get(_extension(path), "auto")
            # warcio reads a .warc.gz member by member itself: under one GzipFile, a file cut short loses
            # every record, even the whole ones before the cut.
            stream, size, gzipped = _open(path, name, stack, decompress=kind != "warc")
            if kind == "warc" and _one_gzip_stream(stream):
                # `gzip crawl.warc` makes one gzip stream of the whole file, which warcio refuses after its first
                # record ("non-chunked gzip file"): read it decompressed.
                stream = _EndsEarly(stack.enter_context(gzip.GzipFile(fileobj=stream, mode="rb")))  # type: ignore[arg-type,assignment]
            if kind == "warc":
                records = reader.read_warc(stream)
            elif kind == "jsonl":
                records = reader.read_jsonl(stream)
            elif kind in ("csv", "tsv"):
                records = reader.read_csv(stream, delimiter="\t" if kind == "tsv" else ",")
            elif kind == "json":
                records = reader.read_json(stream, size, gzipped)
            else:
                records = reader.read_single(stream, size, gzipped, kind)
            for record in records:
                count += 1
                yield record
    except InputError as err:
        count += 1
        yield Record(None, name, str(err))
    except (OSError, EOFError, zlib.error) as err:
        count += 1
        yield Record(None, name, f"{name}: {_read_error(err)}")
    if count == 0:
        yield Record(None, name, f"{name}: no articles in this {'input' if stdin else 'file'}{reader.skipped_note()}")


class _EndsEarly:
    """A whole-file gzip stream that ends quietly where its compressed data is cut short, after handing over every
    byte that decompresses: GzipFile raises there, and warcio took that for the end of the file, losing the last
    records without a word. Read on like this, the record cut short is reported as in an uncompressed WARC."""

    def __init__(self, gz: gzip.GzipFile) -> None:
        self._gz = gz

    def read(self, n: int = -1) -> bytes:
        if n is None or n < 0:
            return b"".join(iter(lambda: self.read(_CHUNK), b""))
        try:
            return self._gz.read1(n)
        except EOFError:
            return b""

    def peek(self, n: int = 1) -> bytes:
        try:
            return self._gz.peek(n)
        except EOFError:
            return b""

    def seekable(self) -> bool:
        return self._gz.seekable()

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._gz.seek(offset, whence)

    def tell(self) -> int:
        return self._gz.tell()


_WARC_LENGTH = re.compile(rb"\r?\nContent-Length:[ \t]*(\d{1,18})[ \t]*\r?\n", re.IGNORECASE)


def _one_gzip_stream(stream: _Stream) -> bool:
    """True for a gzipped WARC whose first gzip member runs on past its first record: the whole file compressed at
    once, where a .warc.gz holds one member per record. Judged by decompressing the start of the file, then going
    back to it; a stream that cannot go back (stdin) is left to warcio."""
    if stream.peek(2)[:2] != _GZIP_MAGIC or not stream.seekable():
        return False
    start = stream.tell()
    inflate = zlib.decompressobj(wbits=31)
    head = b""  # the decompressed start, until the first record's header has been read
    size = 0  # bytes decompressed so far
    record_end: int | None = None  # where the first record ends, once its header is read
    try:
        while not inflate.eof:
            chunk = stream.read(_CHUNK)
            if not chunk:
                # cut short inside its first member: read decompressed, the record cut short is reported as such
                return size > 0
            # Only counted once the header is read: a record of hundreds of megabytes (a video in a crawl) kept
            # whole, and added to a chunk at a time, made reading the file take minutes and its memory.
            pieces = [inflate.decompress(chunk, _CHUNK * 4)]
            while inflate.unconsumed_tail and not inflate.eof:
                pieces.append(inflate.decompress(inflate.unconsumed_tail, _CHUNK * 4))
            size += sum(map(len, pieces))
            if record_end is None:
                head += b"".join(pieces)
                end = head.find(b"\r\n\r\n")
                length = _WARC_LENGTH.search(head, 0, end + 2) if end >= 0 else None
                if length is not None:
                    record_end = end + 4 + int(length.group(1)) + 4
                    head = b""
                elif len(head) > 64 * _CHUNK:
                    return False  # no record header where one should be: warcio says what is wrong
            if record_end is not None and size > record_end:
                return True  # past the first record's end and the member goes on
    except zlib.error:
        return False
    finally:
        stream.seek(start)
    return False


def _extension(path: str) -> str:
    base = path[:-3] if path.lower().endswith(".gz") else path
    return os.path.splitext(base)[1].lower()


def _read_error(err: BaseException) -> str:
    if isinstance(err, gzip.BadGzipFile):
        return f"not a valid gzip file ({_one_line(str(err))})"
    if isinstance(err, EOFError):
        return "compressed data ends early (the file is truncated)"
    if isinstance(err, zlib.error):
        return "corrupt compressed data"
    if isinstance(err, PermissionError):
        return "cannot read (permission denied)"
    if isinstance(err, OSError) and err.strerror:
        return f"cannot read ({_one_line(err.strerror).lower()})"
    return f"cannot read ({_one_line(str(err))})"


def _open(
    path: str, name: str, stack: contextlib.ExitStack, *, decompress: bool = True
) -> tuple[_Stream, int | None, bool]:
    """Open an input as a buffered binary stream with ``peek``/``readline``/``read1``, decompressing
    gzip on the fly; ``stack`` closes it. Gives ``(stream, size, gzipped)``: ``size`` is the on-disk
    size of a regular uncompressed file (so an oversized single article is refused before reading),
    else None. stdin is wrapped and never closed."""
    size: int | None = None
    stream: io.BufferedReader
    if path == "-":
        stream = stack.enter_context(io.BufferedReader(_RawReader(_stdin_read()), buffer_size=_CHUNK))
    else:
        try:
            stream = stack.enter_context(open_input(path, name))
        except FileNotFoundError:
            raise InputError(f"{name}: no such file") from None
        except IsADirectoryError:
            raise InputError(f"{name}: is a directory") from None
        except PermissionError:
            raise InputError(f"{name}: cannot read (permission denied)") from None
        info = os.fstat(stream.fileno())
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{name}: is a directory")
        if stat.S_ISREG(info.st_mode):
            size = info.st_size
    if decompress and (path.lower().endswith(".gz") or stream.peek(2)[:2] == _GZIP_MAGIC):
        # read1, not read: on a pipe, read(n) would wait for n bytes before a first record.
        return stack.enter_context(gzip.GzipFile(fileobj=_Read1(stream), mode="rb")), None, True  # type: ignore[call-overload]
    return stream, size, False


_Stream = io.BufferedReader | gzip.GzipFile


class _Read1:
    """A file object whose ``read`` returns what is available rather than waiting for ``n`` bytes,
    for GzipFile reading a pipe."""

    def __init__(self, stream: io.BufferedReader) -> None:
        self._stream = stream

    def read(self, n: int = -1) -> bytes:
        return self._stream.read1(n)


class _RawReader(io.RawIOBase):
    """stdin as a raw stream. Closing it does not close stdin, and a text-only stdin (some
    embedding hosts) is re-encoded as UTF-8."""

    def __init__(self, read: Callable[[int], bytes]) -> None:
        super().__init__()
        self._read = read
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        data = self._pending or self._read(len(view))
        n = min(len(data), len(view))
        view[:n] = data[:n]
        self._pending = data[n:]
        return n


def _stdin_read() -> Callable[[int], bytes]:
    if sys.stdin is None:
        raise InputError(f"{STDIN_NAME}: no standard input (it is closed)")
    binary = getattr(sys.stdin, "buffer", None)
    if binary is not None:
        return getattr(binary, "read1", None) or binary.read
    text: IO[str] = sys.stdin
    return lambda n: text.read(max(1, n // 4)).encode("utf-8")


# --------------------------------------------------------------------------------------------------
# Formats


class _Reader:
    """Turns one opened input into records. Holds what every message and default id needs."""

    def __init__(self, name: str, id_base: str, max_bytes: int) -> None:
        self.name = name
        self.id_base = id_base
        self.max_bytes = max_bytes
        # the user said the input is text (--input-format text): a whole page in a text file is otherwise read as the
        # page, as load_article reads it, so that one file reads alike alone and in a corpus
        self.text_told = False
        # WARC records passed over as no page, by why: said when the file gives no article, which would otherwise
        # leave a user with a crawl of many records and no clue
        self.skipped: collections.Counter[str] = collections.Counter()

    def skipped_note(self) -> str:
        """The note " (N records skipped: ...)" on the WARC records passed over as no page, else ""."""
        if not self.skipped:
            return ""
        total = sum(self.skipped.values())
        reasons = ", ".join(f"{why}: {n}" for why, n in self.skipped.most_common())
        return f" ({plural(total, 'record')} skipped: {reasons})"

    # -- building records --------------------------------------------------------------------------

    def _record(self, where: str, default_id: str, build: Callable[[], Article]) -> Record:
        """Run one conversion; any failure becomes an error record. Beyond InputError this catches
        unexpected exceptions too (a bug in a third-party extractor on one odd page), because one
        page must not end a run over a whole corpus; the exception type is kept in the message."""
        try:
            article = build()
        except InputError as err:
            return Record(None, where, str(err))
        except RecursionError:
            return Record(None, where, f"{where}: too deeply nested to read")
        except MemoryError:
            raise
        except Exception as err:
            return Record(
                None, where, f"{where}: could not read the article ({type(err).__name__}: {_one_line(str(err))})"
            )
        if article.id is None:
            article = dataclasses.replace(article, id=default_id)
        return Record(article, where)

    def _from_value(self, value: Any, where: str, default_id: str) -> Record:
        return self._record(where, default_id, lambda: article_from_record(value, where=where))

    def _too_large(self, where: str, size: int, what: str = "record") -> Record:
        return Record(None, where, f"{where}: {over_limit(size, self.max_bytes, what)}")

    # -- one article per file ----------------------------------------------------------------------

    def _read_whole(self, stream: _Stream, size: int | None, gzipped: bool, *, hint: str = "") -> bytes:
        if size is not None and size > self.max_bytes:
            raise InputError(f"{_too_large(self.name, size, self.max_bytes)}{hint}")
        data = stream.read(self.max_bytes + 1)
        if len(data) > self.max_bytes:
            what = "decompressed file" if gzipped else "input"
            raise InputError(
                f"{self.name}: {what} is over the {_human_size(self.max_bytes)} limit (raise it with --max-bytes){hint}"
            )
        return data

    def _decode_whole(self, data: bytes) -> str:
        if not data.strip():
            raise InputError(f"{self.name}: no article text (empty file)")
        text = decode_bytes(data, name=self.name)
        why = empty_text(text)
        if why is not None:
            raise InputError(f"{self.name}: no article text ({'empty file' if why == 'empty' else why})")
        return text

    def read_single(self, stream: _Stream, size: int | None, gzipped: bool, kind: CorpusFormat) -> Iterator[Record]:
        """A text or HTML file, or one of unknown type: sniffed like ``load_article`` does, plus JSON
        arrays and JSON Lines, so a corpus file with an odd name is still read as what it is."""
        if kind == "auto" and (size is None or size > self.max_bytes):
            # Too big to be one article, but maybe a corpus: stream it as what its head says it is,
            # so the limit applies to each article, not to the file.
            head = stream.peek(_HEAD)[:_HEAD].lstrip(b"\xef\xbb\xbf \t\r\n")
            if head[:1] == b"[":
                yield from self.read_json(stream, size, gzipped)
                return
            if head[:1] == b"{" and (b"\n" not in head or _first_line_is_object(head.decode("utf-8", "replace"))):
                yield from self.read_jsonl(stream)
                return
        text = self._decode_whole(self._read_whole(stream, size, gzipped))
        if kind == "auto":
            opening = text.lstrip()[:1]
            if opening in ("{", "["):
                try:
                    value = json.loads(text)
                except (ValueError, RecursionError):
                    value = None
                if isinstance(value, dict | list):
                    yield from self._json_value(value)
                    return
                if opening == "{" and _first_line_is_object(text):
                    # split on "\n" only: JSON strings may hold a raw U+2028, which splitlines() breaks on
                    yield from self._jsonl_lines(enumerate(text.split("\n"), start=1))
                    return
            kind = _sniff(text)
        where = self.name
        if kind == "html" or (not self.text_told and html_in_text(text) == "page"):
            yield self._record(where, self.id_base, lambda: article_from_html(text, where=where))
        else:
            yield self._record(where, self.id_base, lambda: article_from_text(text, where=where))

    # -- JSON ----------------------------------------------------------------------------------------

    def read_json(self, stream: _Stream, size: int | None, gzipped: bool) -> Iterator[Record]:
        """One article object, or an array of them. A file within ``max_bytes`` is parsed whole (any
        encoding ``decode_bytes`` reads); a larger one is streamed element by element if it is an
        array, since its size says nothing about the size of one article."""
        head = stream.peek(_HEAD)[:_HEAD] if size is None or size > self.max_bytes else b""
        if head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"[":
            data = stream.read(self.max_bytes + 1)
            if len(data) > self.max_bytes:
                rest = iter(lambda: stream.read1(_CHUNK), b"")
                yield from self._json_array_stream(_chain(data, rest))
                return
        else:
            data = self._read_whole(stream, size, gzipped, hint="; if it is JSON Lines, name it .jsonl")
        text = self._decode_whole(data)
        try:
            value = json.loads(text)
        except json.JSONDecodeError as err:
            if err.msg == "Extra data" and _first_line_is_object(text):  # JSON Lines named .json
                yield from self._jsonl_lines(enumerate(text.split("\n"), start=1))
                return
            raise InputError(_json_error(self.name, err.lineno, err.colno, err.msg)) from None
        except RecursionError:
            raise InputError(f"{self.name}: malformed JSON (nested too deeply)") from None
        yield from self._json_value(value)

    def _json_value(self, value: Any) -> Iterator[Record]:
        if isinstance(value, list):
            for i, item in enumerate(value):
                yield self._from_value(item, f"{self.name}[{i}]", f"{self.id_base}[{i}]")
        else:
            yield self._from_value(value, self.name, self.id_base)

    def _json_array_stream(self, chunks: Iterator[bytes]) -> Iterator[Record]:
        """Elements of a JSON array too large to load, parsed one at a time from a sliding buffer.

        An element that parses but is over ``max_bytes`` is reported and skipped. A syntax error, or
        an element that grows past ``max_bytes`` before it ends, stops the file: there is no reliable
        way to find the next element after it.
        """
        scanner = _JsonScanner(chunks, self.max_bytes, self.name)
        i = 0
        try:
            scanner.expect("[")
            if scanner.peek_char() == "]":
                scanner.pos += 1
            else:
                while True:
                    value, start, end = scanner.value()
                    size = len(scanner.buf[start:end].encode("utf-8"))
                    where = f"{self.name}[{i}]"
                    if size > self.max_bytes:
                        yield self._too_large(where, size, "array element")
                    else:
                        yield self._from_value(value, where, f"{self.id_base}[{i}]")
                    scanner.pos = end
                    i += 1
                    sep = scanner.peek_char()
                    if sep == ",":
                        scanner.pos += 1
                        continue
                    if sep == "]":
                        scanner.pos += 1
                        break
                    raise scanner.error("Expecting ',' delimiter")
            if scanner.peek_char() != "":
                raise scanner.error("Extra data")
        except _Oversize:
            line, _ = scanner.position(scanner.pos)
            yield Record(
                None,
                f"{self.name}[{i}]",
                f"{self.name}[{i}]: array element starting at line {line} is over the "
                f"{_human_size(self.max_bytes)} limit (raise it with --max-bytes); the rest of the file is skipped",
            )
        except _JsonSyntax as err:
            yield Record(None, self.name, f"{err.message}; the rest of the file is skipped")
        except UnicodeDecodeError as err:
            yield Record(
                None,
                self.name,
                f"{self.name}: not valid UTF-8 ({_one_line(err.reason)}); the rest of the file is skipped",
            )

    # -- JSON Lines ----------------------------------------------------------------------------------

    def read_warc(self, stream: _Stream) -> Iterator[Record]:
        """HTML responses of a WARC (or ARC) file, each extracted like a single page. The record's
        target URI becomes the article's url (and default id); nothing it names is fetched. Other
        records (requests, metadata, revisits, non-HTML responses, and responses that are no page: redirects, error
        pages, partial content) are skipped silently, as a crawl is full of them.

        A damaged or cut-short record is reported and skipped. In a file that can be read again from any
        point (a file on disk, not a pipe), reading then resumes at the next record: the next ``WARC/1.x``
        header line of an uncompressed WARC file, the next ARC header line of an uncompressed ARC file, the next gzip
        member of a compressed one; and there an uncompressed record that is whole but for the blank lines after it
        is kept. On a pipe (stdin), reading goes on where warcio guesses the next record is, and the records a
        damaged length ran over are counted in its report."""
        n = 0  # records met so far, across resumptions: names a record that has no URI
        gzipped = stream.peek(2)[:2] == _GZIP_MAGIC
        first_line = _first_line(stream, gzipped=gzipped)
        # an ARC v1 file is resumed at its next record header line, as a WARC file at its next WARC/1.x line
        arc = _ARC_HEADER.fullmatch(first_line + b"\n") is not None
        resumable = stream.seekable() and (first_line.startswith(b"WARC/") or arc)
        # Past the budget, an uncompressed file on disk has each record's length checked before warcio reads it (a
        # look at the bytes where it ends): a damaged one is then found without reading the rest of the file, and
        # reading still resumes at the next record. Where looking back is dear (a file gzipped whole: a GzipFile
        # seeks back by decompressing from the start), the rest is read once, as from a pipe.
        checked = False
        cheap_seeks = not gzipped and isinstance(stream, io.BufferedReader)
        # Each resumption reads on from the record after the damaged one. A file whose every Content-Length points
        # near its end would have warcio read all the rest of it each time (quadratic): past a budget of reading
        # the file a few times over, the rest is read once, as from a pipe.
        budget = 0
        if resumable:
            start = stream.tell()
            try:
                end = stream.seek(0, io.SEEK_END)
            except (EOFError, OSError, zlib.error):
                # A file gzipped whole is sized by decompressing it: cut short, it has no end to seek to, and is
                # read once, as from a pipe, so that the records before the cut are still read.
                end = None
            stream.seek(start)
            if end is None:
                resumable = False
            else:
                budget = _WARC_REREAD * max(end - start, 0) + _CHUNK
        while True:
            outcome: list[_WarcDamage] = []
            start = stream.tell() if resumable else 0
            yield from self._warc_run(
                stream,
                n,
                outcome,
                first_line=first_line,
                resumable=resumable,
                checked=checked,
                arc=arc,
                gzipped=gzipped,
            )
            if resumable and not checked:
                budget -= max(stream.tell() - start, 0)
                if budget <= 0:
                    checked = cheap_seeks
                    resumable = cheap_seeks
            if not outcome:
                return
            damage = outcome[0]
            resume = None
            if stream.seekable():
                resume = _warc_resync(stream, damage.offset, gzipped=gzipped, arc=arc)
                if not gzipped and damage.last is not None and damage.last < damage.offset:
                    # A damaged length can make warcio read past record boundaries: the first record after the
                    # last one read is where to go on, unless it is the damaged record itself.
                    first = _warc_resync(stream, damage.last, gzipped=False, arc=arc)
                    if first is not None and first < damage.offset:
                        resume = first
            if damage.wrong_length:
                whole = None if gzipped else _next_after_whole(stream, damage.offset, arc=arc)
                if whole is not None:  # the record is whole; only the blank lines after it are missing
                    if damage.page is not None:
                        yield damage.page
                    n = damage.records
                    stream.seek(whole)
                    continue
                damage = _judge_length(stream, damage, resume, gzipped=gzipped, arc=arc)
            if resume is None:
                yield Record(None, damage.where, damage.at_end)
                return
            yield Record(None, damage.where, f"{damage.resumed}; reading resumed at the next record (byte {resume:,})")
            n = damage.records
            stream.seek(resume)

    def _warc_run(
        self,
        stream: _Stream,
        first: int,
        outcome: list[_WarcDamage],
        *,
        first_line: bytes,
        resumable: bool,
        checked: bool = False,
        arc: bool = False,
        gzipped: bool = False,
    ) -> Iterator[Record]:
        """Records from the stream's position until its end or the first damage, which is put in ``outcome``
        (with the offset of the damaged record, to look for the next one after it) rather than reported.
        ``first_line`` is the file's first line, to tell a file that is no WARC from one whose first record is cut.
        ``resumable``: a record whose length is wrong goes to ``outcome`` too, to be judged by looking at the file
        again; otherwise it is reported here and warcio's own guess at the next record is read on. ``checked``: each
        record's length is checked before warcio reads the record, and one that does not end at a record boundary
        goes to ``outcome`` unread (``arc``: the boundary is an ARC header line)."""
        from warcio.exceptions import ArchiveLoadFailed

        n = first
        kind_of_record, length_field = _record_word(arc), _length_word(arc)  # what the messages call them
        # Read once (a pipe, or past the budget), an uncompressed record whose length runs on swallows the records
        # it runs over: their header lines, seen as warcio reads, are counted so that the loss is said.
        headers = None if resumable or gzipped else _HeaderScan(stream, arc=arc)
        archive = _archive_iterator(headers or stream)
        pending: Record | None = None  # the last record read, held until warcio has read past its end
        seen_errors = 0
        last: tuple[Any, int] | None = None  # the last record and its offset

        def settle() -> Iterator[Record]:
            # warcio finds a record whose Content-Length is wrong only when it reads on and finds no blank line after
            # the record (an error it counts). Which way the length is wrong, and so where the next record starts,
            # is only told by looking at the file again: the damage goes to read_warc, which does.
            nonlocal seen_errors, pending
            record, pending = pending, None
            if archive.err_count <= seen_errors:
                if record is not None:
                    yield record
                return
            seen_errors = archive.err_count
            if last is None:
                return
            # called before ``n`` and ``last`` move on to the record warcio read next: they name the damaged one
            uri = last[0].rec_headers.get_header("WARC-Target-URI")
            where = record.where if record is not None else f"{self.name}:{_one_line(uri) if uri else f'record {n}'}"
            # a record that gave no page (a request, metadata, a redirect) is named as the record it is: no page of
            # the crawl was lost
            kind = None if record is not None else _one_line(str(last[0].rec_type or "untyped"))[:40]
            if kind is not None:
                where = self.name
            if resumable:
                outcome.append(_WarcDamage(n, last[1], where, "", "", wrong_length=True, page=record, kind=kind))
                return
            # a pipe cannot be read again: warcio's own guess at the next record is all there is
            lost = "its page would be cut short or run into the next record, so it is skipped"
            inside = headers.between(last[1], archive.offset) if headers is not None else 0
            swallowed = f"; its length runs over {plural(inside, 'more record')}, skipped with it" if inside else ""
            yield Record(
                None,
                where,
                f"{where}: {_whose_length(n, kind, arc=arc)} does not end where its content does (a damaged record); "
                + (lost if kind is None else "it is skipped")
                + swallowed,
            )

        try:
            for rec in archive:
                yield from settle()
                if outcome:
                    return
                n += 1
                last = (rec, archive.offset)
                if rec.format == "warc" and rec.rec_type not in _WARC_TYPES:
                    shown = "no WARC-Type" if rec.rec_type is None else f"WARC-Type {_one_line(rec.rec_type)[:40]!r}"
                    yield Record(
                        None,
                        self.name,
                        f"{self.name}: WARC record {n} has {shown} (damaged header lines?); that record is skipped",
                    )
                    continue
                if rec.format == "warc" and not (rec.rec_headers.get_header("Content-Length") or "").strip().isdigit():
                    # warcio hands over a record whose header lines stop early (the file ends inside them, or a
                    # damaged line) without a length, and would pass it over as a record of no interest.
                    if n == 1 and not first_line.startswith(b"WARC/"):
                        # warcio reads any line of five words as an ARC record header ("garbage not a warc at all"),
                        # whose length is then no number: not a record cut short, but a file that is no crawl
                        shown = _one_line(first_line.decode("utf-8", "replace"))[:60]
                        yield Record(
                            None,
                            self.name,
                            f"{self.name}: not a readable WARC file (its first line, {shown!r}, is no WARC or ARC "
                            "record header)",
                        )
                        return
                    declared = (rec.rec_headers.get_header("Content-Length") or "").strip()
                    if declared:
                        # a whole header block whose length is no number ('-5'): nothing was cut
                        shown = _one_line(declared)[:40]
                        said = (
                            f"{self.name}: {kind_of_record} record {n} has {length_field} {shown!r}, which is no "
                            "length (a damaged header); that record is skipped"
                        )
                        outcome.append(_WarcDamage(n, archive.offset, self.name, said, said))
                        return
                    head = f"{self.name}: {kind_of_record} record {n} is cut short"
                    outcome.append(
                        _WarcDamage(
                            n,
                            archive.offset,
                            self.name,
                            f"{head} (the file ends inside its header lines); that record is skipped",
                            f"{head} (its header lines are damaged); that record is skipped",
                        )
                    )
                    return
                if checked and not _ends_at_boundary(stream, archive.offset, arc=arc):
                    # warcio would read the whole length, maybe the rest of the file, only to find it wrong
                    uri = rec.rec_headers.get_header("WARC-Target-URI")
                    page = rec.rec_type in ("response", "resource")
                    where = f"{self.name}:{_one_line(uri) if uri else f'record {n}'}" if page else self.name
                    kind = None if page else _one_line(str(rec.rec_type or "untyped"))[:40]
                    outcome.append(_WarcDamage(n, archive.offset, where, "", "", wrong_length=True, kind=kind))
                    return
                http = rec.http_headers if rec.rec_type == "response" else None
                if rec.rec_type not in ("response", "resource") or (rec.rec_type == "response" and http is None):
                    self.skipped[f"{rec.rec_type} records" if rec.rec_type != "response" else "no HTTP headers"] += 1
                    continue
                if http is not None and not _page_status(http.get_statuscode()):
                    self.skipped["redirect or error status"] += 1
                    continue
                # A resource record (a page a crawler stored as it is, as wget's --warc-file does for local copies)
                # has its Content-Type in its WARC headers, a response in its HTTP headers.
                ctype = ((http or rec.rec_headers).get_header("Content-Type") or "").strip().lower()
                coding = http.get_header("Content-Encoding") if http is not None else None
                if ctype and "html" not in ctype and not ctype.startswith(_UNTYPED):
                    self.skipped[f"not HTML ({_one_line(ctype.split(';')[0].strip())[:40]})"] += 1
                    continue
                uri = rec.rec_headers.get_header("WARC-Target-URI") or None
                where = f"{self.name}:{_one_line(uri) if uri else f'record {n}'}"
                body = rec.content_stream().read(self.max_bytes + 1)
                if "html" not in ctype and not _looks_like_html(body):
                    # no type, or a server's default one: the payload says what it is
                    self.skipped["untyped, not HTML"] += 1
                    continue
                if len(body) > self.max_bytes:
                    pending = self._too_large(where, len(body))
                    continue
                if getattr(rec.raw_stream, "limit", 0) > 0:
                    # The record's Content-Length promised more than the file holds: the page is cut short,
                    # and an article missing its end would be compared as if it were whole.
                    outcome.append(
                        _WarcDamage(
                            n,
                            archive.offset,
                            where,
                            f"{where}: the record is truncated (the file ends inside it)",
                            f"{where}: the record's {length_field} runs past its content (a damaged record); it is "
                            "skipped",
                        )
                    )
                    return
                meta: dict[str, Any] = {}
                crawled = rec.rec_headers.get_header("WARC-Date")
                if crawled:
                    meta["crawled"] = crawled
                pending = self._record(
                    where,
                    uri or f"{self.id_base}:{n}",
                    lambda body=body, uri=uri, meta=meta, where=where, ctype=ctype, coding=coding: article_from_html(  # type: ignore[misc]
                        _decode_page(body, where, ctype, coding),
                        url=uri,
                        meta=meta,
                        where=where,
                    ),
                )
        except Exception as err:  # warcio also trips over some damaged headers (AttributeError): one record, one error
            yield from settle()
            if outcome:
                return  # warcio tripped over what it took for the next record: the damaged length's doing
            said_by_warcio = isinstance(err, ArchiveLoadFailed)
            if said_by_warcio:
                detail = _one_line(str(err).strip())
                if len(detail) > 80:  # warcio quotes the damaged bytes, which may be a whole compressed record
                    detail = detail[:77] + "..."
            elif isinstance(err, EOFError | zlib.error):
                detail = _read_error(err)
            else:  # warcio's own bug on a damaged header (a class name) says nothing a reader could act on
                detail = "damaged record headers"
            head = f"{self.name}: unreadable {kind_of_record} record after record {n} ({detail})"
            at_end = f"{head}; the rest of the file is skipped"
            if not said_by_warcio and not isinstance(err, EOFError | zlib.error) and _read_to_end(archive):
                # warcio trips (AttributeError) on a response record whose header lines stop before its URI: where
                # the file ends there, the record is cut short, as when warcio hands over one without a length
                # (``head`` is left alone: it is said only when reading resumes at a later record, so the file did
                # not end there)
                at_end = f"{self.name}: {kind_of_record} record {n + 1} is cut short (the file ends inside its header "
                at_end += "lines); that record is skipped"
            elif (
                not said_by_warcio
                and not isinstance(err, EOFError | zlib.error)
                and _length_past_end(stream, archive.offset)
            ):
                # warcio trips on the same missing URI when the file ends inside the record's HTTP headers; its
                # Content-Length says the file was cut, which is what to tell when no record follows
                at_end = f"{self.name}: {kind_of_record} record {n + 1} is cut short (its {length_field} runs past "
                at_end += "the end of the file); that record is skipped"
            if said_by_warcio and n == 0:
                at_end = f"{self.name}: not a readable WARC file ({detail})"
            # after a damaged record warcio's offset may count decompressed bytes: never look back past the last
            # record it read
            offset = max(archive.offset, last[1] + 1 if last is not None else 0)
            outcome.append(_WarcDamage(n + 1, offset, self.name, at_end, head, last[1] if last is not None else None))
            return
        yield from settle()
        if outcome:
            return
        # warcio ends quietly when the file stops inside a record's headers (or so early in its HTTP headers that
        # the page no longer reads as HTML): a record lost is reported, not passed over.
        if last is not None and getattr(last[0].raw_stream, "limit", 0) > 0:
            outcome.append(
                _WarcDamage(
                    n,
                    last[1],
                    self.name,
                    f"{self.name}: the file ends inside record {n} (truncated); that record is skipped",
                    f"{self.name}: {kind_of_record} record {n}'s {length_field} runs past the records after it (a "
                    "damaged record); it is skipped",
                )
            )
        elif archive.offset < archive.fh.tell():
            yield Record(
                None,
                self.name,
                f"{self.name}: the file ends inside record {n + 1} (truncated); that record is skipped",
            )

    def read_jsonl(self, stream: _Stream) -> Iterator[Record]:
        """One article object per line, read a line at a time. Blank lines are skipped."""
        problem = _head_problem(stream.peek(_HEAD)[:_HEAD], self.name, by_line=True)
        if problem:
            yield Record(None, self.name, problem)
            return
        if _json_array_over_lines(stream.peek(_HEAD)[:_HEAD]):
            # pretty-printed JSON named .jsonl: read as the JSON array it is (as a .json file is), not as one
            # "malformed JSON" error per line and no article
            data = stream.read(self.max_bytes + 1)
            if len(data) > self.max_bytes and _array_goes_on(data):
                yield from self._json_array_stream(_chain(data, iter(lambda: stream.read1(_CHUNK), b"")))
                return
            try:
                value = json.loads(self._decode_whole(data))
            except (InputError, ValueError, RecursionError):
                value = None
            if isinstance(value, list):
                yield from self._json_value(value)
                return
            # no array after all (one that does not parse, or a line "[" of its own before JSON Lines): its
            # lines, each good one an article and each bad one its own error, as any JSON Lines file is read; a file
            # over --max-bytes goes on from the stream after the bytes already read
            stream = _replayed(data, stream)
        yield from self._jsonl_records(_json_lines(stream, self.max_bytes))

    def _jsonl_lines(self, numbered: Iterable[tuple[int, str]]) -> Iterator[Record]:
        """The records of a JSON Lines text already decoded whole (a .json file that holds JSON Lines)."""
        lines = (_json_line(number, text) for number, text in numbered)
        yield from self._jsonl_records(line for line in lines if line is not None)

    def _jsonl_records(self, lines: Iterable[JsonLine]) -> Iterator[Record]:
        for line in lines:
            where = f"{self.name}:{line.number}"
            if line.error is not None:
                yield Record(None, where, f"{where}: {line.error}")
            else:
                yield self._from_value(line.value, where, f"{self.id_base}:{line.number}")

    # -- CSV / TSV -----------------------------------------------------------------------------------

    def read_csv(self, stream: _Stream, *, delimiter: str) -> Iterator[Record]:
        """One article per row after a header row, read a row at a time with the csv module. Rows
        may span lines (quoted newlines); a row is named by the line it starts on."""
        head = stream.peek(_HEAD)[:_HEAD]
        source: _Stream | _CrLines | _Utf16Lines = stream
        if head.startswith(_UTF16_BOMS) and not head.startswith(b"\xff\xfe\x00\x00"):
            # Excel's "Unicode Text" and some Windows exports: UTF-16 with its byte-order mark, read as UTF-8 lines
            source = _Utf16Lines(stream, self.name)
            head = head[: len(head) // 2 * 2].decode("utf-16", errors="ignore").encode("utf-8")
        else:
            problem = _head_problem(head, self.name, legacy=_legacy_lines(head))
            if problem:
                yield Record(None, self.name, problem)
                return
        _raise_field_limit(self.max_bytes)
        if not isinstance(source, _Utf16Lines) and _cr_only(head):
            # Lines ended by CR alone, as Excel for Mac's "CSV (Macintosh)" writes them: read as one line, the
            # header ran into every row and the csv module stopped the run with an internal error.
            source = _CrLines(stream)
            head = head.replace(b"\r", b"\n")
        if delimiter == "," and _semicolon_header(head):
            delimiter = ";"
        lines = _TextLines(_Lines(source, self.max_bytes), self.name, self.max_bytes, legacy=True, head=head)
        # strict: an unclosed quote is an error, not a cell that silently swallows every row after it
        reader = csv.reader(lines, delimiter=delimiter, strict=True)
        label = "TSV" if delimiter == "\t" else "CSV"
        header: list[str] | None = None
        while True:
            start = lines.lines.line_no + 1
            lines.row_bytes = 0
            lines.row_lines = []
            where = f"{self.name}:{start}"
            try:
                row = next(reader)
            except StopIteration:
                return
            except (_Overlong, _BadLine, csv.Error) as err:
                if isinstance(err, csv.Error) and delimiter == "\t" and header is not None:
                    # Most TSV files quote nothing: a straight quote that opens an article ('"We cannot," she
                    # said') is text, not the start of a quoted cell. Read the row's lines again, one row each.
                    yield from self._unquoted_tsv_rows(header, lines.row_lines, start)
                    continue
                if isinstance(err, _Overlong):
                    failed = self._too_large(where, err.size, "row")
                elif isinstance(err, _BadLine):
                    failed = Record(None, f"{self.name}:{err.line}", err.message)
                else:
                    detail = _one_line(str(err))
                    if detail == "unexpected end of data":
                        detail += " (a quote opened in this row is never closed"
                        # every line after it went into the cell: rows lost, not only this one, which is to be said
                        after = lines.lines.line_no - start
                        if after > 0:
                            detail += f": the {plural(after, 'line')} after it went into its cell, skipped with it"
                        detail += ")"
                    failed = Record(None, where, f"{where}: malformed {label}: {detail}")
                if header is None:  # without the header no row can be read
                    yield Record(None, self.name, f"{failed.error}; cannot read the header row, the file is skipped")
                    return
                yield failed
                continue
            if not row or (len(row) == 1 and not row[0].strip()):
                continue  # blank line
            if header is None:
                header, problem = _header(row, where)
                if problem:
                    yield Record(None, self.name, problem)
                    return
                continue
            yield self._csv_row(header, row, where, f"{self.id_base}:{start}")

    def _unquoted_tsv_rows(self, header: list[str], text_lines: list[str], start: int) -> Iterator[Record]:
        for k, line in enumerate(text_lines):
            for row in csv.reader([line.rstrip("\r\n")], delimiter="\t", quoting=csv.QUOTE_NONE):
                if any(cell.strip() for cell in row):
                    yield self._csv_row(header, row, f"{self.name}:{start + k}", f"{self.id_base}:{start + k}")

    def _csv_row(self, header: list[str], row: list[str], where: str, default_id: str) -> Record:
        fields = plural(len(row), "field")
        if len(row) > len(header):
            return Record(None, where, f"{where}: row has {fields}, the header has {len(header)}")
        cells = dict(zip(header, row, strict=False))  # a short row: missing cells are absent
        record: dict[str, Any] = {}
        for key, value in cells.items():
            if key in ("text", "html"):
                record[key] = value  # as it is: offsets index it, and "empty" has its own message
            elif value.strip():  # every row has every column; a blank cell says nothing
                record[key] = value.strip() if key == "id" else value
        if "text" in record and not record["text"].strip() and record.get("html", "").strip():
            del record["text"]  # both columns, this row only has HTML
        if "text" not in record and "html" not in record:
            # a short row: say what is missing, not only that it is short
            return Record(None, where, f"{where}: row has no text ({fields}, the header has {len(header)})")
        return self._from_value(record, where, default_id)


@dataclass(frozen=True)
class JsonLine:
    """A non-blank line of a JSON Lines file: its number, and its JSON object or what is wrong with it (said without
    the line's place, which each command names its own way: ``file:3`` in scan's errors, ``line 3`` in a batch's
    output). A line that holds no object is an error."""

    number: int
    value: Any = None
    error: str | None = None


def read_json_lines(
    path: str, *, max_bytes: int = DEFAULT_MAX_BYTES, flag_bytes: int | None = None
) -> Iterator[JsonLine]:
    """The lines of a JSON Lines file (``-``: stdin; gzipped or not) as ``scan`` and ``index add`` read them, for
    the commands whose lines are no articles of a corpus (``compare --pairs``, ``trace --batch``): a line that is
    no UTF-8, no JSON or over ``max_bytes`` is that line's error, the rest are read. Raises InputError when the
    file as a whole cannot be read (missing, binary, UTF-16, a legacy encoding throughout). ``flag_bytes``: the
    --max-bytes a line limit above it was made from (each article of the line is held to it), named when a line is
    over its limit."""
    name = STDIN_NAME if path == "-" else _one_line(path)
    with contextlib.ExitStack() as stack:
        stream, _size, _gzipped = _open(path, name, stack)
        problem = _head_problem(stream.peek(_HEAD)[:_HEAD], name, by_line=True)
        if problem:
            raise InputError(problem)
        if _json_array_over_lines(stream.peek(_HEAD)[:_HEAD]):
            # each of its lines would be a "malformed JSON" error of its own (rev24o): one line says what the file
            # is, when it is an array; a first line that merely starts with "[" (a header, a damaged record) is
            # that line's error and the lines after it are read (rev24c)
            data = stream.read(max_bytes + 1)
            if _whole_array(data) if len(data) <= max_bytes else _array_goes_on(data):
                raise InputError(f"{name}: {_JSON_ARRAY_OVER_LINES}")
            stream = _replayed(data, stream)
        # a file that stops being readable part way (a gzipped one cut short) is that line's error: the lines
        # before it are run, as scan keeps the articles read before the damage
        yield from _json_lines(stream, max_bytes, flag_bytes, damage_as_line=True)


def _json_lines(
    stream: _Stream, max_bytes: int, flag_bytes: int | None = None, *, damage_as_line: bool = False
) -> Iterator[JsonLine]:
    """The lines of a JSON Lines stream whose first bytes were found readable as UTF-8 text. ``damage_as_line``:
    a read error (compressed data cut short) ends the lines with an error for the line it hit, not an exception."""
    lines = _Lines(_JsonLineEnds(stream), max_bytes)
    while True:
        try:
            raw = next(lines)
        except StopIteration:
            return
        except (OSError, EOFError, zlib.error) as err:
            if not damage_as_line:
                raise
            yield JsonLine(lines.line_no + 1, error=f"{_read_error(err)}; the rest of the file is skipped")
            return
        except _Overlong as err:
            error = over_limit(err.size, max_bytes, "line")
            if flag_bytes is not None:
                error = error.replace(
                    "limit (raise it",
                    f"limit for a line ({max_bytes // flag_bytes} x --max-bytes {flag_bytes:,}; raise it",
                )
            yield JsonLine(err.line, error=error)
            continue
        number = lines.line_no
        # Looked for only in a line that fails (binary data is never valid JSON): a good line costs nothing.
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            yield JsonLine(number, error=_BINARY_LINE if _binary_line(raw) else _utf8_detail(raw, err))
            continue
        line = _json_line(number, text)
        if line is not None and line.error is not None and _binary_line(raw):
            line = JsonLine(number, error=_BINARY_LINE)
        if line is not None:
            yield line


def _json_line(number: int, text: str) -> JsonLine | None:
    """Line ``number`` of a JSON Lines file, decoded, as a JSON value or its error; None for a blank line."""
    if number == 1:
        text = text.lstrip("\ufeff")
    # without its line end, which JSON would count as a second line of the record: the column of a line cut
    # short is then where it stops, not 1
    text = text.rstrip("\r\n")
    if not text.strip():
        return None
    try:
        value = json.loads(text)
    except json.JSONDecodeError as err:
        return JsonLine(number, error=_json_detail(err.colno, err.msg))
    except RecursionError:
        return JsonLine(number, error="malformed JSON (nested too deeply)")
    if not isinstance(value, dict):
        return JsonLine(number, error=not_an_object(value))
    if "\\ud" in text or "\\uD" in text:
        # the batch commands write a line's own fields back out: a "\ud800" escape there failed that write (its id
        # and url are kept as the Article keeps them, escaped, so an output line's id is its article's)
        value = _valid_unicode_values(value)
    return JsonLine(number, value)


@dataclass(frozen=True)
class _WarcDamage:
    """A damaged WARC record: the records met up to it, where to look for the next record after it, and
    the message when no record follows (``at_end``) or when reading resumes at one (``resumed``)."""

    records: int
    offset: int
    where: str
    at_end: str
    resumed: str
    last: int | None = None  # where the last record read before the damage starts
    # The record's Content-Length does not end at a record boundary: the messages are made once the file is looked
    # at again, which tells which way the length is wrong. ``page`` is the record's page, kept when only the blank
    # lines after it are missing.
    wrong_length: bool = False
    page: Record | None = None
    kind: str | None = None  # the WARC-Type of a damaged record that gave no page


def _whose_length(number: int, kind: str | None, *, arc: bool = False) -> str:
    """Whose Content-Length is wrong: a page's record, or a record that is no page, by its number and type (``arc``:
    an ARC record's length, the last field of its header line)."""
    length = _length_word(arc)
    return f"the record's {length}" if kind is None else f"{_record_word(arc)} record {number} ({kind}): its {length}"


def _record_word(arc: bool) -> str:
    """What a record of the file is called: an ARC file has no WARC records, and a user who reads "WARC record 4"
    of one looks for a WARC file."""
    return "ARC" if arc else "WARC"


def _length_word(arc: bool) -> str:
    # an ARC header line has a length field, no Content-Length header
    return "length" if arc else "Content-Length"


# How many times over reading resumed after damaged records may read a WARC file before the rest is read once
_WARC_REREAD = 3
# The record types of the WARC 1.0 and 1.1 standards: another is a damaged header line far more often than an
# extension.
_WARC_TYPES = frozenset(
    {"warcinfo", "response", "resource", "request", "metadata", "revisit", "conversion", "continuation"}
)
# The start of a record, to resume at after a damaged one: a WARC header line at the start of a line, or a
# gzip member header (deflate, no reserved flags).
_WARC_LINE = re.compile(rb"(?:^|\n)(WARC/1\.[01]\r?\n)")
_GZIP_MEMBER = re.compile(rb"(\x1f\x8b\x08[\x00-\x1f])")
# a WARC header line after a line break, wherever a window of the stream starts
_WARC_LINE_AFTER = re.compile(rb"\n(WARC/1\.[01]\r?\n)")
# An ARC v1 record header line: URL (spaces allowed, as warcio splits from the right; none straight after the
# scheme's colon), IP address (or '-'), archive date, content type (x/y, or the '-', "no-type" and "unk" of old
# crawlers) and length (group 1). warcio reads any line of five words as one; so loose, a page's own text line
# ("Tel: call the office on +44 020794600000 for details") was taken for the next record's header (rev24o). The date
# allows 12 digits, as a file's first line is told an ARC file by this pattern.
_ARC_FIELDS = (
    rb"[A-Za-z][A-Za-z0-9+.\-]*:[^\s][^\r\n]*? (?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]*:[0-9A-Fa-f:.]+|-) \d{12,14} "
    rb"(?:[^\s/]+/\S*|-|no-type|unk) "
)
_ARC_HEADER = re.compile(_ARC_FIELDS + rb"(\d{1,18})\r?\n")
# ...at the start of a line, where resuming after a damaged ARC record finds the next one: a URL of a real shape
# (scheme://, or the dns: and filedesc: records of crawlers) and a 12-14-digit date tell a header from a page's text
# line ("Tel: call the office on +44 020794600000 for details", rev24o); the IP and type fields are as loose as
# warcio reads them ('localhost', a type 'text' with no slash: rev24c), and the last field any, so that a header
# whose own length is damaged ('-697', 'x697') is resumed at and reported, not passed over unsaid.
_ARC_LINE = re.compile(rb"\n((?:[A-Za-z][A-Za-z0-9+.\-]*://|dns:|filedesc:)[^\s][^\r\n]*? \S+ \d{12,14} \S+ \S+\r?\n)")


def _archive_iterator(stream: _Stream | _HeaderScan) -> Any:
    from warcio.archiveiterator import ArchiveIterator

    # warcio logs odd header values it repairs; without a handler of the caller's, Python would print them
    loader_log = logging.getLogger("warcio.recordloader")
    if not loader_log.handlers:
        loader_log.addHandler(logging.NullHandler())
    archive = ArchiveIterator(stream, arc2warc=True)
    # warcio writes a three-line warning of its own to stderr when a record's length is wrong; the record is
    # reported instead, in one line, like every bad record.
    archive.INC_RECORD = ""
    return archive


def _first_line(stream: _Stream, *, gzipped: bool) -> bytes:
    """The first line of a WARC or ARC file, decompressed, from the bytes ``peek`` has at hand (without moving
    the stream); blank lines before it skipped, as warcio skips them."""
    head = stream.peek(_HEAD)[:_HEAD]
    if gzipped:
        try:
            head = zlib.decompressobj(wbits=31).decompress(head, _HEAD)
        except zlib.error:
            return b""
    return head.lstrip(b"\r\n").split(b"\n", 1)[0].rstrip(b"\r")


def _read_to_end(archive: Any) -> bool:
    """True when warcio's reader has nothing left to read: the file ended inside the record it was parsing."""
    reader = archive.reader
    try:
        if reader is None or reader.read(1) != b"":
            return False
        # The reader of a .warc.gz also says b"" at the end of each gzip member, so that alone is no end of the
        # file: the next member may wait in the decompressor's unused bytes or in the stream still unread.
        if getattr(getattr(reader, "decompressor", None), "unused_data", b""):
            return False
        return not reader.stream.read(1)
    except Exception:  # a reader that fails here has something left, if only damage
        return False


_CONTENT_LENGTH = re.compile(rb"(?im)^content-length:[ \t]*(\d{1,18})[ \t]*\r?$")


_WARC_TYPE = re.compile(rb"(?im)^warc-type:[ \t]*\S")


def _declared_end(stream: _Stream, offset: int) -> int | None:
    """Where the uncompressed WARC record at ``offset`` ends by its Content-Length (the blank lines after it not
    counted), from its whole header lines, or the ARC record by its header line's length. None where that cannot be
    told: a pipe, a compressed record."""
    if not stream.seekable() or offset < 0:
        return None
    stream.seek(offset)
    block = stream.read(_HEAD)
    start = len(block) - len(block.lstrip(b"\r\n"))
    arc = _ARC_HEADER.match(block, start)
    if arc is not None:
        return offset + arc.end() + int(arc.group(1))
    end = block.find(b"\r\n\r\n", start)
    if not block.startswith(b"WARC/1.", start) or end < 0:
        return None
    length = _CONTENT_LENGTH.search(block, start, end)
    if length is None:
        return None
    return offset + end + 4 + int(length.group(1))


def _length_past_end(stream: _Stream, offset: int) -> bool:
    """True when the uncompressed WARC record at ``offset`` has whole header lines whose Content-Length promises
    more bytes than the file holds after them. False where that cannot be told: a pipe, a compressed record."""
    end = _declared_end(stream, offset)
    return end is not None and end > stream.seek(0, io.SEEK_END)


def _judge_length(
    stream: _Stream, damage: _WarcDamage, resume: int | None, *, gzipped: bool, arc: bool = False
) -> _WarcDamage:
    """The messages for a record whose Content-Length does not end at a record boundary, by which way it is wrong:
    the next record starting before the length's end means the length runs on into it (the record then holds
    the start of that record, which reading resumes at), after it that the record goes on past its length."""
    where, whose = damage.where, _whose_length(damage.records, damage.kind, arc=arc)
    lost = "its page would be cut short, so it is skipped" if damage.kind is None else "it is skipped"
    message = f"{where}: {whose} ends before its content does (a damaged record); {lost}"
    # a compressed record ends with its gzip member: a length that ran past it was found as a record cut short
    end = None if gzipped else _declared_end(stream, damage.offset)
    if end is not None and resume is not None and resume < end:
        message = f"{where}: {whose} runs past its content into the next record (a damaged record); it is skipped"
    return dataclasses.replace(damage, at_end=message, resumed=message)


def _next_after_whole(stream: _Stream, offset: int, *, arc: bool = False) -> int | None:
    """Where the next record starts when the uncompressed record at ``offset`` is whole and only the blank lines
    between it and the next one are missing (its length ends where a ``WARC/1.x`` line starts, or in an ARC file,
    ``arc``, an ARC header line), else None."""
    end = _declared_end(stream, offset)
    if end is None:
        return None
    stream.seek(end)
    after = stream.read(_SEPARATOR_ROOM + _HEAD)
    start = len(after) - len(after.lstrip())
    if arc:  # an ARC header line is a whole record's start: nothing in it but the length
        return end + start if start <= _SEPARATOR_ROOM and _ARC_HEADER.match(after, start) else None
    if start > _SEPARATOR_ROOM or not re.match(rb"WARC/1\.[01]\r?\n", after[start:]):
        return None
    # A page may hold a WARC/1.x line of its own (a page about crawling): a length cut short just before one would
    # keep a page missing its end as whole. Only a whole header block there is a record.
    head_end = after.find(b"\r\n\r\n", start, start + _HEAD)
    if head_end < 0:
        return None
    if not _WARC_TYPE.search(after, start, head_end) or not _CONTENT_LENGTH.search(after, start, head_end + 2):
        return None
    return end + start


# Whitespace in place of the blank lines between records, with room for a stray space or two
_SEPARATOR_ROOM = 8


def _warc_resync(stream: _Stream, damaged_at: int, *, gzipped: bool, arc: bool = False) -> int | None:
    """The offset of the first record that starts after ``damaged_at``, or None when none does (``arc``: the next
    ARC v1 header line of an uncompressed ARC file)."""
    marker = _GZIP_MEMBER if gzipped else _ARC_LINE if arc else _WARC_LINE
    pos = max(damaged_at, 0) + 1
    stream.seek(pos)
    carry = b""
    while True:
        chunk = stream.read(_CHUNK)
        if not chunk:
            return None
        window = carry + chunk
        m = marker.search(window)
        if m:
            return pos - len(carry) + m.start(1)
        if marker is _ARC_LINE:
            # an ARC header line is found after its line break: the carry is the last line begun, if it may be one
            line = window.rfind(b"\n")
            carry = window[line:] if line >= 0 and len(window) - line <= _HEAD else b""
        else:
            carry = window[-16:]
        pos += len(chunk)


class _HeaderScan:
    """A stream for warcio that notes where a record header line starts in what it reads, so that the records a
    damaged length runs over can be counted where the stream cannot be read again."""

    def __init__(self, stream: _Stream | _EndsEarly, *, arc: bool) -> None:
        self._stream = stream
        self._marker = _ARC_LINE if arc else _WARC_LINE_AFTER
        try:
            self._pos = stream.tell()  # warcio counts from here too, or from 0 where the stream cannot tell
        except (OSError, ValueError):
            self._pos = 0
        self._carry = b""
        self._starts: list[int] = []  # increasing

    def tell(self) -> int:
        return self._stream.tell()

    def read(self, n: int = -1) -> bytes:
        data = self._stream.read(n)
        window = self._carry + data
        base = self._pos - len(self._carry)
        for m in self._marker.finditer(window):
            start = base + m.start(1)
            if not self._starts or start > self._starts[-1]:
                self._starts.append(start)
        if len(self._starts) > 100_000:  # those far behind the record being read are asked about no more
            del self._starts[:50_000]
        self._pos += len(data)
        self._carry = window[-_HEAD:] if self._marker is _ARC_LINE else window[-16:]
        return data

    def between(self, after: int, before: int) -> int:
        """The record header lines seen starting after offset ``after`` and before ``before``; asked in the order
        of the records, so those up to ``after`` are forgotten."""
        first = bisect.bisect_right(self._starts, after)
        del self._starts[:first]
        return bisect.bisect_left(self._starts, before)


def _ends_at_boundary(stream: _Stream, offset: int, *, arc: bool) -> bool:
    """False when the uncompressed record at ``offset`` ends, by its length, where no record starts (nor the file
    ends, blank lines aside): a damaged length. True where that cannot be told. The stream's position is kept."""
    here = stream.tell()
    try:
        end = _declared_end(stream, offset)
        if end is None:
            return True
        stream.seek(end)
        after = stream.read(_SEPARATOR_ROOM + _HEAD)
    finally:
        stream.seek(here)
    start = len(after) - len(after.lstrip())
    if start == len(after):
        return len(after) < _SEPARATOR_ROOM + _HEAD  # the file ends there (a run of whitespace is no record)
    if start > _SEPARATOR_ROOM:
        return False
    if arc:
        return _ARC_HEADER.match(after, start) is not None
    return re.match(rb"WARC/1\.[01]\r?\n", after[start:]) is not None


def _decode_page(body: bytes, where: str, content_type: str, coding: str | None) -> str:
    """A WARC response's page as text. warcio undoes the gzip and deflate content codings and passes any other
    (Brotli, which crawlers ask for, without the brotli package; zstd) as it is: such a page is then named for what
    it is, not called a binary file."""
    try:
        return decode_bytes(body, name=where, charset=_charset_of(content_type))
    except InputError:
        from warcio.bufferedreaders import BufferedReader

        coding = (coding or "").strip().lower()
        if coding and coding != "identity" and coding not in BufferedReader.get_supported_decompressors():
            hint = " (install the brotli package to read it)" if coding == "br" else ""
            raise InputError(
                f"{where}: the page is compressed as {_one_line(coding)[:20]!r}, which cannot be decoded here{hint}"
            ) from None
        raise


# Content-Types that say nothing of what a payload is: a server's default, or none; such a payload is sniffed.
_UNTYPED = ("application/octet-stream", "binary/octet-stream", "unknown", "application/unknown")


def _looks_like_html(body: bytes) -> bool:
    """True when a WARC payload with no telling Content-Type starts as an HTML page does: a doctype or an <html>,
    <head>, <body> or <article> tag, as a browser sniffs it."""
    head = body[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        text = head.decode("utf-16", errors="replace")
    else:
        text = head.decode("utf-8", errors="replace")
    return bool(_sniff(text, head_only=True) == "html" and text.lstrip("\ufeff \t\r\n").startswith("<"))


def _page_status(status: str | None) -> bool:
    """True for the HTTP status of a response that is the page its URL names: 2xx, but not 206 (a part of it).
    A 404 or 500 page read as an article put a site's "page not found" text in the corpus, and a crawl's many
    redirects each came out as a bad record. A status line that gives no number is given the benefit of the doubt."""
    code = (status or "").strip()
    if not (len(code) == 3 and code.isdigit()):
        return True
    return code.startswith("2") and code != "206"


_CHARSET_PARAM = re.compile(r";\s*charset\s*=\s*([^;\s]+)", re.IGNORECASE)


def _charset_of(content_type: str) -> str | None:
    """The charset a Content-Type header names ("text/html; charset=iso-8859-2"), else None."""
    m = _CHARSET_PARAM.search(content_type)
    return m.group(1) if m else None


_CSV_KNOWN = frozenset({"id", "title", "url", "outlet", "published", "text", "html"})


def _semicolon_header(head: bytes) -> bool:
    """True when a .csv file's header row names its text column only when split on ';': the CSV that
    spreadsheet programs write where the comma is the decimal mark. Every row would otherwise be one
    cell, and the file refused for a missing text column that is right there."""
    first = head.split(b"\n", 1)[0].decode("utf-8", "replace").lstrip("\ufeff")

    def names(delimiter: str) -> set[str]:
        return {cell.strip().lower() for row in csv.reader([first], delimiter=delimiter) for cell in row}

    try:
        return not names(",") & {"text", "html"} and bool(names(";") & {"text", "html"})
    except csv.Error:  # a header the csv reader cannot split: reading it says so, in one line
        return False


def _header(row: list[str], where: str) -> tuple[list[str], str | None]:
    """Column names: known ones matched without regard to case or surrounding spaces, others kept
    as written (they become ``meta`` keys). A header without a text column stops the file with one
    message instead of one per row."""
    names = [cell.strip().lower() if cell.strip().lower() in _CSV_KNOWN else cell for cell in row]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        return names, f"{where}: the header names column {duplicates[0]!r} twice; the file is skipped"
    if "text" not in names and "html" not in names:
        shown = ", ".join(repr(_one_line(n)) for n in names[:8]) + (", ..." if len(names) > 8 else "")
        return names, f"{where}: the header row has no 'text' column (columns: {shown}); the file is skipped"
    return names, None


def _raise_field_limit(max_bytes: int) -> None:
    """The csv module's field limit (128 KiB by default) is process-wide; it is only ever raised,
    to fit one whole article in a cell."""
    if csv.field_size_limit() < max_bytes + 1:
        csv.field_size_limit(max_bytes + 1)


# --------------------------------------------------------------------------------------------------
# Line reading


class _Overlong(Exception):
    def __init__(self, line: int, size: int) -> None:
        super().__init__(line, size)
        self.line, self.size = line, size


class _BadLine(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(line, message)
        self.line, self.message = line, message


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class _Utf16Lines:
    """A UTF-16 byte stream with its byte-order mark, read as UTF-8 lines (``readline`` only, as :class:`_Lines`
    reads). Text that is not valid UTF-16 stops the file with one error, after the rows before it."""

    def __init__(self, stream: _Stream, name: str) -> None:
        # A bad surrogate is let through and found in its line: strict decoding failed on the whole ~8K-character
        # chunk it was in, losing the rows before it in that chunk too.
        self._text = io.TextIOWrapper(stream, encoding="utf-16", errors="surrogatepass", newline="")  # type: ignore[arg-type]
        self._name = name

    def readline(self, limit: int = -1) -> bytes:
        try:
            line = self._text.readline(limit)
        except UnicodeDecodeError as err:
            raise InputError(
                f"{self._name}: invalid UTF-16 text ({_one_line(err.reason)}); the rest of the file is skipped"
            ) from None
        if _LONE_SURROGATE.search(line):
            raise InputError(
                f"{self._name}: invalid UTF-16 text (illegal UTF-16 surrogate); the rest of the file is skipped"
            )
        return line.encode("utf-8")


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class _CrLines:
    """A byte stream whose lines end in CR alone, read as lines ending in LF (``readline`` only, as
    :class:`_Lines` reads)."""

    def __init__(self, stream: _Stream) -> None:
        self._stream = stream

    def readline(self, limit: int = -1) -> bytes:
        out = bytearray()
        while limit < 0 or len(out) < limit:
            chunk = self._stream.peek(1)
            if not chunk:
                break
            if limit >= 0:
                chunk = chunk[: limit - len(out)]
            end = chunk.find(b"\r")
            if end >= 0:
                self._stream.read(end + 1)
                out += chunk[:end] + b"\n"
                break
            self._stream.read(len(chunk))
            out += chunk
        return bytes(out)


class _JsonLineEnds:
    """The lines of a JSON Lines stream, ended by LF or, in a file whose first line has a CR and no LF, by CR alone
    (an old Mac editor's export): read as one line, its first record's end was "extra data". A JSON text holds no
    raw line break, so a CR there ends a line. Told from the first line, not the head: one article is often longer
    than the bytes a file's buffer shows ahead."""

    def __init__(self, stream: _Stream) -> None:
        self._stream = stream
        self._cr: _CrLines | None = None
        self._told = False
        # The first line read, in a file whose lines end in CR: without a LF it runs to the limit or the file's end,
        # so it is read through with an offset (re-slicing it at every line was quadratic in the lines it holds).
        self._pending = b""
        self._at = 0

    def readline(self, limit: int = -1) -> bytes:
        if not self._told:
            line = self._stream.readline(limit)
            self._told = True
            if line.endswith(b"\n") or b"\r" not in line:
                return line
            self._cr, self._pending, self._at = _CrLines(self._stream), line, 0
        if self._cr is None:
            return self._stream.readline(limit)
        left = len(self._pending) - self._at
        if left <= 0:
            return self._cr.readline(limit)
        start = self._at
        end = self._pending.find(b"\r", start)
        if end >= 0 and (limit < 0 or end - start < limit):
            self._at = end + 1
            return self._pending[start:end] + b"\n"
        if 0 <= limit <= left:
            self._at = start + limit
            return self._pending[start : self._at]
        out = self._pending[start:]
        self._pending, self._at = b"", 0
        return out + self._cr.readline(limit - len(out) if limit >= 0 else -1)


class _Lines:
    """A byte stream's lines, each at most ``limit`` bytes plus its newline, never holding more.

    A longer line is read to its end in chunks, dropped, and reported by raising :class:`_Overlong`
    from ``__next__``. This is a class and not a generator because a generator that raises is
    finished, and the csv module's reader must be able to go on to the next line after it.
    """

    def __init__(self, stream: _Stream | _CrLines | _Utf16Lines | _JsonLineEnds, limit: int) -> None:
        self._stream = stream
        self._limit = limit
        self.line_no = 0

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> bytes:
        line = self._stream.readline(self._limit + 1)
        if not line:
            raise StopIteration
        self.line_no += 1
        if len(line) > self._limit and not line.endswith(b"\n"):
            size = len(line)
            while True:
                more = self._stream.readline(_CHUNK)
                size += len(more)
                if not more or more.endswith(b"\n"):
                    break
            raise _Overlong(self.line_no, size - (1 if more.endswith(b"\n") else 0))
        return line


class _TextLines:
    """Decoded lines for the csv module, with the byte count of the current row bounded too (a row
    can span many lines inside a quoted field).

    ``legacy``: a file that is not UTF-8 is read in the legacy encoding its lines that are not UTF-8 read as language
    in (Excel on Windows saves "CSV" in windows-1252), those of the file's ``head`` with the first one met, as
    :func:`storytrace.article.decode_bytes` reads a text file; a file whose lines before were UTF-8 with accents
    stays UTF-8, and its bad lines are errors. So are lines that are UTF-8 with damage or read as no language."""

    def __init__(self, lines: _Lines, name: str, limit: int, *, legacy: bool = False, head: bytes = b"") -> None:
        self.lines = lines
        self._name = name
        self._limit = limit
        self.row_bytes = 0
        self.row_lines: list[str] = []  # the current row's lines, to read them again another way
        self._legacy_allowed = legacy
        self._encoding: str | None = None  # the legacy encoding, once a line has needed one
        self._head = head

    def __iter__(self) -> _TextLines:
        return self

    def __next__(self) -> str:
        raw = next(self.lines)
        self.row_bytes += len(raw)
        if self.row_bytes > self._limit + 2:
            raise _Overlong(self.lines.line_no, self.row_bytes)
        try:
            text = raw.decode("utf-8")
            if self._legacy_allowed and not raw.isascii():
                self._legacy_allowed = False  # UTF-8 with accents: the file is UTF-8
        except UnicodeDecodeError as err:
            text = self._legacy(raw, err)
        text = text.lstrip("\ufeff") if self.lines.line_no == 1 else text
        self.row_lines.append(text)
        return text

    def _legacy(self, raw: bytes, err: UnicodeDecodeError) -> str:
        where = f"{self._name}:{self.lines.line_no}"
        if self._encoding is None and self._legacy_allowed:
            # Chosen once, from all the legacy lines of the head: the first alone ("The mayor\x92s plan") chose
            # windows-1250, and the French lines after it read "trčs tard, ŕ la mairie".
            self._encoding = _legacy_lines(self._head + b"\n" + raw)
            self._legacy_allowed = self._encoding is not None
        if self._encoding is not None and not _utf8_with_damage(raw):
            try:
                text = raw.decode(self._encoding)
            except UnicodeDecodeError as legacy_err:
                raise _BadLine(
                    self.lines.line_no,
                    f"{where}: neither UTF-8 nor {self._encoding} text (invalid byte 0x{raw[legacy_err.start]:02x} at "
                    f"byte {legacy_err.start + 1} of the line)",
                ) from None
            if _reads_as_language(text):
                return text
        raise _BadLine(self.lines.line_no, _utf8_error(where, raw, err))


# A UTF-8 character cut after its lead byte at the end of a word ("caf\xc3 would"): in windows-1252 an upper-case
# letter after a lower-case one, which no word has.
_CUT_UTF8 = re.compile(rb"[a-z][\xc2-\xde](?=[^A-Za-z\x80-\xff]|$)")
# A run of Latin letters that are all non-ASCII and stand alone ("\xff\xfe\xfd\xfc" read as "ÿþýü"): no word of a
# language in a Latin script is written so.
_NO_WORD = re.compile(r"(?<![A-Za-z])[^\x00-\x7f]{3,}(?![A-Za-z])")


def _utf8_with_damage(line: bytes) -> bool:
    return damaged_utf8(line) or _CUT_UTF8.search(line) is not None


def _reads_as_language(text: str) -> bool:
    return not any(all(unicodedata.name(c, "").startswith("LATIN") for c in m.group()) for m in _NO_WORD.finditer(text))


# How much more language evidence (charset-normalizer's coherence) another legacy encoding needs than windows-1252,
# which Excel on Windows writes, when both read the lines: on a few short lines the two differ only by chance.
_WESTERN_MARGIN = 0.1


def _legacy_lines(data: bytes) -> str | None:
    """The legacy encoding the lines of ``data`` that are not UTF-8 read as language in (see ``_TextLines``); None
    when there are none, or they are UTF-8 with damage, or read as no language in any encoding. Windows-1252 when it
    reads them about as well as the encoding that reads them best."""
    legacy = []
    for line in data.split(b"\n"):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            if not _utf8_with_damage(line):
                legacy.append(line)
    if not legacy:
        return None
    sample = b"\n".join(legacy)
    encoding = legacy_encoding(sample)
    if encoding is None or encoding == "cp1252":
        return encoding
    try:
        western = sample.decode("cp1252")
    except UnicodeDecodeError:
        return encoding
    if western == sample.decode(encoding):
        return "cp1252"
    from charset_normalizer import from_bytes

    coherence = {str(m.encoding): m.coherence for m in from_bytes(sample)}
    if coherence.get(encoding, 0.0) <= coherence.get("cp1252", 0.0) + _WESTERN_MARGIN:
        # unless windows-1252's reading shows the stand-ins of another code page's letters ("£ódŸ" for "Łódź")
        return plausible_code_page(sample, "cp1252")
    return encoding


def _cr_only(head: bytes) -> bool:
    """True for a file whose lines end in CR alone, as Excel for Mac's "CSV (Macintosh)" writes them: no CR LF, and
    the header row, which names the text column, ends in a CR. Excel for Mac ends a line inside a quoted cell with
    LF, so a LF in the file does not say that its lines end in LF."""
    # A UTF-8 byte-order mark, as Excel writes before "CSV UTF-8", is no part of the first column's name: left on,
    # "\ufefftext" named no text column and a LF in a quoted cell made every CR-ended row one line.
    head = head.removeprefix(b"\xef\xbb\xbf")
    cr = head.find(b"\r")
    lf = head.find(b"\n")
    if cr < 0 or b"\r\n" in head:
        return False
    if lf < 0:
        return True
    header = {cell.strip().strip(b'"').strip().lower() for cell in re.split(rb"[,;\t]", head[:cr])}
    return cr < lf and bool(header & {b"text", b"html"})


def _utf8_error(where: str, raw: bytes, err: UnicodeDecodeError) -> str:
    return f"{where}: {_utf8_detail(raw, err)}"


def over_limit(size: int, max_bytes: int, what: str) -> str:
    """``what is N KB, over the M KB limit (raise it with --max-bytes)``."""
    shown, limit = _human_size(size), _human_size(max_bytes)
    if shown == limit:  # 5,000,001 bytes must not read as "5.0 MB, over the 5.0 MB limit"
        shown, limit = f"{size:,} bytes", f"{max_bytes:,}-byte"
    return f"{what} is {shown}, over the {limit} limit (raise it with --max-bytes)"


def _utf8_detail(raw: bytes, err: UnicodeDecodeError) -> str:
    return f"not valid UTF-8 (invalid byte 0x{raw[err.start]:02x} at byte {err.start + 1} of the line)"


_UTF16_32_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


def _head_problem(head: bytes, name: str, *, legacy: str | bool | None = False, by_line: bool = False) -> str | None:
    """Why a JSONL/CSV file cannot be read line by line at all, judged from its first bytes: a
    binary file would otherwise give one error per "line", and a legacy-encoded one an error on
    every line with an accent. None when it looks like UTF-8 text, or ``legacy`` says it reads in a legacy
    encoding (a CSV file, which is read in it: ``legacy`` is that encoding, or None when it reads in none).
    ``by_line`` (JSONL, where a line is a record) calls the file binary only when most of its lines are: one
    corrupt record among text ones is that record's error (:func:`_binary_line`), and the rest is read."""
    if head.startswith(_UTF16_32_BOMS):
        return f"{name}: the file is UTF-16 or UTF-32; re-save it as UTF-8"
    # The last line of the sample may be cut, so it is ignored (unless it is all there is).
    lines = head.split(b"\n")[:-1] if len(head) >= _HEAD and b"\n" in head else head.split(b"\n")
    binary_seen = False
    if by_line:
        records = [line for line in lines if line.strip()]
        # A NUL is no character of news text: a line holding one counts as binary here (a compiled file's
        # "lines" hold NULs among mostly printable bytes), though alone it is only that record's JSON error.
        binary_lines = [line for line in records if b"\x00" in line or _binary_line(line)]
        binary = len(binary_lines)
        # By bytes too: a compiled file's few long binary "lines" hold most of it among many short strings of text;
        # but not for one or two lines, which may be corrupt records among text ones.
        binary_bytes = sum(len(line) for line in binary_lines)
        if (
            head.startswith(_BINARY_MAGIC)
            or binary * 2 > len(records)
            or (binary >= 3 and binary_bytes * 2 > sum(len(line) for line in records))
        ):
            return f"{name}: looks like a binary file, not article text"
        binary_seen = binary > 0
    elif head.startswith(_BINARY_MAGIC) or b"\x00" in head or _binary_line(head):
        return f"{name}: looks like a binary file, not article text"
    # A legacy encoding shows on several lines and never as valid UTF-8; one damaged line among
    # ASCII ones is only that line's error.
    bad: list[tuple[int, bytes, UnicodeDecodeError]] = []
    valid_non_ascii = False
    offset = 0
    for line in lines:
        if by_line and _binary_line(line):
            # binary data is no text to judge an encoding by, but it counts toward the byte offsets after it
            offset += len(line) + 1
            continue
        try:
            line.decode("utf-8")
            valid_non_ascii = valid_non_ascii or not line.isascii()
        except UnicodeDecodeError as err:
            bad.append((offset, line, err))
        offset += len(line) + 1
    if len(bad) >= 2 and not valid_non_ascii and not legacy:
        if binary_seen and _legacy_lines(b"\n".join(line for _, line, _ in bad)) is None:
            # with binary lines about, lines that read as language in no encoding are more binary data, not
            # a legacy-encoded text to re-save (a Parquet or compiled file's lines)
            return f"{name}: looks like a binary file, not article text"
        at, first, error = bad[0]
        why = "it reads as text in no encoding known here" if legacy is None else "it looks like a legacy encoding"
        return (
            f"{name}: not UTF-8 (invalid byte 0x{first[error.start]:02x} at byte {at + error.start}; "
            f"{why}); re-save the file as UTF-8"
        )
    return None


def _binary_line(line: bytes) -> bool:
    """True for a line of binary data rather than text, by the share of control bytes the text check of a whole
    file uses. A stray NUL in a long line of text is not enough: that line is text with a fault JSON names."""
    controls = len(line) - len(line.translate(None, _CONTROL_BYTES))
    return controls > _MAX_CONTROL_SHARE * len(line)


_BINARY_LINE = "binary data, not a JSON record (a corrupt line?)"


def _binary_record(where: str) -> Record:
    return Record(None, where, f"{where}: {_BINARY_LINE}")


#: What a batch file (trace --batch, compare --pairs) that is pretty-printed JSON is told, in ``not_an_object``'s words
_JSON_ARRAY_OVER_LINES = (
    "a JSON array over several lines, where JSON Lines hold one object a line (put each of its objects on a line of "
    "its own)"
)


def _json_array_over_lines(head: bytes) -> bool:
    """True when a file may be a JSON array over several lines, not JSON Lines: its first line starts with "[" and
    is no whole JSON value ("[" alone, "[{", "[{...},", an object split after its first key, or a first record
    longer than ``head``). It is only a possibility: the readers parse the whole file and read it line by line when
    it is no array, so an export's "[export 2025-03-05 ...] 3 articles" header or a damaged first record is that
    line's error and the lines after it are read (rev24c). A first line that is a whole value (an array on one line)
    is JSON Lines' own error for that line."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text[:1] != b"[":
        return False
    # no line break in the head: a first line longer than it (a 1,500-word first record, rev25e 4) or the whole file
    first = text.split(b"\n", 1)[0].strip()
    try:
        json.loads(first)
    except (ValueError, RecursionError):
        return True
    return False


def _whole_array(data: bytes) -> bool:
    """Does ``data`` (a whole file) parse as one JSON array?"""
    try:
        return isinstance(json.loads(data.decode("utf-8-sig")), list)
    except (ValueError, RecursionError):
        return False


def _array_goes_on(data: bytes) -> bool:
    """Whether the first bytes of a file that may be a JSON array (``_json_array_over_lines``) go on as an array of
    articles: an object (or "]") after the "[", followed by "," or "]". A "[" line of its own before JSON Lines is
    followed by the next line's object, an export's "[export ...]" header by a word, a damaged first record breaks
    before its line ends: such a file over --max-bytes is read line by line, not streamed as an array that breaks
    after one article and skips the rest. An element not ended in ``data`` (one over the limit) is an array's only
    after a first line that opens one alone ("[" or "[{", pretty-printed JSON); after any other, it may as well be a
    damaged first record over the limit, and the lines after it are read as on any JSON Lines file."""
    text = data.decode("utf-8", "replace").lstrip("\ufeff \t\r\n")
    if text[:1] != "[":
        return True
    decoder = json.JSONDecoder()
    at = _after_space(text, 1)
    if text[at : at + 1] == "]":
        return True
    if text[at : at + 1] != "{":
        return False
    try:
        _, at = decoder.raw_decode(text, at)
    except json.JSONDecodeError as err:
        # cut off by the bytes read, not broken: nothing left after the error, or a string running to their end (a
        # JSON string holds no line break, so one that meets one is a damaged record)
        cut = err.pos >= len(text.rstrip()) or (
            err.msg.startswith("Unterminated string") and "\n" not in text[err.pos :]
        )
        return cut and re.sub(r"\s+", "", text.split("\n", 1)[0]) in ("[", "[{")
    except RecursionError:
        return True
    at = _after_space(text, at)
    return at >= len(text) or text[at] in ",]"


def _after_space(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t\r\n":
        at += 1
    return at


def _replayed(data: bytes, stream: _Stream) -> io.BufferedReader:
    """``data``, already read from ``stream``, then the rest of ``stream``, as one stream to read lines from."""
    pending = [data]

    def read(n: int) -> bytes:
        return pending.pop() if pending else stream.read1(n)

    return io.BufferedReader(_RawReader(read))


def _first_line_is_object(text: str) -> bool:
    for line in text.lstrip("\ufeff").split("\n"):
        if line.strip():
            try:
                return isinstance(json.loads(line), dict)
            except (ValueError, RecursionError):
                return False
    return False


def _json_error(where: str, line: int | None, column: int, msg: str) -> str:
    return f"{where}: {_json_detail(column, msg)}" if line is None else f"{where}:{line}: {_json_detail(column, msg)}"


def _json_detail(column: int, msg: str) -> str:
    return f"malformed JSON at column {column}: {_one_line(_JSON_ERROR_TAIL.sub('', msg))}"


def _chain(first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    yield first
    yield from rest


# --------------------------------------------------------------------------------------------------
# Streaming JSON arrays


class _Oversize(Exception):
    pass


class _JsonSyntax(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class _JsonScanner:
    """A window over a JSON text arriving in chunks: ``buf[pos:]`` is what is not consumed yet.

    Consumed text is dropped as the window moves, with the line and column of its start kept so that
    error positions still refer to the file.
    """

    def __init__(self, chunks: Iterator[bytes], max_bytes: int, name: str = "") -> None:
        self._chunks = chunks
        self._decoder = codecs.getincrementaldecoder("utf-8-sig")("strict")
        self._max = max_bytes
        self._eof = False
        self.name = name
        self.buf = ""
        self.pos = 0
        self._line = 1  # line of buf[0]
        self._col = 1  # column of buf[0]
        self._json = json.JSONDecoder()

    def _more(self, want: int = _CHUNK) -> bool:
        if self._eof:
            return False
        if self.pos:
            consumed = self.buf[: self.pos]
            newlines = consumed.count("\n")
            if newlines:
                self._line += newlines
                self._col = len(consumed) - consumed.rfind("\n")
            else:
                self._col += len(consumed)
            self.buf = self.buf[self.pos :]
            self.pos = 0
        got = 0
        while got < want:
            chunk = next(self._chunks, b"")
            if not chunk:
                self.buf += self._decoder.decode(b"", final=True)
                self._eof = True
                break
            got += len(chunk)
            self.buf += self._decoder.decode(chunk)
        return got > 0

    def position(self, index: int) -> tuple[int, int]:
        newlines = self.buf.count("\n", 0, index)
        if newlines:
            return self._line + newlines, index - self.buf.rfind("\n", 0, index)
        return self._line, self._col + index

    def error(self, msg: str, index: int | None = None) -> _JsonSyntax:
        line, column = self.position(self.pos if index is None else index)
        return _JsonSyntax(_json_error(self.name, line, column, msg))

    def peek_char(self) -> str:
        """The next non-whitespace character ('' at the end), without consuming it."""
        while True:
            blank = _WS.match(self.buf, self.pos)
            assert blank is not None  # the pattern matches the empty string
            self.pos = blank.end()
            if self.pos < len(self.buf) or not self._more():
                return self.buf[self.pos : self.pos + 1]

    def expect(self, char: str) -> None:
        if self.peek_char() != char:
            raise self.error(f"Expecting '{char}'")
        self.pos += 1

    def value(self) -> tuple[Any, int, int]:
        """Parse the value at ``pos``: the value, and the indexes of its start and of just past it
        (``pos`` itself may move when the window slides)."""
        self.peek_char()
        while True:
            try:
                value, end = self._json.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as err:
                # Only an error at the edge of the window, or a string still open there, may be the
                # window's fault; anything else is a syntax error whatever follows.
                cut = err.pos >= len(self.buf) - _MAX_TOKEN_TAIL or err.msg.startswith("Unterminated string")
                if cut and self._grow():
                    continue
                raise self.error(err.msg, err.pos) from None
            except RecursionError:
                raise self.error("nested too deeply") from None
            if end < len(self.buf) or self._eof:
                return value, self.pos, end
            if not self._grow():  # a number or literal cut at the window's edge: read on and retry
                return value, self.pos, end

    def _grow(self) -> bool:
        """Read more of an incomplete value, doubling the window so a large value is re-parsed only
        a logarithmic number of times; refuse once the value alone is over the limit."""
        pending = len(self.buf) - self.pos
        if pending > self._max:
            raise _Oversize
        return self._more(max(_CHUNK, pending))
