-- The newest version of every document, with the story (a release and its reprints) it belongs to.
CREATE OR REPLACE VIEW documents_current AS
SELECT d.*, s.story_id
FROM documents d
LEFT JOIN document_stories s ON s.url = d.url AND s.version = d.version
QUALIFY row_number() OVER (PARTITION BY d.url ORDER BY d.version DESC) = 1;
