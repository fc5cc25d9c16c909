"""Hostile input, each with its expected outcome and a time bound.

Documents go through the pipeline's own cleaning-and-extraction call (``pipeline.process``, the
worker process with the time limit per document); pages through the real HTTP client against a
server on 127.0.0.1; files and archives through the directory and WARC readers; sources files
through the CLI. The expectations (also in docs/reliability.md):

| input | expected | bound |
| --- | --- | --- |
| HTML nested 100,000 levels deep (div; mixed inline and table tags) | errors row at clean: no article text (lxml stops at depth 256) | 10 s |
| 10 MB of digits as .txt | a document, no figures (its own limit: 30 s) | 35 s |
| 10 MB of digits as one HTML paragraph | errors row at clean: no article text | LIMIT + 5 s |
| charset lies: header utf-8 on GBK, meta big5 on UTF-8, header latin-1 on GB18030 | the right text, its figures | 5 s |
| charset lies: header gbk on UTF-16 without a BOM; NUL bytes | errors row at decode | 5 s |
| one sentence full of figures, 8 MB (about 9 s to extract, well over the 5 s limit here) | errors row at extract: took longer than LIMIT s | LIMIT + 5 s |
| inputs for the extractor's patterns: 1 MB of ``1,000``, ``(``, ``“``, ``、``, Chinese numerals, ``2024年1月至``, ``增长5.5%，`` | its figures, or an errors row at the time limit | LIMIT + 5 s |
| a 100 MB page, with and without Content-Length | errors row at fetch: larger than 10485760 bytes; the body is not read past the cap | 20 s |
| a 100 MB file; a .gz that expands to 128 MB; an 11 MB WARC record | errors row at fetch: larger than 10485760 bytes | 10 s |
| file names that are not UTF-8 | stored under a percent-escaped file URL; errors rows show \\xNN | 20 s |
| sources.yaml with wrong types, unknown keys, an alias bomb | exit 2, one line naming the file, source and field; nothing written | 5 s |
"""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from flows import pipeline
from flows.cli import main
from flows.config import DirectorySource, UrlListSource, WarcSource
from flows.fetching.acquire import acquire_source_sync
from flows.model import Page
from flows.settings import Settings
from tests import tally
from tests.flows.fixture_site import Reply, gzip_bomb

pytestmark = pytest.mark.reliability

LIMIT = 5.0  # seconds per document in these tests (the default is 60)
SETTINGS = Settings(document_seconds=LIMIT, delay_seconds=0.0, retries=0, timeout_seconds=10.0)
MB = 1_000_000
ARTICLE = "今年1至5月,全省共破获毒品刑事案件5453起，抓获犯罪嫌疑人5648人，缴获毒品11689.4公斤，各地持续开展专项行动。"
GOOD = f"<html><head><title>禁毒通报</title></head><body><article><h1>禁毒通报</h1><p>{ARTICLE}</p></article></body></html>"
FIGURE_UNIT = "全省共破获毒品刑事案件5453起，缴获毒品11689.4公斤，抓获犯罪嫌疑人5648人，"


def repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit.encode()))


@dataclass(frozen=True)
class Case:
    name: str
    body: Callable[[], bytes]
    url: str = "https://press.example.gov.cn/a.html"
    headers: tuple[tuple[str, str], ...] = ()
    stage: str | None = None  # expected errors row stage; None: a document
    says: str = ""  # in the errors row's reason
    figures: int | None = None  # a document's figures (None: any; HONEST: as many as the honest page gives)
    either: bool = False  # a document, or left out at the time limit
    bound: float = LIMIT + 5
    # the time limit per document for this case: LIMIT, but a case that must end as a document gets room
    # for the work it is, whatever the machine's speed (10 MB of digits: cleaning, extraction and the story
    # fingerprint of the whole text take 1.5-3 s in one process, 3-7 s through a worker on a loaded machine)
    seconds: float = LIMIT


HONEST = -1


