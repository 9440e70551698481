"""Feeds against a local HTTP server on 127.0.0.1: what is fetched, how often,
with which headers, and what a broken feed or article does to the rest."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import select

from laborwatch.errors import LaborwatchError
from laborwatch.polling import MAX_ATTEMPTS, ingest_feed, poll_feeds
from laborwatch.settings import Settings
from laborwatch.store import Database
from laborwatch.store.feeds import (
    ROBOTS_MAX_AGE,
    add_feed,
    get_feed,
    list_feeds,
    remove_feed,
)
from laborwatch.store.tables import feed_items, robots_files
from laborwatch.version import __version__
from tests.conftest import REPORTS, run_cli

ETAG = '"v1"'
LAST_MODIFIED = formatdate(1_700_000_000, usegmt=True)

# Each article: real forced-labour reporting (passports taken, unpaid work), so
# the document is stored with evidence; each text differs so none is a duplicate.
SENTENCES = {
    "one": "At the Dalian seafood plant, the employer confiscated the passports of "
    "North Korean workers and forced them to work sixteen hours a day without pay.",
    "two": "Workers at a brick kiln in Punjab said they were held in debt bondage "
    "and beaten when they asked to leave, according to the labour inspectors.",
    "three": "Fishermen on the trawler told investigators that the captain withheld "
    "their wages for eleven months and threatened to throw them overboard.",
    "four": "Children as young as ten were made to pick cotton under quotas set by "
    "local officials, and families who refused were threatened with fines.",
}


def article(key: str) -> bytes:
    sentence = SENTENCES[key]
    return (
        "<!doctype html><html><head><title>Report "
        f"{key}</title></head><body><article><h1>Report {key}</h1>"
        f"<p>{sentence}</p><p>{sentence.replace('said', 'stated')} The report was "
        "published after months of interviews with former workers and their "
        "families, who asked not to be named for their safety.</p></article>"
        "</body></html>"
    ).encode()


def rss(base: str, *keys: str, prefix: str = "/articles/") -> bytes:
    items = "".join(
        f"<item><title>Report {key}</title><link>{base}{prefix}{key}.html</link>"
        f"<guid>urn:report:{key}</guid></item>"
        for key in keys
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Test feed</title>'
        f"<link>{base}/</link><description>d</description>{items}</channel></rss>"
    ).encode()


def atom(base: str, *keys: str) -> bytes:
    entries = "".join(
        f'<entry><title>Report {key}</title><link href="{base}/articles/{key}.html"/>'
        f"<id>tag:example.org,2026:{key}</id><updated>2026-11-01T00:00:00Z</updated>"
        "</entry>"
        for key in keys
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom test</title>'
        f"<id>tag:example.org,2026:feed</id><updated>2026-11-01T00:00:00Z</updated>"
        f"{entries}</feed>"
    ).encode()


@dataclass
class Route:
    status: int
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    validators: bool = False  # send ETag and Last-Modified; answer 304 to them
    delay: float = 0.0  # seconds before answering
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Seen:
    path: str
    headers: dict[str, str]
    status: int


@dataclass
class Server:
    base: str
    routes: dict[str, Route] = field(default_factory=dict)
    seen: list[Seen] = field(default_factory=list)

    def paths(self) -> list[str]:
        return [request.path for request in self.seen]


@pytest.fixture
def server() -> Iterator[Server]:
    state = Server("")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
            route = state.routes.get(self.path, Route(404, b"not found", "text/plain"))
            status, body = route.status, route.body
            headers = {"Content-Type": route.content_type, **route.headers}
            if route.validators:
                headers |= {"ETag": ETAG, "Last-Modified": LAST_MODIFIED}
                if self.headers.get("If-None-Match") == ETAG:
                    status, body = 304, b""
            state.seen.append(Seen(self.path, dict(self.headers.items()), status))
            time.sleep(route.delay)
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            if status != 304:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    state.routes["/robots.txt"] = Route(200, b"User-agent: *\nAllow: /\n", "text/plain")
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield state
    httpd.shutdown()
    httpd.server_close()


def serve_articles(server: Server, *keys: str) -> None:
    for key in keys:
        server.routes[f"/articles/{key}.html"] = Route(200, article(key))


def serve_rss(server: Server, path: str, *keys: str, validators: bool = False) -> str:
    server.routes[path] = Route(
        200, rss(server.base, *keys), "application/rss+xml", validators
    )
    return server.base + path


def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/feed.xml"


def test_new_items_are_ingested_once(
    server: Server, database: Database, settings: Settings
) -> None:
    serve_articles(server, "one", "two")
    add_feed(database, serve_rss(server, "/feed.xml", "one", "two"))
    (first,) = poll_feeds(database, settings)
    assert first.status == "polled"
    assert len(first.ingested) == 2
    assert sorted(server.paths()) == sorted(
        ["/robots.txt", "/feed.xml", "/articles/one.html", "/articles/two.html"]
    )
    server.seen.clear()
    (second,) = poll_feeds(database, settings)
    assert second.status == "polled"
    assert second.events == [] and second.ingested == []
    # robots.txt was read by the first poll and is kept for a day.
    assert server.paths() == ["/feed.xml"]


def test_a_new_item_in_a_known_feed_is_the_only_one_fetched(
    server: Server, database: Database, settings: Settings
) -> None:
    serve_articles(server, "one", "two")
    add_feed(database, serve_rss(server, "/feed.xml", "one"))
    poll_feeds(database, settings)
    serve_rss(server, "/feed.xml", "one", "two")
    server.seen.clear()
    (poll,) = poll_feeds(database, settings)
    assert len(poll.ingested) == 1
    assert "/articles/one.html" not in server.paths()
    assert "/articles/two.html" in server.paths()


def test_unchanged_feed_costs_one_conditional_request(
    server: Server, database: Database, settings: Settings
) -> None:
    serve_articles(server, "one")
    add_feed(database, serve_rss(server, "/feed.xml", "one", validators=True))
    poll_feeds(database, settings)
    server.seen.clear()
    (poll,) = poll_feeds(database, settings)
    assert poll.status == "not_modified" and poll.events == []
    feed_requests = [seen for seen in server.seen if seen.path == "/feed.xml"]
    assert len(feed_requests) == 1
    (conditional,) = feed_requests
    assert conditional.status == 304
    assert conditional.headers["If-None-Match"] == ETAG
    assert conditional.headers["If-Modified-Since"] == LAST_MODIFIED
    # robots.txt is kept from the first poll: the feed's request is the only one.
    assert server.paths() == ["/feed.xml"]
    assert poll.requests == 1
    assert get_feed(database, "1").last_status == "not_modified"


def test_robots_txt_is_read_again_after_a_day(
    server: Server, database: Database, settings: Settings
) -> None:
    serve_articles(server, "one")
    add_feed(database, serve_rss(server, "/feed.xml", "one", validators=True))
    poll_feeds(database, settings)
    server.routes["/robots.txt"] = Route(200, b"User-agent: *\nDisallow: /\n")
    with database.writing() as connection:
        connection.execute(
            robots_files.update().values(
                fetched_at=datetime.now(UTC) - ROBOTS_MAX_AGE - timedelta(minutes=1)
            )
        )
    server.seen.clear()
    (poll,) = poll_feeds(database, settings)
    assert server.paths() == ["/robots.txt"]
    assert poll.status == "failed" and "disallowed by robots.txt" in (poll.error or "")


def test_atom_feed_is_read(
    server: Server, database: Database, settings: Settings
) -> None:
    serve_articles(server, "three", "four")
    server.routes["/atom.xml"] = Route(
        200, atom(server.base, "three", "four"), "application/atom+xml"
    )
    add_feed(database, server.base + "/atom.xml", "Atom")
    (poll,) = poll_feeds(database, settings)
    assert poll.status == "polled" and len(poll.ingested) == 2
    assert {event.location for event in poll.events} == {
        f"{server.base}/articles/three.html",
        f"{server.base}/articles/four.html",
    }


def test_user_agent_names_laborwatch_and_its_contact(
    server: Server, database: Database, settings: Settings
) -> None:
    serve_articles(server, "one")
    add_feed(database, serve_rss(server, "/feed.xml", "one"))
    poll_feeds(database, replace(settings, feed_contact="ops@example.org"))
    assert len(server.seen) == 3
    for seen in server.seen:
        assert seen.headers["User-Agent"] == (
            f"laborwatch/{__version__} (+ops@example.org)"
        )


def test_robots_txt_disallow_is_honoured(
    server: Server, database: Database, settings: Settings
) -> None:
    server.routes["/robots.txt"] = Route(
        200, b"User-agent: laborwatch\nDisallow: /private/\n", "text/plain"
    )
    serve_articles(server, "one")
    server.routes["/private/two.html"] = Route(200, article("two"))
    private = (
        f"<item><link>{server.base}/private/two.html</link>"
        "<guid>urn:report:private</guid></item></channel>"
    )
    server.routes["/mixed.xml"] = Route(
        200,
        rss(server.base, "one").replace(b"</channel>", private.encode()),
        "application/rss+xml",
    )
    add_feed(database, server.base + "/mixed.xml")
    (poll,) = poll_feeds(database, settings)
    assert "/private/two.html" not in server.paths()
    assert len(poll.ingested) == 1
    assert any("disallowed by robots.txt" in line for line in poll.problems)
    server.seen.clear()
    poll_feeds(database, settings)  # not asked again: recorded as disallowed
    assert "/private/two.html" not in server.paths()


def test_robots_txt_disallowing_the_feed_fails_it(
    server: Server, database: Database, settings: Settings
) -> None:
    server.routes["/robots.txt"] = Route(200, b"User-agent: *\nDisallow: /\n")
    add_feed(database, serve_rss(server, "/feed.xml", "one"))
    (poll,) = poll_feeds(database, settings)
    assert poll.status == "failed"
    assert server.paths() == ["/robots.txt"]
    assert "disallowed by robots.txt" in (poll.error or "")


def test_missing_robots_txt_allows_all(
    server: Server, database: Database, settings: Settings
) -> None:
    del server.routes["/robots.txt"]
    serve_articles(server, "one")
    add_feed(database, serve_rss(server, "/feed.xml", "one"))
    (poll,) = poll_feeds(database, settings)
    assert poll.status == "polled" and len(poll.ingested) == 1


def test_oversize_feed_and_article_are_refused(
    server: Server, database: Database, settings: Settings
) -> None:
    small = replace(settings, feed_max_bytes=len(rss(server.base, "one")) + 10)
    server.routes["/articles/one.html"] = Route(200, article("one") * 3)
    add_feed(database, serve_rss(server, "/feed.xml", "one"))
    server.routes["/big.xml"] = Route(
        200, rss(server.base, "one", "two", "three"), "application/rss+xml"
    )
    add_feed(database, server.base + "/big.xml")
    ok, big = poll_feeds(database, small)
    assert big.status == "failed"
    assert big.problems == [
        f"{server.base}/big.xml: {big.error}",
    ]
    assert "over the" in (big.error or "") and "LABORWATCH_FEED_MAX_MB" in big.error
    assert ok.status == "polled" and ok.ingested == []
    (line,) = ok.problems
    assert line.startswith(f"{server.base}/articles/one.html: ")
    assert "refused" in line


def test_a_slow_feed_times_out_and_the_next_still_polls(
    server: Server, database: Database, settings: Settings
) -> None:
    # The timeout leaves the test server time to answer robots.txt on a loaded
    # machine; only the feed itself is slow.
    server.routes["/slow.xml"] = Route(200, rss(server.base), delay=3.0)
    add_feed(database, server.base + "/slow.xml")
    serve_articles(server, "one")
    add_feed(database, serve_rss(server, "/feed.xml", "one"))
    slow, ok = poll_feeds(database, replace(settings, feed_timeout=1.0))
    assert slow.status == "failed" and slow.error == "timed out after 1 s"
    assert ok.status == "polled" and len(ok.ingested) == 1


def test_broken_articles_are_reported_and_the_rest_goes_on(
    server: Server, database: Database, settings: Settings
) -> None:
    serve_articles(server, "one")
    server.routes["/articles/pdf.html"] = Route(200, b"%PDF-1.4", "application/pdf")
    server.routes["/articles/empty.html"] = Route(200, b"<html><body></body></html>")
    server.routes["/articles/down.html"] = Route(503, b"busy", "text/plain")
    body = rss(server.base, "missing", "pdf", "empty", "down", "one")
    server.routes["/feed.xml"] = Route(200, body, "application/rss+xml")
    add_feed(database, server.base + "/feed.xml")
    (poll,) = poll_feeds(database, settings)
    assert poll.status == "polled" and len(poll.ingested) == 1
    assert len(poll.problems) == 4
    problems = "\n".join(poll.problems)
    assert "missing.html: HTTP 404 Not Found" in problems
    assert "pdf.html: not an HTML page (application/pdf)" in problems
    assert "down.html: HTTP 503 Service Unavailable (try 1 of 3)" in problems
    # Only the 503 is tried again, and only up to MAX_ATTEMPTS times in all.
    for _ in range(MAX_ATTEMPTS + 1):
        server.seen.clear()
        poll_feeds(database, settings)
        articles = [path for path in server.paths() if path.startswith("/articles/")]
        assert articles in (["/articles/down.html"], [])
    downs = database_items(database)["urn:report:down"]
    assert downs == ("failed", MAX_ATTEMPTS)


def database_items(database: Database) -> dict[str, tuple[str, int]]:
    with database.reading() as connection:
        return {
            row.item_key: (row.status, row.attempts)
            for row in connection.execute(select(feed_items))
        }


def test_a_broken_feed_gives_one_line_and_the_others_still_poll(
    server: Server, database: Database, settings: Settings
) -> None:
    serve_articles(server, "one")
    server.routes["/error.xml"] = Route(500, b"oops", "text/plain")
    server.routes["/page.html"] = Route(200, article("two"))
    server.routes["/notxml.xml"] = Route(200, b"{not xml at all", "application/xml")
    refused = closed_port_url()
    for path in ("/error.xml", "/page.html", "/notxml.xml"):
        add_feed(database, server.base + path)
    add_feed(database, refused)
    add_feed(database, serve_rss(server, "/feed.xml", "one"))
    result = run_cli("--db", database.connection_url, "feeds", "poll")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines == [
        f"{server.base}/error.xml: HTTP 500 Internal Server Error",
        f"{server.base}/page.html: not an RSS or Atom feed (an HTML page)",
        f"{server.base}/notxml.xml: not an RSS or Atom feed (XML error: "
        "not well-formed (invalid token))",
        lines[3],
    ]
    assert lines[3].startswith(f"{refused}: robots.txt: cannot connect (")
    assert "refused" in lines[3].lower()
    assert "feed 5" in result.stdout and "1 ingested" in result.stdout
    statuses = {feed.url: feed.last_status for feed in list_feeds(database)}
    assert statuses[server.base + "/feed.xml"] == "polled"
    assert list(statuses.values()).count("failed") == 4


def test_poll_json_gives_each_feed_its_status_documents_and_errors(
    server: Server, database: Database
) -> None:
    serve_articles(server, "one")
    add_feed(database, serve_rss(server, "/feed.xml", "one"))
    server.routes["/error.xml"] = Route(500)
    add_feed(database, server.base + "/error.xml")
    result = run_cli("--db", database.connection_url, "feeds", "poll", "--json")
    assert result.returncode == 1, result.stderr
    good, bad = json.loads(result.stdout)["feeds"]
    assert good["id"] == 1 and good["status"] == "polled" and good["errors"] == []
    assert len(good["ingested"]) == 1 and len(good["ingested"][0]) == 64
    assert bad["status"] == "failed" and bad["ingested"] == []
    assert bad["errors"] == [f"{server.base}/error.xml: HTTP 500 Internal Server Error"]
    again = run_cli("--db", database.connection_url, "feeds", "poll", "--feed", "1")
    assert again.returncode == 0, again.stderr


def test_ingest_feed_reads_a_feed_without_adding_it(
    server: Server, database: Database
) -> None:
    serve_articles(server, "one", "two")
    url = serve_rss(server, "/feed.xml", "one", "two")
    result = run_cli("--db", database.connection_url, "ingest", "--feed", url, "--json")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["summary"]["ingested"] == 2
    assert {event["location"] for event in record["events"]} == {
        f"{server.base}/articles/one.html",
        f"{server.base}/articles/two.html",
    }
    assert list_feeds(database) == []
    again = ingest_feed(url, database, Settings(database_url=database.connection_url))
    assert [event.outcome for event in again.events] == ["duplicate", "duplicate"]


def test_ingest_wants_a_path_or_a_feed(tmp_path: Path) -> None:
    result = run_cli("--db", str(tmp_path / "x.db"), "ingest", "--json")
    assert result.returncode == 2
    assert "give a PATH or --feed URL" in result.stderr


def test_add_list_remove_round_trip(server: Server, database: Database) -> None:
    db = ("--db", database.connection_url)
    url = server.base + "/feed.xml"
    added = run_cli(*db, "feeds", "add", url, "--name", "Test")
    assert added.returncode == 0, added.stderr
    assert added.stdout.strip() == f"Added feed 1: {url}"
    again = run_cli(*db, "feeds", "add", url)
    assert again.returncode == 1
    assert again.stderr.strip() == (f"Error: {url}: already in the feed list as feed 1")
    bad = run_cli(*db, "feeds", "add", "file:///etc/passwd")
    assert bad.returncode == 1
    assert bad.stderr.strip() == "Error: file:///etc/passwd: not an http or https URL"
    listed = run_cli(*db, "feeds", "list", "--json")
    (feed,) = json.loads(listed.stdout)
    assert (feed["id"], feed["url"], feed["name"]) == (1, url, "Test")
    assert feed["last_status"] is None
    removed = run_cli(*db, "feeds", "remove", "1")
    assert removed.returncode == 0, removed.stderr
    assert json.loads(run_cli(*db, "feeds", "list", "--json").stdout) == []
    gone = run_cli(*db, "feeds", "remove", url)
    assert gone.returncode == 1 and "no such feed" in gone.stderr
    huge = run_cli(*db, "feeds", "remove", "9" * 30)
    assert huge.returncode == 1
    assert (
        huge.stderr.strip()
        == f"Error: {'9' * 30}: no such feed (see laborwatch feeds list)"
    )
    assert server.seen == []  # managing the list fetches nothing


def test_removing_a_feed_forgets_its_items_but_keeps_documents(
    server: Server, database: Database, settings: Settings
) -> None:
    serve_articles(server, "one")
    add_feed(database, serve_rss(server, "/feed.xml", "one"))
    (poll,) = poll_feeds(database, settings)
    remove_feed(database, server.base + "/feed.xml")
    assert database_items(database) == {}
    from laborwatch.store import get_document

    assert get_document(database, poll.ingested[0]).document.url


def test_only_http_urls_are_accepted(database: Database) -> None:
    for url in ("ftp://example.org/feed", "javascript:alert(1)", "feed.xml"):
        with pytest.raises(LaborwatchError, match="not an http or https URL"):
            add_feed(database, url)


def test_a_poll_fetches_at_most_the_item_limit_and_the_next_polls_the_rest(
    server: Server, database: Database, settings: Settings
) -> None:
    keys = ["one", "two", "three", "four"]
    serve_articles(server, *keys)
    add_feed(database, serve_rss(server, "/feed.xml", *keys, validators=True))
    capped = replace(settings, feed_max_items=2)
    (first,) = poll_feeds(database, capped)
    assert len(first.events) == 2
    assert first.problems == [
        f"{server.base}/feed.xml: 4 new items, over the 2 a poll fetches "
        "(LABORWATCH_FEED_MAX_ITEMS); the rest wait for the next poll"
    ]
    (second,) = poll_feeds(database, capped)  # not a 304: the feed is read whole
    assert (second.status, len(second.events), second.problems) == ("polled", 2, [])
    fetched = [path for path in server.paths() if path.startswith("/articles/")]
    assert sorted(fetched) == sorted(f"/articles/{key}.html" for key in keys)
    (third,) = poll_feeds(database, capped)
    assert third.status == "not_modified"


# Item links a request cannot be made to: each fails its item alone.
HOSTILE_LINKS = {
    "idna": ("http://xn--/x", "not a valid host"),
    "long": (f"http://{'a' * 300}.example.org/x", "not a valid host"),
    "port": ("http://127.0.0.1:99999/x", "not a valid port"),
}


def hostile_rss(*keys: str) -> bytes:
    items = "".join(
        f"<item><title>{key}</title><link>{HOSTILE_LINKS[key][0]}</link>"
        f"<guid>urn:hostile:{key}</guid></item>"
        for key in keys
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile</title>'
        f"{items}</channel></rss>"
    ).encode()


def test_a_hostile_item_link_fails_its_item_and_the_other_feeds_poll(
    server: Server, database: Database
) -> None:
    serve_articles(server, "one")
    server.routes["/hostile.xml"] = Route(
        200, hostile_rss(*HOSTILE_LINKS), "application/rss+xml"
    )
    add_feed(database, server.base + "/hostile.xml")
    add_feed(database, serve_rss(server, "/feed.xml", "one"))
    result = run_cli("--db", database.connection_url, "feeds", "poll")
    # Broken articles do not change the exit status (docs/cli.md).
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[0] == "urn:hostile:idna: link http://xn--/x: not a valid host"
    assert lines[1].startswith("urn:hostile:long: link http://aaaa")
    assert lines[1].endswith("…: not a valid host") and len(lines[1]) < 250
    assert lines[2] == (
        "urn:hostile:port: link http://127.0.0.1:99999/x: not a valid port"
    )
    assert "feed 1" in result.stdout and "feed 2" in result.stdout
    assert "1 ingested" in result.stdout
    statuses = {feed.url: feed.last_status for feed in list_feeds(database)}
    assert set(statuses.values()) == {"polled"}
    items = database_items(database)
    assert {key: items[f"urn:hostile:{key}"] for key in HOSTILE_LINKS} == {
        key: ("failed", 1) for key in HOSTILE_LINKS
    }
    # Recorded: the next poll does not try them again.
    server.seen.clear()
    again = run_cli("--db", database.connection_url, "feeds", "poll")
    assert again.returncode == 0 and again.stderr == ""


def test_watch_and_ingest_feed_survive_a_hostile_item_link(
    server: Server, database: Database
) -> None:
    server.routes["/hostile.xml"] = Route(
        200, hostile_rss("idna"), "application/rss+xml"
    )
    url = server.base + "/hostile.xml"
    db = ("--db", database.connection_url)
    ingested = run_cli(*db, "ingest", "--feed", url, "--json")
    assert "Traceback" not in ingested.stderr
    assert ingested.returncode == 1
    (event,) = json.loads(ingested.stdout)["events"]
    assert (event["outcome"], event["detail"]) == (
        "failed",
        "link http://xn--/x: not a valid host",
    )
    add_feed(database, url)
    watched = run_cli(*db, "watch", "--no-lists", "--no-screenings")
    assert "Traceback" not in watched.stderr
    assert watched.returncode == 0, watched.stderr
    assert database_items(database) == {"urn:hostile:idna": ("failed", 1)}


def test_a_redirect_to_a_hostile_url_fails_the_feed(
    server: Server, database: Database, settings: Settings
) -> None:
    for path, location in (
        ("/idna.xml", "http://xn--/x"),
        ("/v6.xml", "http://[::1/x"),
    ):
        server.routes[path] = Route(302, headers={"Location": location})
        add_feed(database, server.base + path)
    idna, v6 = poll_feeds(database, settings)
    assert (idna.status, idna.error) == (
        "failed",
        "redirected to http://xn--/x: not a valid host",
    )
    assert (v6.status, v6.error) == (
        "failed",
        "redirected to http://[::1/x: not a valid URL",
    )
    assert [feed.last_status for feed in list_feeds(database)] == ["failed"] * 2


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("http://[::1/x", "not a valid URL"),
        ("http://xn--/x", "not a valid host"),
        ("http://a b/", "not a valid host"),
        ("http://%zz/", "not a valid host"),
        ("http://127.0.0.1:99999/x", "not a valid port"),
        ("http://127.0.0.1:-1/x", "not a valid port"),
    ],
)
def test_a_feed_url_with_a_bad_host_or_port_is_refused(
    url: str, problem: str, database: Database
) -> None:
    with pytest.raises(LaborwatchError) as raised:
        add_feed(database, url)
    assert str(raised.value) == f"{url}: {problem}"
    assert list_feeds(database) == []


def test_feeds_add_and_ingest_feed_refuse_a_bad_url_in_one_line(
    database: Database,
) -> None:
    db = ("--db", database.connection_url)
    added = run_cli(*db, "feeds", "add", "http://[::1/x")
    assert added.returncode == 1
    assert added.stderr.strip() == "Error: http://[::1/x: not a valid URL"
    ingested = run_cli(
        *db, "ingest", str(REPORTS / "article.html"), "--feed", "http://xn--/x"
    )
    assert ingested.returncode == 1
    assert ingested.stderr.strip() == "Error: http://xn--/x: not a valid host"
    # Refused before anything is read: the path given with it is not ingested.
    listed = run_cli(*db, "docs", "list", "--json")
    assert json.loads(listed.stdout)["documents"] == []
    assert list_feeds(database) == []
