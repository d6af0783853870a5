"""`pmg diff`: the semantic differences between two files, or between two git revisions, as
text for the terminal or Markdown for a pull-request comment."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import kinds
from ..diagnostics import Diagnostic, InputError, display_name
from ..i18n import _, ngettext
from ..load.catalogs import CatalogRegistry
from ..load.from_text import FRONT_MATTER_SUFFIXES, source_from_text
from ..load.sources import SOURCE_SUFFIXES, Document, parse_document
from ..load.text import read_text
from .semantic import ADDED, CHANGED, REMOVED, Change, Namer, diff_models

if TYPE_CHECKING:
    from ..models.catalog import Catalog

SUFFIXES = (*SOURCE_SUFFIXES, *FRONT_MATTER_SUFFIXES)


@dataclass
class FileDiff:
    name: str
    status: str  # changed, added or removed
    title: str
    changes: list[Change] = field(default_factory=list)


@dataclass
class DiffReport:
    files: list[FileDiff] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    compared: int = 0

    @property
    def differs(self) -> bool:
        return bool(self.files)


def _version(text: str | None, name: str,
             registry: CatalogRegistry) -> Document[Any] | None:
    """The source in `text`, or None when there is no text or it is not a pmg source (YAML
    without a `kind:` this package knows, such as a CI workflow)."""
    if text is None:
        return None
    if name.endswith(FRONT_MATTER_SUFFIXES) and not text.lstrip("\ufeff").startswith("---"):
        return None  # Markdown without front matter: a README, not a circular
    source, _ = source_from_text(text, Path(name), name)
    if not isinstance(source.data, dict) or source.data.get("kind") not in kinds.source_kinds():
        return None
    return parse_document(source, registry)


def _title(model) -> str:
    parts = [kinds.noun(model.kind)]
    service = getattr(model, "service", None)
    if service is not None and getattr(service, "name", None):
        parts.append(service.name)
    for key in ("title", "subject"):
        if isinstance(getattr(model, key, None), str):
            parts.append(getattr(model, key))
            break
    if isinstance(getattr(model, "catalog", None), str):
        parts.append(model.catalog)
    elif isinstance(getattr(model, "id", None), str):
        parts.append(model.id)
    return " · ".join(parts)


def diff_texts(old_text: str | None, new_text: str | None, name: str,
               registry: CatalogRegistry) -> FileDiff | None:
    """The differences between two versions of one source; None when there are none."""
    return _diff_versions(_version(old_text, name, registry), _version(new_text, name, registry),
                          name)


def _catalog(document: Document[Any]) -> Catalog:
    """The catalog whose names label a document's ids: its own, for a catalog."""
    return document.model if kinds.is_catalog(document.kind) else document.catalog


def _diff_versions(old: Document[Any] | None, new: Document[Any] | None,
                   name: str) -> FileDiff | None:
    if old is None or new is None:
        present = new if new is not None else old
        assert present is not None  # `_compare` returns first when neither version is a source
        status = ADDED if new is not None else REMOVED
        return FileDiff(name, status, _title(present.model))
    old_model, new_model = old.model, new.model
    namer = Namer(_catalog(new), _catalog(old))
    # A circular's Markdown body is its field `body`: compared like any long text.
    changes = diff_models(old_model, new_model, namer)
    if not changes:
        return None
    return FileDiff(name, CHANGED, _title(new_model), changes)


def _compare(report: DiffReport, old_text, new_text, name, registry) -> None:
    try:
        old, new = _version(old_text, name, registry), _version(new_text, name, registry)
        if old is None and new is None:
            return
        report.compared += 1
        found = _diff_versions(old, new, name)
    except InputError as exc:
        report.compared += 1
        report.diagnostics.extend(exc.diagnostics)
        return
    if found is not None:
        report.files.append(found)


def diff_files(old: Path, new: Path, registry: CatalogRegistry) -> DiffReport:
    """`pmg diff OLD NEW`: two files on disk."""
    report = DiffReport()
    try:
        old_text, new_text = read_text(Path(old)), read_text(Path(new))
    except InputError as exc:
        report.diagnostics.extend(exc.diagnostics)
        return report
    name = display_name(Path(new))
    if Path(old).name != Path(new).name:
        name = f"{display_name(Path(old))} → {name}"
    _compare(report, old_text, new_text, name, registry)
    return report


