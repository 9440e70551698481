"""Web addresses that come from outside: one check for every way in (a JSON Lines
``url``, a ``SOURCE:`` header line, a feed and its items' links), and safe
reading of what an older database may hold.

A URL passes if a request could be made to it: it parses, its scheme is http or
https, its host is an IP address or a name whose labels IDNA accepts (as httpx
encodes them), and any port is 1 to 65535. ``urlsplit`` alone lets through
hosts such as ``xn--`` or ``a b`` that fail later, in a request or in a
reader's ``urlsplit``.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import SplitResult, urljoin, urlsplit

import idna

from laborwatch.errors import LaborwatchError

_MAX_HOST_CHARS = 253
# A label as DNS and the socket library take it once in ASCII; the underscore is
# not LDH but real hosts use it, and resolving it is the resolver's business.
_LABEL = re.compile(r"[a-z0-9_-]{1,63}\Z")
_IPV4_STYLE = re.compile(r"[0-9]+(?:\.[0-9]+){3}\Z")


def url_problem(url: str) -> str | None:
    """Why ``url`` (stripped) is not a usable http or https URL, or None if it is."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:  # an unclosed "[", a bad IPv6 literal
        return "not a valid URL"
    if parts.scheme.lower() not in ("http", "https"):
        return "not an http or https URL"
    try:
        port = parts.port
    except ValueError:  # not a number, or out of range
        return "not a valid port"
    if port == 0:
        return "not a valid port"
    if not parts.hostname:
        return "no host"
    if not _valid_host(parts):
        return "not a valid host"
    return None


def check_url(url: str) -> str:
    """The URL, stripped, if it is a usable http or https URL; else a
    LaborwatchError naming it."""
    url = url.strip()
    problem = url_problem(url)
    if problem:
        raise LaborwatchError(f"{url}: {problem}")
    return url


def joined_url(base: str, link: str) -> tuple[str, str | None]:
    """``link`` made absolute against ``base`` (a feed item's link, a redirect's
    Location), and what keeps it from being a usable URL, or None."""
    try:
        url = urljoin(base, link)
    except ValueError:  # urljoin could not read the link
        return link, "not a valid URL"
    return url, url_problem(url)


def web_url(url: str | None) -> str | None:
    """The URL, stripped, if it is a usable http or https URL, else None: for a
    URL read from the database, which an older version may have stored unchecked."""
    if url is None or url_problem(url):
        return None
    return url.strip()


def _valid_host(parts: SplitResult) -> bool:
    host = parts.hostname or ""
    if "[" in parts.netloc:
        try:
            ipaddress.IPv6Address(host)
        except ValueError:
            return False
        return True
    if _IPV4_STYLE.match(host):
        try:
            ipaddress.IPv4Address(host)
        except ValueError:
            return False
        return True
    try:
        if not host.isascii():
            host = idna.encode(host).decode("ascii")
        # A malformed A-label ("xn--") fails in the resolver; httpx decodes a
        # whole host that starts with one.
        for label in host.split("."):
            if label.startswith("xn--"):
                idna.decode(label)
        if host.startswith("xn--"):
            idna.decode(host)
    except (idna.IDNAError, UnicodeError):
        return False
    name = host.removesuffix(".")
    return len(name) <= _MAX_HOST_CHARS and all(
        _LABEL.match(label) for label in name.split(".")
    )
