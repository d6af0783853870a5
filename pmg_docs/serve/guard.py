"""Only this machine's browser, on this server's own pages, can drive the preview.

The server listens on 127.0.0.1, but a web page from anywhere, open in the same browser, can
still send it requests: directly, or through a name of its own that resolves to 127.0.0.1 (DNS
rebinding). So a request must name this machine in its Host header, and a request a page of
another origin makes (its Origin header, or the browser's Sec-Fetch-Site) is refused. No response
carries CORS headers, so no other origin may read one. Every response says, in its
Content-Security-Policy, that the page loads nothing from anywhere but this server.
"""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.responses import PlainTextResponse

from ..i18n import _

LOCAL_NAMES = ("127.0.0.1", "localhost")

SECURITY_HEADERS = [
    (b"content-security-policy",
     b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
     b"connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


def _host_name(host: str) -> str:
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class LocalOnly:
    """ASGI middleware: refuse what does not come from this server's own pages."""

    def __init__(self, app, port: int):
        self.app = app
        self.origins = {f"http://{name}:{port}" for name in LOCAL_NAMES}

    def refusal(self, path: str, headers: Headers) -> str | None:
        if _host_name(headers.get("host", "")) not in LOCAL_NAMES:
            return _("solicitud rechazada: pmg serve solo atiende a 127.0.0.1 y localhost")
        origin = headers.get("origin")
        site = headers.get("sec-fetch-site")
        # Opening the preview's page from a link elsewhere is allowed (the other site reads
        # nothing back); fetching from the server, or embedding what it serves, is not.
        navigation = headers.get("sec-fetch-mode") == "navigate" and path == "/"
        if (origin is not None and origin not in self.origins and not navigation) or (
                site in ("cross-site", "same-site") and not navigation):
            return _("solicitud rechazada: viene de otro sitio")
        return None

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        refusal = self.refusal(scope["path"], Headers(scope=scope))
        if refusal is not None:
            response = PlainTextResponse(refusal, status_code=403)
            return await response(scope, receive, _with_headers(send))
        return await self.app(scope, receive, _with_headers(send))


def _with_headers(send):
    async def sending(message):
        if message["type"] == "http.response.start":
            message = {**message, "headers": [*message.get("headers", []), *SECURITY_HEADERS]}
        await send(message)
    return sending
