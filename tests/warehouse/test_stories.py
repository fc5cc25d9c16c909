"""Stories, restated figures, claims across a release and its reprints, series, figures_as_of."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime

from extractors.model import Figure
from flows.model import Document, Page
from warehouse.db import writing
from warehouse.load import Processed, load_batch
from warehouse.stories import SIMILAR_BITS, distance, fingerprint

# A release written for these tests; the reprints below add what portals add around it.
RELEASE = (
    "全市禁毒工作取得新成效：今年1至5月破获毒品案件812起\n"
    "6月24日，市公安局召开新闻发布会，通报今年以来全市禁毒工作情况。今年1至5月，全市共破获毒品"
    "刑事案件812起，同比上升6.4%；缴获各类毒品1032.5公斤，抓获犯罪嫌疑人967人。\n"
    "2022年以来，全市累计破获毒品刑事案件5100余起，打掉贩毒团伙130余个。市局在高速公路出入口、"
    "客运站和物流寄递网点设立查缉点，对过往车辆和包裹开展常态化检查，今年以来查获运毒案件214起。\n"
    "在禁吸戒毒方面，今年以来全市共收戒吸毒人员1800余人，社区戒毒社区康复执行率保持在96%以上。"
    "全市开展禁毒宣传活动六百余场，受教育群众8万余人次。"
)
REPRINT = "首页 > 新闻中心 > 本地要闻\n发布时间：2024-06-26 来源：市公安局\n" + RELEASE + "\n（来源：市公安局）\n责任编辑：王五"
OTHER = (
    "上半年全省经济运行总体平稳\n"
    "据省统计局统一核算，上半年全省地区生产总值15320亿元，按不变价格计算，同比增长5.2%。分产业看，"
    "第一产业增加值1402亿元，增长3.8%；第二产业增加值5088亿元，增长6.0%；第三产业增加值8830亿元，"
    "增长4.9%。全省规模以上工业增加值同比增长6.7%，社会消费品零售总额同比增长4.1%。\n"
    "上半年，全省居民人均可支配收入14960元，同比增长5.3%。其中城镇居民人均可支配收入23400元，"
    "增长4.2%；农村居民人均可支配收入8920元，增长6.8%。"
)


def fig(text: str, mention: str, value: float, *, nth: int = 0, start_date: date | None = date(2024, 1, 1),
        end_date: date | None = date(2024, 5, 31), metric: str | None = "narcotics.cases_solved",
        unit: str = "起", qualifier: str = "exact", kind: str = "aggregate") -> Figure:
    """The nth occurrence of mention in text, as a figure."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(mention, start + 1)
    return Figure(mention=mention, start=start, end=start + len(mention), value=value, unit=unit,
                  qualifier=qualifier, subject="破获毒品刑事案件", kind=kind, period_start=start_date,  # type: ignore[arg-type]
                  period_end=end_date, region="某市", sentence=text, sentence_start=0, sentence_end=len(text),
                  extractor="test", extractor_version="1", metric=metric, region_code="530100")


def processed(url: str, text: str, published: date, figures: list[Figure], *, source: str = "s1",
              title: str | None = None) -> Processed:
    page = Page(url=url, source=source, body=text.encode())
    doc = Document(url=url, source=source, text=text, title=title or text.split("\n")[0], published_at=published,
                   author=None, site=None, encoding="utf-8", page_sha256=page.sha256)
    return Processed(page=page, document=doc, figures=figures, extractors=[("pressetl", "1")])


def release_figures(text: str, published: date) -> list[Figure]:
    return [
        fig(text, "812起", 812, nth=0),                        # the headline restates ...
        fig(text, "812起", 812, nth=1),                        # ... the body
        fig(text, "5100余起", 5100, qualifier="over", start_date=date(2022, 1, 1), end_date=published),
        fig(text, "1800余人", 1800, qualifier="over", end_date=published, metric="narcotics.rehab_total", unit="人"),
    ]


def test_a_reprint_with_other_furniture_is_near_and_another_release_is_far():
    assert distance(fingerprint(RELEASE), fingerprint(REPRINT)) <= SIMILAR_BITS
    assert distance(fingerprint(RELEASE), fingerprint(OTHER)) > SIMILAR_BITS


