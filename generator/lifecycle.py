"""A build's processes: Ctrl-C and kill become an exception it can clean up after, the commit of
docs/ is never cut in half by one, and extraction workers never outlive the build."""
from __future__ import annotations

import concurrent.futures as cf
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from generator.errors import Interrupted

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
PR_SET_PDEATHSIG = 1  # linux/prctl.h


class _RaiseInterrupted:
    """Signal handler: raise Interrupted in the main thread."""

    def __call__(self, signum: int, frame: object) -> None:
        raise Interrupted(signum)


def _in_main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


@contextmanager
def stop_signals_raise() -> Iterator[None]:
    """Inside the block, SIGINT and SIGTERM raise Interrupted (the CLI turns it into a message)."""
    if not _in_main_thread():
        yield
        return
    old = {sig: signal.signal(sig, _RaiseInterrupted()) for sig in STOP_SIGNALS}
    try:
        yield
    finally:
        for sig, handler in old.items():
            signal.signal(sig, handler if handler is not None else signal.SIG_DFL)


@contextmanager
def deferred_signals() -> Iterator[None]:
    """Hold SIGINT and SIGTERM until the block is done, then act on them as before (a pending
    Interrupted says the block completed)."""
    if not _in_main_thread():
        yield
        return
    pending: list[int] = []
    old = {sig: signal.signal(sig, lambda signum, frame: pending.append(signum)) for sig in STOP_SIGNALS}
    try:
        yield
    finally:
        for sig, handler in old.items():
            signal.signal(sig, handler if handler is not None else signal.SIG_DFL)
    if not pending:
        return
    sig, handler = pending[0], old[pending[0]]
    if isinstance(handler, _RaiseInterrupted):
        raise Interrupted(sig, committed=True)
    if callable(handler):
        handler(sig, None)
    elif handler in (signal.SIG_DFL, None):
        os.kill(os.getpid(), sig)  # the default action (terminate), now that docs/ is consistent


def run_in_workers(items: Sequence, jobs: int, task: Callable, warm: Callable[[], None],
                   done: Callable, died: dict) -> None:
    """`done(item, task(item))` for every item, the tasks run in up to `jobs` worker processes
    that die with this one; `died` is the result of each item whose worker was killed."""
    # forkserver: workers start clean and load the model themselves, instead of inheriting (and
    # counting) whatever memory the parent has grown to
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["__main__", "generator.lifeline"])  # takes effect as it starts
    pool = cf.ProcessPoolExecutor(max_workers=min(jobs, len(items)), mp_context=context,
                                  initializer=start_worker, initargs=(os.getpid(), warm))
    # a few tasks in flight at a time: a finished result is handed on and dropped at once, never
    # held with thousands of others
    queue = iter(items)
    running: dict[cf.Future, object] = {}

    def submit_next() -> None:
        for item in queue:
            try:
                running[pool.submit(task, item)] = item
                return
            except cf.process.BrokenProcessPool:  # the pool is gone: name every item left
                done(item, dict(died))

    try:
        for _ in range(jobs * 4):
            submit_next()
        while running:
            finished, _ = cf.wait(running, return_when=cf.FIRST_COMPLETED)
            for future in finished:
                try:
                    result = future.result()
                except cf.process.BrokenProcessPool:
                    # a worker was killed (out of memory, a crash in native code): the pool is
                    # gone, so every unfinished item is reported by name instead of a traceback
                    result = dict(died)
                done(running.pop(future), result)
                submit_next()
    except BaseException:  # Ctrl-C, kill, an error: no worker may go on running
        stop_workers(pool)
        raise
    pool.shutdown()


class EarlyWorker:
    """One extraction worker started as the build starts, before the build knows whether anything
    needs extracting: starting spaCy (importing it and loading the model, most of what a rebuild
    after one edited article costs) then overlaps with listing the articles and preparing the site.
    The build hands it the few articles that changed, or stops it unused."""

    def __init__(self, warm: Callable[[], None]) -> None:
        # forked, when this process is still small and has no other thread (a fork copies only the
        # calling thread, and any lock another one holds stays held): it starts at once, with no new
        # interpreter to start first; otherwise from the fork server, as the pool's workers
        if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
            context = multiprocessing.get_context("fork")
        else:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["__main__", "generator.lifeline"])
        self.pool = cf.ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=start_worker,
                                           initargs=(os.getpid(), warm))
        try:
            # a task now, so that the process (and its warm-up) starts now; a stop signal meanwhile
            # waits until the worker has its own handlers (a forked one starts with the build's)
            with signals_blocked():
                self.pool.submit(int)
        except BaseException:
            stop_workers(self.pool)
            raise
        self.processes = list((getattr(self.pool, "_processes", None) or {}).values())

    def run(self, items: Sequence, task: Callable, done: Callable, died: dict,
            meanwhile: Callable[[], None] = lambda: None) -> None:
        """`done(item, task(item))` for every item, in order, the tasks run in the worker;
        `meanwhile` runs here while the worker is busy (if it fails, the results still go to
        `done` before its error is raised)."""
        futures: list[tuple[object, cf.Future | None]] = []
        for item in items:
            try:
                futures.append((item, self.pool.submit(task, item)))
            except (cf.process.BrokenProcessPool, RuntimeError):  # the worker is gone already
                futures.append((item, None))
        try:
            meanwhile()
        except Exception:
            self._collect(futures, done, died)
            raise
        self._collect(futures, done, died)

    @staticmethod
    def _collect(futures: list[tuple[object, cf.Future | None]], done: Callable, died: dict) -> None:
        for item, future in futures:
            try:
                result = future.result() if future is not None else dict(died)
            except cf.process.BrokenProcessPool:  # killed (out of memory, a crash in native code)
                result = dict(died)
            done(item, result)

    def stop(self) -> None:
        """Kill the worker now, busy or not (it may still be loading the model)."""
        stop_workers(self.pool, self.processes)


@contextmanager
def signals_blocked() -> Iterator[None]:
    """SIGINT and SIGTERM held (not lost) inside the block, in this thread and what it forks."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def start_worker(build_pid: int, warm: Callable[[], None]) -> None:
    """Worker initializer: tie the worker's life to the build's, then warm it up."""
    die_with_parent(build_pid)
    warm()


def stop_workers(pool: cf.ProcessPoolExecutor, processes: list | None = None) -> None:
    """Kill every worker of the pool now, busy or not, and wait until they are gone."""
    if processes is None:  # no public handle on them (and none after a shutdown)
        processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        if process.is_alive():
            process.kill()
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.join(timeout=10)


def die_with_parent(build_pid: int) -> None:
    """In a worker process: Ctrl-C is left to the build (which stops its workers), and the kernel
    kills this process when its parent goes (Linux), however the build ended. A SIGTERM ends it
    at once (a forked worker would otherwise have the build's handler)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)  # held while it was forked
    if not kill_me_with_my_parent():
        threading.Thread(target=_watch_parent, args=(build_pid,), daemon=True).start()
    if not process_alive(build_pid):  # it died before the lifeline was in place
        os._exit(1)


def kill_me_with_my_parent() -> bool:
    """Ask the kernel to SIGKILL this process when its parent exits (Linux only: False elsewhere)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        return ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(build_pid: int) -> None:
    import time

    while process_alive(build_pid):
        time.sleep(1.0)
    os._exit(1)


def process_alive(pid: int) -> bool:
    """The process exists (possibly a zombie not yet reaped)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
