"""Table definitions (SQLAlchemy Core). Never reflected: duckdb-engine cannot reflect.

Grain of budget_line (see README "Grain"): one row per fiscal year x month x level x sector x
pliego x executing unit x programa x producto/proyecto x actividad x función/división/grupo x
department of the meta x fuente x genérica. META, FINALIDAD and the clasificador below
genérica are summed away: no page drills below genérica or below the department of the meta,
and dropping them shrinks a year from ~11 M source rows to a few million lines.
"""
from __future__ import annotations

import sqlalchemy as sa

from domain.codes import MAIN_STAGES, STAGES
from domain.gender import MATCH_DIMENSIONS, NAME_COLUMNS
from domain.mef_format import GRAIN

metadata = sa.MetaData()

MONEY = sa.Numeric(18, 2)
load_id_seq = sa.Sequence("load_history_id_seq", metadata=metadata)

load_history = sa.Table(
    "load_history", metadata,
    sa.Column("id", sa.Integer, load_id_seq, primary_key=True),
    sa.Column("file_name", sa.String, nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("format", sa.String, nullable=False),         # mef_gasto | consulta_amigable
    sa.Column("scope", sa.String, nullable=False),          # what a newer file replaces
    sa.Column("breakdown", sa.String),                      # consulta_amigable: the export's rows
    sa.Column("fiscal_years", sa.String),                   # "2008,2009"
    sa.Column("rows_read", sa.BigInteger, nullable=False, default=0),
    sa.Column("rows_loaded", sa.BigInteger, nullable=False, default=0),
    sa.Column("rows_rejected", sa.BigInteger, nullable=False, default=0),
    sa.Column("started_at", sa.DateTime, nullable=False),
    sa.Column("finished_at", sa.DateTime),
    sa.Column("status", sa.String, nullable=False),         # loaded | replaced | refused
    sa.Column("message", sa.String),
    sa.Column("reject_report", sa.String),
    sa.Column("is_demo", sa.Boolean, nullable=False, default=False),
)

budget_line = sa.Table(
    "budget_line", metadata,
    sa.Column("load_id", sa.Integer, nullable=False),
    sa.Column("fiscal_year", sa.SmallInteger, nullable=False),
    sa.Column("month", sa.SmallInteger, nullable=False),     # 0 = opening (PIA/PIM) rows
    *[sa.Column(col, sa.String, nullable=False) for col, _, _ in GRAIN],
    *[sa.Column(col, MONEY, nullable=False) for col in STAGES],
)
sa.Index("ix_budget_line_year", budget_line.c.fiscal_year)

# budget_line summed to coarser grains (store/summaries.py builds them in the write transaction
# that changes the lines and routes every read a summary answers exactly to the smallest one).
# `lines` counts the budget lines summed, so count(*) stays exact. Smallest first.
SUMMARY_GRAINS: dict[str, tuple[str, ...]] = {
    # Resumen, Regiones, the programme list, the years and loads every page shows
    "budget_sum_small": ("fiscal_year", "load_id", "month", "nivel_gobierno", "programa", "departamento_meta"),
    # the Programas drill (programme -> product -> activity -> executing unit), by level: a programme
    # with hundreds of thousands of budget_sum_mid rows (departments x functions) has a few thousand here
    "budget_sum_drill": ("fiscal_year", "nivel_gobierno", "programa", "producto_proyecto", "actividad", "sec_ejec"),
    # gender joins, the network's budget links: every key but month, fuente, genérica
    "budget_sum_mid": ("fiscal_year", "load_id", "nivel_gobierno", "sector", "pliego", "sec_ejec", "programa",
                       "tipo_act_proy", "producto_proyecto", "actividad", "funcion", "division_funcional",
                       "grupo_funcional", "departamento_meta"),
}
SUMMARY_TABLES = tuple(
    sa.Table(name, metadata,
             *[budget_line.c[c].copy() for c in grain],
             sa.Column("lines", sa.BigInteger, nullable=False),
             *[sa.Column(col, MONEY, nullable=False) for col in STAGES])
    for name, grain in SUMMARY_GRAINS.items())
budget_sum_small, budget_sum_drill, budget_sum_mid = SUMMARY_TABLES
sa.Index("ix_budget_sum_small_year", budget_sum_small.c.fiscal_year)
sa.Index("ix_budget_sum_drill_year_programa", budget_sum_drill.c.fiscal_year, budget_sum_drill.c.programa)
sa.Index("ix_budget_sum_mid_year_programa", budget_sum_mid.c.fiscal_year, budget_sum_mid.c.programa)

# The gender definitions by department (Regiones map and profile): budget lines joined to their
# line_class row, summed per grain and classification (store/summaries.py refresh_gender, rebuilt
# with the summaries and by every classification). category / weight as the join reads them
# (sin_revisar / 0 when a line has no line_class row); marker NULL when unreviewed.
GENDER_SUM_GRAIN = ("fiscal_year", "nivel_gobierno", "programa", "departamento_meta")
gender_sum = sa.Table(
    "gender_sum", metadata,
    *[budget_line.c[c].copy() for c in GENDER_SUM_GRAIN],
    sa.Column("category", sa.String, nullable=False),
    sa.Column("marker", sa.SmallInteger),
    sa.Column("weight", sa.Numeric(5, 2), nullable=False),
    sa.Column("lines", sa.BigInteger, nullable=False),
    *[sa.Column(a, MONEY, nullable=False) for a in MAIN_STAGES],
)
sa.Index("ix_gender_sum_year", gender_sum.c.fiscal_year)

# Names per code per fiscal year: MEF renames units and programmes between years.
code_name = sa.Table(
    "code_name", metadata,
    sa.Column("fiscal_year", sa.SmallInteger, primary_key=True),
    sa.Column("dimension", sa.String, primary_key=True),    # a GRAIN column name
    sa.Column("code", sa.String, primary_key=True),
    sa.Column("name", sa.String, nullable=False),
)

# Consulta Amigable exports keep their own breakdown: they are not at the grain of budget_line.
CONSULTA_DIMENSIONS = (
    "nivel_gobierno", "sector", "pliego", "sec_ejec", "departamento_meta", "programa",
    "producto_proyecto", "actividad", "funcion", "division_funcional", "grupo_funcional",
    "fuente_financiamiento", "generica",
)
consulta_line = sa.Table(
    "consulta_line", metadata,
    sa.Column("load_id", sa.Integer, nullable=False),
    sa.Column("line", sa.Integer, nullable=False),           # row in the export (header = 1)
    sa.Column("fiscal_year", sa.SmallInteger, nullable=False),
    *[c for d in CONSULTA_DIMENSIONS for c in (sa.Column(d, sa.String), sa.Column(f"{d}_name", sa.String))],
    *[sa.Column(col, MONEY) for col in STAGES],
    sa.Column("avance_pct", sa.Numeric(7, 1)),
)

# Every label of every export row, one row per level (domain/consulta.py LEVELS, or a column
# title we did not know, kept under its own name): an export's breakdown can be any levels in
# any order and depth, so `etl totals --source consulta --by LEVEL` sums consulta_line over them.
# The wide columns above hold the same keys for the levels budget_line also has.
consulta_label = sa.Table(
    "consulta_label", metadata,
    sa.Column("load_id", sa.Integer, nullable=False),
    sa.Column("line", sa.Integer, nullable=False),           # the consulta_line row
    sa.Column("fiscal_year", sa.SmallInteger, nullable=False),
    sa.Column("depth", sa.SmallInteger, nullable=False),     # 0 = outermost (title-row filters first)
    sa.Column("level", sa.String, nullable=False),
    sa.Column("code", sa.String, nullable=False),            # as printed: "010101-300001", "005-1428"
    sa.Column("key", sa.String, nullable=False),             # summed under: "1428" for "005-1428"
    sa.Column("name", sa.String),
)
sa.Index("ix_consulta_label_level", consulta_label.c.level, consulta_label.c.load_id)

# One row per export: what its title rows said (the filters, the date of the query on the portal).
consulta_export = sa.Table(
    "consulta_export", metadata,
    sa.Column("load_id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("levels", sa.String, nullable=False),          # "nivel>sector>departamento" filters included
    sa.Column("filters", sa.String),                         # "Sector: 11: SALUD; ..."
    sa.Column("as_of", sa.Date),                             # "Fecha de la consulta"; NULL: not printed
    sa.Column("total_line", sa.Integer),                     # the total row left out, checked
)

# Labels for department codes from two-column extracts (checked against the INEI codes).
department_list = sa.Table(
    "department_list", metadata,
    sa.Column("load_id", sa.Integer, nullable=False),
    sa.Column("code", sa.String(2), nullable=False),
    sa.Column("name", sa.String, nullable=False),
)

store_info = sa.Table(
    "store_info", metadata,
    sa.Column("key", sa.String, primary_key=True),
    sa.Column("value", sa.String, nullable=False),
)

SCHEMA_VERSION = "5"      # store/migrations.py brings older stores up to it

# Gender classification (domain/gender_rules.py, etl/classify.py, rules/README.md). Every version
# of the rule file is kept for the audit; line_class holds the active version's result for
# each distinct combination of the columns rules can test: every budget line joins to one row.
rule_set_id_seq = sa.Sequence("gender_rule_set_id_seq", metadata=metadata)
gender_rule_set = sa.Table(
    "gender_rule_set", metadata,
    sa.Column("id", sa.Integer, rule_set_id_seq, primary_key=True),
    sa.Column("file_name", sa.String, nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),     # of the file's bytes
    sa.Column("content", sa.Text, nullable=False),          # the file as loaded
    sa.Column("rule_count", sa.Integer, nullable=False),
    sa.Column("loaded_at", sa.DateTime, nullable=False),
    sa.Column("loaded_by", sa.String, nullable=False),
    sa.Column("active", sa.Boolean, nullable=False),
)
gender_rule = sa.Table(
    "gender_rule", metadata,
    sa.Column("rule_set_id", sa.Integer, primary_key=True),
    sa.Column("rule_id", sa.String, primary_key=True),
    sa.Column("line", sa.Integer, nullable=False),
    sa.Column("year_from", sa.SmallInteger),
    sa.Column("year_to", sa.SmallInteger),
    *[sa.Column(d, sa.String) for d in MATCH_DIMENSIONS],   # codes, "|"-separated
    *[sa.Column(n, sa.String) for n in NAME_COLUMNS],       # name patterns
    sa.Column("category", sa.String, nullable=False),
    sa.Column("marker", sa.SmallInteger, nullable=False),
    sa.Column("weight", sa.Numeric(5, 2), nullable=False),  # percent
    sa.Column("lio_line", sa.String, nullable=False),
    sa.Column("rationale", sa.String, nullable=False),
    sa.Column("rationale_en", sa.String),                   # NULL: no English text (show the Spanish one)
    sa.Column("source", sa.String, nullable=False),
    sa.Column("author", sa.String, nullable=False),
    sa.Column("date", sa.String, nullable=False),
    sa.Column("specificity", sa.SmallInteger, nullable=False),
)
# nivel_gobierno follows from the pliego, so it adds no keys; it is there so that the level
# filter, like the drill-down columns, can be answered from line_class's sums without a join.
LINE_CLASS_KEYS = ("fiscal_year", "nivel_gobierno", *MATCH_DIMENSIONS)
line_class = sa.Table(
    "line_class", metadata,
    sa.Column("fiscal_year", sa.SmallInteger, nullable=False),
    sa.Column("nivel_gobierno", sa.String, nullable=False),
    *[sa.Column(d, sa.String, nullable=False) for d in MATCH_DIMENSIONS],
    sa.Column("rule_set_id", sa.Integer, nullable=False),
    sa.Column("rule_id", sa.String, nullable=False),        # "sin_revisar" when no rule matched
    sa.Column("category", sa.String, nullable=False),
    sa.Column("marker", sa.SmallInteger),                   # NULL when unreviewed
    sa.Column("weight", sa.Numeric(5, 2), nullable=False),  # percent; 0 when unreviewed
    sa.Column("lio_line", sa.String, nullable=False),
    # the key's budget lines, summed (rewritten with them by every load and classification)
    sa.Column("lines", sa.BigInteger, nullable=False),
    *[sa.Column(a, MONEY, nullable=False) for a in MAIN_STAGES],
)
sa.Index("ix_line_class_year", line_class.c.fiscal_year)
# line_class summed for the Género page (store/gender_sums.py, rebuilt with line_class in the
# same write): per programme x rule, with the smallest and largest unit, activity and product of
# its keys (programme_table names a 9001/9002 rule by the one it tests); and the gender lines
# (marker 1 or 2) per programme x product x activity x category, marker and weight.
GENDER_SUM_SPREAD = ("sec_ejec", "actividad", "producto_proyecto")
gender_sum_rule = sa.Table(
    "gender_sum_rule", metadata,
    sa.Column("fiscal_year", sa.SmallInteger, nullable=False),
    sa.Column("nivel_gobierno", sa.String, nullable=False),
    sa.Column("programa", sa.String, nullable=False),
    sa.Column("rule_set_id", sa.Integer, nullable=False),
    sa.Column("rule_id", sa.String, nullable=False),
    sa.Column("category", sa.String, nullable=False),
    sa.Column("marker", sa.SmallInteger),
    sa.Column("weight", sa.Numeric(5, 2), nullable=False),
    sa.Column("lio_line", sa.String, nullable=False),
    *[sa.Column(f"{d}_{end}", sa.String, nullable=False) for d in GENDER_SUM_SPREAD for end in ("min", "max")],
    sa.Column("lines", sa.BigInteger, nullable=False),
    *[sa.Column(a, MONEY, nullable=False) for a in MAIN_STAGES],
)
gender_sum_line = sa.Table(
    "gender_sum_line", metadata,
    sa.Column("fiscal_year", sa.SmallInteger, nullable=False),
    sa.Column("nivel_gobierno", sa.String, nullable=False),
    sa.Column("programa", sa.String, nullable=False),
    sa.Column("producto_proyecto", sa.String, nullable=False),
    sa.Column("actividad", sa.String, nullable=False),
    sa.Column("category", sa.String, nullable=False),
    sa.Column("marker", sa.SmallInteger, nullable=False),
    sa.Column("weight", sa.Numeric(5, 2), nullable=False),
    sa.Column("lines", sa.BigInteger, nullable=False),
    *[sa.Column(a, MONEY, nullable=False) for a in MAIN_STAGES],
)
sa.Index("ix_gender_sum_rule_year", gender_sum_rule.c.fiscal_year)
sa.Index("ix_gender_sum_line_year", gender_sum_line.c.fiscal_year)

# line_class summed per programme and classification (store/summaries.py rebuilds it at the end
# of every write and routes the line_class statements it answers exactly: the Género totals and
# per-programme rule tables). `keys` counts the line_class rows summed, `lines` their lines.
LINE_CLASS_SUM_GRAIN = ("fiscal_year", "nivel_gobierno", "programa", "rule_set_id", "rule_id", "category", "marker",
                        "weight", "lio_line")
line_class_sum = sa.Table(
    "line_class_sum", metadata,
    *[line_class.c[c].copy() for c in LINE_CLASS_SUM_GRAIN],
    sa.Column("keys", sa.BigInteger, nullable=False),
    sa.Column("lines", sa.BigInteger, nullable=False),
    *[sa.Column(a, MONEY, nullable=False) for a in MAIN_STAGES],
)
sa.Index("ix_line_class_sum_year", line_class_sum.c.fiscal_year)

# ---- Social protection network and reference denominators (etl/network.py, etl/coverage.py,
# etl/reference.py; read by store/programmes.py, programme_money.py, reference.py). Small tables, replaced
# whole by their loaders
# except `coverage`, which a newer file replaces per (programme, year).
FIGURE = sa.Numeric(20, 4)      # coverage counts and percentages exactly as printed (9.55, 29.17)

# One row per programme or measure of data/network/programmes.yaml; texts in es and en.
programme = sa.Table(
    "programme", metadata,
    sa.Column("id", sa.String, primary_key=True),
    sa.Column("position", sa.SmallInteger, nullable=False),      # order in programmes.yaml
    sa.Column("load_id", sa.Integer, nullable=False),
    sa.Column("acronym", sa.String),
    sa.Column("name_es", sa.String, nullable=False),
    sa.Column("name_en", sa.String, nullable=False),
    sa.Column("category", sa.String, nullable=False),            # one of domain.network.NETWORK_CATEGORIES
    sa.Column("subtype", sa.String, nullable=False),
    sa.Column("subtype_label_es", sa.String),
    sa.Column("subtype_label_en", sa.String),
    sa.Column("start_year", sa.SmallInteger),
    *[sa.Column(f"{field}_{lang}", sa.String)
      for field in ("institution", "objectives", "gender_objectives", "targeting", "target_population",
                    "gender_design", "linkages", "results") for lang in ("es", "en")],
    sa.Column("share_social_budget_2009_pct", sa.Numeric(6, 2)),
    sa.Column("share_note_es", sa.String),                       # where the share's cell says it comes from
    sa.Column("share_note_en", sa.String),
    sa.Column("name_added", sa.Boolean, nullable=False, default=False),   # name_es not printed in the report
    sa.Column("sources", sa.String),                             # report sections, "; "-joined
    sa.Column("in_table_1", sa.Boolean, nullable=False),
    sa.Column("coverage_printed", sa.String),                    # headline figure as printed
    sa.Column("coverage_section", sa.String),
    sa.Column("headline_unit", sa.String),
)

# Devereux & Sabates-Wheeler categories and the report's subtypes (subtype '' = the category).
programme_category = sa.Table(
    "programme_category", metadata,
    sa.Column("category", sa.String, primary_key=True),
    sa.Column("subtype", sa.String, primary_key=True),
    sa.Column("position", sa.SmallInteger, nullable=False),
    sa.Column("label_es", sa.String, nullable=False),
    sa.Column("label_en", sa.String, nullable=False),
    sa.Column("definition_es", sa.String),
    sa.Column("definition_en", sa.String),
)

# Coverage-as-printed, budget figures and contradictions, long form, each with its section.
# kind: coverage | budget | contradiction. For contradictions, seq = the contradiction and
# item = one of its values (item 0 holds no value: only `what` and `note`).
programme_fact = sa.Table(
    "programme_fact", metadata,
    sa.Column("programme_id", sa.String, nullable=False),
    sa.Column("kind", sa.String, nullable=False),
    sa.Column("seq", sa.SmallInteger, nullable=False),
    sa.Column("item", sa.SmallInteger, nullable=False, default=0),
    sa.Column("value", FIGURE),                  # coverage value / budget amount; NULL = words only
    sa.Column("printed", sa.String),
    sa.Column("unit", sa.String),
    sa.Column("sex", sa.String(1)),
    sa.Column("date", sa.String),                # YYYY, YYYY-MM or from/to
    sa.Column("year", sa.SmallInteger),          # budget year
    sa.Column("currency", sa.String(3)),         # USD | PEN | NULL (a percentage)
    sa.Column("what_es", sa.String),
    sa.Column("what_en", sa.String),
    sa.Column("section", sa.String),
    sa.Column("contradicts", sa.String),         # coverage: the section printing another value for it
    sa.Column("note_es", sa.String),
    sa.Column("note_en", sa.String),
)

# How to find a programme's money in budget_line: exactly one matcher per link.
programme_budget_link = sa.Table(
    "programme_budget_link", metadata,
    sa.Column("programme_id", sa.String, nullable=False),
    sa.Column("seq", sa.SmallInteger, nullable=False),
    sa.Column("year_from", sa.SmallInteger, nullable=False),
    sa.Column("year_to", sa.SmallInteger, nullable=False),
    sa.Column("sec_ejec", sa.String),
    sa.Column("programa", sa.String),
    sa.Column("pliego", sa.String),
    sa.Column("name_pattern", sa.String),        # Python regex, case-insensitive, on unit/activity names
    sa.Column("successor", sa.Boolean, nullable=False),   # a later programme: never summed silently
    sa.Column("note_es", sa.String),
    sa.Column("note_en", sa.String),
)

# Figures about the network as a whole (programmes.yaml context_figures), with their sections.
network_figure = sa.Table(
    "network_figure", metadata,
    sa.Column("position", sa.SmallInteger, primary_key=True, autoincrement=False),
    sa.Column("load_id", sa.Integer, nullable=False),
    sa.Column("value", FIGURE),
    sa.Column("printed", sa.String, nullable=False),
    sa.Column("unit", sa.String, nullable=False),
    sa.Column("year", sa.String),                                # "2008", or a period as printed
    sa.Column("section", sa.String, nullable=False),
    sa.Column("what_es", sa.String, nullable=False),
    sa.Column("what_en", sa.String, nullable=False),
)

# The coverage table officials maintain (etl/coverage.py). department: INEI code or 'PE'.
coverage = sa.Table(
    "coverage", metadata,
    sa.Column("load_id", sa.Integer, nullable=False),
    sa.Column("line", sa.Integer, nullable=False),
    sa.Column("programme_id", sa.String, nullable=False),
    sa.Column("year", sa.SmallInteger, nullable=False),
    sa.Column("department", sa.String(2), nullable=False),
    sa.Column("sex", sa.String(1), nullable=False),
    sa.Column("value", FIGURE, nullable=False),
    sa.Column("unit", sa.String, nullable=False),
    sa.Column("source", sa.String, nullable=False),
    sa.Column("note", sa.String),
    sa.Column("year_inferred", sa.Boolean, nullable=False, default=False),   # the source prints no year
)

# Reference denominators (data/reference/*.csv). department '00' = national.
population = sa.Table(
    "population", metadata,
    sa.Column("load_id", sa.Integer, nullable=False),
    sa.Column("year", sa.SmallInteger, primary_key=True),
    sa.Column("department", sa.String(2), primary_key=True),
    sa.Column("sex", sa.String(1), primary_key=True),
    sa.Column("population", sa.BigInteger, nullable=False),
)
cpi = sa.Table(
    "cpi", metadata,
    sa.Column("load_id", sa.Integer, nullable=False),
    sa.Column("year", sa.SmallInteger, primary_key=True, autoincrement=False),
    sa.Column("cpi_index", sa.Numeric(12, 4), nullable=False),    # Lima CPI, annual average
)
exchange_rate = sa.Table(
    "exchange_rate", metadata,
    sa.Column("load_id", sa.Integer, nullable=False),
    sa.Column("year", sa.SmallInteger, primary_key=True, autoincrement=False),
    sa.Column("pen_per_usd", sa.Numeric(10, 4), nullable=False),  # annual average
)
reference_source = sa.Table(
    "reference_source", metadata,
    sa.Column("dataset", sa.String, primary_key=True),   # population | cpi | exchange_rate | network
    sa.Column("file", sa.String, nullable=False),
    sa.Column("citation", sa.String, nullable=False),
    sa.Column("load_id", sa.Integer, nullable=False),
)

# Results indicators beside the money (data/indicators/SOURCES.md). A method break is part of
# the key: two methods of one indicator are two series and are never joined.
indicator_value = sa.Table(
    "indicator_value", metadata,
    sa.Column("load_id", sa.Integer, nullable=False),
    sa.Column("indicator", sa.String, primary_key=True),
    sa.Column("method", sa.String, primary_key=True),              # '' when the source has one method
    sa.Column("department", sa.String(2), primary_key=True),       # 01-25, PE national, LM/LR Lima's halves
    sa.Column("area", sa.String, primary_key=True),                # total | urbana | rural
    sa.Column("year", sa.SmallInteger, primary_key=True),
    sa.Column("value", sa.Numeric(14, 4), nullable=False),
    sa.Column("unit", sa.String, nullable=False),
    sa.Column("lower_is_better", sa.Boolean),                      # NULL: neither (counts of cases attended)
    sa.Column("referential", sa.Boolean, nullable=False),          # INEI: small sample
    sa.Column("source", sa.String, nullable=False),
    sa.Column("source_table", sa.String, nullable=False),
)
# Which programmes aim at which indicators, for which years (data/indicators/links.csv).
indicator_link = sa.Table(
    "indicator_link", metadata,
    sa.Column("load_id", sa.Integer, nullable=False),
    sa.Column("kind", sa.String, primary_key=True),                # programme (budget code) | network (programmes.yaml id)
    sa.Column("target", sa.String, primary_key=True),
    sa.Column("indicator", sa.String, primary_key=True),
    sa.Column("first_year", sa.SmallInteger, primary_key=True),
    sa.Column("last_year", sa.SmallInteger, nullable=False),
    sa.Column("name_pattern", sa.String, nullable=False),          # folded words of the programme's name ('' none)
    sa.Column("reason", sa.String, nullable=False),
)
# The people an indicator is about: children 0-4, women 15-49 (INEI single-age projections).
population_group = sa.Table(
    "population_group", metadata,
    sa.Column("load_id", sa.Integer, nullable=False),
    sa.Column("year", sa.SmallInteger, primary_key=True),
    sa.Column("department", sa.String(2), primary_key=True),       # '00' national, as population
    sa.Column("group_name", sa.String, primary_key=True),
    sa.Column("population", sa.BigInteger, nullable=False),
)
