"""Every user-facing string, Spanish first, English beside it: one table, one lookup.

Officials read Spanish; UN Women staff and visitors often want English. Keeping both in one
dict makes a missing translation visible in review and in tests (every key has both).
"""
from __future__ import annotations

from domain.codes import DEFAULT_LANG, LANGS, LEVEL_LABELS, REAL_BASE_YEAR
from domain.gender import CATEGORIES, DEFINITIONS, LIO_LABELS, MARKERS, UNREVIEWED

TEXT: dict[str, dict[str, str]] = {
    # shell
    "app.title": {"es": "Presupuesto sensible al género · Perú",
                  "en": "Gender-sensitive budgeting · Peru"},
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
    "outdated.title": {"es": "El almacén de datos necesita una actualización",
                       "en": "The data store needs an upgrade"},
    "outdated.body": {"es": "Lo creó una versión anterior de este programa (esquema {found}; esta versión usa el "
                            "{wanted}). Actualícelo, sin perder datos, y vuelva a abrir esta página:",
                      "en": "It was made by an older version of this software (schema {found}; this version uses "
                            "{wanted}). Upgrade it, nothing is lost, then reload this page:"},
    "newer.body": {"es": "Lo creó una versión más reciente de este programa (esquema {found}; esta versión solo "
                         "conoce hasta el {wanted}). Actualice el programa (git pull) en lugar de usar una versión "
                         "anterior con este almacén.",
                   "en": "It was made by a newer version of this software (schema {found}; this version knows "
                         "up to {wanted}). Update the software (git pull) instead of using an older version on "
                         "this store."},
    "empty": {"es": "No hay datos para esta selección.", "en": "No data for this selection."},
    "empty.pim": {"es": "No hay PIM para esta selección: el avance % no se puede calcular.",
                  "en": "No PIM for this selection: avance % cannot be computed."},
    # filters
    "filter.year": {"es": "Año fiscal", "en": "Fiscal year"},
    "filter.level": {"es": "Nivel de gobierno", "en": "Level of government"},
    "filter.programme": {"es": "Programa presupuestal", "en": "Budget programme"},
    "filter.metric": {"es": "Indicador del mapa", "en": "Map indicator"},
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
    "source.mef": {"es": "Fuente: MEF, datos abiertos de ejecución del gasto (SIAF); archivo {loads}",
                   "en": "Source: MEF, spending execution open data (SIAF); file {loads}"},
    "source.demo": {"es": "Fuente: datos de demostración (generados, no oficiales); archivo {loads}",
                    "en": "Source: demonstration data (generated, not official); file {loads}"},
    "source.loaded_on": {"es": "cargado el {date}", "en": "loaded on {date}"},
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
    "status.loaded": {"es": "cargada", "en": "loaded"},
    "status.replaced": {"es": "reemplazada", "en": "replaced"},
    "format.mef_gasto": {"es": "MEF Gasto (CSV)", "en": "MEF Gasto (CSV)"},
    "format.consulta_amigable": {"es": "Consulta Amigable", "en": "Consulta Amigable"},
    "format.department_list": {"es": "lista de departamentos", "en": "department list"},
    "format.network": {"es": "red de protección social", "en": "social protection network"},
    "format.coverage": {"es": "tabla de cobertura", "en": "coverage table"},
    "format.reference": {"es": "datos de referencia", "en": "reference data"},
    "col.sha": {"es": "SHA-256 (inicio)", "en": "SHA-256 (prefix)"},
    "col.started": {"es": "Inicio (UTC)", "en": "Started (UTC)"},
    "col.finished": {"es": "Fin (UTC)", "en": "Finished (UTC)"},
    "col.demo": {"es": "Demostración", "en": "Demonstration"},
    "col.message": {"es": "Mensaje", "en": "Message"},
    "yes": {"es": "sí", "en": "yes"},
    "no": {"es": "no", "en": "no"},
    # social protection network (pages/network.py)
    "nav.network": {"es": "Protección social", "en": "Social protection"},
    "red.title": {"es": "Red de protección social", "en": "Social protection network"},
    "red.intro": {
        "es": "Los programas de la red según el estudio de caso de ODI (2010), con su cobertura tal como la "
              "imprime el informe y, al lado, el dinero que el MEF registra para ellos en el año fiscal elegido.",
        "en": "The network's programmes as the ODI case study (2010) describes them, with their coverage as the "
              "report prints it and, beside it, the money MEF records for them in the chosen fiscal year."},
    "red.filter.category": {"es": "Categoría (Devereux y Sabates-Wheeler)",
                            "en": "Category (Devereux & Sabates-Wheeler)"},
    "red.filter.programme": {"es": "Programa de la red", "en": "Network programme"},
    "red.pick": {"es": "Elija un programa…", "en": "Pick a programme…"},
    "red.category.all": {"es": "Todas las categorías", "en": "All categories"},
    "red.table.title": {"es": "Los programas de la red", "en": "The network's programmes"},
    "red.table.hint": {"es": "Ordenados por categoría. Haga clic en una fila para ver la ficha del programa, su "
                             "cobertura y su dinero; escriba en la fila bajo los títulos para filtrar.",
                       "en": "Sorted by category. Click a row to see the programme's record, coverage and money; "
                             "type in the row under the headers to filter."},
    "red.table.empty": {"es": "Ningún programa en esta categoría.", "en": "No programme in this category."},
    "red.source.table": {
        "es": "Fuente: Vargas Valente (2010), ODI, Tabla 1 y Apéndice 1. Textos: paráfrasis del proyecto; "
              "cifras tal como las imprime el informe.",
        "en": "Source: Vargas Valente (2010), ODI, Table 1 and Appendix 1. Texts: the project's paraphrase; "
              "figures exactly as the report prints them."},
    "source.odi": {"es": "Fuente: Vargas Valente (2010), ODI, {section}",
                   "en": "Source: Vargas Valente (2010), ODI, {section}"},
    "report.section": {"es": "sección {number}", "en": "section {number}"},
    "source.denominators": {"es": "Población: INEI; IPC Lima y tipo de cambio: BCRP",
                            "en": "Population: INEI; Lima CPI and exchange rate: BCRP"},
    "red.none": {"es": "Elija un programa en la lista de arriba, o haga clic en una fila de la tabla, para ver su "
                       "ficha, su cobertura y su presupuesto del año fiscal elegido.",
                 "en": "Pick a programme in the list above, or click a row of the table, to see its record, its "
                       "coverage and its budget for the chosen fiscal year."},
    "red.unknown": {"es": "No hay un programa «{id}» en la red cargada: elija uno de la lista.",
                    "en": "There is no programme \"{id}\" in the loaded network: pick one from the list."},
    "red.missing": {"es": "La red de protección social todavía no está cargada en el almacén. Cárguela (con la "
                          "población, el IPC y el tipo de cambio) con:",
                    "en": "The social protection network is not loaded in the store yet. Load it (with population, "
                          "CPI and exchange rates) with:"},
    "red.categories": {"es": "Las cuatro categorías", "en": "The four categories"},
    "red.objectives": {"es": "Objetivos", "en": "Objectives"},
    "red.gender_objectives": {"es": "Objetivos de género", "en": "Gender objectives"},
    "red.targeting": {"es": "Focalización", "en": "Targeting"},
    "red.target_population": {"es": "Población objetivo", "en": "Target population"},
    "red.gender_design": {"es": "Diseño de género", "en": "Gender design"},
    "red.linkages": {"es": "Vínculos con otros servicios", "en": "Linkages with other services"},
    "red.results": {"es": "Resultados", "en": "Results"},
    "red.not_given": {"es": "El informe no lo indica.", "en": "Not given in the report."},
    "red.institution": {"es": "Institución", "en": "Institution"},
    "red.start_year": {"es": "Inicio", "en": "Started"},
    "red.share2009.label": {"es": "Presupuesto social", "en": "Social budget"},
    "red.share2009": {"es": "{pct} del presupuesto de programas sociales (Apéndice 1; la mayoría de las celdas cita "
                            "datos del MIMDES de 2009)",
                      "en": "{pct} of the social-programme budget (Appendix 1; most cells cite MIMDES 2009 data)"},
    "red.record": {"es": "Ficha del programa", "en": "Programme record"},
    "red.coverage.title": {"es": "Cobertura tal como la imprime el informe", "en": "Coverage as the report prints it"},
    "red.coverage.none": {"es": "El informe no da cifras de cobertura para este programa.",
                          "en": "The report gives no coverage figures for this programme."},
    "red.coverage.loaded": {"es": "Tabla de cobertura cargada (la que mantienen los funcionarios)",
                            "en": "Loaded coverage table (the one officials maintain)"},
    "red.coverage.loaded.none": {"es": "No hay filas de cobertura cargadas para este programa.",
                                 "en": "No coverage rows loaded for this programme."},
    "red.flag.contradicts": {"es": "contradice {section}", "en": "contradicts {section}"},
    "red.flag.target": {"es": "meta, no cobertura lograda", "en": "target, not achieved coverage"},
    "red.flag.words": {"es": "solo en palabras", "en": "in words only"},
    "col.printed": {"es": "Texto impreso", "en": "As printed"},
    "col.value": {"es": "Cifra", "en": "Figure"},
    "col.unit": {"es": "Unidad", "en": "Unit"},
    "col.sex": {"es": "Sexo", "en": "Sex"},
    "col.date": {"es": "Fecha", "en": "Date"},
    "col.section": {"es": "Sección", "en": "Section"},
    "col.note": {"es": "Nota", "en": "Note"},
    "col.flag": {"es": "Aviso", "en": "Flag"},
    "col.source": {"es": "Fuente", "en": "Source"},
    "col.category": {"es": "Categoría", "en": "Category"},
    "col.acronym": {"es": "Sigla", "en": "Acronym"},
    "col.institution": {"es": "Institución", "en": "Institution"},
    "col.target": {"es": "Población objetivo", "en": "Target population"},
    "col.coverage_printed": {"es": "Cobertura (tal como se imprime)", "en": "Coverage (as printed)"},
    "col.share2009": {"es": "% presup. social 2009", "en": "% social budget 2009"},
    "col.what": {"es": "Qué", "en": "What"},
    "col.year": {"es": "Año", "en": "Year"},
    "col.currency": {"es": "Moneda", "en": "Currency"},
    "col.soles_equiv": {"es": "≈ S/ millones (T. C. del año)", "en": "≈ S/ millions (year's rate)"},
    "col.link": {"es": "Vínculo", "en": "Link"},
    "col.successor": {"es": "¿Sucesor?", "en": "Successor?"},
    "col.beneficiaries": {"es": "Cobertura", "en": "Coverage"},
    "col.cost": {"es": "S/ por unidad", "en": "S/ per unit"},
    "col.population.habitante": {"es": "Población (INEI)", "en": "Population (INEI)"},
    "col.population.mujer": {"es": "Mujeres (INEI)", "en": "Women (INEI)"},
    "sex.F": {"es": "Mujeres", "en": "Women"},
    "sex.M": {"es": "Hombres", "en": "Men"},
    "sex.T": {"es": "Total", "en": "Total"},
    "red.contradictions.title": {"es": "El informe se contradice", "en": "The report contradicts itself"},
    "red.contradictions.body": {"es": "Se muestran ambas cifras con su sección; el tablero no elige ninguna.",
                                "en": "Both figures are shown with their sections; the dashboard picks neither."},
    "red.budget_printed.title": {"es": "Presupuesto tal como lo imprime el informe",
                                 "en": "Budget as the report prints it"},
    "red.budget_printed.none": {"es": "El informe no da cifras de presupuesto para este programa.",
                                "en": "The report gives no budget figures for this programme."},
    "red.budget_printed.note": {"es": "Los dólares del informe se pasan a soles con el tipo de cambio promedio de "
                                      "su año (BCRP); un % es una parte de lo que dice «Qué».",
                                "en": "The report's dollars are turned into soles at the average rate of their "
                                      "year (BCRP); a % is a share of what the \"What\" column says."},
    "red.money.title": {"es": "Dinero junto a la cobertura · {year}", "en": "Money next to coverage · {year}"},
    "red.money.intro": {"es": "Líneas del presupuesto del MEF que los vínculos del programa encuentran en {year}, "
                              "en todos los niveles de gobierno.",
                        "en": "MEF budget lines the programme's links find in {year}, at every level of "
                              "government."},
    "red.prices": {"es": "Precios", "en": "Prices"},
    "prices.nominal": {"es": "Nominales", "en": "Nominal"},
    "prices.real": {"es": "Reales (base 2009, IPC Lima)", "en": "Real (2009 base, Lima CPI)"},
    "red.indicator": {"es": "Indicador del mapa", "en": "Map indicator"},
    "indicator.habitante": {"es": "Por habitante", "en": "Per inhabitant"},
    "indicator.mujer": {"es": "Por mujer", "en": "Per woman"},
    "units.millions_real": {"es": "S/ millones de 2009 (IPC Lima)", "en": "S/ millions of 2009 (Lima CPI)"},
    "units.per.habitante": {"es": "S/ por habitante, nominal", "en": "S/ per inhabitant, nominal"},
    "units.per.habitante.real": {"es": "S/ de 2009 por habitante (IPC Lima)",
                                 "en": "S/ of 2009 per inhabitant (Lima CPI)"},
    "units.per.mujer": {"es": "S/ por mujer, nominal", "en": "S/ per woman, nominal"},
    "units.per.mujer.real": {"es": "S/ de 2009 por mujer (IPC Lima)", "en": "S/ of 2009 per woman (Lima CPI)"},
    "units.cost": {"es": "S/ por {unit}, nominal", "en": "S/ per {unit}, nominal"},
    "units.cost.real": {"es": "S/ de 2009 por {unit} (IPC Lima)", "en": "S/ of 2009 per {unit} (Lima CPI)"},
    "red.usd_note": {"es": "≈ USD {usd} millones (T. C. {year}, BCRP)",
                     "en": "≈ USD {usd} million ({year} rate, BCRP)"},
    "red.cost": {"es": "Costo por {unit}", "en": "Cost per {unit}"},
    "red.cost.generic": {"es": "Costo por beneficiario", "en": "Cost per beneficiary"},
    "red.cost.note": {"es": "Devengado ÷ {n} ({source})", "en": "Devengado ÷ {n} ({source})"},
    "red.cost.none_year": {"es": "El informe no da una cifra de {unit} para {year}.",
                           "en": "The report gives no {unit} figure for {year}."},
    "red.cost.other_years": {"es": "Ver un año con cifra:", "en": "See a year with a figure:"},
    "red.cost.no_money": {"es": "Sin gasto encontrado en {year}: no se puede dividir.",
                          "en": "No spending found in {year}: nothing to divide."},
    "red.cost.no_unit": {"es": "El programa no tiene una cifra de cobertura divisible (solo porcentajes, metas o "
                               "palabras).",
                         "en": "The programme has no coverage count to divide by (only percentages, targets or "
                               "words)."},
    "red.cost.by_department": {"es": "Costo por departamento (filas de cobertura por departamento)",
                               "en": "Cost by department (coverage rows by department)"},
    "red.no_links_year": {"es": "Ningún vínculo presupuestal del programa aplica a {year}: no hay dinero que "
                                "mostrar.",
                          "en": "None of the programme's budget links applies to {year}: no money to show."},
    "red.no_lines": {"es": "Los vínculos del programa no encontraron líneas de presupuesto en {year}.",
                     "en": "The programme's links found no budget lines in {year}."},
    "red.map.title": {"es": "Devengado {per}, por departamento · {year}",
                      "en": "Devengado {per}, by department · {year}"},
    "red.map.per.habitante": {"es": "por habitante", "en": "per inhabitant"},
    "red.map.per.mujer": {"es": "por mujer", "en": "per woman"},
    "red.years.title": {"es": "PIM y devengado del programa por año", "en": "Programme PIM and devengado by year"},
    "red.links.title": {"es": "Cómo se vinculó el presupuesto", "en": "How the budget was linked"},
    "red.links.body": {
        "es": "El MEF no tiene un código de «programa de la red»: el tablero busca su dinero con estos vínculos "
              "(tabla curada de la red, con la nota de cada vínculo). Una línea que encuentran varios vínculos cuenta una sola vez. Un "
              "patrón de nombre es una búsqueda por confirmar con los nombres cargados.",
        "en": "MEF has no \"network programme\" code: the dashboard finds the money with these links "
              "(the network's curated table, with each link's note). A line several links find counts once. A name pattern is a "
              "search still to be confirmed against the loaded names."},
    "red.links.none": {"es": "El programa no tiene vínculos presupuestales: su dinero no se puede ubicar en los "
                             "datos del MEF.",
                       "en": "The programme has no budget links: its money cannot be found in MEF data."},
    "red.links.used": {"es": "Usado en {year}: {used} · {rows} filas de presupuesto encontradas.",
                       "en": "Used in {year}: {used} · {rows} budget rows found."},
    "link.sec_ejec": {"es": "Unidad ejecutora (SEC_EJEC) {code}", "en": "Executing unit (SEC_EJEC) {code}"},
    "link.programa": {"es": "Programa presupuestal {code}", "en": "Budget programme {code}"},
    "link.pliego": {"es": "Pliego {code}", "en": "Pliego {code}"},
    "link.name_pattern": {"es": "Nombre de ejecutora, producto o actividad que contiene «{code}» (patrón)",
                          "en": "Executing unit, product or activity name matching \"{code}\" (pattern)"},
    "link.successor": {"es": "sí: programa posterior, no se suma", "en": "yes: a later programme, not added"},
    "red.sources.title": {"es": "Fuentes", "en": "Sources"},
    # coverage units: plural labels (tables) and singular (cost per ...); others show their slug
    "unit.households": {"es": "hogares", "en": "households"},
    "unit.regions": {"es": "regiones", "en": "regions"},
    "unit.districts": {"es": "distritos", "en": "districts"},
    "unit.beneficiaries": {"es": "beneficiarios", "en": "beneficiaries"},
    "unit.children": {"es": "niñas y niños", "en": "children"},
    "unit.children_under_3": {"es": "niñas y niños menores de 3 años", "en": "children under 3"},
    "unit.children_under_14": {"es": "niñas y niños menores de 14 años", "en": "children under 14"},
    "unit.pregnant_women": {"es": "gestantes", "en": "pregnant women"},
    "unit.pregnant_lactating_women": {"es": "gestantes y madres lactantes", "en": "pregnant and lactating women"},
    "unit.cases": {"es": "casos", "en": "cases"},
    "unit.centres": {"es": "centros", "en": "centres"},
    "unit.offices": {"es": "oficinas", "en": "offices"},
    "unit.jobs": {"es": "empleos", "en": "jobs"},
    "unit.persons": {"es": "personas", "en": "persons"},
    "unit.affiliates": {"es": "afiliados", "en": "affiliates"},
    "unit.affiliates_snp": {"es": "afiliados al SNP", "en": "SNP affiliates"},
    "unit.affiliates_spp": {"es": "afiliados al SPP", "en": "SPP affiliates"},
    "unit.learners": {"es": "participantes alfabetizados", "en": "learners"},
    "unit.housing_credits": {"es": "créditos de vivienda", "en": "housing credits"},
    "unit.ministers": {"es": "titulares de ministerio", "en": "ministers"},
    "unit.community_facilitators": {"es": "facilitadoras comunitarias", "en": "community facilitators"},
    "unit.children_adolescents_per_month": {"es": "niñas, niños y adolescentes al mes",
                                            "en": "children and adolescents a month"},
    "unit.families": {"es": "familias", "en": "families"},
    "unit.population": {"es": "población", "en": "population"},
    "unit.districts_quintile1": {"es": "distritos del quintil 1", "en": "quintile-1 districts"},
    "unit.beneficiaries_helped_to_get_id": {"es": "beneficiarias apoyadas para obtener su DNI",
                                            "en": "beneficiaries helped to get an ID"},
    "unit.aldermen": {"es": "regidores", "en": "aldermen"},
    "unit.mayors": {"es": "alcaldes", "en": "mayors"},
    "unit.members_of_parliament": {"es": "congresistas", "en": "members of parliament"},
    "unit.regional_presidents": {"es": "presidentes regionales", "en": "regional presidents"},
    "unit.community_authorities": {"es": "autoridades comunales", "en": "community authorities"},
    "unit.cases_child_sexual_abuse": {"es": "casos de abuso sexual infantil", "en": "child sexual abuse cases"},
    "unit.charity_societies": {"es": "sociedades de beneficencia", "en": "charity societies"},
    "unit.children_rural": {"es": "niñas y niños rurales", "en": "rural children"},
    "unit.contributors_snp": {"es": "aportantes al SNP", "en": "SNP contributors"},
    "unit.contributors_spp": {"es": "aportantes al SPP", "en": "SPP contributors"},
    "unit.group_members": {"es": "integrantes de grupos", "en": "group members"},
    "unit.organised_groups": {"es": "grupos organizados", "en": "organised groups"},
    "unit.participants": {"es": "participantes", "en": "participants"},
    "unit.peasant_communities": {"es": "comunidades campesinas", "en": "peasant communities"},
    "unit.peasant_organisations": {"es": "organizaciones campesinas", "en": "peasant organisations"},
    "unit.persons_placed_in_jobs": {"es": "personas colocadas en un empleo", "en": "persons placed in jobs"},
    "unit.persons_trained": {"es": "personas capacitadas", "en": "persons trained"},
    "unit.persons_out_of_poverty": {"es": "personas que salen de la pobreza", "en": "persons out of poverty"},
    "unit.protection_homes": {"es": "hogares de protección", "en": "protection homes"},
    "unit.affiliates_rural": {"es": "afiliados rurales", "en": "rural affiliates"},
    "unit.aldermen_women": {"es": "regidoras", "en": "women aldermen"},
    "unit.candidates_women": {"es": "candidatas", "en": "women candidates"},
    "unit.ministers_women": {"es": "ministras", "en": "women ministers"},
    "unit.mayors_women": {"es": "alcaldesas", "en": "women mayors"},
    "unit.parliament_women": {"es": "congresistas mujeres", "en": "women in parliament"},
    "unit.demand_covered": {"es": "demanda cubierta", "en": "demand covered"},
    "unit.housing_market": {"es": "mercado de vivienda", "en": "housing market"},
    "unit.offices_registered": {"es": "oficinas registradas", "en": "offices registered"},
    "unit.eap_affiliated_snp": {"es": "PEA afiliada al SNP", "en": "EAP affiliated to SNP"},
    "unit.eap_affiliated_spp": {"es": "PEA afiliada al SPP", "en": "EAP affiliated to SPP"},
    "unit.eap_contributing": {"es": "PEA que aporta", "en": "EAP contributing"},
    "unit.eap_contributing_snp": {"es": "PEA que aporta al SNP", "en": "EAP contributing to SNP"},
    "unit.eap_contributing_spp": {"es": "PEA que aporta al SPP", "en": "EAP contributing to SPP"},
    "unit.households_with_children_under_18": {"es": "hogares con menores de 18 años",
                                               "en": "households with children under 18"},
    "unit.poor_rural_households_with_children": {"es": "hogares rurales pobres con niñas y niños",
                                                 "en": "poor rural households with children"},
    "unit.poor_urban_households_with_children": {"es": "hogares urbanos pobres con niñas y niños",
                                                 "en": "poor urban households with children"},
    "unit.rural_population": {"es": "población rural", "en": "rural population"},
    "unit.urban_population": {"es": "población urbana", "en": "urban population"},
    "unit.rural_households": {"es": "hogares rurales", "en": "rural households"},
    "unit.poor_population": {"es": "población pobre", "en": "poor population"},
    "unit.elderly": {"es": "personas mayores", "en": "older people"},
    "unit.target_group": {"es": "grupo objetivo", "en": "target group"},
    "unit1.households": {"es": "hogar", "en": "household"},
    "unit1.regions": {"es": "región", "en": "region"},
    "unit1.districts": {"es": "distrito", "en": "district"},
    "unit1.beneficiaries": {"es": "beneficiario", "en": "beneficiary"},
    "unit1.children": {"es": "niña o niño", "en": "child"},
    "unit1.children_under_3": {"es": "niña o niño menor de 3 años", "en": "child under 3"},
    "unit1.cases": {"es": "caso", "en": "case"},
    "unit1.offices": {"es": "oficina", "en": "office"},
    "unit1.jobs": {"es": "empleo", "en": "job"},
    "unit1.persons": {"es": "persona", "en": "person"},
    "unit1.affiliates": {"es": "afiliado", "en": "affiliate"},
    "unit1.affiliates_snp": {"es": "afiliado al SNP", "en": "SNP affiliate"},
    "unit1.learners": {"es": "participante", "en": "learner"},
    "unit1.housing_credits": {"es": "crédito de vivienda", "en": "housing credit"},
    "unit1.ministers": {"es": "titular de ministerio", "en": "minister"},
    "unit1.children_adolescents_per_month": {"es": "niña, niño o adolescente al mes",
                                             "en": "child or adolescent a month"},
    # gender classification (pages/gender.py)
    "nav.gender": {"es": "Género", "en": "Gender"},
    "gender.title": {"es": "Gasto sensible al género", "en": "Gender-sensitive spending"},
    "gender.intro": {
        "es": "Cuánto del presupuesto sirve a la igualdad de género según las reglas de clasificación del tablero: "
              "tres totales lado a lado, por categoría y por marcador, con la regla que clasificó cada programa.",
        "en": "How much of the budget serves gender equality under the dashboard's classification rules: three "
              "totals side by side, by category and by marker, with the rule that classified each programme."},
    "gender.explain.link": {"es": "¿Qué significan los tres totales y cómo se editan las reglas?",
                            "en": "What do the three totals mean, and how are the rules edited?"},
    "gdef.strict.short": {"es": "Estricto", "en": "Strict"},
    "gdef.weighted.short": {"es": "Ponderado", "en": "Weighted"},
    "gdef.broad.short": {"es": "Amplio", "en": "Broad"},
    "gdef.strict.body": {
        "es": "Solo las líneas cuyo objetivo principal es la igualdad de género (marcador CAD-OCDE 2), por su monto "
              "completo.",
        "en": "Only the lines whose main objective is gender equality (OECD-DAC marker 2), at their full amount."},
    "gdef.weighted.body": {
        "es": "Cada línea cuenta por su peso (0-100 %) como gasto de género, como el etiquetado ponderado de "
              "Argentina (PPG) o la India.",
        "en": "Each line counts at its weight (0-100 %) as gender spending, like Argentina's (PPG) or India's "
              "weighted tagging."},
    "gdef.broad.body": {
        "es": "Las líneas con marcador 1 o 2, por su monto completo: todo gasto con un objetivo de género "
              "importante.",
        "en": "Lines with marker 1 or 2, at their full amount: all spending with an important gender objective."},
    "gender.card.note": {"es": "PIA {pia} · PIM {pim} · {share} del devengado",
                         "en": "PIA {pia} · PIM {pim} · {share} of devengado"},
    "gender.card.units": {"es": "S/ millones, nominal · devengado", "en": "S/ millions, nominal · devengado"},
    "gender.unreviewed": {"es": "Sin revisar", "en": "Unreviewed"},
    "gender.unreviewed.note": {"es": "{share} del devengado: dinero que ninguna regla ha clasificado todavía",
                               "en": "{share} of devengado: money no rule has classified yet"},
    "gender.unreviewed.alert": {
        "es": "Sin revisar: S/ {amount} millones de devengado ({share}) no coinciden con ninguna regla. No se cuentan "
              "en ningún total de género hasta que una regla los clasifique (vea abajo cómo editar las reglas).",
        "en": "Unreviewed: S/ {amount} million of devengado ({share}) match no rule. They count in no gender total "
              "until a rule classifies them (see below how to edit the rules)."},
    "gender.unreviewed.none": {"es": "Todo el gasto de esta selección está clasificado por alguna regla (0.0 % sin "
                                     "revisar).",
                               "en": "All spending in this selection is classified by some rule (0.0 % unreviewed)."},
    "gender.not_classified": {"es": "Las líneas de este almacén todavía no están clasificadas por género. "
                                    "Clasifíquelas con:",
                              "en": "The lines in this store are not classified by gender yet. Classify them with:"},
    "gender.totals.title": {"es": "Los tres totales de género por etapa del presupuesto",
                            "en": "The three gender totals by budget stage"},
    "gender.totals.hover": {"es": "{share} del {stage}", "en": "{share} of {stage}"},
    "gender.by_category": {"es": "PIM y devengado por categoría (Budlender y Sharp)",
                           "en": "PIM and devengado by category (Budlender & Sharp)"},
    "gender.by_marker": {"es": "PIM y devengado por marcador CAD-OCDE", "en": "PIM and devengado by OECD-DAC marker"},
    "gender.source": {"es": "{source}<br>Clasificación: reglas del tablero (rules/gender_rules.csv), "
                            "versión {version}",
                      "en": "{source}<br>Classification: dashboard rules (rules/gender_rules.csv), "
                            "version {version}"},
    "gender.programmes.title": {"es": "Por qué se clasificó cada programa",
                                "en": "Why each programme was classified"},
    "gender.programmes.hint": {
        "es": "Una fila por programa y regla: la regla que clasificó sus líneas, su peso y su justificación. Un "
              "programa con productos o unidades bajo reglas distintas tiene varias filas.",
        "en": "One row per programme and rule: the rule that classified its lines, its weight and its rationale. "
              "A programme whose products or units fall under different rules has several rows."},
    "gender.versions.title": {"es": "Versiones de las reglas", "en": "Rule-set versions"},
    "gender.versions.none": {"es": "Todavía no se ha cargado ninguna versión de las reglas.",
                             "en": "No rule-set version has been loaded yet."},
    "gender.versions.one": {"es": "Solo hay una versión: cuando se cargue otra, aquí se verá el dinero que cambie "
                                  "de categoría.",
                            "en": "There is only one version: when another is loaded, the money that changes "
                                  "category will show here."},
    "gender.diff.title": {"es": "Qué cambió de la versión {old} a la {new} · {year}",
                          "en": "What changed from version {old} to {new} · {year}"},
    "gender.diff.moved": {"es": "Dinero que cambió de categoría", "en": "Money that moved between categories"},
    "gender.diff.none_moved": {"es": "Ningún monto cambió de categoría en {year}.",
                               "en": "No money changed category in {year}."},
    "gender.diff.totals": {"es": "Los tres totales, antes y después (devengado)",
                           "en": "The three totals, before and after (devengado)"},
    "gender.diff.rules": {"es": "Reglas añadidas, quitadas o cambiadas", "en": "Rules added, removed or changed"},
    "gender.diff.no_rules": {"es": "Ninguna regla cambió.", "en": "No rule changed."},
    "gender.diff.added": {"es": "añadida", "en": "added"},
    "gender.diff.removed": {"es": "quitada", "en": "removed"},
    "gender.diff.all_levels": {"es": "Todos los niveles de gobierno.", "en": "All levels of government."},
    "gender.explain.title": {"es": "Cómo leer esta página", "en": "How to read this page"},
    "gender.explain.totals": {"es": "Los tres totales", "en": "The three totals"},
    "gender.explain.categories": {"es": "Categorías (Budlender y Sharp, 1998)",
                                  "en": "Categories (Budlender & Sharp, 1998)"},
    "gender.explain.markers": {"es": "Marcador de igualdad de género del CAD-OCDE",
                               "en": "OECD-DAC gender equality policy marker"},
    "gender.explain.edit": {"es": "Cómo editar las reglas", "en": "How to edit the rules"},
    "gender.explain.edit.body": {
        "es": "Las reglas están en rules/gender_rules.csv: una fila por regla, con las columnas que prueba (códigos "
              "o patrones de nombre), su categoría, marcador, peso, lineamiento LIO, justificación y fuente. Gana "
              "la regla más específica. Después de editar el archivo, vea qué dinero cambiaría y aplíquelo con:",
        "en": "The rules are in rules/gender_rules.csv: one row per rule, with the columns it tests (codes or name "
              "patterns), its category, marker, weight, LIO policy line, rationale and source. The most specific "
              "rule wins. After editing the file, preview what money would move and apply it with:"},
    "gender.explain.edit.after": {
        "es": "Cada clasificación guarda una versión nueva (huella, fecha y autor) que aparece arriba; la guía "
              "completa está en rules/README.md.",
        "en": "Each classification stores a new version (hash, date and author) shown above; the full guide is in "
              "rules/README.md."},
    "gcat.especifico.body": {"es": "Gasto dirigido a mujeres y niñas o a la igualdad de género (p. ej. Centros "
                                   "Emergencia Mujer, Salud Materno Neonatal).",
                             "en": "Spending targeted at women and girls or at gender equality (e.g. women's "
                                   "emergency centres, maternal and neonatal health)."},
    "gcat.igualdad_oportunidades.body": {"es": "Gasto del Estado en su propio personal: lactarios, prevención del "
                                               "hostigamiento sexual, capacitación.",
                                         "en": "The state's spending on its own staff: nursing rooms, prevention of "
                                               "sexual harassment, training."},
    "gcat.general.body": {"es": "El resto del gasto, que se evalúa por su impacto de género.",
                          "en": "All other spending, assessed for its gendered impact."},
    "gcat.sin_revisar.body": {"es": "Lo pone el sistema, nunca una regla: ninguna regla coincide con la línea.",
                              "en": "Set by the system, never by a rule: no rule matches the line."},
    "gmark.2.body": {"es": "La igualdad de género es el objetivo principal.",
                     "en": "Gender equality is the main objective."},
    "gmark.1.body": {"es": "Objetivo importante y deliberado, pero no el principal.",
                     "en": "An important and deliberate objective, but not the main one."},
    "gmark.0.body": {"es": "No orientado a la igualdad de género.", "en": "Not targeted at gender equality."},
    "gender.weight.body": {"es": "Peso: porcentaje de la línea que cuenta como gasto de género (conjunto inicial: "
                                 "marcador 2 = 100 %, 1 = 50 %, 0 = 0 %).",
                           "en": "Weight: the share of a line that counts as gender spending (initial set: marker "
                                 "2 = 100 %, 1 = 50 %, 0 = 0 %)."},
    "col.gcategory": {"es": "Categoría de género", "en": "Gender category"},
    "col.gmarker": {"es": "Marcador", "en": "Marker"},
    "col.weight": {"es": "Peso", "en": "Weight"},
    "col.rule": {"es": "Regla", "en": "Rule"},
    "col.rationale": {"es": "Justificación", "en": "Rationale"},
    "col.conditions": {"es": "Qué prueba la regla", "en": "What the rule tests"},
    "col.lio": {"es": "Lineamiento LIO", "en": "LIO policy line"},
    "col.lines": {"es": "Líneas", "en": "Lines"},
    "col.version": {"es": "Versión", "en": "Version"},
    "col.rule_count": {"es": "Reglas", "en": "Rules"},
    "col.loaded_at": {"es": "Cargada (UTC)", "en": "Loaded (UTC)"},
    "col.loaded_by": {"es": "Por", "en": "By"},
    "col.active": {"es": "Activa", "en": "Active"},
    "col.from": {"es": "De", "en": "From"},
    "col.to": {"es": "A", "en": "To"},
    "col.definition": {"es": "Total", "en": "Total"},
    "col.before": {"es": "Antes", "en": "Before"},
    "col.after": {"es": "Después", "en": "After"},
    "col.change": {"es": "Cambio", "en": "Change"},
    "col.field": {"es": "Campo", "en": "Field"},
    "col.old": {"es": "Antes", "en": "Before"},
    "col.new": {"es": "Después", "en": "After"},
    "col.gender_class": {"es": "Género", "en": "Gender"},
    "gender.mixed": {"es": "{category} ({share} del PIM; {rules} reglas)",
                     "en": "{category} ({share} of PIM; {rules} rules)"},
    "unit.percent": {"es": "% ({base})", "en": "% ({base})"},
    "unit.target": {"es": "meta: {base}", "en": "target: {base}"},
    # ---- take-away outputs: the Excel brief (exports/brief.py, exports/views.py)
    "brief.sheet.cover": {"es": "Portada", "en": "Cover"},
    "brief.sheet.summary": {"es": "Resumen", "en": "Summary"},
    "brief.sheet.gender": {"es": "Género", "en": "Gender"},
    "brief.sheet.method": {"es": "Fuentes y método", "en": "Sources and method"},
    "brief.sheet.levels": {"es": "Por nivel", "en": "By level"},
    "brief.sheet.monthly": {"es": "Por mes", "en": "By month"},
    "brief.sheet.programmes": {"es": "Programas", "en": "Programmes"},
    "brief.sheet.departments": {"es": "Departamentos", "en": "Departments"},
    "brief.sheet.gender_programmes": {"es": "Programas y reglas", "en": "Programmes and rules"},
    "brief.sheet.rule_sets": {"es": "Versiones de reglas", "en": "Rule-set versions"},
    "brief.sheet.network": {"es": "Programas de la red", "en": "Network programmes"},
    "brief.sheet.record": {"es": "Ficha", "en": "Record"},
    "brief.sheet.coverage": {"es": "Cobertura impresa", "en": "Coverage as printed"},
    "brief.sheet.contradictions": {"es": "Contradicciones", "en": "Contradictions"},
    "brief.sheet.budget_printed": {"es": "Presupuesto impreso", "en": "Budget as printed"},
    "brief.sheet.links": {"es": "Vínculos MEF", "en": "MEF links"},
    "brief.sheet.by_year": {"es": "Por año", "en": "By year"},
    "brief.sheet.per_person": {"es": "Por persona", "en": "Per person"},
    "brief.sheet.cost": {"es": "Costo por departamento", "en": "Cost by department"},
    "brief.filters": {"es": "Filtros de la vista", "en": "View filters"},
    "brief.generated": {"es": "Generado", "en": "Generated"},
    "brief.permalink": {"es": "Enlace a esta vista", "en": "Link to this view"},
    "brief.lang": {"es": "Idioma", "en": "Language"},
    "brief.lang.name": {"es": "Español", "en": "English"},
    "brief.source": {"es": "Fuente de los datos", "en": "Data source"},
    "brief.loads": {"es": "Cargas usadas (archivo, huella SHA-256, fecha de carga)",
                    "en": "Loads used (file, SHA-256 fingerprint, load date)"},
    "brief.col.loaded_at": {"es": "Cargado", "en": "Loaded"},
    "brief.rule_set": {"es": "Versión de las reglas de género", "en": "Gender rule-set version"},
    "brief.rule_set.value": {"es": "{id} · SHA-256 {sha256:.12} · {loaded_at} · {loaded_by} · {file_name}",
                             "en": "{id} · SHA-256 {sha256:.12} · {loaded_at} · {loaded_by} · {file_name}"},
    "brief.rule_set.id": {"es": "Versión", "en": "Version"},
    "brief.rule_set.sha256": {"es": "SHA-256", "en": "SHA-256"},
    "brief.rule_set.loaded_at": {"es": "Cargada (UTC)", "en": "Loaded (UTC)"},
    "brief.rule_set.loaded_by": {"es": "Autor de la carga", "en": "Loaded by"},
    "brief.rule_set.file_name": {"es": "Archivo", "en": "File"},
    "brief.rule_set.rule_count": {"es": "Reglas", "en": "Rules"},
    "brief.contents": {"es": "Hojas", "en": "Sheets"},
    "brief.demo.label": {"es": "DATOS DE DEMOSTRACIÓN", "en": "DEMONSTRATION DATA"},
    "brief.demo.warning": {
        "es": "Datos de demostración: generados en el formato del MEF, NO son cifras oficiales. No citar.",
        "en": "Demonstration data: generated in MEF's format, NOT official figures. Do not quote."},
    "brief.summary.note": {
        "es": "Cifras clave y gráficos de la vista; los datos de cada gráfico están en las hojas siguientes "
              "(montos en soles, totales con SUBTOTAL: siguen a los filtros).",
        "en": "Key figures and charts of the view; each chart's data is in the following sheets (amounts in "
              "soles, totals with SUBTOTAL: they follow filters)."},
    "brief.figure": {"es": "Cifra", "en": "Figure"},
    "brief.value": {"es": "Valor", "en": "Value"},
    "brief.col.month": {"es": "Mes", "en": "Month"},
    "brief.col.avance_acum": {"es": "Avance acumulado %", "en": "Cumulative exec. %"},
    "brief.col.share_devengado": {"es": "% del devengado", "en": "% of devengado"},
    "brief.col.soles_equiv": {"es": "≈ S/ (T. C. del año)", "en": "≈ S/ (year's rate)"},
    "brief.col.contradicts": {"es": "Otra cifra en", "en": "Other figure in"},
    "brief.col.text": {"es": "Texto", "en": "Text"},
    "brief.col.author": {"es": "Autor", "en": "Author"},
    "brief.programmes.all": {"es": "PIM y devengado por programa", "en": "PIM and devengado by programme"},
    "brief.regions.note": {"es": "Departamento de la meta (dónde llega el gasto); 98 Exterior no está en el mapa "
                                 "ni en el gráfico, sí en el total.",
                           "en": "Department of the meta (where the spending lands); 98 Exterior is not on the map "
                                 "or the chart, but is in the total."},
    "brief.red.programmes": {"es": "Programas en la tabla", "en": "Programmes in the table"},
    "brief.red.subtype": {"es": "Subtipo", "en": "Subtype"},
    "brief.red.real_note": {"es": "S/ de 2009 (IPC Lima)", "en": "S/ of 2009 (Lima CPI)"},
    "brief.gender.scope": {"es": "Cifras de género del año {year} con los filtros de la vista ({filters}).",
                           "en": "Gender figures for {year} with the view's filters ({filters})."},
    "brief.gender.scope.red": {
        "es": "Cifras de género de todo el año {year}, todos los niveles: el dinero de un programa de la red se "
              "encuentra por sus vínculos, no por un filtro que la clasificación conozca.",
        "en": "Gender figures for the whole of {year}, every level: a network programme's money is found by "
              "its links, not by a filter the classification knows."},
    "brief.gender.totals": {"es": "Los tres totales de género", "en": "The three gender totals"},
    "brief.gender.totals.note": {
        "es": "Se solapan (el estricto está dentro del amplio): no se suman entre sí.",
        "en": "They overlap (strict is inside broad): never add them together."},
    "brief.gender.rules": {"es": "Reglas que clasificaron las líneas de esta vista",
                           "en": "Rules that classified the lines in this view"},
    "brief.gender.figure.note": {"es": "Devengado", "en": "Devengado"},
    "brief.gender.unreviewed.note": {"es": "Devengado que ninguna regla ha clasificado todavía",
                                     "en": "Devengado no rule has classified yet"},
    "brief.gender.unreviewed.share": {"es": "Sin revisar, % del devengado", "en": "Unreviewed, % of devengado"},
    "brief.method.gender": {"es": "Cómo se clasifica el gasto por género", "en": "How spending is classified by gender"},
    "brief.method.gender.body": {
        "es": "Los datos del MEF no traen marca de género. Cada línea se clasifica con reglas legibles "
              "(rules/gender_rules.csv): gana la más específica (condición de código = 2 puntos, patrón de "
              "nombre = 1). Cada regla da una categoría, un marcador CAD-OCDE, un peso y su justificación; las "
              "líneas que ninguna regla cubre quedan «sin revisar» y se muestran aparte.",
        "en": "MEF data carries no gender marker. Every line is classified by readable rules "
              "(rules/gender_rules.csv): the most specific wins (code condition = 2 points, name pattern = 1). "
              "Each rule gives a category, an OECD-DAC marker, a weight and its rationale; lines no rule covers "
              "stay \"unreviewed\" and are shown apart."},
    "brief.method.network": {"es": "Secciones del informe detrás de las cifras de la red",
                             "en": "Report sections behind the network figures"},
    "brief.method.reference": {"es": "Series de referencia usadas", "en": "Reference series used"},
    "def.certificado": {"es": "Certificado: monto con certificación de crédito presupuestario (reservado para un "
                              "gasto antes de comprometerlo).",
                        "en": "Certificado: amount with a budget credit certification (set aside for a spending "
                              "before it is committed)."},
    "def.girado": {"es": "Girado: monto pagado (girado) sobre lo devengado.",
                   "en": "Girado: amount paid out on what was accrued (devengado)."},
    # ---- printable report (/informe, pages/report.py, components/report.py; `python -m etl report`)
    "nav.report": {"es": "Informe", "en": "Report"},
    "informe.title": {"es": "Informe para imprimir", "en": "Printable report"},
    "informe.chooser.intro": {
        "es": "Un informe con cifras clave, gráficos, tablas, los tres totales de género y fuentes numeradas, "
              "listo para imprimir o guardar como PDF y citar. Elija de qué:",
        "en": "A report with key figures, charts, tables, the three gender totals and numbered sources, ready "
              "to print or save as PDF and cite. Choose what it is about:"},
    "informe.chooser.programa": {"es": "Programa presupuestal", "en": "Budget programme"},
    "informe.chooser.departamento": {"es": "Departamento (donde se gasta)", "en": "Department (where it is spent)"},
    "informe.chooser.programa_red": {"es": "Programa de protección social", "en": "Social protection programme"},
    "informe.chooser.go": {"es": "Ver informe", "en": "Open report"},
    "informe.unknown": {"es": "No hay datos para «{code}» en {year}. Elija otra selección:",
                        "en": "No data for “{code}” in {year}. Choose another selection:"},
    "informe.heading.programa": {"es": "Programa presupuestal {code} · {name}",
                                 "en": "Budget programme {code} · {name}"},
    "informe.heading.departamento": {"es": "Departamento {code} · {name}", "en": "Department {code} · {name}"},
    "informe.heading.programa_red": {"es": "Programa de protección social: {name}",
                                     "en": "Social protection programme: {name}"},
    "informe.subtitle.programa": {"es": "Año fiscal {year} · todos los niveles de gobierno",
                                  "en": "Fiscal year {year} · every level of government"},
    "informe.subtitle.departamento": {
        "es": "Año fiscal {year} · gasto con meta en el departamento (DEPARTAMENTO_META), todos los niveles de gobierno",
        "en": "Fiscal year {year} · spending whose target lies in the department (DEPARTAMENTO_META), every level "
              "of government"},
    "informe.subtitle.programa_red": {"es": "Año fiscal {year} · {category} · {institution}",
                                      "en": "Fiscal year {year} · {category} · {institution}"},
    "informe.generated": {"es": "Generado el {when} con el tablero «{app}».",
                          "en": "Generated on {when} with the “{app}” dashboard."},
    "informe.demo": {"es": "Datos de demostración: generados, no son cifras oficiales del MEF. No los cite como "
                           "cifras reales.",
                     "en": "Demonstration data: generated, not official MEF figures. Do not cite them as real "
                           "figures."},
    "informe.print": {"es": "Imprimir / Print", "en": "Imprimir / Print"},
    "informe.print.hint": {"es": "Para un PDF, elija «Guardar como PDF» en el diálogo de impresión.",
                           "en": "For a PDF, choose “Save as PDF” in the print dialog."},
    "informe.other": {"es": "Otro informe", "en": "Another report"},
    "informe.key": {"es": "Cifras clave", "en": "Key figures"},
    "informe.source": {"es": "Fuente: {refs}", "en": "Source: {refs}"},
    "informe.per_inhabitant": {"es": "Devengado por habitante", "en": "Devengado per inhabitant"},
    "informe.per_inhabitant.note": {"es": "Población {year} (INEI): {n}", "en": "Population {year} (INEI): {n}"},
    "informe.charts": {"es": "Gráficos", "en": "Charts"},
    "informe.tables": {"es": "Tablas", "en": "Tables"},
    "informe.chart.levels": {"es": "PIM y devengado por nivel de gobierno · {year}",
                             "en": "PIM and devengado by level of government · {year}"},
    "informe.chart.monthly": {"es": "Devengado por mes y acumulado · {year}",
                              "en": "Devengado by month and cumulative · {year}"},
    "informe.chart.products": {"es": "Productos / proyectos con mayor PIM · {year}",
                               "en": "Products / projects with the largest PIM · {year}"},
    "informe.chart.programmes": {"es": "Programas con mayor PIM · {year}",
                                 "en": "Programmes with the largest PIM · {year}"},
    "informe.chart.years": {"es": "PIM y devengado por año fiscal", "en": "PIM and devengado by fiscal year"},
    "informe.chart.departments": {"es": "PIM y devengado por departamento · {year}",
                                  "en": "PIM and devengado by department · {year}"},
    "informe.table.products": {"es": "Productos / proyectos", "en": "Products / projects"},
    "informe.table.activities": {"es": "Actividades / acciones / obras", "en": "Activities / actions / works"},
    "informe.table.units": {"es": "Unidades ejecutoras", "en": "Executing units"},
    "informe.table.departments": {"es": "Por departamento (donde se gasta)", "en": "By department (where it is spent)"},
    "informe.table.programmes": {"es": "Programas presupuestales", "en": "Budget programmes"},
    "informe.table.coverage": {"es": "Cobertura: filas de la tabla de cobertura",
                               "en": "Coverage: rows of the coverage table"},
    "informe.table.coverage_printed": {"es": "Cobertura tal como la imprime el informe de referencia",
                                       "en": "Coverage as the seed report prints it"},
    "informe.table.more": {"es": "Se muestran las {n} filas de mayor PIM de {total}.",
                           "en": "The {n} rows with the largest PIM, of {total}."},
    "informe.gender.title": {"es": "Gasto con enfoque de género: los tres totales",
                             "en": "Gender-related spending: the three totals"},
    "informe.gender.intro": {
        "es": "Clasificación del tablero con sus reglas vigentes. Estricto: solo líneas con marcador 2; ponderado: "
              "monto × peso de la regla; amplio: marcador 1 o 2.",
        "en": "The dashboard's classification under its active rules. Strict: lines with marker 2 only; "
              "weighted: amount × the rule's weight; broad: marker 1 or 2."},
    "informe.gender.share": {"es": "% del devengado", "en": "% of devengado"},
    "informe.gender.none": {"es": "Sin líneas del MEF para este programa: no hay totales de género.",
                            "en": "No MEF lines for this programme: no gender totals."},
    "informe.network.links": {"es": "Líneas del MEF halladas con: {links} ({rows} filas en {year}).",
                              "en": "MEF lines found with: {links} ({rows} rows in {year})."},
    "informe.network.no_links": {
        "es": "El programa no tiene vínculos con líneas del presupuesto del MEF: el informe da solo su cobertura.",
        "en": "The programme has no links to MEF budget lines: the report gives its coverage only."},
    "informe.network.no_lines": {"es": "Ningún vínculo del programa halló líneas del MEF en {year}.",
                                 "en": "None of the programme's links found MEF lines in {year}."},
    "informe.sources.title": {"es": "Fuentes", "en": "Sources"},
    "informe.src.mef": {
        "es": "MEF, datos abiertos «Presupuesto y Ejecución de Gasto» (SIAF): archivo {file} (años fiscales "
              "{years}), SHA-256 {sha}…, cargado el {date}.",
        "en": "MEF open data “Presupuesto y Ejecución de Gasto” (SIAF): file {file} (fiscal years {years}), "
              "SHA-256 {sha}…, loaded on {date}."},
    "informe.src.demo": {
        "es": "Datos de demostración generados en el formato del MEF, no oficiales: archivo {file} (años fiscales "
              "{years}), SHA-256 {sha}…, cargado el {date}.",
        "en": "Demonstration data generated in MEF's format, not official: file {file} (fiscal years {years}), "
              "SHA-256 {sha}…, loaded on {date}."},
    "informe.src.rules": {
        "es": "Reglas de clasificación de género del tablero: {file} ({count} reglas), SHA-256 {sha}…, vigentes "
              "desde el {date} (versión {id}).",
        "en": "The dashboard's gender classification rules: {file} ({count} rules), SHA-256 {sha}…, active since "
              "{date} (version {id})."},
    "informe.src.reference": {"es": "{citation} Archivo {file}, SHA-256 {sha}…, cargado el {date}.",
                              "en": "{citation} File {file}, SHA-256 {sha}…, loaded on {date}."},
    "informe.src.report": {
        "es": "{citation} Secciones citadas: {sections}. Cifras transcritas en {file}, SHA-256 {sha}…, cargado el "
              "{date}.",
        "en": "{citation} Sections cited: {sections}. Figures transcribed in {file}, SHA-256 {sha}…, loaded on "
              "{date}."},
    "informe.src.coverage": {
        "es": "Tabla de cobertura {file}, SHA-256 {sha}…, cargada el {date}; fuentes de sus filas: {rows}.",
        "en": "Coverage table {file}, SHA-256 {sha}…, loaded on {date}; sources of its rows: {rows}."},
    "informe.cite.title": {"es": "Cómo citar", "en": "How to cite"},
    "informe.cite": {"es": "{app}, «{title}», año fiscal {year}, generado el {date}. Fuentes: ver la lista "
                           "numerada. Enlace permanente:",
                     "en": "{app}, “{title}”, fiscal year {year}, generated on {date}. Sources: see the numbered "
                           "list. Permalink:"},
    # take-away outputs: brief and report links (components/takeaway.py), CSV of a table
    # (components/tables.py), the brief download route (routes.py)
    "takeaway.group": {"es": "Descargas de esta vista", "en": "Downloads of this view"},
    "takeaway.brief": {"es": "Descargar brief (Excel)", "en": "Download brief (Excel)"},
    "takeaway.brief.title": {"es": "Un libro de Excel con las cifras de esta vista: año, nivel y filtros de la "
                                   "página",
                             "en": "An Excel workbook with the figures of this view: the page's year, level and "
                                   "filters"},
    "takeaway.report": {"es": "Informe para imprimir", "en": "Printable report"},
    "takeaway.report.title": {"es": "Un informe listo para imprimir o guardar como PDF",
                              "en": "A report ready to print or save as PDF"},
    "takeaway.csv.label": {"es": "Descargar esta tabla en CSV", "en": "Download this table as CSV"},
    "takeaway.invalid": {"es": "No se puede preparar el brief: {reason}", "en": "Cannot build the brief: {reason}"},

    # ==== [prices and series (Resumen, shell, briefs and reports)]
    "prices.control": {"es": "Precios", "en": "Prices"},
    "prices.short.nominal": {"es": "Nominal", "en": "Nominal"},
    "prices.short.real": {"es": "Reales {base}", "en": "Real {base}"},
    "prices.title.nominal": {"es": "Soles corrientes de cada año (nominales)",
                             "en": "Current soles of each year (nominal)"},
    "prices.title.real": {"es": "Soles de {base}: montos x IPC {base} / IPC del año (IPC de Lima Metropolitana, BCRP)",
                          "en": "Soles of {base}: amounts x CPI {base} / CPI of the year (Lima CPI, BCRP)"},
    "prices.units.real": {"es": "S/ millones de {base} (IPC Lima)", "en": "S/ millions of {base} (Lima CPI)"},
    "prices.units.soles.nominal": {"es": "S/, nominal", "en": "S/, nominal"},
    "prices.units.soles.real": {"es": "S/ de {base} (IPC Lima)", "en": "S/ of {base} (Lima CPI)"},
    "prices.in_words.nominal": {"es": "Precios nominales (soles corrientes)", "en": "Nominal prices (current soles)"},
    "prices.in_words.real": {"es": "Soles reales de {base} (IPC Lima, BCRP)", "en": "Real soles of {base} (Lima CPI, BCRP)"},
    "prices.no_cpi": {"es": "Sin IPC de Lima para {years}: esos montos no se pueden expresar en soles de {base} "
                            "(se muestran como —). Quien administra los datos puede cargar la serie (ver «Datos y fuentes»).",
                      "en": "No Lima CPI for {years}: those amounts cannot be shown in soles of {base} "
                            "(shown as —). Whoever maintains the data can load the series (see “Data and sources”)."},
    "prices.source": {"es": "Soles de {base}: IPC de Lima Metropolitana, promedio anual (BCRP)",
                      "en": "Soles of {base}: Lima Metropolitan CPI, annual average (BCRP)"},
    "overview.series.title": {"es": "PIM y devengado por año fiscal", "en": "PIM and devengado by fiscal year"},
    "overview.series.rates": {"es": "Avance y participación PpR por año fiscal",
                              "en": "Avance and PpR share by fiscal year"},
    "overview.series.avance": {"es": "Avance (devengado / PIM)", "en": "Avance (devengado / PIM)"},
    "overview.series.ppr": {"es": "PIM en programas PpR", "en": "PIM in PpR programmes"},
    "overview.series.one_year": {"es": "Solo hay un año fiscal cargado ({year}): la serie por años aparece "
                                       "cuando se cargan dos o más.",
                                 "en": "Only one fiscal year is loaded ({year}): the series over years appears "
                                       "once two or more are loaded."},
    "overview.series.level": {"es": "Nivel: {level}", "en": "Level: {level}"},

    # ==== [Programas: series and drilling]
    "programmes.intro.drill": {
        "es": "Haga clic en una barra o en una fila de la tabla, o elija en la lista, para bajar de programa a "
              "producto/proyecto, actividad y unidad ejecutora. «Ver por» salta niveles: por ejemplo, las "
              "unidades ejecutoras de todo un programa.",
        "en": "Click a bar or a table row, or pick from the list, to drill down from programme to "
              "product/project, activity and executing unit. \"Show by\" skips levels: for example, the "
              "executing units of a whole programme."},
    "programmes.por": {"es": "Ver por", "en": "Show by"},
    "programmes.por.siguiente": {"es": "Nivel siguiente ({level})", "en": "Next level ({level})"},
    "programmes.aside": {"es": "Dejar aparte 9001 y 9002 en el gráfico",
                         "en": "Set 9001 and 9002 aside in the chart"},
    "programmes.aside.note": {
        "es": "El gráfico deja aparte {items} (PIM {pim}, devengado {dev}; {units}) para que se vean los demás "
              "programas. La tabla y su total los incluyen.",
        "en": "The chart sets {items} aside (PIM {pim}, devengado {dev}; {units}) so the other programmes are "
              "visible. The table and its total include them."},
    "programmes.aside.in": {"es": "El gráfico incluye {items}.", "en": "The chart includes {items}."},
    "programmes.view.note": {
        "es": "{level} de {subject}, sin pasar por los niveles intermedios. Haga clic en una fila o barra para "
              "ir a ella.",
        "en": "{level} of {subject}, skipping the levels between. Click a row or bar to go to it."},
    "programmes.view.bottom": {
        "es": "Las unidades ejecutoras son el último nivel: para ver una por producto y actividad, use «Nivel "
              "siguiente».",
        "en": "Executing units are the last level: to see one by product and activity, use \"Next level\"."},
    "programmes.chart.by": {"es": "PIM y devengado por {level} · {subject} · {year}",
                            "en": "PIM and devengado by {level} · {subject} · {year}"},
    "programmes.kpis": {"es": "{subject} · {year}", "en": "{subject} · {year}"},
    "programmes.series.title": {"es": "PIA, PIM y devengado por año fiscal · {subject}",
                                "en": "PIA, PIM and devengado by fiscal year · {subject}"},
    "programmes.series.one": {
        "es": "Solo hay un año fiscal con líneas de {subject} ({year}): una serie por año necesita al menos dos. "
              "Cargue los archivos Gasto de otros años para verla.",
        "en": "Only one fiscal year has lines of {subject} ({year}): a series by year needs at least two. "
              "Load the Gasto files of other years to see it."},
    "programmes.monthly.title": {"es": "Ejecución mensual · {subject} · {year}",
                                 "en": "Monthly execution · {subject} · {year}"},
    "programmes.nocpi": {
        "es": "Sin IPC de Lima para {years}: esos montos no se pueden expresar en soles de 2009 y se muestran "
              "nominales.",
        "en": "No Lima CPI for {years}: those amounts cannot be put in soles of 2009 and are shown nominal."},
    "programmes.nocpi.series": {
        "es": "Sin IPC de Lima para {years}: esos años quedan fuera de la serie en soles de 2009.",
        "en": "No Lima CPI for {years}: those years are left out of the series in soles of 2009."},
    "programmes.source.cpi": {"es": "Soles de 2009: IPC de Lima, BCRP", "en": "Soles of 2009: Lima CPI, BCRP"},

    # ==== [Regiones: metrics, department profile]
    "regions.metric.pia": {"es": "PIA", "en": "PIA (opening budget)"},
    "regions.metric.pim": {"es": "PIM", "en": "PIM (modified budget)"},
    "regions.metric.devengado": {"es": "Devengado", "en": "Devengado (accrued)"},
    "regions.metric.avance": {"es": "Avance %", "en": "Execution %"},
    "regions.metric.per_capita": {"es": "Devengado por habitante", "en": "Devengado per inhabitant"},
    "regions.metric.per_woman": {"es": "Devengado por mujer", "en": "Devengado per woman"},
    "regions.metric.gender_share": {"es": "Participación de género", "en": "Gender share"},
    "regions.metric.gender_share.def": {"es": "Participación de género ({definition})",
                                        "en": "Gender share ({definition})"},
    "regions.units.gender_share": {"es": "% del devengado", "en": "% of devengado"},
    "regions.units.gender": {"es": "{units} · devengado", "en": "{units} · devengado"},
    "regions.filter.department": {"es": "Perfil de departamento", "en": "Department profile"},
    "regions.filter.department.placeholder": {"es": "Elija un departamento…", "en": "Choose a department…"},
    "regions.filter.compare": {"es": "Comparar (hasta {n})", "en": "Compare (up to {n})"},
    "regions.compare.placeholder": {"es": "Departamentos…", "en": "Departments…"},
    "regions.filter.gender": {"es": "Definición de género", "en": "Gender definition"},
    "regions.filter.prices": {"es": "Precios", "en": "Prices"},
    "regions.no_population": {"es": "No hay población INEI cargada para {year}: no se puede calcular el gasto por "
                                    "persona. Elija otro año, o pida a quien administra los datos que cargue la población.",
                              "en": "No INEI population is loaded for {year}: spending per person cannot be "
                                    "computed. Choose another year, or ask whoever maintains the data to load the population."},
    "regions.no_population.short": {"es": "Sin población INEI para {year}", "en": "No INEI population for {year}"},
    "regions.population_missing": {"es": "Sin población INEI para {year} (en gris en el mapa, sin cifra en la "
                                         "tabla): {departments}.",
                                   "en": "No INEI population for {year} (grey on the map, no figure in the "
                                         "table): {departments}."},
    "regions.no_cpi": {"es": "No hay IPC de Lima para {year}: no se pueden mostrar soles reales.",
                       "en": "No Lima CPI for {year}: real soles cannot be shown."},
    "regions.lima_note": {"es": "Lima aparece inflada en el gasto por habitante: muchas unidades del gobierno "
                                "nacional registran en Lima metas que atienden a todo el país. Para excluirlas, "
                                "elija otro nivel de gobierno:",
                          "en": "Lima looks inflated in spending per inhabitant: many national government units "
                                "register in Lima targets that serve the whole country. To leave them out, "
                                "choose another level of government:"},
    "regions.table.hint": {"es": "Montos en {units}. Haga clic en un departamento (o en el mapa) para ver su "
                                 "perfil.",
                           "en": "Amounts in {units}. Click a department (or the map) to see its profile."},
    "regions.col.gender_share": {"es": "Género % del devengado", "en": "Gender % of devengado"},
    "regions.col.programme": {"es": "Programa de la red", "en": "Network programme"},
    "regions.back": {"es": "← Volver al mapa", "en": "← Back to the map"},
    "regions.rank": {"es": "Puesto {rank} de {n} departamentos en {metric}.",
                     "en": "Rank {rank} of {n} departments by {metric}."},
    "regions.rank.none": {"es": "Sin puesto en {metric}: el departamento no tiene esa cifra este año.",
                          "en": "No rank by {metric}: the department has no such figure this year."},
    "regions.cards.source": {"es": "Fuente: MEF (devengado por departamento de la meta); población: INEI.",
                             "en": "Source: MEF (devengado by department of the meta); population: INEI."},
    "regions.profile.series": {"es": "PIM y devengado de {department} por año",
                               "en": "PIM and devengado of {department} by year"},
    "regions.profile.top": {"es": "Programas con mayor PIM en {department} · {year}",
                            "en": "Programmes with the largest PIM in {department} · {year}"},
    "regions.profile.no_lines": {"es": "{department} no tiene líneas de presupuesto en {year} con estos filtros.",
                                 "en": "{department} has no budget lines in {year} with these filters."},
    "regions.one_year": {"es": "Solo hay un año cargado ({year}): no hay serie que mostrar.",
                         "en": "Only one year is loaded ({year}): there is no series to show."},
    "regions.profile.gender": {"es": "Gasto en igualdad de género: los tres totales",
                               "en": "Gender equality spending: the three totals"},
    "regions.profile.coverage": {"es": "Cobertura de la red de protección social",
                                 "en": "Social protection network coverage"},
    "regions.profile.coverage.hint": {"es": "Cifras de las tablas de cobertura de los programas, como se "
                                            "cargaron, con su fuente.",
                                      "en": "Figures from the programmes' coverage tables, as loaded, "
                                            "with their source."},
    "regions.coverage.none": {"es": "Las tablas de cobertura no tienen cifras para este departamento.",
                              "en": "The coverage tables have no figures for this department."},
    "regions.coverage.other_years": {"es": "No hay cifras de cobertura para {year}; se muestran las de otros años.",
                                     "en": "No coverage figures for {year}; those of other years are shown."},
    "regions.compare.title": {"es": "Departamentos lado a lado · {year}", "en": "Departments side by side · {year}"},
    "regions.compare.measure": {"es": "Indicador", "en": "Measure"},
    "regions.compare.rank": {"es": "Puesto en {metric}", "en": "Rank by {metric}"},
    "regions.compare.absent": {"es": "Sin líneas de presupuesto en {year} con estos filtros: {departments}.",
                               "en": "No budget lines in {year} with these filters: {departments}."},

    # ==== [Género: LIO lines, treemap, alerts, programmes table]
    "gender.card.note_avance": {"es": "Avance {avance} (devengado ÷ PIM) · PIA {pia} · PIM {pim} · {share} del "
                                      "devengado total",
                                "en": "Avance {avance} (devengado ÷ PIM) · PIA {pia} · PIM {pim} · {share} of all "
                                      "devengado"},
    "gender.card.units_real": {"es": "S/ millones de 2009 (IPC Lima) · devengado",
                               "en": "S/ millions of 2009 (Lima CPI) · devengado"},
    "gender.prices.no_cpi": {"es": "No hay IPC para {year}: las cifras se muestran en soles nominales.",
                             "en": "No CPI for {year}: figures are shown in nominal soles."},
    "gender.table.title": {"es": "Qué programas: los tres totales por programa",
                           "en": "Which programmes: the three totals by programme"},
    "gender.table.hint": {"es": "Un programa por fila; 9001 y 9002 (que no son programas) aparecen por la unidad "
                                "ejecutora, actividad o producto que clasifica cada regla. Estricto, ponderado y "
                                "amplio son devengado; avance = devengado ÷ PIM de toda la fila. Ordene con un clic "
                                "en el encabezado.",
                          "en": "One programme per row; 9001 and 9002 (which are not programmes) appear by the "
                                "executing unit, activity or product each rule classifies. Strict, weighted and "
                                "broad are devengado; avance = devengado ÷ PIM of the whole row. Click a header to "
                                "sort."},
    "gender.split.intro": {"es": "El dinero de una unidad ejecutora puede estar repartido entre 9001/9002 y programas "
                                 "presupuestales (p. ej. JUNTOS: su unidad y el programa 0005), en filas distintas de "
                                 "esta tabla; por programa, sus partes suman el total de la unidad:",
                           "en": "An executing unit's money can be split between 9001/9002 and budget programmes "
                                 "(e.g. JUNTOS: its unit and programme 0005), in different rows of this table; by "
                                 "programme, its parts add up to the unit's total:"},
    "gender.split.unit": {"es": "UE {unit} {name}: PIM {pieces} = {total}",
                          "en": "Unit {unit} {name}: PIM {pieces} = {total}"},
    "gender.lio.title": {"es": "Los tres totales por lineamiento de la LIO (devengado)",
                         "en": "The three totals by LIO policy line (devengado)"},
    "gender.lio.none": {"es": "Ninguna línea con dinero de género en esta selección.",
                        "en": "No line with gender money in this selection."},
    "gender.tree.title": {"es": "Dinero de género por categoría, programa y producto (ponderado, devengado)",
                          "en": "Gender money by category, programme and product (weighted, devengado)"},
    "gender.tree.hint": {"es": "Haga clic en un recuadro para ver sus productos; cada recuadro dice su monto y su "
                               "parte del nivel superior.",
                         "en": "Click a tile to see its products; each tile gives its amount and its share of "
                               "the level above."},
    "gender.tree.none": {"es": "Ninguna línea con marcador 1 o 2 en esta selección.",
                         "en": "No line with marker 1 or 2 in this selection."},
    "gender.series.title": {"es": "Los tres totales por año fiscal (devengado)",
                            "en": "The three totals by fiscal year (devengado)"},
    "gender.series.one_year": {"es": "Solo hay un año fiscal cargado ({year}): la serie necesita dos o más.",
                               "en": "Only one fiscal year is loaded ({year}): the series needs two or more."},
    "gender.series.of_budget": {"es": "del devengado total", "en": "of all devengado"},
    "gender.series.right_axis": {"es": "líneas punteadas: % del devengado total (eje derecho)",
                                 "en": "dotted lines: % of all devengado (right axis)"},
    "gender.alerts.title": {"es": "Alertas de ejecución: líneas de género atrasadas",
                            "en": "Execution alerts: gender lines lagging behind"},
    "gender.alerts.pace": {"es": "Líneas con marcador 1 o 2 cuyo avance está más de {margin} puntos por debajo del "
                                 "avance de todo el presupuesto de esta selección ({pace}{when}), de mayor a menor PIM. "
                                 "Cada una abre su detalle en Programas.",
                           "en": "Lines with marker 1 or 2 whose avance is more than {margin} points below the "
                                 "avance of the whole budget of this selection ({pace}{when}), largest PIM first. "
                                 "Each opens its detail on Programas."},
    "gender.alerts.through": {"es": ", hasta {month}", "en": ", through {month}"},
    "gender.alerts.none": {"es": "Ninguna línea de género va atrasada respecto del ritmo del presupuesto.",
                           "en": "No gender line lags behind the budget's pace."},
    "gender.alerts.item": {"es": "Avance {avance} ({gap} puntos por debajo) · PIM {pim} · devengado {dev} · "
                                 "{category} · marcador {marker}",
                           "en": "Avance {avance} ({gap} points below) · PIM {pim} · devengado {dev} · "
                                 "{category} · marker {marker}"},
    "gender.alerts.more": {"es": "Se muestran las {shown} mayores de {total}.",
                           "en": "Showing the {shown} largest of {total}."},
    "gender.rules.title": {"es": "Qué regla clasificó cada programa y por qué",
                           "en": "Which rule classified each programme, and why"},

    # ==== [accessibility, layout and glossary]
    "a11y.skip": {"es": "Saltar al contenido", "en": "Skip to content"},
    "a11y.menu": {"es": "Menú: páginas e idioma", "en": "Menu: pages and language"},
    # glossary tooltips (components/glossary.py); definitions from docs/domain.md ("Budget stages";
    # "The OECD-DAC gender equality policy marker"; "Weighted tagging")
    "glossary.pia": {"es": "PIA, presupuesto institucional de apertura: el presupuesto aprobado al inicio del año.",
                     "en": "PIA, opening budget (presupuesto institucional de apertura): the budget as approved "
                           "at the start of the year."},
    "glossary.pim": {"es": "PIM, presupuesto institucional modificado: el presupuesto con las modificaciones del "
                           "año; la referencia para medir la ejecución.",
                     "en": "PIM, modified budget (presupuesto institucional modificado): the budget after the "
                           "year's modifications; the reference for execution."},
    "glossary.devengado": {"es": "Devengado: el gasto en que se reconoce la obligación de pagar; es el gasto "
                                 "ejecutado.",
                           "en": "Devengado (accrued): spending whose obligation to pay has been recognised; "
                                 "this is executed spending."},
    "glossary.avance": {"es": "Avance %: el devengado dividido entre el PIM (la tasa de ejecución).",
                        "en": "Execution % (avance): devengado divided by PIM (the execution rate)."},
    "glossary.marker": {"es": "Marcador de igualdad de género del CAD-OCDE: 2 principal (la igualdad es el fin "
                              "principal), 1 significativo (un objetivo importante y deliberado, no el "
                              "principal), 0 no orientado.",
                        "en": "OECD-DAC gender equality policy marker: 2 principal (equality is the main aim), "
                              "1 significant (an important, deliberate objective but not the main one), 0 not "
                              "targeted."},
    "glossary.weight": {"es": "Peso: la parte (0-100 %) del monto de una línea que se cuenta como gasto de género "
                              "en el total ponderado.",
                        "en": "Weight: the share (0-100 %) of a line's amount counted as gender spending in the "
                              "weighted total."},

    # ==== [Red, Datos and data truth]
    "data.cite.view": {"es": "Ministerio de Economía y Finanzas del Perú (MEF), «Presupuesto y Ejecución de Gasto» "
                             "(SIAF), datos abiertos, {url}; año fiscal {year}, archivo {files}, cargado el {date}. "
                             "Nivel de gobierno: {level}; precios: {prices}. Procesado con {app}.",
                       "en": "Ministry of Economy and Finance of Peru (MEF), “Presupuesto y Ejecución de Gasto” "
                             "(SIAF), open data, {url}; fiscal year {year}, file {files}, loaded on {date}. "
                             "Level of government: {level}; prices: {prices}. Processed with {app}."},
    "red.table.all": {"es": "Todos los programas de la red", "en": "Every programme of the network"},
    "col.coverage": {"es": "Cobertura", "en": "Coverage"},
    "red.split.title": {"es": "Dónde está este dinero en el presupuesto", "en": "Where this money sits in the budget"},
    "red.split.body": {"es": "El dinero de este programa está repartido en {n} líneas del presupuesto ({programmes} "
                             "programa(s) presupuestal(es)): cada parte aparece en la página Género bajo la regla de "
                             "su propio programa. Las partes suman el total de arriba.",
                       "en": "This programme's money is split over {n} budget lines ({programmes} budget "
                             "programme(s)): on the Género page each part appears under its own programme's rule. "
                             "The parts add up to the total above."},
    "data.cite.title": {"es": "Citar estos datos", "en": "Cite this data"},
    "data.cite.dataset": {"es": "Conjunto de datos: «Presupuesto y Ejecución de Gasto» (SIAF), datos abiertos del MEF —",
                          "en": "Dataset: “Presupuesto y Ejecución de Gasto” (SIAF), MEF open data —"},
    "data.cite.publisher": {"es": "Publica: Ministerio de Economía y Finanzas del Perú (MEF). Archivos cargados en "
                                  "este tablero, con la fecha en que se descargaron y cargaron:",
                            "en": "Publisher: Ministry of Economy and Finance of Peru (MEF). Files loaded into this "
                                  "dashboard, with the date each was retrieved and loaded:"},
    "data.cite.years": {"es": "años fiscales {years}", "en": "fiscal years {years}"},
    "data.cite.demo": {"es": "datos de demostración, no oficiales", "en": "demonstration data, not official"},
    "data.cite.suggested": {"es": "Cita sugerida", "en": "Suggested citation"},
    "data.cite.text": {"es": "Ministerio de Economía y Finanzas del Perú (MEF), «Presupuesto y Ejecución de Gasto» "
                             "(SIAF), datos abiertos, {url}, cargado el {date}; procesado con {app}.",
                       "en": "Ministry of Economy and Finance of Peru (MEF), “Presupuesto y Ejecución de Gasto” "
                             "(SIAF), open data, {url}, loaded on {date}; processed with {app}."},
    "data.admin": {"es": "Para administradores: cómo cargar datos", "en": "For administrators: how to load data"},
    "red.name_added": {"es": "Nombre oficial en castellano añadido por el proyecto: el informe no lo imprime.",
                       "en": "Official Spanish name added by the project: the report does not print it."},
    "red.context.title": {"es": "La red en cifras (según el informe)", "en": "The network in figures (per the report)"},
    "red.year_inferred": {"es": "año inferido", "en": "inferred year"},
    "red.year_inferred.note": {"es": "«Año inferido»: el informe no imprime el año de esa cifra; el año es una lectura "
                                     "del proyecto, explicada en la nota de la fila.",
                               "en": "“Inferred year”: the report prints no year for that figure; the year is the "
                                     "project's reading, explained in the row's note."},

    # ==== [Consulta Amigable breakdowns and reconciliation]
    "consulta.badge.agree": {"es": "Cuadra con la Consulta Amigable ({date})",
                             "en": "Matches Consulta Amigable ({date})"},
    "consulta.badge.differ": {"es": "Difiere en S/ {amount} en {n} claves de la Consulta Amigable",
                              "en": "Differs by S/ {amount} in {n} keys from Consulta Amigable"},
    "consulta.badge.differ.one": {"es": "Difiere en S/ {amount} en 1 clave de la Consulta Amigable",
                                  "en": "Differs by S/ {amount} in 1 key from Consulta Amigable"},
    "consulta.badge.dates": {"es": "Consulta Amigable: {consulta} · Líneas MEF Gasto cargadas: {gasto}. "
                                   "Extraídas en días distintos, las cifras suelen diferir un poco.",
                             "en": "Consulta Amigable: {consulta} · MEF Gasto lines loaded: {gasto}. "
                                   "Extracted on different days, figures normally differ a little."},
    "consulta.badge.none": {"es": "Sin comparación con la Consulta Amigable",
                            "en": "Not compared with Consulta Amigable"},
    "consulta.badge.none.title": {"es": "Cargue una exportación de la Consulta Amigable del mismo año que las "
                                        "líneas del MEF para comparar los totales",
                                  "en": "Load a Consulta Amigable export of the same year as the MEF lines to "
                                        "compare the totals"},
    "consulta.section": {"es": "Conciliación con la Consulta Amigable del MEF",
                         "en": "Reconciliation with MEF's Consulta Amigable"},
    "consulta.section.body": {
        "es": "Para cada exportación de la Consulta Amigable y cada año que también cubren las líneas de MEF Gasto, "
              "se comparan PIM y devengado por clave (nivel de gobierno, sector, pliego, unidad ejecutora o "
              "municipalidad, departamento o programa) con los filtros de la exportación. Una clave cuadra si las "
              "dos cifras difieren en S/ 1 o menos (el portal muestra soles enteros). Las claves que la "
              "exportación no tiene se listan sin contarse. Cifras extraídas en fechas distintas suelen diferir: "
              "se muestran ambas fechas (S/, nominal).",
        "en": "For each Consulta Amigable export and each year MEF Gasto lines also cover, PIM and devengado are "
              "compared per key (level of government, sector, pliego, executing unit or municipality, department "
              "or programme) under the export's filters. A key matches when the two differ by S/ 1 or less (the "
              "portal prints whole soles). Keys the export does not hold are listed but not counted. Figures "
              "extracted on different dates normally differ: both dates are shown (S/, nominal)."},
    "consulta.section.cli": {"es": "La misma comparación puede exportarse en CSV desde la sección «Para administradores».",
                             "en": "The same comparison can be exported as CSV from the “For administrators” section."},
    "consulta.section.empty": {
        "es": "Nada que comparar todavía: cargue una exportación de la Consulta Amigable (XLSX o CSV) de un año "
              "que también tenga líneas de MEF Gasto (ver «Para administradores»).",
        "en": "Nothing to compare yet: load a Consulta Amigable export (XLSX or CSV) of a year that also has MEF "
              "Gasto lines (see “For administrators”)."},
    "consulta.status.agree": {"es": "Cuadra", "en": "Matches"},
    "consulta.status.differ": {"es": "Difiere", "en": "Differs"},
    "consulta.status.only_consulta": {"es": "Solo en la Consulta Amigable", "en": "Only in Consulta Amigable"},
    "consulta.status.only_gasto": {"es": "Solo en MEF Gasto (no contada)", "en": "Only in MEF Gasto (not counted)"},
    "consulta.kind.consulta": {"es": "fecha de consulta", "en": "query date"},
    "consulta.kind.carga": {"es": "fecha de carga", "en": "load date"},
    "consulta.col.year": {"es": "Año", "en": "Year"},
    "consulta.col.level": {"es": "Nivel", "en": "Level"},
    "consulta.col.status": {"es": "Resultado", "en": "Result"},
    "consulta.col.consulta_date": {"es": "Fecha Consulta Amigable", "en": "Consulta Amigable date"},
    "consulta.col.gasto_date": {"es": "Carga MEF Gasto", "en": "MEF Gasto load"},
    "consulta.col.consulta_pim": {"es": "PIM Consulta (S/)", "en": "PIM Consulta (S/)"},
    "consulta.col.gasto_pim": {"es": "PIM Gasto (S/)", "en": "PIM Gasto (S/)"},
    "consulta.col.diff_pim": {"es": "Diferencia PIM (S/)", "en": "PIM difference (S/)"},
    "consulta.col.consulta_dev": {"es": "Devengado Consulta (S/)", "en": "Devengado Consulta (S/)"},
    "consulta.col.gasto_dev": {"es": "Devengado Gasto (S/)", "en": "Devengado Gasto (S/)"},
    "consulta.col.diff_dev": {"es": "Diferencia devengado (S/)", "en": "Devengado difference (S/)"},
    "consulta.muni.title": {"es": "Municipalidades (Consulta Amigable)", "en": "Municipalities (Consulta Amigable)"},
    "consulta.muni.intro": {
        "es": "Departamento > provincia > municipalidad, de las exportaciones de la Consulta Amigable del año "
              "(S/, nominal). Fuente: MEF, Consulta Amigable.",
        "en": "Department > province > municipality, from the year's Consulta Amigable exports (S/, nominal). "
              "Source: MEF, Consulta Amigable."},
    "consulta.muni.empty": {
        "es": "No hay exportación de la Consulta Amigable por municipalidad para {year}. Exporte en el portal "
              "Departamento > Provincia > Municipalidad y pida que se cargue (ver «Datos y fuentes»).",
        "en": "No Consulta Amigable export by municipality for {year}. Export Departamento > Provincia > "
              "Municipalidad from the portal and have it loaded (see “Data and sources”)."},
    "consulta.col.province_code": {"es": "Provincia", "en": "Province"},
    "consulta.col.province": {"es": "Nombre de la provincia", "en": "Province name"},
    "consulta.col.muni_code": {"es": "Ubigeo-unidad", "en": "Ubigeo-unit"},
    "consulta.col.muni": {"es": "Municipalidad", "en": "Municipality"},
    "consulta.units": {"es": "(S/, nominal)", "en": "(S/, nominal)"},

    # ==== [serving: health and database status]
    "unreachable.title": {"es": "La base de datos no responde", "en": "The database is not answering"},
    "unreachable.body": {"es": "El servidor de datos está detenido o reiniciándose. Esta página volverá a "
                               "intentarlo sola cada 10 segundos y se mostrará en cuanto responda; no hace falta "
                               "hacer nada.",
                         "en": "The data server is stopped or restarting. This page tries again by itself every "
                               "10 seconds and comes back as soon as it answers; there is nothing to do."},

    # ==== [results indicators beside the money (components/results.py, store/indicators.py)]
    "results.title": {"es": "Resultados al lado del gasto", "en": "Results beside the money"},
    "results.national": {"es": "Perú (nacional)", "en": "Peru (national)"},
    "results.sheet": {"es": "Resultados", "en": "Results"},
    "gender.violence.title": {"es": "Violencia contra las mujeres: indicadores y gasto en prevención",
                              "en": "Violence against women: indicators and prevention spending"},
    "gender.violence.intro": {"es": "Los indicadores de violencia al lado del programa que busca reducirla ({programme}): "
                                    "su gasto por mujer de 15 a 49 años en cada departamento frente a la violencia de "
                                    "pareja que mide la ENDES.",
                              "en": "The violence indicators beside the programme that aims to reduce it ({programme}): "
                                    "its spending per woman aged 15-49 in each department against the partner "
                                    "violence ENDES measures."},
    "gender.violence.none": {"es": "En {year} no hay un programa cargado vinculado a la violencia contra las mujeres, "
                                   "así que no se puede mostrar su gasto por mujer; los indicadores nacionales van "
                                   "abajo.",
                             "en": "In {year} no loaded programme is linked to violence against women, so its "
                                   "spending per woman cannot be shown; the national indicators are below."},
    "gender.violence.reason": {"es": "Indicador de la Política Nacional de Igualdad de Género y del PpR contra la "
                                     "violencia hacia las mujeres",
                               "en": "Indicator of the National Gender Equality Policy and of the PpR against "
                                     "violence towards women"},
    "results.caveats": {"es": "Advertencias", "en": "Caveats"},
    "results.caveat.association": {"es": "Los indicadores muestran dónde están los resultados, no que el gasto los haya "
                                         "causado: asociación, no efecto.",
                                   "en": "Indicators show where results stand, not that spending caused them: "
                                         "association, not effect."},
    "results.caveat.methods": {"es": "Cuando un indicador cambió de método (anemia: método comparable y método nuevo "
                                     "del INEI), cada método es una serie aparte y no se comparan entre sí.",
                               "en": "When an indicator changed method (anaemia: comparable method and INEI's new "
                                     "method), each method is a separate series and they are not compared."},
    "results.caveat.lima": {"es": "Desde 2021 el INEI publica Lima Metropolitana y la Región Lima por separado; no "
                                  "se suman en Lima.",
                            "en": "Since 2021 INEI publishes Metropolitan Lima and the Lima region separately; they "
                                  "are not added into Lima."},
    "results.caveat.sex": {"es": "Ningún indicador está desagregado por sexo: los de niñez no separan niñas y niños; "
                                 "los de violencia son sobre mujeres. Los valores «referenciales» tienen muestra "
                                 "pequeña (INEI).",
                           "en": "No indicator is split by sex: child indicators do not separate girls and boys; "
                                 "violence indicators are about women. 'Referential' values have a small sample "
                                 "(INEI)."},
    "results.col.indicator": {"es": "Indicador", "en": "Indicator"},
    "results.col.method": {"es": "Método", "en": "Method"},
    "results.col.place": {"es": "Ámbito", "en": "Area"},
    "results.col.year": {"es": "Año", "en": "Year"},
    "results.col.value": {"es": "Valor", "en": "Value"},
    "results.col.unit": {"es": "Unidad", "en": "Unit"},
    "results.col.referential": {"es": "Referencial", "en": "Referential"},
    "results.col.source": {"es": "Fuente", "en": "Source"},
    "results.none.view": {"es": "Esta vista no tiene indicadores de resultado vinculados.",
                          "en": "This view has no linked result indicators."},
    "results.map.title": {"es": "{indicator} por departamento, {year}", "en": "{indicator} by department, {year}"},
    "results.map.none": {"es": "No hay valores de «{indicator}» por departamento en {year}: la fuente no lo midió ese "
                               "año. Elija otro año u otro indicador.",
                         "en": "No values of “{indicator}” by department in {year}: the source did not measure it "
                               "that year. Choose another year or indicator."},
    "results.map.lima": {"es": "Lima: el INEI publica Lima Metropolitana y la Región Lima por separado; no se suman",
                         "en": "Lima: INEI publishes Metropolitan Lima and the Lima region separately; not added up"},
    "results.map.section": {"es": "Resultados por departamento", "en": "Results by department"},
    "results.map.pick": {"es": "Indicador de resultado", "en": "Result indicator"},
    "results.profile.title": {"es": "Indicadores de resultado del departamento",
                              "en": "The department's result indicators"},
    "results.intro": {"es": "Los indicadores de resultado que este programa busca mejorar, por año, con su fuente. "
                            "Los puntos huecos son valores referenciales (muestra pequeña, según el INEI).",
                      "en": "The result indicators this programme aims to improve, by year, with their source. "
                            "Hollow points are referential values (small sample, as flagged by INEI)."},
    "results.lower": {"es": "menor es mejor", "en": "lower is better"},
    "results.higher": {"es": "mayor es mejor", "en": "higher is better"},
    "results.referential": {"es": "referencial", "en": "referential"},
    "results.missing_years": {"es": "sin dato para {years}", "en": "no data for {years}"},
    "results.none": {"es": "No hay valores de «{indicator}» para {place}.",
                     "en": "No values of “{indicator}” for {place}."},
    "results.no_points": {"es": "Ningún departamento tiene valor de «{indicator}» en {year}: la encuesta no lo "
                                "midió ese año.",
                          "en": "No department has a value of “{indicator}” in {year}: the survey did not measure "
                                "it that year."},
    "results.scatter.title": {"es": "{programme}: gasto por persona e indicador por departamento, {year}",
                              "en": "{programme}: spending per person and indicator by department, {year}"},
    "results.scatter.units": {"es": "{per} (devengado, S/ nominales) frente a {indicator}",
                              "en": "{per} (devengado, nominal S/) against {indicator}"},
    "results.scatter.units.real": {"es": "{per} (devengado, S/ de 2009) frente a {indicator}",
                                   "en": "{per} (devengado, 2009 S/) against {indicator}"},
    "results.per_person.children_0_4": {"es": "Gasto por niña o niño menor de 5 años",
                                        "en": "Spending per child under 5"},
    "results.per_person.women_15_49": {"es": "Gasto por mujer de 15 a 49 años", "en": "Spending per woman aged 15-49"},
    "results.per_person.women": {"es": "Gasto por mujer", "en": "Spending per woman"},
    "results.per_person.inhabitants": {"es": "Gasto por habitante", "en": "Spending per inhabitant"},
    "results.association": {"es": "El gráfico muestra asociación, no efecto: que un departamento gaste más por "
                                  "persona y tenga mejores indicadores no prueba que el gasto los haya causado "
                                  "(la pobreza, la altitud y el gasto de años anteriores también pesan).",
                            "en": "The chart shows association, not effect: a department that spends more per "
                                  "person and has better indicators does not prove the spending caused them "
                                  "(poverty, altitude and earlier years' spending weigh too)."},
    "results.why": {"es": "Por qué estos indicadores", "en": "Why these indicators"},

}

