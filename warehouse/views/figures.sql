-- One row per current figure: the newest version of each document, and for each extractor
-- the newest extraction of that version.
CREATE OR REPLACE VIEW figures AS
WITH current_extraction AS (
    SELECT e.document_url, e.document_version, e.extractor, e.extractor_version
    FROM extractions e
    JOIN documents_current d ON d.url = e.document_url AND d.version = e.document_version
    QUALIFY row_number() OVER (
        PARTITION BY e.document_url, e.extractor ORDER BY e.extracted_at DESC, e.extractor_version DESC) = 1
)
SELECT
    f.document_url,
    d.published_at,
    d.source,
    coalesce(f.region, s.region) AS region,
    f.region_code,
    f.metric,
    f.subject,
    f.value,
    f.value_high,
    f.unit,
    f.qualifier,
    f.comparison,
    f.kind,
    f.period_start,
    f.period_end,
    f.value_normalised,
    f.unit_normalised,
    f.unit_family,
    f.mention,
    f.sentence,
    f.start,
    f."end",
    f.extractor,
    f.extractor_version,
    f.module,
    f.document_version,
    d.title AS document_title,
    -- provenance: the text that set the period and the region, where it stands, and the rule
    f.period_from,
    f.period_from_start,
    f.period_from_end,
    f.period_rule,
    f.region_from,
    f.region_from_start,
    f.region_from_end,
    f.region_rule,
    r.level AS region_level,
    r.lng AS region_lng,
    r.lat AS region_lat
FROM extracted_figures f
JOIN current_extraction c USING (document_url, document_version, extractor, extractor_version)
JOIN documents_current d ON d.url = f.document_url
LEFT JOIN sources s ON s.name = d.source
LEFT JOIN regions r ON r.code = f.region_code;
