"""Extraction speed: documents per second on the bundled samples, set beside
the cleaning step that comes before it, and the pathological inputs that a
backtracking regex would hang on. Prints results; not run by the tests.

    .venv/bin/python bench/bench_extract.py
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors import extract  # noqa: E402

SAMPLES = ROOT / "flows" / "samples"

# A release written for this benchmark (not a dev text): every kind of figure.
WRITTEN = (
    "云南禁毒工作新闻发布会\n2018年06月26日 15:00 来源:某某日报\n"
    "据悉,今年1至5月,全省共破获毒品刑事案件5453起,缴获毒品11689.4公斤,抓获犯罪嫌疑人5648人。"
    "2016年以来,共收戒吸毒人员14万余人次,其中强制隔离戒毒6.5万人次、社区戒毒4.9万人次。"
    "海洛因、冰毒片剂缴获量占全国80%以上,同比下降12.3%。目前全省创建“无毒社区”754个。\n"
)

PATHOLOGICAL: dict[str, str] = {
    "10 MB of one digit": "1" * 10_000_000,
    "10 MB of 一": "一" * 10_000_000,
    "2 MB of 万": "万" * 2_000_000,
    "1 MB of (": "(" * 1_000_000,
    "1 MB of “": "“" * 1_000_000,
    "2 MB of 1.": "1." * 1_000_000,
    "2 MB of 1-": "1-" * 1_000_000,
    "2 MB of dates": "2018年6月26日" * 200_000,
    "4 MB without figures": "云南省公安厅举行新闻发布会" * 300_000,
    "10 MB of a release repeated": WRITTEN * (10_000_000 // len(WRITTEN)),
}


def _time(fn: Callable[[], object], repeat: int = 1, clock: Callable[[], float] = time.perf_counter) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = clock()
        fn()
        best = min(best, clock() - t0)
    return best


def bench_samples(rounds: int = 7) -> None:
    """Cleaning and extraction of the bundled samples, both warm: a first pass loads what each
    needs (trafilatura's and the extractor's tables) and is not counted; then the fastest of
    ``rounds`` passes of each, taken in turns (a cleaning pass, an extraction pass) and timed in the
    process's CPU time, so that a machine busy with other work slows both alike and the ratio holds."""
    from flows.cleaning.clean import clean_file

    files = sorted(p for p in SAMPLES.rglob("*") if p.suffix in (".html", ".htm", ".txt"))
    if not files:
        print("no samples under", SAMPLES)
        return
    docs = [clean_file(p) for p in files]  # the warm-up pass
    for d in docs:
        extract(d.text, published=d.published_at)
    t_clean = t_extract = float("inf")
    for _ in range(rounds):
        t_clean = min(t_clean, _time(lambda: [clean_file(p) for p in files], clock=time.process_time))
        t_extract = min(t_extract, _time(lambda: [extract(d.text, published=d.published_at) for d in docs],
                                         clock=time.process_time))
    n = len(docs)
    n_fig = sum(len(extract(d.text, published=d.published_at)) for d in docs)
    size = sum(p.stat().st_size for p in files) / n / 1024
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"bundled samples: {n} documents ({size:.1f} KB a page), {n_fig} figures, warm, fastest of {rounds} passes"
          f" in turns, CPU time (load average {load:.1f})")
    print(f"  clean   {1000 * t_clean / n:7.2f} ms/doc  ({n / t_clean:8.1f} docs/s)")
    print(f"  extract {1000 * t_extract / n:7.2f} ms/doc  ({n / t_extract:8.1f} docs/s)")
    print(f"  extract costs {t_extract / t_clean:.0%} of cleaning")


def bench_written() -> None:
    extract(WRITTEN)
    n = 500
    t = _time(lambda: [extract(WRITTEN) for _ in range(n)])
    print(f"written release ({len(WRITTEN)} chars): {n / t:8.1f} docs/s")


# One sentence full of figures, commas between them and no full stop until the end.
SENTENCE_UNIT = "全省共破获毒品刑事案件5453起,缴获毒品11689.4公斤,抓获犯罪嫌疑人5648人,同比上升12.3%,"


def bench_sentence_length() -> None:
    """Extraction must stay linear in the length of a sentence: the time per figure of a 1 MB
    single-sentence text beside that of a 128 KB one."""
    print("one sentence full of figures (linear in its length):")
    per_figure = []
    for size in (128 * 1024, 1024 * 1024):
        text = "今年1至5月," + SENTENCE_UNIT * (size // len(SENTENCE_UNIT.encode("utf-8"))) + "。"
        t0 = time.perf_counter()
        figs = extract(text)
        dt = time.perf_counter() - t0
        per_figure.append(dt / max(1, len(figs)))
        print(f"  {len(text.encode('utf-8')) / 1024:7.0f} KB {len(figs):7d} figures {dt:7.2f} s"
              f"  {1e6 * dt / max(1, len(figs)):6.0f} us/figure")
    print(f"  time per figure, 1 MB against 128 KB: {per_figure[1] / per_figure[0]:.2f}x (1.00x is linear)")


def bench_pathological() -> None:
    print("pathological inputs (must finish, never raise):")
    for name, text in PATHOLOGICAL.items():
        t0 = time.perf_counter()
        figs = extract(text)
        dt = time.perf_counter() - t0
        print(f"  {name:32} {len(text) / 1e6:5.1f} M chars {len(figs):8d} figures {dt:7.2f} s")


if __name__ == "__main__":
    bench_samples()
    bench_written()
    bench_sentence_length()
    bench_pathological()