def test_a_release_and_its_reprint_are_one_story_in_either_order(db_path):
    with writing(db_path) as con:
        # the reprint arrives first: the release joins its story
        load_batch(con, run_id="r1", processed=[
            processed("https://portal.example/a", REPRINT, date(2024, 6, 26), [], source="portal")])
        load_batch(con, run_id="r2", processed=[
            processed("https://police.example/a", RELEASE, date(2024, 6, 25), []),
            processed("https://stats.example/b", OTHER, date(2024, 7, 19), [], source="stats")])
        rows = dict(con.execute("SELECT url, story_id FROM documents_current").fetchall())
    assert rows["https://portal.example/a"] == rows["https://police.example/a"]
    assert rows["https://stats.example/b"] != rows["https://police.example/a"]
    assert len(rows["https://stats.example/b"]) == 16


def test_the_same_text_a_year_later_is_a_story_of_its_own(db_path):
    with writing(db_path) as con:
        load_batch(con, run_id="r1", processed=[
            processed("https://police.example/a", RELEASE, date(2024, 6, 25), []),
            processed("https://police.example/again", RELEASE + "\n", date(2025, 6, 25), [])])
        ids = [r[0] for r in con.execute("SELECT story_id FROM documents_current ORDER BY published_at").fetchall()]
    assert ids[0] != ids[1] and ids[1].startswith(ids[0][:16])


def test_a_headline_restating_the_body_points_at_it_and_is_not_counted(db_path):
    with writing(db_path) as con:
        load_batch(con, run_id="r1", processed=[
            processed("https://police.example/a", RELEASE, date(2024, 6, 25), release_figures(RELEASE, date(2024, 6, 25)))])
        rows = con.execute("SELECT start, restates FROM figures WHERE mention = '812起' ORDER BY start").fetchall()
        claims = con.execute("SELECT documents FROM claims WHERE value = 812").fetchall()
    body = RELEASE.index("812起", RELEASE.index("812起") + 1)
    assert rows == [(RELEASE.index("812起"), body), (body, None)]
    assert claims == [(1,)]


def test_a_release_and_its_reprint_are_one_claim_also_when_the_period_is_open_ended(db_path):
    release = processed("https://police.example/a", RELEASE, date(2024, 6, 25), release_figures(RELEASE, date(2024, 6, 25)))
    reprint = processed("https://portal.example/a", REPRINT, date(2024, 6, 26),
                        release_figures(REPRINT, date(2024, 6, 26)), source="portal")
    with writing(db_path) as con:
        load_batch(con, run_id="r1", processed=[release, reprint])
        ends = con.execute("SELECT DISTINCT period_end FROM figures WHERE mention = '5100余起'").fetchall()
        claims = con.execute(
            "SELECT what, period_start, period_end, value, stories, documents, sources FROM claims ORDER BY value"
        ).fetchall()
        series = con.execute(
            "SELECT metric, period_kind, period_end, value, sources, stories, documents, conflicting_values "
            "FROM series ORDER BY value").fetchall()
    assert sorted(e[0] for e in ends) == [date(2024, 6, 25), date(2024, 6, 26)]  # each its own publication
    assert claims == [
        ("narcotics.cases_solved", date(2024, 1, 1), date(2024, 5, 31), 812.0, 1, 2, 2),
        ("narcotics.rehab_total", date(2024, 1, 1), date(2024, 6, 25), 1800.0, 1, 2, 2),
        ("narcotics.cases_solved", date(2022, 1, 1), date(2024, 6, 25), 5100.0, 1, 2, 2),
    ]
    assert series == [
        ("narcotics.cases_solved", "year_to_date", date(2024, 5, 31), 812.0, 2, 1, 2, None),
        ("narcotics.rehab_total", "year_to_date", date(2024, 6, 25), 1800.0, 2, 1, 2, None),
        ("narcotics.cases_solved", "other", date(2024, 6, 25), 5100.0, 2, 1, 2, None),
    ]


