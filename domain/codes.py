"""Codes shared by the loaders, the store, the figures and the URL state (docs/domain.md §2, §4).

Labels are {"es": ..., "en": ...} dicts: domain/i18n.py takes them from here, so a code's
words are written once.
"""
from __future__ import annotations

# Interface languages, Spanish first.
LANGS = ("es", "en")
DEFAULT_LANG = "es"

# Levels of government (NIVEL_GOBIERNO) with MEF's own names, used when a file brings no name.
LEVELS: dict[str, str] = {"E": "GOBIERNO NACIONAL", "R": "GOBIERNOS REGIONALES", "M": "GOBIERNOS LOCALES"}
ALL = "all"                                     # "no filter" in the URL and in read functions
LEVEL_CHOICES = (ALL, *LEVELS)                  # what the level filter offers
LEVEL_LABELS: dict[str, dict[str, str]] = {
    ALL: {"es": "Todos", "en": "All"},
    "E": {"es": "Gobierno nacional", "en": "National government"},
    "R": {"es": "Gobiernos regionales", "en": "Regional governments"},
    "M": {"es": "Gobiernos locales", "en": "Local governments"},
}

# INEI department codes as MEF uses them (docs/domain.md §4). 98 = abroad: in totals, not on maps.
DEPARTMENTS: dict[str, str] = {
    "01": "AMAZONAS", "02": "ANCASH", "03": "APURIMAC", "04": "AREQUIPA", "05": "AYACUCHO",
    "06": "CAJAMARCA", "07": "PROVINCIA CONSTITUCIONAL DEL CALLAO", "08": "CUSCO",
    "09": "HUANCAVELICA", "10": "HUANUCO", "11": "ICA", "12": "JUNIN", "13": "LA LIBERTAD",
    "14": "LAMBAYEQUE", "15": "LIMA", "16": "LORETO", "17": "MADRE DE DIOS", "18": "MOQUEGUA",
    "19": "PASCO", "20": "PIURA", "21": "PUNO", "22": "SAN MARTIN", "23": "TACNA", "24": "TUMBES",
    "25": "UCAYALI", "98": "EXTERIOR",
}
# The whole country, in coverage and population tables (department column).
NATIONAL = "PE"
NATIONAL_NAME = "PERÚ (NACIONAL)"

# Budget stages as budget_line stores them (docs/domain.md §2), opening budget to payment.
STAGES = ("pia", "pim", "certificado", "comprometido_anual", "comprometido", "devengado", "girado")
# The three stages every page and read function totals: opening, modified, executed.
MAIN_STAGES = ("pia", "pim", "devengado")

# Women, men, total: the sex codes of coverage and population tables.
SEXES = ("F", "M", "T")

# Year bounds. Budget lines: SIAF open data starts in 2009; 2004-2008 is accepted for the demo
# and back-casts. Coverage tables and network facts reach further back (pensions, censuses).
LAST_YEAR = 2035
FIRST_BUDGET_YEAR = 2004
FIRST_COVERAGE_YEAR = 1980
FIRST_FACT_YEAR = 1900

# Real soles are soles of this year (BCRP Lima CPI): the seed report's fieldwork year.
REAL_BASE_YEAR = 2009


def is_category_not_programme(programa: str) -> bool:
    """9001 ACCIONES CENTRALES, 9002 ASIGNACIONES PRESUPUESTARIAS QUE NO RESULTAN EN PRODUCTOS and
    any other 9xxx code: budget categories, not PpR programmes (docs/domain.md §2; the same prefix
    rule as store/budget.py `_is_ppr`)."""
    return str(programa or "").startswith("9")
