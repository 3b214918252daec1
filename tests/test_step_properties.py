"""Properties of each step alone (issue 3): the promises a step makes, not
just the pipeline's.

* every step is idempotent, on arbitrary text and on text made of the
  pieces its rules act on (``mixed_text``: CJK words, ASCII and CJK
  punctuation, numbers such as 1,000 3.14 12:30, URLs, e-mail addresses,
  Latin words, full-width forms, U+3000, ligatures, traditional characters,
  mojibake, invisible characters, look-alike radicals);
* CJK punctuation (，。、；：？！（）《》“”‘’…—) in the input never becomes
  ASCII, in any step nor in any pipeline (the presets and one with every
  opt-in step);
* digits and Latin words are never changed by the CJK rules
  (lookalike-glyphs, cjk-punctuation, layout-spaces, split-numbers,
  doubled-glyphs, opencc);
* no CJK character is changed by the Latin rules (latin-ligatures, the
  Latin joins of column-wrap, the ocr-en preset);
* opencc-* steps change Han characters only, and ``import cleantext`` builds
  no converter;
* what fullwidth-ascii and latin-ligatures change, exactly; column-wrap
  removes only whitespace and wrap hyphens; mojibake added to a preset
  repairs what it repairs alone.

Restrictions, where a step's promise is narrower than the general property,
are stated in each test's docstring (doubled-glyphs: only on text without
doubled spans; cjk-punctuation: "。。。" becomes "……").

As in ``test_properties.py``: a failing property is a bug in cleantext, not
in the property; ``@example`` inputs are failures hypothesis found (some
hand-reduced), so they run first. Runs in ~10-20 s with the "repeatable"
profile (tests/conftest.py).
"""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from collections import Counter

import pytest
import regex
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from cleantext import Pipeline, get_step, pipeline, presets, step_names
from cleantext.steps import ORDER

from generators import NAMES, PLACES, any_text, non_space, square_free, words

SETTINGS = settings(
    max_examples=80,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)
#: Fewer examples where a check runs whole pipelines and their explanation.
PIPELINE_SETTINGS = settings(SETTINGS, max_examples=50)

# --------------------------------------------------------------------------
# Steps under test
# --------------------------------------------------------------------------

OPENCC = ("opencc-t2s", "opencc-s2t")
#: Every step: the registered ones and the two OpenCC steps of the issue.
ALL_STEPS = tuple(step_names()) + OPENCC
#: The steps that declare themselves idempotent, each checked for it.
IDEMPOTENT_STEPS = tuple(name for name in ALL_STEPS if get_step(name).idempotent)
#: Rules about CJK text (they touch no Latin script): they must leave digits and Latin words alone.
CJK_RULES = tuple(name for name in ALL_STEPS if "latin" not in get_step(name).touches)
#: Rules about Latin text (they touch no CJK script): they must leave every CJK character alone.
LATIN_RULES = tuple(name for name in ALL_STEPS if "cjk" not in get_step(name).touches)


def test_the_traits_under_test():
    """The registry's traits give the steps each property is checked on."""
    assert {"text-hygiene", "mojibake", "doubled-glyphs", "column-wrap", *OPENCC} <= set(IDEMPOTENT_STEPS)
    assert {"lookalike-glyphs", "cjk-punctuation", "stray-marks", "layout-spaces", "split-numbers", *OPENCC} == set(CJK_RULES)
    assert {"latin-ligatures", "column-wrap"} <= set(LATIN_RULES)


def _all_opt_in() -> Pipeline:
    """newspaper-zh with every opt-in step added at its place (ORDER)."""
    base = pipeline()
    extra = [n for n in ORDER if n != "opencc" and n not in base.names] + ["opencc-t2s"]
    return base.adding(*extra)


PIPELINES = {
    **{name: Pipeline.from_names(names) for name, names in presets().items()},
    "all-opt-in": _all_opt_in(),
}


def test_the_pipelines_under_test():
    everything = PIPELINES["all-opt-in"].names
    assert set(everything) == set(step_names()) | {"opencc-t2s"}, everything
    assert {"newspaper-zh", "ocr-en"} <= set(PIPELINES)


