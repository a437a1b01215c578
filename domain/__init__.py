"""The bottom layer: the vocabulary every other layer shares.

Codes (departments, levels of government, budget stages, the store's grain, sexes, languages,
year bounds), the MEF Gasto file format, the gender vocabulary with its Spanish and English
labels, text folding, the gender rules (parsing and matching), the one ES/EN translation table
(i18n.py) and the page state that names a view in URLs, briefs and reports (url_state.py).
`etl/`, `store/`, `exports/`, `components/` and `pages/` import from here; this package imports
none of them, nor Dash, nor SQL (docs/domain.md explains the facts behind the codes).
"""
