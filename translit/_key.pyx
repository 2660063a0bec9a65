# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True, initializedcheck=False
"""The compiled grouping key (issue 16, point 2): translit.normalize.key() in C.

normalize.py is the reference and gives the tables: init() takes its key tables (the Cyrillic
and Latin letters and groups, each convention's groups and endings, the vowel classes) and
compiles them into C arrays (a translate array per script, the groups by first character,
longest first), so that a new table row needs no change here.  Every regex of the key's path
is an explicit loop below, named by the normalize.py pattern it does the work of; what is rare
calls back into Python (the preparation of a name with other than ASCII and plain Cyrillic
letters, a stray letter's unidecode reading, the given names' dicts).  The memos are
translit.memo.Memo objects normalize.py makes (clear_all() empties them).

tests/test_key_equal.py holds compiled == pure as a law.
"""

from cpython.mem cimport PyMem_Calloc, PyMem_Free, PyMem_Malloc, PyMem_Realloc
from cpython.object cimport PyObject
from cpython.ref cimport Py_INCREF, Py_XDECREF
from cpython.unicode cimport Py_UNICODE_ISALNUM, Py_UNICODE_ISSPACE
from libc.string cimport memcmp, memcpy

cdef extern from "Python.h":
    object PyUnicode_FromKindAndData(int kind, const void *buffer, Py_ssize_t size)
    int PyUnicode_4BYTE_KIND

# Code points below this get direct tables; every table and class character is below it.
cdef enum:
    LOW = 0x3000
    SMALL = 96

# character classes (bits of CLS), each the class of a normalize.py pattern
cdef enum:
    C_L1 = 1 << 0       # [bcdfghklmnpqrstvwxzčšžł]: _LATIN_SEPARATING, _FRENCH_INE, _FINAL_U, endings
    C_LJE = 1 << 1      # [bcdfghklmnpqrstvwxzčšžłĺńśźćľťď]: _LATIN_JE
    C_SOFTO = 1 << 2    # [ĺńśźćľťď]: _SOFT_O
    C_L2 = 1 << 3       # [bcdfghklmnpqrstvwxzčšžćśźńłľĺ]: _SOFT_J
    C_XK = 1 << 4       # [bcdfghjklmnpqrstvwxzčšžćśźńłľĺ]: _X_KHA
    C_SEPV = 1 << 5     # [aeiouâêôûë]: _LATIN_SEPARATING's vowel
    C_SEP = 1 << 6      # ['’ʼʹʺ″]: _LATIN_SEPARATING's sign
    C_SILL = 1 << 7     # _SILENT_LATIN
    C_CSEPV = 1 << 8    # [аеёиіїоуэюяє]: _SEPARATING_SIGN
    C_CFU = 1 << 9      # [бвгґджзклмнпрстфхцчшщ]: _FINAL_CYRILLIC_U
    C_CGY = 1 << 10     # [бвгґджзклмнпрстфхцчш]: _GEMINATE_YA
    C_GIA = 1 << 11     # [bcdfghklmnprstvzžšč]: _GEMINATE_IA's single letters
    C_SILC = 1 << 12    # ьъʼ: _SILENT_CYRILLIC
    C_SIGN = 1 << 13    # [a-zšAEIOUJY0-9]: what _STRAY leaves
    C_KCONS = 1 << 14   # [bcdfgklmnprsštv]: _SOFT_E
    C_JOIN = 1 << 15    # APOSTROPHES + ”"·: _WORDS' joiners (and what key() strips)
    C_SAFE = 1 << 16    # a name of these needs no NFC or apostrophe work: _prepare is lower()
    C_VS = 1 << 17      # AEIOUJY: _RUNS, _VOWEL_SIGNS
    C_CYR = 1 << 18     # CYRILLIC_RANGES: _ANY_CYRILLIC
    C_CYRRUN = 1 << 19  # CYRILLIC_RANGES + ʼ: _CYRILLIC_RUN
    C_LAT = 1 << 20     # [A-Za-z\u00c0-\u024f\u1e00-\u1eff]: _ANY_LATIN
    C_ALNUM = 1 << 21   # alphanumeric, and its casefold holds an alphanumeric (is_placeholder)
    C_POLISH = 1 << 22  # [łżśćńóąęź]: latin_family's Polish letters
    C_CZECH = 1 << 23   # [čšžěřůĉŝ]: latin_family's Czech letters
    C_SEPTRIG = 1 << 24  # ' ’ ʹ ʺ: _sounds_latin's test before _LATIN_SEPARATING
    C_DBL = 1 << 25     # [a-zš]: _DOUBLES
    C_GEM = 1 << 26     # [b-zš]: _GEMINATE_ENDING
    C_AEIOU = 1 << 27   # AEIOU: _GEMINATE_ENDING's lookahead
    C_AEOU = 1 << 28    # AEOU: _GLIDES, _VOWEL_GLIDE
    C_W = 1 << 29       # str.isalnum(): _WORDS' [^\W_]
    C_PHFIRST = 1 << 30  # its case fold starts as a placeholder does

cdef unsigned int CLS[LOW]


cdef inline unsigned int cls(Py_UCS4 c) noexcept:
    if c < LOW:
        return CLS[c]
    if 0xa640 <= c <= 0xa69f:  # Cyrillic Extended-B
        return C_CYR | C_CYRRUN
    return 0


# --- growable buffers of code points --------------------------------------------------------

cdef struct Buf:
    Py_UCS4 *p
    Py_ssize_t n
    Py_ssize_t cap
    Py_UCS4 small[SMALL]


cdef inline void buf_init(Buf *b) noexcept:
    b.p = b.small
    b.n = 0
    b.cap = SMALL


cdef inline void buf_free(Buf *b) noexcept:
    if b.p != b.small:
        PyMem_Free(b.p)
    b.p = b.small
    b.cap = SMALL
    b.n = 0


cdef int buf_grow(Buf *b, Py_ssize_t need) except -1:
    cdef Py_ssize_t cap = b.cap * 2
    cdef Py_UCS4 *p
    while cap < need:
        cap *= 2
    if b.p == b.small:
        p = <Py_UCS4 *> PyMem_Malloc(cap * sizeof(Py_UCS4))
        if p == NULL:
            raise MemoryError()
        memcpy(p, b.small, b.n * sizeof(Py_UCS4))
    else:
        p = <Py_UCS4 *> PyMem_Realloc(b.p, cap * sizeof(Py_UCS4))
        if p == NULL:
            raise MemoryError()
    b.p = p
    b.cap = cap
    return 0


