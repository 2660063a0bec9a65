"""translit.web served on 127.0.0.1 on a free port, in a thread, for the API and browser tests."""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_server() -> Iterator[str]:
    """The base URL of a server that answers until the block ends."""
    import uvicorn

    from translit.web import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("translit.web did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def post(base: str, path: str, body: Any, raw: bytes | None = None,
         headers: dict[str, str] | None = None) -> tuple[int, Any, dict[str, str]]:
    """(status, decoded JSON, headers) of a POST."""
    data = raw if raw is not None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(base + path, data=data, method="POST",
                                     headers={"Content-Type": "application/json", **(headers or {})})
    return _send(request)


def get(base: str, path: str, headers: dict[str, str] | None = None) -> tuple[int, Any, dict[str, str]]:
    return _send(urllib.request.Request(base + path, headers=headers or {}))


def _send(request: urllib.request.Request) -> tuple[int, Any, dict[str, str]]:
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            status, payload, headers = response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        status, payload, headers = error.code, error.read(), dict(error.headers)
    kind = headers.get("content-type", headers.get("Content-Type", ""))
    return status, json.loads(payload) if "json" in kind else payload.decode("utf-8"), headers