# Domain vocabulary: its words live in domain/, written once.
TEXT.update({f"level.{k}": v for k, v in LEVEL_LABELS.items()})
TEXT.update({f"gcat.{k}": v for k, v in CATEGORIES.items()})
TEXT.update({f"gmark.{k}": v if k == UNREVIEWED else {lang: f"{k} · {word}" for lang, word in v.items()}
             for k, v in MARKERS.items()})
TEXT.update({f"glio.{k}": v for k, v in LIO_LABELS.items()})
TEXT.update({f"gdef.{k}": v for k, v in DEFINITIONS.items()})


def t(key: str, lang: str | None = DEFAULT_LANG, **fmt) -> str:
    """The text for `key` in `lang` (Spanish when the language is unknown)."""
    entry = TEXT[key]
    text = entry.get(lang or DEFAULT_LANG) or entry[DEFAULT_LANG]
    return text.format(**fmt) if fmt else text


def unit_label(unit: str | None, lang: str | None = DEFAULT_LANG, singular: bool = False) -> str:
    """A coverage unit slug (data/network) in words: 'households' -> 'hogares' ('hogar' singular).

    percent_<base> and <base>_target say so; a slug without a translation shows as words."""
    if not unit:
        return ""
    key = ("unit1." if singular else "unit.") + unit
    if key in TEXT:
        return t(key, lang)
    if not singular and f"unit.{unit}" in TEXT:
        return t(f"unit.{unit}", lang)
    if unit.startswith("percent_"):
        return t("unit.percent", lang, base=unit_label(unit[len("percent_"):], lang))
    if unit.endswith("_target"):
        return t("unit.target", lang, base=unit_label(unit[: -len("_target")], lang, singular))
    return unit.replace("_", " ")


