"""README.md's table of steps is the one the step registry renders."""

import importlib.util

from cleantext import step_names

from conftest import ROOT

REGENERATE = "regenerate it with: .venv/bin/python tools/readme_steps.py --write"


def _tool():
    spec = importlib.util.spec_from_file_location("readme_steps", ROOT / "tools" / "readme_steps.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_table_of_steps_is_the_registry():
    tool = _tool()
    table = tool.readme_table((ROOT / "README.md").read_text(encoding="utf-8"))
    assert table == tool.render(), f"README.md's table of steps differs from the step registry; {REGENERATE}"


def test_the_table_has_a_row_for_every_step():
    rendered = _tool().render()
    for name in step_names():
        assert f"| `{name}` |" in rendered, name
    assert "| `opencc-CONFIG` |" in rendered
