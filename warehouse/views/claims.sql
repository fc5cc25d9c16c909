-- One row per claim: the same figure (what, where, when, how much) stated by one or more
-- current documents, a release and its reprints together. `what` is the metric where a domain
-- module knows it, else the subject as written.
CREATE OR REPLACE VIEW claims AS
SELECT
    coalesce(metric, subject) AS what,
    metric,
    region,
    period_start,
    period_end,
    kind,
    qualifier,
    comparison,
    coalesce(value_normalised, value) AS value,
    coalesce(unit_normalised, unit) AS unit,
    count(DISTINCT document_url) AS documents,
    count(DISTINCT source) AS sources,
    min(published_at) AS first_published,
    max(published_at) AS last_published,
    list(DISTINCT source ORDER BY source) AS source_names,
    arg_min(document_url, published_at) AS first_document_url,
    arg_min(mention, published_at) AS example_mention
FROM figures
GROUP BY ALL;
