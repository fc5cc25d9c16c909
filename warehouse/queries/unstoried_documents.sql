-- Document versions that belong to no story yet (new in this batch, or loaded before stories
-- existed), in the order they are given one: by publication, then by load.
SELECT d.url, d.version, d.published_at, d.text
FROM documents d
WHERE NOT EXISTS (SELECT 1 FROM document_stories s WHERE s.url = d.url AND s.version = d.version)
ORDER BY d.published_at NULLS LAST, d.created_at, d.url, d.version;
