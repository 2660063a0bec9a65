"""One language's reader: the searches over a Latin word, the walk, and the exactness checks.

* **The searches.**  A beam search runs over the Latin word left to right, expanding each chunk
  that starts at the position into its Cyrillic keys and inserting the soft signs and
  apostrophes that the Latin leaves unwritten.  It runs kept to prefixes of the lexicon's names
  (so every known name the Latin can spell is found, by the channel alone), or free, scored by
  channel and letter model (names the lexicon lacks).  Each hypothesis carries the set of
  systems whose rows its path uses, so exactness is checked by romanizing a reading only with
  the few systems that could have written it.  The width is fixed: time is linear in the length
  of a word.
* **The walk** (exact_names).  Which known names some system of the language writes exactly
  as the input (or but for its marks): a depth-first walk over the pairs the language's own
  systems write, in their contexts, kept to prefixes of the lexicon's names.  Unlike the beam
  it misses none, and it is cheap (a name takes a few dozen steps; it gives up after
  EXACT_NAME_STEPS); a letter no system writes ends it at once.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Sequence
from typing import Any

from ..memo import bounded
from . import settings
from .channel import Channel, Pair
from .letter_model import EOS, LetterModel
from .names import is_prefix, is_word
from .packed import PackedWords
from .settings import BEAM_DELTA, EXACT_MEMO, GREEDY_MEMO, LETTER_MODEL_WEIGHT, PASS_THROUGH
from .spelling import EDGE, OTHER, PARTS, SEPARATOR_CHARS, bare, mixes_scripts, reading_form

_first = operator.itemgetter(0)
# a hypothesis: (score, channel score, Cyrillic, last letter, letters allowed next,
# letter-model history, whether its last letter was inserted, systems its path allows)
_Hyp = tuple[float, float, str, str, "frozenset[str] | None", str, bool, int]
#: A found reading: (score, channel score, Cyrillic, systems its path allows).
Found = tuple[float, float, str, int]


class Reader:
    """Everything needed to read Latin as one language."""

    def __init__(
        self, language: str, channel: Channel, model: LetterModel, systems: Sequence[Any]
    ) -> None:
        self.language = language
        self.channel = channel
        self.model = model
        self.systems = list(systems)  # bit i is self.systems[i]
        self.every = (1 << len(self.systems)) - 1
        self.reversible = [s for s in self.systems if s.reversible]
        #: one reading in linear time with no search: the likeliest pair at each place
        self.greedy = bounded(GREEDY_MEMO)(self._greedy_read)
        #: whether a system writes *cyrillic* as *latin* (folded) but for marks (see _near)
        self.near = bounded(EXACT_MEMO)(self._near)
        #: the systems among *mask* that write *cyrillic* as *latin* (see _exact)
        self.exact = bounded(EXACT_MEMO)(self._exact)

    def clear_memos(self) -> None:
        for memo in (self.greedy, self.near, self.exact):
            memo.cache_clear()

    def search(self, text: str, width: int, known: PackedWords | None = None) -> list[Found]:
        """The likeliest readings of folded Latin *text*, best first.  With *known* (sorted
        names), only prefixes of those names are kept, only whole names come out, and the
        channel alone scores; otherwise the letter model scores too.

        One function, long on purpose: its loops run for every hypothesis at every place of
        every word read, and keep their state in local variables; a helper per step would add
        a call (and its look-ups) to the innermost loop."""
        channel = self.channel
        model = self.model
        log_prob = model.log_prob
        allowed_next = channel.allowed_next
        mask_of = channel.mask
        weight = 0.0 if known is not None else LETTER_MODEL_WEIGHT
        prefixes: dict[str, bool] = {}
        size = len(text)
        agenda: list[dict[str, _Hyp]] = [{} for _ in range(size + 1)]
        agenda[0][""] = (0.0, 0.0, "", EDGE, None, model.start, False, self.every)
        best = [-math.inf] * (size + 1)
        best[0] = 0.0

        def keep(target: dict[str, _Hyp], end: int, hyp: _Hyp) -> None:
            text_ = hyp[2]
            if known is not None:
                ok = prefixes.get(text_)
                if ok is None:
                    ok = prefixes[text_] = is_prefix(known, text_)
                if not ok:
                    return
            old = target.get(text_)
            if old is None:
                target[text_] = hyp
            elif old[0] < hyp[0]:
                target[text_] = (*hyp[:7], hyp[7] | old[7])
            else:
                target[text_] = (*old[:7], hyp[7] | old[7])
            if hyp[0] > best[end]:
                best[end] = hyp[0]

        for position in range(size + 1):
            floor = best[position] - BEAM_DELTA
            hyps = [h for h in agenda[position].values() if h[0] >= floor]
            hyps.sort(key=_first, reverse=True)
            del hyps[width:]
            agenda[position] = {}
            # letters the Latin leaves unwritten (ь, ʼ, ъ): inserted, never two in a row
            extra: dict[str, _Hyp] = {}
            for score, chan, cyr, prev, allowed, history, inserted, mask in hyps:
                if inserted or prev == EDGE or prev == OTHER:
                    continue
                if position == size and len(cyr) == 1:  # an initial: В., not Вь.
                    continue
                for pair in channel.silent:
                    letter = pair.cyrillic
                    if allowed is not None and letter not in allowed:
                        continue
                    following = allowed_next(pair, prev)
                    if following is not None and not following:
                        continue
                    key = history + letter
                    if weight:
                        new = score + pair.logp + log_prob(key) * weight
                    else:
                        new = score + pair.logp
                    if new >= floor:
                        bits = mask & mask_of(pair, prev)
                        keep(extra, position, (new, chan + pair.logp, cyr + letter, letter,
                                               following, key[1:], True, bits))
            if extra:
                hyps = sorted([*hyps, *extra.values()], key=_first, reverse=True)[:width]
            if position == size:
                finals: dict[str, Found] = {}
                for score, chan, cyr, _prev, allowed, history, _, mask in hyps:
                    if allowed is not None and EDGE not in allowed:
                        continue
                    if known is not None:
                        if not is_word(known, cyr):
                            continue
                        total = score
                    else:
                        total = score + model.logp(history, EOS) * weight
                    old = finals.get(cyr)
                    if old is None or old[0] < total:
                        finals[cyr] = (total, chan, cyr, mask | (old[3] if old else 0))
                    else:
                        finals[cyr] = (*old[:3], mask | old[3])
                return sorted(finals.values(), key=_first, reverse=True)
            char = text[position]
            if char in SEPARATOR_CHARS:
                # a space or hyphen between the words of a name: each word ends here
                target = agenda[position + 1]
                for score, chan, cyr, _prev, allowed, history, _, mask in hyps:
                    if allowed is not None and EDGE not in allowed:
                        continue
                    new = score + (model.logp(history, EOS) * weight if weight else 0.0)
                    keep(target, position + 1,
                         (new, chan, cyr + char, EDGE, None, model.start, False, mask))
                continue
            expanded = False
            for latin, pairs in channel.chunks(text, position):
                end = position + len(latin)
                target = agenda[end]
                for pair in pairs:
                    cyrillic = pair.cyrillic
                    first = pair.first
                    logp = pair.logp
                    for score, chan, cyr, prev, allowed, history, _, mask in hyps:
                        bound = score + logp
                        if bound < best[end] - BEAM_DELTA:
                            break
                        if allowed is not None and first not in allowed:
                            continue
                        following = allowed_next(pair, prev)
                        if following is not None and not following:
                            continue
                        h = history
                        if weight:
                            lm = 0.0
                            for c in cyrillic:
                                key = h + c
                                lm += log_prob(key)
                                h = key[1:]
                            new = bound + lm * weight
                        else:
                            new = bound
                            h = (h + cyrillic)[-len(h):]
                        keep(target, end, (new, chan + logp, cyr + cyrillic, cyrillic[-1],
                                           following, h, False, mask & mask_of(pair, prev)))
                        expanded = True
            if not expanded:
                # a character no chunk reads is kept as it is, and every system keeps it; but
                # not a letter of another script: a reading is Cyrillic (no Кhарков)
                if mixes_scripts(char):
                    continue
                target = agenda[position + 1]
                cyrillic_letter = char in channel.alphabet
                for score, chan, cyr, _prev, _allowed, history, _, mask in hyps:
                    if cyrillic_letter:
                        new = score + model.logp(history, char) * weight
                        h = (history + char)[1:]
                    else:
                        new, h = score + PASS_THROUGH, history
                    symbol = char if cyrillic_letter else OTHER
                    keep(target, position + 1,
                         (new, chan, cyr + char, symbol, None, h, False, mask))
        return []  # pragma: no cover - the loop returns at the last position

    def exact_names(self, latin: str, known: PackedWords) -> dict[str, int] | None:
        """Every name in *known* (sorted) that a system of the language may write as folded
        *latin*, exactly or (when *latin* has no marks) but for marks, with the systems its
        path allows: a depth-first walk over the systems' own pairs, kept to prefixes of known
        names.  The walk is complete, so a name it misses is no system's spelling of *latin*;
        None when it gives up (more than EXACT_NAME_STEPS steps), and nothing can be said.
        What it returns is a superset: exact() and near() tell which names really are.
        (Long for the reason search() is: one loop over a stack, its state in locals.)"""
        channel = self.channel
        if not channel.own_chars.issuperset(latin):
            return {}  # a letter none of the systems writes
        near = not any(c in "'\"·" for c in latin)
        by_latin = channel.own_by_bare if near else channel.own_by_latin
        silent = channel.own_silent_bare if near else channel.own_silent
        allowed_next = channel.allowed_next
        mask_of = channel.mask
        longest = channel.own_max_chunk
        bisect_left = known.bisect_left
        count = len(known)
        size = len(latin)
        found: dict[str, int] = {}
        stack: list[tuple[int, str, str, frozenset[str] | None, int, bool]] = [
            (0, "", EDGE, None, self.every, False)
        ]
        steps = 0
        limit = settings.EXACT_NAME_STEPS  # read at each call (a test lowers it)
        while stack:
            position, cyr, prev, allowed, mask, inserted = stack.pop()
            steps += 1
            if steps > limit:
                return None
            if position == size:
                if cyr and (allowed is None or EDGE in allowed):
                    i = bisect_left(cyr)
                    if i < count and known[i] == cyr:
                        found[cyr] = found.get(cyr, 0) | mask
            if position < size and latin[position] in SEPARATOR_CHARS:
                # a space or hyphen between the words of a name (кривий ріг, йошкар-ола)
                if cyr and (allowed is None or EDGE in allowed):
                    text = cyr + latin[position]
                    i = bisect_left(text)
                    if i < count and known[i].startswith(text):
                        stack.append((position + 1, text, EDGE, None, mask, False))
            options: list[tuple[int, Pair]] = []
            if not inserted and prev != EDGE:
                options.extend((0, pair) for pair in silent)
            for length in range(min(longest, size - position), 0, -1):
                pairs = by_latin.get(latin[position : position + length])
                if pairs:
                    options.extend((length, pair) for pair in pairs)
            for length, pair in options:
                if allowed is not None and pair.first not in allowed:
                    continue
                bits = pair.masks.get(prev)
                if bits is None:
                    bits = mask_of(pair, prev)
                bits &= mask
                if not bits:
                    continue
                if prev in pair.after:
                    following = pair.after[prev]
                else:
                    following = allowed_next(pair, prev)
                if following is not None and not following:
                    continue
                text = cyr + pair.cyrillic
                i = bisect_left(text)
                if i < count and known[i].startswith(text):
                    stack.append((position + length, text, pair.cyrillic[-1], following, bits,
                                  length == 0))
        return found

    def _greedy_read(self, word: str) -> str:
        """One reading in linear time with no search: the likeliest pair at each place."""
        channel = self.channel
        by_latin = channel.by_latin
        allowed_next = channel.allowed_next
        out: list[str] = []
        position = 0
        size = len(word)
        prev = EDGE
        while position < size:
            chosen: Pair | None = None
            for length in range(min(channel.max_chunk, size - position), 0, -1):
                for pair in by_latin.get(word[position : position + length], ()):
                    following = allowed_next(pair, prev)
                    if following is None or following:
                        chosen = pair
                        break
                if chosen is not None:
                    break
            if chosen is None:
                out.append(word[position])
                prev = word[position] if word[position] in channel.alphabet else OTHER
                position += 1
            else:
                out.append(chosen.cyrillic)
                prev = chosen.cyrillic[-1]
                position += len(chosen.latin)
        return "".join(out)

    def align(self, latin: str, cyrillic: str) -> float:
        """log P(latin | cyrillic) along the best path through the channel; -inf if none."""
        channel = self.channel
        n, m = len(latin), len(cyrillic)
        best = [[-math.inf] * (m + 1) for _ in range(n + 1)]
        best[0][0] = 0.0
        silent = {p.cyrillic: p for p in channel.silent}
        for i in range(n + 1):
            row = best[i]
            for j in range(m + 1):
                here = row[j]
                if here == -math.inf:
                    continue
                prev = cyrillic[j - 1] if j else EDGE
                if j < m:
                    letter = cyrillic[j]
                    pair = silent.get(letter)
                    nxt = cyrillic[j + 1] if j + 1 < m else EDGE
                    if pair is not None and channel.valid(pair, prev, nxt):
                        row[j + 1] = max(row[j + 1], here + pair.logp)
                    if i < n and latin[i] == letter:
                        best[i + 1][j + 1] = max(best[i + 1][j + 1], here)
                if i == n:
                    continue
                for chunk, pairs in channel.chunks(latin, i):
                    target = best[i + len(chunk)]
                    for pair in pairs:
                        if not cyrillic.startswith(pair.cyrillic, j):
                            continue
                        end = j + len(pair.cyrillic)
                        nxt = cyrillic[end] if end < m else EDGE
                        if channel.valid(pair, prev, nxt):
                            target[end] = max(target[end], here + pair.logp)
        return best[n][m]

    def fit(self, cyrillic: str) -> float:
        """The letter model's log-likelihood of a reading (of its words, if several)."""
        return sum(self.model.score(w) for w in PARTS.split(cyrillic) if w)

    def _near(self, latin: str, cyrillic: str) -> bool:
        """Whether a system writes *cyrillic* as *latin* (folded) but for marks that *latin*
        leaves out (apostrophes, quotes, middle dots: see bare)."""
        marked = self.channel.marked
        bits = 0
        for letter in set(cyrillic):
            bits |= marked.get(letter, 0)
        return any(
            bare(reading_form(s.romanize(cyrillic))) == latin
            for i, s in enumerate(self.systems) if bits >> i & 1
        )

    def _exact(self, latin: str, cyrillic: str, mask: int) -> frozenset[str]:
        """The systems among *mask* that write *cyrillic* as *latin* (folded)."""
        return frozenset(
            s.id for i, s in enumerate(self.systems)
            if mask >> i & 1 and reading_form(s.romanize(cyrillic)) == latin
        )

