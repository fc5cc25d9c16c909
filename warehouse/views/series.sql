-- Claims as time series: one row per metric (and comparison), region, period kind and period,
-- statistics only (aggregates with a known metric and period). Periods of one length go together:
--   month         one calendar month                       (5月)
--   quarter       a calendar quarter                       (一季度, 1至3月)
--   half_year     January-June or July-December            (上半年, 1至6月)
--   year          a calendar year                          (2023年)
--   year_to_date  from 1 January to a day of the same year (1至5月, 今年以来, 前三季度)
--   other         any other span, open-ended ones included (2021年以来, 3月1日以来)
-- value: the value stated by the most stories (ties: the one published first); the others are in
-- conflicting_values. sources, stories and documents count every claim of the row.
CREATE OR REPLACE VIEW series AS
WITH kinded AS (
    SELECT
        *,
        CASE
            WHEN day(period_start) <> 1 THEN 'other'
            WHEN period_end = last_day(period_start) THEN 'month'
            WHEN month(period_start) IN (1, 4, 7, 10) AND period_end = last_day(period_start + INTERVAL 2 MONTH) THEN 'quarter'
            WHEN month(period_start) IN (1, 7) AND period_end = last_day(period_start + INTERVAL 5 MONTH) THEN 'half_year'
            WHEN month(period_start) = 1 AND period_end = make_date(year(period_start), 12, 31) THEN 'year'
            WHEN month(period_start) = 1 AND year(period_end) = year(period_start) THEN 'year_to_date'
            ELSE 'other'
        END AS period_kind
    FROM claims
    WHERE metric IS NOT NULL AND kind = 'aggregate' AND period_start IS NOT NULL AND period_end IS NOT NULL
),
per_value AS (
    SELECT
        metric, comparison, region, period_kind, period_start, period_end, unit, value,
        max(region_code) AS region_code,
        list(DISTINCT qualifier ORDER BY qualifier) AS qualifiers,
        sum(stories) AS stories,
        sum(documents) AS documents,
        min(first_published) AS first_published,
        max(last_published) AS last_published,
        flatten(list(source_names)) AS source_names,
        flatten(list(document_urls)) AS document_urls
    FROM kinded
    GROUP BY metric, comparison, region, period_kind, period_start, period_end, unit, value
)
SELECT
    metric,
    comparison,
    region,
    max(region_code) AS region_code,
    period_kind,
    period_start,
    period_end,
    arg_max(value, (stories, documents, -epoch(first_published))) AS value,
    unit,
    arg_max(qualifiers, (stories, documents, -epoch(first_published))) AS qualifiers,
    len(list_distinct(flatten(list(source_names)))) AS sources,
    sum(stories)::INTEGER AS stories,
    sum(documents)::INTEGER AS documents,
    CASE WHEN count(*) > 1 THEN
        list_filter(list(value ORDER BY value),
                    v -> v <> arg_max(value, (stories, documents, -epoch(first_published))))
    END AS conflicting_values,
    min(first_published) AS first_published,
    max(last_published) AS last_published,
    list_sort(list_distinct(flatten(list(source_names)))) AS source_names,
    list_sort(list_distinct(flatten(list(document_urls)))) AS document_urls
FROM per_value
GROUP BY metric, comparison, region, period_kind, period_start, period_end, unit;