def diff_revisions(old: str, new: str | None, paths, registry: CatalogRegistry,
                   where: Path | None = None) -> DiffReport:
    """`pmg diff REV1 [REV2] [-- PATH…]`: every source that differs between two revisions of
    the repository around `where` (REV2 None: the working tree)."""
    from .git import Repository

    report = DiffReport()
    try:
        repository = Repository(where)
        old_commit = repository.commit(old)
        new_commit = repository.commit(new) if new is not None else None
        names = repository.changed(old_commit, new_commit, paths)
    except InputError as exc:
        report.diagnostics.extend(exc.diagnostics)
        return report
    for name in names:
        if not name.endswith(SUFFIXES) or any(part.startswith(".") for part in name.split("/")):
            continue
        shown = display_name(repository.root / name)
        try:
            old_text = repository.read(old_commit, name, shown)
            new_text = repository.read(new_commit, name, shown)
        except InputError as exc:
            report.compared += 1
            report.diagnostics.extend(exc.diagnostics)
            continue
        _compare(report, old_text, new_text, shown, registry)
    return report


# --- output ------------------------------------------------------------------------------------

def text_changes(change: Change) -> list[str]:
    """The changed lines of a long text, as `-`/`+` lines."""
    lines = difflib.unified_diff((change.old_text or "").splitlines(),
                                 (change.new_text or "").splitlines(), lineterm="", n=1)
    return [line for line in lines if not line.startswith(("---", "+++", "@@"))]


def _sentence(change: Change) -> str:
    where = f"{change.place}: " if change.place else ""
    what = f" {change.what}" if change.what else ""
    if change.status == ADDED:
        return _("{where}se agrega{what}: {new}").format(where=where, what=what, new=change.new)
    if change.status == REMOVED:
        return _("{where}se quita{what} (era: {old})").format(where=where, what=what,
                                                             old=change.old)
    if change.old_text is not None:
        return _("{where}cambia{what}").format(where=where, what=what)
    return f"{where}{change.what + ' ' if change.what else ''}{change.old} → {change.new}"


def _file_status(status: str) -> str:
    return _("archivo nuevo") if status == ADDED else _("archivo eliminado")


def _change_status(status: str) -> str:
    return {ADDED: _("se agrega"), REMOVED: _("se quita")}.get(status, _("cambia"))


def render_text(report: DiffReport) -> str:
    out = []
    for found in report.files:
        if found.status != CHANGED:
            out.append(f"{found.name}: {_file_status(found.status)} ({found.title})")
            continue
        out.append(f"{found.name} ({found.title})")
        for change in found.changes:
            out.append(f"  {_sentence(change)}")
            out.extend(f"      {line}".rstrip() for line in text_changes(change)
                       if change.old_text is not None)
    changed = len(report.files)
    out.append(ngettext("{count} archivo comparado, {changed} con cambios de contenido",
                        "{count} archivos comparados, {changed} con cambios de contenido",
                        report.compared).format(count=report.compared, changed=changed)
               if report.compared else _("ningún archivo de pmg difiere"))
    return "\n".join(out) + "\n"


def _cell(text: str | None) -> str:
    if not text:
        return ""
    text = " ".join(text.split())
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")


def _fence(lines: list[str]) -> str:
    longest = max((len(run) for line in lines for run in re.findall(r"`+", line)), default=0)
    return "`" * max(3, longest + 1)


def render_markdown(report: DiffReport) -> str:
    if not report.files:
        return _("Sin cambios de contenido en los archivos de pmg.") + "\n"
    out = []
    for found in report.files:
        out.append(f"### `{found.name}` — {_cell(found.title)}")
        out.append("")
        if found.status != CHANGED:
            out.append(f"**{_file_status(found.status).capitalize()}**.")
            out.append("")
            continue
        out.append(_("| Qué | Cambio | Antes | Ahora |"))
        out.append("| --- | --- | --- | --- |")
        for change in found.changes:
            status = change.what or _change_status(change.status)
            if change.what and change.status != CHANGED:
                status = f"{change.what}: {_change_status(change.status)}"
            out.append(f"| {_cell(change.place) or '—'} | {_cell(status)} | {_cell(change.old)} | "
                       f"{_cell(change.new)} |")
        out.append("")
        for change in found.changes:
            if change.old_text is None:
                continue
            lines = text_changes(change)
            fence = _fence(lines)
            out.append(f"<details><summary>{_cell(change.place)}: {_cell(change.what)}"
                       "</summary>")
            out.append("")
            out.extend([f"{fence}diff", *lines, fence])
            out.append("")
            out.append("</details>")
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
