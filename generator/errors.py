"""The one error hierarchy: every error names the file it is about."""
from __future__ import annotations

from pathlib import Path


class BriefingError(Exception):
    """Base class for errors the CLI reports as a clean message."""

    def __init__(self, path: Path | str | None, message: str) -> None:
        self.path = str(path) if path is not None else None
        self.message = message
        super().__init__(f"{self.path}: {message}" if self.path else message)


class ArticleError(BriefingError):
    """An input file cannot be read as an article (empty, binary, undecodable...)."""


class OutputError(BriefingError):
    """The generator refuses to write somewhere (a page a person wrote, outside its folder)."""


class PartialWriteError(OutputError):
    """docs/ was changed part of the way: the next build finishes or undoes it."""


class Interrupted(BaseException):
    """The build was stopped by a signal (Ctrl-C, kill); `committed` says whether docs/ was
    already updated when it arrived. A BaseException, like KeyboardInterrupt: no handler for
    ordinary errors may swallow it."""

    def __init__(self, signum: int, committed: bool = False) -> None:
        self.signum = signum
        self.committed = committed
        super().__init__(signum)


class BuildLockedError(OutputError):
    """Another build holds the lock of this docs/ folder."""
