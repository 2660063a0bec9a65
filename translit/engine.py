"""The engine: compiles a table's rows once into a converter, then runs it on any string.

Semantics (tables/README.md explains them for table authors):

* NFC first; in Cyrillic text every apostrophe look-alike between two letters becomes the
  canonical apostrophe ʼ, which is a letter, so Знам'янка is one word and я is not word-initial.
* Contexts look at the source text, never at output already written.
* The longest row that matches wins; a row's contexts are tried in order.
* Case per word: rows are lowercase; a capital letter gives a capitalized output (Щ → Shch),
  and in a word written ALL CAPS every output is upper (ЩУКА → SHCHUKA).  A one-letter capital
  word (an initial) follows its nearest longer neighbour: "ЩУКА Ю." → "SHCHUKA YU.".
  Two letters joined by a tie-bar (U+0361) capitalize together: Я → I͡A (ALA-LC).
* Characters that no row covers pass through unchanged.  Any str is accepted.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import regex

from . import core
from .errors import TableError
from .letters import APOSTROPHE, APOSTROPHES, CYRILLIC, CYRILLIC_RANGES
from .memo import CHUNKS, Memo
from .tables import _EDGE, CASINGS, Context, Rules, Table

_CYR = CYRILLIC_RANGES
# An apostrophe look-alike between two Cyrillic letters (marks allowed before it).
_INNER_APOSTROPHE = regex.compile(
    rf"(?<=[{_CYR}]\p{{M}}*)[{regex.escape(APOSTROPHES)}](?=[{_CYR}])"
)
_ANY_CYRILLIC = CYRILLIC
_NEWLINE = re.compile("\n")
_ANY_APOSTROPHE = re.compile(f"[{re.escape(APOSTROPHES)}]")
# Two capitals in a row: the only texts that may hold an ALL CAPS word.
# ʼ ʹ ʺ are caseless letters; in Latin source ' and ’ between letters belong to the word too
_TWO_CAPITALS = regex.compile(r"\p{Lu}[\p{M}\p{Lm}'’`´·]*\p{Lu}")
# GOST 7.79 B's ` and Łacinka's · stand inside Latin words too (L`V, C·H)
_WORD = regex.compile(r"[\p{L}\p{M}]+(?:['’`´·]+[\p{L}\p{M}]+)*")
# A one-letter capital word: an initial, whose case follows its neighbours.
_INITIAL = regex.compile(r"(?<![\p{L}\p{M}]['’`´·]?)\p{Lu}\p{M}*(?!['’`´·]?[\p{L}\p{M}])")
# Compiled rows use stdlib re (faster than regex here): a letter is [^\W\d_] plus the
# combining marks NFC leaves (stress marks).
_LETTER = r"[^\W\d_\u0300-\u036f]"
_LETTER_CLASS = r"\w\u0300-\u036f"


def prepare(text: str, cyrillic_source: bool) -> str:
    """NFC; in Cyrillic source, apostrophes inside words become the canonical one.

    (Converter.__call__ returns Cyrillic-source text without a Cyrillic letter untouched, not
    even NFC, so that text a table cannot read always passes through unchanged.)"""
    if text.isascii():
        return text
    if cyrillic_source:
        text = unicodedata.normalize("NFC", text)
        if _ANY_APOSTROPHE.search(text):
            text = _INNER_APOSTROPHE.sub(APOSTROPHE, text)
        return text
    return unicodedata.normalize("NFC", text)


def _char_class(letters: frozenset[str]) -> str:
    chars = sorted(c for c in letters if c != _EDGE)
    return "[" + "".join(re.escape(c) for c in chars) + "]" if chars else ""


def _context_pattern(key: str, context: Context) -> str:
    """A pattern for *key* that matches only where *context* holds, looking at the source.

    The key comes first and the condition on what precedes it is a lookbehind over the key
    too, so that positions where the key is absent fail at once."""
    escaped = re.escape(key)
    pattern = escaped
    if context.after is not None:
        options = []
        letters = _char_class(context.after)
        if letters:
            options.append(f"(?<={letters}{escaped})")
        if _EDGE in context.after:
            # no letter before the key: the start of the text, or a non-letter
            options.append(f"(?<![^\\W\\d_]{escaped})(?<![\u0300-\u036f]{escaped})")
        pattern += "(?:" + "|".join(options) + ")"
    if context.before is not None:
        options = []
        letters = _char_class(context.before)
        if letters:
            options.append(f"(?={letters})")
        if _EDGE in context.before:
            options.append(f"(?!{_LETTER})")
        pattern += "(?:" + "|".join(options) + ")"
    return pattern


#: The double inverted breve (ALA-LC's tie-bar, t͡s i͡a): the two letters it joins are one
#: letter, so a capital writes both in capitals (Я → I͡A, as the ALA-LC tables print it).
TIE_BAR = "\u0361"


# How a table's output is put in capitals (tables.CASINGS, [system] casing): Unicode's default
# case mapping, or Turkish, whose capital of i is İ (İlminskiy, İLYİÇ; ı → I as usual).
_TURKISH_CAPITALS = str.maketrans({"i": "İ"})


def _turkish_upper(text: str) -> str:
    return text.translate(_TURKISH_CAPITALS).upper()


def upper_of(casing: str) -> Callable[[str], str]:
    """The upper-casing function of a casing (one of tables.CASINGS)."""
    assert casing in CASINGS, casing
    return _turkish_upper if casing == "turkish" else str.upper


def _cap(text: str, upper: Callable[[str], str] = str.upper) -> str:
    """*text* with its first cased letter capitalized (ʼЯ, not ʼя, for a row writing ʼя);
    a letter tied to it by the tie-bar is capitalized with it (i͡a → I͡A)."""
    for i, c in enumerate(text):
        if c.upper() != c.lower():
            if text[i + 1 : i + 2] == TIE_BAR and i + 2 < len(text):
                return text[:i] + upper(c) + TIE_BAR + upper(text[i + 2]) + text[i + 3 :]
            return text[:i] + upper(c) + text[i + 1 :]
    return text


# Latin letters with marks: Latin-1 Supplement, Latin Extended-A and -B, Extended Additional.
_ACCENTED_LATIN = [chr(c) for c in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00))]


def _decompositions(keys: set[str]) -> dict[int, str]:
    """Accented Latin letters that no key holds but whose bare letter one does → letter + marks."""
    table: dict[int, str] = {}
    for c in _ACCENTED_LATIN:
        if c in keys:
            continue
        parts = unicodedata.normalize("NFD", c)
        if len(parts) > 1 and parts[0] in keys and all(unicodedata.combining(m) for m in parts[1:]):
            table[ord(c)] = parts
    return table


def _case_per_letter(source: str, out: str, defaults: dict[str, str],
                     upper: Callable[[str], str] = str.upper) -> str:
    """*out*, the output of a row matched by *source* whose letters differ in case (зГ, тС),
    cased letter by letter: each letter's part is its own output where the row's output starts
    with it (з → z in зг → zgh), the last letter has the rest (гh); a capital letter's part is
    capitalized (zGh, t·S).  Where the parts cannot be told, the row's output follows the first
    letter's case, as for any other match."""
    parts: list[str] = []
    rest = out
    for letter in source[:-1]:
        own = defaults.get(letter.lower())
        if not own or not rest.startswith(own):
            return _cap(out, upper) if _starts_upper(source) else out
        parts.append(own)
        rest = rest[len(own):]
    parts.append(rest)
    return "".join(_cap(part, upper) if letter.isupper() else part
                   for letter, part in zip(source, parts, strict=True))