# --------------------------------------------------------------------------
# Text that hits the rules
# --------------------------------------------------------------------------

CJK_MARKS = "，。、；：？！（）《》“”‘’…—"
#: The ASCII a CJK mark would become, were a step to make it ASCII.
ASCII_OF = {
    "，": ",", "、": ",", "。": ".", "；": ";", "：": ":", "？": "?", "！": "!", "（": "(", "）": ")",
    "《": "<", "》": ">", "“": '"', "”": '"', "‘": "'", "’": "'", "…": ".", "—": "-",
}
assert set(ASCII_OF) == set(CJK_MARKS)

TRADITIONAL = ["這是", "繁體字", "測試", "會議", "強調", "經濟", "發展", "學習", "認識", "後來", "頭髮", "乾隆", "臺灣", "於是"]
SIMPLIFIED = ["这是", "繁体字", "会议", "强调", "头发", "后来", "干部", "发展", "于是", "台湾"]
CJK_PIECES = ["会议", "强调", "引号", "扩大", "月", "日", "万余元", "年", "人人", "近日近日", *PLACES, *NAMES]
ASCII_PUNCT = [",", ".", ":", ";", "?", "!", "(", ")", '"', "'", "...", "--", "-", "/", "·", "···", "。。。"]
CJK_PUNCT_PIECES = [*CJK_MARKS, "……", "——", "“引号”", "（扩大）", "《条例》"]
LATIN = [
    "3.14", "1,000", "12:30", "2023", "6", "22", "http://a.b/c?d=1,2", "foo@bar.com", "Hello, world!",
    "Hello", "world", "the", "Python", "don't", "it's", "e.g.", "well-known", "infor-", "mation", "COVID-19",
    '"引号"', "'单引'", "(扩大)", "(a)", "(1)", "f(x)", "a,b",
]
FULLWIDTH = ["ＡＢＣ", "１２３", "ｆｏｏ", "＂", "＃", "．", "～", "＠", "［", "］", "＇", "１，０００", "Ｈｅｌｌｏ"]
SPACES = [" ", "  ", "\u3000", "\t", "\n", "\n", "\n\n", "\f", "\u00a0"]
LIGATURES = ["ﬁ", "ﬂ", "ﬀ", "ﬃ", "ﬄ", "ﬅ", "ﬆ", "ﬁnal", "eﬀort", "ﬂows"]
#: Kangxi and supplement radicals a PDF font put for ideographs (lookalike-glyphs).
LOOKALIKES = ["颜⾊", "⻆色", "⽇本", "⺀", "⺮"]
DAMAGE = ["\u00ad", "\u00ad\n", "\u200b", "\ufeff", "\r\n", "\r", "e\u0301", "\x07", "\uf900"]
#: Mojibake as ftfy repairs it: UTF-8 read as cp1252 (or Latin-1).
MOJIBAKE = ["æ–°é—»ï¼Œ", "cafÃ©", "â€œ", "â€”", "â€¦", "Ã—"]


def mojibake_of(text: str) -> str:
    data = text.encode("utf-8")
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


mixed_piece = st.one_of(
    words,
    st.sampled_from(CJK_PIECES + TRADITIONAL + SIMPLIFIED),
    st.sampled_from(ASCII_PUNCT),
    st.sampled_from(CJK_PUNCT_PIECES),
    st.sampled_from(LATIN),
    st.sampled_from(FULLWIDTH),
    st.sampled_from(SPACES),
    st.sampled_from(LIGATURES + DAMAGE + MOJIBAKE + LOOKALIKES),
    st.sampled_from(TRADITIONAL + SIMPLIFIED + CJK_PIECES).map(mojibake_of),
)
#: CJK, Latin, digits and punctuation, of both widths, in any order.
mixed_text = st.lists(mixed_piece, max_size=30).map("".join)
#: Either arbitrary text or mixed text.
some_text = st.one_of(any_text, mixed_text, mixed_text)

