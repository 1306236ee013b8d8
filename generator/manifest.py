"""What the generator wrote in docs/: its manifest, its crash journal and its page marker, each
checked before anything it names is removed.

The manifest (`briefings/.generated.json`) lists every file the last complete build wrote, with a
digest of its bytes. The journal (`briefings/.generated.pending.json`) exists only while a build is
changing docs/: finding it means a build was killed, and it lists every file that build may have
left. Both are read as untrusted input: an entry that is not a plain relative path inside the
generator's folders makes the whole file ignored (and reported), never obeyed.
"""
from __future__ import annotations

import hashlib
import json
import os
import posixpath
import stat
from dataclasses import dataclass, field
from pathlib import Path

from generator.render import GENERATED_MARKER

GENERATOR_ID = "briefing-generator"
OWNED_DIRS = ("briefings", "places", "people", "organisations", "archive", "map")
HOME_PAGE = "index.md"
FEED_FILE = "feed.xml"
ROOT_FILES = (HOME_PAGE, FEED_FILE)  # generated files at the top of docs/ (the rest of it is people's)
MANIFEST = "briefings/.generated.json"  # dot files: MkDocs does not publish them
JOURNAL = "briefings/.generated.pending.json"

# relative path -> digests of the bytes the generator may have left there ("" = not recorded)
Known = dict[str, set[str]]


def digest(data: bytes) -> str:
    """Short content digest recorded for each file (64 bits: enough to tell our bytes from edits)."""
    return hashlib.sha256(data).hexdigest()[:16]


def is_owned_path(rel: str) -> bool:
    """A normalised relative path inside the folders the generator owns (or one of its root files)."""
    if not isinstance(rel, str) or not rel or "\\" in rel or "\0" in rel or rel.startswith("/"):
        return False
    # no empty, "." or ".." part (nor any hidden one): such a path is also normalised
    parts = rel.split("/")
    if any(not part or part[0] == "." for part in parts):
        return False
    return rel in ROOT_FILES or (len(parts) > 1 and parts[0] in OWNED_DIRS)


class RecordError(ValueError):
    """A manifest or journal that cannot be trusted; the message says why."""


@dataclass
class Record:
    """The contents of a manifest or journal."""

    stamp: str = ""
    files: dict[str, str] = field(default_factory=dict)  # relative path -> digest ("" unknown)
    previous: dict[str, str] = field(default_factory=dict)  # journal only: the files before it

    def known(self) -> Known:
        result: Known = {}
        for files in (self.previous, self.files):
            for rel, value in files.items():
                result.setdefault(rel, set()).add(value)
        return result


