"""DEMONSTRATION data in the format of MEF's open-data "Presupuesto y Ejecución de Gasto" CSV.

THIS IS DEMONSTRATION DATA, NOT OFFICIAL FIGURES. Every amount, meta, project and most codes
below are invented by a seeded random generator. Only a few aggregates are calibrated to
published figures so that the dashboard tells a plausible story on first run:

* total PIM 2008 S/ 71,950 M ("a budget of over S/ 71,000 million"), growing 11-13 % a year;
* PpR strategic programmes = 3.9 % of PIM in 2008 and 8.3 % in 2009 (seed report, section 3.1.1);
* 2008 PIM of the five strategic programmes: Articulado Nutricional S/ 972 M, Salud Materno
  Neonatal S/ 340 M, Logros de Aprendizaje S/ 1,225 M, Identidad S/ 25 M, Acceso a Servicios
  Sociales Básicos y a Oportunidades de Mercado S/ 249 M (docs/domain.md §5);
* Juntos devengado 2008 about US$ 200 M = S/ 585 M (seed report, section 4);
* Peru's execution pattern: slow first quarter, December surge, 80-90 % devengado/PIM overall,
  investment projects often far below that.

The programme codes of the 2008-2011 strategic programmes (0001-0009) are NOT confirmed MEF
codes (docs/domain.md §5: "Codes of 2008-2011 are unconfirmed"); 0080 appears from 2011. The coding of
local governments (NIVEL_GOBIERNO M: SECTOR "98", one PLIEGO "3DD" per department,
SEC_EJEC 300001...) is invented as well. Executing units carry their recognisable SEC_EJEC
where one is known (JUNTOS 1428, PNCVFS 1232, ...).

Format, as in real files: UTF-8, the 63 columns of ``GASTO_COLUMNS``, every field
double-quoted, "," delimiter, LF line ends, amounts with "." decimals (at most 2) and no
thousands separator, codes as zero-padded text (META has 5 digits and CATEGORIA_GASTO is "7"
for debt service, as in the real rows in shared/data/real). PIA/PIM sit on MES_EJE = 0 rows;
MES_EJE 1-12 rows carry certificado, comprometido anual, comprometido, devengado and girado.
A demo year has about 48,000-55,000 rows (4,000-5,000 metas x especificas).

API::

    write_year(path, year, *, seed=2010, target_rows=None) -> rows written
    write_demo_files(out_dir, years=DEMO_YEARS, *, seed=2010) -> [paths]
    write_benchmark_file(path, rows, *, year=2011, seed=7) -> rows written (streamed)

Everything is deterministic in ``seed`` (``random.Random`` instances seeded from strings; the
global random state is never used).
"""
from __future__ import annotations

import csv
import io
import math
import random
from pathlib import Path

from domain.codes import DEPARTMENTS, LEVELS
from domain.mef_format import GASTO_COLUMNS

__all__ = ["DEMO_YEARS", "write_year", "write_demo_files", "write_benchmark_file"]

DEMO_YEARS = (2008, 2009, 2010, 2011)

# --------------------------------------------------------------------------------------------
# Calibration targets (S/ million)
# --------------------------------------------------------------------------------------------

_TOTAL_PIM_M = {2008: 71_950.0, 2009: 81_300.0, 2010: 90_800.0, 2011: 101_500.0}
_LEVEL_SHARE = {"E": 0.62, "R": 0.17, "M": 0.21}

_PROGRAMMES = {
    "0001": "PROGRAMA ARTICULADO NUTRICIONAL",
    "0002": "SALUD MATERNO NEONATAL",
    "0003": "LOGROS DE APRENDIZAJE AL FINALIZAR EL III CICLO",
    "0004": "ACCESO DE LA POBLACION A LA IDENTIDAD",
    "0005": "ACCESO A SERVICIOS SOCIALES BASICOS Y A OPORTUNIDADES DE MERCADO",
    "0006": "ACCESO A AGUA SEGURA Y DISPOSICION SANITARIA DE EXCRETAS EN EL AMBITO RURAL",
    "0007": "ACCESO A SERVICIOS PUBLICOS ESENCIALES DE TELECOMUNICACIONES EN LOCALIDADES RURALES",
    "0008": "ACCESO A ENERGIA EN LOCALIDADES RURALES",
    "0009": "GESTION AMBIENTAL PRIORITARIA",
    "0080": "LUCHA CONTRA LA VIOLENCIA FAMILIAR",
    "9001": "ACCIONES CENTRALES",
    "9002": "ASIGNACIONES PRESUPUESTARIAS QUE NO RESULTAN EN PRODUCTOS",
}

# PIM of each strategic programme (S/ million). 2008: docs/domain.md §5; 2009 sums to 8.3 %.
_PPR_M = {
    2008: {"0001": 972, "0002": 340, "0003": 1225, "0004": 25, "0005": 249},
    2009: {"0001": 1520, "0002": 720, "0003": 1410, "0004": 60, "0005": 1880, "0006": 720,
           "0007": 88, "0008": 350},
    2010: {"0001": 1650, "0002": 820, "0003": 1480, "0004": 75, "0005": 2250, "0006": 980,
           "0007": 110, "0008": 520, "0009": 95},
    2011: {"0001": 1780, "0002": 900, "0003": 1560, "0004": 85, "0005": 2400, "0006": 1150,
           "0007": 130, "0008": 600, "0009": 120, "0080": 45},
}

# Juntos: total PIM; 2008 devengado = 24*.95 + 540*.98 + 36*.93 = S/ 585.5 M (= US$ 200 M).
_JUNTOS_M = {2008: 600.0, 2009: 640.0, 2010: 620.0, 2011: 660.0}


def _year_index(year: int) -> tuple[int, float]:
    """The calibrated year whose structure `year` uses, and the scale factor for amounts."""
    if year in _TOTAL_PIM_M:
        return year, 1.0
    base = 2008 if year < 2008 else 2011
    return base, 1.11 ** (year - base)


# --------------------------------------------------------------------------------------------
# Geography: (population share %, poverty rate ~2008, provinces [(code, name, [(dist, name)])])
# --------------------------------------------------------------------------------------------

_GEO = {
    "01": (1.4, .59, [("01", "CHACHAPOYAS", [("01", "CHACHAPOYAS")]), ("07", "UTCUBAMBA", [("01", "BAGUA GRANDE")]),
                      ("02", "BAGUA", [("01", "BAGUA")])]),
    "02": (3.9, .38, [("01", "HUARAZ", [("01", "HUARAZ")]),
                      ("18", "SANTA", [("01", "CHIMBOTE"), ("09", "NUEVO CHIMBOTE")])]),
    "03": (1.5, .69, [("01", "ABANCAY", [("01", "ABANCAY")]), ("02", "ANDAHUAYLAS", [("01", "ANDAHUAYLAS")])]),
    "04": (4.2, .19, [("01", "AREQUIPA", [("01", "AREQUIPA"), ("03", "CAYMA"), ("04", "CERRO COLORADO")]),
                      ("07", "ISLAY", [("01", "MOLLENDO")])]),
    "05": (2.3, .64, [("01", "HUAMANGA", [("01", "AYACUCHO")]), ("04", "HUANTA", [("01", "HUANTA")]),
                      ("05", "LA MAR", [("01", "SAN MIGUEL")])]),
    "06": (5.1, .53, [("01", "CAJAMARCA", [("01", "CAJAMARCA")]), ("04", "CHOTA", [("01", "CHOTA")]),
                      ("08", "JAEN", [("01", "JAEN")])]),
    "07": (3.2, .19, [("01", "CALLAO", [("01", "CALLAO"), ("06", "VENTANILLA")])]),
    "08": (4.3, .58, [("01", "CUSCO", [("01", "CUSCO")]), ("06", "CANCHIS", [("01", "SICUANI")]),
                      ("09", "LA CONVENCION", [("01", "SANTA ANA")])]),
    "09": (1.6, .82, [("01", "HUANCAVELICA", [("01", "HUANCAVELICA")]), ("03", "ANGARAES", [("01", "LIRCAY")]),
                      ("07", "TAYACAJA", [("01", "PAMPAS")])]),
    "10": (2.8, .61, [("01", "HUANUCO", [("01", "HUANUCO"), ("02", "AMARILIS")]),
                      ("06", "LEONCIO PRADO", [("01", "RUPA-RUPA")])]),
    "11": (2.6, .17, [("01", "ICA", [("01", "ICA")]), ("02", "CHINCHA", [("01", "CHINCHA ALTA")]),
                      ("05", "PISCO", [("01", "PISCO")])]),
    "12": (4.5, .38, [("01", "HUANCAYO", [("01", "HUANCAYO"), ("14", "EL TAMBO")]),
                      ("06", "SATIPO", [("01", "SATIPO")])]),
    "13": (5.9, .36, [("01", "TRUJILLO", [("01", "TRUJILLO"), ("02", "EL PORVENIR"), ("05", "LA ESPERANZA")]),
                      ("09", "SANCHEZ CARRION", [("01", "HUAMACHUCO")])]),
    "14": (4.1, .31, [("01", "CHICLAYO", [("01", "CHICLAYO"), ("05", "JOSE LEONARDO ORTIZ")]),
                      ("03", "LAMBAYEQUE", [("01", "LAMBAYEQUE")]), ("02", "FERREÑAFE", [("01", "FERREÑAFE")])]),
    "15": (30.8, .19, [("01", "LIMA", [("01", "LIMA"), ("32", "SAN JUAN DE LURIGANCHO"),
                                       ("42", "VILLA EL SALVADOR"), ("10", "COMAS")]),
                       ("05", "CAÑETE", [("01", "SAN VICENTE DE CAÑETE")]), ("08", "HUAURA", [("01", "HUACHO")])]),
    "16": (3.4, .49, [("01", "MAYNAS", [("01", "IQUITOS")]), ("02", "ALTO AMAZONAS", [("01", "YURIMAGUAS")])]),
    "17": (0.4, .17, [("01", "TAMBOPATA", [("01", "TAMBOPATA")])]),
    "18": (0.6, .31, [("01", "MARISCAL NIETO", [("01", "MOQUEGUA")]), ("03", "ILO", [("01", "ILO")])]),
    "19": (1.0, .64, [("01", "PASCO", [("01", "CHAUPIMARCA")]), ("03", "OXAPAMPA", [("01", "OXAPAMPA")])]),
    "20": (6.0, .41, [("01", "PIURA", [("01", "PIURA"), ("04", "CASTILLA")]), ("06", "SULLANA", [("01", "SULLANA")])]),
    "21": (4.6, .62, [("01", "PUNO", [("01", "PUNO")]), ("11", "SAN ROMAN", [("01", "JULIACA")])]),
    "22": (2.7, .33, [("01", "MOYOBAMBA", [("01", "MOYOBAMBA")]), ("09", "SAN MARTIN", [("01", "TARAPOTO")])]),
    "23": (1.1, .17, [("01", "TACNA", [("01", "TACNA"), ("10", "CORONEL GREGORIO ALBARRACIN LANCHIPA")])]),
    "24": (0.7, .18, [("01", "TUMBES", [("01", "TUMBES")]), ("03", "ZARUMILLA", [("01", "ZARUMILLA")])]),
    "25": (1.6, .32, [("01", "CORONEL PORTILLO", [("01", "CALLERIA"), ("05", "YARINACOCHA")]),
                      ("02", "ATALAYA", [("01", "RAYMONDI")])]),
}
_DEPTS = tuple(sorted(_GEO))                      # "01".."25"
_CANON = {"08": 1.7, "02": 1.6, "06": 1.3, "18": 2.2, "23": 1.5, "04": 1.2, "19": 1.3, "20": 1.2,
          "13": 1.1, "16": 1.2, "24": 1.3}
_JUNTOS_DEPTS = ("01", "02", "03", "05", "06", "08", "09", "10", "12", "13", "19", "20", "21", "16")
_SIERRA_SUR = ("03", "05", "08", "21", "04", "18", "23")
_LOCALIDADES = (
    "SAN ANTONIO", "SANTA ROSA", "SAN JOSE", "LA UNION", "NUEVA ESPERANZA", "SAN PEDRO", "CRUZ PAMPA",
    "HUAYLLAPAMPA", "CHACAPAMPA", "CCOLLPA", "PAMPAMARCA", "QUISHUAR", "TOTORA", "YANAMA", "PUCARA",
    "MOLLEPAMPA", "SAN FRANCISCO", "VISTA ALEGRE", "LOS ANGELES", "BUENOS AIRES", "SANTA ANA",
    "EL PROGRESO", "VILLA RICA", "HUANCARAY", "ANTAPAMPA", "CHINCHAYPUJIO", "SAN JUAN", "LA FLORIDA",
    "SANTA CRUZ", "TRES DE OCTUBRE", "NUEVO PORVENIR", "CHUPA", "OCCOPAMPA", "CCASAPATA", "LIRIOPATA",
)


def _geo(kind: str) -> list[tuple[str, float]]:
    """Department weights for spreading a national line over DEPARTAMENTO_META."""
    if kind == "lima":
        return [("15", 1.0)]
    if kind == "exterior":
        return [("98", 1.0)]
    if kind == "cusco":
        return [("08", 1.0)]
    if kind == "pop":
        return [(d, _GEO[d][0]) for d in _DEPTS]
    if kind == "poor":
        return [(d, _GEO[d][0] * _GEO[d][1]) for d in _DEPTS]
    if kind == "juntos":
        return [(d, _GEO[d][0] * _GEO[d][1]) for d in _JUNTOS_DEPTS]
    if kind == "sierra_sur":
        return [(d, _GEO[d][0] * _GEO[d][1]) for d in _SIERRA_SUR]
    if kind in _GEO or kind == "98":
        return [(kind, 1.0)]
    raise ValueError(kind)


def _region_weight(dept: str) -> float:
    pop = 3.0 if dept == "15" else _GEO[dept][0]          # Lima region = Lima's provinces only
    return pop ** 0.8 * (0.6 + _GEO[dept][1]) * _CANON.get(dept, 1.0) ** 0.5


# --------------------------------------------------------------------------------------------
# Classifiers
# --------------------------------------------------------------------------------------------

