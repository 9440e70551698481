"""``laborwatch watch``: feeds polled, lists updated from a mirror, watched
screenings rerun; what changed said once, stored, appended as JSON lines, and
told by the exit status. Publishers and feeds are a local folder served on
127.0.0.1 (``http.server`` answers If-Modified-Since with 304)."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from laborwatch.lists import load_list
from laborwatch.screen import screen_file
from laborwatch.settings import Settings
from laborwatch.store import Database, open_database
from laborwatch.store.feeds import add_feed
from laborwatch.store.lists import save_list
from laborwatch.store.screenings import set_watched
from laborwatch.watching import watch
from laborwatch.web import create_app
from tests.conftest import FIXTURES, run_cli, serve_folder
from tests.screen.runs import SCREENING
from tests.web.conftest import LOCAL

LIST_ID = "us_ofac_sdn"
ARTICLE = """<html><head><title>Kiln workers held by debt</title></head><body>
<article><h1>Kiln workers held by debt</h1>
<p>At a brick kiln near Lahore, the owner kept the workers' identity cards and
did not pay their wages for four months, workers said.</p>
<p>Children as young as ten carried bricks for twelve hours a day.</p>
</article></body></html>"""


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A folder served on 127.0.0.1: the list mirror and a feed with an article."""
    folder = tmp_path / "site"
    shutil.copytree(FIXTURES / "lists" / "ofac", folder / "lists")
    (folder / "robots.txt").write_text("User-agent: *\nAllow: /\n")
    with serve_folder(folder) as base:
        (folder / "kiln.html").write_text(ARTICLE)
        (folder / "feed.xml").write_text(
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Reports</title>'
            f"<link>{base}/</link><item><title>Kiln workers held by debt</title>"
            f"<link>{base}/kiln.html</link><guid>urn:report:kiln</guid></item>"
            "</channel></rss>"
        )
        yield folder, base


@pytest.fixture
def watched(database_url: str, site: tuple[Path, str]) -> Iterator[Database]:
    """The OFAC fixture loaded as the SDN list, a watched screening of the supplier
    fixture, and the local feed in the feed list."""
    _folder, base = site
    database = open_database(database_url)
    save_list(database, load_list(FIXTURES / "lists" / "ofac", list_id=LIST_ID))
    run = screen_file(SCREENING / "suppliers.csv", database)
    set_watched(database, run.id, True)
    add_feed(database, f"{base}/feed.xml")
    yield database
    database.close()


def add_sdn_entry(folder: Path, name: str) -> None:
    """A new edition of the mirrored SDN file, with one more entry."""
    path = folder / "lists" / "sdn.csv"
    data = path.read_bytes()
    end = b"\x1a" if data.endswith(b"\x1a") else b""
    row = f'99999,"{name}",-0- ,"RUSSIA-EO14024"' + ",-0- " * 8 + "\r\n"
    _rewrite(path, data[: len(data) - len(end)] + row.encode() + end)


def _rewrite(path: Path, data: bytes) -> None:
    """Write a served file anew, modified a few seconds later than before: the
    server's Last-Modified counts whole seconds, and a pass a moment earlier
    would be answered 304, not modified."""
    modified = path.stat().st_mtime
    path.write_bytes(data)
    os.utime(path, (modified + 5, modified + 5))


def test_a_pass_says_what_changed_and_the_next_finds_nothing(
    watched: Database, site: tuple[Path, str], database_url: str
) -> None:
    folder, base = site
    settings = Settings(database_url=database_url)
    first = watch(watched, settings, base_url=f"{base}/lists")
    assert first.errors == []
    kinds = [change["kind"] for change in first.changes()]
    assert kinds == ["documents", "screening"]
    assert len(first.changes()[0]["documents"]) == 1  # the feed's article
    # The new report is evidence for the kiln supplier of the watched screening.
    (kiln,) = first.changes()[1]["suppliers"]
    assert (kiln["name"], kiln["new_evidence"]) == ("Lahore Brick Works", 1)
    # Same files as loaded: no new edition, so no list change.
    assert first.lists[0]["unchanged"] is True
    assert "list" not in kinds

    second = watch(watched, settings, base_url=f"{base}/lists")
    assert (second.errors, second.changes(), second.status) == ([], [], "unchanged")
    assert second.feeds[0]["status"] == "not_modified"
    assert second.screenings[0]["old"] == first.screenings[0]["new"]

    add_sdn_entry(folder, "CLEAN PAPER GMBH")
    third = watch(watched, settings, base_url=f"{base}/lists")
    changes = third.changes()
    assert [change["kind"] for change in changes] == ["list", "screening"]
    assert changes[0]["list"] == LIST_ID and changes[0]["added"] == 1
    (supplier,) = changes[1]["suppliers"]
    assert supplier["name"] == "Clean Paper GmbH" and supplier["new_hits"] == 1
    assert third.status == "changed"