def read_record(path: Path) -> Record | None:
    """Parse and validate a manifest or journal; None when there is none, RecordError when it is bad."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise RecordError(f"cannot be read ({exc})") from exc
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise RecordError(f"is not valid JSON ({exc})") from exc
    if not isinstance(data, dict) or data.get("generator") != GENERATOR_ID:
        raise RecordError("was not written by the generator")
    stamp = data.get("stamp", "")
    if not isinstance(stamp, str):
        raise RecordError("has a stamp that is not text")
    return Record(stamp, _entries(data.get("files")), _entries(data.get("previous", {})))


def _entries(files: object) -> dict[str, str]:
    if isinstance(files, list):  # 0.2 manifests: paths without digests
        files = dict.fromkeys(files, "")
    if not isinstance(files, dict):
        raise RecordError("has no list of files")
    for rel, value in files.items():
        if not is_owned_path(rel):
            raise RecordError(f"names {rel!r}, which is not a file in the folders the generator owns")
        if not isinstance(value, str):
            raise RecordError(f"has a digest for {rel!r} that is not text")
    return dict(files)


def record_bytes(record: Record) -> bytes:
    """The record as `json.dumps(..., indent=1, ensure_ascii=True)` writes it, built with the C
    string encoder: with an indent, json falls back to its pure-Python encoder (0.2 s for the
    manifest of a 10,000-briefing site, written up to three times per build)."""
    fields = [("generator", _string(GENERATOR_ID)), ("stamp", _string(record.stamp)),
              ("files", _flat_object(record.files))]
    if record.previous:
        fields.append(("previous", _flat_object(record.previous)))
    body = ",\n".join(f" {_string(name)}: {value}" for name, value in fields)
    return ("{\n" + body + "\n}\n").encode("utf-8")


_string = json.encoder.encode_basestring_ascii  # type: ignore[attr-defined]


def _flat_object(entries: dict[str, str]) -> str:
    """A dict of text to text, sorted, at the second level of an indent-1 JSON document."""
    if not entries:
        return "{}"
    return "{\n" + ",\n".join(f"  {_string(k)}: {_string(v)}" for k, v in sorted(entries.items())) + "\n }"


def up_to_date(docs_dir: Path, stamp: str) -> int | None:
    """When the last build had this stamp, finished, and every file it wrote is still there and
    untouched since: how many files that is (nothing needs rendering). Otherwise None."""
    root = Path(docs_dir)
    try:
        if (root / JOURNAL).exists():  # a build was interrupted: finish or undo its work
            return None
        record = read_record(root / MANIFEST)
        if record is None or record.stamp != stamp:
            return None
        written = (root / MANIFEST).stat().st_mtime
        if all((root / rel).stat().st_mtime <= written for rel in record.files):
            return len(record.files)
    except (OSError, RecordError):
        pass
    return None


def has_marker(path: Path) -> bool:
    """The file is a regular file (not a link) whose first line is the generator's marker."""
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return False
        with path.open("rb") as handle:
            return handle.read(len(GENERATED_MARKER) + 3).lstrip(b"\xef\xbb\xbf").startswith(
                GENERATED_MARKER.encode("utf-8"))
    except OSError:
        return False


def marked_files(root: Path) -> Known:
    """Pages in the owned folders that carry the marker, and the JSON twins of marked briefings:
    how the generator recognises its own files when its records are lost or a build was killed."""
    found: Known = {}
    if _is_our_feed(root / FEED_FILE):
        found[FEED_FILE] = {""}
    for name in OWNED_DIRS:
        for folder, dirs, files in os.walk(root / name):  # does not follow links
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            base = Path(folder)
            for file in sorted(files):
                path = base / file
                if file.endswith(".md") and has_marker(path):
                    found[path.relative_to(root).as_posix()] = {""}
                    twin = path.with_suffix(".json")
                    if name == "briefings" and twin.name in files:
                        found[twin.relative_to(root).as_posix()] = {""}
    return found


def _is_our_feed(path: Path) -> bool:
    from generator.feed import FEED_MARKER  # the feed's own marker, on its second line

    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return False
        with path.open("rb") as handle:
            return FEED_MARKER.encode("utf-8") in handle.read(200)
    except OSError:
        return False


def reason_to_keep(root: Path, rel: str, known: Known) -> str | None:
    """Why a stale file must not be removed (None: it is the generator's and may go)."""
    path = root / rel
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return "already gone"
    except OSError as exc:
        return f"cannot be checked ({exc.strerror or exc})"
    if not stat.S_ISREG(info.st_mode):
        return "it is not a regular file"
    if path.parent.resolve() != root / posixpath.dirname(rel):
        return "its folder is a link out of the generator's folders"
    if rel.endswith(".md"):
        return None if has_marker(path) else "it has no generator marker (written by a person?)"
    digests = known.get(rel, set()) - {""}
    if digests:
        try:
            current = digest(path.read_bytes())
        except OSError as exc:
            return f"cannot be read ({exc.strerror or exc})"
        return None if current in digests else "it changed since the generator wrote it"
    if has_marker(path.with_suffix(".md")):  # a twin from a manifest that recorded no digests
        return None
    return "the generator has no record of its contents"