_PG = "PLANEAMIENTO, GESTION Y RESERVA DE CONTINGENCIA"
_FUNC = {  # key: (FUNCION, name, DIVISION_FUNCIONAL, name, GRUPO_FUNCIONAL, name)
    "conduccion": ("03", _PG, "006", "GESTION", "0007", "DIRECCION Y SUPERVISION SUPERIOR"),
    "admin": ("03", _PG, "006", "GESTION", "0008", "ASESORAMIENTO Y APOYO"),
    "planeamiento": ("03", _PG, "004", "PLANEAMIENTO GUBERNAMENTAL", "0005", "PLANEAMIENTO INSTITUCIONAL"),
    "identidad": ("03", _PG, "006", "GESTION", "0013", "IDENTIDAD Y CIUDADANIA"),
    "control": ("03", _PG, "006", "GESTION", "0011", "CONTROL INTERNO"),
    "legislativa": ("01", "LEGISLATIVA", "001", "LEGISLATIVA", "0001", "PROCESO LEGISLATIVO"),
    "diplomacia": ("02", "RELACIONES EXTERIORES", "002", "RELACIONES EXTERIORES", "0002", "SERVICIO DIPLOMATICO"),
    "comercio_ext": ("08", "COMERCIO", "020", "COMERCIO", "0043", "PROMOCION DEL COMERCIO EXTERIOR"),
    "defensa": ("04", "DEFENSA Y SEGURIDAD NACIONAL", "012", "DEFENSA", "0019", "OPERACIONES DE DEFENSA NACIONAL"),
    "orden": ("05", "ORDEN PUBLICO Y SEGURIDAD", "014", "ORDEN INTERNO", "0030", "OPERACIONES POLICIALES"),
    "serenazgo": ("05", "ORDEN PUBLICO Y SEGURIDAD", "015", "ORDEN PUBLICO", "0033", "SEGURIDAD VECINAL Y COMUNAL"),
    "riesgo": ("05", "ORDEN PUBLICO Y SEGURIDAD", "016", "GESTION DE RIESGOS Y EMERGENCIAS", "0035",
               "PREVENCION DE DESASTRES"),
    "justicia": ("06", "JUSTICIA", "017", "JUSTICIA", "0037", "ADMINISTRACION DE JUSTICIA"),
    "fiscal": ("06", "JUSTICIA", "017", "JUSTICIA", "0038", "DEFENSA DE LOS DERECHOS CONSTITUCIONALES Y LEGALES"),
    "penitenciario": ("06", "JUSTICIA", "018", "READAPTACION SOCIAL", "0040", "READAPTACION SOCIAL"),
    "trabajo": ("07", "TRABAJO", "019", "TRABAJO", "0041", "PROMOCION LABORAL"),
    "agro": ("10", "AGROPECUARIA", "024", "AGRARIO", "0048", "PROMOCION DE LA PRODUCCION AGRARIA"),
    "recursos_nat": ("10", "AGROPECUARIA", "054",
                     "DESARROLLO ESTRATEGICO, CONSERVACION Y APROVECHAMIENTO SOSTENIBLE DEL PATRIMONIO NATURAL",
                     "0119", "CONSERVACION Y APROVECHAMIENTO SOSTENIBLE DE LA DIVERSIDAD BIOLOGICA Y DE LOS "
                             "RECURSOS NATURALES"),
    "riego": ("10", "AGROPECUARIA", "025", "RIEGO", "0052", "INFRAESTRUCTURA DE RIEGO"),
    "pesca": ("11", "PESCA", "026", "PESCA", "0055", "PROMOCION DE LA PESCA ARTESANAL"),
    "energia": ("12", "ENERGIA", "028", "ENERGIA ELECTRICA", "0062", "DISTRIBUCION DE ENERGIA ELECTRICA"),
    "energia_adm": ("12", "ENERGIA", "028", "ENERGIA ELECTRICA", "0060", "REGULACION Y CONTROL ENERGETICO"),
    "vias_nac": ("15", "TRANSPORTE", "033", "TRANSPORTE TERRESTRE", "0066", "VIAS NACIONALES"),
    "vias_dep": ("15", "TRANSPORTE", "033", "TRANSPORTE TERRESTRE", "0067", "VIAS DEPARTAMENTALES"),
    "vias_vec": ("15", "TRANSPORTE", "033", "TRANSPORTE TERRESTRE", "0068", "VIAS VECINALES"),
    "urbano": ("15", "TRANSPORTE", "036", "TRANSPORTE URBANO", "0074", "VIAS URBANAS"),
    "telecom": ("16", "COMUNICACIONES", "038", "TELECOMUNICACIONES", "0078", "SERVICIOS DE TELECOMUNICACIONES"),
    "ambiente": ("17", "AMBIENTE", "054",
                 "DESARROLLO ESTRATEGICO, CONSERVACION Y APROVECHAMIENTO SOSTENIBLE DEL PATRIMONIO NATURAL",
                 "0119", "CONSERVACION Y APROVECHAMIENTO SOSTENIBLE DE LA DIVERSIDAD BIOLOGICA Y DE LOS "
                         "RECURSOS NATURALES"),
    "limpieza": ("17", "AMBIENTE", "055", "GESTION INTEGRAL DE LA CALIDAD AMBIENTAL", "0124",
                 "GESTION DE LOS RESIDUOS SOLIDOS"),
    "parques": ("17", "AMBIENTE", "055", "GESTION INTEGRAL DE LA CALIDAD AMBIENTAL", "0125",
                "CONSERVACION Y AMPLIACION DE AREAS VERDES"),
    "saneamiento_u": ("18", "SANEAMIENTO", "040", "SANEAMIENTO", "0088", "SANEAMIENTO URBANO"),
    "saneamiento_r": ("18", "SANEAMIENTO", "040", "SANEAMIENTO", "0089", "SANEAMIENTO RURAL"),
    "vivienda": ("19", "VIVIENDA Y DESARROLLO URBANO", "042", "VIVIENDA", "0091", "VIVIENDA"),
    "salud_colectiva": ("20", "SALUD", "043", "SALUD COLECTIVA", "0095", "CONTROL DE RIESGOS Y DAÑOS PARA LA SALUD"),
    "salud_basica": ("20", "SALUD", "044", "SALUD INDIVIDUAL", "0096", "ATENCION MEDICA BASICA"),
    "salud_esp": ("20", "SALUD", "044", "SALUD INDIVIDUAL", "0097", "ATENCION MEDICA ESPECIALIZADA"),
    "salud_plan": ("20", "SALUD", "004", "PLANEAMIENTO GUBERNAMENTAL", "0005", "PLANEAMIENTO INSTITUCIONAL"),
    "educ_inicial": ("22", "EDUCACION", "047", "EDUCACION BASICA", "0103", "EDUCACION INICIAL"),
    "educ_primaria": ("22", "EDUCACION", "047", "EDUCACION BASICA", "0104", "EDUCACION PRIMARIA"),
    "educ_secundaria": ("22", "EDUCACION", "047", "EDUCACION BASICA", "0105", "EDUCACION SECUNDARIA"),
    "educ_alternativa": ("22", "EDUCACION", "047", "EDUCACION BASICA", "0106", "EDUCACION BASICA ALTERNATIVA"),
    "educ_superior": ("22", "EDUCACION", "048", "EDUCACION SUPERIOR", "0109", "EDUCACION SUPERIOR UNIVERSITARIA"),
    "educ_plan": ("22", "EDUCACION", "004", "PLANEAMIENTO GUBERNAMENTAL", "0005", "PLANEAMIENTO INSTITUCIONAL"),
    "capacidades": ("23", "PROTECCION SOCIAL", "051", "ASISTENCIA SOCIAL", "0114",
                    "DESARROLLO DE CAPACIDADES SOCIALES Y ECONOMICAS"),
    "proteccion": ("23", "PROTECCION SOCIAL", "051", "ASISTENCIA SOCIAL", "0115", "PROTECCION DE POBLACIONES EN RIESGO"),
    "alimentacion": ("23", "PROTECCION SOCIAL", "051", "ASISTENCIA SOCIAL", "0117", "ASISTENCIA ALIMENTARIA"),
    "prevision": ("24", "PREVISION SOCIAL", "053", "PREVISION SOCIAL", "0121", "SISTEMA DE PENSIONES"),
    "deuda": ("25", "DEUDA PUBLICA", "057", "DEUDA PUBLICA", "0127", "PAGO DE LA DEUDA PUBLICA"),
}

_GENERICA = {
    1: "PERSONAL Y OBLIGACIONES SOCIALES", 2: "PENSIONES Y OTRAS PRESTACIONES SOCIALES",
    3: "BIENES Y SERVICIOS", 4: "DONACIONES Y TRANSFERENCIAS", 5: "OTROS GASTOS",
    6: "ADQUISICION DE ACTIVOS NO FINANCIEROS", 7: "ADQUISICION DE ACTIVOS FINANCIEROS",
    8: "SERVICIO DE LA DEUDA PUBLICA",
}
_CATEGORIA = {1: ("5", "GASTO CORRIENTE"), 2: ("5", "GASTO CORRIENTE"), 3: ("5", "GASTO CORRIENTE"),
              4: ("5", "GASTO CORRIENTE"), 5: ("5", "GASTO CORRIENTE"), 6: ("6", "GASTO DE CAPITAL"),
              7: ("6", "GASTO DE CAPITAL"), 8: ("7", "SERVICIO DE LA DEUDA")}

_RET = "RETRIBUCIONES Y COMPLEMENTOS EN EFECTIVO"
_CB, _CS = "COMPRA DE BIENES", "CONTRATACION DE SERVICIOS"
_ESSALUD = (1, 3, "CONTRIBUCIONES A LA SEGURIDAD SOCIAL", 1, "OBLIGACIONES DEL EMPLEADOR", 1,
            "OBLIGACIONES DEL EMPLEADOR", 1, "CONTRIBUCIONES A ESSALUD", 1.0)
_CAS = (3, 2, _CS, 8, "CONTRATO ADMINISTRATIVO DE SERVICIOS", 1, "CONTRATO ADMINISTRATIVO DE SERVICIOS", 1,
        "CONTRATO ADMINISTRATIVO DE SERVICIOS", 2.5)
# (generica, subgen, name, subgen_det, name, especifica, name, especifica_det, name, weight)
_ESP = {
    "pers_adm": [
        (1, 1, _RET, 1, "PERSONAL ADMINISTRATIVO", 1, "PERSONAL ADMINISTRATIVO", 2,
         "PERSONAL ADMINISTRATIVO NOMBRADO (REGIMEN PUBLICO)", 6),
        (1, 1, _RET, 1, "PERSONAL ADMINISTRATIVO", 2, "OTRAS RETRIBUCIONES Y COMPLEMENTOS", 1,
         "ASIGNACION A FONDOS PARA PERSONAL", 2),
        (1, 1, _RET, 9, "GASTOS VARIABLES Y OCASIONALES", 3, "AGUINALDOS", 1, "AGUINALDOS", 0.5),
        _ESSALUD],
    "pers_doc": [
        (1, 1, _RET, 4, "PERSONAL DOCENTE", 1, "PERSONAL DOCENTE", 1, "DOCENTES NOMBRADOS", 6),
        (1, 1, _RET, 4, "PERSONAL DOCENTE", 1, "PERSONAL DOCENTE", 2, "DOCENTES CONTRATADOS", 2),
        (1, 1, _RET, 4, "PERSONAL DOCENTE", 2, "OTRAS RETRIBUCIONES Y COMPLEMENTOS", 1,
         "ASIGNACION ESPECIAL POR LABOR PEDAGOGICA EFECTIVA", 1.2),
        _ESSALUD],
    "pers_salud": [
        (1, 1, _RET, 3, "PERSONAL DE LA SALUD", 1, "PERSONAL DE LA SALUD", 1, "PROFESIONALES DE LA SALUD NOMBRADOS", 5),
        (1, 1, _RET, 3, "PERSONAL DE LA SALUD", 3, "OTRAS RETRIBUCIONES Y COMPLEMENTOS", 1,
         "GUARDIAS HOSPITALARIAS", 1.5),
        _ESSALUD],
    "pers_mil": [
        (1, 1, _RET, 5, "PERSONAL MILITAR Y POLICIAL", 1, "PERSONAL MILITAR", 1, "OFICIALES", 3),
        (1, 1, _RET, 5, "PERSONAL MILITAR Y POLICIAL", 1, "PERSONAL MILITAR", 2, "TECNICOS Y SUBOFICIALES", 4),
        (1, 1, _RET, 5, "PERSONAL MILITAR Y POLICIAL", 3, "OTRAS RETRIBUCIONES Y COMPLEMENTOS", 1,
         "ASIGNACION POR RACIONAMIENTO", 1)],
    "pers_pol": [
        (1, 1, _RET, 5, "PERSONAL MILITAR Y POLICIAL", 2, "PERSONAL POLICIAL", 1, "OFICIALES", 2),
        (1, 1, _RET, 5, "PERSONAL MILITAR Y POLICIAL", 2, "PERSONAL POLICIAL", 2, "SUBOFICIALES", 5),
        (1, 1, _RET, 5, "PERSONAL MILITAR Y POLICIAL", 3, "OTRAS RETRIBUCIONES Y COMPLEMENTOS", 1,
         "ASIGNACION POR RACIONAMIENTO", 1)],
    "bienes": [
        (3, 1, _CB, 5, "MATERIALES Y UTILES", 1, "DE OFICINA", 2,
         "PAPELERIA EN GENERAL, UTILES Y MATERIALES DE OFICINA", 1),
        (3, 1, _CB, 3, "COMBUSTIBLES, CARBURANTES, LUBRICANTES Y AFINES", 1,
         "COMBUSTIBLES, CARBURANTES, LUBRICANTES Y AFINES", 1, "COMBUSTIBLES Y CARBURANTES", 1),
        (3, 2, _CS, 1, "VIAJES", 2, "VIAJES DOMESTICOS", 1, "PASAJES Y GASTOS DE TRANSPORTE", 0.6),
        (3, 2, _CS, 1, "VIAJES", 2, "VIAJES DOMESTICOS", 2, "VIATICOS Y ASIGNACIONES POR COMISION DE SERVICIO", 0.6),
        (3, 2, _CS, 2, "SERVICIOS BASICOS, COMUNICACIONES, PUBLICIDAD Y DIFUSION", 1,
         "SERVICIOS DE ENERGIA ELECTRICA, AGUA Y GAS", 1, "SERVICIO DE SUMINISTRO DE ENERGIA ELECTRICA", 0.8),
        (3, 2, _CS, 2, "SERVICIOS BASICOS, COMUNICACIONES, PUBLICIDAD Y DIFUSION", 2,
         "SERVICIOS DE TELEFONIA E INTERNET", 3, "SERVICIO DE INTERNET", 0.3),
        (3, 2, _CS, 4, "SERVICIO DE MANTENIMIENTO, ACONDICIONAMIENTO Y  REPARACIONES", 1,
         "DE EDIFICACIONES, OFICINAS Y ESTRUCTURAS", 1, "DE EDIFICACIONES, OFICINAS Y ESTRUCTURAS", 0.7),
        (3, 2, _CS, 7, "SERVICIOS PROFESIONALES Y TECNICOS", 11, "OTROS SERVICIOS", 99, "SERVICIOS DIVERSOS", 1.5),
        _CAS],
    "alimentos": [
        (3, 1, _CB, 1, "ALIMENTOS Y BEBIDAS", 1, "ALIMENTOS Y BEBIDAS", 1, "ALIMENTOS Y BEBIDAS PARA CONSUMO HUMANO", 8),
        (3, 2, _CS, 7, "SERVICIOS PROFESIONALES Y TECNICOS", 11, "OTROS SERVICIOS", 1,
         "SERVICIO DE TRANSPORTE Y TRASLADO DE CARGA, BIENES Y MATERIALES", 1)],
    "medicinas": [
        (3, 1, _CB, 8, "SUMINISTROS MEDICOS", 1, "PRODUCTOS FARMACEUTICOS", 2, "MEDICAMENTOS", 4),
        (3, 1, _CB, 8, "SUMINISTROS MEDICOS", 2,
         "MATERIAL, INSUMOS, INSTRUMENTAL Y ACCESORIOS MEDICOS, QUIRURGICOS, ODONTOLOGICOS Y DE LABORATORIO", 1,
         "MATERIAL, INSUMOS, INSTRUMENTAL Y ACCESORIOS MEDICOS, QUIRURGICOS, ODONTOLOGICOS Y DE LABORATORIO", 2)],
    "vacunas": [
        (3, 1, _CB, 8, "SUMINISTROS MEDICOS", 1, "PRODUCTOS FARMACEUTICOS", 1, "VACUNAS", 6),
        (3, 1, _CB, 8, "SUMINISTROS MEDICOS", 2,
         "MATERIAL, INSUMOS, INSTRUMENTAL Y ACCESORIOS MEDICOS, QUIRURGICOS, ODONTOLOGICOS Y DE LABORATORIO", 1,
         "MATERIAL, INSUMOS, INSTRUMENTAL Y ACCESORIOS MEDICOS, QUIRURGICOS, ODONTOLOGICOS Y DE LABORATORIO", 1)],
    "mat_edu": [
        (3, 1, _CB, 5, "MATERIALES Y UTILES", 4, "DE ENSEÑANZA", 1,
         "MATERIAL DIDACTICO, ACCESORIOS Y UTILES DE ENSEÑANZA", 6),
        (3, 2, _CS, 7, "SERVICIOS PROFESIONALES Y TECNICOS", 11, "OTROS SERVICIOS", 6,
         "SERVICIO DE IMPRESIONES, ENCUADERNACION Y EMPASTADO", 2)],
    "pensiones": [
        (2, 1, "PENSIONES", 1, "PENSIONES", 1, "PENSIONES", 1, "REGIMEN DE PENSIONES DL 20530", 5),
        (2, 2, "PRESTACIONES Y ASISTENCIA SOCIAL", 1, "PRESTACIONES Y ASISTENCIA SOCIAL", 1,
         "ASISTENCIA SOCIAL", 1, "GASTOS DE SEPELIO Y LUTO", 0.2)],
    "pensiones19990": [
        (2, 1, "PENSIONES", 1, "PENSIONES", 1, "PENSIONES", 2, "REGIMEN DE PENSIONES DL 19990", 5)],
    "subvenciones": [
        (5, 2, "SUBVENCIONES A PERSONAS NATURALES", 1, "SUBVENCIONES A PERSONAS NATURALES", 1,
         "SUBVENCIONES A PERSONAS NATURALES", 99, "OTRAS SUBVENCIONES A PERSONAS NATURALES", 1)],
    "transferencias": [
        (4, 1, "DONACIONES Y TRANSFERENCIAS CORRIENTES", 3, "A OTRAS UNIDADES DEL GOBIERNO", 1,
         "A OTRAS UNIDADES DEL GOBIERNO", 2, "A GOBIERNOS REGIONALES", 3),
        (4, 1, "DONACIONES Y TRANSFERENCIAS CORRIENTES", 3, "A OTRAS UNIDADES DEL GOBIERNO", 1,
         "A OTRAS UNIDADES DEL GOBIERNO", 4, "A OTRAS UNIDADES DEL GOBIERNO NACIONAL", 1)],
    "activos": [
        (6, 2, "CONSTRUCCION DE EDIFICIOS Y ESTRUCTURAS", 3, "OTRAS ESTRUCTURAS", 99, "OTRAS ESTRUCTURAS DIVERSAS", 2,
         "COSTO DE CONSTRUCCION POR CONTRATA", 6),
        (6, 2, "CONSTRUCCION DE EDIFICIOS Y ESTRUCTURAS", 3, "OTRAS ESTRUCTURAS", 99, "OTRAS ESTRUCTURAS DIVERSAS", 1,
         "COSTO DE CONSTRUCCION POR ADMINISTRACION DIRECTA - BIENES", 2),
        (6, 8, "OTROS GASTOS DE ACTIVOS NO FINANCIEROS", 1, "OTROS GASTOS DE ACTIVOS NO FINANCIEROS", 3,
         "ELABORACION DE EXPEDIENTES TECNICOS", 1, "ELABORACION DE EXPEDIENTES TECNICOS", 0.5),
        (6, 8, "OTROS GASTOS DE ACTIVOS NO FINANCIEROS", 1, "OTROS GASTOS DE ACTIVOS NO FINANCIEROS", 4,
         "OTROS GASTOS DIVERSOS DE ACTIVOS NO FINANCIEROS", 3, "GASTO POR LA CONTRATACION DE SERVICIOS", 0.6)],
    "equipo": [
        (6, 3, "ADQUISICION DE VEHICULOS, MAQUINARIAS Y OTROS", 2, "ADQUISICION DE MAQUINARIAS, EQUIPO Y MOBILIARIO",
         3, "ADQUISICION DE EQUIPOS INFORMATICOS Y DE COMUNICACIONES", 1, "EQUIPOS COMPUTACIONALES Y PERIFERICOS", 1)],
    "financieros": [
        (7, 1, "ADQUISICION DE ACCIONES Y PARTICIPACIONES DE CAPITAL", 1, "APORTES DE CAPITAL", 1,
         "APORTES DE CAPITAL A EMPRESAS PUBLICAS", 1, "APORTES DE CAPITAL A EMPRESAS PUBLICAS", 1)],
    "deuda_ext": [
        (8, 1, "INTERESES DE LA DEUDA", 1, "INTERESES DE LA DEUDA EXTERNA", 1, "INTERESES DE LA DEUDA EXTERNA", 1,
         "INTERESES DE LA DEUDA CON ORGANISMOS INTERNACIONALES", 2),
        (8, 1, "INTERESES DE LA DEUDA", 1, "INTERESES DE LA DEUDA EXTERNA", 1, "INTERESES DE LA DEUDA EXTERNA", 2,
         "INTERESES DE LA DEUDA CON EL CLUB DE PARIS", 1),
        (8, 2, "AMORTIZACION DE LA DEUDA", 1, "AMORTIZACION DE LA DEUDA EXTERNA", 1,
         "AMORTIZACION DE LA DEUDA EXTERNA", 1, "AMORTIZACION DE LA DEUDA CON ORGANISMOS INTERNACIONALES", 2)],
    "deuda_int": [
        (8, 1, "INTERESES DE LA DEUDA", 2, "INTERESES DE LA DEUDA INTERNA", 1, "INTERESES DE LA DEUDA INTERNA", 1,
         "INTERESES DE BONOS SOBERANOS", 3),
        (8, 2, "AMORTIZACION DE LA DEUDA", 2, "AMORTIZACION DE LA DEUDA INTERNA", 1,
         "AMORTIZACION DE LA DEUDA INTERNA", 1, "AMORTIZACION DE BONOS", 1)],
}