def test_cli_exit_status_and_changes_file(
    watched: Database, site: tuple[Path, str], database_url: str, tmp_path: Path
) -> None:
    folder, base = site
    changes = tmp_path / "changes.jsonl"
    command = [
        "--db", database_url, "watch", "--base-url", f"{base}/lists",
        "--changes", str(changes),
    ]  # fmt: skip
    first = run_cli(*command)
    assert first.returncode == 3, first.stderr
    assert "1 new document(s) from" in first.stdout
    again = run_cli(*command)
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip().endswith("0 error(s)")

    _rewrite(folder / "feed.xml", b"<html><body>not a feed</body></html>")
    add_sdn_entry(folder, "CLEAN PAPER GMBH")
    broken = run_cli(*command, "--json")
    assert broken.returncode == 1
    assert "Traceback" not in broken.stderr
    (error_line,) = [line for line in broken.stderr.splitlines() if "feed.xml" in line]
    assert "not an RSS or Atom feed" in error_line
    record = json.loads(broken.stdout)
    # The feed failed; the list and the screening were still done.
    assert record["status"] == "failed"
    assert [change["kind"] for change in record["changes"]] == ["list", "screening"]

    lines = [json.loads(line) for line in changes.read_text().splitlines()]
    # The first pass's new report changed the screening too (see the test above).
    assert [line["kind"] for line in lines] == [
        "documents", "screening", "list", "screening", "error",
    ]  # fmt: skip
    assert len({line["watch_run"] for line in lines}) == 2
    assert lines[-1]["error"] == error_line.strip()


def test_unwritable_changes_file_is_one_line_before_any_work(
    database_url: str, tmp_path: Path
) -> None:
    result = run_cli(
        "--db", database_url, "watch", "--changes", str(tmp_path / "no" / "c.jsonl")
    )
    assert result.returncode == 1
    assert result.stderr.strip().startswith(
        f"Error: {tmp_path / 'no' / 'c.jsonl'}: cannot write the changes file"
    )


def test_watch_page_lists_passes_with_links_escaped(
    watched: Database, site: tuple[Path, str], database_url: str
) -> None:
    folder, base = site
    (folder / "kiln.html").write_text(
        # The title, as text, is a script tag.
        ARTICLE.replace(
            "Kiln workers held by debt", "&lt;script&gt;alert(1)&lt;/script&gt;"
        )
    )
    settings = Settings(database_url=database_url)
    watch(watched, settings, base_url=f"{base}/lists")
    add_sdn_entry(folder, "CLEAN PAPER GMBH")
    done = watch(watched, settings, base_url=f"{base}/lists")
    with TestClient(create_app(settings), base_url=LOCAL) as client:
        page = client.get("/watch")
    assert page.status_code == 200
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    (rerun,) = done.screenings
    assert f'href="/screenings/{rerun["old"]}/diff/{rerun["new"]}"' in page.text
    assert "Clean Paper GmbH" in page.text
    assert page.text.index(f"Pass {done.id}:") < page.text.index(f"Pass {done.id - 1}:")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_changes_file_that_fills_up_is_one_line_and_the_pass_is_kept(
    database_url: str,
) -> None:
    # A port nothing listens on: the feed fails, and its error is a line to append.
    added = run_cli("--db", database_url, "feeds", "add", "http://127.0.0.1:9/f.xml")
    assert added.returncode == 0, added.stderr
    result = run_cli(
        "--db", database_url, "watch", "--no-lists", "--no-screenings",
        "--changes", "/dev/full",
    )  # fmt: skip
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    (line,) = [line for line in result.stderr.splitlines() if "/dev/full" in line]
    assert "cannot write the changes file" in line and "watch run 1" in line
    assert "watch run 1: failed" in result.stdout
