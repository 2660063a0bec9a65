"""The forms names are compared in, and where the gazetteer's file is: what every part of
translit.places reads."""

from __future__ import annotations

import unicodedata
from importlib import resources
from pathlib import Path

from ..letters import nfc, without_apostrophes


def lookup_form(text: str) -> str:
    """The form a spelling is looked up in (gazetteer names, established spellings, the
    check's comparisons): NFC, lowercase, no apostrophes, one space between words."""
    text = without_apostrophes(nfc(text).lower())
    return " ".join(text.split())



def _data_path() -> Path:
    return Path(str(resources.files("translit") / "data" / "places" / "places.tsv.gz"))



def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).replace("'", "ʼ").replace("’", "ʼ")
