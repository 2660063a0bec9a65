"""same_name() and group(by="same_name") on real data (the gazetteer's official Russian forms
of Ukrainian settlements, KOATUU 2019, shipped in translit/data/places), and their laws."""

from __future__ import annotations

import random
import re
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from unidecode import unidecode

import translit
from tests.strategies import hostile_text, name
from translit import blocking, normalize, places
from translit.batch import is_placeholder
from translit.blocking import _name_blocks, close_spelling


@cache
def _official() -> frozenset[tuple[str, str]]:
    """KOATUU's (Ukrainian name, official Russian form) pairs of settlements of Ukraine."""
    return frozenset((r.uk, r.ru) for r in places.russian_forms())


def _listed(*pairs: tuple[str, str]) -> None:
    missing = [p for p in pairs if p not in _official()]
    assert not missing, f"not in the gazetteer's official Russian forms: {missing}"


# --- official pairs: joined, and kept apart from the other names their key joins ------------

# (Ukrainian, Russian) official pairs of two places each whose four names share one key: each
# pair is one name, the crossed pairs are two (the vowels differ as no ru/uk form does)
CROSSED = [
    # о and е in a closed syllable: Ukrainian і stands for both, so Рівне joins either form
    (("Ревне", "Ревное"), ("Рівне", "Ровное")),
]
# consonants the key reads alike, written apart in Cyrillic (г / х)
CONSONANTS = [("Галій", "Халій"), ("Головин", "Халявин")]


@pytest.mark.parametrize(("one", "other"), CROSSED)
def test_official_pairs_are_one_name_and_crossed_ones_two(one: tuple[str, str],
                                                         other: tuple[str, str]) -> None:
    _listed(one, other)
    names = [*one, *other]
    assert len({translit.key(n) for n in names}) == 1  # the key cannot tell them apart
    assert translit.same_name(*one) and translit.same_name(*other)
    assert not translit.same_name(one[1], other[1])  # Ревное / Ровное
    assert not translit.same_name(one[0], other[1])  # Ревне / Ровное


def test_consonants_the_key_folds_stay_apart_in_cyrillic() -> None:
    from translit.places import load

    known = {p.name for p in load() if p.name}
    for a, b in CONSONANTS:
        assert translit.key(a) == translit.key(b)
        assert not translit.same_name(a, b) and not translit.same_name(b, a)
    # both spellings of the second pair are settlements of Ukraine (KATOTTH)
    assert {"Головин", "Халявин"} <= known


def test_same_name_takes_the_official_russian_forms() -> None:
    """Of KOATUU's official pairs with equal keys, same_name takes nearly all (measured: 16,544
    of 16,554; what it loses are е / о word-initially, Оленівка / Еленовка, and о / е in a
    closed syllable where Russian writes ё as е, Монастирок / Монастырек)."""
    equal = [(u, r) for u, r in sorted(_official()) if translit.key(u) == translit.key(r)]
    taken = sum(translit.same_name(u, r) for u, r in equal)
    assert len(equal) > 15_000
    assert taken / len(equal) >= 0.995, f"{taken}/{len(equal)}"
    # the Russian а for an unstressed о is one name's forms (Козак / Казак)
    _listed(("Козак", "Казак"), ("Багате", "Богатое"), ("Словʼянськ", "Славянск"))
    assert translit.same_name("Козак", "Казак") and translit.same_name("Багате", "Богатое")
    assert translit.same_name("Словʼянськ", "Славянск")


def test_same_name_keeps_apart_key_equal_names_of_other_official_pairs() -> None:
    """A Ukrainian name and the official Russian form of another name with the same key, no
    official pair tying them (not through a form either shares): the key joins every such
    pair, same_name keeps a quarter of them apart (measured 324 of 1,291; at a4e8b0d none)."""
    crossed = _crossed_official_pairs()
    apart = sum(not translit.same_name(u, r) for u, r in crossed)
    assert len(crossed) > 1_000
    assert apart / len(crossed) >= 0.22, f"{apart}/{len(crossed)}"


# --- readings: Belarusian аканне, the plural adjective, ё against і ---------------------------

def _names_of_one_place(*pairs: tuple[str, str]) -> None:
    """Each pair: two names of one settlement of the gazetteer (translit/data/places)."""
    ids: dict[str, set[int]] = defaultdict(set)
    for p in places.load().places:
        for n in (p.name, *p.names):
            ids[n].add(p.id)
    missing = [pair for pair in pairs if not ids[pair[0]] & ids[pair[1]]]
    assert not missing, f"not names of one place in the gazetteer: {missing}"


def test_same_name_takes_the_belarusian_and_russian_names_of_a_belarusian_place() -> None:
    """The gazetteer's settlements of Belarus: the official (Belarusian) name and each Cyrillic
    name of that place in Russian letters (и щ ъ) that block_keys blocks with it.  same_name
    takes 138 of 156 (at 5cff7f3, before аканне, ў for л and дз before a consonant were read
    back: 112 of 153); what it leaves are Belarusian words with і alone, which Ukrainian also
    writes (Свіслач / Свислоч, Іванава / Иваново), and words with no Belarusian letter at all
    (Лёзна / Лиозно)."""
    russian = re.compile("[ищъ]")
    pairs = []
    for p in places.load().places:
        if p.country != "BY" or not p.name:
            continue
        loose = _name_blocks(p.name)[1]
        for other in p.names:
            if (other != p.name and russian.search(other.lower())
                    and _CYRILLIC_NAME.fullmatch(other) and loose & _name_blocks(other)[1]):
                pairs.append((p.name, other))
    taken = sum(translit.same_name(a, b) for a, b in pairs)
    assert len(pairs) > 140
    assert taken / len(pairs) >= 0.85, f"{taken}/{len(pairs)}"
    _names_of_one_place(("Ваўкавыск", "Волковыск"), ("Маладзечна", "Молодечно"),
                        ("Слаўгарад", "Славгород"), ("Чарнаўчыцы", "Чернавчицы"),
                        ("Vawkavysk", "Volkovysk"), ("Старыя Дарогі", "Старые Дороги"))
    for a, b in [("Ваўкавыск", "Волковыск"), ("Маладзечна", "Молодечно"),  # ў for л; -а for -о
                 ("Слаўгарад", "Славгород"),  # the last syllable's а as о, a stressed а kept
                 ("Чарнаўчыцы", "Чернавчицы"),  # а after a hardened ч as е, the other а kept
                 ("Vawkavysk", "Volkovysk"),  # BGN/PCGN's w for ў
                 ("Старыя Дарогі", "Старые Дороги")]:  # the plural -ыя
        assert translit.same_name(a, b), (a, b)
        assert _name_blocks(a)[0] & _name_blocks(b)[0], (a, b)


