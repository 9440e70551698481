from pathlib import Path

import pytest

from laborwatch.errors import LaborwatchError
from laborwatch.settings import SETTINGS, Settings

DOCS = Path(__file__).resolve().parents[1] / "docs" / "configuration.md"


def test_settings_read_from_environment() -> None:
    settings = Settings.from_env(
        {
            "LABORWATCH_DB": "postgresql+psycopg://u@localhost/lw",
            "LABORWATCH_MAX_FILE_MB": "2",
            "LABORWATCH_NEAR_DUPLICATE": "0.9",
        }
    )
    assert settings.database_url == "postgresql+psycopg://u@localhost/lw"
    assert settings.max_file_bytes == 2 * 1024 * 1024
    assert settings.near_duplicate_threshold == 0.9


def test_plain_path_becomes_sqlite_url(tmp_path: Path) -> None:
    settings = Settings.from_env({"LABORWATCH_DB": str(tmp_path / "x.db")})
    assert settings.database_url == f"sqlite:///{tmp_path / 'x.db'}"


def test_default_database_is_sqlite_in_user_data_dir() -> None:
    assert Settings.from_env({}).database_url.startswith("sqlite:///")
    assert Settings.from_env({}).database_url.endswith("laborwatch.db")


@pytest.mark.parametrize(
    ("name", "value"),
    [("LABORWATCH_MAX_FILE_MB", "lots"), ("LABORWATCH_NEAR_DUPLICATE", "1.5")],
)
def test_bad_setting_names_the_variable(name: str, value: str) -> None:
    with pytest.raises(LaborwatchError, match=name):
        Settings.from_env({name: value})


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda setting: setting.env)
def test_every_setting_is_documented(setting: object) -> None:
    assert f"`{setting.env}`" in DOCS.read_text()  # type: ignore[attr-defined]


def test_feed_settings_read_from_environment() -> None:
    settings = Settings.from_env(
        {
            "LABORWATCH_FEED_TIMEOUT": "5",
            "LABORWATCH_FEED_MAX_MB": "0.5",
            "LABORWATCH_FEED_CONTACT": " https://example.org/ops ",
        }
    )
    assert settings.feed_timeout == 5
    assert settings.feed_max_bytes == 512 * 1024
    assert settings.feed_contact == "https://example.org/ops"


def test_feed_contact_with_a_line_break_is_refused() -> None:
    # It goes into a request header: a line break would add a header of its own.
    with pytest.raises(LaborwatchError, match="LABORWATCH_FEED_CONTACT"):
        Settings.from_env({"LABORWATCH_FEED_CONTACT": "me\r\nX-Evil: 1"})
