"""Results indicators: the catalogue of the curated ones, their target populations, and the
departments' extra codes. Facts and traps: data/indicators/SOURCES.md; docs/domain.md §8.

An indicator not in the catalogue (an official's own table loaded with `etl indicators`) is
still accepted and shown under its id; the catalogue only gives labels and the denominator.
"""
from __future__ import annotations

# Lima's halves as INEI's PpR tables (2021+) and ENAHO print them. They are separate
# populations and are never merged into department 15 (whole Lima).
LIMA_METRO = "LM"
LIMA_REGION = "LR"
EXTRA_AREAS = {LIMA_METRO: "LIMA METROPOLITANA", LIMA_REGION: "LIMA (REGIÓN, PROVINCIAS)"}

AREAS = ("total", "urbana", "rural")

# Target populations for "spending per target person" (data/reference/population_groups.csv);
# "women" is every woman (data/reference/population.csv, sex F).
GROUPS = ("children_0_4", "women_15_49", "women", "inhabitants")

# id -> labels, and the people the indicator is about (the denominator of spending per person).
CATALOGUE: dict[str, dict] = {
    "dci_menores5": {"es": "Desnutrición crónica, menores de 5 años (OMS)",
                     "en": "Chronic malnutrition, children under 5 (WHO)", "group": "children_0_4"},
    "dci_severa_menores5": {"es": "Desnutrición crónica severa, menores de 5 años",
                            "en": "Severe chronic malnutrition, children under 5", "group": "children_0_4"},
    "anemia_6_35": {"es": "Anemia, niñas y niños de 6 a 35 meses", "en": "Anaemia, children 6-35 months",
                    "group": "children_0_4"},
    "lactancia_exclusiva": {"es": "Lactancia materna exclusiva, menores de 6 meses",
                            "en": "Exclusive breastfeeding, under 6 months", "group": "children_0_4"},
    "vacunas_basicas_12m": {"es": "Vacunas básicas completas, menores de 12 meses",
                            "en": "Complete basic vaccines, under 12 months", "group": "children_0_4"},
    "cred": {"es": "Controles de crecimiento y desarrollo (CRED) completos",
             "en": "Complete growth and development check-ups (CRED)", "group": "children_0_4"},
    "hierro": {"es": "Suplemento de hierro, niñas y niños", "en": "Iron supplement, children",
               "group": "children_0_4"},
    "agua_segura": {"es": "Población con agua por red pública", "en": "Population with piped water",
                    "group": "inhabitants"},
    "saneamiento": {"es": "Población con saneamiento por red pública", "en": "Population with sewerage",
                    "group": "inhabitants"},
    "tgf": {"es": "Tasa global de fecundidad", "en": "Total fertility rate", "group": "women_15_49"},
    "violencia_pareja": {"es": "Violencia de pareja alguna vez (psicológica, física o sexual), mujeres 15-49",
                         "en": "Partner violence ever (psychological, physical or sexual), women 15-49",
                         "group": "women_15_49"},
    "violencia_fis_sex_12m": {"es": "Violencia física o sexual de pareja, últimos 12 meses",
                              "en": "Physical or sexual partner violence, last 12 months", "group": "women_15_49"},
    "meta_violencia_fis_sex_12m": {"es": "Meta de la Política Nacional de Igualdad de Género (violencia 12 meses)",
                                   "en": "National Gender Equality Policy target (violence, 12 months)",
                                   "group": "women_15_49"},
    "feminicidios": {"es": "Feminicidios (víctimas atendidas por los CEM)", "en": "Femicides (victims seen by CEMs)",
                     "group": "women"},
    "casos_cem": {"es": "Casos atendidos por los Centros Emergencia Mujer",
                  "en": "Cases attended by Women's Emergency Centres", "group": "women"},
    "denuncias_violencia_sexual": {"es": "Denuncias por violencia sexual", "en": "Sexual violence complaints",
                                   "group": "women"},
    "pobreza_monetaria": {"es": "Pobreza monetaria", "en": "Monetary poverty", "group": "inhabitants"},
    "gasto_real_pc": {"es": "Gasto real per cápita", "en": "Real spending per person", "group": "inhabitants"},
    "ingreso_real_pc": {"es": "Ingreso real per cápita", "en": "Real income per person", "group": "inhabitants"},
}

METHODS = {
    "comparable": {"es": "método comparable 2009-2025 (ajuste por altitud anterior a 2024)",
                   "en": "comparable method 2009-2025 (altitude adjustment used until 2023)"},
    "nueva": {"es": "método nuevo del INEI (desde 2024; recalculado a 2021)",
              "en": "INEI's new method (from 2024; recomputed back to 2021)"},
    "OMS": {"es": "patrón de crecimiento OMS", "en": "WHO growth standard"},
}


def indicator_label(indicator: str, lang: str) -> str:
    entry = CATALOGUE.get(indicator)
    return entry.get(lang, entry["es"]) if entry else indicator


def target_group(indicator: str) -> str:
    return CATALOGUE.get(indicator, {}).get("group", "inhabitants")