SECTION_WORDS = {"Table": {"es": "Tabla", "en": "Table"}, "Appendix": {"es": "Apéndice", "en": "Appendix"},
                 "Box": {"es": "Recuadro", "en": "Box"}, "footnote": {"es": "nota al pie", "en": "footnote"}}


def report_section(section: str | None, lang: str | None = DEFAULT_LANG) -> str:
    """A section of the ODI report as the page's language says it: 'Table A3.2' -> 'Tabla A3.2',
    '3.2 (footnote 30)' -> 'sección 3.2 (nota al pie 30)'. The stored label stays the report's."""
    if not section:
        return ""
    lang = lang if lang in LANGS else DEFAULT_LANG
    head, sep, rest = str(section).partition(" ")
    if section == "Executive summary":
        return {"es": "resumen ejecutivo", "en": "executive summary"}[lang]
    if head in SECTION_WORDS:
        text = f"{SECTION_WORDS[head][lang]}{sep}{rest}"
    elif head[:1].isdigit():
        text = t("report.section", lang, number=section)
    else:
        return str(section)
    return text.replace("footnote", SECTION_WORDS["footnote"][lang])


def code_label(kind: str, code: str | None, lang: str | None = DEFAULT_LANG) -> str:
    """A stored code ('loaded', 'mef_gasto') in words; a code without a translation shows as is,
    so a new status or format is never hidden."""
    key = f"{kind}.{code}"
    return t(key, lang) if key in TEXT else ("" if code is None else str(code))


