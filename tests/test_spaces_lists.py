"""layout-spaces on author lists and bylines (SPEC rule 6), and its linear
time (issue 15, item 3).

Names typed apart keep one ASCII space between them; the padding inside a
two-character name goes. The step decides from the shape of the line (runs
of single characters in pairs beside names of two to four characters, on a
line without sentence punctuation or inside brackets), not from a list of
surnames.
"""

from __future__ import annotations

import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleantext import clean, get_step

STEP = "layout-spaces"
spaces = sys.modules[get_step(STEP).__wrapped__.__module__]

#: (input, expected) of the step alone.
CASES = [
    # padded two-character names in an author list lose their padding only
    ("罗兴武 孙 萌 刘 洋 陈 帅", "罗兴武 孙萌 刘洋 陈帅"),
    ("罗兴武 孙 萌 刘 洋", "罗兴武 孙萌 刘洋"),
    ("孙 萌 罗兴武", "孙萌 罗兴武"),
    ("孙 萌 刘 洋 罗兴武 陈 帅", "孙萌 刘洋 罗兴武 陈帅"),
    ("罗兴武\u3000孙\u3000萌\u3000\u3000刘\u3000洋", "罗兴武 孙萌 刘洋"),  # U+3000: kept as one ASCII space
    ("罗兴武  孙 萌  刘 洋", "罗兴武 孙萌 刘洋"),
    ("罗兴武 孙  萌", "罗兴武 孙萌"),
    ("通讯员 曾立玺 孙 萌 摄影报道", "通讯员 曾立玺 孙萌 摄影报道"),
    ("作者：罗兴武 孙 萌", "作者：罗兴武 孙萌"),
    ("□ 罗兴武 孙 萌", "□ 罗兴武 孙萌"),
    # inside brackets, on a line with sentence punctuation
    ("本报讯（罗兴武 孙 萌）6月5日，会议召开。", "本报讯（罗兴武 孙萌）6月5日，会议召开。"),
    ("（沈艳熙 孙 萌）", "（沈艳熙 孙萌）"),
    ("中新网拉萨7月27日电 (记者 何平)据了解，项目建成。", "中新网拉萨7月27日电 (记者 何平)据了解，项目建成。"),
    ("(通讯员陈 刚)", "(通讯员陈刚)"),
    # the SPEC's examples of rule 6
    ("（通讯员陈 刚）", "（通讯员陈刚）"),
    ("成 效 ，真 正 使 之", "成效，真正使之"),
    ("通讯员 曾立玺 李继敏 王美琪 摄影报道", "通讯员 曾立玺 李继敏 王美琪 摄影报道"),
    ("（沈艳熙 贠鹏宇）", "（沈艳熙 贠鹏宇）"),
    ("上下联动发力 充分协商献策", "上下联动发力 充分协商献策"),
    ("□ 通讯员黄志权", "□ 通讯员黄志权"),
    ("6月 22日", "6月22日"),
    # not a name list: single characters only (letter-spacing), an odd run
    # of them, a sentence, a word longer than a name, a number or a Latin
    # word the edge word belongs to
    ("孙 萌 刘 洋", "孙萌刘洋"),
    ("成 效 显 著", "成效显著"),
    ("罗兴武 孙 萌 刘", "罗兴武孙萌刘"),
    ("会议 孙 萌 召开，效果很好。", "会议孙萌召开，效果很好。"),
    ("上下联动发力 充 分", "上下联动发力充分"),
    ("6 月 孙 萌 罗兴武", "6月孙萌罗兴武"),
    ("罗兴武 孙 萌 6", "罗兴武孙萌6"),
    ("Python孙 萌 罗兴武", "Python孙萌罗兴武"),
    ("（孙 萌）", "（孙萌）"),
    # a photo credit ending a line keeps the spaces between its words, before its last one too
    # (after a caption's sentence, in brackets); not a sentence's word, nor a padded name
    ("新华社记者 贺宇洋 摄", "新华社记者 贺宇洋 摄"),
    ("（熊海平 摄）", "（熊海平 摄）"),
    ("图为工人在检修设备。新华社记者 贺宇洋 摄", "图为工人在检修设备。新华社记者 贺宇洋 摄"),
    ("他们正在拍 摄", "他们正在拍摄"),
    ("会议召开了，大家一起 拍 摄", "会议召开了，大家一起拍摄"),
    # a number justifying spread digit by digit (PyMuPDF prints a space for each gap) is one
    # number before the Han text it counts; digits typed apart (a score, a table's row) stay
    ("据统计，1 9 9 4 年至", "据统计，1994年至"),
    ("底的6 · 9 8 平方米", "底的6·98平方米"),
    ("每桶2 1 · 4 8 美元，", "每桶21·48美元，"),
    ("新华社北京1 1日电", "新华社北京11日电"),
    ("比分是3 2 1，", "比分是3 2 1，"),
    ("1 2 3", "1 2 3"),
    ("A 1 2组", "A 1 2组"),
    # a table's row keeps the spaces between its cells where the sentences around set digits
    # tight against Chinese; where they set a gap around each, those are the layout's
    ("地区生产总值 亿元 3256.8 5.5%\n全年地区生产总值增长5.5%，收入增长6.2%。", "地区生产总值 亿元 3256.8 5.5%\n全年地区生产总值增长5.5%，收入增长6.2%。"),
    ("上证指数 1194.10 1200.95\n今年 1 月 5 日，指数上涨。", "上证指数1194.10 1200.95\n今年1月5日，指数上涨。"),
    ("（1997 年 12 月 29 日会议通过）\n全年增长5.5%，收入增长6.2%。", "（1997年12月29日会议通过）\n全年增长5.5%，收入增长6.2%。"),
    # a section's number at a heading's start keeps the space after it (journals, reports);
    # not before the number's unit, in a sentence, or on a table's row
    ("1 引言", "1 引言"),
    ("2.1 数据来源与样本选择", "2.1 数据来源与样本选择"),
    ("3 万余元", "3万余元"),
    ("2023 年度工作总结", "2023年度工作总结"),
    ("1 引言部分介绍了研究背景。", "1引言部分介绍了研究背景。"),
    ("3.1 营收稳步增长，盈利能力提升", "3.1 营收稳步增长，盈利能力提升"),  # (a number of sections opens no sentence)
    ("3.5 万元用于建设。", "3.5万元用于建设。"),
    # ... and after a figure's or a table's number opening its caption
    ("图4 模型整体框架", "图4 模型整体框架"),
    ("表2-1 几种常见物质的性质", "表2-1 几种常见物质的性质"),
    ("如图 3 所示，结果良好。", "如图3所示，结果良好。"),
    ("1 华东电脑24．82", "1华东电脑24．82"),
    # ... and after an article's or a chapter's number that ends in a word (laws, rules: one ASCII space)
    ("第一条 为了规范管理，制定本办法。", "第一条 为了规范管理，制定本办法。"),
    ("第一章\u3000总则", "第一章 总则"),
    ("第１章\u3000总则", "第１章 总则"),
    ("一、 总则", "一、总则"),
    # ... also on a heading letter-spaced throughout, the gap after the number wider than the others
    ("第 五 章   数 字 经 济 与 产 业 转 型", "第五章 数字经济与产业转型"),
    ("第 3 章  实 验 与 分 析", "第3章 实验与分析"),
    ("第 三 章 政 府 的 定 价 行 为", "第三章政府的定价行为"),  # (one space there too: nothing tells)
    ("第 一 条 路 是 这 样 走 的 。", "第一条路是这样走的。"),  # (a sentence: no heading)
    ("会议决定，第一条 道路要先修。", "会议决定，第一条道路要先修。"),
    # rows of a typed table, lines of one number of fields, keep their separators as typed
    ("上海海港 2:1 北京国安\n山东泰山 0:0 成都蓉城\n浙江队 3:2 武汉三镇", "上海海港 2:1 北京国安\n山东泰山 0:0 成都蓉城\n浙江队 3:2 武汉三镇"),
    ("北京 晴 15~28℃\n上海 小雨 20~25℃\n广州 多云 22~30℃", "北京 晴 15~28℃\n上海 小雨 20~25℃\n广州 多云 22~30℃"),
    ("姓名\t性别\t年龄\n张伟\t男\t29\n李娜\t女\t31", "姓名\t性别\t年龄\n张伟\t男\t29\n李娜\t女\t31"),
    # ... or rows that each end in a number (page numbers, phone numbers, times): a column of figures
    ("第一章 总则 1\n城市的夜晚 8\n乡村振兴的新答卷 16", "第一章 总则 1\n城市的夜晚 8\n乡村振兴的新答卷 16"),
    ("张经理 13812345678\n李会计 13987654321\n王主任 办公室 0931-8123456", "张经理 13812345678\n李会计 13987654321\n王主任 办公室 0931-8123456"),
    # a time, a date, a score or a phone number set apart on a list's or a log's line; in a sentence, the layout's
    ("老刘 20:31\n材料都准备好了吗？", "老刘 20:31\n材料都准备好了吗？"),
    ("08:30 签到", "08:30 签到"),
    ("重量达到 600-1100 公斤。", "重量达到600-1100公斤。"),
    # a word that a number in brackets opens is a word of its own ("初二（3）班"), beside a name
    ("特等奖：初二（3）班 李思雨", "特等奖：初二（3）班 李思雨"),
    ("本报讯（记者）陈 刚", "本报讯（记者）陈刚"),
    ("文/图 本报记者 王小明", "文/图 本报记者 王小明"),
    ("文/张伟 图/王芳", "文/张伟 图/王芳"),  # two credits of a byline, each after its mark
    # a page's running head, its first or last line: a weekday, an edition, a volume (not inside the page)
    ("三秦日报 1998年6月11日 星期一 第16版\n一个“天文数字”的实现", "三秦日报 1998年6月11日 星期一 第16版\n一个“天文数字”的实现"),
    ("正文。\n第27卷第8期 地理研究 Vol.27 No.8", "正文。\n第27卷第8期 地理研究 Vol.27 No.8"),
    ("经济研究 2023, 47(12)\n1 引言", "经济研究 2023, 47(12)\n1 引言"),  # (a volume's comma is no sentence's)
    ("正文。\n第27卷第8期 地理研究 Vol.27 No.8\n正文。", "正文。\n第27卷第8期地理研究 Vol.27 No.8\n正文。"),
    # ... and the space between two fields of a list's line, each a label, its colon and a value
    ("单位：元 币种：人民币", "单位：元 币种：人民币"),
    ("会议指出：要坚持 原则：不变。", "会议指出：要坚持原则：不变。"),  # (in a sentence, the layout's)
    # a blank to fill in: ideographic spaces in a row inside a line, a space between brackets
    ("签订日期：\u3000\u3000年\u3000\u3000月\u3000\u3000日", "签订日期：\u3000\u3000年\u3000\u3000月\u3000\u3000日"),
    ("\u3000\u3000本报讯\u3000\u3000今天，会议召开。", "本报讯今天，会议召开。"),  # (an indent, and a gap in a sentence)
    ("1.下列说法正确的是（ ）", "1.下列说法正确的是（ ）"),
    # ... not two rows, a number and its unit set apart, nor a page whose sentences set digits apart (layout gaps)
    ("北京 晴 15~28℃\n上海 小雨 20~25℃", "北京晴15~28℃\n上海 小雨20~25℃"),
    ("1997 年 3 月\n1998 年 4 月\n1999 年 5 月", "1997年3月\n1998年4月\n1999年5月"),
    ("陈 刚\n李 明\n王 芳", "陈刚\n李明\n王芳"),
    ("东部地区 14914\n中部地区 15524\n西部地区 12002\n去年增长 5 %，今年 1 月到 3 月又增长。",
     "东部地区14914\n中部地区15524\n西部地区12002\n去年增长5 %，今年1月到3月又增长。"),
    # a page number between its ornaments, alone on its line, is kept as printed (a folio);
    # not one in words ("第 3 页"), nor a line's edge spaces
    ("— 9 —", "— 9 —"),
    ("· 44 ·", "· 44 ·"),
    ("正文完。\n  — 12 —  \n下一页", "正文完。\n— 12 —\n下一页"),
    ("第 3 页", "第3页"),
    ("见— 9 —页", "见—9—页"),
]


