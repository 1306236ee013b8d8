"""Benchmark rows for one article just under the 2 MB limit: time and peak memory of extracting it.

Run by `python -m generator.bench`. The article is the source articles' paragraphs one after
another; it is extracted by `briefing extract` in a fresh process (model load included) and
measured by GNU time (`/usr/bin/time -v`), or sampled from /proc where that is missing.
"""
from __future__ import annotations

import itertools
import subprocess
import sys
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


def bench_huge_article(texts: list[str], work: Path) -> list[tuple[str, str]]:
    """Wall-clock time, CPU time and peak memory of extracting the huge article."""
    path = work / "huge" / "huge-article.txt"
    count = huge_article(texts, path)
    command = [sys.executable, "-m", "generator", "extract", str(path), "--out", str(path.parent / "out")]
    label = f"{path.stat().st_size / 1e6:.2f} MB article ({count} paragraphs)"
    if Path(TIME).exists():
        done = subprocess.run([TIME, "-v", *command], capture_output=True, text=True)
        fields = dict(line.strip().rsplit(": ", 1) for line in done.stderr.splitlines()
                      if line.startswith("\t") and ": " in line)
        wall = fields.get("Elapsed (wall clock) time (h:mm:ss or m:ss)", "?")
        cpu = f"{float(fields.get('User time (seconds)', 0)) + float(fields.get('System time (seconds)', 0)):.1f} s"
        peak = int(fields.get("Maximum resident set size (kbytes)", 0)) / 1024
        status = done.returncode
    else:
        started = time.perf_counter()
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        peak = peak_mb(proc)
        wall, cpu, status = f"{time.perf_counter() - started:.1f} s", "not measured", proc.returncode
    if status:
        return [(f"{label}: extract", f"failed (exit {status})")]
    return [(f"{label}: extract, wall clock", str(wall)),
            (f"{label}: extract, CPU time", cpu),
            (f"{label}: extract, peak memory", f"{peak:.0f} MB")]


def peak_mb(proc: subprocess.Popen) -> float:
    """Peak resident memory of a running process in MB, sampled from /proc until it ends."""
    peak = 0.0
    while proc.poll() is None:
        try:
            status = Path(f"/proc/{proc.pid}/status").read_text()
            rss = next(line for line in status.splitlines() if line.startswith("VmRSS:"))
            peak = max(peak, int(rss.split()[1]) / 1024)
        except (OSError, StopIteration, ValueError):
            pass
        time.sleep(0.1)
    return peak
