"""flows.cleaning.clean: datelines, furniture, failures, and every bundled sample page."""

from __future__ import annotations

import gzip
import random
from datetime import UTC, date, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest

from flows.cleaning.clean import _htmldate, clean, clean_file, parse_dateline
from flows.errors import CleanError, DecodeError, DocumentError
from flows.model import Page

SAMPLES = Path(__file__).resolve().parents[3] / "flows" / "samples"
SEED = Path("/work/shared/seeds/000_56123fd3f1877f59.txt")
FETCHED = datetime(2024, 12, 1, 8, 0, tzinfo=UTC)

BODY = (
    "今年1至5月，全市共破获电信网络诈骗案件3486起，同比下降18.7%；止付冻结涉案资金3.6亿元。"
    "警方提醒，凡是要求转账的“客服”都是诈骗。"
)


def page(html: str, url: str = "https://police.example.cn/art/2024/1.html", **kw) -> Page:
    return Page(url=url, source="test", body=html.encode("utf-8"), fetched_at=kw.pop("fetched_at", FETCHED), **kw)


def article(info: str, *, head: str = "", top: str = "", body: str = BODY) -> str:
    return f"""<html><head><meta charset="utf-8"><title>深圳警方通报反诈工作_某市公安局</title>{head}</head>
<body><div class="top">{top}</div>
<div class="nav"><a href="/">首页</a> | <a href="/a/">警务资讯</a> | <a href="/b/">办事指南</a></div>
<div class="crumb">您当前的位置：首页 &gt; 警务资讯</div>
<div class="article"><h1>深圳警方通报反诈工作</h1><div class="info">{info}</div>
<div class="content"><p>{body}</p></div>
<div class="editor">（责任编辑：陈晓）</div><div class="share">分享到：微信 微博</div></div>
<div class="related"><h4>相关链接</h4><ul><li><a href="/x.html">另一篇通报</a> 2024-05-30</li></ul></div>
<div class="footer"><p>版权所有：某市公安局 粤ICP备00000000号（示例）</p></div></body></html>"""


# ------------------------------------------------------------------------------- datelines


@pytest.mark.parametrize(
    "line, expected",
    [
        ("2018年06月26日 15:00:04 来源:昆明日报 张章", date(2018, 6, 26)),
        ("2024年06月20日", date(2024, 6, 20)),
        ("2024年6月20日 星期四", date(2024, 6, 20)),
        ("2024-06-20", date(2024, 6, 20)),
        ("2024/6/20", date(2024, 6, 20)),
        ("发布时间:2024-07-16 09:30", date(2024, 7, 16)),
        ("发布时间：2024年7月16日", date(2024, 7, 16)),
        ("发布日期：2024/8/30　字体：大 中 小", date(2024, 8, 30)),
        ("时间:2023-06-25 10:06:49", date(2023, 6, 25)),
        ("【发布时间：2024年04月23日 17:30】【来源：贵阳市统计局】", date(2024, 4, 23)),
        ("央视国际 (2005年05月09日 20:53)", date(2005, 5, 9)),
        ("26.12.2014  16:29", date(2014, 12, 26)),
        ("日期：2024.01.25　　来源：国家统计局广东调查总队", date(2024, 1, 25)),
        ("来源：云南省公安厅 2024-06-25", date(2024, 6, 25)),
        ("发表于 2009-6-26 10:11:42", date(2009, 6, 26)),
        ("二〇二四年七月十九日", date(2024, 7, 19)),
        ("二〇二三年十二月三十一日", date(2023, 12, 31)),
        ("2024-04-23T17:30:00+08:00", date(2024, 4, 23)),
        ("2024年01月18日 09:05　來源：南寧市禁毒委員會辦公室", date(2024, 1, 18)),
        ("今年1至5月，全省共破获毒品刑事案件4127起", None),  # no year: not a dateline
        ("2024年13月40日", None),
        ("1985年3月1日", None),  # before 1990
        ("0871-12345678", None),
    ],
)
def test_parse_dateline(line, expected):
    assert parse_dateline(line, not_after=date(2024, 12, 2)) == expected


def test_parse_dateline_skips_future_dates_for_the_next():
    assert parse_dateline("2030-01-01 转载自 2024-06-20", not_after=date(2024, 12, 2)) == date(2024, 6, 20)


def test_year_month_day_characters_are_not_read_as_january_first():
    """htmldate reads 2024年06月20日 as 2024-01-01; the page's own dateline comes first."""
    doc = clean(page(article('<span class="time">2024年06月20日</span> <span>某市公安局</span>')))
    assert doc.published_at == date(2024, 6, 20)


def test_htmldate_january_first_is_refused_unless_the_page_says_it():
    extracted = SimpleNamespace(date="2024-01-01")
    assert _htmldate(extracted, ["2024年06月20日 某市公安局"], date(2024, 12, 1)) is None
    assert _htmldate(extracted, ["2024年1月1日 元旦"], date(2024, 12, 1)) == date(2024, 1, 1)
    assert _htmldate(SimpleNamespace(date="2024-03-05"), [], date(2024, 12, 1)) == date(2024, 3, 5)


