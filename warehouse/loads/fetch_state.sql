-- Validators for conditional GET, the newest per URL.
MERGE INTO fetch_state t
USING (SELECT *, $now AS updated_at, $run_id AS run_id FROM b_validators) s
ON t.url = s.url
WHEN MATCHED THEN UPDATE SET
    etag = s.etag, last_modified = s.last_modified,
    page_sha256 = coalesce(s.page_sha256, t.page_sha256),
    updated_at = s.updated_at, run_id = s.run_id
WHEN NOT MATCHED THEN INSERT BY NAME;
