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
