"""What `pmg validate` prints, in the form asked for with `--format`:

- text: one line per problem, `file:line: place: message`, then a summary line;
- json: one object with the counts and every problem (file, line, field path, the place as the
  document names it, severity, message), for other programs;
- github: workflow commands (`::error file=…,line=…::…`) that GitHub Actions shows as
  annotations on the lines of a pull request;
- gitlab: a Code Quality report (a JSON list), which GitLab shows in a merge request when a job
  saves it as its `codequality` report.
"""

from __future__ import annotations

import hashlib
import json

from ..diagnostics import Severity, format_path
from ..i18n import _, ngettext


def summary(files: int, errors: int, warnings: int) -> str:
    checked = ngettext("{count} archivo revisado", "{count} archivos revisados",
                       files).format(count=files)
    found = ngettext("{count} error", "{count} errores", errors).format(count=errors) \
        if errors else _("sin errores")
    noted = ngettext("{count} aviso", "{count} avisos", warnings).format(count=warnings)
    return f"{checked}: {found}, {noted}"


def render(fmt: str, diagnostics, files: int) -> str:
    errors = sum(1 for d in diagnostics if d.severity is Severity.ERROR)
    warnings = len(diagnostics) - errors
    if fmt == "json":
        return json.dumps({"files": files, "errors": errors, "warnings": warnings,
                           "diagnostics": [_record(d) for d in diagnostics]},
                          ensure_ascii=False, indent=2) + "\n"
    if fmt == "gitlab":
        return json.dumps([_code_quality(d) for d in diagnostics], ensure_ascii=False,
                          indent=2) + "\n"
    lines = [_annotation(d) if fmt == "github" else str(d) for d in diagnostics]
    lines.append(summary(files, errors, warnings))
    return "\n".join(lines) + "\n"


def _record(diagnostic) -> dict:
    return {"file": diagnostic.file, "line": diagnostic.line,
            "path": format_path(diagnostic.path), "item": diagnostic.item,
            "severity": diagnostic.severity.value, "message": diagnostic.message}


def _escape_data(text: str) -> str:
    # The escaping GitHub's workflow commands define for a message and for a property.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(diagnostic) -> str:
    level = "error" if diagnostic.severity is Severity.ERROR else "warning"
    properties = [f"file={_escape_property(diagnostic.file)}"]
    if diagnostic.line is not None:
        properties.append(f"line={diagnostic.line}")
    if diagnostic.place:
        properties.append(f"title={_escape_property(diagnostic.place)}")
    return f"::{level} {','.join(properties)}::{_escape_data(diagnostic.message)}"


def _code_quality(diagnostic) -> dict:
    described = f"{diagnostic.place}: {diagnostic.message}" if diagnostic.place \
        else diagnostic.message
    fingerprint = hashlib.sha256(
        f"{diagnostic.file}\0{format_path(diagnostic.path)}\0{diagnostic.message}".encode()
    ).hexdigest()
    return {"description": described, "check_name": "pmg-validate",
            "fingerprint": fingerprint,
            "severity": "major" if diagnostic.severity is Severity.ERROR else "minor",
            "location": {"path": diagnostic.file, "lines": {"begin": diagnostic.line or 1}}}
