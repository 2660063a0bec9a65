"""The check: mentions found, resolved and judged, and the findings made of them."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from ..detect import repair
from ..lexicon import load as load_lexicon
from ..normalize import key
from ..places import Renaming, lookup_form
from ..reverse import identify
from ..systems import romanize, system
from .cyrillic import PROBLEM as RUSSIAN_FORM  # cyr hook
from .cyrillic import _CyrillicMention, cyrillic_mentions  # cyr hook
from .cyrillic import explain as _explain_cyrillic  # cyr hook
from .cyrillic import judge as _judge_cyrillic  # cyr hook
from .data import _place_name
from .finding import Finding
from .judge import (
    _accepted,
    _all_forms,
    _correct,
    _established_here,
    _follows,
    _former_exempt,
    _russian_based,
)
from .locate import _located
from .norm import exonym_for, foreign_exonym, language_name, norm
from .resolve import _Resolver
from .text import (
    _CYRILLIC,
    _LATIN,
    _LOCATIVE,
    _SEPARATOR,
    _english,
    _is_list,
    _Judged,
    _Mention,
    _Name,
    _Text,
    _Token,
    _tokens,
)
from .unknown import PROBLEM as UNKNOWN_PLACE
from .unknown import _explain as _explain_unknown
from .unknown import _label as _label_unknown
from .unknown import _Unknown, _unknown_places


def _mentions(doc: _Text, resolver: _Resolver) -> list[_Mention]:
    """The known names of the text, left to right."""
    tokens = doc.tokens
    text = doc.text
    out: list[_Mention] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if not _is_name_word(token.text, doc):
            i += 1
            continue
        # the run of name words this one starts (single spaces between them)
        j = i + 1
        while (j < len(tokens) and j - i < 6 and _is_name_word(tokens[j].text, doc)
               and _SEPARATOR.fullmatch(text[tokens[j - 1].end:tokens[j].start] or "x")
               and (bool(_CYRILLIC.search(tokens[j].text)) == bool(_CYRILLIC.search(token.text)))):
            j += 1
        run = tokens[i:j]
        k = 0
        while k < len(run):
            found = None
            for width in range(min(4, len(run) - k), 0, -1):
                words = run[k:k + width]
                found = _resolve(doc, resolver, words)
                if found is not None:
                    out.append(found)
                    k += width
                    break
            if found is None:
                k += 1
        i = j
    return out


def _is_name_word(word: str, doc: _Text) -> bool:
    if _CYRILLIC.search(word):
        return word[:1].isupper() or bool(_LATIN.search(word)) or doc.latin_text
    return word[:1].isupper()


def _resolve(doc: _Text, resolver: _Resolver, words: Sequence[_Token]) -> _Mention | None:
    start, end = words[0].start, words[-1].end
    span = doc.text[start:end]
    has_cyrillic = bool(_CYRILLIC.search(span))
    has_latin = bool(_LATIN.search(span))
    if has_cyrillic and has_latin:
        repaired = repair(span) if not doc.latin_text else _repair_latin(span)
        mention = (resolver.latin(repaired, len(words), start, end) if _LATIN.search(repaired)
                   and not _CYRILLIC.search(repaired) else resolver.cyrillic(repaired, start, end))
        if mention is None and len(words) == 1:
            mention = _Mention(start, end, span, resolver.intern(_Name(
                id=f"word:{key(repaired)}", kind="name", language=None, cyrillic="",
                known=False, latin=repaired)))
        if mention is not None:
            mention.text, mention.script, mention.repaired = span, "mixed", repaired
        return mention
    if has_cyrillic:
        mention = resolver.cyrillic(span, start, end)
        if mention is not None:
            before = doc.text[max(0, start - 2):start]
            mention.gloss = "(" in before or "«" in before or "\"" in before
        return mention
    mention = None
    if 2 <= len(words) <= 3:
        mention = resolver.person(words, start, end, _list_language(doc))
    if mention is None:
        mention = resolver.latin(span, len(words), start, end)
    if mention is None and len(words) == 1:
        mention = resolver.surname_alone(words[0])
    return mention


def _list_language(doc: _Text) -> str | None:
    return doc.language if doc.list_mode else None


def _repair_latin(word: str) -> str:
    """A mixed-script word made Latin: look-alike letters swapped, the rest romanized."""
    fixed = repair(word)
    if _CYRILLIC.search(fixed):
        return romanize(fixed)
    return fixed


def check(text: str, target: str | None = None) -> list[Finding]:
    """The spellings of names in *text* to change, each with the spelling to use.

    *target* is the system names of its language should be written in (an id or alias; names
    of the other languages are written in their own language's matching system).  Without
    it the text's language sets the norm (translit.check.norm): English text uk-national,
    German uk-german, Polish uk-polish, Spanish ru-spanish …, and that language's exonyms
    (tables/places/exonyms.toml: Kiew, Kijów, Kyjev) are correct.  Findings
    come in the order of the text; ``Finding.name`` groups the spellings of one name.

    >>> [(f.text, f.problem, f.suggestion) for f in check("Shelling hit Kharkov and Kyiv.")]
    [('Kharkov', 'russian-based', 'Kharkiv')]
    """
    if not isinstance(text, str):
        raise TypeError(f"check() takes a str, not {type(text).__name__}")
    text = unicodedata.normalize("NFC", text) if not unicodedata.is_normalized("NFC", text) else text
    text_norm = norm(text, target)
    target_system = system(text_norm.target)
    latin = len(_LATIN.findall(text))
    cyrillic = len(_CYRILLIC.findall(text))
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    doc = _Text(text, target_system, target_system.language, _english(target_system),
                latin >= cyrillic, _is_list(text), _tokens(text), line_starts,
                text_norm.norm_language)
    resolver = _Resolver(doc)
    mentions = _located(doc, _without_person_surnames(doc, _mentions(doc, resolver)))
    mentions = _unknown_places(doc, mentions)
    mentions = cyrillic_mentions(doc, mentions)  # cyr hook: Cyrillic text read by its language
    findings: list[tuple[_Mention, str, str, tuple[str, ...]]] = []
    for mention in mentions:
        judged = _judge(doc, mention)
        if judged is not None:
            findings.append((mention, *judged))
    findings = _add_inconsistent(doc, mentions, findings)
    spellings = _spellings_by_name(mentions)
    return [_finding(doc, spellings, m, problem, suggestion, follows)
            for m, problem, suggestion, follows in sorted(findings, key=lambda f: f[0].start)]



def _without_person_surnames(doc: _Text, mentions: list[_Mention]) -> list[_Mention]:
    """Former names that are also surnames (Dimitrov, Brezhnev, Zhdanov, Gorky) name a place
    only where the text shows it: the place is named in it another way, or a preposition of
    place precedes.  "Under Brezhnev" is about the man."""
    places_named = {m.name.id for m in mentions if m.via == "name"}
    lexicon = load_lexicon()
    surnames: dict[Renaming, bool] = {}  # whether a former name is also a surname
    kept = []
    for m in mentions:
        r = m.renaming
        if m.via == "former" and r is not None and " " not in m.text.strip():
            surname = surnames.get(r)
            if surname is None:
                surname = surnames[r] = any(
                    "surname" in lexicon.kinds(f) for f in (r.former, r.former_ru) if f)
            before = doc.text[max(0, m.start - 12):m.start]
            if surname and m.name.id not in places_named and not _LOCATIVE.search(before):
                continue
        kept.append(m)
    return kept


def _judge(doc: _Text, mention: _Mention) -> _Judged | None:
    """(problem, suggestion, follows) for a mention, or None when it is spelled right."""
    name = mention.name
    if isinstance(mention, _Unknown):
        return UNKNOWN_PLACE, mention.suggestion, ()
    if isinstance(mention, _CyrillicMention):  # cyr hook: the Cyrillic text's own norm
        return _judge_cyrillic(doc, mention)
    if mention.script == "cyrillic":
        if mention.gloss or not doc.latin_text:
            if mention.via == "former" and not doc.latin_text and not _former_exempt(doc, mention):
                return "former-name", name.cyrillic, ()
            return None
        return "mixed-script", _correct(name, doc), ()
    if mention.script == "mixed":
        if doc.latin_text:
            suggestion = _correct(name, doc) if name.known else mention.repaired
        else:
            suggestion = name.cyrillic or mention.repaired
        return "mixed-script", suggestion, ()
    if mention.via == "former":
        exempt = _former_exempt(doc, mention)
        if not exempt:
            return "former-name", _correct(name, doc), _former_follows(doc, mention)
        if exempt in ("marked", "time"):  # marked as former, or used in its time
            return None
        # the region still bears the name: the former name is judged as a current one
        assert mention.renaming is not None
        mention.name, mention.via = _region_name(doc, name, mention.renaming), "name"
        return _judge(doc, mention)
    memo_key = (id(name), mention.text)
    done = doc.memos.judged.get(memo_key)
    if done is None:
        done = (name, _judge_spelling(doc, name, mention.text))
        doc.memos.judged[memo_key] = done
    return done[1]


def _region_name(doc: _Text, name: _Name, renaming: Renaming) -> _Name:
    """The region named by a place's former name (Dnipropetrovsk Oblast), as a current name."""
    memo_key = (id(name), renaming)
    done = doc.memos.regions.get(memo_key)
    if done is None:
        region = _Name(id=name.id + ":region", kind="place", language=name.language,
                       cyrillic=renaming.former,
                       forms={"ru": renaming.former_ru} if renaming.former_ru else {})
        done = (name, region)
        doc.memos.regions[memo_key] = done
    return done[1]


def _judge_spelling(doc: _Text, name: _Name, text: str) -> _Judged | None:
    """(problem, suggestion, follows) for a Latin spelling *text* of a current name, or None
    when it is spelled right (the same for every mention of the name spelled so)."""
    if name.language is None:
        return None
    folded = lookup_form(text)
    exonym = _exonym_judged(doc, name, folded)
    if exonym is not None:
        return exonym or None
    accepted = _accepted(name, doc)
    if folded in accepted or _inflected(folded, accepted):
        return None
    if _english_form(doc, name, folded):
        # the English spelling of a place (Kyiv) in a text whose norm is another language's
        suggestion = _own_form(doc, name)
        if lookup_form(suggestion) != folded:
            return "exonym", suggestion, ()
    if name.kind == "person" and name.language != doc.language and not name.words:
        return None if not name.wrong or folded not in name.wrong else (
            "non-standard", _correct(name, doc), _follows(text, name, doc))
    if name.language != doc.language and folded not in name.wrong:
        return None  # another language's name: any spelling of its systems is fine
    if name.words and any(p.language is None for p in name.words):
        return None
    follows = _follows(text, name, doc)
    suggestion = _own_form(doc, name) if name.kind == "place" else _correct(name, doc)
    if lookup_form(suggestion) == folded:
        return None
    if _russian_based(text, name, follows, doc):
        return "russian-based", suggestion, follows
    if not name.known:
        return "unknown-name", suggestion, follows
    return "non-standard", suggestion, follows


def _exonym_judged(doc: _Text, name: _Name, folded: str) -> _Judged | tuple[()] | None:
    """The text language's exonyms: () when *folded* is one (correct), an "exonym" finding for
    a dated one (Charkow → Charkiw) or another language's (Kijów in German text), None when
    exonyms say nothing."""
    if name.kind != "place" or not name.cyrillic:
        return None
    own = exonym_for(name.cyrillic, doc.text_language)
    if own is not None:
        if folded in own.accepted or _inflected(folded, own.accepted):
            return ()
        if own.dated and folded in own.forms:
            return "exonym", own.dated, ()
        if name.language != doc.language:
            # the target, of another language (Spanish text: ru-spanish), judges no spelling
            # of this name, but the text's language has its own: Kharkov → Járkov
            return "exonym", own.exonym, ()
    other = foreign_exonym(name.cyrillic, folded, doc.text_language)
    if other is not None and not _follows(folded, name, doc):
        return "exonym", _own_form(doc, name), ()
    return None


def _english_form(doc: _Text, name: _Name, folded: str) -> bool:
    """Whether *folded* is a place's established English spelling (or one of its also) where
    that spelling does not count: in text whose target is another language's (German Kyiv)."""
    return (name.kind == "place" and bool(name.established)
            and not _established_here(name, doc)
            and folded == lookup_form(name.established))


def _own_form(doc: _Text, name: _Name) -> str:
    """The spelling of a place in the text's language: its current exonym there, else the
    target's spelling."""
    own = exonym_for(name.cyrillic, doc.text_language) if name.cyrillic else None
    if own is not None:
        return own.dated or own.exonym
    return _correct(name, doc)


_ENDINGS = re.compile(r"(?:s|es|a|u|e|ie|em|om|owi|iem|ą|ę|y|i|ого|ом|у|а|е|і)$")


def _inflected(folded: str, accepted: Iterable[str]) -> bool:
    """A correct spelling with a case ending: Polish Kyjiwie, German Charkiws."""
    for spelling in accepted:
        if folded.startswith(spelling) and 0 < len(folded) - len(spelling) <= 3:
            if _ENDINGS.fullmatch(folded[len(spelling):]):
                return True
    return False


def _former_follows(doc: _Text, mention: _Mention) -> tuple[str, ...]:
    renaming = mention.renaming
    if renaming is None:
        return ()
    done = doc.memos.former_follows.get((mention.text, renaming))
    if done is None:
        found: list[str] = []
        for form in (renaming.former, renaming.former_ru):
            if form:
                found.extend(i for i in identify(mention.text, form) if i not in found)
        done = doc.memos.former_follows[mention.text, renaming] = tuple(found)
    return done


def _add_inconsistent(
    doc: _Text, mentions: list[_Mention],
    findings: list[tuple[_Mention, str, str, tuple[str, ...]]],
) -> list[tuple[_Mention, str, str, tuple[str, ...]]]:
    """Spellings of one name that are each acceptable but differ: the less used ones."""
    reported = {id(f[0]) for f in findings}
    by_name: dict[str, list[_Mention]] = {}
    for m in mentions:
        if m.script == "latin" and m.name.language is not None and m.via != "former":
            by_name.setdefault(_group_id(m), []).append(m)
    for group in by_name.values():
        # a person is named in full or by surname: full names are compared with full names,
        # surnames with every mention's surname
        full = [m for m in group if not m.name.id.endswith(":surname")]
        passes: list[tuple[list[_Mention], Callable[[str], str]]] = [(full, lookup_form)]
        if any(m.name.kind == "person" for m in group):
            passes.append((group, _last_word))
        for members, spelled in passes:
            used = Counter(spelled(m.text) for m in members if id(m) not in reported)
            if len(used) < 2:
                continue
            first_seen = {spelled(m.text): i for i, m in reversed(list(enumerate(members)))}
            preferred = max(used, key=lambda s: (used[s], -first_seen[s]))
            shown = next(m for m in members if spelled(m.text) == preferred).text
            for m in members:
                if id(m) not in reported and spelled(m.text) != preferred:
                    reported.add(id(m))
                    findings.append((m, "inconsistent", shown, _follows(m.text, m.name, doc)))
    return findings


def _last_word(text: str) -> str:
    return lookup_form(text.split()[-1])


def _group_id(mention: _Mention) -> str:
    return mention.name.id.removesuffix(":surname")


def _spellings_by_name(mentions: list[_Mention]) -> dict[str, dict[str, str]]:
    """Each name's spellings in the text, in order of first use: spelling → folded (once per
    text, not once per finding: a text naming one town a thousand times stays linear)."""
    out: dict[str, dict[str, str]] = {}
    for m in mentions:
        if not m.gloss:
            spellings = out.setdefault(_group_id(m), {})
            if m.text not in spellings:
                spellings[m.text] = lookup_form(m.text)
    return out


def _finding(doc: _Text, spellings: dict[str, dict[str, str]], mention: _Mention, problem: str,
             suggestion: str, follows: tuple[str, ...]) -> Finding:
    name = mention.name
    folded = lookup_form(mention.text)
    variants = [text for text, other in spellings.get(_group_id(mention), {}).items()
                if other != folded]
    line, column = doc.position(mention.start)
    nearest: tuple[str, ...] = ()
    if isinstance(mention, _Unknown):
        label, explanation, nearest = (_label_unknown(mention), _explain_unknown(mention),
                                       mention.nearest)
    else:
        label = _label(name, suggestion, doc)
        explanation = _explain(doc, mention, problem, suggestion, follows)
    if variants:
        explanation += f"; also written {', '.join(variants)} in this text"
    kind = name.kind if name.kind in ("place", "person") else "name"
    return Finding(mention.start, mention.end, mention.text, kind, name.language, follows,
                   problem, suggestion, explanation, label, line, column, nearest)


def _label(name: _Name, suggestion: str, doc: _Text) -> str:
    done = doc.memos.labels.get((id(name), suggestion))
    if done is None:
        done = doc.memos.labels[id(name), suggestion] = (name, _make_label(name, suggestion, doc))
    return done[1]


def _make_label(name: _Name, suggestion: str, doc: _Text) -> str:
    base = _correct(name, doc) if name.language else suggestion
    if name.id.endswith(":surname") or name.id.endswith(":region"):
        base = suggestion
    if name.place is not None:
        return f"{_correct(_place_name(name.place), doc)} ({name.place.name or name.place.latin})"
    cyrillic = name.cyrillic
    return f"{base} ({cyrillic})" if cyrillic and cyrillic != base else base


def _names_of(ids: Sequence[str]) -> str:
    return ", ".join(ids[:3]) + (" …" if len(ids) > 3 else "")


def _explain(doc: _Text, mention: _Mention, problem: str, suggestion: str,
             follows: tuple[str, ...]) -> str:
    name = mention.name
    text = mention.text
    language = {"uk": "Ukrainian", "ru": "Russian", "be": "Belarusian"}.get(name.language or "", "")
    cyrillic = name.cyrillic
    if isinstance(mention, _CyrillicMention) and problem in ("former-name", RUSSIAN_FORM):
        return _explain_cyrillic(mention, problem, suggestion)  # cyr hook
    if problem == "former-name" and mention.renaming is not None:
        r = mention.renaming
        new = suggestion if lookup_form(suggestion) == lookup_form(r.name) else f"{suggestion} ({r.name})"
        return f"{text} is a former name: the place was renamed {new} on {r.date} by {r.act}"
    if problem == "mixed-script":
        if mention.script == "cyrillic":
            return f"{text} is in Cyrillic in a Latin text; write {suggestion}"
        return f"{text} mixes Cyrillic and Latin letters; write {suggestion}"
    if problem == "russian-based":
        ru = _all_forms(name).get("ru") or ""
        russian = [i for i in follows if i.startswith("ru-")]
        how = f" ({_names_of(russian)})" if russian else ""
        if ru and lookup_form(ru) == lookup_form(cyrillic):
            return (f"{text} writes {cyrillic} by Russian rules{how}; by {language} rules it is "
                    f"{suggestion}")
        return (f"{text} is the Russian form {ru} romanized{how}; the {language} name "
                f"{cyrillic} is written {suggestion}")
    if problem == "exonym":
        return _explain_exonym(doc, mention, suggestion)
    if problem == "inconsistent":
        return f"{text} is also spelled {suggestion} in this text; use one spelling"
    if problem == "unknown-name":
        return (f"{text} is not a known name; {doc.target.id} writes its likeliest reading "
                f"{cyrillic} as {suggestion}")
    if (name.established and not _established_here(name, doc)
            and lookup_form(text) == lookup_form(name.established)):
        where = (f"{language_name(doc.text_language)} text" if doc.text_language != "en"
                 else f"text in {doc.target.id}")
        return (f"{text} is the established English spelling of {cyrillic}; in {where} write "
                f"{suggestion} ({doc.target.id})")
    how = f"follows {_names_of(follows)}" if follows else "follows no system"
    established = " (the established spelling)" if name.established and lookup_form(
        name.established) == lookup_form(suggestion) else f" ({doc.target.id})"
    return f"{text} {how} for {cyrillic}; write {suggestion}{established}"


def _explain_exonym(doc: _Text, mention: _Mention, suggestion: str) -> str:
    name = mention.name
    language = language_name(doc.text_language)
    folded = lookup_form(mention.text)
    own = exonym_for(name.cyrillic, doc.text_language)
    if own is not None and own.dated and folded in own.forms:
        return (f"{mention.text} is the older {language} exonym for {name.cyrillic}; {language} "
                f"text writes {suggestion} today ({_short(own.source)})")
    if _english_form(doc, name, folded):
        where = f"{language} text" if doc.text_language != "en" else f"text in {doc.target.id}"
        return (f"{mention.text} is the established English spelling of {name.cyrillic}; in "
                f"{where} write {suggestion}" + (
                    f" ({_short(own.source)})" if own is not None and suggestion in (
                        own.exonym, own.dated) else f" ({doc.target.id})"))
    other = foreign_exonym(name.cyrillic, folded, doc.text_language)
    if other is None and own is not None and suggestion == own.exonym:
        return (f"{language} has its own name for {name.cyrillic}: {suggestion} "
                f"({_short(own.source)}); {mention.text} is not it")
    whose = language_name(other.language) if other is not None else "another language's"
    return (f"{mention.text} is the {whose} exonym for {name.cyrillic}; in {language} text "
            f"write {suggestion}")


def _short(source: str) -> str:
    """A source up to its first comma outside parentheses: who says it."""
    depth = 0
    for i, c in enumerate(source):
        depth += (c == "(") - (c == ")")
        if c == "," and depth == 0:
            return source[:i]
    return source
