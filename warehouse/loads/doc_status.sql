-- Each document of the batch against the newest stored version of its URL:
-- new (URL never seen), unchanged (same text), changed (a new version follows).
-- (The newest versions of the batch's URLs only, not the documents_current view: a window over
-- every stored document per batch made loads slower as the warehouse grew.)
CREATE OR REPLACE TEMP TABLE b_doc_status AS
WITH cur AS (
    SELECT url, text_sha256, version FROM documents
    WHERE url IN (SELECT url FROM b_docs)
    QUALIFY row_number() OVER (PARTITION BY url ORDER BY version DESC) = 1
)
SELECT
    b.url,
    b.text_sha256,
    CASE
        WHEN cur.url IS NULL THEN 'new'
        WHEN cur.text_sha256 = b.text_sha256 THEN 'unchanged'
        ELSE 'changed'
    END AS status,
    coalesce(cur.version, 0) + 1 AS next_version
FROM b_docs b
LEFT JOIN cur ON cur.url = b.url;
