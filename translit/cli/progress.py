"""The progress bar on stderr, and messages that do not overwrite it."""

from __future__ import annotations

import sys
from typing import Any


class Progress:
    """Rows done, rows/s and the time left (estimated from the bytes read), on stderr."""

    def __init__(self, enabled: bool, total_bytes: int | None) -> None:
        self.enabled = enabled
        self.total_bytes = total_bytes
        self.done_bytes = 0  # in files already finished
        self.bar: Any = None
        if enabled:
            from tqdm import tqdm

            tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked
            self.bar = tqdm(
                unit=" rows", unit_scale=True, file=sys.stderr, dynamic_ncols=True,
                mininterval=0.25, smoothing=0.1, leave=False,
            )
            BARS.append(self.bar)

    def advance(self, rows: int, offset: int) -> None:
        if self.bar is None:
            return
        done = self.done_bytes + offset
        if self.total_bytes and done:
            self.bar.total = max(self.bar.n + rows, round((self.bar.n + rows) *
                                                          self.total_bytes / done))
        self.bar.update(rows)

    def file_done(self, size: int | None) -> None:
        self.done_bytes += size or 0

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            BARS.remove(self.bar)
            self.bar = None


BARS: list[Any] = []  # the progress bar on show, which messages must not overwrite


def say(message: str) -> None:
    for bar in BARS:
        bar.clear()
    print(f"translit: {message}", file=sys.stderr)
    for bar in BARS:
        bar.refresh()


