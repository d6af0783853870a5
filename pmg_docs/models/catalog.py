"""A year's Programa Marco: objectives, systems and their stages, indicators, rules.

One model serves every year's marco; the fields a marco does not use stay empty. What varies by
year is data here, not code: which documents the marco offers and how each is laid out
(`documents`: format, template, title), the number style, which rules apply and with which
parameters, and every word the documents print about the marco.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Self

from pydantic import Field, StringConstraints, field_validator, model_validator

from ..i18n import N_, _
from .base import Id, Identified, Label, Model, RichText, Text
from .indicator import IndicatorFields
from .requirement_code import DEFAULT as DEFAULT_REQUIREMENT_CODE
from .requirement_code import compile_pattern


class NumberStyle(Model):
    """How numbers print in this year's documents (`105.28` in 2024, `101,02` elsewhere)."""

    decimal: Literal[".", ","] = Field(default=".", description=N_(
        "Signo que separa los decimales en los documentos del año: `.` (105.28, como las "
        "formulaciones 2024) o `,` (101,02)."))
    group: Literal[".", ",", " ", ""] = Field(default=".", description=N_(
        "Signo que separa los miles: `.` (12.608.049), `,`, un espacio o nada (vacío: "
        "12608049)."))


class ManagementObjective(Model):
    id: Id = Field(description=N_(
        "Identificador del objetivo de gestión, con el que la formulación lo nombra "
        "(`objective: gestion-eficaz`): minúsculas, dígitos y guiones."))
    number: int = Field(ge=1, le=99, description=N_(
        "Número con que el Programa Marco lo presenta (1, 2, 3); ordena las secciones de la "
        "formulación."))
    name: Text = Field(description=N_(
        "Nombre del objetivo tal como lo imprimen los documentos, p. ej. «Gestión Eficaz»."))


class Requirement(Model):
    """A technical requirement of a stage objective (`E1-01-RT1`) and what evidence counts."""

    # Checked in catalog_checks (form, uniqueness, numbers against its place), so that a wrong
    # code gets a message saying what the code should be rather than a bare pattern.
    code: Label = Field(description=N_(
        "Código del requisito técnico según el patrón del catálogo (`requirement_code`), con "
        "su etapa, objetivo y número: `E1-01-RT1` es la etapa 1, objetivo 01, requisito 1."))
    name: Text = Field(description=N_(
        "El texto del requisito técnico, tal como lo publica DIPRES: lo que el servicio debe "
        "cumplir."))
    # The "Nota técnica": what evidence counts.
    note: Text | None = Field(default=None, description=N_(
        "Nota técnica: qué se entiende por el requisito y qué medio de verificación lo "
        "acredita."))
    # Codes of the requirements this one was merged (fused, combined) with when DIPRES published
    # it: they share one technical note, which the documents print once for the group.
    merged_with: list[Label] = Field(default=[], description=N_(
        "Códigos de los requisitos con que DIPRES fusionó este al publicarlo, p. ej. "
        "`[E1-02-RT5]`: comparten una nota técnica, que la guía imprime una vez."))
    # A published code whose numbers do not match where it sits (merged or renumbered by DIPRES).
    published_exception: Text | None = Field(default=None, description=N_(
        "Solo si DIPRES publicó el código con números que no corresponden a su etapa y "
        "objetivo (fusionado o renumerado): por qué se conserva así. Sin esto, ese código es "
        "un error."))


class StageObjective(Model):
    number: int = Field(ge=1, le=99, description=N_(
        "Número del objetivo dentro de su etapa (1, 2, …): la formulación da una ponderación "
        "por objetivo en este orden."))
    text: Text = Field(description=N_(
        "Enunciado del objetivo de la etapa, como lo publica el Programa Marco."))
    requirements: list[Requirement] = Field(default=[], description=N_(
        "Requisitos técnicos del objetivo, cada uno con su código y nota técnica."))


class Stage(Model):
    number: int = Field(ge=1, le=9, description=N_(
        "Número de la etapa del sistema (1 a 4 en los marcos conocidos; los documentos la "
        "imprimen I, II, III, IV o E1, E2…)."))
    name: Text | None = Field(default=None, description=N_(
        "Nombre de la etapa, donde el marco le da uno: «Diagnóstico de la calidad de servicio "
        "y experiencia usuaria»."))
    objectives: list[StageObjective] = Field(default=[], description=N_(
        "Objetivos de la etapa, en el orden del Programa Marco."))


