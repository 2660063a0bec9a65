#!/usr/bin/env python3
"""Build translit/data/reverse-model.bin.gz: the parts of the reverse-reading model that take
seconds to build (the lexicon's names sorted per language, the letter models, the index of
every system's spelling of the frequent names), from the tables and the packaged lexicon.

    python tools/build_reverse.py            # writes translit/data/reverse-model.bin.gz
    python tools/build_reverse.py --check    # exits 1 if the file would change

Run it after changing a table, the lexicon (tools/build_lexicon.py) or the code that builds
the parts (translit/reverse/prepared.py, letter_model.py, names.py).  Without an up-to-date
file translit builds the parts at run time (see translit.reverse.prepared).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from translit.reverse import prepared  # noqa: E402
from translit.reverse.model import reader_ids  # noqa: E402
from translit.reverse.names import packaged_rows  # noqa: E402
from translit.systems import system  # noqa: E402
from translit.tables import load_table  # noqa: E402

OUTPUT = ROOT / "translit" / "data" / prepared.DATA_FILE


def build() -> bytes:
    """The file's bytes as the tables and the lexicon give them today."""
    ids = reader_ids()
    parts = prepared.build([load_table(i) for i in ids], [system(i) for i in ids],
                           packaged_rows())
    return prepared.dump(parts, prepared.digest(ids))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file would change")
    args = parser.parse_args(argv)
    data = build()
    current = OUTPUT.read_bytes() if OUTPUT.exists() else b""
    if args.check:
        if data != current:
            print(f"{OUTPUT.relative_to(ROOT)} is out of date: run tools/build_reverse.py",
                  file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_bytes(data)
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
