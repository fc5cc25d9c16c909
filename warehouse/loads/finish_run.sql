-- A run's totals, summed from its sources.
UPDATE runs SET
    finished_at = $now,
    status = $status,
    sources = agg.sources, discovered = agg.discovered, fetched = agg.fetched, skipped = agg.skipped,
    documents_new = agg.documents_new, documents_changed = agg.documents_changed,
    documents_unchanged = agg.documents_unchanged, figures = agg.figures, failures = agg.failures
FROM (
    SELECT count(*) AS sources, coalesce(sum(discovered), 0) AS discovered, coalesce(sum(fetched), 0) AS fetched,
           coalesce(sum(skipped), 0) AS skipped, coalesce(sum(documents_new), 0) AS documents_new,
           coalesce(sum(documents_changed), 0) AS documents_changed,
           coalesce(sum(documents_unchanged), 0) AS documents_unchanged,
           coalesce(sum(figures), 0) AS figures, coalesce(sum(failures), 0) AS failures
    FROM run_sources WHERE run_id = $run_id
) agg
WHERE runs.run_id = $run_id;
