"""Live authoring with any engine: `briefing serve` builds briefings, the site and its search index,
serves the site folder on localhost and rebuilds when articles/, docs/ or mkdocs.yml change.

The same three steps as `make site` (briefing build, engine build, briefing index), so what the
preview shows is what gets published; MkDocs' hooks are not needed (Zensical has none).
"""
from __future__ import annotations

import functools
import http.server
import logging
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from generator.errors import BriefingError
from generator.output import OWNED_DIRS, ROOT_FILES
from generator.siteconfig import SiteSettings

log = logging.getLogger(__name__)

ENGINES = ("mkdocs", "zensical")
POLL_SECONDS = 1.0


def engine_command(engine: str, config_file: Path, strict: bool = False) -> list[str]:
    """The command line that builds the site with `engine` from `config_file`."""
    if engine == "mkdocs":
        return [sys.executable, "-m", "mkdocs", "build", "-f", str(config_file), *(["--strict"] if strict else [])]
    if engine == "zensical":
        return [sys.executable, "-m", "zensical", "build", "-f", str(config_file), *(["--strict"] if strict else [])]
    raise BriefingError(config_file, f"unknown site engine {engine!r} (choose from {', '.join(ENGINES)})")


def build_everything(settings: SiteSettings, engine: str, site_url: str | None = None,
                     jobs: int = 1) -> list[str]:
    """briefing build, the engine's build, briefing index; the problems found, as messages."""
    from generator.build import run_build
    from generator.search import index_site

    problems = []
    report = run_build(settings.articles_dir, settings.docs_dir, settings.templates_dir, jobs=jobs,
                       settings=settings)
    problems += [str(error) for error in report.errors]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if site_url:  # the preview's own address: the sitemap and the feed's links point at it
        env["SITE_URL"] = site_url
    assert settings.config_file is not None
    result = subprocess.run(engine_command(engine, settings.config_file),
                            cwd=settings.config_file.resolve().parent, env=env, capture_output=True, text=True)
    if result.returncode:
        problems.append(f"{engine} build failed:\n{(result.stdout + result.stderr)[-2000:]}")
        return problems
    index_site(settings.site_dir)
    return problems


def snapshot(settings: SiteSettings) -> dict[str, tuple[int, int]]:
    """(mtime, size) of every input: articles, templates, mkdocs.yml and the pages people wrote."""
    docs = settings.docs_dir.resolve()
    generated = {docs / name for name in (*OWNED_DIRS, *ROOT_FILES)}
    roots = [settings.articles_dir, docs, *([settings.templates_dir] if settings.templates_dir else [])]
    state: dict[str, tuple[int, int]] = {}
    if settings.config_file:
        roots.append(settings.config_file)
    for root in roots:
        root = Path(root).resolve()
        if root.is_file():
            stat = root.stat()
            state[str(root)] = (stat.st_mtime_ns, stat.st_size)
            continue
        for folder, dirs, files in os.walk(root):
            here = Path(folder)
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and here / d not in generated)
            for name in files:
                path = here / name
                if name.startswith(".") or path in generated:
                    continue
                try:
                    stat = path.stat()
                except OSError:
                    continue
                state[str(path)] = (stat.st_mtime_ns, stat.st_size)
    return state


def serve(settings: SiteSettings, engine: str = "mkdocs", host: str = "127.0.0.1", port: int = 8000,
          jobs: int = 1, report: Callable[[str], None] = print,
          stop: threading.Event | None = None) -> None:
    """Build, serve settings.site_dir at http://host:port/ and rebuild on every change until `stop`."""
    stop = stop or threading.Event()
    url = f"http://{host}:{port}/"
    settings = replace(settings, site_dir=settings.site_dir.resolve())

    # Between rebuilds the process waits for changes: load the model and warm the extractors
    # meanwhile (a thread; a rebuild waits for it), so the first article edited is extracted at
    # full speed instead of after spaCy's start-up (about 3 s here).
    warming = threading.Thread(target=_warm_up, daemon=True)

    def rebuild() -> None:
        if warming.is_alive():
            warming.join()
        started = time.perf_counter()
        try:
            problems = build_everything(settings, engine, site_url=url, jobs=jobs)
        except BriefingError as exc:  # keep serving the last good site; the message names the file
            problems = [str(exc)]
        for problem in problems:
            report(f"error: {problem}")
        report(f"built in {time.perf_counter() - started:.1f} s; serving {url}")

    seen = snapshot(settings)
    rebuild()
    handler = functools.partial(_QuietHandler, directory=str(settings.site_dir))
    server = http.server.ThreadingHTTPServer((host, port), handler)  # a port in use fails here, before warming
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    warming.start()
    try:
        while not stop.wait(POLL_SECONDS):
            now = snapshot(settings)
            if now != seen:
                changed = sorted(set(now) ^ set(seen) | {k for k in now if k in seen and now[k] != seen[k]})
                report(f"changed: {', '.join(Path(c).name for c in changed[:5])}"
                       f"{' …' if len(changed) > 5 else ''}; rebuilding")
                seen = now  # taken before the build: a file saved while it runs is built next round
                rebuild()
    finally:
        server.shutdown()
        server.server_close()
        warming.join(timeout=1)  # a daemon thread: Ctrl-C need not wait for the model to load


def _warm_up() -> None:
    from generator.build import warm_extraction

    try:
        warm_extraction()
    except Exception as exc:  # noqa: BLE001 - the rebuild that needs the model reports the problem
        log.debug("warming up extraction failed: %s", exc)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site folder; no log line per request."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
        log.debug(format, *args)
