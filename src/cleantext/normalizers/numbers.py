"""Split numbers: a column wrap that cut a number from its unit."""

from __future__ import annotations

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


@normalizer(
    "split-numbers", after="column-wrap", touches=(), idempotent=True, cut_before=starts_independently
)
def join_split_numbers(text: str) -> Iterator[Edit]:
    """Join a number to the unit a line break cut it from.

    >>> join_split_numbers("本报玉门讯6\\n月22日，各类政策补助 3\\n\\n万余元")
    '本报玉门讯6月22日，各类政策补助 3万余元'
    """
    for m in SPLIT_NUMBER.finditer(text):
        yield Edit(m.start(), m.end(), "")
