"""Cleaning in pieces gives the output of cleaning whole."""

import random

from conftest import SEEDS
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cleantext import clean, pipeline
from cleantext.pipeline import Pipeline
from cleantext.stream import chunks, clean_stream, clean_text

PAGES = [p.read_text(encoding="utf-8") for p in SEEDS]


def _pieces(text, rng):
    pos = 0
    while pos < len(text):
        size = rng.randint(1, 5000)
        yield text[pos : pos + size]
        pos += size


def test_seed_pages_in_pieces_clean_as_whole():
    rng = random.Random(7)
    text = "\n\n".join(rng.choice(PAGES) for _ in range(40)) + "\f" + PAGES[0]
    whole = pipeline()(text)
    for chunk_chars in (500, 4000, 30000):
        out = "".join(clean_stream(_pieces(text, rng), pipeline(), chunk_chars=chunk_chars))
        assert out == whole
        assert len(list(chunks(_pieces(text, rng), pipeline().without("running-headers"), chunk_chars))) > 1


def test_latin_paragraphs_are_cut_at_blank_lines():
    text = "A line of text that the extractor\nwrapped at the column edge.\n\n" * 2000
    pieces = list(chunks([text], pipeline("ocr-en").without("running-headers"), 10000))
    assert len(pieces) > 5 and "".join(pieces) == text
    assert "".join(clean_stream([text], pipeline("ocr-en"), 10000)) == pipeline("ocr-en")(text)


def test_text_without_safe_cuts_is_still_bounded():
    text = "没有日期行的长文本，" * 5000 + "\n"
    pieces = list(chunks([text[i : i + 100] for i in range(0, len(text), 100)], pipeline().without("running-headers"), 1000, max_chars=4000, max_line_chars=4000))
    assert max(map(len, pieces)) <= 4000 and "".join(pieces) == text
    text = "没有日期行的长文本，\n" * 500 + "一行很长的文本，" * 1000 + "\n"  # a line longer than max_chars
    pieces = list(chunks([text[i : i + 100] for i in range(0, len(text), 100)], pipeline().without("running-headers"), 1000, max_chars=4000))
    assert max(map(len, pieces)) <= 8001 and pieces[-1] == "一行很长的文本，" * 1000 + "\n" and "".join(pieces) == text
    pieces = list(chunks([text[i : i + 100] for i in range(0, len(text), 100)], pipeline().without("running-headers"), 1000, max_chars=4000, max_line_chars=5000))
    assert max(map(len, pieces)) <= 5000 and "".join(pieces) == text


def test_short_lines_without_safe_cuts_are_bounded_in_lines():
    text = "一\n" * 5000  # (a step keeps some hundred bytes a line: lines bound memory too)
    pieces = list(chunks([text[i : i + 100] for i in range(0, len(text), 100)], pipeline().without("running-headers"), 10**6, max_lines=700, chunk_lines=300))
    assert max(piece.count("\n") for piece in pieces) <= 700 and "".join(pieces) == text


def test_short_lines_are_chunked_at_safe_cuts_by_their_number():
    text = "本报讯 一。\n二\n三。\n" * 2000
    pipe = pipeline().without("running-headers")
    pieces = list(chunks([text[i : i + 100] for i in range(0, len(text), 100)], pipe, 10**6, chunk_lines=300))
    assert len(pieces) > 10 and max(piece.count("\n") for piece in pieces) <= 303 and "".join(pieces) == text
    assert "".join(map(pipe, pieces)) == pipe(text)


LINES = st.sampled_from(
    ["本报讯（通讯员张三）6月5日，", "本报金昌讯 6月 5日，金昌市政协召", "会议强调，要加强学习", "开展活动。", "",
     "嘉峪关市政协", "召开会议", "6", "月 22 日，", "近日近日，，文县政协文县政协", "Latin words here", "\f",
     "“好啊！”", "（接一版）", "□ 通讯员黄志权", "the end.", "甘肃政协报 第3版", "- 12 -", "\f甘肃政协报 第4版",
     "，", "、"]  # (lone marks: a column beside's, or a line's own printed apart)
)


