"""Issue 14, item 1: another distribution named cleantext (clean-text, PyPI's
cleantext) overwriting or mixed with this package is named in one line with the
fix; the command exits 2 without a traceback.

Each case is a copy of the package in a temporary directory put first on the
path, changed as pip leaves it, run in a child process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import cleantext
from cleantext import _install

PACKAGE = Path(cleantext.__file__).parent
#: clean-text 0.7.1's cleantext/__init__.py, and a stand-in for its clean.py.
CLEAN_TEXT_INIT = '__version__ = "0.7.1"\n\nfrom .clean import *\n'
CLEAN_TEXT_CLEAN = "def clean(text, **options):\n    return text[:4]\n"
FIX = "fix: pip uninstall clean-text cleantext; pip install --force-reinstall cleantext-cjk"


def site(tmp_path: Path, *, record: bool = True) -> Path:
    """A directory holding a copy of this package (and, with ``record``, the
    metadata of clean-text 0.7.1 claiming the files it installs)."""
    root = tmp_path / "site"
    shutil.copytree(PACKAGE, root / "cleantext", ignore=shutil.ignore_patterns("__pycache__"))
    if record:
        info = root / "clean_text-0.7.1.dist-info"
        info.mkdir()
        (info / "METADATA").write_text("Metadata-Version: 2.1\nName: clean-text\nVersion: 0.7.1\n")
        (info / "RECORD").write_text("cleantext/__init__.py,,\ncleantext/clean.py,,\nclean_text-0.7.1.dist-info/RECORD,,\n")
    return root


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(root), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, *args], env=env, capture_output=True, text=True, timeout=120)


#: What the console script ``cleantext`` does.
COMMAND = ["-c", "import sys; from cleantext.cli import main; sys.exit(main())", "--version"]


def test_an_intact_copy_runs_and_imports_without_a_warning(tmp_path: Path) -> None:
    root = site(tmp_path, record=False)
    where = run(root, "-W", "error", "-c", "import cleantext; print(cleantext.__file__)")
    assert where.returncode == 0, where.stderr
    assert where.stdout.strip() == str(root / "cleantext" / "__init__.py")  # the copy, not the checkout
    assert where.stderr == ""
    result = run(root, *COMMAND)
    assert (result.returncode, result.stdout, result.stderr) == (0, f"cleantext {cleantext.__version__}\n", "")


def test_an_overwritten_init_is_named_with_the_fix_exit_2(tmp_path: Path) -> None:
    root = site(tmp_path)
    (root / "cleantext" / "__init__.py").write_text(CLEAN_TEXT_INIT)
    (root / "cleantext" / "clean.py").write_text(CLEAN_TEXT_CLEAN)
    for args in (COMMAND, ["-m", "cleantext", "page.txt"]):
        result = run(root, *args)
        assert result.returncode == 2, result.stderr
        assert result.stdout == ""
        assert "Traceback" not in result.stderr
        assert result.stderr.count("\n") == 1
        assert result.stderr.startswith("cleantext: error: the cleantext package is broken: its __init__.py is not "
                                        "cleantext-cjk's (overwritten by clean-text); ")
        assert result.stderr.endswith(FIX + "\n")


def test_an_init_removed_by_uninstalling_the_other_distribution(tmp_path: Path) -> None:
    root = site(tmp_path, record=False)
    (root / "cleantext" / "__init__.py").unlink()  # pip uninstall clean-text removes the file it claims
    # -S: without site-packages, where this checkout's editable install would win over a namespace package
    result = run(root, "-S", *COMMAND)
    assert result.returncode == 2
    assert result.stderr == (
        "cleantext: error: the cleantext package is broken: its __init__.py is missing "
        f"(removed by uninstalling another distribution?); {FIX}\n"
    )


def test_modules_of_another_distribution_mixed_in(tmp_path: Path) -> None:
    root = site(tmp_path)
    (root / "cleantext" / "clean.py").write_text(CLEAN_TEXT_CLEAN)  # ours installed over clean-text
    (root / "cleantext" / "constants.py").write_text("")
    message = (
        "the cleantext package is mixed with the files of clean-text (clean.py, constants.py), "
        f"which share its name; {FIX}"
    )
    result = run(root, *COMMAND)
    assert result.returncode == 2
    assert result.stderr.endswith(f"cleantext: error: {message}\n")
    assert "Traceback" not in result.stderr
    # The library still works, and warns once, at the line importing it.
    imported = run(root, "-c", "import cleantext\nprint(cleantext.clean('6月 5日', final_newline=False))")
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout == "6月5日\n"
    assert f"<string>:1: InstallationWarning: {message}\n" in imported.stderr
    strict = run(root, "-W", "error::UserWarning", "-c", "import cleantext")
    assert strict.returncode == 1 and "InstallationWarning" in strict.stderr


def test_the_check_of_this_installation_finds_nothing() -> None:
    assert _install.problem() is None
    assert _install.problem(cleantext) is None
    assert cleantext.__cleantext_distribution__ == _install.DISTRIBUTION == "cleantext-cjk"


def test_the_check_of_modules(tmp_path: Path) -> None:
    import types

    init = tmp_path / "__init__.py"
    init.write_text("")
    ours = types.ModuleType("cleantext")
    ours.__file__ = str(init)
    setattr(ours, _install.MARKER, _install.DISTRIBUTION)
    assert _install.problem(ours) is None
    (tmp_path / "cleantext.py").write_text("")  # PyPI's cleantext 1.1
    (tmp_path / "exceptions.py").write_text("")
    (tmp_path / "mine.py").write_text("")
    assert _install.foreign_files(str(tmp_path)) == ["cleantext.py", "exceptions.py"]
    found = _install.problem(ours)
    assert found is not None and "(cleantext.py, exceptions.py)" in found and found.endswith(_install.FIX)
    theirs = types.ModuleType("cleantext")
    theirs.__file__ = str(init)
    assert "is not cleantext-cjk's" in (_install.problem(theirs) or "")
    namespace = types.ModuleType("cleantext")
    assert "is missing" in (_install.problem(namespace) or "")
    assert _install.foreign_files(str(tmp_path / "nowhere")) == []


@pytest.mark.parametrize("module", sorted(p.stem for p in PACKAGE.glob("*.py")))
def test_no_module_of_ours_looks_foreign(module: str) -> None:
    assert module not in _install.FOREIGN_MODULES
