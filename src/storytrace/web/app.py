"""The FastAPI application behind ``storytrace serve`` (imported only when the app is built).

Bounded and safe by construction:

- a request body over ``max_request_bytes`` is refused with 413 before anything reads it;
- compare and trace run in a small thread pool (``workers``), at most ``max_pending`` jobs queued or running
  (503 beyond: busy), each answered within ``timeout`` seconds (503 after: the job is abandoned);
  ``/health`` never waits for them;
- inputs are texts: no field of a request is ever opened as a file or fetched as a URL (unknown JSON fields
  are refused; an uploaded file's name only picks its format and names it in the report);
- errors are one-line JSON ``{"error": "..."}`` (HTML pages for the form routes), never a traceback;
- with ``allowed_hosts`` (set by ``serve`` when it binds a loopback address) any other Host header is refused,
  so a web page elsewhere cannot reach the app through DNS rebinding;
- every response says ``nosniff``, ``no-referrer``, ``no-store`` and may not be framed; pages carry a strict CSP.

Models are loaded once, in the background at startup; requests that arrive before wait for them.
"""

import asyncio
import logging
import math
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import PurePath
from typing import Any, Literal

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from pydantic import BaseModel, ConfigDict, Field, field_validator
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from storytrace import __version__
from storytrace.errors import InputError, ModelUnavailableError, StorytraceError
from storytrace.web import pages

log = logging.getLogger("storytrace.serve")

_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cache-control", b"no-store"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


@dataclass(frozen=True)
class AppConfig:
    """What ``storytrace serve`` runs with."""

    #: The index file to trace against (opened read-mostly at start); None: no tracing.
    db: str | None = None
    #: Largest request body accepted, in bytes (413 above).
    max_request_bytes: int = 2_000_000
    #: Seconds a compare or trace may take before the request is answered 503.
    timeout: float = 30.0
    #: Threads that run compare and trace.
    workers: int = 2
    #: Jobs queued or running at most; more get 503 (busy) at once.
    max_pending: int = 8
    #: Use sentence embeddings (off: lexical evidence only, faster).
    use_embeddings: bool = True
    #: Load the models at startup (in the background).
    warm: bool = True
    #: Host header values accepted (None: any).
    allowed_hosts: tuple[str, ...] | None = None
    #: Largest ``top`` a trace request may ask for.
    max_top: int = 20


