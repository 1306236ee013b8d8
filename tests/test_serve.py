"""generator/serve.py: `briefing serve` builds briefings, pages and search, and rebuilds on change."""
from __future__ import annotations

import shutil
import socket
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from generator import serve as serve_module
from generator.siteconfig import read_settings

ROOT = Path(__file__).resolve().parent.parent

FIRST = (" date 2024-03-01 Ferry service resumes after storm\n\n"
         "The ferry between Portmere and Skellig Bay sailed again on Friday, the harbour office said.\n\n"
         "\"We expect a full timetable by Monday,\" said Nadia Brennan, the harbour master.\n")
SECOND = (" date 2024-03-04 Bridge repairs close the coast road\n\n"
          "Crews began repairs on the Kilnaver bridge on Monday, closing the coast road for a week.\n")


def make_project(root: Path) -> Path:
    shutil.copytree(ROOT / "docs", root / "docs", ignore=shutil.ignore_patterns(
        "briefings", "places", "people", "organisations", "archive", "map", "index.md", "feed.xml"))
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("- generator/mkdocs_hooks.py", f"- {ROOT / 'generator' / 'mkdocs_hooks.py'}")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    (root / "articles").mkdir()
    (root / "articles" / "2024-03-01-ferry.txt").write_text(FIRST, encoding="utf-8")
    return root / "mkdocs.yml"


def test_snapshot_sees_inputs_not_the_generators_own_output(tmp_path):
    settings = read_settings(make_project(tmp_path))
    before = serve_module.snapshot(settings)
    assert str((tmp_path / "articles" / "2024-03-01-ferry.txt").resolve()) in before
    assert str((tmp_path / "docs" / "about.md").resolve()) in before
    (tmp_path / "docs" / "briefings").mkdir()
    (tmp_path / "docs" / "briefings" / "x.md").write_text("generated\n", encoding="utf-8")
    (tmp_path / "docs" / "feed.xml").write_text("<rss/>\n", encoding="utf-8")
    assert serve_module.snapshot(settings) == before  # its own writes never trigger a rebuild
    (tmp_path / "articles" / "2024-03-04-bridge.txt").write_text(SECOND, encoding="utf-8")
    assert set(serve_module.snapshot(settings)) - set(before) == {
        str((tmp_path / "articles" / "2024-03-04-bridge.txt").resolve())}


@pytest.mark.parametrize("engine, module", [("mkdocs", "mkdocs"), ("zensical", "zensical")])
def test_engine_commands(tmp_path, engine, module):
    command = serve_module.engine_command(engine, tmp_path / "mkdocs.yml", strict=True)
    assert command[1:3] == ["-m", module] and command[-1] == "--strict"


def get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except OSError:
        return 0


def test_serve_builds_serves_and_rebuilds_when_an_article_arrives(tmp_path, monkeypatch, nlp):
    monkeypatch.setattr(serve_module, "POLL_SECONDS", 0.2)
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    settings = read_settings(make_project(tmp_path))
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    lines: list[str] = []
    stop = threading.Event()
    thread = threading.Thread(target=serve_module.serve, args=(settings, "mkdocs", "127.0.0.1", port),
                              kwargs={"report": lines.append, "stop": stop}, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.time() + 240
        while time.time() < deadline and not any("serving" in line for line in lines):
            time.sleep(0.2)
        assert get(base) == 200, lines
        assert get(base + "briefings/2024-03-01-ferry/") == 200, lines
        assert get(base + "pagefind/pagefind.js") == 200 and get(base + "feed.xml") == 200
        assert not any(line.startswith("error") for line in lines), lines
        (tmp_path / "articles" / "2024-03-04-bridge.txt").write_text(SECOND, encoding="utf-8")
        while time.time() < deadline and sum("serving" in line for line in lines) < 2:
            time.sleep(0.2)
        assert any("changed: 2024-03-04-bridge.txt" in line for line in lines), lines
        assert get(base + "briefings/2024-03-04-bridge/") == 200, lines
    finally:
        stop.set()
        thread.join(timeout=60)
    assert not thread.is_alive()
