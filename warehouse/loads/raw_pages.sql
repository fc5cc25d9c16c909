-- Raw bytes and headers, once per (url, page_sha256).
MERGE INTO raw_pages t
USING (SELECT *, $run_id AS run_id FROM b_pages) s
ON t.url = s.url AND t.page_sha256 = s.page_sha256
WHEN NOT MATCHED THEN INSERT BY NAME;