# Spending profiles: which groups of especificas a kind of line uses, with weights.
_PROFILE_GROUPS = {
    "admin": [("pers_adm", .45), ("bienes", .48), ("equipo", .07)],
    "bienes": [("bienes", 1.0)],
    "servicio": [("bienes", .62), ("pers_adm", .28), ("equipo", .10)],
    "alimentario": [("alimentos", .9), ("bienes", .1)],
    "medico": [("medicinas", .45), ("pers_salud", .35), ("bienes", .2)],
    "vacunas": [("vacunas", .6), ("pers_salud", .2), ("bienes", .2)],
    "salud_personal": [("pers_salud", .65), ("medicinas", .2), ("bienes", .15)],
    "docente": [("pers_doc", .88), ("bienes", .12)],
    "material_educativo": [("mat_edu", .8), ("bienes", .2)],
    "militar": [("pers_mil", .6), ("bienes", .32), ("equipo", .08)],
    "policial": [("pers_pol", .66), ("bienes", .3), ("equipo", .04)],
    "pension": [("pensiones", 1.0)],
    "pension19990": [("pensiones19990", 1.0)],
    "subvencion": [("subvenciones", 1.0)],
    "transfer_gob": [("transferencias", 1.0)],
    "obra": [("activos", .85), ("bienes", .15)],
    "empleo": [("activos", .55), ("bienes", .45)],
    "proyecto": [("activos", 1.0)],
    "financiero": [("financieros", 1.0)],
    "deuda_ext": [("deuda_ext", 1.0)],
    "deuda_int": [("deuda_int", 1.0)],
}

# Monthly devengado profiles (January..December).
_MONTH_W = {
    "personal": (0.8, 1, 1, 1, 1, 1, 1.6, 1, 1, 1, 1, 1.9),
    "pension": (1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 2),
    "bienes": (.03, .05, .06, .07, .08, .08, .085, .085, .085, .09, .095, .19),
    "transfer": (.04, .07, .08, .08, .08, .08, .09, .08, .08, .09, .09, .14),
    "bimonthly": (0, .15, 0, .16, 0, .16, 0, .17, 0, .17, 0, .19),
    "proyecto": (.01, .02, .03, .05, .06, .07, .08, .09, .10, .11, .12, .26),
    "deuda": (.05, .12, .05, .06, .12, .06, .06, .12, .06, .06, .12, .12),
    "lumpy": (1,) * 12,
}
_GEN_MPROF = {1: "personal", 2: "pension", 3: "bienes", 4: "transfer", 5: "transfer", 6: "proyecto",
              7: "lumpy", 8: "deuda"}


def _flatten_profiles() -> dict[str, list[tuple[tuple[str, ...], float, int]]]:
    """profile -> [(the 12 classifier fields, weight, generica)]."""
    out = {}
    for prof, groups in _PROFILE_GROUPS.items():
        entries = []
        for group, gw in groups:
            esp = _ESP[group]
            total = sum(e[9] for e in esp)
            for e in esp:
                gen = e[0]
                cat, cat_name = _CATEGORIA[gen]
                fields = (cat, cat_name, "2", str(gen), _GENERICA[gen], str(e[1]), e[2], str(e[3]), e[4],
                          str(e[5]), e[6], str(e[7]), e[8])
                entries.append((fields, gw * e[9] / total, gen))
        out[prof] = entries
    return out


_PROFILES = _flatten_profiles()

# Fuentes: (FUENTE, name, RUBRO, name, TIPO_RECURSO, name)
_F_RO = ("1", "RECURSOS ORDINARIOS", "00", "RECURSOS ORDINARIOS", "0", "RECURSOS ORDINARIOS")
_F_RDR = ("2", "RECURSOS DIRECTAMENTE RECAUDADOS", "09", "RECURSOS DIRECTAMENTE RECAUDADOS", "0", "NORMAL")
_F_ROOC = ("3", "RECURSOS POR OPERACIONES OFICIALES DE CREDITO", "19",
           "RECURSOS POR OPERACIONES OFICIALES DE CREDITO", "0", "NORMAL")
_F_DON = ("4", "DONACIONES Y TRANSFERENCIAS", "13", "DONACIONES Y TRANSFERENCIAS", "0", "NORMAL")
_F_CANON = ("5", "RECURSOS DETERMINADOS", "18", "CANON Y SOBRECANON, REGALIAS, RENTA DE ADUANAS Y PARTICIPACIONES",
            "0", "CANON")
_F_FONCOR = ("5", "RECURSOS DETERMINADOS", "15", "FONDO DE COMPENSACION REGIONAL - FONCOR", "0", "NORMAL")
_F_FONCOMUN = ("5", "RECURSOS DETERMINADOS", "07", "FONDO DE COMPENSACION MUNICIPAL", "0", "NORMAL")
_F_IMP = ("5", "RECURSOS DETERMINADOS", "08", "IMPUESTOS MUNICIPALES", "0", "NORMAL")
_FUENTE_MIX = {
    "E": [(_F_RO, .86), (_F_RDR, .08), (_F_ROOC, .04), (_F_DON, .02)],
    "R": [(_F_RO, .76), (_F_CANON, .12), (_F_FONCOR, .06), (_F_RDR, .04), (_F_DON, .02)],
    "M": [(_F_FONCOMUN, .34), (_F_CANON, .30), (_F_IMP, .10), (_F_RO, .12), (_F_RDR, .10), (_F_DON, .04)],
    "RO": [(_F_RO, 1.0)],
    "DEUDA": [(_F_RO, .7), (_F_ROOC, .3)],
}

# --------------------------------------------------------------------------------------------
# Products and activities
# --------------------------------------------------------------------------------------------

