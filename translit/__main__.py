"""``python -m translit``: the command line (translit.cli)."""

from .cli import main

raise SystemExit(main())