LATIN_WORDS = [
    "the", "council", "met", "on", "Monday", "and", "agreed", "to", "fund", "new", "library", "for", "two",
    "more", "years", "infor-", "mation", "well-", "known", "Anglo-", "Saxon", "COVID-", "19", "ﬁnal",
    "eﬀort", "ﬂows", "oﬃce", "baﬄe", "a", "I", "It", "12:30", "1,000", "http://a.cn/x", "e.g.", "don't",
]
LINE_ENDS = ["", "", "", ".", ",", "-", "!", "?", ":", "。", "，"]


@st.composite
def latin_pages(draw) -> str:
    """Column lines of Latin prose (hyphenated, ligatures, blank lines), with
    CJK lines and words among them: what the Latin rules of column-wrap act on."""
    lines = []
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.integers(0, 5))
        if kind == 0:  # a CJK line, or CJK and Latin mixed
            piece = st.one_of(words, st.sampled_from(LATIN_WORDS + list(CJK_MARKS)))
            parts = draw(st.lists(piece, min_size=1, max_size=8))
            line = draw(st.sampled_from(["", " "])).join(parts)
        else:
            line = " ".join(draw(st.lists(st.sampled_from(LATIN_WORDS), min_size=1, max_size=12)))
        lines.append(draw(st.sampled_from(["", "", " ", "  ", "\u3000"])) + line + draw(st.sampled_from(LINE_ENDS)))
    text = lines[0]
    for line in lines[1:]:
        text += draw(st.sampled_from(["\n", "\n", "\n\n", " \n", "\n \n", "\f"])) + line
    return text + draw(st.sampled_from(["", "\n", "\n\n"]))


latin_text = st.one_of(latin_pages(), mixed_text)

# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------


def step_changes(step_name: str, text: str) -> list[tuple[str, str]]:
    """(before, after) of every edit a step makes to ``text``."""
    return [(text[e.start : e.end], e.new) for e in get_step(step_name).edits(text)]


def marks_made_ascii(before: str, after: str) -> list[tuple[str, str]]:
    """CJK marks that ``before`` has more of than ``after`` while ``after``
    has more of the ASCII they would become: (mark, ascii) pairs."""
    lost = Counter(ch for ch in before if ch in ASCII_OF) - Counter(ch for ch in after if ch in ASCII_OF)
    gained = Counter(ch for ch in after if ch.isascii()) - Counter(ch for ch in before if ch.isascii())
    return [(mark, ASCII_OF[mark]) for mark in lost if gained[ASCII_OF[mark]]]


#: A Latin word or number: ASCII letters and digits, with the marks that hold
#: such a token together (don't, 1,000, 3.14, 12:30, a@b.cn, http://a.b/c?d=1).
LATIN_TOKEN = regex.compile(r"[A-Za-z0-9]+(?:['’.,:/@_%&=?#+~-]+[A-Za-z0-9]+)*")


def latin_tokens(text: str) -> list[str]:
    return LATIN_TOKEN.findall(text)


_HAN_RUN = regex.compile(r"\p{Han}+")
_CJK_CHAR = regex.compile(
    r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Bopomofo}\u3001-\u303f\uff01-\uffef“”‘’…—·]"
)


def cjk_chars(text: str) -> list[str]:
    """The CJK characters of ``text`` in order (letters and punctuation; not U+3000)."""
    return _CJK_CHAR.findall(text)


# --------------------------------------------------------------------------
# 1. Idempotent
# --------------------------------------------------------------------------


@pytest.mark.parametrize("name", IDEMPOTENT_STEPS)
@SETTINGS
@given(text=any_text)
@example(text="一\n一\n，")  # column-wrap: "一\n一，\n", then "一一，\n"
@example(text="甲乙丙甲乙丙甲乙丙甲乙丙")  # doubled-glyphs: "甲乙丙甲乙丙", then "甲乙丙"
@example(text="中!!")  # cjk-punctuation: "中！!", then "中！！"
@example(text='""中""')  # cjk-punctuation: '"“中”"', then '““中””'
@example(text="台湾台")  # opencc-s2t: "臺灣台", then "臺灣臺" (as OpenCC's own s2t does)
def test_step_is_idempotent_on_any_text(name, text):
    """A step's output is a fixed point of the step."""
    step = get_step(name)
    once = step(text)
    assert step(once) == once