P_SIN = ("3999999", "SIN PRODUCTO")
P_COM = ("3000001", "ACCIONES COMUNES")
P = {
    "pan_fam": ("3033251", "FAMILIAS SALUDABLES CON CONOCIMIENTOS PARA EL CUIDADO INFANTIL, LACTANCIA MATERNA "
                           "EXCLUSIVA Y LA ADECUADA ALIMENTACION Y PROTECCION DEL MENOR DE 36 MESES"),
    "pan_vac": ("3033254", "NIÑOS CON VACUNA COMPLETA"),
    "pan_cred": ("3033255", "NIÑOS CON CRED COMPLETO SEGUN EDAD"),
    "pan_hierro": ("3033256", "NIÑOS CON SUPLEMENTO DE HIERRO Y VITAMINA A"),
    "pan_alim": ("3033317", "NIÑOS Y NIÑAS MENORES DE 36 MESES Y GESTANTES CON COMPLEMENTACION ALIMENTARIA"),
    "smn_ssr": ("3033412", "FAMILIAS SALUDABLES INFORMADAS RESPECTO DE SU SALUD SEXUAL Y REPRODUCTIVA"),
    "smn_pf": ("3033291", "POBLACION ACCEDE A METODOS DE PLANIFICACION FAMILIAR"),
    "smn_prenatal": ("3033172", "ATENCION PRENATAL REENFOCADA"),
    "smn_parto": ("3033294", "ATENCION DEL PARTO NORMAL"),
    "smn_rn": ("3033305", "ATENCION DEL RECIEN NACIDO NORMAL"),
    "log_horas": ("3000385", "INSTITUCIONES EDUCATIVAS CON CONDICIONES PARA EL CUMPLIMIENTO DE HORAS LECTIVAS "
                             "NORMADAS"),
    "log_doc": ("3000386", "DOCENTES DE EDUCACION INICIAL Y PRIMARIA CON COMPETENCIAS PARA LA ENSEÑANZA"),
    "log_mat": ("3000387", "ALUMNOS DEL II Y III CICLO CON MATERIALES EDUCATIVOS NECESARIOS PARA EL LOGRO DE LOS "
                           "ESTANDARES DE APRENDIZAJE"),
    "log_ini": ("3000388", "NIÑOS Y NIÑAS DE 3 A 5 AÑOS CON ACCESO A EDUCACION INICIAL"),
    "id_dni": ("3000102", "POBLACION CON DOCUMENTO NACIONAL DE IDENTIDAD"),
    "id_actas": ("3000103", "NIÑOS Y NIÑAS CON ACTA DE NACIMIENTO Y DOCUMENTO NACIONAL DE IDENTIDAD"),
    "acc_caminos": ("3000110", "CAMINOS RURALES EN BUEN ESTADO DE CONSERVACION"),
    "acc_juntos": ("3000111", "HOGARES EN SITUACION DE POBREZA CON INCENTIVOS PARA EL ACCESO A SERVICIOS DE SALUD, "
                              "NUTRICION Y EDUCACION"),
    "acc_mercado": ("3000112", "PRODUCTORES RURALES CON ACCESO A OPORTUNIDADES DE MERCADO"),
    "agua": ("3000120", "POBLACION RURAL CON SISTEMAS DE AGUA POTABLE Y DISPOSICION SANITARIA DE EXCRETAS"),
    "tel": ("3000130", "LOCALIDADES RURALES CON SERVICIOS PUBLICOS DE TELECOMUNICACIONES"),
    "ene": ("3000140", "LOCALIDADES RURALES CON ACCESO AL SERVICIO DE ENERGIA ELECTRICA"),
    "amb_res": ("3000150", "GOBIERNOS LOCALES CON GESTION INTEGRAL DE RESIDUOS SOLIDOS"),
    "amb_cal": ("3000151", "VIGILANCIA Y CONTROL DE LA CALIDAD DEL AIRE Y DEL AGUA"),
    "vf_atencion": ("3000223", "PERSONAS AFECTADAS POR HECHOS DE VIOLENCIA FAMILIAR CON SERVICIOS DE ATENCION"),
    "vf_prev": ("3000224", "POBLACION INFORMADA SOBRE LA PREVENCION DE LA VIOLENCIA FAMILIAR Y SEXUAL"),
}
A = {
    "planeamiento": ("5000001", "PLANEAMIENTO Y PRESUPUESTO"),
    "conduccion": ("5000002", "CONDUCCION Y ORIENTACION SUPERIOR"),
    "gestion": ("5000003", "GESTION ADMINISTRATIVA"),
    "control": ("5000006", "ACCIONES DE CONTROL Y AUDITORIA"),
    "previsional": ("5000991", "OBLIGACIONES PREVISIONALES"),
    "pan_mon": ("5000017", "MONITOREO, SUPERVISION, EVALUACION Y CONTROL DEL PROGRAMA ARTICULADO NUTRICIONAL"),
    "pan_cons": ("5000014", "CONSEJERIA EN EL HOGAR A FAMILIAS CON NIÑOS MENORES DE 36 MESES"),
    "pan_cred": ("5000018", "ATENCION A NIÑOS Y NIÑAS CON CONTROL DE CRECIMIENTO Y DESARROLLO COMPLETO PARA SU EDAD"),
    "pan_vac": ("5000019", "APLICACION DE VACUNAS COMPLETAS"),
    "pan_hierro": ("5000022", "ADMINISTRAR SUPLEMENTO DE HIERRO Y VITAMINA A"),
    "pan_ira": ("5000027", "ATENDER A NIÑOS CON DIAGNOSTICO DE INFECCION RESPIRATORIA AGUDA"),
    "pin_inf": ("5000033", "PROGRAMA INTEGRAL DE NUTRICION - SUBPROGRAMA INFANTIL"),
    "pin_esc": ("5000034", "PROGRAMA INTEGRAL DE NUTRICION - SUBPROGRAMA ESCOLAR"),
    "sis_pan": ("5000036", "REPOSICION DE PRESTACIONES DE SALUD INFANTIL A ASEGURADOS DEL SIS"),
    "smn_mon": ("5000040", "MONITOREO, SUPERVISION, EVALUACION Y CONTROL DE LA SALUD MATERNO NEONATAL"),
    "smn_ssr": ("5000041", "PROMOCION DE PRACTICAS SALUDABLES PARA EL CUIDADO DE LA SALUD SEXUAL Y REPRODUCTIVA EN "
                           "FAMILIAS"),
    "smn_pf": ("5000042", "ENTREGA DE METODOS DE PLANIFICACION FAMILIAR Y CONSEJERIA EN SALUD SEXUAL Y REPRODUCTIVA"),
    "smn_prenatal": ("5000043", "ATENCION PRENATAL REENFOCADA A GESTANTES"),
    "smn_parto": ("5000044", "ATENCION DEL PARTO NORMAL EN ESTABLECIMIENTOS DE SALUD"),
    "smn_rn": ("5000045", "ATENCION DEL RECIEN NACIDO NORMAL"),
    "sis_smn": ("5000046", "REPOSICION DE PRESTACIONES MATERNO NEONATALES A ASEGURADAS DEL SIS"),
    "smn_complicado": ("5000047", "ATENCION DE LA GESTANTE Y DEL PARTO COMPLICADO EN HOSPITALES DE REFERENCIA"),
    "log_mon": ("5000060", "MONITOREO, SUPERVISION Y EVALUACION DEL PROGRAMA LOGROS DE APRENDIZAJE"),
    "log_docentes": ("5000061", "CONTRATACION OPORTUNA Y PAGO DE PERSONAL DOCENTE DE EDUCACION INICIAL Y PRIMARIA"),
    "log_cap": ("5000062", "CAPACITACION Y ACOMPAÑAMIENTO PEDAGOGICO A DOCENTES DE EDUCACION INICIAL Y PRIMARIA"),
    "log_mat": ("5000063", "DOTACION DE MATERIAL EDUCATIVO PARA ESTUDIANTES Y DOCENTES DEL II Y III CICLO"),
    "log_mant": ("5000064", "MANTENIMIENTO PREVENTIVO DE LOCALES ESCOLARES"),
    "log_ini": ("5000065", "ATENCION DE NIÑOS Y NIÑAS DE 3 A 5 AÑOS EN INSTITUCIONES DE EDUCACION INICIAL"),
    "id_mon": ("5000070", "MONITOREO, SUPERVISION Y EVALUACION DEL PROGRAMA IDENTIDAD"),
    "id_dni": ("5000071", "EMISION DEL DOCUMENTO NACIONAL DE IDENTIDAD A POBLACION INDOCUMENTADA EN ZONAS RURALES"),
    "id_actas": ("5000072", "REGISTRO DE NACIMIENTOS Y EMISION DE DNI A MENORES DE EDAD"),
    "acc_mon": ("5000080", "MONITOREO Y EVALUACION DEL PROGRAMA ACCESO A SERVICIOS SOCIALES BASICOS"),
    "acc_mant": ("5000081", "MANTENIMIENTO RUTINARIO DE CAMINOS VECINALES"),
    "acc_rehab": ("5000082", "REHABILITACION DE CAMINOS VECINALES"),
    "juntos": ("5000083", "TRANSFERENCIA DE INCENTIVOS MONETARIOS CONDICIONADOS A HOGARES - JUNTOS"),
    "juntos_verif": ("5000084", "VERIFICACION DEL CUMPLIMIENTO DE CORRESPONSABILIDADES"),
    "acc_mercado": ("5000085", "ARTICULACION DE PRODUCTORES RURALES AL MERCADO"),
    "agua_mon": ("5000090", "MONITOREO Y EVALUACION DEL PROGRAMA DE AGUA Y SANEAMIENTO RURAL"),
    "agua_cap": ("5000091", "CAPACITACION A JUNTAS ADMINISTRADORAS DE SERVICIOS DE SANEAMIENTO"),
    "tel_mon": ("5000099", "MONITOREO Y EVALUACION DEL PROGRAMA DE TELECOMUNICACIONES RURALES"),
    "tel": ("5000100", "GESTION Y SUPERVISION DE PROYECTOS DE TELECOMUNICACIONES RURALES"),
    "ene_mon": ("5000109", "MONITOREO Y EVALUACION DEL PROGRAMA DE ELECTRIFICACION RURAL"),
    "ene": ("5000110", "GESTION DE PROYECTOS DE ELECTRIFICACION RURAL"),
    "amb_res": ("5000120", "ASISTENCIA TECNICA EN GESTION DE RESIDUOS SOLIDOS"),
    "amb_cal": ("5000121", "MONITOREO DE LA CALIDAD AMBIENTAL"),
    "amb_mon": ("5000122", "GESTION DEL PROGRAMA GESTION AMBIENTAL PRIORITARIA"),
    "vf_mon": ("5001630", "GESTION DEL PROGRAMA LUCHA CONTRA LA VIOLENCIA FAMILIAR"),
    "cem": ("5001631", "ATENCION EN LOS CENTROS EMERGENCIA MUJER"),
    "vf_prev": ("5001632", "PREVENCION DE LA VIOLENCIA FAMILIAR Y SEXUAL EN LA COMUNIDAD"),
    "comedores": ("5001101", "APOYO ALIMENTARIO A COMEDORES POPULARES"),
    "vaso_leche": ("5001103", "VASO DE LECHE"),
    "wawa_wasi": ("5001104", "ATENCION INTEGRAL A NIÑOS Y NIÑAS MENORES DE 4 AÑOS EN WAWA WASI"),
    "inabif": ("5001105", "ATENCION INTEGRAL DE NIÑOS, NIÑAS Y ADOLESCENTES EN HOGARES DEL INABIF"),
    "inabif_am": ("5001106", "ATENCION A PERSONAS ADULTAS MAYORES Y PERSONAS CON DISCAPACIDAD EN RIESGO - INABIF"),
    "foncodes": ("5001107", "FINANCIAMIENTO DE PROYECTOS DE INFRAESTRUCTURA SOCIAL Y PRODUCTIVA - FONCODES"),
    "sis": ("5001108", "REEMBOLSO DE PRESTACIONES DE SALUD A LOS ASEGURADOS DEL SIS"),
    "construyendo": ("5001109", "GENERACION DE EMPLEO TEMPORAL - CONSTRUYENDO PERU"),
    "projoven": ("5001110", "CAPACITACION LABORAL DE JOVENES - PROJOVEN"),
    "revalora": ("5001111", "RECONVERSION LABORAL - REVALORA PERU"),
    "pronamachcs": ("5001112", "MANEJO DE RECURSOS NATURALES Y CONSERVACION DE SUELOS - PRONAMACHCS"),
    "marenass": ("5001113", "MANEJO DE RECURSOS NATURALES EN LA SIERRA SUR - MARENASS"),
    "agrorural": ("5001114", "DESARROLLO DE CAPACIDADES PRODUCTIVAS EN COMUNIDADES CAMPESINAS - AGRO RURAL"),
    "pronama": ("5001115", "ALFABETIZACION DE PERSONAS DE 15 AÑOS A MAS - PRONAMA"),
    "techo_propio": ("5001116", "BONO FAMILIAR HABITACIONAL - TECHO PROPIO"),
    "mivivienda": ("5001117", "APORTE AL FONDO MIVIVIENDA"),
    "dni": ("5001118", "EMISION DEL DOCUMENTO NACIONAL DE IDENTIDAD"),
    "demuna": ("5001119", "SERVICIO DE LA DEFENSORIA MUNICIPAL DEL NIÑO Y EL ADOLESCENTE - DEMUNA"),
    "deuda_ext": ("5001200", "SERVICIO DE LA DEUDA PUBLICA EXTERNA"),
    "deuda_int": ("5001201", "SERVICIO DE LA DEUDA PUBLICA INTERNA"),
    "pens19990": ("5001210", "PAGO DE PENSIONES - DECRETO LEY 19990"),
    "pens20530": ("5001211", "PAGO DE PENSIONES - DECRETO LEY 20530"),
    "ejercito": ("5001220", "ALISTAMIENTO Y OPERACIONES DEL EJERCITO"),
    "marina": ("5001221", "ALISTAMIENTO Y OPERACIONES DE LA MARINA DE GUERRA"),
    "fap": ("5001222", "ALISTAMIENTO Y OPERACIONES DE LA FUERZA AEREA"),
    "patrullaje": ("5001230", "PATRULLAJE POLICIAL Y MANTENIMIENTO DEL ORDEN INTERNO"),
    "investigacion": ("5001231", "INVESTIGACION CRIMINAL"),
    "conservacion_vial": ("5001240", "CONSERVACION DE LA RED VIAL NACIONAL"),
    "secundaria": ("5001250", "DESARROLLO DE LA EDUCACION SECUNDARIA"),
    "universitaria": ("5001251", "FORMACION UNIVERSITARIA DE PREGRADO"),
    "primaria": ("5001252", "DESARROLLO DE LA EDUCACION PRIMARIA"),
    "inicial": ("5001253", "DESARROLLO DE LA EDUCACION INICIAL"),
    "hospitalaria": ("5001260", "ATENCION DE SALUD HOSPITALARIA ESPECIALIZADA"),
    "vigilancia": ("5001261", "VIGILANCIA Y CONTROL DE ENFERMEDADES TRANSMISIBLES"),
    "atencion_basica": ("5001262", "ATENCION BASICA DE SALUD"),
    "judicial": ("5001270", "TRAMITACION DE PROCESOS JUDICIALES"),
    "fiscal": ("5001271", "INVESTIGACION Y PERSECUCION DEL DELITO"),
    "inpe": ("5001272", "CUSTODIA Y TRATAMIENTO DE LA POBLACION PENITENCIARIA"),
    "legislativo": ("5001273", "PROCESO LEGISLATIVO Y FISCALIZACION"),
    "contraloria": ("5001274", "CONTROL GUBERNAMENTAL"),
    "diplomacia": ("5001275", "REPRESENTACION DIPLOMATICA Y CONSULAR EN EL EXTERIOR"),
    "ocex": ("5001276", "PROMOCION COMERCIAL EN EL EXTERIOR - OFICINAS COMERCIALES"),
    "exportaciones": ("5001277", "PROMOCION DE LAS EXPORTACIONES"),
    "pesca": ("5001278", "DESARROLLO DE LA PESCA ARTESANAL"),
    "agraria": ("5001279", "PROMOCION DE LA PRODUCCION AGRARIA"),
    "gestion_amb": ("5001281", "GESTION AMBIENTAL"),
    "desastres": ("5001282", "PREVENCION Y ATENCION DE DESASTRES"),
    "caminos_dep": ("5001303", "MANTENIMIENTO DE CAMINOS DEPARTAMENTALES"),
    "limpieza": ("5001400", "LIMPIEZA PUBLICA"),
    "serenazgo": ("5001401", "SERENAZGO"),
    "parques": ("5001402", "MANTENIMIENTO DE PARQUES Y JARDINES"),
    "gobierno_mml": ("5001410", "DESARROLLO DE CAPACIDADES DE GESTION REGIONAL DE LIMA METROPOLITANA"),
}

# Investment projects: type -> (action code, action name, function, [name templates])
_PROJECT_TYPES = {
    "carretera": ("4000039", "MEJORAMIENTO Y REHABILITACION DE CARRETERA", "vias_dep",
                  ["MEJORAMIENTO DE LA CARRETERA {p1} - {l1}, {dep}",
                   "REHABILITACION DE LA CARRETERA DEPARTAMENTAL {p1} - {p2}"]),
    "carretera_nac": ("4000038", "REHABILITACION Y MEJORAMIENTO DE CARRETERA NACIONAL", "vias_nac",
                      ["REHABILITACION Y MEJORAMIENTO DE LA CARRETERA {p1} - {p2}, TRAMO {l1} - {l2}",
                       "CONSTRUCCION Y MEJORAMIENTO DE LA CARRETERA {p2} - {l1} - {dep}"]),
    "camino_vecinal": ("4000040", "REHABILITACION DE CAMINO VECINAL", "vias_vec",
                       ["REHABILITACION DEL CAMINO VECINAL {l1} - {l2}, DISTRITO DE {d}, PROVINCIA DE {p1} - {dep}"]),
    "agua_rural": ("4000089", "CONSTRUCCION DE SISTEMA DE AGUA POTABLE Y LETRINAS", "saneamiento_r",
                   ["INSTALACION DEL SISTEMA DE AGUA POTABLE Y LETRINAS EN EL CENTRO POBLADO {l1}, DISTRITO DE {d} - "
                    "{p1} - {dep}",
                    "AMPLIACION DEL SISTEMA DE AGUA POTABLE Y SANEAMIENTO RURAL DE LAS COMUNIDADES DE {l1} Y {l2}"]),
    "agua_urbana": ("4000090", "AMPLIACION Y MEJORAMIENTO DE REDES DE AGUA POTABLE Y ALCANTARILLADO", "saneamiento_u",
                    ["AMPLIACION Y MEJORAMIENTO DEL SISTEMA DE AGUA POTABLE Y ALCANTARILLADO DE LA CIUDAD DE {d}",
                     "MEJORAMIENTO DEL SISTEMA DE ALCANTARILLADO DEL SECTOR {l1}, DISTRITO DE {d}"]),
    "escuela": ("4000079", "CONSTRUCCION Y EQUIPAMIENTO DE INFRAESTRUCTURA EDUCATIVA", "educ_primaria",
                ["MEJORAMIENTO DE LA INFRAESTRUCTURA EDUCATIVA DE LA I.E. Nº {n} {l1}, DISTRITO DE {d}",
                 "CONSTRUCCION DE AULAS EN LA INSTITUCION EDUCATIVA INICIAL Nº {n} DE {l1} - {p1}"]),
    "salud": ("4000108", "CONSTRUCCION Y EQUIPAMIENTO DE ESTABLECIMIENTO DE SALUD", "salud_basica",
              ["MEJORAMIENTO DE LA CAPACIDAD RESOLUTIVA DEL CENTRO DE SALUD {l1}, DISTRITO DE {d}",
               "CONSTRUCCION Y EQUIPAMIENTO DEL PUESTO DE SALUD {l1} - {p1} - {dep}"]),
    "riego": ("4000157", "CONSTRUCCION DE CANAL DE RIEGO", "riego",
              ["CONSTRUCCION DEL CANAL DE RIEGO {l1} - {l2}, DISTRITO DE {d}",
               "MEJORAMIENTO DEL SISTEMA DE RIEGO {l1}, PROVINCIA DE {p1}"]),
    "electrificacion": ("4000047", "INSTALACION DE REDES DE ELECTRIFICACION RURAL", "energia",
                        ["ELECTRIFICACION RURAL DE LAS LOCALIDADES DE {l1}, {l2} Y ANEXOS, PROVINCIA DE {p1}",
                         "PEQUEÑO SISTEMA ELECTRICO {p1} {n2} ETAPA - {dep}"]),
    "telecom": ("4000060", "INSTALACION DE SERVICIOS DE TELEFONIA E INTERNET RURAL", "telecom",
                ["INSTALACION DE SERVICIOS DE TELECOMUNICACIONES RURALES EN LOCALIDADES DE {p1} - {dep}",
                 "BANDA ANCHA RURAL PARA LAS LOCALIDADES DE {l1} Y {l2} - {dep}"]),
    "pistas": ("4000120", "CONSTRUCCION DE PISTAS Y VEREDAS", "urbano",
               ["CONSTRUCCION DE PISTAS Y VEREDAS EN EL ASENTAMIENTO HUMANO {l1}, DISTRITO DE {d}",
                "MEJORAMIENTO DE LA TRANSITABILIDAD VEHICULAR Y PEATONAL DEL JR. {l1} - {d}"]),
}
_PROJECT_TYPE_NUM = {t: i for i, t in enumerate(_PROJECT_TYPES)}

