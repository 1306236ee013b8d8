"""Shared fixtures: the spaCy pipeline loaded once per test session, and Doc helpers."""
from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Doc

from generator import nlp as nlp_module
from generator.models import Article

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLE = ROOT / "articles" / "2022-04-12-putin-peace-talks-dead-end.txt"


@pytest.fixture(scope="session")
def nlp():
    return nlp_module.load()


def make_doc(paragraphs: list[str], date: str | None = "2022-04-12") -> Doc:
    """Parse a list of paragraph strings as one article."""
    article = Article(source="t.txt", slug="t", date=date, headline="t", paragraphs=list(paragraphs))
    return nlp_module.parse(article)


@pytest.fixture(scope="session")
def doc_of(nlp):
    """make_doc, with the model already loaded."""
    return make_doc


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test when it is not there (a fresh clone)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not available (../shared is only beside a development checkout)")
    return path


# --- Site fixtures (tests/test_site.py, tests/test_browser.py) ---------------------------------

BRIEFING_FIXTURES = ROOT / "tests" / "fixtures" / "briefings"
HOSTILE_SLUG = "2024-07-01-hostile-article"


def load_fixture_briefings(hostile: bool = True) -> list:
    """The 22 fixture briefings (and the hostile one) as Briefing objects."""
    import json

    from generator.models import Briefing

    files = sorted(BRIEFING_FIXTURES.glob("*.json"))
    if hostile:
        files += sorted((BRIEFING_FIXTURES / "hostile").glob("*.json"))
    return [Briefing.from_dict(json.loads(f.read_text(encoding="utf-8"))) for f in files]


def make_site_project(project, briefings, templates_dir=None):
    """A throwaway MkDocs project: the repo's mkdocs.yml and static docs/ + generated pages."""
    import shutil

    from generator.site import write_site

    docs = project / "docs"
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns(
        "briefings", "places", "people", "organisations", "archive", "map", "index.md"))
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("- generator/mkdocs_hooks.py", f"- {ROOT / 'generator' / 'mkdocs_hooks.py'}")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return write_site(briefings, docs, templates_dir)


def mkdocs_build(project):
    """`mkdocs build --strict` in `project`; returns the CompletedProcess (output in .stdout)."""
    import os
    import subprocess
    import sys

    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"],
                          cwd=project, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="session")
def example_site(tmp_path_factory):
    """The example article (extracted with the CLI) + 22 fixtures + the hostile one, built strictly.

    Returns (project_dir, briefings, build_result); the site is in project_dir / "site".
    """
    import json
    import subprocess
    import sys

    from generator.models import Briefing

    project = tmp_path_factory.mktemp("example_site")
    extracted = tmp_path_factory.mktemp("extracted")
    subprocess.run([sys.executable, "-m", "generator", "extract", str(EXAMPLE), "--out", str(extracted)],
                   check=True, cwd=ROOT, capture_output=True, timeout=300)
    briefings = load_fixture_briefings() + [
        Briefing.from_dict(json.loads(f.read_text(encoding="utf-8"))) for f in sorted(extracted.glob("*.json"))]
    make_site_project(project, briefings)
    return project, briefings, mkdocs_build(project)