class System(Model):
    id: Id = Field(description=N_(
        "Identificador del sistema, con el que lo nombran las formulaciones, los programas de "
        "trabajo y los resultados (`estado-verde`) y `pmg guide`."))
    name: Text = Field(description=N_(
        "Nombre del sistema tal como lo imprimen los documentos, p. ej. «Estado Verde»."))
    # The management objective the marco places it under (2024 format); `pmg new` uses it.
    objective: Id | None = Field(default=None, description=N_(
        "Objetivo de gestión bajo el cual el marco lo ubica (formato 2024): un id de "
        "`objectives`. `pmg new` lo pone en esa sección."))
    area: Id | None = Field(default=None, description=N_(
        "Área prioritaria a la que pertenece (formato 2011–2012): un id de `areas`."))
    marco: Id | None = Field(default=None, description=N_(
        "Marco al que pertenece (Básico, Avanzado, de la Calidad; formato 2011–2012): un id de "
        "`marcos`."))
    general_objective: Text | None = Field(default=None, description=N_(
        "Objetivo general del sistema, como lo imprime el cuadro de sistemas de la circular."))
    # How the marco describes its size, e.g. "4 etapas" or "3 objetivos".
    size_label: Text | None = Field(default=None, description=N_(
        "Cómo el marco enuncia su extensión, impreso junto al nombre: «4 etapas», "
        "«3 objetivos»."))
    experts: list[Text] = Field(default=[], description=N_(
        "Red de expertos: las instituciones que asesoran y validan el sistema, una por línea "
        "(«Dirección de Presupuestos (DIPRES)»)."))
    # The name a table of expert bodies prints, where the marco's own document differs.
    experts_table_name: Text | None = Field(default=None, description=N_(
        "Nombre del sistema en el cuadro de la red de expertos, solo si ese cuadro lo nombra "
        "distinto de `name`."))
    stages: list[Stage] = Field(default=[], description=N_(
        "Etapas del sistema, de la primera a la última, con sus objetivos y requisitos. Un "
        "sistema sin etapas declaradas se escribe con una sola: `[{number: 1}]`."))
    # What the system seeks («Meta») and why the marco has it («Antecedentes»), in Markdown, as
    # the requirements guide prints them before its stages.
    goal: RichText | None = Field(default=None, description=N_(
        "«Meta»: lo que el sistema busca lograr, en Markdown; la guía de requisitos la imprime "
        "antes de las etapas."))
    background: RichText | None = Field(default=None, description=N_(
        "«Antecedentes»: por qué el marco incluye el sistema y de dónde viene, en Markdown; la "
        "guía de requisitos los imprime antes de las etapas."))


class Indicator(IndicatorFields, Identified):
    """A transversal indicator of the marco, which services commit by its id."""

    # The management objective the marco places it under (2024 format); `pmg new` uses it.
    objective: Id | None = Field(default=None, description=N_(
        "Objetivo de gestión bajo el cual el marco ubica el indicador (formato 2024): un id de "
        "`objectives`."))
    # The marco fixes the denominator (the gender indicator's 8 measures).
    fixed_denominator: int | None = Field(default=None, ge=1, description=N_(
        "Denominador que fija el Programa Marco, igual para todo servicio: p. ej. `8`, las "
        "medidas de equidad de género del marco 2024. La meta comprometida debe usarlo."))
    # The numerator counts the gender-equity measures listed in the formulation.
    counts_gender_measures: bool = Field(default=False, description=N_(
        "`true` si el numerador es el número de medidas de equidad de género que la "
        "formulación enumera (`gender_measures`): se comprueba que coincidan."))


class IndicatorType(Model):
    """A type of indicator the marco admits (dimension and ámbito: "Eficacia/Producto")."""

    id: Id = Field(description=N_(
        "Identificador del tipo, que el indicador escribe en `type`: `eficacia-producto`."))
    name: Text = Field(description=N_(
        "Dimensión y ámbito como los imprime el formulario: «Eficacia/Producto»."))


