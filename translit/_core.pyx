# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True, initializedcheck=False
"""The compiled table machine (issue 16): one pass of a Converter mode over a prepared text.

It does what ``engine._Mode`` does with ``pattern.sub(replace, text).translate(table)``, in C:
at each position the rows are tried in the pattern's order (longest key first, a row's
contexts in order), the first that matches is replaced, and a character no row starts is
looked up in the mode's translate table.  Character tests are the ones Python's ``re`` makes
under IGNORECASE (a cased character matches if its simple lowercase is in the set the
pattern compiled, ``re._compiler._EXTRA_CASES`` included); engine.py computes those sets and
this module only runs them.  A match whose source differs from its key (a capital, a
look-alike) asks engine.py's own case logic once per distinct source and remembers it.

engine.py is the reference: tests/test_core_equal.py checks the two agree on every system.
"""

from cpython.mem cimport PyMem_Free, PyMem_Malloc, PyMem_Realloc
from cpython.unicode cimport (
    Py_UNICODE_ISALNUM,
    Py_UNICODE_ISDECIMAL,
    Py_UNICODE_ISLOWER,
    Py_UNICODE_ISUPPER,
    Py_UNICODE_TOLOWER,
)

cdef extern from "Python.h":
    object PyUnicode_FromKindAndData(int kind, const void *buffer, Py_ssize_t size)
    int PyUnicode_4BYTE_KIND

# Code points below this get direct tables (ASCII, Latin, IPA, Greek, Cyrillic and Supplement).
cdef enum:
    LOW = 0x600


cdef struct CharSet:
    # a set of code points; cased: test the lowercase of a character instead of itself
    Py_UCS4 *codes
    int count
    bint cased


cdef struct Row:
    int length           # key length
    int start            # offset of the key's sets in Machine.sets
    int has_after
    int after_edge       # the word start (no letter before) is allowed
    int has_after_set
    int has_before
    int before_edge
    int has_before_set
    CharSet after_set
    CharSet before_set
    Py_UCS4 *key         # the key itself
    Py_UCS4 *out         # the output (already translated) when the source is the key
    Py_ssize_t out_length


cdef inline bint in_set(CharSet *s, Py_UCS4 c) noexcept:
    cdef int i
    if s.cased:
        c = Py_UNICODE_TOLOWER(c)
    for i in range(s.count):
        if s.codes[i] == c:
            return True
    return False


cdef Py_UCS4 *ucs4_of(str text, Py_ssize_t *length) except? NULL:
    cdef Py_ssize_t n = len(text)
    cdef Py_UCS4 *buffer = <Py_UCS4 *>PyMem_Malloc((n + 1) * sizeof(Py_UCS4))
    cdef Py_ssize_t i
    if buffer == NULL:
        raise MemoryError()
    for i in range(n):
        buffer[i] = text[i]
    length[0] = n
    return buffer


cdef int fill_set(CharSet *s, object spec) except -1:
    # spec: (cased, codes)
    cased, codes = spec
    s.cased = bool(cased)
    s.count = len(codes)
    s.codes = <Py_UCS4 *>PyMem_Malloc((s.count + 1) * sizeof(Py_UCS4))
    if s.codes == NULL:
        raise MemoryError()
    for i, c in enumerate(codes):
        s.codes[i] = <Py_UCS4>c
    return 0