def test_different_stories_with_the_same_resolved_figure_are_one_claim_of_two_stories(db_path):
    a = processed("https://police.example/a", RELEASE, date(2024, 6, 25), [fig(RELEASE, "812起", 812, nth=1)])
    b = processed("https://stats.example/b", OTHER, date(2024, 7, 19),
                  [fig(OTHER, "15320亿元", 812)], source="stats")  # another text stating the same figure
    with writing(db_path) as con:
        load_batch(con, run_id="r1", processed=[a, b])
        assert con.execute("SELECT stories, documents FROM claims").fetchall() == [(2, 2)]


def test_series_puts_periods_of_one_length_together_and_shows_the_disagreement(db_path):
    spans = {  # mention -> (start, end, value)
        "812起": (date(2024, 5, 1), date(2024, 5, 31), 812),               # month
        "967人": (date(2024, 4, 1), date(2024, 6, 30), 967),               # quarter
        "214起": (date(2024, 1, 1), date(2024, 6, 30), 214),               # half year
        "130余个": (date(2023, 1, 1), date(2023, 12, 31), 130),            # year
        "1032.5公斤": (date(2024, 1, 1), date(2024, 5, 31), 1032),         # year to date
        "5100余起": (date(2022, 1, 1), date(2024, 6, 25), 5100),           # other
    }
    figs = [fig(RELEASE, m, v, start_date=s, end_date=e, metric=f"m.{i}") for i, (m, (s, e, v)) in enumerate(spans.items())]
    may = {"start_date": date(2024, 5, 1), "end_date": date(2024, 5, 31), "metric": "m.0"}
    third = "县禁毒委员会通报：5月份全县破获毒品案件812起，抓获吸毒人员45名，开展禁毒宣传活动12场，收缴毒品2.4公斤。"
    with writing(db_path) as con:
        load_batch(con, run_id="r1", processed=[
            processed("https://police.example/a", RELEASE, date(2024, 6, 25), figs),
            # another story says 900 for May, in a release and its reprint
            processed("https://stats.example/b", OTHER, date(2024, 7, 19), [fig(OTHER, "15320亿元", 900, **may)], source="stats"),
            processed("https://paper.example/c", OTHER + "。", date(2024, 7, 20),
                      [fig(OTHER + "。", "15320亿元", 900, **may)], source="paper"),
        ])
        kinds = con.execute("SELECT metric, period_kind FROM series ORDER BY metric").fetchall()
        assert kinds == [("m.0", "month"), ("m.1", "quarter"), ("m.2", "half_year"), ("m.3", "year"),
                         ("m.4", "year_to_date"), ("m.5", "other")]
        # one story each: the one stated by more documents is taken
        row = con.execute("SELECT value, conflicting_values, sources, stories, documents FROM series WHERE metric = 'm.0'").fetchone()
        assert row == (900.0, [812.0], 3, 2, 3)
        # a third story says 812: two stories against one
        load_batch(con, run_id="r2", processed=[
            processed("https://county.example/d", third, date(2024, 6, 3), [fig(third, "812起", 812, **may)], source="county")])
        row = con.execute("SELECT value, conflicting_values, sources, stories FROM series WHERE metric = 'm.0'").fetchone()
    assert row == (812.0, [900.0], 4, 3)


def test_figures_as_of_returns_what_figures_returned_then(db_path):
    url = "https://police.example/a"
    with writing(db_path) as con:
        load_batch(con, run_id="r1", processed=[processed(url, RELEASE, date(2024, 6, 25), [fig(RELEASE, "812起", 812, nth=1)])])
        then = datetime.now(UTC)
        before = con.execute("SELECT * FROM figures").fetchall()
        time.sleep(0.01)
        corrected = RELEASE.replace("812起", "821起")
        load_batch(con, run_id="r2", processed=[processed(url, corrected, date(2024, 6, 25), [fig(corrected, "821起", 821, nth=1)])])
        assert con.execute("SELECT * FROM figures_as_of(?)", [then]).fetchall() == before
        assert [r[0] for r in con.execute("SELECT value FROM figures").fetchall()] == [821.0]
        assert con.execute("SELECT count(*) FROM figures_as_of(TIMESTAMPTZ '2000-01-01 00:00:00+00')").fetchone() == (0,)
