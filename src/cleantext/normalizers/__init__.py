"""The built-in normalizers, one artifact each, and the presets composing them."""

from __future__ import annotations

from .hygiene import fix_hygiene
from .lookalike import fold_lookalike_glyphs
from .mojibake import MissingExtra, repair_mojibake
from .latin import expand_ligatures
from .width import fullwidth_to_ascii
from .doubled import collapse_doubled_glyphs
from .columns import unwrap_columns
from .numbers import join_split_numbers
from .punctuation import fullwidth_cjk_punctuation
from .spaces import remove_layout_spaces
from .headlines import repair_headlines
from .running import remove_running_headers
from .blocks import remove_repeated_blocks  # opt-in, in no preset
from . import script  # registers the opencc-CONFIG family

__all__ = [
    "fix_hygiene",
    "fold_lookalike_glyphs",
    "repair_mojibake",
    "expand_ligatures",
    "fullwidth_to_ascii",
    "collapse_doubled_glyphs",
    "unwrap_columns",
    "join_split_numbers",
    "fullwidth_cjk_punctuation",
    "remove_layout_spaces",
    "repair_headlines",
    "remove_running_headers",
    "remove_repeated_blocks",
    "MissingExtra",
    "PRESETS",
    "ORDER",
]

#: Where each step runs when it is added to a pipeline. Encoding is repaired
#: first (the control characters in mojibake are its bytes), then
#: characters (look-alike radicals become ideographs before fake bold is
#: compared, so both copies of a doubled span read the same); fake bold is
#: undone before lines are measured; punctuation is made full-width before
#: spaces around it are judged; spaces are decided once lines are blocks;
#: script conversion last.
ORDER: tuple[str, ...] = (
    "mojibake",
    "text-hygiene",
    "lookalike-glyphs",
    "latin-ligatures",
    "fullwidth-ascii",
    "doubled-glyphs",
    "running-headers",
    "column-wrap",
    "split-numbers",
    "cjk-punctuation",
    "layout-spaces",
    "headlines",
    "repeated-blocks",
    "opencc",
)

#: Step names of each preset, in the order they run.
PRESETS: dict[str, tuple[str, ...]] = {
    "newspaper-zh": (
        "text-hygiene",
        "lookalike-glyphs",
        "latin-ligatures",
        "doubled-glyphs",
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
