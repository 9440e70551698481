"""The map counts where the work is, not where its goods go."""

from pathlib import Path

from laborwatch.pipeline import ingest_paths
from laborwatch.settings import Settings
from laborwatch.store import Database
from laborwatch.store.read_models import map_counts


def test_a_destination_is_not_on_the_map(
    database: Database, database_url: str, tmp_path: Path
) -> None:
    report = tmp_path / "cocoa.txt"
    report.write_text(
        "Children as young as ten were forced to harvest cocoa on farms in Ghana. "
        "The cocoa was exported to the Netherlands.\n"
    )
    ingest_paths([str(report)], database, Settings(database_url=database_url))
    countries = map_counts(database)["countries"]
    assert "GH" in countries
    assert "NL" not in countries
