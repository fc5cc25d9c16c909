"""The document model: what a release is made of, before any figure is read.

A release is cut into paragraphs (its lines), sentences and clauses, on the normalised text
(:mod:`extractors.textnorm`). Around the article sit lines that are not part of it (navigation, source
and editor lines, view counts, lists of other articles: *furniture*); some lines are *headings* (short,
no sentence punctuation): the first heading of the article is its *title*. The *dateline* (新华社昆明
5月9日电, 本报讯, 台海网11月22日讯) and the reporter's source (记者从……获悉) say who speaks; the
publication date says when, given by the caller or read off a dateline or the page's date line, else
the year the text itself fixes (a title that names a year: 2021年宿州市国民经济和社会发展统计公报).

Everything here is structure and dates; which *area* a release speaks for is decided from it by
:mod:`extractors.places`, and which period and place each figure belongs to by
:mod:`extractors.scopes`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar, overload

from extractors.textnorm import Normalised, normalise, to_simplified

_T = TypeVar("_T")


class computed_once(Generic[_T]):  # noqa: N801 - a decorator, named as functools.cached_property is
    """What :func:`functools.cached_property` does, without its lock: the value is computed on first use and kept
    in the instance, where later uses find it before the descriptor. A document is read by one thread, and the
    lock was most of the cost of each property's first use (a few of them a release)."""

    def __init__(self, func: Callable[[Any], _T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> computed_once[_T]: ...

    @overload
    def __get__(self, obj: object, owner: type | None = None) -> _T: ...

    def __get__(self, obj: object | None, owner: type | None = None) -> Any:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value

_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_SIX_CJK = re.compile(r"(?:[^\u4e00-\u9fff]*[\u4e00-\u9fff]){6}")  # six CJK characters or more (matched from a start)
SENTENCE_END = re.compile(r"[。!?！？\n]")
CLAUSE_END = re.compile(r"[,，;；:：。!?！？\n]")
# Lines of page furniture: navigation, source and editor lines, counters, sharing, copyright.
FURNITURE_RE = re.compile(
    r"来源[:：]|责任编辑|编辑[:：]|作者[:：]|发布时间|发布日期|浏览次数|阅读次数|点击[数量率]?[:：]|访问量|"
    r"Copyright|版权所有|ICP|地址[:：]|电话[:：]|E-mail|首页\s*[>＞]|当前位置|您的位置|分享到|打印|"
    r"字号|【字体|扫一扫|上一篇|下一篇|关闭窗口|返回顶部|设为首页|收藏本站|主办单位|承办单位|网站地图|"
    r"查看[:：]\s*\d|回复[:：]\s*\d|发表于|显示全部楼层|阅读模式|上一条|下一条|上一主题|下一主题|"
    r"网站标识码|网友评论|条评论|人参与|快速回复|发表评论|Powered by|版权所有|技术支持|备案号|"
    r"今日[:：]\s*\d|昨日[:：]\s*\d|帖子[:：]\s*\d|会员[:：]\s*\d|积分[:：]?\s*\d|在线[:：]?\s*\d|楼主|沙发|板凳"
)
# A photo's caption, closed by its credit (……在杭州东站巡逻。某某公安处 供图; ……维护治安。 张三 摄).
CAPTION_RE = re.compile(r"[。\s][\u4e00-\u9fff·]{2,12}\s*(?:供图|摄|摄影|/摄)\s*$|(?:图为|图片来源[:：])")
MAX_CAPTION = 120
# A navigation bar (首页 | 时政 | 国内 | 国际), a weather box (晴 19℃~31℃), a site's row of papers.
_NAV_BAR = re.compile(r"(?:[^|｜\n]{1,8}\s*[|｜]\s*){3,}|\d{1,2}\s*[℃°]|星期[一二三四五六日天]\s")


def _nav_bar(t: str) -> bool:
    # (the pattern is tried only where a bar, a degree or 星期 is: it would try every character)
    return ("|" in t or "｜" in t or "℃" in t or "°" in t or "星期" in t) and _NAV_BAR.search(t) is not None


# A heading that lists other articles, and the lines under it.
LINKS_HEAD_RE = re.compile(
    r"^\s*[【\[]?(?:相关新闻|相关阅读|相关链接|相关文章|推荐阅读|延伸阅读|热点推荐|猜你喜欢|往期回顾|更多新闻|"
    r"热点排行|热门文章|排行榜|热门推荐|精彩推荐|图片新闻|最新文章|本类推荐|今日推荐)[】\]]?\s*[:：]?\s*$"
)
# A numbered section heading of a bulletin (一、综合, (二)工业).
SECTION_RE = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])")
# Datelines: an agency or paper, maybe a place, a day and 电/讯 (新华社昆明5月9日电), or 本报讯.
# A local item's dateline: its place and 讯 (寻乌讯), maybe after the outlet that carries it (厦门网思明讯);
# the place is group 1 (extractors.places reads it).
LOCAL_DATELINE = re.compile(r"(?:[\u4e00-\u9fff]{1,6}?[网报])?([\u4e00-\u9fff]{2,4})讯")
DATELINE_RE = re.compile(
    r"(?:(?:新华社|中新社|中新网|人民网|新华网|央视网|[\u4e00-\u9fff]{1,8}(?:网|报|台|社))\s*"
    r"(?:[\u4e00-\u9fff]{2,5}?)?\s*\d{1,2}月\d{1,2}日\s*(?:电|讯|消息)|本报讯|本网讯|讯\s*[(（]记者"
    # 寻乌讯（县农业和粮食局 刘春华）, 厦门网思明讯（记者……）: a local item at a line's start, its source in brackets
    r"|(?m:^)" + LOCAL_DATELINE.pattern + r"(?=\s*[(（]))"
)
# What opens a sentence that details the one before it: 其中 (after any spaces), or a part just named
# with 中 (医院中,公立医院462个: the 医院 counted in the sentence before).
_DETAIL_OPENS = re.compile(r"\s*(?:其中|(?P<part>[\u4e00-\u9fff]{2,8})中[,，:：])")
# A line that only names the agencies that publish (三亚市统计局  三亚市交通运输局): a byline, not the title.
_AGENCIES_ONLY = re.compile(
    r"\s*(?:[\u4e00-\u9fff]{2,20}?(?:局|厅|委员会|委|办公室|办|院|署|中心|政府|支队|大队)\s*)+"
)
# The reporter's source: 记者从云南省公安厅获悉, 记者日前从……了解到.
REPORTER_SOURCE_RE = re.compile(r"记者[^,，。;；]{0,8}?(?:从|在)([^,，。;；]{2,30}?)(?:获悉|了解到|获得|得知)")
_DATE_IN_LINE = re.compile(r"((?:19|20)\d{2})\s*(?:年|-|/|\.)\s*(\d{1,2})\s*(?:月|-|/|\.)\s*(\d{1,2})\s*日?")
_CLAUSE_COMMA = re.compile(r"[,，]")
# A year a title names, not a span's start (2023年禁毒工作……; not 2019年以来).
_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?!\s*(?:以来|来|至|到|-|—))")
# A full date (2024年6月25日): the day of a meeting or a report, in the year the release is written.
_FULL_DAY = re.compile(r"((?:19|20)\d{2})年\d{1,2}月\d{1,2}日")
# A year opening the lead's account (记者从……了解到，2024年兰州市计划改造……; 2019年，全县……): the year the
# release reports on, not a year it looks back to (通报了2011年……, 比2015年).
_LEAD_FRAME_YEAR = re.compile(
    r"(?:^|(?<=[,，:：。])|(?<=获悉)|(?<=了解到))\s*((?:19|20)\d{2})年"
    r"(?![以来至到末底初度后代]|前(?![三两一二]季度|[一二三四五六七八九十两\d]{1,2}个月)|\s*[-—~～至到])"
)
# A part of a year with no year of its own: 截至9月底, 1-9月, 前三季度, 上半年.
_PART_OF_YEAR = re.compile(r"(?:截至|截止|1\s*[-—~至到]\s*)\d{1,2}月|前三季度|上半年|一季度|前两个月")
_IMPLIED_YEAR = re.compile(r"(?P<rel>今年|本年|去年|上年)(?:同期)?[(（](?P<y>(?:19|20)\d{2})年")