cdef class Machine:
    """One mode of one Converter, compiled.  Call it on a prepared text."""

    cdef Row *rows
    cdef int row_count
    cdef CharSet *sets          # per key position, all rows one after the other
    cdef int set_count
    cdef CharSet marks          # the combining marks of the edge tests, under IGNORECASE
    # rows whose key may start at a character: for c < LOW, first[c]..first[c+1] in candidates
    cdef int *first
    cdef int *candidates
    cdef CharSet high_firsts    # characters >= LOW that may start a key (with their cased flag)
    cdef CharSet high_firsts_exact
    # the translate table: for c < LOW direct; above, the dict
    cdef Py_UCS4 **low_out
    cdef Py_ssize_t *low_length  # -1: not in the table
    cdef dict high_table
    cdef object replace          # replace(row, source) -> output, translated
    cdef list memos              # per row: source -> output
    cdef list keep               # the Python objects the C arrays point into

    def __cinit__(self):
        self.rows = NULL
        self.sets = NULL
        self.first = NULL
        self.candidates = NULL
        self.low_out = NULL
        self.low_length = NULL
        self.row_count = 0
        self.set_count = 0
        self.marks.codes = NULL
        self.high_firsts.codes = NULL
        self.high_firsts_exact.codes = NULL

    def __init__(self, list rows, dict table, object replace, object marks):
        """rows: (key, key_sets, after, before, out) each, in the pattern's order; a key set is
        (cased, codes); after/before None or (edge allowed, letters set or None); out the
        translated output for a source equal to the key.  table: the translate table.
        replace(row index, source) -> the translated output for any other source.  marks:
        (cased, codes) of the combining marks the edge tests exclude."""
        cdef int i, j, k, total
        cdef Row *row
        cdef CharSet *s
        self.keep = []
        self.replace = replace
        self.memos = [dict() for _ in rows]
        self.row_count = len(rows)
        fill_set(&self.marks, marks)
        self.rows = <Row *>PyMem_Malloc((self.row_count + 1) * sizeof(Row))
        total = sum(len(r[1]) for r in rows)
        self.sets = <CharSet *>PyMem_Malloc((total + 1) * sizeof(CharSet))
        if self.rows == NULL or self.sets == NULL:
            raise MemoryError()
        for i in range(total):
            self.sets[i].codes = NULL
        k = 0
        for i, (key, key_sets, after, before, out) in enumerate(rows):
            row = &self.rows[i]
            row.key = NULL
            row.out = NULL
            row.after_set.codes = NULL
            row.before_set.codes = NULL
        for i, (key, key_sets, after, before, out) in enumerate(rows):
            row = &self.rows[i]
            row.length = len(key)
            row.start = k
            for spec in key_sets:
                fill_set(&self.sets[k], spec)
                k += 1
            self.set_count = k
            row.key = ucs4_of(key, &row.out_length)
            row.out = ucs4_of(out, &row.out_length)
            row.has_after = after is not None
            row.after_edge = row.has_after and after[0]
            row.has_after_set = row.has_after and after[1] is not None
            if row.has_after_set:
                fill_set(&row.after_set, after[1])
            row.has_before = before is not None
            row.before_edge = row.has_before and before[0]
            row.has_before_set = row.has_before and before[1] is not None
            if row.has_before_set:
                fill_set(&row.before_set, before[1])
        # which rows may start at each low character, in order
        self.first = <int *>PyMem_Malloc((LOW + 1) * sizeof(int))
        if self.first == NULL:
            raise MemoryError()
        found = []
        for c in range(LOW):
            self.first[c] = len(found)
            for i in range(self.row_count):
                if in_set(&self.sets[self.rows[i].start], <Py_UCS4>c):
                    found.append(i)
        self.first[LOW] = len(found)
        self.candidates = <int *>PyMem_Malloc((len(found) + 1) * sizeof(int))
        if self.candidates == NULL:
            raise MemoryError()
        for j, i in enumerate(found):
            self.candidates[j] = i
        cased_high = set()
        exact_high = set()
        for i in range(self.row_count):
            s = &self.sets[self.rows[i].start]
            for j in range(s.count):
                if s.cased:
                    cased_high.add(<long>s.codes[j])
                elif s.codes[j] >= LOW:
                    exact_high.add(<long>s.codes[j])
        fill_set(&self.high_firsts, (True, sorted(cased_high)))
        fill_set(&self.high_firsts_exact, (False, sorted(exact_high)))
        # the translate table
        self.low_out = <Py_UCS4 **>PyMem_Malloc(LOW * sizeof(Py_UCS4 *))
        self.low_length = <Py_ssize_t *>PyMem_Malloc(LOW * sizeof(Py_ssize_t))
        if self.low_out == NULL or self.low_length == NULL:
            raise MemoryError()
        for c in range(LOW):
            self.low_out[c] = NULL
            self.low_length[c] = -1
        self.high_table = {}
        for c, value in table.items():
            if not isinstance(value, str):
                raise TypeError("the translate table maps code points to str")
            if c < LOW:
                self.low_out[c] = ucs4_of(value, &self.low_length[c])
            else:
                self.high_table[c] = value

    def __dealloc__(self):
        cdef int i
        if self.rows != NULL:
            for i in range(self.row_count):
                PyMem_Free(self.rows[i].key)
                PyMem_Free(self.rows[i].out)
                PyMem_Free(self.rows[i].after_set.codes)
                PyMem_Free(self.rows[i].before_set.codes)
            PyMem_Free(self.rows)
        if self.sets != NULL:
            for i in range(self.set_count):
                PyMem_Free(self.sets[i].codes)
            PyMem_Free(self.sets)
        PyMem_Free(self.marks.codes)
        PyMem_Free(self.high_firsts.codes)
        PyMem_Free(self.high_firsts_exact.codes)
        PyMem_Free(self.first)
        PyMem_Free(self.candidates)
        if self.low_out != NULL:
            for i in range(LOW):
                PyMem_Free(self.low_out[i])
            PyMem_Free(self.low_out)
        PyMem_Free(self.low_length)

    cdef inline bint letter_before(self, Py_UCS4 c) noexcept:
        # re's (?<![^\W\d_]k)(?<![\u0300-\u036f]k) fail: c is a letter or one of the marks
        if Py_UNICODE_ISALNUM(c) and not Py_UNICODE_ISDECIMAL(c):
            return True
        return in_set(&self.marks, c)

    cdef inline bint letter_after(self, Py_UCS4 c) noexcept:
        # re's [^\W\d_\u0300-\u036f] under IGNORECASE: tested on the lowercase
        cdef Py_UCS4 lower = Py_UNICODE_TOLOWER(c)
        if lower == 0x5F or not Py_UNICODE_ISALNUM(lower) or Py_UNICODE_ISDECIMAL(lower):
            return False
        return not in_set(&self.marks, c)

    cdef inline bint fits(self, Row *row, Py_UCS4 *text, Py_ssize_t n, Py_ssize_t pos) noexcept:
        cdef int i
        cdef Py_ssize_t end = pos + row.length
        if end > n:
            return False
        for i in range(row.length):
            if not in_set(&self.sets[row.start + i], text[pos + i]):
                return False
        if row.has_after:
            if pos == 0:
                if not row.after_edge:
                    return False
            else:
                if not ((row.has_after_set and in_set(&row.after_set, text[pos - 1]))
                        or (row.after_edge and not self.letter_before(text[pos - 1]))):
                    return False
        if row.has_before:
            if end == n:
                if not row.before_edge:
                    return False
            else:
                if not ((row.has_before_set and in_set(&row.before_set, text[end]))
                        or (row.before_edge and not self.letter_after(text[end]))):
                    return False
        return True

    def __call__(self, str text):
        cdef Py_ssize_t n = len(text)
        cdef Py_ssize_t pos = 0, size = 0, capacity, i, length
        cdef Py_UCS4 *source
        cdef Py_UCS4 *out
        cdef Py_UCS4 *grown
        cdef Py_UCS4 *piece
        cdef Py_UCS4 c
        cdef Row *row
        cdef int j, lo, hi, found
        cdef bint same
        cdef str value
        if n == 0:
            return text
        source = <Py_UCS4 *>PyMem_Malloc(n * sizeof(Py_UCS4))
        capacity = 2 * n + 16
        out = <Py_UCS4 *>PyMem_Malloc(capacity * sizeof(Py_UCS4))
        if source == NULL or out == NULL:
            PyMem_Free(source)
            PyMem_Free(out)
            raise MemoryError()
        try:
            for i in range(n):
                source[i] = text[i]
            while pos < n:
                c = source[pos]
                found = -1
                if c < LOW:
                    lo = self.first[<int>c]
                    hi = self.first[<int>c + 1]
                    for j in range(lo, hi):
                        if self.fits(&self.rows[self.candidates[j]], source, n, pos):
                            found = self.candidates[j]
                            break
                elif in_set(&self.high_firsts, c) or in_set(&self.high_firsts_exact, c):
                    for j in range(self.row_count):
                        if self.fits(&self.rows[j], source, n, pos):
                            found = j
                            break
                if found >= 0:
                    row = &self.rows[found]
                    same = True
                    for i in range(row.length):
                        if source[pos + i] != row.key[i]:
                            same = False
                            break
                    if same:
                        piece = row.out
                        length = row.out_length
                        value = None
                    else:
                        key = text[pos:pos + row.length]
                        memo = <dict>self.memos[found]
                        value = memo.get(key)
                        if value is None:
                            value = self.replace(found, key)
                            if len(memo) < 4096:
                                memo[key] = value
                        length = len(value)
                        piece = NULL
                    pos += row.length
                else:
                    pos += 1
                    if c < LOW:
                        length = self.low_length[<int>c]
                        if length < 0:
                            piece = NULL
                            length = 1
                            value = None
                        else:
                            piece = self.low_out[<int>c]
                            value = None
                    elif self.high_table and <long>c in self.high_table:
                        value = self.high_table[<long>c]
                        length = len(value)
                        piece = NULL
                    else:
                        piece = NULL
                        length = 1
                        value = None
                if size + length > capacity:
                    capacity = 2 * capacity + length
                    grown = <Py_UCS4 *>PyMem_Realloc(out, capacity * sizeof(Py_UCS4))
                    if grown == NULL:
                        raise MemoryError()
                    out = grown
                if piece != NULL:
                    for i in range(length):
                        out[size + i] = piece[i]
                elif value is not None:
                    for i in range(length):
                        out[size + i] = value[i]
                else:
                    out[size] = c
                size += length
            return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, out, size)
        finally:
            PyMem_Free(source)
            PyMem_Free(out)


