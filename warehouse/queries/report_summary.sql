-- The report's header: what the warehouse holds now.
SELECT
    (SELECT count(*) FROM documents_current) AS documents,
    (SELECT count(DISTINCT story_id) FROM documents_current) AS stories,
    (SELECT count(*) FROM figures) AS figures,
    (SELECT count(*) FROM claims) AS claims,
    (SELECT count(*) FROM conflicts) AS conflicts,
    (SELECT min(published_at) FROM documents_current) AS first_published,
    (SELECT max(published_at) FROM documents_current) AS last_published,
    (SELECT max(finished_at) FROM runs) AS last_run_at;
