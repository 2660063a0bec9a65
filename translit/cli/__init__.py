"""The command line: ``translit VERB``, a thin layer over the library's verbs.

One module per concern, the entry point first:

==============  ===========================================================================
``main``        parse, run the verb, map what happened to an exit status (``exits``)
``parser``      the options every list verb shares, one subcommand per verb
``inputs``      which arguments are files and which are names
``verbs``       the row verbs (romanize, cyrillize, key, detect, repair, candidates,
                identify): one entry each, the library function it applies to every row
``rows``        running a row verb; ``group``, ``check``, ``systems``, ``serve``: the others
``run``         a verb's run over its inputs: formats, headers, columns, the output file
``records``     files read in chunks of whole records, bytes decoded with positions
``sources``     input files opened (standard input, byte order marks, UTF-16/32)
``formats``     layouts, atomic output files, JSON and table writing
``job``         what a worker needs for one chunk; ``chunks`` reads it and runs the verb,
                ``render`` writes its output, ``workers`` runs chunks in order or in a pool
``progress``    the progress bar, and messages that do not overwrite it
==============  ===========================================================================

Input is names given as arguments, or files (``-`` is standard input): plain lines, CSV or
TSV with a header, JSON Lines.  Output keeps every input row and column in order and appends
the result columns.  Files are read in chunks of whole records, so memory stays flat, and
``--jobs`` sends chunks to worker processes and writes their results in input order.
"""

from __future__ import annotations

from .exits import EXIT_FOUND, EXIT_OK, EXIT_SOFTWARE, EXIT_USAGE
from .main import main
from .parser import build_parser
from .verbs import VERBS

__all__ = ["EXIT_FOUND", "EXIT_OK", "EXIT_SOFTWARE", "EXIT_USAGE", "VERBS", "build_parser",
           "main"]
