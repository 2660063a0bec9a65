"""The argument parser: the shared input, output and running options, one subcommand per
verb; arguments sorted into files and names (translit.cli.inputs)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

import translit
from translit import core
from translit.normalize import KEY_VERSION

from .check import CHECK_EXAMPLE, CHECK_FORMATS, run_check
from .exits import EXIT_CODES
from .group import GROUP_EXAMPLE, run_group
from .inputs import FILES_RULE, NAMES_ONLY
from .records import FORMATS, OUTPUT_FORMATS
from .rows import run_verb
from .serve import add_serve_arguments, run_serve
from .systems import run_systems
from .verbs import VERBS


class Formatter(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=30)


class _Once(argparse._StoreAction):
    """An option that takes one value: given twice with two values, it is an error, not the
    last one silently (``-c name -c city`` keyed only the city, exit 0)."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: str | Sequence[Any] | None, option_string: str | None = None) -> None:
        if option_string is not None:
            given: dict[str, tuple[str, Any]] = namespace.__dict__.setdefault("_given", {})
            if self.dest in given and given[self.dest][1] != values:
                first, value = given[self.dest]
                raise argparse.ArgumentError(
                    self, f"given twice ({first} {value!r}, then {option_string} {values!r}); "
                    "it takes one value" + _ONCE_HINTS.get(self.dest, ""))
            given[self.dest] = (option_string, values)
        super().__call__(parser, namespace, values, option_string)


_ONCE_HINTS = {
    "column": ": one column a run (run once per column, or join the columns first)",
    "field": ": one key a run (run once per key)",
    "output": ": one output file a run",
}


