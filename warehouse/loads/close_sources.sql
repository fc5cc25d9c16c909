-- The sources of a run that ended before recording their outcome (interrupted, abandoned):
-- each row still 'running' takes $status and the counts of what the run stored for it, read
-- from the rows the run left (its batches committed whole, so these are exact).
UPDATE run_sources SET
    status = $status,
    fetched = (SELECT count(*) FROM raw_pages p WHERE p.run_id = $run_id AND p.source = run_sources.source),
    documents_new = (SELECT count(*) FROM documents d
                     WHERE d.run_id = $run_id AND d.source = run_sources.source AND d.version = 1),
    documents_changed = (SELECT count(*) FROM documents d
                         WHERE d.run_id = $run_id AND d.source = run_sources.source AND d.version > 1),
    figures = (SELECT coalesce(sum(e.figures), 0) FROM extractions e
               JOIN documents d ON d.url = e.document_url AND d.version = e.document_version
               WHERE e.run_id = $run_id AND d.source = run_sources.source),
    failures = (SELECT count(*) FROM errors x WHERE x.run_id = $run_id AND x.source = run_sources.source),
    fatal_reason = $reason,
    finished_at = $now
WHERE run_id = $run_id AND status = 'running';