@settings(max_examples=200, deadline=None)
@given(st.lists(LINES, max_size=60), st.integers(20, 400), st.randoms())
# whether blank lines mark paragraphs is read per stretch between cuts, not from the article after one (explore profile)
@example(lines=["本报讯（通讯员张三）6月5日，", "", "“好啊！”", "本报金昌讯 6月 5日，金昌市政协召", "开展活动。"], chunk_chars=20, rng=random.Random(0))
def test_any_mix_in_pieces_cleans_as_whole(lines, chunk_chars, rng):
    text = "\n".join(lines)
    out = "".join(clean_stream(_pieces(text, rng), pipeline(), chunk_chars=chunk_chars))
    assert out == pipeline()(text)


def test_running_headers_are_found_across_pieces():
    page = "甘肃政协报 2023年6月{d}日 第{d}版\n本报讯 会议召开，研究部署工作。\n正文{d}。\n- {d} -"
    text = "\f".join(page.format(d=d) for d in range(1, 40))
    whole = pipeline()(text)
    assert "甘肃政协报" not in whole and "- 7 -" not in whole and whole.count("正文") == 39
    for chunk_chars in (50, 300, 5000):
        assert "".join(clean_stream(_pieces(text, random.Random(chunk_chars)), pipeline(), chunk_chars)) == whole


def test_clean_of_a_long_text_goes_a_chunk_at_a_time_with_the_output_of_the_whole(monkeypatch):
    rng = random.Random(3)
    text = "\f".join("\n\n".join(rng.choice(PAGES) for _ in range(8)) for _ in range(6))  # pages, running headers
    whole = pipeline()(text)
    seen = []
    call = Pipeline.__call__
    monkeypatch.setattr(Pipeline, "__call__", lambda self, t: seen.append(len(t)) or call(self, t))
    assert clean_text(text, pipeline(), chunk_chars=5000, max_chars=5000) == whole
    # the steps before running-headers for its survey (chunks of CHUNK_CHARS or
    # CHUNK_LINES), then the whole pipeline a page at a time (running-headers needs pages)
    assert len(seen) >= 7 and max(seen) < len(text) and max(seen[-6:]) < len(text) / 4
    seen.clear()
    assert clean(text) == whole
    seen.clear()
    assert clean(PAGES[0]) == pipeline()(PAGES[0]) and seen == [len(PAGES[0])] * 2  # (under a chunk: whole)


def test_clean_of_many_short_lines_goes_a_chunk_at_a_time(monkeypatch):
    seen = []
    call = Pipeline.__call__
    monkeypatch.setattr(Pipeline, "__call__", lambda self, t: seen.append(t.count("\n")) or call(self, t))
    text = "本报讯 一。\n二\n三\n" * 30000  # 90,000 lines, 0.5 MB
    assert clean(text) == pipeline()(text[: len(text) // 2]) * 2
    assert max(seen[:-1]) < 70000


def test_page_wide_facts_read_in_pieces_as_whole():
    """What a step reads off the text around a line (a title's words written
    elsewhere on the page, the side of Latin words a typesetter's gaps
    stand on) it reads only between the places where the text may be cut,
    so pieces cut there clean as the whole does: the words 踊跃 that an
    article before a new dated article writes do not join a title after it."""
    wrap = lambda p: "".join(p[i : i + 16] + "\n" for i in range(0, len(p), 16))  # noqa: E731
    first = wrap("新年前夕，各地群众踊跃参加献爱心活动，纷纷为灾区人民送去棉衣棉被。据统计，全市共有十多万人踊跃捐款捐物。")
    first += "将领Ivan Paskievich 在这里，小城Radzymin 失守。\n"
    second = wrap("本报北京１月５日讯记者王明报道：今年春节期间，本市各大商场的商品供应充足，价格基本稳定，市民们十分满意。")
    second += "社会各界踊\n跃捐赠\n" + wrap("据统计，全市各界捐赠的款物已全部运往灾区，受到了灾区群众的热烈欢迎和好评。")
    text = first + second
    whole = pipeline()(text)
    assert "".join(clean_stream([first, second], pipeline(), chunk_chars=len(first))) == whole
    assert "社会各界踊\n跃捐赠\n" in whole and "将领Ivan Paskievich在这里，小城Radzymin失守。\n" in whole
