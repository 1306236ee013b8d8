"""The few site settings the generator needs (name, URL, folders, feed size), read from mkdocs.yml.

MkDocs and Zensical both read the same mkdocs.yml; the generator reads it too, so feed.xml and the
search index come out the same whatever engine builds the pages. `!ENV` tags are resolved the way
MkDocs resolves them; other tags (`!!python/name:` in Markdown extension options) are ignored.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.errors import BriefingError

DEFAULT_SITE_URL = "https://example.github.io/briefings/"
DEFAULT_FEED_ITEMS = 30
CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")


@dataclass(frozen=True)
class SiteSettings:
    """What the generator and the post-build step read from mkdocs.yml."""

    site_name: str = "Briefings"
    site_description: str = ""
    site_url: str = DEFAULT_SITE_URL
    docs_dir: Path = Path("docs")
    site_dir: Path = Path("site")
    articles_dir: Path = Path("articles")
    templates_dir: Path | None = None
    feed_items: int = DEFAULT_FEED_ITEMS
    config_file: Path | None = None

    @property
    def base_url(self) -> str:
        """site_url with exactly one trailing slash."""
        return (self.site_url or DEFAULT_SITE_URL).rstrip("/") + "/"


class _Loader(yaml.SafeLoader):
    """SafeLoader that resolves `!ENV` and reads any other tag as null instead of failing."""


def _env(loader: _Loader, node: yaml.Node) -> Any:
    # MkDocs' (pyyaml_env_tag) rule: the first variable that is set wins, the last item is the default
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(loader.construct_scalar(node))
    items = loader.construct_sequence(node)
    for name in items[:-1]:
        if name in os.environ:
            return yaml.safe_load(os.environ[name]) if os.environ[name] else os.environ[name]
    return items[-1] if len(items) > 1 else os.environ.get(items[0]) if items else None


def _ignore(loader: _Loader, suffix: str, node: yaml.Node) -> None:
    return None


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("!", _ignore)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore)


def find_config(start: Path | None = None) -> Path | None:
    """mkdocs.yml in `start` (default: the working folder), or None."""
    folder = Path(start or ".")
    for name in CONFIG_NAMES:
        if (folder / name).is_file():
            return folder / name
    return None


def read_settings(config_file: Path | None) -> SiteSettings:
    """Settings from a mkdocs.yml (folders resolved against its folder); defaults without one."""
    if config_file is None:
        return SiteSettings()
    try:
        data = yaml.load(Path(config_file).read_text(encoding="utf-8"), Loader=_Loader) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise BriefingError(config_file, f"cannot read the site configuration ({exc})") from exc
    if not isinstance(data, dict):
        raise BriefingError(config_file, "is not a mapping of settings")
    base = Path(config_file).resolve().parent
    extra = data.get("extra") if isinstance(data.get("extra"), dict) else {}
    templates = extra.get("briefing_templates")
    try:
        feed_items = int(extra.get("briefing_feed_items", DEFAULT_FEED_ITEMS))
    except (TypeError, ValueError):
        raise BriefingError(config_file, "extra.briefing_feed_items must be a number") from None
    return SiteSettings(
        site_name=str(data.get("site_name") or "Briefings"),
        site_description=str(data.get("site_description") or ""),
        site_url=str(data.get("site_url") or DEFAULT_SITE_URL),
        docs_dir=base / str(data.get("docs_dir") or "docs"),
        site_dir=base / str(data.get("site_dir") or "site"),
        articles_dir=base / str(extra.get("briefing_articles") or "articles"),
        templates_dir=base / str(templates) if templates else None,
        feed_items=max(0, feed_items),
        config_file=Path(config_file),
    )
