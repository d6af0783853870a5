"""`pmg init`: a working folder ready to use (pmg_docs/edit/init.py)."""

from __future__ import annotations

from pathlib import Path

import click

from ..i18n import _


@click.command(help=_(
    "Prepara una carpeta de trabajo (por omisión, la actual): pmg.toml, los schemas y la "
    "configuración de VS Code que revisan cada fuente, .gitignore, los hooks de pre-commit y un "
    "LEEME.md con los pasos siguientes. Un archivo que ya existe se conserva."))
@click.argument("folder", required=False, default=Path("."), metavar=_("[CARPETA]"),
                type=click.Path(file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help=_("Sobrescribe los archivos que ya existen."))
def init(folder: Path, force: bool) -> None:
    from ..diagnostics import display_name
    from ..edit.init import init_folder
    from ..resources import FIELD_REFERENCE

    report = init_folder(folder, force=force)
    for path in report.written:
        click.echo(_("escrito {path}").format(path=display_name(path)))
    for path in report.kept:
        click.echo(_("conservado {path} (ya existía; --force lo sobrescribe)").format(
            path=display_name(path)))
    click.echo(_("Carpeta de trabajo lista; los pasos siguientes están en {readme}, y los "
                 "campos que admite cada lugar de cada fuente, en {reference}").format(
        readme=display_name(folder / "LEEME.md"),
        reference=display_name(folder / FIELD_REFERENCE)))