# Paragraph and Sentence are built by the dozen a release and never changed after: they are not frozen,
# since a frozen dataclass sets each field through object.__setattr__ (three to five times the cost of
# building it), and are hashed by their fields as a frozen one is (unsafe_hash).
@dataclass(slots=True, unsafe_hash=True)
class Paragraph:
    index: int
    start: int
    end: int
    heading: bool  # a short line without sentence punctuation
    furniture: bool  # not part of the article
    section: bool = False  # a numbered section heading (一、综合)
    cell: bool = False  # a cell of a table flattened one cell per line (extractors.tables)


@dataclass(slots=True, unsafe_hash=True)
class Sentence:
    index: int
    start: int
    end: int
    para: int


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


# The bar between the cells of a table written a row per line.
BAR_RE = re.compile(r"[|｜]")
# A row of a table written with bars (地区生产总值 | 812.36亿元 | 4.8): three cells or more, one of them a number.
_TABLE_ROW = re.compile(r"^[^|｜\n]*(?:[|｜][^|｜\n]*){2,}$")
_NUMBER_CELL = re.compile(r"(?:^|[|｜])\s*[-+−]?\d+(?:\.\d+)?\s*[%％]?\s*(?:[|｜]|$)")


# A cell of a table written with spaces between its cells that holds a bare number (963125, -4.2, 3.5%).
_SPACED_NUMBER = re.compile(r"(?<!\S)[-+−]?\d+(?:\.\d+)?[%％]?(?!\S)")
# A cell of a table left empty, written as a dash (规模以上工业增加值 — — 8.4); read by tables too.
PLACEHOLDER_CELL = re.compile(r"(?<!\S)[—–－-]{1,2}(?!\S)")
# A cell that opens with a number, its unit written in it (8.46亿吨, 68微克/立方米, -16.0%).
_SPACED_VALUE = re.compile(r"(?<!\S)[-+−]?\d+(?:\.\d+)?[^\s\d]{0,8}(?!\S)")


