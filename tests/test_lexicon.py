"""The newspaper vocabulary as data (issue 11): datelines and block starts of
any paper, a user's own lexicon file, and one-line errors for a bad one."""

from __future__ import annotations

import pickle
import subprocess
import sys

import pytest

from cleantext import clean, load_lexicon, pipeline
from cleantext.lexicon import LexiconError, default_lexicon

#: Lines that open an article or a block, from many papers and agencies.
BLOCK_STARTS = [
    "本报金昌讯（通讯员陈刚）6月5日，",
    "本报珀斯１月１５日电记者许立群报道：",
    "本报北京１月１０日讯记者江山报道：",
    "本报讯新华社记者盖金东、本报记者毛磊报道",
    "新华社北京６月５日电（记者卢劲）",
    "中新社香港一月五日电",
    "人民网北京1月5日电",
    "据新华社报道，",
    "据新华社马尼拉１月４日电（记者陈鹤高）",
    "本报记者袁亚平",
    "本刊记者 余军",  # a magazine's byline
    "光明日报北京１月５日电（记者王建新）",
    "经济日报讯",
    "新京报讯（记者王建新）",
    "长江日报讯（记者刘洋）",  # provincial and city papers
    "天津日报天津1月5日电",
    "韩联社首尔1月5日电",
    "央视网消息（新闻联播）：",
    "海外网1月5日电",  # news sites and Hong Kong, Singapore papers
    "大公报讯（记者李明）",
    "凤凰网消息：",
    "本报综合消息",
    "一、支持中国游泳协会的声明",
    "（二）在政府指导价规定的幅度内制定价格；",
    "１、本版标题书法（朱乃正）",
    "●辟有热门话题",
    "\uf06c 项目描述",  # a symbol-font bullet (private use)
    "——记全国劳动模范",
    "（接一版）",
    "【新华社北京1月5日电】",
    "综合新华社电",
    "摘要：目前，友邦保险在中国大陆的业务范围",  # a journal's head: its abstract and fields
    "关键词：技术进步；门槛效应",
    "中图分类号：F832",
    "Key words: growth; trade",
    "图4 模型整体框架",  # a figure's or a table's caption
    "图表14：营业收入及增速",
    "资料来源：Wind，公司公告",  # a figure's source note, a table's unit
    "单位：元 币种：人民币",
]

NOT_BLOCK_STARTS = ["会议强调，要坚持", "本报道称", "新华社记者兰红光", "二○○二年", "一方面", "光明日报记者前往灾区采访", "央视网消息传播很快", "明报记者", "本报综合", "关键词的选择", "图3所示", "表明", "单位领导"]


@pytest.mark.parametrize("line", BLOCK_STARTS)
def test_block_starts_of_any_paper(line):
    assert default_lexicon().block_start.match(line)


@pytest.mark.parametrize("line", NOT_BLOCK_STARTS)
def test_words_that_start_no_block(line):
    assert not default_lexicon().block_start.match(line)


#: (raw, clean): a headline is never glued to the article after it, whatever
#: the dateline; a dateline cut by a narrow column still starts a block.
HEADLINE_CASES = [
    # other papers' datelines, found from the 讯 or 电 they end with
    (
        "全市重点项目集中开工光明日报北京１月５日电（记者赵六）今天上午，仪式在高新区举行。\n",
        "全市重点项目集中开工\n光明日报北京１月５日电（记者赵六）今天上午，仪式在高新区举行。\n",
    ),
    ("全市重点项目集中开工长江日报讯（记者刘洋）今天上午，仪式举行。\n", "全市重点项目集中开工\n长江日报讯（记者刘洋）今天上午，仪式举行。\n"),
    # a dateline in square brackets, and one compiled from an agency's reports, split whole
    ("全市重点项目集中开工【新华社北京1月5日电】今天上午，仪式举行。\n", "全市重点项目集中开工\n【新华社北京1月5日电】今天上午，仪式举行。\n"),
    ("全市重点项目集中开工综合新华社电今天上午，仪式举行。\n", "全市重点项目集中开工\n综合新华社电今天上午，仪式举行。\n"),
    (
        "世界游泳锦标赛美国名将汤普森已获三金本报珀斯１月１５日电记者报道，今天举行。\n",
        "世界游泳锦标赛美国名将汤普森已获三金\n本报珀斯１月１５日电记者报道，今天举行。\n",
    ),
    (
        "世界游泳锦标赛美国名将汤普\n光明日报珀斯１月１５日电记者\n报道，今天举行了第一场比赛，\n汤普森获得冠军，并打破了世界\n纪录。\n",
        "世界游泳锦标赛美国名将汤普\n光明日报珀斯１月１５日电记者报道，今天举行了第一场比赛，汤普森获得冠军，并打破了世界纪录。\n",
    ),
    (
        "李岚清会见美国客人\n新华社北京１月１２\n日电（记者卢劲）国\n务院副总理李岚清今\n天会见了美国客人。\n",
        "李岚清会见美国客人\n新华社北京１月１２日电（记者卢劲）国务院副总理李岚清今天会见了美国客人。\n",
    ),
]


@pytest.mark.parametrize("raw, expected", HEADLINE_CASES)
def test_headline_never_glued_to_its_article(raw, expected):
    assert clean(raw) == expected


def test_a_users_lexicon_adds_a_papers_dateline(tmp_path):
    lexicon = tmp_path / "paper.toml"
    lexicon.write_text("[blocks]\ndatelines = ['大众网{HAN}{0,6}讯']\n", encoding="utf-8")
    raw = "世界游泳锦标赛美国名将汤普森已获三金大众网济南讯记者报道，今天举行。\n"
    assert clean(raw) == raw  # unknown to newspaper-zh
    extended = pipeline().with_lexicon(load_lexicon(lexicon))
    assert extended(raw) == "世界游泳锦标赛美国名将汤普森已获三金\n大众网济南讯记者报道，今天举行。\n"
    assert pickle.loads(pickle.dumps(extended))(raw) == extended(raw)
    assert extended.names == pipeline().names


BAD_FILES = [
    ("bad = [\n", "not TOML"),
    ("[blocks]\nfoo = ['x']\n", ":2: unknown key 'foo'"),
    ("[nope]\nx = 1\n", ":1: unknown table 'nope'"),
    ("[blocks]\n\ndatelines = ['(unclosed']\n", ":3: bad pattern"),
    ("[blocks]\nmarks = ['•']\n", ":2: marks must be a string"),
]


@pytest.mark.parametrize("text, message", BAD_FILES)
def test_a_bad_lexicon_file_is_a_one_line_error(tmp_path, text, message):
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError, match=message.replace("[", r"\[").replace("(", r"\(")):
        load_lexicon(path)
    result = subprocess.run(
        [sys.executable, "-m", "cleantext", "--lexicon", str(path)], input=b"x\n", capture_output=True
    )
    err = result.stderr.decode()
    assert result.returncode == 2 and err.count("\n") == 1 and str(path) in err and "Traceback" not in err
