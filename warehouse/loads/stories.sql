-- The stories given in this batch (b_stories); a document version keeps the first one it got.
INSERT INTO document_stories BY NAME
SELECT b.url, b.version, b.simhash, b.story_id, $now AS assigned_at
FROM b_stories b
WHERE NOT EXISTS (SELECT 1 FROM document_stories s WHERE s.url = b.url AND s.version = b.version);
