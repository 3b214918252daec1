"""lookalike-glyphs (SPEC rule 9): Kangxi Radicals and CJK Radicals Supplement
characters a PDF font put for ideographs become the ideographs printed."""

from __future__ import annotations

import subprocess
import sys
import unicodedata

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cleantext import clean, explain, get_step, pipeline
from cleantext.catalog import PRESETS
from cleantext.normalizers import lookalike
from cleantext.steps import ORDER

from generators import any_text

STEP = "lookalike-glyphs"
KANGXI = range(0x2F00, 0x2FE0)
SUPPLEMENT = range(0x2E80, 0x2F00)


def in_blocks(ch: str) -> bool:
    return ord(ch) in KANGXI or ord(ch) in SUPPLEMENT


#: (input, expected) of the step alone.
CASES = [
    ("颜⾊", "颜色"),  # U+2F8A KANGXI RADICAL COLOR
    ("⻆色", "角色"),  # U+2EC6 CJK RADICAL SIMPLIFIED HORN
    ("⽇本", "日本"),  # U+2F47 KANGXI RADICAL SUN
    ("标准颜⾊值与⻆色按钮", "标准颜色值与角色按钮"),
    ("⼀⼆三", "一二三"),
    ("⻓⻔⻢⻥", "长门马鱼"),  # C-SIMPLIFIED LONG, GATE, HORSE, FISH
    ("⺮", "\U00025ad7"),  # CJK RADICAL BAMBOO: an ideograph outside the BMP
    ("⾊\f⻆\n", "色\f角\n"),  # form feeds and lines stay where they were
    # only the two blocks: the one supplement character without an
    # equivalent ideograph, unassigned code points, CJK strokes, compatibility
    # ideographs, full-width forms and ordinary text stay
    ("⺀", "⺀"),  # U+2E80 CJK RADICAL REPEAT
    ("\u2e9a\u2ef4\u2fd6\u2fdf", "\u2e9a\u2ef4\u2fd6\u2fdf"),  # unassigned
    ("\u31d0\u31cf", "\u31d0\u31cf"),  # CJK STROKE H, N (cjkfold folds them; SPEC 9 does not name them)
    ("\uf900\U0002f800", "\uf900\U0002f800"),  # CJK compatibility ideographs
    ("，。（）ＡＢＣ１２３", "，。（）ＡＢＣ１２３"),
    ("颜色、角色与日本", "颜色、角色与日本"),
    ("", ""),
]


@pytest.mark.parametrize("raw, expected", CASES)
def test_step(raw, expected):
    step = get_step(STEP)
    assert step(raw) == expected
    assert step(expected) == expected


#: (input, expected) of the default pipeline (newspaper-zh).
PIPELINE_CASES = [
    ("颜⾊鲜艳的⻆色\n", "颜色鲜艳的角色\n"),
    # before doubled-glyphs: a fake-bold line whose copies differ only in a
    # look-alike glyph is printed once
    ("近日近日，，⽂县政协机关全体党员干部分赴文县政协机关全体党员干部分赴\n",
     "近日，文县政协机关全体党员干部分赴\n"),
]


@pytest.mark.parametrize("raw, expected", PIPELINE_CASES)
def test_default_pipeline(raw, expected):
    assert clean(raw) == expected
    assert clean(expected) == expected


def test_each_edit_names_the_code_point():
    assert [(c.step, c.start, c.end, c.before, c.after, c.note) for c in explain("颜⾊与⻆色\n")] == [
        (STEP, 1, 2, "⾊", "色", "U+2F8A KANGXI RADICAL COLOR → 色"),
        (STEP, 3, 4, "⻆", "角", "U+2EC6 CJK RADICAL SIMPLIFIED HORN → 角"),
    ]


def test_place_in_the_order_and_the_presets():
    assert ORDER.index("text-hygiene") + 1 == ORDER.index(STEP) < ORDER.index("doubled-glyphs")
    for name in ("newspaper-zh", "ocr-en"):
        steps = PRESETS[name]
        assert steps[steps.index("text-hygiene") + 1] == STEP, name
    assert STEP in pipeline().names
    assert clean("Colour ⾊ in English OCR\n", "ocr-en") == "Colour 色 in English OCR\n"


