"""Errors a user can act on. Each carries one line that the CLI prints as it is."""

from __future__ import annotations


class StorytraceError(Exception):
    """Base class: the message is one line, written for the person who ran the command."""


class InputError(StorytraceError):
    """An input could not be read or understood (missing, empty, binary, too large, malformed)."""


class TooLongError(InputError):
    """Two texts too long to compare sentence by sentence (``settings.MAX_SENTENCE_PAIRS``). A batch (trace,
    scan) leaves that one pair uncompared and goes on."""


class ModelUnavailableError(StorytraceError):
    """A model storytrace needs is not installed."""
