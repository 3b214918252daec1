"""doubled-glyphs on every form PDF extractors print fake bold in (SPEC 5), as data.

Fake bold draws a run of text twice, a fraction of a point apart. The raw
texts below are what pdftotext (default, -raw, -layout), pdfplumber and
PyMuPDF printed for PDFs made with reportlab in a CJK TrueType font, bold
drawn twice 0.3 pt apart per run, per line or per character; they are quoted
verbatim. ``test_real_pdfs`` makes such PDFs again and reads them when
reportlab and the extractors are installed.

Then: real reduplication and coincidental repeats stay, identical lines that
are not text stay, every change explains what it removed, the step is fast
on a huge line or many identical lines, and hypothesis properties
(idempotence, fake bold of generated text undone exactly, clean text kept).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from cleantext import clean, get_step
from cleantext.normalizers import doubled

from generators import REDUPLICATION, all_squares, looks_doubled, non_space

STEP = get_step("doubled-glyphs")

# --------------------------------------------------------------------------
# What extractors printed (verbatim)
# --------------------------------------------------------------------------

#: A title and a paragraph typeset 15 characters wide, the next paragraph
#: with a bold lead phrase "会上，": the clean text of them.
COLUMN_CLEAN = (
    "全市政协系统工作会议召开\n"
    "本报济南１月５日电记者王霞光、陈昭报道：山东省委、省政府召开全省经济工作会议，部署今年的经济工作。"
    "会议强调，要坚持稳中求进。\n"
    "会上，各市负责同志作了交流发言，大家一致表示要抓好落实。\n"
)
#: The same page printed by each extractor, the title and paragraph in fake
#: bold drawn line by line, run by run (runs end at punctuation) or character
#: by character.
COLUMN_PAGES = {
    "bold lines, PyMuPDF": "全市政协系统工作会议召开\n全市政协系统工作会议召开\n本报济南１月５日电记者王霞光、\n本报济南１月５日电记者王霞光、\n陈昭报道：山东省委、省政府召开\n陈昭报道：山东省委、省政府召开\n全省经济工作会议，部署今年的经\n全省经济工作会议，部署今年的经\n济工作。会议强调，要坚持稳中求\n济工作。会议强调，要坚持稳中求\n进。\n进。\n会上，\n会上，各市负责同志作了交流发言，\n大家一致表示要抓好落实。\n",
    "bold lines, pdfplumber": "全全市市政政协协系系统统工工作作会会议议召召开开\n本本报报济济南南１１月月５５日日电电记记者者王王霞霞光光、、\n陈陈昭昭报报道道：：山山东东省省委委、、省省政政府府召召开开\n全全省省经经济济工工作作会会议议，，部部署署今今年年的的经经\n济济工工作作。。会会议议强强调调，，要要坚坚持持稳稳中中求求\n进进。。\n会会上上，，各市负责同志作了交流发言，\n大家一致表示要抓好落实。",
    "bold runs, pdftotext": "全市政协系统工作会议召开\n本报济南１月５日电记者王霞光\n本报济南１月５日电记者王霞光、\n、\n陈昭报道\n陈昭报道：\n：山东省委\n山东省委、\n、省政府召开\n全省经济工作会议\n全省经济工作会议，\n，部署今年的经\n济工作\n济工作。\n。会议强调\n会议强调，\n，要坚持稳中求\n进。\n会上，\n会上，各市负责同志作了交流发言，\n大家一致表示要抓好落实。\n\n\f",
    "bold runs, pdftotext -raw": "全市政协系统工作会议召开\n全市政协系统工作会议召开\n本报济南１月５日电记者王霞光\n本报济南１月５日电记者王霞光、\n、\n陈昭报道\n陈昭报道：\n：山东省委\n山东省委、\n、省政府召开\n省政府召开\n全省经济工作会议\n全省经济工作会议，\n，部署今年的经\n部署今年的经\n济工作\n济工作。\n。会议强调\n会议强调，\n，要坚持稳中求\n要坚持稳中求\n进\n进。\n。\n会上，\n会上，各市负责同志作了交流发言，\n大家一致表示要抓好落实。\n\f",
    "bold runs, PyMuPDF": "全市政协系统工作会议召开\n全市政协系统工作会议召开\n本报济南１月５日电记者王霞光\n本报济南１月５日电记者王霞光、\n陈昭报道\n陈昭报道：山东省委\n山东省委、省政府召开\n省政府召开\n全省经济工作会议\n全省经济工作会议，部署今年的经\n部署今年的经\n济工作\n济工作。会议强调\n会议强调，要坚持稳中求\n要坚持稳中求\n进。\n会上，\n会上，各市负责同志作了交流发言，\n大家一致表示要抓好落实。\n",
    "bold characters, pdftotext -raw": "全市政协系统工作会议召开\n全市政协系统工作会议召开\n本\n本报\n报济\n济南\n南１\n１月\n月５\n５日\n日电\n电记\n记者\n者王\n王霞\n霞光\n光、\n、\n陈\n陈昭\n昭报\n报道\n道：\n：山\n山东\n东省\n省委\n委、\n、省\n省政\n政府\n府召\n召开\n开\n全\n全省\n省经\n经济\n济工\n工作\n作会\n会议\n议，\n，部\n部署\n署今\n今年\n年的\n的经\n经\n济\n济工\n工作\n作。\n。会\n会议\n议强\n强调\n调，\n，要\n要坚\n坚持\n持稳\n稳中\n中求\n求\n进\n进。\n。\n会上，\n会上，各市负责同志作了交流发言，\n大家一致表示要抓好落实。\n\f",
    "bold lead phrase only, PyMuPDF": "全市政协系统工作会议召开\n本报济南１月５日电记者王霞光、\n陈昭报道：山东省委、省政府召开\n全省经济工作会议，部署今年的经\n济工作。会议强调，要坚持稳中求\n进。\n会上，\n会上，各市负责同志作了交流发言，\n大家一致表示要抓好落实。\n",
    "bold lead phrase only, pdfplumber": "全市政协系统工作会议召开\n本报济南１月５日电记者王霞光、\n陈昭报道：山东省委、省政府召开\n全省经济工作会议，部署今年的经\n济工作。会议强调，要坚持稳中求\n进。\n会会上上，，各市负责同志作了交流发言，\n大家一致表示要抓好落实。",
}
#: A paragraph typeset 16 wide with the words 重点项目 in bold (PyMuPDF; pdftotext prints the same).
#: Two full lines of a column of 19 cells
#: Lines of a 28-cell column before a title (the column a bold word's pieces must fit).
POLICY = (
    "目前的公款吃喝是一种严重影响党群关系的腐败现象，是\n一种社会“公害”。不制止不改变必将影响改革的进程，因此\n"
    "作为省委书记自定菜单，就不仅仅是一种日常生活琐事的安排，\n而是纠正不正之风的实际行动。\n"
)
COLUMN_TOP = "近日，市政协组织部分委员开展专题视察活\n动，委员们先后来到高新区和经开区，实地\n"
MIDDLE_WORD = "近日，市政协组织部分委员开展专题\n视察活动，委员们先后来到高新区和\n经开区，实地察看了重点项目\n重点项目建设情\n况，听取了有关部门的情况汇报。委\n员们认为，全市重点项目\n重点项目建设进展顺\n利，成效明显。\n"
MIDDLE_WORD_CLEAN = "近日，市政协组织部分委员开展专题视察活动，委员们先后来到高新区和经开区，实地察看了重点项目建设情况，听取了有关部门的情况汇报。委员们认为，全市重点项目建设进展顺利，成效明显。\n"

# --------------------------------------------------------------------------
# The step alone: (input, expected)
# --------------------------------------------------------------------------

#: An article set 20 cells wide under its dateline's line, which PyMuPDF broke
#: at the gap after the dateline and, bold, printed twice.
FOG = ["新华社上海１月６日电", "（记者董伟）华北平原"]
FOG_BODY = "及长江中下游地区相继出现数天大范围的雾天\n交通运输受到了很大的影响，机场航班大面积\n延误，高速公路也被迫关闭，许多旅客滞留在\n车站和机场，有关部门紧急组织力量疏导旅客\n各地采取措施，保证了春运的正常秩序，旅客\n陆续踏上了归途。\n"

STEP_CASES = {
    # 1. span by span (the seeds)
    "spans": ("近日近日，，文县政协机关全体党员干部分赴文县政协机关全体党员干部分赴", "近日，文县政协机关全体党员干部分赴"),
    "spans, a run holding reduplication": ("一件一件事事一件一件事事。。””", "一件一件事事。”"),  # one run, not 一件一件/事事 twice
    "spans, a bold dateline glued to the next": ("本报北京讯本报北京讯新华社北京１月５日电记者王霞光", "本报北京讯新华社北京１月５日电记者王霞光"),
    "spans with spaces": ("通讯员通讯员 吴玉民吴玉民 摄影报道摄影报道", "通讯员 吴玉民 摄影报道"),
    # 2. character by character (pdfplumber)
    "characters, lead phrase": ("项项目目描描述述：：负责公司核心业务系统的设计", "项目描述：负责公司核心业务系统的设计"),
    "characters, brackets": ("『『铁铁老老大大』』练练摊摊", "『铁老大』练摊"),
    "characters, whole line": ("本本报报济济南南１１月月５５日日电电记记者者王王霞霞光光、、", "本报济南１月５日电记者王霞光、"),
    "characters, middle": ("普通文字开头，加加粗粗的的词词语语在中间，后面普通。", "普通文字开头，加粗的词语在中间，后面普通。"),
    "characters, end": ("这一行结尾是加加粗粗的的词词语语。。", "这一行结尾是加粗的词语。"),
    "characters, spaces between": ("通通讯讯员员 吴吴玉玉民民 摄摄影影报报道道", "通讯员 吴玉民 摄影报道"),
    "characters, digits": ("22002233年年全全市市政政协协工工作作会会议议召召开开", "2023年全市政协工作会议召开"),
    "characters, a mark printed twice": ("姓姓名名：：张三", "姓名：张三"),
    "characters, two columns": ("本本报报北北京京１１月月５５日日电电记记者者王王霞霞光光、、 另一栏的普通文字在这里继续排", "本报北京１月５日电记者王霞光、 另一栏的普通文字在这里继续排"),
    "characters, a title whole on a page of bold": (
        "图图片片新新闻闻\n天津龙泰食品有限公司以周边农村为依托\n像像那那酸酸罐罐酸酸槽槽一一类类的的补补焊焊，，对对任任何何焊焊工工来来说说\n",
        "图片新闻\n天津龙泰食品有限公司以周边农村为依托\n像那酸罐酸槽一类的补焊，对任何焊工来说\n",
    ),
    "characters, a line whole that prints a mark twice, no other bold": (
        "上海在我国改革开放和现代化事业中地位十分重要。\n（（ＡＡ、、ＢＢ））\n希望大家继续解放思想。\n",
        "上海在我国改革开放和现代化事业中地位十分重要。\n（Ａ、Ｂ）\n希望大家继续解放思想。\n",
    ),
    # a bold lead phrase after a bullet, printed again to open the next line (pdftotext)
    "a bold lead phrase after a bullet, staircase": (
        "■ 扩大有效投资：\n扩大有效投资：严格督促检查\n● 事件：\n事件：但这个联盟在1797年解散。\n",
        "■ 扩大有效投资：严格督促检查\n● 事件：但这个联盟在1797年解散。\n",
    ),
    # a paragraph's first line that PyMuPDF split at a bold run in it: the pieces make the page's column
    "a first line split at a bold run, PyMuPDF": (
        "全市政协系统工作会议今天在市委礼堂召开，会\n议总结了去年的工作，部署了今年的主要任务，\n提出了明确要求。\n"
        "会议要求各级干部切实转变作风深入基层\n深入基层调研，了\n解群众的所思所想，帮助解决实际困难和问题，\n推动各项工作落到实处。\n",
        "全市政协系统工作会议今天在市委礼堂召开，会\n议总结了去年的工作，部署了今年的主要任务，\n提出了明确要求。\n"
        "会议要求各级干部切实转变作风深入基层调研，了\n解群众的所思所想，帮助解决实际困难和问题，\n推动各项工作落到实处。\n",
    ),
    # a heading printed so whole, its number too ("4.1"), or a letter-spaced label (pdfplumber)
    "characters, a heading's number whole": ("44..11引引言言\n截至2009年，千禧公园是全芝加哥人气第二高的旅游景点。\n", "4.1引言\n截至2009年，千禧公园是全芝加哥人气第二高的旅游景点。\n"),
    "characters, a letter-spaced label": ("要要 闻闻\n陕西农发行扶贫贷款到户\n", "要 闻\n陕西农发行扶贫贷款到户\n"),
    "a mark printed twice more opening the next line, after the line ending in it": (
        "坚持改革的精神和科学的方法，\n，， 解决制约军队现代化建设的难点问题。\n", "坚持改革的精神和科学的方法，\n解决制约军队现代化建设的难点问题。\n"
    ),
    "a mark alone, printed again after the line ending in it": ("续推动和\n平进程向前发展。\n。\n咖啡飘香醉人心\n", "续推动和\n平进程向前发展。\n咖啡飘香醉人心\n"),
    "characters, the tail next to bold": ("济济工工作作。。会会议议强强调调，，要要坚坚持持稳稳中中求求\n进进。。\n", "济工作。会议强调，要坚持稳中求\n进。\n"),
    "characters, a title's last pair cut off onto the next line": (
        "钱钱其其琛琛与与菲菲拉拉利利首首相相会会\n谈谈\n据新华社拉巴特１月８日电\n",
        "钱其琛与菲拉利首相会\n谈\n据新华社拉巴特１月８日电\n",
    ),
    "characters, a word after a bold run that ends before the line's end": (
        "钱钱其其琛琛与与菲菲拉拉利利首首相相会见\n谈谈\n", "钱其琛与菲拉利首相会见\n谈谈\n"
    ),
    "characters, two pairs cut off": ("江江西西抓抓四四十十八八件件\n实实事事\n本报南昌１月１０日电\n", "江西抓四十八件\n实事\n本报南昌１月１０日电\n"),
    "characters, a bold dateline's rest opening the next line": (
        "新新华华社社天天津津１１２２月月３３００日日\n电电（记者张淑英）一生中\n", "新华社天津１２月３０日\n电（记者张淑英）一生中\n"
    ),
    "characters, a line after a bold line that opens with a word repeating a character": (
        "本本报报讯讯各各地地\n人人都是主人。\n", "本报讯各地\n人人都是主人。\n"
    ),
    "characters, a bold dateline's rest of several pairs": (
        "新新华华社社达达累累斯斯萨萨拉拉\n姆姆11月月66日日电电 坦桑\n尼亚总统\n", "新华社达累斯萨拉\n姆1月6日电 坦桑\n尼亚总统\n"
    ),
    # 3. a line printed twice
    "line twice": ("全省经济工作会议召开\n全省经济工作会议召开\n会议强调，要坚持稳中求进。\n", "全省经济工作会议召开\n会议强调，要坚持稳中求进。\n"),
    "line twice, blank line between": ("全省经济工作会议召开\n\n全省经济工作会议召开\n\n正文第一行，", "全省经济工作会议召开\n\n正文第一行，"),
    "line three times": ("全省经济工作会议召开\n全省经济工作会议召开\n全省经济工作会议召开\n会议强调，要坚持稳中求进。\n", "全省经济工作会议召开\n会议强调，要坚持稳中求进。\n"),
    "line twice, credit": ("通讯员 曾立玺 李继敏 摄影报道\n通讯员 曾立玺 李继敏 摄影报道\n会议强调，要坚持稳中求进。\n", "通讯员 曾立玺 李继敏 摄影报道\n会议强调，要坚持稳中求进。\n"),
    "line twice, short tail next to bold": ("济工作。会议强调，要坚持稳中求\n济工作。会议强调，要坚持稳中求\n进。\n进。\n", "济工作。会议强调，要坚持稳中求\n进。\n"),
    # 4. staircases
    "staircase, pdftotext": (
        "本报济南１月５日电记者王霞光\n本报济南１月５日电记者王霞光、\n、陈昭报道\n陈昭报道：\n：山东省\n委省政府召开全省经济工作会议\n委省政府召开全省经济工作会议，\n，部署今年工作\n部署今年工作。\n。\n\n\f",
        "本报济南１月５日电记者王霞光、陈昭报道：山东省\n委省政府召开全省经济工作会议，部署今年工作。\n\n\f",
    ),
    "staircase, PyMuPDF": (
        "本报济南１月５日电记者王霞光\n本报济南１月５日电记者王霞光、陈昭报道\n陈昭报道：山东省\n山东省\n委省政府召开全省经济工作会议\n委省政府召开全省经济工作会议，部署今年工作\n部署今年工作。\n",
        "本报济南１月５日电记者王霞光、陈昭报道：山东省\n委省政府召开全省经济工作会议，部署今年工作。\n",
    ),
    "staircase, pdftotext -layout (marks printed twice in place)": (
        "本报济南１月５日电记者王霞光\n本报济南１月５日电记者王霞光、、陈昭报道\n                陈昭报道：：山东省\n",
        "本报济南１月５日电记者王霞光、陈昭报道：山东省\n",
    ),
    "staircase, two columns (pdftotext)": (
        "本报北京１月５日电记者王霞光\n本报北京１月５日电记者王霞光、\n、\n陈昭报道\n陈昭报道：\n：国务院召开常务会议\n国务院召开常务会议，\n，\n部署今年工作\n部署今年工作。\n。\n\n另一栏的普通文字在这里继续排\n列，没有加粗，只是正文内容而\n已。\n",
        "本报北京１月５日电记者王霞光、\n陈昭报道：国务院召开常务会议，\n部署今年工作。\n\n另一栏的普通文字在这里继续排\n列，没有加粗，只是正文内容而\n已。\n",
    ),
    "staircase, characters (pdftotext -raw)": ("项\n项目\n目描\n描述\n述：\n：负\n负责\n责公\n公司\n司\n", "项目描述：负责公司\n"),
    "staircase, blank lines between": ("本报济南１月５日电记者王霞光\n\n本报济南１月５日电记者王霞光、\n\n、陈昭报道\n\n陈昭报道：\n", "本报济南１月５日电记者王霞光、陈昭报道：\n"),
    "a bold run inside a line, PyMuPDF (its pieces make one column line)": (
        "今年以来，全省经济运行总体平稳，主要指\n标好于预期，东部工业\n部工业投资增速明显加快，\n带动就业人数较快增长。\n",
        "今年以来，全省经济运行总体平稳，主要指\n标好于预期，东部工业投资增速明显加快，\n带动就业人数较快增长。\n",
    ),
    "a bold run opening a line, alone after a line cut in a sentence, PyMuPDF": (
        "展望新年，尽管还存在着种种曲折和困难，但\n寒冬终将过去，春天必将到来。我们由衷祝愿，\n在两岸\n在两岸同胞的共同努力下，两岸关系走向新的\n起点。\n",
        "展望新年，尽管还存在着种种曲折和困难，但\n寒冬终将过去，春天必将到来。我们由衷祝愿，\n在两岸同胞的共同努力下，两岸关系走向新的\n起点。\n",
    ),
    "a page printed character by character throughout: its shorter runs too (pdfplumber)": (
        "一一、、生生态态系系统统的的概概念念\n科学家在世界上首次获得原子激光。美美国国麻麻省理工学院\n的物理学家首次用钠原子获得成功。\n"
        "二二、、电电磁磁感感应应的的特特点点\n解解：：细心的读者会发现，卫星不仅\n渐渐多了起来，而且成功率很高。\n"
        "三三、、边边际际效效用用的的概概念念\n扎扎实实地推进各项工作，把实实在在的好处带给群众。\n",
        "一、生态系统的概念\n科学家在世界上首次获得原子激光。美国麻省理工学院\n的物理学家首次用钠原子获得成功。\n"
        "二、电磁感应的特点\n解：细心的读者会发现，卫星不仅\n渐渐多了起来，而且成功率很高。\n"
        "三、边际效用的概念\n扎扎实实地推进各项工作，把实实在在的好处带给群众。\n",
    ),
    "... where reduplicated words stay": (
        "一一、、生生态态系系统统的的概概念念\n二二、、电电磁磁感感应应的的特特点点\n三三、、边边际际效效用用的的概概念念\n"
        "大家都来看看……\n扎扎实实地推进各项工作，方方面面都要认认真真。\n",
        "一、生态系统的概念\n二、电磁感应的特点\n三、边际效用的概念\n大家都来看看……\n扎扎实实地推进各项工作，方方面面都要认认真真。\n",
    ),
    "bold words inside lines, pdfplumber (two lines hold runs of three pairs): words of two pairs too": (
        "近日，市政协组织部分委员开展专专题题视视察察活动，\n委员们先后来到高新区和经开区，实实地地察察看看了\n"
        "重点项目建设情况，听取了有关部门的情况汇报。委\n员们认为，全市重点项目建设进展顺利，甚甚至至超\n"
        "过预期。大家扎扎实实地工作，干劲十足。\n",
        "近日，市政协组织部分委员开展专题视察活动，\n委员们先后来到高新区和经开区，实地察看了\n"
        "重点项目建设情况，听取了有关部门的情况汇报。委\n员们认为，全市重点项目建设进展顺利，甚至超\n"
        "过预期。大家扎扎实实地工作，干劲十足。\n",
    ),
    "... one line holding a run of three pairs will do": (
        "近日，市政协组织部分委员开展专专题题视视察察活动，\n委员们认为，全市重点项目建设进展顺利，甚甚至至超\n"
        "过预期。大家扎扎实实地工作，干劲十足。\n",
        "近日，市政协组织部分委员开展专题视察活动，\n委员们认为，全市重点项目建设进展顺利，甚至超\n"
        "过预期。大家扎扎实实地工作，干劲十足。\n",
    ),
    "... or a run of three pairs that a narrow column's line ends with, or opens with inside a sentence": (
        "新年伊始刊发盛云龙的\n事迹，是因为这是一一个个能能够够\n给我们带来希望，带来\n力量的人物。工业发达的\n"
        "欧欧盟盟各各成员国对洪都\n拉斯原始丛林产生的兴趣，煤挖完完了了怎么\n办？\n",
        "新年伊始刊发盛云龙的\n事迹，是因为这是一个能够\n给我们带来希望，带来\n力量的人物。工业发达的\n"
        "欧盟各成员国对洪都\n拉斯原始丛林产生的兴趣，煤挖完了怎么\n办？\n",
    ),
    "... a bold word a line's end cut: the pairs after the break are its rest": (
        "近日，市政协组织部分委员开展专专题题视视察察活动，\n委员们先后来到高新区和经开区，实地察看了一件件伪伪\n"
        "造造的金缕玉衣，史树青等专家认定为真品，并听取\n了有关部门的情况汇报。\n",
        "近日，市政协组织部分委员开展专题视察活动，\n委员们先后来到高新区和经开区，实地察看了一件伪\n"
        "造的金缕玉衣，史树青等专家认定为真品，并听取\n了有关部门的情况汇报。\n",
    ),
    "characters, a bold word a line's end cut: the pair before the break is its start": (
        "塔拉索夫在新新闻闻发发布会上指出，任何一方使用强制手段只能使使\n局局势势恶恶化化，并导致新的流血事件。\n",
        "塔拉索夫在新闻发布会上指出，任何一方使用强制手段只能使\n局势恶化，并导致新的流血事件。\n",
    ),
    "characters, a bold title's closing marks, then a paragraph that opens with a reduplicated word": (
        "守守井井人人家家的的孩孩子子（（附附图图片片３３张张））\n童童刚满３岁的那年冬天，随妈妈离\n开河北沧州市，来到了位于河北献县临河\n",
        "守井人家的孩子（附图片３张）\n童童刚满３岁的那年冬天，随妈妈离\n开河北沧州市，来到了位于河北献县临河\n",
    ),
    "a bold word inside a paragraph's one line, PyMuPDF (its pieces fit the column)": (
        COLUMN_TOP + "察看了重点项目建设情况，听取了有关部门\n的汇报。\n卡斯蒂约感谢李岚\n蒂约感谢李岚清的会见。\n",
        COLUMN_TOP + "察看了重点项目建设情况，听取了有关部门\n的汇报。\n卡斯蒂约感谢李岚清的会见。\n",
    ),
    "a bold word of two letters, PyMuPDF (the first piece short inside a sentence)": (
        COLUMN_TOP + "察看了重点项目建设情况，听取了有关部门\n的汇报。委员们认为，全市\n全市重点项目建设进\n展顺利，成效明显。\n",
        COLUMN_TOP + "察看了重点项目建设情况，听取了有关部门\n的汇报。委员们认为，全市重点项目建设进\n展顺利，成效明显。\n",
    ),
    "a bold word before a line's last mark, PyMuPDF (the first piece a cell short of the column)": (
        "希中两国的友好合作关\n系有着坚实的基础，两\n国在国际事务中也保持\n着建设性的合作关系\n合作关系。\n"
        "他强调，希腊将一如既\n往地坚持一个中国的原\n则立场。\n",
        "希中两国的友好合作关\n系有着坚实的基础，两\n国在国际事务中也保持\n着建设性的合作关系。\n"
        "他强调，希腊将一如既\n往地坚持一个中国的原\n则立场。\n",
    ),
    "a bold word that ends a full line, then again with the comma that hangs past the edge, PyMuPDF": (
        "中央经济工作会议确立今年经济工作重\n点时，明确提出继续把农业放在经济工\n作首位。对这一精神，我们要深刻理解\n刻理解，\n"
        "认真贯彻，切实把农业放在经济工作首\n位，千方百计增加农民收入。\n",
        "中央经济工作会议确立今年经济工作重\n点时，明确提出继续把农业放在经济工\n作首位。对这一精神，我们要深刻理解，\n"
        "认真贯彻，切实把农业放在经济工作首\n位，千方百计增加农民收入。\n",
    ),
    "a bold word printed again alone after a line that fills a narrow column, PyMuPDF": (
        "上午，广东省汕头市在林\n伯欣国际会展中心举行５\n个经济合作项目剪彩签约\n彩签约\n仪式。该市运用电视录像\n等形式向来宾介绍了投资\n环境和有关优惠政策。\n",
        "上午，广东省汕头市在林\n伯欣国际会展中心举行５\n个经济合作项目剪彩签约\n仪式。该市运用电视录像\n等形式向来宾介绍了投资\n环境和有关优惠政策。\n",
    ),
    "a bold word's pieces on the first line after a dateline alone, PyMuPDF": (
        "影展在台北举行\n本报讯\n中国旅日著名摄影家冯学敏摄\n影家冯学敏摄影展《景\n德镇瓷的故乡》元月上旬在台北举行，展出的\n３０多幅精美作品在台引起很大反响。\n",
        "影展在台北举行\n本报讯\n中国旅日著名摄影家冯学敏摄影展《景\n德镇瓷的故乡》元月上旬在台北举行，展出的\n３０多幅精美作品在台引起很大反响。\n",
    ),
    "a bold word of two letters, PyMuPDF (the last piece cut inside a sentence, clearly short of the column)": (
        "美国国防部长佩里一行，宾主进行了亲切友好的谈话。\n迟浩田对佩里再次来华访问\n访问表示欢迎，并对佩里\n"
        "和代表团成员为促进两军的交流与合作所做出的努力\n表示赞赏。\n",
        "美国国防部长佩里一行，宾主进行了亲切友好的谈话。\n迟浩田对佩里再次来华访问表示欢迎，并对佩里\n"
        "和代表团成员为促进两军的交流与合作所做出的努力\n表示赞赏。\n",
    ),
    "a bold dateline printed again, then a bold word's pieces on its line, PyMuPDF (read one step at a time)": (
        POLICY + "交通护栏保平安\n本报讯\n本报讯“看到这个栏，就像看到了\n看到了警察，感到安全多\n"
        "了！”“别看栏小，作用可不小，犯罪分子怵它，违法的人少多\n了。”这是济南市民对交通护栏的评价。\n",
        POLICY + "交通护栏保平安\n本报讯“看到这个栏，就像看到了警察，感到安全多\n"
        "了！”“别看栏小，作用可不小，犯罪分子怵它，违法的人少多\n了。”这是济南市民对交通护栏的评价。\n",
    ),
    "a bold word one letter from a line's end, PyMuPDF (the rest goes on in the next line)": (
        COLUMN_TOP + "察看了重点项目建设情况，听取了有关部\n有关部门\n的汇报。\n",
        COLUMN_TOP + "察看了重点项目建设情况，听取了有关部门\n的汇报。\n",
    ),
    "... not where the bold is lead phrases at their lines' starts: a word of two pairs inside a line stays": (
        "本本报报讯讯记者王霞光报道：\n本本报报讯讯记者陈昭报道：\n本本报报讯讯记者李舫报道：\n他订出了满满当当的计划。\n",
        "本报讯记者王霞光报道：\n本报讯记者陈昭报道：\n本报讯记者李舫报道：\n他订出了满满当当的计划。\n",
    ),
    "a bold word printed again alone after its line's end, inside a sentence, PyMuPDF": (
        COLUMN_TOP + "察看了重点项目建设情况，依靠贸易、资本主\n资本主\n义和创新，听取了有关部门的汇报。\n",
        COLUMN_TOP + "察看了重点项目建设情况，依靠贸易、资本主\n义和创新，听取了有关部门的汇报。\n",
    ),
    "a bold word alone at a paragraph's last line, after a line cut inside a sentence, PyMuPDF": (
        COLUMN_TOP + "察看了重点项目建设情况，听取了有关部门的\n情况汇报\n情况汇报。\n会议强调，要坚持。\n",
        COLUMN_TOP + "察看了重点项目建设情况，听取了有关部门的\n情况汇报。\n会议强调，要坚持。\n",
    ),
    "a bold word of two letters printed again alone after a line that fills its column, PyMuPDF": (
        "修养苦行，南方偏重他力主义，重视\n符咒科仪，一般来说，台湾的道教来\n自南方福建泉州与漳州一代所盛行的\n天师教（天师道）。\n"
        "这个转变，可能和义勇军开赴内\n地推翻清朝，以及原本领导游击战的\n前台湾民主国军务大臣李秉瑞殉职有\n职有\n关。电影主要呈现写实风格，其题材\n"
        "贴近现实社会，回顾民众的真实生活，\n由于形式新颖、风格独特，促成了台\n湾电影的新风貌。\n",
        "修养苦行，南方偏重他力主义，重视\n符咒科仪，一般来说，台湾的道教来\n自南方福建泉州与漳州一代所盛行的\n天师教（天师道）。\n"
        "这个转变，可能和义勇军开赴内\n地推翻清朝，以及原本领导游击战的\n前台湾民主国军务大臣李秉瑞殉职有\n关。电影主要呈现写实风格，其题材\n"
        "贴近现实社会，回顾民众的真实生活，\n由于形式新颖、风格独特，促成了台\n湾电影的新风貌。\n",
    ),
    "a bold word of two letters printed alone before its line again, after a line that fills its column, PyMuPDF": (
        "性通过出售卵子维生。选择婴儿性别\n在印度属于违法。印戒细胞癌可以通\n过免疫组织化学进行分类。\n"
        "运动的概念。随后，数个铁路公司将\n其网路扩展到印第安纳波利斯，并修\n筑了多个车站。教学管理中，以深化\n课堂\n"
        "课堂教学改革、转变教学方式、打造\n高效课堂为核心，不断提高教学效率\n和教学效益。\n",
        "性通过出售卵子维生。选择婴儿性别\n在印度属于违法。印戒细胞癌可以通\n过免疫组织化学进行分类。\n"
        "运动的概念。随后，数个铁路公司将\n其网路扩展到印第安纳波利斯，并修\n筑了多个车站。教学管理中，以深化\n"
        "课堂教学改革、转变教学方式、打造\n高效课堂为核心，不断提高教学效率\n和教学效益。\n",
    ),
    "a bold word of two letters a line's end split, both copies alone, PyMuPDF": (
        COLUMN_TOP + "察看了重点项目建设情况，依靠贸易、资本\n资本\n主义\n主义和创新，听取了有关部门的汇报。\n",
        COLUMN_TOP + "察看了重点项目建设情况，依靠贸易、资本\n主义和创新，听取了有关部门的汇报。\n",
    ),
    "lead phrase, PyMuPDF": ("项目描述：\n项目描述：负责公司核心业务系统的设计与开发工作。\n", "项目描述：负责公司核心业务系统的设计与开发工作。\n"),
    "dateline alone, then opening its line, PyMuPDF": (
        "开战丁伟中盘胜张璇\n本报北京一月四日讯\n本报北京一月四日讯记者李长云报道：\n本报讯\n本报讯记者董建勤报道：\n本报纽约1月13 日电\n本报纽约1月13 日电记者符福渊报道：\n",
        "开战丁伟中盘胜张璇\n本报北京一月四日讯记者李长云报道：\n本报讯记者董建勤报道：\n本报纽约1月13 日电记者符福渊报道：\n",
    ),
    "a paragraph's one line printed twice, PyMuPDF": (
        "胡富国来到一座布满裂缝的楼前，神\n色凝重地说：“就是这座楼！”\n一个特殊的省委常委扩大会开始了。\n一个特殊的省委常委扩大会开始了。\n这次特殊的省委常委扩大会，缘于元\n旦胡富国到困难企业慰问时的所见所\n闻。\n",
        "胡富国来到一座布满裂缝的楼前，神\n色凝重地说：“就是这座楼！”\n一个特殊的省委常委扩大会开始了。\n这次特殊的省委常委扩大会，缘于元\n旦胡富国到困难企业慰问时的所见所\n闻。\n",
    ),
    "a line in two pieces printed twice, PyMuPDF": (
        "大雾的危害\n" + "\n".join(FOG + FOG) + "\n" + FOG_BODY,
        "大雾的危害\n" + "\n".join(FOG) + "\n" + FOG_BODY,
    ),
    "dateline alone, then its end opening its line, pdftotext": (
        "美国汇率\n新华社莫斯科 1月 12日电\n12日电（记者盛世良）俄罗斯中央银行\n新华社华盛顿 1月 10 日电\n日电（记者谷利源）美国总统克林顿\n",
        "美国汇率\n新华社莫斯科 1月 12日电（记者盛世良）俄罗斯中央银行\n新华社华盛顿 1月 10 日电（记者谷利源）美国总统克林顿\n",
    ),
    "a bold dateline's second copy set apart, pdftotext": (
        "本报讯代表中国女足最高水平的超霸赛进行。\n在比赛中，济南军区队本欲有所作\n本报讯\n为，终因实力不济败给北京队。\n",
        "本报讯代表中国女足最高水平的超霸赛进行。\n在比赛中，济南军区队本欲有所作\n为，终因实力不济败给北京队。\n",
    ),
    "a wrapped bold dateline: its first line twice, its rest span by span, pdfminer": (
        "本报布鲁塞尔１\n本报布鲁塞尔１\n月９日电月９日电 记者魏崴\n报道：欧盟１５国于\n８日达成一致。\n",
        "本报布鲁塞尔１\n月９日电 记者魏崴\n报道：欧盟１５国于\n８日达成一致。\n",
    ),
    "a wrapped bold dateline's rest set apart after the line it opens, pdfminer": (
        "据新华社莫斯科\n据新华社莫斯科\n１月１０日电 俄罗\n１月１０日电\n斯副总理阿卜杜拉季\n波夫１０日率团。\n",
        "据新华社莫斯科\n１月１０日电 俄罗\n斯副总理阿卜杜拉季\n波夫１０日率团。\n",
    ),
    "a bold dateline's second copy set apart after the line it opens, pdfminer": (
        "本报沈阳１月２日电 记\n本报沈阳１月２日电\n者何加正报道：刘墉，乾隆时\n代的一名清官。\n",
        "本报沈阳１月２日电 记\n者何加正报道：刘墉，乾隆时\n代的一名清官。\n",
    ),
    "a bold title's rest printed span by span after its first line printed twice, pdfminer": (
        "我军唯一『锚索部队』完成四百多项工程\n我军唯一『锚索部队』完成四百多项工程\n抢险抢险\n\n新华社南宁１月４日电，\n",
        "我军唯一『锚索部队』完成四百多项工程\n抢险\n\n新华社南宁１月４日电，\n",
    ),
    "a bold lead phrase's second copy set apart after the line it opens, pdftotext": (
        "这六位大使是：即将离任的新加\n这六位大使是：\n坡驻华大使郑东发、赞比亚新任驻华\n大使雅各布·姆万萨·卡宾加。\n",
        "这六位大使是：即将离任的新加\n坡驻华大使郑东发、赞比亚新任驻华\n大使雅各布·姆万萨·卡宾加。\n",
    ),
    "a writer's credit printed span by span, pdfminer": ("（通宣）（通宣）\n据新华社上海１月２日电\n", "（通宣）\n据新华社上海１月２日电\n"),
    "a title's rest that is a reduplicated word, both lines printed twice, PyMuPDF": (
        "全省经济工作会议召开\n全省经济工作会议召开\n看看\n看看\n本报讯记者报道，\n", "全省经济工作会议召开\n看看\n本报讯记者报道，\n"
    ),
    "a title with digits printed twice, PyMuPDF": (
        "１９９７年公房租金水平\n１９９７年公房租金水平\n——平均租金１．２９元／平方米\n明天气象预报（1月13日20时—1月14日20时）\n明天气象预报（1月13日20时—1月14日20时）\n天气趋势分析\n今天，北方晴。\n",
        "１９９７年公房租金水平\n——平均租金１．２９元／平方米\n明天气象预报（1月13日20时—1月14日20时）\n天气趋势分析\n今天，北方晴。\n",
    ),
    "a writer's credit printed twice, PyMuPDF": ("初中版隔周一期。\n（徐俊）\n（徐俊）\n——海南\n", "初中版隔周一期。\n（徐俊）\n——海南\n"),
    "a bold dateline printed twice before its text, pdfminer": (
        "本报讯本报讯刚刚过去的1997年是祖国和平统一进程中重要的一年。\n"
        "新华社广州1月9日电新华社广州1月9日电（记者贾建舟）沈某乘坐列车回襄樊。\n",
        "本报讯刚刚过去的1997年是祖国和平统一进程中重要的一年。\n新华社广州1月9日电（记者贾建舟）沈某乘坐列车回襄樊。\n",
    ),
    "lead label, PyMuPDF": ("会上，\n会上，各市负责同志作了交流发言，\n", "会上，各市负责同志作了交流发言，\n"),
    "end of a line, in a column": (
        "委员们先后来到高新区和经开区，\n实地察看了重点项目的建设情况。\n建设情况。\n听取了有关部门的情况汇报。\n",
        "委员们先后来到高新区和经开区，\n实地察看了重点项目的建设情况。\n听取了有关部门的情况汇报。\n",
    ),
    "lead phrase, in a column": (
        "情况汇报。\n『铁老大』练摊\n『铁老大』练摊，这是一段普通的文字\n描述，后面还有很多很多内容要写完了。\n",
        "情况汇报。\n『铁老大』练摊，这是一段普通的文字\n描述，后面还有很多很多内容要写完了。\n",
    ),
    "number and title": ("2023年\n2023年全市政协工作会议召开\n全市政协工作会议召开\n", "2023年全市政协工作会议召开\n"),
    "word in the middle, in a column": (MIDDLE_WORD, MIDDLE_WORD.replace("重点项目\n重点项目", "重点项目")),
    # pdfplumber per column, a journal's page: its labels, each character and colon twice, are evidence
    # enough for a heading's number and its two letters; an English title printed so whole
    "journal labels and headings, pdfplumber": (
        "摘摘要要：：本文研究了文本清洗。\n关关键键词词：：文本；清洗\n44 引引言言\n近年来，文本清洗受到关注。\n55 讨讨论论\n",
        "摘要：本文研究了文本清洗。\n关键词：文本；清洗\n4 引言\n近年来，文本清洗受到关注。\n5 讨论\n",
    ),
    "section label over a page printed so, pdfplumber": (
        "经经济济\n曾启亮有了巨人的感觉\n站在起跳台上，身高１米７２的\n广东小伙儿有了巨人的感觉。\n"
        "本本报报讯讯 记者曹涛 通讯员雷桂军报道。\n",
        "经济\n曾启亮有了巨人的感觉\n站在起跳台上，身高１米７２的\n广东小伙儿有了巨人的感觉。\n"
        "本报讯 记者曹涛 通讯员雷桂军报道。\n",
    ),
    "a title's digits between its pieces, pdfplumber": (
        "全厅干部职工的好评。\n世世界界中中学学生生运运动动会会\n１１００\n月月在在上上海海举举行行\n本报上海１月１４日电\n",
        "全厅干部职工的好评。\n世界中学生运动会\n１０\n月在上海举行\n本报上海１月１４日电\n",
    ),
    "a bold dateline's rest after lines printed so in spans of one character, pdfplumber": (
        "美美能能源源部部：：\n油油价价将将微微涨涨\n新新华华社社华华盛盛顿顿11月月1111\n日日电电（记者翟景升）美国\n能源部能源情报署日前发\n",
        "美能源部：\n油价将微涨\n新华社华盛顿1月11\n日电（记者翟景升）美国\n能源部能源情报署日前发\n",
    ),
    "a bold lead's end at its mark, a reduplicated word after it": (
        "项项目目描描述述：：人人都是宣传员。\n会会上上，，常常有人发言。\n（（一一））帕帕帕帕佐佐普普洛洛斯斯说说。。帕帕佐普洛斯说，两国关系良好。\n",
        "项目描述：人人都是宣传员。\n会上，常常有人发言。\n（一）帕帕佐普洛斯说。帕帕佐普洛斯说，两国关系良好。\n",
    ),
    "English title, pdfplumber": (
        "RReesseeaarrcchh oonn TTeexxtt CClleeaanniinngg ffoorr CChhiinneessee DDooccuummeenntt EExxttrraaccttiioonn\n"
        "Abstract: Experiments on a newspaper corpus show that the method improves recovery.\n",
        "Research on Text Cleaning for Chinese Document Extraction\n"
        "Abstract: Experiments on a newspaper corpus show that the method improves recovery.\n",
    ),
    # 3. a letter-spaced title, one character a line, printed twice (PyMuPDF)
    "letter-spaced title twice": ("南\n宫\n品\n南\n宫\n品\n据新华社上海１月１日电\n", "南\n宫\n品\n据新华社上海１月１日电\n"),
    "letter-spaced title of two lines, each twice": (
        "美\n欧\n股\n市\n震\n荡\n美\n欧\n股\n市\n震\n荡\n反\n弹\n反\n弹\n——在市人民代表大会上的报告\n",
        "美\n欧\n股\n市\n震\n荡\n反\n弹\n——在市人民代表大会上的报告\n",
    ),
    "letter-spaced title twice, blank lines": ("房\n\n改\n\n：\n\n期\n\n待\n\n房\n\n改\n\n：\n\n期\n\n待\n\n１９９７年", "房\n\n改\n\n：\n\n期\n\n待\n\n１９９７年"),
}

#: Real reduplication and coincidental repeats, alone, in text, and cut by
#: a column wrap between their halves; identical lines that are no text.
KEPT = [
    # a word said twice across a paragraph's last break, its first line a cell short (a comma squeezed)
    "船舶战线的同志们都在认真地思考一个问题：\n当一个产业已经具有一定规模的时候，应当怎\n样进一步深化改革，增强企业的活力。\n"
    "我们的体制还没有理顺，要做的工作还很多\n很多。\n船舶被称为“移动的城市”，是资金密集、技\n术密集、劳动力密集的产业，很适合我国国情\n",
    "晚风吹过你的头发\n吹过我心里的牵挂\n如果时间停在这一刻\n我愿意就这样陪你到天涯\n后来我们各自长大\n偶尔路过那条江边\n还会想起那晚的晚霞\n晚风吹过你的头发\n吹过我心里的牵挂\n如果时间停在这一刻\n我愿意就这样陪你到天涯\n陪你到天涯\n陪你到天涯\n",  # lyrics: a line's end sung again
    "人人都是宣传信息员，事事关乎营商环境。",
    "看看，高高兴兴，认认真真，研究研究，面对面，一对一，家家户户，紧紧围绕。",
    "认认真真踏踏实实地工作",
    "嘻嘻嘻嘻，哈哈哈，嘻嘻嘻嘻哈哈哈哈哈哈",
    "哈哈哈哈哈哈\n嘻嘻嘻嘻哈哈哈哈\n人人人人。\n看看看看人人人人\n",  # reduplication alone on a line
    "宣传信息员宣传信息员……\n宣传信息员宣传信息员——\n",  # an ellipsis and a dash are one mark of two characters
    "本报武山讯（通讯员令斌斌）",
    "一\n二\n三\n一\n二\n三\n",  # a list's numbering, one a line, twice
    "哈\n哈\n哈\n哈\n哈\n哈\n",
    "政协协商工作作风学习习近平出警警察",
    "天天高高兴兴\n过大年\n",  # a title of reduplicated words, with no fake bold on the page
    "大大小小的新技术，日日夜夜，字字句句，风风雨雨，扎扎实实地工作",
    "接近１００００亿美元，总数６８８８８枚",
    "the the the the bookkeeper 1100 aabbccddee",
    "YYYY MM DD HH\n1100 2200 3300 4400 5500 6600 7700 8800\nAABB CCDD\n",  # lines of pairs, few letters
    "44 天天\n22 高高兴兴\n",  # a heading's number and reduplication, no fake bold on the page
    "经经济济\n曾启亮有了巨人的感觉\n本报讯 记者曹涛 站在起跳台上。\n",  # ... or a label: nothing tells
    "委员们认为人\n人都是宣传员，要研究\n研究，改进工作\n作风，学习\n习近平新时代中国特色社会主义思想\n",
    "出警\n警察，家家\n户户，面对\n面，一对\n一\n",
    "100\n100\n100\n",
    "张三 100\n张三 100\n",
    "2023年12月\n2023年12月\n",  # too few letters to be a title
    "在比赛中，济南军区队本欲有所作\n本报讯\n为，终因实力不济。\n",  # no copy of the dateline before it
    "本报讯 某县召开全县经济工作会议。\n本报讯\n某市举行迎新春长跑活动。\n",  # an article of one line, then the next
    "孩子们天天高高兴兴地上学，\n大家把事情说得清清楚楚。\n",  # one line holds three words of pairs: too little to tell
    "他说：“我们一定能行。”\n他说：\n“好。”\n",  # a lead phrase again after a sentence's end
    "他说：\n他说：\n",  # a line printed twice opens nothing
    "增长了１２％。\n增长了１２％。\n",  # a sentence with digits, no column text
    "合计 1,000 2,000\n合计 1,000 2,000\n",
    "一\n一\n一\n一\n",
    "加油！中国队！\n加油！中国队！\n",  # a short cry said twice: text, not bold
    "（一）\n（一）\n",  # a numbering in brackets, no writer's credit
    "甲：你好，老朋友。\n乙：你好。\n甲：你好，老朋友。\n乙：你好。\n",  # a dialogue said twice, no column text
    "会议强调，要坚持稳中求进。\n会议强调，要坚持稳中求进。\n",  # a paragraph repeated in text one paragraph a line (no column)
    "江泽民\n江泽民在茶话会上发表重要讲话。（新华社记者王新庆摄）\n",  # a name, then its caption
    "利率\n利率是资金的“价格”\n",
    "乡村振兴\n振兴乡村，人人有责。\n",
    "全省经济工作会议召开\n全省经济工作会议召开，部署今年的经济工作。\n",  # a title, then a paragraph opening with it
    "会议强调，要坚持稳中求进。\n稳中求进。\n",  # a paragraph, then a title that ends it
    "！！？？……——",
    "大家一起来\n谈谈\n",  # a word of two, alone on its line
    "● 事件：\n会议召开了。\n",  # a bullet's label, the text after it on the next line
    "晚风吹过你的头发\n向前冲\n向前冲\n啦啦啦\n啦啦啦\n",  # lyrics typed without punctuation: lines sung twice
    "哈哈 哈哈\n人人 事事都好\n归归来来\n",  # a word said twice; reduplication in text; a line of two (a title 高高兴兴)
    "委员们一致认为，这一\n做法\n做法很好，值得推广。\n",  # a word of two after a cut line: too few letters
    "委员们一致认为，这一做法\n做法\n很好，值得推广。\n",  # ... or after its line's end
    "会议强调，要坚持稳中求进。\n稳中求\n稳中求进是工作总基调。\n",  # a short line after a sentence's end: a title
    "坚持改革的精神和科学的方法。\n， 解决制约军队现代化建设的难点问题。\n",  # a mark the line before does not end in
]


@pytest.mark.parametrize("raw, expected", STEP_CASES.values(), ids=STEP_CASES.keys())
def test_forms(raw, expected):
    assert STEP(raw) == expected
    assert STEP(expected) == expected  # idempotent


@pytest.mark.parametrize("text", KEPT)
def test_reduplication_and_table_rows_stay(text):
    assert STEP(text) == text


@pytest.mark.parametrize("word", REDUPLICATION)
def test_reduplication_stays_anywhere(word):
    for text in (word, f"他说{word}，", f"{word}是", f"前面的话。\n{word}\n后面的话。"):
        assert STEP(text) == text


@pytest.mark.parametrize("name", COLUMN_PAGES)
def test_column_pages_through_the_pipeline(name):
    """Whatever the extractor printed, cleaning gives the page's text: lines
    printed once and staircases glued back into their paragraph."""
    assert clean(COLUMN_PAGES[name]).replace("\f", "") == COLUMN_CLEAN


def test_column_pages_with_blank_lines_between():
    """The seeds' layout: a blank line after every printed line."""
    for name in ("bold lines, PyMuPDF", "bold runs, pdftotext -raw", "bold runs, PyMuPDF"):
        spaced = "\n\n".join(COLUMN_PAGES[name].rstrip("\n\f").split("\n")) + "\n"
        assert clean(spaced) == COLUMN_CLEAN, name