class Parser(argparse.ArgumentParser):
    """A parser whose subcommands report their own usage errors (an unknown option of
    ``translit key`` prints key's usage, not the top level's), and whose single-valued
    options refuse a second, different value."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.register("action", None, _Once)
        self.register("action", "store", _Once)

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        parsed, extra = self.parse_known_args(args, namespace)
        if extra:
            verb = getattr(parsed, "subparser", None) or self
            verb.error(f"unrecognized arguments: {' '.join(extra)}")
        return parsed

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        hint = f"\nRun '{self.prog} --help' for the options." if " " in self.prog else ""
        self.exit(2, f"{self.prog}: error: {message}{hint}\n")


def add_io(parser: argparse.ArgumentParser, verb: str) -> None:
    """The input, output and running options that every list verb shares."""
    if verb in NAMES_ONLY:
        parser.add_argument("arguments", nargs="*", metavar="NAME",
                            help="names to read (files: -i FILE)")
    else:
        parser.add_argument("arguments", nargs="*", metavar="FILE|NAME",
                            help="files to read ('-' is standard input, the default), or names")
    inputs = parser.add_argument_group("input")
    inputs.add_argument("-i", "--input", action="append", metavar="FILE",
                        help="a file to read (repeatable; '-' is standard input)")
    inputs.add_argument("-n", "--name", action="append", metavar="NAME", dest="forced",
                        help="a name, never read as a file (repeatable; or give names after --)")
    inputs.add_argument("--input-format", choices=("auto", *FORMATS),
                        default="auto", help="auto (the default): from --column/--field and the "
                        "file name (.csv .tsv .jsonl), else plain lines")
    inputs.add_argument("-c", "--column", metavar="NAME",
                        help="CSV/TSV: the column that holds the names (a header name, or a "
                        "number from 1)")
    inputs.add_argument("--field", metavar="KEY", help="JSON Lines: the key that holds the names")
    inputs.add_argument("-d", "--delimiter", metavar="CHAR",
                        help="CSV: the delimiter (default: sniffed from the header among , TAB "
                        "; |)")
    tabs = ("--tabs",) if verb == "check" else ("-t", "--tabs")  # check's -t is --target
    inputs.add_argument(*tabs, action="store_const", const="\t", dest="delimiter",
                        help="CSV: the delimiter is a tab (as --delimiter tab)")
    inputs.add_argument("-H", "--no-header-row", "--no-headers", action="store_true",
                        dest="no_header_row",
                        help="CSV/TSV: the first row is data, not a header: name the column "
                        "by number (-c 2); the output has no header either")
    inputs.add_argument("--quotechar", metavar="CHAR",
                        help="CSV: the quote character (default \"; TSV: none, quotes are data; "
                        "'' for none)")
    inputs.add_argument("--ragged", choices=("error", "pad", "keep"), default="error",
                        help="CSV/TSV rows with more or fewer fields than the header: an error "
                        "naming the line (the default); pad short rows with empty fields; or "
                        "keep every row as it is, the results after its last field")
    inputs.add_argument("--errors", choices=("strict", "replace"), default="strict",
                        help="invalid UTF-8: stop with its position (strict, the default), or "
                        "write U+FFFD and count the rows affected (replace)")
    outputs = parser.add_argument_group("output")
    outputs.add_argument("-o", "--output", metavar="FILE",
                         help="write here (atomically: FILE appears only when complete; a "
                         "symbolic link is written through); default standard output")
    formats = CHECK_FORMATS if verb == "check" else OUTPUT_FORMATS
    outputs.add_argument("-f", "--format", choices=formats,
                         help="text (for reading), csv, tsv or jsonl (every input column and "
                         "the results); default: from -o's extension, else the input's format, "
                         "text for names and plain lines")
    if verb != "check":
        outputs.add_argument("--output-column", action="append", metavar="NAME",
                             help="name of an appended column (repeat for each)")
    outputs.add_argument("--no-header", action="store_true",
                         help="text output: no header line (verbs that write several columns "
                         "head them)")
    if verb != "check":
        running = parser.add_argument_group("running")
        running.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                             help="worker processes (default 1; 0: one per core); the output is "
                             "the same whatever N")
        running.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                             help="a progress bar on stderr (default: when stderr is a terminal)")


def _add_verb(sub: argparse._SubParsersAction[Parser], name: str, summary: str,
              description: str, example: str) -> Parser:
    p: Parser = sub.add_parser(name, help=summary, formatter_class=Formatter,
                               description=description, epilog=f"examples:\n  {example}\n\n"
                               f"{FILES_RULE if name not in NAMES_ONLY else ''}{EXIT_CODES}")
    p.set_defaults(subparser=p)
    return p


def _add_row_verbs(sub: argparse._SubParsersAction[Parser]) -> None:
    """One subcommand per entry of VERBS, with the options its entry names."""
    for name, verb in VERBS.items():
        p = _add_verb(sub, name, verb.summary, verb.summary[:1].upper() + verb.summary[1:] + ".",
                      verb.example)
        if verb.system:
            p.add_argument("-s", "--system", required=verb.system == "required",
                           help="system id or alias (translit systems lists them)" +
                           ("" if verb.system == "required" else
                            "; default: each language's national system, by the letters"))
        if "language" in verb.options:
            p.add_argument("-l", "--language", choices=("ru", "uk", "be"),
                           help="readings of this language only (default: every language)")
        if "limit" in verb.options:
            p.add_argument("--limit", type=int, default=10, metavar="N",
                           help="how many readings to find: the best and N-1 alternatives "
                           "(default 10)")
        if "cyrillic" in verb.options:
            p.add_argument("--cyrillic", metavar="NAME",
                           help="CSV/TSV column or JSON Lines key that holds each name's "
                           "Cyrillic spelling (default: read from the Latin)")
        add_io(p, name)
        p.set_defaults(handler=run_verb)


def build_parser() -> Parser:
    parser = Parser(
        prog="translit", formatter_class=Formatter,
        description="Romanization of Russian, Ukrainian and Belarusian names.",
        epilog="examples:\n  translit key people.csv --column name -o keyed.csv\n" + "\n".join(
            f"  {v.example.splitlines()[0]}" for v in VERBS.values()
        ) + "\n  translit group people.csv --column surname --summary"
            "\n  translit check report.txt\n  translit systems --language uk\n  translit serve"
            "\n\n" + FILES_RULE + EXIT_CODES,
    )
    parser.add_argument("--version", action="version",
                        version=f"translit {translit.__version__} (key version {KEY_VERSION}; "
                                f"{core.describe()})")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True,
                                parser_class=Parser)

    systems = _add_verb(sub, "systems", "list the romanization systems",
                        "List the romanization systems: id, language, reversible, name.",
                        "translit systems --language uk\n  translit systems --format jsonl")
    systems.add_argument("--language", choices=("ru", "uk", "be"))
    systems.add_argument("-f", "--format", choices=OUTPUT_FORMATS)
    systems.add_argument("-o", "--output", metavar="FILE")
    systems.set_defaults(handler=run_systems)

    _add_row_verbs(sub)
    p = _add_verb(
        sub, "group", "group the spellings of one name (by key), largest group first",
        "Group names whose keys are equal (--by key, the default), or that share a block key "
        "and that same_name() takes, two groups joined where it takes half their pairs (--by "
        "same_name: more spellings of one name "
        "together, Dnipro and Днепр, and more different names too).  Per row (the default): "
        "each row gets its group's number (1 = the largest) and representative spelling.  "
        "--summary: one row per group, largest first.", GROUP_EXAMPLE)
    p.add_argument("--summary", action="store_true",
                   help="one row per group: group, size, representative, key, members, counts")
    p.add_argument("--by", choices=("key", "same_name"), default="key",
                   help="key: equal keys (default); same_name: block keys verified by "
                        "same_name(), joined by average linkage")
    add_io(p, "group")
    p.set_defaults(handler=run_group)

    p = _add_verb(
        sub, "check", "check the spelling of names in texts or name lists (exit 1: found)",
        "Check the spelling of Ukrainian, Russian and Belarusian names in texts, or in a list "
        "of names (--column, --field): Russian-based spellings, former names, mixed scripts, "
        "non-standard romanizations, inconsistent spellings.  Exit status 1 when something is "
        "found, like a linter.", CHECK_EXAMPLE)
    p.add_argument("-t", "--target", default=None,
                   help="the system names are to be written in (default: the text's language "
                        "sets it: uk-national for English, uk-german for German … and that "
                        "language's exonyms; see tables/check/languages.toml)")
    add_io(p, "check")
    p.set_defaults(handler=run_check)

    p = _add_verb(sub, "serve", "the local page for translators and editors, and its HTTP API",
                  "Serve the local page (check a text, look a name up) and the library's verbs "
                  "as a JSON API.  Needs the web extra: pip install 'translit[web]'.",
                  "translit serve\n  translit serve --port 8080")
    add_serve_arguments(p)
    p.set_defaults(handler=run_serve)
    return parser


def parse_arguments(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The parsed arguments, positional ones sorted into input files and names."""
    argv = list(sys.argv[1:] if argv is None else argv)
    after: list[str] = []
    if "--" in argv:  # what follows -- is names, whatever it looks like
        at = argv.index("--")
        argv, after = argv[:at], argv[at + 1:]
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "arguments") and after:
        args.subparser.error(f"unrecognized arguments: {' '.join(after)}")
    args.after = after
    return args
