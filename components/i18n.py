"""Every user-facing string, Spanish first, English beside it: one table, one lookup.

Officials read Spanish; UN Women staff and visitors often want English. Keeping both in one
dict makes a missing translation visible in review and in tests (every key has both).
"""
from __future__ import annotations

LANGS = ("es", "en")
DEFAULT_LANG = "es"

TEXT: dict[str, dict[str, str]] = {
    # shell
    "app.title": {"es": "Presupuesto sensible al género · Perú",
                  "en": "Gender-sensitive budgeting · Peru"},
    "app.subtitle": {"es": "Ejecución del gasto público (MEF, SIAF)",
                     "en": "Public spending execution (MEF, SIAF)"},
    "nav.overview": {"es": "Resumen", "en": "Overview"},
    "nav.programmes": {"es": "Programas", "en": "Programmes"},
    "nav.regions": {"es": "Regiones", "en": "Regions"},
    "nav.data": {"es": "Datos y fuentes", "en": "Data & sources"},
    "nav.language": {"es": "Idioma", "en": "Language"},
    "banner.demo": {"es": "Datos de demostración: generados, no son cifras oficiales del MEF",
                    "en": "Demonstration data: generated, not official MEF figures"},
    "missing.title": {"es": "Todavía no hay datos cargados", "en": "No data loaded yet"},
    "missing.body": {"es": "Construya el almacén de demostración, o cargue archivos reales del MEF, "
                           "y vuelva a abrir esta página:",
                     "en": "Build the demonstration store, or load real MEF files, then reload this page:"},
    "empty": {"es": "No hay datos para esta selección.", "en": "No data for this selection."},
    "empty.pim": {"es": "No hay PIM para esta selección: el avance % no se puede calcular.",
                  "en": "No PIM for this selection: avance % cannot be computed."},
    # filters
    "filter.year": {"es": "Año fiscal", "en": "Fiscal year"},
    "filter.level": {"es": "Nivel de gobierno", "en": "Level of government"},
    "filter.programme": {"es": "Programa presupuestal", "en": "Budget programme"},
    "filter.metric": {"es": "Indicador del mapa", "en": "Map indicator"},
    "level.all": {"es": "Todos", "en": "All"},
    "level.E": {"es": "Gobierno nacional", "en": "National government"},
    "level.R": {"es": "Gobiernos regionales", "en": "Regional governments"},
    "level.M": {"es": "Gobiernos locales", "en": "Local governments"},
    "programme.all": {"es": "Todos los programas", "en": "All programmes"},
    # amounts and measures
    "pia": {"es": "PIA", "en": "PIA (opening budget)"},
    "pim": {"es": "PIM", "en": "PIM (modified budget)"},
    "devengado": {"es": "Devengado", "en": "Devengado (accrued)"},
    "avance": {"es": "Avance %", "en": "Execution %"},
    "ppr_share": {"es": "PIM en programas PpR", "en": "PIM in PpR programmes"},
    "units.millions": {"es": "S/ millones, nominal", "en": "S/ millions, nominal"},
    "units.pct_pim": {"es": "% del PIM", "en": "% of PIM"},
    "kpi.pia.note": {"es": "Presupuesto institucional de apertura", "en": "Opening budget"},
    "kpi.pim.note": {"es": "Presupuesto institucional modificado", "en": "Budget after modifications"},
    "kpi.devengado.note": {"es": "Gasto ejecutado (devengado)", "en": "Executed (accrued) spending"},
    "kpi.avance.note": {"es": "Devengado / PIM", "en": "Devengado / PIM"},
    "kpi.ppr.note": {"es": "Programas estratégicos / presupuestales (sin 9001, 9002…)",
                     "en": "Strategic / budget programmes (excl. 9001, 9002…)"},
    "cumulative": {"es": "Devengado acumulado", "en": "Cumulative devengado"},
    "monthly": {"es": "Devengado del mes", "en": "Devengado in the month"},
    "months": {"es": "Ene,Feb,Mar,Abr,May,Jun,Jul,Ago,Set,Oct,Nov,Dic",
               "en": "Jan,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct,Nov,Dec"},
    # sources
    "source.mef": {"es": "Fuente: MEF, Consulta de ejecución del gasto (SIAF), carga {loads}",
                   "en": "Source: MEF, spending execution query (SIAF), load {loads}"},
    "source.demo": {"es": "Fuente: datos de demostración (generados, no oficiales), carga {loads}",
                    "en": "Source: demonstration data (generated, not official), load {loads}"},
    "credit.ne": {"es": "Mapa: Made with Natural Earth (dominio público)",
                  "en": "Map: Made with Natural Earth (public domain)"},
    # overview
    "overview.title": {"es": "Resumen del presupuesto", "en": "Budget overview"},
    "overview.intro": {"es": "Cuánto se asignó (PIA, PIM) y cuánto se ejecutó (devengado), por nivel de "
                             "gobierno y por mes.",
                       "en": "How much was allocated (PIA, PIM) and how much was executed (devengado), "
                             "by level of government and by month."},
    "overview.by_level": {"es": "PIM y devengado por nivel de gobierno", "en": "PIM and devengado by level of government"},
    "overview.monthly": {"es": "Ejecución mensual: devengado acumulado frente al PIM",
                         "en": "Monthly execution: cumulative devengado against PIM"},
    "overview.top": {"es": "Programas con mayor PIM", "en": "Programmes with the largest PIM"},
    # programmes
    "programmes.title": {"es": "Programas presupuestales", "en": "Budget programmes"},
    "programmes.intro": {"es": "Haga clic en una barra, o elija en la lista, para bajar de programa a "
                               "producto/proyecto, actividad y unidad ejecutora.",
                         "en": "Click a bar, or pick from the list, to drill down from programme to "
                               "product/project, activity and executing unit."},
    "programmes.pick": {"es": "Bajar a…", "en": "Drill into…"},
    "programmes.bottom": {"es": "Último nivel: unidades ejecutoras.", "en": "Last level: executing units."},
    "programmes.all": {"es": "Todos los programas", "en": "All programmes"},
    "programmes.top": {"es": "los {n} mayores de {total}", "en": "largest {n} of {total}"},
    "programmes.breadcrumb": {"es": "Nivel del detalle", "en": "Drill-down level"},
    "drill.programa": {"es": "Programa", "en": "Programme"},
    "drill.producto": {"es": "Producto / proyecto", "en": "Product / project"},
    "drill.actividad": {"es": "Actividad / acción / obra", "en": "Activity / action / work"},
    "drill.ejecutora": {"es": "Unidad ejecutora", "en": "Executing unit"},
    "drill.chart": {"es": "PIM y devengado por {level}", "en": "PIM and devengado by {level}"},
    "col.key": {"es": "Código", "en": "Code"},
    "col.pia": {"es": "PIA", "en": "PIA"},
    "col.pim": {"es": "PIM", "en": "PIM"},
    "col.devengado": {"es": "Devengado", "en": "Devengado"},
    "col.avance": {"es": "Avance %", "en": "Exec. %"},
    "col.name": {"es": "Nombre", "en": "Name"},
    # regions
    "regions.title": {"es": "Regiones", "en": "Regions"},
    "regions.intro": {"es": "Dónde llega el gasto (departamento de la meta). Exterior (98) está en la "
                            "tabla y en los totales, no en el mapa.",
                      "en": "Where the spending lands (department of the meta). Abroad (98) is in the "
                            "table and the totals, not on the map."},
    "regions.map": {"es": "{metric} por departamento", "en": "{metric} by department"},
    "regions.total": {"es": "Total", "en": "Total"},
    "col.department": {"es": "Departamento", "en": "Department"},
    # data
    "data.title": {"es": "Datos y fuentes", "en": "Data & sources"},
    "data.history": {"es": "Historial de cargas", "en": "Load history"},
    "data.no_loads": {"es": "Todavía no hay cargas.", "en": "No loads yet."},
    "data.what": {"es": "Qué son estos datos", "en": "What these data are"},
    "data.what.body": {
        "es": "Datos abiertos del Ministerio de Economía y Finanzas (MEF): «Presupuesto y Ejecución de "
              "Gasto», extraídos del SIAF, los mismos que muestra la Consulta Amigable. Montos en soles "
              "corrientes (nominales), sin ajuste por inflación.",
        "en": "Open data from Peru's Ministry of Economy and Finance (MEF): \"Presupuesto y Ejecución de "
              "Gasto\", taken from SIAF, the same figures MEF's Consulta Amigable shows. Amounts in "
              "current (nominal) soles, not adjusted for inflation."},
    "data.grain": {"es": "Granularidad", "en": "Grain"},
    "data.grain.body": {
        "es": "Una fila por año fiscal × mes × nivel de gobierno × sector × pliego × unidad ejecutora × "
              "programa × producto/proyecto × actividad × función/división/grupo × departamento de la "
              "meta × fuente × genérica. La meta y el clasificador por debajo de la genérica se suman.",
        "en": "One row per fiscal year × month × level of government × sector × pliego × executing unit "
              "× programme × product/project × activity × function/division/group × department of the "
              "meta × funding source × genérica. The meta and the classifier below genérica are summed."},
    "data.definitions": {"es": "Definiciones", "en": "Definitions"},
    "def.pia": {"es": "PIA: Presupuesto Institucional de Apertura, el presupuesto aprobado al inicio del año.",
                "en": "PIA: opening institutional budget, approved at the start of the year."},
    "def.pim": {"es": "PIM: Presupuesto Institucional Modificado, el PIA con las modificaciones del año.",
                "en": "PIM: modified institutional budget, the PIA with the year's changes."},
    "def.devengado": {"es": "Devengado: gasto reconocido como obligación de pago (gasto ejecutado).",
                      "en": "Devengado: spending recognised as an obligation to pay (executed spending)."},
    "def.avance": {"es": "Avance %: devengado ÷ PIM, sumando todos los meses del año.",
                   "en": "Execution % (avance): devengado ÷ PIM, summed over all months of the year."},
    "def.ppr": {"es": "PpR: Presupuesto por Resultados. Programas estratégicos (2008-2011) y programas "
                      "presupuestales; 9001 Acciones centrales y 9002 Asignaciones que no resultan en "
                      "productos no son programas.",
                "en": "PpR: results-based budgeting. Strategic programmes (2008-2011) and budget programmes; "
                      "9001 central actions and 9002 allocations without products are not programmes."},
    "data.howto": {"es": "Cómo cargar archivos reales", "en": "How to load real files"},
    "data.howto.body": {
        "es": "Descargue los CSV «Presupuesto y Ejecución de Gasto» del portal de datos abiertos del MEF "
              "(o exportaciones de la Consulta Amigable) y cárguelos con:",
        "en": "Download the \"Presupuesto y Ejecución de Gasto\" CSVs from MEF's open-data portal "
              "(or Consulta Amigable exports) and load them with:"},
    "data.howto.after": {
        "es": "Cada carga se valida, se publica de una vez y queda en el historial; un archivo nuevo del "
              "mismo año reemplaza al anterior. El tablero ve el almacén nuevo sin reiniciarse.",
        "en": "Each load is validated, published at once and recorded in the history; a newer file for "
              "the same year replaces the older one. The dashboard sees the new store without a restart."},
    "col.id": {"es": "Carga", "en": "Load"},
    "col.file": {"es": "Archivo", "en": "File"},
    "col.format": {"es": "Formato", "en": "Format"},
    "col.years": {"es": "Años", "en": "Years"},
    "col.read": {"es": "Filas leídas", "en": "Rows read"},
    "col.loaded": {"es": "Cargadas", "en": "Loaded"},
    "col.rejected": {"es": "Rechazadas", "en": "Rejected"},
    "col.status": {"es": "Estado", "en": "Status"},
    "col.sha": {"es": "SHA-256 (inicio)", "en": "SHA-256 (prefix)"},
    "col.started": {"es": "Inicio (UTC)", "en": "Started (UTC)"},
    "col.finished": {"es": "Fin (UTC)", "en": "Finished (UTC)"},
    "col.demo": {"es": "Demostración", "en": "Demonstration"},
    "col.message": {"es": "Mensaje", "en": "Message"},
    "yes": {"es": "sí", "en": "yes"},
    "no": {"es": "no", "en": "no"},
}


def t(key: str, lang: str | None = DEFAULT_LANG, **fmt) -> str:
    """The text for `key` in `lang` (Spanish when the language is unknown)."""
    entry = TEXT[key]
    text = entry.get(lang or DEFAULT_LANG) or entry[DEFAULT_LANG]
    return text.format(**fmt) if fmt else text
