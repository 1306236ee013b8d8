"""What each article file was when a build last read it (its stat and a digest of its bytes), so a
rebuild hashes only the files whose stat changed, as git, make and rsync decide.

A record is used only when the file's device, inode, size, mtime and ctime are all exactly as
recorded. Rewriting a file changes its ctime (which `touch` and `os.utime` cannot set back),
replacing it changes its inode, so an edit is never missed by keeping the size and the mtime. A
record is not kept for a file changed within RACY_NS of being read (a second write in the same
clock tick of the filesystem would leave every time as it was); that file is hashed next time.
The records are only a shortcut: when they cannot be read or written, every file is hashed.
"""
from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import stat
import time
from pathlib import Path

log = logging.getLogger(__name__)

# a change this recent may share its timestamps with a later write (FAT keeps 2 s, ext4 ~4 ms)
RACY_NS = 3_000_000_000
Stat = tuple[int, int, int, int, int]  # st_dev, st_ino, st_size, st_mtime_ns, st_ctime_ns


def stat_of(info: os.stat_result) -> Stat:
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def hash_file(path: Path) -> tuple[str, Stat | None]:
    """The sha256 of a file's bytes, and its stat when the file did not change while it was read
    (None otherwise: the digest may then mix two versions and must not be recorded)."""
    digest = hashlib.sha256()
    # O_NONBLOCK: a FIFO put in place of the file must not hang the build (it is refused later)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        before = os.fstat(fd)
        if not stat.S_ISREG(before.st_mode):
            return "", None
        for chunk in iter(lambda: handle.read(1 << 20), b""):  # a huge file is refused later, not loaded here
            digest.update(chunk)
        after = os.fstat(fd)
    steady = stat_of(before) == stat_of(after)
    return digest.hexdigest(), stat_of(before) if steady else None


class FileRecords:
    """The records of one articles folder's files, kept in SQLite beside the build cache (`path`
    None: in memory, for one build)."""

    def __init__(self, path: Path | None) -> None:
        self.rows: dict[str, tuple[Stat, str]] = {}
        self.changed: dict[str, tuple[Stat, str] | None] = {}
        self.db: sqlite3.Connection | None = None
        if path is None:
            return
        for attempt in (1, 2):
            try:
                self._open(path)
                return
            except sqlite3.DatabaseError as exc:
                self.close()
                self.rows = {}
                if attempt == 1 and not isinstance(exc, sqlite3.OperationalError) and path.is_file():
                    log.info("%s: file records unreadable (%s); started again", path, exc)
                    path.unlink(missing_ok=True)  # derived data: a corrupt copy would cost the shortcut for good
                    continue
                log.info("%s: file records not used (%s); hashing every article", path, exc)
            except (OSError, sqlite3.Error) as exc:
                log.info("%s: file records not used (%s); hashing every article", path, exc)
                self.close()
                self.rows = {}
            return

    def _open(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path), timeout=2.0)
        self.db.execute("CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, dev INTEGER, ino INTEGER, "
                        "size INTEGER, mtime_ns INTEGER, ctime_ns INTEGER, digest TEXT NOT NULL)")
        for name, *numbers, digest in self.db.execute("SELECT * FROM files"):
            self.rows[name] = (tuple(numbers), digest)  # type: ignore[assignment]

    def digest(self, path: Path, info: os.stat_result | None = None) -> str:
        """The sha256 of the file's bytes: from its record when `info` (its stat now) matches it
        exactly, else read and hashed (and recorded, unless it changed too recently)."""
        name = str(path)
        record = self.rows.get(name)
        if info is not None and record is not None and record[0] == stat_of(info):
            return record[1]
        digest, seen = hash_file(path)
        if seen is not None and time.time_ns() - max(seen[3], seen[4]) > RACY_NS:
            self._set(name, (seen, digest))
        elif record is not None:
            self._set(name, None)
        return digest

    def keep_only(self, paths: set[str]) -> None:
        """Forget the records of files that are gone."""
        for name in set(self.rows) - paths:
            self._set(name, None)

    def _set(self, name: str, value: tuple[Stat, str] | None) -> None:
        self.changed[name] = value
        if value is None:
            self.rows.pop(name, None)
        else:
            self.rows[name] = value

    def save(self) -> None:
        """Write the changed records (a failure costs only the shortcut)."""
        if self.db is None or not self.changed:
            return
        try:
            with self.db:
                for name, value in self.changed.items():
                    if value is None:
                        self.db.execute("DELETE FROM files WHERE path = ?", (name,))
                    else:
                        self.db.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?)",
                                        (name, *value[0], value[1]))
            self.changed.clear()
        except sqlite3.Error as exc:
            log.info("file records not saved (%s)", exc)

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None