def test_word_in_the_middle_through_the_pipeline():
    assert clean(MIDDLE_WORD) == MIDDLE_WORD_CLEAN


def test_seeds_layout_doubled_title_through_the_pipeline():
    raw = " 定西市政协召开全市政协系统党的建设工作会议\n\n 定西市政协召开全市政协系统党的建设工作会议\n\n本报定西讯（通讯员郑天旺）6月 22日，\n\n定西市政协召开会议。\n"
    assert clean(raw) == "定西市政协召开全市政协系统党的建设工作会议\n本报定西讯（通讯员郑天旺）6月22日，定西市政协召开会议。\n"


# --------------------------------------------------------------------------
# Explain: what was removed, and why
# --------------------------------------------------------------------------


def _changes(text):
    return [(text[e.start : e.end], e.new, e.note) for e in STEP.edits(text)]


def test_notes_name_the_copy_removed():
    assert _changes("项目描述：\n项目描述：负责公司核心业务") == [
        ("\n项目描述：", "", 'fake bold: second copy of "项目描述："')
    ]
    assert _changes("项项目目描描述述：：负责") == [
        ("项项目目描描述述：：", "项目描述：", 'fake bold: second copy of each character of "项目描述："')
    ]
    assert _changes("全省经济工作会议召开\n全省经济工作会议召开\n会议强调，要坚持稳中求进。\n") == [
        ("\n全省经济工作会议召开", "", 'fake bold: line printed twice: "全省经济工作会议召开"')
    ]
    assert _changes("通讯员通讯员 吴玉民吴玉民") == [
        ("通讯员通讯员 吴玉民吴玉民", "通讯员 吴玉民", 'fake bold: second copy of each span of "通讯员 吴玉民"')
    ]
    layout = _changes("本报济南１月５日电记者王霞光\n本报济南１月５日电记者王霞光、、陈昭报道\n陈昭报道：：山东省\n")
    assert layout == [
        ("\n本报济南１月５日电记者王霞光", "", 'fake bold: second copy of "本报济南１月５日电记者王霞光"'),
        ("、、", "、", 'fake bold: second copy of "、"'),
        ("\n陈昭报道", "", 'fake bold: second copy of "陈昭报道"'),
        ("：：", "：", 'fake bold: second copy of "："'),
    ]


