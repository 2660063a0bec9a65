"""A local web application: a page that checks the names in a text, and an HTTP API.

    python -m translit.web [--host 127.0.0.1] [--port 8000]

The page (``/``) takes a pasted or opened text, shows the findings of :func:`translit.check`
in place, lets the reader accept or ignore each and gives back the corrected text; its second
tab looks up one name.  The API (``/api/...``, JSON in and out, described at
``/api/openapi.json``) answers with the library's own results: check, romanize, cyrillize,
candidates, identify, key, group, and lookup (what the page's second tab shows).

Safety: the page renders user text only through DOM text nodes and its Content-Security-Policy
allows no inline script; request bodies and fields are bounded and every call has a time limit;
the server reads no file but its own three static files; it binds 127.0.0.1 by default and
answers only requests addressed to the host it was started on (no DNS rebinding).

Needs the optional extra: ``pip install 'translit[web]'`` (FastAPI and uvicorn).
"""

from __future__ import annotations

import asyncio
import re
import unicodedata
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from functools import partial
from importlib import resources
from typing import Any, Literal, TypeVar

try:
    import anyio.to_thread
    from fastapi import FastAPI, Request
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import JSONResponse, Response
    from pydantic import BaseModel, Field
    from starlette.middleware.trustedhost import TrustedHostMiddleware
except ImportError as error:  # pragma: no cover - the extra is missing
    raise ImportError("translit.web needs the web extra: pip install 'translit[web]'") from error

import translit
from translit import places
from translit.check import PROBLEMS
from translit.check.norm import norm, text_language

__all__ = [
    "MAX_BODY_BYTES",
    "MAX_NAMES",
    "MAX_NAME_CHARS",
    "MAX_TEXT_CHARS",
    "TIME_LIMIT_SECONDS",
    "USES",
    "create_app",
    "guess_text_language",
    "lookup",
    "serve",
]

#: Largest request body accepted (bytes); a larger one is answered 413.
MAX_BODY_BYTES = 1_000_000
#: Longest text /api/check takes (characters): a long article; a book is for the CLI.
MAX_TEXT_CHARS = 200_000
#: Longest single name or string the other endpoints take (characters).
MAX_NAME_CHARS = 1_000
#: Most names /api/group takes in one request.
MAX_NAMES = 10_000
#: Time one call may take before the request is answered 503 (the first check loads the
#: gazetteer and the lexicon, a few seconds on a small machine).
TIME_LIMIT_SECONDS = 30.0

#: Content-Security-Policy of every response: scripts, styles and connections only from the
#: page's own origin (no inline script, no eval), nothing embedded, no form posted elsewhere.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
       "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")

_STATIC = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/app.js": ("app.js", "text/javascript; charset=utf-8"),
    "/style.css": ("style.css", "text/css; charset=utf-8"),
}

# --- the text's language ------------------------------------------------------------------------

# The text's language and its norm come from translit.check.norm (tables/check/languages.toml).


def guess_text_language(text: str) -> str:
    """The language of running text ('en', 'de', 'fr', 'pl', 'es' …), by its commonest
    function words (English when none is found)."""
    return text_language(text)


# --- lookup: what the page's second tab shows -------------------------------------------------------

#: Uses a romanization is made for, as the second tab groups them: a system goes to the first
#: use whose test it passes.  Passports: the systems the tables' sources name as passport or
#: licence norms; maps: national and BGN/PCGN systems for geographic names and the UN's;
#: libraries: the scholarly conventions (ISO 9, GOST 7.79, ALA-LC, DSTU 9112, BS 2979);
#: press: Wikipedia's, the other languages' transcriptions, Łacinka, telegrams.
USES: tuple[tuple[str, str, Callable[[translit.System], bool]], ...] = (
    ("passports", "passports and documents",
     lambda s: bool(re.search(r"icao|mvd|gost-52535", s.id))),
    ("maps", "maps and geographic names",
     lambda s: bool(re.search(r"national|bgn-pcgn|ungegn|gost-16876", s.id))),
    ("libraries", "libraries and scholarship", lambda s: s.table.convention == "scholarly"),
    ("press", "press and other uses", lambda s: True),
)


def _use_of(s: translit.System) -> str:
    return next(use for use, _, test in USES if test(s))