def _spaced_header(line: str, nxt: str) -> bool:
    """Whether ``line`` heads a table written with spaces (its next line a row of as many cells)."""
    return " " in line.strip() and is_table_row(nxt) and "|" not in nxt and len(line.split()) == len(nxt.split())


def is_table_row(line: str) -> bool:
    """A row of a table written with bars (地区生产总值 | 812.36亿元 | 4.8), or with spaces between three cells
    or more, two of them bare numbers (公路客运量 人 963125 -4.2 7128340 -3.5)."""
    if "|" in line or "｜" in line:
        return _TABLE_ROW.match(line) is not None and _NUMBER_CELL.search(line) is not None
    # (a line without a space between two characters is no spaced row: the patterns are not tried on it)
    if " " not in line.strip() or len(line.split()) < 3:
        return False
    numbers = len(_SPACED_NUMBER.findall(line))
    if numbers >= 2 or numbers == 1 and PLACEHOLDER_CELL.search(line):
        return True  # (a cell left empty, written —, holds a place: 规模以上工业增加值 — — 8.4)
    if "  " in line.strip():
        # two spaces between cells at least, two cells opening with a number: 公路货运量  8.46亿吨  12.1%
        return len(_SPACED_VALUE.findall(line)) >= 2
    # (a single space will do when every cell after the label opens with a number, or is an aside in
    # parentheses with one: 西昌市 612起 -9.1%, 走私毒品 29起 (缴获毒品42.6公斤))
    cells = line.split()
    values = [bool(_SPACED_VALUE.fullmatch(c)) or c[0] in "(（" and any(ch.isdigit() for ch in c) for c in cells[1:]]
    return all(values) and len(values) >= 2


def is_name_value_row(line: str) -> bool:
    """A row of a list written with spaces: a name, then a value or a few, each with its unit and perhaps a short
    label (锡林浩特市　238件; 药品医疗器械  387件  罚没款524.7万元)."""
    t = line.strip()
    return len(t) <= 40 and (" " in t or "\u3000" in t) and _NAME_VALUE_ROW.fullmatch(t) is not None


def is_label_row(line: str) -> bool:
    """A row of a list written as a label, a colon and its values (城市低保:1137户,1682人,发放资金1563.2万元)."""
    return ":" in line and _LABEL_ROW.fullmatch(line.strip()) is not None


