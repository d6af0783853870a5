"""`pmg serve`: the live preview of a folder's sources in the browser."""

from __future__ import annotations

from pathlib import Path

import click

from ..i18n import _
from .common import OptionalArgument, catalogs_option, pdf_engine_option, templates_option


@click.command(help=_(
    "Vista previa en vivo de las fuentes de CARPETA (por omisión, la que nombra `sources` en "
    "pmg.toml, o la carpeta actual) en el "
    "navegador: su estado de validación, sus observaciones y sus páginas, que se actualizan al "
    "guardar. Atiende solo a este equipo (127.0.0.1)."))
@click.argument("directory", required=False, metavar=_("CARPETA"), cls=OptionalArgument,
                type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option("-p", "--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              metavar=_("PUERTO"), help=_("Puerto en 127.0.0.1; 0 elige uno libre."))
@catalogs_option
@templates_option
@pdf_engine_option
@click.option("--timeout", type=click.FloatRange(min=0.1), default=60.0, show_default=True,
              metavar=_("SEGUNDOS"),
              help=_("Segundos que puede tardar una vista previa antes de detenerla."))
def serve(directory, port, catalog_dirs, templates, pdf_engine, timeout) -> None:
    from ..serve import HOST, bind, serve
    from ..serve.worker import Settings
    from .common import sources_folder

    directory = directory or sources_folder()

    try:
        sock = bind(port)
    except OSError as exc:
        raise click.BadParameter(_("no se puede usar el puerto {port} ({reason}); elija otro, o "
                                   "0 para uno libre").format(port=port, reason=exc.strerror),
                                 param_hint="'--port'") from None
    url = f"http://{HOST}:{sock.getsockname()[1]}/"
    click.echo(_("Vista previa de {folder} en {url} (Ctrl+C para terminar)").format(
        folder=directory, url=url))
    serve(directory, sock, Settings(tuple(catalog_dirs), templates, pdf_engine), timeout)
