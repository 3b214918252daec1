"""The errors of input and output: one type per kind, each message one line for the user."""

from __future__ import annotations

class InputError(Exception):
    """Input the command cannot use; the message is one line for the user."""


class OutputError(Exception):
    """An output that cannot be written; the message is one line for the user."""


class RecordError(ValueError):
    """A record could not be cleaned; the message names it (by id, or by row)."""


class CleaningError(Exception):
    """A step failed, or a worker died: a bug or a lack of memory, not bad input."""


def printable(message: str) -> str:
    """``message`` safe to print as one line on a terminal: line breaks, escape
    and other control characters, and invisible format characters (from a
    file name, say) are escaped as ``repr`` would."""
    if message.isprintable():
        return message
    import unicodedata

    return "".join(
        repr(c)[1:-1] if unicodedata.category(c)[0] == "C" or c in "\u2028\u2029" else c for c in message
    )
