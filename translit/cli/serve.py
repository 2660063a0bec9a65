"""``translit serve``: the local page for translators and editors, and its HTTP API
(translit.web, which needs the web extra)."""

from __future__ import annotations

import argparse

from .exits import EXIT_OK, EXIT_USAGE
from .progress import say


def add_serve_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1",
                        help="the address to listen on (default: 127.0.0.1, this machine only)")
    parser.add_argument("--port", type=int, default=8000, help="the port (default: 8000)")


def run_serve(args: argparse.Namespace) -> int:
    try:
        from translit import web
    except ImportError as exc:  # fastapi or uvicorn missing
        say(f"serve needs the web extra ({exc.name} is not installed): "
            "pip install 'translit[web]'")
        return EXIT_USAGE
    if not 0 < args.port < 65536:
        say(f"--port {args.port}: give a port from 1 to 65535")
        return EXIT_USAGE
    say(f"the page is at http://{args.host}:{args.port}/ (Ctrl-C stops it)")
    try:
        web.serve(args.host, args.port)
    except OSError as exc:
        say(f"cannot serve on {args.host}:{args.port}: {exc.strerror or exc}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        pass
    return EXIT_OK
