"""The one number formatter: amounts as Peru and MEF write them (1,234.5), % with one decimal.

Not Babel: es_PE and en use the same separators here (comma for thousands, point for
decimals, as in MEF's own reports and Consulta Amigable), so one function serves both
languages and the figures' `separators` setting matches it.
"""
from __future__ import annotations

MILLION = 1_000_000
PLOTLY_SEPARATORS = ".,"   # decimal, thousands: the same convention for plotly's axes and hovers


def fmt_number(value, decimals: int = 1, scale: float = 1.0, suffix: str = "") -> str:
    """`value / scale` with thousands commas and `decimals` places; an em dash when missing."""
    if value is None or value != value:      # None or NaN
        return "—"
    return f"{float(value) / scale:,.{decimals}f}{suffix}"


def millions(value) -> str:
    """Soles as S/ millions with one decimal: 1234567890 -> '1,234.6'."""
    return fmt_number(value, 1, MILLION)


def pct(value) -> str:
    """A percentage with one decimal: 45.678 -> '45.7 %'."""
    return fmt_number(value, 1, suffix=" %")


def plain(value) -> str:
    """A stored text as shown: '' when missing (None or NaN), else the value as text."""
    return "" if value is None or value != value else str(value)