# --------------------------------------------------------------------------------------------
# Executing units
# --------------------------------------------------------------------------------------------

_SECTORS = {
    "01": "PRESIDENCIA CONSEJO MINISTROS", "04": "PODER JUDICIAL", "05": "AMBIENTAL", "06": "JUSTICIA",
    "07": "INTERIOR", "08": "RELACIONES EXTERIORES", "09": "ECONOMIA Y FINANZAS", "10": "EDUCACION",
    "11": "SALUD", "12": "TRABAJO Y PROMOCION DEL EMPLEO", "13": "AGRICULTURA", "16": "ENERGIA Y MINAS",
    "19": "CONTRALORIA GENERAL", "22": "MINISTERIO PUBLICO", "26": "DEFENSA", "28": "CONGRESO DE LA REPUBLICA",
    "33": "REGISTRO NACIONAL DE IDENTIFICACION Y ESTADO CIVIL", "35": "COMERCIO EXTERIOR Y TURISMO",
    "36": "TRANSPORTES Y COMUNICACIONES", "37": "VIVIENDA CONSTRUCCION Y SANEAMIENTO", "38": "PRODUCCION",
    "39": "MUJER Y DESARROLLO SOCIAL", "99": "GOBIERNOS REGIONALES", "98": "GOBIERNOS LOCALES",
}
_PLIEGOS = {
    "001": "PRESIDENCIA DEL CONSEJO DE MINISTROS", "006": "INSTITUTO NACIONAL DE DEFENSA CIVIL",
    "004": "PODER JUDICIAL", "005": "M. DEL AMBIENTE", "061": "INSTITUTO NACIONAL PENITENCIARIO",
    "007": "M. DEL INTERIOR", "008": "M. DE RELACIONES EXTERIORES", "009": "M. DE ECONOMIA Y FINANZAS",
    "095": "OFICINA DE NORMALIZACION PREVISIONAL-ONP", "010": "M. DE EDUCACION",
    "510": "U.N. MAYOR DE SAN MARCOS", "514": "U.N. SAN ANTONIO ABAD DEL CUSCO", "011": "M. DE SALUD",
    "135": "SEGURO INTEGRAL DE SALUD", "012": "M. DE TRABAJO Y PROMOCION DEL EMPLEO", "013": "M. DE AGRICULTURA",
    "016": "M. DE ENERGIA Y MINAS", "019": "CONTRALORIA GENERAL", "022": "MINISTERIO PUBLICO",
    "026": "M. DE DEFENSA", "028": "CONGRESO DE LA REPUBLICA",
    "033": "REGISTRO NACIONAL DE IDENTIFICACION Y ESTADO CIVIL", "035": "M. DE COMERCIO EXTERIOR Y TURISMO",
    "036": "M. DE TRANSPORTES Y COMUNICACIONES", "037": "M. DE VIVIENDA, CONSTRUCCION Y SANEAMIENTO",
    "038": "M. DE LA PRODUCCION", "039": "M. DE LA MUJER Y DESARROLLO SOCIAL",
}
# key: (sector, pliego, SEC_EJEC, EJECUTORA, name, department where the unit sits)
_E_UNITS = {
    "PCM": ("01", "001", "3", "003", "SECRETARIA GENERAL - PCM", "15"),
    "JUNTOS": ("01", "001", "1428", "010", "PROGRAMA NACIONAL DE APOYO DIRECTO A LOS MAS POBRES - JUNTOS", "15"),
    "INDECI": ("01", "006", "9", "001", "INDECI - INSTITUTO NACIONAL DE DEFENSA CIVIL", "15"),
    "PJ": ("04", "004", "12", "001", "GERENCIA GENERAL DEL PODER JUDICIAL", "15"),
    "MINAM": ("05", "005", "1293", "001", "MINISTERIO DEL AMBIENTE - ADMINISTRACION GENERAL", "15"),
    "INPE": ("06", "061", "17", "001", "INSTITUTO NACIONAL PENITENCIARIO-SEDE CENTRAL", "15"),
    "MININTER": ("07", "007", "25", "001", "MINISTERIO DEL INTERIOR-OFICINA GENERAL DE ADMINISTRACION", "15"),
    "PNP": ("07", "007", "26", "002", "DIRECCION DE ECONOMIA Y FINANZAS DE LA PNP", "15"),
    "RREE": ("08", "008", "45", "001", "M. DE RELACIONES EXTERIORES- SUBSECRETARIA DE ADMINISTRACION", "15"),
    "MEF": ("09", "009", "46", "001", "MEF-ADMINISTRACION GENERAL", "15"),
    "MEF_DEUDA": ("09", "009", "47", "002", "MEF-ADMINISTRACION DE LA DEUDA", "15"),
    "ONP": ("09", "095", "55", "001", "OFICINA DE NORMALIZACION PREVISIONAL-ONP", "15"),
    "MINEDU": ("10", "010", "116", "024", "MINISTERIO DE EDUCACION-SEDE CENTRAL", "15"),
    "PEBPT": ("10", "010", "1071", "026", "PROGRAMA EDUCACION BASICA PARA TODOS", "15"),
    "DRELM": ("10", "010", "119", "006", "DIRECCION REGIONAL DE EDUCACION DE LIMA METROPOLITANA", "15"),
    "PRONAMA": ("10", "010", "1166", "118", "PROGRAMA NACIONAL DE MOVILIZACION POR LA ALFABETIZACION - PRONAMA",
                "15"),
    "UNMSM": ("10", "510", "500", "001", "UNIVERSIDAD NACIONAL MAYOR DE SAN MARCOS", "15"),
    "UNSAAC": ("10", "514", "504", "001", "UNIVERSIDAD NACIONAL DE SAN ANTONIO ABAD DEL CUSCO", "08"),
    "MINSA": ("11", "011", "117", "001", "ADMINISTRACION CENTRAL - MINSA", "15"),
    "LOAYZA": ("11", "011", "141", "027", "HOSPITAL NACIONAL ARZOBISPO LOAYZA", "15"),
    "DOSDEMAYO": ("11", "011", "142", "028", "HOSPITAL NACIONAL DOS DE MAYO", "15"),
    "INSN": ("11", "011", "146", "032", "INSTITUTO NACIONAL DE SALUD DEL NIÑO", "15"),
    "INMP": ("11", "011", "147", "033", "INSTITUTO NACIONAL MATERNO PERINATAL", "15"),
    "DISA": ("11", "011", "138", "022", "DIRECCION DE SALUD II LIMA SUR", "15"),
    "SIS": ("11", "135", "1091", "001", "SEGURO INTEGRAL DE SALUD", "15"),
    "MTPE": ("12", "012", "154", "001", "MINISTERIO DE TRABAJO-OFICINA GENERAL DE ADMINISTRACION", "15"),
    "PROJOVEN": ("12", "012", "993", "002", "PROGRAMA DE CAPACITACION LABORAL JUVENIL - PROJOVEN", "15"),
    "CONSTRUYENDO": ("12", "012", "1066", "005", "PROGRAMA DE EMERGENCIA SOCIAL PRODUCTIVO CONSTRUYENDO PERU",
                     "15"),
    "REVALORA": ("12", "012", "1131", "006", "PROGRAMA REVALORA PERU", "15"),
    "MINAG": ("13", "013", "155", "001", "MINISTERIO DE AGRICULTURA-ADMINISTRACION CENTRAL", "15"),
    "AGRORURAL": ("13", "013", "1296", "011", "PROGRAMA DE DESARROLLO PRODUCTIVO AGRARIO RURAL - AGRO RURAL",
                  "15"),
    "MEM": ("16", "016", "185", "001", "MINISTERIO DE ENERGIA Y MINAS-CENTRAL", "15"),
    "DGER": ("16", "016", "1280", "005", "MEM - DIRECCION GENERAL DE ELECTRIFICACION RURAL", "15"),
    "CONTRALORIA": ("19", "019", "196", "001", "CONTRALORIA GENERAL", "15"),
    "MP": ("22", "022", "200", "002", "MINISTERIO PUBLICO-GERENCIA GENERAL", "15"),
    "MINDEF": ("26", "026", "468", "001", "MINISTERIO DE DEFENSA-OGA", "15"),
    "EJERCITO": ("26", "026", "470", "003", "EJERCITO PERUANO", "15"),
    "MARINA": ("26", "026", "471", "004", "MARINA DE GUERRA DEL PERU", "07"),
    "FAP": ("26", "026", "472", "005", "FUERZA AEREA DEL PERU", "15"),
    "CONGRESO": ("28", "028", "477", "001", "CONGRESO DE LA REPUBLICA", "15"),
    "RENIEC": ("33", "033", "480", "001", "REGISTRO NACIONAL DE IDENTIFICACION Y ESTADO CIVIL", "15"),
    "MINCETUR": ("35", "035", "1070", "001",
                 "MINISTERIO DE COMERCIO EXTERIOR Y TURISMO- DIRECCION GENERAL DE ADMINISTRACION", "15"),
    "MTC": ("36", "036", "1072", "001", "MINISTERIO DE TRANSPORTES Y COMUNICACIONES-ADMINISTRACION GENERAL",
            "15"),
    "PVN": ("36", "036", "1078", "007", "MTC- PRO VIAS NACIONAL", "15"),
    "PVD": ("36", "036", "1250", "010", "MTC- PROVIAS DESCENTRALIZADO", "15"),
    "FITEL": ("36", "036", "1260", "011", "FONDO DE INVERSION EN TELECOMUNICACIONES - FITEL", "15"),
    "MVCS": ("37", "037", "1082", "001", "MINISTERIO DE VIVIENDA, CONSTRUCCION Y SANEAMIENTO- ADM. GENERAL",
             "15"),
    "APT": ("37", "037", "1085", "004", "PROGRAMA AGUA PARA TODOS", "15"),
    "PRODUCE": ("38", "038", "1086", "001", "MINISTERIO DE LA PRODUCCION", "15"),
    "MIMDES": ("39", "039", "1087", "001", "MINISTERIO DE LA MUJER Y DESARROLLO SOCIAL- ADM. NIVEL CENTRAL", "15"),
    "PRONAA": ("39", "039", "1158", "005", "PROGRAMA NACIONAL DE ASISTENCIA ALIMENTARIA - PRONAA", "15"),
    "FONCODES": ("39", "039", "1157", "004", "FONDO DE COOPERACION PARA EL DESARROLLO SOCIAL - FONCODES", "15"),
    "WAWAWASI": ("39", "039", "1161", "008", "PROGRAMA NACIONAL WAWA WASI", "15"),
    "INABIF": ("39", "039", "1160", "006", "PROGRAMA INTEGRAL NACIONAL PARA EL BIENESTAR FAMILIAR- INABIF", "15"),
    "PNCVFS": ("39", "039", "1232", "009", "PROGRAMA NACIONAL CONTRA LA VIOLENCIA FAMILIAR Y SEXUAL", "15"),
}
# Regional governments: pliego -> department (25 GR + Lima Metropolitana as a special case)
_GR = [("440", "01"), ("441", "02"), ("442", "03"), ("443", "04"), ("444", "05"), ("445", "06"), ("446", "08"),
       ("447", "09"), ("448", "10"), ("449", "11"), ("450", "12"), ("451", "13"), ("452", "14"), ("453", "16"),
       ("454", "17"), ("455", "18"), ("456", "19"), ("457", "20"), ("458", "21"), ("459", "22"), ("460", "23"),
       ("461", "24"), ("462", "25"), ("463", "15"), ("464", "07")]
_GR_EJECUTORAS = (("001", "SEDE CENTRAL"), ("100", "AGRICULTURA"), ("200", "TRANSPORTES"), ("300", "EDUCACION"),
                  ("400", "SALUD"))


class _Unit:
    __slots__ = ("level", "sec_ejec", "dept", "num", "fields", "places", "key")

    def __init__(self, key, level, sector, pliego, pliego_name, sec_ejec, ejecutora, name, dept, prov_i=0,
                 dist_i=0, num=0):
        provs = _GEO[dept][2]
        pcode, pname, dists = provs[prov_i]
        dcode, dname = dists[dist_i]
        self.key, self.level, self.sec_ejec, self.dept, self.num = key, level, sec_ejec, dept, num
        sector_name = _SECTORS[sector]
        self.fields = (level, LEVELS[level], sector, sector_name, pliego, pliego_name, sec_ejec, ejecutora, name,
                       dept, DEPARTMENTS[dept], pcode, pname, dcode, dname)


def _build_units() -> dict[str, object]:
    """All executing units of the demo universe (the same every year and seed)."""
    units: dict[str, object] = {}
    num = 0
    for key, (sector, pliego, sec, ejec, name, dept) in _E_UNITS.items():
        num += 1
        units[key] = _Unit(key, "E", sector, pliego, _PLIEGOS[pliego], sec, ejec, name, dept, num=num)
    regions = []
    for i, (pliego, dept) in enumerate(_GR):
        if dept == "07":
            pname, short = "GOBIERNO REGIONAL DE LA PROVINCIA CONSTITUCIONAL DEL CALLAO", "CALLAO"
        else:
            pname, short = f"GOBIERNO REGIONAL DEL DEPARTAMENTO DE {DEPARTMENTS[dept]}", DEPARTMENTS[dept]
        prov_i = 2 if dept == "15" else 0            # Gobierno Regional de Lima sits in Huacho
        ejecs = {}
        for j, (ecode, suffix) in enumerate(_GR_EJECUTORAS):
            num += 1
            u = _Unit(f"GR{pliego}-{ecode}", "R", "99", pliego, pname, str(721 + 5 * i + j), ecode,
                      f"REGION {short}-{suffix}", dept, prov_i=prov_i, num=num)
            ejecs[suffix] = u
        regions.append((dept, ejecs))
    num += 1
    mml = _Unit("MML", "R", "99", "465", "MUNICIPALIDAD METROPOLITANA DE LIMA", "1209", "001",
                "MUNICIPALIDAD METROPOLITANA DE LIMA", "15", num=num)
    munis = []
    sec = 300000
    for dept in _DEPTS:
        provs = _GEO[dept][2]
        pliego = "3" + dept
        pname = (f"MUNICIPALIDADES DEL DEPARTAMENTO DE {DEPARTMENTS[dept]}" if dept != "07"
                 else "MUNICIPALIDADES DE LA PROVINCIA CONSTITUCIONAL DEL CALLAO")
        for pi, (pcode, prov, dists) in enumerate(provs):
            for di, (dcode, dist) in enumerate(dists):
                if di == 0:
                    if dept == "15" and pcode == "01":
                        name = "MUNICIPALIDAD METROPOLITANA DE LIMA"
                    elif dept == "07":
                        name = "MUNICIPALIDAD PROVINCIAL DEL CALLAO"
                    else:
                        name = f"MUNICIPALIDAD PROVINCIAL DE {prov}"
                    w = 0.45 if pi == 0 else 0.2
                else:
                    name = f"MUNICIPALIDAD DISTRITAL DE {dist}"
                    w = 0.12 if dept != "15" else 0.3
                sec += 1
                num += 1
                u = _Unit(f"MUN{sec}", "M", "98", pliego, pname, str(sec), "001", name, dept, pi, di, num=num)
                munis.append((u, w, di == 0))
    units["_regions"] = regions
    units["_mml"] = mml
    units["_munis"] = munis
    return units


