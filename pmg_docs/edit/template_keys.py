"""What each key a template receives in `view` means, in Spanish, for docs/campos.md.

The keys themselves are read off the views run on the examples (edit/field_reference.py); what
they mean is written here, by document (the kind and format the reference lists, as
`_examples` names them) and by path, or once in SHARED where a key means the same in every
view that has it. A key the views give and this module does not explain, or one explained here
that no view gives any more, fails tests/edit/test_field_reference.py: the explanations cannot
drift from the views. Spanish only, like the reference (a file of the project, not a message).
"""

from __future__ import annotations

# A printed number: a text, in the catalog's number style («37.50», «12.608.049»).
_PRINTED = "como texto, con el estilo de números del catálogo"

# The same meaning in every view that has the key.
SHARED: dict[str, str] = {
    ".service": "el servicio de la formulación: `ministry`, `partida`, `name`, `chapter`",
    ".state": "el estado del informe («Proceso finalizado»), o nada si la fuente no lo da",
    ".date": "la fecha del informe, escrita larga («31 de marzo de 2025»), o nada",
    ".met_at": f"desde qué por ciento de su meta un indicador se da por cumplido, {_PRINTED}",
    ".source": "dónde lo dispone la norma (`rules.compliance.source`: «Ley N° 19.553, art. 6»), "
               "o nada",
}

# Keys of a target as views/targets.py gives it (a formulation's target, a result).
_TARGET = ("la meta en partes, que la plantilla compone: `value` y `unit` (con "
           "`unit_first` para «$ 1.234»), `numerator`, `denominator` y `factor` (100 en un "
           "porcentaje), {printed}").format(printed=_PRINTED)

# The overall figures of a service's judgement (views/results.py: judgement_view).
_OVERALL = {
    ".percent": f"el cumplimiento global, en por ciento, {_PRINTED}",
    ".earned": f"la ponderación obtenida, {_PRINTED}",
    ".committed": f"la ponderación comprometida, {_PRINTED}",
    ".band": "el tramo del incentivo alcanzado («Total», «Parcial», «Sin incremento»)",
    ".share": "la parte del incremento que gana ese tramo, en por ciento",
    ".increment": "el incremento del tramo, en por ciento de la remuneración, o nada",
    ".met_at": f"desde qué por ciento de su meta un indicador se da por cumplido, {_PRINTED}",
}

