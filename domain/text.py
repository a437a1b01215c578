"""Comparing names the way officials type them: without accents, case aside.

MEF writes "PENSION" in one year and "PENSIÓN" in the next; a spreadsheet header may say "Año"
or "ANO". Every comparison of names in the project goes through these two functions.
"""
from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Accents removed, everything else kept ("PENSIÓN" -> "PENSION", "ñ" -> "n")."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def ascii_fold(text: str) -> str:
    """fold() with any other non-ASCII character dropped ("Año°" -> "Ano")."""
    return fold(text).encode("ascii", "ignore").decode()
