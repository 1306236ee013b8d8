"""Write generated pages into docs/ safely: only in folders the generator owns, atomically,
only when bytes change, never over a page a person wrote.

Ownership: the generator writes only inside OWNED_DIRS plus the home page, replaces a Markdown
page only when it carries GENERATED_MARKER, removes stale files only where it wrote them (the
marker or its manifest says so).
"""
from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import OutputError
from generator.feed import FEED_MARKER
from generator.render import GENERATED_MARKER

OWNED_DIRS = ("briefings", "places", "people", "organisations", "archive", "map")
HOME_PAGE = "index.md"
FEED_FILE = "feed.xml"
ROOT_FILES = (HOME_PAGE, FEED_FILE)  # the generator's files at the top of docs/
MANIFEST = "briefings/.generated.json"  # dot file: MkDocs does not publish it


@dataclass
class SiteReport:
    """What write_site did: file counts and human-readable notes."""

    written: int = 0
    unchanged: int = 0
    removed: int = 0
    messages: list[str] = field(default_factory=list)


def up_to_date(docs_dir: Path, stamp: str) -> int | None:
    """When the last build had this stamp and every file it wrote is still there, untouched since:
    how many files that is (nothing needs rendering). Otherwise None."""
    path = docs_dir / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        written = path.stat().st_mtime
        if manifest.get("stamp") != stamp:
            return None
        files = [docs_dir / str(rel) for rel in manifest["files"]]
        if all(f.stat().st_mtime <= written for f in files):
            return len(files)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    return None


def write_pages(pages: dict[str, str], docs_dir: Path, report: SiteReport, stamp: str = "") -> None:
    """Check ownership of every target first, then write changed files and remove stale ones."""
    writer = PageWriter(docs_dir, report, stamp)
    writer.check(pages)
    for rel, text in sorted(pages.items()):
        writer.put(rel, text)
    writer.commit()


class PageWriter:
    """Writes a site's pages one at a time, so no build holds them all: `check` the ones about to
    be written (before any is), `put` each (atomic, only when its bytes change), `keep` each page
    the build did not render because it is unchanged; `commit` removes the stale files of the
    last build and writes the manifest of everything put or kept."""

    def __init__(self, docs_dir: Path, report: SiteReport, stamp: str = "") -> None:
        docs_dir.mkdir(parents=True, exist_ok=True)
        self.root = docs_dir.resolve()
        self.report = report
        self.stamp = stamp
        self.files: set[str] = set()
        for name in OWNED_DIRS:
            folder = docs_dir / name
            if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
                raise OutputError(folder, "must be a real folder owned by the generator "
                                          "(it is a symlink or a file); move it away and rebuild")
        self.previous = _read_manifest(docs_dir, report)

    def check(self, rels: Iterable[str]) -> None:
        """Refuse (OutputError) before anything is written when a target is not ours to write.
        A file that is neither ours nor a page is checked again with its bytes in `put`."""
        for rel in sorted(rels):
            _check_target(self.root, rel, None, self.previous)

    def put(self, rel: str, text: str) -> None:
        data = text.encode("utf-8")
        _check_target(self.root, rel, data, self.previous)
        self.files.add(rel)
        if _write_if_changed(self.root / rel, data):
            self.report.written += 1
        else:
            self.report.unchanged += 1

    def keep(self, rel: str) -> None:
        """A page of this build that was not rendered: the last build's file stays as it is."""
        self.files.add(rel)
        self.report.unchanged += 1

    def commit(self) -> None:
        root, report = self.root, self.report
        for rel in sorted(_generated_files(root, self.previous) - self.files):
            path = root / rel
            if rel.endswith(".md") and not _has_marker(path):
                report.messages.append(f"kept {path}: it has no generator marker (written by a person?)")
                continue
            path.unlink()
            report.removed += 1
            report.messages.append(f"removed stale {rel}")
        manifest = json.dumps({"generator": "briefing-generator", "stamp": self.stamp, "files": sorted(self.files)},
                              indent=1)
        # written last, so it is newer than every page it lists (untouched_since relies on that);
        # touched only when this build wrote or removed something, so `mkdocs serve` settles
        changed = _write_if_changed(root / MANIFEST, (manifest + "\n").encode("utf-8"))
        if not changed and (report.written or report.removed):
            os.utime(root / MANIFEST)


