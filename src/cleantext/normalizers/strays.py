"""Stray marks: punctuation that a column's crop took from the column beside it.

An extractor that reads a multi-column page one column at a time (pdfplumber
cropped to each column) also reads the "，", "。" and "、" that the column on
its left hangs past its edge. Each comes out as a line of one mark between
this column's lines, wherever its height falls ("…广东省六" / "，" /
"十万绝对贫困人口已基本解决温饱。" / "，"). An extractor may also print a
line's own hanging mark apart ("…发展" / "。"), which column-wrap joins back;
the two are told apart by the text around them:

* a lone mark after a line that already ends in one ("…温饱。" / "，"), or
  ends a sentence with a closing quote or a credit after it ("…核算。（周浩摄）" /
  "，"), is no line's own: no typesetter sets a mark so, and fake bold's
  second copy of the same mark is gone before this step (doubled-glyphs);
* where a stretch of text holds such an impossible one, its lone marks are
  strays, every one; elsewhere a lone mark is its line's own and stays.

Where the mark's height falls within one of this column's lines, it comes
out first on that line, apart from the line's text by the gap between the
columns ("， 排个别场次…"): a stray wherever it stands, since no line starts
with a mark (kinsoku) and no mark is set apart from the text after it; its
stretch's lone marks are strays too.

A stretch is the text between two places where the text may be cut for
streaming (before a new dated article, as for column-wrap: see
:func:`.boundaries.after_sentences`), so a text
cleaned in pieces comes out as it does whole.
"""

from __future__ import annotations

from typing import Iterator

from ..chars import HANGING_MARKS, ends_sentence, line_matches, line_pattern
from ..pipeline import Edit, normalizer
from .boundaries import after_sentences

#: The marks a column hangs past its edge (SPEC 3), alone on a line.
_LONE_MARK = line_pattern(rf"[^\S\n]*[{HANGING_MARKS}][^\S\n]*$")
#: ... or first on a line, a gap between it and the line's text.
_MARK_BEFORE_GAP = line_pattern(rf"[^\S\n]*([{HANGING_MARKS}][^\S\n]+)(?=\S)")
#: What a line ends in that leaves no room for a mark of its own after it.
_ENDS_IN_MARK = frozenset("，。、；：！？")


def _strays(lines: list[str]) -> list[int]:
    """The lone-mark lines of ``lines`` (stripped, blank ones too) that are strays."""
    strays: list[int] = []
    stretch: list[int] = []  # lone marks of the stretch being read
    impossible = False
    previous, gap = "", 0  # the last non-blank line that is not a lone mark, and blank lines since
    for k, line in enumerate(lines):
        if not line:
            gap += 1
            continue
        if len(line) == 1 and line in HANGING_MARKS:
            stretch.append(k)
            impossible = impossible or previous[-1:] in _ENDS_IN_MARK or ends_sentence(previous)
            continue
        # (a stretch's end matters only when it holds a lone mark or an impossible one)
        if previous and (stretch or impossible) and after_sentences(previous, line, gap):
            strays += stretch if impossible else []
            stretch, impossible = [], False
        impossible = impossible or line[0] in HANGING_MARKS and line[1:2].isspace()  # (see _MARK_BEFORE_GAP)
        previous, gap = line, 0
    return strays + (stretch if impossible else [])


@normalizer("stray-marks", after="doubled-glyphs", touches={"cjk"}, idempotent=True, cut_before=after_sentences)
def drop_stray_marks(text: str) -> Iterator[Edit]:
    """Drop the lines of one mark that a column's crop took from the column beside it.

    >>> drop_stray_marks("进入一九九八年，广东省六\\n，\\n十万绝对贫困人口已基本解决温饱。\\n，\\n至此，广东省提前完成任务。\\n")
    '进入一九九八年，广东省六\\n十万绝对贫困人口已基本解决温饱。\\n至此，广东省提前完成任务。\\n'

    ... and one that came out first on a line, before the gap between the columns:

    >>> drop_stray_marks("组委会还将安\\n， 排个别场次在全国进行巡回比赛。\\n")
    '组委会还将安\\n排个别场次在全国进行巡回比赛。\\n'

    A line's own mark printed apart stays (column-wrap joins it):

    >>> drop_stray_marks("近年来，经济社会持续健康发展\\n。\\n")
    '近年来，经济社会持续健康发展\\n。\\n'
    """
    edits = [
        Edit(m.start(1), m.end(1), "", f'stray mark from the column beside: "{m.group(1)[0]}"')
        for m in line_matches(_MARK_BEFORE_GAP, text)
    ]
    if next(line_matches(_LONE_MARK, text), None) is not None:
        raw = text.split("\n")
        strays = set(_strays([line.strip() for line in raw]))
        pos = 0
        for k, line in enumerate(raw):
            if k in strays:  # (the line and its line break; the last line has none)
                note = f'stray mark from the column beside: "{line.strip()}"'
                edits.append(Edit(pos, min(pos + len(line) + 1, len(text)), "", note))
            pos += len(line) + 1
    yield from sorted(edits)