class GenderMeasureKind(Model):
    id: Id = Field(description=N_(
        "Identificador del tipo de medida, que la formulación escribe en "
        "`gender_measures[].kind`."))
    name: Text = Field(description=N_(
        "Nombre del tipo de medida de equidad de género como lo publica el marco."))


class Area(Model):
    id: Id = Field(description=N_(
        "Identificador del área, que los sistemas escriben en `area`."))
    name: Text = Field(description=N_(
        "Nombre del área prioritaria: «Planificación y Control de Gestión», «Recursos "
        "Humanos»…"))
    number: int | None = Field(default=None, ge=1, description=N_(
        "Número con que los cuadros del marco numeran el área (1, 2, …)."))


class Institution(Model):
    """A service that formulates under this marco."""

    id: Id = Field(description=N_(
        "Identificador del servicio, con el que la Distribución de una circular lo nombra "
        "(`superintendencia-de-salud`)."))
    name: Text = Field(description=N_(
        "Nombre oficial del servicio: «Superintendencia de Salud»."))


class Publisher(Model):
    """Who publishes the marco, and so issues the documents drawn from it alone (the
    requirements guide, the year's results), as their metadata names it."""

    name: Text = Field(description=N_(
        "Quien publica el marco: «Dirección de Presupuestos». Va en los metadatos de la guía "
        "de requisitos y de los resultados del año."))
    ministry: Text = Field(description=N_(
        "Ministerio del que depende: «Ministerio de Hacienda»."))


class Ministry(Model):
    """A ministry and the services related to or depending on it that formulate."""

    id: Id = Field(description=N_(
        "Identificador del ministerio, con el que lo nombra la Distribución de una circular "
        "(`salud`)."))
    name: Text = Field(description=N_("Nombre del ministerio: «Ministerio de Salud»."))
    institutions: list[Institution] = Field(default=[], description=N_(
        "Servicios relacionados con el ministerio o dependientes de él que formulan bajo este "
        "marco."))


class Marco(Model):
    id: Id = Field(description=N_(
        "Identificador del marco, que los sistemas escriben en `marco`: `basico`."))
    name: Text = Field(description=N_(
        "Nombre del marco como lo imprime la formulación 2011: «Marco Básico», «Marco "
        "Avanzado»."))


class Priority(Model):
    """A priority a service gives a committed system (2011 format: ALTA, MEDIANA, MENOR)."""

    id: Id = Field(description=N_(
        "Identificador de la prioridad, que la formulación escribe en `priority`: `alta`."))
    name: Text = Field(description=N_(
        "La prioridad como la imprime la formulación: «ALTA», «MEDIANA», «MENOR»."))
    # Higher is more important; "at least ALTA" compares these.
    level: int = Field(ge=1, le=99, description=N_(
        "Nivel de la prioridad: más alto, más importante (ALTA 3, MEDIANA 2, MENOR 1). Las "
        "reglas «al menos ALTA» comparan este número."))


class SystemRequirement(Model):
    """What the marco requires of some of its systems (checked by checks/marco_requirements.py).

    The systems it applies to are those listed under `systems`, or every system of `marco` or
    of `area`, less those under `excluding`. The checks left empty do not apply.
    """

    systems: list[Id] = Field(default=[], description=N_(
        "Los sistemas a los que se aplica la regla, por su id. Vacío: los de `marco` o `area`, "
        "o todos."))
    marco: Id | None = Field(default=None, description=N_(
        "Aplica la regla a todos los sistemas de este marco (un id de `marcos`)."))
    area: Id | None = Field(default=None, description=N_(
        "Aplica la regla a todos los sistemas de esta área (un id de `areas`)."))
    excluding: list[Id] = Field(default=[], description=N_(
        "Sistemas a los que la regla no se aplica, por su id («excepto Seguridad de la "
        "Información»)."))
    # The system must be committed (an exemption does not excuse it).
    committed: bool = Field(default=False, description=N_(
        "`true`: el servicio debe comprometer el sistema; eximirlo no lo excusa."))
    # When committed: at least this stage, or the system's last stage ("all its objectives").
    stage_at_least: int | None = Field(default=None, ge=1, le=9, description=N_(
        "Si se compromete, al menos esta etapa: `2` para «al menos los objetivos de la etapa "
        "dos»."))
    last_stage: bool = Field(default=False, description=N_(
        "`true`: si se compromete, debe ser en su última etapa («todos sus objetivos»)."))
    # When committed: at least this priority (an id of `priorities`) and this weight.
    priority_at_least: Id | None = Field(default=None, description=N_(
        "Si se compromete, con al menos esta prioridad (un id de `priorities`: `alta`)."))
    weight_at_least: float | None = Field(default=None, ge=0, le=100, description=N_(
        "Si se compromete, con al menos esta ponderación, en por ciento: `60` para «no "
        "inferior a un 60%»."))
    # Where the marco says so, quoted in messages ("Circular N° 39, punto 6").
    source: Text | None = Field(default=None, description=N_(
        "Dónde lo dispone el marco, citado en los mensajes: «Circular N° 39, punto 6»."))