def _renaming(r: places.Renaming) -> dict[str, Any]:
    return {"name": r.name, "former": r.former, "former_ru": r.former_ru, "date": r.date,
            "act": r.act, "source": r.source}


def _place(m: places.Match) -> dict[str, Any]:
    p = m.place
    return {
        "name": p.name, "latin": p.latin, "language": p.language, "country": p.country,
        "region": p.region, "region_latin": p.region_latin, "population": p.population,
        "matched": m.name, "via": m.via, "exact": m.exact,
        "renaming": _renaming(m.renaming) if m.renaming else None,
        "former": [_renaming(r) for r in p.former],
    }


def _reading(r: translit.Reading) -> dict[str, Any]:
    return {"cyrillic": r.cyrillic, "language": r.language, "score": r.score,
            "systems": list(r.systems)}


def lookup(name: str) -> dict[str, Any]:
    """Everything about one name: how it is written, its Cyrillic readings with their scores
    (for a Latin name), the places it may be, their former names, and its romanization in every
    system of each language it may be, grouped by use."""
    name = unicodedata.normalize("NFC", name.strip())
    detection = translit.detect(name)
    readings = translit.candidates(name, limit=10) if detection.script != "cyrillic" else []
    matches = places.lookup(name, limit=8) if name else []
    # The Cyrillic forms to romanize, one per language: the name itself when it is Cyrillic;
    # else the official forms of the place it exactly names, then the best reading per language.
    forms: dict[str, str] = {}
    if detection.script == "cyrillic" and detection.language:
        forms[detection.language] = name
    else:
        exact = [m for m in matches if m.exact]
        if exact and exact[0].place.name:
            forms.update(exact[0].place.forms())
        for r in readings:
            forms.setdefault(r.language, r.cyrillic)
    romanizations = []
    for language in ("uk", "ru", "be"):
        if language not in forms:
            continue
        cyrillic = forms[language]
        uses = []
        for use, label, _ in USES:
            rows = [{"id": s.id, "name": s.name, "source": s.source, "spelling": s.romanize(cyrillic),
                     "default": s.table.default}
                    for s in translit.systems(language) if _use_of(s) == use]
            if rows:
                uses.append({"use": use, "label": label, "systems": rows})
        romanizations.append({"language": language, "cyrillic": cyrillic, "uses": uses})
    return {
        "name": name,
        "script": detection.script,
        "language": detection.language,
        "key": translit.key(name),
        "readings": [_reading(r) for r in readings],
        "places": [_place(m) for m in matches],
        "romanizations": romanizations,
    }


# --- the API -----------------------------------------------------------------------------------------


class CheckRequest(BaseModel):
    text: str = Field(max_length=MAX_TEXT_CHARS, description="the text, or a list of names one a line")
    target: str | None = Field(
        default=None, max_length=64,
        description="the system names are to be written in; none: from the text's language")


class TextRequest(BaseModel):
    text: str = Field(max_length=MAX_NAME_CHARS)
    system: str | None = Field(default=None, max_length=64,
                               description="an id or alias; none: the language's default system")


class CyrillizeRequest(BaseModel):
    text: str = Field(max_length=MAX_NAME_CHARS)
    system: str = Field(max_length=64, description="a reversible system's id or alias")


class CandidatesRequest(BaseModel):
    latin: str = Field(max_length=MAX_NAME_CHARS)
    language: str | None = Field(default=None, description="ru, uk or be; none: every language")
    limit: int = Field(default=10, ge=0, le=100)


class IdentifyRequest(BaseModel):
    latin: str = Field(max_length=MAX_NAME_CHARS)
    cyrillic: str | None = Field(default=None, max_length=MAX_NAME_CHARS)


class NameRequest(BaseModel):
    name: str = Field(max_length=MAX_NAME_CHARS)


class PairRequest(BaseModel):
    a: str = Field(max_length=MAX_NAME_CHARS)
    b: str = Field(max_length=MAX_NAME_CHARS)


class NamesRequest(BaseModel):
    names: list[str] = Field(max_length=MAX_NAMES)


class GroupRequest(NamesRequest):
    by: Literal["key", "same_name"] = "key"


T = TypeVar("T")


class _TooLong(Exception):
    pass


