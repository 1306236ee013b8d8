"""Command line: `briefing extract`, `build`, `index` and `serve`. Thin: validate, call, report.

Heavy imports (spaCy, the gazetteer) happen inside the commands so `--help` is instant.
"""
from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import click

from generator import __version__

MAX_JOBS = 64
DEFAULT_JOBS = min(os.cpu_count() or 1, MAX_JOBS)
EXIT_ARTICLES_FAILED = 3  # some articles could not be used; the site was written without them
EXIT_NOTHING_WRITTEN = 2  # the build stopped before writing (a page a person wrote is in the way...)
EXIT_PARTLY_WRITTEN = 4  # docs/ was changed part of the way (the next build finishes the job)
DEFAULT_WAIT = 60.0  # seconds a build waits for another build of the same docs/ to finish


def progress_bar(total: int, label: str):
    """A tqdm bar on stderr for multi-article runs; silent for a single article."""
    from tqdm import tqdm

    return tqdm(total=total, desc=label, unit="article", disable=total <= 1, leave=False)


def report_errors(errors) -> None:
    for error in errors:
        click.secho(f"error: {error}", fg="red", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefing")
@click.option("-v", "--verbose", is_flag=True, help="Log what the generator does.")
def main(verbose: bool) -> None:
    """Turn news articles into structured briefings and a MkDocs Material site."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--out", type=click.Path(file_okay=False, path_type=Path),
              help="Write OUT/<file stem>.json for each file instead of printing.")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Worker processes for many files.")
def extract(files: tuple[Path, ...], out: Path | None, jobs: int) -> None:
    """Extract the briefing of each article FILE as JSON.

    FILE is a text article (.txt), a saved web page (.html, .htm, .html.gz), a feed (.xml,
    .rss, .atom: one briefing per entry) or a JSON Lines export (.jsonl: one per line). With
    one article and no --out, the JSON is printed; with --out, a file holding one article is
    written as OUT/<file stem>.json and each entry of a feed or export as OUT/<page name>.json.
    Files and entries that cannot be read are reported by name and make the exit status 3;
    the others are still written.

    \b
    Example:
        briefing extract articles/2022-04-12-putin-peace-talks-dead-end.txt
        briefing extract articles/*.txt articles/*.html --out build/json
    """
    from generator.build import Entry, expand, extract_all, item_where, unique_slug
    from generator.inputs import input_stem

    items, errors = expand(list(files))
    if out is None and len(items) > 1:
        raise click.UsageError("give --out DIR to extract more than one article "
                               f"({len(items)} in {len(files)} file{'s' * (len(files) != 1)})")
    with progress_bar(len(items), "extracting") as bar:
        results = extract_all(items, jobs, bar.update)
    failed = len(errors)
    report_errors(errors)
    names: set[str] = set()
    for item in items:
        result = results[item]
        if "error" in result:
            failed += 1
            click.secho(f"error: {item_where(item)}: {result['error']}", fg="red", err=True)
            continue
        text = json.dumps(result["briefing"], ensure_ascii=False, indent=2)
        if out is None:
            click.echo(text)
        else:
            out.mkdir(parents=True, exist_ok=True)
            if isinstance(item, Entry):
                name = unique_slug(result["briefing"]["slug"], item.identity, names)
            else:  # page.html beside page.txt: the second keeps its whole file name
                name = input_stem(item) if input_stem(item) not in names else item.name
                names.add(name)
            (out / f"{name}.json").write_text(text + "\n", encoding="utf-8")
    if failed:
        raise SystemExit(EXIT_ARTICLES_FAILED)


@main.command()
@click.option("--articles", type=click.Path(file_okay=False, path_type=Path), default=Path("articles"),
              show_default=True, help="Folder of articles: .txt, .html/.htm/.html.gz, .xml/.rss/.atom feeds, .jsonl.")
@click.option("--docs", type=click.Path(file_okay=False, path_type=Path), default=Path("docs"),
              show_default=True, help="MkDocs docs folder; the generator writes only its own pages there.")
@click.option("--templates", type=click.Path(file_okay=False, exists=True, path_type=Path), default=None,
              help="Folder of Jinja2 templates overriding the built-in ones by file name.")
@click.option("-j", "--jobs", type=click.IntRange(1, MAX_JOBS, clamp=True), default=DEFAULT_JOBS, show_default=True,
              help="Worker processes for extraction.")
@click.option("--wait", type=click.FloatRange(0), default=DEFAULT_WAIT, show_default=True, metavar="SECONDS",
              help="How long to wait for another build of the same DOCS to finish (0: stop at once).")
def build(articles: Path, docs: Path, templates: Path | None, jobs: int, wait: float) -> None:
    """Write a briefing page (+ JSON twin) per article, and the index pages, into DOCS.

    Unchanged articles come from a cache; a deleted article's pages are removed. The pages
    are written as one transaction: all of them, or (on any error) none. Articles that
    cannot be read are reported by name (exit status 3) and the rest of the site is still
    written; exit status 2 means nothing was written (the message says why), 4 that docs/
    was left part-way (the next build finishes it), 130/143 that the build was interrupted.
    Then run `mkdocs build --strict` or `mkdocs serve`.

    \b
    Example:
        briefing build --articles articles/ --docs docs/ && mkdocs serve
    """
    import jinja2

    from generator.build import run_build
    from generator.errors import BriefingError, Interrupted, PartialWriteError
    from generator.lifecycle import stop_signals_raise

    def waiting(message: str) -> None:
        click.echo(message, err=True)

    try:
        with stop_signals_raise():
            bars: list = []  # made once the build knows how many items (an entry of a feed is one)
            try:
                report = run_build(articles, docs, templates, jobs=jobs,
                                   progress=lambda n: bars and bars[0].update(n), wait=wait, on_wait=waiting,
                                   on_total=lambda count: bars.append(progress_bar(count, "building")),
                                   early=True)
            finally:
                for bar in bars:
                    bar.close()
    except Interrupted as exc:
        name = signal_name(exc.signum)
        where = ("after docs/ was updated" if exc.committed
                 else "before docs/ was changed: nothing was written")
        click.secho(f"error: interrupted by {name} {where}", fg="red", err=True)
        raise SystemExit(128 + exc.signum) from None
    except PartialWriteError as exc:
        click.secho(f"error: {exc}", fg="red", err=True)
        raise SystemExit(EXIT_PARTLY_WRITTEN) from exc
    except BriefingError as exc:
        click.secho(f"error: {exc}", fg="red", err=True)
        raise SystemExit(EXIT_NOTHING_WRITTEN) from exc
    except jinja2.TemplateError as exc:  # a user's --templates: name the template and line
        where = f"{exc.filename}:{exc.lineno}: " if isinstance(exc, jinja2.TemplateSyntaxError) else ""
        click.secho(f"error: template {where}{type(exc).__name__}: {exc}", fg="red", err=True)
        raise SystemExit(EXIT_NOTHING_WRITTEN) from exc
    report_errors(report.errors)
    site = report.site
    for warning in site.warnings:
        click.secho(f"warning: {warning}", fg="yellow", err=True)
    click.echo(f"{len(report.briefings)} briefings ({report.extracted} extracted, {report.cached} cached), "
               f"{len(report.errors)} failed; pages: {site.written} written, {site.unchanged} unchanged, "
               f"{site.removed} removed", err=True)
    if report.errors:
        raise SystemExit(EXIT_ARTICLES_FAILED)


def signal_name(signum: int) -> str:
    import signal

    try:
        return signal.Signals(signum).name
    except ValueError:
        return f"signal {signum}"


@main.command()
@click.argument("site", type=click.Path(file_okay=False, path_type=Path), default=Path("site"))
def index(site: Path) -> None:
    """Build the search index of the built SITE folder (Pagefind, into SITE/pagefind/).

    Run it after `mkdocs build` or `zensical build`; the header's search box reads it.
    Exit status 2 when SITE is not a built site or indexing failed.

    \b
    Example:
        briefing build && mkdocs build --strict && briefing index site
    """
    from generator.errors import BriefingError
    from generator.search import index_site

    try:
        report = index_site(site)
    except BriefingError as exc:
        click.secho(f"error: {exc}", fg="red", err=True)
        raise SystemExit(EXIT_NOTHING_WRITTEN) from exc
    click.echo(f"search: {report.pages} pages indexed into {site / 'pagefind'} "
               f"({report.bundle_bytes / 1e6:.1f} MB in {report.bundle_files} files)", err=True)


@main.command()
@click.option("-f", "--config-file", "config_file", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              default=None, help="The site's mkdocs.yml (default: ./mkdocs.yml).")
@click.option("--engine", type=click.Choice(["mkdocs", "zensical"]), default="mkdocs", show_default=True,
              help="What builds the pages from docs/.")
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on.")
@click.option("-j", "--jobs", type=click.IntRange(1, MAX_JOBS, clamp=True), default=DEFAULT_JOBS,
              show_default=True, help="Worker processes for extraction.")
def serve(config_file: Path | None, engine: str, dev_addr: str, jobs: int) -> None:
    """Build the site (briefings, pages, search) and serve it; rebuild on every change.

    Watches the articles folder, docs/ (the pages people wrote) and mkdocs.yml. Works with
    MkDocs or Zensical; reload the browser page to see a rebuild. Ctrl-C stops.

    \b
    Example:
        briefing serve --engine zensical -a 127.0.0.1:8001
    """
    from generator.errors import BriefingError
    from generator.serve import serve as serve_site
    from generator.siteconfig import find_config, read_settings

    config_file = config_file or find_config()
    if config_file is None:
        raise click.UsageError("no mkdocs.yml here; give --config-file")
    host, _, port = dev_addr.rpartition(":")
    if not host or not port.isdigit():
        raise click.UsageError(f"--dev-addr must be HOST:PORT, not {dev_addr!r}")
    try:
        serve_site(read_settings(config_file), engine, host, int(port), jobs=jobs,
                   report=lambda line: click.echo(line, err=True))
    except BriefingError as exc:
        click.secho(f"error: {exc}", fg="red", err=True)
        raise SystemExit(EXIT_NOTHING_WRITTEN) from exc
    except KeyboardInterrupt:
        pass
