-- The newest version of every document.
CREATE OR REPLACE VIEW documents_current AS
SELECT d.*
FROM documents d
QUALIFY row_number() OVER (PARTITION BY d.url ORDER BY d.version DESC) = 1;