_UNITS = _build_units()


# --------------------------------------------------------------------------------------------
# Lines: one budget line (unit, programme, product, activity, function, profile) and its PIM
# --------------------------------------------------------------------------------------------

class _Line:
    __slots__ = ("unit", "prog", "tipo", "product", "activity", "func", "profile", "pim", "rate", "rate_sd",
                 "geo", "fuentes", "mprof", "meta_name")

    def __init__(self, unit, prog, product, activity, func, profile, pim, rate, geo, *, tipo="3", fuentes=None,
                 mprof=None, rate_sd=0.04, meta_name=None):
        self.unit, self.prog, self.tipo, self.product, self.activity = unit, prog, tipo, product, activity
        self.func, self.profile, self.pim, self.rate, self.rate_sd = _FUNC[func], profile, pim, rate, rate_sd
        self.geo = geo
        self.fuentes = fuentes or unit.level
        self.mprof, self.meta_name = mprof, meta_name


def _dept_places(dept: str) -> tuple[list[str], list[str]]:
    provs = _GEO[dept][2]
    return [p[1] for p in provs], [d[1] for p in provs for d in p[2]]


class _Projects:
    """Investment projects: stable codes, names, places and start years for a given seed."""

    def __init__(self, seed: int):
        self.seed = seed

    def pool(self, unit: _Unit, ptype: str, n: int, geo: list[tuple[str, float]] | None = None):
        out = []
        tnum = _PROJECT_TYPE_NUM[ptype]
        action_code, action_name, func, templates = _PROJECT_TYPES[ptype]
        for slot in range(n):
            rng = random.Random(f"{self.seed}:project:{unit.num}:{tnum}:{slot}")
            if geo:
                dept = rng.choices([d for d, _ in geo], [w for _, w in geo])[0]
            else:
                dept = unit.dept
            if unit.level == "M" and rng.random() < 0.7:
                p1, d = unit.fields[12], unit.fields[14]
            else:
                _pc, p1, dists = rng.choice(_GEO[dept][2])
                d = rng.choice(dists)[1]
            other = _DEPTS[(int(dept) + rng.randint(0, 3)) % 25]
            name = rng.choice(templates).format(
                p1=p1, p2=rng.choice(_dept_places(other)[0]), d=d,
                l1=rng.choice(_LOCALIDADES), l2=rng.choice(_LOCALIDADES), dep=DEPARTMENTS[dept],
                n=rng.randint(100, 99999), n2=("I", "II", "III", "IV")[rng.randint(0, 3)])
            base = unit.num * 120 + tnum * 10 + slot
            code = str(2_000_000 + (base * 7919) % 999_983)
            start = rng.randint(2004, 2011)
            dur = rng.randint(2, 5)
            weight = rng.lognormvariate(0, 0.8)
            out.append((code, name, dept, start, dur, weight, (action_code, action_name), func))
        return out

    def active(self, unit, ptype, year, count, n=None, geo=None):
        pool = self.pool(unit, ptype, n or max(count * 2, 3), geo)
        act = [p for p in pool if p[3] <= year < p[3] + p[4]]
        if not act:
            act = pool[:1]
        return act[:count]


def _add_projects(lines, projects, unit, prog, ptype, amount, year, rng, *, count, lo, hi, n=None,
                  geo=None, fuentes=None):
    """Split `amount` over `count` active projects of `unit`, each with its own execution rate."""
    chosen = projects.active(unit, ptype, year, count, n=n, geo=geo)
    total_w = sum(p[5] for p in chosen)
    for code, name, dept, _start, _dur, w, action, func in chosen:
        lines.append(_Line(unit, prog, (code, name), action, func, "proyecto", amount * w / total_w,
                           rng.uniform(lo, hi), [(dept, 1.0)], tipo="2", rate_sd=0.03, fuentes=fuentes,
                           meta_name=name))


def _region_split(amount: float) -> list[tuple[str, dict, float]]:
    regions = _UNITS["_regions"]
    ws = [_region_weight(dept) for dept, _ in regions]
    tot = sum(ws)
    return [(dept, ejecs, amount * w / tot) for (dept, ejecs), w in zip(regions, ws)]


def _muni_split(amount: float, poverty: bool = False, provincial_only: bool = False):
    munis = _UNITS["_munis"]
    out = []
    for u, w, is_prov in munis:
        if provincial_only and not is_prov:
            continue
        dep = _GEO[u.dept]
        ww = w * dep[0] * (0.5 + dep[1] if poverty else _CANON.get(u.dept, 1.0))
        out.append((u, ww))
    tot = sum(w for _, w in out)
    return [(u, amount * w / tot) for u, w in out]


def _ppr_components(prog: str):
    """(unit ref, product, activity, function, profile, share, geo, rate) of a strategic programme."""
    E = "E:"
    c = {
        "0001": [
            (E + "PRONAA", P["pan_alim"], A["pin_inf"], "alimentacion", "alimentario", .25, "poor", .92),
            (E + "PRONAA", P["pan_alim"], A["pin_esc"], "alimentacion", "alimentario", .10, "poor", .90),
            (E + "MINSA", P_COM, A["pan_mon"], "salud_plan", "admin", .02, "lima", .85),
            (E + "MINSA", P["pan_vac"], A["pan_vac"], "salud_colectiva", "vacunas", .11, "pop", .93),
            (E + "MINSA", P["pan_fam"], A["pan_cons"], "salud_colectiva", "servicio", .02, "poor", .80),
            (E + "SIS", P["pan_cred"], A["sis_pan"], "salud_basica", "transfer_gob", .04, "poor", .96),
            ("R:SALUD", P["pan_cred"], A["pan_cred"], "salud_basica", "salud_personal", .20, None, .90),
            ("R:SALUD", P["pan_cred"], A["pan_ira"], "salud_basica", "medico", .06, None, .88),
            ("R:SALUD", P["pan_vac"], A["pan_vac"], "salud_colectiva", "vacunas", .07, None, .90),
            ("R:SALUD", P["pan_hierro"], A["pan_hierro"], "salud_basica", "medico", .07, None, .85),
            ("R:SALUD", P["pan_fam"], A["pan_cons"], "salud_colectiva", "servicio", .04, None, .82),
            ("R:SALUD", P_COM, A["pan_mon"], "salud_plan", "admin", .02, None, .85)],
        "0002": [
            (E + "MINSA", P_COM, A["smn_mon"], "salud_plan", "admin", .02, "lima", .85),
            (E + "INMP", P["smn_parto"], A["smn_complicado"], "salud_esp", "salud_personal", .08, "lima", .93),
            (E + "MINSA", P["smn_pf"], A["smn_pf"], "salud_colectiva", "medico", .05, "poor", .90),
            (E + "SIS", P["smn_parto"], A["sis_smn"], "salud_basica", "transfer_gob", .30, "poor", .96),
            ("R:SALUD", P["smn_prenatal"], A["smn_prenatal"], "salud_basica", "salud_personal", .16, None, .90),
            ("R:SALUD", P["smn_parto"], A["smn_parto"], "salud_basica", "salud_personal", .18, None, .90),
            ("R:SALUD", P["smn_rn"], A["smn_rn"], "salud_basica", "medico", .10, None, .88),
            ("R:SALUD", P["smn_ssr"], A["smn_ssr"], "salud_colectiva", "servicio", .06, None, .80),
            ("R:SALUD", P["smn_pf"], A["smn_pf"], "salud_colectiva", "medico", .05, None, .85)],
        "0003": [
            (E + "PEBPT", P_COM, A["log_mon"], "educ_plan", "admin", .02, "lima", .80),
            (E + "PEBPT", P["log_mat"], A["log_mat"], "educ_primaria", "material_educativo", .12, "pop", .85),
            (E + "PEBPT", P["log_doc"], A["log_cap"], "educ_primaria", "servicio", .08, "poor", .78),
            (E + "DRELM", P["log_horas"], A["log_docentes"], "educ_primaria", "docente", .10, "lima", .97),
            ("R:EDUCACION", P["log_horas"], A["log_docentes"], "educ_primaria", "docente", .48, None, .97),
            ("R:EDUCACION", P["log_ini"], A["log_ini"], "educ_inicial", "docente", .10, None, .95),
            ("R:EDUCACION", P["log_doc"], A["log_cap"], "educ_primaria", "servicio", .05, None, .75),
            ("R:EDUCACION", P["log_horas"], A["log_mant"], "educ_primaria", "bienes", .05, None, .85)],
        "0004": [
            (E + "RENIEC", P_COM, A["id_mon"], "identidad", "admin", .10, "lima", .90),
            (E + "RENIEC", P["id_dni"], A["id_dni"], "identidad", "servicio", .50, "poor", .90),
            (E + "RENIEC", P["id_actas"], A["id_actas"], "identidad", "servicio", .40, "poor", .88)],
        "0005": [
            (E + "PVD", P_COM, A["acc_mon"], "planeamiento", "admin", .03, "lima", .85),
            (E + "PVD", P["acc_caminos"], A["acc_mant"], "vias_vec", "bienes", .25, "poor", .85),
            (E + "PVD", P["acc_caminos"], A["acc_rehab"], "vias_vec", "obra", .30, "poor", .75),
            ("R:TRANSPORTES", P["acc_caminos"], A["acc_mant"], "vias_vec", "bienes", .22, None, .80),
            ("M:", P["acc_caminos"], A["acc_mant"], "vias_vec", "bienes", .08, None, .70),
            (E + "AGRORURAL", P["acc_mercado"], A["acc_mercado"], "agro", "servicio", .12, "poor", .80)],
        "0006": [
            (E + "APT", P_COM, A["agua_mon"], "planeamiento", "admin", .03, "lima", .85),
            (E + "APT", P["agua"], A["agua_cap"], "saneamiento_r", "servicio", .05, "poor", .80),
            (E + "APT", "proj:agua_rural", None, None, None, .50, "poor", (.3, .95)),
            ("R:SEDE CENTRAL", "proj:agua_rural", None, None, None, .15, None, (.2, .95)),
            ("M:", "proj:agua_rural", None, None, None, .27, None, (.15, .9))],
        "0007": [
            (E + "FITEL", P_COM, A["tel_mon"], "telecom", "admin", .04, "lima", .85),
            (E + "FITEL", P["tel"], A["tel"], "telecom", "servicio", .06, "poor", .80),
            (E + "FITEL", "proj:telecom", None, None, None, .90, "poor", (.3, .95))],
        "0008": [
            (E + "DGER", P_COM, A["ene_mon"], "energia", "admin", .02, "lima", .85),
            (E + "DGER", P["ene"], A["ene"], "energia", "servicio", .04, "poor", .82),
            (E + "DGER", "proj:electrificacion", None, None, None, .74, "poor", (.35, .98)),
            ("R:SEDE CENTRAL", "proj:electrificacion", None, None, None, .20, None, (.2, .95))],
        "0009": [
            (E + "MINAM", P_COM, A["amb_mon"], "ambiente", "admin", .15, "lima", .80),
            (E + "MINAM", P["amb_cal"], A["amb_cal"], "ambiente", "servicio", .45, "pop", .78),
            ("M:", P["amb_res"], A["amb_res"], "limpieza", "bienes", .40, None, .72)],
        "0080": [
            (E + "PNCVFS", P_COM, A["vf_mon"], "proteccion", "admin", .10, "lima", .90),
            (E + "PNCVFS", P["vf_atencion"], A["cem"], "proteccion", "servicio", .70, "pop", .92),
            (E + "PNCVFS", P["vf_prev"], A["vf_prev"], "proteccion", "servicio", .20, "poor", .85)],
    }
    return c[prog]


def _prog(code: str) -> tuple[str, str]:
    return code, _PROGRAMMES[code]


