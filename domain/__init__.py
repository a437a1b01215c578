"""The bottom layer: the vocabulary every other layer shares.

Codes (departments, levels of government, budget stages, the store's grain, sexes, languages,
year bounds), the MEF Gasto file format, the gender vocabulary with its Spanish and English
labels, text folding and the gender rules (parsing and matching). `etl/`, `store/`,
`components/` and `pages/` import from here; this package imports none of them, nor Dash, nor
SQL (docs/domain.md explains the facts behind the codes).
"""
