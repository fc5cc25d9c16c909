-- Statistics that current documents state differently: the same metric, region and period with
-- more than one value (aggregates with a known metric and period only; events and figures of
-- unknown subject are left out, as they are not the same claim by construction).
CREATE OR REPLACE VIEW conflicts AS
SELECT
    metric,
    region,
    period_start,
    period_end,
    comparison,
    count(*) AS claims,
    list(value ORDER BY value) AS values,
    list(unit ORDER BY value) AS units,
    list(first_document_url ORDER BY value) AS document_urls
FROM claims
WHERE metric IS NOT NULL AND kind = 'aggregate' AND period_end IS NOT NULL
GROUP BY metric, region, period_start, period_end, comparison
HAVING count(DISTINCT value) > 1;
