-- Figures of extractions not yet stored for that document version and extractor version.
-- (The newest versions of the batch's URLs, as in doc_status.sql.)
CREATE OR REPLACE TEMP TABLE b_new_figures AS
WITH d AS (
    SELECT url, text_sha256, version FROM documents
    WHERE url IN (SELECT url FROM b_docs)
    QUALIFY row_number() OVER (PARTITION BY url ORDER BY version DESC) = 1
)
SELECT f.* EXCLUDE (url, text_sha256), f.url AS document_url, d.version AS document_version
FROM b_figures f
JOIN d ON d.url = f.url AND d.text_sha256 = f.text_sha256
WHERE NOT EXISTS (
    SELECT 1 FROM extractions e
    WHERE e.document_url = f.url AND e.document_version = d.version
      AND e.extractor = f.extractor AND e.extractor_version = f.extractor_version
);
INSERT INTO extracted_figures BY NAME SELECT * FROM b_new_figures;