def _build_lines(year: int, seed: int) -> list[_Line]:
    """Every budget line of a fiscal year with its PIM in soles (sums to the year's total)."""
    base_year, scale = _year_index(year)
    rng = random.Random(f"{seed}:{year}:lines")
    projects = _Projects(seed)
    M = 1e6 * scale
    total = _TOTAL_PIM_M[base_year] * M
    U = _UNITS
    lines: list[_Line] = []
    P9001, P9002 = _prog("9001"), _prog("9002")

    def e(key, prog, product, activity, func, profile, amount, rate, geo, **kw):
        lines.append(_Line(U[key], prog, product, activity, func, profile, amount, rate, _geo(geo), **kw))

    # ---- strategic programmes (PpR)
    ppr = _PPR_M[base_year]
    for code, amount_m in ppr.items():
        prog = _prog(code)
        amount = amount_m * M
        if code == "0005":                                  # Juntos is given in absolute terms
            j = _JUNTOS_M[base_year] * M
            if base_year == 2008:
                e("JUNTOS", prog, P["acc_juntos"], A["juntos"], "capacidades", "subvencion", 40 * M, .98,
                  "juntos", fuentes="RO", mprof="bimonthly", rate_sd=.006)
                amount -= 40 * M
            else:
                verif = 0.06 * j
                transf = 0.96 * j - verif
                e("JUNTOS", prog, P["acc_juntos"], A["juntos"], "capacidades", "subvencion", transf, .98, "juntos",
                  fuentes="RO", mprof="bimonthly", rate_sd=.006)
                e("JUNTOS", prog, P["acc_juntos"], A["juntos_verif"], "capacidades", "servicio", verif, .93,
                  "juntos", fuentes="RO", rate_sd=.01)
                amount -= transf + verif
        comps = _ppr_components(code)
        tot_share = sum(cmp[5] for cmp in comps)
        for ref, product, activity, func, profile, share, geo, rate in comps:
            amt = amount * share / tot_share
            if isinstance(product, str) and product.startswith("proj:"):
                ptype = product[5:]
                lo, hi = rate
                if ref.startswith("E:"):
                    _add_projects(lines, projects, U[ref[2:]], prog, ptype, amt, year, rng, count=14, n=30,
                                  lo=lo, hi=hi, geo=_geo(geo))
                elif ref.startswith("R:"):
                    for _dept, ejecs, a in _region_split(amt):
                        _add_projects(lines, projects, ejecs[ref[2:]], prog, ptype, a, year, rng, count=1, n=3,
                                      lo=lo, hi=hi)
                else:
                    for u, a in _muni_split(amt, poverty=True):
                        _add_projects(lines, projects, u, prog, ptype, a, year, rng, count=1, n=2, lo=lo, hi=hi)
                continue
            if ref.startswith("E:"):
                e(ref[2:], prog, product, activity, func, profile, amt, rate, geo)
            elif ref.startswith("R:"):
                for dept, ejecs, a in _region_split(amt):
                    lines.append(_Line(ejecs[ref[2:]], prog, product, activity, func, profile, a, rate,
                                       [(dept, 1.0)]))
            else:
                for u, a in _muni_split(amt, poverty=True):
                    lines.append(_Line(u, prog, product, activity, func, profile, a, rate, [(u.dept, 1.0)]))

    # ---- social programmes outside (or beside) PpR, absolute amounts (S/ million, by year)
    yi = DEMO_YEARS.index(base_year)

    def soc(key, prog, product, activity, func, profile, amounts, rate, geo, **kw):
        amt = amounts[yi] if isinstance(amounts, (tuple, list)) else amounts
        if amt:
            e(key, prog, product, activity, func, profile, amt * M, rate, geo, **kw)

    j = _JUNTOS_M[base_year]
    soc("JUNTOS", P9001, P_SIN, A["gestion"], "admin", "admin", 0.04 * j, .95, "lima", rate_sd=.01)
    if base_year == 2008:
        soc("JUNTOS", P9002, P_SIN, A["juntos"], "capacidades", "subvencion", 0.96 * j - 40 - 36, .98, "juntos",
            fuentes="RO", mprof="bimonthly", rate_sd=.006)
        soc("JUNTOS", P9002, P_SIN, A["juntos_verif"], "capacidades", "servicio", 36, .93, "juntos",
            fuentes="RO", rate_sd=.01)
    soc("PRONAA", P9002, P_SIN, A["comedores"], "alimentacion", "alimentario", (150, 155, 160, 165), .93, "poor")
    soc("PRONAA", P9001, P_SIN, A["gestion"], "admin", "admin", (30, 31, 32, 33), .90, "lima")
    soc("WAWAWASI", P9002, P_SIN, A["wawa_wasi"], "proteccion", "servicio", (80, 92, 105, 118), .92, "poor")
    soc("WAWAWASI", P9001, P_SIN, A["gestion"], "admin", "admin", 6, .92, "lima")
    soc("PNCVFS", P9002, P_SIN, A["cem"], "proteccion", "servicio", (22, 28, 34, 0), .90, "pop")
    soc("PNCVFS", P9002, P_SIN, A["vf_prev"], "proteccion", "servicio", (6, 8, 9, 0), .85, "poor")
    soc("PNCVFS", P9001, P_SIN, A["gestion"], "admin", "admin", (3, 3, 4, 4), .92, "lima")
    soc("INABIF", P9002, P_SIN, A["inabif"], "proteccion", "servicio", (55, 58, 62, 66), .92, "pop")
    soc("INABIF", P9002, P_SIN, A["inabif_am"], "proteccion", "servicio", (15, 17, 18, 19), .90, "pop")
    soc("INABIF", P9001, P_SIN, A["gestion"], "admin", "admin", 8, .92, "lima")
    soc("FONCODES", P9002, P_SIN, A["foncodes"], "capacidades", "obra", (450, 620, 500, 400), .72, "poor",
        rate_sd=.12)
    soc("FONCODES", P9001, P_SIN, A["gestion"], "admin", "admin", 25, .90, "lima")
    soc("MIMDES", P9001, P_SIN, A["conduccion"], "conduccion", "admin", 15, .90, "lima")
    soc("MIMDES", P9001, P_SIN, A["gestion"], "admin", "admin", 25, .90, "lima")
    soc("SIS", P9002, P_SIN, A["sis"], "salud_basica", "transfer_gob", (190, 230, 260, 300), .95, "poor")
    soc("SIS", P9001, P_SIN, A["gestion"], "admin", "admin", 10, .92, "lima")
    soc("CONSTRUYENDO", P9002, P_SIN, A["construyendo"], "trabajo", "empleo", (180, 300, 260, 150), .82, "poor",
        rate_sd=.08)
    soc("CONSTRUYENDO", P9001, P_SIN, A["gestion"], "admin", "admin", 8, .90, "lima")
    soc("PROJOVEN", P9002, P_SIN, A["projoven"], "trabajo", "servicio", (30, 32, 34, 36), .85, "pop")
    soc("REVALORA", P9002, P_SIN, A["revalora"], "trabajo", "servicio", (0, 25, 28, 30), .55, "pop", rate_sd=.1)
    soc("MTPE", P9001, P_SIN, A["gestion"], "admin", "admin", (40, 42, 44, 46), .90, "lima")
    soc("AGRORURAL", P9002, P_SIN, A["pronamachcs"], "recursos_nat", "servicio", (160, 170, 180, 190), .85, "poor")
    soc("AGRORURAL", P9002, P_SIN, A["marenass"], "recursos_nat", "servicio", (25, 27, 29, 31), .86, "sierra_sur")
    soc("AGRORURAL", P9002, P_SIN, A["agrorural"], "agro", "servicio", (40, 45, 50, 55), .80, "poor")
    soc("AGRORURAL", P9001, P_SIN, A["gestion"], "admin", "admin", 15, .90, "lima")
    soc("PRONAMA", P9002, P_SIN, A["pronama"], "educ_alternativa", "servicio", (110, 120, 90, 60), .83, "poor")
    soc("MVCS", P9002, P_SIN, A["techo_propio"], "vivienda", "subvencion", (220, 330, 380, 400), .88, "pop")
    soc("MVCS", P9002, P_SIN, A["mivivienda"], "vivienda", "financiero", (100, 150, 100, 100), 1.0, "lima",
        rate_sd=0.0)
    soc("RENIEC", P9002, P_SIN, A["dni"], "identidad", "servicio", (120, 125, 130, 135), .90, "pop")
    soc("RENIEC", P9001, P_SIN, A["gestion"], "admin", "admin", (30, 31, 32, 33), .90, "lima")

    def muni_lines(activity, func, profile, amount, rate, fuentes=None, provincial_only=False, prog=P9002):
        for u, a in _muni_split(amount, poverty=True, provincial_only=provincial_only):
            lines.append(_Line(u, prog, P_SIN, activity, func, profile, a, rate, [(u.dept, 1.0)], fuentes=fuentes))

    muni_lines(A["vaso_leche"], "alimentacion", "alimentario", 363 * M, .97, fuentes="RO")
    muni_lines(A["comedores"], "alimentacion", "alimentario", (70, 75, 80, 85)[yi] * M, .93, fuentes="RO",
               provincial_only=True)
    muni_lines(A["demuna"], "proteccion", "servicio", (12, 14, 16, 18)[yi] * M, .85)

    # ---- the rest of each level, by weights
    level_sum = {"E": 0.0, "R": 0.0, "M": 0.0}
    for ln in lines:
        level_sum[ln.unit.level] += ln.pim
    rem = {lv: _LEVEL_SHARE[lv] * total - level_sum[lv] for lv in level_sum}
    assert all(v > 0 for v in rem.values()), rem

    generic_e = [  # (unit, prog, activity, function, profile, weight, geo, rate)
        ("MEF_DEUDA", "9002", "deuda_ext", "deuda", "deuda_ext", 9.0, "lima", .985),
        ("MEF_DEUDA", "9002", "deuda_int", "deuda", "deuda_int", 6.0, "lima", .985),
        ("MEF", "9001", "gestion", "admin", "admin", .4, "lima", .90),
        ("MEF", "9001", "conduccion", "conduccion", "admin", .1, "lima", .90),
        ("ONP", "9002", "pens19990", "prevision", "pension19990", 4.5, "pop", .99),
        ("ONP", "9002", "pens20530", "prevision", "pension", 2.5, "pop", .99),
        ("ONP", "9001", "gestion", "admin", "admin", .2, "lima", .92),
        ("EJERCITO", "9002", "ejercito", "defensa", "militar", 4.5, "pop", .95),
        ("MARINA", "9002", "marina", "defensa", "militar", 2.2, "pop", .94),
        ("FAP", "9002", "fap", "defensa", "militar", 1.8, "pop", .93),
        ("MINDEF", "9001", "gestion", "admin", "admin", .5, "lima", .92),
        ("MINDEF", "9002", "previsional", "prevision", "pension", 1.5, "pop", .99),
        ("PNP", "9002", "patrullaje", "orden", "policial", 7.5, "pop", .95),
        ("PNP", "9002", "investigacion", "orden", "policial", 1.2, "pop", .93),
        ("MININTER", "9001", "gestion", "admin", "admin", .6, "lima", .90),
        ("MININTER", "9002", "previsional", "prevision", "pension", 2.0, "pop", .99),
        ("PVN", "9002", "conservacion_vial", "vias_nac", "bienes", 1.8, "pop", .85),
        ("MTC", "9001", "gestion", "admin", "admin", .4, "lima", .90),
        ("MINEDU", "9001", "gestion", "admin", "admin", .6, "lima", .90),
        ("DRELM", "9002", "secundaria", "educ_secundaria", "docente", 3.0, "lima", .97),
        ("UNMSM", "9002", "universitaria", "educ_superior", "docente", 1.0, "lima", .88),
        ("UNSAAC", "9002", "universitaria", "educ_superior", "docente", .35, "cusco", .84),
        ("MINSA", "9001", "gestion", "admin", "admin", .8, "lima", .90),
        ("MINSA", "9002", "vigilancia", "salud_colectiva", "medico", 1.0, "pop", .88),
        ("LOAYZA", "9002", "hospitalaria", "salud_esp", "salud_personal", .7, "lima", .95),
        ("DOSDEMAYO", "9002", "hospitalaria", "salud_esp", "salud_personal", .6, "lima", .95),
        ("INSN", "9002", "hospitalaria", "salud_esp", "salud_personal", .6, "lima", .95),
        ("DISA", "9002", "atencion_basica", "salud_basica", "salud_personal", .8, "lima", .94),
        ("PJ", "9002", "judicial", "justicia", "admin", 3.0, "pop", .93),
        ("MP", "9002", "fiscal", "fiscal", "admin", 1.8, "pop", .92),
        ("INPE", "9002", "inpe", "penitenciario", "servicio", .8, "pop", .92),
        ("CONGRESO", "9002", "legislativo", "legislativa", "admin", .9, "lima", .93),
        ("CONTRALORIA", "9002", "contraloria", "control", "admin", .6, "lima", .90),
        ("RREE", "9002", "diplomacia", "diplomacia", "admin", .9, "exterior", .95),
        ("RREE", "9001", "gestion", "admin", "admin", .3, "lima", .90),
        ("MINCETUR", "9002", "ocex", "comercio_ext", "admin", .05, "exterior", .90),
        ("MINCETUR", "9002", "exportaciones", "comercio_ext", "servicio", .15, "lima", .85),
        ("PRODUCE", "9002", "pesca", "pesca", "servicio", .5, "pop", .80),
        ("MINAG", "9001", "gestion", "admin", "admin", .3, "lima", .90),
        ("MINAG", "9002", "agraria", "agro", "servicio", .6, "pop", .82),
        ("MEM", "9001", "gestion", "energia_adm", "admin", .3, "lima", .88),
        ("MINAM", "9002", "gestion_amb", "ambiente", "servicio", .2, "lima", .80),
        ("MVCS", "9001", "gestion", "admin", "admin", .3, "lima", .88),
        ("PCM", "9001", "conduccion", "conduccion", "admin", .5, "lima", .90),
        ("INDECI", "9002", "desastres", "riesgo", "bienes", .4, "pop", .75),
    ]
    generic_e_projects = [  # (unit, project type, weight, count, pool, geo, rate range)
        ("PVN", "carretera_nac", 7.0, 16, 40, "pop", (.35, .98)),
        ("MINEDU", "escuela", 1.2, 12, 30, "poor", (.3, .95)),
        ("MINAG", "riego", 1.2, 10, 24, "poor", (.25, .95)),
        ("MVCS", "agua_urbana", 2.0, 12, 30, "pop", (.3, .95)),
    ]
    wsum = sum(g[5] for g in generic_e) + sum(g[2] for g in generic_e_projects)
    for key, prog, act, func, profile, w, geo, rate in generic_e:
        fuentes = "DEUDA" if profile.startswith("deuda") else None
        e(key, _prog(prog), P_SIN, A[act], func, profile, rem["E"] * w / wsum, rate, geo, fuentes=fuentes)
    for key, ptype, w, count, pool, geo, (lo, hi) in generic_e_projects:
        _add_projects(lines, projects, U[key], P9002, ptype, rem["E"] * w / wsum, year, rng, count=count, n=pool,
                      lo=lo, hi=hi, geo=_geo(geo))

    # regional governments
    generic_r = [  # (ejecutora, prog, activity, function, profile, share, rate)
        ("SEDE CENTRAL", "9001", "conduccion", "conduccion", "admin", .015, .90),
        ("SEDE CENTRAL", "9001", "gestion", "admin", "admin", .035, .90),
        ("SEDE CENTRAL", "9001", "planeamiento", "planeamiento", "admin", .006, .88),
        ("SEDE CENTRAL", "9002", "desastres", "riesgo", "bienes", .006, .70),
        ("EDUCACION", "9001", "gestion", "admin", "admin", .02, .95),
        ("EDUCACION", "9002", "primaria", "educ_primaria", "docente", .17, .97),
        ("EDUCACION", "9002", "secundaria", "educ_secundaria", "docente", .21, .97),
        ("EDUCACION", "9002", "inicial", "educ_inicial", "docente", .04, .96),
        ("EDUCACION", "9002", "previsional", "prevision", "pension", .07, .99),
        ("SALUD", "9001", "gestion", "admin", "admin", .015, .93),
        ("SALUD", "9002", "atencion_basica", "salud_basica", "salud_personal", .10, .93),
        ("SALUD", "9002", "hospitalaria", "salud_esp", "medico", .065, .90),
        ("SALUD", "9002", "previsional", "prevision", "pension", .012, .99),
        ("AGRICULTURA", "9001", "gestion", "admin", "admin", .007, .90),
        ("AGRICULTURA", "9002", "agraria", "agro", "servicio", .018, .82),
        ("TRANSPORTES", "9001", "gestion", "admin", "admin", .006, .90),
        ("TRANSPORTES", "9002", "caminos_dep", "vias_dep", "bienes", .02, .85),
    ]
    generic_r_projects = [  # (ejecutora, project type, share, count)
        ("SEDE CENTRAL", "carretera", .05, 1), ("SEDE CENTRAL", "agua_urbana", .04, 1),
        ("SEDE CENTRAL", "escuela", .035, 2), ("SEDE CENTRAL", "salud", .03, 1), ("SEDE CENTRAL", "riego", .015, 1),
        ("AGRICULTURA", "riego", .02, 1), ("TRANSPORTES", "carretera", .05, 2),
    ]
    rsum = sum(g[5] for g in generic_r) + sum(g[2] for g in generic_r_projects)
    mml_amount = rem["R"] * 0.006
    for dept, ejecs, amt in _region_split(rem["R"] - mml_amount):
        for ej, prog, act, func, profile, share, rate in generic_r:
            lines.append(_Line(ejecs[ej], _prog(prog), P_SIN, A[act], func, profile, amt * share / rsum, rate,
                               [(dept, 1.0)]))
        for ej, ptype, share, count in generic_r_projects:
            _add_projects(lines, projects, ejecs[ej], P9002, ptype, amt * share / rsum, year, rng, count=count,
                          n=count + 3, lo=.2, hi=.95)
    mml = U["_mml"]
    lines.append(_Line(mml, P9001, P_SIN, A["gestion"], "admin", "admin", mml_amount * .3, .85, [("15", 1.0)]))
    lines.append(_Line(mml, P9002, P_SIN, A["gobierno_mml"], "planeamiento", "servicio", mml_amount * .2, .7,
                       [("15", 1.0)]))
    _add_projects(lines, projects, mml, P9002, "pistas", mml_amount * .5, year, rng, count=2, n=4, lo=.2, hi=.8)

    # municipalities
    generic_m = [
        ("9001", "conduccion", "conduccion", "admin", .03, .93),
        ("9001", "gestion", "admin", "admin", .16, .90),
        ("9002", "limpieza", "limpieza", "bienes", .06, .88),
        ("9002", "serenazgo", "serenazgo", "servicio", .03, .87),
        ("9002", "parques", "parques", "bienes", .02, .85),
        ("9002", "previsional", "prevision", "pension", .02, .98),
    ]
    m_project_share = .68
    msum = sum(g[4] for g in generic_m) + m_project_share
    muni_types = ("pistas", "agua_urbana", "agua_rural", "camino_vecinal", "escuela", "salud", "riego")
    for u, amt in _muni_split(rem["M"]):
        for prog, act, func, profile, share, rate in generic_m:
            lines.append(_Line(u, _prog(prog), P_SIN, A[act], func, profile, amt * share / msum, rate,
                               [(u.dept, 1.0)]))
        mr = random.Random(f"{seed}:muni-types:{u.num}")
        types = mr.sample(muni_types, 3)
        ws = [mr.uniform(.5, 1.5) for _ in types]
        for t, w in zip(types, ws):
            _add_projects(lines, projects, u, P9002, t, amt * m_project_share / msum * w / sum(ws), year, rng,
                          count=mr.randint(1, 2), n=4, lo=.15, hi=.92)
    return lines


