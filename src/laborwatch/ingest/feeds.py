"""RSS and Atom feeds: fetched politely over HTTP(S), parsed with feedparser.

``Fetcher`` makes every request of a poll, one at a time: it names laborwatch in
the User-Agent, reads each host's robots.txt once and obeys it, follows a few
redirects itself (each hop checked: http or https only, robots.txt again), and
bounds every response in time and size. ``parse_feed`` turns a feed's bytes into
entries. Neither touches the database; ``laborwatch.polling`` does.
"""

from __future__ import annotations

import contextlib
import io
import time
from dataclasses import dataclass
from hashlib import sha256
from http import HTTPStatus
from typing import Any, Literal, Protocol
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser
from xml.sax import SAXParseException

import httpx

from laborwatch.closing import Closing
from laborwatch.errors import LaborwatchError
from laborwatch.ingest import format_size
from laborwatch.ingest.html import looks_like_html
from laborwatch.settings import Settings
from laborwatch.urls import joined_url, url_problem
from laborwatch.version import __version__

# The product token robots.txt rules are matched against.
ROBOTS_AGENT = "laborwatch"
MAX_REDIRECTS = 5
# A guid longer than this is stored by its hash: some feeds put whole URLs with
# tracking parameters, or worse, in it, and the key is indexed.
_MAX_KEY_CHARS = 512
_REDIRECTS = {301, 302, 303, 307, 308}
_HTML_TYPES = {"text/html", "application/xhtml+xml"}

FetchKind = Literal["failed", "retry", "disallowed"]


class FetchError(LaborwatchError):
    """A request or a feed that failed; the caller adds the URL.

    ``kind`` says what to do with it: ``retry`` (the server or network may
    recover: connection refused, time-out, 5xx, 429), ``disallowed`` (robots.txt
    forbids it), ``failed`` (final: 404, too large, not a feed).
    """

    def __init__(self, reason: str, kind: FetchKind = "failed") -> None:
        super().__init__(reason)
        self.reason = reason
        self.kind: FetchKind = kind


@dataclass(frozen=True)
class Response:
    """A response read whole: ``url`` is the last one after redirects, header
    names are lower case."""

    url: str
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def media_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed: ``key`` is its guid (RSS) or id (Atom), else its link;
    ``url`` its link made absolute, None when it has no usable http(s) link, and
    then ``problem`` says what is wrong with the one it has, if any."""

    key: str
    url: str | None
    title: str | None
    problem: str | None = None


@dataclass(frozen=True)
class ParsedFeed:
    title: str | None
    entries: tuple[FeedEntry, ...]


def user_agent(settings: Settings) -> str:
    """``laborwatch/VERSION``, with the operator's contact when one is set."""
    agent = f"{ROBOTS_AGENT}/{__version__}"
    if settings.feed_contact:
        agent += f" (+{settings.feed_contact})"
    return agent


class RobotsCache(Protocol):
    """robots.txt files kept between polls: (HTTP status, body) by origin, or
    None when none was read recently enough to reuse."""

    def load(self, origin: str) -> tuple[int, str] | None: ...

    def save(self, origin: str, status: int, body: str) -> None: ...


class Fetcher(Closing):
    """The requests of one poll, made one at a time, robots.txt read once per
    host (or taken from ``robots_cache`` when it has a recent copy)."""

    def __init__(
        self,
        settings: Settings,
        transport: httpx.BaseTransport | None = None,
        robots_cache: RobotsCache | None = None,
    ) -> None:
        self.timeout = settings.feed_timeout
        self.max_bytes = settings.feed_max_bytes
        self.requests = 0
        self._robots: dict[str, RobotFileParser | FetchError] = {}
        self._robots_cache = robots_cache
        self._client = httpx.Client(
            headers={"User-Agent": user_agent(settings)},
            timeout=httpx.Timeout(settings.feed_timeout),
            follow_redirects=False,  # each hop is checked here
            transport=transport,
            event_hooks={"response": [_check_redirect]},
        )

    def close(self) -> None:
        self._client.close()

    def get(self, url: str, headers: dict[str, str] | None = None) -> Response:
        """GET a URL robots.txt allows; a 304 is returned, any other status
        from 400 up raised."""
        response = self._follow(url, headers or {}, check_robots=True)
        if response.status >= 400:
            raise _status_error(response)
        return response

    def allowed(self, url: str) -> bool:
        """Whether the host's robots.txt (read once per Fetcher) allows ``url``."""
        parts = urlsplit(url)
        origin = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        if origin not in self._robots:
            try:
                self._robots[origin] = self._read_robots(origin)
            except FetchError as err:
                self._robots[origin] = err
        rules = self._robots[origin]
        if isinstance(rules, FetchError):
            raise FetchError(f"robots.txt: {rules.reason}", rules.kind)
        return rules.can_fetch(ROBOTS_AGENT, url)

    def _read_robots(self, origin: str) -> RobotFileParser:
        kept = self._robots_cache.load(origin) if self._robots_cache else None
        if kept is None:
            response = self._follow(f"{origin}/robots.txt", {}, check_robots=False)
            kept = response.status, response.body.decode("utf-8", "replace")
            if self._robots_cache:
                self._robots_cache.save(origin, *kept)
        return robots_rules(origin, *kept)

    def _follow(
        self, url: str, headers: dict[str, str], *, check_robots: bool
    ) -> Response:
        if problem := url_problem(url):
            raise FetchError(problem)
        url = url.strip()
        for _ in range(MAX_REDIRECTS + 1):
            if check_robots and not self.allowed(url):
                raise FetchError(f"{url} disallowed by robots.txt", "disallowed")
            response = self._request(url, headers)
            location = response.headers.get("location")
            if response.status not in _REDIRECTS or not location:
                return response
            url = _redirect_target(url, location)
        raise FetchError(f"more than {MAX_REDIRECTS} redirects")

    def _request(self, url: str, headers: dict[str, str]) -> Response:
        """One request, its body read whole within the time and size limits."""
        self.requests += 1
        deadline = time.monotonic() + self.timeout
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                found = {
                    name.lower(): value for name, value in response.headers.items()
                }
                if response.status_code >= 300:  # redirects, 304 and errors: no body
                    return Response(url, response.status_code, found, b"")
                declared = found.get("content-length", "")
                if declared.isdigit() and int(declared) > self.max_bytes:
                    raise self._too_large(int(declared))
                body = bytearray()
                # Counted as decoded: a small gzip cannot unpack past the limit.
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > self.max_bytes:
                        raise self._too_large()
                    if time.monotonic() > deadline:
                        raise httpx.ReadTimeout("deadline")
                return Response(url, response.status_code, found, bytes(body))
        except httpx.TimeoutException:
            raise FetchError(f"timed out after {self.timeout:g} s", "retry") from None
        except httpx.TransportError as err:
            raise FetchError(f"cannot connect ({_reason(err)})", "retry") from None
        except httpx.HTTPError as err:
            raise FetchError(f"request failed ({_reason(err)})", "retry") from None

    def _too_large(self, size: int | None = None) -> FetchError:
        limit = format_size(self.max_bytes)
        told = f"{format_size(size)}, " if size is not None else ""
        return FetchError(
            f"{told}over the {limit} limit (LABORWATCH_FEED_MAX_MB), refused"
        )


