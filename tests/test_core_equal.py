"""The compiled core (translit._core) and the pure-Python engine are equal, as a law.

Both engines are built in this one process, for every system, forward and (for reversible
systems) backward, and compared on generated strings: Cyrillic of the three alphabets, Latin
with the tables' own output letters, apostrophe look-alikes, ALL CAPS, combining marks, lone
surrogates, the characters re's IGNORECASE treats specially (ı İ ſ K ι), arbitrary code points,
long texts, and the hostile sweep's strings (benchmarks/sweep.py).  No environment variable is
needed: the tests skip, saying why, only where the extension is not built.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translit import core
from translit.engine import Converter, invert
from translit.memo import clear_all
from translit.tables import load_table, system_ids

from .strategies import CYRILLIC, RICH, hostile_text

#: TRANSLIT_REQUIRE_CORE=1 (CI, wheels): a missing extension fails these tests, never skips them.
REQUIRED = os.environ.get("TRANSLIT_REQUIRE_CORE", "") not in ("", "0")
needs_core = pytest.mark.skipif(
    core.compiled is None and not REQUIRED,
    reason="the compiled core (translit._core) is not built: pip install . with a C compiler",
)

IDS = system_ids()
REVERSIBLE = [i for i in IDS if load_table(i).reversible]
# What re's IGNORECASE matches beyond simple case (ı ſ for i s, İ lowercasing to i, the
# Kelvin sign, the iota that the combining-mark range catches) and edge-test characters.
TRICKY = "ıİſKKιΙͅιµμ_0٣²\u0301\u0345\u0483ʼ'’`´·ʹʺ\n"


@cache
def engines(table_id: str, forward: bool) -> tuple[Converter, Converter]:
    table = load_table(table_id)
    if forward:
        rules, source, casing = table.rules, True, table.casing
    else:
        rules, source, casing = invert(table), False, "default"
    return (Converter(rules, source, casing, engine="pure"),
            Converter(rules, source, casing, engine="compiled"))


@cache
def latin_letters(table_id: str) -> str:
    """The letters a table writes (its reverse source), lower and upper."""
    table = load_table(table_id)
    letters = {c for contexts in table.rules.values() for ctx in contexts for c in ctx.to}
    letters |= {c for key in table.reverse for c in key}
    return "".join(sorted(letters | {c.upper() for c in letters}))


@cache
def pieces(table_id: str, forward: bool) -> list[str]:
    """The keys of a direction's rows in three cases, their context letters, and the tricky
    characters: texts made of them meet every row, context and case rule."""
    table = load_table(table_id)
    rules = table.rules if forward else invert(table)
    keys = set(rules)
    for contexts in rules.values():
        for ctx in contexts:
            keys |= (ctx.after or set()) | (ctx.before or set())
    keys.discard("")
    out = {variant for key in keys for variant in (key, key.upper(), key.title())}
    return sorted(out) + list(TRICKY + " -.")


def _equal(pure: Converter, compiled: Converter, texts: list[str], every: int = 1) -> None:
    """Both engines agree on each text (every *every*-th one alone) and on the batch."""
    for text in texts[::every]:
        assert compiled(text) == pure(text), text
    assert compiled.many(texts) == pure.many(texts)


cyrillic_text = st.one_of(
    st.text(alphabet=st.sampled_from(CYRILLIC + " ʼ'’-"), max_size=30),
    st.text(alphabet=st.sampled_from(CYRILLIC + TRICKY + " .-"), max_size=30),
    st.text(alphabet=st.sampled_from(CYRILLIC + " ʼ'"), max_size=30).map(str.upper),
    st.text(alphabet=st.sampled_from(RICH + TRICKY), max_size=40),
    hostile_text,
)


def of_pieces(table_id: str, forward: bool) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces(table_id, forward)), max_size=12).map("".join)


@needs_core
@pytest.mark.parametrize("table_id", IDS)
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_forward_equal(table_id: str, data: st.DataObject) -> None:
    text = st.one_of(cyrillic_text, of_pieces(table_id, True), of_pieces(table_id, True).map(str.upper))
    _equal(*engines(table_id, True), data.draw(st.lists(text, min_size=1, max_size=6)))


@needs_core
@pytest.mark.parametrize("table_id", REVERSIBLE)
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_backward_equal(table_id: str, data: st.DataObject) -> None:
    letters = latin_letters(table_id)
    text = st.one_of(
        st.text(alphabet=st.sampled_from(letters + " '-"), max_size=30),
        st.text(alphabet=st.sampled_from(letters + TRICKY + " .-"), max_size=30),
        st.text(alphabet=st.sampled_from(letters + " "), max_size=30).map(str.upper),
        st.text(alphabet=st.sampled_from(letters + RICH + TRICKY), max_size=40),
        hostile_text,
        of_pieces(table_id, False),
        of_pieces(table_id, False).map(str.upper),
    )
    _equal(*engines(table_id, False), data.draw(st.lists(text, min_size=1, max_size=6)))


@needs_core
@pytest.mark.parametrize("table_id", IDS)
def test_romanized_names_read_back_equal(table_id: str) -> None:
    """Real romanizations (the table's own examples, in three cases) through both engines."""
    table = load_table(table_id)
    sources = [s for s in table.examples] + [s.upper() for s in table.examples]
    _equal(*engines(table_id, True), sources)
    if table.reversible:
        pure, _ = engines(table_id, True)
        latin = [pure(s) for s in sources] + [*table.reverse_examples]
        _equal(*engines(table_id, False), latin)


@needs_core
@pytest.mark.parametrize("forward", [True, False], ids=["forward", "backward"])
def test_rows_beside_every_tricky_character(forward: bool) -> None:
    """Every row's key, in three cases, with each tricky character (and a letter, a space)
    just before and just after it: every context and edge test meets them all."""
    around = [*TRICKY, "", " ", "а", "a", "Я", "Z"]
    few = ["", " ", "Z", "ι", "\u0301"]
    for table_id in IDS if forward else REVERSIBLE:
        keys = [p for p in pieces(table_id, forward) if p not in TRICKY]
        texts = [a + k + b for k in keys for a in few for b in around]
        texts += [a + k + b for k in keys for a in around for b in few]
        _equal(*engines(table_id, forward), texts, every=7)
    clear_all()


@needs_core
def test_long_texts_equal() -> None:
    """10^6 code points of mixed text in the default systems and a backward one."""
    rng = random.Random(16)
    alphabet = CYRILLIC * 4 + RICH + TRICKY + "      "
    text = "".join(rng.choice(alphabet) for _ in range(1_000_000))
    for table_id in ("uk-national", "ru-bgn-pcgn", "be-national"):
        pure, compiled = engines(table_id, True)
        assert compiled(text) == pure(text)
    latin = engines("ru-iso9", True)[0](text[:200_000])
    pure, compiled = engines("ru-iso9", False)
    assert compiled(latin) == pure(latin)


@needs_core
def test_sweep_strings_equal() -> None:
    """The hostile sweep's random strings (benchmarks/sweep.py) through every system."""
    bench = Path(__file__).resolve().parent.parent / "benchmarks"
    if not (bench / "sweep.py").is_file():
        pytest.skip("benchmarks/sweep.py is not in this tree (an installed package)")
    sys.path.insert(0, str(bench))
    try:
        import sweep
    finally:
        sys.path.remove(str(bench))
    strings = list(sweep.random_strings(sweep.SEED, 2_000))
    for table_id in IDS:
        _equal(*engines(table_id, True), strings)
    for table_id in REVERSIBLE:
        _equal(*engines(table_id, False), strings)


@needs_core
def test_every_code_point_equal() -> None:
    """Every code point alone and between letters, in a forward and a backward system, so that
    each character test of the machine meets every character once."""
    points = [chr(c) for c in range(0x110000)]
    for table_id, forward, left, right in (("uk-national", True, "Щ", "я"),
                                           ("ru-iso9", True, "з", "г"),
                                           ("ru-iso9", False, "s", "h")):
        pure, compiled = engines(table_id, forward)
        for start in range(0, len(points), 4096):
            chunk = points[start:start + 4096]
            texts = [left + c + right for c in chunk] + ["".join(chunk)]
            assert compiled.many(texts) == pure.many(texts), hex(start)
        clear_all()


def test_engine_is_told() -> None:
    """translit.core says which engine runs, and a Converter uses it by default (TRANSLIT_PURE
    set: pure; else compiled where built, which TRANSLIT_REQUIRE_CORE=1 demands)."""
    if REQUIRED:
        assert core.compiled is not None, "TRANSLIT_REQUIRE_CORE is set but translit._core is not built"
    assert core.ENGINE in ("compiled", "pure")
    if core.FORCED_PURE or not core.AVAILABLE:
        assert core.ENGINE == "pure"
    table = load_table("uk-national")
    converter = Converter(table.rules, True)
    assert converter.engine == core.ENGINE
    assert (converter.mixed.machine is not None) == (core.ENGINE == "compiled")
    forced = subprocess.run([sys.executable, "-c", "import translit.core as c; print(c.ENGINE)"],
                            capture_output=True, text=True, check=True,
                            env={**os.environ, "TRANSLIT_PURE": "1"})
    assert forced.stdout.strip() == "pure"
