"""The one check for URLs from outside: what a request could be made to."""

from __future__ import annotations

import pytest

from laborwatch.errors import LaborwatchError
from laborwatch.urls import check_url, url_problem, web_url

HOSTILE = {
    "http://[::1/x": "not a valid URL",
    "http://[::zz]/x": "not a valid URL",
    "http://xn--/x": "not a valid host",
    "http://xn--abc-.example.org/x": "not a valid host",
    "http://a b/": "not a valid host",
    "http://%zz/": "not a valid host",
    f"http://{'a' * 300}.example.org/x": "not a valid host",
    f"http://{'a.' * 127}example.org/x": "not a valid host",
    "http://a..b/": "not a valid host",
    "http://999.1.1.1/": "not a valid host",
    "http://☃.example/": "not a valid host",
    "http://127.0.0.1:99999/x": "not a valid port",
    "http://127.0.0.1:-1/x": "not a valid port",
    "http://127.0.0.1:0/x": "not a valid port",
    "http://example.org:eighty/": "not a valid port",
    "http:///x": "no host",
    "file:///etc/passwd": "not an http or https URL",
    "javascript:alert(1)": "not an http or https URL",
    "www.example.org/report": "not an http or https URL",
}
USABLE = [
    "https://example.org/a b?q=1#f",
    "HTTPS://Example.ORG./",
    "http://127.0.0.1:8080/feed.xml",
    "http://[::1]:8080/feed.xml",
    "https://www.bücher.de/x",
    "http://xn--fiqs8s.icom.museum/",
    "http://cdn_1.example.org/",
    "http://user:secret@example.org/",
    "  https://example.org/padded  ",
]


@pytest.mark.parametrize(("url", "problem"), HOSTILE.items())
def test_hostile_urls_are_refused_with_a_reason(url: str, problem: str) -> None:
    assert url_problem(url) == problem
    assert web_url(url) is None
    with pytest.raises(LaborwatchError) as raised:
        check_url(url)
    assert str(raised.value) == f"{url}: {problem}"


@pytest.mark.parametrize("url", USABLE)
def test_usable_urls_pass_stripped(url: str) -> None:
    assert url_problem(url) is None
    assert web_url(url) == check_url(url) == url.strip()


def test_usable_urls_are_ones_httpx_can_request() -> None:
    import httpx

    for url in USABLE:
        request = httpx.Request("GET", url.strip())
        assert request.url.host