class IncentiveBand(Model):
    """A band of overall compliance and the share of the incentive it earns."""

    # The band applies from this overall compliance (percent) up to the next band's.
    at_least: float = Field(ge=0, le=100, description=N_(
        "Cumplimiento global, en por ciento, desde el cual rige el tramo (hasta el comienzo "
        "del tramo superior): `90`, `75`, `0`."))
    # As the documents print it ("Total", "Parcial", "Sin incremento").
    name: Text = Field(description=N_(
        "Nombre del tramo como lo imprimen los informes: «Total», «Parcial», «Sin "
        "incremento»."))
    # The share of the full increment the band earns, in percent (100, 50, 0).
    share: float = Field(ge=0, le=100, description=N_(
        "Parte del incremento total que gana el tramo, en por ciento: `100`, `50`, `0`."))
    # The increment itself, in percent of the remuneration, where the law fixes it (7.6).
    increment: float | None = Field(default=None, ge=0, le=100, description=N_(
        "El incremento por desempeño institucional, en por ciento de la remuneración, donde "
        "la ley lo fija: `7.6`, `3.8`, `0`."))


class DeclaredWeight(Model):
    """A weight results carry beside the formulation's, under the name the marco gives it
    («Ponderación Formulario Incentivo»): a result earns it whole when met."""

    id: Id = Field(description=N_(
        "Identificador de la ponderación, que cada resultado escribe en "
        "`other_weights[].id`: `formulario-incentivo`."))
    name: Text = Field(description=N_(
        "Nombre con que la imprimen los informes: «Ponderación Formulario Incentivo»."))


class Compliance(Model):
    """How results are judged against a formulation (read by domain/compliance.py)."""

    # An indicator counts as met when its result reaches this percent of its target.
    met_at: float = Field(default=100, gt=0, le=100, description=N_(
        "Un indicador se da por cumplido cuando su resultado alcanza este por ciento de su "
        "meta: con `95`, basta llegar al 95 por ciento de la meta."))
    # Compliance percentages are compared and printed at this many decimals.
    decimals: int = Field(default=2, ge=0, le=4, description=N_(
        "Decimales con que se comparan e imprimen los porcentajes de cumplimiento."))
    # Indicators whose target is a ceiling (lower is better): compliance is target / result.
    descending: list[Id] = Field(default=[], description=N_(
        "Indicadores del catálogo de sentido descendente (menos es mejor, p. ej. "
        "`concentracion-del-gasto`): su cumplimiento es meta / resultado."))
    # From the highest band down; the last starts at 0.
    bands: list[IncentiveBand] = Field(min_length=1, description=N_(
        "Tramos del incentivo, del más alto al más bajo; el último comienza en 0 (Ley N° "
        "19.553, art. 6: 90 %, 75 %, 0)."))
    # Where the marco says so, printed with the figures ("Ley N° 19.553, art. 6").
    source: Text | None = Field(default=None, description=N_(
        "Dónde lo dispone la norma, impreso con las cifras: «Ley N° 19.553, art. 6»."))
    # Weights results may carry beside the formulation's, each under its name.
    other_weights: list[DeclaredWeight] = Field(default=[], description=N_(
        "Ponderaciones que los resultados pueden traer además de la de la formulación, cada "
        "una con su nombre (la «Ponderación Formulario Incentivo» de un indicador de "
        "desempeño)."))

    def other_weight(self, ident: str) -> DeclaredWeight | None:
        return next((w for w in self.other_weights if w.id == ident), None)

    @model_validator(mode="after")
    def _bands_descend_to_zero(self) -> Self:
        starts = [band.at_least for band in self.bands]
        if starts != sorted(starts, reverse=True) or len(set(starts)) != len(starts):
            raise ValueError(_("los tramos van del `at_least` más alto al más bajo, cada uno "
                               "una vez"))
        if starts[-1] != 0:
            raise ValueError(_("el último tramo debe comenzar en `at_least: 0`, para que todo "
                               "cumplimiento caiga en un tramo"))
        return self


