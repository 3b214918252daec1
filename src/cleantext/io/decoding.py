"""Bytes to text: an input decoded block by block, a byte order mark honoured."""

from __future__ import annotations

import codecs
import re
import sys
import tempfile
from typing import BinaryIO, Iterator

from .errors import InputError
from .sources import Source

#: Bytes read (and decoded) at a time.
BLOCK_BYTES = 1 << 20
#: Characters of whole JSON lines sent to a worker at a time.
#: An input that cannot be read twice is kept in memory up to this size, then in a temporary file.
SPOOL_IN_MEMORY = 1 << 21


#: Byte order marks and their codecs. UTF-32's come first: the UTF-32-LE BOM
#: begins with the UTF-16-LE one.
BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def bom_codec(data: bytes, codec: str) -> tuple[str, int]:
    """The codec of text starting with ``data``: its BOM's (and the BOM's
    length), else ``codec`` (and 0)."""
    return next(((c, len(b)) for b, c in BOMS if data.startswith(b)), (codec, 0))


def is_wide(codec: str) -> bool:
    """Whether ``codec`` is UTF-16 or UTF-32: a NUL byte is no sign of a binary
    file, and a byte 0x0A need not be a line break."""
    return codecs.lookup(codec).name.startswith(("utf-16", "utf-32"))


_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")


class Reader:
    """The text of one input, decoded block by block.

    ``bytes_read`` counts the bytes read so far; ``nul_at`` is the offset of
    the first NUL byte, if any (a binary file, or UTF-16 without a BOM).

    With ``span`` (begin, end), only those bytes of a regular file are read
    (the Ray engine's ranges of whole lines): offsets in messages are still
    the file's, and a BOM is looked for only at byte 0.
    """

    def __init__(
        self, source: Source, encoding: str = "utf-8", errors: str = "strict", span: tuple[int, int] | None = None
    ) -> None:
        self.source = source
        self.encoding = encoding
        self.errors = errors
        self.span = span
        self._start = span[0] if span else 0  # the file's offset of the first byte read
        self._left: int | None = None  # with a span: bytes of it not read yet
        self.bytes_read = 0
        self.nul_at: int | None = None
        #: The input as read so far, when it is to be read again and cannot be
        #: reopened (stdin, a pipe, a FIFO, a device): it is read only once.
        self._spool: BinaryIO | None = None
        self._spooled = False  # the spool holds the whole input: read it, not the input
        self._codec = encoding  # the codec decoding (a BOM's, else ``encoding``)
        self._high = ""  # a high surrogate that ended the last block decoded

    def wide(self) -> bool:
        """Whether the input is UTF-16 or UTF-32, where NUL bytes are no sign of a binary file."""
        return is_wide(self._codec)

    def read_again(self) -> None:
        """Let :meth:`pieces` be called once more (an input that cannot be
        reopened is kept in a temporary file meanwhile)."""
        if self._spool is None and not self.source.reopenable():
            self._spool = tempfile.SpooledTemporaryFile(SPOOL_IN_MEMORY)  # type: ignore[assignment]
        self.bytes_read, self.nul_at = 0, None

    def pieces(self) -> Iterator[str]:
        """The decoded text, a block at a time; InputError names the first bad byte."""
        stream = self._open()
        try:
            data = self._read(stream)
            codec, bom = bom_codec(data, self.encoding) if self._start == 0 else (self.encoding, 0)
            self._codec, self._high = codecs.lookup(codec).name, ""
            decoder = codecs.getincrementaldecoder(codec)(self.errors)
            offset, block = self._start + bom, data[bom:]  # offset: the file's bytes before ``block``
            while data:
                yield self._decode(decoder, block, offset, final=False)
                offset += len(block)
                data = block = self._read(stream)
            yield self._decode(decoder, b"", offset, final=True)
        finally:
            if self.source.path is not None and stream is not self._spool:
                stream.close()

    def _open(self) -> BinaryIO:
        if self._spooled:
            assert self._spool is not None
            self._spool.seek(0)
            return self._spool
        if self.source.path is None:
            if sys.stdin is None:
                raise InputError("<stdin>: is closed")
            return sys.stdin.buffer
        try:
            stream = open(self.source.path, "rb")
        except FileNotFoundError:
            raise InputError(f"{self.source.name}: no such file") from None
        except OSError as exc:
            raise InputError(f"{self.source.name}: cannot read ({exc.strerror})") from None
        if self.span is not None:  # a regular file: it seeks
            stream.seek(self.span[0])
            self._left = self.span[1] - self.span[0]
        return stream

    def _read(self, stream: BinaryIO) -> bytes:
        try:
            data = stream.read(BLOCK_BYTES if self._left is None else min(BLOCK_BYTES, self._left))
        except OSError as exc:
            raise InputError(f"{self.source.name}: cannot read ({exc.strerror})") from None
        if self._spool is not None and stream is not self._spool:
            self._spool.write(data)
            self._spooled = not data  # the end: from now on the input is read from the spool
        if self._left is not None:
            self._left -= len(data)
        nul = data.find(b"\0")
        if nul != -1 and self.nul_at is None:
            self.nul_at = self._start + self.bytes_read + nul
        self.bytes_read += len(data)
        return data

    def _decode(self, decoder: codecs.IncrementalDecoder, block: bytes, offset: int, final: bool) -> str:
        pending = len(decoder.getstate()[0])  # bytes of a character begun in the last block
        try:
            text = decoder.decode(block, final)
        except ValueError as exc:  # UnicodeDecodeError; some codecs (punycode) raise a bare UnicodeError
            if isinstance(exc, UnicodeDecodeError):
                where = f" at byte {offset - pending + exc.start}"
            else:
                where = f" ({exc})" if str(exc) else ""
            raise self._invalid(where) from None
        if self._codec != "utf-8":  # escapes (unicode_escape, utf-7...) can give surrogates, never UTF-8
            text = self._surrogates(text, final)
        return text

    def _invalid(self, where: str) -> InputError:
        label = codecs.lookup(self._codec).name.upper()
        hint = " (a binary file?)" if self.nul_at is not None else " (another encoding? see --encoding)"
        return InputError(f"{self.source.name}: not valid {label}{where}{hint}")

    def _surrogates(self, text: str, final: bool) -> str:
        """``text`` with its surrogate pairs (``\\ud83d\\ude00`` escaped) as the characters
        they stand for; a lone surrogate, which no output can hold, is an error (or
        U+FFFD with --errors replace). A high surrogate ending a block waits for the next."""
        text, self._high = self._high + text, ""
        if not _SURROGATE.search(text):
            return text
        if not final and "\ud800" <= text[-1] <= "\udbff":
            text, self._high = text[:-1], text[-1]
        text = _SURROGATE_PAIR.sub(lambda m: m.group().encode("utf-16-le", "surrogatepass").decode("utf-16-le"), text)
        lone = _SURROGATE.search(text)
        if lone is None:
            return text
        if self.errors == "replace":
            return _SURROGATE.sub("\ufffd", text)
        raise self._invalid(f" (it decodes to a lone surrogate, U+{ord(lone.group()):04X})")