cdef inline int push(Buf *b, Py_UCS4 c) except -1:
    if b.n >= b.cap:
        buf_grow(b, b.n + 1)
    b.p[b.n] = c
    b.n += 1
    return 0


cdef inline int extend(Buf *b, const Py_UCS4 *s, Py_ssize_t n) except -1:
    if b.n + n > b.cap:
        buf_grow(b, b.n + n)
    memcpy(b.p + b.n, s, n * sizeof(Py_UCS4))
    b.n += n
    return 0


cdef int extend_str(Buf *b, str s) except -1:
    cdef Py_UCS4 c
    for c in s:
        push(b, c)
    return 0


cdef inline str to_str(Buf *b):
    return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, b.p, b.n)


# --- tables ---------------------------------------------------------------------------------

# one pool of every table string
cdef Py_UCS4 *POOL = NULL
cdef Py_ssize_t POOL_N = 0


cdef struct Table:
    # a translate table: code point → pool offset and length (-1: not in the table)
    int *off
    int *length


cdef struct Group:
    int key_off
    int key_len
    int val_off
    int val_len


cdef struct Reader:
    # groups by first character, each character's longest first
    Group *groups
    int *first  # LOW entries: index of the character's first group, -1 if none
    int *count
    int n_endings
    Group *endings  # a word's last letters → letters (longest first)
    bint j_groups
    bint french


cdef Table CYR_TABLE
cdef Table LAT_TABLE
cdef Reader CYR_READER
# the key's Latin readers, one per convention latin_family names
cdef Reader FAMILY[6]
cdef bint READY = False
# open, closed, initial, ending: vowel sign (A E I O U) → class character (0: none)
cdef Py_UCS4 OPEN_CLS[128]
cdef Py_UCS4 CLOSED_CLS[128]
cdef Py_UCS4 INITIAL_CLS[128]
cdef Py_UCS4 ENDING_CLS[128]
cdef int MAX_PLACEHOLDER = 0

cdef enum:
    F_ENGLISH = 0
    F_POLISH = 1
    F_GOST = 2
    F_GERMAN = 3
    F_CZECH = 4
    F_FRENCH = 5

FAMILY_NAMES = ("english", "polish", "gost", "german", "czech", "french")

# Python objects the key reads (set by init)
cdef object _py_prepare = None
cdef object _py_placeholder = None
cdef object _py_stray = None
cdef object _py_latin_family = None
cdef object _py_given = None  # () → (given, folds); called once
cdef object _py_lexicon_given = None
cdef object _py_known = None  # () → normalize._known_forms()
cdef dict _known = None
cdef dict _given = None
cdef object _folds = None
cdef dict _unlisted = None
cdef object _name_memo = None


cdef int pool_add(list pool, str s) except -1:
    cdef int at = len(pool)
    cdef Py_UCS4 c
    for c in s:
        pool.append(<long> c)
    return at


cdef int make_table(Table *t, dict letters, list pool) except -1:
    cdef Py_ssize_t i
    t.off = <int *> PyMem_Malloc(LOW * sizeof(int))
    t.length = <int *> PyMem_Malloc(LOW * sizeof(int))
    if t.off == NULL or t.length == NULL:
        raise MemoryError()
    for i in range(LOW):
        t.length[i] = -1
        t.off[i] = 0
    for k, v in letters.items():
        if len(k) != 1 or ord(k) >= LOW:
            raise ValueError(f"a key table letter the compiled key cannot hold: {k!r}")
        t.off[ord(k)] = pool_add(pool, v)
        t.length[ord(k)] = len(v)
    return 0


cdef int make_groups(Group **out, int *n_out, dict groups, list pool) except -1:
    # longest first (the order of normalize._compile's alternation)
    keys = sorted(groups, key=len, reverse=True)
    cdef Group *g = <Group *> PyMem_Malloc((len(keys) + 1) * sizeof(Group))
    if g == NULL:
        raise MemoryError()
    cdef int i = 0
    for k in keys:
        g[i].key_len = len(k)
        g[i].key_off = pool_add(pool, k)
        g[i].val_len = len(groups[k])
        g[i].val_off = pool_add(pool, groups[k])
        i += 1
    out[0] = g
    n_out[0] = i
    return 0


cdef int make_reader(Reader *r, dict groups, dict endings, bint j_groups, bint french,
                     list pool) except -1:
    # the groups sorted by first character, then longest first
    keys = sorted(groups, key=lambda k: (k[0], -len(k)))
    cdef int n = len(keys)
    cdef int i
    r.groups = <Group *> PyMem_Malloc((n + 1) * sizeof(Group))
    r.first = <int *> PyMem_Malloc(LOW * sizeof(int))
    r.count = <int *> PyMem_Malloc(LOW * sizeof(int))
    if r.groups == NULL or r.first == NULL or r.count == NULL:
        raise MemoryError()
    for i in range(LOW):
        r.first[i] = -1
        r.count[i] = 0
    for i, k in enumerate(keys):
        if ord(k[0]) >= LOW:
            raise ValueError(f"a key table group the compiled key cannot hold: {k!r}")
        r.groups[i].key_len = len(k)
        r.groups[i].key_off = pool_add(pool, k)
        r.groups[i].val_len = len(groups[k])
        r.groups[i].val_off = pool_add(pool, groups[k])
        if r.first[ord(k[0])] < 0:
            r.first[ord(k[0])] = i
        r.count[ord(k[0])] += 1
    make_groups(&r.endings, &r.n_endings, endings, pool)
    r.j_groups = j_groups
    r.french = french
    return 0


cdef void set_class(str chars, unsigned int bit):
    cdef Py_UCS4 c
    for c in chars:
        CLS[c] |= bit


