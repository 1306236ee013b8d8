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
    from generator.siteconfig import read_settings

    docs = project / "docs"
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns(
        "briefings", "places", "people", "organisations", "archive", "map", "index.md", "feed.xml"))
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("- generator/mkdocs_hooks.py", f"- {ROOT / 'generator' / 'mkdocs_hooks.py'}")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return write_site(briefings, docs, templates_dir, settings=read_settings(project / "mkdocs.yml"))


def site_env():
    """The environment of a site build in the tests: the default site_url of mkdocs.yml."""
    import os

    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT))
    env.pop("SITE_URL", None)
    return env


def mkdocs_build(project):
    """`mkdocs build --strict` in `project`; returns the CompletedProcess (output in .stdout).

    Not --quiet: quiet mode drops warnings before strict mode counts them."""
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"],
                          cwd=project, env=site_env(), capture_output=True, text=True, timeout=300)


def extract_example(out_dir, timeout=120):
    """The example article through the real pipeline (`python -m generator extract`).

    Returns (briefings, None) or ([], reason) when extraction fails or is too slow here, so the
    site tests still run on the fixtures; test_site.py reports the reason as a skip.
    """
    import json
    import subprocess
    import sys

    from generator.models import Briefing

    try:
        subprocess.run([sys.executable, "-m", "generator", "extract", str(EXAMPLE), "--out", str(out_dir)],
                       check=True, cwd=ROOT, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return [], f"extracting {EXAMPLE.name} took over {timeout} s"
    except subprocess.CalledProcessError as exc:
        return [], f"extracting {EXAMPLE.name} failed: {exc.stderr.decode(errors='replace')[-500:]}"
    return [Briefing.from_dict(json.loads(f.read_text(encoding="utf-8")))
            for f in sorted(out_dir.glob("*.json"))], None


@pytest.fixture(scope="session")
def example_site(tmp_path_factory):
    """The example article (when it extracts) + 22 fixtures + the hostile one, built strictly.

    Returns (project_dir, briefings, build_result, example_problem); the site is in project_dir / "site".
    """
    from generator.search import index_site

    project = tmp_path_factory.mktemp("example_site")
    example, problem = extract_example(tmp_path_factory.mktemp("extracted"))
    briefings = load_fixture_briefings() + example
    make_site_project(project, briefings)
    result = mkdocs_build(project)
    if result.returncode == 0:
        index_site(project / "site")  # the post-build step, as `make site` runs it
    return project, briefings, result, problem


def zensical_build(project):
    """`zensical build --clean --strict` in `project` (skipped when Zensical is not installed,
    except in CI, which sets BRIEFING_REQUIRE_ENGINES)."""
    import importlib.util
    import os
    import subprocess
    import sys

    if importlib.util.find_spec("zensical") is None:
        if os.environ.get("BRIEFING_REQUIRE_ENGINES"):
            raise AssertionError("zensical is not installed (pip install -e '.[test]')")
        pytest.skip("zensical is not installed (it needs Python 3.11+)")
    return subprocess.run([sys.executable, "-m", "zensical", "build", "--clean", "--strict"],
                          cwd=project, env=site_env(), capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="session")
def zensical_site(example_site, tmp_path_factory):
    """The example site's mkdocs.yml and docs/, built by Zensical and indexed like `make site`.

    Returns (project_dir, briefings, build_result); the site is in project_dir / "site"."""
    import shutil

    from generator.search import index_site

    source, briefings, _, _ = example_site
    project = tmp_path_factory.mktemp("zensical_site")
    shutil.copy(source / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(source / "docs", project / "docs")
    result = zensical_build(project)
    if result.returncode == 0:
        index_site(project / "site")
    return project, briefings, result
