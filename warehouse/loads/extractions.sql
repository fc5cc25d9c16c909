-- One record per (document version, extractor, extractor version), also with no figures.
MERGE INTO extractions t
USING (
    WITH d AS (  -- the newest versions of the batch's URLs, as in doc_status.sql
        SELECT url, text_sha256, version FROM documents
        WHERE url IN (SELECT url FROM b_extractions)
        QUALIFY row_number() OVER (PARTITION BY url ORDER BY version DESC) = 1
    )
    SELECT b.url AS document_url, d.version AS document_version, b.extractor, b.extractor_version,
           b.figures, $now AS extracted_at, $run_id AS run_id
    FROM b_extractions b
    JOIN d ON d.url = b.url AND d.text_sha256 = b.text_sha256
) s
ON t.document_url = s.document_url AND t.document_version = s.document_version
   AND t.extractor = s.extractor AND t.extractor_version = s.extractor_version
WHEN NOT MATCHED THEN INSERT BY NAME;
