-- Which of the given runs are recorded as ended (any status but running).
SELECT run_id
FROM runs
WHERE status <> 'running' AND list_contains($run_ids, run_id);