def init(dict cyrillic, dict cyrillic_groups, dict latin, dict latin_groups, dict family_groups,
         object j_groups, dict word_endings, dict folds, str cyrillic_ranges, str apostrophes,
         object prepare, object placeholder, object placeholders, object stray,
         object given_names, object lexicon_given, object name_memo,
         object invisible, object any_apostrophe, object latin_family, object known_forms,
         size_t word_slots):
    """Compile normalize.py's tables; take its Python helpers and memos."""
    global POOL, POOL_N, READY, MAX_PLACEHOLDER, _py_prepare, _py_placeholder, _py_stray, _py_latin_family
    global _py_given, _py_lexicon_given, _name_memo, _given, _folds, _unlisted, _py_known
    global SLOTS, WORD_SLOTS
    import unicodedata
    cdef list pool = []
    cdef Py_ssize_t i
    cdef int j
    READY = False
    _given = None
    make_table(&CYR_TABLE, cyrillic, pool)
    make_table(&LAT_TABLE, latin, pool)
    make_reader(&CYR_READER, cyrillic_groups, {}, False, False, pool)
    for j, name in enumerate(FAMILY_NAMES):
        make_reader(&FAMILY[j], {**latin_groups, **family_groups[name]},
                    word_endings.get(name, {}), name in j_groups, name == "french", pool)
    for i in range(128):
        OPEN_CLS[i] = CLOSED_CLS[i] = INITIAL_CLS[i] = ENDING_CLS[i] = 0
    for k, v in folds["open"].items():
        OPEN_CLS[ord(k)] = ord(v)
    for k, v in folds["closed"].items():
        CLOSED_CLS[ord(k)] = ord(v)
    for k, v in folds["initial"].items():
        INITIAL_CLS[ord(k)] = ord(v)
    for k, v in folds["ending"].items():
        ENDING_CLS[ord(k)] = ord(v)
    if POOL != NULL:
        PyMem_Free(POOL)
    POOL = <Py_UCS4 *> PyMem_Malloc((len(pool) + 1) * sizeof(Py_UCS4))
    if POOL == NULL:
        raise MemoryError()
    for i in range(len(pool)):
        POOL[i] = pool[i]
    POOL_N = len(pool)

    for i in range(LOW):
        CLS[i] = 0
    set_class("bcdfghklmnpqrstvwxzčšžł", C_L1)
    set_class("bcdfghklmnpqrstvwxzčšžłĺńśźćľťď", C_LJE)
    set_class("ĺńśźćľťď", C_SOFTO)
    set_class("bcdfghklmnpqrstvwxzčšžćśźńłľĺ", C_L2)
    set_class("bcdfghjklmnpqrstvwxzčšžćśźńłľĺ", C_XK)
    set_class("aeiouâêôûë", C_SEPV)
    set_class("'’ʼʹʺ″", C_SEP)
    set_class("ʹʺʼ'’‘`′″\"”·´", C_SILL)
    set_class("аеёиіїоуэюяє", C_CSEPV)
    set_class("бвгґджзклмнпрстфхцчшщ", C_CFU)
    set_class("бвгґджзклмнпрстфхцчш", C_CGY)
    set_class("bcdfghklmnprstvzžšč", C_GIA)
    set_class("ьъʼ", C_SILC)
    set_class("abcdefghijklmnopqrstuvwxyzšAEIOUJY0123456789", C_SIGN)
    set_class("bcdfgklmnprsštv", C_KCONS)
    set_class(apostrophes + "”\"·", C_JOIN)
    set_class("AEIOUJY", C_VS)
    set_class("łżśćńóąęź", C_POLISH)
    set_class("čšžěřůĉŝ", C_CZECH)
    set_class("'’ʹʺ", C_SEPTRIG)
    set_class("abcdefghijklmnopqrstuvwxyzš", C_DBL)
    set_class("bcdefghijklmnopqrstuvwxyzš", C_GEM)
    set_class("AEIOU", C_AEIOU)
    set_class("AEOU", C_AEOU)
    # CYRILLIC_RANGES: "a-b" pieces
    ranges = cyrillic_ranges
    if len(ranges) % 3 or any(ranges[i + 1] != "-" for i in range(0, len(ranges), 3)):
        raise ValueError("CYRILLIC_RANGES is not a list of ranges")
    for i in range(0, len(ranges), 3):
        a, b = ord(ranges[i]), ord(ranges[i + 2])
        if b >= LOW and not (a == 0xa640 and b == 0xa69f):
            raise ValueError("a Cyrillic range the compiled key does not know")
        for c in range(a, min(b, LOW - 1) + 1):
            CLS[c] |= C_CYR | C_CYRRUN
    CLS[ord("ʼ")] |= C_CYRRUN
    for c in list(range(ord("A"), ord("Z") + 1)) + list(range(ord("a"), ord("z") + 1)) + \
            list(range(0xc0, 0x250)) + list(range(0x1e00, 0x1f00)):
        CLS[c] |= C_LAT
    # prepare's fast path: ASCII but the apostrophes, and the Cyrillic letters NFC and the
    # apostrophe rule leave as they are, whose lowercase is one such letter
    for c in list(range(0x80)) + list(range(0x400, 0x460)) + [0x490, 0x491]:
        ch = chr(c)
        low = ch.lower()
        if (unicodedata.normalize("NFC", ch) == ch and not unicodedata.combining(ch)
                and len(low) == 1 and unicodedata.normalize("NFC", low) == low
                and low == chr(lower_safe(c))
                and invisible.search(ch) is None and invisible.search(low) is None
                and any_apostrophe.search(ch) is None and ch not in "\"”·"):
            CLS[c] |= C_SAFE
    firsts = {p[:1] for p in placeholders}
    for c in range(LOW):
        if Py_UNICODE_ISALNUM(c):  # str.isalnum() of one character
            CLS[c] |= C_W
            folded = chr(c).casefold()
            if any(d.isalnum() for d in folded):
                CLS[c] |= C_ALNUM
            if folded[:1] in firsts:
                CLS[c] |= C_PHFIRST
        elif chr(c).casefold()[:1] in firsts:
            CLS[c] |= C_PHFIRST
    MAX_PLACEHOLDER = max(len(p) for p in placeholders)
    _py_prepare = prepare
    _py_placeholder = placeholder
    _py_stray = stray
    _py_latin_family = latin_family
    _py_given = given_names
    _py_lexicon_given = lexicon_given
    _py_known = known_forms
    _name_memo = name_memo
    clear_word_cache()
    if word_slots < 1 or word_slots & (word_slots - 1):
        raise ValueError("word_slots is a power of two")
    PyMem_Free(SLOTS)
    SLOTS = NULL
    WORD_SLOTS = word_slots
    READY = True


cdef int load_given() except -1:
    global _given, _folds, _unlisted, _known
    given, folds = _py_given()
    _unlisted = _py_lexicon_given()
    _known = _py_known()
    _folds = folds
    _given = given
    return 0


# --- latin_family (translit.letters) --------------------------------------------------------

cdef inline bint at2(const Py_UCS4 *s, Py_ssize_t n, Py_ssize_t i, Py_UCS4 a, Py_UCS4 b) noexcept:
    return i + 1 < n and s[i] == a and s[i + 1] == b


