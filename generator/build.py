"""Build the whole site: gather every article's briefing (cached or fresh), then write docs/.

Like `mkdocs build`: first gather everything, then write. Extraction runs in worker
processes that each load the model once; a content-hash cache (article bytes + generator
code) means an unchanged article is never parsed again.
"""
from __future__ import annotations

import hashlib
import json
import logging
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import ArticleError, BriefingError
from generator.filestate import FileRecords, hash_file
from generator.inputs import KINDS
from generator.inputs.files import scan_articles
from generator.lifecycle import EarlyWorker, run_in_workers
from generator.lock import build_lock
from generator.models import Article, Briefing
from generator.siteconfig import SiteSettings, find_config, read_settings
# work items and the cache live in generator/workitems.py; these names are the build's API too
from generator.workitems import (CACHE_ENV, MODEL, PACKAGE_DIR, Entry, article_files,  # noqa: F401
                                 cache_dir, cache_key, cache_names, code_fingerprint, discover,
                                 docs_key, entry_digest, expand, file_key, item_name, item_where,
                                 remove_stale_temporaries, unique_slug, write_cache)
from generator.workitems import CachedBriefings, work_size

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = set(KINDS)  # see generator/inputs/files.py
# at most this many articles, of at most this many characters in all, go to the worker started with
# the build; more are worth a pool of --jobs workers, each starting spaCy (about a second) while the
# others extract (and a huge article's parts are read by all of them: generator/parts.py)
EARLY_ITEMS = 4
EARLY_CHARS = 100_000
WORKER_DIED = {"error": "a worker process died while extracting it (out of memory?); try again with --jobs 1"}


@dataclass
class BuildReport:
    briefings: "CachedBriefings | list[Briefing]" = field(default_factory=list)
    stamp: str = ""  # identifies every input of the site: article bytes, code, templates
    fingerprint: str = ""  # the generator's code and model (code_fingerprint)
    extracted: int = 0
    cached: int = 0
    errors: list[BriefingError] = field(default_factory=list)
    site: object | None = None  # generator.site.SiteReport


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
        run_in_workers(items, jobs, extract_one, warm_worker, done, died=WORKER_DIED)
    return results


def gather(articles_dir: Path, docs_dir: Path, jobs: int = 1,
           progress: Callable[[int], None] = lambda n: None,
           on_total: Callable[[int], None] = lambda n: None, early: EarlyWorker | None = None,
           meanwhile: Callable[[str], None] = lambda fingerprint: None) -> BuildReport:
    """Every article's briefing, from the cache when its bytes and the code are unchanged.

    A file's bytes are hashed only when its stat differs from the one recorded when it was last
    read (generator/filestate.py); `on_total` is told the number of work items once known. With an
    `early` worker (started before this), a few articles to extract go to it, and `meanwhile(the
    code's fingerprint)` runs while it extracts them; otherwise it is stopped."""
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

    use_early = early is not None and 0 < len(todo) <= EARLY_ITEMS and sum(map(work_size, todo)) <= EARLY_CHARS
    if early is not None and not use_early:
        early.stop()  # nothing to extract, or enough for a pool of `jobs` workers
    if use_early:
        early.run(todo, extract_one, lambda item, result: (keep(item, result), progress(1)), WORKER_DIED,
                  meanwhile=lambda: meanwhile(fingerprint))
        early.stop()  # done: its memory is given back before the site is written
    else:
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


def run_build(articles_dir: Path, docs_dir: Path, templates_dir: Path | None = None,
              jobs: int = 1, progress: Callable[[int], None] = lambda n: None,
              settings: SiteSettings | None = None, wait: float = 0.0,
              on_wait: Callable[[str], None] = lambda message: None,
              on_total: Callable[[int], None] = lambda n: None, early: bool = False) -> BuildReport:
    """Gather every briefing, then write the generator's part of docs/, holding the build lock
    of docs/ throughout (waiting up to `wait` seconds for another build to finish).

    `settings` (site name and URL for the feed) default to the mkdocs.yml beside `docs_dir`. With
    `early` and more than one job, an extraction worker starts spaCy as the build starts (a process
    that has no model loaded: `briefing build`, not `briefing serve`)."""
    worker = None
    if early and jobs > 1:
        try:  # first, before the lock: the worker must not inherit it
            worker = EarlyWorker(warm_worker)
        except OSError as exc:  # no process to be had (a limit on processes): the build does without
            log.debug("no early extraction worker: %s", exc)
    try:
        if settings is None:
            settings = read_settings(find_config(Path(docs_dir).resolve().parent))
        with build_lock(Path(docs_dir), wait, on_wait):
            return _run_build(articles_dir, docs_dir, templates_dir, jobs, progress, settings, on_total, worker)
    finally:
        if worker is not None:
            worker.stop()


def _run_build(articles_dir: Path, docs_dir: Path, templates_dir: Path | None, jobs: int,
               progress: Callable[[int], None], settings: SiteSettings,
               on_total: Callable[[int], None] = lambda n: None, worker: EarlyWorker | None = None) -> BuildReport:
    from generator.site import prepare_site, write_site

    started = time.perf_counter()
    templates = Path(templates_dir) if templates_dir else None
    prepared = []  # the site's preparation, done while the early worker extracts

    def meanwhile(fingerprint: str) -> None:
        prepared.append(prepare_site(Path(docs_dir), templates, fingerprint, settings, compile_templates=True))

    report = gather(Path(articles_dir), Path(docs_dir), jobs=jobs, progress=progress, on_total=on_total,
                    early=worker, meanwhile=meanwhile)
    gathered = time.perf_counter()
    # the site's state (what each page was built from) lives beside the cache, one per docs folder
    state = cache_dir(Path(docs_dir)) / f"site-{docs_key(docs_dir)}.sqlite"
    report.site = write_site(report.briefings, Path(docs_dir), templates, report.fingerprint, settings,
                             state_path=state, prepared=prepared[0] if prepared else None)
    log.info("timing: articles %.2f s (%d extracted, %d cached), site %.2f s", gathered - started,
             report.extracted, report.cached, time.perf_counter() - gathered)
    return report