@pytest.mark.parametrize("name", IDEMPOTENT_STEPS)
@SETTINGS
@given(text=mixed_text)
@example(text="一交换联一交换联\n，\r\n一交换联")  # column-wrap alone: a CR ends a line too
@example(text="一交换联一交换联\n一交换联\n，一交换联")  # column-wrap: the text's last line does not measure
@example(text="(\n一件\n一交换联")  # column-wrap: "(一件\n一交换联", then a bracket left open in a title
@example(text="一交换联一交换联一交换联１，０００\n一交换联;一交换联\r\n.")  # column-wrap: a sentence's "." alone
def test_step_is_idempotent_on_mixed_text(name, text):
    step = get_step(name)
    once = step(text)
    assert step(once) == once


def repeats_a_line(text: str) -> bool:
    """Whether a line is printed twice in a row (blank lines and end punctuation aside)."""
    lines = [line.strip().rstrip("，。、；：！？,.;:!?") for line in text.split("\n") if line.strip()]
    return any(a == b for a, b in zip(lines, lines[1:]))


@SETTINGS
@given(text=latin_pages())
def test_latin_ligatures_are_idempotent_on_latin_pages(text):
    """Latin column text (hyphens, ligatures, blank lines) with CJK lines among it.

    column-wrap is left out here (it is idempotent on ``any_text`` and
    ``mixed_text`` above, and on raw pages in test_properties.py): on lines
    of random length, a few words each, a second run measures the column
    from the joined paragraphs and may join two short ones
    ("the\nthe the\nthe the the.\nthe\nthe the the council,"). A known
    limit of measuring columns; real column text has lines of one width.
    """
    step = get_step("latin-ligatures")
    once = step(text)
    assert step(once) == once


@pytest.mark.parametrize("name", ["ocr-en", "all-opt-in"])
@PIPELINE_SETTINGS
@given(text=mixed_text)
@example(text="中 ···")  # all-opt-in: "中···\n", then "中……\n"
@example(text="一交换联 12:30\xa0一交换联")  # all-opt-in: a no-break space ends a stamp as the space it becomes
@example(text="一交换联一交换联一交换联一交换联,，")  # all-opt-in: "，," is one mark printed twice
@example(text="一交换联\u3000,")  # all-opt-in: the comma after an ideographic space is CJK punctuation too
@example(text="一交换联···é€™æ˜¯")  # all-opt-in: the dots kept ftfy from repairing what follows them
@example(text="é€™æ˜¯·é€™æ˜¯")  # all-opt-in: the first repair freed the second (issue 15)
@example(text="一交换联,一交换联\n一交换联")  # all-opt-in (issue 15)
@example(text="一交换联,一交换联\n一交换联。")  # all-opt-in: the ASCII comma is one before cjk-punctuation makes it "，"
@example(text="一交换联一交换联一交换联一交换联一交换联一交换联···")  # all-opt-in: "……" is one mark, not two
@example(text="一交换联。。。\n月")  # all-opt-in: "。。。" reads as the "……" cjk-punctuation makes of it
@example(text="１，０００\xad\n（一件\u3000一交换联")  # ocr-en: an ideographic space measures as the space it becomes
@example(text="一交换联一交换联,\n一交换联一件")  # all-opt-in: the comma hangs as the "，" cjk-punctuation makes of it
@example(text="一交换联ﬁ 一交换联foo@bar.com  一交换联")  # ocr-en: two spaces beside a Latin word are one gap too
def test_pipeline_is_idempotent(name, text):
    """ocr-en, and newspaper-zh with every opt-in step (newspaper-zh alone:
    test_properties.py). Not on ``latin_pages``: see the known limit of
    column-wrap on lines of random length above.

    Known limit: a line printed twice in a row stands alone, and once
    headlines or repeated-blocks print it once, a second run may join it to
    its neighbours ("the\nthe\n一交换联\n一交换联\ne.g. the"); left out here.
    So is a soft hyphen right before mojibake ("\xadé€™æ˜¯"): ftfy reads it
    as part of the garbled bytes and repairs nothing, text-hygiene then drops
    it, and a second run repairs the rest.
    """
    assume(not repeats_a_line(text))
    assume(not regex.search("\xad[\x80-\xff]", text))
    pipe = PIPELINES[name]
    once = pipe(text)
    assert pipe(once) == once