@pytest.mark.parametrize("raw", [raw for raw, _ in STEP_CASES.values()] + list(COLUMN_PAGES.values()))
def test_every_change_has_a_short_note_and_removes_only(raw):
    for before, after, note in _changes(raw):
        assert note.startswith("fake bold: ") and len(note) < 80, note
        it = iter(before)
        assert all(ch in it for ch in after), (before, after)


# --------------------------------------------------------------------------
# Cost: linear in the input
# --------------------------------------------------------------------------


def _seconds(text):
    start = time.perf_counter()
    out = STEP(text)
    return time.perf_counter() - start, out


@pytest.mark.slow
def test_a_huge_line_is_fast():
    plain = "委员们先后来到高新区和经开区，实地察看了重点项目建设情况。" * 35_000  # 1 MB
    seconds, out = _seconds(plain)
    assert out == plain and seconds < 5
    bold = "".join(ch + ch for ch in "项目描述：负责公司核心业务系统的设计。" * 25_000)  # 1 MB, every character twice
    seconds, out = _seconds(bold)
    assert out == "项目描述：负责公司核心业务系统的设计。" * 25_000 and seconds < 20


def test_many_identical_lines_are_fast():
    rows = "一\n" * 200_000
    seconds, out = _seconds(rows)
    assert out == rows and seconds < 5
    title = "全省经济工作会议召开\n" * 20_000  # a line again and again: more copies than fake bold prints
    seconds, out = _seconds(title)
    assert out == title and seconds < 10


