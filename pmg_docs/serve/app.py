"""The web application: the page, the sources' states as JSON, the page images, the documents,
and server-sent events that tell the page what changed.

Sources are named in URLs by their path under the folder, and only names of the list are
answered: a URL cannot reach any other file, wherever it points.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from http import HTTPStatus
from pathlib import Path
from urllib.parse import quote

from sse_starlette.sse import EventSourceResponse
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from ..i18n import _
from . import page
from .guard import LocalOnly
from .previews import Previews, Source
from .worker import Settings, Worker

NO_STORE = {"cache-control": "no-store"}
# A page image is named by the hash of its pixels: the same name is always the same image.
IMMUTABLE = {"cache-control": "private, max-age=31536000, immutable"}


def _watched(folder: Path, settings: Settings) -> list[Path]:
    """The folder, and what its documents are made of: the catalogs and templates folders."""
    from ..resources import catalogs_dir, templates_dir

    paths: list[Path] = []
    for candidate in (folder, *settings.catalog_dirs, settings.templates, catalogs_dir(),
                      templates_dir()):
        if candidate is None or not Path(candidate).is_dir():
            continue
        resolved = Path(candidate).resolve()
        if not any(resolved.is_relative_to(p) for p in paths):
            paths = [p for p in paths if not p.is_relative_to(resolved)] + [resolved]
    return paths


async def _watch(previews: Previews, paths: list[Path], stop: asyncio.Event) -> None:
    from watchfiles import Change, awatch

    # step=50: changes are handed over 50 ms after the last one of a burst (an editor's save is
    # often a write, a rename and a touch).
    async for changes in awatch(*paths, step=50, stop_event=stop):
        # Walking the folder again (a repository's can be large) only when files came or went.
        previews.changed({Path(path) for _change, path in changes},
                         any(change is not Change.modified for change, _path in changes))


async def _refused(request: Request, exc: Exception) -> Response:
    """Starlette's answers to what is not there, in the user's language."""
    assert isinstance(exc, HTTPException)  # the handler of HTTPException only
    default = {404: _("no existe"), 405: _("método no permitido")}.get(exc.status_code)
    detail = exc.detail if exc.detail != HTTPStatus(exc.status_code).phrase else default
    return PlainTextResponse(detail or exc.detail, status_code=exc.status_code,
                             headers=exc.headers)


def create_app(folder: Path, port: int, settings: Settings = Settings(),
               timeout: float = 60.0) -> Starlette:
    folder = Path(folder)
    previews = Previews(folder, Worker(settings, timeout))
    previews.discover()
    handlers = _Handlers(previews, str(folder.resolve()))

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        stop = asyncio.Event()
        tasks = [asyncio.create_task(previews.run()),
                 asyncio.create_task(_watch(previews, _watched(folder, settings), stop))]
        try:
            yield
        finally:
            stop.set()
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            previews.worker.stop()

    app = Starlette(routes=handlers.routes(), middleware=[Middleware(LocalOnly, port=port)],
                    exception_handlers={HTTPException: _refused}, lifespan=lifespan)
    app.state.previews = previews
    return app


class _Handlers:
    """The application's answers about one folder's previews."""

    def __init__(self, previews: Previews, shown_folder: str):
        self.previews = previews
        self.shown_folder = shown_folder

    def routes(self) -> list[Route]:
        return [
            Route("/", self.index),
            Route("/static/{name}", self.static),
            # Browsers ask for it on their own; the preview has none.
            Route("/favicon.ico", lambda request: Response(status_code=204)),
            Route("/api/sources", self.sources),
            Route("/api/source", self.source),
            Route("/page/{name}.jpg", self.image),
            Route("/pdf", self.pdf),
            Route("/docx", self.docx),
            Route("/events", self.events),
        ]

    def source_of(self, request: Request) -> Source:
        name = request.query_params.get("path", "")
        source = self.previews.sources.get(name)
        if source is None:
            raise HTTPException(404, _("«{name}» no es una fuente de la carpeta {folder}").format(
                name=name, folder=self.shown_folder))
        return source

    async def index(self, request: Request) -> Response:
        return HTMLResponse(page.html(self.shown_folder), headers=NO_STORE)

    async def static(self, request: Request) -> Response:
        name = request.path_params["name"]
        if name not in page.STATIC:
            raise HTTPException(404)
        return Response(page.static_file(name), media_type=page.STATIC[name], headers=NO_STORE)

    async def sources(self, request: Request) -> Response:
        return JSONResponse({"folder": self.shown_folder, "sources": self.previews.summaries()},
                            headers=NO_STORE)

    async def source(self, request: Request) -> Response:
        found = self.source_of(request)
        self.previews.want(found.name)
        return JSONResponse(found.summary(), headers=NO_STORE)

    async def image(self, request: Request) -> Response:
        data = self.previews.images.get(request.path_params["name"])
        if data is None:
            raise HTTPException(404)
        return Response(data, media_type="image/jpeg", headers=IMMUTABLE)

    async def document(self, request: Request, fmt: str, media_type: str,
                       disposition: str) -> Response:
        found = self.source_of(request)
        data = found.pdf if fmt == "pdf" else await self.previews.docx(found)
        if data is None:
            raise HTTPException(404, _("todavía no hay {format} de «{name}»").format(
                format=fmt.upper(), name=found.name))
        filename = f"{Path(found.name).stem}.{fmt}"
        return Response(data, media_type=media_type, headers={
            **NO_STORE, "content-disposition": f"{disposition}; filename*=UTF-8''"
                                               f"{quote(filename)}"})

    async def pdf(self, request: Request) -> Response:
        return await self.document(request, "pdf", "application/pdf", "inline")

    async def docx(self, request: Request) -> Response:
        return await self.document(request, "docx", "application/vnd.openxmlformats-"
                                   "officedocument.wordprocessingml.document", "attachment")

    async def events(self, request: Request) -> Response:
        async def stream() -> AsyncIterator[dict[str, str]]:
            queue = self.previews.listen()
            try:
                while True:
                    event, data = await queue.get()
                    yield {"event": event, "data": json.dumps(data)}
            finally:
                self.previews.forget(queue)
        response: Response = EventSourceResponse(stream(), ping=15, headers=NO_STORE)
        return response