class Rules(Model):
    """Parameters of the rules that hold for this marco."""

    # What the weights of everything committed add up to; null: this marco's documents carry no
    # weights to add up.
    total_weight: float | None = Field(default=100, gt=0, description=N_(
        "Cuánto debe sumar la ponderación de todo lo comprometido, en por ciento (`100`). "
        "`null`: los documentos de este marco no llevan ponderaciones que sumar."))
    # Weights compared at this many decimals (the documents print two).
    weight_decimals: int = Field(default=2, ge=0, le=4, description=N_(
        "Decimales con que se comparan las ponderaciones al sumarlas (los documentos imprimen "
        "dos: 20.00 %)."))
    # An objective's weight is the sum of its indicators' and systems', and a system's the sum
    # of its stage objectives' (the objectives format).
    weights_add_up: bool = Field(default=True, description=N_(
        "`true`: la ponderación de un objetivo de gestión debe ser la suma de las de sus "
        "indicadores y sistemas, y la de un sistema la suma de las de sus objetivos de etapa "
        "(formato objetivos)."))
    requirements: list[SystemRequirement] = Field(default=[], description=N_(
        "Lo que el marco exige al comprometer ciertos sistemas (etapa mínima, prioridad, "
        "ponderación), que `pmg validate` comprueba en cada formulación."))
    # How results are judged (informe de cumplimiento, the consolidated year); none: this
    # marco's results are not judged by pmg-docs.
    compliance: Compliance | None = Field(default=None, description=N_(
        "Cómo se evalúan los resultados (informe de cumplimiento, resultados del año). Sin "
        "esta sección, pmg no calcula el cumplimiento de este marco."))


# The types a declared field may have (see `DeclaredField`): short text, text of several
# paragraphs, a date written AAAA-MM-DD, a whole number, a number, a list of lines.
FIELD_TYPES = ("text", "paragraphs", "date", "integer", "number", "lines")


class DeclaredField(Model):
    """A field a year's document carries beyond its kind's own (a cover line, a preamble, a
    report's state and date, a resolution number): the source may write it, it is checked by
    its type and the template receives it under `fields`."""

    # As the source writes it and the template reads it (`fields.fecha_estado`): lower-case
    # letters, digits and underscores.
    name: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")] = Field(
        description=N_(
            "Nombre del campo como lo escribe la fuente y lo lee la plantilla "
            "(`fields.fecha_estado`): minúsculas, dígitos y guiones bajos, sin tildes."))
    type: Literal["text", "paragraphs", "date", "integer", "number", "lines"] = Field(
        default="text", description=N_(
            "Qué se escribe en el campo: `text`, una línea de texto; `paragraphs`, texto de "
            "varios párrafos (Markdown); `date`, una fecha AAAA-MM-DD; `integer`, un número "
            "entero; `number`, un número; `lines`, una lista de líneas."))
    required: bool = Field(default=False, description=N_(
        "`true`: la fuente debe escribir el campo; si falta, es un error."))
    # How messages and the template name it ("Número de resolución").
    label: Text | None = Field(default=None, description=N_(
        "Cómo lo nombran los mensajes y la plantilla: «Número de resolución»."))


