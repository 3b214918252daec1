"""One JSON Lines record, read as the json module reads it, whatever valid JSON it holds.

``json.loads`` gives up on two kinds of valid JSON: values nested more deeply
than Python's recursion limit (about 1,000 levels: ``RecursionError``) and
integers longer than Python converts (4,300 digits: ``ValueError``). A record
holding one is still a record: :func:`loads` parses its line all the same. A
value nested too deeply is checked without recursion and kept as its text (an
:class:`Opaque`), an integer too long too; the rest of the record is what
``json.loads`` gives. A line that is not JSON raises ``json.JSONDecodeError``
naming the place, deeply nested or not.

>>> record = loads('{"text": "a", "deep": ' + "[" * 5000 + "]" * 5000 + ', "n": 1' + "0" * 5000 + '}')
>>> record["text"], type(record["deep"]).__name__, record["n"].why
('a', 'Opaque', 'an integer of 5,001 digits')
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Callable

__all__ = ["Opaque", "RepeatedKey", "loads", "value_end"]

_SPACE = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_LITERALS = ("null", "true", "false", "NaN", "Infinity", "-Infinity")
_scanstring: Callable[[str, int], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]
_DECODER = json.JSONDecoder()


class RepeatedKey(ValueError):
    """A JSON object repeats a key: rewriting the record would lose a value."""


def object_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """The ``object_pairs_hook`` refusing a repeated key."""
    record = dict(pairs)
    if len(record) != len(pairs):
        keys = [k for k, _ in pairs]
        repeated = next(k for i, k in enumerate(keys) if k in keys[:i])
        raise RepeatedKey(f"the key {repeated!r} appears twice (rewriting the record would lose a value)")
    return record


@dataclass(frozen=True)
class Opaque:
    """A valid JSON value Python cannot hold as objects, kept as its text;
    two are equal when their texts are."""

    text: str
    why: str = field(compare=False)  #: "nested too deeply", "an integer of 5,000 digits"


def _integer(text: str) -> int | Opaque:
    try:
        return int(text)
    except ValueError:  # longer than sys.get_int_max_str_digits()
        return Opaque(text, f"an integer of {len(text.lstrip('-')):,} digits")


def _skip(line: str, at: int) -> int:
    return _SPACE.match(line, at).end()  # type: ignore[union-attr]  # it matches the empty string


def loads(line: str) -> Any:
    """The JSON value of ``line`` as ``json.loads(line)`` gives it, but a
    value nested too deeply or an integer too long is an :class:`Opaque`
    (for a record, a member of it is); RepeatedKey if an object repeats a key."""
    try:
        return json.loads(line, object_pairs_hook=object_pairs)
    except RecursionError:
        pass
    except ValueError as exc:
        if isinstance(exc, (json.JSONDecodeError, RepeatedKey)):
            raise
        try:  # an integer too long to convert
            return json.loads(line, object_pairs_hook=object_pairs, parse_int=_integer)
        except RecursionError:
            pass
    return _loads_deep(line)


def _loads_deep(line: str) -> Any:
    """``line``, holding a value nested too deeply for ``json.loads``: checked
    whole without recursion, then an object member by member."""
    start = _skip(line, 0)
    end = _end_of_value(line, start)
    if _skip(line, end) != len(line):
        raise json.JSONDecodeError("Extra data", line, _skip(line, end))
    if line[start] != "{":
        return _member(line[start:end])
    record: dict[str, Any] = {}
    at = _skip(line, start + 1)
    while line[at] != "}":
        key, at = _scanstring(line, at + 1)
        at = _skip(line, _skip(line, at) + 1)  # past the colon
        member_end = _end_of_value(line, at)
        record[key] = _member(line[at:member_end])
        at = _skip(line, member_end)
        if line[at] == ",":
            at = _skip(line, at + 1)
    return record


def _member(text: str) -> Any:
    try:
        return json.loads(text, object_pairs_hook=object_pairs, parse_int=_integer)
    except RecursionError:
        return Opaque(text, "nested too deeply")


def value_end(line: str, at: int) -> int:
    """Where the JSON value starting at ``at`` in ``line`` ends (JSONDecodeError if it is not one)."""
    try:
        return _DECODER.raw_decode(line, at)[1]  # type: ignore[no-any-return]
    except RecursionError:
        return _end_of_value(line, at)
    except ValueError as exc:
        if isinstance(exc, json.JSONDecodeError):
            raise
        return _end_of_value(line, at)  # an integer too long to convert


def _end_of_value(line: str, at: int) -> int:
    """Where the JSON value at ``at`` ends, checked as ``json.loads`` checks
    it (strings, numbers, repeated keys) with a stack instead of recursion."""
    open_: list[set[str] | None] = []  # the containers the value is in: an object's keys, or None (an array)
    while True:
        at = _skip(line, at)  # a value starts here
        char = line[at : at + 1]
        if char in ("{", "["):
            at = _skip(line, at + 1)
            if line[at : at + 1] == ("}" if char == "{" else "]"):
                at += 1
            else:
                open_.append(set() if char == "{" else None)
                if char == "{":
                    at = _key(line, at, open_[-1])  # type: ignore[arg-type]
                continue
        elif char == '"':
            at = _scanstring(line, at + 1)[1]
        elif match := _NUMBER.match(line, at):
            at = match.end()
        else:
            literal = next((word for word in _LITERALS if line.startswith(word, at)), None)
            if literal is None:
                raise json.JSONDecodeError("Expecting value", line, at)
            at += len(literal)
        while True:  # after a value: the next member, or the end of containers
            if not open_:
                return at
            at = _skip(line, at)
            keys = open_[-1]
            char = line[at : at + 1]
            if char == ",":
                at = _skip(line, at + 1)
                if keys is not None:
                    at = _key(line, at, keys)
                break
            if char == ("}" if keys is not None else "]"):
                open_.pop()
                at += 1
                continue
            raise json.JSONDecodeError("Expecting ',' delimiter", line, at)


def _key(line: str, at: int, keys: set[str]) -> int:
    """Past the key at ``at`` and its colon; RepeatedKey if the object has it already."""
    if line[at : at + 1] != '"':
        raise json.JSONDecodeError("Expecting property name enclosed in double quotes", line, at)
    key, at = _scanstring(line, at + 1)
    if key in keys:
        raise RepeatedKey(f"the key {key!r} appears twice (rewriting the record would lose a value)")
    keys.add(key)
    at = _skip(line, at)
    if line[at : at + 1] != ":":
        raise json.JSONDecodeError("Expecting ':' delimiter", line, at)
    return at + 1
