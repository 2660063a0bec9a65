"""The exit statuses of every verb: one table, shown by ``translit --help``.

Modelled on the BSD sysexits and on linters: 1 means only "check found something", so that a
crash is never mistaken for a finding (a crash is EXIT_SOFTWARE, 70).
"""

from __future__ import annotations

EXIT_OK = 0  # done; check: nothing found
EXIT_FOUND = 1  # check: something found (and nothing else exits 1)
EXIT_USAGE = 2  # a bad option, an unknown system, a missing file or column, malformed input
EXIT_SOFTWARE = 70  # an internal error: a bug in translit (sysexits' EX_SOFTWARE)
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT); SIGTERM and SIGHUP: 128 + their number
EXIT_PIPE_CLOSED = 141  # like a program killed by SIGPIPE: `translit ... | head`

EXIT_CODES = """\
exit status:
  0    done (check: nothing found)
  1    check found something (no other verb exits 1)
  2    usage or input error: a bad option, an unknown system, no such file or column, input
       that is not what it says (invalid UTF-8, an unterminated quote, a ragged row, a
       malformed JSON line: the message names the file, the line and the byte offset)
  70   an internal error (a bug in translit: the message says how to report it)
  130  interrupted (Ctrl-C); 143 terminated (SIGTERM), 129 hung up (SIGHUP): no output file
       is left half-written
  141  the reader of the output went away (| head): nothing more is written, nothing said
"""

#: What an internal error tells, after its one-line description.
REPORT_HINT = ("this is a bug in translit {version}; please report it with the command that "
               "failed (TRANSLIT_DEBUG=1 shows the traceback)")
