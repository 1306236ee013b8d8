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