def test_date_after_the_fetch_is_not_a_publication_date():
    html = article("发布时间：2024-11-20 09:00")
    assert clean(page(html)).published_at == date(2024, 11, 20)
    early = page(html, fetched_at=datetime(2024, 6, 1, tzinfo=UTC))
    assert clean(early).published_at is None


def test_today_in_the_top_bar_is_not_the_dateline():
    doc = clean(page(article("发布日期：2024/8/30", top="今天是2024年9月2日 星期一")))
    assert doc.published_at == date(2024, 8, 30)


def test_meta_pubdate_when_the_page_shows_no_date():
    doc = clean(page(article("来源：市公安局", head='<meta name="PubDate" content="2024-04-12 09:00:00">')))
    assert doc.published_at == date(2024, 4, 12)


def test_url_date_when_nothing_else_says():
    doc = clean(page(article("来源：市公安局"), url="https://police.example.cn/xwzx/202407/t20240716_123.html"))
    assert doc.published_at == date(2024, 7, 16)


# ------------------------------------------------------------------------------- failures


@pytest.mark.parametrize("body", [b"", b"   \r\n\t "])
def test_empty_body_raises(body):
    with pytest.raises(CleanError, match="empty") as e:
        clean(Page(url="https://x.example/a.html", source="t", body=body))
    assert e.value.stage == "clean" and e.value.url == "https://x.example/a.html"


def test_furniture_only_page_raises():
    html = """<html><head><meta charset="utf-8"><title>某市公安局</title></head><body>
    <div class="nav"><a href="/">首页</a> | <a href="/a/">警务公开</a> | <a href="/b/">办事服务</a> | <a href="/c/">互动交流</a></div>
    <div class="crumb">您当前的位置：首页 &gt; 警务公开</div>
    <ul><li><a href="/1.html">全市公安机关召开工作会议</a> 2024-06-18</li><li><a href="/2.html">警方开展禁毒宣传</a> 2024-06-12</li></ul>
    <div class="footer">版权所有：某市公安局　ICP备00000000号　建议使用1366×768分辨率浏览</div></body></html>"""
    with pytest.raises(CleanError, match="no article text found") as e:
        clean(page(html))
    assert "characters of markup" in e.value.reason


@pytest.mark.parametrize(
    "body, headers, match",
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", {}, "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", {}, "PNG"),
        (b"<html>not really</html>", {"content-type": "image/png"}, "image/png"),
    ],
)
def test_non_html_binary_raises(body, headers, match):
    with pytest.raises(CleanError, match=match):
        clean(Page(url="https://x.example/a", source="t", body=body, headers=headers))


def test_random_binary_raises_a_document_error():
    body = random.Random(3).randbytes(5000)
    with pytest.raises(DocumentError) as e:
        clean(Page(url="https://x.example/a.html", source="t", body=body))
    assert isinstance(e.value, (DecodeError, CleanError))


# ------------------------------------------------------------------------------- content


def test_furniture_is_trimmed_and_the_title_leads():
    doc = clean(page(article("发布时间：2024-06-20 10:00　来源：某市公安局")))
    assert doc.text.startswith("深圳警方通报反诈工作\n")
    assert BODY in doc.text
    for furniture in ("责任编辑", "分享到", "版权所有", "相关链接", "您当前的位置", "发布时间"):
        assert furniture not in doc.text
    assert doc.title == "深圳警方通报反诈工作"


def test_a_closing_sentence_that_mentions_scanning_is_kept():
    closing = "市民可扫码关注反诈公众号，及时了解最新诈骗手法，守护好自己的钱袋子。"
    doc = clean(page(article("发布时间：2024-06-20", body=BODY * 2 + "</p><p>" + closing)))
    assert doc.text.rstrip().endswith(closing)


def test_plain_text_by_content_type():
    text = "深圳警方通报反诈工作\n发布时间：2024-06-20\n\n" + BODY + "\n"
    p = Page(url="https://x.example/a", source="t", body=text.encode("gbk"), headers={"content-type": "text/plain; charset=gbk"})
    doc = clean(p, now=FETCHED)
    assert doc.text == text and doc.title == "深圳警方通报反诈工作"
    assert doc.published_at == date(2024, 6, 20) and doc.encoding == "gb18030"


def test_gzipped_file(tmp_path):
    src = SAMPLES / "guangdong" / "sz_fanzha_20240620.html"
    gz = tmp_path / "sz.html.gz"
    gz.write_bytes(gzip.compress(src.read_bytes()))
    doc = clean_file(gz)
    assert doc.published_at == date(2024, 6, 20) and "3486起" in doc.text


def test_document_fields():
    p = page(article("发布时间：2024-06-20"))
    doc = clean(p)
    assert doc.page_sha256 == p.sha256 and doc.encoding == "utf-8"
    assert doc.url == p.url and doc.source == "test"


# ------------------------------------------------------------------------------- the bundled samples