def _starts_upper(text: str) -> bool:
    """Whether the first cased letter of *text* is a capital."""
    for c in text:
        if c.upper() != c.lower():
            return c.isupper()
    return False


def _recase(out: str, source: str, defaults: dict[str, str], upper: Callable[[str], str]) -> str:
    """The output of a row for a *source* that is not all lowercase, in a mixed-case word."""
    if len(source) > 1 and not source[1:].islower() and any(c.isupper() for c in source[1:]):
        return _case_per_letter(source, out, defaults, upper)
    return _cap(out, upper) if _starts_upper(source) else out


# What the compiled machine (translit._core) needs to test characters as re does under
# IGNORECASE: a cased character matches a literal when its simple lowercase is the literal's
# lowercase or one of re's extra cases of it (ı for i, ſ for s); an uncased one only itself.
# A class is tested on the lowercase when one of its characters is cased.
_CharSet = tuple[bool, tuple[int, ...]]


def _letter_set(letter: str) -> _CharSet:
    import _sre
    from re._compiler import _EXTRA_CASES

    code = ord(letter)
    if not _sre.unicode_iscased(code):
        return False, (code,)
    lower = _sre.unicode_tolower(code)
    return True, (lower, *_EXTRA_CASES.get(lower, ()))


def _class_set(letters: Iterable[str]) -> _CharSet:
    import _sre
    from re._compiler import _EXTRA_CASES

    codes: set[int] = set()
    cased = False
    for letter in letters:
        lower = _sre.unicode_tolower(ord(letter))
        codes.add(lower)
        codes.update(_EXTRA_CASES.get(lower, ()))
        cased = cased or _sre.unicode_iscased(ord(letter))
    return cased, tuple(sorted(codes))


