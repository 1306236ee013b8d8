"""Benchmark rows for one article just under the 2 MB limit: time and peak memory of extracting it.

Run by `python -m generator.bench`. The article is the source articles' paragraphs one after
another; `briefing extract --jobs N` reads it in a fresh process (model loads included), its parts
in N worker processes (generator/parts.py). GNU time (`/usr/bin/time -v`) gives the wall clock,
the CPU time of all the processes and the largest one's peak memory; /proc, sampled, the peak of
all of them together.
"""
from __future__ import annotations

import itertools
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HUGE_ARTICLE = 1_950_000  # bytes: just under articles.MAX_BYTES
TIME = "/usr/bin/time"


def huge_article(texts: list[str], path: Path, size: int = HUGE_ARTICLE) -> int:
    """Write an article of about `size` bytes made of the texts' paragraphs; its paragraph count."""
    paragraphs, total = [], 0
    for paragraph in itertools.cycle([p for t in texts for p in t.split("\n\n")[1:]]):
        total += len(paragraph.encode("utf-8")) + 2
        if total > size:
            break
        paragraphs.append(paragraph)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(" date 2022-04-12 One very long article\n\n" + "\n\n".join(paragraphs) + "\n",
                    encoding="utf-8")
    return len(paragraphs)


def bench_huge_article(texts: list[str], work: Path, jobs: int | None = None) -> list[tuple[str, str]]:
    """Wall-clock time, CPU time and peak memory of extracting the huge article."""
    jobs = jobs or os.cpu_count() or 1
    path = work / "huge" / "huge-article.txt"
    count = huge_article(texts, path)
    command = [sys.executable, "-m", "generator", "extract", str(path), "--out", str(path.parent / "out"),
               "--jobs", str(jobs)]
    label = f"{path.stat().st_size / 1e6:.2f} MB article ({count} paragraphs, {jobs} workers)"
    timed = Path(TIME).exists()
    with tempfile.TemporaryFile("w+") as report:
        started = time.perf_counter()
        proc = subprocess.Popen([TIME, "-v", *command] if timed else command,
                                stdout=subprocess.DEVNULL, stderr=report, text=True)
        usage = sample_tree(proc)
        wall = time.perf_counter() - started
        report.seek(0)
        fields = dict(line.strip().rsplit(": ", 1) for line in report if line.startswith("\t") and ": " in line)
    if proc.returncode:
        return [(f"{label}: extract", f"failed (exit {proc.returncode})")]
    rows = [(f"{label}: extract, wall clock", f"{wall:.1f} s")]
    if timed:  # GNU time counts the main process only: the workers are the fork server's children
        largest = int(fields.get("Maximum resident set size (kbytes)", 0)) / 1024
        rows.append((f"{label}: extract, peak memory of the main process (time -v)", f"{largest:.0f} MB"))
    if usage.seen:
        rows += [(f"{label}: extract, CPU time of all processes (/proc)", f"{usage.cpu:.1f} s"),
                 (f"{label}: extract, peak memory of the largest process (/proc)", f"{usage.largest:.0f} MB"),
                 (f"{label}: extract, peak memory of all processes together (/proc)", f"{usage.together:.0f} MB")]
    return rows


class Usage:
    """What sampling /proc saw of a process tree: CPU seconds, peak memory of one and of all."""

    def __init__(self) -> None:
        self.ticks: dict[int, int] = {}
        self.largest = self.together = 0.0
        self.seen = Path("/proc").is_dir()

    @property
    def cpu(self) -> float:
        return sum(self.ticks.values()) / os.sysconf("SC_CLK_TCK")


def sample_tree(proc: subprocess.Popen, interval: float = 0.2) -> Usage:
    """Sample a process and its descendants from /proc until it ends (last CPU tick count per
    process, so a worker's time counts even when it dies before the main process)."""
    usage = Usage()
    while proc.poll() is None and usage.seen:
        total = 0.0
        for pid in _tree(proc.pid):
            stat, rss = _read(pid)
            if stat:
                usage.ticks[pid] = max(usage.ticks.get(pid, 0), int(stat[11]) + int(stat[12]))
                usage.largest = max(usage.largest, rss)
                total += rss
        usage.together = max(usage.together, total)
        time.sleep(interval)
    proc.wait()
    return usage


def _tree(root: int) -> set[int]:
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                pass
    found, frontier = {root}, {root}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _read(pid: int) -> tuple[list[str], float]:
    """Fields of /proc/PID/stat after the command name, and the resident memory in MB."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        status = Path(f"/proc/{pid}/status").read_text()
        rss = next(line for line in status.splitlines() if line.startswith("VmRSS:")).split()[1]
        return stat, int(rss) / 1024
    except (OSError, StopIteration, ValueError, IndexError):
        return [], 0.0
