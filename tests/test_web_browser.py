"""translit.web's page in headless Chromium, as a translator uses it: paste the news report, see
the names highlighted with what check() suggests, accept, download the corrected text; the
lookup tab; the hostile-strings corpus stays text; screenshots of the main states.

Needs Debian's chromium and chromium-driver (.ci/run installs them).  Where they are missing
these tests skip, except in CI (TRANSLIT_CI=1), where they fail.

TRANSLIT_SCREENSHOTS=DIR keeps the screenshots in DIR (docs/ holds three of them).
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import time
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import translit
from tests.web_server import running_server

DATA = Path(__file__).parent / "data"
REPORT = (DATA / "check" / "motivating-en.txt").read_text("utf-8")
BLNS: list[str] = json.loads((DATA / "naughty" / "blns" / "blns.json").read_text("utf-8"))
MOTIVATING = ["Krasnoarmeysk", "Покровsk", "Mirnograd", "Dimitrov", "Vitaly Dainega"]

# Every element the page itself makes: markup that came from the input would add others.
PAGE_TAGS = {
    "html", "head", "meta", "title", "link", "script", "body", "a", "header", "h1", "h2", "h3",
    "h4", "p", "div", "button", "main", "section", "form", "label", "span", "textarea", "input",
    "select", "option", "optgroup", "aside", "ol", "ul", "li", "strong", "mark", "dl", "dt", "dd",
    "footer", "table", "thead", "tbody", "tr", "th", "td", "br",
}


def _missing(what: str) -> None:
    if os.environ.get("TRANSLIT_CI"):
        pytest.fail(f"{what} is missing: CI installs chromium and chromium-driver (.ci/run)")
    pytest.skip(f"{what} is missing (apt-get install chromium chromium-driver)")


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with running_server() as url:
        yield url


@pytest.fixture(scope="module")
def downloads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(downloads: Path) -> Iterator[Any]:
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _missing("selenium")
    binary = next(filter(None, map(shutil.which, ("chromium", "chromium-browser"))), None)
    driver_path = shutil.which("chromedriver")
    if binary is None or driver_path is None:
        _missing("chromium" if binary is None else "chromedriver")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,1000", "--lang=en-US", "--force-device-scale-factor=1"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    kept = os.environ.get("TRANSLIT_SCREENSHOTS")
    if kept:
        Path(kept).mkdir(parents=True, exist_ok=True)
        return Path(kept)
    return tmp_path_factory.mktemp("screenshots")


def wait(condition: Callable[[], Any], timeout: float = 60.0) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("the page did not get there in time")
        time.sleep(0.05)


def by(driver: Any, css: str) -> Any:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.CSS_SELECTOR, css)


def all_by(driver: Any, css: str) -> list[Any]:
    from selenium.webdriver.common.by import By

    return list(driver.find_elements(By.CSS_SELECTOR, css))


def open_page(driver: Any, base: str, width: int = 1280, height: int = 1000) -> None:
    driver.set_window_size(width, height)
    driver.get(base + "/")
    wait(lambda: len(all_by(driver, "#target option")) > 1)  # the systems are loaded


def paste(driver: Any, text: str) -> None:
    """Put *text* in the text box as a paste does (send_keys cannot type every code point)."""
    box = by(driver, "#text")
    driver.execute_script(
        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));", box, text)


def check_text(driver: Any, text: str) -> None:
    paste(driver, text)
    by(driver, "#check").click()
    wait(lambda: by(driver, "#results").is_displayed() and "Checking" not in by(driver, "#status").text)


def marks(driver: Any) -> dict[str, Any]:
    return {m.text: m for m in all_by(driver, "#marked mark")}


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", header[16:24])


def corrected(text: str, findings: list[translit.Finding], accepted: Callable[[translit.Finding], bool]) -> str:
    out, at = [], 0
    for f in findings:
        if accepted(f):
            out += [text[at:f.start], f.suggestion]
            at = f.end
    return "".join([*out, text[at:]])


# --- the motivating report ------------------------------------------------------------------------


def test_the_news_report_is_marked_accepted_and_downloaded(
        browser: Any, base: str, downloads: Path, shots: Path) -> None:
    findings = translit.check(REPORT)
    expected = {f.text: f for f in findings}
    open_page(browser, base, height=1400)
    browser.save_screenshot(str(shots / "web-empty.png"))
    check_text(browser, REPORT)
    assert "English (guessed)" in by(browser, "#status").text and "uk-national" in by(browser, "#status").text
    found = marks(browser)
    # every finding, in the text's order (the library lists a name's findings together)
    assert list(found) == list(dict.fromkeys(f.text for f in sorted(findings, key=lambda f: f.start)))
    for text in MOTIVATING:
        f = expected[text]
        mark = found[text]
        assert mark.get_attribute("data-problem") == f.problem
        assert mark.get_attribute("data-suggestion") == f.suggestion
        assert f"p-{f.problem}" in mark.get_attribute("class").split()
        mark.click()
        detail = by(browser, "#detail")
        assert by(browser, "#detail h3").text == f"{f.text} → {f.suggestion}"
        assert by(browser, "#detail .explanation").text == f.explanation
        assert by(browser, "#detail .norm").text.startswith(translit.system("uk-national").name)
        assert ", ".join(f.follows) in detail.text if f.follows else "follows no system" in detail.text
    # the whole text is there, as text, around the marks
    assert by(browser, "#marked").text.split() == REPORT.split()
    # the side panel groups the findings by name, as the command line's report does
    groups: dict[str, list[str]] = {}
    for f in findings:
        groups.setdefault(f.name, []).append(f.text)
    panel = all_by(browser, "#names > li")
    assert [by_li.find_element("css selector", "h3").text for by_li in panel] == list(groups)
    for li, texts in zip(panel, groups.values(), strict=True):
        buttons = li.find_elements("css selector", "button")
        assert [b.find_element("css selector", ".written").text for b in buttons] == texts
    found["Dimitrov"].click()
    browser.execute_script("window.scrollTo(0, 0);")
    browser.save_screenshot(str(shots / "web-check.png"))

    by(browser, "#accept-all").click()
    want = corrected(REPORT, findings, lambda f: True)
    assert by(browser, "#corrected").get_attribute("value") == want
    assert "Myrnohrad" in want and "Vitalii Deineha" in want and "Krasnoarmeysk" not in want
    assert all("accepted" in m.get_attribute("class") for m in all_by(browser, "#marked mark"))
    assert by(browser, "#detail .state").text == "accepted"  # the detail shown follows
    browser.execute_script("window.scrollTo(0, 0);")
    browser.save_screenshot(str(shots / "web-accepted.png"))
    for old in downloads.glob("*"):
        old.unlink()
    by(browser, "#download").click()
    saved = wait(lambda: [p for p in downloads.glob("*.txt")])
    assert [p.name for p in saved] == ["text-corrected.txt"]
    assert wait(lambda: saved[0].read_text("utf-8")) == want


def test_accept_one_ignore_one_accept_a_kind_by_keyboard(browser: Any, base: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    findings = translit.check(REPORT)
    open_page(browser, base)
    check_text(browser, REPORT)

    def press(*keys: str) -> None:
        ActionChains(browser).send_keys(*keys).perform()

    # a mark takes the focus and opens its finding with Enter; Tab reaches Accept
    mark = marks(browser)["Mirnograd"]
    assert mark.get_attribute("tabindex") == "0" and mark.get_attribute("role") == "button"
    mark.send_keys(Keys.ENTER)
    wait(lambda: by(browser, "#detail h3").text == "Mirnograd → Myrnohrad")
    assert browser.switch_to.active_element == by(browser, "#detail")
    press(Keys.TAB)
    assert browser.switch_to.active_element.get_attribute("data-action") == "accept"
    press(Keys.ENTER)
    wait(lambda: "Myrnohrad" in marks(browser))
    # ignore Kharkov
    marks(browser)["Kharkov"].send_keys(Keys.ENTER)
    by(browser, "#detail [data-action=ignore]").send_keys(Keys.ENTER)
    wait(lambda: "ignored" in marks(browser)["Kharkov"].get_attribute("class"))
    # accept every former name at once, from the legend
    by(browser, "#legend [data-accept-kind=former-name]").send_keys(Keys.ENTER)
    accepted = {"Mirnograd"} | {f.text for f in findings if f.problem == "former-name"}
    want = corrected(REPORT, findings, lambda f: f.text in accepted)
    wait(lambda: by(browser, "#corrected").get_attribute("value") == want)
    assert "Kharkov" in want and "Kiev" in want and "Dimitrov" not in want
    # undo everything
    by(browser, "#reset").click()
    assert by(browser, "#corrected").get_attribute("value") == REPORT


def test_the_lookup_tab(browser: Any, base: str, shots: Path) -> None:
    from selenium.webdriver.common.keys import Keys

    open_page(browser, base, height=1400)
    by(browser, "#tab-check").send_keys(Keys.ARROW_RIGHT)  # the tabs follow the arrow keys
    assert by(browser, "#tab-lookup").get_attribute("aria-selected") == "true"
    assert by(browser, "#panel-lookup").is_displayed() and not by(browser, "#panel-check").is_displayed()
    by(browser, "#name").send_keys("Dimitrov", Keys.ENTER)
    wait(lambda: all_by(browser, "#lookup-results table"))
    page = by(browser, "#lookup-results").text
    readings = translit.candidates("Dimitrov", limit=10)
    first_row = all_by(browser, "#lookup-results table")[0].find_elements("css selector", "tbody tr")[0]
    assert first_row.find_elements("css selector", "td")[0].text == readings[0].cyrillic
    place = translit.places.lookup("Dimitrov")[0]
    assert place.place.latin == "Myrnohrad" and f"former name {place.name}" in page
    assert "Myrnohrad: Димитров → Мирноград, 2016-05-12: Verkhovna Rada" in page  # with the act
    for s in translit.systems("uk"):
        assert f"{s.name} ({s.id})" in page
    assert translit.romanize("Мирноград", "uk-dstu-9112-a") in page
    for heading in ("passports and documents", "maps and geographic names", "libraries and scholarship",
                    "press and other uses"):
        assert heading in page
    browser.save_screenshot(str(shots / "web-lookup.png"))


def test_a_narrow_screen(browser: Any, base: str, shots: Path) -> None:
    open_page(browser, base, width=400, height=1400)
    check_text(browser, REPORT)
    width = browser.execute_script("return document.documentElement.clientWidth")
    scroll = browser.execute_script("return document.documentElement.scrollWidth")
    assert scroll <= width  # nothing wider than the screen
    text_column = by(browser, ".text-column").rect
    side = by(browser, ".side").rect
    assert side["y"] >= text_column["y"] + text_column["height"] - 1  # the panel goes below the text
    marks(browser)["Vitaly Dainega"].click()
    browser.save_screenshot(str(shots / "web-narrow.png"))


def test_the_screenshots_show_the_main_states(shots: Path) -> None:
    names = ["web-empty.png", "web-check.png", "web-accepted.png", "web-lookup.png", "web-narrow.png"]
    sizes = {name: png_size(shots / name) for name in names}
    assert all(w > 0 and h > 0 for w, h in sizes.values())
    assert sizes["web-narrow.png"][0] < sizes["web-check.png"][0]
    assert len({(shots / name).read_bytes() for name in names}) == len(names)  # five states, five pictures


# --- hostile strings --------------------------------------------------------------------------------------


def _page_tags(driver: Any) -> set[str]:
    return set(driver.execute_script(
        "return Array.from(document.querySelectorAll('*'), e => e.tagName.toLowerCase());"))


def _handlers(driver: Any) -> list[str]:
    return list(driver.execute_script(
        "return Array.from(document.querySelectorAll('*')).flatMap(e => Array.from(e.attributes)"
        ".filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name));"))


def test_hostile_strings_stay_text(browser: Any, base: str) -> None:
    open_page(browser, base)
    browser.execute_script("window.__pwned = false; window.alert = window.prompt = window.confirm ="
                           " () => { window.__pwned = true; };")
    names = "\n".join(["Kharkov", *BLNS, "Mirnograd<script>alert(1)</script>", "<b>Kiev</b>"])
    check_text(browser, names)
    scripts = browser.execute_script("return Array.from(document.scripts, s => s.src);")
    assert scripts == [base + "/app.js"]
    assert _page_tags(browser) <= PAGE_TAGS and not _handlers(browser)
    assert {m.tag_name for m in all_by(browser, "#marked *")} <= {"mark"}
    # the text shown is the text pasted, character for character
    shown = browser.execute_script("return document.getElementById('marked').textContent;")
    pasted = browser.execute_script("return document.getElementById('text').value;")
    assert shown == unicodedata.normalize("NFC", pasted)
    assert {"Kharkov", "Mirnograd", "Kiev"} <= set(marks(browser))
    by(browser, "#accept-all").click()
    value = by(browser, "#corrected").get_attribute("value")
    assert "Myrnohrad<script>alert(1)</script>" in value and "<b>Kyiv</b>" in value
    # the lookup tab echoes the name typed: each string with markup goes through it
    by(browser, "#tab-lookup").click()
    hostile = [s for s in BLNS if "<" in s or "javascript" in s.lower()]
    assert len(hostile) > 100
    for s in hostile:
        browser.execute_script("document.getElementById('lookup-status').textContent = '';"
                               "document.getElementById('name').value = arguments[0];", s)
        by(browser, "#lookup-form button").click()
        status = wait(lambda: (t := by(browser, "#lookup-status").text) != "Looking it up…" and t)
        assert "Could not" not in status or not s.strip(), status
    assert _page_tags(browser) <= PAGE_TAGS and not _handlers(browser)
    assert browser.execute_script("return window.__pwned;") is False
    assert browser.execute_script("return Array.from(document.scripts, s => s.src);") == [base + "/app.js"]


def test_a_text_file_is_opened_and_its_corrected_copy_named_after_it(
        browser: Any, base: str, downloads: Path, tmp_path: Path) -> None:
    source = tmp_path / "report.txt"
    source.write_text(REPORT, "utf-8")
    open_page(browser, base)
    by(browser, "#file").send_keys(str(source))  # the page reads it; the server never sees a path
    wait(lambda: by(browser, "#text").get_attribute("value") == REPORT)
    assert by(browser, "#status").text == "Opened report.txt."
    by(browser, "#check").click()
    wait(lambda: all_by(browser, "#marked mark"))
    by(browser, "#legend [data-accept-kind=russian-based]").click()
    for old in downloads.glob("*"):
        old.unlink()
    by(browser, "#download").click()
    saved = wait(lambda: list(downloads.glob("*.txt")))
    assert [p.name for p in saved] == ["report-corrected.txt"]
    findings = translit.check(REPORT)
    want = corrected(REPORT, findings, lambda f: f.problem == "russian-based")
    assert wait(lambda: saved[0].read_text("utf-8")) == want
    assert "Kharkiv" in want and "Krasnoarmeysk" in want  # former names left as they were