cdef int latin_family(const Py_UCS4 *s, Py_ssize_t n) except -1:
    """letters.latin_family of a lowercase text: its patterns, in their order.  (A text with a
    newline, where their . stops, asks letters.py: no word of a name holds one.)"""
    cdef Py_ssize_t i
    for i in range(n):
        if s[i] == "\n":
            return FAMILY_NAMES.index(_py_latin_family(PyUnicode_FromKindAndData(
                PyUnicode_4BYTE_KIND, s, n)))
    cdef bint cz = False, rz = False, rz_no_h = False, w = False, v_kh_zh = False
    cdef bint polish = False, gost = False, tsch = False, czech = False, french = False
    cdef Py_UCS4 c
    for i in range(n):
        c = s[i]
        if cls(c) & C_POLISH:
            polish = True
        elif c == "`":
            gost = True
        elif cls(c) & C_CZECH:
            czech = True
        if c == "w":
            w = True
        elif c == "v":
            v_kh_zh = True
        elif c == "h" and i > 0 and (s[i - 1] == "k" or s[i - 1] == "z"):
            v_kh_zh = True
        elif c == "s" and i + 1 < n and s[i + 1] == "z":
            if i + 3 < n and s[i + 2] == "c" and s[i + 3] == "z":
                polish = True  # szcz
            elif i + 2 < n and s[i + 2] in "aeiouy":
                polish = True  # sz(?=[aeiouy])
        elif c == "c" and i + 1 < n and s[i + 1] == "z":
            cz = True
        elif c == "r" and i + 1 < n and s[i + 1] == "z":
            rz = True
            if not (i + 2 < n and s[i + 2] == "h"):
                rz_no_h = True
        elif c == "t":
            if i + 3 < n and s[i + 1] == "s" and s[i + 2] == "c" and s[i + 3] == "h":
                tsch = True
            if i + 2 < n and s[i + 1] == "c" and s[i + 2] == "h":
                french = True  # tch
        elif c == "o" and i + 2 < n and s[i + 1] == "u" and (
                Py_UNICODE_ISALNUM(s[i + 2]) or s[i + 2] == "_"):
            french = True  # ou(?=\w)
    # cz.*rz|rz.*cz; ^(?!.*(?:v|kh|zh))(?:.*(?:cz|rz(?!h)).*w|.*w.*(?:cz|rz(?!h)))
    if polish or (cz and rz) or (not v_kh_zh and w and (cz or rz_no_h)):
        return F_POLISH
    if gost:
        return F_GOST
    if tsch or (not v_kh_zh and w):
        return F_GERMAN
    if czech:
        return F_CZECH
    if french:
        return F_FRENCH
    return F_ENGLISH


def family(str text):
    """latin_family(text) of a lowercase text (for the tests)."""
    cdef Buf b
    buf_init(&b)
    try:
        extend_str(&b, text)
        return FAMILY_NAMES[latin_family(b.p, b.n)]
    finally:
        buf_free(&b)


# --- reading a run --------------------------------------------------------------------------

cdef int read_groups(Reader *r, Table *t, Buf *src, Buf *dst) except -1:
    """pattern.sub(groups).translate(table): the longest group at each position, then the
    letters (over the groups' signs too)."""
    cdef Buf mid
    cdef Py_ssize_t i = 0, n = src.n, k
    cdef Py_UCS4 c
    cdef int g, last, kl, j
    cdef Group *gr
    cdef bint hit
    buf_init(&mid)
    try:
        while i < n:
            c = src.p[i]
            hit = False
            if c < LOW and r.first[c] >= 0:
                g = r.first[c]
                last = g + r.count[c]
                while g < last:
                    gr = &r.groups[g]
                    kl = gr.key_len
                    if i + kl <= n:
                        for j in range(1, kl):
                            if src.p[i + j] != POOL[gr.key_off + j]:
                                break
                        else:
                            extend(&mid, POOL + gr.val_off, gr.val_len)
                            i += kl
                            hit = True
                            break
                    g += 1
            if not hit:
                push(&mid, c)
                i += 1
        dst.n = 0
        for k in range(mid.n):
            c = mid.p[k]
            if c < LOW:
                if t.length[c] >= 0:
                    extend(dst, POOL + t.off[c], t.length[c])
                else:
                    push(dst, c)
            else:
                push(dst, c)
    finally:
        buf_free(&mid)
    return 0


cdef int read_signs(Buf *src, Buf *out) except -1:
    """_read_signs, appended to out: stray letters through normalize's unidecode reading, then
    _T_SIBILANT (t+[sc] → c)."""
    cdef Buf mid
    cdef Py_ssize_t i, n, j
    cdef Py_UCS4 c
    cdef Buf *s = src
    buf_init(&mid)
    try:
        for i in range(src.n):
            if not (cls(src.p[i]) & C_SIGN):
                break
        else:
            i = -1
        if i >= 0:
            for i in range(src.n):
                c = src.p[i]
                if cls(c) & C_SIGN:
                    push(&mid, c)
                else:
                    extend_str(&mid, _py_stray(chr(c)))
            s = &mid
        read_t_sibilant(s, out)
    finally:
        buf_free(&mid)
    return 0


cdef inline void swap(Buf **a, Buf **b) noexcept:
    cdef Buf *t = a[0]
    a[0] = b[0]
    b[0] = t