cdef inline bint is_cyrillic(Py_UCS4 c) noexcept:
    # letters.CYRILLIC_RANGES
    return (0x400 <= c <= 0x52F or 0x1C80 <= c <= 0x1C8F or 0x2DE0 <= c <= 0x2DFF
            or 0xA640 <= c <= 0xA69F)


def screen(list names, bint cyrillic_source, bint batchable):
    """What Converter.many does with each name: (batch, alone), the indices of the names
    converted in the newline-joined batch and of those converted one by one (a newline, or
    a table that cannot batch); the others (Cyrillic source, no Cyrillic) pass through."""
    cdef list batch = []
    cdef list alone = []
    cdef Py_ssize_t i, j, n
    cdef str name
    cdef bint cyrillic, newline
    cdef Py_UCS4 c
    for i in range(len(names)):
        item = names[i]
        if not isinstance(item, str):
            raise TypeError(f"a name is a str, not {type(item).__name__}")
        name = <str>item
        n = len(name)
        cyrillic = False
        newline = False
        for j in range(n):
            c = name[j]
            if c == 0x0A:
                newline = True
            elif is_cyrillic(c):
                cyrillic = True
        if cyrillic_source and not cyrillic:
            continue
        if newline or not batchable:
            alone.append(i)
        else:
            batch.append(i)
    return batch, alone