# A name, then one to four values after spaces: 锡林浩特市　238件, 药品医疗器械  387件  罚没款524.7万元, 生猪出栏 87.3万头
# 同比+1.6% (a change may carry its sign).
_NAME_VALUE_ROW = re.compile(
    r"[\u4e00-\u9fff()（）]{2,16}(?:[ \u3000]+[\u4e00-\u9fff]{0,4}[+\-＋－]?\d[\d.,]*[\u4e00-\u9fff%‰/]{0,6}){1,4}"
)
# A label, a colon, then one to six values with their labels and units, set apart by commas (see is_label_row).
_ROW_VALUE = r"[\u4e00-\u9fff]{0,6}\d[\d.,]*[\u4e00-\u9fff%‰/]{0,6}"
_LABEL_ROW = re.compile(rf"[\u4e00-\u9fff()（）]{{2,14}}:\s*{_ROW_VALUE}(?:[,、;]\s*{_ROW_VALUE}){{0,5}}")


def is_heading_line(line: str) -> bool:
    t = line.strip()
    if not t or len(t) > 50 or "。" in t or ";" in t or "；" in t or t[-1] in "!?！？":
        return False  # but 刷单返利又来了！市民王女士被骗18万余元 is a title
    # (the tests on characters first: the patterns are tried on the few short lines left)
    if t.endswith(("如下:", "如下：")) and len(t) <= 30 and "，" not in t and "," not in t:
        return True  # 前三季度各旗县市立案情况如下: a caption over the rows under it, its period theirs
    return not t.endswith((",", ":", "：", "、")) and _CJK_RE.search(t) is not None and not is_table_row(t)


MAX_FURNITURE = 1000  # a longer line is text, whatever it contains (and is not searched: time linear in few lines)


def _furniture_flags(lines: list[str]) -> list[bool]:
    flags = []
    in_links = False
    for line in lines:
        t = line.strip()
        if LINKS_HEAD_RE.match(t):
            in_links = True
            flags.append(True)
            continue
        if in_links and t and "。" not in t and len(t) <= 80:
            flags.append(True)
            continue
        if t:
            in_links = False
        flags.append(bool(t) and len(t) <= MAX_FURNITURE and (
            "。" not in t and (FURNITURE_RE.search(t) is not None or _nav_bar(t) and not is_table_row(t))
            or len(t) <= MAX_CAPTION and ("图" in t or "摄" in t) and CAPTION_RE.search(t) is not None
        ))
    _links_in_footer(lines, flags)
    _table_headers(lines, flags)
    return flags


def _table_headers(lines: list[str], flags: list[bool]) -> None:
    """A line of short cells between bars (指标 | 一月 | 二月 | 三月) is a navigation bar unless a row of a
    table with as many bars comes right after it: then it is that table's header."""
    kept = [i for i, line in enumerate(lines) if line.strip()]
    for a, b in zip(kept, kept[1:], strict=False):
        if not flags[a]:
            continue  # (only furniture is looked at: the lines are not stripped and searched for the rest)
        t, u = lines[a].strip(), lines[b].strip()
        if FURNITURE_RE.search(t) is None and is_table_row(u) and len(BAR_RE.findall(t)) == len(BAR_RE.findall(u)):
            flags[a] = False



MAX_LINK = 60


def _links_in_footer(lines: list[str], flags: list[bool]) -> None:
    """After the article's last sentence, a short line without a full stop between two lines of
    furniture ([作者：……] / 湘西州：一季度全州新增就业4200人 / 湖南日报……ICP备): the title of another
    article, linked in the page's footer. Before the last sentence such a line may be the title."""
    last = len(lines) - 1  # (read from the end)
    while last >= 0 and "。" not in lines[last]:
        last -= 1
    if last < 0:
        return
    kept = [i for i in range(last + 1, len(lines)) if lines[i].strip()]
    for k in range(1, len(kept) - 1):
        i = kept[k]
        t = lines[i].strip()
        if not flags[i] and len(t) <= MAX_LINK and flags[kept[k - 1]] and flags[kept[k + 1]]:
            flags[i] = True


# A table flattened one cell per line: short lines, no sentence punctuation, numbers among them.
MAX_CELL = 30
MIN_CELLS = 6
_CELL_BREAK = re.compile("[。；;!?！？]")  # sentence punctuation: no cell holds it
VALUE_CELL_RE = re.compile(r"^(?P<num>[-+−]?\d+(?:\.\d+)?)\s*(?P<rest>[%‰]|[\u4e00-\u9fff]{1,4}(?:/[\u4e00-\u9fff]{1,4})?)?$")