cdef int sounds_latin(const Py_UCS4 *s, Py_ssize_t n, int fam, Buf *out) except -1:
    """normalize._sounds_latin(run, family), appended to out."""
    cdef Buf A, B
    cdef Buf *x = &A
    cdef Buf *y = &B
    cdef Reader *r = &FAMILY[fam]
    cdef Py_ssize_t i, m, k, e
    cdef Py_UCS4 c, d
    cdef bint trig = False, any_je = False, j_any = False, x_any = False, u_any = False
    cdef Group *g
    buf_init(&A)
    buf_init(&B)
    try:
        extend(x, s, n)
        for i in range(n):
            if cls(s[i]) & C_SEPTRIG:
                trig = True
                break
        if trig:  # _LATIN_SEPARATING → ʲ
            y.n = 0
            i = 0
            while i < n:
                c = x.p[i]
                if cls(c) & C_SEP and i > 0 and cls(x.p[i - 1]) & C_L1:
                    if i + 2 < n and x.p[i + 1] == "y" and cls(x.p[i + 2]) & C_SEPV:
                        push(y, 0x2b2)
                        i += 2
                        continue
                    if i + 1 < n and cls(x.p[i + 1]) & C_SEPV:
                        push(y, 0x2b2)
                        i += 1
                        continue
                push(y, c)
                i += 1
            swap(&x, &y)
        y.n = 0  # _SILENT_LATIN
        for i in range(x.n):
            if not (cls(x.p[i]) & C_SILL):
                push(y, x.p[i])
        swap(&x, &y)
        if r.n_endings:  # _WORD_ENDINGS: the longest ending after a consonant
            m = x.n
            for k in range(r.n_endings):
                g = &r.endings[k]
                e = g.key_len
                if m - e >= 1 and cls(x.p[m - e - 1]) & C_L1:
                    for i in range(e):
                        if x.p[m - e + i] != POOL[g.key_off + i]:
                            break
                    else:
                        x.n = m - e
                        extend(x, POOL + g.val_off, g.val_len)
                        break
        m = x.n
        if not r.j_groups:  # _LATIN_JE → ʲ
            for i in range(1, m - 1):
                if x.p[i] == "j" and x.p[i + 1] == "e" and cls(x.p[i - 1]) & C_LJE:
                    x.p[i] = 0x2b2
        y.n = 0  # _SOFT_O → ʲo
        for i in range(m):
            c = x.p[i]
            if c == "o" and i > 0 and cls(x.p[i - 1]) & C_SOFTO:
                push(y, 0x2b2)
            push(y, c)
        swap(&x, &y)
        m = x.n
        if r.french and m >= 4 and x.p[m - 3] == "i" and x.p[m - 2] == "n" and \
                x.p[m - 1] == "e" and cls(x.p[m - 4]) & C_L1:  # _FRENCH_INE
            x.n = m - 1
            m -= 1
        if m >= 3 and x.p[m - 1] == "u" and (x.p[m - 2] == "a" or x.p[m - 2] == "e"
                                             or x.p[m - 2] == "o") and cls(x.p[m - 3]) & C_L1:
            x.p[m - 1] = "v"  # _FINAL_U
        y.n = 0  # _SOFT_J: j between consonants (or at the end after one) is dropped
        for i in range(m):
            c = x.p[i]
            if c == "j" and i > 0 and cls(x.p[i - 1]) & C_L2 and (
                    i + 1 == m or cls(x.p[i + 1]) & C_L2):
                continue
            push(y, c)
        swap(&x, &y)
        m = x.n
        for i in range(m - 1):  # _X_KHA
            if x.p[i] == "x" and cls(x.p[i + 1]) & C_XK:
                x.p[i] = "g"
        if m and (x.p[m - 1] == "a" or x.p[m - 1] == 0xe2 or x.p[m - 1] == 0x1ce):
            gem_ia(x)
        read_groups(r, &LAT_TABLE, x, y)
        read_signs(y, out)
    finally:
        buf_free(&A)
        buf_free(&B)
    return 0


cdef inline bint ends2(Buf *x, Py_ssize_t t, const char *g, int k) noexcept:
    # whether x[:t] ends with g twice (g: k ASCII letters)
    cdef int i
    if t < 2 * k:
        return False
    for i in range(k):
        if x.p[t - 2 * k + i] != <Py_UCS4> g[i] or x.p[t - k + i] != <Py_UCS4> g[i]:
            return False
    return True


cdef int gem_ia(Buf *x) except -1:
    """_GEMINATE_IA: a doubled consonant and -ia -ya -ja -â -ǎ at the end: the ending is e."""
    cdef Py_ssize_t m = x.n, t
    cdef Py_UCS4 c
    if x.p[m - 1] == "a":
        if m < 2 or not (x.p[m - 2] == "i" or x.p[m - 2] == "y" or x.p[m - 2] == "j"):
            return 0
        t = m - 2
    else:
        t = m - 1
    if (ends2(x, t, b"sch", 3) or ends2(x, t, b"zh", 2) or ends2(x, t, b"sh", 2)
            or ends2(x, t, b"ch", 2) or ends2(x, t, b"kh", 2) or ends2(x, t, b"ts", 2)
            or (t >= 2 and x.p[t - 1] == x.p[t - 2] and cls(x.p[t - 1]) & C_GIA)):
        x.n = t
        push(x, "e")
    return 0


cdef int sounds_cyrillic(const Py_UCS4 *s, Py_ssize_t n, Buf *out) except -1:
    """normalize._sounds_cyrillic(run), appended to out."""
    cdef Buf A, B
    cdef Buf *x = &A
    cdef Buf *y = &B
    cdef Py_ssize_t i, m
    cdef Py_UCS4 c
    buf_init(&A)
    buf_init(&B)
    try:
        for i in range(n):  # _SEPARATING_SIGN → ʲ, then _SILENT_CYRILLIC
            c = s[i]
            if (c == 0x44c or c == 0x44a) and i + 1 < n and cls(s[i + 1]) & C_CSEPV:
                push(x, 0x2b2)
            elif not (cls(c) & C_SILC):
                push(x, c)
        m = x.n
        if m >= 3 and x.p[m - 1] == 0x443 and (x.p[m - 2] == 0x430 or x.p[m - 2] == 0x43e
                                               or x.p[m - 2] == 0x435) and cls(x.p[m - 3]) & C_CFU:
            x.p[m - 1] = 0x45e  # _FINAL_CYRILLIC_U: у → ў
        if m >= 3 and x.p[m - 1] == 0x44f and x.p[m - 2] == x.p[m - 3] and cls(x.p[m - 2]) & C_CGY:
            x.p[m - 1] = 0x435  # _GEMINATE_YA: я → е
        read_groups(&CYR_READER, &CYR_TABLE, x, y)
        read_signs(y, out)
    finally:
        buf_free(&A)
        buf_free(&B)
    return 0


cdef bint doubles(Buf *src, Buf *dst) except -1:
    """_DOUBLES.sub(r"\\1") once: (šc|dš|[a-zš])\\1+ → \\1; whether anything changed."""
    cdef Py_ssize_t i = 0, n = src.n, j
    cdef Py_UCS4 c
    cdef Py_UCS4 *s = src.p
    cdef bint changed = False
    dst.n = 0
    while i < n:
        c = s[i]
        if c == 0x161 and i + 3 < n and s[i + 1] == "c" and s[i + 2] == 0x161 and s[i + 3] == "c":
            j = i + 2
            while j + 1 < n and s[j] == 0x161 and s[j + 1] == "c":
                j += 2
            push(dst, c)
            push(dst, "c")
            i = j
            changed = True
        elif c == "d" and i + 3 < n and s[i + 1] == 0x161 and s[i + 2] == "d" and s[i + 3] == 0x161:
            j = i + 2
            while j + 1 < n and s[j] == "d" and s[j + 1] == 0x161:
                j += 2
            push(dst, c)
            push(dst, 0x161)
            i = j
            changed = True
        elif cls(c) & C_DBL and i + 1 < n and s[i + 1] == c:
            j = i + 1
            while j < n and s[j] == c:
                j += 1
            push(dst, c)
            i = j
            changed = True
        else:
            push(dst, c)
            i += 1
    return changed


