"""The catalogue of pipelines: the presets (named lists of built-in steps), and
the pipeline a set of options (preset, add, skip, only, opencc, lexicon) asks for.

Importing this module is cheap: the built-in steps (:mod:`cleantext.steps`)
are named as the registry's provider and imported on the first lookup of a
step by name.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from .pipeline import Pipeline, provide_steps

__all__ = ["DEFAULT_PRESET", "PRESETS", "build_pipeline", "pipeline", "presets"]

provide_steps(f"{__package__}.steps")

DEFAULT_PRESET = "newspaper-zh"

#: Step names of each preset, in the order they run.
PRESETS: dict[str, tuple[str, ...]] = {
    "newspaper-zh": (
        "text-hygiene",
        "lookalike-glyphs",
        "latin-ligatures",
        "doubled-glyphs",
        "stray-marks",
        "running-headers",
        "column-wrap",
        "split-numbers",
        "layout-spaces",
        "headlines",
    ),
    "ocr-en": (
        "text-hygiene",
        "lookalike-glyphs",
        "latin-ligatures",
        "running-headers",
        "column-wrap",
        "layout-spaces",
    ),
}


def presets() -> dict[str, tuple[str, ...]]:
    """Preset name -> the step names it runs, in order."""
    return dict(PRESETS)


@lru_cache(maxsize=None)
def pipeline(preset: str = DEFAULT_PRESET) -> Pipeline:
    """The pipeline of a preset (built once per process)."""
    if preset not in PRESETS:
        raise ValueError(f"unknown preset {preset!r} (known presets: {', '.join(PRESETS)})")
    return Pipeline.from_names(PRESETS[preset])


def build_pipeline(
    preset: str = DEFAULT_PRESET,
    skip: Sequence[str] = (),
    only: Sequence[str] = (),
    add: Sequence[str] = (),
    opencc: str | None = None,
    lexicon: str | None = None,
) -> Pipeline:
    """The pipeline a set of options asks for: the steps of ``preset``, with
    ``add`` (opt-in steps) and ``opencc-OPENCC`` added where they belong,
    then only the steps ``only`` names, then without ``skip``; with
    ``lexicon`` (a lexicon file) read by the steps that read vocabulary.

    ValueError names what is wrong (an unknown step or preset; a lexicon
    file that cannot be used: its file and line); RuntimeError, a step whose
    optional dependency is missing.

    >>> build_pipeline(only=["layout-spaces", "column-wrap"]).names
    ['column-wrap', 'layout-spaces']
    """
    for name, value in (("skip", skip), ("only", only), ("add", add)):
        if isinstance(value, str):
            raise TypeError(f"{name} takes a list of step names, not a string ({name}=[{value!r}])")
    chosen = pipeline(preset).adding(*add, *([f"opencc-{opencc}"] if opencc else []))
    if only:
        chosen = chosen.only(*only)
    if skip:
        chosen = chosen.without(*skip)
    if lexicon:
        from .lexicon import load_lexicon

        chosen = chosen.with_lexicon(load_lexicon(lexicon))
    chosen("warm-up 热身\n")  # loads every step now: a missing extra fails here, not mid-run
    return chosen
