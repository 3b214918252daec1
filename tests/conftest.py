from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
EXPECTED = ROOT / "tests" / "data" / "expected"


@pytest.fixture(params=SEEDS, ids=lambda p: p.stem)
def seed(request):
    """(raw text, checked expected output) of each seed page."""
    path = request.param
    return path.read_text(encoding="utf-8"), (EXPECTED / path.name).read_text(encoding="utf-8")


# Property tests run a fixed set of examples by default, so a run on CI is
# repeatable; HYPOTHESIS_PROFILE=explore draws new random examples instead.
import os  # noqa: E402

from hypothesis import settings  # noqa: E402

settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))


@pytest.fixture(autouse=True)
def _builtin_steps_only():
    """Steps registered outside cleantext (the plugin example of README.md, run
    in the same process) are unregistered while a test runs, whatever the order."""
    import importlib

    registry = importlib.import_module("cleantext.pipeline")  # the module (cleantext.pipeline is also a function)
    plugins = {
        name: step
        for name, step in registry._REGISTRY.items()
        if not getattr(step, "__wrapped__", step.find).__module__.startswith("cleantext.")
    }
    for name in plugins:
        del registry._REGISTRY[name]
    yield
    registry._REGISTRY.update(plugins)
