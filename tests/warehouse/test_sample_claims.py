"""The seed release (flows/samples/yunnan/ynga_jindu_20240625.html) is stated three times in the
samples: its body, its headline (1至5月 4127起 again) and a portal's reprint a day later. Each of
its totals, the open-ended ones (2021年以来, 今年以来, 自3月1日以来) included, must be one claim of one
story and one row of a series."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

# metric -> (value in the claim's unit, period start): the totals the release states for the province
TOTALS = [
    ("narcotics.cases_solved", 4127.0, date(2024, 1, 1)),          # 今年1至5月 … 4127起 (and the headline)
    ("narcotics.drugs_seized", 9356.8, date(2024, 1, 1)),          # 9356.8公斤
    ("narcotics.suspects_arrested", 4390.0, date(2024, 1, 1)),     # 4390人
    ("narcotics.cases_solved", 32000.0, date(2021, 1, 1)),         # 2021年以来 … 3.2万起
    ("narcotics.drugs_seized", 61000.0, date(2021, 1, 1)),         # 近61吨
    ("narcotics.suspects_arrested", 280.0, date(2024, 3, 1)),      # 自3月1日……以来 超过280名
    ("narcotics.gangs_broken", 60.0, date(2024, 3, 1)),            # 60余个
    ("narcotics.rehab_total", 20000.0, date(2024, 1, 1)),          # 今年以来 两万余人
    ("narcotics.compulsory_rehab", 8600.0, date(2024, 1, 1)),      # 8600余人
]
RELEASE_PUBLISHED = date(2024, 6, 25)


@pytest.fixture(scope="module")
def con(sample_warehouse):
    c = duckdb.connect(str(sample_warehouse), read_only=True)
    yield c
    c.close()


def test_the_release_and_its_reprint_are_one_story(con):
    rows = con.execute("SELECT source, story_id FROM documents_current WHERE source IN ('yunnan-police', 'caiyun-portal')").fetchall()
    assert len(rows) == 2 and rows[0][1] == rows[1][1] is not None
    assert con.execute("SELECT count(DISTINCT story_id) FROM documents_current").fetchone()[0] == \
        con.execute("SELECT count(*) FROM documents_current").fetchone()[0] - 1


@pytest.mark.parametrize(("metric", "value", "start"), TOTALS)
def test_each_total_is_one_claim_and_one_series_row(con, metric, value, start):
    claims = con.execute(
        "SELECT period_end, stories, documents, sources FROM claims WHERE region = '云南省' AND metric = ? AND value = ?",
        [metric, value]).fetchall()
    assert len(claims) == 1, claims
    end, stories, documents, sources = claims[0]
    assert (stories, documents, sources) == (1, 2, 2)
    assert end <= RELEASE_PUBLISHED  # an open-ended period ends on the release's date, not the reprint's
    series = con.execute(
        "SELECT period_start, period_end, sources, stories, conflicting_values FROM series "
        "WHERE region = '云南省' AND metric = ? AND value = ?", [metric, value]).fetchall()
    assert series == [(start, end, 2, 1, None)]


def test_nothing_the_release_states_is_claimed_twice(con):
    twice = con.execute("""
        SELECT what, value, count(*) FROM claims
        WHERE list_contains(source_names, 'yunnan-police') GROUP BY what, value HAVING count(*) > 1""").fetchall()
    assert twice == []
    # the headline restates the body: four 4127起 figures in two documents, two of them restating
    rows = con.execute("SELECT count(*), count(restates) FROM figures WHERE mention = '4127起'").fetchone()
    assert rows == (4, 2)
