-- Each document of the batch against the newest stored version of its URL:
-- new (URL never seen), unchanged (same text), changed (a new version follows).
CREATE OR REPLACE TEMP TABLE b_doc_status AS
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
LEFT JOIN documents_current cur ON cur.url = b.url;
