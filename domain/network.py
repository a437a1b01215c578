"""The social protection network's vocabulary (docs/domain.md §7; data/network/README.md)."""
from __future__ import annotations

# Devereux & Sabates-Wheeler (2004), in the order the pages show them.
NETWORK_CATEGORIES = ("protective", "preventive", "promotive", "transformative")
# How a programme's budget link finds its lines: by code, or by a pattern on MEF names.
MATCHERS = ("sec_ejec", "programa", "pliego", "name_pattern")
CODE_MATCHERS = tuple(m for m in MATCHERS if m != "name_pattern")
CURRENCIES = ("USD", "PEN")


def is_count_unit(unit: str | None) -> bool:
    """Counts can be divided into money; percentages and targets cannot (data/network/README.md)."""
    return bool(unit) and not unit.startswith("percent_") and not unit.endswith("_target")
