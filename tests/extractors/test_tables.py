"""extractors.tables: tables flattened one cell per line, read row by row with their headers."""

from __future__ import annotations

from datetime import date

from extractors import extract
from extractors.document import Document
from extractors.tables import pipe_value_cells, value_cells

BULLETIN = (
    "2023年某县国民经济和社会发展统计公报\n"
    "全年地区生产总值206.4亿元,比上年增长5.1%。\n"
    "2023年全县地区生产总值及增长速度\n"
    "指    标\n"
    "绝对数(亿元)\n"
    "比上年增长(%)\n"
    "地区生产总值\n"
    "206.4\n"
    "5.1\n"
    "其中:第一产业[3]\n"
    "31.2\n"
    "-0.8\n"
    "主要农产品产量\n"
    "2023年\n"
    "较上年增长(%)\n"
    "粮食总产量\n"
    "\n"
    "98765吨\n"
    "\n"
    "2.3\n"
    "年末全县常住人口40.1万人。\n"
)


def test_cells_are_not_headings() -> None:
    doc = Document(BULLETIN)
    cells = [doc.s[p.start : p.end].strip() for p in doc.paragraphs if p.cell]
    assert "绝对数(亿元)" in cells and "98765吨" in cells
    assert not any(p.heading for p in doc.paragraphs if p.cell)
    assert doc.title_text == "2023年某县国民经济和社会发展统计公报"


def test_values_take_their_row_and_their_column() -> None:
    cells = {(c.label, c.header): c for c in value_cells(Document(BULLETIN))}
    gdp = cells[("地区生产总值", "绝对数(亿元)")]
    assert (gdp.value, gdp.multiplier, gdp.unit and gdp.unit.text) == (206.4, 10**8, "元")
    growth = cells[("第一产业", "比上年增长(%)")]  # 其中: and the footnote mark dropped
    assert (growth.value, growth.unit and growth.unit.text, growth.comparison) == (-0.8, "%", "yoy")
    grain = cells[("粮食总产量", "2023年")]  # a unit in the cell wins over the header
    assert (grain.value, grain.multiplier, grain.unit and grain.unit.text) == (98765.0, 1, "吨")


def test_table_figures_with_subjects_periods_and_comparisons() -> None:
    rows = {(f.mention, f.subject): f for f in extract(BULLETIN, published=date(2024, 3, 20))}
    gdp = rows[("206.4", "地区生产总值")]
    assert (gdp.value, gdp.unit) == (206.4e8, "元")
    change = rows[("-0.8", "第一产业")]
    assert (change.value, change.unit, change.comparison) == (-0.8, "%", "yoy")
    grain = rows[("98765吨", "粮食总产量")]
    assert (str(grain.period_start), str(grain.period_end)) == ("2023-01-01", "2023-12-31")
    assert rows[("2.3", "粮食总产量")].comparison == "yoy"


def test_prose_with_short_lines_is_no_table() -> None:
    text = "某县召开会议\n会议指出\n要抓好落实\n一、加强领导\n二、压实责任\n三、强化督查\n全县破获案件5起。"
    assert not any(p.cell for p in Document(text).paragraphs)  # no numbers among the lines
    assert value_cells(Document(text)) == []


def test_a_table_written_with_bars_gives_bare_cells_their_column_unit_and_the_period_in_force() -> None:
    text = (
        "一季度，全市经济运行总体平稳。\n"
        "指标 | 绝对值 | 同比增长(%)\n"
        "地区生产总值 | 652.3亿元 | 5.2\n"
        "规模以上工业增加值 | — | 7.1\n"
        "固定资产投资 | — | -3.6\n"
    )
    rows = [(f.mention, f.value, f.unit, f.subject, f.period_start, f.period_end)
            for f in extract(text, published=date(2025, 4, 20))]
    q1 = (date(2025, 1, 1), date(2025, 3, 31))
    assert rows == [
        ("652.3亿元", 65_230_000_000, "元", "地区生产总值", *q1),
        ("5.2", 5.2, "%", "地区生产总值", *q1),
        ("7.1", 7.1, "%", "规模以上工业增加值", *q1),
        ("-3.6", -3.6, "%", "固定资产投资", *q1),
    ]


def test_a_row_of_a_barred_table_is_neither_a_heading_nor_a_navigation_bar() -> None:
    doc = Document("首页 | 新闻 | 政务 | 服务\n指标 | 一月 | 二月 | 三月\n用电量 | 12.5 | 11.8 | 13.1\n")
    assert [(p.furniture, p.heading) for p in doc.paragraphs[:3]] == [(True, True), (False, True), (False, False)]


def test_a_barred_table_with_short_headers_keeps_its_header_row() -> None:
    text = "今年一季度，全市用电量稳步增长。\n指标 | 一月 | 二月 | 三月\n用电量(亿千瓦时) | 12.5 | 11.8 | 13.1\n"
    assert [c.header for c in pipe_value_cells(Document(text))] == ["一月", "二月", "三月"]


def test_a_value_cell_with_a_multiplier_before_its_unit_takes_its_row() -> None:
    # 458.62亿元 in a cell: 亿 before 元 is still the cell's own unit, and the row names what it counts
    text = ("上半年全县经济运行总体平稳。\n\n附表：上半年全县主要经济指标\n指标\n绝对值\n增速（%）\n"
            "地区生产总值\n458.62亿元\n6.3\n一般公共预算收入\n36.04亿元\n-3.2\n")
    got = {f.mention: f for f in extract(text, published=date(2024, 7, 30))}
    assert got["458.62亿元"].subject == "地区生产总值"
    assert got["36.04亿元"].subject == "一般公共预算收入"
    assert got["-3.2"].subject == "一般公共预算收入"


def test_a_change_column_in_rows_named_by_places_is_the_change_of_the_rows_quantity() -> None:
    text = ("2023年全市夏粮总产量89.2亿斤。\n\n各县区夏粮产量\n县区\n总产量（吨）\n比上年增长（%）\n"
            "上蔡县\n523146\n-1.8\n汝南县\n486702\n-3.4\n")
    got = {f.mention: f for f in extract(text, published=date(2023, 7, 20))}
    assert got["523146"].subject == got["-1.8"].subject == "总产量"
    assert (got["-3.4"].region, got["-3.4"].value) == ("汝南县", -3.4)
