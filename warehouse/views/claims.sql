-- One row per claim: the same figure (what, where, when, how much) stated by one or more current
-- documents, a release and its reprints together. `what` is the metric where a domain module knows
-- it, else the subject as written. Figures that restate another figure of their own document (a
-- headline repeating the body) are left out, so nothing is counted twice.
--
-- Within a story (a release and its reprints) figures are one claim when they state the same thing:
-- the same phrase (mention) with the same resolved start. An open-ended period (2021年以来, 今年以来)
-- ends on each document's own publication date; the claim takes the end the story's first
-- publication gave it. Across stories, figures are one claim when what, region, period and value agree.
CREATE OR REPLACE VIEW claims AS
WITH stated AS (
    SELECT
        *,
        coalesce(metric, subject) AS what,
        coalesce(value_normalised, value) AS claim_value,
        coalesce(unit_normalised, unit) AS claim_unit,
        coalesce(story_id, document_url) AS story
    FROM figures
    WHERE restates IS NULL
),
in_story AS (
    SELECT
        *,
        first_value(period_end) OVER (
            PARTITION BY story, what, region, kind, qualifier, comparison, claim_value, claim_unit, period_start, mention
            ORDER BY published_at NULLS LAST, document_url) AS claim_end
    FROM stated
)
SELECT
    what,
    metric,
    region,
    max(region_code) AS region_code,
    period_start,
    claim_end AS period_end,
    kind,
    qualifier,
    comparison,
    claim_value AS value,
    claim_unit AS unit,
    count(DISTINCT story) AS stories,
    count(DISTINCT document_url) AS documents,
    count(DISTINCT source) AS sources,
    min(published_at) AS first_published,
    max(published_at) AS last_published,
    list(DISTINCT source ORDER BY source) AS source_names,
    list(DISTINCT document_url ORDER BY document_url) AS document_urls,
    arg_min(document_url, published_at) AS first_document_url,
    arg_min(mention, published_at) AS example_mention
FROM in_story
GROUP BY what, metric, region, period_start, claim_end, kind, qualifier, comparison, claim_value, claim_unit;