_CYRILLIC_NAME = re.compile(r"[а-яёіўʼ'’\- ]+", re.IGNORECASE)


def test_ukrainian_words_with_i_alone_get_no_akanne() -> None:
    """Ukrainian writes і too, and its а is not о nor its -на -но: the official Russian forms
    of these Ukrainian settlements are two names each (KOATUU), and so are they."""
    official = {("Рівна", "Ровная"), ("Рівне", "Ровное"), ("Мальці", "Мальцы"),
                ("Мильці", "Мыльцы"), ("Мовчанів", "Молчанов"), ("Мовчинів", "Мовчинов")}
    _listed(*official)
    for a, b in [("Рівна", "Рівне"), ("Мальці", "Мильці"), ("Мовчанів", "Мовчинів")]:
        assert not translit.same_name(a, b), (a, b)


def test_same_name_takes_the_plural_adjectives_of_official_pairs() -> None:
    """KOATUU's official pairs of two or more words with a Ukrainian plural adjective in -і and
    a Russian one in -ие or -ые (Великі Луки / Великие Луки): the key writes the Russian ending
    as a neuter's, the Ukrainian one as -ий; block_keys reads the Russian one as -і too.  Taken:
    301 of 339 (at 5cff7f3: none)."""
    pairs = [(u, r) for u, r in sorted(_official())
             if len(u.split()) == len(r.split()) > 1
             and any(w.endswith("і") for w in u.split())
             and any(w.endswith(("ие", "ые")) for w in r.split())]
    taken = sum(translit.same_name(u, r) for u, r in pairs)
    assert len(pairs) > 300
    assert taken / len(pairs) >= 0.85, f"{taken}/{len(pairs)}"
    # a Russian noun's -ье is no plural (Подлесье, Заречье: a neuter's ending)
    assert not translit.same_name("Подлесье", "Подлесы")


# --- г and х between a Latin and a Cyrillic spelling -----------------------------------------

def _names_of_two_places(*pairs: tuple[str, str]) -> None:
    """Each pair: names of settlements of the gazetteer, no settlement named both."""
    ids: dict[str, set[int]] = defaultdict(set)
    for p in places.load().places:
        for n in (p.name, *p.names):
            ids[n].add(p.id)
    wrong = [pair for pair in pairs if not ids[pair[0]] or not ids[pair[1]]
             or ids[pair[0]] & ids[pair[1]]]
    assert not wrong, f"not names of two places in the gazetteer: {wrong}"


def test_a_latin_spelling_keeps_g_and_kh_apart_from_cyrillic_kh_and_g() -> None:
    """Of the gazetteer's pairs of a place's own (Cyrillic) name and its Latin names that
    same_name takes without the г / х check, the check keeps all but 13 of 21,845 (a word's
    first kh for a Ukrainian г in some sources: Khliboka for Глибока, Kholoby for Голоби; a
    Russian form's г, Paleg for Палех; Spanish and French j for г: Avanjard); and it tells apart the names of two places
    that the key and a convention's reading (Czech ch, х) join."""
    before, kept = _kept_of_the_latin_names("_velars_agree")
    assert len(before) > 20_000
    assert kept / len(before) >= 0.998, f"{kept}/{len(before)}"
    apart = [("Khaljavin", "Головин"), ("Chromowe", "Громове"),
             ("Degtyari", "Дехтярі")]
    _names_of_two_places(*apart)
    for a, b in apart:
        assert _taken_without_the_velar_check(a, b), (a, b)
        assert not translit.same_name(a, b), (a, b)
    one = [("Charkiw", "Харків"), ("Chernigov", "Чернигов"), ("Bugskoe", "Бузьке")]
    _names_of_one_place(*one)
    for a, b in one:
        assert translit.same_name(a, b), (a, b)


def _kept_of_the_latin_names(check: str) -> tuple[list[tuple[str, str]], int]:
    """The gazetteer's pairs of a place's own (Cyrillic) name and its Latin names that
    same_name takes without one of its checks, and how many of them it takes with it."""
    latin = re.compile(r"[a-z'’\- ]+", re.IGNORECASE)
    pairs = sorted({(p.name, o) for p in places.load().places if p.name
                    for o in p.names if latin.fullmatch(o)})
    before = [pair for pair in pairs if _taken_without(check, *pair)]
    return before, sum(translit.same_name(a, b) for a, b in before)


def _taken_without(check: str, a: str, b: str) -> bool:
    """same_name(a, b) with one of its checks (blocking._velars_agree …) taking every pair."""
    kept = getattr(blocking, check)
    try:
        setattr(blocking, check, lambda a, b: True)
        return translit.same_name(a, b)
    finally:
        setattr(blocking, check, kept)


def _taken_without_the_velar_check(a: str, b: str) -> bool:
    return _taken_without("_velars_agree", a, b)


def _taken_without_the_glide_check(a: str, b: str) -> bool:
    return _taken_without("_glides_agree", a, b)


