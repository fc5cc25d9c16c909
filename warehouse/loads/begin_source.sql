-- A source's row in a run as the run starts: 'running' until the run records its outcome.
-- finished_at holds the start until then (the column is never empty), so a run in progress
-- is already its sources' latest run (`pressetl status` shows it as running).
MERGE INTO run_sources t
USING (SELECT $run_id AS run_id, $source AS source, 'running' AS status, 0 AS discovered, 0 AS fetched,
              0 AS skipped, 0 AS documents_new, 0 AS documents_changed, 0 AS documents_unchanged,
              0 AS figures, 0 AS failures, $now AS finished_at) s
ON t.run_id = s.run_id AND t.source = s.source
WHEN NOT MATCHED THEN INSERT BY NAME;