class DocumentSpec(Model):
    """How this marco lays out one kind of document (a key of `documents`: formulation,
    circular, guide; or a name of the marco's own for a kind of which it offers several, such
    as `decreto` for a prose document, with `kind:`)."""

    # The kind, where the key is not one (`decreto: {kind: prose, …}`).
    kind: Id | None = Field(default=None, description=N_(
        "El tipo de documento, cuando la clave no lo es: `decreto: {kind: prose, …}` para un "
        "documento en prosa del marco."))
    # The way the kind of document is written (formulation: objetivos, areas, indicadores); left
    # out for kinds that have only one.
    format: Id | None = Field(default=None, description=N_(
        "Cómo se escribe ese tipo de documento este año (formulación: `objetivos`, `areas` o "
        "`indicadores`); se omite en los tipos que tienen uno solo."))
    # The Jinja template, templates/<template>.html.j2 (a user's --templates folder first).
    template: Id = Field(description=N_(
        "La plantilla que diagrama el documento: `formulacion-2024` es "
        "templates/formulacion-2024.html.j2 (primero en la carpeta de --templates)."))
    # Printed as the document's title and in the running header of every page.
    title: Text | None = Field(default=None, description=N_(
        "Título que imprime el documento: «FORMULACIÓN DEL PROGRAMA DE MEJORAMIENTO DE LA "
        "GESTIÓN AÑO 2024»."))
    running_title: Text | None = Field(default=None, description=N_(
        "Título breve del encabezado de cada página: «Formulación PMG 2024»."))
    # Annexes a user may append (`--annex NAME`): NAME -> its template, where the marco lays it
    # out with a template other than the package's.
    annexes: dict[Id, Id] = Field(default={}, description=N_(
        "Anexos que se pueden agregar con `--annex NOMBRE`, cada uno con su plantilla, donde "
        "el marco los diagrama con otra que la del paquete: `{requisitos: anexo-2025}` "
        "diagrama el anexo `requisitos` con templates/anexo-2025.html.j2."))
    # Fields the source may (or must) write besides its kind's own.
    # (Each name once, and none of the kind's own: checks/documents.py.)
    fields: list[DeclaredField] = Field(default=[], max_length=200, description=N_(
        "Campos que la fuente de este documento puede (o debe) escribir además de los de su "
        "tipo: líneas de portada, un preámbulo, el estado y fecha de un informe, un número de "
        "resolución. La plantilla los recibe en `fields`."))


