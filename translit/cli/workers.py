"""Chunks run in order, here or in worker processes (--jobs), their output in input order."""

from __future__ import annotations

import gc
import signal
import sys
import time
from collections import deque
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from translit import memo

from .chunks import apply_verb, run_chunk, set_groups
from .job import ChunkResult, Job
from .records import Chunk, Chunker

if TYPE_CHECKING:  # multiprocessing is imported when a pool is started
    from multiprocessing.pool import AsyncResult, Pool

#: Seconds a failed run waits for the results its workers are computing before it kills them.
_GRACE = 10.0


class Workers:
    """A pool of worker processes, started when a file needs it (--jobs N > 1)."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self.pool: Pool | None = None
        self.groups: dict[str, tuple[int, str]] | None = None
        self.by_spelling = False
        # results asked for and not yet taken: a failed run waits for them before it stops
        # the pool (see close)
        self.asked: deque[AsyncResult[list[ChunkResult]]] = deque(maxlen=max(64, 4 * jobs))

    def get(self, job: Job) -> Pool:
        if self.pool is None:
            import multiprocessing

            if sys.platform.startswith("linux"):
                # Fork: the workers start at once with translit imported and the verb's data
                # loaded (warmed here, once).  Safe: this process runs no other thread (the
                # progress bar's monitor thread is off) when the pool is made.
                ctx = multiprocessing.get_context("fork")
                apply_verb(replace(job, verb="group" if job.verb == "group-rows" else job.verb),
                           ["Київ Kharkiv"])
                # What is loaded now is shared with the workers: kept out of the collector's
                # passes, so that no worker's collection copies the pages it lives on.
                gc.collect()
                gc.freeze()
            else:  # spawn: each worker imports translit itself
                ctx = multiprocessing.get_context("spawn")
            self.pool = ctx.Pool(self.jobs, initializer=_start_worker,
                                 initargs=(self.jobs, self.groups, self.by_spelling))
            gc.unfreeze()  # the workers are forked; a caller of main() keeps its collector
        return self.pool

    def use_groups(self, groups: dict[str, tuple[int, str]], by_spelling: bool = False) -> None:
        """group: the mapping that the second pass looks rows up in, here and in workers."""
        self.close()
        set_groups(groups, by_spelling)
        self.groups, self.by_spelling = groups, by_spelling

    def close(self, failed: bool = False) -> None:
        if self.pool is None:
            return
        pool, self.pool = self.pool, None
        if not failed:
            pool.close()
            pool.join()
            return
        # Pool.terminate() stops reading results first, then writes to the result queue: a
        # worker still writing a large result holds that queue's lock, blocked, and the two
        # wait for each other for ever (an unterminated quote with --jobs 2 and output to a
        # pipe hung so).  So the results asked for are let arrive first; a worker that does not
        # deliver within the grace time is killed, and the pool left to the process's end.
        deadline = time.monotonic() + _GRACE
        for asked in self.asked:
            asked.wait(max(0.0, deadline - time.monotonic()))
        if all(asked.ready() for asked in self.asked):
            pool.terminate()
            pool.join()
        else:
            for process in getattr(pool, "_pool", ()):
                process.kill()
            finalizer = getattr(pool, "_terminate", None)
            if finalizer is not None and hasattr(finalizer, "cancel"):
                finalizer.cancel()  # it would wait for the lock the killed worker held
        self.asked.clear()


def _start_worker(jobs: int, groups: dict[str, tuple[int, str]] | None,
                  by_spelling: bool = False) -> None:
    """A worker's start: its memos sized to its share (all workers together hold what one
    process would: --jobs 2 stays as small as --jobs 1 plus one process), group's mapping.
    SIGTERM and SIGHUP do what they do by default again: the parent's handlers (which raise,
    so that its output file is cleaned up) must not run in a worker, which the pool stops
    with SIGTERM (a worker that raised while holding the task queue's lock would leave the
    other waiting for it for ever)."""
    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            signal.signal(number, signal.SIG_DFL)
    memo.share(jobs)
    if groups is not None:
        set_groups(groups, by_spelling)


Emit = Callable[[ChunkResult], None]


def run_file(job: Job, chunker: Chunker, workers: Workers, emit: Emit) -> None:
    """Run every chunk of the file in order: here with one job, else in the pool."""
    if workers.jobs <= 1:
        _serial(job, chunker, emit)
        return
    first = chunker.next_chunk()
    if first is None:
        return
    chunker.unread(first)
    if first.last:  # one chunk: not worth a process
        _serial(job, chunker, emit)
        return
    _parallel(job, chunker, workers, emit, window=2 * workers.jobs)


def _serial(job: Job, chunker: Chunker, emit: Emit, once: bool = False) -> None:
    beyond, exact = 0, None
    while (chunk := chunker.next_chunk(beyond, exact)) is not None:
        result = run_chunk(job, chunk)
        if result.open:  # a quoted field goes on past the guessed end of the chunk
            chunker.unread(chunk)
            if result.complete:  # take the whole records before it
                beyond, exact = 0, result.complete
            else:  # the record is longer than the chunk: read on
                beyond, exact = len(chunk.data), None
            continue
        emit(result)
        if once:
            return
        beyond, exact = 0, None


#: Chunks sent to a worker at once: a task of several chunks costs the pool's machinery
#: (pickling, queues, its threads) once; the worker reads them one by one, each small enough
#: that its text and rows are made and freed without asking the system for new memory.
#: More chunks a task cost memory (a task's input, output and their pickles, in each worker
#: and the parent): on 200,000 distinct names, --jobs 2 peaked at 92 MB with 4, 97 MB with 8,
#: 105 MB with 16 (the parent's CPU for a 1M-row file: 0.95, 0.92, 0.72 s).
TASK_CHUNKS = 4


def run_chunks(job: Job, chunks: list[Chunk]) -> list[ChunkResult]:
    """A worker's task: the chunks' results in order, up to the first that is open."""
    results = []
    for chunk in chunks:
        result = run_chunk(job, chunk)
        results.append(result)
        if result.open:
            break
    return results


def _parallel(job: Job, chunker: Chunker, workers: Workers, emit: Emit, window: int) -> None:
    pool = workers.get(job)
    pending: deque[tuple[list[Chunk], AsyncResult[list[ChunkResult]]]] = deque()
    while True:
        while len(pending) < window:
            task: list[Chunk] = []
            while len(task) < TASK_CHUNKS and (chunk := chunker.next_chunk()) is not None:
                task.append(chunk)
            if not task:
                break
            asked = pool.apply_async(run_chunks, (job, task))
            pending.append((task, asked))
            workers.asked.append(asked)
        if not pending:
            return
        task, future = pending.popleft()
        results = future.get()
        if future in workers.asked:
            workers.asked.remove(future)  # taken: its output is not held any longer
        for result in results:
            if not result.open:
                emit(result)
                continue
            # The guessed end of this chunk fell inside a quoted field, so the chunks after it
            # started in the wrong place: take them all back, and go on from here in order.
            taken = [*task[len(results) - 1:], *(c for t, _ in pending for c in t)]
            pending.clear()
            first = taken[0]
            chunker.unread(Chunk(b"".join(c.data for c in taken), first.offset, first.line,
                                 False))
            _serial(job, chunker, emit, once=True)
            break  # (it was the task's last result: run_chunks stops at an open chunk)