def test_a_long_staircase_is_fast():
    text = "项目描述：负责公司核心业务系统的设计与开发工作，" * 2_000
    stairs = "\n".join([text[0]] + [text[i : i + 2] for i in range(len(text) - 1)] + [text[-1]]) + "\n"
    seconds, out = _seconds(stairs)
    assert out == text + "\n" and seconds < 10


# --------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------

SETTINGS = settings(
    max_examples=200,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)

_HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府"
_MARKS = "，、：；。"


def _square_free(text: str) -> bool:
    n = len(text)
    return not any(text[i : i + h] == text[i + h : i + 2 * h] for h in range(1, n // 2 + 1) for i in range(n - 2 * h + 1))


@st.composite
def clean_lines(draw, min_lines=1, max_lines=5):
    """Lines of Han text with marks, no span of the whole text printed twice
    in a row, so nothing in it is doubled or overlaps by chance."""
    lines = []
    for _ in range(draw(st.integers(min_lines, max_lines))):
        size = draw(st.integers(6, 26))
        chars = draw(st.lists(st.sampled_from(_HAN), min_size=size, max_size=size))
        for _ in range(draw(st.integers(0, 3))):  # marks between runs
            k = draw(st.integers(1, size - 2))
            if chars[k - 1] not in _MARKS and chars[k + 1] not in _MARKS:
                chars[k] = draw(st.sampled_from(_MARKS))
        lines.append("".join(chars))
    assume(_square_free("".join(lines)))
    return lines


def _letters(text):
    return sum(1 for ch in text if ch in _HAN)


def _runs(line):
    """The runs fake bold is drawn in: text between marks, and each mark."""
    return re.findall(r"[^，、：；。]+|[，、：；。]", line)


def _staircase_pdftotext(line):
    """pdftotext: each run's second copy and the next run's first copy on one line."""
    runs = _runs(line)
    return [runs[0]] + [a + b for a, b in zip(runs, runs[1:])] + [runs[-1]]


def _staircase_pymupdf(line):
    """PyMuPDF: a mark between two runs printed once, with them."""
    parts = re.findall(r"[^，、：；。]+[，、：；。]?", line)
    texts = [p.rstrip(_MARKS) for p in parts]
    marks = [p[len(t) :] for p, t in zip(parts, texts)]
    out = [texts[0]]
    for k in range(1, len(texts)):
        out.append(texts[k - 1] + marks[k - 1] + texts[k])
    out.append(texts[-1] + marks[-1] if marks[-1] else texts[-1])
    return out


FORMS = ("plain", "characters", "lead", "twice", "twice with a blank line", "pdftotext staircase", "PyMuPDF staircase")


def _bold(line, form, lead):
    """``line`` printed in fake bold of ``form`` (None: the form cannot show it)."""
    if form == "plain":
        return [line]
    if form == "characters":
        return ["".join(ch + ch for ch in line)] if len(line) >= 5 and _letters(line) >= 3 else None
    if form == "lead":
        head, tail = line[:lead], line[lead:]
        # (a lead that goes on a word or two past its last mark reads as ending there, the
        # text after it opening with a reduplicated word: "项项目目描描述述：：人人都是", see MAX_TAIL_BLOCKS)
        past = re.split(f"[{''.join(doubled._MARKS)}]", head)[-1] if tail else ""
        if past != head and 0 < len(re.sub(r"(.)\1+", r"\1", past)) <= doubled.MAX_TAIL_BLOCKS:
            return None
        return [ "".join(ch + ch for ch in head) + tail] if len(head) >= 5 and _letters(head) >= 3 else None
    if form.startswith("twice"):
        ok = _letters(line) >= 4 and 3 * _letters(line) >= 2 * len(line) and line[-1] not in "。"
        return ([line, "", line] if "blank" in form else [line, line]) if ok else None
    if form == "pdftotext staircase":
        runs = _runs(line)
        letters = [_letters(r) for r in runs]
        ok = len(runs) > 1 and (max(letters) >= 4 or len(runs) >= 3 and sum(letters) >= 4)
        return _staircase_pdftotext(line) if ok else None
    texts = [t for t in re.split(r"[，、：；。]", line) if t]
    ok = len(texts) > 1 and line[0] not in _MARKS and max(map(_letters, texts)) >= 4
    return _staircase_pymupdf(line) if ok else None


@st.composite
def bolded_pages(draw):
    """(clean text, the text printed with some of its lines in fake bold)."""
    lines = draw(clean_lines())
    printed = []
    for line in lines:
        form = draw(st.sampled_from(FORMS))
        out = _bold(line, form, draw(st.integers(5, 12)))
        printed += out if out is not None else [line]
    # (a page of articles holds punctuation somewhere: a line twice on a page
    # of none is verse or lyrics said twice, which stays)
    assume(any(mark in "".join(lines) for mark in "，、；。") or len(printed) - printed.count("") == len(lines))
    return "\n".join(lines) + "\n", "\n".join(printed) + "\n"


@SETTINGS
@given(bolded_pages())
@example(("项目描述：负责公司核心\n", "项项目目描描述述：：负责公司核心\n"))
def test_fake_bold_of_clean_text_comes_back_exactly(page):
    text, printed = page
    assert STEP(printed) == text
    assert clean(printed) == clean(text)


@SETTINGS
@given(bolded_pages())
def test_idempotent_on_fake_bold(page):
    once = STEP(page[1])
    assert STEP(once) == once


#: Pieces of what extractors print, to be thrown together.
PIECES = [
    "本报济南１月５日电记者王霞光", "本报济南１月５日电记者王霞光、", "、陈昭报道", "陈昭报道：", "：山东省", "山东省",
    "项项目目描描述述：：", "负责", "进进。。", "会会上上，，", "全省经济工作会议召开", "进。", "会上，", "100",
    "近日近日，，", "文县政协文县政协", "人人", "高高兴兴", "研究研究", "一", "，", "。", "、", "\n", "\n", "\n\n", " ",
]


@SETTINGS
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
@example("进进。。\n进进。。\n全省经济工作会议召开\n全省经济工作会议召开\n")
@example("项项目目描描述述：：\n项项目目描描述述：：本报济南１月５日电记者王霞光")  # printed once, a staircase
@example("进进。。" + "本报济南１月５日电记者王霞光" * 4)  # copies after the end of a sentence printed once
@example("项项目目描描述述：：本报济南１月５日电记者王霞光\n本报济南１月５日电记者王霞光")  # a tail after a line printed in place
@example("本报济南１月５日电记者王霞光、本报济南１月５日电记者王霞光、\n本报济南１月５日电记者王霞光、本报济南１月５日电记者王霞光")  # a line printed in place, the start of the next
@example("陈昭报道：陈昭报道：\n陈昭报道：本报济南１月５日电记者王霞光")  # printed in place, then once as the start of the next
@example("文县政协文县政协\n文县政协文县政协本报济南１月５日电记者王霞光\n本报济南１月５日电记者王霞光")  # ... and as printed
@example("会上，\n会会上上，，本报济南１月５日电记者王霞光")  # printed once, then in place as the start of the next
@example("本报济南１月５日电记者王霞光本报济南１月５日电记者王霞光进。会会上上，，会上，本报济南１月５日电记者王霞光本报济南１月５日电记者王霞光")  # squares after a sentence's end once rule 2 ran
@example("文县政协文县政协 文县政协文县政协 ")  # once: a span, a space, the span again, a trailing space
def test_idempotent_on_pieces_of_fake_bold(text):
    once = STEP(text)
    assert STEP(once) == once
    it = iter(non_space(text))
    assert all(ch in it for ch in non_space(once))  # only copies (and whitespace) removed


def _naive_overlap(a, b):
    return max((k for k in range(1, min(len(a), len(b)) + 1) if a.endswith(b[:k])), default=0)


def _pair_blocks(line):
    """The most blocks of a run of characters each printed twice in place."""
    best = 0
    for start in (0, 1):
        blocks, previous = 0, None
        for i in range(start, len(line) - 1, 2):
            if line[i] == line[i + 1]:
                blocks += line[i] != previous
                previous = line[i]
            else:
                blocks, previous = 0, None
            best = max(best, blocks)
    return best


@st.composite
def natural_text(draw):
    """Han words, reduplicated ones among them, one paragraph a line or wrapped in a column.

    AMBIGUITY (SPEC 5): text that reads as fake bold by the thresholds of
    doubled-glyphs is left out: a line that is a run of doubled spans, five
    different characters in a row each printed twice (three inside a line
    of the page: "大家人人看看人人说"), a mark printed twice,
    a line that is nothing but spans printed twice one of which holds a mark
    ("研究研究，一，一": the explore profile), consecutive lines overlapping by
    four letters or more, three overlapping lines in a row, a line that
    starts the next or ends the one before, and a text line printed twice in
    a row.
    """
    words = st.one_of(st.sampled_from(REDUPLICATION), st.text(st.sampled_from(_HAN), min_size=1, max_size=4))
    paragraphs = []
    for _ in range(draw(st.integers(1, 4))):
        body = ""
        for _ in range(draw(st.integers(2, 8))):
            body += draw(words) + draw(st.sampled_from(["", "", "，", "、"]))
        paragraphs.append(body.rstrip("，、") + "。")
    width = draw(st.sampled_from([0, 8, 12, 16, 20]))
    lines = [p[i : i + width] for p in paragraphs for i in range(0, len(p), width)] if width else paragraphs
    lines = [line for line in lines if line]
    for line in lines:
        assume(not looks_doubled(line) and _pair_blocks(line) < 5 and not re.search(r"([，、。])\1", line))
        assume(not (all_squares(line) and re.search("[，、。]", line)))
    assume(all(_pair_blocks(line) < 3 for line in lines))
    overlaps = [_naive_overlap(a, b) for a, b in zip(lines, lines[1:])]
    for (a, b), k in zip(zip(lines, lines[1:]), overlaps):
        assume(_letters(b[:k]) < 4 and a != b and k < len(a) and k < len(b))
    assume(not any(x and y for x, y in zip(overlaps, overlaps[1:])))
    return "\n".join(lines) + "\n"


@SETTINGS
@given(natural_text())
@example("人人都是\n人人有份。\n")
@example("委员们认为人\n人都是宣传员。\n")
@example("研究研究高高兴兴\n。\n")  # two reduplicated words fill a line
def test_clean_text_is_kept(text):
    assert STEP(text) == text


# --------------------------------------------------------------------------
# Real PDFs, when the tools are there
# --------------------------------------------------------------------------

FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"


def test_real_pdfs(tmp_path):
    """Fake bold drawn per line, per run and per character, read by every
    extractor installed: cleaning gives the text of the page."""
    reportlab = pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if not shutil.os.path.exists(FONT):
        pytest.skip("no CJK font")
    del reportlab
    pdfmetrics.registerFont(TTFont("WQY", FONT, subfontIndex=0))
    width = lambda s: pdfmetrics.stringWidth(s, "WQY", 11)  # noqa: E731
    title = "全市政协系统工作会议召开"
    lines = ["本报济南１月５日电记者王霞光、", "陈昭报道：山东省委、省政府召开", "全省经济工作会议，部署今年的经", "济工作。会议强调，要坚持稳中求", "进。"]
    expected = title + "\n" + "".join(lines) + "\n"
    readers = []
    if shutil.which("pdftotext"):
        readers += [
            ("pdftotext", lambda f: subprocess.run(["pdftotext", f, "-"], capture_output=True, text=True).stdout),
            ("pdftotext -raw", lambda f: subprocess.run(["pdftotext", "-raw", f, "-"], capture_output=True, text=True).stdout),
        ]
    try:
        import pdfplumber

        def plumber(f):
            with pdfplumber.open(f) as pdf:
                return pdf.pages[0].extract_text()

        readers.append(("pdfplumber", plumber))
    except ImportError:
        pass
    try:
        import pymupdf

        readers.append(("pymupdf", lambda f: pymupdf.open(f)[0].get_text()))
    except ImportError:
        pass
    if not readers:
        pytest.skip("no extractor")
    for mode in ("line", "run", "char"):
        path = str(tmp_path / f"{mode}.pdf")
        pdf = canvas.Canvas(path)
        pdf.setFont("WQY", 11)
        y = 800
        for k, line in enumerate([title] + lines):
            pieces = {"line": [line], "run": re.findall(r"[^，、：。]+|[，、：。]", line), "char": list(line)}[mode]
            x = 50
            for piece in pieces:
                pdf.drawString(x, y, piece)
                pdf.drawString(x + 0.3, y, piece)
                x += width(piece)
            y -= 24 if k == 0 else 15
        pdf.save()
        for name, read in readers:
            assert clean(read(path)).replace("\f", "") == expected, (mode, name)


#: What a line that may be a dateline alone is, as one pattern (doubled.py finds it from the line's end).
_DATELINE_ALONE = re.compile(r"^[^\S\n]*\S[^\n]{1,40}[讯电][^\S\n]*$", re.MULTILINE)


@given(st.text(alphabet="讯电本报a1， \u3000\t\n", max_size=90))
def test_lines_that_may_be_a_dateline_alone_are_found_as_the_pattern_finds_them(text):
    assert list(doubled._dateline_alone_lines(text)) == [m.start() for m in _DATELINE_ALONE.finditer(text)]
