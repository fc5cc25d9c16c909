-- One row per source in the warehouse, for `pressetl status`: its last run and result, its last
-- new document, the failure streak that ends at its last run, and figures per document of its
-- $recent newest documents against all its earlier ones (a template change shows as a drop).
-- Only ingest runs count (flow 'ingest' or 'plain'): a backfill or a re-extraction says nothing
-- about whether the live site still works. The last run is the last whatever its end (completed,
-- partial, failed, interrupted, abandoned), or the one running now.
-- Parameters: $now (TIMESTAMPTZ), $recent (INTEGER, documents in the recent window).
WITH ingest_runs AS (
    SELECT rs.source, rs.status, rs.fatal_reason, rs.finished_at, r.started_at
    FROM run_sources rs
    JOIN runs r USING (run_id)
    WHERE r.flow IN ('ingest', 'plain')
),
last_run AS (
    SELECT source, status, fatal_reason, finished_at
    FROM ingest_runs
    QUALIFY row_number() OVER (PARTITION BY source ORDER BY finished_at DESC) = 1
),
runs_agg AS (
    SELECT
        source,
        min(started_at) AS first_run_at,
        count(*) AS runs,
        max(finished_at) FILTER (WHERE status = 'completed') AS last_ok_at
    FROM ingest_runs
    GROUP BY source
),
streak AS (
    -- failed, partial or abandoned runs since the last completed one (interrupted and running
    -- ones neither count nor break the streak)
    SELECT i.source, count(*) AS failure_streak
    FROM ingest_runs i
    LEFT JOIN runs_agg a USING (source)
    WHERE i.status IN ('failed', 'partial', 'abandoned') AND (a.last_ok_at IS NULL OR i.finished_at > a.last_ok_at)
    GROUP BY i.source
),
last_doc AS (
    SELECT source, max(created_at) AS last_new_document_at, count(DISTINCT url) AS documents
    FROM documents
    GROUP BY source
),
latest_extraction AS (
    -- per current document and extractor, the newest extraction (as the figures view reads it)
    SELECT d.source, d.url, d.created_at, d.published_at, e.extractor, e.figures
    FROM documents_current d
    JOIN extractions e ON e.document_url = d.url AND e.document_version = d.version
    QUALIFY row_number() OVER (
        PARTITION BY e.document_url, e.extractor ORDER BY e.extracted_at DESC, e.extractor_version DESC) = 1
),
per_doc AS (
    SELECT
        source, url, sum(figures) AS figures,
        row_number() OVER (
            PARTITION BY source
            ORDER BY max(created_at) DESC, max(published_at) DESC NULLS LAST, url DESC) AS newest_rank
    FROM latest_extraction
    GROUP BY source, url
),
yields AS (
    SELECT
        source,
        count(*) FILTER (WHERE newest_rank <= $recent) AS recent_documents,
        avg(figures) FILTER (WHERE newest_rank <= $recent) AS recent_figures_per_document,
        count(*) FILTER (WHERE newest_rank > $recent) AS history_documents,
        avg(figures) FILTER (WHERE newest_rank > $recent) AS history_figures_per_document
    FROM per_doc
    GROUP BY source
)
SELECT
    s.name AS source,
    s.source_group,
    s.region,
    TRY_CAST(json_extract_string(s.config, '$.stale_after_hours') AS DOUBLE) AS stale_after_hours,
    lr.finished_at AS last_run_at,
    lr.status AS last_run_status,
    lr.fatal_reason AS last_run_reason,
    coalesce(ra.runs, 0) AS runs,
    ra.first_run_at,
    ld.last_new_document_at,
    coalesce(ld.documents, 0) AS documents,
    -- hours since the last new document; since the first run when the source never gave one
    (epoch($now::TIMESTAMPTZ) - epoch(coalesce(ld.last_new_document_at, ra.first_run_at))) / 3600.0
        AS hours_since_new,
    coalesce(st.failure_streak, 0) AS failure_streak,
    coalesce(y.recent_documents, 0) AS recent_documents,
    y.recent_figures_per_document,
    coalesce(y.history_documents, 0) AS history_documents,
    y.history_figures_per_document
FROM sources s
LEFT JOIN last_run lr ON lr.source = s.name
LEFT JOIN runs_agg ra ON ra.source = s.name
LEFT JOIN streak st ON st.source = s.name
LEFT JOIN last_doc ld ON ld.source = s.name
LEFT JOIN yields y ON y.source = s.name
ORDER BY s.source_group NULLS LAST, s.name;
