"""The domain refiners change a recognised figure only where they give it a metric: the metric and the
extractor that gave it, every other field as recognised."""

from __future__ import annotations

from dataclasses import replace

from extractors import extract
from extractors.registry import stage

TEXT = (
    "云南禁毒工作新闻发布会\n2018年06月26日 15:00 来源:某某日报\n"
    "据悉,今年1至5月,全省共破获毒品刑事案件5453起,缴获毒品11689.4公斤,抓获犯罪嫌疑人5648人。"
    "全省地区生产总值完成612.4亿元,同比增长6.3%。目前全省创建“无毒社区”754个。\n"
)


def test_a_refined_figure_differs_from_the_recognised_one_only_in_its_metric() -> None:
    recognised = sorted((f for e in stage("recognise") for f in e.func(TEXT, None, None)), key=lambda f: (f.start, f.end))
    refined = extract(TEXT)
    assert len(refined) == len(recognised) and any(f.metric is not None for f in refined)
    for before, after in zip(recognised, refined, strict=True):
        assert after == replace(before, metric=after.metric, extractor=after.extractor,
                                extractor_version=after.extractor_version)
        if after.metric is None:
            assert after == before
        else:
            assert after.extractor in {"narcotics", "public_security", "economy"}
