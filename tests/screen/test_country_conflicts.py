"""Look-alikes in another country: South Korean, Chinese and Japanese companies whose
names resemble North Korean listed entities are not alarms on the name alone."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_cli, screen_one

# North Korean entries as OFAC writes them (names from the SDN list; numbers made up
# for the test), each with an address in North Korea.
SDN = [
    ("5001", "KOREA KWANGSON BANKING CORP.", "SWIFT/BIC KKBCKPPY."),
    ("5002", "KOREA DAESONG BANK", "a.k.a. 'DAESONG BANK'."),
    ("5003", "KOREA RYONBONG GENERAL CORPORATION", "-0- "),
    ("5004", "KOREA MINING DEVELOPMENT TRADING CORPORATION", "-0- "),
    ("5005", "KOREA HEUNGJIN TRADING COMPANY", "-0- "),
    ("5006", "GREEN PINE ASSOCIATED CORPORATION", "-0- "),
    ("5007", "KOREA KUMGANG GROUP", "-0- "),
    ("5008", "TANCHON COMMERCIAL BANK", "-0- "),
    ("5009", "KOREA RYONGWANG TRADING CORPORATION", "-0- "),
    ("5010", "CHOSUN EXPO", "-0- "),
]

SUPPLIERS = [
    ("Korea Kwangson Trading Co., Ltd", "KR", "Seoul", ""),
    ("Daesung Industrial Co", "KR", "Seoul", ""),
    ("Korea Daesong Bank Co", "KR", "Busan", ""),
    ("Korea Ryonbong Inc", "JP", "Osaka", ""),
    ("Chosun Mining Co", "CN", "Shenyang", ""),
    ("Korea Mining Development Trading Co", "KR", "Incheon", ""),
    ("Korea Heungjin Trading Company", "CN", "Dandong", ""),
    ("Green Pine Associated Corp", "JP", "Tokyo", ""),
    ("Korea Kumgang Group", "KR", "Seoul", ""),
    ("Tanchon Commercial Bank", "KR", "Ulsan", ""),
    ("Korea Ryongwang Trading Corp", "South Korea", "Seoul", ""),
    # Controls: in North Korea, or sharing the listed entry's identifier.
    ("Korea Ryonbong General Corporation", "KP", "Pyongyang", ""),
    ("Korea Kwangson Banking Corp", "KR", "Seoul", "KKBCKPPY"),
]


def write_list(folder: Path) -> None:
    folder.mkdir()
    (folder / "sdn.csv").write_text(
        "".join(
            f'{number},"{name}",-0- ,"DPRK",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
            f'"{remarks}"\n'
            for number, name, remarks in SDN
        )
    )
    (folder / "add.csv").write_text(
        "".join(
            f'{number},{index},-0- ,"Pyongyang","Korea, North",-0- \n'
            for index, (number, _, _) in enumerate(SDN, start=100)
        )
    )


def test_look_alikes_in_other_countries_are_at_most_low(
    database_url: str, tmp_path: Path
) -> None:
    write_list(tmp_path / "ofac")
    suppliers = tmp_path / "suppliers.csv"
    suppliers.write_text(
        "name,country,address,identifier\n"
        + "".join(",".join(f'"{cell}"' for cell in row) + "\n" for row in SUPPLIERS)
    )
    loaded = run_cli("--db", database_url, "lists", "load", str(tmp_path / "ofac"))
    assert loaded.returncode == 0, loaded.stderr
    result = run_cli("--db", database_url, "screen", str(suppliers), "--json")
    assert result.returncode == 0, result.stderr
    rows = {row["name"]: row for row in json.loads(result.stdout)["rows"]}
    look_alikes = [rows[name] for name, *_ in SUPPLIERS[:-2]]
    # The matcher scores a South Korean name like a North Korean entry's below the
    # threshold; a hit that still shows counts low and says why.
    for row in look_alikes:
        assert row["level"] in ("low", "none"), (row["name"], row["reasons"])
        assert "caatsa_321b" not in row["rules"], row["name"]
    flagged = [row for row in look_alikes if row["sanctions_hits"]]
    assert all(
        any("country conflict" in reason for reason in row["reasons"])
        for row in flagged
    )
    in_north_korea = rows["Korea Ryonbong General Corporation"]
    assert in_north_korea["level"] == "high"
    same_identifier = rows["Korea Kwangson Banking Corp"]
    assert same_identifier["level"] == "high"


def test_south_korean_look_alike_of_an_eu_entry_without_country_is_low(
    database_url: str, tmp_path: Path
) -> None:
    # The EU's North Korea regime is "PRK"; many of its entries give no country.
    eu = tmp_path / "eu.xml"
    eu.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<export xmlns="http://eu.europa.ec/fpi/fsd/export" '
        'generationDate="2026-10-01T10:00:00.000+02:00" globalFileId="1">\n'
        '<sanctionEntity logicalId="1" euReferenceNumber="EU.1.1">\n'
        '<regulation programme="PRK"/><subjectType code="enterprise"/>\n'
        '<nameAlias wholeName="Korea Daesong Bank" strong="true" logicalId="2"/>\n'
        "</sanctionEntity>\n</export>\n",
        encoding="utf-8",
    )
    suppliers = tmp_path / "suppliers.csv"
    suppliers.write_text("name,country\nKorea Daesong Bank Co,KR\n")
    row = screen_one(database_url, eu, suppliers)
    assert row["level"] in ("low", "none"), row["reasons"]
    assert "caatsa_321b" not in row["rules"]