def gender_class_label(row: dict | None, lang: str | None = DEFAULT_LANG) -> str:
    """A programme's gender classification in words ('Específico de género · 2'); with several
    rules, the category of most of its PIM and that share. Used by Programas and by briefs."""
    if row is None:
        return ""
    cat = code_label("gcat", row["category"], lang)
    marker = row["marker"]
    marker = "" if marker is None or marker != marker else f" · {int(marker)}"
    if row["rules"] > 1:
        share = row["category_share_pct"]
        share = "—" if share is None or share != share else f"{share:,.1f} %"
        return t("gender.mixed", lang, category=cat + marker, share=share, rules=row["rules"])
    return cat + marker


def money_units(prices: str | None, lang: str | None = DEFAULT_LANG, millions: bool = True) -> str:
    """The unit label of amounts in `prices` (state["precios"]): 'S/ millones, nominal' or
    'S/ millones de 2009 (IPC Lima)'; millions=False for plain soles. One label everywhere."""
    if prices == "real":
        return t("prices.units.real" if millions else "prices.units.soles.real", lang, base=REAL_BASE_YEAR)
    return t("units.millions" if millions else "prices.units.soles.nominal", lang)


def prices_in_words(prices: str | None, lang: str | None = DEFAULT_LANG) -> str:
    """Which prices a view shows, for a brief's or report's filter list."""
    return t(f"prices.in_words.{'real' if prices == 'real' else 'nominal'}", lang, base=REAL_BASE_YEAR)
