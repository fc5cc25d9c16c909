-- Failures of this run, once per (run, source, url, stage).
MERGE INTO errors t
USING (SELECT $run_id AS run_id, source, url, stage, reason, $now AS occurred_at FROM b_failures) s
ON t.run_id = s.run_id AND t.source = s.source AND t.url IS NOT DISTINCT FROM s.url AND t.stage = s.stage
WHEN NOT MATCHED THEN INSERT BY NAME;
