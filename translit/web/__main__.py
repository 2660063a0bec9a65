"""python -m translit.web [--host 127.0.0.1] [--port 8000]: the same as ``translit serve``."""

import sys

from translit.cli import main

sys.exit(main(["serve", *sys.argv[1:]]))
