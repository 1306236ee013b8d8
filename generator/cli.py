"""Command line: `briefing extract` and `briefing build`. Thin: validate, call, report."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Turn news articles into structured briefings and a MkDocs site."""


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), help="Write DIR/<stem>.json per file.")
def extract(files: tuple[Path, ...], out: Path | None) -> None:
    """Extract briefings from article FILES as JSON."""
    from generator import gazetteer, nlp
    from generator.articles import read_article
    from generator.briefing import make_briefing

    gaz = gazetteer.load()
    for path in files:
        article = read_article(path)
        data = make_briefing(article, nlp.parse(article), gaz).to_dict()
        if out:
            out.mkdir(parents=True, exist_ok=True)
            (out / f"{path.stem}.json").write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        else:
            click.echo(json.dumps(data, ensure_ascii=False, indent=2))
