"""The guard in front of every route: which Host a request may name, where a write
may come from, how large a body may be, and the headers every answer carries.

It is plain ASGI, outside FastAPI's routing, because two of its jobs cannot wait
for a route: a body must be counted as it streams in (Starlette's form parser
spools the whole of it to disk before the route runs), and the headers must be on
every answer, errors and static files included.
"""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
from collections.abc import Iterable
from urllib.parse import urlsplit

from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from laborwatch.web.errors import error_response
from laborwatch.web.jobs import MAX_UPLOAD_BYTES

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
CSRF_COOKIE = "laborwatch_csrf"
CSRF_HEADER = "x-csrf-token"
_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")
UPLOAD_PATHS = ("/screen", "/api/screen")
# Multipart framing (boundaries, part headers) around the file itself.
_MULTIPART_SLACK = 64 * 1024
UPLOAD_BODY_BYTES = MAX_UPLOAD_BYTES + _MULTIPART_SLACK
OTHER_BODY_BYTES = 1024 * 1024  # a sign-in form, a JSON body
_UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# What a browser sends cross-origin without asking first (a CORS "simple" request);
# any other type is preflighted, and the app grants no cross-origin access.
_SIMPLE_TYPES = frozenset(
    {"application/x-www-form-urlencoded", "multipart/form-data", "text/plain", ""}
)
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
SECURITY_HEADERS = (
    ("content-security-policy", CONTENT_SECURITY_POLICY),
    ("x-content-type-options", "nosniff"),
    ("x-frame-options", "DENY"),
    ("referrer-policy", "same-origin"),
)


def policy_with_styles(html: str) -> str:
    """The policy, also allowing ``html``'s own ``<style>`` blocks by their SHA-256:
    an evidence pack is one self-contained file, read alone or printed to PDF."""
    blocks = re.findall(r"<style>(.*?)</style>", html, flags=re.DOTALL)
    digests = (hashlib.sha256(block.encode()).digest() for block in blocks)
    hashes = " ".join(f"'sha256-{base64.b64encode(d).decode()}'" for d in digests)
    return CONTENT_SECURITY_POLICY.replace(
        "style-src 'self'", f"style-src 'self' {hashes}".rstrip()
    )


class _TooLarge(Exception):
    """The body went past its limit; raised from ``receive`` to stop the reading."""


