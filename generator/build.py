"""Build the whole site: gather every article's briefing (cached or fresh), then write docs/.

Like `mkdocs build`: first gather everything, then write. Extraction runs in worker
processes that each load the model once; a content-hash cache (article bytes + generator
code) means an unchanged article is never parsed again.
"""
from __future__ import annotations

import concurrent.futures as cf
import hashlib
import importlib.metadata
import json
import logging
import multiprocessing
import os
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator import __version__
from generator.errors import ArticleError, BriefingError
from generator.models import Briefing
from generator.siteconfig import SiteSettings, find_config, read_settings

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = {".txt"}
CACHE_ENV = "BRIEFING_CACHE_DIR"
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
    """The article files in a folder, sorted by name (hidden files and other types skipped)."""
    if not articles_dir.is_dir():
        raise BriefingError(articles_dir, "is not a folder of articles")
    return sorted(p for p in articles_dir.iterdir()
                  if p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith(".") and p.is_file())


def code_fingerprint() -> str:
    """Hash of what extraction depends on: the generator's code and data files, spaCy's version and
    the model's. A change to any of them invalidates the cache."""
    import spacy

    from generator.nlp import MODEL

    model = importlib.metadata.version(MODEL.replace("_", "-"))
    digest = hashlib.sha256(f"{__version__} spacy {spacy.__version__} {MODEL} {model}".encode())
    files = [*PACKAGE_DIR.rglob("*.py"), *(PACKAGE_DIR / "data").glob("*")]
    for path in sorted(p for p in files if p.is_file()):
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def cache_dir(docs_dir: Path) -> Path:
    return Path(os.environ.get(CACHE_ENV) or docs_dir.resolve().parent / ".cache" / "briefing")


def cache_key(path: Path, fingerprint: str) -> str:
    digest = hashlib.sha256(fingerprint.encode())
    digest.update(path.name.encode() + b"\0")
    digest.update(path.read_bytes())
    return digest.hexdigest()


def extract_one(path: Path) -> dict:
    """Worker task: read, parse and extract one article; errors come back as data, not raised."""
    from generator import gazetteer, nlp
    from generator.articles import read_article
    from generator.briefing import make_briefing

    try:
        article = read_article(path)
        return {"briefing": make_briefing(article, nlp.parse(article), gazetteer.load()).to_dict()}
    except BriefingError as exc:
        return {"error": exc.message}
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop the others
        log.debug("extraction of %s failed:\n%s", path, traceback.format_exc())
        return {"error": f"extraction failed ({type(exc).__name__}: {exc})"}


def warm_worker() -> None:
    """Load the model and gazetteer once per worker process."""
    from generator import gazetteer, nlp

    nlp.load()
    gazetteer.load()


def extract_all(paths: list[Path], jobs: int, progress: Callable[[int], None],
                on_result: Callable[[Path, dict], None] | None = None) -> dict[Path, dict]:
    """Extract many articles, in `jobs` processes; results keyed by path. With `on_result`, each
    result goes there as soon as it is done and is not kept (the build's memory stays flat)."""
    results: dict[Path, dict] = {}

    def done(path: Path, result: dict) -> None:
        if on_result is None:
            results[path] = result
        else:
            on_result(path, result)
        progress(1)

    if jobs <= 1 or len(paths) <= 1:
        for path in paths:
            done(path, extract_one(path))
        return results
    # forkserver: workers start clean and load the model themselves, instead of inheriting (and
    # counting) whatever memory the parent has grown to
    context = multiprocessing.get_context("forkserver")
    with cf.ProcessPoolExecutor(max_workers=jobs, initializer=warm_worker, mp_context=context) as pool:
        # a few tasks in flight at a time: a finished result is handed on and dropped at once,
        # never held with thousands of others
        queue = iter(paths)
        running: dict[cf.Future, Path] = {}
        died = {"error": "a worker process died while extracting it (out of memory?); try again with --jobs 1"}

        def submit_next() -> None:
            for path in queue:
                try:
                    running[pool.submit(extract_one, path)] = path
                    return
                except cf.process.BrokenProcessPool:  # the pool is gone: name every article left
                    done(path, dict(died))

        for _ in range(jobs * 4):
            submit_next()
        while running:
            finished, _ = cf.wait(running, return_when=cf.FIRST_COMPLETED)
            for future in finished:
                try:
                    result = future.result()
                except cf.process.BrokenProcessPool:
                    # a worker was killed (out of memory, a crash in native code): the pool is
                    # gone, so every unfinished article is reported by name, not a traceback
                    result = dict(died)
                done(running.pop(future), result)
                submit_next()
    return results


