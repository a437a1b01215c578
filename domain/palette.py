"""The colours of every chart: the dashboard's (components/figures.py), the Excel brief's
(exports/brief.py) and the printed report's, written once.

Safe for colour-blind readers: categories take the Okabe-Ito palette (Okabe & Ito 2008, "Color
Universal Design", https://jfly.uni-koeln.de/color/), whose eight colours stay apart under
protanopia, deuteranopia and tritanopia; amounts on a map take Cividis (Nuñez, Anderton & Renslow
2018, PLOS ONE 13(7): e0199239), a sequential scale that reads the same to most colour-blind
readers and in greyscale (light = little, dark = much). Pairs that belong together (PIM and
devengado) differ in lightness as well as hue."""
from __future__ import annotations

# Okabe-Ito, in its published order (black first).
OKABE_ITO = {"black": "#000000", "orange": "#E69F00", "sky_blue": "#56B4E9", "bluish_green": "#009E73",
             "yellow": "#F0E442", "blue": "#0072B2", "vermillion": "#D55E00", "reddish_purple": "#CC79A7"}

# Any chart's series in this order when it sets no colour of its own (plotly's colorway).
CATEGORY_ORDER = ("blue", "orange", "bluish_green", "vermillion", "reddish_purple", "sky_blue", "black", "yellow")
CATEGORICAL = tuple(OKABE_ITO[c] for c in CATEGORY_ORDER)

PIM = OKABE_ITO["sky_blue"]                # the budget envelope: light
DEVENGADO = OKABE_ITO["blue"]              # what was spent: dark, the same family
ACCENT = OKABE_ITO["vermillion"]           # a reference line (the year's PIM on the execution curve)
# The three gender totals (strict within weighted within broad): of the Okabe-Ito triples without
# black and yellow, one whose colours stay furthest apart under simulated protanopia, deuteranopia
# and tritanopia (tests/test_palette.py).
GENDER_TOTALS = {"strict": OKABE_ITO["vermillion"], "weighted": OKABE_ITO["reddish_purple"],
                 "broad": OKABE_ITO["blue"]}

# Sequential (maps): plotly's name, light for small values and dark for large ones.
SEQUENTIAL = "Cividis"
SEQUENTIAL_REVERSED = True
NO_DATA = "#e9ecef"                        # departments without a value: light grey


def hex_no_hash(color: str) -> str:
    """'#0072B2' -> '0072B2', as openpyxl takes colours."""
    return color.lstrip("#").upper()
