"""Checking how the names in a text are spelled: check(), its findings and their report.

check(text, target) finds the names of places and people of Ukraine, Russia and Belarus in
running text (English, German, French or Polish) or in a list of names, and reports the
spellings a translator or editor should change, each with the spelling to use:

==================  ==========================================================================
problem             what it means
==================  ==========================================================================
russian-based       a Ukrainian or Belarusian name spelled from its Russian form (Kharkov,
                    Kiev, Vitaly for Віталій)
former-name         a name the place no longer bears (Krasnoarmeysk for Pokrovsk, Dimitrov for
                    Myrnohrad); not reported where the text says so ("formerly …", "(now …)")
                    or where it is still a region's name ("Dnipropetrovsk Oblast")
mixed-script        a word in both scripts (Покровsk), or a Cyrillic name left in Latin text
non-standard        a spelling that is neither the target system's nor the established one
                    (Mykolayiv, Zelensky)
inconsistent        one name spelled more than one way in the text, each way acceptable
exonym              a dated exonym of the text's language (German Charkow → Charkiw) or
                    another language's (Kijów in German text → Kiew); the text's own
                    exonyms (tables/places/exonyms.toml: Kiew, Kijów, Kyjev) are correct
unknown-name        a name neither the gazetteer nor the lexicon knows, not spelled as the
                    target system writes its likeliest reading
unknown-place       a word shaped or placed like a place name of the region (Krasnorozhsk:
                    -sk; "near X", "the town of X") that no gazetteer knows in any spelling,
                    with the nearest known places (Finding.nearest; Krasnoarmiisk, now
                    Pokrovsk); "X — known in Ukrainian as Y" makes X a spelling of Y's place
==================  ==========================================================================

What counts as a name.  Capitalized words and runs of them, and Cyrillic runs, are looked up;
only what resolves to a known name is judged: a place of the gazetteer (translit.places,
through any spelling of its current, former or Russian name), an established spelling
(translit.places.spellings), or a person — a known given name followed by a surname.  Other
capitalized words (sentence starts, months, institutions) are left alone.  A person's language
is not guessed from the letters: it comes from the established spellings, from a Cyrillic
spelling of the same name in the text, from a spelling only one language's systems write, or
from a nationality word in the same sentence ("Ukrainian", "russische", "biélorusse" …); in a
list of names the target's language is assumed.  A person whose language is not known is
checked only for mixed scripts and inconsistent spellings.

Correct spellings are never reported: the target system's spelling of the name and its
established spelling (Kyiv, Volodymyr Zelenskyy, Vitali Klitschko) are both correct; names of
another language than the target's (a Russian city in a Ukrainian text) are correct in any of
their language's systems and are reported only for former names and mixed scripts.

The package, by concern: ``finding`` (what is reported), ``text`` (words, sentences, cues),
``data`` (the indexes over given names, spellings, people and surnames), ``resolve`` (which
name a run of words is), ``judge`` (what is correct for a name), ``unknown`` (unknown places
and the places nearest them), ``core`` (check() itself) and ``report`` (the report formats and
the command's glue).  The word lists and shapes the checker reads are data: tables/check/.
"""

from __future__ import annotations

from ..verbs import callable_module
from .core import check
from .finding import PROBLEMS, Finding
from .report import report

__all__ = ["PROBLEMS", "Finding", "check", "report"]


callable_module(__name__, check)
