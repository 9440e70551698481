import os
from pathlib import Path

from laborwatch.ingest.problems import Problem
from laborwatch.ingest.sources import SourceFile, discover


def test_walks_folders_recursively_in_a_stable_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.html").write_text("<html></html>")
    (tmp_path / "a.txt").write_text("one")
    (tmp_path / "b" / "photo.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden.txt").write_text("secret")
    found = list(discover([str(tmp_path)]))
    assert all(isinstance(item, SourceFile) for item in found)
    assert [Path(item.location).name for item in found] == ["a.txt", "two.html"]  # type: ignore[union-attr]
    assert [item.format for item in found] == ["text", "html"]  # type: ignore[union-attr]


def test_symlink_loop_is_reported_and_not_followed(tmp_path: Path) -> None:
    (tmp_path / "inner").mkdir()
    (tmp_path / "inner" / "report.txt").write_text("text")
    os.symlink(tmp_path, tmp_path / "inner" / "loop")
    found = list(discover([str(tmp_path)]))
    files = [item for item in found if isinstance(item, SourceFile)]
    problems = [item for item in found if isinstance(item, Problem)]
    assert [Path(item.location).name for item in files] == ["report.txt"]
    assert len(problems) == 1
    assert problems[0].location.endswith("loop")
    assert "symbolic link loop" in problems[0].reason


def test_missing_and_broken_paths_fail_with_reasons(tmp_path: Path) -> None:
    os.symlink(tmp_path / "gone.txt", tmp_path / "dangling.txt")
    found = list(discover([str(tmp_path / "nope.txt"), str(tmp_path / "dangling.txt")]))
    assert [(p.kind, p.reason) for p in found] == [  # type: ignore[union-attr]
        ("failed", "no such file or folder"),
        ("failed", "broken symbolic link"),
    ]


def test_explicit_file_with_unknown_extension_is_sniffed_later(tmp_path: Path) -> None:
    (tmp_path / "report.dat").write_text("text")
    (item,) = discover([str(tmp_path / "report.dat")])
    assert isinstance(item, SourceFile)
    assert item.format is None


def test_dash_means_standard_input() -> None:
    (item,) = discover(["-"])
    assert isinstance(item, SourceFile)
    assert item.path is None
    assert item.location == "<stdin>"