def test_the_table_is_the_two_blocks():
    """Unicode's EquivalentUnifiedIdeograph data, as cjkfold ships it, cut to the
    two blocks: 214 Kangxi radicals (each the ideograph NFKC gives it too) and
    every supplement character but U+2E80, each mapped to one unified ideograph."""
    table = lookalike.equivalent_ideographs()
    kangxi = {g for g in table if ord(g) in KANGXI}
    supplement = {g for g in table if ord(g) in SUPPLEMENT}
    assert set(table) == kangxi | supplement
    assert len(kangxi) == 214 and len(supplement) == 114
    for glyph in kangxi:
        assert table[glyph] == unicodedata.normalize("NFKC", glyph), glyph
    for glyph, ideograph in table.items():
        assert len(ideograph) == 1 and not in_blocks(ideograph), glyph
        assert unicodedata.name(ideograph, "CJK UNIFIED IDEOGRAPH-").startswith("CJK UNIFIED IDEOGRAPH-"), glyph


class _Counting:
    """A stand-in for the step's compiled pattern that counts its scans."""

    def __init__(self, pattern):
        self.pattern, self.searches, self.finditers = pattern, 0, 0

    def search(self, *args):
        self.searches += 1
        return self.pattern.search(*args)

    def finditer(self, *args):
        self.finditers += 1
        return self.pattern.finditer(*args)

    def match(self, *args):
        return self.pattern.match(*args)


def test_text_without_look_alikes_costs_one_scan(monkeypatch):
    """A page without a character of the two blocks is one search of a
    compiled class (C-level) and nothing else: no table, no loop."""
    counting = _Counting(lookalike._LOOKALIKE)
    monkeypatch.setattr(lookalike, "_LOOKALIKE", counting)
    monkeypatch.setattr(lookalike, "equivalent_ideographs", lambda: pytest.fail("table loaded"))
    page = "本报讯 6月 22日，会议召开。\n" * 50_000
    assert get_step(STEP).edits(page) == []
    assert (counting.searches, counting.finditers) == (1, 0)


def test_import_cleantext_does_not_import_cjkfold():
    """cjkfold is imported on the first look-alike, not with cleantext, the
    step, or text without look-alikes."""
    code = (
        "import sys\n"
        "import cleantext\n"
        "assert 'cjkfold' not in sys.modules, 'import cleantext imported cjkfold'\n"
        "step = cleantext.get_step('lookalike-glyphs')\n"
        "assert cleantext.clean('本报讯 6月 22日，会议召开。') == '本报讯6月22日，会议召开。\\n'\n"
        "assert 'cjkfold' not in sys.modules, 'text without look-alikes imported cjkfold'\n"
        "assert step('颜⾊') == '颜色'\n"
        "assert 'cjkfold' in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


# --------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------

SETTINGS = settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
radicals = st.characters(min_codepoint=0x2E80, max_codepoint=0x2FDF)
#: Text with look-alikes among CJK, Latin, punctuation and whitespace.
with_radicals = st.lists(
    st.one_of(radicals, radicals, st.sampled_from(["颜色", "角色", "日本", "，", "。", "a", " ", "\n", "\f", "\u3000"]),
              st.characters()),
    max_size=40,
).map("".join)
texts = st.one_of(with_radicals, any_text)


@SETTINGS
@given(text=texts)
@example(text="⾊⻆⺀⺮")
def test_idempotent(text):
    step = get_step(STEP)
    once = step(text)
    assert step(once) == once


@SETTINGS
@given(text=texts)
@example(text="a⾊\ud800b")  # a lone surrogate next to a look-alike
def test_only_characters_of_the_two_blocks_change(text):
    """Each edit replaces one character of the two blocks with the one
    ideograph it stands for; every other character stays where it was."""
    step = get_step(STEP)
    table = lookalike.equivalent_ideographs()
    out = step(text)
    assert len(out) == len(text)
    for before, after in zip(text, out):
        if before != after:
            assert in_blocks(before) and after == table[before] and not in_blocks(after), (before, after)
    for edit in step.edits(text):
        assert edit.end - edit.start == 1 and edit.note.startswith(f"U+{ord(text[edit.start]):04X} ")


@SETTINGS
@given(text=st.one_of(any_text, st.text()).filter(lambda t: not any(in_blocks(ch) for ch in t)))
def test_text_without_them_is_unchanged(text):
    assert get_step(STEP)(text) == text
    assert get_step(STEP).edits(text) == []
