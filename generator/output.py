"""The only writer of docs/: a build's pages go in as one transaction, into the folders the
generator owns, never over a page a person wrote.

Every changed page is first written to a temporary file beside its target; only when all are
written are they renamed into place, stale pages removed and the manifest replaced (last). A
failure before that removes the temporaries and leaves docs/ as it was. While renaming, a journal
(generator/manifest.py) lists every file the build may leave, so the build after a crash knows
what to finish or remove. Pages unchanged byte for byte are not touched, so a rebuild that
changes nothing writes nothing (and `mkdocs serve` settles).
"""
from __future__ import annotations

import errno
import logging
import os
import re
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import OutputError, PartialWriteError
from generator.lifecycle import deferred_signals
from generator.manifest import (HOME_PAGE, JOURNAL, MANIFEST, OWNED_DIRS, ROOT_FILES, Known, Record,
                                RecordError, digest, has_marker, is_owned_path, marked_files,
                                read_record, reason_to_keep, record_bytes, up_to_date)

__all__ = ["HOME_PAGE", "MANIFEST", "OWNED_DIRS", "SiteReport", "Transaction", "up_to_date", "write_pages"]

log = logging.getLogger(__name__)

TEMPORARY = re.compile(r"^\..+\.tmp$")  # ours: `.<page name>.<random>.tmp`, hidden from MkDocs


@dataclass
class SiteReport:
    """What a build did to docs/: file counts, notes, and warnings a person should read."""

    written: int = 0
    unchanged: int = 0
    removed: int = 0
    messages: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def write_pages(pages: dict[str, str], docs_dir: Path, report: SiteReport, stamp: str = "") -> None:
    """Write a whole set of pages as one transaction (see Transaction)."""
    with Transaction(Path(docs_dir), report, stamp) as transaction:
        for rel, text in sorted(pages.items()):
            transaction.put(rel, text)