def gather(articles_dir: Path, docs_dir: Path, jobs: int = 1,
           progress: Callable[[int], None] = lambda n: None) -> BuildReport:
    """Every article's briefing, from the cache when its bytes and the code are unchanged."""
    report = BuildReport()
    paths = article_files(articles_dir)
    fingerprint = code_fingerprint()
    cache = cache_dir(docs_dir)
    keys, todo, found = {}, [], {}
    for path in paths:
        try:
            keys[path] = cache_key(path, fingerprint)
        except OSError as exc:
            report.errors.append(ArticleError(path, f"cannot read file ({exc.strerror or exc})"))
            continue
        cached = cache / f"{keys[path]}.json"
        if cached.is_file() and cached.stat().st_size > 0:  # read when the site needs it
            found[path] = {"briefing": True}
            report.cached += 1
            progress(1)
            continue
        todo.append(path)
    def keep(path: Path, result: dict) -> None:
        if "error" in result:
            report.errors.append(ArticleError(path, result["error"]))
            return
        found[path] = {"briefing": True}
        report.extracted += 1
        write_cache(cache / f"{keys[path]}.json", result)  # now: the result is not kept

    extract_all(todo, jobs, progress, on_result=keep)
    report.errors.sort(key=lambda e: e.path or "")  # by file, not by which worker finished first
    if todo and not report.extracted and len(report.errors) > 1 and not found:
        # every article failed: the environment is broken (model, gazetteer, memory), not the
        # articles; writing now would remove every page of the site
        raise BriefingError(articles_dir, f"no article could be extracted, so nothing was written; "
                                          f"first error: {report.errors[0]}")
    report.stamp = hashlib.sha256("\n".join([fingerprint, *(keys[p] for p in paths if p in found)])
                                  .encode()).hexdigest()
    report.fingerprint = fingerprint
    report.briefings = CachedBriefings({keys[p]: (p, cache / f"{keys[p]}.json") for p in paths
                                        if p in found and "briefing" in found[p]})
    report.errors.sort(key=lambda e: e.path or "")
    return report


class CachedBriefings:
    """The build's briefings by cache key, each read from the cache only when asked for: the site
    is written from this without holding every briefing in memory."""

    def __init__(self, files: dict[str, tuple[Path, Path]]) -> None:
        self._files = files  # key -> (article, cache file)

    def __len__(self) -> int:
        return len(self._files)

    def keys(self) -> list[str]:
        return list(self._files)

    def load(self, key: str) -> Briefing:
        article, cached = self._files[key]
        try:
            return Briefing.from_dict(json.loads(cached.read_text(encoding="utf-8"))["briefing"])
        except (OSError, ValueError, KeyError, TypeError):
            log.warning("%s: unreadable cache entry, extracting %s again", cached, article.name)
        result = extract_one(article)
        if "error" in result:
            raise ArticleError(article, result["error"])
        write_cache(cached, result)
        return Briefing.from_dict(result["briefing"])

    def __iter__(self):
        return (self.load(key) for key in self._files)


def write_cache(path: Path, result: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)


def run_build(articles_dir: Path, docs_dir: Path, templates_dir: Path | None = None,
              jobs: int = 1, progress: Callable[[int], None] = lambda n: None,
              settings: SiteSettings | None = None) -> BuildReport:
    """Gather every briefing, then write the generator's part of docs/.

    `settings` (site name and URL for the feed) default to the mkdocs.yml beside `docs_dir`."""
    from generator.site import write_site

    if settings is None:
        settings = read_settings(find_config(Path(docs_dir).resolve().parent))

    report = gather(Path(articles_dir), Path(docs_dir), jobs=jobs, progress=progress)
    templates = Path(templates_dir) if templates_dir else None
    # the site's state (what each page was built from) lives beside the cache, one per docs folder
    docs_key = hashlib.sha256(str(Path(docs_dir).resolve()).encode()).hexdigest()[:12]
    state = cache_dir(Path(docs_dir)) / f"site-{docs_key}.sqlite"
    report.site = write_site(report.briefings, Path(docs_dir), templates, report.fingerprint, settings,
                             state_path=state)
    return report