# --------------------------------------------------------------------------
# 2. CJK punctuation never becomes ASCII
# --------------------------------------------------------------------------

#: Steps that remove nothing but whitespace, wrap hyphens and characters no
#: text should hold: every CJK mark of the input is still in the output.
#: (cjk-punctuation rewrites "。。。" as "……": the one CJK-to-CJK rule.)
KEEPS_MARKS = (
    "text-hygiene", "lookalike-glyphs", "latin-ligatures", "fullwidth-ascii", "cjk-punctuation", "column-wrap",
    "split-numbers", "layout-spaces", *OPENCC,
)
_TYPED_ELLIPSIS = regex.compile("。{3,}")


@pytest.mark.parametrize("name", ALL_STEPS)
@SETTINGS
@given(text=some_text)
def test_step_never_makes_cjk_punctuation_ascii(name, text):
    """No edit of any step turns a CJK mark into its ASCII look-alike (an edit
    with fewer of a mark after it has no more of that mark's ASCII); steps
    that remove no text (KEEPS_MARKS) keep every CJK mark of the input."""
    for before, after in step_changes(name, text):
        assert not marks_made_ascii(before, after), (before, after)
    if name in KEEPS_MARKS:
        out = get_step(name)(text)
        if name == "cjk-punctuation":
            text = _TYPED_ELLIPSIS.sub("……", text)
        had, has = Counter(ch for ch in text if ch in ASCII_OF), Counter(ch for ch in out if ch in ASCII_OF)
        assert not had - has, (had - has, out)


@pytest.mark.parametrize("name", list(PIPELINES))
@PIPELINE_SETTINGS
@given(text=some_text)
def test_pipeline_never_makes_cjk_punctuation_ascii(name, text):
    """The same for the presets and the pipeline with every opt-in step."""
    pipe = PIPELINES[name]
    # Change by change: what each step saw and what it wrote instead.
    for change in pipe.explain(text):
        assert not marks_made_ascii(change.before, change.after), change
    # And as a whole: a mark the output has fewer of (a second copy removed)
    # has not turned up as ASCII. ASCII counted after NFC and full-width
    # ASCII, which make ASCII out of other characters (U+037E is ";").
    reference = get_step("fullwidth-ascii")(unicodedata.normalize("NFC", text))
    assert not marks_made_ascii(reference, pipe(text))


# --------------------------------------------------------------------------
# 3. Digits and Latin words are never changed by the CJK rules
# --------------------------------------------------------------------------


@pytest.mark.parametrize("name", CJK_RULES)
@SETTINGS
@given(text=some_text)
@example(text="他说 don't 和 it's 好")  # cjk-punctuation curls the apostrophes
@example(text="0'0一'")  # found by hypothesis: "0‘0一’"
def test_cjk_rules_keep_latin_words_and_numbers(name, text):
    """The Latin words and numbers (LATIN_TOKEN: don't, 1,000, 3.14, 12:30,
    a@b.cn, http://a.b/c?d=1) are the same, in the same order, after a CJK rule."""
    assert latin_tokens(get_step(name)(text)) == latin_tokens(text)


@PIPELINE_SETTINGS
@given(text=some_text)
@example(text="0'0一'")  # found by hypothesis (cjk-punctuation): "0‘0一’"
def test_cjk_rules_after_fullwidth_ascii_keep_latin_words_and_numbers(text):
    """Full-width letters and digits (ＡＢＣ１２３) are Latin words and numbers
    once fullwidth-ascii has run; the CJK rules after it keep them."""
    rules = Pipeline.from_names(["fullwidth-ascii", "split-numbers", "cjk-punctuation", "layout-spaces", "opencc-t2s"])
    widened = get_step("fullwidth-ascii")(text)
    assert latin_tokens(rules(text)) == latin_tokens(widened)