def host_name(header: str) -> str:
    """The name in a Host header, without its port: ``[::1]:8000`` gives ``::1``."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header
    if header.count(":") == 1:
        header = header.split(":")[0]
    return header.rstrip(".")


class Guard:
    """Refuses a foreign Host, cross-site writes and oversized bodies; sets the
    security headers and a CSRF cookie."""

    def __init__(self, app: ASGIApp, *, allowed_hosts: Iterable[str]) -> None:
        self.app = app
        self.allowed_hosts = frozenset(host_name(name) for name in allowed_hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)  # headers and cookies only; the body is not read
        path = request.url.path
        csrf = request.cookies.get(CSRF_COOKIE, "")
        if not _TOKEN.fullmatch(csrf):
            csrf = ""  # not one the app made: pages echo it, so replace it
        fresh = "" if csrf else secrets.token_urlsafe(24)
        scope.setdefault("state", {})["csrf"] = csrf or fresh
        send = _with_headers(send, fresh, secure=scope.get("scheme") == "https")
        refusal = self._refusal(request)
        limit = UPLOAD_BODY_BYTES if path in UPLOAD_PATHS else OTHER_BODY_BYTES
        if refusal is None:
            refusal = _declared_too_large(request, limit)
        if refusal is not None:
            await error_response(request, *refusal)(scope, receive, send)
            return
        await self._limited(scope, receive, send, limit)

    def _refusal(self, request: Request) -> tuple[int, str] | None:
        """(status, message) where the request must not reach a route."""
        headers = request.headers
        host = headers.get("host", "")
        if "*" not in self.allowed_hosts and host_name(host) not in self.allowed_hosts:
            return 400, (
                f"Host {host!r}: not a name this server answers to; add it with "
                "laborwatch serve --allowed-host or LABORWATCH_ALLOWED_HOSTS"
            )
        if request.method not in _UNSAFE_METHODS:
            return None
        if headers.get("authorization", "").startswith("Bearer "):
            # A browser sends no Authorization header cross-origin unasked.
            return None
        site = headers.get("sec-fetch-site")
        if site in ("cross-site", "same-site"):
            return 403, "a write from another site is refused"
        origin = headers.get("origin")
        # A browser that says same-origin is believed: under some referrer
        # policies it sends "Origin: null" even from the app's own form.
        if (
            site != "same-origin"
            and origin is not None
            and _origin_host(origin) != host.lower()
        ):
            return 403, f"Origin {origin!r}: a write from another origin is refused"
        if not request.url.path.startswith("/api/"):
            return None  # forms carry their CSRF token in a field the route checks
        token = headers.get(CSRF_HEADER, "")
        cookie = request.cookies.get(CSRF_COOKIE, "")
        if token and cookie and secrets.compare_digest(token.encode(), cookie.encode()):
            return None
        media_type = headers.get("content-type", "").split(";")[0].strip().lower()
        if media_type not in _SIMPLE_TYPES:
            return None
        return 403, (
            "a write without a bearer token needs the X-CSRF-Token header, equal "
            f"to the {CSRF_COOKIE} cookie, or a JSON body"
        )

    async def _limited(
        self, scope: Scope, receive: Receive, send: Send, limit: int
    ) -> None:
        """Run the app, counting the body as it arrives; past ``limit`` the reading
        stops and the answer is 413, whatever the app made of the interruption."""
        received = 0
        over = False
        started = False

        async def counting_receive() -> Message:
            nonlocal received, over
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    over = True
                    raise _TooLarge
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if over and not started:
                return  # the app's own answer to the interruption; ours follows
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except Exception:
            if not over:
                # Starlette's own 500 is sent outside this guard, without its
                # headers: answer here, and let the error go on to be logged.
                if not started:
                    message = "internal error (recorded in the server log)"
                    response = error_response(Request(scope), 500, message)
                    await response(scope, receive, send)
                raise
        if over and not started:
            status, message = _too_large(scope["path"], limit)
            response = error_response(Request(scope), status, message)
            # The rest of the body is never read, so the connection cannot be reused.
            response.headers["connection"] = "close"
            await response(scope, receive, send)


def _too_large(path: str, limit: int) -> tuple[int, str]:
    if path in UPLOAD_PATHS:
        megabytes = MAX_UPLOAD_BYTES // 1024 // 1024
        return 413, f"upload: larger than {megabytes} MB, refused unread"
    return 413, f"request body: larger than {limit // 1024} KB, refused unread"


def _declared_too_large(request: Request, limit: int) -> tuple[int, str] | None:
    declared = request.headers.get("content-length")
    if declared is None:
        return None
    if not (declared.strip().isascii() and declared.strip().isdigit()):
        return 400, f"Content-Length {declared!r}: not a number"
    if int(declared) > limit:
        return _too_large(request.url.path, limit)
    return None


def _with_headers(send: Send, fresh_csrf: str, *, secure: bool) -> Send:
    """``send``, adding the security headers (where a route set none of its own)
    and, on a page, a new CSRF cookie."""

    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = MutableHeaders(scope=message)
            for name, value in SECURITY_HEADERS:
                headers.setdefault(name, value)
            if fresh_csrf and headers.get("content-type", "").startswith("text/html"):
                cookie = Response()
                cookie.set_cookie(
                    CSRF_COOKIE,
                    fresh_csrf,
                    httponly=True,
                    samesite="strict",
                    secure=secure,
                )
                headers.append("set-cookie", cookie.headers["set-cookie"])
        await send(message)

    return sending


def _origin_host(origin: str) -> str | None:
    """The host and port an Origin header names; None for one that does not
    parse (``http://[::1``), which matches no host."""
    try:
        return urlsplit(origin).netloc.lower()
    except ValueError:
        return None
