"""Builds that are killed, interrupted or run twice at once (real processes, real signals).

tests/killpoint.py stops a build dead (SIGKILL) at a chosen file operation or article; the next
build must leave docs/ byte-identical to a clean build of the same articles.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, ROOT

HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
ARTICLES = ("same-title-a.txt", "same-title-b.txt", "invalid-date.txt", "quotes-unbalanced.txt",
            "html-script.txt")


def briefing(*args: str, cache: Path, helper: tuple[str, ...] = (), wait: bool = True, **popen):
    """`briefing ARGS` in its own process (through tests/killpoint.py when `helper` is given)."""
    env = dict(os.environ, BRIEFING_CACHE_DIR=str(cache), PYTHONPATH=str(ROOT))
    command = [sys.executable, "-m", "tests.killpoint", *helper, "--", *args] if helper else \
        [sys.executable, "-m", "generator", *args]
    if not wait:
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, **popen)
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


def build_args(articles: Path, docs: Path, *extra: str) -> tuple[str, ...]:
    return ("build", "--articles", str(articles), "--docs", str(docs), "--jobs", "1", *extra)


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def articles_folder(folder: Path, names=ARTICLES[:4]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(HOSTILE / name, folder / name)
    return folder


@pytest.fixture(scope="module")
def warm_cache(tmp_path_factory) -> Path:
    """A cache holding every article these tests use, so most builds parse nothing."""
    base = tmp_path_factory.mktemp("warm")
    articles = articles_folder(base / "articles", ARTICLES)
    shutil.copy(HOSTILE / ARTICLES[1], articles / "renamed.txt")
    done = briefing(*build_args(articles, base / "docs"), cache=base / "cache")
    assert done.returncode == 0, done.stderr
    return base / "cache"


def clean_build(articles: Path, folder: Path, cache: Path) -> dict[str, str]:
    done = briefing(*build_args(articles, folder), cache=cache)
    assert done.returncode == 0, done.stderr
    return tree(folder)


# --- SIGKILL at a chosen point, then the next build ------------------------------------------

# a rebuild after a deletion, a rename and an addition stages about a dozen pages: kill it while
# staging them, at its first and a middle rename into place, and at its first and a middle removal
POINTS = [("mkstemp", 8), ("replace", 3), ("replace", 12), ("unlink", 1), ("unlink", 4)]


@pytest.mark.parametrize("call, n", POINTS)
def test_a_build_killed_at_any_point_is_finished_by_the_next(tmp_path, warm_cache, call, n):
    articles = articles_folder(tmp_path / "articles")
    docs = tmp_path / "docs"
    assert briefing(*build_args(articles, docs), cache=warm_cache).returncode == 0
    (articles / ARTICLES[0]).unlink()  # deleted, renamed, added: pages go, move and come
    (articles / ARTICLES[1]).rename(articles / "renamed.txt")
    shutil.copy(HOSTILE / ARTICLES[4], articles / ARTICLES[4])
    killed = briefing(*build_args(articles, docs), cache=warm_cache, helper=("--at", f"{call}:{docs}:{n}"))
    assert killed.returncode == -signal.SIGKILL, (killed.returncode, killed.stderr)
    (articles / ARTICLES[4]).unlink()  # then an article is deleted: its new pages must go too
    again = briefing(*build_args(articles, docs), cache=warm_cache)
    assert again.returncode == 0, again.stderr
    assert "Traceback" not in again.stderr
    assert tree(docs) == clean_build(articles, tmp_path / "clean", warm_cache)
    assert not list(docs.rglob("*.tmp"))


def test_a_killed_build_keeps_the_articles_it_finished(tmp_path):
    articles = articles_folder(tmp_path / "articles")
    cache = tmp_path / "cache"
    killed = briefing(*build_args(articles, tmp_path / "docs"), cache=cache, helper=("--kill-at-extract", "3"))
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    again = briefing(*build_args(articles, tmp_path / "docs"), cache=cache)
    assert again.returncode == 0, again.stderr
    assert "(2 extracted, 2 cached)" in again.stderr
    assert not list(cache.glob("*.tmp"))


# --- workers never outlive the build ----------------------------------------------------------

def descendants(pid: int) -> set[int]:
    """Every living process below `pid` (from /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if fields[0] != "Z":
                parents[int(entry.name)] = int(fields[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def alive(pids: set[int]) -> set[int]:
    living = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            living.add(pid)
    return living


def wait_for(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
@pytest.mark.parametrize("how", ["SIGKILL", "SIGTERM", "Ctrl-C"])
@pytest.mark.parametrize("count, busy", [(4, 1), (5, 2)], ids=["the-early-worker", "a-pool"])
def test_workers_die_with_the_build(tmp_path, how, count, busy):
    # four articles go to the one worker started with the build, five to a pool of --jobs workers
    articles = articles_folder(tmp_path / "articles", ARTICLES[:count])
    slow = tmp_path / "slow"
    slow.mkdir()
    docs = tmp_path / "docs"
    args = build_args(articles, docs)[:-1] + ("2",)  # --jobs 2
    proc = briefing(*args, cache=tmp_path / "cache", helper=("--slow", str(slow)), wait=False,
                    start_new_session=True)
    try:
        wait_for(lambda: len(list(slow.glob("*.busy"))) >= busy or proc.poll() is not None, 180,
                 f"{busy} busy worker(s)")
        assert proc.poll() is None, proc.communicate()
        family = descendants(proc.pid)
        assert len(family) >= busy, family  # the workers (and the fork server of a pool's)
        servers = [pid for pid in family if b"forkserver" in Path(f"/proc/{pid}/cmdline").read_bytes()]
        assert bool(servers) == (busy > 1), family  # the early worker is forked from the build itself
        if how == "Ctrl-C":  # the terminal signals the whole foreground group
            os.killpg(proc.pid, signal.SIGINT)
        else:
            proc.send_signal(getattr(signal, how))
        _, stderr = proc.communicate(timeout=60)
        wait_for(lambda: not alive(family), 30, f"the workers {sorted(alive(family))} to go")
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        for pid in alive(descendants(proc.pid)):
            os.kill(pid, signal.SIGKILL)
    if how != "SIGKILL":
        assert proc.returncode == 128 + getattr(signal, "SIGINT" if how == "Ctrl-C" else how), stderr
        assert "interrupted" in stderr and "nothing was written" in stderr, stderr
        assert "Traceback" not in stderr, stderr
        assert not docs.exists()


# --- two builds at once ----------------------------------------------------------------------

def test_a_second_build_stops_or_waits_with_a_clear_message(tmp_path, warm_cache):
    articles = articles_folder(tmp_path / "articles")
    docs = tmp_path / "docs"
    slow = tmp_path / "slow"
    slow.mkdir()
    cold = tmp_path / "cold-cache"  # so that the first build has articles to extract (slowly)
    first = briefing(*build_args(articles, docs), cache=cold, helper=("--slow", str(slow)), wait=False)
    try:
        wait_for(lambda: any(slow.glob("*.busy")) or first.poll() is not None, 120, "the first build")
        assert first.poll() is None, first.communicate()
        second = briefing(*build_args(articles, docs, "--wait", "0"), cache=warm_cache)
        assert second.returncode == 2, second.stderr
        assert f"another build (process {first.pid}) is writing this folder" in second.stderr
        assert "nothing was written" in second.stderr and "Traceback" not in second.stderr
        third = briefing(*build_args(articles, docs, "--wait", "300"), cache=warm_cache, wait=False)
        time.sleep(3)
        assert third.poll() is None  # waiting
        (slow / "release").touch()
        out_first = first.communicate(timeout=300)
        out_third = third.communicate(timeout=300)
    finally:
        (slow / "release").touch()
        for proc in (first, *(p for p in [locals().get("third")] if p)):
            if proc.poll() is None:
                proc.kill()
    assert first.returncode == 0, out_first[1]
    assert third.returncode == 0, out_third[1]
    assert "waiting for another build" in out_third[1]
    assert tree(docs) == clean_build(articles, tmp_path / "clean", warm_cache)