def _taken_without_the_hard_i(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The pairs same_name takes with Cyrillic и and ы read as any I (blocking._hard_i_letters off)."""
    kept = blocking._hard_i_letters
    memos = (blocking._compared_memo, blocking._words_memo)
    try:
        blocking._hard_i_letters = lambda word: None
        for memo in memos:
            memo.clear()
        return [pair for pair in pairs if translit.same_name(*pair)]
    finally:
        blocking._hard_i_letters = kept
        for memo in memos:
            memo.clear()


def _crossed_official_pairs() -> set[tuple[str, str]]:
    """A Ukrainian name and the official Russian form of another name with the same key, no
    official pair tying them (not through a form either shares)."""
    ru_of: dict[str, set[str]] = defaultdict(set)
    uk_of: dict[str, set[str]] = defaultdict(set)
    by_key: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for u, r in _official():
        ru_of[u].add(r)
        uk_of[r].add(u)
        by_key[translit.key(u)].append((u, r))
    return {(u1, r2) for k, pairs in by_key.items() for u1, r1 in pairs for u2, r2 in pairs
            if not (u1 == u2 or r1 == r2 or r2 in ru_of[u1] or translit.key(r2) != k
                    or ru_of[u1] & ru_of[u2] or uk_of[r1] & uk_of[r2])}


def test_cyrillic_i_and_y_are_no_o_or_e_in_a_closed_syllable() -> None:
    """Ukrainian і stands for о and е in a closed syllable (Харків / Харьков); Cyrillic и and ы
    there are a vowel of their own but after ж ч ш щ, and so is a Latin y against a Cyrillic
    word; between two Cyrillic words и and ы are no е of an open syllable either
    (blocking._hard_i_letters).  On KOATUU's official pairs: of the key-equal pairs same_name takes
    without the rule, it keeps all but 11 of 17,275 (Бендюга / Биндюга, Гримуче / Гремучее:
    Ukrainian и for Russian е), and of the crossed pairs of two names it takes without it, it
    keeps 239 of 833 apart (Бичківці / Бочковцы, Видне / Водное, Билка / Белка)."""
    equal = [(u, r) for u, r in sorted(_official()) if translit.key(u) == translit.key(r)]
    before = _taken_without_the_hard_i(equal)
    kept = sum(translit.same_name(u, r) for u, r in before)
    assert len(before) > 17_000
    assert len(before) - kept <= 15, f"{kept}/{len(before)}"
    crossed = _taken_without_the_hard_i(sorted(_crossed_official_pairs()))
    apart = sum(not translit.same_name(u, r) for u, r in crossed)
    assert len(crossed) > 800
    assert apart / len(crossed) >= 0.15, f"{apart}/{len(crossed)}"
    _listed(("Бичківці", "Бычковцы"), ("Бочківці", "Бочковцы"), ("Видне", "Видное"),
            ("Водне", "Водное"))
    for a, b in [("Бичківці", "Бочковцы"), ("Видне", "Водное"), ("Водне", "Видное")]:
        assert _taken_without_the_hard_i([(a, b)]) == [(a, b)], (a, b)  # the rule's doing
        assert not translit.same_name(a, b), (a, b)
    # names of two places of the gazetteer; two people of names_translator's surnames
    _listed(("Билка", "Билка"), ("Білка", "Белка"))  # Билка: another place
    _names_of_two_places(("Совки", "Сивки"), ("Бичківці", "Бочківці"), ("Дівички", "Дівочки"))
    for a, b in [("Совки", "Сивки"), ("Бичківці", "Бочківці"), ("Дівички", "Дівочки"),
                 ("Скорська", "Скирська"), ("Билка", "Белка")]:
        assert translit.key(a) == translit.key(b) and not translit.same_name(a, b), (a, b)
    # one name: і for о, и for і, an open syllable's и for е, и for е after ж ч ш щ
    for a, b in [("Харків", "Харьков"), ("Милове", "Мілове"), ("Нічепорук", "Нечипорук"),
                 ("Щиглі", "Щеглы"), ("Ладижинка", "Ладыженка"), ("Ladyzhynka", "Ладыженка")]:
        assert translit.same_name(a, b), (a, b)
    # a Latin y against a Cyrillic о or е (the gazetteer's Latin name of Білицьке against
    # another place), not against another Latin spelling's (Kharkyv: the writer's, not a system's)
    _names_of_two_places(("Білицьке", "Білецьке"))
    assert translit.same_name("Bilytske", "Білицьке")
    assert not translit.same_name("Bilytske", "Білецьке")
    assert translit.same_name("Kharkyv", "Kharkov") and translit.same_name("Kharkyv", "Харків")


def test_vowel_runs_in_another_place_or_of_another_length_are_compared() -> None:
    """A run closed by a doubled or soft consonant in one spelling only (Одеса / Одесса, Зоря
    / Зера) takes the alternations of either place, and a run of one vowel against one of two
    agrees only where its vowel agrees with one of them (Андреевка / Андрівка; Kireevsk /
    Kirovsk: ее against о).  Both were left to the key before; measured on bench_key.py's
    blocked pairs: 156 pairs of two names fewer, 9 of one name.  On KOATUU's official pairs
    with equal keys, same_name still takes all but 24 of 17,286 (one lost by these rules:
    Листвинне / Лиственное; and by the word-initial glide, Явдотівка / Авдотьевка)."""
    equal = [(u, r) for u, r in sorted(_official()) if translit.key(u) == translit.key(r)]
    taken = sum(translit.same_name(u, r) for u, r in equal)
    assert len(equal) > 17_000
    assert len(equal) - taken <= 25, f"{taken}/{len(equal)}"
    apart = [("Молниця", "Мельниця"), ("Kirovsk", "Kireevsk")]
    _names_of_two_places(*apart)
    for a, b in apart:
        assert translit.key(a) == translit.key(b), (a, b)
        assert _taken_without("_vowels_agree", a, b), (a, b)  # the vowels' doing
        assert not translit.same_name(a, b), (a, b)
    assert not translit.same_name("Зоря", "Зера")  # о of a closed syllable, е of an open one
    for a, b in [("Андріївка", "Андреевка"), ("Одеса", "Одесса"), ("Андреевка", "Андрівка"),
                 ("Alekseevka", "Oleksiyvka"), ("Zlatoust", "Златоуст")]:
        assert translit.same_name(a, b), (a, b)


def test_an_ending_of_a_vowel_and_a_glide_is_no_adjectives_ending_but_its_forms() -> None:
    """-ей and -уй (Latin -ey -ui …) are no -ий -ый (Latin -y), but -ей is Ukrainian -ій and
    -ой the Russian adjective's -ий (blocking._endings_agree).  Measured on bench_key.py's
    blocked pairs: 151 pairs of two names fewer, 48 of one name; bench_persons.py: 66 of two
    people fewer (Дорофей / Дорофий), none of one."""
    apart = [("Терней", "Терни"), ("Кадуй", "Кадый"), ("Пелепей", "Пилипи")]
    _names_of_two_places(*apart)
    for a, b in [*apart, ("Terney", "Терны"), ("Kaduy", "Kadyy"), ("Budei", "Boudy")]:
        assert translit.key(a) == translit.key(b), (a, b)
        assert _taken_without("_vowels_agree", a, b), (a, b)  # the ending's doing
        assert not translit.same_name(a, b), (a, b)
    for a, b in [("Крутой", "Крутий"), ("Lesnoy", "Лісний"), ("Терней", "Тернії"),
                 ("Terney", "Терней"), ("Kaduj", "Кадуй"), ("Čerkasai", "Черкаси")]:
        assert translit.same_name(a, b), (a, b)


def test_between_two_ukrainian_spellings_a_and_o_of_an_open_syllable_are_two_names() -> None:
    """Ukrainian has no аканне: between two words of Ukrainian letters (blocking._letters_kind:
    і ї є ґ, none of ы э ё ъ ў дз, no final -ск -цк) а and о of an open syllable are two names,
    while a Russian or Belarusian spelling's а for о is one name's (Кропивна / Крапивна,
    Клімавічы / Климовичі).  Measured on bench_key.py's blocked pairs: 48 pairs of two names
    fewer, 10 of one (Belarusian names in Ukrainian letters: Златапіль / Златопіль); of
    bench_persons.py's, 18 of two people fewer (Карабліна / Корабліна), none of one."""
    _names_of_two_places(("Талаківка", "Толоківка"))
    for a, b in [("Талаківка", "Толоківка"), ("Громівка", "Грамівка"), ("Сазонівка", "Созонівка")]:
        assert translit.key(a) == translit.key(b), (a, b)
        assert _taken_without("_vowels_agree", a, b), (a, b)
        assert not translit.same_name(a, b), (a, b)
    for a, b in [("Кропивна", "Крапивна"), ("Клімавічы", "Климовичі"), ("Козацьке", "Казацкое"),
                 ("Салігорск", "Солігорськ"), ("Святагірск", "Святогірськ")]:
        assert translit.same_name(a, b), (a, b)


def test_two_cyrillic_spellings_write_a_glide_as_one_names_forms_do() -> None:
    """The glide check (blocking._glides_agree) on KOATUU's official pairs: of the key-equal
    pairs same_name takes without it, it keeps all but 1 of 17,265 (Климентіївка /
    Климентовка), and of the crossed pairs of two names it takes without it, it keeps 156 of
    750 apart (Біліївка / Беловка, Розаліївка / Розалевка, Лукіївка / Луковка)."""
    equal = [(u, r) for u, r in sorted(_official()) if translit.key(u) == translit.key(r)]
    before = [pair for pair in equal if _taken_without_the_glide_check(*pair)]
    kept = sum(translit.same_name(u, r) for u, r in before)
    assert len(before) > 17_000
    assert len(before) - kept <= 5, f"{kept}/{len(before)}"
    crossed = [pair for pair in sorted(_crossed_official_pairs())
               if _taken_without_the_glide_check(*pair)]
    apart = sum(not translit.same_name(u, r) for u, r in crossed)
    assert len(crossed) > 700
    assert apart / len(crossed) >= 0.15, f"{apart}/{len(crossed)}"
    # a glide against none: names of two places of the gazetteer
    two = [("Мозолівка", "Мозоліївка"), ("Гузівка", "Гузіївка"), ("Юшково", "Ушково"),
           ("Южинець", "Ужинець"),  # and a word's first ю is no у
           ("Тула", "Тулія")]  # nor an ending -ія -а
    _names_of_two_places(*two)
    for a, b in two:
        assert translit.key(a) == translit.key(b) and _taken_without_the_glide_check(a, b)
        assert not translit.same_name(a, b) and not translit.same_name(b, a), (a, b)
    # a glide, Russian ье ие ее against Ukrainian і, a doubled consonant, ьо: one name
    one = [("Юрʼївка", "Юрьевка"), ("Андріївка", "Андреевка"), ("Марʼїнка", "Марьинка"),
           ("Воробйове", "Воробьево"), ("Троїцьке", "Троицкое"), ("Василівка", "Васильевка"),
           ("Дмитрівка", "Дмитриевка"), ("Іллінка", "Ильинка")]
    _listed(*one)
    for a, b in one:
        assert translit.same_name(a, b), (a, b)
    assert translit.same_name("Корольов", "Королёв")  # Ukrainian ьо for Russian ё
    assert translit.same_name("Олександрія", "Александрия")  # -ія, -ия: one ending


def test_a_word_initial_glide_is_no_vowel_but_in_a_ukrainian_prothesis() -> None:
    """A word that begins with я ю ё йo (Latin ja ya ia ju yu iu jo yo) is no word that begins
    with а о у (blocking._onset): Ясиновка / Осинівка, Янівка / Анновка are names of two
    places, and Yasenivka / Osynivka two names; but the Ukrainian prothesis of the given names
    whose table rows have both (Йосип / Осип, Яким / Аким: blocking._prothetic_stems) leaves the
    words made of them one name (KOATUU's Якимівка / Акимовка; Йосипівка / Осиповка)."""
    two = [("Ясиновка", "Осинівка"), ("Янівка", "Анновка"), ("Югорск", "Угорськ"), ("Юшково", "Ушково")]
    _names_of_two_places(*two)
    for a, b in [*two, ("Yasenivka", "Осинівка"), ("Yasenivka", "Osynivka"),
                 ("Юлянівка", "Ulianivka")]:
        assert translit.key(a) == translit.key(b), (a, b)
        assert _taken_without_the_glide_check(a, b), (a, b)
        assert not translit.same_name(a, b), (a, b)
    assert set(blocking._prothetic_stems()) >= {translit.key("Якимівка")[:4],
                                                 translit.key("Йосипівка")[:4]}
    _listed(("Якимівка", "Акимовка"))
    for a, b in [("Якимівка", "Акимовка"), ("Йосипівка", "Осиповка"), ("Yakymivka", "Akimovka"),
                 ("Yosypivka", "Осиповка"), ("Яким", "Аким")]:
        assert translit.same_name(a, b), (a, b)
    assert translit.key("Яким") == translit.key("Аким")  # one row of the given-names table


def test_a_latin_ending_iya_is_no_a_after_a_consonant() -> None:
    """A Latin -iya -ija -iia -ïa after a consonant (-ия, -ія) is no -а after a consonant,
    against a Cyrillic or a Latin word, as a Cyrillic -ія is none (Тула / Тулія: two places;
    Tuliya / Тула, Livadija / Лівада); a Latin -ia is also я (Vinnytsia: Вінниця), -yja French
    -ыжа (Ryja: Рижа), and -ija after kh ch sh zh Spanish -иха: those are no evidence."""
    _names_of_two_places(("Тулія", "Тула"))
    for a, b in [("Livadija", "Лівада"), ("Livadiya", "Livada"), ("Tuliya", "Тула"),
                 ("Tuliya", "Tula")]:
        assert translit.key(a) == translit.key(b), (a, b)
        assert _taken_without_the_glide_check(a, b), (a, b)
        assert not translit.same_name(a, b), (a, b)
    for a, b in [("Oleksandriia", "Александрия"), ("Aleksandrija", "Aleksandriya"),
                 ("Vinnytsia", "Винница"), ("Ryja", "Рижа"), ("Belokurikha", "Belokuricha")]:
        assert translit.same_name(a, b), (a, b)


def test_a_latin_glide_is_a_cyrillic_glide() -> None:
    """Of the gazetteer's pairs of a place's own (Cyrillic) name and its Latin names that
    same_name takes without the glide check, the check keeps all but 8 of 21,840 (Мёры /
    Miyory, Рязанская / Rayazanskaya, Буйнічы / Bunichi, Сеймчан / Semchan; by the
    word-initial glide, Орданівка / Iordanovka, Юрківка / Urkivka, Алхан-Юрт / Ialkhan-Jurt;
    by the -iya ending, Spanish j for х: Белокуриха / Belokurija);
    a Latin j or y
    between vowels is a glide, which Маківка and Чернів do not write, and a Cyrillic ой is
    no Latin y (Bykovka / Бойківка), while a Latin spelling without a glide is no evidence
    (Yurivka, the national system's Юрʼївка)."""
    before, kept = _kept_of_the_latin_names("_glides_agree")
    assert len(before) > 20_000
    assert len(before) - kept <= 9, f"{kept}/{len(before)}"
    two = [("Makiyivka", "Маківка"), ("Cherniyiv", "Чернів"),  # and a diphthong is no one
           ("Bykovka", "Бойківка"), ("Voytove", "Вітове"), ("Teikowo", "Теково")]  # letter
    _names_of_two_places(*two)
    for a, b in two:
        assert _taken_without_the_glide_check(a, b), (a, b)
        assert not translit.same_name(a, b) and not translit.same_name(b, a), (a, b)
    for a, b in [("Yurivka", "Юрʼївка"), ("Andriïvka", "Андріївка"), ("Kyyiv", "Київ"),
                 ("Andreyevka", "Андріївка"), ("Dmitrijevka", "Дмитрівка"),
                 ("Pervomaiske", "Первомайське"), ("Bisk", "Бийск"), ("Sumy", "Суми"),
                 ("Maguilov", "Могилів"), ("Karabaix", "Карабаш")]:  # French gui, Catalan aix
        assert translit.same_name(a, b), (a, b)
    # between two Latin spellings, a diphthong is no single letter either: Войтове is no Вітове
    for a, b in [("Voytove", "Vitove"), ("Voitove", "Vitove"), ("Teikowo", "Tekove")]:
        assert translit.key(a) == translit.key(b), (a, b)
        assert not translit.same_name(a, b), (a, b)
    assert translit.same_name("Pervomayske", "Pervomaiske")


def test_between_two_latin_spellings_a_glide_written_y_is_no_single_letter() -> None:
    """Of the 25,772 key-equal pairs of ASCII Latin names of one place in the gazetteer that
    same_name takes without the glide check, it keeps all but 24 (a glide's vowel dropped:
    Dmitrivka / Dmitriyevka, Vasilevo / Vasileyevo; the diphthong rule's Bunichi / Buynichi,
    Semchan / Seymcan, Seimchan: Буйничи, Сеймчан; German Heinrichswalde / Genrikhsval'de;
    the word-initial glide's Iordanovka / Ordanovka); a glide written
    y or ï between vowels is no single letter of another Latin spelling (Makiyivka is
    Макіївка, Makivka Маківка), while j is no evidence (French j is ж: Snejinsk / Sněžinsk)
    and a glide without y (Yurivka / Yuryivka, ii / iyi) none either."""
    latin = re.compile(r"[^\W\d_]+(?:[-' ’][^\W\d_]+)*")
    pairs = sorted({(a, b) for p in places.load().places
                    for a in p.names for b in p.names
                    if a < b and latin.fullmatch(a) and latin.fullmatch(b)
                    and a.isascii() and b.isascii() and translit.key(a) == translit.key(b)})
    before = [pair for pair in pairs if _taken_without_the_glide_check(*pair)]
    assert len(before) > 10_000
    kept = sum(translit.same_name(a, b) for a, b in before)
    assert len(before) - kept <= 26, f"{kept}/{len(before)}"
    two = [("Makiyivka", "Makivka"), ("Teïkovo", "Tekovo"), ("Krasnyy Mayak", "Krasnyi Mak")]
    for a, b in two:
        assert translit.key(a) == translit.key(b), (a, b)
        assert _taken_without_the_glide_check(a, b), (a, b)
        assert not translit.same_name(a, b) and not translit.same_name(b, a), (a, b)
    for a, b in [("Snejinsk", "Snezhinsk"), ("Yurivka", "Yuryivka"), ("Makiivka", "Makiyivka"),
                 ("Mayak", "Maiak"), ("Kyiv", "Kyyiv")]:
        assert translit.same_name(a, b), (a, b)


def test_a_latin_spelling_without_its_marks_is_the_same_name() -> None:
    """The gazetteer's Latin names of one place that are one without their marks (Mežova /
    Mezova): same_name takes them all.  Of all its Latin names alike without marks whose keys
    differ (the pairs this rule alone takes), 1,601 are names of one place and 31 of two, and
    those 31 are one name at two places (Novo-Pokrovskoye / Novopokrovskoye, Orŝa / Orşa).
    Latin spellings stay apart of the Cyrillic name of another place (Šali is Шали, no Сали)."""
    ascii_form = blocking._ascii_form
    pairs = set()
    for p in places.load().places:
        latin = sorted({n for n in p.names if ascii_form(n) is not None})
        pairs.update((a, b) for a in latin for b in latin
                     if a < b and ascii_form(a) == ascii_form(b))
    assert len(pairs) > 1_000
    place_ids: dict[str, set[int]] = defaultdict(set)
    for p in places.load().places:
        for n in {p.name, *p.names}:
            if n and ascii_form(n) is not None:
                place_ids[n].add(p.id)
    alike: dict[str | None, list[str]] = defaultdict(list)
    for n in sorted(place_ids):
        alike[ascii_form(n)].append(n)
    one = two = 0
    for spellings in alike.values():
        for i, a in enumerate(spellings):
            for b in spellings[i + 1:]:
                if translit.key(a) != translit.key(b):
                    one += bool(place_ids[a] & place_ids[b])
                    two += not place_ids[a] & place_ids[b]
    assert one > 1_500 and one / (one + two) >= 0.95, (one, two)
    missed = [pair for pair in sorted(pairs) if not translit.same_name(*pair)]
    assert not missed, missed[:10]
    unblocked = [(a, b) for a, b in sorted(pairs) if not translit.block_keys(a) & translit.block_keys(b)]
    assert not unblocked, unblocked[:10]  # a block join finds them: ~ and the plain letters
    assert translit.same_name("Mezova", "Mežova") and translit.same_name("Šabo", "Şabo")
    assert not translit.same_name("Šali", "Сали") and not translit.same_name("Сали", "Шали")
    assert not translit.same_name("Žukіv", "Zukiv")  # a Cyrillic і: no Latin spelling


def test_a_plain_latin_spelling_is_a_hushing_one_typed_without_marks() -> None:
    """Plain ASCII spellings (no marks, no sh zh ch sz cz rz) that are another Latin name of
    the gazetteer with its hushing letters typed plain (Suja for Shuja): of such pairs, 915
    are names of one place and 50 of two (most of them one name at two places: Cherkasy /
    Cerkasy, Zheleznogorsk / Zeleznogorsk); same_name takes them, and a block join finds
    them."""
    place_ids: dict[str, set[int]] = defaultdict(set)
    for p in places.load().places:
        for n in {p.name, *p.names}:
            if n and blocking._latin_forms(n) is not None:
                place_ids[n].add(p.id)
    plain: dict[str, list[str]] = defaultdict(list)
    for n in place_ids:
        forms = blocking._latin_forms(n)
        if forms is not None and forms[1]:
            plain[forms[0]].append(n)
    one = two = 0
    for n in sorted(place_ids):
        forms = blocking._latin_forms(n)
        assert forms is not None
        for other in sorted({m for f in forms[2] for m in plain.get(f, ())}):
            if blocking._ascii_form(other) == forms[0]:
                continue
            assert translit.same_name(n, other) and translit.block_keys(n) & translit.block_keys(other)
            if place_ids[n] & place_ids[other]:
                one += 1
            else:
                two += 1
    assert one > 800 and one / (one + two) >= 0.9, (one, two)
    assert translit.same_name("Shuja", "Suja") and translit.same_name("Volzhskiy", "Volzskiy")
    assert not translit.same_name("Shuja", "Зуя")  # Latin spellings only


def test_each_plain_form_of_the_table_is_read() -> None:
    """Every row of tables/key/folds.toml's [plain], in a made-up name, against each of its
    plain forms: same_name takes the pair and a block join finds it (the table is what
    _latin_alike reads)."""
    rows = normalize.plain_forms()
    assert {"sh", "ž", "sch", "szcz"} <= set(rows)
    for spelling, forms in rows.items():
        for plain in forms:
            a, b = f"Ko{spelling}anova", f"Ko{plain}anova"
            assert translit.same_name(a, b), (a, b)
            assert translit.block_keys(a) & translit.block_keys(b), (a, b)


def test_a_bad_plain_row_is_a_table_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A [plain] row that is no list of lowercase ASCII letters names the file and the row."""
    folder = tmp_path / normalize.KEY_TABLES
    folder.mkdir(parents=True)
    text = (normalize.tables_dir() / normalize.KEY_TABLES / "folds.toml").read_text("utf-8")
    changed = text.replace('"zh" = ["z"]', '"zh" = ["ж"]', 1)
    assert changed != text
    (folder / "folds.toml").write_text(changed, "utf-8")
    monkeypatch.setattr(normalize, "tables_dir", lambda: tmp_path)  # (imported from tables)
    monkeypatch.setattr(normalize, "_folds_table", normalize._folds_table.__wrapped__)
    with pytest.raises(translit.TableError) as info:
        normalize.plain_forms.__wrapped__()
    assert "folds.toml" in str(info.value) and "[plain] 'zh'" in str(info.value)


@given(st.one_of(
    st.tuples(name("uk"), st.sampled_from(["uk-iso9", "uk-scholarly", "uk-czech", "uk-polish"])),
    st.tuples(name("ru"), st.sampled_from(["ru-iso9", "ru-scholarly", "ru-czech", "ru-polish"]))))
def test_a_romanization_typed_without_its_marks_is_the_same_name(case: tuple[str, str]) -> None:
    """A system's spelling and that spelling without its marks (ISO 9 Ševčenko, Sevcenko)."""
    a, system = case
    spelled = translit.romanize(a, system)
    plain = unidecode(spelled)
    if translit.key(spelled) and translit.key(plain) and plain.isascii():
        assert translit.same_name(spelled, plain) and translit.same_name(plain, spelled)
        assert translit.block_keys(spelled) & translit.block_keys(plain)


def test_same_name_reads_an_esperanto_style_s_circumflex_as_sh() -> None:
    """The gazetteer's Latin names with ŝ (Ŝaĥti, Joŝkar-Ola, Babuŝkin: ISO/R 9:1968's and
    Esperanto's ш; ISO 9:1995's щ, which key() reads): same_name takes 70 of 72 (8 before
    tables/key/latin-esperanto.toml)."""
    pairs = sorted({(p.name, o) for p in places.load().places if p.name
                    for o in p.names if "ŝ" in o.lower()})
    taken = sum(translit.same_name(a, b) for a, b in pairs)
    assert len(pairs) > 60
    assert taken / len(pairs) >= 0.9, f"{taken}/{len(pairs)}"
    _names_of_one_place(("Балашиха", "Balaŝiĥa"), ("Бабушкин", "Babuŝkin"))
    assert translit.same_name("Ŝĉigri", "Щигры")  # ŝĉ: щ in both
    assert translit.key("Ŝčors") == translit.key("Щорс")  # ISO 9:1995's ŝ


def test_same_name_reads_gost_16876s_eh_as_e() -> None:
    """The gazetteer's Latin names with eh before a consonant, at a word's start or after a
    consonant (GOST 16876-71 table 2's э, and the web transliteration that follows it:
    Ivacehvichy, Ehrki): same_name takes 119 of 224 (7 before the reading; the rest are mostly
    other words, former and other-language names: Mehmedabad for Ізмаїл)."""
    pairs = sorted({(p.name, o) for p in places.load().places if p.name for o in p.names
                    if any(blocking._LATIN_EH.search(w) for w in o.lower().split())})
    taken = sum(translit.same_name(a, b) for a, b in pairs)
    assert len(pairs) > 200
    assert taken / len(pairs) >= 0.5, f"{taken}/{len(pairs)}"
    _names_of_one_place(("Івацэвічы", "Ivacehvichy"), ("Єрки", "Ehrki"))
    for a, b in [("Івацэвічы", "Ivacehvichy"), ("Єрки", "Ehrki")]:
        assert translit.same_name(a, b), (a, b)


def test_same_name_reads_a_catalan_first_x_and_sx() -> None:
    """The gazetteer's ASCII Latin names with a word's first x before a vowel or with sx
    (Catalan ш and щ: Xali, Mitisxi): same_name takes 18 of 55 (2 when only tx and ix told a
    Catalan word); the rest are other languages' x for х (Azerbaijani, Uzbek) and other words."""
    catalan = re.compile(r"^x(?=[aeiou])|sx")
    pairs = sorted({(p.name, o) for p in places.load().places if p.name for o in p.names
                    if o.isascii() and any(catalan.search(w) for w in o.lower().split())})
    taken = sum(translit.same_name(a, b) for a, b in pairs)
    assert len(pairs) > 50
    assert taken / len(pairs) >= 0.3, f"{taken}/{len(pairs)}"
    named = [("Шали", "Xali"), ("Мытищи", "Mitisxi"), ("Ртишчево", "Rtisxevo")]
    _names_of_one_place(*named)
    for a, b in named:
        assert translit.same_name(a, b), (a, b)


def test_same_name_reads_a_scholarly_x_as_kha() -> None:
    """The scholarly transliteration's x for х (tables/key/latin-scholarly.toml): every
    official Ukrainian name and official Russian form with х against its uk-scholarly or
    ru-scholarly spelling, same_name takes 2,672 of 2,672 (1,216 before the reading); the
    gazetteer's ASCII Latin names with an x before a vowel or at a word's end, 143 of 228 (94
    before).  And x is still кс where a name has it (Maxim, Oxana) and no г (Xenia / Гена)."""
    official = sorted(_official())
    pairs = [(u, translit.romanize(u, "uk-scholarly")) for u in sorted({u for u, _ in official
                                                                         if "х" in u.lower()})]
    pairs += [(r, translit.romanize(r, "ru-scholarly")) for r in sorted({r for _, r in official
                                                                          if "х" in r.lower()})]
    taken = sum(translit.same_name(a, b) for a, b in pairs)
    assert len(pairs) > 2_500
    assert taken / len(pairs) >= 0.99, f"{taken}/{len(pairs)}"
    x = re.compile(r"x(?![bcdfghjklmnpqrstvwxz])")
    listed = sorted({(p.name, o) for p in places.load().places if p.name for o in p.names
                     if o.isascii() and x.search(o.lower())})
    taken = sum(translit.same_name(a, b) for a, b in listed)
    assert len(listed) > 200
    assert taken / len(listed) >= 0.55, f"{taken}/{len(listed)}"
    for a, b in [("Kolotuxina", "Колотухина"), ("Jevstax", "Євстах"), ("Xarkiv", "Харків"),
                 ("Maxim", "Максим"), ("Oxana", "Оксана")]:
        assert translit.same_name(a, b), (a, b)
    assert not translit.same_name("Xenia", "Гена")


def test_same_name_reads_a_french_gu_before_e_and_i_as_g() -> None:
    """French gu before e and i is г (ru-french.toml, uk-french.toml: Guennadi): every official
    Ukrainian name and official Russian form with г before е и і є against its uk-french or
    ru-french spelling, same_name takes 700 of 707 (562 when only ou, ch and j told a French
    word)."""
    official = sorted(_official())
    g = re.compile("г(?=[еиіє])", re.IGNORECASE)
    pairs = [(u, translit.romanize(u, "uk-french")) for u in sorted({u for u, _ in official
                                                                      if g.search(u)})]
    pairs += [(r, translit.romanize(r, "ru-french")) for r in sorted({r for _, r in official
                                                                       if g.search(r)})]
    taken = sum(translit.same_name(a, b) for a, b in pairs)
    assert len(pairs) > 600
    assert taken / len(pairs) >= 0.97, f"{taken}/{len(pairs)}"
    for a, b in [("Eguine", "Егіне"), ("Zaguida", "Загіда"), ("Gueorgui", "Георгий")]:
        assert translit.same_name(a, b), (a, b)


def test_same_name_reads_e_after_a_vowel_as_ye_and_a_french_ss_as_one_s() -> None:
    """Russian е after a vowel is [je], Ukrainian є, BGN/PCGN ye, ICAO e; and French ss before
    -ia is one с, not the doubled consonant + ія of Zaporizhzhia (blocking._VOWEL_E,
    _LATIN_VOWEL_E, _SS_IA).  Measured on the people of benchmarks/bench_persons.py: the first
    1,971 pairs of one person more and 175 of two, the second 1,826 and 223; on bench_key.py's
    collection 24 and 4, 12 and 5."""
    for a, b in [("Rafael", "Rafayel"), ("Рафаель", "Rafayel"), ("Раеса", "Rajesa"),
                 ("Raesa", "Раєса"), ("Рафаель", "Рафаєль")]:
        assert translit.same_name(a, b), (a, b)
    for cyrillic in ["Люся", "Вася", "Ася", "Тася", "Дуся"]:
        french = translit.romanize(cyrillic, "ru-french")
        assert french.endswith("ssia")
        assert translit.same_name(cyrillic, french), french
        assert translit.same_name(french, translit.romanize(cyrillic, "ru-bgn-pcgn")), french
    assert not translit.same_name("Lussia", "Lusya Petrenko")


# Romanian and Moldovan spellings (tables/key/latin-romanian.toml)
_ROMANIAN = re.compile(r"[șşțţăî]|(?<=[bcdfghjklmnprstvz])ea|c[ei][aou]")
_ROMANIAN_NAME = re.compile(r"[a-zșşțţăîâ'’\- ]+", re.IGNORECASE)


def test_same_name_takes_the_romanian_spellings_of_the_gazetteers_places() -> None:
    """Every Latin name of a place of the gazetteer in Romanian letters (ș ț ă î, ea after a
    consonant, ce ci before a back vowel) against the place's own name: same_name takes 453 of
    768 (without latin-romanian.toml: 387).  What it leaves is mostly Romanian names of their
    own (Cernăuți, Storojineț), not spellings."""
    pairs = sorted({(p.name, other) for p in places.load().places if p.name
                    for other in p.names
                    if _ROMANIAN.search(other.lower()) and _ROMANIAN_NAME.fullmatch(other)})
    taken = sum(translit.same_name(a, b) for a, b in pairs)
    assert len(pairs) > 700
    assert taken / len(pairs) >= 0.57, f"{taken}/{len(pairs)}"
    named = [("Peatîhatkî", "Пʼятихатки"), ("Tărăsăuți", "Тарасівці"), ("Chelmenți", "Кельменці"),
             ("Dudceani", "Дудчани"), ("Kraseatici", "Красятичі"), ("Deleatin", "Делятин"),
             ("Huseatin", "Гусятин"), ("Kliucearki", "Ключарки"), ("Cernigău", "Чернігів"),
             ("Juravîci", "Журавичі")]
    _names_of_one_place(*named)
    for a, b in named:  # ea я, î ы, ce ч before а, ch к before е, ău ів
        assert translit.same_name(a, b), (a, b)


def test_romanian_spellings_of_russian_words_read_back() -> None:
    """A fixed sample of the lexicon's Russian words, romanized by ru-romanian, against the
    words: same_name takes 1,812 of 2,000 (without latin-romanian.toml: 1,710); what it leaves
    is mostly ч before a consonant or at the end, written ci (Ilici), which the reading leaves
    as чи (latin-romanian.toml says why)."""
    lexicon = translit.lexicon.load()
    words = sorted(w for w in lexicon if "ru" in lexicon.languages(w)
                   and re.fullmatch(r"[а-яё]+", w))
    sample = random.Random(7).sample(words, 2000)
    taken = sum(translit.same_name(w, translit.romanize(w, "ru-romanian")) for w in sample)
    assert taken / len(sample) >= 0.88, f"{taken}/{len(sample)}"


@pytest.mark.parametrize(("russian", "ukrainian"), [
    ("Lyubashëvka", "Любашівка"), ("Брилёвка", "Брилівка"), ("Золотарёвка", "Solotariwka"),
])
def test_russian_yo_is_ukrainian_i_in_a_closed_syllable(russian: str, ukrainian: str) -> None:
    """Russian ё is an е or an о, and Ukrainian і stands for both in a closed syllable: names
    of one settlement in the gazetteer."""
    _names_of_one_place((russian, ukrainian))
    assert translit.same_name(russian, ukrainian)


# --- laws -------------------------------------------------------------------------------------

@given(st.one_of(name("uk"), name("ru"), name("be"), hostile_text),
       st.one_of(name("uk"), name("ru"), hostile_text))
def test_same_name_is_symmetric(a: str, b: str) -> None:
    assert translit.same_name(a, b) == translit.same_name(b, a)
    for x, y in ((a, b), (a, translit.romanize(a)), (b, translit.romanize(b))):
        assert translit.same_name(x, y) == translit.same_name(y, x)
        # close_spelling is looser: every pair same_name takes, and symmetric too
        assert close_spelling(x, y) == close_spelling(y, x)
        assert close_spelling(x, y) or not translit.same_name(x, y)


def test_close_spelling_keeps_the_pairs_the_rules_tell_apart() -> None:
    # Ревне / Ровное: two names (official pairs of two places), yet a close spelling: the
    # surnames table and check's candidates, which a frequency or a person decides, keep them
    _listed(("Ревне", "Ревное"), ("Рівне", "Ровное"))
    assert close_spelling("Ревне", "Ровное") and not translit.same_name("Ревне", "Ровное")


@given(st.one_of(name("uk"), name("ru"), name("be"), hostile_text))
def test_a_name_is_the_same_name_as_itself(a: str) -> None:
    assert translit.same_name(a, a) == bool(translit.key(a))
    assert not (is_placeholder(a) and translit.same_name(a, a))


@given(st.one_of(name("uk"), name("ru"), name("be")))
def test_case_and_word_order_keep_a_name(a: str) -> None:
    if translit.key(a):
        assert translit.same_name(a, a.upper())
        assert translit.same_name(a, " ".join(a.split()[::-1]))


_ANY_NAME = st.one_of(name("uk"), name("ru"), name("be"),
                     st.builds(translit.romanize, name("uk"), st.sampled_from(
                         ["uk-national", "uk-iso9", "uk-german", "uk-polish"])),
                     st.builds(translit.romanize, name("ru"), st.sampled_from(
                         ["ru-bgn-pcgn", "ru-iso9", "ru-french", "ru-czech"])))


@given(_ANY_NAME, _ANY_NAME, st.randoms(use_true_random=False))
@example("Mežova Ivan", "Ivan Mezova", None)  # the marks' rule reads words in any order
@example("Іван Коваль", "KOVAL, Ivan", None)
def test_same_name_reads_words_in_any_order_and_case(a: str, b: str,
                                                     rng: random.Random | None) -> None:
    """same_name(a, b) is same_name(a', b) for a' of a's words in another order and case,
    punctuation aside (what group(by="same_name") relies on to compare such spellings once)."""
    words = a.split()
    if rng is not None:
        rng.shuffle(words)
    again = ", ".join(w.upper() if i % 2 else w for i, w in enumerate(words))
    assert translit.same_name(again, b) == translit.same_name(a, b), (again, a, b)
    assert translit.same_name(b, again) == translit.same_name(b, a), (again, a, b)
    if rng is None:
        assert translit.same_name(a, b)


@given(st.one_of(
    st.tuples(name("uk"), st.sampled_from(["uk-national", "uk-bgn-pcgn", "uk-iso9", "uk-scholarly"])),
    st.tuples(name("be"), st.sampled_from(["be-national", "be-bgn-pcgn", "be-lacinka", "be-iso9"]))))
@example(("Ааʼа Ааʼа Цгʼа", "be-iso9"))  # Cg: the law's, found by hypothesis
@example(("Кгара", "uk-national"))  # Khara: х, not кг
@example(("Цгюʼаг", "uk-scholarly"))  # Chjuʺah: two г, one to the velar check
def test_equal_keys_are_one_name_but_for_the_documented_rules(case: tuple[str, str]) -> None:
    """key-equal ⇒ same_name, but where the vowel or consonant rules tell two names: a name
    and its romanization (one name) are never told apart by them, Belarusian (whose readings
    block_keys adds: аканне, ў, цеканне) as Ukrainian.  Not for a word that begins with кг or
    цг, which no Ukrainian, Russian or Belarusian word does, where the system writes it kh or
    ch: a word's first kh or ch is read as х or ч (blocking._velars_agree), not as к or ц + г
    (ISO 9's Cg for Цг is no such spelling: hypothesis found 'Ааʼа Ааʼа Цгʼа', be-iso9)."""
    a, system = case
    spelled = translit.romanize(a, system)
    if _INITIAL_KG.search(a.lower()):
        words = _LETTERS.findall(a.lower()), _LETTERS.findall(spelled.lower())
        if len(words[0]) != len(words[1]):
            return  # the words do not line up: no claim
        if any(_INITIAL_KG.match(c) and w.startswith(("kh", "ch")) for c, w in zip(*words, strict=True)):
            if len(_VELAR.findall(a.lower())) == 1:  # (another г х of the word: гг, г…г are one
                # to the velar check, which then reads ch as ч and the h as the г: Цгюʼаг /
                # Chjuʺah, found by hypothesis, stay one name)
                assert not translit.same_name(a, spelled) or not translit.key(a)
            return  # a system's kh or ch for кг, цг (ISO 9's Cg for Цг is the law's)
    if translit.key(a) and translit.key(a) == translit.key(spelled):
        assert translit.same_name(a, spelled)


_INITIAL_KG = re.compile("(?<![а-яёіїєґўʼ'’])[кц]г")
_VELAR = re.compile("[гґх]")
_LETTERS = re.compile(r"[^\W\d_]+(?:[ʼ'’][^\W\d_]+)*")


@given(st.lists(st.one_of(name("uk"), name("ru")), max_size=10), st.randoms())
def test_group_by_same_name_is_linked_by_same_names_pairs(names: list[str],
                                                          rnd: random.Random) -> None:
    """Every group is joined by pairs that share a block key and that same_name takes (its
    merges), lies inside one connected component of those pairs, and two groups that one
    component holds are linked by fewer than half of their spellings' pairs."""
    names = names + [translit.romanize(n) for n in names[: len(names) // 2]]
    rnd.shuffle(names)
    groups = translit.group(names, by="same_name")
    spellings_of = [sorted(set(g.names)) for g in groups]

    def taken(a: str, b: str) -> bool:
        return bool(_name_blocks(a)[0] & _name_blocks(b)[0]) and translit.same_name(a, b)

    for g in groups:
        for m in g.merges:
            a, b = names[m.first], names[m.second]
            assert a == b or taken(a, b)
    for x in range(len(groups)):
        for y in range(x + 1, len(groups)):
            sx, sy = spellings_of[x], spellings_of[y]
            if not sx or not sy or not groups[x].key or not groups[y].key:
                continue
            links = sum(taken(a, b) for a in sx for b in sy)
            assert links < translit.grouping.LINKAGE * len(sx) * len(sy), (sx, sy)
