"""Releases written for these tests, with figures and phrasings that are not in
the dev corpus (police, customs, fire brigades, statistics bureaus, a
traditional-character text, a reprint with page furniture). Every row is
asserted in full, so a rule tuned to one dev document that breaks ordinary
releases shows up here."""

from __future__ import annotations

from datetime import date

import pytest

from extractors import extract

# (mention, value, unit, qualifier, subject, period_start, period_end, region)
Row = tuple[str, float, str, str, str, date | None, date | None, str | None]

CASES: list[tuple[str, str, date | None, str | None, list[Row]]] = [
    (
        "traffic police, first ten months, a fall stated after the count",
        "前10个月,全市共查处酒驾违法行为1.2万余起,同比回落8.4%。",
        date(2023, 11, 8),
        "杭州市",
        [
            ("1.2万余起", 12000, "起", "over", "查处酒驾违法行为", date(2023, 1, 1), date(2023, 10, 31), "杭州市"),
            ("8.4%", -8.4, "%", "exact", "查处酒驾违法行为回落", date(2023, 1, 1), date(2023, 10, 31), "杭州市"),
        ],
    ),
    (
        "customs, 1-9月, approx and over qualifiers, 亿元",
        "1-9月,全省海关共查获走私毒品案件46起,缴获各类毒品约215.3千克,案值逾3亿元。",
        date(2022, 10, 20),
        "广东省",
        [
            ("46起", 46, "起", "exact", "查获走私毒品案件", date(2022, 1, 1), date(2022, 9, 30), "广东省"),
            ("约215.3千克", 215.3, "千克", "approx", "缴获各类毒品", date(2022, 1, 1), date(2022, 9, 30), "广东省"),
            ("逾3亿元", 3e8, "元", "over", "案值", date(2022, 1, 1), date(2022, 9, 30), "广东省"),
        ],
    ),
    (
        "a stock at the end of a month and its change since the end of last year",
        "截至10月底,全市在册吸毒人员2315名,较上年末减少186名。",
        date(2021, 11, 10),
        "昆明市",
        [
            ("2315名", 2315, "名", "exact", "在册吸毒人员", None, date(2021, 10, 31), "昆明市"),
            ("186名", -186, "名", "exact", "在册吸毒人员减少", date(2021, 1, 1), date(2021, 10, 31), "昆明市"),
        ],
    ),
    (
        "tourism bureau, half year, 亿元 and 万人次 with 同比",
        "今年上半年,全区实现旅游总收入128.6亿元,同比增长15.2%;接待游客2860万人次,同比增长9.7%。",
        date(2023, 7, 20),
        "广西壮族自治区",
        [
            ("128.6亿元", 1.286e10, "元", "exact", "旅游总收入", date(2023, 1, 1), date(2023, 6, 30), "广西壮族自治区"),
            ("15.2%", 15.2, "%", "exact", "旅游总收入增长", date(2023, 1, 1), date(2023, 6, 30), "广西壮族自治区"),
            ("2860万人次", 2.86e7, "人次", "exact", "接待游客", date(2023, 1, 1), date(2023, 6, 30), "广西壮族自治区"),
            ("9.7%", 9.7, "%", "exact", "接待游客增长", date(2023, 1, 1), date(2023, 6, 30), "广西壮族自治区"),
        ],
    ),
    (
        "fire brigade, a year's call-outs",
        "2022年,全市消防救援队伍共接警出动8642次,出动消防车1.9万辆次,营救被困人员1235人,疏散群众4600余人。",
        date(2023, 1, 12),
        "成都市",
        [
            ("8642次", 8642, "次", "exact", "接警出动", date(2022, 1, 1), date(2022, 12, 31), "成都市"),
            ("1.9万辆次", 19000, "辆次", "exact", "出动消防车", date(2022, 1, 1), date(2022, 12, 31), "成都市"),
            ("1235人", 1235, "人", "exact", "营救被困人员", date(2022, 1, 1), date(2022, 12, 31), "成都市"),
            ("4600余人", 4600, "人", "over", "疏散群众", date(2022, 1, 1), date(2022, 12, 31), "成都市"),
        ],
    ),
    (
        "statistics bulletin, 人均, 分别为 A和B with a shared head noun",
        "全年城镇居民人均可支配收入52388元,比上年增长4.8%;城镇和农村居民人均消费支出分别为33260元和19872元。",
        date(2024, 3, 1),
        "宁波市",
        [
            ("52388元", 52388, "元", "exact", "城镇居民人均可支配收入", date(2023, 1, 1), date(2023, 12, 31), "宁波市"),
            ("4.8%", 4.8, "%", "exact", "城镇居民人均可支配收入增长", date(2023, 1, 1), date(2023, 12, 31), "宁波市"),
            ("33260元", 33260, "元", "exact", "城镇居民人均消费支出", date(2023, 1, 1), date(2023, 12, 31), "宁波市"),
            ("19872元", 19872, "元", "exact", "农村居民人均消费支出", date(2023, 1, 1), date(2023, 12, 31), "宁波市"),
        ],
    ),
    (
        "customs, one seizure on a day",
        "8月3日,某海关在进境旅客行李中查获大麻12.5克、摇头丸30粒。",
        date(2022, 8, 10),
        None,
        [
            ("12.5克", 12.5, "克", "exact", "查获大麻", date(2022, 8, 3), date(2022, 8, 3), None),
            ("30粒", 30, "粒", "exact", "摇头丸", date(2022, 8, 3), date(2022, 8, 3), None),
        ],
    ),
    (
        "traditional characters, 去年, 同比分別上升 A和B",
        "去年全縣共破獲刑事案件1520起,抓獲犯罪嫌疑人980名,同比分別上升6.2%和4.5%。",
        date(2020, 2, 14),
        "南投县",
        [
            ("1520起", 1520, "起", "exact", "破获刑事案件", date(2019, 1, 1), date(2019, 12, 31), "南投县"),
            ("980名", 980, "名", "exact", "抓获犯罪嫌疑人", date(2019, 1, 1), date(2019, 12, 31), "南投县"),
            ("6.2%", 6.2, "%", "exact", "破获刑事案件上升", date(2019, 1, 1), date(2019, 12, 31), "南投县"),
            ("4.5%", 4.5, "%", "exact", "抓获犯罪嫌疑人上升", date(2019, 1, 1), date(2019, 12, 31), "南投县"),
        ],
    ),
    (
        "a month, 环比 and 同比 side by side",
        "3月份,全市规模以上工业增加值环比增长2.1%,同比下降0.6%。",
        date(2024, 4, 18),
        "温州市",
        [
            ("2.1%", 2.1, "%", "exact", "规模以上工业增加值", date(2024, 3, 1), date(2024, 3, 31), "温州市"),
            ("0.6%", -0.6, "%", "exact", "规模以上工业增加值下降", date(2024, 3, 1), date(2024, 3, 31), "温州市"),
        ],
    ),
    (
        "a stock as of now, 以上",
        "截至目前,全省已建成禁毒教育基地42个,覆盖率达95%以上。",
        date(2019, 6, 20),
        "湖南省",
        [
            ("42个", 42, "个", "exact", "建成禁毒教育基地", None, date(2019, 6, 20), "湖南省"),
            ("95%以上", 95, "%", "over", "覆盖率", None, date(2019, 6, 20), "湖南省"),
        ],
    ),
    (
        "a sub-group of a quantity stated before it (其中, X完成)",
        "前三季度,全市粮食产量86.4万吨,同比增长3.1%;其中,早稻完成21.7万吨,同比增长1.2%。",
        date(2021, 10, 25),
        "赣州市",
        [
            ("86.4万吨", 864000, "吨", "exact", "粮食产量", date(2021, 1, 1), date(2021, 9, 30), "赣州市"),
            ("3.1%", 3.1, "%", "exact", "粮食产量增长", date(2021, 1, 1), date(2021, 9, 30), "赣州市"),
            ("21.7万吨", 217000, "吨", "exact", "早稻粮食产量", date(2021, 1, 1), date(2021, 9, 30), "赣州市"),
            ("1.2%", 1.2, "%", "exact", "早稻粮食产量增长", date(2021, 1, 1), date(2021, 9, 30), "赣州市"),
        ],
    ),
    (
        "a reprint with page furniture around the release",
        "首页 > 警务动态 > 正文\n全市开展夏季治安打击整治行动\n2020-08-12 09:30 来源:某某晚报 阅读:3562\n"
        "今年6月以来,全市公安机关共破获刑事案件832起,抓获犯罪嫌疑人617名。\n责任编辑:王某",
        None,
        None,
        [
            ("832起", 832, "起", "exact", "破获刑事案件", date(2020, 6, 1), date(2020, 8, 12), None),
            ("617名", 617, "名", "exact", "抓获犯罪嫌疑人", date(2020, 6, 1), date(2020, 8, 12), None),
        ],
    ),
]


@pytest.mark.parametrize(("label", "text", "published", "region", "expected"), CASES, ids=[c[0] for c in CASES])
def test_written_release(label: str, text: str, published: date | None, region: str | None, expected: list[Row]) -> None:
    figures = extract(text, published=published, region=region)
    got = [
        (f.mention, f.value, f.unit, f.qualifier, f.subject, f.period_start, f.period_end, f.region)
        for f in figures
    ]
    assert got == [(m, pytest.approx(v), *rest) for m, v, *rest in expected]
    for f in figures:
        assert text[f.start : f.end] == f.mention
        assert f.kind == ("event" if f.period_start is not None and f.period_start == f.period_end else "aggregate")
