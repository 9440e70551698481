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
