"""The `briefing` command: extract and build, their help, and clean errors for bad input."""
from __future__ import annotations

import json
import re
import shutil

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import EXAMPLE, ROOT

CONTRACT = {"summary": list, "quotes": list, "locations": list, "figures": list,
            "open_questions": list, "people": list}


@pytest.fixture()
def runner():
    return CliRunner()


def test_help_lists_commands_with_examples(runner):
    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0
    for command in ("extract", "build", "index", "serve"):
        assert command in result.output
        sub = runner.invoke(main, [command, "--help"])
        assert sub.exit_code == 0
        assert "Example:" in sub.output and f"briefing {command}" in sub.output


def test_readme_documents_every_command(runner):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in main.commands:
        assert f"briefing {command}" in readme


def test_readme_starts_with_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^    (\S.*)$", readme, flags=re.MULTILINE)[:2]
    assert commands == ["make serve", "make test"]
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_extract_one_file_prints_the_json_contract(runner):
    result = runner.invoke(main, ["extract", str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    for field, kind in CONTRACT.items():
        assert isinstance(data[field], kind), field
    assert data["date"] == "2022-04-12"
    assert 1 <= len(data["summary"]) <= 5
    for quote in data["quotes"]:
        assert isinstance(quote["text"], str) and (quote["speaker"] is None or isinstance(quote["speaker"], str))
    for loc in data["locations"]:
        assert isinstance(loc["name"], str) and isinstance(loc["kind"], str)
        assert loc["lat"] is None or isinstance(loc["lat"], float)
    for figure in data["figures"]:
        assert isinstance(figure["value"], (int, float)) and isinstance(figure["counts"], str)
    for question in data["open_questions"]:
        assert question["question"].endswith("?") and question["evidence"]


def test_extract_many_needs_out(runner, tmp_path):
    result = runner.invoke(main, ["extract", str(EXAMPLE), str(EXAMPLE)])
    assert result.exit_code == 2
    assert "--out" in result.output


def test_extract_bad_files_named_others_still_written(runner, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    good = tmp_path / "good.txt"
    shutil.copy(EXAMPLE, good)
    out = tmp_path / "out"
    result = runner.invoke(main, ["extract", str(empty), str(good), str(binary), "--out", str(out)])
    assert result.exit_code == 3  # some files refused, the others written
    assert "empty.txt: is empty" in result.output
    assert "photo.txt: looks like a binary file" in result.output
    assert "Traceback" not in result.output
    assert sorted(p.name for p in out.iterdir()) == ["good.json"]


def test_extract_missing_date_still_works(runner, tmp_path):
    article = tmp_path / "undated.txt"
    article.write_text("Storm hits coast\n\nA storm hit the coast of Maine on Tuesday, officials said.\n")
    result = runner.invoke(main, ["extract", str(article)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["date"] is None
    assert data["headline"] == "Storm hits coast"


def test_build_reports_bad_articles_and_builds_the_rest(runner, tmp_path, monkeypatch):
    articles, docs = tmp_path / "articles", tmp_path / "docs"
    articles.mkdir()
    shutil.copy(EXAMPLE, articles / EXAMPLE.name)
    (articles / "empty.txt").write_text("")
    (articles / "nodate.txt").write_text("Storm hits coast\n\nA storm hit the coast of Maine, officials said.\n")
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    result = runner.invoke(main, ["build", "--articles", str(articles), "--docs", str(docs), "--jobs", "1"])
    assert result.exit_code == 3  # some articles refused, the others built
    assert "empty.txt: is empty" in result.output
    assert "Traceback" not in result.output
    pages = {p.name for p in docs.rglob("*.md")}
    assert f"{EXAMPLE.stem}.md" in pages and "nodate.md" in pages
    assert not any(name.startswith("empty") for name in pages)

    again = runner.invoke(main, ["build", "--articles", str(articles), "--docs", str(docs), "--jobs", "1"])
    assert "0 extracted, 2 cached" in again.output


def test_build_missing_articles_folder_is_a_clean_error(runner, tmp_path):
    result = runner.invoke(main, ["build", "--articles", str(tmp_path / "nope"), "--docs", str(tmp_path / "docs")])
    assert result.exit_code == 2  # nothing written
    assert "nope" in result.output and "Traceback" not in result.output


def test_python_dash_m_generator_runs(tmp_path):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "generator", "--version"], capture_output=True, text=True,
                          cwd=ROOT, check=False)
    assert done.returncode == 0
    assert "briefing" in done.stdout


def test_index_refuses_a_folder_that_is_not_a_built_site(runner, tmp_path):
    result = runner.invoke(main, ["index", str(tmp_path)])
    assert result.exit_code == 2
    assert str(tmp_path) in result.output and "not a built site" in result.output
    assert not (tmp_path / "pagefind").exists()


def test_index_writes_the_search_bundle(runner, tmp_path):
    site = tmp_path / "site"
    (site / "notes").mkdir(parents=True)
    (site / "index.html").write_text("<html lang='en'><body><article><h1>Home</h1><p>Harbour news.</p>"
                                     "</article></body></html>", encoding="utf-8")
    (site / "notes" / "index.html").write_text("<html lang='en'><body><article><h1>Notes</h1>"
                                               "<p>Ferry timetable.</p></article></body></html>", encoding="utf-8")
    (site / "404.html").write_text("<html><body><article><h1>Not found</h1></article></body></html>",
                                   encoding="utf-8")
    result = runner.invoke(main, ["index", str(site)])
    assert result.exit_code == 0, result.output
    assert "2 pages indexed" in result.output  # 404.html is not a page to find
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert not [p for p in site.iterdir() if p.name.startswith(".pagefind-")]  # staging swapped in
