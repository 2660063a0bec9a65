"""translit.web's API over HTTP: each endpoint answers what the library call gives on real names;
limits, errors and security headers; the hostile-strings corpus through every endpoint."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

import pytest

import translit
import translit.web as web
from tests.web_server import get, post, running_server
from translit.check import PROBLEMS

DATA = Path(__file__).parent / "data"
STATIC = Path(web.__file__).parent / "static"
BLNS = json.loads((DATA / "naughty" / "blns" / "blns.json").read_text("utf-8"))

LATIN = ["Kharkov", "Krasnoarmeysk", "Dimitrov", "Vitaly Dainega", "Zelensky", "Mykolayiv",
         "Charnavusaw", "Dnepropetrovsk", "Artemivsk", "Khrushchev", "Tchaikovsky", "Lwiw"]
CYRILLIC = ["Харків", "Мирноград", "Москва", "Мінск", "Віталій Дейнега", "Щорс", "Знам'янка",
            "Ўладзімір", "Нижний Новгород"]


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with running_server() as url:
        yield url


def _ok(base: str, path: str, body: object) -> dict[str, object]:
    status, answer, _ = post(base, path, body)
    assert status == 200, answer
    return answer  # type: ignore[no-any-return]


# --- each endpoint equals the library ---------------------------------------------------------------


@pytest.mark.parametrize(("file", "target"), [
    ("motivating-en.txt", "uk-national"), ("errors-en.txt", "uk-national"),
    ("errors-de.txt", "uk-german"), ("errors-list.txt", "uk-national"),
])
def test_check_is_the_library_check(base: str, file: str, target: str) -> None:
    text = (DATA / "check" / file).read_text("utf-8")
    answer = _ok(base, "/api/check", {"text": text, "target": target})
    assert answer["findings"] == [f.as_dict() for f in translit.check(text, target)]
    assert answer["target"] == target and answer["problems"] == PROBLEMS
    assert answer["text"] == unicodedata.normalize("NFC", text)


@pytest.mark.parametrize(("file", "language", "target"), [
    ("motivating-en.txt", "en", "uk-national"), ("correct-de-news.txt", "de", "uk-german"),
    ("correct-fr-news.txt", "fr", "uk-french"), ("correct-pl-news.txt", "pl", "uk-polish"),
    ("errors-de.txt", "de", "uk-german"),
])
def test_check_without_a_target_takes_the_norm_of_the_texts_language(
        base: str, file: str, language: str, target: str) -> None:
    text = (DATA / "check" / file).read_text("utf-8")
    assert web.guess_text_language(text) == language
    answer = _ok(base, "/api/check", {"text": text})
    assert (answer["text_language"], answer["target"]) == (language, target)
    assert answer["findings"] == [f.as_dict() for f in translit.check(text, target)]
    # every system a finding names is described, with its source
    named = {i for f in translit.check(text, target) for i in f.follows} | {target}
    assert answer["systems"] == {i: {"name": translit.system(i).name, "source": translit.system(i).source}
                                 for i in sorted(named)}


def test_romanize_is_the_library_romanize(base: str) -> None:
    for name in CYRILLIC:
        assert _ok(base, "/api/romanize", {"text": name})["result"] == translit.romanize(name)
        for s in translit.systems():
            answer = _ok(base, "/api/romanize", {"text": name, "system": s.id})
            assert answer["result"] == translit.romanize(name, s.id)


def test_cyrillize_is_the_library_cyrillize(base: str) -> None:
    reversible = [s.id for s in translit.systems() if s.reversible]
    assert reversible
    for system_id in reversible:
        for name in CYRILLIC:
            latin = translit.romanize(name, system_id)
            answer = _ok(base, "/api/cyrillize", {"text": latin, "system": system_id})
            assert answer["result"] == translit.cyrillize(latin, system_id)


def test_candidates_are_the_library_candidates(base: str) -> None:
    for name in LATIN:
        for language in (None, "uk", "ru", "be"):
            answer = _ok(base, "/api/candidates", {"latin": name, "language": language, "limit": 5})
            expected = translit.candidates(name, language, 5)
            assert answer["readings"] == [asdict(r) | {"systems": list(r.systems)} for r in expected]
            assert expected  # real names have readings


def test_identify_is_the_library_identify(base: str) -> None:
    pairs = [("Kharkiv", "Харків"), ("Kharkov", "Харьков"), ("Myrnohrad", "Мирноград"),
             ("Minsk", "Мінск"), ("Moskva", "Москва")]
    for latin, cyrillic in pairs:
        answer = _ok(base, "/api/identify", {"latin": latin, "cyrillic": cyrillic})
        assert answer["systems"] == translit.identify(latin, cyrillic) != []
    for latin in LATIN:
        assert _ok(base, "/api/identify", {"latin": latin})["systems"] == translit.identify(latin)


def test_key_and_group_are_the_library_key_and_group(base: str) -> None:
    names = [*LATIN, *CYRILLIC, "Kharkiv", "Charkiw", "Khar'kov", "Харьков", "Myrnohrad"]
    for name in names:
        assert _ok(base, "/api/key", {"name": name})["key"] == translit.key(name)
    for by in ("key", "same_name"):
        request: dict[str, object] = {"names": names} if by == "key" else {"names": names, "by": by}
        groups = _ok(base, "/api/group", request)["groups"]
        assert groups == [{"key": g.key, "representative": g.representative, "names": list(g.names),
                           "indices": list(g.indices),
                           "merges": [{"first": m.first, "second": m.second, "reason": m.reason}
                                      for m in g.merges]}
                          for g in translit.group(names, by=by)]
        assert any(len(g["names"]) >= 4 for g in groups)  # type: ignore[index, arg-type]  # the Kharkivs
        assert all(len(g["merges"]) == len(g["names"]) - 1 for g in groups)  # type: ignore[index, arg-type]
    status, _answer, _ = post(base, "/api/group", {"names": names, "by": "soundex"})
    assert status == 422
    for name in names:
        assert _ok(base, "/api/block-keys", {"name": name})["block_keys"] == \
            sorted(translit.block_keys(name))
    for a, b in [("Dnipro", "Днепр"), ("Kharkiv", "Kyiv"), ("Vitaly Dainega", "Віталій Дейнега")]:
        assert _ok(base, "/api/same-name", {"a": a, "b": b})["same_name"] == translit.same_name(a, b)
    assert _ok(base, "/api/same-name", {"a": "Zaporozhye", "b": "Запорожье"})["same_name"] is True


def test_lookup_is_made_of_library_calls(base: str) -> None:
    for name in ["Dimitrov", "Krasnoarmeysk", "Харків", "Vitaly Dainega", "Artemivsk"]:
        answer = web.lookup(name)
        assert _ok(base, "/api/lookup", {"name": name}) == json.loads(json.dumps(answer))
        script = translit.detect(name).script
        expected = translit.candidates(name, limit=10) if script != "cyrillic" else []
        assert [r["cyrillic"] for r in answer["readings"]] == [r.cyrillic for r in expected]
        matches = translit.places.lookup(name, limit=8)
        assert [p["latin"] for p in answer["places"]] == [m.place.latin for m in matches]
        for language in answer["romanizations"]:
            rows = [row for use in language["uses"] for row in use["systems"]]
            assert sorted(r["id"] for r in rows) == [s.id for s in translit.systems(language["language"])]
            for row in rows:
                assert row["spelling"] == translit.romanize(language["cyrillic"], row["id"])
    dimitrov = web.lookup("Dimitrov")
    assert dimitrov["places"][0]["latin"] == "Myrnohrad" and dimitrov["places"][0]["via"] == "former"
    assert dimitrov["places"][0]["former"][0]["former"] == "Димитров"
    assert dimitrov["places"][0]["former"][0]["date"] == "2016-05-12"
    ukrainian = next(r for r in dimitrov["romanizations"] if r["language"] == "uk")
    assert ukrainian["cyrillic"] == "Мирноград"  # the place's official name, not a guess
    uses = {use["use"]: [row["id"] for row in use["systems"]] for use in ukrainian["uses"]}
    assert "uk-national" in uses["maps"] and "uk-iso9" in uses["libraries"]
    assert "uk-german" in uses["press"]
    russian = next(r for r in web.lookup("Moskva")["romanizations"] if r["language"] == "ru")
    assert "ru-icao" in {row["id"] for use in russian["uses"] if use["use"] == "passports"
                         for row in use["systems"]}


def test_systems_lists_every_system(base: str) -> None:
    status, answer, _ = get(base, "/api/systems")
    assert status == 200
    assert [s["id"] for s in answer] == [s.id for s in translit.systems()]
    assert {s["use"] for s in answer} == {use for use, _, _ in web.USES}
    assert sum(s["default"] for s in answer) == 3  # one default system per language


def test_the_api_is_described_by_openapi(base: str) -> None:
    status, schema, _ = get(base, "/api/openapi.json")
    assert status == 200
    paths = set(schema["paths"])
    for verb in ("check", "romanize", "cyrillize", "candidates", "identify", "key", "block-keys",
                 "same-name", "group", "lookup"):
        assert f"/api/{verb}" in paths
        assert schema["paths"][f"/api/{verb}"]["post"]["summary"]


# --- errors and limits ------------------------------------------------------------------------------------


def test_errors_are_clear(base: str) -> None:
    status, answer, _ = post(base, "/api/check", {"text": "Kharkov", "target": "uk-nationl"})
    assert status == 400 and "uk-national" in answer["error"]  # the closest id named
    status, answer, _ = post(base, "/api/cyrillize", {"text": "Kharkiv", "system": "uk-national"})
    assert status == 400 and "candidates" in answer["error"]
    status, answer, _ = post(base, "/api/candidates", {"latin": "Kharkov", "language": "pl"})
    assert status == 400 and "unknown language" in answer["error"]
    status, answer, _ = post(base, "/api/key", {"nme": "Kharkov"})
    assert status == 422 and answer["error"] == "name: Field required"
    status, answer, _ = post(base, "/api/key", None, raw=b"{not json")
    assert status == 422 and "JSON" in answer["error"]


def test_request_size_is_limited(base: str) -> None:
    for size in (web.MAX_BODY_BYTES + 1, 3 * web.MAX_BODY_BYTES):  # the client reads the reason
        status, answer, _ = post(base, "/api/check", None, raw=b" " * size)
        assert status == 413 and str(web.MAX_BODY_BYTES) in answer["error"]
    status, answer, _ = post(base, "/api/check", {"text": "a" * (web.MAX_TEXT_CHARS + 1)})
    assert status == 422 and str(web.MAX_TEXT_CHARS) in answer["error"]
    status, answer, _ = post(base, "/api/key", {"name": "a" * (web.MAX_NAME_CHARS + 1)})
    assert status == 422 and str(web.MAX_NAME_CHARS) in answer["error"]
    status, answer, _ = post(base, "/api/group", {"names": ["Kyiv", "a" * (web.MAX_NAME_CHARS + 1)]})
    assert status == 422 and answer["error"].startswith("names[1]")
    status, answer, _ = post(base, "/api/group", {"names": ["Kyiv"] * (web.MAX_NAMES + 1)})
    assert status == 422 and str(web.MAX_NAMES) in answer["error"]
    # the longest text accepted is checked within the time limit
    report = (DATA / "check" / "motivating-en.txt").read_text("utf-8")
    text = report * (web.MAX_TEXT_CHARS // len(report))
    status, answer, _ = post(base, "/api/check", {"text": text})
    copies = web.MAX_TEXT_CHARS // len(report)
    assert status == 200 and len(answer["findings"]) == len(translit.check(report)) * copies


def test_time_is_limited(base: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(web, "TIME_LIMIT_SECONDS", 1e-9)
    status, answer, _ = post(base, "/api/check", {"text": "Kharkov and Kiev. " * 5000})
    assert status == 503 and "longer than" in answer["error"]


def test_only_loopback_host_names_are_answered(base: str) -> None:
    # a page elsewhere cannot reach the server through a name that resolves to 127.0.0.1
    status, _, _ = get(base, "/", headers={"Host": "attacker.example"})
    assert status == 400
    status, _, _ = get(base, "/", headers={"Host": "localhost"})
    assert status == 200
    assert web._hosts_for("0.0.0.0") == ["*"] and "192.0.2.7" in web._hosts_for("192.0.2.7")


def test_the_server_serves_its_own_three_files_and_nothing_else(base: str) -> None:
    for path in ("/", "/app.js", "/style.css"):
        status, body, _ = get(base, path)
        assert status == 200 and body == (STATIC / ("index.html" if path == "/" else path[1:])).read_text("utf-8")
    for path in ("/static/../../pyproject.toml", "/..%2f..%2fpyproject.toml", "/index.html",
                 "/translit/__init__.py", "/etc/passwd"):
        assert get(base, path)[0] == 404


def test_every_response_forbids_inline_script(base: str) -> None:
    for _, _, headers in (get(base, "/"), get(base, "/api/systems"),
                               post(base, "/api/key", {"name": "Kyiv"}), get(base, "/missing")):
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert headers["x-content-type-options"] == "nosniff"


def test_the_page_has_no_inline_script_and_builds_no_markup_from_strings() -> None:
    html = (STATIC / "index.html").read_text("utf-8")
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    assert scripts and all('src="/app.js"' in attrs and not body.strip() for attrs, body in scripts)
    assert not re.search(r"\son\w+\s*=", html)  # no inline event handlers
    assert not re.search(r"(?:src|href)=\"(?:https?:)?//", html)  # nothing from another host
    js = (STATIC / "app.js").read_text("utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                 "new Function", "srcdoc"):
        assert sink not in js.split("\n", 2)[2], sink  # (the opening comment names them)
    css = (STATIC / "style.css").read_text("utf-8")
    assert "url(" not in css and "@import" not in css


# --- the hostile-strings corpus ---------------------------------------------------------------------------


def test_hostile_strings_through_every_endpoint(base: str) -> None:
    assert len(BLNS) > 500
    text = "\n".join(BLNS)
    answer = _ok(base, "/api/check", {"text": text})
    assert answer["findings"] == [f.as_dict() for f in translit.check(text, answer["target"])]  # type: ignore[arg-type]
    for s in BLNS:
        assert _ok(base, "/api/check", {"text": s})["text"] == unicodedata.normalize("NFC", s)
        assert _ok(base, "/api/romanize", {"text": s})["result"] == translit.romanize(s)
        assert _ok(base, "/api/key", {"name": s})["key"] == translit.key(s)
        assert _ok(base, "/api/candidates", {"latin": s, "limit": 3})["readings"] == [
            asdict(r) | {"systems": list(r.systems)} for r in translit.candidates(s, limit=3)]
        assert _ok(base, "/api/lookup", {"name": s})["name"] == unicodedata.normalize("NFC", s.strip())
    groups = _ok(base, "/api/group", {"names": BLNS})["groups"]
    assert sum(len(g["names"]) for g in groups) == len(BLNS)  # type: ignore[union-attr, misc]


@pytest.mark.parametrize("command", [["translit.web"], ["translit", "serve"]])
def test_python_m_translit_web_serves_on_loopback(command: list[str]) -> None:
    import subprocess
    import sys
    import time
    import urllib.request

    from tests.web_server import free_port

    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", *command, "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    assert response.status == 200 and b"translit" in response.read()
                    break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0].decode()
    assert f"http://127.0.0.1:{port}/" in output  # it says where the page is


def test_the_arguments_of_translit_serve() -> None:
    from translit.cli.parser import parse_arguments

    args = parse_arguments(["serve"])
    assert (args.host, args.port) == ("127.0.0.1", 8000)
    args = parse_arguments(["serve", "--host", "::1", "--port", "9000"])
    assert (args.host, args.port) == ("::1", 9000)


def test_translit_serve_refuses_a_port_out_of_range(capsys: pytest.CaptureFixture[str]) -> None:
    from translit.cli import main

    assert main(["serve", "--port", "70000"]) == 2
    assert "--port 70000" in capsys.readouterr().err
