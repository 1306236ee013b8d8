"""Test helper: run `briefing ...` in this process and stop it dead at a chosen point.

    python -m tests.killpoint [--at CALL:FOLDER:N] [--slow DIR] [--kill-at-extract N] -- build ...

--at replace:DOCS:3   SIGKILL this process just before the 3rd os.replace onto a path inside
                      DOCS (CALL is replace, mkstemp or unlink: the file operations a writer uses,
                      so the point does not depend on how the writer is built)
--kill-at-extract 3   SIGKILL just before the 3rd article is extracted (with --jobs 1)
--slow DIR            every extraction (in workers too) touches DIR/<pid>.busy, then waits until
                      DIR/release exists (at most SLOW_LIMIT seconds) before it extracts

SIGKILL is what the OOM killer and `kill -9` do: no handler, no cleanup, no flushing.
"""
from __future__ import annotations

import argparse
import os
import signal
import sys
import tempfile
import time
from pathlib import Path

SLOW_LIMIT = 120.0
SLOW_ENV = "BRIEFING_TEST_SLOW_DIR"


def die() -> None:
    sys.stdout.flush()
    sys.stderr.flush()
    os.kill(os.getpid(), signal.SIGKILL)


def kill_at(call: str, folder: Path, n: int) -> None:
    """Wrap one file operation so that its n-th use inside `folder` kills the process first."""
    folder = folder.resolve()
    module, name = (tempfile, "mkstemp") if call == "mkstemp" else (os, call)
    original = getattr(module, name)
    seen = [0]

    def wrapper(*args, **kwargs):
        target = kwargs.get("dir") if call == "mkstemp" else (args[1] if call == "replace" else args[0])
        if target is not None and Path(os.path.abspath(target)).is_relative_to(folder):
            seen[0] += 1
            if seen[0] == n:
                die()
        return original(*args, **kwargs)

    setattr(module, name, wrapper)


_real_extract = None  # set in the build's own process; workers import the real one


def slow_extract(path: Path, **options) -> dict:
    """Stands in for generator.build.extract_one; module-level so that workers can import it."""
    real = _real_extract
    if real is None:
        from generator.build import extract_one as real  # a worker's own, unpatched, module

    folder = Path(os.environ[SLOW_ENV])
    (folder / f"{os.getpid()}.busy").touch()
    deadline = time.monotonic() + SLOW_LIMIT
    while not (folder / "release").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    return real(path, **options)


def no_warm_up() -> None:
    """Workers that do not load the model up front (start faster; extraction loads it)."""


def main(argv: list[str]) -> None:
    split = argv.index("--")
    parser = argparse.ArgumentParser(prog="python -m tests.killpoint")
    parser.add_argument("--at")
    parser.add_argument("--slow", type=Path)
    parser.add_argument("--kill-at-extract", type=int)
    args = parser.parse_args(argv[:split])
    from generator import build

    if args.at:
        call, folder, n = args.at.split(":")
        kill_at(call, Path(folder), int(n))
    if args.slow:
        global _real_extract
        _real_extract = build.extract_one
        os.environ[SLOW_ENV] = str(args.slow.resolve())
        build.extract_one = slow_extract
        build.warm_worker = no_warm_up
    if args.kill_at_extract:
        real, count = build.extract_one, [0]

        def counting(path: Path, **options) -> dict:
            count[0] += 1
            if count[0] == args.kill_at_extract:
                die()
            return real(path, **options)

        build.extract_one = counting
    from generator.cli import main as cli

    cli(argv[split + 1:], prog_name="briefing")


if __name__ == "__main__":
    main(sys.argv[1:])
