"""The YAML reader's complaints in the user's words.

libyaml (ruamel's C reader) says what it found in English and in its own terms ("mapping values
are not allowed in this context"). The problems people actually cause (a tab, a missing colon,
an unclosed bracket or quote, a colon inside text) get a Spanish explanation with what to do;
the rest are quoted as the reader wrote them, after a Spanish lead.
"""

from __future__ import annotations

from ..i18n import _


def _explanations() -> dict[str, str]:
    return {
        "found a tab character that violates indentation": _(
            "hay un tabulador en la sangría; se espera sangría con espacios (YAML no admite "
            "tabuladores)"),
        "found a tab character where an indentation space is expected": _(
            "hay un tabulador en la sangría; se espera sangría con espacios (YAML no admite "
            "tabuladores)"),
        "found character that cannot start any token": _(
            "hay un carácter que no puede empezar un valor (un tabulador, o @ o ` al comienzo); "
            "use espacios para la sangría y ponga entre comillas el texto que empieza así"),
        "mapping values are not allowed in this context": _(
            "hay un «:» donde no se espera (¿un texto con dos puntos sin comillas, o una clave "
            "con la sangría equivocada?); ponga el texto entre comillas o revise la sangría"),
        "could not find expected ':'": _(
            "falta el «:» después de una clave; se espera `clave: valor`"),
        "did not find expected key": _(
            "una línea no se lee como `clave: valor` a la altura de su bloque; revise la "
            "sangría y que cada comilla abierta se cierre"),
        "did not find expected ',' or ']'": _(
            "una lista entre corchetes no se cierra; se espera «]» al final (y «,» entre "
            "valores)"),
        "did not find expected ',' or '}'": _(
            "una fila entre llaves no se cierra; se espera «}» al final (y «,» entre campos)"),
        "found unexpected end of stream": _(
            "el archivo termina antes de cerrar un texto entre comillas; se espera la comilla de "
            "cierre"),
        "block sequence entries are not allowed in this context": _(
            "hay un elemento de lista («- ») donde no se espera; revise la sangría"),
        "did not find expected '-' indicator": _(
            "se espera un elemento de lista («- ») con la misma sangría que los anteriores"),
        "found undefined alias": _(
            "se usa un alias (*nombre) sin un ancla (&nombre) antes; se espera el ancla primero"),
        "found unknown escape character": _(
            "hay una secuencia con «\\» que YAML no conoce dentro de comillas dobles; use "
            "comillas simples o escriba «\\\\»"),
        "did not find expected node content": _(
            "falta un valor donde se espera uno; revise la línea"),
        "found unexpected ':'": _(
            "hay un «:» donde no se espera; ponga el texto entre comillas"),
        "expected a single document in the stream": _(
            "el archivo tiene más de un documento (una línea «---» en medio); se espera uno solo"),
    }


def explain(problem: str | None) -> str:
    """The message for a YAML reader's `problem`."""
    known = _explanations().get(problem or "")
    if known is not None:
        return _("YAML mal formado: {explanation}").format(explanation=known)
    return _("YAML mal formado (el lector de YAML dice «{problem}»); revise la sangría, los dos "
             "puntos y las comillas").format(problem=problem or "?")
