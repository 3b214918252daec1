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
