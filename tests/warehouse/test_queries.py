"""docs/queries.md: every question's SQL runs on the sample warehouse and returns the result the
document shows; each answer is also checked against what the sample releases say.

    python -m tests.warehouse.test_queries      # writes the results into docs/queries.md again
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import pytest

from flows.table import print_table

DOC = Path(__file__).resolve().parents[2] / "docs" / "queries.md"
_SECTION = re.compile(r"^### (?P<n>\d+)\. (?P<question>.+?)\n(?P<body>.*?)(?=^### |\Z)", re.S | re.M)
_SQL = re.compile(r"```sql\n(?P<sql>.*?)```", re.S)
_RESULT = re.compile(r"(Result on the sample warehouse:\n\n```text\n)(?P<result>.*?)(```)", re.S)


@dataclass(frozen=True)
class Question:
    n: int
    question: str
    sql: str
    result: str


def questions(text: str) -> list[Question]:
    out = []
    for m in _SECTION.finditer(text):
        body = m.group("body")
        sql, result = _SQL.search(body), _RESULT.search(body)
        assert sql and result, f"question {m.group('n')} needs a sql block and a result block"
        out.append(Question(int(m.group("n")), m.group("question"), sql.group("sql"), result.group("result")))
    return out


def run(con: duckdb.DuckDBPyConnection, sql: str) -> tuple[list[str], list[tuple]]:
    cur = con.execute(sql)
    return [d[0] for d in cur.description], cur.fetchall()


def render(cols: list[str], rows: list[tuple]) -> str:
    buf = io.StringIO()
    print_table(cols, rows, buf, limit=60)
    return buf.getvalue()


# ---------------------------------------------------------------- what the samples say, question by question

Y = "云南省"
G = "广西壮族自治区"


def _rows(cols: list[str], rows: list[tuple]) -> list[dict]:
    return [dict(zip(cols, r, strict=True)) for r in rows]


def check_1(r: list[dict]) -> None:  # ynga_jindu_20240625: 1至5月 4127起; 2021年以来 3.2万起 (to the release's date)
    got = {(x["period_kind"], x["period_end"], x["value"]) for x in r}
    assert got == {("year_to_date", date(2024, 5, 31), 4127.0), ("other", date(2024, 6, 25), 32000.0)}
    assert all((x["sources"], x["stories"]) == (2, 1) for x in r)  # the release and the portal's reprint


def check_2(r: list[dict]) -> None:  # 2023 annual reports: 西双版纳 3.46吨, 贵州 611.7公斤, 南宁 318.5公斤
    assert [(x["region"], x["kg"]) for x in r] == [("西双版纳州", 3460.0), ("贵州省", 611.7), ("南宁市", 318.5)]


def check_3(r: list[dict]) -> None:  # Yunnan has the most releases about narcotics (police, portal, two prefectures)
    assert r[0]["region"] == Y and r[0]["claims"] > r[1]["claims"]
    assert r[0]["statements"] >= 2 * 9  # each of its nine totals in the release and the reprint


def check_4(r: list[dict]) -> None:  # the portal says 1826起, the police 1862起
    assert [(x["metric"], x["region"], x["values"]) for x in r] == [("narcotics.cases_solved", G, [1826.0, 1862.0])]


def check_5(r: list[dict]) -> None:  # one story each: a tie, the earlier publication (the police, 07-12) wins
    assert [(x["region"], x["value"], x["conflicting_values"], x["stories"]) for x in r] == [(G, 1862.0, [1826.0], 2)]


def check_6(r: list[dict]) -> None:  # the portal reprinted the Yunnan police release a day later
    assert len(r) == 1 and r[0]["documents"] == 2 and r[0]["first_published"] == date(2024, 6, 25)
    assert r[0]["sources"] == ["yunnan-police", "caiyun-portal"]


def check_7(r: list[dict]) -> None:  # the portal and the police agree on 1.3吨 and 2431名 for Guangxi's first half
    got = {(x["what"], x["region"], x["value"]) for x in r}
    assert {("narcotics.drugs_seized", G, 1300.0), ("narcotics.suspects_arrested", G, 2431.0)} <= got
    assert all(x["stories"] == 2 for x in r)


def check_8(r: list[dict]) -> None:
    x = r[0]
    assert x["restating_their_own_document"] >= 4  # two headlines in each of the Yunnan release, its reprint, ...
    assert x["claims"] < x["figures"] - x["restating_their_own_document"]  # reprints fold into claims
    assert x["claims_in_several_documents"] >= 9


def check_9(r: list[dict]) -> None:  # headlines restating their body: 4127起 twice, 1862起, 1826起 and 1.3吨
    got = {(x["source"], x["mention"]) for x in r}
    assert {("yunnan-police", "4127起"), ("caiyun-portal", "4127起"), ("guangxi-police", "1862起"),
            ("bagui-news", "1826起")} <= got
    assert all(x["restates"] > x["start"] for x in r if x["mention"] in ("4127起", "1862起", "1826起"))


def check_10(r: list[dict]) -> None:  # two documents, each with the headline and the body sentence
    assert [(x["source"], x["restates"] is not None) for x in r] == [
        ("yunnan-police", True), ("yunnan-police", False), ("caiyun-portal", True), ("caiyun-portal", False)]
    assert all("4127起" in x["sentence"] and not x["sentence"].endswith("\n") for x in r)


def check_11(r: list[dict]) -> None:  # then: the portal's 1826 only; now: both
    assert [(x["moment"], x["source"], x["value"]) for x in r] == [
        ("then", "bagui-news", 1826.0), ("now", "bagui-news", 1826.0), ("now", "guangxi-police", 1862.0)]


def check_12(r: list[dict]) -> None:  # the sources loaded after shenzhen-police in the samples' sources.yaml
    assert [x["source"] for x in r] == sorted(["guangzhou-traffic-police", "dongguan-police", "sichuan-narcotics-commission",
                                               "yunnan-statistics", "guangdong-survey-office", "guiyang-statistics"])
    assert all(x["new_figures"] > 0 for x in r)


def check_13(r: list[dict]) -> None:  # one run of one extractor version over the 16 samples
    assert [(x["by_the_newest_version"], x["documents"]) for x in r] == [(True, 16)]


def check_14(r: list[dict]) -> None:
    assert r == []


CHECKS: dict[int, Callable[[list[dict]], None]] = {
    int(name.split("_")[1]): f for name, f in globals().items() if name.startswith("check_")}


# ---------------------------------------------------------------- tests


@pytest.fixture(scope="module")
def con(sample_warehouse):
    c = duckdb.connect(str(sample_warehouse), read_only=True)
    yield c
    c.close()


def test_the_document_asks_at_least_twelve_questions_and_each_has_a_check():
    qs = questions(DOC.read_text(encoding="utf-8"))
    assert len(qs) >= 12
    assert [q.n for q in qs] == list(range(1, len(qs) + 1))
    assert sorted(CHECKS) == [q.n for q in qs]


@pytest.mark.parametrize("n", range(1, len(questions(DOC.read_text(encoding="utf-8"))) + 1))
def test_each_answer_is_the_samples_and_the_document_shows_it(con, n):
    q = questions(DOC.read_text(encoding="utf-8"))[n - 1]
    cols, rows = run(con, q.sql)
    CHECKS[n](_rows(cols, rows))
    assert render(cols, rows) == q.result, (
        f"docs/queries.md question {n} shows another result than the query returns; if the new one is right, "
        "run `make queries-doc`")


def test_the_extractor_diff_finds_what_a_new_version_changed(tmp_path):
    from tests.warehouse.conftest import make_processed
    from warehouse.db import writing
    from warehouse.load import load_batch

    q14 = questions(DOC.read_text(encoding="utf-8"))[13]
    db = tmp_path / "w.duckdb"
    with writing(db) as c:
        load_batch(c, run_id="r1", processed=[make_processed("https://a.example/1", "x", extractor_version="1",
                                                             values=(5453.0, 11.0))])
        load_batch(c, run_id="r2", processed=[make_processed("https://a.example/1", "x", extractor_version="2",
                                                             values=(5453.0, 12.0, 7.0))])
        cols, rows = run(c, q14.sql)
    assert [(r["start"], r["value_before"], r["value_now"], r["change"]) for r in _rows(cols, rows)] == [
        (10, 11.0, 12.0, "changed"), (20, None, 7.0, "added")]


# ---------------------------------------------------------------- writing the results into the document


def write_results(db: Path, doc: Path = DOC) -> None:
    text = doc.read_text(encoding="utf-8")
    con = duckdb.connect(str(db), read_only=True)
    try:
        def one(m: re.Match) -> str:
            body = m.group(0)
            sql = _SQL.search(body)
            assert sql
            result = render(*run(con, sql.group("sql")))
            return _RESULT.sub(lambda r: r.group(1) + result + r.group(3), body)

        doc.write_text(_SECTION.sub(one, text), encoding="utf-8")
    finally:
        con.close()


if __name__ == "__main__":
    import contextlib
    import tempfile

    from flows.cli import main

    with tempfile.TemporaryDirectory() as d:
        db = Path(d) / "pressetl.duckdb"
        with contextlib.redirect_stdout(io.StringIO()):
            assert main(["run", "--plain", "--db", str(db)]) == 0
        write_results(db)
    print(f"{DOC}: results written", file=sys.stderr)
