"""Tables that reached us flattened, one cell per line (what a cleaner makes of an HTML table):

    2021年全市生产总值及增长速度
    指    标
    绝对数(亿元)
    比上年增长(%)
    地区生产总值
    2167.67
    8.5
    其中:第一产业[3]
    332.13
    8.0

A run of short lines without sentence punctuation, some of them numbers, is read as a table: the
cells before the first row are its headers (a title, the label column's header, one header per value
column), then each row is a label followed by its values. A value takes its unit from its own cell
(162817吨) or from its column's header (绝对数(亿元): 亿元; 比上年增长(%): a change in percent against
the year before), and its subject from the row's label. Offsets are into the normalised text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.document import BAR_RE, PLACEHOLDER_CELL, VALUE_CELL_RE, Document
from extractors.numbers import multiplier_at
from extractors.units import Unit, unit_at

_HEADER_UNIT = re.compile(r"[(（]([^()（）]{1,6})[)）]")
_CHANGE_HEADER = re.compile(r"增长|增减|比上年|较上年|同比|环比|比去年|增速|增幅")
_LABEL_NOISE = re.compile(r"^\s*(?:其中[:：]?|#)|\[\d{1,2}\]|\s+")


@dataclass(frozen=True, slots=True)
class ValueCell:
    """A number in a table cell, with what the table says of it."""

    start: int  # the number (and a unit written in the cell), in the normalised text
    end: int
    value: float  # as written in the cell, the sign included, before the column's multiplier
    label: str  # the row's label: what the value counts
    header: str  # the column's header
    unit: Unit | None  # from the cell, else from the header
    multiplier: int  # from the header (亿元: 10**8) when the cell has no unit of its own
    comparison: str | None  # yoy for a column of changes (比上年增长(%)), mom for 环比
    header_start: int = -1  # where the column's header stands (its period, if it names one)
    label_start: int = -1  # where the row's label stands (its place, if it names one)
    header_end: int = -1  # where the column's header ends (a caption made a header: the caption's end)


@dataclass(frozen=True, slots=True)
class _Cell:
    start: int
    end: int
    text: str
    value: bool


# A cell that states a change with its word (下降6.2%, 上升3.1%): a value, its sign the word's.
_CHANGE_CELL = re.compile(r"(?P<word>下降|上升|增长|减少|提高|降低|回落|回升)(?P<num>\d+(?:\.\d+)?)(?P<rest>%|个百分点)")
_DECREASE_CELL = frozenset(("下降", "减少", "降低", "回落"))


def _is_value(t: str) -> bool:
    """A cell that holds a value: a number, alone or with a unit (2023年 is a header, not a value), or a change
    with its word (下降6.2%)."""
    if t[:1] in "下上增减提降回" and _CHANGE_CELL.fullmatch(t):
        return True
    m = VALUE_CELL_RE.match(t)
    if m is None:
        return False
    rest = m.group("rest") or ""
    return not rest or unit_at(rest, 0) is not None or multiplier_at(rest, 0) is not None


def _cells(doc: Document) -> list[list[_Cell]]:
    """The runs of cells the document model found, cell by cell."""
    s = doc.s
    runs: list[list[_Cell]] = []
    cur: list[_Cell] = []
    last = -2
    for p in doc.paragraphs:
        if not p.cell:
            continue
        if cur and any(not q.cell and s[q.start : q.end].strip() for q in doc.paragraphs[last + 1 : p.index]):
            runs.append(cur)
            cur = []
        raw = s[p.start : p.end]
        t = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        cur.append(_Cell(p.start + lead, p.start + lead + len(t), t, _is_value(t)))
        last = p.index
    if cur:
        runs.append(cur)
    return runs


def _unit_only(t: str) -> bool:
    """A cell that is only a unit (吨, 万元, 亩)."""
    m = multiplier_at(t, 0)
    k = len(m[0]) if m else 0
    u = unit_at(t, k)
    return u is not None and k + len(u.text) == len(t)


def _is_unit_header(t: str) -> bool:
    return t.replace(" ", "") in ("单位", "计量单位")


def _header_unit(header: str) -> tuple[Unit | None, int]:
    m = _HEADER_UNIT.search(header)
    if m is None:
        return None, 1
    inner = m.group(1)
    mult = multiplier_at(inner, 0)
    k = len(mult[0]) if mult else 0
    return unit_at(inner, k), mult[1] if mult else 1


def value_cells(doc: Document) -> list[ValueCell]:
    """Every value of every flattened table of ``doc``."""
    out: list[ValueCell] = []
    for run in _cells(doc):
        headers: list[_Cell] = []
        caption_unit: str | None = None
        row_unit: dict[int, str] = {}
        i = 0
        in_rows = False
        while i < len(run):
            c = run[i]
            if c.value:
                i += 1
                continue
            nxt = run[i + 1] if i + 1 < len(run) else None
            if nxt is not None and not nxt.value and _unit_only(nxt.text) and i + 2 < len(run) and run[i + 2].value:
                # 粮食 | 吨 | 143218 | 1.2: the unit cell belongs to the row
                row_unit[id(run[i + 2])] = nxt.text
                run = run[: i + 1] + run[i + 2 :]
                nxt = run[i + 1]
            if nxt is None or not nxt.value:
                if in_rows:  # a new table title or header row after rows: a new table
                    headers, in_rows, caption_unit = [], False, None
                cm = _CAPTION_UNIT.fullmatch(c.text)
                if cm is not None and not cm.group(1) and _unit_only(cm.group(2)):
                    caption_unit = cm.group(2)  # 单位：万元 on a line of its own: the unit of the bare values
                else:
                    headers.append(c)
                i += 1
                continue
            # a row: this label and the values after it (a cell holding only a unit, under a 单位
            # column, gives the bare values after it their unit)
            in_rows = True
            values = []
            j = i + 1
            while j < len(run) and run[j].value:
                values.append(run[j])
                j += 1
            cols = [h for h in headers if not _is_unit_header(h.text)]
            cols = cols[-len(values) :] if len(cols) >= len(values) else []
            unit_text = row_unit.get(id(values[0])) if values else None
            label = _LABEL_NOISE.sub("", c.text)
            for k, v in enumerate(values):
                col = cols[k] if cols else None
                cu = unit_text if k == 0 else None
                if cu is None and caption_unit is not None and (
                    col is None or _header_unit(col.text)[0] is None and "%" not in col.text and "％" not in col.text
                ):
                    cu = caption_unit
                cell = _value_cell(v, label, c.start, col, cu)
                if cell is not None:
                    out.append(cell)
            i = j
    return out


def _value_cell(v: _Cell, label: str, label_start: int, header: _Cell | None, row_unit: str | None) -> ValueCell | None:
    """The value of cell ``v`` in the row named ``label`` under column ``header``: its unit from the
    cell, else from the row's unit cell (``row_unit``), else from the header; None when a word that is
    no unit follows the number (not a value cell after all)."""
    head = header.text if header is not None else ""
    if (cm := _CHANGE_CELL.fullmatch(v.text)) is not None:
        # 下降6.2% under 同比: the number (its sign the word's) with its unit, where the text's own reading of it
        # stands (at the number, after the word)
        sign = -1.0 if cm.group("word") in _DECREASE_CELL else 1.0
        changed = "mom" if "环比" in head else "yoy"
        return ValueCell(v.start + cm.start("num"), v.start + cm.end("rest"), sign * float(cm.group("num")), label, head,
                         unit_at(cm.group("rest"), 0), 1, changed, header.start if header is not None else -1,
                         label_start, header.end if header is not None else -1)
    m = VALUE_CELL_RE.match(v.text)
    assert m is not None
    rest = m.group("rest") or ""
    cell_mult = multiplier_at(rest, 0) if rest else None  # 458.62亿元: a multiplier before the cell's unit
    skip = len(cell_mult[0]) if cell_mult else 0
    own = unit_at(rest, skip) if rest else None
    if rest and own is None:
        return None
    end = v.start + len(m.group("num")) + (skip + len(own.text) if own else 0)  # (a unit of the cell's own)
    # the multiplier of a unit the row writes (亿元 under a 单位 column: 10**8); one written in the cell itself
    # (458.62亿元) is read with the number, not here
    own_mult = 1
    if own is None and row_unit:
        um = multiplier_at(row_unit, 0)
        own = unit_at(row_unit, len(um[0]) if um else 0)
        own_mult = um[1] if um and own is not None else 1
    h_unit, h_mult = _header_unit(head)
    unit, mult = (own, own_mult) if own else (h_unit, h_mult)
    if unit is None and ("%" in head or "％" in head):
        unit = unit_at("%", 0)
    comparison = "mom" if "环比" in head else "yoy" if _CHANGE_HEADER.search(head) else None
    if unit is None and comparison is None and "(" in label:
        # 电信业务收入(亿元) | 1021.4 | 2.8%: the unit the row's label writes, for its values (not its changes)
        unit, mult = _header_unit(label)
    return ValueCell(v.start, end, float(m.group("num").replace("−", "-")), label, head, unit,
                     mult, comparison, header.start if header is not None else -1, label_start,
                     header.end if header is not None else -1)


_DASH = re.compile(r"^[-—–－:：\s]*$")


def _all_dashes(cells: list[_Cell]) -> bool:
    """Whether every cell is a rule (---, :--:): a loop, not all() over a generator, which is closed by raising
    an exception in it when it stops at the first cell of text."""
    for c in cells:
        if not _DASH.match(c.text):
            return False
    return True


def _pipe_rows(doc: Document) -> list[list[list[_Cell]]]:
    """Tables written a row per line with their cells between bars (指标 | 绝对值 | 同比增长(%)): runs of
    two or more lines with as many cells each, three or more cells a line; a rule line (---|---) is
    left out."""
    s = doc.s
    tables: list[list[list[_Cell]]] = []
    if "|" not in s and "｜" not in s:
        return tables  # no bar anywhere: no line is a row
    cur: list[list[_Cell]] = []
    for p in doc.paragraphs:
        line = s[p.start : p.end]
        if p.furniture or len(BAR_RE.findall(line)) < 2:
            if len(cur) >= 2:
                tables.append(cur)
            cur = []
            continue
        cells: list[_Cell] = []
        pos = p.start
        for part in BAR_RE.split(line):
            t = part.strip()
            a = pos + len(part) - len(part.lstrip())
            cells.append(_Cell(a, a + len(t), t, _is_value(t)))
            pos += len(part) + 1
        while cells and not cells[0].text:
            cells.pop(0)  # | a | b |: the bars at the ends
        while cells and not cells[-1].text:
            cells.pop()
        if _all_dashes(cells):
            continue
        if len(cells) < 3 or cur and len(cells) != len(cur[0]):
            if len(cur) >= 2:
                tables.append(cur)
            cur = []
            if len(cells) < 3:
                continue
        cur.append(cells)
    if len(cur) >= 2:
        tables.append(cur)
    return tables


# A line that may be a row of a table written with spaces between its cells: no sentence punctuation.
# 其中: opening a row's label (其中：工业 万千瓦时 2301475 -1.9): no sentence punctuation of the row's.
_ROW_LEAD = re.compile(r"^\s*其中[:：]")
_SPACED_NOT_ROW = re.compile(r"[，。；：,;:!?！？]")  # (、 may stand inside a cell: 县（市、区）, 小麦、大麦)
_SPACE_RUN = re.compile(r"\S+")


def _spaced_rows(doc: Document) -> list[list[list[_Cell]]]:
    """Tables written a row per line with spaces between the cells (指标名称 计量单位 本月 …, then 公路客运量 人
    963125 -4.2 …): runs of two or more lines with as many cells each (three or more), none with sentence
    punctuation, where every line after the first holds two values at least; furniture lines are left out."""
    s = doc.s
    tables: list[list[list[_Cell]]] = []
    cur: list[list[_Cell]] = []
    before: list[int] = [-1]  # the paragraph before the table's first row

    def close() -> None:
        if len(cur) >= 2:
            if any(c.value for c in cur[0][1:]) and (head := _header_above(doc, before[0], len(cur[0]))) is not None:
                cur.insert(0, head)  # (the caption's line ran on into the header: 如下(单位:……):断面名称  所在河流  ……)
            tables.append(list(cur))
        cur.clear()

    captioned = False  # whether the line before states the units of a table (表二 固定资产投资(单位:亿元、%))
    for p in doc.paragraphs:
        line = s[p.start : p.end]
        # (a line of fewer than three cells is no row, and closes the table as the test of its cells below
        # would: most lines of prose hold no space, and the patterns are not tried on them)
        if (
            p.furniture or p.cell or len(line.split()) < 3 or BAR_RE.search(line)
            or _SPACED_NOT_ROW.search(_ROW_LEAD.sub("", line, count=1))
        ):
            close()
            captioned = "单位" in line and not p.furniture and _CAPTION_UNIT.search(line) is not None
            continue
        cells = [_Cell(p.start + m.start(), p.start + m.end(), m.group(0), _is_value(m.group(0)))
                 for m in _SPACE_RUN.finditer(line)]
        # (a cell left empty, written —, holds its column's place: 规模以上工业增加值 — — 8.4)
        filled = sum(c.value or PLACEHOLDER_CELL.fullmatch(c.text) is not None for c in cells)
        if not cur and captioned and len(cells) >= 3 and filled == len(cells) - 1 and not cells[0].value:
            # rows right under a caption that states their units, with no header row: a header of no words
            # (its cells stand where the first row does, so the caption is the line before it)
            cur.append([_Cell(c.start, c.start, "", False) for c in cells])
        elif len(cells) < 3 or cur and len(cells) != len(cur[0]) or cur and (filled < 2 or not any(c.value for c in cells)):
            close()
            if len(cells) < 3 or filled >= 2:
                captioned = False
                continue  # (a row whose header is not there is no table)
        captioned = False
        if not cur:
            before[0] = p.index - 1
        cur.append(cells)
    close()
    return tables


def _header_above(doc: Document, k: int, n: int) -> list[_Cell] | None:
    """The header of a table whose first row holds values, where the line above ends, after its last colon,
    in as many cells of words (主要断面水质情况如下(单位:毫克/升):断面名称  所在河流  水质类别  浓度  同比)."""
    if k < 0:
        return None
    p = doc.paragraphs[k]
    line = doc.s[p.start : p.end]
    at = max(line.rfind(":"), line.rfind("："))
    if at < 0 or p.furniture:
        return None
    cells = [_Cell(p.start + m.start(), p.start + m.end(), m.group(0), _is_value(m.group(0)))
             for m in _SPACE_RUN.finditer(line, at + 1)]
    if len(cells) != n or any(c.value for c in cells) or _SPACED_NOT_ROW.search(line, at + 1):
        return None
    return cells


# A caption's units: 单位:万元 for every column, or 检查主体单位:家次;立案单位:件 column by column.
_CAPTION_UNIT = re.compile(r"([\u4e00-\u9fff]{0,8}?)单位[:：]\s*([\u4e00-\u9fff%‰/]{1,6})")
# Or a list of them, one for each value column in order (表一 工业生产(单位:亿元、%)).
_CAPTION_UNIT_LIST = re.compile(r"单位[:：]\s*([\u4e00-\u9fff%‰/]{1,6}(?:\s*[、，,]\s*[\u4e00-\u9fff%‰/]{1,6})+)")
_LIST_SEP = re.compile(r"\s*[、，,]\s*")


def _caption_units(
    doc: Document, header_start: int, header: list[_Cell], value_cols: list[int] | None = None
) -> list[str | None] | None:
    """The unit of each column of a table, as the line right above its header states them (单位:万元; 检查主体
    单位:家次;立案单位:件, matched to the header cells naming 检查主体 and 立案); None without such a line."""
    k = doc.para_index(header_start)
    own = doc.paragraphs[k]
    if "单位" in doc.s[own.start : header_start]:
        line = doc.s[own.start : header_start]  # 如下(总磷单位:毫克/升):断面名称  ……: the caption ran on into the header
    elif k < 1:
        return None
    else:
        p = doc.paragraphs[k - 1]
        if not doc.s[p.start : p.end].strip() and k >= 2:
            p = doc.paragraphs[k - 2]  # (a blank line between the caption and the header)
        line = doc.s[p.start : p.end]
    if "单位" not in line:
        return None
    if (lm := _CAPTION_UNIT_LIST.search(line)) is not None:
        listed = _LIST_SEP.split(lm.group(1))
        if len(listed) == len(header) - 1 and all(_unit_only(u) for u in listed):
            return [None, *listed]  # 单位:亿元、%: the value columns' units in order
        if value_cols and len(listed) == len(value_cols) and all(_unit_only(u) for u in listed):
            # 乡镇 | 主要作物 | 播种面积 | 总产量 under 单位:万亩、万斤: the units of the columns of values, in order
            units_: list[str | None] = [None] * len(header)
            for col, u in zip(value_cols, listed, strict=True):
                units_[col] = u
            return units_
    found = [(m.group(1), m.group(2)) for m in _CAPTION_UNIT.finditer(line) if _unit_only(m.group(2))]
    if not found:
        return None
    if len(found) == 1 and not found[0][0]:
        return [None] + [found[0][1]] * (len(header) - 1)  # 单位:万元: every column
    units: list[str | None] = [None] * len(header)
    for name, unit in found:
        for i, h in enumerate(header[1:], start=1):
            if name and name in h.text:
                units[i] = unit
    return units if any(units) else None


# A caption over rows of a label and one value each: a line that states the rows' unit (单位:万人次) or ends in 如下:
# (各县市接待游客情况如下(单位:万人次):, 部分县(区)低保资金发放情况如下:).
_PAIR_CAPTION_END = re.compile(r"如下\s*[:：]?\s*$")
_CAPTION_UNIT_PAREN = re.compile(r"[(（]\s*单位[:：]\s*([^()（）]{1,6})[)）]")
# The clauses of a caption: what its rows count is named in the last (分县市区看,……,各县市区年末常住人口如下:).
_CLAUSE_SEP = re.compile(r"[,，;；]")
# What a caption says besides what its rows count: the rows' group (各县市, 部分县(区)), 情况如下.
_CAPTION_GROUP = re.compile(
    r"^.*?(?:各|部分|分|主要)(?:[旗县市区州盟]{1,4}|乡镇|街道|景区)(?:[(（][^()（）]{1,6}[)）])?"
)
# A line that states only the unit of the rows under it (单位:万亩), under the caption that names them.
_UNIT_LINE = re.compile(r"单位\s*[:：]\s*([^\s:：,，。;；()（）]{1,6})")
_CAPTION_LEAD = re.compile(r"^(?:附表|附|表)\s*\d*\s*[:：]?\s*")
_SENTENCE_END = re.compile(r"[。；;!?！？]")
_CAPTION_TAIL = re.compile(r"(?:的)?(?:情况|数据|统计)?(?:如下)?\s*[:：]?\s*$")


def _pair_rows(doc: Document) -> list[list[list[_Cell]]]:
    """Rows of a label and one value each (伊宁市　612.4, 曲江区 1460万元), two or more, right under a caption
    that states their unit or ends in 如下: a table of one column, whose header is made of the caption (what
    its rows count, and their unit), placed at the caption."""
    s = doc.s
    tables: list[list[list[_Cell]]] = []
    if "单位" not in s and "如下" not in s:
        return tables  # every caption states its unit (单位) or ends in 如下: with neither, no line is tried
    paras = doc.paragraphs
    for k, cap in enumerate(paras[:-2]):
        line = s[cap.start : cap.end].strip()
        if "单位" not in line and "如下" not in line:
            continue  # (no caption: none of the three patterns below can match)
        unit_line = _UNIT_LINE.fullmatch(line)
        if cap.furniture or cap.cell or not (
            unit_line or _PAIR_CAPTION_END.search(line) or _CAPTION_UNIT_PAREN.search(line)
        ):
            continue
        rows: list[list[_Cell]] = []
        for p in paras[k + 1 :]:
            row = s[p.start : p.end]
            cells = [_Cell(p.start + m.start(), p.start + m.end(), m.group(0), _is_value(m.group(0)))
                     for m in _SPACE_RUN.finditer(row)]
            if (
                p.furniture or p.cell or len(cells) != 2 or cells[0].value or not cells[1].value
                or _SPACED_NOT_ROW.search(row) or BAR_RE.search(row)
            ):
                break
            rows.append(cells)
        if len(rows) < 2:
            continue
        if unit_line is not None:
            # 附表:截至10月底各乡镇高效节水灌溉面积 / 单位:万亩: the caption is the line above the unit's
            if k < 1 or (above := paras[k - 1]).furniture or above.cell or _SENTENCE_END.search(s[above.start : above.end]):
                continue
            unit = unit_line.group(1)
            cap, line = above, _CAPTION_LEAD.sub("", s[above.start : above.end].strip())
        else:
            um = _CAPTION_UNIT_PAREN.search(line)
            unit = um.group(1).strip() if um is not None else ""
        topic = _CAPTION_UNIT_PAREN.sub("", line)
        topic = _CLAUSE_SEP.split(topic)[-1]  # (分县市区看,年末常住人口超过百万的有……,各县市区年末常住人口如下: its last clause)
        topic = _CAPTION_TAIL.sub("", _CAPTION_GROUP.sub("", topic, count=1))
        header = topic + (f"({unit})" if unit else "")
        # the header stands where the caption does, from its first character to its end (its period, if it names one)
        at = cap.start + (len(s[cap.start : cap.end]) - len(s[cap.start : cap.end].lstrip()))
        tables.append([[_Cell(at, at, "", False), _Cell(at, cap.end, header, False)], *rows])
    return tables


# The header of a first column that numbers the rows, before the column of their labels.
_RANK_HEADERS = frozenset(("排名", "排序", "序号", "名次", "位次", "编号"))


def pipe_value_cells(doc: Document) -> list[ValueCell]:
    """The values of tables written with bars, or with spaces between their cells: the first row is the
    header; every later row is a label and its cells, a bare value taking its unit from the row's cell under
    a 单位 column, else from its column's header (同比增长(%): a change in percent)."""
    out: list[ValueCell] = []
    for rows in _pipe_rows(doc) + _spaced_rows(doc) + _pair_rows(doc):
        if rows[0][0].text.replace(" ", "") in _RANK_HEADERS and all(len(r) >= 3 and r[0].value for r in rows[1:]):
            rows = [r[1:] for r in rows]  # 排名 城市 PM2.5浓度 同比 / 1 大同市 35微克/立方米: the rank is no label
        header, body = rows[0], rows[1:]
        if any(c.value for c in header[1:]):
            continue  # no header row: the first row holds values
        unit_col = next((k for k, h in enumerate(header) if _is_unit_header(h.text)), None)
        # the columns whose header states a unit (同比增长(%)): their values take it, not the row's 单位 cell
        header_unit = [_header_unit(h.text)[0] is not None or "%" in h.text for h in header]
        value_cols = [k for k in range(1, len(header)) if any(len(r) > k and r[k].value for r in body)]
        caption = _caption_units(doc, header[0].start, header, value_cols) if not all(header_unit[1:]) else None
        for row in body:
            label = _LABEL_NOISE.sub("", row[0].text)
            if not label or row[0].value:
                continue
            row_unit = row[unit_col].text if unit_col is not None and _unit_only(row[unit_col].text) else None
            for k, v in enumerate(row[1:], start=1):
                # the unit of a bare value: its column header's, else its row's 单位 cell, else the caption's
                # (单位:万元, or 检查主体单位:家次;立案单位:件 above the table)
                unit = None if header_unit[k] else row_unit or (caption[k] if caption is not None else None)
                if v.value and (cell := _value_cell(v, label, row[0].start, header[k], unit)) is not None:
                    out.append(cell)
    return out


__all__ = ["ValueCell", "pipe_value_cells", "value_cells"]