@st.composite
def undoubled_lines(draw) -> str:
    """Mixed text none of whose lines holds a square (a span printed twice
    in a row, whitespace ignored): nothing in it reads as doubled."""
    text = "".join(draw(st.lists(mixed_piece, max_size=20, unique=True)))
    assume(all(square_free(non_space(line)) for line in text.split("\n")))
    return text


@SETTINGS
@given(text=undoubled_lines())
def test_doubled_glyphs_keeps_latin_words_and_numbers_on_undoubled_lines(text):
    """doubled-glyphs removes the second copy of spans printed twice, digits
    and letters too ("2023年2023年" is "2023年" in fake bold), so the promise
    holds on text where no span follows a copy of itself, line by line."""
    assert latin_tokens(get_step("doubled-glyphs")(text)) == latin_tokens(text)


@SETTINGS
@given(text=some_text)
@example(text="近日近日，，文县政协2023年文县政协2023年")
@example(text="一一00ヽヽ㶺㶺一一00ヽ㶺ヽ㶺")  # a doubled line doubled again (found by hypothesis)
@example(text="项项目目描描述述：：负责\n标题文字标题\n标题文字标题\n王霞光\n王霞光、\n、陈昭报道\n")
@example(text="0000一ヽ㺀一ヽ㺀本报讯")  # squares before a dateline: the change is theirs only
@example(text="本报定西讯本报定西讯本报定西讯¶¶")  # a third copy is no dateline of its own
def test_doubled_glyphs_only_prints_doubled_lines_once(text):
    """On any text, every change of doubled-glyphs removes second copies
    only (and the whitespace between the copies), so a digit or a letter is
    only ever removed as a further copy of what it keeps. Within a line (a
    span, a run of characters or a mark printed twice) the change keeps
    exactly one of the copies of every character (of four or eight, for a
    doubled line doubled again); across lines (a line printed twice, a step
    of a staircase) what it removes is a copy of what ends the text before
    it, or of what it keeps."""
    for edit in get_step("doubled-glyphs").edits(text):
        before, after = text[edit.start : edit.end], edit.new
        printed, once = non_space(before), non_space(after)
        it = iter(printed)
        assert all(ch in it for ch in once), (before, after)  # what is kept is a subsequence
        if "\n" not in before:
            copies = len(printed) // max(len(once), 1)
            assert copies in (2, 4, 8), (before, after)
            assert Counter(printed) == Counter(once * copies), (before, after)
        else:
            removed = Counter(printed) - Counter(once)
            copy = set(once) | set(non_space(text[: edit.start])[-len(printed) :])
            assert set(removed) <= copy, (before, after)


@pytest.mark.parametrize("name", OPENCC)
@SETTINGS
@given(text=some_text)
@example(text="a\x00b漢字")
@example(text="漢\udcff字")  # a lone surrogate (surrogateescape): UnicodeEncodeError
def test_opencc_changes_han_characters_only(name, text):
    """Punctuation, digits, Latin and whitespace between the Han runs are
    untouched, and no Han run is split, joined, added or removed."""
    out = get_step(name)(text)
    assert _HAN_RUN.split(out) == _HAN_RUN.split(text)


