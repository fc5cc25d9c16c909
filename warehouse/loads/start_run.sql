MERGE INTO runs t
USING (SELECT $run_id AS run_id, $flow AS flow, $now AS started_at, 'running' AS status,
              $prefect_flow_run_id AS prefect_flow_run_id) s
ON t.run_id = s.run_id
WHEN NOT MATCHED THEN INSERT BY NAME;
