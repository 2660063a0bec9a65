"""Which arguments are input files and which are names.

The rule (as csvkit, xsv and ripgrep users type): for the list verbs a positional argument
that is an existing path, or ``-``, is input; any other is a name.  What can only have been
meant as a file is refused rather than converted as a name: an argument that looks like a
path (a directory part, a data file's extension, a glob) but names no file, and any
non-file argument when --column, --field or --input-format say that files are read.  Names
after ``--`` or given with ``-n/--name`` are names whatever they look like.  A glob the
shell did not expand (Windows, or quoted) is expanded here.  ``check`` reads a directory as
ripgrep does: the text files under it (the tables with --column or --field), hidden ones left
out.  ``candidates`` and
``identify`` take names only (their files come with -i).
"""

from __future__ import annotations

import argparse
import glob
import os

from .records import InputError

#: Verbs whose positional arguments are always names: none.  candidates and identify were,
#: and `translit candidates people.csv` read the string "people.csv" with exit status 0.
NAMES_ONLY: frozenset[str] = frozenset()

#: Endings of the files a name list comes in (a "name" ending so is a file not found).
DATA_SUFFIXES = (".csv", ".tsv", ".tab", ".txt", ".text", ".jsonl", ".ndjson", ".json",
                 ".gz", ".bz2", ".xz", ".zip", ".xlsx", ".xls", ".ods", ".parquet", ".md")

FILES_RULE = """\
files and names:
  An argument that is an existing file, or -, is read as input; any other is a name.  An
  argument that looks like a file (a/b, *.csv, people.csv) but is none is an error, as is any
  name when --column or --field says that files are read.  Force names with -n NAME or after
  -- (-n with an existing people.csv is refused: xsv's -n is -H/--no-headers here).  With
  no argument, standard input is read.

"""


def _looks_like_path(argument: str) -> bool:
    return (os.sep in argument or "/" in argument or glob.has_magic(argument)
            or argument.lower().endswith(DATA_SUFFIXES))


def _file_option(args: argparse.Namespace) -> str | None:
    """The option that says files are read, if one does."""
    if args.column is not None:
        return "--column"
    if args.field is not None:
        return "--field"
    if args.input_format != "auto":
        return "--input-format"
    return None


#: Plain-text files a directory given to check is read for (as ripgrep reads a directory):
#: prose, subtitles, markup; tables and JSON Lines too when --column or --field is given.
PROSE_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".rst", ".srt", ".vtt", ".html", ".htm",
                  ".xml", ".tex", ".org", ".adoc", "")
TABLE_SUFFIXES = (".csv", ".tsv", ".tab", ".jsonl", ".ndjson")


def _walk(directory: str, args: argparse.Namespace) -> list[str]:
    """check DIR: the files under it in name order, hidden files and directories left out
    (as ripgrep does); with --column/--field the tables, else the text files; an error if
    there are none, rather than a clean report of nothing."""
    wanted = TABLE_SUFFIXES if _file_option(args) in ("--column", "--field") else PROSE_SUFFIXES
    found: list[str] = []
    for root, dirs, names in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith(".") and os.path.splitext(name)[1].lower() in wanted:
                found.append(os.path.join(root, name))
    if not found:
        kinds = "tables (.csv .tsv .jsonl)" if wanted is TABLE_SUFFIXES else "text files (.txt .md .html …)"
        raise InputError(directory, f"is a directory with no {kinds} in it")
    return found


def sort_arguments(args: argparse.Namespace) -> None:
    """Set ``args.input`` (files, in order) and ``args.names`` from the positional arguments,
    -i, -n and what follows --; raise InputError for what cannot be told apart."""
    files = list(args.input or [])
    for forced in args.forced or []:
        if forced != "-" and os.path.isfile(forced) and _looks_like_path(forced):
            # xsv's -n is --no-headers: `translit key -n people.csv` keyed the string
            raise InputError(forced, "is a file, given with -n/--name (a name, never read): "
                             "to read it, give it without -n; a table without a header row "
                             "is -H/--no-headers; to convert the string itself, give it after --")
    names = list(args.forced or []) + list(args.after or [])
    option = _file_option(args)
    if args.command in NAMES_ONLY:
        names = list(args.arguments) + names
    else:
        for argument in args.arguments:
            if args.command == "check" and os.path.isdir(argument):
                files.extend(_walk(argument, args))
                continue
            if argument == "-" or os.path.exists(argument):
                files.append(argument)
                continue
            expanded = sorted(glob.glob(argument)) if glob.has_magic(argument) else []
            if expanded:
                files.extend(expanded)
                continue
            if option or _looks_like_path(argument):
                matched = "matches no file" if glob.has_magic(argument) else "no such file"
                why = f"{option} reads files; " if option else ""
                raise InputError(argument, f"{matched} ({why}a name to convert is given "
                                 "after -- or with -n NAME)")
            names.append(argument)
    if files and names:
        raise InputError(names[0], f"is not a file, but {files[0]!r} is: give files or names, "
                         "not both (a name that is also a file's name: after --)")
    if names and option:
        raise InputError(option, "reads files, but only names are given")
    args.input = files
    args.names = names
