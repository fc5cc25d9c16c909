-- Per source: its last run, last new document and recent figures per document, for `pressetl status`.
CREATE OR REPLACE VIEW source_health AS
WITH last_run AS (
    SELECT rs.*, r.started_at
    FROM run_sources rs JOIN runs r USING (run_id)
    WHERE r.flow IN ('ingest', 'plain')  -- re-extraction and backfills say nothing of a source's health
    QUALIFY row_number() OVER (PARTITION BY rs.source ORDER BY rs.finished_at DESC) = 1
),
last_doc AS (
    SELECT source, max(created_at) AS last_new_document_at, count(DISTINCT url) AS documents
    FROM documents GROUP BY source
)
SELECT
    s.name AS source,
    s.kind,
    s.region,
    s.source_group,
    lr.run_id AS last_run_id,
    lr.finished_at AS last_run_at,
    lr.status AS last_run_status,
    lr.fatal_reason AS last_run_reason,
    ld.last_new_document_at,
    coalesce(ld.documents, 0) AS documents
FROM sources s
LEFT JOIN last_run lr ON lr.source = s.name
LEFT JOIN last_doc ld ON ld.source = s.name;