# --------------------------------------------------------------------------------------------
# Planning rows
# --------------------------------------------------------------------------------------------

def _split_int(total: int, weights: list[float]) -> list[int]:
    """Largest-remainder split of an integer by weights (exact sum, deterministic)."""
    n = len(weights)
    if n == 1:
        return [total]
    s = sum(weights)
    if s <= 0:
        weights, s = [1.0] * n, float(n)
    raw = [total * w / s for w in weights]
    out = [math.floor(r) for r in raw]
    short = total - sum(out)
    if short:
        order = sorted(range(n), key=lambda i: (out[i] - raw[i], i))
        for i in order[:short]:
            out[i] += 1
    return out


class _Leaf:
    __slots__ = ("fields", "months", "pia", "pim", "dev", "mprof", "gen")


class _Plan:
    def __init__(self, year: int, leaves: list[_Leaf]):
        self.year = year
        self.leaves = leaves

    @property
    def rows(self) -> int:
        return sum(1 + len(lf.months) for lf in self.leaves)


_META_SUFFIX = ("", " - SEDE", " - ZONA NORTE", " - ZONA SUR", " - ZONA CENTRO", " - AMBITO RURAL",
                " - AMBITO URBANO")


def _choose_months(mprof: str, rng: random.Random) -> list[int]:
    if mprof in ("personal", "pension", "deuda"):
        return list(range(1, 13))
    if mprof == "bimonthly":
        return [2, 4, 6, 8, 10, 12]
    if mprof == "proyecto":
        ms = [m for m in range(1, 12) if rng.random() < 0.25 + 0.05 * m] + [12]
        return ms
    if mprof == "lumpy":
        return sorted(rng.sample(range(1, 13), rng.randint(2, 4)))
    ms = [m for m in range(1, 12) if rng.random() < 0.85] + [12]
    if len(ms) < 3:
        ms = [3, 7, 12]
    return ms


def _leaf_count(cents: int, density: float, rng: random.Random) -> int:
    """How many (meta, especifica, fuente) rows a cell gets: grows slowly with its amount."""
    k = density * (max(cents / 100, 1e3) / 2e5) ** 0.3
    n = int(k)
    if rng.random() < k - n:
        n += 1
    return max(1, n)


_DENSITY = 0.4           # leaves per cell scale: about 48,000-55,000 rows per demo year


def _plan(year: int, seed: int, density: float = _DENSITY) -> _Plan:
    base_year, scale = _year_index(year)
    lines = _build_lines(year, seed)
    rng = random.Random(f"{seed}:{year}:plan:{density!r}")
    total_cents = round(_TOTAL_PIM_M[base_year] * 1e8 * scale)
    line_cents = _split_int(total_cents, [ln.pim for ln in lines])
    meta_seq: dict[str, int] = {}
    finalidad: dict[str, str] = {}
    fin_next = [10000]
    leaves: list[_Leaf] = []
    for ln, cents in zip(lines, line_cents):
        if cents <= 0:
            continue
        geo = ln.geo
        cells = _split_int(cents, [w for _, w in geo]) if len(geo) > 1 else [cents]
        unit = ln.unit
        entries = _PROFILES[ln.profile]
        fuentes = _FUENTE_MIX[ln.fuentes]
        ent_w = [ent[1] for ent in entries]
        prefix_a = unit.fields + ()
        prefix_prog = (ln.prog[0], ln.prog[1], ln.tipo, "PROYECTO" if ln.tipo == "2" else "ACTIVIDAD",
                       ln.product[0], ln.product[1], ln.activity[0], ln.activity[1]) + ln.func
        base_name = ln.meta_name or ln.activity[1]
        for (dept, _w), cell in zip(geo, cells):
            if cell <= 0:
                continue
            k = _leaf_count(cell, density, rng)
            # One or two fuentes per cell (weighted sampling without replacement), several
            # especificas under them; a repeated (especifica, fuente) goes to another meta.
            n_f = 1 if k < 3 or rng.random() < 0.6 or len(fuentes) == 1 else 2
            chosen_f = sorted(range(len(fuentes)), key=lambda i: -rng.random() ** (1.0 / fuentes[i][1]))[:n_f]
            seen: dict[tuple[int, int], int] = {}
            picks = []
            for i in range(k):
                fi = chosen_f[i % n_f]
                ei = rng.choices(range(len(entries)), ent_w)[0]
                mi = seen.get((ei, fi), 0)
                seen[(ei, fi)] = mi + 1
                picks.append(((entries[ei], fuentes[fi][0], entries[ei][1]), mi))
            metas = {}
            for _, mi in picks:
                if mi not in metas:
                    seq = meta_seq.get(unit.sec_ejec, 0) + 1
                    meta_seq[unit.sec_ejec] = seq
                    suffix = _META_SUFFIX[mi] if mi < len(_META_SUFFIX) else f" - META {mi + 1}"
                    name = base_name
                    if len(geo) > 1:
                        name = f"{name} - {DEPARTMENTS[dept]}"
                    name += suffix
                    fin = finalidad.get(name)
                    if fin is None:
                        fin_next[0] += rng.randint(1, 37)
                        fin = finalidad[name] = f"{fin_next[0]:07d}"
                    metas[mi] = (str(seq), f"{seq:05d}", fin, name)
            ws = [p[0][2] * rng.uniform(0.4, 1.6) for p in picks]
            amounts = _split_int(cell, ws)
            for (pair, mi), amt in zip(picks, amounts):
                if amt <= 0:
                    continue
                (cls, _ew, gen), fu, _pw = pair
                sec_func, meta, fin, meta_name = metas[mi]
                lf = _Leaf()
                lf.fields = (prefix_a + (sec_func,) + prefix_prog + (meta, fin, meta_name, dept, DEPARTMENTS[dept])
                             + fu + cls)
                lf.gen = gen
                lf.mprof = ln.mprof if (ln.mprof and gen == 5) else _GEN_MPROF[gen]
                lf.months = _choose_months(lf.mprof, rng)
                lf.pim = amt
                r = rng.random()
                if r < 0.07:
                    f = 0.0
                elif r < 0.10:
                    f = rng.uniform(1.05, 1.3)
                else:
                    f = rng.uniform(.8, 1.05) if unit.level != "M" else rng.uniform(.45, .95)
                lf.pia = round(amt * f)
                rate = min(1.0, max(0.0, rng.gauss(ln.rate, ln.rate_sd)))
                lf.dev = round(amt * rate)
                leaves.append(lf)
    return _Plan(year, leaves)


def _adjust_rows(plan: _Plan, target: int, seed: int) -> None:
    """Add or drop monthly rows until the plan has exactly `target` rows.

    Below the year's minimal structure (one MES_EJE = 0 row per leaf) whole leaves are dropped:
    such a small file keeps the format but no longer the calibrated totals.
    """
    rng = random.Random(f"{seed}:{plan.year}:adjust")
    diff = target - plan.rows
    leaves = plan.leaves
    order = list(range(len(leaves)))
    rng.shuffle(order)
    if diff > 0:
        for _ in range(12):
            for i in order:
                if diff == 0:
                    return
                lf = leaves[i]
                missing = [m for m in range(1, 13) if m not in lf.months]
                if missing:
                    lf.months = sorted(lf.months + [rng.choice(missing)])
                    diff -= 1
        return
    for _ in range(12):                     # drop monthly rows, keeping one per leaf
        for i in order:
            if diff == 0:
                return
            lf = leaves[i]
            if len(lf.months) > 1:
                drop = lf.months[rng.randrange(len(lf.months) - 1)]
                lf.months = [m for m in lf.months if m != drop]
                diff += 1
    for i in order:                         # then the last monthly row
        if diff == 0:
            return
        if leaves[i].months:
            leaves[i].months = []
            diff += 1
    if diff < 0:                            # then whole leaves
        dropped = set(order[:-diff])
        plan.leaves = [lf for i, lf in enumerate(leaves) if i not in dropped]


def _plan_rows(year: int, seed: int, target_rows: int | None) -> _Plan:
    plan = _plan(year, seed)
    if not target_rows:
        return plan
    target = int(target_rows)
    density = _DENSITY
    for _ in range(8):
        rows = plan.rows
        room = sum(12 - len(lf.months) for lf in plan.leaves)
        if rows <= target <= rows + room and target - rows <= 0.1 * target:
            break                           # a little short: add months
        if target < rows and (rows <= 1.08 * target or density <= 0.05):
            break                           # a little long (or as small as it gets): drop months
        density = max(0.05, density * target / rows * 0.97)
        plan = _plan(year, seed, density)
    _adjust_rows(plan, target, seed)
    return plan


# --------------------------------------------------------------------------------------------
# Amounts and writing
# --------------------------------------------------------------------------------------------

def _fmt(c: int) -> str:
    """Cents -> MEF amount text: "9544.43", "320", "-1875.4"."""
    if c == 0:
        return "0"
    sign = "-" if c < 0 else ""
    q, r = divmod(abs(c), 100)
    if r == 0:
        return f"{sign}{q}"
    if r % 10 == 0:
        return f"{sign}{q}.{r // 10}"
    return f"{sign}{q}.{r:02d}"


def _monthly_amounts(lf: _Leaf, rng: random.Random) -> list[tuple[int, int, int, int, int, int]]:
    """[(month, certificado, comprometido_anual, comprometido, devengado, girado)] in cents."""
    months = lf.months
    if not months:
        return []
    prof = _MONTH_W[lf.mprof]
    ws = [max(prof[m - 1], 0.01) * rng.uniform(0.6, 1.4) for m in months]
    dev = _split_int(lf.dev, ws)
    if len(months) >= 2 and lf.dev > 0 and rng.random() < 0.02:
        j = rng.randrange(1, len(months))
        rev = rng.randint(200, 20000) * 50
        dev[j - 1] += dev[j] + rev
        dev[j] = -rev
    out = []
    capital = lf.gen in (6, 7)
    for m, d in zip(months, dev):
        if d < 0:
            out.append((m, d, d, d, d, d))
            continue
        comp = d + round(d * rng.uniform(0, 0.05))
        anual = comp + round(comp * rng.uniform(0, 0.25 if capital else 0.08))
        cert = anual + round(anual * rng.uniform(0, 0.15 if capital else 0.05))
        gir = d - round(d * (rng.uniform(0.05, 0.3) if m == 12 else rng.uniform(0, 0.08)))
        if d == 0 and capital and rng.random() < 0.3:
            anual = round(lf.pim * rng.uniform(0.01, 0.1))
            cert = anual + round(anual * rng.uniform(0, 0.2))
        out.append((m, cert, anual, comp, d, gir))
    return out


def _open_csv(path: Path):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return open(path, "w", encoding="utf-8", newline="")


_CHUNK_ROWS = 8192           # rows per write: bounds the memory of the writers


class _Quoter:
    """csv.writer(QUOTE_ALL) output of a list of fields, as one string without line end."""

    def __init__(self):
        self.buf = io.StringIO()
        self.writer = csv.writer(self.buf, quoting=csv.QUOTE_ALL, lineterminator="")

    def __call__(self, fields) -> str:
        self.buf.seek(0)
        self.buf.truncate()
        self.writer.writerow(fields)
        return self.buf.getvalue()


def write_year(path: Path, year: int, *, seed: int = 2010, target_rows: int | None = None) -> int:
    """Write one fiscal year's file; return data rows written."""
    plan = _plan_rows(year, seed, target_rows)
    rng = random.Random(f"{seed}:{year}:amounts")
    quote = _Quoter()
    ym = [f'"{year}","{m}",' for m in range(13)]
    n = 0
    with _open_csv(path) as f:
        f.write(quote(GASTO_COLUMNS) + "\n")
        out: list[str] = []
        for lf in plan.leaves:
            body = quote(lf.fields)
            out.append(f'{ym[0]}{body},"{_fmt(lf.pia)}","{_fmt(lf.pim)}","0","0","0","0","0"\n')
            for m, cert, anual, comp, dev, gir in _monthly_amounts(lf, rng):
                out.append(f'{ym[m]}{body},"0","0","{_fmt(cert)}","{_fmt(anual)}","{_fmt(comp)}",'
                           f'"{_fmt(dev)}","{_fmt(gir)}"\n')
            if len(out) >= _CHUNK_ROWS:
                n += len(out)
                f.writelines(out)
                out.clear()
        n += len(out)
        f.writelines(out)
    return n


def write_demo_files(out_dir: Path, years=DEMO_YEARS, *, seed: int = 2010) -> list[Path]:
    """Files named f"DEMO-{year}-Gasto.csv" (write_year per year)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for year in years:
        p = out_dir / f"DEMO-{year}-Gasto.csv"
        write_year(p, year, seed=seed)
        paths.append(p)
    return paths


def write_benchmark_file(path: Path, rows: int, *, year: int = 2011, seed: int = 7) -> int:
    """A large file (millions of rows) for benchmarks, same format, streamed to disk in chunks.

    The line structure (units, programmes, metas, clasificador, months) is one demo year's;
    it is repeated with new META/SEC_FUNC numbers until `rows` data rows are written. Amounts
    come from pre-formatted pools: the content is not calibrated. Memory stays bounded (one
    plan of a demo year plus one chunk of rows), whatever `rows` is.
    """
    rows = int(rows)
    plan = _plan(year, seed)
    rng = random.Random(f"{seed}:{year}:benchmark")
    quote = _Quoter()
    # Each leaf as three pre-quoted pieces around SEC_FUNC (column 17) and META (column 32).
    heads = []
    for lf in plan.leaves:
        fl = lf.fields                       # columns 2..55
        heads.append((quote(fl[0:15]) + ',"', '",' + quote(fl[16:30]) + ',"',
                      '",' + quote(fl[31:54]) + ",", int(fl[15])))
    ys = str(year)
    ym = [f'"{ys}","{m}",' for m in range(13)]
    pool0 = []
    for _ in range(1024):
        pim = round(rng.lognormvariate(11, 2.2) * 100)
        pia = 0 if rng.random() < .07 else round(pim * rng.uniform(.7, 1.1))
        pool0.append(f'"{_fmt(pia)}","{_fmt(pim)}","0","0","0","0","0"\n')
    pool_m = []
    for _ in range(4096):
        d = round(rng.lognormvariate(9, 2.0) * 100)
        if rng.random() < 0.01:
            d = -rng.randint(200, 20000) * 50
            c = a = p = g = d
        else:
            p = d + round(d * rng.uniform(0, .05))
            a = p + round(p * rng.uniform(0, .1))
            c = a + round(a * rng.uniform(0, .05))
            g = d - round(d * rng.uniform(0, .1))
        pool_m.append(f'"0","0","{_fmt(c)}","{_fmt(a)}","{_fmt(p)}","{_fmt(d)}","{_fmt(g)}"\n')
    i0 = im = 0
    written = 0
    rep = 0
    with _open_csv(path) as f:
        f.write(quote(GASTO_COLUMNS) + "\n")
        chunk: list[str] = []
        while written + len(chunk) < rows:
            for (h1, h2, h3, seq), months in zip(heads, (lf.months for lf in plan.leaves)):
                n = (seq + rep * 997) % 99999 + 1
                row0 = h1 + str(n) + h2 + f"{n:05d}" + h3
                i0 = (i0 + 1) & 1023
                chunk.append(ym[0] + row0 + pool0[i0])
                for m in months:
                    im = (im + 7) & 4095
                    chunk.append(ym[m] + row0 + pool_m[im])
                if len(chunk) >= _CHUNK_ROWS:
                    take = min(len(chunk), rows - written)
                    f.writelines(chunk[:take] if take < len(chunk) else chunk)
                    written += take
                    chunk.clear()
                    if written >= rows:
                        break
            rep += 1
        if chunk and written < rows:
            take = min(len(chunk), rows - written)
            f.writelines(chunk[:take])
            written += take
    return written