class Catalog(Model):
    kind: Literal["catalog"] = Field(description=N_(
        "Siempre `catalog`: el archivo es el catálogo de un Programa Marco."))
    id: Id = Field(description=N_(
        "Identificador del catálogo, con el que cada formulación, circular o informe lo nombra "
        "en `catalog:`: `pmg-2024`. Minúsculas, dígitos y guiones."))
    year: int = Field(ge=1990, le=2100, description=N_(
        "Año de gestión del Programa Marco: `2024`."))
    # The mechanism's short name (PMG, MEI, CG) and its full name, as the documents print them.
    mechanism: Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9-]{0,15}$")] = Field(
        description=N_(
            "Sigla del mecanismo de incentivo, en mayúsculas, como la imprimen los documentos: "
            "`PMG`, `MEI`."))
    mechanism_name: Text | None = Field(default=None, description=N_(
        "Nombre completo del mecanismo: «Programa de Mejoramiento de la Gestión»."))
    version: Label = Field(description=N_(
        "Versión del catálogo, entre comillas: `\"2024.1\"`. Va en los metadatos de cada PDF "
        "y en `pmg catalog list`: súbala al corregir el catálogo, para distinguir los "
        "documentos hechos con cada versión."))
    title: Text = Field(description=N_(
        "Título del Programa Marco: «Programa Marco PMG 2024»."))
    publisher: Publisher | None = Field(default=None, description=N_(
        "Quien publica el marco y emite los documentos que salen solo de él (la guía de "
        "requisitos, los resultados del año)."))
    documents: dict[Id, DocumentSpec] = Field(default={}, description=N_(
        "Los documentos que ofrece el marco, cada uno bajo su tipo (`formulation`, "
        "`circular`, `guide`, `work-plan`, `results`…) o un nombre propio (`decreto`): su "
        "formato, plantilla y títulos."))
    number_style: NumberStyle = Field(default=NumberStyle(), description=N_(
        "Cómo imprimen los números los documentos del año: `105.28` y `12.608.049` en 2024, "
        "`101,02` en otros años."))
    rules: Rules = Field(default=Rules(), description=N_(
        "Las reglas del marco que `pmg validate` comprueba: suma de ponderaciones, exigencias "
        "a los sistemas, cómo se evalúa el cumplimiento."))
    objectives: list[ManagementObjective] = Field(default=[], description=N_(
        "Objetivos de gestión del marco (formato 2024): Gestión Eficaz, Eficiencia "
        "Institucional, Calidad de Servicio."))
    indicators: list[Indicator] = Field(default=[], description=N_(
        "Indicadores transversales del marco, que los servicios comprometen por su id: Medidas "
        "de Equidad de Género, Concentración del Gasto, Transformación Digital."))
    indicator_types: list[IndicatorType] = Field(default=[], description=N_(
        "Tipos de indicador que admite el marco (dimensión/ámbito: «Eficacia/Producto»); "
        "vacío: cualquier texto."))
    systems: list[System] = Field(default=[], description=N_(
        "Sistemas de gestión del marco, con sus etapas, objetivos y requisitos técnicos."))
    gender_measure_kinds: list[GenderMeasureKind] = Field(default=[], description=N_(
        "Tipos de medida de equidad de género que un servicio puede comprometer."))
    marcos: list[Marco] = Field(default=[], description=N_(
        "Marcos que agrupan los sistemas (formato 2011–2012): Básico, Avanzado, de la Calidad."))
    areas: list[Area] = Field(default=[], description=N_(
        "Áreas prioritarias que agrupan los sistemas (formato 2011–2012)."))
    priorities: list[Priority] = Field(default=[], description=N_(
        "Prioridades que un servicio asigna a cada sistema comprometido (formato 2011: ALTA, "
        "MEDIANA, MENOR)."))
    ministries: list[Ministry] = Field(default=[], description=N_(
        "Ministerios y sus servicios que formulan bajo el marco; la Distribución de las "
        "circulares y el cuadro de instituciones los nombran."))
    # The pattern of the systems' requirement codes (models/requirement_code.py): `{stage}`,
    # `{objective}` and `{number}`, a width where the digits are fixed (`{objective:2}`: 01).
    requirement_code: Text = Field(default=DEFAULT_REQUIREMENT_CODE, description=N_(
        "Patrón de los códigos de requisito: `{stage}` (etapa), `{objective}` (objetivo) y "
        "`{number}` (requisito), con un ancho donde los dígitos son fijos: "
        "`E{stage}-{objective:2}-RT{number}` da `E1-01-RT1`."))

    @field_validator("requirement_code")
    @classmethod
    def _readable_pattern(cls, pattern: str) -> str:
        compile_pattern(pattern)  # PatternError is a ValueError: a located message
        return pattern

    def ids_for(self, field: str) -> list[str] | None:
        """The ids of this catalog that a source's field named `field` refers to (the names of
        models/vocabulary.py's REFERENCES), in the catalog's order; None for a field that refers
        to no list of the catalog."""
        lists: dict[str, list[Any]] = {
            "system": self.systems, "objective": self.objectives, "indicator": self.indicators,
            "kind": self.gender_measure_kinds, "area": self.areas, "marco": self.marcos,
            "priority": self.priorities, "ministry": self.ministries}
        found = lists.get(field)
        return [item.id for item in found] if found is not None else None

    def objective(self, objective_id: str) -> ManagementObjective | None:
        return next((o for o in self.objectives if o.id == objective_id), None)

    def indicator(self, indicator_id: str) -> Indicator | None:
        return next((i for i in self.indicators if i.id == indicator_id), None)

    def indicator_type(self, type_id: str) -> IndicatorType | None:
        return next((t for t in self.indicator_types if t.id == type_id), None)

    def system(self, system_id: str) -> System | None:
        return next((s for s in self.systems if s.id == system_id), None)

    def ministry(self, ministry_id: str) -> Ministry | None:
        return next((m for m in self.ministries if m.id == ministry_id), None)

    def gender_measure_kind(self, kind_id: str) -> GenderMeasureKind | None:
        return next((k for k in self.gender_measure_kinds if k.id == kind_id), None)

    def marco(self, marco_id: str | None) -> Marco | None:
        return next((m for m in self.marcos if m.id == marco_id), None)

    def area(self, area_id: str | None) -> Area | None:
        return next((a for a in self.areas if a.id == area_id), None)

    def priority(self, priority_id: str) -> Priority | None:
        return next((p for p in self.priorities if p.id == priority_id), None)
