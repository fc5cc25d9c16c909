-- Runs recorded as running, with the time of the last thing each stored (its start, when it
-- stored nothing): when a run turns out to be abandoned, that is as far as it is known to have got.
SELECT
    r.run_id,
    greatest(
        r.started_at,
        coalesce((SELECT max(d.created_at) FROM documents d WHERE d.run_id = r.run_id), r.started_at),
        coalesce((SELECT max(x.occurred_at) FROM errors x WHERE x.run_id = r.run_id), r.started_at)
    ) AS last_trace_at
FROM runs r
WHERE r.status = 'running'
ORDER BY r.started_at;