@pytest.mark.parametrize("raw, expected", CASES)
def test_step(raw, expected):
    step = get_step(STEP)
    assert step(raw) == expected
    assert step(expected) == expected


#: (input, expected) of the default pipeline.
PIPELINE_CASES = [
    ("罗兴武 孙 萌 刘 洋 陈 帅\n", "罗兴武 孙萌 刘洋 陈帅\n"),
    ("会议召开。\n\n罗兴武 孙 萌 刘 洋\n", "会议召开。\n罗兴武 孙萌 刘洋\n"),
    ("本报讯（罗兴武 孙 萌）6月5日，会议召开。\n", "本报讯（罗兴武 孙萌）6月5日，会议召开。\n"),
    ("会议召开，要加强组织领导。\n— 9 —\n", "会议召开，要加强组织领导。\n— 9 —\n"),
    ("1 引言\n近年来，数字金融在我国得到了迅速普及。\n2.1 数字金融的内涵\n", "1 引言\n近年来，数字金融在我国得到了迅速普及。\n2.1 数字金融的内涵\n"),
]


@pytest.mark.parametrize("raw, expected", PIPELINE_CASES)
def test_default_pipeline(raw, expected):
    assert clean(raw) == expected
    assert clean(expected) == expected


han = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
names = st.lists(st.text(han, min_size=2, max_size=3), min_size=2, max_size=8)
space = st.sampled_from([" ", " ", "  ", "\u3000", "\u3000\u3000", "\t"])


@settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(names=names, padded=st.lists(st.booleans(), min_size=8, max_size=8), data=st.data())
def test_a_padded_name_list_reads_as_its_names(names, padded, data):
    """Names of two and three characters, some two-character ones padded
    ("孙 萌"), typed apart by any spaces, come out as the names with one
    ASCII space between them, on a line of their own or in brackets."""
    padded = [p and len(n) == 2 for n, p in zip(names, padded)]
    if not any(padded) or all(padded):
        padded = [len(n) == 2 and i == 0 for i, n in enumerate(names)]
    pieces = [n[0] + data.draw(space) + n[1] if p else n for n, p in zip(names, padded)]
    line = pieces[0]
    for piece in pieces[1:]:
        line += data.draw(space) + piece
    step = get_step(STEP)
    expected = " ".join(names)
    if any(padded) and not all(padded):
        assert step(line) == expected
        assert step(f"本报讯（{line}）6月5日，会议召开。") == f"本报讯（{expected}）6月5日，会议召开。"
    assert step(step(line)) == step(line)


# --------------------------------------------------------------------------
# Linear time (issue 15, item 3): counted, not timed
# --------------------------------------------------------------------------


class Counter:
    def __init__(self, function):
        self.function, self.calls, self.chars = function, 0, 0

    def __call__(self, *args):
        self.calls += 1
        first = args[0]
        self.chars += len(first if isinstance(first, str) else first.text)
        return self.function(*args)