def _redirect_target(url: str, location: str) -> str:
    """Where a redirect from ``url`` leads, if a request could be made there."""
    target, problem = joined_url(url, location)
    if problem:
        raise FetchError(f"redirected to {target}: {problem}")
    return target.strip()


def _check_redirect(response: httpx.Response) -> None:
    """httpx reads a redirect's Location even when not following it, and a host
    it cannot decode ("xn--") raises there, outside its own errors: a response
    hook, run first, turns that into the feed's or article's FetchError."""
    location = response.headers.get("location")
    if response.status_code in _REDIRECTS and location:
        _redirect_target(str(response.request.url), location)


def robots_rules(origin: str, status: int, body: str) -> RobotFileParser:
    """The rules of a host's robots.txt as read with ``status``. As RFC 9309 says:
    unavailable (4xx) allows all, unreachable (5xx) disallows all; 401 and 403
    disallow all, as urllib.robotparser does."""
    rules = RobotFileParser(f"{origin}/robots.txt")
    if status in (401, 403) or status >= 500:
        rules.parse(["User-agent: *", "Disallow: /"])
    elif status >= 400:
        rules.parse([])
    else:
        rules.parse(body.splitlines())
    return rules


def parse_feed(response: Response) -> ParsedFeed:
    """The entries of an RSS or Atom feed; a FetchError if it is neither."""
    import feedparser  # only feeds need it

    # A stream, never a URL, path or bytes: feedparser fetches a URL it is given
    # and opens a file whose name it is given, and neither may happen here.
    parsed = feedparser.parse(
        io.BytesIO(response.body),
        response_headers={
            "content-location": response.url,
            "content-type": response.headers.get("content-type", ""),
        },
    )
    if not parsed.get("version"):
        raise FetchError(f"not an RSS or Atom feed ({_what_instead(response, parsed)})")
    entries = []
    for entry in parsed.entries:
        link = str(entry.get("link") or "").strip()
        key = str(entry.get("id") or "").strip() or link
        if not key:
            continue  # nothing to know it by next time, nothing to fetch
        url, problem = _item_url(response.url, link) if link else (None, None)
        if len(key) > _MAX_KEY_CHARS:
            key = "sha256:" + sha256(key.encode("utf-8", "replace")).hexdigest()
        entries.append(FeedEntry(key, url, entry.get("title") or None, problem))
    title = parsed.feed.get("title") or None
    return ParsedFeed(title, tuple(entries))


def _item_url(base: str, link: str) -> tuple[str | None, str | None]:
    """An item's link made absolute, if that is a usable http or https URL; else
    None and what is wrong with it (one line, the link cut short)."""
    url, problem = joined_url(base, link)
    if problem is None:
        return url.strip(), None
    shown = url if len(url) <= 200 else url[:200] + "…"
    return None, f"link {' '.join(shown.split())}: {problem}"


def looks_like_html_response(response: Response) -> bool:
    """Whether an article's response is an HTML page (by its type, else content)."""
    if response.media_type:
        return response.media_type in _HTML_TYPES
    return looks_like_html(response.body)


def _what_instead(response: Response, parsed: Any) -> str:
    """What a response that is no feed is instead, in a few words."""
    if response.media_type in _HTML_TYPES or looks_like_html(response.body):
        return "an HTML page"
    problem = parsed.get("bozo_exception")
    if isinstance(problem, SAXParseException):
        # Not its line number: feedparser may have added a line before it.
        return f"XML error: {problem.getMessage()}"
    if problem is not None:
        return str(problem).splitlines()[0][:200] or "unreadable"
    return "no channel or feed element"


def _status_error(response: Response) -> FetchError:
    reason = f"HTTP {response.status}"
    with contextlib.suppress(ValueError):
        reason += f" {HTTPStatus(response.status).phrase}"
    transient = response.status >= 500 or response.status == 429
    return FetchError(reason, "retry" if transient else "failed")


def _reason(err: Exception) -> str:
    """``[Errno 111] Connection refused`` as ``connection refused``."""
    text = str(err).strip() or type(err).__name__
    if text.startswith("[Errno") and "]" in text:
        text = text.split("]", 1)[1].strip()
    return text[:1].lower() + text[1:]