async def _call(function: Callable[..., T], *args: Any) -> T:
    """Run a library call in a worker thread, within the time limit (the thread of a call that
    overruns finishes on its own; its answer is dropped)."""
    try:
        return await asyncio.wait_for(anyio.to_thread.run_sync(partial(function, *args)),
                                      TIME_LIMIT_SECONDS)
    except TimeoutError:
        raise _TooLong from None


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def _systems() -> list[dict[str, Any]]:
    return [s.as_dict() | {"convention": s.table.convention, "default": s.table.default,
                           "use": _use_of(s)} for s in translit.systems()]


def _check(text: str, target: str | None) -> dict[str, Any]:
    text = unicodedata.normalize("NFC", text)
    text_norm = norm(text, target or None)
    text_language, chosen = text_norm.language, text_norm.target
    findings = translit.check(text, chosen if target else None)
    mentioned = {chosen} | {i for f in findings for i in f.follows}
    return {
        "text": text,
        "text_language": text_language,
        "text_language_name": text_norm.language_name,
        "norm_language": text_norm.norm_language,
        "target": chosen,
        "findings": [f.as_dict() for f in findings],
        "systems": {i: {"name": translit.system(i).name, "source": translit.system(i).source}
                    for i in sorted(mentioned)},
        "problems": PROBLEMS,
    }


def _group(names: list[str], by: Literal["key", "same_name"] = "key") -> list[dict[str, Any]]:
    return [{"key": g.key, "representative": g.representative, "names": list(g.names),
             "indices": list(g.indices),
             "merges": [{"first": m.first, "second": m.second, "reason": m.reason} for m in g.merges]}
            for g in translit.group(names, by=by)]


def _api(app: FastAPI) -> None:
    @app.get("/api/systems", summary="every system: id, name, language, source, convention, use")
    async def systems_() -> list[dict[str, Any]]:
        return _systems()

    @app.post("/api/check", summary="translit.check(text, target): the spellings of names to change")
    async def check_(body: CheckRequest) -> dict[str, Any]:
        return await _call(_check, body.text, body.target)

    @app.post("/api/romanize", summary="translit.romanize(text, system)")
    async def romanize_(body: TextRequest) -> dict[str, Any]:
        return {"result": await _call(translit.romanize, body.text, body.system)}

    @app.post("/api/cyrillize", summary="translit.cyrillize(text, system): a reversible system's inverse")
    async def cyrillize_(body: CyrillizeRequest) -> dict[str, Any]:
        return {"result": await _call(translit.cyrillize, body.text, body.system)}

    @app.post("/api/candidates", summary="translit.candidates(latin, language, limit): Cyrillic readings")
    async def candidates_(body: CandidatesRequest) -> dict[str, Any]:
        readings = await _call(translit.candidates, body.latin, body.language, body.limit)
        return {"readings": [_reading(r) for r in readings]}

    @app.post("/api/identify", summary="translit.identify(latin, cyrillic): the systems that write it")
    async def identify_(body: IdentifyRequest) -> dict[str, Any]:
        return {"systems": await _call(translit.identify, body.latin, body.cyrillic)}

    @app.post("/api/key", summary="translit.key(name): the grouping key")
    async def key_(body: NameRequest) -> dict[str, Any]:
        return {"key": await _call(translit.key, body.name)}

    @app.post("/api/block-keys",
              summary="translit.block_keys(name): the keys a name's variants may hide under")
    async def block_keys_(body: NameRequest) -> dict[str, Any]:
        return {"block_keys": sorted(await _call(translit.block_keys, body.name))}

    @app.post("/api/same-name", summary="translit.same_name(a, b): one name, for a blocked pair")
    async def same_name_(body: PairRequest) -> dict[str, Any]:
        return {"same_name": await _call(translit.same_name, body.a, body.b)}

    @app.post("/api/group", summary="translit.group(names, by): the names grouped by key or by same_name")
    async def group_(body: GroupRequest) -> dict[str, Any]:
        too_long = next((i for i, n in enumerate(body.names) if len(n) > MAX_NAME_CHARS), None)
        if too_long is not None:
            return _error(422, f"names[{too_long}]: longer than {MAX_NAME_CHARS} characters")  # type: ignore[return-value]
        return {"groups": await _call(_group, body.names, body.by)}

    @app.post("/api/lookup", summary="one name: readings, places, former names, every system's spelling")
    async def lookup_(body: NameRequest) -> dict[str, Any]:
        return await _call(lookup, body.name)