NESTED_TEXT = "今年1至5月,全省共破获毒品刑事案件5453起，抓获犯罪嫌疑人5648人，各地持续开展专项行动。".encode()
CASES = [
    Case("nested 100,000 divs", lambda: b"<html><body>" + b"<div>" * 100_000 + NESTED_TEXT + b"</div>" * 100_000
         + b"</body></html>", stage="clean", says="no article text found", bound=10),
    Case("nested 100,000 mixed tags", lambda: b"<html><body>" + b"<div><span><b><i><table><tr><td>" * 14_286
         + NESTED_TEXT + b"</body></html>", stage="clean", says="no article text found", bound=10),
    Case("10 MB of digits as .txt", lambda: b"1" * (10 * MB), url="https://press.example.gov.cn/a.txt", figures=0,
         seconds=30, bound=35),
    Case("10 MB of digits in one paragraph", lambda: b"<html><body><p>" + b"1" * (10 * MB) + b"</p></body></html>",
         stage="clean", says="no article text found"),
    Case("header utf-8 on GBK bytes", lambda: GOOD.encode("gbk"), headers=(("content-type", "text/html; charset=utf-8"),),
         figures=HONEST, bound=5),
    Case("meta big5 on UTF-8 bytes", lambda: GOOD.replace("<head>", "<head><meta charset='big5'>").encode(),
         figures=HONEST, bound=5),
    Case("header latin-1 on GB18030 bytes", lambda: GOOD.encode("gb18030"),
         headers=(("content-type", "text/html; charset=iso-8859-1"),), figures=HONEST, bound=5),
    Case("header gbk on UTF-16 without a BOM", lambda: GOOD.encode("utf-16-le"),
         headers=(("content-type", "text/html; charset=gbk"),), stage="decode", says="looks binary", bound=5),
    Case("NUL bytes between the characters", lambda: b"\x00".join(GOOD.encode()[i:i + 1] for i in range(len(GOOD.encode()))),
         stage="decode", says="looks binary", bound=5),
    Case("one sentence full of figures, 8 MB", lambda: ("今年1至5月，" + repeat(FIGURE_UNIT, 8_000_000)).encode(),
         url="https://press.example.gov.cn/a.txt", stage="extract", says=f"took longer than {LIMIT:g} s to extract"),
    *[Case(f"1 MB of {label}", (lambda u=unit: repeat(u, MB).encode()), url="https://press.example.gov.cn/a.txt",
           either=True)
      for label, unit in [("'1,000'", "1,000"), ("'('", "("), ("'“'", "“"), ("'甲、'", "甲、"),
                          ("Chinese numerals", "一二三四五六七八九十百千万亿"), ("'2024年1月至'", "2024年1月至"),
                          ("'增长5.5%，'", "增长5.5%，"), ("'其中'", "其中"), ("'记者从'", "记者从")]],
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_hostile_document_ends_as_expected_within_its_bound(case: Case):
    page = Page(url=case.url, source="hostile", body=case.body(), headers=dict(case.headers))
    start = time.monotonic()
    settings = SETTINGS if case.seconds == LIMIT else dataclasses.replace(SETTINGS, document_seconds=case.seconds)
    done, failures = pipeline.process([page], "云南省", settings)
    elapsed = time.monotonic() - start
    tally.add(hostile=1)
    assert elapsed < case.bound, f"{case.name}: {elapsed:.1f} s"
    if case.either:
        assert done or (failures and failures[0].stage == "extract" and "took longer than" in failures[0].reason), failures
        return
    if case.stage is None:
        assert not failures, failures
        (p,) = done
        if case.figures == HONEST:  # the text and figures of the same page labelled truthfully
            (honest,), _ = pipeline.process([Page(url=case.url, source="hostile", body=GOOD.encode())], "云南省", SETTINGS)
            assert p.document.text == honest.document.text and p.figures == honest.figures and p.figures
        elif case.figures is not None:
            assert len(p.figures) == case.figures
        return
    assert not done
    (f,) = failures
    assert f.stage == case.stage and case.says in f.reason, f


def test_after_a_document_over_the_limit_the_next_one_is_processed():
    slow = Page(url="https://press.example.gov.cn/slow.txt", source="h",
                body=("今年1至5月，" + repeat(FIGURE_UNIT, 3_700_000)).encode())
    good = Page(url="https://press.example.gov.cn/good.html", source="h", body=GOOD.encode())
    done, failures = pipeline.process([slow, good, good], "云南省", Settings(document_seconds=2.0))
    tally.add(hostile=1)
    assert [f.url for f in failures] == [slow.url] and [p.page.url for p in done] == [good.url, good.url]
    assert done[0].figures and done[0].figures == done[1].figures


# ---------------------------------------------------------------- sizes: pages, files, archives


def _socket_buffers() -> int:
    """The most a TCP connection may hold in its two socket buffers on this machine (the kernel's receive and
    send maxima), 8 MB where the kernel does not say."""
    try:
        return sum(int(Path(f"/proc/sys/net/ipv4/{name}").read_text().split()[2]) for name in ("tcp_rmem", "tcp_wmem"))
    except (OSError, ValueError, IndexError):
        return 8 * 1024 * 1024


def test_a_100_mb_page_is_refused_by_size_without_reading_it(site):
    size = 100 * 1024 * 1024
    site.route("/undeclared.html", Reply(fault="stream", stream_size=size))
    site.route("/declared.html", Reply(fault="stream", stream_size=size, declare_length=True))
    source = UrlListSource(kind="urls", name="big", urls=[site.url("/undeclared.html"), site.url("/declared.html")],
                           allow_private_network=True, delay_seconds=0)
    start = time.monotonic()
    got = acquire_source_sync(source, SETTINGS, {})
    site.wait_idle()
    tally.add(hostile=2)
    assert time.monotonic() - start < 20
    assert got.pages == [] and sorted(f.reason for f in got.failures) == ["response larger than 10485760 bytes"] * 2
    sent = {h.path: h.bytes_sent for h in site.log}
    # refused on its Content-Length, or once past the cap: the server gets no further than the socket buffers
    # (the kernel may grow a loopback connection's buffers to its configured maxima: 36 MB on a machine with
    # tcp_rmem up to 32 MB, where a fixed 8 MB allowance failed under load)
    assert sent["/declared.html"] < 10485760 and sent["/undeclared.html"] < 10485760 + _socket_buffers()


def test_big_files_and_archive_records_are_refused_by_size(tmp_path):
    folder = tmp_path / "files"
    folder.mkdir()
    with (folder / "huge.html").open("wb") as f:
        f.truncate(100 * 1024 * 1024)  # 100 MB, sparse: nothing is written to disk
    (folder / "bomb.html.gz").write_bytes(gzip_bomb())  # 128 MB of zeros in 130 kB
    (folder / "good.html").write_text(GOOD, encoding="utf-8")
    start = time.monotonic()
    got = acquire_source_sync(DirectorySource(kind="directory", name="d", path=folder), SETTINGS, {})
    tally.add(hostile=2)
    reasons = {Path(f.url).name: f.reason for f in got.failures}
    assert reasons == {"huge.html": "file larger than 10485760 bytes",
                       "bomb.html.gz": "file larger than 10485760 bytes once decompressed"}
    assert [Path(p.url).name for p in got.pages] == ["good.html"]

    from tests.flows.fetching.test_discover import write_warc

    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc, [("http://press.example.gov.cn/a/1.html", 200, [("Content-Type", "text/html")], b"x" * (11 * MB)),
                      ("http://press.example.gov.cn/a/2.html", 200, [("Content-Type", "text/html"),
                                                                     ("Content-Encoding", "gzip")], gzip_bomb()),
                      ("http://press.example.gov.cn/a/3.html", 200, [("Content-Type", "text/html")], GOOD.encode())])
    got = acquire_source_sync(WarcSource(kind="warc", name="w", path=warc), SETTINGS, {})
    tally.add(hostile=2)
    assert [p.url for p in got.pages] == ["http://press.example.gov.cn/a/3.html"]
    assert [(f.url.rsplit("/", 1)[-1], f.reason) for f in got.failures] == [
        ("1.html", "archived body larger than 10485760 bytes"), ("2.html", "archived body larger than 10485760 bytes")]
    assert time.monotonic() - start < 10


