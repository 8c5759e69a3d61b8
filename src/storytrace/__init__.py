"""storytrace: trace a news article back to the article it was copied or rewritten from, and show
exactly what the rewrite changed.

    >>> from storytrace import compare
    >>> report = compare(original_text, suspect_text)
    >>> report.verdict.relation, report.scores.reuse
    >>> report.to_dict()          # the JSON report, schema storytrace.report/1

Importing this package is cheap: models load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["Article", "Report", "Settings", "StorytraceError", "__version__", "compare"]

if TYPE_CHECKING:
    from storytrace.article import Article
    from storytrace.comparison import Report, compare
    from storytrace.errors import StorytraceError
    from storytrace.settings import Settings


def __getattr__(name: str) -> Any:
    # Lazy: `import storytrace` must stay fast (the CLI's --help, Spark workers).
    if name in ("compare", "Report"):
        from storytrace import comparison

        return getattr(comparison, name)
    if name == "Article":
        from storytrace.article import Article

        return Article
    if name == "Settings":
        from storytrace.settings import Settings

        return Settings
    if name == "StorytraceError":
        from storytrace.errors import StorytraceError

        return StorytraceError
    raise AttributeError(f"module 'storytrace' has no attribute {name!r}")
