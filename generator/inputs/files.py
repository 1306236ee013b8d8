"""Which files are articles, and reading one safely: regular files inside the folder, size-capped."""
from __future__ import annotations

import gzip
import os
import stat
import zlib
from pathlib import Path

from generator.errors import ArticleError, BriefingError

# suffix (lower case, longest first where they overlap) -> the reader module in generator.inputs
KINDS: dict[str, str] = {
    ".html.gz": "html", ".htm.gz": "html", ".html": "html", ".htm": "html",
    ".xml": "feeds", ".rss": "feeds", ".atom": "feeds",
    ".jsonl": "jsonl",
    ".txt": "text",
}


def input_kind(path: Path | str) -> str | None:
    """The reader for a file (or a file name): 'text', 'html', 'feeds', 'jsonl', or None when it is no article."""
    name = (path if isinstance(path, str) else path.name).lower()
    return next((kind for suffix, kind in KINDS.items() if name.endswith(suffix)), None)


def input_stem(path: Path) -> str:
    """The file name without its input suffix: 'page.html.gz' -> 'page'."""
    name = path.name
    suffix = next((s for s in KINDS if name.lower().endswith(s)), "")
    return name[: len(name) - len(suffix)] if suffix else path.stem


def kind_description(path: Path) -> str:
    """What a non-regular file is, for a refusal ('a folder', 'a FIFO')."""
    mode = path.lstat().st_mode
    for test, what in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
                       (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device")):
        if test(mode):
            return what
    return "not a regular file"


def article_paths(folder: Path) -> tuple[list[Path], list[ArticleError]]:
    """The article files in a folder, sorted by name, and a refusal for each name that looks like
    an article but is not a regular file inside the folder (after resolving links): a link to a file
    elsewhere would publish it, and reading a FIFO would hang the build. Hidden files are skipped."""
    found, refused = scan_articles(folder)
    return [path for path, _ in found], refused


def scan_articles(folder: Path) -> tuple[list[tuple[Path, os.stat_result]], list[ArticleError]]:
    """`article_paths` with each file's stat (of the link's target for a link), from one pass over
    the folder: a plain file costs one lstat, only a link is resolved."""
    if not folder.is_dir():
        raise BriefingError(folder, "is not a folder of articles")
    root = folder.resolve()
    found, refused = [], []
    with os.scandir(folder) as entries:
        listed = sorted((entry.name, entry) for entry in entries
                        if not entry.name.startswith(".") and input_kind(entry.name) is not None)
    for name, entry in listed:
        path = folder / name
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:  # gone since it was listed
            continue
        if stat.S_ISLNK(info.st_mode):
            try:
                target = path.resolve(strict=True)
                info = target.stat()
            except (OSError, RuntimeError):  # a dangling link or a loop of links
                refused.append(ArticleError(path, "is a link to nothing (a broken or looping link); refused"))
                continue
            if target.parent != root:
                refused.append(ArticleError(path, f"is a link to {target}, outside {folder}; articles must be "
                                                  f"files inside the folder (copy the file in instead)"))
                continue
        if not stat.S_ISREG(info.st_mode):
            refused.append(ArticleError(path, f"is {kind_description(path.resolve())}, not an article file; refused"))
        else:
            found.append((path, info))
    return found, refused


def read_capped(path: Path, limit: int, what: str = "articles", hint: str = "") -> bytes:
    """The bytes of a regular file, refused by name when over `limit`. A `.gz` file is
    decompressed, its size checked as it is read, so a small bomb cannot fill memory."""
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; it is then refused as not regular
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise ArticleError(path, f"cannot read file ({exc.strerror or exc})") from exc
    too_big = f"{what} over {limit / 1e6:.0f} MB are refused{hint}"
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise ArticleError(path, f"is {kind_description(path)}, not an article file; refused")
        try:
            if path.name.lower().endswith(".gz"):
                with gzip.GzipFile(fileobj=handle) as unzipped:
                    raw = unzipped.read(limit + 1)
                if len(raw) > limit:
                    raise ArticleError(path, f"is over {limit / 1e6:.0f} MB uncompressed; {too_big}")
                return raw
            if info.st_size > limit:
                raise ArticleError(path, f"file is {info.st_size / 1e6:.1f} MB; {too_big}")
            raw = handle.read(limit + 1)
        except (OSError, EOFError, zlib.error) as exc:
            raise ArticleError(path, f"cannot be read ({exc})") from exc
    if len(raw) > limit:  # it grew while being read
        raise ArticleError(path, f"file is over {limit / 1e6:.0f} MB; {too_big}")
    return raw
