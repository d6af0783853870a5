"""The YAML reader's complaints in the user's words.

libyaml (ruamel's C reader) says what it found in English and in its own terms ("mapping values
are not allowed in this context"). The problems people actually cause (a tab, a missing colon,
an unclosed bracket or quote, a colon inside text) get a Spanish explanation with what to do;
the rest are quoted as the reader wrote them, after a Spanish lead.
"""

from __future__ import annotations

import re

from ruamel.yaml.error import MarkedYAMLError

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


def located(text: str, error: MarkedYAMLError) -> tuple[int | None, str]:
    """The line (1-based) and message for a YAML reader's `error` on `text`: at the line the
    mistake is on, which is not always where the reader stopped. An unclosed quote is noticed
    lines later, where the text it swallowed runs out; a line with more after its `{…}` (the
    scaffold's hint line uncommented) is reported as a key out of place."""
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark is not None else None
    lines = text.splitlines()
    if error.context == "while scanning a quoted scalar" and error.context_mark is not None:
        return error.context_mark.line + 1, _unclosed(lines[error.context_mark.line])
    if line is not None and line <= len(lines):
        after = _after_flow(lines[line - 1])
        if after is not None:
            return line, _trailing(*after)
        if error.context_mark is not None:
            opened = _unclosed_quote_line(lines, error.context_mark.line, line - 1)
            if opened is not None:
                return opened + 1, _unclosed(lines[opened])
    return line, explain(error.problem or error.context)


# A value that opens with a quote: `clave: "texto`, `- 'texto`.
_QUOTED_VALUE = re.compile(r"""^\s*(?:-\s+)?(?:[^\s"'#-][^:#]*:\s+)?(["'])(.*)$""")
# A flow collection closed, then more than a comment on its line.
_AFTER_FLOW = re.compile(r"^\s*(?:-\s+)?[^\s#][^:#]*:\s*[{\[].*([}\]])\s*([^\s#].*)$")


def _opens_unclosed(line: str) -> bool:
    found = _QUOTED_VALUE.match(line)
    if found is None:
        return False
    quote, rest = found.groups()
    if quote == "'":
        return "'" not in rest.replace("''", "")
    return re.search(r'(?<!\\)"', rest) is None


def _unclosed_quote_line(lines: list[str], first: int, last: int) -> int | None:
    """The nearest line (0-based) from `last` back to `first` whose value opens a quote it
    does not close."""
    return next((index for index in range(min(last, len(lines) - 1), max(first, 0) - 1, -1)
                 if _opens_unclosed(lines[index])), None)


def _after_flow(line: str) -> tuple[str, str] | None:
    found = _AFTER_FLOW.match(line)
    return (found.group(1), found.group(2).rstrip()) if found is not None else None


def _unclosed(line: str) -> str:
    found = _QUOTED_VALUE.match(line)
    quote = found.group(1) if found is not None else '"'
    return _("YAML mal formado: el texto entre comillas que empieza en esta línea no se cierra; "
             "se espera la comilla {quote} de cierre al final del texto").format(quote=quote)


def _trailing(close: str, rest: str) -> str:
    if "measure_only" in rest:
        return _("YAML mal formado: esta es la línea de ayuda de la plantilla, con dos opciones "
                 "en una línea; deje solo una: `target:` con los números de la meta en lugar de "
                 "«…», o `measure_only: true` si el indicador solo se mide")
    return _("YAML mal formado: después del «{close}» que cierra la línea sigue «{rest}»; "
             "quite ese texto o póngalo tras un # como comentario").format(close=close, rest=rest)
