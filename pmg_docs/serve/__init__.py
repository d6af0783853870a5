"""`pmg serve`: a live preview of the sources under a folder, in the browser.

    app        the web application (page, JSON, images, documents, events)
    guard      only this machine's browser, on the server's own pages, may use it
    previews   each source's state and last good preview; the queue of the worker
    worker     the warm process that checks and renders, ended when it runs away
    preview    the one use of the render pipeline: a path in, findings and documents out
    raster     PDF pages as images
    page       the HTML page and the words of its script
"""

from __future__ import annotations

import socket
from pathlib import Path

HOST = "127.0.0.1"


def bind(port: int) -> socket.socket:
    """The listening socket on this machine only; port 0 takes a free one. Raises OSError
    when the port is taken."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((HOST, port))
    except OSError:
        sock.close()
        raise
    # Listening from now on: a browser opened at the printed address waits in the backlog
    # instead of being refused while the server starts.
    sock.listen(128)
    return sock


def serve(folder: Path, sock: socket.socket, settings, timeout: float) -> None:
    """Answer on `sock` until interrupted (Ctrl+C)."""
    import uvicorn

    from .app import create_app

    port = sock.getsockname()[1]
    app = create_app(folder, port, settings, timeout)
    config = uvicorn.Config(app, log_level="warning", access_log=False,
                            timeout_graceful_shutdown=2)
    uvicorn.Server(config).run(sockets=[sock])
