"""The gender vocabulary (docs/domain.md §6): categories, markers, LIO policy lines, the three
totals, and the budget-line columns a rule can test. Labels are {"es", "en"} dicts that
domain/i18n.py and the CLI use as they are.
"""
from __future__ import annotations

# Set by the classifier, never by a rule: no rule matched the line.
UNREVIEWED = "sin_revisar"
_UNREVIEWED_LABEL = {"es": "Sin revisar", "en": "Unreviewed"}

# Budlender & Sharp (1998) categories (docs/domain.md §6).
CATEGORIES: dict[str, dict[str, str]] = {
    "especifico": {"es": "Específico de género", "en": "Gender-specific"},
    "igualdad_oportunidades": {"es": "Igualdad de oportunidades en el servicio público",
                               "en": "Equal opportunity in the public service"},
    "general": {"es": "General (transversal)", "en": "Mainstream"},
    UNREVIEWED: _UNREVIEWED_LABEL,
}
# OECD-DAC gender equality policy marker.
MARKERS: dict[str, dict[str, str]] = {
    "2": {"es": "Principal", "en": "Principal"},
    "1": {"es": "Significativo", "en": "Significant"},
    "0": {"es": "No orientado", "en": "Not targeted"},
    UNREVIEWED: _UNREVIEWED_LABEL,
}
# The ten policy lines of the Equal Opportunities Law (LIO, Ley 28983, 2007) as MEF mapped them
# in 2008, and "not related". A rule must name one; unreviewed lines have none.
LIO_LINES: dict[str, dict[str, str]] = {
    "normas_politicas": {"es": "Normas y políticas", "en": "Norms and policies"},
    "estadisticas": {"es": "Estadísticas", "en": "Statistics"},
    "proteccion_inclusion_social": {"es": "Protección e inclusión social", "en": "Protection and social inclusion"},
    "violencia": {"es": "Violencia", "en": "Violence"},
    "derechos_economicos": {"es": "Derechos económicos", "en": "Economic rights"},
    "derecho_trabajo": {"es": "Derecho al trabajo", "en": "Right to work"},
    "salud": {"es": "Salud", "en": "Health"},
    "educacion": {"es": "Educación", "en": "Education"},
    "justicia": {"es": "Justicia", "en": "Justice"},
    "derechos_politicos": {"es": "Derechos políticos", "en": "Political rights"},
    "no_relacionado": {"es": "No relacionado", "en": "Not related"},
}
LIO_LABELS = {**LIO_LINES, UNREVIEWED: _UNREVIEWED_LABEL}

# The three totals users argue from (docs/domain.md §6), in the order they are shown.
DEFINITIONS: dict[str, dict[str, str]] = {
    "strict": {"es": "Estricto: solo marcador 2", "en": "Strict: marker 2 only"},
    "weighted": {"es": "Ponderado: monto × peso", "en": "Weighted: amount × weight"},
    "broad": {"es": "Amplio: marcador 1 o 2", "en": "Broad: marker 1 or 2"},
}

# Budget-line columns a rule can test, coarse to fine. Each has a code column (exact codes,
# several separated by "|") and a <dimension>_name column (a regular expression searched in
# the MEF name of that code for the line's fiscal year).
MATCH_DIMENSIONS = ("pliego", "sec_ejec", "programa", "producto_proyecto", "actividad", "funcion")
NAME_COLUMNS = tuple(f"{d}_name" for d in MATCH_DIMENSIONS)


def label(labels: dict[str, dict[str, str]], code: str) -> str:
    """'Spanish / English' for the CLI and exports (one word when both agree); an unknown code as is."""
    entry = labels.get(str(code), {"es": str(code), "en": str(code)})
    return entry["es"] if entry["es"] == entry["en"] else f"{entry['es']} / {entry['en']}"
