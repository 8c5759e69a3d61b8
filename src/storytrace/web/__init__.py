"""``storytrace serve``: a small web app and HTTP API around ``compare`` and ``trace`` (the ``web`` extra).

    storytrace serve [--db PATH] [--host 127.0.0.1] [--port 8000]

Pages: ``GET /`` (paste or upload two articles, and with ``--db`` trace one), the HTML report. API:
``POST /compare`` (the JSON report, ``storytrace.report/1``), ``POST /trace`` (``storytrace.trace/1``),
``GET /health``, ``GET /openapi.json`` and ``GET /docs`` (a self-contained page: no CDN). See docs/api.md.

FastAPI and uvicorn are imported only here, by ``create_app`` and ``serve``: ``import storytrace`` stays fast
and works without the extra.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from storytrace.errors import InputError

if TYPE_CHECKING:
    from storytrace.web.app import AppConfig

__all__ = ["create_app", "serve"]

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def _require_extra() -> None:
    try:
        import fastapi  # noqa: F401
        import python_multipart  # noqa: F401  (the upload form)
        import uvicorn  # noqa: F401
    except ImportError as exc:
        raise InputError(
            f"storytrace serve needs the web extra ({exc.name} is missing): pip install 'storytrace[web]'"
        ) from None


def create_app(config: AppConfig | None = None, **kwargs: Any) -> Any:
    """The FastAPI application (``config``, or ``AppConfig(**kwargs)``)."""
    _require_extra()
    from storytrace.web.app import AppConfig, build_app

    return build_app(config if config is not None else AppConfig(**kwargs))


def serve(config: AppConfig, *, host: str = "127.0.0.1", port: int = 8000, log_level: str = "info") -> None:
    """Run the app with uvicorn until interrupted. Binds ``host`` (loopback by default)."""
    _require_extra()
    import uvicorn

    from storytrace.web.app import build_app

    if host.strip("[]") in LOOPBACK:
        # Only this machine's names: a web page elsewhere cannot reach the app by DNS rebinding.
        from dataclasses import replace

        config = replace(config, allowed_hosts=("127.0.0.1", "localhost", "[::1]", "::1"))
    _check_can_listen(host, port)
    app = build_app(config)
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level=log_level,
        timeout_keep_alive=5,
        limit_concurrency=64,
        server_header=False,
        proxy_headers=False,
    )


def _check_can_listen(host: str, port: int) -> None:
    """Refuse at once, in one line, an address that cannot be bound (a port in use, a host not of this
    machine). Left to uvicorn, it logs the error, shuts down half-started model loading (which then reports
    a confusing failure of its own) and exits with status 3, which the CLI keeps for partly failed batches."""
    import socket

    name = host.strip("[]")
    # the family uvicorn picks: IPv6 when the address has a colon
    family = socket.AF_INET6 if ":" in name else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        # as uvicorn binds: a port left in TIME_WAIT by a server just stopped is free to use
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((name, port))
        except OSError as exc:
            raise InputError(f"cannot serve on {host}:{port}: {exc.strerror or exc}") from None
