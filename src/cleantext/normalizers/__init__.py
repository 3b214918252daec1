"""The built-in normalizers, one artifact each, and the presets composing them."""

from __future__ import annotations

from .hygiene import fix_hygiene
from .doubled import collapse_doubled_glyphs
from .columns import unwrap_columns
from .numbers import join_split_numbers
from .spaces import remove_layout_spaces
from .headlines import repair_headlines

__all__ = [
    "fix_hygiene",
    "collapse_doubled_glyphs",
    "unwrap_columns",
    "join_split_numbers",
    "remove_layout_spaces",
    "repair_headlines",
    "PRESETS",
]

#: Step names of each preset, in the order they run. Fake bold is undone
#: before lines are measured; spaces are decided once lines are blocks.
PRESETS: dict[str, tuple[str, ...]] = {
    "newspaper-zh": (
        "text-hygiene",
        "doubled-glyphs",
        "column-wrap",
        "split-numbers",
        "layout-spaces",
        "headlines",
    ),
}