def test_file_names_that_are_not_utf8(tmp_path, capsys):
    folder = tmp_path / "pages"
    folder.mkdir()
    raw = os.fsencode(folder)
    with open(raw + b"/\xff\xfe-gbk-name.html", "wb") as f:
        f.write(GOOD.encode())
    with open(raw + b"/\xb9\xab\xb0\xb2.html", "wb") as f:  # 公安 in GBK
        f.write(b"")
    with open(raw + b"/\xc3\x28-big.html", "wb") as f:
        f.truncate(11 * 1024 * 1024)
    cfg = tmp_path / "sources.yaml"
    cfg.write_text(f"sources:\n  - name: names\n    kind: directory\n    path: {folder}\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    start = time.monotonic()
    assert main(["run", "--plain", "--config", str(cfg), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    tally.add(hostile=3)
    assert time.monotonic() - start < 20
    con = duckdb.connect(str(db), read_only=True)
    docs = [u for (u,) in con.execute("SELECT url FROM documents").fetchall()]
    errs = dict(con.execute("SELECT url, reason FROM errors").fetchall())
    con.close()
    assert docs == [(folder / "x").as_uri()[:-1] + "%FF%FE-gbk-name.html"]
    assert errs == {f"{folder}/\\xc3(-big.html": "file larger than 10485760 bytes",
                    (folder / "x").as_uri()[:-1] + "%B9%AB%B0%B2.html": "empty file (0 bytes)"}
    assert "\\xc3(-big.html" in out


# ---------------------------------------------------------------- sources files


ALIAS_BOMB = "".join(f"{c}: &{c} [{', '.join(['*' + p] * 9) if p else ', '.join(['lol'] * 9)}]\n"
                     for p, c in zip(["", *"abcdefgh"], "abcdefghi", strict=True))


@pytest.mark.parametrize("text,says", [
    ("sources:\n  - name: a\n    kind: http\n    url: https://x.example/\n    link_pattern: x\n    max_pages: many\n",
     "source 'a', field 'max_pages': Input should be a valid integer"),
    ("sources:\n  - name: a\n    kind: http\n    url: https://x.example/\n    link_pattern: x\n"
     "    allow_private_network: perhaps\n", "source 'a', field 'allow_private_network': Input should be a valid boolean"),
    ("sources:\n  - name: a\n    kind: urls\n    urls: 5\n", "source 'a', field 'urls': Input should be a valid list"),
    ("sources:\n  - name: 12\n    kind: directory\n    path: /tmp\n", "field 'name': Input should be a valid string"),
    ("sources:\n  - name: a\n    kind: http\n    url: https://x.example/\n    linkpattern: x\n",
     "source 'a': unknown field 'linkpattern' (did you mean 'link_pattern'?)"),
    ("sources:\n  - name: a\n    kind: directory\n    path: /tmp\n    region: [云南, 贵州]\n",
     "source 'a', field 'region': Input should be a valid string"),
    ("sources: {name: a}\n", "field sources: Input should be a valid list"),
    ("- name: a\n", "expected a mapping with a 'sources' list at the top"),
    ("sources:\n  - name: a\n    kind: ftp\n", "unknown kind 'ftp'"),
    ("sources:\n  - name: a\n    kind: directory\n    path: /tmp\n  schedule: hourly\n",
     "not valid YAML at line 5, column 3: expected <block end>, but found '?'"),
    (ALIAS_BOMB + "sources:\n  - name: a\n    kind: urls\n    urls: *i\n", "unknown field 'a' (known: sources)"),
    ("sources:\n  - {name: a, kind: directory, path: /tmp, glob: [*.html]}\n", "not valid YAML"),
    ("\x00\x01\x02binary", "not valid YAML"),
])
def test_a_hostile_sources_file_is_one_line_and_writes_nothing(tmp_path, capsys, text, says):
    cfg = tmp_path / "sources.yaml"
    cfg.write_text(text, encoding="utf-8")
    db = tmp_path / "w.duckdb"
    for argv in (["sources", "--config", str(cfg)], ["run", "--plain", "--config", str(cfg), "--db", str(db)]):
        start = time.monotonic()
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert time.monotonic() - start < 5
        assert says in err and str(cfg) in err and err.count("\n") == 1 and "Traceback" not in err, err
    assert not db.exists()
    tally.add(hostile=1)


def test_a_sources_file_that_is_not_utf8(tmp_path, capsys):
    cfg = tmp_path / "sources.yaml"
    cfg.write_bytes("sources:\n  - name: 公安\n".encode("gbk"))
    assert main(["sources", "--config", str(cfg)]) == 2
    err = capsys.readouterr().err
    tally.add(hostile=1)
    assert "cannot read" in err and "utf-8" in err and err.count("\n") == 1