class ApiError(Exception):
    def __init__(self, status: int, message: str, *, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.retry_after = retry_after  # seconds, sent as Retry-After


#: Seconds loading the models takes (NER, sentence embeddings, the static table): 45-54 s measured on the
#: 2-core benchmark machine under load (``_State.warm``, session 20). A request that times out while they load
#: is told to retry once this much time has passed since they started.
MODELS_LOAD_SECONDS = 60
#: The shortest wait a request timed out while the models load is told (they may be almost ready).
MIN_RETRY_SECONDS = 5


# --- the API's request bodies (documented by the OpenAPI page) ---------------------------------------------


class CompareRequest(BaseModel):
    """Two articles to compare. Texts only: nothing here is opened as a file or fetched."""

    model_config = ConfigDict(extra="forbid")

    original: str = Field(
        description="The original (source) article: plain text, or an HTML page with input_format 'html'."
    )
    suspect: str = Field(description="The suspect (derived) article, in the same form.")
    original_title: str | None = Field(None, description="The original's headline, if it stands outside the text.")
    suspect_title: str | None = Field(None, description="The suspect's headline, if it stands outside the text.")
    original_published: str | None = Field(None, description="Publication date of the original (ISO 8601).")
    suspect_published: str | None = Field(None, description="Publication date of the suspect (ISO 8601).")
    input_format: Literal["text", "html"] = Field("text", description="How to read both articles.")
    format: Literal["json", "html", "text"] = Field(
        "json", description="The answer: the JSON report, the HTML page, or the terminal report as plain text."
    )


class TraceRequest(BaseModel):
    """One article to trace against the server's index."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="The suspect article: plain text, or an HTML page with input_format 'html'.")
    title: str | None = Field(None, description="Its headline, if it stands outside the text.")
    published: str | None = Field(None, description="Its publication date (ISO 8601): older sources only.")
    input_format: Literal["text", "html"] = "text"
    top: int = Field(5, ge=1, description="Candidates to compare and list (at most the server's max_top, 20).")
    before: date | None = Field(None, description="Only sources published on or before this date.")

    @field_validator("top", mode="before")
    @classmethod
    def _top_is_no_bool(cls, value: Any) -> Any:
        # JSON true is no count, though Python takes a bool for an int (qa24: "top": true traced as 1)
        if isinstance(value, bool):
            raise ValueError("a whole number, not true or false")
        return value


# --- the worker pool --------------------------------------------------------------------------------------


class _Runner:
    """A bounded thread pool with a per-job timeout: the event loop (and /health) never waits on a job."""

    def __init__(
        self,
        workers: int,
        max_pending: int,
        timeout: float,
        loading: Callable[[], bool] = lambda: False,
        retry_in: Callable[[], int] = lambda: MODELS_LOAD_SECONDS,
        finished: Callable[[Future[Any]], None] = lambda _: None,
    ) -> None:
        self.pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="storytrace-worker")
        self.max_pending = max(1, max_pending)
        self.timeout = timeout
        self.loading = loading  # are the models still loading (a timeout is then no sign of a long article)
        self.retry_in = retry_in  # seconds until they should be loaded
        self.finished = finished  # told of each request's job when it ends
        self.pending = 0
        self._lock = threading.Lock()

    def _done(self, _: Future[Any]) -> None:
        with self._lock:
            self.pending -= 1

    def submit(self, fn: Callable[..., Any], *args: Any, bounded: bool = True) -> Future[Any]:
        """Queue ``fn``. A request's job is ``bounded``: counted in ``pending`` (``/health``'s ``jobs``) and refused
        beyond ``max_pending``. The server's own model warm-up is not: ``/health`` said ``"jobs": 1`` with no
        request made while the models loaded, and ``models: loading`` tells of it."""
        if not bounded:
            return self.pool.submit(fn, *args)
        with self._lock:
            if self.pending >= self.max_pending:
                raise ApiError(503, f"server busy: {self.pending} jobs running or queued; try again shortly")
            self.pending += 1
        fut = self.pool.submit(fn, *args)
        fut.add_done_callback(self._done)
        fut.add_done_callback(self.finished)
        return fut

    async def run(self, fn: Callable[..., Any], *args: Any) -> Any:
        fut = self.submit(fn, *args)
        loading = self.loading()
        try:
            return await asyncio.wait_for(asyncio.wrap_future(fut), self.timeout)
        except TimeoutError:
            fut.cancel()  # dropped if still queued; a running job finishes in the background
            if loading or self.loading():
                # the job waited on the models (or behind their loading), not on the article's length
                wait = self.retry_in()
                raise ApiError(
                    503,
                    f"timed out after {self.timeout:g} s: the models are still loading; retry in {wait} s "
                    "(GET /health says when they are ready)",
                    retry_after=wait,
                ) from None
            raise ApiError(503, f"timed out after {self.timeout:g} s; try a shorter article") from None

    def shutdown(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)


# --- the ASGI guard: size limit, host check, security headers ----------------------------------------------


class _Guard:
    def __init__(self, app: Any, config: AppConfig, csp: str) -> None:
        self.app = app
        self.limit = config.max_request_bytes
        self.timeout = config.timeout
        self.hosts = {h.lower() for h in config.allowed_hosts} if config.allowed_hosts is not None else None
        self.csp = csp.encode("ascii")

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        if self.hosts is not None and _host_name(headers.get("host", "")) not in self.hosts:
            await _send_json(send, 400, "host not allowed: use the address the server was started on")
            return
        length = headers.get("content-length")
        if length is not None:
            if not length.isdigit():
                await _send_json(send, 400, "bad Content-Length header")
                return
            if int(length) > self.limit:
                await _send_json(send, 413, self._too_large(int(length)))
                return
        replay = None
        if scope.get("method") in ("POST", "PUT", "PATCH"):
            # Read the whole body here, bounded in size and time, then hand it on.
            chunks: list[bytes] = []
            total = 0
            try:
                async with asyncio.timeout(self.timeout):
                    while True:
                        message = await receive()
                        if message["type"] == "http.disconnect":
                            return
                        body = message.get("body", b"")
                        total += len(body)
                        if total > self.limit:
                            await _send_json(send, 413, self._too_large(None))
                            return
                        chunks.append(body)
                        if not message.get("more_body", False):
                            break
            except TimeoutError:
                await _send_json(send, 408, f"the request body did not arrive within {self.timeout:g} s")
                return
            replay = {"type": "http.request", "body": b"".join(chunks), "more_body": False}

        async def receive_replayed() -> Any:
            nonlocal replay
            if replay is not None:
                message, replay = replay, None
                return message
            return await receive()

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                extra = list(_SECURITY_HEADERS)
                content_type = dict(message.get("headers", [])).get(b"content-type", b"")
                if content_type.startswith(b"text/html"):
                    extra.append((b"content-security-policy", self.csp))
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive_replayed, send_with_headers)

    def _too_large(self, size: int | None) -> str:
        got = f" ({size} bytes)" if size is not None else ""
        return f"request too large{got}: the limit is {self.limit} bytes"


def _host_name(host: str) -> str:
    host = host.strip().lower()
    if host.startswith("["):
        return host[: host.find("]") + 1] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


async def _send_json(send: Any, status: int, message: str) -> None:
    import json

    body = json.dumps({"error": message}, ensure_ascii=False).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
                *_SECURITY_HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


# --- the app ----------------------------------------------------------------------------------------------


class _State:
    def __init__(self, config: AppConfig) -> None:
        from storytrace.settings import DEFAULT_SETTINGS

        self.config = config
        self.settings = DEFAULT_SETTINGS.with_(use_embeddings=config.use_embeddings)
        self.models = "not loaded"
        self.loading_since: float | None = None  # time.monotonic() when the models started loading
        self._lazy = False  # no warm-up: the first requests' jobs load the models themselves
        self._models_lock = threading.Lock()
        self.runner = _Runner(
            config.workers, config.max_pending, config.timeout, self.models_loading, self.retry_in, self.job_finished
        )
        self.index: Any = None
        self.index_name: str | None = None
        self.index_articles: int | None = None
        self.trace_lock = threading.Lock()  # one trace at a time: the index's connection is shared
        if config.db is not None:
            from storytrace.index import Index

            self.index = Index(config.db, create=False)
            self.index_name = PurePath(config.db).name
            self.index_articles = len(self.index)

    def _models_loaded(self) -> bool:
        """Are the models a comparison and a trace need in memory (the loaders' process-wide singletons)?"""
        from storytrace import embed, static_embed
        from storytrace.facts import entities

        return (
            entities._nlp is not None
            and (not self.settings.use_embeddings or embed._singleton is not None)
            and (self.index is None or self.index.lexical_only or static_embed._table is not None)
        )

    def models_loading(self) -> bool:
        """Are the models still loading, as a job is submitted or times out? Without a warm-up at start
        (``warm=False``) the first job loads them itself: it is waiting on them, not slow on a long article."""
        with self._models_lock:
            if self.models == "not loaded" or (self._lazy and self.models == "loading"):
                if self._models_loaded():
                    self.models = "ready"
                elif self.models == "not loaded":
                    self.models, self._lazy, self.loading_since = "loading", True, time.monotonic()
            return self.models == "loading"

    def job_finished(self, fut: Future[Any]) -> None:
        """A lazy load (no warm-up) is over when its first job ends: the models it needed are in memory, or
        could not be loaded. Read from the loaders alone, the state stayed "loading" for good when no request
        needed one of them (a compare that names nobody never loads the NER model)."""
        error = None if fut.cancelled() else fut.exception()
        with self._models_lock:
            if not (self._lazy and self.models == "loading"):
                return
            if isinstance(error, ModelUnavailableError):
                self.models = f"error: {type(error).__name__}: {error}"
            elif not fut.cancelled():
                self.models = "ready"

    def models_status(self) -> str:
        """``models`` as /health gives it: a lazy load (no warm-up) reads "ready" once its job has loaded them."""
        with self._models_lock:
            if self._lazy and self.models == "loading" and self._models_loaded():
                self.models = "ready"
            return self.models

    def retry_in(self) -> int:
        """Seconds until the models should be loaded, from when they started (MODELS_LOAD_SECONDS)."""
        elapsed = time.monotonic() - self.loading_since if self.loading_since is not None else 0.0
        return max(MIN_RETRY_SECONDS, math.ceil(MODELS_LOAD_SECONDS - elapsed))

    def warm(self) -> None:
        """Load every model once (embeddings, sentence splitter, entities) with a tiny comparison."""
        from storytrace.comparison import compare

        self.models = "loading"
        if self.loading_since is None:
            self.loading_since = time.monotonic()
        started = time.perf_counter()
        try:
            # names, a date, figures and a quotation: every model a real comparison needs gets loaded
            compare(
                "Mayor Ann Lindqvist said on March 14 that 40 workers had been hired by Harbor Works. "
                "\u201cWe are ready to build,\u201d she told reporters in Port Calloway.",
                "Mayor Tom Wren said last month that 45 workers had been hired by Harbor Works. "
                "\u201cWe are ready to build now,\u201d she told reporters.",
                settings=self.settings,
            )
            if self.index is not None:
                from storytrace.static_embed import get_static_embedder

                get_static_embedder()
        except Exception as exc:  # reported by /health and by the requests that need the models
            self.models = f"error: {type(exc).__name__}: {exc}"
            log.error("storytrace: loading the models failed: %s", exc)
            return
        self.models = "ready"
        log.info("storytrace: models loaded in %.1f s", time.perf_counter() - started)

    # -- jobs (run in the worker threads) --

    def compare_job(
        self, original: Any, suspect: Any, fmt: str, back: bool, notices: Sequence[str] = ()
    ) -> tuple[str, Any]:
        import dataclasses

        from storytrace.comparison import compare

        report = compare(original, suspect, settings=self.settings)
        if notices:
            # what reading the inputs told (a page truncated at MAX_PAGE_ELEMENTS): the CLI says it on stderr, which
            # an API caller or a browser never sees
            report = dataclasses.replace(report, warnings=(*notices, *report.warnings))
        if fmt == "html":
            from storytrace.report.html import report_to_html

            return fmt, report_to_html(report, back_link=("/", "\u2190 New comparison") if back else None)
        if fmt == "text":
            import io

            from rich.console import Console

            from storytrace.report.terminal import render

            buf = io.StringIO()
            render(report, Console(file=buf, width=120, color_system=None, force_terminal=False))
            return fmt, buf.getvalue()
        return fmt, report.to_dict()

    def trace_job(self, article: Any, top: int, before: date | None, notices: Sequence[str] = ()) -> Any:
        import dataclasses

        with self.trace_lock:
            result = self.index.trace(article, top=top, before=before, settings=self.settings)
            if notices:  # as compare_job
                result = dataclasses.replace(result, warnings=(*notices, *result.warnings))
            # the count /health and the home page give follows the index as `index add` grows it
            self.index_articles = len(self.index.snapshot().docs)
            return result

    def stored(self, candidate: str) -> Any:
        with self.trace_lock:
            return self.index.get(candidate)


def build_app(config: AppConfig) -> Any:
    from storytrace.web.pages import PAGE_CSP

    state = _State(config)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> Any:
        if config.warm:
            state.models = "loading"  # from now: a request queued behind the warm-up is waiting on it
            state.loading_since = time.monotonic()
            state.runner.submit(state.warm, bounded=False)
        yield
        state.runner.shutdown()
        if state.index is not None:
            state.index.close()

    app = FastAPI(
        title="storytrace",
        version=__version__,
        description="Compare a suspect news article with the original it may be rewritten from, and trace an "
        "article to its sources in an index. Inputs are texts; answers are the JSON reports of docs/schema.md.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.storytrace = state

    # -- errors: one line of JSON (HTML for the form routes), never a traceback --

    def _error_response(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
        message = " ".join(str(message).split())
        if request.url.path.startswith("/ui/") or (
            request.method == "GET" and "text/html" in request.headers.get("accept", "")
        ):
            return HTMLResponse(pages.error_page(message, status=status), status_code=status, headers=headers)
        return JSONResponse({"error": message}, status_code=status, headers=headers)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        headers = {"Retry-After": str(exc.retry_after)} if exc.retry_after is not None else None
        return _error_response(request, exc.status, exc.message, headers)

    @app.exception_handler(StorytraceError)
    async def _input_error(request: Request, exc: StorytraceError) -> Response:
        return _error_response(request, 400, str(exc))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if request.method == "POST" and not (content_type == "application/json" or content_type.endswith("+json")):
            # FastAPI does not read a body sent as another type, and then calls it "not an object": the fix
            # the client needs is the header, whatever the body holds.
            got = f"it came as {content_type}" if content_type else "it came with no Content-Type"
            return _error_response(request, 415, f"send the body as JSON (Content-Type: application/json); {got}")
        return _error_response(request, *_validation_message(exc.errors(), config.max_top))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404:
            detail = f"not found: {request.method} {request.url.path}"
        elif exc.status_code == 405:
            detail = f"method not allowed: {request.method} {request.url.path}"
        elif exc.status_code == 400 and detail == "There was an error parsing the body":
            # FastAPI's words for a JSON body it could not even decode (not UTF-8, say): name the problem
            detail = "malformed JSON: the body could not be read (JSON must be UTF-8 text)"
        return _error_response(request, exc.status_code, detail)

    @app.exception_handler(Exception)
    async def _internal_error(request: Request, exc: Exception) -> Response:
        log.error(
            "storytrace: internal error on %s %s: %s: %s", request.method, request.url.path, type(exc).__name__, exc
        )
        return _error_response(request, 500, f"internal error: {type(exc).__name__}")

    # -- pages --

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def home() -> HTMLResponse:
        return HTMLResponse(_home())

    def _home(error: str | None = None, values: dict[str, str] | None = None) -> str:
        return pages.home_page(
            index_name=state.index_name,
            index_articles=state.index_articles,
            error=error,
            values=values,
            max_bytes=config.max_request_bytes,
        )

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    async def docs() -> HTMLResponse:
        return HTMLResponse(pages.docs_page(app.openapi()))

    @app.post("/ui/compare", response_class=HTMLResponse, include_in_schema=False)
    async def ui_compare(request: Request) -> Response:
        form = await _form(request)
        fmt = _format_field(form)
        values = {k: v for k, v in form.items() if isinstance(v, str) and k != "input_format"}
        values["input_format"] = fmt
        notices: list[str] = []
        try:
            original = (await _form_article(form, "original", fmt, config.max_request_bytes, notices))[0]
            suspect = (await _form_article(form, "suspect", fmt, config.max_request_bytes, notices))[0]
        except InputError as exc:
            return HTMLResponse(_home(str(exc), values), status_code=400)
        except ApiError as exc:
            return HTMLResponse(_home(exc.message, values), status_code=exc.status)
        _, html = await state.runner.run(state.compare_job, original, suspect, "html", True, notices)
        return HTMLResponse(html)

    @app.post("/ui/trace", response_class=HTMLResponse, include_in_schema=False)
    async def ui_trace(request: Request) -> Response:
        _need_index(state)
        form = await _form(request)
        fmt = _format_field(form)
        top = _top_field(form.get("top"), config.max_top)
        values = {k: v for k, v in form.items() if isinstance(v, str)}
        notices: list[str] = []
        try:
            before = _before_field(form.get("before"))
            article, text, used_fmt = await _form_article(form, "", fmt, config.max_request_bytes, notices)
        except InputError as exc:
            return HTMLResponse(_home(str(exc), values), status_code=400)
        except ApiError as exc:  # a date that cannot be read: said above the form, which keeps what was typed
            return HTMLResponse(_home(exc.message, values), status_code=exc.status)
        result = await state.runner.run(state.trace_job, article, top, before, notices)
        # the suspect rides along in the page for the "full comparison" buttons (an upload, decoded)
        html = pages.trace_page(
            result,
            text=text,
            title=str(form.get("title") or article.title or ""),
            input_format=used_fmt,
            published=article.published or "",
        )
        return HTMLResponse(html)

    @app.post("/ui/trace/compare", response_class=HTMLResponse, include_in_schema=False)
    async def ui_trace_compare(request: Request) -> Response:
        _need_index(state)
        form = await _form(request)
        fmt = _format_field(form)
        candidate = str(form.get("candidate") or "")
        if not candidate:
            raise ApiError(400, "no candidate chosen")
        notices: list[str] = []
        suspect = _article(
            str(form.get("text") or ""),
            fmt,
            title=str(form.get("title") or "") or None,
            published=str(form.get("published") or "").strip() or None,
            where="suspect",
            date_field=_DATE_LABEL,
            notices=notices,
        )
        stored = await state.runner.run(state.stored, candidate)
        if stored is None:
            raise ApiError(404, f"{candidate}: not in the index")
        _, html = await state.runner.run(state.compare_job, stored.article, suspect, "html", True, notices)
        return HTMLResponse(html)

    # -- the API --

    @app.get("/health", summary="Is the server up", response_description="status, version, models, index, load")
    async def health() -> dict[str, Any]:
        """Answers at once, whatever the workers are doing."""
        return {
            "status": "ok",
            "storytrace": __version__,
            "models": state.models_status(),
            "index": None if state.index is None else {"name": state.index_name, "articles": state.index_articles},
            "jobs": state.runner.pending,
            "workers": config.workers,
            "limits": {"max_request_bytes": config.max_request_bytes, "timeout_s": config.timeout},
        }

    report_schema = _report_schema()

    @app.post(
        "/compare",
        summary="Compare a suspect article with an original",
        response_description="the JSON report (storytrace.report/1, docs/schema.md); with format 'html' the "
        "self-contained HTML page, with 'text' the terminal report",
        responses={
            200: {
                "content": {
                    "application/json": {"schema": report_schema},
                    "text/html": {"schema": {"type": "string"}},
                    "text/plain": {"schema": {"type": "string"}},
                }
            },
            400: {"description": 'bad input (e.g. an empty article): {"error": "..."}'},
            413: {"description": "request body over the size limit"},
            422: {"description": "the body is not a valid CompareRequest"},
            503: {"description": "busy, or the comparison took longer than the timeout"},
        },
    )
    async def api_compare(body: CompareRequest) -> Response:
        """Compare the suspect with the original: verdict, scores, sentence alignment and findings. The same
        report as `storytrace compare --format json`; the texts are given in the body, never read from files."""
        notices: list[str] = []
        original = _article(
            body.original,
            body.input_format,
            title=body.original_title,
            published=body.original_published,
            where="original",
            notices=notices,
        )
        suspect = _article(
            body.suspect,
            body.input_format,
            title=body.suspect_title,
            published=body.suspect_published,
            where="suspect",
            notices=notices,
        )
        fmt, out = await state.runner.run(state.compare_job, original, suspect, body.format, False, notices)
        if fmt == "html":
            return HTMLResponse(out)
        if fmt == "text":
            return PlainTextResponse(out)
        return JSONResponse(out)

    @app.post(
        "/trace",
        summary="Find the sources of an article in the server's index",
        response_description="the trace result (storytrace.trace/1, docs/schema.md)",
        responses={
            400: {"description": "bad input"},
            404: {"description": "the server has no index (start it with --db PATH)"},
            413: {"description": "request body over the size limit"},
            422: {"description": "the body is not a valid TraceRequest"},
            503: {"description": "busy, or the trace took longer than the timeout"},
        },
    )
    async def api_trace(body: TraceRequest) -> dict[str, Any]:
        """Rank the indexed articles the text may come from and compare the best `top` to decide, as
        `storytrace trace --format json`. Needs a server started with `--db PATH`."""
        _need_index(state)
        if body.top > config.max_top:
            raise ApiError(422, _top_rule(config.max_top))
        notices: list[str] = []
        article = _article(
            body.text, body.input_format, title=body.title, published=body.published, where="text", notices=notices
        )
        result = await state.runner.run(state.trace_job, article, body.top, body.before, notices)
        out: dict[str, Any] = result.to_dict()
        return out

    # The guard wraps everything, the error handlers included.
    app.add_middleware(_Guard, config=config, csp=PAGE_CSP + "; frame-ancestors 'none'")
    return app


# --- helpers ----------------------------------------------------------------------------------------------


def _need_index(state: _State) -> None:
    if state.index is None:
        raise ApiError(404, "this server has no index to trace against: start it with `storytrace serve --db PATH`")


def _report_schema() -> dict[str, Any]:
    from storytrace.report.json import REPORT_JSON_SCHEMA

    return {k: v for k, v in REPORT_JSON_SCHEMA.items() if k != "$schema"}


def _top_rule(max_top: int) -> str:
    """What ``top`` must be, in the API's and the form's errors alike, whatever is wrong with it."""
    return f"top: a whole number from 1 to {max_top}"


def _not_a_date(field: str, value: Any) -> str:
    """A ``before`` that is no date, as the form says it (pydantic's "input is too short" named no fix)."""
    import json

    shown = repr(value[:40]) if isinstance(value, str) else json.dumps(value, default=str)[:40]
    return f"{field}: {shown} is not a date like 2024-03-14"


def _validation_message(errors: Any, max_top: int) -> tuple[int, str]:
    parts = []
    status = 422
    for e in list(errors)[:5]:
        loc = [str(x) for x in e.get("loc", ()) if x != "body"]
        if e.get("type") == "json_invalid":
            status = 400
            detail = (e.get("ctx") or {}).get("error", "")
            return status, f"malformed JSON: {detail}".rstrip(": ")
        if e.get("type") == "model_attributes_type" or (not loc and e.get("type") in ("dict_type", "missing")):
            return 422, "the body must be a JSON object (Content-Type: application/json)"
        where = ".".join(loc) or "body"
        msg = e.get("msg", "invalid")
        if e.get("type") == "extra_forbidden":
            msg = "unknown field (inputs are texts; no paths or URLs are read)"
        elif loc == ["top"]:
            parts.append(_top_rule(max_top))
            continue
        elif loc == ["before"]:
            parts.append(_not_a_date(where, e.get("input")))
            continue
        parts.append(f"{where}: {msg}")
    return status, "; ".join(parts) or "invalid request"


def _article(
    text: str,
    fmt: str,
    *,
    title: str | None = None,
    published: str | None = None,
    where: str,
    id: str | None = None,
    date_field: str | None = None,
    notices: list[str] | None = None,
) -> Any:
    """The article of one side of a request. ``notices`` is told what reading it warns of (a huge page truncated),
    for the report: a server's stderr is no place a caller reads."""
    from storytrace.article import (
        article_from_html,
        article_from_text,
        empty_text,
    )

    why = empty_text(text)
    if why is not None:  # as the command line refuses it: no text reaches compare or trace without a word in it
        raise InputError(f"{where}: no article text ({why})")
    if fmt == "html":
        warn = None if notices is None else notices.append
        article = article_from_html(text, title=title, published=published, id=id, where=where, warn=warn)
    else:
        article = article_from_text(text, title=title, published=published, id=id, where=where)
    _check_date(article, published, where=where, date_field=date_field)
    return article


def _check_date(article: Any, published: str | None, *, where: str, date_field: str | None) -> None:
    from storytrace.article import two_readings, unread_published

    if published is not None and unread_published(article) is not None:
        # The CLI warns on stderr and goes on; an API caller sees no stderr, and a date it sent that was quietly
        # dropped would change the direction verdict and which sources a trace holds back.
        field = date_field or ("published" if where == "text" else f"{where}_published")
        readings = two_readings(published)
        if readings is not None:
            # both readings, so the fix is to pick one, not to work out what ISO 8601 is
            raise ApiError(
                422,
                f"{field}: {published[:40]!r} reads two ways (day or month first): {readings[0]} or {readings[1]}; "
                "write the one meant as ISO 8601 (YYYY-MM-DD)",
            )
        raise ApiError(422, f"{field}: {published[:40]!r} is not a date (expected ISO 8601, e.g. 2024-03-14)")


#: Uploads read as a JSON record (an article object: text or html, title, published...), as the command line
#: reads them; read as plain text, their syntax became sentences and their date did not bound the trace.
_JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
#: Uploads that hold a corpus, not an article.
_CORPUS_SUFFIXES = {".csv", ".tsv", ".warc"}


def _record_article(
    text: str, filename: str, suffix: str, *, title: str | None, published: str | None, date_field: str | None
) -> Any:
    """The one article of an uploaded .json/.jsonl file, the form's title and date winning over the record's
    (as they win over an uploaded page's). A file of several records is refused: the form traces one article."""
    import json

    from storytrace.article import article_from_record, published_field

    lines = [ln for ln in text.splitlines() if ln.strip()]
    many = "the form reads one article: upload one record (`storytrace trace --batch` traces many)"
    if suffix != ".json" and len(lines) > 1:
        raise InputError(f"{filename}: {len(lines)} records (JSON Lines); {many}")
    try:
        record = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(f"{filename}: malformed JSON at line {err.lineno} column {err.colno}: {err.msg}") from None
    except RecursionError:
        raise InputError(f"{filename}: malformed JSON (nested too deeply)") from None
    if isinstance(record, list):
        if len(record) != 1:
            raise InputError(f"{filename}: a JSON array of {len(record)} records; {many}")
        record = record[0]
    if isinstance(record, dict):
        record = dict(record)
        if title is not None:
            record["title"] = title
        if published is not None:
            record["published"] = published
        record.setdefault("id", filename)
    article = article_from_record(record, where=filename)  # a record that is not a JSON object is refused here
    if published is not None:
        _check_date(article, published, where=filename, date_field=date_field)
        return article
    # The record's own date is checked like the form's, under whichever name the record gives it (``date``,
    # ``datePublished``...: article_from_record reads them all): dropped quietly, it would no longer bound the trace.
    key = published_field(record)
    own = record.get(key)
    if own is not None:
        _check_date(
            article, own if isinstance(own, str) else json.dumps(own), where=filename, date_field=f"{filename}: {key}"
        )
    return article


async def _form(request: Request) -> Any:
    content_type = request.headers.get("content-type", "")
    if not content_type.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
        raise ApiError(415, "send the form as multipart/form-data (or use the JSON API: POST /compare)")
    try:
        form = await request.form(max_files=4, max_fields=20, max_part_size=10_000_000)
    except StarletteHTTPException as exc:
        raise ApiError(exc.status_code, str(exc.detail)) from None
    return form


def _format_field(form: Any) -> str:
    fmt = str(form.get("input_format") or "text")
    if fmt not in ("text", "html"):
        raise ApiError(400, "input_format: 'text' or 'html'")
    return fmt


def _top_field(value: Any, max_top: int) -> int:
    try:
        top = int(str(value or "5"))
    except ValueError:
        raise ApiError(400, _top_rule(max_top)) from None
    if not 1 <= top <= max_top:
        raise ApiError(400, _top_rule(max_top))
    return top


def _before_field(value: Any) -> date | None:
    text = str(value or "").strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(f"only sources published on or before: {text[:40]!r} is not a date like 2024-03-14") from None


#: How the forms' date field is named in their errors (the form's label, not the API's field name).
_DATE_LABEL = "publication date"


async def _form_article(
    form: Any, prefix: str, fmt: str, max_bytes: int, notices: list[str] | None = None
) -> tuple[Any, str, str]:
    """One side of a form: (article, its text, its format) from the uploaded file when there is one, else
    from the pasted text. The file's name only picks its format (.html, .htm: HTML, with or without .gz) and
    names it. A gzipped upload (page.html.gz, as the command line takes) is read decompressed, up to
    ``max_bytes`` like any request."""
    from storytrace.article import decode_bytes

    key = f"{prefix}_" if prefix else ""
    name = prefix or "article"
    title = str(form.get(f"{key}title") or "").strip() or None
    # the date typed in the form wins over the one an uploaded page gives, as --published fields win on the CLI
    published = str(form.get(f"{key}published") or "").strip() or None
    dated = {"published": published, "date_field": f"{prefix}'s {_DATE_LABEL}" if prefix else _DATE_LABEL}
    upload = form.get(f"{key}file")
    if isinstance(upload, UploadFile) and upload.filename:
        data = await upload.read()
        filename = PurePath(upload.filename.replace("\\", "/")).name[:200] or name
        if not data.strip():
            raise InputError(f"{filename}: the uploaded file is empty")
        stem = filename
        if data[:2] == b"\x1f\x8b":
            data = _gunzip_upload(data, filename, max_bytes)
            stem = filename[:-3] if filename.lower().endswith(".gz") else filename
            if not data.strip():
                raise InputError(f"{filename}: the uploaded file is empty (once decompressed)")
        text = decode_bytes(data, name=filename)
        suffix = PurePath(stem).suffix.lower()
        if suffix in _CORPUS_SUFFIXES:
            raise InputError(
                f"{filename}: a corpus file (many articles); the form reads one article: upload one .txt, .html or "
                ".json article (`storytrace index add` and `trace --batch` read corpora)"
            )
        if suffix in _JSON_SUFFIXES:
            article = _record_article(text, filename, suffix, title=title, **dated)
            return article, article.text, "text"  # what the full comparison's button sends on: the article's text
        file_fmt = "html" if suffix in _HTML_SUFFIXES else "text"
        article = _article(text, file_fmt, title=title, where=filename, id=filename, notices=notices, **dated)
        return article, text, file_fmt
    text = str(form.get(f"{key}text") or "")
    return _article(text, fmt, title=title, where=name, notices=notices, **dated), text, fmt


def _gunzip_upload(data: bytes, filename: str, max_bytes: int) -> bytes:
    """A gzip upload decompressed, a chunk at a time so that a small file that holds a huge one (a gzip bomb)
    is refused with 413 once it passes ``max_bytes``, before it is held in memory."""
    import zlib

    from storytrace.article import _human_size

    out = bytearray()
    inflate = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    pending = data
    try:
        while pending:
            out += inflate.decompress(pending, max_bytes + 1 - len(out))
            if len(out) > max_bytes:
                raise ApiError(
                    413,
                    f"{filename}: decompressed, the file is over the {_human_size(max_bytes)} limit of a request",
                )
            pending = inflate.unconsumed_tail
            if inflate.eof and inflate.unused_data.startswith(b"\x1f\x8b"):  # another gzip member follows
                pending = inflate.unused_data
                inflate = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    except zlib.error as err:
        raise InputError(f"{filename}: not a valid gzip file ({err})") from None
    if not inflate.eof:
        raise InputError(f"{filename}: compressed data ends early (the file is truncated)")
    return bytes(out)
