"""JSON Lines records written back: one field's string replaced, every other byte kept; a record as one line."""

from __future__ import annotations

import json
import re
from typing import Any, Callable

from . import jsonline

_SPACE = re.compile(r"[ \t\n\r]*")
_scanstring: Callable[[str, int], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]


def _skip(line: str, at: int) -> int:
    """Past the JSON whitespace at ``at``."""
    return _SPACE.match(line, at).end()  # type: ignore[union-attr]  # it matches the empty string


def replace_value(line: str, key: str, value: str) -> str:
    """``line``, a JSON object with a string at ``key`` (once), with that
    string replaced by ``value``; every other character as it was.

    >>> replace_value('{"n": 1E3, "text" :"a\\u0062",\t"x": [1.10]}', "text", "新")
    '{"n": 1E3, "text" :"新",\t"x": [1.10]}'
    """
    start, end = _value_span(line, key)
    return line[:start] + _json_string(value) + line[end:]


def _value_span(line: str, key: str) -> tuple[int, int]:
    """Where the string value of ``key`` is in ``line`` (quotes included): the
    members of the object are stepped over by the JSON scanner, not parsed by hand."""
    at = _skip(line, 0)
    if line[at : at + 1] != "{":
        raise ValueError("not a JSON object")
    at += 1
    while True:
        at = _skip(line, at)
        if line[at : at + 1] != '"':
            break
        name, at = _scanstring(line, at + 1)
        at = _skip(line, at)
        if line[at : at + 1] != ":":
            break
        at = _skip(line, at + 1)
        if name == key:
            if line[at : at + 1] != '"':
                break
            return at, _scanstring(line, at + 1)[1]
        at = jsonline.value_end(line, at)  # without recursion if it must
        at = _skip(line, at)
        if line[at : at + 1] != ",":
            break
        at += 1
    raise ValueError(f"no string at {key!r}")


def _json_string(value: str) -> str:
    """``value`` as a JSON string, non-ASCII as is; a lone surrogate (from a \\ud800 escape) stays escaped."""
    out = json.dumps(value, ensure_ascii=False)
    try:
        out.encode("utf-8")
    except UnicodeEncodeError:
        out = json.dumps(value)
    return out


def json_line(record: dict[str, Any]) -> str:
    """One JSON line, non-ASCII as is; a lone surrogate (from a \\ud800 escape) stays escaped."""
    line = json.dumps(record, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(record)
    return line + "\n"