KEYS: dict[tuple[str, str], dict[str, str]] = {
    ("circular", "carta"): {
        ".date": "la fecha de la carta, impresa como en el original («15 SEP 2011»)",
        ".body": "el texto en partes, en orden: párrafos ya diagramados e inserciones",
        ".body[]": "una parte del texto",
        ".body[].kind": "qué parte es: `html` (texto ya diagramado), `cuadro` (un «Cuadro N» "
                        "del catálogo, con `number`, `title`, `columns`, `groups`) o "
                        "`instituciones` (con `ministries`)",
        ".body[].html": "en una parte `html`, el Markdown del texto ya convertido en HTML",
        ".distribution": "la «Distribución»: un destinatario por ministro",
        ".distribution[]": "un ministro y las jefaturas bajo él",
        ".distribution[].to": "cómo se nombra al ministro, terminado en «:»",
        ".distribution[].heads": "las jefaturas de servicio que reciben copia, cada una "
                                 "terminada en «.»",
    },
    ("formulation", "areas"): {
        ".stage_columns": "los encabezados de las columnas de etapa, en romanos (I … IV), hasta "
                          "la etapa más alta de los sistemas del catálogo",
        ".rows": "los sistemas comprometidos, en el orden de la formulación",
        ".rows[]": "un sistema comprometido",
        ".rows[].marco": "el nombre del marco del sistema (vacío si el catálogo no lo da)",
        ".rows[].area": "el nombre del área del sistema",
        ".rows[].system": "el nombre del sistema",
        ".rows[].marks": "por cada columna de etapa, `true` en la etapa comprometida",
        ".rows[].priority": "el nombre de la prioridad («ALTA»)",
        ".rows[].weight": f"la ponderación, {_PRINTED}",
        ".exemptions": "los sistemas eximidos o con etapa modificada",
        ".exemptions[]": "una exención o modificación",
        ".exemptions[].marco": "el nombre del marco del sistema",
        ".exemptions[].area": "el nombre del área del sistema",
        ".exemptions[].system": "el nombre del sistema",
        ".exemptions[].type": "`eximir` o `modificar`",
        ".exemptions[].stage": "la etapa modificada, o nada en una exención",
        ".exemptions[].justification": "la justificación, ya convertida en HTML",
        ".exemptions[].splits": "`true` si la justificación es tan larga que su fila puede "
                                "partirse entre páginas",
    },
    ("formulation", "indicadores"): {
        ".indicators": "los indicadores de desempeño, en el orden de la formulación",
        ".indicators[]": "un indicador",
        ".indicators[].number": "su número de orden (1, 2, …)",
        ".indicators[].id": "su id",
        ".indicators[].product": "el producto estratégico que mide, o nada",
        ".indicators[].type": "su tipo, con el nombre del catálogo («Eficacia/Producto»)",
        ".indicators[].name": "su nombre",
        ".indicators[].formula": "su fórmula de cálculo, o nada",
        ".indicators[].unit": "su unidad de medida («%», «días»), o nada",
        ".indicators[].target": _TARGET,
        ".indicators[].numerator_description": "qué cuenta el numerador, o nada",
        ".indicators[].denominator_description": "qué cuenta el denominador, o nada",
        ".indicators[].verification": "los medios de verificación, uno por elemento",
        ".indicators[].notes": "la nota técnica ya convertida en HTML, o nada",
        ".indicators[].sex_disaggregation": "`true` si aplica desagregación por sexo",
        ".indicators[].territorial": "`true` si aplica gestión territorial",
        ".indicators[].weight": f"la ponderación, {_PRINTED}, o nada si no se pondera",
        ".total_weight": f"la suma de las ponderaciones, {_PRINTED}, o nada",
    },
    ("formulation", "objetivos"): {
        ".sections": "los objetivos de gestión comprometidos, en el orden del catálogo",
        ".sections[]": "un objetivo de gestión",
        ".sections[].number": "su número en el catálogo (1, 2, 3)",
        ".sections[].name": "su nombre («Gestión Eficaz»)",
        ".sections[].weight": f"su ponderación, {_PRINTED}",
        ".sections[].systems": "sus sistemas: cada uno con `number`, `name`, `weight`, `total` "
                               "y `stages` (cada etapa con sus objetivos, su texto y "
                               "ponderación)",
        ".sections[].indicators": "sus indicadores: cada uno con `number`, `name`, `formula`, "
                                  "`own` (propio del servicio), `weight`, `measure_only` y "
                                  "`target`",
        ".sections[].count": "cuántos sistemas e indicadores tiene (las filas de la sección)",
        ".total_weight": f"la suma de las ponderaciones de los objetivos, {_PRINTED}",
        ".total_count": "cuántos sistemas e indicadores hay en total",
        ".gender": "las medidas de equidad de género, o nada si la formulación no tiene",
        ".gender.indicator": "el nombre del indicador que las cuenta",
        ".gender.count": "cuántas medidas se comprometen",
        ".gender.measures": "las medidas, en orden",
        ".gender.measures[]": "una medida: `number`, `kind` (el nombre de su tipo) y "
                              "`description` (ya convertida en HTML)",
    },
    ("guide", "--all"): {
        ".systems": "cada sistema del catálogo, en su orden",
        ".systems[]": "la guía de un sistema, con las mismas claves que la de un sistema solo",
        ".systems[].system": "el sistema del catálogo (sus campos, arriba)",
        ".systems[].stages": "sus etapas, como `view.stages` en la guía de un sistema, cada "
                             "una con su `anchor`",
        ".systems[].requirement_count": "cuántos requisitos técnicos tiene el sistema",
        ".systems[].anchor": "el id HTML del título del sistema (`sistema-ID`), al que apunta "
                             "el índice",
        ".requirement_count": "cuántos requisitos técnicos tiene todo el marco",
    },
    ("guide", "requisitos"): {
        ".system": "el sistema del catálogo (sus campos, arriba)",
        ".stages": "sus etapas, en orden",
        ".stages[]": "una etapa",
        ".stages[].number": "su número",
        ".stages[].name": "su nombre, o nada",
        ".stages[].objectives": "sus objetivos: `number`, `text`, `count` (cuántos requisitos) "
                                "y `rows` (los requisitos con su código, texto y nota técnica, "
                                "una nota por grupo de requisitos fusionados)",
        ".stages[].has_requirements": "`true` si algún objetivo de la etapa tiene requisitos",
        ".requirement_count": "cuántos requisitos técnicos tiene el sistema",
    },
    ("monthly-report", "mensual"): {
        ".rows": "un indicador comprometido por fila, en el orden de la formulación",
        ".rows[]": "un indicador",
        ".rows[].number": "su número de orden",
        ".rows[].met": "`true` si el resultado acumulado cumple la meta",
        ".rows[].percent": f"el cumplimiento, en por ciento de la meta, {_PRINTED}",
        ".rows[].id": "el id del indicador",
        ".rows[].name": "su nombre",
        ".rows[].indicator": "su definición: `name`, `formula`, `type`, `scale`, `unit`, las "
                             "descripciones del numerador y denominador, `notes`, "
                             "`verification`",
        ".rows[].measure_only": "`true` si solo se mide, sin meta",
        ".rows[].target": f"la meta comprometida, o nada si solo se mide: {_TARGET}",
        ".rows[].effective": "el resultado acumulado, en las mismas partes que la meta",
        ".rows[].by_sex": "el resultado por sexo: cada elemento con `label` (H, M), `figures` y "
                          "`percent`",
        ".rows[].other_weights": "las otras ponderaciones: `name`, `weight`, `obtained`",
        ".rows[].series": "la serie del año: `periods` (cada uno con `name` y `figures`, o "
                          "nada en un hueco), `accumulated` y `accumulation`",
        ".rows[].verification": "los medios de verificación entregados",
        ".rows[].notes": "la nota del servicio sobre el resultado, ya convertida en HTML, o "
                         "nada",
        ".periods": "los nombres de los períodos de la serie («Enero» … o «Primer "
                    "trimestre» …), los encabezados de sus columnas",
    },
    ("prose", "markdown"): {
        ".text": "el texto (títulos, tablas, notas al pie, inserciones del catálogo); la "
                 "plantilla llama a `view.text.layout(numeración)`, que da `html` (el texto "
                 "diagramado, con sus títulos numerados como ella dice) y `toc` (los títulos "
                 "para el índice)",
    },
    ("report", "consolidado"): {
        ".year": "el año del catálogo",
        ".total": "cuántos servicios formularon",
        ".reported": "cuántos tienen informe de cumplimiento",
        ".mean": f"el cumplimiento global promedio, {_PRINTED}, o nada",
        ".bands": "los tramos del incentivo, del más alto al más bajo",
        ".bands[]": "un tramo",
        ".bands[].name": "su nombre («Total»)",
        ".bands[].at_least": "desde qué cumplimiento rige, en por ciento",
        ".bands[].share": "la parte del incremento que gana, en por ciento",
        ".bands[].increment": "el incremento, en por ciento de la remuneración, o nada",
        ".bands[].count": "cuántos servicios quedaron en el tramo",
        ".services": "un elemento por servicio con informe",
        ".services[]": "un servicio y su cumplimiento",
        ".services[].service": "el servicio: `ministry`, `partida`, `name`, `chapter`",
        **{f".services[]{key}": words for key, words in _OVERALL.items()},
        ".services[].rows": "sus compromisos, cada uno con `number`, `kind`, `weight`, "
                            "`percent`, `met`, `external` y `earned`",
        ".missing": "los servicios que formularon y no tienen informe",
        ".systems": "los sistemas, con su cumplimiento promedio",
        ".systems[]": "un sistema",
        ".systems[].name": "su nombre",
        ".systems[].count": "cuántos servicios lo comprometieron",
        ".systems[].mean": f"su cumplimiento promedio, {_PRINTED}",
        ".charts": "los gráficos, que los escritores dibujan",
        ".charts.distribution": "la distribución de los servicios por tramo de cumplimiento "
                                "(columnas)",
        ".charts.distribution.kind": "`column`",
        ".charts.distribution.categories": "los rótulos de cada columna",
        ".charts.distribution.values": "cuántos servicios en cada una",
        ".charts.distribution.labels": "los valores impresos sobre cada columna",
        ".charts.distribution.maximum": "el máximo del eje",
        ".charts.distribution.number_format": "el formato de los números del eje",
        ".charts.systems": "el cumplimiento promedio de cada sistema (barras)",
        ".charts.systems.kind": "`bar`",
        ".charts.systems.categories": "los nombres de los sistemas",
        ".charts.systems.values": "el promedio de cada uno, en por ciento",
        ".charts.systems.labels": "los promedios impresos junto a cada barra",
        ".charts.systems.maximum": "el máximo del eje (100)",
        ".charts.systems.number_format": "el formato de los números del eje",
    },
    ("results", "cumplimiento"): {
        ".sections": "los compromisos agrupados como los imprime la formulación (por objetivo "
                     "de gestión o por área)",
        ".sections[]": "un grupo",
        ".sections[].number": "el número del objetivo o área, o nada",
        ".sections[].name": "su nombre, o nada",
        ".sections[].group": "qué agrupa: `objective` o `area`, o nada",
        ".sections[].weight": f"la ponderación comprometida del grupo, {_PRINTED}",
        ".sections[].earned": f"la ponderación obtenida del grupo, {_PRINTED}",
        ".sections[].rows": "sus compromisos: `number`, `kind` (`indicator` o `system`), "
                            "`weight`, `percent`, `met`, `external`, `earned`, y el detalle "
                            "del indicador o de las etapas del sistema",
        ".causes": "las causas externas invocadas",
        ".causes[]": "una causa externa",
        ".causes[].name": "el nombre del compromiso que afecta",
        ".causes[].description": "la causa, ya convertida en HTML",
        ".causes[].accepted": "`true` aceptada, `false` rechazada, nada si está pendiente",
        ".overall": "el cumplimiento global del servicio",
        **{f".overall{key}": words for key, words in _OVERALL.items()},
        ".other_weights": "cada ponderación declarada además de la de la formulación, con sus "
                          "filas y totales",
    },
    ("work-plan", "programa"): {
        ".measures": "las medidas de género comprometidas, en orden",
        ".measures[]": "una medida",
        ".measures[].number": "su número en la formulación",
        ".measures[].kind": "el nombre de su tipo",
        ".measures[].activities": "sus actividades: `activity`, `start`, `end` (fechas "
                                  "impresas), `unit`, `evidence` y `objective`",
        ".systems": "los sistemas comprometidos, en orden",
        ".systems[]": "un sistema",
        ".systems[].name": "su nombre",
        ".systems[].activities": "sus actividades, como las de una medida, cada una con el "
                                 "objetivo de etapa al que sirve (`objective.stage`, "
                                 "`objective.number`, `objective.text`)",
    },
}


def key_words(document: tuple[str, str], path: str) -> str | None:
    """What the key `path` (`.rows[].weight`) of `document`'s view means; None if unexplained."""
    return KEYS.get(document, {}).get(path) or SHARED.get(path)