def _cell_flags(lines: list[str], furniture: list[bool]) -> list[bool]:
    """Which lines are cells of a flattened table: runs of at least six short lines without sentence
    punctuation (blank lines between them allowed), two or more of them numbers and two or more not."""
    flags = [False] * len(lines)
    run: list[int] = []

    def close() -> None:
        if len(run) >= MIN_CELLS:  # (the cells are read only in a run long enough)
            values = sum(1 for i in run if VALUE_CELL_RE.match(lines[i].strip()))
            if values >= 2 and len(run) - values >= 2:
                for i in run:
                    flags[i] = True
        run.clear()

    for i, line in enumerate(lines):
        t = line.strip()
        if not t:
            continue
        if len(t) > MAX_CELL or furniture[i] or _CELL_BREAK.search(t) is not None:
            if run:
                close()
            continue
        run.append(i)
    close()
    return flags


# Line ends that close a sentence (after them a new line is a new paragraph) and that close a clause.
_TERMINAL = tuple("。！？!?；;…”\"』」】)）")
_CLAUSE_ENDS = tuple("，,、：:")
_BULLETS = "·•・●▪■◆>-"
# A line that opens with a quantity (not a date): the number of the clause the line before began.
_QUANTITY_START = re.compile(r"[-+]?[\d０-９]+(?:[.．][\d０-９]+)?(?![\d０-９.．]*\s*[年月日号时/:：-])")
_DATED_LINK = re.compile(r"(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}[)）]?\s*$")