# file -> (published, encoding used, a phrase the text must keep)
EXPECTED = {
    "yunnan/ynga_jindu_20240625.html": (date(2024, 6, 25), "utf-8", "缴获各类毒品9356.8公斤"),
    "yunnan/dehong_seizure_20240523.html": (date(2024, 5, 23), "gb18030", "带队民警赵堃"),
    "yunnan/xsbn_jdw_2023.html": (date(2024, 1, 12), "utf-8", "复吸率同比下降2.9个百分点"),
    "portal/caiyun_reprint_20240626.html": (date(2024, 6, 26), "gb18030", "数据7.2万亿条"),
    "portal/bagui_news_20240715.html": (date(2024, 7, 15), "utf-8", "共破获毒品刑事案件1826起"),
    "guangxi/gxga_jindu_2024h1.html": (date(2024, 7, 12), "gb18030", "同比下降8.6%"),
    "guangxi/nanning_jdw_2023_big5.html": (date(2024, 1, 18), "big5hkscs", "南寧市禁毒委員會"),
    "guizhou/gzga_jindu_2023q3.html": (date(2023, 10, 19), "gb18030", "超过280起"),
    "guizhou/gz_jdw_2023_report.txt": (date(2024, 6, 24), "utf-8", "团伙规模多为3至5人"),
    "guangdong/sz_fanzha_20240620.html": (date(2024, 6, 20), "utf-8", "劝阻潜在受害群众21万余人次"),
    "guangdong/gz_jiaotong_2024q1.html": (date(2024, 4, 12), "utf-8", "核载10-15吨"),
    "guangdong/dg_zhian_20240830.html": (date(2024, 8, 30), "utf-8", "刑事警情同比下降14.2%"),
    "stats/yn_tjj_2024h1.html": (date(2024, 7, 19), "utf-8", "| 地区生产总值（亿元） | 14327.15 | 4.9 |"),
    "stats/gd_shouru_2023.html": (date(2024, 1, 25), "gb18030", "全省居民人均可支配收入49327元"),
    "stats/gy_tjj_2024q1.html": (date(2024, 4, 23), "utf-8", "地区生产总值1287.64亿元"),
    "sichuan/sc_jdw_20240624.html": (date(2024, 6, 24), "utf-8", "缴获制毒原料近2吨"),
}


def test_every_sample_is_in_the_table():
    found = {p.relative_to(SAMPLES).as_posix() for p in SAMPLES.rglob("*") if p.suffix in (".html", ".htm", ".txt")}
    assert found == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample(name):
    published, encoding, phrase = EXPECTED[name]
    doc = clean_file(SAMPLES / name)
    assert doc.text.strip() and doc.title
    assert doc.published_at == published
    assert doc.encoding == encoding
    assert phrase in doc.text
    assert doc.text.startswith(doc.title)
    if name.endswith(".html"):
        for furniture in ("责任编辑", "責任編輯", "分享到", "版权所有", "版權所有", "打印本页", "打印本頁", "您当前的位置"):
            assert furniture not in doc.text, furniture


def test_reprint_has_the_same_article_as_the_release():
    release = clean_file(SAMPLES / "yunnan" / "ynga_jindu_20240625.html")
    reprint = clean_file(SAMPLES / "portal" / "caiyun_reprint_20240626.html")
    assert release.text == reprint.text
    assert (release.site, reprint.site) == ("云南省公安厅", "彩云网")
    assert release.page_sha256 != reprint.page_sha256


@pytest.mark.skipif(not SEED.exists(), reason="seed file not present")
def test_seed_file():
    doc = clean_file(SEED)
    assert doc.published_at == date(2018, 6, 26)
    assert doc.title == "智能预警!云南一个月查获280余运毒嫌疑人"
    assert "今年1至5月,全省共破获毒品刑事案件5453起" in doc.text


def test_xhtml_with_an_xml_declaration_in_gbk():
    html = article("发布时间：2024-06-20").replace('<meta charset="utf-8">', "")
    body = ('<?xml version="1.0" encoding="gb2312"?>\n' + html).encode("gb18030")
    doc = clean(Page(url="https://x.example/a.xhtml", source="t", body=body), now=FETCHED)
    assert doc.encoding == "gb18030" and doc.published_at == date(2024, 6, 20) and "3486起" in doc.text


def test_messages_about_local_files_name_no_http_status_or_content_type(tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    with pytest.raises(CleanError) as e:
        clean_file(empty)
    assert e.value.reason == "empty file (0 bytes)"
    pdf = tmp_path / "report.html"
    pdf.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    with pytest.raises(DocumentError) as e:
        clean_file(pdf)
    assert "HTTP" not in e.value.reason and "Content-Type" not in e.value.reason


def test_trafilatura_says_nothing_in_the_run_log_when_a_page_has_no_article(caplog):
    """clean() reports a page without an article as a CleanError row; trafilatura's own
    'discarding data: None' and parse errors would only repeat it in the log."""
    import logging

    with caplog.at_level(logging.DEBUG), pytest.raises(CleanError):
        clean(page("<html><body><nav>首页 | 通知公告</nav></body></html>"))
    with caplog.at_level(logging.DEBUG), pytest.raises(DocumentError):
        clean(page("<body><html><script>"))
    assert not [r for r in caplog.records if r.name.startswith("trafilatura") and r.levelno >= logging.WARNING]