@pytest.fixture
def counted(monkeypatch):
    """Counters on every helper that reads a whole line or a whole run."""
    counters = {}
    for name in ("has_sentence_punct", "_bracket_positions", "_name_run"):
        counters[name] = Counter(getattr(spaces, name))
        monkeypatch.setattr(spaces, name, counters[name])
    lines = Counter(spaces._Line)
    monkeypatch.setattr(spaces, "_Line", lines)
    counters["_Line"] = lines
    spaces._facts.cache_clear()
    yield counters
    spaces._facts.cache_clear()


#: One long line of each shape, its number of lines, and of name runs.
#: (A line is read up to each dateline glued in it, as headlines splits it:
#: those within a headline's reach of the line's start, its characters
#: counted without the layout spaces, here 12.)
LONG_LINES = [
    ("本报讯 " * 20_000, 13, 13),  # issue 15: ~45 s for 100,000 before
    ("本报讯\u3000" * 20_000, 13, 13),
    ("本报讯 " * 20_000 + "，", 13, 0),  # with sentence punctuation
    ("罗兴武 孙 萌 " * 20_000, 1, 1),  # one name list of 60,000 words
    ("（罗兴武 孙 萌）会议召开，" * 20_000, 1, 20_000),  # 20,000 lists in brackets
    ("（通讯员陈 刚）" * 20_000, 1, 20_000),
    ("成 效 ，真 正 使 之" * 20_000, 1, 0),
    ("陈 刚\n" * 20_000, 20_000, 20_000),
]


@pytest.mark.parametrize(
    "text, lines, runs", LONG_LINES, ids=["dateline", "u3000", "punct", "names", "brackets", "padded", "letters", "lines"]
)
def test_each_line_is_read_once(counted, text, lines, runs):
    """Whatever the number of spaces on a line, the step builds its facts
    once, scans it once for sentence punctuation and once for brackets, and
    reads each run of words once: the work per space is O(1) lookups
    (a bisect into the line's brackets at most)."""
    edits = get_step(STEP).edits(text)
    assert edits  # the step did its work
    assert counted["_Line"].calls <= lines
    assert counted["has_sentence_punct"].calls <= lines
    assert counted["_bracket_positions"].calls <= lines
    assert counted["_name_run"].calls <= runs
    # helpers given the whole line read each of its characters a bounded number of times
    for name in ("has_sentence_punct", "_bracket_positions"):
        assert counted[name].chars <= len(text), name


def test_separates_items_reads_a_line_once(counted):
    """column-wrap asks separates_items about every space of a line: the
    line's facts are cached, so a line with 20,000 spaces is scanned once."""
    line = "本报讯 " * 20_000 + "，"
    found = [s for s in range(3, len(line) - 1, 4) if spaces.separates_items(line, s, s + 1)]
    assert found == []
    assert counted["has_sentence_punct"].calls == 1 and counted["_Line"].calls == 1
    line = "（" + "本报讯 " * 20_000 + "），"
    assert all(spaces.separates_items(line, s, s + 1) for s in range(4, len(line) - 5, 4))
    assert counted["_bracket_positions"].calls == 2 and counted["_Line"].calls == 2  # once for each line
