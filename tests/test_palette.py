"""Chart colours are colour-blind safe (issue 9, item 5): Okabe-Ito for categories, Cividis for
maps, defined once in domain/palette.py, used by every figure builder and by the Excel brief;
and the pairs a reader must tell apart stay apart under simulated colour blindness."""
from __future__ import annotations

import pandas as pd
import pytest

from components import figures
from domain import palette

# Okabe & Ito (2008), "Color Universal Design", the eight colours as published (RGB 0-255).
PUBLISHED = {"black": (0, 0, 0), "orange": (230, 159, 0), "sky_blue": (86, 180, 233), "bluish_green": (0, 158, 115),
             "yellow": (240, 228, 66), "blue": (0, 114, 178), "vermillion": (213, 94, 0),
             "reddish_purple": (204, 121, 167)}

# Machado, Oliveira & Fernandes (2009), severity 1.0, on linear RGB.
SIMULATIONS = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, 0.691367, 0.303900)),
}
MIN_DELTA_E = 20            # CIE76: well beyond "just noticeable" (about 2.3) for bars side by side


def rgb(hex_color: str) -> tuple[int, int, int]:
    h = hex_color.lstrip("#")
    return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))


def _linear(c: float) -> float:
    c /= 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def lab(hex_color: str, sim: str | None = None) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of an sRGB colour, as seen with the simulated deficiency."""
    r, g, b = (_linear(c) for c in rgb(hex_color))
    if sim:
        m = SIMULATIONS[sim]
        r, g, b = (min(1.0, max(0.0, m[i][0] * r + m[i][1] * g + m[i][2] * b)) for i in range(3))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
    f = [v ** (1 / 3) if v > 0.008856 else 7.787 * v + 16 / 116 for v in (x, y, z)]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def delta_e(a: str, b: str, sim: str | None) -> float:
    return sum((p - q) ** 2 for p, q in zip(lab(a, sim), lab(b, sim))) ** 0.5


def test_okabe_ito_as_published():
    assert {k: rgb(v) for k, v in palette.OKABE_ITO.items()} == PUBLISHED
    assert len(set(palette.CATEGORICAL)) == 8 and set(palette.CATEGORICAL) == set(palette.OKABE_ITO.values())


def test_lab_conversion_on_known_colours():
    assert lab("#FFFFFF") == pytest.approx((100, 0, 0), abs=0.05)
    assert lab("#000000") == pytest.approx((0, 0, 0), abs=0.05)
    assert lab("#FF0000") == pytest.approx((53.24, 80.09, 67.20), abs=0.1)       # sRGB red, D65


@pytest.mark.parametrize("sim", [None, *SIMULATIONS])
def test_colours_read_together_stay_apart_for_colour_blind_readers(sim):
    pairs = [(palette.PIM, palette.DEVENGADO), (palette.DEVENGADO, palette.ACCENT), (palette.PIM, palette.ACCENT)]
    totals = list(palette.GENDER_TOTALS.values())
    pairs += [(a, b) for i, a in enumerate(totals) for b in totals[i + 1:]]
    for a, b in pairs:
        assert delta_e(a, b, sim) >= MIN_DELTA_E, (a, b, sim, delta_e(a, b, sim))


def test_every_figure_builder_draws_with_the_palette():
    df = pd.DataFrame({"key": ["0001", "0002"], "name": ["A", "B"], "pia": [1e6, 2e6], "pim": [2e6, 3e6],
                       "devengado": [1e6, 2e6], "avance_pct": [50.0, 66.7]})
    bars = figures.budget_bars(df, "es", "t", "s")
    assert [tr.marker.color for tr in bars.data] == [palette.PIM, palette.DEVENGADO]
    assert list(bars.layout.colorway) == list(palette.CATEGORICAL)   # charts that set no colour
    totals = figures.grouped_bars(["PIA"], [(d, [1e6], figures.GENDER_TOTAL_COLORS[d]) for d in ("strict", "weighted", "broad")],
                                  "es", "t", "u", "s")
    assert [tr.marker.color for tr in totals.data] == [palette.GENDER_TOTALS[d] for d in ("strict", "weighted", "broad")]
    curve = figures.execution_curve(pd.DataFrame({"month": [1, 2], "devengado": [1e6, 2e6], "devengado_acum": [1e6, 3e6],
                                                  "avance_acum_pct": [10.0, 30.0], "pim": [1e7, 1e7]}), "es", "t", "s")
    assert [curve.data[0].marker.color, curve.data[1].line.color, curve.data[2].line.color] == \
        [palette.PIM, palette.DEVENGADO, palette.ACCENT]
    fig = figures.value_map(["01", "08"], [1.0, 2.0], ["a", "b"], "u", "t", "s", "/x.geojson")
    scale = fig.data[1].colorscale
    assert scale[0][1].lower() in ("#00224e", "rgb(0,34,78)", "rgb(0, 34, 78)") and fig.data[1].reversescale
    assert fig.data[0].colorscale[0][1] == palette.NO_DATA


def test_the_excel_brief_uses_the_same_colours():
    from exports import brief
    assert brief.SERIES_COLORS["pim"] == "56B4E9" and brief.SERIES_COLORS["devengado"] == "0072B2"
    assert brief.ROW_COLORS == ("D55E00", "CC79A7", "0072B2")
