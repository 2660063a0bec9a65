"""``translit romanize``, ``cyrillize``, ``key``, ``detect``, ``repair``, ``candidates``,
``identify``: the row verbs of VERBS, run over names or files."""

from __future__ import annotations

import argparse
from dataclasses import replace

import translit

from .exits import EXIT_OK
from .records import InputError
from .run import row_columns, run_names, run_source, running
from .verbs import VERBS, Settings, Verb


def settings_of(args: argparse.Namespace, verb: Verb) -> Settings:
    limit = getattr(args, "limit", 10)
    if limit < 1:
        raise InputError("--limit", "give 1 or more")
    settings = Settings(language=getattr(args, "language", None), limit=limit)
    name = getattr(args, "system", None)
    if name is None:
        return settings
    found = translit.system(name)  # UnknownSystemError names the closest ids
    if verb.function == "cyrillize" and not found.reversible:
        reversible = [s.id for s in translit.systems(found.language) if s.reversible]
        also = f"; reversible {found.language} systems: {', '.join(reversible)}" if reversible \
            else ""
        raise InputError("-s", f"{found.id} is not reversible: several Cyrillic spellings give "
                         f"the same Latin{also}")
    return replace(settings, system=found.id)


def run_verb(args: argparse.Namespace) -> int:
    verb = VERBS[args.command]
    settings = settings_of(args, verb)
    columns = row_columns(args, verb.columns)
    with running(args, args.command, settings, columns) as run:
        if args.names:
            if args.input:
                raise InputError("-i", "give names or input files, not both")
            run_names(run, args.names)
        else:
            for path in args.input or ["-"]:
                run_source(run, path)
    return EXIT_OK