class Transaction:
    """One build's changes to docs/. `put` every page the build produces (or `keep` one known to
    be unchanged without rendering it); leaving the `with` block commits, an exception rolls back.

    Pages are checked and staged as they come, so a caller may stream them: nothing in docs/
    changes before commit."""

    def __init__(self, docs_dir: Path, report: SiteReport, stamp: str = "") -> None:
        self.docs_dir = Path(docs_dir)
        self.report = report
        self.stamp = stamp
        self.files: dict[str, str] = {}  # every file this build produces -> digest
        self.staged: dict[str, Path] = {}  # target -> its temporary file
        self.created: list[Path] = []  # folders made for staged files (removed on rollback)
        self.previous: Known = {}
        self.recorded: Record | None = None
        self.crashed = False
        self.present: dict[str, int] = {}  # regular files found in the owned folders -> mtime_ns
        self.recorded_at: int | None = None  # mtime_ns of the manifest read
        self.journal_previous: dict[str, str] | None = None

    # --- begin ---------------------------------------------------------------------------------

    def __enter__(self) -> Transaction:
        self.begin()
        return self

    def __exit__(self, kind, value, traceback) -> None:
        if kind is None:
            self.commit()
        else:
            self.rollback()

    def begin(self) -> None:
        """Check the owned folders, clean up after an interrupted build, read what was written before."""
        if self.docs_dir.exists() and not self.docs_dir.is_dir():
            raise OutputError(self.docs_dir, "is not a folder")
        self.root = self.docs_dir.resolve()
        for name in OWNED_DIRS:
            folder = self.root / name
            if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
                raise OutputError(folder, "must be a real folder owned by the generator "
                                          "(it is a symlink or a file); move it away and rebuild")
        self._remove_temporaries()
        self.recorded = self._read(MANIFEST, "manifest")
        try:
            self.recorded_at = (self.root / MANIFEST).stat().st_mtime_ns if self.recorded else None
        except OSError:
            self.recorded = None
        journal = self._read(JOURNAL, "journal of an interrupted build")
        self.crashed = (self.root / JOURNAL).exists()
        self.previous = self.recorded.known() if self.recorded else {}
        if journal:
            for rel, digests in journal.known().items():
                self.previous.setdefault(rel, set()).update(digests)
        if self.crashed or self.recorded is None:
            # records lost or a build killed mid-way: the marker tells the generator's pages apart
            for rel, digests in marked_files(self.root).items():
                self.previous.setdefault(rel, set()).update(digests)
        if self.crashed:
            self.report.warnings.append(f"{self.docs_dir}: the last build was interrupted; "
                                        "its pages are finished or removed now")

    def _read(self, rel: str, what: str) -> Record | None:
        try:
            return read_record(self.root / rel)
        except RecordError as exc:
            self.report.warnings.append(f"{self.root / rel}: {what} ignored: it {exc}; pages it "
                                        "lists are not removed unless they carry the generator marker")
            return None

    def _remove_temporaries(self) -> None:
        """Temporary files of a killed build (the caller holds the build lock: none is in use);
        the same pass notes every other regular file and when it was last modified."""
        found = [self.root / f".{name}.{rest}" for name in ROOT_FILES
                 for rest in _listdir(self.root, f".{name}.")]
        for name in ROOT_FILES:
            try:
                info = os.lstat(self.root / name)
                if stat.S_ISREG(info.st_mode):
                    self.present[name] = info.st_mtime_ns
            except OSError:
                pass
        for name in OWNED_DIRS:
            found += self._scan(self.root / name, name)
        count = 0
        for path in found:
            if TEMPORARY.match(path.name) and path.is_file() and not path.is_symlink():
                path.unlink()
                count += 1
        if count:
            self.report.warnings.append(f"{self.docs_dir}: removed {count} temporary file"
                                        f"{'s' if count != 1 else ''} left by an interrupted build")

    def _scan(self, folder: Path, rel: str | None) -> list[Path]:
        """The temporaries under `folder` (links not followed); its other regular files go into
        `present` (`rel` None: inside a hidden folder, which holds no page)."""
        temporaries = []
        try:
            entries = list(os.scandir(folder))
        except OSError:
            return temporaries
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    hidden = rel is None or entry.name.startswith(".")
                    temporaries += self._scan(Path(entry.path), None if hidden else f"{rel}/{entry.name}")
                elif TEMPORARY.match(entry.name):
                    temporaries.append(Path(entry.path))
                elif rel is not None and not entry.name.startswith(".") and entry.is_file(follow_symlinks=False):
                    self.present[f"{rel}/{entry.name}"] = entry.stat(follow_symlinks=False).st_mtime_ns
            except OSError:
                continue
        return temporaries

    def untouched(self, rel: str) -> bool:
        """The file is as the last complete build left it: in its manifest with a digest, a
        regular file, not modified since the manifest was written. Such a page need not be
        rendered again (`keep` it)."""
        if self.crashed or self.recorded is None or self.recorded_at is None:
            return False  # an interrupted build, or no records: look at everything again
        mtime = self.present.get(rel)
        return mtime is not None and mtime <= self.recorded_at and bool(self.recorded.files.get(rel))

    # --- stage ---------------------------------------------------------------------------------

    def put(self, rel: str, content: str | bytes) -> None:
        """Check that `rel` is the generator's to write, then stage it unless it holds these bytes."""
        data = content.encode("utf-8") if isinstance(content, str) else content
        path = self._check_target(rel, data)
        self.files[rel] = digest(data)
        try:
            if path.read_bytes() == data:
                self.report.unchanged += 1
                return
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise OutputError(path, f"cannot read ({exc.strerror or exc}); nothing was written") from exc
        self._stage(rel, data)

    def keep(self, rel: str) -> None:
        """A page this build produces but did not render, because it is known to be unchanged."""
        digests = self.previous.get(rel, set()) - {""}
        if len(digests) != 1 or (rel not in self.present
                                 and (not is_owned_path(rel) or not (self.root / rel).is_file())):
            raise OutputError(self.root / rel, "cannot be kept: the generator has no record of it")
        self.files[rel] = next(iter(digests))
        self.report.unchanged += 1

    def _check_target(self, rel: str, data: bytes) -> Path:
        path = self.root / rel
        if not is_owned_path(rel) or not path.resolve().is_relative_to(self.root):
            raise OutputError(path, "outside the folders the generator owns; refusing to write it")
        if path.is_symlink():
            raise OutputError(path, "is a symbolic link where a generated page goes; move it away")
        if path.is_dir():
            raise OutputError(path, "a folder is in the way of a generated page; move it away")
        if not path.exists():
            return path
        if rel.endswith(".md"):
            if has_marker(path):
                return path
            raise OutputError(path, "exists and was not written by the generator (no generator marker "
                                    "on its first line); move or rename it, the generator will not "
                                    "overwrite a page a person wrote")
        if (rel in self.previous or has_marker(path.with_suffix(".md"))
                or path.read_bytes() == data):
            return path
        raise OutputError(path, "exists and is not in the generator's manifest; move or rename it")

    def _stage(self, rel: str, data: bytes) -> None:
        path = self.root / rel
        if rel in self.staged:  # the same page twice: the last one counts
            self.staged.pop(rel).unlink(missing_ok=True)
        try:
            if not self.staged:
                self._write_journal()  # before the first temporary: a crash from here on is seen
            self._make_folder(path.parent)
            self.staged[rel] = _temporary(path, data)
        except OSError as exc:
            raise OutputError(path, f"cannot write ({_reason(exc)}); nothing was written") from exc

    def _make_folder(self, folder: Path) -> None:
        missing = []
        while not folder.exists():
            missing.append(folder)
            folder = folder.parent
        for path in reversed(missing):
            path.mkdir()
            self.created.append(path)

    def _write_journal(self, files: dict[str, str] | None = None) -> None:
        if self.journal_previous is None:  # the same for both journals of a build
            self.journal_previous = {rel: next(iter(d - {""}), "") for rel, d in self.previous.items()
                                     if is_owned_path(rel)}
        record = Record(self.stamp, dict(files or {}), self.journal_previous)
        self._make_folder((self.root / JOURNAL).parent)
        os.replace(_temporary(self.root / JOURNAL, record_bytes(record)), self.root / JOURNAL)

    # --- commit or roll back -------------------------------------------------------------------

    def commit(self) -> None:
        """Rename every staged page into place, remove stale pages, then replace the manifest."""
        stale = []
        for rel in sorted(set(self.previous) - set(self.files) - set(ROOT_FILES)):
            reason = reason_to_keep(self.root, rel, self.previous)
            if reason is None:
                stale.append(rel)
            elif reason != "already gone":
                self.report.messages.append(f"kept {self.root / rel}: {reason}")
        record = Record(self.stamp, dict(self.files))
        changed = bool(self.staged or stale)
        if (not changed and not self.crashed and self.recorded is not None and self.recorded.stamp == self.stamp
                and self.recorded.files == record.files and not self.recorded.previous):
            return  # the manifest read at the start already says this (no need to write it out again)
        manifest = record_bytes(record)
        try:
            old_manifest = (self.root / MANIFEST).read_bytes()
        except OSError:
            old_manifest = b""
        if not changed and old_manifest == manifest and not self.crashed:
            return
        try:
            self._write_journal(self.files)  # every file this build may leave, before any rename
            manifest_tmp = _temporary(self.root / MANIFEST, manifest)
        except OSError as exc:
            self.rollback()
            raise OutputError(self.root / MANIFEST, f"cannot write ({_reason(exc)}); "
                                                    "nothing was written") from exc
        done = 0
        with deferred_signals():  # Ctrl-C now would leave a half-renamed site: it waits for this
            try:
                for rel, tmp in sorted(self.staged.items()):
                    os.replace(tmp, self.root / rel)
                    done += 1
                    self.report.written += 1
                for rel in stale:
                    (self.root / rel).unlink(missing_ok=True)
                    self.report.removed += 1
                    self.report.messages.append(f"removed stale {rel}")
                # last, so it is newer than every page it lists (up_to_date relies on that)
                os.replace(manifest_tmp, self.root / MANIFEST)
                (self.root / JOURNAL).unlink(missing_ok=True)
            except OSError as exc:
                for tmp in self.staged.values():
                    tmp.unlink(missing_ok=True)
                manifest_tmp.unlink(missing_ok=True)
                raise PartialWriteError(exc.filename or self.root, f"{_reason(exc)}: {done} of "
                                        f"{len(self.staged)} changed pages were replaced; run the "
                                        "build again to finish (it completes or removes them)") from exc
        self.staged.clear()

    def rollback(self) -> None:
        """Remove every temporary file, the journal and the folders this build made: docs/ as it was."""
        for tmp in self.staged.values():
            _quietly(tmp.unlink, missing_ok=True)
        self.staged.clear()
        if not self.crashed:
            _quietly((self.root / JOURNAL).unlink, missing_ok=True)
        for folder in reversed(self.created):
            _quietly(folder.rmdir)
        self.created.clear()


def _listdir(folder: Path, prefix: str) -> list[str]:
    try:
        return [name[len(prefix):] for name in os.listdir(folder) if name.startswith(prefix)]
    except OSError:
        return []


def _temporary(target: Path, data: bytes) -> Path:
    """`data` in a new temporary file beside `target` (`.<name>.<random>.tmp`: MkDocs skips it)."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
    except BaseException:
        _quietly(Path(tmp).unlink, missing_ok=True)
        raise
    return Path(tmp)


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "no space left on the disk"
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return f"{exc.strerror or exc}: is docs/ read-only?"
    return exc.strerror or str(exc)


def _quietly(action, *args, **kwargs) -> None:
    try:
        action(*args, **kwargs)
    except OSError as exc:
        log.warning("cleaning up: %s", exc)