cdef int word_sounds(const Py_UCS4 *wp, Py_ssize_t n, Buf *out) except -1:
    """normalize._word_sounds(word): the sounds of one word, single."""
    cdef Buf A, B
    cdef Buf *x = &A
    cdef Buf *y = &B
    cdef Py_ssize_t i, start, k
    cdef bint cyr = False, lat = False
    cdef int fam
    cdef unsigned int f
    buf_init(&A)
    buf_init(&B)
    try:
        for i in range(n):
            f = cls(wp[i])
            if f & C_CYR:
                cyr = True
            if f & C_LAT:
                lat = True
        if not cyr:
            sounds_latin(wp, n, latin_family(wp, n), x)
        elif not lat:
            sounds_cyrillic(wp, n, x)
        else:  # a word in two scripts (Покровsk): each run read in its own
            fam = latin_family(wp, n)
            i = 0
            while i < n:
                start = i
                if cls(wp[i]) & C_CYRRUN:
                    while i < n and cls(wp[i]) & C_CYRRUN:
                        i += 1
                    sounds_cyrillic(wp + start, i - start, y)
                else:
                    while i < n and not (cls(wp[i]) & C_CYRRUN):
                        i += 1
                    sounds_latin(wp + start, i - start, fam, y)
            x.n = 0
            read_t_sibilant(y, x)
        # _GEMINATE_ENDING: a doubled consonant before the final vowels is a consonant and J
        n = x.n
        k = 0
        while k < n and cls(x.p[n - 1 - k]) & C_AEIOU:
            k += 1
        if k >= 1 and n - k >= 2 and x.p[n - k - 1] == x.p[n - k - 2] and \
                cls(x.p[n - k - 1]) & C_GEM and not (  # nor before a vowel and a Latin y: I
                    k >= 2 and x.p[n - 1] == "I" and x.p[n - 2] != "I"):
            x.p[n - k - 1] = "J"
        while doubles(x, y):
            swap(&x, &y)
        extend(out, y.p, y.n)
    finally:
        buf_free(&A)
        buf_free(&B)
    return 0


cdef int read_t_sibilant(Buf *src, Buf *out) except -1:
    """_T_SIBILANT.sub("c") over a joined word."""
    cdef Py_ssize_t i = 0, j, n = src.n
    cdef Py_UCS4 c
    while i < n:
        c = src.p[i]
        if c == "t":
            j = i
            while j < n and src.p[j] == "t":
                j += 1
            if j < n and (src.p[j] == "s" or src.p[j] == "c"):
                push(out, "c")
                i = j + 1
            else:
                while i < j:
                    push(out, "t")
                    i += 1
        else:
            push(out, c)
            i += 1
    return 0


# --- the vowel fold -------------------------------------------------------------------------

cdef int vowels(const Py_UCS4 *run, Py_ssize_t n, Py_UCS4 *out) noexcept:
    """_vowels: the vowels of a run without its glides, ё (a glide + O) as E, a last J or Y
    as I; their count."""
    cdef Py_ssize_t i
    cdef int k = 0
    cdef bint glide = False
    cdef Py_UCS4 c
    for i in range(n):
        c = run[i]
        if (c == "I" or c == "J" or c == "Y") and i < n - 1:
            glide = True
            continue
        if c == "J" or c == "Y":
            out[k] = "I"
        elif c == "O" and glide:
            out[k] = "E"
        else:
            out[k] = c
        k += 1
        glide = False
    return k


cdef inline Py_UCS4 klass(Py_UCS4 *table, Py_UCS4 v) except 0:
    cdef Py_UCS4 c = table[v] if v < 128 else 0
    if c == 0:
        raise KeyError(chr(v))
    return c


cdef Py_UCS4 ending_class(const Py_UCS4 *run, Py_ssize_t n) except 0:
    cdef Py_UCS4 v[SMALL]
    cdef Py_UCS4 *vs = v
    cdef int k
    if run[n - 1] == "J" or run[n - 1] == "Y":
        return "i"
    if n > SMALL:
        vs = <Py_UCS4 *> PyMem_Malloc(n * sizeof(Py_UCS4))
        if vs == NULL:
            raise MemoryError()
    try:
        k = vowels(run, n, vs)
        return klass(ENDING_CLS, vs[k - 1])
    finally:
        if vs != v:
            PyMem_Free(vs)


cdef int fold_run(const Py_UCS4 *run, Py_ssize_t n, int where, bint closed, Buf *out) except -1:
    """A run's class: where 0 the ending (_ENDINGS), 1 the first (_INITIALS), 2 inside
    (_INNER, closed or open)."""
    cdef Py_UCS4 v[SMALL]
    cdef Py_UCS4 *vs = v
    cdef Py_UCS4 *last
    cdef Py_ssize_t i
    cdef int k
    if where == 0:
        push(out, ending_class(run, n))
        return 0
    if where == 2:
        for i in range(n):
            if run[i] == "U":
                push(out, "u")
                return 0
    if n > SMALL:
        vs = <Py_UCS4 *> PyMem_Malloc(n * sizeof(Py_UCS4))
        if vs == NULL:
            raise MemoryError()
    try:
        k = vowels(run, n, vs)
        if where == 1:
            push(out, klass(INITIAL_CLS, vs[0]))
            return 0
        last = &CLOSED_CLS[0] if closed else &OPEN_CLS[0]
        if k == 1:
            push(out, klass(last, vs[0]))
            return 0
        push(out, klass(&CLOSED_CLS[0] if vs[k - 1] == "I" else &OPEN_CLS[0], vs[0]))
        push(out, klass(last, vs[k - 1]))
    finally:
        if vs != v:
            PyMem_Free(vs)
    return 0


cdef bint glide_ending(const Py_UCS4 *s, Py_ssize_t n, Py_ssize_t start) noexcept:
    """_glide_ending: the run at start is the word's ending and begins with a glide."""
    cdef Py_ssize_t end = start, i
    while end < n and cls(s[end]) & C_VS:
        end += 1
    if end == start or end != n:
        return False
    if s[start] == "Y":
        return True
    if s[start] == "I" or s[start] == "J":
        for i in range(start + 1, n):
            if s[i] == "A" or s[i] == "O" or s[i] == "U":
                return True
    return False


