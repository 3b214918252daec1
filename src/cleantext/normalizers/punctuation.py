"""ASCII punctuation typed into CJK text, made full-width."""

from __future__ import annotations

import regex

from ..chars import ASCII_MARKS_IN_CJK, CJK_BEFORE_MARK, FULLWIDTH_PUNCT, SPACE
from ..pipeline import rewriter
from .boundaries import starts_independently

_W = r"\p{Han}\p{Hiragana}\p{Katakana}"  # wide letters
_WIDE_OR_CLOSE = CJK_BEFORE_MARK

# Pairs first: a parenthesis or quote pair holding CJK text (or a
# parenthesis opened right after it) becomes full-width as a pair.
_PAIRS = regex.compile(
    rf"(?P<paren>\((?=[^()\n]{{0,80}}\))(?:(?=[^()\n]*[{_W}])|(?<=[{_W}]\())[^()\n]*\))"
    # (never an apostrophe or inch mark: a quote has no letter or digit outside it)
    rf"|(?P<quote>(?<![A-Za-z0-9])(?:\"(?=[^\"\n]*[{_W}])[^\"\n]{{1,200}}\"|'(?=[^'\n]*[{_W}])[^'\n]{{1,200}}')(?![A-Za-z0-9]))"
)
# Then marks, judged after the pairs so "(扩大)," is seen as "（扩大）,".
_MARKS = regex.compile(
    # , : ; ? ! after CJK text (layout spaces between allowed; layout-spaces removes them)
    rf"(?P<mark>{ASCII_MARKS_IN_CJK})"
    # an ellipsis typed as dots or middle dots next to CJK, or as 。。。
    rf"|(?P<ellipsis>(?<=[{_WIDE_OR_CLOSE}][{SPACE}]*)(?:\.{{3,}}|·{{3,}}|・{{3,}})|(?:\.{{3,}}|·{{3,}}|・{{3,}})(?=[{SPACE}]*[{_W}])|。{{3,}})"
    # a dash typed as two or more hyphens next to CJK
    rf"|(?P<dash>(?<=[{_W}][{SPACE}]*)-{{2,}}|-{{2,}}(?=[{SPACE}]*[{_W}]))"
)


def _fullwidth(m: regex.Match[str]) -> str:
    kind, text = m.lastgroup, m.group()
    if kind == "paren":
        return "（" + text[1:-1] + "）"
    if kind == "quote":
        return ("“" + text[1:-1] + "”") if text[0] == '"' else ("‘" + text[1:-1] + "’")
    if kind == "mark":
        return text.translate(FULLWIDTH_PUNCT)
    return "……" if kind == "ellipsis" else "——"


@rewriter(
    "cjk-punctuation", after="split-numbers", touches={"cjk"}, idempotent=True, cut_before=starts_independently
)
def fullwidth_cjk_punctuation(text: str) -> str:
    """Make ASCII punctuation in CJK text full-width; numbers, URLs and Latin stay.

    >>> fullwidth_cjk_punctuation('会议,强调:要学习"新思想"(扩大)...1,000元 12:30 见http://a.cn')
    '会议，强调：要学习“新思想”（扩大）……1,000元 12:30 见http://a.cn'
    """
    # Until nothing changes: a pair made full-width can reveal another
    # around it ('""中""'), each pass makes only ASCII marks full-width.
    while _PAIRS.search(text) or _MARKS.search(text):
        fixed = _MARKS.sub(_fullwidth, _PAIRS.sub(_fullwidth, text))
        if fixed == text:
            break
        text = fixed
    return text