def _side(letters: frozenset[str] | None) -> tuple[bool, _CharSet | None] | None:
    """A context side for the machine: (word edge allowed, the letters' set or None)."""
    if letters is None:
        return None
    chars = [c for c in letters if c != _EDGE]
    return _EDGE in letters, _class_set(chars) if chars else None


#: The combining marks the word-edge tests leave out ([\u0300-\u036f] under IGNORECASE).
_MARKS = "".join(map(chr, range(0x300, 0x370)))


@dataclass
class _Mode:
    """Everything one case mode needs: the translate table and the regex callback, or the
    compiled machine that does both (translit._core.Machine)."""

    table: dict[int, str]
    substitute: Callable[[str], str] | None
    machine: Callable[[str], str] | None = None


class Converter:
    """One direction of one system, compiled: call it on any str."""

    def __init__(self, rules: Rules, cyrillic_source: bool, casing: str = "default",
                 engine: str | None = None) -> None:
        """*engine*: "compiled" or "pure" (default: translit.core.ENGINE, which runs)."""
        engine = core.ENGINE if engine is None else engine
        if engine not in ("compiled", "pure"):
            raise ValueError(f"engine is 'compiled' or 'pure', not {engine!r}")
        if engine == "compiled" and core.compiled is None:
            raise RuntimeError("the compiled engine (translit._core) is not built")
        self.engine = engine
        self.cyrillic_source = cyrillic_source
        self.casing = casing
        self.upper_case = upper_of(casing)
        singles: dict[str, str] = {}
        alternatives: list[tuple[str, str]] = []  # (pattern, output), longest key first
        rows: list[tuple[str, Context]] = []  # the same, as key and context (the machine's)
        for key in sorted(rules, key=len, reverse=True):
            contexts = rules[key]
            for context in contexts:
                if len(key) == 1 and context.unconditional:
                    singles[key] = context.to
                else:
                    alternatives.append((_context_pattern(key, context), context.to))
                    rows.append((key, context))
        # When an output could be read again as a source letter, one pass must do everything.
        outputs = {c for out in [*singles.values(), *(o for _, o in alternatives)] for c in out}
        cased = {c for k in rules for c in k} | {c.upper() for k in rules for c in k}
        if outputs & cased:
            alternatives = [
                *alternatives,
                *((re.escape(k), v) for k, v in sorted(singles.items())),
            ]
            rows = [*rows, *((k, Context(v)) for k, v in sorted(singles.items()))]
            singles = {}
        self._rows = rows
        self.outputs = [out for _, out in alternatives]
        # each letter's output where no context applies: how a row's output is split among the
        # letters of its key when they differ in case (зГин → zGhyn)
        self.defaults = {k: c[-1].to for k, c in rules.items() if len(k) == 1 and c[-1].unconditional}
        # The first letters of the keys as a lookahead: re finds no prefix in an alternation of
        # groups under IGNORECASE, so without it every position tries every alternative; with it
        # a position whose letter starts no key fails at one class test (3x faster on names).
        firsts = sorted({key[0] for key in rules})
        self.pattern = (
            re.compile(f"(?=[{''.join(re.escape(c) for c in firsts)}])(?:"
                       + "|".join(f"({p})" for p, _ in alternatives) + ")", re.IGNORECASE)
            if alternatives
            else None
        )
        # chunks (space-separated parts of names) converted: a name list's words repeat
        self._memo: Memo[str, str] = Memo(CHUNKS)
        # many() splits its joined result at newlines: only if no row writes or reads one.
        self.batchable = not any("\n" in out for out in outputs) and not any(
            "\n" in key for key in rules)
        # Outputs with combining marks (ISO 9's g̀) may compose with what follows: NFC after.
        self.compose = any(unicodedata.combining(c) for out in outputs for c in out)
        # Latin source: an accented letter no row reads (the stress mark of Аблáк) is read as its
        # letter plus the mark, so the mark stays a mark, on the Cyrillic letter.
        self.decompose = {} if cyrillic_source else _decompositions(cased)
        self.compose = self.compose or bool(self.decompose)
        self.mixed = self._mode(singles, upper=False)
        self.upper = self._mode(singles, upper=True)

    def _prepare(self, text: str) -> str:
        text = prepare(text, self.cyrillic_source)
        return text.translate(self.decompose) if self.decompose and not text.isascii() else text

    def _mode(self, singles: dict[str, str], upper: bool) -> _Mode:
        table: dict[int, str] = {}
        upper_case = self.upper_case
        for key, out in singles.items():
            # In an ALL CAPS word every output is upper, caseless keys' (ʹ ʺ `) included.
            table[ord(key)] = upper_case(out) if upper else out
            for capital in {key.upper(), key.title()}:
                if len(capital) == 1 and capital != key:
                    table[ord(capital)] = upper_case(out) if upper else _cap(out, upper_case)
        outputs = self.outputs
        defaults = self.defaults

        def output(row: int, source: str) -> str:
            """Row *row*'s output for the matched *source*, in this mode's case."""
            out = outputs[row]
            if source.islower():
                return out
            return upper_case(out) if upper else _recase(out, source, defaults, upper_case)

        if self.engine == "compiled":
            assert core.compiled is not None

            def translated(row: int, source: str) -> str:
                return output(row, source).translate(table)

            machine = core.compiled.Machine(
                [(key, [_letter_set(c) for c in key], _side(context.after), _side(context.before),
                  translated(i, key)) for i, (key, context) in enumerate(self._rows)],
                table, translated, _class_set(_MARKS))
            return _Mode(table, None, machine)
        if self.pattern is None:
            return _Mode(table, None)
        pattern = self.pattern

        def replace(match: re.Match[str]) -> str:
            return output(match.lastindex - 1, match.group())  # type: ignore[operator]

        def substitute(text: str) -> str:
            return pattern.sub(replace, text)

        return _Mode(table, substitute)

    def __call__(self, text: str) -> str:
        """Convert *text*.  Space-separated chunks are independent (no context crosses a
        space), so each chunk's result is memoized; a chunk holding a one-letter capital word
        (an initial, whose case follows its neighbours) is never memoized."""
        memo = self._memo
        done = memo.get(text)
        if done is not None:
            return done
        if self.cyrillic_source and (text.isascii() or _ANY_CYRILLIC.search(text) is None):
            return text
        chunks = text.split(" ")
        if len(chunks) == 1:
            return self._chunk(text) or self._convert(text)
        out = []
        for chunk in chunks:
            done = memo.get(chunk)
            if done is None:
                done = self._chunk(chunk)
                if done is None:
                    return self._convert(text)
            out.append(done)
        return " ".join(out)

    def many(self, names: list[str]) -> list[str]:
        """[self(n) for n in names], converting the plain ones as one newline-joined text.

        Exact, because no context crosses a non-letter: one regex pass and one translate over
        the batch replace a call per name.  Names that hold a newline, an ALL CAPS word (whose
        initials look at neighbours), or no Cyrillic (passed through untouched, not even NFC)
        take the one-name path."""
        out: list[str] = list(names)
        search = _ANY_CYRILLIC.search
        machine = core.compiled if self.mixed.machine is not None else None
        if machine is not None:
            # the same screening as below, in C
            if type(names) is not list:
                names = list(names)
            batch, alone = machine.screen(names, self.cyrillic_source, self.batchable)
            for i in alone:
                out[i] = self(names[i])
            plain = names if len(batch) == len(names) else [names[i] for i in batch]
        elif self.batchable and not self.cyrillic_source and not any("\n" in n for n in names):
            batch = list(range(len(names)))
            plain = names
        else:
            batch = []
            for i, name in enumerate(names):
                if self.cyrillic_source and (name.isascii() or search(name) is None):
                    continue
                if "\n" in name or not self.batchable:
                    out[i] = self(name)
                else:
                    batch.append(i)
            plain = names if len(batch) == len(names) else [names[i] for i in batch]
        if not batch:
            return out
        joined = self._prepare("\n".join(plain))
        if len(batch) == len(names):
            out = self._run(self.mixed, joined).split("\n")
        else:
            for i, done in zip(batch, self._run(self.mixed, joined).split("\n"), strict=True):
                out[i] = done
        # A name with an ALL CAPS word is converted again on its own (its initials look at
        # their neighbours): the batch is not joined again without it.
        if machine is not None:
            # the lines that may shout, found in C, each confirmed by the pattern (a match
            # never crosses a newline)
            for k, start, end in machine.maybe_shouting(joined):
                if _TWO_CAPITALS.search(joined, start, end) is not None:
                    out[batch[k]] = self(names[batch[k]])
            return out
        shouting = _TWO_CAPITALS.search(joined)
        if shouting is not None:
            ends = [m.start() for m in _NEWLINE.finditer(joined)]
            ends.append(len(joined))
            done_upto = -1
            while shouting is not None:
                k = bisect_right(ends, shouting.start())
                if k > done_upto:
                    out[batch[k]] = self(names[batch[k]])
                    done_upto = k
                shouting = _TWO_CAPITALS.search(joined, ends[k])
        return out

    def _chunk(self, chunk: str) -> str | None:
        """*chunk* converted and memoized, or None if its case depends on its neighbours."""
        if chunk[1:].islower() or chunk.islower():
            # lowercase or Title: no ALL CAPS word and no initial, so no case analysis
            done = self._run(self.mixed, self._prepare(chunk))
        elif _INITIAL.search(chunk):
            return None
        else:
            done = self._convert(chunk)
        self._memo[chunk] = done
        return done

    def _convert(self, text: str) -> str:
        text = self._prepare(text)
        if _TWO_CAPITALS.search(text) is None:
            return self._run(self.mixed, text)
        return "".join(self._run(mode, piece) for mode, piece in self._pieces(text))

    def _run(self, mode: _Mode, text: str) -> str:
        if mode.machine is not None:
            text = mode.machine(text)
            return unicodedata.normalize("NFC", text) if self.compose else text
        if mode.substitute is not None:
            text = mode.substitute(text)
        text = text.translate(mode.table)
        return unicodedata.normalize("NFC", text) if self.compose else text

    def _pieces(self, text: str) -> list[tuple[_Mode, str]]:
        """Split *text* at word edges into stretches of ALL CAPS words and the rest."""
        words = [(m.start(), m.end(), _caps_of(m.group())) for m in _WORD.finditer(text)]
        kinds = [kind for _, _, kind in words]
        for i, kind in enumerate(kinds):
            if kind == "initial":
                before = next((k for k in reversed(kinds[:i]) if k != "initial"), None)
                after = next((k for k in kinds[i + 1 :] if k != "initial"), None)
                nearest = before or after
                kinds[i] = "upper" if nearest == "upper" else "mixed"
        pieces: list[tuple[_Mode, str]] = []
        start = 0
        current = "mixed"
        for (word_start, _, _), kind in zip(words, kinds, strict=True):
            if kind != current:
                if word_start > start:
                    pieces.append((self.upper if current == "upper" else self.mixed,
                                   text[start:word_start]))
                start, current = word_start, kind
        pieces.append((self.upper if current == "upper" else self.mixed, text[start:]))
        return pieces


