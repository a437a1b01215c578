"""The MEF open-data "Presupuesto y Ejecución de Gasto" CSV format.

One place for the column list, the aliases older years use and the code systems we validate,
so that the loader, the demo generator and the tests agree on what a real file looks like
(docs/domain.md §3).
"""
from domain.codes import STAGES

# The 63 columns of the current header, in MEF's order (docs/domain.md §3).
GASTO_COLUMNS: tuple[str, ...] = (
    "ANO_EJE", "MES_EJE", "NIVEL_GOBIERNO", "NIVEL_GOBIERNO_NOMBRE", "SECTOR", "SECTOR_NOMBRE",
    "PLIEGO", "PLIEGO_NOMBRE", "SEC_EJEC", "EJECUTORA", "EJECUTORA_NOMBRE",
    "DEPARTAMENTO_EJECUTORA", "DEPARTAMENTO_EJECUTORA_NOMBRE", "PROVINCIA_EJECUTORA",
    "PROVINCIA_EJECUTORA_NOMBRE", "DISTRITO_EJECUTORA", "DISTRITO_EJECUTORA_NOMBRE", "SEC_FUNC",
    "PROGRAMA_PPTO", "PROGRAMA_PPTO_NOMBRE", "TIPO_ACT_PROY", "TIPO_ACT_PROY_NOMBRE",
    "PRODUCTO_PROYECTO", "PRODUCTO_PROYECTO_NOMBRE", "ACTIVIDAD_ACCION_OBRA",
    "ACTIVIDAD_ACCION_OBRA_NOMBRE", "FUNCION", "FUNCION_NOMBRE", "DIVISION_FUNCIONAL",
    "DIVISION_FUNCIONAL_NOMBRE", "GRUPO_FUNCIONAL", "GRUPO_FUNCIONAL_NOMBRE", "META", "FINALIDAD",
    "META_NOMBRE", "DEPARTAMENTO_META", "DEPARTAMENTO_META_NOMBRE", "FUENTE_FINANCIAMIENTO",
    "FUENTE_FINANCIAMIENTO_NOMBRE", "RUBRO", "RUBRO_NOMBRE", "TIPO_RECURSO", "TIPO_RECURSO_NOMBRE",
    "CATEGORIA_GASTO", "CATEGORIA_GASTO_NOMBRE", "TIPO_TRANSACCION", "GENERICA", "GENERICA_NOMBRE",
    "SUBGENERICA", "SUBGENERICA_NOMBRE", "SUBGENERICA_DET", "SUBGENERICA_DET_NOMBRE", "ESPECIFICA",
    "ESPECIFICA_NOMBRE", "ESPECIFICA_DET", "ESPECIFICA_DET_NOMBRE", "MONTO_PIA", "MONTO_PIM",
    "MONTO_CERTIFICADO", "MONTO_COMPROMETIDO_ANUAL", "MONTO_COMPROMETIDO", "MONTO_DEVENGADO",
    "MONTO_GIRADO",
)
assert len(GASTO_COLUMNS) == 63

# Older files name some columns differently; the loader maps them to the current names.
COLUMN_ALIASES: dict[str, str] = {
    "TIPO_GOBIERNO": "NIVEL_GOBIERNO",
    "TIPO_GOBIERNO_NOMBRE": "NIVEL_GOBIERNO_NOMBRE",
    "FUENTE_FINANC": "FUENTE_FINANCIAMIENTO",
    "FUENTE_FINANC_NOMBRE": "FUENTE_FINANCIAMIENTO_NOMBRE",
    "CATEG_GASTO": "CATEGORIA_GASTO",
    "CATEG_GASTO_NOMBRE": "CATEGORIA_GASTO_NOMBRE",
    "ANIO_EJE": "ANO_EJE",
    "AÑO_EJE": "ANO_EJE",
}

# (grain column in the store, source code column, source name column or None)
# The grain of budget_line: everything below genérica and below the meta is summed away.
GRAIN: tuple[tuple[str, str, str | None], ...] = (
    ("nivel_gobierno", "NIVEL_GOBIERNO", "NIVEL_GOBIERNO_NOMBRE"),
    ("sector", "SECTOR", "SECTOR_NOMBRE"),
    ("pliego", "PLIEGO", "PLIEGO_NOMBRE"),
    ("sec_ejec", "SEC_EJEC", "EJECUTORA_NOMBRE"),
    ("programa", "PROGRAMA_PPTO", "PROGRAMA_PPTO_NOMBRE"),
    ("tipo_act_proy", "TIPO_ACT_PROY", "TIPO_ACT_PROY_NOMBRE"),
    ("producto_proyecto", "PRODUCTO_PROYECTO", "PRODUCTO_PROYECTO_NOMBRE"),
    ("actividad", "ACTIVIDAD_ACCION_OBRA", "ACTIVIDAD_ACCION_OBRA_NOMBRE"),
    ("funcion", "FUNCION", "FUNCION_NOMBRE"),
    ("division_funcional", "DIVISION_FUNCIONAL", "DIVISION_FUNCIONAL_NOMBRE"),
    ("grupo_funcional", "GRUPO_FUNCIONAL", "GRUPO_FUNCIONAL_NOMBRE"),
    ("departamento_meta", "DEPARTAMENTO_META", "DEPARTAMENTO_META_NOMBRE"),
    ("fuente_financiamiento", "FUENTE_FINANCIAMIENTO", "FUENTE_FINANCIAMIENTO_NOMBRE"),
    ("generica", "GENERICA", "GENERICA_NOMBRE"),
)

# (store column, source column) of each budget stage: MONTO_PIA ... MONTO_GIRADO.
AMOUNT_COLUMNS: tuple[tuple[str, str], ...] = tuple((stage, f"MONTO_{stage.upper()}") for stage in STAGES)

# Columns a file must have for us to load it (after aliasing). Name columns are optional:
# a missing name only leaves the code unnamed.
REQUIRED_COLUMNS: tuple[str, ...] = (
    ("ANO_EJE", "MES_EJE") + tuple(src for _, src, _ in GRAIN) + tuple(src for _, src in AMOUNT_COLUMNS)
)

# User-facing grouping name -> fact column (and code_name dimension).
GROUPS: dict[str, str] = {
    "programa": "programa",
    "departamento": "departamento_meta",
    "nivel": "nivel_gobierno",
    "sector": "sector",
    "pliego": "pliego",
    "ejecutora": "sec_ejec",
    "producto": "producto_proyecto",
    "actividad": "actividad",
    "funcion": "funcion",
    "fuente": "fuente_financiamiento",
    "generica": "generica",
}
