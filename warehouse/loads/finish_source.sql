-- A source's outcome in a run (a retried task replaces its own row).
MERGE INTO run_sources t
USING (SELECT $run_id AS run_id, $source AS source, $status AS status, $discovered AS discovered,
              $fetched AS fetched, $skipped AS skipped, $documents_new AS documents_new,
              $documents_changed AS documents_changed, $documents_unchanged AS documents_unchanged,
              $figures AS figures, $failures AS failures, $fatal_reason AS fatal_reason,
              $now AS finished_at) s
ON t.run_id = s.run_id AND t.source = s.source
WHEN MATCHED THEN UPDATE SET status = s.status, discovered = s.discovered, fetched = s.fetched,
    skipped = s.skipped, documents_new = s.documents_new, documents_changed = s.documents_changed,
    documents_unchanged = s.documents_unchanged, figures = s.figures, failures = s.failures,
    fatal_reason = s.fatal_reason, finished_at = s.finished_at
WHEN NOT MATCHED THEN INSERT BY NAME;
