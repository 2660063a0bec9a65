"""``translit``'s entry point: parse the arguments, run the verb, map what happened to an
exit status (the one table in translit.cli.exits)."""

from __future__ import annotations

import io
import os
import signal
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

import translit
from translit.errors import TranslitError, UnknownSystemError

from .exits import EXIT_INTERRUPTED, EXIT_PIPE_CLOSED, EXIT_SOFTWARE, EXIT_USAGE, REPORT_HINT
from .inputs import sort_arguments
from .parser import parse_arguments
from .progress import say
from .records import allow_long_fields


class Terminated(BaseException):
    """SIGTERM or SIGHUP, raised where the program is, so that every ``with`` unwinds (an
    output file's temporary is removed) as it does for Ctrl-C."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status (see translit.cli.exits)."""
    allow_long_fields()
    try:
        args = parse_arguments(argv)
    except SystemExit as exc:  # --help, --version, usage errors (argparse said why)
        return int(exc.code or 0) if not isinstance(exc.code, str) else EXIT_USAGE
    try:
        with _signals_raise():
            if hasattr(args, "arguments"):
                sort_arguments(args)
            return int(args.handler(args))
    except UnknownSystemError as exc:
        hint = f"; did you mean {', '.join(exc.suggestions)}?" if exc.suggestions else ""
        say(f"unknown system {exc.name!r}{hint} ('translit systems' lists them all)")
        return EXIT_USAGE
    except TranslitError as exc:
        say(str(exc))
        return EXIT_USAGE
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_PIPE_CLOSED
    except KeyboardInterrupt:
        say("interrupted")
        return EXIT_INTERRUPTED
    except Terminated as exc:
        return 128 + exc.number
    except OSError as exc:  # the system refused (a full disk, a file gone while read)
        where = f"{exc.filename}: " if exc.filename else ""
        say(f"{where}{exc.strerror or exc}")
        return EXIT_USAGE
    except Exception as exc:  # a bug: one line, a hint, never exit 1 (that means "found")
        if os.environ.get("TRANSLIT_DEBUG"):
            traceback.print_exc()
        say(f"internal error: {type(exc).__name__}: {exc}")
        say(REPORT_HINT.format(version=translit.__version__))
        return EXIT_SOFTWARE


@contextmanager
def _signals_raise() -> Iterator[None]:
    """SIGTERM and SIGHUP raise Terminated while a verb runs (in the main thread only)."""
    def handler(number: int, frame: FrameType | None) -> None:
        raise Terminated(number)

    kept: dict[int, object] = {}
    try:
        for name in ("SIGTERM", "SIGHUP"):
            number = getattr(signal, name, None)
            if number is not None:
                kept[number] = signal.signal(number, handler)
    except ValueError:  # not the main thread: leave the signals as they are
        pass
    try:
        yield
    finally:
        for number, old in kept.items():
            signal.signal(number, old)  # type: ignore[arg-type]


def _quiet_stdout() -> None:
    """The reader went away: point stdout at /dev/null so that the exit flush is silent."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)