def _caps_of(word: str) -> str:
    capitals = sum(1 for c in word if c.isupper())
    if capitals == 0 or any(c.islower() for c in word):
        return "mixed"
    return "upper" if capitals >= 2 else "initial"


def invert(table: Table) -> Rules:
    """The reverse rows of a reversible table: every output read back as its row's key,
    then the table's own [reverse] rows on top.  Two keys with one output is a TableError."""

    inverse: dict[str, str] = {}
    for key, contexts in table.rules.items():
        for context in contexts:
            out = context.to.lower()
            if not out:
                continue
            if out in inverse and inverse[out] != key and out not in table.reverse:
                raise TableError(
                    table.path,
                    f"[rules] row {key!r}",
                    f"output {out!r} also comes from row {inverse[out]!r}, so the table is not "
                    "reversible as written: add a [reverse] row for it, or set reversible = false",
                )
            inverse.setdefault(out, key)
    rules: Rules = {out: (Context(key),) for out, key in inverse.items()}
    rules.update(table.reverse)
    return rules


# The machine readable zone's name field (ICAO Doc 9303, 7th ed. 2015, Part 3, 4.6): capitals
# A-Z and digits only; a space or hyphen between name parts is the filler <; apostrophes and
# other punctuation are left out.  Marks on Latin letters are dropped (E for É).
_MRZ_FILLER = re.compile(r"[\s\-\u2010-\u2015]+")
_MRZ_DROP = re.compile(r"[^A-Z0-9<]")


def mrz_form(text: str) -> str:
    """*text* (already romanized) as the MRZ writes it: ШЕВЧЕНКО-Ґудзь → SHEVCHENKO<GUDZ."""
    text = unicodedata.normalize("NFKD", text).upper()
    return _MRZ_DROP.sub("", _MRZ_FILLER.sub("<", text.strip()))
