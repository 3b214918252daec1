"""Split numbers: a column wrap that cut a number from its unit."""

from __future__ import annotations

import re
from typing import Iterator

import regex

from ..chars import NUMBER_UNIT, SPACE
from ..pipeline import Edit, normalizer
from .boundaries import starts_independently

#: A digit ending a line, the line break (with any blank lines and layout
#: spaces around it), then a unit opening the next line.
SPLIT_NUMBER = regex.compile(
    rf"(?<=\d)[{SPACE}]*\n[\s]*(?={NUMBER_UNIT.pattern})", regex.V1
)
# Where SPLIT_NUMBER may match, found first by a cheap scan (stdlib re, one
# literal to look for): a line break, whitespace, a unit. re's \s holds every
# character regex's does, so each match of SPLIT_NUMBER has its line break
# at the start of one of these; the layout spaces before it are read back.
_BREAK_BEFORE_UNIT = re.compile(rf"\n\s*(?={NUMBER_UNIT.pattern})")
_SPACES_BACK = regex.compile(f"(?r)[{SPACE}]*")


@normalizer(
    "split-numbers", after="column-wrap", touches=(), idempotent=True, cut_before=starts_independently
)
def join_split_numbers(text: str) -> Iterator[Edit]:
    """Join a number to the unit a line break cut it from.

    >>> join_split_numbers("本报玉门讯6\\n月22日，各类政策补助 3\\n\\n万余元")
    '本报玉门讯6月22日，各类政策补助 3万余元'
    """
    for candidate in _BREAK_BEFORE_UNIT.finditer(text):
        start = _SPACES_BACK.match(text, 0, candidate.start()).start()
        m = SPLIT_NUMBER.match(text, start)
        if m is not None:
            yield Edit(m.start(), m.end(), "")