def test_import_builds_no_opencc_converter():
    """``import cleantext`` imports no opencc; a converter is built on the
    first conversion, not when the step is looked up, and only once."""
    code = (
        "import sys\n"
        "import cleantext\n"
        "assert 'opencc' not in sys.modules, 'import cleantext imported opencc'\n"
        "cleantext.clean('本报讯 6月 22日，會議召开。')\n"
        "assert 'opencc' not in sys.modules, 'the newspaper-zh preset imported opencc'\n"
        "import opencc\n"
        "built = []\n"
        "class Spy(opencc.OpenCC):\n"
        "    def __init__(self, *args, **kwargs):\n"
        "        built.append(args)\n"
        "        super().__init__(*args, **kwargs)\n"
        "opencc.OpenCC = Spy\n"
        "step = cleantext.get_step('opencc-t2s')\n"
        "assert built == [], f'looking the step up built {built}'\n"
        "assert step('會議') == '会议' and step('測試') == '测试'\n"
        "assert len(built) == 1, f'converters built: {built}'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


cjk_prose = st.lists(st.one_of(words, st.sampled_from(CJK_PIECES + list(CJK_MARKS))), min_size=1, max_size=12).map(
    "".join
)


@PIPELINE_SETTINGS
@given(text=cjk_prose)
@example(text="会议")  # "ä¼\x9aè®®" read as Latin-1: hygiene drops "\x9a" first, giving "ä¼è®®"
def test_mojibake_added_to_a_preset_repairs_what_it_repairs_alone(text):
    """CJK prose whose UTF-8 was read as Latin-1 (C1 control characters
    included, as ftfy's sloppy codecs have it) and that the mojibake step
    repairs alone, is repaired in ``newspaper-zh`` + mojibake too: no earlier
    step (text-hygiene) destroys the bytes the repair needs."""
    garbled = text.encode("utf-8").decode("latin-1")
    assume(get_step("mojibake")(garbled) == text)
    assert pipeline().adding("mojibake")(garbled) == pipeline()(text)


# --------------------------------------------------------------------------
# 4. No CJK character is changed by the Latin rules
# --------------------------------------------------------------------------


@pytest.mark.parametrize("name", LATIN_RULES)
@SETTINGS
@given(text=st.one_of(latin_text, any_text))
def test_latin_rules_keep_every_cjk_character(name, text):
    """latin-ligatures and column-wrap (whose Latin joins add spaces and drop
    wrap hyphens) keep the CJK letters and punctuation, in order."""
    assert cjk_chars(get_step(name)(text)) == cjk_chars(text)


@PIPELINE_SETTINGS
@given(text=st.one_of(latin_text, any_text))
def test_ocr_en_keeps_every_cjk_character(text):
    """The ocr-en preset (hygiene, look-alike glyphs, ligatures, column-wrap,
    layout spaces) keeps every CJK character the character repairs hand it
    (NFC may rewrite a compatibility ideograph, lookalike-glyphs a Kangxi
    radical: those are character repairs, not Latin rules)."""
    reference = Pipeline.from_names(["text-hygiene", "lookalike-glyphs"])(text)
    assert cjk_chars(PIPELINES["ocr-en"](text)) == cjk_chars(reference)


@SETTINGS
@given(text=st.one_of(latin_text, any_text))
def test_column_wrap_removes_only_whitespace_and_wrap_hyphens(text):
    """Joining lines removes whitespace and the hyphen of a word split at a
    line end ("infor-\\nmation"); every other character stays, in order."""
    kept, source = non_space(get_step("column-wrap")(text)), non_space(text)
    # ``kept`` is ``source`` with some "-" left out (matched greedily: a
    # character that is not "-" must match the next kept one).
    i = 0
    for ch in source:
        if i < len(kept) and kept[i] == ch:
            i += 1
        else:
            assert ch == "-", (ch, kept, source)
    assert i == len(kept), (kept, source)


# --------------------------------------------------------------------------
# 5. What the character steps promise, exactly
# --------------------------------------------------------------------------

_FULLWIDTH_KEPT = "！（），：；？"
_TO_ASCII = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F) if chr(code) not in _FULLWIDTH_KEPT}


@SETTINGS
@given(text=some_text)
def test_fullwidth_ascii_maps_exactly_the_fullwidth_forms(text):
    """Each full-width form U+FF01-FF5E becomes its ASCII character, except
    the CJK marks ！（），：；？; nothing else changes (U+3000 included)."""
    assert get_step("fullwidth-ascii")(text) == text.translate(_TO_ASCII)


_LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}


@SETTINGS
@given(text=st.one_of(latin_text, any_text))
def test_latin_ligatures_spell_out_ligatures_only(text):
    """ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ are spelled out; nothing else changes."""
    assert get_step("latin-ligatures")(text) == text.translate(str.maketrans(_LIGATURES))
