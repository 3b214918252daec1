"""The version of the distribution, cleantext-cjk (read by the build too)."""

__version__ = "0.1.0"