cdef int fold_vowels(Buf *src, Buf *out) except -1:
    """_fold_vowels: each vowel run as its class."""
    cdef Buf H
    cdef Py_ssize_t i, n = src.n, start, stop, after
    cdef Py_UCS4 c
    cdef bint closed
    cdef Py_UCS4 *s
    buf_init(&H)
    try:
        extend(&H, src.p, n)  # _HUSHED_O: O after š or c is E
        for i in range(1, n):
            if src.p[i] == "O" and (src.p[i - 1] == 0x161 or src.p[i - 1] == "c"):
                H.p[i] = "E"
        s = H.p
        out.n = 0
        i = 0
        while i < n:
            c = s[i]
            if not (cls(c) & C_VS):
                push(out, c)
                i += 1
                continue
            start = i
            while i < n and cls(s[i]) & C_VS:
                i += 1
            stop = i
            if stop == n:
                fold_run(s + start, stop - start, 0, False, out)
            elif start == 0:
                fold_run(s + start, stop - start, 1, False, out)
            else:
                after = stop + 1
                if after >= n:
                    closed = True
                else:
                    c = s[after]
                    closed = not (cls(c) & C_VS) or (
                        (c == "I" or c == "J" or c == "Y") and glide_ending(s, n, after))
                fold_run(s + start, stop - start, 2, closed, out)
    finally:
        buf_free(&H)
    return 0


cdef int name_sounds(Buf *src, Buf *out) except -1:
    """_name_sounds: glides one way, the ending as its class, single signs."""
    cdef Buf A, B
    cdef Buf *x = &A
    cdef Buf *y = &B
    cdef Py_ssize_t i, n, k, j
    cdef Py_UCS4 c, e
    cdef bint ijy = False, has_j
    buf_init(&A)
    buf_init(&B)
    try:
        n = src.n
        k = 0  # _LAST_RUN
        while k < n and cls(src.p[n - 1 - k]) & C_VS:
            k += 1
        if k and n - k > 0:
            extend(x, src.p, n - k)
            e = ending_class(src.p + n - k, k)
            push(x, <Py_UCS4> (<int> e - 32) if 0x61 <= <int> e <= 0x7a else <Py_UCS4> ord(chr(e).upper()))
        else:
            extend(x, src.p, n)
        n = x.n
        for i in range(n):
            c = x.p[i]
            if c == "I" or c == "J" or c == "Y":
                ijy = True
                break
        if ijy:
            y.n = 0  # _GLIDES: [IJY]+(?=[AEOU]) → J
            i = 0
            while i < n:
                c = x.p[i]
                if c == "I" or c == "J" or c == "Y":
                    j = i
                    while j < n and (x.p[j] == "I" or x.p[j] == "J" or x.p[j] == "Y"):
                        j += 1
                    if j < n and cls(x.p[j]) & C_AEOU:
                        push(y, "J")
                    else:
                        extend(y, x.p + i, j - i)
                    i = j
                else:
                    push(y, c)
                    i += 1
            swap(&x, &y)
            if x.n >= 2 and x.p[0] == "J" and x.p[1] == "E":
                y.n = 0
                extend(y, x.p + 1, x.n - 1)
                swap(&x, &y)
            n = x.n
            has_j = False
            for i in range(n):
                if x.p[i] == "J":
                    has_j = True
                    break
            if has_j:  # _SOFT_E: J between a consonant and E is dropped
                y.n = 0
                for i in range(n):
                    if x.p[i] == "J" and i > 0 and cls(x.p[i - 1]) & C_KCONS and \
                            i + 1 < n and x.p[i + 1] == "E":
                        continue
                    push(y, x.p[i])
                swap(&x, &y)
            n = x.n
            y.n = 0  # _VOWEL_GLIDE: (?<=[AEOU])[IJY]+(?![AEOU]) → I
            i = 0
            while i < n:
                c = x.p[i]
                if (c == "I" or c == "J" or c == "Y") and i > 0 and cls(x.p[i - 1]) & C_AEOU:
                    j = i
                    while j < n and (x.p[j] == "I" or x.p[j] == "J" or x.p[j] == "Y"):
                        j += 1
                    if j < n and cls(x.p[j]) & C_AEOU:
                        j -= 1  # the run gives back its last sign to the vowel after it
                    if j > i:
                        push(y, "I")
                        i = j
                        continue
                push(y, c)
                i += 1
            swap(&x, &y)
        doubles(x, out)
    finally:
        buf_free(&A)
        buf_free(&B)
    return 0


cdef str sounds_key(Buf *sounds):
    """_sounds_key(sounds)[0]: a given name's row key, else the folded sounds (a known
    Russian form's as its Ukrainian form's: normalize._known_forms)."""
    cdef Buf F, D
    cdef Py_ssize_t i
    cdef Py_UCS4 c
    buf_init(&F)
    buf_init(&D)
    try:
        fold_vowels(sounds, &F)
        doubles(&F, &D)
        done = to_str(&D)
        if _given is None:
            load_given()
        if done not in _folds:
            return _known.get(done, done)  # a known Russian form's key: its Ukrainian form's
        F.n = 0
        name_sounds(sounds, &F)
        exact = to_str(&F)
        name = _given.get(exact)
        if name is None:
            unlisted = _unlisted.get(exact)
            if unlisted is not None:
                return _known.get(unlisted, unlisted)
            for i in range(D.n):  # _SPELLED
                c = D.p[i]
                if c == "a" or c == "e" or c == "i" or c == "o" or c == "u":
                    D.p[i] = <Py_UCS4> (<int> c - 32)
            name = _given.get(to_str(&D))
        return _known.get(done, done) if name is None else name
    finally:
        buf_free(&F)
        buf_free(&D)


# --- the entry points -----------------------------------------------------------------------

def word_sounds_of(str word):
    """normalize._word_sounds(word) (for the tests)."""
    cdef Buf b, w
    buf_init(&b)
    buf_init(&w)
    try:
        extend_str(&w, word)
        word_sounds(w.p, w.n, &b)
        return to_str(&b)
    finally:
        buf_free(&b)
        buf_free(&w)


cdef inline object memo_get(object memo, str key):
    """Memo.get (translit.memo): the young generation, else the old one, promoted."""
    cdef dict young = memo._young
    value = young.get(key)
    if value is None:
        value = (<dict> memo._old).get(key)
        if value is not None:
            memo_set(memo, key, value)
    return value


cdef inline int memo_set(object memo, str key, object value) except -1:
    """Memo.__setitem__: a full young generation becomes the old one."""
    cdef dict young = memo._young
    if len(young) >= <Py_ssize_t> memo.size:
        memo._old = young
        young = {}
        memo._young = young
    young[key] = value
    return 0


