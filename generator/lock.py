"""One build at a time per docs/ folder: a lock file in `.cache/` beside it.

The lock is an advisory `flock`, so the kernel releases it when the holder dies, however it dies
(no stale lock after a crash). A second build waits for it, up to a limit, then stops with a
message naming the build that holds it.
"""
from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.errors import BuildLockedError, OutputError

POLL_SECONDS = 0.2


def lock_path(docs_dir: Path) -> Path:
    """`.cache/briefing/<docs folder name>.lock` beside the docs folder."""
    docs = Path(docs_dir).resolve()
    return docs.parent / ".cache" / "briefing" / f"{docs.name}.lock"


@contextmanager
def build_lock(docs_dir: Path, wait: float = 0.0,
               on_wait: Callable[[str], None] = lambda message: None) -> Iterator[Path]:
    """Hold the build lock of `docs_dir` inside the block; wait up to `wait` seconds for it."""
    path = lock_path(docs_dir)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise OutputError(path, f"cannot create the build lock ({exc.strerror or exc}); "
                                "nothing was written") from exc
    try:
        deadline = time.monotonic() + max(wait, 0.0)
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = _holder(fd)
                if time.monotonic() >= deadline:
                    raise BuildLockedError(docs_dir, f"another build ({holder}) is writing this folder; "
                                                     "nothing was written. Wait for it to finish, or "
                                                     "give --wait SECONDS") from None
                if not told:
                    on_wait(f"waiting for another build ({holder}) to finish writing {docs_dir} "
                            f"(up to {wait:.0f} s)")
                    told = True
                time.sleep(POLL_SECONDS)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield path
    finally:
        os.close(fd)  # releases the lock


def _holder(fd: int) -> str:
    try:
        pid = os.pread(fd, 32, 0).decode().strip()
    except (OSError, UnicodeDecodeError):
        pid = ""
    return f"process {pid}" if pid.isdigit() else "another process"