cdef inline bint caseless_lower(Py_UCS4 c) noexcept:
    # certainly neither a capital nor a mark, modifier letter or joiner in every Unicode
    # version: ASCII other than A-Z and ' `, and the lowercase letters of basic Cyrillic
    if c < 0x80:
        return not (0x41 <= c <= 0x5A or c == 0x27 or c == 0x60)
    return 0x430 <= c <= 0x45F


def maybe_shouting(str text):
    """The lines of *text* that may hold two capitals in a row (engine._TWO_CAPITALS): a
    superset, found without the regex module; the caller confirms each with the pattern."""
    cdef list lines = []
    cdef Py_ssize_t i, n = len(text), line = 0, start = 0
    cdef Py_UCS4 c
    cdef bint upper_before = False, hit = False
    for i in range(n):
        c = text[i]
        if c == 0x0A:
            if hit:
                lines.append((line, start, i))
            line += 1
            start = i + 1
            upper_before = False
            hit = False
        elif hit:
            continue
        elif caseless_lower(c):
            upper_before = False
        elif c == 0x27 or c == 0x60 or not (0x41 <= c <= 0x5A or c >= 0x80):
            pass  # ' ` may join the letters of a word: keep what came before
        elif 0x41 <= c <= 0x5A or not Py_UNICODE_ISLOWER(c) or Py_UNICODE_ISUPPER(c):
            # a capital, or something that may be one or may join (a mark, ʼ, ’ ...)
            if upper_before:
                hit = True
            upper_before = True
    if hit:
        lines.append((line, start, n))
    return lines
