"""Collection settings for the whole repository (the tests' fixtures are in tests/conftest.py)."""

import importlib.util

# The Ray engine imports Ray as it is imported: without the extra, its
# docstrings cannot be collected (and tests/test_ray.py skips itself).
# The pattern also matches a module of the engine nested deeper (fnmatch's
# * matches /).
collect_ignore_glob = [] if importlib.util.find_spec("ray") else ["src/cleantext/*ray*.py"]