def untouched_since_last_build(docs_dir: Path) -> Callable[[str], bool]:
    """A test for "this generated file is as the last build left it" (listed in its manifest,
    there, not modified since), to decide which pages need no rendering."""
    root = Path(docs_dir)
    try:
        listed = set(json.loads((root / MANIFEST).read_text(encoding="utf-8"))["files"])
        since = (root / MANIFEST).stat().st_mtime_ns
    except (OSError, ValueError, KeyError, TypeError):
        return lambda rel: False

    def untouched(rel: str) -> bool:
        try:
            return rel in listed and (root / rel).stat().st_mtime_ns <= since
        except OSError:
            return False
    return untouched


def _check_target(root: Path, rel: str, data: bytes | None, previous: set[str]) -> None:
    path = root / rel
    if not _is_owned_path(rel) or not path.resolve().is_relative_to(root):
        raise OutputError(path, "outside the folders the generator owns; refusing to write it")
    if path.is_dir():
        raise OutputError(path, "a folder is in the way of a generated page; move it away")
    if not path.exists():
        return
    if rel.endswith(".md"):
        if _has_marker(path):
            return
        raise OutputError(path, "exists and was not written by the generator (no generator marker "
                                "on its first line); move or rename it, the generator will not "
                                "overwrite a page a person wrote")
    if rel in previous or _has_marker(path.with_suffix(".md")):
        return
    if rel == FEED_FILE and FEED_MARKER.encode("utf-8") in path.read_bytes()[:200]:
        return
    if data is None or path.read_bytes() == data:  # without the bytes yet: decided when written
        return
    raise OutputError(path, "exists and is not in the generator's manifest; move or rename it")


def _is_owned_path(rel: str) -> bool:
    return rel in ROOT_FILES or rel.split("/", 1)[0] in OWNED_DIRS


def _generated_files(root: Path, previous: set[str]) -> set[str]:
    """Files the generator wrote before: those its manifest lists; only when the manifest is lost,
    the pages that carry its marker (a person's copy of a generated page is otherwise safe)."""
    found = {rel for rel in previous if _is_owned_path(rel) and rel not in ROOT_FILES
             and (root / rel).is_file()}
    if previous:
        return found
    for name in OWNED_DIRS:
        folder = root / name
        if not folder.is_dir():
            continue
        for path in folder.rglob("*.md"):
            if path.is_file() and _has_marker(path):
                rel = path.relative_to(root).as_posix()
                found.add(rel)
                twin = path.with_suffix(".json")
                if name == "briefings" and twin.is_file():
                    found.add(twin.relative_to(root).as_posix())
    return found


def _has_marker(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(GENERATED_MARKER) + 3).lstrip(b"\xef\xbb\xbf").startswith(
                GENERATED_MARKER.encode("utf-8"))
    except OSError:
        return False


def _read_manifest(docs_dir: Path, report: SiteReport) -> set[str]:
    path = docs_dir / MANIFEST
    if not path.exists():
        return set()
    try:
        files = json.loads(path.read_text(encoding="utf-8"))["files"]
        return {str(f) for f in files}
    except (OSError, ValueError, KeyError, TypeError):
        report.messages.append(f"{path}: unreadable manifest ignored; stale JSON files may remain")
        return set()


def _write_if_changed(path: Path, data: bytes) -> bool:
    """Atomic write (temp file + os.replace) unless the file already holds these bytes."""
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise OutputError(path, f"cannot read ({exc.strerror or exc})") from exc
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(path, f"cannot write ({exc.strerror or exc})") from exc
    return True