# --- the application -----------------------------------------------------------------------------------

ASGIApp = Callable[[MutableMapping[str, Any], Callable[[], Awaitable[Any]],
                    Callable[[MutableMapping[str, Any]], Awaitable[None]]], Awaitable[None]]


class _BodyLimit:
    """Answers 413 to a request whose body is longer than MAX_BODY_BYTES, before the app reads it."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: MutableMapping[str, Any], receive: Callable[[], Awaitable[Any]],
                       send: Callable[[MutableMapping[str, Any]], Awaitable[None]]) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await self._refuse(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await self._refuse(scope, receive, send)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        sent = False

        async def replay() -> Any:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, scope: MutableMapping[str, Any], receive: Callable[[], Awaitable[Any]],
                      send: Callable[[MutableMapping[str, Any]], Awaitable[None]]) -> None:
        # Read (and drop) what the client is still sending, up to a bound, so that it is ready
        # to read the answer: a client cut off mid-body sees a broken pipe, not the reason.
        drained = 0
        while drained < _DRAIN_BYTES:
            message = await receive()
            if message["type"] != "http.request":
                break
            drained += len(message.get("body", b""))
            if not message.get("more_body", False):
                break
        response = _error(413, f"request body larger than {self.limit} bytes; check a long "
                               f"text in parts or with the command line (translit check)")
        await response(scope, receive, send)


#: How much of a refused body is read before answering (past it the connection is cut).
_DRAIN_BYTES = 16 * MAX_BODY_BYTES


def _warm() -> None:
    """Load the tables, the gazetteer, the lexicon and the reading model."""
    translit.systems()
    translit.check("Kharkov")
    translit.candidates("Kharkov")


def create_app(allowed_hosts: list[str] | None = None, warm: bool = True) -> Any:
    """The ASGI application.  *allowed_hosts*: the Host headers answered (default: loopback
    names only; ["*"] for any)."""

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if warm:  # before the first request: it would wait for them, within its time limit
            await anyio.to_thread.run_sync(_warm)
        yield

    app = FastAPI(
        title="translit", version=translit.__version__, lifespan=lifespan,
        description="Romanization, readings, grouping keys and spelling checks of Russian, "
                    "Ukrainian and Belarusian names: the library's verbs as JSON.",
        openapi_url="/api/openapi.json", docs_url=None, redoc_url=None,  # their pages load a CDN
    )
    _api(app)

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, error: RequestValidationError) -> JSONResponse:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'] if p != 'body') or 'body'}: {e['msg']}"
            for e in error.errors())
        return _error(422, problems)

    @app.exception_handler(ValueError)
    async def value_error(_: Request, error: ValueError) -> JSONResponse:
        return _error(400, str(error))  # an unknown system names the closest ids

    @app.exception_handler(_TooLong)
    async def too_long(_: Request, __: _TooLong) -> JSONResponse:
        return _error(503, f"the call took longer than {TIME_LIMIT_SECONDS:g} s and was abandoned; "
                           f"send a shorter text")

    for path, (filename, media_type) in _STATIC.items():
        content = (resources.files(__package__) / "static" / filename).read_bytes()
        app.add_api_route(path, partial(_static, content, media_type), methods=["GET"],
                          include_in_schema=False)

    @app.middleware("http")
    async def headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Cache-Control"] = "no-store"
        return response

    app.add_middleware(TrustedHostMiddleware,
                       allowed_hosts=allowed_hosts or ["127.0.0.1", "localhost", "[::1]", "::1"])
    return _BodyLimit(app, MAX_BODY_BYTES)


async def _static(content: bytes, media_type: str) -> Response:
    return Response(content, media_type=media_type)


# --- starting it ------------------------------------------------------------------------------------------


def _hosts_for(host: str) -> list[str]:
    if host in ("0.0.0.0", "::", ""):
        return ["*"]  # bound to every interface on purpose: any address may name it
    return ["127.0.0.1", "localhost", "[::1]", "::1", host, f"[{host}]"]


def serve(host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the page and the API until interrupted."""
    import uvicorn

    uvicorn.run(create_app(_hosts_for(host)), host=host, port=port, log_level="info", access_log=False,
                timeout_keep_alive=5)
