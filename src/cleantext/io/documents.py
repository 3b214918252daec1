"""Documents to deduplicate: a JSON Lines record each, or a whole text file each.

A document is read whole, up to a size (:data:`MAX_DOC_BYTES`): its id, its
text and, for a record, its line as read (what is written if it is kept).
"""

from __future__ import annotations

import json
import sys
from typing import IO, Any, Iterator, Sequence

from . import jsonline
from .errors import InputError

#: The longest document read (a text file, or a JSON line), in bytes: a longer one
#: is refused (exit 2) before it is held whole. Deduplicating a document holds a
#: few copies of it at once, and confirming a near-copy of it takes time that grows
#: with the square of its length.
MAX_DOC_BYTES = 32 << 20


def shown_size(size: int) -> str:
    for unit, name in ((1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")):
        if size % unit == 0:
            return f"{size // unit} {name}"
    return f"{size:,} bytes"


#: Without --jsonl or --no-jsonl, inputs named so are read as JSON Lines.
JSONL_SUFFIXES = (".jsonl", ".json")



def _open(name: str) -> IO[bytes]:
    if name == "-":
        if sys.stdin is None:
            raise InputError("<stdin>: is closed")
        return sys.stdin.buffer
    try:
        return open(name, "rb")
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory") from None
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror})") from None


def _decode(data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: not valid UTF-8 at byte {exc.start}") from None


def _label(name: str) -> str:
    return "<stdin>" if name == "-" else name


def jsonl_inputs(inputs: Sequence[str], jsonl: bool | None) -> bool:
    """Whether ``inputs`` are read as JSON Lines: as ``jsonl`` says, else
    whether they are named ``*.jsonl`` or ``*.json`` (stdin: text). Inputs of
    both kinds are an InputError.

    >>> jsonl_inputs(["a.jsonl", "b.JSON"], None), jsonl_inputs(["a.txt", "-"], None), jsonl_inputs(["-"], True)
    (True, False, True)
    """
    if jsonl is not None:
        return jsonl
    names = list(inputs) or ["-"]
    found = [n for n in names if n != "-" and n.lower().endswith(JSONL_SUFFIXES)]
    if not found:
        return False
    other = next((n for n in names if n not in found), None)
    if other is not None:
        raise InputError(f"{found[0]} is JSON Lines by its name but {_label(other)} is not: "
                         "say which with --jsonl or --no-jsonl")
    return True


def read_jsonl(
    name: str, field: str, id_field: str | None, qualify: bool, max_bytes: int = MAX_DOC_BYTES
) -> Iterator[tuple[Any, str, str]]:
    """(id, text, the record's line) of each record; blank lines are skipped;
    a line longer than ``max_bytes`` is an InputError."""
    stream = _open(name)
    first = True  # the first record: a JSON array or object over lines is no JSON Lines
    hint = " (one JSON object a line is needed: a JSON array, or an object over several lines, is not JSON Lines)"
    try:
        number = 0
        while raw := stream.readline(max_bytes + 1):
            number += 1
            where = f"{_label(name)}:{number}"
            if len(raw) > max_bytes and not raw.endswith(b"\n"):
                raise InputError(f"{where}: a record longer than {shown_size(max_bytes)} (see --max-doc-size)")
            line = _decode(raw, where).rstrip("\r\n")
            if not line.strip():
                continue
            try:
                record = jsonline.loads(line)  # nested 3,000 deep or a 5,000-digit integer is JSON too
            except json.JSONDecodeError as exc:
                more = hint if first and line.strip() in ("[", "{") else ""
                raise InputError(f"{where}: bad JSON ({exc.msg} at column {exc.colno}){more}") from None
            except jsonline.RepeatedKey as exc:
                raise InputError(f"{where}: bad JSON ({exc})") from None
            if not isinstance(record, dict):
                raise InputError(f"{where}: not a JSON object{hint if first and isinstance(record, list) else ''}")
            first = False
            text = record.get(field)
            if not isinstance(text, str):
                problem = "no field" if field not in record else "no string in field"
                raise InputError(f"{where}: {problem} {field!r}")
            if id_field is None:
                doc_id: Any = where if qualify else number
            elif id_field in record:
                doc_id = record[id_field]
                if not _reportable(doc_id):
                    why = doc_id.why if isinstance(doc_id, jsonline.Opaque) else "holds a value Python cannot write"
                    raise InputError(f"{where}: the id in {id_field!r} cannot be written to a report ({why})")
            else:
                raise InputError(f"{where}: no field {id_field!r}")
            yield doc_id, text, line + "\n"
    except OSError as exc:
        raise InputError(f"{_label(name)}: cannot read ({exc.strerror})") from None
    finally:
        if name != "-":
            stream.close()


def _reportable(doc_id: Any) -> bool:
    """Whether an id can be written back as JSON (not an integer too long, say)."""
    if isinstance(doc_id, (str, int, float, bool, type(None))):
        return True
    try:
        json.dumps(doc_id)
    except (TypeError, ValueError, RecursionError):
        return False
    return True


def read_text(name: str, max_bytes: int = MAX_DOC_BYTES) -> tuple[str, str]:
    """(id, text) of a text file: the whole file is one document, of at most ``max_bytes``."""
    stream = _open(name)
    try:
        data = stream.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputError(f"{_label(name)}: a document longer than {shown_size(max_bytes)} (see --max-doc-size)")
        return _label(name), _decode(data, _label(name))
    except OSError as exc:
        raise InputError(f"{_label(name)}: cannot read ({exc.strerror})") from None
    finally:
        if name != "-":
            stream.close()