# A word's key, cached by the word's code points: a direct-mapped table (each word has one
# slot, by its hash; a word that takes a slot evicts the one there), so a lookup costs a hash
# over the buffer and one compare, with no str made (a dict memo of the word's str cost more
# than the word's work on names never seen: 625k → 420k names/s).  Names in a register repeat
# their words far more than themselves (1M rows of 174k names, 486 words), and a name memo
# that cannot hold them all then misses; the cache makes those misses cheap.  Words longer
# than WORD_CACHED are not cached (a long word is rare and costs its key anyway).
cdef enum:
    WORD_CACHED = 24

cdef size_t WORD_SLOTS = 1 << 15  # translit.memo.WORD_KEYS (init)

cdef struct WordSlot:
    Py_ssize_t n  # 0: empty
    Py_UCS4 word[WORD_CACHED]
    PyObject *key

cdef WordSlot *SLOTS = NULL


cdef inline size_t word_hash(const Py_UCS4 *p, Py_ssize_t n) noexcept:
    cdef size_t h = 1469598103934665603ULL
    cdef Py_ssize_t i
    for i in range(n):
        h = (h ^ <size_t> p[i]) * 1099511628211ULL
    return h ^ (h >> 29)


def cached_words():
    """How many words the word cache holds (for the tests)."""
    cdef size_t i
    cdef Py_ssize_t count = 0
    if SLOTS != NULL:
        for i in range(WORD_SLOTS):
            count += SLOTS[i].n != 0
    return count


def clear_word_cache():
    """Empty the word cache (translit.memo.clear_all calls it through cache_clear)."""
    cdef size_t i
    if SLOTS == NULL:
        return
    for i in range(WORD_SLOTS):
        if SLOTS[i].n:
            Py_XDECREF(SLOTS[i].key)
            SLOTS[i].key = NULL
            SLOTS[i].n = 0


cdef str word_key(const Py_UCS4 *p, Py_ssize_t n):
    """normalize._word_key of the word p[:n], through the word cache."""
    global SLOTS
    cdef Buf b
    cdef WordSlot *slot = NULL
    if 0 < n <= WORD_CACHED:
        if SLOTS == NULL:
            SLOTS = <WordSlot *> PyMem_Calloc(WORD_SLOTS, sizeof(WordSlot))
            if SLOTS == NULL:
                raise MemoryError()
        slot = &SLOTS[word_hash(p, n) & (WORD_SLOTS - 1)]
        if slot.n == n and memcmp(slot.word, p, n * sizeof(Py_UCS4)) == 0:
            return <str> slot.key
    buf_init(&b)
    try:
        word_sounds(p, n, &b)
        done = sounds_key(&b)
    finally:
        buf_free(&b)
    if slot != NULL:
        Py_XDECREF(slot.key)
        Py_INCREF(done)
        slot.key = <PyObject *> done
        memcpy(slot.word, p, n * sizeof(Py_UCS4))
        slot.n = n
    return done


def word_key_of(str word):
    """normalize._word_key(word) (for the tests)."""
    cdef Buf w
    buf_init(&w)
    try:
        extend_str(&w, word)
        return word_key(w.p, w.n)
    finally:
        buf_free(&w)


cdef bint placeholder(str name) except -1:
    """batch.is_placeholder(name), without the call where the name is long and holds a letter
    whose case fold is one."""
    cdef Py_ssize_t n = len(name), a = 0, b
    cdef Py_UCS4 c
    b = n
    while a < b and Py_UNICODE_ISSPACE(name[a]):
        a += 1
    while b > a and Py_UNICODE_ISSPACE(name[b - 1]):
        b -= 1
    # too long for one, or its first letter starts none: a placeholder only if no alphanumeric
    if b - a > MAX_PLACEHOLDER or (a < b and name[a] < LOW and not (CLS[name[a]] & C_PHFIRST)):
        for c in name:
            if cls(c) & C_ALNUM:
                return False
    return _py_placeholder(name)


cdef inline Py_UCS4 lower_safe(Py_UCS4 c) noexcept:
    """str.lower of a C_SAFE character (ASCII, U+0400-U+045F, Ґ ґ)."""
    if 0x41 <= c <= 0x5a or 0x410 <= c <= 0x42f:
        return <Py_UCS4> (<int> c + 32)
    if 0x400 <= c <= 0x40f:
        return <Py_UCS4> (<int> c + 80)
    if c == 0x490:
        return 0x491
    return c


cdef str key_one(str name):
    cdef Py_ssize_t i, n, start, stop
    cdef Py_UCS4 c
    cdef bint safe = True, ascii = True
    cdef str text
    cdef list words
    cdef Buf T
    done = memo_get(_name_memo, name)
    if done is not None:
        return done
    if placeholder(name):
        memo_set(_name_memo, name, "")
        return ""
    for c in name:  # _prepare is lower() for ASCII, and for the letters of C_SAFE
        if c >= 0x80:
            ascii = False
        if not (cls(c) & C_SAFE):
            safe = False
    buf_init(&T)
    words = []
    try:
        if ascii or safe:
            for c in name:
                push(&T, lower_safe(c))
        else:
            extend_str(&T, _py_prepare(name))
        n = T.n
        i = 0
        while i < n:  # _WORDS: (?:[^\W_]|[joiners])+, each stripped of the joiners
            if not (word_char(T.p[i])):
                i += 1
                continue
            start = i
            while i < n and word_char(T.p[i]):
                i += 1
            stop = i
            while start < stop and cls(T.p[start]) & C_JOIN:
                start += 1
            while stop > start and cls(T.p[stop - 1]) & C_JOIN:
                stop -= 1
            word = word_key(T.p + start, stop - start)
            if word:
                words.append(word)
    finally:
        buf_free(&T)
    if len(words) > 1:
        words.sort()
        done = " ".join(words)
    elif words:
        done = words[0]
    else:
        done = ""
    memo_set(_name_memo, name, done)
    return done


cdef inline bint word_char(Py_UCS4 c) noexcept:
    """[^\W_] or a joiner: re's \w is str.isalnum() or _."""
    if c < LOW:
        return CLS[c] & (C_W | C_JOIN) != 0
    return Py_UNICODE_ISALNUM(c)


def key(name):
    """normalize.key(name)."""
    if not isinstance(name, str):
        raise TypeError(f"key() takes a str, not {type(name).__name__}")
    return key_one(name if type(name) is str else str.__str__(name))  # (a str subclass: its str)


def key_many(list names):
    """[None if n is None else key(n) for n in names] over names_of's list."""
    cdef list out = []
    for name in names:
        if name is None:
            out.append(None)
        elif type(name) is str:
            out.append(key_one(name))
        else:
            out.append(key(name))
    return out
