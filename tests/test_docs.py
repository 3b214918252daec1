"""The documentation says what the code does: README.md's table of steps is
the one the step registry renders, and the examples of documentation that
--doctest-modules cannot find (a step family's steps, made on first use) run."""

import doctest
import importlib.util

import pytest

from cleantext import get_step, step_names
from cleantext.pipeline import step_families

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
    for family in step_families():
        assert f"| `{family}-" in rendered, family


@pytest.mark.parametrize("name", ["opencc-t2s", "opencc-s2t"])
def test_docstring_examples_of_family_steps(name):
    step = get_step(name)
    test = doctest.DocTestParser().get_doctest(step.__doc__, {"get_step": get_step}, name, None, 0)
    runner = doctest.DocTestRunner()
    runner.run(test)
    assert runner.failures == 0 and runner.tries > 0