def continuation_breaks(text: str) -> list[tuple[int, int]]:
    """Spans (line break and the spaces around it) where a sentence goes on across a line break:
    pages that print a phrase per line (4月13日至15日\n泼水节假期，\n西双版纳州\n共接待游客\n156.8万人次，).
    A break is a continuation after a line that ends a clause (，、：), and inside a block of short
    fragmentary lines (no blank line between them, two or more ending a clause) after any line that
    does not end a sentence. Furniture, titles and table cells are left alone."""
    lines = text.split("\n")
    furniture: dict[int, bool] = {}

    def furniture_line(k: int) -> bool:
        """Whether line ``k`` holds a furniture word (matched in simplified form), read once a line."""
        if k not in furniture:
            furniture[k] = FURNITURE_RE.search(to_simplified(lines[k])) is not None
        return furniture[k]

    out: list[tuple[int, int]] = []
    starts = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    stripped = [line.strip() for line in lines]  # (each line is looked at stripped several times)
    # blocks of consecutive non-empty lines
    i = 0
    while i < len(lines):
        if not stripped[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and stripped[j + 1]:
            j += 1
        block = stripped[i : j + 1]
        clause_ends = sum(1 for t in block if t.endswith(_CLAUSE_ENDS))
        fragmentary = (
            len(block) >= 3 and clause_ends >= max(2, 0.3 * len(block)) and sum(len(t) <= 30 for t in block) >= 0.6 * len(block)
        )
        for k in range(i, j):
            t = lines[k].rstrip()
            nxt = stripped[k + 1]
            if not stripped[k] or t.endswith(_TERMINAL) or nxt[:1] in _BULLETS:
                continue
            quantity_next = (
                _QUANTITY_START.match(nxt) is not None and not _ITEM_START.match(nxt) and len(stripped[k]) <= 30 and clause_ends >= 1
            )
            if not (t.endswith(_CLAUSE_ENDS) or (fragmentary and len(stripped[k]) <= 30) or quantity_next):
                continue
            # the costlier tests last, on the few breaks that would join lines
            if furniture_line(k) or furniture_line(k + 1):
                continue
            if LINKS_HEAD_RE.match(to_simplified(t)) or _DATED_LINK.search(nxt):
                continue  # 相关新闻： and the list under it: lines of their own
            sp = nxt.replace("\u3000", " ")  # (the cleaned text writes full-width spaces as spaces)
            if " " in sp and (
                is_table_row(sp) or is_name_value_row(sp)
                or k + 2 < len(lines) and _spaced_header(sp, lines[k + 2].replace("\u3000", " "))
            ):
                continue  # 如下： then a table written with spaces (its header or a row): lines of their own
            if t.endswith((":", "：")) and _LABELLED_ITEM.match(nxt):
                continue  # 如下： then items named before a colon each (粮食加工品:抽检5120批次): lines of their own
            if t.endswith((":", "：")) and _BREAKDOWN_CAPTION.fullmatch(t):
                continue  # 从起火场所看: then its rows (住宅火灾 118起,占37.8%): lines of their own
            a = starts[k] + len(t)
            b = starts[k + 1] + (len(lines[k + 1]) - len(lines[k + 1].lstrip()))
            out.append((a, b))
        # a clause cut by a blank line (宾川县发生事故24起，\n\n死亡6人): a line that ends on a comma, then
        # blank lines, then a line that opens no item of its own (no bullet, number or heading)
        t = lines[j].rstrip()
        k = j + 1
        while k < len(lines) and not stripped[k]:
            k += 1
        if (
            k > j + 1 and k < len(lines) and t.endswith(_MID_CLAUSE_ENDS)
            and not furniture_line(j) and not furniture_line(k)
        ):
            nxt = stripped[k]
            if nxt[:1] not in _BULLETS and not _ITEM_START.match(nxt) and not is_heading_line(lines[k]):
                out.append((starts[j] + len(t), starts[k] + (len(lines[k]) - len(lines[k].lstrip()))))
        i = j + 1
    return out


# How a breakdown is cut, before its figures (从当月看, 分行业看, 从结构上看); on a line of its own with a colon, the
# caption of the rows under it (从起火场所看:).
BREAKDOWN_FRAME = re.compile(r"(?:从|分)[\u4e00-\u9fff]{1,8}(?:上)?(?:来)?看")
_BREAKDOWN_CAPTION = re.compile(BREAKDOWN_FRAME.pattern + "[:：]")
# A line that opens with the name of an item of a list, then a colon (粮食加工品:抽检5120批次,合格率99.6%).
_LABELLED_ITEM = re.compile(r"[\u4e00-\u9fff()（）]{2,10}[:：](?=\S)")
# Line ends that leave a clause open across a blank line, and the openings of an item of its own.
_MID_CLAUSE_ENDS = ("，", ",", "、")
_ITEM_START = re.compile(r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})[.．、)）](?![\d０-９])|[(（](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）]")


class Document:
    """A release's structure and dates, on its normalised text ``s`` (offsets into ``s``; map them back
    to the original with ``norm.to_original_span``)."""

    def __init__(self, text: str, *, published: date | None = None, region: str | None = None) -> None:
        self.text = text
        self.norm: Normalised = normalise(text, continuation_breaks(text))
        self.s: str = self.norm.text
        self.source_region = region
        s = self.s
        lines = s.split("\n")
        furniture = _furniture_flags(lines)
        cells = _cell_flags(lines, furniture)
        paras: list[Paragraph] = []
        pos = 0
        after_section = False  # the last line with text was a numbered section heading (一、, (二))
        for i, line in enumerate(lines):
            end = pos + len(line)
            section = SECTION_RE.match(line) is not None
            heading = not cells[i] and is_heading_line(line)
            if heading and i + 1 < len(lines) and _spaced_header(line, lines[i + 1]):
                heading = False  # 指标名称 计量单位 本月 …: the header of the spaced table under it, not a heading
            if heading and after_section and not section and len(_CLAUSE_COMMA.findall(line)) >= 2:
                heading = False  # 一、九月情况 then 9月份,全市发生……2起,死亡2人 without its full stop: the section's text
            if line.strip():
                after_section = section
            paras.append(Paragraph(i, pos, end, heading, furniture[i], section, cells[i]))
            pos = end + 1
        self.paragraphs: tuple[Paragraph, ...] = tuple(paras)
        self._para_starts = starts = [p.start for p in paras]
        sents: list[Sentence] = []
        a = 0
        for m in SENTENCE_END.finditer(s):
            b = m.end()
            if b > a:
                k = bisect_right(starts, a) - 1  # para_index(a), written out: once a sentence
                sents.append(Sentence(len(sents), a, b, k if k > 0 else 0))
            a = b
        if a < len(s):
            sents.append(Sentence(len(sents), a, len(s), self.para_index(a)))
        self.sentences: tuple[Sentence, ...] = tuple(sents)
        self._sent_starts = [x.start for x in sents]
        self.title: Paragraph | None = self._find_title()
        given = published
        self.published_from = "given" if given is not None else None
        if given is None:
            given = self._dateline_date()
            if given is not None:
                self.published_from = "page"
        self.published: date | None = given

    # ------------------------------------------------------------------ structure

    # These lookups are asked a few hundred times a release: each is one binary search, written out
    # in place rather than through another method.

    def para_index(self, pos: int) -> int:
        k = bisect_right(self._para_starts, pos) - 1
        return k if k > 0 else 0

    def paragraph(self, pos: int) -> Paragraph:
        k = bisect_right(self._para_starts, pos) - 1
        return self.paragraphs[k if k > 0 else 0]

    def sentence(self, pos: int) -> Sentence:
        if not self.sentences:
            return Sentence(0, 0, len(self.s), 0)
        k = bisect_right(self._sent_starts, pos) - 1
        return self.sentences[k if k > 0 else 0]

    def with_details(self, sent: Sentence) -> Sentence:
        """The last of ``sent`` and the sentences right after it that open with 其中 or with a part it names
        (医院中,): they detail it (目前,……。其中,……), so what holds for a sentence holds on into them (not
        across a heading)."""
        while True:
            nxt = self.sentence(sent.end + 1)
            if nxt.index <= sent.index or self.is_heading(nxt.start):
                return sent
            m = _DETAIL_OPENS.match(self.s, nxt.start, nxt.end)
            if m is None or m.group("part") is not None and self.s.find(m.group("part"), sent.start, sent.end) < 0:
                return sent
            sent = nxt

    @computed_once
    def _breaks(self) -> list[int]:
        return [m.start() for m in CLAUSE_END.finditer(self.s)]

    def clause(self, pos: int) -> tuple[int, int]:
        """The clause holding ``pos``: from after the previous comma, semicolon, colon or sentence end
        to the next (a binary search over the breaks: no scan, however long the sentence). Every
        character that ends a sentence (SENTENCE_END) is a break too, so the clause never reaches past
        its sentence and is not cut to it."""
        breaks = self._breaks
        k = bisect_left(breaks, pos)  # breaks before pos: breaks[:k]
        return (breaks[k - 1] + 1 if k > 0 else 0), (breaks[k] if k < len(breaks) else len(self.s))

    @computed_once
    def _heading_flags(self) -> list[bool]:
        """Per paragraph, whether it is a heading of the article (a heading, not furniture): asked for a
        figure's position many times a release, answered by one binary search and an index."""
        return [p.heading and not p.furniture for p in self.paragraphs]

    def is_heading(self, pos: int) -> bool:
        k = bisect_right(self._para_starts, pos) - 1
        return self._heading_flags[k if k > 0 else 0]

    def is_furniture(self, pos: int) -> bool:
        k = bisect_right(self._para_starts, pos) - 1
        return self.paragraphs[k if k > 0 else 0].furniture

    @computed_once
    def body_paragraphs(self) -> tuple[Paragraph, ...]:
        """Paragraphs of the article's prose: not headings, not furniture, not empty."""
        s = self.s
        return tuple(p for p in self.paragraphs if not p.heading and not p.furniture and s[p.start : p.end].strip())

    @computed_once
    def lead(self) -> Paragraph | None:
        """The first paragraph of prose after the title."""
        after = self.title.start if self.title is not None else -1
        for p in self.body_paragraphs:  # (a loop: a generator left at its first hit is closed by an exception)
            if p.start > after and _CJK_RE.search(self.s, p.start, p.end):
                return p
        return None

    def _find_title(self) -> Paragraph | None:
        """The article's title: a heading line of some length that is not furniture, best one the text
        repeats (pages print the title twice), else the first one before the first prose paragraph."""
        s = self.s
        first_prose = len(self.paragraphs)
        for p in self.paragraphs:
            if not p.heading and not p.furniture and s.find("。", p.start, p.end) >= 0:
                first_prose = p.index
                break
        cands = [
            p for p in self.paragraphs[: first_prose + 1]
            if p.heading and not p.furniture and _SIX_CJK.match(s, p.start, p.end)
            and not SECTION_RE.match(s[p.start : p.end]) and not _AGENCIES_ONLY.fullmatch(s, p.start, p.end)
        ]
        if not cands:
            return None
        texts = [s[p.start : p.end].strip() for p in cands]
        for p, t in zip(cands, texts, strict=True):
            if texts.count(t) > 1 or any(t != u and t in u for u in texts):
                return p
        return cands[0]

    @property
    def title_text(self) -> str:
        return self.s[self.title.start : self.title.end] if self.title is not None else ""

    # ------------------------------------------------------------------ who speaks, and when

    @computed_once
    def dateline(self) -> tuple[int, int] | None:
        """The span of the dateline (新华社昆明5月9日电, 本报讯), in the first prose paragraphs."""
        s = self.s
        for p in self.paragraphs[:40]:
            if s.find("讯", p.start, p.end) < 0 and s.find("电", p.start, p.end) < 0 and s.find("消息", p.start, p.end) < 0:
                continue  # every dateline ends on 电, 讯 or 消息 (or is 本报讯): the pattern is not tried without them
            m = DATELINE_RE.search(s, p.start, p.end)
            if m is not None:
                return m.span()
        return None

    @computed_once
    def reporter_source(self) -> tuple[int, int] | None:
        """The span of the body the reporter got the news from (记者从[云南省公安厅]获悉)."""
        for p in self.body_paragraphs[:3]:
            if self.s.find("记者", p.start, p.end) < 0:
                continue
            m = REPORTER_SOURCE_RE.search(self.s, p.start, p.end)
            if m is not None:
                return m.span(1)
        return None

    def _dateline_date(self) -> date | None:
        """A publication date from a short line that holds a full date (the page's date line or a
        dateline), first and last lines only."""
        lines = [(p.start, p.end) for p in self.paragraphs if self.s[p.start : p.end].strip()]
        for a, b in lines[:8] + lines[-3:]:
            ln = self.s[a:b].strip()
            if len(ln) > 60 or "。" in ln:
                continue
            m = _DATE_IN_LINE.search(ln)
            if m is None:
                continue
            y, mo, d = (int(x) for x in m.groups())
            day = _safe_date(y, mo, d)
            if day is not None:
                return day
        return None

    @computed_once
    def implied_year(self) -> int | None:
        """With no publication date: the year the text fixes for 今年, where it says so
        (今年（2024年）, 去年同期（2023年1至4月）, 比去年（2022年）)."""
        m = _IMPLIED_YEAR.search(self.s)
        if m is None:
            return None
        y = int(m.group("y"))
        return y + 1 if m.group("rel") in ("去年", "上年") else y

    @computed_once
    def text_year(self) -> int | None:
        """With no publication date: the year the text itself fixes for 今年, tried in this order.

        * stated for 今年 (今年（2024年）, 去年同期（2023年1至4月）): :attr:`implied_year`;
        * the one year the title names (南寧市2023年禁毒工作新聞發布會: 今年4月 is April 2023);
        * the year of the first full date in the first two paragraphs (2024年6月25日, the day of the meeting
          or the report), unlike a bare year there, often the year before the release's own (通报了2011年……);
        * the one year that opens a clause of the first paragraph and is still running there (2024年兰州市计划
          改造……。截至9月底,已开工……). A year the lead reports as done (获悉,2022年,全省破获……) fixes nothing."""
        return self.implied_year or self._title_year() or self._lead_day_year() or self._lead_frame_year()

    def _title_year(self) -> int | None:
        years = {int(y) for y in _TITLE_YEAR.findall(self.title_text)} if self.title is not None else set()
        return years.pop() if len(years) == 1 else None

    def _lead_day_year(self) -> int | None:
        for p in self.body_paragraphs[:2]:
            m = _FULL_DAY.search(self.s, p.start, p.end)
            if m is not None:
                return int(m.group(1))
        return None

    def _lead_frame_year(self) -> int | None:
        if not self.body_paragraphs:
            return None
        p = self.body_paragraphs[0]
        lead = self.s[p.start : p.end]
        found = list(_LEAD_FRAME_YEAR.finditer(lead))
        if len({m.group(1) for m in found}) != 1 or not _PART_OF_YEAR.search(lead, found[0].end()):
            return None
        return int(found[0].group(1))

def read(text: str, *, published: date | None = None, region: str | None = None) -> Document:
    """The document model of ``text``."""
    return Document(text, published=published, region=region)


__all__ = ["Document", "Paragraph", "Sentence", "is_heading_line", "read"]
