"""generator/siteconfig.py: the settings the generator reads from mkdocs.yml."""
from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import BriefingError
from generator.siteconfig import DEFAULT_SITE_URL, read_settings

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("env, expected", [
    ({}, "https://example.github.io/briefings/"),
    ({"SITE_URL": "https://desk.example.org/news/"}, "https://desk.example.org/news/"),
])
def test_the_projects_mkdocs_yml_reads_site_url_from_the_environment(monkeypatch, env, expected):
    monkeypatch.delenv("SITE_URL", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    settings = read_settings(ROOT / "mkdocs.yml")
    assert settings.site_url == expected
    assert settings.site_name == "Briefings" and settings.feed_items == 30
    assert settings.docs_dir == ROOT / "docs" and settings.site_dir == ROOT / "site"
    assert settings.articles_dir == ROOT / "articles"


@pytest.mark.parametrize("text, field, expected", [
    ("site_url: https://a.example/b\n", "base_url", "https://a.example/b/"),
    ("site_name: Desk\nextra: {briefing_feed_items: 5}\n", "feed_items", 5),
    ("docs_dir: pages\n", "docs_dir", "pages"),
    ("extra: {briefing_templates: mine}\n", "templates_dir", "mine"),
    # tags from Markdown extension options are not the generator's business: read as nothing
    ("markdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
     "site_name: Desk\n", "site_name", "Desk"),
    ("site_url: !ENV [BRIEFING_TEST_UNSET_VAR, 'https://fallback.example/']\n", "site_url", "https://fallback.example/"),
    ("", "site_url", DEFAULT_SITE_URL),
])
def test_settings_from_a_config(tmp_path, text, field, expected):
    config = tmp_path / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    value = getattr(read_settings(config), field)
    assert (value.relative_to(tmp_path).as_posix() if isinstance(value, Path) else value) == expected


@pytest.mark.parametrize("text", ["site_name: [unclosed\n", "- a list\n", "extra: {briefing_feed_items: many}\n"])
def test_a_broken_config_is_reported_by_name(tmp_path, text):
    config = tmp_path / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(BriefingError) as err:
        read_settings(config)
    assert str(config) in str(err.value)


def test_no_config_gives_the_defaults():
    settings = read_settings(None)
    assert settings.base_url == DEFAULT_SITE_URL and settings.config_file is None
